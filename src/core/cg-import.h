/* cg-import.h — registers imported from CSV, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

#define CG_IMPORT_ERROR (cg_import_error_quark ())

/* Why a whole file is refused (encoding and CSV syntax are CG_CSV_ERROR). */
typedef enum
{
  CG_IMPORT_ERROR_MISSING_COLUMN,    /* a required column is not in the first row */
  CG_IMPORT_ERROR_DUPLICATE_COLUMN,  /* two headers name the same column */
} CgImportError;

GQuark       cg_import_error_quark   (void);

typedef enum
{
  CG_REGISTER_PEOPLE,
  CG_REGISTER_TESTS,     /* nucleic-acid samples and results */
  CG_REGISTER_CHECKS,    /* daily temperature and symptom checks */
  CG_REGISTER_STOCK,     /* protective supplies: receipts, uses, counts */
  CG_REGISTER_VISITS,    /* the visitor register (ALL-4) */
  CG_REGISTER_ROOMS,     /* observation and isolation rooms (ALL-5) */
  CG_REGISTER_STAYS,     /* isolation observation stays (ALL-6, RS-2) */
  CG_REGISTER_DISINFECTIONS, /* the disinfection log (ALL-7, FH-4) */
  CG_REGISTER_SERVICES,  /* funeral services (FH-5, FH-7) */
  CG_REGISTER_MOURNERS,  /* the mourner register (FH-6) */
  CG_N_REGISTERS
} CgRegister;

/* "people" → CG_REGISTER_PEOPLE; -1 when unknown. */
int          cg_register_from_string (const char *word);
const char  *cg_register_to_string   (CgRegister reg);

typedef struct
{
  guint  line;     /* line of the file; 0 for the file as a whole */
  char  *column;   /* the header as written in the file, or NULL */
  char  *reason;   /* translated */
} CgImportProblem;

typedef struct _CgImport CgImport;

/* Reads, decodes and checks the whole file against @store (read-only).
 * Returns NULL with @error only when the file cannot be read at all
 * (encoding, syntax, missing required column); row problems are collected
 * in the result. */
CgImport    *cg_import_prepare       (CgStore    *store,
                                      CgRegister  reg,
                                      const char *data,
                                      gsize       len,
                                      GError    **error);
void         cg_import_free          (CgImport   *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgImport, cg_import_free)

const char  *cg_import_get_encoding  (CgImport   *import);
guint        cg_import_get_n_rows    (CgImport   *import);  /* data rows read */
guint        cg_import_get_n_new     (CgImport   *import);  /* rows that add a record */
guint        cg_import_get_n_updated (CgImport   *import);  /* rows that update one */
guint        cg_import_get_n_bad_rows (CgImport  *import);  /* rows with a problem */
/* Array of CgImportProblem*; empty when every row is good. */
GPtrArray   *cg_import_get_problems  (CgImport   *import);
/* Header names the file had that no column matches. */
GPtrArray   *cg_import_get_unknown_columns (CgImport *import);
/* For a preview: the canonical column titles (translated) and, per good
 * row, the cells in that order (GPtrArray of GStrv). */
GStrv        cg_import_get_preview_titles (CgImport *import);
GPtrArray   *cg_import_get_preview_rows   (CgImport *import);

/* Writes every row in one transaction; refuses (CG_STORE_ERROR_INVALID)
 * when there is any problem, so that nothing is stored half-way. */
gboolean     cg_import_commit        (CgImport   *import,
                                      CgStore    *store,
                                      const char *who,
                                      GError    **error);

/* One-line report of the problems ("line 4, 身份证号: …\n" per problem). */
char        *cg_import_format_problems (CgImport *import);

/* An empty template: the header row, English or Chinese titles, UTF-8 with BOM
 * (so that Excel opens it right). */
char        *cg_import_template      (CgRegister  reg,
                                      gboolean    chinese,
                                      gsize      *len_out);

G_END_DECLS
