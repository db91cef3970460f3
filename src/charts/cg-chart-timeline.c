/* cg-chart-timeline.c — timelines: rows of spans over day slots
 *
 * The isolation rooms over the days, say: one row per room, one span per
 * stay, "today" as the marker.  The layout shares the title, the x labels
 * and the marker with the other kinds (cg-chart-draw.c); the rows, their
 * labels and the bars are here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-chart.h"
#include "cg-chart-private.h"

/* Data */

static void
span_clear (gpointer data)
{
  CgChartSpan *span = data;

  g_clear_pointer (&span->label, g_free);
}

void
cg_chart_row_free (gpointer data)
{
  CgChartRow *row = data;

  g_free (row->label);
  g_array_unref (row->spans);
  g_free (row);
}

guint
cg_chart_data_add_row (CgChartData *data,
                       const char  *label)
{
  CgChartRow *row;

  g_return_val_if_fail (data != NULL, 0);

  row = g_new0 (CgChartRow, 1);
  row->label = g_strdup (label != NULL ? label : "");
  row->spans = g_array_new (FALSE, TRUE, sizeof (CgChartSpan));
  g_array_set_clear_func (row->spans, span_clear);
  g_ptr_array_add (data->rows, row);

  return data->rows->len - 1;
}

void
cg_chart_data_add_span (CgChartData *data,
                        guint        row,
                        double       start,
                        double       end,
                        double       planned_end,
                        const char  *label,
                        double       r,
                        double       g,
                        double       b)
{
  CgChartSpan span = { 0, };

  g_return_if_fail (data != NULL);
  g_return_if_fail (row < cg_chart_count_rows (data));

  span.start = start;
  span.end = end;
  span.planned_end = planned_end;
  span.label = g_strdup (label != NULL ? label : "");
  span.rgb[0] = r;
  span.rgb[1] = g;
  span.rgb[2] = b;
  g_array_append_val (cg_chart_row_at (data, row)->spans, span);
}

guint
cg_chart_count_rows (const CgChartData *data)
{
  return data->rows != NULL ? data->rows->len : 0;
}

CgChartRow *
cg_chart_row_at (const CgChartData *data,
                 guint              i)
{
  return g_ptr_array_index (data->rows, i);
}

gboolean
cg_chart_span_extent (const CgChartData *data,
                      const CgChartSpan *span,
                      guint              n_slots,
                      double            *start_out,
                      double            *solid_end_out,
                      double            *end_out)
{
  double marker = data->marker;
  double start = span->start, end, solid_end;

  if (!isfinite (start))
    return FALSE;

  if (isfinite (span->end))
    {
      end = span->end;
      solid_end = end;
    }
  else
    {
      /* still open: up to the planned end, or to the last slot */
      end = isfinite (span->planned_end) && span->planned_end > start ? span->planned_end : n_slots;
      if (isfinite (marker))
        {
          /* still open past the planned end: it reaches today */
          if (marker > end)
            end = marker;
          /* solid up to today, lighter after it */
          solid_end = CLAMP (marker, start, end);
        }
      else
        {
          /* no today to cut at: the last day fades */
          solid_end = MAX (start, end - MIN (1.0, (end - start) / 2));
        }
    }

  start = MAX (start, 0.0);
  end = MIN (end, (double) n_slots);
  if (!(end > start))
    return FALSE;

  *start_out = start;
  *solid_end_out = CLAMP (solid_end, start, end);
  *end_out = end;
  return TRUE;
}

gboolean
cg_chart_span_covers_slot (const CgChartData *data,
                           const CgChartSpan *span,
                           int                slot)
{
  double start, solid_end, end;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (span != NULL, FALSE);

  if (slot < 0)
    return FALSE;

  return cg_chart_span_extent (data, span, cg_chart_count_slots (data), &start, &solid_end, &end) &&
         start < slot + 1 && end > slot;
}

/* Text */

/* "11-23: 隔离1号: 王某 day 3 of 14; 隔离3号: 李某 day 1 of 14" */
char *
cg_chart_describe_timeline_slot (const CgChartData *data,
                        int                slot)
{
  g_autoptr(GString) text = g_string_new (cg_chart_x_label_at (data, slot));
  guint r, i, found = 0;

  for (r = 0; r < cg_chart_count_rows (data); r++)
    {
      const CgChartRow *row = cg_chart_row_at (data, r);
      guint in_row = 0;

      for (i = 0; i < row->spans->len; i++)
        {
          const CgChartSpan *span = &g_array_index (row->spans, CgChartSpan, i);

          if (!cg_chart_span_covers_slot (data, span, slot))
            continue;

          if (in_row == 0)
            {
              g_string_append (text, found == 0 ? C_("chart readout", ": ") : C_("chart readout", "; "));
              if (row->label != NULL && row->label[0] != '\0')
                /* Translators: a timeline row before what it holds, "隔离1号: 王某 day 3 of 14" */
                g_string_append_printf (text, C_("timeline readout", "%s: "), row->label);
            }
          else
            /* Translators: between two spans of one row in a read-out */
            g_string_append (text, C_("timeline readout", ", "));
          g_string_append (text, span->label != NULL ? span->label : "");
          in_row++;
          found++;
        }
    }

  if (found == 0)
    {
      g_string_append (text, C_("chart readout", ": "));
      /* Translators: the read-out of a timeline day when no row holds anything (every room free) */
      g_string_append (text, C_("timeline readout", "nothing"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "隔离1号: 王某, 李某" or "隔离2号: nothing" */
void
cg_chart_append_row_summary (GString           *text,
                    const CgChartData *data,
                    const CgChartRow  *row,
                    guint              n)
{
  guint i, found = 0;

  g_string_append (text, C_("chart description", "; "));
  if (row->label != NULL && row->label[0] != '\0')
    g_string_append_printf (text, C_("timeline readout", "%s: "), row->label);
  for (i = 0; i < row->spans->len; i++)
    {
      const CgChartSpan *span = &g_array_index (row->spans, CgChartSpan, i);
      double start, solid_end, end;

      if (!cg_chart_span_extent (data, span, n, &start, &solid_end, &end))
        continue;
      if (found++ > 0)
        g_string_append (text, C_("timeline readout", ", "));
      g_string_append (text, span->label != NULL ? span->label : "");
    }
  if (found == 0)
    g_string_append (text, C_("timeline readout", "nothing"));
}

/* Layout */

/* The tallest a timeline row gets: a bar with its label and some air. */
static double
timeline_max_row_h (const Layout *l)
{
  return round (l->line_h * 2.0);
}

/* Rows top to bottom under the title (and the marker's label), their
 * labels left of the plot, the days under the last row. */
void
cg_chart_layout_timeline (Layout             *l,
                 const CgChartData  *data,
                 const CgChartStyle *style,
                 PangoContext       *context,
                 double              top)
{
  guint n = cg_chart_count_slots (data);
  guint rows = cg_chart_count_rows (data);
  double label_w = 0.0, max_x_w, last_x_w, left, right, bottom, row_h;
  guint i;

  if (l->marker_caption)
    {
      l->caption_y = top;
      top += l->line_h + l->font_px * 0.3;
    }

  for (i = 0; i < rows; i++)
    {
      const CgChartRow *row = cg_chart_row_at (data, i);
      double w;

      if (row->label == NULL || row->label[0] == '\0')
        continue;
      cg_chart_measure (context, style, l->small_px, FALSE, row->label, &w, NULL);
      label_w = MAX (label_w, w);
    }
  /* long names are ellipsized rather than eat the plot */
  label_w = ceil (MIN (label_w, l->width * 0.3));
  l->row_label_w = label_w;

  left = l->pad + label_w + (label_w > 0 ? l->font_px * 0.75 : 0.0);
  max_x_w = cg_chart_widest_x_label (context, style, data, l->small_px, &last_x_w);
  right = MAX (l->pad, last_x_w / 2);
  bottom = l->height - l->pad - l->line_h - l->font_px * 0.3;

  row_h = rows > 0 ? MIN ((bottom - top) / rows, timeline_max_row_h (l)) : 0.0;
  row_h = MAX (row_h, 0.0);

  l->g.n_rows = rows;
  l->g.row_height = row_h;
  l->g.x = left;
  l->g.y = top;
  l->g.width = MAX (l->width - left - right, 0);
  l->g.height = row_h * rows;
  l->x_label_y = top + l->g.height + l->font_px * 0.3;
  l->natural_height = ceil (top + rows * timeline_max_row_h (l) + l->font_px * 0.3 + l->line_h + l->pad);
  l->g.valid = n > 0 && rows > 0 && l->g.width >= 8 && row_h >= 3;

  if (!l->g.valid)
    {
      l->g.slot_width = 0;
      return;
    }

  l->g.slot_width = l->g.width / n;
  l->x_stride = cg_chart_nice_stride ((max_x_w + l->font_px * 0.8) / l->g.slot_width);
}

gboolean
cg_chart_geometry_row_extent (const CgChartGeometry *geometry,
                              guint                  row,
                              double                *y0,
                              double                *y1)
{
  g_return_val_if_fail (geometry != NULL, FALSE);

  if (geometry->kind != CG_CHART_TIMELINE || !geometry->valid || geometry->empty ||
      row >= geometry->n_rows)
    return FALSE;

  if (y0 != NULL)
    *y0 = geometry->y + row * geometry->row_height;
  if (y1 != NULL)
    *y1 = geometry->y + (row + 1) * geometry->row_height;
  return TRUE;
}

int
cg_chart_geometry_row_at (const CgChartGeometry *geometry,
                          double                 y)
{
  double k;

  g_return_val_if_fail (geometry != NULL, -1);

  if (geometry->kind != CG_CHART_TIMELINE || !geometry->valid || geometry->empty ||
      geometry->n_rows == 0 || geometry->row_height <= 0)
    return -1;
  if (!(y >= geometry->y && y < geometry->y + geometry->height))
    return -1;

  k = floor ((y - geometry->y) / geometry->row_height);
  return (int) CLAMP (k, 0, (double) geometry->n_rows - 1);
}

/* The bar of a row: its middle, with air above and below. */
static void
timeline_bar_band (const CgChartGeometry *g,
                   guint                  row,
                   double                *y0,
                   double                *y1)
{
  double inset = MIN (g->row_height * 0.16, 8.0);

  *y0 = round (g->y + row * g->row_height + inset);
  *y1 = round (g->y + (row + 1) * g->row_height - inset);
  if (*y1 - *y0 < 2)
    *y1 = *y0 + 2;
}

gboolean
cg_chart_geometry_span_rect (const CgChartGeometry *geometry,
                             const CgChartData     *data,
                             guint                  row,
                             guint                  span,
                             double                *x0,
                             double                *x1,
                             double                *y0,
                             double                *y1)
{
  const CgChartRow *r;
  double start, solid_end, end, top, bottom;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (geometry->kind != CG_CHART_TIMELINE || !geometry->valid || geometry->empty ||
      row >= geometry->n_rows || row >= cg_chart_count_rows (data))
    return FALSE;
  r = cg_chart_row_at (data, row);
  if (span >= r->spans->len)
    return FALSE;
  if (!cg_chart_span_extent (data, &g_array_index (r->spans, CgChartSpan, span),
                             geometry->n_slots, &start, &solid_end, &end))
    return FALSE;

  timeline_bar_band (geometry, row, &top, &bottom);
  if (x0 != NULL)
    *x0 = cg_chart_geometry_slot_x (geometry, start);
  if (x1 != NULL)
    *x1 = cg_chart_geometry_slot_x (geometry, end);
  if (y0 != NULL)
    *y0 = top;
  if (y1 != NULL)
    *y1 = bottom;
  return TRUE;
}

double
cg_chart_get_natural_height (const CgChartData  *data,
                             const CgChartStyle *style)
{
  Layout l;

  g_return_val_if_fail (data != NULL, 0.0);

  if (data->kind != CG_CHART_TIMELINE)
    return 0.0;

  cg_chart_layout_compute (&l, data, style, 1000, 100000, NULL);
  return l.g.empty ? 0.0 : l.natural_height;
}

/* Drawing */

/* Dark text on a light colour, white on a dark one. */
static void
contrast_text (const double rgb[3],
               double       out[4])
{
  double luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  double v = luminance > 0.6 ? 0.1 : 1.0;

  out[0] = out[1] = out[2] = v;
  out[3] = 1.0;
}

static void
rounded_rect (cairo_t *cr,
              double   x0,
              double   y0,
              double   x1,
              double   y1,
              double   radius)
{
  double r = MIN (radius, MIN ((x1 - x0) / 2, (y1 - y0) / 2));

  if (r < 0.5)
    {
      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
  cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
}

/* Day lines, row lines and the row labels. */
void
cg_chart_draw_timeline_grid (cairo_t            *cr,
                    const Layout       *l,
                    const CgChartData  *data,
                    const CgChartStyle *style)
{
  const CgChartGeometry *g = &l->g;
  guint every = g->slot_width >= 6 ? 1 : MAX (l->x_stride, 1);
  guint label_every, k, r;

  cairo_set_line_width (cr, 1.0);
  cg_chart_set_rgba (cr, style->grid, 1.0);
  for (k = 1; k < g->n_slots; k++)
    {
      double x;

      /* counted from the last day, like the labels */
      if ((g->n_slots - k) % every != 0)
        continue;
      x = cg_chart_snap (cg_chart_geometry_slot_x (g, k), 1);
      cairo_move_to (cr, x, g->y);
      cairo_line_to (cr, x, g->y + g->height);
    }
  for (r = 0; r < g->n_rows; r++)
    {
      double y = cg_chart_snap (g->y + r * g->row_height, 1);

      cairo_move_to (cr, g->x, y);
      cairo_line_to (cr, g->x + g->width, y);
    }
  cairo_stroke (cr);

  /* the bottom of the plot, as the baseline of the other kinds */
  cg_chart_set_rgba (cr, style->fg, 0.35);
  cairo_move_to (cr, g->x, cg_chart_snap (g->y + g->height, 1));
  cairo_line_to (cr, g->x + g->width, cg_chart_snap (g->y + g->height, 1));
  cairo_stroke (cr);

  if (l->row_label_w <= 0)
    return;

  /* rows thinner than a line of text: only every so many is named */
  label_every = (guint) MAX (1.0, ceil (l->line_h * 0.95 / MAX (g->row_height, 0.1)));
  cg_chart_set_rgba (cr, style->fg, 0.85);
  for (r = 0; r < g->n_rows; r += label_every)
    {
      const CgChartRow *row = cg_chart_row_at (data, r);
      PangoLayout *layout;
      double h;

      if (row->label == NULL || row->label[0] == '\0')
        continue;
      layout = cg_chart_text_layout (cr, style, l->small_px, FALSE, row->label);
      pango_layout_set_width (layout, (int) (l->row_label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cg_chart_layout_size (layout, NULL, &h);
      cg_chart_show_layout_at (cr, layout, l->pad, g->y + (r + 0.5) * g->row_height - h / 2);
      g_object_unref (layout);
    }
}

/* Where a span's bar is, in pixels: from x0, solid to xs, lighter to x1. */
static gboolean
span_box (const Layout      *l,
          const CgChartData *data,
          guint              row,
          const CgChartSpan *span,
          double             box[5])
{
  const CgChartGeometry *g = &l->g;
  double start, solid_end, end;

  if (!cg_chart_span_extent (data, span, g->n_slots, &start, &solid_end, &end))
    return FALSE;

  timeline_bar_band (g, row, &box[3], &box[4]);
  box[0] = cg_chart_geometry_slot_x (g, start);
  box[1] = cg_chart_geometry_slot_x (g, solid_end);
  box[2] = MAX (cg_chart_geometry_slot_x (g, end), box[0] + 1);
  return TRUE;
}

/* Does the planned end of @span fall on another span of the same row? */
static gboolean
planned_end_in_other_span (const CgChartData *data,
                           guint              row,
                           const CgChartSpan *span)
{
  const CgChartRow *r = cg_chart_row_at (data, row);
  guint n = cg_chart_count_slots (data);
  guint i;

  for (i = 0; i < r->spans->len; i++)
    {
      const CgChartSpan *other = &g_array_index (r->spans, CgChartSpan, i);
      double start, solid_end, end;

      if (other == span || !cg_chart_span_extent (data, other, n, &start, &solid_end, &end))
        continue;
      if (span->planned_end >= start && span->planned_end <= end)
        return TRUE;
    }
  return FALSE;
}

static void
draw_span_bar (cairo_t            *cr,
               const Layout       *l,
               const CgChartData  *data,
               const CgChartStyle *style,
               guint               row,
               const CgChartSpan  *span)
{
  static const double dashes[] = { 4.0, 3.0 };
  const CgChartGeometry *g = &l->g;
  double radius = MIN (3.0, l->font_px * 0.25);
  double box[5], x0, xs, x1, y0, y1;

  if (!span_box (l, data, row, span, box))
    return;
  x0 = box[0];
  xs = box[1];
  x1 = box[2];
  y0 = box[3];
  y1 = box[4];

  cairo_save (cr);
  rounded_rect (cr, x0, y0, x1, y1, radius);
  cairo_clip (cr);
  if (xs > x0)
    {
      cairo_set_source_rgb (cr, span->rgb[0], span->rgb[1], span->rgb[2]);
      cairo_rectangle (cr, x0, y0, xs - x0, y1 - y0);
      cairo_fill (cr);
    }
  if (x1 > xs)
    {
      /* the open end: lighter, with a dashed edge */
      cairo_set_source_rgba (cr, span->rgb[0], span->rgb[1], span->rgb[2], 0.28);
      cairo_rectangle (cr, xs, y0, x1 - xs, y1 - y0);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, span->rgb[0], span->rgb[1], span->rgb[2]);
      cairo_set_line_width (cr, 2.0);   /* half of it inside the clip */
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, xs, y0);
      cairo_line_to (cr, x1, y0);
      cairo_line_to (cr, x1, y1);
      cairo_line_to (cr, xs, y1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_restore (cr);

  /* the planned end: a tick across the bar; that of a finished span is
   * left out where a later span of the row is drawn, whose it would seem */
  if (isfinite (span->planned_end) && span->planned_end >= 0 && span->planned_end <= g->n_slots &&
      (!isfinite (span->end) || !planned_end_in_other_span (data, row, span)))
    {
      double tx = round (cg_chart_geometry_slot_x (g, span->planned_end));

      tx = CLAMP (tx, g->x + 1, g->x + g->width - 1);
      cg_chart_set_rgba (cr, style->fg, 0.85);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_move_to (cr, tx, y0 - 3);
      cairo_line_to (cr, tx, y1 + 3);
      cairo_stroke (cr);
    }
}

static void
draw_span_label (cairo_t            *cr,
                 const Layout       *l,
                 const CgChartData  *data,
                 const CgChartStyle *style,
                 guint               row,
                 const CgChartSpan  *span)
{
  double box[5], x0, xs, x1, y0, y1;
  double text_rgba[4];

  if (!span_box (l, data, row, span, box))
    return;
  x0 = box[0];
  xs = box[1];
  x1 = box[2];
  y0 = box[3];
  y1 = box[4];

  /* the label inside the bar when it fits: in a colour that reads on the
   * solid part, and in the text colour over the lighter part */
  if (span->label != NULL && span->label[0] != '\0' &&
      x1 - x0 - 10 >= l->font_px * 1.5 && y1 - y0 >= l->line_h * 0.85)
    {
      PangoLayout *layout = cg_chart_text_layout (cr, style, l->small_px, FALSE, span->label);
      double h, tx = x0 + 5;

      pango_layout_set_width (layout, (int) ((x1 - x0 - 10) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cg_chart_layout_size (layout, NULL, &h);

      contrast_text (span->rgb, text_rgba);
      cairo_save (cr);
      cairo_rectangle (cr, x0, y0, xs - x0, y1 - y0);
      cairo_clip (cr);
      cg_chart_set_rgba (cr, text_rgba, 1.0);
      cg_chart_show_layout_at (cr, layout, tx, (y0 + y1) / 2 - h / 2);
      cairo_restore (cr);

      cairo_save (cr);
      cairo_rectangle (cr, xs, y0, x1 - xs, y1 - y0);
      cairo_clip (cr);
      cg_chart_set_rgba (cr, style->fg, 0.9);
      cg_chart_show_layout_at (cr, layout, tx, (y0 + y1) / 2 - h / 2);
      cairo_restore (cr);

      g_object_unref (layout);
    }
}

void
cg_chart_draw_timeline (cairo_t            *cr,
               const Layout       *l,
               const CgChartData  *data,
               const CgChartStyle *style,
               gboolean            labels)
{
  guint r, i;

  for (r = 0; r < l->g.n_rows; r++)
    {
      const CgChartRow *row = cg_chart_row_at (data, r);

      for (i = 0; i < row->spans->len; i++)
        {
          const CgChartSpan *span = &g_array_index (row->spans, CgChartSpan, i);

          if (labels)
            draw_span_label (cr, l, data, style, r, span);
          else
            draw_span_bar (cr, l, data, style, r, span);
        }
    }
}
