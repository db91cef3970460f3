/* test-report.c — the daily report's figures and the file it writes
 *
 * A small care home, built through the core API, over three days worked
 * out by hand: a day with a fever and a symptom, a quiet day with an
 * overdue staff test, and a day with a positive test and no checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cg-daily-report.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-validate.h"

#define FEVER_DAY    "2021-11-05"
#define QUIET_DAY    "2021-11-06"
#define POSITIVE_DAY "2021-11-07"

typedef struct
{
  char     *dir;
  CgStore  *store;
  CgPolicy *policy;
  gint64    wang_li;     /* staff, test up to date */
  gint64    chen_qiang;  /* staff, test overdue */
  gint64    lin_fang;    /* staff, due soon; sampled on the fever day */
  gint64    zhang;       /* resident with the fever */
  gint64    li;          /* resident with a dry cough, later positive */
  gint64    huang;       /* resident admitted on the fever day */
  gint64    wu;          /* resident who left before */
} Fixture;

/* A valid ID number from its first 17 digits. */
static char *
id_number (const char *first17)
{
  char check = cg_id_number_check_digit (first17);

  g_assert_cmpint (check, !=, 0);
  return g_strdup_printf ("%s%c", first17, check);
}

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
  g_autofree char *number = id_number (first17);

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, number);
  cg_person_set_kind (person, kind);
  cg_person_set_role (person, role);
  cg_person_set_arrived_on (person, arrived_on);
  cg_person_set_left_on (person, left_on);
  g_assert_true (cg_person_save (f->store, person, "test", &error));
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
  g_assert_true (cg_nat_test_save (f->store, test, "test", &error));
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
  g_assert_true (cg_health_check_add (f->store, f->policy, check, "test", &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(CgInstitution) inst = cg_institution_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("careguard-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "report.db", NULL);
  f->store = cg_store_open (path, &error);
  g_assert_no_error (error);

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
  g_assert_true (cg_institution_save (f->store, inst, "test", &error));
  g_assert_no_error (error);
  f->policy = cg_module_load_policy (cg_module_for_kind (CG_KIND_CARE_HOME), f->store, &error);
  g_assert_no_error (error);

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
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  g_clear_pointer (&f->policy, cg_policy_free);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static CgDailyFigures *
figures_on (Fixture    *f,
            const char *day)
{
  g_autoptr(GError) error = NULL;
  CgDailyFigures *figures;
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  figures = cg_daily_figures_compute (f->store, f->policy, &date, &error);
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

static void
test_fever_day (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgDailyFigures) figures = figures_on (f, FEVER_DAY);
  g_autofree char *abnormal = describe_alerts (figures->abnormal);
  g_autofree char *gaps = describe_alerts (figures->gaps);
  g_autofree char *zhang_id = id_number ("35058219400212002");
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
  g_autofree char *gaps = describe_alerts (figures->gaps);

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

  /* Nobody had arrived yet: an empty day is a zero report with no gaps. */
  g_assert_cmpint (figures->residents_present, ==, 0);
  g_assert_cmpint (figures->staff_total, ==, 0);
  g_assert_cmpint (figures->checks_due, ==, 0);
  g_assert_cmpuint (figures->gaps->len, ==, 0);
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
  return cg_daily_report_write (f->store, f->policy, &date, path, error);
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
  g_autofree char *path = g_build_filename (f->dir, "日报告 2021-11-05.xlsx", NULL);
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
  left = other_files (f->dir);
  g_assert_cmpstr (left, ==, "日报告 2021-11-05.xlsx");
}

static void
test_write_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no such folder", "report.xlsx", NULL);
  g_autofree char *taken = g_build_filename (f->dir, "a folder.xlsx", NULL);
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
      g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
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
  left = other_files (f->dir);
  g_assert_cmpstr (left, ==, "a folder.xlsx");

  /* A day that has not happened yet. */
  cg_date_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  {
    g_autofree char *day = cg_date_to_iso (&tomorrow);
    g_autofree char *path = g_build_filename (f->dir, "tomorrow.xlsx", NULL);

    g_assert_false (write_report (f, day, path, &error));
    g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
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
#undef ADD

  return g_test_run ();
}
