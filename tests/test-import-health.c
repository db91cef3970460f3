/* test-import-health.c — the tests and checks registers imported from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-import.h"
#include "cg-institution.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-store.h"
#include "cg-test-util.h"

/* Valid numbers (GB 11643 check digits). */
#define ID_ZHANG  "110101198003070017"   /* staff since 2020 */
#define ID_LI     "310115195208140025"   /* resident, arrived 2025-06-01 */
#define ID_WANG   "440306194510100031"   /* resident, left 2025-09-30 */
#define ID_ZHAO   "350582197001010045"   /* valid, but not registered */
#define ID_BAD    "110101198003070018"   /* wrong check digit */

#define PEOPLE \
  "name,id_number,kind,arrived_on,left_on\n" \
  "张三," ID_ZHANG ",staff,2020-03-05,\n" \
  "李四," ID_LI ",resident,2025-06-01,\n" \
  "王五," ID_WANG ",resident,2021-01-01,2025-09-30\n"

#define TESTS_HEADER  "id_number,sampled_on,result,site\n"
#define CHECKS_HEADER "id_number,checked_at,temperature,symptoms\n"

typedef CgTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cg_test_store_open (fixture, "import-health", "careguard.db");
  cg_test_store_add_institution (fixture, "晋江市测试养老院", CG_KIND_CARE_HOME, 40);
  cg_test_import_ok (fixture->store, CG_REGISTER_PEOPLE, PEOPLE, 3, 0);
}

static int
count_tests (CgStore *store)
{
  return (int) cg_test_query_int (store, "SELECT count(*) FROM nat_test");
}

static int
count_checks (CgStore *store)
{
  return (int) cg_test_query_int (store, "SELECT count(*) FROM health_check");
}

static int
count_audit (CgStore *store)
{
  return (int) cg_test_query_int (store, "SELECT count(*) FROM audit");
}

static gint64
person_id (CgStore    *store,
           const char *id_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgPerson) person = cg_person_find_by_id_number (store, id_number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person);
  return cg_person_get_id (person);
}

/* The samples of one person, newest first. */
static GPtrArray *
samples_of (CgStore    *store,
            const char *id_number)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *tests = cg_nat_test_list_for_person (store, person_id (store, id_number), &error);

  g_assert_no_error (error);
  g_assert_nonnull (tests);
  return tests;
}

/* A file with exactly one bad row is refused: the problem names the line,
 * the column as the file writes it and the reason, and nothing changes. */
static void
assert_refused (CgStore     *store,
                CgRegister   reg,
                const char  *text,
                guint        line,
                const char  *column,
                const char  *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autofree char *report = NULL;
  GPtrArray *problems;
  gboolean found = FALSE;
  int tests = count_tests (store);
  int checks = count_checks (store);
  int audit = count_audit (store);
  guint i;

  import = cg_test_import_prepare (store, reg, text);
  report = cg_import_format_problems (import);
  g_test_message ("expected refusal:\n%s", report);

  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 1);
  problems = cg_import_get_problems (import);
  g_assert_cmpuint (problems->len, >=, 1);
  for (i = 0; i < problems->len; i++)
    {
      CgImportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, line);
      if (g_strcmp0 (problem->column, column) == 0 && strstr (problem->reason, reason) != NULL)
        found = TRUE;
    }
  if (!found)
    g_error ("no problem on line %u, column %s, saying “%s” in:\n%s", line, column, reason, report);

  g_assert_false (cg_import_commit (import, store, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);

  g_assert_cmpint (count_tests (store), ==, tests);
  g_assert_cmpint (count_checks (store), ==, checks);
  g_assert_cmpint (count_audit (store), ==, audit);
}

static char *
local_time_from_now (GTimeSpan offset,
                     const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add (now, offset);

  return g_date_time_format (then, format);
}

/* ---------------------------------------------------------------------- */
/* tests                                                                   */

static void
test_tests_utf8_english (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GPtrArray) zhang = NULL;
  g_autoptr(GPtrArray) li = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) titles = NULL;
  const char * const *row;
  CgNatTest *test;
  const char *text =
    "\xEF\xBB\xBF" " ID_Number ,Sampled_On,RESULT,site\r\n"
    ID_ZHANG ",2025-08-01,negative,晋江市医院\r\n"
    ID_ZHANG ",2025/08/29,negative,\r\n"
    /* Sampled 14 days before arrival: the new arrival's screening test. */
    ID_LI ",2025-05-18,negative,社区采样点\r\n"
    ID_LI ",2025-06-02,pending,\r\n";

  import = cg_test_import_prepare (fixture->store, CG_REGISTER_TESTS, text);
  cg_test_import_dump_problems (import);
  g_assert_cmpstr (cg_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (cg_import_get_n_rows (import), ==, 4);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 4);
  g_assert_cmpuint (cg_import_get_n_updated (import), ==, 0);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);

  titles = cg_import_get_preview_titles (import);
  g_assert_cmpuint (g_strv_length (titles), ==, 4);
  row = g_ptr_array_index (cg_import_get_preview_rows (import), 1);
  g_assert_cmpstr (row[0], ==, ID_ZHANG);
  g_assert_cmpstr (row[1], ==, "2025-08-29");
  g_assert_cmpstr (row[2], ==, cg_nat_result_label (CG_NAT_NEGATIVE));

  /* Preparing reads only. */
  g_assert_cmpint (count_tests (fixture->store), ==, 0);
  g_assert_true (cg_import_commit (import, fixture->store, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_tests (fixture->store), ==, 4);

  zhang = samples_of (fixture->store, ID_ZHANG);
  g_assert_cmpuint (zhang->len, ==, 2);
  test = g_ptr_array_index (zhang, 0);
  g_assert_cmpstr (test->sampled_on, ==, "2025-08-29");
  g_assert_cmpint (test->result, ==, CG_NAT_NEGATIVE);
  g_assert_cmpstr (test->result_on, ==, "2025-08-29");
  test = g_ptr_array_index (zhang, 1);
  g_assert_cmpstr (test->sampled_on, ==, "2025-08-01");
  g_assert_cmpstr (test->site, ==, "晋江市医院");

  li = samples_of (fixture->store, ID_LI);
  g_assert_cmpuint (li->len, ==, 2);
  test = g_ptr_array_index (li, 0);
  g_assert_cmpstr (test->sampled_on, ==, "2025-06-02");
  g_assert_cmpint (test->result, ==, CG_NAT_PENDING);
  g_assert_null (test->result_on);
  test = g_ptr_array_index (li, 1);
  g_assert_cmpstr (test->sampled_on, ==, "2025-05-18");
  g_assert_cmpstr (test->site, ==, "社区采样点");
}

static void
test_tests_gb18030_chinese (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GPtrArray) zhang = NULL;
  g_autoptr(GPtrArray) li = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = NULL;
  CgNatTest *test;
  gsize gb_len = 0;
  const char *utf8 =
    "身份证号,采样日期,结果,采样点,备注\r\n"
    ID_ZHANG ",2025年8月1日,阴性,晋江市医院,\r\n"
    ID_LI ",2025-07-01,阳性,院内,复核\r\n"
    ID_ZHANG ",2025-08-15,待出,,\r\n";

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gb, gb_len, NULL));

  import = cg_import_prepare (fixture->store, CG_REGISTER_TESTS, gb, gb_len, &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);
  g_assert_cmpstr (cg_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 3);
  /* 备注 is not a column of this register: reported, ignored. */
  g_assert_cmpuint (cg_import_get_unknown_columns (import)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (cg_import_get_unknown_columns (import), 0), ==, "备注");

  g_assert_true (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_no_error (error);

  zhang = samples_of (fixture->store, ID_ZHANG);
  g_assert_cmpuint (zhang->len, ==, 2);
  test = g_ptr_array_index (zhang, 0);
  g_assert_cmpstr (test->sampled_on, ==, "2025-08-15");
  g_assert_cmpint (test->result, ==, CG_NAT_PENDING);
  test = g_ptr_array_index (zhang, 1);
  g_assert_cmpstr (test->sampled_on, ==, "2025-08-01");
  g_assert_cmpint (test->result, ==, CG_NAT_NEGATIVE);
  g_assert_cmpstr (test->site, ==, "晋江市医院");

  li = samples_of (fixture->store, ID_LI);
  g_assert_cmpuint (li->len, ==, 1);
  test = g_ptr_array_index (li, 0);
  g_assert_cmpint (test->result, ==, CG_NAT_POSITIVE);
  g_assert_cmpstr (test->site, ==, "院内");
}

static void
test_tests_bad_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *tomorrow = local_time_from_now (G_TIME_SPAN_DAY, "%Y-%m-%d");
  g_autofree char *future = NULL;
  CgStore *store = fixture->store;

  /* Something to update, so that "nothing changed" means something. */
  cg_test_import_ok (store, CG_REGISTER_TESTS,
                     TESTS_HEADER ID_ZHANG ",2025-08-01,negative,\n" ID_LI ",2025-07-01,pending,\n", 2, 0);

#define GOOD ID_ZHANG ",2025-08-29,negative,医院\n"

  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_ZHAO ",2025-08-29,negative,\n",
                  3, "id_number", "import the people register first");
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_BAD ",2025-08-29,negative,\n",
                  3, "id_number", "check digit");
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_LI ",2025-13-01,negative,\n",
                  3, "sampled_on", "is not a date");
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_LI ",,negative,\n",
                  3, "sampled_on", "required");
  future = g_strconcat (TESTS_HEADER GOOD ID_LI ",", tomorrow, ",pending,\n", NULL);
  assert_refused (store, CG_REGISTER_TESTS, future, 3, "sampled_on", "in the future");
  /* Li arrived on 2025-06-01: 14 days before is her screening test, 15 is not hers. */
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_LI ",2025-05-17,negative,\n",
                  3, "sampled_on", "more than 14 days before 李四 arrived (on 2025-06-01)");
  /* Wang left on 2025-09-30. */
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_WANG ",2025-10-01,negative,\n",
                  3, "sampled_on", "after 王五 left (on 2025-09-30)");
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_LI ",2025-08-29,阴,\n",
                  3, "result", "“阴” is not a result");
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_LI ",2025-08-29,,\n",
                  3, "result", "required");
  /* The same person and day twice, even with the date written otherwise. */
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_ZHANG ",2025/8/29,negative,\n",
                  3, "sampled_on", "already on line 2 of this file");
  /* A stored result does not go back to pending. */
  assert_refused (store, CG_REGISTER_TESTS, TESTS_HEADER GOOD ID_ZHANG ",2025-08-01,pending,\n",
                  3, "result", "it cannot be pending again");
  /* The column is named as the file writes it. */
  assert_refused (store, CG_REGISTER_TESTS,
                  "身份证号,采样日期,结果\n" ID_ZHANG ",2025-08-29,阴性\n" ID_LI ",2025-08-29,假\n",
                  3, "结果", "“假” is not a result");

#undef GOOD

  g_assert_cmpint (count_tests (store), ==, 2);
}

static void
test_tests_update_and_reimport (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  CgStore *store = fixture->store;
  CgNatTest *test;
  const char *pending =
    TESTS_HEADER
    ID_ZHANG ",2025-08-01,negative,晋江市医院\n"
    ID_ZHANG ",2025-08-29,pending,晋江市医院\n";
  const char *result =
    TESTS_HEADER
    ID_ZHANG ",2025-08-01,negative,\n"
    ID_ZHANG ",2025-08-29,negative,\n"
    ID_LI ",2025-08-29,negative,院内\n";
  int audit;

  cg_test_import_ok (store, CG_REGISTER_TESTS, pending, 2, 0);
  before = samples_of (store, ID_ZHANG);
  test = g_ptr_array_index (before, 0);
  g_assert_cmpint (test->result, ==, CG_NAT_PENDING);

  /* The result file: the pending sample becomes negative (an update), the
   * negative one is the same again (an update that changes nothing), and
   * Li's is new.  Blank sites keep the ones stored. */
  cg_test_import_ok (store, CG_REGISTER_TESTS, result, 1, 2);
  g_assert_cmpint (count_tests (store), ==, 3);
  after = samples_of (store, ID_ZHANG);
  g_assert_cmpuint (after->len, ==, 2);
  test = g_ptr_array_index (after, 0);
  g_assert_cmpint (test->id, ==, ((CgNatTest *) g_ptr_array_index (before, 0))->id);
  g_assert_cmpstr (test->sampled_on, ==, "2025-08-29");
  g_assert_cmpint (test->result, ==, CG_NAT_NEGATIVE);
  g_assert_cmpstr (test->result_on, ==, "2025-08-29");
  g_assert_cmpstr (test->site, ==, "晋江市医院");

  /* Imported again: nothing new, nothing doubled. */
  audit = count_audit (store);
  cg_test_import_ok (store, CG_REGISTER_TESTS, result, 0, 3);
  g_assert_cmpint (count_tests (store), ==, 3);
  again = samples_of (store, ID_ZHANG);
  g_assert_cmpuint (again->len, ==, 2);
  test = g_ptr_array_index (again, 0);
  g_assert_cmpint (test->result, ==, CG_NAT_NEGATIVE);
  g_assert_cmpstr (test->result_on, ==, "2025-08-29");
  /* Rows that say nothing new write nothing: only the import is audited. */
  g_assert_cmpint (count_audit (store), ==, audit + 1);
}

/* ---------------------------------------------------------------------- */
/* checks                                                                  */

static GHashTable *
checks_on (CgStore    *store,
           const char *day)
{
  g_autoptr(GError) error = NULL;
  GHashTable *latest;
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  latest = cg_health_check_latest_on (store, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  return latest;
}

static CgHealthCheck *
check_of (GHashTable *latest,
          CgStore    *store,
          const char *id_number)
{
  gint64 id = person_id (store, id_number);

  return g_hash_table_lookup (latest, &id);
}

static void
test_checks_utf8_english (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *local = NULL;
  const char * const *row;
  CgHealthCheck *check;
  const char *text =
    "\xEF\xBB\xBF" CHECKS_HEADER
    ID_ZHANG ",2025-09-01 07:45,36.5,\n"
    ID_LI ",2025-09-01 08:10,37.8,fever; cough\n"
    ID_ZHANG ",2025-09-01 15:30,36.6 ℃,dry_cough\n"
    ID_LI ",2025-09-02 8:05,３７．０,\n";

  import = cg_test_import_prepare (fixture->store, CG_REGISTER_CHECKS, text);
  cg_test_import_dump_problems (import);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 4);
  g_assert_cmpuint (cg_import_get_n_updated (import), ==, 0);

  row = g_ptr_array_index (cg_import_get_preview_rows (import), 1);
  g_assert_cmpstr (row[0], ==, ID_LI);
  g_assert_cmpstr (row[1], ==, "2025-09-01 08:10");
  g_assert_cmpstr (row[2], ==, "37.8");
  g_assert_nonnull (strstr (row[3], cg_symptom_label (2)));   /* cough */

  g_assert_cmpint (count_checks (fixture->store), ==, 0);
  g_assert_true (cg_import_commit (import, fixture->store, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_checks (fixture->store), ==, 4);

  latest = checks_on (fixture->store, "2025-09-01");
  g_assert_cmpuint (g_hash_table_size (latest), ==, 2);
  check = check_of (latest, fixture->store, ID_ZHANG);
  g_assert_nonnull (check);
  g_assert_cmpfloat_with_epsilon (check->temperature, 36.6, 0.001);
  g_assert_cmpuint (check->symptoms, ==, CG_SYMPTOM_DRY_COUGH);
  local = cg_datetime_utc_to_local (check->checked_at);
  g_assert_cmpstr (local, ==, "2025-09-01 15:30");
  check = check_of (latest, fixture->store, ID_LI);
  g_assert_cmpfloat_with_epsilon (check->temperature, 37.8, 0.001);
  g_assert_cmpuint (check->symptoms, ==, CG_SYMPTOM_FEVER | CG_SYMPTOM_COUGH);
  g_clear_pointer (&latest, g_hash_table_unref);

  latest = checks_on (fixture->store, "2025-09-02");
  check = check_of (latest, fixture->store, ID_LI);
  g_assert_nonnull (check);
  g_assert_cmpfloat_with_epsilon (check->temperature, 37.0, 0.001);
  g_assert_cmpuint (check->symptoms, ==, 0);
}

static void
test_checks_gb18030_chinese (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = NULL;
  CgHealthCheck *check;
  gsize gb_len = 0;
  const char *utf8 =
    "身份证号,检测时间,体温,症状\r\n"
    ID_ZHANG ",2025年9月1日 07:45,36.4,无\r\n"
    ID_LI ",2025/09/01 08:10,38.2,发热；咽痛；乏力\r\n"
    ID_WANG ",2025-09-30 09:00,36.8,腹泻\r\n";

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gb, gb_len, NULL));

  import = cg_import_prepare (fixture->store, CG_REGISTER_CHECKS, gb, gb_len, &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);
  g_assert_cmpstr (cg_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 3);
  g_assert_true (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_checks (fixture->store), ==, 3);

  latest = checks_on (fixture->store, "2025-09-01");
  check = check_of (latest, fixture->store, ID_ZHANG);
  g_assert_cmpfloat_with_epsilon (check->temperature, 36.4, 0.001);
  g_assert_cmpuint (check->symptoms, ==, 0);
  check = check_of (latest, fixture->store, ID_LI);
  g_assert_cmpfloat_with_epsilon (check->temperature, 38.2, 0.001);
  g_assert_cmpuint (check->symptoms, ==, CG_SYMPTOM_FEVER | CG_SYMPTOM_SORE_THROAT | CG_SYMPTOM_FATIGUE);
  g_clear_pointer (&latest, g_hash_table_unref);

  /* Wang's last day is still a day he was there. */
  latest = checks_on (fixture->store, "2025-09-30");
  check = check_of (latest, fixture->store, ID_WANG);
  g_assert_nonnull (check);
  g_assert_cmpuint (check->symptoms, ==, CG_SYMPTOM_DIARRHEA);
}

static void
test_checks_bad_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *later = local_time_from_now (2 * G_TIME_SPAN_HOUR, "%Y-%m-%d %H:%M");
  g_autofree char *future = NULL;
  CgStore *store = fixture->store;

  cg_test_import_ok (store, CG_REGISTER_CHECKS, CHECKS_HEADER ID_ZHANG ",2025-08-31 08:00,36.5,\n", 1, 0);

#define GOOD ID_ZHANG ",2025-09-01 08:00,36.5,\n"

  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_ZHAO ",2025-09-01 08:00,36.5,\n",
                  3, "id_number", "import the people register first");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_BAD ",2025-09-01 08:00,36.5,\n",
                  3, "id_number", "check digit");
  /* Impossible readings, with what the user should do. */
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-09-01 08:00,3.7,\n",
                  3, "temperature", "3.7 °C is not a possible body temperature (35.0–43.0 °C)");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-09-01 08:00,370,\n",
                  3, "temperature", "“370” is not a temperature");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-09-01 08:00,43.1,\n",
                  3, "temperature", "not a possible body temperature");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-09-01 08:00,,\n",
                  3, "temperature", "Type a temperature");
  future = g_strconcat (CHECKS_HEADER GOOD ID_LI ",", later, ",36.5,\n", NULL);
  assert_refused (store, CG_REGISTER_CHECKS, future, 3, "checked_at", "in the future");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-09-01,36.5,\n",
                  3, "checked_at", "has no time");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-09-01 25:00,36.5,\n",
                  3, "checked_at", "is not a date and time");
  /* Li arrived on 2025-06-01, Wang left on 2025-09-30. */
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-05-31 23:59,36.5,\n",
                  3, "checked_at", "李四 was not there on 2025-05-31: arrived on 2025-06-01");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_WANG ",2025-10-01 00:00,36.5,\n",
                  3, "checked_at", "王五 was not there on 2025-10-01: left on 2025-09-30");
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_LI ",2025-09-01 08:00,36.5,fever;sneezing\n",
                  3, "symptoms", "Unknown symptom “sneezing”");
  /* The same person and minute twice in the file. */
  assert_refused (store, CG_REGISTER_CHECKS, CHECKS_HEADER GOOD ID_ZHANG ",2025/9/1 8:00,36.7,\n",
                  3, "checked_at", "already on line 2 of this file");
  assert_refused (store, CG_REGISTER_CHECKS,
                  "身份证号,检测时间,体温,症状\n" GOOD ID_LI ",2025-09-01 08:00,36.5,打喷嚏\n",
                  3, "症状", "Unknown symptom “打喷嚏”");

#undef GOOD

  g_assert_cmpint (count_checks (store), ==, 1);
}

static void
test_checks_reimport (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) latest = NULL;
  CgStore *store = fixture->store;
  CgHealthCheck *check;
  gint64 check_id;
  int audit;
  const char *text =
    CHECKS_HEADER
    ID_ZHANG ",2025-09-01 07:45,36.5,\n"
    ID_LI ",2025-09-01 08:10,37.8,cough\n";
  const char *corrected =
    CHECKS_HEADER
    ID_ZHANG ",2025-09-01 07:45,36.5,\n"
    ID_LI ",2025-09-01 08:10,36.8,\n"
    ID_LI ",2025-09-01 16:00,36.9,\n";

  cg_test_import_ok (store, CG_REGISTER_CHECKS, text, 2, 0);
  g_assert_cmpint (count_checks (store), ==, 2);
  latest = checks_on (store, "2025-09-01");
  check_id = check_of (latest, store, ID_LI)->id;
  g_clear_pointer (&latest, g_hash_table_unref);

  /* The same file again: the same checks, counted as updated, not doubled,
   * and no change to audit but the import itself. */
  audit = count_audit (store);
  cg_test_import_ok (store, CG_REGISTER_CHECKS, text, 0, 2);
  g_assert_cmpint (count_checks (store), ==, 2);
  g_assert_cmpint (count_audit (store), ==, audit + 1);

  /* A corrected reading at the same minute updates the stored check (the
   * old value stays in the audit log); a new time is a new check. */
  audit = count_audit (store);
  cg_test_import_ok (store, CG_REGISTER_CHECKS, corrected, 1, 2);
  g_assert_cmpint (count_checks (store), ==, 3);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM audit WHERE what = 'health_check.update' "
                                             "AND old_value LIKE '% 37.8 4' AND new_value LIKE '% 36.8 0' "
                                             "AND subject = '" ID_LI "'"), ==, 1);
  g_assert_cmpint (count_audit (store), ==, audit + 2);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM health_check WHERE temperature = 37.8"), ==, 0);
  latest = checks_on (store, "2025-09-01");
  check = check_of (latest, store, ID_LI);
  g_assert_cmpfloat_with_epsilon (check->temperature, 36.9, 0.001);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM health_check WHERE temperature = 36.8 AND symptoms = 0"),
                   ==, 1);
  g_assert_cmpint (check_id, !=, 0);
}

static void
test_templates (void)
{
  g_autofree char *tests_en = cg_import_template (CG_REGISTER_TESTS, FALSE, NULL);
  g_autofree char *tests_zh = cg_import_template (CG_REGISTER_TESTS, TRUE, NULL);
  g_autofree char *checks_en = cg_import_template (CG_REGISTER_CHECKS, FALSE, NULL);
  g_autofree char *checks_zh = cg_import_template (CG_REGISTER_CHECKS, TRUE, NULL);

  g_assert_cmpstr (tests_en, ==, "\xEF\xBB\xBF" "id_number,sampled_on,result,site\r\n");
  g_assert_cmpstr (tests_zh, ==, "\xEF\xBB\xBF" "身份证号,采样日期,结果,采样点\r\n");
  g_assert_cmpstr (checks_en, ==, "\xEF\xBB\xBF" "id_number,checked_at,temperature,symptoms\r\n");
  g_assert_cmpstr (checks_zh, ==, "\xEF\xBB\xBF" "身份证号,检测时间,体温,症状\r\n");

  g_assert_cmpint (cg_register_from_string ("tests"), ==, CG_REGISTER_TESTS);
  g_assert_cmpint (cg_register_from_string ("Checks"), ==, CG_REGISTER_CHECKS);
  g_assert_cmpstr (cg_register_to_string (CG_REGISTER_TESTS), ==, "tests");
  g_assert_cmpstr (cg_register_to_string (CG_REGISTER_CHECKS), ==, "checks");
}

static void
test_missing_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text = "身份证号,检测时间,症状\n" ID_ZHANG ",2025-09-01 07:45,\n";
  CgImport *import = cg_import_prepare (fixture->store, CG_REGISTER_CHECKS, text, strlen (text), &error);

  g_assert_null (import);
  g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "temperature / 体温"));
}

int
main (int   argc,
      char *argv[])
{
  /* Local times are China's, whatever the machine running the tests. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, cg_test_store_fixture_tear_down)

  ADD ("/import/tests/utf8-english", test_tests_utf8_english);
  ADD ("/import/tests/gb18030-chinese", test_tests_gb18030_chinese);
  ADD ("/import/tests/bad-rows", test_tests_bad_rows);
  ADD ("/import/tests/update-and-reimport", test_tests_update_and_reimport);
  ADD ("/import/checks/utf8-english", test_checks_utf8_english);
  ADD ("/import/checks/gb18030-chinese", test_checks_gb18030_chinese);
  ADD ("/import/checks/bad-rows", test_checks_bad_rows);
  ADD ("/import/checks/reimport", test_checks_reimport);
  ADD ("/import/checks/missing-column", test_missing_column);
  g_test_add_func ("/import/templates", test_templates);

#undef ADD

  return g_test_run ();
}
