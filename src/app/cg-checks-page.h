/* cg-checks-page.h — daily temperature and symptom checks: the line-listing grid and the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_CHECKS_PAGE (cg_checks_page_get_type ())
G_DECLARE_FINAL_TYPE (CgChecksPage, cg_checks_page, CG, CHECKS_PAGE, AdwBin)

/* The page follows the store's "changed" signal and the policy; it loads
 * what it shows when it is mapped, never before (start-up stays fast). */
GtkWidget *cg_checks_page_new (CgStore        *store,
                               const CgModule *module);

/* Today's line of @person_id, in a group that holds it, with the focus in
 * its temperature field (an alert about a missing check opens this). */
void       cg_checks_page_show_person  (CgChecksPage *self,
                                        gint64        person_id);
/* The History view, searched for @search (name, ID number or room; NULL
 * for every check). */
void       cg_checks_page_show_history (CgChecksPage *self,
                                        const char   *search);

G_END_DECLS
