/* cg-services-charts.h — the charts of the funeral services: services per
 * day against the mourning limit (FH-5), the mourning periods against it,
 * and the hall disinfections against the minimum a day (FH-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-chart.h"
#include "cg-module.h"
#include "cg-service-stats.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* ---- the chart data (no widgets: the tests build them on their own) ---- */

/* Services started per day, stacked: within the limit, over it, and —
 * only when the span has one — COVID-19 cases (no mourning period).
 * Series 0 and 1 are always there. */
CgChartData *cg_services_chart_per_day   (const CgServiceStats *stats);

/* Per day, the longest mourning period of the services started that day,
 * in hours rounded up to the tenth (72 h exactly stays 72.0, a minute
 * more is 72.1): series 0 when within the limit, series 1 (red) when
 * over it, NAN in the other and on days without one; a dashed line at
 * the limit ("Limit 72 h").  COVID-19 cases have no mourning period and
 * are left out. */
CgChartData *cg_services_chart_durations (const CgServiceStats *stats);
/* Hours rounded up to the tenth, as the chart shows them. */
double       cg_services_chart_hours     (double                hours);

/* Disinfections per hall per day: one series per hall (grouped bars), a
 * value only on the days the hall was in use (NAN otherwise; 0 when in
 * use and not disinfected, drawn as a stub), and a dashed line at the
 * policy's minimum ("Minimum 2 a day").  When the last day is today, a
 * marker at its start: "Today, so far". */
CgChartData *cg_services_chart_halls     (const CgServiceStats *stats);

/* Over more days than this, a bar per hall and day is too thin to read:
 * the widget shows cg_services_chart_hall_days() instead. */
#define CG_SERVICES_CHARTS_PER_HALL_DAYS 31

/* Per day, the halls in use, stacked: disinfected at least the minimum
 * (green) and fewer times (red, FH-6); when the last day is today
 * (stats->last_day_open), its halls with too few so far are a third,
 * grey series ("Today, not yet 2 times"), NAN on the other days, and the
 * red one is NAN that day.  Readable over a year, where the bars of each
 * hall are not. */
CgChartData *cg_services_chart_hall_days (const CgServiceStats *stats);

/* Two lines for the head of the charts: "12 services started, 1 over
 * the mourning limit." and "Halls in use: 20 hall-days, 3 of them with
 * fewer than 2 disinfections." (only when a hall was in use). */
char        *cg_services_charts_summary  (const CgServiceStats *stats);

/* ---- the widget ---------------------------------------------------------- */

#define CG_TYPE_SERVICES_CHARTS (cg_services_charts_get_type ())
G_DECLARE_FINAL_TYPE (CgServicesCharts, cg_services_charts, CG, SERVICES_CHARTS, AdwBin)

/* The three charts over the last 30, 90 or 365 days (a choice of the
 * user), loaded in a thread with a store of its own on the same file. */
GtkWidget *cg_services_charts_new    (CgStore          *store,
                                      const CgModule   *module);
/* Reads the store again (after its "changed" signal, say); while the
 * widget is not shown, once it is. */
void       cg_services_charts_reload (CgServicesCharts *self);

G_END_DECLS
