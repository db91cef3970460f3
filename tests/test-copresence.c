/* test-copresence.c — who was there at the same time, on a scenario
 * worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are Asia/Shanghai (UTC+8): 2026-03-10 09:20 local is 01:20Z, and
 * the local day 2026-03-10 is [2026-03-09T16:00Z, 2026-03-10T16:00Z).
 *
 * The scenario
 *   residents  王秀英 (R1) room 3-101, 李桂兰 (R2) room 3-101,
 *              陈国强 (R3) room 3-102 — all there since 2026-01-01
 *   staff      林美华 checked on 2026-03-10, 许丽华 checked on 2026-03-11
 *              (陈国强 is checked on 2026-03-11 too: a resident, not staff)
 *   visits (local time, 2026-03-10 unless said)
 *     李娜  → 陈国强  09:00–09:50
 *     钱多  → 陈国强  09:10, 38.5 ℃: refused, never came in
 *     张伟  → 王秀英  09:20–09:40
 *     王强  → 陈国强  09:30, never checked out (lasts to the span's end)
 *     赵敏  → 王秀英  13:00–13:20
 *     张伟  → 李桂兰  2026-03-11 10:00–10:15
 *
 * Worked out by hand (intervals half-open, clipped to the span):
 *
 * A. Visitor 张伟, 2026-03-10 00:00 – 2026-03-12 00:00.
 *    His visits: o1 = 3-10 09:20–09:40 (to 王秀英), o2 = 3-11 10:00–10:15
 *    (to 李桂兰).  李娜 ∩ o1 = 09:20–09:40; 王强 (09:30 → 3-12 00:00) ∩ o1
 *    = 09:30–09:40 and ∩ o2 = 3-11 10:00–10:15, merged 3-10 09:30 –
 *    3-11 10:15; 赵敏 (13:00) meets neither; 钱多 was refused.  The
 *    residents: 陈国强 through 李娜 and 王强 (3-10 09:20 – 3-11 10:15),
 *    王秀英 and 李桂兰 through his own visits.  Days 3-10 and 3-11:
 *    林美华 and 许丽华.  Seven lines.
 *
 * B. Resident 陈国强, 2026-03-10 (one day).  His intervals are the visits
 *    to him: u1 = 李娜 09:00–09:50, u2 = 王强 09:30–24:00.  李娜 09:00–
 *    09:50; 张伟 ∩ u1 = 09:20–09:40; 王强 09:30–24:00; 赵敏 ∩ u2 = 13:00–
 *    13:20.  Residents: 王秀英 through 张伟 and 赵敏, 09:20–13:20; 陈国强
 *    himself is not listed.  Staff of the day: 林美华 (许丽华 checked the
 *    next day).  No one else lives in 3-102.  Six lines.
 *
 * C. Resident 王秀英, 2026-03-10.  Her intervals: 张伟 09:20–09:40,
 *    赵敏 13:00–13:20.  Visitors 张伟 and 李娜 09:20–09:40 (the same
 *    times: 张 before 李 in code-point order), 王强 09:30–09:40 and
 *    13:00–13:20 merged to 09:30–13:20, 赵敏 13:00–13:20.  Resident
 *    陈国强 through 李娜 and 王强, 09:20–13:20.  林美华.  Roommate 李桂兰
 *    for the whole day.  Seven lines.
 *
 * D. Staff 许丽华, 2026-03-10 00:00 – 2026-03-12 00:00.  On duty only on
 *    3-11 (00:00–24:00).  王强, still inside, all that day; 张伟 10:00–
 *    10:15.  Residents 陈国强 (through 王强, all day) and 李桂兰 (through
 *    张伟).  No other staff checked on 3-11; staff have no room.  Four
 *    lines.
 */
#include "config.h"

#include <string.h>

#include "cg-copresence.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-person.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-validate.h"
#include "cg-visit.h"

typedef struct
{
  CgTestStore  db;
  gint64       wang, li_guilan, chen, lin, xu;
  char        *zhang_id;
} Fixture;

static gint64
add_person (Fixture      *f,
            const char   *name,
            const char   *id_number,
            CgPersonKind  kind,
            const char   *room)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  g_autoptr(GError) error = NULL;

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_room (person, room);
  cg_person_set_arrived_on (person, "2026-01-01");
  g_assert_true (cg_person_save (f->db.store, person, "test", &error));
  g_assert_no_error (error);
  return cg_person_get_id (person);
}

static void
add_check (Fixture    *f,
           gint64      person_id,
           const char *local)
{
  g_autoptr(CgHealthCheck) check = cg_health_check_new ();
  g_autoptr(GError) error = NULL;

  check->person_id = person_id;
  check->checked_at = cg_datetime_local_to_utc (local);
  check->temperature = 36.5;
  g_assert_true (cg_health_check_add (f->db.store, f->db.policy, check, "test", &error));
  g_assert_no_error (error);
}

static gint64
add_visit (Fixture    *f,
           const char *name,
           int         n,
           gint64      visiting,
           const char *arrived,
           const char *left,
           double      temperature)
{
  g_autoptr(CgVisit) visit = cg_visit_new ();
  g_autoptr(GError) error = NULL;

  g_free (visit->visitor_name);
  visit->visitor_name = g_strdup (name);
  g_free (visit->visitor_id_number);
  visit->visitor_id_number = cg_test_id_number_born ("19800101", n);
  visit->visiting_id = visiting;
  visit->arrived_at = cg_datetime_local_to_utc (arrived);
  visit->left_at = left != NULL ? cg_datetime_local_to_utc (left) : NULL;
  visit->temperature = temperature;
  g_assert_true (cg_visit_check_in (f->db.store, f->db.policy, visit, "test", &error));
  g_assert_no_error (error);
  return visit->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cg_test_store_set_up (&f->db, "copresence", "copresence.db", "测试养老院", CG_KIND_CARE_HOME, 100);

  f->wang = add_person (f, "王秀英", "11010519491231002X", CG_PERSON_RESIDENT, "3-101");
  f->li_guilan = add_person (f, "李桂兰", "350582194506120043", CG_PERSON_RESIDENT, "3-101");
  f->chen = add_person (f, "陈国强", "350521195207080039", CG_PERSON_RESIDENT, "3-102");
  f->lin = add_person (f, "林美华", "350582198503150026", CG_PERSON_STAFF, "");
  f->xu = add_person (f, "许丽华", "35058219900101001X", CG_PERSON_STAFF, "");
  add_check (f, f->lin, "2026-03-10 08:00");
  add_check (f, f->xu, "2026-03-11 08:00");
  add_check (f, f->chen, "2026-03-11 08:05");

  f->zhang_id = cg_test_id_number_born ("19800101", 3);
  add_visit (f, "李娜", 1, f->chen, "2026-03-10 09:00", "2026-03-10 09:50", 36.5);
  g_assert_cmpuint (add_visit (f, "钱多", 2, f->chen, "2026-03-10 09:10", NULL, 38.5), >, 0);
  add_visit (f, "张伟", 3, f->wang, "2026-03-10 09:20", "2026-03-10 09:40", 36.6);
  add_visit (f, "王强", 4, f->chen, "2026-03-10 09:30", NULL, 36.4);
  add_visit (f, "赵敏", 5, f->wang, "2026-03-10 13:00", "2026-03-10 13:20", 36.7);
  add_visit (f, "张伟", 3, f->li_guilan, "2026-03-11 10:00", "2026-03-11 10:15", 36.6);
  g_assert_cmpint (cg_visit_count (f->db.store, "钱多", NULL), ==, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cg_test_store_tear_down (&f->db);
  g_free (f->zhang_id);
}

typedef struct
{
  CgContactKind  kind;
  const char    *name;
  const char    *from;
  const char    *to;
  const char    *detail;
} Expected;

static void
assert_list (GPtrArray      *list,
             const Expected *expected,
             guint           n)
{
  for (guint i = 0; i < list->len; i++)
    {
      CgContact *c = list->pdata[i];

      g_test_message ("%u: %d %s %s %s %s", i, c->kind, c->name, c->from, c->to, c->detail);
    }
  g_assert_cmpuint (list->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      CgContact *c = list->pdata[i];

      g_assert_cmpint (c->kind, ==, expected[i].kind);
      g_assert_cmpstr (c->name, ==, expected[i].name);
      g_assert_cmpstr (c->from, ==, expected[i].from);
      g_assert_cmpstr (c->to, ==, expected[i].to);
      g_assert_cmpstr (c->detail, ==, expected[i].detail);
      g_assert_cmpstr (c->name, !=, "钱多");
    }
}

static void
test_visitor (Fixture       *f,
              gconstpointer  data)
{
  static const Expected expected[] = {
    { CG_CONTACT_VISITOR, "李娜", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited 陈国强 (3-102)" },
    { CG_CONTACT_VISITOR, "王强", "2026-03-10T01:30:00Z", "2026-03-11T02:15:00Z", "visited 陈国强 (3-102)" },
    { CG_CONTACT_VISITED, "王秀英", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited by 张伟" },
    { CG_CONTACT_VISITED, "陈国强", "2026-03-10T01:20:00Z", "2026-03-11T02:15:00Z", "visited by 李娜, 王强" },
    { CG_CONTACT_VISITED, "李桂兰", "2026-03-11T02:00:00Z", "2026-03-11T02:15:00Z", "visited by 张伟" },
    { CG_CONTACT_STAFF, "林美华", "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", "on duty 2026-03-10" },
    { CG_CONTACT_STAFF, "许丽华", "2026-03-10T16:00:00Z", "2026-03-11T16:00:00Z", "on duty 2026-03-11" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *lower = g_ascii_strdown (f->zhang_id, -1);

  list = cg_copresence_list (f->db.store, 0, f->zhang_id, "2026-03-09T16:00:00Z", "2026-03-11T16:00:00Z", &error);
  g_assert_no_error (error);
  assert_list (list, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (((CgContact *) list->pdata[0])->id_number, ==, "350582198001010015");
  g_assert_cmpint (((CgContact *) list->pdata[0])->person_id, ==, 0);
  g_assert_cmpint (((CgContact *) list->pdata[2])->person_id, ==, f->wang);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Only the first day: the 3-11 visit and 许丽华 drop out; 王强's open
   * visit now ends with the span, but meets 张伟 only at 09:30–09:40. */
  {
    static const Expected first_day[] = {
      { CG_CONTACT_VISITOR, "李娜", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited 陈国强 (3-102)" },
      { CG_CONTACT_VISITOR, "王强", "2026-03-10T01:30:00Z", "2026-03-10T01:40:00Z", "visited 陈国强 (3-102)" },
      { CG_CONTACT_VISITED, "王秀英", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited by 张伟" },
      { CG_CONTACT_VISITED, "陈国强", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited by 李娜, 王强" },
      { CG_CONTACT_STAFF, "林美华", "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", "on duty 2026-03-10" },
    };

    /* The ID number as typed, in lower case. */
    list = cg_copresence_list (f->db.store, 0, lower, "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", &error);
    g_assert_no_error (error);
    assert_list (list, first_day, G_N_ELEMENTS (first_day));
    g_clear_pointer (&list, g_ptr_array_unref);
  }

  /* The refused visitor met no one. */
  {
    g_autofree char *qian = cg_test_id_number_born ("19800101", 2);

    list = cg_copresence_list (f->db.store, 0, qian, "2026-03-09T16:00:00Z", "2026-03-11T16:00:00Z", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 0);
    g_clear_pointer (&list, g_ptr_array_unref);
  }

  /* A span that ends before it starts. */
  g_assert_null (cg_copresence_list (f->db.store, 0, f->zhang_id, "2026-03-11T00:00:00Z", "2026-03-10T00:00:00Z", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
}

static void
test_resident (Fixture       *f,
               gconstpointer  data)
{
  static const Expected chen[] = {
    { CG_CONTACT_VISITOR, "李娜", "2026-03-10T01:00:00Z", "2026-03-10T01:50:00Z", "visited 陈国强 (3-102)" },
    { CG_CONTACT_VISITOR, "张伟", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited 王秀英 (3-101)" },
    { CG_CONTACT_VISITOR, "王强", "2026-03-10T01:30:00Z", "2026-03-10T16:00:00Z", "visited 陈国强 (3-102)" },
    { CG_CONTACT_VISITOR, "赵敏", "2026-03-10T05:00:00Z", "2026-03-10T05:20:00Z", "visited 王秀英 (3-101)" },
    { CG_CONTACT_VISITED, "王秀英", "2026-03-10T01:20:00Z", "2026-03-10T05:20:00Z", "visited by 张伟, 赵敏" },
    { CG_CONTACT_STAFF, "林美华", "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", "on duty 2026-03-10" },
  };
  static const Expected wang[] = {
    { CG_CONTACT_VISITOR, "张伟", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited 王秀英 (3-101)" },
    { CG_CONTACT_VISITOR, "李娜", "2026-03-10T01:20:00Z", "2026-03-10T01:40:00Z", "visited 陈国强 (3-102)" },
    { CG_CONTACT_VISITOR, "王强", "2026-03-10T01:30:00Z", "2026-03-10T05:20:00Z", "visited 陈国强 (3-102)" },
    { CG_CONTACT_VISITOR, "赵敏", "2026-03-10T05:00:00Z", "2026-03-10T05:20:00Z", "visited 王秀英 (3-101)" },
    { CG_CONTACT_VISITED, "陈国强", "2026-03-10T01:20:00Z", "2026-03-10T05:20:00Z", "visited by 李娜, 王强" },
    { CG_CONTACT_STAFF, "林美华", "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", "on duty 2026-03-10" },
    { CG_CONTACT_ROOMMATE, "李桂兰", "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", "room 3-101" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  list = cg_copresence_list (f->db.store, f->chen, NULL, "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", &error);
  g_assert_no_error (error);
  assert_list (list, chen, G_N_ELEMENTS (chen));
  g_clear_pointer (&list, g_ptr_array_unref);

  list = cg_copresence_list (f->db.store, f->wang, NULL, "2026-03-09T16:00:00Z", "2026-03-10T16:00:00Z", &error);
  g_assert_no_error (error);
  assert_list (list, wang, G_N_ELEMENTS (wang));
  g_assert_cmpint (((CgContact *) list->pdata[6])->person_id, ==, f->li_guilan);
}

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  static const Expected expected[] = {
    { CG_CONTACT_VISITOR, "王强", "2026-03-10T16:00:00Z", "2026-03-11T16:00:00Z", "visited 陈国强 (3-102)" },
    { CG_CONTACT_VISITOR, "张伟", "2026-03-11T02:00:00Z", "2026-03-11T02:15:00Z", "visited 李桂兰 (3-101)" },
    { CG_CONTACT_VISITED, "陈国强", "2026-03-10T16:00:00Z", "2026-03-11T16:00:00Z", "visited by 王强" },
    { CG_CONTACT_VISITED, "李桂兰", "2026-03-11T02:00:00Z", "2026-03-11T02:15:00Z", "visited by 张伟" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  list = cg_copresence_list (f->db.store, f->xu, NULL, "2026-03-09T16:00:00Z", "2026-03-11T16:00:00Z", &error);
  g_assert_no_error (error);
  assert_list (list, expected, G_N_ELEMENTS (expected));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Unknown subjects. */
  g_assert_null (cg_copresence_list (f->db.store, 4242, NULL, "2026-03-09T16:00:00Z", "2026-03-11T16:00:00Z", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (cg_copresence_list (f->db.store, 0, NULL, "2026-03-09T16:00:00Z", "2026-03-11T16:00:00Z", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/copresence/visitor", Fixture, NULL, fixture_set_up, test_visitor, fixture_tear_down);
  g_test_add ("/copresence/resident", Fixture, NULL, fixture_set_up, test_resident, fixture_tear_down);
  g_test_add ("/copresence/staff", Fixture, NULL, fixture_set_up, test_staff, fixture_tear_down);

  return g_test_run ();
}
