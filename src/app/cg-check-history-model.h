/* cg-check-history-model.h — the history of daily checks as a GListModel paged out of SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib and GIO only (no GTK), so that it is tested without a display.
 */
#pragma once

#include <gio/gio.h>

#include "cg-health-check.h"
#include "cg-paged-model.h"
#include "cg-policy.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* One check as the history list shows it.  Read-only properties:
 * "id", "person-id" (int64), "date" (local YYYY-MM-DD), "time" (local HH:MM),
 * "name", "room", "masked-id", "temperature" (double), "temperature-text"
 * ("36.5"), "band" (CgTempBand as int), "band-label", "is-fever" (boolean),
 * "symptoms" (uint, CgSymptoms bits), "symptoms-text", "action". */
#define CG_TYPE_CHECK_ROW (cg_check_row_get_type ())
G_DECLARE_FINAL_TYPE (CgCheckRow, cg_check_row, CG, CHECK_ROW, GObject)

CgCheckRow  *cg_check_row_new_from_check  (const CgHealthCheck *check,
                                           const CgPolicy      *policy);
gint64       cg_check_row_get_id          (CgCheckRow *self);
gint64       cg_check_row_get_person_id   (CgCheckRow *self);
const char  *cg_check_row_get_date        (CgCheckRow *self);
const char  *cg_check_row_get_time        (CgCheckRow *self);
const char  *cg_check_row_get_name        (CgCheckRow *self);
const char  *cg_check_row_get_room        (CgCheckRow *self);
const char  *cg_check_row_get_masked_id   (CgCheckRow *self);
double       cg_check_row_get_temperature (CgCheckRow *self);
const char  *cg_check_row_get_temperature_text (CgCheckRow *self);
CgTempBand   cg_check_row_get_band        (CgCheckRow *self);
const char  *cg_check_row_get_band_label  (CgCheckRow *self);
gboolean     cg_check_row_get_is_fever    (CgCheckRow *self);
guint        cg_check_row_get_symptoms    (CgCheckRow *self);
const char  *cg_check_row_get_symptoms_text (CgCheckRow *self);
const char  *cg_check_row_get_action      (CgCheckRow *self);

/* Every check of the register, newest day first and, within a day, the
 * latest entered first (the order of cg_health_check_page), as a
 * CgPagedModel: rows are read in pages of "page-size" (default 200) when a
 * view asks for them; the most recently used "max-pages" pages (default 8)
 * stay in memory, so a million checks open at once and scroll without
 * loading the register.
 *
 * The model follows the store: a change to the checks (or to the people
 * they name) refreshes it from an idle callback, with one "items-changed"
 * for the whole list.  Properties: "store", "policy" (a copy is kept),
 * "search", "page-size", "max-pages", "n-items" (read-only, notified). */
#define CG_TYPE_CHECK_HISTORY_MODEL (cg_check_history_model_get_type ())
G_DECLARE_FINAL_TYPE (CgCheckHistoryModel, cg_check_history_model, CG, CHECK_HISTORY_MODEL, CgPagedModel)

CgCheckHistoryModel *cg_check_history_model_new        (CgStore        *store,
                                                        const CgPolicy *policy);
/* Name, ID number or room; NULL or "" for every check.  Resets the model. */
void         cg_check_history_model_set_search         (CgCheckHistoryModel *self,
                                                        const char          *search);
const char  *cg_check_history_model_get_search         (CgCheckHistoryModel *self);
/* The band labels follow the policy: a new policy refreshes the rows. */
void         cg_check_history_model_set_policy         (CgCheckHistoryModel *self,
                                                        const CgPolicy      *policy);
/* Counts again and drops the cached pages; emits "items-changed" (0, old,
 * new) when anything may have changed.  Runs on its own after a store
 * change; call it to refresh at once. */
void         cg_check_history_model_refresh            (CgCheckHistoryModel *self);
/* While paused (its view hidden), store changes are only noted; resuming
 * refreshes once if there were any.  GTK 4.8 list views pay for an
 * "items-changed" over a million rows even when hidden, so a view that is
 * not shown should not hear about each check of a morning round. */
void         cg_check_history_model_set_paused         (CgCheckHistoryModel *self,
                                                        gboolean             paused);
gboolean     cg_check_history_model_get_paused         (CgCheckHistoryModel *self);
/* The error of the last read (a count or a page), or NULL.  A page that
 * cannot be read shows empty rows until the next refresh. */
const GError *cg_check_history_model_get_error         (CgCheckHistoryModel *self);
/* For tests and benchmarks: pages read from the database so far, and
 * pages held now. */
guint        cg_check_history_model_get_n_page_loads   (CgCheckHistoryModel *self);
guint        cg_check_history_model_get_n_cached_pages (CgCheckHistoryModel *self);

G_END_DECLS
