/* cg-funeral-sheets.c — a funeral home's day in the daily report
 *
 * 殡仪馆防控情况 (the day's figures: services, the mourning limit, the
 * COVID-19 remains and their checklist, mourners, disinfection of the
 * halls), then the registers of forms.md in its order: 治丧登记,
 * 吊唁人员登记表 and 消毒工作日志, in the UI language, laid out like the
 * other sheets of the workbook (A4 landscape, frozen header, masked ID
 * numbers).  The day itself is loaded by cg-funeral-day.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-funeral-private.h"
#include "cg-health-check.h"
#include "cg-validate.h"
#include "cg-visit.h"

/* ---------------------------------------------------------------------- */
/* Sheets                                                                 */
/* ---------------------------------------------------------------------- */

static const char *
yes_no (gboolean value)
{
  /* Translators: a yes/no answer in a register: 是 / 否 */
  return value ? C_("register", "Yes") : C_("register", "No");
}

/* 治丧天数: "3 d 0 h 01 min" */
static char *
format_duration (gint64 minutes)
{
  /* Translators: the length of a mourning period (治丧天数), days, hours
   * and minutes: "3天0小时01分" */
  return g_strdup_printf (_("%1$d d %2$d h %3$02d min"), (int) (minutes / 1440),
                          (int) (minutes / 60 % 24), (int) (minutes % 60));
}

/* 殡仪馆防控情况: the figures, the halls' disinfection, the COVID-19
 * remains.  One grid of six columns holds the three tables. */
static const double summary_min_widths[] = { 20, 22, 10, 10, 10, 48 };
enum { N_SUMMARY_COLS = G_N_ELEMENTS (summary_min_widths) };

static lxw_row_t
write_section (CgSheet              *sheet,
               const CgSheetFormats *f,
               lxw_row_t             row,
               const char           *title,
               const char * const   *headers)
{
  cg_sheet_text (sheet, row, 0, N_SUMMARY_COLS - 1, title, f->section);
  cg_sheet_row_done (sheet, row++, 18.0);
  for (lxw_col_t c = 0; c < N_SUMMARY_COLS; c++)
    cg_sheet_text (sheet, row, c, c, headers[c], f->header);
  cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
  return row;
}

typedef struct
{
  const char *label;
  const char *text;     /* NULL: the number */
  int         value;
  gboolean    warn;
  const char *detail;
} FigureLine;

static lxw_row_t
write_figures (CgSheet              *sheet,
               const CgSheetFormats *f,
               const CgFuneralDay   *day,
               const CgDailyFigures *figures,
               lxw_row_t             row)
{
  g_autofree char *over = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *covid = g_strdup_printf (C_("suspected / confirmed", "%d/%d"),
                                            figures->covid_suspected, figures->covid_confirmed);
  g_autofree char *mourners = g_strdup_printf (C_("admitted / turned away", "%d/%d"),
                                               figures->mourners_admitted, figures->mourners_refused);
  g_autofree char *halls = NULL;
  GString *names = g_string_new (NULL);
  /* Translators: column of the funeral home's figures: 项目 */
  const char *item = C_("funeral figures", "Item");
  /* Translators: column of the funeral home's figures: 数量 */
  const char *number = C_("funeral figures", "Number");
  /* Translators: column of the funeral home's figures: 说明 */
  const char *details = C_("funeral figures", "Details");
  FigureLine lines[8];
  guint n = 0;

  for (guint i = 0; i < day->services->len; i++)
    {
      const ServiceDay *s = day->services->pdata[i];

      if (s->state != CG_MOURNING_OVER)
        continue;
      if (names->len > 0)
        g_string_append (names, _("; "));
      g_string_append (names, s->service->deceased_name);
    }
  over = g_string_free (names, FALSE);
  /* Translators: FH-5, in the funeral home's figures; %d is the limit in hours */
  limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Limit %d hour for the area's risk level (FH-5).",
                                        "Limit %d hours for the area's risk level (FH-5).",
                                        (gulong) day->limit_hours), day->limit_hours);
  /* Translators: FH-6, in the funeral home's figures; %d is the policy's count (2) */
  halls = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A hall in use is disinfected at least %d time a day (FH-6).",
                                        "A hall in use is disinfected at least %d times a day (FH-6).",
                                        (gulong) day->hall_required), day->hall_required);

  /* Translators: funeral home's figure: 在办治丧（当日） */
  lines[n++] = (FigureLine) { _("Funeral services in progress"), NULL, figures->services, FALSE,
                                     _("Every service in progress at some time of the day, COVID-19 cases included.") };
  /* Translators: funeral home's figure: 超过治丧期限 */
  lines[n++] = (FigureLine) { _("Over the mourning limit"), NULL, figures->services_over,
                                     figures->services_over > 0, *over != '\0' ? over : limit };
  /* Translators: funeral home's figure: 临近治丧期限 */
  lines[n++] = (FigureLine) { _("Approaching the mourning limit"), NULL, figures->services_approaching,
                                     FALSE, limit };
  /* Translators: funeral home's figure: 新冠肺炎患者遗体（疑似/确诊） */
  lines[n++] = (FigureLine) { _("COVID-19 remains (suspected / confirmed)"), covid, 0,
                                     figures->covid_suspected + figures->covid_confirmed > 0,
                                     _("Suspected cases are handled as confirmed (FH-7).") };
  /* Translators: funeral home's figure: 处置流程未完成 */
  lines[n++] = (FigureLine) { _("COVID-19 procedure not complete"), NULL, figures->covid_incomplete,
                                     figures->covid_incomplete > 0, _("See the COVID-19 remains below.") };
  /* Translators: funeral home's figure: 吊唁人员（准入/劝返） */
  lines[n++] = (FigureLine) { _("Mourners (admitted / turned away)"), mourners, 0,
                                     figures->mourners_refused > 0,
                                     _("Registered that day, on the mourner register sheet (FH-6).") };
  /* Translators: funeral home's figure: 礼厅消毒未达标 */
  lines[n++] = (FigureLine) { _("Halls disinfected too few times"), NULL, figures->halls_short,
                                     figures->halls_short > 0, halls };
  /* Translators: funeral home's figure: 当日消毒记录 */
  lines[n++] = (FigureLine) { _("Disinfections recorded"), NULL, figures->disinfections, FALSE,
                                     _("Every place, on the disinfection log sheet.") };

  cg_sheet_text (sheet, row, 0, N_SUMMARY_COLS - 1,
                 /* Translators: section of the funeral home's sheet: 当日情况 */
                 _("The day's figures"), f->section);
  cg_sheet_row_done (sheet, row++, 18.0);
  cg_sheet_text (sheet, row, 0, 1, item, f->header);
  cg_sheet_text (sheet, row, 2, 4, number, f->header);
  cg_sheet_text (sheet, row, 5, 5, details, f->header);
  cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
  for (guint i = 0; i < n; i++)
    {
      lxw_format *format = lines[i].warn ? f->warning : f->center;

      cg_sheet_text (sheet, row, 0, 1, lines[i].label, f->label);
      /* The value spans three columns; a number stays a number in the
       * first cell of the merged range. */
      cg_sheet_text (sheet, row, 2, 4, lines[i].text != NULL ? lines[i].text : "", format);
      if (lines[i].text == NULL)
        cg_sheet_number (sheet, row, 2, lines[i].value, lines[i].warn ? f->warning : f->number);
      cg_sheet_text (sheet, row, 5, 5, lines[i].detail, f->text);
      cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
    }
  return row;
}

static lxw_row_t
write_places (CgSheet              *sheet,
              const CgSheetFormats *f,
              const CgFuneralDay   *day,
              lxw_row_t             row)
{
  const char *headers[N_SUMMARY_COLS] = {
    /* Translators: column of the halls' disinfection: 场所 */
    C_("funeral disinfection", "Place"),
    /* Translators: column of the halls' disinfection: 使用情况（逝者）/类型 */
    C_("funeral disinfection", "In use for / kind"),
    /* Translators: column of the halls' disinfection: 消毒次数 */
    C_("funeral disinfection", "Disinfections"),
    /* Translators: column of the halls' disinfection: 要求次数 */
    C_("funeral disinfection", "Required"),
    /* Translators: column of the halls' disinfection: 是否达标 */
    C_("funeral disinfection", "Met"),
    /* Translators: column of the halls' disinfection: 消毒时间 */
    C_("funeral disinfection", "Times"),
  };

  row = write_section (sheet, f, row,
                       /* Translators: section of the funeral home's sheet: 场所消毒 */
                       _("Disinfection of the halls and other places"), headers);
  for (guint i = 0; i < day->halls->len; i++)
    {
      const PlaceDay *p = day->halls->pdata[i];
      gboolean met = p->count >= day->hall_required;

      cg_sheet_text (sheet, row, 0, 0, p->place, f->text);
      cg_sheet_text (sheet, row, 1, 1, p->deceased, f->center);
      cg_sheet_number (sheet, row, 2, p->count, met ? f->number : f->warning);
      cg_sheet_number (sheet, row, 3, day->hall_required, f->number);
      cg_sheet_text (sheet, row, 4, 4, yes_no (met), met ? f->center : f->warning);
      cg_sheet_text (sheet, row, 5, 5, p->times->str, f->text);
      cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
    }
  for (guint i = 0; i < day->places->len; i++)
    {
      const PlaceDay *p = day->places->pdata[i];

      cg_sheet_text (sheet, row, 0, 0, p->place, f->text);
      cg_sheet_text (sheet, row, 1, 1, cg_place_kind_label (p->kind), f->center);
      cg_sheet_number (sheet, row, 2, p->count, f->number);
      cg_sheet_text (sheet, row, 3, 3, "—", f->center);
      cg_sheet_text (sheet, row, 4, 4, "—", f->center);
      cg_sheet_text (sheet, row, 5, 5, p->times->str, f->text);
      cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
    }
  if (day->halls->len + day->places->len == 0)
    {
      cg_sheet_text (sheet, row, 0, N_SUMMARY_COLS - 1, _("None"), f->center);
      cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
    }
  return row;
}

/* "3 of 7" */
static char *
steps_done (const ServiceDay *s)
{
  /* Translators: COVID-19 checklist steps done, e.g. "3/7" */
  return g_strdup_printf (C_("steps done", "%d/%d"), s->done, (int) CG_N_COVID_STEPS);
}

static lxw_row_t
write_covid (CgSheet              *sheet,
             const CgSheetFormats *f,
             const CgFuneralDay   *day,
             lxw_row_t             row)
{
  const char *headers[N_SUMMARY_COLS] = {
    /* Translators: column of the COVID-19 remains: 逝者姓名 */
    C_("covid remains", "Deceased"),
    /* Translators: column of the COVID-19 remains: 身份证号（脱敏） */
    C_("covid remains", "ID number (masked)"),
    /* Translators: column of the COVID-19 remains: 新冠情况 */
    C_("covid remains", "COVID-19"),
    /* Translators: column of the COVID-19 remains: 已完成步骤 */
    C_("covid remains", "Steps done"),
    /* Translators: column of the COVID-19 remains: 是否完成 */
    C_("covid remains", "Complete"),
    /* Translators: column of the COVID-19 remains: 未完成步骤 */
    C_("covid remains", "Steps not done"),
  };
  guint cases = 0;

  row = write_section (sheet, f, row,
                       /* Translators: section of the funeral home's sheet: 新冠肺炎患者遗体处置 (FH-7) */
                       _("COVID-19 remains: the procedure (FH-7)"), headers);
  for (guint i = 0; i < day->services->len; i++)
    {
      const ServiceDay *s = day->services->pdata[i];
      g_autofree char *masked = NULL;
      g_autofree char *done = NULL;
      g_autofree char *missing = NULL;
      gboolean complete;

      if (s->steps == NULL)
        continue;
      cases++;
      complete = s->done == CG_N_COVID_STEPS;
      masked = cg_mask_id_number (s->service->deceased_id_number);
      done = steps_done (s);
      missing = cg_funeral_missing_steps (day, s);
      cg_sheet_text (sheet, row, 0, 0, s->service->deceased_name, f->text);
      cg_sheet_text (sheet, row, 1, 1, masked, f->center);
      cg_sheet_text (sheet, row, 2, 2, cg_covid_status_label (s->service->covid), f->warning);
      cg_sheet_text (sheet, row, 3, 3, done, complete ? f->center : f->warning);
      cg_sheet_text (sheet, row, 4, 4, yes_no (complete), complete ? f->center : f->warning);
      cg_sheet_text (sheet, row, 5, 5, missing, f->text);
      cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
    }
  if (cases == 0)
    {
      cg_sheet_text (sheet, row, 0, N_SUMMARY_COLS - 1, _("None"), f->center);
      cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
    }
  return row;
}

static lxw_error
write_summary_sheet (lxw_workbook         *wb,
                     const CgSheetFormats *f,
                     const CgInstitution  *inst,
                     const CgFuneralDay   *day)
{
  double widths[N_SUMMARY_COLS];
  CgSheet sheet = { NULL, widths, N_SUMMARY_COLS, 1.0, LXW_NO_ERROR };
  CgDailyFigures figures = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  lxw_row_t row = 0;

  cg_funeral_day_fill (day, &figures);
  /* Translators: %1$s is the institution, %2$s the date: 殡仪馆防控情况 */
  title = g_strdup_printf (_("%1$s Funeral home epidemic prevention %2$s"), inst->name, day->day);
  note = day->today
         /* Translators: note under the title of the funeral home's sheet */
         ? g_strdup (_("The day so far: the mourning limit and the COVID-19 steps as they stand now."))
         : g_strdup (_("The day as it ended: the mourning limit and the COVID-19 steps as they stood at midnight."));
  memcpy (widths, summary_min_widths, sizeof widths);
  for (guint i = 0; i < day->halls->len; i++)
    {
      const PlaceDay *p = day->halls->pdata[i];

      widths[0] = MAX (widths[0], MIN (cg_sheet_text_units (p->place) + 1.5, 30.0));
    }
  for (guint i = 0; i < day->places->len; i++)
    {
      const PlaceDay *p = day->places->pdata[i];

      widths[0] = MAX (widths[0], MIN (cg_sheet_text_units (p->place) + 1.5, 30.0));
    }

  /* Translators: name of the funeral home's sheet of the daily report: 殡仪馆防控情况 */
  sheet.ws = workbook_add_worksheet (wb, C_("sheet", "Funeral home"));
  cg_sheet_set_widths (&sheet);
  cg_sheet_text (&sheet, row, 0, N_SUMMARY_COLS - 1, title, f->title);
  cg_sheet_row_done (&sheet, row++, 22.0);
  cg_sheet_text (&sheet, row, 0, N_SUMMARY_COLS - 1, note, f->note);
  cg_sheet_row_done (&sheet, row++, 13.0);
  row++;
  row = write_figures (&sheet, f, day, &figures, row);
  row++;
  row = write_places (&sheet, f, day, row);
  row++;
  write_covid (&sheet, f, day, row);
  cg_sheet_set_page (sheet.ws, inst->name, title, 1);
  return sheet.error;
}

/* 治丧登记 */
static const double service_min_widths[] = { 9, 20, 9, 13, 9, 16, 16, 16, 14, 8, 8 };
enum { N_SERVICE_COLS = G_N_ELEMENTS (service_min_widths) };

static lxw_error
write_services_sheet (lxw_workbook         *wb,
                      const CgSheetFormats *f,
                      const CgInstitution  *inst,
                      const CgFuneralDay   *day)
{
  double widths[N_SERVICE_COLS];
  CgSheet sheet = { NULL, widths, N_SERVICE_COLS, 1.0, LXW_NO_ERROR };
  const char *headers[N_SERVICE_COLS];
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  lxw_row_t row;
  guint h = 0;

  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 治丧登记 */
  title = g_strdup_printf (_("%1$s Funeral service register %2$s"), inst->name, day->day);
  /* Translators: note under the title of the funeral service register;
   * %d is the mourning limit in hours */
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Every service in progress at some time of the day. The mourning period is counted to the end, or to the end of the day; the limit is %d hour (FH-5). COVID-19 remains have no mourning period (FH-7).",
                                       "Every service in progress at some time of the day. The mourning period is counted to the end, or to the end of the day; the limit is %d hours (FH-5). COVID-19 remains have no mourning period (FH-7).",
                                       (gulong) day->limit_hours), day->limit_hours);

  /* forms.md: 治丧登记, in its order */
  /* Translators: funeral service register column, forms.md header 逝者姓名 */
  headers[h++] = C_("service register", "Deceased");
  /* Translators: funeral service register column, forms.md header 身份证号（脱敏） */
  headers[h++] = C_("service register", "ID number (masked)");
  /* Translators: funeral service register column, forms.md header 家属联系人 */
  headers[h++] = C_("service register", "Family contact");
  /* Translators: funeral service register column, forms.md header 电话 */
  headers[h++] = C_("service register", "Phone");
  /* Translators: funeral service register column, forms.md header 灵堂 */
  headers[h++] = C_("service register", "Hall");
  /* Translators: funeral service register column, forms.md header 开始时间 */
  headers[h++] = C_("service register", "Started");
  /* Translators: funeral service register column, forms.md header 计划结束 */
  headers[h++] = C_("service register", "Planned end");
  /* Translators: funeral service register column, forms.md header 实际结束 */
  headers[h++] = C_("service register", "Actual end");
  /* Translators: funeral service register column, forms.md header 治丧天数 */
  headers[h++] = C_("service register", "Mourning period");
  /* Translators: funeral service register column, forms.md header 是否超时 */
  headers[h++] = C_("service register", "Over the limit");
  /* Translators: funeral service register column, forms.md header 新冠情况 */
  headers[h++] = C_("service register", "COVID-19");
  g_assert (h == N_SERVICE_COLS);
  memcpy (widths, service_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_SERVICE_COLS, headers, NULL, 0.0);
  for (guint i = 0; i < day->services->len; i++)
    {
      const CgService *service = ((ServiceDay *) day->services->pdata[i])->service;

      widths[0] = MAX (widths[0], MIN (cg_sheet_text_units (service->deceased_name) + 1.5, 12.0));
      widths[2] = MAX (widths[2], MIN (cg_sheet_text_units (service->family_contact) + 1.5, 12.0));
      widths[4] = MAX (widths[4], MIN (cg_sheet_text_units (service->hall) + 1.5, 14.0));
    }

  /* Translators: name of the funeral service register sheet: 治丧登记 */
  sheet.ws = workbook_add_worksheet (wb, C_("sheet", "Funeral services"));
  row = cg_sheet_begin_register (&sheet, f, headers, title, note);
  for (guint i = 0; i < day->services->len; i++, row++)
    {
      const ServiceDay *s = day->services->pdata[i];
      const CgService *service = s->service;
      g_autofree char *masked = cg_mask_id_number (service->deceased_id_number);
      g_autofree char *started = cg_datetime_utc_to_local (service->started_at);
      g_autofree char *planned = cg_datetime_utc_to_local (service->planned_end_at);
      g_autofree char *ended = service->ended_at != NULL ? cg_datetime_utc_to_local (service->ended_at) : NULL;
      g_autofree char *length = NULL;
      gboolean covid = service->covid != CG_COVID_NONE;
      gboolean over = s->state == CG_MOURNING_OVER;

      cg_sheet_text (&sheet, row, 0, 0, service->deceased_name, f->center);
      cg_sheet_text (&sheet, row, 1, 1, masked, f->center);
      cg_sheet_text (&sheet, row, 2, 2, service->family_contact, f->center);
      cg_sheet_text (&sheet, row, 3, 3, service->phone, f->center);
      cg_sheet_text (&sheet, row, 4, 4, covid ? "—" : service->hall, f->center);
      cg_sheet_text (&sheet, row, 5, 5, started != NULL ? started : "", f->center);
      cg_sheet_text (&sheet, row, 6, 6, planned != NULL ? planned : "", f->center);
      if (ended != NULL)
        cg_sheet_text (&sheet, row, 7, 7, ended, f->center);
      else
        /* Translators: a service not ended, in the funeral service register: 治丧中 */
        cg_sheet_text (&sheet, row, 7, 7, C_("service register", "In progress"), f->center);
      if (covid)
        {
          cg_sheet_text (&sheet, row, 8, 8, "—", f->center);
          cg_sheet_text (&sheet, row, 9, 9, "—", f->center);
          cg_sheet_text (&sheet, row, 10, 10, cg_covid_status_label (service->covid), f->warning);
        }
      else
        {
          length = format_duration (s->minutes);
          cg_sheet_text (&sheet, row, 8, 8, length, over ? f->warning : f->center);
          cg_sheet_text (&sheet, row, 9, 9, yes_no (over), over ? f->warning : f->center);
          cg_sheet_text (&sheet, row, 10, 10, cg_covid_status_label (service->covid), f->center);
        }
      cg_sheet_row_done (&sheet, row, CG_SHEET_LINE_HEIGHT);
    }
  return cg_sheet_end_register (&sheet, f, inst, title, row, day->services->len == 0);
}

/* 吊唁人员登记表 */
static const double mourner_min_widths[] = { 10, 10, 13, 7, 8, 14, 12 };
enum { N_MOURNER_COLS = G_N_ELEMENTS (mourner_min_widths) };

static lxw_error
write_mourners_sheet (lxw_workbook         *wb,
                      const CgSheetFormats *f,
                      const CgInstitution  *inst,
                      const CgPolicy       *policy,
                      const CgFuneralDay   *day)
{
  double widths[N_MOURNER_COLS];
  CgSheet sheet = { NULL, widths, N_MOURNER_COLS, 1.0, LXW_NO_ERROR };
  const char *headers[N_MOURNER_COLS];
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  CgDailyFigures figures = { 0 };
  lxw_row_t row;
  guint h = 0;

  cg_funeral_day_fill (day, &figures);
  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 吊唁人员登记表 */
  title = g_strdup_printf (_("%1$s Mourner register %2$s"), inst->name, day->day);
  /* Translators: note under the title of the mourner register; the
   * mourners admitted, turned away, then the policy's limits */
  note = g_strdup_printf (_("%1$d admitted, %2$d turned away. No cold, cough or fever; at most %3$d mourners at once, %4$d minutes each (FH-6)."),
                          figures.mourners_admitted, figures.mourners_refused,
                          cg_policy_get_int (policy, CG_POLICY_MAX_MOURNERS),
                          cg_policy_get_int (policy, CG_POLICY_MAX_MOURNER_MINUTES));

  /* forms.md: 吊唁人员登记表, in its order */
  /* Translators: mourner register column, forms.md header 逝者 */
  headers[h++] = C_("mourner register", "Deceased");
  /* Translators: mourner register column, forms.md header 来宾姓名 */
  headers[h++] = C_("mourner register", "Mourner");
  /* Translators: mourner register column, forms.md header 电话 */
  headers[h++] = C_("mourner register", "Phone");
  /* Translators: mourner register column, forms.md header 体温 */
  headers[h++] = C_("mourner register", "Temperature");
  /* Translators: mourner register column, forms.md header 健康码 */
  headers[h++] = C_("mourner register", "Health code");
  /* Translators: mourner register column, forms.md header 到达/离开 */
  headers[h++] = C_("mourner register", "Arrived / left");
  /* Translators: mourner register column, forms.md header 准入/劝返 */
  headers[h++] = C_("mourner register", "Admitted / turned away");
  g_assert (h == N_MOURNER_COLS);
  memcpy (widths, mourner_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_MOURNER_COLS, headers, NULL, 0.0);
  for (guint i = 0; i < day->mourners->len; i++)
    {
      const CgMourner *m = day->mourners->pdata[i];
      g_autofree char *reasons = cg_refusal_describe (m->refusal);

      widths[1] = MAX (widths[1], MIN (cg_sheet_text_units (m->name) + 1.5, 12.0));
      if (m->refusal != 0)
        {
          g_autofree char *decision = g_strdup_printf (C_("mourner register", "Turned away (%s)"), reasons);

          widths[6] = MAX (widths[6], MIN (cg_sheet_text_units (decision) + 2.0, 30.0));
        }
    }

  /* Translators: name of the mourner register sheet: 吊唁人员登记表 */
  sheet.ws = workbook_add_worksheet (wb, C_("sheet", "Mourner register"));
  row = cg_sheet_begin_register (&sheet, f, headers, title, note);
  for (guint i = 0; i < day->mourners->len; i++, row++)
    {
      const CgMourner *m = day->mourners->pdata[i];
      const CgService *service = cg_funeral_day_service (day, m->service_id);
      g_autofree char *arrived = cg_funeral_local_time (day, m->arrived_at);
      g_autofree char *left = NULL;
      g_autofree char *span = NULL;
      g_autofree char *decision = NULL;
      gboolean fever = cg_temperature_band_is_fever (cg_temperature_band (policy, m->temperature));

      if (m->refusal != 0)
        {
          g_autofree char *reasons = cg_refusal_describe (m->refusal);

          /* Translators: a mourner turned away, with the reasons: 劝返（发热） */
          decision = g_strdup_printf (C_("mourner register", "Turned away (%s)"), reasons);
          span = g_strdup (arrived);
        }
      else
        {
          if (m->left_at != NULL)
            left = cg_funeral_local_time (day, m->left_at);
          else if (day->today)
            /* Translators: a mourner still inside: 在场 */
            left = g_strdup (C_("mourner register", "Inside"));
          else
            /* Translators: a mourner whose departure was never registered: 未登记离开 */
            left = g_strdup (C_("mourner register", "Not registered"));
          /* Translators: 到达/离开, e.g. "09:00 / 09:40" */
          span = g_strdup_printf (C_("mourner register", "%1$s / %2$s"), arrived, left);
          /* Translators: a mourner admitted: 准入 */
          decision = g_strdup (C_("mourner register", "Admitted"));
        }
      cg_sheet_text (&sheet, row, 0, 0, service != NULL ? service->deceased_name : "", f->center);
      cg_sheet_text (&sheet, row, 1, 1, m->name, f->center);
      cg_sheet_text (&sheet, row, 2, 2, m->phone, f->center);
      cg_sheet_number (&sheet, row, 3, m->temperature, fever ? f->warning : f->temperature);
      cg_sheet_text (&sheet, row, 4, 4, cg_health_code_label (m->health_code),
                     m->health_code != CG_HEALTH_CODE_GREEN ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 5, 5, span, f->center);
      cg_sheet_text (&sheet, row, 6, 6, decision, m->refusal != 0 ? f->warning : f->center);
      cg_sheet_row_done (&sheet, row, CG_SHEET_LINE_HEIGHT);
    }
  return cg_sheet_end_register (&sheet, f, inst, title, row, day->mourners->len == 0);
}

/* 消毒工作日志 */
static const double disinfection_min_widths[] = { 17, 16, 12, 18, 10, 9, 9, 16 };
enum { N_DISINFECTION_COLS = G_N_ELEMENTS (disinfection_min_widths) };

static lxw_error
write_disinfection_sheet (lxw_workbook         *wb,
                          const CgSheetFormats *f,
                          const CgInstitution  *inst,
                          const CgFuneralDay   *day)
{
  double widths[N_DISINFECTION_COLS];
  CgSheet sheet = { NULL, widths, N_DISINFECTION_COLS, 1.0, LXW_NO_ERROR };
  const char *headers[N_DISINFECTION_COLS];
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  lxw_row_t row;
  guint h = 0;

  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 消毒工作日志 */
  title = g_strdup_printf (_("%1$s Disinfection log %2$s"), inst->name, day->day);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d disinfection recorded that day; daily disinfection plus disinfection after each transport trip (FH-4).",
                                       "%d disinfections recorded that day; daily disinfection plus disinfection after each transport trip (FH-4).",
                                       day->disinfections->len),
                          (int) day->disinfections->len);

  /* forms.md: 消毒工作日志, in its order; the kind of place is the
   * form's 区域 (礼厅/业务厅/火化间/车辆) */
  /* Translators: disinfection log column, forms.md header 日期时间 */
  headers[h++] = C_("disinfection log", "Date and time");
  /* Translators: disinfection log column, forms.md header 区域 */
  headers[h++] = C_("disinfection log", "Place");
  /* Translators: disinfection log column: 区域类型（礼厅/业务厅/火化间/车辆） */
  headers[h++] = C_("disinfection log", "Kind of place");
  /* Translators: disinfection log column, forms.md header 消毒剂及浓度 */
  headers[h++] = C_("disinfection log", "Disinfectant and concentration");
  /* Translators: disinfection log column, forms.md header 方式 */
  headers[h++] = C_("disinfection log", "Method");
  /* Translators: disinfection log column, forms.md header 消毒人 */
  headers[h++] = C_("disinfection log", "Done by");
  /* Translators: disinfection log column, forms.md header 检查人 */
  headers[h++] = C_("disinfection log", "Checked by");
  /* Translators: disinfection log column: 备注 */
  headers[h++] = C_("disinfection log", "Note");
  g_assert (h == N_DISINFECTION_COLS);
  memcpy (widths, disinfection_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_DISINFECTION_COLS, headers, NULL, 0.0);
  for (guint i = 0; i < day->disinfections->len; i++)
    {
      const CgDisinfection *d = day->disinfections->pdata[i];

      widths[1] = MAX (widths[1], MIN (cg_sheet_text_units (d->place) + 1.5, 24.0));
      widths[3] = MAX (widths[3], MIN (cg_sheet_text_units (d->agent) + 1.5, 26.0));
      widths[7] = MAX (widths[7], MIN (cg_sheet_text_units (d->note) + 1.5, 30.0));
    }

  /* Translators: name of the disinfection log sheet: 消毒工作日志 */
  sheet.ws = workbook_add_worksheet (wb, C_("sheet", "Disinfection log"));
  row = cg_sheet_begin_register (&sheet, f, headers, title, note);
  for (guint i = 0; i < day->disinfections->len; i++, row++)
    {
      const CgDisinfection *d = day->disinfections->pdata[i];
      g_autofree char *at = cg_datetime_utc_to_local (d->done_at);

      cg_sheet_text (&sheet, row, 0, 0, at != NULL ? at : d->done_at, f->center);
      cg_sheet_text (&sheet, row, 1, 1, d->place, f->text);
      cg_sheet_text (&sheet, row, 2, 2, cg_place_kind_label (d->place_kind), f->center);
      cg_sheet_text (&sheet, row, 3, 3, d->agent, f->text);
      cg_sheet_text (&sheet, row, 4, 4, d->method, f->center);
      cg_sheet_text (&sheet, row, 5, 5, d->operator, f->center);
      cg_sheet_text (&sheet, row, 6, 6, d->checker, f->center);
      cg_sheet_text (&sheet, row, 7, 7, d->note, f->text);
      cg_sheet_row_done (&sheet, row, CG_SHEET_LINE_HEIGHT);
    }
  return cg_sheet_end_register (&sheet, f, inst, title, row, day->disinfections->len == 0);
}

lxw_error
cg_funeral_write_sheets (lxw_workbook         *wb,
                         const CgSheetFormats *f,
                         const CgInstitution  *inst,
                         const CgPolicy       *policy,
                         const CgFuneralDay   *day)
{
  lxw_error status;

  g_return_val_if_fail (day != NULL, LXW_ERROR_NULL_PARAMETER_IGNORED);

  status = write_summary_sheet (wb, f, inst, day);
  if (status == LXW_NO_ERROR)
    status = write_services_sheet (wb, f, inst, day);
  if (status == LXW_NO_ERROR)
    status = write_mourners_sheet (wb, f, inst, policy, day);
  if (status == LXW_NO_ERROR)
    status = write_disinfection_sheet (wb, f, inst, day);
  return status;
}
