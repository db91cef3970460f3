/* cg-visit-history-model.h — the visitor register as a GListModel paged out of SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib and GIO only (no GTK), so that it is tested without a display.
 */
#pragma once

#include <gio/gio.h>

#include "cg-paged-model.h"
#include "cg-policy.h"
#include "cg-store.h"
#include "cg-visit.h"

G_BEGIN_DECLS

/* One visit as the register shows it: the texts are worked out once,
 * when the page is read. */
#define CG_TYPE_VISIT_ROW (cg_visit_row_get_type ())
G_DECLARE_FINAL_TYPE (CgVisitRow, cg_visit_row, CG, VISIT_ROW, GObject)

typedef enum
{
  CG_VISIT_COL_DATE,          /* local YYYY-MM-DD HH:MM */
  CG_VISIT_COL_VISITOR,
  CG_VISIT_COL_MASKED_ID,
  CG_VISIT_COL_PHONE,
  CG_VISIT_COL_VISITING,      /* "王秀英 (1-01)" */
  CG_VISIT_COL_RELATIONSHIP,
  CG_VISIT_COL_TEMPERATURE,   /* "36.5 ℃" */
  CG_VISIT_COL_HEALTH_CODE,
  CG_VISIT_COL_RESULT,        /* "Admitted" or "Refused: reasons" */
  CG_VISIT_COL_LEFT,          /* local HH:MM (date too when another day), "Inside", "" */
  CG_VISIT_COL_REGISTERED_BY,
  CG_N_VISIT_COLS
} CgVisitColumn;

CgVisitRow    *cg_visit_row_new_from_visit (const CgVisit  *visit,
                                            const CgPolicy *policy,
                                            const char     *now);
const char    *cg_visit_row_get_text       (CgVisitRow    *self,
                                            CgVisitColumn  column);
/* The visit itself (id 0 for a row that could not be read). */
const CgVisit *cg_visit_row_get_visit      (CgVisitRow    *self);
gboolean       cg_visit_row_is_refused     (CgVisitRow    *self);
gboolean       cg_visit_row_is_overstay    (CgVisitRow    *self);

/* Every visit, newest first (the order of cg_visit_page), as a
 * CgPagedModel: read in pages of "page-size" (default 200) as a view
 * asks; the "max-pages" most recently used pages (default 8) stay in
 * memory.  The model follows the store's "visit" and "person" changes
 * from an idle callback.
 *
 * "before-refresh" is emitted just before the one "items-changed" (0,
 * old, new) of a refresh or a new search: a GtkSingleSelection must drop
 * its selection then, or GTK 4.8 looks for the selected item among every
 * new row, reading the whole register. */
#define CG_TYPE_VISIT_HISTORY_MODEL (cg_visit_history_model_get_type ())
G_DECLARE_FINAL_TYPE (CgVisitHistoryModel, cg_visit_history_model, CG, VISIT_HISTORY_MODEL, CgPagedModel)

CgVisitHistoryModel *cg_visit_history_model_new        (CgStore             *store,
                                                        const CgPolicy      *policy);
/* Name, ID number or phone (prefix); NULL or "" for all.  Resets the model. */
void          cg_visit_history_model_set_search        (CgVisitHistoryModel *self,
                                                        const char          *search);
const char   *cg_visit_history_model_get_search        (CgVisitHistoryModel *self);
void          cg_visit_history_model_set_policy        (CgVisitHistoryModel *self,
                                                        const CgPolicy      *policy);
void          cg_visit_history_model_refresh           (CgVisitHistoryModel *self);
/* While paused store changes are only noted; resuming refreshes once. */
void          cg_visit_history_model_set_paused        (CgVisitHistoryModel *self,
                                                        gboolean             paused);
const GError *cg_visit_history_model_get_error         (CgVisitHistoryModel *self);
guint         cg_visit_history_model_get_n_page_loads  (CgVisitHistoryModel *self);

G_END_DECLS
