/* test-history-model.c — the paged history of checks (CgCheckHistoryModel), without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-check-history-model.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-person.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-validate.h"

#define N_DAYS 60

static const struct
{
  const char *name;
  const char *room;
  CgPersonKind kind;
} people[] = {
  { "王秀英", "1-01", CG_PERSON_RESIDENT },
  { "李建国", "1-02", CG_PERSON_RESIDENT },
  { "王大明", "2-01", CG_PERSON_RESIDENT },
  { "陈美华", "2-02", CG_PERSON_RESIDENT },
  { "林志强", "",     CG_PERSON_STAFF },
  { "黄丽",   "3-10", CG_PERSON_RESIDENT },
};
#define N_PEOPLE G_N_ELEMENTS (people)

/* What was stored, to compare the model with. */
typedef struct
{
  gint64 id;
  char   on[11];
  int    person;
  double temperature;
} Stored;

typedef struct
{
  CgTestStore  db;
  gint64       person_ids[N_PEOPLE];
  char        *id_numbers[N_PEOPLE];
  GArray      *stored;    /* Stored, in insertion order */
} Fixture;

static void
add_check_at (Fixture    *f,
              guint       person,
              const char *local_time,
              double      temperature,
              guint       symptoms,
              const char *action)
{
  g_autoptr(CgHealthCheck) check = cg_health_check_new ();
  g_autoptr(GError) error = NULL;
  Stored s = { 0 };

  check->person_id = f->person_ids[person];
  check->checked_at = local_time != NULL ? cg_datetime_local_to_utc (local_time) : NULL;
  check->temperature = temperature;
  check->symptoms = symptoms;
  if (action != NULL)
    {
      g_free (check->action);
      check->action = g_strdup (action);
    }
  g_assert_true (cg_health_check_add (f->db.store, f->db.policy, check, "test", &error));
  g_assert_no_error (error);

  s.id = check->id;
  g_strlcpy (s.on, check->checked_on, sizeof s.on);
  s.person = (int) person;
  s.temperature = check->temperature;
  g_array_append_val (f->stored, s);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  cg_test_store_set_up (&f->db, "history", "history.db", "测试养老院", CG_KIND_CARE_HOME, 50);
  f->stored = g_array_new (FALSE, TRUE, sizeof (Stored));

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(CgPerson) person = cg_person_new ();

      f->id_numbers[i] = cg_test_id_number_born ("19500101", i + 1);
      cg_person_set_name (person, people[i].name);
      cg_person_set_id_number (person, f->id_numbers[i]);
      cg_person_set_kind (person, people[i].kind);
      cg_person_set_room (person, people[i].room);
      cg_person_set_arrived_on (person, "2020-01-01");
      g_assert_true (cg_person_save (f->db.store, person, "test", &error));
      g_assert_no_error (error);
      f->person_ids[i] = cg_person_get_id (person);
    }

  /* 6 people × 60 past days = 360 checks, entered person by person (as an
   * import of each one's sheet would), so that the row ids do not follow
   * the days: the model must order by day, then by entry. */
  cg_date_today (&today);
  for (guint p = 0; p < N_PEOPLE; p++)
    for (guint d = N_DAYS; d >= 1; d--)
      {
        GDate day = today;
        g_autofree char *iso = NULL;
        g_autofree char *local = NULL;

        g_date_subtract_days (&day, d);
        iso = cg_date_to_iso (&day);
        local = g_strdup_printf ("%s %02u:%02u", iso, 7 + p, (d * 7) % 60);
        add_check_at (f, p, local, 36.0 + ((p + d) % 10) / 10.0, 0, NULL);
      }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cg_test_store_tear_down (&f->db);
  g_clear_pointer (&f->stored, g_array_unref);
  for (guint i = 0; i < N_PEOPLE; i++)
    g_free (f->id_numbers[i]);
}

/* The documented order: newest day first, then the latest entered first. */
static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Stored *x = a;
  const Stored *y = b;
  int by_day = strcmp (y->on, x->on);

  if (by_day != 0)
    return by_day;
  return y->id < x->id ? -1 : y->id > x->id;
}

static GArray *
expected_order (Fixture    *f,
                const char *search)
{
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Stored));

  for (guint i = 0; i < f->stored->len; i++)
    {
      Stored *s = &g_array_index (f->stored, Stored, i);

      if (search == NULL
          || strstr (people[s->person].name, search) != NULL
          || strstr (people[s->person].room, search) != NULL
          || strstr (f->id_numbers[s->person], search) != NULL)
        g_array_append_val (expected, *s);
    }
  g_array_sort (expected, newest_first);
  return expected;
}

static CgCheckHistoryModel *
new_model (Fixture *f,
           guint    page_size,
           guint    max_pages)
{
  return g_object_new (CG_TYPE_CHECK_HISTORY_MODEL,
                       "store", f->db.store,
                       "policy", f->db.policy,
                       "page-size", page_size,
                       "max-pages", max_pages,
                       NULL);
}

static void
assert_row_is (Fixture    *f,
               CgCheckRow *row,
               Stored     *s)
{
  g_assert_nonnull (row);
  g_assert_cmpint (cg_check_row_get_id (row), ==, s->id);
  g_assert_cmpstr (cg_check_row_get_date (row), ==, s->on);
  g_assert_cmpstr (cg_check_row_get_name (row), ==, people[s->person].name);
  g_assert_cmpstr (cg_check_row_get_room (row), ==, people[s->person].room);
  g_assert_cmpint (cg_check_row_get_person_id (row), ==, f->person_ids[s->person]);
  g_assert_cmpfloat_with_epsilon (cg_check_row_get_temperature (row), s->temperature, 0.001);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CgCheckHistoryModel) model = new_model (f, 200, 8);
  g_autoptr(GArray) expected = expected_order (f, NULL);
  GListModel *list = G_LIST_MODEL (model);

  g_assert_true (g_list_model_get_item_type (list) == CG_TYPE_CHECK_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_PEOPLE * N_DAYS);
  g_assert_cmpuint (expected->len, ==, N_PEOPLE * N_DAYS);
  /* Nothing is read before a view asks. */
  g_assert_cmpuint (cg_check_history_model_get_n_page_loads (model), ==, 0);

  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(CgCheckRow) row = g_list_model_get_item (list, i);

      assert_row_is (f, row, &g_array_index (expected, Stored, i));
    }
  g_assert_null (g_list_model_get_item (list, expected->len));
  /* 360 rows in pages of 200: two reads. */
  g_assert_cmpuint (cg_check_history_model_get_n_page_loads (model), ==, 2);

  /* Row 0 is yesterday's latest entry. */
  {
    g_autoptr(CgCheckRow) first = g_list_model_get_item (list, 0);
    GDate yesterday;
    g_autofree char *iso = NULL;

    cg_date_today (&yesterday);
    g_date_subtract_days (&yesterday, 1);
    iso = cg_date_to_iso (&yesterday);
    g_assert_cmpstr (cg_check_row_get_date (first), ==, iso);
    g_assert_cmpstr (cg_check_row_get_name (first), ==, people[N_PEOPLE - 1].name);
  }
}

static void
test_page_boundaries (Fixture       *f,
                      gconstpointer  data)
{
  /* Small pages and a small cache, so that every kind of access crosses
   * pages and evicts. */
  g_autoptr(CgCheckHistoryModel) model = new_model (f, 50, 2);
  g_autoptr(GArray) expected = expected_order (f, NULL);
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  guint n = g_list_model_get_n_items (list);
  guint loads;

  g_assert_cmpuint (n, ==, expected->len);

  /* Backwards: each row once, no gap and no repeat at 349|350, 299|300 … */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(CgCheckRow) row = g_list_model_get_item (list, i);
      gint64 *id = g_new (gint64, 1);

      assert_row_is (f, row, &g_array_index (expected, Stored, i));
      *id = cg_check_row_get_id (row);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
  g_assert_cmpuint (cg_check_history_model_get_n_cached_pages (model), <=, 2);

  /* Either side of every boundary, then at random. */
  for (guint b = 50; b < n; b += 50)
    for (guint i = b - 1; i <= b; i++)
      {
        g_autoptr(CgCheckRow) row = g_list_model_get_item (list, i);

        assert_row_is (f, row, &g_array_index (expected, Stored, i));
      }
  for (guint k = 0; k < 500; k++)
    {
      guint i = (guint) g_rand_int_range (rand, 0, (gint32) n);
      g_autoptr(CgCheckRow) row = g_list_model_get_item (list, i);

      assert_row_is (f, row, &g_array_index (expected, Stored, i));
    }
  g_assert_cmpuint (cg_check_history_model_get_n_cached_pages (model), <=, 2);

  /* A cached page is not read again: the rows of one page, twice. */
  loads = cg_check_history_model_get_n_page_loads (model);
  for (guint r = 0; r < 2; r++)
    for (guint i = 100; i < 150; i++)
      g_object_unref (g_list_model_get_item (list, i));
  g_assert_cmpuint (cg_check_history_model_get_n_page_loads (model), <=, loads + 1);
}

typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_emissions++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgCheckHistoryModel) model = new_model (f, 40, 3);
  GListModel *list = G_LIST_MODEL (model);
  Changes changes = { 0 };
  struct { const char *search; guint n; } cases[] = {
    { "王", 2 * N_DAYS },            /* two names with 王 */
    { "王秀英", N_DAYS },
    { "2-0", 2 * N_DAYS },           /* rooms 2-01 and 2-02 */
    { "3-10", N_DAYS },
    { "林志强", N_DAYS },            /* staff, no room */
    { "赵", 0 },
  };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) expected = expected_order (f, cases[c].search);
      guint before = g_list_model_get_n_items (list);

      changes.n_emissions = 0;
      cg_check_history_model_set_search (model, cases[c].search);
      g_assert_cmpstr (cg_check_history_model_get_search (model), ==, cases[c].search);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, cases[c].n);
      g_assert_cmpuint (expected->len, ==, cases[c].n);
      if (before != 0 || cases[c].n != 0)
        {
          g_assert_cmpuint (changes.n_emissions, ==, 1);
          g_assert_cmpuint (changes.position, ==, 0);
          g_assert_cmpuint (changes.removed, ==, before);
          g_assert_cmpuint (changes.added, ==, cases[c].n);
        }
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(CgCheckRow) row = g_list_model_get_item (list, i);

          assert_row_is (f, row, &g_array_index (expected, Stored, i));
        }
    }

  /* The ID number, typed with a lower-case x or as its last digits. */
  {
    g_autofree char *id = g_ascii_strdown (f->id_numbers[3], -1);

    cg_check_history_model_set_search (model, id);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_DAYS);
    cg_check_history_model_set_search (model, f->id_numbers[3] + 10);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_DAYS);
  }

  /* The same search again changes nothing; spaces do not count. */
  changes.n_emissions = 0;
  cg_check_history_model_set_search (model, f->id_numbers[3] + 10);
  g_assert_cmpuint (changes.n_emissions, ==, 0);

  cg_check_history_model_set_search (model, "  ");
  g_assert_cmpstr (cg_check_history_model_get_search (model), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_PEOPLE * N_DAYS);
  cg_check_history_model_set_search (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_PEOPLE * N_DAYS);
}

static void
wait_for_emission (Changes *changes)
{
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (changes->n_emissions == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CgCheckHistoryModel) model = new_model (f, 50, 4);
  GListModel *list = G_LIST_MODEL (model);
  Changes changes = { 0 };
  guint n = g_list_model_get_n_items (list);
  guint notified = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (on_notify_count), &notified);

  /* Pages are cached … */
  g_object_unref (g_list_model_get_item (list, 0));
  g_assert_cmpuint (cg_check_history_model_get_n_cached_pages (model), ==, 1);

  /* … and a new check (now) is seen after the store's "changed", from
   * an idle callback: once for the whole list, the new row on top. */
  add_check_at (f, 2, NULL, 37.6, CG_SYMPTOM_FEVER | CG_SYMPTOM_DRY_COUGH, "送发热门诊");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  wait_for_emission (&changes);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, n);
  g_assert_cmpuint (changes.added, ==, n + 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n + 1);
  g_assert_cmpuint (notified, ==, 1);
  {
    g_autoptr(CgCheckRow) row = g_list_model_get_item (list, 0);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *name = NULL;
    g_autofree char *band = NULL;
    g_autofree char *masked = cg_mask_id_number (f->id_numbers[2]);
    gboolean is_fever = FALSE;

    assert_row_is (f, row, &g_array_index (f->stored, Stored, f->stored->len - 1));
    g_assert_cmpstr (cg_check_row_get_date (row), ==, today);
    g_assert_cmpuint (strlen (cg_check_row_get_time (row)), ==, 5);
    g_assert_cmpint (cg_check_row_get_band (row), ==, CG_BAND_LOW_FEVER);
    g_assert_cmpstr (cg_check_row_get_band_label (row), ==, cg_temperature_band_label (CG_BAND_LOW_FEVER));
    g_assert_cmpuint (cg_check_row_get_symptoms (row), ==, CG_SYMPTOM_FEVER | CG_SYMPTOM_DRY_COUGH);
    g_assert_cmpstr (cg_check_row_get_symptoms_text (row), ==, "Fever, Dry cough");
    g_assert_cmpstr (cg_check_row_get_action (row), ==, "送发热门诊");
    /* ID numbers are masked in the history as in the exported sheets. */
    g_assert_cmpstr (cg_check_row_get_masked_id (row), ==, masked);
    g_assert_nonnull (strstr (masked, "********"));
    /* The properties a view binds. */
    g_object_get (row, "name", &name, "band-label", &band, "is-fever", &is_fever, NULL);
    g_assert_cmpstr (name, ==, "王大明");
    g_assert_cmpstr (band, ==, "Low fever");
    g_assert_true (is_fever);
  }

  /* Many changes in one turn of the main loop: one refresh. */
  changes.n_emissions = 0;
  add_check_at (f, 0, NULL, 36.5, 0, NULL);
  add_check_at (f, 1, NULL, 36.6, 0, NULL);
  add_check_at (f, 3, NULL, 36.7, 0, NULL);
  wait_for_emission (&changes);
  for (guint k = 0; k < 10; k++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.added, ==, n + 4);

  /* A check of a past day goes into the middle, in its day's place. */
  {
    g_autoptr(GArray) expected = NULL;
    GDate day;
    g_autofree char *iso = NULL;
    g_autofree char *local = NULL;

    cg_date_today (&day);
    g_date_subtract_days (&day, 30);
    iso = cg_date_to_iso (&day);
    local = g_strdup_printf ("%s 18:30", iso);
    add_check_at (f, 5, local, 38.4, CG_SYMPTOM_FEVER, NULL);
    cg_check_history_model_refresh (model);
    expected = expected_order (f, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
    for (guint i = 0; i < expected->len; i++)
      {
        g_autoptr(CgCheckRow) row = g_list_model_get_item (list, i);

        assert_row_is (f, row, &g_array_index (expected, Stored, i));
      }
  }

  /* An explicit refresh always tells the views. */
  changes.n_emissions = 0;
  n = g_list_model_get_n_items (list);
  cg_check_history_model_refresh (model);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.removed, ==, n);
  g_assert_cmpuint (changes.added, ==, n);

  /* A renamed person is renamed in the history too. */
  {
    g_autoptr(CgPerson) person = cg_person_load (f->db.store, f->person_ids[2], NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(CgCheckRow) row = NULL;

    cg_person_set_name (person, "王达明");
    g_assert_true (cg_person_save (f->db.store, person, "test", &error));
    g_assert_no_error (error);
    changes.n_emissions = 0;
    wait_for_emission (&changes);
    g_assert_cmpuint (changes.n_emissions, ==, 1);
    row = g_list_model_get_item (list, 3);
    g_assert_cmpstr (cg_check_row_get_name (row), ==, "王达明");
  }
}

static void
test_band_follows_policy (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CgCheckHistoryModel) model = new_model (f, 200, 8);
  g_autoptr(CgCheckRow) before = NULL;
  g_autoptr(CgCheckRow) after = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  add_check_at (f, 0, NULL, 37.2, 0, NULL);
  cg_check_history_model_refresh (model);
  before = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (cg_check_row_get_band (before), ==, CG_BAND_LOW_FEVER);

  /* An institution that raised the normal band to 37.3 ℃. */
  g_assert_true (cg_policy_set (f->db.store, CG_POLICY_TEMP_NORMAL_MAX, 37.3, "test", &error));
  g_assert_no_error (error);
  policy = cg_module_load_policy (cg_module_for_kind (CG_KIND_CARE_HOME), f->db.store, &error);
  g_assert_no_error (error);
  cg_check_history_model_set_policy (model, policy);
  after = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (cg_check_row_get_id (after), ==, cg_check_row_get_id (before));
  g_assert_cmpint (cg_check_row_get_band (after), ==, CG_BAND_NORMAL);
  g_assert_false (cg_check_row_get_is_fever (after));
}

/* A paused model (its view hidden) hears of changes but tells nobody
 * until it resumes, then once. */
static void
test_paused (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgCheckHistoryModel) model = new_model (f, 200, 8);
  GListModel *list = G_LIST_MODEL (model);
  Changes changes = { 0 };
  guint n = g_list_model_get_n_items (list);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);
  cg_check_history_model_set_paused (model, TRUE);
  g_assert_true (cg_check_history_model_get_paused (model));
  for (guint p = 0; p < 4; p++)
    add_check_at (f, p, NULL, 36.4, 0, NULL);
  for (guint k = 0; k < 20; k++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);

  cg_check_history_model_set_paused (model, FALSE);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.removed, ==, n);
  g_assert_cmpuint (changes.added, ==, n + 4);

  /* Nothing changed while paused: resuming costs nothing. */
  changes.n_emissions = 0;
  cg_check_history_model_set_paused (model, TRUE);
  cg_check_history_model_set_paused (model, FALSE);
  g_assert_cmpuint (changes.n_emissions, ==, 0);

  /* A refresh already queued when pausing is kept for the resume. */
  add_check_at (f, 4, NULL, 36.6, 0, NULL);
  cg_check_history_model_set_paused (model, TRUE);
  for (guint k = 0; k < 20; k++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  cg_check_history_model_set_paused (model, FALSE);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n + 5);
}

/* The action taken is recorded on the check itself, later (ALL-2). */
static void
test_action (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgCheckHistoryModel) model = new_model (f, 200, 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  Changes changes = { 0 };
  gint64 id;
  guint n;

  add_check_at (f, 1, NULL, 38.2, CG_SYMPTOM_FEVER, NULL);
  cg_check_history_model_refresh (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  id = g_array_index (f->stored, Stored, f->stored->len - 1).id;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_true (cg_health_check_set_action (f->db.store, id, "  隔离观察，送发热门诊 ", "护士甲", &error));
  g_assert_no_error (error);
  wait_for_emission (&changes);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  /* Nothing was added: the same check carries the action. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  {
    g_autoptr(CgCheckRow) row = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpint (cg_check_row_get_id (row), ==, id);
    g_assert_cmpstr (cg_check_row_get_action (row), ==, "隔离观察，送发热门诊");
  }
  audit = cg_audit_list (f->db.store, "health_check.action", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  {
    CgAuditEntry *entry = audit->pdata[0];

    g_assert_cmpstr (entry->who, ==, "护士甲");
    g_assert_cmpstr (entry->subject, ==, f->id_numbers[1]);
    g_assert_cmpstr (entry->new_value, ==, "隔离观察，送发热门诊");
  }

  /* The same text again changes nothing; a check that is not there is
   * an error a user can read. */
  g_assert_true (cg_health_check_set_action (f->db.store, id, "隔离观察，送发热门诊", "护士甲", &error));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = cg_audit_list (f->db.store, "health_check.action", 10, NULL);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_false (cg_health_check_set_action (f->db.store, id + 1000, "x", "护士甲", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND);
}

static void
test_empty (void)
{
  g_autoptr(CgPolicy) policy = cg_module_default_policy (cg_module_for_kind (CG_KIND_CARE_HOME));
  g_autoptr(CgCheckHistoryModel) model = NULL;
  CgTestStore t;

  cg_test_store_open (&t, "history", "empty.db");
  model = cg_check_history_model_new (t.store, policy);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));
  g_assert_null (cg_check_history_model_get_error (model));
  g_clear_object (&model);
  cg_test_store_tear_down (&t);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/history-model/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/history-model/page-boundaries", Fixture, NULL,
              fixture_set_up, test_page_boundaries, fixture_tear_down);
  g_test_add ("/history-model/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/history-model/refresh", Fixture, NULL, fixture_set_up, test_refresh, fixture_tear_down);
  g_test_add ("/history-model/band-follows-policy", Fixture, NULL,
              fixture_set_up, test_band_follows_policy, fixture_tear_down);
  g_test_add ("/history-model/paused", Fixture, NULL, fixture_set_up, test_paused, fixture_tear_down);
  g_test_add ("/history-model/action", Fixture, NULL, fixture_set_up, test_action, fixture_tear_down);
  g_test_add_func ("/history-model/empty", test_empty);

  return g_test_run ();
}
