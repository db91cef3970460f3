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
#include <math.h>
#include <string.h>

#include "cg-chart-view.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-nat-test.h"
#include "cg-room.h"
#include "cg-rules.h"
#include "cg-visit.h"
#include "cg-funeral-sheets.h"
#include "cg-today-page.h"

/* Days in the charts, the chosen day last. */
#define CHART_DAYS        30
/* A rule with more alerts than this in one severity becomes one expander
 * row: 300 "no check" rows would bury the one fever. */
#define COLLAPSE_ABOVE    5
/* Rows an expander shows; the rest are counted in a last row. */
#define EXPANDER_MAX_ROWS 200
/* Store changes come in bursts (an import, a floor of temperatures). */
#define CHANGE_DELAY_MS   300
/* How often the page looks whether "today" has become tomorrow. */
#define CLOCK_SECONDS     60

/* Colours of the charts: GNOME palette blue 3, green 4, red 3, orange 3. */
static const double BLUE[3]   = { 0.208, 0.518, 0.894 };
static const double GREEN[3]  = { 0.180, 0.761, 0.494 };
static const double RED[3]    = { 0.878, 0.106, 0.141 };
static const double ORANGE[3] = { 1.000, 0.471, 0.000 };

typedef enum
{
  COUNTER_PRESENT,
  COUNTER_CHECKS,
  COUNTER_FEVERS,
  COUNTER_OVERDUE,
  COUNTER_DUE_SOON,
  COUNTER_VISITORS,
  COUNTER_ISOLATION,
  COUNTER_SERVICES,
  COUNTER_MOURNERS,
  N_COUNTERS
} Counter;

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

typedef struct
{
  GtkWidget *card;
  GtkLabel  *value;
  GtkLabel  *detail;
} CounterCard;

static const char * const severity_icons[CG_N_SEVERITIES] = {
  "dialog-error-symbolic", "dialog-warning-symbolic", "dialog-information-symbolic",
};
static const char * const severity_classes[CG_N_SEVERITIES] = {
  "error", "warning", "accent",
};

struct _CgTodayPage
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;

  GDate           date;
  gboolean        follow_today;   /* the date is today and moves with the clock */
  gboolean        dirty;          /* something changed while the page was not shown */
  gboolean        setting_calendar;
  guint           change_timeout_id;
  guint           clock_id;
  gulong          changed_id;

  GCancellable   *cancellable;
  guint           n_running;
  gint64          requested_at;
  GPtrArray      *alerts;         /* what the rows show, CgAlert */

  CounterCard     counters[N_COUNTERS];

  /* Template widgets */
  GtkMenuButton  *date_button;
  GtkLabel       *date_label;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  GtkWidget      *today_button;
  GtkSpinner     *spinner;
  GtkLabel       *status_label;
  GtkLabel       *day_title;
  GtkLabel       *day_subtitle;
  GtkFlowBox     *counters_box;
  GtkLabel       *alerts_summary;
  GtkBox         *alerts_box;
  AdwStatusPage  *all_clear_page;
  AdwStatusPage  *error_page;
  GtkLabel       *charts_title;
  CgChartView    *coverage_chart;
  CgChartView    *checks_chart;
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
static void start_job            (CgTodayPage *self,
                                  int          kind);

/* ---- the figures, worked out in a thread ---------------------------- */

/* Two jobs, each on a connection of its own: the day (its alerts and
 * counters, what the director reads first), then the charts (thirty days
 * of test statuses), which take several times longer. */
typedef enum
{
  JOB_DAY,
  JOB_CHARTS,
} JobKind;

typedef struct
{
  JobKind         kind;
  char           *path;
  const CgModule *module;   /* static data: safe in any thread */
  GDate           date;
} TodayJob;

typedef struct
{
  JobKind      kind;
  GDate        date;
  /* JOB_DAY */
  GPtrArray   *alerts;          /* CgAlert, as cg_rules_evaluate() orders them */
  CgHealthDay  day;             /* present, checked, fevers of the day */
  int          staff;           /* staff present */
  int          tests_overdue;   /* overdue, or no negative test on record */
  int          tests_due_soon;
  int          due_soon_days;
  double       evaluate_ms;     /* cg_rules_evaluate() alone */
  CgVisitDay   visits;          /* admitted, refused of the day */
  int          inside_now;      /* visitors inside now (the day is today), else -1 */
  CgRoomDay    rooms;           /* occupied rooms of the day */
  CgDailyFigures funeral;       /* a funeral home's day: services … (ints only) */
  /* JOB_CHARTS */
  CgChartData *coverage;
  CgChartData *checks;
  double       total_ms;        /* the whole job, store opening included */
} TodayFigures;

static void
today_job_free (gpointer data)
{
  TodayJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
today_figures_free (TodayFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->alerts, g_ptr_array_unref);
  g_clear_pointer (&figures->coverage, cg_chart_data_free);
  g_clear_pointer (&figures->checks, cg_chart_data_free);
  g_free (figures);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TodayFigures, today_figures_free)

static double
elapsed_ms (gint64 since)
{
  return (double) (g_get_monotonic_time () - since) / 1000.0;
}

/* "11-23": the charts' x labels are days of one month or two. */
static char *
short_day (const GDate *date)
{
  return g_strdup_printf ("%02d-%02d", g_date_get_month (date), g_date_get_day (date));
}

static CgChartData *
coverage_chart_new (void)
{
  CgChartData *data;

  /* Translators: chart title; "coverage" is the share of staff with a valid negative test */
  data = cg_chart_data_new (CG_CHART_LINE, _("Staff Test Coverage"), "%");
  data->y_min = 0.0;
  data->y_max = 100.0;
  data->y_decimals = 1;
  data->empty_text = g_strdup (_("No staff registered on these days"));
  cg_chart_data_add_series (data, _("Staff with a valid negative test"), BLUE[0], BLUE[1], BLUE[2]);
  /* Translators: the label of the 100 % line of the test coverage chart */
  cg_chart_data_add_line (data, _("All staff"), 100.0, GREEN[0], GREEN[1], GREEN[2], TRUE);
  return data;
}

static CgChartData *
checks_chart_new (GArray *days)
{
  CgChartData *data;
  CgChartSeries *fevers, *missing;

  /* Translators: chart title */
  data = cg_chart_data_new (CG_CHART_BAR, _("Fevers and Missing Checks"),
                            /* Translators: the unit of the fevers and missing checks chart */
                            C_("chart unit", "people"));
  data->empty_text = g_strdup (_("Nobody was present on these days"));
  fevers = cg_chart_data_add_series (data, _("Fevers"), RED[0], RED[1], RED[2]);
  missing = cg_chart_data_add_series (data, _("Missing checks"), ORANGE[0], ORANGE[1], ORANGE[2]);
  for (guint i = 0; i < days->len; i++)
    {
      const CgHealthDay *day = &g_array_index (days, CgHealthDay, i);
      g_autofree char *label = short_day (&day->date);

      cg_chart_data_add_x (data, label);
      if (day->present == 0 && day->checked == 0)
        {
          /* before the institution had anyone: no bar, not a zero */
          cg_chart_series_append (fevers, NAN);
          cg_chart_series_append (missing, NAN);
          continue;
        }
      cg_chart_series_append (fevers, day->fevers);
      cg_chart_series_append (missing, MAX (day->present - day->checked, 0));
    }
  return data;
}

typedef struct
{
  int staff;
  int valid;       /* OK or due soon: a negative test that still counts */
  int overdue;     /* overdue, or none on record */
  int due_soon;
} TestCounts;

static gboolean
count_tests (CgStore        *store,
             const CgPolicy *policy,
             const GDate    *date,
             TestCounts     *counts,
             GError        **error)
{
  g_autoptr(GPtrArray) statuses = NULL;

  memset (counts, 0, sizeof *counts);
  statuses = cg_nat_status_list (store, policy, date, CG_PERSON_STAFF, error);
  if (statuses == NULL)
    return FALSE;
  counts->staff = (int) statuses->len;
  for (guint i = 0; i < statuses->len; i++)
    {
      const CgNatStatus *status = statuses->pdata[i];

      switch (status->state)
        {
        case CG_NAT_STATE_OK:
          counts->valid++;
          break;
        case CG_NAT_STATE_DUE_SOON:
          counts->valid++;
          counts->due_soon++;
          break;
        case CG_NAT_STATE_OVERDUE:
        case CG_NAT_STATE_NEVER:
          counts->overdue++;
          break;
        case CG_NAT_STATE_POSITIVE:
        default:
          break;
        }
    }
  return TRUE;
}

/* The alerts of the day and its counters. */
static gboolean
compute_day (CgStore         *store,
             const CgPolicy  *policy,
             const TodayJob  *job,
             TodayFigures    *figures,
             GError         **error)
{
  g_autoptr(GArray) days = NULL;
  TestCounts tests;
  gint64 start = g_get_monotonic_time ();

  figures->due_soon_days = cg_policy_get_int (policy, CG_POLICY_TEST_DUE_SOON_DAYS);
  figures->alerts = cg_rules_evaluate (store, policy, &job->date, error);
  figures->evaluate_ms = elapsed_ms (start);
  if (figures->alerts == NULL)
    return FALSE;

  days = cg_health_days (store, policy, &job->date, &job->date, error);
  if (days == NULL)
    return FALSE;
  if (days->len > 0)
    figures->day = g_array_index (days, CgHealthDay, 0);

  if (!count_tests (store, policy, &job->date, &tests, error))
    return FALSE;
  figures->staff = tests.staff;
  figures->tests_overdue = tests.overdue;
  figures->tests_due_soon = tests.due_soon;

  figures->inside_now = -1;
  if (job->module->pages & CG_PAGE_VISITORS)
    {
      g_autoptr(GArray) visits = cg_visit_days (store, policy, &job->date, &job->date, error);
      GDate today;

      if (visits == NULL)
        return FALSE;
      if (visits->len > 0)
        figures->visits = g_array_index (visits, CgVisitDay, 0);
      cg_date_today (&today);
      if (g_date_compare (&today, &job->date) == 0)
        {
          figures->inside_now = cg_visit_count_inside (store, NULL, error);
          if (figures->inside_now < 0)
            return FALSE;
        }
    }
  if (job->module->pages & CG_PAGE_ROOMS)
    {
      g_autoptr(GArray) rooms = cg_room_days (store, &job->date, &job->date, error);

      if (rooms == NULL)
        return FALSE;
      if (rooms->len > 0)
        figures->rooms = g_array_index (rooms, CgRoomDay, 0);
    }
  if (job->module->pages & CG_PAGE_SERVICES)
    {
      /* The same figures as the daily report's 殡仪馆防控情况. */
      g_autoptr(CgFuneralDay) funeral = cg_funeral_day_load (store, policy, &job->date, error);

      if (funeral == NULL)
        return FALSE;
      cg_funeral_day_fill (funeral, &figures->funeral);
    }
  return TRUE;
}

/* The thirty days before, the chosen one last; each day's test statuses
 * as they were known that day. */
static gboolean
compute_charts (CgStore         *store,
                const CgPolicy  *policy,
                const TodayJob  *job,
                TodayFigures    *figures,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GArray) days = NULL;
  CgChartSeries *coverage;
  GDate from, day;

  from = job->date;
  g_date_subtract_days (&from, CHART_DAYS - 1);
  days = cg_health_days (store, policy, &from, &job->date, error);
  if (days == NULL)
    return FALSE;
  figures->checks = checks_chart_new (days);

  figures->coverage = coverage_chart_new ();
  coverage = g_ptr_array_index (figures->coverage->series, 0);
  for (day = from; g_date_compare (&day, &job->date) <= 0; g_date_add_days (&day, 1))
    {
      g_autofree char *label = short_day (&day);
      TestCounts tests;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!count_tests (store, policy, &day, &tests, error))
        return FALSE;
      cg_chart_data_add_x (figures->coverage, label);
      cg_chart_series_append (coverage, tests.staff > 0 ? 100.0 * tests.valid / tests.staff : NAN);
    }
  return TRUE;
}

static void
compute_figures_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  TodayJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(TodayFigures) figures = g_new0 (TodayFigures, 1);
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  figures->kind = job->kind;
  figures->date = job->date;
  if (g_task_return_error_if_cancelled (task))
    return;
  store = cg_store_open (job->path, &error);
  if (store != NULL)
    policy = cg_module_load_policy (job->module, store, &error);
  if (policy == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == JOB_DAY)
    ok = compute_day (store, policy, job, figures, &error);
  else
    ok = compute_charts (store, policy, job, figures, cancellable, &error);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  figures->total_ms = elapsed_ms (start);
  g_task_return_pointer (task, g_steal_pointer (&figures), (GDestroyNotify) today_figures_free);
}

/* ---- text ----------------------------------------------------------- */

static GDateTime *
date_to_datetime (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
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

static gboolean
date_is_today (const GDate *date)
{
  GDate today;

  cg_date_today (&today);
  return g_date_compare (date, &today) == 0;
}

/* The name part of an alert's subject ("王秀英 350582********1234"). */
static char *
subject_name (const char *subject)
{
  const char *space = subject != NULL ? strrchr (subject, ' ') : NULL;

  if (space == NULL || space == subject)
    return g_strdup (subject != NULL ? subject : "");
  return g_strndup (subject, space - subject);
}

/* "CH-5 · 晋政民〔2020〕87号 养老 二(三)" */
static char *
rule_caption (const CgAlert *alert)
{
  if (alert->source == NULL || alert->source[0] == '\0')
    return g_strdup (alert->rule);
  /* Translators: a rule id and the document clause it comes from */
  return g_strdup_printf (C_("rule and source", "%s · %s"), alert->rule, alert->source);
}

/* ---- date ----------------------------------------------------------- */

static void
update_date_display (CgTodayPage *self)
{
  gboolean today = date_is_today (&self->date);
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

/* ---- alerts --------------------------------------------------------- */

typedef struct
{
  char   *kind;
  gint64  id;
} RowRecord;

static void
row_record_free (gpointer data)
{
  RowRecord *record = data;

  g_free (record->kind);
  g_free (record);
}

static void
alert_row_activated_cb (AdwActionRow *row,
                        CgTodayPage  *self)
{
  RowRecord *record = g_object_get_data (G_OBJECT (row), "cg-record");

  if (record == NULL || record->kind == NULL || record->id == 0)
    return;
  g_signal_emit (self, signals[OPEN_RECORD], 0, record->kind, record->id);
}

static GtkWidget *
severity_icon_new (CgSeverity severity)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icons[severity]);

  gtk_widget_add_css_class (icon, severity_classes[severity]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_severity_label (severity),
                                  -1);
  return icon;
}

/* Rows render Pango markup: everything from the data is escaped. */
static char *
subtitle_markup (const char *text,
                 const char *caption)
{
  g_autofree char *text_escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *caption_escaped = g_markup_escape_text (caption != NULL ? caption : "", -1);

  return g_strdup_printf ("%s\n<span size=\"small\">%s</span>", text_escaped, caption_escaped);
}

static GtkWidget *
alert_row_new (CgTodayPage   *self,
               const CgAlert *alert)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (alert->subject != NULL ? alert->subject : "", -1);
  g_autofree char *caption = rule_caption (alert);
  g_autofree char *subtitle = subtitle_markup (alert->message, caption);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  RowRecord *record;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), severity_icon_new (alert->severity));

  if (alert->record_kind != NULL && alert->record_id != 0)
    {
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "go-next-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      record = g_new0 (RowRecord, 1);
      record->kind = g_strdup (alert->record_kind);
      record->id = alert->record_id;
      g_object_set_data_full (G_OBJECT (row), "cg-record", record, row_record_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (alert_row_activated_cb), self, 0);
    }

  /* Read as one sentence: who, then what; the rule in the description. */
  /* Translators: accessible name of an alert row: "subject: message" */
  label = g_strdup_printf (C_("alert row", "%s: %s"), alert->subject, alert->message);
  description = g_strdup_printf ("%s %s", cg_rule_title (alert->rule), caption);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

/* The alerts a collapsed rule stands for, kept alive with the row. */
typedef struct
{
  GPtrArray *owner;    /* the whole list: keeps the alerts alive */
  guint      first;
  guint      count;
  gboolean   filled;
} Collapsed;

static void
collapsed_free (gpointer data)
{
  Collapsed *collapsed = data;

  g_ptr_array_unref (collapsed->owner);
  g_free (collapsed);
}

/* Rows are made when the expander first opens: a past day with nobody
 * checked would otherwise build a thousand rows nobody asked to see. */
static void
expander_expanded_cb (AdwExpanderRow *expander,
                      GParamSpec     *pspec,
                      CgTodayPage    *self)
{
  Collapsed *collapsed = g_object_get_data (G_OBJECT (expander), "cg-collapsed");
  guint shown;

  if (collapsed == NULL || collapsed->filled || !adw_expander_row_get_expanded (expander))
    return;
  collapsed->filled = TRUE;
  shown = MIN (collapsed->count, EXPANDER_MAX_ROWS);
  for (guint i = 0; i < shown; i++)
    adw_expander_row_add_row (expander,
                              alert_row_new (self, collapsed->owner->pdata[collapsed->first + i]));
  if (collapsed->count > shown)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = NULL;

      /* Translators: the last row of a long list of alerts */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more not listed here",
                                           "%u more not listed here",
                                           collapsed->count - shown),
                              collapsed->count - shown);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_widget_add_css_class (more, "dim-label");
      adw_expander_row_add_row (expander, more);
    }
}

static GtkWidget *
collapsed_row_new (CgTodayPage *self,
                   GPtrArray   *alerts,
                   guint        first,
                   guint        count)
{
  const CgAlert *alert = alerts->pdata[first];
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *caption = rule_caption (alert);
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;
  gboolean same_message = TRUE;
  Collapsed *collapsed;

  /* Translators: a rule with many alerts folded into one row:
   * "ALL-1 Daily health monitoring — 37 people" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s — %u person", "%s %s — %u people", count),
                           alert->rule, cg_rule_title (alert->rule), count);
  title_markup = g_markup_escape_text (title, -1);

  for (guint i = first + 1; i < first + count && same_message; i++)
    same_message = g_strcmp0 (((const CgAlert *) alerts->pdata[i])->message, alert->message) == 0;
  if (same_message)
    summary = g_strdup (alert->message);
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n = MIN (count, 3);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = subject_name (((const CgAlert *) alerts->pdata[first + i])->subject);

          if (i > 0)
            /* Translators: between names in a list: "王秀英、李明" */
            g_string_append (names, C_("list separator", ", "));
          g_string_append (names, name);
        }
      /* Translators: the first names of a folded list and how many others */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                              count - n),
                                 names->str, count - n);
    }
  subtitle = subtitle_markup (summary, caption);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title_markup);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), severity_icon_new (alert->severity));

  collapsed = g_new0 (Collapsed, 1);
  collapsed->owner = g_ptr_array_ref (alerts);
  collapsed->first = first;
  collapsed->count = count;
  g_object_set_data_full (G_OBJECT (expander), "cg-collapsed", collapsed, collapsed_free);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expander_expanded_cb), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  return expander;
}

static GtkWidget *
severity_group_new (CgTodayPage *self,
                    GPtrArray   *alerts,
                    CgSeverity   severity,
                    guint        first,
                    guint        count)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (cg_severity_label (severity));
  GtkWidget *count_label;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *count_text = NULL;
  g_autofree char *list_name = NULL;
  guint i = first;

  gtk_box_append (GTK_BOX (header), severity_icon_new (severity));
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  /* Translators: the count in a group header: "3 alerts" */
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alert", "%u alerts", count), count);
  count_label = gtk_label_new (count_text);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (header), count_label);
  gtk_box_append (GTK_BOX (group), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* Translators: accessible name of a group of alerts: "Critical: 2 alerts" */
  list_name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u alert", "%s: %u alerts", count),
                               cg_severity_label (severity), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_name,
                                  -1);

  while (i < first + count)
    {
      const CgAlert *alert = alerts->pdata[i];
      guint run = 1;

      while (i + run < first + count
             && g_strcmp0 (((const CgAlert *) alerts->pdata[i + run])->rule, alert->rule) == 0)
        run++;
      if (run > COLLAPSE_ABOVE)
        gtk_list_box_append (GTK_LIST_BOX (list), collapsed_row_new (self, alerts, i, run));
      else
        for (guint k = 0; k < run; k++)
          gtk_list_box_append (GTK_LIST_BOX (list), alert_row_new (self, alerts->pdata[i + k]));
      i += run;
    }
  gtk_box_append (GTK_BOX (group), list);
  return group;
}

static void
update_alerts (CgTodayPage *self,
               GPtrArray   *alerts)
{
  guint counts[CG_N_SEVERITIES] = { 0 };
  GtkWidget *child;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint first = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->alerts_box))) != NULL)
    gtk_box_remove (self->alerts_box, child);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_ptr_array_ref (alerts);

  for (guint i = 0; i < alerts->len; i++)
    {
      const CgAlert *alert = alerts->pdata[i];

      if (alert->severity < CG_N_SEVERITIES)
        counts[alert->severity]++;
    }

  /* cg_rules_evaluate() orders by severity, then rule, then subject. */
  for (CgSeverity severity = CG_SEVERITY_CRITICAL; severity < CG_N_SEVERITIES; severity++)
    {
      g_autofree char *part = NULL;

      if (counts[severity] == 0)
        continue;
      gtk_box_append (self->alerts_box,
                      severity_group_new (self, alerts, severity, first, counts[severity]));
      first += counts[severity];

      switch (severity)
        {
        case CG_SEVERITY_CRITICAL:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u critical", "%u critical",
                                               counts[severity]), counts[severity]);
          break;
        case CG_SEVERITY_WARNING:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                               counts[severity]), counts[severity]);
          break;
        case CG_SEVERITY_INFO:
        case CG_N_SEVERITIES:
        default:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u for information", "%u for information",
                                               counts[severity]), counts[severity]);
          break;
        }
      if (summary->len > 0)
        /* Translators: between the parts of "1 critical · 37 warnings" */
        g_string_append (summary, C_("alert summary", " · "));
      g_string_append (summary, part);
    }

  gtk_label_set_text (self->alerts_summary, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->alerts_box), alerts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_page), FALSE);
  if (alerts->len == 0)
    adw_status_page_set_description (self->all_clear_page,
                                     date_is_today (&self->date)
                                     ? _("Nothing is overdue or out of bounds today: every rule is met.")
                                     : _("Nothing was overdue or out of bounds on that day: every rule was met."));
  gtk_widget_set_visible (GTK_WIDGET (self->all_clear_page), alerts->len == 0);
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
           figures->evaluate_ms, figures->total_ms, elapsed_ms (self->requested_at));

  update_counters (self, figures);
  update_alerts (self, figures->alerts);
  /* The charts come second: on a two-core office PC running both at once
   * would slow the alerts down, and they are what the director reads. */
  start_job (self, JOB_CHARTS);

  now = g_date_time_new_now_local ();
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
  g_task_set_task_data (task, job, today_job_free);
  self->n_running++;
  g_task_run_in_thread (task, compute_figures_thread);
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

  if (self->follow_today && !date_is_today (&self->date))
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

  if (self->follow_today && !date_is_today (&self->date))
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
  if (self->dirty || (self->follow_today && !date_is_today (&self->date)))
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
