/* cg-import-health.c — the tests and checks registers (CH-5, ALL-1/2/3/6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both registers name people by ID number: the people register must be
 * imported first.  A row that is already stored (the same sample, the same
 * check) updates it, so that importing a file twice changes nothing more.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-import-private.h"
#include "cg-institution.h"
#include "cg-nat-test.h"
#include "cg-person.h"
#include "cg-policy.h"
#include "cg-validate.h"

/* New arrivals are often sampled before they come in (ALL-6: screening
 * and a test before joining): a sample up to this many days before the
 * arrival date belongs to them; an earlier one is a typing mistake. */
#define PRE_ARRIVAL_SAMPLE_DAYS 14

/* The clocks of the PCs that write check registers differ by a few
 * minutes; cg_health_check_add() allows as much. */
#define CLOCK_TOLERANCE (10 * G_TIME_SPAN_MINUTE)

/* The person an ID number cell names, or NULL after reporting why not. */
static CgPerson *
row_person (CgImportRow  *row,
            int           column,
            char        **id_number_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = NULL;
  CgPerson *person;

  if (!cg_validate_id_number (cg_import_row_cell (row, column), &id_number, NULL, &error))
    {
      cg_import_row_problem (row, column, "%s", error->message);
      return NULL;
    }

  person = cg_person_find_by_id_number (row->store, id_number, &error);
  if (error != NULL)
    {
      cg_import_row_problem (row, column, "%s", error->message);
      return NULL;
    }
  if (person == NULL)
    {
      cg_import_row_problem (row, column,
                             _("No one with the ID number %s is registered: import the people register first"),
                             id_number);
      return NULL;
    }

  *id_number_out = g_steal_pointer (&id_number);
  return person;
}

/* ---------------------------------------------------------------------- */
/* tests                                                                   */

enum
{
  TESTS_ID_NUMBER,
  TESTS_SAMPLED_ON,
  TESTS_RESULT,
  TESTS_SITE,
  N_TESTS_COLUMNS
};

static const CgColumnSpec tests_columns[N_TESTS_COLUMNS] = {
  { "id_number",  "身份证号", N_("ID number"),  TRUE },
  { "sampled_on", "采样日期", N_("Sampled on"), TRUE },
  { "result",     "结果",     N_("Result"),     TRUE },
  { "site",       "采样点",   N_("Site"),       FALSE },
};

/* A sample as the file has it, and whether it is already stored so. */
typedef struct
{
  CgNatTest *test;
  gboolean   unchanged;
} TestRecord;

static void
test_record_free (gpointer data)
{
  TestRecord *record = data;

  cg_nat_test_free (record->test);
  g_free (record);
}

/* The sample stored for @person_id on @sampled_on: NULL when there is
 * none (or on error, reported on the row). */
static CgNatTest *
find_sample (CgImportRow *row,
             gint64       person_id,
             const char  *sampled_on)
{
  g_autoptr(GError) error = NULL;
  CgNatTest *stored = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (row->store,
                           "SELECT id, result, result_on, site FROM nat_test WHERE person_id = ? AND sampled_on = ?",
                           &error);
  if (stmt == NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  cg_bind_text (stmt, 2, sampled_on);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stored = cg_nat_test_new ();
      stored->id = sqlite3_column_int64 (stmt, 0);
      stored->person_id = person_id;
      stored->sampled_on = g_strdup (sampled_on);
      stored->result = MAX (0, cg_nat_result_from_string ((const char *) sqlite3_column_text (stmt, 1)));
      stored->result_on = cg_column_dup_text (stmt, 2);
      g_free (stored->site);
      stored->site = cg_column_dup_text (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    {
      cg_store_set_error (row->store, &error, rc);
      cg_import_row_problem (row, -1, "%s", error->message);
    }
  sqlite3_reset (stmt);
  return stored;
}

static gpointer
tests_check_row (CgImportRow *row,
                 gboolean    *is_update,
                 GStrv       *preview)
{
  g_autoptr(CgPerson) person = NULL;
  g_autoptr(CgNatTest) stored = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *sampled_on = NULL;
  TestRecord *record;
  GStrvBuilder *builder;
  const char *text;
  GDate sampled;
  GDate today;
  int result = -1;

  g_date_clear (&sampled, 1);
  cg_date_today (&today);

  person = row_person (row, TESTS_ID_NUMBER, &id_number);

  text = cg_import_row_cell (row, TESTS_SAMPLED_ON);
  if (*text == '\0')
    cg_import_row_problem (row, TESTS_SAMPLED_ON, _("The sampling date is required"));
  else if ((sampled_on = cg_date_normalize (text)) == NULL)
    cg_import_row_bad_date (row, TESTS_SAMPLED_ON, text);
  else
    {
      cg_date_parse (sampled_on, &sampled);
      if (g_date_compare (&sampled, &today) > 0)
        {
          cg_import_row_problem (row, TESTS_SAMPLED_ON,
                                 _("The sampling date %s is in the future"), sampled_on);
          g_clear_pointer (&sampled_on, g_free);
        }
    }

  text = cg_import_row_cell (row, TESTS_RESULT);
  if (*text == '\0')
    cg_import_row_problem (row, TESTS_RESULT,
                           _("A result is required: negative/阴性, positive/阳性 or pending/待出"));
  else if ((result = cg_nat_result_from_string (text)) < 0)
    cg_import_row_problem (row, TESTS_RESULT,
                           _("“%s” is not a result: write negative/阴性, positive/阳性 or pending/待出"),
                           text);

  if (person != NULL && sampled_on != NULL)
    {
      const char *arrived_on = cg_person_get_arrived_on (person);
      const char *left_on = cg_person_get_left_on (person);
      g_autofree char *key = g_strdup_printf ("%s %s", id_number, sampled_on);
      guint first_line = 0;
      GDate earliest;

      cg_date_parse (arrived_on, &earliest);
      g_date_subtract_days (&earliest, PRE_ARRIVAL_SAMPLE_DAYS);
      if (g_date_compare (&sampled, &earliest) < 0)
        cg_import_row_problem (row, TESTS_SAMPLED_ON,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "The sample of %s is more than %d day before %s arrived (on %s)",
                                            "The sample of %s is more than %d days before %s arrived (on %s)",
                                            PRE_ARRIVAL_SAMPLE_DAYS),
                               sampled_on, PRE_ARRIVAL_SAMPLE_DAYS,
                               cg_person_get_name (person), arrived_on);
      else if (left_on != NULL && strcmp (sampled_on, left_on) > 0)
        cg_import_row_problem (row, TESTS_SAMPLED_ON,
                               _("The sample of %s is after %s left (on %s)"),
                               sampled_on, cg_person_get_name (person), left_on);

      /* One sample per person and day: two rows of it would contradict
       * or repeat each other. */
      if (!cg_import_row_claim_key (row, key, &first_line))
        cg_import_row_problem (row, TESTS_SAMPLED_ON,
                               _("The sample of %s taken on %s is already on line %u of this file"),
                               cg_person_get_name (person), sampled_on, first_line);
    }

  if (row->bad)
    return NULL;

  stored = find_sample (row, cg_person_get_id (person), sampled_on);
  if (row->bad)
    return NULL;
  /* An old file must not undo a result that came in since. */
  if (stored != NULL && result == CG_NAT_PENDING && stored->result != CG_NAT_PENDING)
    {
      cg_import_row_problem (row, TESTS_RESULT,
                             _("The sample of %s taken on %s already has its result (%s): it cannot be pending again"),
                             cg_person_get_name (person), sampled_on,
                             cg_nat_result_label (stored->result));
      return NULL;
    }
  *is_update = stored != NULL;

  record = g_new0 (TestRecord, 1);
  record->test = cg_nat_test_new ();
  record->test->person_id = cg_person_get_id (person);
  record->test->sampled_on = g_strdup (sampled_on);
  record->test->result = result;
  /* A blank site keeps the one stored. */
  g_free (record->test->site);
  record->test->site = g_strdup (cg_import_row_cell (row, TESTS_SITE));
  if (stored != NULL && stored->result == (CgNatResult) result)
    {
      /* The same result again keeps the day it came in (a new result came
       * in the day of the sample, as cg_nat_test_save() has it) … */
      record->test->result_on = g_strdup (stored->result_on);
      /* … and a row that says nothing new writes nothing: importing a
       * file twice leaves the register and its audit log as they were. */
      record->unchanged = *record->test->site == '\0'
                          || g_strcmp0 (record->test->site, stored->site) == 0;
    }

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, id_number);
  g_strv_builder_add (builder, sampled_on);
  g_strv_builder_add (builder, cg_nat_result_label (result));
  g_strv_builder_add (builder, *record->test->site != '\0' || stored == NULL
                               ? record->test->site : stored->site);
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return record;
}

static gboolean
tests_write_record (CgStore     *store,
                    gpointer     context,
                    gpointer     data,
                    const char  *who,
                    GError     **error)
{
  const TestRecord *record = data;
  g_autoptr(CgNatTest) test = NULL;

  if (record->unchanged)
    return TRUE;

  /* A copy: saving normalises the test and sets its row id, which a
   * rolled-back commit must not leave behind. */
  test = cg_nat_test_new ();
  test->person_id = record->test->person_id;
  test->sampled_on = g_strdup (record->test->sampled_on);
  test->result = record->test->result;
  test->result_on = g_strdup (record->test->result_on);
  g_free (test->site);
  test->site = g_strdup (record->test->site);

  return cg_nat_test_save_in_transaction (store, test, who, error);
}

const CgRegisterSpec cg_import_tests_register = {
  .word = "tests",
  .table = "nat_test",
  .columns = tests_columns,
  .n_columns = G_N_ELEMENTS (tests_columns),
  .check_row = tests_check_row,
  .write_record = tests_write_record,
  .free_record = test_record_free,
};

/* ---------------------------------------------------------------------- */
/* checks                                                                  */

enum
{
  CHECKS_ID_NUMBER,
  CHECKS_CHECKED_AT,
  CHECKS_TEMPERATURE,
  CHECKS_SYMPTOMS,
  N_CHECKS_COLUMNS
};

static const CgColumnSpec checks_columns[N_CHECKS_COLUMNS] = {
  { "id_number",   "身份证号", N_("ID number"),   TRUE },
  { "checked_at",  "检测时间", N_("Checked at"),  TRUE },
  { "temperature", "体温",     N_("Temperature"), TRUE },
  { "symptoms",    "症状",     N_("Symptoms"),    FALSE },
};

typedef struct
{
  CgHealthCheck *check;         /* person_id, checked_at (UTC), temperature, symptoms */
  char          *id_number;
  gint64         stored_id;     /* the check already stored at that minute, or 0 */
  double         stored_temperature;
  guint          stored_symptoms;
} CheckRecord;

static void
check_record_free (gpointer data)
{
  CheckRecord *record = data;

  cg_health_check_free (record->check);
  g_free (record->id_number);
  g_free (record);
}

/* The temperature bands and the plausible range are the same for every
 * kind of institution: the documents' values and the institution's own
 * changes (core cannot ask the modules, and needs nothing of theirs). */
static gpointer
checks_new_context (CgStore  *store,
                    GError  **error)
{
  return cg_import_load_policy (store, CG_KIND_CARE_HOME, NULL, error);
}

/* The check of @person_id stored in the same minute as @utc, if any. */
static gint64
find_check (CgImportRow *row,
            gint64       person_id,
            const char  *utc,
            double      *temperature_out,
            guint       *symptoms_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *minute = g_strndup (utc, strlen ("YYYY-MM-DDTHH:MM"));
  g_autofree char *from = g_strconcat (minute, ":00Z", NULL);
  g_autofree char *to = g_strconcat (minute, ":59Z", NULL);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (from, NULL);
  g_autoptr(GDateTime) local = at != NULL ? cg_date_time_to_local (at) : NULL;
  g_autofree char *day = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  /* The local day narrows the search to the (person_id, checked_on) index:
   * without it each row scanned all of that person's checks. */
  stmt = cg_store_prepare (row->store,
                           "SELECT id, temperature, symptoms FROM health_check "
                           "WHERE person_id = ?1 AND (?4 IS NULL OR checked_on = ?4) "
                           "AND checked_at BETWEEN ?2 AND ?3 ORDER BY id LIMIT 1",
                           &error);
  if (stmt == NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  cg_bind_text (stmt, 2, from);
  cg_bind_text (stmt, 3, to);
  cg_bind_text (stmt, 4, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *temperature_out = sqlite3_column_double (stmt, 1);
      *symptoms_out = (guint) sqlite3_column_int (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      cg_store_set_error (row->store, &error, rc);
      cg_import_row_problem (row, -1, "%s", error->message);
    }
  sqlite3_reset (stmt);
  return id;
}

static gpointer
checks_check_row (CgImportRow *row,
                  gboolean    *is_update,
                  GStrv       *preview)
{
  const CgPolicy *policy = row->context;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *utc = NULL;
  g_autofree char *local = NULL;
  g_autofree char *symptom_text = NULL;
  g_autofree char *temperature_text = NULL;
  CheckRecord *record;
  GStrvBuilder *builder;
  const char *text;
  double temperature = 0.0;
  guint symptoms = 0;

  person = row_person (row, CHECKS_ID_NUMBER, &id_number);

  text = cg_import_row_cell (row, CHECKS_CHECKED_AT);
  if (*text == '\0')
    cg_import_row_problem (row, CHECKS_CHECKED_AT, _("The time of the check is required"));
  else if ((utc = cg_import_row_time (row, CHECKS_CHECKED_AT, CLOCK_TOLERANCE)) != NULL)
    local = cg_datetime_utc_to_local (utc);

  text = cg_import_row_cell (row, CHECKS_TEMPERATURE);
  if (!cg_temperature_parse (policy, text, &temperature, &error))
    {
      cg_import_row_problem (row, CHECKS_TEMPERATURE, "%s", error->message);
      g_clear_error (&error);
    }

  if (!cg_symptoms_parse (cg_import_row_cell (row, CHECKS_SYMPTOMS), &symptoms, &error))
    {
      cg_import_row_problem (row, CHECKS_SYMPTOMS, "%s", error->message);
      g_clear_error (&error);
    }

  if (person != NULL && utc != NULL)
    {
      const char *arrived_on = cg_person_get_arrived_on (person);
      const char *left_on = cg_person_get_left_on (person);
      g_autofree char *day = g_strndup (local, strlen ("YYYY-MM-DD"));
      g_autofree char *key = g_strdup_printf ("%s %.16s", id_number, utc);
      guint first_line = 0;

      if (strcmp (day, arrived_on) < 0)
        cg_import_row_problem (row, CHECKS_CHECKED_AT,
                               _("%s was not there on %s: arrived on %s"),
                               cg_person_get_name (person), day, arrived_on);
      else if (left_on != NULL && strcmp (day, left_on) > 0)
        cg_import_row_problem (row, CHECKS_CHECKED_AT,
                               _("%s was not there on %s: left on %s"),
                               cg_person_get_name (person), day, left_on);

      if (!cg_import_row_claim_key (row, key, &first_line))
        cg_import_row_problem (row, CHECKS_CHECKED_AT,
                               _("The check of %s at %s is already on line %u of this file"),
                               cg_person_get_name (person), local, first_line);
    }

  if (row->bad)
    return NULL;

  record = g_new0 (CheckRecord, 1);
  record->check = cg_health_check_new ();
  record->check->person_id = cg_person_get_id (person);
  record->check->checked_at = g_strdup (utc);
  record->check->temperature = temperature;
  record->check->symptoms = symptoms;
  record->id_number = g_strdup (id_number);
  /* The same person checked in the same minute is the same check: a file
   * imported twice does not double the register. */
  record->stored_id = find_check (row, cg_person_get_id (person), utc,
                                  &record->stored_temperature, &record->stored_symptoms);
  if (row->bad)
    {
      check_record_free (record);
      return NULL;
    }
  *is_update = record->stored_id != 0;

  temperature_text = g_strdup_printf ("%.1f", temperature);
  symptom_text = cg_symptoms_describe (symptoms);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, id_number);
  g_strv_builder_add (builder, local);
  g_strv_builder_add (builder, temperature_text);
  g_strv_builder_add (builder, symptom_text);
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return record;
}

/* A stored check read again with other values: the file is the truth,
 * as for people and samples; the old reading stays in the audit log. */
static gboolean
update_check (CgStore      *store,
              CheckRecord  *record,
              const char   *who,
              GError      **error)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  sqlite3_stmt *stmt;

  stmt = cg_store_prepare (store, "UPDATE health_check SET temperature = ?, symptoms = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, record->check->temperature);
  sqlite3_bind_int (stmt, 2, (int) record->check->symptoms);
  sqlite3_bind_int64 (stmt, 3, record->stored_id);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;

  old_value = g_strdup_printf ("%s %.1f %u", record->check->checked_at,
                               record->stored_temperature, record->stored_symptoms);
  new_value = g_strdup_printf ("%s %.1f %u", record->check->checked_at,
                               record->check->temperature, record->check->symptoms);
  return cg_audit_record (store, who, "health_check.update", record->id_number,
                          old_value, new_value, error);
}

static gboolean
checks_write_record (CgStore     *store,
                     gpointer     context,
                     gpointer     data,
                     const char  *who,
                     GError     **error)
{
  const CgPolicy *policy = context;
  CheckRecord *record = data;
  g_autoptr(CgHealthCheck) check = NULL;

  if (record->stored_id != 0)
    {
      /* Readings are kept to a tenth of a degree. */
      if ((gint64) (record->stored_temperature * 10.0 + 0.5) == (gint64) (record->check->temperature * 10.0 + 0.5)
          && record->stored_symptoms == record->check->symptoms)
        return TRUE;
      return update_check (store, record, who, error);
    }

  /* A copy: adding sets the row id and the local day, which a rolled-back
   * commit must not leave behind. */
  check = cg_health_check_new ();
  check->person_id = record->check->person_id;
  check->checked_at = g_strdup (record->check->checked_at);
  check->temperature = record->check->temperature;
  check->symptoms = record->check->symptoms;

  return cg_health_check_add_in_transaction (store, policy, check, who, error);
}

const CgRegisterSpec cg_import_checks_register = {
  .word = "checks",
  .table = "health_check",
  .columns = checks_columns,
  .n_columns = G_N_ELEMENTS (checks_columns),
  .new_context = checks_new_context,
  .free_context = (GDestroyNotify) cg_policy_free,
  .check_row = checks_check_row,
  .write_record = checks_write_record,
  .free_record = check_record_free,
};
