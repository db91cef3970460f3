/* test-disinfection.c — the disinfection log, training and drills, their
 * rules (ALL-7, ALL-8) and the disinfections import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-import.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-rules.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CgInstitutionKind kind = GPOINTER_TO_INT (data);

  cg_test_store_set_up (f, "disinfection", "hygiene.db", "测试机构", kind,
                        kind == CG_KIND_FUNERAL_HOME ? 0 : 100);
}

/* Today minus @days, local. */
static GDate
days_ago (int days)
{
  return cg_test_date (-days);
}

static char *
iso_days_ago (int days)
{
  return cg_test_day (-days);
}

/* Local "YYYY-MM-DD HH:MM" @days ago, in UTC. */
static char *
utc_days_ago (int         days,
              const char *time)
{
  return cg_test_utc_at (-days, time);
}

static void
add (Fixture    *f,
     const char *place,
     int         days,
     const char *time,
     const char *operator)
{
  g_autoptr(CgDisinfection) d = cg_disinfection_new ();
  g_autoptr(GError) error = NULL;

  d->place = g_strdup (place);
  d->place_kind = cg_place_kind_guess (place);
  d->done_at = utc_days_ago (days, time);
  d->operator = g_strdup (operator);
  g_free (d->method);
  d->method = g_strdup ("喷洒");
  g_free (d->agent);
  d->agent = g_strdup ("84消毒液 1:100");
  g_assert_true (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_no_error (error);
  /* The id is the row's, not the audit entry's written after it. */
  g_assert_cmpint (d->id, ==, cg_test_query_int (f->store, "SELECT max(id) FROM disinfection"));
}

/* ---------------------------------------------------------------------- */

static void
test_place_kinds (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { const char *place; CgPlaceKind kind; } cases[] = {
    { "一号礼厅", CG_PLACE_HALL },
    { "西灵堂", CG_PLACE_HALL },
    { "业务厅", CG_PLACE_BUSINESS_HALL },
    { "火化间", CG_PLACE_CREMATION },
    { "殡仪车 闽C·12345", CG_PLACE_VEHICLE },
    { "隔离观察室 2", CG_PLACE_ISOLATION },
    { "来访接待室", CG_PLACE_RECEPTION },
    { "会客室", CG_PLACE_RECEPTION },
    { "职工食堂", CG_PLACE_CANTEEN },
    { "办公楼", CG_PLACE_OFFICE },
    { "男宿舍", CG_PLACE_LIVING },
    { "3 楼居室", CG_PLACE_LIVING },
    { "房间 101", CG_PLACE_LIVING },
    { "Reception Room", CG_PLACE_RECEPTION },
    { "大门", CG_PLACE_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cg_place_kind_guess (cases[i].place), ==, cases[i].kind);
  for (int k = 0; k < CG_N_PLACE_KINDS; k++)
    {
      g_assert_cmpint (cg_place_kind_from_string (cg_place_kind_to_string (k)), ==, k);
      g_assert_cmpstr (cg_place_kind_label (k), !=, "");
    }
  g_assert_cmpint (cg_place_kind_from_string ("hall"), ==, CG_PLACE_HALL);
  g_assert_cmpint (cg_place_kind_from_string ("礼厅"), ==, -1);
  g_assert_cmpint (cg_training_kind_from_string ("演练"), ==, CG_TRAINING_DRILL);
  g_assert_cmpint (cg_training_kind_from_string ("培训"), ==, CG_TRAINING_SESSION);
  g_assert_cmpint (cg_training_kind_from_string ("party"), ==, -1);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDisinfection) d = cg_disinfection_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
  gint64 audits = cg_test_query_int (f->store, "SELECT count(*) FROM audit");

  /* No operator. */
  d->place = g_strdup ("一号礼厅");
  d->operator = g_strdup ("   ");
  g_assert_false (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Operator"));
  g_assert_cmpint (d->id, ==, 0);
  g_clear_error (&error);

  /* No place. */
  g_free (d->place);
  d->place = g_strdup ("");
  g_free (d->operator);
  d->operator = g_strdup ("张建国");
  g_assert_false (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_nonnull (strstr (error->message, "Place"));
  g_clear_error (&error);

  /* An hour ahead: in the future. */
  g_free (d->place);
  d->place = g_strdup ("一号礼厅");
  d->done_at = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_false (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  /* Not a time. */
  g_free (d->done_at);
  d->done_at = g_strdup ("yesterday");
  g_assert_false (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_nonnull (strstr (error->message, "Time"));
  g_clear_error (&error);

  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM audit"), ==, audits);

  /* Now (NULL time) is fine, and trimmed. */
  g_clear_pointer (&d->done_at, g_free);
  g_free (d->place);
  d->place = g_strdup ("  一号礼厅 ");
  g_assert_true (cg_disinfection_add (f->store, d, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (d->place, ==, "一号礼厅");
  g_assert_nonnull (d->done_on);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM audit WHERE what = 'disinfection.add' "
                                                "AND subject = '一号礼厅'"), ==, 1);
}

static void
on_changed_cb (CgStore    *store,
               const char *table,
               GPtrArray  *tables)
{
  g_ptr_array_add (tables, g_strdup (table));
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) day = NULL;
  g_autofree char *operator = NULL;
  g_auto(GStrv) known = NULL;
  GDate d2 = days_ago (2), d1 = days_ago (1), d3 = days_ago (3), first;
  CgPlaceDay *place_day;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), tables);

  add (f, "一号礼厅", 2, "08:00", "张建国");
  add (f, "一号礼厅", 2, "16:30", "张建国");
  add (f, "殡仪车", 2, "09:15", "李明");
  add (f, "一号礼厅", 1, "08:05", "王芳");
  g_assert_cmpuint (tables->len, ==, 4);
  g_assert_cmpstr (tables->pdata[0], ==, "disinfection");

  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "一号礼厅", &d2, &error), ==, 2);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "一号礼厅", &d1, &error), ==, 1);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "殡仪车", &d2, &error), ==, 1);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "殡仪车", &d1, &error), ==, 0);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "二号礼厅", &d2, &error), ==, 0);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "一号礼厅", &d3, &error), ==, 0);
  g_assert_no_error (error);

  /* Yesterday: the hall once, the vehicle "not yet" since two days ago. */
  places = cg_disinfection_places (f->store, &d1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 2);
  place_day = places->pdata[0];
  g_assert_cmpstr (place_day->place, ==, "一号礼厅");
  g_assert_cmpint (place_day->place_kind, ==, CG_PLACE_HALL);
  g_assert_cmpint (place_day->count, ==, 1);
  place_day = places->pdata[1];
  g_assert_cmpstr (place_day->place, ==, "殡仪车");
  g_assert_cmpint (place_day->place_kind, ==, CG_PLACE_VEHICLE);
  g_assert_cmpint (place_day->count, ==, 0);
  {
    g_autofree char *expected = utc_days_ago (2, "09:15");

    g_assert_cmpstr (place_day->last_at, ==, expected);
  }
  g_clear_pointer (&places, g_ptr_array_unref);

  /* Three days ago the log had not started. */
  places = cg_disinfection_places (f->store, &d3, &error);
  g_assert_cmpuint (places->len, ==, 0);

  /* The log, newest first, by pages. */
  g_assert_cmpint (cg_disinfection_count (f->store, &error), ==, 4);
  page = cg_disinfection_page (f->store, 0, 2, &error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((CgDisinfection *) page->pdata[0])->operator, ==, "王芳");
  {
    g_autofree char *expected = utc_days_ago (2, "16:30");
    g_autofree char *expected_day = iso_days_ago (2);

    g_assert_cmpstr (((CgDisinfection *) page->pdata[1])->done_at, ==, expected);
    g_assert_cmpstr (((CgDisinfection *) page->pdata[1])->done_on, ==, expected_day);
  }
  g_clear_pointer (&page, g_ptr_array_unref);
  page = cg_disinfection_page (f->store, 2, 2, &error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((CgDisinfection *) page->pdata[0])->place, ==, "殡仪车");
  {
    g_autofree char *expected = utc_days_ago (2, "08:00");

    g_assert_cmpstr (((CgDisinfection *) page->pdata[1])->done_at, ==, expected);
  }

  day = cg_disinfection_list_day (f->store, &d2, &error);
  g_assert_cmpuint (day->len, ==, 3);
  g_assert_cmpstr (((CgDisinfection *) day->pdata[1])->place, ==, "殡仪车");
  g_clear_pointer (&day, g_ptr_array_unref);

  /* Just after midnight and just before it, local time (Asia/Shanghai):
   * the day before in UTC for the first, the same day for the second. */
  add (f, "值班室", 3, "00:10", "赵六");
  add (f, "值班室", 3, "23:55", "赵六");
  day = cg_disinfection_list_day (f->store, &d3, &error);
  g_assert_cmpuint (day->len, ==, 2);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "值班室", &d3, &error), ==, 2);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "值班室", &d2, &error), ==, 0);
  {
    GDate d4 = days_ago (4);

    g_clear_pointer (&day, g_ptr_array_unref);
    day = cg_disinfection_list_day (f->store, &d4, &error);
    g_assert_cmpuint (day->len, ==, 0);
  }
  g_clear_pointer (&day, g_ptr_array_unref);
  day = cg_disinfection_list_day (f->store, &d2, &error);
  g_assert_cmpuint (day->len, ==, 3);

  operator = cg_disinfection_last_operator (f->store, &error);
  g_assert_cmpstr (operator, ==, "赵六");
  known = cg_disinfection_known_places (f->store, &error);
  g_assert_cmpuint (g_strv_length (known), ==, 3);
  g_assert_cmpstr (known[0], ==, "一号礼厅");
  g_assert_cmpstr (known[2], ==, "值班室");
  g_assert_cmpint (cg_disinfection_place_kind (f->store, "殡仪车", &error), ==, CG_PLACE_VEHICLE);
  g_assert_cmpint (cg_disinfection_place_kind (f->store, "新地方", &error), ==, -1);
  g_assert_true (cg_disinfection_first_day (f->store, &first, &error));
  g_assert_cmpint (g_date_compare (&first, &d3), ==, 0);
  g_assert_no_error (error);
}

static GPtrArray *
evaluate (Fixture     *f,
          const GDate *date)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);

  g_assert_true (cg_hygiene_evaluate_rules (f->store, f->policy, date, alerts, &error));
  g_assert_no_error (error);
  return alerts;
}

static CgAlert *
find_alert (GPtrArray  *alerts,
            const char *rule)
{
  CgAlert *found = NULL;

  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];

      if (g_strcmp0 (alert->rule, rule) == 0)
        {
          g_assert_null (found);
          found = alert;
        }
    }
  return found;
}

static void
add_training (Fixture        *f,
              int             days,
              CgTrainingKind  kind)
{
  g_autoptr(CgTraining) training = cg_training_new ();
  g_autoptr(GError) error = NULL;

  training->held_on = iso_days_ago (days);
  training->kind = kind;
  training->topic = g_strdup ("发热病人处置应急演练");
  g_assert_true (cg_training_add (f->store, training, "test", &error));
  g_assert_no_error (error);
}

static void
test_training_boundary (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *held = iso_days_ago (40);
  CgTrainingStatus status;
  g_autoptr(GError) error = NULL;
  GDate on30 = days_ago (10), on31 = days_ago (9), on29 = days_ago (11);
  CgAlert *alert;

  g_assert_cmpint (cg_policy_get_int (f->policy, CG_POLICY_TRAINING_PERIOD_DAYS), ==, 30);

  /* Nothing on record: the first period runs from the set-up day.  Set up
   * today, no day is judged; set up 40 days ago, the 30th day after is
   * still within the period and the 31st is not. */
  alerts = evaluate (f, &on31);
  g_assert_null (find_alert (alerts, "ALL-8"));
  g_clear_pointer (&alerts, g_ptr_array_unref);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) then = g_date_time_add_days (now, -40);
    g_autofree char *created = g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
    g_autofree char *sql = g_strdup_printf ("UPDATE institution SET created_at = '%s'", created);

    g_assert_true (cg_store_exec (f->store, sql, &error));
    g_assert_no_error (error);
  }
  alerts = evaluate (f, &on30);
  g_assert_null (find_alert (alerts, "ALL-8"));
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = evaluate (f, &on31);
  alert = find_alert (alerts, "ALL-8");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_nonnull (strstr (alert->message, "No training or drill on record"));
  g_assert_cmpstr (alert->record_kind, ==, "training");
  g_assert_cmpint (alert->record_id, ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* A drill 40 days ago: 30 days before on30, 31 before on31. */
  add_training (f, 40, CG_TRAINING_DRILL);

  alerts = evaluate (f, &on30);
  g_assert_null (find_alert (alerts, "ALL-8"));
  g_clear_pointer (&alerts, g_ptr_array_unref);
  g_assert_true (cg_training_status (f->store, f->policy, &on30, &status, &error));
  g_assert_true (status.any);
  g_assert_false (status.overdue);
  g_assert_cmpint (status.days_since, ==, 30);
  g_assert_cmpint (status.days_left, ==, 0);
  g_assert_cmpint (status.last_kind, ==, CG_TRAINING_DRILL);

  g_assert_true (cg_training_status (f->store, f->policy, &on29, &status, &error));
  g_assert_cmpint (status.days_since, ==, 29);
  g_assert_cmpint (status.days_left, ==, 1);

  alerts = evaluate (f, &on31);
  alert = find_alert (alerts, "ALL-8");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_nonnull (strstr (alert->message, held));
  g_assert_nonnull (strstr (alert->message, "31 days ago"));
  g_assert_cmpstr (alert->source, ==, cg_rule_source_for ("ALL-8", cg_policy_get_kind (f->policy)));
  g_assert_cmpint (alert->record_id, >, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  g_assert_true (cg_training_status (f->store, f->policy, &on31, &status, &error));
  g_assert_true (status.overdue);
  g_assert_cmpint (status.days_left, ==, -1);

  /* A training on a later day counts; one after the day asked does not. */
  add_training (f, 5, CG_TRAINING_SESSION);
  alerts = evaluate (f, &on31);
  g_assert_nonnull (find_alert (alerts, "ALL-8"));
  g_clear_pointer (&alerts, g_ptr_array_unref);
  {
    GDate today = days_ago (0);

    alerts = evaluate (f, &today);
    g_assert_null (find_alert (alerts, "ALL-8"));
  }
}

static void
test_training_add (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CgTraining) training = cg_training_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  training->held_on = iso_days_ago (-1);
  training->topic = g_strdup ("防护服穿脱");
  g_assert_false (cg_training_add (f->store, training, "test", &error));
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  g_free (training->held_on);
  training->held_on = g_strdup ("2026/9/3");
  g_free (training->topic);
  training->topic = g_strdup ("  ");
  g_assert_false (cg_training_add (f->store, training, "test", &error));
  g_assert_nonnull (strstr (error->message, "Topic"));
  g_clear_error (&error);

  /* Three names and one attendee: refused. */
  g_free (training->topic);
  training->topic = g_strdup ("防护服穿脱");
  g_free (training->attendee_names);
  training->attendee_names = g_strdup ("张三、李四，王五");
  training->attendees = 1;
  g_assert_false (cg_training_add (f->store, training, "test", &error));
  g_assert_nonnull (strstr (error->message, "Attendees"));
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM training"), ==, 0);

  /* No number: counted from the names. */
  training->attendees = 0;
  g_assert_true (cg_training_add (f->store, training, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (training->attendees, ==, 3);
  g_assert_cmpstr (training->held_on, ==, "2026-09-03");

  list = cg_training_list (f->store, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((CgTraining *) list->pdata[0])->attendees, ==, 3);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM audit WHERE what = 'training.add'"), ==, 1);
}

static void
test_disinfection_rule (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = NULL;
  GDate d1 = days_ago (1), d2 = days_ago (2), d3 = days_ago (3);
  CgAlert *alert;

  /* An empty log: nothing to remind before it starts. */
  alerts = evaluate (f, &d1);
  g_assert_null (find_alert (alerts, "ALL-7"));
  g_clear_pointer (&alerts, g_ptr_array_unref);

  add (f, "来访接待室", 2, "10:00", "张建国");

  alerts = evaluate (f, &d3);
  g_assert_null (find_alert (alerts, "ALL-7"));
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = evaluate (f, &d2);
  g_assert_null (find_alert (alerts, "ALL-7"));
  g_clear_pointer (&alerts, g_ptr_array_unref);

  alerts = evaluate (f, &d1);
  alert = find_alert (alerts, "ALL-7");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_INFO);
  g_assert_cmpstr (alert->record_kind, ==, "disinfection");
  g_assert_nonnull (strstr (alert->message, "来访接待室"));
  g_assert_nonnull (alert->source);
}

/* ---------------------------------------------------------------------- */
/* Import                                                                  */

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(CgImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *d2 = iso_days_ago (2);
  g_autofree char *d1 = iso_days_ago (1);
  GDate day2 = days_ago (2);

  text = g_strdup_printf ("场所,消杀时间,方式,消毒剂及浓度,操作人,检查人\n"
                          "一号礼厅,%s 08:00,喷洒,含氯消毒剂 500mg/L,张建国,李主任\n"
                          "一号礼厅,%s 17:30,擦拭,\"75%% 酒精, 表面\",张建国,\n"
                          "殡仪车 闽C·12345,%s 09:10,喷洒,,李明,\n"
                          "火化间,%s 07:45,紫外线,,王芳,李主任\n",
                          d2, d2, d2, d1);
  import = cg_test_import_prepare (f->store, CG_REGISTER_DISINFECTIONS, text);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 4);
  g_assert_cmpuint (cg_import_get_n_updated (import), ==, 0);
  g_assert_true (cg_import_commit (import, f->store, "test", &error));
  g_assert_no_error (error);

  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection"), ==, 4);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection WHERE place_kind = 'hall'"), ==, 2);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection WHERE place_kind = 'vehicle'"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection WHERE place_kind = 'cremation'"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection WHERE agent = '75% 酒精, 表面'"), ==, 1);
  g_assert_cmpint (cg_disinfection_count_place_day (f->store, "一号礼厅", &day2, &error), ==, 2);
  {
    g_autofree char *expected = utc_days_ago (1, "07:45");
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (cg_store_get_db (f->store),
                                         "SELECT done_at, done_on, checker FROM disinfection WHERE place = '火化间'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, d1);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "李主任");
    sqlite3_finalize (stmt);
  }

  /* The same file again: every row is stored already. */
  again = cg_test_import_prepare (f->store, CG_REGISTER_DISINFECTIONS, text);
  g_assert_cmpuint (cg_import_get_problems (again)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_n_new (again), ==, 0);
  g_assert_cmpuint (cg_import_get_n_updated (again), ==, 4);
  g_assert_true (cg_import_commit (again, f->store, "test", &error));
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection"), ==, 4);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *d2 = iso_days_ago (2);
  g_autofree char *tomorrow = iso_days_ago (-1);
  GPtrArray *problems;
  CgImportProblem *problem;

  /* Line 3 has no operator; everything else is fine. */
  text = g_strdup_printf ("place,done_at,method,agent,operator,checker\n"
                          "Hall 1,%s 08:00,spray,,Zhang,\n"
                          "Hall 1,%s 16:00,spray,,,\n"
                          "Hearse,%s 09:00,spray,,Li,\n",
                          d2, d2, d2);
  import = cg_test_import_prepare (f->store, CG_REGISTER_DISINFECTIONS, text);
  problems = cg_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->column, ==, "operator");
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 1);
  g_assert_false (cg_import_commit (import, f->store, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection"), ==, 0);
  g_clear_pointer (&import, cg_import_free);
  g_clear_error (&error);
  g_free (text);

  /* A future time, a bad time, a repeated row. */
  text = g_strdup_printf ("场所,消杀时间,操作人\n"
                          "一号礼厅,%s 08:00,张建国\n"
                          "一号礼厅,%s 08:00,张建国\n"
                          "一号礼厅,8点,张建国\n"
                          "一号礼厅,%s 08:00,张建国\n",
                          tomorrow, d2, d2);
  import = cg_test_import_prepare (f->store, CG_REGISTER_DISINFECTIONS, text);
  problems = cg_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpuint (((CgImportProblem *) problems->pdata[0])->line, ==, 2);
  g_assert_cmpstr (((CgImportProblem *) problems->pdata[0])->column, ==, "消杀时间");
  g_assert_nonnull (strstr (((CgImportProblem *) problems->pdata[0])->reason, "future"));
  g_assert_cmpuint (((CgImportProblem *) problems->pdata[1])->line, ==, 4);
  g_assert_cmpuint (((CgImportProblem *) problems->pdata[2])->line, ==, 5);
  g_assert_nonnull (strstr (((CgImportProblem *) problems->pdata[2])->reason, "line 3"));
  g_assert_false (cg_import_commit (import, f->store, "test", &error));
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM disinfection"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

#define ADD(path, func, kind) \
  g_test_add (path, Fixture, GINT_TO_POINTER (kind), fixture_set_up, func, cg_test_store_fixture_tear_down)

  ADD ("/disinfection/place-kinds", test_place_kinds, CG_KIND_CARE_HOME);
  ADD ("/disinfection/validation", test_validation, CG_KIND_FUNERAL_HOME);
  ADD ("/disinfection/counts", test_counts, CG_KIND_FUNERAL_HOME);
  ADD ("/disinfection/rule-all7", test_disinfection_rule, CG_KIND_CARE_HOME);
  ADD ("/disinfection/import", test_import, CG_KIND_FUNERAL_HOME);
  ADD ("/disinfection/import-bad", test_import_bad, CG_KIND_FUNERAL_HOME);
  ADD ("/training/add", test_training_add, CG_KIND_CHILD_WELFARE);
  ADD ("/training/all8-boundary/care-home", test_training_boundary, CG_KIND_CARE_HOME);
  ADD ("/training/all8-boundary/rescue-station", test_training_boundary, CG_KIND_RESCUE_STATION);
  ADD ("/training/all8-boundary/funeral-home", test_training_boundary, CG_KIND_FUNERAL_HOME);

  return g_test_run ();
}
