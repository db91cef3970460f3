/* cg-services-charts.c — the charts of the funeral services: services per
 * day against the mourning limit (FH-5), the mourning periods against it,
 * and the hall disinfections against the minimum a day (FH-6)
 *
 * The chart data are built from CgServiceStats without touching a widget,
 * in the loading thread; the widget only shows them.  Colours say the
 * state at a glance: green within the limit, red over it, grey for the
 * COVID-19 cases that have no mourning period; the halls get colours of
 * their own, none of them red or green.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-chart-view.h"
#include "cg-date.h"
#include "cg-page-loader.h"
#include "cg-services-charts.h"

static const double GREEN[3] = { 0.180, 0.761, 0.494 };
static const double RED[3]   = { 0.878, 0.106, 0.141 };
static const double GREY[3]  = { 0.553, 0.553, 0.600 };
static const double LIMIT[3] = { 0.647, 0.114, 0.176 };   /* the reference lines: dark red */

/* The halls, in turn (none red or green: those say within/over). */
static const double HALL_COLOURS[][3] = {
  { 0.208, 0.518, 0.894 },   /* blue */
  { 1.000, 0.471, 0.000 },   /* orange */
  { 0.569, 0.255, 0.675 },   /* purple */
  { 0.000, 0.600, 0.620 },   /* teal */
  { 0.596, 0.416, 0.267 },   /* brown */
  { 0.839, 0.361, 0.647 },   /* pink */
  { 0.337, 0.404, 0.502 },   /* slate */
  { 0.690, 0.600, 0.000 },   /* olive */
};

static void
add_days (CgChartData          *data,
          const CgServiceStats *stats)
{
  for (guint i = 0; i < stats->days->len; i++)
    {
      const CgServiceDayStats *day = &g_array_index (stats->days, CgServiceDayStats, i);
      char label[8];

      g_snprintf (label, sizeof label, "%02d-%02d", g_date_get_month (&day->date), g_date_get_day (&day->date));
      cg_chart_data_add_x (data, label);
    }
}

/* ---- services per day ------------------------------------------------------ */

CgChartData *
cg_services_chart_per_day (const CgServiceStats *stats)
{
  CgChartData *data;
  CgChartSeries *within, *over, *covid = NULL;
  gboolean any_covid = FALSE;

  g_return_val_if_fail (stats != NULL, NULL);

  /* Translators: chart title: funeral services started per day */
  data = cg_chart_data_new (CG_CHART_STACKED_BAR, _("Services Started per Day"),
                            /* Translators: the unit of the services chart (一场治丧) */
                            C_("chart unit", "services"));
  data->empty_text = g_strdup (_("No services in this period"));
  data->y_decimals = 0;
  add_days (data, stats);

  for (guint i = 0; i < stats->days->len; i++)
    any_covid |= g_array_index (stats->days, CgServiceDayStats, i).started_covid > 0;

  /* Translators: chart legend: services whose mourning period is within the limit */
  within = cg_chart_data_add_series (data, C_("services chart", "Within the mourning limit"),
                                     GREEN[0], GREEN[1], GREEN[2]);
  /* Translators: chart legend: services whose mourning period went over the limit */
  over = cg_chart_data_add_series (data, C_("services chart", "Over the mourning limit"),
                                   RED[0], RED[1], RED[2]);
  if (any_covid)
    /* Translators: chart legend: COVID-19 cases, cremated without a mourning period */
    covid = cg_chart_data_add_series (data, _("COVID-19 case (no mourning period)"),
                                      GREY[0], GREY[1], GREY[2]);

  for (guint i = 0; i < stats->days->len; i++)
    {
      const CgServiceDayStats *day = &g_array_index (stats->days, CgServiceDayStats, i);

      cg_chart_series_append (within, day->started - day->started_over - day->started_covid);
      cg_chart_series_append (over, day->started_over);
      if (covid != NULL)
        cg_chart_series_append (covid, day->started_covid);
    }

  /* every day zero is "no services", not a flat line of zeros */
  if (stats->durations->len == 0 && !any_covid)
    {
      for (guint i = 0; i < stats->days->len; i++)
        {
          g_array_index (within->values, double, i) = NAN;
          g_array_index (over->values, double, i) = NAN;
        }
    }
  return data;
}

/* ---- mourning periods ------------------------------------------------------ */

double
cg_services_chart_hours (double hours)
{
  if (!isfinite (hours))
    return hours;
  /* 1e-9: 72 h worked out as 72.0000000001 is still 72.0 */
  return MAX (ceil (hours * 10.0 - 1e-9) / 10.0, 0.0);
}

CgChartData *
cg_services_chart_durations (const CgServiceStats *stats)
{
  CgChartData *data;
  CgChartSeries *within, *over;
  g_autofree char *limit_label = NULL;
  g_autofree double *longest = NULL;
  g_autofree gboolean *longest_over = NULL;
  guint n;

  g_return_val_if_fail (stats != NULL, NULL);

  n = stats->days->len;
  /* Translators: chart title: per day, the longest mourning period of the services started that day */
  data = cg_chart_data_new (CG_CHART_STACKED_BAR, _("Longest Mourning Period per Day"),
                            /* Translators: the unit of hours on a chart */
                            C_("chart unit", "h"));
  data->empty_text = g_strdup (_("No mourning periods in this period"));
  data->y_decimals = 1;
  add_days (data, stats);

  /* Translators: chart legend: the longest mourning period of the day is within the limit */
  within = cg_chart_data_add_series (data, C_("services chart", "Within the mourning limit"),
                                     GREEN[0], GREEN[1], GREEN[2]);
  /* Translators: chart legend: the longest mourning period of the day is over the limit */
  over = cg_chart_data_add_series (data, C_("services chart", "Over the mourning limit"),
                                   RED[0], RED[1], RED[2]);

  longest = g_new (double, MAX (n, 1));
  longest_over = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    longest[i] = NAN;
  for (guint i = 0; i < stats->durations->len; i++)
    {
      const CgServiceDuration *d = &g_array_index (stats->durations, CgServiceDuration, i);
      double hours = cg_services_chart_hours (d->hours);

      if (d->day < 0 || (guint) d->day >= n)
        continue;
      /* the longest; of two as long, the one over the limit */
      if (isnan (longest[d->day]) || hours > longest[d->day]
          || (hours == longest[d->day] && d->over))
        {
          longest[d->day] = hours;
          longest_over[d->day] = d->over;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      cg_chart_series_append (within, !isnan (longest[i]) && !longest_over[i] ? longest[i] : NAN);
      cg_chart_series_append (over, !isnan (longest[i]) && longest_over[i] ? longest[i] : NAN);
    }

  /* Translators: the reference line of the mourning chart: the limit in hours */
  limit_label = g_strdup_printf (_("Limit %d h"), stats->limit_hours);
  cg_chart_data_add_line (data, limit_label, stats->limit_hours, LIMIT[0], LIMIT[1], LIMIT[2], TRUE);
  /* the axis is left to the chart: from 0 (bars) to past the limit and
   * the longest, in steps that fit the height (0, 20 … 80 h) */
  return data;
}

/* ---- hall disinfections ---------------------------------------------------- */

CgChartData *
cg_services_chart_halls (const CgServiceStats *stats)
{
  CgChartData *data;
  g_autofree char *minimum_label = NULL;
  int top;

  g_return_val_if_fail (stats != NULL, NULL);

  /* Translators: chart title: disinfections of each hall per day (FH-6) */
  data = cg_chart_data_new (CG_CHART_BAR, _("Hall Disinfections per Day"),
                            /* Translators: the unit of the disinfections chart: times */
                            C_("chart unit", "times"));
  data->empty_text = g_strdup (_("No hall in use in this period"));
  data->y_decimals = 0;
  /* a hall in use and not disinfected is the worst day: it must show */
  data->show_zero = TRUE;
  add_days (data, stats);

  top = stats->hall_minimum;
  for (guint h = 0; h < stats->halls->len; h++)
    {
      const CgHallStats *hall = g_ptr_array_index (stats->halls, h);
      const double *rgb = HALL_COLOURS[h % G_N_ELEMENTS (HALL_COLOURS)];
      CgChartSeries *series = cg_chart_data_add_series (data, hall->hall, rgb[0], rgb[1], rgb[2]);

      for (guint i = 0; i < stats->days->len; i++)
        {
          int count = g_array_index (hall->disinfections, int, i);

          /* a day the hall was not in use asks nothing of it */
          if (g_array_index (hall->in_use, gboolean, i))
            {
              cg_chart_series_append (series, count);
              top = MAX (top, count);
            }
          else
            cg_chart_series_append (series, NAN);
        }
    }

  /* Translators: the reference line of the hall disinfections chart */
  minimum_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Minimum %d a day", "Minimum %d a day",
                                                (gulong) stats->hall_minimum),
                                   stats->hall_minimum);
  cg_chart_data_add_line (data, minimum_label, stats->hall_minimum, LIMIT[0], LIMIT[1], LIMIT[2], TRUE);
  data->y_min = 0;
  data->y_max = top + 1;
  /* today's bars under the line are not a shortfall yet: say so at the
   * start of today */
  if (stats->last_day_open && stats->days->len > 0)
    /* Translators: the mark at the start of today on the hall disinfections chart */
    cg_chart_data_set_marker (data, stats->days->len - 1, _("Today, so far"));
  return data;
}

CgChartData *
cg_services_chart_hall_days (const CgServiceStats *stats)
{
  CgChartData *data;
  CgChartSeries *enough, *few, *pending = NULL;
  g_autofree char *enough_label = NULL;
  g_autofree char *few_label = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  /* Translators: chart title: per day, the halls in use, by whether they
   * were disinfected as often as the policy asks */
  data = cg_chart_data_new (CG_CHART_STACKED_BAR, _("Halls in Use per Day and Their Disinfections"),
                            /* Translators: the unit of the chart of halls in use (间/个) */
                            C_("chart unit", "halls"));
  data->empty_text = g_strdup (_("No hall in use in this period"));
  data->y_decimals = 0;
  add_days (data, stats);

  /* Translators: chart legend: halls in use disinfected at least the minimum (2) that day */
  enough_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Disinfected at least %d time",
                                               "Disinfected at least %d times", (gulong) stats->hall_minimum),
                                  stats->hall_minimum);
  /* Translators: chart legend: halls in use disinfected fewer times than the minimum (2) that day */
  few_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Disinfected fewer than %d time",
                                            "Disinfected fewer than %d times", (gulong) stats->hall_minimum),
                               stats->hall_minimum);
  enough = cg_chart_data_add_series (data, enough_label, GREEN[0], GREEN[1], GREEN[2]);
  few = cg_chart_data_add_series (data, few_label, RED[0], RED[1], RED[2]);
  if (stats->last_day_open)
    {
      g_autofree char *pending_label = NULL;

      /* Translators: chart legend: halls in use today not yet disinfected the minimum (2) times */
      pending_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Today, not yet %d time",
                                                    "Today, not yet %d times", (gulong) stats->hall_minimum),
                                       stats->hall_minimum);
      pending = cg_chart_data_add_series (data, pending_label, GREY[0], GREY[1], GREY[2]);
    }

  for (guint i = 0; i < stats->days->len; i++)
    {
      gboolean today = pending != NULL && i + 1 == stats->days->len;
      int n_enough = 0, n_few = 0;

      for (guint h = 0; h < stats->halls->len; h++)
        {
          const CgHallStats *hall = g_ptr_array_index (stats->halls, h);

          if (!g_array_index (hall->in_use, gboolean, i))
            continue;
          if (g_array_index (hall->disinfections, int, i) >= stats->hall_minimum)
            n_enough++;
          else
            n_few++;
        }
      /* no hall ever in use: nothing to say, the empty text says it */
      cg_chart_series_append (enough, stats->halls->len > 0 ? n_enough : NAN);
      /* today is not over: too few so far is not too few yet (FH-6 is
       * judged once the day is over) */
      cg_chart_series_append (few, stats->halls->len > 0 && !today ? n_few : NAN);
      if (pending != NULL)
        cg_chart_series_append (pending, stats->halls->len > 0 && today ? n_few : NAN);
    }
  return data;
}

/* ---- the summary ----------------------------------------------------------- */

char *
cg_services_charts_summary (const CgServiceStats *stats)
{
  GString *text;
  int services = 0, over = 0, hall_days = 0, short_days = 0;

  g_return_val_if_fail (stats != NULL, NULL);

  for (guint i = 0; i < stats->days->len; i++)
    {
      const CgServiceDayStats *day = &g_array_index (stats->days, CgServiceDayStats, i);

      services += day->started;
      over += day->started_over;
    }
  for (guint h = 0; h < stats->halls->len; h++)
    {
      const CgHallStats *hall = g_ptr_array_index (stats->halls, h);

      for (guint i = 0; i < stats->days->len; i++)
        if (g_array_index (hall->in_use, gboolean, i))
          {
            hall_days++;
            if (g_array_index (hall->disinfections, int, i) < stats->hall_minimum)
              short_days++;
          }
    }

  text = g_string_new (NULL);
  if (services == 0)
    g_string_append (text, _("No services in this period."));
  else
    /* Translators: services started in the span, and how many of them
     * were over the mourning limit */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%d service started, %d over the mourning limit.",
                                               "%d services started, %d over the mourning limit.",
                                               (gulong) services),
                            services, over);
  if (hall_days > 0)
    {
      /* a line each: no space between sentences in Chinese */
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the days × halls in use, how many of them had fewer
       * disinfections than the minimum, the minimum */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Halls in use: %d hall-day, %d of them with fewer than %d disinfections.",
                                                 "Halls in use: %d hall-days, %d of them with fewer than %d disinfections.",
                                                 (gulong) hall_days),
                              hall_days, short_days, stats->hall_minimum);
    }
  return g_string_free (text, FALSE);
}

/* ---- the widget ------------------------------------------------------------ */

static const guint span_days[] = { 30, 90, 365 };

struct _CgServicesCharts
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;
  CgPageLoader   *loader;
  guint           days;

  GtkToggleButton *span_buttons[G_N_ELEMENTS (span_days)];
  GtkLabel       *summary_label;
  GtkLabel       *error_label;
  CgChartView    *per_day;
  CgChartView    *durations;
  CgChartView    *halls;
};

G_DEFINE_FINAL_TYPE (CgServicesCharts, cg_services_charts, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_MODULE, N_PROPS };
static GParamSpec *properties[N_PROPS];


typedef struct
{
  CgChartData *per_day;
  CgChartData *durations;
  CgChartData *halls;
  char        *summary;
} LoadOutput;

static void
load_output_free (LoadOutput *output)
{
  g_clear_pointer (&output->per_day, cg_chart_data_free);
  g_clear_pointer (&output->durations, cg_chart_data_free);
  g_clear_pointer (&output->halls, cg_chart_data_free);
  g_free (output->summary);
  g_free (output);
}

/* The span in days, as the thread's input. */
static gpointer
load_input_new (GtkWidget *widget)
{
  return GUINT_TO_POINTER (CG_SERVICES_CHARTS (widget)->days);
}

static gpointer
load_thread (CgStore        *store,
             const CgModule *module,
             const CgPolicy *policy,
             const GDate    *today,
             gpointer        input,
             GError        **error)
{
  guint days = GPOINTER_TO_UINT (input);
  g_autoptr(CgServiceStats) stats = NULL;
  LoadOutput *output;

  stats = cg_service_stats_load (store, policy, today, days, NULL, error);
  if (stats == NULL)
    return NULL;
  output = g_new0 (LoadOutput, 1);
  output->per_day = cg_services_chart_per_day (stats);
  output->durations = cg_services_chart_durations (stats);
  output->halls = days <= CG_SERVICES_CHARTS_PER_HALL_DAYS
                  ? cg_services_chart_halls (stats) : cg_services_chart_hall_days (stats);
  output->summary = cg_services_charts_summary (stats);
  return output;
}

static void
on_loaded_cb (GtkWidget    *widget,
              gpointer      data,
              const GError *error)
{
  CgServicesCharts *self = CG_SERVICES_CHARTS (widget);
  LoadOutput *output = data;

  if (output == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->summary_label, output->summary);
  cg_chart_view_set_data (self->per_day, g_steal_pointer (&output->per_day));
  cg_chart_view_set_data (self->durations, g_steal_pointer (&output->durations));
  cg_chart_view_set_data (self->halls, g_steal_pointer (&output->halls));
  load_output_free (output);
}

static const CgPageLoaderFuncs loader_funcs = {
  .load = load_thread,
  .loaded = on_loaded_cb,
  .input_new = load_input_new,
  .output_free = (GDestroyNotify) load_output_free,
};

void
cg_services_charts_reload (CgServicesCharts *self)
{
  g_return_if_fail (CG_IS_SERVICES_CHARTS (self));

  if (self->loader != NULL)
    cg_page_loader_reload (self->loader);
}

static void
on_span_toggled_cb (GtkToggleButton  *button,
                    CgServicesCharts *self)
{
  guint days;

  if (!gtk_toggle_button_get_active (button))
    return;
  days = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "days"));
  if (days == self->days)
    return;
  self->days = days;
  cg_services_charts_reload (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
cg_services_charts_map (GtkWidget *widget)
{
  CgServicesCharts *self = CG_SERVICES_CHARTS (widget);

  GTK_WIDGET_CLASS (cg_services_charts_parent_class)->map (widget);
  /* shown again on another day: the span ends today */
  if (self->loader != NULL)
    cg_page_loader_mapped_daily (self->loader);
}

static void
cg_services_charts_dispose (GObject *object)
{
  CgServicesCharts *self = CG_SERVICES_CHARTS (object);

  g_clear_pointer (&self->loader, cg_page_loader_free);
  G_OBJECT_CLASS (cg_services_charts_parent_class)->dispose (object);
}

static void
cg_services_charts_finalize (GObject *object)
{
  CgServicesCharts *self = CG_SERVICES_CHARTS (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_services_charts_parent_class)->finalize (object);
}

static void
cg_services_charts_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CgServicesCharts *self = CG_SERVICES_CHARTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODULE:
      g_value_set_pointer (value, (gpointer) self->module);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_services_charts_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CgServicesCharts *self = CG_SERVICES_CHARTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MODULE:
      self->module = g_value_get_pointer (value);
      if (self->module == NULL)
        self->module = &cg_module_funeral_home;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_services_charts_class_init (CgServicesChartsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_services_charts_dispose;
  object_class->finalize = cg_services_charts_finalize;
  object_class->get_property = cg_services_charts_get_property;
  object_class->set_property = cg_services_charts_set_property;
  widget_class->map = cg_services_charts_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static CgChartView *
add_chart (GtkBox *box)
{
  GtkWidget *view = cg_chart_view_new ();

  gtk_widget_set_size_request (view, -1, 260);
  gtk_widget_add_css_class (view, "card");
  gtk_box_append (box, view);
  return CG_CHART_VIEW (view);
}

static void
cg_services_charts_init (CgServicesCharts *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *spans = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->module = &cg_module_funeral_home;
  self->days = span_days[0];

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0.0f);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->summary_label));

  gtk_widget_add_css_class (spans, "linked");
  gtk_widget_set_valign (spans, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of the choice of 30/90/365 days of the charts */
  gtk_accessible_update_property (GTK_ACCESSIBLE (spans), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Period of the charts"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (span_days); i++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u day", "Last %u days",
                                                             span_days[i]),
                                                span_days[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "days", GUINT_TO_POINTER (span_days[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->span_buttons[0]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (on_span_toggled_cb), self);
      self->span_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (spans), button);
    }
  gtk_box_append (GTK_BOX (header), spans);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->per_day = add_chart (GTK_BOX (box));
  self->durations = add_chart (GTK_BOX (box));
  self->halls = add_chart (GTK_BOX (box));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
cg_services_charts_new (CgStore        *store,
                        const CgModule *module)
{
  CgServicesCharts *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_SERVICES_CHARTS,
                       "store", store,
                       "module", module,
                       NULL);
  /* The page says when the store changed (cg_services_charts_reload). */
  self->loader = cg_page_loader_new (GTK_WIDGET (self), self->store, self->module, &loader_funcs, NULL);
  return GTK_WIDGET (self);
}
