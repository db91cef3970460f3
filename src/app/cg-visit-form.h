/* cg-visit-form.h — the gate's check-in form, keyboard first (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-module.h"
#include "cg-store.h"
#include "cg-visit.h"

G_BEGIN_DECLS

/* Name, ID number (a returning visitor's details fill in), phone, whom
 * they visit (a present resident or child, found by name or room),
 * relationship, health-code colour (no default: it must be chosen),
 * risk-area travel, mask, symptoms and temperature (its band shown as it
 * is typed; an impossible reading is refused and never stored).  Enter in
 * the temperature field or Ctrl+Enter anywhere checks the visitor in: the
 * visit is stored admitted or refused, "checked-in" is emitted with the
 * stored CgVisit (a const pointer, valid during the emission), and the
 * form clears with the focus back in the name field. */
#define CG_TYPE_VISIT_FORM (cg_visit_form_get_type ())
G_DECLARE_FINAL_TYPE (CgVisitForm, cg_visit_form, CG, VISIT_FORM, AdwBin)

void        cg_visit_form_set_store     (CgVisitForm    *self,
                                         CgStore        *store,
                                         const CgModule *module);
/* The policy the program decides with (a copy is kept). */
void        cg_visit_form_set_policy    (CgVisitForm    *self,
                                         const CgPolicy *policy);
/* Reads again who is present today (the choices of "Visiting"). */
void        cg_visit_form_reload_people (CgVisitForm    *self);
void        cg_visit_form_clear         (CgVisitForm    *self);
/* The focus in the name field. */
void        cg_visit_form_focus         (CgVisitForm    *self);

G_END_DECLS
