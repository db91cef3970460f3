/* cg-chart-private.h — what cg-chart.c and cg-chart-draw.c share
 *
 * Not installed, not for the rest of the program: the public API is
 * cg-chart.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"

G_BEGIN_DECLS

/* Sizes are in surface units: pixels on screen and in PNGs, points in PDFs. */
#define DEFAULT_FONT_FAMILY "Noto Sans CJK SC, Cantarell, sans-serif"
#define DEFAULT_FONT_SIZE   10.0

/* The number of x slots: the longer of the labels and the series. */
guint          cg_chart_count_slots      (const CgChartData   *data);
guint          cg_chart_count_series     (const CgChartData   *data);
CgChartSeries *cg_chart_series_at        (const CgChartData   *data,
                                          guint                i);
/* NAN past the end of the series. */
double         cg_chart_value_at         (const CgChartSeries *series,
                                          guint                slot);
/* "" past the end of the labels. */
const char    *cg_chart_x_label_at       (const CgChartData   *data,
                                          guint                slot);
/* The extent of what is drawn: values, or the stacks of stacked bars.
 * FALSE when there is no finite value. */
gboolean       cg_chart_value_extent     (const CgChartData   *data,
                                          double              *lo,
                                          double              *hi);
gboolean       cg_chart_has_values       (const CgChartData   *data);

/* @decimals digits, never "-0.0". */
char          *cg_chart_format_number    (double               value,
                                          guint                decimals);
/* "96.5 %", or "no value" for NAN; @unit may be NULL. */
char          *cg_chart_format_with_unit (double               value,
                                          guint                decimals,
                                          const char          *unit);
/* Short units ("%", "℃", "人") go on every tick, longer ones once above the axis. */
gboolean       cg_chart_unit_is_long     (const CgChartData   *data);

G_END_DECLS
