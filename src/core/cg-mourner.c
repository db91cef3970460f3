/* cg-mourner.c — the mourner register (吊唁人员登记, FH-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check-in is decided like the gate's (cg_visit_decide): a fever, a
 * cold's symptoms (cough, dry cough, sore throat) or a health code other
 * than green refuse, and so does a hall that already holds the policy's
 * maximum of mourners at once; a refused mourner is stored with the
 * reasons (CgRefusal bits) and never counts as inside.  A suspected or
 * confirmed COVID-19 case has no mourners at all (FH-7): the check-in is
 * refused, with the reason, and nothing is stored.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-service-private.h"
#include "cg-validate.h"
#include "cg-visit.h"

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

CgMourner *
cg_mourner_new (void)
{
  CgMourner *mourner = g_new0 (CgMourner, 1);

  mourner->phone = g_strdup ("");
  mourner->health_code = CG_HEALTH_CODE_GREEN;
  mourner->registered_by = g_strdup ("");
  return mourner;
}

CgMourner *
cg_mourner_copy (const CgMourner *mourner)
{
  CgMourner *copy;

  g_return_val_if_fail (mourner != NULL, NULL);

  copy = g_new0 (CgMourner, 1);
  *copy = *mourner;
  copy->name = g_strdup (mourner->name);
  copy->phone = g_strdup (mourner->phone);
  copy->arrived_at = g_strdup (mourner->arrived_at);
  copy->arrived_on = g_strdup (mourner->arrived_on);
  copy->left_at = g_strdup (mourner->left_at);
  copy->registered_by = g_strdup (mourner->registered_by);
  return copy;
}

void
cg_mourner_free (CgMourner *mourner)
{
  if (mourner == NULL)
    return;
  g_free (mourner->name);
  g_free (mourner->phone);
  g_free (mourner->arrived_at);
  g_free (mourner->arrived_on);
  g_free (mourner->left_at);
  g_free (mourner->registered_by);
  g_free (mourner);
}

guint
cg_mourner_decide (const CgPolicy  *policy,
                   const CgMourner *mourner,
                   int              inside_now)
{
  guint refusal = 0;

  g_return_val_if_fail (policy != NULL && mourner != NULL, 0);

  if (cg_temperature_band_is_fever (cg_temperature_band (policy, mourner->temperature))
      || (mourner->symptoms & CG_SYMPTOM_FEVER))
    refusal |= CG_REFUSE_FEVER;
  if (mourner->symptoms & (CG_SYMPTOM_COUGH | CG_SYMPTOM_DRY_COUGH | CG_SYMPTOM_SORE_THROAT))
    refusal |= CG_REFUSE_SYMPTOMS;
  if (mourner->health_code != CG_HEALTH_CODE_GREEN)
    refusal |= CG_REFUSE_HEALTH_CODE;
  if (inside_now >= cg_policy_get_int (policy, CG_POLICY_MAX_MOURNERS))
    refusal |= CG_REFUSE_FULL;
  return refusal;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cg_mourner_validate (CgStore         *store,
                     const CgPolicy  *policy,
                     CgMourner       *mourner,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) arrived = NULL;
  g_autoptr(CgService) service = NULL;
  g_autofree char *name = NULL;
  CgTempBand band;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && mourner != NULL, FALSE);

  service = cg_service_get (store, mourner->service_id, error);
  if (service == NULL)
    return FALSE;
  if (service->covid != CG_COVID_NONE)
    return invalid (error, _("Mourner: refused — the deceased was a suspected or confirmed COVID-19 case: no mourners, no viewing and no ceremony (FH-7)."));

  name = g_strstrip (g_strdup (mourner->name != NULL ? mourner->name : ""));
  if (*name == '\0')
    return invalid (error, _("Name: type the mourner’s name."));
  if (g_utf8_strlen (name, -1) > 30)
    return invalid (error, _("Name: too long (30 characters at most)."));
  replace (&mourner->name, g_steal_pointer (&name));

  if (mourner->phone != NULL && *g_strstrip (mourner->phone) != '\0')
    {
      g_autofree char *phone = NULL;

      if (!cg_validate_phone (mourner->phone, &phone, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Phone: %s"), local_error->message);
          return FALSE;
        }
      replace (&mourner->phone, g_steal_pointer (&phone));
    }
  else
    replace (&mourner->phone, g_strdup (""));

  band = cg_temperature_band (policy, mourner->temperature);
  if (!isfinite (mourner->temperature) || band == CG_BAND_TOO_LOW || band == CG_BAND_TOO_HIGH)
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_RANGE,
                   _("Temperature: %.1f °C is not a possible body temperature (%.1f–%.1f °C): check for a typing error and measure again."),
                   mourner->temperature, cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MIN),
                   cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MAX));
      return FALSE;
    }
  mourner->temperature = round (mourner->temperature * 10.0) / 10.0;
  if (mourner->symptoms >= (1u << CG_N_SYMPTOMS))
    return invalid (error, _("Symptoms: unknown symptom."));
  if ((guint) mourner->health_code >= CG_N_HEALTH_CODES)
    return invalid (error, _("Health code: unknown colour."));

  if (mourner->arrived_at != NULL)
    {
      arrived = cg_service_parse_time (mourner->arrived_at);
      if (arrived == NULL)
        return invalid (error, _("Arrival: not a date and time."));
      if (g_date_time_difference (arrived, now) > CG_SERVICE_CLOCK_TOLERANCE)
        return invalid (error, _("Arrival: the time is in the future."));
    }
  else
    arrived = g_date_time_ref (now);
  replace (&mourner->arrived_at, cg_service_format_time (arrived));
  replace (&mourner->arrived_on, cg_service_local_day (arrived));
  if (strcmp (mourner->arrived_at, service->started_at) < 0)
    return invalid (error, _("Arrival: before the service started."));
  if (service->ended_at != NULL && strcmp (mourner->arrived_at, service->ended_at) >= 0)
    return invalid (error, _("Arrival: the service has ended."));

  if (mourner->left_at != NULL)
    {
      g_autoptr(GDateTime) left = cg_service_parse_time (mourner->left_at);

      if (left == NULL)
        return invalid (error, _("Departure: not a date and time."));
      if (g_date_time_compare (left, arrived) < 0)
        return invalid (error, _("Departure: before the arrival."));
      if (g_date_time_difference (left, now) > CG_SERVICE_CLOCK_TOLERANCE)
        return invalid (error, _("Departure: the time is in the future."));
      replace (&mourner->left_at, cg_service_format_time (left));
    }
  return TRUE;
}

int
cg_mourner_count_inside (CgStore     *store,
                         gint64       service_id,
                         const char  *at,
                         GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;
  int count = 0;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  if (at == NULL)
    at = now = cg_datetime_now_utc ();
  stmt = cg_store_prepare (store,
                           "SELECT count(*) FROM mourner WHERE service_id = ?1 AND refusal = 0 "
                           "AND arrived_at <= ?2 AND (left_at IS NULL OR left_at > ?2)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, service_id);
  cg_bind_text (stmt, 2, at);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return -1;
    }
  return count;
}

gboolean
cg_mourner_check_in_counted_in_transaction (CgStore         *store,
                                            const CgPolicy  *policy,
                                            CgMourner       *mourner,
                                            int              inside_now,
                                            const char      *who,
                                            GError         **error)
{
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *subject = NULL;
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  if (!cg_mourner_validate (store, policy, mourner, error))
    return FALSE;
  if (inside_now < 0)
    {
      inside_now = cg_mourner_count_inside (store, mourner->service_id, mourner->arrived_at, error);
      if (inside_now < 0)
        return FALSE;
    }
  mourner->refusal = cg_mourner_decide (policy, mourner, inside_now);
  /* A refused mourner never came in, so never leaves. */
  if (mourner->refusal != 0)
    g_clear_pointer (&mourner->left_at, g_free);
  replace (&mourner->registered_by, g_strdup (who != NULL ? who : ""));

  stmt = cg_store_prepare (store,
                           "INSERT INTO mourner (service_id, name, phone, arrived_at, arrived_on, left_at, "
                           "temperature, symptoms, health_code, refusal, registered_by, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mourner->service_id);
  cg_bind_text (stmt, 2, mourner->name);
  cg_bind_text (stmt, 3, mourner->phone);
  cg_bind_text (stmt, 4, mourner->arrived_at);
  cg_bind_text (stmt, 5, mourner->arrived_on);
  cg_bind_text (stmt, 6, mourner->left_at);
  sqlite3_bind_double (stmt, 7, mourner->temperature);
  sqlite3_bind_int (stmt, 8, (int) mourner->symptoms);
  cg_bind_text (stmt, 9, cg_health_code_to_string (mourner->health_code));
  sqlite3_bind_int (stmt, 10, (int) mourner->refusal);
  cg_bind_text (stmt, 11, mourner->registered_by);
  cg_bind_text (stmt, 12, created);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  mourner->id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  subject = g_strdup_printf ("%s (service %" G_GINT64_FORMAT ")", mourner->name, mourner->service_id);
  value = g_strdup_printf ("%s %.1f refusal=%u", mourner->arrived_at, mourner->temperature, mourner->refusal);
  return cg_audit_record (store, who, "mourner.check_in", subject, NULL, value, error);
}

gboolean
cg_mourner_check_in (CgStore         *store,
                     const CgPolicy  *policy,
                     CgMourner       *mourner,
                     const char      *who,
                     GError         **error)
{
  g_return_val_if_fail (CG_IS_STORE (store) && mourner != NULL, FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_mourner_check_in_counted_in_transaction (store, policy, mourner, -1, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      mourner->id = 0;
      return FALSE;
    }
  cg_store_emit_changed (store, "mourner");
  return TRUE;
}

GPtrArray *
cg_mourner_collect (CgStore       *store,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) mourners = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_mourner_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgMourner *m = g_new0 (CgMourner, 1);
      int code;

      m->id = sqlite3_column_int64 (stmt, 0);
      m->service_id = sqlite3_column_int64 (stmt, 1);
      m->name = cg_column_dup_text (stmt, 2);
      m->phone = cg_column_dup_text (stmt, 3);
      m->arrived_at = cg_column_dup_text (stmt, 4);
      m->arrived_on = cg_column_dup_text (stmt, 5);
      m->left_at = cg_column_dup_text (stmt, 6);
      m->temperature = sqlite3_column_double (stmt, 7);
      m->symptoms = (guint) sqlite3_column_int (stmt, 8);
      code = cg_health_code_from_string ((const char *) sqlite3_column_text (stmt, 9));
      m->health_code = code >= 0 ? (CgHealthCode) code : CG_HEALTH_CODE_NONE;
      m->refusal = (guint) sqlite3_column_int (stmt, 10);
      m->registered_by = cg_column_dup_text (stmt, 11);
      g_ptr_array_add (mourners, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&mourners);
}

gboolean
cg_mourner_check_out (CgStore     *store,
                      gint64       mourner_id,
                      const char  *left_at,
                      const char  *who,
                      GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) left = NULL;
  g_autofree char *when = NULL;
  const CgMourner *m;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  stmt = cg_store_prepare (store, "SELECT " MOURNER_COLUMNS " FROM mourner WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mourner_id);
  found = cg_mourner_collect (store, stmt, error);
  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND, _("No such mourner."));
      return FALSE;
    }
  m = g_ptr_array_index (found, 0);
  if (m->refusal != 0)
    return invalid (error, _("This mourner was refused and never came in."));
  if (m->left_at != NULL)
    return invalid (error, _("This mourner has left already."));
  left = left_at != NULL ? cg_service_parse_time (left_at) : g_date_time_ref (now);
  if (left == NULL)
    return invalid (error, _("Departure: not a date and time."));
  if (g_date_time_difference (left, now) > CG_SERVICE_CLOCK_TOLERANCE)
    return invalid (error, _("Departure: the time is in the future."));
  when = cg_service_format_time (left);
  if (strcmp (when, m->arrived_at) < 0)
    return invalid (error, _("Departure: before the arrival."));

  if (!cg_store_begin (store, error))
    return FALSE;
  stmt = cg_store_prepare (store, "UPDATE mourner SET left_at = ? WHERE id = ? AND left_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  cg_bind_text (stmt, 1, when);
  sqlite3_bind_int64 (stmt, 2, mourner_id);
  if (!cg_store_step_done (store, stmt, error)
      || !cg_audit_record (store, who, "mourner.check_out", m->name, NULL, when, error)
      || !cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "mourner");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}

GPtrArray *
cg_mourner_list (CgStore  *store,
                 gint64    service_id,
                 GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT " MOURNER_COLUMNS " FROM mourner WHERE service_id = ? ORDER BY arrived_at, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, service_id);
  return cg_mourner_collect (store, stmt, error);
}

gboolean
cg_mourner_count_day (CgStore      *store,
                      gint64        service_id,
                      const GDate  *date,
                      int          *admitted,
                      int          *refused,
                      GError      **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store) && date != NULL, FALSE);

  day = cg_date_to_iso (date);
  stmt = cg_store_prepare (store,
                           "SELECT coalesce(sum(refusal = 0), 0), coalesce(sum(refusal <> 0), 0) FROM mourner "
                           "WHERE arrived_on = ?1 AND (?2 = 0 OR service_id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, day);
  sqlite3_bind_int64 (stmt, 2, service_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (admitted != NULL)
        *admitted = sqlite3_column_int (stmt, 0);
      if (refused != NULL)
        *refused = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

int
cg_mourner_minutes (const CgMourner *mourner,
                    const char      *now)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (mourner != NULL, 0);

  if (mourner->refusal != 0)
    return 0;
  start = cg_service_parse_time (mourner->arrived_at);
  if (mourner->left_at != NULL)
    end = cg_service_parse_time (mourner->left_at);
  else if (now != NULL)
    end = cg_service_parse_time (now);
  else
    end = g_date_time_new_now_utc ();
  if (start == NULL || end == NULL || g_date_time_compare (end, start) <= 0)
    return 0;
  return (int) (g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE);
}

gboolean
cg_mourner_is_overstay (const CgPolicy  *policy,
                        const CgMourner *mourner,
                        const char      *now)
{
  g_return_val_if_fail (policy != NULL && mourner != NULL, FALSE);

  return mourner->refusal == 0
         && cg_mourner_minutes (mourner, now) > cg_policy_get_int (policy, CG_POLICY_MAX_MOURNER_MINUTES);
}
