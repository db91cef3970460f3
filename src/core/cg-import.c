/* cg-import.c — registers imported from CSV, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The machinery every register shares: decoding, headers, rows, problems,
 * the preview, the one transaction and the templates.  The registers
 * themselves (cg-import-private.h) are in cg-import-people.c and
 * cg-import-health.c; adding one is adding its spec to `registers`.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-csv.h"
#include "cg-date.h"
#include "cg-import-private.h"

G_DEFINE_QUARK (cg-import-error-quark, cg_import_error)

typedef struct
{
  guint    line;
  gpointer record;
} ImportRecord;

struct _CgImport
{
  const CgRegisterSpec *spec;
  const char           *encoding;
  gpointer              context;          /* spec->new_context, or NULL */
  guint                 n_rows;
  guint                 n_new;
  guint                 n_updated;
  guint                 n_bad_rows;
  GPtrArray            *problems;         /* CgImportProblem* */
  GPtrArray            *unknown_columns;  /* char* */
  GPtrArray            *headers;          /* char*, as written in the file */
  int                  *file_column;      /* per spec column: index in the file, or -1 */
  GArray               *records;          /* ImportRecord */
  GPtrArray            *preview_rows;     /* GStrv */
  GHashTable           *seen;             /* key → first line (for duplicates in the file) */
  gboolean              committed;
};

static void
cg_import_problem_free (CgImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->reason);
  g_free (problem);
}

static void
add_problem (CgImport   *import,
             guint       line,
             const char *column,
             const char *reason)
{
  CgImportProblem *problem = g_new0 (CgImportProblem, 1);

  problem->line = line;
  problem->column = g_strdup (column);
  problem->reason = g_strdup (reason);
  g_ptr_array_add (import->problems, problem);
}

void
cg_import_row_problem (CgImportRow *row,
                       int          column,
                       const char  *format,
                       ...)
{
  g_autofree char *reason = NULL;
  const char *header = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (column >= 0)
    {
      int index = row->import->file_column[column];

      header = index >= 0 ? g_ptr_array_index (row->import->headers, index)
                          : row->import->spec->columns[column].name;
    }

  add_problem (row->import, row->line, header, reason);
  row->bad = TRUE;
}

gboolean
cg_import_row_has_column (CgImportRow *row,
                          int          column)
{
  return row->import->file_column[column] >= 0;
}

gboolean
cg_import_row_claim_key (CgImportRow *row,
                         const char  *key,
                         guint       *first_line)
{
  gpointer value;

  if (g_hash_table_lookup_extended (row->import->seen, key, NULL, &value))
    {
      *first_line = GPOINTER_TO_UINT (value);
      return FALSE;
    }
  g_hash_table_insert (row->import->seen, g_strdup (key), GUINT_TO_POINTER (row->line));
  return TRUE;
}

void
cg_import_row_bad_date (CgImportRow *row,
                        int          column,
                        const char  *text)
{
  cg_import_row_problem (row, column,
                         _("“%s” is not a date: write it as YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日"),
                         text);
}

char *
cg_import_row_time (CgImportRow *row,
                    int          column,
                    GTimeSpan    tolerance)
{
  const char *text = cg_import_row_cell (row, column);
  g_autofree char *utc = cg_datetime_local_to_utc (text);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate date_only;

  if (utc == NULL)
    {
      if (cg_date_parse (text, &date_only))
        cg_import_row_problem (row, column,
                               _("“%s” has no time: write the date and the time, such as 2026-03-15 08:30"),
                               text);
      else
        cg_import_row_problem (row, column,
                               _("“%s” is not a date and time: write it as YYYY-MM-DD HH:MM (local time)"),
                               text);
      return NULL;
    }
  at = g_date_time_new_from_iso8601 (utc, NULL);
  now = g_date_time_new_now_utc ();
  if (at != NULL && g_date_time_difference (at, now) > tolerance)
    {
      cg_import_row_problem (row, column, _("The time %s is in the future"), text);
      return NULL;
    }
  return g_steal_pointer (&utc);
}

void
cg_import_row_check_length (CgImportRow *row,
                            int          column,
                            glong        max)
{
  if (g_utf8_strlen (cg_import_row_cell (row, column), -1) > max)
    cg_import_row_problem (row, column, _("Too long: %ld characters at most"), max);
}

CgPolicy *
cg_import_load_policy (CgStore            *store,
                       CgInstitutionKind   fallback,
                       CgRiskLevel        *risk,
                       GError            **error)
{
  g_autoptr(CgInstitution) institution = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  GError *local_error = NULL;

  institution = cg_institution_load (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  policy = cg_policy_new_defaults (institution != NULL ? institution->kind : fallback, NULL, 0, NULL);
  if (!cg_policy_load_changes (policy, store, error))
    return NULL;
  if (risk != NULL)
    *risk = institution != NULL ? institution->risk : CG_RISK_LOW;
  return g_steal_pointer (&policy);
}

/* ---------------------------------------------------------------------- */

static const CgRegisterSpec * const registers[CG_N_REGISTERS] = {
  [CG_REGISTER_PEOPLE] = &cg_import_people_register,
  [CG_REGISTER_TESTS] = &cg_import_tests_register,
  [CG_REGISTER_CHECKS] = &cg_import_checks_register,
  [CG_REGISTER_STOCK] = &cg_import_stock_register,
  [CG_REGISTER_VISITS] = &cg_import_visits_register,
  [CG_REGISTER_ROOMS] = &cg_import_rooms_register,
  [CG_REGISTER_STAYS] = &cg_import_stays_register,
  [CG_REGISTER_DISINFECTIONS] = &cg_import_disinfections_register,
  [CG_REGISTER_SERVICES] = &cg_import_services_register,
  [CG_REGISTER_MOURNERS] = &cg_import_mourners_register,
};

int
cg_register_from_string (const char *word)
{
  guint i;

  if (word == NULL)
    return -1;

  for (i = 0; i < CG_N_REGISTERS; i++)
    if (g_ascii_strcasecmp (word, registers[i]->word) == 0)
      return (int) i;
  return -1;
}

const char *
cg_register_to_string (CgRegister reg)
{
  g_return_val_if_fail (reg < CG_N_REGISTERS, NULL);

  return registers[reg]->word;
}

/* Headers are matched ignoring case and the spaces around them (full-width
 * ones too), and a trailing asterisk that marks a required column. */
static char *
header_key (const char *header)
{
  g_autofree char *copy = g_strdup (header);
  char *p;
  gsize len;

  for (p = copy; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x3000)
      memcpy (p, "   ", 3);
  g_strstrip (copy);

  len = strlen (copy);
  if (len >= 3 && strcmp (copy + len - 3, "＊") == 0)
    copy[len - 3] = '\0';
  else if (len >= 1 && copy[len - 1] == '*')
    copy[len - 1] = '\0';
  g_strstrip (copy);

  return g_utf8_casefold (copy, -1);
}

static int
find_spec_column (const CgRegisterSpec *spec,
                  const char           *key)
{
  guint i;

  for (i = 0; i < spec->n_columns; i++)
    {
      g_autofree char *name = g_utf8_casefold (spec->columns[i].name, -1);

      if (strcmp (key, name) == 0 || strcmp (key, spec->columns[i].chinese) == 0)
        return (int) i;
    }
  return -1;
}

static gboolean
match_headers (CgImport     *import,
               CgCsvRecord  *header_row,
               GError      **error)
{
  const CgRegisterSpec *spec = import->spec;
  g_autoptr(GString) missing = NULL;
  guint n_missing = 0;
  guint i;

  for (i = 0; i < spec->n_columns; i++)
    import->file_column[i] = -1;

  for (i = 0; i < header_row->fields->len; i++)
    {
      const char *header = g_ptr_array_index (header_row->fields, i);
      g_autofree char *key = header_key (header);
      g_autofree char *trimmed = g_strstrip (g_strdup (header));
      int column;

      g_ptr_array_add (import->headers, g_strdup (trimmed));

      /* Excel keeps empty columns to the right of a table. */
      if (*key == '\0')
        continue;

      column = find_spec_column (spec, key);
      if (column < 0)
        {
          g_ptr_array_add (import->unknown_columns, g_strdup (trimmed));
          continue;
        }

      if (import->file_column[column] >= 0)
        {
          g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_DUPLICATE_COLUMN,
                       _("The column “%s / %s” appears twice in the first row (columns %d and %u)"),
                       spec->columns[column].name, spec->columns[column].chinese,
                       import->file_column[column] + 1, i + 1);
          return FALSE;
        }
      import->file_column[column] = (int) i;
    }

  missing = g_string_new (NULL);
  for (i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].required && import->file_column[i] < 0)
      {
        if (n_missing++ > 0)
          g_string_append (missing, _(", "));
        g_string_append_printf (missing, "%s / %s",
                                spec->columns[i].name, spec->columns[i].chinese);
      }

  if (n_missing > 0)
    {
      g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MISSING_COLUMN,
                   ngettext ("The first row lacks a required column: %s",
                             "The first row lacks required columns: %s",
                             n_missing),
                   missing->str);
      return FALSE;
    }

  return TRUE;
}

static void
check_row (CgImport    *import,
           CgStore     *store,
           CgCsvRecord *record)
{
  const CgRegisterSpec *spec = import->spec;
  g_auto(GStrv) trimmed = NULL;
  g_autofree const char **cells = NULL;
  CgImportRow row = { 0 };
  GStrv preview = NULL;
  gboolean is_update = FALSE;
  gpointer result;
  guint n_fields = record->fields->len;
  guint i;

  import->n_rows++;

  row.import = import;
  row.store = store;
  row.context = import->context;
  row.line = record->line;

  trimmed = g_new0 (char *, n_fields + 1);
  for (i = 0; i < n_fields; i++)
    trimmed[i] = g_strstrip (g_strdup (g_ptr_array_index (record->fields, i)));

  cells = g_new0 (const char *, spec->n_columns);
  for (i = 0; i < spec->n_columns; i++)
    {
      int index = import->file_column[i];

      cells[i] = (index >= 0 && (guint) index < n_fields) ? trimmed[index] : "";
    }
  row.cells = cells;

  /* Cells to the right of the header: usually a comma in a value that was
   * not put in quotes, which shifts every cell after it. */
  for (i = import->headers->len; i < n_fields; i++)
    if (*trimmed[i] != '\0')
      {
        cg_import_row_problem (&row, -1,
                               _("This row has %u cells but the first row has %u columns: a value that holds a comma must be in double quotes"),
                               n_fields, import->headers->len);
        break;
      }

  if (!row.bad)
    {
      result = spec->check_row (&row, &is_update, &preview);
      if (result != NULL && !row.bad)
        {
          ImportRecord entry = { record->line, result };

          g_array_append_val (import->records, entry);
          g_ptr_array_add (import->preview_rows, preview);
          if (is_update)
            import->n_updated++;
          else
            import->n_new++;
        }
      else
        {
          if (result != NULL)
            spec->free_record (result);
          g_strfreev (preview);
        }
    }

  if (row.bad)
    import->n_bad_rows++;
}

CgImport *
cg_import_prepare (CgStore    *store,
                   CgRegister  reg,
                   const char *data,
                   gsize       len,
                   GError    **error)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  guint i;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (reg < CG_N_REGISTERS, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  text = cg_csv_decode (data != NULL ? data : "", len, &encoding, error);
  if (text == NULL)
    return NULL;

  records = cg_csv_parse (text, error);
  if (records == NULL)
    return NULL;

  if (records->len == 0)
    {
      g_set_error_literal (error, CG_CSV_ERROR, CG_CSV_ERROR_EMPTY,
                           _("The file is empty: its first row must name the columns"));
      return NULL;
    }

  import = g_new0 (CgImport, 1);
  import->spec = registers[reg];
  import->encoding = encoding;
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_import_problem_free);
  import->unknown_columns = g_ptr_array_new_with_free_func (g_free);
  import->headers = g_ptr_array_new_with_free_func (g_free);
  import->file_column = g_new0 (int, import->spec->n_columns);
  import->records = g_array_new (FALSE, FALSE, sizeof (ImportRecord));
  import->preview_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  import->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!match_headers (import, g_ptr_array_index (records, 0), error))
    return NULL;

  if (import->spec->new_context != NULL)
    {
      import->context = import->spec->new_context (store, error);
      if (import->context == NULL)
        return NULL;
    }

  for (i = 1; i < records->len; i++)
    check_row (import, store, g_ptr_array_index (records, i));

  return g_steal_pointer (&import);
}

void
cg_import_free (CgImport *import)
{
  guint i;

  if (import == NULL)
    return;

  for (i = 0; i < import->records->len; i++)
    import->spec->free_record (g_array_index (import->records, ImportRecord, i).record);
  g_array_unref (import->records);
  g_ptr_array_unref (import->problems);
  g_ptr_array_unref (import->unknown_columns);
  g_ptr_array_unref (import->headers);
  g_ptr_array_unref (import->preview_rows);
  g_hash_table_unref (import->seen);
  g_free (import->file_column);
  if (import->context != NULL)
    import->spec->free_context (import->context);
  g_free (import);
}

const char *
cg_import_get_encoding (CgImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->encoding;
}

guint
cg_import_get_n_rows (CgImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_rows;
}

guint
cg_import_get_n_new (CgImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_new;
}

guint
cg_import_get_n_updated (CgImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_updated;
}

guint
cg_import_get_n_bad_rows (CgImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_bad_rows;
}

GPtrArray *
cg_import_get_problems (CgImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->problems;
}

GPtrArray *
cg_import_get_unknown_columns (CgImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->unknown_columns;
}

GStrv
cg_import_get_preview_titles (CgImport *import)
{
  GStrvBuilder *builder;
  GStrv titles;
  guint i;

  g_return_val_if_fail (import != NULL, NULL);

  builder = g_strv_builder_new ();
  for (i = 0; i < import->spec->n_columns; i++)
    g_strv_builder_add (builder, _(import->spec->columns[i].title));
  titles = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return titles;
}

GPtrArray *
cg_import_get_preview_rows (CgImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->preview_rows;
}

gboolean
cg_import_commit (CgImport    *import,
                  CgStore     *store,
                  const char  *who,
                  GError     **error)
{
  g_autofree char *summary = NULL;
  guint i;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (import->problems->len > 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   ngettext ("Nothing was imported: the file has %u problem to correct first",
                             "Nothing was imported: the file has %u problems to correct first",
                             import->problems->len),
                   import->problems->len);
      return FALSE;
    }

  if (import->committed)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("This file has already been imported"));
      return FALSE;
    }

  if (who == NULL)
    who = cg_audit_current_user ();

  if (!cg_store_begin (store, error))
    return FALSE;

  for (i = 0; i < import->records->len; i++)
    {
      ImportRecord *entry = &g_array_index (import->records, ImportRecord, i);

      if (!import->spec->write_record (store, import->context, entry->record, who, error))
        {
          cg_store_rollback (store);
          g_prefix_error (error, _("Nothing was imported: line %u: "), entry->line);
          return FALSE;
        }
    }

  summary = g_strdup_printf ("rows=%u new=%u updated=%u",
                             import->records->len, import->n_new, import->n_updated);
  if (!cg_audit_record (store, who, "import", import->spec->word, NULL, summary, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }

  import->committed = TRUE;
  cg_store_emit_changed (store, import->spec->table);

  return TRUE;
}

char *
cg_import_format_problems (CgImport *import)
{
  GString *out;
  guint i;

  g_return_val_if_fail (import != NULL, NULL);

  out = g_string_new (NULL);
  for (i = 0; i < import->problems->len; i++)
    {
      CgImportProblem *problem = g_ptr_array_index (import->problems, i);

      if (problem->line == 0)
        g_string_append_printf (out, "%s\n", problem->reason);
      else if (problem->column != NULL)
        /* Translators: "line 4, 身份证号: the check digit …" */
        g_string_append_printf (out, _("line %u, %s: %s\n"),
                                problem->line, problem->column, problem->reason);
      else
        g_string_append_printf (out, _("line %u: %s\n"),
                                problem->line, problem->reason);
    }

  return g_string_free (out, FALSE);
}

char *
cg_import_template (CgRegister  reg,
                    gboolean    chinese,
                    gsize      *len_out)
{
  const CgRegisterSpec *spec;
  g_autofree const char **titles = NULL;
  GString *out;
  guint i;

  g_return_val_if_fail (reg < CG_N_REGISTERS, NULL);

  spec = registers[reg];
  titles = g_new0 (const char *, spec->n_columns);
  for (i = 0; i < spec->n_columns; i++)
    titles[i] = chinese ? spec->columns[i].chinese : spec->columns[i].name;

  out = g_string_new ("\xEF\xBB\xBF");
  cg_csv_append_row (out, titles, spec->n_columns);

  if (len_out != NULL)
    *len_out = out->len;
  return g_string_free (out, FALSE);
}
