/* cg-daily-private.h — what cg-daily-figures.c and cg-daily-report.c
 * share: one day's registers as loaded for the daily report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not part of the API of cg-daily-report.h.
 */
#pragma once

#include "cg-daily-report.h"
#include "cg-funeral-sheets.h"
#include "cg-person.h"
#include "cg-register-sheets.h"

G_BEGIN_DECLS

/* What one day's registers hold, beyond the figures: the workbook needs
 * the people and the tests behind the numbers. */
typedef struct
{
  CgDailyFigures *figures;
  GPtrArray      *present;       /* CgPerson*, everyone present that day */
  GHashTable     *people;        /* person id → CgPerson* (in present) */
  GPtrArray      *statuses;      /* CgNatStatus*, everyone present */
  GHashTable     *samples;       /* person id → GPtrArray of CgNatTest*, newest first */
  GHashTable     *check_owner;   /* health_check id → person id */
  GHashTable     *actions;       /* person id → GString: actions recorded that day */
  GHashTable     *highest;       /* person id → double*: highest reading that day */
  GHashTable     *symptoms;      /* person id → guint*: symptoms other than fever that day */
  GPtrArray      *supplies;      /* CgItemForecast*: the protective supplies as on that day */
  CgRegisterDay  *registers;     /* visits, stays and screenings of the day */
  CgFuneralDay   *funeral;       /* a funeral home's services, mourners, disinfections */
} DayData;

/* Loads @date into @data (zeroed); FALSE with @error.  Clear it after,
 * either way. */
gboolean  cg_daily_day_load     (CgStore         *store,
                                 const CgPolicy  *policy,
                                 const GDate     *date,
                                 DayData         *data,
                                 GError         **error);
void      cg_daily_day_clear    (DayData         *data);
/* 防控物资最低可用天数 of @supplies (CgItemForecast*); -1 when no item
 * is used. */
double    cg_daily_fewest_days_of_supply (GPtrArray *supplies);
/* The person an alert is about (a check's owner, a screened or isolated
 * person, a person), or NULL. */
CgPerson *cg_daily_alert_person (DayData         *data,
                                 const CgAlert   *alert);

G_END_DECLS
