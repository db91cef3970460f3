/* cg-screening.c — entry screening (RS-1, RS-2, RS-3, ALL-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A screening decides from the policy what happens to the person and,
 * when that is isolation or observation, opens the stay in a free room in
 * the same transaction: the screening and its stay are stored together
 * or not at all.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-room.h"

#define CLOCK_TOLERANCE (10 * G_TIME_SPAN_MINUTE)

static const char * const referrer_ids[CG_N_REFERRERS] = {
  "", "police", "city_management", "self", "other",
};
static const char * const referrer_labels[CG_N_REFERRERS] = {
  N_("Not recorded"), N_("Police"), N_("City management"), N_("Came for help"), N_("Other"),
};
/* The register's words (forms.md): not translations. */
static const char * const referrer_words[CG_N_REFERRERS][3] = {
  { "无", "", NULL },
  { "公安", "公安机关", "派出所" },
  { "城管", "城市管理", NULL },
  { "自行求助", "主动求助", "自行" },
  { "其他", "其它", NULL },
};

const char *
cg_referrer_to_string (CgReferrer referrer)
{
  g_return_val_if_fail (referrer < CG_N_REFERRERS, NULL);
  return referrer_ids[referrer];
}

const char *
cg_referrer_label (CgReferrer referrer)
{
  g_return_val_if_fail (referrer < CG_N_REFERRERS, NULL);
  return _(referrer_labels[referrer]);
}

/* The register's column 送站单位（公安/城管/自行求助）. */
static const char * const referrer_register_labels[CG_N_REFERRERS] = {
  NULL,
  /* Translators: who brought an entrant to a rescue station, in the register: 公安 */
  NC_("referred by", "Police"),
  /* Translators: who brought an entrant to a rescue station, in the register: 城管 */
  NC_("referred by", "City management"),
  /* Translators: an entrant who came to a rescue station on their own, in the register: 自行求助 */
  NC_("referred by", "Came for help"),
  /* Translators: who brought an entrant to a rescue station, in the register: 其他 */
  NC_("referred by", "Other"),
};

const char *
cg_referrer_register_label (CgReferrer referrer)
{
  g_return_val_if_fail (referrer < CG_N_REFERRERS, NULL);
  if (referrer_register_labels[referrer] == NULL)
    return "";
  return g_dpgettext2 (GETTEXT_PACKAGE, "referred by", referrer_register_labels[referrer]);
}

int
cg_referrer_from_string (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return CG_REFERRED_NONE;
  folded = g_strstrip (g_utf8_strdown (text, -1));
  for (int r = 0; r < CG_N_REFERRERS; r++)
    {
      if (g_str_equal (folded, referrer_ids[r]))
        return r;
      for (guint w = 0; w < G_N_ELEMENTS (referrer_words[r]) && referrer_words[r][w] != NULL; w++)
        if (g_str_equal (folded, referrer_words[r][w]))
          return r;
    }
  if (g_str_equal (folded, "none"))
    return CG_REFERRED_NONE;
  return -1;
}

static const char * const outcome_ids[] = { "admit", "isolate", "observe" };

const char *
cg_screening_outcome_to_string (CgScreeningOutcome outcome)
{
  g_return_val_if_fail (outcome <= CG_SCREENING_OBSERVE, NULL);
  return outcome_ids[outcome];
}

static int
outcome_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_ids); i++)
    if (g_strcmp0 (text, outcome_ids[i]) == 0)
      return (int) i;
  return CG_SCREENING_ADMIT;
}

const char *
cg_screening_outcome_label (CgScreeningOutcome outcome)
{
  switch (outcome)
    {
    case CG_SCREENING_ADMIT: return _("Admit");
    case CG_SCREENING_ISOLATE: return _("Isolation observation");
    case CG_SCREENING_OBSERVE: return _("Observation room");
    default: g_return_val_if_reached ("");
    }
}

CgScreening *
cg_screening_new (void)
{
  CgScreening *screening = g_new0 (CgScreening, 1);

  screening->health_code = CG_HEALTH_CODE_GREEN;
  screening->note = g_strdup ("");
  screening->registered_by = g_strdup ("");
  return screening;
}

void
cg_screening_free (CgScreening *screening)
{
  if (screening == NULL)
    return;
  g_free (screening->screened_at);
  g_free (screening->screened_on);
  g_free (screening->called_120_at);
  g_free (screening->reported_at);
  g_free (screening->note);
  g_free (screening->registered_by);
  g_free (screening);
}

static gboolean
has_fever (const CgPolicy    *policy,
           const CgScreening *screening)
{
  return cg_temperature_band_is_fever (cg_temperature_band (policy, screening->temperature))
         || (screening->symptoms & CG_SYMPTOM_FEVER) != 0;
}

CgScreeningOutcome
cg_screening_decide (const CgPolicy    *policy,
                     const CgScreening *screening,
                     gboolean           new_arrival)
{
  g_return_val_if_fail (policy != NULL && screening != NULL, CG_SCREENING_ADMIT);

  /* RS-3: any band above normal → the observation room (and 120). */
  if (has_fever (policy, screening))
    return CG_SCREENING_OBSERVE;
  /* RS-2: no health code, or a medium/high-risk area → 14 days in a
   * single room.  A yellow, orange or red code marks the same risk (the
   * code turns for a risk area or a contact), so it isolates too. */
  if (screening->health_code != CG_HEALTH_CODE_GREEN || screening->risk_travel || screening->contact)
    return CG_SCREENING_ISOLATE;
  /* RS-3 "in-station fever, fatigue or cough → observation room";
   * ALL-2 the same for the other symptoms of the care-home plan. */
  if (screening->symptoms != 0)
    return CG_SCREENING_OBSERVE;
  /* ALL-6: every new arrival is isolated before joining. */
  if (new_arrival)
    return CG_SCREENING_ISOLATE;
  return CG_SCREENING_ADMIT;
}

static CgStayReason
stay_reason (const CgPolicy    *policy,
             const CgScreening *screening,
             CgScreeningOutcome outcome)
{
  if (outcome == CG_SCREENING_OBSERVE)
    return has_fever (policy, screening) ? CG_STAY_FEVER : CG_STAY_SYMPTOMS;
  if (screening->health_code == CG_HEALTH_CODE_NONE)
    return CG_STAY_NO_HEALTH_CODE;
  if (screening->health_code != CG_HEALTH_CODE_GREEN || screening->risk_travel)
    return CG_STAY_RISK_AREA;
  if (screening->contact)
    return CG_STAY_CONTACT;
  return CG_STAY_NEW_ARRIVAL;
}

/* The free room to use at @at, 0 when none: for isolation a compliant
 * isolation room, then a compliant observation room, then any free room
 * (isolation rooms first); for observation the other way round. */
static gint64
pick_room (CgStore             *store,
           CgScreeningOutcome   outcome,
           const char          *at,
           GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 room_id = 0;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT r.id FROM room r WHERE r.archived = 0 "
                           "AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.room_id = r.id "
                           "  AND (s.ended_at IS NULL OR s.ended_at > ?1)) "
                           "ORDER BY (CASE WHEN r.own_toilet AND r.ventilated AND r.low_traffic THEN 0 ELSE 2 END) "
                           "  + (CASE WHEN r.kind = ?2 THEN 0 ELSE 1 END), r.name LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  cg_bind_text (stmt, 1, at);
  cg_bind_text (stmt, 2, outcome == CG_SCREENING_OBSERVE ? "observation" : "isolation");
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    room_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      room_id = -1;
    }
  sqlite3_reset (stmt);
  return room_id;
}

/* The person's stay open at @at, 0 when none, -1 on error. */
static gint64
open_stay_of (CgStore     *store,
              gint64       person_id,
              const char  *at,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 stay_id = 0;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT id FROM stay WHERE person_id = ?1 AND started_at <= ?2 "
                           "AND (ended_at IS NULL OR ended_at > ?2) ORDER BY started_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, person_id);
  cg_bind_text (stmt, 2, at);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stay_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      stay_id = -1;
    }
  sqlite3_reset (stmt);
  return stay_id;
}

gboolean
cg_screening_insert_in_transaction (CgStore            *store,
                                    CgScreening        *screening,
                                    const char         *created_at,
                                    GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && screening != NULL, FALSE);
  g_return_val_if_fail ((guint) screening->referred_by < CG_N_REFERRERS, FALSE);
  g_return_val_if_fail ((guint) screening->outcome < G_N_ELEMENTS (outcome_ids), FALSE);

  stmt = cg_store_prepare (store,
                           "INSERT INTO screening (person_id, screened_at, screened_on, referred_by, temperature, "
                           "symptoms, health_code, risk_travel, contact, identity_verified, outcome, stay_id, "
                           "called_120_at, reported_at, note, registered_by, created_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, screening->person_id);
  cg_bind_text (stmt, 2, screening->screened_at);
  cg_bind_text (stmt, 3, screening->screened_on);
  cg_bind_text (stmt, 4, referrer_ids[screening->referred_by]);
  sqlite3_bind_double (stmt, 5, screening->temperature);
  sqlite3_bind_int (stmt, 6, (int) screening->symptoms);
  cg_bind_text (stmt, 7, cg_health_code_to_string (screening->health_code));
  sqlite3_bind_int (stmt, 8, screening->risk_travel ? 1 : 0);
  sqlite3_bind_int (stmt, 9, screening->contact ? 1 : 0);
  sqlite3_bind_int (stmt, 10, screening->identity_verified ? 1 : 0);
  cg_bind_text (stmt, 11, outcome_ids[screening->outcome]);
  if (screening->stay_id > 0)
    sqlite3_bind_int64 (stmt, 12, screening->stay_id);
  else
    sqlite3_bind_null (stmt, 12);
  cg_bind_text (stmt, 13, screening->called_120_at);
  cg_bind_text (stmt, 14, screening->reported_at);
  cg_bind_text (stmt, 15, screening->note != NULL ? g_strstrip (screening->note) : "");
  cg_bind_text (stmt, 16, screening->registered_by != NULL ? screening->registered_by : "");
  cg_bind_text (stmt, 17, created_at);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  screening->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  return TRUE;
}

static gboolean
screening_record_in_transaction (CgStore         *store,
                                 const CgPolicy  *policy,
                                 CgScreening     *screening,
                                 gboolean         new_arrival,
                                 const char      *who,
                                 GError         **error)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *audit_value = NULL;
  GError *local_error = NULL;
  CgTempBand band;
  gint64 stay_id = 0;

  band = cg_temperature_band (policy, screening->temperature);
  if (!isfinite (screening->temperature) || band == CG_BAND_TOO_LOW || band == CG_BAND_TOO_HIGH)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%.1f °C is not a possible body temperature (%.1f–%.1f °C): check for a typing error and measure again."),
                   screening->temperature, cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MIN),
                   cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MAX));
      return FALSE;
    }
  if (screening->symptoms >= (1u << CG_N_SYMPTOMS))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Unknown symptom."));
      return FALSE;
    }
  if (screening->health_code >= CG_N_HEALTH_CODES)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Health code: choose a colour or no code."));
      return FALSE;
    }
  if (screening->referred_by >= CG_N_REFERRERS)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Referred by: choose who brought the person."));
      return FALSE;
    }

  if (screening->screened_at != NULL)
    {
      at = g_date_time_new_from_iso8601 (screening->screened_at, utc_zone);
      if (at == NULL)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("Screening time: not a date and time."));
          return FALSE;
        }
      if (g_date_time_difference (at, now) > CLOCK_TOLERANCE)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("Screening time: the time is in the future."));
          return FALSE;
        }
    }
  else
    at = g_date_time_ref (now);
  utc = g_date_time_to_utc (at);
  local = cg_date_time_to_local (at);
  g_free (screening->screened_at);
  screening->screened_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_free (screening->screened_on);
  screening->screened_on = g_date_time_format (local, "%Y-%m-%d");

  person = cg_person_load (store, screening->person_id, &local_error);
  if (person == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This person is not in the register."));
      return FALSE;
    }
  if (cg_person_get_left_on (person) != NULL
      && g_strcmp0 (cg_person_get_left_on (person), screening->screened_on) < 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s was not in the institution on %s."), cg_person_get_name (person),
                   screening->screened_on);
      return FALSE;
    }

  screening->temperature = round (screening->temperature * 10.0) / 10.0;
  screening->outcome = cg_screening_decide (policy, screening, new_arrival);

  if (screening->outcome != CG_SCREENING_ADMIT)
    {
      /* Already isolated (a second screening during the stay): the
       * person stays where they are. */
      stay_id = open_stay_of (store, screening->person_id, screening->screened_at, error);
      if (stay_id < 0)
        return FALSE;
    }
  if (screening->outcome != CG_SCREENING_ADMIT && stay_id == 0)
    {
      gint64 room_id = pick_room (store, screening->outcome, screening->screened_at, error);

      if (room_id < 0)
        return FALSE;
      if (room_id > 0)
        {
          g_autoptr(CgStay) stay = cg_stay_new ();

          stay->room_id = room_id;
          stay->person_id = screening->person_id;
          stay->reason = stay_reason (policy, screening, screening->outcome);
          stay->started_at = g_strdup (screening->screened_at);
          if (!cg_stay_open_in_transaction (store, policy, stay, who, error))
            return FALSE;
          stay_id = stay->id;
        }
    }

  screening->stay_id = stay_id;
  if (screening->registered_by == NULL || *screening->registered_by == '\0')
    {
      g_free (screening->registered_by);
      screening->registered_by = g_strdup (who != NULL ? who : "");
    }
  if (!cg_screening_insert_in_transaction (store, screening, created, error))
    return FALSE;

  audit_value = g_strdup_printf ("%s|%.1f|%u|%s|travel=%d|contact=%d|%s|stay=%" G_GINT64_FORMAT,
                                 screening->screened_at, screening->temperature, screening->symptoms,
                                 cg_health_code_to_string (screening->health_code), screening->risk_travel,
                                 screening->contact, outcome_ids[screening->outcome], stay_id);
  return cg_audit_record (store, who, "screening.add", cg_person_get_id_number (person), NULL, audit_value, error);
}

gboolean
cg_screening_record (CgStore         *store,
                     const CgPolicy  *policy,
                     CgScreening     *screening,
                     gboolean         new_arrival,
                     const char      *who,
                     GError         **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && screening != NULL, FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!screening_record_in_transaction (store, policy, screening, new_arrival, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      screening->id = 0;
      screening->stay_id = 0;
      return FALSE;
    }
  cg_store_emit_changed (store, "screening");
  if (screening->stay_id != 0)
    cg_store_emit_changed (store, "stay");
  return TRUE;
}

#define SCREENING_COLUMNS \
  "id, person_id, screened_at, screened_on, referred_by, temperature, symptoms, health_code, " \
  "risk_travel, contact, identity_verified, outcome, stay_id, called_120_at, reported_at, note, registered_by"

static CgScreening *
screening_from_row (sqlite3_stmt *stmt)
{
  CgScreening *screening = g_new0 (CgScreening, 1);
  int referrer = cg_referrer_from_string ((const char *) sqlite3_column_text (stmt, 4));
  int code = cg_health_code_from_string ((const char *) sqlite3_column_text (stmt, 7));

  screening->id = sqlite3_column_int64 (stmt, 0);
  screening->person_id = sqlite3_column_int64 (stmt, 1);
  screening->screened_at = cg_column_dup_text (stmt, 2);
  screening->screened_on = cg_column_dup_text (stmt, 3);
  screening->referred_by = referrer >= 0 ? referrer : CG_REFERRED_OTHER;
  screening->temperature = sqlite3_column_double (stmt, 5);
  screening->symptoms = (guint) sqlite3_column_int (stmt, 6);
  screening->health_code = code >= 0 ? code : CG_HEALTH_CODE_NONE;
  screening->risk_travel = sqlite3_column_int (stmt, 8) != 0;
  screening->contact = sqlite3_column_int (stmt, 9) != 0;
  screening->identity_verified = sqlite3_column_int (stmt, 10) != 0;
  screening->outcome = outcome_from_string ((const char *) sqlite3_column_text (stmt, 11));
  screening->stay_id = sqlite3_column_int64 (stmt, 12);
  screening->called_120_at = cg_column_dup_text (stmt, 13);
  screening->reported_at = cg_column_dup_text (stmt, 14);
  screening->note = cg_column_dup_text (stmt, 15);
  screening->registered_by = cg_column_dup_text (stmt, 16);
  return screening;
}

CgScreening *
cg_screening_get (CgStore  *store,
                  gint64    screening_id,
                  GError  **error)
{
  CgScreening *screening = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  stmt = cg_store_prepare (store, "SELECT " SCREENING_COLUMNS " FROM screening WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, screening_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    screening = screening_from_row (stmt);
  else if (rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return screening;
}

GPtrArray *
cg_screening_list_for_person (CgStore  *store,
                              gint64    person_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_screening_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  stmt = cg_store_prepare (store,
                           "SELECT " SCREENING_COLUMNS " FROM screening WHERE person_id = ? "
                           "ORDER BY screened_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, screening_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
cg_screening_mark (CgStore     *store,
                   gint64       screening_id,
                   gboolean     called_120,
                   gboolean     reported,
                   const char  *at,
                   const char  *who,
                   GError     **error)
{
  g_autoptr(CgScreening) screening = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  g_autofree char *stamp = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *audit_value = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (!called_120 && !reported)
    return TRUE;
  when = at != NULL ? g_date_time_new_from_iso8601 (at, utc_zone) : g_date_time_ref (now);
  if (when == NULL)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Time: not a date and time."));
      return FALSE;
    }
  if (g_date_time_difference (when, now) > CLOCK_TOLERANCE)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Time: the time is in the future."));
      return FALSE;
    }
  utc = g_date_time_to_utc (when);
  stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  if (!cg_store_begin (store, error))
    return FALSE;
  screening = cg_screening_get (store, screening_id, &local_error);
  if (screening == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This screening is not in the register any more."));
      goto fail;
    }
  if (g_strcmp0 (stamp, screening->screened_at) < 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("Time: before the screening itself."));
      goto fail;
    }

  stmt = cg_store_prepare (store,
                           "UPDATE screening SET called_120_at = CASE WHEN ?1 THEN ?3 ELSE called_120_at END, "
                           "reported_at = CASE WHEN ?2 THEN ?3 ELSE reported_at END WHERE id = ?4", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, called_120 ? 1 : 0);
  sqlite3_bind_int (stmt, 2, reported ? 1 : 0);
  cg_bind_text (stmt, 3, stamp);
  sqlite3_bind_int64 (stmt, 4, screening_id);
  if (!cg_store_step_done (store, stmt, error))
    goto fail;

  stmt = cg_store_prepare (store, "SELECT id_number FROM person WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, screening->person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id_number = cg_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  audit_value = g_strdup_printf ("%s%s%s", called_120 ? "120 " : "", reported ? "reported " : "", stamp);
  if (!cg_audit_record (store, who, "screening.mark", id_number, NULL, audit_value, error)
      || !cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "screening");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}
