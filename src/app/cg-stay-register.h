/* cg-stay-register.h — the isolation register (隔离观察登记) of the rooms page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the register's columns (forms.md 隔离观察登记, in its order) to
 * @view and gives it a model; returns the rows' store, owned by the
 * caller, to fill with cg_stay_register_fill(). */
GListStore *cg_stay_register_init (GtkColumnView *view);

/* Replaces the rows with @stays (CgStay*, newest first); their pointers
 * are taken out of @stays.  @release_on maps a test id to the sampling
 * day of the negative test an early release rests on. */
void        cg_stay_register_fill (GListStore    *rows,
                                   GPtrArray     *stays,
                                   GHashTable    *release_on);

G_END_DECLS
