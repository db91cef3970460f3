/* cg-module.h — what an institution type is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-institution.h"
#include "cg-person.h"
#include "cg-policy.h"

G_BEGIN_DECLS

/* Pages a module may show, in sidebar order.  A page is listed only once it
 * exists in the program. */
typedef enum
{
  CG_PAGE_TODAY   = 1 << 0,   /* the dashboard: the day's alerts and counters */
  CG_PAGE_CHECKS  = 1 << 1,   /* daily temperature checks (ALL-1/2/3) */
  CG_PAGE_TESTS   = 1 << 2,   /* nucleic-acid tests (CH-5, ALL-6) */
  CG_PAGE_PEOPLE  = 1 << 3,
  CG_PAGE_REPORTS = 1 << 4,   /* the daily report to the bureau (ALL-9) */
  CG_PAGE_SUPPLIES = 1 << 5,  /* protective supplies: ledger and forecast (CH-6 …) */
  CG_PAGE_VISITORS = 1 << 6,  /* the gate: visitor register (ALL-4) */
  CG_PAGE_ROOMS    = 1 << 7,  /* observation/isolation rooms, stays, screening (ALL-5/6, RS-1/2/3) */
  CG_PAGE_HYGIENE  = 1 << 8,  /* disinfection log and training/drills (ALL-7, ALL-8, FH-4) */
  CG_PAGE_SERVICES = 1 << 9,  /* funeral services: the board of halls, mourners, COVID-19 remains (FH-5/6/7) */
} CgPageFlags;


typedef struct
{
  CgInstitutionKind kind;
  const char       *id;              /* "care-home" */
  const char       *icon_name;
  CgPageFlags       pages;
  /* Which kinds of person this institution registers, staff first. */
  const CgPersonKind *person_kinds;
  guint             n_person_kinds;
  /* What the people who live there are called (untranslated, N_()). */
  const char       *residents_title;
  /* Rule ids that apply (e.g. "CH-5"), NULL-terminated. */
  const char * const *rules;
  /* Where the type's defaults differ from the documents' common values. */
  const CgPolicyOverride *policy_overrides;
  guint             n_policy_overrides;
} CgModule;

const CgModule *cg_module_for_kind     (CgInstitutionKind kind);
/* The type's default policy (no stored changes). */
CgPolicy       *cg_module_default_policy (const CgModule *module);
/* The institution's policy: the type's defaults and its stored changes. */
CgPolicy       *cg_module_load_policy  (const CgModule *module,
                                        CgStore        *store,
                                        GError        **error);
gboolean        cg_module_has_person_kind (const CgModule *module,
                                        CgPersonKind    kind);

/* One per file in modules/. */
extern const CgModule cg_module_care_home;
extern const CgModule cg_module_child_welfare;
extern const CgModule cg_module_rescue_station;
extern const CgModule cg_module_funeral_home;

G_END_DECLS
