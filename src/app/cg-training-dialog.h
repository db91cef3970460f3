/* cg-training-dialog.h — record a training session or an emergency drill (ALL-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_TRAINING_DIALOG (cg_training_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgTrainingDialog, cg_training_dialog, CG, TRAINING_DIALOG, AdwWindow)

/* A modal window over @parent: date (today unless changed), training or
 * drill, topic, number and names of the attendees, trainer.  After a save
 * it emits "saved" (const char *message, for a toast) and closes itself. */
CgTrainingDialog *cg_training_dialog_new (GtkWindow *parent,
                                          CgStore   *store);

G_END_DECLS
