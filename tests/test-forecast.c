/* test-forecast.c — the stock forecast of rules.md, worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pure formula first (cg_forecast_compute on arrays of daily use), then
 * the same numbers read from a ledger in a store (counts, rescue stations).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-person.h"
#include "cg-stock.h"
#include "cg-store.h"
#include "cg-test-util.h"

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

/* The documents' numbers: floor 45, target 60, recent window 14. */
static void
input_init (CgForecastInput *in,
            const gint64    *use,
            guint            n_days,
            gint64           on_hand,
            gint64           pack_size)
{
  memset (in, 0, sizeof *in);
  in->use = use;
  in->n_days = n_days;
  in->on_hand = on_hand;
  in->pack_size = pack_size;
  in->floor_days = 45;
  in->target_days = 60;
  in->recent_window_days = 14;
}

static gint64 *
constant_use (guint  n_days,
              gint64 per_day)
{
  gint64 *use = g_new (gint64, n_days);

  for (guint i = 0; i < n_days; i++)
    use[i] = per_day;
  return use;
}

static void
test_short_history_without_figure (void)
{
  static const gint64 use[] = { 10, 20, 0, 30 };
  CgForecastInput in;
  CgForecast f;

  /* Four days, 60 used: peak30 = 60 × 30 / 4 = 450, peak_rate = 15.
   * recent: the window (14) is longer than the history: 60 / 4 = 15.
   * days = 500 / 15 = 33.33 < 45: below the floor.
   * run-out: ⌈500 / 15⌉ = ⌈33.33⌉ = 34 days.
   * order: 60 × 15 − 500 = 400, packs of 50: 400. */
  input_init (&in, use, G_N_ELEMENTS (use), 500, 50);
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.peak_source, ==, CG_PEAK_EXTRAPOLATED);
  assert_near (f.peak30, 450.0);
  assert_near (f.peak_rate, 15.0);
  assert_near (f.recent_rate, 15.0);
  g_assert_false (f.unlimited);
  assert_near (f.days_of_supply, 500.0 / 15.0);
  g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_FLOOR);
  g_assert_cmpint (f.runout_days, ==, 34);
  g_assert_cmpint (f.suggested_order, ==, 400);
}

static void
test_short_history_with_figure (void)
{
  static const gint64 use[] = { 10, 20, 0, 30 };
  CgForecastInput in;
  CgForecast f;

  /* The entered peak30 of 900 stands while the history is short:
   * peak_rate = 900 / 30 = 30; days = 500 / 30 = 16.67: below the floor.
   * order: 60 × 30 − 500 = 1,300 (26 packs of 50).  The recent rate and
   * the run-out date still come from the use: 15 a day, 34 days. */
  input_init (&in, use, G_N_ELEMENTS (use), 500, 50);
  in.peak30_override = 900;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.peak_source, ==, CG_PEAK_ENTERED);
  assert_near (f.peak30, 900.0);
  assert_near (f.peak_rate, 30.0);
  assert_near (f.days_of_supply, 500.0 / 30.0);
  g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_FLOOR);
  g_assert_cmpint (f.suggested_order, ==, 1300);
  assert_near (f.recent_rate, 15.0);
  g_assert_cmpint (f.runout_days, ==, 34);

  /* A figure below what four days already used: 30 days use at least
   * the 60 of these four, so peak30 = max (40, 60) = 60, rate 2. */
  in.peak30_override = 40;
  cg_forecast_compute (&in, &f);
  assert_near (f.peak30, 60.0);
  assert_near (f.peak_rate, 2.0);
  /* days = 500 / 2 = 250: enough, nothing to order. */
  g_assert_cmpint (f.status, ==, CG_STOCK_OK);
  g_assert_cmpint (f.suggested_order, ==, 0);

  /* No history at all, only the figure: 0 on hand is a stock-out and the
   * order is the whole target: 60 × 900 / 30 = 1,800. */
  input_init (&in, NULL, 0, 0, 50);
  in.peak30_override = 900;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.peak_source, ==, CG_PEAK_ENTERED);
  g_assert_cmpint (f.status, ==, CG_STOCK_OUT);
  g_assert_cmpint (f.suggested_order, ==, 1800);
  g_assert_cmpint (f.runout_days, ==, -1);

  /* Once the history reaches 30 days the figure no longer counts:
   * 30 days of 5 = 150. */
  {
    g_autofree gint64 *month = constant_use (30, 5);

    input_init (&in, month, 30, 500, 50);
    in.peak30_override = 900;
    cg_forecast_compute (&in, &f);
    g_assert_cmpint (f.peak_source, ==, CG_PEAK_HISTORY);
    assert_near (f.peak30, 150.0);
  }
}

static void
test_peak_in_the_middle (void)
{
  g_autofree gint64 *use = g_new (gint64, 90);
  CgForecastInput in;
  CgForecast f;

  /* Days 0–29: 10 a day (300); days 30–59: 40 a day (1,200); days 60–89:
   * 20 a day (600).  The worst 30 days are days 30–59: peak30 = 1,200,
   * peak_rate = 40.  The last 14 days used 20 a day: recent_rate = 20.
   * 2,000 on hand: days = 2,000 / 40 = 50, from 45 to 60: below target.
   * run-out: 2,000 / 20 = 100 days.  order: 60 × 40 − 2,000 = 400, in
   * packs of 100: 400. */
  for (guint i = 0; i < 90; i++)
    use[i] = i < 30 ? 10 : i < 60 ? 40 : 20;
  input_init (&in, use, 90, 2000, 100);
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.peak_source, ==, CG_PEAK_HISTORY);
  g_assert_cmpuint (f.peak_first, ==, 30);
  g_assert_cmpuint (f.peak_days, ==, 30);
  assert_near (f.peak30, 1200.0);
  assert_near (f.peak_rate, 40.0);
  assert_near (f.recent_rate, 20.0);
  assert_near (f.days_of_supply, 50.0);
  g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_TARGET);
  g_assert_cmpint (f.runout_days, ==, 100);
  g_assert_cmpint (f.suggested_order, ==, 400);

  /* A steady use: every window holds 300; the latest one is the peak
   * window (days 30–59 of 60). */
  {
    g_autofree gint64 *steady = constant_use (60, 10);

    input_init (&in, steady, 60, 300, 1);
    cg_forecast_compute (&in, &f);
    g_assert_cmpuint (f.peak_first, ==, 30);
    assert_near (f.peak30, 300.0);
  }
}

static void
test_rescue_half_occupancy (void)
{
  g_autofree gint64 *use = constant_use (30, 20);
  g_autofree double *occupancy = g_new (double, 30);
  CgForecastInput in;
  CgForecast f;

  /* 50 beds, 25 people present every day of the 30: full load is twice
   * today's use.  peak30 = 600 as used; peak_rate = 600 / 30 × 50 / 25 = 40.
   * 1,200 on hand = 30 days at full load: exactly the rescue-station floor,
   * not below it, but below the target of 60.  The run-out date is at
   * today's pace, unscaled: 1,200 / 20 = 60 days.
   * order: 60 × 40 − 1,200 = 1,200. */
  for (guint i = 0; i < 30; i++)
    occupancy[i] = 25;
  input_init (&in, use, 30, 1200, 1);
  in.floor_days = 30;
  in.occupancy = occupancy;
  in.beds = 50;
  cg_forecast_compute (&in, &f);
  assert_near (f.peak30, 600.0);
  assert_near (f.load_factor, 2.0);
  assert_near (f.peak_rate, 40.0);
  assert_near (f.recent_rate, 20.0);
  assert_near (f.days_of_supply, 30.0);
  g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_TARGET);
  g_assert_cmpint (f.runout_days, ==, 60);
  g_assert_cmpint (f.suggested_order, ==, 1200);

  /* More people than beds: never scaled down. */
  for (guint i = 0; i < 30; i++)
    occupancy[i] = 60;
  cg_forecast_compute (&in, &f);
  assert_near (f.load_factor, 1.0);
  assert_near (f.peak_rate, 20.0);

  /* Nobody registered present: nothing to scale by. */
  for (guint i = 0; i < 30; i++)
    occupancy[i] = 0;
  cg_forecast_compute (&in, &f);
  assert_near (f.load_factor, 1.0);
}

static void
test_no_use_at_all (void)
{
  g_autofree gint64 *use = constant_use (40, 0);
  CgForecastInput in;
  CgForecast f;

  /* 40 days without use: peak_rate 0, so days of supply are unlimited,
   * no run-out date, nothing to order, and nothing divides by zero. */
  input_init (&in, use, 40, 100, 10);
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.peak_source, ==, CG_PEAK_NONE);
  g_assert_true (f.unlimited);
  assert_near (f.peak_rate, 0.0);
  assert_near (f.recent_rate, 0.0);
  g_assert_true (isfinite (f.days_of_supply));
  g_assert_cmpint (f.runout_days, ==, -1);
  g_assert_cmpint (f.suggested_order, ==, 0);
  g_assert_cmpint (f.status, ==, CG_STOCK_OK);

  /* Nothing on hand and never used: still nothing needed. */
  in.on_hand = 0;
  cg_forecast_compute (&in, &f);
  g_assert_true (f.unlimited);
  g_assert_cmpint (f.status, ==, CG_STOCK_OK);

  /* No ledger at all. */
  input_init (&in, NULL, 0, 0, 1);
  cg_forecast_compute (&in, &f);
  g_assert_true (f.unlimited);
  g_assert_cmpint (f.runout_days, ==, -1);
}

static void
test_pack_rounding (void)
{
  g_autofree gint64 *use = g_new0 (gint64, 30);
  CgForecastInput in;
  CgForecast f;

  /* 101 used in 30 days: peak_rate = 101 / 30 = 3.3667; target quantity
   * 60 × 101 / 30 = 202; with nothing on hand 202 are needed: one at a
   * time 202, in packs of 25 nine packs = 225, in packs of 202 one pack. */
  use[29] = 101;
  input_init (&in, use, 30, 0, 1);
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.suggested_order, ==, 202);
  in.pack_size = 25;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.suggested_order, ==, 225);
  in.pack_size = 202;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.suggested_order, ==, 202);

  /* 2 on hand: 200 needed, in packs of 25 = 200 exactly (8 packs). */
  in.pack_size = 25;
  in.on_hand = 2;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.suggested_order, ==, 200);
  /* 3 on hand: 199 needed: still 8 packs. */
  in.on_hand = 3;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.suggested_order, ==, 200);
  /* 1 on hand: 201 needed: 9 packs. */
  in.on_hand = 1;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.suggested_order, ==, 225);
}

static void
test_status_boundaries (void)
{
  g_autofree gint64 *use = constant_use (30, 7);
  CgForecastInput in;
  CgForecast f;

  /* 7 a day for 30 days: peak30 = 210, peak_rate = 7. */
  input_init (&in, use, 30, 315, 1);
  /* 315 / 7 = 45.0 days exactly: at the floor, not below it. */
  cg_forecast_compute (&in, &f);
  assert_near (f.days_of_supply, 45.0);
  g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_TARGET);
  /* 314 / 7 = 44.86: below the floor. */
  in.on_hand = 314;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_FLOOR);
  /* 420 / 7 = 60.0: at the target, enough. */
  in.on_hand = 420;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.status, ==, CG_STOCK_OK);
  g_assert_cmpint (f.suggested_order, ==, 0);
  /* 419 / 7 = 59.86: below the target, one to order. */
  in.on_hand = 419;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_TARGET);
  g_assert_cmpint (f.suggested_order, ==, 1);
  /* Nothing left of an item in use: stock-out; run-out today (0 days);
   * order the target 60 × 7 = 420. */
  in.on_hand = 0;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.status, ==, CG_STOCK_OUT);
  g_assert_cmpint (f.runout_days, ==, 0);
  g_assert_cmpint (f.suggested_order, ==, 420);

  /* A ratio that is not exact in binary: 3 a day over 30 days = 90;
   * 135 on hand = 135 × 30 / 90 = 45.0 days: not below the floor. */
  {
    g_autofree gint64 *three = constant_use (30, 3);

    input_init (&in, three, 30, 135, 1);
    cg_forecast_compute (&in, &f);
    g_assert_cmpint (f.status, ==, CG_STOCK_BELOW_TARGET);
  }

  /* Run-out exactly on a day: 70 on hand at 7 a day = day 10; 71 → 11. */
  input_init (&in, use, 30, 70, 1);
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.runout_days, ==, 10);
  in.on_hand = 71;
  cg_forecast_compute (&in, &f);
  g_assert_cmpint (f.runout_days, ==, 11);
}

static void
test_replenishment_days (void)
{
  GDate anchor, date, next, invalid;

  g_date_set_dmy (&anchor, 1, G_DATE_JANUARY, 2026);
  g_date_clear (&invalid, 1);

  /* Every 15 days from 2026-01-01: 01-01, 01-16, 01-31, 02-15 … */
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  cg_forecast_next_replenishment (&anchor, &date, 15, &next);
  g_assert_cmpint (g_date_compare (&next, &anchor), ==, 0);

  g_date_set_dmy (&date, 2, G_DATE_JANUARY, 2026);
  cg_forecast_next_replenishment (&anchor, &date, 15, &next);
  g_assert_cmpint (g_date_get_day (&next), ==, 16);

  g_date_set_dmy (&date, 16, G_DATE_JANUARY, 2026);
  cg_forecast_next_replenishment (&anchor, &date, 15, &next);
  g_assert_cmpint (g_date_get_day (&next), ==, 16);

  g_date_set_dmy (&date, 10, G_DATE_FEBRUARY, 2026);
  cg_forecast_next_replenishment (&anchor, &date, 15, &next);
  g_assert_cmpint (g_date_get_month (&next), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&next), ==, 15);

  /* Before the first receipt: the cycle starts with it. */
  g_date_set_dmy (&date, 20, G_DATE_DECEMBER, 2025);
  cg_forecast_next_replenishment (&anchor, &date, 15, &next);
  g_assert_cmpint (g_date_compare (&next, &anchor), ==, 0);

  /* No receipt yet: today is the day to order. */
  cg_forecast_next_replenishment (&invalid, &date, 15, &next);
  g_assert_cmpint (g_date_compare (&next, &date), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* From a store                                                            */

typedef CgTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CgInstitutionKind kind = GPOINTER_TO_INT (data);

  cg_test_store_set_up (f, "forecast", "forecast.db", "测试机构", kind, 10);
}

static gint64
add_item (Fixture    *f,
          const char *name,
          gint64      pack_size)
{
  g_autoptr(CgStockItem) item = cg_stock_item_new ();
  g_autoptr(GError) error = NULL;

  g_free (item->name);
  item->name = g_strdup (name);
  item->pack_size = pack_size;
  g_assert_true (cg_stock_item_save (f->store, item, "test", &error));
  g_assert_no_error (error);
  return item->id;
}

static void
add_movement (Fixture    *f,
              gint64      item_id,
              const char *day,
              CgMoveKind  kind,
              gint64      quantity)
{
  g_autoptr(CgStockMovement) movement = cg_stock_movement_new ();
  g_autoptr(GError) error = NULL;

  movement->item_id = item_id;
  movement->occurred_on = g_strdup (day);
  movement->kind = kind;
  movement->quantity = quantity;
  g_assert_true (cg_stock_movement_add (f->store, movement, "test", &error));
  g_assert_no_error (error);
}

/* Uses of @per_day on each day from @first for @n_days days. */
static void
add_daily_use (Fixture    *f,
               gint64      item_id,
               const char *first,
               guint       n_days,
               gint64      per_day)
{
  GDate date;

  g_assert_true (cg_date_parse (first, &date));
  for (guint i = 0; i < n_days; i++)
    {
      g_autofree char *day = cg_date_to_iso (&date);

      add_movement (f, item_id, day, CG_MOVE_USE, per_day);
      g_date_add_days (&date, 1);
    }
}

static CgItemForecast *
forecast_on (Fixture    *f,
             gint64      item_id,
             const char *day)
{
  g_autoptr(GError) error = NULL;
  CgItemForecast *forecast;
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  forecast = cg_stock_forecast_item (f->store, f->policy, item_id, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (forecast);
  return forecast;
}

static void
test_store_stock_count (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CgItemForecast) forecast = NULL;
  g_autoptr(CgItemForecast) before = NULL;
  gint64 item = add_item (f, "医用外科口罩", 50);

  /* 1,000 received on 09-01, 10 used every day 09-01 … 09-30 (300), so
   * the ledger says 700 on 09-30; the count that evening finds 680.  The
   * 20 missing were used without being written down: use of 09-30 = 30.
   * History 09-01 … 09-30 = 30 days: peak30 = 320, peak_rate = 10.667.
   * recent: 13 × 10 + 30 = 160 in 14 days = 11.4286 a day.
   * days = 680 / 10.667 = 63.75: enough.
   * run-out: 680 / 11.4286 = 59.5 → 60 days after 09-30 = 11-29.
   * order: 60 × 10.667 = 640 < 680: none. */
  add_movement (f, item, "2026-09-01", CG_MOVE_RECEIPT, 1000);
  add_daily_use (f, item, "2026-09-01", 30, 10);
  add_movement (f, item, "2026-09-30", CG_MOVE_COUNT, 680);

  forecast = forecast_on (f, item, "2026-09-30");
  g_assert_cmpint (forecast->forecast.on_hand, ==, 680);
  assert_near (forecast->forecast.peak30, 320.0);
  assert_near (forecast->forecast.peak_rate, 320.0 / 30.0);
  assert_near (forecast->forecast.recent_rate, 160.0 / 14.0);
  assert_near (forecast->forecast.days_of_supply, 63.75);
  g_assert_cmpint (forecast->forecast.status, ==, CG_STOCK_OK);
  g_assert_cmpstr (forecast->runout_date, ==, "2026-11-29");
  g_assert_cmpint (forecast->forecast.suggested_order, ==, 0);
  /* The first receipt anchors the cycle: 09-01, 09-16, 10-01. */
  g_assert_cmpstr (forecast->next_replenishment, ==, "2026-10-01");

  /* The day before the count the ledger still said 710 (29 days of 10):
   * peak30 extrapolated 290 × 30 / 29 = 300. */
  before = forecast_on (f, item, "2026-09-29");
  g_assert_cmpint (before->forecast.on_hand, ==, 710);
  assert_near (before->forecast.peak30, 300.0);
}

static void
test_store_cdc_burn_rate (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CgItemForecast) forecast = NULL;
  gint64 item = add_item (f, "N95口罩", 1);
  GDate date;

  /* The CDC calculator's way: no uses written, the stock counted every
   * day.  1,000 received on 08-01; counts of 950, 900 … 50 on 08-02 …
   * 08-20 (19 counts, 50 missing each: 50 used a day); 500 received on
   * 08-21 (550); counts of 500 … 50 on 08-22 … 08-31 (10 counts).
   * History 08-01 … 08-31 = 31 days; use 50 on each day but 08-01 and
   * 08-21.  Windows: 08-01 … 08-30 = 28 × 50 = 1,400; 08-02 … 08-31 =
   * 29 × 50 = 1,450: peak30 = 1,450, burn rate 48.33 a day, as the CDC
   * would compute it on these counts (1,450 gone in 30 days); days left =
   * 50 / 48.33 = 1.03: below the floor.  recent: 08-18 … 08-31 = 13 × 50
   * = 650 in 14 days = 46.43 a day. */
  add_movement (f, item, "2026-08-01", CG_MOVE_RECEIPT, 1000);
  g_assert_true (cg_date_parse ("2026-08-02", &date));
  for (int i = 1; i <= 19; i++)
    {
      g_autofree char *day = cg_date_to_iso (&date);

      add_movement (f, item, day, CG_MOVE_COUNT, 1000 - i * 50);
      g_date_add_days (&date, 1);
    }
  add_movement (f, item, "2026-08-21", CG_MOVE_RECEIPT, 500);
  g_assert_true (cg_date_parse ("2026-08-22", &date));
  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *day = cg_date_to_iso (&date);

      add_movement (f, item, day, CG_MOVE_COUNT, 550 - i * 50);
      g_date_add_days (&date, 1);
    }

  forecast = forecast_on (f, item, "2026-08-31");
  g_assert_cmpint (forecast->forecast.on_hand, ==, 50);
  assert_near (forecast->forecast.peak30, 1450.0);
  assert_near (forecast->forecast.peak_rate, 1450.0 / 30.0);
  assert_near (forecast->forecast.days_of_supply, 50.0 * 30.0 / 1450.0);
  assert_near (forecast->forecast.recent_rate, 650.0 / 14.0);
  g_assert_cmpint (forecast->forecast.status, ==, CG_STOCK_BELOW_FLOOR);
}

static void
add_aid (Fixture    *f,
         const char *id_number,
         const char *arrived_on)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  g_autoptr(GError) error = NULL;

  cg_person_set_name (person, "受助人员");
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, CG_PERSON_AID);
  cg_person_set_arrived_on (person, arrived_on);
  g_assert_true (cg_person_save (f->store, person, "test", &error));
  g_assert_no_error (error);
}

static void
test_store_rescue_station (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CgItemForecast) forecast = NULL;
  gint64 item = add_item (f, "医用外科口罩", 1);

  /* A station of 10 beds with 5 aid recipients present all month (staff
   * do not count): half occupancy.  6 masks a day from 10-01 to 10-30
   * (180; the receipt of 300 is on 10-01 too): peak30 = 180, at full
   * load 180 / 30 × 10 / 5 = 12 a day.  On hand 300 − 180 = 120 = 10 days
   * at full load: below the RS-6 floor of 30.  The run-out is at today's
   * pace: 120 / 6 = 20 days → 11-19.  order: 60 × 12 − 120 = 600. */
  add_aid (f, "110101198003070017", "2026-09-01");
  add_aid (f, "310115195208140025", "2026-09-01");
  add_aid (f, "440306194510100031", "2026-09-15");
  add_aid (f, "350582197001010045", "2026-09-20");
  add_aid (f, "350582198003120218", "2026-09-30");
  add_movement (f, item, "2026-10-01", CG_MOVE_RECEIPT, 300);
  add_daily_use (f, item, "2026-10-01", 30, 6);

  forecast = forecast_on (f, item, "2026-10-30");
  g_assert_true (forecast->full_load);
  assert_near (forecast->forecast.peak30, 180.0);
  assert_near (forecast->forecast.load_factor, 2.0);
  assert_near (forecast->forecast.peak_rate, 12.0);
  assert_near (forecast->forecast.recent_rate, 6.0);
  assert_near (forecast->forecast.days_of_supply, 10.0);
  g_assert_cmpint (forecast->forecast.floor_days, ==, 30);
  g_assert_cmpint (forecast->forecast.status, ==, CG_STOCK_BELOW_FLOOR);
  g_assert_cmpstr (forecast->runout_date, ==, "2026-11-19");
  g_assert_cmpint (forecast->forecast.suggested_order, ==, 600);
}

static void
test_store_series (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) series = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item = add_item (f, "84消毒液", 12);
  GDate from, to;
  const CgSupplyPoint *point;

  /* 120 bottles on 06-01, 2 used a day from 06-01.  Each day of the chart
   * is the forecast of that day: before 06-01 nothing (unlimited); on
   * 06-10 on hand 120 − 20 = 100, rate 2 → 50 days; on 06-20 80 → 40. */
  add_movement (f, item, "2026-06-01", CG_MOVE_RECEIPT, 120);
  add_daily_use (f, item, "2026-06-01", 20, 2);
  g_assert_true (cg_date_parse ("2026-05-30", &from));
  g_assert_true (cg_date_parse ("2026-06-20", &to));
  series = cg_stock_forecast_series (f->store, f->policy, item, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 22);

  point = &g_array_index (series, CgSupplyPoint, 0);
  g_assert_true (point->unlimited);
  g_assert_cmpint (point->on_hand, ==, 0);

  point = &g_array_index (series, CgSupplyPoint, 11);   /* 06-10 */
  g_assert_cmpint (g_date_get_day (&point->date), ==, 10);
  g_assert_cmpint (point->on_hand, ==, 100);
  assert_near (point->days_of_supply, 50.0);
  g_assert_cmpint (point->status, ==, CG_STOCK_BELOW_TARGET);

  point = &g_array_index (series, CgSupplyPoint, 21);   /* 06-20 */
  g_assert_cmpint (point->on_hand, ==, 80);
  assert_near (point->days_of_supply, 40.0);
  g_assert_cmpint (point->status, ==, CG_STOCK_BELOW_FLOOR);
}

static void
test_store_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) forecasts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GDate date;

  /* An item with no use: null days and run-out date, a JSON number 0 rate. */
  add_item (f, "护目镜", 10);
  g_assert_true (cg_date_parse ("2026-06-20", &date));
  forecasts = cg_stock_forecast_all (f->store, f->policy, &date, &error);
  g_assert_no_error (error);
  json = cg_item_forecasts_to_json (forecasts);
  g_assert_nonnull (strstr (json, "\"item\": \"护目镜\""));
  g_assert_nonnull (strstr (json, "\"days_of_supply\": null"));
  g_assert_nonnull (strstr (json, "\"runout_date\": null"));
  g_assert_nonnull (strstr (json, "\"peak_rate\": 0,"));
  g_assert_nonnull (strstr (json, "\"status\": \"ok\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);

  g_test_add_func ("/forecast/short-history", test_short_history_without_figure);
  g_test_add_func ("/forecast/short-history-entered", test_short_history_with_figure);
  g_test_add_func ("/forecast/peak-in-the-middle", test_peak_in_the_middle);
  g_test_add_func ("/forecast/rescue-half-occupancy", test_rescue_half_occupancy);
  g_test_add_func ("/forecast/no-use", test_no_use_at_all);
  g_test_add_func ("/forecast/pack-rounding", test_pack_rounding);
  g_test_add_func ("/forecast/status-boundaries", test_status_boundaries);
  g_test_add_func ("/forecast/replenishment-days", test_replenishment_days);
  g_test_add ("/forecast/store/stock-count", Fixture, GINT_TO_POINTER (CG_KIND_CARE_HOME),
              fixture_set_up, test_store_stock_count, cg_test_store_fixture_tear_down);
  g_test_add ("/forecast/store/cdc-burn-rate", Fixture, GINT_TO_POINTER (CG_KIND_CARE_HOME),
              fixture_set_up, test_store_cdc_burn_rate, cg_test_store_fixture_tear_down);
  g_test_add ("/forecast/store/rescue-station", Fixture, GINT_TO_POINTER (CG_KIND_RESCUE_STATION),
              fixture_set_up, test_store_rescue_station, cg_test_store_fixture_tear_down);
  g_test_add ("/forecast/store/series", Fixture, GINT_TO_POINTER (CG_KIND_CARE_HOME),
              fixture_set_up, test_store_series, cg_test_store_fixture_tear_down);
  g_test_add ("/forecast/store/json", Fixture, GINT_TO_POINTER (CG_KIND_CARE_HOME),
              fixture_set_up, test_store_json, cg_test_store_fixture_tear_down);

  return g_test_run ();
}
