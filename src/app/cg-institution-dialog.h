/* cg-institution-dialog.h — change the area risk level, with its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-audit.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_INSTITUTION_DIALOG (cg_institution_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgInstitutionDialog, cg_institution_dialog, CG, INSTITUTION_DIALOG, AdwWindow)

/* A modal dialog over @parent; saves with cg_institution_set_risk (). */
GtkWidget  *cg_institution_dialog_new        (CgStore            *store,
                                              GtkWindow          *parent);

/* Shared with the preferences window: how an "institution.*" audit entry
 * reads.  The label of a `what` code ("institution.risk" → "Area risk
 * level"), the code itself when unknown. */
const char *cg_institution_audit_what_label  (const char         *what);
/* "Low risk → Medium risk", with kinds and risks as their labels. */
char       *cg_institution_audit_change_text (const CgAuditEntry *entry);
/* A row: the change as title, "local time · who" as subtitle. */
GtkWidget  *cg_institution_audit_row_new     (const CgAuditEntry *entry);

G_END_DECLS
