/* cg-csv.h — reading the CSV files that Excel and WPS save (libcsv)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_CSV_ERROR (cg_csv_error_quark ())

typedef enum
{
  CG_CSV_ERROR_ENCODING,   /* neither UTF-8 nor GB18030 */
  CG_CSV_ERROR_SYNTAX,     /* e.g. an unterminated quote */
  CG_CSV_ERROR_EMPTY,      /* no header row */
} CgCsvError;

GQuark      cg_csv_error_quark   (void);

/* Decodes @data: valid UTF-8 (BOM stripped) is kept, anything else is
 * converted from GB18030.  @encoding_out (optional) is "UTF-8" or
 * "GB18030".  The error names the line where the bytes stop making sense. */
char       *cg_csv_decode        (const char *data,
                                  gsize       len,
                                  const char **encoding_out,
                                  GError    **error);

typedef struct
{
  guint      line;     /* 1-based line of the file where the record starts */
  GPtrArray *fields;   /* char*, UTF-8 */
} CgCsvRecord;

/* Parses decoded UTF-8 text into records (GPtrArray of CgCsvRecord*,
 * freed with the array).  Blank lines are skipped. */
GPtrArray  *cg_csv_parse         (const char *text,
                                  GError    **error);

/* Writes one CSV line (with CRLF) quoting as needed. */
void        cg_csv_append_row    (GString    *out,
                                  const char * const *fields,
                                  guint       n_fields);

G_END_DECLS
