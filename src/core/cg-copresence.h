/* cg-copresence.h — who was there at the same time (for tracing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a subject (a registered person, or a visitor by ID number) and a
 * span of time, everyone who was in the institution at the same time as
 * the subject.  Only admitted visits count: refused visitors never
 * entered and are not listed.  A visit still open lasts until the end of
 * the span; every interval is clipped to the span and half-open (one who
 * leaves at the minute another arrives did not meet them).
 *
 * The subject's own intervals — when they could meet someone — are:
 *  - a visitor: their own admitted visits;
 *  - a resident, child or aid recipient: the visits to them (they meet
 *    visitors in the reception room, not every visitor of the house);
 *  - a staff member: the local days on which they had a temperature
 *    check (on duty), as whole days.
 * Then:
 *  - CG_CONTACT_VISITOR: every other admitted visit overlapping one of
 *    those intervals (for a resident this includes their own visitors),
 *    from/to the overlap;
 *  - CG_CONTACT_VISITED: the person each such visit was to (and, for a
 *    visitor subject, the person of their own visits), not the subject;
 *  - CG_CONTACT_STAFF: staff (other than the subject) with a check on a
 *    local day of those overlaps (for a visitor: also of their own
 *    visits; for a resident: every day of the span they lived there;
 *    for a staff member: the days of their own checks),
 *    from the first day's 00:00 to the end of the last day (local);
 *  - CG_CONTACT_ROOMMATE (person subject with a room): the people with
 *    the same person.room whose days there overlap the subject's in the
 *    span, from/to that overlap.
 * Lines of one contact and kind are merged: from the earliest start to
 * the latest end, the details joined.
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_CONTACT_VISITOR,    /* a visitor whose visit overlapped */
  CG_CONTACT_VISITED,    /* a resident visited during the overlap */
  CG_CONTACT_STAFF,      /* staff on duty (checked) that day */
  CG_CONTACT_ROOMMATE,   /* lives in the same room */
} CgContactKind;

const char *cg_contact_kind_label (CgContactKind kind);   /* translated */

typedef struct
{
  CgContactKind  kind;
  char          *name;
  char          *id_number;     /* full; mask it where it is shown or exported */
  char          *phone;
  char          *from;          /* overlap start, UTC ISO-8601 (a day's 00:00 local for staff) */
  char          *to;            /* overlap end */
  char          *detail;        /* translated: "visited 王秀英 (3-101)", "on duty 2026-11-20" */
  gint64         person_id;     /* 0 for a visitor */
} CgContact;

void        cg_contact_free       (CgContact *contact);

/* @person_id for a registered person, else @visitor_id_number; the span
 * [@from, @to) is UTC ISO-8601.  Ordered by kind, then from, then to,
 * then name (code-point order); one line per contact and kind (overlaps
 * merged). */
GPtrArray  *cg_copresence_list    (CgStore    *store,
                                   gint64      person_id,
                                   const char *visitor_id_number,
                                   const char *from,
                                   const char *to,
                                   GError    **error);

G_END_DECLS
