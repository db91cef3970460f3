/* cg-visit-register.c — the visitor register read: the paged register
 * and its search, the days and the rules (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are UTC "YYYY-MM-DDTHH:MM:SSZ" everywhere in the table, so that
 * they compare as text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-date.h"
#include "cg-validate.h"
#include "cg-visit-private.h"

/* ---------------------------------------------------------------------- */
/* The register, paged                                                     */

/* What a search can match, by its characters: letters are a name; digits
 * (and a final X) the start of an ID number, which begins with a region
 * code 11–82; digits and dashes the start of a phone number, a mobile
 * 1xx or a fixed line 0xxx-. */
typedef enum
{
  MATCH_NAME  = 1 << 0,
  MATCH_ID    = 1 << 1,
  MATCH_PHONE = 1 << 2,
} Match;

/* The search and the upper bound of its prefix range: the prefix with its
 * last byte one higher (a UTF-8 string never ends in 0xFF), so that
 * "prefix <= x < bound" is a range the B-tree index answers. */
static guint
search_range (const char  *search,
              char       **low_out,
              char       **high_out)
{
  g_autofree char *low = NULL;
  char *high;
  gsize len;
  gboolean digits = TRUE, dash = FALSE, x = FALSE;

  *low_out = *high_out = NULL;
  if (search == NULL)
    return 0;
  low = g_strstrip (g_strdup (search));
  len = strlen (low);
  if (len == 0)
    return 0;
  for (gsize i = 0; i < len; i++)
    {
      if (low[i] == '-' && i > 0)
        dash = TRUE;
      else if ((low[i] == 'x' || low[i] == 'X') && i == len - 1 && i > 0)
        x = TRUE;
      else if (!g_ascii_isdigit (low[i]))
        digits = FALSE;
    }
  high = NULL;
  if (digits)
    {
      guint match = 0;

      if (!dash && low[0] >= '1' && low[0] <= '8' && len <= 18)
        match |= MATCH_ID;
      if (!x && (low[0] == '0' || low[0] == '1'))
        match |= MATCH_PHONE;
      if (x)
        low[len - 1] = 'X';
      high = g_strdup (low);
      high[len - 1] = (char) ((guchar) high[len - 1] + 1);
      *low_out = g_steal_pointer (&low);
      *high_out = high;
      return match != 0 ? match : MATCH_ID;   /* matches nothing, through an index */
    }
  high = g_strdup (low);
  high[len - 1] = (char) ((guchar) high[len - 1] + 1);
  *low_out = g_steal_pointer (&low);
  *high_out = high;
  return MATCH_NAME;
}

#define NAME_RANGE  "visitor_name >= ?1 AND visitor_name < ?2"
#define ID_RANGE    "visitor_id_number >= ?1 AND visitor_id_number < ?2"
#define PHONE_RANGE "phone >= ?1 AND phone < ?2"

static gint64
count_matches (CgStore     *store,
               guint        match,
               const char  *low,
               const char  *high,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  /* Each range is counted in its own index alone; a number that may be
   * the start of both an ID number and a phone number (1…) counts the
   * visits matching both once, by their ids. */
  if (match == 0)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit", error);
  else if (match == MATCH_NAME)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit WHERE " NAME_RANGE, error);
  else if (match == MATCH_ID)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit WHERE " ID_RANGE, error);
  else if (match == MATCH_PHONE)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit WHERE " PHONE_RANGE, error);
  else
    stmt = cg_store_prepare (store,
                             "SELECT (SELECT count(*) FROM visit WHERE " ID_RANGE ")"
                             " + (SELECT count(*) FROM visit WHERE " PHONE_RANGE ")"
                             " - (SELECT count(*) FROM (SELECT id FROM visit WHERE " ID_RANGE
                             "    INTERSECT SELECT id FROM visit WHERE " PHONE_RANGE "))", error);
  if (stmt == NULL)
    return -1;
  if (match != 0)
    {
      cg_bind_text (stmt, 1, low);
      cg_bind_text (stmt, 2, high);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return count;
}

gint64
cg_visit_count (CgStore     *store,
                const char  *search,
                GError     **error)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  guint match = search_range (search, &low, &high);

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  return count_matches (store, match, low, high, error);
}

/* Rows in the table: visits are never deleted, so the last id. */
static gint64
table_size (CgStore  *store,
            GError  **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT coalesce (max (id), 0) FROM visit", error);
  gint64 size = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  else
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return size;
}

GPtrArray *
cg_visit_page (CgStore     *store,
               const char  *search,
               gint64       offset,
               guint        limit,
               GError     **error)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *sql = NULL;
  guint match = search_range (search, &low, &high);
  const char *where = "";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (match != 0)
    {
      gint64 matches = count_matches (store, match, low, high, error);
      gint64 size;
      double walked, scan_cost, index_cost, rest_cost;
      gboolean scan;

      if (matches < 0 || (size = table_size (store, error)) < 0)
        return NULL;
      if (matches <= offset)
        return g_ptr_array_new_with_free_func ((GDestroyNotify) cg_visit_free);
      /* Three ways to the page.  Walk the (arrived_at, id) order and skip
       * the rows that do not match: about (offset + limit) × size /
       * matches rows read, each looked up in the table (1 unit each when
       * they lie in the order they were written, several times that when
       * not).  Take the matches from the search's own index and sort
       * them: about 4 units a match.  Or, for one range, gather the few
       * rows that do not match from the index (about 2 units each) and
       * walk the order in the index alone, without the table (a quarter
       * of a unit a row).  Measured on 200,000 visits; the cheapest. */
      walked = (double) (offset + limit) * (double) size / (double) matches;
      scan_cost = walked;
      index_cost = 4.0 * (double) matches;
      rest_cost = match == MATCH_NAME || match == MATCH_ID || match == MATCH_PHONE
                  ? 2.0 * (double) (size - matches) + 0.25 * walked : G_MAXDOUBLE;
      if (matches >= size)
        /* Every row matches (the region prefix every local ID number
         * shares): visits are never deleted, so matches = the last id
         * means all of them, and the page is the whole register's, from
         * the (arrived_at, id) index alone. */
        where = "";
      else if (rest_cost < scan_cost && rest_cost < index_cost)
        {
          /* The rows outside the range; no column is ever NULL. */
          switch (match)
            {
            case MATCH_NAME:
              where = "WHERE id NOT IN (SELECT id FROM visit WHERE visitor_name < ?1 "
                      "UNION ALL SELECT id FROM visit WHERE visitor_name >= ?2) ";
              break;
            case MATCH_ID:
              where = "WHERE id NOT IN (SELECT id FROM visit WHERE visitor_id_number < ?1 "
                      "UNION ALL SELECT id FROM visit WHERE visitor_id_number >= ?2) ";
              break;
            default:
              where = "WHERE id NOT IN (SELECT id FROM visit WHERE phone < ?1 "
                      "UNION ALL SELECT id FROM visit WHERE phone >= ?2) ";
              break;
            }
        }
      else
        {
          scan = scan_cost < index_cost;
          /* "+column" keeps SQLite from the column's index, so that it
           * walks the order. */
          switch (match)
            {
            case MATCH_NAME:
              where = scan ? "WHERE +visitor_name >= ?1 AND +visitor_name < ?2 " : "WHERE " NAME_RANGE " ";
              break;
            case MATCH_ID:
              where = scan ? "WHERE +visitor_id_number >= ?1 AND +visitor_id_number < ?2 " : "WHERE " ID_RANGE " ";
              break;
            case MATCH_PHONE:
              where = scan ? "WHERE +phone >= ?1 AND +phone < ?2 " : "WHERE " PHONE_RANGE " ";
              break;
            default:
              where = scan ? "WHERE (+visitor_id_number >= ?1 AND +visitor_id_number < ?2) OR (+phone >= ?1 AND +phone < ?2) "
                           : "WHERE (" ID_RANGE ") OR (" PHONE_RANGE ") ";
              break;
            }
        }
    }

  /* The page's ids first, from indexes and as few rows as can be; only
   * the rows of the page are then read whole and joined with the person
   * visited. */
  sql = g_strconcat ("SELECT " VISIT_COLUMNS " FROM ("
                     "  SELECT id FROM visit ", where,
                     "  ORDER BY arrived_at DESC, id DESC LIMIT ?3 OFFSET ?4) AS page "
                     "JOIN visit v ON v.id = page.id LEFT JOIN person p ON p.id = v.visiting_id "
                     "ORDER BY v.arrived_at DESC, v.id DESC", NULL);
  stmt = cg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (match != 0)
    {
      cg_bind_text (stmt, 1, low);
      cg_bind_text (stmt, 2, high);
    }
  sqlite3_bind_int (stmt, 3, (int) MIN (limit, (guint) G_MAXINT));
  sqlite3_bind_int64 (stmt, 4, offset);
  return cg_visit_collect (store, stmt, error);
}

/* ---------------------------------------------------------------------- */
/* Days and rules                                                          */

GArray *
cg_visit_days (CgStore         *store,
               const CgPolicy  *policy,
               const GDate     *from,
               const GDate     *to,
               GError         **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (CgVisitDay));
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && from != NULL && to != NULL, NULL);

  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&days);
  first = cg_date_to_iso (from);
  last = cg_date_to_iso (to);

  /* Per day through the visit_day index (arrived_on, refusal).  A stay
   * is an overstay from (maximum + 1) whole minutes on, as
   * cg_visit_minutes() counts them; an open visit counts to the end of
   * its day (local), or to now on the day itself, as the alerts do. */
  stmt = cg_store_prepare (store,
                           "WITH RECURSIVE day (d) AS ("
                           "  SELECT ?1 UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < ?2) "
                           "SELECT day.d,"
                           " (SELECT count(*) FROM visit WHERE arrived_on = day.d AND refusal = 0),"
                           " (SELECT count(*) FROM visit WHERE arrived_on = day.d AND refusal > 0),"
                           " (SELECT count(*) FROM visit WHERE arrived_on = day.d AND refusal = 0"
                           "    AND CAST (strftime('%s', coalesce(left_at,"
                           "          min(?3, strftime('%Y-%m-%dT%H:%M:%SZ', day.d, '+1 day', 'utc')))) AS INTEGER)"
                           "      - CAST (strftime('%s', arrived_at) AS INTEGER) >= ?4) "
                           "FROM day ORDER BY day.d", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, first);
  cg_bind_text (stmt, 2, last);
  cg_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, ((gint64) cg_policy_get_int (policy, CG_POLICY_MAX_VISIT_MINUTES) + 1) * 60);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgVisitDay day = { 0 };

      cg_date_parse ((const char *) sqlite3_column_text (stmt, 0), &day.date);
      day.admitted = sqlite3_column_int (stmt, 1);
      day.refused = sqlite3_column_int (stmt, 2);
      day.overstays = sqlite3_column_int (stmt, 3);
      g_array_append_val (days, day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&days);
}

static CgAlert *
visit_alert (const CgPolicy *policy,
             CgSeverity      severity,
             char           *subject,
             gint64          record_id,
             char           *message,
             const char     *day)
{
  CgAlert *alert = g_new0 (CgAlert, 1);

  alert->rule = g_strdup ("ALL-4");
  alert->severity = severity;
  alert->subject = subject;
  alert->record_kind = g_strdup ("visit");
  alert->record_id = record_id;
  alert->message = message;
  alert->source = cg_rule_source_for ("ALL-4", cg_policy_get_kind (policy));
  alert->date = g_strdup (day);
  return alert;
}

static char *
visitor_subject (const CgVisit *visit)
{
  g_autofree char *masked = cg_mask_id_number (visit->visitor_id_number);

  return g_strdup_printf ("%s %s", visit->visitor_name, masked);
}

typedef struct
{
  const char *at;
  int         delta;
  gint64      visit_id;
} InsideEvent;

static int
inside_event_compare (gconstpointer a,
                      gconstpointer b)
{
  const InsideEvent *x = a;
  const InsideEvent *y = b;
  int c = strcmp (x->at, y->at);

  /* One who leaves at the minute another arrives is out already. */
  return c != 0 ? c : x->delta - y->delta;
}

gboolean
cg_visit_evaluate_rules (CgStore         *store,
                         const CgPolicy  *policy,
                         const GDate     *date,
                         GPtrArray       *alerts,
                         GError         **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *cutoff = NULL;
  int max_visitors, max_minutes;
  int refused = 0;
  int by_reason[CG_N_REFUSALS] = { 0 };
  int inside = 0, peak = 0;
  const char *peak_at = NULL;
  gint64 peak_visit = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && alerts != NULL, FALSE);

  if (!cg_policy_applies (policy, "ALL-4"))
    return TRUE;

  max_visitors = cg_policy_get_int (policy, CG_POLICY_MAX_VISITORS);
  max_minutes = cg_policy_get_int (policy, CG_POLICY_MAX_VISIT_MINUTES);
  day = cg_date_to_iso (date);
  start = cg_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), 0, 0, 0);
  end = g_date_time_add_days (start, 1);
  start_text = cg_visit_format_utc (start);
  /* The end of the day, or now while the day lasts. */
  cutoff = cg_visit_format_utc (g_date_time_compare (end, now) < 0 ? end : now);

  stmt = cg_store_prepare (store,
                           "SELECT " VISIT_COLUMNS VISIT_FROM
                           "WHERE v.arrived_on = ? ORDER BY v.arrived_at, v.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, day);
  visits = cg_visit_collect (store, stmt, error);
  if (visits == NULL)
    return FALSE;
  /* Those still inside from an earlier day share the room too. */
  before = cg_visit_list_inside (store, start_text, error);
  if (before == NULL)
    return FALSE;

  events = g_array_new (FALSE, FALSE, sizeof (InsideEvent));
  for (guint i = 0; i < before->len; i++)
    {
      CgVisit *visit = before->pdata[i];
      InsideEvent in = { start_text, +1, visit->id };

      if (g_strcmp0 (visit->arrived_on, day) == 0)
        continue;   /* arrived on the day after all (a time-zone edge) */
      g_array_append_val (events, in);
      if (visit->left_at != NULL && strcmp (visit->left_at, cutoff) < 0)
        {
          InsideEvent out = { visit->left_at, -1, visit->id };

          g_array_append_val (events, out);
        }
    }

  for (guint i = 0; i < visits->len; i++)
    {
      CgVisit *visit = visits->pdata[i];

      if (visit->refusal != 0)
        {
          refused++;
          for (guint b = 0; b < CG_N_REFUSALS; b++)
            if (visit->refusal & (1u << b))
              by_reason[b]++;
          continue;
        }

      if (strcmp (visit->arrived_at, cutoff) <= 0)
        {
          InsideEvent in = { visit->arrived_at, +1, visit->id };

          g_array_append_val (events, in);
          if (visit->left_at != NULL && strcmp (visit->left_at, cutoff) < 0)
            {
              InsideEvent out = { visit->left_at, -1, visit->id };

              g_array_append_val (events, out);
            }
        }

      if (cg_visit_is_overstay (policy, visit, cutoff))
        {
          int minutes = cg_visit_minutes (visit, cutoff);
          char *message;

          if (visit->left_at != NULL)
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Stayed %d minute (the limit is %d)",
                                                    "Stayed %d minutes (the limit is %d)", minutes),
                                       minutes, max_minutes);
          else
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Still inside after %d minute (the limit is %d): check the visitor out",
                                                    "Still inside after %d minutes (the limit is %d): check the visitor out",
                                                    minutes),
                                       minutes, max_minutes);
          g_ptr_array_add (alerts, visit_alert (policy, CG_SEVERITY_WARNING, visitor_subject (visit),
                                                visit->id, message, day));
        }
    }

  g_array_sort (events, inside_event_compare);
  for (guint i = 0; i < events->len; i++)
    {
      InsideEvent *event = &g_array_index (events, InsideEvent, i);

      inside += event->delta;
      if (inside > peak)
        {
          peak = inside;
          peak_at = event->at;
          peak_visit = event->visit_id;
        }
    }
  if (peak > max_visitors)
    {
      g_autofree char *local = cg_datetime_utc_to_local (peak_at);
      const char *clock = local != NULL && strlen (local) > 11 ? local + 11 : "";

      g_ptr_array_add (alerts,
                       visit_alert (policy, CG_SEVERITY_WARNING, g_strdup (_("Reception room")), peak_visit,
                                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%d visitor was inside at %s (the limit is %d at once)",
                                                                  "%d visitors were inside at %s (the limit is %d at once)",
                                                                  peak),
                                                     peak, clock, max_visitors),
                                    day));
    }

  if (refused > 0)
    {
      g_autoptr(GString) reasons = g_string_new (NULL);

      for (guint b = 0; b < CG_N_REFUSALS; b++)
        if (by_reason[b] > 0)
          {
            if (reasons->len > 0)
              /* Translators: separates the reasons in "fever 1, health code 2" */
              g_string_append (reasons, _(", "));
            /* Translators: a refusal reason and how many visitors it refused, "fever 1" */
            g_string_append_printf (reasons, _("%s %d"), cg_refusal_label (b), by_reason[b]);
          }
      g_ptr_array_add (alerts,
                       visit_alert (policy, CG_SEVERITY_INFO, g_strdup (_("Visitor register")), 0,
                                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%d visitor refused (%s)",
                                                                  "%d visitors refused (%s)",
                                                                  refused),
                                                     refused, reasons->str),
                                    day));
    }
  return TRUE;
}
