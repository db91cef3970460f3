/* cg-visit.c — the visitor register (访客登记, ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are UTC "YYYY-MM-DDTHH:MM:SSZ" everywhere in the table, so that
 * they compare as text; every time that comes in is normalised to it.
 * The record, the decision, check-in and check-out are here; who is
 * inside in cg-visit-inside.c; the paged register, the days and the
 * rules in cg-visit-register.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-validate.h"
#include "cg-visit-private.h"

/* Gate PCs' clocks differ a little: an arrival up to a minute ahead of
 * this PC's clock is not "in the future". */
#define CLOCK_TOLERANCE G_TIME_SPAN_MINUTE

/* ---------------------------------------------------------------------- */
/* Refusals                                                                */

static const char * const refusal_clauses[CG_N_REFUSALS] = {
  N_("fever"),
  N_("cough or sore throat"),
  N_("health code not green"),
  N_("medium/high-risk area in the last 14 days"),
  N_("no mask"),
  N_("reception room full (limit reached)"),
};

static const char * const refusal_labels[CG_N_REFUSALS] = {
  /* Translators: short reason of a refused visit, in a summary "fever 1, health code 2" */
  NC_("refusal", "fever"),
  NC_("refusal", "symptoms"),
  NC_("refusal", "health code"),
  NC_("refusal", "risk area"),
  NC_("refusal", "no mask"),
  NC_("refusal", "room full"),
};

char *
cg_refusal_describe (guint refusal)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < CG_N_REFUSALS; i++)
    if (refusal & (1u << i))
      {
        if (out->len > 0)
          /* Translators: separates the reasons a visitor was refused */
          g_string_append (out, _("; "));
        g_string_append (out, _(refusal_clauses[i]));
      }
  return g_string_free (out, FALSE);
}

const char *
cg_refusal_label (guint index)
{
  g_return_val_if_fail (index < CG_N_REFUSALS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "refusal", refusal_labels[index]);
}

/* ---------------------------------------------------------------------- */
/* Records                                                                 */

CgVisit *
cg_visit_new (void)
{
  CgVisit *visit = g_new0 (CgVisit, 1);

  visit->visitor_name = g_strdup ("");
  visit->visitor_id_number = g_strdup ("");
  visit->phone = g_strdup ("");
  visit->relationship = g_strdup ("");
  visit->registered_by = g_strdup ("");
  visit->health_code = CG_HEALTH_CODE_GREEN;
  visit->masked = TRUE;
  visit->nat_result = -1;
  visit->temperature = 36.5;
  return visit;
}

CgVisit *
cg_visit_copy (const CgVisit *visit)
{
  CgVisit *copy;

  g_return_val_if_fail (visit != NULL, NULL);

  copy = g_memdup2 (visit, sizeof (CgVisit));
  copy->visitor_name = g_strdup (visit->visitor_name);
  copy->visitor_id_number = g_strdup (visit->visitor_id_number);
  copy->phone = g_strdup (visit->phone);
  copy->relationship = g_strdup (visit->relationship);
  copy->arrived_at = g_strdup (visit->arrived_at);
  copy->arrived_on = g_strdup (visit->arrived_on);
  copy->left_at = g_strdup (visit->left_at);
  copy->nat_sampled_on = g_strdup (visit->nat_sampled_on);
  copy->registered_by = g_strdup (visit->registered_by);
  copy->visiting_name = g_strdup (visit->visiting_name);
  copy->visiting_room = g_strdup (visit->visiting_room);
  return copy;
}

void
cg_visit_free (CgVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->visitor_name);
  g_free (visit->visitor_id_number);
  g_free (visit->phone);
  g_free (visit->relationship);
  g_free (visit->arrived_at);
  g_free (visit->arrived_on);
  g_free (visit->left_at);
  g_free (visit->nat_sampled_on);
  g_free (visit->registered_by);
  g_free (visit->visiting_name);
  g_free (visit->visiting_room);
  g_free (visit);
}

static CgVisit *
visit_from_row (sqlite3_stmt *stmt)
{
  CgVisit *visit = g_new0 (CgVisit, 1);
  const char *text;

  visit->id = sqlite3_column_int64 (stmt, 0);
  visit->visitor_name = cg_column_dup_text (stmt, 1);
  visit->visitor_id_number = cg_column_dup_text (stmt, 2);
  visit->phone = cg_column_dup_text (stmt, 3);
  visit->visiting_id = sqlite3_column_int64 (stmt, 4);
  visit->relationship = cg_column_dup_text (stmt, 5);
  visit->arrived_at = cg_column_dup_text (stmt, 6);
  visit->arrived_on = cg_column_dup_text (stmt, 7);
  visit->left_at = cg_column_dup_text (stmt, 8);
  visit->health_code = MAX (0, cg_health_code_from_string ((const char *) sqlite3_column_text (stmt, 9)));
  visit->risk_travel = sqlite3_column_int (stmt, 10) != 0;
  visit->temperature = sqlite3_column_double (stmt, 11);
  visit->symptoms = (guint) sqlite3_column_int (stmt, 12);
  visit->masked = sqlite3_column_int (stmt, 13) != 0;
  visit->nat_sampled_on = cg_column_dup_text (stmt, 14);
  text = (const char *) sqlite3_column_text (stmt, 15);
  visit->nat_result = text != NULL ? cg_nat_result_from_string (text) : -1;
  visit->refusal = (guint) sqlite3_column_int (stmt, 16);
  visit->registered_by = cg_column_dup_text (stmt, 17);
  visit->visiting_name = cg_column_dup_text (stmt, 18);
  visit->visiting_room = cg_column_dup_text (stmt, 19);
  return visit;
}

/* Steps @stmt to the end, collecting visits. */
GPtrArray *
cg_visit_collect (CgStore       *store,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_visit_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (visits, visit_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&visits);
}

/* ---------------------------------------------------------------------- */
/* Times                                                                   */

GDateTime *
cg_visit_parse_utc (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (iso == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (iso, utc);
}

char *
cg_visit_format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Normalises @iso (NULL = now) to the stored form; NULL when not a time. */
char *
cg_visit_normalize_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return cg_datetime_now_utc ();
  dt = cg_visit_parse_utc (iso);
  return dt != NULL ? cg_visit_format_utc (dt) : NULL;
}

static char *
local_day (GDateTime *dt)
{
  g_autoptr(GDateTime) local = cg_date_time_to_local (dt);

  return g_date_time_format (local, "%Y-%m-%d");
}

int
cg_visit_minutes (const CgVisit *visit,
                  const char    *now)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GTimeSpan span;

  g_return_val_if_fail (visit != NULL, 0);

  if (visit->refusal != 0)
    return 0;
  start = cg_visit_parse_utc (visit->arrived_at);
  if (visit->left_at != NULL)
    end = cg_visit_parse_utc (visit->left_at);
  else if (now != NULL)
    end = cg_visit_parse_utc (now);
  else
    end = g_date_time_new_now_utc ();
  if (start == NULL || end == NULL)
    return 0;
  span = g_date_time_difference (end, start);
  /* Whole minutes begun and ended: 30 min 59 s is 30 minutes. */
  return span > 0 ? (int) (span / G_TIME_SPAN_MINUTE) : 0;
}

gboolean
cg_visit_is_overstay (const CgPolicy *policy,
                      const CgVisit  *visit,
                      const char     *now)
{
  g_return_val_if_fail (policy != NULL && visit != NULL, FALSE);

  return visit->refusal == 0
         && cg_visit_minutes (visit, now) > cg_policy_get_int (policy, CG_POLICY_MAX_VISIT_MINUTES);
}

/* ---------------------------------------------------------------------- */
/* The decision                                                            */

guint
cg_visit_decide (const CgPolicy *policy,
                 const CgVisit  *visit,
                 int             inside_now)
{
  guint refusal = 0;

  g_return_val_if_fail (policy != NULL && visit != NULL, 0);

  if (cg_temperature_band_is_fever (cg_temperature_band (policy, visit->temperature))
      || (visit->symptoms & CG_SYMPTOM_FEVER))
    refusal |= CG_REFUSE_FEVER;
  if (visit->symptoms & (CG_SYMPTOM_COUGH | CG_SYMPTOM_DRY_COUGH | CG_SYMPTOM_SORE_THROAT))
    refusal |= CG_REFUSE_SYMPTOMS;
  if (visit->health_code != CG_HEALTH_CODE_GREEN)
    refusal |= CG_REFUSE_HEALTH_CODE;
  if (visit->risk_travel)
    refusal |= CG_REFUSE_RISK_TRAVEL;
  if (!visit->masked)
    refusal |= CG_REFUSE_NO_MASK;
  if (inside_now >= cg_policy_get_int (policy, CG_POLICY_MAX_VISITORS))
    refusal |= CG_REFUSE_FULL;
  return refusal;
}

/* ---------------------------------------------------------------------- */
/* Check-in                                                                */

static void
replace (char       **field,
         char        *value)
{
  g_free (*field);
  *field = value;
}

gboolean
cg_visit_validate (CgStore         *store,
                   const CgPolicy  *policy,
                   CgVisit         *visit,
                   GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) arrived = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;
  CgTempBand band;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && visit != NULL, FALSE);

  name = g_strstrip (g_strdup (visit->visitor_name != NULL ? visit->visitor_name : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Visitor name: type the visitor’s name."));
      return FALSE;
    }
  replace (&visit->visitor_name, g_steal_pointer (&name));

  if (!cg_validate_id_number (visit->visitor_id_number, &id_number, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("ID number: %s"), local_error->message);
      return FALSE;
    }
  replace (&visit->visitor_id_number, g_steal_pointer (&id_number));

  if (visit->phone != NULL && *g_strstrip (visit->phone) != '\0')
    {
      g_autofree char *phone = NULL;

      if (!cg_validate_phone (visit->phone, &phone, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Phone: %s"), local_error->message);
          return FALSE;
        }
      replace (&visit->phone, g_steal_pointer (&phone));
    }
  else
    replace (&visit->phone, g_strdup (""));

  band = cg_temperature_band (policy, visit->temperature);
  if (!isfinite (visit->temperature) || band == CG_BAND_TOO_LOW || band == CG_BAND_TOO_HIGH)
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_RANGE,
                   _("Temperature: %.1f °C is not a possible body temperature (%.1f–%.1f °C): check for a typing error and measure again."),
                   visit->temperature, cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MIN),
                   cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MAX));
      return FALSE;
    }
  visit->temperature = round (visit->temperature * 10.0) / 10.0;

  if (visit->symptoms >= (1u << CG_N_SYMPTOMS))
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Symptoms: unknown symptom."));
      return FALSE;
    }
  if ((guint) visit->health_code >= CG_N_HEALTH_CODES)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Health code: unknown colour."));
      return FALSE;
    }
  if (visit->nat_result < -1 || visit->nat_result >= CG_N_NAT_RESULTS)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Nucleic-acid test: unknown result."));
      return FALSE;
    }
  if (visit->nat_sampled_on != NULL && *visit->nat_sampled_on != '\0')
    {
      g_autofree char *day = cg_date_normalize (visit->nat_sampled_on);

      if (day == NULL)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("Nucleic-acid test: “%s” is not a date."), visit->nat_sampled_on);
          return FALSE;
        }
      replace (&visit->nat_sampled_on, g_steal_pointer (&day));
    }
  else
    g_clear_pointer (&visit->nat_sampled_on, g_free);

  if (visit->arrived_at != NULL)
    {
      arrived = cg_visit_parse_utc (visit->arrived_at);
      if (arrived == NULL)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Arrival: not a date and time."));
          return FALSE;
        }
      if (g_date_time_difference (arrived, now) > CLOCK_TOLERANCE)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Arrival: the time is in the future."));
          return FALSE;
        }
    }
  else
    arrived = g_date_time_ref (now);
  replace (&visit->arrived_at, cg_visit_format_utc (arrived));
  replace (&visit->arrived_on, local_day (arrived));

  if (visit->left_at != NULL)
    {
      g_autoptr(GDateTime) left = cg_visit_parse_utc (visit->left_at);

      if (left == NULL)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Departure: not a date and time."));
          return FALSE;
        }
      if (g_date_time_compare (left, arrived) < 0)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Departure: the visitor cannot leave before arriving."));
          return FALSE;
        }
      if (g_date_time_difference (left, now) > CLOCK_TOLERANCE)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                               _("Departure: the time is in the future."));
          return FALSE;
        }
      replace (&visit->left_at, cg_visit_format_utc (left));
    }

  replace (&visit->relationship,
           g_strstrip (g_strdup (visit->relationship != NULL ? visit->relationship : "")));

  g_clear_pointer (&visit->visiting_name, g_free);
  g_clear_pointer (&visit->visiting_room, g_free);
  if (visit->visiting_id != 0)
    {
      g_autoptr(CgPerson) person = cg_person_load (store, visit->visiting_id, &local_error);
      const char *left_on;

      if (person == NULL)
        {
          g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                               _("Visiting: this person is not in the register."));
          return FALSE;
        }
      left_on = cg_person_get_left_on (person);
      if (g_strcmp0 (cg_person_get_arrived_on (person), visit->arrived_on) > 0
          || (left_on != NULL && g_strcmp0 (left_on, visit->arrived_on) < 0))
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("Visiting: %s was not in the institution on %s."),
                       cg_person_get_name (person), visit->arrived_on);
          return FALSE;
        }
      visit->visiting_name = g_strdup (cg_person_get_name (person));
      visit->visiting_room = g_strdup (cg_person_get_room (person));
    }
  return TRUE;
}

gboolean
cg_visit_check_in_counted_in_transaction (CgStore         *store,
                                          const CgPolicy  *policy,
                                          CgVisit         *visit,
                                          int              inside_now,
                                          const char      *who,
                                          GError         **error)
{
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *audit_value = NULL;
  sqlite3_stmt *stmt;

  if (!cg_visit_validate (store, policy, visit, error))
    return FALSE;
  if (who == NULL)
    who = cg_audit_current_user ();

  if (inside_now < 0)
    {
      GError *local_error = NULL;

      inside_now = cg_visit_count_inside (store, visit->arrived_at, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  visit->refusal = cg_visit_decide (policy, visit, inside_now);
  /* A refused visitor never came in, so never leaves. */
  if (visit->refusal != 0)
    g_clear_pointer (&visit->left_at, g_free);
  replace (&visit->registered_by, g_strdup (who));

  stmt = cg_store_prepare (store,
                           "INSERT INTO visit (visitor_name, visitor_id_number, phone, visiting_id, relationship, "
                           "arrived_at, arrived_on, left_at, health_code, risk_travel, temperature, symptoms, "
                           "masked, nat_sampled_on, nat_result, refusal, registered_by, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, visit->visitor_name);
  cg_bind_text (stmt, 2, visit->visitor_id_number);
  cg_bind_text (stmt, 3, visit->phone);
  if (visit->visiting_id != 0)
    sqlite3_bind_int64 (stmt, 4, visit->visiting_id);
  else
    sqlite3_bind_null (stmt, 4);
  cg_bind_text (stmt, 5, visit->relationship);
  cg_bind_text (stmt, 6, visit->arrived_at);
  cg_bind_text (stmt, 7, visit->arrived_on);
  cg_bind_text (stmt, 8, visit->left_at);
  cg_bind_text (stmt, 9, cg_health_code_to_string (visit->health_code));
  sqlite3_bind_int (stmt, 10, visit->risk_travel ? 1 : 0);
  sqlite3_bind_double (stmt, 11, visit->temperature);
  sqlite3_bind_int (stmt, 12, (int) visit->symptoms);
  sqlite3_bind_int (stmt, 13, visit->masked ? 1 : 0);
  cg_bind_text (stmt, 14, visit->nat_sampled_on);
  cg_bind_text (stmt, 15, visit->nat_result >= 0 ? cg_nat_result_to_string (visit->nat_result) : NULL);
  sqlite3_bind_int (stmt, 16, (int) visit->refusal);
  cg_bind_text (stmt, 17, visit->registered_by);
  cg_bind_text (stmt, 18, created);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  visit->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  if (visit->refusal == 0 && visit->left_at != NULL)
    cg_visit_note_stay (store, visit->id, visit->arrived_at, visit->left_at);

  audit_value = g_strdup_printf ("%s %.1f refusal=%u", visit->arrived_at, visit->temperature, visit->refusal);
  return cg_audit_record (store, who, visit->refusal != 0 ? "visit.refuse" : "visit.admit",
                          visit->visitor_id_number, NULL, audit_value, error);
}

gboolean
cg_visit_check_in_in_transaction (CgStore         *store,
                                  const CgPolicy  *policy,
                                  CgVisit         *visit,
                                  const char      *who,
                                  GError         **error)
{
  return cg_visit_check_in_counted_in_transaction (store, policy, visit, -1, who, error);
}

gboolean
cg_visit_check_in (CgStore         *store,
                   const CgPolicy  *policy,
                   CgVisit         *visit,
                   const char      *who,
                   GError         **error)
{
  g_autoptr(CgVisit) work = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && visit != NULL, FALSE);

  /* On a copy: a rolled-back check-in leaves the caller's form as it was. */
  work = cg_visit_copy (visit);
  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_visit_check_in_in_transaction (store, policy, work, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_visit_emit_changed (store);

  /* The stored values to the caller; the old strings die with @work. */
  {
    CgVisit old = *visit;

    *visit = *work;
    *work = old;
  }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Check-out and reading                                                   */

CgVisit *
cg_visit_get (CgStore  *store,
              gint64    visit_id,
              GError  **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store, "SELECT " VISIT_COLUMNS VISIT_FROM "WHERE v.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  visits = cg_visit_collect (store, stmt, error);
  if (visits == NULL)
    return NULL;
  if (visits->len == 0)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                             _("This visit is not in the register."));
      return NULL;
    }
  return g_ptr_array_steal_index (visits, 0);
}

gboolean
cg_visit_check_out (CgStore      *store,
                    gint64        visit_id,
                    const char   *left_at,
                    const char   *who,
                    GError      **error)
{
  g_autoptr(CgVisit) visit = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) left = NULL;
  g_autoptr(GDateTime) arrived = NULL;
  g_autofree char *left_text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (who == NULL)
    who = cg_audit_current_user ();
  left = left_at != NULL ? cg_visit_parse_utc (left_at) : g_date_time_ref (now);
  if (left == NULL)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Departure: not a date and time."));
      return FALSE;
    }
  if (g_date_time_difference (left, now) > CLOCK_TOLERANCE)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Departure: the time is in the future."));
      return FALSE;
    }
  left_text = cg_visit_format_utc (left);

  if (!cg_store_begin (store, error))
    return FALSE;
  visit = cg_visit_get (store, visit_id, error);
  if (visit == NULL)
    goto fail;
  if (visit->refusal != 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s was refused and never came in: there is nothing to check out."),
                   visit->visitor_name);
      goto fail;
    }
  if (visit->left_at != NULL)
    {
      g_autofree char *local = cg_datetime_utc_to_local (visit->left_at);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s has already left, at %s."), visit->visitor_name, local);
      goto fail;
    }
  arrived = cg_visit_parse_utc (visit->arrived_at);
  if (arrived != NULL && g_date_time_compare (left, arrived) < 0)
    {
      g_autofree char *local = cg_datetime_utc_to_local (visit->arrived_at);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("Departure: %s arrived at %s and cannot leave before that."),
                   visit->visitor_name, local);
      goto fail;
    }

  stmt = cg_store_prepare (store, "UPDATE visit SET left_at = ? WHERE id = ? AND left_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  cg_bind_text (stmt, 1, left_text);
  sqlite3_bind_int64 (stmt, 2, visit_id);
  if (!cg_store_step_done (store, stmt, error)
      || !cg_audit_record (store, who, "visit.check_out", visit->visitor_id_number,
                           NULL, left_text, error)
      || !cg_store_commit (store, error))
    goto fail;
  cg_visit_note_stay (store, visit_id, visit->arrived_at, left_text);
  cg_visit_emit_changed (store);
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}

CgVisit *
cg_visit_find_visitor (CgStore     *store,
                       const char  *id_number,
                       GError     **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (id_number == NULL)
    return NULL;
  clean = g_ascii_strup (id_number, -1);
  g_strstrip (clean);
  /* The visit_visitor index (visitor_id_number, arrived_at) gives the
   * latest at once. */
  stmt = cg_store_prepare (store,
                           "SELECT " VISIT_COLUMNS VISIT_FROM
                           "WHERE v.visitor_id_number = ? ORDER BY v.arrived_at DESC, v.id DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, clean);
  visits = cg_visit_collect (store, stmt, error);
  if (visits == NULL || visits->len == 0)
    return NULL;
  return g_ptr_array_steal_index (visits, 0);
}
