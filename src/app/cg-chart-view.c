/* cg-chart-view.c — a chart on screen, with the value under the pointer
 *
 * The drawing is cg_chart_draw() in the widget's own colours, so the chart
 * follows the light or dark style.  The slot under the pointer, or the one
 * chosen with Left/Right, is highlighted and its values are written in a
 * small box next to it; for screen readers the chart is an image whose
 * description sums it up and, after a keyboard move, names the chosen day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cg-chart-view.h"

#define MIN_HEIGHT 220
#define NAT_HEIGHT 260
#define MIN_WIDTH  200
#define NAT_WIDTH  480

struct _CgChartView
{
  GtkWidget    parent_instance;

  CgChartData *data;
  int          highlight;

  /* where the pointer is, when it is over the chart */
  gboolean     pointer_inside;
  double       pointer_x;
  double       pointer_y;
  /* the highlight follows the pointer, or the keyboard */
  gboolean     pointer_driven;

  /* the slot named in the accessible description, -1 for none */
  int          described_slot;
};

G_DEFINE_FINAL_TYPE (CgChartView, cg_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHT,
  PROP_READOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keys that jump rather than step */
#define JUMP_FIRST G_MININT
#define JUMP_LAST  G_MAXINT

static void
rgba_to_array (const GdkRGBA *rgba,
               double         out[4])
{
  out[0] = rgba->red;
  out[1] = rgba->green;
  out[2] = rgba->blue;
  out[3] = rgba->alpha;
}

/* The chart in the colours and text size of the widget. */
static void
fill_style (CgChartView  *self,
            CgChartStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  GdkRGBA fg;
  double points = 11.0, resolution;

  cg_chart_style_init (style);

  gtk_style_context_get_color (context, &fg);
  rgba_to_array (&fg, style->fg);
  rgba_to_array (&fg, style->grid);
  style->grid[3] = fg.alpha * 0.15;
  style->bg[3] = 0.0;   /* the window's own background shows through */

  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      points = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      if (pango_font_description_get_size_is_absolute (font))
        points = points * 72.0 / 96.0;
    }
  /* a large-text setting raises the resolution: the chart follows it */
  resolution = pango_cairo_context_get_resolution (pango);
  if (resolution <= 0)
    resolution = 96.0;
  style->font_size = points * 0.9 * resolution / 96.0;

  style->highlight = self->highlight;
}

static void
get_geometry (CgChartView     *self,
              CgChartGeometry *geometry)
{
  CgChartStyle style;

  fill_style (self, &style);
  cg_chart_get_geometry (self->data, &style,
                         gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)),
                         geometry);
}

static guint
n_slots (CgChartView *self)
{
  if (self->data == NULL || cg_chart_data_is_empty (self->data))
    return 0;

  return cg_chart_data_get_n_slots (self->data);
}

static void
update_accessible (CgChartView *self,
                   int          slot)
{
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const char *label = NULL;

  if (self->data != NULL)
    {
      label = self->data->title;
      summary = cg_chart_describe (self->data);
    }
  if (label == NULL || label[0] == '\0')
    label = _("Chart");

  if (slot >= 0 && self->data != NULL)
    {
      g_autofree char *readout = cg_chart_describe_slot (self->data, slot);

      /* Translators: the chart's summary, then the day chosen with the arrow keys */
      description = g_strdup_printf (_("%s Selected: %s."), summary, readout);
    }
  else
    description = g_strdup (summary != NULL ? summary : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  self->described_slot = slot;
}

/* from_keyboard: a screen reader user moved, so the description names the
 * slot; the pointer only changes what is drawn. */
static void
set_highlight_internal (CgChartView *self,
                        int          slot,
                        gboolean     from_keyboard)
{
  int described = from_keyboard ? slot : -1;

  if (slot < -1)
    slot = -1;

  if (slot != self->highlight)
    {
      self->highlight = slot;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
    }

  if (described != self->described_slot)
    update_accessible (self, described);
}

/* Drawing */

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
}

static char *
colour_dot (const double rgb[3])
{
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                          (int) CLAMP (rgb[0] * 255 + 0.5, 0, 255),
                          (int) CLAMP (rgb[1] * 255 + 0.5, 0, 255),
                          (int) CLAMP (rgb[2] * 255 + 0.5, 0, 255));
}

/* A timeline: the rows that hold something that day, one a line. */
static void
append_timeline_readout (GString           *markup,
                         const CgChartData *data,
                         int                slot)
{
  guint r, i, found = 0;

  for (r = 0; r < data->rows->len; r++)
    {
      const CgChartRow *row = g_ptr_array_index (data->rows, r);

      for (i = 0; i < row->spans->len; i++)
        {
          const CgChartSpan *span = &g_array_index (row->spans, CgChartSpan, i);
          g_autofree char *dot = NULL;
          g_autofree char *line = NULL;

          if (!cg_chart_span_covers_slot (data, span, slot))
            continue;
          dot = colour_dot (span->rgb);
          line = g_markup_printf_escaped ("%s  <b>%s</b>", row->label != NULL ? row->label : "",
                                          span->label != NULL ? span->label : "");
          g_string_append_c (markup, '\n');
          g_string_append (markup, dot);
          g_string_append_c (markup, ' ');
          g_string_append (markup, line);
          found++;
        }
    }

  if (found == 0)
    {
      g_autofree char *line = g_markup_escape_text (C_("timeline readout", "nothing"), -1);

      g_string_append_c (markup, '\n');
      g_string_append (markup, line);
    }
}

static char *
readout_markup (CgChartView *self,
                int          slot)
{
  const CgChartData *data = self->data;
  g_autoptr(GString) markup = g_string_new (NULL);
  double total = 0.0;
  gboolean any = FALSE, quiet = FALSE;
  guint i;

  if (slot < (int) data->x_labels->len)
    {
      g_autofree char *label = g_markup_escape_text (g_ptr_array_index (data->x_labels, slot), -1);

      g_string_append_printf (markup, "<b>%s</b>", label);
    }

  if (data->kind == CG_CHART_TIMELINE)
    {
      append_timeline_readout (markup, data, slot);
      return g_string_free (g_steal_pointer (&markup), FALSE);
    }

  for (i = 0; i < data->series->len; i++)
    quiet = quiet || cg_chart_series_in_range (g_ptr_array_index (data->series, i), slot);

  for (i = 0; i < data->series->len; i++)
    {
      const CgChartSeries *series = g_ptr_array_index (data->series, i);
      double v = (guint) slot < series->values->len ? g_array_index (series->values, double, slot) : NAN;
      g_autofree char *value = NULL;
      g_autofree char *line = NULL;

      /* as cg_chart_describe_slot(): a series not begun or over is left out */
      if (quiet && !cg_chart_series_in_range (series, slot))
        continue;
      value = cg_chart_format_value (data, v);

      if (isfinite (v))
        {
          total += v;
          any = TRUE;
        }

      line = g_markup_printf_escaped ("<span foreground=\"#%02x%02x%02x\">●</span> %s  <b>%s</b>",
                                      (int) CLAMP (series->rgb[0] * 255 + 0.5, 0, 255),
                                      (int) CLAMP (series->rgb[1] * 255 + 0.5, 0, 255),
                                      (int) CLAMP (series->rgb[2] * 255 + 0.5, 0, 255),
                                      series->label != NULL ? series->label : "", value);
      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, line);
    }

  if (data->kind == CG_CHART_STACKED_BAR && data->series->len > 1 && any)
    {
      g_autofree char *value = cg_chart_format_value (data, total);
      /* Translators: the last line of the read-out of a stacked bar, before the sum */
      g_autofree char *line = g_markup_printf_escaped ("%s  <b>%s</b>", _("Total"), value);

      g_string_append_c (markup, '\n');
      g_string_append (markup, line);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The values of the highlighted slot in a small box beside it: dark on a
 * light style and light on a dark one, like a tooltip. */
static void
draw_readout (CgChartView        *self,
              cairo_t            *cr,
              const CgChartStyle *style,
              double              width,
              double              height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autofree char *markup = NULL;
  PangoLayout *layout;
  CgChartGeometry g;
  GdkRGBA text;
  PangoRectangle ink, logical;
  double pad_x = 9, pad_y = 6, box_w, box_h, cx, x, y;

  if (self->data == NULL || self->highlight < 0)
    return;

  cg_chart_get_geometry (self->data, style, width, height, &g);
  if (!g.valid || (guint) self->highlight >= g.n_slots)
    return;

  markup = readout_markup (self, self->highlight);
  layout = gtk_widget_create_pango_layout (widget, NULL);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  box_w = logical.width + 2 * pad_x;
  box_h = logical.height + 2 * pad_y;

  cx = cg_chart_geometry_slot_center (&g, self->highlight);
  x = cx + 14;
  if (x + box_w > width - 2)
    x = cx - 14 - box_w;
  x = CLAMP (x, 2, MAX (width - box_w - 2, 2));

  if (self->pointer_driven && self->pointer_inside)
    y = self->pointer_y - box_h - 14;
  else
    y = g.y + 4;
  if (y < 2)
    y = MIN (self->pointer_driven ? self->pointer_y + 20 : g.y + 4, height - box_h - 2);
  y = MAX (y, 2);

  if (!gtk_style_context_lookup_color (context, "window_bg_color", &text) &&
      !gtk_style_context_lookup_color (context, "theme_bg_color", &text))
    {
      double luminance = 0.3 * style->fg[0] + 0.59 * style->fg[1] + 0.11 * style->fg[2];

      text.red = text.green = text.blue = luminance > 0.5 ? 0.14 : 0.98;
      text.alpha = 1.0;
    }

  cairo_save (cr);
  rounded_rectangle (cr, round (x), round (y), round (box_w), round (box_h), 6);
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], 0.92);
  cairo_fill (cr);

  gdk_cairo_set_source_rgba (cr, &text);
  cairo_move_to (cr, round (x + pad_x), round (y + pad_y));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  g_object_unref (layout);
}

static void
draw_focus (CgChartView *self,
            cairo_t     *cr,
            double       width,
            double       height)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA accent;

  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");

  /* what Adwaita draws around focused rows and cards */
  rounded_rectangle (cr, 1, 1, MAX (width - 2, 1), MAX (height - 2, 1), 8);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, accent.alpha * 0.5);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
cg_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CgChartView *self = CG_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CgChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->data != NULL)
    {
      fill_style (self, &style);
      cg_chart_draw (cr, width, height, self->data, &style);
      draw_readout (self, cr, &style, width, height);
    }
  if (gtk_widget_has_visible_focus (widget))
    draw_focus (self, cr, width, height);
  cairo_destroy (cr);
}

static void
cg_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CgChartView *self = CG_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MIN_HEIGHT;
      *natural = NAT_HEIGHT;
      /* a timeline asks for room for its rows */
      if (self->data != NULL && self->data->kind == CG_CHART_TIMELINE)
        {
          CgChartStyle style;
          double h;

          fill_style (self, &style);
          h = cg_chart_get_natural_height (self->data, &style);
          *minimum = MAX (*minimum, (int) ceil (h));
          *natural = MAX (*natural, (int) ceil (h));
        }
    }
  else
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
}

/* Pointer and keyboard */

static void
track_pointer (CgChartView *self,
               double       x,
               double       y)
{
  CgChartGeometry g;
  int slot = -1;

  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->data == NULL)
    return;

  get_geometry (self, &g);
  /* the dates under the plot count as the plot */
  if (g.valid && y >= g.y && y <= g.y + g.height + 24)
    slot = cg_chart_geometry_slot_at (&g, x, MIN (y, g.y + g.height));

  self->pointer_driven = TRUE;
  if (slot == self->highlight)
    gtk_widget_queue_draw (GTK_WIDGET (self));   /* the box follows the pointer */
  set_highlight_internal (self, slot, FALSE);
}

static void
pointer_entered_cb (GtkEventControllerMotion *motion,
                    double                    x,
                    double                    y,
                    CgChartView              *self)
{
  track_pointer (self, x, y);
}

static void
pointer_moved_cb (GtkEventControllerMotion *motion,
                  double                    x,
                  double                    y,
                  CgChartView              *self)
{
  track_pointer (self, x, y);
}

static void
pointer_left_cb (GtkEventControllerMotion *motion,
                 CgChartView              *self)
{
  self->pointer_inside = FALSE;
  if (self->pointer_driven || !gtk_widget_has_focus (GTK_WIDGET (self)))
    set_highlight_internal (self, -1, FALSE);
}

static void
focus_left_cb (GtkEventControllerFocus *focus,
               CgChartView             *self)
{
  if (!self->pointer_inside)
    set_highlight_internal (self, -1, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_entered_cb (GtkEventControllerFocus *focus,
                  CgChartView             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CgChartView     *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
move_highlight_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  CgChartView *self = CG_CHART_VIEW (widget);
  int n = (int) MIN (n_slots (self), (guint) G_MAXINT - 1);
  int delta = g_variant_get_int32 (args);
  int slot;

  if (n <= 0)
    return FALSE;

  if (delta == JUMP_FIRST)
    slot = 0;
  else if (delta == JUMP_LAST)
    slot = n - 1;
  else if (self->highlight < 0 || self->highlight >= n)
    slot = delta < 0 ? n - 1 : 0;   /* start from the newest day going back */
  else
    slot = CLAMP (self->highlight + delta, 0, n - 1);

  self->pointer_driven = FALSE;
  set_highlight_internal (self, slot, TRUE);
  return TRUE;
}

static gboolean
clear_highlight_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  CgChartView *self = CG_CHART_VIEW (widget);

  if (self->highlight < 0)
    return FALSE;   /* let Escape close a dialog */

  set_highlight_internal (self, -1, TRUE);
  return TRUE;
}

/* GObject */

static void
cg_chart_view_dispose (GObject *object)
{
  CgChartView *self = CG_CHART_VIEW (object);

  g_clear_pointer (&self->data, cg_chart_data_free);

  G_OBJECT_CLASS (cg_chart_view_parent_class)->dispose (object);
}

static void
cg_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgChartView *self = CG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;

    case PROP_READOUT:
      g_value_take_string (value, cg_chart_view_dup_readout (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgChartView *self = CG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      cg_chart_view_set_highlight (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  int             delta)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_highlight_cb, "i", delta);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_highlight_cb, "i", delta);
}

static void
cg_chart_view_class_init (CgChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_chart_view_dispose;
  object_class->get_property = cg_chart_view_get_property;
  object_class->set_property = cg_chart_view_set_property;

  widget_class->snapshot = cg_chart_view_snapshot;
  widget_class->measure = cg_chart_view_measure;

  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, -7);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 7);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, JUMP_FIRST);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, JUMP_LAST);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, clear_highlight_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cg_chart_view_init (CgChartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->highlight = -1;
  self->described_slot = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (pointer_entered_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (pointer_moved_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (pointer_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_entered_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_accessible (self, -1);
}

/* API */

GtkWidget *
cg_chart_view_new (void)
{
  return g_object_new (CG_TYPE_CHART_VIEW, NULL);
}

void
cg_chart_view_set_data (CgChartView *self,
                        CgChartData *data)
{
  g_return_if_fail (CG_IS_CHART_VIEW (self));

  if (data == self->data)
    return;

  g_clear_pointer (&self->data, cg_chart_data_free);
  self->data = data;

  if (self->highlight != -1)
    {
      self->highlight = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
    }
  update_accessible (self, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const CgChartData *
cg_chart_view_get_data (CgChartView *self)
{
  g_return_val_if_fail (CG_IS_CHART_VIEW (self), NULL);

  return self->data;
}

int
cg_chart_view_get_highlight (CgChartView *self)
{
  g_return_val_if_fail (CG_IS_CHART_VIEW (self), -1);

  return self->highlight;
}

void
cg_chart_view_set_highlight (CgChartView *self,
                             int          slot)
{
  g_return_if_fail (CG_IS_CHART_VIEW (self));

  if (slot < 0 || (guint) slot >= n_slots (self))
    slot = -1;

  self->pointer_driven = FALSE;
  set_highlight_internal (self, slot, TRUE);
}

char *
cg_chart_view_dup_readout (CgChartView *self)
{
  g_return_val_if_fail (CG_IS_CHART_VIEW (self), NULL);

  if (self->data == NULL || self->highlight < 0)
    return NULL;

  return cg_chart_describe_slot (self->data, self->highlight);
}
