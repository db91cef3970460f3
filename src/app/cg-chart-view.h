/* cg-chart-view.h — a chart on screen, with the value under the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-chart.h"

G_BEGIN_DECLS

#define CG_TYPE_CHART_VIEW (cg_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CgChartView, cg_chart_view, CG, CHART_VIEW, GtkWidget)

GtkWidget         *cg_chart_view_new           (void);

/* Takes the data (transfer full; NULL clears the view), clears the
 * highlight and updates the accessible label and description. */
void               cg_chart_view_set_data      (CgChartView *self,
                                                CgChartData *data);
const CgChartData *cg_chart_view_get_data      (CgChartView *self);

/* The highlighted x slot (under the pointer or chosen with Left/Right),
 * -1 for none.  Also the "highlight" property. */
int                cg_chart_view_get_highlight (CgChartView *self);
void               cg_chart_view_set_highlight (CgChartView *self,
                                                int          slot);

/* The read-out of the highlighted slot ("11-23: Coverage 96.5 %"),
 * NULL when nothing is highlighted.  Also the "readout" property. */
char              *cg_chart_view_dup_readout   (CgChartView *self);

G_END_DECLS
