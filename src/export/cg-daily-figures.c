/* cg-daily-figures.c — the figures of the daily report (日报告 / 零报告):
 * one day's registers and one evaluation of the rules (rules.md ALL-9),
 * the health events and the compliance gaps; the workbook is written by
 * cg-daily-report.c from the same DayData.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-daily-private.h"
#include "cg-daily-report.h"
#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-funeral-sheets.h"
#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-register-sheets.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* Figures                                                                */
/* ---------------------------------------------------------------------- */

void
cg_daily_figures_free (CgDailyFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->date);
  g_clear_pointer (&figures->abnormal, g_ptr_array_unref);
  g_clear_pointer (&figures->gaps, g_ptr_array_unref);
  g_free (figures);
}

/* ALL-9: a fever, a suspicious symptom or a positive case is a health
 * event, and so are the remains of a suspected or confirmed COVID-19 case
 * (FH-7, "a death of a suspected/confirmed case"; its alert says which
 * steps of the procedure are missing).  The "measure again" note of ALL-3
 * is not one, and neither are the compliance gaps (CH-5, ALL-1, ALL-6,
 * and a funeral home's FH-2, FH-5 mourning limit and FH-6).  An RS-3 alert about a
 * screening says that the 120 call or the report is not recorded: a gap;
 * the fever itself is listed from the screening register of its day
 * (add_screening_events). */
static gboolean
alert_is_health_event (const CgAlert *alert)
{
  if (g_strcmp0 (alert->record_kind, "screening") == 0)
    return FALSE;
  if (g_strcmp0 (alert->rule, "ALL-2") == 0
      || g_strcmp0 (alert->rule, "ALL-9") == 0
      || g_strcmp0 (alert->rule, "RS-3") == 0
      || g_strcmp0 (alert->rule, "FH-7") == 0)
    return TRUE;
  return g_strcmp0 (alert->rule, "ALL-3") == 0 && alert->severity == CG_SEVERITY_CRITICAL;
}



void
cg_daily_day_clear (DayData *data)
{
  g_clear_pointer (&data->figures, cg_daily_figures_free);
  g_clear_pointer (&data->present, g_ptr_array_unref);
  g_clear_pointer (&data->people, g_hash_table_unref);
  g_clear_pointer (&data->statuses, g_ptr_array_unref);
  g_clear_pointer (&data->samples, g_hash_table_unref);
  g_clear_pointer (&data->check_owner, g_hash_table_unref);
  g_clear_pointer (&data->actions, g_hash_table_unref);
  g_clear_pointer (&data->highest, g_hash_table_unref);
  g_clear_pointer (&data->symptoms, g_hash_table_unref);
  g_clear_pointer (&data->supplies, g_ptr_array_unref);
  g_clear_pointer (&data->registers, cg_register_day_free);
  g_clear_pointer (&data->funeral, cg_funeral_day_free);
}

/* 防控物资最低可用天数: the fewest days of supply at peak use among the
 * items that are used (an item with no use lasts for ever); -1 when no
 * item is used at all. */
double
cg_daily_fewest_days_of_supply (GPtrArray *supplies)
{
  double fewest = -1.0;

  for (guint i = 0; supplies != NULL && i < supplies->len; i++)
    {
      const CgItemForecast *f = supplies->pdata[i];

      if (f->forecast.unlimited)
        continue;
      if (fewest < 0.0 || f->forecast.days_of_supply < fewest)
        fewest = f->forecast.days_of_supply;
    }
  return fewest;
}

static void
string_free_all (gpointer data)
{
  g_string_free (data, TRUE);
}

static gint64 *
int64_key (gint64 value)
{
  gint64 *key = g_new (gint64, 1);

  *key = value;
  return key;
}

/* The checks of the day with what was done about them (ALL-2): the core
 * queries give the latest check of each person, but the action is often
 * written on an earlier one (the fever reading, not the recheck). */
static gboolean
load_checks_of_day (CgStore     *store,
                    const char  *day,
                    DayData     *data,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  data->check_owner = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  data->actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, string_free_all);
  data->highest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  data->symptoms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  stmt = cg_store_prepare (store,
                           "SELECT id, person_id, action, temperature, symptoms FROM health_check "
                           "WHERE checked_on = ?1 ORDER BY checked_at, id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 1);
      g_autofree char *action = cg_column_dup_text (stmt, 2);
      double temperature = sqlite3_column_double (stmt, 3);
      double *highest = g_hash_table_lookup (data->highest, &person_id);
      guint symptoms = (guint) sqlite3_column_int (stmt, 4) & ~(guint) CG_SYMPTOM_FEVER;
      guint *bits = g_hash_table_lookup (data->symptoms, &person_id);

      g_hash_table_insert (data->check_owner, int64_key (sqlite3_column_int64 (stmt, 0)),
                           int64_key (person_id));
      if (bits == NULL)
        {
          bits = g_new0 (guint, 1);
          g_hash_table_insert (data->symptoms, int64_key (person_id), bits);
        }
      *bits |= symptoms;
      if (highest == NULL)
        {
          highest = g_new (double, 1);
          *highest = temperature;
          g_hash_table_insert (data->highest, int64_key (person_id), highest);
        }
      else
        *highest = MAX (*highest, temperature);

      if (action != NULL && *g_strstrip (action) != '\0')
        {
          GString *all = g_hash_table_lookup (data->actions, &person_id);

          if (all == NULL)
            {
              all = g_string_new (NULL);
              g_hash_table_insert (data->actions, int64_key (person_id), all);
            }
          /* The same action written on two readings is said once. */
          if (strstr (all->str, action) == NULL)
            {
              if (all->len > 0)
                /* Translators: separates items in a list, e.g. actions taken */
                g_string_append (all, _("; "));
              g_string_append (all, action);
            }
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

static void
add_action (DayData     *data,
            gint64       person_id,
            const char  *action)
{
  GString *all = g_hash_table_lookup (data->actions, &person_id);

  if (all == NULL)
    {
      all = g_string_new (NULL);
      g_hash_table_insert (data->actions, int64_key (person_id), all);
    }
  if (strstr (all->str, action) != NULL)
    return;
  if (all->len > 0)
    /* Translators: separates items in a list, e.g. actions taken */
    g_string_append (all, _("; "));
  g_string_append (all, action);
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

/* The fevers and symptoms found at the entry screenings of the day (RS-3,
 * ALL-2) are health events: they join the abnormal persons with what was
 * done (room, 120, report), once per person, and the fever and symptom
 * counts when the day's checks did not count the person already. */
static void
add_screening_events (const CgPolicy *policy,
                      DayData        *data)
{
  CgDailyFigures *figures = data->figures;
  GPtrArray *events = cg_register_day_screening_events (data->registers);
  g_autoptr(GHashTable) done = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean added = FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      CgScreeningEvent *event = events->pdata[i];
      const double *highest = g_hash_table_lookup (data->highest, &event->person_id);
      const guint *bits = g_hash_table_lookup (data->symptoms, &event->person_id);
      gboolean check_fever = highest != NULL
                             && cg_temperature_band_is_fever (cg_temperature_band (policy, *highest));
      gboolean check_symptoms = !check_fever && bits != NULL && *bits != 0;
      gboolean listed = FALSE;

      add_action (data, event->person_id, event->action);
      if (g_hash_table_contains (done, &event->person_id))
        continue;
      g_hash_table_add (done, &event->person_id);

      if (event->fever && !check_fever)
        {
          figures->fevers++;
          if (check_symptoms)
            figures->symptomatic--;
        }
      else if (!event->fever && !check_fever && !check_symptoms)
        figures->symptomatic++;

      /* A person the rules list already (a fever at a check) is listed
       * once. */
      for (guint a = 0; a < figures->abnormal->len && !listed; a++)
        {
          CgPerson *person = cg_daily_alert_person (data, figures->abnormal->pdata[a]);

          listed = person != NULL && cg_person_get_id (person) == event->person_id;
        }
      if (!listed)
        {
          CgAlert *alert = g_new0 (CgAlert, 1);
          g_autofree char *masked = cg_mask_id_number (event->id_number);
          g_autofree char *symptoms = cg_symptoms_describe (event->symptoms);
          const char *rule;

          if (event->fever)
            rule = cg_policy_applies (policy, "RS-3") ? "RS-3" : "ALL-3";
          else
            rule = "ALL-2";
          alert->rule = g_strdup (rule);
          alert->severity = event->fever ? CG_SEVERITY_CRITICAL : CG_SEVERITY_WARNING;
          alert->subject = g_strdup_printf ("%s %s", event->name, masked);
          alert->record_kind = g_strdup ("screening");
          alert->record_id = event->screening_id;
          if (event->fever && *symptoms != '\0')
            /* Translators: a health event found at entry screening (RS-3):
             * the band, the reading and the other symptoms */
            alert->message = g_strdup_printf (_("At entry screening: %s, %.1f °C, with %s."),
                                              cg_temperature_band_label (cg_temperature_band (policy, event->temperature)),
                                              event->temperature, symptoms);
          else if (event->fever)
            alert->message = g_strdup_printf (_("At entry screening: %s, %.1f °C."),
                                              cg_temperature_band_label (cg_temperature_band (policy, event->temperature)),
                                              event->temperature);
          else
            alert->message = g_strdup_printf (_("At entry screening: %s without fever."), symptoms);
          alert->source = cg_rule_source_for (rule, cg_policy_get_kind (policy));
          alert->date = g_strdup (figures->date);
          g_ptr_array_add (figures->abnormal, alert);
          added = TRUE;
        }
    }
  if (added)
    g_ptr_array_sort (figures->abnormal, compare_alerts);
}

gboolean
cg_daily_day_load (CgStore         *store,
                   const CgPolicy  *policy,
                   const GDate     *date,
                   DayData         *data,
                   GError         **error)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *window = NULL;
  CgDailyFigures *figures;
  const CgHealthDay *health;
  GDate window_start = *date;

  figures = data->figures = g_new0 (CgDailyFigures, 1);
  figures->date = cg_date_to_iso (date);
  figures->abnormal = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);
  figures->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_alert_free);

  /* One evaluation of the rules: the report lists what the dashboard and
   * `careguard check` show for the same day. */
  alerts = cg_rules_evaluate (store, policy, date, error);
  if (alerts == NULL)
    return FALSE;
  g_ptr_array_set_free_func (alerts, NULL);
  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];

      g_ptr_array_add (alert_is_health_event (alert) ? figures->abnormal : figures->gaps, alert);
      if (g_strcmp0 (alert->rule, "CH-5") == 0)
        {
          /* Overdue and never tested are both staff without a valid test. */
          if (alert->severity == CG_SEVERITY_WARNING)
            figures->tests_overdue++;
          else if (alert->severity == CG_SEVERITY_INFO)
            figures->tests_due_soon++;
        }
    }

  data->present = cg_people_present_on (store, date, -1, error);
  if (data->present == NULL)
    return FALSE;
  if (!load_checks_of_day (store, figures->date, data, error))
    return FALSE;

  data->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data->samples = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < data->present->len; i++)
    {
      CgPerson *person = data->present->pdata[i];
      gint64 id = cg_person_get_id (person);
      gboolean checked = g_hash_table_contains (data->highest, &id);
      GPtrArray *tests;

      g_hash_table_insert (data->people, int64_key (id), person);
      if (cg_person_get_kind (person) == CG_PERSON_STAFF)
        {
          figures->staff_total++;
          /* Staff are checked as they come in (ALL-1, FH-2): a check
           * that day is the register's trace of being at work. */
          if (checked)
            figures->staff_on_duty++;
        }
      else
        {
          figures->residents_present++;
          if (g_strcmp0 (cg_person_get_arrived_on (person), figures->date) == 0)
            figures->new_arrivals++;
        }

      tests = cg_nat_test_list_for_person (store, id, error);
      if (tests == NULL)
        return FALSE;
      for (guint t = 0; t < tests->len; t++)
        if (g_strcmp0 (((CgNatTest *) tests->pdata[t])->sampled_on, figures->date) == 0)
          {
            figures->tested++;
            break;
          }
      g_hash_table_insert (data->samples, int64_key (id), tests);
    }

  days = cg_health_days (store, policy, date, date, error);
  if (days == NULL)
    return FALSE;
  g_assert (days->len == 1);
  health = &g_array_index (days, CgHealthDay, 0);
  figures->checks_due = health->present;
  figures->checks_done = health->checked;
  figures->fevers = health->fevers;
  figures->symptomatic = health->symptomatic;

  /* Positive: the latest result known that day, sampled within the
   * isolation period — the same test as the ALL-9 alert. */
  data->statuses = cg_nat_status_list (store, policy, date, -1, error);
  if (data->statuses == NULL)
    return FALSE;
  g_date_subtract_days (&window_start, (guint) cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS));
  window = cg_date_to_iso (&window_start);
  for (guint i = 0; i < data->statuses->len; i++)
    {
      CgNatStatus *status = data->statuses->pdata[i];

      if (status->state == CG_NAT_STATE_POSITIVE && g_strcmp0 (status->latest_sampled_on, window) > 0)
        figures->positives++;
    }

  data->supplies = cg_stock_forecast_all (store, policy, date, error);
  if (data->supplies == NULL)
    return FALSE;

  data->registers = cg_register_day_load (store, policy, date, error);
  if (data->registers == NULL)
    return FALSE;
  if (!cg_register_day_visitors (data->registers, &figures->visitors, &figures->visitors_refused))
    figures->visitors = -1;
  figures->isolated = cg_register_day_isolated (data->registers);
  figures->screenings = (int) cg_register_day_screening_count (data->registers);
  add_screening_events (policy, data);

  figures->services = -1;
  if (cg_policy_get_kind (policy) == CG_KIND_FUNERAL_HOME)
    {
      data->funeral = cg_funeral_day_load (store, policy, date, error);
      if (data->funeral == NULL)
        return FALSE;
      cg_funeral_day_fill (data->funeral, figures);
      cg_funeral_day_add_events (data->funeral, policy, figures->abnormal);
    }

  /* A fever counts even where a module has no rule that would alert on it. */
  figures->zero_report = figures->abnormal->len == 0 && figures->fevers == 0
                         && figures->symptomatic == 0 && figures->positives == 0;
  return TRUE;
}

CgDailyFigures *
cg_daily_figures_compute (CgStore         *store,
                          const CgPolicy  *policy,
                          const GDate     *date,
                          GError         **error)
{
  DayData data = { 0 };
  CgDailyFigures *figures = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (cg_daily_day_load (store, policy, date, &data, error))
    figures = g_steal_pointer (&data.figures);
  cg_daily_day_clear (&data);
  return figures;
}

CgPerson *
cg_daily_alert_person (DayData       *data,
                       const CgAlert *alert)
{
  gint64 id = alert->record_id;

  if (g_strcmp0 (alert->record_kind, "health_check") == 0)
    {
      gint64 *owner = g_hash_table_lookup (data->check_owner, &alert->record_id);

      if (owner == NULL)
        return NULL;
      id = *owner;
    }
  else if (g_strcmp0 (alert->record_kind, "screening") == 0)
    {
      if (data->registers == NULL)
        return NULL;
      id = cg_register_day_screening_person (data->registers, alert->record_id);
    }
  else if (g_strcmp0 (alert->record_kind, "stay") == 0)
    {
      if (data->registers == NULL)
        return NULL;
      id = cg_register_day_stay_person (data->registers, alert->record_id);
    }
  else if (g_strcmp0 (alert->record_kind, "person") != 0)
    return NULL;
  return g_hash_table_lookup (data->people, &id);
}
