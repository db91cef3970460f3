/* test-service.c — funeral services, mourners, the COVID-19 checklist,
 * staff protection, their rules (FH-2, FH-5, FH-6, FH-7) and the
 * services and mourners imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-import.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-rules.h"
#include "cg-service.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-validate.h"
#include "cg-visit.h"

typedef CgTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cg_test_store_set_up (f, "service", "funeral.db", "测试殡仪馆", CG_KIND_FUNERAL_HOME, 0);
}

static void
reload_policy (Fixture *f)
{
  cg_test_store_load_policy (f, CG_KIND_FUNERAL_HOME);
}

/* Today minus @days, local. */
static GDate
days_ago (int days)
{
  return cg_test_date (-days);
}

/* Local "HH:MM" @days ago, in UTC. */
static char *
utc_days_ago (int         days,
              const char *time)
{
  return cg_test_utc_at (-days, time);
}

static CgService *
new_service (int            seq,
             const char    *hall,
             const char    *started_at,
             CgCovidStatus  covid)
{
  CgService *s = cg_service_new ();

  s->deceased_name = g_strdup ("林德福");
  s->deceased_id_number = cg_test_id_number_born ("19400101", seq);
  s->family_contact = g_strdup ("林建华");
  g_free (s->hall);
  s->hall = g_strdup (hall);
  s->started_at = g_strdup (started_at);
  s->covid = covid;
  return s;
}

static gint64
add_service (Fixture    *f,
             int         seq,
             const char *hall,
             const char *started_at)
{
  g_autoptr(CgService) s = new_service (seq, hall, started_at, CG_COVID_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_true (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_no_error (error);
  return s->id;
}

static void
add_disinfection (Fixture    *f,
                  const char *place,
                  const char *done_at)
{
  g_autoptr(CgDisinfection) d = cg_disinfection_new ();
  g_autoptr(GError) error = NULL;

  d->place = g_strdup (place);
  d->place_kind = CG_PLACE_HALL;
  d->done_at = g_strdup (done_at);
  d->operator = g_strdup ("陈丽");
  g_assert_true (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_no_error (error);
}

static CgMourner *
check_in (Fixture    *f,
          gint64      service_id,
          const char *name,
          const char *arrived_at,
          const char *left_at,
          double      temperature,
          guint       symptoms)
{
  CgMourner *m = cg_mourner_new ();
  g_autoptr(GError) error = NULL;

  m->service_id = service_id;
  m->name = g_strdup (name);
  m->arrived_at = g_strdup (arrived_at);
  m->left_at = g_strdup (left_at);
  m->temperature = temperature;
  m->symptoms = symptoms;
  g_assert_true (cg_mourner_check_in (f->store, f->policy, m, "test", &error));
  g_assert_no_error (error);
  return m;
}

static GPtrArray *
evaluate (Fixture     *f,
          const GDate *date)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);

  g_assert_true (cg_service_evaluate_rules (f->store, f->policy, date, alerts, &error));
  g_assert_no_error (error);
  return alerts;
}

/* Alerts of @rule (with @severity, or any when negative) whose message
 * contains @needle (NULL for any). */
static guint
count_alerts (GPtrArray  *alerts,
              const char *rule,
              int         severity,
              const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const CgAlert *a = g_ptr_array_index (alerts, i);

      if (strcmp (a->rule, rule) == 0 && (severity < 0 || (int) a->severity == severity)
          && (needle == NULL || strstr (a->message, needle) != NULL))
        n++;
    }
  return n;
}

/* ---------------------------------------------------------------------- */

static void
test_limit_boundary (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CgService) s = new_service (1, "一号礼厅", "2020-10-01T00:00:00Z", CG_COVID_NONE);
  g_autoptr(GError) error = NULL;
  gint64 left;

  g_assert_true (cg_service_validate (f->policy, CG_RISK_LOW, s, &error));
  g_assert_no_error (error);
  /* No planned end given: the limit, 72 hours. */
  g_assert_cmpstr (s->planned_end_at, ==, "2020-10-04T00:00:00Z");

  /* 3 days exactly: within the limit (approaching it, no time left). */
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_LOW, s, "2020-10-04T00:00:00Z", &left),
                   ==, CG_MOURNING_APPROACHING);
  g_assert_cmpint (left, ==, 0);
  /* 3 days and 1 minute: over, by one minute. */
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_LOW, s, "2020-10-04T00:01:00Z", &left),
                   ==, CG_MOURNING_OVER);
  g_assert_cmpint (left, ==, -1);
  /* The warn hours (12): 12 h 01 min left is fine, 12 h is approaching. */
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_LOW, s, "2020-10-03T11:59:00Z", &left),
                   ==, CG_MOURNING_WITHIN);
  g_assert_cmpint (left, ==, 12 * 60 + 1);
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_LOW, s, "2020-10-03T12:00:00Z", &left),
                   ==, CG_MOURNING_APPROACHING);
  g_assert_cmpint (left, ==, 12 * 60);

  /* An ended service stays as it was at its end. */
  s->ended_at = g_strdup ("2020-10-02T00:00:00Z");
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_LOW, s, "2020-10-09T00:00:00Z", &left),
                   ==, CG_MOURNING_WITHIN);
  g_assert_cmpint (left, ==, 48 * 60);
  g_clear_pointer (&s->ended_at, g_free);

  /* A planned end of exactly 72 hours is accepted; one minute more refused. */
  g_free (s->planned_end_at);
  s->planned_end_at = g_strdup ("2020-10-04T00:00:00Z");
  g_assert_true (cg_service_validate (f->policy, CG_RISK_LOW, s, &error));
  g_assert_no_error (error);
  g_free (s->planned_end_at);
  s->planned_end_at = g_strdup ("2020-10-04T00:01:00Z");
  g_assert_false (cg_service_validate (f->policy, CG_RISK_LOW, s, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "72"));
}

static void
test_risk_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CgService) s = new_service (2, "二号礼厅", "2020-10-01T00:00:00Z", CG_COVID_NONE);
  g_autoptr(CgService) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = utc_days_ago (1, "08:00");
  gint64 left;

  g_assert_true (cg_policy_set (f->store, CG_POLICY_MOURNING_LIMIT_HIGH_HOURS, 24, "test", &error));
  g_assert_no_error (error);
  reload_policy (f);

  /* 30 hours in: within the low-risk limit, over the high-risk one by 6 h. */
  g_assert_true (cg_service_validate (f->policy, CG_RISK_LOW, s, &error));
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_LOW, s, "2020-10-02T06:00:00Z", &left),
                   ==, CG_MOURNING_WITHIN);
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_HIGH, s, "2020-10-02T06:00:00Z", &left),
                   ==, CG_MOURNING_OVER);
  g_assert_cmpint (left, ==, -6 * 60);

  /* Stored in a high-risk area: the planned end is the 24-hour limit, and
   * the 72 hours of the low-risk area are refused. */
  g_assert_true (cg_institution_set_risk (f->store, CG_RISK_HIGH, "test", &error));
  g_assert_no_error (error);
  g_clear_pointer (&s, cg_service_free);
  s = new_service (3, "二号礼厅", start, CG_COVID_NONE);
  g_assert_true (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_no_error (error);
  stored = cg_service_get (f->store, s->id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) a = g_date_time_new_from_iso8601 (stored->started_at, NULL);
    g_autoptr(GDateTime) b = g_date_time_new_from_iso8601 (stored->planned_end_at, NULL);

    g_assert_cmpint (g_date_time_difference (b, a), ==, 24 * G_TIME_SPAN_HOUR);
  }
  g_clear_pointer (&s, cg_service_free);
  s = new_service (4, "三号礼厅", "2020-10-01T00:00:00Z", CG_COVID_NONE);
  s->planned_end_at = g_strdup ("2020-10-04T00:00:00Z");
  g_assert_false (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_cmpint (s->id, ==, 0);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM service"), ==, 1);
}

static void
test_covid_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (0, "00:00");
  g_autofree char *later = NULL;
  g_autoptr(CgService) s = NULL;
  g_autoptr(CgMourner) m = cg_mourner_new ();
  g_autoptr(GError) error = NULL;

  /* A mourning period (a planned end after the start) … */
  s = new_service (10, "", start, CG_COVID_SUSPECTED);
  {
    g_autoptr(GDateTime) a = g_date_time_new_from_iso8601 (start, NULL);
    g_autoptr(GDateTime) b = g_date_time_add_hours (a, 24);

    later = g_date_time_format_iso8601 (b);
  }
  s->planned_end_at = g_strdup (later);
  g_assert_false (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FH-7"));
  g_assert_nonnull (strstr (error->message, "Planned end"));
  g_clear_error (&error);
  g_clear_pointer (&s->planned_end_at, g_free);

  /* … a farewell ceremony … */
  s->ceremony = TRUE;
  g_assert_false (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ceremony"));
  g_clear_error (&error);
  s->ceremony = FALSE;

  /* … a hall (no storage, no viewing) … */
  g_free (s->hall);
  s->hall = g_strdup ("一号礼厅");
  g_assert_false (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (s->hall);
  s->hall = g_strdup ("");
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM service"), ==, 0);

  /* Without them the case is registered, with no mourning period. */
  g_assert_true (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s->planned_end_at, ==, s->started_at);
  g_assert_cmpint (cg_service_mourning_state (f->policy, CG_RISK_LOW, s, NULL, NULL), ==, CG_MOURNING_NONE);

  /* … and neither a ceremony later nor a mourner. */
  g_assert_false (cg_service_set_ceremony (f->store, s->id, TRUE, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  m->service_id = s->id;
  m->name = g_strdup ("林小红");
  m->temperature = 36.5;
  g_assert_false (cg_mourner_check_in (f->store, f->policy, m, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FH-7"));
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM mourner"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT ceremony FROM service"), ==, 0);
}

static void
test_close_needs_final_disinfection (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (3, "08:00");
  g_autofree char *before = utc_days_ago (1, "10:10");
  g_autofree char *end = utc_days_ago (1, "10:20");
  g_autofree char *after = utc_days_ago (1, "10:30");
  g_autofree char *next = utc_days_ago (1, "11:00");
  g_autoptr(CgService) stored = NULL;
  g_autoptr(CgService) second = new_service (21, "一号礼厅", next, CG_COVID_NONE);
  g_autoptr(GError) error = NULL;
  gint64 id = add_service (f, 20, "一号礼厅", start);

  /* The hall holds this service until it ends: a second one is refused. */
  g_assert_false (cg_service_add (f->store, f->policy, second, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "一号礼厅"));
  g_clear_error (&error);

  /* Nothing on the log, then only a disinfection before the end: refused. */
  g_assert_false (cg_service_close (f->store, id, end, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "一号礼厅"));
  g_clear_error (&error);
  add_disinfection (f, "一号礼厅", before);
  add_disinfection (f, "二号礼厅", after);
  g_assert_false (cg_service_close (f->store, id, end, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM service WHERE ended_at IS NULL"), ==, 1);

  /* The final disinfection of this hall after the end: closed. */
  add_disinfection (f, "一号礼厅", after);
  g_assert_true (cg_service_close (f->store, id, end, "test", &error));
  g_assert_no_error (error);
  stored = cg_service_get (f->store, id, &error);
  g_assert_cmpstr (stored->ended_at, ==, end);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM audit WHERE what = 'service.close'"), ==, 1);
  /* Free again after the end. */
  g_clear_pointer (&second, cg_service_free);
  second = new_service (21, "一号礼厅", next, CG_COVID_NONE);
  g_assert_true (cg_service_add (f->store, f->policy, second, "test", &error));
  g_assert_no_error (error);

  /* Not twice. */
  g_assert_false (cg_service_close (f->store, id, NULL, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
}

static void
test_hall_disinfections (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (1, "08:00");
  g_autofree char *first = utc_days_ago (1, "07:30");
  g_autofree char *second = utc_days_ago (1, "18:00");
  g_autofree char *today = utc_days_ago (0, "00:01");
  g_autoptr(GPtrArray) alerts = NULL;
  GDate yesterday = days_ago (1);
  GDate date_today = days_ago (0);

  add_service (f, 30, "一号礼厅", start);
  add_disinfection (f, "一号礼厅", first);
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-6", CG_SEVERITY_WARNING, "一号礼厅"), ==, 1);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  add_disinfection (f, "一号礼厅", second);
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-6", -1, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* Today is not judged before it is over, whatever the count so far. */
  add_disinfection (f, "一号礼厅", today);
  alerts = evaluate (f, &date_today);
  g_assert_cmpuint (count_alerts (alerts, "FH-6", -1, NULL), ==, 0);
}

static void
test_mourners (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (1, "08:00");
  g_autofree char *at = utc_days_ago (1, "09:00");
  g_autofree char *left = utc_days_ago (1, "09:30");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgMourner) fever = NULL;
  g_autoptr(CgMourner) cough = NULL;
  g_autoptr(CgMourner) full = NULL;
  g_autoptr(CgMourner) ok = NULL;
  g_autoptr(CgMourner) yellow = cg_mourner_new ();
  gint64 id = add_service (f, 40, "一号礼厅", start);
  int admitted = -1, refused = -1;

  ok = check_in (f, id, "林小红", at, NULL, 36.5, 0);
  g_assert_cmpuint (ok->refusal, ==, 0);
  fever = check_in (f, id, "林小明", at, NULL, 38.1, 0);
  g_assert_cmpuint (fever->refusal, ==, CG_REFUSE_FEVER);
  g_assert_null (fever->left_at);
  cough = check_in (f, id, "林小刚", at, NULL, 36.6, CG_SYMPTOM_COUGH | CG_SYMPTOM_SORE_THROAT);
  g_assert_cmpuint (cough->refusal, ==, CG_REFUSE_SYMPTOMS);
  yellow->service_id = id;
  yellow->name = g_strdup ("王五");
  yellow->arrived_at = g_strdup (at);
  yellow->temperature = 36.4;
  yellow->health_code = CG_HEALTH_CODE_YELLOW;
  g_assert_true (cg_mourner_check_in (f->store, f->policy, yellow, "test", &error));
  g_assert_cmpuint (yellow->refusal, ==, CG_REFUSE_HEALTH_CODE);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM mourner WHERE refusal <> 0"), ==, 3);
  g_assert_cmpint (cg_mourner_count_inside (f->store, id, at, &error), ==, 1);

  /* The limit at once: 2 → a second admitted, a third refused "full". */
  g_assert_true (cg_policy_set (f->store, CG_POLICY_MAX_MOURNERS, 2, "test", &error));
  reload_policy (f);
  g_clear_pointer (&ok, cg_mourner_free);
  ok = check_in (f, id, "林小兰", at, NULL, 36.5, 0);
  g_assert_cmpuint (ok->refusal, ==, 0);
  full = check_in (f, id, "林小芳", at, NULL, 36.5, 0);
  g_assert_cmpuint (full->refusal, ==, CG_REFUSE_FULL);

  /* Check-out: not for a refused mourner, not before the arrival. */
  g_assert_false (cg_mourner_check_out (f->store, full->id, left, "test", &error));
  g_clear_error (&error);
  g_assert_false (cg_mourner_check_out (f->store, ok->id, start, "test", &error));
  g_clear_error (&error);
  g_assert_true (cg_mourner_check_out (f->store, ok->id, left, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_mourner_count_inside (f->store, id, left, &error), ==, 1);

  {
    GDate yesterday = days_ago (1);

    g_assert_true (cg_mourner_count_day (f->store, id, &yesterday, &admitted, &refused, &error));
    g_assert_cmpint (admitted, ==, 2);
    g_assert_cmpint (refused, ==, 4);
  }
}

static void
test_overstay (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (1, "08:00");
  g_autofree char *a1 = utc_days_ago (1, "10:00");
  g_autofree char *l1 = utc_days_ago (1, "11:00");
  g_autofree char *l2 = utc_days_ago (1, "11:01");
  g_autoptr(CgMourner) m1 = NULL;
  g_autoptr(CgMourner) m2 = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  GDate yesterday = days_ago (1);
  gint64 id = add_service (f, 50, "一号礼厅", start);

  /* 60 minutes is the maximum: not an overstay; 61 is. */
  m1 = check_in (f, id, "甲", a1, l1, 36.5, 0);
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-6", -1, "longer than"), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  m2 = check_in (f, id, "乙", a1, l2, 36.5, 0);
  g_assert_false (cg_mourner_is_overstay (f->policy, m1, NULL));
  g_assert_true (cg_mourner_is_overstay (f->policy, m2, NULL));
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-6", CG_SEVERITY_WARNING, "61"), ==, 1);
}

static void
test_gathering (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (1, "08:00");
  g_autoptr(GPtrArray) alerts = NULL;
  GDate yesterday = days_ago (1);
  gint64 id = add_service (f, 60, "一号礼厅", start);

  /* 50 mourners one after another (two minutes each): no plan needed. */
  for (int i = 0; i < 51; i++)
    {
      g_autofree char *time = g_strdup_printf ("%02d:%02d", 9 + (i * 2) / 60, (i * 2) % 60);
      g_autofree char *ltime = g_strdup_printf ("%02d:%02d", 9 + (i * 2 + 1) / 60, (i * 2 + 1) % 60);
      g_autofree char *a = utc_days_ago (1, time);
      g_autofree char *l = utc_days_ago (1, ltime);
      g_autofree char *name = g_strdup_printf ("来宾%d", i + 1);
      g_autoptr(CgMourner) m = check_in (f, id, name, a, l, 36.5, 0);

      g_assert_cmpuint (m->refusal, ==, 0);
      if (i == 49)
        {
          alerts = evaluate (f, &yesterday);
          g_assert_cmpuint (count_alerts (alerts, "FH-6", -1, "prevention plan"), ==, 0);
          g_clear_pointer (&alerts, g_ptr_array_unref);
        }
    }
  /* The 51st: a prevention plan is needed. */
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-6", CG_SEVERITY_WARNING, "prevention plan"), ==, 1);
  g_assert_cmpuint (count_alerts (alerts, "FH-6", CG_SEVERITY_WARNING, "51"), ==, 1);
}

static void
test_mourning_alerts (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *over = utc_days_ago (4, "08:00");
  g_autofree char *near = utc_days_ago (3, "08:00");
  g_autofree char *fine = utc_days_ago (1, "08:00");
  g_autoptr(GPtrArray) alerts = NULL;
  GDate yesterday = days_ago (1);

  /* By the end of yesterday: 88 h (over by 16 h), 64 h (8 h left), 16 h. */
  add_service (f, 70, "一号礼厅", over);
  add_service (f, 71, "二号礼厅", near);
  add_service (f, 72, "三号礼厅", fine);
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-5", CG_SEVERITY_CRITICAL, NULL), ==, 1);
  g_assert_cmpuint (count_alerts (alerts, "FH-5", CG_SEVERITY_CRITICAL, "16 h 00 min"), ==, 1);
  g_assert_cmpuint (count_alerts (alerts, "FH-5", CG_SEVERITY_WARNING, NULL), ==, 1);
  g_assert_cmpuint (count_alerts (alerts, "FH-5", CG_SEVERITY_WARNING, "8 h 00 min"), ==, 1);
}

static void
test_covid_checklist (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (1, "08:00");
  g_autoptr(CgService) s = new_service (80, "", start, CG_COVID_CONFIRMED);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  GDate yesterday = days_ago (1);
  const char *times[CG_N_COVID_STEPS] = { "09:00", "09:30", "10:30", "10:40", "11:00", "12:00", "12:30" };

  g_assert_true (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_no_error (error);

  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-7", CG_SEVERITY_CRITICAL, "7"), ==, 1);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* Order: no transport before the handover. */
  {
    g_autofree char *t = utc_days_ago (1, "09:30");

    g_assert_false (cg_service_record_step (f->store, s->id, CG_COVID_STEP_TRANSPORT, t, "张师傅", NULL, "test", &error));
    g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* And no step done by nobody. */
  {
    g_autofree char *t = utc_days_ago (1, "09:00");

    g_assert_false (cg_service_record_step (f->store, s->id, CG_COVID_STEP_HANDOVER, t, " ", NULL, "test", &error));
    g_clear_error (&error);
  }

  for (int i = 0; i < CG_N_COVID_STEPS; i++)
    {
      g_autofree char *t = utc_days_ago (1, times[i]);

      if (i == CG_N_COVID_STEPS - 1)
        {
          /* Closing is refused until the checklist is complete. */
          g_assert_false (cg_service_close (f->store, s->id, NULL, "test", &error));
          g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
          g_clear_error (&error);
          alerts = evaluate (f, &yesterday);
          g_assert_cmpuint (count_alerts (alerts, "FH-7", CG_SEVERITY_CRITICAL, NULL), ==, 1);
          g_clear_pointer (&alerts, g_ptr_array_unref);
        }
      g_assert_true (cg_service_record_step (f->store, s->id, i, t, "张师傅", NULL, "test", &error));
      g_assert_no_error (error);
    }
  /* Twice refused. */
  g_assert_false (cg_service_record_step (f->store, s->id, CG_COVID_STEP_REPORT, NULL, "张师傅", NULL, "test", &error));
  g_clear_error (&error);

  steps = cg_service_checklist (f->store, s->id, &error);
  g_assert_cmpuint (steps->len, ==, CG_N_COVID_STEPS);
  for (guint i = 0; i < steps->len; i++)
    {
      const CgCovidStepRecord *r = g_ptr_array_index (steps, i);

      g_assert_true (r->done);
      g_assert_cmpstr (r->who, ==, "张师傅");
    }
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-7", -1, NULL), ==, 0);
  g_assert_true (cg_service_close (f->store, s->id, NULL, "test", &error));
  g_assert_no_error (error);
}

static void
test_protection (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *t = utc_days_ago (1, "10:00");
  g_autoptr(CgProtection) p = cg_protection_new ();
  g_autoptr(CgProtection) q = cg_protection_new ();
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  GDate yesterday = days_ago (1);

  p->kind = CG_PROTECTION_TRANSPORT;
  p->done_at = g_strdup (t);
  g_free (p->staff);
  p->staff = g_strdup ("张师傅");
  p->suit = TRUE;
  p->goggles = FALSE;
  g_assert_true (cg_protection_add (f->store, p, "test", &error));
  g_assert_no_error (error);
  q->kind = CG_PROTECTION_CREMATION;
  q->done_at = g_strdup (t);
  g_free (q->staff);
  q->staff = g_strdup ("李师傅");
  q->suit = TRUE;
  q->goggles = TRUE;
  g_assert_true (cg_protection_add (f->store, q, "test", &error));

  /* Low risk: not required. */
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-2", -1, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  /* Medium: the transport without goggles is flagged, the cremation not. */
  g_assert_true (cg_institution_set_risk (f->store, CG_RISK_MEDIUM, "test", &error));
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-2", CG_SEVERITY_WARNING, NULL), ==, 1);
}

static void
test_mark_covid (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *start = utc_days_ago (1, "08:00");
  g_autofree char *at = utc_days_ago (1, "09:00");
  g_autoptr(CgMourner) m = NULL;
  g_autoptr(CgMourner) later = cg_mourner_new ();
  g_autoptr(CgService) stored = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  GDate yesterday = days_ago (1);
  gint64 id = add_service (f, 85, "一号礼厅", start);

  g_assert_true (cg_service_set_ceremony (f->store, id, TRUE, "test", &error));
  g_assert_no_error (error);
  m = check_in (f, id, "林小红", at, NULL, 36.5, 0);

  g_assert_true (cg_service_set_covid (f->store, id, CG_COVID_SUSPECTED, "test", &error));
  g_assert_no_error (error);
  stored = cg_service_get (f->store, id, &error);
  g_assert_cmpint (stored->covid, ==, CG_COVID_SUSPECTED);
  g_assert_cmpstr (stored->hall, ==, "");
  g_assert_false (stored->ceremony);
  g_assert_cmpstr (stored->planned_end_at, ==, stored->started_at);

  /* No more mourners; never marked back; confirmed is fine. */
  later->service_id = id;
  later->name = g_strdup ("林小明");
  later->temperature = 36.5;
  g_assert_false (cg_mourner_check_in (f->store, f->policy, later, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cg_service_set_covid (f->store, id, CG_COVID_NONE, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cg_service_set_covid (f->store, id, CG_COVID_CONFIRMED, "test", &error));
  g_assert_no_error (error);

  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-7", CG_SEVERITY_CRITICAL, NULL), ==, 1);
  g_assert_cmpuint (count_alerts (alerts, "FH-5", -1, NULL), ==, 0);
}

/* The register's search: newest first, by a part of the name, contact or
 * hall, the start of the ID number or the service number; LIKE's
 * wildcards are taken literally.  Protection records by service. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *first = utc_days_ago (9, "08:00");
  g_autofree char *second = utc_days_ago (5, "08:00");
  g_autofree char *third = utc_days_ago (1, "08:00");
  g_autofree char *lower_id = NULL;
  g_autofree char *number = NULL;
  g_autoptr(CgService) other = new_service (5, "西礼厅", third, CG_COVID_NONE);   /* check digit X */
  g_autoptr(CgProtection) p = cg_protection_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  a = add_service (f, 1, "东礼厅", first);
  g_assert_true (cg_service_close (f->store, a, second, "test", &error) == FALSE);  /* no final disinfection */
  g_clear_error (&error);
  add_disinfection (f, "东礼厅", second);
  g_assert_true (cg_service_close (f->store, a, second, "test", &error));
  b = add_service (f, 2, "东礼厅", second);
  g_free (other->deceased_name);
  other->deceased_name = g_strdup ("陈%秀_英");
  g_free (other->family_contact);
  other->family_contact = g_strdup ("陈国强");
  g_assert_true (cg_service_add (f->store, f->policy, other, "test", &error));
  g_assert_no_error (error);

  /* Everything, newest first; the limit holds. */
  found = cg_service_search (f->store, NULL, 10, &error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (((CgService *) found->pdata[0])->id, ==, other->id);
  g_assert_cmpint (((CgService *) found->pdata[1])->id, ==, b);
  g_assert_cmpint (((CgService *) found->pdata[2])->id, ==, a);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = cg_service_search (f->store, "  ", 2, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A part of the name or the family contact. */
  found = cg_service_search (f->store, "德福", 10, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = cg_service_search (f->store, "国强", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((CgService *) found->pdata[0])->id, ==, other->id);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* "%" and "_" are letters here, not wildcards. */
  found = cg_service_search (f->store, "%秀_", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = cg_service_search (f->store, "陈_秀", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* The hall. */
  found = cg_service_search (f->store, "西礼", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* The start of the ID number, not its middle; the check digit X in lower case. */
  found = cg_service_search (f->store, "350582", 10, &error);
  g_assert_cmpuint (found->len, ==, 3);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = cg_service_search (f->store, "19400101", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  lower_id = g_ascii_strdown (other->deceased_id_number, -1);
  found = cg_service_search (f->store, lower_id, 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* The service number. */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, b);
  found = cg_service_search (f->store, number, 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((CgService *) found->pdata[0])->id, ==, b);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Protection records of a service, and none of another. */
  p->service_id = b;
  p->kind = CG_PROTECTION_CREMATION;
  p->done_at = g_strdup (third);
  g_free (p->staff);
  p->staff = g_strdup ("李师傅");
  p->suit = TRUE;
  g_assert_true (cg_protection_add (f->store, p, "test", &error));
  g_assert_no_error (error);
  records = cg_protection_list_service (f->store, b, &error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((CgProtection *) records->pdata[0])->staff, ==, "李师傅");
  g_assert_true (((CgProtection *) records->pdata[0])->suit);
  g_assert_false (((CgProtection *) records->pdata[0])->goggles);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = cg_protection_list_service (f->store, a, &error);
  g_assert_cmpuint (records->len, ==, 0);

  /* The halls known: those of the services and a hall of the disinfection
   * log with no service yet (by name, bytes: 东 < 北 < 西); busy are
   * those with a service in progress — 东礼厅 (b) and 西礼厅. */
  add_disinfection (f, "北礼厅", first);
  {
    g_autoptr(CgDisinfection) d = cg_disinfection_new ();   /* not a hall */

    d->place = g_strdup ("业务厅");
    d->place_kind = CG_PLACE_BUSINESS_HALL;
    d->done_at = g_strdup (first);
    d->operator = g_strdup ("陈丽");
    g_assert_true (cg_disinfection_add (f->store, d, "test", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GHashTable) busy = NULL;
    g_autoptr(GPtrArray) halls = cg_service_known_halls (f->store, &busy, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (halls->len, ==, 3);
    g_assert_cmpstr (halls->pdata[0], ==, "东礼厅");
    g_assert_cmpstr (halls->pdata[1], ==, "北礼厅");
    g_assert_cmpstr (halls->pdata[2], ==, "西礼厅");
    g_assert_cmpuint (g_hash_table_size (busy), ==, 2);
    g_assert_true (g_hash_table_contains (busy, "东礼厅"));
    g_assert_true (g_hash_table_contains (busy, "西礼厅"));
  }
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id1 = cg_test_id_number_born ("19400101", 90);
  g_autofree char *id2 = cg_test_id_number_born ("19400101", 91);
  g_autofree char *id3 = cg_test_id_number_born ("19400101", 92);
  GDate d2 = days_ago (2);
  GDate d1 = days_ago (1);
  g_autofree char *day2 = cg_date_to_iso (&d2);
  g_autofree char *day1 = cg_date_to_iso (&d1);
  g_autofree char *services_bad = NULL;
  g_autofree char *services_good = NULL;
  g_autofree char *mourners = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GError) error = NULL;

  /* A COVID-19 case with a hall: the whole file is refused. */
  services_bad = g_strdup_printf ("逝者姓名,逝者身份证号,家属联系人,电话,灵堂,开始时间,结束时间,新冠情况\n"
                                  "林德福,%s,林建华,13905951234,一号礼厅,%s 08:00,,无\n"
                                  "陈阿婆,%s,陈明,,二号礼厅,%s 09:00,,疑似\n",
                                  id1, day2, id2, day2);
  import = cg_test_import_prepare (f->store, CG_REGISTER_SERVICES, services_bad);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 1);
  g_assert_false (cg_import_commit (import, f->store, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&import, cg_import_free);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM service"), ==, 0);

  services_good = g_strdup_printf ("deceased_name,deceased_id_number,family_contact,hall,started_at,covid\n"
                                   "林德福,%s,林建华,一号礼厅,%s 08:00,none\n"
                                   "陈阿婆,%s,陈明,,%s 09:00,suspected\n"
                                   "王老伯,%s,王强,二号礼厅,%s 10:00,无\n",
                                   id1, day2, id2, day2, id3, day1);
  import = cg_test_import_prepare (f->store, CG_REGISTER_SERVICES, services_good);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 0);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 3);
  g_assert_true (cg_import_commit (import, f->store, "test", &error));
  g_assert_no_error (error);
  g_clear_pointer (&import, cg_import_free);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM service"), ==, 3);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM service WHERE covid = 'suspected' AND planned_end_at = started_at"), ==, 1);
  /* Twice: nothing more. */
  import = cg_test_import_prepare (f->store, CG_REGISTER_SERVICES, services_good);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 0);
  g_assert_true (cg_import_commit (import, f->store, "test", &error));
  g_clear_pointer (&import, cg_import_free);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM service"), ==, 3);

  /* Mourners: a mourner of the COVID-19 case makes the file refused. */
  mourners = g_strdup_printf ("逝者身份证号,姓名,到达时间,离开时间,体温,症状\n"
                              "%s,林小红,%s 09:00,%s 09:20,36.5,\n"
                              "%s,林小明,%s 09:05,,38.2,\n"
                              "%s,陈小兵,%s 09:10,,36.4,\n",
                              id1, day2, day2, id1, day2, id2, day2);
  import = cg_test_import_prepare (f->store, CG_REGISTER_MOURNERS, mourners);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 1);
  g_assert_false (cg_import_commit (import, f->store, "test", &error));
  g_clear_error (&error);
  g_clear_pointer (&import, cg_import_free);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM mourner"), ==, 0);

  /* Without it: the feverish one is stored refused; the service by number. */
  g_clear_pointer (&mourners, g_free);
  mourners = g_strdup_printf ("service,deceased_id_number,name,arrived_at,left_at,temperature,symptoms\n"
                              ",%s,林小红,%s 09:00,%s 09:20,36.5,\n"
                              ",%s,林小明,%s 09:05,,38.2,\n"
                              "3,,王小军,%s 11:00,%s 11:30,36.6,咳嗽\n",
                              id1, day2, day2, id1, day2, day1, day1);
  import = cg_test_import_prepare (f->store, CG_REGISTER_MOURNERS, mourners);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 0);
  g_assert_true (cg_import_commit (import, f->store, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM mourner"), ==, 3);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT refusal FROM mourner WHERE name = '林小明'"), ==, CG_REFUSE_FEVER);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT refusal FROM mourner WHERE name = '王小军'"), ==, CG_REFUSE_SYMPTOMS);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT refusal FROM mourner WHERE name = '林小红'"), ==, 0);
}

/* FH-4: a vehicle disinfection after each trip, before the next one (or
 * within 12 hours of the last).  Two days ago:
 *   08:00 trip A, vehicle disinfected 08:40            fine
 *   10:00 trip B, nothing before C (the 14:00 one is C's) FH-4
 *   14:00 trip C, disinfected 14:00 exactly             fine
 *   16:00 cremation (not a trip)
 *   20:00 trip D, the next trip 07:00 the day after,
 *         disinfected only at 07:30                     FH-4
 * Today a trip an hour ago with nothing yet: its window is open. */
static void
add_trip (Fixture          *f,
          CgProtectionKind  kind,
          const char       *done_at,
          const char       *staff)
{
  g_autoptr(CgProtection) p = cg_protection_new ();
  g_autoptr(GError) error = NULL;

  p->kind = kind;
  p->done_at = g_strdup (done_at);
  g_free (p->staff);
  p->staff = g_strdup (staff);
  p->suit = p->goggles = TRUE;
  g_assert_true (cg_protection_add (f->store, p, "test", &error));
  g_assert_no_error (error);
}

static void
add_vehicle_disinfection (Fixture    *f,
                          const char *done_at)
{
  g_autoptr(CgDisinfection) d = cg_disinfection_new ();
  g_autoptr(GError) error = NULL;

  d->place = g_strdup ("接运车");
  d->place_kind = CG_PLACE_VEHICLE;
  d->done_at = g_strdup (done_at);
  d->operator = g_strdup ("陈丽");
  g_assert_true (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_no_error (error);
}

static void
test_trips (Fixture       *f,
            gconstpointer  data)
{
  GDate two_days_ago = days_ago (2);
  GDate yesterday = days_ago (1);
  GDate today = days_ago (0);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autofree char *recent = g_date_time_format (hour_ago, "%Y-%m-%dT%H:%M:%SZ");
  struct { int days; const char *time; const char *staff; } trips[] = {
    { 2, "08:00", "甲" }, { 2, "10:00", "乙" }, { 2, "14:00", "丙" }, { 2, "20:00", "丁" }, { 1, "07:00", "戊" },
  };
  struct { int days; const char *time; } cleaned[] = {
    { 2, "08:40" }, { 2, "14:00" }, { 1, "07:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (trips); i++)
    {
      g_autofree char *at = utc_days_ago (trips[i].days, trips[i].time);

      add_trip (f, CG_PROTECTION_TRANSPORT, at, trips[i].staff);
    }
  {
    g_autofree char *at = utc_days_ago (2, "16:00");

    add_trip (f, CG_PROTECTION_CREMATION, at, "己");
  }
  for (guint i = 0; i < G_N_ELEMENTS (cleaned); i++)
    {
      g_autofree char *at = utc_days_ago (cleaned[i].days, cleaned[i].time);

      add_vehicle_disinfection (f, at);
    }

  alerts = evaluate (f, &two_days_ago);
  g_assert_cmpuint (count_alerts (alerts, "FH-4", CG_SEVERITY_WARNING, NULL), ==, 2);
  g_assert_cmpuint (count_alerts (alerts, "FH-4", -1, "乙"), ==, 1);
  g_assert_cmpuint (count_alerts (alerts, "FH-4", -1, "丁"), ==, 1);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  /* Yesterday's trip at 07:00 was disinfected at 07:30. */
  alerts = evaluate (f, &yesterday);
  g_assert_cmpuint (count_alerts (alerts, "FH-4", -1, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* A trip an hour ago: the vehicle may be on its way back. */
  add_trip (f, CG_PROTECTION_TRANSPORT, recent, "庚");
  alerts = evaluate (f, &today);
  g_assert_cmpuint (count_alerts (alerts, "FH-4", -1, NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, cg_test_store_fixture_tear_down)
  ADD ("/service/limit-boundary", test_limit_boundary);
  ADD ("/service/risk-limit", test_risk_limit);
  ADD ("/service/covid-refusals", test_covid_refusals);
  ADD ("/service/close-final-disinfection", test_close_needs_final_disinfection);
  ADD ("/service/hall-disinfections", test_hall_disinfections);
  ADD ("/service/mourners", test_mourners);
  ADD ("/service/overstay", test_overstay);
  ADD ("/service/gathering", test_gathering);
  ADD ("/service/mourning-alerts", test_mourning_alerts);
  ADD ("/service/covid-checklist", test_covid_checklist);
  ADD ("/service/protection", test_protection);
  ADD ("/service/mark-covid", test_mark_covid);
  ADD ("/service/import", test_import);
  ADD ("/service/search", test_search);
  ADD ("/service/trips-fh4", test_trips);
#undef ADD

  return g_test_run ();
}
