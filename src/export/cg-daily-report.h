/* cg-daily-report.h — the daily report (日报告 / 零报告) for the bureau
 *
 * Built from core queries only, written with libxlsxwriter, in the UI
 * language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-policy.h"
#include "cg-rules.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* The figures of one day, gathered from the registers (no GTK, no file):
 * the report, the dashboard and the tests read the same numbers. */
typedef struct
{
  char      *date;              /* YYYY-MM-DD */
  int        residents_present; /* 在院人数 (residents / children / aid recipients) */
  int        staff_total;       /* 工作人员数: staff employed that day */
  int        staff_on_duty;     /* 在岗人数: staff with a temperature check that day
                                 * (taken on coming in, ALL-1/FH-2) */
  int        new_arrivals;      /* 新入住（入站）人数: residents arrived that day */
  int        checks_done;       /* people checked that day */
  int        checks_due;        /* people present that day */
  int        fevers;            /* 发热人数: highest reading of the day a fever (ALL-3),
                                 * or a fever at an entry screening that day (RS-3) */
  int        symptomatic;       /* 有症状人数 (symptoms, no fever), at screening too */
  int        tested;            /* 核酸检测人数: people sampled that day */
  int        positives;         /* 阳性人数: positive results known that day, sampled within the isolation period */
  int        tests_overdue;     /* staff overdue or with no negative test (CH-5 warnings) */
  int        tests_due_soon;    /* staff due within the due-soon days (CH-5 information) */
  int        isolated;          /* 隔离观察人数: people in an observation or isolation
                                 * stay at some time that day; -1 without rooms (ALL-5) */
  int        visitors;          /* 访客人数（登记/劝返）: visits registered that day,
                                 * admitted and refused; -1 without visitors (ALL-4) */
  int        visitors_refused;  /* … of them turned away (劝返) */
  int        screenings;        /* entry screenings that day (RS-1, ALL-6) */
  /* A funeral home's day (FH-5, FH-6, FH-7); services is -1 elsewhere. */
  int        services;          /* 治丧: services in progress at some time that day */
  int        services_over;     /* … over the mourning limit (FH-5) */
  int        services_approaching; /* … within the warn hours of it */
  int        covid_suspected;   /* COVID-19 remains among them: suspected (疑似) */
  int        covid_confirmed;   /* … confirmed (确诊) */
  int        covid_incomplete;  /* … whose FH-7 checklist is not complete */
  int        mourners_admitted; /* 吊唁人员 registered that day: admitted */
  int        mourners_refused;  /* … turned away (劝返) */
  int        halls;             /* halls in use that day */
  int        halls_short;       /* … disinfected fewer times than the policy asks (FH-6) */
  int        disinfections;     /* disinfections recorded that day, every place */
  gboolean   zero_report;       /* no health event: 零报告 (ALL-9) */
  GPtrArray *abnormal;          /* CgAlert*: the health events (fever, symptoms, positive),
                                 * fevers and symptoms found at entry screening included,
                                 * and the remains of a COVID-19 case (FH-7) */
  GPtrArray *gaps;              /* CgAlert*: everything else of the day: compliance gaps
                                 * (overdue tests, missing checks, new arrivals …) and reminders */
} CgDailyFigures;

void            cg_daily_figures_free  (CgDailyFigures *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDailyFigures, cg_daily_figures_free)

CgDailyFigures *cg_daily_figures_compute (CgStore        *store,
                                          const CgPolicy *policy,
                                          const GDate    *date,
                                          GError        **error);

/* Writes the workbook to @path: written beside it first and renamed over
 * it only once complete, so a failure never leaves half a file.  Refuses a
 * day in the future.  Errors: G_FILE_ERROR for the file, CG_STORE_ERROR
 * for the data. */
gboolean        cg_daily_report_write  (CgStore        *store,
                                        const CgPolicy *policy,
                                        const GDate    *date,
                                        const char     *path,
                                        GError        **error);

G_END_DECLS
