/* bench-rules.c — the morning questions at the scale of the large demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the large demonstration institution (1,000 beds, three years of
 * history, about a million temperature checks) in a fresh database, or
 * reuses the one named with --db, then times what the dashboard, the
 * check history and `careguard check` ask of the core.  It prints figures
 * and asserts nothing about time.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "cg-date.h"
#include "cg-demo.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-nat-test.h"
#include "cg-rules.h"
#include "cg-store.h"

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  GDate today, from;
  gint64 start;
  gint64 count;
  const char *given = NULL;

  for (int i = 1; i + 1 < argc; i++)
    if (g_strcmp0 (argv[i], "--db") == 0)
      given = argv[i + 1];

  if (given != NULL)
    db = g_strdup (given);
  else
    {
      dir = g_dir_make_tmp ("careguard-bench-XXXXXX", NULL);
      db = g_build_filename (dir, "large.db", NULL);
    }
  store = cg_store_open (db, &error);
  g_assert_no_error (error);
  cg_date_today (&today);

  inst = cg_institution_load (store, &error);
  if (inst == NULL)
    {
      start = g_get_monotonic_time ();
      if (!cg_demo_fill (store, CG_DEMO_LARGE, CG_KIND_CARE_HOME, 20201104, &today, &error))
        g_error ("demo: %s", error->message);
      g_print ("demo --size large: %.0f ms\n", elapsed_ms (start));
      inst = cg_institution_load (store, &error);
    }
  policy = cg_module_load_policy (cg_module_for_kind (inst->kind), store, &error);
  g_assert_no_error (error);

  count = cg_health_check_count (store, NULL, &error);
  g_print ("people present today: %d, checks in the register: %" G_GINT64_FORMAT "\n",
           cg_person_count (store, -1, NULL), count);

  for (int run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) alerts = NULL;

      start = g_get_monotonic_time ();
      alerts = cg_rules_evaluate (store, policy, &today, &error);
      g_assert_no_error (error);
      g_print ("rules for today (run %d): %.1f ms, %u alerts\n", run + 1, elapsed_ms (start), alerts->len);
    }

  from = today;
  g_date_subtract_days (&from, 29);
  start = g_get_monotonic_time ();
  {
    g_autoptr(GArray) days = cg_health_days (store, policy, &from, &today, &error);
    g_assert_no_error (error);
    g_print ("health figures for 30 days: %.1f ms\n", elapsed_ms (start));
  }

  start = g_get_monotonic_time ();
  for (int d = 0; d < 30; d++)
    {
      GDate day = from;
      g_autoptr(GPtrArray) statuses = NULL;

      g_date_add_days (&day, (guint) d);
      statuses = cg_nat_status_list (store, policy, &day, CG_PERSON_STAFF, &error);
      g_assert_no_error (error);
    }
  g_print ("staff test status, 30 days (coverage chart): %.1f ms\n", elapsed_ms (start));

  {
    gint64 offsets[] = { 0, count / 2, MAX (count - 200, 0) };

    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      {
        g_autoptr(GPtrArray) page = NULL;

        start = g_get_monotonic_time ();
        page = cg_health_check_page (store, NULL, offsets[i], 200, &error);
        g_assert_no_error (error);
        g_print ("history page of 200 at offset %" G_GINT64_FORMAT ": %.1f ms\n", offsets[i], elapsed_ms (start));
      }
    start = g_get_monotonic_time ();
    count = cg_health_check_count (store, "王", &error);
    g_print ("history search \"王\": %" G_GINT64_FORMAT " checks counted in %.1f ms\n", count, elapsed_ms (start));
  }

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
