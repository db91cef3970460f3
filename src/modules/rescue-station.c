/* rescue-station.c — the rescue-station module (救助站, fourth plan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-module.h"

static const CgPersonKind person_kinds[] = { CG_PERSON_STAFF, CG_PERSON_AID };

static const char * const rules[] = { "ALL-1", "ALL-2", "ALL-3", "ALL-5", "ALL-7", "ALL-8", "ALL-9", "ALL-10", "RS-1", "RS-2", "RS-3", "RS-6", "RS-7", NULL };

const CgModule cg_module_rescue_station = {
  .kind = CG_KIND_RESCUE_STATION,
  .id = "rescue-station",
  .icon_name = "org.example.CareGuard-symbolic",
  .pages = CG_PAGE_PEOPLE,
  .person_kinds = person_kinds,
  .n_person_kinds = G_N_ELEMENTS (person_kinds),
  .residents_title = N_("Aid recipients"),
  .rules = rules,
  .defaults = {
    .test_interval_days = 28,
    .test_due_soon_days = 7,
    .isolation_days = 14,
    .max_visitors = 4,
    .max_visit_minutes = 30,
    .supply_floor_days = 30,
    .supply_target_days = 60,
    .replenish_every_days = 15,
    .mourning_limit_hours = 72,
    .max_mourners = 50,
    .max_mourner_minutes = 60,
  },
};
