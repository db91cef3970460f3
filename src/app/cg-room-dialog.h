/* cg-room-dialog.h — add or edit an observation or isolation room (ALL-5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-room.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_ROOM_DIALOG (cg_room_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgRoomDialog, cg_room_dialog, CG, ROOM_DIALOG, AdwWindow)

/* A modal window over @parent.  @room is copied: NULL adds a room (an
 * isolation room with the three conditions met, until changed), a stored
 * room is edited or archived.  What the room lacks (ALL-5) shows while
 * the switches change.  After a successful save or archive the dialog
 * emits "saved" (const char *message, for a toast) and closes; a refusal
 * (a duplicate name …) stays in the dialog with nothing stored. */
CgRoomDialog *cg_room_dialog_new (GtkWindow    *parent,
                                  CgStore      *store,
                                  const CgRoom *room);

G_END_DECLS
