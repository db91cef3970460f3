/* cg-visitors-page.h — the gate: visitor check-in and check-out, the register, co-presence (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_VISITORS_PAGE (cg_visitors_page_get_type ())
G_DECLARE_FINAL_TYPE (CgVisitorsPage, cg_visitors_page, CG, VISITORS_PAGE, AdwBin)

GtkWidget *cg_visitors_page_new (CgStore        *store,
                               const CgModule *module);

G_END_DECLS
