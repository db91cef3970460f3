/* cg-sheet.c — the sheet layer of the daily report's workbook: text that
 * wraps and sets its row's height (CJK counted double), widths fitted to
 * the content, the formats, and the A4 landscape page with its header and
 * footer.  Used by cg-daily-report.c, cg-register-sheets.c and
 * cg-funeral-sheets.c (declared in cg-register-sheets.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "cg-register-sheets.h"

#define FONT_SIZE      CG_SHEET_FONT_SIZE
#define LINE_HEIGHT    CG_SHEET_LINE_HEIGHT

static void
sheet_check (CgSheet   *sheet,
             lxw_error  error)
{
  if (sheet->error == LXW_NO_ERROR)
    sheet->error = error;
}

/* How wide @text is, in units of one Latin digit: CJK characters take
 * two. */
double
cg_sheet_text_units (const char *text)
{
  double units = 0.0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      units += g_unichar_iswide (c) ? 2.0 : g_unichar_isupper (c) ? 1.2 : 1.0;
    }
  return units;
}

static double
lines_for (const char *text,
           double      width)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double usable = MAX (1.0, width - 1.0);
  double lines = 0.0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      double units = cg_sheet_text_units (paragraphs[i]);

      /* Word wrap leaves the end of a Latin line short: allow for it. */
      lines += units <= usable ? 1.0 : ceil (units * 1.1 / usable);
    }
  return MAX (1.0, lines);
}

/* The widest run that a line cannot be broken in: a Latin word or a date
 * (a break after the hyphen of "2021-11-" reads badly), or one CJK
 * character. */
static double
longest_word_units (const char *text)
{
  double longest = 0.0;
  double current = 0.0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iswide (c) || c == '/')
        {
          longest = MAX (longest, current);
          current = 0.0;
          if (g_unichar_iswide (c))
            longest = MAX (longest, 2.0);
          continue;
        }
      current += g_unichar_isupper (c) ? 1.2 : 1.0;
    }
  return MAX (longest, current);
}

/* Widens @widths so that no header word is broken (bold text is wider),
 * no header needs more than three lines, and each short value stays on
 * one line, up to @cap. */
void
cg_sheet_fit_widths (double             *widths,
                     guint               n_cols,
                     const char * const *headers,
                     const char * const *values,
                     double              cap)
{
  for (guint c = 0; c < n_cols; c++)
    {
      widths[c] = MAX (widths[c], longest_word_units (headers[c]) * 1.15 + 1.5);
      widths[c] = MAX (widths[c], ceil (cg_sheet_text_units (headers[c]) * 1.15 / 3.0) + 1.5);
      if (values != NULL && values[c] != NULL)
        widths[c] = MAX (widths[c], MIN (cg_sheet_text_units (values[c]) + 1.5, cap));
    }
}

void
cg_sheet_text (CgSheet     *sheet,
               lxw_row_t    row,
               lxw_col_t    first,
               lxw_col_t    last,
               const char  *text,
               lxw_format  *format)
{
  double width = 0.0;

  g_assert (last < sheet->n_cols);
  for (lxw_col_t c = first; c <= last; c++)
    width += sheet->widths[c];
  if (text == NULL)
    text = "";
  sheet->lines = MAX (sheet->lines, lines_for (text, width));
  if (first == last)
    sheet_check (sheet, worksheet_write_string (sheet->ws, row, first, text, format));
  else
    sheet_check (sheet, worksheet_merge_range (sheet->ws, row, first, row, last, text, format));
}

void
cg_sheet_number (CgSheet     *sheet,
                 lxw_row_t    row,
                 lxw_col_t    col,
                 double       value,
                 lxw_format  *format)
{
  sheet_check (sheet, worksheet_write_number (sheet->ws, row, col, value, format));
}

/* Ends a row: its height fits the tallest cell written in it. */
void
cg_sheet_row_done (CgSheet    *sheet,
                   lxw_row_t   row,
                   double      line_height)
{
  sheet_check (sheet, worksheet_set_row (sheet->ws, row, sheet->lines * line_height + 4.0, NULL));
  sheet->lines = 1.0;
}

static lxw_format *
new_format (lxw_workbook *wb,
            double        size,
            gboolean      bold,
            gboolean      border,
            uint8_t       align)
{
  lxw_format *format = workbook_add_format (wb);

  /* Translators: the font of exported workbooks, one that every office
   * computer has for your script (for zh_CN: 宋体). */
  format_set_font_name (format, _("Calibri"));
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (format);
  return format;
}

void
cg_sheet_formats_init (CgSheetFormats *f,
                       lxw_workbook   *wb)
{
  f->title = new_format (wb, 16.0, TRUE, FALSE, LXW_ALIGN_CENTER);
  f->subtitle = new_format (wb, 9.0, FALSE, FALSE, LXW_ALIGN_RIGHT);
  format_set_font_color (f->subtitle, 0x595959);
  f->header = new_format (wb, FONT_SIZE, TRUE, TRUE, LXW_ALIGN_CENTER);
  format_set_bg_color (f->header, 0xD9E1F2);
  f->text = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_LEFT);
  f->center = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  f->number = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (f->number, "0");
  f->temperature = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (f->temperature, "0.0");
  f->note = new_format (wb, 9.0, FALSE, FALSE, LXW_ALIGN_LEFT);
  format_set_italic (f->note);
  format_set_font_color (f->note, 0x595959);
  f->section = new_format (wb, 12.0, TRUE, FALSE, LXW_ALIGN_LEFT);
  format_set_bottom (f->section, LXW_BORDER_MEDIUM);
  f->label = new_format (wb, FONT_SIZE, TRUE, TRUE, LXW_ALIGN_LEFT);
  format_set_bg_color (f->label, 0xF2F2F2);
  f->zero = new_format (wb, 12.0, TRUE, TRUE, LXW_ALIGN_LEFT);
  format_set_bg_color (f->zero, 0xE2EFDA);
  format_set_font_color (f->zero, 0x375623);
  f->not_zero = new_format (wb, 12.0, TRUE, TRUE, LXW_ALIGN_LEFT);
  format_set_bg_color (f->not_zero, 0xFCE4D6);
  format_set_font_color (f->not_zero, 0xC00000);
  f->warning = new_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_font_color (f->warning, 0xC00000);
}

/* Excel reads & as the start of a header code. */
static char *
escape_header (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "&", -1);

  return g_strjoinv ("&&", parts);
}

void
cg_sheet_set_page (lxw_worksheet *ws,
                   const char    *institution,
                   const char    *title,
                   lxw_row_t      repeat_last)
{
  g_autofree char *inst = escape_header (institution);
  g_autofree char *what = escape_header (title);
  /* The space ends the font size: "&9" before "5号…" would read as 95. */
  g_autofree char *header = g_strdup_printf ("&L&9 %s&R&9 %s", inst, what);
  /* Translators: page footer of printed workbooks; keep &P (this page)
   * and &N (number of pages) as they are. */
  g_autofree char *footer = g_strdup_printf ("&C&9 %s", _("Page &P of &N"));

  worksheet_set_paper (ws, 9);   /* A4 */
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally (ws);
  worksheet_repeat_rows (ws, 0, repeat_last);
  /* Headers are limited to 255 characters: a very long name loses it. */
  if (worksheet_set_header (ws, header) != LXW_NO_ERROR)
    worksheet_set_header (ws, "");
  worksheet_set_footer (ws, footer);
}

void
cg_sheet_set_widths (CgSheet *sheet)
{
  for (lxw_col_t c = 0; c < sheet->n_cols; c++)
    sheet_check (sheet, worksheet_set_column (sheet->ws, c, c, sheet->widths[c], NULL));
}

/* A person's name and masked ID for an alert; NULL when the alert does not
 * concern someone present (then the subject says what it is). */
