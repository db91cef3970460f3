/* cg-window.h — the main window: first-run setup, then the pages of the module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-application.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_WINDOW (cg_window_get_type ())
G_DECLARE_FINAL_TYPE (CgWindow, cg_window, CG, WINDOW, AdwApplicationWindow)

GtkWidget *cg_window_new            (CgApplication *application,
                                     CgStore       *store);
/* TRUE once the institution profile exists and the pages are shown;
 * notified through "notify::configured". */
gboolean   cg_window_get_configured (CgWindow      *self);
/* Shows @message in a toast over the window. */
void       cg_window_add_toast      (CgWindow      *self,
                                     const char    *message);

G_END_DECLS
