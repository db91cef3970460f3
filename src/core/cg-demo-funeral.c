/* cg-demo-funeral.c — the demonstration funeral home's services (治丧登记),
 * mourners (吊唁人员登记), hall disinfections, staff protection and
 * COVID-19 checklists (FH-2, FH-4, FH-5, FH-6, FH-7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The story the alerts tell:
 *  - the history: the two halls (1号礼厅, 2号礼厅) hold one service at a
 *    time, each from half a day to two days and a bit (never within the
 *    FH-5 warning hours of the limit), with mourners (a few refused for a
 *    fever, a cold or their health code), the remains collected by the
 *    transport staff and cremated at the end, the hall disinfected twice
 *    on every day it is in use and once on an idle day, and disinfected
 *    again after the end (the final disinfection) before the service is
 *    closed; the vehicle is disinfected after every trip (FH-4);
 *  - in the history on purpose: one day with more than 50 mourners of a
 *    service (FH-6, about 40 days ago), two mourners who stayed too long
 *    (FH-6, about 25 and 70 days ago), and one suspected COVID-19 case
 *    (three in the large demo), handled completely on the day;
 *  - yesterday: 1号礼厅, in use, was disinfected only once (FH-6);
 *  - now: in 1号礼厅 a service that started a bit more than three days ago
 *    is over the mourning limit (FH-5 critical; depending on the time of
 *    day it also warned or was over yesterday); in 2号礼厅 a service of
 *    yesterday within the limit, mourners coming and going; and a
 *    suspected COVID-19 case of today whose remains were handed over,
 *    collected and cremated but whose checklist is not finished (FH-7
 *    critical: sealed, disinfection, archive and report missing).
 *
 * Everything goes through the core API inside the demo's transaction,
 * which applies the rules: cg_service_add_in_transaction, then the
 * mourners (cg_mourner_check_in_counted_in_transaction), then
 * cg_service_close_in_transaction once the hall's final disinfection is
 * on the log (cg_disinfection_add_in_transaction); the COVID-19 steps
 * (cg_service_record_step_in_transaction) and the protection records
 * (cg_protection_add_in_transaction).
 */
#include "config.h"

#include <string.h>

#include "cg-date.h"
#include "cg-demo.h"
#include "cg-disinfection.h"
#include "cg-module.h"
#include "cg-service.h"

#define MINUTE ((gint64) 60)
#define HOUR   ((gint64) 3600)
#define DAY    ((gint64) 86400)

static const char * const halls[] = { "1号礼厅", "2号礼厅" };
/* The hall over the limit now, disinfected only once yesterday. */
#define LATE_HALL 0

static const char * const hall_methods[][2] = {
  { "擦拭", "含氯消毒剂 500 mg/L" },
  { "喷洒", "含氯消毒剂 1000 mg/L" },
  { "紫外线灯照射", "" },
};

/* Days before today of the deliberate FH-6 events of the history. */
#define GATHERING_DAYS_AGO 40
static const int overstay_days_ago[] = { 25, 70 };
/* Days before today of the past COVID-19 cases (those inside the history). */
static const int covid_days_ago[] = { 55, 400, 850 };

typedef struct
{
  int     hall;       /* index in halls, -1 for a COVID-19 case */
  gint64  start;      /* unix seconds */
  gint64  end;        /* 0 while in progress */
  gint64  planned;    /* the planned end, 0 for the default */
  gint64  final;      /* the final disinfection, 0 for none */
  gint64  id;
} Plan;

/* A transport of remains: the vehicle is disinfected after it (FH-4),
 * unless @dirty (today's COVID-19 case, its checklist half-way). */
typedef struct
{
  gint64   at;
  gboolean dirty;
} Trip;

typedef struct
{
  CgDemoState    *demo;
  GRand          *rand;
  GArray         *trips;        /* Trip, in no order until the end */
  CgPolicy       *policy;
  GTimeZone      *tz;           /* local */
  GPtrArray      *carriers;     /* staff names: transport */
  GPtrArray      *cremators;    /* staff names: cremation */
  GPtrArray      *cleaners;     /* staff names: disinfection */
  GPtrArray      *clerks;       /* staff names: handover, archive, report */
  gint64          now;
  gint64          today;        /* local midnight of today */
  gboolean        gathering_done;
  gboolean        overstay_done[G_N_ELEMENTS (overstay_days_ago)];
} Funeral;

/* The local time of unix time @t (in @tz, the local time zone looked up
 * once: GLib reads /etc/localtime again for each local time). */
static GDateTime *
local_time (GTimeZone *tz,
            gint64     t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);

  return g_date_time_to_timezone (utc, tz);
}

/* Local midnight of @date, in unix seconds. */
static gint64
day_start (GTimeZone   *tz,
           const GDate *date)
{
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (local);
}

/* Local midnight @days after the one of @midnight (days are not always
 * 24 hours long where clocks change). */
static gint64
add_days (GTimeZone *tz,
          gint64     midnight,
          int        days)
{
  g_autoptr(GDateTime) local = local_time (tz, midnight);
  g_autoptr(GDateTime) later = g_date_time_add_days (local, days);

  return g_date_time_to_unix (later);
}

static char *
utc_iso (gint64 t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
pick_name (Funeral   *f,
           GPtrArray *names)
{
  return names->pdata[g_rand_int_range (f->rand, 0, (gint32) names->len)];
}

/* The names of the staff in @role (all the staff when none has it). */
static GPtrArray *
staff_in_role (CgDemoState  *demo,
               const char   *role,
               GError      **error)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (demo->store,
                           "SELECT name FROM person WHERE kind = 'staff' AND archived = 0 "
                           "AND (role = ?1 OR NOT EXISTS (SELECT 1 FROM person WHERE kind = 'staff' "
                           "AND archived = 0 AND role = ?1)) ORDER BY id", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (names);
      return NULL;
    }
  cg_bind_text (stmt, 1, role);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, cg_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (demo->store, error, rc);
      g_ptr_array_unref (names);
      return NULL;
    }
  if (names->len == 0)
    g_ptr_array_add (names, g_strdup ("值班人员"));
  return names;
}

static gboolean
disinfect (Funeral     *f,
           const char  *place,
           gint64       at,
           const char  *note,
           GError     **error)
{
  g_autoptr(CgDisinfection) d = cg_disinfection_new ();
  guint m = (guint) g_rand_int_range (f->rand, 0, G_N_ELEMENTS (hall_methods));
  guint o = (guint) g_rand_int_range (f->rand, 0, (gint32) f->cleaners->len);

  g_free (d->place);
  d->place = g_strdup (place);
  d->place_kind = cg_place_kind_guess (place);
  d->done_at = utc_iso (at);
  g_free (d->method);
  d->method = g_strdup (hall_methods[m][0]);
  g_free (d->agent);
  d->agent = g_strdup (hall_methods[m][1]);
  g_free (d->operator);
  d->operator = g_strdup (f->cleaners->pdata[o]);
  g_free (d->checker);
  d->checker = g_strdup (f->cleaners->len > 1 ? f->cleaners->pdata[(o + 1) % f->cleaners->len] : "");
  g_free (d->note);
  d->note = g_strdup (note != NULL ? note : "");
  return cg_disinfection_add_in_transaction (f->demo->store, d, "demo", error);
}

/* A protection record: suit and goggles worn. */
static gboolean
add_protection (Funeral           *f,
                gint64             service_id,
                CgProtectionKind   kind,
                gint64             at,
                GError           **error)
{
  g_autoptr(CgProtection) p = cg_protection_new ();

  p->service_id = service_id;
  p->kind = kind;
  p->done_at = utc_iso (at);
  g_free (p->staff);
  p->staff = g_strdup (pick_name (f, kind == CG_PROTECTION_TRANSPORT ? f->carriers : f->cremators));
  p->suit = TRUE;
  p->goggles = TRUE;
  return cg_protection_add_in_transaction (f->demo->store, p, "demo", error);
}

/* Ends a service at @end (its hall's final disinfection is on the log). */
static gboolean
close_service (Funeral  *f,
               gint64    service_id,
               gint64    end,
               GError  **error)
{
  g_autofree char *ended_at = utc_iso (end);

  return cg_service_close_in_transaction (f->demo->store, service_id, ended_at, "demo", error);
}

/* ---- the plans of the halls ----------------------------------------- */

/* A start at @t or after it, at a plausible hour (07:00–17:00: the
 * family has the evening for mourners). */
static gint64
plausible_start (Funeral *f,
                 gint64   t)
{
  g_autoptr(GDateTime) local = local_time (f->tz, t);
  int hour = g_date_time_get_hour (local);

  if (hour >= 7 && hour < 17)
    return t;
  if (hour >= 17)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (local, 1);

      g_date_time_unref (local);
      local = g_steal_pointer (&next);
    }
  {
    g_autoptr(GDateTime) morning = g_date_time_new (f->tz, g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local), 7, 0, 0);

    return g_date_time_to_unix (morning) + g_rand_int_range (f->rand, 0, 180) * MINUTE;
  }
}

/* Local @hour:@minute of the day @days after the day of @t. */
static gint64
clock_at (Funeral *f,
          gint64   t,
          int      days,
          int      minute_of_day)
{
  g_autoptr(GDateTime) local = local_time (f->tz, t);
  g_autoptr(GDateTime) day = g_date_time_new (f->tz, g_date_time_get_year (local),
                                              g_date_time_get_month (local),
                                              g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_days (day, days);

  return g_date_time_to_unix (later) + minute_of_day * MINUTE;
}

/* The past services of hall @h from @from until @until (the start of its
 * service of now), appended to @plans.  A service ends in the morning
 * one or two days after its start (cremation after the farewell), so it
 * lasts at most 51 hours: never within the warning hours of the 72-hour
 * limit. */
static void
plan_hall (Funeral *f,
           int      h,
           gint64   from,
           gint64   until,
           GArray  *plans)
{
  gint64 t = from + g_rand_int_range (f->rand, 0, 36 * 60) * MINUTE;

  for (;;)
    {
      Plan plan = { h, 0, 0, 0, 0, 0 };
      int days = g_rand_int_range (f->rand, 0, 10) < 4 ? 1 : 2;

      plan.start = plausible_start (f, t);
      plan.end = clock_at (f, plan.start, days, g_rand_int_range (f->rand, 6 * 60 + 30, 10 * 60));
      plan.planned = plan.end;
      plan.final = plan.end + g_rand_int_range (f->rand, 15, 46) * MINUTE;
      if (plan.final + HOUR >= until)
        break;
      g_array_append_val (plans, plan);
      /* Two halls of a busy county funeral home: often taken again the
       * same day, sometimes idle for a day or two. */
      switch (g_rand_int_range (f->rand, 0, 10))
        {
        case 0: case 1: case 2: case 3:
          t = plan.final + g_rand_int_range (f->rand, 60, 8 * 60) * MINUTE;
          break;
        case 4: case 5: case 6: case 7:
          t = plan.final + g_rand_int_range (f->rand, 12 * 60, 36 * 60) * MINUTE;
          break;
        default:
          t = plan.final + g_rand_int_range (f->rand, 36 * 60, 72 * 60) * MINUTE;
          break;
        }
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = *(const gint64 *) a;
  gint64 tb = *(const gint64 *) b;

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const Plan *pa = a;
  const Plan *pb = b;

  return pa->start < pb->start ? -1 : pa->start > pb->start ? 1 : 0;
}

/* ---- mourners -------------------------------------------------------- */

static gboolean
check_in (Funeral     *f,
          gint64       service_id,
          gint64       arrived,
          gint64       left,       /* 0: inside now */
          gboolean     refused,
          GArray      *inside,     /* leave times of those admitted, 0: inside */
          GError     **error)
{
  g_autoptr(CgMourner) m = cg_mourner_new ();
  CgDemoSex sex = g_rand_boolean (f->rand) ? CG_DEMO_MALE : CG_DEMO_FEMALE;
  int inside_now = 0;

  m->service_id = service_id;
  g_free (m->name);
  m->name = cg_demo_make_name (f->rand, sex);
  g_free (m->phone);
  m->phone = cg_demo_make_phone (f->rand);
  m->arrived_at = utc_iso (arrived);
  m->left_at = left != 0 ? utc_iso (left) : NULL;
  m->temperature = 36.1 + g_rand_int_range (f->rand, 0, 9) / 10.0;
  m->symptoms = 0;
  m->health_code = CG_HEALTH_CODE_GREEN;
  if (refused)
    switch (g_rand_int_range (f->rand, 0, 3))
      {
      case 0:
        m->temperature = 37.5 + g_rand_int_range (f->rand, 0, 9) / 10.0;
        m->symptoms = CG_SYMPTOM_FEVER;
        break;
      case 1:
        m->symptoms = g_rand_boolean (f->rand) ? CG_SYMPTOM_COUGH : CG_SYMPTOM_SORE_THROAT;
        break;
      default:
        m->health_code = CG_HEALTH_CODE_YELLOW;
        break;
      }
  for (guint i = 0; i < inside->len; i++)
    {
      gint64 out = g_array_index (inside, gint64, i);

      if (out == 0 || out > arrived)
        inside_now++;
    }
  if (!cg_mourner_check_in_counted_in_transaction (f->demo->store, f->policy, m, inside_now, "demo", error))
    return FALSE;
  if (m->refusal == 0)
    g_array_append_val (inside, left);
  return TRUE;
}

/* Mourners on each day of the service between 08:00 and 20:00, while the
 * service lasts (until an hour before its end) and not after now. */
static gboolean
add_mourners (Funeral     *f,
              const Plan  *plan,
              GError     **error)
{
  gint64 end = plan->end != 0 ? plan->end : f->now;
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int d = 0;; d++)
    {
      gint64 midnight = clock_at (f, plan->start, d, 0);
      gint64 open = MAX (midnight + 8 * HOUR, plan->start + 30 * MINUTE);
      gint64 close = MIN (midnight + 20 * HOUR, plan->end != 0 ? plan->end - HOUR : f->now);
      int days_ago = (int) ((f->today - midnight + 12 * HOUR) / DAY);
      gboolean gathering = FALSE;
      gboolean overstay = FALSE;
      int n;
      g_autoptr(GArray) arrivals = NULL;

      if (midnight >= end)
        break;
      if (close - open < 30 * MINUTE)
        continue;
      n = g_rand_int_range (f->rand, 4, 17) * (int) MIN (close - open, 10 * HOUR) / (int) (10 * HOUR) + 1;
      if (!f->gathering_done && days_ago <= GATHERING_DAYS_AGO && close - open >= 8 * HOUR)
        {
          /* A big family: more than 50 mourners in the day (FH-6). */
          gathering = TRUE;
          f->gathering_done = TRUE;
          n = 56 + g_rand_int_range (f->rand, 0, 5);
        }
      for (guint k = 0; k < G_N_ELEMENTS (overstay_days_ago); k++)
        if (!f->overstay_done[k] && days_ago <= overstay_days_ago[k] && days_ago > 0)
          {
            f->overstay_done[k] = TRUE;
            overstay = TRUE;
          }

      arrivals = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) n);
      for (int i = 0; i < n; i++)
        {
          gint64 at = open + (gint64) g_rand_int_range (f->rand, 0, (gint32) ((close - open) / MINUTE)) * MINUTE
                      + g_rand_int_range (f->rand, 0, 60);

          g_array_append_val (arrivals, at);
        }
      g_array_sort (arrivals, compare_times);
      for (guint i = 0; i < arrivals->len; i++)
        {
          gint64 at = g_array_index (arrivals, gint64, i);
          /* About one in forty is turned away: a fever, a cold, a code
           * that is not green (FH-6). */
          gboolean refused = g_rand_int_range (f->rand, 0, 40) == 0 && !(overstay && i == arrivals->len / 2);
          gint64 stay = g_rand_int_range (f->rand, 10, 51) * MINUTE + g_rand_int_range (f->rand, 0, 60);
          gint64 left;

          /* The big family's day: three turned away, well over 50 in. */
          if (gathering)
            refused = i % 20 == 7 && !(overstay && i == arrivals->len / 2);

          if (overstay && i == arrivals->len / 2)
            {
              stay = g_rand_int_range (f->rand, 75, 96) * MINUTE;
              overstay = FALSE;
              /* Gone before the service ends, as everyone. */
              if (plan->end != 0 && at + stay > plan->end - 10 * MINUTE)
                at = plan->end - 10 * MINUTE - stay;
            }
          left = at + stay <= f->now ? at + stay : 0;
          if (!check_in (f, plan->id, at, left, refused, inside, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- the services ----------------------------------------------------- */

static gboolean
add_service (Funeral     *f,
             Plan        *plan,
             CgCovidStatus covid,
             const char  *note,
             GError     **error)
{
  g_autoptr(CgService) service = cg_service_new ();
  CgDemoSex sex = g_rand_boolean (f->rand) ? CG_DEMO_MALE : CG_DEMO_FEMALE;
  int age = g_rand_int_range (f->rand, 0, 10) == 0 ? g_rand_int_range (f->rand, 40, 62)
                                                   : g_rand_int_range (f->rand, 62, 99);
  g_autofree char *contact = cg_demo_make_name (f->rand, g_rand_boolean (f->rand) ? CG_DEMO_MALE : CG_DEMO_FEMALE);
  g_autofree char *surname = NULL;

  g_free (service->deceased_name);
  service->deceased_name = cg_demo_make_name (f->rand, sex);
  g_free (service->deceased_id_number);
  service->deceased_id_number = cg_demo_make_id_number (f->demo, f->rand, age, sex);
  /* A son or daughter: the family name and a given name. */
  surname = g_strndup (service->deceased_name,
                       (gsize) (g_utf8_next_char (service->deceased_name) - service->deceased_name));
  g_free (service->family_contact);
  service->family_contact = g_strconcat (surname, g_utf8_next_char (contact), NULL);
  g_free (service->phone);
  service->phone = cg_demo_make_phone (f->rand);
  g_free (service->hall);
  service->hall = g_strdup (plan->hall >= 0 ? halls[plan->hall] : "");
  service->started_at = utc_iso (plan->start);
  service->planned_end_at = plan->planned != 0 ? utc_iso (plan->planned) : NULL;
  service->covid = covid;
  service->ceremony = covid == CG_COVID_NONE && g_rand_int_range (f->rand, 0, 5) != 0;
  g_free (service->note);
  service->note = g_strdup (note != NULL ? note : "");
  if (!cg_service_add_in_transaction (f->demo->store, f->policy, service, "demo", error))
    return FALSE;
  plan->id = service->id;
  return TRUE;
}

/* A hall service: the remains collected (the vehicle disinfected after
 * the trip), the mourners, the cremation after the end and the hall's
 * final disinfection. */
static gboolean
add_hall_service (Funeral     *f,
                  Plan        *plan,
                  const char  *note,
                  GError     **error)
{
  gint64 collected = plan->start - g_rand_int_range (f->rand, 40, 100) * MINUTE;

  /* The final disinfection is on the log before the service is closed
   * (what cg_service_close asks). */
  if (plan->end != 0 && !disinfect (f, halls[plan->hall], plan->final, "终末消毒", error))
    return FALSE;
  if (!add_service (f, plan, CG_COVID_NONE, note, error)
      || !add_protection (f, plan->id, CG_PROTECTION_TRANSPORT, collected, error)
      || !add_mourners (f, plan, error))
    return FALSE;
  {
    Trip trip = { collected, FALSE };

    g_array_append_val (f->trips, trip);
  }
  if (plan->end != 0
      && (!close_service (f, plan->id, plan->end, error)
          || !add_protection (f, plan->id, CG_PROTECTION_CREMATION,
                              plan->end + g_rand_int_range (f->rand, 10, 40) * MINUTE, error)))
    return FALSE;
  return TRUE;
}

/* A suspected COVID-19 case: no hall, no mourners, no ceremony; the
 * checklist done by named staff, the first @n_steps steps of
 * @offsets (minutes after the start, in the order of the list). */
static gboolean
add_covid_case (Funeral     *f,
                Plan        *plan,
                const int   *offsets,
                double       scale,
                guint        n_steps,
                GError     **error)
{
  static const CgCovidStep order[] = {
    CG_COVID_STEP_HANDOVER, CG_COVID_STEP_TRANSPORT, CG_COVID_STEP_CREMATION, CG_COVID_STEP_SEALED,
    CG_COVID_STEP_DISINFECTION, CG_COVID_STEP_ARCHIVE, CG_COVID_STEP_REPORT,
  };
  const char *carrier = pick_name (f, f->carriers);
  const char *cremator = pick_name (f, f->cremators);
  const char *cleaner = pick_name (f, f->cleaners);
  const char *clerk = pick_name (f, f->clerks);

  if (!add_service (f, plan, CG_COVID_SUSPECTED, "疑似新冠肺炎病例遗体，按“疑似从有”原则处理", error))
    return FALSE;
  for (guint i = 0; i < n_steps; i++)
    {
      gint64 at = plan->start + (gint64) (offsets[i] * scale * MINUTE);
      const char *who;

      switch (order[i])
        {
        case CG_COVID_STEP_TRANSPORT: who = carrier; break;
        case CG_COVID_STEP_CREMATION:
        case CG_COVID_STEP_SEALED: who = cremator; break;
        case CG_COVID_STEP_DISINFECTION: who = cleaner; break;
        case CG_COVID_STEP_HANDOVER:
        case CG_COVID_STEP_ARCHIVE:
        case CG_COVID_STEP_REPORT:
        case CG_N_COVID_STEPS:
        default: who = clerk; break;
        }
      {
        g_autofree char *done_at = utc_iso (at);

        if (!cg_service_record_step_in_transaction (f->demo->store, plan->id, order[i], done_at, who, "",
                                                    "demo", error))
          return FALSE;
      }
      if (order[i] == CG_COVID_STEP_TRANSPORT)
        {
          /* Its vehicle is disinfected only once the checklist says so. */
          Trip trip = { at - (gint64) (15 * scale * MINUTE), n_steps <= CG_COVID_STEP_DISINFECTION };

          if (!add_protection (f, plan->id, CG_PROTECTION_TRANSPORT, trip.at, error))
            return FALSE;
          g_array_append_val (f->trips, trip);
        }
      if (order[i] == CG_COVID_STEP_CREMATION
          && !add_protection (f, plan->id, CG_PROTECTION_CREMATION, at - (gint64) (10 * scale * MINUTE), error))
        return FALSE;
      if (order[i] == CG_COVID_STEP_DISINFECTION
          && (!disinfect (f, "接运车", at, "新冠肺炎遗体转运后消毒", error)
              || !disinfect (f, "火化间", at + 5 * MINUTE, "新冠肺炎遗体火化后消毒", error)))
        return FALSE;
    }
  /* A past case closes once its checklist is complete. */
  if (plan->end != 0 && !close_service (f, plan->id, plan->end, error))
    return FALSE;
  return TRUE;
}

/* ---- the halls' daily disinfections ------------------------------------ */

static gboolean
in_use (const GArray *plans,
        int           h,
        gint64        from,
        gint64        to)
{
  for (guint i = 0; i < plans->len; i++)
    {
      const Plan *p = &g_array_index (plans, Plan, i);

      if (p->hall == h && p->start < to && (p->end == 0 || p->end >= from))
        return TRUE;
    }
  return FALSE;
}

/* Twice on a day the hall is in use (morning and afternoon), once on an
 * idle day; yesterday LATE_HALL only in the morning. */
static gboolean
add_hall_rounds (Funeral      *f,
                 const GArray *plans,
                 int           history_days,
                 GError      **error)
{
  for (int back = history_days; back >= 0; back--)
    {
      gint64 midnight = add_days (f->tz, f->today, -back);
      gint64 next = add_days (f->tz, f->today, -back + 1);

      for (int h = 0; h < (int) G_N_ELEMENTS (halls); h++)
        {
          int rounds = in_use (plans, h, midnight, next) ? 2 : 1;

          if (back == 1 && h == LATE_HALL)
            rounds = 1;
          for (int r = 0; r < rounds; r++)
            {
              gint64 at = midnight + (r == 0 ? 8 * HOUR : 15 * HOUR)
                          + g_rand_int_range (f->rand, -30, 31) * MINUTE;

              if (at > f->now)
                continue;   /* not yet today */
              if (!disinfect (f, halls[h], at, NULL, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static int
compare_trips (gconstpointer a,
               gconstpointer b)
{
  const Trip *ta = a;
  const Trip *tb = b;

  return ta->at < tb->at ? -1 : ta->at > tb->at ? 1 : 0;
}

/* FH-4: after each trip, the vehicle disinfected before the next trip
 * ("趟消毒"), 10 to 25 minutes after it or halfway to the next. */
static gboolean
disinfect_after_trips (Funeral  *f,
                       GError  **error)
{
  g_array_sort (f->trips, compare_trips);
  for (guint i = 0; i < f->trips->len; i++)
    {
      const Trip *trip = &g_array_index (f->trips, Trip, i);
      gint64 at = trip->at + g_rand_int_range (f->rand, 10, 26) * MINUTE;

      if (i + 1 < f->trips->len)
        at = MIN (at, trip->at + (g_array_index (f->trips, Trip, i + 1).at - trip->at) / 2);
      if (trip->dirty || at > f->now)
        continue;
      if (!disinfect (f, "接运车", at, "趟消毒", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cg_demo_add_funeral (CgDemoState  *demo,
                     CgDemoSize    size,
                     int           history_days,
                     GError      **error)
{
  static const int covid_offsets[] = { 40, 95, 160, 170, 200, 240, 270 };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (demo->now, utc);
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (Plan));
  Funeral f = { 0 };
  gboolean ok = FALSE;
  gint64 from;
  Plan late = { LATE_HALL, 0, 0, 0, 0, 0 };
  Plan current = { 1 - LATE_HALL, 0, 0, 0, 0, 0 };
  Plan covid = { -1, 0, 0, 0, 0, 0 };
  double scale = 1.0;

  g_return_val_if_fail (now != NULL, FALSE);

  f.demo = demo;
  f.rand = g_rand_new_with_seed (g_rand_int (demo->rand));
  f.trips = g_array_new (FALSE, FALSE, sizeof (Trip));
  f.policy = cg_module_load_policy (cg_module_for_kind (CG_KIND_FUNERAL_HOME), demo->store, error);
  f.now = g_date_time_to_unix (now);
  f.tz = cg_time_zone_local ();
  f.today = day_start (f.tz, &demo->today);
  if (f.policy == NULL
      || (f.carriers = staff_in_role (demo, "遗体接运工", error)) == NULL
      || (f.cremators = staff_in_role (demo, "火化工", error)) == NULL
      || (f.cleaners = staff_in_role (demo, "保洁员", error)) == NULL
      || (f.clerks = staff_in_role (demo, "业务员", error)) == NULL)
    goto out;

  /* Now: 1号礼厅 over the limit (started 3 days and 3 to 6 hours ago,
   * planned to end two mornings later: the family asked to wait);
   * 2号礼厅 since 14 to 26 hours, within the limit. */
  late.start = f.now - 72 * HOUR - g_rand_int_range (f.rand, 3 * 60, 6 * 60) * MINUTE;
  late.planned = clock_at (&f, late.start, 2, 8 * 60);
  current.start = f.now - g_rand_int_range (f.rand, 14 * 60, 26 * 60) * MINUTE;
  current.planned = clock_at (&f, current.start, 2, 8 * 60);
  /* The COVID-19 case of today: its steps so far 40 min, 1 h 35 and
   * 2 h 40 after it was registered, four to five hours ago — squeezed
   * into the day when it is not yet that late. */
  covid.start = f.now - g_rand_int_range (f.rand, 240, 300) * MINUTE;
  if (covid.start < f.today + MINUTE)
    {
      covid.start = f.today + MIN (MINUTE, (f.now - f.today) / 2);
      scale = (double) (f.now - covid.start) / (double) (covid_offsets[2] * MINUTE + MINUTE);
      scale = CLAMP (scale, 0.0, 1.0);
    }
  covid.planned = covid.start;

  from = add_days (f.tz, f.today, -history_days);
  plan_hall (&f, LATE_HALL, from, late.start, plans);
  plan_hall (&f, 1 - LATE_HALL, from, current.start, plans);
  /* The past COVID-19 cases, handled within the morning. */
  for (guint i = 0; i < (size == CG_DEMO_LARGE ? G_N_ELEMENTS (covid_days_ago) : 1); i++)
    {
      Plan past = { -1, 0, 0, 0, 0, 0 };

      if (covid_days_ago[i] >= history_days)
        continue;
      past.start = add_days (f.tz, f.today, -covid_days_ago[i]) + g_rand_int_range (f.rand, 5 * 60, 9 * 60) * MINUTE;
      past.planned = past.start;
      past.end = past.start + (covid_offsets[G_N_ELEMENTS (covid_offsets) - 1] + 20) * MINUTE;
      g_array_append_val (plans, past);
    }
  g_array_sort (plans, compare_plans);

  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);

      if (plan->hall >= 0 ? !add_hall_service (&f, plan, NULL, error)
                          : !add_covid_case (&f, plan, covid_offsets, 1.0, G_N_ELEMENTS (covid_offsets), error))
        goto out;
    }
  if (!add_hall_service (&f, &late, "家属要求推迟火化，已超过治丧期限", error)
      || !add_hall_service (&f, &current, NULL, error)
      || !add_covid_case (&f, &covid, covid_offsets, scale, 3, error))
    goto out;
  g_array_append_val (plans, late);
  g_array_append_val (plans, current);
  ok = disinfect_after_trips (&f, error) && add_hall_rounds (&f, plans, history_days, error);

out:
  g_rand_free (f.rand);
  g_array_unref (f.trips);
  g_time_zone_unref (f.tz);
  g_clear_pointer (&f.policy, cg_policy_free);
  g_clear_pointer (&f.carriers, g_ptr_array_unref);
  g_clear_pointer (&f.cremators, g_ptr_array_unref);
  g_clear_pointer (&f.cleaners, g_ptr_array_unref);
  g_clear_pointer (&f.clerks, g_ptr_array_unref);
  return ok;
}
