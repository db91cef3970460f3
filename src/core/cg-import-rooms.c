/* cg-import-rooms.c — the `rooms` and `stays` registers of interfaces.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rooms: a row names a room; a row for a room already stored updates it
 * (its kind and the three conditions of ALL-5).
 *
 * stays: the isolation observation register (隔离观察登记).  A row names
 * a stored room and a registered person; the rows of one file may not
 * overlap in one room nor for one person, nor with the stays stored; an
 * ended stay that ended before its planned end needs the negative test
 * of the release rule, as in the window.  A row of a stay already stored
 * (same person and start) changes nothing, or ends it when the store has
 * it open and the row gives the end.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-date.h"
#include "cg-import-private.h"
#include "cg-institution.h"
#include "cg-room.h"
#include "cg-validate.h"

/* The clocks of the PCs that write the registers differ by a few minutes. */
#define CLOCK_TOLERANCE (10 * G_TIME_SPAN_MINUTE)

/* ---------------------------------------------------------------------- */
/* rooms                                                                   */

enum
{
  ROOMS_NAME,
  ROOMS_KIND,
  ROOMS_OWN_TOILET,
  ROOMS_VENTILATED,
  ROOMS_LOW_TRAFFIC,
  N_ROOMS_COLUMNS
};

static const CgColumnSpec room_columns[N_ROOMS_COLUMNS] = {
  { "name",        "房间",       N_("Room"),            TRUE },
  { "kind",        "类型",       N_("Kind"),            TRUE },
  { "own_toilet",  "独立卫生间", N_("Own toilet"),      TRUE },
  { "ventilated",  "通风",       N_("Ventilated"),      TRUE },
  { "low_traffic", "人流少",     N_("Low traffic"),     TRUE },
};

/* yes/no, 是/否, 有/无, 1/0, true/false; -1 when none of them. */
static int
parse_yes_no (const char *text)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "是", "有", "√" };
  static const char * const no[] = { "no", "n", "false", "0", "否", "无", "×" };
  g_autofree char *folded = g_strstrip (g_utf8_strdown (text, -1));

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (folded, yes[i]))
      return 1;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (folded, no[i]))
      return 0;
  return -1;
}

typedef struct
{
  CgRoom   *room;
  gboolean  unchanged;
} RoomRecord;

static void
room_record_free (gpointer data)
{
  RoomRecord *record = data;

  cg_room_free (record->room);
  g_free (record);
}

static gpointer
rooms_check_row (CgImportRow *row,
                 gboolean    *is_update,
                 GStrv       *preview)
{
  g_autoptr(CgRoom) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = cg_import_row_cell (row, ROOMS_NAME);
  const char *text;
  RoomRecord *record;
  GStrvBuilder *builder;
  int kind = -1;
  int flags[3] = { -1, -1, -1 };
  guint first_line = 0;

  if (*name == '\0')
    cg_import_row_problem (row, ROOMS_NAME, _("The room is required: write its name, such as 隔离1号"));
  else if (g_utf8_strlen (name, -1) > 30)
    cg_import_row_problem (row, ROOMS_NAME, _("The room name is too long: 30 characters at most"));
  else if (!cg_import_row_claim_key (row, name, &first_line))
    cg_import_row_problem (row, ROOMS_NAME, _("Room %s is already on line %u of this file"), name, first_line);

  text = cg_import_row_cell (row, ROOMS_KIND);
  if (*text == '\0')
    cg_import_row_problem (row, ROOMS_KIND, _("The kind is required: observation/观察室 or isolation/隔离室"));
  else if ((kind = cg_room_kind_from_string (text)) < 0)
    cg_import_row_problem (row, ROOMS_KIND,
                           _("“%s” is not a kind: write observation/观察室 or isolation/隔离室"), text);

  for (int c = ROOMS_OWN_TOILET; c <= ROOMS_LOW_TRAFFIC; c++)
    {
      text = cg_import_row_cell (row, c);
      if (*text == '\0')
        cg_import_row_problem (row, c, _("Write yes/是 or no/否"));
      else if ((flags[c - ROOMS_OWN_TOILET] = parse_yes_no (text)) < 0)
        cg_import_row_problem (row, c, _("“%s” is not yes or no: write yes/是 or no/否"), text);
    }

  if (row->bad)
    return NULL;

  stored = cg_room_find_by_name (row->store, name, &error);
  if (error != NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }

  record = g_new0 (RoomRecord, 1);
  record->room = stored != NULL ? cg_room_copy (stored) : cg_room_new ();
  g_free (record->room->name);
  record->room->name = g_strdup (name);
  record->room->kind = kind;
  record->room->own_toilet = flags[0] == 1;
  record->room->ventilated = flags[1] == 1;
  record->room->low_traffic = flags[2] == 1;
  *is_update = stored != NULL;
  record->unchanged = stored != NULL && stored->kind == record->room->kind
                      && stored->own_toilet == record->room->own_toilet
                      && stored->ventilated == record->room->ventilated
                      && stored->low_traffic == record->room->low_traffic;

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, name);
  g_strv_builder_add (builder, cg_room_kind_label (kind));
  g_strv_builder_add (builder, flags[0] ? _("Yes") : _("No"));
  g_strv_builder_add (builder, flags[1] ? _("Yes") : _("No"));
  g_strv_builder_add (builder, flags[2] ? _("Yes") : _("No"));
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return record;
}

static gboolean
rooms_write_record (CgStore     *store,
                    gpointer     context,
                    gpointer     data,
                    const char  *who,
                    GError     **error)
{
  const RoomRecord *record = data;
  g_autoptr(CgRoom) room = NULL;
  g_autoptr(CgRoom) stored = NULL;
  GError *local_error = NULL;

  if (record->unchanged)
    return TRUE;
  /* A copy: saving sets the id, which a rolled-back commit must not keep. */
  room = cg_room_copy (record->room);
  stored = cg_room_find_by_name (store, room->name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  room->id = stored != NULL ? stored->id : 0;
  return cg_room_save_in_transaction (store, room, who, error);
}

const CgRegisterSpec cg_import_rooms_register = {
  .word = "rooms",
  .table = "room",
  .columns = room_columns,
  .n_columns = G_N_ELEMENTS (room_columns),
  .check_row = rooms_check_row,
  .write_record = rooms_write_record,
  .free_record = room_record_free,
};

/* ---------------------------------------------------------------------- */
/* stays                                                                   */

enum
{
  STAYS_ROOM,
  STAYS_ID_NUMBER,
  STAYS_REASON,
  STAYS_STARTED_AT,
  STAYS_ENDED_AT,
  N_STAYS_COLUMNS
};

static const CgColumnSpec stay_columns[N_STAYS_COLUMNS] = {
  { "room",       "房间",       N_("Room"),       TRUE },
  { "id_number",  "身份证号",   N_("ID number"),  TRUE },
  { "reason",     "原因",       N_("Reason"),     TRUE },
  { "started_at", "开始时间",   N_("Started"),    TRUE },
  { "ended_at",   "结束时间",   N_("Ended"),      FALSE },
};

/* A stay of the file as far as the rows checked so far go. */
typedef struct
{
  gint64  room_id;
  gint64  person_id;
  char   *started_at;
  char   *ended_at;     /* NULL: open */
  guint   line;
} FileStay;

typedef struct
{
  CgPolicy   *policy;
  GArray     *stays;    /* FileStay */
  GHashTable *ends;     /* stored open stay id (gint64*) → the end a row above gives it */
} StaysContext;

static void
file_stay_clear (gpointer data)
{
  FileStay *stay = data;

  g_free (stay->started_at);
  g_free (stay->ended_at);
}

static void
stays_context_free (gpointer data)
{
  StaysContext *context = data;

  cg_policy_free (context->policy);
  g_array_unref (context->stays);
  g_hash_table_unref (context->ends);
  g_free (context);
}

/* The isolation days are the institution's: the documents' value and
 * its own change (core cannot ask the modules, and needs nothing of
 * theirs). */
static gpointer
stays_new_context (CgStore  *store,
                   GError  **error)
{
  StaysContext *context;
  CgPolicy *policy = cg_import_load_policy (store, CG_KIND_CARE_HOME, NULL, error);

  if (policy == NULL)
    return NULL;
  context = g_new0 (StaysContext, 1);
  context->policy = policy;
  context->stays = g_array_new (FALSE, TRUE, sizeof (FileStay));
  g_array_set_clear_func (context->stays, file_stay_clear);
  context->ends = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return context;
}

typedef struct
{
  CgStay   *stay;
  gint64    end_stay_id;   /* a stored open stay this row ends */
  gboolean  unchanged;
} StayRecord;

static void
stay_record_free (gpointer data)
{
  StayRecord *record = data;

  cg_stay_free (record->stay);
  g_free (record);
}

/* The stored stay of @person_id that started at @started_at: its id,
 * room and end; 0 when none (or on error, reported). */
static gint64
find_stored_stay (CgImportRow  *row,
                  gint64        person_id,
                  const char   *started_at,
                  gint64       *room_id,
                  char        **ended_at)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = cg_store_prepare (row->store,
                           "SELECT id, room_id, ended_at FROM stay WHERE person_id = ?1 AND started_at = ?2",
                           &error);
  if (stmt == NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  cg_bind_text (stmt, 2, started_at);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *room_id = sqlite3_column_int64 (stmt, 1);
      *ended_at = cg_column_dup_text (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      cg_store_set_error (row->store, &error, rc);
      cg_import_row_problem (row, -1, "%s", error->message);
    }
  sqlite3_reset (stmt);
  return id;
}

/* [a_start, a_end) and [b_start, b_end) overlap; NULL ends are open. */
static gboolean
overlaps (const char *a_start,
          const char *a_end,
          const char *b_start,
          const char *b_end)
{
  return (a_end == NULL || strcmp (b_start, a_end) < 0)
         && (b_end == NULL || strcmp (a_start, b_end) < 0);
}

/* Whether every stored stay that overlaps @stay is one a row above ends
 * in time (the register of last week, imported again with the ends it
 * has now and the stays that followed). */
static gboolean
ended_by_file (CgImportRow   *row,
               StaysContext  *context,
               const CgStay  *stay)
{
  sqlite3_stmt *stmt;
  gboolean all = TRUE;
  int rc;

  if (g_hash_table_size (context->ends) == 0)
    return FALSE;
  stmt = cg_store_prepare (row->store,
                           "SELECT id, started_at, ended_at FROM stay "
                           "WHERE (room_id = ?1 OR person_id = ?2) AND (ended_at IS NULL OR ended_at > ?3) "
                           "AND (?4 IS NULL OR started_at < ?4)", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay->room_id);
  sqlite3_bind_int64 (stmt, 2, stay->person_id);
  cg_bind_text (stmt, 3, stay->started_at);
  cg_bind_text (stmt, 4, stay->ended_at);
  while (all && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *end = g_hash_table_lookup (context->ends, &id);

      if (end == NULL
          || overlaps ((const char *) sqlite3_column_text (stmt, 1), end, stay->started_at, stay->ended_at))
        all = FALSE;
    }
  sqlite3_reset (stmt);
  return all;
}

static gpointer
stays_check_row (CgImportRow *row,
                 gboolean    *is_update,
                 GStrv       *preview)
{
  StaysContext *context = row->context;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgRoom) room = NULL;
  g_autoptr(CgPerson) person = NULL;
  g_autoptr(CgStay) stay = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *ended_at = NULL;
  g_autofree char *start_day = NULL;
  g_autofree char *stored_end = NULL;
  g_autofree char *started_local = NULL;
  g_autofree char *ended_local = NULL;
  const char *room_name = cg_import_row_cell (row, STAYS_ROOM);
  const char *reason_text = cg_import_row_cell (row, STAYS_REASON);
  const char *text;
  StayRecord *record;
  GStrvBuilder *builder;
  gint64 stored_id;
  gint64 stored_room = 0;
  int reason = -1;

  if (*room_name == '\0')
    cg_import_row_problem (row, STAYS_ROOM, _("The room is required: write its name, such as 隔离1号"));
  else
    {
      room = cg_room_find_by_name (row->store, room_name, &error);
      if (error != NULL)
        cg_import_row_problem (row, STAYS_ROOM, "%s", error->message);
      else if (room == NULL)
        cg_import_row_problem (row, STAYS_ROOM,
                               _("No room named %s is registered: import the rooms register first"), room_name);
      else if (room->archived)
        cg_import_row_problem (row, STAYS_ROOM, _("Room %s is archived"), room_name);
      g_clear_error (&error);
    }

  text = cg_import_row_cell (row, STAYS_ID_NUMBER);
  if (!cg_validate_id_number (text, &id_number, NULL, &error))
    cg_import_row_problem (row, STAYS_ID_NUMBER, "%s", error->message);
  else
    {
      person = cg_person_find_by_id_number (row->store, id_number, &error);
      if (error != NULL)
        cg_import_row_problem (row, STAYS_ID_NUMBER, "%s", error->message);
      else if (person == NULL)
        cg_import_row_problem (row, STAYS_ID_NUMBER,
                               _("No one with the ID number %s is registered: import the people register first"),
                               id_number);
    }
  g_clear_error (&error);

  if (*reason_text == '\0')
    cg_import_row_problem (row, STAYS_REASON,
                           _("The reason is required, such as new_arrival/新入住, no_health_code/无健康码, "
                             "risk_area/中高风险地区, fever/发热, symptoms/症状, contact/密接"));
  else
    /* A reason the register words otherwise is kept as its note. */
    reason = cg_stay_reason_from_string (reason_text);

  if (*cg_import_row_cell (row, STAYS_STARTED_AT) == '\0')
    cg_import_row_problem (row, STAYS_STARTED_AT, _("The start of the stay is required"));
  else
    started_at = cg_import_row_time (row, STAYS_STARTED_AT, CLOCK_TOLERANCE);
  if (*cg_import_row_cell (row, STAYS_ENDED_AT) != '\0')
    {
      ended_at = cg_import_row_time (row, STAYS_ENDED_AT, CLOCK_TOLERANCE);
      if (ended_at != NULL && started_at != NULL && strcmp (ended_at, started_at) < 0)
        cg_import_row_problem (row, STAYS_ENDED_AT, _("The stay cannot end before it started"));
    }

  if (row->bad)
    return NULL;

  start_day = cg_datetime_utc_to_local (started_at);
  start_day[10] = '\0';
  if (g_strcmp0 (cg_person_get_arrived_on (person), start_day) > 0
      || (cg_person_get_left_on (person) != NULL && g_strcmp0 (cg_person_get_left_on (person), start_day) < 0))
    {
      cg_import_row_problem (row, STAYS_STARTED_AT, _("%s was not in the institution on %s"),
                             cg_person_get_name (person), start_day);
      return NULL;
    }

  stay = cg_stay_new ();
  stay->room_id = room->id;
  stay->person_id = cg_person_get_id (person);
  stay->reason = reason >= 0 ? reason : CG_STAY_OTHER;
  if (reason < 0)
    {
      g_free (stay->note);
      stay->note = g_strdup (reason_text);
    }
  stay->started_at = g_strdup (started_at);
  stay->planned_end_at = cg_stay_default_planned_end (context->policy, started_at);
  stay->ended_at = g_strdup (ended_at);

  record = g_new0 (StayRecord, 1);
  stored_id = find_stored_stay (row, stay->person_id, started_at, &stored_room, &stored_end);
  if (row->bad)
    goto bad;
  if (stored_id != 0)
    {
      g_autoptr(CgStay) stored = cg_stay_get (row->store, stored_id, &error);

      if (stored == NULL)
        {
          cg_import_row_problem (row, -1, "%s", error != NULL ? error->message : "");
          goto bad;
        }
      if (stored_room != room->id || (stored_end != NULL && g_strcmp0 (stored_end, ended_at) != 0))
        {
          g_autofree char *stored_end_local = stored_end != NULL ? cg_datetime_utc_to_local (stored_end) : NULL;

          cg_import_row_problem (row, -1,
                                 _("The stay of %s that started %s is stored already, in %s until %s: "
                                   "correct it in the program instead"),
                                 cg_person_get_name (person), cg_import_row_cell (row, STAYS_STARTED_AT),
                                 stored->room_name, stored_end_local != NULL ? stored_end_local : _("now"));
          goto bad;
        }
      *is_update = TRUE;
      if (stored_end == NULL && ended_at != NULL)
        {
          gint64 test_id = 0;

          if (!cg_stay_check_release (row->store, context->policy, stored, ended_at, &test_id, &error))
            {
              cg_import_row_problem (row, STAYS_ENDED_AT, "%s", error->message);
              goto bad;
            }
          record->end_stay_id = stored_id;
          g_hash_table_insert (context->ends, g_memdup2 (&stored_id, sizeof stored_id), g_strdup (ended_at));
        }
      else
        record->unchanged = TRUE;
    }
  else
    {
      if (!cg_stay_check_free (row->store, stay, &error))
        {
          if (!ended_by_file (row, context, stay))
            {
              cg_import_row_problem (row, -1, "%s", error->message);
              goto bad;
            }
          g_clear_error (&error);
        }
      if (ended_at != NULL
          && !cg_stay_check_release (row->store, context->policy, stay, ended_at, &stay->release_test_id, &error))
        {
          cg_import_row_problem (row, STAYS_ENDED_AT, "%s", error->message);
          goto bad;
        }
    }

  /* The rows above this one. */
  for (guint i = 0; i < context->stays->len; i++)
    {
      const FileStay *other = &g_array_index (context->stays, FileStay, i);

      if (!overlaps (other->started_at, other->ended_at, started_at, ended_at))
        continue;
      if (other->room_id == room->id)
        cg_import_row_problem (row, STAYS_ROOM,
                               _("%s is taken at that time by the stay on line %u (one person per room)"),
                               room->name, other->line);
      else if (other->person_id == stay->person_id)
        cg_import_row_problem (row, STAYS_STARTED_AT,
                               _("%s is in another stay at that time, on line %u"),
                               cg_person_get_name (person), other->line);
      if (row->bad)
        goto bad;
    }
  {
    FileStay entry = { room->id, stay->person_id, g_strdup (started_at), g_strdup (ended_at), row->line };

    g_array_append_val (context->stays, entry);
  }

  record->stay = g_steal_pointer (&stay);
  started_local = cg_datetime_utc_to_local (started_at);
  ended_local = ended_at != NULL ? cg_datetime_utc_to_local (ended_at) : g_strdup ("");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, room->name);
  g_strv_builder_add (builder, id_number);
  g_strv_builder_add (builder, reason >= 0 ? cg_stay_reason_label (reason) : reason_text);
  g_strv_builder_add (builder, started_local);
  g_strv_builder_add (builder, ended_local);
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return record;

bad:
  stay_record_free (record);
  return NULL;
}

static gboolean
stays_write_record (CgStore     *store,
                    gpointer     data,
                    gpointer     record_data,
                    const char  *who,
                    GError     **error)
{
  StaysContext *context = data;
  const StayRecord *record = record_data;
  g_autoptr(CgStay) stay = NULL;

  if (record->unchanged)
    return TRUE;
  if (record->end_stay_id != 0)
    return cg_stay_end_in_transaction (store, context->policy, record->end_stay_id,
                                       record->stay->ended_at, NULL, who, error);
  /* A copy: adding sets the id, which a rolled-back commit must not keep. */
  stay = cg_stay_copy (record->stay);
  return cg_stay_add_in_transaction (store, context->policy, stay, who, error);
}

const CgRegisterSpec cg_import_stays_register = {
  .word = "stays",
  .table = "stay",
  .columns = stay_columns,
  .n_columns = G_N_ELEMENTS (stay_columns),
  .new_context = stays_new_context,
  .free_context = stays_context_free,
  .check_row = stays_check_row,
  .write_record = stays_write_record,
  .free_record = stay_record_free,
};
