/* cg-import-dialog.h — preview and confirm a CSV import of a register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-import.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_IMPORT_DIALOG (cg_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgImportDialog, cg_import_dialog, CG, IMPORT_DIALOG, AdwWindow)

/* A modal window that reads @file as register @reg in a thread, shows what
 * an import would do (new and updated records, every problem with its line
 * and column) and imports it whole on "Import".  After the commit it emits
 * the store's "changed" signal for the register's table ("person",
 * "nat_test", "health_check", or "stock_item" and "stock_movement"), then
 * "imported" (guint n_new, guint n_updated), then closes itself. */
CgImportDialog       *cg_import_dialog_new             (GtkWindow            *parent,
                                                        CgStore              *store,
                                                        CgRegister            reg,
                                                        GFile                *file);
CgRegister            cg_import_dialog_get_register    (CgImportDialog       *self);

/* What a page calls for its "Import…" action: a file chooser for CSV files
 * (in the folder used last), then the dialog on the chosen file; a toast on
 * the page says how many records came in.  Tests may set the environment
 * variable CAREGUARD_TEST_IMPORT_FILE to a path: that file is opened in
 * place of the chooser, which AT-SPI cannot drive. */
void                  cg_import_dialog_run             (GtkWidget            *page,
                                                        CgStore              *store,
                                                        CgRegister            reg);

/* What a page calls for "Download Template…": a save chooser offering the
 * register's template ("checks-template.csv" …), with Chinese headers when
 * the interface is in Chinese; a toast on the page says how it went. */
void                  cg_import_template_save          (GtkWidget            *page,
                                                        CgRegister            reg);

/* A native file chooser for CSV files that starts in the folder used last
 * (GSettings "last-import-dir" when the schema is installed).  The caller
 * owns the returned reference. */
GtkFileChooserNative *cg_import_dialog_create_chooser  (GtkWindow            *parent,
                                                        GtkFileChooserAction  action,
                                                        const char           *title,
                                                        const char           *accept_label);
/* Remembers the folder of @file for the next chooser. */
void                  cg_import_dialog_remember_folder (GFile                *file);

/* The register's name in titles: "Import Temperature Checks" … */
const char           *cg_import_dialog_title           (CgRegister            reg);

G_END_DECLS
