/* cg-institution.c — the institution profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-institution.h"
#include "cg-stock.h"
#include "cg-validate.h"

static const char * const kind_ids[CG_N_KINDS] = {
  "care-home", "child-welfare", "rescue-station", "funeral-home",
};
static const char * const kind_labels[CG_N_KINDS] = {
  N_("Care home"), N_("Child welfare institution"), N_("Rescue station"), N_("Funeral home"),
};
static const char * const risk_ids[CG_N_RISKS] = { "low", "medium", "high" };
static const char * const risk_labels[CG_N_RISKS] = {
  N_("Low risk"), N_("Medium risk"), N_("High risk"),
};

#define MAX_BEDS 100000

CgInstitution *
cg_institution_new (void)
{
  CgInstitution *self = g_new0 (CgInstitution, 1);

  self->name = g_strdup ("");
  self->district = g_strdup ("");
  self->director = g_strdup ("");
  self->phone = g_strdup ("");
  return self;
}

void
cg_institution_free (CgInstitution *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->district);
  g_free (self->director);
  g_free (self->phone);
  g_free (self);
}

CgInstitution *
cg_institution_copy (const CgInstitution *self)
{
  CgInstitution *copy = g_new0 (CgInstitution, 1);

  *copy = *self;
  copy->name = g_strdup (self->name);
  copy->district = g_strdup (self->district);
  copy->director = g_strdup (self->director);
  copy->phone = g_strdup (self->phone);
  return copy;
}

const char *
cg_institution_kind_to_string (CgInstitutionKind kind)
{
  g_return_val_if_fail (kind < CG_N_KINDS, NULL);
  return kind_ids[kind];
}

int
cg_institution_kind_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < CG_N_KINDS; i++)
    if (g_ascii_strcasecmp (text, kind_ids[i]) == 0)
      return (int) i;
  return -1;
}

const char *
cg_institution_kind_label (CgInstitutionKind kind)
{
  g_return_val_if_fail (kind < CG_N_KINDS, NULL);
  return _(kind_labels[kind]);
}

const char *
cg_risk_level_to_string (CgRiskLevel risk)
{
  g_return_val_if_fail (risk < CG_N_RISKS, NULL);
  return risk_ids[risk];
}

int
cg_risk_level_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < CG_N_RISKS; i++)
    if (g_ascii_strcasecmp (text, risk_ids[i]) == 0)
      return (int) i;
  return -1;
}

const char *
cg_risk_level_label (CgRiskLevel risk)
{
  g_return_val_if_fail (risk < CG_N_RISKS, NULL);
  return _(risk_labels[risk]);
}

static char *
strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

gboolean
cg_institution_validate (const CgInstitution  *self,
                         GError              **error)
{
  g_autofree char *name = strip_dup (self->name);
  g_autoptr(GError) local_error = NULL;

  if (*name == '\0')
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The institution needs a name."));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > 100)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The institution name is too long (at most 100 characters)."));
      return FALSE;
    }
  if ((guint) self->kind >= CG_N_KINDS)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("Choose the type of institution."));
      return FALSE;
    }
  if ((guint) self->risk >= CG_N_RISKS)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("Choose the risk level of the area."));
      return FALSE;
    }
  if (self->beds < 0 || self->beds > MAX_BEDS)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The bed capacity must be between 0 and %d."), MAX_BEDS);
      return FALSE;
    }
  if (self->phone != NULL && *self->phone != '\0'
      && !cg_validate_phone (self->phone, NULL, &local_error))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("Contact phone: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

CgInstitution *
cg_institution_load (CgStore  *store,
                     GError  **error)
{
  CgInstitution *self;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT name, kind, district, beds, risk, director, phone "
                           "FROM institution WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      sqlite3_reset (stmt);
      return NULL;
    }
  self = g_new0 (CgInstitution, 1);
  self->name = cg_column_dup_text (stmt, 0);
  self->kind = MAX (0, cg_institution_kind_from_string ((const char *) sqlite3_column_text (stmt, 1)));
  self->district = cg_column_dup_text (stmt, 2);
  self->beds = sqlite3_column_int (stmt, 3);
  self->risk = MAX (0, cg_risk_level_from_string ((const char *) sqlite3_column_text (stmt, 4)));
  self->director = cg_column_dup_text (stmt, 5);
  self->phone = cg_column_dup_text (stmt, 6);
  sqlite3_reset (stmt);
  return self;
}

static gboolean
audit_field (CgStore     *store,
             const char  *who,
             const char  *what,
             const char  *old_value,
             const char  *new_value,
             GError     **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  return cg_audit_record (store, who, what, NULL, old_value, new_value, error);
}

static gboolean
people_registered (CgStore *store)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM person)", NULL);
  gboolean any = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return any;
}

static gboolean
save_in_transaction (CgStore              *store,
                     const CgInstitution  *old,
                     const CgInstitution  *self,
                     const char           *who,
                     GError              **error)
{
  g_autofree char *name = strip_dup (self->name);
  g_autofree char *district = strip_dup (self->district);
  g_autofree char *director = strip_dup (self->director);
  g_autofree char *phone = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *old_beds = NULL;
  g_autofree char *new_beds = NULL;
  sqlite3_stmt *stmt;

  if (self->phone != NULL && *self->phone != '\0')
    cg_validate_phone (self->phone, &phone, NULL);
  else
    phone = g_strdup ("");

  if (old != NULL && old->kind != self->kind && people_registered (store))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The type of institution cannot change once people are registered."));
      return FALSE;
    }

  stmt = cg_store_prepare (store,
                           "INSERT INTO institution (id, name, kind, district, beds, risk, director, phone, created_at, updated_at) "
                           "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
                           "ON CONFLICT (id) DO UPDATE SET name = ?1, kind = ?2, district = ?3, beds = ?4, "
                           "risk = ?5, director = ?6, phone = ?7, updated_at = ?8", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, name);
  cg_bind_text (stmt, 2, cg_institution_kind_to_string (self->kind));
  cg_bind_text (stmt, 3, district);
  sqlite3_bind_int (stmt, 4, self->beds);
  cg_bind_text (stmt, 5, cg_risk_level_to_string (self->risk));
  cg_bind_text (stmt, 6, director);
  cg_bind_text (stmt, 7, phone);
  cg_bind_text (stmt, 8, now);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;

  if (old == NULL)
    return cg_audit_record (store, who, "institution.create", name, NULL,
                            cg_institution_kind_to_string (self->kind), error);

  old_beds = g_strdup_printf ("%d", old->beds);
  new_beds = g_strdup_printf ("%d", self->beds);
  return audit_field (store, who, "institution.name", old->name, name, error)
      && audit_field (store, who, "institution.kind", cg_institution_kind_to_string (old->kind),
                      cg_institution_kind_to_string (self->kind), error)
      && audit_field (store, who, "institution.district", old->district, district, error)
      && audit_field (store, who, "institution.beds", old_beds, new_beds, error)
      && audit_field (store, who, "institution.risk", cg_risk_level_to_string (old->risk),
                      cg_risk_level_to_string (self->risk), error)
      && audit_field (store, who, "institution.director", old->director, director, error)
      && audit_field (store, who, "institution.phone", old->phone, phone, error);
}

gboolean
cg_institution_save_in_transaction (CgStore              *store,
                                    const CgInstitution  *self,
                                    const char           *who,
                                    GError              **error)
{
  g_autoptr(CgInstitution) old = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!cg_institution_validate (self, error))
    return FALSE;
  old = cg_institution_load (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return save_in_transaction (store, old, self, who, error);
}

gboolean
cg_institution_save (CgStore              *store,
                     const CgInstitution  *self,
                     const char           *who,
                     GError              **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!cg_institution_validate (self, error))
    return FALSE;
  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_institution_save_in_transaction (store, self, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, "institution");
  return TRUE;
}

gboolean
cg_institution_create (CgStore              *store,
                       const CgInstitution  *self,
                       const char           *who,
                       GError              **error)
{
  g_autoptr(CgInstitution) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!cg_institution_validate (self, error) || !cg_store_begin (store, error))
    return FALSE;
  existing = cg_institution_load (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (existing != NULL)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("This database already holds the institution “%s”."), existing->name);
      goto fail;
    }
  if (!save_in_transaction (store, NULL, self, who, error)
      || cg_stock_ensure_defaults_in_transaction (store, who, error) < 0
      || !cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "institution");
  cg_store_emit_changed (store, "stock_item");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}

gboolean
cg_institution_set_risk (CgStore      *store,
                         CgRiskLevel   risk,
                         const char   *who,
                         GError      **error)
{
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(GError) local_error = NULL;

  inst = cg_institution_load (store, &local_error);
  if (inst == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("The institution has not been set up yet."));
      return FALSE;
    }
  inst->risk = risk;
  return cg_institution_save (store, inst, who, error);
}
