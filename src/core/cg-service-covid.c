/* cg-service-covid.c — the COVID-19 remains checklist (FH-7) and staff
 * protection records (FH-2) of the funeral services of cg-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-service-private.h"

/* ---------------------------------------------------------------------- */
/* FH-7 steps and FH-2 kinds                                               */

static const char * const step_words[CG_N_COVID_STEPS] = {
  "handover", "transport", "cremation", "sealed", "disinfection", "archive", "report",
};
static const int step_requires[CG_N_COVID_STEPS] = {
  -1,                        /* handover */
  CG_COVID_STEP_HANDOVER,    /* transport */
  CG_COVID_STEP_TRANSPORT,   /* cremation */
  CG_COVID_STEP_CREMATION,   /* sealed: confirmed once cremated */
  CG_COVID_STEP_TRANSPORT,   /* disinfection of the vehicle and tools */
  CG_COVID_STEP_CREMATION,   /* archive */
  CG_COVID_STEP_HANDOVER,    /* report */
};

const char *
cg_covid_step_to_string (CgCovidStep step)
{
  g_return_val_if_fail ((guint) step < CG_N_COVID_STEPS, NULL);
  return step_words[step];
}

int
cg_covid_step_from_string (const char *text)
{
  if (text == NULL)
    return -1;
  for (int i = 0; i < CG_N_COVID_STEPS; i++)
    if (strcmp (text, step_words[i]) == 0)
      return i;
  return -1;
}

const char *
cg_covid_step_label (CgCovidStep step)
{
  switch (step)
    {
    case CG_COVID_STEP_HANDOVER:
      return _("Handed over after the hospital’s sanitary treatment, with the death certificate");
    case CG_COVID_STEP_TRANSPORT:
      return _("Transported by the dedicated vehicle and staff");
    case CG_COVID_STEP_CREMATION:
      return _("Cremated immediately and locally");
    case CG_COVID_STEP_SEALED:
      return _("No storage, no viewing, the body bag never opened");
    case CG_COVID_STEP_DISINFECTION:
      return _("Vehicle and tools disinfected");
    case CG_COVID_STEP_ARCHIVE:
      return _("Registered and archived");
    case CG_COVID_STEP_REPORT:
      return _("Reported to the civil-affairs department");
    case CG_N_COVID_STEPS:
      break;
    }
  g_return_val_if_reached (NULL);
}

int
cg_covid_step_requires (CgCovidStep step)
{
  g_return_val_if_fail ((guint) step < CG_N_COVID_STEPS, -1);
  return step_requires[step];
}

void
cg_covid_step_record_free (CgCovidStepRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->done_at);
  g_free (record->who);
  g_free (record->note);
  g_free (record);
}

static const char * const protection_words[CG_N_PROTECTION_KINDS] = { "transport", "cremation" };

const char *
cg_protection_kind_to_string (CgProtectionKind kind)
{
  g_return_val_if_fail ((guint) kind < CG_N_PROTECTION_KINDS, NULL);
  return protection_words[kind];
}

const char *
cg_protection_kind_label (CgProtectionKind kind)
{
  switch (kind)
    {
    case CG_PROTECTION_TRANSPORT:
      return _("Collecting remains");
    case CG_PROTECTION_CREMATION:
      return _("Cremation");
    case CG_N_PROTECTION_KINDS:
      break;
    }
  g_return_val_if_reached (NULL);
}


/* ---------------------------------------------------------------------- */
/* FH-7 checklist                                                          */

GPtrArray *
cg_service_checklist (CgStore  *store,
                      gint64    service_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_covid_step_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  for (int i = 0; i < CG_N_COVID_STEPS; i++)
    {
      CgCovidStepRecord *record = g_new0 (CgCovidStepRecord, 1);

      record->step = i;
      g_ptr_array_add (steps, record);
    }
  stmt = cg_store_prepare (store, "SELECT step, done_at, who, note FROM covid_step WHERE service_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int step = cg_covid_step_from_string ((const char *) sqlite3_column_text (stmt, 0));
      CgCovidStepRecord *record;

      if (step < 0)
        continue;
      record = g_ptr_array_index (steps, step);
      record->done = TRUE;
      record->done_at = cg_column_dup_text (stmt, 1);
      record->who = cg_column_dup_text (stmt, 2);
      record->note = cg_column_dup_text (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&steps);
}

gboolean
cg_service_record_step_in_transaction (CgStore     *store,
                                       gint64       service_id,
                                       CgCovidStep  step,
                                       const char  *done_at,
                                       const char  *done_by,
                                       const char  *note,
                                       const char  *who,
                                       GError     **error)
{
  g_autoptr(CgService) service = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *when = NULL;
  g_autofree char *by = NULL;
  g_autofree char *text = NULL;
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *subject = NULL;
  const CgCovidStepRecord *record;
  int requires;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) step < CG_N_COVID_STEPS, FALSE);

  service = cg_service_get (store, service_id, error);
  if (service == NULL)
    return FALSE;
  if (service->covid == CG_COVID_NONE)
    return cg_service_invalid (error, _("The COVID-19 checklist is only for a suspected or confirmed case."));
  by = g_strstrip (g_strdup (done_by != NULL ? done_by : ""));
  if (*by == '\0')
    return cg_service_invalid (error, _("Done by: type who did this step."));
  if (g_utf8_strlen (by, -1) > 60)
    return cg_service_invalid (error, _("Done by: too long (60 characters at most)."));
  text = g_strstrip (g_strdup (note != NULL ? note : ""));

  at = done_at != NULL ? cg_service_parse_time (done_at) : g_date_time_ref (now);
  if (at == NULL)
    return cg_service_invalid (error, _("Time: not a date and time."));
  if (g_date_time_difference (at, now) > CG_SERVICE_CLOCK_TOLERANCE)
    return cg_service_invalid (error, _("Time: the time is in the future."));
  started = cg_service_parse_time (service->started_at);
  if (started != NULL && g_date_time_compare (at, started) < 0)
    return cg_service_invalid (error, _("Time: before the service was registered."));
  when = cg_service_format_time (at);

  steps = cg_service_checklist (store, service_id, error);
  if (steps == NULL)
    return FALSE;
  record = g_ptr_array_index (steps, step);
  if (record->done)
    return cg_service_invalid (error, _("%s: this step is recorded already."), cg_covid_step_label (step));
  requires = cg_covid_step_requires (step);
  if (requires >= 0)
    {
      const CgCovidStepRecord *before = g_ptr_array_index (steps, requires);

      if (!before->done)
        return cg_service_invalid (error, _("%s: record “%s” first."), cg_covid_step_label (step),
                        cg_covid_step_label (requires));
      if (strcmp (before->done_at, when) > 0)
        return cg_service_invalid (error, _("%s: the time is before “%s”."), cg_covid_step_label (step),
                        cg_covid_step_label (requires));
    }

  subject = cg_service_subject (service);
  stmt = cg_store_prepare (store,
                           "INSERT INTO covid_step (service_id, step, done_at, who, note, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  cg_bind_text (stmt, 2, cg_covid_step_to_string (step));
  cg_bind_text (stmt, 3, when);
  cg_bind_text (stmt, 4, by);
  cg_bind_text (stmt, 5, text);
  cg_bind_text (stmt, 6, created);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  {
    g_autofree char *value = g_strdup_printf ("%s %s %s", cg_covid_step_to_string (step), when, by);

    if (!cg_audit_record (store, who, "service.covid_step", subject, NULL, value, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
cg_service_record_step (CgStore     *store,
                        gint64       service_id,
                        CgCovidStep  step,
                        const char  *done_at,
                        const char  *done_by,
                        const char  *note,
                        const char  *who,
                        GError     **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_service_record_step_in_transaction (store, service_id, step, done_at, done_by, note, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, "covid_step");
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* FH-2 protection                                                         */

CgProtection *
cg_protection_new (void)
{
  CgProtection *protection = g_new0 (CgProtection, 1);

  protection->staff = g_strdup ("");
  protection->note = g_strdup ("");
  return protection;
}

void
cg_protection_free (CgProtection *protection)
{
  if (protection == NULL)
    return;
  g_free (protection->done_at);
  g_free (protection->done_on);
  g_free (protection->staff);
  g_free (protection->note);
  g_free (protection);
}

gboolean
cg_protection_add_in_transaction (CgStore       *store,
                                  CgProtection  *protection,
                                  const char    *who,
                                  GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && protection != NULL, FALSE);

  if ((guint) protection->kind >= CG_N_PROTECTION_KINDS)
    return cg_service_invalid (error, _("Kind: unknown."));
  if (*cg_service_trim (&protection->staff) == '\0')
    return cg_service_invalid (error, _("Staff: type who collected the remains or operated the cremator."));
  if (g_utf8_strlen (protection->staff, -1) > 60)
    return cg_service_invalid (error, _("Staff: too long (60 characters at most)."));
  cg_service_trim (&protection->note);
  at = protection->done_at != NULL ? cg_service_parse_time (protection->done_at) : g_date_time_ref (now);
  if (at == NULL)
    return cg_service_invalid (error, _("Time: not a date and time."));
  if (g_date_time_difference (at, now) > CG_SERVICE_CLOCK_TOLERANCE)
    return cg_service_invalid (error, _("Time: the time is in the future."));
  if (protection->service_id != 0)
    {
      g_autoptr(CgService) service = cg_service_get (store, protection->service_id, error);

      if (service == NULL)
        return FALSE;
    }
  cg_service_replace (&protection->done_at, cg_service_format_time (at));
  cg_service_replace (&protection->done_on, cg_service_local_day (at));

  stmt = cg_store_prepare (store,
                           "INSERT INTO protection (service_id, kind, done_at, done_on, staff, suit, goggles, "
                           "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  if (protection->service_id != 0)
    sqlite3_bind_int64 (stmt, 1, protection->service_id);
  else
    sqlite3_bind_null (stmt, 1);
  cg_bind_text (stmt, 2, cg_protection_kind_to_string (protection->kind));
  cg_bind_text (stmt, 3, protection->done_at);
  cg_bind_text (stmt, 4, protection->done_on);
  cg_bind_text (stmt, 5, protection->staff);
  sqlite3_bind_int (stmt, 6, protection->suit ? 1 : 0);
  sqlite3_bind_int (stmt, 7, protection->goggles ? 1 : 0);
  cg_bind_text (stmt, 8, protection->note);
  cg_bind_text (stmt, 9, created);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  protection->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  value = g_strdup_printf ("%s %s suit=%d goggles=%d", cg_protection_kind_to_string (protection->kind),
                           protection->done_at, protection->suit ? 1 : 0, protection->goggles ? 1 : 0);
  if (!cg_audit_record (store, who, "protection.add", protection->staff, NULL, value, error))
    return FALSE;
  return TRUE;
}

gboolean
cg_protection_add (CgStore       *store,
                   CgProtection  *protection,
                   const char    *who,
                   GError       **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_protection_add_in_transaction (store, protection, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      protection->id = 0;
      return FALSE;
    }
  cg_store_emit_changed (store, "protection");
  return TRUE;
}

/* Steps @stmt (the protection columns) to the end. */
static GPtrArray *
protection_collect (CgStore       *store,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_protection_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgProtection *p = g_new0 (CgProtection, 1);
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->service_id = sqlite3_column_int64 (stmt, 1);
      p->kind = g_strcmp0 (kind, "cremation") == 0 ? CG_PROTECTION_CREMATION : CG_PROTECTION_TRANSPORT;
      p->done_at = cg_column_dup_text (stmt, 3);
      p->done_on = cg_column_dup_text (stmt, 4);
      p->staff = cg_column_dup_text (stmt, 5);
      p->suit = sqlite3_column_int (stmt, 6) != 0;
      p->goggles = sqlite3_column_int (stmt, 7) != 0;
      p->note = cg_column_dup_text (stmt, 8);
      g_ptr_array_add (records, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&records);
}

#define PROTECTION_COLUMNS "id, service_id, kind, done_at, done_on, staff, suit, goggles, note"

GPtrArray *
cg_protection_list_day (CgStore      *store,
                        const GDate  *date,
                        GError      **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && date != NULL, NULL);

  day = cg_date_to_iso (date);
  stmt = cg_store_prepare (store,
                           "SELECT " PROTECTION_COLUMNS " FROM protection WHERE done_on = ? ORDER BY done_at, id",
                           error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, day);
  return protection_collect (store, stmt, error);
}

GPtrArray *
cg_protection_list_service (CgStore  *store,
                            gint64    service_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT " PROTECTION_COLUMNS " FROM protection WHERE service_id = ? ORDER BY done_at, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, service_id);
  return protection_collect (store, stmt, error);
}
