/* cg-service-stats.h — the funeral services of a span of days, counted
 * per local day for the charts: services and the mourning limit (FH-5),
 * the halls in use and their disinfections (FH-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A service is counted on the local day it started (started_on).  It is
 * over the limit when its mourning period — from its start to its end, or
 * to now while it is in progress — is longer than the limit for the
 * institution's area risk, by a second or more: exactly the limit is
 * within it (cg_service_mourning_state).  A suspected or confirmed
 * COVID-19 case has no mourning period (FH-7): it is counted as a service
 * but has no duration and is never over the limit.
 *
 * A hall is in use on a day when a service (not a COVID-19 case) in it is
 * in progress at some moment of that day, as for the FH-6 alerts
 * (cg_service_list_day); its disinfections are the log's records of that
 * place (the same name) on that day.
 */
#pragma once

#include "cg-policy.h"
#include "cg-service.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* The counts of one local day. */
typedef struct
{
  GDate    date;
  int      started;           /* services started that day */
  int      started_over;      /* of which over the limit (at their end, or now) */
  int      started_covid;     /* of which COVID-19 cases: no mourning period */
  int      in_progress;       /* services in progress at some moment of the day */
  int      in_progress_over;  /* of which over the limit by the end of the day (or now) */
} CgServiceDayStats;

/* The mourning period of one service (never a COVID-19 case). */
typedef struct
{
  gint64   service_id;
  int      day;               /* index of its start day in the span's days */
  double   hours;             /* start to end, or to now while in progress */
  gboolean over;              /* longer than the limit (exactly the limit is within) */
  gboolean in_progress;       /* not ended: the period so far */
} CgServiceDuration;

/* One hall over the span: in use and disinfections, per day. */
typedef struct
{
  char    *hall;
  GArray  *in_use;            /* gboolean per day of the span */
  GArray  *disinfections;     /* int per day: records of this place that day */
} CgHallStats;

typedef struct
{
  CgRiskLevel  risk;          /* the institution's area risk */
  int          limit_hours;   /* the mourning limit for it (FH-5) */
  int          hall_minimum;  /* hall disinfections a day (FH-6) */
  GArray      *days;          /* CgServiceDayStats, oldest first */
  GArray      *durations;     /* CgServiceDuration, by start: services started in the span */
  gboolean     last_day_open; /* now is before the end of the last day (today): its
                               * counts are so far, its disinfections not all done */
  GPtrArray   *halls;         /* CgHallStats*: halls in use on a day of the span, by name with
                               * their numbers in order: 一号, 二号 … 十号礼厅 */
} CgServiceStats;

void            cg_service_stats_free (CgServiceStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgServiceStats, cg_service_stats_free)

/* The @n_days local days ending with @last_day (today, usually), judged
 * at @now (UTC ISO-8601; NULL = now): services still in progress count
 * their mourning period up to @now.  NULL with @error. */
CgServiceStats *cg_service_stats_load (CgStore        *store,
                                       const CgPolicy *policy,
                                       const GDate    *last_day,
                                       guint           n_days,
                                       const char     *now,
                                       GError        **error);

G_END_DECLS
