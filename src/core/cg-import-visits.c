/* cg-import-visits.c — the `visits` register of interfaces.md (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A visitor register kept on paper or in another program, typed into a
 * spreadsheet.  Each row is decided as the gate's form decides
 * (cg_visit_decide), with the reception room as it was at that arrival:
 * the stored visits and the file's earlier rows.  The file has no mask
 * column: the visitors it lists wore one.  A row already stored (the
 * same visitor arriving in the same minute) writes nothing, or only the
 * departure the register did not have yet, so that importing a file
 * twice changes nothing more.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-import-private.h"
#include "cg-institution.h"
#include "cg-person.h"
#include "cg-policy.h"
#include "cg-validate.h"
#include "cg-visit.h"

enum
{
  COL_NAME,
  COL_ID_NUMBER,
  COL_PHONE,
  COL_VISITING,
  COL_ARRIVED_AT,
  COL_LEFT_AT,
  COL_HEALTH_CODE,
  COL_RELATIONSHIP,
  COL_RISK_TRAVEL,
  COL_TEMPERATURE,
  COL_SYMPTOMS,
  N_COLUMNS
};

static const CgColumnSpec visit_columns[N_COLUMNS] = {
  { "visitor_name",      "访客姓名",     N_("Visitor"),       TRUE },
  { "visitor_id_number", "访客身份证号", N_("ID number"),     TRUE },
  { "phone",             "电话",         N_("Phone"),         FALSE },
  { "visiting",          "探访对象",     N_("Visiting"),      FALSE },
  { "arrived_at",        "到访时间",     N_("Arrived"),       TRUE },
  { "left_at",           "离开时间",     N_("Left"),          FALSE },
  { "health_code",       "健康码",       N_("Health code"),   TRUE },
  { "relationship",      "关系",         N_("Relationship"),  FALSE },
  { "risk_travel",       "行程卡",       N_("Risk-area travel"), FALSE },
  { "temperature",       "体温",         N_("Temperature"),   TRUE },
  { "symptoms",          "症状",         N_("Symptoms"),      FALSE },
};

/* The clocks of the PCs differ a little; cg_visit_check_in() allows a minute. */
#define CLOCK_TOLERANCE G_TIME_SPAN_MINUTE

/* An admitted visit of the file, or a stored one the file closes. */
typedef struct
{
  char *arrived_at;
  char *left_at;     /* NULL: still inside */
} Span;

static void
span_clear (gpointer data)
{
  Span *span = data;

  g_free (span->arrived_at);
  g_free (span->left_at);
}

typedef struct
{
  CgPolicy *policy;
  GArray   *admitted;   /* Span: the file's earlier admitted rows */
  GArray   *closed;     /* Span: stored open visits the file's earlier rows close */
} Context;

static void
context_free (gpointer data)
{
  Context *context = data;

  cg_policy_free (context->policy);
  g_array_unref (context->admitted);
  g_array_unref (context->closed);
  g_free (context);
}

/* The policy as the gate's form has it: the documents' values and the
 * institution's changes. */
static gpointer
visits_new_context (CgStore  *store,
                    GError  **error)
{
  Context *context;
  CgPolicy *policy = cg_import_load_policy (store, CG_KIND_CARE_HOME, NULL, error);

  if (policy == NULL)
    return NULL;
  context = g_new0 (Context, 1);
  context->policy = policy;
  context->admitted = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (context->admitted, span_clear);
  context->closed = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (context->closed, span_clear);
  return context;
}

static gboolean
span_inside (const Span *span,
             const char *at)
{
  return strcmp (span->arrived_at, at) <= 0
         && (span->left_at == NULL || strcmp (span->left_at, at) > 0);
}

typedef struct
{
  CgVisit *visit;        /* validated; refusal decided */
  int      inside;       /* admitted visitors inside at the arrival */
  gint64   stored_id;    /* the same visit already stored, or 0 */
  gboolean close;        /* the stored visit gets the file's departure */
} VisitRecord;

static void
visit_record_free (gpointer data)
{
  VisitRecord *record = data;

  cg_visit_free (record->visit);
  g_free (record);
}

/* The visit of this visitor stored with this arrival, if any. */
static gint64
find_stored (CgImportRow  *row,
             const char   *id_number,
             const char   *arrived_at,
             guint        *refusal_out,
             char        **left_at_out)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = cg_store_prepare (row->store,
                           "SELECT id, refusal, left_at FROM visit "
                           "WHERE visitor_id_number = ? AND arrived_at = ? ORDER BY id LIMIT 1", &error);
  if (stmt == NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return 0;
    }
  cg_bind_text (stmt, 1, id_number);
  cg_bind_text (stmt, 2, arrived_at);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *refusal_out = (guint) sqlite3_column_int (stmt, 1);
      *left_at_out = cg_column_dup_text (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      cg_store_set_error (row->store, &error, rc);
      cg_import_row_problem (row, -1, "%s", error->message);
    }
  sqlite3_reset (stmt);
  return id;
}

static int
parse_yes_no (const char *text)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "是", "有" };
  static const char * const no[] = { "no", "n", "false", "0", "否", "无", "" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return 1;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return 0;
  return -1;
}

static gpointer
visits_check_row (CgImportRow *row,
                  gboolean    *is_update,
                  GStrv       *preview)
{
  Context *context = row->context;
  const CgPolicy *policy = context->policy;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgVisit) visit = cg_visit_new ();
  g_autoptr(CgPerson) visited = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *arrived_at = NULL;
  g_autofree char *left_at = NULL;
  g_autofree char *arrived_local = NULL;
  g_autofree char *arrived_day = NULL;
  g_autofree char *stored_left_at = NULL;
  g_autofree char *temperature_text = NULL;
  g_autofree char *symptom_text = NULL;
  g_autofree char *left_text = NULL;
  VisitRecord *record;
  GStrvBuilder *builder;
  const char *text;
  double temperature = 0.0;
  guint symptoms = 0;
  guint stored_refusal = 0;
  gint64 stored_id;
  int health_code = -1;
  int risk_travel = 0;
  int inside;

  text = cg_import_row_cell (row, COL_NAME);
  if (*text == '\0')
    cg_import_row_problem (row, COL_NAME, _("The visitor’s name is required"));

  if (!cg_validate_id_number (cg_import_row_cell (row, COL_ID_NUMBER), &id_number, NULL, &error))
    {
      cg_import_row_problem (row, COL_ID_NUMBER, "%s", error->message);
      g_clear_error (&error);
    }

  text = cg_import_row_cell (row, COL_PHONE);
  if (*text != '\0' && !cg_validate_phone (text, &phone, &error))
    {
      cg_import_row_problem (row, COL_PHONE, "%s", error->message);
      g_clear_error (&error);
    }

  text = cg_import_row_cell (row, COL_ARRIVED_AT);
  if (*text == '\0')
    cg_import_row_problem (row, COL_ARRIVED_AT, _("The time of arrival is required"));
  else if ((arrived_at = cg_import_row_time (row, COL_ARRIVED_AT, CLOCK_TOLERANCE)) != NULL)
    {
      arrived_local = cg_datetime_utc_to_local (arrived_at);
      arrived_day = g_strndup (arrived_local, strlen ("YYYY-MM-DD"));
    }

  text = cg_import_row_cell (row, COL_LEFT_AT);
  if (*text != '\0' && (left_at = cg_import_row_time (row, COL_LEFT_AT, CLOCK_TOLERANCE)) != NULL
      && arrived_at != NULL && strcmp (left_at, arrived_at) < 0)
    {
      cg_import_row_problem (row, COL_LEFT_AT,
                             _("The visitor left (%s) before arriving (%s)"),
                             text, arrived_local);
      g_clear_pointer (&left_at, g_free);
    }

  text = cg_import_row_cell (row, COL_VISITING);
  if (*text != '\0')
    {
      g_autofree char *visited_id = NULL;

      if (!cg_validate_id_number (text, &visited_id, NULL, &error))
        {
          cg_import_row_problem (row, COL_VISITING, "%s", error->message);
          g_clear_error (&error);
        }
      else if ((visited = cg_person_find_by_id_number (row->store, visited_id, &error)) == NULL)
        {
          if (error != NULL)
            cg_import_row_problem (row, COL_VISITING, "%s", error->message);
          else
            cg_import_row_problem (row, COL_VISITING,
                                   _("No one with the ID number %s is registered: import the people register first"),
                                   visited_id);
          g_clear_error (&error);
        }
      else if (arrived_day != NULL)
        {
          const char *left_on = cg_person_get_left_on (visited);

          if (strcmp (arrived_day, cg_person_get_arrived_on (visited)) < 0)
            cg_import_row_problem (row, COL_VISITING, _("%s was not there on %s: arrived on %s"),
                                   cg_person_get_name (visited), arrived_day,
                                   cg_person_get_arrived_on (visited));
          else if (left_on != NULL && strcmp (arrived_day, left_on) > 0)
            cg_import_row_problem (row, COL_VISITING, _("%s was not there on %s: left on %s"),
                                   cg_person_get_name (visited), arrived_day, left_on);
        }
    }

  text = cg_import_row_cell (row, COL_HEALTH_CODE);
  if (*text == '\0')
    cg_import_row_problem (row, COL_HEALTH_CODE,
                           _("The health code is required: green/绿码, yellow/黄码, orange/橙码, red/红码 or none/无"));
  else if ((health_code = cg_health_code_from_string (text)) < 0)
    cg_import_row_problem (row, COL_HEALTH_CODE,
                           _("“%s” is not a health code: write green/绿码, yellow/黄码, orange/橙码, red/红码 or none/无"),
                           text);

  text = cg_import_row_cell (row, COL_RISK_TRAVEL);
  if ((risk_travel = parse_yes_no (text)) < 0)
    cg_import_row_problem (row, COL_RISK_TRAVEL, _("“%s” is neither yes/是 nor no/否"), text);

  text = cg_import_row_cell (row, COL_TEMPERATURE);
  if (!cg_temperature_parse (policy, text, &temperature, &error))
    {
      cg_import_row_problem (row, COL_TEMPERATURE, "%s", error->message);
      g_clear_error (&error);
    }

  if (!cg_symptoms_parse (cg_import_row_cell (row, COL_SYMPTOMS), &symptoms, &error))
    {
      cg_import_row_problem (row, COL_SYMPTOMS, "%s", error->message);
      g_clear_error (&error);
    }

  if (id_number != NULL && arrived_at != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s %s", id_number, arrived_at);
      guint first_line = 0;

      if (!cg_import_row_claim_key (row, key, &first_line))
        cg_import_row_problem (row, COL_ARRIVED_AT,
                               _("The visit of %s at %s is already on line %u of this file"),
                               cg_import_row_cell (row, COL_NAME), arrived_local, first_line);
    }

  if (row->bad)
    return NULL;

  g_free (visit->visitor_name);
  visit->visitor_name = g_strdup (cg_import_row_cell (row, COL_NAME));
  g_free (visit->visitor_id_number);
  visit->visitor_id_number = g_strdup (id_number);
  g_free (visit->phone);
  visit->phone = g_strdup (phone != NULL ? phone : "");
  visit->visiting_id = visited != NULL ? cg_person_get_id (visited) : 0;
  g_free (visit->relationship);
  visit->relationship = g_strdup (cg_import_row_cell (row, COL_RELATIONSHIP));
  visit->arrived_at = g_strdup (arrived_at);
  visit->arrived_on = g_strdup (arrived_day);
  visit->left_at = g_strdup (left_at);
  visit->health_code = health_code;
  visit->risk_travel = risk_travel == 1;
  visit->temperature = temperature;
  visit->symptoms = symptoms;
  visit->masked = TRUE;   /* not a column: the register's visitors wore one */

  stored_id = find_stored (row, id_number, arrived_at, &stored_refusal, &stored_left_at);
  if (row->bad)
    return NULL;

  record = g_new0 (VisitRecord, 1);
  record->stored_id = stored_id;
  *is_update = stored_id != 0;
  if (stored_id != 0)
    {
      /* The stored decision stands; the file may only bring the
       * departure of a visitor still inside. */
      visit->refusal = stored_refusal;
      record->close = stored_refusal == 0 && stored_left_at == NULL && left_at != NULL;
      if (record->close)
        {
          Span span = { g_strdup (arrived_at), g_strdup (left_at) };

          g_array_append_val (context->closed, span);
        }
      else
        {
          g_free (visit->left_at);
          visit->left_at = g_strdup (stored_left_at);
        }
    }
  else
    {
      inside = cg_visit_count_inside (row->store, arrived_at, &error);
      if (inside < 0)
        {
          cg_import_row_problem (row, -1, "%s", error != NULL ? error->message : "");
          visit_record_free (record);
          return NULL;
        }
      for (guint i = 0; i < context->admitted->len; i++)
        if (span_inside (&g_array_index (context->admitted, Span, i), arrived_at))
          inside++;
      /* A stored visitor still inside by the register whom an earlier row
       * checks out is out after that row's departure. */
      for (guint i = 0; i < context->closed->len; i++)
        {
          const Span *span = &g_array_index (context->closed, Span, i);

          if (strcmp (span->arrived_at, arrived_at) <= 0 && strcmp (span->left_at, arrived_at) <= 0)
            inside--;
        }
      record->inside = MAX (inside, 0);
      visit->refusal = cg_visit_decide (policy, visit, record->inside);
      if (visit->refusal != 0)
        g_clear_pointer (&visit->left_at, g_free);
      else
        {
          Span span = { g_strdup (arrived_at), g_strdup (left_at) };

          g_array_append_val (context->admitted, span);
        }
    }
  record->visit = g_steal_pointer (&visit);

  temperature_text = g_strdup_printf ("%.1f", temperature);
  symptom_text = cg_symptoms_describe (symptoms);
  if (record->visit->refusal != 0)
    {
      g_autofree char *reasons = cg_refusal_describe (record->visit->refusal);

      /* A refused visitor never came in: the preview says why instead of
       * a departure. */
      left_text = g_strdup_printf (_("Refused: %s"), reasons);
    }
  else
    left_text = record->visit->left_at != NULL ? cg_datetime_utc_to_local (record->visit->left_at) : g_strdup ("");

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, record->visit->visitor_name);
  g_strv_builder_add (builder, id_number);
  g_strv_builder_add (builder, record->visit->phone);
  g_strv_builder_add (builder, visited != NULL ? cg_person_get_name (visited) : "");
  g_strv_builder_add (builder, arrived_local);
  g_strv_builder_add (builder, left_text);
  g_strv_builder_add (builder, cg_health_code_label (record->visit->health_code));
  g_strv_builder_add (builder, record->visit->relationship);
  g_strv_builder_add (builder, record->visit->risk_travel ? _("Yes") : _("No"));
  g_strv_builder_add (builder, temperature_text);
  g_strv_builder_add (builder, symptom_text);
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return record;
}

static gboolean
visits_write_record (CgStore     *store,
                     gpointer     context_data,
                     gpointer     data,
                     const char  *who,
                     GError     **error)
{
  Context *context = context_data;
  VisitRecord *record = data;
  g_autoptr(CgVisit) visit = NULL;
  sqlite3_stmt *stmt;

  if (record->stored_id != 0)
    {
      if (!record->close)
        return TRUE;
      stmt = cg_store_prepare (store, "UPDATE visit SET left_at = ? WHERE id = ? AND left_at IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      cg_bind_text (stmt, 1, record->visit->left_at);
      sqlite3_bind_int64 (stmt, 2, record->stored_id);
      return cg_store_step_done (store, stmt, error)
             && cg_audit_record (store, who, "visit.check_out", record->visit->visitor_id_number,
                                 NULL, record->visit->left_at, error);
    }

  /* A copy: storing sets the row id, which a rolled-back commit must not
   * leave behind.  The decision is the one the preview showed. */
  visit = cg_visit_copy (record->visit);
  visit->id = 0;
  return cg_visit_check_in_counted_in_transaction (store, context->policy, visit,
                                                   record->inside, who, error);
}

const CgRegisterSpec cg_import_visits_register = {
  .word = "visits",
  .table = "visit",
  .columns = visit_columns,
  .n_columns = G_N_ELEMENTS (visit_columns),
  .new_context = visits_new_context,
  .free_context = context_free,
  .check_row = visits_check_row,
  .write_record = visits_write_record,
  .free_record = visit_record_free,
};
