/* test-report.c — the daily report's figures and the file it writes
 *
 * A small care home, built through the core API, over three days worked
 * out by hand: a day with a fever and a symptom, a quiet day with an
 * overdue staff test, and a day with a positive test and no checks; its
 * observation stays and its visitors.  And a rescue station's day of
 * entry screenings (RS-1, RS-2, RS-3), and a funeral home's days of
 * services, mourners and COVID-19 remains (FH-5, FH-6, FH-7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cg-daily-report.h"
#include "cg-date.h"
#include "cg-demo.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-room.h"
#include "cg-disinfection.h"
#include "cg-service.h"
#include "cg-test-util.h"
#include "cg-validate.h"
#include "cg-visit.h"

#define FEVER_DAY    "2021-11-05"
#define QUIET_DAY    "2021-11-06"
#define POSITIVE_DAY "2021-11-07"

typedef struct
{
  CgTestStore  db;
  gint64       wang_li;     /* staff, test up to date */
  gint64       chen_qiang;  /* staff, test overdue */
  gint64       lin_fang;    /* staff, due soon; sampled on the fever day */
  gint64       zhang;       /* resident with the fever */
  gint64       li;          /* resident with a dry cough, later positive */
  gint64       huang;       /* resident admitted on the fever day */
  gint64       wu;          /* resident who left before */
} Fixture;

static gint64
add_person (Fixture      *f,
            const char   *name,
            const char   *first17,
            CgPersonKind  kind,
            const char   *role,
            const char   *arrived_on,
            const char   *left_on)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *number = cg_test_id_number (first17);

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, number);
  cg_person_set_kind (person, kind);
  cg_person_set_role (person, role);
  cg_person_set_arrived_on (person, arrived_on);
  cg_person_set_left_on (person, left_on);
  g_assert_true (cg_person_save (f->db.store, person, "test", &error));
  g_assert_no_error (error);
  return cg_person_get_id (person);
}

static void
add_test (Fixture     *f,
          gint64       person_id,
          const char  *sampled_on,
          CgNatResult  result,
          const char  *result_on,
          const char  *site)
{
  g_autoptr(CgNatTest) test = cg_nat_test_new ();
  g_autoptr(GError) error = NULL;

  test->person_id = person_id;
  test->sampled_on = g_strdup (sampled_on);
  test->result = result;
  test->result_on = g_strdup (result_on);
  g_free (test->site);
  test->site = g_strdup (site);
  g_assert_true (cg_nat_test_save (f->db.store, test, "test", &error));
  g_assert_no_error (error);
}

static void
add_check (Fixture     *f,
           gint64       person_id,
           const char  *local_time,
           double       temperature,
           guint        symptoms,
           const char  *action)
{
  g_autoptr(CgHealthCheck) check = cg_health_check_new ();
  g_autoptr(GError) error = NULL;

  check->person_id = person_id;
  check->checked_at = cg_datetime_local_to_utc (local_time);
  g_assert_nonnull (check->checked_at);
  check->temperature = temperature;
  check->symptoms = symptoms;
  g_free (check->action);
  check->action = g_strdup (action != NULL ? action : "");
  g_assert_true (cg_health_check_add (f->db.store, f->db.policy, check, "test", &error));
  g_assert_no_error (error);
}

static gint64
add_room (CgStore     *store,
          const char  *name,
          CgRoomKind   kind,
          gboolean     own_toilet)
{
  g_autoptr(CgRoom) room = cg_room_new ();
  g_autoptr(GError) error = NULL;

  room->name = g_strdup (name);
  room->kind = kind;
  room->own_toilet = own_toilet;
  room->ventilated = TRUE;
  room->low_traffic = TRUE;
  g_assert_true (cg_room_save (store, room, "test", &error));
  g_assert_no_error (error);
  return room->id;
}

static gint64
open_stay (CgStore        *store,
           const CgPolicy *policy,
           gint64          room_id,
           gint64          person_id,
           CgStayReason    reason,
           const char     *local_time)
{
  g_autoptr(CgStay) stay = cg_stay_new ();
  g_autoptr(GError) error = NULL;

  stay->room_id = room_id;
  stay->person_id = person_id;
  stay->reason = reason;
  stay->started_at = cg_datetime_local_to_utc (local_time);
  g_assert_true (cg_stay_open (store, policy, stay, "test", &error));
  g_assert_no_error (error);
  return stay->id;
}

static void
add_visit (Fixture     *f,
           const char  *name,
           const char  *first17,
           gint64       visiting,
           const char  *relationship,
           const char  *arrived,
           const char  *left,
           double       temperature,
           guint        expected_refusal)
{
  g_autoptr(CgVisit) visit = cg_visit_new ();
  g_autoptr(GError) error = NULL;

  visit->visitor_name = g_strdup (name);
  visit->visitor_id_number = cg_test_id_number (first17);
  visit->phone = g_strdup ("13805951234");
  visit->visiting_id = visiting;
  visit->relationship = g_strdup (relationship);
  visit->arrived_at = cg_datetime_local_to_utc (arrived);
  visit->left_at = left != NULL ? cg_datetime_local_to_utc (left) : NULL;
  visit->health_code = CG_HEALTH_CODE_GREEN;
  visit->temperature = temperature;
  visit->masked = TRUE;
  visit->nat_result = -1;
  g_assert_true (cg_visit_check_in (f->db.store, f->db.policy, visit, "门卫老陈", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (visit->refusal, ==, expected_refusal);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgInstitution) inst = cg_institution_new ();
  g_autoptr(GError) error = NULL;

  cg_test_store_open (&f->db, "report", "report.db");
  g_free (inst->name);
  inst->name = g_strdup ("晋江市安康养老院");
  inst->kind = CG_KIND_CARE_HOME;
  g_free (inst->district);
  inst->district = g_strdup ("青阳街道");
  inst->beds = 60;
  inst->risk = CG_RISK_LOW;
  g_free (inst->director);
  inst->director = g_strdup ("蔡志明");
  g_free (inst->phone);
  inst->phone = g_strdup ("13905951234");
  g_assert_true (cg_institution_save (f->db.store, inst, "test", &error));
  g_assert_no_error (error);
  cg_test_store_load_policy (&f->db, CG_KIND_CARE_HOME);

  f->wang_li = add_person (f, "王丽", "35058219850315002", CG_PERSON_STAFF, "护理员", "2021-01-04", NULL);
  f->chen_qiang = add_person (f, "陈强", "35058219790621001", CG_PERSON_STAFF, "厨师", "2021-01-04", NULL);
  f->lin_fang = add_person (f, "林芳", "35058219920107004", CG_PERSON_STAFF, "护士", "2021-01-04", NULL);
  f->zhang = add_person (f, "张秀英", "35058219400212002", CG_PERSON_RESIDENT, NULL, "2021-03-01", NULL);
  f->li = add_person (f, "李建国", "35058219380909003", CG_PERSON_RESIDENT, NULL, "2021-03-01", NULL);
  f->huang = add_person (f, "黄美玲", "35058219451120004", CG_PERSON_RESIDENT, NULL, FEVER_DAY, NULL);
  f->wu = add_person (f, "吴德", "35058219361001001", CG_PERSON_RESIDENT, NULL, "2021-03-01", "2021-11-01");

  /* CH-5, every 28 days after the last negative sample, due soon within 7:
   * 王丽 due 11-17 (fine), 陈强 due 10-28 (overdue), 林芳 due 11-09 (due
   * soon on the fever day), then sampled on the fever day, negative the
   * next day. */
  add_test (f, f->wang_li, "2021-10-20", CG_NAT_NEGATIVE, "2021-10-21", "晋江市医院");
  add_test (f, f->chen_qiang, "2021-09-30", CG_NAT_NEGATIVE, "2021-10-01", "晋江市医院");
  add_test (f, f->lin_fang, "2021-10-12", CG_NAT_NEGATIVE, "2021-10-13", "青阳街道卫生服务中心");
  add_test (f, f->lin_fang, FEVER_DAY, CG_NAT_NEGATIVE, QUIET_DAY, "青阳街道卫生服务中心");
  /* 李建国 tests positive on the third day. */
  add_test (f, f->li, POSITIVE_DAY, CG_NAT_POSITIVE, POSITIVE_DAY, "晋江市疾控中心");

  /* The fever day: 张秀英 37.8 with a cough in the morning, 37.2 at the
   * recheck; 李建国 a dry cough without fever; 林芳 not checked. */
  add_check (f, f->zhang, FEVER_DAY " 08:10", 37.8, CG_SYMPTOM_FEVER | CG_SYMPTOM_COUGH, "隔离观察，送发热门诊");
  add_check (f, f->zhang, FEVER_DAY " 14:00", 37.2, 0, NULL);
  add_check (f, f->li, FEVER_DAY " 08:15", 36.5, CG_SYMPTOM_DRY_COUGH, "观察室观察");
  add_check (f, f->huang, FEVER_DAY " 09:30", 36.6, 0, NULL);
  add_check (f, f->wang_li, FEVER_DAY " 07:50", 36.4, 0, NULL);
  add_check (f, f->chen_qiang, FEVER_DAY " 07:55", 36.8, 0, NULL);

  /* The quiet day: everyone checked, all normal. */
  add_check (f, f->wang_li, QUIET_DAY " 07:50", 36.5, 0, NULL);
  add_check (f, f->chen_qiang, QUIET_DAY " 07:52", 36.6, 0, NULL);
  add_check (f, f->lin_fang, QUIET_DAY " 07:54", 36.7, 0, NULL);
  add_check (f, f->zhang, QUIET_DAY " 08:10", 36.8, 0, NULL);
  add_check (f, f->li, QUIET_DAY " 08:15", 36.4, 0, NULL);
  add_check (f, f->huang, QUIET_DAY " 08:20", 36.5, 0, NULL);

  /* Rooms (ALL-5): 张秀英 observed from 08:30 on the fever day until
   * 16:00 the next day; 黄美玲, admitted on the fever day, isolated from
   * 10:00 for 14 days (ALL-6). */
  {
    g_autoptr(GError) stay_error = NULL;
    gint64 observation = add_room (f->db.store, "观察1号", CG_ROOM_OBSERVATION, TRUE);
    gint64 isolation = add_room (f->db.store, "隔离1号", CG_ROOM_ISOLATION, TRUE);
    gint64 fever_stay = open_stay (f->db.store, f->db.policy, observation, f->zhang, CG_STAY_FEVER, FEVER_DAY " 08:30");
    g_autofree char *ended = cg_datetime_local_to_utc (QUIET_DAY " 16:00");

    open_stay (f->db.store, f->db.policy, isolation, f->huang, CG_STAY_NEW_ARRIVAL, FEVER_DAY " 10:00");
    g_assert_true (cg_stay_end (f->db.store, f->db.policy, fever_stay, ended, "体温正常，回原房间", "test", &stay_error));
    g_assert_no_error (stay_error);
  }

  /* Visitors on the quiet day (ALL-4): a son for 25 minutes, a daughter
   * with 37.6 °C turned away, a grandson who stays 50 minutes (over 30). */
  add_visit (f, "王建华", "35058219700101001", f->li, "儿子", QUIET_DAY " 09:00", QUIET_DAY " 09:25",
             36.5, 0);
  add_visit (f, "陈丽", "35058219720202002", f->zhang, "女儿", QUIET_DAY " 09:10", NULL,
             37.6, CG_REFUSE_FEVER);
  add_visit (f, "刘洋", "35058219950303003", f->huang, "孙子", QUIET_DAY " 10:00", QUIET_DAY " 10:50",
             36.6, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cg_test_store_tear_down (&f->db);
}

static CgDailyFigures *
figures_on (Fixture    *f,
            const char *day)
{
  g_autoptr(GError) error = NULL;
  CgDailyFigures *figures;
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  figures = cg_daily_figures_compute (f->db.store, f->db.policy, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpstr (figures->date, ==, day);
  return figures;
}

/* "RULE name" for each alert, in order. */
static char *
describe_alerts (GPtrArray *alerts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];
      g_auto(GStrv) words = g_strsplit (alert->subject, " ", 2);

      g_string_append_printf (out, "%s%s %s", i > 0 ? "; " : "", alert->rule, words[0]);
    }
  return g_string_free (out, FALSE);
}

/* The same for the gaps of the health registers this test builds: the
 * registers of visitors, rooms, disinfection and training (ALL-4, ALL-5,
 * ALL-7, ALL-8) have their own tests. */
static char *
describe_gaps (GPtrArray *alerts)
{
  static const char * const elsewhere[] = { "ALL-4", "ALL-5", "ALL-7", "ALL-8", NULL };
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];

      if (!g_strv_contains (elsewhere, alert->rule))
        g_ptr_array_add (kept, alert);
    }
  return describe_alerts (kept);
}

static void
test_fever_day (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgDailyFigures) figures = figures_on (f, FEVER_DAY);
  g_autofree char *abnormal = describe_alerts (figures->abnormal);
  g_autofree char *gaps = describe_gaps (figures->gaps);
  g_autofree char *zhang_id = cg_test_id_number ("35058219400212002");
  g_autofree char *masked = cg_mask_id_number (zhang_id);
  CgAlert *fever;

  /* 吴德 left on 11-01: six present, three of them staff. */
  g_assert_cmpint (figures->residents_present, ==, 3);
  g_assert_cmpint (figures->staff_total, ==, 3);
  /* 林芳 was not checked, so not seen at work. */
  g_assert_cmpint (figures->staff_on_duty, ==, 2);
  g_assert_cmpint (figures->new_arrivals, ==, 1);
  g_assert_cmpint (figures->checks_due, ==, 6);
  g_assert_cmpint (figures->checks_done, ==, 5);
  /* 张秀英's highest reading, 37.8, is a low fever; 李建国's dry cough
   * without fever is a symptom. */
  g_assert_cmpint (figures->fevers, ==, 1);
  g_assert_cmpint (figures->symptomatic, ==, 1);
  g_assert_cmpint (figures->tested, ==, 1);
  g_assert_cmpint (figures->positives, ==, 0);
  g_assert_cmpint (figures->tests_overdue, ==, 1);
  g_assert_cmpint (figures->tests_due_soon, ==, 1);
  g_assert_false (figures->zero_report);
  /* 张秀英 in the observation room, 黄美玲 in isolation; no visitor. */
  g_assert_cmpint (figures->isolated, ==, 2);
  g_assert_cmpint (figures->visitors, ==, 0);
  g_assert_cmpint (figures->visitors_refused, ==, 0);
  g_assert_cmpint (figures->screenings, ==, 0);

  g_assert_cmpstr (abnormal, ==, "ALL-3 张秀英; ALL-2 李建国");
  fever = figures->abnormal->pdata[0];
  g_assert_cmpint (fever->severity, ==, CG_SEVERITY_CRITICAL);
  g_assert_nonnull (strstr (fever->subject, masked));
  g_assert_null (strstr (fever->subject, zhang_id));
  g_assert_nonnull (strstr (fever->message, "37.8"));

  /* The gaps: warnings first, then by rule and subject. */
  g_assert_cmpstr (gaps, ==, "ALL-1 林芳; ALL-6 黄美玲; CH-5 陈强; CH-5 林芳");
}

static void
test_quiet_day (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgDailyFigures) figures = figures_on (f, QUIET_DAY);
  g_autofree char *gaps = describe_gaps (figures->gaps);

  g_assert_cmpint (figures->residents_present, ==, 3);
  g_assert_cmpint (figures->staff_total, ==, 3);
  g_assert_cmpint (figures->staff_on_duty, ==, 3);
  g_assert_cmpint (figures->new_arrivals, ==, 0);
  g_assert_cmpint (figures->checks_due, ==, 6);
  g_assert_cmpint (figures->checks_done, ==, 6);
  g_assert_cmpint (figures->fevers, ==, 0);
  g_assert_cmpint (figures->symptomatic, ==, 0);
  g_assert_cmpint (figures->tested, ==, 0);
  g_assert_cmpint (figures->positives, ==, 0);
  /* 陈强 is still overdue; 林芳's sample came back negative today. */
  g_assert_cmpint (figures->tests_overdue, ==, 1);
  g_assert_cmpint (figures->tests_due_soon, ==, 0);
  /* 张秀英 left the observation room at 16:00: still one of the day's two.
   * Three visitors registered, one turned away (the fever). */
  g_assert_cmpint (figures->isolated, ==, 2);
  g_assert_cmpint (figures->visitors, ==, 3);
  g_assert_cmpint (figures->visitors_refused, ==, 1);

  /* Compliance gaps do not stop a zero report (ALL-9). */
  g_assert_cmpuint (figures->abnormal->len, ==, 0);
  g_assert_cmpstr (gaps, ==, "ALL-6 黄美玲; CH-5 陈强");
  g_assert_true (figures->zero_report);
}

static void
test_positive_day (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CgDailyFigures) figures = figures_on (f, POSITIVE_DAY);
  g_autofree char *abnormal = describe_alerts (figures->abnormal);
  guint missing = 0;

  g_assert_cmpint (figures->tested, ==, 1);
  g_assert_cmpint (figures->positives, ==, 1);
  g_assert_cmpint (figures->checks_done, ==, 0);
  g_assert_cmpint (figures->staff_on_duty, ==, 0);
  g_assert_false (figures->zero_report);
  g_assert_cmpstr (abnormal, ==, "ALL-9 李建国");
  /* Only 黄美玲 is still isolated. */
  g_assert_cmpint (figures->isolated, ==, 1);
  g_assert_cmpint (figures->visitors, ==, 0);

  /* Nobody checked: six gaps, none of them a health event. */
  for (guint i = 0; i < figures->gaps->len; i++)
    if (g_strcmp0 (((CgAlert *) figures->gaps->pdata[i])->rule, "ALL-1") == 0)
      missing++;
  g_assert_cmpuint (missing, ==, 6);
}

static void
test_before_any_record (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CgDailyFigures) figures = figures_on (f, "2020-12-31");
  g_autofree char *gaps = describe_gaps (figures->gaps);

  /* Nobody had arrived yet: an empty day is a zero report with no gaps. */
  g_assert_cmpint (figures->residents_present, ==, 0);
  g_assert_cmpint (figures->staff_total, ==, 0);
  g_assert_cmpint (figures->checks_due, ==, 0);
  g_assert_cmpstr (gaps, ==, "");
  g_assert_true (figures->zero_report);
}

static gboolean
write_report (Fixture     *f,
              const char  *day,
              const char  *path,
              GError     **error)
{
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  return cg_daily_report_write (f->db.store, f->db.policy, &date, path, error);
}

/* The names in @dir other than the database's. */
static char *
other_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "report.db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->db.dir, "日报告 2021-11-05.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *left = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (write_report (f, FEVER_DAY, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  /* An xlsx is a zip archive. */
  g_assert_cmpuint (length, >, 4000);
  g_assert_cmpmem (contents, 2, "PK", 2);
  g_clear_pointer (&contents, g_free);

  /* Written again over the old one, nothing left beside it. */
  g_assert_true (write_report (f, QUIET_DAY, path, &error));
  g_assert_no_error (error);
  left = other_files (f->db.dir);
  g_assert_cmpstr (left, ==, "日报告 2021-11-05.xlsx");
}

static void
test_write_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->db.dir, "no such folder", "report.xlsx", NULL);
  g_autofree char *taken = g_build_filename (f->db.dir, "a folder.xlsx", NULL);
  g_autofree char *left = NULL;
  g_autoptr(GError) error = NULL;
  GDate tomorrow;

  /* A folder that does not exist. */
  g_assert_false (write_report (f, FEVER_DAY, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  /* A folder that is not writable: root writes everywhere but in /sys. */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (f->db.dir, "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "report.xlsx", NULL);

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_false (write_report (f, FEVER_DAY, inside, &error));
      g_chmod (locked, 0755);
    }
  else if (g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    g_assert_false (write_report (f, FEVER_DAY, "/sys/kernel/careguard-report.xlsx", &error));
  if (error != NULL)
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_nonnull (strstr (error->message, "not writable"));
      g_clear_error (&error);
    }

  /* The name of a folder: the rename fails once the workbook is done, and
   * the half-way file is removed. */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  g_assert_false (write_report (f, FEVER_DAY, taken, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);
  left = other_files (f->db.dir);
  g_assert_cmpstr (left, ==, "a folder.xlsx");

  /* A day that has not happened yet. */
  cg_date_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  {
    g_autofree char *day = cg_date_to_iso (&tomorrow);
    g_autofree char *path = g_build_filename (f->db.dir, "tomorrow.xlsx", NULL);

    g_assert_false (write_report (f, day, path, &error));
    g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* A rescue station's fever day: three entrants screened (RS-1).  赵 is
 * admitted, 孙 has no health code and is isolated (RS-2), 周 has 38.3 °C
 * and a cough: observation room, 120 called, reported (RS-3); 周's
 * 38.0 °C at the check an hour later is the same health event. */
static void
test_rescue_station (void)
{
  g_autofree char *report = NULL;
  CgStore *store;
  CgPolicy *policy;
  g_autoptr(CgDailyFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *abnormal = NULL;
  g_autofree char *gaps = NULL;
  gint64 zhao, sun, zhou;
  struct
  {
    gint64       *id;
    const char   *time;
    double        temperature;
    guint         symptoms;
    CgHealthCode  code;
    CgReferrer    referrer;
    CgScreeningOutcome outcome;
  } entrants[] = {
    { &zhao, FEVER_DAY " 08:00", 36.5, 0, CG_HEALTH_CODE_GREEN, CG_REFERRED_POLICE, CG_SCREENING_ADMIT },
    { &sun, FEVER_DAY " 09:00", 36.6, 0, CG_HEALTH_CODE_NONE, CG_REFERRED_CITY_MANAGEMENT, CG_SCREENING_ISOLATE },
    { &zhou, FEVER_DAY " 10:00", 38.3, CG_SYMPTOM_COUGH, CG_HEALTH_CODE_GREEN, CG_REFERRED_SELF, CG_SCREENING_OBSERVE },
  };
  GDate date;
  Fixture f = { 0 };

  cg_test_store_set_up (&f.db, "report-rs", "station.db", "晋江市救助站", CG_KIND_RESCUE_STATION, 40);
  store = f.db.store;
  policy = f.db.policy;
  add_person (&f, "林芳", "35058219920107004", CG_PERSON_STAFF, "门卫", "2021-01-04", NULL);
  zhao = add_person (&f, "赵国强", "35058219700505001", CG_PERSON_AID, NULL, FEVER_DAY, NULL);
  sun = add_person (&f, "孙秀兰", "35058219660606002", CG_PERSON_AID, NULL, FEVER_DAY, NULL);
  zhou = add_person (&f, "周水生", "35058219580707003", CG_PERSON_AID, NULL, FEVER_DAY, NULL);
  add_room (store, "观察1号", CG_ROOM_OBSERVATION, TRUE);
  add_room (store, "隔离1号", CG_ROOM_ISOLATION, TRUE);
  add_room (store, "隔离2号", CG_ROOM_ISOLATION, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (entrants); i++)
    {
      g_autoptr(CgScreening) screening = cg_screening_new ();

      screening->person_id = *entrants[i].id;
      screening->screened_at = cg_datetime_local_to_utc (entrants[i].time);
      screening->temperature = entrants[i].temperature;
      screening->symptoms = entrants[i].symptoms;
      screening->health_code = entrants[i].code;
      screening->referred_by = entrants[i].referrer;
      screening->identity_verified = TRUE;
      g_assert_true (cg_screening_record (store, policy, screening, FALSE, "林芳", &error));
      g_assert_no_error (error);
      g_assert_cmpint (screening->outcome, ==, entrants[i].outcome);
      g_assert_true ((screening->stay_id != 0) == (entrants[i].outcome != CG_SCREENING_ADMIT));
      if (entrants[i].outcome == CG_SCREENING_OBSERVE)
        {
          g_autofree char *at = cg_datetime_local_to_utc (FEVER_DAY " 10:05");

          g_assert_true (cg_screening_mark (store, screening->id, TRUE, TRUE, at, "林芳", &error));
          g_assert_no_error (error);
        }
    }
  add_check (&f, zhou, FEVER_DAY " 11:00", 38.0, CG_SYMPTOM_FEVER | CG_SYMPTOM_COUGH, "送发热门诊");

  g_assert_true (cg_date_parse (FEVER_DAY, &date));
  figures = cg_daily_figures_compute (store, policy, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpint (figures->new_arrivals, ==, 3);
  g_assert_cmpint (figures->screenings, ==, 3);
  /* 孙秀兰 in isolation, 周水生 in the observation room. */
  g_assert_cmpint (figures->isolated, ==, 2);
  /* A rescue station keeps no visitor register (no ALL-4). */
  g_assert_cmpint (figures->visitors, ==, -1);
  /* 周水生 once, though both the screening and the check found the fever. */
  g_assert_cmpint (figures->fevers, ==, 1);
  g_assert_cmpint (figures->symptomatic, ==, 0);
  g_assert_false (figures->zero_report);
  abnormal = describe_alerts (figures->abnormal);
  g_assert_cmpstr (abnormal, ==, "RS-3 周水生");
  /* The 120 call and the report are recorded: no RS-3 gap.  The two
   * others were not checked (ALL-1). */
  gaps = describe_gaps (figures->gaps);
  g_assert_null (strstr (gaps, "RS-3"));
  g_assert_nonnull (strstr (gaps, "ALL-1 孙秀兰"));
  g_assert_nonnull (strstr (gaps, "ALL-1 赵国强"));

  /* Without the check, the screening alone makes the health event. */
  {
    g_autoptr(CgDailyFigures) again = NULL;
    g_autofree char *listed = NULL;
    CgAlert *alert;

    g_assert_true (cg_store_exec (store, "DELETE FROM health_check", &error));
    g_assert_no_error (error);
    again = cg_daily_figures_compute (store, policy, &date, &error);
    g_assert_no_error (error);
    g_assert_cmpint (again->fevers, ==, 1);
    g_assert_false (again->zero_report);
    listed = describe_alerts (again->abnormal);
    g_assert_cmpstr (listed, ==, "RS-3 周水生");
    alert = again->abnormal->pdata[0];
    g_assert_cmpstr (alert->record_kind, ==, "screening");
    g_assert_nonnull (strstr (alert->message, "38.3"));
  }

  report = g_build_filename (f.db.dir, "report.xlsx", NULL);
  g_assert_true (cg_daily_report_write (store, policy, &date, report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));

  cg_test_store_tear_down (&f.db);
}

/* ---- a funeral home (FH-5, FH-6, FH-7) -------------------------------- */

static gint64
add_service (CgStore        *store,
             const CgPolicy *policy,
             const char     *name,
             const char     *first17,
             const char     *hall,
             const char     *started,
             CgCovidStatus   covid)
{
  g_autoptr(CgService) service = cg_service_new ();
  g_autoptr(GError) error = NULL;

  service->deceased_name = g_strdup (name);
  service->deceased_id_number = cg_test_id_number (first17);
  service->family_contact = g_strdup ("林小红");
  service->phone = g_strdup ("13805950001");
  service->hall = g_strdup (hall);
  service->started_at = cg_datetime_local_to_utc (started);
  service->covid = covid;
  g_assert_true (cg_service_add (store, policy, service, "test", &error));
  g_assert_no_error (error);
  return service->id;
}

static void
add_mourner (CgStore        *store,
             const CgPolicy *policy,
             gint64          service_id,
             const char     *name,
             const char     *arrived,
             const char     *left,
             double          temperature,
             guint           symptoms,
             gboolean        refused)
{
  g_autoptr(CgMourner) mourner = cg_mourner_new ();
  g_autoptr(GError) error = NULL;

  mourner->service_id = service_id;
  mourner->name = g_strdup (name);
  mourner->phone = g_strdup ("");
  mourner->arrived_at = cg_datetime_local_to_utc (arrived);
  mourner->left_at = left != NULL ? cg_datetime_local_to_utc (left) : NULL;
  mourner->temperature = temperature;
  mourner->symptoms = symptoms;
  mourner->health_code = CG_HEALTH_CODE_GREEN;
  mourner->registered_by = g_strdup ("test");
  g_assert_true (cg_mourner_check_in (store, policy, mourner, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (mourner->refusal != 0, ==, refused);
}

static void
add_disinfection (CgStore    *store,
                  const char *place,
                  const char *done)
{
  g_autoptr(CgDisinfection) d = cg_disinfection_new ();
  g_autoptr(GError) error = NULL;

  d->place = g_strdup (place);
  d->place_kind = cg_place_kind_guess (place);
  d->done_at = cg_datetime_local_to_utc (done);
  d->agent = g_strdup ("含氯消毒液 500mg/L");
  d->method = g_strdup ("喷洒");
  d->operator = g_strdup ("郑师傅");
  g_assert_true (cg_disinfection_add (store, d, "test", &error));
  g_assert_no_error (error);
}

static void
record_step (CgStore     *store,
             gint64       service_id,
             CgCovidStep  step,
             const char  *done)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = cg_datetime_local_to_utc (done);

  g_assert_true (cg_service_record_step (store, service_id, step, at, "郑师傅", "", "test", &error));
  g_assert_no_error (error);
}

static CgDailyFigures *
funeral_figures (CgStore        *store,
                 const CgPolicy *policy,
                 const char     *day)
{
  g_autoptr(GError) error = NULL;
  CgDailyFigures *figures;
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  figures = cg_daily_figures_compute (store, policy, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

/* A low-risk area: 72 hours at most.  On 11-05: 林德福 in 一号礼厅 since
 * 11-02 23:59, 72 h 01 min at midnight — over by one minute; 陈秀珍 in
 * 二号礼厅 since 08:00; 王建国, a confirmed COVID-19 case from 10:00, three
 * of the seven steps done.  Mourners that day: three admitted for 林德福,
 * two admitted and two turned away (fever, cough) for 陈秀珍; one the day
 * before does not count.  一号礼厅 disinfected once (the policy asks
 * two), 二号礼厅 twice, the hearse and the cremation room once each.
 * On 11-06 王建国's steps are all done and he is cremated; on 11-07 only
 * 林德福 (over) and 陈秀珍 (64 h: within 12 h of the limit) remain. */
static void
test_funeral_home (void)
{
  g_autofree char *report = NULL;
  CgTestStore t;
  CgStore *store;
  CgPolicy *policy;
  g_autoptr(CgDailyFigures) figures = NULL;
  g_autoptr(CgDailyFigures) next = NULL;
  g_autoptr(CgDailyFigures) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *abnormal = NULL;
  g_autofree char *gaps = NULL;
  gint64 lin, chen, wang;
  GDate date;

  cg_test_store_set_up (&t, "report-fh", "funeral.db", "晋江市殡仪馆", CG_KIND_FUNERAL_HOME, 0);
  store = t.store;
  policy = t.policy;

  lin = add_service (store, policy, "林德福", "35058219400101001", "一号礼厅", "2021-11-02 23:59", CG_COVID_NONE);
  chen = add_service (store, policy, "陈秀珍", "35058219450202002", "二号礼厅", FEVER_DAY " 08:00", CG_COVID_NONE);
  wang = add_service (store, policy, "王建国", "35058219500303003", "", FEVER_DAY " 10:00", CG_COVID_CONFIRMED);
  add_mourner (store, policy, lin, "林一", "2021-11-04 10:00", "2021-11-04 10:20", 36.5, 0, FALSE);
  add_mourner (store, policy, lin, "林二", FEVER_DAY " 09:00", FEVER_DAY " 09:30", 36.4, 0, FALSE);
  add_mourner (store, policy, lin, "林三", FEVER_DAY " 09:10", FEVER_DAY " 09:40", 36.6, 0, FALSE);
  add_mourner (store, policy, lin, "林四", FEVER_DAY " 14:00", FEVER_DAY " 14:30", 36.5, 0, FALSE);
  add_mourner (store, policy, chen, "陈一", FEVER_DAY " 09:00", FEVER_DAY " 09:20", 36.3, 0, FALSE);
  add_mourner (store, policy, chen, "陈二", FEVER_DAY " 09:05", FEVER_DAY " 09:50", 36.7, 0, FALSE);
  add_mourner (store, policy, chen, "陈三", FEVER_DAY " 09:10", NULL, 37.8, 0, TRUE);
  add_mourner (store, policy, chen, "陈四", FEVER_DAY " 09:15", NULL, 36.5, CG_SYMPTOM_COUGH, TRUE);
  add_disinfection (store, "一号礼厅", FEVER_DAY " 08:00");
  add_disinfection (store, "二号礼厅", FEVER_DAY " 07:30");
  add_disinfection (store, "二号礼厅", FEVER_DAY " 17:00");
  add_disinfection (store, "接运车 闽C12345", FEVER_DAY " 11:30");
  add_disinfection (store, "火化间", FEVER_DAY " 12:30");
  record_step (store, wang, CG_COVID_STEP_HANDOVER, FEVER_DAY " 10:30");
  record_step (store, wang, CG_COVID_STEP_TRANSPORT, FEVER_DAY " 11:00");
  record_step (store, wang, CG_COVID_STEP_CREMATION, FEVER_DAY " 12:00");

  figures = funeral_figures (store, policy, FEVER_DAY);
  g_assert_cmpint (figures->services, ==, 3);
  g_assert_cmpint (figures->services_over, ==, 1);
  g_assert_cmpint (figures->services_approaching, ==, 0);
  g_assert_cmpint (figures->covid_suspected, ==, 0);
  g_assert_cmpint (figures->covid_confirmed, ==, 1);
  g_assert_cmpint (figures->covid_incomplete, ==, 1);
  g_assert_cmpint (figures->mourners_admitted, ==, 5);
  g_assert_cmpint (figures->mourners_refused, ==, 2);
  g_assert_cmpint (figures->halls, ==, 2);
  g_assert_cmpint (figures->halls_short, ==, 1);
  g_assert_cmpint (figures->disinfections, ==, 5);
  /* The COVID-19 remains are the day's health event: no zero report.
   * The mourning limit and the hall are compliance gaps (ALL-9). */
  g_assert_false (figures->zero_report);
  abnormal = describe_alerts (figures->abnormal);
  g_assert_cmpstr (abnormal, ==, "FH-7 王建国");
  g_assert_nonnull (strstr (((CgAlert *) figures->abnormal->pdata[0])->message, "4"));
  gaps = describe_alerts (figures->gaps);
  g_assert_nonnull (strstr (gaps, "FH-5 林德福"));
  g_assert_nonnull (strstr (gaps, "FH-6 一号礼厅"));
  g_assert_null (strstr (gaps, "FH-6 二号礼厅"));
  g_assert_null (strstr (gaps, "FH-7"));
  g_assert_null (strstr (gaps, "陈秀珍"));

  report = g_build_filename (t.dir, "report.xlsx", NULL);
  g_assert_true (cg_date_parse (FEVER_DAY, &date));
  g_assert_true (cg_daily_report_write (store, policy, &date, report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));

  /* 11-06: the other four steps; the case, done, is still a health
   * event of the day it ends. */
  record_step (store, wang, CG_COVID_STEP_SEALED, QUIET_DAY " 08:00");
  record_step (store, wang, CG_COVID_STEP_DISINFECTION, QUIET_DAY " 08:30");
  record_step (store, wang, CG_COVID_STEP_ARCHIVE, QUIET_DAY " 09:00");
  record_step (store, wang, CG_COVID_STEP_REPORT, QUIET_DAY " 09:30");
  {
    g_autofree char *ended = cg_datetime_local_to_utc (QUIET_DAY " 10:00");
    g_autofree char *listed = NULL;

    g_assert_true (cg_service_close (store, wang, ended, "test", &error));
    g_assert_no_error (error);
    next = funeral_figures (store, policy, QUIET_DAY);
    g_assert_cmpint (next->services, ==, 3);
    g_assert_cmpint (next->services_over, ==, 1);
    g_assert_cmpint (next->covid_confirmed, ==, 1);
    g_assert_cmpint (next->covid_incomplete, ==, 0);
    g_assert_cmpint (next->mourners_admitted + next->mourners_refused, ==, 0);
    g_assert_cmpint (next->disinfections, ==, 0);
    /* Both halls in use, neither disinfected. */
    g_assert_cmpint (next->halls_short, ==, 2);
    listed = describe_alerts (next->abnormal);
    g_assert_cmpstr (listed, ==, "FH-7 王建国");
    g_assert_cmpint (((CgAlert *) next->abnormal->pdata[0])->severity, ==, CG_SEVERITY_INFO);
    g_assert_false (next->zero_report);
  }

  /* 11-07: no COVID-19 case; 林德福 over the limit, 陈秀珍 at 64 h.  A
   * zero report, the limit listed among the gaps. */
  last = funeral_figures (store, policy, POSITIVE_DAY);
  g_assert_cmpint (last->services, ==, 2);
  g_assert_cmpint (last->services_over, ==, 1);
  g_assert_cmpint (last->services_approaching, ==, 1);
  g_assert_cmpint (last->covid_confirmed + last->covid_suspected, ==, 0);
  g_assert_cmpint (last->abnormal->len, ==, 0);
  g_assert_true (last->zero_report);
  {
    g_autofree char *listed = describe_alerts (last->gaps);

    g_assert_nonnull (strstr (listed, "FH-5 林德福"));
    g_assert_nonnull (strstr (listed, "FH-5 陈秀珍"));
  }

  cg_test_store_tear_down (&t);
}

/* A care home keeps no funeral figures. */
static void
test_not_funeral (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CgDailyFigures) figures = figures_on (f, FEVER_DAY);

  g_assert_cmpint (figures->services, ==, -1);
}

/* The small demonstration care home: its rooms, stays and visitors tell
 * the stories issue #4 asks for, and today's report counts them. */
static void
test_demo (void)
{
  CgTestStore t;
  CgStore *store;
  CgPolicy *policy;
  g_autoptr(CgDailyFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  cg_test_store_open (&t, "report-demo", "demo.db");
  store = t.store;
  cg_date_today (&today);
  g_assert_true (cg_demo_fill (store, CG_DEMO_SMALL, CG_KIND_CARE_HOME, 20201104, &today, &error));
  g_assert_no_error (error);
  cg_test_store_load_policy (&t, CG_KIND_CARE_HOME);
  policy = t.policy;

  /* Rooms: 4 to 8, exactly one not compliant. */
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM room"), >=, 4);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM room"), <=, 8);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM room WHERE own_toilet = 0 OR ventilated = 0 "
                                             "OR low_traffic = 0"), ==, 1);
  /* Stays: one planned to end today, still open; an early release with
   * its negative test; the new arrival of five days ago in progress; one
   * person per room at any time. */
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM stay WHERE ended_at IS NULL "
                                             "AND date(planned_end_at, 'localtime') = date('now', 'localtime')"), >=, 1);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM stay s JOIN nat_test t ON t.id = s.release_test_id "
                                             "WHERE s.ended_at < s.planned_end_at AND t.result = 'negative' "
                                             "AND t.sampled_on >= date(s.started_at, 'localtime')"), ==, 1);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM stay WHERE ended_at IS NULL"), >=, 3);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM stay a JOIN stay b ON a.room_id = b.room_id "
                                             "AND a.id < b.id AND b.started_at < coalesce(a.ended_at, '9999') "
                                             "AND a.started_at < coalesce(b.ended_at, '9999')"), ==, 0);
  /* Every stay comes from an arrival screening (ALL-6). */
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM stay"), ==,
                   cg_test_query_int (store, "SELECT count(*) FROM screening WHERE stay_id IS NOT NULL"));
  /* Visitors: refusals with their reasons (a fever among them), a few
   * overstays, and three inside now — one of them for over 30 minutes. */
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM visit WHERE refusal & 1"), >, 0);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM visit WHERE refusal = 0 AND left_at IS NOT NULL "
                                             "AND (julianday(left_at) - julianday(arrived_at)) * 1440 > 30.5"), >, 0);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM visit WHERE refusal = 0 AND left_at IS NULL"), ==, 3);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM visit WHERE refusal = 0 AND left_at IS NULL "
                                             "AND (julianday('now') - julianday(arrived_at)) * 1440 > 30"), ==, 1);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM visit WHERE refusal = 0 AND left_at IS NULL "
                                             "AND (julianday('now') - julianday(arrived_at)) * 1440 < 20"), ==, 2);
  /* More visitors at weekends than on weekdays. */
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) * 5 FROM visit WHERE strftime('%w', arrived_on) IN ('0', '6')"),
                   >, cg_test_query_int (store, "SELECT count(*) * 2 FROM visit WHERE strftime('%w', arrived_on) NOT IN ('0', '6')"));

  figures = cg_daily_figures_compute (store, policy, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->visitors, ==, cg_test_query_int (store, "SELECT count(*) FROM visit "
                                                             "WHERE arrived_on = date('now', 'localtime')"));
  g_assert_cmpint (figures->isolated, >=, 3);

  cg_test_store_tear_down (&t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/figures/fever-day", test_fever_day);
  ADD ("/report/figures/quiet-day", test_quiet_day);
  ADD ("/report/figures/positive-day", test_positive_day);
  ADD ("/report/figures/before-any-record", test_before_any_record);
  ADD ("/report/write", test_write);
  ADD ("/report/write-refused", test_write_refused);
  ADD ("/report/figures/not-funeral", test_not_funeral);
#undef ADD
  g_test_add_func ("/report/rescue-station", test_rescue_station);
  g_test_add_func ("/report/funeral-home", test_funeral_home);
  g_test_add_func ("/report/demo", test_demo);

  return g_test_run ();
}
