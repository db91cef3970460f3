/* cg-nat-test.c — nucleic-acid tests of staff and new arrivals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-nat-test.h"

static const char * const result_ids[CG_N_NAT_RESULTS] = { "pending", "negative", "positive" };
static const char * const result_zh[CG_N_NAT_RESULTS] = { "待出", "阴性", "阳性" };
static const char * const result_labels[CG_N_NAT_RESULTS] = {
  N_("Pending"), N_("Negative"), N_("Positive"),
};

const char *
cg_nat_result_to_string (CgNatResult result)
{
  g_return_val_if_fail (result < CG_N_NAT_RESULTS, NULL);
  return result_ids[result];
}

int
cg_nat_result_from_string (const char *text)
{
  g_autofree char *s = NULL;

  if (text == NULL)
    return -1;
  s = g_strstrip (g_strdup (text));
  for (guint i = 0; i < CG_N_NAT_RESULTS; i++)
    if (g_ascii_strcasecmp (s, result_ids[i]) == 0 || g_strcmp0 (s, result_zh[i]) == 0)
      return (int) i;
  return -1;
}

const char *
cg_nat_result_label (CgNatResult result)
{
  g_return_val_if_fail (result < CG_N_NAT_RESULTS, NULL);
  return _(result_labels[result]);
}

const char *
cg_nat_state_label (CgNatState state)
{
  switch (state)
    {
    case CG_NAT_STATE_OK: return _("Up to date");
    case CG_NAT_STATE_DUE_SOON: return _("Due soon");
    case CG_NAT_STATE_OVERDUE: return _("Overdue");
    case CG_NAT_STATE_NEVER: return _("No negative test");
    case CG_NAT_STATE_POSITIVE: return _("Positive");
    default: g_return_val_if_reached ("");
    }
}

CgNatTest *
cg_nat_test_new (void)
{
  CgNatTest *test = g_new0 (CgNatTest, 1);

  test->site = g_strdup ("");
  return test;
}

void
cg_nat_test_free (CgNatTest *test)
{
  if (test == NULL)
    return;
  g_free (test->sampled_on);
  g_free (test->result_on);
  g_free (test->site);
  g_free (test);
}

void
cg_nat_status_free (CgNatStatus *status)
{
  if (status == NULL)
    return;
  g_clear_object (&status->person);
  g_free (status->last_negative);
  g_free (status->next_due);
  g_free (status->latest_sampled_on);
  g_free (status);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cg_nat_test_save_in_transaction (CgStore     *store,
                                 CgNatTest   *test,
                                 const char  *who,
                                 GError     **error)
{
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *sampled = NULL;
  g_autofree char *result_on = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *audit_value = NULL;
  GDate sampled_date, today;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (test != NULL, FALSE);

  if (test->result >= CG_N_NAT_RESULTS)
    return refuse (error, _("Result: choose negative, positive or pending."));
  person = cg_person_load (store, test->person_id, error);
  if (person == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This person is not in the register."));
      return FALSE;
    }
  sampled = cg_date_normalize (test->sampled_on);
  if (sampled == NULL)
    return refuse (error, _("Sampling date: not a date (use YYYY-MM-DD)."));
  cg_date_parse (sampled, &sampled_date);
  cg_date_today (&today);
  if (g_date_compare (&sampled_date, &today) > 0)
    return refuse (error, _("Sampling date: the date is in the future."));
  {
    /* A test shortly before arrival belongs to the admission; anything
     * earlier, or after the person left, is someone else's business. */
    GDate earliest, left;

    cg_date_parse (cg_person_get_arrived_on (person), &earliest);
    g_date_subtract_days (&earliest, 14);
    if (g_date_compare (&sampled_date, &earliest) < 0)
      return refuse (error, _("Sampling date: more than 14 days before this person arrived."));
    if (cg_person_get_left_on (person) != NULL
        && cg_date_parse (cg_person_get_left_on (person), &left)
        && g_date_compare (&sampled_date, &left) > 0)
      return refuse (error, _("Sampling date: after this person left."));
  }
  if (test->result == CG_NAT_PENDING)
    g_clear_pointer (&test->result_on, g_free);
  else if (test->result_on == NULL || *test->result_on == '\0')
    /* A result typed in without its date came back the day it was sampled. */
    result_on = g_strdup (sampled);
  else
    {
      GDate result_date;

      result_on = cg_date_normalize (test->result_on);
      if (result_on == NULL)
        return refuse (error, _("Result date: not a date (use YYYY-MM-DD)."));
      cg_date_parse (result_on, &result_date);
      if (g_date_compare (&result_date, &sampled_date) < 0)
        return refuse (error, _("Result date: the result cannot come before the sample."));
      if (g_date_compare (&result_date, &today) > 0)
        return refuse (error, _("Result date: the date is in the future."));
    }

  stmt = cg_store_prepare (store,
                           "INSERT INTO nat_test (person_id, sampled_on, result, result_on, site, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                           "ON CONFLICT (person_id, sampled_on) DO UPDATE SET result = ?3, result_on = ?4, "
                           "site = CASE WHEN ?5 = '' THEN site ELSE ?5 END, updated_at = ?6 "
                           "RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, test->person_id);
  cg_bind_text (stmt, 2, sampled);
  cg_bind_text (stmt, 3, result_ids[test->result]);
  cg_bind_text (stmt, 4, result_on);
  cg_bind_text (stmt, 5, test->site != NULL ? g_strstrip (test->site) : "");
  cg_bind_text (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cg_store_set_error (store, error, sqlite3_extended_errcode (cg_store_get_db (store)));
      sqlite3_reset (stmt);
      return FALSE;
    }
  test->id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  g_free (test->sampled_on);
  test->sampled_on = g_steal_pointer (&sampled);
  g_free (test->result_on);
  test->result_on = g_steal_pointer (&result_on);

  audit_value = g_strdup_printf ("%s %s", test->sampled_on, result_ids[test->result]);
  return cg_audit_record (store, who, "nat_test.save", cg_person_get_id_number (person),
                          NULL, audit_value, error);
}

gboolean
cg_nat_test_save (CgStore     *store,
                  CgNatTest   *test,
                  const char  *who,
                  GError     **error)
{
  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_nat_test_save_in_transaction (store, test, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, "nat_test");
  return TRUE;
}

GPtrArray *
cg_nat_test_list_for_person (CgStore  *store,
                             gint64    person_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_nat_test_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT id, person_id, sampled_on, result, result_on, site FROM nat_test "
                           "WHERE person_id = ? ORDER BY sampled_on DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgNatTest *test = g_new0 (CgNatTest, 1);

      test->id = sqlite3_column_int64 (stmt, 0);
      test->person_id = sqlite3_column_int64 (stmt, 1);
      test->sampled_on = cg_column_dup_text (stmt, 2);
      test->result = MAX (0, cg_nat_result_from_string ((const char *) sqlite3_column_text (stmt, 3)));
      test->result_on = cg_column_dup_text (stmt, 4);
      test->site = cg_column_dup_text (stmt, 5);
      g_ptr_array_add (tests, test);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&tests);
}

GPtrArray *
cg_nat_status_list (CgStore         *store,
                    const CgPolicy  *policy,
                    const GDate     *date,
                    int              kind,
                    GError         **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_nat_status_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *day = cg_date_to_iso (date);
  int interval = cg_policy_get_int (policy, CG_POLICY_TEST_INTERVAL_DAYS);
  int due_soon = cg_policy_get_int (policy, CG_POLICY_TEST_DUE_SOON_DAYS);
  sqlite3_stmt *stmt;
  int rc;

  people = cg_people_present_on (store, date, kind, error);
  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    {
      CgNatStatus *status = g_new0 (CgNatStatus, 1);
      gint64 *key = g_new (gint64, 1);

      status->person = g_object_ref (people->pdata[i]);
      status->state = CG_NAT_STATE_NEVER;
      g_ptr_array_add (statuses, status);
      *key = cg_person_get_id (status->person);
      g_hash_table_insert (by_id, key, status);
    }

  /* Tests known on the day, oldest first, so the last one seen wins. */
  stmt = cg_store_prepare (store,
                           "SELECT person_id, id, sampled_on, "
                           "       CASE WHEN result_on IS NULL OR result_on > ?1 THEN 'pending' ELSE result END "
                           "FROM nat_test WHERE sampled_on <= ?1 ORDER BY person_id, sampled_on",
                           error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);
      CgNatStatus *status = g_hash_table_lookup (by_id, &person_id);
      const char *sampled = (const char *) sqlite3_column_text (stmt, 2);
      int result = cg_nat_result_from_string ((const char *) sqlite3_column_text (stmt, 3));

      if (status == NULL)
        continue;
      if (result == CG_NAT_PENDING)
        {
          /* A pending sample counts for nothing until its result is in. */
          status->pending = TRUE;
          continue;
        }
      status->pending = FALSE;
      status->latest_id = sqlite3_column_int64 (stmt, 1);
      g_free (status->latest_sampled_on);
      status->latest_sampled_on = g_strdup (sampled);
      status->latest_result = result;
      if (result == CG_NAT_NEGATIVE)
        {
          g_free (status->last_negative);
          status->last_negative = g_strdup (sampled);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      CgNatStatus *status = statuses->pdata[i];
      GDate due;

      if (status->last_negative != NULL)
        {
          cg_date_parse (status->last_negative, &due);
          g_date_add_days (&due, (guint) interval);
          status->next_due = cg_date_to_iso (&due);
          status->days_left = g_date_days_between (date, &due);
          if (status->days_left < 0)
            status->state = CG_NAT_STATE_OVERDUE;
          else if (status->days_left <= due_soon)
            status->state = CG_NAT_STATE_DUE_SOON;
          else
            status->state = CG_NAT_STATE_OK;
        }
      if (status->latest_id != 0 && status->latest_result == CG_NAT_POSITIVE)
        status->state = CG_NAT_STATE_POSITIVE;
    }
  return g_steal_pointer (&statuses);
}
