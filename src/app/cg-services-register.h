/* cg-services-register.h — the register of funeral services, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-module.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_SERVICES_REGISTER (cg_services_register_get_type ())
G_DECLARE_FINAL_TYPE (CgServicesRegister, cg_services_register, CG, SERVICES_REGISTER, GtkBox)

GtkWidget *cg_services_register_new        (CgStore            *store,
                                             const CgModule     *module);
/* Reads the services again (the search text applies): now when shown,
 * or once it is. */
void       cg_services_register_reload     (CgServicesRegister *self);
/* The search entry, for the page's toolbar. */
GtkWidget *cg_services_register_get_search (CgServicesRegister *self);

G_END_DECLS
