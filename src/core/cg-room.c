/* cg-room.c — observation and isolation rooms, the room board, the room days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are stored as UTC "YYYY-MM-DDTHH:MM:SSZ", so that they compare
 * as text; days are the local day.  A stay occupies [started_at,
 * ended_at), an open stay [started_at, ∞): two stays of one room or of
 * one person may not overlap.  The stays are in cg-stay.c; the new
 * arrivals and the rules in cg-room-rules.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-room-private.h"
#include "cg-validate.h"

/* The clocks of the PCs that write the registers differ by a few minutes. */
#define CLOCK_TOLERANCE (10 * G_TIME_SPAN_MINUTE)

#define ROOM_NAME_MAX 30

/* ---------------------------------------------------------------------- */
/* times                                                                   */

/* Any ISO-8601 time (UTC when it has no zone) → "YYYY-MM-DDTHH:MM:SSZ";
 * NULL when it is not one. */
char *
cg_room_utc_normalize (const char *text)
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
gboolean
cg_room_local_date (const char *utc_text,
                    GDate      *out)
{
  g_autoptr(GDateTime) dt = utc_parse (utc_text);
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return FALSE;
  local = cg_date_time_to_local (dt);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return TRUE;
}

char *
cg_room_local_day (const char *utc_text)
{
  GDate date;

  if (!cg_room_local_date (utc_text, &date))
    return NULL;
  return cg_date_to_iso (&date);
}

/* Local midnight at the start of @date + @add_days, in UTC. */
char *
cg_room_day_start_utc (const GDate *date,
                       int          add_days)
{
  g_autoptr(GDateTime) local = cg_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                       g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_days (local, add_days);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (moved);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
cg_room_day_text_start_utc (const char *day,
                            int         add_days)
{
  GDate date;

  if (!cg_date_parse (day, &date))
    return NULL;
  return cg_room_day_start_utc (&date, add_days);
}

/* @utc_text + @days calendar days in local time, in UTC. */
char *
cg_room_add_local_days (const char *utc_text,
                        int         days)
{
  g_autoptr(GDateTime) dt = utc_parse (utc_text);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  local = cg_date_time_to_local (dt);
  moved = g_date_time_add_days (local, days);
  utc = g_date_time_to_utc (moved);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
cg_room_is_future (const char *utc_text)
{
  g_autoptr(GDateTime) dt = utc_parse (utc_text);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return dt != NULL && g_date_time_difference (dt, now) > CLOCK_TOLERANCE;
}

/* "YYYY-MM-DD HH:MM" for messages; a copy of @utc_text when it is odd. */
char *
cg_room_shown (const char *utc_text)
{
  char *local = cg_datetime_utc_to_local (utc_text);

  return local != NULL ? local : g_strdup (utc_text != NULL ? utc_text : "");
}

gboolean
cg_room_refuse (GError     **error,
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

CgRoom *
cg_room_from_row (sqlite3_stmt *stmt,
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
    room = cg_room_from_row (stmt, 0);
  else if (rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return room;
}

CgRoom *
cg_room_load (CgStore  *store,
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
    g_ptr_array_add (rooms, cg_room_from_row (stmt, 0));
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
    return cg_room_refuse (error, _("Room: a name is required, such as 隔离1号."));
  if (g_utf8_strlen (room->name, -1) > ROOM_NAME_MAX)
    return cg_room_refuse (error, _("Room: the name is too long (%d characters at most)."), ROOM_NAME_MAX);
  if (room->kind >= CG_N_ROOM_KINDS)
    return cg_room_refuse (error, _("Kind: choose observation room or isolation room."));

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
      old = cg_room_load (store, room->id, &local_error);
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
          g_autoptr(CgStay) occupant = cg_stay_open_in_room (store, room->id, NULL, &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          if (occupant != NULL)
            return cg_room_refuse (error, _("%s cannot be archived: %s is staying there; end the stay first."),
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
  g_autofree char *when = at != NULL ? cg_room_utc_normalize (at) : cg_datetime_now_utc ();
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
      state->room = cg_room_from_row (stmt, 0);
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        state->stay = cg_stay_from_row (stmt, 8);
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
    starts[i] = cg_room_day_start_utc (from, (int) i);

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
