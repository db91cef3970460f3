/* cg-hygiene-page.h — the disinfection log and training sessions and drills (ALL-7, ALL-8, FH-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_HYGIENE_PAGE (cg_hygiene_page_get_type ())
G_DECLARE_FINAL_TYPE (CgHygienePage, cg_hygiene_page, CG, HYGIENE_PAGE, AdwBin)

GtkWidget *cg_hygiene_page_new (CgStore        *store,
                               const CgModule *module);

G_END_DECLS
