/* cg-register-sheets.h — the registers of the day in the daily report:
 * 访客登记表, 隔离观察登记, 救助站进站人员健康筛查登记表
 *
 * The sheet layer (formats, column widths, row heights, the A4 page) is
 * cg-daily-report.c's; these sheets share it so that every sheet of the
 * workbook looks and prints alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "cg-institution.h"
#include "cg-policy.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_SHEET_FONT_SIZE    10.0
#define CG_SHEET_LINE_HEIGHT  14.0   /* points per line of text, CJK fonts included */

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *header;
  lxw_format *text;
  lxw_format *center;
  lxw_format *number;
  lxw_format *temperature;
  lxw_format *note;
  lxw_format *section;
  lxw_format *label;
  lxw_format *zero;
  lxw_format *not_zero;
  lxw_format *warning;       /* a cell to notice: a refusal, a fever */
} CgSheetFormats;

/* The formats of the workbook @wb (cg-sheet.c). */
void        cg_sheet_formats_init (CgSheetFormats   *f,
                                   lxw_workbook     *wb);

/* One sheet being written: its column widths (in character units, as
 * Excel counts them) let each row get the height its wrapped text needs,
 * which neither Excel nor LibreOffice work out for merged cells. */
typedef struct
{
  lxw_worksheet *ws;
  double        *widths;
  lxw_col_t      n_cols;
  double         lines;
  lxw_error      error;
} CgSheet;

/* In cg-daily-report.c. */
double      cg_sheet_text_units  (const char          *text);
void        cg_sheet_fit_widths  (double              *widths,
                                  guint                n_cols,
                                  const char * const  *headers,
                                  const char * const  *values,
                                  double               cap);
void        cg_sheet_set_widths  (CgSheet             *sheet);
void        cg_sheet_text        (CgSheet             *sheet,
                                  lxw_row_t            row,
                                  lxw_col_t            first,
                                  lxw_col_t            last,
                                  const char          *text,
                                  lxw_format          *format);
void        cg_sheet_number      (CgSheet             *sheet,
                                  lxw_row_t            row,
                                  lxw_col_t            col,
                                  double               value,
                                  lxw_format          *format);
void        cg_sheet_row_done    (CgSheet             *sheet,
                                  lxw_row_t            row,
                                  double               line_height);
/* A4 landscape, one page wide, rows 0…@repeat_last repeated on each
 * page, the institution and @title in the page header. */
/* A register sheet: the title, a note and the header row (returns the
 * first row of the table); at its end "None" when @empty, the header
 * frozen and the page set up. */
lxw_row_t   cg_sheet_begin_register (CgSheet           *sheet,
                                  const CgSheetFormats *f,
                                  const char * const   *headers,
                                  const char           *title,
                                  const char           *note);
lxw_error   cg_sheet_end_register (CgSheet             *sheet,
                                  const CgSheetFormats *f,
                                  const CgInstitution  *inst,
                                  const char           *title,
                                  lxw_row_t             row,
                                  gboolean              empty);
void        cg_sheet_set_page    (lxw_worksheet       *ws,
                                  const char          *institution,
                                  const char          *title,
                                  lxw_row_t            repeat_last);

/* The registers of one day, as the report needs them. */
typedef struct _CgRegisterDay CgRegisterDay;

/* Loads the visits registered on @date (when ALL-4 applies), the stays
 * open at some time that day (ALL-5) and the entry screenings of the day
 * (RS-1 or ALL-6). */
CgRegisterDay *cg_register_day_load (CgStore        *store,
                                     const CgPolicy *policy,
                                     const GDate    *date,
                                     GError        **error);
void        cg_register_day_free     (CgRegisterDay *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgRegisterDay, cg_register_day_free)

/* 访客人数（登记/劝返）: visits registered that day, refused among them;
 * FALSE when the institution keeps no visitor register (ALL-4). */
gboolean    cg_register_day_visitors (const CgRegisterDay *day,
                                      int                 *registered,
                                      int                 *refused);
/* 隔离观察人数: people in an observation or isolation stay at some time
 * that day; -1 when the institution keeps no rooms (ALL-5). */
int         cg_register_day_isolated (const CgRegisterDay *day);

/* Entry screenings that day, and the person one of them screened (0
 * when it is not of that day). */
guint       cg_register_day_screening_count  (const CgRegisterDay *day);
gint64      cg_register_day_screening_person (const CgRegisterDay *day,
                                              gint64               screening_id);

/* The person of a stay open at some time that day, 0 when none. */
gint64      cg_register_day_stay_person      (const CgRegisterDay *day,
                                              gint64               stay_id);

/* A health event found at an entry screening that day (RS-3, ALL-2): a
 * temperature in a fever band, or a suspicious symptom. */
typedef struct
{
  gint64      screening_id;
  gint64      person_id;
  const char *name;
  const char *id_number;
  double      temperature;
  gboolean    fever;
  guint       symptoms;
  char       *action;      /* translated: room, 120 call, report */
} CgScreeningEvent;

/* The screening events of the day, in the order of the screenings;
 * CgScreeningEvent*, owned by @day. */
GPtrArray  *cg_register_day_screening_events (const CgRegisterDay *day);

/* The sheets; those the institution type has no register for are not
 * added. */
lxw_error   cg_register_write_sheets (lxw_workbook         *wb,
                                      const CgSheetFormats *f,
                                      const CgInstitution  *inst,
                                      const CgPolicy       *policy,
                                      const CgRegisterDay  *day);

G_END_DECLS
