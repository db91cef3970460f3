/* cg-import-disinfections.c — the `disinfections` register of interfaces.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row is one disinfection of forms.md's 消毒工作日志: a place, the
 * local time it was done (YYYY-MM-DD HH:MM), the method, the disinfectant
 * and its concentration, who did it and who checked it.  The kind of the
 * place is the one it already has in the log, or a guess from its name
 * (礼厅 → funeral hall, 车 → vehicle …).
 *
 * A row that matches a stored record (same place, time and operator) is
 * that record: importing the same file twice records nothing more.  The
 * same row twice in one file is a mistake and is reported.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-import-private.h"

enum
{
  COL_PLACE,
  COL_DONE_AT,
  COL_METHOD,
  COL_AGENT,
  COL_OPERATOR,
  COL_CHECKER,
  N_COLUMNS
};

static const CgColumnSpec disinfection_columns[N_COLUMNS] = {
  { "place",    "场所",         N_("Place"),      TRUE },
  { "done_at",  "消杀时间",     N_("Done at"),    TRUE },
  { "method",   "方式",         N_("Method"),     FALSE },
  { "agent",    "消毒剂及浓度", N_("Agent"),      FALSE },
  { "operator", "操作人",       N_("Operator"),   TRUE },
  { "checker",  "检查人",       N_("Checker"),    FALSE },
};

typedef struct
{
  CgDisinfection *disinfection;
  gboolean        unchanged;   /* already stored */
} DisinfectionRecord;

static void
disinfection_record_free (gpointer data)
{
  DisinfectionRecord *record = data;

  cg_disinfection_free (record->disinfection);
  g_free (record);
}

/* Whether the log already holds this disinfection; -1 after reporting a
 * database error on the row. */
static int
is_stored (CgImportRow          *row,
           const CgDisinfection *d)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (row->store,
                           "SELECT 1 FROM disinfection WHERE done_at = ? AND place = ? AND operator = ?", &error);
  if (stmt == NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return -1;
    }
  cg_bind_text (stmt, 1, d->done_at);
  cg_bind_text (stmt, 2, d->place);
  cg_bind_text (stmt, 3, d->operator);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cg_store_set_error (row->store, &error, rc);
      cg_import_row_problem (row, -1, "%s", error->message);
      return -1;
    }
  return rc == SQLITE_ROW;
}

static gpointer
disinfection_check_row (CgImportRow *row,
                        gboolean    *is_update,
                        GStrv       *preview)
{
  g_autoptr(CgDisinfection) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done_at = NULL;
  g_autofree char *local = NULL;
  g_autofree char *key = NULL;
  const char *place = cg_import_row_cell (row, COL_PLACE);
  const char *operator = cg_import_row_cell (row, COL_OPERATOR);
  const char *text;
  DisinfectionRecord *record;
  GStrvBuilder *builder;
  guint first_line;
  int kind;
  int stored;

  if (*place == '\0')
    cg_import_row_problem (row, COL_PLACE, _("The place is required: write where was disinfected, such as 一号礼厅"));
  else
    cg_import_row_check_length (row, COL_PLACE, 60);

  text = cg_import_row_cell (row, COL_DONE_AT);
  if (*text == '\0')
    cg_import_row_problem (row, COL_DONE_AT, _("The time is required"));
  else if ((done_at = cg_datetime_local_to_utc (text)) == NULL)
    cg_import_row_problem (row, COL_DONE_AT,
                           _("“%s” is not a date and time: write it as YYYY-MM-DD HH:MM, such as 2020-10-08 08:30"),
                           text);

  if (*operator == '\0')
    cg_import_row_problem (row, COL_OPERATOR, _("The operator is required: write who did the disinfection"));
  else
    cg_import_row_check_length (row, COL_OPERATOR, 30);
  cg_import_row_check_length (row, COL_METHOD, 40);
  cg_import_row_check_length (row, COL_AGENT, 60);
  cg_import_row_check_length (row, COL_CHECKER, 30);
  if (row->bad)
    return NULL;

  d = cg_disinfection_new ();
  d->place = g_strdup (place);
  d->done_at = g_steal_pointer (&done_at);
  g_free (d->method);
  d->method = g_strdup (cg_import_row_cell (row, COL_METHOD));
  g_free (d->agent);
  d->agent = g_strdup (cg_import_row_cell (row, COL_AGENT));
  d->operator = g_strdup (operator);
  g_free (d->checker);
  d->checker = g_strdup (cg_import_row_cell (row, COL_CHECKER));

  /* The kind a place already has in the log wins over the guess. */
  kind = cg_disinfection_place_kind (row->store, place, &error);
  if (error != NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }
  d->place_kind = kind >= 0 ? (CgPlaceKind) kind : cg_place_kind_guess (place);

  if (!cg_disinfection_validate (d, &error))
    {
      /* The only check left for the core here is the time. */
      cg_import_row_problem (row, COL_DONE_AT, "%s", error->message);
      return NULL;
    }

  key = g_strdup_printf ("%s\x1f%s\x1f%s", d->done_at, d->place, d->operator);
  if (!cg_import_row_claim_key (row, key, &first_line))
    {
      cg_import_row_problem (row, -1, _("The same disinfection (place, time and operator) is on line %u already"),
                             first_line);
      return NULL;
    }
  stored = is_stored (row, d);
  if (stored < 0)
    return NULL;

  record = g_new0 (DisinfectionRecord, 1);
  record->unchanged = stored > 0;
  *is_update = record->unchanged;

  local = cg_datetime_utc_to_local (d->done_at);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, d->place);
  g_strv_builder_add (builder, local != NULL ? local : d->done_at);
  g_strv_builder_add (builder, d->method);
  g_strv_builder_add (builder, d->agent);
  g_strv_builder_add (builder, d->operator);
  g_strv_builder_add (builder, d->checker);
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  record->disinfection = g_steal_pointer (&d);
  return record;
}

static gboolean
disinfection_write_record (CgStore     *store,
                           gpointer     context,
                           gpointer     data,
                           const char  *who,
                           GError     **error)
{
  const DisinfectionRecord *record = data;
  g_autoptr(CgDisinfection) copy = NULL;

  if (record->unchanged)
    return TRUE;
  /* A copy: adding sets the id, which a rolled-back commit must not leave
   * behind. */
  copy = cg_disinfection_copy (record->disinfection);
  copy->id = 0;
  return cg_disinfection_add_in_transaction (store, copy, who, error);
}

const CgRegisterSpec cg_import_disinfections_register = {
  .word = "disinfections",
  .table = "disinfection",
  .columns = disinfection_columns,
  .n_columns = G_N_ELEMENTS (disinfection_columns),
  .check_row = disinfection_check_row,
  .write_record = disinfection_write_record,
  .free_record = disinfection_record_free,
};
