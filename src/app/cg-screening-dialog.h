/* cg-screening-dialog.h — entry screening (RS-1) and new-arrival screening (ALL-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-module.h"
#include "cg-room.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_SCREENING_DIALOG (cg_screening_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgScreeningDialog, cg_screening_dialog, CG, SCREENING_DIALOG, AdwWindow)

/* A modal window over @parent to screen one person (@person, when not
 * NULL, is chosen already): temperature, symptoms, health code, travel,
 * contact, identity check and, at a rescue station, who referred them.
 * The policy's verdict (admit, isolate in a named room, or fever: the
 * observation room, 120 and the reports of RS-3) shows before saving.
 * Saving records the screening and opens the stay it calls for; then
 * the dialog emits "saved" (const char *message) and closes.  A refusal
 * stays in the dialog with nothing stored. */
CgScreeningDialog *cg_screening_dialog_new (GtkWindow      *parent,
                                            CgStore        *store,
                                            const CgModule *module,
                                            CgPerson       *person);

/* The room a stay of @outcome would go to among @board (CgRoomState*):
 * a free compliant room of the right kind, else a free room of that
 * kind, else any free room; NULL when none is free (borrowed). */
const CgRoom      *cg_screening_pick_room  (GPtrArray          *board,
                                            CgScreeningOutcome  outcome);

G_END_DECLS
