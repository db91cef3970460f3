/* cg-chart-private.h — what cg-chart.c and cg-chart-draw.c share
 *
 * Not installed, not for the rest of the program: the public API is
 * cg-chart.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

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
/* Timelines */
guint          cg_chart_count_rows       (const CgChartData   *data);
CgChartRow    *cg_chart_row_at           (const CgChartData   *data,
                                          guint                i);
/* Where a span is drawn, in fractional slots clipped to [0, n_slots]:
 * from *start, solid up to *solid_end, lighter from there to *end (only
 * an open span has a lighter part).  FALSE when nothing of it is visible. */
gboolean       cg_chart_span_extent      (const CgChartData   *data,
                                          const CgChartSpan   *span,
                                          guint                n_slots,
                                          double              *start,
                                          double              *solid_end,
                                          double              *end);
void           cg_chart_row_free         (gpointer             row);
/* cg_chart_describe_slot() of a timeline */
char          *cg_chart_describe_timeline_slot (const CgChartData *data,
                                          int                  slot);
/* "; 隔离1号: 王某, 李某" (or ": nothing"), for cg_chart_describe() */
void           cg_chart_append_row_summary (GString           *text,
                                          const CgChartData   *data,
                                          const CgChartRow    *row,
                                          guint                n_slots);
/* The marker is set and within [0, n_slots]. */
gboolean       cg_chart_marker_visible   (const CgChartData   *data,
                                          guint                n_slots);

/* Short units ("%", "℃", "人") go on every tick, longer ones once above the axis. */
gboolean       cg_chart_unit_is_long     (const CgChartData   *data);

/* Layout and drawing, shared by cg-chart-draw.c and cg-chart-timeline.c */

/* Sizes are in surface units: pixels on screen and in PNGs, points in PDFs. */
#define MAX_BAR_WIDTH       48.0
#define MAX_TICKS           64

/* A legend entry's place. */
typedef struct
{
  double x;
  double width;
  guint  row;
} LegendItem;

/* Where everything goes, worked out once by cg_chart_layout_compute(). */
typedef struct
{
  CgChartGeometry g;

  double   width;
  double   height;
  double   font_px;        /* base text size */
  double   small_px;       /* ticks, x labels, legend */
  double   pad;
  double   line_h;         /* height of a line of small text */

  gboolean has_title;
  double   title_y;
  double   title_h;

  double   content_top;    /* below the title: where the empty text is centred */

  gboolean unit_caption;
  double   caption_y;

  guint    tick_decimals;

  guint    x_stride;
  double   x_label_y;

  gboolean refs_outside;

  guint    legend_rows;
  double   legend_y;
  double   legend_row_h;
  double   swatch_w;

  /* the marker's label goes on a line above the plot (with the unit caption) */
  gboolean marker_caption;

  /* timelines */
  double   row_label_w;
  double   natural_height;
} Layout;

void           cg_chart_layout_compute   (Layout              *l,
                                          const CgChartData   *data,
                                          const CgChartStyle  *style,
                                          double               width,
                                          double               height,
                                          GArray              *legend_items);
/* The timeline part of cg_chart_layout_compute(), from @top down. */
void           cg_chart_layout_timeline  (Layout              *l,
                                          const CgChartData   *data,
                                          const CgChartStyle  *style,
                                          PangoContext        *context,
                                          double               top);

void           cg_chart_set_font         (PangoLayout         *layout,
                                          const CgChartStyle  *style,
                                          double               px,
                                          gboolean             bold);
/* The first tick at or above @lo, and a tick's text. */
double         cg_chart_tick_start       (double               lo,
                                          double               step);
char          *cg_chart_tick_label       (const CgChartData   *data,
                                          const Layout        *l,
                                          double               value);
void           cg_chart_measure          (PangoContext        *context,
                                          const CgChartStyle  *style,
                                          double               px,
                                          gboolean             bold,
                                          const char          *text,
                                          double              *width,
                                          double              *height);
void           cg_chart_layout_size      (PangoLayout         *layout,
                                          double              *width,
                                          double              *height);
/* The widest x label (*last_w: the last one's width). */
double         cg_chart_widest_x_label   (PangoContext        *context,
                                          const CgChartStyle  *style,
                                          const CgChartData   *data,
                                          double               px,
                                          double              *last_w);
/* Strides that read well for days: 1, 2, 3, 5, 7, 10, 14 … */
guint          cg_chart_nice_stride      (double               need);

void           cg_chart_set_rgba         (cairo_t             *cr,
                                          const double         rgba[4],
                                          double               alpha);
PangoLayout   *cg_chart_text_layout      (cairo_t             *cr,
                                          const CgChartStyle  *style,
                                          double               px,
                                          gboolean             bold,
                                          const char          *text);
void           cg_chart_show_layout_at   (cairo_t             *cr,
                                          PangoLayout         *layout,
                                          double               x,
                                          double               y);
/* A crisp line of width 1 sits on a half pixel. */
double         cg_chart_snap             (double               y,
                                          double               line_width);

/* Timelines: the day and row lines with the row labels; the bars
 * (labels FALSE) or their labels (TRUE). */
void           cg_chart_draw_timeline_grid (cairo_t            *cr,
                                          const Layout        *l,
                                          const CgChartData   *data,
                                          const CgChartStyle  *style);
void           cg_chart_draw_timeline    (cairo_t             *cr,
                                          const Layout        *l,
                                          const CgChartData   *data,
                                          const CgChartStyle  *style,
                                          gboolean             labels);

G_END_DECLS
