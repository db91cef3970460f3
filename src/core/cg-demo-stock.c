/* cg-demo-stock.c — the demonstration's protective supplies: a year of
 * receipts, daily use with the seasons and weekly counts, one item
 * rationed below its floor today (FH-1/CH-x supply alerts)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-stock.h"

/* Use per day of a 100-bed care home in summer (staff masks changed every
 * four hours, residents' masks on outings and visits, suits for the
 * observation room and fever-clinic trips), for the items that
 * cg_stock_ensure_defaults_in_transaction() puts on the ledger. */
static const struct
{
  const char *name;
  double      base_use;
} demo_items[] = {
  { "医用外科口罩", 90.0 }, { "N95口罩", 4.0 }, { "防护服", 1.2 }, { "84消毒液", 1.5 },
  { "护目镜", 0.3 }, { "一次性帽子", 25.0 }, { "鞋套", 20.0 }, { "医用手套", 40.0 },
};

/* 防护服 has been rationed lately: below its floor today. */
#define DEMO_SHORT_ITEM 2
#define DEMO_DAYS 365
#define DEMO_TOP_UP_DAYS 65   /* the target and a few days of margin */
#define DEMO_RATIONED_DAYS 90

typedef struct
{
  CgStore     *store;
  gint64       item_id;
  gint64       on_hand;
  char         day[11];
} DemoLedger;

static gboolean
demo_insert (DemoLedger     *ledger,
             CgMoveKind      kind,
             gint64          quantity,
             CgStockSource   source,
             const char     *expiry,
             const char     *batch,
             const char     *note,
             GError        **error)
{
  g_autofree char *now = cg_datetime_now_utc ();
  sqlite3_stmt *stmt;
  gint64 delta;

  switch (kind)
    {
    case CG_MOVE_RECEIPT: delta = quantity; break;
    case CG_MOVE_USE: delta = -quantity; break;
    case CG_MOVE_COUNT:
    case CG_N_MOVE_KINDS:
    default: delta = quantity - ledger->on_hand; break;
    }

  stmt = cg_store_prepare (ledger->store,
                           "INSERT INTO stock_movement (item_id, occurred_on, kind, quantity, delta, source, "
                           "expiry, batch, note, who, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ledger->item_id);
  cg_bind_text (stmt, 2, ledger->day);
  cg_bind_text (stmt, 3, cg_move_kind_to_string (kind));
  sqlite3_bind_int64 (stmt, 4, quantity);
  sqlite3_bind_int64 (stmt, 5, delta);
  cg_bind_text (stmt, 6, cg_stock_source_to_string (source));
  cg_bind_text (stmt, 7, expiry);
  cg_bind_text (stmt, 8, batch != NULL ? batch : "");
  cg_bind_text (stmt, 9, note != NULL ? note : "");
  cg_bind_text (stmt, 10, "demo");
  cg_bind_text (stmt, 11, now);
  if (!cg_store_step_done (ledger->store, stmt, error))
    return FALSE;
  ledger->on_hand += delta;
  return TRUE;
}

/* Whole units from a fractional expectation, without losing the fraction
 * over a year (1.2 suits a day is one most days and two some days). */
static gint64
demo_round (GRand  *rand,
            double  expected)
{
  double whole = floor (expected);

  return (gint64) whole + (g_rand_double (rand) < expected - whole ? 1 : 0);
}

gboolean
cg_stock_demo_fill (CgStore            *store,
                    CgInstitutionKind   kind,
                    int                 beds,
                    const GDate        *today,
                    GRand              *rand,
                    GError            **error)
{
  g_autoptr(GPtrArray) items = NULL;
  /* RS-6 plans on 30 days, the others on 45 (the documents' values). */
  int floor_days = kind == CG_KIND_RESCUE_STATION ? 30 : 45;
  double scale;
  GDate first;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (rand != NULL, FALSE);

  if (cg_stock_ensure_defaults_in_transaction (store, "demo", error) < 0)
    return FALSE;
  items = cg_stock_items_list (store, FALSE, error);
  if (items == NULL)
    return FALSE;

  /* A funeral home has no beds: its use follows its staff and services. */
  scale = kind == CG_KIND_FUNERAL_HOME || beds <= 0 ? 0.5 : beds / 100.0;
  first = *today;
  g_date_subtract_days (&first, DEMO_DAYS - 1);

  for (guint i = 0; i < G_N_ELEMENTS (demo_items); i++)
    {
      g_autoptr(CgStockItem) item = NULL;
      g_autofree gint64 *use = g_new0 (gint64, DEMO_DAYS);
      DemoLedger ledger = { store, 0, 0, "" };
      int last_receipt = ((DEMO_DAYS - 1) / 15) * 15;

      for (guint j = 0; j < items->len && item == NULL; j++)
        if (g_strcmp0 (((CgStockItem *) items->pdata[j])->name, demo_items[i].name) == 0)
          item = cg_stock_item_copy (items->pdata[j]);
      if (item == NULL)
        continue;
      ledger.item_id = item->id;

      for (int d = 0; d < DEMO_DAYS; d++)
        {
          GDate date = first;
          double season, expected;
          gint64 quantity;

          g_date_add_days (&date, (guint) d);
          g_snprintf (ledger.day, sizeof ledger.day, "%04d-%02d-%02d",
                      g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
          /* Winter peak in mid-January (1.6 ×), lowest in mid-July. */
          season = 1.0 + 0.3 * (1.0 + cos (2.0 * G_PI * (g_date_get_day_of_year (&date) - 15) / 365.0));
          expected = demo_items[i].base_use * scale * season * g_rand_double_range (rand, 0.8, 1.2);
          if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
            expected *= 0.85;

          /* A delivery every 15 days from the first, in the morning. */
          if (d % 15 == 0)
            {
              CgForecastInput in = { 0 };
              CgForecast forecast;
              GDate expiry_date = date;
              g_autofree char *expiry = NULL;
              g_autofree char *batch = NULL;
              const char *note = NULL;
              double days = DEMO_TOP_UP_DAYS;
              gint64 order;
              CgStockSource source;

              in.use = use;
              in.n_days = (guint) d;
              in.on_hand = ledger.on_hand;
              in.pack_size = item->pack_size;
              in.floor_days = floor_days;
              in.target_days = DEMO_TOP_UP_DAYS;
              in.recent_window_days = 14;
              /* Before any history: what a summer month of use would be. */
              in.peak30_override = (gint64) ceil (demo_items[i].base_use * scale * 1.3 * 30);
              cg_forecast_compute (&in, &forecast);

              if (i == DEMO_SHORT_ITEM && d > last_receipt - DEMO_RATIONED_DAYS)
                {
                  /* The supplier has been rationing it for three months:
                   * at most about three weeks' worth (two and a half at
                   * a rescue station), so it sinks below its floor. */
                  days = kind == CG_KIND_RESCUE_STATION ? 18 : 25;
                  note = "供应商缺货，按量配给";
                }
              order = (gint64) ceil (days * forecast.peak_rate) - ledger.on_hand;
              order = (order + item->pack_size - 1) / item->pack_size * item->pack_size;
              source = (d / 15) % 5 == 3 ? CG_SOURCE_DONATED
                       : (d / 15) % 2 == 0 ? CG_SOURCE_ALLOCATED : CG_SOURCE_BOUGHT;
              g_date_add_years (&expiry_date, item->category == CG_STOCK_DISINFECTANT ? 1 : 2);
              expiry = cg_date_to_iso (&expiry_date);
              batch = g_strdup_printf ("%c%04d%02d%02d", "ABCDEFGH"[i],
                                       g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
              /* Nothing to order: nothing delivered. */
              if (order > 0
                  && !demo_insert (&ledger, CG_MOVE_RECEIPT, order, source, expiry, batch, note, error))
                return FALSE;
            }

          quantity = MIN (demo_round (rand, expected), ledger.on_hand);
          if (quantity > 0)
            {
              if (!demo_insert (&ledger, CG_MOVE_USE, quantity, CG_SOURCE_NONE, NULL, NULL, NULL, error))
                return FALSE;
              use[d] += quantity;
            }

          /* A stock count at the end of each quarter finds a little less. */
          if (d % 91 == 90 && ledger.on_hand > 0)
            {
              gint64 before = ledger.on_hand;
              gint64 counted = before - (gint64) floor (before * g_rand_double_range (rand, 0.0, 0.015));

              if (!demo_insert (&ledger, CG_MOVE_COUNT, counted, CG_SOURCE_NONE, NULL, NULL, "季度盘点", error))
                return FALSE;
              use[d] += before - counted;
            }
        }
    }
  return TRUE;
}
