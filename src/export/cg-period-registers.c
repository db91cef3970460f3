/* cg-period-registers.c — the registers of the period workbook
 *
 * 访客登记表, 隔离观察登记, 救助站进站人员健康筛查登记表, 治丧登记,
 * 吊唁人员登记表, 防疫物资台账, 消毒工作日志 and 培训演练记录: one SQL
 * query each on the schema of cg-store.c, streamed into the sheet in the
 * columns of forms.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-nat-test.h"
#include "cg-period-private.h"
#include "cg-room.h"
#include "cg-service.h"
#include "cg-stock.h"
#include "cg-validate.h"
#include "cg-visit.h"

#define COLUMN_TEXT(stmt, col) ((const char *) sqlite3_column_text ((stmt), (col)))

/* Whether a register gets its sheet: the institution keeps it, or it has
 * lines in the period anyway. */
static gboolean
sheet_wanted (PeriodContext  *ctx,
              gboolean        kept,
              const char     *exists_sql,
              gboolean       *wanted,
              GError        **error)
{
  gint64 n = 0;

  *wanted = kept;
  if (kept)
    return TRUE;
  if (!period_count_rows (ctx, exists_sql, &n, error))
    return FALSE;
  *wanted = n > 0;
  return TRUE;
}

/* Streams @stmt (bound already) into a new sheet, a row at a time. */
typedef void (*RowFunc) (PeriodSheet  *sheet,
                         lxw_row_t     row,
                         sqlite3_stmt *stmt);

static gboolean
stream_sheet (PeriodContext       *ctx,
              const char          *name,
              const PeriodColumn  *columns,
              guint                n_columns,
              const char          *note,
              const char          *sql,
              RowFunc              write_row,
              GError             **error)
{
  PeriodSheet sheet;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  if (!period_sheet_begin (&sheet, ctx, name, columns, n_columns, note, error))
    return FALSE;
  stmt = cg_store_prepare (ctx->store, sql, error);
  if (stmt == NULL)
    {
      period_sheet_end (&sheet, NULL);
      return FALSE;
    }
  /* Every register query takes the period as ?1 … ?2 (local days) and,
   * where it asks, ?3 … ?4 (UTC, the end excluded). */
  cg_bind_text (stmt, 1, ctx->first);
  cg_bind_text (stmt, 2, ctx->last);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    {
      cg_bind_text (stmt, 3, ctx->start_utc);
      cg_bind_text (stmt, 4, ctx->end_utc);
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      lxw_row_t row;

      ok = period_sheet_next_row (&sheet, &row, error);
      if (ok)
        write_row (&sheet, row, stmt);
    }
  sqlite3_reset (stmt);
  if (ok && period_step_failed (ctx, rc, error))
    ok = FALSE;
  if (!ok)
    {
      period_sheet_end (&sheet, NULL);
      return FALSE;
    }
  return period_sheet_end (&sheet, error);
}

/* A register's sheet, written only when the institution keeps the
 * register (@kept) or the period has lines in it (@exists_sql). */
static gboolean
stream_register (PeriodContext       *ctx,
                 gboolean             kept,
                 const char          *exists_sql,
                 const char          *name,
                 const PeriodColumn  *columns,
                 guint                n_columns,
                 const char          *note,
                 const char          *sql,
                 RowFunc              write_row,
                 GError             **error)
{
  gboolean wanted;

  if (!sheet_wanted (ctx, kept, exists_sql, &wanted, error))
    return FALSE;
  return !wanted || stream_sheet (ctx, name, columns, n_columns, note, sql, write_row, error);
}

static void
cell_masked (PeriodSheet  *sheet,
             lxw_row_t     row,
             lxw_col_t     col,
             const char   *id_number)
{
  g_autofree char *masked = id_number != NULL ? cg_mask_id_number (id_number) : NULL;

  period_cell_text (sheet, row, col, masked);
}

static const char *
health_code_label (const char *code)
{
  int c = cg_health_code_from_string (code);

  return c >= 0 ? cg_health_code_label (c) : code;
}

static const char *
nat_result_label (const char *result)
{
  int r = cg_nat_result_from_string (result);

  return r >= 0 ? cg_nat_result_label (r) : "";
}

/* ---------------------------------------------------------------------- */
/* 访客登记表                                                              */
/* ---------------------------------------------------------------------- */

static const PeriodColumn visit_columns[] = {
  { "日期", 11, PERIOD_DATE },
  { "访客姓名", 9, PERIOD_CENTER },
  { "身份证号（脱敏）", 20, PERIOD_CENTER },
  { "电话", 13, PERIOD_CENTER },
  { "被探视人", 9, PERIOD_CENTER },
  { "关系", 7, PERIOD_CENTER },
  { "体温", 6, PERIOD_TEMPERATURE },
  { "健康码颜色", 8, PERIOD_CENTER },
  { "行程卡（14 天内中高风险地区：是/否）", 13, PERIOD_CENTER },
  { "核酸检测时间/结果", 16, PERIOD_CENTER },
  { "到访时间", 16, PERIOD_DATETIME },
  { "离开时间", 16, PERIOD_DATETIME },
  { "准入/劝返", 10, PERIOD_CENTER },
  { "劝返原因", 24, PERIOD_TEXT },
  { "登记人", 8, PERIOD_CENTER },
};

static void
write_visit_row (PeriodSheet  *sheet,
                 lxw_row_t     row,
                 sqlite3_stmt *stmt)
{
  guint refusal = (guint) sqlite3_column_int (stmt, 13);
  g_autofree char *nat = NULL;

  period_cell_day (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  period_cell_text (sheet, row, 1, COLUMN_TEXT (stmt, 1));
  cell_masked (sheet, row, 2, COLUMN_TEXT (stmt, 2));
  period_cell_text (sheet, row, 3, COLUMN_TEXT (stmt, 3));
  period_cell_text (sheet, row, 4, COLUMN_TEXT (stmt, 4));
  period_cell_text (sheet, row, 5, COLUMN_TEXT (stmt, 5));
  period_cell_temperature (sheet, row, 6, sqlite3_column_double (stmt, 6));
  period_cell_text (sheet, row, 7, health_code_label (COLUMN_TEXT (stmt, 7)));
  period_cell_text (sheet, row, 8, period_yes_no (sqlite3_column_int (stmt, 8) != 0));
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    nat = g_strdup_printf ("%s %s", COLUMN_TEXT (stmt, 9), nat_result_label (COLUMN_TEXT (stmt, 10)));
  period_cell_text (sheet, row, 9, nat);
  period_cell_utc (sheet, row, 10, COLUMN_TEXT (stmt, 11));
  period_cell_utc (sheet, row, 11, COLUMN_TEXT (stmt, 12));
  if (refusal == 0)
    /* Translators: a visitor let in, in the visitor register: 准入 */
    period_cell_text (sheet, row, 12, C_("visit decision", "Admitted"));
  else
    {
      g_autofree char *reasons = cg_refusal_describe (refusal);

      /* Translators: a visitor refused, in the visitor register: 劝返 */
      period_cell_alert (sheet, row, 12, C_("visit decision", "Turned away"));
      period_cell_text (sheet, row, 13, reasons);
    }
  if (refusal == 0)
    period_cell_text (sheet, row, 13, NULL);
  period_cell_text (sheet, row, 14, COLUMN_TEXT (stmt, 14));
}

gboolean
period_write_visits (PeriodContext  *ctx,
                     GError        **error)
{
  return stream_register (ctx, (ctx->module->pages & CG_PAGE_VISITORS) != 0,
                          "SELECT EXISTS (SELECT 1 FROM visit WHERE arrived_on BETWEEN ?1 AND ?2)",
                          "访客登记表", visit_columns, G_N_ELEMENTS (visit_columns),
                          /* Translators: note under the title of the visitor register */
                          _("Every visitor registered in the period, let in or turned away, in the order of arrival."),
                          "SELECT v.arrived_on, v.visitor_name, v.visitor_id_number, v.phone, p.name, "
                          "       v.relationship, v.temperature, v.health_code, v.risk_travel, "
                          "       v.nat_sampled_on, v.nat_result, v.arrived_at, v.left_at, v.refusal, "
                          "       v.registered_by "
                          "FROM visit v LEFT JOIN person p ON p.id = v.visiting_id "
                          "WHERE v.arrived_on BETWEEN ?1 AND ?2 ORDER BY v.arrived_at, v.id",
                          write_visit_row, error);
}

/* ---------------------------------------------------------------------- */
/* 隔离观察登记                                                            */
/* ---------------------------------------------------------------------- */

/* The schema's reason, in the register's words. */
static const char *
stay_reason_label (const char *reason)
{
  int r = cg_stay_reason_from_string (reason);

  return r >= 0 ? cg_stay_reason_register_label ((CgStayReason) r) : reason;
}

static const PeriodColumn stay_columns[] = {
  { "房间", 10, PERIOD_CENTER },
  { "姓名", 9, PERIOD_CENTER },
  { "身份证号（脱敏）", 20, PERIOD_CENTER },
  { "原因", 13, PERIOD_CENTER },
  { "开始时间", 16, PERIOD_DATETIME },
  { "计划解除时间", 16, PERIOD_DATETIME },
  { "实际解除时间", 16, PERIOD_DATETIME },
  { "解除依据（核酸阴性日期）", 14, PERIOD_DATE },
  { "处置", 24, PERIOD_TEXT },
  { "备注", 20, PERIOD_TEXT },
};

static void
write_stay_row (PeriodSheet  *sheet,
                lxw_row_t     row,
                sqlite3_stmt *stmt)
{
  const char *ended = COLUMN_TEXT (stmt, 6);
  const char *planned = COLUMN_TEXT (stmt, 5);

  period_cell_text (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  period_cell_text (sheet, row, 1, COLUMN_TEXT (stmt, 1));
  cell_masked (sheet, row, 2, COLUMN_TEXT (stmt, 2));
  period_cell_text (sheet, row, 3, stay_reason_label (COLUMN_TEXT (stmt, 3)));
  period_cell_utc (sheet, row, 4, COLUMN_TEXT (stmt, 4));
  period_cell_utc (sheet, row, 5, planned);
  period_cell_utc (sheet, row, 6, ended);
  if (g_strcmp0 (COLUMN_TEXT (stmt, 8), "negative") == 0)
    period_cell_day (sheet, row, 7, COLUMN_TEXT (stmt, 7));
  else if (ended != NULL && planned != NULL && strcmp (ended, planned) >= 0)
    /* Translators: release basis of an isolation stay that ran its full
     * term, without a test: 期满解除 */
    period_cell_text (sheet, row, 7, C_("release basis", "Full term"));
  else
    period_cell_text (sheet, row, 7, NULL);
  period_cell_text (sheet, row, 8, COLUMN_TEXT (stmt, 9));
  period_cell_text (sheet, row, 9, COLUMN_TEXT (stmt, 10));
}

gboolean
period_write_isolation (PeriodContext  *ctx,
                        GError        **error)
{
  return stream_register (ctx, (ctx->module->pages & CG_PAGE_ROOMS) != 0,
                          "SELECT EXISTS (SELECT 1 FROM stay WHERE ?1 <= ?2 AND started_at < ?4 "
                          "AND (ended_at IS NULL OR ended_at >= ?3))",
                          "隔离观察登记", stay_columns, G_N_ELEMENTS (stay_columns),
                          /* Translators: note under the title of the isolation register */
                          _("Every isolation or observation stay that overlaps the period; an empty release time: still in the room."),
                          "SELECT r.name, p.name, p.id_number, s.reason, s.started_at, s.planned_end_at, "
                          "       s.ended_at, t.sampled_on, t.result, s.disposition, s.note "
                          "FROM stay s JOIN room r ON r.id = s.room_id JOIN person p ON p.id = s.person_id "
                          "LEFT JOIN nat_test t ON t.id = s.release_test_id "
                          "WHERE ?1 <= ?2 AND s.started_at < ?4 AND (s.ended_at IS NULL OR s.ended_at >= ?3) "
                          "ORDER BY s.started_at, s.id",
                          write_stay_row, error);
}

/* ---------------------------------------------------------------------- */
/* 救助站进站人员健康筛查登记表                                            */
/* ---------------------------------------------------------------------- */

static const char *
referrer_label (const char *referrer)
{
  int r = referrer != NULL && *referrer != '\0' ? cg_referrer_from_string (referrer) : -1;

  return r >= 0 ? cg_referrer_register_label ((CgReferrer) r) : "";
}

static const char *
screening_outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "isolate") == 0)
    /* Translators: outcome of a rescue-station screening: 单间隔离观察 */
    return C_("screening outcome", "Isolated");
  if (g_strcmp0 (outcome, "observe") == 0)
    /* Translators: outcome of a rescue-station screening: fever → 观察室留观 */
    return C_("screening outcome", "Observation room");
  /* Translators: outcome of a rescue-station screening: 准予入站 */
  return C_("screening outcome", "Admitted");
}

static const PeriodColumn screening_columns[] = {
  { "进站时间", 16, PERIOD_DATETIME },
  { "姓名", 9, PERIOD_CENTER },
  { "证件号（脱敏）", 20, PERIOD_CENTER },
  { "送站单位（公安/城管/自行求助）", 12, PERIOD_CENTER },
  { "体温", 6, PERIOD_TEMPERATURE },
  { "症状", 12, PERIOD_TEXT },
  { "14 天旅居史", 9, PERIOD_CENTER },
  { "接触史", 7, PERIOD_CENTER },
  { "健康码", 8, PERIOD_CENTER },
  { "行程卡", 7, PERIOD_CENTER },
  { "核酸采样时间/结果", 16, PERIOD_CENTER },
  { "隔离房间", 10, PERIOD_CENTER },
  { "处置", 30, PERIOD_TEXT },
  { "登记人", 8, PERIOD_CENTER },
};

/* The same register where it is the new arrivals' screening (ALL-6, care
 * homes and child welfare): no referring unit, screened on arrival. */
static const PeriodColumn arrival_screening_columns[] = {
  { "筛查时间", 16, PERIOD_DATETIME },
  { "姓名", 9, PERIOD_CENTER },
  { "身份证号（脱敏）", 20, PERIOD_CENTER },
  { "来源", 12, PERIOD_CENTER },
  { "体温", 6, PERIOD_TEMPERATURE },
  { "症状", 12, PERIOD_TEXT },
  { "14 天旅居史", 9, PERIOD_CENTER },
  { "接触史", 7, PERIOD_CENTER },
  { "健康码", 8, PERIOD_CENTER },
  { "行程卡", 7, PERIOD_CENTER },
  { "核酸采样时间/结果", 16, PERIOD_CENTER },
  { "隔离房间", 10, PERIOD_CENTER },
  { "处置", 30, PERIOD_TEXT },
  { "登记人", 8, PERIOD_CENTER },
};
G_STATIC_ASSERT (G_N_ELEMENTS (arrival_screening_columns) == G_N_ELEMENTS (screening_columns));

static void
write_screening_row (PeriodSheet  *sheet,
                     lxw_row_t     row,
                     sqlite3_stmt *stmt)
{
  g_autofree char *symptoms = cg_symptoms_describe ((guint) sqlite3_column_int (stmt, 5));
  gboolean risk = sqlite3_column_int (stmt, 6) != 0;
  g_autofree char *nat = NULL;
  GString *action = g_string_new (screening_outcome_label (COLUMN_TEXT (stmt, 11)));

  period_cell_utc (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  period_cell_text (sheet, row, 1, COLUMN_TEXT (stmt, 1));
  cell_masked (sheet, row, 2, COLUMN_TEXT (stmt, 2));
  period_cell_text (sheet, row, 3, referrer_label (COLUMN_TEXT (stmt, 3)));
  period_cell_temperature (sheet, row, 4, sqlite3_column_double (stmt, 4));
  period_cell_text (sheet, row, 5, symptoms);
  /* The register keeps one answer for both: a medium/high-risk area in
   * the last 14 days, as the travel card shows it. */
  period_cell_text (sheet, row, 6, period_yes_no (risk));
  period_cell_text (sheet, row, 7, period_yes_no (sqlite3_column_int (stmt, 7) != 0));
  period_cell_text (sheet, row, 8, health_code_label (COLUMN_TEXT (stmt, 8)));
  period_cell_text (sheet, row, 9, period_yes_no (risk));
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    nat = g_strdup_printf ("%s %s", COLUMN_TEXT (stmt, 9), nat_result_label (COLUMN_TEXT (stmt, 10)));
  period_cell_text (sheet, row, 10, nat);
  period_cell_text (sheet, row, 11, COLUMN_TEXT (stmt, 12));
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    {
      g_autofree char *at = cg_datetime_utc_to_local (COLUMN_TEXT (stmt, 13));

      /* Translators: RS-3, in the screening register; %s is a date and time */
      g_string_append_printf (action, _("; 120 called at %s"), at != NULL ? at : "");
    }
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    {
      g_autofree char *at = cg_datetime_utc_to_local (COLUMN_TEXT (stmt, 14));

      /* Translators: RS-3, in the screening register; %s is a date and time */
      g_string_append_printf (action, _("; reported at %s"), at != NULL ? at : "");
    }
  if (sqlite3_column_bytes (stmt, 15) > 0)
    g_string_append_printf (action, _("; %s"), COLUMN_TEXT (stmt, 15));
  period_cell_text (sheet, row, 12, action->str);
  period_cell_text (sheet, row, 13, COLUMN_TEXT (stmt, 16));
  g_string_free (action, TRUE);
}

/* The test: the first sample taken on or after the screening day. */
#define SCREENING_QUERY \
  "SELECT s.screened_at, p.name, p.id_number, s.referred_by, s.temperature, s.symptoms, " \
  "       s.risk_travel, s.contact, s.health_code, " \
  "       (SELECT n.sampled_on FROM nat_test n WHERE n.person_id = s.person_id " \
  "          AND n.sampled_on >= s.screened_on ORDER BY n.sampled_on LIMIT 1), " \
  "       (SELECT n.result FROM nat_test n WHERE n.person_id = s.person_id " \
  "          AND n.sampled_on >= s.screened_on ORDER BY n.sampled_on LIMIT 1), " \
  "       s.outcome, r.name, s.called_120_at, s.reported_at, s.note, s.registered_by " \
  "FROM screening s JOIN person p ON p.id = s.person_id " \
  "LEFT JOIN stay st ON st.id = s.stay_id LEFT JOIN room r ON r.id = st.room_id " \
  "WHERE s.screened_on BETWEEN ?1 AND ?2 ORDER BY s.screened_at, s.id"

gboolean
period_write_screening (PeriodContext  *ctx,
                        GError        **error)
{
  gboolean wanted;

  if (!sheet_wanted (ctx, ctx->inst->kind == CG_KIND_RESCUE_STATION,
                     "SELECT EXISTS (SELECT 1 FROM screening WHERE screened_on BETWEEN ?1 AND ?2)",
                     &wanted, error))
    return FALSE;
  if (!wanted)
    return TRUE;
  if (ctx->inst->kind != CG_KIND_RESCUE_STATION)
    return stream_sheet (ctx, "新入住人员排查评估登记表", arrival_screening_columns,
                         G_N_ELEMENTS (arrival_screening_columns),
                         /* Translators: note under the title of the new arrivals' screening register (ALL-6) */
                         _("Every new arrival screened in the period (ALL-6). The nucleic-acid test is the first sample taken on or after the day of screening."),
                         SCREENING_QUERY, write_screening_row, error);
  return stream_sheet (ctx, "救助站进站人员健康筛查登记表", screening_columns,
                       G_N_ELEMENTS (screening_columns),
                       /* Translators: note under the title of the rescue-station screening register */
                       _("Every entrant screened in the period. The nucleic-acid test is the first sample taken on or after the day of entry."),
                       SCREENING_QUERY,
                       write_screening_row, error);
}

/* ---------------------------------------------------------------------- */
/* 防疫物资台账                                                            */
/* ---------------------------------------------------------------------- */

static const PeriodColumn supply_columns[] = {
  { "物资名称", 14, PERIOD_TEXT },
  { "规格", 10, PERIOD_CENTER },
  { "单位", 6, PERIOD_CENTER },
  { "日期", 11, PERIOD_DATE },
  { "入库/领用/盘点", 9, PERIOD_CENTER },
  { "来源（下拨/自购/捐赠）", 10, PERIOD_CENTER },
  { "数量", 9, PERIOD_NUMBER },
  { "库存", 9, PERIOD_NUMBER },
  { "有效期", 11, PERIOD_DATE },
  { "生产批号", 12, PERIOD_CENTER },
  { "生产企业", 12, PERIOD_TEXT },
  { "经办人", 8, PERIOD_CENTER },
  { "审批人", 8, PERIOD_CENTER },
  { "备注", 20, PERIOD_TEXT },
};

static void
write_supply_row (PeriodSheet  *sheet,
                  lxw_row_t     row,
                  sqlite3_stmt *stmt)
{
  gint64 pack = sqlite3_column_int64 (stmt, 1);
  int kind = cg_move_kind_from_string (COLUMN_TEXT (stmt, 4));
  int source = cg_stock_source_from_string (COLUMN_TEXT (stmt, 5));
  gint64 delta = sqlite3_column_int64 (stmt, 7);
  g_autofree char *spec = NULL;
  g_autofree char *note = NULL;

  if (pack > 1)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, pack);

      /* Translators: 规格 of a protective-supplies item, e.g. "50个/包";
       * %1$s is the number in a pack, %2$s the unit */
      spec = g_strdup_printf (C_("pack size", "%1$s %2$s per pack"), number, COLUMN_TEXT (stmt, 2));
    }
  period_cell_text (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  period_cell_text (sheet, row, 1, spec);
  period_cell_text (sheet, row, 2, COLUMN_TEXT (stmt, 2));
  period_cell_day (sheet, row, 3, COLUMN_TEXT (stmt, 3));
  period_cell_text (sheet, row, 4, kind >= 0 ? cg_move_kind_label (kind) : COLUMN_TEXT (stmt, 4));
  period_cell_text (sheet, row, 5, source > 0 ? cg_stock_source_label (source) : NULL);
  period_cell_number (sheet, row, 6, (double) sqlite3_column_int64 (stmt, 6));
  period_cell_number (sheet, row, 7, (double) sqlite3_column_int64 (stmt, 13));
  period_cell_day (sheet, row, 8, COLUMN_TEXT (stmt, 8));
  period_cell_text (sheet, row, 9, COLUMN_TEXT (stmt, 9));
  period_cell_text (sheet, row, 10, NULL);   /* 生产企业: not in the ledger */
  period_cell_text (sheet, row, 11, COLUMN_TEXT (stmt, 11));
  period_cell_text (sheet, row, 12, NULL);   /* 审批人: not in the ledger */
  /* A count says what it found missing (or over). */
  if (kind == CG_MOVE_COUNT && delta != 0)
    {
      g_autofree char *difference = g_strdup_printf ("%+" G_GINT64_FORMAT, delta);

      /* Translators: note of a stock count in the supplies ledger: 盘点差额 %s */
      note = g_strdup_printf (_("Count difference %s"), difference);
      if (sqlite3_column_bytes (stmt, 10) > 0)
        {
          char *both = g_strdup_printf (_("%s; %s"), note, COLUMN_TEXT (stmt, 10));

          g_free (note);
          note = both;
        }
    }
  period_cell_text (sheet, row, 13, note != NULL ? note : COLUMN_TEXT (stmt, 10));
}

gboolean
period_write_supplies (PeriodContext  *ctx,
                       GError        **error)
{
  /* 库存: the on-hand quantity after each movement, counted from the
   * ledger's first movement (cg_stock_ledger's order: day, then entry). */
  return stream_register (ctx, (ctx->module->pages & CG_PAGE_SUPPLIES) != 0,
                          "SELECT EXISTS (SELECT 1 FROM stock_movement WHERE occurred_on BETWEEN ?1 AND ?2)",
                          "防疫物资台账", supply_columns, G_N_ELEMENTS (supply_columns),
                          /* Translators: note under the title of the supplies ledger */
                          _("Every movement of the period, item by item; the stock is what was on hand after the movement."),
                          "SELECT i.name, i.pack_size, i.unit, m.occurred_on, m.kind, m.source, m.quantity, "
                          "       m.delta, m.expiry, m.batch, m.note, m.who, i.category, m.balance "
                          "FROM (SELECT *, sum(delta) OVER (PARTITION BY item_id ORDER BY occurred_on, id "
                          "                                 ROWS UNBOUNDED PRECEDING) AS balance "
                          "      FROM stock_movement WHERE occurred_on <= ?2) m "
                          "JOIN stock_item i ON i.id = m.item_id "
                          "WHERE m.occurred_on >= ?1 "
                          "ORDER BY CASE i.category WHEN 'masks' THEN 0 WHEN 'suits' THEN 1 "
                          "  WHEN 'disinfectant' THEN 2 WHEN 'goggles' THEN 3 WHEN 'caps' THEN 4 "
                          "  WHEN 'shoe_covers' THEN 5 WHEN 'gloves' THEN 6 ELSE 7 END, "
                          "  i.name, m.occurred_on, m.id",
                          write_supply_row, error);
}

/* ---------------------------------------------------------------------- */
/* 消毒工作日志, 培训演练记录                                               */
/* ---------------------------------------------------------------------- */

static const PeriodColumn disinfection_columns[] = {
  { "日期时间", 16, PERIOD_DATETIME },
  { "区域", 16, PERIOD_TEXT },
  { "消毒剂及浓度", 18, PERIOD_TEXT },
  { "方式", 12, PERIOD_CENTER },
  { "消毒人", 9, PERIOD_CENTER },
  { "检查人", 9, PERIOD_CENTER },
  { "备注", 20, PERIOD_TEXT },
};

static void
write_disinfection_row (PeriodSheet  *sheet,
                        lxw_row_t     row,
                        sqlite3_stmt *stmt)
{
  period_cell_utc (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  for (lxw_col_t c = 1; c < G_N_ELEMENTS (disinfection_columns); c++)
    period_cell_text (sheet, row, c, COLUMN_TEXT (stmt, c));
}

gboolean
period_write_disinfection (PeriodContext  *ctx,
                           GError        **error)
{
  /* A sheet only when the log has lines in the period. */
  return stream_register (ctx, FALSE,
                          "SELECT EXISTS (SELECT 1 FROM disinfection WHERE done_on BETWEEN ?1 AND ?2)",
                          "消毒工作日志", disinfection_columns, G_N_ELEMENTS (disinfection_columns),
                          /* Translators: note under the title of the disinfection log */
                          _("Every disinfection of the period, in the order done."),
                          "SELECT done_at, place, agent, method, operator, checker, note FROM disinfection "
                          "WHERE done_on BETWEEN ?1 AND ?2 ORDER BY done_at, id",
                          write_disinfection_row, error);
}

static const PeriodColumn training_columns[] = {
  { "日期", 11, PERIOD_DATE },
  { "类型（培训/演练）", 9, PERIOD_CENTER },
  { "主题", 26, PERIOD_TEXT },
  { "参加人数", 8, PERIOD_NUMBER },
  { "参加人员", 30, PERIOD_TEXT },
  { "授课/组织人", 10, PERIOD_CENTER },
  { "备注", 20, PERIOD_TEXT },
};

static void
write_training_row (PeriodSheet  *sheet,
                    lxw_row_t     row,
                    sqlite3_stmt *stmt)
{
  gboolean drill = g_strcmp0 (COLUMN_TEXT (stmt, 1), "drill") == 0;

  period_cell_day (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  period_cell_text (sheet, row, 1, drill
                    /* Translators: kind of a session in the training register: 演练 */
                    ? C_("training kind", "Drill")
                    /* Translators: kind of a session in the training register: 培训 */
                    : C_("training kind", "Training"));
  period_cell_text (sheet, row, 2, COLUMN_TEXT (stmt, 2));
  period_cell_number (sheet, row, 3, sqlite3_column_int (stmt, 3));
  period_cell_text (sheet, row, 4, COLUMN_TEXT (stmt, 4));
  period_cell_text (sheet, row, 5, COLUMN_TEXT (stmt, 5));
  period_cell_text (sheet, row, 6, COLUMN_TEXT (stmt, 6));
}

gboolean
period_write_training (PeriodContext  *ctx,
                       GError        **error)
{
  return stream_register (ctx, FALSE,
                          "SELECT EXISTS (SELECT 1 FROM training WHERE held_on BETWEEN ?1 AND ?2)",
                          "培训演练记录", training_columns, G_N_ELEMENTS (training_columns),
                          /* Translators: note under the title of the training register */
                          _("Every training session and drill of the period."),
                          "SELECT held_on, kind, topic, attendees, attendee_names, trainer, note FROM training "
                          "WHERE held_on BETWEEN ?1 AND ?2 ORDER BY held_on, id",
                          write_training_row, error);
}

/* ---------------------------------------------------------------------- */
/* 治丧登记, 吊唁人员登记表                                                 */
/* ---------------------------------------------------------------------- */

#define SERVICES_IN_PERIOD \
  "FROM service s WHERE ?1 <= ?2 AND s.started_at < ?4 AND (s.ended_at IS NULL OR s.ended_at >= ?3) "

gboolean
period_funeral_wanted (PeriodContext  *ctx,
                       gboolean       *wanted,
                       GError        **error)
{
  return sheet_wanted (ctx, (ctx->module->pages & CG_PAGE_SERVICES) != 0,
                       "SELECT EXISTS (SELECT 1 " SERVICES_IN_PERIOD ")", wanted, error);
}

/* 治丧天数: "3 d 0 h 01 min" */
static char *
period_mourning_length (gint64 minutes)
{
  /* Translators: the length of a mourning period (治丧天数), days, hours
   * and minutes: "3天0小时01分" */
  return g_strdup_printf (_("%1$d d %2$d h %3$02d min"), (int) (minutes / 1440),
                          (int) (minutes / 60 % 24), (int) (minutes % 60));
}

static const PeriodColumn service_columns[] = {
  { "逝者姓名", 9, PERIOD_CENTER },
  { "身份证号（脱敏）", 20, PERIOD_CENTER },
  { "家属联系人", 9, PERIOD_CENTER },
  { "电话", 13, PERIOD_CENTER },
  { "灵堂", 10, PERIOD_CENTER },
  { "开始时间", 16, PERIOD_DATETIME },
  { "计划结束", 16, PERIOD_DATETIME },
  { "实际结束", 16, PERIOD_DATETIME },
  { "治丧天数", 14, PERIOD_CENTER },
  { "是否超时", 8, PERIOD_CENTER },
  { "新冠情况", 8, PERIOD_CENTER },
};

static void
write_service_row (PeriodSheet  *sheet,
                   lxw_row_t     row,
                   sqlite3_stmt *stmt)
{
  PeriodContext *ctx = sheet->ctx;
  int covid = cg_covid_status_from_string (COLUMN_TEXT (stmt, 8));
  CgService service = { 0 };
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *length = NULL;
  const char *until;

  period_cell_text (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  cell_masked (sheet, row, 1, COLUMN_TEXT (stmt, 1));
  period_cell_text (sheet, row, 2, COLUMN_TEXT (stmt, 2));
  period_cell_text (sheet, row, 3, COLUMN_TEXT (stmt, 3));
  period_cell_text (sheet, row, 4, COLUMN_TEXT (stmt, 4));
  period_cell_utc (sheet, row, 5, COLUMN_TEXT (stmt, 5));
  period_cell_utc (sheet, row, 6, COLUMN_TEXT (stmt, 6));
  period_cell_utc (sheet, row, 7, COLUMN_TEXT (stmt, 7));
  if (covid > CG_COVID_NONE)
    {
      /* No mourning period (FH-7). */
      period_cell_text (sheet, row, 8, "—");
      period_cell_text (sheet, row, 9, "—");
      period_cell_alert (sheet, row, 10, cg_covid_status_label (covid));
      return;
    }

  /* 治丧天数 up to the end, or up to the period's end (or now) while in
   * progress; 是否超时 judged at the same moment as FH-5 would. */
  service.started_at = (char *) COLUMN_TEXT (stmt, 5);
  service.ended_at = (char *) COLUMN_TEXT (stmt, 7);
  service.covid = CG_COVID_NONE;
  until = service.ended_at != NULL && strcmp (service.ended_at, ctx->judged_at) < 0
          ? service.ended_at : ctx->judged_at;
  start = g_date_time_new_from_iso8601 (service.started_at, NULL);
  end = g_date_time_new_from_iso8601 (until, NULL);
  if (start != NULL && end != NULL && g_date_time_compare (end, start) > 0)
    length = period_mourning_length (g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE);
  period_cell_text (sheet, row, 8, length);
  if (start != NULL && end != NULL && g_date_time_compare (end, start) > 0
      && cg_service_mourning_state (ctx->policy, ctx->area_risk, &service, ctx->judged_at, NULL)
         == CG_MOURNING_OVER)
    period_cell_alert (sheet, row, 9, period_yes_no (TRUE));
  else
    period_cell_text (sheet, row, 9, period_yes_no (FALSE));
  period_cell_text (sheet, row, 10, cg_covid_status_label (CG_COVID_NONE));
}

gboolean
period_write_services (PeriodContext  *ctx,
                       GError        **error)
{
  gboolean wanted;

  if (!period_funeral_wanted (ctx, &wanted, error))
    return FALSE;
  if (!wanted)
    return TRUE;
  return stream_sheet (ctx, "治丧登记", service_columns, G_N_ELEMENTS (service_columns),
                       /* Translators: note under the title of the funeral service register */
                       _("Every service that overlaps the period, in the order of its start; an empty end: still in progress. The mourning period is counted to the end, or to the end of the period (FH-5); COVID-19 remains have none (FH-7)."),
                       "SELECT s.deceased_name, s.deceased_id_number, s.family_contact, s.phone, s.hall, "
                       "       s.started_at, s.planned_end_at, s.ended_at, s.covid "
                       SERVICES_IN_PERIOD
                       "ORDER BY s.started_at, s.id",
                       write_service_row, error);
}

static const PeriodColumn mourner_columns[] = {
  { "逝者", 9, PERIOD_CENTER },
  { "来宾姓名", 9, PERIOD_CENTER },
  { "电话", 13, PERIOD_CENTER },
  { "体温", 6, PERIOD_TEMPERATURE },
  { "健康码", 8, PERIOD_CENTER },
  { "到达/离开", 24, PERIOD_CENTER },
  { "准入/劝返", 20, PERIOD_CENTER },
};

static void
write_mourner_row (PeriodSheet  *sheet,
                   lxw_row_t     row,
                   sqlite3_stmt *stmt)
{
  guint refusal = (guint) sqlite3_column_int (stmt, 6);
  g_autofree char *arrived = cg_datetime_utc_to_local (COLUMN_TEXT (stmt, 4));
  g_autofree char *left = sqlite3_column_type (stmt, 5) != SQLITE_NULL
                          ? cg_datetime_utc_to_local (COLUMN_TEXT (stmt, 5)) : NULL;
  g_autofree char *span = NULL;

  period_cell_text (sheet, row, 0, COLUMN_TEXT (stmt, 0));
  period_cell_text (sheet, row, 1, COLUMN_TEXT (stmt, 1));
  period_cell_text (sheet, row, 2, COLUMN_TEXT (stmt, 2));
  period_cell_temperature (sheet, row, 3, sqlite3_column_double (stmt, 3));
  period_cell_text (sheet, row, 4, health_code_label (COLUMN_TEXT (stmt, 7)));
  /* A departure on the day of arrival is its time only. */
  if (left != NULL && arrived != NULL && strncmp (left, arrived, 11) == 0 && strlen (left) > 11)
    memmove (left, left + 11, strlen (left + 11) + 1);
  if (refusal != 0 || left == NULL)
    span = g_strdup (arrived);
  else
    /* Translators: 到达/离开, e.g. "09:00 / 09:40" */
    span = g_strdup_printf (C_("mourner register", "%1$s / %2$s"), arrived != NULL ? arrived : "", left);
  period_cell_text (sheet, row, 5, span);
  if (refusal == 0)
    /* Translators: a mourner admitted: 准入 */
    period_cell_text (sheet, row, 6, C_("mourner register", "Admitted"));
  else
    {
      g_autofree char *reasons = cg_refusal_describe (refusal);
      /* Translators: a mourner turned away, with the reasons: 劝返（发热） */
      g_autofree char *decision = g_strdup_printf (C_("mourner register", "Turned away (%s)"), reasons);

      period_cell_alert (sheet, row, 6, decision);
    }
}

gboolean
period_write_mourners (PeriodContext  *ctx,
                       GError        **error)
{
  return stream_register (ctx, (ctx->module->pages & CG_PAGE_SERVICES) != 0,
                          "SELECT EXISTS (SELECT 1 FROM mourner WHERE arrived_on BETWEEN ?1 AND ?2)",
                          "吊唁人员登记表", mourner_columns, G_N_ELEMENTS (mourner_columns),
                          /* Translators: note under the title of the mourner register */
                          _("Every mourner registered in the period, admitted or turned away, in the order of arrival; an arrival alone: turned away, or no departure registered."),
                          "SELECT s.deceased_name, m.name, m.phone, m.temperature, m.arrived_at, m.left_at, "
                          "       m.refusal, m.health_code "
                          "FROM mourner m JOIN service s ON s.id = m.service_id "
                          "WHERE m.arrived_on BETWEEN ?1 AND ?2 ORDER BY m.arrived_at, m.id",
                          write_mourner_row, error);
}
