/* cg-rules-page.h — the rule values of the institution (policy settings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-audit.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_RULES_PAGE (cg_rules_page_get_type ())
G_DECLARE_FINAL_TYPE (CgRulesPage, cg_rules_page, CG, RULES_PAGE, AdwPreferencesPage)

/* The "Rules" page of an AdwPreferencesWindow (its toasts go there).
 * It follows the store's "changed::policy" signal. */
GtkWidget *cg_rules_page_new          (CgStore            *store);
/* Saves what is typed in a field and not saved yet (the window closes). */
void       cg_rules_page_save_pending (CgRulesPage        *self);
/* How a "policy.<key>" audit entry reads in the change history:
 * "Staff test interval: 28 days → 21 days", or "… 21 days → 28 days
 * (restored)" once the documents' values came back. */
char      *cg_rules_page_audit_title  (CgRulesPage        *self,
                                       const CgAuditEntry *entry);

G_END_DECLS
