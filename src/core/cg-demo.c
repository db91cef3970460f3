/* cg-demo.c — a realistic, seeded demonstration institution
 *
 * Names, ID numbers and phone numbers are generated (valid check digits,
 * real birth dates), never taken from real people.  The rooms, stays,
 * entry screenings and visitors are cg-demo-rooms.c's, the disinfection
 * log and training cg-demo-hygiene.c's, a funeral home's services and
 * mourners cg-demo-funeral.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-demo.h"
#include "cg-health-check.h"
#include "cg-person.h"
#include "cg-stock.h"
#include "cg-validate.h"

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "庄", "施", "洪", "蔡", "颜", "柯",
};
static const char * const given_female[] = {
  "秀英", "桂英", "秀兰", "玉兰", "桂兰", "玉珍", "淑珍", "丽华", "美华", "素珍", "月娥",
  "宝珠", "惠玲", "雅婷", "静", "丽", "婷", "芳", "敏", "燕", "娟", "霞", "雪梅", "丽娟",
  "金花", "阿妹", "碧霞", "春梅", "淑芬", "美玲",
};
static const char * const given_male[] = {
  "建国", "建华", "国强", "志强", "文华", "德明", "金水", "清泉", "天福", "文忠", "振华",
  "明辉", "永福", "海波", "伟", "强", "军", "磊", "洋", "勇", "杰", "涛", "斌", "超",
  "鸿儒", "锦坤", "国平", "少华", "荣发", "水生",
};
/* The demonstration institution is in Jinjiang, so its records are in
 * Chinese whatever the language of the program: they are data, not UI. */

/* Quanzhou districts and counties (region codes of GB/T 2260). */
static const char * const regions[] = {
  "350582", "350502", "350503", "350504", "350505", "350521", "350524",
  "350525", "350526", "350581", "350583",
};
static const char * const staff_roles[] = {
  "护理员", "护理员", "护理员", "护士", "护士", "医生", "厨师", "保洁员", "门卫", "社工", "行政",
};
/* Of the same length: a pick takes one draw whatever the kind. */
static const char * const funeral_roles[] = {
  "遗体接运工", "遗体接运工", "火化工", "火化工", "殡仪服务员", "殡仪服务员", "遗体整容师", "业务员",
  "保洁员", "门卫", "行政",
};
G_STATIC_ASSERT (G_N_ELEMENTS (funeral_roles) == G_N_ELEMENTS (staff_roles));

typedef CgDemoState Demo;

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}
#define PICK(demo, list) pick ((demo)->rand, (list), G_N_ELEMENTS (list))
#define PICK_FROM(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))

static char *
make_id_number (Demo  *demo,
                GRand *rand,
                int    age,
                CgSex  sex,
                GDate *birth_out)
{
  for (;;)
    {
      GDate birth = demo->today;
      char stem[18];
      int seq;
      char check;
      char *id;

      g_date_subtract_years (&birth, (guint) age);
      g_date_subtract_days (&birth, (guint) g_rand_int_range (rand, 1, 365));
      seq = g_rand_int_range (rand, 0, 500) * 2 + (sex == CG_SEX_MALE ? 1 : 0);
      g_snprintf (stem, sizeof stem, "%s%04d%02d%02d%03d", PICK_FROM (rand, regions),
                  g_date_get_year (&birth), g_date_get_month (&birth),
                  g_date_get_day (&birth), seq);
      check = cg_id_number_check_digit (stem);
      id = g_strdup_printf ("%s%c", stem, check);
      if (!g_hash_table_contains (demo->used_ids, id))
        {
          g_hash_table_add (demo->used_ids, g_strdup (id));
          *birth_out = birth;
          return id;
        }
      g_free (id);
    }
}

char *
cg_demo_make_phone (GRand *rand)
{
  static const char * const prefixes[] = { "135", "136", "137", "138", "139", "150", "151",
                                           "152", "158", "159", "180", "186", "188", "189" };

  return g_strdup_printf ("%s%08d", PICK_FROM (rand, prefixes),
                          g_rand_int_range (rand, 0, 100000000));
}

char *
cg_demo_make_id_number (CgDemoState *demo,
                        GRand       *rand,
                        int          age,
                        CgDemoSex    sex)
{
  GDate birth;

  return make_id_number (demo, rand, age, sex == CG_DEMO_MALE ? CG_SEX_MALE : CG_SEX_FEMALE, &birth);
}

char *
cg_demo_make_name (GRand     *rand,
                   CgDemoSex  sex)
{
  return g_strconcat (PICK_FROM (rand, surnames),
                      sex == CG_DEMO_MALE ? PICK_FROM (rand, given_male) : PICK_FROM (rand, given_female),
                      NULL);
}

static gboolean
add_person_full (Demo          *demo,
                 CgPersonKind   kind,
                 int            age,
                 const char    *role,
                 const char    *room,
                 int            days_here,
                 int            left_days_ago,
                 gint64        *id_out,
                 GError       **error)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *arrived = NULL;
  g_autofree char *left = NULL;
  CgSex sex = g_rand_boolean (demo->rand) ? CG_SEX_MALE : CG_SEX_FEMALE;
  GDate birth, date;

  id_number = make_id_number (demo, demo->rand, age, sex, &birth);
  name = g_strconcat (PICK (demo, surnames),
                      sex == CG_SEX_MALE ? PICK (demo, given_male) : PICK (demo, given_female),
                      NULL);
  date = demo->today;
  g_date_subtract_days (&date, (guint) days_here);
  if (g_date_compare (&date, &birth) < 0)
    date = birth;
  arrived = cg_date_to_iso (&date);

  cg_person_set_name (person, name);
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_sex (person, sex);
  /* Children and many old people have no phone of their own. */
  if (kind == CG_PERSON_STAFF || g_rand_int_range (demo->rand, 0, 3) == 0)
    {
      phone = cg_demo_make_phone (demo->rand);
      cg_person_set_phone (person, phone);
    }
  cg_person_set_role (person, role != NULL ? role : "");
  cg_person_set_room (person, room);
  cg_person_set_arrived_on (person, arrived);
  if (left_days_ago >= 0 && left_days_ago < days_here)
    {
      date = demo->today;
      g_date_subtract_days (&date, (guint) left_days_ago);
      left = cg_date_to_iso (&date);
      cg_person_set_left_on (person, left);
    }
  if (!cg_person_save_in_transaction (demo->store, person, "demo", error))
    return FALSE;
  if (id_out != NULL)
    *id_out = cg_person_get_id (person);
  return TRUE;
}

static gboolean
add_person (Demo          *demo,
            CgPersonKind   kind,
            int            age,
            const char    *role,
            const char    *room,
            int            days_here,
            int            left_days_ago,
            GError       **error)
{
  return add_person_full (demo, kind, age, role, room, days_here, left_days_ago, NULL, error);
}

static int
age_for (Demo         *demo,
         CgPersonKind  kind)
{
  switch (kind)
    {
    case CG_PERSON_STAFF: return g_rand_int_range (demo->rand, 22, 58);
    case CG_PERSON_CHILD: return g_rand_int_range (demo->rand, 1, 17);
    case CG_PERSON_AID: return g_rand_int_range (demo->rand, 18, 75);
    case CG_PERSON_RESIDENT:
    case CG_N_PERSON_KINDS:
    default: return g_rand_int_range (demo->rand, 62, 99);
    }
}

/* Days before today, by CG_DEMO_ARRIVAL_*. */
static const int arrival_days[CG_DEMO_N_ARRIVALS] = { 14, 5, 25, 40, 0, 0 };

gboolean
cg_demo_add_arrivals (CgDemoState       *demo,
                      CgInstitutionKind  kind,
                      GError           **error)
{
  CgPersonKind person_kind;
  guint n;

  switch (kind)
    {
    case CG_KIND_CHILD_WELFARE: person_kind = CG_PERSON_CHILD; break;
    case CG_KIND_RESCUE_STATION: person_kind = CG_PERSON_AID; break;
    case CG_KIND_CARE_HOME: person_kind = CG_PERSON_RESIDENT; break;
    case CG_KIND_FUNERAL_HOME:
    case CG_N_KINDS:
    default: return TRUE;
    }
  /* A rescue station has two entrants today, a fever and no health code. */
  n = kind == CG_KIND_RESCUE_STATION ? CG_DEMO_N_ARRIVALS : CG_DEMO_N_ARRIVALS - 1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *room = g_strdup_printf ("%d-%02d", 1 + (int) i % 3, 26 + (int) i);

      if (!add_person_full (demo, person_kind, age_for (demo, person_kind), NULL,
                            person_kind == CG_PERSON_AID ? "" : room,
                            arrival_days[i], -1, &demo->arrivals[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_test (Demo        *demo,
             gint64       person_id,
             const GDate *sampled,
             int          result_delay,
             const char  *result,
             GError     **error)
{
  static const char * const sites[] = { "晋江市医院", "晋江市中医院", "青阳街道社区卫生服务中心" };
  sqlite3_stmt *stmt;
  g_autofree char *sampled_on = cg_date_to_iso (sampled);
  g_autofree char *result_on = NULL;
  GDate result_date = *sampled;

  if (result_delay >= 0)
    {
      g_date_add_days (&result_date, (guint) result_delay);
      if (g_date_compare (&result_date, &demo->today) > 0)
        result_date = demo->today;
      result_on = cg_date_to_iso (&result_date);
    }
  stmt = cg_store_prepare (demo->store,
                           "INSERT OR IGNORE INTO nat_test (person_id, sampled_on, result, result_on, site, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  cg_bind_text (stmt, 2, sampled_on);
  cg_bind_text (stmt, 3, result);
  cg_bind_text (stmt, 4, result_on);
  cg_bind_text (stmt, 5, PICK (demo, sites));
  cg_bind_text (stmt, 6, demo->now);
  return cg_store_step_done (demo->store, stmt, error);
}

/* Staff every 3–4 weeks; a few who slipped (CH-5 overdue), a few new
 * arrivals still waiting (ALL-6), and one positive in the last days. */
static gboolean
add_tests (Demo       *demo,
           GPtrArray  *people,
           int         history_days,
           GError    **error)
{
  GDate start = demo->today;
  guint n_staff_seen = 0;

  g_date_subtract_days (&start, (guint) history_days);
  for (guint i = 0; i < people->len; i++)
    {
      CgPerson *person = people->pdata[i];
      gint64 id = cg_person_get_id (person);
      GDate arrived, end, day;
      gboolean staff = cg_person_get_kind (person) == CG_PERSON_STAFF;
      int since_arrival;

      cg_date_parse (cg_person_get_arrived_on (person), &arrived);
      end = demo->today;
      if (cg_person_get_left_on (person) != NULL)
        cg_date_parse (cg_person_get_left_on (person), &end);
      since_arrival = g_date_days_between (&arrived, &demo->today);

      /* The arrival test, for arrivals inside the history. */
      if (g_date_compare (&arrived, &start) >= 0)
        {
          /* Of the arrivals in the last fortnight, every other one waits. */
          if (since_arrival < 14 && (i % 2) == 0)
            {
              if (since_arrival < 2 && !insert_test (demo, id, &arrived, -1, "pending", error))
                return FALSE;
            }
          else if (!insert_test (demo, id, &arrived, 1, "negative", error))
            return FALSE;
        }
      if (!staff || since_arrival < 14)
        continue;

      n_staff_seen++;
      day = g_date_compare (&arrived, &start) > 0 ? arrived : start;
      g_date_add_days (&day, (guint) g_rand_int_range (demo->rand, 1, 26));
      {
        /* One in sixteen stopped testing a while ago: overdue now. */
        gboolean slipped = n_staff_seen % 16 == 5;
        GDate stop = end;

        if (slipped)
          g_date_subtract_days (&stop, (guint) g_rand_int_range (demo->rand, 30, 45));
        while (g_date_compare (&day, &stop) <= 0)
          {
            gboolean recent = g_date_days_between (&day, &demo->today) < 2;

            if (!insert_test (demo, id, &day, recent ? -1 : g_rand_int_range (demo->rand, 0, 2),
                              recent ? "pending" : "negative", error))
              return FALSE;
            g_date_add_days (&day, (guint) g_rand_int_range (demo->rand, 21, 28));
          }
      }
      /* One positive, three days ago: the critical alert of the demo. */
      if (n_staff_seen == 7)
        {
          day = demo->today;
          g_date_subtract_days (&day, 3);
          if (!insert_test (demo, id, &day, 1, "positive", error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_check (Demo        *demo,
              gint64       person_id,
              const GDate *day,
              int          minutes_after_seven,
              double       temperature,
              guint        symptoms,
              const char  *action,
              GError     **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *checked_at = NULL;
  g_autofree char *checked_on = cg_date_to_iso (day);
  sqlite3_stmt *stmt;

  local = cg_date_time_new_local (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                                 7 + minutes_after_seven / 60, minutes_after_seven % 60, 0);
  utc = g_date_time_to_utc (local);
  checked_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  stmt = cg_store_prepare (demo->store,
                           "INSERT INTO health_check (person_id, checked_at, checked_on, temperature, symptoms, action, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  cg_bind_text (stmt, 2, checked_at);
  cg_bind_text (stmt, 3, checked_on);
  sqlite3_bind_double (stmt, 4, temperature);
  sqlite3_bind_int (stmt, 5, (int) symptoms);
  cg_bind_text (stmt, 6, action);
  cg_bind_text (stmt, 7, checked_at);
  return cg_store_step_done (demo->store, stmt, error);
}

/* One morning check a day for everyone present, a handful missed, rare
 * fevers; today a few people are still waiting and one has a low fever. */
static gboolean
add_checks (Demo       *demo,
            GPtrArray  *people,
            int         history_days,
            GError    **error)
{
  GDate day = demo->today;

  g_date_subtract_days (&day, (guint) history_days);
  for (; g_date_compare (&day, &demo->today) <= 0; g_date_add_days (&day, 1))
    {
      g_autofree char *iso = cg_date_to_iso (&day);
      gboolean is_today = g_date_compare (&day, &demo->today) == 0;
      guint n_today = 0;

      for (guint i = 0; i < people->len; i++)
        {
          CgPerson *person = people->pdata[i];
          const char *left = cg_person_get_left_on (person);
          double t;
          guint symptoms = 0;
          const char *action = "";
          int roll;

          if (g_strcmp0 (cg_person_get_arrived_on (person), iso) > 0
              || (left != NULL && g_strcmp0 (left, iso) <= 0))
            continue;
          n_today++;
          roll = g_rand_int_range (demo->rand, 0, 10000);
          /* Today the morning round is not quite finished. */
          if ((is_today && n_today % 37 == 11) || (!is_today && roll < 20))
            continue;
          t = 36.5 + (g_rand_double (demo->rand) + g_rand_double (demo->rand)
                      + g_rand_double (demo->rand) - 1.5) * 0.35;
          t = CLAMP (round (t * 10) / 10, 35.9, 37.0);
          if (roll >= 9996 || (is_today && n_today == 23))
            {
              t = is_today ? 37.6 : 37.2 + g_rand_int_range (demo->rand, 0, 14) / 10.0;
              symptoms = CG_SYMPTOM_FEVER | (roll % 2 ? CG_SYMPTOM_COUGH : 0);
              action = "转入观察室，送发热门诊";
            }
          else if (roll >= 9993)
            {
              symptoms = roll % 2 ? CG_SYMPTOM_DRY_COUGH : CG_SYMPTOM_FATIGUE;
              action = "观察室隔离观察";
            }
          if (!insert_check (demo, cg_person_get_id (person), &day,
                             g_rand_int_range (demo->rand, 0, 150), t, symptoms, action, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_history (Demo       *demo,
             int         history_days,
             GError    **error)
{
  g_autoptr(GPtrArray) people = cg_person_search (demo->store, NULL, -1, CG_PERSON_FILTER_ALL, error);

  if (people == NULL)
    return FALSE;
  return add_tests (demo, people, history_days, error)
      && add_checks (demo, people, history_days, error);
}

static gboolean
fill (Demo              *demo,
      CgDemoSize         size,
      CgInstitutionKind  kind,
      GError           **error)
{
  g_autoptr(CgInstitution) inst = cg_institution_new ();
  static const char * const names[CG_N_KINDS] = {
    "晋江市福寿园养老院", "晋江市儿童福利院", "晋江市救助站", "晋江市殡仪馆",
  };
  int beds = size == CG_DEMO_LARGE ? 1000 : 100;
  int history_days = size == CG_DEMO_LARGE ? 3 * 365 : 120;
  int n_staff, n_residents;
  CgPersonKind resident_kind;
  const char * const *roles = kind == CG_KIND_FUNERAL_HOME ? funeral_roles : staff_roles;

  g_free (inst->name);
  inst->name = g_strdup (names[kind]);
  inst->kind = kind;
  g_free (inst->district);
  inst->district = g_strdup ("青阳街道");
  inst->beds = kind == CG_KIND_FUNERAL_HOME ? 0 : beds;
  inst->risk = CG_RISK_LOW;
  g_free (inst->director);
  inst->director = g_strdup ("林美华");
  g_free (inst->phone);
  inst->phone = g_strdup ("0595-85681234");

  switch (kind)
    {
    case CG_KIND_CHILD_WELFARE: resident_kind = CG_PERSON_CHILD; break;
    case CG_KIND_RESCUE_STATION: resident_kind = CG_PERSON_AID; break;
    case CG_KIND_CARE_HOME:
    case CG_KIND_FUNERAL_HOME:
    case CG_N_KINDS:
    default: resident_kind = CG_PERSON_RESIDENT; break;
    }

  /* Occupancy about 88 %; one carer for four residents, plus support staff. */
  n_residents = kind == CG_KIND_FUNERAL_HOME ? 0 : beds * 88 / 100;
  n_staff = kind == CG_KIND_FUNERAL_HOME ? (size == CG_DEMO_LARGE ? 120 : 24)
                                         : MAX (8, n_residents / 4 + 4);

  /* The profile and the people in one transaction: all or nothing. */
  if (!cg_store_begin (demo->store, error))
    return FALSE;
  if (!cg_institution_save_in_transaction (demo->store, inst, "demo", error))
    goto fail;

  for (int i = 0; i < n_staff; i++)
    {
      int days = g_rand_int_range (demo->rand, 30, history_days + 900);
      /* A few new hires inside the last fortnight: ALL-6 has work to do. */
      if (i < 2)
        days = g_rand_int_range (demo->rand, 1, 14);
      if (!add_person (demo, CG_PERSON_STAFF, g_rand_int_range (demo->rand, 22, 58),
                       pick (demo->rand, roles, G_N_ELEMENTS (staff_roles)), NULL, days, -1, error))
        goto fail;
    }

  for (int i = 0; i < n_residents; i++)
    {
      g_autofree char *room = NULL;
      int age;
      int days = g_rand_int_range (demo->rand, 1, history_days + 1500);

      switch (resident_kind)
        {
        case CG_PERSON_CHILD: age = g_rand_int_range (demo->rand, 1, 17); break;
        case CG_PERSON_AID:
          age = g_rand_int_range (demo->rand, 18, 75);
          days = g_rand_int_range (demo->rand, 1, 60);
          break;
        case CG_PERSON_RESIDENT:
        case CG_PERSON_STAFF:
        case CG_N_PERSON_KINDS:
        default: age = g_rand_int_range (demo->rand, 62, 99); break;
        }
      /* Floors of 25 rooms, two beds a room: "3-12" is floor 3, room 12. */
      room = g_strdup_printf ("%d-%02d", i / 50 + 1, (i % 50) / 2 + 1);
      if (!add_person (demo, resident_kind, age, NULL, room, days, -1, error))
        goto fail;
    }

  /* People who left during the history: their records stay, archived. */
  for (int i = 0; i < (kind == CG_KIND_FUNERAL_HOME ? 0 : n_residents / 8); i++)
    {
      int days = g_rand_int_range (demo->rand, 30, history_days + 400);
      if (!add_person (demo, resident_kind, age_for (demo, resident_kind), NULL, "",
                       days, g_rand_int_range (demo->rand, 1, MIN (days, history_days)), error))
        goto fail;
    }
  for (int i = 0; i < n_staff / 10; i++)
    {
      int days = g_rand_int_range (demo->rand, 60, history_days + 400);
      if (!add_person (demo, CG_PERSON_STAFF, g_rand_int_range (demo->rand, 22, 58),
                       pick (demo->rand, roles, G_N_ELEMENTS (staff_roles)), NULL, days,
                       g_rand_int_range (demo->rand, 1, MIN (days, history_days)), error))
        goto fail;
    }

  if (!cg_demo_add_arrivals (demo, kind, error))
    goto fail;
  if (!add_history (demo, history_days, error))
    goto fail;
  if (!cg_stock_demo_fill (demo->store, kind, inst->beds, &demo->today, demo->rand, error))
    goto fail;
  if (!cg_demo_add_rooms (demo, size, kind, history_days, error))
    goto fail;
  if (!cg_demo_add_hygiene (demo, kind, history_days, error))
    goto fail;
  if (kind == CG_KIND_FUNERAL_HOME && !cg_demo_add_funeral (demo, size, history_days, error))
    goto fail;

  if (!cg_store_commit (demo->store, error))
    goto fail;
  cg_store_emit_changed (demo->store, "institution");
  cg_store_emit_changed (demo->store, "person");
  cg_store_emit_changed (demo->store, "stock_item");
  cg_store_emit_changed (demo->store, "stock_movement");
  cg_store_emit_changed (demo->store, "room");
  cg_store_emit_changed (demo->store, "stay");
  cg_store_emit_changed (demo->store, "screening");
  cg_store_emit_changed (demo->store, "visit");
  cg_store_emit_changed (demo->store, "nat_test");
  cg_store_emit_changed (demo->store, "disinfection");
  cg_store_emit_changed (demo->store, "training");
  if (kind == CG_KIND_FUNERAL_HOME)
    {
      cg_store_emit_changed (demo->store, "service");
      cg_store_emit_changed (demo->store, "mourner");
      cg_store_emit_changed (demo->store, "covid_step");
      cg_store_emit_changed (demo->store, "protection");
    }
  return TRUE;

fail:
  cg_store_rollback (demo->store);
  return FALSE;
}

gboolean
cg_demo_fill (CgStore            *store,
              CgDemoSize          size,
              CgInstitutionKind   kind,
              guint32             seed,
              const GDate        *today,
              GError            **error)
{
  g_autoptr(CgInstitution) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < CG_N_KINDS, FALSE);

  existing = cg_institution_load (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL || cg_person_count (store, -1, NULL) > 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The database is not empty: demonstration data goes only into a new database."));
      return FALSE;
    }

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed);
  demo.used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.today = *today;
  demo.now = cg_datetime_now_utc ();
  ok = fill (&demo, size, kind, error);
  g_free (demo.now);
  g_rand_free (demo.rand);
  g_hash_table_unref (demo.used_ids);
  return ok;
}
