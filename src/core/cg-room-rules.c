/* cg-room-rules.c — the new arrivals (ALL-6) and the room rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cg_arrival_list() and cg_room_evaluate_rules() (ALL-5, RS-1, RS-2,
 * RS-3), as known on a day.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-room-private.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* new arrivals (ALL-6)                                                    */

void
cg_arrival_free (CgArrival *arrival)
{
  if (arrival == NULL)
    return;
  g_clear_object (&arrival->person);
  g_free (arrival->arrived_on);
  g_free (arrival->until);
  g_free (arrival);
}

GPtrArray *
cg_arrival_list (CgStore         *store,
                 const CgPolicy  *policy,
                 const GDate     *date,
                 GError         **error)
{
  g_autoptr(GPtrArray) arrivals = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_arrival_free);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *day = cg_date_to_iso (date);
  g_autofree char *day_end = cg_room_day_start_utc (date, 1);
  g_autofree char *window = NULL;
  int isolation = cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS);
  GDate window_start = *date;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && date != NULL, NULL);

  /* The window of cg-rules.c: arrived after @date - isolation days. */
  g_date_subtract_days (&window_start, (guint) isolation);
  window = cg_date_to_iso (&window_start);

  people = cg_person_search (store, NULL, -1, CG_PERSON_FILTER_ACTIVE, error);
  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    {
      CgPerson *person = people->pdata[i];
      const char *arrived = cg_person_get_arrived_on (person);
      g_autofree char *arrived_start = NULL;
      CgArrival *arrival;
      sqlite3_stmt *stmt;
      GDate until;
      int rc;

      if (g_strcmp0 (arrived, window) <= 0 || g_strcmp0 (arrived, day) > 0)
        continue;
      arrived_start = cg_room_day_text_start_utc (arrived, 0);

      /* As known on @date: only what was recorded by then counts. */
      stmt = cg_store_prepare (store,
                               "SELECT "
                               " EXISTS (SELECT 1 FROM screening WHERE person_id = ?1 "
                               "   AND screened_on >= ?2 AND screened_on <= ?3),"
                               " EXISTS (SELECT 1 FROM nat_test WHERE person_id = ?1 AND result = 'negative' "
                               "   AND sampled_on >= ?2 AND sampled_on <= ?3 AND result_on <= ?3),"
                               " EXISTS (SELECT 1 FROM nat_test WHERE person_id = ?1 "
                               "   AND sampled_on >= ?2 AND sampled_on <= ?3 "
                               "   AND (result = 'pending' OR result_on IS NULL OR result_on > ?3)),"
                               " EXISTS (SELECT 1 FROM stay WHERE person_id = ?1 "
                               "   AND started_at >= ?4 AND started_at < ?5)", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, cg_person_get_id (person));
      cg_bind_text (stmt, 2, arrived);
      cg_bind_text (stmt, 3, day);
      cg_bind_text (stmt, 4, arrived_start);
      cg_bind_text (stmt, 5, day_end);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          cg_store_set_error (store, error, rc);
          return NULL;
        }
      arrival = g_new0 (CgArrival, 1);
      arrival->person = g_object_ref (person);
      arrival->arrived_on = g_strdup (arrived);
      cg_date_parse (arrived, &until);
      g_date_add_days (&until, (guint) isolation);
      arrival->until = cg_date_to_iso (&until);
      arrival->screened = sqlite3_column_int (stmt, 0) != 0;
      arrival->tested_negative = sqlite3_column_int (stmt, 1) != 0;
      arrival->test_pending = sqlite3_column_int (stmt, 2) != 0;
      arrival->isolated = sqlite3_column_int (stmt, 3) != 0;
      sqlite3_reset (stmt);
      g_ptr_array_add (arrivals, arrival);
    }
  return g_steal_pointer (&arrivals);
}

/* ---------------------------------------------------------------------- */
/* the rules: ALL-5, RS-1, RS-2, RS-3                                      */

static char *
person_subject (const char *name,
                const char *id_number)
{
  g_autofree char *masked = cg_mask_id_number (id_number);

  return g_strdup_printf ("%s %s", name, masked);
}

typedef struct
{
  CgStore        *store;
  const CgPolicy *policy;
  GPtrArray      *alerts;
  char           *day;
  char           *day_end;   /* local midnight after @day, UTC */
  char           *window;    /* @day - isolation days */
} RoomEval;

/* Takes @subject and @message. */
static void
add_alert (RoomEval    *eval,
           const char  *rule,
           CgSeverity   severity,
           char        *subject,
           const char  *record_kind,
           gint64       record_id,
           char        *message)
{
  CgAlert *alert = g_new0 (CgAlert, 1);

  alert->rule = g_strdup (rule);
  alert->severity = severity;
  alert->subject = subject;
  alert->record_kind = g_strdup (record_kind);
  alert->record_id = record_id;
  alert->message = message;
  alert->source = cg_rule_source_for (rule, cg_policy_get_kind (eval->policy));
  alert->date = g_strdup (eval->day);
  g_ptr_array_add (eval->alerts, alert);
}

static gboolean
evaluate_rooms (RoomEval  *eval,
                GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The rooms in use that were registered by the end of the day. */
  stmt = cg_store_prepare (eval->store,
                           "SELECT " ROOM_COLUMNS " FROM room WHERE archived = 0 AND created_at < ?1 "
                           "AND NOT (own_toilet AND ventilated AND low_traffic) ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->day_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CgRoom) room = cg_room_from_row (stmt, 0);
      g_autofree char *gaps = NULL;

      gaps = cg_room_describe_gaps (room);
      add_alert (eval, "ALL-5", CG_SEVERITY_WARNING, g_strdup (room->name), "room", room->id,
                 g_strdup_printf (_("Not compliant: %s. An observation or isolation room needs its own toilet, "
                                    "ventilation and a low-traffic location."),
                                  gaps));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (eval->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
evaluate_stays (RoomEval  *eval,
                GError   **error)
{
  g_autoptr(GPtrArray) stays = NULL;
  sqlite3_stmt *stmt;

  /* Open as known on the day: started by its end, not ended by then. */
  stmt = cg_store_prepare (eval->store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.started_at < ?1 AND (s.ended_at IS NULL OR s.ended_at >= ?1) "
                           "ORDER BY r.name, s.started_at", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->day_end);
  stays = cg_stay_step_all (eval->store, stmt, error);
  if (stays == NULL)
    return FALSE;

  for (guint i = 0; i < stays->len; i++)
    {
      const CgStay *stay = stays->pdata[i];
      g_autofree char *planned_day = cg_room_local_day (stay->planned_end_at);
      g_autofree char *planned = cg_room_shown (stay->planned_end_at);
      int cmp = g_strcmp0 (planned_day, eval->day);

      if (cmp == 0)
        add_alert (eval, "ALL-5", CG_SEVERITY_INFO, person_subject (stay->person_name, stay->id_number),
                   "stay", stay->id,
                   g_strdup_printf (_("Isolation observation in %s may end today, %s (planned end): "
                                      "end the stay and record the disposition."),
                                    stay->room_name, planned));
      else if (cmp < 0)
        add_alert (eval, "ALL-5", CG_SEVERITY_WARNING, person_subject (stay->person_name, stay->id_number),
                   "stay", stay->id,
                   g_strdup_printf (_("Isolation observation in %s was planned to end %s and is still open: "
                                      "end it, or record why it goes on."),
                                    stay->room_name, planned));
    }
  return TRUE;
}

static gboolean
evaluate_entry_screening (RoomEval  *eval,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* RS-1: every entrant (受助人员) of the window, present that day. */
  stmt = cg_store_prepare (eval->store,
                           "SELECT p.id, p.name, p.id_number, p.arrived_on FROM person p "
                           "WHERE p.kind = 'aid' AND p.arrived_on > ?1 AND p.arrived_on <= ?2 "
                           "AND (p.left_on IS NULL OR p.left_on > ?2) "
                           "AND NOT EXISTS (SELECT 1 FROM screening s WHERE s.person_id = p.id "
                           "  AND s.screened_on >= p.arrived_on AND s.screened_on <= ?2) "
                           "ORDER BY p.arrived_on, p.name", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->window);
  cg_bind_text (stmt, 2, eval->day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_alert (eval, "RS-1", CG_SEVERITY_WARNING,
               person_subject ((const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2)),
               "person", sqlite3_column_int64 (stmt, 0),
               g_strdup_printf (_("Entered %s: no entry screening recorded (temperature, travel record, "
                                  "health code, identity check)."),
                                (const char *) sqlite3_column_text (stmt, 3)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (eval->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
evaluate_screenings (RoomEval  *eval,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  int isolation = cg_policy_get_int (eval->policy, CG_POLICY_ISOLATION_DAYS);
  gboolean rs2 = cg_policy_applies (eval->policy, "RS-2");
  gboolean rs3 = cg_policy_applies (eval->policy, "RS-3");
  int rc;

  /* The screenings of the window that still lack something as known on
   * the day: a room (isolate), the 120 call or the report (observe). */
  stmt = cg_store_prepare (eval->store,
                           "SELECT sc.id, sc.screened_at, sc.outcome, sc.temperature, sc.symptoms, "
                           " sc.stay_id IS NULL OR sc.stay_id = 0, "
                           " sc.called_120_at IS NOT NULL AND sc.called_120_at < ?3, "
                           " sc.reported_at IS NOT NULL AND sc.reported_at < ?3, "
                           " EXISTS (SELECT 1 FROM stay st WHERE st.person_id = sc.person_id "
                           "   AND st.started_at >= sc.screened_at AND st.started_at < ?3), "
                           " p.name, p.id_number "
                           "FROM screening sc JOIN person p ON p.id = sc.person_id "
                           "WHERE sc.screened_on > ?1 AND sc.screened_on <= ?2 AND sc.outcome <> 'admit' "
                           "ORDER BY sc.screened_at, sc.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->window);
  cg_bind_text (stmt, 2, eval->day);
  cg_bind_text (stmt, 3, eval->day_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *when = cg_room_shown ((const char *) sqlite3_column_text (stmt, 1));
      const char *outcome = (const char *) sqlite3_column_text (stmt, 2);
      double temperature = sqlite3_column_double (stmt, 3);
      guint symptoms = (guint) sqlite3_column_int (stmt, 4);
      gboolean no_stay = sqlite3_column_int (stmt, 5) != 0;
      gboolean called = sqlite3_column_int (stmt, 6) != 0;
      gboolean reported = sqlite3_column_int (stmt, 7) != 0;
      gboolean placed_later = sqlite3_column_int (stmt, 8) != 0;
      const char *name = (const char *) sqlite3_column_text (stmt, 9);
      const char *id_number = (const char *) sqlite3_column_text (stmt, 10);
      gboolean fever = cg_temperature_band_is_fever (cg_temperature_band (eval->policy, temperature))
                       || (symptoms & CG_SYMPTOM_FEVER) != 0;
      char *message;

      if (rs2 && g_strcmp0 (outcome, "isolate") == 0 && no_stay && !placed_later)
        add_alert (eval, "RS-2", CG_SEVERITY_CRITICAL, person_subject (name, id_number), "screening", id,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Screened %s: %d day of isolation needed, but no room was free: "
                                                 "isolate in a single room at once.",
                                                 "Screened %s: %d days of isolation needed, but no room was free: "
                                                 "isolate in a single room at once.",
                                                 (gulong) isolation),
                                    when, isolation));

      /* RS-3 asks for the 120 call and the report for a fever band; an
       * observation for a cough or fatigue alone does not. */
      if (!rs3 || g_strcmp0 (outcome, "observe") != 0 || !fever || (called && reported))
        continue;
      if (!called && !reported)
        message = g_strdup_printf (_("Fever on entry (%.1f °C) at %s: the call to 120 and the report upward "
                                     "are not recorded."), temperature, when);
      else if (!called)
        message = g_strdup_printf (_("Fever on entry (%.1f °C) at %s: the call to 120 is not recorded."),
                                   temperature, when);
      else
        message = g_strdup_printf (_("Fever on entry (%.1f °C) at %s: the report upward is not recorded."),
                                   temperature, when);
      add_alert (eval, "RS-3", CG_SEVERITY_CRITICAL, person_subject (name, id_number), "screening", id, message);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (eval->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_room_evaluate_rules (CgStore         *store,
                        const CgPolicy  *policy,
                        const GDate     *date,
                        GPtrArray       *alerts,
                        GError         **error)
{
  g_autofree char *day = NULL;
  g_autofree char *day_end = NULL;
  g_autofree char *window = NULL;
  GDate window_start;
  RoomEval eval;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && alerts != NULL, FALSE);

  day = cg_date_to_iso (date);
  day_end = cg_room_day_start_utc (date, 1);
  window_start = *date;
  g_date_subtract_days (&window_start, (guint) cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS));
  window = cg_date_to_iso (&window_start);
  eval = (RoomEval) { store, policy, alerts, day, day_end, window };

  if (cg_policy_applies (policy, "ALL-5")
      && (!evaluate_rooms (&eval, error) || !evaluate_stays (&eval, error)))
    return FALSE;
  if (cg_policy_applies (policy, "RS-1") && !evaluate_entry_screening (&eval, error))
    return FALSE;
  if ((cg_policy_applies (policy, "RS-2") || cg_policy_applies (policy, "RS-3"))
      && !evaluate_screenings (&eval, error))
    return FALSE;
  return TRUE;
}
