/* cg-register-sheets.c — the registers of the day in the daily report
 *
 * 访客登记表 (ALL-4), 隔离观察登记 (ALL-5, ALL-6, RS-2) and, at a rescue
 * station, 救助站进站人员健康筛查登记表 (RS-1, RS-3), with the columns of
 * forms.md in its order, in the UI language, laid out like the other
 * sheets of the workbook (A4 landscape, frozen header, masked ID numbers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-nat-test.h"
#include "cg-register-sheets.h"
#include "cg-room.h"
#include "cg-validate.h"
#include "cg-visit.h"

/* One screening of the day with what the sheet shows beside it. */
typedef struct
{
  gint64        id;
  gint64        person_id;
  char         *name;
  char         *id_number;
  char         *screened_at;
  char         *referred_by;      /* "", "police" … */
  double        temperature;
  guint         symptoms;
  CgHealthCode  health_code;
  gboolean      risk_travel;
  gboolean      contact;
  gboolean      identity_verified;
  char         *outcome;          /* "admit", "isolate", "observe" */
  char         *room;             /* the room of the stay it opened, or NULL */
  char         *called_120_at;
  char         *reported_at;
  char         *note;
  char         *registered_by;
  char         *test;             /* "2021-11-05 阴性", or NULL */
} Screening;

struct _CgRegisterDay
{
  char       *day;               /* YYYY-MM-DD */
  char       *now;               /* UTC: the end of the day, or now while it lasts */
  gboolean    today;
  int         max_minutes;       /* ALL-4 */
  gboolean    visits_kept;       /* ALL-4 applies */
  GPtrArray  *visits;            /* CgVisit*, by arrival */
  int         refused;
  gboolean    rooms_kept;        /* ALL-5 applies */
  GPtrArray  *stays;             /* CgStay*, by room and start */
  GHashTable *release_samples;   /* stay id → sampled_on of the release test */
  int         isolated;
  gboolean    screenings_kept;   /* RS-1 applies: the station's entry register */
  GPtrArray  *screenings;        /* Screening*, by time */
  GPtrArray  *events;            /* CgScreeningEvent* */
};

static void
screening_free (Screening *s)
{
  g_free (s->name);
  g_free (s->id_number);
  g_free (s->screened_at);
  g_free (s->referred_by);
  g_free (s->outcome);
  g_free (s->room);
  g_free (s->called_120_at);
  g_free (s->reported_at);
  g_free (s->note);
  g_free (s->registered_by);
  g_free (s->test);
  g_free (s);
}

static void
screening_event_free (CgScreeningEvent *event)
{
  g_free (event->action);
  g_free (event);
}

void
cg_register_day_free (CgRegisterDay *day)
{
  if (day == NULL)
    return;
  g_free (day->day);
  g_free (day->now);
  g_clear_pointer (&day->visits, g_ptr_array_unref);
  g_clear_pointer (&day->stays, g_ptr_array_unref);
  g_clear_pointer (&day->release_samples, g_hash_table_unref);
  g_clear_pointer (&day->screenings, g_ptr_array_unref);
  g_clear_pointer (&day->events, g_ptr_array_unref);
  g_free (day);
}

/* ---------------------------------------------------------------------- */
/* Loading                                                                */
/* ---------------------------------------------------------------------- */

static gboolean
step_error (CgStore  *store,
            int       rc,
            GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  cg_store_set_error (store, error, rc);
  return FALSE;
}

static gboolean
load_visits (CgStore        *store,
             CgRegisterDay  *day,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT v.id, v.visitor_name, v.visitor_id_number, v.phone, v.visiting_id, "
                           "v.relationship, v.arrived_at, v.arrived_on, v.left_at, v.health_code, "
                           "v.risk_travel, v.temperature, v.symptoms, v.masked, v.nat_sampled_on, "
                           "v.nat_result, v.refusal, v.registered_by, p.name, p.room "
                           "FROM visit v LEFT JOIN person p ON p.id = v.visiting_id "
                           "WHERE v.arrived_on = ?1 ORDER BY v.arrived_at, v.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, day->day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgVisit *visit = cg_visit_new ();
      const char *text;

      visit->id = sqlite3_column_int64 (stmt, 0);
      g_free (visit->visitor_name);
      visit->visitor_name = cg_column_dup_text (stmt, 1);
      g_free (visit->visitor_id_number);
      visit->visitor_id_number = cg_column_dup_text (stmt, 2);
      g_free (visit->phone);
      visit->phone = cg_column_dup_text (stmt, 3);
      visit->visiting_id = sqlite3_column_int64 (stmt, 4);
      g_free (visit->relationship);
      visit->relationship = cg_column_dup_text (stmt, 5);
      g_free (visit->arrived_at);
      visit->arrived_at = cg_column_dup_text (stmt, 6);
      g_free (visit->arrived_on);
      visit->arrived_on = cg_column_dup_text (stmt, 7);
      g_free (visit->left_at);
      visit->left_at = cg_column_dup_text (stmt, 8);
      visit->health_code = MAX (0, cg_health_code_from_string ((const char *) sqlite3_column_text (stmt, 9)));
      visit->risk_travel = sqlite3_column_int (stmt, 10) != 0;
      visit->temperature = sqlite3_column_double (stmt, 11);
      visit->symptoms = (guint) sqlite3_column_int (stmt, 12);
      visit->masked = sqlite3_column_int (stmt, 13) != 0;
      g_free (visit->nat_sampled_on);
      visit->nat_sampled_on = cg_column_dup_text (stmt, 14);
      text = (const char *) sqlite3_column_text (stmt, 15);
      visit->nat_result = text != NULL ? cg_nat_result_from_string (text) : -1;
      visit->refusal = (guint) sqlite3_column_int (stmt, 16);
      g_free (visit->registered_by);
      visit->registered_by = cg_column_dup_text (stmt, 17);
      g_free (visit->visiting_name);
      visit->visiting_name = cg_column_dup_text (stmt, 18);
      g_free (visit->visiting_room);
      visit->visiting_room = cg_column_dup_text (stmt, 19);
      if (visit->refusal != 0)
        day->refused++;
      g_ptr_array_add (day->visits, visit);
    }
  sqlite3_reset (stmt);
  return step_error (store, rc, error);
}

/* The stays open at some time that day, the people in them, and the
 * sample date of each early release's negative test. */
static gboolean
load_stays (CgStore        *store,
            const GDate    *date,
            CgRegisterDay  *day,
            GError        **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;

  day->stays = cg_stay_list_between (store, date, date, error);
  if (day->stays == NULL)
    return FALSE;
  day->release_samples = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  stmt = cg_store_prepare (store, "SELECT sampled_on FROM nat_test WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < day->stays->len; i++)
    {
      CgStay *stay = day->stays->pdata[i];
      int rc;

      /* Someone moved from one room to another that day is one person. */
      if (!g_hash_table_contains (people, &stay->person_id))
        {
          g_hash_table_add (people, &stay->person_id);
          day->isolated++;
        }
      if (stay->release_test_id == 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, stay->release_test_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_hash_table_insert (day->release_samples, &stay->id, cg_column_dup_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return step_error (store, rc, error);
    }
  return TRUE;
}

/* The sample taken on the screening day, as known on the report's day:
 * "2021-11-05 待出". */
static gboolean
screening_test (CgStore        *store,
                CgRegisterDay  *day,
                Screening      *s,
                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The screenings are of the report's day: a later sample was not
   * known on it. */
  stmt = cg_store_prepare (store,
                           "SELECT sampled_on, result, result_on FROM nat_test "
                           "WHERE person_id = ?1 AND sampled_on = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->person_id);
  cg_bind_text (stmt, 2, day->day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *sampled = (const char *) sqlite3_column_text (stmt, 0);
      int result = cg_nat_result_from_string ((const char *) sqlite3_column_text (stmt, 1));
      const char *result_on = (const char *) sqlite3_column_text (stmt, 2);

      /* A result that came after the day was not known on it. */
      if (result_on == NULL || strcmp (result_on, day->day) > 0 || result < 0)
        result = CG_NAT_PENDING;
      s->test = g_strdup_printf ("%s %s", sampled, cg_nat_result_label (result));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || step_error (store, rc, error);
}

static gboolean
load_screenings (CgStore        *store,
                 CgRegisterDay  *day,
                 GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT sc.id, sc.person_id, p.name, p.id_number, sc.screened_at, sc.referred_by, "
                           "sc.temperature, sc.symptoms, sc.health_code, sc.risk_travel, sc.contact, "
                           "sc.identity_verified, sc.outcome, r.name, sc.called_120_at, sc.reported_at, "
                           "sc.note, sc.registered_by "
                           "FROM screening sc JOIN person p ON p.id = sc.person_id "
                           "LEFT JOIN stay s ON s.id = sc.stay_id LEFT JOIN room r ON r.id = s.room_id "
                           "WHERE sc.screened_on = ?1 ORDER BY sc.screened_at, sc.id", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, day->day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Screening *s = g_new0 (Screening, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->person_id = sqlite3_column_int64 (stmt, 1);
      s->name = cg_column_dup_text (stmt, 2);
      s->id_number = cg_column_dup_text (stmt, 3);
      s->screened_at = cg_column_dup_text (stmt, 4);
      s->referred_by = cg_column_dup_text (stmt, 5);
      s->temperature = sqlite3_column_double (stmt, 6);
      s->symptoms = (guint) sqlite3_column_int (stmt, 7);
      s->health_code = MAX (0, cg_health_code_from_string ((const char *) sqlite3_column_text (stmt, 8)));
      s->risk_travel = sqlite3_column_int (stmt, 9) != 0;
      s->contact = sqlite3_column_int (stmt, 10) != 0;
      s->identity_verified = sqlite3_column_int (stmt, 11) != 0;
      s->outcome = cg_column_dup_text (stmt, 12);
      s->room = cg_column_dup_text (stmt, 13);
      s->called_120_at = cg_column_dup_text (stmt, 14);
      s->reported_at = cg_column_dup_text (stmt, 15);
      s->note = cg_column_dup_text (stmt, 16);
      s->registered_by = cg_column_dup_text (stmt, 17);
      g_ptr_array_add (day->screenings, s);
    }
  sqlite3_reset (stmt);
  if (!step_error (store, rc, error))
    return FALSE;
  /* A second statement per row, once the first is done with. */
  for (guint i = 0; i < day->screenings->len; i++)
    if (!screening_test (store, day, day->screenings->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* "HH:MM" of a UTC time on the report's day, the local date and time
 * otherwise; "" for none. */
static char *
local_time (const CgRegisterDay *day,
            const char          *utc)
{
  g_autofree char *local = cg_datetime_utc_to_local (utc);

  if (local == NULL)
    return g_strdup ("");
  if (g_str_has_prefix (local, day->day) && strlen (local) > 11)
    return g_strdup (local + 11);
  return g_steal_pointer (&local);
}

/* What was done about a screening, for the sheet and the abnormal
 * persons: the room, the 120 call and the report (RS-3). */
static char *
screening_action (const CgRegisterDay *day,
                  const Screening     *s,
                  gboolean             fever,
                  gboolean             rs3)
{
  GString *out = g_string_new (NULL);
  /* Translators: separates items in a list, e.g. actions taken */
  const char *separator = _("; ");

  if (g_strcmp0 (s->outcome, "admit") == 0)
    g_string_append (out, cg_screening_outcome_label (CG_SCREENING_ADMIT));
  else if (s->room != NULL)
    {
      CgScreeningOutcome outcome = g_strcmp0 (s->outcome, "observe") == 0
                                   ? CG_SCREENING_OBSERVE : CG_SCREENING_ISOLATE;

      g_string_append (out, cg_screening_outcome_label (outcome));
      g_string_append (out, separator);
      /* Translators: a person moved into a room at entry screening; %s is
       * the room's name, e.g. "转入观察1号" */
      g_string_append_printf (out, _("moved to %s"), s->room);
    }
  else
    /* Translators: isolation was needed at entry screening but no room was free */
    g_string_append (out, _("No free room: not isolated"));

  if (fever && rs3)
    {
      g_autofree char *called = local_time (day, s->called_120_at);
      g_autofree char *reported = local_time (day, s->reported_at);

      g_string_append (out, separator);
      if (s->called_120_at != NULL)
        /* Translators: RS-3, %s is the time: 已拨打120（09:12） */
        g_string_append_printf (out, _("120 called at %s"), called);
      else
        /* Translators: RS-3: 未记录拨打120 */
        g_string_append (out, _("120 call not recorded"));
      g_string_append (out, separator);
      if (s->reported_at != NULL)
        /* Translators: RS-3, %s is the time: 已上报（09:20） */
        g_string_append_printf (out, _("reported upward at %s"), reported);
      else
        /* Translators: RS-3: 未记录上报 */
        g_string_append (out, _("report upward not recorded"));
    }
  if (s->note != NULL && *s->note != '\0')
    {
      g_string_append (out, separator);
      g_string_append (out, s->note);
    }
  return g_string_free (out, FALSE);
}

static void
find_events (const CgPolicy *policy,
             CgRegisterDay  *day)
{
  gboolean rs3 = cg_policy_applies (policy, "RS-3");

  for (guint i = 0; i < day->screenings->len; i++)
    {
      Screening *s = day->screenings->pdata[i];
      CgTempBand band = cg_temperature_band (policy, s->temperature);
      gboolean fever = cg_temperature_band_is_fever (band);
      guint other = s->symptoms & ~(guint) CG_SYMPTOM_FEVER;
      CgScreeningEvent *event;

      if (!fever && other == 0)
        continue;
      event = g_new0 (CgScreeningEvent, 1);
      event->screening_id = s->id;
      event->person_id = s->person_id;
      event->name = s->name;
      event->id_number = s->id_number;
      event->temperature = s->temperature;
      event->fever = fever;
      event->symptoms = other;
      event->action = screening_action (day, s, fever, rs3);
      g_ptr_array_add (day->events, event);
    }
}

CgRegisterDay *
cg_register_day_load (CgStore         *store,
                      const CgPolicy  *policy,
                      const GDate     *date,
                      GError         **error)
{
  g_autoptr(CgRegisterDay) day = g_new0 (CgRegisterDay, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day->day = cg_date_to_iso (date);
  {
    g_autoptr(GDateTime) start = cg_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                        g_date_get_day (date), 0, 0, 0);

    end = g_date_time_add_days (start, 1);
  }
  day->today = g_date_time_compare (end, now) > 0;
  {
    g_autoptr(GDateTime) cutoff_utc = g_date_time_to_utc (day->today ? now : end);

    day->now = g_date_time_format (cutoff_utc, "%Y-%m-%dT%H:%M:%SZ");
  }
  day->max_minutes = cg_policy_get_int (policy, CG_POLICY_MAX_VISIT_MINUTES);
  day->visits = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_visit_free);
  day->screenings = g_ptr_array_new_with_free_func ((GDestroyNotify) screening_free);
  day->events = g_ptr_array_new_with_free_func ((GDestroyNotify) screening_event_free);

  day->visits_kept = cg_policy_applies (policy, "ALL-4");
  if (day->visits_kept && !load_visits (store, day, error))
    return NULL;
  day->rooms_kept = cg_policy_applies (policy, "ALL-5");
  if (day->rooms_kept && !load_stays (store, date, day, error))
    return NULL;
  day->screenings_kept = cg_policy_applies (policy, "RS-1");
  /* ALL-6 screenings of new arrivals count as health events too, though
   * only the station has a register form for them. */
  if (!load_screenings (store, day, error))
    return NULL;
  find_events (policy, day);
  return g_steal_pointer (&day);
}

gboolean
cg_register_day_visitors (const CgRegisterDay *day,
                          int                 *registered,
                          int                 *refused)
{
  g_return_val_if_fail (day != NULL, FALSE);

  *registered = day->visits_kept ? (int) day->visits->len : 0;
  *refused = day->visits_kept ? day->refused : 0;
  return day->visits_kept;
}

int
cg_register_day_isolated (const CgRegisterDay *day)
{
  g_return_val_if_fail (day != NULL, -1);

  return day->rooms_kept ? day->isolated : -1;
}

guint
cg_register_day_screening_count (const CgRegisterDay *day)
{
  g_return_val_if_fail (day != NULL, 0);

  return day->screenings->len;
}

gint64
cg_register_day_screening_person (const CgRegisterDay *day,
                                  gint64               screening_id)
{
  g_return_val_if_fail (day != NULL, 0);

  for (guint i = 0; i < day->screenings->len; i++)
    {
      const Screening *s = day->screenings->pdata[i];

      if (s->id == screening_id)
        return s->person_id;
    }
  return 0;
}

gint64
cg_register_day_stay_person (const CgRegisterDay *day,
                             gint64               stay_id)
{
  g_return_val_if_fail (day != NULL, 0);

  for (guint i = 0; day->stays != NULL && i < day->stays->len; i++)
    {
      const CgStay *stay = day->stays->pdata[i];

      if (stay->id == stay_id)
        return stay->person_id;
    }
  return 0;
}

GPtrArray *
cg_register_day_screening_events (const CgRegisterDay *day)
{
  g_return_val_if_fail (day != NULL, NULL);

  return day->events;
}

/* ---------------------------------------------------------------------- */
/* Sheets                                                                 */
/* ---------------------------------------------------------------------- */

lxw_row_t
cg_sheet_begin_register (CgSheet              *sheet,
             const CgSheetFormats *f,
             const char * const   *headers,
             const char           *title,
             const char           *note)
{
  lxw_row_t row = 0;

  cg_sheet_set_widths (sheet);
  cg_sheet_text (sheet, row, 0, sheet->n_cols - 1, title, f->title);
  cg_sheet_row_done (sheet, row++, 22.0);
  cg_sheet_text (sheet, row, 0, sheet->n_cols - 1, note, f->note);
  cg_sheet_row_done (sheet, row++, 13.0);
  for (lxw_col_t c = 0; c < sheet->n_cols; c++)
    cg_sheet_text (sheet, row, c, c, headers[c], f->header);
  cg_sheet_row_done (sheet, row++, CG_SHEET_LINE_HEIGHT);
  return row;
}

lxw_error
cg_sheet_end_register (CgSheet              *sheet,
           const CgSheetFormats *f,
           const CgInstitution  *inst,
           const char           *title,
           lxw_row_t             row,
           gboolean              empty)
{
  if (empty)
    {
      cg_sheet_text (sheet, row, 0, sheet->n_cols - 1,
                     /* Translators: an empty register in the daily report: 无 */
                     _("None"), f->center);
      cg_sheet_row_done (sheet, row, CG_SHEET_LINE_HEIGHT);
    }
  worksheet_freeze_panes (sheet->ws, 3, 0);
  cg_sheet_set_page (sheet->ws, inst->name, title, 2);
  return sheet->error;
}

static const double visit_min_widths[] = { 11, 8, 20, 13, 8, 6, 6, 7, 9, 16, 7, 9, 7, 12, 8 };
enum { N_VISIT_COLS = G_N_ELEMENTS (visit_min_widths) };

static const char *
yes_no (gboolean value)
{
  /* Translators: a yes/no answer in a register: 是 / 否 */
  return value ? C_("register", "Yes") : C_("register", "No");
}

static char *
visit_left (const CgRegisterDay *day,
            const CgVisit       *visit)
{
  g_autofree char *left = NULL;
  int minutes;

  if (visit->refusal != 0)
    return g_strdup ("");
  if (visit->left_at == NULL)
    {
      minutes = cg_visit_minutes (visit, day->now);
      if (!day->today)
        /* Translators: a visitor whose departure was never registered: 未登记离开 */
        return g_strdup (C_("visitor register", "Not registered"));
      if (minutes > day->max_minutes)
        /* Translators: a visitor still inside, over the time allowed: 在场（已超时 45 分钟） */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Inside (overstaying: %d minute)",
                                             "Inside (overstaying: %d minutes)", minutes), minutes);
      /* Translators: a visitor still inside: 在场 */
      return g_strdup (C_("visitor register", "Inside"));
    }
  left = local_time (day, visit->left_at);
  minutes = cg_visit_minutes (visit, NULL);
  if (minutes > day->max_minutes)
    /* Translators: a departure time and the overstay, e.g. "10:45（超时，45 分钟）" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (overstay: %d minute)",
                                         "%s (overstay: %d minutes)", minutes), left, minutes);
  return g_steal_pointer (&left);
}

static lxw_error
write_visits_sheet (lxw_workbook         *wb,
                    const CgSheetFormats *f,
                    const CgInstitution  *inst,
                    const CgPolicy       *policy,
                    const CgRegisterDay  *day)
{
  double widths[N_VISIT_COLS];
  CgSheet sheet = { NULL, widths, N_VISIT_COLS, 1.0, LXW_NO_ERROR };
  const char *headers[N_VISIT_COLS];
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *counts = NULL;
  lxw_row_t row;
  guint h = 0;

  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 访客登记表 */
  title = g_strdup_printf (_("%1$s Visitor register %2$s"), inst->name, day->day);
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d visitor registered on %s",
                                         "%d visitors registered on %s", (int) day->visits->len),
                            (int) day->visits->len, day->day);
  /* Translators: note under the title of the visitor register; %1$s is
   * "N visitors registered on D", %2$d the visitors turned away, %3$d
   * and %4$d the policy's limits */
  note = g_strdup_printf (_("%1$s, %2$d turned away. Only a green health code, no fever, cough or sore throat, and a mask enter; at most %3$d visitors at once, %4$d minutes each (ALL-4)."),
                          counts, day->refused,
                          cg_policy_get_int (policy, CG_POLICY_MAX_VISITORS), day->max_minutes);

  /* forms.md: 访客登记表, in its order */
  /* Translators: visitor register column, forms.md header 日期 */
  headers[h++] = C_("visitor register", "Date");
  /* Translators: visitor register column, forms.md header 访客姓名 */
  headers[h++] = C_("visitor register", "Visitor");
  /* Translators: visitor register column, forms.md header 身份证号（脱敏） */
  headers[h++] = C_("visitor register", "ID number (masked)");
  /* Translators: visitor register column, forms.md header 电话 */
  headers[h++] = C_("visitor register", "Phone");
  /* Translators: visitor register column, forms.md header 被探视人 */
  headers[h++] = C_("visitor register", "Visiting");
  /* Translators: visitor register column, forms.md header 关系 */
  headers[h++] = C_("visitor register", "Relationship");
  /* Translators: visitor register column, forms.md header 体温 */
  headers[h++] = C_("visitor register", "Temperature");
  /* Translators: visitor register column, forms.md header 健康码颜色 */
  headers[h++] = C_("visitor register", "Health code colour");
  /* Translators: visitor register column, forms.md header 行程卡（14 天内中高风险地区：是/否） */
  headers[h++] = C_("visitor register", "Itinerary card (medium/high-risk area in 14 days: yes/no)");
  /* Translators: visitor register column, forms.md header 核酸检测时间/结果 */
  headers[h++] = C_("visitor register", "Nucleic-acid test date / result");
  /* Translators: visitor register column, forms.md header 到访时间 */
  headers[h++] = C_("visitor register", "Arrived");
  /* Translators: visitor register column, forms.md header 离开时间 */
  headers[h++] = C_("visitor register", "Left");
  /* Translators: visitor register column, forms.md header 准入/劝返 */
  headers[h++] = C_("visitor register", "Admitted / turned away");
  /* Translators: visitor register column, forms.md header 劝返原因 */
  headers[h++] = C_("visitor register", "Reason turned away");
  /* Translators: visitor register column, forms.md header 登记人 */
  headers[h++] = C_("visitor register", "Registered by");
  g_assert (h == N_VISIT_COLS);

  memcpy (widths, visit_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_VISIT_COLS, headers, NULL, 0.0);
  for (guint i = 0; i < day->visits->len; i++)
    {
      const CgVisit *visit = day->visits->pdata[i];
      g_autofree char *reasons = cg_refusal_describe (visit->refusal);

      widths[1] = MAX (widths[1], MIN (cg_sheet_text_units (visit->visitor_name) + 1.5, 12.0));
      widths[4] = MAX (widths[4], MIN (cg_sheet_text_units (visit->visiting_name != NULL ? visit->visiting_name : "") + 1.5, 12.0));
      widths[13] = MAX (widths[13], MIN (cg_sheet_text_units (reasons) + 1.5, 24.0));
    }

  /* Translators: name of the visitor register sheet: 访客登记表 */
  sheet.ws = workbook_add_worksheet (wb, C_("sheet", "Visitor register"));
  row = cg_sheet_begin_register (&sheet, f, headers, title, note);

  for (guint i = 0; i < day->visits->len; i++, row++)
    {
      const CgVisit *visit = day->visits->pdata[i];
      g_autofree char *masked = cg_mask_id_number (visit->visitor_id_number);
      g_autofree char *test = NULL;
      g_autofree char *arrived = local_time (day, visit->arrived_at);
      g_autofree char *left = visit_left (day, visit);
      g_autofree char *reasons = cg_refusal_describe (visit->refusal);
      gboolean refused = visit->refusal != 0;
      gboolean fever = cg_temperature_band_is_fever (cg_temperature_band (policy, visit->temperature));

      if (visit->nat_sampled_on != NULL)
        test = g_strdup_printf ("%s %s", visit->nat_sampled_on,
                                visit->nat_result >= 0 ? cg_nat_result_label (visit->nat_result) : "");
      cg_sheet_text (&sheet, row, 0, 0, visit->arrived_on, f->center);
      cg_sheet_text (&sheet, row, 1, 1, visit->visitor_name, f->center);
      cg_sheet_text (&sheet, row, 2, 2, masked, f->center);
      cg_sheet_text (&sheet, row, 3, 3, visit->phone, f->center);
      cg_sheet_text (&sheet, row, 4, 4, visit->visiting_name, f->center);
      cg_sheet_text (&sheet, row, 5, 5, visit->relationship, f->center);
      cg_sheet_number (&sheet, row, 6, visit->temperature, fever ? f->warning : f->temperature);
      cg_sheet_text (&sheet, row, 7, 7, cg_health_code_label (visit->health_code),
                     visit->health_code != CG_HEALTH_CODE_GREEN ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 8, 8, yes_no (visit->risk_travel),
                     visit->risk_travel ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 9, 9, test != NULL ? g_strstrip (test) : "", f->center);
      cg_sheet_text (&sheet, row, 10, 10, arrived, f->center);
      cg_sheet_text (&sheet, row, 11, 11, left, f->center);
      cg_sheet_text (&sheet, row, 12, 12,
                     /* Translators: visitor register: 劝返 */
                     refused ? C_("visitor register", "Turned away")
                     /* Translators: visitor register: 准入 */
                             : C_("visitor register", "Admitted"),
                     refused ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 13, 13, reasons, f->text);
      cg_sheet_text (&sheet, row, 14, 14, visit->registered_by, f->center);
      cg_sheet_row_done (&sheet, row, CG_SHEET_LINE_HEIGHT);
    }
  return cg_sheet_end_register (&sheet, f, inst, title, row, day->visits->len == 0);
}

static const double stay_min_widths[] = { 9, 8, 20, 10, 16, 16, 16, 14, 24 };
enum { N_STAY_COLS = G_N_ELEMENTS (stay_min_widths) };

static lxw_error
write_stays_sheet (lxw_workbook         *wb,
                   const CgSheetFormats *f,
                   const CgInstitution  *inst,
                   const CgPolicy       *policy,
                   const CgRegisterDay  *day)
{
  double widths[N_STAY_COLS];
  CgSheet sheet = { NULL, widths, N_STAY_COLS, 1.0, LXW_NO_ERROR };
  const char *headers[N_STAY_COLS];
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  int days = cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS);
  lxw_row_t row;
  guint h = 0;

  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 隔离观察登记 */
  title = g_strdup_printf (_("%1$s Isolation observation register %2$s"), inst->name, day->day);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Stays open on %2$s or ended that day: %1$d person. One person per room; a stay lasts %3$d days, and ends earlier only with a negative nucleic-acid test sampled during it (ALL-5, ALL-6, RS-2).",
                                       "Stays open on %2$s or ended that day: %1$d people. One person per room; a stay lasts %3$d days, and ends earlier only with a negative nucleic-acid test sampled during it (ALL-5, ALL-6, RS-2).",
                                       day->isolated),
                          day->isolated, day->day, days);

  /* forms.md: 隔离观察登记, in its order */
  /* Translators: isolation register column, forms.md header 房间 */
  headers[h++] = C_("isolation register", "Room");
  /* Translators: isolation register column, forms.md header 姓名 */
  headers[h++] = C_("isolation register", "Name");
  /* Translators: isolation register column, forms.md header 身份证号（脱敏） */
  headers[h++] = C_("isolation register", "ID number (masked)");
  /* Translators: isolation register column, forms.md header 原因 */
  headers[h++] = C_("isolation register", "Reason");
  /* Translators: isolation register column, forms.md header 开始时间 */
  headers[h++] = C_("isolation register", "Started");
  /* Translators: isolation register column, forms.md header 计划解除时间 */
  headers[h++] = C_("isolation register", "Planned end");
  /* Translators: isolation register column, forms.md header 实际解除时间 */
  headers[h++] = C_("isolation register", "Actual end");
  /* Translators: isolation register column, forms.md header 解除依据（核酸阴性日期） */
  headers[h++] = C_("isolation register", "Basis for release (negative test date)");
  /* Translators: isolation register column, forms.md header 处置 */
  headers[h++] = C_("isolation register", "Disposition");
  g_assert (h == N_STAY_COLS);

  memcpy (widths, stay_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_STAY_COLS, headers, NULL, 0.0);
  for (guint i = 0; i < day->stays->len; i++)
    {
      const CgStay *stay = day->stays->pdata[i];

      widths[0] = MAX (widths[0], MIN (cg_sheet_text_units (stay->room_name != NULL ? stay->room_name : "") + 1.5, 14.0));
      widths[3] = MAX (widths[3], MIN (cg_sheet_text_units (cg_stay_reason_register_label (stay->reason)) + 1.5, 16.0));
      widths[8] = MAX (widths[8], MIN (cg_sheet_text_units (stay->disposition != NULL ? stay->disposition : "") + 1.5, 40.0));
    }

  /* Translators: name of the isolation register sheet: 隔离观察登记 */
  sheet.ws = workbook_add_worksheet (wb, C_("sheet", "Isolation register"));
  row = cg_sheet_begin_register (&sheet, f, headers, title, note);

  for (guint i = 0; i < day->stays->len; i++, row++)
    {
      const CgStay *stay = day->stays->pdata[i];
      g_autofree char *masked = cg_mask_id_number (stay->id_number);
      g_autofree char *reason = NULL;
      g_autofree char *started = cg_datetime_utc_to_local (stay->started_at);
      g_autofree char *planned = cg_datetime_utc_to_local (stay->planned_end_at);
      /* An end after the day was not known on it. */
      gboolean has_ended = stay->ended_at != NULL && g_strcmp0 (stay->ended_at, day->now) <= 0;
      g_autofree char *ended = has_ended ? cg_datetime_utc_to_local (stay->ended_at) : NULL;
      const char *sample = has_ended ? g_hash_table_lookup (day->release_samples, &stay->id) : NULL;
      const char *basis = "";

      if (stay->note != NULL && *stay->note != '\0')
        /* Translators: a stay's reason and its note, e.g. "密接（同车人员确诊）" */
        reason = g_strdup_printf (_("%s (%s)"), cg_stay_reason_register_label (stay->reason), stay->note);
      else
        reason = g_strdup (cg_stay_reason_register_label (stay->reason));
      if (sample != NULL)
        basis = sample;
      else if (has_ended && g_strcmp0 (stay->ended_at, stay->planned_end_at) >= 0)
        /* Translators: a stay released at its planned end, not by a test: 期满解除 */
        basis = C_("isolation register", "Period completed");
      else if (has_ended && !cg_stay_reason_needs_test (stay->reason))
        /* Translators: a stay ended early whose reason needs no test: 无需核酸 */
        basis = C_("isolation register", "No test needed");

      cg_sheet_text (&sheet, row, 0, 0, stay->room_name, f->center);
      cg_sheet_text (&sheet, row, 1, 1, stay->person_name, f->center);
      cg_sheet_text (&sheet, row, 2, 2, masked, f->center);
      cg_sheet_text (&sheet, row, 3, 3, reason, f->center);
      cg_sheet_text (&sheet, row, 4, 4, started, f->center);
      cg_sheet_text (&sheet, row, 5, 5, planned, f->center);
      cg_sheet_text (&sheet, row, 6, 6, ended != NULL ? ended : "", f->center);
      cg_sheet_text (&sheet, row, 7, 7, basis, f->center);
      cg_sheet_text (&sheet, row, 8, 8, has_ended ? stay->disposition : "", f->text);
      cg_sheet_row_done (&sheet, row, CG_SHEET_LINE_HEIGHT);
    }
  return cg_sheet_end_register (&sheet, f, inst, title, row, day->stays->len == 0);
}

static const double screening_min_widths[] = { 7, 8, 20, 10, 6, 8, 10, 8, 8, 7, 12, 9, 20, 8 };
enum { N_SCREENING_COLS = G_N_ELEMENTS (screening_min_widths) };

static const char *
referrer_label (const char *code)
{
  for (int r = 0; r < CG_N_REFERRERS; r++)
    if (g_strcmp0 (cg_referrer_to_string ((CgReferrer) r), code) == 0)
      return cg_referrer_register_label ((CgReferrer) r);
  return code != NULL ? code : "";
}

static lxw_error
write_screenings_sheet (lxw_workbook         *wb,
                        const CgSheetFormats *f,
                        const CgInstitution  *inst,
                        const CgPolicy       *policy,
                        const CgRegisterDay  *day)
{
  double widths[N_SCREENING_COLS];
  CgSheet sheet = { NULL, widths, N_SCREENING_COLS, 1.0, LXW_NO_ERROR };
  const char *headers[N_SCREENING_COLS];
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  gboolean rs3 = cg_policy_applies (policy, "RS-3");
  lxw_row_t row;
  guint h = 0;

  /* Translators: %1$s is the institution, %2$s the date; forms.md names
   * the register 救助站进站人员健康筛查登记表 */
  title = g_strdup_printf (_("%1$s Rescue-station entry screening register %2$s"), inst->name, day->day);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d entrant screened on %s (RS-1). No health code or a medium/high-risk area: 14 days in a single room (RS-2); fever: observation room, call 120, report upward (RS-3). The travel history and the itinerary card show the one answer recorded.",
                                       "%d entrants screened on %s (RS-1). No health code or a medium/high-risk area: 14 days in a single room (RS-2); fever: observation room, call 120, report upward (RS-3). The travel history and the itinerary card show the one answer recorded.",
                                       (int) day->screenings->len),
                          (int) day->screenings->len, day->day);

  /* forms.md: 救助站进站人员健康筛查登记表, in its order */
  /* Translators: screening register column, forms.md header 进站时间 */
  headers[h++] = C_("screening register", "Entered");
  /* Translators: screening register column, forms.md header 姓名 */
  headers[h++] = C_("screening register", "Name");
  /* Translators: screening register column, forms.md header 证件号（脱敏） */
  headers[h++] = C_("screening register", "ID number (masked)");
  /* Translators: screening register column, forms.md header 送站单位（公安/城管/自行求助） */
  headers[h++] = C_("screening register", "Brought by (police / city management / came alone)");
  /* Translators: screening register column, forms.md header 体温 */
  headers[h++] = C_("screening register", "Temperature");
  /* Translators: screening register column, forms.md header 症状 */
  headers[h++] = C_("screening register", "Symptoms");
  /* Translators: screening register column, forms.md header 14 天旅居史 */
  headers[h++] = C_("screening register", "Travel in the last 14 days");
  /* Translators: screening register column, forms.md header 接触史 */
  headers[h++] = C_("screening register", "Contact history");
  /* Translators: screening register column, forms.md header 健康码 */
  headers[h++] = C_("screening register", "Health code");
  /* Translators: screening register column, forms.md header 行程卡 */
  headers[h++] = C_("screening register", "Itinerary card");
  /* Translators: screening register column, forms.md header 核酸采样时间/结果 */
  headers[h++] = C_("screening register", "Nucleic-acid sample date / result");
  /* Translators: screening register column, forms.md header 隔离房间 */
  headers[h++] = C_("screening register", "Isolation room");
  /* Translators: screening register column, forms.md header 处置 */
  headers[h++] = C_("screening register", "Disposition");
  /* Translators: screening register column, forms.md header 登记人 */
  headers[h++] = C_("screening register", "Registered by");
  g_assert (h == N_SCREENING_COLS);

  memcpy (widths, screening_min_widths, sizeof widths);
  cg_sheet_fit_widths (widths, N_SCREENING_COLS, headers, NULL, 0.0);

  /* Translators: name of the rescue-station screening sheet: 救助站进站人员健康筛查登记表 */
  sheet.ws = workbook_add_worksheet (wb, C_("sheet", "Entry screening"));
  row = cg_sheet_begin_register (&sheet, f, headers, title, note);

  for (guint i = 0; i < day->screenings->len; i++, row++)
    {
      const Screening *s = day->screenings->pdata[i];
      g_autofree char *entered = local_time (day, s->screened_at);
      g_autofree char *masked = cg_mask_id_number (s->id_number);
      g_autofree char *symptoms = cg_symptoms_describe (s->symptoms & ~(guint) CG_SYMPTOM_FEVER);
      gboolean fever = cg_temperature_band_is_fever (cg_temperature_band (policy, s->temperature));
      g_autofree char *action = screening_action (day, s, fever, rs3);
      g_autoptr(GString) identity = g_string_new (masked);

      if (!s->identity_verified)
        /* Translators: after a masked ID number: the identity was not checked: （身份未核实） */
        g_string_append (identity, C_("screening register", " (identity not verified)"));
      cg_sheet_text (&sheet, row, 0, 0, entered, f->center);
      cg_sheet_text (&sheet, row, 1, 1, s->name, f->center);
      cg_sheet_text (&sheet, row, 2, 2, identity->str, s->identity_verified ? f->center : f->warning);
      cg_sheet_text (&sheet, row, 3, 3, referrer_label (s->referred_by), f->center);
      cg_sheet_number (&sheet, row, 4, s->temperature, fever ? f->warning : f->temperature);
      cg_sheet_text (&sheet, row, 5, 5, *symptoms != '\0' ? symptoms
                     /* Translators: no symptoms at screening: 无 */
                     : C_("symptoms", "None"), *symptoms != '\0' ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 6, 6, s->risk_travel
                     /* Translators: screening register, travel history: 中高风险地区 */
                     ? C_("screening register", "Medium/high-risk area")
                     /* Translators: screening register, travel history: 无中高风险地区旅居史 */
                     : C_("screening register", "No medium/high-risk area"), s->risk_travel ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 7, 7, s->contact
                     /* Translators: screening register, contact history: 有密接 */
                     ? C_("screening register", "Close contact")
                     /* Translators: screening register, contact history: 无 */
                     : C_("contact", "None"), s->contact ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 8, 8, cg_health_code_label (s->health_code),
                     s->health_code != CG_HEALTH_CODE_GREEN ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 9, 9, yes_no (s->risk_travel), s->risk_travel ? f->warning : f->center);
      cg_sheet_text (&sheet, row, 10, 10, s->test != NULL ? s->test : "", f->center);
      cg_sheet_text (&sheet, row, 11, 11, s->room, f->center);
      cg_sheet_text (&sheet, row, 12, 12, action, f->text);
      cg_sheet_text (&sheet, row, 13, 13, s->registered_by, f->center);
      cg_sheet_row_done (&sheet, row, CG_SHEET_LINE_HEIGHT);
    }
  return cg_sheet_end_register (&sheet, f, inst, title, row, day->screenings->len == 0);
}

lxw_error
cg_register_write_sheets (lxw_workbook         *wb,
                          const CgSheetFormats *f,
                          const CgInstitution  *inst,
                          const CgPolicy       *policy,
                          const CgRegisterDay  *day)
{
  lxw_error status = LXW_NO_ERROR;

  g_return_val_if_fail (day != NULL, LXW_ERROR_NULL_PARAMETER_IGNORED);

  if (day->visits_kept)
    status = write_visits_sheet (wb, f, inst, policy, day);
  if (status == LXW_NO_ERROR && day->rooms_kept)
    status = write_stays_sheet (wb, f, inst, policy, day);
  if (status == LXW_NO_ERROR && day->screenings_kept)
    status = write_screenings_sheet (wb, f, inst, policy, day);
  return status;
}
