/* cg-disinfection-dialog.h — record one disinfection (消毒工作日志)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_DISINFECTION_DIALOG (cg_disinfection_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgDisinfectionDialog, cg_disinfection_dialog, CG, DISINFECTION_DIALOG, AdwWindow)

/* A modal window over @parent to record a disinfection: the place (with
 * the log's earlier places offered as one types; @place, when not NULL,
 * is filled in already), its kind (guessed from the name, or the kind the
 * place has in the log), the time (now unless changed), method,
 * disinfectant and concentration, operator (the last one by default) and
 * checker.  After a save it emits "saved" (const char *message: a short
 * sentence for a toast) and closes itself. */
CgDisinfectionDialog *cg_disinfection_dialog_new (GtkWindow  *parent,
                                                  CgStore    *store,
                                                  const char *place);

G_END_DECLS
