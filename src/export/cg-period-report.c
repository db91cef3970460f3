/* cg-period-report.c — the period workbook with the registers
 *
 * The workbook is written in libxlsxwriter's constant-memory mode: each
 * register is one SQL query whose rows are streamed into its sheet, so
 * three years of daily checks (a million rows) take little memory.  A
 * sheet that would pass Excel's 1,048,576 rows goes on in "name (2)".
 *
 * The sheets, each only where the institution keeps the register (or has
 * lines in it for the period):
 *   汇总 — one line per day with the daily report's figures;
 *   工作人员体温和核酸检测登记表 — every staff sample of the period;
 *   体温检测登记 — every temperature check of the period;
 *   访客登记表, 隔离观察登记, 救助站进站人员健康筛查登记表, 治丧登记,
 *   吊唁人员登记表, 防疫物资台账, 消毒工作日志, 培训演练记录 — see
 *   cg-period-registers.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-nat-test.h"
#include "cg-service.h"
#include "cg-period-private.h"
#include "cg-person.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* 工作人员体温和核酸检测登记表: every staff sample of the period           */
/* ---------------------------------------------------------------------- */

static const PeriodColumn staff_columns[] = {
  { "姓名", 10, PERIOD_CENTER },
  { "身份证号（脱敏）", 21, PERIOD_CENTER },
  { "岗位", 12, PERIOD_CENTER },
  { "采样日期", 12, PERIOD_DATE },
  { "采样点/检测机构", 24, PERIOD_TEXT },
  { "结果", 8, PERIOD_CENTER },
  { "结果日期", 12, PERIOD_DATE },
  { "下次应检日期", 12, PERIOD_DATE },
  { "状态（正常/即将到期/逾期）", 14, PERIOD_CENTER },
};

static gboolean
write_staff_tests (PeriodContext  *ctx,
                   GError        **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) by_person = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *note = NULL;
  PeriodSheet sheet;
  sqlite3_stmt *stmt;
  int rc;

  if ((ctx->module->pages & CG_PAGE_TESTS) == 0)
    {
      gint64 n = 0;

      if (!period_count_rows (ctx, "SELECT EXISTS (SELECT 1 FROM nat_test t JOIN person p ON p.id = t.person_id "
                                   "WHERE p.kind = 'staff' AND t.sampled_on BETWEEN ?1 AND ?2)", &n, error))
        return FALSE;
      if (n == 0)
        return TRUE;
    }

  /* The next test due and the state as known on the last day. */
  statuses = cg_nat_status_list (ctx->store, ctx->policy, &ctx->to, CG_PERSON_STAFF, error);
  if (statuses == NULL)
    return FALSE;
  for (guint i = 0; i < statuses->len; i++)
    {
      CgNatStatus *status = statuses->pdata[i];
      gint64 *id = g_new (gint64, 1);

      *id = cg_person_get_id (status->person);
      g_hash_table_insert (by_person, id, status);
    }

  /* Translators: note under the title of the staff test register of the
   * period workbook; %s is the last day of the period */
  note = g_strdup_printf (_("One line per sample taken in the period. Results, the next test due and the status as known on %s."),
                          ctx->last);
  if (!period_sheet_begin (&sheet, ctx, "工作人员体温和核酸检测登记表", staff_columns,
                           G_N_ELEMENTS (staff_columns), note, error))
    return FALSE;

  stmt = cg_store_prepare (ctx->store,
                           "SELECT p.id, p.name, p.id_number, p.role, t.sampled_on, t.site, "
                           "       CASE WHEN t.result_on IS NULL OR t.result_on > ?2 THEN 'pending' ELSE t.result END, "
                           "       CASE WHEN t.result_on > ?2 THEN NULL ELSE t.result_on END "
                           "FROM nat_test t JOIN person p ON p.id = t.person_id "
                           "WHERE p.kind = 'staff' AND t.sampled_on BETWEEN ?1 AND ?2 "
                           "ORDER BY t.sampled_on, p.name, p.id", error);
  if (stmt == NULL)
    {
      period_sheet_end (&sheet, NULL);
      return FALSE;
    }
  cg_bind_text (stmt, 1, ctx->first);
  cg_bind_text (stmt, 2, ctx->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const CgNatStatus *status = g_hash_table_lookup (by_person, &id);
      g_autofree char *masked = cg_mask_id_number ((const char *) sqlite3_column_text (stmt, 2));
      int result = cg_nat_result_from_string ((const char *) sqlite3_column_text (stmt, 6));
      lxw_row_t row;

      if (!period_sheet_next_row (&sheet, &row, error))
        break;
      period_cell_text (&sheet, row, 0, (const char *) sqlite3_column_text (stmt, 1));
      period_cell_text (&sheet, row, 1, masked);
      period_cell_text (&sheet, row, 2, (const char *) sqlite3_column_text (stmt, 3));
      period_cell_day (&sheet, row, 3, (const char *) sqlite3_column_text (stmt, 4));
      period_cell_text (&sheet, row, 4, (const char *) sqlite3_column_text (stmt, 5));
      if (result == CG_NAT_POSITIVE)
        period_cell_alert (&sheet, row, 5, cg_nat_result_label (result));
      else
        period_cell_text (&sheet, row, 5, cg_nat_result_label (MAX (result, 0)));
      period_cell_day (&sheet, row, 6, (const char *) sqlite3_column_text (stmt, 7));
      if (status == NULL)
        {
          /* Left before the end of the period: no test is due any more. */
          period_cell_text (&sheet, row, 7, NULL);
          /* Translators: status of a member of staff who has left, in the staff test register */
          period_cell_text (&sheet, row, 8, C_("staff test status", "Left"));
          continue;
        }
      /* After a positive result the next routine test is not the question. */
      period_cell_day (&sheet, row, 7, status->state != CG_NAT_STATE_POSITIVE ? status->next_due : NULL);
      if (status->state == CG_NAT_STATE_OK || status->state == CG_NAT_STATE_DUE_SOON)
        period_cell_text (&sheet, row, 8, cg_nat_state_label (status->state));
      else
        period_cell_alert (&sheet, row, 8, cg_nat_state_label (status->state));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && period_step_failed (ctx, rc, error))
    {
      period_sheet_end (&sheet, NULL);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      /* Cancelled: the error is set. */
      period_sheet_end (&sheet, NULL);
      return FALSE;
    }
  return period_sheet_end (&sheet, error);
}

/* ---------------------------------------------------------------------- */
/* 体温检测登记: every temperature check of the period                      */
/* ---------------------------------------------------------------------- */

static const PeriodColumn check_columns[] = {
  { "日期", 12, PERIOD_DATE },
  { "姓名", 10, PERIOD_CENTER },
  { "身份证号（脱敏）", 21, PERIOD_CENTER },
  { "类别", 10, PERIOD_CENTER },
  { "房间", 9, PERIOD_CENTER },
  { "体温", 7, PERIOD_TEMPERATURE },
  { "体温分级", 12, PERIOD_CENTER },
  { "症状", 16, PERIOD_TEXT },
  { "处置", 28, PERIOD_TEXT },
};

#define N_SYMPTOM_SETS (1u << CG_N_SYMPTOMS)

static gboolean
write_checks (PeriodContext  *ctx,
              GError        **error)
{
  char *symptoms[N_SYMPTOM_SETS];
  const char *kinds[CG_N_PERSON_KINDS];
  PeriodSheet sheet;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if ((ctx->module->pages & CG_PAGE_CHECKS) == 0)
    {
      gint64 n = 0;

      if (!period_count_rows (ctx, "SELECT EXISTS (SELECT 1 FROM health_check WHERE checked_on BETWEEN ?1 AND ?2)",
                              &n, error))
        return FALSE;
      if (n == 0)
        return TRUE;
    }
  if (!period_sheet_begin (&sheet, ctx, "体温检测登记", check_columns, G_N_ELEMENTS (check_columns),
                           /* Translators: note under the title of the temperature check register */
                           _("Every temperature check of the period, in the order taken; fevers in red."), error))
    return FALSE;

  /* A million rows: the words are worked out once. */
  for (guint i = 0; i < N_SYMPTOM_SETS; i++)
    symptoms[i] = cg_symptoms_describe (i);
  for (guint i = 0; i < CG_N_PERSON_KINDS; i++)
    kinds[i] = cg_person_kind_label (i);

  stmt = cg_store_prepare (ctx->store,
                           "SELECT h.checked_on, p.name, p.id_number, p.kind, p.room, h.temperature, "
                           "       h.symptoms, h.action "
                           "FROM health_check h JOIN person p ON p.id = h.person_id "
                           "WHERE h.checked_on BETWEEN ?1 AND ?2 ORDER BY h.checked_on, h.id", error);
  ok = stmt != NULL;
  if (ok)
    {
      cg_bind_text (stmt, 1, ctx->first);
      cg_bind_text (stmt, 2, ctx->last);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *masked = cg_mask_id_number ((const char *) sqlite3_column_text (stmt, 2));
          int kind = cg_person_kind_from_string ((const char *) sqlite3_column_text (stmt, 3));
          double temperature = sqlite3_column_double (stmt, 5);
          guint bits = (guint) sqlite3_column_int (stmt, 6) & (N_SYMPTOM_SETS - 1);
          lxw_row_t row;

          if (!period_sheet_next_row (&sheet, &row, error))
            {
              ok = FALSE;
              break;
            }
          period_cell_day (&sheet, row, 0, (const char *) sqlite3_column_text (stmt, 0));
          period_cell_text (&sheet, row, 1, (const char *) sqlite3_column_text (stmt, 1));
          period_cell_text (&sheet, row, 2, masked);
          period_cell_text (&sheet, row, 3, kind >= 0 ? kinds[kind] : "");
          period_cell_text (&sheet, row, 4, (const char *) sqlite3_column_text (stmt, 4));
          period_cell_temperature (&sheet, row, 5, temperature);
          period_cell_text (&sheet, row, 6,
                            cg_temperature_band_label (cg_temperature_band (ctx->policy, temperature)));
          period_cell_text (&sheet, row, 7, symptoms[bits]);
          period_cell_text (&sheet, row, 8, (const char *) sqlite3_column_text (stmt, 7));
        }
      sqlite3_reset (stmt);
      if (ok && period_step_failed (ctx, rc, error))
        ok = FALSE;
    }
  for (guint i = 0; i < N_SYMPTOM_SETS; i++)
    g_free (symptoms[i]);
  if (!ok)
    {
      period_sheet_end (&sheet, NULL);
      return FALSE;
    }
  return period_sheet_end (&sheet, error);
}

/* ---------------------------------------------------------------------- */
/* The workbook                                                           */
/* ---------------------------------------------------------------------- */

gboolean
cg_period_report_check_range (const GDate  *from,
                              const GDate  *to,
                              GError      **error)
{
  GDate today;

  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);

  cg_date_today (&today);
  if (g_date_compare (from, to) > 0)
    {
      g_autofree char *first = cg_date_to_iso (from);
      g_autofree char *last = cg_date_to_iso (to);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   /* Translators: %1$s and %2$s are dates */
                   _("The period starts on %1$s, after it ends (%2$s): swap the dates."), first, last);
      return FALSE;
    }
  if (g_date_compare (to, &today) > 0)
    {
      g_autofree char *last = cg_date_to_iso (to);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The period ends on %s, in the future: it can end today at the latest."), last);
      return FALSE;
    }
  return TRUE;
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

static void
context_clear (PeriodContext *ctx)
{
  g_clear_pointer (&ctx->inst, cg_institution_free);
  g_clear_pointer (&ctx->first, g_free);
  g_clear_pointer (&ctx->last, g_free);
  g_clear_pointer (&ctx->start_utc, g_free);
  g_clear_pointer (&ctx->end_utc, g_free);
  g_clear_pointer (&ctx->written, g_free);
  g_clear_pointer (&ctx->judged_at, g_free);
}

/* Tests only: a small sheet size shows the split into "name (2)"
 * without writing a million rows. */
static guint
rows_per_sheet (void)
{
  const char *text = g_getenv ("CAREGUARD_PERIOD_ROWS_PER_SHEET");
  guint64 value = 0;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, LXW_ROW_MAX - PERIOD_HEADER_ROWS, &value, NULL))
    return (guint) value;
  return LXW_ROW_MAX - PERIOD_HEADER_ROWS;
}

static gboolean
context_init (PeriodContext  *ctx,
              CgStore        *store,
              const CgPolicy *policy,
              const GDate    *from,
              const GDate    *to,
              GError        **error)
{
  g_autoptr(GDateTime) now = cg_date_time_now_local ();
  g_autofree char *start_local = NULL;
  g_autofree char *end_local = NULL;
  g_autofree char *after = NULL;
  GDate next;
  gint64 checks = 0;

  ctx->store = store;
  ctx->policy = policy;
  ctx->from = *from;
  ctx->to = *to;
  ctx->n_days = (guint) g_date_days_between (from, to) + 1;
  ctx->first = cg_date_to_iso (from);
  ctx->last = cg_date_to_iso (to);
  next = *to;
  g_date_add_days (&next, 1);
  after = cg_date_to_iso (&next);
  start_local = g_strdup_printf ("%s 00:00", ctx->first);
  end_local = g_strdup_printf ("%s 00:00", after);
  ctx->start_utc = cg_datetime_local_to_utc (start_local);
  ctx->end_utc = cg_datetime_local_to_utc (end_local);
  ctx->written = g_date_time_format (now, "%Y-%m-%d %H:%M");
  ctx->rows_per_sheet = rows_per_sheet ();

  ctx->inst = cg_institution_load (store, error);
  if (ctx->inst == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("Set up the institution first: the report needs its name and type."));
      return FALSE;
    }
  ctx->module = cg_module_for_kind (ctx->inst->kind);

  /* A service is judged against the mourning limit at the end of the
   * period, or now while the period lasts (cg_service_evaluate_rules). */
  {
    g_autofree char *now_utc = cg_datetime_now_utc ();
    GError *local_error = NULL;

    ctx->judged_at = g_strdup (ctx->end_utc != NULL && strcmp (ctx->end_utc, now_utc) < 0 ? ctx->end_utc : now_utc);
    ctx->area_risk = cg_service_area_risk (store, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
  }

  /* The checks are nearly all of the rows: progress counts them. */
  if (!period_count_rows (ctx, "SELECT count(*) FROM health_check WHERE checked_on BETWEEN ?1 AND ?2",
                          &checks, error))
    return FALSE;
  ctx->rows_expected = checks + ctx->n_days;
  return TRUE;
}

gboolean
cg_period_report_write_with_progress (CgStore              *store,
                                      const CgPolicy       *policy,
                                      const GDate          *from,
                                      const GDate          *to,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      CgPeriodProgressFunc  progress,
                                      gpointer              progress_data,
                                      GError              **error)
{
  typedef gboolean (*SheetFunc) (PeriodContext *ctx, GError **error);
  static const SheetFunc sheets[] = {
    period_write_summary,
    write_staff_tests,
    write_checks,
    period_write_visits,
    period_write_isolation,
    period_write_screening,
    period_write_services,
    period_write_mourners,
    period_write_supplies,
    period_write_disinfection,
    period_write_training,
  };
  PeriodContext ctx = { 0 };
  g_autofree char *temp = NULL;
  g_autofree char *doc_title = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  lxw_error status;
  gboolean ok = TRUE;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!cg_period_report_check_range (from, to, error))
    return FALSE;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  if (!context_init (&ctx, store, policy, from, to, error))
    {
      context_clear (&ctx);
      return FALSE;
    }

  temp = open_temp_beside (path, error);
  if (temp == NULL)
    {
      context_clear (&ctx);
      return FALSE;
    }
  /* Rows go to temporary files as they are written: memory stays flat
   * however long the period. */
  options.constant_memory = LXW_TRUE;
  ctx.wb = workbook_new_opt (temp, &options);
  if (ctx.wb == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM, _("Not enough memory to write the report."));
      g_unlink (temp);
      context_clear (&ctx);
      return FALSE;
    }
  period_formats_init (&ctx.f, ctx.wb);

  for (guint i = 0; i < G_N_ELEMENTS (sheets) && ok; i++)
    ok = sheets[i] (&ctx, &local_error);

  /* Translators: document title of the period workbook; %1$s is the
   * institution, %2$s and %3$s the first and last day */
  doc_title = g_strdup_printf (_("%1$s Epidemic-prevention registers %2$s to %3$s"),
                               ctx.inst->name, ctx.first, ctx.last);
  properties.title = doc_title;
  /* Translators: document subject of the period workbook: 疫情防控登记汇总 */
  properties.subject = (char *) _("Epidemic-prevention registers of a period");
  properties.author = (char *) "CareGuard";
  properties.company = ctx.inst->name;
  properties.comments = (char *) _("Built from the institution's registers by CareGuard.");
  workbook_set_properties (ctx.wb, &properties);

  /* Closing frees the workbook whatever happened. */
  status = workbook_close (ctx.wb);
  ctx.wb = NULL;
  if (ok && status != LXW_NO_ERROR)
    {
      g_set_error (&local_error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Cannot write the report to “%s”: %s."), path, lxw_strerror (status));
      ok = FALSE;
    }
  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write the report to “%s”: %s."), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (temp);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else if (progress != NULL)
    progress (1.0, progress_data);
  context_clear (&ctx);
  return ok;
}

gboolean
cg_period_report_write (CgStore         *store,
                        const CgPolicy  *policy,
                        const GDate     *from,
                        const GDate     *to,
                        const char      *path,
                        GCancellable    *cancellable,
                        GError         **error)
{
  return cg_period_report_write_with_progress (store, policy, from, to, path, cancellable,
                                               NULL, NULL, error);
}
