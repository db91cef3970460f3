/* cg-visit-inside.c — who is inside at a moment (ALL-4), and the bound
 * on how long a visit lasts that makes it a short query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are UTC "YYYY-MM-DDTHH:MM:SSZ" everywhere in the table, so that
 * they compare as text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-visit-private.h"

/* ---------------------------------------------------------------------- */
/* The longest stay                                                        */

/* Who was inside at a moment is an interval query, and the schema has no
 * interval index: a visit that left after @at may have arrived at any
 * time before it.  But it arrived no earlier than @at minus the longest
 * stay ever closed, so that bound (at least a day) turns the query into a
 * short range of the (arrived_at, id) index.  The bound needs a scan of
 * the table; it is kept per store and recomputed when the table changed
 * behind this module's back: another connection (SQLite's data_version)
 * or another writer of this one (CgStore::changed::visit).
 *
 * One forgotten check-out, closed weeks later, would make that range
 * weeks long for every query; so the same scan keeps the ids of the
 * stays longer than LONG_STAY (they are few), and who is inside is asked
 * of a day's range and of those few (long_stays()).  (The bound itself
 * stays as it was, for co-presence: cg_visit_longest_stay().) */
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
/* Below a day, with a margin for julianday()'s rounding. */
#define LONG_STAY 86000.0

typedef struct
{
  gboolean valid;
  gboolean own_change;     /* this module emits: the value is kept up to date */
  gint64   data_version;
  gint64   seconds;
  GArray  *long_ids;       /* gint64: the closed stays longer than LONG_STAY */
} LongestStay;

static void
longest_stay_free (gpointer data)
{
  LongestStay *cache = data;

  g_array_unref (cache->long_ids);
  g_free (cache);
}

static void
on_visits_changed (CgStore    *store,
                   const char *table,
                   gpointer    user_data)
{
  LongestStay *cache = user_data;

  if (!cache->own_change)
    cache->valid = FALSE;
}

static LongestStay *
longest_cache (CgStore *store)
{
  LongestStay *cache = g_object_get_data (G_OBJECT (store), "cg-visit-longest-stay");

  if (cache == NULL)
    {
      cache = g_new0 (LongestStay, 1);
      cache->long_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_object_set_data_full (G_OBJECT (store), "cg-visit-longest-stay", cache, longest_stay_free);
      g_signal_connect (store, "changed::visit", G_CALLBACK (on_visits_changed), cache);
    }
  return cache;
}

static gboolean
data_version (CgStore  *store,
              gint64   *out,
              GError  **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

gint64
cg_visit_longest_stay (CgStore  *store,
                       GError  **error)
{
  LongestStay *cache;
  sqlite3_stmt *stmt;
  gint64 version = 0;
  double longest = 0.0;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  cache = longest_cache (store);
  if (!data_version (store, &version, error))
    return -1;
  if (cache->valid && cache->data_version == version)
    return cache->seconds;

  /* A visit that arrived and left on the same UTC day lasted less than a
   * day: only those spanning midnight are measured, the rest of the scan
   * compares ten characters.  The bound is a day unless a stay lasted
   * longer, so only the long stays count; they are kept too. */
  stmt = cg_store_prepare (store,
                           "SELECT id, d FROM ("
                           "  SELECT id, (julianday (left_at) - julianday (arrived_at)) * 86400.0 AS d "
                           "  FROM visit WHERE refusal = 0 AND left_at IS NOT NULL "
                           "  AND substr (left_at, 1, 10) <> substr (arrived_at, 1, 10)) "
                           "WHERE d > ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_double (stmt, 1, LONG_STAY);
  g_array_set_size (cache->long_ids, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (cache->long_ids, id);
      longest = MAX (longest, sqlite3_column_double (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cache->valid = FALSE;
      cg_store_set_error (store, error, rc);
      return -1;
    }
  cache->seconds = MAX (SECONDS_PER_DAY, (gint64) ceil (longest) + 1);
  cache->data_version = version;
  cache->valid = TRUE;
  return cache->seconds;
}

/* A stay of this module's closed: the bound grows with it, and a long
 * stay joins the few.  (A rolled-back write leaves them larger than
 * needed, which is only slower.) */
void
cg_visit_note_stay (CgStore    *store,
                    gint64      id,
                    const char *arrived_at,
                    const char *left_at)
{
  LongestStay *cache = longest_cache (store);
  g_autoptr(GDateTime) start = cg_visit_parse_utc (arrived_at);
  g_autoptr(GDateTime) end = cg_visit_parse_utc (left_at);
  gint64 seconds;

  if (start == NULL || end == NULL)
    {
      cache->valid = FALSE;
      return;
    }
  seconds = g_date_time_difference (end, start) / G_TIME_SPAN_SECOND;
  cache->seconds = MAX (cache->seconds, seconds);
  if ((double) seconds > LONG_STAY)
    g_array_append_val (cache->long_ids, id);
}

void
cg_visit_emit_changed (CgStore *store)
{
  LongestStay *cache = longest_cache (store);

  cache->own_change = TRUE;
  cg_store_emit_changed (store, "visit");
  cache->own_change = FALSE;
}

/* For who is inside at @at (stored form): the ids of the admitted visits
 * that lasted more than (nearly) a day, and *@day_before, @at minus a
 * day.  A closed visit inside at @at arrived after *@day_before or is one
 * of those.  NULL on error. */
static GArray *
long_stays (CgStore     *store,
            const char  *at,
            char       **day_before,
            GError     **error)
{
  g_autoptr(GDateTime) when = cg_visit_parse_utc (at);
  g_autoptr(GDateTime) earliest = NULL;

  if (when == NULL)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Not a date and time."));
      return NULL;
    }
  if (cg_visit_longest_stay (store, error) < 0)
    return NULL;
  earliest = g_date_time_add_seconds (when, (double) -SECONDS_PER_DAY);
  *day_before = cg_visit_format_utc (earliest);
  return g_array_copy (longest_cache (store)->long_ids);
}

/* ---------------------------------------------------------------------- */
/* Inside                                                                  */

/* Admitted, arrived at or before ?1, not left at ?1: the visits still
 * open from the visit_inside partial index, the closed ones from the
 * (arrived_at, id) index between ?2 (?1 minus a day) and ?1; the few
 * longer stays (long_stays()) one by one, by LONG_INSIDE. */
#define INSIDE_IDS \
  "SELECT id FROM visit WHERE left_at IS NULL AND refusal = 0 AND arrived_at <= ?1 " \
  "UNION ALL SELECT id FROM visit WHERE arrived_at BETWEEN ?2 AND ?1 AND left_at > ?1 AND refusal = 0"
#define LONG_INSIDE \
  "SELECT " VISIT_COLUMNS VISIT_FROM \
  "WHERE v.id = ?3 AND v.arrived_at < ?2 AND v.left_at > ?1 AND v.refusal = 0"

/* Appends the long stays inside at @when to @visits. */
static gboolean
add_long_inside (CgStore     *store,
                 GArray      *long_ids,
                 const char  *when,
                 const char  *day_before,
                 GPtrArray   *visits,
                 GError     **error)
{
  for (guint i = 0; i < long_ids->len; i++)
    {
      sqlite3_stmt *stmt = cg_store_prepare (store, LONG_INSIDE, error);
      g_autoptr(GPtrArray) found = NULL;

      if (stmt == NULL)
        return FALSE;
      cg_bind_text (stmt, 1, when);
      cg_bind_text (stmt, 2, day_before);
      sqlite3_bind_int64 (stmt, 3, g_array_index (long_ids, gint64, i));
      found = cg_visit_collect (store, stmt, error);
      if (found == NULL)
        return FALSE;
      if (found->len > 0)
        {
          CgVisit *visit = found->pdata[0];
          gboolean seen = FALSE;

          /* Noted twice after a rolled-back write reused its id. */
          for (guint v = 0; v < visits->len && !seen; v++)
            seen = ((CgVisit *) visits->pdata[v])->id == visit->id;
          if (!seen)
            g_ptr_array_add (visits, g_ptr_array_steal_index (found, 0));
        }
    }
  return TRUE;
}

static int
visit_order_compare (gconstpointer a,
                     gconstpointer b)
{
  const CgVisit *x = *(const CgVisit * const *) a;
  const CgVisit *y = *(const CgVisit * const *) b;
  int c = strcmp (x->arrived_at, y->arrived_at);

  return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

int
cg_visit_count_inside (CgStore     *store,
                       const char  *at,
                       GError     **error)
{
  g_autofree char *when = cg_visit_normalize_time (at);
  g_autofree char *day_before = NULL;
  g_autoptr(GArray) long_ids = NULL;
  g_autoptr(GPtrArray) long_inside = NULL;
  sqlite3_stmt *stmt;
  int count = -1;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  if (when == NULL)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Not a date and time."));
      return -1;
    }
  long_ids = long_stays (store, when, &day_before, error);
  if (long_ids == NULL)
    return -1;
  long_inside = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_visit_free);
  if (!add_long_inside (store, long_ids, when, day_before, long_inside, error))
    return -1;
  stmt = cg_store_prepare (store,
                           "SELECT (SELECT count(*) FROM visit WHERE left_at IS NULL AND refusal = 0 AND arrived_at <= ?1)"
                           " + (SELECT count(*) FROM visit WHERE arrived_at BETWEEN ?2 AND ?1 AND left_at > ?1 AND refusal = 0)",
                           error);
  if (stmt == NULL)
    return -1;
  cg_bind_text (stmt, 1, when);
  cg_bind_text (stmt, 2, day_before);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0) + (int) long_inside->len;
  else
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return count;
}

GPtrArray *
cg_visit_list_inside (CgStore     *store,
                      const char  *at,
                      GError     **error)
{
  g_autofree char *when = cg_visit_normalize_time (at);
  g_autofree char *day_before = NULL;
  g_autoptr(GArray) long_ids = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (when == NULL)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Not a date and time."));
      return NULL;
    }
  long_ids = long_stays (store, when, &day_before, error);
  if (long_ids == NULL)
    return NULL;
  stmt = cg_store_prepare (store,
                           "SELECT " VISIT_COLUMNS VISIT_FROM "WHERE v.id IN (" INSIDE_IDS ") "
                           "ORDER BY v.arrived_at, v.id", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, when);
  cg_bind_text (stmt, 2, day_before);
  visits = cg_visit_collect (store, stmt, error);
  if (visits == NULL)
    return NULL;
  n = visits->len;
  if (!add_long_inside (store, long_ids, when, day_before, visits, error))
    return NULL;
  if (visits->len > n)
    g_ptr_array_sort (visits, visit_order_compare);
  return g_steal_pointer (&visits);
}
