/* cg-visit.c — the visitor register (访客登记, ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are UTC "YYYY-MM-DDTHH:MM:SSZ" everywhere in the table, so that
 * they compare as text; every time that comes in is normalised to it.
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
#include "cg-visit.h"

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

#define VISIT_COLUMNS \
  "v.id, v.visitor_name, v.visitor_id_number, v.phone, v.visiting_id, v.relationship, " \
  "v.arrived_at, v.arrived_on, v.left_at, v.health_code, v.risk_travel, v.temperature, " \
  "v.symptoms, v.masked, v.nat_sampled_on, v.nat_result, v.refusal, v.registered_by, " \
  "p.name, p.room"

#define VISIT_FROM " FROM visit v LEFT JOIN person p ON p.id = v.visiting_id "

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
static GPtrArray *
collect_visits (CgStore       *store,
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

static GDateTime *
parse_utc (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (iso == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (iso, utc);
}

static char *
format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Normalises @iso (NULL = now) to the stored form; NULL when not a time. */
static char *
normalize_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return cg_datetime_now_utc ();
  dt = parse_utc (iso);
  return dt != NULL ? format_utc (dt) : NULL;
}

static char *
local_day (GDateTime *dt)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);

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
  start = parse_utc (visit->arrived_at);
  if (visit->left_at != NULL)
    end = parse_utc (visit->left_at);
  else if (now != NULL)
    end = parse_utc (now);
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
/* The longest stay                                                        */

/* Who was inside at a moment is an interval query, and the schema has no
 * interval index: a visit that left after @at may have arrived at any
 * time before it.  But it arrived no earlier than @at minus the longest
 * stay ever closed, so that bound (at least a day) turns the query into a
 * short range of the (arrived_at, id) index.  The bound needs a scan of
 * the table; it is kept per store and recomputed when the table changed
 * behind this module's back: another connection (SQLite's data_version)
 * or another writer of this one (CgStore::changed::visit). */
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

typedef struct
{
  gboolean valid;
  gboolean own_change;     /* this module emits: the value is kept up to date */
  gint64   data_version;
  gint64   seconds;
} LongestStay;

static void
on_visits_changed (CgStore    *store,
                   const char *table,
                   gpointer    user_data)
{
  LongestStay *cache = user_data;

  if (!cache->own_change)
    cache->valid = FALSE;
}

static LongestStay *
longest_cache (CgStore *store)
{
  LongestStay *cache = g_object_get_data (G_OBJECT (store), "cg-visit-longest-stay");

  if (cache == NULL)
    {
      cache = g_new0 (LongestStay, 1);
      g_object_set_data_full (G_OBJECT (store), "cg-visit-longest-stay", cache, g_free);
      g_signal_connect (store, "changed::visit", G_CALLBACK (on_visits_changed), cache);
    }
  return cache;
}

static gboolean
data_version (CgStore  *store,
              gint64   *out,
              GError  **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

gint64
cg_visit_longest_stay (CgStore  *store,
                       GError  **error)
{
  LongestStay *cache;
  sqlite3_stmt *stmt;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  cache = longest_cache (store);
  if (!data_version (store, &version, error))
    return -1;
  if (cache->valid && cache->data_version == version)
    return cache->seconds;

  /* A visit that arrived and left on the same UTC day lasted less than a
   * day: only those spanning midnight are measured, the rest of the scan
   * compares ten characters. */
  stmt = cg_store_prepare (store,
                           "SELECT coalesce (max ((julianday (left_at) - julianday (arrived_at)) * 86400.0), 0) "
                           "FROM visit WHERE refusal = 0 AND left_at IS NOT NULL "
                           "AND substr (left_at, 1, 10) <> substr (arrived_at, 1, 10)", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      cache->seconds = MAX (SECONDS_PER_DAY, (gint64) ceil (sqlite3_column_double (stmt, 0)) + 1);
      cache->data_version = version;
      cache->valid = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return -1;
    }
  return cache->seconds;
}

/* A stay of this module's closed: the bound grows with it.  (A rolled-back
 * write leaves it larger than needed, which is only slower.) */
static void
note_stay (CgStore    *store,
           const char *arrived_at,
           const char *left_at)
{
  LongestStay *cache = longest_cache (store);
  g_autoptr(GDateTime) start = parse_utc (arrived_at);
  g_autoptr(GDateTime) end = parse_utc (left_at);

  if (start == NULL || end == NULL)
    {
      cache->valid = FALSE;
      return;
    }
  cache->seconds = MAX (cache->seconds, g_date_time_difference (end, start) / G_TIME_SPAN_SECOND);
}

static void
emit_changed (CgStore *store)
{
  LongestStay *cache = longest_cache (store);

  cache->own_change = TRUE;
  cg_store_emit_changed (store, "visit");
  cache->own_change = FALSE;
}

/* @at minus the longest stay, or NULL on error. */
static char *
earliest_arrival (CgStore     *store,
                  const char  *at,
                  GError     **error)
{
  g_autoptr(GDateTime) when = parse_utc (at);
  g_autoptr(GDateTime) earliest = NULL;
  gint64 longest = cg_visit_longest_stay (store, error);

  if (longest < 0 || when == NULL)
    return NULL;
  earliest = g_date_time_add_seconds (when, (double) -longest);
  return format_utc (earliest);
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
      arrived = parse_utc (visit->arrived_at);
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
  replace (&visit->arrived_at, format_utc (arrived));
  replace (&visit->arrived_on, local_day (arrived));

  if (visit->left_at != NULL)
    {
      g_autoptr(GDateTime) left = parse_utc (visit->left_at);

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
      replace (&visit->left_at, format_utc (left));
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
    note_stay (store, visit->arrived_at, visit->left_at);

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
  emit_changed (store);

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
  visits = collect_visits (store, stmt, error);
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
  left = left_at != NULL ? parse_utc (left_at) : g_date_time_ref (now);
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
  left_text = format_utc (left);

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
  arrived = parse_utc (visit->arrived_at);
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
  note_stay (store, visit->arrived_at, left_text);
  emit_changed (store);
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
  visits = collect_visits (store, stmt, error);
  if (visits == NULL || visits->len == 0)
    return NULL;
  return g_ptr_array_steal_index (visits, 0);
}

/* ---------------------------------------------------------------------- */
/* Inside                                                                  */

/* Admitted, arrived at or before ?1, not left at ?1: the visits still
 * open from the visit_inside partial index, the closed ones from the
 * (arrived_at, id) index between ?2 (?1 minus the longest stay) and ?1. */
#define INSIDE_IDS \
  "SELECT id FROM visit WHERE left_at IS NULL AND refusal = 0 AND arrived_at <= ?1 " \
  "UNION ALL SELECT id FROM visit WHERE arrived_at BETWEEN ?2 AND ?1 AND left_at > ?1 AND refusal = 0"

int
cg_visit_count_inside (CgStore     *store,
                       const char  *at,
                       GError     **error)
{
  g_autofree char *when = normalize_time (at);
  g_autofree char *earliest = NULL;
  sqlite3_stmt *stmt;
  int count = -1;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  if (when == NULL)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Not a date and time."));
      return -1;
    }
  earliest = earliest_arrival (store, when, error);
  if (earliest == NULL)
    return -1;
  stmt = cg_store_prepare (store,
                           "SELECT (SELECT count(*) FROM visit WHERE left_at IS NULL AND refusal = 0 AND arrived_at <= ?1)"
                           " + (SELECT count(*) FROM visit WHERE arrived_at BETWEEN ?2 AND ?1 AND left_at > ?1 AND refusal = 0)",
                           error);
  if (stmt == NULL)
    return -1;
  cg_bind_text (stmt, 1, when);
  cg_bind_text (stmt, 2, earliest);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return count;
}

GPtrArray *
cg_visit_list_inside (CgStore     *store,
                      const char  *at,
                      GError     **error)
{
  g_autofree char *when = normalize_time (at);
  g_autofree char *earliest = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (when == NULL)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Not a date and time."));
      return NULL;
    }
  earliest = earliest_arrival (store, when, error);
  if (earliest == NULL)
    return NULL;
  stmt = cg_store_prepare (store,
                           "SELECT " VISIT_COLUMNS VISIT_FROM "WHERE v.id IN (" INSIDE_IDS ") "
                           "ORDER BY v.arrived_at, v.id", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, when);
  cg_bind_text (stmt, 2, earliest);
  return collect_visits (store, stmt, error);
}

/* ---------------------------------------------------------------------- */
/* The register, paged                                                     */

/* What a search can match, by its characters: letters are a name; digits
 * (and a final X) the start of an ID number, which begins with a region
 * code 11–82; digits and dashes the start of a phone number, a mobile
 * 1xx or a fixed line 0xxx-. */
typedef enum
{
  MATCH_NAME  = 1 << 0,
  MATCH_ID    = 1 << 1,
  MATCH_PHONE = 1 << 2,
} Match;

/* The search and the upper bound of its prefix range: the prefix with its
 * last byte one higher (a UTF-8 string never ends in 0xFF), so that
 * "prefix <= x < bound" is a range the B-tree index answers. */
static guint
search_range (const char  *search,
              char       **low_out,
              char       **high_out)
{
  g_autofree char *low = NULL;
  char *high;
  gsize len;
  gboolean digits = TRUE, dash = FALSE, x = FALSE;

  *low_out = *high_out = NULL;
  if (search == NULL)
    return 0;
  low = g_strstrip (g_strdup (search));
  len = strlen (low);
  if (len == 0)
    return 0;
  for (gsize i = 0; i < len; i++)
    {
      if (low[i] == '-' && i > 0)
        dash = TRUE;
      else if ((low[i] == 'x' || low[i] == 'X') && i == len - 1 && i > 0)
        x = TRUE;
      else if (!g_ascii_isdigit (low[i]))
        digits = FALSE;
    }
  high = NULL;
  if (digits)
    {
      guint match = 0;

      if (!dash && low[0] >= '1' && low[0] <= '8' && len <= 18)
        match |= MATCH_ID;
      if (!x && (low[0] == '0' || low[0] == '1'))
        match |= MATCH_PHONE;
      if (x)
        low[len - 1] = 'X';
      high = g_strdup (low);
      high[len - 1] = (char) ((guchar) high[len - 1] + 1);
      *low_out = g_steal_pointer (&low);
      *high_out = high;
      return match != 0 ? match : MATCH_ID;   /* matches nothing, through an index */
    }
  high = g_strdup (low);
  high[len - 1] = (char) ((guchar) high[len - 1] + 1);
  *low_out = g_steal_pointer (&low);
  *high_out = high;
  return MATCH_NAME;
}

#define NAME_RANGE  "visitor_name >= ?1 AND visitor_name < ?2"
#define ID_RANGE    "visitor_id_number >= ?1 AND visitor_id_number < ?2"
#define PHONE_RANGE "phone >= ?1 AND phone < ?2"

static gint64
count_matches (CgStore     *store,
               guint        match,
               const char  *low,
               const char  *high,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  /* Each range is counted in its own index alone; a number that may be
   * the start of both an ID number and a phone number (1…) counts the
   * visits matching both once, by their ids. */
  if (match == 0)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit", error);
  else if (match == MATCH_NAME)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit WHERE " NAME_RANGE, error);
  else if (match == MATCH_ID)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit WHERE " ID_RANGE, error);
  else if (match == MATCH_PHONE)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM visit WHERE " PHONE_RANGE, error);
  else
    stmt = cg_store_prepare (store,
                             "SELECT (SELECT count(*) FROM visit WHERE " ID_RANGE ")"
                             " + (SELECT count(*) FROM visit WHERE " PHONE_RANGE ")"
                             " - (SELECT count(*) FROM (SELECT id FROM visit WHERE " ID_RANGE
                             "    INTERSECT SELECT id FROM visit WHERE " PHONE_RANGE "))", error);
  if (stmt == NULL)
    return -1;
  if (match != 0)
    {
      cg_bind_text (stmt, 1, low);
      cg_bind_text (stmt, 2, high);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return count;
}

gint64
cg_visit_count (CgStore     *store,
                const char  *search,
                GError     **error)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  guint match = search_range (search, &low, &high);

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  return count_matches (store, match, low, high, error);
}

/* Rows in the table: visits are never deleted, so the last id. */
static gint64
table_size (CgStore  *store,
            GError  **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT coalesce (max (id), 0) FROM visit", error);
  gint64 size = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  else
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return size;
}

GPtrArray *
cg_visit_page (CgStore     *store,
               const char  *search,
               gint64       offset,
               guint        limit,
               GError     **error)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *sql = NULL;
  guint match = search_range (search, &low, &high);
  const char *where = "";
  gboolean scan = TRUE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (match != 0)
    {
      gint64 matches = count_matches (store, match, low, high, error);
      gint64 size;

      if (matches < 0 || (size = table_size (store, error)) < 0)
        return NULL;
      if (matches <= offset)
        return g_ptr_array_new_with_free_func ((GDestroyNotify) cg_visit_free);
      /* Two ways to the page: walk the (arrived_at, id) order and skip
       * the rows that do not match — about (offset + limit) × size /
       * matches rows read, in the order they were written — or take the
       * matches from the search's own index and sort them — matches rows
       * read here and there, about four times dearer each (measured on
       * 200,000 visits).  The cheaper one. */
      scan = (double) (offset + limit) * (double) size < 4.0 * (double) matches * (double) matches;
      /* "+column" keeps SQLite from the column's index, so that it walks
       * the order. */
      switch (match)
        {
        case MATCH_NAME:
          where = scan ? "WHERE +visitor_name >= ?1 AND +visitor_name < ?2 " : "WHERE " NAME_RANGE " ";
          break;
        case MATCH_ID:
          where = scan ? "WHERE +visitor_id_number >= ?1 AND +visitor_id_number < ?2 " : "WHERE " ID_RANGE " ";
          break;
        case MATCH_PHONE:
          where = scan ? "WHERE +phone >= ?1 AND +phone < ?2 " : "WHERE " PHONE_RANGE " ";
          break;
        default:
          where = scan ? "WHERE (+visitor_id_number >= ?1 AND +visitor_id_number < ?2) OR (+phone >= ?1 AND +phone < ?2) "
                       : "WHERE (" ID_RANGE ") OR (" PHONE_RANGE ") ";
          break;
        }
    }

  /* The page's ids first, from indexes and as few rows as can be; only
   * the rows of the page are then read whole and joined with the person
   * visited. */
  sql = g_strconcat ("SELECT " VISIT_COLUMNS " FROM ("
                     "  SELECT id FROM visit ", where,
                     "  ORDER BY arrived_at DESC, id DESC LIMIT ?3 OFFSET ?4) AS page "
                     "JOIN visit v ON v.id = page.id LEFT JOIN person p ON p.id = v.visiting_id "
                     "ORDER BY v.arrived_at DESC, v.id DESC", NULL);
  stmt = cg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (match != 0)
    {
      cg_bind_text (stmt, 1, low);
      cg_bind_text (stmt, 2, high);
    }
  sqlite3_bind_int (stmt, 3, (int) MIN (limit, (guint) G_MAXINT));
  sqlite3_bind_int64 (stmt, 4, offset);
  return collect_visits (store, stmt, error);
}

/* ---------------------------------------------------------------------- */
/* Days and rules                                                          */

GArray *
cg_visit_days (CgStore         *store,
               const CgPolicy  *policy,
               const GDate     *from,
               const GDate     *to,
               GError         **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (CgVisitDay));
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && from != NULL && to != NULL, NULL);

  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&days);
  first = cg_date_to_iso (from);
  last = cg_date_to_iso (to);

  /* Per day through the visit_day index (arrived_on, refusal).  A stay
   * is an overstay from (maximum + 1) whole minutes on, as
   * cg_visit_minutes() counts them; an open visit counts to the end of
   * its day (local), or to now on the day itself, as the alerts do. */
  stmt = cg_store_prepare (store,
                           "WITH RECURSIVE day (d) AS ("
                           "  SELECT ?1 UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < ?2) "
                           "SELECT day.d,"
                           " (SELECT count(*) FROM visit WHERE arrived_on = day.d AND refusal = 0),"
                           " (SELECT count(*) FROM visit WHERE arrived_on = day.d AND refusal > 0),"
                           " (SELECT count(*) FROM visit WHERE arrived_on = day.d AND refusal = 0"
                           "    AND CAST (strftime('%s', coalesce(left_at,"
                           "          min(?3, strftime('%Y-%m-%dT%H:%M:%SZ', day.d, '+1 day', 'utc')))) AS INTEGER)"
                           "      - CAST (strftime('%s', arrived_at) AS INTEGER) >= ?4) "
                           "FROM day ORDER BY day.d", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, first);
  cg_bind_text (stmt, 2, last);
  cg_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, ((gint64) cg_policy_get_int (policy, CG_POLICY_MAX_VISIT_MINUTES) + 1) * 60);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgVisitDay day = { 0 };

      cg_date_parse ((const char *) sqlite3_column_text (stmt, 0), &day.date);
      day.admitted = sqlite3_column_int (stmt, 1);
      day.refused = sqlite3_column_int (stmt, 2);
      day.overstays = sqlite3_column_int (stmt, 3);
      g_array_append_val (days, day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&days);
}

static CgAlert *
visit_alert (const CgPolicy *policy,
             CgSeverity      severity,
             char           *subject,
             gint64          record_id,
             char           *message,
             const char     *day)
{
  CgAlert *alert = g_new0 (CgAlert, 1);

  alert->rule = g_strdup ("ALL-4");
  alert->severity = severity;
  alert->subject = subject;
  alert->record_kind = g_strdup ("visit");
  alert->record_id = record_id;
  alert->message = message;
  alert->source = cg_rule_source_for ("ALL-4", cg_policy_get_kind (policy));
  alert->date = g_strdup (day);
  return alert;
}

static char *
visitor_subject (const CgVisit *visit)
{
  g_autofree char *masked = cg_mask_id_number (visit->visitor_id_number);

  return g_strdup_printf ("%s %s", visit->visitor_name, masked);
}

typedef struct
{
  const char *at;
  int         delta;
  gint64      visit_id;
} InsideEvent;

static int
inside_event_compare (gconstpointer a,
                      gconstpointer b)
{
  const InsideEvent *x = a;
  const InsideEvent *y = b;
  int c = strcmp (x->at, y->at);

  /* One who leaves at the minute another arrives is out already. */
  return c != 0 ? c : x->delta - y->delta;
}

gboolean
cg_visit_evaluate_rules (CgStore         *store,
                         const CgPolicy  *policy,
                         const GDate     *date,
                         GPtrArray       *alerts,
                         GError         **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *cutoff = NULL;
  int max_visitors, max_minutes;
  int refused = 0;
  int by_reason[CG_N_REFUSALS] = { 0 };
  int inside = 0, peak = 0;
  const char *peak_at = NULL;
  gint64 peak_visit = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && alerts != NULL, FALSE);

  if (!cg_policy_applies (policy, "ALL-4"))
    return TRUE;

  max_visitors = cg_policy_get_int (policy, CG_POLICY_MAX_VISITORS);
  max_minutes = cg_policy_get_int (policy, CG_POLICY_MAX_VISIT_MINUTES);
  day = cg_date_to_iso (date);
  start = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), 0, 0, 0);
  end = g_date_time_add_days (start, 1);
  start_text = format_utc (start);
  /* The end of the day, or now while the day lasts. */
  cutoff = format_utc (g_date_time_compare (end, now) < 0 ? end : now);

  stmt = cg_store_prepare (store,
                           "SELECT " VISIT_COLUMNS VISIT_FROM
                           "WHERE v.arrived_on = ? ORDER BY v.arrived_at, v.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, day);
  visits = collect_visits (store, stmt, error);
  if (visits == NULL)
    return FALSE;
  /* Those still inside from an earlier day share the room too. */
  before = cg_visit_list_inside (store, start_text, error);
  if (before == NULL)
    return FALSE;

  events = g_array_new (FALSE, FALSE, sizeof (InsideEvent));
  for (guint i = 0; i < before->len; i++)
    {
      CgVisit *visit = before->pdata[i];
      InsideEvent in = { start_text, +1, visit->id };

      if (g_strcmp0 (visit->arrived_on, day) == 0)
        continue;   /* arrived on the day after all (a time-zone edge) */
      g_array_append_val (events, in);
      if (visit->left_at != NULL && strcmp (visit->left_at, cutoff) < 0)
        {
          InsideEvent out = { visit->left_at, -1, visit->id };

          g_array_append_val (events, out);
        }
    }

  for (guint i = 0; i < visits->len; i++)
    {
      CgVisit *visit = visits->pdata[i];

      if (visit->refusal != 0)
        {
          refused++;
          for (guint b = 0; b < CG_N_REFUSALS; b++)
            if (visit->refusal & (1u << b))
              by_reason[b]++;
          continue;
        }

      if (strcmp (visit->arrived_at, cutoff) <= 0)
        {
          InsideEvent in = { visit->arrived_at, +1, visit->id };

          g_array_append_val (events, in);
          if (visit->left_at != NULL && strcmp (visit->left_at, cutoff) < 0)
            {
              InsideEvent out = { visit->left_at, -1, visit->id };

              g_array_append_val (events, out);
            }
        }

      if (cg_visit_is_overstay (policy, visit, cutoff))
        {
          int minutes = cg_visit_minutes (visit, cutoff);
          char *message;

          if (visit->left_at != NULL)
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Stayed %d minute (the limit is %d)",
                                                    "Stayed %d minutes (the limit is %d)", minutes),
                                       minutes, max_minutes);
          else
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Still inside after %d minute (the limit is %d): check the visitor out",
                                                    "Still inside after %d minutes (the limit is %d): check the visitor out",
                                                    minutes),
                                       minutes, max_minutes);
          g_ptr_array_add (alerts, visit_alert (policy, CG_SEVERITY_WARNING, visitor_subject (visit),
                                                visit->id, message, day));
        }
    }

  g_array_sort (events, inside_event_compare);
  for (guint i = 0; i < events->len; i++)
    {
      InsideEvent *event = &g_array_index (events, InsideEvent, i);

      inside += event->delta;
      if (inside > peak)
        {
          peak = inside;
          peak_at = event->at;
          peak_visit = event->visit_id;
        }
    }
  if (peak > max_visitors)
    {
      g_autofree char *local = cg_datetime_utc_to_local (peak_at);
      const char *clock = local != NULL && strlen (local) > 11 ? local + 11 : "";

      g_ptr_array_add (alerts,
                       visit_alert (policy, CG_SEVERITY_WARNING, g_strdup (_("Reception room")), peak_visit,
                                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%d visitor was inside at %s (the limit is %d at once)",
                                                                  "%d visitors were inside at %s (the limit is %d at once)",
                                                                  peak),
                                                     peak, clock, max_visitors),
                                    day));
    }

  if (refused > 0)
    {
      g_autoptr(GString) reasons = g_string_new (NULL);

      for (guint b = 0; b < CG_N_REFUSALS; b++)
        if (by_reason[b] > 0)
          {
            if (reasons->len > 0)
              /* Translators: separates the reasons in "fever 1, health code 2" */
              g_string_append (reasons, _(", "));
            /* Translators: a refusal reason and how many visitors it refused, "fever 1" */
            g_string_append_printf (reasons, _("%s %d"), cg_refusal_label (b), by_reason[b]);
          }
      g_ptr_array_add (alerts,
                       visit_alert (policy, CG_SEVERITY_INFO, g_strdup (_("Visitor register")), 0,
                                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%d visitor refused (%s)",
                                                                  "%d visitors refused (%s)",
                                                                  refused),
                                                     refused, reasons->str),
                                    day));
    }
  return TRUE;
}
