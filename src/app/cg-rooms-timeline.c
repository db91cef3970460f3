/* cg-rooms-timeline.c — the occupancy timeline of the isolation rooms
 *
 * Rooms as rows and stays as spans over the last 30 days and the next 14,
 * coloured by the reason of the stay; built in the rooms page's loading
 * thread, so nothing here touches a widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-rooms-timeline.h"

/* ---- times ------------------------------------------------------------- */

static GDateTime *
parse_utc (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
}

/* The local day of a UTC time, as YYYY-MM-DD. */
char *
cg_rooms_local_day (const char *iso)
{
  g_autoptr(GDateTime) dt = parse_utc (iso);
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;
  local = cg_date_time_to_local (dt);
  return g_date_time_format (local, "%Y-%m-%d");
}

/* The whole days a stay is planned for (14 for the policy's default). */
int
cg_rooms_planned_days (const CgStay *stay)
{
  g_autoptr(GDateTime) start = parse_utc (stay->started_at);
  g_autoptr(GDateTime) end = parse_utc (stay->planned_end_at);

  if (start == NULL || end == NULL)
    return 0;
  return (int) floor ((double) g_date_time_difference (end, start) / G_TIME_SPAN_DAY + 0.5);
}

/* "Day 3 of 14"; on the day of the planned end (day 15 of a stay of 14
 * days from a morning to a morning) and after it, "Day 15 (14-day stay)". */
char *
cg_rooms_format_day (const CgStay *stay,
                     const char   *now)
{
  int day = cg_stay_day_number (stay, now);
  int days = cg_rooms_planned_days (stay);

  if (day <= days)
    /* Translators: "Day 3 of 14" of an isolation stay */
    return g_strdup_printf (_("Day %d of %d"), day, days);
  /* Translators: a stay on (or past) its planned end's day: "Day 15 (14-day stay)" */
  return g_strdup_printf (_("Day %d (%d-day stay)"), day, days);
}

/* ---- the timeline ------------------------------------------------------- */

/* Where a UTC time falls on the timeline: days since the local start of
 * the first day, as a fractional slot. */
static double
slot_of (GDateTime  *first_day,
         const char *iso)
{
  g_autoptr(GDateTime) dt = parse_utc (iso);

  if (dt == NULL)
    return NAN;
  return (double) g_date_time_difference (dt, first_day) / G_TIME_SPAN_DAY;
}

static void
reason_colour (CgStayReason reason,
               double       rgb[3])
{
  static const double colours[CG_N_STAY_REASONS][3] = {
    [CG_STAY_NEW_ARRIVAL]    = { 0.21, 0.52, 0.89 },   /* blue */
    [CG_STAY_NO_HEALTH_CODE] = { 0.90, 0.38, 0.00 },   /* orange */
    [CG_STAY_RISK_AREA]      = { 0.96, 0.58, 0.07 },   /* amber */
    [CG_STAY_FEVER]          = { 0.75, 0.11, 0.16 },   /* red */
    [CG_STAY_SYMPTOMS]       = { 0.88, 0.11, 0.14 },
    [CG_STAY_CONTACT]        = { 0.57, 0.25, 0.67 },   /* purple */
    [CG_STAY_OTHER]          = { 0.47, 0.47, 0.47 },   /* grey */
  };

  memcpy (rgb, colours[reason < CG_N_STAY_REASONS ? reason : CG_STAY_OTHER], sizeof colours[0]);
}

/* Rooms as rows, stays as spans over the last 30 days and the next 14,
 * the planned ends ticked and now marked. */
CgChartData *
cg_rooms_timeline_new (GPtrArray   *board,
                       GPtrArray   *stays,
                       const GDate *today,
                       const char  *now)
{
  CgChartData *data = cg_chart_data_new (CG_CHART_TIMELINE, _("Isolation Timeline"), NULL);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) first_day = NULL;
  GDate day = *today;

  g_free (data->empty_text);
  data->empty_text = g_strdup (_("No rooms"));
  g_date_subtract_days (&day, CG_ROOMS_PAST_DAYS);
  first_day = cg_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                                     0, 0, 0);
  for (int i = 0; i <= CG_ROOMS_PAST_DAYS + CG_ROOMS_FUTURE_DAYS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%02d-%02d", g_date_get_month (&day), g_date_get_day (&day));

      cg_chart_data_add_x (data, label);
      g_date_add_days (&day, 1);
    }
  for (guint i = 0; i < board->len; i++)
    {
      CgRoomState *state = g_ptr_array_index (board, i);

      if (state->room->archived)
        continue;
      g_hash_table_insert (rows, g_strdup (state->room->name),
                           GUINT_TO_POINTER (cg_chart_data_add_row (data, state->room->name) + 1));
    }
  for (guint i = 0; i < stays->len; i++)
    {
      CgStay *stay = g_ptr_array_index (stays, i);
      const char *room = stay->room_name != NULL ? stay->room_name : "";
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (rows, room));
      g_autofree char *label = NULL;
      double rgb[3];

      /* A room archived since: a row of its own, after the others. */
      if (row == 0)
        {
          row = cg_chart_data_add_row (data, room) + 1;
          g_hash_table_insert (rows, g_strdup (room), GUINT_TO_POINTER (row));
        }
      if (stay->ended_at == NULL)
        {
          g_autofree char *day_text = cg_rooms_format_day (stay, now);

          /* Translators: a timeline bar: name, reason, "Day 3 of 14" */
          label = g_strdup_printf (_("%s · %s · %s"), stay->person_name != NULL ? stay->person_name : "",
                                   cg_stay_reason_label (stay->reason), day_text);
        }
      else
        /* Translators: a timeline bar of an ended stay: name, reason */
        label = g_strdup_printf (_("%s · %s · ended"), stay->person_name != NULL ? stay->person_name : "",
                                 cg_stay_reason_label (stay->reason));
      reason_colour (stay->reason, rgb);
      cg_chart_data_add_span (data, row - 1, slot_of (first_day, stay->started_at),
                              stay->ended_at != NULL ? slot_of (first_day, stay->ended_at) : NAN,
                              slot_of (first_day, stay->planned_end_at), label, rgb[0], rgb[1], rgb[2]);
    }
  cg_chart_data_set_marker (data, slot_of (first_day, now), _("Now"));
  return data;
}
