/* test-visit.c — the visitor register (ALL-4) at each boundary: the
 * decision, the reception-room limit, the longest stay, impossible
 * values, check-out, repeat visitors, the paged register and its search,
 * the visits import and the ALL-4 alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are Asia/Shanghai (UTC+8, no daylight saving): 2026-03-10 10:00
 * local is 02:00Z.
 */
#include "config.h"

#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-import.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-person.h"
#include "cg-rules.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-validate.h"
#include "cg-visit.h"

typedef struct
{
  CgTestStore  db;
  gint64       resident;    /* 王秀英, room 3-101, since 2026-01-01 */
} Fixture;

static gint64
add_person (Fixture      *f,
            const char   *name,
            const char   *id_number,
            CgPersonKind  kind,
            const char   *room,
            const char   *arrived_on)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  g_autoptr(GError) error = NULL;

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_room (person, room);
  cg_person_set_arrived_on (person, arrived_on);
  g_assert_true (cg_person_save (f->db.store, person, "test", &error));
  g_assert_no_error (error);
  return cg_person_get_id (person);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cg_test_store_set_up (&f->db, "visit", "visit.db", "测试养老院", CG_KIND_CARE_HOME, 100);
  f->resident = add_person (f, "王秀英", "11010519491231002X", CG_PERSON_RESIDENT, "3-101", "2026-01-01");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cg_test_store_tear_down (&f->db);
}

/* A healthy, masked, green-code visitor arriving at @arrived (local). */
static CgVisit *
visitor (const char *name,
         int         n,
         const char *arrived)
{
  CgVisit *visit = cg_visit_new ();

  g_free (visit->visitor_name);
  visit->visitor_name = g_strdup (name);
  g_free (visit->visitor_id_number);
  visit->visitor_id_number = cg_test_id_number_born ("19800101", n);
  visit->arrived_at = arrived != NULL ? cg_test_utc (arrived) : NULL;
  visit->temperature = 36.6;
  return visit;
}

/* Checks in, expecting it stored; returns the refusal bits. */
static guint
check_in (Fixture *f,
          CgVisit *visit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cg_visit_check_in (f->db.store, f->db.policy, visit, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (visit->id, >, 0);
  return visit->refusal;
}

static void
check_out (Fixture    *f,
           gint64      id,
           const char *local)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = cg_test_utc (local);

  g_assert_true (cg_visit_check_out (f->db.store, id, at, "test", &error));
  g_assert_no_error (error);
}

static int
inside_at (Fixture    *f,
           const char *local)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = cg_test_utc (local);
  int n = cg_visit_count_inside (f->db.store, at, &error);

  g_assert_no_error (error);
  return n;
}

/* ---------------------------------------------------------------------- */

static void
test_decide (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgVisit) v = visitor ("张伟", 1, NULL);

  /* 37.0 is the top of the normal band; 37.1 is a low fever (ALL-3). */
  v->temperature = 37.0;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, 0);
  v->temperature = 37.1;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_FEVER);
  v->temperature = 36.5;

  /* The fever symptom alone refuses, like the thermometer. */
  v->symptoms = CG_SYMPTOM_FEVER;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_FEVER);
  v->symptoms = CG_SYMPTOM_COUGH;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_SYMPTOMS);
  v->symptoms = CG_SYMPTOM_DRY_COUGH;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_SYMPTOMS);
  v->symptoms = CG_SYMPTOM_SORE_THROAT;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_SYMPTOMS);
  /* Not one of the visitors' symptoms (ALL-2: fever, cough, sore throat). */
  v->symptoms = CG_SYMPTOM_DIARRHEA | CG_SYMPTOM_FATIGUE;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, 0);
  v->symptoms = 0;

  for (CgHealthCode code = CG_HEALTH_CODE_YELLOW; code < CG_N_HEALTH_CODES; code++)
    {
      v->health_code = code;
      g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_HEALTH_CODE);
    }
  v->health_code = CG_HEALTH_CODE_GREEN;

  v->risk_travel = TRUE;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_RISK_TRAVEL);
  v->risk_travel = FALSE;
  v->masked = FALSE;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 0), ==, CG_REFUSE_NO_MASK);
  v->masked = TRUE;

  /* At most 4 at once: with 3 inside the 4th comes in, with 4 the 5th not. */
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 3), ==, 0);
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 4), ==, CG_REFUSE_FULL);

  /* Every reason is kept. */
  v->temperature = 38.0;
  v->symptoms = CG_SYMPTOM_COUGH;
  v->health_code = CG_HEALTH_CODE_YELLOW;
  g_assert_cmpuint (cg_visit_decide (f->db.policy, v, 4), ==,
                    CG_REFUSE_FEVER | CG_REFUSE_SYMPTOMS | CG_REFUSE_HEALTH_CODE | CG_REFUSE_FULL);

  {
    g_autofree char *none = cg_refusal_describe (0);
    g_autofree char *two = cg_refusal_describe (CG_REFUSE_SYMPTOMS | CG_REFUSE_FULL);

    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (two, ==, "cough or sore throat; reception room full (limit reached)");
  }
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  const char *times[] = { "2026-03-10 10:00", "2026-03-10 10:01", "2026-03-10 10:02", "2026-03-10 10:03" };
  gint64 ids[4];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(CgVisit) v = visitor ("访客", (int) i + 1, times[i]);

      /* 0, 1, 2, 3 inside at each arrival: all admitted. */
      g_assert_cmpint (inside_at (f, times[i]), ==, (int) i);
      g_assert_cmpuint (check_in (f, v), ==, 0);
      ids[i] = v->id;
    }
  g_assert_cmpint (inside_at (f, "2026-03-10 10:04"), ==, 4);

  {
    /* The 5th while 4 are inside: refused, stored with the reason. */
    g_autoptr(CgVisit) fifth = visitor ("第五位", 5, "2026-03-10 10:04");
    g_autoptr(CgVisit) stored = NULL;

    g_assert_cmpuint (check_in (f, fifth), ==, CG_REFUSE_FULL);
    stored = cg_visit_get (f->db.store, fifth->id, NULL);
    g_assert_cmpuint (stored->refusal, ==, CG_REFUSE_FULL);
    g_assert_null (stored->left_at);
  }
  /* A refused visitor never counts as inside. */
  g_assert_cmpint (inside_at (f, "2026-03-10 10:04"), ==, 4);

  check_out (f, ids[0], "2026-03-10 10:05");
  /* Out at 10:05 means not inside at 10:05. */
  g_assert_cmpint (inside_at (f, "2026-03-10 10:04"), ==, 4);
  g_assert_cmpint (inside_at (f, "2026-03-10 10:05"), ==, 3);
  /* Before anyone came. */
  g_assert_cmpint (inside_at (f, "2026-03-10 09:59"), ==, 0);

  {
    g_autoptr(CgVisit) sixth = visitor ("第六位", 6, "2026-03-10 10:06");
    g_autoptr(GPtrArray) inside = NULL;
    g_autofree char *at = cg_test_utc ("2026-03-10 10:06");

    g_assert_cmpuint (check_in (f, sixth), ==, 0);
    inside = cg_visit_list_inside (f->db.store, at, NULL);
    g_assert_cmpuint (inside->len, ==, 4);
    /* Longest inside first. */
    g_assert_cmpint (((CgVisit *) inside->pdata[0])->id, ==, ids[1]);
    g_assert_cmpint (((CgVisit *) inside->pdata[3])->id, ==, sixth->id);
  }
}

/* Who was inside at a moment, with stays longer than a day, written
 * here, by another connection, and by another writer of this one. */
static void
test_inside_long_stay (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CgVisit) a = visitor ("张伟", 1, "2026-03-01 09:00");
  g_autoptr(GPtrArray) inside = NULL;
  g_autofree char *at = cg_test_utc ("2026-03-03 12:00");
  sqlite3 *other = NULL;

  check_in (f, a);
  g_assert_cmpint (inside_at (f, "2026-03-03 12:00"), ==, 1);
  /* Three days later: the forgotten check-out. */
  check_out (f, a->id, "2026-03-04 09:00");
  g_assert_cmpint (inside_at (f, "2026-03-03 12:00"), ==, 1);
  g_assert_cmpint (inside_at (f, "2026-03-04 09:00"), ==, 0);
  g_assert_cmpint (cg_visit_longest_stay (f->db.store, NULL), >=, 3 * 86400);

  /* A month-long stay written by another program. */
  g_assert_cmpint (sqlite3_open (f->db.path, &other), ==, SQLITE_OK);
  sqlite3_busy_timeout (other, 5000);
  g_assert_cmpint (sqlite3_exec (other,
                                 "INSERT INTO visit (visitor_name, visitor_id_number, arrived_at, arrived_on, left_at, "
                                 "health_code, temperature, created_at) VALUES ('李娜', '350582198001010023', "
                                 "'2026-02-01T00:00:00Z', '2026-02-01', '2026-03-05T00:00:00Z', 'green', 36.5, "
                                 "'2026-02-01T00:00:00Z')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpint (inside_at (f, "2026-03-03 12:00"), ==, 2);

  /* Longer still, written on this connection by someone who says so. */
  g_assert_true (cg_store_exec (f->db.store,
                                "INSERT INTO visit (visitor_name, visitor_id_number, arrived_at, arrived_on, left_at, "
                                "health_code, temperature, created_at) VALUES ('王强', '350582198001010031', "
                                "'2026-01-01T00:00:00Z', '2026-01-01', '2026-03-06T00:00:00Z', 'green', 36.5, "
                                "'2026-01-01T00:00:00Z')", NULL));
  cg_store_emit_changed (f->db.store, "visit");
  g_assert_cmpint (inside_at (f, "2026-03-03 12:00"), ==, 3);

  inside = cg_visit_list_inside (f->db.store, at, NULL);
  g_assert_cmpuint (inside->len, ==, 3);
  g_assert_cmpstr (((CgVisit *) inside->pdata[0])->visitor_name, ==, "王强");
  g_assert_cmpstr (((CgVisit *) inside->pdata[1])->visitor_name, ==, "李娜");
  g_assert_cmpstr (((CgVisit *) inside->pdata[2])->visitor_name, ==, "张伟");
}

/* Inside at @local (NULL: now), as a list and as a count that agree:
 * the visitor names in order. */
static char *
names_inside (Fixture    *f,
              const char *local)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = local != NULL ? cg_test_utc (local) : NULL;
  g_autoptr(GPtrArray) inside = cg_visit_list_inside (f->db.store, at, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (cg_visit_count_inside (f->db.store, at, &error), ==, (int) inside->len);
  g_assert_no_error (error);
  for (guint i = 0; i < inside->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "", ((CgVisit *) inside->pdata[i])->visitor_name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A past moment that visits of every kind span: one still open, one of
 * 25 hours (written with its departure), one just under a day, a short
 * one, and a refused one; then the same from a fresh connection, which
 * finds the long stay by its own scan. */
static void
test_inside_spanning (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CgVisit) open = visitor ("甲", 1, "2026-03-02 07:00");
  g_autoptr(CgVisit) day_and_hour = visitor ("乙", 2, "2026-03-01 08:00");
  g_autoptr(CgVisit) under_a_day = visitor ("丁", 3, "2026-03-01 08:40");
  g_autoptr(CgVisit) short_one = visitor ("丙", 4, "2026-03-02 08:10");
  g_autoptr(CgVisit) refused = visitor ("戊", 5, "2026-03-02 08:00");
  g_autoptr(CgStore) other = NULL;
  g_autoptr(GError) error = NULL;
  char *names;

  check_in (f, open);
  day_and_hour->left_at = cg_test_utc ("2026-03-02 09:00");
  check_in (f, day_and_hour);
  under_a_day->left_at = cg_test_utc ("2026-03-02 08:35");
  check_in (f, under_a_day);
  short_one->left_at = cg_test_utc ("2026-03-02 08:40");
  check_in (f, short_one);
  refused->temperature = 38.2;
  g_assert_cmpuint (check_in (f, refused), ==, CG_REFUSE_FEVER);

  /* Longest inside first. */
  names = names_inside (f, "2026-03-02 08:30");
  g_assert_cmpstr (names, ==, "乙 丁 甲 丙");
  g_free (names);
  names = names_inside (f, "2026-03-02 08:50");
  g_assert_cmpstr (names, ==, "乙 甲");
  g_free (names);
  /* Out at 09:00 is not inside at 09:00; in at 08:00 is inside at 08:00. */
  names = names_inside (f, "2026-03-02 09:00");
  g_assert_cmpstr (names, ==, "甲");
  g_free (names);
  names = names_inside (f, "2026-03-01 08:00");
  g_assert_cmpstr (names, ==, "乙");
  g_free (names);
  names = names_inside (f, "2026-03-01 07:59");
  g_assert_cmpstr (names, ==, "");
  g_free (names);
  /* Now: only the open one. */
  names = names_inside (f, NULL);
  g_assert_cmpstr (names, ==, "甲");
  g_free (names);

  other = cg_store_open (f->db.path, &error);
  g_assert_no_error (error);
  g_object_unref (f->db.store);
  f->db.store = g_steal_pointer (&other);
  names = names_inside (f, "2026-03-02 08:30");
  g_assert_cmpstr (names, ==, "乙 丁 甲 丙");
  g_free (names);
  names = names_inside (f, "2026-03-02 08:50");
  g_assert_cmpstr (names, ==, "乙 甲");
  g_free (names);
}

/* Who is inside now (@at NULL): whoever checked in and has not left. */
static void
test_inside_now (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) hour_ago = g_date_time_add_minutes (now, -60);
  g_autoptr(GDateTime) ten_ago = g_date_time_add_minutes (now, -10);
  g_autofree char *hour_ago_text = g_date_time_format (hour_ago, "%Y-%m-%d %H:%M");
  g_autofree char *ten_ago_text = g_date_time_format (ten_ago, "%Y-%m-%d %H:%M");
  g_autoptr(CgVisit) gone = visitor ("张伟", 1, hour_ago_text);
  g_autoptr(CgVisit) here = visitor ("李娜", 2, NULL);
  g_autoptr(GError) error = NULL;
  char *names;

  check_in (f, gone);
  names = names_inside (f, NULL);
  g_assert_cmpstr (names, ==, "张伟");
  g_free (names);
  check_out (f, gone->id, ten_ago_text);
  check_in (f, here);
  names = names_inside (f, NULL);
  g_assert_cmpstr (names, ==, "李娜");
  g_free (names);
  /* Still counted at the moment it was inside. */
  names = names_inside (f, hour_ago_text);
  g_assert_cmpstr (names, ==, "张伟");
  g_free (names);
  g_assert_true (cg_visit_check_out (f->db.store, here->id, NULL, "test", &error));
  g_assert_no_error (error);
  names = names_inside (f, NULL);
  g_assert_cmpstr (names, ==, "");
  g_free (names);
}

static void
test_overstay (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CgVisit) v = visitor ("张伟", 1, "2026-03-10 09:00");
  g_autofree char *at_30 = cg_test_utc ("2026-03-10 09:30");
  g_autofree char *at_31 = cg_test_utc ("2026-03-10 09:31");
  g_autoptr(GDateTime) almost = NULL;
  g_autofree char *at_30_59 = NULL;

  check_in (f, v);
  /* Still inside, measured at a given moment. */
  g_assert_cmpint (cg_visit_minutes (v, at_30), ==, 30);
  g_assert_false (cg_visit_is_overstay (f->db.policy, v, at_30));
  {
    g_autoptr(GDateTime) thirty = g_date_time_new_from_iso8601 (at_30, NULL);

    almost = g_date_time_add_seconds (thirty, 59);
    at_30_59 = g_date_time_format (almost, "%Y-%m-%dT%H:%M:%SZ");
  }
  g_assert_cmpint (cg_visit_minutes (v, at_30_59), ==, 30);
  g_assert_false (cg_visit_is_overstay (f->db.policy, v, at_30_59));
  g_assert_cmpint (cg_visit_minutes (v, at_31), ==, 31);
  g_assert_true (cg_visit_is_overstay (f->db.policy, v, at_31));

  /* Left after exactly 30 minutes: not an overstay, whatever the time now. */
  g_free (v->left_at);
  v->left_at = g_strdup (at_30);
  g_assert_cmpint (cg_visit_minutes (v, NULL), ==, 30);
  g_assert_false (cg_visit_is_overstay (f->db.policy, v, NULL));
  g_free (v->left_at);
  v->left_at = g_strdup (at_31);
  g_assert_true (cg_visit_is_overstay (f->db.policy, v, NULL));

  /* A refused visit lasts nothing. */
  v->refusal = CG_REFUSE_FEVER;
  g_assert_cmpint (cg_visit_minutes (v, NULL), ==, 0);
  g_assert_false (cg_visit_is_overstay (f->db.policy, v, NULL));
}

static void
test_temperature (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CgVisit) normal = visitor ("张伟", 1, "2026-03-10 09:00");
  g_autoptr(CgVisit) fever = visitor ("李娜", 2, "2026-03-10 09:05");
  const double impossible[] = { 3.7, 370.0, 34.9, 43.1 };

  normal->temperature = 37.0;
  g_assert_cmpuint (check_in (f, normal), ==, 0);
  fever->temperature = 37.1;
  g_assert_cmpuint (check_in (f, fever), ==, CG_REFUSE_FEVER);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT refusal FROM visit WHERE visitor_name = '李娜'"), ==, CG_REFUSE_FEVER);

  for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
    {
      g_autoptr(CgVisit) typo = visitor ("王强", 3, "2026-03-10 09:10");
      g_autoptr(GError) error = NULL;

      typo->temperature = impossible[i];
      g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, typo, "test", &error));
      g_assert_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_RANGE);
      g_assert_nonnull (strstr (error->message, "Temperature"));
      g_assert_cmpint (typo->id, ==, 0);
    }
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit"), ==, 2);
}

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = cg_test_id_number_born ("19800101", 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  {
    /* The check digit of a valid number, changed. */
    g_autoptr(CgVisit) v = visitor ("张伟", 1, "2026-03-10 09:00");

    v->visitor_id_number[17] = good[17] == '0' ? '1' : '0';
    g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, v, "test", &error));
    g_assert_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_CHECK_DIGIT);
    g_assert_nonnull (strstr (error->message, "ID number"));
    g_clear_error (&error);
  }
  {
    g_autoptr(CgVisit) v = visitor ("   ", 1, "2026-03-10 09:00");

    g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, v, "test", &error));
    g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "name"));
    g_clear_error (&error);
  }
  {
    g_autoptr(CgVisit) v = visitor ("张伟", 1, "2026-03-10 09:00");

    g_free (v->phone);
    v->phone = g_strdup ("12345");
    g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, v, "test", &error));
    g_assert_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_PHONE);
    g_assert_nonnull (strstr (error->message, "Phone"));
    g_clear_error (&error);
  }
  {
    /* Five minutes ahead of the clock is the future; thirty seconds is
     * another PC's clock. */
    g_autoptr(CgVisit) v = visitor ("张伟", 1, NULL);
    g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 5);

    v->arrived_at = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
    g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, v, "test", &error));
    g_assert_nonnull (strstr (error->message, "future"));
    g_clear_error (&error);
  }
  {
    /* Visiting someone who had not come yet. */
    g_autoptr(CgVisit) v = visitor ("张伟", 1, "2025-12-31 09:00");

    v->visiting_id = f->resident;
    g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, v, "test", &error));
    g_assert_nonnull (strstr (error->message, "王秀英"));
    g_clear_error (&error);
    v->visiting_id = 9999;
    g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, v, "test", &error));
    g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(CgVisit) v = visitor ("张伟", 1, "2026-03-10 09:00");

    v->left_at = cg_test_utc ("2026-03-10 08:59");
    g_assert_false (cg_visit_check_in (f->db.store, f->db.policy, v, "test", &error));
    g_assert_nonnull (strstr (error->message, "Departure"));
    g_clear_error (&error);
  }
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM audit WHERE what LIKE 'visit.%'"), ==, 0);

  {
    g_autoptr(CgVisit) v = visitor ("张伟", 1, NULL);
    g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 30);

    v->arrived_at = g_date_time_format (soon, "%Y-%m-%dT%H:%M:%SZ");
    g_free (v->visitor_id_number);
    v->visitor_id_number = g_ascii_strdown (good, -1);
    g_free (v->phone);
    v->phone = g_strdup (" 13912345678 ");
    v->visiting_id = f->resident;
    check_in (f, v);
    /* Stored normalised, with the person visited joined. */
    g_assert_cmpstr (v->visitor_id_number, ==, good);
    g_assert_cmpstr (v->phone, ==, "13912345678");
    g_assert_cmpstr (v->visiting_name, ==, "王秀英");
    g_assert_cmpstr (v->visiting_room, ==, "3-101");
    g_assert_cmpstr (v->registered_by, ==, "test");
  }
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM audit WHERE what = 'visit.admit'"), ==, 1);
}

static void
test_refusals_stored (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CgVisit) yellow = visitor ("黄码访客", 1, "2026-03-10 09:00");
  g_autoptr(CgVisit) cough = visitor ("咳嗽访客", 2, "2026-03-10 09:05");
  g_autoptr(CgVisit) stored = NULL;
  g_autoptr(GError) error = NULL;

  yellow->health_code = CG_HEALTH_CODE_YELLOW;
  g_assert_cmpuint (check_in (f, yellow), ==, CG_REFUSE_HEALTH_CODE);
  cough->symptoms = CG_SYMPTOM_COUGH;
  g_assert_cmpuint (check_in (f, cough), ==, CG_REFUSE_SYMPTOMS);

  stored = cg_visit_get (f->db.store, cough->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->refusal, ==, CG_REFUSE_SYMPTOMS);
  g_assert_cmpuint (stored->symptoms, ==, CG_SYMPTOM_COUGH);
  g_clear_pointer (&stored, cg_visit_free);
  stored = cg_visit_get (f->db.store, yellow->id, &error);
  g_assert_cmpint (stored->health_code, ==, CG_HEALTH_CODE_YELLOW);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM audit WHERE what = 'visit.refuse'"), ==, 2);

  /* A refused visitor cannot be checked out. */
  g_assert_false (cg_visit_check_out (f->db.store, cough->id, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE left_at IS NOT NULL"), ==, 0);
}

static void
test_check_out (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgVisit) v = visitor ("张伟", 1, "2026-03-10 09:00");
  g_autoptr(CgVisit) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cg_test_utc ("2026-03-10 08:59");

  check_in (f, v);
  g_assert_false (cg_visit_check_out (f->db.store, v->id, before, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE left_at IS NOT NULL"), ==, 0);

  check_out (f, v->id, "2026-03-10 09:20");
  stored = cg_visit_get (f->db.store, v->id, NULL);
  g_assert_cmpstr (stored->left_at, ==, "2026-03-10T01:20:00Z");
  g_assert_cmpint (cg_visit_minutes (stored, NULL), ==, 20);

  /* Twice: refused, the first departure stays. */
  g_assert_false (cg_visit_check_out (f->db.store, v->id, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&stored, cg_visit_free);
  stored = cg_visit_get (f->db.store, v->id, NULL);
  g_assert_cmpstr (stored->left_at, ==, "2026-03-10T01:20:00Z");
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM audit WHERE what = 'visit.check_out'"), ==, 1);

  g_assert_false (cg_visit_check_out (f->db.store, 424242, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND);
}

static void
test_find_visitor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CgVisit) first = visitor ("张伟", 1, "2026-03-01 09:00");
  g_autoptr(CgVisit) second = visitor ("张伟", 1, "2026-03-08 09:00");
  g_autoptr(CgVisit) other = visitor ("李娜", 2, "2026-03-09 09:00");
  g_autoptr(CgVisit) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cg_test_id_number_born ("19800101", 1);
  g_autofree char *unknown = cg_test_id_number_born ("19800101", 77);

  first->left_at = cg_test_utc ("2026-03-01 09:20");
  g_free (first->phone);
  first->phone = g_strdup ("13800000001");
  check_in (f, first);
  second->left_at = cg_test_utc ("2026-03-08 09:20");
  g_free (second->phone);
  second->phone = g_strdup ("13900000002");
  g_free (second->relationship);
  second->relationship = g_strdup ("儿子");
  second->visiting_id = f->resident;
  check_in (f, second);
  other->left_at = cg_test_utc ("2026-03-09 09:20");
  check_in (f, other);

  found = cg_visit_find_visitor (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, second->id);
  g_assert_cmpstr (found->visitor_name, ==, "张伟");
  g_assert_cmpstr (found->phone, ==, "13900000002");
  g_assert_cmpstr (found->relationship, ==, "儿子");
  g_assert_cmpint (found->visiting_id, ==, f->resident);
  g_assert_cmpstr (found->visiting_name, ==, "王秀英");

  g_assert_null (cg_visit_find_visitor (f->db.store, unknown, &error));
  g_assert_no_error (error);
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  /* 30 visits, one a minute from 08:00; every third by a 王, the phone
   * 139… on the even ones, 138… on the odd. */
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id7 = cg_test_id_number_born ("19800101", 7);
  g_autofree char *id7_prefix = g_strndup (id7, 16);

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-03-10 08:%02d", i);
      g_autofree char *out = g_strdup_printf ("2026-03-10 08:%02d", i + 1);
      g_autofree char *name = g_strdup_printf ("%s%d", i % 3 == 0 ? "王" : "陈", i);
      g_autoptr(CgVisit) v = visitor (name, i, at);

      v->left_at = cg_test_utc (out);
      g_free (v->phone);
      v->phone = g_strdup_printf ("13%d000000%02d", i % 2 == 0 ? 9 : 8, i);
      check_in (f, v);
    }

  g_assert_cmpint (cg_visit_count (f->db.store, NULL, &error), ==, 30);
  g_assert_cmpint (cg_visit_count (f->db.store, "  ", &error), ==, 30);
  /* Names 王0, 王3 … 王27. */
  g_assert_cmpint (cg_visit_count (f->db.store, "王", &error), ==, 10);
  g_assert_cmpint (cg_visit_count (f->db.store, "王2", &error), ==, 3);   /* 王21, 王24, 王27 */
  g_assert_cmpint (cg_visit_count (f->db.store, "陈", &error), ==, 20);
  g_assert_cmpint (cg_visit_count (f->db.store, "张", &error), ==, 0);
  /* A full ID number, its lower-case x form, and a prefix of all. */
  g_assert_cmpint (cg_visit_count (f->db.store, id7, &error), ==, 1);
  g_assert_cmpint (cg_visit_count (f->db.store, id7_prefix, &error), ==, 10);   /* …0101000 to …0101009 */
  g_assert_cmpint (cg_visit_count (f->db.store, "350582", &error), ==, 30);
  /* Phone prefixes. */
  g_assert_cmpint (cg_visit_count (f->db.store, "139", &error), ==, 15);
  g_assert_cmpint (cg_visit_count (f->db.store, "13800000001", &error), ==, 1);
  g_assert_cmpint (cg_visit_count (f->db.store, "1380000001", &error), ==, 5);   /* 11, 13 … 19 */
  g_assert_no_error (error);

  /* Newest first, by page. */
  page = cg_visit_page (f->db.store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpstr (((CgVisit *) page->pdata[0])->visitor_name, ==, "陈29");
  g_assert_cmpstr (((CgVisit *) page->pdata[9])->visitor_name, ==, "陈20");
  g_clear_pointer (&page, g_ptr_array_unref);
  page = cg_visit_page (f->db.store, NULL, 25, 10, &error);
  g_assert_cmpuint (page->len, ==, 5);
  g_assert_cmpstr (((CgVisit *) page->pdata[4])->visitor_name, ==, "王0");
  g_clear_pointer (&page, g_ptr_array_unref);
  page = cg_visit_page (f->db.store, "王", 2, 3, &error);
  g_assert_cmpuint (page->len, ==, 3);
  /* 王27, 王24 skipped: 王21, 王18, 王15. */
  g_assert_cmpstr (((CgVisit *) page->pdata[0])->visitor_name, ==, "王21");
  g_assert_cmpstr (((CgVisit *) page->pdata[2])->visitor_name, ==, "王15");
  g_clear_pointer (&page, g_ptr_array_unref);
  /* A search matching many rows walks the order instead (2 × 30 < 4 × 20²):
   * the same rows come out. */
  page = cg_visit_page (f->db.store, "陈", 0, 2, &error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((CgVisit *) page->pdata[0])->visitor_name, ==, "陈29");
  g_assert_cmpstr (((CgVisit *) page->pdata[1])->visitor_name, ==, "陈28");
  g_clear_pointer (&page, g_ptr_array_unref);
  page = cg_visit_page (f->db.store, "350582", 3, 2, &error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((CgVisit *) page->pdata[0])->visitor_name, ==, "陈26");
  g_assert_cmpstr (((CgVisit *) page->pdata[1])->visitor_name, ==, "陈25");
  g_clear_pointer (&page, g_ptr_array_unref);
  /* Past the last match. */
  page = cg_visit_page (f->db.store, "王", 10, 10, &error);
  g_assert_cmpuint (page->len, ==, 0);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = cg_visit_page (f->db.store, "139", 0, 100, &error);
  g_assert_cmpuint (page->len, ==, 15);
  g_assert_cmpstr (((CgVisit *) page->pdata[0])->visitor_name, ==, "陈28");
}

/* A search matching nearly every visit, deep in the register: the
 * page comes from the few that do not match (2 × 2 + 35 × 40 / 38 / 4
 * < 35 × 40 / 38), and is the same as the order says. */
static void
test_page_most_match (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "访客8", "访客7", "访客6", "访客4", "访客3" };

  /* 40 visits a minute apart from 08:00; 访客5 and 访客35 are from
   * Beijing (110105…), the rest local (350582…). */
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-03-10 %02d:%02d", 8 + i / 60, i % 60);
      g_autofree char *name = g_strdup_printf ("访客%d", i);
      g_autoptr(CgVisit) v = visitor (name, i, at);

      if (i == 5 || i == 35)
        {
          g_autofree char *first17 = g_strdup_printf ("11010519800101%03d", i);

          g_free (v->visitor_id_number);
          v->visitor_id_number = cg_test_id_number (first17);
        }
      v->left_at = cg_test_utc (at);
      check_in (f, v);
    }
  g_assert_cmpint (cg_visit_count (f->db.store, "350582", &error), ==, 38);

  /* Newest first: 39 … 36, 34 … 6, 4 … 0; from the 31st on. */
  page = cg_visit_page (f->db.store, "350582", 30, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpstr (((CgVisit *) page->pdata[i])->visitor_name, ==, expected[i]);
  g_clear_pointer (&page, g_ptr_array_unref);
  /* The last page, cut short. */
  page = cg_visit_page (f->db.store, "350582", 36, 5, &error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((CgVisit *) page->pdata[0])->visitor_name, ==, "访客1");
  g_assert_cmpstr (((CgVisit *) page->pdata[1])->visitor_name, ==, "访客0");
  g_clear_pointer (&page, g_ptr_array_unref);
  /* The two others. */
  page = cg_visit_page (f->db.store, "110105", 0, 5, &error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((CgVisit *) page->pdata[0])->visitor_name, ==, "访客35");
  g_assert_cmpstr (((CgVisit *) page->pdata[1])->visitor_name, ==, "访客5");
  g_assert_no_error (error);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id1 = cg_test_id_number_born ("19800101", 1);
  g_autofree char *id2 = cg_test_id_number_born ("19800101", 2);
  g_autofree char *id3 = cg_test_id_number_born ("19800101", 3);
  g_autofree char *file = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) preview = NULL;

  /* Chinese headers, UTF-8 with BOM as Excel writes it. */
  file = g_strdup_printf ("\xEF\xBB\xBF访客姓名,访客身份证号,电话,探访对象,到访时间,离开时间,健康码,关系,行程卡,体温,症状\n"
                          "张伟,%s,13912345678,11010519491231002X,2026-03-10 09:00,2026-03-10 09:25,绿码,儿子,否,36.5,\n"
                          "李娜,%s,,11010519491231002X,2026-03-10 09:10,,绿码,女儿,否,37.5,\n"
                          "王强,%s,,,2026-03-10 09:20,2026-03-10 10:00,黄码,朋友,是,36.4,咳嗽\n",
                          id1, id2, id3);
  {
    g_autoptr(CgImport) import = cg_test_import_prepare (f->db.store, CG_REGISTER_VISITS, file);

    g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
    g_assert_cmpuint (cg_import_get_n_new (import), ==, 3);
    /* The preview says why a row is refused, where the departure would be. */
    preview = g_ptr_array_ref (cg_import_get_preview_rows (import));
    g_assert_cmpstr (((GStrv) preview->pdata[1])[5], ==, "Refused: fever");
    g_assert_cmpstr (((GStrv) preview->pdata[2])[5], ==,
                     "Refused: cough or sore throat; health code not green; medium/high-risk area in the last 14 days");
    g_assert_true (cg_import_commit (import, f->db.store, "test", NULL));
  }
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit"), ==, 3);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE refusal = 0"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT refusal FROM visit WHERE visitor_name = '李娜'"), ==, CG_REFUSE_FEVER);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT refusal FROM visit WHERE visitor_name = '王强'"), ==,
                   CG_REFUSE_SYMPTOMS | CG_REFUSE_HEALTH_CODE | CG_REFUSE_RISK_TRAVEL);
  /* A refused visitor never came in: no departure, whatever the file says. */
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE visitor_name = '王强' AND left_at IS NULL"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE visitor_name = '张伟' AND visiting_id IS NOT NULL "
                                                   "AND masked = 1 AND phone = '13912345678' AND arrived_at = '2026-03-10T01:00:00Z' "
                                                   "AND left_at = '2026-03-10T01:25:00Z' AND arrived_on = '2026-03-10'"), ==, 1);

  /* The same file again: nothing new, nothing changed. */
  cg_test_import_ok (f->db.store, CG_REGISTER_VISITS, file, 0, 3);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit"), ==, 3);

  /* English headers; a visitor still inside by the register checked out
   * by a later file. */
  again = g_strdup_printf ("visitor_name,visitor_id_number,arrived_at,left_at,health_code,temperature\n"
                           "赵敏,%s,2026-03-11 14:00,,green,36.8\n", id1);
  cg_test_import_ok (f->db.store, CG_REGISTER_VISITS, again, 1, 0);
  g_free (again);
  again = g_strdup_printf ("visitor_name,visitor_id_number,arrived_at,left_at,health_code,temperature\n"
                           "赵敏,%s,2026-03-11 14:00,2026-03-11 14:20,green,36.8\n", id1);
  cg_test_import_ok (f->db.store, CG_REGISTER_VISITS, again, 0, 1);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE left_at = '2026-03-11T06:20:00Z'"), ==, 1);
}

static void
test_import_counts_inside (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) file = g_string_new ("visitor_name,visitor_id_number,arrived_at,health_code,temperature\n");
  g_autoptr(CgVisit) stored = visitor ("早到", 50, "2026-03-10 09:50");

  /* One stored visitor inside since 09:50, then four rows from 10:00:
   * the 4th row finds 1 stored + 3 of the file inside and is refused. */
  check_in (f, stored);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *id = cg_test_id_number_born ("19800101", i + 1);

      g_string_append_printf (file, "访客%d,%s,2026-03-10 10:0%d,green,36.5\n", i, id, i);
    }
  cg_test_import_ok (f->db.store, CG_REGISTER_VISITS, file->str, 4, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE refusal = 0"), ==, 4);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT refusal FROM visit WHERE visitor_name = '访客3'"), ==, CG_REFUSE_FULL);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id1 = cg_test_id_number_born ("19800101", 1);
  g_autofree char *id2 = cg_test_id_number_born ("19800101", 2);
  g_autofree char *bad_id = g_strdup (id2);
  g_autofree char *nobody = cg_test_id_number_born ("19800101", 99);
  g_autofree char *file = NULL;
  g_autofree char *report = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GError) error = NULL;

  bad_id[17] = id2[17] == '0' ? '1' : '0';
  file = g_strdup_printf ("访客姓名,访客身份证号,探访对象,到访时间,离开时间,健康码,行程卡,体温\n"
                          "张伟,%s,,2026-03-10 09:00,,绿码,否,36.5\n"
                          "李娜,%s,,2026-03-10 09:01,,绿码,否,3.7\n"
                          "王强,%s,,2026-03-10 09:02,2026-03-10 08:00,绿码,否,36.5\n"
                          "赵敏,%s,,2026-03-10 09:03,,蓝码,也许,36.5\n"
                          "钱多,%s,%s,2026-03-10 09:04,,绿码,否,36.5\n",
                          id1, id2, bad_id, id1, id2, nobody);
  import = cg_test_import_prepare (f->db.store, CG_REGISTER_VISITS, file);
  report = cg_import_format_problems (import);
  g_test_message ("%s", report);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 4);
  g_assert_nonnull (strstr (report, "line 3, 体温"));
  g_assert_nonnull (strstr (report, "line 4, 访客身份证号"));
  g_assert_nonnull (strstr (report, "line 4, 离开时间"));
  g_assert_nonnull (strstr (report, "line 5, 健康码"));
  g_assert_nonnull (strstr (report, "line 5, 行程卡"));
  g_assert_nonnull (strstr (report, "line 6, 探访对象"));
  g_assert_false (cg_import_commit (import, f->db.store, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit"), ==, 0);
}

/* The alerts of @day for ALL-4. */
static GPtrArray *
alerts_of (Fixture    *f,
           const char *day)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  g_assert_true (cg_visit_evaluate_rules (f->db.store, f->db.policy, &date, alerts, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&alerts);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(CgVisit) a = visitor ("张伟", 1, "2026-03-10 09:00");
  g_autoptr(CgVisit) b = visitor ("李娜", 2, "2026-03-10 10:00");
  g_autoptr(CgVisit) c = visitor ("王强", 3, "2026-03-10 11:00");
  g_autoptr(CgVisit) d = visitor ("发热", 4, "2026-03-10 12:00");
  g_autoptr(CgVisit) e = visitor ("黄码甲", 5, "2026-03-10 12:10");
  g_autoptr(CgVisit) g = visitor ("黄码乙", 6, "2026-03-10 12:20");
  g_autoptr(GArray) days = NULL;
  CgAlert *alert;
  GDate from, to;

  /* a stays 31 minutes, b exactly 30, c never leaves; d, e, g refused. */
  a->left_at = cg_test_utc ("2026-03-10 09:31");
  check_in (f, a);
  b->left_at = cg_test_utc ("2026-03-10 10:30");
  check_in (f, b);
  check_in (f, c);
  d->temperature = 38.2;
  check_in (f, d);
  e->health_code = CG_HEALTH_CODE_YELLOW;
  check_in (f, e);
  g->health_code = CG_HEALTH_CODE_RED;
  check_in (f, g);
  {
    /* Ten minutes before midnight, never checked out: not an overstay
     * of that day. */
    g_autoptr(CgVisit) late = visitor ("夜访", 7, "2026-03-10 23:50");

    check_in (f, late);
  }

  alerts = alerts_of (f, "2026-03-10");
  g_assert_cmpuint (alerts->len, ==, 3);
  alert = alerts->pdata[0];
  g_assert_cmpstr (alert->rule, ==, "ALL-4");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_cmpstr (alert->record_kind, ==, "visit");
  g_assert_cmpint (alert->record_id, ==, a->id);
  g_assert_cmpstr (alert->subject, ==, "张伟 350582********0015");
  g_assert_cmpstr (alert->message, ==, "Stayed 31 minutes (the limit is 30)");
  g_assert_cmpstr (alert->source, ==, "晋政民〔2020〕87号 养老 二(二)");
  g_assert_cmpstr (alert->date, ==, "2026-03-10");
  /* Still inside at the end of the day: 11:00 to midnight. */
  alert = alerts->pdata[1];
  g_assert_cmpint (alert->record_id, ==, c->id);
  g_assert_cmpstr (alert->message, ==, "Still inside after 780 minutes (the limit is 30): check the visitor out");
  alert = alerts->pdata[2];
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_INFO);
  g_assert_cmpstr (alert->message, ==, "3 visitors refused (fever 1, health code 2)");
  g_clear_pointer (&alerts, g_ptr_array_unref);

  g_assert_true (cg_date_parse ("2026-03-09", &from));
  g_assert_true (cg_date_parse ("2026-03-11", &to));
  days = cg_visit_days (f->db.store, f->db.policy, &from, &to, NULL);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpint (g_array_index (days, CgVisitDay, 0).admitted, ==, 0);
  g_assert_cmpint (g_array_index (days, CgVisitDay, 1).admitted, ==, 4);
  g_assert_cmpint (g_array_index (days, CgVisitDay, 1).refused, ==, 3);
  g_assert_cmpint (g_array_index (days, CgVisitDay, 1).overstays, ==, 2);
  g_assert_cmpint (g_date_get_day (&g_array_index (days, CgVisitDay, 2).date), ==, 11);

  /* Nothing happened on the 9th. */
  alerts = alerts_of (f, "2026-03-09");
  g_assert_cmpuint (alerts->len, ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* A funeral home has no ALL-4 (its mourners are FH-6). */
  {
    g_autoptr(CgPolicy) funeral = cg_module_default_policy (cg_module_for_kind (CG_KIND_FUNERAL_HOME));
    g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);
    GDate day;

    cg_date_parse ("2026-03-10", &day);
    g_assert_true (cg_visit_evaluate_rules (f->db.store, funeral, &day, none, NULL));
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_rules_over_limit (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) file = g_string_new ("visitor_name,visitor_id_number,arrived_at,left_at,health_code,temperature\n");
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *late = cg_test_id_number_born ("19800101", 9);
  CgAlert *alert;

  /* Rows out of order: 10:10 first (nobody inside then by the file),
   * then four from 10:00 (the 10:10 visitor is not inside at 10:00):
   * all five are admitted, and at 10:10 five are inside. */
  g_string_append_printf (file, "迟到,%s,2026-03-11 10:10,2026-03-11 10:20,green,36.5\n", late);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *id = cg_test_id_number_born ("19800101", i + 1);

      g_string_append_printf (file, "访客%d,%s,2026-03-11 10:0%d,2026-03-11 10:15,green,36.5\n", i, id, i);
    }
  cg_test_import_ok (f->db.store, CG_REGISTER_VISITS, file->str, 5, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM visit WHERE refusal = 0"), ==, 5);

  alerts = alerts_of (f, "2026-03-11");
  g_assert_cmpuint (alerts->len, ==, 1);
  alert = alerts->pdata[0];
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_cmpstr (alert->subject, ==, "Reception room");
  g_assert_cmpstr (alert->message, ==, "5 visitors were inside at 10:10 (the limit is 4 at once)");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/visit/decide", test_decide);
  ADD ("/visit/limit", test_limit);
  ADD ("/visit/inside-long-stay", test_inside_long_stay);
  ADD ("/visit/inside-spanning", test_inside_spanning);
  ADD ("/visit/inside-now", test_inside_now);
  ADD ("/visit/overstay", test_overstay);
  ADD ("/visit/temperature", test_temperature);
  ADD ("/visit/validate", test_validate);
  ADD ("/visit/refusals-stored", test_refusals_stored);
  ADD ("/visit/check-out", test_check_out);
  ADD ("/visit/find-visitor", test_find_visitor);
  ADD ("/visit/page", test_page);
  ADD ("/visit/page-most-match", test_page_most_match);
  ADD ("/visit/import", test_import);
  ADD ("/visit/import-counts-inside", test_import_counts_inside);
  ADD ("/visit/import-bad", test_import_bad);
  ADD ("/visit/rules", test_rules);
  ADD ("/visit/rules-over-limit", test_rules_over_limit);
#undef ADD

  return g_test_run ();
}
