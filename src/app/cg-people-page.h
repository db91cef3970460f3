/* cg-people-page.h — the register of staff and residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_PEOPLE_PAGE (cg_people_page_get_type ())
G_DECLARE_FINAL_TYPE (CgPeoplePage, cg_people_page, CG, PEOPLE_PAGE, AdwBin)

/* The page refreshes itself on the store's "changed::person" signal.
 * It installs the widget actions "people.add", "people.import",
 * "people.template" and "people.search" (focus the search entry), with
 * the shortcuts <Control>n, <Control>i and <Control>f while it is shown. */
GtkWidget *cg_people_page_new (CgStore        *store,
                               const CgModule *module);

G_END_DECLS
