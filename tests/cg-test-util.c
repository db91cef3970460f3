/* cg-test-util.c — what the C tests share (see cg-test-util.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cg-date.h"
#include "cg-module.h"
#include "cg-validate.h"

void
cg_test_store_open (CgTestStore *t,
                    const char  *prefix,
                    const char  *db_name)
{
  g_autofree char *template = g_strdup_printf ("careguard-%s-XXXXXX", prefix);
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, db_name, NULL);
  t->store = cg_store_open (t->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t->store);
  t->policy = NULL;
}

void
cg_test_store_add_institution (CgTestStore       *t,
                               const char        *name,
                               CgInstitutionKind  kind,
                               int                beds)
{
  g_autoptr(CgInstitution) inst = cg_institution_new ();
  g_autoptr(GError) error = NULL;

  g_free (inst->name);
  inst->name = g_strdup (name);
  inst->kind = kind;
  inst->beds = beds;
  g_assert_true (cg_institution_save (t->store, inst, "test", &error));
  g_assert_no_error (error);
}

void
cg_test_store_load_policy (CgTestStore       *t,
                           CgInstitutionKind  kind)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&t->policy, cg_policy_free);
  t->policy = cg_module_load_policy (cg_module_for_kind (kind), t->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t->policy);
}

void
cg_test_store_set_up (CgTestStore       *t,
                      const char        *prefix,
                      const char        *db_name,
                      const char        *name,
                      CgInstitutionKind  kind,
                      int                beds)
{
  cg_test_store_open (t, prefix, db_name);
  cg_test_store_add_institution (t, name, kind, beds);
  cg_test_store_load_policy (t, kind);
}

void
cg_test_store_tear_down (CgTestStore *t)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&t->store);
  g_clear_pointer (&t->policy, cg_policy_free);
  if (t->dir == NULL)
    return;
  /* The database, its -wal and -shm, and what a test wrote beside them. */
  dir = g_dir_open (t->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (t->dir);
  g_clear_pointer (&t->path, g_free);
  g_clear_pointer (&t->dir, g_free);
}

void
cg_test_store_fixture_tear_down (CgTestStore   *t,
                                 gconstpointer  data)
{
  cg_test_store_tear_down (t);
}

gint64
cg_test_query_int (CgStore    *store,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

CgImport *
cg_test_import_prepare (CgStore    *store,
                        CgRegister  reg,
                        const char *text)
{
  g_autoptr(GError) error = NULL;
  CgImport *import = cg_import_prepare (store, reg, text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

void
cg_test_import_dump_problems (CgImport *import)
{
  g_autofree char *report = cg_import_format_problems (import);

  if (*report != '\0')
    g_test_message ("problems:\n%s", report);
}

void
cg_test_import_ok (CgStore    *store,
                   CgRegister  reg,
                   const char *text,
                   guint       n_new,
                   guint       n_updated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = cg_test_import_prepare (store, reg, text);

  cg_test_import_dump_problems (import);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 0);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, n_new);
  g_assert_cmpuint (cg_import_get_n_updated (import), ==, n_updated);
  g_assert_true (cg_import_commit (import, store, "test", &error));
  g_assert_no_error (error);
}

char *
cg_test_id_number (const char *first17)
{
  char check = cg_id_number_check_digit (first17);

  g_assert_cmpint (check, !=, 0);
  return g_strdup_printf ("%s%c", first17, check);
}

char *
cg_test_id_number_born (const char *birth,
                        guint       seq)
{
  g_autofree char *first17 = g_strdup_printf ("350582%s%03u", birth, seq % 1000);

  g_assert_cmpuint (strlen (first17), ==, 17);
  return cg_test_id_number (first17);
}

GDate
cg_test_date (int offset)
{
  GDate date;

  cg_date_today (&date);
  if (offset < 0)
    g_date_subtract_days (&date, (guint) -offset);
  else
    g_date_add_days (&date, (guint) offset);
  return date;
}

char *
cg_test_day (int offset)
{
  GDate date = cg_test_date (offset);

  return cg_date_to_iso (&date);
}

char *
cg_test_utc (const char *local)
{
  char *utc = cg_datetime_local_to_utc (local);

  g_assert_nonnull (utc);
  return utc;
}

char *
cg_test_utc_at (int         offset,
                const char *hh_mm)
{
  g_autofree char *day = cg_test_day (offset);
  g_autofree char *local = g_strdup_printf ("%s %s", day, hh_mm);

  return cg_test_utc (local);
}
