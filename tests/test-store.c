/* test-store.c — CgStore: opening, migrations, transactions, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-audit.h"
#include "cg-institution.h"
#include "cg-person.h"
#include "cg-store.h"
#include "cg-test-util.h"

static char *
tmp_db (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("careguard-test-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static char *
query_text (CgStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, sql, NULL);
  char *value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = cg_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
test_open_fresh (void)
{
  g_autofree char *path = tmp_db ("nested/dir/fresh.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (path, &error);
  g_autofree char *journal = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (cg_store_get_version (store), ==, cg_store_latest_version ());
  g_assert_cmpint (cg_test_query_int (store, "PRAGMA user_version"), ==, cg_store_latest_version ());
  g_assert_cmpint (cg_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  /* FULL = 2 */
  g_assert_cmpint (cg_test_query_int (store, "PRAGMA synchronous"), ==, 2);
  journal = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM audit"), ==, 0);
}

/* Fills a database at @version with what that schema could hold. */
static void
fill_at_version (CgStore *store,
                 int      version)
{
  g_autoptr(GError) error = NULL;

  if (version < 1)
    return;
  g_assert_true (cg_store_exec (store,
                                "INSERT INTO institution (id, name, kind, district, beds, risk, director, phone, created_at) "
                                "VALUES (1, '晋江市福寿园养老院', 'care-home', '青阳街道', 120, 'medium', '林美华', '0595-85681234', '2020-11-04T01:00:00Z');"
                                "INSERT INTO person (name, id_number, kind, sex, phone, role, room, arrived_on, left_on, created_at) "
                                "VALUES ('王秀英', '11010519491231002X', 'resident', 'female', '', '', '2-05', '2019-03-01', NULL, '2020-11-04T01:00:00Z'),"
                                "       ('陈建国', '440524194001010015', 'resident', 'male', '', '', '2-06', '2018-01-01', '2020-10-01', '2020-11-04T01:00:00Z');",
                                &error));
  g_assert_no_error (error);
  /* From version 2 on, the program marks leavers as archived when it saves. */
  if (version >= 2)
    g_assert_true (cg_store_exec (store, "UPDATE person SET archived = 1 WHERE left_on IS NOT NULL", &error));
  if (version >= 3)
    g_assert_true (cg_store_exec (store,
                                  "INSERT INTO nat_test (person_id, sampled_on, result, result_on, site, created_at, updated_at) "
                                  "SELECT id, '2020-10-20', 'negative', '2020-10-21', '晋江市医院', '2020-10-21T01:00:00Z', '2020-10-21T01:00:00Z' FROM person;"
                                  "INSERT INTO health_check (person_id, checked_at, checked_on, temperature, symptoms, created_at) "
                                  "SELECT id, '2020-10-21T00:30:00Z', '2020-10-21', 36.6, 0, '2020-10-21T00:30:00Z' FROM person;",
                                  &error));
  g_assert_no_error (error);
}

static void
test_migrate_from_every_version (void)
{
  for (int from = 0; from < cg_store_latest_version (); from++)
    {
      g_autofree char *path = tmp_db ("old.db");
      g_autoptr(GError) error = NULL;
      g_autoptr(CgStore) old = NULL;
      g_autoptr(CgStore) store = NULL;
      g_autoptr(CgInstitution) inst = NULL;
      g_autoptr(CgPerson) wang = NULL;
      g_autoptr(CgPerson) chen = NULL;

      g_test_message ("migrating from schema version %d", from);
      old = cg_store_open_at_version (path, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cg_store_get_version (old), ==, from);
      fill_at_version (old, from);
      g_clear_object (&old);

      store = cg_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cg_store_get_version (store), ==, cg_store_latest_version ());

      inst = cg_institution_load (store, &error);
      g_assert_no_error (error);
      if (from == 0)
        {
          g_assert_null (inst);
          continue;
        }
      /* The data written by the old schema reads back through today's API. */
      g_assert_nonnull (inst);
      g_assert_cmpstr (inst->name, ==, "晋江市福寿园养老院");
      g_assert_cmpint (inst->kind, ==, CG_KIND_CARE_HOME);
      g_assert_cmpint (inst->risk, ==, CG_RISK_MEDIUM);
      g_assert_cmpint (inst->beds, ==, 120);

      wang = cg_person_find_by_id_number (store, "11010519491231002X", &error);
      g_assert_no_error (error);
      g_assert_nonnull (wang);
      g_assert_cmpstr (cg_person_get_name (wang), ==, "王秀英");
      g_assert_false (cg_person_get_archived (wang));
      chen = cg_person_find_by_id_number (store, "440524194001010015", &error);
      g_assert_nonnull (chen);
      /* Version 1 marked leaving by left_on alone; it becomes archived. */
      g_assert_true (cg_person_get_archived (chen));
      g_assert_cmpstr (cg_person_get_left_on (chen), ==, "2020-10-01");

      /* And the migrated database takes new writes, audited. */
      g_assert_true (cg_institution_set_risk (store, CG_RISK_LOW, "test", &error));
      g_assert_no_error (error);
      g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM audit WHERE what = 'institution.risk'"), ==, 1);
    }
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *path = tmp_db ("newer.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (path, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", cg_store_latest_version () + 1);
  g_autoptr(CgStore) again = NULL;

  g_assert_no_error (error);
  g_assert_true (cg_store_exec (store, bump, &error));
  g_clear_object (&store);

  again = cg_store_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer"));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = tmp_db ("text.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "姓名,身份证号\nthis is not SQLite at all, just some text\n", -1, NULL));
  store = cg_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_OPEN);
}

static void
test_rollback_leaves_nothing (void)
{
  g_autofree char *path = tmp_db ("rollback.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (path, &error);

  g_assert_true (cg_store_begin (store, &error));
  g_assert_true (cg_audit_record (store, "test", "test.one", NULL, NULL, "1", &error));
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM audit"), ==, 1);
  cg_store_rollback (store);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM audit"), ==, 0);

  /* A constraint violation becomes a GError in the store's domain, in words. */
  g_assert_false (cg_store_exec (store,
                                 "INSERT INTO institution (id, name, kind, beds, created_at) "
                                 "VALUES (1, 'x', 'hospital', 1, 'now')", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "CHECK"));
}

static void
changed_cb (CgStore    *store,
            const char *table,
            gpointer    user_data)
{
  GString *seen = user_data;

  g_string_append_printf (seen, "%s;", table);
}

static void
test_institution_audit_and_signal (void)
{
  g_autofree char *path = tmp_db ("inst.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (path, &error);
  g_autoptr(CgInstitution) inst = cg_institution_new ();
  g_autoptr(CgInstitution) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  CgAuditEntry *last;

  g_signal_connect (store, "changed::institution", G_CALLBACK (changed_cb), seen);

  /* Refusals store nothing. */
  g_assert_false (cg_institution_save (store, inst, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (inst->name);
  inst->name = g_strdup ("  晋江市救助站  ");
  inst->kind = CG_KIND_RESCUE_STATION;
  inst->beds = -1;
  g_assert_false (cg_institution_save (store, inst, "test", &error));
  g_clear_error (&error);
  inst->beds = 40;
  g_free (inst->phone);
  inst->phone = g_strdup ("12345");
  g_assert_false (cg_institution_save (store, inst, "test", &error));
  g_clear_error (&error);
  g_assert_null (cg_institution_load (store, &error));
  g_assert_cmpstr (seen->str, ==, "");

  g_free (inst->phone);
  inst->phone = g_strdup ("0595 8568 1234");
  g_assert_true (cg_institution_save (store, inst, "林美华", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen->str, ==, "institution;");

  loaded = cg_institution_load (store, &error);
  g_assert_cmpstr (loaded->name, ==, "晋江市救助站");
  g_assert_cmpint (loaded->risk, ==, CG_RISK_LOW);

  g_assert_true (cg_institution_set_risk (store, CG_RISK_HIGH, "林美华", &error));
  audit = cg_audit_list (store, "institution.", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  last = audit->pdata[0];
  g_assert_cmpstr (last->what, ==, "institution.risk");
  g_assert_cmpstr (last->who, ==, "林美华");
  g_assert_cmpstr (last->old_value, ==, "low");
  g_assert_cmpstr (last->new_value, ==, "high");
  g_assert_cmpstr (((CgAuditEntry *) audit->pdata[1])->what, ==, "institution.create");

  /* Saving an unchanged profile records nothing. */
  g_clear_pointer (&loaded, cg_institution_free);
  loaded = cg_institution_load (store, &error);
  g_assert_true (cg_institution_save (store, loaded, "test", &error));
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM audit"), ==, 2);
}

static void
test_backup (void)
{
  g_autofree char *path = tmp_db ("live.db");
  g_autofree char *copy = tmp_db ("copy.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (path, &error);
  g_autoptr(CgStore) restored = NULL;
  g_autoptr(CgInstitution) inst = cg_institution_new ();
  g_autoptr(CgInstitution) loaded = NULL;

  g_free (inst->name);
  inst->name = g_strdup ("殡仪馆");
  inst->kind = CG_KIND_FUNERAL_HOME;
  g_assert_true (cg_institution_save (store, inst, "test", &error));
  g_assert_true (cg_store_backup (store, copy, &error));
  g_assert_no_error (error);

  restored = cg_store_open (copy, &error);
  g_assert_no_error (error);
  loaded = cg_institution_load (restored, &error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->name, ==, "殡仪馆");
  g_assert_cmpint (loaded->kind, ==, CG_KIND_FUNERAL_HOME);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open-fresh", test_open_fresh);
  g_test_add_func ("/store/migrate-from-every-version", test_migrate_from_every_version);
  g_test_add_func ("/store/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/rollback", test_rollback_leaves_nothing);
  g_test_add_func ("/store/institution-audit", test_institution_audit_and_signal);
  g_test_add_func ("/store/backup", test_backup);

  return g_test_run ();
}
