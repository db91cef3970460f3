/* cg-training.c — training sessions and drills (ALL-8), and the rules of
 * the hygiene registers (ALL-7, ALL-8, FH-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Declared in cg-disinfection.h, with the disinfection log.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* Training and drills                                                      */

static const char * const training_kind_ids[CG_N_TRAINING_KINDS] = { "training", "drill" };

const char *
cg_training_kind_to_string (CgTrainingKind kind)
{
  g_return_val_if_fail (kind < CG_N_TRAINING_KINDS, NULL);
  return training_kind_ids[kind];
}

int
cg_training_kind_from_string (const char *text)
{
  static const struct { const char *word; CgTrainingKind kind; } words[] = {
    { "training", CG_TRAINING_SESSION }, { "培训", CG_TRAINING_SESSION },
    { "drill", CG_TRAINING_DRILL }, { "演练", CG_TRAINING_DRILL }, { "应急演练", CG_TRAINING_DRILL },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      return (int) words[i].kind;
  return -1;
}

const char *
cg_training_kind_label (CgTrainingKind kind)
{
  switch (kind)
    {
    case CG_TRAINING_SESSION: return _("Training");
    case CG_TRAINING_DRILL: return _("Drill");
    case CG_N_TRAINING_KINDS:
    default: g_return_val_if_reached ("");
    }
}

CgTraining *
cg_training_new (void)
{
  CgTraining *training = g_new0 (CgTraining, 1);

  training->kind = CG_TRAINING_SESSION;
  training->attendee_names = g_strdup ("");
  training->trainer = g_strdup ("");
  training->note = g_strdup ("");
  return training;
}

void
cg_training_free (CgTraining *training)
{
  if (training == NULL)
    return;
  g_free (training->held_on);
  g_free (training->topic);
  g_free (training->attendee_names);
  g_free (training->trainer);
  g_free (training->note);
  g_free (training->created_at);
  g_free (training);
}

/* Names written 张三、李四，王五 or "张三 李四". */
static int
count_names (const char *names)
{
  int n = 0;
  gboolean in_name = FALSE;

  for (const char *p = names; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean separator = g_unichar_isspace (c) || c == ',' || c == ';' || c == 0x3001 /* 、 */
                           || c == 0xFF0C /* ， */ || c == 0xFF1B /* ； */;

      if (!separator && !in_name)
        n++;
      in_name = !separator;
    }
  return n;
}

gboolean
cg_training_add (CgStore     *store,
                 CgTraining  *training,
                 const char  *who,
                 GError     **error)
{
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *day = NULL;
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;
  GDate date, today;
  int named;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (training != NULL, FALSE);

  if (training->held_on == NULL || *g_strstrip (training->held_on) == '\0')
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Date: enter the day it was held."));
      return FALSE;
    }
  if (!cg_date_parse (training->held_on, &date))
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Date: not a date. Use YYYY-MM-DD, for example 2020-10-08."));
      return FALSE;
    }
  cg_date_today (&today);
  if (g_date_compare (&date, &today) > 0)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Date: the date is in the future."));
      return FALSE;
    }
  if ((guint) training->kind >= CG_N_TRAINING_KINDS)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Kind: unknown."));
      return FALSE;
    }
  if (!cg_text_tidy (&training->topic, 100))
    return cg_text_too_long (error, _("Topic"), 100);
  if (*training->topic == '\0')
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Topic: enter what the training or drill was about."));
      return FALSE;
    }
  if (!cg_text_tidy (&training->attendee_names, 2000))
    return cg_text_too_long (error, _("Attendees' names"), 2000);
  if (!cg_text_tidy (&training->trainer, 30))
    return cg_text_too_long (error, _("Trainer"), 30);
  if (!cg_text_tidy (&training->note, 200))
    return cg_text_too_long (error, _("Note"), 200);
  named = count_names (training->attendee_names);
  if (training->attendees == 0)
    training->attendees = named;
  if (training->attendees < 0 || training->attendees > 10000)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("Attendees: a number from 0 to 10000."));
      return FALSE;
    }
  if (training->attendees < named)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Attendees: %d person attended, but %d names are given.",
                                "Attendees: %d people attended, but %d names are given.",
                                (gulong) training->attendees),
                   training->attendees, named);
      return FALSE;
    }
  day = cg_date_to_iso (&date);
  g_free (training->held_on);
  training->held_on = g_steal_pointer (&day);

  if (!cg_store_begin (store, error))
    return FALSE;
  stmt = cg_store_prepare (store,
                           "INSERT INTO training (held_on, kind, topic, attendees, attendee_names, trainer, "
                           "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  cg_bind_text (stmt, 1, training->held_on);
  cg_bind_text (stmt, 2, cg_training_kind_to_string (training->kind));
  cg_bind_text (stmt, 3, training->topic);
  sqlite3_bind_int (stmt, 4, training->attendees);
  cg_bind_text (stmt, 5, training->attendee_names);
  cg_bind_text (stmt, 6, training->trainer);
  cg_bind_text (stmt, 7, training->note);
  cg_bind_text (stmt, 8, created);
  if (!cg_store_step_done (store, stmt, error))
    goto fail;
  training->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  value = g_strdup_printf ("%s %s %d", training->held_on,
                           cg_training_kind_to_string (training->kind), training->attendees);
  if (!cg_audit_record (store, who, "training.add", training->topic, NULL, value, error)
      || !cg_store_commit (store, error))
    goto fail;
  g_free (training->created_at);
  training->created_at = g_steal_pointer (&created);
  cg_store_emit_changed (store, "training");
  return TRUE;

fail:
  cg_store_rollback (store);
  training->id = 0;
  return FALSE;
}

static CgTraining *
training_from_row (sqlite3_stmt *stmt)
{
  CgTraining *training = g_new0 (CgTraining, 1);

  training->id = sqlite3_column_int64 (stmt, 0);
  training->held_on = cg_column_dup_text (stmt, 1);
  training->kind = MAX (0, cg_training_kind_from_string ((const char *) sqlite3_column_text (stmt, 2)));
  training->topic = cg_column_dup_text (stmt, 3);
  training->attendees = sqlite3_column_int (stmt, 4);
  training->attendee_names = cg_column_dup_text (stmt, 5);
  training->trainer = cg_column_dup_text (stmt, 6);
  training->note = cg_column_dup_text (stmt, 7);
  training->created_at = cg_column_dup_text (stmt, 8);
  return training;
}

#define TRAINING_COLUMNS "id, held_on, kind, topic, attendees, attendee_names, trainer, note, created_at"

GPtrArray *
cg_training_list (CgStore  *store,
                  guint     limit,
                  GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_training_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT " TRAINING_COLUMNS " FROM training ORDER BY held_on DESC, id DESC LIMIT ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, training_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The latest training or drill held on or before @date, or NULL without
 * error. */
static CgTraining *
latest_training (CgStore      *store,
                 const GDate  *date,
                 GError      **error)
{
  g_autofree char *day = cg_date_to_iso (date);
  CgTraining *training = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT " TRAINING_COLUMNS " FROM training WHERE held_on <= ? "
                           "ORDER BY held_on DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    training = training_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  return training;
}

/* The local day of the institution's set-up; *known FALSE without a profile. */
static gboolean
institution_setup_day (CgStore  *store,
                       GDate    *out,
                       gboolean *known,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *known = FALSE;
  stmt = cg_store_prepare (store, "SELECT created_at FROM institution WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *created = cg_column_dup_text (stmt, 0);
      g_autofree char *local = cg_datetime_utc_to_local (created);

      if (local != NULL && strlen (local) >= 10)
        {
          local[10] = '\0';
          *known = cg_date_parse (local, out);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
training_status (CgStore           *store,
                 const CgPolicy    *policy,
                 const GDate       *date,
                 CgTrainingStatus  *out,
                 CgTraining       **last_out,
                 GError           **error)
{
  g_autoptr(CgTraining) last = NULL;
  GError *local_error = NULL;

  memset (out, 0, sizeof *out);
  out->period_days = cg_policy_get_int (policy, CG_POLICY_TRAINING_PERIOD_DAYS);
  last = latest_training (store, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (last == NULL || !cg_date_parse (last->held_on, &out->last))
    {
      GDate setup;
      gboolean known;

      /* With nothing on record, the first period starts on the day the
       * institution was set up in CareGuard: a new institution has the
       * period to hold its first session, and no day before it is judged. */
      if (!institution_setup_day (store, &setup, &known, error))
        return FALSE;
      if (known && g_date_compare (date, &setup) < 0)
        out->days_left = out->period_days;
      else if (known)
        out->days_left = out->period_days - g_date_days_between (&setup, date);
      else
        out->days_left = 0;
      out->overdue = !known || out->days_left < 0;
      return TRUE;
    }
  out->any = TRUE;
  out->last_kind = last->kind;
  out->days_since = g_date_days_between (&out->last, date);
  out->days_left = out->period_days - out->days_since;
  /* The period ends on @date: a session held period_days ago still counts. */
  out->overdue = out->days_since > out->period_days;
  if (last_out != NULL)
    *last_out = g_steal_pointer (&last);
  return TRUE;
}

gboolean
cg_training_status (CgStore           *store,
                    const CgPolicy    *policy,
                    const GDate       *date,
                    CgTrainingStatus  *out,
                    GError           **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && out != NULL, FALSE);

  return training_status (store, policy, date, out, NULL, error);
}

/* ---------------------------------------------------------------------- */
/* Rules                                                                    */

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

static gboolean
evaluate_training (CgStore         *store,
                   const CgPolicy  *policy,
                   const GDate     *date,
                   const char      *day,
                   GPtrArray       *alerts,
                   GError         **error)
{
  g_autoptr(CgTraining) last = NULL;
  CgTrainingStatus status;
  char *message;

  if (!training_status (store, policy, date, &status, &last, error))
    return FALSE;
  if (!status.overdue)
    return TRUE;
  if (last == NULL)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "No training or drill on record: hold one at least every %d day.",
                                            "No training or drill on record: hold one at least every %d days.",
                                            (gulong) status.period_days),
                               status.period_days);
  else
    /* Translators: "training" or "drill", its day, the days since, the period */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The last training or drill (%s) was on %s, %d days ago: hold one at least every %d day.",
                                            "The last training or drill (%s) was on %s, %d days ago: hold one at least every %d days.",
                                            (gulong) status.period_days),
                               cg_training_kind_label (last->kind), last->held_on, status.days_since,
                               status.period_days);
  add_alert (alerts, policy, "ALL-8", CG_SEVERITY_WARNING, _("Training and drills"), "training",
             last != NULL ? last->id : 0, message, day);
  return TRUE;
}

static gboolean
evaluate_disinfection (CgStore         *store,
                       const CgPolicy  *policy,
                       const GDate     *date,
                       const char      *day,
                       GPtrArray       *alerts,
                       GError         **error)
{
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(CgDisinfection) last = NULL;
  GError *local_error = NULL;
  GDate first;
  char *message;

  /* A new institution is not reminded before its log starts. */
  if (!cg_disinfection_first_day (store, &first, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (g_date_compare (date, &first) < 0)
    return TRUE;

  today = cg_disinfection_list_day (store, date, error);
  if (today == NULL)
    return FALSE;
  if (today->len > 0)
    return TRUE;

  last = cg_disinfection_latest_before (store, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (last != NULL)
    {
      g_autofree char *local = cg_datetime_utc_to_local (last->done_at);

      /* Translators: the day asked, then the time and place of the last record */
      message = g_strdup_printf (_("No disinfection recorded on %s; the last one was %s in %s."),
                                 day, local != NULL ? local : last->done_on, last->place);
    }
  else
    message = g_strdup_printf (_("No disinfection recorded on %s."), day);
  add_alert (alerts, policy, "ALL-7", CG_SEVERITY_INFO, _("Disinfection log"), "disinfection",
             last != NULL ? last->id : 0, message, day);
  return TRUE;
}

gboolean
cg_hygiene_evaluate_rules (CgStore         *store,
                           const CgPolicy  *policy,
                           const GDate     *date,
                           GPtrArray       *alerts,
                           GError         **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && alerts != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  day = cg_date_to_iso (date);
  if (cg_policy_applies (policy, "ALL-8")
      && !evaluate_training (store, policy, date, day, alerts, error))
    return FALSE;
  if (cg_policy_applies (policy, "ALL-7")
      && !evaluate_disinfection (store, policy, date, day, alerts, error))
    return FALSE;

  /* FH-4 asks for a disinfection after each transport trip (趟消毒) on top
   * of the daily one.  CareGuard has no register of trips yet, so there is
   * nothing to compare a vehicle's disinfections with: once trips are
   * recorded, a day on which a vehicle made more trips than it has
   * disinfections after them is an FH-4 warning here.  The hall's two a
   * day (FH-6) belongs with the funeral services, which know when a hall
   * is in use. */
  return TRUE;
}
