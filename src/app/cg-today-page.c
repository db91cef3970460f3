/* cg-today-page.c — the dashboard: the day's alerts by severity, counters, charts
 *
 * Everything the page shows is worked out in a GTask thread, on a CgStore
 * of its own (a SQLite connection belongs to the thread that opened it),
 * into a plain TodayFigures struct; the main thread only turns that into
 * widgets.  A newer request cancels the one before, so a burst of store
 * changes or of clicks on "Previous Day" costs one evaluation, not twenty,
 * and the window never waits for SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "CgTodayPage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-rules.h"
#include "cg-today-page.h"
#include "cg-today-private.h"

/* A rule with more alerts than this in one severity becomes one expander
 * row: 300 "no check" rows would bury the one fever. */
#define COLLAPSE_ABOVE    5
/* Rows an expander shows; the rest are counted in a last row. */
#define EXPANDER_MAX_ROWS 200
/* Store changes come in bursts (an import, a floor of temperatures). */
#define CHANGE_DELAY_MS   300
/* How often the page looks whether "today" has become tomorrow. */
#define CLOCK_SECONDS     60



static const struct
{
  const char *title;     /* N_() */
  const char *tooltip;   /* N_() */
  const char *alarm;     /* style class when the figure is not zero */
} counter_info[N_COUNTERS] = {
  [COUNTER_PRESENT]  = { N_("People Present"),
                         N_("Everyone in the institution on the day: residents and staff"), NULL },
  [COUNTER_CHECKS]   = { N_("Checks Done"),
                         N_("People present with a temperature check recorded on the day (ALL-1)"), NULL },
  [COUNTER_FEVERS]   = { N_("Fevers"),
                         N_("People whose highest temperature of the day was a fever (ALL-3)"), "error" },
  [COUNTER_OVERDUE]  = { N_("Tests Overdue"),
                         N_("Staff whose nucleic-acid test is overdue, or who have none on record (CH-5)"), "warning" },
  [COUNTER_DUE_SOON] = { N_("Tests Due Soon"),
                         N_("Staff whose nucleic-acid test falls due within the due-soon days (CH-5)"), NULL },
  [COUNTER_VISITORS] = { N_("Visitors"),
                         N_("Visitors registered on the day, admitted or refused (ALL-4)"), NULL },
  [COUNTER_ISOLATION] = { N_("In Isolation"),
                          N_("Observation and isolation rooms occupied on the day (ALL-5, ALL-6)"), NULL },
  [COUNTER_SERVICES] = { N_("Funeral Services"),
                         N_("Services in progress at some time of the day, with those over the mourning limit "
                            "and the COVID-19 cases (FH-5, FH-7)"), NULL },
  [COUNTER_MOURNERS] = { N_("Mourners"),
                         N_("Mourners registered on the day, admitted or refused (FH-6)"), NULL },
};







G_DEFINE_FINAL_TYPE (CgTodayPage, cg_today_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  OPEN_RECORD,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void cg_today_page_reload (CgTodayPage *self);

void
cg_today_page_emit_open_record (CgTodayPage *self,
                                const char  *kind,
                                gint64       id)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, kind, id);
}
static void start_job            (CgTodayPage *self,
                                  int          kind);

/* ---- text ----------------------------------------------------------- */

static GDateTime *
date_to_datetime (const GDate *date)
{
  return cg_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = date_to_datetime (date);

  return g_date_time_format (dt, format);
}

/* 1,236 in English, as the locale groups digits. */
static char *
format_count (int n)
{
  return g_strdup_printf ("%'d", n);
}

gboolean
cg_today_date_is_today (const GDate *date)
{
  GDate today;

  cg_date_today (&today);
  return g_date_compare (date, &today) == 0;
}

/* ---- date ----------------------------------------------------------- */

static void
update_date_display (CgTodayPage *self)
{
  gboolean today = cg_today_date_is_today (&self->date);
  g_autofree char *title = NULL;
  g_autofree char *button = NULL;
  g_autofree char *description = NULL;
  GDate latest;

  /* Translators: the day shown on the dashboard, a GDateTime format;
   * in Chinese "%Y年%-m月%-d日 %A" */
  title = format_date (&self->date, C_("long date", "%A, %-d %B %Y"));
  gtk_label_set_text (self->day_title, title);

  if (today)
    {
      gtk_label_set_text (self->date_label, _("Today"));
      gtk_label_set_text (self->day_subtitle,
                          _("As it stands now: tests, results and checks recorded so far today."));
    }
  else
    {
      /* Translators: the day on the date button, a GDateTime format;
       * in Chinese "%Y-%m-%d %a" */
      button = format_date (&self->date, C_("short date", "%a, %-d %b %Y"));
      gtk_label_set_text (self->date_label, button);
      gtk_label_set_text (self->day_subtitle,
                          _("A past day, as it was: only the tests and results known by that day count."));
    }
  /* Translators: the accessible description of the "Choose Date" button */
  description = g_strdup_printf (_("Showing %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_visible (self->today_button, !today);

  cg_date_today (&latest);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.next-day",
                                 g_date_compare (&self->date, &latest) < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.go-today", !today);

  {
    /* Translators: heading of the charts; %d is the number of days */
    g_autofree char *charts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The Last %d Day",
                                                            "The Last %d Days", CHART_DAYS),
                                               CHART_DAYS);
    gtk_label_set_text (self->charts_title, charts);
  }
}

/* Any day up to today; the future has no alerts to show yet. */
static void
set_date (CgTodayPage *self,
          const GDate *date)
{
  GDate today;

  cg_date_today (&today);
  if (!g_date_valid (date) || g_date_compare (date, &today) > 0)
    self->date = today;
  else
    self->date = *date;
  self->follow_today = g_date_compare (&self->date, &today) == 0;

  update_date_display (self);
  cg_today_page_reload (self);
}

static void
shift_date (CgTodayPage *self,
            int          days)
{
  GDate date = self->date;

  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  set_date (self, &date);
}

static void
previous_day_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shift_date (CG_TODAY_PAGE (widget), -1);
}

static void
next_day_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shift_date (CG_TODAY_PAGE (widget), 1);
}

static void
go_today_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgTodayPage *self = CG_TODAY_PAGE (widget);
  GDate today;

  cg_date_today (&today);
  gtk_popover_popdown (self->date_popover);
  set_date (self, &today);
}

static void
on_date_popover_show_cb (CgTodayPage *self)
{
  g_autoptr(GDateTime) dt = date_to_datetime (&self->date);

  self->setting_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->setting_calendar = FALSE;
}

static void
on_calendar_day_selected_cb (CgTodayPage *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (self->setting_calendar)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt),
                  (GDateYear) g_date_time_get_year (dt));
  gtk_popover_popdown (self->date_popover);
  set_date (self, &date);
}

/* ---- counters ------------------------------------------------------- */

static void
counter_card_init (CgTodayPage *self,
                   Counter      counter)
{
  CounterCard *card = &self->counters[counter];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("–");
  GtkWidget *title = gtk_label_new (_(counter_info[counter].title));
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *child;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_tooltip_text (box, _(counter_info[counter].tooltip));

  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value), 0.0f);
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_set_margin_start (value, 14);
  gtk_widget_set_margin_end (value, 14);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  /* Wrapped labels ask for their whole text's width; five cards must fit
   * in a row of the clamp. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 10);
  gtk_widget_set_margin_start (title, 14);
  gtk_widget_set_margin_end (title, 14);

  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 10);
  gtk_widget_set_margin_start (detail, 14);
  gtk_widget_set_margin_end (detail, 14);
  gtk_widget_set_margin_bottom (detail, 12);

  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_flow_box_append (self->counters_box, box);

  /* The cards are read, not chosen: keep them out of the Tab chain. */
  child = gtk_widget_get_parent (box);
  gtk_widget_set_focusable (child, FALSE);

  card->card = box;
  card->value = GTK_LABEL (value);
  card->detail = GTK_LABEL (detail);
}

static void
counter_set (CgTodayPage *self,
             Counter      counter,
             int          value,
             const char  *accessible,
             const char  *detail)
{
  CounterCard *card = &self->counters[counter];
  g_autofree char *text = format_count (value);
  const char *alarm = counter_info[counter].alarm;

  gtk_label_set_text (card->value, text);
  gtk_label_set_text (card->detail, detail != NULL ? detail : "");
  if (alarm != NULL)
    {
      if (value > 0)
        gtk_widget_add_css_class (GTK_WIDGET (card->value), alarm);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (card->value), alarm);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail != NULL ? detail : "",
                                  -1);
}

static void
update_counters (CgTodayPage        *self,
                 const TodayFigures *figures)
{
  const CgHealthDay *day = &figures->day;
  g_autofree char *present = format_count (day->present);
  g_autofree char *checked = format_count (day->checked);
  g_autofree char *fevers = format_count (day->fevers);
  g_autofree char *overdue = format_count (figures->tests_overdue);
  g_autofree char *due_soon = format_count (figures->tests_due_soon);
  g_autofree char *label = NULL;
  g_autofree char *detail = NULL;

  /* Translators: accessible name of a counter card */
  label = g_strdup_printf (_("People present: %s"), present);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of them staff", "%d of them staff",
                                         (gulong) figures->staff),
                            figures->staff);
  counter_set (self, COUNTER_PRESENT, day->present, label, detail);
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&detail, g_free);

  /* Translators: accessible name of a counter card: checks done of checks due */
  label = g_strdup_printf (_("Checks done: %s of %s"), checked, present);
  /* Translators: under the number of checks done; %s is the number due */
  detail = g_strdup_printf (_("of %s due"), present);
  counter_set (self, COUNTER_CHECKS, day->checked, label, detail);
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&detail, g_free);

  /* Translators: accessible name of a counter card */
  label = g_strdup_printf (_("Fevers: %s"), fevers);
  if (day->symptomatic == 0)
    /* Translators: under the number of fevers */
    detail = g_strdup (_("nobody else with symptoms"));
  else
    /* Translators: under the number of fevers: people with symptoms but no fever */
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d more with symptoms, no fever",
                                           "%d more with symptoms, no fever",
                                           (gulong) day->symptomatic),
                              day->symptomatic);
  counter_set (self, COUNTER_FEVERS, day->fevers, label, detail);
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&detail, g_free);

  /* Translators: accessible name of a counter card */
  label = g_strdup_printf (_("Tests overdue: %s"), overdue);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %d staff member", "of %d staff",
                                         (gulong) figures->staff),
                            figures->staff);
  counter_set (self, COUNTER_OVERDUE, figures->tests_overdue, label, detail);
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&detail, g_free);

  /* Translators: accessible name of a counter card */
  label = g_strdup_printf (_("Tests due soon: %s"), due_soon);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d day", "within %d days",
                                         (gulong) figures->due_soon_days),
                            figures->due_soon_days);
  counter_set (self, COUNTER_DUE_SOON, figures->tests_due_soon, label, detail);
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&detail, g_free);

  if (self->module->pages & CG_PAGE_VISITORS)
    {
      const CgVisitDay *visits = &figures->visits;
      int registered = visits->admitted + visits->refused;

      /* Translators: accessible name of a counter card */
      label = g_strdup_printf (_("Visitors: %d"), registered);
      if (figures->inside_now >= 0)
        /* Translators: under the number of visitors of the day */
        detail = g_strdup_printf (_("%d refused · %d inside now"), visits->refused, figures->inside_now);
      else
        /* Translators: under the number of visitors of the day */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d refused", "%d refused",
                                               (gulong) visits->refused),
                                  visits->refused);
      counter_set (self, COUNTER_VISITORS, registered, label, detail);
      g_clear_pointer (&label, g_free);
      g_clear_pointer (&detail, g_free);
    }

  if (self->module->pages & CG_PAGE_ROOMS)
    {
      const CgRoomDay *rooms = &figures->rooms;

      /* Translators: accessible name of a counter card */
      label = g_strdup_printf (_("In isolation: %d"), rooms->occupied);
      /* Translators: under the number of occupied isolation rooms */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d room free", "%d of %d rooms free",
                                             (gulong) rooms->rooms),
                                MAX (rooms->rooms - rooms->occupied, 0), rooms->rooms);
      counter_set (self, COUNTER_ISOLATION, rooms->occupied, label, detail);
      g_clear_pointer (&label, g_free);
      g_clear_pointer (&detail, g_free);
    }

  if (self->module->pages & CG_PAGE_SERVICES)
    {
      const CgDailyFigures *funeral = &figures->funeral;
      int covid = funeral->covid_suspected + funeral->covid_confirmed;
      int mourners = funeral->mourners_admitted + funeral->mourners_refused;

      /* Translators: accessible name of a counter card */
      label = g_strdup_printf (_("Funeral services: %d"), funeral->services);
      /* Translators: under the number of services: over the mourning limit, COVID-19 cases */
      detail = g_strdup_printf (_("%d over the limit · %d COVID-19"), funeral->services_over, covid);
      counter_set (self, COUNTER_SERVICES, funeral->services, label, detail);
      if (funeral->services_over > 0 || funeral->covid_incomplete > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->counters[COUNTER_SERVICES].detail), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->counters[COUNTER_SERVICES].detail), "error");
      g_clear_pointer (&label, g_free);
      g_clear_pointer (&detail, g_free);

      /* Translators: accessible name of a counter card */
      label = g_strdup_printf (_("Mourners: %d"), mourners);
      /* Translators: under the number of mourners of the day */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d refused", "%d refused",
                                             (gulong) funeral->mourners_refused),
                                funeral->mourners_refused);
      counter_set (self, COUNTER_MOURNERS, mourners, label, detail);
    }
}

static void
show_error (CgTodayPage  *self,
            const GError *error)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->alerts_box))) != NULL)
    gtk_box_remove (self->alerts_box, child);
  gtk_label_set_text (self->alerts_summary, "");
  gtk_widget_set_visible (GTK_WIDGET (self->all_clear_page), FALSE);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_page), TRUE);
  gtk_label_set_text (self->status_label, "");
}

/* ---- loading -------------------------------------------------------- */

static void
set_busy (CgTodayPage *self,
          gboolean     busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
figures_ready_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CgTodayPage *self = CG_TODAY_PAGE (source_object);
  TodayJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(TodayFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *status = NULL;

  self->n_running--;
  /* Disposed while the thread ran: the widgets are gone. */
  if (self->cancellable == NULL)
    return;
  if (self->n_running == 0)
    set_busy (self, FALSE);

  figures = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* An older request that finished after a newer one started. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  if (figures == NULL)
    {
      g_warning ("The day's figures could not be worked out: %s", error->message);
      if (job->kind == JOB_DAY)
        show_error (self, error);
      return;
    }

  if (figures->kind == JOB_CHARTS)
    {
      g_debug ("charts for %04d-%02d-%02d in %.0f ms",
               g_date_get_year (&figures->date), g_date_get_month (&figures->date),
               g_date_get_day (&figures->date), figures->total_ms);
      cg_chart_view_set_data (self->coverage_chart, g_steal_pointer (&figures->coverage));
      cg_chart_view_set_data (self->checks_chart, g_steal_pointer (&figures->checks));
      return;
    }

  g_debug ("%04d-%02d-%02d: %u alerts; rules %.0f ms, the whole day %.0f ms, shown after %.0f ms",
           g_date_get_year (&figures->date), g_date_get_month (&figures->date),
           g_date_get_day (&figures->date), figures->alerts->len,
           figures->evaluate_ms, figures->total_ms, cg_today_elapsed_ms (self->requested_at));

  update_counters (self, figures);
  cg_today_page_update_alerts (self, figures->alerts);
  /* The charts come second: on a two-core office PC running both at once
   * would slow the alerts down, and they are what the director reads. */
  start_job (self, JOB_CHARTS);

  now = cg_date_time_now_local ();
  /* Translators: a GDateTime format for the time the figures were worked out */
  time_text = g_date_time_format (now, C_("time of day", "%H:%M"));
  /* Translators: at the right of the dashboard's toolbar */
  status = g_strdup_printf (_("Updated at %s"), time_text);
  gtk_label_set_text (self->status_label, status);
}

static void
start_job (CgTodayPage *self,
           int          kind)
{
  g_autoptr(GTask) task = NULL;
  TodayJob *job = g_new0 (TodayJob, 1);

  job->kind = kind;
  job->path = g_strdup (cg_store_get_path (self->store));
  job->module = self->module;
  job->date = self->date;

  task = g_task_new (self, self->cancellable, figures_ready_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, cg_today_job_free);
  self->n_running++;
  g_task_run_in_thread (task, cg_today_figures_thread);
}

static void
cg_today_page_reload (CgTodayPage *self)
{
  g_clear_handle_id (&self->change_timeout_id, g_source_remove);
  if (self->store == NULL || self->module == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  if (self->follow_today && !cg_today_date_is_today (&self->date))
    {
      cg_date_today (&self->date);
      update_date_display (self);
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->requested_at = g_get_monotonic_time ();

  set_busy (self, TRUE);
  start_job (self, JOB_DAY);
}

static gboolean
change_timeout_cb (gpointer user_data)
{
  CgTodayPage *self = user_data;

  self->change_timeout_id = 0;
  cg_today_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Any table may matter (a check, a test, a person leaving, a policy
 * value): wait for the burst to end, then work the day out again. */
static void
store_changed_cb (CgStore     *store,
                  const char  *table,
                  CgTodayPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  g_clear_handle_id (&self->change_timeout_id, g_source_remove);
  self->change_timeout_id = g_timeout_add (CHANGE_DELAY_MS, change_timeout_cb, self);
}

/* Left open overnight, "Today" moves on to the new day. */
static gboolean
clock_cb (gpointer user_data)
{
  CgTodayPage *self = user_data;

  if (self->follow_today && !cg_today_date_is_today (&self->date))
    cg_today_page_reload (self);
  else
    update_date_display (self);
  return G_SOURCE_CONTINUE;
}

/* ---- GObject -------------------------------------------------------- */

static void
cg_today_page_map (GtkWidget *widget)
{
  CgTodayPage *self = CG_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (cg_today_page_parent_class)->map (widget);

  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (CLOCK_SECONDS, clock_cb, self);
  if (self->dirty || (self->follow_today && !cg_today_date_is_today (&self->date)))
    cg_today_page_reload (self);
}

static void
cg_today_page_unmap (GtkWidget *widget)
{
  CgTodayPage *self = CG_TODAY_PAGE (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  GTK_WIDGET_CLASS (cg_today_page_parent_class)->unmap (widget);
}

static void
cg_today_page_constructed (GObject *object)
{
  CgTodayPage *self = CG_TODAY_PAGE (object);

  G_OBJECT_CLASS (cg_today_page_parent_class)->constructed (object);

  if (self->store != NULL)
    self->changed_id = g_signal_connect (self->store, "changed",
                                         G_CALLBACK (store_changed_cb), self);
  update_date_display (self);
}

static void
cg_today_page_dispose (GObject *object)
{
  CgTodayPage *self = CG_TODAY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->change_timeout_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (cg_today_page_parent_class)->dispose (object);
}

static void
cg_today_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgTodayPage *self = CG_TODAY_PAGE (object);

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
cg_today_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgTodayPage *self = CG_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MODULE:
      self->module = g_value_get_pointer (value);
      /* The visitor and room cards only where the module keeps those registers. */
      if (self->module != NULL)
        {
          gtk_widget_set_visible (gtk_widget_get_parent (self->counters[COUNTER_VISITORS].card),
                                  (self->module->pages & CG_PAGE_VISITORS) != 0);
          gtk_widget_set_visible (gtk_widget_get_parent (self->counters[COUNTER_ISOLATION].card),
                                  (self->module->pages & CG_PAGE_ROOMS) != 0);
          gtk_widget_set_visible (gtk_widget_get_parent (self->counters[COUNTER_SERVICES].card),
                                  (self->module->pages & CG_PAGE_SERVICES) != 0);
          gtk_widget_set_visible (gtk_widget_get_parent (self->counters[COUNTER_MOURNERS].card),
                                  (self->module->pages & CG_PAGE_SERVICES) != 0);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_today_page_class_init (CgTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_today_page_constructed;
  object_class->dispose = cg_today_page_dispose;
  object_class->get_property = cg_today_page_get_property;
  object_class->set_property = cg_today_page_set_property;
  widget_class->map = cg_today_page_map;
  widget_class->unmap = cg_today_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgTodayPage::open-record:
   * @kind: the table of the record ("person", "health_check" …)
   * @id: its row id
   *
   * The user opened an alert; the window shows its record.
   */
  signals[OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "today.previous-day", NULL, previous_day_cb);
  gtk_widget_class_install_action (widget_class, "today.next-day", NULL, next_day_cb);
  gtk_widget_class_install_action (widget_class, "today.go-today", NULL, go_today_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "today.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "today.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "today.go-today", NULL);

  g_type_ensure (CG_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, day_title);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, day_subtitle);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, counters_box);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, alerts_summary);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, alerts_box);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, all_clear_page);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, charts_title);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, coverage_chart);
  gtk_widget_class_bind_template_child (widget_class, CgTodayPage, checks_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show_cb);
}

static void
cg_today_page_init (CgTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cg_date_today (&self->date);
  self->follow_today = TRUE;
  self->dirty = TRUE;
  for (Counter counter = 0; counter < N_COUNTERS; counter++)
    counter_card_init (self, counter);
  set_busy (self, FALSE);
}

GtkWidget *
cg_today_page_new (CgStore        *store,
                   const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  return g_object_new (CG_TYPE_TODAY_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
