/* cg-service-private.h — what cg-service.c, cg-mourner.c,
 * cg-service-rules.c and cg-import-services.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not part of the API of cg-service.h.
 */
#pragma once

#include "cg-service.h"

G_BEGIN_DECLS

/* The clocks of the PCs differ a little: a time up to a minute ahead is
 * not "in the future". */
#define CG_SERVICE_CLOCK_TOLERANCE G_TIME_SPAN_MINUTE

#define SERVICE_COLUMNS \
  "id, deceased_name, deceased_id_number, family_contact, phone, hall, started_at, " \
  "started_on, planned_end_at, ended_at, covid, ceremony, note, created_at"

#define MOURNER_COLUMNS \
  "id, service_id, name, phone, arrived_at, arrived_on, left_at, temperature, symptoms, " \
  "health_code, refusal, registered_by"

/* @iso as a time (UTC when it has no zone); NULL when not one. */
GDateTime *cg_service_parse_time     (const char    *iso);
/* "YYYY-MM-DDTHH:MM:SSZ" */
char      *cg_service_format_time    (GDateTime     *dt);
/* The local day of @dt, "YYYY-MM-DD". */
char      *cg_service_local_day      (GDateTime     *dt);
/* The UTC bounds of local day @date: [*start, *end). */
void       cg_service_day_bounds     (const GDate   *date,
                                      char         **start,
                                      char         **end);
/* Steps @stmt (SERVICE_COLUMNS) to the end. */
GPtrArray *cg_service_collect        (CgStore       *store,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* cg-service.c: helpers of the service files. */
void       cg_service_replace        (char         **field,
                                      char          *value);
/* Trims @field in place ("" for NULL) and returns it. */
const char *cg_service_trim          (char         **field);
/* Sets CG_STORE_ERROR_INVALID with the message; returns FALSE. */
gboolean   cg_service_invalid        (GError       **error,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (2, 3);
/* "林德福 350582********0017" for the audit log and alerts. */
char      *cg_service_subject        (const CgService *service);
GPtrArray *cg_mourner_collect        (CgStore       *store,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);

G_END_DECLS
