/* cg-period-summary.c — 汇总, the first sheet of the period workbook
 *
 * One line per day with the daily report's figures (cg-daily-report.c),
 * worked out for the whole period at once: one query per figure over the
 * period (presence from the arrival and leaving days, the checks through
 * cg_health_days(), the samples, the visits, the stays, the screenings),
 * and the supplies through cg_stock_forecast_series() per item — never a
 * query per person and day.  A funeral home's summary has four columns
 * more: its services, those over the mourning limit, the COVID-19
 * remains and the mourners of each day (cg-funeral-sheets.c's figures).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-health-check.h"
#include "cg-period-private.h"
#include "cg-service.h"
#include "cg-stock.h"

typedef struct
{
  int    *residents;
  int    *staff;
  int    *tested;
  int    *positives;
  int    *visits;
  int    *refused;
  int    *isolated;
  int    *fevers;
  int    *symptomatic;
  double *fewest;       /* −1: no item in use */
  int    *services;     /* services in progress at some time of the day */
  int    *over;         /* … over the mourning limit by the end of the day (FH-5) */
  int    *suspected;    /* … COVID-19 remains, suspected */
  int    *confirmed;    /* … confirmed */
  int    *mourners;     /* mourners admitted that day */
  int    *turned_away;  /* … turned away */
} Summary;

static void
summary_clear (Summary *s)
{
  g_free (s->residents);
  g_free (s->staff);
  g_free (s->tested);
  g_free (s->positives);
  g_free (s->visits);
  g_free (s->refused);
  g_free (s->isolated);
  g_free (s->fevers);
  g_free (s->symptomatic);
  g_free (s->fewest);
  g_free (s->services);
  g_free (s->over);
  g_free (s->suspected);
  g_free (s->confirmed);
  g_free (s->mourners);
  g_free (s->turned_away);
}

/* Index of a day of the period, or -1 outside it. */
static int
day_index (PeriodContext *ctx,
           const char    *day)
{
  GDate date;
  int index;

  if (day == NULL || !cg_date_parse (day, &date))
    return -1;
  index = g_date_days_between (&ctx->from, &date);
  return index >= 0 && (guint) index < ctx->n_days ? index : -1;
}

/* Adds one to every day of [first, last] (clipped to the period). */
static void
add_span (PeriodContext *ctx,
          int           *counts,
          const GDate   *first,
          const GDate   *last)
{
  int a = g_date_days_between (&ctx->from, first);
  int b = last != NULL ? g_date_days_between (&ctx->from, last) : (int) ctx->n_days - 1;

  a = MAX (a, 0);
  b = MIN (b, (int) ctx->n_days - 1);
  for (int i = a; i <= b; i++)
    counts[i]++;
}

/* 在院人数 and 工作人员数: present from the arrival day, the leaving day
 * no longer counts (cg_people_present_on). */
static gboolean
load_presence (PeriodContext  *ctx,
               Summary        *s,
               GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (ctx->store,
                           "SELECT kind, arrived_on, left_on FROM person "
                           "WHERE arrived_on <= ?2 AND (left_on IS NULL OR left_on > ?1)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, ctx->first);
  cg_bind_text (stmt, 2, ctx->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *left = (const char *) sqlite3_column_text (stmt, 2);
      GDate arrived, last;

      if (!cg_date_parse ((const char *) sqlite3_column_text (stmt, 1), &arrived))
        continue;
      if (left != NULL && cg_date_parse (left, &last))
        g_date_subtract_days (&last, 1);
      add_span (ctx, g_strcmp0 (kind, "staff") == 0 ? s->staff : s->residents,
                &arrived, left != NULL ? &last : NULL);
    }
  sqlite3_reset (stmt);
  return !period_step_failed (ctx, rc, error);
}

/* Days → counts of a "SELECT day, n [, m] … GROUP BY day" query. */
static gboolean
load_per_day (PeriodContext  *ctx,
              const char     *sql,
              int            *first_counts,
              int            *second_counts,
              GError        **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (ctx->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, ctx->first);
  cg_bind_text (stmt, 2, ctx->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i = day_index (ctx, (const char *) sqlite3_column_text (stmt, 0));

      if (i < 0)
        continue;
      first_counts[i] = sqlite3_column_int (stmt, 1);
      if (second_counts != NULL)
        second_counts[i] = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return !period_step_failed (ctx, rc, error);
}

/* 阳性人数 as the daily report counts it: people present whose latest
 * result known that day is positive, sampled within the isolation
 * period.  Only the tests of people with a positive result are read. */
static gboolean
load_positives (PeriodContext  *ctx,
                Summary        *s,
                GError        **error)
{
  int isolation = cg_policy_get_int (ctx->policy, CG_POLICY_ISOLATION_DAYS);
  g_autoptr(GArray) tests = g_array_new (FALSE, TRUE, sizeof (guint32) * 4);
  g_autofree char *since = NULL;
  sqlite3_stmt *stmt;
  GDate window;
  gint64 person = -1;
  guint32 arrived = 0, left = G_MAXUINT32;
  int rc;

  window = ctx->from;
  g_date_subtract_days (&window, (guint) MAX (isolation, 0));
  since = cg_date_to_iso (&window);

  /* Per person, by sampling day: sampled, result known on (0: never),
   * positive?, and the person's presence. */
  stmt = cg_store_prepare (ctx->store,
                           "SELECT t.person_id, t.sampled_on, t.result_on, t.result = 'positive', "
                           "       p.arrived_on, p.left_on "
                           "FROM nat_test t JOIN person p ON p.id = t.person_id "
                           "WHERE t.sampled_on <= ?2 AND t.person_id IN "
                           "  (SELECT person_id FROM nat_test WHERE result = 'positive' "
                           "   AND sampled_on > ?1 AND sampled_on <= ?2) "
                           "ORDER BY t.person_id, t.sampled_on", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, since);
  cg_bind_text (stmt, 2, ctx->last);
  for (;;)
    {
      gint64 id = -1;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      /* A person's tests are all read: count their positive days. */
      if (id != person && tests->len > 0)
        {
          for (guint i = 0; i < tests->len; i++)
            {
              const guint32 *t = &g_array_index (tests, guint32, i * 4);
              guint32 first = MAX (MAX (t[1], arrived), g_date_get_julian (&ctx->from));
              guint32 last = MIN (MIN (t[0] + (guint32) isolation - 1, left),
                                  g_date_get_julian (&ctx->to));

              if (!t[2] || t[1] == 0)
                continue;
              for (guint32 d = first; d <= last; d++)
                {
                  gboolean superseded = FALSE;

                  /* A later sample whose result is known by then is the latest. */
                  for (guint j = i + 1; j < tests->len && !superseded; j++)
                    {
                      const guint32 *later = &g_array_index (tests, guint32, j * 4);

                      superseded = later[0] <= d && later[1] != 0 && later[1] <= d;
                    }
                  if (!superseded)
                    s->positives[d - g_date_get_julian (&ctx->from)]++;
                }
            }
          g_array_set_size (tests, 0);
        }
      if (rc != SQLITE_ROW)
        break;
      if (id != person)
        {
          const char *left_on = (const char *) sqlite3_column_text (stmt, 5);
          GDate date;

          person = id;
          arrived = cg_date_parse ((const char *) sqlite3_column_text (stmt, 4), &date)
                    ? g_date_get_julian (&date) : G_MAXUINT32;
          /* The leaving day no longer counts. */
          left = left_on != NULL && cg_date_parse (left_on, &date) ? g_date_get_julian (&date) - 1
                                                                  : G_MAXUINT32;
        }
      {
        guint32 t[4] = { 0, 0, 0, 0 };
        const char *result_on = (const char *) sqlite3_column_text (stmt, 2);
        GDate date;

        if (!cg_date_parse ((const char *) sqlite3_column_text (stmt, 1), &date))
          continue;
        t[0] = g_date_get_julian (&date);
        if (result_on != NULL && cg_date_parse (result_on, &date))
          t[1] = g_date_get_julian (&date);
        t[2] = sqlite3_column_int (stmt, 3) != 0;
        g_array_append_vals (tests, t, 1);
      }
    }
  sqlite3_reset (stmt);
  return !period_step_failed (ctx, rc, error);
}

/* 隔离观察人数: people in an observation or isolation stay at some time
 * that day (local days); someone moved to another room is one person. */
static gboolean
load_isolated (PeriodContext  *ctx,
               Summary        *s,
               GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 person = -1;
  int counted_until = -1;   /* the person's last day counted */
  int rc;

  stmt = cg_store_prepare (ctx->store,
                           "SELECT person_id, started_at, ended_at FROM stay "
                           "WHERE started_at < ?2 AND (ended_at IS NULL OR ended_at >= ?1) "
                           "ORDER BY person_id, started_at", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, ctx->start_utc);
  cg_bind_text (stmt, 2, ctx->end_utc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *start = cg_datetime_utc_to_local ((const char *) sqlite3_column_text (stmt, 1));
      g_autofree char *end = NULL;
      GDate first, last;
      int a, b;

      if (sqlite3_column_int64 (stmt, 0) != person)
        {
          person = sqlite3_column_int64 (stmt, 0);
          counted_until = -1;
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        end = cg_datetime_utc_to_local ((const char *) sqlite3_column_text (stmt, 2));
      if (start == NULL || strlen (start) < 10)
        continue;
      start[10] = '\0';
      if (!cg_date_parse (start, &first))
        continue;
      if (end != NULL && strlen (end) >= 10)
        {
          end[10] = '\0';
          if (!cg_date_parse (end, &last))
            continue;
        }
      /* The stays of a person come by start: count each day once. */
      a = MAX (MAX (g_date_days_between (&ctx->from, &first), 0), counted_until + 1);
      b = end != NULL ? g_date_days_between (&ctx->from, &last) : (int) ctx->n_days - 1;
      b = MIN (b, (int) ctx->n_days - 1);
      for (int i = a; i <= b; i++)
        s->isolated[i]++;
      counted_until = MAX (counted_until, b);
    }
  sqlite3_reset (stmt);
  return !period_step_failed (ctx, rc, error);
}

/* The fevers and symptoms found at the entry screenings (RS-3, ALL-2)
 * count as the daily report counts them: once per person and day, when
 * the day's checks did not count the person already. */
static gboolean
add_screening_events (PeriodContext  *ctx,
                      Summary        *s,
                      GError        **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (ctx->store,
                           "SELECT sc.screened_on, sc.person_id, sc.temperature, sc.symptoms, "
                           "  (SELECT max(h.temperature) FROM health_check h "
                           "   WHERE h.person_id = sc.person_id AND h.checked_on = sc.screened_on), "
                           "  (SELECT max(h.symptoms & ~1) FROM health_check h "
                           "   WHERE h.person_id = sc.person_id AND h.checked_on = sc.screened_on) "
                           "FROM screening sc WHERE sc.screened_on BETWEEN ?1 AND ?2 "
                           "ORDER BY sc.screened_at, sc.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, ctx->first);
  cg_bind_text (stmt, 2, ctx->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      int i = day_index (ctx, day);
      gboolean fever = cg_temperature_band_is_fever (cg_temperature_band (ctx->policy,
                                                                          sqlite3_column_double (stmt, 2)));
      guint other = (guint) sqlite3_column_int (stmt, 3) & ~(guint) CG_SYMPTOM_FEVER;
      gboolean check_fever = sqlite3_column_type (stmt, 4) != SQLITE_NULL
                             && cg_temperature_band_is_fever (cg_temperature_band (ctx->policy,
                                                                                   sqlite3_column_double (stmt, 4)));
      gboolean check_symptoms = !check_fever && sqlite3_column_int (stmt, 5) != 0;
      char *key;

      if (i < 0 || (!fever && other == 0))
        continue;
      key = g_strdup_printf ("%s %" G_GINT64_FORMAT, day, (gint64) sqlite3_column_int64 (stmt, 1));
      if (!g_hash_table_add (done, key))
        continue;
      if (fever && !check_fever)
        {
          s->fevers[i]++;
          if (check_symptoms)
            s->symptomatic[i]--;
        }
      else if (!fever && !check_fever && !check_symptoms)
        s->symptomatic[i]++;
    }
  sqlite3_reset (stmt);
  return !period_step_failed (ctx, rc, error);
}

/* 防控物资最低可用天数: the fewest days of supply at peak use among the
 * items in use, day by day (the daily report's figure). */
static gboolean
load_fewest_days (PeriodContext  *ctx,
                  Summary        *s,
                  GError        **error)
{
  g_autoptr(GPtrArray) items = cg_stock_items_list (ctx->store, FALSE, error);

  if (items == NULL)
    return FALSE;
  for (guint d = 0; d < ctx->n_days; d++)
    s->fewest[d] = -1.0;
  for (guint i = 0; i < items->len; i++)
    {
      const CgStockItem *item = items->pdata[i];
      g_autoptr(GArray) points = NULL;

      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      points = cg_stock_forecast_series (ctx->store, ctx->policy, item->id, &ctx->from, &ctx->to, error);
      if (points == NULL)
        return FALSE;
      for (guint d = 0; d < points->len && d < ctx->n_days; d++)
        {
          const CgSupplyPoint *point = &g_array_index (points, CgSupplyPoint, d);

          if (point->unlimited)
            continue;
          if (s->fewest[d] < 0.0 || point->days_of_supply < s->fewest[d])
            s->fewest[d] = point->days_of_supply;
        }
    }
  return TRUE;
}

/* A funeral home's services, day by day, as the daily report counts them:
 * in progress at some time of the local day, over the limit at the end of
 * the day (or now, today), the COVID-19 remains among them. */
static gboolean
load_services (PeriodContext  *ctx,
               Summary        *s,
               GError        **error)
{
  g_autofree char *now = cg_datetime_now_utc ();
  g_autoptr(GPtrArray) day_ends = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* The UTC end of each day of the period, or now when it is earlier. */
  for (guint d = 0; d < ctx->n_days; d++)
    {
      GDate next = ctx->from;
      g_autofree char *day = NULL;
      g_autofree char *midnight = NULL;
      char *end;

      g_date_add_days (&next, d + 1);
      day = cg_date_to_iso (&next);
      midnight = g_strdup_printf ("%s 00:00", day);
      end = cg_datetime_local_to_utc (midnight);
      if (end == NULL || strcmp (end, now) > 0)
        {
          g_free (end);
          end = g_strdup (now);
        }
      g_ptr_array_add (day_ends, end);
    }

  stmt = cg_store_prepare (ctx->store,
                           "SELECT started_at, ended_at, covid FROM service "
                           "WHERE started_at < ?2 AND (ended_at IS NULL OR ended_at >= ?1) "
                           "ORDER BY started_at, id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, ctx->start_utc);
  cg_bind_text (stmt, 2, ctx->end_utc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgService service = { 0 };
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      GDate first, last;
      int covid, a, b;

      service.started_at = (char *) sqlite3_column_text (stmt, 0);
      service.ended_at = (char *) sqlite3_column_text (stmt, 1);
      covid = cg_covid_status_from_string ((const char *) sqlite3_column_text (stmt, 2));
      service.covid = covid > 0 ? covid : CG_COVID_NONE;
      start = cg_datetime_utc_to_local (service.started_at);
      if (service.ended_at != NULL)
        end = cg_datetime_utc_to_local (service.ended_at);
      if (start == NULL || strlen (start) < 10)
        continue;
      start[10] = '\0';
      if (!cg_date_parse (start, &first))
        continue;
      if (end != NULL && strlen (end) >= 10)
        {
          end[10] = '\0';
          if (!cg_date_parse (end, &last))
            continue;
        }
      a = MAX (g_date_days_between (&ctx->from, &first), 0);
      b = end != NULL ? g_date_days_between (&ctx->from, &last) : (int) ctx->n_days - 1;
      b = MIN (b, (int) ctx->n_days - 1);
      for (int i = a; i <= b; i++)
        {
          const char *moment = day_ends->pdata[i];

          s->services[i]++;
          if (service.covid == CG_COVID_SUSPECTED)
            s->suspected[i]++;
          else if (service.covid == CG_COVID_CONFIRMED)
            s->confirmed[i]++;
          else if (strcmp (service.started_at, moment) < 0
                   && cg_service_mourning_state (ctx->policy, ctx->area_risk, &service, moment, NULL)
                      == CG_MOURNING_OVER)
            s->over[i]++;
        }
    }
  sqlite3_reset (stmt);
  return !period_step_failed (ctx, rc, error);
}

static const PeriodColumn summary_columns[] = {
  { "日期", 12, PERIOD_DATE },
  { "在院人数", 9, PERIOD_NUMBER },
  { "工作人员数", 9, PERIOD_NUMBER },
  { "发热人数", 9, PERIOD_NUMBER },
  { "有症状人数", 9, PERIOD_NUMBER },
  { "核酸检测人数", 10, PERIOD_NUMBER },
  { "阳性人数", 9, PERIOD_NUMBER },
  { "访客人数（登记/劝返）", 12, PERIOD_CENTER },
  { "隔离观察人数", 10, PERIOD_NUMBER },
  { "防控物资最低可用天数", 12, PERIOD_NUMBER },
  /* A funeral home's only */
  { "治丧数", 8, PERIOD_NUMBER },
  { "超过治丧期限", 9, PERIOD_NUMBER },
  { "新冠肺炎患者遗体（疑似/确诊）", 12, PERIOD_CENTER },
  { "吊唁人员（准入/劝返）", 12, PERIOD_CENTER },
};
enum { N_FUNERAL_COLUMNS = 4 };

gboolean
period_write_summary (PeriodContext  *ctx,
                      GError        **error)
{
  Summary s = { 0 };
  PeriodSheet sheet;
  gint64 n = 0;
  g_autoptr(GArray) health = NULL;
  gboolean has_visits, has_rooms, funeral = FALSE, ok = FALSE;
  const char *dash = "—";
  g_autofree char *note = NULL;

  s.residents = g_new0 (int, ctx->n_days);
  s.staff = g_new0 (int, ctx->n_days);
  s.tested = g_new0 (int, ctx->n_days);
  s.positives = g_new0 (int, ctx->n_days);
  s.visits = g_new0 (int, ctx->n_days);
  s.refused = g_new0 (int, ctx->n_days);
  s.isolated = g_new0 (int, ctx->n_days);
  s.fevers = g_new0 (int, ctx->n_days);
  s.symptomatic = g_new0 (int, ctx->n_days);
  s.fewest = g_new0 (double, ctx->n_days);
  s.services = g_new0 (int, ctx->n_days);
  s.over = g_new0 (int, ctx->n_days);
  s.suspected = g_new0 (int, ctx->n_days);
  s.confirmed = g_new0 (int, ctx->n_days);
  s.mourners = g_new0 (int, ctx->n_days);
  s.turned_away = g_new0 (int, ctx->n_days);

  /* A register the institution does not keep gets "—", not a made-up 0
   * (the daily report's rule), unless it has lines in the period. */
  has_visits = cg_policy_applies (ctx->policy, "ALL-4");
  if (!has_visits)
    {
      if (!period_count_rows (ctx, "SELECT EXISTS (SELECT 1 FROM visit WHERE arrived_on BETWEEN ?1 AND ?2)",
                              &n, error))
        goto out;
      has_visits = n > 0;
    }
  has_rooms = cg_policy_applies (ctx->policy, "ALL-5");
  if (!has_rooms)
    {
      if (!period_count_rows (ctx, "SELECT EXISTS (SELECT 1 FROM stay WHERE ?1 <= ?2 AND started_at < ?4 "
                                   "AND (ended_at IS NULL OR ended_at >= ?3))", &n, error))
        goto out;
      has_rooms = n > 0;
    }

  health = cg_health_days (ctx->store, ctx->policy, &ctx->from, &ctx->to, error);
  if (health == NULL)
    goto out;
  for (guint d = 0; d < health->len && d < ctx->n_days; d++)
    {
      s.fevers[d] = g_array_index (health, CgHealthDay, d).fevers;
      s.symptomatic[d] = g_array_index (health, CgHealthDay, d).symptomatic;
    }
  if (!add_screening_events (ctx, &s, error)
      || !load_presence (ctx, &s, error)
      || !load_per_day (ctx, "SELECT sampled_on, count(DISTINCT person_id) FROM nat_test "
                             "WHERE sampled_on BETWEEN ?1 AND ?2 GROUP BY sampled_on",
                        s.tested, NULL, error)
      || !load_positives (ctx, &s, error)
      || !load_per_day (ctx, "SELECT arrived_on, count(*), sum(refusal <> 0) FROM visit "
                             "WHERE arrived_on BETWEEN ?1 AND ?2 GROUP BY arrived_on",
                        s.visits, s.refused, error)
      || !load_isolated (ctx, &s, error)
      || !load_fewest_days (ctx, &s, error)
      || !period_funeral_wanted (ctx, &funeral, error))
    goto out;
  if (funeral
      && (!load_services (ctx, &s, error)
          || !load_per_day (ctx, "SELECT arrived_on, sum(refusal = 0), sum(refusal <> 0) FROM mourner "
                                 "WHERE arrived_on BETWEEN ?1 AND ?2 GROUP BY arrived_on",
                            s.mourners, s.turned_away, error)))
    goto out;

  /* Translators: note under the title of the period workbook's summary
   * sheet; %s is the date and time it was written */
  note = g_strdup_printf (_("The daily report's figures, day by day. Visitors: registered / turned away; supplies: whole days at peak use; “—”: a register the institution does not keep. Written by CareGuard on %s."),
                          ctx->written);
  if (funeral)
    {
      /* Translators: added to the note of the summary sheet for a funeral home */
      char *more = g_strdup_printf (_("%s Services: in progress that day, over the mourning limit by the end of the day (FH-5); COVID-19 remains: suspected / confirmed; mourners: admitted / turned away."),
                                    note);

      g_free (note);
      note = more;
    }
  if (!period_sheet_begin (&sheet, ctx, "汇总", summary_columns,
                           G_N_ELEMENTS (summary_columns) - (funeral ? 0 : N_FUNERAL_COLUMNS), note, error))
    goto out;
  for (guint d = 0; d < ctx->n_days; d++)
    {
      g_autofree char *day = NULL;
      lxw_row_t row;
      GDate date = ctx->from;

      if (!period_sheet_next_row (&sheet, &row, error))
        {
          period_sheet_end (&sheet, NULL);
          goto out;
        }
      g_date_add_days (&date, d);
      day = cg_date_to_iso (&date);
      period_cell_day (&sheet, row, 0, day);
      period_cell_number (&sheet, row, 1, s.residents[d]);
      period_cell_number (&sheet, row, 2, s.staff[d]);
      period_cell_number (&sheet, row, 3, s.fevers[d]);
      period_cell_number (&sheet, row, 4, s.symptomatic[d]);
      period_cell_number (&sheet, row, 5, s.tested[d]);
      period_cell_number (&sheet, row, 6, s.positives[d]);
      if (has_visits)
        {
          g_autofree char *visits = g_strdup_printf ("%d/%d", s.visits[d], s.refused[d]);

          period_cell_text (&sheet, row, 7, visits);
        }
      else
        period_cell_text (&sheet, row, 7, dash);
      if (has_rooms)
        period_cell_number (&sheet, row, 8, s.isolated[d]);
      else
        period_cell_center (&sheet, row, 8, dash);
      /* Whole days, rounded down: a director plans on what is surely there. */
      if (s.fewest[d] >= 0.0)
        period_cell_number (&sheet, row, 9, floor (s.fewest[d]));
      else
        period_cell_center (&sheet, row, 9, dash);
      if (funeral)
        {
          g_autofree char *covid = g_strdup_printf ("%d/%d", s.suspected[d], s.confirmed[d]);
          g_autofree char *mourners = g_strdup_printf ("%d/%d", s.mourners[d], s.turned_away[d]);

          period_cell_number (&sheet, row, 10, s.services[d]);
          period_cell_number (&sheet, row, 11, s.over[d]);
          period_cell_text (&sheet, row, 12, covid);
          period_cell_text (&sheet, row, 13, mourners);
        }
    }
  worksheet_activate (sheet.ws);
  ok = period_sheet_end (&sheet, error);

out:
  summary_clear (&s);
  return ok;
}
