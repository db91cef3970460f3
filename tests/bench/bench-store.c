/* bench-store.c — how the person register behaves with many people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a fresh database with --people people through the core API (one
 * transaction, as an import does), saves --single more one by one (one
 * transaction each, as the person dialog does), then times the searches and
 * lookups the people page and the importer make.  It prints figures and
 * asserts nothing about time: benchmarks are run on purpose
 * (meson test --benchmark), never as part of the test suite.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cg-institution.h"
#include "cg-person.h"
#include "cg-store.h"
#include "cg-validate.h"

#define SEED 20261123

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
  "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
  "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
};
static const char * const given[] = {
  "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊",
  "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "兰",
  "霞", "平", "刚", "桂", "华", "玉", "金", "建", "国", "文",
  "辉", "红", "春", "海", "燕", "淑", "珍", "梅", "荣", "福",
};
static const char * const roles[] = {
  "护理员", "护士", "医生", "厨师", "保洁员", "门卫", "行政", "院长",
};

static int n_people = 100000;
static int n_single = 200;
static int n_lookups = 10000;
static int n_rounds = 5;
static gboolean keep = FALSE;

static const GOptionEntry entries[] = {
  { "people", 'n', 0, G_OPTION_ARG_INT, &n_people,
    "People to insert in one transaction (default 100000)", "N" },
  { "single", 's', 0, G_OPTION_ARG_INT, &n_single,
    "People then saved one transaction each (default 200)", "N" },
  { "lookups", 'l', 0, G_OPTION_ARG_INT, &n_lookups,
    "Lookups by ID number (default 10000)", "N" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds,
    "Repetitions of each search (default 5)", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep,
    "Keep the database afterwards and print its path", NULL },
  { NULL }
};

/* A valid mainland ID number, different for every @i: region 350582
 * (Jinjiang), a birth date that moves one day every 1000 people, a
 * sequence number and the check digit. */
static char *
make_id_number (int i)
{
  GDate birth;
  char first17[18];
  char check;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, G_DATE_JANUARY, 1925);
  g_date_add_days (&birth, (guint) (i / 1000));
  g_snprintf (first17, sizeof first17, "350582%04u%02u%02u%03d",
              (guint) g_date_get_year (&birth), (guint) g_date_get_month (&birth),
              (guint) g_date_get_day (&birth), i % 1000);
  check = cg_id_number_check_digit (first17);
  g_assert (check != 0);
  return g_strdup_printf ("%s%c", first17, check);
}

static CgPerson *
make_person (GRand *rand,
             int    i)
{
  CgPerson *person = cg_person_new ();
  g_autofree char *id_number = make_id_number (i);
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *arrived = NULL;
  gboolean staff = g_rand_int_range (rand, 0, 10) == 0;

  name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                      given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                      g_rand_boolean (rand)
                        ? given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))] : "",
                      NULL);
  phone = g_strdup_printf ("1%d%09d", g_rand_int_range (rand, 3, 10),
                           g_rand_int_range (rand, 0, 1000000000));
  arrived = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 15, 23),
                             g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, staff ? CG_PERSON_STAFF : CG_PERSON_RESIDENT);
  cg_person_set_sex (person, cg_id_number_sex (id_number) == 'M' ? CG_SEX_MALE : CG_SEX_FEMALE);
  cg_person_set_phone (person, phone);
  cg_person_set_arrived_on (person, arrived);
  if (staff)
    {
      cg_person_set_role (person, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))]);
    }
  else
    {
      g_autofree char *room = g_strdup_printf ("%c-%d%02d", 'A' + g_rand_int_range (rand, 0, 4),
                                               g_rand_int_range (rand, 1, 7),
                                               g_rand_int_range (rand, 1, 31));
      cg_person_set_room (person, room);
    }
  return person;
}

static void
report (const char *what,
        int         ops,
        gint64      usec,
        const char *extra)
{
  double ms = usec / 1000.0;

  g_print ("%-44s %9d ops %11.1f ms %11.2f us/op %9.0f ops/s%s%s\n",
           what, ops, ms, ops > 0 ? (double) usec / ops : 0.0,
           usec > 0 ? ops * 1e6 / usec : 0.0,
           extra != NULL ? "  " : "", extra != NULL ? extra : "");
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-store: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* Runs the same search @n_rounds times; prints the mean and the hits. */
static void
time_search (CgStore        *store,
             const char     *label,
             const char     *search,
             int             kind,
             CgPersonFilter  filter)
{
  gint64 total = 0;
  guint hits = 0;
  g_autofree char *extra = NULL;

  for (int r = 0; r < n_rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 start = g_get_monotonic_time ();

      found = cg_person_search (store, search, kind, filter, &error);
      total += g_get_monotonic_time () - start;
      if (found == NULL)
        die (label, error);
      hits = found->len;
    }
  extra = g_strdup_printf ("(%u found)", hits);
  report (label, n_rounds, total, extra);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgInstitution) institution = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *probe = NULL;
  gint64 start;
  gint64 elapsed;
  int total;

  context = g_option_context_new ("— time the person register");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 2;
    }
  if (n_people < 1 || n_single < 0 || n_lookups < 0 || n_rounds < 1)
    {
      g_printerr ("bench-store: --people and --rounds must be at least 1\n");
      return 2;
    }

  dir = g_dir_make_tmp ("careguard-bench-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary folder", error);
  path = g_build_filename (dir, "careguard.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  rand = g_rand_new_with_seed (SEED);

  g_print ("bench-store: %d people in one transaction, %d saved one by one, SQLite %s\n",
           n_people, n_single, sqlite3_libversion ());

  start = g_get_monotonic_time ();
  store = cg_store_open (path, &error);
  if (store == NULL)
    die ("open", error);
  report ("open and migrate a new database", 1, g_get_monotonic_time () - start, NULL);

  institution = cg_institution_new ();
  g_free (institution->name);
  institution->name = g_strdup ("晋江市基准养老院");
  institution->kind = CG_KIND_CARE_HOME;
  institution->beds = 1000;
  institution->risk = CG_RISK_LOW;
  if (!cg_institution_save (store, institution, "bench", &error))
    die ("institution", error);

  /* Bulk: what an import of a whole register does. */
  start = g_get_monotonic_time ();
  if (!cg_store_begin (store, &error))
    die ("begin", error);
  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(CgPerson) person = make_person (rand, i);

      if (!cg_person_save_in_transaction (store, person, "bench", &error))
        die ("insert", error);
    }
  if (!cg_store_commit (store, &error))
    die ("commit", error);
  elapsed = g_get_monotonic_time () - start;
  report ("insert people, one transaction", n_people, elapsed, NULL);

  /* One by one: what the person dialog does, each save durable on its own. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < n_single; i++)
    {
      g_autoptr(CgPerson) person = make_person (rand, n_people + i);

      if (!cg_person_save (store, person, "bench", &error))
        die ("save", error);
    }
  report ("save people, one transaction each", n_single, g_get_monotonic_time () - start, NULL);
  total = n_people + n_single;

  start = g_get_monotonic_time ();
  for (int r = 0; r < n_rounds; r++)
    {
      int count = cg_person_count (store, -1, &error);

      if (count < 0)
        die ("count", error);
      if (count != total)
        {
          g_printerr ("bench-store: %d people stored, %d expected\n", count, total);
          return 1;
        }
    }
  report ("count present people", n_rounds, g_get_monotonic_time () - start, NULL);

  time_search (store, "search: everyone", NULL, -1, CG_PERSON_FILTER_ACTIVE);
  time_search (store, "search: every resident", "", CG_PERSON_RESIDENT, CG_PERSON_FILTER_ACTIVE);
  time_search (store, "search: a full name", "王芳", -1, CG_PERSON_FILTER_ALL);
  time_search (store, "search: a surname", "林", -1, CG_PERSON_FILTER_ALL);
  time_search (store, "search: residents on a floor", "B-3", CG_PERSON_RESIDENT,
               CG_PERSON_FILTER_ACTIVE);
  probe = make_id_number (n_people / 2);
  probe[14] = '\0';   /* region and birth date: about 1000 people */
  time_search (store, "search: ID number prefix", probe, -1, CG_PERSON_FILTER_ALL);
  time_search (store, "search: a name nobody has", "欧阳不存在", -1, CG_PERSON_FILTER_ALL);

  /* What the importer does for every row that names a person. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < n_lookups; i++)
    {
      g_autofree char *id_number = make_id_number (g_rand_int_range (rand, 0, total));
      g_autoptr(CgPerson) person = cg_person_find_by_id_number (store, id_number, &error);

      if (person == NULL)
        die ("lookup", error);
    }
  report ("find by ID number", n_lookups, g_get_monotonic_time () - start, NULL);

  extra = g_strdup_printf ("database %.1f MiB, WAL %.1f MiB",
                           file_size (path) / 1048576.0, file_size (wal) / 1048576.0);
  g_print ("bench-store: %s\n", extra);

  g_clear_object (&store);
  if (keep)
    {
      g_print ("bench-store: kept %s\n", path);
    }
  else
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);
          g_unlink (file);
        }
      g_rmdir (dir);
    }
  return 0;
}
