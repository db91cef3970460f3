/* test-person.c — people: validation, save, archive (never delete), search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-audit.h"
#include "cg-person.h"
#include "cg-store.h"
#include "cg-test-util.h"

static CgStore *
new_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("careguard-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "people.db", NULL);
  g_autoptr(GError) error = NULL;
  CgStore *store = cg_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static CgPerson *
make (const char   *name,
      const char   *id_number,
      CgPersonKind  kind,
      const char   *arrived_on)
{
  CgPerson *person = cg_person_new ();

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_arrived_on (person, arrived_on);
  return person;
}

static void
test_validate_refuses (void)
{
  g_autoptr(CgStore) store = new_store ();
  struct { const char *name, *id, *arrived, *phone, *left; } bad[] = {
    { "", "11010519491231002X", "2020-01-01", "", NULL },            /* no name */
    { "王秀英", "110105194912310021", "2020-01-01", "", NULL },       /* wrong check digit */
    { "王秀英", "110105194902300020", "2020-01-01", "", NULL },       /* 30 February */
    { "王秀英", "11010519491231002X", "", "", NULL },                 /* no arrival date */
    { "王秀英", "11010519491231002X", "2020-02-30", "", NULL },       /* impossible arrival */
    { "王秀英", "11010519491231002X", "1940-01-01", "", NULL },       /* arrived before birth */
    { "王秀英", "11010519491231002X", "2020-01-01", "1380013800", NULL }, /* short phone */
    { "王秀英", "11010519491231002X", "2020-01-01", "", "2019-12-31" },   /* left before arrival */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CgPerson) person = make (bad[i].name, bad[i].id, CG_PERSON_RESIDENT, bad[i].arrived);
      g_autoptr(GError) error = NULL;

      cg_person_set_phone (person, bad[i].phone);
      cg_person_set_left_on (person, bad[i].left);
      g_assert_false (cg_person_save (store, person, "test", &error));
      g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
      g_assert_cmpint (cg_person_get_id (person), ==, 0);
    }
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM audit"), ==, 0);
}

static void
test_save_normalises_and_audits (void)
{
  g_autoptr(CgStore) store = new_store ();
  g_autoptr(CgPerson) person = make (" 王秀英 ", " 11010519491231002x ", CG_PERSON_RESIDENT, "2020/3/1");
  g_autoptr(CgPerson) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  cg_person_set_phone (person, "+86 138-0013-8000");
  cg_person_set_room (person, "2-05");
  g_assert_true (cg_person_save (store, person, "护士长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_person_get_id (person), >, 0);

  loaded = cg_person_find_by_id_number (store, "11010519491231002x", &error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (cg_person_get_name (loaded), ==, "王秀英");
  g_assert_cmpstr (cg_person_get_id_number (loaded), ==, "11010519491231002X");
  g_assert_cmpstr (cg_person_get_arrived_on (loaded), ==, "2020-03-01");
  g_assert_cmpstr (cg_person_get_phone (loaded), ==, "13800138000");
  g_assert_cmpstr (cg_person_get_room (loaded), ==, "2-05");

  audit = cg_audit_list (store, "person.", 0, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((CgAuditEntry *) audit->pdata[0])->what, ==, "person.add");
  g_assert_cmpstr (((CgAuditEntry *) audit->pdata[0])->who, ==, "护士长");
  g_assert_cmpstr (((CgAuditEntry *) audit->pdata[0])->subject, ==, "11010519491231002X");

  /* An edit is recorded with before and after. */
  cg_person_set_room (loaded, "3-01");
  g_assert_true (cg_person_save (store, loaded, "护士长", &error));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = cg_audit_list (store, "person.", 0, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((CgAuditEntry *) audit->pdata[0])->what, ==, "person.edit");
  g_assert_nonnull (strstr (((CgAuditEntry *) audit->pdata[0])->old_value, "2-05"));
  g_assert_nonnull (strstr (((CgAuditEntry *) audit->pdata[0])->new_value, "3-01"));
}

static void
test_duplicate_id_refused (void)
{
  g_autoptr(CgStore) store = new_store ();
  g_autoptr(CgPerson) first = make ("王秀英", "11010519491231002X", CG_PERSON_RESIDENT, "2020-01-01");
  g_autoptr(CgPerson) second = make ("王秀兰", "11010519491231002X", CG_PERSON_STAFF, "2021-01-01");
  g_autoptr(GError) error = NULL;

  g_assert_true (cg_person_save (store, first, NULL, &error));
  g_assert_false (cg_person_save (store, second, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "王秀英"));
  g_assert_cmpint (cg_person_get_id (second), ==, 0);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM person"), ==, 1);
}

static void
test_archive_never_deletes (void)
{
  g_autoptr(CgStore) store = new_store ();
  g_autoptr(CgPerson) person = make ("陈建国", "440524194001010015", CG_PERSON_RESIDENT, "2018-01-01");
  g_autoptr(GPtrArray) present = NULL;
  g_autoptr(GPtrArray) archived = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cg_person_save (store, person, NULL, &error));
  g_assert_cmpint (cg_person_count (store, CG_PERSON_RESIDENT, NULL), ==, 1);

  /* Leaving before arriving is impossible, and refused. */
  g_assert_false (cg_person_archive (store, person, "2017-12-31", NULL, &error));
  g_clear_error (&error);
  g_assert_false (cg_person_get_archived (person));

  g_assert_true (cg_person_archive (store, person, "2020-06-30", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cg_person_get_archived (person));
  g_assert_cmpint (cg_person_count (store, CG_PERSON_RESIDENT, NULL), ==, 0);
  g_assert_cmpint (cg_test_query_int (store, "SELECT count(*) FROM person"), ==, 1);

  present = cg_person_search (store, NULL, -1, CG_PERSON_FILTER_ACTIVE, &error);
  g_assert_cmpuint (present->len, ==, 0);
  archived = cg_person_search (store, "陈", -1, CG_PERSON_FILTER_ARCHIVED, &error);
  g_assert_cmpuint (archived->len, ==, 1);
  g_assert_cmpstr (cg_person_get_left_on (archived->pdata[0]), ==, "2020-06-30");

  g_assert_true (cg_person_restore (store, person, NULL, &error));
  g_assert_false (cg_person_get_archived (person));
  g_assert_null (cg_person_get_left_on (person));
  g_assert_cmpint (cg_person_count (store, CG_PERSON_RESIDENT, NULL), ==, 1);
}

static void
test_search (void)
{
  g_autoptr(CgStore) store = new_store ();
  const struct { const char *name, *id, *room; CgPersonKind kind; } people[] = {
    { "王秀英", "11010519491231002X", "2-05", CG_PERSON_RESIDENT },
    { "陈建国", "440524194001010015", "2-06", CG_PERSON_RESIDENT },
    { "林美华", "350582198503150026", "", CG_PERSON_STAFF },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(CgPerson) p = make (people[i].name, people[i].id, people[i].kind, "2020-01-01");

      cg_person_set_room (p, people[i].room);
      g_assert_true (cg_person_save (store, p, NULL, &error));
      g_assert_no_error (error);
    }

#define EXPECT(search, kind, n) G_STMT_START { \
    g_autoptr(GPtrArray) found = cg_person_search (store, search, kind, CG_PERSON_FILTER_ALL, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (found->len, ==, n); \
  } G_STMT_END
  EXPECT (NULL, -1, 3);
  EXPECT ("", -1, 3);
  EXPECT ("秀英", -1, 1);
  EXPECT ("2-0", -1, 2);              /* room */
  EXPECT ("002x", -1, 1);             /* ID number, any case */
  EXPECT ("3505821985", -1, 1);
  EXPECT (NULL, CG_PERSON_STAFF, 1);
  EXPECT ("王", CG_PERSON_STAFF, 0);
  EXPECT ("%", -1, 0);                /* no wildcard surprises */
#undef EXPECT

  {
    /* Staff first, then by name. */
    g_autoptr(GPtrArray) all = cg_person_search (store, NULL, -1, CG_PERSON_FILTER_ALL, &error);
    g_assert_cmpint (cg_person_get_kind (all->pdata[0]), ==, CG_PERSON_STAFF);
  }
}

static void
test_kind_words (void)
{
  g_assert_cmpint (cg_person_kind_from_string ("staff"), ==, CG_PERSON_STAFF);
  g_assert_cmpint (cg_person_kind_from_string (" 工作人员 "), ==, CG_PERSON_STAFF);
  g_assert_cmpint (cg_person_kind_from_string ("入住老人"), ==, CG_PERSON_RESIDENT);
  g_assert_cmpint (cg_person_kind_from_string ("儿童"), ==, CG_PERSON_CHILD);
  g_assert_cmpint (cg_person_kind_from_string ("受助人员"), ==, CG_PERSON_AID);
  g_assert_cmpint (cg_person_kind_from_string ("AID"), ==, CG_PERSON_AID);
  g_assert_cmpint (cg_person_kind_from_string ("visitor"), ==, -1);
  g_assert_cmpint (cg_sex_from_string ("女"), ==, CG_SEX_FEMALE);
  g_assert_cmpint (cg_sex_from_string ("Male"), ==, CG_SEX_MALE);
  g_assert_cmpint (cg_sex_from_string (""), ==, CG_SEX_UNKNOWN);
  g_assert_cmpint (cg_sex_from_string ("x"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/person/validate-refuses", test_validate_refuses);
  g_test_add_func ("/person/save-normalises-and-audits", test_save_normalises_and_audits);
  g_test_add_func ("/person/duplicate-id", test_duplicate_id_refused);
  g_test_add_func ("/person/archive-never-deletes", test_archive_never_deletes);
  g_test_add_func ("/person/search", test_search);
  g_test_add_func ("/person/kind-words", test_kind_words);

  return g_test_run ();
}
