/* cg-policy.c — the policy values an institution may change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-policy.h"

struct _CgPolicy
{
  CgInstitutionKind kind;
  double            defaults[CG_N_POLICY];
  double            values[CG_N_POLICY];
  GStrv             rules;
};

/* Keep in the order of CgPolicyKey. */
static const CgPolicyInfo infos[CG_N_POLICY] = {
  { CG_POLICY_TEST_INTERVAL_DAYS, "test_interval_days", N_("Staff test interval"), N_("days"), "CH-5", TRUE, 1, 90, 0 },
  { CG_POLICY_TEST_DUE_SOON_DAYS, "test_due_soon_days", N_("Test due soon warning"), N_("days"), "CH-5", FALSE, 0, 30, 0 },
  { CG_POLICY_ISOLATION_DAYS, "isolation_days", N_("Isolation observation for new arrivals"), N_("days"), "ALL-6", TRUE, 1, 60, 0 },
  { CG_POLICY_TEMP_NORMAL_MAX, "temp_normal_max", N_("Highest normal temperature"), N_("°C"), "ALL-3", TRUE, 36.5, 38.0, 1 },
  { CG_POLICY_TEMP_LOW_FEVER_MAX, "temp_low_fever_max", N_("Highest low fever"), N_("°C"), "ALL-3", TRUE, 37.0, 39.0, 1 },
  { CG_POLICY_TEMP_MODERATE_FEVER_MAX, "temp_moderate_fever_max", N_("Highest moderate fever"), N_("°C"), "ALL-3", TRUE, 38.0, 40.0, 1 },
  { CG_POLICY_TEMP_HIGH_FEVER_MAX, "temp_high_fever_max", N_("Highest high fever (above: hyperpyrexia)"), N_("°C"), "ALL-3", TRUE, 39.0, 42.0, 1 },
  { CG_POLICY_TEMP_RECHECK_BELOW, "temp_recheck_below", N_("Recheck readings below"), N_("°C"), "ALL-3", TRUE, 35.0, 36.5, 1 },
  { CG_POLICY_TEMP_PLAUSIBLE_MIN, "temp_plausible_min", N_("Lowest plausible reading"), N_("°C"), "ALL-3", TRUE, 30.0, 36.0, 1 },
  { CG_POLICY_TEMP_PLAUSIBLE_MAX, "temp_plausible_max", N_("Highest plausible reading"), N_("°C"), "ALL-3", TRUE, 41.0, 45.0, 1 },
  { CG_POLICY_MAX_VISITORS, "max_visitors", N_("Visitors at once"), N_("people"), "ALL-4", FALSE, 1, 100, 0 },
  { CG_POLICY_MAX_VISIT_MINUTES, "max_visit_minutes", N_("Longest visit"), N_("minutes"), "ALL-4", FALSE, 5, 480, 0 },
  { CG_POLICY_SUPPLY_FLOOR_DAYS, "supply_floor_days", N_("Supply floor"), N_("days"), "CH-6", TRUE, 1, 365, 0 },
  { CG_POLICY_SUPPLY_TARGET_DAYS, "supply_target_days", N_("Supply target"), N_("days"), "CH-6", TRUE, 1, 365, 0 },
  { CG_POLICY_REPLENISH_EVERY_DAYS, "replenish_every_days", N_("Replenish every"), N_("days"), "CH-6", TRUE, 1, 90, 0 },
  { CG_POLICY_RECENT_WINDOW_DAYS, "recent_window_days", N_("Recent use window"), N_("days"), "CH-6", FALSE, 1, 90, 0 },
  { CG_POLICY_MOURNING_LIMIT_LOW_HOURS, "mourning_limit_low_hours", N_("Mourning limit, low-risk area"), N_("hours"), "FH-5", TRUE, 1, 240, 0 },
  { CG_POLICY_MOURNING_LIMIT_MEDIUM_HOURS, "mourning_limit_medium_hours", N_("Mourning limit, medium-risk area"), N_("hours"), "FH-5", FALSE, 1, 240, 0 },
  { CG_POLICY_MOURNING_LIMIT_HIGH_HOURS, "mourning_limit_high_hours", N_("Mourning limit, high-risk area"), N_("hours"), "FH-5", FALSE, 1, 240, 0 },
  { CG_POLICY_MOURNING_WARN_HOURS, "mourning_warn_hours", N_("Warn before the mourning limit"), N_("hours"), "FH-5", FALSE, 0, 72, 0 },
  { CG_POLICY_MAX_MOURNERS, "max_mourners", N_("Mourners at once"), N_("people"), "FH-6", FALSE, 1, 500, 0 },
  { CG_POLICY_MAX_MOURNER_MINUTES, "max_mourner_minutes", N_("Longest mourner stay"), N_("minutes"), "FH-6", FALSE, 5, 480, 0 },
  { CG_POLICY_HALL_DISINFECTIONS_PER_DAY, "hall_disinfections_per_day", N_("Hall disinfections a day"), N_("times"), "FH-6", TRUE, 1, 10, 0 },
  { CG_POLICY_TRAINING_PERIOD_DAYS, "training_period_days", N_("Training or drill at least every"), N_("days"), "ALL-8", FALSE, 1, 365, 0 },
};

/* The documents' values (and the documented defaults). */
static const double document_values[CG_N_POLICY] = {
  [CG_POLICY_TEST_INTERVAL_DAYS] = 28,
  [CG_POLICY_TEST_DUE_SOON_DAYS] = 7,
  [CG_POLICY_ISOLATION_DAYS] = 14,
  [CG_POLICY_TEMP_NORMAL_MAX] = 37.0,
  [CG_POLICY_TEMP_LOW_FEVER_MAX] = 38.0,
  [CG_POLICY_TEMP_MODERATE_FEVER_MAX] = 39.0,
  [CG_POLICY_TEMP_HIGH_FEVER_MAX] = 41.0,
  [CG_POLICY_TEMP_RECHECK_BELOW] = 36.0,
  [CG_POLICY_TEMP_PLAUSIBLE_MIN] = 35.0,
  [CG_POLICY_TEMP_PLAUSIBLE_MAX] = 43.0,
  [CG_POLICY_MAX_VISITORS] = 4,
  [CG_POLICY_MAX_VISIT_MINUTES] = 30,
  [CG_POLICY_SUPPLY_FLOOR_DAYS] = 45,
  [CG_POLICY_SUPPLY_TARGET_DAYS] = 60,
  [CG_POLICY_REPLENISH_EVERY_DAYS] = 15,
  [CG_POLICY_RECENT_WINDOW_DAYS] = 14,
  [CG_POLICY_MOURNING_LIMIT_LOW_HOURS] = 72,
  [CG_POLICY_MOURNING_LIMIT_MEDIUM_HOURS] = 72,
  [CG_POLICY_MOURNING_LIMIT_HIGH_HOURS] = 72,
  [CG_POLICY_MOURNING_WARN_HOURS] = 12,
  [CG_POLICY_MAX_MOURNERS] = 50,
  [CG_POLICY_MAX_MOURNER_MINUTES] = 60,
  [CG_POLICY_HALL_DISINFECTIONS_PER_DAY] = 2,
  [CG_POLICY_TRAINING_PERIOD_DAYS] = 30,
};

const CgPolicyInfo *
cg_policy_info (CgPolicyKey key)
{
  g_return_val_if_fail (key < CG_N_POLICY, NULL);
  return &infos[key];
}

int
cg_policy_key_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < CG_N_POLICY; i++)
    if (g_strcmp0 (infos[i].id, id) == 0)
      return (int) i;
  return -1;
}

CgPolicy *
cg_policy_new_defaults (CgInstitutionKind        kind,
                        const CgPolicyOverride  *overrides,
                        guint                    n_overrides,
                        const char * const      *rules)
{
  CgPolicy *self = g_new0 (CgPolicy, 1);

  self->kind = kind;
  memcpy (self->defaults, document_values, sizeof document_values);
  for (guint i = 0; i < n_overrides; i++)
    self->defaults[overrides[i].key] = overrides[i].value;
  memcpy (self->values, self->defaults, sizeof self->values);
  self->rules = g_strdupv ((char **) rules);
  return self;
}

CgPolicy *
cg_policy_copy (const CgPolicy *self)
{
  CgPolicy *copy = g_new0 (CgPolicy, 1);

  *copy = *self;
  copy->rules = g_strdupv (self->rules);
  return copy;
}

void
cg_policy_free (CgPolicy *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->rules);
  g_free (self);
}

gboolean
cg_policy_load_changes (CgPolicy  *self,
                        CgStore   *store,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  stmt = cg_store_prepare (store, "SELECT key, value FROM policy", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* A key this version does not know (written by a newer one) is kept
       * in the table but has no effect here. */
      int key = cg_policy_key_from_id ((const char *) sqlite3_column_text (stmt, 0));

      if (key >= 0)
        self->values[key] = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_policy_applies (const CgPolicy *self,
                   const char     *rule_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rules != NULL && g_strv_contains ((const char * const *) self->rules, rule_id);
}

double
cg_policy_get (const CgPolicy *self,
               CgPolicyKey     key)
{
  g_return_val_if_fail (self != NULL && key < CG_N_POLICY, 0);
  return self->values[key];
}

int
cg_policy_get_int (const CgPolicy *self,
                   CgPolicyKey     key)
{
  return (int) lround (cg_policy_get (self, key));
}

double
cg_policy_get_default (const CgPolicy *self,
                       CgPolicyKey     key)
{
  g_return_val_if_fail (self != NULL && key < CG_N_POLICY, 0);
  return self->defaults[key];
}

gboolean
cg_policy_is_default (const CgPolicy *self,
                      CgPolicyKey     key)
{
  g_return_val_if_fail (self != NULL && key < CG_N_POLICY, TRUE);
  return fabs (self->values[key] - self->defaults[key]) < 1e-9;
}

CgInstitutionKind
cg_policy_get_kind (const CgPolicy *self)
{
  return self->kind;
}

int
cg_policy_mourning_limit_hours (const CgPolicy *self,
                                CgRiskLevel     risk)
{
  switch (risk)
    {
    case CG_RISK_HIGH: return cg_policy_get_int (self, CG_POLICY_MOURNING_LIMIT_HIGH_HOURS);
    case CG_RISK_MEDIUM: return cg_policy_get_int (self, CG_POLICY_MOURNING_LIMIT_MEDIUM_HOURS);
    case CG_RISK_LOW:
    case CG_N_RISKS:
    default: return cg_policy_get_int (self, CG_POLICY_MOURNING_LIMIT_LOW_HOURS);
    }
}

static char *
format_value (CgPolicyKey key,
              double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (infos[key].decimals == 0)
    return g_strdup_printf ("%ld", lround (value));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", value));
}

static double
stored_or_document (CgStore     *store,
                    CgPolicyKey  key,
                    gboolean    *stored)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT value FROM policy WHERE key = ?", NULL);
  double value = document_values[key];

  *stored = FALSE;
  if (stmt == NULL)
    return value;
  cg_bind_text (stmt, 1, infos[key].id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      value = sqlite3_column_double (stmt, 0);
      *stored = TRUE;
    }
  sqlite3_reset (stmt);
  return value;
}

/* The temperature bands must stay in order, or a reading could be both
 * normal and a fever. */
static gboolean
bands_in_order (CgStore     *store,
                CgPolicyKey  key,
                double       value,
                GError     **error)
{
  static const CgPolicyKey order[] = {
    CG_POLICY_TEMP_PLAUSIBLE_MIN, CG_POLICY_TEMP_RECHECK_BELOW, CG_POLICY_TEMP_NORMAL_MAX,
    CG_POLICY_TEMP_LOW_FEVER_MAX, CG_POLICY_TEMP_MODERATE_FEVER_MAX,
    CG_POLICY_TEMP_HIGH_FEVER_MAX, CG_POLICY_TEMP_PLAUSIBLE_MAX,
  };
  double previous = -G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      gboolean stored;
      double v = order[i] == key ? value : stored_or_document (store, order[i], &stored);

      if (v <= previous)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("The temperature bands must rise in order: %s cannot be %.1f °C."),
                       _(infos[key].label), value);
          return FALSE;
        }
      previous = v;
    }
  return TRUE;
}

gboolean
cg_policy_set (CgStore      *store,
               CgPolicyKey   key,
               double        value,
               const char   *who,
               GError      **error)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *what = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  const CgPolicyInfo *info;
  sqlite3_stmt *stmt;
  gboolean stored;
  double old;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (key < CG_N_POLICY, FALSE);

  info = &infos[key];
  if (!isfinite (value) || value < info->min || value > info->max)
    {
      g_autofree char *min = format_value (key, info->min);
      g_autofree char *max = format_value (key, info->max);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s must be between %s and %s %s."), _(info->label), min, max, _(info->unit));
      return FALSE;
    }
  if (info->decimals == 0 && fabs (value - round (value)) > 1e-9)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s must be a whole number."), _(info->label));
      return FALSE;
    }
  value = info->decimals == 0 ? round (value) : round (value * 10) / 10;

  if (!cg_store_begin (store, error))
    return FALSE;
  if (info->rule != NULL && g_str_equal (info->rule, "ALL-3")
      && !bands_in_order (store, key, value, error))
    goto fail;

  old = stored_or_document (store, key, &stored);
  old_text = format_value (key, old);
  new_text = format_value (key, value);
  stmt = cg_store_prepare (store,
                           "INSERT INTO policy (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3, updated_by = ?4",
                           error);
  if (stmt == NULL)
    goto fail;
  cg_bind_text (stmt, 1, info->id);
  sqlite3_bind_double (stmt, 2, value);
  cg_bind_text (stmt, 3, now);
  cg_bind_text (stmt, 4, who != NULL ? who : cg_audit_current_user ());
  if (!cg_store_step_done (store, stmt, error))
    goto fail;
  what = g_strconcat ("policy.", info->id, NULL);
  if (g_strcmp0 (old_text, new_text) != 0
      && !cg_audit_record (store, who, what, NULL, old_text, new_text, error))
    goto fail;
  if (!cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "policy");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}

gboolean
cg_policy_reset_all (CgStore     *store,
                     const char  *who,
                     GError     **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  stmt = cg_store_prepare (store, "SELECT key, value FROM policy ORDER BY key", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int key = cg_policy_key_from_id ((const char *) sqlite3_column_text (stmt, 0));

      if (key < 0)
        continue;
      g_ptr_array_add (changed, g_strdup_printf ("%d", key));
      g_ptr_array_add (changed, format_value (key, sqlite3_column_double (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      goto fail;
    }
  for (guint i = 0; i < changed->len; i += 2)
    {
      int key = atoi (changed->pdata[i]);
      g_autofree char *what = g_strconcat ("policy.", infos[key].id, NULL);
      /* No new value: the type's default applies again. */
      if (!cg_audit_record (store, who, what, "restored", changed->pdata[i + 1], NULL, error))
        goto fail;
    }
  if (!cg_store_exec (store, "DELETE FROM policy", error)
      || !cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "policy");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}
