/* cg-copresence-dialog.h — who was here at the same time as a visitor (tracing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-visit.h"

G_BEGIN_DECLS

/* A window for the health department's tracing: the subject (the visitor
 * of @visit, by ID number), a span (by default the visit's arrival to its
 * departure, or to now while inside), the list of cg_copresence_list()
 * worked out in a thread, and "Export…" to a CSV file (UTF-8 with a BOM so
 * that Excel reads the Chinese; ID numbers masked).  Tests may set the
 * environment variable CAREGUARD_TEST_EXPORT_FILE to a path: the export
 * is written there in place of asking with a chooser AT-SPI cannot drive. */
#define CG_TYPE_COPRESENCE_DIALOG (cg_copresence_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgCopresenceDialog, cg_copresence_dialog, CG, COPRESENCE_DIALOG, AdwWindow)

GtkWidget  *cg_copresence_dialog_new     (GtkWindow     *parent,
                                          CgStore       *store,
                                          const CgVisit *visit);
/* The CSV text of @contacts (CgContact*), BOM and header line included. */
char       *cg_copresence_to_csv         (GPtrArray     *contacts);

G_END_DECLS
