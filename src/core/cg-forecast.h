/* cg-forecast.h — how long the protective supplies last (CH-6, CW-4, FH-1, RS-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rules.md "Stock forecast — one formula for all", in two layers:
 *
 * - cg_forecast_compute() is a pure function over an item's daily use,
 *   so that every number can be worked out by hand in a test;
 * - cg_stock_forecast_*() read the ledger of cg-stock.h and the people
 *   present (rescue stations) from the store and call it.
 *
 * The CDC's PPE Burn Rate Calculator computes "burn rate = use per day" and
 * "days left = on hand / burn rate".  Here the burn rate is peak_rate: the
 * use per day of the worst 30 days (which is the CDC's rate when the use is
 * steady), and days_of_supply is the CDC's "days left" at that rate.  The
 * CDC tool knows only stock counts: a count that finds less than the ledger
 * says is use here too (see cg-stock.h), so the two agree on count-only data.
 */
#pragma once

#include "cg-policy.h"
#include "cg-stock.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* Worst last, so that statuses compare by severity. */
typedef enum
{
  CG_STOCK_OK,
  CG_STOCK_BELOW_TARGET,   /* fewer days than the target (60): amber */
  CG_STOCK_BELOW_FLOOR,    /* fewer days than the floor (45; 30 for rescue stations): red */
  CG_STOCK_OUT,            /* nothing on hand, and the item is needed */
  CG_N_STOCK_STATUSES
} CgStockStatus;

const char *cg_stock_status_to_string (CgStockStatus status);  /* "ok", "below-target", "below-floor", "stock-out" */
const char *cg_stock_status_label     (CgStockStatus status);  /* translated */

/* Where peak30 comes from. */
typedef enum
{
  CG_PEAK_NONE,          /* no use and no entered figure: nothing to plan on */
  CG_PEAK_HISTORY,       /* the largest use of 30 consecutive days (history ≥ 30 days) */
  CG_PEAK_ENTERED,       /* history < 30 days: the entered figure (or the use so far, if larger) */
  CG_PEAK_EXTRAPOLATED,  /* history < 30 days, no figure: use per day so far × 30 */
} CgPeakSource;

#define CG_FORECAST_PEAK_DAYS 30

typedef struct
{
  /* Use per day, oldest first: use[0] is the first day of the item's
   * ledger, use[n_days - 1] the day forecast.  n_days 0: no ledger yet. */
  const gint64 *use;
  guint         n_days;
  gint64        on_hand;          /* at the end of the day forecast */
  gint64        peak30_override;   /* the entered figure; ≤ 0 when none */
  gint64        pack_size;        /* ≥ 1 */
  int           floor_days;
  int           target_days;
  int           recent_window_days;
  /* Rescue stations (RS-6): people present per day (aligned with @use)
   * and the beds; NULL / 0 for the other institutions. */
  const double *occupancy;
  int           beds;
} CgForecastInput;

typedef struct
{
  gint64        on_hand;
  double        peak30;          /* as seen (or entered), before any full-load scaling */
  CgPeakSource  peak_source;
  guint         peak_first;      /* CG_PEAK_HISTORY: index in use[] of the peak window's first day */
  guint         peak_days;       /* days the peak figure was taken over (30, or the short history) */
  double        load_factor;     /* beds / average occupancy of that window; 1 when not scaled */
  double        peak_rate;       /* per day, peak30 / 30 × load_factor */
  double        recent_rate;     /* per day, over the last recent_window_days (or the short history) */
  gboolean      unlimited;       /* peak_rate is 0: no use at all, days_of_supply means nothing */
  double        days_of_supply;  /* on_hand / peak_rate */
  int           floor_days;
  int           target_days;
  int           runout_days;     /* run-out date = day + runout_days; -1 when recent_rate is 0 */
  gint64        suggested_order; /* target_days × peak_rate − on_hand, ≥ 0, whole packs */
  CgStockStatus status;
} CgForecast;

/* The formula of rules.md on one item's history; never divides by zero. */
void        cg_forecast_compute       (const CgForecastInput *input,
                                       CgForecast            *out);

/* The next replenishment day on or after @date: every @every_days from
 * @anchor (the first receipt of the ledger).  An invalid @anchor (no
 * receipt yet) makes @date the replenishment day. */
void        cg_forecast_next_replenishment (const GDate *anchor,
                                       const GDate *date,
                                       int          every_days,
                                       GDate       *out);

/* ---------------------------------------------------------------------- */
/* From the store                                                          */

typedef struct
{
  CgStockItem *item;
  CgForecast   forecast;
  GDate        date;                 /* the day forecast */
  char        *runout_date;          /* YYYY-MM-DD, or NULL when recent_rate is 0 */
  char        *next_replenishment;   /* YYYY-MM-DD: the day the order is for */
  gboolean     full_load;            /* rescue station: peak_rate scaled to the beds (RS-6) */
} CgItemForecast;

void        cg_item_forecast_free     (CgItemForecast *forecast);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgItemForecast, cg_item_forecast_free)

/* The forecast of every item that is not archived, in the order of
 * cg_stock_items_list(), as on @date (movements after it are ignored).
 * Array of CgItemForecast. */
GPtrArray  *cg_stock_forecast_all     (CgStore        *store,
                                       const CgPolicy *policy,
                                       const GDate    *date,
                                       GError        **error);
/* One item (archived ones too); NULL with @error when it does not exist. */
CgItemForecast *cg_stock_forecast_item (CgStore       *store,
                                       const CgPolicy *policy,
                                       gint64          item_id,
                                       const GDate    *date,
                                       GError        **error);
/* The order list for the next replenishment day: the forecasts of @date
 * whose suggested order is above 0.  Array of CgItemForecast; *@day_out
 * (optional) gets the replenishment day. */
GPtrArray  *cg_stock_order_list       (CgStore        *store,
                                       const CgPolicy *policy,
                                       const GDate    *date,
                                       GDate          *day_out,
                                       GError        **error);
/* The next replenishment day on or after @date (see
 * cg_forecast_next_replenishment; the anchor is the ledger's first receipt). */
gboolean    cg_stock_next_replenishment (CgStore       *store,
                                       const CgPolicy *policy,
                                       const GDate    *date,
                                       GDate          *out,
                                       GError        **error);

/* A point of the days-of-supply chart: the forecast as it was that day. */
typedef struct
{
  GDate          date;
  gint64         on_hand;
  double         days_of_supply;   /* meaningless when unlimited */
  gboolean       unlimited;
  double         peak_rate;
  CgStockStatus  status;
} CgSupplyPoint;

/* One CgSupplyPoint per day from @from to @to inclusive, each worked out
 * from the ledger up to that day (days before the ledger starts have
 * nothing on hand and are unlimited unless a peak figure is entered). */
GArray     *cg_stock_forecast_series  (CgStore        *store,
                                       const CgPolicy *policy,
                                       gint64          item_id,
                                       const GDate    *from,
                                       const GDate    *to,
                                       GError        **error);

/* JSON array of {"item","unit","on_hand","peak30","peak_rate","recent_rate",
 * "days_of_supply","floor_days","target_days","runout_date",
 * "suggested_order","status"} (interfaces.md); days_of_supply and
 * runout_date are null when there is no use to plan on. */
char       *cg_item_forecasts_to_json (GPtrArray *forecasts);

/* Appends the alerts of CH-6, CW-4, FH-1 or RS-6 (those that apply) to
 * @alerts (CgAlert*): stock-out critical, below the floor warning,
 * below the target information, with the numbers in the message. */
gboolean    cg_stock_evaluate_rules   (CgStore        *store,
                                       const CgPolicy *policy,
                                       const GDate    *date,
                                       GPtrArray      *alerts,
                                       GError        **error);

G_END_DECLS
