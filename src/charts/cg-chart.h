/* cg-chart.h — charts drawn with Cairo on any surface (screen, PNG, PDF)
 *
 * No GTK here: the window's CgChartView, the tests and the exports all
 * draw through these functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CG_CHART_LINE,          /* one polyline per series */
  CG_CHART_BAR,           /* grouped bars per x slot */
  CG_CHART_STACKED_BAR,   /* bars stacked per x slot */
} CgChartKind;

typedef struct
{
  char    *label;         /* legend text, translated */
  double   rgb[3];        /* 0..1 */
  GArray  *values;        /* double, one per x slot; NAN = no value */
} CgChartSeries;

typedef struct
{
  char    *label;         /* e.g. "100%" or "Floor 45 days" */
  double   value;
  double   rgb[3];
  gboolean dashed;
} CgChartLine;

typedef struct
{
  CgChartKind  kind;
  char        *title;          /* translated; may be NULL */
  char        *y_unit;         /* "%", "people", "℃" … appended to tick labels/readouts;
                                * a unit longer than 2 characters is written once
                                * above the y axis instead of on every tick */
  GPtrArray   *x_labels;       /* char*, one per slot (e.g. "11-23"), a slot being a day;
                                * labels are thinned to fit, the last one always shown */
  GPtrArray   *series;         /* CgChartSeries* */
  GPtrArray   *lines;          /* CgChartLine*: horizontal reference lines */
  double       y_min;          /* axis range; when y_min == y_max it is computed */
  double       y_max;
  guint        y_decimals;     /* digits after the point in labels */
  char        *empty_text;     /* shown when there is no value at all */
} CgChartData;

CgChartData   *cg_chart_data_new       (CgChartKind  kind,
                                        const char  *title,
                                        const char  *y_unit);
void           cg_chart_data_free      (CgChartData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgChartData, cg_chart_data_free)
void           cg_chart_data_add_x     (CgChartData *data,
                                        const char  *label);
CgChartSeries *cg_chart_data_add_series (CgChartData *data,
                                        const char  *label,
                                        double       r,
                                        double       g,
                                        double       b);
/* The number of x slots: the longer of the labels and the series. */
guint          cg_chart_data_get_n_slots (const CgChartData *data);
/* TRUE when there is not one finite value to draw. */
gboolean       cg_chart_data_is_empty  (const CgChartData *data);
void           cg_chart_series_append  (CgChartSeries *series,
                                        double         value);
void           cg_chart_data_add_line  (CgChartData *data,
                                        const char  *label,
                                        double       value,
                                        double       r,
                                        double       g,
                                        double       b,
                                        gboolean     dashed);

typedef struct
{
  const char *font_family;   /* e.g. "Noto Sans CJK SC, Cantarell, sans" */
  double      font_size;     /* points at 96 dpi: 10 pt is 13.3 units of the surface */
  double      fg[4];         /* text and axes, RGBA */
  double      grid[4];
  double      bg[4];         /* alpha 0 = leave the surface as it is */
  int         highlight;     /* x slot to highlight, -1 for none */
} CgChartStyle;

/* The default light style (dark text on white). */
void           cg_chart_style_init     (CgChartStyle *style);

/* Draws the whole chart into the rectangle (0,0,width,height). */
void           cg_chart_draw           (cairo_t           *cr,
                                        double             width,
                                        double             height,
                                        const CgChartData *data,
                                        const CgChartStyle *style);

/* The x slot under the point (x,y) of a chart drawn at width×height with
 * the default style, or -1. */
int            cg_chart_slot_at        (const CgChartData *data,
                                        double             width,
                                        double             height,
                                        double             x,
                                        double             y);

/* Where cg_chart_draw() puts things.  Drawing, pointer hit-testing and the
 * tests all go through the same layout, so they cannot disagree. */
typedef struct
{
  double      x, y, width, height;   /* the plot rectangle */
  guint       n_slots;               /* x slots (0 when empty) */
  double      slot_width;
  double      y_lo, y_hi;            /* value range of the plot's bottom and top */
  double      y_step;                /* grid and tick step: 1, 2 or 5 × 10^k */
  gboolean    empty;                 /* no value at all: the empty text is shown */
  gboolean    valid;                 /* FALSE when there is no room for a plot */
  CgChartKind kind;
  guint       n_series;
} CgChartGeometry;

/* style may be NULL for the default style; only its font matters here. */
void           cg_chart_get_geometry   (const CgChartData  *data,
                                        const CgChartStyle *style,
                                        double              width,
                                        double              height,
                                        CgChartGeometry    *geometry);
/* The slot under (x,y), or -1 outside the plot (or when empty/invalid). */
int            cg_chart_geometry_slot_at     (const CgChartGeometry *geometry,
                                              double                 x,
                                              double                 y);
/* The x of the middle of a slot. */
double         cg_chart_geometry_slot_center (const CgChartGeometry *geometry,
                                              int                    slot);
/* The y where a value is drawn (may be outside the plot for values out of range). */
double         cg_chart_geometry_value_y     (const CgChartGeometry *geometry,
                                              double                 value);
/* The horizontal extent [x0, x1] of the bar of one series in one slot
 * (for stacked bars all series share it).  FALSE for line charts. */
gboolean       cg_chart_geometry_bar_span    (const CgChartGeometry *geometry,
                                              int                    slot,
                                              guint                  series,
                                              double                *x0,
                                              double                *x1);

/* "11-23: Coverage 96.5 %; …" — the values of one slot, for the pointer
 * read-out and for the accessible description. */
char          *cg_chart_describe_slot  (const CgChartData *data,
                                        int                slot);
/* A value as the chart writes it: y_decimals digits and the unit
 * ("96.5 %"), or "no value" for NAN. */
char          *cg_chart_format_value   (const CgChartData *data,
                                        double             value);
/* A sentence that sums the chart up for screen readers. */
char          *cg_chart_describe       (const CgChartData *data);

#define CG_CHART_ERROR (cg_chart_error_quark ())
typedef enum
{
  CG_CHART_ERROR_SIZE,     /* width or height out of range */
  CG_CHART_ERROR_WRITE,    /* the file could not be written */
} CgChartError;
GQuark         cg_chart_error_quark    (void);

/* Write the chart to a PNG or PDF file (default style, white background).
 * PNG sizes are pixels, PDF sizes points; both are drawn with the same
 * proportions, so a 800×400 PNG and a 800×400 pt PDF look alike. */
gboolean       cg_chart_write_png      (const CgChartData *data,
                                        int                width,
                                        int                height,
                                        const char        *path,
                                        GError           **error);
gboolean       cg_chart_write_pdf      (const CgChartData *data,
                                        double             width_pt,
                                        double             height_pt,
                                        const char        *path,
                                        GError           **error);

G_END_DECLS
