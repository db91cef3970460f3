/* cg-demo-rooms.c — the demonstration's rooms, stays, screenings, visitors
 *
 * Observation and isolation rooms (one not compliant), an entry screening
 * and a stay for every new arrival of the history (ALL-6; at a rescue
 * station every entrant, RS-1…3), and the visitors of every day (ALL-4):
 * more at weekends and holidays, a few turned away, a few overstays, and
 * today two visitors inside and one overstaying.  Everything goes through
 * the register APIs, which apply the rules, except the screenings:
 * cg_screening_record() holds its own transaction and picks the room, so
 * the demo decides with cg_screening_decide(), opens the stay with the
 * stay API and writes the row with cg_screening_insert_in_transaction().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-date.h"
#include "cg-demo.h"
#include "cg-module.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-room.h"
#include "cg-visit.h"

typedef struct
{
  gint64      id;
  CgRoomKind  kind;
  gboolean    compliant;
  gint64      busy_until;   /* unix time the room is free again */
} Room;

typedef struct
{
  char *name;
  char *id_number;
  char *phone;
  char *relationship;
} Visitor;

typedef struct
{
  gint64   id;
  char    *name;
  guint32  arrived;          /* julian days */
  guint32  left;             /* julian day of leaving, G_MAXUINT32 while here */
  GArray  *family;           /* Visitor, made on the first visit */
} Resident;

typedef struct
{
  CgDemoState       *demo;
  CgStore           *store;
  CgPolicy          *policy;
  CgInstitutionKind  kind;
  GRand             *rand;       /* of its own: the rest of the demo keeps its numbers */
  GDateTime         *now;        /* local: the demo's "now" on today */
  GDateTime         *real_now;   /* nothing is stored after it */
  GArray            *rooms;      /* Room */
  GPtrArray         *gate;       /* names of the gate staff (登记人) */
  GArray            *inside;     /* gint64: when each admitted visitor of the day leaves */
} Ctx;

static void
visitor_clear (gpointer data)
{
  Visitor *v = data;

  g_free (v->name);
  g_free (v->id_number);
  g_free (v->phone);
  g_free (v->relationship);
}

static void
resident_clear (gpointer data)
{
  Resident *r = data;

  g_free (r->name);
  g_clear_pointer (&r->family, g_array_unref);
}

static int
roll (Ctx *ctx,
      int  below)
{
  return g_rand_int_range (ctx->rand, 0, below);
}

static GDateTime *
local_at (const GDate *day,
          int          minute)
{
  g_autoptr(GDateTime) midnight = cg_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                         g_date_get_day (day), 0, 0, 0);

  return g_date_time_add_minutes (midnight, minute);
}

static char *
utc_text (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
unix_of (const char *utc)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (utc, zone);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/* @minutes before now, but today: early in the morning, halfway between
 * midnight and now. */
static GDateTime *
earlier_today (Ctx *ctx,
               int  minutes)
{
  g_autoptr(GDateTime) midnight = local_at (&ctx->demo->today, 0);
  GDateTime *at = g_date_time_add_minutes (ctx->now, -minutes);

  if (g_date_time_compare (at, midnight) >= 0)
    return at;
  g_date_time_unref (at);
  return g_date_time_add (midnight, g_date_time_difference (ctx->now, midnight) / 2);
}

static gboolean
is_past (Ctx       *ctx,
         GDateTime *dt)
{
  return g_date_time_compare (dt, ctx->real_now) <= 0;
}

/* ---------------------------------------------------------------------- */
/* Rooms                                                                  */
/* ---------------------------------------------------------------------- */

static gboolean
add_room (Ctx         *ctx,
          const char  *name,
          CgRoomKind   kind,
          gboolean     own_toilet,
          const char  *note,
          GError     **error)
{
  g_autoptr(CgRoom) room = cg_room_new ();
  Room entry = { 0 };

  room->name = g_strdup (name);
  room->kind = kind;
  room->own_toilet = own_toilet;
  room->ventilated = TRUE;
  room->low_traffic = TRUE;
  g_free (room->note);
  room->note = g_strdup (note != NULL ? note : "");
  if (!cg_room_save_in_transaction (ctx->store, room, "demo", error))
    return FALSE;
  entry.id = room->id;
  entry.kind = kind;
  entry.compliant = cg_room_is_compliant (room);
  g_array_append_val (ctx->rooms, entry);
  return TRUE;
}

/* Two floors set apart: observation rooms on the first, isolation rooms
 * on the second; the last isolation room shares the corridor's toilet. */
static gboolean
add_rooms (Ctx         *ctx,
           CgDemoSize   size,
           GError     **error)
{
  gboolean large = size == CG_DEMO_LARGE;
  gboolean station = ctx->kind == CG_KIND_RESCUE_STATION;
  int n_observation = large ? (station ? 4 : 3) : 2;
  int n_isolation = station ? (large ? 40 : 8) : (large ? 14 : 5);

  for (int i = 0; i < n_observation; i++)
    {
      g_autofree char *name = g_strdup_printf ("观察室%d", 101 + i);

      if (!add_room (ctx, name, CG_ROOM_OBSERVATION, TRUE, "一楼东侧，独立卫生间", error))
        return FALSE;
    }
  for (int i = 0; i < n_isolation; i++)
    {
      g_autofree char *name = g_strdup_printf ("隔离室%d", 201 + i);

      if (!add_room (ctx, name, CG_ROOM_ISOLATION, TRUE, "二楼隔离区，独立卫生间", error))
        return FALSE;
    }
  {
    g_autofree char *name = g_strdup_printf ("隔离室%d", 201 + n_isolation);

    return add_room (ctx, name, CG_ROOM_ISOLATION, FALSE, "无独立卫生间，与走廊公共卫生间共用，待改造", error);
  }
}

/* A free room of the kind, compliant first (the rule of cg-screening.c:
 * any free room when no compliant one is free); NULL when none is. */
static Room *
free_room (Ctx        *ctx,
           CgRoomKind  kind,
           gint64      start)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ctx->rooms->len; i++)
      {
        Room *room = &g_array_index (ctx->rooms, Room, i);

        if (room->kind == kind && room->compliant == (pass == 0) && room->busy_until <= start)
          return room;
      }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Arrivals: screening and stay                                           */
/* ---------------------------------------------------------------------- */

static gboolean
insert_screening (Ctx               *ctx,
                  CgScreening       *s,
                  GError           **error)
{
  return cg_screening_insert_in_transaction (ctx->store, s, ctx->demo->now, error);
}

static gboolean
add_negative_test (Ctx          *ctx,
                   gint64        person_id,
                   const GDate  *sampled,
                   GError      **error)
{
  g_autoptr(CgNatTest) test = cg_nat_test_new ();
  GDate result = *sampled;

  g_date_add_days (&result, 1);
  test->person_id = person_id;
  test->sampled_on = cg_date_to_iso (sampled);
  test->result = CG_NAT_NEGATIVE;
  test->result_on = cg_date_to_iso (&result);
  g_free (test->site);
  test->site = g_strdup ("晋江市医院");
  return cg_nat_test_save_in_transaction (ctx->store, test, "demo", error);
}

typedef enum
{
  STORY_NONE,
  STORY_ENDING_TODAY,
  STORY_IN_PROGRESS,
  STORY_EARLY_RELEASE,
  STORY_FEVER_TODAY,
  STORY_NO_CODE_TODAY,
} Story;

/* One arrival: the screening as it went, then its stay. */
static gboolean
add_arrival (Ctx        *ctx,
             CgPerson   *person,
             Story       story,
             GError    **error)
{
  g_autoptr(CgScreening) s = cg_screening_new ();
  g_autoptr(GDateTime) at = NULL;
  gboolean station = ctx->kind == CG_KIND_RESCUE_STATION;
  const char *left_on = cg_person_get_left_on (person);
  GDate day;
  int r = roll (ctx, 1000);
  int minute;

  cg_date_parse (cg_person_get_arrived_on (person), &day);
  /* Entrants come at any hour; residents in the day. */
  minute = station ? roll (ctx, 20 * 60) + 4 * 60 : 9 * 60 + roll (ctx, 7 * 60);
  if (story == STORY_ENDING_TODAY)
    minute = 16 * 60 + 30;   /* 14 days ago, 16:30: the planned end is this afternoon */
  at = local_at (&day, minute);
  if (story == STORY_FEVER_TODAY || story == STORY_NO_CODE_TODAY || !is_past (ctx, at))
    {
      /* Today's entrants came in the last hours. */
      g_clear_pointer (&at, g_date_time_unref);
      at = earlier_today (ctx, story == STORY_FEVER_TODAY ? 95 : 140 + roll (ctx, 60));
      if (!is_past (ctx, at))
        return TRUE;
    }

  s->person_id = cg_person_get_id (person);
  s->screened_at = utc_text (at);
  s->screened_on = g_date_time_format (at, "%Y-%m-%d");
  s->temperature = (362 + roll (ctx, 7)) / 10.0;
  s->health_code = CG_HEALTH_CODE_GREEN;
  s->identity_verified = TRUE;
  s->registered_by = g_strdup (ctx->gate->len > 0 ? ctx->gate->pdata[roll (ctx, (int) ctx->gate->len)] : "门卫");
  if (station)
    {
      /* Police and city management bring most; a few come alone. */
      s->referred_by = r % 10 < 4 ? CG_REFERRED_POLICE : r % 10 < 7 ? CG_REFERRED_CITY_MANAGEMENT
                       : r % 10 < 9 ? CG_REFERRED_SELF : CG_REFERRED_OTHER;
      if (r < 90 || story == STORY_NO_CODE_TODAY || story == STORY_ENDING_TODAY
          || story == STORY_IN_PROGRESS || story == STORY_EARLY_RELEASE)
        s->health_code = CG_HEALTH_CODE_NONE;   /* no phone, no code: RS-2 */
      else if (r < 115)
        s->risk_travel = TRUE;
      if (r >= 990 || story == STORY_FEVER_TODAY)
        {
          s->temperature = (378 + roll (ctx, 8)) / 10.0;
          s->symptoms = CG_SYMPTOM_FEVER | CG_SYMPTOM_COUGH;
        }
      s->identity_verified = r % 7 != 3;
    }
  s->outcome = cg_screening_decide (ctx->policy, s, !station);

  if (s->outcome != CG_SCREENING_ADMIT)
    {
      g_autoptr(CgStay) stay = cg_stay_new ();
      g_autofree char *planned = cg_stay_default_planned_end (ctx->policy, s->screened_at);
      g_autoptr(GDateTime) end = NULL;
      gboolean observe = s->outcome == CG_SCREENING_OBSERVE;
      Room *room = free_room (ctx, observe ? CG_ROOM_OBSERVATION : CG_ROOM_ISOLATION, unix_of (s->screened_at));
      const char *disposition = "";

      if (room == NULL)
        /* No room free: the screening says so (the rules raise it). */
        return insert_screening (ctx, s, error);

      if (observe)
        {
          /* 120 and the report within minutes (RS-3); back the next day
           * after the fever clinic, or still there if it was today. */
          g_autoptr(GDateTime) called = g_date_time_add_minutes (at, 6);
          g_autoptr(GDateTime) reported = g_date_time_add_minutes (at, 15);

          if (is_past (ctx, called))
            s->called_120_at = utc_text (called);
          if (is_past (ctx, reported))
            s->reported_at = utc_text (reported);
          s->note = g_strdup ("已报告站长，120 送晋江市医院发热门诊");
          end = g_date_time_add_hours (at, 20);
          disposition = "发热门诊排除新冠，核酸阴性，转回普通宿舍";
        }
      else if (story == STORY_EARLY_RELEASE)
        {
          /* A negative sample on day 7, released on day 9. */
          GDate sampled = day;

          g_date_add_days (&sampled, 6);
          if (!add_negative_test (ctx, s->person_id, &sampled, error))
            return FALSE;
          g_date_add_days (&sampled, 2);
          end = local_at (&sampled, 10 * 60);
          disposition = "第7天核酸阴性，经评估提前解除隔离";
        }
      else if (story != STORY_ENDING_TODAY && story != STORY_IN_PROGRESS)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) planned_at = g_date_time_new_from_iso8601 (planned, utc);

          end = g_date_time_add_minutes (planned_at, 30 + roll (ctx, 150));
          disposition = station ? "隔离期满，核酸阴性，转入普通宿舍" : "隔离期满，体温正常，入住原定房间";
        }
      /* Someone who left before the stay would end is left out. */
      if (left_on != NULL)
        {
          g_autofree char *end_day = end != NULL ? g_date_time_format (end, "%Y-%m-%d") : NULL;

          if (end_day == NULL || g_strcmp0 (end_day, left_on) > 0)
            return TRUE;
        }

      stay->room_id = room->id;
      stay->person_id = s->person_id;
      stay->reason = observe ? CG_STAY_FEVER
                     : station && s->health_code == CG_HEALTH_CODE_NONE ? CG_STAY_NO_HEALTH_CODE
                     : station ? CG_STAY_RISK_AREA : CG_STAY_NEW_ARRIVAL;
      stay->started_at = g_strdup (s->screened_at);
      if (end != NULL && is_past (ctx, end))
        {
          stay->ended_at = utc_text (end);
          g_free (stay->disposition);
          stay->disposition = g_strdup (disposition);
          if (!cg_stay_add_in_transaction (ctx->store, ctx->policy, stay, "demo", error))
            return FALSE;
          room->busy_until = unix_of (stay->ended_at);
        }
      else
        {
          if (!cg_stay_open_in_transaction (ctx->store, ctx->policy, stay, "demo", error))
            return FALSE;
          room->busy_until = G_MAXINT64;
        }
      s->stay_id = stay->id;
    }
  return insert_screening (ctx, s, error);
}

static int
compare_arrival (gconstpointer a,
                 gconstpointer b)
{
  CgPerson *x = *(CgPerson * const *) a;
  CgPerson *y = *(CgPerson * const *) b;
  int cmp = g_strcmp0 (cg_person_get_arrived_on (x), cg_person_get_arrived_on (y));

  if (cmp != 0)
    return cmp;
  return cg_person_get_id (x) < cg_person_get_id (y) ? -1 : cg_person_get_id (x) > cg_person_get_id (y);
}

static Story
story_of (Ctx    *ctx,
          gint64  id)
{
  const CgDemoState *demo = ctx->demo;

  if (id == demo->arrivals[CG_DEMO_ARRIVAL_ENDING_TODAY])
    return STORY_ENDING_TODAY;
  if (id == demo->arrivals[CG_DEMO_ARRIVAL_IN_PROGRESS])
    return STORY_IN_PROGRESS;
  if (id == demo->arrivals[CG_DEMO_ARRIVAL_EARLY_RELEASE])
    return STORY_EARLY_RELEASE;
  if (ctx->kind == CG_KIND_RESCUE_STATION && id == demo->arrivals[CG_DEMO_ARRIVAL_TODAY])
    return STORY_FEVER_TODAY;
  if (ctx->kind == CG_KIND_RESCUE_STATION && id == demo->arrivals[CG_DEMO_ARRIVAL_TODAY_SECOND])
    return STORY_NO_CODE_TODAY;
  return STORY_NONE;
}

static gboolean
add_arrivals (Ctx        *ctx,
              GPtrArray  *people,
              int         history_days,
              GError    **error)
{
  g_autoptr(GPtrArray) arrivals = g_ptr_array_new ();
  g_autofree char *first = NULL;
  GDate start = ctx->demo->today;

  g_date_subtract_days (&start, (guint) history_days);
  first = cg_date_to_iso (&start);
  /* ALL-6 asks it of staff too; their isolation is not in the rooms
   * kept for residents, so only residents are screened here. */
  for (guint i = 0; i < people->len; i++)
    {
      CgPerson *person = people->pdata[i];

      if (cg_person_get_kind (person) != CG_PERSON_STAFF
          && g_strcmp0 (cg_person_get_arrived_on (person), first) >= 0)
        g_ptr_array_add (arrivals, person);
    }
  g_ptr_array_sort (arrivals, compare_arrival);
  for (guint i = 0; i < arrivals->len; i++)
    {
      CgPerson *person = arrivals->pdata[i];

      if (!add_arrival (ctx, person, story_of (ctx, cg_person_get_id (person)), error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Visitors                                                               */
/* ---------------------------------------------------------------------- */

/* Public holidays: New Year, the Spring Festival week, Qingming, Labour
 * Day and National Day (dates of the Spring Festival from the calendar). */
static gboolean
is_holiday (const GDate *day)
{
  static const char * const spring[] = {
    "2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
    "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
    "2030-02-03", "2031-01-23", "2032-02-11",
  };
  GDateMonth month = g_date_get_month (day);
  GDateDay dom = g_date_get_day (day);

  if ((month == G_DATE_JANUARY && dom == 1) || (month == G_DATE_APRIL && dom >= 4 && dom <= 6)
      || (month == G_DATE_MAY && dom <= 5) || (month == G_DATE_OCTOBER && dom <= 7))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (spring); i++)
    {
      GDate festival;
      int delta;

      cg_date_parse (spring[i], &festival);
      delta = (int) g_date_get_julian (day) - (int) g_date_get_julian (&festival);
      if (delta >= -1 && delta <= 6)
        return TRUE;
    }
  return FALSE;
}

static const Visitor *
visitor_for (Ctx      *ctx,
             Resident *resident)
{
  static const char * const family[] = { "儿子", "女儿", "儿媳", "孙子", "孙女", "女婿", "侄子", "老伴" };
  static const char * const children[] = { "志愿者", "爱心人士", "亲属", "寄养家长", "助养人" };
  gboolean child = ctx->kind == CG_KIND_CHILD_WELFARE;

  if (resident->family == NULL)
    {
      int n = 1 + roll (ctx, 3);

      resident->family = g_array_new (FALSE, TRUE, sizeof (Visitor));
      g_array_set_clear_func (resident->family, visitor_clear);
      for (int i = 0; i < n; i++)
        {
          Visitor v = { 0 };
          const char *relation = child ? children[roll (ctx, G_N_ELEMENTS (children))]
                                       : family[roll (ctx, G_N_ELEMENTS (family))];
          gboolean male = g_str_equal (relation, "儿子") || g_str_equal (relation, "孙子")
                          || g_str_equal (relation, "女婿") || g_str_equal (relation, "侄子")
                          || (!g_str_has_prefix (relation, "女") && !g_str_has_suffix (relation, "女")
                              && !g_str_equal (relation, "儿媳") && roll (ctx, 2) == 0);
          CgDemoSex sex = male ? CG_DEMO_MALE : CG_DEMO_FEMALE;
          int age = g_str_has_prefix (relation, "孙") ? 20 + roll (ctx, 20)
                    : g_str_equal (relation, "老伴") ? 70 + roll (ctx, 15) : 30 + roll (ctx, 30);

          v.name = cg_demo_make_name (ctx->rand, sex);
          /* Sons and grandchildren carry the family name. */
          if (!child && (g_str_equal (relation, "儿子") || g_str_equal (relation, "女儿")
                         || g_str_has_prefix (relation, "孙")))
            {
              g_autofree char *given = g_strdup (g_utf8_next_char (v.name));

              g_free (v.name);
              v.name = g_strdup_printf ("%.*s%s",
                                        (int) (g_utf8_next_char (resident->name) - resident->name),
                                        resident->name, given);
            }
          v.id_number = cg_demo_make_id_number (ctx->demo, ctx->rand, age, sex);
          v.phone = cg_demo_make_phone (ctx->rand);
          v.relationship = g_strdup (relation);
          g_array_append_val (resident->family, v);
        }
    }
  return &g_array_index (resident->family, Visitor, roll (ctx, (int) resident->family->len));
}

static Resident *
resident_present (Ctx         *ctx,
                  GArray      *residents,
                  const GDate *day)
{
  guint32 julian = g_date_get_julian (day);

  for (int attempt = 0; attempt < 30; attempt++)
    {
      Resident *r = &g_array_index (residents, Resident, roll (ctx, (int) residents->len));

      if (r->arrived <= julian && julian <= r->left)
        return r;
    }
  return NULL;
}

typedef enum
{
  HEALTH_RANDOM,
  HEALTH_WELL,
  HEALTH_FEVER,
  HEALTH_YELLOW,
} Health;

static gboolean
check_in (Ctx          *ctx,
          Resident     *resident,
          GDateTime    *arrived,
          int           minutes,     /* < 0: still inside */
          Health        health,
          GError      **error)
{
  g_autoptr(CgVisit) visit = cg_visit_new ();
  const Visitor *v = visitor_for (ctx, resident);
  int r = health == HEALTH_RANDOM ? roll (ctx, 1000) : 999;
  const char *who = ctx->gate->len > 0 ? ctx->gate->pdata[roll (ctx, (int) ctx->gate->len)] : "门卫";

  visit->visitor_name = g_strdup (v->name);
  visit->visitor_id_number = g_strdup (v->id_number);
  visit->phone = g_strdup (v->phone);
  visit->visiting_id = resident->id;
  visit->relationship = g_strdup (v->relationship);
  visit->arrived_at = utc_text (arrived);
  if (minutes >= 0)
    {
      g_autoptr(GDateTime) left = g_date_time_add_minutes (arrived, minutes);

      visit->left_at = utc_text (left);
    }
  visit->health_code = CG_HEALTH_CODE_GREEN;
  visit->temperature = (362 + roll (ctx, 7)) / 10.0;
  visit->masked = TRUE;
  visit->nat_result = -1;
  /* The refusals of a gate: fever, a cough, a yellow code, a risk area,
   * no mask — about one visitor in fourteen. */
  if (r < 25 || health == HEALTH_FEVER)
    visit->temperature = (373 + roll (ctx, 10)) / 10.0;
  else if (r < 40)
    visit->symptoms = r % 2 ? CG_SYMPTOM_COUGH : CG_SYMPTOM_SORE_THROAT;
  else if (r < 55 || health == HEALTH_YELLOW)
    visit->health_code = CG_HEALTH_CODE_YELLOW;
  else if (r < 62)
    visit->risk_travel = TRUE;
  else if (r < 68)
    visit->masked = FALSE;
  if (roll (ctx, 10) < 6)
    {
      g_autoptr(GDateTime) sampled = g_date_time_add_days (arrived, -roll (ctx, 3));

      visit->nat_sampled_on = g_date_time_format (sampled, "%Y-%m-%d");
      visit->nat_result = CG_NAT_NEGATIVE;
    }
  /* The visits are made in the order of arrival: the reception room's
   * count is known without asking the database each time. */
  {
    gint64 arrival = g_date_time_to_unix (arrived);
    gint64 leaves = minutes >= 0 ? arrival + minutes * 60 : G_MAXINT64;
    int inside_now = 0;

    for (guint i = 0; i < ctx->inside->len; i++)
      if (g_array_index (ctx->inside, gint64, i) > arrival)
        inside_now++;
    if (!cg_visit_check_in_counted_in_transaction (ctx->store, ctx->policy, visit, inside_now, who, error))
      return FALSE;
    if (visit->refusal == 0)
      g_array_append_val (ctx->inside, leaves);
  }
  return TRUE;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static gboolean
add_visits (Ctx        *ctx,
            GPtrArray  *people,
            CgDemoSize  size,
            int         history_days,
            GError    **error)
{
  g_autoptr(GArray) residents = g_array_new (FALSE, TRUE, sizeof (Resident));
  gboolean large = size == CG_DEMO_LARGE;
  GDate day = ctx->demo->today;
  int now_minute = g_date_time_get_hour (ctx->now) * 60 + g_date_time_get_minute (ctx->now);

  g_array_set_clear_func (residents, resident_clear);
  for (guint i = 0; i < people->len; i++)
    {
      CgPerson *person = people->pdata[i];
      Resident r = { 0 };
      GDate date;

      if (cg_person_get_kind (person) == CG_PERSON_STAFF)
        continue;
      r.id = cg_person_get_id (person);
      r.name = g_strdup (cg_person_get_name (person));
      cg_date_parse (cg_person_get_arrived_on (person), &date);
      r.arrived = g_date_get_julian (&date);
      r.left = G_MAXUINT32;
      if (cg_person_get_left_on (person) != NULL && cg_date_parse (cg_person_get_left_on (person), &date))
        r.left = g_date_get_julian (&date) - 1;
      g_array_append_val (residents, r);
    }
  if (residents->len == 0)
    return TRUE;

  g_date_subtract_days (&day, (guint) history_days);
  for (; g_date_compare (&day, &ctx->demo->today) <= 0; g_date_add_days (&day, 1))
    {
      gboolean today = g_date_compare (&day, &ctx->demo->today) == 0;
      GDateWeekday weekday = g_date_get_weekday (&day);
      gboolean busy = weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
      gboolean holiday = is_holiday (&day);
      int n = holiday ? (large ? 24 + roll (ctx, 10) : 8 + roll (ctx, 5))
              : busy ? (large ? 18 + roll (ctx, 8) : 5 + roll (ctx, 4))
                     : (large ? 8 + roll (ctx, 7) : 2 + roll (ctx, 4));
      g_autoptr(GArray) minutes = g_array_sized_new (FALSE, FALSE, sizeof (int), (guint) n);

      /* Visiting hours 08:30–11:30 and 14:00–17:30. */
      for (int i = 0; i < n; i++)
        {
          int m = roll (ctx, 390);
          m = m < 180 ? 510 + m : 840 + m - 180;
          /* Today: what happened up to two hours ago; the visitors of the
           * last hour follow. */
          if (!today || m < now_minute - 130)
            g_array_append_val (minutes, m);
        }
      g_array_sort (minutes, compare_int);
      /* Nobody stays overnight: the count starts afresh every day. */
      g_array_set_size (ctx->inside, 0);
      for (guint i = 0; i < minutes->len; i++)
        {
          int m = g_array_index (minutes, int, i);
          g_autoptr(GDateTime) arrived = local_at (&day, m);
          Resident *resident = resident_present (ctx, residents, &day);
          /* One visit in twenty overstays the 30 minutes. */
          int length = roll (ctx, 20) == 0 ? 35 + roll (ctx, 40) : 10 + roll (ctx, 20);
          Health health = HEALTH_RANDOM;

          if (resident == NULL || !is_past (ctx, arrived))
            continue;
          /* Today the gate has turned away a fever and a yellow code. */
          if (today && i < 2)
            health = i == 0 ? HEALTH_FEVER : HEALTH_YELLOW;
          if (!check_in (ctx, resident, arrived, length, health, error))
            return FALSE;
        }
    }

  /* Inside now: one overstaying for 52 minutes, two who came in the last
   * twenty. */
  {
    static const int ago[] = { 52, 18, 7 };

    for (guint i = 0; i < G_N_ELEMENTS (ago); i++)
      {
        g_autoptr(GDateTime) arrived = g_date_time_add_minutes (ctx->now, -ago[i]);
        Resident *resident = resident_present (ctx, residents, &ctx->demo->today);

        if (resident == NULL || !is_past (ctx, arrived))
          continue;
        if (!check_in (ctx, resident, arrived, -1, HEALTH_WELL, error))
          return FALSE;
      }
  }
  return TRUE;
}

/* ---------------------------------------------------------------------- */

gboolean
cg_demo_add_rooms (CgDemoState       *demo,
                   CgDemoSize         size,
                   CgInstitutionKind  kind,
                   int                history_days,
                   GError           **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GArray) rooms = g_array_new (FALSE, TRUE, sizeof (Room));
  g_autoptr(GPtrArray) gate = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) real_now = cg_date_time_now_local ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_rand_int (demo->rand));
  GDate real_today;
  Ctx ctx = { 0 };

  g_return_val_if_fail (kind < CG_N_KINDS, FALSE);

  policy = cg_module_default_policy (cg_module_for_kind (kind));
  if (!cg_policy_applies (policy, "ALL-5") && !cg_policy_applies (policy, "ALL-4"))
    return TRUE;
  people = cg_person_search (demo->store, NULL, -1, CG_PERSON_FILTER_ALL, error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (cg_person_get_role (people->pdata[i]), "门卫") == 0)
      g_ptr_array_add (gate, g_strdup (cg_person_get_name (people->pdata[i])));

  /* "Now" is now on today; on another day, four in the afternoon. */
  g_date_set_dmy (&real_today, (GDateDay) g_date_time_get_day_of_month (real_now),
                  (GDateMonth) g_date_time_get_month (real_now), (GDateYear) g_date_time_get_year (real_now));
  now = g_date_compare (&real_today, &demo->today) == 0 ? g_date_time_ref (real_now)
                                                        : local_at (&demo->today, 16 * 60);

  ctx.demo = demo;
  ctx.store = demo->store;
  ctx.policy = policy;
  ctx.kind = kind;
  ctx.rand = rand;
  ctx.now = now;
  ctx.real_now = real_now;
  ctx.rooms = rooms;
  ctx.gate = gate;
  ctx.inside = inside;

  if (cg_policy_applies (policy, "ALL-5")
      && (!add_rooms (&ctx, size, error) || !add_arrivals (&ctx, people, history_days, error)))
    return FALSE;
  if (cg_policy_applies (policy, "ALL-4") && !add_visits (&ctx, people, size, history_days, error))
    return FALSE;
  return TRUE;
}
