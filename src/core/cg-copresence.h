/* cg-copresence.h — who was there at the same time (for tracing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a subject (a registered person, or a visitor by ID number) and a
 * span of time, everyone who was in the institution at the same time as
 * the subject:
 *  - visitors whose admitted visit overlapped one of the subject's own
 *    visits (for a visitor subject) — or overlapped the span, for a
 *    person subject who lives or works there;
 *  - the residents those overlapping visits (and the subject's own
 *    visits) were to;
 *  - the staff with a temperature check on a day of an overlapping
 *    visit ("on duty that day");
 *  - for a person subject: the people who shared a room (same
 *    person.room) and the staff checked on the same days.
 * Refused visitors never entered and are not listed.
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
 * [@from, @to] is UTC ISO-8601.  Ordered by kind, then time, then name;
 * one line per contact and kind (overlaps merged). */
GPtrArray  *cg_copresence_list    (CgStore    *store,
                                   gint64      person_id,
                                   const char *visitor_id_number,
                                   const char *from,
                                   const char *to,
                                   GError    **error);

G_END_DECLS
