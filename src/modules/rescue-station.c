/* rescue-station.c — the rescue-station module (救助站, fourth plan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-module.h"

static const CgPersonKind person_kinds[] = { CG_PERSON_STAFF, CG_PERSON_AID };

static const CgPolicyOverride policy_overrides[] = {
  /* RS-6: 30 days at full load */
  { CG_POLICY_SUPPLY_FLOOR_DAYS, 30 },
};

static const char * const rules[] = { "ALL-1", "ALL-2", "ALL-3", "ALL-5", "ALL-7", "ALL-8", "ALL-9", "ALL-10", "RS-1", "RS-2", "RS-3", "RS-6", "RS-7", NULL };

const CgModule cg_module_rescue_station = {
  .kind = CG_KIND_RESCUE_STATION,
  .id = "rescue-station",
  .icon_name = "org.example.CareGuard-symbolic",
  .pages = CG_PAGE_TODAY | CG_PAGE_CHECKS | CG_PAGE_TESTS | CG_PAGE_ROOMS | CG_PAGE_HYGIENE | CG_PAGE_SUPPLIES | CG_PAGE_PEOPLE | CG_PAGE_REPORTS,
  .person_kinds = person_kinds,
  .n_person_kinds = G_N_ELEMENTS (person_kinds),
  .residents_title = N_("Aid recipients"),
  .rules = rules,
  .policy_overrides = policy_overrides,
  .n_policy_overrides = G_N_ELEMENTS (policy_overrides),
};
