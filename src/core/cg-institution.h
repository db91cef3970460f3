/* cg-institution.h — the institution profile (one per database)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_KIND_CARE_HOME,
  CG_KIND_CHILD_WELFARE,
  CG_KIND_RESCUE_STATION,
  CG_KIND_FUNERAL_HOME,
  CG_N_KINDS
} CgInstitutionKind;

typedef enum
{
  CG_RISK_LOW,
  CG_RISK_MEDIUM,
  CG_RISK_HIGH,
  CG_N_RISKS
} CgRiskLevel;

typedef struct
{
  char              *name;
  CgInstitutionKind  kind;
  char              *district;   /* district / town (所在镇（街道）) */
  int                beds;
  CgRiskLevel        risk;
  char              *director;
  char              *phone;
} CgInstitution;

CgInstitution *cg_institution_new          (void);
void           cg_institution_free         (CgInstitution *self);
CgInstitution *cg_institution_copy         (const CgInstitution *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgInstitution, cg_institution_free)

/* "care-home" … and back; -1 when unknown */
const char    *cg_institution_kind_to_string (CgInstitutionKind kind);
int            cg_institution_kind_from_string (const char *text);
const char    *cg_risk_level_to_string     (CgRiskLevel risk);
int            cg_risk_level_from_string   (const char *text);
/* Translated, for display: "养老机构", "低风险" … */
const char    *cg_institution_kind_label   (CgInstitutionKind kind);
const char    *cg_risk_level_label         (CgRiskLevel risk);

/* Checks every field; the message names the field. */
gboolean       cg_institution_validate     (const CgInstitution *self,
                                            GError   **error);

/* NULL and no error when the database has no institution yet. */
CgInstitution *cg_institution_load         (CgStore   *store,
                                            GError   **error);
/* Creates or updates the profile in one transaction; each changed field
 * is written to the audit log as @who.  The kind cannot change once
 * people are registered (CG_STORE_ERROR_INVALID). */
gboolean       cg_institution_save         (CgStore   *store,
                                            const CgInstitution *self,
                                            const char *who,
                                            GError   **error);
/* First-run set-up: the profile and the documents' protective supplies on
 * the ledger, in one transaction.  Refused when a profile exists. */
gboolean       cg_institution_create       (CgStore   *store,
                                            const CgInstitution *self,
                                            const char *who,
                                            GError   **error);
/* The same, inside a transaction the caller holds (no signal emitted). */
gboolean       cg_institution_save_in_transaction (CgStore   *store,
                                            const CgInstitution *self,
                                            const char *who,
                                            GError   **error);
gboolean       cg_institution_set_risk     (CgStore   *store,
                                            CgRiskLevel risk,
                                            const char *who,
                                            GError   **error);

G_END_DECLS
