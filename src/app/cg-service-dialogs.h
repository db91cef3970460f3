/* cg-service-dialogs.h — the dialogs of the Funeral Services page (FH-5, FH-6, FH-7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-module.h"
#include "cg-service.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* Each dialog calls @done with a message to toast once it stored something. */
typedef void (*CgServiceDialogDone) (const char *message,
                                     gpointer    user_data);

GtkWidget *cg_service_new_dialog       (GtkWindow          *parent,
                                        CgStore            *store,
                                        const CgModule     *module,
                                        CgServiceDialogDone done,
                                        gpointer            user_data);
GtkWidget *cg_service_mourner_dialog   (GtkWindow          *parent,
                                        CgStore            *store,
                                        const CgModule     *module,
                                        const CgService    *service,
                                        CgServiceDialogDone done,
                                        gpointer            user_data);
GtkWidget *cg_service_close_dialog     (GtkWindow          *parent,
                                        CgStore            *store,
                                        const CgService    *service,
                                        CgServiceDialogDone done,
                                        gpointer            user_data);
GtkWidget *cg_service_checklist_dialog (GtkWindow          *parent,
                                        CgStore            *store,
                                        const CgService    *service,
                                        CgServiceDialogDone done,
                                        gpointer            user_data);
/* FH-2: a transport or cremation and the protection worn; @service may
 * be NULL: the dialog then offers the services in progress. */
GtkWidget *cg_service_protection_dialog (GtkWindow         *parent,
                                        CgStore            *store,
                                        const CgService    *service,
                                        CgServiceDialogDone done,
                                        gpointer            user_data);

G_END_DECLS
