/* cg-copresence.c — who was there at the same time (for tracing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is worked out on whole seconds since the epoch, with
 * half-open intervals [from, to): one who leaves at the second another
 * arrives did not meet them, as cg_visit_count_inside() has it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-copresence.h"
#include "cg-date.h"
#include "cg-person.h"
#include "cg-visit.h"

const char *
cg_contact_kind_label (CgContactKind kind)
{
  switch (kind)
    {
    case CG_CONTACT_VISITOR: return C_("contact kind", "Visitor");
    case CG_CONTACT_VISITED: return C_("contact kind", "Resident visited");
    case CG_CONTACT_STAFF: return C_("contact kind", "Staff on duty");
    case CG_CONTACT_ROOMMATE: return C_("contact kind", "Roommate");
    default: g_return_val_if_reached ("");
    }
}

void
cg_contact_free (CgContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->name);
  g_free (contact->id_number);
  g_free (contact->phone);
  g_free (contact->from);
  g_free (contact->to);
  g_free (contact->detail);
  g_free (contact);
}

/* ---------------------------------------------------------------------- */
/* Times                                                                   */

static gint64
to_unix (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return -1;
  dt = g_date_time_new_from_iso8601 (iso, utc);
  return dt != NULL ? g_date_time_to_unix (dt) : -1;
}

static char *
from_unix (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* The local day of @t, "YYYY-MM-DD". */
static char *
local_day_of (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);

  return g_date_time_format (dt, "%Y-%m-%d");
}

/* 00:00 local of @day ("YYYY-MM-DD"), and of the day after. */
static gboolean
day_bounds (const char *day,
            gint64     *start_out,
            gint64     *end_out)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GDate date;

  if (!cg_date_parse (day, &date))
    return FALSE;
  start = cg_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  end = g_date_time_add_days (start, 1);
  *start_out = g_date_time_to_unix (start);
  *end_out = g_date_time_to_unix (end);
  return TRUE;
}

/* Adds every local day that [from, to) touches to @days. */
static void
add_days_of (GHashTable *days,
             gint64      from,
             gint64      to)
{
  gint64 t = from;

  while (t < to)
    {
      char *day = local_day_of (t);
      gint64 start, end;

      day_bounds (day, &start, &end);
      g_hash_table_add (days, day);
      t = end;
    }
}

/* ---------------------------------------------------------------------- */
/* Visits                                                                  */

typedef struct
{
  gint64  id;
  char   *name;
  char   *id_number;
  char   *phone;
  gint64  visiting_id;
  char   *visiting_name;
  char   *visiting_room;
  gint64  from;      /* clipped to the span */
  gint64  to;        /* open visits: the end of the span */
} Visit;

static void
visit_free (Visit *visit)
{
  g_free (visit->name);
  g_free (visit->id_number);
  g_free (visit->phone);
  g_free (visit->visiting_name);
  g_free (visit->visiting_room);
  g_free (visit);
}

/* The admitted visits that overlap [from, to), clipped to it; of one
 * visitor (@id_number), to one person (@visiting_id) or all. */
static GPtrArray *
load_visits (CgStore     *store,
             const char  *id_number,
             gint64       visiting_id,
             gint64       from,
             gint64       to,
             GError     **error)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) visit_free);
  g_autofree char *from_text = from_unix (from);
  g_autofree char *to_text = from_unix (to);
  g_autofree char *earliest = NULL;
  gint64 longest = cg_visit_longest_stay (store, error);
  sqlite3_stmt *stmt;
  int rc;

  if (longest < 0)
    return NULL;
  /* A closed visit that ends after @from began at most the longest stay
   * before it: the open visits come from the visit_inside index, the
   * closed ones from a range of the (arrived_at, id) index. */
  earliest = from_unix (from - longest);
  stmt = cg_store_prepare (store,
                           "SELECT v.id, v.visitor_name, v.visitor_id_number, v.phone, v.visiting_id, "
                           "  p.name, p.room, v.arrived_at, v.left_at "
                           "FROM visit v LEFT JOIN person p ON p.id = v.visiting_id "
                           "WHERE v.id IN ("
                           "  SELECT id FROM visit WHERE left_at IS NULL AND refusal = 0 AND arrived_at < ?2"
                           "  UNION ALL SELECT id FROM visit WHERE arrived_at >= ?5 AND arrived_at < ?2"
                           "    AND left_at > ?1 AND refusal = 0) "
                           "  AND (?3 IS NULL OR v.visitor_id_number = ?3) AND (?4 = 0 OR v.visiting_id = ?4) "
                           "ORDER BY v.arrived_at, v.id", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, from_text);
  cg_bind_text (stmt, 2, to_text);
  cg_bind_text (stmt, 3, id_number);
  sqlite3_bind_int64 (stmt, 4, visiting_id);
  cg_bind_text (stmt, 5, earliest);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Visit *visit = g_new0 (Visit, 1);
      const char *left = (const char *) sqlite3_column_text (stmt, 8);

      visit->id = sqlite3_column_int64 (stmt, 0);
      visit->name = cg_column_dup_text (stmt, 1);
      visit->id_number = cg_column_dup_text (stmt, 2);
      visit->phone = cg_column_dup_text (stmt, 3);
      visit->visiting_id = sqlite3_column_int64 (stmt, 4);
      visit->visiting_name = cg_column_dup_text (stmt, 5);
      visit->visiting_room = cg_column_dup_text (stmt, 6);
      visit->from = MAX (from, to_unix ((const char *) sqlite3_column_text (stmt, 7)));
      visit->to = left != NULL ? MIN (to, to_unix (left)) : to;
      if (visit->from < visit->to)
        g_ptr_array_add (visits, visit);
      else
        visit_free (visit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&visits);
}

/* ---------------------------------------------------------------------- */
/* Contacts, merged per kind and person                                    */

typedef struct
{
  CgContactKind  kind;
  char          *name;
  char          *id_number;
  char          *phone;
  gint64         person_id;
  gint64         from;
  gint64         to;
  GPtrArray     *parts;   /* char*, distinct, in the order met */
} Building;

static void
building_free (Building *b)
{
  g_free (b->name);
  g_free (b->id_number);
  g_free (b->phone);
  g_ptr_array_unref (b->parts);
  g_free (b);
}

static Building *
contact_for (GHashTable    *contacts,
             CgContactKind  kind,
             const char    *name,
             const char    *id_number,
             const char    *phone,
             gint64         person_id,
             gint64         from,
             gint64         to)
{
  g_autofree char *key = person_id != 0
                         ? g_strdup_printf ("%d p%" G_GINT64_FORMAT, kind, person_id)
                         : g_strdup_printf ("%d v%s", kind, id_number);
  Building *b = g_hash_table_lookup (contacts, key);

  if (b == NULL)
    {
      b = g_new0 (Building, 1);
      b->kind = kind;
      b->name = g_strdup (name);
      b->id_number = g_strdup (id_number);
      b->phone = g_strdup (phone != NULL ? phone : "");
      b->person_id = person_id;
      b->from = from;
      b->to = to;
      b->parts = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (contacts, g_steal_pointer (&key), b);
    }
  else
    {
      b->from = MIN (b->from, from);
      b->to = MAX (b->to, to);
    }
  return b;
}

static void
add_part (Building   *b,
          const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  for (guint i = 0; i < b->parts->len; i++)
    if (g_str_equal (b->parts->pdata[i], part))
      return;
  g_ptr_array_add (b->parts, g_strdup (part));
}

static char *
visited_part (const Visit *visit)
{
  if (visit->visiting_id == 0)
    return g_strdup ("");
  if (visit->visiting_room != NULL && *visit->visiting_room != '\0')
    /* Translators: a resident and their room, "王秀英 (3-101)" */
    return g_strdup_printf (_("%s (%s)"), visit->visiting_name, visit->visiting_room);
  return g_strdup (visit->visiting_name);
}

static void
add_visitor (GHashTable  *contacts,
             const Visit *visit,
             gint64       from,
             gint64       to)
{
  Building *b = contact_for (contacts, CG_CONTACT_VISITOR, visit->name, visit->id_number,
                             visit->phone, 0, from, to);
  g_autofree char *part = visited_part (visit);

  add_part (b, part);
}

/* The person @visit was to, met from @from to @to. */
static void
add_visited (CgStore     *store,
             GHashTable  *contacts,
             const Visit *visit,
             gint64       from,
             gint64       to,
             gint64       subject_id)
{
  g_autoptr(CgPerson) person = NULL;
  Building *b;

  if (visit->visiting_id == 0 || visit->visiting_id == subject_id)
    return;
  person = cg_person_load (store, visit->visiting_id, NULL);
  if (person == NULL)
    return;
  b = contact_for (contacts, CG_CONTACT_VISITED, cg_person_get_name (person),
                   cg_person_get_id_number (person), cg_person_get_phone (person),
                   visit->visiting_id, from, to);
  add_part (b, visit->name);
}

static int
contact_compare (gconstpointer a,
                 gconstpointer b)
{
  const CgContact *x = *(CgContact * const *) a;
  const CgContact *y = *(CgContact * const *) b;
  int c;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if ((c = strcmp (x->from, y->from)) != 0)
    return c;
  if ((c = strcmp (x->to, y->to)) != 0)
    return c;
  /* Code-point order: the same in every locale, so that an exported
   * list reads the same on every PC. */
  if ((c = strcmp (x->name, y->name)) != 0)
    return c;
  return strcmp (x->id_number, y->id_number);
}

static char *
join_parts (GPtrArray *parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: separates names or days in a list */
        g_string_append (out, _(", "));
      g_string_append (out, parts->pdata[i]);
    }
  return g_string_free (out, FALSE);
}

static CgContact *
finish (Building *b)
{
  CgContact *contact = g_new0 (CgContact, 1);
  g_autofree char *joined = join_parts (b->parts);

  contact->kind = b->kind;
  contact->name = g_strdup (b->name);
  contact->id_number = g_strdup (b->id_number);
  contact->phone = g_strdup (b->phone);
  contact->person_id = b->person_id;
  contact->from = from_unix (b->from);
  contact->to = from_unix (b->to);
  switch (b->kind)
    {
    case CG_CONTACT_VISITOR:
      contact->detail = b->parts->len > 0
                        /* Translators: a visitor's contact line, "visited 王秀英 (3-101)" */
                        ? g_strdup_printf (_("visited %s"), joined)
                        : g_strdup (_("visited no one named"));
      break;
    case CG_CONTACT_VISITED:
      /* Translators: a resident's contact line, "visited by 张伟, 李娜" */
      contact->detail = g_strdup_printf (_("visited by %s"), joined);
      break;
    case CG_CONTACT_STAFF:
      /* Translators: a staff member's contact line, "on duty 2026-11-20, 2026-11-21" */
      contact->detail = g_strdup_printf (_("on duty %s"), joined);
      break;
    case CG_CONTACT_ROOMMATE:
    default:
      /* Translators: a roommate's contact line, "room 3-101" */
      contact->detail = g_strdup_printf (_("room %s"), joined);
      break;
    }
  return contact;
}

/* ---------------------------------------------------------------------- */
/* The list                                                                */

/* Staff (other than @subject_id) with a check on one of @days. */
static gboolean
add_staff (CgStore     *store,
           GHashTable  *contacts,
           GHashTable  *days,
           gint64       subject_id,
           GError     **error)
{
  g_autoptr(GList) sorted = NULL;
  const char *first, *last;
  sqlite3_stmt *stmt;
  int rc;

  if (g_hash_table_size (days) == 0)
    return TRUE;
  sorted = g_list_sort (g_hash_table_get_keys (days), (GCompareFunc) strcmp);
  first = g_list_first (sorted)->data;
  last = g_list_last (sorted)->data;

  stmt = cg_store_prepare (store,
                           "SELECT DISTINCT c.checked_on, p.id, p.name, p.id_number, p.phone "
                           "FROM health_check c JOIN person p ON p.id = c.person_id "
                           "WHERE c.checked_on BETWEEN ? AND ? AND p.kind = 'staff' AND p.id <> ? "
                           "ORDER BY c.checked_on, p.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, first);
  cg_bind_text (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, subject_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      gint64 start, end;
      Building *b;

      if (!g_hash_table_contains (days, day) || !day_bounds (day, &start, &end))
        continue;
      b = contact_for (contacts, CG_CONTACT_STAFF, (const char *) sqlite3_column_text (stmt, 2),
                       (const char *) sqlite3_column_text (stmt, 3),
                       (const char *) sqlite3_column_text (stmt, 4),
                       sqlite3_column_int64 (stmt, 1), start, end);
      add_part (b, day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* [from, to) of the days a person was there, clipped to the span. */
static gboolean
presence (CgPerson *person,
          gint64    from,
          gint64    to,
          gint64   *start_out,
          gint64   *end_out)
{
  gint64 start, end, ignored;

  if (!day_bounds (cg_person_get_arrived_on (person), &start, &ignored))
    return FALSE;
  end = to;
  if (cg_person_get_left_on (person) != NULL
      && !day_bounds (cg_person_get_left_on (person), &ignored, &end))
    return FALSE;
  *start_out = MAX (start, from);
  *end_out = MIN (end, to);
  return *start_out < *end_out;
}

GPtrArray *
cg_copresence_list (CgStore     *store,
                    gint64       person_id,
                    const char  *visitor_id_number,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autoptr(GHashTable) contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) building_free);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) own = NULL;        /* Visit*: the subject's own intervals */
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_contact_free);
  g_autoptr(CgPerson) subject = NULL;
  g_autofree char *id_number = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 span_from = to_unix (from);
  gint64 span_to = to_unix (to);

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (span_from < 0 || span_to < 0 || span_from >= span_to)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("The span of time is not valid: the start must come before the end."));
      return NULL;
    }

  if (person_id != 0)
    {
      GError *local_error = NULL;

      subject = cg_person_load (store, person_id, &local_error);
      if (subject == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                                 _("This person is not in the register."));
          return NULL;
        }
    }
  else
    {
      if (visitor_id_number == NULL || *visitor_id_number == '\0')
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Choose a person or type a visitor’s ID number."));
          return NULL;
        }
      id_number = g_ascii_strup (visitor_id_number, -1);
      g_strstrip (id_number);
    }

  /* The subject's own intervals: when they could meet others. */
  if (subject == NULL)
    {
      own = load_visits (store, id_number, 0, span_from, span_to, error);
      if (own == NULL)
        return NULL;
    }
  else if (cg_person_get_kind (subject) == CG_PERSON_STAFF)
    {
      /* A staff member was there on the days of their checks. */
      g_autofree char *first = local_day_of (span_from);
      g_autofree char *last = local_day_of (span_to - 1);
      sqlite3_stmt *stmt;
      int rc;

      own = g_ptr_array_new_with_free_func ((GDestroyNotify) visit_free);
      stmt = cg_store_prepare (store,
                               "SELECT DISTINCT checked_on FROM health_check "
                               "WHERE person_id = ? AND checked_on BETWEEN ? AND ? ORDER BY checked_on", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, person_id);
      cg_bind_text (stmt, 2, first);
      cg_bind_text (stmt, 3, last);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Visit *duty = g_new0 (Visit, 1);
          gint64 start = 0, end = 0;

          day_bounds ((const char *) sqlite3_column_text (stmt, 0), &start, &end);
          duty->from = MAX (start, span_from);
          duty->to = MIN (end, span_to);
          if (duty->from < duty->to)
            g_ptr_array_add (own, duty);
          else
            visit_free (duty);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cg_store_set_error (store, error, rc);
          return NULL;
        }
    }
  else
    {
      /* A resident meets visitors in the reception room: during the
       * visits to them. */
      own = load_visits (store, NULL, person_id, span_from, span_to, error);
      if (own == NULL)
        return NULL;
    }

  /* Everyone whose admitted visit overlapped one of those intervals. */
  others = load_visits (store, NULL, 0, span_from, span_to, error);
  if (others == NULL)
    return NULL;
  for (guint i = 0; i < others->len; i++)
    {
      const Visit *other = others->pdata[i];

      if (id_number != NULL && g_str_equal (other->id_number, id_number))
        continue;
      for (guint j = 0; j < own->len; j++)
        {
          const Visit *mine = own->pdata[j];
          gint64 a = MAX (mine->from, other->from);
          gint64 b = MIN (mine->to, other->to);

          if (a >= b)
            continue;
          add_visitor (contacts, other, a, b);
          add_visited (store, contacts, other, a, b, person_id);
          if (subject == NULL)
            add_days_of (days, a, b);
        }
    }

  if (subject == NULL)
    {
      /* A visitor met the one they came to see, on the days they came. */
      for (guint j = 0; j < own->len; j++)
        {
          const Visit *mine = own->pdata[j];

          add_visited (store, contacts, mine, mine->from, mine->to, 0);
          add_days_of (days, mine->from, mine->to);
        }
    }
  else
    {
      gint64 start, end;

      if (cg_person_get_kind (subject) == CG_PERSON_STAFF)
        for (guint j = 0; j < own->len; j++)
          add_days_of (days, ((Visit *) own->pdata[j])->from, ((Visit *) own->pdata[j])->to);
      else if (presence (subject, span_from, span_to, &start, &end))
        /* A resident meets the staff of every day they live there. */
        add_days_of (days, start, end);
    }

  if (!add_staff (store, contacts, days, person_id, error))
    return NULL;

  if (subject != NULL && *cg_person_get_room (subject) != '\0')
    {
      g_autoptr(GPtrArray) people = cg_person_search (store, NULL, -1, CG_PERSON_FILTER_ALL, error);
      gint64 mine_from, mine_to;

      if (people == NULL)
        return NULL;
      if (presence (subject, span_from, span_to, &mine_from, &mine_to))
        for (guint i = 0; i < people->len; i++)
          {
            CgPerson *p = people->pdata[i];
            gint64 start, end;
            Building *b;

            if (cg_person_get_id (p) == person_id
                || g_strcmp0 (cg_person_get_room (p), cg_person_get_room (subject)) != 0
                || !presence (p, mine_from, mine_to, &start, &end))
              continue;
            b = contact_for (contacts, CG_CONTACT_ROOMMATE, cg_person_get_name (p),
                             cg_person_get_id_number (p), cg_person_get_phone (p),
                             cg_person_get_id (p), start, end);
            add_part (b, cg_person_get_room (p));
          }
    }

  g_hash_table_iter_init (&iter, contacts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (result, finish (value));
  g_ptr_array_sort (result, contact_compare);
  return g_steal_pointer (&result);
}
