/* cg-import-private.h — what the register files share with cg-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A register is a table of column specs (the English and Chinese headers
 * of interfaces.md) and a row handler that turns the cells of one row into
 * a record ready to write, or reports what is wrong with it.  Each register
 * lives in its own file (cg-import-people.c, cg-import-health.c …) and is
 * listed in the `registers` table of cg-import.c.
 */
#pragma once

#include "cg-import.h"
#include "cg-institution.h"
#include "cg-policy.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;      /* English header: the contract of interfaces.md */
  const char *chinese;   /* Chinese header: the contract too, not a translation */
  const char *title;     /* N_(): the column title of the preview */
  gboolean    required;
} CgColumnSpec;

typedef struct _CgImportRow CgImportRow;

typedef struct
{
  const char         *word;           /* the command word, "people" */
  const char         *table;          /* what changes, for CgStore::changed */
  const CgColumnSpec *columns;
  guint               n_columns;
  /* Optional: what every row of one file shares (a policy …), made once
   * before the first row is checked; NULL with @error when it cannot be
   * made.  NULL for a register that needs nothing. */
  gpointer          (*new_context)    (CgStore      *store,
                                       GError      **error);
  GDestroyNotify      free_context;
  /* Checks one row.  Returns the record to write, or NULL after reporting
   * each problem with cg_import_row_problem().  Sets *is_update and
   * *preview (the cells in column order) for a good row. */
  gpointer          (*check_row)      (CgImportRow  *row,
                                       gboolean     *is_update,
                                       GStrv        *preview);
  /* Writes one record inside the transaction cg_import_commit() holds. */
  gboolean          (*write_record)   (CgStore      *store,
                                       gpointer      context,
                                       gpointer      record,
                                       const char   *who,
                                       GError      **error);
  GDestroyNotify      free_record;
} CgRegisterSpec;

struct _CgImportRow
{
  CgImport    *import;
  CgStore     *store;
  gpointer     context;   /* from the spec's new_context, or NULL */
  guint        line;
  const char **cells;     /* per spec column, trimmed; "" when empty or absent */
  gboolean     bad;
};

extern const CgRegisterSpec cg_import_people_register;
extern const CgRegisterSpec cg_import_tests_register;
extern const CgRegisterSpec cg_import_checks_register;
extern const CgRegisterSpec cg_import_stock_register;
extern const CgRegisterSpec cg_import_visits_register;   /* cg-import-visits.c */
extern const CgRegisterSpec cg_import_rooms_register;    /* cg-import-rooms.c */
extern const CgRegisterSpec cg_import_stays_register;    /* cg-import-rooms.c */
extern const CgRegisterSpec cg_import_disinfections_register; /* cg-import-disinfections.c */
extern const CgRegisterSpec cg_import_services_register; /* cg-import-services.c */
extern const CgRegisterSpec cg_import_mourners_register; /* cg-import-services.c */

/* Reports a problem of this row.  The column (an index in the spec, -1 for
 * the row as a whole) is named as the file writes it, so that the user
 * finds it in their own spreadsheet. */
void         cg_import_row_problem    (CgImportRow *row,
                                       int          column,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (3, 4);

static inline const char *
cg_import_row_cell (CgImportRow *row,
                    int          column)
{
  return row->cells[column];
}

/* Whether the file has this column at all (a blank cell is not absent). */
gboolean     cg_import_row_has_column (CgImportRow *row,
                                       int          column);

/* Remembers @key for this file; FALSE (with the first line) when a row
 * before this one already had it. */
gboolean     cg_import_row_claim_key  (CgImportRow *row,
                                       const char  *key,
                                       guint       *first_line);

/* "“…” is not a date: write it as …" */
void         cg_import_row_bad_date   (CgImportRow *row,
                                       int          column,
                                       const char  *text);

/* A local "YYYY-MM-DD HH:MM" cell as UTC ISO-8601, or NULL after
 * reporting why not: a date without its time, not a date and time, or
 * later than now by more than @tolerance. */
char        *cg_import_row_time       (CgImportRow *row,
                                       int          column,
                                       GTimeSpan    tolerance);
/* Reports a cell longer than @max characters. */
void         cg_import_row_check_length (CgImportRow *row,
                                       int          column,
                                       glong        max);

/* The policy the forms apply (the documents' values for the stored
 * institution's kind, or @fallback's, and its changes), for a register's
 * context; in *@risk (may be NULL) the area risk. */
CgPolicy    *cg_import_load_policy    (CgStore           *store,
                                       CgInstitutionKind  fallback,
                                       CgRiskLevel       *risk,
                                       GError           **error);

G_END_DECLS
