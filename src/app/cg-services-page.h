/* cg-services-page.h — the board of halls of a funeral home (FH-5, FH-6, FH-7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_SERVICES_PAGE (cg_services_page_get_type ())
G_DECLARE_FINAL_TYPE (CgServicesPage, cg_services_page, CG, SERVICES_PAGE, AdwBin)

GtkWidget *cg_services_page_new          (CgStore        *store,
                                          const CgModule *module);
/* Opens the window of service @service_id (an alert of the Today page
 * that is about it). */
void       cg_services_page_show_service (CgServicesPage *self,
                                          gint64          service_id);

G_END_DECLS
