/* cg-today-figures.c — the dashboard's figures, worked out in a thread
 * with a store of its own: the day's alerts and counters, then thirty
 * days of charts (cg-today-page.c shows them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-nat-test.h"
#include "cg-rules.h"
#include "cg-funeral-sheets.h"
#include "cg-today-private.h"

/* Colours of the charts: GNOME palette blue 3, green 4, red 3, orange 3. */
static const double BLUE[3]   = { 0.208, 0.518, 0.894 };
static const double GREEN[3]  = { 0.180, 0.761, 0.494 };
static const double RED[3]    = { 0.878, 0.106, 0.141 };
static const double ORANGE[3] = { 1.000, 0.471, 0.000 };

/* ---- the figures, worked out in a thread ---------------------------- */



void
cg_today_job_free (gpointer data)
{
  TodayJob *job = data;

  g_free (job->path);
  g_free (job);
}

void
cg_today_figures_free (TodayFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->alerts, g_ptr_array_unref);
  g_clear_pointer (&figures->coverage, cg_chart_data_free);
  g_clear_pointer (&figures->checks, cg_chart_data_free);
  g_free (figures);
}

double
cg_today_elapsed_ms (gint64 since)
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
  figures->evaluate_ms = cg_today_elapsed_ms (start);
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

void
cg_today_figures_thread (GTask        *task,
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

  figures->total_ms = cg_today_elapsed_ms (start);
  g_task_return_pointer (task, g_steal_pointer (&figures), (GDestroyNotify) cg_today_figures_free);
}
