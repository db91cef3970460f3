/* cg-person-dialog.h — add or edit one person of the register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_PERSON_DIALOG (cg_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgPersonDialog, cg_person_dialog, CG, PERSON_DIALOG, AdwWindow)

/* A modal window over @parent.  @person is copied: NULL or a person with
 * id 0 registers a new one (its kind, when set, is the default), otherwise
 * the stored person is edited, archived or restored.  The dialog emits
 * "done" (const char *message) after a successful change, with a short
 * sentence for a toast, and closes itself. */
CgPersonDialog *cg_person_dialog_new (GtkWindow      *parent,
                                      CgStore        *store,
                                      const CgModule *module,
                                      CgPerson       *person);

G_END_DECLS
