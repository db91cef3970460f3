/* test-services-charts.c — the funeral services of a span counted per day
 * (cg-service-stats.c) and the three charts built from them: services per
 * day against the mourning limit, the longest mourning period per day,
 * the hall disinfections per day against the minimum
 *
 * The fixture is made through the core API; every expected value is
 * worked out by hand in the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-service-stats.h"
#include "cg-services-charts.h"
#include "cg-test-util.h"
#include "cg-validate.h"

typedef CgTestStore Fixture;

static gint64
add_service (Fixture       *f,
             int            seq,
             const char    *hall,
             const char    *local_start,
             CgCovidStatus  covid)
{
  g_autoptr(CgService) s = cg_service_new ();
  g_autoptr(GError) error = NULL;

  s->deceased_name = g_strdup ("林德福");
  s->deceased_id_number = cg_test_id_number_born ("19400101", seq);
  s->family_contact = g_strdup ("林建华");
  g_free (s->hall);
  s->hall = g_strdup (hall);
  s->started_at = cg_test_utc (local_start);
  s->covid = covid;
  g_assert_true (cg_service_add (f->store, f->policy, s, "test", &error));
  g_assert_no_error (error);
  return s->id;
}

static void
add_disinfection (Fixture    *f,
                  const char *place,
                  const char *local_time)
{
  g_autoptr(CgDisinfection) d = cg_disinfection_new ();
  g_autoptr(GError) error = NULL;

  d->place = g_strdup (place);
  d->place_kind = CG_PLACE_HALL;
  d->done_at = cg_test_utc (local_time);
  d->operator = g_strdup ("陈丽");
  g_assert_true (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_no_error (error);
}

static void
close_service (Fixture    *f,
               gint64      id,
               const char *local_end)
{
  g_autofree char *end = cg_test_utc (local_end);
  g_autoptr(GError) error = NULL;

  g_assert_true (cg_service_close (f->store, id, end, "test", &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cg_test_store_set_up (f, "services-charts", "funeral.db", "测试殡仪馆", CG_KIND_FUNERAL_HOME, 0);
}

/* Five days, 10-01 … 10-05 (local), judged at 10-05 18:00; a low-risk
 * area: the limit is 72 h, and 2 hall disinfections a day.
 *
 *   S5 四号礼厅  09-30 20:00 – 10-01 06:00   started before the span
 *   S1 一号礼厅  10-01 08:00 – 10-04 08:01   72 h 01 min: over by a minute
 *   S2 二号礼厅  10-01 09:00 – 10-04 09:00   72 h exactly: within
 *   S3 (none)    10-02 10:00 –               a COVID-19 case, in progress
 *   S4 三号礼厅  10-03 14:00 –               in progress: 52 h at 10-05 18:00
 *
 * Disinfections (the halls' final ones among them):
 *   四号礼厅  10-01 06:30
 *   一号礼厅  10-01 10:00, 16:00; 10-02 12:00; 10-04 09:00; 10-05 10:00
 *   二号礼厅  10-04 09:00
 *   三号礼厅  10-04 08:00, 15:00; 10-05 08:00, 12:00, 16:00
 *   业务厅    10-02 11:00   (no service: no hall of the chart) */
static void
make_span (Fixture *f)
{
  g_autoptr(CgMourner) m = cg_mourner_new ();
  g_autoptr(GError) error = NULL;
  gint64 s1, s2, s5;

  s5 = add_service (f, 5, "四号礼厅", "2026-09-30 20:00", CG_COVID_NONE);
  add_disinfection (f, "四号礼厅", "2026-10-01 06:30");
  close_service (f, s5, "2026-10-01 06:00");

  s1 = add_service (f, 1, "一号礼厅", "2026-10-01 08:00", CG_COVID_NONE);
  s2 = add_service (f, 2, "二号礼厅", "2026-10-01 09:00", CG_COVID_NONE);
  add_service (f, 3, "", "2026-10-02 10:00", CG_COVID_CONFIRMED);
  add_service (f, 4, "三号礼厅", "2026-10-03 14:00", CG_COVID_NONE);

  /* a mourner changes nothing in the charts */
  m->service_id = s1;
  m->name = g_strdup ("王芳");
  m->arrived_at = cg_test_utc ("2026-10-01 10:00");
  m->left_at = cg_test_utc ("2026-10-01 10:30");
  m->temperature = 36.5;
  g_assert_true (cg_mourner_check_in (f->store, f->policy, m, "test", &error));
  g_assert_no_error (error);

  add_disinfection (f, "一号礼厅", "2026-10-01 10:00");
  add_disinfection (f, "一号礼厅", "2026-10-01 16:00");
  add_disinfection (f, "一号礼厅", "2026-10-02 12:00");
  add_disinfection (f, "一号礼厅", "2026-10-04 09:00");
  add_disinfection (f, "一号礼厅", "2026-10-05 10:00");
  add_disinfection (f, "二号礼厅", "2026-10-04 09:00");
  add_disinfection (f, "三号礼厅", "2026-10-04 08:00");
  add_disinfection (f, "三号礼厅", "2026-10-04 15:00");
  add_disinfection (f, "三号礼厅", "2026-10-05 08:00");
  add_disinfection (f, "三号礼厅", "2026-10-05 12:00");
  add_disinfection (f, "三号礼厅", "2026-10-05 16:00");
  add_disinfection (f, "业务厅", "2026-10-02 11:00");

  close_service (f, s1, "2026-10-04 08:01");
  close_service (f, s2, "2026-10-04 09:00");
}

static CgServiceStats *
load (Fixture    *f,
      int         last_day,
      int         last_month,
      guint       n_days,
      const char *local_now)
{
  g_autofree char *now = cg_test_utc (local_now);
  g_autoptr(GError) error = NULL;
  CgServiceStats *stats;
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, last_day, last_month, 2026);
  stats = cg_service_stats_load (f->store, f->policy, &last, n_days, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static double
value_at (const CgChartData *data,
          guint              series,
          guint              slot)
{
  const CgChartSeries *s;

  g_assert_cmpuint (series, <, data->series->len);
  s = g_ptr_array_index (data->series, series);
  g_assert_cmpuint (slot, <, s->values->len);
  return g_array_index (s->values, double, slot);
}

static const char *
series_label (const CgChartData *data,
              guint              series)
{
  return ((const CgChartSeries *) g_ptr_array_index (data->series, series))->label;
}

/* ---------------------------------------------------------------------- */

static void
test_hours (void)
{
  g_assert_cmpfloat (cg_services_chart_hours (72.0), ==, 72.0);
  g_assert_cmpfloat_with_epsilon (cg_services_chart_hours (72.0 + 1.0 / 60), 72.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (cg_services_chart_hours (259200.0 / 3600.0), 72.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cg_services_chart_hours (71.95), 72.0, 1e-9);
  g_assert_cmpfloat (cg_services_chart_hours (0.0), ==, 0.0);
  g_assert_true (isnan (cg_services_chart_hours (NAN)));
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  static const int started[5]          = { 2, 1, 1, 0, 0 };
  static const int started_over[5]     = { 1, 0, 0, 0, 0 };
  static const int started_covid[5]    = { 0, 1, 0, 0, 0 };
  /* S5 S1 S2 on 10-01; + S3 on 10-02; + S4 on 10-03; S1 (ended 08:01)
   * S2 S3 S4 on 10-04; S3 S4 on 10-05 */
  static const int in_progress[5]      = { 3, 3, 4, 4, 2 };
  /* S1 is over from 10-04 08:00:01 on */
  static const int in_progress_over[5] = { 0, 0, 0, 1, 0 };
  const CgServiceDuration *d;
  const CgHallStats *hall;

  make_span (f);
  stats = load (f, 5, G_DATE_OCTOBER, 5, "2026-10-05 18:00");

  g_assert_cmpint (stats->risk, ==, CG_RISK_LOW);
  g_assert_cmpint (stats->limit_hours, ==, 72);
  g_assert_cmpint (stats->hall_minimum, ==, 2);

  g_assert_cmpuint (stats->days->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const CgServiceDayStats *day = &g_array_index (stats->days, CgServiceDayStats, i);

      g_assert_cmpint (g_date_get_day (&day->date), ==, i + 1);
      g_assert_cmpint (day->started, ==, started[i]);
      g_assert_cmpint (day->started_over, ==, started_over[i]);
      g_assert_cmpint (day->started_covid, ==, started_covid[i]);
      g_assert_cmpint (day->in_progress, ==, in_progress[i]);
      g_assert_cmpint (day->in_progress_over, ==, in_progress_over[i]);
    }

  /* S1, S2, S4; not S5 (started before) nor S3 (COVID-19: no mourning period) */
  g_assert_cmpuint (stats->durations->len, ==, 3);
  d = &g_array_index (stats->durations, CgServiceDuration, 0);
  g_assert_cmpint (d->day, ==, 0);
  g_assert_cmpfloat_with_epsilon (d->hours, 72.0 + 1.0 / 60, 1e-9);
  g_assert_true (d->over);
  g_assert_false (d->in_progress);
  d = &g_array_index (stats->durations, CgServiceDuration, 1);
  g_assert_cmpint (d->day, ==, 0);
  g_assert_cmpfloat (d->hours, ==, 72.0);     /* exactly the limit: within */
  g_assert_false (d->over);
  d = &g_array_index (stats->durations, CgServiceDuration, 2);
  g_assert_cmpint (d->day, ==, 2);
  g_assert_cmpfloat (d->hours, ==, 52.0);     /* 10-03 14:00 to 10-05 18:00 */
  g_assert_false (d->over);
  g_assert_true (d->in_progress);

  /* the halls by their numbers (not by first use: 四号 was first) */
  g_assert_cmpuint (stats->halls->len, ==, 4);
  g_assert_cmpstr (((CgHallStats *) g_ptr_array_index (stats->halls, 0))->hall, ==, "一号礼厅");
  g_assert_cmpstr (((CgHallStats *) g_ptr_array_index (stats->halls, 1))->hall, ==, "二号礼厅");
  g_assert_cmpstr (((CgHallStats *) g_ptr_array_index (stats->halls, 2))->hall, ==, "三号礼厅");
  hall = g_ptr_array_index (stats->halls, 3);
  g_assert_cmpstr (hall->hall, ==, "四号礼厅");
  g_assert_true (g_array_index (hall->in_use, gboolean, 0));
  g_assert_false (g_array_index (hall->in_use, gboolean, 1));
  g_assert_cmpint (g_array_index (hall->disinfections, int, 0), ==, 1);
  hall = g_ptr_array_index (stats->halls, 0);
  g_assert_true (g_array_index (hall->in_use, gboolean, 3));    /* until 10-04 08:01 */
  g_assert_false (g_array_index (hall->in_use, gboolean, 4));
  g_assert_cmpint (g_array_index (hall->disinfections, int, 4), ==, 1);   /* counted, not in use */
}

static void
test_per_day (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) chart = NULL;
  g_autofree char *readout = NULL;
  /* 10-01: S2 within, S1 over by one minute; 10-02: the COVID-19 case;
   * 10-03: S4, in progress and within */
  static const double within[5] = { 1, 0, 1, 0, 0 };
  static const double over[5]   = { 1, 0, 0, 0, 0 };
  static const double covid[5]  = { 0, 1, 0, 0, 0 };

  make_span (f);
  stats = load (f, 5, G_DATE_OCTOBER, 5, "2026-10-05 18:00");
  chart = cg_services_chart_per_day (stats);

  g_assert_cmpint (chart->kind, ==, CG_CHART_STACKED_BAR);
  g_assert_cmpstr (chart->title, ==, "Services Started per Day");
  g_assert_cmpuint (cg_chart_data_get_n_slots (chart), ==, 5);
  g_assert_cmpstr (g_ptr_array_index (chart->x_labels, 0), ==, "10-01");
  g_assert_cmpstr (g_ptr_array_index (chart->x_labels, 4), ==, "10-05");
  g_assert_cmpuint (chart->series->len, ==, 3);
  g_assert_cmpstr (series_label (chart, 0), ==, "Within the mourning limit");
  g_assert_cmpstr (series_label (chart, 1), ==, "Over the mourning limit");
  g_assert_cmpstr (series_label (chart, 2), ==, "COVID-19 case (no mourning period)");
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat (value_at (chart, 0, i), ==, within[i]);
      g_assert_cmpfloat (value_at (chart, 1, i), ==, over[i]);
      g_assert_cmpfloat (value_at (chart, 2, i), ==, covid[i]);
    }
  readout = cg_chart_describe_slot (chart, 0);
  g_assert_nonnull (strstr (readout, "10-01"));
  g_assert_nonnull (strstr (readout, "total 2 services"));
}

static void
test_durations (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) chart = NULL;
  const CgChartLine *line;
  CgChartGeometry g;

  make_span (f);
  stats = load (f, 5, G_DATE_OCTOBER, 5, "2026-10-05 18:00");
  chart = cg_services_chart_durations (stats);

  g_assert_cmpint (chart->kind, ==, CG_CHART_STACKED_BAR);
  g_assert_cmpstr (chart->y_unit, ==, "h");
  g_assert_cmpuint (chart->series->len, ==, 2);

  /* 10-01: the longer of S1 (72 h 01 min, rounded up to 72.1, over) and
   * S2 (72.0): a red bar only */
  g_assert_true (isnan (value_at (chart, 0, 0)));
  g_assert_cmpfloat_with_epsilon (value_at (chart, 1, 0), 72.1, 1e-9);
  /* 10-02: only the COVID-19 case, which has no mourning period */
  g_assert_true (isnan (value_at (chart, 0, 1)));
  g_assert_true (isnan (value_at (chart, 1, 1)));
  /* 10-03: S4 so far, within */
  g_assert_cmpfloat (value_at (chart, 0, 2), ==, 52.0);
  g_assert_true (isnan (value_at (chart, 1, 2)));
  for (guint i = 3; i < 5; i++)
    {
      g_assert_true (isnan (value_at (chart, 0, i)));
      g_assert_true (isnan (value_at (chart, 1, i)));
    }

  g_assert_cmpuint (chart->lines->len, ==, 1);
  line = g_ptr_array_index (chart->lines, 0);
  g_assert_cmpfloat (line->value, ==, 72.0);
  g_assert_cmpstr (line->label, ==, "Limit 72 h");
  g_assert_true (line->dashed);
  /* the axis is the chart's: from 0, past 72.1 h */
  g_assert_cmpfloat (chart->y_min, ==, chart->y_max);
  cg_chart_get_geometry (chart, NULL, 800, 300, &g);
  g_assert_true (g.valid);
  g_assert_cmpfloat (g.y_lo, ==, 0.0);
  g_assert_cmpfloat (g.y_hi, >=, 72.1);
}

/* S2 alone on its day: exactly 72 h is a green bar. */
static void
test_exact_limit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) per_day = NULL;
  g_autoptr(CgChartData) durations = NULL;
  gint64 id;

  id = add_service (f, 7, "二号礼厅", "2026-10-01 09:00", CG_COVID_NONE);
  add_disinfection (f, "二号礼厅", "2026-10-04 09:00");
  close_service (f, id, "2026-10-04 09:00");
  stats = load (f, 4, G_DATE_OCTOBER, 4, "2026-10-04 20:00");
  per_day = cg_services_chart_per_day (stats);
  durations = cg_services_chart_durations (stats);

  g_assert_cmpuint (per_day->series->len, ==, 2);   /* no COVID-19 case: no grey series */
  g_assert_cmpfloat (value_at (per_day, 0, 0), ==, 1);
  g_assert_cmpfloat (value_at (per_day, 1, 0), ==, 0);
  g_assert_cmpfloat (value_at (durations, 0, 0), ==, 72.0);
  g_assert_true (isnan (value_at (durations, 1, 0)));
}

static void
test_halls (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) chart = NULL;
  const CgChartLine *line;
  /* only the days each hall was in use; NAN (no bar) otherwise */
  static const double expected[4][5] = {
    { 2, 1, 0, 1, NAN },         /* 一号礼厅: 10-02 once, under the line; 10-05's not in use */
    { 0, 0, 0, 1, NAN },         /* 二号礼厅 */
    { NAN, NAN, 0, 2, 3 },       /* 三号礼厅: from 10-03 14:00 */
    { 1, NAN, NAN, NAN, NAN },   /* 四号礼厅: 10-01 until 06:00, one disinfection */
  };
  static const char * const halls[4] = { "一号礼厅", "二号礼厅", "三号礼厅", "四号礼厅" };

  make_span (f);
  stats = load (f, 5, G_DATE_OCTOBER, 5, "2026-10-05 18:00");
  chart = cg_services_chart_halls (stats);

  g_assert_cmpint (chart->kind, ==, CG_CHART_BAR);
  g_assert_cmpuint (chart->series->len, ==, 4);
  for (guint h = 0; h < 4; h++)
    {
      g_assert_cmpstr (series_label (chart, h), ==, halls[h]);
      for (guint i = 0; i < 5; i++)
        {
          if (isnan (expected[h][i]))
            g_assert_true (isnan (value_at (chart, h, i)));
          else
            g_assert_cmpfloat (value_at (chart, h, i), ==, expected[h][i]);
        }
    }
  g_assert_cmpuint (chart->lines->len, ==, 1);
  line = g_ptr_array_index (chart->lines, 0);
  g_assert_cmpfloat (line->value, ==, 2.0);
  g_assert_cmpstr (line->label, ==, "Minimum 2 a day");
  g_assert_true (line->dashed);
  g_assert_cmpfloat (chart->y_max, ==, 4.0);   /* the most, 3, and one more */
  /* 10-05 18:00: the last day is not over, marked at its start */
  g_assert_cmpfloat (chart->marker, ==, 4.0);
  g_assert_cmpstr (chart->marker_label, ==, "Today, so far");
}

/* Per day, the halls in use by their disinfections (the long spans). */
static void
test_hall_days (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) chart = NULL;
  /* 10-01: 一号 2 | 二号 0, 四号 1;  10-02: 一号 1, 二号 0;
   * 10-03: 一号 二号 三号 0;  10-04: 三号 2 | 一号 1, 二号 1;  10-05: 三号 3 */
  static const double enough[5] = { 1, 0, 0, 1, 1 };
  static const double few[5]    = { 2, 2, 3, 2, 0 };

  make_span (f);
  stats = load (f, 5, G_DATE_OCTOBER, 5, "2026-10-05 18:00");
  chart = cg_services_chart_hall_days (stats);

  g_assert_cmpint (chart->kind, ==, CG_CHART_STACKED_BAR);
  /* judged at 10-05 18:00: 10-05 is not over */
  g_assert_true (stats->last_day_open);
  g_assert_cmpuint (chart->series->len, ==, 3);
  g_assert_cmpstr (series_label (chart, 0), ==, "Disinfected at least 2 times");
  g_assert_cmpstr (series_label (chart, 1), ==, "Disinfected fewer than 2 times");
  g_assert_cmpstr (series_label (chart, 2), ==, "Today, not yet 2 times");
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat (value_at (chart, 0, i), ==, enough[i]);
      if (i < 4)
        {
          g_assert_cmpfloat (value_at (chart, 1, i), ==, few[i]);
          g_assert_true (isnan (value_at (chart, 2, i)));
        }
    }
  /* today: 三号 has its 3, nothing pending; the red part is left out */
  g_assert_true (isnan (value_at (chart, 1, 4)));
  g_assert_cmpfloat (value_at (chart, 2, 4), ==, 0);

  /* judged at noon of 10-04, the last day: 三号 has its 2 of the day
   * (the log holds the whole day), 一号 and 二号 one each: not yet */
  g_clear_pointer (&chart, cg_chart_data_free);
  g_clear_pointer (&stats, cg_service_stats_free);
  stats = load (f, 4, G_DATE_OCTOBER, 4, "2026-10-04 12:00");
  chart = cg_services_chart_hall_days (stats);
  g_assert_cmpuint (chart->series->len, ==, 3);
  g_assert_cmpfloat (value_at (chart, 0, 3), ==, 1);
  g_assert_true (isnan (value_at (chart, 1, 3)));
  g_assert_cmpfloat (value_at (chart, 2, 3), ==, 2);
  g_assert_cmpfloat (value_at (chart, 1, 2), ==, 3);   /* 10-03 is over: red */

  /* judged after the span: two series, as in the per-hall chart */
  g_clear_pointer (&chart, cg_chart_data_free);
  g_clear_pointer (&stats, cg_service_stats_free);
  stats = load (f, 4, G_DATE_OCTOBER, 4, "2026-10-05 18:00");
  chart = cg_services_chart_hall_days (stats);
  g_assert_false (stats->last_day_open);
  g_assert_cmpuint (chart->series->len, ==, 2);
  g_assert_cmpfloat (value_at (chart, 1, 3), ==, 2);
  g_clear_pointer (&chart, cg_chart_data_free);
  chart = cg_services_chart_halls (stats);
  g_assert_true (isnan (chart->marker));
}

/* The colour drawn at (x, y), as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint32 *row;

  cairo_surface_flush (surface);
  row = (const guint32 *) (cairo_image_surface_get_data (surface)
                           + (int) y * cairo_image_surface_get_stride (surface));
  return row[(int) x] & 0xffffff;
}

/* Drawn: a hall in use and never disinfected has a stub in its colour
 * (not nothing, as a day it was not in use). */
static void
test_halls_zero_drawn (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) chart = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 300);
  cairo_t *cr = cairo_create (surface);
  CgChartGeometry g;
  CgChartStyle style;
  double x0, x1, base;

  make_span (f);
  stats = load (f, 5, G_DATE_OCTOBER, 5, "2026-10-05 18:00");
  chart = cg_services_chart_halls (stats);
  g_assert_true (chart->show_zero);

  cg_chart_style_init (&style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cg_chart_draw (cr, 800, 300, chart, &style);
  cg_chart_get_geometry (chart, &style, 800, 300, &g);
  g_assert_true (g.valid);
  base = cg_chart_geometry_value_y (&g, 0);

  /* 一号礼厅 (series 0, blue 53 132 228) on 10-03 (slot 2): in use, 0 */
  g_assert_true (cg_chart_geometry_bar_span (&g, 2, 0, &x0, &x1));
  g_assert_cmphex (pixel_at (surface, (x0 + x1) / 2, base - 2), ==, 0x3584e4);
  /* … on 10-05 (slot 4): not in use, nothing drawn */
  g_assert_true (cg_chart_geometry_bar_span (&g, 4, 0, &x0, &x1));
  g_assert_cmphex (pixel_at (surface, (x0 + x1) / 2, base - 2), ==, 0xffffff);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Halls in the order of their numbers, Chinese or not. */
static void
test_hall_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  /* by number, whichever way it is written: 2, 3, 10, 11, 12, 20 */
  static const char * const order[] = { "二号礼厅", "3号厅", "十号礼厅", "十一号礼厅", "12号厅", "二十号礼厅" };

  add_service (f, 11, "十一号礼厅", "2026-10-01 08:00", CG_COVID_NONE);
  add_service (f, 12, "二十号礼厅", "2026-10-01 08:10", CG_COVID_NONE);
  add_service (f, 13, "12号厅", "2026-10-01 08:20", CG_COVID_NONE);
  add_service (f, 14, "十号礼厅", "2026-10-01 08:30", CG_COVID_NONE);
  add_service (f, 15, "3号厅", "2026-10-01 08:40", CG_COVID_NONE);
  add_service (f, 16, "二号礼厅", "2026-10-01 08:50", CG_COVID_NONE);
  stats = load (f, 1, G_DATE_OCTOBER, 1, "2026-10-01 20:00");

  g_assert_cmpuint (stats->halls->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((CgHallStats *) g_ptr_array_index (stats->halls, i))->hall, ==, order[i]);
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autofree char *text = NULL;

  make_span (f);
  stats = load (f, 5, G_DATE_OCTOBER, 5, "2026-10-05 18:00");
  text = cg_services_charts_summary (stats);
  /* S1 S2 S3 S4 started; hall-days in use 1 + 4 + 4 + 3 = 12, under 2:
   * 四号 10-01; 一号 10-02 10-03 10-04; 二号 all four; 三号 10-03 = 9 */
  g_assert_cmpstr (text, ==, "4 services started, 1 over the mourning limit.\n"
                   "Halls in use: 12 hall-days, 9 of them with fewer than 2 disinfections.");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) per_day = NULL;
  g_autoptr(CgChartData) durations = NULL;
  g_autoptr(CgChartData) halls = NULL;
  g_autofree char *text = NULL;

  make_span (f);
  /* September: S5 starts on 09-30 20:00, after this span's end */
  stats = load (f, 29, G_DATE_SEPTEMBER, 30, "2026-10-05 18:00");
  per_day = cg_services_chart_per_day (stats);
  durations = cg_services_chart_durations (stats);
  halls = cg_services_chart_halls (stats);

  g_assert_cmpuint (cg_chart_data_get_n_slots (per_day), ==, 30);
  g_assert_true (cg_chart_data_is_empty (per_day));
  g_assert_cmpstr (per_day->empty_text, ==, "No services in this period");
  g_assert_true (cg_chart_data_is_empty (durations));
  g_assert_cmpstr (durations->empty_text, ==, "No mourning periods in this period");
  g_assert_true (cg_chart_data_is_empty (halls));
  g_assert_cmpstr (halls->empty_text, ==, "No hall in use in this period");
  g_clear_pointer (&halls, cg_chart_data_free);
  halls = cg_services_chart_hall_days (stats);
  g_assert_true (cg_chart_data_is_empty (halls));
  g_assert_cmpstr (halls->empty_text, ==, "No hall in use in this period");
  text = cg_services_charts_summary (stats);
  g_assert_cmpstr (text, ==, "No services in this period.");
}

/* Only a COVID-19 case: a service per day, but no mourning period. */
static void
test_covid_only (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(CgChartData) per_day = NULL;
  g_autoptr(CgChartData) durations = NULL;

  add_service (f, 9, "", "2026-10-02 10:00", CG_COVID_SUSPECTED);
  stats = load (f, 3, G_DATE_OCTOBER, 3, "2026-10-03 12:00");
  per_day = cg_services_chart_per_day (stats);
  durations = cg_services_chart_durations (stats);

  g_assert_cmpuint (stats->durations->len, ==, 0);
  g_assert_cmpuint (stats->halls->len, ==, 0);
  g_assert_false (cg_chart_data_is_empty (per_day));
  g_assert_cmpfloat (value_at (per_day, 2, 1), ==, 1);
  g_assert_true (cg_chart_data_is_empty (durations));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/services-charts/hours", test_hours);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, cg_test_store_fixture_tear_down)
  ADD ("/services-charts/stats", test_stats);
  ADD ("/services-charts/per-day", test_per_day);
  ADD ("/services-charts/durations", test_durations);
  ADD ("/services-charts/exact-limit", test_exact_limit);
  ADD ("/services-charts/halls", test_halls);
  ADD ("/services-charts/halls-zero-drawn", test_halls_zero_drawn);
  ADD ("/services-charts/hall-days", test_hall_days);
  ADD ("/services-charts/hall-order", test_hall_order);
  ADD ("/services-charts/summary", test_summary);
  ADD ("/services-charts/empty", test_empty);
  ADD ("/services-charts/covid-only", test_covid_only);
#undef ADD

  return g_test_run ();
}
