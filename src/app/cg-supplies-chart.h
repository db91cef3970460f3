/* cg-supplies-chart.h — the days-of-supply chart of one item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"
#include "cg-forecast.h"

G_BEGIN_DECLS

/* How far the chart looks ahead at most. */
#define CG_SUPPLIES_CHART_FUTURE_DAYS 30

/* Whole days of supply, rounded down: 59.96 days is "59", never "60"
 * beside "Below target". */
double       cg_supplies_whole_days   (double                days_of_supply);

/* The chart of an item's days of supply at peak use: @points (CgSupplyPoint,
 * oldest first, the last one the day forecast) as a solid line, then the
 * projection at the recent pace as a dashed line down to zero over the
 * next days (up to CG_SUPPLIES_CHART_FUTURE_DAYS, or a few days past the
 * run-out date when that is sooner), the floor and target lines, and the
 * marker "Runs out 12-03" at the middle of the run-out day when it falls
 * within the chart.  Values are whole days, rounded down. */
CgChartData *cg_supplies_chart_new    (const CgItemForecast *forecast,
                                       const GArray         *points);

G_END_DECLS
