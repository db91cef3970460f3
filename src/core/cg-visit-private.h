/* cg-visit-private.h — what cg-visit.c, cg-visit-inside.c and
 * cg-visit-register.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not part of the API of cg-visit.h.
 */
#pragma once

#include "cg-visit.h"

G_BEGIN_DECLS

#define VISIT_COLUMNS \
  "v.id, v.visitor_name, v.visitor_id_number, v.phone, v.visiting_id, v.relationship, " \
  "v.arrived_at, v.arrived_on, v.left_at, v.health_code, v.risk_travel, v.temperature, " \
  "v.symptoms, v.masked, v.nat_sampled_on, v.nat_result, v.refusal, v.registered_by, " \
  "p.name, p.room"

#define VISIT_FROM " FROM visit v LEFT JOIN person p ON p.id = v.visiting_id "

/* Steps @stmt (VISIT_COLUMNS) to the end, collecting visits. */
GPtrArray *cg_visit_collect          (CgStore       *store,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* @dt in the stored form, "YYYY-MM-DDTHH:MM:SSZ". */
char      *cg_visit_format_utc       (GDateTime     *dt);
/* Normalises @iso (NULL = now) to the stored form; NULL when not a time. */
char      *cg_visit_normalize_time   (const char    *iso);
/* @iso as a time (UTC when it has no zone); NULL when not one. */
GDateTime *cg_visit_parse_utc        (const char    *iso);

/* cg-visit-inside.c: a visit of this module closed, admitted, from
 * @arrived_at to @left_at (the bound on stays grows with it); and
 * CgStore::changed::visit for a change of this module's, which keeps that
 * bound. */
void       cg_visit_note_stay        (CgStore       *store,
                                      gint64         id,
                                      const char    *arrived_at,
                                      const char    *left_at);
void       cg_visit_emit_changed     (CgStore       *store);

G_END_DECLS
