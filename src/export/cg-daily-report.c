/* cg-daily-report.c — the daily report (日报告 / 零报告) for the bureau
 *
 * The figures come from the core registers and from one evaluation of the
 * rules (rules.md ALL-9: cg-daily-figures.c); the workbook follows the daily-report form of
 * forms.md, in the UI language, laid out for A4 landscape.  The registers
 * of the day (visitors, isolation, entry screening) are written by
 * cg-register-sheets.c with the sheet layer of cg-sheet.c, and a funeral home's
 * figures and registers (services, mourners, disinfection) by
 * cg-funeral-sheets.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "cg-daily-private.h"
#include "cg-daily-report.h"
#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-funeral-sheets.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-register-sheets.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* Workbook (the sheet layer: cg-sheet.c)                                 */
/* ---------------------------------------------------------------------- */

#define FONT_SIZE      CG_SHEET_FONT_SIZE
#define LINE_HEIGHT    CG_SHEET_LINE_HEIGHT

/* The funeral service an alert is about, when its subject is the deceased
 * (FH-5, FH-7, the mourners of FH-6); NULL for a hall (FH-6) and for
 * every other alert. */
static const CgService *
alert_service (DayData       *data,
               const CgAlert *alert)
{
  const CgService *service;

  if (data->funeral == NULL || g_strcmp0 (alert->record_kind, "service") != 0)
    return NULL;
  service = cg_funeral_day_service (data->funeral, alert->record_id);
  if (service == NULL || !g_str_has_prefix (alert->subject, service->deceased_name))
    return NULL;
  return service;
}

static const char *
health_event_kind (const CgAlert *alert)
{
  if (g_strcmp0 (alert->rule, "ALL-2") == 0)
    return _("suspicious symptoms");
  if (g_strcmp0 (alert->rule, "ALL-9") == 0)
    return _("positive nucleic-acid test");
  if (g_strcmp0 (alert->rule, "FH-7") == 0)
    /* Translators: what happened, in the abnormal persons: 新冠肺炎患者遗体 */
    return C_("health event", "COVID-19 remains");
  return _("fever");
}

/* The narrowest each column of the daily report may be, one per forms.md
 * column; headers and values widen them. */
static const double report_min_widths[] = {
  14, 11, 9, 9, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 28, 7, 7, 12,
};
enum { N_REPORT_COLS = G_N_ELEMENTS (report_min_widths) };

static char *
abnormal_summary (DayData        *data,
                  CgDailyFigures *figures)
{
  GString *out;

  if (figures->zero_report)
    return g_strdup (_("None"));
  out = g_string_new (NULL);
  for (guint i = 0; i < figures->abnormal->len; i++)
    {
      CgAlert *alert = figures->abnormal->pdata[i];
      CgPerson *person = cg_daily_alert_person (data, alert);
      const CgService *service = person == NULL ? alert_service (data, alert) : NULL;
      const char *name = alert->subject;

      if (person != NULL)
        name = cg_person_get_name (person);
      else if (service != NULL)
        name = service->deceased_name;
      if (out->len > 0)
        g_string_append (out, _("; "));
      /* Translators: a person and what happened, e.g. "王秀英（发热）" */
      g_string_append_printf (out, _("%s (%s)"), name, health_event_kind (alert));
    }
  if (out->len == 0)
    /* A health event that no rule of this institution type lists. */
    g_string_append_printf (out, _("%d with fever, %d with symptoms, %d positive"),
                            figures->fevers, figures->symptomatic, figures->positives);
  return g_string_free (out, FALSE);
}

static lxw_row_t
write_person_rows (CgSheet              *sheet,
                   const CgSheetFormats *f,
                   DayData              *data,
                   GPtrArray            *alerts,
                   lxw_row_t             row,
                   gboolean              abnormal)
{
  const char *headers_abnormal[] = {
    /* Translators: column of the abnormal-persons list: 姓名 */
    _("Name"),
    /* Translators: forms.md header 身份证号（脱敏） */
    _("ID number (masked)"),
    _("Type of person"),
    _("Rule"),
    /* Translators: what happened to an abnormal person: 异常情况 */
    _("What happened"),
    /* Translators: 处置措施 (隔离观察/送发热门诊/报告 120) */
    _("Action taken"),
    _("Source clause"),
  };
  const char *headers_gaps[] = {
    _("Name"), _("ID number (masked)"), _("Type of person"), _("Rule"),
    _("Severity"), _("What is missing"), _("Source clause"),
  };
  /* The lists share the report's columns; each field spans several. */
  static const lxw_col_t spans_abnormal[][2] = {
    { 0, 0 }, { 1, 2 }, { 3, 3 }, { 4, 4 }, { 5, 14 }, { 15, 20 }, { 21, 24 },
  };
  static const lxw_col_t spans_gaps[][2] = {
    { 0, 0 }, { 1, 2 }, { 3, 3 }, { 4, 4 }, { 5, 6 }, { 7, 20 }, { 21, 24 },
  };
  const lxw_col_t (*spans)[2] = abnormal ? spans_abnormal : spans_gaps;
  const char **headers = abnormal ? headers_abnormal : headers_gaps;

  for (guint i = 0; i < G_N_ELEMENTS (headers_abnormal); i++)
    cg_sheet_text (sheet, row, spans[i][0], spans[i][1], headers[i], f->header);
  cg_sheet_row_done (sheet, row++, LINE_HEIGHT);

  if (alerts->len == 0)
    {
      cg_sheet_text (sheet, row, 0, N_REPORT_COLS - 1,
                  /* Translators: an empty list in the daily report: 无 */
                  _("None"), f->center);
      cg_sheet_row_done (sheet, row++, LINE_HEIGHT);
      return row;
    }

  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];
      CgPerson *person = cg_daily_alert_person (data, alert);
      g_autofree char *masked = NULL;
      g_autofree char *action = NULL;
      const CgService *service = person == NULL ? alert_service (data, alert) : NULL;
      const char *fields[7];

      if (person != NULL)
        {
          masked = cg_mask_id_number (cg_person_get_id_number (person));
          fields[0] = cg_person_get_name (person);
          fields[2] = cg_person_kind_label (cg_person_get_kind (person));
        }
      else if (service != NULL)
        {
          masked = cg_mask_id_number (service->deceased_id_number);
          fields[0] = service->deceased_name;
          /* Translators: the type of person of a funeral service's alert: 逝者 */
          fields[2] = C_("type of person", "Deceased");
        }
      else
        {
          masked = g_strdup ("");
          fields[0] = alert->subject;
          fields[2] = "";
        }
      fields[1] = masked;
      fields[3] = alert->rule;
      if (abnormal)
        {
          GString *actions = NULL;

          if (person != NULL)
            {
              gint64 id = cg_person_get_id (person);

              actions = g_hash_table_lookup (data->actions, &id);
            }
          else if (service != NULL)
            action = cg_funeral_day_action (data->funeral, service->id);
          fields[4] = alert->message;
          fields[5] = actions != NULL ? actions->str
                      : action != NULL ? action
                                      /* Translators: no action recorded for an abnormal person */
                                      : _("Not recorded");
        }
      else
        {
          fields[4] = cg_severity_label (alert->severity);
          fields[5] = alert->message;
        }
      fields[6] = alert->source;

      for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
        cg_sheet_text (sheet, row, spans[c][0], spans[c][1], fields[c],
                    c == 1 || c == 3 || (!abnormal && c == 4) ? f->center : f->text);
      cg_sheet_row_done (sheet, row++, LINE_HEIGHT);
    }
  return row;
}

static lxw_error
write_report_sheet (lxw_workbook         *wb,
                    const CgSheetFormats *f,
                    const CgInstitution  *inst,
                    const CgPolicy       *policy,
                    DayData              *data,
                    const char           *written)
{
  CgDailyFigures *figures = data->figures;
  double widths[N_REPORT_COLS];
  CgSheet sheet = { NULL, widths, N_REPORT_COLS, 1.0, LXW_NO_ERROR };
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *summary = abnormal_summary (data, figures);
  g_autofree char *zero_line = NULL;
  const char *headers[N_REPORT_COLS];
  const char *values[N_REPORT_COLS] = { NULL };
  const char *dash = "—";
  lxw_row_t row = 0;
  guint h = 0;

  /* The columns of the bureau's form, in its order (forms.md). */
  /* Translators: daily report column, forms.md header 填报单位 */
  headers[h++] = _("Reporting unit");
  /* Translators: daily report column, forms.md header 填报日期 */
  headers[h++] = _("Reporting date");
  /* Translators: daily report column, forms.md header 机构类型 */
  headers[h++] = _("Institution type");
  /* Translators: daily report column, forms.md header 所在镇（街道） */
  headers[h++] = _("Town (subdistrict)");
  /* Translators: daily report column, forms.md header 风险等级 */
  headers[h++] = _("Risk level");
  /* Translators: daily report column, forms.md header 床位数 */
  headers[h++] = _("Number of beds");
  /* Translators: daily report column, forms.md header 在院人数（老人/儿童/受助人员） */
  headers[h++] = _("In residence (elderly / children / aid recipients)");
  /* Translators: daily report column, forms.md header 工作人员数 */
  headers[h++] = _("Number of staff");
  /* Translators: daily report column, forms.md header 在岗人数 */
  headers[h++] = _("Staff on duty");
  /* Translators: daily report column, forms.md header 新入住（入站）人数 */
  headers[h++] = _("New admissions (entrants)");
  /* Translators: daily report column, forms.md header 外出就医返院人数 */
  headers[h++] = _("Returned from hospital visits");
  /* Translators: daily report column, forms.md header 隔离观察人数 */
  headers[h++] = _("In isolation observation");
  /* Translators: daily report column, forms.md header 发热人数 */
  headers[h++] = _("People with fever");
  /* Translators: daily report column, forms.md header 有症状人数 */
  headers[h++] = _("People with symptoms");
  /* Translators: daily report column, forms.md header 核酸检测人数 */
  headers[h++] = _("People sampled for nucleic-acid tests");
  /* Translators: daily report column, forms.md header 阳性人数 */
  headers[h++] = _("Positive cases");
  /* Translators: daily report column, forms.md header 疑似病例 */
  headers[h++] = _("Suspected cases");
  /* Translators: daily report column, forms.md header 确诊病例 */
  headers[h++] = _("Confirmed cases");
  /* Translators: daily report column, forms.md header 访客人数（登记/劝返） */
  headers[h++] = _("Visitors (registered / turned away)");
  /* Translators: daily report column, forms.md header 防控物资最低可用天数 */
  headers[h++] = _("Protective supplies: fewest days left");
  /* Translators: daily report column, forms.md header 是否零报告 */
  headers[h++] = _("Zero report?");
  /* Translators: daily report column, forms.md header 异常情况说明 */
  headers[h++] = _("Abnormal situation");
  /* Translators: daily report column, forms.md header 填报人 */
  headers[h++] = _("Reported by");
  /* Translators: daily report column, forms.md header 负责人 */
  headers[h++] = _("Person in charge");
  /* Translators: daily report column, forms.md header 联系电话 */
  headers[h++] = _("Contact phone");
  g_assert (h == N_REPORT_COLS);

  /* The text values; the numbers are narrow. */
  values[0] = inst->name;
  values[1] = figures->date;
  values[2] = cg_institution_kind_label (inst->kind);
  values[3] = inst->district;
  values[4] = cg_risk_level_label (inst->risk);
  values[22] = inst->director;
  values[23] = inst->director;
  values[24] = inst->phone;
  memcpy (widths, report_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_REPORT_COLS, headers, values, 24.0);

  /* Translators: name of the first sheet of the daily report: 日报告 */
  sheet.ws = workbook_add_worksheet (wb, _("Daily report"));
  cg_sheet_set_widths (&sheet);

  /* Translators: title of the daily report; %1$s is the institution,
   * %2$s the date, e.g. "晋江市社会福利中心 疫情防控日报告 2021-11-05" */
  title = g_strdup_printf (_("%1$s Daily epidemic-prevention report %2$s"), inst->name, figures->date);
  /* Translators: %s is a date and time */
  subtitle = g_strdup_printf (_("Written by CareGuard on %s"), written);

  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1, title, f->title);
  cg_sheet_row_done (&sheet, row++, 22.0);
  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1, subtitle, f->subtitle);
  cg_sheet_row_done (&sheet, row++, 13.0);

  for (guint c = 0; c < N_REPORT_COLS; c++)
    cg_sheet_text (&sheet, row, c, c, headers[c], f->header);
  cg_sheet_row_done (&sheet, row++, LINE_HEIGHT);

  cg_sheet_text (&sheet, row, 0, 0, values[0], f->text);
  for (guint c = 1; c <= 4; c++)
    cg_sheet_text (&sheet, row, c, c, values[c], f->center);
  cg_sheet_number (&sheet, row, 5, inst->beds, f->number);
  cg_sheet_number (&sheet, row, 6, figures->residents_present, f->number);
  cg_sheet_number (&sheet, row, 7, figures->staff_total, f->number);
  cg_sheet_number (&sheet, row, 8, figures->staff_on_duty, f->number);
  cg_sheet_number (&sheet, row, 9, figures->new_arrivals, f->number);
  /* Registers CareGuard does not keep (yet, or for this type of
   * institution): no figure rather than a made-up 0. */
  cg_sheet_text (&sheet, row, 10, 10, dash, f->center);
  if (figures->isolated >= 0)
    cg_sheet_number (&sheet, row, 11, figures->isolated, f->number);
  else
    cg_sheet_text (&sheet, row, 11, 11, dash, f->center);
  cg_sheet_number (&sheet, row, 12, figures->fevers, f->number);
  cg_sheet_number (&sheet, row, 13, figures->symptomatic, f->number);
  cg_sheet_number (&sheet, row, 14, figures->tested, f->number);
  cg_sheet_number (&sheet, row, 15, figures->positives, f->number);
  cg_sheet_text (&sheet, row, 16, 16, dash, f->center);
  cg_sheet_text (&sheet, row, 17, 17, dash, f->center);
  if (figures->visitors >= 0)
    {
      /* Translators: 访客人数（登记/劝返）: visitors registered, of whom
       * turned away, e.g. "12/2" */
      g_autofree char *visitors = g_strdup_printf (C_("visitors registered / turned away", "%d/%d"),
                                                   figures->visitors, figures->visitors_refused);

      cg_sheet_text (&sheet, row, 18, 18, visitors, f->center);
    }
  else
    cg_sheet_text (&sheet, row, 18, 18, dash, f->center);
  {
    double fewest = cg_daily_fewest_days_of_supply (data->supplies);

    /* Whole days, rounded down: a director plans on what is surely there. */
    if (fewest >= 0.0)
      cg_sheet_number (&sheet, row, 19, floor (fewest), f->number);
    else
      cg_sheet_text (&sheet, row, 19, 19, dash, f->center);
  }
  cg_sheet_text (&sheet, row, 20, 20,
              /* Translators: answer in the zero-report column: 是 */
              figures->zero_report ? _("Yes")
              /* Translators: answer in the zero-report column: 否 */
                                   : _("No"), f->center);
  cg_sheet_text (&sheet, row, 21, 21, summary, f->text);
  for (guint c = 22; c <= 24; c++)
    cg_sheet_text (&sheet, row, c, c, values[c], f->center);
  cg_sheet_row_done (&sheet, row++, LINE_HEIGHT);

  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1,
              _("“—”: CareGuard does not keep this register (yet, or for this type of institution); fill it in by hand. Visitors: registered / turned away, on the visitor register sheet."), f->note);
  cg_sheet_row_done (&sheet, row++, 13.0);
  row++;

  if (figures->zero_report)
    /* Translators: the explicit zero-report line, 零报告：… ; %s is the date */
    zero_line = g_strdup_printf (_("Zero report: no fever, suspicious symptom, suspected, confirmed or positive case on %s."),
                                 figures->date);
  else
    {
      /* A health event that no rule of this institution type lists is
       * still counted. */
      guint events = figures->abnormal->len > 0
                     ? figures->abnormal->len
                     : (guint) (figures->fevers + figures->symptomatic + figures->positives);

      zero_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Not a zero report: %u health event on %s; see the abnormal persons below.",
                                                "Not a zero report: %u health events on %s; see the abnormal persons below.",
                                                events),
                                   events, figures->date);
    }
  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1, zero_line,
              figures->zero_report ? f->zero : f->not_zero);
  cg_sheet_row_done (&sheet, row++, 18.0);
  row++;

  /* The day's monitoring, which the form has no column for. */
  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1, _("Temperature checks and staff tests"), f->section);
  cg_sheet_row_done (&sheet, row++, 18.0);
  {
    int soon = cg_policy_get_int (policy, CG_POLICY_TEST_DUE_SOON_DAYS);
    g_autofree char *due_soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "Staff nucleic-acid tests due within %d day",
                                                              "Staff nucleic-acid tests due within %d days",
                                                              soon), soon);
    const char *labels[] = {
      _("People present (all, staff included)"),
      _("People with a temperature check"),
      _("People without a temperature check"),
      _("Staff nucleic-acid tests overdue or missing"),
      due_soon,
    };
    int counts[] = {
      figures->checks_due,
      figures->checks_done,
      figures->checks_due - figures->checks_done,
      figures->tests_overdue,
      figures->tests_due_soon,
    };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        cg_sheet_text (&sheet, row, 0, 1, labels[i], f->label);
        cg_sheet_number (&sheet, row, 2, counts[i], f->number);
        cg_sheet_row_done (&sheet, row++, LINE_HEIGHT);
      }
  }
  row++;

  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1,
              /* Translators: section of the daily report: 异常人员名单 */
              _("Abnormal persons"), f->section);
  cg_sheet_row_done (&sheet, row++, 18.0);
  row = write_person_rows (&sheet, f, data, figures->abnormal, row, TRUE);
  row++;

  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1,
              /* Translators: section of the daily report: the rules not met that day */
              _("Compliance gaps"), f->section);
  cg_sheet_row_done (&sheet, row++, 18.0);
  row = write_person_rows (&sheet, f, data, figures->gaps, row, FALSE);
  row++;

  cg_sheet_text (&sheet, row, 0, N_REPORT_COLS - 1,
              _("Compliance gaps are listed for follow-up; they do not prevent a zero report (民发〔2021〕11号)."),
              f->note);
  cg_sheet_row_done (&sheet, row++, 13.0);

  worksheet_freeze_panes (sheet.ws, 3, 0);
  cg_sheet_set_page (sheet.ws, inst->name, title, 3);
  worksheet_activate (sheet.ws);
  return sheet.error;
}

static const double staff_min_widths[] = { 10, 20, 10, 11, 22, 8, 11, 11, 14, 10 };
enum { N_STAFF_COLS = G_N_ELEMENTS (staff_min_widths) };

static void
write_staff_line (CgSheet              *sheet,
                  const CgSheetFormats *f,
                  lxw_row_t             row,
                  CgNatStatus          *status,
                  CgNatTest            *test,
                  const char           *day,
                  const double         *temperature)
{
  CgPerson *person = status->person;
  g_autofree char *masked = cg_mask_id_number (cg_person_get_id_number (person));
  /* A result that came after the day was not known on it. */
  gboolean known = test != NULL && test->result_on != NULL && g_strcmp0 (test->result_on, day) <= 0;

  cg_sheet_text (sheet, row, 0, 0, cg_person_get_name (person), f->center);
  cg_sheet_text (sheet, row, 1, 1, masked, f->center);
  cg_sheet_text (sheet, row, 2, 2, cg_person_get_role (person), f->center);
  cg_sheet_text (sheet, row, 3, 3, test != NULL ? test->sampled_on : "", f->center);
  cg_sheet_text (sheet, row, 4, 4, test != NULL ? test->site : "", f->text);
  cg_sheet_text (sheet, row, 5, 5,
              test == NULL ? "" : cg_nat_result_label (known ? test->result : CG_NAT_PENDING), f->center);
  cg_sheet_text (sheet, row, 6, 6, known ? test->result_on : "", f->center);
  /* After a positive result the next routine test is not the question. */
  cg_sheet_text (sheet, row, 7, 7,
              status->next_due != NULL && status->state != CG_NAT_STATE_POSITIVE ? status->next_due : "",
              f->center);
  cg_sheet_text (sheet, row, 8, 8, cg_nat_state_label (status->state), f->center);
  if (temperature != NULL)
    cg_sheet_number (sheet, row, 9, *temperature, f->temperature);
  else
    cg_sheet_text (sheet, row, 9, 9,
                /* Translators: no temperature check that day: 未测 */
                _("Not checked"), f->center);
  cg_sheet_row_done (sheet, row, LINE_HEIGHT);
}

static lxw_error
write_staff_sheet (lxw_workbook         *wb,
                   const CgSheetFormats *f,
                   const CgInstitution  *inst,
                   const CgPolicy       *policy,
                   DayData              *data)
{
  double widths[N_STAFF_COLS];
  CgSheet sheet = { NULL, widths, N_STAFF_COLS, 1.0, LXW_NO_ERROR };
  const char *day = data->figures->date;
  int interval = cg_policy_get_int (policy, CG_POLICY_TEST_INTERVAL_DAYS);
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *temperature_header = NULL;
  g_autofree char *cycle_start = NULL;
  const char *headers[N_STAFF_COLS];
  GDate start;
  lxw_row_t row = 0;
  guint h = 0;

  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 工作人员体温和核酸检测登记表 */
  title = g_strdup_printf (_("%1$s Staff temperature and nucleic-acid test register %2$s"), inst->name, day);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Samples of the last %d day, as known on %s; a test is due every %d days after the last negative sample (CH-5).",
                                       "Samples of the last %d days, as known on %s; a test is due every %d days after the last negative sample (CH-5).",
                                       interval),
                          interval, day, interval);
  /* Translators: %s is a date: the temperature taken that day */
  temperature_header = g_strdup_printf (_("Temperature on %s"), day);

  /* forms.md: 工作人员体温和核酸检测登记表 */
  /* Translators: staff test register column, forms.md header 姓名 */
  headers[h++] = _("Name");
  headers[h++] = _("ID number (masked)");
  /* Translators: staff test register column, forms.md header 岗位 */
  headers[h++] = _("Role");
  /* Translators: staff test register column, forms.md header 采样日期 */
  headers[h++] = _("Sampling date");
  /* Translators: staff test register column, forms.md header 采样点/检测机构 */
  headers[h++] = _("Sampling site / laboratory");
  /* Translators: staff test register column, forms.md header 结果 */
  headers[h++] = _("Result");
  /* Translators: staff test register column, forms.md header 结果日期 */
  headers[h++] = _("Result date");
  /* Translators: staff test register column, forms.md header 下次应检日期 */
  headers[h++] = _("Next test due");
  /* Translators: staff test register column, forms.md header 状态（正常/即将到期/逾期） */
  headers[h++] = _("Status (up to date / due soon / overdue)");
  headers[h++] = temperature_header;
  g_assert (h == N_STAFF_COLS);
  memcpy (widths, staff_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_STAFF_COLS, headers, NULL, 0.0);
  /* Roles and sampling sites on one line where they reasonably can be. */
  for (guint i = 0; i < data->statuses->len; i++)
    {
      CgNatStatus *status = data->statuses->pdata[i];
      gint64 id = cg_person_get_id (status->person);
      GPtrArray *tests = g_hash_table_lookup (data->samples, &id);

      if (cg_person_get_kind (status->person) != CG_PERSON_STAFF)
        continue;
      widths[2] = MAX (widths[2], MIN (cg_sheet_text_units (cg_person_get_role (status->person)) + 1.5, 16.0));
      for (guint t = 0; tests != NULL && t < tests->len; t++)
        widths[4] = MAX (widths[4], MIN (cg_sheet_text_units (((CgNatTest *) tests->pdata[t])->site) + 1.5, 30.0));
    }

  /* Translators: name of the second sheet of the daily report */
  sheet.ws = workbook_add_worksheet (wb, _("Staff tests"));
  cg_sheet_set_widths (&sheet);
  cg_sheet_text (&sheet, row, 0, N_STAFF_COLS - 1, title, f->title);
  cg_sheet_row_done (&sheet, row++, 22.0);
  cg_sheet_text (&sheet, row, 0, N_STAFF_COLS - 1, note, f->note);
  cg_sheet_row_done (&sheet, row++, 13.0);

  for (guint c = 0; c < N_STAFF_COLS; c++)
    cg_sheet_text (&sheet, row, c, c, headers[c], f->header);
  cg_sheet_row_done (&sheet, row++, LINE_HEIGHT);

  /* One line per sample of the current cycle; someone with none gets one
   * line with the latest sample on record (or none), so that every member
   * of staff appears (应检尽检). */
  cg_date_parse (day, &start);
  g_date_subtract_days (&start, (guint) MAX (interval - 1, 0));
  cycle_start = cg_date_to_iso (&start);
  for (guint i = 0; i < data->statuses->len; i++)
    {
      CgNatStatus *status = data->statuses->pdata[i];
      gint64 id = cg_person_get_id (status->person);
      GPtrArray *tests = g_hash_table_lookup (data->samples, &id);
      const double *temperature = g_hash_table_lookup (data->highest, &id);
      CgNatTest *latest = NULL;
      guint lines = 0;

      if (cg_person_get_kind (status->person) != CG_PERSON_STAFF)
        continue;
      for (guint t = 0; tests != NULL && t < tests->len; t++)
        {
          CgNatTest *test = tests->pdata[t];

          if (g_strcmp0 (test->sampled_on, day) > 0)
            continue;
          if (latest == NULL)
            latest = test;
          if (g_strcmp0 (test->sampled_on, cycle_start) < 0)
            break;
          write_staff_line (&sheet, f, row++, status, test, day, temperature);
          lines++;
        }
      if (lines == 0)
        write_staff_line (&sheet, f, row++, status, latest, day, temperature);
    }

  worksheet_freeze_panes (sheet.ws, 3, 0);
  cg_sheet_set_page (sheet.ws, inst->name, title, 2);
  return sheet.error;
}

static const double supplies_min_widths[] = { 16, 8, 12, 14, 14, 14, 14, 12 };
enum { N_SUPPLY_COLS = G_N_ELEMENTS (supplies_min_widths) };

/* The protective supplies as on the day (防疫物资台账, rules CH-6 …): what
 * is on hand, how many days it lasts at peak use, and what to order. */
static lxw_error
write_supplies_sheet (lxw_workbook         *wb,
                      const CgSheetFormats *f,
                      const CgInstitution  *inst,
                      DayData              *data)
{
  double widths[N_SUPPLY_COLS];
  CgSheet sheet = { NULL, widths, N_SUPPLY_COLS, 1.0, LXW_NO_ERROR };
  const char *day = data->figures->date;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  const char *headers[N_SUPPLY_COLS];
  const char *next_day = NULL;
  int floor_days = 0;
  int target_days = 0;
  lxw_row_t row = 0;
  guint h = 0;

  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 防疫物资台账 */
  title = g_strdup_printf (_("%1$s Protective supplies %2$s"), inst->name, day);
  /* Translators: supplies sheet column, forms.md header 物资名称 */
  headers[h++] = _("Item");
  /* Translators: supplies sheet column, forms.md header 单位 */
  headers[h++] = _("Unit");
  /* Translators: supplies sheet column: 库存 */
  headers[h++] = _("On hand");
  /* Translators: supplies sheet column: 高峰用量下可用天数 */
  headers[h++] = _("Days of supply at peak use");
  /* Translators: supplies sheet column: 状态 */
  headers[h++] = _("Status");
  /* Translators: supplies sheet column: 按近期用量预计用尽日期 */
  headers[h++] = _("Runs out at the recent pace");
  /* Translators: supplies sheet column: 建议补充数量 */
  headers[h++] = _("Suggested order");
  /* Translators: supplies sheet column: 补充日期 */
  headers[h++] = _("Order for");
  g_assert (h == N_SUPPLY_COLS);
  memcpy (widths, supplies_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_SUPPLY_COLS, headers, NULL, 0.0);
  for (guint i = 0; i < data->supplies->len; i++)
    {
      const CgItemForecast *fc = data->supplies->pdata[i];

      widths[0] = MAX (widths[0], MIN (cg_sheet_text_units (fc->item->name) + 1.5, 30.0));
      floor_days = fc->forecast.floor_days;
      target_days = fc->forecast.target_days;
      next_day = fc->next_replenishment;
    }
  if (data->supplies->len > 0)
    /* Translators: note under the title of the supplies sheet */
    note = g_strdup_printf (_("Days of supply at the peak use of the worst 30 days; at least %d days must be on hand, %d days are the target. Orders are for %s."),
                            floor_days, target_days, next_day != NULL ? next_day : day);
  else
    note = g_strdup (_("No protective supplies are recorded."));

  /* Translators: name of the supplies sheet of the daily report */
  sheet.ws = workbook_add_worksheet (wb, _("Supplies"));
  cg_sheet_set_widths (&sheet);
  cg_sheet_text (&sheet, row, 0, N_SUPPLY_COLS - 1, title, f->title);
  cg_sheet_row_done (&sheet, row++, 22.0);
  cg_sheet_text (&sheet, row, 0, N_SUPPLY_COLS - 1, note, f->note);
  cg_sheet_row_done (&sheet, row++, 13.0);
  for (guint c = 0; c < N_SUPPLY_COLS; c++)
    cg_sheet_text (&sheet, row, c, c, headers[c], f->header);
  cg_sheet_row_done (&sheet, row++, LINE_HEIGHT);

  for (guint i = 0; i < data->supplies->len; i++)
    {
      const CgItemForecast *fc = data->supplies->pdata[i];

      cg_sheet_text (&sheet, row, 0, 0, fc->item->name, f->text);
      cg_sheet_text (&sheet, row, 1, 1, fc->item->unit, f->center);
      cg_sheet_number (&sheet, row, 2, (double) fc->forecast.on_hand, f->number);
      if (fc->forecast.unlimited)
        cg_sheet_text (&sheet, row, 3, 3,
                    /* Translators: days of supply of an item with no use: 不限 */
                    _("Unlimited (no use)"), f->center);
      else
        cg_sheet_number (&sheet, row, 3, floor (fc->forecast.days_of_supply), f->number);
      cg_sheet_text (&sheet, row, 4, 4, cg_stock_status_label (fc->forecast.status), f->center);
      cg_sheet_text (&sheet, row, 5, 5, fc->runout_date != NULL ? fc->runout_date : "", f->center);
      cg_sheet_number (&sheet, row, 6, (double) fc->forecast.suggested_order, f->number);
      cg_sheet_text (&sheet, row, 7, 7,
                  fc->forecast.suggested_order > 0 && fc->next_replenishment != NULL
                  ? fc->next_replenishment : "", f->center);
      cg_sheet_row_done (&sheet, row++, LINE_HEIGHT);
    }

  worksheet_freeze_panes (sheet.ws, 3, 0);
  cg_sheet_set_page (sheet.ws, inst->name, title, 2);
  return sheet.error;
}

/* Where the workbook is written first: beside @path, so that the final
 * rename stays on one file system and cannot half-replace the file. */
static char *
open_temp_beside (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (int attempt = 0; attempt < 16; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      char *temp = g_build_filename (dir, name, NULL);
      int fd = g_open (temp, O_WRONLY | O_CREAT | O_EXCL, 0666);
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          return temp;
        }
      g_free (temp);
      if (saved == EEXIST)
        continue;
      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     _("Cannot write the report: the folder “%s” does not exist."), dir);
      else if (saved == EACCES || saved == EPERM || saved == EROFS)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     _("Cannot write the report: the folder “%s” is not writable. Choose another folder."), dir);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     _("Cannot write the report in the folder “%s”: %s."), dir, g_strerror (saved));
      return NULL;
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               _("Cannot write the report in the folder “%s”: too many unfinished reports there."), dir);
  return NULL;
}

gboolean
cg_daily_report_write (CgStore         *store,
                       const CgPolicy  *policy,
                       const GDate     *date,
                       const char      *path,
                       GError         **error)
{
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(GDateTime) now = cg_date_time_now_local ();
  g_autofree char *written = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *temp = NULL;
  g_autofree char *doc_title = NULL;
  DayData data = { 0 };
  lxw_workbook *wb;
  lxw_doc_properties properties = { 0 };
  CgSheetFormats formats;
  lxw_error status;
  lxw_error written_status;
  GDate today;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cg_date_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_autofree char *day = cg_date_to_iso (date);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s is in the future: a daily report can only be written for today or a past day."), day);
      return FALSE;
    }
  inst = cg_institution_load (store, error);
  if (inst == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("Set up the institution first: the report needs its name and type."));
      return FALSE;
    }
  if (!cg_daily_day_load (store, policy, date, &data, error))
    {
      cg_daily_day_clear (&data);
      return FALSE;
    }

  temp = open_temp_beside (path, error);
  if (temp == NULL)
    {
      cg_daily_day_clear (&data);
      return FALSE;
    }

  wb = workbook_new (temp);
  if (wb == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM, _("Not enough memory to write the report."));
      g_unlink (temp);
      cg_daily_day_clear (&data);
      return FALSE;
    }
  cg_sheet_formats_init (&formats, wb);
  written_status = write_report_sheet (wb, &formats, inst, policy, &data, written);
  if (written_status == LXW_NO_ERROR)
    written_status = write_staff_sheet (wb, &formats, inst, policy, &data);
  if (written_status == LXW_NO_ERROR)
    written_status = write_supplies_sheet (wb, &formats, inst, &data);
  if (written_status == LXW_NO_ERROR)
    written_status = cg_register_write_sheets (wb, &formats, inst, policy, data.registers);
  if (written_status == LXW_NO_ERROR && data.funeral != NULL)
    written_status = cg_funeral_write_sheets (wb, &formats, inst, policy, data.funeral);

  doc_title = g_strdup_printf (_("%1$s Daily epidemic-prevention report %2$s"), inst->name, data.figures->date);
  properties.title = doc_title;
  /* Translators: document subject of the daily report workbook: 疫情防控日报告 */
  properties.subject = (char *) _("Daily epidemic-prevention report");
  properties.author = (char *) "CareGuard";
  properties.company = inst->name;
  properties.keywords = (char *) "ALL-9";
  properties.comments = (char *) _("Built from the institution's registers by CareGuard.");
  properties.created = g_date_time_to_unix (now);
  workbook_set_properties (wb, &properties);

  /* Closing frees the workbook whatever happened; a sheet that could not
   * be written makes the whole file a failure. */
  status = workbook_close (wb);
  cg_daily_day_clear (&data);
  if (status == LXW_NO_ERROR)
    status = written_status;
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Cannot write the report to “%s”: %s."), path, lxw_strerror (status));
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write the report to “%s”: %s."), path, g_strerror (saved));
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}
