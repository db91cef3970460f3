/* cg-funeral-day.c — a funeral home's day, for the daily report
 *
 * The services in progress at some time of the day with where they stand
 * against the mourning limit (FH-5), the COVID-19 remains and their
 * checklist (FH-7), the mourners who arrived that day and the day's
 * disinfections, hall by hall (FH-6): the figures of CgDailyFigures, the
 * health events of ALL-9 and what cg-funeral-sheets.c writes.
 *
 * A day is judged as cg_service_evaluate_rules judges it: up to its end,
 * or up to now on the day itself; a COVID-19 step counts once it is done
 * by then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-funeral-private.h"
#include "cg-service.h"
#include "cg-validate.h"

static void
service_day_free (ServiceDay *s)
{
  cg_service_free (s->service);
  g_clear_pointer (&s->steps, g_ptr_array_unref);
  g_free (s);
}

static void
place_day_free (PlaceDay *p)
{
  g_free (p->place);
  g_string_free (p->times, TRUE);
  g_free (p);
}

void
cg_funeral_day_free (CgFuneralDay *day)
{
  if (day == NULL)
    return;
  g_free (day->day);
  g_free (day->moment);
  g_clear_pointer (&day->services, g_ptr_array_unref);
  g_clear_pointer (&day->mourners, g_ptr_array_unref);
  g_clear_pointer (&day->disinfections, g_ptr_array_unref);
  g_clear_pointer (&day->halls, g_ptr_array_unref);
  g_clear_pointer (&day->places, g_ptr_array_unref);
  g_free (day);
}

static int
compare_mourners (gconstpointer a,
                  gconstpointer b)
{
  const CgMourner *x = *(CgMourner * const *) a;
  const CgMourner *y = *(CgMourner * const *) b;
  int order = g_strcmp0 (x->arrived_at, y->arrived_at);

  if (order != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

char *
cg_funeral_local_time (const CgFuneralDay *day,
                       const char         *utc)
{
  g_autofree char *local = utc != NULL ? cg_datetime_utc_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");
  if (g_str_has_prefix (local, day->day) && strlen (local) > 11)
    return g_strdup (local + 11);
  return g_steal_pointer (&local);
}

static PlaceDay *
find_place (GPtrArray  *places,
            const char *place)
{
  for (guint i = 0; i < places->len; i++)
    if (strcmp (((PlaceDay *) places->pdata[i])->place, place) == 0)
      return places->pdata[i];
  return NULL;
}

static PlaceDay *
add_place (GPtrArray   *places,
           const char  *place,
           CgPlaceKind  kind)
{
  PlaceDay *p = g_new0 (PlaceDay, 1);

  p->place = g_strdup (place);
  p->kind = kind;
  p->times = g_string_new (NULL);
  g_ptr_array_add (places, p);
  return p;
}

/* The minutes from the start to @at, or to the end when it came first. */
static gint64
service_minutes (const CgService *service,
                 const char      *at)
{
  const char *until = service->ended_at != NULL && strcmp (service->ended_at, at) < 0
                      ? service->ended_at : at;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (service->started_at, NULL);
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 (until, NULL);

  if (start == NULL || end == NULL || g_date_time_compare (end, start) <= 0)
    return 0;
  return g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE;
}

static gboolean
load_services (CgStore         *store,
               const CgPolicy  *policy,
               const GDate     *date,
               CgFuneralDay    *day,
               GError         **error)
{
  g_autoptr(GPtrArray) services = cg_service_list_day (store, date, error);

  if (services == NULL)
    return FALSE;
  g_ptr_array_set_free_func (services, NULL);
  for (guint i = 0; i < services->len; i++)
    {
      ServiceDay *s = g_new0 (ServiceDay, 1);
      g_autoptr(GPtrArray) mourners = NULL;
      gint64 left = 0;

      s->service = services->pdata[i];
      g_ptr_array_add (day->services, s);
      /* A service that starts after the moment (later today) has not
       * begun to count. */
      if (strcmp (s->service->started_at, day->moment) < 0)
        {
          s->state = cg_service_mourning_state (policy, day->risk, s->service, day->moment, &left);
          s->minutes = service_minutes (s->service, day->moment);
        }
      else
        s->state = s->service->covid != CG_COVID_NONE ? CG_MOURNING_NONE : CG_MOURNING_WITHIN;

      if (s->service->covid != CG_COVID_NONE)
        {
          s->steps = cg_service_checklist (store, s->service->id, error);
          if (s->steps == NULL)
            return FALSE;
          for (guint j = 0; j < s->steps->len; j++)
            {
              const CgCovidStepRecord *record = s->steps->pdata[j];

              if (record->done && strcmp (record->done_at, day->moment) <= 0)
                s->done++;
            }
          continue;   /* no mourners, no hall (FH-7) */
        }

      mourners = cg_mourner_list (store, s->service->id, error);
      if (mourners == NULL)
        return FALSE;
      g_ptr_array_set_free_func (mourners, NULL);
      for (guint j = 0; j < mourners->len; j++)
        {
          CgMourner *m = mourners->pdata[j];

          if (g_strcmp0 (m->arrived_on, day->day) != 0)
            {
              cg_mourner_free (m);
              continue;
            }
          if (m->refusal != 0)
            s->refused++;
          else
            s->admitted++;
          g_ptr_array_add (day->mourners, m);
        }
      if (*s->service->hall != '\0' && find_place (day->halls, s->service->hall) == NULL)
        add_place (day->halls, s->service->hall, CG_PLACE_HALL)->deceased = s->service->deceased_name;
    }
  g_ptr_array_sort (day->mourners, compare_mourners);
  return TRUE;
}

CgFuneralDay *
cg_funeral_day_load (CgStore         *store,
                     const CgPolicy  *policy,
                     const GDate     *date,
                     GError         **error)
{
  g_autoptr(CgFuneralDay) day = g_new0 (CgFuneralDay, 1);
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *midnight = NULL;
  g_autofree char *next_day = NULL;
  g_autofree char *end = NULL;
  GError *local_error = NULL;
  GDate next = *date;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && date != NULL && g_date_valid (date), NULL);

  day->day = cg_date_to_iso (date);
  g_date_add_days (&next, 1);
  next_day = cg_date_to_iso (&next);
  midnight = g_strdup_printf ("%s 00:00", next_day);
  end = cg_datetime_local_to_utc (midnight);
  day->today = end == NULL || strcmp (end, now) > 0;
  day->moment = day->today ? g_strdup (now) : g_steal_pointer (&end);
  day->services = g_ptr_array_new_with_free_func ((GDestroyNotify) service_day_free);
  day->mourners = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_mourner_free);
  day->halls = g_ptr_array_new_with_free_func ((GDestroyNotify) place_day_free);
  day->places = g_ptr_array_new_with_free_func ((GDestroyNotify) place_day_free);

  day->risk = cg_service_area_risk (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  day->limit_hours = cg_policy_mourning_limit_hours (policy, day->risk);
  day->hall_required = cg_policy_get_int (policy, CG_POLICY_HALL_DISINFECTIONS_PER_DAY);
  if (!load_services (store, policy, date, day, error))
    return NULL;

  day->disinfections = cg_disinfection_list_day (store, date, error);
  if (day->disinfections == NULL)
    return NULL;
  for (guint i = 0; i < day->disinfections->len; i++)
    {
      const CgDisinfection *d = day->disinfections->pdata[i];
      g_autofree char *at = cg_funeral_local_time (day, d->done_at);
      PlaceDay *p = find_place (day->halls, d->place);

      if (p == NULL)
        p = find_place (day->places, d->place);
      if (p == NULL)
        p = add_place (day->places, d->place, d->place_kind);
      if (p->times->len > 0)
        /* Translators: between the times of a place's disinfections: 、 */
        g_string_append (p->times, C_("list of times", ", "));
      g_string_append (p->times, at);
      p->count++;
    }
  return g_steal_pointer (&day);
}

void
cg_funeral_day_fill (const CgFuneralDay *day,
                     CgDailyFigures     *figures)
{
  g_return_if_fail (day != NULL && figures != NULL);

  figures->services = (int) day->services->len;
  figures->services_over = figures->services_approaching = 0;
  figures->covid_suspected = figures->covid_confirmed = figures->covid_incomplete = 0;
  figures->mourners_admitted = figures->mourners_refused = 0;
  for (guint i = 0; i < day->services->len; i++)
    {
      const ServiceDay *s = day->services->pdata[i];

      if (s->state == CG_MOURNING_OVER)
        figures->services_over++;
      else if (s->state == CG_MOURNING_APPROACHING)
        figures->services_approaching++;
      if (s->service->covid == CG_COVID_SUSPECTED)
        figures->covid_suspected++;
      else if (s->service->covid == CG_COVID_CONFIRMED)
        figures->covid_confirmed++;
      if (s->steps != NULL && s->done < CG_N_COVID_STEPS)
        figures->covid_incomplete++;
      figures->mourners_admitted += s->admitted;
      figures->mourners_refused += s->refused;
    }
  figures->halls = (int) day->halls->len;
  figures->halls_short = 0;
  for (guint i = 0; i < day->halls->len; i++)
    if (((PlaceDay *) day->halls->pdata[i])->count < day->hall_required)
      figures->halls_short++;
  figures->disinfections = (int) day->disinfections->len;
}

static char *
service_subject (const CgService *service)
{
  g_autofree char *masked = cg_mask_id_number (service->deceased_id_number);

  return g_strdup_printf ("%s %s", service->deceased_name, masked);
}

void
cg_funeral_day_add_events (const CgFuneralDay *day,
                           const CgPolicy     *policy,
                           GPtrArray          *abnormal)
{
  g_return_if_fail (day != NULL && abnormal != NULL);

  for (guint i = 0; i < day->services->len; i++)
    {
      const ServiceDay *s = day->services->pdata[i];
      CgAlert *alert;

      /* An incomplete checklist has its FH-7 alert already. */
      if (s->steps == NULL || s->done < CG_N_COVID_STEPS)
        continue;
      alert = g_new0 (CgAlert, 1);
      alert->rule = g_strdup ("FH-7");
      alert->severity = CG_SEVERITY_INFO;
      alert->subject = service_subject (s->service);
      alert->record_kind = g_strdup ("service");
      alert->record_id = s->service->id;
      /* Translators: FH-7 in the daily report's abnormal persons; %s is
       * 疑似 or 确诊 */
      alert->message = g_strdup_printf (_("COVID-19 remains (%s): every step of the procedure is done."),
                                        cg_covid_status_label (s->service->covid));
      alert->source = cg_rule_source_for ("FH-7", cg_policy_get_kind (policy));
      alert->date = g_strdup (day->day);
      g_ptr_array_add (abnormal, alert);
    }
}

char *
cg_funeral_missing_steps (const CgFuneralDay *day,
                          const ServiceDay   *s)
{
  GString *out = g_string_new (NULL);

  for (guint j = 0; j < s->steps->len; j++)
    {
      const CgCovidStepRecord *record = s->steps->pdata[j];

      if (record->done && strcmp (record->done_at, day->moment) <= 0)
        continue;
      if (out->len > 0)
        g_string_append (out, _("; "));
      g_string_append (out, cg_covid_step_label (record->step));
    }
  return g_string_free (out, FALSE);
}

const CgService *
cg_funeral_day_service (const CgFuneralDay *day,
                        gint64              service_id)
{
  g_return_val_if_fail (day != NULL, NULL);

  for (guint i = 0; i < day->services->len; i++)
    {
      const CgService *service = ((ServiceDay *) day->services->pdata[i])->service;

      if (service->id == service_id)
        return service;
    }
  return NULL;
}

char *
cg_funeral_day_action (const CgFuneralDay *day,
                       gint64              service_id)
{
  g_return_val_if_fail (day != NULL, NULL);

  for (guint i = 0; i < day->services->len; i++)
    {
      const ServiceDay *s = day->services->pdata[i];
      g_autofree char *missing = NULL;

      if (s->service->id != service_id || s->steps == NULL)
        continue;
      if (s->done == CG_N_COVID_STEPS)
        /* Translators: FH-7, what was done for COVID-19 remains */
        return g_strdup_printf (_("All %d steps of the procedure done."), (int) CG_N_COVID_STEPS);
      missing = cg_funeral_missing_steps (day, s);
      /* Translators: FH-7, what was done for COVID-19 remains: the steps
       * done, of all steps, then the steps missing */
      return g_strdup_printf (_("%1$d of %2$d steps done; not done: %3$s."),
                              s->done, (int) CG_N_COVID_STEPS, missing);
    }
  return NULL;
}
