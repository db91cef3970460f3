/* cg-widgets.h — small widget helpers the pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows the child @name of @stack and makes the others invisible: GTK 4.8
 * reports every visible widget to AT-SPI whether mapped or not, so what
 * is not on screen is hidden and the accessibility tree holds only what
 * the user sees. */
void       cg_stack_show_only  (GtkStack   *stack,
                                const char *name);
/* An AdwStatusPage with an icon, a title and a description (may be NULL). */
GtkWidget *cg_status_page_new  (const char *icon,
                                const char *title,
                                const char *description);

G_END_DECLS
