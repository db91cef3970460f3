/* cg-period-private.h — what the sheets of the period workbook share
 *
 * cg-period-report.c writes the workbook and the health registers,
 * cg-period-summary.c the summary, cg-period-registers.c the other
 * registers, cg-period-sheet.c the sheet layer they share.  Every sheet is
 * a table: a title, a note, the form's header row, then one row per
 * register line, streamed (the workbook is in constant-memory mode, so
 * rows go in order and are never revisited).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "cg-institution.h"
#include "cg-module.h"
#include "cg-period-report.h"

G_BEGIN_DECLS

/* Rows above the data: the title, the note, the header. */
#define PERIOD_HEADER_ROWS 3

typedef enum
{
  PERIOD_TEXT,          /* left-aligned text */
  PERIOD_CENTER,        /* short text, centred */
  PERIOD_NUMBER,        /* whole number */
  PERIOD_TEMPERATURE,   /* one decimal */
  PERIOD_DATE,          /* yyyy-mm-dd */
  PERIOD_DATETIME,      /* yyyy-mm-dd hh:mm, local time */
} PeriodColumnKind;

typedef struct
{
  const char       *header;   /* the form's Chinese header: never translated */
  double            width;    /* in character units */
  PeriodColumnKind  kind;
} PeriodColumn;

typedef struct
{
  lxw_format *title;
  lxw_format *note;
  lxw_format *header;
  lxw_format *text;
  lxw_format *center;
  lxw_format *number;
  lxw_format *temperature;
  lxw_format *fever;          /* a temperature in a fever band */
  lxw_format *date;
  lxw_format *datetime;
  lxw_format *alert;          /* centred text that needs attention (劝返, 逾期 …) */
} PeriodFormats;

typedef struct
{
  CgStore              *store;
  const CgPolicy       *policy;
  const CgModule       *module;
  CgInstitution        *inst;
  GDate                 from;
  GDate                 to;
  guint                 n_days;
  char                 *first;        /* YYYY-MM-DD */
  char                 *last;
  char                 *start_utc;    /* the first day's 00:00 local, in UTC */
  char                 *end_utc;      /* the day after the last, 00:00 local, in UTC */
  char                 *written;      /* local "YYYY-MM-DD HH:MM" */
  char                 *judged_at;    /* UTC: end_utc, or now when earlier (FH-5) */
  int                   area_risk;    /* CgRiskLevel of the institution's area (FH-5) */
  lxw_workbook         *wb;
  PeriodFormats         f;
  GCancellable         *cancellable;
  guint                 rows_per_sheet;
  CgPeriodProgressFunc  progress;
  gpointer              progress_data;
  gint64                rows_expected;
  gint64                rows_done;
  double                last_fraction;
} PeriodContext;

typedef struct
{
  PeriodContext      *ctx;
  lxw_worksheet      *ws;
  const char         *name;       /* the sheet's name: the form's */
  char               *title;
  char               *note;
  const PeriodColumn *columns;
  guint               n_columns;
  guint               part;       /* 1, then 2 … when a sheet is full */
  lxw_row_t           row;        /* the next row to write */
  guint               data_rows;  /* data rows in this part */
  guint               total_rows; /* data rows in all parts */
  lxw_error           error;
} PeriodSheet;

/* Sheets and rows (cg-period-sheet.c) */
void      period_formats_init   (PeriodFormats       *f,
                                 lxw_workbook        *wb);
/* Keeps the first libxlsxwriter error of the sheet. */
void      period_sheet_check    (PeriodSheet         *sheet,
                                 lxw_error            error);
gboolean  period_sheet_begin    (PeriodSheet         *sheet,
                                 PeriodContext       *ctx,
                                 const char          *name,
                                 const PeriodColumn  *columns,
                                 guint                n_columns,
                                 const char          *note,
                                 GError             **error);
/* The row to write next; a full sheet goes on in "name (2)".  Checks the
 * cancellable now and then: FALSE with the error then. */
gboolean  period_sheet_next_row (PeriodSheet         *sheet,
                                 lxw_row_t           *row,
                                 GError             **error);
/* Ends the sheet (freeze panes, filter, page set-up); a sheet with no row
 * says so.  FALSE when libxlsxwriter failed. */
gboolean  period_sheet_end      (PeriodSheet         *sheet,
                                 GError             **error);

void      period_cell_text      (PeriodSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text);
void      period_cell_alert     (PeriodSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text);
/* Centred text in any column ("—" in a column of numbers). */
void      period_cell_center    (PeriodSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text);
void      period_cell_number    (PeriodSheet *sheet, lxw_row_t row, lxw_col_t col, double value);
void      period_cell_temperature (PeriodSheet *sheet, lxw_row_t row, lxw_col_t col, double value);
/* YYYY-MM-DD → a date cell; NULL or "" → an empty cell. */
void      period_cell_day       (PeriodSheet *sheet, lxw_row_t row, lxw_col_t col, const char *day);
/* UTC ISO-8601 → a local date and time; NULL → an empty cell. */
void      period_cell_utc       (PeriodSheet *sheet, lxw_row_t row, lxw_col_t col, const char *utc);

/* An SQLite error of a register query. */
gboolean  period_step_failed    (PeriodContext *ctx,
                                 int            rc,
                                 GError       **error);

/* "Yes" / "No" as the forms write them. */
const char *period_yes_no       (gboolean yes);

/* The sheets */
gboolean  period_write_summary       (PeriodContext *ctx, GError **error);   /* cg-period-summary.c */
/* cg-period-registers.c */
gboolean  period_count_rows     (PeriodContext *ctx,
                                 const char    *sql,
                                 gint64        *count,
                                 GError       **error);
gboolean  period_write_visits        (PeriodContext *ctx, GError **error);
gboolean  period_write_isolation     (PeriodContext *ctx, GError **error);
gboolean  period_write_screening     (PeriodContext *ctx, GError **error);
gboolean  period_write_supplies      (PeriodContext *ctx, GError **error);
gboolean  period_write_disinfection  (PeriodContext *ctx, GError **error);
gboolean  period_write_training      (PeriodContext *ctx, GError **error);
gboolean  period_write_services      (PeriodContext *ctx, GError **error);
gboolean  period_write_mourners      (PeriodContext *ctx, GError **error);
/* Whether the period workbook has a funeral home's registers: the
 * institution keeps them, or services overlap the period anyway. */
gboolean  period_funeral_wanted      (PeriodContext *ctx,
                                      gboolean      *wanted,
                                      GError       **error);

G_END_DECLS
