/* cg-paged-model.h — a register as a GListModel paged out of SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib and GIO only (no GTK), so that its subclasses are tested without a
 * display.
 */
#pragma once

#include <gio/gio.h>

#include "cg-store.h"

G_BEGIN_DECLS

/* The rows of a register, in the order of the subclass's page(), read in
 * pages of "page-size" (default 200) when a view asks for them; the
 * "max-pages" most recently used pages (default 8) stay in memory, so a
 * million rows open at once and scroll without loading the register.
 *
 * The model follows the store: a change to one of the class's tables
 * refreshes it from an idle callback, with one "items-changed" (0, old,
 * new) for the whole list.  "before-refresh" is emitted just before that
 * "items-changed" (of a refresh or a new search): a GtkSingleSelection
 * must drop its selection then, or GTK 4.8 looks for the selected item
 * among every new row, reading the whole register.
 *
 * Properties: "store" (construct-only), "search", "page-size" and
 * "max-pages" (construct-only), "n-items" (read-only, notified). */
#define CG_TYPE_PAGED_MODEL (cg_paged_model_get_type ())
G_DECLARE_DERIVABLE_TYPE (CgPagedModel, cg_paged_model, CG, PAGED_MODEL, GObject)

struct _CgPagedModelClass
{
  GObjectClass parent_class;

  /* Set in class_init: the type of the rows, and the tables (NULL-ended,
   * static) whose "changed" refreshes the model. */
  GType               item_type;
  const char * const *tables;

  /* The rows matching search (NULL for all; never ""), or -1 and error. */
  gint64      (*count)     (CgPagedModel  *self,
                            CgStore       *store,
                            const char    *search,
                            GError       **error);
  /* limit rows from offset, as item_type objects that the array frees,
   * or NULL and error. */
  GPtrArray  *(*page)      (CgPagedModel  *self,
                            CgStore       *store,
                            const char    *search,
                            gint64         offset,
                            guint          limit,
                            GError       **error);
  /* A row that could not be read: blank, so a view never gets NULL. */
  gpointer    (*new_blank) (CgPagedModel  *self);
};

/* NULL or "" (once stripped) for every row.  Resets the model. */
void          cg_paged_model_set_search         (CgPagedModel *self,
                                                 const char   *search);
const char   *cg_paged_model_get_search         (CgPagedModel *self);
/* Counts again and drops the cached pages; emits "before-refresh" and
 * "items-changed" (0, old, new) when anything may have changed.  Runs on
 * its own after a store change; call it to refresh at once. */
void          cg_paged_model_refresh            (CgPagedModel *self);
/* Refreshes from an idle callback: all the changes of one main-loop turn
 * (an import, a morning round) cost one count.  Only noted while paused. */
void          cg_paged_model_queue_refresh      (CgPagedModel *self);
/* While paused (its view hidden), store changes are only noted; resuming
 * refreshes once if there were any.  GTK 4.8 list views pay for an
 * "items-changed" over a million rows even when hidden. */
void          cg_paged_model_set_paused         (CgPagedModel *self,
                                                 gboolean      paused);
gboolean      cg_paged_model_get_paused         (CgPagedModel *self);
CgStore      *cg_paged_model_get_store          (CgPagedModel *self);
/* The error of the last read (a count or a page), or NULL.  A page that
 * cannot be read shows blank rows until the next refresh. */
const GError *cg_paged_model_get_error          (CgPagedModel *self);
/* For tests and benchmarks: pages read from the database so far, and
 * pages held now. */
guint         cg_paged_model_get_n_page_loads   (CgPagedModel *self);
guint         cg_paged_model_get_n_cached_pages (CgPagedModel *self);

G_END_DECLS
