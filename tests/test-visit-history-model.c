/* test-visit-history-model.c — the visitor register's paged model: order,
 * row texts, search, "before-refresh" before "items-changed", store
 * changes from an idle callback, pausing, a row gone under the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are Asia/Shanghai (UTC+8, no daylight saving).
 */
#include "config.h"

#include <string.h>

#include "cg-date.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-validate.h"
#include "cg-visit-history-model.h"

typedef struct
{
  CgTestStore  db;
  GString     *events;      /* "B" for before-refresh, "C(p,r,a)" for items-changed */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cg_test_store_set_up (&f->db, "visit-model", "visit.db", "测试养老院", CG_KIND_CARE_HOME, 100);
  f->events = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cg_test_store_tear_down (&f->db);
  g_string_free (f->events, TRUE);
}

/* Visitor @n (a valid ID number born 1980-01-01), arriving at @arrived
 * local and leaving a minute later. */
static void
check_in (Fixture    *f,
          const char *name,
          int         n,
          int         minute)
{
  g_autoptr(CgVisit) visit = cg_visit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strdup_printf ("2026-03-10 08:%02d", minute);
  g_autofree char *out = g_strdup_printf ("2026-03-10 08:%02d", minute + 1);

  g_free (visit->visitor_name);
  visit->visitor_name = g_strdup (name);
  g_free (visit->visitor_id_number);
  visit->visitor_id_number = cg_test_id_number_born ("19800101", n);
  visit->arrived_at = cg_datetime_local_to_utc (at);
  visit->left_at = cg_datetime_local_to_utc (out);
  visit->temperature = 36.6;
  g_assert_true (cg_visit_check_in (f->db.store, f->db.policy, visit, "test", &error));
  g_assert_no_error (error);
}

/* 30 visits, one a minute from 08:00: 王0, 陈1, 陈2, 王3 … 陈29. */
static void
check_in_thirty (Fixture *f)
{
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%d", i % 3 == 0 ? "王" : "陈", i);

      check_in (f, name, i, i);
    }
}

static void
on_before_refresh_cb (CgVisitHistoryModel *model,
                      Fixture             *f)
{
  g_string_append (f->events, "B");
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  g_string_append_printf (f->events, "C(%u,%u,%u)", position, removed, added);
}

static CgVisitHistoryModel *
new_model (Fixture *f)
{
  CgVisitHistoryModel *model = cg_visit_history_model_new (f->db.store, f->db.policy);

  g_signal_connect (model, "before-refresh", G_CALLBACK (on_before_refresh_cb), f);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  return model;
}

static void
run_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
name_at (CgVisitHistoryModel *model,
         guint                position)
{
  g_autoptr(CgVisitRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);
  static char name[64];

  g_assert_nonnull (row);
  g_strlcpy (name, cg_visit_row_get_text (row, CG_VISIT_COL_VISITOR), sizeof name);
  return name;
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CgVisitHistoryModel) model = NULL;
  g_autoptr(CgVisitRow) row = NULL;

  check_in_thirty (f);
  model = new_model (f);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CG_TYPE_VISIT_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);
  /* Counted, not read. */
  g_assert_cmpuint (cg_visit_history_model_get_n_page_loads (model), ==, 0);
  g_assert_null (cg_visit_history_model_get_error (model));

  /* Newest first; all 30 in one page of 200. */
  g_assert_cmpstr (name_at (model, 0), ==, "陈29");
  g_assert_cmpstr (name_at (model, 29), ==, "王0");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 30));
  g_assert_cmpuint (cg_visit_history_model_get_n_page_loads (model), ==, 1);

  row = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (cg_visit_row_get_text (row, CG_VISIT_COL_DATE), ==, "2026-03-10 08:28");
  /* Left on the day of arrival: the time alone. */
  g_assert_cmpstr (cg_visit_row_get_text (row, CG_VISIT_COL_LEFT), ==, "08:29");
  g_assert_cmpstr (cg_visit_row_get_text (row, CG_VISIT_COL_TEMPERATURE), ==, "36.6 ℃");
  g_assert_cmpstr (cg_visit_row_get_text (row, CG_VISIT_COL_RESULT), ==, "Admitted");
  g_assert_false (cg_visit_row_is_refused (row));
  g_assert_cmpstr (f->events->str, ==, "");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgVisitHistoryModel) model = NULL;

  check_in_thirty (f);
  model = new_model (f);

  /* Names 王0, 王3 … 王27: one selection-dropping signal, then one
   * items-changed for the whole list. */
  cg_visit_history_model_set_search (model, " 王 ");
  g_assert_cmpstr (cg_visit_history_model_get_search (model), ==, "王");
  g_assert_cmpstr (f->events->str, ==, "BC(0,30,10)");
  g_assert_cmpstr (name_at (model, 0), ==, "王27");
  g_assert_cmpstr (name_at (model, 9), ==, "王0");

  /* The same search again changes nothing. */
  cg_visit_history_model_set_search (model, "王");
  g_assert_cmpstr (f->events->str, ==, "BC(0,30,10)");

  g_string_truncate (f->events, 0);
  cg_visit_history_model_set_search (model, "张");
  g_assert_cmpstr (f->events->str, ==, "BC(0,10,0)");

  /* Blank is every visit; nothing to nothing emits no items-changed. */
  g_string_truncate (f->events, 0);
  cg_visit_history_model_set_search (model, "  ");
  g_assert_cmpstr (cg_visit_history_model_get_search (model), ==, "");
  g_assert_cmpstr (f->events->str, ==, "BC(0,0,30)");
  cg_visit_history_model_set_search (model, "张");
  g_string_truncate (f->events, 0);
  cg_visit_history_model_refresh (model);
  g_assert_cmpstr (f->events->str, ==, "B");
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CgVisitHistoryModel) model = NULL;
  g_autoptr(CgPolicy) policy = cg_policy_copy (f->db.policy);

  check_in_thirty (f);
  model = new_model (f);

  /* Two check-ins in one main-loop turn: one refresh, from the idle. */
  check_in (f, "李30", 30, 30);
  check_in (f, "李31", 31, 31);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);
  run_idle ();
  g_assert_cmpstr (f->events->str, ==, "BC(0,30,32)");
  g_assert_cmpstr (name_at (model, 0), ==, "李31");

  /* Paused: noted only; resuming refreshes once. */
  g_string_truncate (f->events, 0);
  cg_visit_history_model_set_paused (model, TRUE);
  check_in (f, "李32", 32, 32);
  run_idle ();
  g_assert_cmpstr (f->events->str, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 32);
  cg_visit_history_model_set_paused (model, FALSE);
  g_assert_cmpstr (f->events->str, ==, "BC(0,32,33)");
  /* Resuming with nothing new refreshes nothing. */
  g_string_truncate (f->events, 0);
  cg_visit_history_model_set_paused (model, TRUE);
  cg_visit_history_model_set_paused (model, FALSE);
  g_assert_cmpstr (f->events->str, ==, "");

  /* Another table does not concern the register. */
  cg_store_emit_changed (f->db.store, "health_check");
  run_idle ();
  g_assert_cmpstr (f->events->str, ==, "");

  /* A new policy (a copy is another policy) re-reads the rows, from the
   * idle. */
  cg_visit_history_model_set_policy (model, policy);
  g_assert_cmpstr (f->events->str, ==, "");
  run_idle ();
  g_assert_cmpstr (f->events->str, ==, "BC(0,33,33)");
}

static void
test_row_gone (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CgVisitHistoryModel) model = NULL;
  g_autoptr(CgVisitRow) row = NULL;

  check_in_thirty (f);
  model = new_model (f);

  /* Another program deletes the oldest visit: the model still counts 30,
   * shows a blank row for the last, and refreshes from the idle. */
  g_assert_cmpint (sqlite3_exec (cg_store_get_db (f->db.store),
                                 "DELETE FROM visit WHERE id = (SELECT min(id) FROM visit)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  row = g_list_model_get_item (G_LIST_MODEL (model), 29);
  g_assert_nonnull (row);
  g_assert_cmpint (cg_visit_row_get_visit (row)->id, ==, 0);
  g_assert_cmpstr (cg_visit_row_get_text (row, CG_VISIT_COL_VISITOR), ==, "");
  g_assert_false (cg_visit_row_is_refused (row));
  g_assert_cmpstr (f->events->str, ==, "");
  run_idle ();
  g_assert_cmpstr (f->events->str, ==, "BC(0,30,29)");
  g_assert_cmpstr (name_at (model, 28), ==, "陈1");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/visit-history-model/order", Fixture, NULL,
              fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/visit-history-model/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/visit-history-model/follows-store", Fixture, NULL,
              fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add ("/visit-history-model/row-gone", Fixture, NULL,
              fixture_set_up, test_row_gone, fixture_tear_down);

  return g_test_run ();
}
