/* cg-today-page.h — the dashboard: the day's alerts by severity, counters, charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_TODAY_PAGE (cg_today_page_get_type ())
G_DECLARE_FINAL_TYPE (CgTodayPage, cg_today_page, CG, TODAY_PAGE, AdwBin)

/* The page follows the store's "changed" signal and the policy; it loads
 * what it shows when it is mapped, never before (start-up stays fast).
 * The day's figures are worked out in a thread on a connection of its own.
 * It installs the widget actions "today.previous-day", "today.next-day"
 * and "today.go-today", with the shortcuts Alt+Left, Alt+Right and
 * Alt+Home while it is shown. */
GtkWidget *cg_today_page_new (CgStore        *store,
                               const CgModule *module);

/* Emitted when the user opens an alert: ("person", id) or ("health_check", id)
 * … — the window shows that record.
 *   void (*open_record) (CgTodayPage *page, const char *kind, gint64 id, gpointer user_data) */

G_END_DECLS
