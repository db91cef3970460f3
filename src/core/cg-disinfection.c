/* cg-disinfection.c — the disinfection log (ALL-7, FH-4) and training and drills (ALL-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* Place kinds                                                              */

static const char * const place_kind_ids[CG_N_PLACE_KINDS] = {
  "living", "reception", "isolation", "office", "canteen",
  "hall", "business_hall", "cremation", "vehicle", "other",
};

const char *
cg_place_kind_to_string (CgPlaceKind kind)
{
  g_return_val_if_fail (kind < CG_N_PLACE_KINDS, NULL);
  return place_kind_ids[kind];
}

int
cg_place_kind_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < CG_N_PLACE_KINDS; i++)
    if (g_ascii_strcasecmp (text, place_kind_ids[i]) == 0)
      return (int) i;
  return -1;
}

const char *
cg_place_kind_label (CgPlaceKind kind)
{
  switch (kind)
    {
    case CG_PLACE_LIVING: return _("Living quarters");
    case CG_PLACE_RECEPTION: return _("Reception room");
    case CG_PLACE_ISOLATION: return _("Observation or isolation room");
    case CG_PLACE_OFFICE: return _("Office");
    case CG_PLACE_CANTEEN: return _("Canteen");
    case CG_PLACE_HALL: return _("Funeral hall");
    case CG_PLACE_BUSINESS_HALL: return _("Business hall");
    case CG_PLACE_CREMATION: return _("Cremation room");
    case CG_PLACE_VEHICLE: return _("Vehicle");
    case CG_PLACE_OTHER: return _("Other place");
    case CG_N_PLACE_KINDS:
    default: g_return_val_if_reached ("");
    }
}

CgPlaceKind
cg_place_kind_guess (const char *place)
{
  /* forms.md's 消毒工作日志 areas and the rooms of the other plans.  The
   * order matters: 业务厅 before 厅, 接待室 before 室. */
  static const struct { const char *word; CgPlaceKind kind; } words[] = {
    { "业务厅", CG_PLACE_BUSINESS_HALL }, { "business hall", CG_PLACE_BUSINESS_HALL },
    { "礼厅", CG_PLACE_HALL }, { "灵堂", CG_PLACE_HALL }, { "告别厅", CG_PLACE_HALL },
    { "守灵", CG_PLACE_HALL }, { "funeral hall", CG_PLACE_HALL }, { "mourning", CG_PLACE_HALL },
    { "火化", CG_PLACE_CREMATION }, { "cremat", CG_PLACE_CREMATION },
    { "车", CG_PLACE_VEHICLE }, { "vehicle", CG_PLACE_VEHICLE }, { "hearse", CG_PLACE_VEHICLE },
    { "隔离", CG_PLACE_ISOLATION }, { "观察室", CG_PLACE_ISOLATION }, { "isolation", CG_PLACE_ISOLATION },
    { "observation", CG_PLACE_ISOLATION },
    { "接待", CG_PLACE_RECEPTION }, { "会客", CG_PLACE_RECEPTION }, { "探视", CG_PLACE_RECEPTION },
    { "reception", CG_PLACE_RECEPTION }, { "visit", CG_PLACE_RECEPTION },
    { "食堂", CG_PLACE_CANTEEN }, { "餐厅", CG_PLACE_CANTEEN }, { "厨房", CG_PLACE_CANTEEN },
    { "canteen", CG_PLACE_CANTEEN }, { "kitchen", CG_PLACE_CANTEEN },
    { "办公", CG_PLACE_OFFICE }, { "office", CG_PLACE_OFFICE },
    { "宿舍", CG_PLACE_LIVING }, { "居室", CG_PLACE_LIVING }, { "房间", CG_PLACE_LIVING },
    { "寝室", CG_PLACE_LIVING }, { "dorm", CG_PLACE_LIVING }, { "bedroom", CG_PLACE_LIVING },
    { "living", CG_PLACE_LIVING },
  };
  g_autofree char *folded = NULL;

  if (place == NULL)
    return CG_PLACE_OTHER;
  folded = g_utf8_casefold (place, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i].word) != NULL)
      return words[i].kind;
  return CG_PLACE_OTHER;
}

/* ---------------------------------------------------------------------- */
/* Records                                                                  */

CgDisinfection *
cg_disinfection_new (void)
{
  CgDisinfection *d = g_new0 (CgDisinfection, 1);

  d->place_kind = CG_PLACE_OTHER;
  d->method = g_strdup ("");
  d->agent = g_strdup ("");
  d->checker = g_strdup ("");
  d->note = g_strdup ("");
  return d;
}

CgDisinfection *
cg_disinfection_copy (const CgDisinfection *d)
{
  CgDisinfection *copy;

  g_return_val_if_fail (d != NULL, NULL);

  copy = g_new0 (CgDisinfection, 1);
  copy->id = d->id;
  copy->place = g_strdup (d->place);
  copy->place_kind = d->place_kind;
  copy->done_at = g_strdup (d->done_at);
  copy->done_on = g_strdup (d->done_on);
  copy->method = g_strdup (d->method);
  copy->agent = g_strdup (d->agent);
  copy->operator = g_strdup (d->operator);
  copy->checker = g_strdup (d->checker);
  copy->note = g_strdup (d->note);
  copy->created_at = g_strdup (d->created_at);
  return copy;
}

void
cg_disinfection_free (CgDisinfection *d)
{
  if (d == NULL)
    return;
  g_free (d->place);
  g_free (d->done_at);
  g_free (d->done_on);
  g_free (d->method);
  g_free (d->agent);
  g_free (d->operator);
  g_free (d->checker);
  g_free (d->note);
  g_free (d->created_at);
  g_free (d);
}

gboolean
cg_disinfection_validate (CgDisinfection  *d,
                          GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (d != NULL, FALSE);

  if (!cg_text_tidy (&d->place, 60))
    return cg_text_too_long (error, _("Place"), 60);
  if (*d->place == '\0')
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Place: enter the place disinfected, such as 一号礼厅 or 3 楼居室."));
      return FALSE;
    }
  if (!cg_text_tidy (&d->operator, 30))
    return cg_text_too_long (error, _("Operator"), 30);
  if (*d->operator == '\0')
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Operator: enter who did the disinfection."));
      return FALSE;
    }
  if (!cg_text_tidy (&d->method, 40))
    return cg_text_too_long (error, _("Method"), 40);
  if (!cg_text_tidy (&d->agent, 60))
    return cg_text_too_long (error, _("Disinfectant and concentration"), 60);
  if (!cg_text_tidy (&d->checker, 30))
    return cg_text_too_long (error, _("Checker"), 30);
  if (!cg_text_tidy (&d->note, 200))
    return cg_text_too_long (error, _("Note"), 200);
  if ((guint) d->place_kind >= CG_N_PLACE_KINDS)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Kind of place: unknown."));
      return FALSE;
    }

  if (d->done_at != NULL)
    {
      at = g_date_time_new_from_iso8601 (d->done_at, NULL);
      if (at == NULL)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Time: not a date and time. Use YYYY-MM-DD HH:MM, for example 2020-10-08 08:30."));
          return FALSE;
        }
      /* A few minutes of clock difference between PCs is not an error. */
      if (g_date_time_difference (at, now) > 10 * G_TIME_SPAN_MINUTE)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Time: the time is in the future."));
          return FALSE;
        }
    }
  else
    at = g_date_time_ref (now);

  utc = g_date_time_to_utc (at);
  local = cg_date_time_to_local (at);
  g_free (d->done_at);
  d->done_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_free (d->done_on);
  d->done_on = g_date_time_format (local, "%Y-%m-%d");
  return TRUE;
}

gboolean
cg_disinfection_add_in_transaction (CgStore         *store,
                                    CgDisinfection  *d,
                                    const char      *who,
                                    GError         **error)
{
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (d != NULL, FALSE);

  if (!cg_disinfection_validate (d, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "INSERT INTO disinfection (place, place_kind, done_at, done_on, method, agent, "
                           "operator, checker, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, d->place);
  cg_bind_text (stmt, 2, cg_place_kind_to_string (d->place_kind));
  cg_bind_text (stmt, 3, d->done_at);
  cg_bind_text (stmt, 4, d->done_on);
  cg_bind_text (stmt, 5, d->method);
  cg_bind_text (stmt, 6, d->agent);
  cg_bind_text (stmt, 7, d->operator);
  cg_bind_text (stmt, 8, d->checker);
  cg_bind_text (stmt, 9, d->note);
  cg_bind_text (stmt, 10, created);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  /* The row's id, before the audit's insert takes its place. */
  d->id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  value = g_strdup_printf ("%s %s %s", d->done_at, d->operator, d->method);
  if (!cg_audit_record (store, who, "disinfection.add", d->place, NULL, value, error))
    return FALSE;

  g_free (d->created_at);
  d->created_at = g_steal_pointer (&created);
  return TRUE;
}

gboolean
cg_disinfection_add (CgStore         *store,
                     CgDisinfection  *d,
                     const char      *who,
                     GError         **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (d != NULL, FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_disinfection_add_in_transaction (store, d, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      d->id = 0;
      return FALSE;
    }
  cg_store_emit_changed (store, "disinfection");
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Queries                                                                  */

#define DISINFECTION_COLUMNS \
  "id, place, place_kind, done_at, done_on, method, agent, operator, checker, note, created_at"

static CgDisinfection *
disinfection_from_row (sqlite3_stmt *stmt)
{
  CgDisinfection *d = g_new0 (CgDisinfection, 1);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->place = cg_column_dup_text (stmt, 1);
  d->place_kind = MAX (0, cg_place_kind_from_string ((const char *) sqlite3_column_text (stmt, 2)));
  d->done_at = cg_column_dup_text (stmt, 3);
  d->done_on = cg_column_dup_text (stmt, 4);
  d->method = cg_column_dup_text (stmt, 5);
  d->agent = cg_column_dup_text (stmt, 6);
  d->operator = cg_column_dup_text (stmt, 7);
  d->checker = cg_column_dup_text (stmt, 8);
  d->note = cg_column_dup_text (stmt, 9);
  d->created_at = cg_column_dup_text (stmt, 10);
  return d;
}

/* Steps @stmt to the end, collecting its rows; resets it. */
static GPtrArray *
collect_disinfections (CgStore       *store,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_disinfection_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, disinfection_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* One integer (or NULL → @fallback) from a statement already bound. */
static gboolean
step_int64 (CgStore       *store,
            sqlite3_stmt  *stmt,
            gint64         fallback,
            gint64        *out,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out = fallback;
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

gint64
cg_disinfection_count (CgStore  *store,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 n;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  stmt = cg_store_prepare (store, "SELECT count(*) FROM disinfection", error);
  if (stmt == NULL || !step_int64 (store, stmt, 0, &n, error))
    return -1;
  return n;
}

GPtrArray *
cg_disinfection_page (CgStore  *store,
                      gint64    offset,
                      guint     limit,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT " DISINFECTION_COLUMNS " FROM disinfection "
                           "ORDER BY done_at DESC, id DESC LIMIT ? OFFSET ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, MAX (offset, 0));
  return collect_disinfections (store, stmt, error);
}

/* The UTC times that surely hold local day @date (UTC offsets stay
 * within ±14 h), so that a query on a local day can use the time index
 * and then check done_on. */
static void
utc_window (const GDate *date,
            char        *from,
            char        *to)
{
  GDate d = *date;

  g_date_subtract_days (&d, 1);
  g_snprintf (from, 24, "%04u-%02u-%02uT00:00:00Z",
              (guint) g_date_get_year (&d), (guint) g_date_get_month (&d), (guint) g_date_get_day (&d));
  g_date_add_days (&d, 3);
  g_snprintf (to, 24, "%04u-%02u-%02uT00:00:00Z",
              (guint) g_date_get_year (&d), (guint) g_date_get_month (&d), (guint) g_date_get_day (&d));
}

GPtrArray *
cg_disinfection_list_day (CgStore      *store,
                          const GDate  *date,
                          GError      **error)
{
  g_autofree char *day = NULL;
  char from[24], to[24];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day = cg_date_to_iso (date);
  utc_window (date, from, to);
  stmt = cg_store_prepare (store,
                           "SELECT " DISINFECTION_COLUMNS " FROM disinfection "
                           "WHERE done_at >= ?1 AND done_at < ?2 AND done_on = ?3 "
                           "ORDER BY done_at, id", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, from);
  cg_bind_text (stmt, 2, to);
  cg_bind_text (stmt, 3, day);
  return collect_disinfections (store, stmt, error);
}

int
cg_disinfection_count_place_day (CgStore      *store,
                                 const char   *place,
                                 const GDate  *date,
                                 GError      **error)
{
  g_autofree char *day = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 n;

  g_return_val_if_fail (CG_IS_STORE (store), -1);
  g_return_val_if_fail (place != NULL, -1);
  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);

  day = cg_date_to_iso (date);
  clean = g_strstrip (g_strdup (place));
  stmt = cg_store_prepare (store,
                           "SELECT count(*) FROM disinfection WHERE place = ? AND done_on = ?", error);
  if (stmt == NULL)
    return -1;
  cg_bind_text (stmt, 1, clean);
  cg_bind_text (stmt, 2, day);
  if (!step_int64 (store, stmt, 0, &n, error))
    return -1;
  return (int) n;
}

void
cg_place_day_free (CgPlaceDay *place_day)
{
  if (place_day == NULL)
    return;
  g_free (place_day->place);
  g_free (place_day->last_at);
  g_free (place_day);
}

GPtrArray *
cg_disinfection_places (CgStore      *store,
                        const GDate  *date,
                        GError      **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_place_day_free);
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day = cg_date_to_iso (date);
  /* With a single max(), SQLite takes the bare place_kind from the row
   * of the latest time: the kind the place has now. */
  stmt = cg_store_prepare (store,
                           "SELECT place, place_kind, max(done_at), sum(done_on = ?1) "
                           "FROM disinfection WHERE done_on <= ?1 GROUP BY place ORDER BY place", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgPlaceDay *place_day = g_new0 (CgPlaceDay, 1);

      place_day->place = cg_column_dup_text (stmt, 0);
      place_day->place_kind = MAX (0, cg_place_kind_from_string ((const char *) sqlite3_column_text (stmt, 1)));
      place_day->last_at = cg_column_dup_text (stmt, 2);
      place_day->count = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (places, place_day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&places);
}

GStrv
cg_disinfection_known_places (CgStore  *store,
                              GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT place FROM disinfection GROUP BY place ORDER BY max(done_at) DESC LIMIT 500",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

int
cg_disinfection_place_kind (CgStore     *store,
                            const char  *place,
                            GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  int kind = -1;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  if (place == NULL)
    return -1;
  clean = g_strstrip (g_strdup (place));
  stmt = cg_store_prepare (store,
                           "SELECT place_kind FROM disinfection WHERE place = ? "
                           "ORDER BY done_on DESC, done_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  cg_bind_text (stmt, 1, clean);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    kind = cg_place_kind_from_string ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return -1;
    }
  return kind;
}

char *
cg_disinfection_last_operator (CgStore  *store,
                               GError  **error)
{
  sqlite3_stmt *stmt;
  char *name = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  /* The last one typed in: the person at the desk now. */
  stmt = cg_store_prepare (store, "SELECT operator FROM disinfection ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = cg_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  return name;
}

CgDisinfection *
cg_disinfection_latest_before (CgStore      *store,
                               const GDate  *date,
                               GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *day = cg_date_to_iso (date);
  sqlite3_stmt *stmt;

  stmt = cg_store_prepare (store,
                           "SELECT " DISINFECTION_COLUMNS " FROM disinfection WHERE done_on < ? "
                           "ORDER BY done_on DESC, done_at DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, day);
  list = collect_disinfections (store, stmt, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_ptr_array_steal_index (list, 0);
}

gboolean
cg_disinfection_first_day (CgStore  *store,
                           GDate    *out,
                           GError  **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stmt = cg_store_prepare (store, "SELECT min(done_on) FROM disinfection", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    day = cg_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return day != NULL && cg_date_parse (day, out);
}
