/* cg-import-dialog.h — preview and confirm a CSV import of people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_IMPORT_DIALOG (cg_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgImportDialog, cg_import_dialog, CG, IMPORT_DIALOG, AdwWindow)

/* A modal window that reads @file in a thread, shows what an import would
 * do (new and updated people, every problem with its line and column) and
 * imports it whole on "Import".  Emits "imported" (guint n_new,
 * guint n_updated) after the commit, then closes itself. */
CgImportDialog       *cg_import_dialog_new             (GtkWindow            *parent,
                                                        CgStore              *store,
                                                        GFile                *file);

/* A native file chooser for CSV files that starts in the folder used last
 * (GSettings "last-import-dir" when the schema is installed).  The caller
 * owns the returned reference. */
GtkFileChooserNative *cg_import_dialog_create_chooser  (GtkWindow            *parent,
                                                        GtkFileChooserAction  action,
                                                        const char           *title,
                                                        const char           *accept_label);
/* Remembers the folder of @file for the next chooser. */
void                  cg_import_dialog_remember_folder (GFile                *file);

G_END_DECLS
