/* cg-import-dialog-private.h — the tables of the import dialog (cg-import-preview.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-import.h"

G_BEGIN_DECLS

/* The problems of an import (CgImportProblem*) as rows of GtkStringLists
 * (line, column, reason), made when they are shown. */
GListModel          *cg_import_problem_list_new (GPtrArray     *problems);

/* A column showing string @index of GtkStringList rows; @width 0 takes
 * the width that is left. */
GtkColumnViewColumn *cg_import_text_column_new  (const char    *title,
                                                 guint          index,
                                                 int            width,
                                                 gboolean       wrap);

/* Shows @rows (GtkStringLists) in @view, without selection; takes @rows. */
void                 cg_import_set_rows         (GtkColumnView *view,
                                                 GListModel    *rows);

/* Replaces the columns and rows of @view with the first @max_rows good
 * rows of @import, each column as wide as its widest cell. */
void                 cg_import_fill_preview     (GtkColumnView *view,
                                                 CgImport      *import,
                                                 guint          max_rows);

G_END_DECLS
