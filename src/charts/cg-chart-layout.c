/* cg-chart-layout.c — where a chart puts things
 *
 * Everything that has a position is computed once, by
 * cg_chart_layout_compute(), from the data, the font and the size.
 * cg_chart_draw() (cg-chart-draw.c) and the hit-testing of the pointer
 * both read that layout, which is why the slot under the pointer is
 * always the one that is drawn there.
 *
 * Text is measured with a Pango context of our own, unhinted and
 * independent of the surface, so the layout of a chart is the same on
 * screen, in a PNG and in a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

#include "cg-chart.h"
#include "cg-chart-private.h"


/* Axis steps */

/* 1, 2 or 5 × 10^k, the smallest not below raw. */
static double
nice_step (double raw)
{
  double mag, f;

  if (!isfinite (raw) || raw <= 0)
    return 1.0;

  mag = pow (10.0, floor (log10 (raw)));
  f = raw / mag;
  if (f <= 1.0 + 1e-9)
    f = 1.0;
  else if (f <= 2.0 + 1e-9)
    f = 2.0;
  else if (f <= 5.0 + 1e-9)
    f = 5.0;
  else
    f = 10.0;

  return f * mag;
}

static guint
step_decimals (double step)
{
  double d;

  if (step >= 1.0)
    return 0;

  d = ceil (-log10 (step) - 1e-9);
  return (guint) CLAMP (d, 0, 9);
}

/* Layout */


void
cg_chart_set_font (PangoLayout        *layout,
                   const CgChartStyle *style,
                   double              px,
                   gboolean            bold)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->font_family != NULL && style->font_family[0] != '\0'
                                             ? style->font_family : DEFAULT_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, MAX (px, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

static PangoContext *
measure_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

void
cg_chart_layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
cg_chart_measure (PangoContext       *context,
         const CgChartStyle *style,
         double              px,
         gboolean            bold,
         const char         *text,
         double             *width,
         double             *height)
{
  PangoLayout *layout = pango_layout_new (context);

  cg_chart_set_font (layout, style, px, bold);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  cg_chart_layout_size (layout, width, height);
  g_object_unref (layout);
}

static void
compute_axis (const CgChartData *data,
              double             plot_h,
              double             line_h,
              double            *lo_out,
              double            *hi_out,
              double            *step_out)
{
  double min_step = pow (10.0, -(double) MIN (data->y_decimals, 9));
  double target, lo, hi, step;
  guint i;

  target = CLAMP (floor (plot_h / MAX (line_h * 2.4, 1.0)), 2.0, 8.0);

  if (isfinite (data->y_min) && isfinite (data->y_max) && data->y_min < data->y_max)
    {
      *lo_out = data->y_min;
      *hi_out = data->y_max;
      *step_out = nice_step ((data->y_max - data->y_min) / target);
      return;
    }

  if (!cg_chart_value_extent (data, &lo, &hi))
    {
      lo = 0.0;
      hi = 0.0;
    }

  for (i = 0; data->lines != NULL && i < data->lines->len; i++)
    {
      const CgChartLine *line = g_ptr_array_index (data->lines, i);

      if (isfinite (line->value))
        {
          lo = MIN (lo, line->value);
          hi = MAX (hi, line->value);
        }
    }

  if (data->kind != CG_CHART_LINE)
    {
      lo = MIN (lo, 0.0);
      hi = MAX (hi, 0.0);
    }
  else if (lo > 0 && lo <= (hi - lo) * 0.5)
    lo = 0.0;
  else if (hi < 0 && -hi <= (hi - lo) * 0.5)
    hi = 0.0;

  if (hi - lo < min_step)
    {
      /* one value everywhere (all zero, say): give it an axis of its own */
      double span = MAX (min_step * 4, fabs (lo) * 0.2);

      if (lo == 0.0)
        hi = span;
      else if (hi == 0.0)
        lo = -span;
      else
        {
          lo -= span / 2;
          hi += span / 2;
        }
    }

  step = MAX (nice_step ((hi - lo) / target), min_step);
  lo = floor (lo / step + 1e-9) * step;
  hi = ceil (hi / step - 1e-9) * step;
  if (hi <= lo)
    hi = lo + step;

  *lo_out = lo;
  *hi_out = hi;
  *step_out = step;
}

/* Strides that read well for days: a week, a fortnight, a month… */
guint
cg_chart_nice_stride (double need)
{
  static const guint strides[] = { 1, 2, 3, 5, 7, 10, 14, 15, 20, 30, 50, 60, 100 };
  guint i, s;

  if (!isfinite (need) || need <= 1.0)
    return 1;

  for (i = 0; i < G_N_ELEMENTS (strides); i++)
    if (strides[i] >= need)
      return strides[i];

  s = (guint) MIN (ceil (need), (double) G_MAXUINT / 2);
  return ((s + 99) / 100) * 100;
}

/* The widest x label.  With 1000 slots measuring each label on every
 * pointer motion would be wasteful; the longest ones by character count,
 * the first and the last stand for all of them. */
double
cg_chart_widest_x_label (PangoContext       *context,
                const CgChartStyle *style,
                const CgChartData  *data,
                double              px,
                double             *last_w)
{
  guint n = cg_chart_count_slots (data);
  glong longest = 0;
  double widest = 0.0;
  guint measured = 0;
  guint i;

  *last_w = 0.0;
  if (n == 0)
    return 0.0;

  for (i = 0; i < n; i++)
    longest = MAX (longest, g_utf8_strlen (cg_chart_x_label_at (data, i), -1));

  for (i = 0; i < n && measured < 3; i++)
    if (g_utf8_strlen (cg_chart_x_label_at (data, i), -1) == longest)
      {
        double w;

        cg_chart_measure (context, style, px, FALSE, cg_chart_x_label_at (data, i), &w, NULL);
        widest = MAX (widest, w);
        measured++;
      }

  if (n > 1)
    {
      double first_w;

      cg_chart_measure (context, style, px, FALSE, cg_chart_x_label_at (data, 0), &first_w, NULL);
      widest = MAX (widest, first_w);
    }
  cg_chart_measure (context, style, px, FALSE, cg_chart_x_label_at (data, n - 1), last_w, NULL);
  widest = MAX (widest, *last_w);

  return widest;
}

double
cg_chart_tick_start (double lo,
                     double step)
{
  return ceil (lo / step - 1e-9) * step;
}

char *
cg_chart_tick_label (const CgChartData *data,
                     const Layout      *l,
                     double             value)
{
  return cg_chart_format_with_unit (value, l->tick_decimals, cg_chart_unit_is_long (data) ? NULL : data->y_unit);
}

void
cg_chart_layout_compute (Layout             *l,
                const CgChartData  *data,
                const CgChartStyle *style,
                double              width,
                double              height,
                GArray             *legend_items)
{
  CgChartStyle default_style;
  PangoContext *context;
  guint n = cg_chart_count_slots (data);
  double top, bottom, left, right;
  double max_tick_w = 0.0, max_ref_w = 0.0, max_x_w, last_x_w;
  double lo, hi, step, v;
  double row_w = 0.0, legend_avail;
  guint rows = 0, row, i, n_items = 0;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (LegendItem));

  memset (l, 0, sizeof *l);

  if (style == NULL)
    {
      cg_chart_style_init (&default_style);
      style = &default_style;
    }

  if (!isfinite (width) || width < 0)
    width = 0;
  if (!isfinite (height) || height < 0)
    height = 0;

  l->width = width;
  l->height = height;
  l->g.kind = data->kind;
  l->g.n_series = cg_chart_count_series (data);
  l->g.empty = !cg_chart_has_values (data);
  l->g.n_slots = l->g.empty ? 0 : n;
  l->g.y_lo = 0.0;
  l->g.y_hi = 1.0;
  l->g.y_step = 1.0;

  l->font_px = (style->font_size > 0 && isfinite (style->font_size) ? style->font_size : DEFAULT_FONT_SIZE) * 96.0 / 72.0;
  l->small_px = l->font_px * 0.92;
  l->pad = round (l->font_px * 0.75);

  context = measure_context ();
  cg_chart_measure (context, style, l->small_px, FALSE, "0Ag", NULL, &l->line_h);

  top = l->pad;
  if (data->title != NULL && data->title[0] != '\0')
    {
      PangoLayout *title = pango_layout_new (context);

      cg_chart_set_font (title, style, l->font_px * 1.1, TRUE);
      pango_layout_set_text (title, data->title, -1);
      cg_chart_layout_size (title, NULL, &l->title_h);
      g_object_unref (title);

      l->has_title = TRUE;
      l->title_y = top;
      top += l->title_h + l->font_px * 0.5;
    }
  l->content_top = top;

  if (l->g.empty)
    {
      g_object_unref (context);
      return;
    }

  l->marker_caption = cg_chart_marker_visible (data, n) &&
                      data->marker_label != NULL && data->marker_label[0] != '\0';

  if (data->kind == CG_CHART_TIMELINE)
    {
      cg_chart_layout_timeline (l, data, style, context, top);
      g_object_unref (context);
      return;
    }

  /* The legend, in rows centred at the bottom */
  l->swatch_w = data->kind == CG_CHART_LINE ? round (l->font_px * 1.3) : round (l->font_px * 0.8);
  l->legend_row_h = l->line_h + 2;
  legend_avail = MAX (width - 2 * l->pad, 0);
  for (i = 0; i < cg_chart_count_series (data); i++)
    {
      const CgChartSeries *series = cg_chart_series_at (data, i);
      LegendItem item = { 0, };
      double text_w;

      if (series->label == NULL || series->label[0] == '\0')
        continue;

      cg_chart_measure (context, style, l->small_px, FALSE, series->label, &text_w, NULL);
      item.width = l->swatch_w + l->font_px * 0.45 + text_w;
      if (n_items > 0 && row_w + l->font_px * 1.4 + item.width > legend_avail)
        {
          rows++;
          row_w = 0.0;
        }
      item.x = n_items > 0 && row_w > 0 ? row_w + l->font_px * 1.4 : 0.0;
      item.row = rows;
      row_w = item.x + item.width;
      g_array_append_val (items, item);
      n_items++;
    }
  if (n_items > 0)
    rows++;
  if (rows * l->legend_row_h > height * 0.34)
    rows = 0;

  /* centre each row */
  for (row = 0; row < rows; row++)
    {
      double end = 0.0;

      for (i = 0; i < items->len; i++)
        {
          LegendItem *item = &g_array_index (items, LegendItem, i);

          if (item->row == row)
            end = item->x + item->width;
        }
      for (i = 0; i < items->len; i++)
        {
          LegendItem *item = &g_array_index (items, LegendItem, i);

          if (item->row == row)
            item->x += (width - end) / 2;
        }
    }
  l->unit_caption = cg_chart_unit_is_long (data);
  if (l->unit_caption || l->marker_caption)
    {
      /* the unit ends left of the plot, the marker's label starts over
       * it: they share the line */
      l->caption_y = top;
      top += l->line_h + l->font_px * 0.2;
    }
  /* room for the top tick label, which is centred on the top grid line */
  top += l->line_h / 2;

  /* x labels under the plot, the legend under them; on a short chart the
   * legend gives its room to the plot */
  bottom = height - l->pad - l->line_h - l->font_px * 0.3;
  if (rows > 0 && bottom - rows * l->legend_row_h - l->font_px * 0.6 - top < l->line_h * 3)
    rows = 0;
  if (rows > 0)
    {
      l->legend_y = height - l->pad - rows * l->legend_row_h;
      bottom = l->legend_y - l->font_px * 0.6 - l->line_h - l->font_px * 0.3;
    }
  l->legend_rows = rows;
  l->x_label_y = bottom + l->font_px * 0.3;
  if (legend_items != NULL && rows > 0)
    g_array_append_vals (legend_items, items->data, items->len);

  compute_axis (data, bottom - top, l->line_h, &lo, &hi, &step);
  l->g.y_lo = lo;
  l->g.y_hi = hi;
  l->g.y_step = step;
  l->tick_decimals = step_decimals (step);

  for (v = cg_chart_tick_start (lo, step), i = 0; v <= hi + step * 1e-6 && i < MAX_TICKS; v += step, i++)
    {
      g_autofree char *text = cg_chart_tick_label (data, l, v);
      double w;

      cg_chart_measure (context, style, l->small_px, FALSE, text, &w, NULL);
      max_tick_w = MAX (max_tick_w, w);
    }
  left = l->pad + max_tick_w + l->font_px * 0.5;

  for (i = 0; data->lines != NULL && i < data->lines->len; i++)
    {
      const CgChartLine *line = g_ptr_array_index (data->lines, i);
      double w;

      if (line->label == NULL || line->label[0] == '\0')
        continue;
      cg_chart_measure (context, style, l->small_px, FALSE, line->label, &w, NULL);
      max_ref_w = MAX (max_ref_w, w);
    }

  max_x_w = cg_chart_widest_x_label (context, style, data, l->small_px, &last_x_w);

  right = MAX (l->pad, last_x_w / 2);
  if (max_ref_w > 0)
    {
      double ref_right = max_ref_w + l->font_px * 0.5 + l->pad;

      /* on a narrow chart the labels go inside the plot instead */
      l->refs_outside = left + ref_right <= width * 0.45;
      if (l->refs_outside)
        right = MAX (right, ref_right);
    }

  g_object_unref (context);

  l->g.x = left;
  l->g.y = top;
  l->g.width = width - left - right;
  l->g.height = bottom - top;
  l->g.valid = n > 0 && l->g.width >= 8 && l->g.height >= 8;

  if (!l->g.valid)
    {
      l->g.width = MAX (l->g.width, 0);
      l->g.height = MAX (l->g.height, 0);
      l->g.slot_width = 0;
      return;
    }

  l->g.slot_width = l->g.width / n;
  l->x_stride = cg_chart_nice_stride ((max_x_w + l->font_px * 0.8) / l->g.slot_width);
}

void
cg_chart_get_geometry (const CgChartData  *data,
                       const CgChartStyle *style,
                       double              width,
                       double              height,
                       CgChartGeometry    *geometry)
{
  Layout l;

  g_return_if_fail (data != NULL);
  g_return_if_fail (geometry != NULL);

  cg_chart_layout_compute (&l, data, style, width, height, NULL);
  *geometry = l.g;
}

int
cg_chart_geometry_slot_at (const CgChartGeometry *geometry,
                           double                 x,
                           double                 y)
{
  double k;

  g_return_val_if_fail (geometry != NULL, -1);

  if (!geometry->valid || geometry->empty || geometry->n_slots == 0 || geometry->slot_width <= 0)
    return -1;
  if (!(x >= geometry->x && x < geometry->x + geometry->width &&
        y >= geometry->y && y <= geometry->y + geometry->height))
    return -1;

  k = floor ((x - geometry->x) / geometry->slot_width);
  return (int) CLAMP (k, 0, (double) geometry->n_slots - 1);
}

double
cg_chart_geometry_slot_center (const CgChartGeometry *geometry,
                               int                    slot)
{
  g_return_val_if_fail (geometry != NULL, 0.0);

  return geometry->x + (slot + 0.5) * geometry->slot_width;
}

double
cg_chart_geometry_value_y (const CgChartGeometry *geometry,
                           double                 value)
{
  double span;

  g_return_val_if_fail (geometry != NULL, 0.0);

  span = geometry->y_hi - geometry->y_lo;
  if (!(span > 0))
    return geometry->y + geometry->height;

  return geometry->y + geometry->height * (geometry->y_hi - value) / span;
}

double
cg_chart_geometry_slot_x (const CgChartGeometry *geometry,
                          double                 slot)
{
  g_return_val_if_fail (geometry != NULL, 0.0);

  return geometry->x + slot * geometry->slot_width;
}

gboolean
cg_chart_geometry_bar_span (const CgChartGeometry *geometry,
                            int                    slot,
                            guint                  series,
                            double                *x0,
                            double                *x1)
{
  double slot_x, group_w, bar_w, gap;
  guint n;

  g_return_val_if_fail (geometry != NULL, FALSE);

  if (geometry->kind == CG_CHART_LINE || geometry->kind == CG_CHART_TIMELINE ||
      slot < 0 || (guint) slot >= geometry->n_slots)
    return FALSE;

  n = geometry->kind == CG_CHART_BAR ? MAX (geometry->n_series, 1) : 1;
  if (geometry->kind == CG_CHART_STACKED_BAR)
    series = 0;
  else if (series >= n)
    return FALSE;

  slot_x = geometry->x + slot * geometry->slot_width;
  group_w = MIN (geometry->slot_width * (n > 1 ? 0.8 : 0.66), n * MAX_BAR_WIDTH);
  bar_w = group_w / n;
  gap = (n > 1 && bar_w > 6) ? 1.0 : 0.0;

  if (x0 != NULL)
    *x0 = slot_x + (geometry->slot_width - group_w) / 2 + series * bar_w + gap / 2;
  if (x1 != NULL)
    *x1 = slot_x + (geometry->slot_width - group_w) / 2 + (series + 1) * bar_w - gap / 2;

  return TRUE;
}

int
cg_chart_slot_at (const CgChartData *data,
                  double             width,
                  double             height,
                  double             x,
                  double             y)
{
  CgChartGeometry geometry;

  g_return_val_if_fail (data != NULL, -1);

  cg_chart_get_geometry (data, NULL, width, height, &geometry);
  return cg_chart_geometry_slot_at (&geometry, x, y);
}
