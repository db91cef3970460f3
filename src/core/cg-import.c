/* cg-import.c — registers imported from CSV, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A register is a table of column specs (the English and Chinese headers
 * of interfaces.md) and a row handler that turns the cells of one row into
 * a record ready to write, or reports what is wrong with it.  Adding a
 * register is adding one such table and handler to `registers`.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-csv.h"
#include "cg-date.h"
#include "cg-import.h"
#include "cg-person.h"
#include "cg-validate.h"

G_DEFINE_QUARK (cg-import-error-quark, cg_import_error)

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
  /* Checks one row.  Returns the record to write, or NULL after reporting
   * each problem with row_problem().  Sets *is_update and *preview (the
   * cells in column order) for a good row. */
  gpointer          (*check_row)      (CgImportRow  *row,
                                       gboolean     *is_update,
                                       GStrv        *preview);
  /* Writes one record inside the transaction cg_import_commit() holds. */
  gboolean          (*write_record)   (CgStore      *store,
                                       gpointer      record,
                                       const char   *who,
                                       GError      **error);
  GDestroyNotify      free_record;
} CgRegisterSpec;

typedef struct
{
  guint    line;
  gpointer record;
} ImportRecord;

struct _CgImport
{
  const CgRegisterSpec *spec;
  const char           *encoding;
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

struct _CgImportRow
{
  CgImport    *import;
  CgStore     *store;
  guint        line;
  const char **cells;     /* per spec column, trimmed; "" when empty or absent */
  gboolean     bad;
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

/* The column of a problem is named as the file writes it, so that the user
 * finds it in their own spreadsheet. */
static void row_problem (CgImportRow *row,
                         int          column,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
row_problem (CgImportRow *row,
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

static const char *
row_cell (CgImportRow *row,
          int          column)
{
  return row->cells[column];
}

static gboolean
row_has_column (CgImportRow *row,
                int          column)
{
  return row->import->file_column[column] >= 0;
}

/* Remembers @key for this file; FALSE (with the first line) when a row
 * before this one already had it. */
static gboolean
row_claim_key (CgImportRow *row,
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

/* ---------------------------------------------------------------------- */
/* people                                                                  */

enum
{
  PEOPLE_NAME,
  PEOPLE_ID_NUMBER,
  PEOPLE_KIND,
  PEOPLE_SEX,
  PEOPLE_PHONE,
  PEOPLE_ROLE,
  PEOPLE_ROOM,
  PEOPLE_ARRIVED_ON,
  PEOPLE_LEFT_ON,
  N_PEOPLE_COLUMNS
};

static const CgColumnSpec people_columns[N_PEOPLE_COLUMNS] = {
  { "name",       "姓名",     N_("Name"),       TRUE },
  { "id_number",  "身份证号", N_("ID number"),  TRUE },
  { "kind",       "类别",     N_("Kind"),       TRUE },
  { "sex",        "性别",     N_("Sex"),        FALSE },
  { "phone",      "电话",     N_("Phone"),      FALSE },
  { "role",       "岗位",     N_("Role"),       FALSE },
  { "room",       "房间",     N_("Room"),       FALSE },
  { "arrived_on", "入住日期", N_("Arrived on"), TRUE },
  { "left_on",    "离开日期", N_("Left on"),    FALSE },
};

static void
report_bad_date (CgImportRow *row,
                 int          column,
                 const char  *text)
{
  row_problem (row, column,
               _("“%s” is not a date: write it as YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日"),
               text);
}

static gpointer
people_check_row (CgImportRow *row,
                  gboolean    *is_update,
                  GStrv       *preview)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *arrived_on = NULL;
  g_autofree char *left_on = NULL;
  GStrvBuilder *builder;
  const char *text;
  GDate birth;
  GDate arrived;
  GDate left;
  gboolean have_birth = FALSE;
  int kind = -1;
  int sex = CG_SEX_UNKNOWN;

  g_date_clear (&birth, 1);
  g_date_clear (&arrived, 1);
  g_date_clear (&left, 1);

  if (*row_cell (row, PEOPLE_NAME) == '\0')
    row_problem (row, PEOPLE_NAME, _("A name is required"));

  text = row_cell (row, PEOPLE_ID_NUMBER);
  if (!cg_validate_id_number (text, &id_number, &birth, &error))
    {
      row_problem (row, PEOPLE_ID_NUMBER, "%s", error->message);
      g_clear_error (&error);
    }
  else
    {
      guint first_line = 0;

      have_birth = TRUE;
      if (!row_claim_key (row, id_number, &first_line))
        row_problem (row, PEOPLE_ID_NUMBER,
                     _("The ID number %s is already on line %u of this file"),
                     id_number, first_line);
    }

  text = row_cell (row, PEOPLE_KIND);
  if (*text == '\0')
    row_problem (row, PEOPLE_KIND,
                 _("A kind is required: staff/工作人员, resident/入住老人, child/儿童 or aid/受助人员"));
  else if ((kind = cg_person_kind_from_string (text)) < 0)
    row_problem (row, PEOPLE_KIND,
                 _("“%s” is not a kind of person: write staff/工作人员, resident/入住老人, child/儿童 or aid/受助人员"),
                 text);

  text = row_cell (row, PEOPLE_SEX);
  if ((sex = cg_sex_from_string (text)) < 0)
    row_problem (row, PEOPLE_SEX,
                 _("“%s” is not a sex: write 男/male or 女/female, or leave it blank"),
                 text);
  else if (have_birth && sex != CG_SEX_UNKNOWN
           && sex != (cg_id_number_sex (id_number) == 'M' ? CG_SEX_MALE : CG_SEX_FEMALE))
    /* The 17th digit is odd for men and even for women: a mismatch is a
     * typing mistake in one of the two cells. */
    row_problem (row, PEOPLE_SEX,
                 cg_id_number_sex (id_number) == 'M'
                 ? _("“%s” does not match the ID number, which is a man’s")
                 : _("“%s” does not match the ID number, which is a woman’s"),
                 text);

  text = row_cell (row, PEOPLE_PHONE);
  if (*text != '\0' && !cg_validate_phone (text, &phone, &error))
    {
      row_problem (row, PEOPLE_PHONE, "%s", error->message);
      g_clear_error (&error);
    }

  text = row_cell (row, PEOPLE_ARRIVED_ON);
  if (*text == '\0')
    row_problem (row, PEOPLE_ARRIVED_ON, _("A date is required (the hire date for staff)"));
  else if ((arrived_on = cg_date_normalize (text)) == NULL)
    report_bad_date (row, PEOPLE_ARRIVED_ON, text);
  else
    {
      cg_date_parse (arrived_on, &arrived);
      if (have_birth && g_date_compare (&arrived, &birth) < 0)
        row_problem (row, PEOPLE_ARRIVED_ON,
                     _("The date %s is before the birth date in the ID number"),
                     arrived_on);
    }

  text = row_cell (row, PEOPLE_LEFT_ON);
  if (*text != '\0')
    {
      if ((left_on = cg_date_normalize (text)) == NULL)
        report_bad_date (row, PEOPLE_LEFT_ON, text);
      else
        {
          cg_date_parse (left_on, &left);
          if (g_date_valid (&arrived) && g_date_compare (&left, &arrived) < 0)
            row_problem (row, PEOPLE_LEFT_ON,
                         _("The leaving date %s is before the arrival date %s"),
                         left_on, arrived_on);
        }
    }

  if (row->bad)
    return NULL;

  /* The same ID number already in the register: this row updates it. */
  person = cg_person_find_by_id_number (row->store, id_number, &error);
  if (error != NULL)
    {
      row_problem (row, -1, "%s", error->message);
      return NULL;
    }
  *is_update = person != NULL;
  if (person == NULL)
    person = cg_person_new ();

  cg_person_set_name (person, row_cell (row, PEOPLE_NAME));
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_arrived_on (person, arrived_on);
  /* A column the file has is the truth, blank included; a column it lacks
   * leaves what the register holds. */
  if (row_has_column (row, PEOPLE_SEX))
    cg_person_set_sex (person, sex);
  if (row_has_column (row, PEOPLE_PHONE))
    cg_person_set_phone (person, phone != NULL ? phone : "");
  if (row_has_column (row, PEOPLE_ROLE))
    cg_person_set_role (person, row_cell (row, PEOPLE_ROLE));
  if (row_has_column (row, PEOPLE_ROOM))
    cg_person_set_room (person, row_cell (row, PEOPLE_ROOM));
  /* Except the leaving date: a blank one does not bring back someone who
   * left (restoring is a deliberate act in the window). */
  if (left_on != NULL)
    cg_person_set_left_on (person, left_on);

  if (!cg_person_validate (person, &error))
    {
      row_problem (row, -1, "%s", error->message);
      return NULL;
    }

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, cg_person_get_name (person));
  g_strv_builder_add (builder, cg_person_get_id_number (person));
  g_strv_builder_add (builder, cg_person_kind_label (cg_person_get_kind (person)));
  g_strv_builder_add (builder, cg_sex_label (cg_person_get_sex (person)));
  g_strv_builder_add (builder, cg_person_get_phone (person));
  g_strv_builder_add (builder, cg_person_get_role (person));
  g_strv_builder_add (builder, cg_person_get_room (person));
  g_strv_builder_add (builder, cg_person_get_arrived_on (person));
  text = cg_person_get_left_on (person);
  g_strv_builder_add (builder, text != NULL ? text : "");
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return g_steal_pointer (&person);
}

static gboolean
people_write_record (CgStore     *store,
                     gpointer     record,
                     const char  *who,
                     GError     **error)
{
  /* A copy, so that a commit that fails and rolls back leaves the
   * prepared person without a row id that no longer exists. */
  g_autoptr(CgPerson) person = cg_person_copy (CG_PERSON (record));

  return cg_person_save_in_transaction (store, person, who, error);
}

/* ---------------------------------------------------------------------- */

static const CgRegisterSpec registers[CG_N_REGISTERS] = {
  [CG_REGISTER_PEOPLE] = {
    "people", "person",
    people_columns, G_N_ELEMENTS (people_columns),
    people_check_row, people_write_record, g_object_unref,
  },
};

int
cg_register_from_string (const char *word)
{
  guint i;

  if (word == NULL)
    return -1;

  for (i = 0; i < CG_N_REGISTERS; i++)
    if (g_ascii_strcasecmp (word, registers[i].word) == 0)
      return (int) i;
  return -1;
}

const char *
cg_register_to_string (CgRegister reg)
{
  g_return_val_if_fail (reg < CG_N_REGISTERS, NULL);

  return registers[reg].word;
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
        row_problem (&row, -1,
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
  import->spec = &registers[reg];
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

      if (!import->spec->write_record (store, entry->record, who, error))
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

  spec = &registers[reg];
  titles = g_new0 (const char *, spec->n_columns);
  for (i = 0; i < spec->n_columns; i++)
    titles[i] = chinese ? spec->columns[i].chinese : spec->columns[i].name;

  out = g_string_new ("\xEF\xBB\xBF");
  cg_csv_append_row (out, titles, spec->n_columns);

  if (len_out != NULL)
    *len_out = out->len;
  return g_string_free (out, FALSE);
}
