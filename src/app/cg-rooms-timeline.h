/* cg-rooms-timeline.h — the occupancy timeline of the isolation rooms, and
 * the day arithmetic of a stay that the rooms page shares with it
 *
 * Pure data: no widgets, so the unit tests build it on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"
#include "cg-room.h"

G_BEGIN_DECLS

#define CG_ROOMS_PAST_DAYS   30   /* the timeline and the register look back this far */
#define CG_ROOMS_FUTURE_DAYS 14   /* and the timeline this far ahead */

/* The local day of a UTC time, as YYYY-MM-DD; NULL for NULL. */
char        *cg_rooms_local_day    (const char   *iso);

/* The whole days a stay is planned for (14 for the policy's default). */
int          cg_rooms_planned_days (const CgStay *stay);

/* "Day 3 of 14"; on the day of the planned end and after it,
 * "Day 15 (14-day stay)". */
char        *cg_rooms_format_day   (const CgStay *stay,
                                    const char   *now);

/* Rooms of @board (CgRoomState*, archived ones left out) as rows, @stays
 * (CgStay*) as spans from CG_ROOMS_PAST_DAYS before @today to
 * CG_ROOMS_FUTURE_DAYS after it, planned ends ticked and @now (UTC)
 * marked.  A stay in a room not on the board gets a row of its own. */
CgChartData *cg_rooms_timeline_new (GPtrArray    *board,
                                    GPtrArray    *stays,
                                    const GDate  *today,
                                    const char   *now);

G_END_DECLS
