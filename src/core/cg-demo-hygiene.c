/* cg-demo-hygiene.c — the demonstration's disinfection log (ALL-7, FH-4)
 * and its training sessions and drills (ALL-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every place of the institution is disinfected twice a day, morning and
 * afternoon, by a member of staff and checked by another; about one round
 * in a hundred is missed, as happens.  Today only the rounds whose time
 * has come are there.  A funeral home's halls are left to
 * cg-demo-funeral.c: their disinfections follow their use (FH-6).  A
 * training session or a drill is held every three to four weeks, the
 * last one twelve days ago.  Written with plain INSERTs inside the demo's
 * transaction: the rows obey what
 * cg-disinfection.c and cg-training.c check (a place, an operator, a time
 * not in the future).
 */
#include "config.h"

#include <string.h>

#include "cg-date.h"
#include "cg-demo.h"

static const char * const care_places[][2] = {
  { "公共活动区", "living" }, { "来访接待室", "reception" }, { "隔离观察区", "isolation" },
  { "食堂", "canteen" }, { "办公区", "office" },
};
static const char * const rescue_places[][2] = {
  { "受助人员宿舍区", "living" }, { "接待大厅", "reception" }, { "隔离观察区", "isolation" },
  { "食堂", "canteen" }, { "救助车辆", "vehicle" },
};
static const char * const funeral_places[][2] = {
  { "1号礼厅", "hall" }, { "2号礼厅", "hall" }, { "业务厅", "business_hall" },
  { "火化间", "cremation" }, { "接运车", "vehicle" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (rescue_places) == G_N_ELEMENTS (care_places));
G_STATIC_ASSERT (G_N_ELEMENTS (funeral_places) == G_N_ELEMENTS (care_places));

static const char * const methods[][2] = {
  { "擦拭", "含氯消毒剂 500 mg/L" },
  { "喷洒", "含氯消毒剂 1000 mg/L" },
  { "擦拭", "75% 酒精" },
  { "紫外线灯照射", "" },
};
static const char * const topics[][2] = {
  { "training", "新冠肺炎防控知识与个人防护培训" },
  { "drill", "发热人员处置应急演练" },
  { "training", "穿脱防护服规范培训" },
  { "drill", "疑似病例转运应急演练" },
  { "training", "消毒剂配制与使用培训" },
  { "drill", "封闭管理应急演练" },
};

/* Up to @max staff names, for operators and checkers. */
static GPtrArray *
staff_names (CgDemoState *demo,
             guint        max,
             GError     **error)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (demo->store,
                           "SELECT name FROM person WHERE kind = 'staff' AND archived = 0 ORDER BY id LIMIT ?", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (names);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, (int) max);
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
insert_disinfection (CgDemoState *demo,
                     const char  *place,
                     const char  *place_kind,
                     const char  *day,
                     int          minute_of_day,
                     const char  *method,
                     const char  *agent,
                     const char  *operator_name,
                     const char  *checker,
                     GError     **error)
{
  g_autofree char *local = g_strdup_printf ("%s %02d:%02d", day, minute_of_day / 60, minute_of_day % 60);
  g_autofree char *at = cg_datetime_local_to_utc (local);
  sqlite3_stmt *stmt;

  stmt = cg_store_prepare (demo->store,
                           "INSERT INTO disinfection (place, place_kind, done_at, done_on, method, agent, "
                           "operator, checker, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, place);
  cg_bind_text (stmt, 2, place_kind);
  cg_bind_text (stmt, 3, at);
  cg_bind_text (stmt, 4, day);
  cg_bind_text (stmt, 5, method);
  cg_bind_text (stmt, 6, agent);
  cg_bind_text (stmt, 7, operator_name);
  cg_bind_text (stmt, 8, checker);
  cg_bind_text (stmt, 9, demo->now);
  return cg_store_step_done (demo->store, stmt, error);
}

static gboolean
insert_training (CgDemoState *demo,
                 const char  *day,
                 const char  *kind,
                 const char  *topic,
                 int          attendees,
                 const char  *trainer,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cg_store_prepare (demo->store,
                           "INSERT INTO training (held_on, kind, topic, attendees, trainer, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, day);
  cg_bind_text (stmt, 2, kind);
  cg_bind_text (stmt, 3, topic);
  sqlite3_bind_int (stmt, 4, attendees);
  cg_bind_text (stmt, 5, trainer);
  cg_bind_text (stmt, 6, demo->now);
  return cg_store_step_done (demo->store, stmt, error);
}

gboolean
cg_demo_add_hygiene (CgDemoState       *demo,
                     CgInstitutionKind  kind,
                     int                history_days,
                     GError           **error)
{
  const char * const (*places)[2] = kind == CG_KIND_FUNERAL_HOME ? funeral_places
                                    : kind == CG_KIND_RESCUE_STATION ? rescue_places : care_places;
  g_autoptr(GPtrArray) staff = staff_names (demo, 6, error);
  g_autoptr(GDateTime) now = cg_date_time_now_local ();
  int now_minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  GDate day = demo->today;

  if (staff == NULL)
    return FALSE;

  g_date_subtract_days (&day, (guint) history_days);
  for (int back = history_days; back >= 0; back--, g_date_add_days (&day, 1))
    {
      g_autofree char *iso = cg_date_to_iso (&day);

      for (guint p = 0; p < G_N_ELEMENTS (care_places); p++)
        /* Not a funeral home's halls: cg-demo-funeral.c writes theirs. */
        for (int round = 0; round < 2 && strcmp (places[p][1], "hall") != 0; round++)
          {
            int minute = (round == 0 ? 8 * 60 : 15 * 60) + g_rand_int_range (demo->rand, -30, 31);
            guint m = (guint) g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (methods));
            guint o = (guint) g_rand_int_range (demo->rand, 0, (gint32) staff->len);
            const char *checker = staff->len > 1 ? staff->pdata[(o + 1) % staff->len] : "";

            if (g_rand_int_range (demo->rand, 0, 100) == 0)
              continue;   /* a round missed */
            if (back == 0 && minute > now_minute)
              continue;   /* not yet today */
            if (!insert_disinfection (demo, places[p][0], places[p][1], iso, minute,
                                      methods[m][0], methods[m][1], staff->pdata[o], checker, error))
              return FALSE;
          }

      /* Counted down from today: the last session twelve days ago. */
      if (back == 12)
        {
          guint t = (guint) ((history_days - back) / 25) % G_N_ELEMENTS (topics);

          if (!insert_training (demo, iso, topics[t][0], topics[t][1],
                                g_rand_int_range (demo->rand, 12, 31), staff->pdata[0], error))
            return FALSE;
        }
    }

  /* The sessions before the last one, every 21 to 28 days back in time. */
  for (int back = 12 + g_rand_int_range (demo->rand, 21, 29); back <= history_days;
       back += g_rand_int_range (demo->rand, 21, 29))
    {
      GDate held = demo->today;
      g_autofree char *iso = NULL;
      guint t = (guint) (back / 25) % G_N_ELEMENTS (topics);

      g_date_subtract_days (&held, (guint) back);
      iso = cg_date_to_iso (&held);
      if (!insert_training (demo, iso, topics[t][0], topics[t][1],
                            g_rand_int_range (demo->rand, 12, 31), staff->pdata[0], error))
        return FALSE;
    }
  return TRUE;
}
