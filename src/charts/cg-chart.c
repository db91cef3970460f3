/* cg-chart.c — chart data, its text for readers, and the PNG/PDF files
 *
 * The layout and the drawing are in cg-chart-draw.c; what both halves
 * share is declared in cg-chart-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "cg-chart.h"
#include "cg-chart-private.h"

#define MAX_PNG_SIDE 16384

G_DEFINE_QUARK (cg-chart-error-quark, cg_chart_error)

/* Data */

static void
series_free (gpointer data)
{
  CgChartSeries *series = data;

  g_free (series->label);
  g_array_unref (series->values);
  g_free (series);
}

static void
line_free (gpointer data)
{
  CgChartLine *line = data;

  g_free (line->label);
  g_free (line);
}

CgChartData *
cg_chart_data_new (CgChartKind  kind,
                   const char  *title,
                   const char  *y_unit)
{
  CgChartData *data = g_new0 (CgChartData, 1);

  data->kind = kind;
  data->title = g_strdup (title);
  data->y_unit = g_strdup (y_unit);
  data->x_labels = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->lines = g_ptr_array_new_with_free_func (line_free);
  data->y_min = 0.0;
  data->y_max = 0.0;
  data->y_decimals = 0;
  data->empty_text = NULL;
  data->rows = g_ptr_array_new_with_free_func (cg_chart_row_free);
  data->marker = NAN;
  data->marker_label = NULL;
  data->marker_has_rgb = FALSE;
  data->show_zero = FALSE;

  return data;
}

void
cg_chart_data_free (CgChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->y_unit);
  g_free (data->empty_text);
  g_clear_pointer (&data->x_labels, g_ptr_array_unref);
  g_clear_pointer (&data->series, g_ptr_array_unref);
  g_clear_pointer (&data->lines, g_ptr_array_unref);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_free (data->marker_label);
  g_free (data);
}

void
cg_chart_data_add_x (CgChartData *data,
                     const char  *label)
{
  g_return_if_fail (data != NULL);

  g_ptr_array_add (data->x_labels, g_strdup (label != NULL ? label : ""));
}

CgChartSeries *
cg_chart_data_add_series (CgChartData *data,
                          const char  *label,
                          double       r,
                          double       g,
                          double       b)
{
  CgChartSeries *series;

  g_return_val_if_fail (data != NULL, NULL);

  series = g_new0 (CgChartSeries, 1);
  series->label = g_strdup (label != NULL ? label : "");
  series->rgb[0] = r;
  series->rgb[1] = g;
  series->rgb[2] = b;
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (data->series, series);

  return series;
}

void
cg_chart_series_append (CgChartSeries *series,
                        double         value)
{
  g_return_if_fail (series != NULL);

  g_array_append_val (series->values, value);
}

gboolean
cg_chart_series_in_range (const CgChartSeries *series,
                          int                  slot)
{
  gboolean before = FALSE, after = FALSE;
  guint i;

  g_return_val_if_fail (series != NULL, FALSE);

  if (slot < 0 || (guint) slot >= series->values->len)
    return FALSE;

  for (i = 0; i < series->values->len && !(before && after); i++)
    if (isfinite (g_array_index (series->values, double, i)))
      {
        if (i <= (guint) slot)
          before = TRUE;
        if (i >= (guint) slot)
          after = TRUE;
      }

  return before && after;
}

void
cg_chart_data_add_line (CgChartData *data,
                        const char  *label,
                        double       value,
                        double       r,
                        double       g,
                        double       b,
                        gboolean     dashed)
{
  CgChartLine *line;

  g_return_if_fail (data != NULL);

  line = g_new0 (CgChartLine, 1);
  line->label = g_strdup (label != NULL ? label : "");
  line->value = value;
  line->rgb[0] = r;
  line->rgb[1] = g;
  line->rgb[2] = b;
  line->dashed = dashed;
  g_ptr_array_add (data->lines, line);
}

void
cg_chart_data_set_marker (CgChartData *data,
                          double       slot,
                          const char  *label)
{
  g_return_if_fail (data != NULL);

  data->marker = slot;
  g_free (data->marker_label);
  data->marker_label = g_strdup (label);
}

void
cg_chart_data_set_marker_colour (CgChartData *data,
                                 double       r,
                                 double       g,
                                 double       b)
{
  g_return_if_fail (data != NULL);

  data->marker_rgb[0] = r;
  data->marker_rgb[1] = g;
  data->marker_rgb[2] = b;
  data->marker_has_rgb = TRUE;
}

guint
cg_chart_data_get_n_slots (const CgChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return cg_chart_count_slots (data);
}

gboolean
cg_chart_data_is_empty (const CgChartData *data)
{
  g_return_val_if_fail (data != NULL, TRUE);

  return !cg_chart_has_values (data);
}

void
cg_chart_style_init (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->font_family = DEFAULT_FONT_FAMILY;
  style->font_size = DEFAULT_FONT_SIZE;
  /* GNOME's "dark 4" text on white, a grid that stays in the background */
  style->fg[0] = 0.14;
  style->fg[1] = 0.12;
  style->fg[2] = 0.19;
  style->fg[3] = 1.0;
  style->grid[0] = 0.14;
  style->grid[1] = 0.12;
  style->grid[2] = 0.19;
  style->grid[3] = 0.12;
  style->bg[0] = 1.0;
  style->bg[1] = 1.0;
  style->bg[2] = 1.0;
  style->bg[3] = 1.0;
  style->highlight = -1;
}

/* Values */

guint
cg_chart_count_slots (const CgChartData *data)
{
  guint n = data->x_labels != NULL ? data->x_labels->len : 0;
  guint i;

  for (i = 0; data->series != NULL && i < data->series->len; i++)
    {
      const CgChartSeries *series = g_ptr_array_index (data->series, i);

      n = MAX (n, series->values->len);
    }

  return n;
}

double
cg_chart_value_at (const CgChartSeries *series,
                   guint                slot)
{
  if (slot >= series->values->len)
    return NAN;

  return g_array_index (series->values, double, slot);
}

const char *
cg_chart_x_label_at (const CgChartData *data,
                     guint              slot)
{
  if (data->x_labels == NULL || slot >= data->x_labels->len)
    return "";

  return g_ptr_array_index (data->x_labels, slot);
}

guint
cg_chart_count_series (const CgChartData *data)
{
  return data->series != NULL ? data->series->len : 0;
}

CgChartSeries *
cg_chart_series_at (const CgChartData *data,
                    guint              i)
{
  return g_ptr_array_index (data->series, i);
}

gboolean
cg_chart_value_extent (const CgChartData *data,
                       double            *lo,
                       double            *hi)
{
  guint n = cg_chart_count_slots (data);
  gboolean any = FALSE;
  guint slot, i;

  *lo = 0.0;
  *hi = 0.0;

  for (slot = 0; slot < n; slot++)
    {
      double pos = 0.0, neg = 0.0;
      gboolean slot_any = FALSE;

      for (i = 0; i < cg_chart_count_series (data); i++)
        {
          double v = cg_chart_value_at (cg_chart_series_at (data, i), slot);

          if (!isfinite (v))
            continue;

          if (data->kind == CG_CHART_STACKED_BAR)
            {
              if (v >= 0)
                pos += v;
              else
                neg += v;
              slot_any = TRUE;
            }
          else
            {
              *lo = any ? MIN (*lo, v) : v;
              *hi = any ? MAX (*hi, v) : v;
              any = TRUE;
            }
        }

      if (slot_any)
        {
          *lo = any ? MIN (*lo, neg) : neg;
          *hi = any ? MAX (*hi, pos) : pos;
          any = TRUE;
        }
    }

  return any;
}

gboolean
cg_chart_has_values (const CgChartData *data)
{
  double lo, hi;

  if (data->kind == CG_CHART_TIMELINE)
    return cg_chart_count_rows (data) > 0 && cg_chart_count_slots (data) > 0;

  return cg_chart_value_extent (data, &lo, &hi);
}

gboolean
cg_chart_marker_visible (const CgChartData *data,
                         guint              n_slots)
{
  return isfinite (data->marker) && data->marker >= 0 && data->marker <= n_slots;
}

char *
cg_chart_format_number (double   value,
                        guint    decimals)
{
  decimals = MIN (decimals, 9);
  /* no "-0.0" */
  if (fabs (value) < 0.5 * pow (10.0, -(double) decimals))
    value = 0.0;

  return g_strdup_printf ("%.*f", (int) decimals, value);
}

char *
cg_chart_format_with_unit (double      value,
                           guint       decimals,
                           const char *unit)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup (_("no value"));

  number = cg_chart_format_number (value, decimals);
  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, e.g. "96.5 %" or "3 people".
   * Write "%s%s" if your language puts no space there ("96.5%"). */
  return g_strdup_printf (C_("value with unit", "%s %s"), number, unit);
}

gboolean
cg_chart_unit_is_long (const CgChartData *data)
{
  return data->y_unit != NULL && g_utf8_strlen (data->y_unit, -1) > 2;
}

/* Text */

char *
cg_chart_format_value (const CgChartData *data,
                       double             value)
{
  g_return_val_if_fail (data != NULL, NULL);

  return cg_chart_format_with_unit (value, data->y_decimals, data->y_unit);
}

static gboolean
slot_has_series_in_range (const CgChartData *data,
                          int                slot)
{
  guint i;

  for (i = 0; i < cg_chart_count_series (data); i++)
    if (cg_chart_series_in_range (cg_chart_series_at (data, i), slot))
      return TRUE;
  return FALSE;
}

char *
cg_chart_describe_slot (const CgChartData *data,
                        int                slot)
{
  g_autoptr(GString) text = NULL;
  double total = 0.0;
  gboolean any_named = FALSE, quiet, stacked_with_value = FALSE;
  guint i, n_values = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (slot < 0 || (guint) slot >= cg_chart_count_slots (data))
    return g_strdup ("");

  if (data->kind == CG_CHART_TIMELINE)
    return cg_chart_describe_timeline_slot (data, slot);

  quiet = slot_has_series_in_range (data, slot);

  /* The parts of a stacked bar that are not there are not named when
   * another part is: "over the limit 72.7 h", not also "within: no value". */
  if (data->kind == CG_CHART_STACKED_BAR)
    for (i = 0; i < cg_chart_count_series (data); i++)
      if (isfinite (cg_chart_value_at (cg_chart_series_at (data, i), slot)))
        stacked_with_value = TRUE;

  text = g_string_new (cg_chart_x_label_at (data, slot));
  for (i = 0; i < cg_chart_count_series (data); i++)
    {
      const CgChartSeries *series = cg_chart_series_at (data, i);
      double v = cg_chart_value_at (series, slot);
      g_autofree char *value = NULL;

      /* a series that has not begun or is over says nothing, unless
       * no series has anything to say */
      if (quiet && !cg_chart_series_in_range (series, slot))
        continue;
      if (stacked_with_value && !isfinite (v))
        continue;

      value = cg_chart_format_with_unit (v, data->y_decimals, data->y_unit);
      /* Translators: the separator between the date and the first value,
       * then between values: "11-23: Fevers 2 people; Missing checks 5 people" */
      g_string_append (text, !any_named ? C_("chart readout", ": ") : C_("chart readout", "; "));
      any_named = TRUE;
      if (series->label != NULL && series->label[0] != '\0')
        /* Translators: a series and its value, e.g. "Fevers 2 people" */
        g_string_append_printf (text, C_("series value", "%s %s"), series->label, value);
      else
        g_string_append (text, value);

      if (isfinite (v))
        {
          total += v;
          n_values++;
        }
    }

  /* A total of one part would only repeat it. */
  if (data->kind == CG_CHART_STACKED_BAR && n_values > 1)
    {
      g_autofree char *value = cg_chart_format_with_unit (total, data->y_decimals, data->y_unit);

      g_string_append (text, C_("chart readout", "; "));
      /* Translators: the sum of a stacked bar, e.g. "total 7 people" */
      g_string_append_printf (text, _("total %s"), value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_series_summary (GString             *text,
                       const CgChartData   *data,
                       const CgChartSeries *series,
                       guint                n)
{
  double lo = NAN, hi = NAN, last = NAN;
  guint slot;

  for (slot = 0; slot < n; slot++)
    {
      double v = cg_chart_value_at (series, slot);

      if (!isfinite (v))
        continue;
      lo = isfinite (lo) ? MIN (lo, v) : v;
      hi = isfinite (hi) ? MAX (hi, v) : v;
      last = v;
    }

  if (!isfinite (last))
    {
      g_string_append (text, _("no values"));
    }
  else
    {
      g_autofree char *lo_text = cg_chart_format_with_unit (lo, data->y_decimals, data->y_unit);
      g_autofree char *hi_text = cg_chart_format_with_unit (hi, data->y_decimals, data->y_unit);
      g_autofree char *last_text = cg_chart_format_with_unit (last, data->y_decimals, data->y_unit);

      g_string_append_printf (text, _("lowest %s, highest %s, last %s"),
                              lo_text, hi_text, last_text);
    }
}

char *
cg_chart_describe (const CgChartData *data)
{
  g_autoptr(GString) text = NULL;
  const char *title;
  guint n, i;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL && data->title[0] != '\0' ? data->title : _("Chart");
  n = cg_chart_count_slots (data);

  if (!cg_chart_has_values (data))
    {
      if (data->empty_text != NULL && data->empty_text[0] != '\0')
        /* Translators: "chart title: the text shown when there is nothing to draw" */
        return g_strdup_printf (_("%s: %s (no data)."), title, data->empty_text);
      /* Translators: %s is the chart title */
      return g_strdup_printf (_("%s: no data to show."), title);
    }

  text = g_string_new (NULL);
  if (n == 1)
    /* Translators: "chart title: the one day shown" */
    g_string_append_printf (text, C_("chart description", "%s: %s"), title, cg_chart_x_label_at (data, 0));
  else
    /* Translators: "Staff test coverage: 30 days from 10-25 to 11-23" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%s: %u day from %s to %s",
                                               "%s: %u days from %s to %s", n),
                            title, n, cg_chart_x_label_at (data, 0), cg_chart_x_label_at (data, n - 1));

  for (i = 0; i < cg_chart_count_rows (data); i++)
    cg_chart_append_row_summary (text, data, cg_chart_row_at (data, i), n);

  for (i = 0; i < cg_chart_count_series (data); i++)
    {
      const CgChartSeries *series = cg_chart_series_at (data, i);

      g_string_append (text, C_("chart description", "; "));
      if (cg_chart_count_series (data) > 1 && series->label != NULL && series->label[0] != '\0')
        /* Translators: a series name before its summary, "Fevers: lowest …" */
        g_string_append_printf (text, C_("chart description", "%s: "), series->label);
      append_series_summary (text, data, series, n);
    }

  for (i = 0; data->lines != NULL && i < data->lines->len; i++)
    {
      const CgChartLine *line = g_ptr_array_index (data->lines, i);
      g_autofree char *value = NULL;

      if (!isfinite (line->value))
        continue;
      value = cg_chart_format_with_unit (line->value, data->y_decimals, data->y_unit);
      g_string_append (text, C_("chart description", "; "));
      if (line->label != NULL && line->label[0] != '\0')
        /* Translators: a horizontal line across the chart, "line “Floor 45 days” at 45 days" */
        g_string_append_printf (text, _("line “%s” at %s"), line->label, value);
      else
        g_string_append_printf (text, _("a line at %s"), value);
    }

  if (cg_chart_marker_visible (data, n) && n > 0)
    {
      const char *day = cg_chart_x_label_at (data, (guint) MIN (floor (data->marker), (double) n - 1));

      g_string_append (text, C_("chart description", "; "));
      if (data->marker_label != NULL && data->marker_label[0] != '\0')
        /* Translators: a vertical line across the chart, "“Runs out 12-03” marked at 12-03" */
        g_string_append_printf (text, _("“%s” marked at %s"), data->marker_label, day);
      else
        g_string_append_printf (text, _("a mark at %s"), day);
    }

  /* Translators: the full stop that ends the chart's description */
  g_string_append (text, C_("chart description", "."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Files */

static gboolean
check_size (double   width,
            double   height,
            double   max,
            GError **error)
{
  if (!(width >= 1 && height >= 1 && width <= max && height <= max))
    {
      g_set_error (error, CG_CHART_ERROR, CG_CHART_ERROR_SIZE,
                   _("A chart of %.0f × %.0f cannot be drawn: each side must be between 1 and %.0f."),
                   width, height, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  name = g_filename_display_name (path);
  if (status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_FILE_NOT_FOUND)
    g_set_error (error, CG_CHART_ERROR, CG_CHART_ERROR_WRITE,
                 _("The chart could not be saved as “%s”: the folder does not exist or is not writable."),
                 name);
  else
    g_set_error (error, CG_CHART_ERROR, CG_CHART_ERROR_WRITE,
                 _("The chart could not be saved as “%s” (%s)."),
                 name, cairo_status_to_string (status));
  return FALSE;
}

gboolean
cg_chart_write_png (const CgChartData *data,
                    int                width,
                    int                height,
                    const char        *path,
                    GError           **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_size (width, height, MAX_PNG_SIDE, error))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cg_chart_draw (cr, width, height, data, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}

gboolean
cg_chart_write_pdf (const CgChartData *data,
                    double             width_pt,
                    double             height_pt,
                    const char        *path,
                    GError           **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* 14400 pt (200 inches) is the largest page PDF readers agree on */
  if (!check_size (width_pt, height_pt, 14400, error))
    return FALSE;

  surface = cairo_pdf_surface_create (path, width_pt, height_pt);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (data->title != NULL && data->title[0] != '\0')
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, data->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CareGuard");

      cr = cairo_create (surface);
      cg_chart_draw (cr, width_pt, height_pt, data, NULL);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
