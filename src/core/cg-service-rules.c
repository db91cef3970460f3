/* cg-service-rules.c — the funeral home's alerts: FH-2, FH-4, FH-5, FH-6, FH-7
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day is judged up to its end, or up to now on the day itself.
 *
 * FH-5 over the limit is CRITICAL: the documents set the limit ("a service
 * may not last more than 3 days"), so a service past it breaks the rule
 * now, not soon; approaching it is a WARNING, time to tell the family.
 *
 * FH-6's two hall disinfections a day are judged only for days that are
 * over: at noon a hall disinfected once has the afternoon for its second,
 * and an alert then would be noise the staff learn to ignore.  Today's
 * count is on the board (cg_disinfection_count_place_day).
 *
 * FH-2 uses the area risk level stored now (the profile keeps no history
 * of it).
 *
 * FH-4's disinfection after each trip ("日消毒与趟消毒相结合"): every
 * transport on the log (FH-2's records of collecting remains) is followed
 * by a disinfection of a vehicle before the next transport, or within
 * TRIP_WINDOW_HOURS when there is none.  A trip is judged once that
 * window has closed: the vehicle may be on its way back.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-service-private.h"
#include "cg-validate.h"

/* How long after a transport its vehicle disinfection may come, when no
 * other transport follows it. */
#define TRIP_WINDOW_HOURS 12

static void
add_alert (GPtrArray      *alerts,
           const CgPolicy *policy,
           const char     *rule,
           CgSeverity      severity,
           const char     *subject,
           const char     *record_kind,
           gint64          record_id,
           char           *message,
           const char     *day)
{
  CgAlert *alert = g_new0 (CgAlert, 1);

  alert->rule = g_strdup (rule);
  alert->severity = severity;
  alert->subject = g_strdup (subject);
  alert->record_kind = g_strdup (record_kind);
  alert->record_id = record_id;
  alert->message = message;
  alert->source = cg_rule_source_for (rule, cg_policy_get_kind (policy));
  alert->date = g_strdup (day);
  g_ptr_array_add (alerts, alert);
}

static char *
service_subject (const CgService *service)
{
  g_autofree char *masked = cg_mask_id_number (service->deceased_id_number);

  if (*service->hall != '\0')
    return g_strdup_printf ("%s %s · %s", service->deceased_name, masked, service->hall);
  return g_strdup_printf ("%s %s", service->deceased_name, masked);
}

/* "2 h 05 min" */
static char *
format_span (gint64 minutes)
{
  /* Translators: hours and minutes of a duration, "2 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

static void
evaluate_mourning (const CgPolicy  *policy,
                   CgRiskLevel      risk,
                   GPtrArray       *services,
                   const char      *moment,
                   const char      *day,
                   GPtrArray       *alerts)
{
  int limit = cg_policy_mourning_limit_hours (policy, risk);

  for (guint i = 0; i < services->len; i++)
    {
      const CgService *service = g_ptr_array_index (services, i);
      g_autofree char *subject = NULL;
      g_autofree char *span = NULL;
      g_autofree char *started = NULL;
      CgMourningState state;
      gint64 left;

      if (service->covid != CG_COVID_NONE || strcmp (service->started_at, moment) >= 0)
        continue;
      state = cg_service_mourning_state (policy, risk, service, moment, &left);
      if (state != CG_MOURNING_OVER && state != CG_MOURNING_APPROACHING)
        continue;
      subject = service_subject (service);
      started = cg_datetime_utc_to_local (service->started_at);
      if (state == CG_MOURNING_OVER)
        {
          span = format_span (-left);
          /* Translators: the time over, the limit in hours, the start */
          add_alert (alerts, policy, "FH-5", CG_SEVERITY_CRITICAL, subject, "service", service->id,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The mourning period is %s over the limit of %d hour (started %s).",
                                                   "The mourning period is %s over the limit of %d hours (started %s).",
                                                   (gulong) limit),
                                      span, limit, started != NULL ? started : service->started_at),
                     day);
        }
      else
        {
          span = format_span (left);
          /* Translators: the time left, the limit in hours, the start */
          add_alert (alerts, policy, "FH-5", CG_SEVERITY_WARNING, subject, "service", service->id,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s left of the mourning limit of %d hour (started %s).",
                                                   "%s left of the mourning limit of %d hours (started %s).",
                                                   (gulong) limit),
                                      span, limit, started != NULL ? started : service->started_at),
                     day);
        }
    }
}

static gboolean
evaluate_halls (CgStore         *store,
                const CgPolicy  *policy,
                GPtrArray       *services,
                const GDate     *date,
                const char      *day,
                GPtrArray       *alerts,
                GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int required = cg_policy_get_int (policy, CG_POLICY_HALL_DISINFECTIONS_PER_DAY);

  for (guint i = 0; i < services->len; i++)
    {
      const CgService *service = g_ptr_array_index (services, i);
      int count;

      if (service->covid != CG_COVID_NONE || *service->hall == '\0'
          || !g_hash_table_add (seen, service->hall))
        continue;
      count = cg_disinfection_count_place_day (store, service->hall, date, error);
      if (count < 0)
        return FALSE;
      if (count < required)
        /* Translators: the hall, the day, the count, the minimum */
        add_alert (alerts, policy, "FH-6", CG_SEVERITY_WARNING, service->hall, "service", service->id,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s was in use on %s and was disinfected %d time: at least %d a day are required.",
                                                 "%s was in use on %s and was disinfected %d times: at least %d a day are required.",
                                                 (gulong) count),
                                    service->hall, day, count, required),
                   day);
    }
  return TRUE;
}

static gboolean
evaluate_mourners (CgStore         *store,
                   const CgPolicy  *policy,
                   GPtrArray       *services,
                   const GDate     *date,
                   const char      *moment,
                   const char      *day,
                   GPtrArray       *alerts,
                   GError         **error)
{
  int max_minutes = cg_policy_get_int (policy, CG_POLICY_MAX_MOURNER_MINUTES);

  for (guint i = 0; i < services->len; i++)
    {
      const CgService *service = g_ptr_array_index (services, i);
      g_autoptr(GPtrArray) mourners = NULL;
      g_autofree char *subject = NULL;
      sqlite3_stmt *stmt;
      int admitted = 0;
      int overstays = 0;
      int longest = 0;

      if (service->covid != CG_COVID_NONE)
        continue;
      stmt = cg_store_prepare (store,
                               "SELECT " MOURNER_COLUMNS " FROM mourner WHERE service_id = ? AND arrived_on = ? "
                               "AND refusal = 0 ORDER BY arrived_at, id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, service->id);
      cg_bind_text (stmt, 2, day);
      mourners = cg_mourner_collect (store, stmt, error);
      if (mourners == NULL)
        return FALSE;
      admitted = (int) mourners->len;
      for (guint j = 0; j < mourners->len; j++)
        {
          const CgMourner *m = g_ptr_array_index (mourners, j);

          if (cg_mourner_is_overstay (policy, m, moment))
            {
              overstays++;
              longest = MAX (longest, cg_mourner_minutes (m, moment));
            }
        }
      subject = service_subject (service);
      if (admitted > CG_GATHERING_PLAN_THRESHOLD)
        /* Translators: the number of mourners, the day, the threshold (50) */
        add_alert (alerts, policy, "FH-6", CG_SEVERITY_WARNING, subject, "service", service->id,
                   g_strdup_printf (_("%d mourners on %s: a gathering of more than %d people needs a prevention plan."),
                                    admitted, day, CG_GATHERING_PLAN_THRESHOLD),
                   day);
      if (overstays > 0)
        /* Translators: the number, the maximum minutes, the longest stay in minutes */
        add_alert (alerts, policy, "FH-6", CG_SEVERITY_WARNING, subject, "service", service->id,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%d mourner stayed longer than %d minutes (the longest %d minutes).",
                                                 "%d mourners stayed longer than %d minutes (the longest %d minutes).",
                                                 (gulong) overstays),
                                    overstays, max_minutes, longest),
                   day);
    }
  (void) date;
  return TRUE;
}

static gboolean
evaluate_covid (CgStore         *store,
                const CgPolicy  *policy,
                GPtrArray       *services,
                const char      *moment,
                const char      *day,
                GPtrArray       *alerts,
                GError         **error)
{
  for (guint i = 0; i < services->len; i++)
    {
      const CgService *service = g_ptr_array_index (services, i);
      g_autoptr(GPtrArray) steps = NULL;
      g_autoptr(GString) missing = NULL;
      g_autofree char *subject = NULL;
      int n_missing = 0;

      if (service->covid == CG_COVID_NONE || strcmp (service->started_at, moment) >= 0)
        continue;
      steps = cg_service_checklist (store, service->id, error);
      if (steps == NULL)
        return FALSE;
      missing = g_string_new (NULL);
      for (guint j = 0; j < steps->len; j++)
        {
          const CgCovidStepRecord *record = g_ptr_array_index (steps, j);

          if (record->done && strcmp (record->done_at, moment) <= 0)
            continue;
          if (missing->len > 0)
            g_string_append (missing, _("; "));
          g_string_append (missing, cg_covid_step_label (record->step));
          n_missing++;
        }
      if (n_missing == 0)
        continue;
      subject = service_subject (service);
      /* Translators: suspected/confirmed, the number of steps missing, their list */
      add_alert (alerts, policy, "FH-7", CG_SEVERITY_CRITICAL, subject, "service", service->id,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "COVID-19 remains (%s): %d step of the procedure is not done: %s.",
                                               "COVID-19 remains (%s): %d steps of the procedure are not done: %s.",
                                               (gulong) n_missing),
                                  cg_covid_status_label (service->covid), n_missing, missing->str),
                 day);
    }
  return TRUE;
}

static gboolean
evaluate_protection (CgStore         *store,
                     const CgPolicy  *policy,
                     CgRiskLevel      risk,
                     const GDate     *date,
                     const char      *day,
                     GPtrArray       *alerts,
                     GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;

  if (risk < CG_RISK_MEDIUM)
    return TRUE;
  records = cg_protection_list_day (store, date, error);
  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      const CgProtection *p = g_ptr_array_index (records, i);
      g_autofree char *local = NULL;
      const char *missing;

      if (p->suit && p->goggles)
        continue;
      if (!p->suit && !p->goggles)
        missing = _("neither a protective suit nor goggles");
      else if (!p->suit)
        missing = _("no protective suit");
      else
        missing = _("no goggles");
      local = cg_datetime_utc_to_local (p->done_at);
      /* Translators: collecting remains/cremation, the time, what was missing, the area risk */
      add_alert (alerts, policy, "FH-2", CG_SEVERITY_WARNING, p->staff, "protection", p->id,
                 g_strdup_printf (_("%s at %s with %s recorded: required in a %s area."),
                                  cg_protection_kind_label (p->kind), local != NULL ? local : p->done_at,
                                  missing, cg_risk_level_label (risk)),
                 day);
    }
  return TRUE;
}

/* The times (UTC) of the vehicle disinfections from @from on, in order. */
static GPtrArray *
vehicle_disinfections (CgStore     *store,
                       const char  *from,
                       GError     **error)
{
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT done_at FROM disinfection WHERE place_kind = 'vehicle' AND done_at >= ? "
                           "ORDER BY done_at", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (times, cg_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&times);
}

static gboolean
evaluate_trips (CgStore         *store,
                const CgPolicy  *policy,
                const GDate     *date,
                const char      *day,
                const char      *now,
                GPtrArray       *alerts,
                GError         **error)
{
  g_autoptr(GPtrArray) records = cg_protection_list_day (store, date, error);
  g_autoptr(GPtrArray) trips = g_ptr_array_new ();
  g_autoptr(GPtrArray) cleaned = NULL;
  GDate next_day = *date;
  g_autoptr(GPtrArray) later = NULL;

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    if (((CgProtection *) records->pdata[i])->kind == CG_PROTECTION_TRANSPORT)
      g_ptr_array_add (trips, records->pdata[i]);
  if (trips->len == 0)
    return TRUE;
  /* The first transport of the next day closes the window of the last. */
  g_date_add_days (&next_day, 1);
  later = cg_protection_list_day (store, &next_day, error);
  if (later == NULL)
    return FALSE;
  cleaned = vehicle_disinfections (store, ((CgProtection *) trips->pdata[0])->done_at, error);
  if (cleaned == NULL)
    return FALSE;

  for (guint i = 0; i < trips->len; i++)
    {
      const CgProtection *trip = trips->pdata[i];
      g_autofree char *window_end = NULL;
      g_autofree char *local = NULL;
      gboolean done = FALSE;

      if (i + 1 < trips->len)
        window_end = g_strdup (((CgProtection *) trips->pdata[i + 1])->done_at);
      else
        {
          g_autoptr(GDateTime) at = cg_service_parse_time (trip->done_at);
          g_autoptr(GDateTime) end = at != NULL ? g_date_time_add_hours (at, TRIP_WINDOW_HOURS) : NULL;

          window_end = end != NULL ? cg_service_format_time (end) : g_strdup (trip->done_at);
          for (guint j = 0; j < later->len; j++)
            {
              const CgProtection *next = later->pdata[j];

              if (next->kind == CG_PROTECTION_TRANSPORT && strcmp (next->done_at, window_end) < 0)
                {
                  g_free (window_end);
                  window_end = g_strdup (next->done_at);
                  break;
                }
            }
        }
      for (guint j = 0; j < cleaned->len && !done; j++)
        {
          const char *at = cleaned->pdata[j];

          done = strcmp (at, trip->done_at) >= 0 && strcmp (at, window_end) < 0;
        }
      if (done || strcmp (window_end, now) > 0)
        continue;
      local = cg_datetime_utc_to_local (trip->done_at);
      /* Translators: a transport's time and the staff member; 趟消毒 */
      add_alert (alerts, policy, "FH-4", CG_SEVERITY_WARNING, trip->staff, "protection", trip->id,
                 g_strdup_printf (_("No vehicle disinfection is recorded after the transport at %s by %s, "
                                    "before the next trip: each trip is followed by one."),
                                  local != NULL ? local : trip->done_at, trip->staff),
                 day);
    }
  return TRUE;
}

gboolean
cg_service_evaluate_rules (CgStore         *store,
                           const CgPolicy  *policy,
                           const GDate     *date,
                           GPtrArray       *alerts,
                           GError         **error)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *day = NULL;
  g_autofree char *day_start = NULL;
  g_autofree char *day_end = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  GError *local_error = NULL;
  const char *moment;
  CgRiskLevel risk;
  gboolean day_over;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && alerts != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  if (!cg_policy_applies (policy, "FH-2") && !cg_policy_applies (policy, "FH-4")
      && !cg_policy_applies (policy, "FH-5") && !cg_policy_applies (policy, "FH-6")
      && !cg_policy_applies (policy, "FH-7"))
    return TRUE;

  day = cg_date_to_iso (date);
  cg_service_day_bounds (date, &day_start, &day_end);
  if (strcmp (day_start, now) > 0)
    return TRUE;   /* a day to come: nothing happened yet */
  day_over = strcmp (day_end, now) <= 0;
  moment = day_over ? day_end : now;

  risk = cg_service_area_risk (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  services = cg_service_list_day (store, date, error);
  if (services == NULL)
    return FALSE;

  if (cg_policy_applies (policy, "FH-5"))
    evaluate_mourning (policy, risk, services, moment, day, alerts);
  if (cg_policy_applies (policy, "FH-6"))
    {
      if (day_over && !evaluate_halls (store, policy, services, date, day, alerts, error))
        return FALSE;
      if (!evaluate_mourners (store, policy, services, date, moment, day, alerts, error))
        return FALSE;
    }
  if (cg_policy_applies (policy, "FH-7")
      && !evaluate_covid (store, policy, services, moment, day, alerts, error))
    return FALSE;
  if (cg_policy_applies (policy, "FH-2")
      && !evaluate_protection (store, policy, risk, date, day, alerts, error))
    return FALSE;
  if (cg_policy_applies (policy, "FH-4")
      && !evaluate_trips (store, policy, date, day, now, alerts, error))
    return FALSE;
  return TRUE;
}
