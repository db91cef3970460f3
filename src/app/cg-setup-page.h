/* cg-setup-page.h — first run: the institution profile, inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_SETUP_PAGE (cg_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (CgSetupPage, cg_setup_page, CG, SETUP_PAGE, AdwBin)

/* Emits "completed" (no arguments) once the profile is saved. */
GtkWidget *cg_setup_page_new (CgStore *store);

G_END_DECLS
