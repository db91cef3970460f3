/* test-supplies-chart.c — the days-of-supply chart of an item, with the
 * projection at the recent pace and the run-out marker
 *
 * Every expected value is worked out by hand in the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "cg-supplies-chart.h"

/* A forecast as of 2026-11-24: 220 on hand, peak 600 in 30 days (20 a day),
 * 15 a day lately; floor 45, target 60.
 *   days of supply  = 220 / 20 = 11
 *   run-out         = ⌈220 / 15⌉ = ⌈14.67⌉ = 15 days: 12-09 */
static CgItemForecast *
make_forecast (gint64 on_hand,
               double recent_rate,
               int    runout_days)
{
  CgItemForecast *f = g_new0 (CgItemForecast, 1);

  f->item = cg_stock_item_new ();
  f->item->name = g_strdup ("医用外科口罩");
  f->item->unit = g_strdup ("个");
  g_date_clear (&f->date, 1);
  g_date_set_dmy (&f->date, 24, G_DATE_NOVEMBER, 2026);
  f->forecast.on_hand = on_hand;
  f->forecast.peak30 = 600;
  f->forecast.peak_rate = 20;
  f->forecast.recent_rate = recent_rate;
  f->forecast.unlimited = FALSE;
  f->forecast.days_of_supply = on_hand / 20.0;
  f->forecast.floor_days = 45;
  f->forecast.target_days = 60;
  f->forecast.runout_days = runout_days;
  f->forecast.status = CG_STOCK_BELOW_FLOOR;
  return f;
}

/* Five days of history, 11-20 … 11-24; 11-23 has no use to plan on. */
static GArray *
make_points (const CgItemForecast *f)
{
  static const double days[5] = { 14.99, 13.5, 12.999999999999, NAN, 11.0 };
  GArray *points = g_array_new (FALSE, TRUE, sizeof (CgSupplyPoint));
  guint i;

  for (i = 0; i < 5; i++)
    {
      CgSupplyPoint p = { 0, };

      p.date = f->date;
      g_date_subtract_days (&p.date, 4 - i);
      p.unlimited = isnan (days[i]);
      p.days_of_supply = p.unlimited ? 0 : days[i];
      p.peak_rate = 20;
      g_array_append_val (points, p);
    }
  return points;
}

static double
value_at (const CgChartData *data,
          guint              series,
          guint              slot)
{
  const CgChartSeries *s = g_ptr_array_index (data->series, series);

  g_assert_cmpuint (slot, <, s->values->len);
  return g_array_index (s->values, double, slot);
}

static void
test_whole_days (void)
{
  g_assert_cmpfloat (cg_supplies_whole_days (59.96), ==, 59);
  g_assert_cmpfloat (cg_supplies_whole_days (60.0), ==, 60);
  g_assert_cmpfloat (cg_supplies_whole_days (45 - 1e-12), ==, 45);
  g_assert_cmpfloat (cg_supplies_whole_days (44.5), ==, 44);
  g_assert_cmpfloat (cg_supplies_whole_days (0.4), ==, 0);
  g_assert_cmpfloat (cg_supplies_whole_days (-0.5), ==, 0);
  g_assert_true (isnan (cg_supplies_whole_days (NAN)));
}

static void
test_projection (void)
{
  g_autoptr(CgItemForecast) f = make_forecast (220, 15, 15);
  g_autoptr(GArray) points = make_points (f);
  g_autoptr(CgChartData) data = cg_supplies_chart_new (f, points);
  const CgChartSeries *history, *projected;
  const CgChartLine *line;
  g_autofree char *text = NULL;
  guint t;

  g_assert_nonnull (data);
  g_assert_cmpint (data->kind, ==, CG_CHART_LINE);
  g_assert_cmpstr (data->title, ==, "医用外科口罩: days of supply at peak use");

  /* 5 days of history and 15 + 3 ahead: 23 slots, 11-20 … 12-12 */
  g_assert_cmpuint (cg_chart_data_get_n_slots (data), ==, 23);
  g_assert_cmpuint (data->x_labels->len, ==, 23);
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 0), ==, "11-20");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 4), ==, "11-24");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 5), ==, "11-25");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 19), ==, "12-09");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 22), ==, "12-12");

  /* the history in whole days, rounded down; nothing after today */
  g_assert_cmpuint (data->series->len, ==, 2);
  history = g_ptr_array_index (data->series, 0);
  g_assert_false (history->dashed);
  g_assert_cmpuint (history->values->len, ==, 5);
  g_assert_cmpfloat (value_at (data, 0, 0), ==, 14);
  g_assert_cmpfloat (value_at (data, 0, 1), ==, 13);
  g_assert_cmpfloat (value_at (data, 0, 2), ==, 13);
  g_assert_true (isnan (value_at (data, 0, 3)));
  g_assert_cmpfloat (value_at (data, 0, 4), ==, 11);

  /* the projection: dashed, from today's 11 days down by 15 / 20 a day:
   * ⌊(220 − 15 t) / 20⌋ — 10, 9, 8, 8, 7 … 1 on day 13, 0 from day 14 */
  projected = g_ptr_array_index (data->series, 1);
  g_assert_true (projected->dashed);
  g_assert_cmpstr (projected->label, ==, "Projected at the recent pace");
  g_assert_cmpuint (projected->values->len, ==, 23);
  for (t = 0; t < 4; t++)
    g_assert_true (isnan (value_at (data, 1, t)));
  g_assert_cmpfloat (value_at (data, 1, 4), ==, 11);
  g_assert_cmpfloat (value_at (data, 1, 5), ==, 10);    /* 205 / 20 = 10.25 */
  g_assert_cmpfloat (value_at (data, 1, 6), ==, 9);     /* 190 / 20 = 9.5 */
  g_assert_cmpfloat (value_at (data, 1, 8), ==, 8);     /* 160 / 20 */
  g_assert_cmpfloat (value_at (data, 1, 17), ==, 1);    /* t 13: 25 / 20 */
  g_assert_cmpfloat (value_at (data, 1, 18), ==, 0);    /* t 14: 10 / 20 */
  for (t = 19; t < 23; t++)
    g_assert_cmpfloat (value_at (data, 1, t), ==, 0);
  for (t = 5; t < 23; t++)
    g_assert_cmpfloat (value_at (data, 1, t), <=, value_at (data, 1, t - 1));

  /* the marker in the middle of 12-09, the run-out day */
  g_assert_cmpfloat_with_epsilon (data->marker, 19.5, 1e-9);
  g_assert_cmpstr (data->marker_label, ==, "Runs out 12-09");

  /* floor and target, and an axis with room above the target */
  g_assert_cmpuint (data->lines->len, ==, 2);
  line = g_ptr_array_index (data->lines, 0);
  g_assert_cmpstr (line->label, ==, "Floor 45 days");
  g_assert_cmpfloat (line->value, ==, 45);
  line = g_ptr_array_index (data->lines, 1);
  g_assert_cmpstr (line->label, ==, "Target 60 days");
  g_assert_cmpfloat (line->value, ==, 60);
  g_assert_cmpfloat (data->y_min, ==, 0);
  g_assert_cmpfloat (data->y_max, ==, 70);

  /* the read-out of a future day and the description */
  g_free (text);
  text = cg_chart_describe_slot (data, 5);
  /* the history is over: only the projection speaks */
  g_assert_cmpstr (text, ==, "11-25: Projected at the recent pace 10 days");
  g_free (text);
  text = cg_chart_describe_slot (data, 3);
  /* a gap in the history is named; the projection has not begun */
  g_assert_cmpstr (text, ==, "11-23: Days of supply no value");
  g_free (text);
  text = cg_chart_describe_slot (data, 4);
  g_assert_cmpstr (text, ==, "11-24: Days of supply 11 days; Projected at the recent pace 11 days");
  g_free (text);
  text = cg_chart_describe (data);
  g_assert_nonnull (strstr (text, "“Runs out 12-09” marked at 12-09"));
}

/* A run-out beyond 30 days: the chart looks 30 days ahead, no marker. */
static void
test_far_runout (void)
{
  /* 1,000 on hand at 15 a day: ⌈66.7⌉ = 67 days */
  g_autoptr(CgItemForecast) f = make_forecast (1000, 15, 67);
  g_autoptr(GArray) points = make_points (f);
  g_autoptr(CgChartData) data = cg_supplies_chart_new (f, points);

  g_assert_cmpuint (cg_chart_data_get_n_slots (data), ==, 5 + 30);
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 34), ==, "12-24");
  g_assert_true (isnan (data->marker));
  /* 1000 − 15 × 30 = 550, / 20 = 27.5 */
  g_assert_cmpfloat (value_at (data, 1, 34), ==, 27);
  g_assert_cmpfloat (value_at (data, 1, 4), ==, 50);
}

/* Nothing used lately: no projection and no marker; nothing on hand: the
 * marker is today. */
static void
test_no_projection (void)
{
  g_autoptr(CgItemForecast) idle = make_forecast (220, 0, -1);
  g_autoptr(CgItemForecast) out = make_forecast (0, 15, 0);
  g_autoptr(CgItemForecast) unlimited = make_forecast (220, 15, 15);
  g_autoptr(GArray) points = make_points (idle);
  g_autoptr(CgChartData) idle_chart = cg_supplies_chart_new (idle, points);
  g_autoptr(CgChartData) out_chart = cg_supplies_chart_new (out, points);
  g_autoptr(CgChartData) unlimited_chart = NULL;

  g_assert_cmpuint (cg_chart_data_get_n_slots (idle_chart), ==, 5);
  g_assert_cmpuint (idle_chart->series->len, ==, 1);
  g_assert_true (isnan (idle_chart->marker));

  /* stock-out: three days ahead at zero, "Out of stock" on today */
  g_assert_cmpuint (cg_chart_data_get_n_slots (out_chart), ==, 5 + 3);
  g_assert_cmpfloat_with_epsilon (out_chart->marker, 4.5, 1e-9);
  g_assert_cmpstr (out_chart->marker_label, ==, "Out of stock");
  g_assert_cmpfloat (value_at (out_chart, 1, 4), ==, 0);
  g_assert_cmpfloat (value_at (out_chart, 1, 7), ==, 0);

  unlimited->forecast.unlimited = TRUE;
  unlimited->forecast.peak_rate = 0;
  unlimited_chart = cg_supplies_chart_new (unlimited, points);
  g_assert_cmpuint (unlimited_chart->series->len, ==, 1);
  g_assert_true (isnan (unlimited_chart->marker));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/supplies-chart/whole-days", test_whole_days);
  g_test_add_func ("/supplies-chart/projection", test_projection);
  g_test_add_func ("/supplies-chart/far-runout", test_far_runout);
  g_test_add_func ("/supplies-chart/no-projection", test_no_projection);

  return g_test_run ();
}
