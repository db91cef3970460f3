/* cg-room.c — observation and isolation rooms, stays, the room board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are stored as UTC "YYYY-MM-DDTHH:MM:SSZ", so that they compare
 * as text; days are the local day.  A stay occupies [started_at,
 * ended_at), an open stay [started_at, ∞): two stays of one room or of
 * one person may not overlap.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-room.h"
#include "cg-validate.h"

/* The clocks of the PCs that write the registers differ by a few minutes. */
#define CLOCK_TOLERANCE (10 * G_TIME_SPAN_MINUTE)

#define ROOM_NAME_MAX 30

/* ---------------------------------------------------------------------- */
/* times                                                                   */

/* Any ISO-8601 time (UTC when it has no zone) → "YYYY-MM-DDTHH:MM:SSZ";
 * NULL when it is not one. */
static char *
utc_normalize (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (text == NULL)
    return NULL;
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return NULL;
  in_utc = g_date_time_to_utc (dt);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
utc_parse (const char *utc_text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (utc_text, utc);
}

/* The local day of a stored time, as a GDate. */
static gboolean
local_date (const char *utc_text,
            GDate      *out)
{
  g_autoptr(GDateTime) dt = utc_parse (utc_text);
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return FALSE;
  local = g_date_time_to_local (dt);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return TRUE;
}

static char *
local_day (const char *utc_text)
{
  GDate date;

  if (!local_date (utc_text, &date))
    return NULL;
  return cg_date_to_iso (&date);
}

/* Local midnight at the start of @date + @add_days, in UTC. */
static char *
day_start_utc (const GDate *date,
               int          add_days)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                       g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_days (local, add_days);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (moved);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
day_text_start_utc (const char *day,
                    int         add_days)
{
  GDate date;

  if (!cg_date_parse (day, &date))
    return NULL;
  return day_start_utc (&date, add_days);
}

/* @utc_text + @days calendar days in local time, in UTC. */
static char *
add_local_days (const char *utc_text,
                int         days)
{
  g_autoptr(GDateTime) dt = utc_parse (utc_text);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  local = g_date_time_to_local (dt);
  moved = g_date_time_add_days (local, days);
  utc = g_date_time_to_utc (moved);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
is_future (const char *utc_text)
{
  g_autoptr(GDateTime) dt = utc_parse (utc_text);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return dt != NULL && g_date_time_difference (dt, now) > CLOCK_TOLERANCE;
}

/* "YYYY-MM-DD HH:MM" for messages; a copy of @utc_text when it is odd. */
static char *
shown (const char *utc_text)
{
  char *local = cg_datetime_utc_to_local (utc_text);

  return local != NULL ? local : g_strdup (utc_text != NULL ? utc_text : "");
}

G_GNUC_PRINTF (2, 3)
static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, message);
  return FALSE;
}

static char *
person_subject (const char *name,
                const char *id_number)
{
  g_autofree char *masked = cg_mask_id_number (id_number);

  return g_strdup_printf ("%s %s", name, masked);
}

/* ---------------------------------------------------------------------- */
/* rooms                                                                   */

static const char * const room_kind_ids[CG_N_ROOM_KINDS] = { "observation", "isolation" };
static const char * const room_kind_labels[CG_N_ROOM_KINDS] = { N_("Observation room"), N_("Isolation room") };
/* The registers' words (rules.md glossary): not translations.  The
 * rescue-station plan's 隔离观察室 is where a fever goes (RS-3): the
 * observation room. */
static const char * const room_kind_words[CG_N_ROOM_KINDS][4] = {
  { "观察室", "隔离观察室", "观察", "留观室" },
  { "隔离室", "隔离备用房间", "隔离", "隔离房间" },
};

const char *
cg_room_kind_to_string (CgRoomKind kind)
{
  g_return_val_if_fail (kind < CG_N_ROOM_KINDS, NULL);
  return room_kind_ids[kind];
}

int
cg_room_kind_from_string (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return -1;
  folded = g_strstrip (g_utf8_strdown (text, -1));
  for (int k = 0; k < CG_N_ROOM_KINDS; k++)
    {
      if (g_str_equal (folded, room_kind_ids[k]))
        return k;
      for (guint w = 0; w < G_N_ELEMENTS (room_kind_words[k]); w++)
        if (g_str_equal (folded, room_kind_words[k][w]))
          return k;
    }
  return -1;
}

const char *
cg_room_kind_label (CgRoomKind kind)
{
  g_return_val_if_fail (kind < CG_N_ROOM_KINDS, NULL);
  return _(room_kind_labels[kind]);
}

CgRoom *
cg_room_new (void)
{
  CgRoom *room = g_new0 (CgRoom, 1);

  room->name = g_strdup ("");
  room->note = g_strdup ("");
  return room;
}

CgRoom *
cg_room_copy (const CgRoom *room)
{
  CgRoom *copy;

  g_return_val_if_fail (room != NULL, NULL);
  copy = g_memdup2 (room, sizeof *room);
  copy->name = g_strdup (room->name);
  copy->note = g_strdup (room->note);
  return copy;
}

void
cg_room_free (CgRoom *room)
{
  if (room == NULL)
    return;
  g_free (room->name);
  g_free (room->note);
  g_free (room);
}

gboolean
cg_room_is_compliant (const CgRoom *room)
{
  g_return_val_if_fail (room != NULL, FALSE);
  return room->own_toilet && room->ventilated && room->low_traffic;
}

char *
cg_room_describe_gaps (const CgRoom *room)
{
  GString *out = g_string_new (NULL);
  const char *gaps[3];
  guint n = 0;

  g_return_val_if_fail (room != NULL, g_strdup (""));
  if (!room->own_toilet)
    gaps[n++] = _("no toilet of its own");
  if (!room->ventilated)
    gaps[n++] = _("not ventilated");
  if (!room->low_traffic)
    gaps[n++] = _("not in a low-traffic area");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: separates the items of a list */
        g_string_append (out, _(", "));
      g_string_append (out, gaps[i]);
    }
  return g_string_free (out, FALSE);
}

#define ROOM_COLUMNS "id, name, kind, own_toilet, ventilated, low_traffic, note, archived"

static CgRoom *
room_from_row (sqlite3_stmt *stmt,
               int           first)
{
  CgRoom *room = g_new0 (CgRoom, 1);

  room->id = sqlite3_column_int64 (stmt, first);
  room->name = cg_column_dup_text (stmt, first + 1);
  room->kind = MAX (0, cg_room_kind_from_string ((const char *) sqlite3_column_text (stmt, first + 2)));
  room->own_toilet = sqlite3_column_int (stmt, first + 3) != 0;
  room->ventilated = sqlite3_column_int (stmt, first + 4) != 0;
  room->low_traffic = sqlite3_column_int (stmt, first + 5) != 0;
  room->note = cg_column_dup_text (stmt, first + 6);
  room->archived = sqlite3_column_int (stmt, first + 7) != 0;
  return room;
}

/* One room by a statement with its parameters bound; NULL and no error
 * when there is none. */
static CgRoom *
room_step_one (CgStore       *store,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  CgRoom *room = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    room = room_from_row (stmt, 0);
  else if (rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return room;
}

static CgRoom *
room_load (CgStore  *store,
           gint64    id,
           GError  **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT " ROOM_COLUMNS " FROM room WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return room_step_one (store, stmt, error);
}

CgRoom *
cg_room_find_by_name (CgStore     *store,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  if (name == NULL)
    return NULL;
  clean = g_strstrip (g_strdup (name));
  stmt = cg_store_prepare (store, "SELECT " ROOM_COLUMNS " FROM room WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, clean);
  return room_step_one (store, stmt, error);
}

GPtrArray *
cg_room_list (CgStore   *store,
              gboolean   include_archived,
              GError   **error)
{
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_room_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  stmt = cg_store_prepare (store,
                           "SELECT " ROOM_COLUMNS " FROM room WHERE archived = 0 OR ?1 ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_archived);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rooms, room_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&rooms);
}

static char *
room_describe (const CgRoom *room)
{
  return g_strdup_printf ("%s|%s|toilet=%d|ventilated=%d|low_traffic=%d|%s%s",
                          room->name, room_kind_ids[room->kind], room->own_toilet,
                          room->ventilated, room->low_traffic, room->note,
                          room->archived ? "|archived" : "");
}

/* The stay open in @room_id at @at (UTC), or NULL. */
static CgStay *stay_open_in_room (CgStore *store, gint64 room_id, const char *at, GError **error);

gboolean
cg_room_save_in_transaction (CgStore     *store,
                             CgRoom      *room,
                             const char  *who,
                             GError     **error)
{
  g_autoptr(CgRoom) old = NULL;
  g_autoptr(CgRoom) same_name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  char *clean;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (room != NULL, FALSE);

  clean = g_strstrip (g_strdup (room->name != NULL ? room->name : ""));
  g_free (room->name);
  room->name = clean;
  clean = g_strstrip (g_strdup (room->note != NULL ? room->note : ""));
  g_free (room->note);
  room->note = clean;

  if (*room->name == '\0')
    return refuse (error, _("Room: a name is required, such as 隔离1号."));
  if (g_utf8_strlen (room->name, -1) > ROOM_NAME_MAX)
    return refuse (error, _("Room: the name is too long (%d characters at most)."), ROOM_NAME_MAX);
  if (room->kind >= CG_N_ROOM_KINDS)
    return refuse (error, _("Kind: choose observation room or isolation room."));

  same_name = cg_room_find_by_name (store, room->name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (same_name != NULL && same_name->id != room->id)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT,
                   _("Room: there is already a room named “%s”."), room->name);
      return FALSE;
    }

  if (room->id != 0)
    {
      old = room_load (store, room->id, &local_error);
      if (old == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                         _("This room is not in the register any more."));
          return FALSE;
        }
      if (room->archived && !old->archived)
        {
          g_autoptr(CgStay) occupant = stay_open_in_room (store, room->id, NULL, &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          if (occupant != NULL)
            return refuse (error, _("%s cannot be archived: %s is staying there; end the stay first."),
                           old->name, occupant->person_name);
        }
      stmt = cg_store_prepare (store,
                               "UPDATE room SET name = ?1, kind = ?2, own_toilet = ?3, ventilated = ?4, "
                               "low_traffic = ?5, note = ?6, archived = ?7 WHERE id = ?8", error);
    }
  else
    stmt = cg_store_prepare (store,
                             "INSERT INTO room (name, kind, own_toilet, ventilated, low_traffic, note, archived, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, room->name);
  cg_bind_text (stmt, 2, room_kind_ids[room->kind]);
  sqlite3_bind_int (stmt, 3, room->own_toilet ? 1 : 0);
  sqlite3_bind_int (stmt, 4, room->ventilated ? 1 : 0);
  sqlite3_bind_int (stmt, 5, room->low_traffic ? 1 : 0);
  cg_bind_text (stmt, 6, room->note);
  sqlite3_bind_int (stmt, 7, room->archived ? 1 : 0);
  if (room->id != 0)
    sqlite3_bind_int64 (stmt, 8, room->id);
  else
    cg_bind_text (stmt, 8, now);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  if (room->id == 0)
    room->id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  before = old != NULL ? room_describe (old) : NULL;
  after = room_describe (room);
  if (g_strcmp0 (before, after) == 0)
    return TRUE;
  return cg_audit_record (store, who, old != NULL ? "room.update" : "room.add", room->name,
                          before, after, error);
}

gboolean
cg_room_save (CgStore     *store,
              CgRoom      *room,
              const char  *who,
              GError     **error)
{
  gint64 id = room->id;

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_room_save_in_transaction (store, room, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      room->id = id;
      return FALSE;
    }
  cg_store_emit_changed (store, "room");
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* stays                                                                   */

static const char * const reason_ids[CG_N_STAY_REASONS] = {
  "new_arrival", "no_health_code", "risk_area", "fever", "symptoms", "contact", "other",
};
static const char * const reason_labels[CG_N_STAY_REASONS] = {
  N_("New arrival"), N_("No health code"), N_("Medium/high-risk area"), N_("Fever"),
  N_("Symptoms"), N_("Close contact"), N_("Other"),
};
/* The registers' words (forms.md, rules.md): not translations. */
static const char * const reason_words[CG_N_STAY_REASONS][5] = {
  { "新入住", "新入院", "新入职", "新进人员", "新入站" },
  { "无健康码", "无码", "无健康码人员", NULL, NULL },
  { "中高风险地区", "中风险地区", "高风险地区", "风险地区", "中高风险" },
  { "发热", "发烧", NULL, NULL, NULL },
  { "症状", "可疑症状", NULL, NULL, NULL },
  { "密接", "密切接触", "密切接触者", NULL, NULL },
  { "其他", "其它", NULL, NULL, NULL },
};

const char *
cg_stay_reason_to_string (CgStayReason reason)
{
  g_return_val_if_fail (reason < CG_N_STAY_REASONS, NULL);
  return reason_ids[reason];
}

int
cg_stay_reason_from_string (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return -1;
  folded = g_strstrip (g_utf8_strdown (text, -1));
  for (int r = 0; r < CG_N_STAY_REASONS; r++)
    {
      if (g_str_equal (folded, reason_ids[r]))
        return r;
      for (guint w = 0; w < G_N_ELEMENTS (reason_words[r]) && reason_words[r][w] != NULL; w++)
        if (g_str_equal (folded, reason_words[r][w]))
          return r;
    }
  return -1;
}

const char *
cg_stay_reason_label (CgStayReason reason)
{
  g_return_val_if_fail (reason < CG_N_STAY_REASONS, NULL);
  return _(reason_labels[reason]);
}

gboolean
cg_stay_reason_needs_test (CgStayReason reason)
{
  /* ALL-6 and RS-2 ("离站须核酸检测阴性"); a close contact likewise. */
  return reason == CG_STAY_NEW_ARRIVAL || reason == CG_STAY_NO_HEALTH_CODE
         || reason == CG_STAY_RISK_AREA || reason == CG_STAY_CONTACT;
}

CgStay *
cg_stay_new (void)
{
  CgStay *stay = g_new0 (CgStay, 1);

  stay->reason = CG_STAY_OTHER;
  stay->note = g_strdup ("");
  stay->disposition = g_strdup ("");
  return stay;
}

CgStay *
cg_stay_copy (const CgStay *stay)
{
  CgStay *copy;

  g_return_val_if_fail (stay != NULL, NULL);
  copy = g_memdup2 (stay, sizeof *stay);
  copy->note = g_strdup (stay->note);
  copy->started_at = g_strdup (stay->started_at);
  copy->planned_end_at = g_strdup (stay->planned_end_at);
  copy->ended_at = g_strdup (stay->ended_at);
  copy->disposition = g_strdup (stay->disposition);
  copy->room_name = g_strdup (stay->room_name);
  copy->person_name = g_strdup (stay->person_name);
  copy->id_number = g_strdup (stay->id_number);
  return copy;
}

void
cg_stay_free (CgStay *stay)
{
  if (stay == NULL)
    return;
  g_free (stay->note);
  g_free (stay->started_at);
  g_free (stay->planned_end_at);
  g_free (stay->ended_at);
  g_free (stay->disposition);
  g_free (stay->room_name);
  g_free (stay->person_name);
  g_free (stay->id_number);
  g_free (stay);
}

#define STAY_COLUMNS \
  "s.id, s.room_id, s.person_id, s.reason, s.note, s.started_at, s.planned_end_at, s.ended_at, " \
  "s.release_test_id, s.disposition, r.name, p.name, p.id_number, p.kind"
#define STAY_FROM " FROM stay s JOIN room r ON r.id = s.room_id JOIN person p ON p.id = s.person_id "
#define N_STAY_COLUMNS 14

static CgStay *
stay_from_row (sqlite3_stmt *stmt,
               int           first)
{
  CgStay *stay = g_new0 (CgStay, 1);
  int reason = cg_stay_reason_from_string ((const char *) sqlite3_column_text (stmt, first + 3));

  stay->id = sqlite3_column_int64 (stmt, first);
  stay->room_id = sqlite3_column_int64 (stmt, first + 1);
  stay->person_id = sqlite3_column_int64 (stmt, first + 2);
  stay->reason = reason >= 0 ? reason : CG_STAY_OTHER;
  stay->note = cg_column_dup_text (stmt, first + 4);
  stay->started_at = cg_column_dup_text (stmt, first + 5);
  stay->planned_end_at = cg_column_dup_text (stmt, first + 6);
  stay->ended_at = cg_column_dup_text (stmt, first + 7);
  stay->release_test_id = sqlite3_column_int64 (stmt, first + 8);
  stay->disposition = cg_column_dup_text (stmt, first + 9);
  stay->room_name = cg_column_dup_text (stmt, first + 10);
  stay->person_name = cg_column_dup_text (stmt, first + 11);
  stay->id_number = cg_column_dup_text (stmt, first + 12);
  stay->person_kind = cg_person_kind_from_string ((const char *) sqlite3_column_text (stmt, first + 13));
  return stay;
}

static GPtrArray *
stays_step_all (CgStore       *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) stays = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stay_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (stays, stay_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&stays);
}

static CgStay *
stays_step_first (CgStore       *store,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  CgStay *stay = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    stay = stay_from_row (stmt, 0);
  else if (rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return stay;
}

CgStay *
cg_stay_get (CgStore  *store,
             gint64    stay_id,
             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  stmt = cg_store_prepare (store, "SELECT " STAY_COLUMNS STAY_FROM "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  return stays_step_first (store, stmt, error);
}

static CgStay *
stay_open_in_room (CgStore     *store,
                   gint64       room_id,
                   const char  *at,
                   GError     **error)
{
  g_autofree char *now = at == NULL ? cg_datetime_now_utc () : NULL;
  sqlite3_stmt *stmt;

  stmt = cg_store_prepare (store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.room_id = ?1 AND s.started_at <= ?2 AND (s.ended_at IS NULL OR s.ended_at > ?2) "
                           "ORDER BY s.started_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);
  cg_bind_text (stmt, 2, at != NULL ? at : now);
  return stays_step_first (store, stmt, error);
}

char *
cg_stay_default_planned_end (const CgPolicy *policy,
                             const char     *started_at)
{
  g_autofree char *start = utc_normalize (started_at);

  if (start == NULL)
    return NULL;
  return add_local_days (start, cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS));
}

gboolean
cg_stay_check_free (CgStore       *store,
                    const CgStay  *stay,
                    GError       **error)
{
  g_autoptr(CgStay) other = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (stay != NULL && stay->started_at != NULL, FALSE);

  /* [started_at, ended_at) against every other stay of the room, then of
   * the person; an open stay reaches to the end of time. */
  for (int pass = 0; pass < 2; pass++)
    {
      stmt = cg_store_prepare (store,
                               pass == 0
                               ? "SELECT " STAY_COLUMNS STAY_FROM
                                 "WHERE s.room_id = ?1 AND s.id <> ?2 AND (s.ended_at IS NULL OR s.ended_at > ?3) "
                                 "AND (?4 IS NULL OR s.started_at < ?4) ORDER BY s.started_at LIMIT 1"
                               : "SELECT " STAY_COLUMNS STAY_FROM
                                 "WHERE s.person_id = ?1 AND s.id <> ?2 AND (s.ended_at IS NULL OR s.ended_at > ?3) "
                                 "AND (?4 IS NULL OR s.started_at < ?4) ORDER BY s.started_at LIMIT 1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pass == 0 ? stay->room_id : stay->person_id);
      sqlite3_bind_int64 (stmt, 2, stay->id);
      cg_bind_text (stmt, 3, stay->started_at);
      cg_bind_text (stmt, 4, stay->ended_at);
      other = stays_step_first (store, stmt, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (other != NULL)
        break;
    }
  if (other == NULL)
    return TRUE;

  from = shown (other->started_at);
  to = other->ended_at != NULL ? shown (other->ended_at) : NULL;
  if (other->room_id == stay->room_id)
    {
      /* One person per room (单间, ALL-5). */
      if (to == NULL)
        return refuse (error, _("%s is not free: %s is staying there since %s."),
                       other->room_name, other->person_name, from);
      return refuse (error, _("%s is not free at that time: %s stayed there from %s to %s."),
                     other->room_name, other->person_name, from, to);
    }
  if (to == NULL)
    return refuse (error, _("%s is already in an isolation observation stay in %s since %s: end it first."),
                   other->person_name, other->room_name, from);
  return refuse (error, _("%s was in an isolation observation stay in %s from %s to %s at that time."),
                 other->person_name, other->room_name, from, to);
}

gboolean
cg_stay_check_release (CgStore         *store,
                       const CgPolicy  *policy,
                       const CgStay    *stay,
                       const char      *ended_at,
                       gint64          *release_test_id,
                       GError         **error)
{
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *pending_on = NULL;
  GDate start_date, planned_date;
  sqlite3_stmt *stmt;
  int days;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (stay != NULL && ended_at != NULL, FALSE);

  *release_test_id = 0;
  if (g_strcmp0 (ended_at, stay->planned_end_at) >= 0 || !cg_stay_reason_needs_test (stay->reason))
    return TRUE;

  start_day = local_day (stay->started_at);
  end_day = local_day (ended_at);
  /* A negative sample taken during the stay, its result known by the end. */
  stmt = cg_store_prepare (store,
                           "SELECT id FROM nat_test WHERE person_id = ?1 AND result = 'negative' "
                           "AND sampled_on >= ?2 AND sampled_on <= ?3 AND result_on IS NOT NULL AND result_on <= ?3 "
                           "ORDER BY sampled_on DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay->person_id);
  cg_bind_text (stmt, 2, start_day);
  cg_bind_text (stmt, 3, end_day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *release_test_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }

  stmt = cg_store_prepare (store,
                           "SELECT sampled_on FROM nat_test WHERE person_id = ?1 "
                           "AND sampled_on >= ?2 AND sampled_on <= ?3 "
                           "AND (result = 'pending' OR (result = 'negative' AND result_on > ?3)) "
                           "ORDER BY sampled_on DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay->person_id);
  cg_bind_text (stmt, 2, start_day);
  cg_bind_text (stmt, 3, end_day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pending_on = cg_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  local_date (stay->started_at, &start_date);
  local_date (stay->planned_end_at, &planned_date);
  days = (int) g_date_get_julian (&planned_date) - (int) g_date_get_julian (&start_date);
  planned = shown (stay->planned_end_at);
  if (pending_on != NULL)
    return refuse (error,
                   _("Release before day %d needs a negative nucleic-acid test taken during the stay "
                     "(planned end %s): the result of the sample of %s is not known yet."),
                   days, planned, pending_on);
  return refuse (error,
                 _("Release before day %d needs a negative nucleic-acid test taken during the stay (planned end %s)."),
                 days, planned);
}

/* Checks and normalises a stay to be stored; fills the room and person. */
static gboolean
stay_prepare (CgStore         *store,
              const CgPolicy  *policy,
              CgStay          *stay,
              gboolean         may_be_ended,
              GError         **error)
{
  g_autoptr(CgRoom) room = NULL;
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *start_day = NULL;
  GError *local_error = NULL;
  char *value;

  if (stay->reason >= CG_N_STAY_REASONS)
    return refuse (error, _("Reason: choose why the person is isolated."));

  room = room_load (store, stay->room_id, &local_error);
  if (room == NULL || room->archived)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("Room: choose a room in use."));
      return FALSE;
    }
  person = cg_person_load (store, stay->person_id, &local_error);
  if (person == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This person is not in the register."));
      return FALSE;
    }

  value = stay->started_at != NULL ? utc_normalize (stay->started_at) : cg_datetime_now_utc ();
  if (value == NULL)
    return refuse (error, _("Start: not a date and time."));
  g_free (stay->started_at);
  stay->started_at = value;
  if (is_future (stay->started_at))
    return refuse (error, _("Start: the time is in the future."));
  start_day = local_day (stay->started_at);
  if (g_strcmp0 (cg_person_get_arrived_on (person), start_day) > 0
      || (cg_person_get_left_on (person) != NULL && g_strcmp0 (cg_person_get_left_on (person), start_day) < 0))
    return refuse (error, _("%s was not in the institution on %s."), cg_person_get_name (person), start_day);

  if (stay->planned_end_at == NULL || *stay->planned_end_at == '\0')
    value = cg_stay_default_planned_end (policy, stay->started_at);
  else if ((value = utc_normalize (stay->planned_end_at)) == NULL)
    return refuse (error, _("Planned end: not a date and time."));
  g_free (stay->planned_end_at);
  stay->planned_end_at = value;
  if (g_strcmp0 (stay->planned_end_at, stay->started_at) <= 0)
    return refuse (error, _("Planned end: it must come after the start."));

  if (!may_be_ended || stay->ended_at == NULL || *stay->ended_at == '\0')
    g_clear_pointer (&stay->ended_at, g_free);
  else
    {
      if ((value = utc_normalize (stay->ended_at)) == NULL)
        return refuse (error, _("End: not a date and time."));
      g_free (stay->ended_at);
      stay->ended_at = value;
      if (is_future (stay->ended_at))
        return refuse (error, _("End: the time is in the future."));
      if (g_strcmp0 (stay->ended_at, stay->started_at) < 0)
        return refuse (error, _("End: the stay cannot end before it started."));
    }

  g_free (stay->room_name);
  stay->room_name = g_strdup (room->name);
  g_free (stay->person_name);
  stay->person_name = g_strdup (cg_person_get_name (person));
  g_free (stay->id_number);
  stay->id_number = g_strdup (cg_person_get_id_number (person));
  stay->person_kind = cg_person_get_kind (person);
  if (stay->note == NULL)
    stay->note = g_strdup ("");
  if (stay->disposition == NULL)
    stay->disposition = g_strdup ("");
  return TRUE;
}

static gboolean
stay_insert (CgStore         *store,
             const CgPolicy  *policy,
             CgStay          *stay,
             gboolean         may_be_ended,
             const char      *who,
             GError         **error)
{
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *audit_value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && stay != NULL, FALSE);

  stay->id = 0;
  stay->release_test_id = 0;
  if (!stay_prepare (store, policy, stay, may_be_ended, error)
      || !cg_stay_check_free (store, stay, error))
    return FALSE;
  if (stay->ended_at != NULL
      && !cg_stay_check_release (store, policy, stay, stay->ended_at, &stay->release_test_id, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "INSERT INTO stay (room_id, person_id, reason, note, started_at, planned_end_at, ended_at, "
                           "release_test_id, disposition, created_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay->room_id);
  sqlite3_bind_int64 (stmt, 2, stay->person_id);
  cg_bind_text (stmt, 3, reason_ids[stay->reason]);
  cg_bind_text (stmt, 4, stay->note);
  cg_bind_text (stmt, 5, stay->started_at);
  cg_bind_text (stmt, 6, stay->planned_end_at);
  cg_bind_text (stmt, 7, stay->ended_at);
  if (stay->release_test_id != 0)
    sqlite3_bind_int64 (stmt, 8, stay->release_test_id);
  else
    sqlite3_bind_null (stmt, 8);
  cg_bind_text (stmt, 9, stay->disposition);
  cg_bind_text (stmt, 10, now);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  stay->id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  audit_value = g_strdup_printf ("%s|%s|%s|%s|%s", stay->room_name, reason_ids[stay->reason],
                                 stay->started_at, stay->planned_end_at,
                                 stay->ended_at != NULL ? stay->ended_at : "");
  return cg_audit_record (store, who, stay->ended_at != NULL ? "stay.add" : "stay.open",
                          stay->id_number, NULL, audit_value, error);
}

gboolean
cg_stay_open_in_transaction (CgStore         *store,
                             const CgPolicy  *policy,
                             CgStay          *stay,
                             const char      *who,
                             GError         **error)
{
  return stay_insert (store, policy, stay, FALSE, who, error);
}

gboolean
cg_stay_add_in_transaction (CgStore         *store,
                            const CgPolicy  *policy,
                            CgStay          *stay,
                            const char      *who,
                            GError         **error)
{
  return stay_insert (store, policy, stay, TRUE, who, error);
}

gboolean
cg_stay_open (CgStore         *store,
              const CgPolicy  *policy,
              CgStay          *stay,
              const char      *who,
              GError         **error)
{
  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_stay_open_in_transaction (store, policy, stay, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      stay->id = 0;
      return FALSE;
    }
  cg_store_emit_changed (store, "stay");
  return TRUE;
}

gboolean
cg_stay_end_in_transaction (CgStore         *store,
                            const CgPolicy  *policy,
                            gint64           stay_id,
                            const char      *ended_at,
                            const char      *disposition,
                            const char      *who,
                            GError         **error)
{
  g_autoptr(CgStay) stay = NULL;
  g_autofree char *end = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (disposition != NULL ? disposition : ""));
  g_autofree char *audit_value = NULL;
  GError *local_error = NULL;
  gint64 test_id = 0;
  sqlite3_stmt *stmt;

  stay = cg_stay_get (store, stay_id, &local_error);
  if (stay == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This stay is not in the register any more."));
      return FALSE;
    }
  if (stay->ended_at != NULL)
    {
      g_autofree char *when = shown (stay->ended_at);

      return refuse (error, _("The stay of %s in %s has already ended (%s)."),
                     stay->person_name, stay->room_name, when);
    }
  end = ended_at != NULL ? utc_normalize (ended_at) : cg_datetime_now_utc ();
  if (end == NULL)
    return refuse (error, _("End: not a date and time."));
  if (is_future (end))
    return refuse (error, _("End: the time is in the future."));
  if (g_strcmp0 (end, stay->started_at) < 0)
    return refuse (error, _("End: the stay cannot end before it started."));
  if (!cg_stay_check_release (store, policy, stay, end, &test_id, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "UPDATE stay SET ended_at = ?1, release_test_id = ?2, disposition = ?3 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, end);
  if (test_id != 0)
    sqlite3_bind_int64 (stmt, 2, test_id);
  else
    sqlite3_bind_null (stmt, 2);
  cg_bind_text (stmt, 3, *clean != '\0' ? clean : stay->disposition);
  sqlite3_bind_int64 (stmt, 4, stay_id);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  audit_value = g_strdup_printf ("%s|%s|test=%" G_GINT64_FORMAT "|%s", stay->room_name, end, test_id, clean);
  return cg_audit_record (store, who, "stay.end", stay->id_number, NULL, audit_value, error);
}

gboolean
cg_stay_end (CgStore         *store,
             const CgPolicy  *policy,
             gint64           stay_id,
             const char      *ended_at,
             const char      *disposition,
             const char      *who,
             GError         **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_stay_end_in_transaction (store, policy, stay_id, ended_at, disposition, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, "stay");
  return TRUE;
}

GPtrArray *
cg_stay_list_open (CgStore     *store,
                   const char  *at,
                   GError     **error)
{
  g_autofree char *when = at != NULL ? utc_normalize (at) : cg_datetime_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  if (when == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stay_free);
  stmt = cg_store_prepare (store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.started_at <= ?1 AND (s.ended_at IS NULL OR s.ended_at > ?1) "
                           "ORDER BY r.name, s.started_at", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, when);
  return stays_step_all (store, stmt, error);
}

GPtrArray *
cg_stay_list_between (CgStore      *store,
                      const GDate  *from,
                      const GDate  *to,
                      GError      **error)
{
  g_autofree char *first = day_start_utc (from, 0);
  g_autofree char *after = day_start_utc (to, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  stmt = cg_store_prepare (store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.started_at < ?2 AND (s.ended_at IS NULL OR s.ended_at >= ?1) "
                           "ORDER BY r.name, s.started_at", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, first);
  cg_bind_text (stmt, 2, after);
  return stays_step_all (store, stmt, error);
}

int
cg_stay_day_number (const CgStay *stay,
                    const char   *at)
{
  g_autofree char *now = at == NULL ? cg_datetime_now_utc () : utc_normalize (at);
  GDate start, day;

  g_return_val_if_fail (stay != NULL, 0);
  if (now == NULL || !local_date (stay->started_at, &start) || !local_date (now, &day))
    return 0;
  return (int) g_date_get_julian (&day) - (int) g_date_get_julian (&start) + 1;
}

/* ---------------------------------------------------------------------- */
/* the room board and the room days                                        */

void
cg_room_state_free (CgRoomState *state)
{
  if (state == NULL)
    return;
  cg_room_free (state->room);
  cg_stay_free (state->stay);
  g_free (state);
}

GPtrArray *
cg_room_board (CgStore     *store,
               const char  *at,
               GError     **error)
{
  g_autoptr(GPtrArray) board = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_room_state_free);
  g_autofree char *when = at != NULL ? utc_normalize (at) : cg_datetime_now_utc ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  if (when == NULL)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Not a date and time."));
      return NULL;
    }
  stmt = cg_store_prepare (store,
                           "SELECT r.id, r.name, r.kind, r.own_toilet, r.ventilated, r.low_traffic, r.note, r.archived, "
                           STAY_COLUMNS " FROM room r "
                           "LEFT JOIN stay s ON s.room_id = r.id AND s.started_at <= ?1 "
                           "  AND (s.ended_at IS NULL OR s.ended_at > ?1) "
                           "LEFT JOIN person p ON p.id = s.person_id "
                           "WHERE r.archived = 0 ORDER BY r.name, s.started_at", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, when);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgRoomState *state;
      gint64 room_id = sqlite3_column_int64 (stmt, 0);

      /* Stays never overlap; should two, the first one shows. */
      if (board->len > 0 && ((CgRoomState *) board->pdata[board->len - 1])->room->id == room_id)
        continue;
      state = g_new0 (CgRoomState, 1);
      state->room = room_from_row (stmt, 0);
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        state->stay = stay_from_row (stmt, 8);
      g_ptr_array_add (board, state);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&board);
}

GArray *
cg_room_days (CgStore      *store,
              const GDate  *from,
              const GDate  *to,
              GError      **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (CgRoomDay));
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GHashTable) occupied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char **starts = NULL;
  guint n_days;
  GDate day;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&days);

  rooms = cg_room_list (store, FALSE, error);
  if (rooms == NULL)
    return NULL;
  stays = cg_stay_list_between (store, from, to, error);
  if (stays == NULL)
    return NULL;

  n_days = g_date_get_julian (to) - g_date_get_julian (from) + 1;
  /* starts[i]: local midnight of day i in UTC; starts[n_days] the end. */
  starts = g_new0 (char *, n_days + 2);
  for (guint i = 0; i <= n_days; i++)
    starts[i] = day_start_utc (from, (int) i);

  day = *from;
  for (guint i = 0; i < n_days; i++)
    {
      CgRoomDay entry = { 0 };

      entry.date = day;
      entry.rooms = (int) rooms->len;
      for (guint s = 0; s < stays->len; s++)
        {
          const CgStay *stay = stays->pdata[s];

          if (g_strcmp0 (stay->started_at, starts[i]) >= 0 && g_strcmp0 (stay->started_at, starts[i + 1]) < 0)
            entry.started++;
          if (stay->ended_at != NULL && g_strcmp0 (stay->ended_at, starts[i]) >= 0
              && g_strcmp0 (stay->ended_at, starts[i + 1]) < 0)
            entry.ended++;
          if (g_strcmp0 (stay->started_at, starts[i + 1]) < 0
              && (stay->ended_at == NULL || g_strcmp0 (stay->ended_at, starts[i]) > 0))
            {
              char *key = g_strdup_printf ("%u:%" G_GINT64_FORMAT, i, stay->room_id);

              if (g_hash_table_add (occupied, key))
                entry.occupied++;
            }
        }
      g_array_append_val (days, entry);
      g_date_add_days (&day, 1);
    }
  for (guint i = 0; i <= n_days; i++)
    g_free (starts[i]);
  return g_steal_pointer (&days);
}

/* ---------------------------------------------------------------------- */
/* new arrivals (ALL-6)                                                    */

void
cg_arrival_free (CgArrival *arrival)
{
  if (arrival == NULL)
    return;
  g_clear_object (&arrival->person);
  g_free (arrival->arrived_on);
  g_free (arrival->until);
  g_free (arrival);
}

GPtrArray *
cg_arrival_list (CgStore         *store,
                 const CgPolicy  *policy,
                 const GDate     *date,
                 GError         **error)
{
  g_autoptr(GPtrArray) arrivals = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_arrival_free);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *day = cg_date_to_iso (date);
  g_autofree char *day_end = day_start_utc (date, 1);
  g_autofree char *window = NULL;
  int isolation = cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS);
  GDate window_start = *date;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && date != NULL, NULL);

  /* The window of cg-rules.c: arrived after @date - isolation days. */
  g_date_subtract_days (&window_start, (guint) isolation);
  window = cg_date_to_iso (&window_start);

  people = cg_person_search (store, NULL, -1, CG_PERSON_FILTER_ACTIVE, error);
  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    {
      CgPerson *person = people->pdata[i];
      const char *arrived = cg_person_get_arrived_on (person);
      g_autofree char *arrived_start = NULL;
      CgArrival *arrival;
      sqlite3_stmt *stmt;
      GDate until;
      int rc;

      if (g_strcmp0 (arrived, window) <= 0 || g_strcmp0 (arrived, day) > 0)
        continue;
      arrived_start = day_text_start_utc (arrived, 0);

      /* As known on @date: only what was recorded by then counts. */
      stmt = cg_store_prepare (store,
                               "SELECT "
                               " EXISTS (SELECT 1 FROM screening WHERE person_id = ?1 "
                               "   AND screened_on >= ?2 AND screened_on <= ?3),"
                               " EXISTS (SELECT 1 FROM nat_test WHERE person_id = ?1 AND result = 'negative' "
                               "   AND sampled_on >= ?2 AND sampled_on <= ?3 AND result_on <= ?3),"
                               " EXISTS (SELECT 1 FROM nat_test WHERE person_id = ?1 "
                               "   AND sampled_on >= ?2 AND sampled_on <= ?3 "
                               "   AND (result = 'pending' OR result_on IS NULL OR result_on > ?3)),"
                               " EXISTS (SELECT 1 FROM stay WHERE person_id = ?1 "
                               "   AND started_at >= ?4 AND started_at < ?5)", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, cg_person_get_id (person));
      cg_bind_text (stmt, 2, arrived);
      cg_bind_text (stmt, 3, day);
      cg_bind_text (stmt, 4, arrived_start);
      cg_bind_text (stmt, 5, day_end);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          cg_store_set_error (store, error, rc);
          return NULL;
        }
      arrival = g_new0 (CgArrival, 1);
      arrival->person = g_object_ref (person);
      arrival->arrived_on = g_strdup (arrived);
      cg_date_parse (arrived, &until);
      g_date_add_days (&until, (guint) isolation);
      arrival->until = cg_date_to_iso (&until);
      arrival->screened = sqlite3_column_int (stmt, 0) != 0;
      arrival->tested_negative = sqlite3_column_int (stmt, 1) != 0;
      arrival->test_pending = sqlite3_column_int (stmt, 2) != 0;
      arrival->isolated = sqlite3_column_int (stmt, 3) != 0;
      sqlite3_reset (stmt);
      g_ptr_array_add (arrivals, arrival);
    }
  return g_steal_pointer (&arrivals);
}

/* ---------------------------------------------------------------------- */
/* the rules: ALL-5, RS-1, RS-2, RS-3                                      */

typedef struct
{
  CgStore        *store;
  const CgPolicy *policy;
  GPtrArray      *alerts;
  char           *day;
  char           *day_end;   /* local midnight after @day, UTC */
  char           *window;    /* @day - isolation days */
} RoomEval;

/* Takes @subject and @message. */
static void
add_alert (RoomEval    *eval,
           const char  *rule,
           CgSeverity   severity,
           char        *subject,
           const char  *record_kind,
           gint64       record_id,
           char        *message)
{
  CgAlert *alert = g_new0 (CgAlert, 1);

  alert->rule = g_strdup (rule);
  alert->severity = severity;
  alert->subject = subject;
  alert->record_kind = g_strdup (record_kind);
  alert->record_id = record_id;
  alert->message = message;
  alert->source = cg_rule_source_for (rule, cg_policy_get_kind (eval->policy));
  alert->date = g_strdup (eval->day);
  g_ptr_array_add (eval->alerts, alert);
}

static gboolean
evaluate_rooms (RoomEval  *eval,
                GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The rooms in use that were registered by the end of the day. */
  stmt = cg_store_prepare (eval->store,
                           "SELECT " ROOM_COLUMNS " FROM room WHERE archived = 0 AND created_at < ?1 "
                           "AND NOT (own_toilet AND ventilated AND low_traffic) ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->day_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CgRoom) room = room_from_row (stmt, 0);
      g_autofree char *gaps = NULL;

      gaps = cg_room_describe_gaps (room);
      add_alert (eval, "ALL-5", CG_SEVERITY_WARNING, g_strdup (room->name), "room", room->id,
                 g_strdup_printf (_("Not compliant: %s. An observation or isolation room needs its own toilet, "
                                    "ventilation and a low-traffic location."),
                                  gaps));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (eval->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
evaluate_stays (RoomEval  *eval,
                GError   **error)
{
  g_autoptr(GPtrArray) stays = NULL;
  sqlite3_stmt *stmt;

  /* Open as known on the day: started by its end, not ended by then. */
  stmt = cg_store_prepare (eval->store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.started_at < ?1 AND (s.ended_at IS NULL OR s.ended_at >= ?1) "
                           "ORDER BY r.name, s.started_at", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->day_end);
  stays = stays_step_all (eval->store, stmt, error);
  if (stays == NULL)
    return FALSE;

  for (guint i = 0; i < stays->len; i++)
    {
      const CgStay *stay = stays->pdata[i];
      g_autofree char *planned_day = local_day (stay->planned_end_at);
      g_autofree char *planned = shown (stay->planned_end_at);
      int cmp = g_strcmp0 (planned_day, eval->day);

      if (cmp == 0)
        add_alert (eval, "ALL-5", CG_SEVERITY_INFO, person_subject (stay->person_name, stay->id_number),
                   "stay", stay->id,
                   g_strdup_printf (_("Isolation observation in %s may end today, %s (planned end): "
                                      "end the stay and record the disposition."),
                                    stay->room_name, planned));
      else if (cmp < 0)
        add_alert (eval, "ALL-5", CG_SEVERITY_WARNING, person_subject (stay->person_name, stay->id_number),
                   "stay", stay->id,
                   g_strdup_printf (_("Isolation observation in %s was planned to end %s and is still open: "
                                      "end it, or record why it goes on."),
                                    stay->room_name, planned));
    }
  return TRUE;
}

static gboolean
evaluate_entry_screening (RoomEval  *eval,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* RS-1: every entrant (受助人员) of the window, present that day. */
  stmt = cg_store_prepare (eval->store,
                           "SELECT p.id, p.name, p.id_number, p.arrived_on FROM person p "
                           "WHERE p.kind = 'aid' AND p.arrived_on > ?1 AND p.arrived_on <= ?2 "
                           "AND (p.left_on IS NULL OR p.left_on > ?2) "
                           "AND NOT EXISTS (SELECT 1 FROM screening s WHERE s.person_id = p.id "
                           "  AND s.screened_on >= p.arrived_on AND s.screened_on <= ?2) "
                           "ORDER BY p.arrived_on, p.name", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->window);
  cg_bind_text (stmt, 2, eval->day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_alert (eval, "RS-1", CG_SEVERITY_WARNING,
               person_subject ((const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2)),
               "person", sqlite3_column_int64 (stmt, 0),
               g_strdup_printf (_("Entered %s: no entry screening recorded (temperature, travel record, "
                                  "health code, identity check)."),
                                (const char *) sqlite3_column_text (stmt, 3)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (eval->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
evaluate_screenings (RoomEval  *eval,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  int isolation = cg_policy_get_int (eval->policy, CG_POLICY_ISOLATION_DAYS);
  gboolean rs2 = cg_policy_applies (eval->policy, "RS-2");
  gboolean rs3 = cg_policy_applies (eval->policy, "RS-3");
  int rc;

  /* The screenings of the window that still lack something as known on
   * the day: a room (isolate), the 120 call or the report (observe). */
  stmt = cg_store_prepare (eval->store,
                           "SELECT sc.id, sc.screened_at, sc.outcome, sc.temperature, sc.symptoms, "
                           " sc.stay_id IS NULL OR sc.stay_id = 0, "
                           " sc.called_120_at IS NOT NULL AND sc.called_120_at < ?3, "
                           " sc.reported_at IS NOT NULL AND sc.reported_at < ?3, "
                           " EXISTS (SELECT 1 FROM stay st WHERE st.person_id = sc.person_id "
                           "   AND st.started_at >= sc.screened_at AND st.started_at < ?3), "
                           " p.name, p.id_number "
                           "FROM screening sc JOIN person p ON p.id = sc.person_id "
                           "WHERE sc.screened_on > ?1 AND sc.screened_on <= ?2 AND sc.outcome <> 'admit' "
                           "ORDER BY sc.screened_at, sc.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->window);
  cg_bind_text (stmt, 2, eval->day);
  cg_bind_text (stmt, 3, eval->day_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *when = shown ((const char *) sqlite3_column_text (stmt, 1));
      const char *outcome = (const char *) sqlite3_column_text (stmt, 2);
      double temperature = sqlite3_column_double (stmt, 3);
      guint symptoms = (guint) sqlite3_column_int (stmt, 4);
      gboolean no_stay = sqlite3_column_int (stmt, 5) != 0;
      gboolean called = sqlite3_column_int (stmt, 6) != 0;
      gboolean reported = sqlite3_column_int (stmt, 7) != 0;
      gboolean placed_later = sqlite3_column_int (stmt, 8) != 0;
      const char *name = (const char *) sqlite3_column_text (stmt, 9);
      const char *id_number = (const char *) sqlite3_column_text (stmt, 10);
      gboolean fever = cg_temperature_band_is_fever (cg_temperature_band (eval->policy, temperature))
                       || (symptoms & CG_SYMPTOM_FEVER) != 0;
      char *message;

      if (rs2 && g_strcmp0 (outcome, "isolate") == 0 && no_stay && !placed_later)
        add_alert (eval, "RS-2", CG_SEVERITY_CRITICAL, person_subject (name, id_number), "screening", id,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Screened %s: %d day of isolation needed, but no room was free: "
                                                 "isolate in a single room at once.",
                                                 "Screened %s: %d days of isolation needed, but no room was free: "
                                                 "isolate in a single room at once.",
                                                 (gulong) isolation),
                                    when, isolation));

      /* RS-3 asks for the 120 call and the report for a fever band; an
       * observation for a cough or fatigue alone does not. */
      if (!rs3 || g_strcmp0 (outcome, "observe") != 0 || !fever || (called && reported))
        continue;
      if (!called && !reported)
        message = g_strdup_printf (_("Fever on entry (%.1f °C) at %s: the call to 120 and the report upward "
                                     "are not recorded."), temperature, when);
      else if (!called)
        message = g_strdup_printf (_("Fever on entry (%.1f °C) at %s: the call to 120 is not recorded."),
                                   temperature, when);
      else
        message = g_strdup_printf (_("Fever on entry (%.1f °C) at %s: the report upward is not recorded."),
                                   temperature, when);
      add_alert (eval, "RS-3", CG_SEVERITY_CRITICAL, person_subject (name, id_number), "screening", id, message);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (eval->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_room_evaluate_rules (CgStore         *store,
                        const CgPolicy  *policy,
                        const GDate     *date,
                        GPtrArray       *alerts,
                        GError         **error)
{
  g_autofree char *day = NULL;
  g_autofree char *day_end = NULL;
  g_autofree char *window = NULL;
  GDate window_start;
  RoomEval eval;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && alerts != NULL, FALSE);

  day = cg_date_to_iso (date);
  day_end = day_start_utc (date, 1);
  window_start = *date;
  g_date_subtract_days (&window_start, (guint) cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS));
  window = cg_date_to_iso (&window_start);
  eval = (RoomEval) { store, policy, alerts, day, day_end, window };

  if (cg_policy_applies (policy, "ALL-5")
      && (!evaluate_rooms (&eval, error) || !evaluate_stays (&eval, error)))
    return FALSE;
  if (cg_policy_applies (policy, "RS-1") && !evaluate_entry_screening (&eval, error))
    return FALSE;
  if ((cg_policy_applies (policy, "RS-2") || cg_policy_applies (policy, "RS-3"))
      && !evaluate_screenings (&eval, error))
    return FALSE;
  return TRUE;
}
