/* cg-service-stats.c — the funeral services of a span of days, counted
 * per local day for the charts (FH-5, FH-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two queries: the services that overlap the span (few: a funeral home
 * holds a handful a day) and the disinfections of the span grouped by
 * place and day.  The rest is arithmetic on the UTC bounds of each local
 * day, the same bounds cg_service_list_day() uses, so a chart and the
 * day's alerts agree on which halls were in use.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-date.h"
#include "cg-service-private.h"
#include "cg-service-stats.h"

static void
hall_stats_free (CgHallStats *hall)
{
  if (hall == NULL)
    return;
  g_free (hall->hall);
  g_clear_pointer (&hall->in_use, g_array_unref);
  g_clear_pointer (&hall->disinfections, g_array_unref);
  g_free (hall);
}

void
cg_service_stats_free (CgServiceStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->days, g_array_unref);
  g_clear_pointer (&stats->durations, g_array_unref);
  g_clear_pointer (&stats->halls, g_ptr_array_unref);
  g_free (stats);
}

static CgHallStats *
hall_stats_new (const char *name,
                guint       n_days)
{
  CgHallStats *hall = g_new0 (CgHallStats, 1);

  hall->hall = g_strdup (name);
  hall->in_use = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), n_days);
  g_array_set_size (hall->in_use, n_days);
  hall->disinfections = g_array_sized_new (FALSE, TRUE, sizeof (int), n_days);
  g_array_set_size (hall->disinfections, n_days);
  return hall;
}

/* The value of a run of Chinese numerals ("十一" 11, "二十" 20, "一百零五"
 * 105); -1 when @c is not one. */
static int
numeral_digit (gunichar c)
{
  static const gunichar digits[] = { 0x96F6 /* 零 */, 0x4E00 /* 一 */, 0x4E8C /* 二 */, 0x4E09 /* 三 */,
                                     0x56DB /* 四 */, 0x4E94 /* 五 */, 0x516D /* 六 */, 0x4E03 /* 七 */,
                                     0x516B /* 八 */, 0x4E5D /* 九 */ };

  if (c == 0x3007 /* 〇 */)
    return 0;
  if (c == 0x4E24 /* 两 */)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return (int) i;
  if (c == 0x5341 /* 十 */)
    return 10;
  if (c == 0x767E /* 百 */)
    return 100;
  return -1;
}

/* A sort key that puts halls in the order of their numbers, in Chinese
 * numerals or digits: 一号礼厅, 二号礼厅 … 十号礼厅 (as bytes 三 would come
 * before 二), 2号 before 10号. */
static char *
hall_sort_key (const char *name)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p = name;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      int total = 0, current = 0;
      gboolean run = FALSE;
      int d;

      while ((d = numeral_digit (c)) >= 0)
        {
          run = TRUE;
          if (d >= 10)
            {
              total += (current == 0 ? 1 : current) * d;
              current = 0;
            }
          else
            current = d;
          p = g_utf8_next_char (p);
          c = g_utf8_get_char (p);
        }
      if (run)
        {
          g_string_append_printf (text, "%d", total + current);
          continue;
        }
      g_string_append_unichar (text, c);
      p = g_utf8_next_char (p);
    }
  /* the digits in numeric order */
  return g_utf8_collate_key_for_filename (text->str, -1);
}

static int
compare_halls (gconstpointer a,
               gconstpointer b)
{
  const CgHallStats *ha = *(const CgHallStats * const *) a;
  const CgHallStats *hb = *(const CgHallStats * const *) b;
  g_autofree char *ka = hall_sort_key (ha->hall);
  g_autofree char *kb = hall_sort_key (hb->hall);
  int order = strcmp (ka, kb);

  return order != 0 ? order : strcmp (ha->hall, hb->hall);
}

/* The seconds from @from to @to (UTC ISO-8601 both); 0 when unreadable. */
static gint64
seconds_between (const char *from,
                 const char *to)
{
  g_autoptr(GDateTime) a = cg_service_parse_time (from);
  g_autoptr(GDateTime) b = cg_service_parse_time (to);

  if (a == NULL || b == NULL)
    return 0;
  return g_date_time_difference (b, a) / G_TIME_SPAN_SECOND;
}

/* The disinfections of the span, by place and day, into the halls known. */
static gboolean
count_disinfections (CgStore     *store,
                     const char  *first_day,
                     const char  *last_day,
                     GHashTable  *halls,      /* name → CgHallStats* */
                     GHashTable  *day_index,  /* "YYYY-MM-DD" → index + 1 */
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT place, done_on, count(*) FROM disinfection "
                           "WHERE done_on >= ?1 AND done_on <= ?2 GROUP BY place, done_on",
                           error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, first_day);
  cg_bind_text (stmt, 2, last_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *place = (const char *) sqlite3_column_text (stmt, 0);
      const char *day = (const char *) sqlite3_column_text (stmt, 1);
      CgHallStats *hall = place != NULL ? g_hash_table_lookup (halls, place) : NULL;
      guint index = day != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (day_index, day)) : 0;

      if (hall != NULL && index > 0)
        g_array_index (hall->disinfections, int, index - 1) = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

CgServiceStats *
cg_service_stats_load (CgStore        *store,
                       const CgPolicy *policy,
                       const GDate    *last_day,
                       guint           n_days,
                       const char     *now,
                       GError        **error)
{
  g_autoptr(CgServiceStats) stats = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func (g_free);   /* UTC start of each day, and of the day after */
  g_autoptr(GPtrArray) isos = g_ptr_array_new_with_free_func (g_free);     /* "YYYY-MM-DD" of each day */
  g_autoptr(GHashTable) day_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) halls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *now_owned = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  GDate day;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), NULL);
  g_return_val_if_fail (n_days > 0 && n_days <= 3660, NULL);

  if (now == NULL)
    now = now_owned = cg_datetime_now_utc ();

  stats = g_new0 (CgServiceStats, 1);
  stats->risk = cg_service_area_risk (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  stats->limit_hours = cg_policy_mourning_limit_hours (policy, stats->risk);
  stats->hall_minimum = cg_policy_get_int (policy, CG_POLICY_HALL_DISINFECTIONS_PER_DAY);
  stats->days = g_array_sized_new (FALSE, TRUE, sizeof (CgServiceDayStats), n_days);
  stats->durations = g_array_new (FALSE, TRUE, sizeof (CgServiceDuration));
  stats->halls = g_ptr_array_new_with_free_func ((GDestroyNotify) hall_stats_free);

  /* the days and their UTC bounds: day i is [starts[i], starts[i + 1]) */
  day = *last_day;
  g_date_subtract_days (&day, n_days - 1);
  for (guint i = 0; i < n_days; i++)
    {
      CgServiceDayStats stat = { 0, };
      char *start = NULL, *end = NULL;

      stat.date = day;
      g_array_append_val (stats->days, stat);
      cg_service_day_bounds (&day, &start, &end);
      g_ptr_array_add (starts, start);
      if (i + 1 == n_days)
        g_ptr_array_add (starts, end);
      else
        g_free (end);
      g_ptr_array_add (isos, cg_date_to_iso (&day));
      g_hash_table_insert (day_index, g_ptr_array_index (isos, i), GUINT_TO_POINTER (i + 1));
      g_date_add_days (&day, 1);
    }

  stats->last_day_open = strcmp (now, g_ptr_array_index (starts, n_days)) < 0;

  stmt = cg_store_prepare (store,
                           "SELECT " SERVICE_COLUMNS " FROM service WHERE started_at < ?1 "
                           "AND (ended_at IS NULL OR ended_at >= ?2) ORDER BY started_at, id",
                           error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, g_ptr_array_index (starts, n_days));
  cg_bind_text (stmt, 2, g_ptr_array_index (starts, 0));
  services = cg_service_collect (store, stmt, error);
  if (services == NULL)
    return NULL;

  for (guint s = 0; s < services->len; s++)
    {
      const CgService *service = g_ptr_array_index (services, s);
      guint started = service->started_on != NULL
                      ? GPOINTER_TO_UINT (g_hash_table_lookup (day_index, service->started_on)) : 0;
      gboolean covid = service->covid != CG_COVID_NONE;
      CgHallStats *hall = NULL;

      /* counted on its start day, as it stands now (or at its end) */
      if (started > 0)
        {
          CgServiceDayStats *stat = &g_array_index (stats->days, CgServiceDayStats, started - 1);

          stat->started++;
          if (covid)
            stat->started_covid++;
          else
            {
              CgServiceDuration d = { 0, };
              const char *until = now;

              if (service->ended_at != NULL && strcmp (service->ended_at, now) < 0)
                until = service->ended_at;
              d.service_id = service->id;
              d.day = (int) started - 1;
              d.hours = MAX (seconds_between (service->started_at, until), 0) / 3600.0;
              d.over = cg_service_mourning_state (policy, stats->risk, service, now, NULL) == CG_MOURNING_OVER;
              d.in_progress = service->ended_at == NULL;
              if (d.over)
                stat->started_over++;
              g_array_append_val (stats->durations, d);
            }
        }

      if (!covid && service->hall != NULL && service->hall[0] != '\0')
        {
          hall = g_hash_table_lookup (halls, service->hall);
          if (hall == NULL)
            {
              hall = hall_stats_new (service->hall, n_days);
              g_ptr_array_add (stats->halls, hall);
              g_hash_table_insert (halls, hall->hall, hall);
            }
        }

      /* the days it was in progress: started before the day's end, not
       * ended before its start (cg_service_list_day) */
      for (guint i = 0; i < n_days; i++)
        {
          const char *day_start = g_ptr_array_index (starts, i);
          const char *day_end = g_ptr_array_index (starts, i + 1);
          CgServiceDayStats *stat;

          if (strcmp (service->started_at, day_end) >= 0)
            continue;   /* not begun yet */
          if (service->ended_at != NULL && strcmp (service->ended_at, day_start) < 0)
            break;      /* over before this day, so before the next ones too */
          stat = &g_array_index (stats->days, CgServiceDayStats, i);
          stat->in_progress++;
          if (!covid && strcmp (service->started_at, now) < 0
              && cg_service_mourning_state (policy, stats->risk, service,
                                            strcmp (day_end, now) < 0 ? day_end : now,
                                            NULL) == CG_MOURNING_OVER)
            stat->in_progress_over++;
          if (hall != NULL)
            g_array_index (hall->in_use, gboolean, i) = TRUE;
        }
    }

  g_ptr_array_sort (stats->halls, compare_halls);
  if (!count_disinfections (store, g_ptr_array_index (isos, 0), g_ptr_array_index (isos, n_days - 1),
                            halls, day_index, error))
    return NULL;

  return g_steal_pointer (&stats);
}
