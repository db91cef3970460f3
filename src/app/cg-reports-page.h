/* cg-reports-page.h — the daily report (日报告 / 零报告) for the civil-affairs bureau
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_REPORTS_PAGE (cg_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (CgReportsPage, cg_reports_page, CG, REPORTS_PAGE, AdwBin)

/* The page follows the store's "changed" signal and the policy; it loads
 * what it shows when it is mapped, never before (start-up stays fast). */
GtkWidget *cg_reports_page_new (CgStore        *store,
                               const CgModule *module);

G_END_DECLS
