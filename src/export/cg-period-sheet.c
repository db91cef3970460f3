/* cg-period-sheet.c — the sheets of the period workbook: formats, cells,
 * the title, note and header rows, the A4 page, and a sheet going on in
 * "name (2)" when it is full
 *
 * The look is the daily report's (cg-daily-report.c): thin borders, a
 * shaded bold header row, centred short values, dates as dates; the font
 * is the one of the bureau's forms in every UI language, as the headers
 * are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-period-private.h"

/* How often a long sheet looks at the cancellable and reports progress. */
#define ROWS_PER_CHECK   2048
/* The font of the bureau's forms, whatever the UI language. */
#define FORM_FONT        "宋体"
#define FONT_SIZE        10.0

static lxw_format *
new_format (lxw_workbook *wb,
            double        size,
            gboolean      bold,
            gboolean      border,
            uint8_t       align)
{
  lxw_format *format = workbook_add_format (wb);

  format_set_font_name (format, FORM_FONT);
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

void
period_formats_init (PeriodFormats *f,
                     lxw_workbook  *wb)
{
  f->title = new_format (wb, 14.0, TRUE, FALSE, LXW_ALIGN_CENTER);
  f->note = new_format (wb, 9.0, FALSE, FALSE, LXW_ALIGN_LEFT);
  format_set_text_wrap (f->note);
  format_set_italic (f->note);
  format_set_font_color (f->note, 0x595959);
  f->header = new_format (wb, FONT_SIZE, TRUE, TRUE, LXW_ALIGN_CENTER);
  format_set_bg_color (f->header, 0xD9E1F2);
  format_set_text_wrap (f->header);
  f->text = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_LEFT);
  format_set_indent (f->text, 1);
  f->center = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  f->number = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (f->number, "0");
  f->temperature = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (f->temperature, "0.0");
  f->fever = new_format (wb, FONT_SIZE, TRUE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (f->fever, "0.0");
  format_set_font_color (f->fever, 0xC00000);
  f->date = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (f->date, "yyyy-mm-dd");
  f->datetime = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (f->datetime, "yyyy-mm-dd hh:mm");
  f->alert = new_format (wb, FONT_SIZE, TRUE, TRUE, LXW_ALIGN_CENTER);
  format_set_font_color (f->alert, 0xC00000);
}

void
period_sheet_check (PeriodSheet *sheet,
                    lxw_error    error)
{
  if (sheet->error == LXW_NO_ERROR)
    sheet->error = error;
}

static lxw_format *
column_format (PeriodSheet *sheet,
               lxw_col_t    col)
{
  const PeriodFormats *f = &sheet->ctx->f;

  switch (sheet->columns[col].kind)
    {
    case PERIOD_TEXT: return f->text;
    case PERIOD_CENTER: return f->center;
    case PERIOD_NUMBER: return f->number;
    case PERIOD_TEMPERATURE: return f->temperature;
    case PERIOD_DATE: return f->date;
    case PERIOD_DATETIME: return f->datetime;
    default: return f->text;
    }
}

void
period_cell_text (PeriodSheet *sheet,
                  lxw_row_t    row,
                  lxw_col_t    col,
                  const char  *text)
{
  lxw_format *format = column_format (sheet, col);

  if (text == NULL || *text == '\0')
    period_sheet_check (sheet, worksheet_write_blank (sheet->ws, row, col, format));
  else
    period_sheet_check (sheet, worksheet_write_string (sheet->ws, row, col, text, format));
}

void
period_cell_alert (PeriodSheet *sheet,
                   lxw_row_t    row,
                   lxw_col_t    col,
                   const char  *text)
{
  period_sheet_check (sheet, worksheet_write_string (sheet->ws, row, col, text, sheet->ctx->f.alert));
}

void
period_cell_center (PeriodSheet *sheet,
                    lxw_row_t    row,
                    lxw_col_t    col,
                    const char  *text)
{
  period_sheet_check (sheet, worksheet_write_string (sheet->ws, row, col, text, sheet->ctx->f.center));
}

void
period_cell_number (PeriodSheet *sheet,
                    lxw_row_t    row,
                    lxw_col_t    col,
                    double       value)
{
  period_sheet_check (sheet, worksheet_write_number (sheet->ws, row, col, value, sheet->ctx->f.number));
}

void
period_cell_temperature (PeriodSheet *sheet,
                         lxw_row_t    row,
                         lxw_col_t    col,
                         double       value)
{
  CgTempBand band = cg_temperature_band (sheet->ctx->policy, value);
  lxw_format *format = cg_temperature_band_is_fever (band) ? sheet->ctx->f.fever
                                                           : sheet->ctx->f.temperature;

  period_sheet_check (sheet, worksheet_write_number (sheet->ws, row, col, round (value * 10.0) / 10.0, format));
}

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" */
static gboolean
parse_local (const char   *text,
             lxw_datetime *out)
{
  memset (out, 0, sizeof *out);
  if (text == NULL)
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d %2d:%2d", &out->year, &out->month, &out->day,
              &out->hour, &out->min) >= 3)
    return out->year >= 1900 && out->month >= 1 && out->month <= 12 && out->day >= 1;
  return FALSE;
}

void
period_cell_day (PeriodSheet *sheet,
                 lxw_row_t    row,
                 lxw_col_t    col,
                 const char  *day)
{
  lxw_datetime dt;

  if (!parse_local (day, &dt))
    {
      period_cell_text (sheet, row, col, day);
      return;
    }
  dt.hour = dt.min = 0;
  period_sheet_check (sheet, worksheet_write_datetime (sheet->ws, row, col, &dt, sheet->ctx->f.date));
}

void
period_cell_utc (PeriodSheet *sheet,
                 lxw_row_t    row,
                 lxw_col_t    col,
                 const char  *utc)
{
  g_autofree char *local = utc != NULL ? cg_datetime_utc_to_local (utc) : NULL;
  lxw_datetime dt;

  if (!parse_local (local, &dt))
    {
      period_cell_text (sheet, row, col, local != NULL ? local : utc);
      return;
    }
  period_sheet_check (sheet, worksheet_write_datetime (sheet->ws, row, col, &dt, sheet->ctx->f.datetime));
}

const char *
period_yes_no (gboolean yes)
{
  /* Translators: answer in a register column: 是 / 否 */
  return yes ? _("Yes") : _("No");
}

gboolean
period_step_failed (PeriodContext *ctx,
                    int            rc,
                    GError       **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  cg_store_set_error (ctx->store, error, rc);
  return TRUE;
}

gboolean
period_count_rows (PeriodContext *ctx,
                   const char    *sql,
                   gint64        *count,
                   GError       **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (ctx->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Every count query takes the period as ?1 … ?2 (days) and ?3 … ?4 (UTC). */
  cg_bind_text (stmt, 1, ctx->first);
  cg_bind_text (stmt, 2, ctx->last);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    {
      cg_bind_text (stmt, 3, ctx->start_utc);
      cg_bind_text (stmt, 4, ctx->end_utc);
    }
  rc = sqlite3_step (stmt);
  *count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (ctx->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Excel reads & as the start of a header code. */
static char *
escape_header (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "&", -1);

  return g_strjoinv ("&&", parts);
}

static void
set_page (lxw_worksheet *ws,
          const char    *institution,
          const char    *title)
{
  g_autofree char *inst = escape_header (institution);
  g_autofree char *what = escape_header (title);
  /* The space ends the font size: "&9" before a digit would read as one number. */
  g_autofree char *header = g_strdup_printf ("&L&9 %s&R&9 %s", inst, what);
  /* Translators: page footer of printed workbooks; keep &P (this page)
   * and &N (number of pages) as they are. */
  g_autofree char *footer = g_strdup_printf ("&C&9 %s", _("Page &P of &N"));

  worksheet_set_paper (ws, 9);   /* A4 */
  worksheet_set_landscape (ws);
  /* As wide as a page, as many pages long as it takes. */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally (ws);
  worksheet_repeat_rows (ws, PERIOD_HEADER_ROWS - 1, PERIOD_HEADER_ROWS - 1);
  if (worksheet_set_header (ws, header) != LXW_NO_ERROR)
    worksheet_set_header (ws, "");
  worksheet_set_footer (ws, footer);
}

/* Lines a header needs in its column (two units per CJK character). */
static int
header_lines (const char *text,
              double      width)
{
  double units = 0.0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += g_unichar_iswide (g_utf8_get_char (p)) ? 2.0 : 1.0;
  return MAX (1, (int) ceil (units * 1.1 / MAX (width - 1.0, 1.0)));
}

static void
sheet_start_part (PeriodSheet *sheet)
{
  PeriodContext *ctx = sheet->ctx;
  g_autofree char *name = NULL;
  double total_width = 0.0;
  int lines = 1;

  name = sheet->part == 1 ? g_strdup (sheet->name)
                          : g_strdup_printf ("%s (%u)", sheet->name, sheet->part);
  sheet->ws = workbook_add_worksheet (ctx->wb, name);
  if (sheet->ws == NULL)
    {
      period_sheet_check (sheet, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return;
    }
  sheet->row = 0;
  sheet->data_rows = 0;
  for (lxw_col_t c = 0; c < sheet->n_columns; c++)
    {
      period_sheet_check (sheet, worksheet_set_column (sheet->ws, c, c, sheet->columns[c].width, NULL));
      lines = MAX (lines, header_lines (sheet->columns[c].header, sheet->columns[c].width));
      total_width += sheet->columns[c].width;
    }

  if (sheet->n_columns > 1)
    period_sheet_check (sheet, worksheet_merge_range (sheet->ws, 0, 0, 0, sheet->n_columns - 1,
                                               sheet->title, ctx->f.title));
  else
    period_sheet_check (sheet, worksheet_write_string (sheet->ws, 0, 0, sheet->title, ctx->f.title));
  period_sheet_check (sheet, worksheet_set_row (sheet->ws, 0, 24.0, NULL));
  if (sheet->n_columns > 1)
    period_sheet_check (sheet, worksheet_merge_range (sheet->ws, 1, 0, 1, sheet->n_columns - 1,
                                               sheet->note, ctx->f.note));
  else
    period_sheet_check (sheet, worksheet_write_string (sheet->ws, 1, 0, sheet->note, ctx->f.note));
  /* The note wraps in the merged cell, which no spreadsheet sizes by itself. */
  period_sheet_check (sheet, worksheet_set_row (sheet->ws, 1, header_lines (sheet->note, total_width) * 12.0 + 3.0,
                                                NULL));
  for (lxw_col_t c = 0; c < sheet->n_columns; c++)
    period_sheet_check (sheet, worksheet_write_string (sheet->ws, 2, c, sheet->columns[c].header, ctx->f.header));
  period_sheet_check (sheet, worksheet_set_row (sheet->ws, 2, lines * 14.0 + 4.0, NULL));
  sheet->row = PERIOD_HEADER_ROWS;
}

static void
sheet_finish_part (PeriodSheet *sheet)
{
  PeriodContext *ctx = sheet->ctx;

  if (sheet->ws == NULL)
    return;
  if (sheet->total_rows == 0)
    {
      /* Translators: the only line of a register sheet with nothing in the period */
      const char *none = _("No records in this period.");

      if (sheet->n_columns > 1)
        period_sheet_check (sheet, worksheet_merge_range (sheet->ws, sheet->row, 0, sheet->row,
                                                   sheet->n_columns - 1, none, ctx->f.center));
      else
        period_sheet_check (sheet, worksheet_write_string (sheet->ws, sheet->row, 0, none, ctx->f.center));
    }
  else if (sheet->data_rows > 0)
    period_sheet_check (sheet, worksheet_autofilter (sheet->ws, PERIOD_HEADER_ROWS - 1, 0,
                                              sheet->row - 1, sheet->n_columns - 1));
  worksheet_freeze_panes (sheet->ws, PERIOD_HEADER_ROWS, 0);
  set_page (sheet->ws, ctx->inst->name, sheet->title);
}

static gboolean
report_progress (PeriodContext  *ctx,
                 gint64          rows,
                 GError        **error)
{
  ctx->rows_done += rows;
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (ctx->progress != NULL && ctx->rows_expected > 0)
    {
      double fraction = MIN (1.0, (double) ctx->rows_done / (double) ctx->rows_expected);

      if (fraction - ctx->last_fraction >= 0.005 || fraction >= 1.0)
        {
          ctx->last_fraction = fraction;
          ctx->progress (fraction, ctx->progress_data);
        }
    }
  return TRUE;
}

gboolean
period_sheet_begin (PeriodSheet         *sheet,
                    PeriodContext       *ctx,
                    const char          *name,
                    const PeriodColumn  *columns,
                    guint                n_columns,
                    const char          *note,
                    GError             **error)
{
  memset (sheet, 0, sizeof *sheet);
  sheet->ctx = ctx;
  sheet->name = name;
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->part = 1;
  /* The form's name, as the bureau's forms are titled. */
  sheet->title = g_strdup_printf ("%s %s（%s 至 %s）", ctx->inst->name, name, ctx->first, ctx->last);
  sheet->note = g_strdup (note);
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  sheet_start_part (sheet);
  return TRUE;
}

gboolean
period_sheet_next_row (PeriodSheet  *sheet,
                       lxw_row_t    *row,
                       GError      **error)
{
  if (sheet->data_rows > 0 && sheet->data_rows % ROWS_PER_CHECK == 0
      && !report_progress (sheet->ctx, ROWS_PER_CHECK, error))
    return FALSE;
  if (sheet->data_rows >= sheet->ctx->rows_per_sheet)
    {
      sheet_finish_part (sheet);
      sheet->part++;
      sheet_start_part (sheet);
    }
  *row = sheet->row++;
  sheet->data_rows++;
  sheet->total_rows++;
  return TRUE;
}

gboolean
period_sheet_end (PeriodSheet  *sheet,
                  GError      **error)
{
  gboolean ok;

  sheet_finish_part (sheet);
  ok = sheet->error == LXW_NO_ERROR;
  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 /* Translators: %s is a sheet of the workbook, %s what went wrong */
                 _("Cannot write the sheet “%s”: %s."), sheet->name, lxw_strerror (sheet->error));
  g_clear_pointer (&sheet->title, g_free);
  g_clear_pointer (&sheet->note, g_free);
  return ok && report_progress (sheet->ctx, sheet->data_rows % ROWS_PER_CHECK, error);
}
