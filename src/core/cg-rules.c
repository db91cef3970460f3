/* cg-rules.c — the day's alerts, each with its rule and source clause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-health-check.h"
#include "cg-json.h"
#include "cg-nat-test.h"
#include "cg-room.h"
#include "cg-service.h"
#include "cg-visit.h"
#include "cg-disinfection.h"
#include "cg-rules.h"
#include "cg-validate.h"

typedef struct
{
  const char *id;
  const char *title;    /* N_() */
  const char *source;   /* as the documents are cited; not translated */
  /* Where a sector's own plan says it, that clause is cited instead:
   * care home, child welfare, rescue station, funeral home; NULL = source. */
  const char *by_kind[CG_N_KINDS];
} CgRuleInfo;

#define DOC "晋政民〔2020〕87号 "

static const CgRuleInfo rule_infos[] = {
  { "ALL-1", N_("Daily health monitoring"), DOC "养老 二(一)、儿童 二(三)、救助站 二(二)",
    { DOC "养老 二(一)", DOC "儿童 二(三)", DOC "救助站 二(二)", DOC "殡葬 四" } },
  { "ALL-2", N_("Suspicious symptoms"), DOC "养老 二(一)、救助站 二(二)",
    { DOC "养老 二(一)", DOC "儿童 二(三)", DOC "救助站 二(二)", DOC "殡葬 四" } },
  { "ALL-3", N_("Temperature bands"), DOC "救助站 二(二)",
    { DOC "养老 二(一)；体温分级 救助站 二(二)", DOC "儿童 二(三)；体温分级 救助站 二(二)",
      DOC "救助站 二(二)", DOC "殡葬 四；体温分级 救助站 二(二)" } },
  { "ALL-4", N_("Visitors"), DOC "养老 二(二)、儿童 二(三)",
    { DOC "养老 二(二)", DOC "儿童 二(三)", NULL, NULL } },
  { "ALL-5", N_("Observation and isolation rooms"), DOC "养老 二(四)、儿童 二(三)、救助站 二(三)",
    { DOC "养老 二(四)", DOC "儿童 二(三)", DOC "救助站 二(三)", NULL } },
  { "ALL-6", N_("New arrivals: screening, test, isolation"), DOC "养老 二(三)、儿童 二(三)",
    { DOC "养老 二(三)", DOC "儿童 二(三)", DOC "救助站 二(二)", NULL } },
  { "ALL-7", N_("Disinfection records"), DOC "养老 二(五)、儿童 二(三)、救助站 三(二)",
    { DOC "养老 二(五)", DOC "儿童 二(三)", DOC "救助站 三(二)", DOC "殡葬 六" } },
  { "ALL-8", N_("Training and drills"), "晋政民〔2020〕87号", { NULL } },
  { "ALL-9", N_("Reports to the bureau"), "民发〔2021〕11号 一；" DOC "养老 二(四)",
    { "民发〔2021〕11号 一；" DOC "养老 二(四)", "民发〔2021〕11号 一；" DOC "儿童 二(三)",
      "民发〔2021〕11号 一；" DOC "救助站 二(二)", "民发〔2021〕11号 一" } },
  { "ALL-10", N_("Area risk level"), "民政部 国家卫生健康委 社区防控精准化精细化指导方案；" DOC "救助站 一(四)", { NULL } },
  { "CH-5", N_("Staff nucleic-acid test every 4 weeks"), DOC "养老 二(三)",
    { NULL, DOC "儿童（参照养老 二(三)）", NULL, NULL } },
  { "CH-6", N_("Protective supplies: 60 days, never below 45"), DOC "养老 二(四)", { NULL } },
  { "CW-4", N_("Protective supplies: 60 days, never below 45"), DOC "儿童 二(三)", { NULL } },
  { "CW-5", N_("Care hygiene checklist"), DOC "儿童 二(四)", { NULL } },
  { "FH-1", N_("Protective supplies: at least 45 days"), DOC "殡葬 二", { NULL } },
  { "FH-2", N_("Staff protection"), DOC "殡葬 四", { NULL } },
  { "FH-4", N_("Daily and per-trip disinfection"), DOC "殡葬 六", { NULL } },
  { "FH-5", N_("Mourning period within the limit"), DOC "殡葬 七.1", { NULL } },
  { "FH-6", N_("Mourner register"), DOC "殡葬 七.2–3", { NULL } },
  { "FH-7", N_("COVID-19 remains"), DOC "殡葬 八.1–13", { NULL } },
  { "RS-1", N_("Entry screening"), DOC "救助站 二(一)", { NULL } },
  { "RS-2", N_("14-day isolation"), DOC "救助站 二(二)", { NULL } },
  { "RS-3", N_("Fever on entry or in station"), DOC "救助站 二(二)", { NULL } },
  { "RS-6", N_("Protective supplies: 30 days at full load"), DOC "救助站 二(三)", { NULL } },
  { "RS-7", N_("Masks, disinfection, closed dormitories"), DOC "救助站 三", { NULL } },
};

static const CgRuleInfo *
rule_info (const char *rule_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_infos); i++)
    if (g_strcmp0 (rule_infos[i].id, rule_id) == 0)
      return &rule_infos[i];
  return NULL;
}

const char *
cg_rule_source (const char *rule_id)
{
  const CgRuleInfo *info = rule_info (rule_id);

  return info != NULL ? info->source : "";
}

const char *
cg_rule_source_for (const char        *rule_id,
                    CgInstitutionKind  kind)
{
  const CgRuleInfo *info = rule_info (rule_id);

  if (info == NULL)
    return "";
  if (kind < CG_N_KINDS && info->by_kind[kind] != NULL)
    return info->by_kind[kind];
  return info->source;
}

const char *
cg_rule_title (const char *rule_id)
{
  const CgRuleInfo *info = rule_info (rule_id);

  return info != NULL ? _(info->title) : "";
}

const char *
cg_severity_to_string (CgSeverity severity)
{
  static const char * const ids[CG_N_SEVERITIES] = { "critical", "warning", "info" };

  g_return_val_if_fail (severity < CG_N_SEVERITIES, NULL);
  return ids[severity];
}

const char *
cg_severity_label (CgSeverity severity)
{
  switch (severity)
    {
    case CG_SEVERITY_CRITICAL: return _("Critical");
    case CG_SEVERITY_WARNING: return _("Warning");
    case CG_SEVERITY_INFO: return _("Information");
    case CG_N_SEVERITIES:
    default: g_return_val_if_reached ("");
    }
}

void
cg_alert_free (CgAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->rule);
  g_free (alert->subject);
  g_free (alert->record_kind);
  g_free (alert->message);
  g_free (alert->date);
  g_free (alert);
}

typedef struct
{
  CgStore        *store;
  const CgPolicy *policy;
  GDate           date;
  char           *day;
  GPtrArray      *alerts;
} Eval;

static char *
person_subject (CgPerson *person)
{
  g_autofree char *masked = cg_mask_id_number (cg_person_get_id_number (person));

  return g_strdup_printf ("%s %s", cg_person_get_name (person), masked);
}

G_GNUC_PRINTF (6, 7)
static void
add_alert (Eval        *eval,
           const char  *rule,
           CgSeverity   severity,
           CgPerson    *person,
           gint64       record_id,
           const char  *format,
           ...)
{
  CgAlert *alert = g_new0 (CgAlert, 1);
  va_list args;

  alert->rule = g_strdup (rule);
  alert->severity = severity;
  alert->subject = person_subject (person);
  alert->record_kind = g_strdup (record_id != 0 ? "health_check" : "person");
  alert->record_id = record_id != 0 ? record_id : cg_person_get_id (person);
  va_start (args, format);
  alert->message = g_strdup_vprintf (format, args);
  va_end (args);
  alert->source = cg_rule_source_for (rule, cg_policy_get_kind (eval->policy));
  alert->date = g_strdup (eval->day);
  g_ptr_array_add (eval->alerts, alert);
}

/* CH-5, ALL-6 and the positive results of ALL-9 all read test statuses. */
static gboolean
evaluate_tests (Eval    *eval,
                GError **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  int isolation = cg_policy_get_int (eval->policy, CG_POLICY_ISOLATION_DAYS);
  int interval = cg_policy_get_int (eval->policy, CG_POLICY_TEST_INTERVAL_DAYS);
  GDate window_start = eval->date;
  g_autofree char *window = NULL;

  statuses = cg_nat_status_list (eval->store, eval->policy, &eval->date, -1, error);
  if (statuses == NULL)
    return FALSE;

  g_date_subtract_days (&window_start, (guint) isolation);
  window = cg_date_to_iso (&window_start);

  for (guint i = 0; i < statuses->len; i++)
    {
      CgNatStatus *status = statuses->pdata[i];
      CgPerson *person = status->person;
      const char *arrived = cg_person_get_arrived_on (person);
      gboolean new_arrival = g_strcmp0 (arrived, window) > 0;

      if (status->state == CG_NAT_STATE_POSITIVE && cg_policy_applies (eval->policy, "ALL-9")
          && g_strcmp0 (status->latest_sampled_on, window) > 0)
        add_alert (eval, "ALL-9", CG_SEVERITY_CRITICAL, person, 0,
                   _("Positive nucleic-acid test (sampled %s): isolate at once and report to the town office, "
                     "the health department and the civil-affairs bureau."),
                   status->latest_sampled_on);

      /* A new arrival's test is ALL-6's business (evaluate_arrivals), not
       * yet CH-5's. */
      if (new_arrival && cg_policy_applies (eval->policy, "ALL-6"))
        continue;

      if (cg_person_get_kind (person) != CG_PERSON_STAFF || !cg_policy_applies (eval->policy, "CH-5"))
        continue;
      switch (status->state)
        {
        case CG_NAT_STATE_OVERDUE:
          add_alert (eval, "CH-5", CG_SEVERITY_WARNING, person, 0,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "Nucleic-acid test overdue by %d day: due %s (last negative %s, every %d days).",
                                  "Nucleic-acid test overdue by %d days: due %s (last negative %s, every %d days).",
                                  (gulong) -status->days_left),
                     -status->days_left, status->next_due, status->last_negative, interval);
          break;
        case CG_NAT_STATE_DUE_SOON:
          if (status->days_left == 0)
            add_alert (eval, "CH-5", CG_SEVERITY_INFO, person, 0,
                       _("Nucleic-acid test due today (last negative %s)."), status->last_negative);
          else
            add_alert (eval, "CH-5", CG_SEVERITY_INFO, person, 0,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Nucleic-acid test due in %d day, on %s (last negative %s).",
                                    "Nucleic-acid test due in %d days, on %s (last negative %s).",
                                    (gulong) status->days_left),
                       status->days_left, status->next_due, status->last_negative);
          break;
        case CG_NAT_STATE_NEVER:
          add_alert (eval, "CH-5", CG_SEVERITY_WARNING, person, 0,
                     status->pending ? _("No negative nucleic-acid test on record yet (a result is pending).")
                                     : _("No negative nucleic-acid test on record."));
          break;
        case CG_NAT_STATE_OK:
        case CG_NAT_STATE_POSITIVE:
        default:
          break;
        }
    }
  return TRUE;
}

/* ALL-6: every new arrival goes through screening, a nucleic-acid test and
 * isolation observation before joining; the alert stays until the
 * isolation days are over, a warning while a step is missing. */
static gboolean
evaluate_arrivals (Eval    *eval,
                   GError **error)
{
  g_autoptr(GPtrArray) arrivals = NULL;

  if (!cg_policy_applies (eval->policy, "ALL-6"))
    return TRUE;
  arrivals = cg_arrival_list (eval->store, eval->policy, &eval->date, error);
  if (arrivals == NULL)
    return FALSE;
  for (guint i = 0; i < arrivals->len; i++)
    {
      CgArrival *arrival = arrivals->pdata[i];
      g_autoptr(GPtrArray) missing = g_ptr_array_new ();
      g_autofree char *steps = NULL;

      if (!arrival->screened)
        g_ptr_array_add (missing, (gpointer) _("screening assessment"));
      if (!arrival->tested_negative)
        g_ptr_array_add (missing, (gpointer) (arrival->test_pending
                                              ? _("the nucleic-acid result (still pending)")
                                              : _("a negative nucleic-acid test")));
      if (!arrival->isolated)
        g_ptr_array_add (missing, (gpointer) _("isolation observation in a single room"));

      if (missing->len == 0)
        {
          add_alert (eval, "ALL-6", CG_SEVERITY_INFO, arrival->person, 0,
                     _("Arrived %s: screened, negative test on record, in isolation observation until %s."),
                     arrival->arrived_on, arrival->until);
          continue;
        }
      g_ptr_array_add (missing, NULL);
      /* Translators: separates the missing steps of a new arrival */
      steps = g_strjoinv (_("; "), (char **) missing->pdata);
      add_alert (eval, "ALL-6", CG_SEVERITY_WARNING, arrival->person, 0,
                 _("Arrived %s: still to do: %s. Isolation observation until %s."),
                 arrival->arrived_on, steps, arrival->until);
    }
  return TRUE;
}

static gboolean
evaluate_checks (Eval    *eval,
                 GError **error)
{
  g_autoptr(GPtrArray) present = NULL;
  g_autoptr(GHashTable) symptoms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  GDate today;
  int rc;

  present = cg_people_present_on (eval->store, &eval->date, -1, error);
  if (present == NULL)
    return FALSE;

  /* Each person's highest reading of the day, and every symptom reported. */
  stmt = cg_store_prepare (eval->store,
                           "SELECT person_id, id, temperature, symptoms FROM health_check WHERE checked_on = ? "
                           "ORDER BY person_id, temperature DESC, checked_at", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, eval->day);
  {
    g_autoptr(GHashTable) worst_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 person_id = sqlite3_column_int64 (stmt, 0);
        guint *bits = g_hash_table_lookup (symptoms, &person_id);

        if (!g_hash_table_contains (worst_id, &person_id))
          {
            gint64 *key = g_new (gint64, 1);
            double *value = g_new (double, 2);

            *key = person_id;
            value[0] = (double) sqlite3_column_int64 (stmt, 1);
            value[1] = sqlite3_column_double (stmt, 2);
            g_hash_table_insert (worst_id, key, value);
          }
        if (bits == NULL)
          {
            gint64 *key = g_new (gint64, 1);

            *key = person_id;
            bits = g_new0 (guint, 1);
            g_hash_table_insert (symptoms, key, bits);
          }
        *bits |= (guint) sqlite3_column_int (stmt, 3);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        cg_store_set_error (eval->store, error, rc);
        return FALSE;
      }

    cg_date_today (&today);
    for (guint i = 0; i < present->len; i++)
      {
        CgPerson *person = present->pdata[i];
        gint64 person_id = cg_person_get_id (person);
        double *reading = g_hash_table_lookup (worst_id, &person_id);
        guint *bits = g_hash_table_lookup (symptoms, &person_id);
        guint other = bits != NULL ? (*bits & ~(guint) CG_SYMPTOM_FEVER) : 0;
        g_autofree char *symptom_text = cg_symptoms_describe (other);
        CgTempBand band;

        if (reading == NULL)
          {
            if (cg_policy_applies (eval->policy, "ALL-1") && g_date_compare (&eval->date, &today) <= 0)
              add_alert (eval, "ALL-1", CG_SEVERITY_WARNING, person, 0,
                         _("No temperature check recorded on %s."), eval->day);
            continue;
          }

        band = cg_temperature_band (eval->policy, reading[1]);
        if (cg_temperature_band_is_fever (band) && cg_policy_applies (eval->policy, "ALL-3"))
          {
            const char *rule = cg_policy_applies (eval->policy, "RS-3") ? "RS-3" : "ALL-3";

            if (other != 0)
              add_alert (eval, rule, CG_SEVERITY_CRITICAL, person, (gint64) reading[0],
                         _("%s, %.1f °C, with %s: move to the observation room and send to the fever clinic (four earlies)."),
                         cg_temperature_band_label (band), reading[1], symptom_text);
            else
              add_alert (eval, rule, CG_SEVERITY_CRITICAL, person, (gint64) reading[0],
                         _("%s, %.1f °C: move to the observation room and send to the fever clinic (four earlies)."),
                         cg_temperature_band_label (band), reading[1]);
            continue;
          }
        if (other != 0 && cg_policy_applies (eval->policy, "ALL-2"))
          add_alert (eval, "ALL-2", CG_SEVERITY_WARNING, person, (gint64) reading[0],
                     _("Symptoms without fever: %s. Observe in the observation room and see a doctor; record the action taken."),
                     symptom_text);
        if (band == CG_BAND_RECHECK && cg_policy_applies (eval->policy, "ALL-3"))
          add_alert (eval, "ALL-3", CG_SEVERITY_INFO, person, (gint64) reading[0],
                     _("%.1f °C is unusually low: measure again."), reading[1]);
      }
  }
  return TRUE;
}

static int
compare_alerts (gconstpointer a,
                gconstpointer b)
{
  const CgAlert *x = *(const CgAlert * const *) a;
  const CgAlert *y = *(const CgAlert * const *) b;
  int cmp;

  if (x->severity != y->severity)
    return (int) x->severity - (int) y->severity;
  cmp = g_strcmp0 (x->rule, y->rule);
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (x->subject, y->subject);
}

GPtrArray *
cg_rules_evaluate (CgStore         *store,
                   const CgPolicy  *policy,
                   const GDate     *date,
                   GError         **error)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);
  g_autofree char *day = cg_date_to_iso (date);
  Eval eval = { store, policy, *date, day, alerts };

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  if (!evaluate_tests (&eval, error) || !evaluate_arrivals (&eval, error)
      || !evaluate_checks (&eval, error)
      || !cg_stock_evaluate_rules (store, policy, date, alerts, error)
      || !cg_visit_evaluate_rules (store, policy, date, alerts, error)
      || !cg_room_evaluate_rules (store, policy, date, alerts, error)
      || !cg_hygiene_evaluate_rules (store, policy, date, alerts, error)
      || !cg_service_evaluate_rules (store, policy, date, alerts, error))
    return NULL;
  g_ptr_array_sort (alerts, compare_alerts);
  return g_steal_pointer (&alerts);
}

char *
cg_alerts_to_json (GPtrArray *alerts)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];

      g_string_append (out, i == 0 ? "\n  {" : ",\n  {");
      cg_json_append_member (out, "rule", alert->rule, TRUE);
      cg_json_append_member (out, "severity", cg_severity_to_string (alert->severity), FALSE);
      cg_json_append_member (out, "subject", alert->subject, FALSE);
      cg_json_append_member (out, "message", alert->message, FALSE);
      cg_json_append_member (out, "source", alert->source, FALSE);
      cg_json_append_member (out, "date", alert->date, FALSE);
      g_string_append_c (out, '}');
    }
  g_string_append (out, alerts->len > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}
