/* cg-room-private.h — what cg-room.c, cg-stay.c and cg-room-rules.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are stored as UTC "YYYY-MM-DDTHH:MM:SSZ", so that they compare
 * as text; days are the local day.  The time helpers live in cg-room.c,
 * the room rows there too, the stay rows in cg-stay.c.  Not installed,
 * not part of the API of cg-room.h.
 */
#pragma once

#include "cg-room.h"

G_BEGIN_DECLS

#define ROOM_COLUMNS "id, name, kind, own_toilet, ventilated, low_traffic, note, archived"

#define STAY_COLUMNS \
  "s.id, s.room_id, s.person_id, s.reason, s.note, s.started_at, s.planned_end_at, s.ended_at, " \
  "s.release_test_id, s.disposition, r.name, p.name, p.id_number, p.kind"
#define STAY_FROM " FROM stay s JOIN room r ON r.id = s.room_id JOIN person p ON p.id = s.person_id "
#define N_STAY_COLUMNS 14

/* times (cg-room.c) */

/* Any ISO-8601 time (UTC when it has no zone) → "YYYY-MM-DDTHH:MM:SSZ";
 * NULL when it is not one. */
char      *cg_room_utc_normalize      (const char  *text);
/* The local day of a stored time, as a GDate / as "YYYY-MM-DD". */
gboolean   cg_room_local_date         (const char  *utc_text,
                                       GDate       *out);
char      *cg_room_local_day          (const char  *utc_text);
/* Local midnight at the start of @date + @add_days, in UTC. */
char      *cg_room_day_start_utc      (const GDate *date,
                                       int          add_days);
char      *cg_room_day_text_start_utc (const char  *day,
                                       int          add_days);
/* @utc_text + @days calendar days in local time, in UTC. */
char      *cg_room_add_local_days     (const char  *utc_text,
                                       int          days);
/* Later than now by more than the clocks differ. */
gboolean   cg_room_is_future          (const char  *utc_text);
/* "YYYY-MM-DD HH:MM" for messages; a copy of @utc_text when it is odd. */
char      *cg_room_shown              (const char  *utc_text);
/* Sets a CG_STORE_ERROR_INVALID error; returns FALSE. */
gboolean   cg_room_refuse             (GError     **error,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (2, 3);

/* rows */

/* A room from the ROOM_COLUMNS of @stmt starting at column @first. */
CgRoom    *cg_room_from_row           (sqlite3_stmt  *stmt,
                                       int            first);
/* One room by id; NULL and no error when there is none (cg-room.c). */
CgRoom    *cg_room_load               (CgStore       *store,
                                       gint64         id,
                                       GError       **error);
/* A stay from the STAY_COLUMNS of @stmt starting at column @first. */
CgStay    *cg_stay_from_row           (sqlite3_stmt  *stmt,
                                       int            first);
/* Steps @stmt (STAY_COLUMNS first) to the end, collecting stays. */
GPtrArray *cg_stay_step_all           (CgStore       *store,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
/* The stay open in @room_id at @at (UTC; NULL: now), or NULL (cg-stay.c). */
CgStay    *cg_stay_open_in_room       (CgStore       *store,
                                       gint64         room_id,
                                       const char    *at,
                                       GError       **error);

G_END_DECLS
