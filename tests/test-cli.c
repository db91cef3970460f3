/* test-cli.c — the command line contract of interfaces.md
 *
 * Runs the real binary with no display, checks exit status, output and
 * what the database holds afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cg-institution.h"
#include "cg-person.h"
#include "cg-store.h"

static char *tmpdir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
careguard (Run        *run,
           const char *db,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("CAREGUARD_BIN"));
  if (db != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--db");
      g_ptr_array_add (args, (gpointer) db);
    }
  va_start (ap, db);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* No display at all: subcommands must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static char *
db_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static int
people_in (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (db, &error);

  g_assert_no_error (error);
  return cg_person_count (store, -1, NULL);
}

static void
test_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) no_db_value = { 0 };
  g_autofree char *db = db_path ("usage.db");

  careguard (&unknown, db, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  careguard (&missing, db, "setup", "--name", "X", NULL);
  g_assert_cmpint (missing.status, ==, 2);

  careguard (&none, db, "setup", "--name", "X", "--type", "hospital", "--beds", "3", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "hospital"));

  careguard (&no_db_value, NULL, "setup", "--db", NULL);
  g_assert_cmpint (no_db_value.status, ==, 2);
}

static void
test_setup (void)
{
  g_autofree char *db = db_path ("setup.db");
  g_auto(Run) bad_phone = { 0 };
  g_auto(Run) ok = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(GError) error = NULL;

  careguard (&bad_phone, db, "setup", "--name", "晋江市福寿园养老院", "--type", "care-home",
             "--beds", "120", "--phone", "12345", NULL);
  g_assert_cmpint (bad_phone.status, ==, 1);

  careguard (&ok, db, "setup", "--name", "晋江市福寿园养老院", "--type", "care-home",
             "--beds", "120", "--district", "青阳街道", "--risk", "medium", NULL);
  g_assert_cmpint (ok.status, ==, 0);

  careguard (&again, db, "setup", "--name", "Another", "--type", "funeral-home", "--beds", "0", NULL);
  g_assert_cmpint (again.status, ==, 1);

  store = cg_store_open (db, &error);
  inst = cg_institution_load (store, &error);
  g_assert_nonnull (inst);
  g_assert_cmpstr (inst->name, ==, "晋江市福寿园养老院");
  g_assert_cmpint (inst->kind, ==, CG_KIND_CARE_HOME);
  g_assert_cmpint (inst->beds, ==, 120);
  g_assert_cmpint (inst->risk, ==, CG_RISK_MEDIUM);
  g_assert_cmpstr (inst->district, ==, "青阳街道");
}

static void
test_import_people (void)
{
  g_autofree char *db = db_path ("import.db");
  g_autofree char *good = db_path ("good.csv");
  g_autofree char *bad = db_path ("bad.csv");
  g_auto(Run) setup = { 0 };
  g_auto(Run) no_file = { 0 };
  g_auto(Run) bad_run = { 0 };
  g_auto(Run) good_run = { 0 };
  g_auto(Run) unknown_register = { 0 };

  g_assert_true (g_file_set_contents (good,
    "\xEF\xBB\xBF" "姓名,身份证号,类别,性别,电话,岗位,房间,入住日期\r\n"
    "王秀英,11010519491231002X,入住老人,女,,,2-05,2019-03-01\r\n"
    "林美华,350582198503150026,工作人员,女,13800138000,护士,,2020/05/06\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad,
    "name,id_number,kind,arrived_on\n"
    "Wang Xiuying,11010519491231002X,resident,2019-03-01\n"
    "Chen Jianguo,440524194001010014,resident,2019-03-01\n"
    "Lin Meihua,350582198503150026,nurse,2020-05-06\n", -1, NULL));

  careguard (&setup, db, "setup", "--name", "养老院", "--type", "care-home", "--beds", "50", NULL);
  g_assert_cmpint (setup.status, ==, 0);

  careguard (&unknown_register, db, "import", "lunches", good, NULL);
  g_assert_cmpint (unknown_register.status, ==, 2);

  careguard (&no_file, db, "import", "people", "/nonexistent/people.csv", NULL);
  g_assert_cmpint (no_file.status, ==, 1);

  /* A file with bad rows changes nothing and says where. */
  careguard (&bad_run, db, "import", "people", bad, NULL);
  g_assert_cmpint (bad_run.status, ==, 1);
  g_assert_nonnull (strstr (bad_run.err, "3"));   /* line of the wrong check digit */
  g_assert_nonnull (strstr (bad_run.err, "4"));   /* line of the unknown kind */
  g_assert_cmpint (people_in (db), ==, 0);

  careguard (&good_run, db, "import", "people", good, NULL);
  g_assert_cmpint (good_run.status, ==, 0);
  g_assert_cmpint (people_in (db), ==, 2);
}

static void
test_demo_and_backup (void)
{
  g_autofree char *db = db_path ("demo.db");
  g_autofree char *copy = db_path ("demo-backup.db");
  g_autofree char *target = db_path ("restored.db");
  g_auto(Run) bad_size = { 0 };
  g_auto(Run) demo = { 0 };
  g_auto(Run) twice = { 0 };
  g_auto(Run) backup = { 0 };
  g_auto(Run) backup_again = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) restore_junk = { 0 };
  g_autoptr(GError) error = NULL;
  int staff, residents;

  careguard (&bad_size, db, "demo", "--size", "huge", NULL);
  g_assert_cmpint (bad_size.status, ==, 2);

  careguard (&demo, db, "demo", "--size", "small", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  {
    g_autoptr(CgStore) store = cg_store_open (db, &error);
    g_autoptr(CgInstitution) inst = cg_institution_load (store, &error);

    g_assert_nonnull (inst);
    g_assert_cmpint (inst->beds, ==, 100);
    staff = cg_person_count (store, CG_PERSON_STAFF, NULL);
    residents = cg_person_count (store, CG_PERSON_RESIDENT, NULL);
    /* About 100 beds, mostly full, and enough hands to care for them. */
    g_assert_cmpint (residents, >, 70);
    g_assert_cmpint (residents, <=, 100);
    g_assert_cmpint (staff, >=, 20);
  }

  /* Demo data never goes over real data. */
  careguard (&twice, db, "demo", "--size", "small", NULL);
  g_assert_cmpint (twice.status, ==, 1);

  careguard (&backup, db, "backup", copy, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  careguard (&backup_again, db, "backup", copy, NULL);
  g_assert_cmpint (backup_again.status, ==, 1);

  careguard (&restore, target, "restore", copy, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_cmpint (people_in (target), ==, people_in (db));

  {
    g_autofree char *junk = db_path ("junk.db");

    g_assert_true (g_file_set_contents (junk, "not a database, not at all, no", -1, NULL));
    careguard (&restore_junk, target, "restore", junk, NULL);
    g_assert_cmpint (restore_junk.status, ==, 1);
    g_assert_cmpint (people_in (target), ==, staff + residents);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("CAREGUARD_BIN"));
  tmpdir = g_dir_make_tmp ("careguard-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/setup", test_setup);
  g_test_add_func ("/cli/import-people", test_import_people);
  g_test_add_func ("/cli/demo-and-backup", test_demo_and_backup);

  status = g_test_run ();
  return status;
}
