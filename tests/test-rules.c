/* test-rules.c — the rules engine at each rule's boundary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-room.h"
#include "cg-rules.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CgInstitutionKind kind = GPOINTER_TO_INT (data);

  cg_test_store_set_up (f, "rules", "rules.db", "测试机构", kind, 50);
}

static gint64
add_person (Fixture      *f,
            const char   *name,
            const char   *id_number,
            CgPersonKind  kind,
            const char   *arrived_on)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  g_autoptr(GError) error = NULL;

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_arrived_on (person, arrived_on);
  g_assert_true (cg_person_save (f->store, person, "test", &error));
  g_assert_no_error (error);
  return cg_person_get_id (person);
}

static void
add_test (Fixture     *f,
          gint64       person_id,
          const char  *sampled_on,
          CgNatResult  result,
          const char  *result_on)
{
  g_autoptr(CgNatTest) test = cg_nat_test_new ();
  g_autoptr(GError) error = NULL;

  test->person_id = person_id;
  test->sampled_on = g_strdup (sampled_on);
  test->result = result;
  test->result_on = g_strdup (result_on);
  g_assert_true (cg_nat_test_save (f->store, test, "test", &error));
  g_assert_no_error (error);
}

static gboolean
add_check (Fixture     *f,
           gint64       person_id,
           const char  *local_time,
           double       temperature,
           guint        symptoms,
           GError     **error)
{
  g_autoptr(CgHealthCheck) check = cg_health_check_new ();

  check->person_id = person_id;
  check->checked_at = cg_datetime_local_to_utc (local_time);
  g_assert_nonnull (check->checked_at);
  check->temperature = temperature;
  check->symptoms = symptoms;
  return cg_health_check_add (f->store, f->policy, check, "test", error);
}

/* The alerts of @day for @rule, as "severity|subject-name|message" lines. */
static GPtrArray *
alerts_for (Fixture    *f,
            const char *day,
            const char *rule)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *found = g_ptr_array_new ();
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  alerts = cg_rules_evaluate (f->store, f->policy, &date, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];

      g_assert_cmpstr (alert->date, ==, day);
      g_assert_cmpstr (alert->source, !=, "");
      if (g_strcmp0 (alert->rule, rule) == 0)
        {
          g_ptr_array_add (found, alert);
          alerts->pdata[i] = NULL;   /* keep it alive in @found */
        }
    }
  g_ptr_array_set_free_func (found, (GDestroyNotify) cg_alert_free);
  return found;
}

static CgAlert *
only_alert (Fixture    *f,
            const char *day,
            const char *rule)
{
  g_autoptr(GPtrArray) found = alerts_for (f, day, rule);
  CgAlert *alert;

  g_assert_cmpuint (found->len, ==, 1);
  alert = g_ptr_array_steal_index (found, 0);
  return alert;
}

static void
assert_no_alert (Fixture    *f,
                 const char *day,
                 const char *rule)
{
  g_autoptr(GPtrArray) found = alerts_for (f, day, rule);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_ch5_boundaries (Fixture       *f,
                     gconstpointer  data)
{
  gint64 staff = add_person (f, "林美华", "350582198503150026", CG_PERSON_STAFF, "2025-01-01");
  CgAlert *alert;

  /* Hired long ago with no negative test: a gap. */
  alert = only_alert (f, "2026-02-20", "CH-5");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_nonnull (strstr (alert->subject, "林美华"));
  g_assert_nonnull (strstr (alert->subject, "350582********0026"));
  cg_alert_free (alert);

  add_test (f, staff, "2026-03-01", CG_NAT_NEGATIVE, NULL);

  /* Day 20: due in 8 days, beyond the 7-day warning. */
  assert_no_alert (f, "2026-03-21", "CH-5");
  /* Day 21: due in 7 days. */
  alert = only_alert (f, "2026-03-22", "CH-5");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_INFO);
  g_assert_nonnull (strstr (alert->message, "2026-03-29"));
  cg_alert_free (alert);
  /* Day 28: due today, not yet overdue. */
  alert = only_alert (f, "2026-03-29", "CH-5");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_INFO);
  cg_alert_free (alert);
  /* Day 29: overdue by one day. */
  alert = only_alert (f, "2026-03-30", "CH-5");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_nonnull (strstr (alert->message, "2026-03-29"));
  g_assert_nonnull (strstr (alert->message, "2026-03-01"));
  cg_alert_free (alert);
  /* The day before the sample, as it was then: no negative yet. */
  alert = only_alert (f, "2026-02-28", "CH-5");
  g_assert_nonnull (strstr (alert->message, "No negative"));
  cg_alert_free (alert);
}

static void
test_ch5_interval_is_policy (Fixture       *f,
                             gconstpointer  data)
{
  gint64 staff = add_person (f, "林美华", "350582198503150026", CG_PERSON_STAFF, "2025-01-01");
  g_autoptr(GError) error = NULL;

  add_test (f, staff, "2026-03-01", CG_NAT_NEGATIVE, NULL);
  g_assert_true (cg_policy_set (f->store, CG_POLICY_TEST_INTERVAL_DAYS, 14, "test", &error));
  cg_test_store_load_policy (f, CG_KIND_CARE_HOME);
  /* Day 15 with a 14-day interval: overdue. */
  {
    CgAlert *alert = only_alert (f, "2026-03-16", "CH-5");
    g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
    cg_alert_free (alert);
  }
  /* Out of range is refused and changes nothing. */
  g_assert_false (cg_policy_set (f->store, CG_POLICY_TEST_INTERVAL_DAYS, 0, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cg_policy_reset_all (f->store, "test", &error));
  cg_test_store_load_policy (f, CG_KIND_CARE_HOME);
  g_assert_cmpint (cg_policy_get_int (f->policy, CG_POLICY_TEST_INTERVAL_DAYS), ==, 28);
}

static void
test_pending_and_positive (Fixture       *f,
                           gconstpointer  data)
{
  gint64 staff = add_person (f, "陈建国", "440524194001010015", CG_PERSON_STAFF, "2025-01-01");
  CgAlert *alert;

  add_test (f, staff, "2026-02-01", CG_NAT_NEGATIVE, NULL);
  /* Sampled on 03-01, the negative result came on 03-05. */
  add_test (f, staff, "2026-03-01", CG_NAT_NEGATIVE, "2026-03-05");

  /* On 03-03 the result was not in: the old negative rules, 2 days overdue. */
  alert = only_alert (f, "2026-03-03", "CH-5");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_nonnull (strstr (alert->message, "2026-02-01"));
  cg_alert_free (alert);
  /* On 03-05 it counts. */
  assert_no_alert (f, "2026-03-05", "CH-5");

  add_test (f, staff, "2026-03-10", CG_NAT_POSITIVE, NULL);
  alert = only_alert (f, "2026-03-12", "ALL-9");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_CRITICAL);
  g_assert_nonnull (strstr (alert->message, "2026-03-10"));
  cg_alert_free (alert);
  /* Before the sample nothing was known. */
  assert_no_alert (f, "2026-03-09", "ALL-9");
}

static void
test_temperature_bands (Fixture       *f,
                        gconstpointer  data)
{
  const struct { double t; CgTempBand band; } cases[] = {
    { 34.9, CG_BAND_TOO_LOW }, { 35.0, CG_BAND_RECHECK }, { 35.9, CG_BAND_RECHECK },
    { 36.0, CG_BAND_NORMAL }, { 37.0, CG_BAND_NORMAL }, { 37.1, CG_BAND_LOW_FEVER },
    { 38.0, CG_BAND_LOW_FEVER }, { 38.1, CG_BAND_MODERATE_FEVER }, { 39.0, CG_BAND_MODERATE_FEVER },
    { 39.1, CG_BAND_HIGH_FEVER }, { 41.0, CG_BAND_HIGH_FEVER }, { 41.1, CG_BAND_HYPERPYREXIA },
    { 43.0, CG_BAND_HYPERPYREXIA }, { 43.1, CG_BAND_TOO_HIGH }, { 3.7, CG_BAND_TOO_LOW },
    { 370, CG_BAND_TOO_HIGH },
  };
  const struct { const char *text; gboolean ok; double value; } parsed[] = {
    { "36.5", TRUE, 36.5 }, { " 37,1 ", TRUE, 37.1 }, { "３６．８", TRUE, 36.8 },
    { "36.5℃", TRUE, 36.5 }, { "3.7", FALSE, 0 }, { "370", FALSE, 0 }, { "36.55", FALSE, 0 },
    { "", FALSE, 0 }, { "abc", FALSE, 0 }, { "34.9", FALSE, 0 }, { "35.0", TRUE, 35.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cg_temperature_band (f->policy, cases[i].t), ==, cases[i].band);
  for (guint i = 0; i < G_N_ELEMENTS (parsed); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 0;

      g_assert_cmpint (cg_temperature_parse (f->policy, parsed[i].text, &value, &error), ==, parsed[i].ok);
      if (parsed[i].ok)
        g_assert_cmpfloat_with_epsilon (value, parsed[i].value, 1e-9);
      else
        g_assert_nonnull (error);
    }
}

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  gint64 wang = add_person (f, "王秀英", "11010519491231002X", CG_PERSON_RESIDENT, "2020-01-01");
  gint64 chen = add_person (f, "陈建国", "440524194001010015", CG_PERSON_RESIDENT, "2020-01-01");
  gint64 lin = add_person (f, "林美华", "350582198503150026", CG_PERSON_STAFF, "2020-01-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) fevers = NULL;
  CgAlert *alert;

  /* Impossible readings are refused and nothing is stored. */
  g_assert_false (add_check (f, wang, "2026-03-15 08:00", 3.7, 0, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (add_check (f, wang, "2026-03-15 08:00", 34.9, 0, &error));
  g_clear_error (&error);
  g_assert_cmpint (cg_health_check_count (f->store, NULL, NULL), ==, 0);
  /* Before the person arrived: refused. */
  g_assert_false (add_check (f, wang, "2019-12-31 08:00", 36.5, 0, &error));
  g_clear_error (&error);

  /* 37.0 is normal; nobody is flagged for it. */
  g_assert_true (add_check (f, wang, "2026-03-15 08:00", 37.0, 0, &error));
  g_assert_no_error (error);
  assert_no_alert (f, "2026-03-15", "ALL-3");
  /* Chen and Lin have no check that day. */
  missing = alerts_for (f, "2026-03-15", "ALL-1");
  g_assert_cmpuint (missing->len, ==, 2);

  /* 37.1 is a low fever: critical, with the band named. */
  g_assert_true (add_check (f, chen, "2026-03-15 08:05", 37.1, 0, &error));
  alert = only_alert (f, "2026-03-15", "ALL-3");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_CRITICAL);
  g_assert_nonnull (strstr (alert->subject, "陈建国"));
  g_assert_nonnull (strstr (alert->message, "37.1"));
  g_assert_nonnull (strstr (alert->message, "Low fever"));
  cg_alert_free (alert);

  /* The day's highest reading counts: a later normal one does not clear it. */
  g_assert_true (add_check (f, chen, "2026-03-15 15:00", 36.6, 0, &error));
  fevers = alerts_for (f, "2026-03-15", "ALL-3");
  g_assert_cmpuint (fevers->len, ==, 1);

  /* A dry cough without fever is ALL-2; 35.5 asks for a recheck. */
  g_assert_true (add_check (f, lin, "2026-03-15 07:30", 35.5, CG_SYMPTOM_DRY_COUGH, &error));
  alert = only_alert (f, "2026-03-15", "ALL-2");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_nonnull (strstr (alert->message, "Dry cough"));
  cg_alert_free (alert);
  {
    g_autoptr(GPtrArray) all3 = alerts_for (f, "2026-03-15", "ALL-3");
    g_assert_cmpuint (all3->len, ==, 2);   /* Chen's fever, Lin's recheck */
  }
  assert_no_alert (f, "2026-03-15", "ALL-1");

  /* The day counts used by charts and the report agree. */
  {
    GDate day;
    g_autoptr(GArray) days = NULL;
    CgHealthDay *d;

    cg_date_parse ("2026-03-15", &day);
    days = cg_health_days (f->store, f->policy, &day, &day, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (days->len, ==, 1);
    d = &g_array_index (days, CgHealthDay, 0);
    g_assert_cmpint (d->present, ==, 3);
    g_assert_cmpint (d->checked, ==, 3);
    g_assert_cmpint (d->fevers, ==, 1);
    g_assert_cmpint (d->symptomatic, ==, 1);
  }
}

/* The one alert of @rule on @day whose subject names @name. */
static CgAlert *
only_alert_for_subject (Fixture    *f,
                        const char *day,
                        const char *rule,
                        const char *name)
{
  g_autoptr(GPtrArray) alerts = alerts_for (f, day, rule);
  int found = -1;

  for (guint i = 0; i < alerts->len; i++)
    if (strstr (((CgAlert *) alerts->pdata[i])->subject, name) != NULL)
      {
        g_assert_cmpint (found, ==, -1);
        found = (int) i;
      }
  g_assert_cmpint (found, >=, 0);
  return g_ptr_array_steal_index (alerts, (guint) found);
}

static void
test_new_arrival (Fixture       *f,
                  gconstpointer  data)
{
  gint64 zhao = add_person (f, "赵玉兰", "350582194506120043", CG_PERSON_RESIDENT, "2026-03-10");
  gint64 nurse = add_person (f, "许丽华", "350521195207080039", CG_PERSON_STAFF, "2026-03-10");
  g_autoptr(GPtrArray) arrivals = NULL;
  CgAlert *alert;

  arrivals = alerts_for (f, "2026-03-12", "ALL-6");
  g_assert_cmpuint (arrivals->len, ==, 2);
  for (guint i = 0; i < arrivals->len; i++)
    {
      alert = arrivals->pdata[i];
      g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
      /* Isolation observation until arrival + 14 days. */
      g_assert_nonnull (strstr (alert->message, "2026-03-24"));
    }
  /* A new hire is ALL-6's business, not an overdue CH-5 test. */
  assert_no_alert (f, "2026-03-12", "CH-5");

  /* A negative sample taken before arrival does not count; one after does. */
  add_test (f, zhao, "2026-03-09", CG_NAT_NEGATIVE, NULL);
  g_clear_pointer (&arrivals, g_ptr_array_unref);
  arrivals = alerts_for (f, "2026-03-12", "ALL-6");
  for (guint i = 0; i < arrivals->len; i++)
    g_assert_cmpint (((CgAlert *) arrivals->pdata[i])->severity, ==, CG_SEVERITY_WARNING);
  g_clear_pointer (&arrivals, g_ptr_array_unref);
  add_test (f, zhao, "2026-03-11", CG_NAT_NEGATIVE, NULL);
  /* The test alone is one step of three: screening and isolation are
   * still to do. */
  alert = only_alert_for_subject (f, "2026-03-12", "ALL-6", "赵玉兰");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_nonnull (strstr (alert->message, "screening assessment"));
  g_assert_nonnull (strstr (alert->message, "isolation observation in a single room"));
  g_assert_null (strstr (alert->message, "nucleic-acid"));
  cg_alert_free (alert);

  /* Screened on arrival into a free room: the stay opens with it, and the
   * three steps are done. */
  {
    g_autoptr(CgRoom) room = cg_room_new ();
    g_autoptr(CgScreening) screening = cg_screening_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *at = cg_datetime_local_to_utc ("2026-03-10 10:00");

    room->name = g_strdup ("隔离1号");
    room->kind = CG_ROOM_ISOLATION;
    room->own_toilet = room->ventilated = room->low_traffic = TRUE;
    g_assert_true (cg_room_save (f->store, room, "test", &error));
    g_assert_no_error (error);
    screening->person_id = zhao;
    screening->screened_at = g_strdup (at);
    screening->temperature = 36.5;
    screening->health_code = CG_HEALTH_CODE_GREEN;
    screening->identity_verified = TRUE;
    g_assert_true (cg_screening_record (f->store, f->policy, screening, TRUE, "test", &error));
    g_assert_no_error (error);
    g_assert_cmpint (screening->outcome, ==, CG_SCREENING_ISOLATE);
    g_assert_cmpint (screening->stay_id, >, 0);
  }
  arrivals = alerts_for (f, "2026-03-12", "ALL-6");
  g_assert_cmpuint (arrivals->len, ==, 2);
  for (guint i = 0; i < arrivals->len; i++)
    {
      alert = arrivals->pdata[i];
      if (strstr (alert->subject, "赵玉兰") != NULL)
        g_assert_cmpint (alert->severity, ==, CG_SEVERITY_INFO);
      else
        g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
    }

  /* Day 13 of 14 still in isolation; on day 14 the arrival is done. */
  g_clear_pointer (&arrivals, g_ptr_array_unref);
  arrivals = alerts_for (f, "2026-03-23", "ALL-6");
  g_assert_cmpuint (arrivals->len, ==, 2);
  assert_no_alert (f, "2026-03-24", "ALL-6");
  /* From then on the nurse is an ordinary member of staff: CH-5 applies. */
  alert = only_alert (f, "2026-03-24", "CH-5");
  g_assert_nonnull (strstr (alert->subject, "许丽华"));
  cg_alert_free (alert);
  (void) nurse;
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);
  g_autofree char *json = NULL;
  CgAlert *alert = g_new0 (CgAlert, 1);

  alert->rule = g_strdup ("ALL-3");
  alert->severity = CG_SEVERITY_CRITICAL;
  alert->subject = g_strdup ("王\"秀英\"");
  alert->message = g_strdup ("line\nbreak");
  alert->source = "晋政民〔2020〕87号";
  alert->date = g_strdup ("2026-03-15");
  g_ptr_array_add (alerts, alert);
  json = cg_alerts_to_json (alerts);
  g_assert_nonnull (strstr (json, "\"subject\": \"王\\\"秀英\\\"\""));
  g_assert_nonnull (strstr (json, "\"message\": \"line\\nbreak\""));
  g_assert_nonnull (strstr (json, "\"severity\": \"critical\""));
  g_clear_pointer (&json, g_free);
  g_ptr_array_set_size (alerts, 0);
  json = cg_alerts_to_json (alerts);
  g_assert_cmpstr (json, ==, "[]\n");
}

static void
test_sources_by_sector (Fixture       *f,
                        gconstpointer  data)
{
  /* Each sector's alerts cite its own plan where it has the clause. */
  g_assert_nonnull (strstr (cg_rule_source_for ("ALL-1", CG_KIND_CARE_HOME), "养老 二(一)"));
  g_assert_nonnull (strstr (cg_rule_source_for ("ALL-1", CG_KIND_CHILD_WELFARE), "儿童 二(三)"));
  g_assert_nonnull (strstr (cg_rule_source_for ("ALL-1", CG_KIND_RESCUE_STATION), "救助站 二(二)"));
  g_assert_null (strstr (cg_rule_source_for ("ALL-1", CG_KIND_RESCUE_STATION), "养老"));
  /* The bands themselves are defined once, in the rescue-station plan. */
  g_assert_nonnull (strstr (cg_rule_source_for ("ALL-3", CG_KIND_CARE_HOME), "养老 二(一)"));
  g_assert_nonnull (strstr (cg_rule_source_for ("ALL-3", CG_KIND_CARE_HOME), "救助站 二(二)"));
  /* A rule without sector variants keeps its one source. */
  g_assert_cmpstr (cg_rule_source_for ("FH-5", CG_KIND_FUNERAL_HOME), ==, cg_rule_source ("FH-5"));
  g_assert_cmpstr (cg_rule_source_for ("XX-1", CG_KIND_CARE_HOME), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  gconstpointer care = GINT_TO_POINTER (CG_KIND_CARE_HOME);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, kind) \
  g_test_add (path, Fixture, kind, fixture_set_up, func, cg_test_store_fixture_tear_down)
  ADD ("/rules/ch5-boundaries", test_ch5_boundaries, care);
  ADD ("/rules/ch5-interval-is-policy", test_ch5_interval_is_policy, care);
  ADD ("/rules/pending-and-positive", test_pending_and_positive, care);
  ADD ("/rules/temperature-bands", test_temperature_bands, care);
  ADD ("/rules/checks", test_checks, care);
  ADD ("/rules/new-arrival", test_new_arrival, care);
  ADD ("/rules/json", test_json, care);
  ADD ("/rules/sources-by-sector", test_sources_by_sector, care);
#undef ADD

  return g_test_run ();
}
