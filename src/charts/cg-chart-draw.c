/* cg-chart-draw.c — drawing a chart with Cairo, from its layout
 * (cg-chart-layout.c)
 *
 * The data and text side is in cg-chart.c, the rows of timelines in
 * cg-chart-timeline.c.
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

/* Drawing */

void
cg_chart_set_rgba (cairo_t      *cr,
          const double  rgba[4],
          double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

PangoLayout *
cg_chart_text_layout (cairo_t            *cr,
             const CgChartStyle *style,
             double              px,
             gboolean            bold,
             const char         *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  cg_chart_set_font (layout, style, px, bold);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

void
cg_chart_show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A crisp horizontal line of width 1 sits on a half pixel. */
double
cg_chart_snap (double y,
      double line_width)
{
  return ((int) round (line_width) % 2 == 1) ? floor (y) + 0.5 : round (y);
}

/* A bar from base to end, its far end rounded. */
static void
bar_path (cairo_t *cr,
          double   x0,
          double   x1,
          double   base,
          double   end,
          double   radius)
{
  double h = fabs (end - base);
  double w = x1 - x0;
  double r = MIN (radius, MIN (w / 2, h));

  if (w <= 0 || h <= 0)
    return;

  if (r < 0.5)
    {
      cairo_rectangle (cr, x0, MIN (base, end), w, h);
      return;
    }

  if (end < base)
    {
      cairo_move_to (cr, x0, base);
      cairo_line_to (cr, x0, end + r);
      cairo_arc (cr, x0 + r, end + r, r, G_PI, 1.5 * G_PI);
      cairo_arc (cr, x1 - r, end + r, r, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, x1, base);
    }
  else
    {
      cairo_move_to (cr, x0, base);
      cairo_line_to (cr, x0, end - r);
      cairo_arc_negative (cr, x0 + r, end - r, r, G_PI, 0.5 * G_PI);
      cairo_arc_negative (cr, x1 - r, end - r, r, 0.5 * G_PI, 0);
      cairo_line_to (cr, x1, base);
    }
  cairo_close_path (cr);
}

static double
baseline_value (const Layout *l)
{
  return CLAMP (0.0, l->g.y_lo, l->g.y_hi);
}

static void
draw_grid (cairo_t            *cr,
           const Layout       *l,
           const CgChartData  *data,
           const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  double base_y = cg_chart_snap (cg_chart_geometry_value_y (g, baseline_value (l)), 1);
  double label_top = G_MAXDOUBLE;
  double v;
  guint i;

  cairo_set_line_width (cr, 1.0);
  for (v = cg_chart_tick_start (g->y_lo, g->y_step), i = 0; v <= g->y_hi + g->y_step * 1e-6 && i < MAX_TICKS; v += g->y_step, i++)
    {
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double y = cg_chart_snap (cg_chart_geometry_value_y (g, v), 1);
      double w, h;

      if (fabs (y - base_y) > 0.5)
        {
          cg_chart_set_rgba (cr, style->grid, 1.0);
          cairo_move_to (cr, g->x, y);
          cairo_line_to (cr, g->x + g->width, y);
          cairo_stroke (cr);
        }

      text = cg_chart_tick_label (data, l, v);
      layout = cg_chart_text_layout (cr, style, l->small_px, FALSE, text);
      cg_chart_layout_size (layout, &w, &h);
      /* on a very short plot, labels that would overlap are left out */
      if (y + h / 2 <= label_top)
        {
          cg_chart_set_rgba (cr, style->fg, 0.7);
          cg_chart_show_layout_at (cr, layout, g->x - l->font_px * 0.5 - w, y - h / 2);
          label_top = y - h / 2;
        }
      g_object_unref (layout);
    }

  if (l->unit_caption)
    {
      PangoLayout *layout = cg_chart_text_layout (cr, style, l->small_px, FALSE, data->y_unit);
      double w;

      cg_chart_layout_size (layout, &w, NULL);
      cg_chart_set_rgba (cr, style->fg, 0.7);
      cg_chart_show_layout_at (cr, layout, MAX (l->pad, g->x - l->font_px * 0.5 - w), l->caption_y);
      g_object_unref (layout);
    }
}

static void
draw_highlight (cairo_t            *cr,
                const Layout       *l,
                const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  double cx, w;

  if (style->highlight < 0 || (guint) style->highlight >= g->n_slots)
    return;

  cx = cg_chart_geometry_slot_center (g, style->highlight);
  w = MAX (g->slot_width, 3.0);
  cg_chart_set_rgba (cr, style->fg, 0.10);
  cairo_rectangle (cr, cx - w / 2, g->y, w, g->height);
  cairo_fill (cr);
}

static void
draw_bars (cairo_t            *cr,
           const Layout       *l,
           const CgChartData  *data,
           const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  double base_y = cg_chart_geometry_value_y (g, baseline_value (l));
  double radius = MIN (3.0, l->font_px * 0.25);
  guint slot, i;

  for (slot = 0; slot < g->n_slots; slot++)
    {
      double x0, x1;

      if (data->kind == CG_CHART_BAR)
        {
          for (i = 0; i < cg_chart_count_series (data); i++)
            {
              const CgChartSeries *series = cg_chart_series_at (data, i);
              double v = cg_chart_value_at (series, slot);

              if (!isfinite (v) || (v == 0.0 && !data->show_zero))
                continue;
              cg_chart_geometry_bar_span (g, slot, i, &x0, &x1);
              cairo_set_source_rgb (cr, series->rgb[0], series->rgb[1], series->rgb[2]);
              if (v == 0.0)
                {
                  /* a stub above the baseline: "none", not "no value" */
                  double stub = MAX (3.0, round (l->font_px * 0.25));

                  cairo_rectangle (cr, x0, base_y - stub, x1 - x0, stub);
                }
              else
                bar_path (cr, x0, x1, base_y, cg_chart_geometry_value_y (g, v), radius);
              cairo_fill (cr);
            }
        }
      else
        {
          double pos = 0.0, neg = 0.0;
          int top_pos = -1, top_neg = -1;

          for (i = 0; i < cg_chart_count_series (data); i++)
            {
              double v = cg_chart_value_at (cg_chart_series_at (data, i), slot);

              if (isfinite (v) && v > 0)
                top_pos = i;
              else if (isfinite (v) && v < 0)
                top_neg = i;
            }

          cg_chart_geometry_bar_span (g, slot, 0, &x0, &x1);
          for (i = 0; i < cg_chart_count_series (data); i++)
            {
              const CgChartSeries *series = cg_chart_series_at (data, i);
              double v = cg_chart_value_at (series, slot);
              double from, to, h;
              gboolean last;

              if (!isfinite (v) || v == 0.0)
                continue;

              if (v > 0)
                {
                  from = cg_chart_geometry_value_y (g, pos);
                  pos += v;
                  to = cg_chart_geometry_value_y (g, pos);
                  last = (int) i == top_pos;
                }
              else
                {
                  from = cg_chart_geometry_value_y (g, neg);
                  neg += v;
                  to = cg_chart_geometry_value_y (g, neg);
                  last = (int) i == top_neg;
                }

              /* a hairline of background between segments, whatever the background */
              h = fabs (to - from);
              if (!last && h > 3)
                to += (to < from) ? 1.0 : -1.0;

              cairo_set_source_rgb (cr, series->rgb[0], series->rgb[1], series->rgb[2]);
              bar_path (cr, x0, x1, from, to, last ? radius : 0.0);
              cairo_fill (cr);
            }
        }
    }
}

static void
draw_lines (cairo_t            *cr,
            const Layout       *l,
            const CgChartData  *data,
            const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  gboolean dots = g->slot_width >= 12;
  guint slot, i;

  guint n_solid = 0;

  for (i = 0; i < cg_chart_count_series (data); i++)
    if (!cg_chart_series_at (data, i)->dashed)
      n_solid++;

  for (i = 0; i < cg_chart_count_series (data); i++)
    {
      const CgChartSeries *series = cg_chart_series_at (data, i);
      const double *rgb = series->rgb;

      /* a soft area under a lone series (a projection beside it is no rival) */
      if (n_solid == 1 && !series->dashed)
        {
          cairo_pattern_t *fade = cairo_pattern_create_linear (0, g->y, 0, g->y + g->height);
          double bottom = g->y + g->height;
          gboolean open = FALSE;
          double first_x = 0, last_x = 0;

          cairo_pattern_add_color_stop_rgba (fade, 0, rgb[0], rgb[1], rgb[2], 0.22);
          cairo_pattern_add_color_stop_rgba (fade, 1, rgb[0], rgb[1], rgb[2], 0.02);
          cairo_set_source (cr, fade);

          for (slot = 0; slot <= g->n_slots; slot++)
            {
              double v = slot < g->n_slots ? cg_chart_value_at (series, slot) : NAN;
              double x = cg_chart_geometry_slot_center (g, slot);

              if (isfinite (v))
                {
                  double y = cg_chart_geometry_value_y (g, v);

                  if (!open)
                    {
                      cairo_move_to (cr, x, y);
                      first_x = x;
                      open = TRUE;
                    }
                  else
                    cairo_line_to (cr, x, y);
                  last_x = x;
                }
              else if (open)
                {
                  cairo_line_to (cr, last_x, bottom);
                  cairo_line_to (cr, first_x, bottom);
                  cairo_close_path (cr);
                  open = FALSE;
                }
            }
          cairo_fill (cr);
          cairo_pattern_destroy (fade);
        }

      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_set_line_width (cr, CLAMP (g->slot_width, 1.5, 2.0));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (series->dashed)
        {
          static const double dashes[] = { 6.0, 4.0 };

          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      else
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

      for (slot = 0; slot < g->n_slots; slot++)
        {
          double v = cg_chart_value_at (series, slot);
          double x = cg_chart_geometry_slot_center (g, slot);

          if (!isfinite (v))
            continue;
          if (slot > 0 && isfinite (cg_chart_value_at (series, slot - 1)))
            cairo_line_to (cr, x, cg_chart_geometry_value_y (g, v));
          else
            cairo_move_to (cr, x, cg_chart_geometry_value_y (g, v));
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* dots where they fit, and for values standing alone between gaps */
      for (slot = 0; slot < g->n_slots; slot++)
        {
          double v = cg_chart_value_at (series, slot);
          double x, y;
          gboolean alone;

          if (!isfinite (v))
            continue;
          alone = (slot == 0 || !isfinite (cg_chart_value_at (series, slot - 1))) &&
                  (slot + 1 >= g->n_slots || !isfinite (cg_chart_value_at (series, slot + 1)));
          /* a projection has no measured points: only the highlight */
          if ((series->dashed || (!dots && !alone)) && (int) slot != style->highlight)
            continue;

          x = cg_chart_geometry_slot_center (g, slot);
          y = cg_chart_geometry_value_y (g, v);
          if ((int) slot == style->highlight)
            {
              /* a halo rather than a ring, so it needs no background colour */
              cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.25);
              cairo_arc (cr, x, y, 8.0, 0, 2 * G_PI);
              cairo_fill (cr);
              cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
              cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
            }
          else
            cairo_arc (cr, x, y, 2.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
draw_baseline (cairo_t            *cr,
               const Layout       *l,
               const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  double y = cg_chart_snap (cg_chart_geometry_value_y (g, baseline_value (l)), 1);

  cairo_set_line_width (cr, 1.0);
  cg_chart_set_rgba (cr, style->fg, 0.35);
  cairo_move_to (cr, g->x, y);
  cairo_line_to (cr, g->x + g->width, y);
  cairo_stroke (cr);
}

typedef struct
{
  const CgChartLine *line;
  double             y;      /* of the line */
  double             text_y; /* middle of its label */
} RefLabel;

static int
compare_ref_labels (gconstpointer a,
                    gconstpointer b)
{
  const RefLabel *ra = a, *rb = b;

  return (ra->y > rb->y) - (ra->y < rb->y);
}

static void
draw_reference_lines (cairo_t            *cr,
                      const Layout       *l,
                      const CgChartData  *data,
                      const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (RefLabel));
  guint i;

  if (data->lines == NULL)
    return;

  for (i = 0; i < data->lines->len; i++)
    {
      const CgChartLine *line = g_ptr_array_index (data->lines, i);
      double y;

      if (!isfinite (line->value) ||
          line->value < g->y_lo - g->y_step * 1e-6 ||
          line->value > g->y_hi + g->y_step * 1e-6)
        continue;

      y = cg_chart_snap (cg_chart_geometry_value_y (g, line->value), 2);
      cairo_set_source_rgb (cr, line->rgb[0], line->rgb[1], line->rgb[2]);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      if (line->dashed)
        {
          static const double dashes[] = { 6.0, 4.0 };

          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      cairo_move_to (cr, g->x, y);
      cairo_line_to (cr, g->x + g->width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (line->label != NULL && line->label[0] != '\0')
        {
          RefLabel label = { line, y, y };

          g_array_append_val (labels, label);
        }
    }

  /* labels of close lines must not overlap: push them apart, top down */
  g_array_sort (labels, compare_ref_labels);
  for (i = 1; i < labels->len; i++)
    {
      RefLabel *prev = &g_array_index (labels, RefLabel, i - 1);
      RefLabel *label = &g_array_index (labels, RefLabel, i);

      label->text_y = MAX (label->text_y, prev->text_y + l->line_h);
    }

  for (i = 0; i < labels->len; i++)
    {
      const RefLabel *label = &g_array_index (labels, RefLabel, i);
      PangoLayout *layout = cg_chart_text_layout (cr, style, l->small_px, FALSE, label->line->label);
      double w, h;

      cg_chart_layout_size (layout, &w, &h);
      cg_chart_set_rgba (cr, style->fg, 0.85);
      if (l->refs_outside)
        cg_chart_show_layout_at (cr, layout, g->x + g->width + l->font_px * 0.5, label->text_y - h / 2);
      else
        {
          /* above the line, or below it when there is no room above */
          double y = label->y - 3 - h;

          if (y < g->y)
            y = label->y + 3;
          cg_chart_show_layout_at (cr, layout, g->x + g->width - w - 4, y);
        }
      g_object_unref (layout);
    }
}

static void
draw_x_labels (cairo_t            *cr,
               const Layout       *l,
               const CgChartData  *data,
               const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  double left_edge = G_MAXDOUBLE;
  guint stride = MAX (l->x_stride, 1);
  guint k;

  cg_chart_set_rgba (cr, style->fg, 0.7);
  /* from the last (today) backwards, so the newest label is always there */
  for (k = g->n_slots; k-- > 0;)
    {
      PangoLayout *layout;
      double w, x;

      if ((g->n_slots - 1 - k) % stride != 0)
        continue;

      layout = cg_chart_text_layout (cr, style, l->small_px, FALSE, cg_chart_x_label_at (data, k));
      cg_chart_layout_size (layout, &w, NULL);
      x = cg_chart_geometry_slot_center (g, k) - w / 2;
      x = CLAMP (x, 0, MAX (l->width - w, 0));
      if (x + w <= left_edge - l->font_px * 0.4)
        {
          cg_chart_show_layout_at (cr, layout, x, l->x_label_y);
          left_edge = x;
        }
      g_object_unref (layout);
    }
}

static void
draw_legend (cairo_t            *cr,
             const Layout       *l,
             const CgChartData  *data,
             const CgChartStyle *style,
             GArray             *items)
{
  guint i, item = 0;

  for (i = 0; i < cg_chart_count_series (data) && item < items->len; i++)
    {
      const CgChartSeries *series = cg_chart_series_at (data, i);
      const LegendItem *li;
      PangoLayout *layout;
      double y, cy, h;

      if (series->label == NULL || series->label[0] == '\0')
        continue;

      li = &g_array_index (items, LegendItem, item++);
      y = l->legend_y + li->row * l->legend_row_h;
      layout = cg_chart_text_layout (cr, style, l->small_px, FALSE, series->label);
      cg_chart_layout_size (layout, NULL, &h);
      cy = y + h / 2;

      cairo_set_source_rgb (cr, series->rgb[0], series->rgb[1], series->rgb[2]);
      if (data->kind == CG_CHART_LINE)
        {
          cairo_set_line_width (cr, 2.5);
          cairo_set_line_cap (cr, series->dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
          if (series->dashed)
            {
              double dash = (l->swatch_w - 3) / 3;

              cairo_set_dash (cr, &dash, 1, 0);
            }
          cairo_move_to (cr, li->x + 1.5, cy);
          cairo_line_to (cr, li->x + l->swatch_w - 1.5, cy);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          double s = l->swatch_w;

          cairo_new_sub_path (cr);
          cairo_arc (cr, li->x + s - 2, cy - s / 2 + 2, 2, -G_PI / 2, 0);
          cairo_arc (cr, li->x + s - 2, cy + s / 2 - 2, 2, 0, G_PI / 2);
          cairo_arc (cr, li->x + 2, cy + s / 2 - 2, 2, G_PI / 2, G_PI);
          cairo_arc (cr, li->x + 2, cy - s / 2 + 2, 2, G_PI, 1.5 * G_PI);
          cairo_close_path (cr);
          cairo_fill (cr);
        }

      cg_chart_set_rgba (cr, style->fg, 0.85);
      cg_chart_show_layout_at (cr, layout, li->x + l->swatch_w + l->font_px * 0.45, y);
      g_object_unref (layout);
    }
}

/* The vertical dashed line of the marker, its label on the caption line
 * above the plot, centred on it as far as the chart allows. */
static void
draw_marker (cairo_t            *cr,
             const Layout       *l,
             const CgChartData  *data,
             const CgChartStyle *style)
{
  static const double dashes[] = { 5.0, 3.0 };
  const CgChartGeometry *g = &l->g;
  double rgba[4];
  double x;

  if (!cg_chart_marker_visible (data, g->n_slots))
    return;

  if (data->marker_has_rgb)
    {
      rgba[0] = data->marker_rgb[0];
      rgba[1] = data->marker_rgb[1];
      rgba[2] = data->marker_rgb[2];
      rgba[3] = 1.0;
    }
  else
    memcpy (rgba, style->fg, sizeof rgba);

  /* a line of 2 on whole pixels, inside the plot at its edges */
  x = round (cg_chart_geometry_slot_x (g, data->marker));
  x = CLAMP (x, g->x + 1, g->x + g->width - 1);
  cairo_save (cr);
  cg_chart_set_rgba (cr, rgba, 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, g->y - (l->marker_caption ? l->font_px * 0.2 : 0));
  cairo_line_to (cr, x, g->y + g->height);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (l->marker_caption)
    {
      PangoLayout *layout = cg_chart_text_layout (cr, style, l->small_px, TRUE, data->marker_label);
      double w, tx;

      cg_chart_layout_size (layout, &w, NULL);
      tx = x - w / 2;
      tx = CLAMP (tx, g->x, MAX (l->width - l->pad - w, g->x));
      cg_chart_set_rgba (cr, rgba, 1.0);
      cg_chart_show_layout_at (cr, layout, tx, l->caption_y);
      g_object_unref (layout);
    }
}

static void
draw_empty (cairo_t            *cr,
            const Layout       *l,
            const CgChartData  *data,
            const CgChartStyle *style)
{
  const char *text = data->empty_text != NULL && data->empty_text[0] != '\0'
                       ? data->empty_text : _("No data to show");
  PangoLayout *layout = cg_chart_text_layout (cr, style, l->font_px, FALSE, text);
  double avail = MAX (l->height - l->content_top, 0);
  double w, h;

  pango_layout_set_width (layout, (int) (MAX (l->width - 2 * l->pad, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  cg_chart_layout_size (layout, &w, &h);

  cg_chart_set_rgba (cr, style->fg, 0.55);
  cg_chart_show_layout_at (cr, layout, l->pad, l->content_top + (avail - h) / 2);
  g_object_unref (layout);
}

void
cg_chart_draw (cairo_t            *cr,
               double              width,
               double              height,
               const CgChartData  *data,
               const CgChartStyle *style)
{
  CgChartStyle default_style;
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (LegendItem));
  Layout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  if (style == NULL)
    {
      cg_chart_style_init (&default_style);
      style = &default_style;
    }

  cg_chart_layout_compute (&l, data, style, width, height, legend);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, l.width, l.height);
  cairo_clip (cr);

  if (style->bg[3] > 0)
    {
      cg_chart_set_rgba (cr, style->bg, 1.0);
      cairo_paint (cr);
    }

  if (l.has_title)
    {
      PangoLayout *title = cg_chart_text_layout (cr, style, l.font_px * 1.1, TRUE, data->title);

      pango_layout_set_width (title, (int) (MAX (l.width - 2 * l.pad, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      cg_chart_set_rgba (cr, style->fg, 1.0);
      cg_chart_show_layout_at (cr, title, l.pad, l.title_y);
      g_object_unref (title);
    }

  if (l.g.empty)
    {
      draw_empty (cr, &l, data, style);
      cairo_restore (cr);
      return;
    }

  if (!l.g.valid)
    {
      cairo_restore (cr);
      return;
    }

  draw_highlight (cr, &l, style);

  if (data->kind == CG_CHART_TIMELINE)
    {
      cg_chart_draw_timeline_grid (cr, &l, data, style);
      cairo_save (cr);
      cairo_rectangle (cr, l.g.x, l.g.y - 4, l.g.width, l.g.height + 8);
      cairo_clip (cr);
      cg_chart_draw_timeline (cr, &l, data, style, FALSE);
      cairo_restore (cr);
      /* today over the bars, the names over today */
      draw_marker (cr, &l, data, style);
      cg_chart_draw_timeline (cr, &l, data, style, TRUE);
      draw_x_labels (cr, &l, data, style);
      cairo_restore (cr);
      return;
    }

  draw_grid (cr, &l, data, style);

  /* Reference lines go over bars, which would hide them, but under a
   * line, whose points must stay visible where they meet the target. */
  if (data->kind == CG_CHART_LINE)
    {
      draw_baseline (cr, &l, style);
      draw_reference_lines (cr, &l, data, style);
    }

  cairo_save (cr);
  /* values out of an explicit range are cut at the plot, with room for dots */
  cairo_rectangle (cr, l.g.x - 9, l.g.y - 9, l.g.width + 18, l.g.height + 18);
  cairo_clip (cr);
  if (data->kind == CG_CHART_LINE)
    draw_lines (cr, &l, data, style);
  else
    draw_bars (cr, &l, data, style);
  cairo_restore (cr);

  if (data->kind != CG_CHART_LINE)
    {
      draw_baseline (cr, &l, style);
      draw_reference_lines (cr, &l, data, style);
    }
  /* over the values: a shaded area must not tint it */
  draw_marker (cr, &l, data, style);
  draw_x_labels (cr, &l, data, style);
  if (l.legend_rows > 0)
    draw_legend (cr, &l, data, style, legend);

  cairo_restore (cr);
}
