/* cg-service.c — funeral services (FH-5, FH-7), the COVID-19 remains
 * checklist (FH-7) and staff protection records (FH-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-service-private.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* Shared helpers                                                          */

GDateTime *
cg_service_parse_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (iso == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (iso, utc);
}

char *
cg_service_format_time (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
cg_service_local_day (GDateTime *dt)
{
  g_autoptr(GDateTime) local = cg_date_time_to_local (dt);

  return g_date_time_format (local, "%Y-%m-%d");
}

void
cg_service_day_bounds (const GDate  *date,
                       char        **start,
                       char        **end)
{
  g_autoptr(GDateTime) first = cg_date_time_new_local (g_date_get_year (date),
                                                      g_date_get_month (date),
                                                      g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (first, 1);

  *start = cg_service_format_time (first);
  *end = cg_service_format_time (next);
}

void
cg_service_replace (char **field,
                    char  *value)
{
  g_free (*field);
  *field = value;
}

const char *
cg_service_trim (char **field)
{
  cg_text_tidy (field, G_MAXLONG);
  return *field;
}

char *
cg_service_format_duration (gint64 minutes)
{
  int days = (int) (minutes / (24 * 60));
  int hours = (int) ((minutes / 60) % 24);
  int mins = (int) (minutes % 60);

  if (days > 0)
    /* Translators: a duration: days, hours, minutes */
    return g_strdup_printf (_("%d d %d h %d min"), days, hours, mins);
  if (hours > 0)
    /* Translators: a duration: hours, minutes */
    return g_strdup_printf (_("%d h %d min"), hours, mins);
  /* Translators: a duration in minutes */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", mins), mins);
}

/* ---------------------------------------------------------------------- */
/* Enumerations                                                            */

static const char * const covid_words[CG_N_COVID] = { "none", "suspected", "confirmed" };
static const char * const covid_chinese[CG_N_COVID] = { "无", "疑似", "确诊" };

const char *
cg_covid_status_to_string (CgCovidStatus status)
{
  g_return_val_if_fail ((guint) status < CG_N_COVID, NULL);
  return covid_words[status];
}

int
cg_covid_status_from_string (const char *text)
{
  if (text == NULL)
    return -1;
  for (int i = 0; i < CG_N_COVID; i++)
    if (g_ascii_strcasecmp (text, covid_words[i]) == 0 || strcmp (text, covid_chinese[i]) == 0)
      return i;
  return -1;
}

const char *
cg_covid_status_label (CgCovidStatus status)
{
  switch (status)
    {
    case CG_COVID_NONE:
      return C_("covid", "None");
    case CG_COVID_SUSPECTED:
      return _("Suspected");
    case CG_COVID_CONFIRMED:
      return _("Confirmed");
    case CG_N_COVID:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* ---------------------------------------------------------------------- */
/* CgService                                                               */

CgService *
cg_service_new (void)
{
  CgService *service = g_new0 (CgService, 1);

  service->phone = g_strdup ("");
  service->hall = g_strdup ("");
  service->note = g_strdup ("");
  return service;
}

CgService *
cg_service_copy (const CgService *service)
{
  CgService *copy;

  g_return_val_if_fail (service != NULL, NULL);

  copy = g_new0 (CgService, 1);
  *copy = *service;
  copy->deceased_name = g_strdup (service->deceased_name);
  copy->deceased_id_number = g_strdup (service->deceased_id_number);
  copy->family_contact = g_strdup (service->family_contact);
  copy->phone = g_strdup (service->phone);
  copy->hall = g_strdup (service->hall);
  copy->started_at = g_strdup (service->started_at);
  copy->started_on = g_strdup (service->started_on);
  copy->planned_end_at = g_strdup (service->planned_end_at);
  copy->ended_at = g_strdup (service->ended_at);
  copy->note = g_strdup (service->note);
  copy->created_at = g_strdup (service->created_at);
  return copy;
}

void
cg_service_free (CgService *service)
{
  if (service == NULL)
    return;
  g_free (service->deceased_name);
  g_free (service->deceased_id_number);
  g_free (service->family_contact);
  g_free (service->phone);
  g_free (service->hall);
  g_free (service->started_at);
  g_free (service->started_on);
  g_free (service->planned_end_at);
  g_free (service->ended_at);
  g_free (service->note);
  g_free (service->created_at);
  g_free (service);
}

CgRiskLevel
cg_service_area_risk (CgStore  *store,
                      GError  **error)
{
  g_autoptr(CgInstitution) institution = NULL;

  institution = cg_institution_load (store, error);
  return institution != NULL ? institution->risk : CG_RISK_LOW;
}

gboolean
cg_service_invalid (GError     **error,
                    const char  *format,
                    ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cg_service_validate (const CgPolicy  *policy,
                     CgRiskLevel      risk,
                     CgService       *service,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *id_number = NULL;
  int limit_hours;

  g_return_val_if_fail (policy != NULL && service != NULL, FALSE);

  if (*cg_service_trim (&service->deceased_name) == '\0')
    return cg_service_invalid (error, _("Deceased: type the name of the deceased."));
  if (g_utf8_strlen (service->deceased_name, -1) > 30)
    return cg_service_invalid (error, _("Deceased: the name is too long (30 characters at most)."));
  if (!cg_validate_id_number (service->deceased_id_number, &id_number, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("ID number of the deceased: %s"), local_error->message);
      return FALSE;
    }
  cg_service_replace (&service->deceased_id_number, g_steal_pointer (&id_number));
  if (*cg_service_trim (&service->family_contact) == '\0')
    return cg_service_invalid (error, _("Family contact: type the name of the family’s contact person."));
  if (g_utf8_strlen (service->family_contact, -1) > 30)
    return cg_service_invalid (error, _("Family contact: the name is too long (30 characters at most)."));
  if (*cg_service_trim (&service->phone) != '\0')
    {
      g_autofree char *phone = NULL;

      if (!cg_validate_phone (service->phone, &phone, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Phone: %s"), local_error->message);
          return FALSE;
        }
      cg_service_replace (&service->phone, g_steal_pointer (&phone));
    }
  if (g_utf8_strlen (cg_service_trim (&service->hall), -1) > 60)
    return cg_service_invalid (error, _("Hall: the name is too long (60 characters at most)."));
  cg_service_trim (&service->note);
  if ((guint) service->covid >= CG_N_COVID)
    return cg_service_invalid (error, _("COVID-19: unknown status."));
  if ((guint) risk >= CG_N_RISKS)
    risk = CG_RISK_LOW;

  if (service->started_at != NULL)
    {
      started = cg_service_parse_time (service->started_at);
      if (started == NULL)
        return cg_service_invalid (error, _("Start: not a date and time."));
    }
  else
    started = g_date_time_ref (now);
  cg_service_replace (&service->started_at, cg_service_format_time (started));
  cg_service_replace (&service->started_on, cg_service_local_day (started));

  if (service->covid != CG_COVID_NONE)
    {
      /* FH-7: 疑似从有 — a suspected case is handled as a confirmed one. */
      if (service->ceremony)
        return cg_service_invalid (error, _("Farewell ceremony: refused — the deceased was a suspected or confirmed COVID-19 case, and such remains have no farewell ceremony (FH-7)."));
      if (*service->hall != '\0')
        return cg_service_invalid (error, _("Hall: refused — the remains of a suspected or confirmed COVID-19 case are neither stored nor viewed, so no hall is used (FH-7)."));
      if (service->planned_end_at != NULL)
        {
          g_autoptr(GDateTime) planned = cg_service_parse_time (service->planned_end_at);

          if (planned == NULL || g_date_time_compare (planned, started) != 0)
            return cg_service_invalid (error, _("Planned end: refused — the deceased was a suspected or confirmed COVID-19 case: no mourning period, the remains are cremated immediately (FH-7)."));
        }
      cg_service_replace (&service->planned_end_at, g_strdup (service->started_at));
    }
  else
    {
      g_autoptr(GDateTime) limit = NULL;

      limit_hours = cg_policy_mourning_limit_hours (policy, risk);
      limit = g_date_time_add_hours (started, limit_hours);
      if (service->planned_end_at == NULL)
        cg_service_replace (&service->planned_end_at, cg_service_format_time (limit));
      else
        {
          g_autoptr(GDateTime) planned = cg_service_parse_time (service->planned_end_at);

          if (planned == NULL)
            return cg_service_invalid (error, _("Planned end: not a date and time."));
          if (g_date_time_compare (planned, started) <= 0)
            return cg_service_invalid (error, _("Planned end: the end must be after the start."));
          if (g_date_time_compare (planned, limit) > 0)
            return cg_service_invalid (error,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Planned end: a mourning period may last %d hour at most in this area (%s, FH-5).",
                                         "Planned end: a mourning period may last %d hours at most in this area (%s, FH-5).",
                                         (gulong) limit_hours),
                            limit_hours, cg_risk_level_label (risk));
          cg_service_replace (&service->planned_end_at, cg_service_format_time (planned));
        }
    }

  if (service->ended_at != NULL)
    {
      g_autoptr(GDateTime) ended = cg_service_parse_time (service->ended_at);

      if (ended == NULL)
        return cg_service_invalid (error, _("End: not a date and time."));
      if (g_date_time_compare (ended, started) < 0)
        return cg_service_invalid (error, _("End: the service cannot end before it started."));
      if (g_date_time_difference (ended, now) > CG_SERVICE_CLOCK_TOLERANCE)
        return cg_service_invalid (error, _("End: the time is in the future."));
      cg_service_replace (&service->ended_at, cg_service_format_time (ended));
    }
  return TRUE;
}

/* A hall holds one service at a time: one not ended holds it until it
 * ends (after the hall's final disinfection), whatever its planned end. */
static gboolean
check_hall_free (CgStore          *store,
                 const CgService  *service,
                 GError          **error)
{
  g_autoptr(GPtrArray) found = NULL;
  const char *until = service->ended_at != NULL ? service->ended_at : service->planned_end_at;
  const CgService *other;
  sqlite3_stmt *stmt;

  if (*service->hall == '\0')
    return TRUE;
  stmt = cg_store_prepare (store,
                           "SELECT " SERVICE_COLUMNS " FROM service WHERE hall = ?1 AND started_at < ?2 "
                           "AND (ended_at IS NULL OR ended_at > ?3) ORDER BY started_at LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, service->hall);
  cg_bind_text (stmt, 2, until);
  cg_bind_text (stmt, 3, service->started_at);
  found = cg_service_collect (store, stmt, error);
  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    return TRUE;
  other = g_ptr_array_index (found, 0);
  {
    g_autofree char *local = cg_datetime_utc_to_local (other->started_at);

    return cg_service_invalid (error,
                    _("Hall: %s holds the service of %s (from %s) at that time; a hall is free again once that service has ended after its final disinfection."),
                    service->hall, other->deceased_name, local != NULL ? local : other->started_at);
  }
}

gboolean
cg_service_add_in_transaction (CgStore         *store,
                               const CgPolicy  *policy,
                               CgService       *service,
                               const char      *who,
                               GError         **error)
{
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *masked = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *value = NULL;
  GError *local_error = NULL;
  CgRiskLevel risk;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && service != NULL, FALSE);

  risk = cg_service_area_risk (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!cg_service_validate (policy, risk, service, error))
    return FALSE;
  if (!check_hall_free (store, service, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "INSERT INTO service (deceased_name, deceased_id_number, family_contact, phone, hall, "
                           "started_at, started_on, planned_end_at, ended_at, covid, ceremony, note, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, service->deceased_name);
  cg_bind_text (stmt, 2, service->deceased_id_number);
  cg_bind_text (stmt, 3, service->family_contact);
  cg_bind_text (stmt, 4, service->phone);
  cg_bind_text (stmt, 5, service->hall);
  cg_bind_text (stmt, 6, service->started_at);
  cg_bind_text (stmt, 7, service->started_on);
  cg_bind_text (stmt, 8, service->planned_end_at);
  cg_bind_text (stmt, 9, service->ended_at);
  cg_bind_text (stmt, 10, cg_covid_status_to_string (service->covid));
  sqlite3_bind_int (stmt, 11, service->ceremony ? 1 : 0);
  cg_bind_text (stmt, 12, service->note);
  cg_bind_text (stmt, 13, created);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  service->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  cg_service_replace (&service->created_at, g_steal_pointer (&created));

  masked = cg_mask_id_number (service->deceased_id_number);
  subject = g_strdup_printf ("%s %s", service->deceased_name, masked);
  value = g_strdup_printf ("%s %s %s %s", service->hall, service->started_at, service->planned_end_at,
                           cg_covid_status_to_string (service->covid));
  return cg_audit_record (store, who, "service.add", subject, NULL, value, error);
}

gboolean
cg_service_add (CgStore         *store,
                const CgPolicy  *policy,
                CgService       *service,
                const char      *who,
                GError         **error)
{
  g_return_val_if_fail (service != NULL, FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_service_add_in_transaction (store, policy, service, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      service->id = 0;
      return FALSE;
    }
  cg_store_emit_changed (store, "service");
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Queries                                                                 */

GPtrArray *
cg_service_collect (CgStore       *store,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_service_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgService *service = g_new0 (CgService, 1);
      g_autofree char *covid = NULL;
      int status;

      service->id = sqlite3_column_int64 (stmt, 0);
      service->deceased_name = cg_column_dup_text (stmt, 1);
      service->deceased_id_number = cg_column_dup_text (stmt, 2);
      service->family_contact = cg_column_dup_text (stmt, 3);
      service->phone = cg_column_dup_text (stmt, 4);
      service->hall = cg_column_dup_text (stmt, 5);
      service->started_at = cg_column_dup_text (stmt, 6);
      service->started_on = cg_column_dup_text (stmt, 7);
      service->planned_end_at = cg_column_dup_text (stmt, 8);
      service->ended_at = cg_column_dup_text (stmt, 9);
      covid = cg_column_dup_text (stmt, 10);
      status = cg_covid_status_from_string (covid);
      service->covid = status >= 0 ? (CgCovidStatus) status : CG_COVID_CONFIRMED;
      service->ceremony = sqlite3_column_int (stmt, 11) != 0;
      service->note = cg_column_dup_text (stmt, 12);
      service->created_at = cg_column_dup_text (stmt, 13);
      g_ptr_array_add (services, service);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&services);
}

CgService *
cg_service_get (CgStore  *store,
                gint64    service_id,
                GError  **error)
{
  g_autoptr(GPtrArray) services = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store, "SELECT " SERVICE_COLUMNS " FROM service WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, service_id);
  services = cg_service_collect (store, stmt, error);
  if (services == NULL)
    return NULL;
  if (services->len == 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("Service %lld: no such funeral service."), (long long) service_id);
      return NULL;
    }
  return g_ptr_array_steal_index (services, 0);
}

CgService *
cg_service_find_deceased (CgStore     *store,
                          const char  *id_number,
                          const char  *at,
                          GError     **error)
{
  g_autoptr(GPtrArray) services = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && id_number != NULL, NULL);

  stmt = cg_store_prepare (store,
                           "SELECT " SERVICE_COLUMNS " FROM service WHERE deceased_id_number = ?1 "
                           "AND (?2 IS NULL OR started_at <= ?2) ORDER BY started_at DESC, id DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, id_number);
  cg_bind_text (stmt, 2, at);
  services = cg_service_collect (store, stmt, error);
  if (services == NULL || services->len == 0)
    return NULL;
  return g_ptr_array_steal_index (services, 0);
}

GPtrArray *
cg_service_list_open (CgStore  *store,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT " SERVICE_COLUMNS " FROM service WHERE ended_at IS NULL ORDER BY started_at, id",
                           error);
  if (stmt == NULL)
    return NULL;
  return cg_service_collect (store, stmt, error);
}

GPtrArray *
cg_service_list_day (CgStore      *store,
                     const GDate  *date,
                     GError      **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && date != NULL, NULL);

  cg_service_day_bounds (date, &start, &end);
  stmt = cg_store_prepare (store,
                           "SELECT " SERVICE_COLUMNS " FROM service WHERE started_at < ?1 "
                           "AND (ended_at IS NULL OR ended_at >= ?2) ORDER BY started_at, id",
                           error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, end);
  cg_bind_text (stmt, 2, start);
  return cg_service_collect (store, stmt, error);
}

GPtrArray *
cg_service_known_halls (CgStore     *store,
                        GHashTable **busy,
                        GError     **error)
{
  g_autoptr(GPtrArray) halls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT hall, max(ended_at IS NULL) FROM service WHERE hall <> '' GROUP BY hall "
                           "UNION SELECT place, 0 FROM disinfection WHERE place_kind = 'hall' "
                           "AND place NOT IN (SELECT hall FROM service) GROUP BY place "
                           "ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *hall = cg_column_dup_text (stmt, 0);

      g_ptr_array_add (halls, hall);
      if (sqlite3_column_int (stmt, 1) != 0)
        g_hash_table_add (in_use, g_strdup (hall));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  if (busy != NULL)
    *busy = g_steal_pointer (&in_use);
  return g_steal_pointer (&halls);
}

GPtrArray *
cg_service_search (CgStore     *store,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *escaped = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GString) like = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 number = 0;
  char *end = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (*trimmed == '\0')
    {
      stmt = cg_store_prepare (store,
                               "SELECT " SERVICE_COLUMNS " FROM service ORDER BY started_at DESC, id DESC LIMIT ?1",
                               error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, limit);
      return cg_service_collect (store, stmt, error);
    }
  /* LIKE with the wildcards of the text taken literally. */
  for (const char *c = trimmed; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (like, '\\');
      g_string_append_c (like, *c);
    }
  escaped = g_string_free (g_steal_pointer (&like), FALSE);
  pattern = g_strdup_printf ("%%%s%%", escaped);
  upper = g_ascii_strup (escaped, -1);   /* ID numbers are stored upper-case */
  prefix = g_strdup_printf ("%s%%", upper);
  number = g_ascii_strtoll (trimmed, &end, 10);
  if (end == NULL || *end != '\0')
    number = -1;
  stmt = cg_store_prepare (store,
                           "SELECT " SERVICE_COLUMNS " FROM service "
                           "WHERE deceased_name LIKE ?1 ESCAPE '\\' OR family_contact LIKE ?1 ESCAPE '\\' "
                           "OR hall LIKE ?1 ESCAPE '\\' OR deceased_id_number LIKE ?2 ESCAPE '\\' OR id = ?3 "
                           "ORDER BY started_at DESC, id DESC LIMIT ?4",
                           error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, pattern);
  cg_bind_text (stmt, 2, prefix);
  sqlite3_bind_int64 (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, limit);
  return cg_service_collect (store, stmt, error);
}

/* ---------------------------------------------------------------------- */
/* FH-5                                                                    */

CgMourningState
cg_service_mourning_state (const CgPolicy   *policy,
                           CgRiskLevel       risk,
                           const CgService  *service,
                           const char       *at,
                           gint64           *minutes_left)
{
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) moment = NULL;
  gint64 limit_s;
  gint64 warn_s;
  gint64 left_s;

  g_return_val_if_fail (policy != NULL && service != NULL, CG_MOURNING_WITHIN);

  if (minutes_left != NULL)
    *minutes_left = 0;
  if (service->covid != CG_COVID_NONE)
    return CG_MOURNING_NONE;
  if ((guint) risk >= CG_N_RISKS)
    risk = CG_RISK_LOW;

  started = cg_service_parse_time (service->started_at);
  moment = at != NULL ? cg_service_parse_time (at) : g_date_time_new_now_utc ();
  g_return_val_if_fail (started != NULL && moment != NULL, CG_MOURNING_WITHIN);
  if (service->ended_at != NULL)
    {
      g_autoptr(GDateTime) ended = cg_service_parse_time (service->ended_at);

      if (ended != NULL && g_date_time_compare (ended, moment) < 0)
        {
          g_date_time_unref (moment);
          moment = g_steal_pointer (&ended);
        }
    }

  limit_s = (gint64) cg_policy_mourning_limit_hours (policy, risk) * 3600;
  warn_s = (gint64) cg_policy_get_int (policy, CG_POLICY_MOURNING_WARN_HOURS) * 3600;
  left_s = limit_s - g_date_time_difference (moment, started) / G_TIME_SPAN_SECOND;
  if (minutes_left != NULL)
    *minutes_left = left_s >= 0 ? left_s / 60 : -((-left_s + 59) / 60);
  if (left_s < 0)
    return CG_MOURNING_OVER;
  if (left_s <= warn_s)
    return CG_MOURNING_APPROACHING;
  return CG_MOURNING_WITHIN;
}

/* ---------------------------------------------------------------------- */
/* Changes                                                                 */

char *
cg_service_subject (const CgService *service)
{
  g_autofree char *masked = cg_mask_id_number (service->deceased_id_number);

  return g_strdup_printf ("%s %s", service->deceased_name, masked);
}

gboolean
cg_service_set_ceremony (CgStore     *store,
                         gint64       service_id,
                         gboolean     ceremony,
                         const char  *who,
                         GError     **error)
{
  g_autoptr(CgService) service = NULL;
  g_autofree char *subject = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  service = cg_service_get (store, service_id, error);
  if (service == NULL)
    return FALSE;
  ceremony = ceremony != FALSE;
  if (ceremony && service->covid != CG_COVID_NONE)
    return cg_service_invalid (error, _("Farewell ceremony: refused — the deceased was a suspected or confirmed COVID-19 case, and such remains have no farewell ceremony (FH-7)."));
  if (ceremony && service->ended_at != NULL)
    return cg_service_invalid (error, _("Farewell ceremony: the service has ended."));
  if (ceremony == service->ceremony)
    return TRUE;

  subject = cg_service_subject (service);
  if (!cg_store_begin (store, error))
    return FALSE;
  stmt = cg_store_prepare (store, "UPDATE service SET ceremony = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, ceremony ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, service_id);
  if (!cg_store_step_done (store, stmt, error)
      || !cg_audit_record (store, who, "service.ceremony", subject,
                           service->ceremony ? "1" : "0", ceremony ? "1" : "0", error)
      || !cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "service");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}

gboolean
cg_service_set_covid (CgStore        *store,
                      gint64          service_id,
                      CgCovidStatus   covid,
                      const char     *who,
                      GError        **error)
{
  g_autoptr(CgService) service = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *old_value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if ((guint) covid >= CG_N_COVID)
    return cg_service_invalid (error, _("COVID-19: unknown status."));
  service = cg_service_get (store, service_id, error);
  if (service == NULL)
    return FALSE;
  if (covid == service->covid)
    return TRUE;
  if (covid < service->covid)
    return cg_service_invalid (error, _("COVID-19: a suspected or confirmed case is not marked back (a suspected case counts as confirmed)."));
  if (service->ended_at != NULL)
    return cg_service_invalid (error, _("COVID-19: the service has ended."));

  subject = cg_service_subject (service);
  old_value = g_strdup_printf ("%s %s %s ceremony=%d", cg_covid_status_to_string (service->covid),
                               service->hall, service->planned_end_at, service->ceremony ? 1 : 0);
  if (!cg_store_begin (store, error))
    return FALSE;
  stmt = cg_store_prepare (store,
                           "UPDATE service SET covid = ?, hall = '', ceremony = 0, planned_end_at = started_at "
                           "WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  cg_bind_text (stmt, 1, cg_covid_status_to_string (covid));
  sqlite3_bind_int64 (stmt, 2, service_id);
  if (!cg_store_step_done (store, stmt, error)
      || !cg_audit_record (store, who, "service.covid", subject, old_value,
                           cg_covid_status_to_string (covid), error)
      || !cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "service");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}

/* The time of the hall's first disinfection at or after @from, or NULL
 * (and no error) when there is none. */
static char *
final_disinfection (CgStore     *store,
                    const char  *hall,
                    const char  *from,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  char *done_at = NULL;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT done_at FROM disinfection WHERE place = ? AND done_at >= ? "
                           "ORDER BY done_at LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, hall);
  cg_bind_text (stmt, 2, from);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    done_at = cg_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  return done_at;
}

gboolean
cg_service_close_in_transaction (CgStore     *store,
                                 gint64       service_id,
                                 const char  *ended_at,
                                 const char  *who,
                                 GError     **error)
{
  g_autoptr(CgService) service = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) ended = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *end = NULL;
  g_autofree char *subject = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  service = cg_service_get (store, service_id, error);
  if (service == NULL)
    return FALSE;
  if (service->ended_at != NULL)
    return cg_service_invalid (error, _("End: this service has ended already."));

  ended = ended_at != NULL ? cg_service_parse_time (ended_at) : g_date_time_ref (now);
  if (ended == NULL)
    return cg_service_invalid (error, _("End: not a date and time."));
  started = cg_service_parse_time (service->started_at);
  if (started != NULL && g_date_time_compare (ended, started) < 0)
    return cg_service_invalid (error, _("End: the service cannot end before it started."));
  if (g_date_time_difference (ended, now) > CG_SERVICE_CLOCK_TOLERANCE)
    return cg_service_invalid (error, _("End: the time is in the future."));
  end = cg_service_format_time (ended);

  if (service->covid != CG_COVID_NONE)
    {
      g_autoptr(GPtrArray) steps = cg_service_checklist (store, service_id, error);
      g_autoptr(GString) missing = g_string_new (NULL);

      if (steps == NULL)
        return FALSE;
      for (guint i = 0; i < steps->len; i++)
        {
          const CgCovidStepRecord *record = g_ptr_array_index (steps, i);

          if (!record->done)
            {
              if (missing->len > 0)
                g_string_append (missing, _("; "));
              g_string_append (missing, cg_covid_step_label (record->step));
            }
        }
      if (missing->len > 0)
        return cg_service_invalid (error, _("End: the COVID-19 checklist is not complete (FH-7): %s."), missing->str);
    }
  if (*service->hall != '\0')
    {
      GError *local_error = NULL;
      g_autofree char *done_at = final_disinfection (store, service->hall, end, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (done_at == NULL)
        {
          g_autofree char *local = cg_datetime_utc_to_local (end);

          return cg_service_invalid (error,
                          _("End: the final disinfection of %s is not on the log. Record the hall’s disinfection at or after the end of the service (%s), then end it (FH-6)."),
                          service->hall, local != NULL ? local : end);
        }
    }

  subject = cg_service_subject (service);
  stmt = cg_store_prepare (store, "UPDATE service SET ended_at = ? WHERE id = ? AND ended_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, end);
  sqlite3_bind_int64 (stmt, 2, service_id);
  if (!cg_store_step_done (store, stmt, error)
      || !cg_audit_record (store, who, "service.close", subject, NULL, end, error))
    return FALSE;
  return TRUE;
}

gboolean
cg_service_close (CgStore     *store,
                  gint64       service_id,
                  const char  *ended_at,
                  const char  *who,
                  GError     **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_service_close_in_transaction (store, service_id, ended_at, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, "service");
  return TRUE;
}
