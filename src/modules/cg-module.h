/* cg-module.h — what an institution type is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-institution.h"
#include "cg-person.h"

G_BEGIN_DECLS

/* Pages a module may show, in sidebar order.  A page is listed only once it
 * exists in the program. */
typedef enum
{
  CG_PAGE_PEOPLE = 1 << 0,
} CgPageFlags;

typedef struct
{
  int  test_interval_days;     /* CH-5: 28 */
  int  test_due_soon_days;     /* 7 */
  int  isolation_days;         /* ALL-6, RS-2: 14 */
  int  max_visitors;           /* ALL-4: 4 */
  int  max_visit_minutes;      /* ALL-4: 30 */
  int  supply_floor_days;      /* CH-6 45, RS-6 30 */
  int  supply_target_days;     /* 60 */
  int  replenish_every_days;   /* 15 */
  int  mourning_limit_hours;   /* FH-5: 72 */
  int  max_mourners;           /* FH-6: 50 */
  int  max_mourner_minutes;    /* FH-6: 60 */
} CgPolicyDefaults;

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
  CgPolicyDefaults  defaults;
} CgModule;

const CgModule *cg_module_for_kind     (CgInstitutionKind kind);
gboolean        cg_module_has_person_kind (const CgModule *module,
                                        CgPersonKind    kind);

/* One per file in modules/. */
extern const CgModule cg_module_care_home;
extern const CgModule cg_module_child_welfare;
extern const CgModule cg_module_rescue_station;
extern const CgModule cg_module_funeral_home;

G_END_DECLS
