/* test-rooms-timeline.c — the occupancy timeline of the isolation rooms and
 * the day arithmetic of a stay
 *
 * Local time is Asia/Shanghai (UTC+8, no daylight saving) throughout.
 * Every expected value is worked out by hand in the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>

#include "cg-rooms-timeline.h"

static CgRoomState *
make_state (const char *name,
            gboolean    archived)
{
  CgRoomState *state = g_new0 (CgRoomState, 1);

  state->room = cg_room_new ();
  g_free (state->room->name);
  state->room->name = g_strdup (name);
  state->room->archived = archived;
  return state;
}

static CgStay *
make_stay (const char   *room,
           const char   *person,
           CgStayReason  reason,
           const char   *started_at,
           const char   *planned_end_at,
           const char   *ended_at)
{
  CgStay *stay = cg_stay_new ();

  stay->room_name = g_strdup (room);
  stay->person_name = g_strdup (person);
  stay->reason = reason;
  stay->started_at = g_strdup (started_at);
  stay->planned_end_at = g_strdup (planned_end_at);
  stay->ended_at = g_strdup (ended_at);
  return stay;
}

/* 2026-11-23T16:30Z is 2026-11-24 00:30 in Shanghai. */
static void
test_local_day (void)
{
  g_autofree char *day = cg_rooms_local_day ("2026-11-23T16:30:00Z");
  g_autofree char *before = cg_rooms_local_day ("2026-11-23T15:59:59Z");

  g_assert_cmpstr (day, ==, "2026-11-24");
  g_assert_cmpstr (before, ==, "2026-11-23");
  g_assert_null (cg_rooms_local_day (NULL));
}

/* Start 11-20 10:00 local (02:00Z); planned end 12-04 at the same hour:
 * 14 days.  13 days 14.4 h (13.6 days) rounds to 14 too; 13 days 11 h
 * (13.46 days) to 13. */
static void
test_planned_days_and_format (void)
{
  g_autoptr(CgStay) stay = make_stay ("隔离1号", "王某", CG_STAY_FEVER, "2026-11-20T02:00:00Z",
                                      "2026-12-04T02:00:00Z", NULL);
  g_autofree char *day5 = NULL;
  g_autofree char *day14 = NULL;
  g_autofree char *day15 = NULL;

  g_assert_cmpint (cg_rooms_planned_days (stay), ==, 14);
  g_free (stay->planned_end_at);
  stay->planned_end_at = g_strdup ("2026-12-03T16:24:00Z");
  g_assert_cmpint (cg_rooms_planned_days (stay), ==, 14);
  g_free (stay->planned_end_at);
  stay->planned_end_at = g_strdup ("2026-12-03T13:00:00Z");
  g_assert_cmpint (cg_rooms_planned_days (stay), ==, 13);
  g_free (stay->planned_end_at);
  stay->planned_end_at = g_strdup ("2026-12-04T02:00:00Z");

  /* 11-24 12:00 local: day 5 (11-20 is day 1). */
  day5 = cg_rooms_format_day (stay, "2026-11-24T04:00:00Z");
  g_assert_cmpstr (day5, ==, "Day 5 of 14");
  /* 12-03 local: day 14, still "of 14". */
  day14 = cg_rooms_format_day (stay, "2026-12-03T04:00:00Z");
  g_assert_cmpstr (day14, ==, "Day 14 of 14");
  /* 12-04 local, the planned end's day: day 15. */
  day15 = cg_rooms_format_day (stay, "2026-12-04T03:00:00Z");
  g_assert_cmpstr (day15, ==, "Day 15 (14-day stay)");
}

static const CgChartSpan *
only_span (const CgChartData *data,
           guint              row)
{
  const CgChartRow *r = g_ptr_array_index (data->rows, row);

  g_assert_cmpuint (r->spans->len, ==, 1);
  return &g_array_index (r->spans, CgChartSpan, 0);
}

/* Today 2026-11-24: the first day is 30 days before, 10-25, which starts
 * at 2026-10-24T16:00Z; slots run 10-25 … 12-08 (30 + 14 + 1 = 45). */
static void
test_timeline (void)
{
  g_autoptr(GPtrArray) board = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_room_state_free);
  g_autoptr(GPtrArray) stays = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stay_free);
  const char *now = "2026-11-24T04:00:00Z";
  GDate today;
  CgChartData *data;
  const CgChartRow *row;
  const CgChartSpan *span;
  g_autofree char *open_label = NULL;
  g_autofree char *ended_label = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 24, G_DATE_NOVEMBER, 2026);
  g_ptr_array_add (board, make_state ("隔离1号", FALSE));
  g_ptr_array_add (board, make_state ("隔离3号", TRUE));   /* archived: no row */
  g_ptr_array_add (board, make_state ("隔离2号", FALSE));
  /* Open since 11-20 10:00 local, planned 14 days. */
  g_ptr_array_add (stays, make_stay ("隔离1号", "王某", CG_STAY_FEVER, "2026-11-20T02:00:00Z",
                                     "2026-12-04T02:00:00Z", NULL));
  /* In a room no longer on the board: 11-02 00:00 to 11-05 12:00 local. */
  g_ptr_array_add (stays, make_stay ("隔离9号", "李某", CG_STAY_CONTACT, "2026-11-01T16:00:00Z",
                                     "2026-11-15T16:00:00Z", "2026-11-05T04:00:00Z"));

  data = cg_rooms_timeline_new (board, stays, &today, now);

  g_assert_cmpint (data->kind, ==, CG_CHART_TIMELINE);
  g_assert_cmpstr (data->title, ==, "Isolation Timeline");
  g_assert_cmpstr (data->empty_text, ==, "No rooms");
  g_assert_cmpuint (data->x_labels->len, ==, 45);
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 0), ==, "10-25");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 7), ==, "11-01");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 30), ==, "11-24");
  g_assert_cmpstr (g_ptr_array_index (data->x_labels, 44), ==, "12-08");

  /* Rows: the two rooms in use in board order, then the archived one. */
  g_assert_cmpuint (data->rows->len, ==, 3);
  row = g_ptr_array_index (data->rows, 0);
  g_assert_cmpstr (row->label, ==, "隔离1号");
  row = g_ptr_array_index (data->rows, 1);
  g_assert_cmpstr (row->label, ==, "隔离2号");
  g_assert_cmpuint (row->spans->len, ==, 0);
  row = g_ptr_array_index (data->rows, 2);
  g_assert_cmpstr (row->label, ==, "隔离9号");

  /* 11-20T02:00Z − 10-24T16:00Z = 26 days 10 h = 26.41667; planned 40.41667. */
  span = only_span (data, 0);
  g_assert_cmpfloat_with_epsilon (span->start, 26.0 + 10.0 / 24.0, 1e-9);
  g_assert_true (isnan (span->end));
  g_assert_cmpfloat_with_epsilon (span->planned_end, 40.0 + 10.0 / 24.0, 1e-9);
  open_label = g_strdup_printf ("王某 · %s · Day 5 of 14", cg_stay_reason_label (CG_STAY_FEVER));
  g_assert_cmpstr (span->label, ==, open_label);
  g_assert_cmpfloat (span->rgb[0], ==, 0.75);
  g_assert_cmpfloat (span->rgb[1], ==, 0.11);
  g_assert_cmpfloat (span->rgb[2], ==, 0.16);

  /* 11-01T16:00Z is 8 days in; ended 11-05T04:00Z = 11.5; planned 22. */
  span = only_span (data, 2);
  g_assert_cmpfloat_with_epsilon (span->start, 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (span->end, 11.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (span->planned_end, 22.0, 1e-9);
  ended_label = g_strdup_printf ("李某 · %s · ended", cg_stay_reason_label (CG_STAY_CONTACT));
  g_assert_cmpstr (span->label, ==, ended_label);
  g_assert_cmpfloat (span->rgb[0], ==, 0.57);

  /* Now: 30 days 12 h after the first day's start. */
  g_assert_cmpfloat_with_epsilon (data->marker, 30.5, 1e-9);
  g_assert_cmpstr (data->marker_label, ==, "Now");
  cg_chart_data_free (data);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rooms-timeline/local-day", test_local_day);
  g_test_add_func ("/rooms-timeline/planned-days-and-format", test_planned_days_and_format);
  g_test_add_func ("/rooms-timeline/timeline", test_timeline);
  return g_test_run ();
}
