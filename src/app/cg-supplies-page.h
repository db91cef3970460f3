/* cg-supplies-page.h — protective supplies: stock, days of supply, orders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_SUPPLIES_PAGE (cg_supplies_page_get_type ())
G_DECLARE_FINAL_TYPE (CgSuppliesPage, cg_supplies_page, CG, SUPPLIES_PAGE, AdwBin)

/* The page follows the store's "changed" signal and the policy; it loads
 * what it shows when it is mapped, never before (start-up stays fast). */
GtkWidget *cg_supplies_page_new (CgStore        *store,
                                 const CgModule *module);

G_END_DECLS
