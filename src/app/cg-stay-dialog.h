/* cg-stay-dialog.h — open an isolation stay in a free room, or end one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-module.h"
#include "cg-room.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_STAY_DIALOG (cg_stay_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgStayDialog, cg_stay_dialog, CG, STAY_DIALOG, AdwWindow)

/* Opens a stay in @room (copied): the person is chosen among the people
 * present, the start is now unless changed, and the planned end (start +
 * the policy's isolation days) shows as the start changes.  After a
 * successful save the dialog emits "saved" (const char *message) and
 * closes; a refusal stays in the dialog with nothing stored. */
CgStayDialog *cg_stay_dialog_new_open (GtkWindow      *parent,
                                       CgStore        *store,
                                       const CgModule *module,
                                       const CgRoom   *room);
/* Chooses the person of a stay being opened (a new arrival's). */
void          cg_stay_dialog_set_person (CgStayDialog *self,
                                         CgPerson     *person);
/* Ends @stay (copied): the end is now unless changed, with a disposition.
 * An early release the core refuses (no negative test taken during the
 * stay) shows the core's message in the dialog, which stays open. */
CgStayDialog *cg_stay_dialog_new_end  (GtkWindow      *parent,
                                       CgStore        *store,
                                       const CgModule *module,
                                       const CgStay   *stay);

/* A person chosen by name or ID number among the people present: an entry
 * row titled @title, a line saying who is chosen, and the matches to click.
 * "notify::person" tells of a change. */
#define CG_TYPE_PERSON_PICKER (cg_person_picker_get_type ())
G_DECLARE_FINAL_TYPE (CgPersonPicker, cg_person_picker, CG, PERSON_PICKER, GtkBox)

GtkWidget    *cg_person_picker_new        (CgStore        *store,
                                           const char     *title);
/* The person chosen, NULL while none is (borrowed). */
CgPerson     *cg_person_picker_get_person (CgPersonPicker *self);
void          cg_person_picker_set_person (CgPersonPicker *self,
                                           CgPerson       *person);
/* Searches again (after a person was added elsewhere). */
void          cg_person_picker_refresh    (CgPersonPicker *self);

/* Local "YYYY-MM-DD HH:MM" of a UTC time, "" for NULL (newly allocated). */
char         *cg_stay_format_local        (const char     *utc);
/* @utc plus @days days, UTC ISO-8601; NULL when @utc is not a time. */
char         *cg_stay_add_days            (const char     *utc,
                                           int             days);

G_END_DECLS
