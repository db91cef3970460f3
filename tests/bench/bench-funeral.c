/* bench-funeral.c — a funeral home's questions at the scale of the large
 * demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the large demonstration funeral home (three years of services
 * and mourners) in a fresh database, or reuses the one named with --db,
 * then times what the Funeral Services page, its register and charts,
 * the Today page and the daily report ask of the core.  It prints figures
 * and asserts nothing about time.
 */
#include "config.h"

#include <sys/resource.h>
#include <glib.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cg-date.h"
#include "cg-demo.h"
#include "cg-funeral-sheets.h"
#include "cg-module.h"
#include "cg-rules.h"
#include "cg-service.h"
#include "cg-service-stats.h"
#include "cg-store.h"

static gint64
count_rows (CgStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The best of @rounds runs of @what, in ms. */
#define TIME_BEST(label, rounds, what)                                      \
  G_STMT_START {                                                            \
    double best_ = G_MAXDOUBLE;                                             \
    for (int r_ = 0; r_ < (rounds); r_++)                                   \
      {                                                                     \
        gint64 start_ = g_get_monotonic_time ();                            \
        what;                                                               \
        best_ = MIN (best_, elapsed_ms (start_));                           \
      }                                                                     \
    g_print ("%-44s %9.2f ms\n", (label), best_);                           \
  } G_STMT_END

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  const CgModule *module = cg_module_for_kind (CG_KIND_FUNERAL_HOME);
  const char *given = NULL;
  static const guint spans[] = { 30, 90, 365, 1095 };
  struct rusage usage;
  GDate today;
  gint64 start;

  for (int i = 1; i + 1 < argc; i++)
    if (g_strcmp0 (argv[i], "--db") == 0)
      given = argv[i + 1];

  if (given != NULL)
    db = g_strdup (given);
  else
    {
      dir = g_dir_make_tmp ("careguard-bench-funeral-XXXXXX", NULL);
      db = g_build_filename (dir, "funeral.db", NULL);
    }
  store = cg_store_open (db, &error);
  g_assert_no_error (error);
  cg_date_today (&today);

  if (given == NULL)
    {
      start = g_get_monotonic_time ();
      g_assert_true (cg_demo_fill (store, CG_DEMO_LARGE, CG_KIND_FUNERAL_HOME, 20201104, &today, &error));
      g_assert_no_error (error);
      g_print ("%-44s %9.0f ms\n", "large funeral demo", elapsed_ms (start));
    }
  policy = cg_module_load_policy (module, store, &error);
  g_assert_no_error (error);
  g_print ("%" G_GINT64_FORMAT " services, %" G_GINT64_FORMAT " mourners, %" G_GINT64_FORMAT
           " disinfections\n",
           count_rows (store, "SELECT count(*) FROM service"), count_rows (store, "SELECT count(*) FROM mourner"),
           count_rows (store, "SELECT count(*) FROM disinfection"));

  TIME_BEST ("board: services in progress", 5, {
    g_autoptr(GPtrArray) open = cg_service_list_open (store, &error);
    g_assert_nonnull (open);
  });
  TIME_BEST ("register: newest 200", 5, {
    g_autoptr(GPtrArray) found = cg_service_search (store, NULL, 200, &error);
    g_assert_nonnull (found);
  });
  TIME_BEST ("register: search a family name", 5, {
    g_autoptr(GPtrArray) found = cg_service_search (store, "陈", 200, &error);
    g_assert_nonnull (found);
  });
  TIME_BEST ("register: search an ID number prefix", 5, {
    g_autoptr(GPtrArray) found = cg_service_search (store, "350582", 200, &error);
    g_assert_nonnull (found);
  });
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      guint days = spans[i];
      g_autofree char *label = g_strdup_printf ("charts: stats of %u days", days);

      TIME_BEST (label, 3, {
        g_autoptr(CgServiceStats) stats = cg_service_stats_load (store, policy, &today, days, NULL, &error);
        g_assert_nonnull (stats);
      });
    }
  TIME_BEST ("daily report: the funeral day", 5, {
    g_autoptr(CgFuneralDay) day = cg_funeral_day_load (store, policy, &today, &error);
    g_assert_nonnull (day);
  });
  TIME_BEST ("rules: FH-2/5/6/7 of today", 5, {
    g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);
    g_assert_true (cg_service_evaluate_rules (store, policy, &today, alerts, &error));
  });
  TIME_BEST ("rules: every rule of today (check)", 3, {
    g_autoptr(GPtrArray) alerts = cg_rules_evaluate (store, policy, &today, &error);
    g_assert_nonnull (alerts);
  });
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%-44s %9ld KiB\n", "peak resident memory", usage.ru_maxrss);

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_clear_object (&store);
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
