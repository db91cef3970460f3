/* funeral-home.c — the funeral-home module (殡葬服务机构, third plan): staff only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-module.h"

static const CgPersonKind person_kinds[] = { CG_PERSON_STAFF };

static const char * const rules[] = { "ALL-1", "ALL-7", "ALL-8", "ALL-9", "ALL-10", "FH-1", "FH-2", "FH-4", "FH-5", "FH-6", "FH-7", NULL };

const CgModule cg_module_funeral_home = {
  .kind = CG_KIND_FUNERAL_HOME,
  .id = "funeral-home",
  .icon_name = "org.example.CareGuard-symbolic",
  .pages = CG_PAGE_TODAY | CG_PAGE_SERVICES | CG_PAGE_CHECKS | CG_PAGE_TESTS | CG_PAGE_HYGIENE | CG_PAGE_SUPPLIES | CG_PAGE_PEOPLE | CG_PAGE_REPORTS,
  .person_kinds = person_kinds,
  .n_person_kinds = G_N_ELEMENTS (person_kinds),
  .residents_title = NULL,
  .rules = rules,
};
