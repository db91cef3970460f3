/* care-home.c — the care-home module (养老机构, 晋政民〔2020〕87号 first plan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-module.h"

static const CgPersonKind person_kinds[] = { CG_PERSON_STAFF, CG_PERSON_RESIDENT };

static const char * const rules[] = { "ALL-1", "ALL-2", "ALL-3", "ALL-4", "ALL-5", "ALL-6", "ALL-7", "ALL-8", "ALL-9", "ALL-10", "CH-5", "CH-6", NULL };

const CgModule cg_module_care_home = {
  .kind = CG_KIND_CARE_HOME,
  .id = "care-home",
  .icon_name = "org.example.CareGuard-symbolic",
  .pages = CG_PAGE_TODAY | CG_PAGE_CHECKS | CG_PAGE_TESTS | CG_PAGE_VISITORS | CG_PAGE_ROOMS | CG_PAGE_HYGIENE | CG_PAGE_SUPPLIES | CG_PAGE_PEOPLE | CG_PAGE_REPORTS,
  .person_kinds = person_kinds,
  .n_person_kinds = G_N_ELEMENTS (person_kinds),
  .residents_title = N_("Residents"),
  .rules = rules,
};
