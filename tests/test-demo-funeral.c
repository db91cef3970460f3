/* test-demo-funeral.c — the small demonstration funeral home: its
 * services, mourners, hall disinfections and COVID-19 checklist tell the
 * story cg-demo-funeral.c promises, through the rules (FH-4, FH-5, FH-6, FH-7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-date.h"
#include "cg-demo.h"
#include "cg-disinfection.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-rules.h"
#include "cg-service.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-visit.h"

typedef struct
{
  CgTestStore  db;
  GDate        today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cg_test_store_open (&f->db, "demo-funeral", "demo.db");
  /* The rules judge against the clock, so the demo is made for today. */
  cg_date_today (&f->today);
  g_assert_true (cg_demo_fill (f->db.store, CG_DEMO_SMALL, CG_KIND_FUNERAL_HOME, 20201104, &f->today, &error));
  g_assert_no_error (error);
  cg_test_store_load_policy (&f->db, CG_KIND_FUNERAL_HOME);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cg_test_store_tear_down (&f->db);
}

static GPtrArray *
alerts_of (Fixture     *f,
           int          days_ago,
           const char  *rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *found = g_ptr_array_new ();
  GDate date = f->today;

  g_date_subtract_days (&date, (guint) days_ago);
  all = cg_rules_evaluate (f->db.store, f->db.policy, &date, &error);
  g_assert_no_error (error);
  /* The alerts live as long as the fixture: keep the array's content. */
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      CgAlert *alert = all->pdata[i];

      if (strcmp (alert->rule, rule) == 0)
        g_ptr_array_add (found, alert);
      else
        cg_alert_free (alert);
    }
  g_ptr_array_set_free_func (found, (GDestroyNotify) cg_alert_free);
  return found;
}

/* An FH-6 alert about a hall's disinfections (not mourners): its subject
 * is the hall alone. */
static gboolean
is_hall_alert (const CgAlert *alert)
{
  return strcmp (alert->subject, "1号礼厅") == 0 || strcmp (alert->subject, "2号礼厅") == 0;
}

static CgService *
open_service_in (Fixture    *f,
                 const char *hall)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = cg_service_list_open (f->db.store, &error);
  CgService *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < open->len; i++)
    {
      CgService *s = open->pdata[i];

      if (strcmp (s->hall, hall) == 0 && s->covid == (*hall == '\0' ? CG_COVID_SUSPECTED : CG_COVID_NONE))
        {
          g_assert_null (found);
          found = cg_service_copy (s);
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Now: one service over the limit in 1号礼厅 (FH-5 critical, the only
 * FH-5 alert of today), one within it in 2号礼厅, a COVID-19 case. */
static void
test_today (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fh5 = alerts_of (f, 0, "FH-5");
  g_autoptr(GPtrArray) fh7 = alerts_of (f, 0, "FH-7");
  g_autoptr(GPtrArray) open = cg_service_list_open (f->db.store, &error);
  g_autoptr(CgService) late = open_service_in (f, "1号礼厅");
  g_autoptr(CgService) current = open_service_in (f, "2号礼厅");
  g_autoptr(CgService) covid = open_service_in (f, "");
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  g_autoptr(CgInstitution) institution = cg_institution_load (f->db.store, NULL);
  const CgAlert *alert;
  gint64 left;

  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  g_assert_cmpint (institution->risk, ==, CG_RISK_LOW);

  /* 1号礼厅: started more than 72 hours ago, by less than a day. */
  g_assert_cmpint (cg_service_mourning_state (f->db.policy, CG_RISK_LOW, late, NULL, &left), ==, CG_MOURNING_OVER);
  g_assert_cmpint (left, <, 0);
  g_assert_cmpint (left, >, -24 * 60);
  /* 2号礼厅: within the limit and not yet near it. */
  g_assert_cmpint (cg_service_mourning_state (f->db.policy, CG_RISK_LOW, current, NULL, &left), ==, CG_MOURNING_WITHIN);

  g_assert_cmpuint (fh5->len, ==, 1);
  alert = fh5->pdata[0];
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_CRITICAL);
  g_assert_cmpint (alert->record_id, ==, late->id);
  g_assert_nonnull (strstr (alert->subject, "1号礼厅"));

  /* The COVID-19 case: no hall, no mourners, no ceremony, no mourning
   * period; handover, transport and cremation done by named staff in
   * that order, after the start and before now; the rest not. */
  g_assert_cmpstr (covid->hall, ==, "");
  g_assert_false (covid->ceremony);
  g_assert_cmpstr (covid->planned_end_at, ==, covid->started_at);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM mourner m JOIN service s ON s.id = m.service_id "
                                                   "WHERE s.covid <> 'none'"), ==, 0);
  steps = cg_service_checklist (f->db.store, covid->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < steps->len; i++)
    {
      const CgCovidStepRecord *record = steps->pdata[i];
      gboolean expected = record->step == CG_COVID_STEP_HANDOVER || record->step == CG_COVID_STEP_TRANSPORT
                          || record->step == CG_COVID_STEP_CREMATION;

      g_assert_cmpint (record->done, ==, expected);
      if (!expected)
        continue;
      g_assert_cmpstr (record->who, !=, "");
      g_assert_cmpstr (record->done_at, >=, covid->started_at);
      g_assert_cmpstr (record->done_at, <=, now);
      if (i > 0)
        g_assert_cmpstr (record->done_at, >=, ((CgCovidStepRecord *) steps->pdata[i - 1])->done_at);
    }

  g_assert_cmpuint (fh7->len, ==, 1);
  alert = fh7->pdata[0];
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_CRITICAL);
  g_assert_cmpint (alert->record_id, ==, covid->id);
  for (int step = 0; step < CG_N_COVID_STEPS; step++)
    {
      gboolean missing = step == CG_COVID_STEP_SEALED || step == CG_COVID_STEP_DISINFECTION
                         || step == CG_COVID_STEP_ARCHIVE || step == CG_COVID_STEP_REPORT;

      g_assert_true ((strstr (alert->message, cg_covid_step_label (step)) != NULL) == missing);
    }
  /* Its transport and cremation with suit and goggles (FH-2). */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM protection WHERE service_id = %" G_GINT64_FORMAT
                                            " AND suit = 1 AND goggles = 1", covid->id);

    g_assert_cmpint (cg_test_query_int (f->db.store, sql), ==, 2);
  }
}

/* Yesterday 1号礼厅, in use, was disinfected once: the one FH-6 hall
 * alert; none in the thirty days before, when every hall in use had its
 * two disinfections. */
static void
test_disinfections (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fh6 = alerts_of (f, 1, "FH-6");
  GDate yesterday = f->today;
  guint hall_alerts = 0;

  g_date_subtract_days (&yesterday, 1);
  g_assert_cmpint (cg_disinfection_count_place_day (f->db.store, "1号礼厅", &yesterday, &error), ==, 1);
  g_assert_no_error (error);
  for (guint i = 0; i < fh6->len; i++)
    {
      const CgAlert *alert = fh6->pdata[i];

      if (!is_hall_alert (alert))
        continue;
      hall_alerts++;
      g_assert_cmpstr (alert->subject, ==, "1号礼厅");
      g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
      g_assert_nonnull (strstr (alert->message, "1号礼厅"));
    }
  g_assert_cmpuint (hall_alerts, ==, 1);

  /* FH-4: the vehicle was disinfected after each trip, on every day but
   * today (today's COVID-19 transport waits for its checklist). */
  for (int back = 1; back <= 31; back++)
    {
      g_autoptr(GPtrArray) day_fh4 = alerts_of (f, back, "FH-4");

      g_assert_cmpuint (day_fh4->len, ==, 0);
    }

  for (int back = 2; back <= 31; back++)
    {
      g_autoptr(GPtrArray) day_fh6 = alerts_of (f, back, "FH-6");
      g_autoptr(GPtrArray) services = NULL;
      GDate date = f->today;

      for (guint i = 0; i < day_fh6->len; i++)
        g_assert_false (is_hall_alert (day_fh6->pdata[i]));
      /* The same, counted: every hall in use that day twice or more. */
      g_date_subtract_days (&date, (guint) back);
      services = cg_service_list_day (f->db.store, &date, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < services->len; i++)
        {
          const CgService *s = services->pdata[i];

          if (*s->hall != '\0')
            g_assert_cmpint (cg_disinfection_count_place_day (f->db.store, s->hall, &date, NULL), >=, 2);
        }
    }

  /* Every ended service in a hall had its final disinfection after its
   * end and before the hall's next service. */
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM service WHERE hall <> '' AND ended_at IS NOT NULL"), >, 20);
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM service s WHERE s.hall <> '' AND s.ended_at IS NOT NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM disinfection d WHERE d.place = s.hall "
                                      "AND d.done_at >= s.ended_at AND d.done_at < coalesce((SELECT min(n.started_at) "
                                      "FROM service n WHERE n.hall = s.hall AND n.started_at > s.started_at), '9999'))"), ==, 0);
  /* A hall holds one service at a time. */
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM service a JOIN service b ON a.hall = b.hall AND a.id < b.id "
                                      "WHERE a.hall <> '' AND b.started_at < coalesce(a.ended_at, '9999') "
                                      "AND a.started_at < coalesce(b.ended_at, '9999')"), ==, 0);
  /* The vehicle after each trip, and the transport and cremation staff
   * in suits and goggles. */
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM protection WHERE suit = 0 OR goggles = 0"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM service s WHERE NOT EXISTS (SELECT 1 FROM protection p "
                                      "WHERE p.service_id = s.id AND p.kind = 'transport')"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM service s WHERE s.ended_at IS NOT NULL AND NOT EXISTS "
                                      "(SELECT 1 FROM protection p WHERE p.service_id = s.id AND p.kind = 'cremation' "
                                      "AND p.done_at >= s.started_at)"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM disinfection WHERE place = '接运车'"), >=,
                   cg_test_query_int (f->db.store, "SELECT count(*) FROM service"));
}

/* FH-5 over the history: no service lasted over the limit, nor came
 * within its warning hours, except the one in 1号礼厅 now; the rules of
 * the last month name no other. */
static void
test_mourning_periods (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CgService) late = open_service_in (f, "1号礼厅");

  /* Ended services: at most 72 − 12 hours. */
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM service WHERE covid = 'none' AND ended_at IS NOT NULL "
                                      "AND (julianday(ended_at) - julianday(started_at)) * 24 > 60"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM service WHERE covid = 'none' AND ended_at IS NULL "
                                      "AND (julianday('now') - julianday(started_at)) * 24 > 72"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM service WHERE planned_end_at > "
                                                   "strftime('%Y-%m-%dT%H:%M:%SZ', julianday(started_at) + 3)"), ==, 0);
  for (int back = 1; back <= 31; back++)
    {
      g_autoptr(GPtrArray) fh5 = alerts_of (f, back, "FH-5");

      for (guint i = 0; i < fh5->len; i++)
        g_assert_cmpint (((CgAlert *) fh5->pdata[i])->record_id, ==, late->id);
      /* Three days and more before today, it was far from the limit. */
      if (back >= 3)
        g_assert_cmpuint (fh5->len, ==, 0);
    }
}

/* Mourners: many admitted, a few refused with a reason, all gone but the
 * last few of today's open services, two overstays and one day of more
 * than 50 in the history; the past COVID-19 case complete on its day. */
static void
test_mourners (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *reasons = g_strdup_printf ("%u", CG_REFUSE_FEVER | CG_REFUSE_SYMPTOMS | CG_REFUSE_HEALTH_CODE);
  g_autofree char *sql = NULL;
  gint64 admitted = cg_test_query_int (f->db.store, "SELECT count(*) FROM mourner WHERE refusal = 0");
  gint64 refused = cg_test_query_int (f->db.store, "SELECT count(*) FROM mourner WHERE refusal <> 0");

  g_assert_cmpint (admitted + refused, >, 0);
  g_assert_cmpint (refused, >, 0);
  /* One in forty or so. */
  g_assert_cmpint (refused * 15, <, admitted);
  sql = g_strdup_printf ("SELECT count(*) FROM mourner WHERE refusal <> 0 AND (refusal & ~%s) <> 0", reasons);
  g_assert_cmpint (cg_test_query_int (f->db.store, sql), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM mourner WHERE refusal <> 0 AND left_at IS NOT NULL"), ==, 0);
  /* Every ended service had mourners, between its start and end. */
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM service s WHERE s.covid = 'none' AND NOT EXISTS "
                                      "(SELECT 1 FROM mourner m WHERE m.service_id = s.id)"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM mourner m JOIN service s ON s.id = m.service_id "
                                      "WHERE m.arrived_at < s.started_at OR m.arrived_at >= coalesce(s.ended_at, '9999') "
                                      "OR m.left_at > coalesce(s.ended_at, '9999')"), ==, 0);
  /* Inside now: only at the open services, and for less than an hour. */
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM mourner m JOIN service s ON s.id = m.service_id "
                                      "WHERE m.refusal = 0 AND m.left_at IS NULL AND (s.ended_at IS NOT NULL "
                                      "OR (julianday('now') - julianday(m.arrived_at)) * 1440 > 60)"), ==, 0);
  /* Two stayed more than an hour, on two different days. */
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(DISTINCT arrived_on) FROM mourner WHERE refusal = 0 "
                                      "AND (julianday(left_at) - julianday(arrived_at)) * 1440 > 60"), ==, 2);
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM mourner WHERE refusal = 0 "
                                      "AND (julianday(left_at) - julianday(arrived_at)) * 1440 > 60"), ==, 2);
  /* One day of more than 50 mourners of a service, none more than 50
   * inside at once (no refusal because full). */
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM (SELECT service_id, arrived_on FROM mourner WHERE refusal = 0 "
                                      "GROUP BY service_id, arrived_on HAVING count(*) > 50)"), ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM mourner WHERE refusal & %u", CG_REFUSE_FULL);
  g_assert_cmpint (cg_test_query_int (f->db.store, sql), ==, 0);

  /* The past COVID-19 case: ended, every step done on its start day. */
  g_assert_cmpint (cg_test_query_int (f->db.store, "SELECT count(*) FROM service WHERE covid <> 'none' "
                                                   "AND ended_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->db.store,
                                      "SELECT count(*) FROM covid_step c JOIN service s ON s.id = c.service_id "
                                      "WHERE s.ended_at IS NOT NULL AND date(c.done_at, 'localtime') = s.started_on "
                                      "AND c.done_at <= s.ended_at"), ==, CG_N_COVID_STEPS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demo-funeral/today", test_today);
  ADD ("/demo-funeral/disinfections", test_disinfections);
  ADD ("/demo-funeral/mourning-periods", test_mourning_periods);
  ADD ("/demo-funeral/mourners", test_mourners);
#undef ADD

  return g_test_run ();
}
