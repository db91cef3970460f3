/* cg-rooms-page.h — observation and isolation rooms, stays and entry screening (ALL-5, ALL-6, RS-1/2/3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_ROOMS_PAGE (cg_rooms_page_get_type ())
G_DECLARE_FINAL_TYPE (CgRoomsPage, cg_rooms_page, CG, ROOMS_PAGE, AdwBin)

GtkWidget *cg_rooms_page_new (CgStore        *store,
                               const CgModule *module);

G_END_DECLS
