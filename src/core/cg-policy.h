/* cg-policy.h — the policy values an institution may change
 *
 * Every number of rules.md that a rule uses lives here, with the
 * documents' value (or the documented default) as its default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"
#include "cg-institution.h"

G_BEGIN_DECLS

typedef enum
{
  CG_POLICY_TEST_INTERVAL_DAYS,        /* CH-5: 28 */
  CG_POLICY_TEST_DUE_SOON_DAYS,        /* CH-5: 7 */
  CG_POLICY_ISOLATION_DAYS,            /* ALL-6, RS-2: 14 */
  CG_POLICY_TEMP_NORMAL_MAX,           /* ALL-3: 37.0 */
  CG_POLICY_TEMP_LOW_FEVER_MAX,        /* ALL-3: 38.0 */
  CG_POLICY_TEMP_MODERATE_FEVER_MAX,   /* ALL-3: 39.0 */
  CG_POLICY_TEMP_HIGH_FEVER_MAX,       /* ALL-3: 41.0 */
  CG_POLICY_TEMP_RECHECK_BELOW,        /* ALL-3: 36.0 (35.0–35.9: recheck) */
  CG_POLICY_TEMP_PLAUSIBLE_MIN,        /* ALL-3: 35.0 */
  CG_POLICY_TEMP_PLAUSIBLE_MAX,        /* ALL-3: 43.0 */
  CG_POLICY_MAX_VISITORS,              /* ALL-4: 4 */
  CG_POLICY_MAX_VISIT_MINUTES,         /* ALL-4: 30 */
  CG_POLICY_SUPPLY_FLOOR_DAYS,         /* CH-6 45; RS-6 30 */
  CG_POLICY_SUPPLY_TARGET_DAYS,        /* CH-6: 60 */
  CG_POLICY_REPLENISH_EVERY_DAYS,      /* CH-6: 15 */
  CG_POLICY_RECENT_WINDOW_DAYS,        /* forecast: 14 */
  CG_POLICY_MOURNING_LIMIT_LOW_HOURS,  /* FH-5: 72 */
  CG_POLICY_MOURNING_LIMIT_MEDIUM_HOURS,
  CG_POLICY_MOURNING_LIMIT_HIGH_HOURS,
  CG_POLICY_MOURNING_WARN_HOURS,       /* FH-5: 12 */
  CG_POLICY_MAX_MOURNERS,              /* FH-6: 50 */
  CG_POLICY_MAX_MOURNER_MINUTES,       /* FH-6: 60 */
  CG_POLICY_HALL_DISINFECTIONS_PER_DAY,/* FH-6: 2 */
  CG_POLICY_TRAINING_PERIOD_DAYS,      /* ALL-8: 30 */
  CG_N_POLICY
} CgPolicyKey;

typedef struct
{
  CgPolicyKey  key;
  const char  *id;          /* "test_interval_days": stored and audited under this */
  const char  *label;       /* N_() */
  const char  *unit;        /* N_(): "days", "℃" … */
  const char  *rule;        /* "CH-5" */
  gboolean     from_document;  /* TRUE: the number is in a document; FALSE: a default */
  double       min;
  double       max;
  guint        decimals;    /* 0 for whole numbers, 1 for temperatures */
} CgPolicyInfo;

const CgPolicyInfo *cg_policy_info        (CgPolicyKey key);
int                 cg_policy_key_from_id (const char *id);   /* -1 */

typedef struct _CgPolicy CgPolicy;

typedef struct
{
  CgPolicyKey key;
  double      value;
} CgPolicyOverride;

/* The documents' values, with the overrides of an institution type (a
 * module's defaults) on top, and the rule ids that apply to that type
 * (NULL-terminated; copied).  The modules build these. */
CgPolicy   *cg_policy_new_defaults  (CgInstitutionKind kind,
                                     const CgPolicyOverride *overrides,
                                     guint        n_overrides,
                                     const char * const *rules);
/* Applies the changes the institution stored on top of the defaults. */
gboolean    cg_policy_load_changes  (CgPolicy    *self,
                                     CgStore     *store,
                                     GError     **error);
/* Whether rule @rule_id applies to this institution type. */
gboolean    cg_policy_applies       (const CgPolicy *self,
                                     const char  *rule_id);
CgPolicy   *cg_policy_copy          (const CgPolicy *self);
void        cg_policy_free          (CgPolicy    *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgPolicy, cg_policy_free)

double      cg_policy_get           (const CgPolicy *self,
                                     CgPolicyKey  key);
int         cg_policy_get_int       (const CgPolicy *self,
                                     CgPolicyKey  key);
double      cg_policy_get_default   (const CgPolicy *self,
                                     CgPolicyKey  key);
gboolean    cg_policy_is_default    (const CgPolicy *self,
                                     CgPolicyKey  key);
CgInstitutionKind cg_policy_get_kind (const CgPolicy *self);
/* The mourning limit for an area of @risk (FH-5), in hours. */
int         cg_policy_mourning_limit_hours (const CgPolicy *self,
                                     CgRiskLevel  risk);

/* Checks the range (and the order of the temperature bands), stores,
 * audits ("policy.<id>", old, new) in one transaction. */
gboolean    cg_policy_set           (CgStore     *store,
                                     CgPolicyKey  key,
                                     double       value,
                                     const char  *who,
                                     GError     **error);
/* "Restore the documents' values": every stored change removed, audited. */
gboolean    cg_policy_reset_all     (CgStore     *store,
                                     const char  *who,
                                     GError     **error);

G_END_DECLS
