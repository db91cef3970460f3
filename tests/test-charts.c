/* test-charts.c — charts rendered to PNG and PDF, checked pixel by pixel
 *
 * The expected positions come from the chart's own geometry
 * (cg_chart_get_geometry), and the pixels prove that the drawing agrees
 * with it: a bar has its colour where its value says, the 100 % line is
 * on the row of 100 %, the slot under the pointer is the one drawn there.
 *
 * CHART_TEST_KEEP=1 keeps the images in /tmp/charts to look at them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "cg-chart.h"

#define W 800
#define H 400

static const double BLUE[3]   = { 0.21, 0.52, 0.89 };
static const double GREEN[3]  = { 0.18, 0.76, 0.49 };
static const double ORANGE[3] = { 1.00, 0.47, 0.00 };
static const double RED[3]    = { 0.88, 0.11, 0.14 };
static const double PURPLE[3] = { 0.57, 0.25, 0.67 };
static const double WHITE_SPAN[3] = { 1.0, 1.0, 1.0 };

/* 30 days of the share of staff with a valid negative test (40 staff);
 * day 12 has no figure (NAN): the tests of that day were not entered. */
static const double coverage[30] = {
  100, 100, 97.5, 97.5, 95, 92.5, 90, 87.5, 85, 82.5,
  90, NAN, 100, 100, 97.5, 95, 95, 92.5, 100, 100,
  97.5, 97.5, 95, 92.5, 90, 87.5, 92.5, 97.5, 100, 96.5,
};
#define COVERAGE_GAP 11

static const double fevers[30] = {
  0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 3, 1, 0,
  0, 0, 0, 0, 1, 0, 0, 4, 2, 0, 0, 0, 1, 0, 0,
};
static const double missing[30] = {
  3, 0, 5, 2, 0, 1, 0, 4, 0, 6, 2, 0, 0, 1, 3,
  0, 2, 0, 5, 0, 1, 0, 0, 3, 0, 2, 0, 0, 1, 4,
};

static char *out_dir;
static gboolean keep;

static char *
out_path (const char *name)
{
  return g_build_filename (out_dir, name, NULL);
}

/* "10-25" … "11-23" */
static void
add_days (CgChartData *data,
          guint        n)
{
  GDate date;
  guint i;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_OCTOBER, 2023);
  for (i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%02d-%02d", g_date_get_month (&date), g_date_get_day (&date));

      cg_chart_data_add_x (data, label);
      g_date_add_days (&date, 1);
    }
}

static CgChartData *
make_coverage (const char *title,
               const char *series_label)
{
  CgChartData *data = cg_chart_data_new (CG_CHART_LINE, title, "%");
  CgChartSeries *series;
  guint i;

  data->y_decimals = 1;
  add_days (data, G_N_ELEMENTS (coverage));
  series = cg_chart_data_add_series (data, series_label, BLUE[0], BLUE[1], BLUE[2]);
  for (i = 0; i < G_N_ELEMENTS (coverage); i++)
    cg_chart_series_append (series, coverage[i]);
  cg_chart_data_add_line (data, "100%", 100, GREEN[0], GREEN[1], GREEN[2], TRUE);

  return data;
}

static CgChartData *
make_bars (const char *title,
           const char *fever_label,
           const char *missing_label)
{
  CgChartData *data = cg_chart_data_new (CG_CHART_BAR, title, "people");
  CgChartSeries *fever, *miss;
  guint i;

  add_days (data, G_N_ELEMENTS (fevers));
  fever = cg_chart_data_add_series (data, fever_label, RED[0], RED[1], RED[2]);
  miss = cg_chart_data_add_series (data, missing_label, ORANGE[0], ORANGE[1], ORANGE[2]);
  for (i = 0; i < G_N_ELEMENTS (fevers); i++)
    {
      cg_chart_series_append (fever, fevers[i]);
      cg_chart_series_append (miss, missing[i]);
    }

  return data;
}

/* Daily checks of a 60-bed home: done on time, done late, missing. */
static CgChartData *
make_stacked (void)
{
  CgChartData *data = cg_chart_data_new (CG_CHART_STACKED_BAR, "Daily health checks", "checks");
  CgChartSeries *done, *late, *miss;
  guint i;

  add_days (data, 14);
  done = cg_chart_data_add_series (data, "On time", GREEN[0], GREEN[1], GREEN[2]);
  late = cg_chart_data_add_series (data, "Late", PURPLE[0], PURPLE[1], PURPLE[2]);
  miss = cg_chart_data_add_series (data, "Missing", ORANGE[0], ORANGE[1], ORANGE[2]);
  for (i = 0; i < 14; i++)
    {
      double m = missing[i];
      double l = (i * 7) % 5;

      cg_chart_series_append (done, 60 - m - l);
      cg_chart_series_append (late, l);
      cg_chart_series_append (miss, m);
    }
  cg_chart_data_add_line (data, "Beds 60", 60, RED[0], RED[1], RED[2], FALSE);

  return data;
}

/* Pixels */

typedef struct
{
  cairo_surface_t *surface;
  int              width;
  int              height;
} Image;

static Image
read_png (const char *path,
          int         width,
          int         height)
{
  Image image;

  image.surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image.surface), ==, CAIRO_STATUS_SUCCESS);
  image.width = cairo_image_surface_get_width (image.surface);
  image.height = cairo_image_surface_get_height (image.surface);
  g_assert_cmpint (image.width, ==, width);
  g_assert_cmpint (image.height, ==, height);
  cairo_surface_flush (image.surface);

  return image;
}

static void
image_free (Image *image)
{
  cairo_surface_destroy (image->surface);
}

static void
pixel (const Image *image,
       int          x,
       int          y,
       double       rgb[3])
{
  cairo_format_t format = cairo_image_surface_get_format (image->surface);
  const unsigned char *row;
  guint32 p;
  double a;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, image->width);
  g_assert_cmpint (y, <, image->height);

  row = cairo_image_surface_get_data (image->surface) + y * cairo_image_surface_get_stride (image->surface);
  p = ((const guint32 *) row)[x];
  a = format == CAIRO_FORMAT_ARGB32 ? ((p >> 24) & 0xff) / 255.0 : 1.0;
  if (a == 0)
    {
      rgb[0] = rgb[1] = rgb[2] = 0;
      return;
    }
  /* premultiplied */
  rgb[0] = ((p >> 16) & 0xff) / 255.0 / a;
  rgb[1] = ((p >> 8) & 0xff) / 255.0 / a;
  rgb[2] = (p & 0xff) / 255.0 / a;
}

static gboolean
is_colour (const Image  *image,
           int           x,
           int           y,
           const double  rgb[3])
{
  double p[3];

  pixel (image, x, y, p);
  return fabs (p[0] - rgb[0]) < 0.08 && fabs (p[1] - rgb[1]) < 0.08 && fabs (p[2] - rgb[2]) < 0.08;
}

static gboolean
is_white (const Image *image,
          int          x,
          int          y)
{
  static const double white[3] = { 1, 1, 1 };

  return is_colour (image, x, y, white);
}

static guint
count_not_white (const Image *image,
                 int          x0,
                 int          y0,
                 int          x1,
                 int          y1)
{
  guint n = 0;
  int x, y;

  for (y = MAX (y0, 0); y < MIN (y1, image->height); y++)
    for (x = MAX (x0, 0); x < MIN (x1, image->width); x++)
      if (!is_white (image, x, y))
        n++;

  return n;
}

/* Is the colour found on one of the rows y-1 … y+1 of a column? */
static gboolean
colour_near_row (const Image  *image,
                 int           x,
                 double        y,
                 const double  rgb[3])
{
  int r;

  for (r = (int) floor (y) - 1; r <= (int) ceil (y) + 1; r++)
    if (r >= 0 && r < image->height && is_colour (image, x, r, rgb))
      return TRUE;

  return FALSE;
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "%PDF-", 5) == 0);
  g_assert_nonnull (g_strstr_len (contents + length - MIN (length, 64), MIN (length, 64), "%%EOF"));
}

static void
assert_geometry_sane (const CgChartGeometry *g,
                      double                 width,
                      double                 height,
                      guint                  n)
{
  g_assert_true (g->valid);
  g_assert_false (g->empty);
  g_assert_cmpuint (g->n_slots, ==, n);
  g_assert_cmpfloat (g->x, >, 0);
  g_assert_cmpfloat (g->y, >, 0);
  g_assert_cmpfloat (g->x + g->width, <, width);
  g_assert_cmpfloat (g->y + g->height, <, height);
  /* the plot takes most of the picture */
  g_assert_cmpfloat (g->width, >, width * 0.6);
  g_assert_cmpfloat (g->height, >, height * 0.45);
  g_assert_cmpfloat_with_epsilon (g->slot_width * n, g->width, 1e-6);
}

static gboolean
is_nice_step (double step)
{
  double mag = pow (10.0, floor (log10 (step) + 1e-9));
  double f = step / mag;

  return fabs (f - 1) < 1e-6 || fabs (f - 2) < 1e-6 || fabs (f - 5) < 1e-6;
}

static gboolean
is_multiple (double value,
             double step)
{
  double q = value / step;

  return fabs (q - round (q)) < 1e-6;
}

/* Tests */

static void
test_data (void)
{
  g_autoptr(CgChartData) data = make_coverage ("Staff test coverage", "Coverage");
  const CgChartSeries *series;

  g_assert_cmpuint (data->x_labels->len, ==, 30);
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 0), ==, "10-25");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 29), ==, "11-23");
  g_assert_cmpuint (data->series->len, ==, 1);
  series = g_ptr_array_index (data->series, 0);
  g_assert_cmpuint (series->values->len, ==, 30);
  g_assert_true (isnan (g_array_index (series->values, double, COVERAGE_GAP)));
  g_assert_cmpuint (data->lines->len, ==, 1);
}

static void
test_coverage (void)
{
  g_autoptr(CgChartData) data = make_coverage ("Staff test coverage", "Coverage");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("coverage.png");
  g_autofree char *pdf = out_path ("coverage.pdf");
  CgChartGeometry g;
  Image image;
  double y100, v;
  int x, row, hits = 0, total = 0, k;

  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_pdf (data, W, H, pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (pdf);

  image = read_png (png, W, H);
  cg_chart_get_geometry (data, NULL, W, H, &g);
  assert_geometry_sane (&g, W, H, 30);

  /* the axis covers the data and the 100 % line on round ticks */
  g_assert_true (is_nice_step (g.y_step));
  g_assert_true (is_multiple (g.y_lo, g.y_step));
  g_assert_true (is_multiple (g.y_hi, g.y_step));
  g_assert_cmpfloat (g.y_lo, <=, 82.5);
  g_assert_cmpfloat (g.y_hi, >=, 100);
  /* …without wasting the plot on an empty band from 0 */
  g_assert_cmpfloat (g.y_lo, >, 0);

  /* not blank */
  g_assert_cmpuint (count_not_white (&image, (int) g.x, (int) g.y, (int) (g.x + g.width), (int) (g.y + g.height)),
                    >, (guint) (g.width * g.height * 0.05));

  /* the dashed 100 % line is on the row of 100 % and not 6 px away */
  y100 = cg_chart_geometry_value_y (&g, 100);
  for (x = (int) g.x + 2; x < (int) (g.x + g.width) - 2; x++)
    {
      total++;
      if (colour_near_row (&image, x, y100, GREEN))
        hits++;
      g_assert_false (colour_near_row (&image, x, y100 + 6, GREEN));
    }
  g_assert_cmpint (hits, >, total * 0.4);
  g_assert_cmpint (hits, <, total * 0.9);   /* dashed */

  /* the line passes through each value, and leaves a gap where there is none */
  for (k = 0; k < 30; k++)
    {
      int cx = (int) floor (cg_chart_geometry_slot_center (&g, k));

      if (k == COVERAGE_GAP)
        {
          for (row = (int) g.y; row < (int) (g.y + g.height); row++)
            g_assert_false (is_colour (&image, cx, row, BLUE));
          continue;
        }
      v = coverage[k];
      if (v == 100)
        continue; /* under the 100 % line */
      g_assert_true (colour_near_row (&image, cx, cg_chart_geometry_value_y (&g, v), BLUE));
    }

  image_free (&image);
}

static void
test_coverage_describe (void)
{
  g_autoptr(CgChartData) data = make_coverage ("Staff test coverage", "Coverage");
  g_autofree char *text = cg_chart_describe (data);
  g_autofree char *expected = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *gap = NULL;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (coverage); i++)
    if (!isnan (coverage[i]))
      {
        lo = MIN (lo, coverage[i]);
        hi = MAX (hi, coverage[i]);
      }

  expected = g_strdup_printf ("Staff test coverage: 30 days from 10-25 to 11-23; "
                              "lowest %.1f %%, highest %.1f %%, last %.1f %%",
                              lo, hi, coverage[29]);
  g_assert_true (g_str_has_prefix (text, expected));
  g_assert_nonnull (strstr (text, "100%"));
  g_assert_true (g_str_has_suffix (text, "."));

  slot = cg_chart_describe_slot (data, 29);
  g_assert_cmpstr (slot, ==, "11-23: Coverage 96.5 %");
  gap = cg_chart_describe_slot (data, COVERAGE_GAP);
  g_assert_cmpstr (gap, ==, "11-05: Coverage no value");

  g_free (slot);
  slot = cg_chart_describe_slot (data, 30);
  g_assert_cmpstr (slot, ==, "");
  g_free (slot);
  slot = cg_chart_describe_slot (data, -1);
  g_assert_cmpstr (slot, ==, "");
}

static void
test_bars (void)
{
  g_autoptr(CgChartData) data = make_bars ("Fevers and missing checks", "Fevers", "Missing checks");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("bars.png");
  g_autofree char *pdf = out_path ("bars.pdf");
  g_autofree char *text = NULL;
  CgChartGeometry g;
  Image image;
  double x0, x1, base;
  guint k, checked_high = 0, checked_zero = 0;
  int row;

  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_pdf (data, W, H, pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (pdf);

  image = read_png (png, W, H);
  cg_chart_get_geometry (data, NULL, W, H, &g);
  assert_geometry_sane (&g, W, H, 30);
  g_assert_cmpfloat (g.y_lo, ==, 0);         /* bars start at zero */
  g_assert_cmpfloat (g.y_hi, >=, 6);
  g_assert_true (is_nice_step (g.y_step));
  g_assert_true (is_multiple (g.y_hi, g.y_step));
  base = cg_chart_geometry_value_y (&g, 0);
  g_assert_cmpfloat_with_epsilon (base, g.y + g.height, 1e-6);

  for (k = 0; k < 30; k++)
    {
      const double *values[2] = { fevers, missing };
      const double *colours[2] = { RED, ORANGE };
      guint s;

      for (s = 0; s < 2; s++)
        {
          double v = values[s][k];
          int cx;

          g_assert_true (cg_chart_geometry_bar_span (&g, k, s, &x0, &x1));
          g_assert_cmpfloat (x0, >=, g.x + k * g.slot_width);
          g_assert_cmpfloat (x1, <=, g.x + (k + 1) * g.slot_width);
          g_assert_cmpfloat (x1 - x0, >, 3);
          cx = (int) floor ((x0 + x1) / 2);

          if (v >= 2)
            {
              /* its colour in the middle of the bar, and just below its top */
              g_assert_true (is_colour (&image, cx, (int) cg_chart_geometry_value_y (&g, v / 2), colours[s]));
              g_assert_true (is_colour (&image, cx, (int) ceil (cg_chart_geometry_value_y (&g, v)) + 2, colours[s]));
              /* and not above it */
              g_assert_false (is_colour (&image, cx, (int) floor (cg_chart_geometry_value_y (&g, v)) - 3, colours[s]));
              checked_high++;
            }
          else if (v == 0)
            {
              for (row = (int) g.y; row < (int) base - 1; row++)
                g_assert_false (is_colour (&image, cx, row, colours[s]));
              checked_zero++;
            }
        }
    }
  g_assert_cmpuint (checked_high, >=, 10);
  g_assert_cmpuint (checked_zero, >=, 10);

  /* a line chart has no bars */
  {
    g_autoptr(CgChartData) line = make_coverage ("Coverage", "Coverage");
    CgChartGeometry lg;

    cg_chart_get_geometry (line, NULL, W, H, &lg);
    g_assert_false (cg_chart_geometry_bar_span (&lg, 0, 0, &x0, &x1));
  }

  text = cg_chart_describe (data);
  g_assert_true (g_str_has_prefix (text, "Fevers and missing checks: 30 days from 10-25 to 11-23; "
                                         "Fevers: lowest 0 people, highest 4 people, last 0 people; "
                                         "Missing checks: lowest 0 people, highest 6 people, last 4 people"));
  g_free (text);
  text = cg_chart_describe_slot (data, 22);
  g_assert_cmpstr (text, ==, "11-16: Fevers 4 people; Missing checks 0 people");

  image_free (&image);
}

static void
test_stacked (void)
{
  g_autoptr(CgChartData) data = make_stacked ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("stacked.png");
  g_autofree char *pdf = out_path ("stacked.pdf");
  g_autofree char *text = NULL;
  CgChartGeometry g;
  Image image;
  guint k;

  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_pdf (data, W, H, pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (pdf);

  image = read_png (png, W, H);
  cg_chart_get_geometry (data, NULL, W, H, &g);
  assert_geometry_sane (&g, W, H, 14);
  /* the stacks reach 60, the axis covers them */
  g_assert_cmpfloat (g.y_lo, ==, 0);
  g_assert_cmpfloat (g.y_hi, >=, 60);

  for (k = 0; k < 14; k++)
    {
      const CgChartSeries *done = g_ptr_array_index (data->series, 0);
      const CgChartSeries *late = g_ptr_array_index (data->series, 1);
      const CgChartSeries *miss = g_ptr_array_index (data->series, 2);
      double d = g_array_index (done->values, double, k);
      double l = g_array_index (late->values, double, k);
      double m = g_array_index (miss->values, double, k);
      double x0, x1;
      int cx;

      /* all series share one bar per slot */
      g_assert_true (cg_chart_geometry_bar_span (&g, k, 2, &x0, &x1));
      cx = (int) floor ((x0 + x1) / 2);

      g_assert_true (is_colour (&image, cx, (int) cg_chart_geometry_value_y (&g, d / 2), GREEN));
      if (l >= 2)
        g_assert_true (is_colour (&image, cx, (int) cg_chart_geometry_value_y (&g, d + l / 2), PURPLE));
      if (m >= 2)
        g_assert_true (is_colour (&image, cx, (int) cg_chart_geometry_value_y (&g, d + l + m / 2), ORANGE));
      else if (m == 0)
        {
          int row;

          for (row = (int) g.y; row < (int) cg_chart_geometry_value_y (&g, d + l) - 1; row++)
            g_assert_false (is_colour (&image, cx, row, ORANGE));
        }
    }

  text = cg_chart_describe_slot (data, 2);
  g_assert_cmpstr (text, ==, "10-27: On time 51 checks; Late 4 checks; Missing 5 checks; total 60 checks");

  image_free (&image);
}

/* A stacked bar's readout names only the parts that are there, and a
 * total only of two parts or more; a slot with no part at all still
 * says "no value". */
static void
test_stacked_readout_parts (void)
{
  g_autoptr(CgChartData) data = cg_chart_data_new (CG_CHART_STACKED_BAR, "Longest", "h");
  CgChartSeries *within = cg_chart_data_add_series (data, "Within", 0.2, 0.7, 0.4);
  CgChartSeries *over = cg_chart_data_add_series (data, "Over", 0.9, 0.1, 0.1);
  g_autofree char *one = NULL;
  g_autofree char *both = NULL;
  g_autofree char *none = NULL;

  data->y_decimals = 1;
  cg_chart_data_add_x (data, "11-20");
  cg_chart_data_add_x (data, "11-21");
  cg_chart_data_add_x (data, "11-22");
  cg_chart_series_append (within, NAN);
  cg_chart_series_append (over, 72.7);
  cg_chart_series_append (within, 30.0);
  cg_chart_series_append (over, 2.0);
  cg_chart_series_append (within, NAN);
  cg_chart_series_append (over, NAN);

  one = cg_chart_describe_slot (data, 0);
  g_assert_cmpstr (one, ==, "11-20: Over 72.7 h");
  both = cg_chart_describe_slot (data, 1);
  g_assert_cmpstr (both, ==, "11-21: Within 30.0 h; Over 2.0 h; total 32.0 h");
  none = cg_chart_describe_slot (data, 2);
  g_assert_nonnull (strstr (none, "no value"));
}

/* The slot under the pointer is the slot drawn there: the centre of slot k
 * is k, the edges of the plot are the edges of the first and last slots. */
static void
test_slot_at (void)
{
  g_autoptr(CgChartData) bars = make_bars ("Fevers and missing checks", "Fevers", "Missing checks");
  g_autoptr(CgChartData) line = make_coverage ("Staff test coverage", "Coverage");
  CgChartData *all[] = { bars, line };
  static const int sizes[][2] = { { W, H }, { 420, 240 }, { 1600, 900 } };
  guint d, s;

  for (d = 0; d < G_N_ELEMENTS (all); d++)
    for (s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        double width = sizes[s][0], height = sizes[s][1];
        CgChartGeometry g;
        double mid_y;
        int ks[] = { 0, 1, 7, 15, 28, 29 };
        guint i;

        cg_chart_get_geometry (all[d], NULL, width, height, &g);
        g_assert_true (g.valid);
        mid_y = g.y + g.height / 2;

        for (i = 0; i < G_N_ELEMENTS (ks); i++)
          {
            int k = ks[i];
            double cx = cg_chart_geometry_slot_center (&g, k);

            g_assert_cmpint (cg_chart_slot_at (all[d], width, height, cx, mid_y), ==, k);
            g_assert_cmpint (cg_chart_slot_at (all[d], width, height, cx, g.y + 1), ==, k);
            g_assert_cmpint (cg_chart_slot_at (all[d], width, height, cx, g.y + g.height - 1), ==, k);
            /* just inside either edge of the slot */
            g_assert_cmpint (cg_chart_slot_at (all[d], width, height, g.x + k * g.slot_width + 0.5, mid_y), ==, k);
            g_assert_cmpint (cg_chart_slot_at (all[d], width, height, g.x + (k + 1) * g.slot_width - 0.5, mid_y), ==, k);
          }

        /* outside the plot */
        g_assert_cmpint (cg_chart_slot_at (all[d], width, height, g.x - 1, mid_y), ==, -1);
        g_assert_cmpint (cg_chart_slot_at (all[d], width, height, g.x + g.width + 1, mid_y), ==, -1);
        g_assert_cmpint (cg_chart_slot_at (all[d], width, height, g.x + g.width / 2, g.y - 2), ==, -1);
        g_assert_cmpint (cg_chart_slot_at (all[d], width, height, g.x + g.width / 2, g.y + g.height + 2), ==, -1);
        g_assert_cmpint (cg_chart_slot_at (all[d], width, height, -10, -10), ==, -1);
        g_assert_cmpint (cg_chart_slot_at (all[d], width, height, width + 10, height + 10), ==, -1);
      }
}

/* The highlighted slot is drawn as a band across the plot, and nowhere else. */
static void
test_highlight (void)
{
  g_autoptr(CgChartData) data = make_bars ("Fevers and missing checks", "Fevers", "Missing checks");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  CgChartStyle style;
  CgChartGeometry g;
  Image image = { surface, W, H };
  int y, k = 20, other = 5;

  cg_chart_style_init (&style);
  style.highlight = k;
  cg_chart_draw (cr, W, H, data, &style);
  cairo_surface_flush (surface);
  cg_chart_get_geometry (data, &style, W, H, &g);

  /* near the top of the plot, above every bar and off the grid */
  y = (int) (g.y + 3);
  {
    double p[3];

    /* a translucent band: darker than the paper, still light */
    pixel (&image, (int) cg_chart_geometry_slot_center (&g, k), y, p);
    g_assert_cmpfloat (p[0], <, 0.97);
    g_assert_cmpfloat (p[0], >, 0.8);
    pixel (&image, (int) cg_chart_geometry_slot_center (&g, other), y, p);
    g_assert_cmpfloat (p[0], ==, 1.0);
    g_assert_cmpfloat (p[1], ==, 1.0);
    g_assert_cmpfloat (p[2], ==, 1.0);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(CgChartData) data = cg_chart_data_new (CG_CHART_BAR, "Fevers", "people");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("empty.png");
  g_autofree char *pdf = out_path ("empty.pdf");
  g_autofree char *text = NULL;
  CgChartSeries *series;
  CgChartGeometry g;
  Image image;
  guint i;

  /* days, but not one value */
  add_days (data, 7);
  series = cg_chart_data_add_series (data, "Fevers", RED[0], RED[1], RED[2]);
  for (i = 0; i < 7; i++)
    cg_chart_series_append (series, NAN);

  cg_chart_get_geometry (data, NULL, W, H, &g);
  g_assert_true (g.empty);
  g_assert_cmpuint (g.n_slots, ==, 0);
  g_assert_cmpint (cg_chart_slot_at (data, W, H, W / 2, H / 2), ==, -1);

  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_pdf (data, W, H, pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (pdf);

  /* the message is in the middle of the picture; the corners stay empty */
  image = read_png (png, W, H);
  g_assert_cmpuint (count_not_white (&image, W / 4, H / 3, W * 3 / 4, H * 2 / 3), >, 50);
  g_assert_cmpuint (count_not_white (&image, 0, H * 3 / 4, W, H), ==, 0);
  image_free (&image);

  text = cg_chart_describe (data);
  g_assert_cmpstr (text, ==, "Fevers: no data to show.");
  g_free (text);

  /* the caller's own message is used for both */
  data->empty_text = g_strdup ("No fever in the last 7 days");
  text = cg_chart_describe (data);
  g_assert_nonnull (strstr (text, "No fever in the last 7 days"));
  g_assert_nonnull (strstr (text, "no data"));
  g_free (text);

  /* nothing at all: no slots, no series */
  {
    g_autoptr(CgChartData) nothing = cg_chart_data_new (CG_CHART_LINE, NULL, NULL);
    g_autofree char *nothing_png = out_path ("nothing.png");

    text = cg_chart_describe (nothing);
    g_assert_cmpstr (text, ==, "Chart: no data to show.");
    g_assert_true (cg_chart_write_png (nothing, 200, 100, nothing_png, &error));
    g_assert_no_error (error);
  }
}

static void
test_axis (void)
{
  static const struct {
    CgChartKind kind;
    double      values[4];
    guint       decimals;
  } cases[] = {
    { CG_CHART_BAR,  { 0, 0, 0, 0 }, 0 },             /* all zero */
    { CG_CHART_LINE, { 0, 0, 0, 0 }, 1 },
    { CG_CHART_LINE, { 36.2, 36.5, 37.8, 36.9 }, 1 }, /* temperatures */
    { CG_CHART_BAR,  { -3, 5, -12, 8 }, 0 },          /* negative values */
    { CG_CHART_LINE, { -20, -25, -30, -22 }, 0 },     /* all negative */
    { CG_CHART_BAR,  { 12000, 53000, 7, 0 }, 0 },     /* large */
    { CG_CHART_LINE, { 0.001, 0.004, 0.002, 0.003 }, 3 },
    { CG_CHART_LINE, { 50, 50, 50, 50 }, 0 },         /* flat */
  };
  guint c;

  for (c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CgChartData) data = cg_chart_data_new (cases[c].kind, "Axis", "℃");
      CgChartSeries *series = cg_chart_data_add_series (data, "Values", BLUE[0], BLUE[1], BLUE[2]);
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
      CgChartGeometry g;
      guint i;

      data->y_decimals = cases[c].decimals;
      add_days (data, 4);
      for (i = 0; i < 4; i++)
        {
          cg_chart_series_append (series, cases[c].values[i]);
          lo = MIN (lo, cases[c].values[i]);
          hi = MAX (hi, cases[c].values[i]);
        }

      cg_chart_get_geometry (data, NULL, W, H, &g);
      g_assert_true (g.valid);
      g_assert_true (isfinite (g.y_lo) && isfinite (g.y_hi));
      g_assert_cmpfloat (g.y_hi, >, g.y_lo);
      g_assert_cmpfloat (g.y_lo, <=, lo);
      g_assert_cmpfloat (g.y_hi, >=, hi);
      g_assert_true (is_nice_step (g.y_step));
      g_assert_true (is_multiple (g.y_lo, g.y_step));
      g_assert_true (is_multiple (g.y_hi, g.y_step));
      /* between 2 and 12 grid lines */
      g_assert_cmpfloat ((g.y_hi - g.y_lo) / g.y_step, >=, 2 - 1e-9);
      g_assert_cmpfloat ((g.y_hi - g.y_lo) / g.y_step, <=, 12 + 1e-9);
      if (cases[c].kind == CG_CHART_BAR)
        g_assert_cmpfloat (g.y_lo, <=, 0);
      /* no more range than the data needs: at most a third is left over */
      if (hi > lo)
        g_assert_cmpfloat (hi - lo, >=, (g.y_hi - g.y_lo) / 3 - 1e-9);
    }

  /* a range given by the caller is kept */
  {
    g_autoptr(CgChartData) data = make_coverage ("Coverage", "Coverage");
    CgChartGeometry g;

    data->y_min = 0;
    data->y_max = 100;
    cg_chart_get_geometry (data, NULL, W, H, &g);
    g_assert_cmpfloat (g.y_lo, ==, 0);
    g_assert_cmpfloat (g.y_hi, ==, 100);
    g_assert_cmpfloat_with_epsilon (cg_chart_geometry_value_y (&g, 100), g.y, 1e-9);
    g_assert_cmpfloat_with_epsilon (cg_chart_geometry_value_y (&g, 0), g.y + g.height, 1e-9);
    g_assert_cmpfloat_with_epsilon (cg_chart_geometry_value_y (&g, 50), g.y + g.height / 2, 1e-9);
  }
}

/* Negative bars hang below the zero line. */
static void
test_negative (void)
{
  g_autoptr(CgChartData) data = cg_chart_data_new (CG_CHART_BAR, "Stock change", "boxes");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("negative.png");
  CgChartSeries *series;
  CgChartGeometry g;
  Image image;
  double x0, x1, zero;
  static const double values[] = { 4, -6, 2, -1, 0, 8, -3 };
  guint i;

  add_days (data, G_N_ELEMENTS (values));
  series = cg_chart_data_add_series (data, "Masks", BLUE[0], BLUE[1], BLUE[2]);
  for (i = 0; i < G_N_ELEMENTS (values); i++)
    cg_chart_series_append (series, values[i]);

  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  image = read_png (png, W, H);
  cg_chart_get_geometry (data, NULL, W, H, &g);
  zero = cg_chart_geometry_value_y (&g, 0);
  g_assert_cmpfloat (zero, >, g.y);
  g_assert_cmpfloat (zero, <, g.y + g.height);

  for (i = 0; i < G_N_ELEMENTS (values); i++)
    {
      int cx;

      g_assert_true (cg_chart_geometry_bar_span (&g, i, 0, &x0, &x1));
      cx = (int) floor ((x0 + x1) / 2);
      if (values[i] < 0)
        {
          g_assert_true (is_colour (&image, cx, (int) (zero + 4), BLUE));
          g_assert_false (is_colour (&image, cx, (int) (zero - 4), BLUE));
        }
      else if (values[i] > 0)
        {
          g_assert_true (is_colour (&image, cx, (int) (zero - 4), BLUE));
          g_assert_false (is_colour (&image, cx, (int) (zero + 4), BLUE));
        }
    }

  image_free (&image);
}

/* Chinese labels go through Pango: the title's band has ink. */
static void
test_chinese (void)
{
  g_autoptr(CgChartData) cover = make_coverage ("工作人员核酸检测覆盖率", "覆盖率");
  g_autoptr(CgChartData) bars = make_bars ("发热人数与未检人数", "发热人数", "未晨检人数");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("coverage-zh.png");
  g_autofree char *bars_png = out_path ("bars-zh.png");
  g_autofree char *pdf = out_path ("coverage-zh.pdf");
  CgChartGeometry g;
  Image image;

  g_free (bars->y_unit);
  bars->y_unit = g_strdup ("人");

  g_assert_true (cg_chart_write_png (cover, W, H, png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_png (bars, W, H, bars_png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_pdf (cover, W, H, pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (pdf);

  image = read_png (png, W, H);
  cg_chart_get_geometry (cover, NULL, W, H, &g);
  assert_geometry_sane (&g, W, H, 30);
  g_assert_cmpuint (count_not_white (&image, 0, 0, W, (int) g.y - 10), >, 200);
  image_free (&image);
}

/* Sizes and counts at the edges draw something sensible, or nothing, and never crash. */
static void
test_extremes (void)
{
  g_autoptr(CgChartData) many = cg_chart_data_new (CG_CHART_LINE, "1000 days", "%");
  g_autoptr(CgChartData) many_bars = cg_chart_data_new (CG_CHART_STACKED_BAR, "1000 days", "people");
  g_autoptr(CgChartData) one = make_coverage ("One day", "Coverage");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("many.png");
  g_autofree char *bars_png = out_path ("many-bars.png");
  g_autofree char *one_png = out_path ("one.png");
  g_autofree char *tiny = out_path ("tiny.png");
  g_autofree char *text = NULL;
  CgChartSeries *series, *a, *b;
  CgChartGeometry g;
  static const int sizes[][2] = { { 1, 1 }, { 2, 3 }, { 10, 10 }, { 40, 20 }, { 90, 60 }, { 5000, 3 } };
  CgChartData *all[3];
  guint i, s, d;

  add_days (many, 1000);
  add_days (many_bars, 1000);
  series = cg_chart_data_add_series (many, "Coverage", BLUE[0], BLUE[1], BLUE[2]);
  a = cg_chart_data_add_series (many_bars, "A", GREEN[0], GREEN[1], GREEN[2]);
  b = cg_chart_data_add_series (many_bars, "B", RED[0], RED[1], RED[2]);
  for (i = 0; i < 1000; i++)
    {
      cg_chart_series_append (series, (i % 97 == 0) ? NAN : 80 + 20 * sin (i / 30.0));
      cg_chart_series_append (a, i % 7);
      cg_chart_series_append (b, (i * 13) % 5);
    }

  g_assert_true (cg_chart_write_png (many, W, H, png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_png (many_bars, W, H, bars_png, &error));
  g_assert_no_error (error);
  cg_chart_get_geometry (many, NULL, W, H, &g);
  g_assert_true (g.valid);
  g_assert_cmpuint (g.n_slots, ==, 1000);
  for (i = 0; i < 1000; i += 111)
    g_assert_cmpint (cg_chart_slot_at (many, W, H, cg_chart_geometry_slot_center (&g, i), g.y + 5), ==, (int) i);
  g_assert_cmpint (cg_chart_slot_at (many, W, H, g.x + g.width - 0.01, g.y + 5), ==, 999);

  /* one slot only */
  g_ptr_array_set_size (one->x_labels, 1);
  g_array_set_size (((CgChartSeries *) g_ptr_array_index (one->series, 0))->values, 1);
  g_assert_true (cg_chart_write_png (one, W, H, one_png, &error));
  g_assert_no_error (error);
  cg_chart_get_geometry (one, NULL, W, H, &g);
  g_assert_cmpuint (g.n_slots, ==, 1);
  g_assert_cmpint (cg_chart_slot_at (one, W, H, g.x + 1, g.y + 1), ==, 0);
  text = cg_chart_describe (one);
  g_assert_true (g_str_has_prefix (text, "One day: 10-25; lowest 100.0 %"));

  all[0] = many;
  all[1] = many_bars;
  all[2] = one;
  for (d = 0; d < G_N_ELEMENTS (all); d++)
    for (s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        int sw = sizes[s][0], sh = sizes[s][1];
        double x, y;

        g_assert_true (cg_chart_write_png (all[d], sw, sh, tiny, &error));
        g_assert_no_error (error);
        for (x = -1; x <= sw + 1; x += MAX (sw / 7.0, 0.5))
          for (y = -1; y <= sh + 1; y += MAX (sh / 7.0, 0.5))
            {
              int k = cg_chart_slot_at (all[d], sw, sh, x, y);

              g_assert_cmpint (k, >=, -1);
              g_assert_cmpint (k, <, (int) all[d]->x_labels->len);
            }
      }

  /* a PDF of 1 × 1 pt is still a PDF */
  {
    g_autofree char *pdf = out_path ("tiny.pdf");

    g_assert_true (cg_chart_write_pdf (many, 1, 1, pdf, &error));
    g_assert_no_error (error);
  }

  /* drawing into nothing */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    cg_chart_draw (cr, 0, 0, many, NULL);
    cg_chart_draw (cr, -5, NAN, many, NULL);
    cg_chart_draw (cr, INFINITY, 10, one, NULL);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* No fever for a week is data, not an empty chart: a zero axis, no bars. */
static void
test_all_zero (void)
{
  g_autoptr(CgChartData) data = cg_chart_data_new (CG_CHART_BAR, "Fevers", "people");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("zero.png");
  g_autofree char *text = NULL;
  CgChartSeries *series;
  CgChartGeometry g;
  Image image;
  double x0, x1;
  int row;
  guint i;

  add_days (data, 7);
  series = cg_chart_data_add_series (data, "Fevers", RED[0], RED[1], RED[2]);
  for (i = 0; i < 7; i++)
    cg_chart_series_append (series, 0);

  g_assert_false (cg_chart_data_is_empty (data));
  g_assert_cmpuint (cg_chart_data_get_n_slots (data), ==, 7);
  cg_chart_get_geometry (data, NULL, W, H, &g);
  assert_geometry_sane (&g, W, H, 7);
  g_assert_cmpfloat (g.y_lo, ==, 0);
  g_assert_cmpfloat (g.y_hi, >, 0);

  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  image = read_png (png, W, H);
  for (i = 0; i < 7; i++)
    {
      g_assert_true (cg_chart_geometry_bar_span (&g, i, 0, &x0, &x1));
      for (row = 0; row < H; row++)
        g_assert_false (is_colour (&image, (int) ((x0 + x1) / 2), row, RED));
    }
  /* but the axis and its labels are there */
  g_assert_cmpuint (count_not_white (&image, 0, (int) g.y, (int) g.x, (int) (g.y + g.height)), >, 20);
  image_free (&image);

  text = cg_chart_describe (data);
  g_assert_cmpstr (text, ==, "Fevers: 7 days from 10-25 to 10-31; lowest 0 people, highest 0 people, last 0 people.");
}

static void
test_errors (void)
{
  g_autoptr(CgChartData) data = make_coverage ("Coverage", "Coverage");
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_dir = g_build_filename (out_dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *png = out_path ("not-written.png");

  g_assert_false (cg_chart_write_png (data, W, H, missing_dir, &error));
  g_assert_error (error, CG_CHART_ERROR, CG_CHART_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);

  g_assert_false (cg_chart_write_pdf (data, W, H, missing_dir, &error));
  g_assert_error (error, CG_CHART_ERROR, CG_CHART_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_false (cg_chart_write_png (data, 0, H, png, &error));
  g_assert_error (error, CG_CHART_ERROR, CG_CHART_ERROR_SIZE);
  g_clear_error (&error);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_false (cg_chart_write_pdf (data, W, -1, png, &error));
  g_assert_error (error, CG_CHART_ERROR, CG_CHART_ERROR_SIZE);
}


/* Timelines */

/* Five isolation rooms over 14 days (10-25 … 11-07), "today" at noon of
 * 11-05 (slot 11.5):
 *   隔离1号  王某  from 10-27 (2), still open, planned to 11-10 (16: past the range)
 *   隔离2号  李某  10-28 … 11-01 ([3, 8)), planned to 11-04 (10): left early
 *   隔离3号  陈某  from before the range (-3) to noon of 10-26 (1.5)
 *   隔离4号  —
 *   隔离5号  赵某  from 10-26 (1), still open, planned to 11-02 (9): overdue */
#define TODAY 11.5

static CgChartData *
make_timeline (void)
{
  CgChartData *data = cg_chart_data_new (CG_CHART_TIMELINE, "隔离室占用", NULL);
  guint r;

  add_days (data, 14);
  r = cg_chart_data_add_row (data, "隔离1号");
  g_assert_cmpuint (r, ==, 0);
  cg_chart_data_add_span (data, r, 2, NAN, 16, "王某", BLUE[0], BLUE[1], BLUE[2]);
  r = cg_chart_data_add_row (data, "隔离2号");
  g_assert_cmpuint (r, ==, 1);
  cg_chart_data_add_span (data, r, 3, 8, 10, "李某", GREEN[0], GREEN[1], GREEN[2]);
  r = cg_chart_data_add_row (data, "隔离3号");
  cg_chart_data_add_span (data, r, -3, 1.5, NAN, "陈某", RED[0], RED[1], RED[2]);
  r = cg_chart_data_add_row (data, "隔离4号");
  r = cg_chart_data_add_row (data, "隔离5号");
  g_assert_cmpuint (r, ==, 4);
  cg_chart_data_add_span (data, r, 1, NAN, 9, "赵某", ORANGE[0], ORANGE[1], ORANGE[2]);
  cg_chart_data_set_marker (data, TODAY, "Today");
  cg_chart_data_set_marker_colour (data, PURPLE[0], PURPLE[1], PURPLE[2]);

  return data;
}

/* How many pixels of the colour along a row of the image from x0 to x1. */
static guint
count_colour_x (const Image  *image,
                int           x0,
                int           x1,
                int           y,
                const double  rgb[3])
{
  guint n = 0;
  int x;

  for (x = MAX (x0, 0); x < MIN (x1, image->width); x++)
    if (is_colour (image, x, y, rgb))
      n++;

  return n;
}

static void
test_timeline (void)
{
  g_autoptr(CgChartData) data = make_timeline ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("timeline.png");
  g_autofree char *pdf = out_path ("timeline.pdf");
  double light[3];
  CgChartGeometry g;
  Image image;
  double x0, x1, y0, y1, ry0, ry1, xs, mx;
  int y, x, edge, marker_hits = 0, rows_seen = 0;
  guint k;

  g_assert_false (cg_chart_data_is_empty (data));
  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  g_assert_true (cg_chart_write_pdf (data, W, H, pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (pdf);
  image = read_png (png, W, H);

  /* rows top to bottom, labels to the left, the days under the last row */
  cg_chart_get_geometry (data, NULL, W, H, &g);
  g_assert_true (g.valid);
  g_assert_false (g.empty);
  g_assert_cmpint (g.kind, ==, CG_CHART_TIMELINE);
  g_assert_cmpuint (g.n_slots, ==, 14);
  g_assert_cmpuint (g.n_rows, ==, 5);
  g_assert_cmpfloat (g.row_height, >, 20);
  g_assert_cmpfloat_with_epsilon (g.height, 5 * g.row_height, 1e-6);
  g_assert_cmpfloat_with_epsilon (g.slot_width * 14, g.width, 1e-6);
  g_assert_cmpfloat (g.x, >, 40);               /* room for "隔离1号" */
  g_assert_cmpfloat (g.x, <, W * 0.3);
  g_assert_cmpfloat (g.x + g.width, <, W);
  g_assert_cmpfloat (g.y + g.height, <, H - 20); /* the x labels below */
  g_assert_true (cg_chart_geometry_row_extent (&g, 1, &ry0, &ry1));
  g_assert_cmpfloat_with_epsilon (ry0, g.y + g.row_height, 1e-6);
  g_assert_cmpfloat_with_epsilon (ry1, g.y + 2 * g.row_height, 1e-6);
  g_assert_false (cg_chart_geometry_row_extent (&g, 5, NULL, NULL));
  /* the row labels have ink left of the plot, one per row */
  for (k = 0; k < 5; k++)
    {
      cg_chart_geometry_row_extent (&g, k, &ry0, &ry1);
      if (count_not_white (&image, 0, (int) ry0 + 2, (int) g.x - 4, (int) ry1 - 2) > 20)
        rows_seen++;
    }
  g_assert_cmpint (rows_seen, ==, 5);
  /* and the days under the plot */
  g_assert_cmpuint (count_not_white (&image, (int) g.x, (int) (g.y + g.height) + 3, (int) (g.x + g.width), H), >, 100);

  /* hit test: the slot and the row under a point */
  g_assert_cmpint (cg_chart_geometry_slot_at (&g, cg_chart_geometry_slot_center (&g, 5), g.y + 1.5 * g.row_height), ==, 5);
  g_assert_cmpint (cg_chart_slot_at (data, W, H, cg_chart_geometry_slot_center (&g, 13), g.y + 4.5 * g.row_height), ==, 13);
  g_assert_cmpint (cg_chart_geometry_row_at (&g, g.y + 1.5 * g.row_height), ==, 1);
  g_assert_cmpint (cg_chart_geometry_row_at (&g, g.y + 4.99 * g.row_height), ==, 4);
  g_assert_cmpint (cg_chart_geometry_row_at (&g, g.y - 1), ==, -1);
  g_assert_cmpint (cg_chart_geometry_row_at (&g, g.y + g.height + 1), ==, -1);
  g_assert_cmpint (cg_chart_geometry_slot_at (&g, g.x - 5, g.y + 5), ==, -1);

  /* 王某: open, from slot 2 to past the range: the bar reaches the right edge */
  g_assert_true (cg_chart_geometry_span_rect (&g, data, 0, 0, &x0, &x1, &y0, &y1));
  g_assert_cmpfloat_with_epsilon (x0, g.x + 2 * g.slot_width, 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, g.x + g.width, 1e-6);
  cg_chart_geometry_row_extent (&g, 0, &ry0, &ry1);
  g_assert_cmpfloat (y0, >, ry0);
  g_assert_cmpfloat (y1, <, ry1);
  g_assert_cmpfloat (y1 - y0, >, g.row_height * 0.5);
  xs = cg_chart_geometry_slot_x (&g, TODAY);
  g_assert_cmpfloat_with_epsilon (xs, g.x + 11.5 * g.slot_width, 1e-6);
  /* solid blue from its start to today, on the bar's top line (clear of the label) */
  y = (int) y0 + 2;
  g_assert_cmpuint (count_colour_x (&image, (int) x0 + 4, (int) xs - 4, y, BLUE), >=, (guint) (xs - x0 - 8) - 1);
  g_assert_cmpuint (count_colour_x (&image, (int) x0 + 4, (int) xs - 4, (int) y1 - 3, BLUE), >=, (guint) (xs - x0 - 8) - 1);
  /* nothing before its start */
  g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) x0 - 2, y, BLUE), ==, 0);
  g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) x0 - 2, (int) ((y0 + y1) / 2), BLUE), ==, 0);
  /* lighter after today: a tint of blue, not blue */
  for (k = 0; k < 3; k++)
    light[k] = 1.0 - 0.28 * (1.0 - BLUE[k]);
  y = (int) ((y0 + y1) / 2);
  for (x = (int) xs + 4; x < (int) x1 - 4; x++)
    {
      g_assert_false (is_colour (&image, x, y, BLUE));
      g_assert_true (is_colour (&image, x, y, light));
    }
  /* the rows below it stay clear of blue */
  g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) (g.x + g.width), (int) (g.y + 1.5 * g.row_height), BLUE), ==, 0);

  /* 李某: [3, 8), left early: the planned end (10) has a tick, the bar stops at 8 */
  g_assert_true (cg_chart_geometry_span_rect (&g, data, 1, 0, &x0, &x1, &y0, &y1));
  g_assert_cmpfloat_with_epsilon (x0, g.x + 3 * g.slot_width, 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, g.x + 8 * g.slot_width, 1e-6);
  y = (int) y0 + 2;
  g_assert_cmpuint (count_colour_x (&image, (int) x0 + 4, (int) x1 - 4, y, GREEN), >=, (guint) (x1 - x0 - 8) - 1);
  g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) x0 - 3, y, GREEN), ==, 0);
  g_assert_cmpuint (count_colour_x (&image, (int) x1 + 3, (int) (g.x + g.width), y, GREEN), ==, 0);
  g_assert_cmpuint (count_colour_x (&image, (int) x1 + 3, (int) (g.x + g.width), (int) ((y0 + y1) / 2), GREEN), ==, 0);
  /* the tick: dark across the bar's band at 10, white one slot before it */
  edge = (int) round (cg_chart_geometry_slot_x (&g, 10));
  g_assert_false (is_white (&image, edge, (int) ((y0 + y1) / 2)));
  g_assert_false (is_white (&image, edge - 1, (int) y0));
  g_assert_true (is_white (&image, (int) cg_chart_geometry_slot_x (&g, 9.25), (int) ((y0 + y1) / 2)));

  /* 陈某: from before the range: clipped at the plot's left edge, ends at 1.5 */
  g_assert_true (cg_chart_geometry_span_rect (&g, data, 2, 0, &x0, &x1, &y0, &y1));
  g_assert_cmpfloat_with_epsilon (x0, g.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, g.x + 1.5 * g.slot_width, 1e-6);
  g_assert_true (is_colour (&image, (int) (g.x + g.slot_width), (int) y0 + 2, RED));
  g_assert_false (is_colour (&image, (int) x1 + 3, (int) y0 + 2, RED));
  g_assert_cmpuint (count_colour_x (&image, 0, (int) g.x - 1, (int) y0 + 2, RED), ==, 0);

  /* 隔离4号 holds nothing */
  g_assert_false (cg_chart_geometry_span_rect (&g, data, 3, 0, NULL, NULL, NULL, NULL));
  cg_chart_geometry_row_extent (&g, 3, &ry0, &ry1);
  for (y = (int) ry0 + 2; y < (int) ry1 - 1; y++)
    {
      g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) (g.x + g.width), y, BLUE), ==, 0);
      g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) (g.x + g.width), y, GREEN), ==, 0);
      g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) (g.x + g.width), y, ORANGE), ==, 0);
      g_assert_cmpuint (count_colour_x (&image, (int) g.x, (int) (g.x + g.width), y, RED), ==, 0);
    }

  /* 赵某: still open past the planned end (9): solid up to today */
  g_assert_true (cg_chart_geometry_span_rect (&g, data, 4, 0, &x0, &x1, &y0, &y1));
  g_assert_cmpfloat_with_epsilon (x0, g.x + 1 * g.slot_width, 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, xs, 1e-6);
  g_assert_true (is_colour (&image, (int) cg_chart_geometry_slot_x (&g, 10.5), (int) y0 + 2, ORANGE));
  g_assert_false (is_colour (&image, (int) xs + 4, (int) y0 + 2, ORANGE));

  /* today: a dashed purple line across the rows, its label above them */
  mx = round (xs);
  for (y = (int) g.y; y < (int) (g.y + g.height); y++)
    if (is_colour (&image, (int) mx, y, PURPLE) || is_colour (&image, (int) mx - 1, y, PURPLE))
      marker_hits++;
  g_assert_cmpint (marker_hits, >, g.height * 0.4);
  g_assert_cmpint (marker_hits, <, g.height * 0.9);
  for (y = (int) g.y; y < (int) (g.y + g.height); y++)
    {
      g_assert_false (is_colour (&image, (int) mx + 5, y, PURPLE));
      g_assert_false (is_colour (&image, (int) mx - 6, y, PURPLE));
    }
  g_assert_cmpuint (count_colour_x (&image, (int) mx - 30, (int) mx + 30, (int) g.y - 12, PURPLE) +
                    count_colour_x (&image, (int) mx - 30, (int) mx + 30, (int) g.y - 9, PURPLE) +
                    count_colour_x (&image, (int) mx - 30, (int) mx + 30, (int) g.y - 15, PURPLE), >, 3);

  image_free (&image);
}

/* A finished stay's planned end falls within the next stay of its room:
 * its tick is left out there, the open stay's own tick is drawn. */
static void
test_timeline_ticks (void)
{
  g_autoptr(CgChartData) data = cg_chart_data_new (CG_CHART_TIMELINE, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("timeline-ticks.png");
  static const double white[3] = { 1, 1, 1 };
  CgChartGeometry g;
  Image image;
  double x0, x1, y0, y1;
  int x, dark_at_6 = 0, dark_at_12 = 0;
  guint r;

  add_days (data, 14);
  r = cg_chart_data_add_row (data, "隔离1号");
  /* the newest first, as a register lists them: A's tick is drawn after B */
  cg_chart_data_add_span (data, r, 4, NAN, 12, "B", WHITE_SPAN[0], WHITE_SPAN[1], WHITE_SPAN[2]);
  cg_chart_data_add_span (data, r, 0, 3, 6, "A", GREEN[0], GREEN[1], GREEN[2]);
  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  image = read_png (png, W, H);
  cg_chart_get_geometry (data, NULL, W, H, &g);
  g_assert_true (cg_chart_geometry_span_rect (&g, data, 0, 0, &x0, &x1, &y0, &y1));

  /* B is drawn in white on white: only a tick would be dark on it */
  for (x = -2; x <= 2; x++)
    {
      double p[3];

      pixel (&image, (int) round (cg_chart_geometry_slot_x (&g, 6)) + x, (int) ((y0 + y1) / 2), p);
      if (p[0] < 0.6)
        dark_at_6++;
      pixel (&image, (int) round (cg_chart_geometry_slot_x (&g, 12)) + x, (int) ((y0 + y1) / 2), p);
      if (p[0] < 0.6)
        dark_at_12++;
    }
  g_assert_cmpint (dark_at_6, ==, 0);
  g_assert_cmpint (dark_at_12, >, 0);
  g_assert_true (is_colour (&image, (int) cg_chart_geometry_slot_x (&g, 8), (int) ((y0 + y1) / 2), white));

  image_free (&image);
}

static void
test_timeline_describe (void)
{
  g_autoptr(CgChartData) data = make_timeline ();
  g_autoptr(CgChartData) none = cg_chart_data_new (CG_CHART_TIMELINE, "隔离室占用", NULL);
  g_autoptr(CgChartData) no_days = cg_chart_data_new (CG_CHART_TIMELINE, "隔离室占用", NULL);
  g_autoptr(CgChartData) free_rooms = cg_chart_data_new (CG_CHART_TIMELINE, "隔离室占用", NULL);
  g_autoptr(CgChartData) line = NULL;
  g_autofree char *text = NULL;
  char *slot;
  CgChartGeometry g;
  double natural;

  slot = cg_chart_describe_slot (data, 5);
  g_assert_cmpstr (slot, ==, "10-30: 隔离1号: 王某; 隔离2号: 李某; 隔离5号: 赵某");
  g_free (slot);
  slot = cg_chart_describe_slot (data, 1);
  g_assert_cmpstr (slot, ==, "10-26: 隔离3号: 陈某; 隔离5号: 赵某");
  g_free (slot);
  /* the lighter, planned part counts; 赵某 ends at today */
  slot = cg_chart_describe_slot (data, 13);
  g_assert_cmpstr (slot, ==, "11-07: 隔离1号: 王某");
  g_free (slot);
  slot = cg_chart_describe_slot (data, 11);
  g_assert_cmpstr (slot, ==, "11-05: 隔离1号: 王某; 隔离5号: 赵某");
  g_free (slot);
  /* 李某 left at the start of slot 8 */
  slot = cg_chart_describe_slot (data, 8);
  g_assert_cmpstr (slot, ==, "11-02: 隔离1号: 王某; 隔离5号: 赵某");
  g_free (slot);
  slot = cg_chart_describe_slot (data, 0);
  g_assert_cmpstr (slot, ==, "10-25: 隔离3号: 陈某");
  g_free (slot);
  slot = cg_chart_describe_slot (data, 14);
  g_assert_cmpstr (slot, ==, "");
  g_free (slot);

  text = cg_chart_describe (data);
  g_assert_cmpstr (text, ==, "隔离室占用: 14 days from 10-25 to 11-07; 隔离1号: 王某; 隔离2号: 李某; "
                             "隔离3号: 陈某; 隔离4号: nothing; 隔离5号: 赵某; “Today” marked at 11-05.");

  /* no rows, or no days: empty; rows without spans: every room free, drawn */
  g_assert_true (cg_chart_data_is_empty (none));
  cg_chart_data_add_row (no_days, "隔离1号");
  g_assert_true (cg_chart_data_is_empty (no_days));
  add_days (free_rooms, 7);
  cg_chart_data_add_row (free_rooms, "隔离1号");
  cg_chart_data_add_row (free_rooms, "隔离2号");
  g_assert_false (cg_chart_data_is_empty (free_rooms));
  slot = cg_chart_describe_slot (free_rooms, 3);
  g_assert_cmpstr (slot, ==, "10-28: nothing");
  g_free (slot);
  cg_chart_get_geometry (free_rooms, NULL, W, H, &g);
  g_assert_true (g.valid);
  g_assert_cmpuint (g.n_rows, ==, 2);

  /* the natural height gives the rows their full height; less makes them thinner */
  natural = cg_chart_get_natural_height (data, NULL);
  g_assert_cmpfloat (natural, >, 5 * 20);
  line = make_coverage ("Staff test coverage", "Coverage");
  g_assert_cmpfloat (cg_chart_get_natural_height (line, NULL), ==, 0);
  cg_chart_get_geometry (data, NULL, W, natural, &g);
  {
    CgChartGeometry big, small;

    cg_chart_get_geometry (data, NULL, W, natural * 3, &big);
    cg_chart_get_geometry (data, NULL, W, natural * 0.6, &small);
    g_assert_cmpfloat_with_epsilon (g.row_height, big.row_height, 1e-6);
    g_assert_cmpfloat (small.row_height, <, g.row_height - 5);
    g_assert_true (small.valid);
    /* the x labels fit under the last row */
    g_assert_cmpfloat (g.y + g.height, <, natural - 15);
  }
}

/* The marker on a line chart: at the middle of its day, its label above
 * the plot, in the description. */
static void
test_marker_line (void)
{
  g_autoptr(CgChartData) plain = make_coverage ("Staff test coverage", "Coverage");
  g_autoptr(CgChartData) data = make_coverage ("Staff test coverage", "Coverage");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path ("coverage-marker.png");
  g_autofree char *text = NULL;
  CgChartGeometry g, g_plain;
  Image image;
  int y, x, hits = 0;

  cg_chart_data_set_marker (data, 20.5, "Runs out 11-14");
  cg_chart_data_set_marker_colour (data, RED[0], RED[1], RED[2]);
  g_assert_true (cg_chart_write_png (data, W, H, png, &error));
  g_assert_no_error (error);
  image = read_png (png, W, H);

  cg_chart_get_geometry (data, NULL, W, H, &g);
  cg_chart_get_geometry (plain, NULL, W, H, &g_plain);
  assert_geometry_sane (&g, W, H, 30);
  /* a line is made for the marker's label */
  g_assert_cmpfloat (g.y, >, g_plain.y + 10);

  x = (int) round (cg_chart_geometry_slot_x (&g, 20.5));
  g_assert_cmpint (abs (x - (int) round (cg_chart_geometry_slot_center (&g, 20))), <=, 1);
  for (y = (int) g.y; y < (int) (g.y + g.height); y++)
    if (is_colour (&image, x, y, RED) || is_colour (&image, x - 1, y, RED))
      hits++;
  g_assert_cmpint (hits, >, g.height * 0.4);
  for (y = (int) g.y; y < (int) (g.y + g.height); y++)
    g_assert_false (is_colour (&image, x + 6, y, RED));
  /* the label, in red, above the plot */
  g_assert_cmpuint (count_not_white (&image, x - 60, (int) g.y - 30, x + 60, (int) g.y - 8), >, 30);

  text = cg_chart_describe (data);
  g_assert_nonnull (strstr (text, "; “Runs out 11-14” marked at 11-14."));

  /* out of the range: nothing drawn, no room taken */
  cg_chart_data_set_marker (data, 31, "Runs out 11-25");
  cg_chart_get_geometry (data, NULL, W, H, &g);
  g_assert_cmpfloat_with_epsilon (g.y, g_plain.y, 1e-6);
  g_free (text);
  text = cg_chart_describe (data);
  g_assert_null (strstr (text, "Runs out"));

  image_free (&image);
}

static void
remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  keep = g_strcmp0 (g_getenv ("CHART_TEST_KEEP"), "1") == 0;
  if (keep)
    {
      out_dir = g_strdup ("/tmp/charts");
      g_mkdir_with_parents (out_dir, 0755);
    }
  else
    {
      out_dir = g_dir_make_tmp ("cg-charts-XXXXXX", &error);
      g_assert_no_error (error);
    }

  g_test_add_func ("/charts/stacked-readout-parts", test_stacked_readout_parts);
  g_test_add_func ("/charts/data", test_data);
  g_test_add_func ("/charts/coverage/render", test_coverage);
  g_test_add_func ("/charts/coverage/describe", test_coverage_describe);
  g_test_add_func ("/charts/bars", test_bars);
  g_test_add_func ("/charts/stacked", test_stacked);
  g_test_add_func ("/charts/slot-at", test_slot_at);
  g_test_add_func ("/charts/highlight", test_highlight);
  g_test_add_func ("/charts/empty", test_empty);
  g_test_add_func ("/charts/axis", test_axis);
  g_test_add_func ("/charts/negative", test_negative);
  g_test_add_func ("/charts/chinese", test_chinese);
  g_test_add_func ("/charts/extremes", test_extremes);
  g_test_add_func ("/charts/all-zero", test_all_zero);
  g_test_add_func ("/charts/errors", test_errors);
  g_test_add_func ("/charts/timeline/render", test_timeline);
  g_test_add_func ("/charts/timeline/ticks", test_timeline_ticks);
  g_test_add_func ("/charts/timeline/describe", test_timeline_describe);
  g_test_add_func ("/charts/marker/line", test_marker_line);

  ret = g_test_run ();

  if (!keep)
    remove_dir (out_dir);
  g_free (out_dir);

  return ret;
}
