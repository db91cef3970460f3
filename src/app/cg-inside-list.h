/* cg-inside-list.h — who is inside now, at the gate (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-policy.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_INSIDE_LIST (cg_inside_list_get_type ())
G_DECLARE_FINAL_TYPE (CgInsideList, cg_inside_list, CG, INSIDE_LIST, GObject)

/* Drives the visitors page's "inside now" widgets (they stay in its
 * template): @list gets a row per visitor inside, with their minutes and a
 * Check Out button; @label and @summary_label "1 of 4 inside"; @hint_label
 * the policy's maximum stay.  Signals: "checked-out" after a Check Out
 * button stored the check-out, "check-out-failed" (the error's message)
 * when it could not. */
CgInsideList *cg_inside_list_new              (GtkListBox   *list,
                                               GtkLabel     *label,
                                               GtkLabel     *hint_label,
                                               GtkLabel     *summary_label);
void          cg_inside_list_set_store        (CgInsideList *self,
                                               CgStore      *store);
/* Copies @policy: the limit and the maximum stay (NULL: nothing shown). */
void          cg_inside_list_set_policy       (CgInsideList *self,
                                               const CgPolicy *policy);
/* Reads the visitors inside in a thread and shows them. */
void          cg_inside_list_refresh          (CgInsideList *self);
/* Refreshes every 30 s while @enabled (the minutes and overstays move). */
void          cg_inside_list_set_auto_refresh (CgInsideList *self,
                                               gboolean      enabled);
/* Stops the timer and any read in flight: before the widgets go. */
void          cg_inside_list_stop             (CgInsideList *self);

G_END_DECLS
