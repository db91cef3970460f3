/* cg-page-loader.h — how a page reads the store without freezing the
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page's data is read in a GTask thread with a CgStore of its own on
 * the same file and the module's policy; the result is handed to the page
 * on the main thread.  The loader reads when the page is first shown,
 * again after the store's "changed" signal for the page's tables (once
 * they settle: an import sends many), and never twice at once: a change
 * during a read starts one more read after it.  Disposing the page
 * cancels a read in flight; its result is then dropped.
 */
#pragma once

#include <adwaita.h>
#include "cg-module.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef struct
{
  /* In the thread: the page's data from @store (opened for this read),
   * with the @module's @policy and the local day @today the read was
   * asked on; NULL with @error to fail.  @input is what input_new made
   * (NULL without it). */
  gpointer (*load)      (CgStore        *store,
                         const CgModule *module,
                         const CgPolicy *policy,
                         const GDate    *today,
                         gpointer        input,
                         GError        **error);
  /* On the main thread: @output (the page owns it, NULL on failure) or
   * @error. */
  void     (*loaded)    (GtkWidget      *page,
                         gpointer        output,
                         const GError   *error);
  /* Optional: what the thread needs from the page, copied on the main
   * thread when a read starts, and how to free it. */
  gpointer (*input_new) (GtkWidget      *page);
  GDestroyNotify input_free;
  /* Optional: frees an output dropped because the page went away. */
  GDestroyNotify output_free;
  /* Optional: a read starts; @first until one has finished. */
  void     (*begin)     (GtkWidget      *page,
                         gboolean        first);
  /* Optional: the store's changes have settled (the page may refresh
   * other views of its own). */
  void     (*settled)   (GtkWidget      *page);
} CgPageLoaderFuncs;

typedef struct _CgPageLoader CgPageLoader;

/* @tables: NULL-terminated, the store's tables whose changes make the
 * page read again.  The page owns the loader (not the other way round). */
CgPageLoader *cg_page_loader_new        (GtkWidget               *page,
                                         CgStore                 *store,
                                         const CgModule          *module,
                                         const CgPageLoaderFuncs *funcs,
                                         const char * const      *tables);
/* Reads now, or once the read in flight is over. */
void          cg_page_loader_load       (CgPageLoader            *loader);
/* Reads now when the page is shown, or once it is. */
void          cg_page_loader_reload     (CgPageLoader            *loader);
/* From the page's map(): reads when never read or something changed. */
void          cg_page_loader_mapped     (CgPageLoader            *loader);
/* The same for a page whose data depends on the day: reads also when
 * the last read was on another day (the page was left open overnight). */
void          cg_page_loader_mapped_daily (CgPageLoader          *loader);
gboolean      cg_page_loader_get_loaded (CgPageLoader            *loader);
/* From the page's dispose(): cancels, disconnects and frees. */
void          cg_page_loader_free       (CgPageLoader            *loader);

G_END_DECLS
