/* cg-today-private.h — what the Today page and its figures' thread share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-chart.h"
#include "cg-chart-view.h"
#include "cg-daily-report.h"
#include "cg-health-check.h"
#include "cg-module.h"
#include "cg-room.h"
#include "cg-today-page.h"
#include "cg-visit.h"

G_BEGIN_DECLS

/* Days in the charts, the chosen day last. */
#define CHART_DAYS        30

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

void    cg_today_job_free       (gpointer       data);
void    cg_today_figures_free   (TodayFigures  *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TodayFigures, cg_today_figures_free)
double  cg_today_elapsed_ms     (gint64         since);
/* The GTask thread: a TodayJob in, a TodayFigures out. */
void    cg_today_figures_thread (GTask         *task,
                                 gpointer       source_object,
                                 gpointer       task_data,
                                 GCancellable  *cancellable);

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

typedef struct
{
  GtkWidget *card;
  GtkLabel  *value;
  GtkLabel  *detail;
} CounterCard;

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

gboolean cg_today_date_is_today         (const GDate   *date);
/* The alerts of the page's day (CgAlert*), grouped by severity. */
void     cg_today_page_update_alerts    (CgTodayPage   *self,
                                         GPtrArray     *alerts);
/* "open-record" (cg-today-page.h): an alert's row was activated. */
void     cg_today_page_emit_open_record (CgTodayPage   *self,
                                         const char    *kind,
                                         gint64         id);

G_END_DECLS
