/* cg-import-services.c — the `services` and `mourners` registers of
 * interfaces.md (FH-5, FH-6, FH-7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A services row is a funeral service of forms.md's 治丧登记: the deceased,
 * the family contact, the hall, the local start and end, and whether the
 * deceased was a suspected or confirmed COVID-19 case.  Each is checked as
 * the form checks it (cg_service_validate, with the institution's area
 * risk): a COVID-19 case with a hall is refused.  The planned end is the
 * mourning limit.  A register of past services may carry their end: it is
 * stored as written (the disinfection log is imported on its own), and
 * FH-5 flags a service that lasted too long.
 *
 * A mourners row names its service by number (治丧编号) or by the
 * deceased's ID number (the latest service of that deceased started at or
 * before the arrival), and is decided as the hall's check-in decides
 * (cg_mourner_decide), with the hall as it was at that arrival: the stored
 * mourners and the file's earlier rows.  The file has no health-code
 * column: the mourners it lists had a green code.
 *
 * A row already stored (same deceased and start; same service, mourner
 * and arrival) writes nothing, so that importing a file twice changes
 * nothing more.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-import-private.h"
#include "cg-institution.h"
#include "cg-policy.h"
#include "cg-service-private.h"
#include "cg-validate.h"

/* ---------------------------------------------------------------------- */
/* Shared                                                                  */

typedef struct
{
  gint64  service_id;
  char   *arrived_at;
  char   *left_at;     /* NULL: still inside */
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
  CgPolicy    *policy;
  CgRiskLevel  risk;
  GArray      *admitted;   /* Span: the file's earlier admitted mourners */
} Context;

static void
context_free (gpointer data)
{
  Context *context = data;

  cg_policy_free (context->policy);
  g_array_unref (context->admitted);
  g_free (context);
}

/* The policy as the forms have it, and the area risk. */
static gpointer
funeral_new_context (CgStore  *store,
                     GError  **error)
{
  Context *context;
  CgRiskLevel risk = CG_RISK_LOW;
  CgPolicy *policy = cg_import_load_policy (store, CG_KIND_FUNERAL_HOME, &risk, error);

  if (policy == NULL)
    return NULL;
  context = g_new0 (Context, 1);
  context->policy = policy;
  context->risk = risk;
  context->admitted = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (context->admitted, span_clear);
  return context;
}

/* Whether @sql (one text parameter per @a, @b, @c) finds a row; -1 after
 * reporting a database error. */
static int
exists (CgImportRow *row,
        const char  *sql,
        const char  *a,
        const char  *b,
        gint64       n)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (row->store, sql, &error);
  if (stmt == NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return -1;
    }
  cg_bind_text (stmt, 1, a);
  cg_bind_text (stmt, 2, b);
  if (n != 0)
    sqlite3_bind_int64 (stmt, 3, n);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cg_store_set_error (row->store, &error, rc);
      cg_import_row_problem (row, -1, "%s", error->message);
      return -1;
    }
  return rc == SQLITE_ROW;
}

/* ---------------------------------------------------------------------- */
/* services                                                                */

enum
{
  SCOL_NAME,
  SCOL_ID_NUMBER,
  SCOL_CONTACT,
  SCOL_PHONE,
  SCOL_HALL,
  SCOL_STARTED_AT,
  SCOL_ENDED_AT,
  SCOL_COVID,
  N_SERVICE_COLUMNS
};

static const CgColumnSpec service_columns[N_SERVICE_COLUMNS] = {
  { "deceased_name",      "逝者姓名",     N_("Deceased"),        TRUE },
  { "deceased_id_number", "逝者身份证号", N_("ID number"),       TRUE },
  { "family_contact",     "家属联系人",   N_("Family contact"),  TRUE },
  { "phone",              "电话",         N_("Phone"),           FALSE },
  { "hall",               "灵堂",         N_("Hall"),            FALSE },
  { "started_at",         "开始时间",     N_("Start"),           TRUE },
  { "ended_at",           "结束时间",     N_("End"),             FALSE },
  { "covid",              "新冠情况",     N_("COVID-19"),        TRUE },
};

typedef struct
{
  CgService *service;
  gboolean   unchanged;
} ServiceRecord;

static void
service_record_free (gpointer data)
{
  ServiceRecord *record = data;

  cg_service_free (record->service);
  g_free (record);
}

static gpointer
services_check_row (CgImportRow *row,
                    gboolean    *is_update,
                    GStrv       *preview)
{
  Context *context = row->context;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgService) service = cg_service_new ();
  g_autofree char *id_number = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *ended_at = NULL;
  g_autofree char *key = NULL;
  g_autofree char *start_local = NULL;
  g_autofree char *end_local = NULL;
  ServiceRecord *record;
  GStrvBuilder *builder;
  const char *text;
  guint first_line;
  int covid = -1;
  int stored;

  if (*cg_import_row_cell (row, SCOL_NAME) == '\0')
    cg_import_row_problem (row, SCOL_NAME, _("The name of the deceased is required"));
  else
    cg_import_row_check_length (row, SCOL_NAME, 30);
  if (!cg_validate_id_number (cg_import_row_cell (row, SCOL_ID_NUMBER), &id_number, NULL, &error))
    {
      cg_import_row_problem (row, SCOL_ID_NUMBER, "%s", error->message);
      g_clear_error (&error);
    }
  if (*cg_import_row_cell (row, SCOL_CONTACT) == '\0')
    cg_import_row_problem (row, SCOL_CONTACT, _("The family contact is required"));
  else
    cg_import_row_check_length (row, SCOL_CONTACT, 30);
  text = cg_import_row_cell (row, SCOL_PHONE);
  if (*text != '\0' && !cg_validate_phone (text, NULL, &error))
    {
      cg_import_row_problem (row, SCOL_PHONE, "%s", error->message);
      g_clear_error (&error);
    }
  cg_import_row_check_length (row, SCOL_HALL, 60);
  if (*cg_import_row_cell (row, SCOL_STARTED_AT) == '\0')
    cg_import_row_problem (row, SCOL_STARTED_AT, _("The start is required"));
  else
    started_at = cg_import_row_time (row, SCOL_STARTED_AT, CG_SERVICE_CLOCK_TOLERANCE);
  if (*cg_import_row_cell (row, SCOL_ENDED_AT) != '\0')
    {
      ended_at = cg_import_row_time (row, SCOL_ENDED_AT, CG_SERVICE_CLOCK_TOLERANCE);
      if (ended_at != NULL && started_at != NULL && strcmp (ended_at, started_at) < 0)
        cg_import_row_problem (row, SCOL_ENDED_AT, _("The service ends before it starts"));
    }
  text = cg_import_row_cell (row, SCOL_COVID);
  covid = cg_covid_status_from_string (text);
  if (covid < 0)
    cg_import_row_problem (row, SCOL_COVID,
                           _("“%s” is not a COVID-19 status: write none, suspected or confirmed (无, 疑似 or 确诊)"),
                           text);
  else if (covid != CG_COVID_NONE && *cg_import_row_cell (row, SCOL_HALL) != '\0')
    cg_import_row_problem (row, SCOL_HALL,
                           _("The remains of a suspected or confirmed COVID-19 case are neither stored nor viewed: leave the hall empty (FH-7)"));
  if (row->bad)
    return NULL;

  g_free (service->deceased_name);
  service->deceased_name = g_strdup (cg_import_row_cell (row, SCOL_NAME));
  service->deceased_id_number = g_strdup (id_number);
  service->family_contact = g_strdup (cg_import_row_cell (row, SCOL_CONTACT));
  g_free (service->phone);
  service->phone = g_strdup (cg_import_row_cell (row, SCOL_PHONE));
  g_free (service->hall);
  service->hall = g_strdup (cg_import_row_cell (row, SCOL_HALL));
  service->started_at = g_strdup (started_at);
  service->ended_at = g_strdup (ended_at);
  service->covid = covid;
  if (!cg_service_validate (context->policy, context->risk, service, &error))
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }

  key = g_strdup_printf ("%s\x1f%s", service->deceased_id_number, service->started_at);
  if (!cg_import_row_claim_key (row, key, &first_line))
    {
      cg_import_row_problem (row, -1, _("The same service (deceased and start) is on line %u already"), first_line);
      return NULL;
    }
  stored = exists (row, "SELECT 1 FROM service WHERE deceased_id_number = ? AND started_at = ?",
                   service->deceased_id_number, service->started_at, 0);
  if (stored < 0)
    return NULL;

  record = g_new0 (ServiceRecord, 1);
  record->unchanged = stored > 0;
  *is_update = record->unchanged;

  start_local = cg_datetime_utc_to_local (service->started_at);
  end_local = service->ended_at != NULL ? cg_datetime_utc_to_local (service->ended_at) : g_strdup ("");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, service->deceased_name);
  {
    g_autofree char *masked = cg_mask_id_number (service->deceased_id_number);

    g_strv_builder_add (builder, masked);
  }
  g_strv_builder_add (builder, service->family_contact);
  g_strv_builder_add (builder, service->phone);
  g_strv_builder_add (builder, service->hall);
  g_strv_builder_add (builder, start_local);
  g_strv_builder_add (builder, end_local);
  g_strv_builder_add (builder, cg_covid_status_label (service->covid));
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  record->service = g_steal_pointer (&service);
  return record;
}

static gboolean
services_write_record (CgStore     *store,
                       gpointer     context_data,
                       gpointer     data,
                       const char  *who,
                       GError     **error)
{
  Context *context = context_data;
  const ServiceRecord *record = data;
  g_autoptr(CgService) copy = NULL;

  if (record->unchanged)
    return TRUE;
  /* A copy: adding sets the id, which a rolled-back commit must not leave
   * behind. */
  copy = cg_service_copy (record->service);
  copy->id = 0;
  return cg_service_add_in_transaction (store, context->policy, copy, who, error);
}

const CgRegisterSpec cg_import_services_register = {
  .word = "services",
  .table = "service",
  .columns = service_columns,
  .n_columns = G_N_ELEMENTS (service_columns),
  .new_context = funeral_new_context,
  .free_context = context_free,
  .check_row = services_check_row,
  .write_record = services_write_record,
  .free_record = service_record_free,
};

/* ---------------------------------------------------------------------- */
/* mourners                                                                */

enum
{
  MCOL_SERVICE,
  MCOL_DECEASED,
  MCOL_NAME,
  MCOL_PHONE,
  MCOL_ARRIVED_AT,
  MCOL_LEFT_AT,
  MCOL_TEMPERATURE,
  MCOL_SYMPTOMS,
  N_MOURNER_COLUMNS
};

/* service/治丧编号 or deceased_id_number/逝者身份证号: one of the two is
 * required, which the row check says. */
static const CgColumnSpec mourner_columns[N_MOURNER_COLUMNS] = {
  { "service",            "治丧编号",     N_("Service"),      FALSE },
  { "deceased_id_number", "逝者身份证号", N_("Deceased"),     FALSE },
  { "name",               "姓名",         N_("Name"),         TRUE },
  { "phone",              "电话",         N_("Phone"),        FALSE },
  { "arrived_at",         "到达时间",     N_("Arrived"),      TRUE },
  { "left_at",            "离开时间",     N_("Left"),         FALSE },
  { "temperature",        "体温",         N_("Temperature"),  TRUE },
  { "symptoms",           "症状",         N_("Symptoms"),     FALSE },
};

typedef struct
{
  CgMourner *mourner;
  int        inside;
  gboolean   unchanged;
} MournerRecord;

static void
mourner_record_free (gpointer data)
{
  MournerRecord *record = data;

  cg_mourner_free (record->mourner);
  g_free (record);
}

/* The service the row names, or NULL after reporting why not. */
static CgService *
row_service (CgImportRow *row,
             const char  *arrived_at)
{
  g_autoptr(GError) error = NULL;
  const char *number = cg_import_row_cell (row, MCOL_SERVICE);
  const char *deceased = cg_import_row_cell (row, MCOL_DECEASED);
  CgService *service = NULL;

  if (*number != '\0')
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (number, &end, 10);

      if (end == number || *end != '\0' || id <= 0)
        {
          cg_import_row_problem (row, MCOL_SERVICE, _("“%s” is not a service number"), number);
          return NULL;
        }
      service = cg_service_get (row->store, id, &error);
      if (service == NULL)
        cg_import_row_problem (row, MCOL_SERVICE, "%s", error->message);
      return service;
    }
  if (*deceased == '\0')
    {
      cg_import_row_problem (row, -1, _("Name the service: its number (治丧编号) or the deceased’s ID number (逝者身份证号)"));
      return NULL;
    }
  {
    g_autofree char *id_number = NULL;

    if (!cg_validate_id_number (deceased, &id_number, NULL, &error))
      {
        cg_import_row_problem (row, MCOL_DECEASED, "%s", error->message);
        return NULL;
      }
    service = cg_service_find_deceased (row->store, id_number, arrived_at, &error);
    if (service == NULL)
      {
        if (error != NULL)
          cg_import_row_problem (row, MCOL_DECEASED, "%s", error->message);
        else
          cg_import_row_problem (row, MCOL_DECEASED,
                                 _("No service of the deceased %s started before this arrival: import the services first"),
                                 id_number);
      }
  }
  return service;
}

static gpointer
mourners_check_row (CgImportRow *row,
                    gboolean    *is_update,
                    GStrv       *preview)
{
  Context *context = row->context;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgMourner) m = cg_mourner_new ();
  g_autoptr(CgService) service = NULL;
  g_autofree char *arrived_at = NULL;
  g_autofree char *left_at = NULL;
  g_autofree char *key = NULL;
  g_autofree char *arrived_local = NULL;
  g_autofree char *left_local = NULL;
  g_autofree char *temperature_text = NULL;
  g_autofree char *symptom_text = NULL;
  g_autofree char *service_text = NULL;
  MournerRecord *record;
  GStrvBuilder *builder;
  const char *text;
  double temperature = 0.0;
  guint symptoms = 0;
  guint first_line;
  int stored;
  int inside;

  if (*cg_import_row_cell (row, MCOL_NAME) == '\0')
    cg_import_row_problem (row, MCOL_NAME, _("The mourner’s name is required"));
  else
    cg_import_row_check_length (row, MCOL_NAME, 30);
  text = cg_import_row_cell (row, MCOL_PHONE);
  if (*text != '\0' && !cg_validate_phone (text, NULL, &error))
    {
      cg_import_row_problem (row, MCOL_PHONE, "%s", error->message);
      g_clear_error (&error);
    }
  if (*cg_import_row_cell (row, MCOL_ARRIVED_AT) == '\0')
    cg_import_row_problem (row, MCOL_ARRIVED_AT, _("The time of arrival is required"));
  else
    arrived_at = cg_import_row_time (row, MCOL_ARRIVED_AT, CG_SERVICE_CLOCK_TOLERANCE);
  if (*cg_import_row_cell (row, MCOL_LEFT_AT) != '\0')
    {
      left_at = cg_import_row_time (row, MCOL_LEFT_AT, CG_SERVICE_CLOCK_TOLERANCE);
      if (left_at != NULL && arrived_at != NULL && strcmp (left_at, arrived_at) < 0)
        cg_import_row_problem (row, MCOL_LEFT_AT, _("The mourner left before arriving"));
    }
  text = cg_import_row_cell (row, MCOL_TEMPERATURE);
  if (*text == '\0')
    cg_import_row_problem (row, MCOL_TEMPERATURE, _("The temperature is required"));
  else if (!cg_temperature_parse (context->policy, text, &temperature, &error))
    {
      cg_import_row_problem (row, MCOL_TEMPERATURE, "%s", error->message);
      g_clear_error (&error);
    }
  text = cg_import_row_cell (row, MCOL_SYMPTOMS);
  if (*text != '\0' && !cg_symptoms_parse (text, &symptoms, &error))
    {
      cg_import_row_problem (row, MCOL_SYMPTOMS, "%s", error->message);
      g_clear_error (&error);
    }
  if (arrived_at != NULL)
    service = row_service (row, arrived_at);
  if (row->bad)
    return NULL;

  m->service_id = service->id;
  m->name = g_strdup (cg_import_row_cell (row, MCOL_NAME));
  g_free (m->phone);
  m->phone = g_strdup (cg_import_row_cell (row, MCOL_PHONE));
  m->arrived_at = g_strdup (arrived_at);
  m->left_at = g_strdup (left_at);
  m->temperature = temperature;
  m->symptoms = symptoms;
  /* The FH-7 refusal, an arrival outside the service … */
  if (!cg_mourner_validate (row->store, context->policy, m, &error))
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s", m->service_id, m->name, m->arrived_at);
  if (!cg_import_row_claim_key (row, key, &first_line))
    {
      cg_import_row_problem (row, -1, _("The same mourner (service, name and arrival) is on line %u already"),
                             first_line);
      return NULL;
    }
  stored = exists (row, "SELECT 1 FROM mourner WHERE name = ?1 AND arrived_at = ?2 AND service_id = ?3",
                   m->name, m->arrived_at, m->service_id);
  if (stored < 0)
    return NULL;

  /* The hall at this arrival: the stored mourners and the file's earlier
   * admitted rows. */
  inside = cg_mourner_count_inside (row->store, m->service_id, m->arrived_at, &error);
  if (inside < 0)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < context->admitted->len; i++)
    {
      const Span *span = &g_array_index (context->admitted, Span, i);

      if (span->service_id == m->service_id && strcmp (span->arrived_at, m->arrived_at) <= 0
          && (span->left_at == NULL || strcmp (span->left_at, m->arrived_at) > 0))
        inside++;
    }
  m->refusal = cg_mourner_decide (context->policy, m, inside);
  if (m->refusal == 0 && stored == 0)
    {
      Span span = { m->service_id, g_strdup (m->arrived_at), g_strdup (m->left_at) };

      g_array_append_val (context->admitted, span);
    }

  record = g_new0 (MournerRecord, 1);
  record->inside = inside;
  record->unchanged = stored > 0;
  *is_update = record->unchanged;

  service_text = g_strdup_printf ("%" G_GINT64_FORMAT, m->service_id);
  arrived_local = cg_datetime_utc_to_local (m->arrived_at);
  left_local = m->left_at != NULL ? cg_datetime_utc_to_local (m->left_at) : g_strdup ("");
  temperature_text = g_strdup_printf ("%.1f", m->temperature);
  symptom_text = cg_symptoms_describe (m->symptoms);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, service_text);
  g_strv_builder_add (builder, service->deceased_name);
  g_strv_builder_add (builder, m->name);
  g_strv_builder_add (builder, m->phone);
  g_strv_builder_add (builder, arrived_local);
  g_strv_builder_add (builder, left_local);
  g_strv_builder_add (builder, temperature_text);
  g_strv_builder_add (builder, symptom_text);
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  record->mourner = g_steal_pointer (&m);
  return record;
}

static gboolean
mourners_write_record (CgStore     *store,
                       gpointer     context_data,
                       gpointer     data,
                       const char  *who,
                       GError     **error)
{
  Context *context = context_data;
  const MournerRecord *record = data;
  g_autoptr(CgMourner) copy = NULL;

  if (record->unchanged)
    return TRUE;
  copy = cg_mourner_copy (record->mourner);
  copy->id = 0;
  return cg_mourner_check_in_counted_in_transaction (store, context->policy, copy, record->inside, who, error);
}

const CgRegisterSpec cg_import_mourners_register = {
  .word = "mourners",
  .table = "mourner",
  .columns = mourner_columns,
  .n_columns = G_N_ELEMENTS (mourner_columns),
  .new_context = funeral_new_context,
  .free_context = context_free,
  .check_row = mourners_check_row,
  .write_record = mourners_write_record,
  .free_record = mourner_record_free,
};
