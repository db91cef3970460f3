/* cg-sample-dialog.h — record a nucleic-acid sample, or the result of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-nat-test.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_SAMPLE_DIALOG (cg_sample_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgSampleDialog, cg_sample_dialog, CG, SAMPLE_DIALOG, AdwWindow)

/* A modal window over @parent to record a new sample: the person is
 * chosen by name or ID number (@person, when not NULL, is chosen
 * already), the sampling date is today unless changed, the result
 * pending unless chosen.  After a successful save the dialog emits
 * "saved" (const char *message: a short sentence for a toast) and closes
 * itself. */
CgSampleDialog *cg_sample_dialog_new            (GtkWindow       *parent,
                                                 CgStore         *store,
                                                 CgPerson        *person);
/* The same window for the result of a stored sample of @person (@test is
 * copied): the person and the sampling date are fixed, the result is
 * negative unless chosen otherwise. */
CgSampleDialog *cg_sample_dialog_new_for_result (GtkWindow       *parent,
                                                 CgStore         *store,
                                                 CgPerson        *person,
                                                 const CgNatTest *test);

/* A flat calendar button for a date field that also takes typed dates
 * (2023-05-01, 2023/5/1, 2023年5月1日): the calendar opens on the typed
 * date, a click or Space on a day writes it into @editable and closes.
 * @label is the button's tooltip and accessible name. */
GtkWidget      *cg_date_menu_button_new         (GtkEditable     *editable,
                                                 const char      *label);

G_END_DECLS
