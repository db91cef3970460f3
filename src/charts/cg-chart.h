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
  CG_CHART_TIMELINE,      /* rows of spans over day slots */
} CgChartKind;

typedef struct
{
  char    *label;         /* legend text, translated */
  double   rgb[3];        /* 0..1 */
  GArray  *values;        /* double, one per x slot; NAN = no value */
  gboolean dashed;        /* line charts: a dashed line without dots (a projection) */
} CgChartSeries;

typedef struct
{
  char    *label;         /* e.g. "100%" or "Floor 45 days" */
  double   value;
  double   rgb[3];
  gboolean dashed;
} CgChartLine;

/* A span of a timeline row.  Positions are fractional slots: 0 is the
 * start of the first day, 1 the start of the second, so a stay from the
 * start of day 3 to the end of day 5 is [2, 5). */
typedef struct
{
  double   start;
  double   end;            /* NAN: still open (drawn to planned_end, or to the last slot) */
  double   planned_end;    /* NAN: none; otherwise a tick there */
  char    *label;          /* "王某 day 3 of 14": the read-out of the slots it covers */
  double   rgb[3];
} CgChartSpan;

typedef struct
{
  char    *label;          /* written left of the row, e.g. "隔离1号" */
  GArray  *spans;          /* CgChartSpan */
} CgChartRow;

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
  GPtrArray   *rows;           /* CgChartRow*, top to bottom: CG_CHART_TIMELINE only */
  double       marker;         /* a vertical dashed line at this fractional slot
                                * (the middle of day k is k + 0.5); NAN = none */
  char        *marker_label;   /* written above the plot at the marker; may be NULL */
  double       marker_rgb[3];
  gboolean     marker_has_rgb; /* FALSE: the marker takes the text colour */
  gboolean     show_zero;      /* CG_CHART_BAR: a value of 0 is drawn as a low stub,
                                * so that "none" differs from "no value" (NAN);
                                * FALSE (the default): nothing is drawn for 0 */
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
/* TRUE when @slot lies between the first and the last value of the series:
 * a NAN there is a gap worth naming ("no value"); outside, the series has
 * nothing to say (a projection before today, the history after it). */
gboolean       cg_chart_series_in_range (const CgChartSeries *series,
                                        int                  slot);
void           cg_chart_data_add_line  (CgChartData *data,
                                        const char  *label,
                                        double       value,
                                        double       r,
                                        double       g,
                                        double       b,
                                        gboolean     dashed);

/* Timelines (CG_CHART_TIMELINE).  The x slots are days
 * (cg_chart_data_add_x per day); a timeline with rows and slots is not
 * empty even when no row has a span (every room free is worth showing).
 * Spans are clipped to the slots. */
guint          cg_chart_data_add_row   (CgChartData *data,
                                        const char  *label);   /* returns the row index */
void           cg_chart_data_add_span  (CgChartData *data,
                                        guint        row,
                                        double       start,
                                        double       end,
                                        double       planned_end,
                                        const char  *label,
                                        double       r,
                                        double       g,
                                        double       b);
/* A vertical dashed line at a fractional slot, with its label above the
 * plot ("Today", "Runs out 12-03"); NAN = none.  Any kind of chart.
 * On a timeline, an open span is solid up to the marker and lighter after
 * it (the marker being today); one still open past its planned end
 * reaches the marker; without a marker an open span fades over its last
 * day.  A finished span's planned-end tick is left out where it falls on
 * another span of its row. */
void           cg_chart_data_set_marker (CgChartData *data,
                                        double       slot,
                                        const char  *label);
void           cg_chart_data_set_marker_colour (CgChartData *data,
                                        double       r,
                                        double       g,
                                        double       b);
/* TRUE when the span is drawn over (part of) the day @slot, the lighter
 * part of an open span included: the rows a read-out names. */
gboolean       cg_chart_span_covers_slot (const CgChartData *data,
                                        const CgChartSpan *span,
                                        int                slot);

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
  guint       n_rows;                /* CG_CHART_TIMELINE: rows, top to bottom from y */
  double      row_height;
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
/* The x of a fractional slot position (0 = the left edge of the plot,
 * n_slots = its right edge), as for spans and the marker. */
double         cg_chart_geometry_slot_x      (const CgChartGeometry *geometry,
                                              double                 slot);
/* Timelines: the band [y0, y1] of a row; FALSE for a row that is not there. */
gboolean       cg_chart_geometry_row_extent  (const CgChartGeometry *geometry,
                                              guint                  row,
                                              double                *y0,
                                              double                *y1);
/* Timelines: the row under y, or -1. */
int            cg_chart_geometry_row_at      (const CgChartGeometry *geometry,
                                              double                 y);
/* Timelines: the rectangle of a span's bar as drawn, clipped to the plot
 * (x1 is the end of the lighter part of an open span).  FALSE when the
 * span is out of the visible slots, or the chart is no timeline. */
gboolean       cg_chart_geometry_span_rect   (const CgChartGeometry *geometry,
                                              const CgChartData     *data,
                                              guint                  row,
                                              guint                  span,
                                              double                *x0,
                                              double                *x1,
                                              double                *y0,
                                              double                *y1);
/* Timelines: the height at which every row gets its full height (the
 * chart may be drawn smaller: rows get thinner).  0 for other kinds. */
double         cg_chart_get_natural_height   (const CgChartData     *data,
                                              const CgChartStyle    *style);
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
 * read-out and for the accessible description.  On a timeline, the rows
 * with a span there: "11-23: 隔离1号: 王某 day 3 of 14; 隔离2号: …". */
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
