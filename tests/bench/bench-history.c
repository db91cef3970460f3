/* bench-history.c — how the history of checks opens and scrolls with a million rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the history model (CgCheckHistoryModel) on the large demo — about a
 * million checks — and times what the History view asks of it: the count
 * when it opens, the first screen of rows, a jump to the end (the scroll
 * bar dragged down), a jump to the middle, a scroll through a stretch row
 * by row, and searches by name, room and ID number.  With --db it uses an
 * existing database; otherwise it builds the large demo in a temporary
 * directory first.  It prints figures and asserts nothing about time.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cg-check-history-model.h"
#include "cg-date.h"
#include "cg-demo.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-store.h"

/* A screen of the History view shows about 30 rows. */
#define SCREEN 30

static char *db_path = NULL;
static int n_rounds = 5;

static const GOptionEntry entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
    "An existing database (default: build the large demo in a temporary directory)", "PATH" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds,
    "Repetitions of each measure, each on a fresh model (default 5)", "N" },
  { NULL }
};

static void
die (const char *what,
     const GError *error)
{
  g_printerr ("bench-history: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* Reads @count rows from @first, as a view binding a screen does. */
static void
read_rows (CgCheckHistoryModel *model,
           guint                first,
           guint                count)
{
  GListModel *list = G_LIST_MODEL (model);
  guint n = g_list_model_get_n_items (list);

  for (guint i = first; i < first + count && i < n; i++)
    {
      g_autoptr(CgCheckRow) row = g_list_model_get_item (list, i);

      if (row == NULL || cg_check_row_get_id (row) == 0)
        die ("a row could not be read", cg_check_history_model_get_error (model));
    }
}

typedef struct
{
  double open_ms;      /* new model: the count */
  double first_ms;     /* the first screen */
  double end_ms;       /* a jump to the last screen */
  double middle_ms;    /* a jump to the middle */
  double scroll_ms;    /* 2000 rows one after the other from the middle */
} Figures;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure (CgStore        *store,
         const CgPolicy *policy,
         const char     *search,
         Figures        *out)
{
  g_autoptr(CgCheckHistoryModel) model = NULL;
  gint64 start;
  guint n;

  start = g_get_monotonic_time ();
  model = cg_check_history_model_new (store, policy);
  cg_check_history_model_set_search (model, search);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  out->open_ms = ms_since (start);
  if (cg_check_history_model_get_error (model) != NULL)
    die ("count", cg_check_history_model_get_error (model));

  start = g_get_monotonic_time ();
  read_rows (model, 0, SCREEN);
  out->first_ms = ms_since (start);

  start = g_get_monotonic_time ();
  read_rows (model, n > SCREEN ? n - SCREEN : 0, SCREEN);
  out->end_ms = ms_since (start);

  start = g_get_monotonic_time ();
  read_rows (model, n / 2, SCREEN);
  out->middle_ms = ms_since (start);

  start = g_get_monotonic_time ();
  read_rows (model, n / 2 + SCREEN, 2000);
  out->scroll_ms = ms_since (start);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, (size_t) n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static void
run (CgStore        *store,
     const CgPolicy *policy,
     const char     *label,
     const char     *search)
{
  g_autofree double *open = g_new0 (double, n_rounds);
  g_autofree double *first = g_new0 (double, n_rounds);
  g_autofree double *end = g_new0 (double, n_rounds);
  g_autofree double *middle = g_new0 (double, n_rounds);
  g_autofree double *scroll = g_new0 (double, n_rounds);
  g_autoptr(CgCheckHistoryModel) probe = cg_check_history_model_new (store, policy);
  Figures cold = { 0 };

  cg_check_history_model_set_search (probe, search);
  for (int r = 0; r < n_rounds; r++)
    {
      Figures f = { 0 };

      measure (store, policy, search, &f);
      if (r == 0)
        cold = f;
      open[r] = f.open_ms;
      first[r] = f.first_ms;
      end[r] = f.end_ms;
      middle[r] = f.middle_ms;
      scroll[r] = f.scroll_ms;
    }
  g_print ("%-22s %9u rows | open %7.1f ms | first screen %6.1f ms | to the end %6.1f ms"
           " | to the middle %6.1f ms | 2000 rows scrolled %6.1f ms   (first round: %.1f / %.1f / %.1f)\n",
           label, g_list_model_get_n_items (G_LIST_MODEL (probe)),
           median (open, n_rounds), median (first, n_rounds), median (end, n_rounds),
           median (middle, n_rounds), median (scroll, n_rounds),
           cold.open_ms, cold.first_ms, cold.end_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(CgInstitution) inst = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *room = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_tail = NULL;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time the history of checks over a large register");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (n_rounds < 1)
    n_rounds = 1;

  if (db_path != NULL)
    path = g_strdup (db_path);
  else
    {
      GDate today;
      gint64 start = g_get_monotonic_time ();

      dir = g_dir_make_tmp ("careguard-bench-history-XXXXXX", &error);
      if (dir == NULL)
        die ("temporary directory", error);
      path = g_build_filename (dir, "large.db", NULL);
      store = cg_store_open (path, &error);
      if (store == NULL)
        die ("open", error);
      cg_date_today (&today);
      if (!cg_demo_fill (store, CG_DEMO_LARGE, CG_KIND_CARE_HOME, 42, &today, &error))
        die ("large demo", error);
      g_print ("large demo built in %.1f s\n", ms_since (start) / 1000.0);
      g_clear_object (&store);
    }

  store = cg_store_open (path, &error);
  if (store == NULL)
    die ("open", error);
  inst = cg_institution_load (store, &error);
  if (inst == NULL)
    die ("institution", error);
  policy = cg_module_load_policy (cg_module_for_kind (inst->kind), store, &error);
  if (policy == NULL)
    die ("policy", error);

  /* Searches a user would type: a surname, a floor, the end of an ID. */
  {
    g_autoptr(CgCheckHistoryModel) all = cg_check_history_model_new (store, policy);
    g_autoptr(CgCheckRow) row = NULL;

    if (g_list_model_get_n_items (G_LIST_MODEL (all)) == 0)
      die ("the database holds no checks", NULL);
    row = g_list_model_get_item (G_LIST_MODEL (all), g_list_model_get_n_items (G_LIST_MODEL (all)) / 3);
    name = g_strdup (cg_check_row_get_name (row));
    room = g_strdup (cg_check_row_get_room (row));
    id_tail = g_strdup (cg_check_row_get_masked_id (row) + 14);
  }

  g_print ("database %s, %d rounds (median; a fresh model each round)\n", path, n_rounds);
  run (store, policy, "all checks", NULL);
  {
    g_autofree char *surname = g_utf8_substring (name, 0, 1);
    g_autofree char *label1 = g_strdup_printf ("search “%s”", surname);
    g_autofree char *label2 = g_strdup_printf ("search “%s”", name);
    g_autofree char *label3 = g_strdup_printf ("search room “%s”", room);
    g_autofree char *label4 = g_strdup_printf ("search ID “…%s”", id_tail);

    run (store, policy, label1, surname);
    run (store, policy, label2, name);
    if (*room != '\0')
      run (store, policy, label3, room);
    run (store, policy, label4, id_tail);
  }

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_object (&store);
      g_remove (path);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  return 0;
}
