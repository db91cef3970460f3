/* test-room.c — rooms (ALL-5), stays and the release rule (ALL-6, RS-2),
 * entry screening (RS-1, RS-2, RS-3), arrivals, the room rules and the
 * rooms and stays imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-date.h"
#include "cg-import.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-nat-test.h"
#include "cg-room.h"
#include "cg-rules.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-validate.h"

typedef struct
{
  CgTestStore  db;
  guint        next_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CgInstitutionKind kind = GPOINTER_TO_INT (data);

  cg_test_store_set_up (&f->db, "room", "room.db", "测试机构", kind, 100);
  g_assert_cmpint (cg_policy_get_int (f->db.policy, CG_POLICY_ISOLATION_DAYS), ==, 14);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cg_test_store_tear_down (&f->db);
}

static char *
new_id_number (Fixture *f)
{
  g_autofree char *first17 = g_strdup_printf ("11010119800101%03u", ++f->next_id);

  return cg_test_id_number (first17);
}

static gint64
add_person (Fixture      *f,
            const char   *name,
            CgPersonKind  kind,
            int           arrived_offset,
            char        **id_number_out)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = new_id_number (f);
  g_autofree char *arrived = cg_test_day (arrived_offset);

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_arrived_on (person, arrived);
  g_assert_true (cg_person_save (f->db.store, person, "test", &error));
  g_assert_no_error (error);
  if (id_number_out != NULL)
    *id_number_out = g_steal_pointer (&id_number);
  return cg_person_get_id (person);
}

static gint64
add_room (Fixture    *f,
          const char *name,
          CgRoomKind  kind,
          gboolean    compliant)
{
  g_autoptr(CgRoom) room = cg_room_new ();
  g_autoptr(GError) error = NULL;

  g_free (room->name);
  room->name = g_strdup (name);
  room->kind = kind;
  room->own_toilet = TRUE;
  room->ventilated = compliant;
  room->low_traffic = TRUE;
  g_assert_true (cg_room_save (f->db.store, room, "test", &error));
  g_assert_no_error (error);
  return room->id;
}

static gint64
add_test (Fixture     *f,
          gint64       person_id,
          int          sampled_offset,
          CgNatResult  result,
          int          result_offset)
{
  g_autoptr(CgNatTest) test = cg_nat_test_new ();
  g_autoptr(GError) error = NULL;

  test->person_id = person_id;
  test->sampled_on = cg_test_day (sampled_offset);
  test->result = result;
  test->result_on = result != CG_NAT_PENDING ? cg_test_day (result_offset) : NULL;
  g_assert_true (cg_nat_test_save (f->db.store, test, "test", &error));
  g_assert_no_error (error);
  return test->id;
}

static gint64
open_stay (Fixture      *f,
           gint64        room_id,
           gint64        person_id,
           CgStayReason  reason,
           const char   *started_at,
           GError      **error)
{
  g_autoptr(CgStay) stay = cg_stay_new ();

  stay->room_id = room_id;
  stay->person_id = person_id;
  stay->reason = reason;
  stay->started_at = g_strdup (started_at);
  if (!cg_stay_open (f->db.store, f->db.policy, stay, "test", error))
    return 0;
  return stay->id;
}

static GPtrArray *
evaluate (Fixture *f,
          int      offset)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);
  g_autoptr(GError) error = NULL;
  GDate date = cg_test_date (offset);

  g_assert_true (cg_room_evaluate_rules (f->db.store, f->db.policy, &date, alerts, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&alerts);
}

/* The alerts of @rule; the first one's message in @message_out. */
static guint
count_alerts (GPtrArray   *alerts,
              const char  *rule,
              CgSeverity   severity,
              const char **message_out)
{
  guint n = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const CgAlert *alert = alerts->pdata[i];

      if (g_strcmp0 (alert->rule, rule) == 0 && alert->severity == severity)
        {
          if (n == 0 && message_out != NULL)
            *message_out = alert->message;
          n++;
        }
    }
  return n;
}

/* ---------------------------------------------------------------------- */

static void
test_rooms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CgRoom) room = cg_room_new ();
  g_autoptr(CgRoom) twin = cg_room_new ();
  g_autoptr(CgRoom) found = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GPtrArray) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *no_gaps = NULL;

  g_assert_cmpint (cg_room_kind_from_string ("隔离室"), ==, CG_ROOM_ISOLATION);
  g_assert_cmpint (cg_room_kind_from_string ("Observation"), ==, CG_ROOM_OBSERVATION);
  g_assert_cmpint (cg_room_kind_from_string ("观察室"), ==, CG_ROOM_OBSERVATION);
  g_assert_cmpint (cg_room_kind_from_string ("客房"), ==, -1);
  g_assert_cmpint (cg_stay_reason_from_string ("无健康码"), ==, CG_STAY_NO_HEALTH_CODE);
  g_assert_cmpint (cg_stay_reason_from_string ("risk_area"), ==, CG_STAY_RISK_AREA);
  g_assert_true (cg_stay_reason_needs_test (CG_STAY_NEW_ARRIVAL));
  g_assert_true (cg_stay_reason_needs_test (CG_STAY_CONTACT));
  g_assert_false (cg_stay_reason_needs_test (CG_STAY_FEVER));

  g_free (room->name);
  room->name = g_strdup ("  隔离1号 ");
  room->kind = CG_ROOM_ISOLATION;
  room->own_toilet = TRUE;
  g_assert_false (cg_room_is_compliant (room));
  gaps = cg_room_describe_gaps (room);
  g_assert_nonnull (strstr (gaps, "not ventilated"));
  g_assert_nonnull (strstr (gaps, "not in a low-traffic area"));
  g_assert_null (strstr (gaps, "toilet"));
  g_assert_true (cg_room_save (f->db.store, room, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (room->name, ==, "隔离1号");

  /* The same name twice is refused. */
  g_free (twin->name);
  twin->name = g_strdup ("隔离1号");
  g_assert_false (cg_room_save (f->db.store, twin, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (twin->id, ==, 0);
  g_clear_error (&error);

  room->ventilated = TRUE;
  room->low_traffic = TRUE;
  g_assert_true (cg_room_is_compliant (room));
  no_gaps = cg_room_describe_gaps (room);
  g_assert_cmpstr (no_gaps, ==, "");
  g_assert_true (cg_room_save (f->db.store, room, "test", &error));
  found = cg_room_find_by_name (f->db.store, "隔离1号", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_true (found->ventilated && found->low_traffic);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM audit WHERE what LIKE 'room.%'"), ==, 2);

  /* Archived rooms are not offered. */
  add_room (f, "观察1号", CG_ROOM_OBSERVATION, TRUE);
  room->archived = TRUE;
  g_assert_true (cg_room_save (f->db.store, room, "test", &error));
  rooms = cg_room_list (f->db.store, FALSE, &error);
  g_assert_cmpuint (rooms->len, ==, 1);
  g_assert_cmpstr (((CgRoom *) rooms->pdata[0])->name, ==, "观察1号");
  g_clear_pointer (&rooms, g_ptr_array_unref);
  rooms = cg_room_list (f->db.store, TRUE, &error);
  g_assert_cmpuint (rooms->len, ==, 2);
  board = cg_room_board (f->db.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (board->len, ==, 1);
  g_assert_null (((CgRoomState *) board->pdata[0])->stay);
}

/* A stay started on day 0 at 08:00 with 14 days planned ends on day 14 at
 * 08:00; ending before needs a negative test sampled during the stay. */
static void
test_release (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStay) stay = NULL;
  g_autofree char *start = cg_test_utc_at (-20, "08:00");
  g_autofree char *planned = cg_test_utc_at (-6, "08:00");
  g_autofree char *day13 = cg_test_utc_at (-7, "08:00");
  g_autofree char *before_planned = cg_test_utc_at (-6, "07:59");
  g_autofree char *last_of_day0 = cg_test_utc_at (-20, "23:59");
  g_autofree char *first_of_day1 = cg_test_utc_at (-19, "00:00");
  gint64 room = add_room (f, "隔离1号", CG_ROOM_ISOLATION, TRUE);
  gint64 room2 = add_room (f, "隔离2号", CG_ROOM_ISOLATION, TRUE);
  gint64 wang = add_person (f, "王秀英", CG_PERSON_RESIDENT, -20, NULL);
  gint64 li = add_person (f, "李明", CG_PERSON_RESIDENT, -20, NULL);
  gint64 stay_id, stay2_id, pending_id;

  stay_id = open_stay (f, room, wang, CG_STAY_NEW_ARRIVAL, start, &error);
  g_assert_no_error (error);
  stay = cg_stay_get (f->db.store, stay_id, &error);
  g_assert_cmpstr (stay->started_at, ==, start);
  g_assert_cmpstr (stay->planned_end_at, ==, planned);
  g_assert_null (stay->ended_at);
  g_assert_cmpstr (stay->room_name, ==, "隔离1号");
  g_assert_cmpstr (stay->person_name, ==, "王秀英");
  g_assert_cmpint (cg_stay_day_number (stay, start), ==, 1);
  g_assert_cmpint (cg_stay_day_number (stay, last_of_day0), ==, 1);
  g_assert_cmpint (cg_stay_day_number (stay, first_of_day1), ==, 2);
  g_assert_cmpint (cg_stay_day_number (stay, planned), ==, 15);

  /* Day 13, and one minute before the planned end, without a test. */
  g_assert_false (cg_stay_end (f->db.store, f->db.policy, stay_id, day13, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Release before day 14 needs a negative nucleic-acid test"));
  g_clear_error (&error);
  g_assert_false (cg_stay_end (f->db.store, f->db.policy, stay_id, before_planned, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay WHERE ended_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM audit WHERE what = 'stay.end'"), ==, 0);

  /* A negative test of the day before the stay does not count … */
  add_test (f, wang, -21, CG_NAT_NEGATIVE, -20);
  g_assert_false (cg_stay_end (f->db.store, f->db.policy, stay_id, day13, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* … nor does a pending one taken during the stay … */
  pending_id = add_test (f, wang, -10, CG_NAT_PENDING, 0);
  g_assert_false (cg_stay_end (f->db.store, f->db.policy, stay_id, day13, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not known yet"));
  g_clear_error (&error);
  /* … nor a negative result that came after the end. */
  add_test (f, wang, -10, CG_NAT_NEGATIVE, -5);
  g_assert_false (cg_stay_end (f->db.store, f->db.policy, stay_id, day13, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay WHERE ended_at IS NOT NULL"), ==, 0);

  /* A negative result known by the end: released, with the test. */
  add_test (f, wang, -10, CG_NAT_NEGATIVE, -8);
  g_assert_true (cg_stay_end (f->db.store, f->db.policy, stay_id, day13, "解除隔离", "test", &error));
  g_assert_no_error (error);
  g_clear_pointer (&stay, cg_stay_free);
  stay = cg_stay_get (f->db.store, stay_id, &error);
  g_assert_cmpstr (stay->ended_at, ==, day13);
  g_assert_cmpint (stay->release_test_id, ==, pending_id);
  g_assert_cmpstr (stay->disposition, ==, "解除隔离");
  /* Ended once is ended. */
  g_assert_false (cg_stay_end (f->db.store, f->db.policy, stay_id, NULL, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Ending at the planned end itself needs no test. */
  stay2_id = open_stay (f, room2, li, CG_STAY_NO_HEALTH_CODE, start, &error);
  g_assert_no_error (error);
  g_assert_true (cg_stay_end (f->db.store, f->db.policy, stay2_id, planned, NULL, "test", &error));
  g_assert_no_error (error);
  g_clear_pointer (&stay, cg_stay_free);
  stay = cg_stay_get (f->db.store, stay2_id, &error);
  g_assert_cmpstr (stay->ended_at, ==, planned);
  g_assert_cmpint (stay->release_test_id, ==, 0);
}

static void
test_fever_release (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = cg_test_utc_at (-3, "08:00");
  g_autofree char *end = cg_test_utc_at (-2, "08:00");
  gint64 room = add_room (f, "观察1号", CG_ROOM_OBSERVATION, TRUE);
  gint64 wang = add_person (f, "王秀英", CG_PERSON_RESIDENT, -20, NULL);
  gint64 stay_id = open_stay (f, room, wang, CG_STAY_FEVER, start, &error);

  /* A fever stay ends when the doctor says so: no test rule. */
  g_assert_no_error (error);
  g_assert_true (cg_stay_end (f->db.store, f->db.policy, stay_id, end, "转诊发热门诊", "test", &error));
  g_assert_no_error (error);
}

static void
test_one_per_room (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) board = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *start = cg_test_utc_at (-3, "08:00");
  g_autofree char *later = cg_test_utc_at (-2, "09:00");
  g_autofree char *end = cg_test_utc_at (-1, "10:00");
  gint64 room_a = add_room (f, "隔离1号", CG_ROOM_ISOLATION, TRUE);
  gint64 room_b = add_room (f, "隔离2号", CG_ROOM_ISOLATION, TRUE);
  gint64 wang = add_person (f, "王秀英", CG_PERSON_RESIDENT, -20, NULL);
  gint64 li = add_person (f, "李明", CG_PERSON_RESIDENT, -20, NULL);
  gint64 stay_id;
  GDate from = cg_test_date (-4), to = cg_test_date (0);
  const CgRoomDay *entry;

  stay_id = open_stay (f, room_a, wang, CG_STAY_FEVER, start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stay_id, >, 0);

  /* The room is taken: refused with the room and who is in it. */
  g_assert_cmpint (open_stay (f, room_a, li, CG_STAY_CONTACT, later, &error), ==, 0);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "隔离1号"));
  g_assert_nonnull (strstr (error->message, "王秀英"));
  g_clear_error (&error);

  /* The person is in a stay already. */
  g_assert_cmpint (open_stay (f, room_b, wang, CG_STAY_CONTACT, later, &error), ==, 0);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "王秀英"));
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay"), ==, 1);

  board = cg_room_board (f->db.store, NULL, &error);
  g_assert_cmpuint (board->len, ==, 2);
  g_assert_nonnull (((CgRoomState *) board->pdata[0])->stay);
  g_assert_cmpstr (((CgRoomState *) board->pdata[0])->stay->person_name, ==, "王秀英");
  g_assert_null (((CgRoomState *) board->pdata[1])->stay);
  open = cg_stay_list_open (f->db.store, NULL, &error);
  g_assert_cmpuint (open->len, ==, 1);

  /* Once ended, the room is free again from that time. */
  g_assert_true (cg_stay_end (f->db.store, f->db.policy, stay_id, end, NULL, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_stay (f, room_a, li, CG_STAY_CONTACT, end, &error), >, 0);
  g_assert_no_error (error);

  /* Room days: day -3 one started, -1 one ended and one started. */
  days = cg_room_days (f->db.store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 5);
  entry = &g_array_index (days, CgRoomDay, 0);
  g_assert_cmpint (entry->occupied, ==, 0);
  g_assert_cmpint (entry->rooms, ==, 2);
  entry = &g_array_index (days, CgRoomDay, 1);
  g_assert_cmpint (entry->occupied, ==, 1);
  g_assert_cmpint (entry->started, ==, 1);
  entry = &g_array_index (days, CgRoomDay, 3);
  g_assert_cmpint (entry->occupied, ==, 1);
  g_assert_cmpint (entry->started, ==, 1);
  g_assert_cmpint (entry->ended, ==, 1);
  entry = &g_array_index (days, CgRoomDay, 4);
  g_assert_cmpint (entry->occupied, ==, 1);
  g_assert_cmpint (entry->started, ==, 0);
}

static gint64
screen (Fixture       *f,
        gint64         person_id,
        double         temperature,
        guint          symptoms,
        CgHealthCode   code,
        gboolean       new_arrival,
        CgScreening  **out)
{
  g_autoptr(CgScreening) screening = cg_screening_new ();
  g_autoptr(GError) error = NULL;

  screening->person_id = person_id;
  screening->temperature = temperature;
  screening->symptoms = symptoms;
  screening->health_code = code;
  screening->identity_verified = TRUE;
  screening->referred_by = CG_REFERRED_POLICE;
  g_assert_true (cg_screening_record (f->db.store, f->db.policy, screening, new_arrival, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (screening->id, >, 0);
  if (out != NULL)
    *out = g_steal_pointer (&screening);
  return screening != NULL ? screening->id : (*out)->id;
}

static void
test_decide (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgScreening) s = cg_screening_new ();

  s->temperature = 36.5;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_ADMIT);
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, TRUE), ==, CG_SCREENING_ISOLATE);
  s->temperature = 37.0;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_ADMIT);
  s->temperature = 37.1;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_OBSERVE);
  s->temperature = 36.5;
  s->symptoms = CG_SYMPTOM_FEVER;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_OBSERVE);
  s->symptoms = CG_SYMPTOM_COUGH;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, TRUE), ==, CG_SCREENING_OBSERVE);
  s->health_code = CG_HEALTH_CODE_NONE;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_ISOLATE);
  s->symptoms = 0;
  s->health_code = CG_HEALTH_CODE_YELLOW;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_ISOLATE);
  s->health_code = CG_HEALTH_CODE_GREEN;
  s->risk_travel = TRUE;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_ISOLATE);
  s->risk_travel = FALSE;
  s->contact = TRUE;
  g_assert_cmpint (cg_screening_decide (f->db.policy, s, FALSE), ==, CG_SCREENING_ISOLATE);
}

static void
test_screening_isolates (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScreening) screening = NULL;
  g_autoptr(CgScreening) bad = cg_screening_new ();
  g_autoptr(CgStay) stay = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *planned = NULL;
  gint64 isolation;
  gint64 zhang = add_person (f, "张三", CG_PERSON_AID, 0, NULL);

  add_room (f, "观察1号", CG_ROOM_OBSERVATION, TRUE);
  add_room (f, "隔离0号", CG_ROOM_ISOLATION, FALSE);
  isolation = add_room (f, "隔离1号", CG_ROOM_ISOLATION, TRUE);

  /* An implausible temperature is refused; nothing is stored. */
  bad->person_id = zhang;
  bad->temperature = 45.0;
  bad->health_code = CG_HEALTH_CODE_NONE;
  g_assert_false (cg_screening_record (f->db.store, f->db.policy, bad, FALSE, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM screening"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay"), ==, 0);

  /* No health code: 14 days in the compliant isolation room. */
  screen (f, zhang, 36.5, 0, CG_HEALTH_CODE_NONE, FALSE, &screening);
  g_assert_cmpint (screening->outcome, ==, CG_SCREENING_ISOLATE);
  g_assert_cmpint (screening->stay_id, >, 0);
  stay = cg_stay_get (f->db.store, screening->stay_id, &error);
  g_assert_cmpint (stay->room_id, ==, isolation);
  g_assert_cmpint (stay->reason, ==, CG_STAY_NO_HEALTH_CODE);
  g_assert_cmpstr (stay->started_at, ==, screening->screened_at);
  planned = cg_stay_default_planned_end (f->db.policy, screening->screened_at);
  g_assert_cmpstr (stay->planned_end_at, ==, planned);
  g_assert_cmpint (cg_stay_day_number (stay, stay->planned_end_at), ==, 15);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT stay_id FROM screening"), ==, stay->id);

  list = cg_screening_list_for_person (f->db.store, zhang, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((CgScreening *) list->pdata[0])->identity_verified);
  g_assert_cmpint (((CgScreening *) list->pdata[0])->referred_by, ==, CG_REFERRED_POLICE);
}

static void
test_screening_fever (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScreening) screening = NULL;
  g_autoptr(CgStay) stay = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  const char *message = NULL;
  gint64 observation;
  gint64 zhang = add_person (f, "张三", CG_PERSON_AID, 0, NULL);

  add_room (f, "隔离1号", CG_ROOM_ISOLATION, TRUE);
  observation = add_room (f, "观察1号", CG_ROOM_OBSERVATION, TRUE);

  screen (f, zhang, 38.5, 0, CG_HEALTH_CODE_GREEN, FALSE, &screening);
  g_assert_cmpint (screening->outcome, ==, CG_SCREENING_OBSERVE);
  stay = cg_stay_get (f->db.store, screening->stay_id, &error);
  g_assert_nonnull (stay);
  g_assert_cmpint (stay->room_id, ==, observation);
  g_assert_cmpint (stay->reason, ==, CG_STAY_FEVER);

  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-3", CG_SEVERITY_CRITICAL, &message), ==, 1);
  g_assert_nonnull (strstr (message, "38.5"));
  g_assert_nonnull (strstr (message, "120 and the report upward"));
  g_assert_cmpuint (count_alerts (alerts, "RS-1", CG_SEVERITY_WARNING, NULL), ==, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-2", CG_SEVERITY_CRITICAL, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  g_assert_true (cg_screening_mark (f->db.store, screening->id, TRUE, FALSE, NULL, "test", &error));
  g_assert_no_error (error);
  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-3", CG_SEVERITY_CRITICAL, &message), ==, 1);
  g_assert_nonnull (strstr (message, "report upward is not recorded"));
  g_clear_pointer (&alerts, g_ptr_array_unref);

  g_assert_true (cg_screening_mark (f->db.store, screening->id, FALSE, TRUE, NULL, "test", &error));
  g_assert_no_error (error);
  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-3", CG_SEVERITY_CRITICAL, NULL), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM screening WHERE called_120_at IS NOT NULL "
                                                   "AND reported_at IS NOT NULL"), ==, 1);
}

static void
test_no_free_room (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScreening) screening = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *start = cg_test_utc_at (-1, "08:00");
  const char *message = NULL;
  gint64 room = add_room (f, "隔离1号", CG_ROOM_ISOLATION, TRUE);
  gint64 li = add_person (f, "李四", CG_PERSON_AID, -1, NULL);
  gint64 zhang = add_person (f, "张三", CG_PERSON_AID, 0, NULL);
  gint64 occupant;

  occupant = open_stay (f, room, li, CG_STAY_FEVER, start, &error);
  g_assert_no_error (error);

  screen (f, zhang, 36.6, 0, CG_HEALTH_CODE_NONE, FALSE, &screening);
  g_assert_cmpint (screening->outcome, ==, CG_SCREENING_ISOLATE);
  g_assert_cmpint (screening->stay_id, ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM screening WHERE stay_id IS NULL"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay"), ==, 1);

  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-2", CG_SEVERITY_CRITICAL, &message), ==, 1);
  g_assert_nonnull (strstr (message, "no room was free"));
  /* 李四 has no screening at all. */
  g_assert_cmpuint (count_alerts (alerts, "RS-1", CG_SEVERITY_WARNING, &message), ==, 1);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* The room frees up; the person moves in: the alert goes. */
  g_assert_true (cg_stay_end (f->db.store, f->db.policy, occupant, NULL, "退热", "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_stay (f, room, zhang, CG_STAY_NO_HEALTH_CODE, NULL, &error), >, 0);
  g_assert_no_error (error);
  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-2", CG_SEVERITY_CRITICAL, NULL), ==, 0);
}

static void
test_entry_screening_rule (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = NULL;
  const char *message = NULL;
  g_autofree char *arrived = cg_test_day (-2);
  gint64 zhang = add_person (f, "张三", CG_PERSON_AID, -2, NULL);

  add_person (f, "王工", CG_PERSON_STAFF, -2, NULL);
  add_person (f, "老赵", CG_PERSON_AID, -30, NULL);

  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-1", CG_SEVERITY_WARNING, &message), ==, 1);
  g_assert_nonnull (strstr (message, arrived));
  g_assert_cmpstr (((CgAlert *) alerts->pdata[0])->record_kind, ==, "person");
  g_assert_nonnull (strstr (((CgAlert *) alerts->pdata[0])->subject, "张三 110101"));
  g_assert_cmpstr (((CgAlert *) alerts->pdata[0])->source, ==, "晋政民〔2020〕87号 救助站 二(一)");
  g_clear_pointer (&alerts, g_ptr_array_unref);
  /* Before the arrival there was no one to screen. */
  alerts = evaluate (f, -3);
  g_assert_cmpuint (count_alerts (alerts, "RS-1", CG_SEVERITY_WARNING, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  screen (f, zhang, 36.5, 0, CG_HEALTH_CODE_GREEN, FALSE, NULL);
  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "RS-1", CG_SEVERITY_WARNING, NULL), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM screening WHERE outcome = 'admit' AND stay_id IS NULL"), ==, 1);
}

static CgArrival *
find_arrival (GPtrArray  *arrivals,
              gint64      person_id)
{
  for (guint i = 0; i < arrivals->len; i++)
    {
      CgArrival *arrival = arrivals->pdata[i];

      if (cg_person_get_id (arrival->person) == person_id)
        return arrival;
    }
  return NULL;
}

static GPtrArray *
arrivals_on (Fixture *f,
             int      offset)
{
  g_autoptr(GError) error = NULL;
  GDate date = cg_test_date (offset);
  GPtrArray *arrivals = cg_arrival_list (f->db.store, f->db.policy, &date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (arrivals);
  return arrivals;
}

static void
test_arrivals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) arrivals = NULL;
  g_autoptr(CgScreening) screening = cg_screening_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *until = cg_test_day (11);
  g_autofree char *screened_at = cg_test_utc_at (-3, "09:00");
  gint64 isolation = add_room (f, "隔离1号", CG_ROOM_ISOLATION, TRUE);
  gint64 wang = add_person (f, "王秀英", CG_PERSON_RESIDENT, -3, NULL);
  gint64 edge = add_person (f, "李明", CG_PERSON_STAFF, -13, NULL);
  gint64 old = add_person (f, "赵丽", CG_PERSON_RESIDENT, -14, NULL);
  CgArrival *arrival;

  arrivals = arrivals_on (f, 0);
  g_assert_cmpuint (arrivals->len, ==, 2);
  g_assert_null (find_arrival (arrivals, old));
  g_assert_nonnull (find_arrival (arrivals, edge));
  arrival = find_arrival (arrivals, wang);
  g_assert_cmpstr (arrival->until, ==, until);
  g_assert_false (arrival->screened || arrival->tested_negative || arrival->test_pending || arrival->isolated);
  g_clear_pointer (&arrivals, g_ptr_array_unref);

  /* Screening of a new arrival: isolated (ALL-6) in the free room. */
  screening->person_id = wang;
  screening->screened_at = g_strdup (screened_at);
  screening->temperature = 36.4;
  g_assert_true (cg_screening_record (f->db.store, f->db.policy, screening, TRUE, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (screening->outcome, ==, CG_SCREENING_ISOLATE);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT room_id FROM stay"), ==, isolation);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay WHERE reason = 'new_arrival'"), ==, 1);

  add_test (f, wang, -2, CG_NAT_PENDING, 0);
  arrivals = arrivals_on (f, 0);
  arrival = find_arrival (arrivals, wang);
  g_assert_true (arrival->screened && arrival->isolated && arrival->test_pending);
  g_assert_false (arrival->tested_negative);
  g_clear_pointer (&arrivals, g_ptr_array_unref);

  add_test (f, wang, -2, CG_NAT_NEGATIVE, -1);
  arrivals = arrivals_on (f, 0);
  arrival = find_arrival (arrivals, wang);
  g_assert_true (arrival->tested_negative);
  g_assert_false (arrival->test_pending);
  g_clear_pointer (&arrivals, g_ptr_array_unref);

  /* As known two days ago: the result was not in yet. */
  arrivals = arrivals_on (f, -2);
  arrival = find_arrival (arrivals, wang);
  g_assert_true (arrival->screened && arrival->isolated && arrival->test_pending);
  g_assert_false (arrival->tested_negative);
  g_clear_pointer (&arrivals, g_ptr_array_unref);
  /* Before the arrival: not an arrival yet. */
  arrivals = arrivals_on (f, -4);
  g_assert_null (find_arrival (arrivals, wang));
}

static void
test_room_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *ends_today = cg_test_utc_at (-14, "08:00");
  g_autofree char *overdue = cg_test_utc_at (-16, "08:00");
  const char *message = NULL;
  gint64 room_a = add_room (f, "隔离1号", CG_ROOM_ISOLATION, TRUE);
  gint64 room_b = add_room (f, "隔离2号", CG_ROOM_ISOLATION, TRUE);
  gint64 wang = add_person (f, "王秀英", CG_PERSON_RESIDENT, -20, NULL);
  gint64 li = add_person (f, "李明", CG_PERSON_RESIDENT, -20, NULL);

  add_room (f, "观察3号", CG_ROOM_OBSERVATION, FALSE);
  open_stay (f, room_a, wang, CG_STAY_NEW_ARRIVAL, ends_today, &error);
  g_assert_no_error (error);
  open_stay (f, room_b, li, CG_STAY_CONTACT, overdue, &error);
  g_assert_no_error (error);

  alerts = evaluate (f, 0);
  g_assert_cmpuint (count_alerts (alerts, "ALL-5", CG_SEVERITY_WARNING, NULL), ==, 2);
  g_assert_cmpuint (count_alerts (alerts, "ALL-5", CG_SEVERITY_INFO, &message), ==, 1);
  g_assert_nonnull (strstr (message, "may end today"));
  for (guint i = 0; i < alerts->len; i++)
    {
      const CgAlert *alert = alerts->pdata[i];

      if (g_strcmp0 (alert->record_kind, "room") == 0)
        {
          g_assert_cmpstr (alert->subject, ==, "观察3号");
          g_assert_nonnull (strstr (alert->message, "not ventilated"));
          g_assert_cmpstr (alert->source, ==, "晋政民〔2020〕87号 养老 二(四)");
        }
      else if (alert->severity == CG_SEVERITY_WARNING)
        {
          g_assert_cmpstr (alert->record_kind, ==, "stay");
          g_assert_nonnull (strstr (alert->subject, "李明"));
          g_assert_nonnull (strstr (alert->message, "still open"));
        }
    }
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* Two days ago 李明's stay was due to end that day, 王秀英's had days
   * to go, and the rooms were not registered yet (as known that day). */
  alerts = evaluate (f, -2);
  g_assert_cmpuint (count_alerts (alerts, "ALL-5", CG_SEVERITY_WARNING, NULL), ==, 0);
  g_assert_cmpuint (count_alerts (alerts, "ALL-5", CG_SEVERITY_INFO, &message), ==, 1);
  g_assert_nonnull (strstr (message, "隔离2号"));
  /* The screening rules are the rescue station's. */
  g_assert_cmpuint (count_alerts (alerts, "RS-1", CG_SEVERITY_WARNING, NULL), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* import                                                                  */

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgImport) rooms = NULL;
  g_autoptr(CgImport) again = NULL;
  g_autoptr(CgImport) bad = NULL;
  g_autoptr(CgImport) early = NULL;
  g_autoptr(CgImport) good = NULL;
  g_autoptr(CgRoom) room = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wang_id = NULL;
  g_autofree char *li_id = NULL;
  g_autofree char *d20 = cg_test_day (-20);
  g_autofree char *d10 = cg_test_day (-10);
  g_autofree char *d6 = cg_test_day (-6);
  g_autofree char *d5 = cg_test_day (-5);
  g_autofree char *d3 = cg_test_day (-3);
  g_autofree char *d2 = cg_test_day (-2);
  gint64 li, li_test;
  g_autofree char *report = NULL;
  g_autofree char *text = NULL;
  GPtrArray *problems;

  add_person (f, "王秀英", CG_PERSON_RESIDENT, -30, &wang_id);
  li = add_person (f, "李明", CG_PERSON_RESIDENT, -30, &li_id);

  rooms = cg_test_import_prepare (f->db.store, CG_REGISTER_ROOMS,
                                  "房间,类型,独立卫生间,通风,人流少\n"
                                  "隔离1号,隔离室,是,是,是\n"
                                  "观察1号,observation,yes,no,1\n");
  report = cg_import_format_problems (rooms);
  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (cg_import_get_n_new (rooms), ==, 2);
  g_assert_true (cg_import_commit (rooms, f->db.store, "test", &error));
  g_assert_no_error (error);
  room = cg_room_find_by_name (f->db.store, "观察1号", &error);
  g_assert_cmpint (room->kind, ==, CG_ROOM_OBSERVATION);
  g_assert_true (room->own_toilet && !room->ventilated && room->low_traffic);

  /* A row for a stored room updates it; a bad cell refuses the file. */
  again = cg_test_import_prepare (f->db.store, CG_REGISTER_ROOMS,
                                  "name,kind,own_toilet,ventilated,low_traffic\n"
                                  "观察1号,观察室,是,是,是\n"
                                  "隔离2号,客房,也许,是,是\n");
  g_assert_cmpuint (cg_import_get_problems (again)->len, ==, 2);
  g_clear_pointer (&again, cg_import_free);
  again = cg_test_import_prepare (f->db.store, CG_REGISTER_ROOMS,
                                  "name,kind,own_toilet,ventilated,low_traffic\n"
                                  "观察1号,观察室,是,是,是\n");
  g_assert_cmpuint (cg_import_get_n_updated (again), ==, 1);
  g_assert_true (cg_import_commit (again, f->db.store, "test", &error));
  g_assert_no_error (error);
  g_clear_pointer (&room, cg_room_free);
  room = cg_room_find_by_name (f->db.store, "观察1号", &error);
  g_assert_true (cg_room_is_compliant (room));
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM room"), ==, 2);

  /* Two stays of one room at once: the file is refused, nothing stored. */
  text = g_strdup_printf ("房间,身份证号,原因,开始时间,结束时间\n"
                          "隔离1号,%s,新入住,%s 08:00,%s 08:00\n"
                          "隔离1号,%s,密接,%s 09:00,\n"
                          "观察1号,%s,发热,%s 09:00,%s 10:00\n",
                          wang_id, d20, d6, li_id, d10, wang_id, d5, d3);
  bad = cg_test_import_prepare (f->db.store, CG_REGISTER_STAYS, text);
  problems = cg_import_get_problems (bad);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_cmpuint (((CgImportProblem *) problems->pdata[0])->line, ==, 3);
  g_assert_false (cg_import_commit (bad, f->db.store, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay"), ==, 0);
  g_free (text);

  /* Ended on day 10 of 14 without a test: the release rule. */
  text = g_strdup_printf ("room,id_number,reason,started_at,ended_at\n"
                          "隔离1号,%s,no_health_code,%s 08:00,%s 08:00\n", wang_id, d20, d10);
  early = cg_test_import_prepare (f->db.store, CG_REGISTER_STAYS, text);
  problems = cg_import_get_problems (early);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((CgImportProblem *) problems->pdata[0])->reason, "Release before day 14"));
  g_free (text);

  /* A good file: the 14 days served, an open stay, a free-text reason. */
  text = g_strdup_printf ("房间,身份证号,原因,开始时间,结束时间\n"
                          "隔离1号,%s,新入住,%s 08:00,%s 08:00\n"
                          "隔离1号,%s,密接,%s 09:00,\n"
                          "观察1号,%s,外出返回,%s 09:00,%s 10:00\n",
                          wang_id, d20, d6, li_id, d5, wang_id, d5, d3);
  good = cg_test_import_prepare (f->db.store, CG_REGISTER_STAYS, text);
  g_free (report);
  report = cg_import_format_problems (good);
  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (cg_import_get_n_new (good), ==, 3);
  g_assert_true (cg_import_commit (good, f->db.store, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay"), ==, 3);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay WHERE ended_at IS NULL AND reason = 'contact'"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay WHERE reason = 'other' AND note = '外出返回'"), ==, 1);

  /* The same file again changes nothing. */
  g_clear_pointer (&again, cg_import_free);
  again = cg_test_import_prepare (f->db.store, CG_REGISTER_STAYS, text);
  g_free (report);
  report = cg_import_format_problems (again);
  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (cg_import_get_n_updated (again), ==, 3);
  g_assert_true (cg_import_commit (again, f->db.store, "test", &error));
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay"), ==, 3);

  /* The register a week on: 李明's stay ended early with a negative
   * test, and the room went to the next person. */
  li_test = add_test (f, li, -3, CG_NAT_NEGATIVE, -3);
  g_free (text);
  text = g_strdup_printf ("房间,身份证号,原因,开始时间,结束时间\n"
                          "隔离1号,%s,新入住,%s 08:00,%s 08:00\n"
                          "隔离1号,%s,密接,%s 09:00,%s 10:00\n"
                          "隔离1号,%s,发热,%s 11:00,\n",
                          wang_id, d20, d6, li_id, d5, d2, wang_id, d2);
  g_clear_pointer (&again, cg_import_free);
  again = cg_test_import_prepare (f->db.store, CG_REGISTER_STAYS, text);
  g_free (report);
  report = cg_import_format_problems (again);
  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (cg_import_get_n_updated (again), ==, 2);
  g_assert_cmpuint (cg_import_get_n_new (again), ==, 1);
  g_assert_true (cg_import_commit (again, f->db.store, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay"), ==, 4);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT release_test_id FROM stay WHERE reason = 'contact'"), ==, li_test);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM stay WHERE ended_at IS NULL AND reason = 'fever'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

#define ADD(path, func, kind) \
  g_test_add (path, Fixture, GINT_TO_POINTER (kind), fixture_set_up, func, fixture_tear_down)

  ADD ("/room/rooms", test_rooms, CG_KIND_CARE_HOME);
  ADD ("/room/release", test_release, CG_KIND_CARE_HOME);
  ADD ("/room/fever-release", test_fever_release, CG_KIND_CARE_HOME);
  ADD ("/room/one-per-room", test_one_per_room, CG_KIND_CARE_HOME);
  ADD ("/room/decide", test_decide, CG_KIND_RESCUE_STATION);
  ADD ("/room/screening/isolates", test_screening_isolates, CG_KIND_RESCUE_STATION);
  ADD ("/room/screening/fever", test_screening_fever, CG_KIND_RESCUE_STATION);
  ADD ("/room/screening/no-free-room", test_no_free_room, CG_KIND_RESCUE_STATION);
  ADD ("/room/screening/entry-rule", test_entry_screening_rule, CG_KIND_RESCUE_STATION);
  ADD ("/room/arrivals", test_arrivals, CG_KIND_CARE_HOME);
  ADD ("/room/rules", test_room_rules, CG_KIND_CARE_HOME);
  ADD ("/room/import", test_import, CG_KIND_CARE_HOME);

  return g_test_run ();
}
