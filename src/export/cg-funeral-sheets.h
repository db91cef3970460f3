/* cg-funeral-sheets.h — a funeral home's day in the daily report:
 * 殡仪馆防控情况, 治丧登记, 吊唁人员登记表 and 消毒工作日志
 *
 * The figures (FH-5, FH-6, FH-7) go into CgDailyFigures; the sheets use
 * the sheet layer of cg-daily-report.c (cg-register-sheets.h) so that they
 * look and print like the other sheets of the workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "cg-daily-report.h"
#include "cg-register-sheets.h"
#include "cg-service.h"

G_BEGIN_DECLS

typedef struct _CgFuneralDay CgFuneralDay;

/* Loads the services in progress at some time of @date, their COVID-19
 * checklists and the mourners who arrived that day, and the disinfection
 * log of the day.  The day is judged up to its end, or up to now on the
 * day itself (as cg_service_evaluate_rules judges it). */
CgFuneralDay *cg_funeral_day_load   (CgStore        *store,
                                     const CgPolicy *policy,
                                     const GDate    *date,
                                     GError        **error);
void        cg_funeral_day_free     (CgFuneralDay   *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgFuneralDay, cg_funeral_day_free)

/* Sets the funeral fields of @figures (services … disinfections). */
void        cg_funeral_day_fill     (const CgFuneralDay *day,
                                     CgDailyFigures     *figures);

/* ALL-9: the remains of a suspected or confirmed COVID-19 case are a
 * health event.  The FH-7 alert stands for a case whose checklist is not
 * complete; a case of the day whose checklist is complete gets an alert
 * of its own here (rule FH-7, information), added to @abnormal. */
void        cg_funeral_day_add_events (const CgFuneralDay *day,
                                     const CgPolicy     *policy,
                                     GPtrArray          *abnormal);

/* The service @service_id if it was in progress that day, else NULL. */
const CgService *cg_funeral_day_service (const CgFuneralDay *day,
                                     gint64              service_id);

/* What was done for the COVID-19 case of @service_id, for the abnormal
 * persons' "action taken": "3 of 7 steps done: …"; NULL when the service
 * is not a case of the day. */
char       *cg_funeral_day_action   (const CgFuneralDay *day,
                                     gint64              service_id);

/* The four sheets. */
lxw_error   cg_funeral_write_sheets (lxw_workbook         *wb,
                                     const CgSheetFormats *f,
                                     const CgInstitution  *inst,
                                     const CgPolicy       *policy,
                                     const CgFuneralDay   *day);

G_END_DECLS
