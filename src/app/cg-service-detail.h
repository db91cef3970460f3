/* cg-service-detail.h — one funeral service, whole: its record, COVID-19
 * status, mourners, staff protection, and closing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-module.h"
#include "cg-service-dialogs.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* A window on service @service_id that follows the store.  @done is
 * called (with NULL) whenever something was stored from it. */
GtkWidget *cg_service_detail_new (GtkWindow          *parent,
                                  CgStore            *store,
                                  const CgModule     *module,
                                  gint64              service_id,
                                  CgServiceDialogDone done,
                                  gpointer            user_data);

G_END_DECLS
