/* cg-visit-history-model.c — the visitor register as a GListModel paged out of SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-validate.h"
#include "cg-visit-history-model.h"

/* ---- CgVisitRow -------------------------------------------------------- */

struct _CgVisitRow
{
  GObject   parent_instance;

  CgVisit  *visit;
  char     *texts[CG_N_VISIT_COLS];
  gboolean  overstay;
};

G_DEFINE_FINAL_TYPE (CgVisitRow, cg_visit_row, G_TYPE_OBJECT)

static void
cg_visit_row_finalize (GObject *object)
{
  CgVisitRow *self = CG_VISIT_ROW (object);

  g_clear_pointer (&self->visit, cg_visit_free);
  for (guint i = 0; i < CG_N_VISIT_COLS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (cg_visit_row_parent_class)->finalize (object);
}

static void
cg_visit_row_class_init (CgVisitRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_visit_row_finalize;
}

static void
cg_visit_row_init (CgVisitRow *self)
{
}

/* A row that could not be read: blank, so a view never gets NULL. */
static CgVisitRow *
cg_visit_row_new_blank (void)
{
  CgVisitRow *self = g_object_new (CG_TYPE_VISIT_ROW, NULL);

  self->visit = cg_visit_new ();
  for (guint i = 0; i < CG_N_VISIT_COLS; i++)
    self->texts[i] = g_strdup ("");
  return self;
}

static char *
nonnull (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

CgVisitRow *
cg_visit_row_new_from_visit (const CgVisit  *visit,
                             const CgPolicy *policy,
                             const char     *now)
{
  CgVisitRow *self;
  g_autofree char *arrived = NULL;

  g_return_val_if_fail (visit != NULL, NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  self = g_object_new (CG_TYPE_VISIT_ROW, NULL);
  self->visit = cg_visit_copy (visit);

  arrived = cg_datetime_utc_to_local (visit->arrived_at);
  self->texts[CG_VISIT_COL_DATE] = nonnull (arrived);
  self->texts[CG_VISIT_COL_VISITOR] = nonnull (visit->visitor_name);
  self->texts[CG_VISIT_COL_MASKED_ID] = cg_mask_id_number (visit->visitor_id_number);
  self->texts[CG_VISIT_COL_PHONE] = nonnull (visit->phone);
  if (visit->visiting_name != NULL && visit->visiting_room != NULL && *visit->visiting_room != '\0')
    /* Translators: the person visited and their room */
    self->texts[CG_VISIT_COL_VISITING] = g_strdup_printf (_("%s (%s)"), visit->visiting_name,
                                                          visit->visiting_room);
  else
    self->texts[CG_VISIT_COL_VISITING] = nonnull (visit->visiting_name);
  self->texts[CG_VISIT_COL_RELATIONSHIP] = nonnull (visit->relationship);
  /* Translators: a body temperature in degrees Celsius */
  self->texts[CG_VISIT_COL_TEMPERATURE] = g_strdup_printf (_("%.1f ℃"), visit->temperature);
  self->texts[CG_VISIT_COL_HEALTH_CODE] =
    g_strdup (visit->health_code < CG_N_HEALTH_CODES ? cg_health_code_label (visit->health_code) : "");
  if (visit->refusal == 0)
    self->texts[CG_VISIT_COL_RESULT] = g_strdup (C_("visit", "Admitted"));
  else
    {
      g_autofree char *reasons = cg_refusal_describe (visit->refusal);

      /* Translators: a refused visit in the register; %s lists the reasons */
      self->texts[CG_VISIT_COL_RESULT] = g_strdup_printf (_("Refused: %s"), reasons);
    }

  if (visit->refusal != 0)
    self->texts[CG_VISIT_COL_LEFT] = g_strdup ("");
  else if (visit->left_at == NULL)
    self->texts[CG_VISIT_COL_LEFT] = g_strdup (C_("visit", "Inside"));
  else
    {
      g_autofree char *left = cg_datetime_utc_to_local (visit->left_at);

      /* The time alone when the visitor left on the day of arrival. */
      if (left != NULL && arrived != NULL && strlen (left) == 16 && strncmp (left, arrived, 10) == 0)
        self->texts[CG_VISIT_COL_LEFT] = g_strdup (left + 11);
      else
        self->texts[CG_VISIT_COL_LEFT] = nonnull (left);
    }
  self->texts[CG_VISIT_COL_REGISTERED_BY] = nonnull (visit->registered_by);
  self->overstay = visit->refusal == 0 && now != NULL && cg_visit_is_overstay (policy, visit, now);
  return self;
}

const char *
cg_visit_row_get_text (CgVisitRow    *self,
                       CgVisitColumn  column)
{
  g_return_val_if_fail (CG_IS_VISIT_ROW (self), NULL);
  g_return_val_if_fail (column < CG_N_VISIT_COLS, NULL);
  return self->texts[column];
}

const CgVisit *
cg_visit_row_get_visit (CgVisitRow *self)
{
  g_return_val_if_fail (CG_IS_VISIT_ROW (self), NULL);
  return self->visit;
}

gboolean
cg_visit_row_is_refused (CgVisitRow *self)
{
  g_return_val_if_fail (CG_IS_VISIT_ROW (self), FALSE);
  return self->visit->id != 0 && self->visit->refusal != 0;
}

gboolean
cg_visit_row_is_overstay (CgVisitRow *self)
{
  g_return_val_if_fail (CG_IS_VISIT_ROW (self), FALSE);
  return self->overstay;
}

/* ---- CgVisitHistoryModel ---------------------------------------------- */

struct _CgVisitHistoryModel
{
  CgPagedModel  parent_instance;

  CgPolicy     *policy;
};

G_DEFINE_FINAL_TYPE (CgVisitHistoryModel, cg_visit_history_model, CG_TYPE_PAGED_MODEL)

static gint64
cg_visit_history_model_count (CgPagedModel  *model,
                              CgStore       *store,
                              const char    *search,
                              GError       **error)
{
  return cg_visit_count (store, search, error);
}

static GPtrArray *
cg_visit_history_model_page (CgPagedModel  *model,
                             CgStore       *store,
                             const char    *search,
                             gint64         offset,
                             guint          limit,
                             GError       **error)
{
  CgVisitHistoryModel *self = CG_VISIT_HISTORY_MODEL (model);
  g_autoptr(GPtrArray) visits = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  GPtrArray *rows;

  visits = cg_visit_page (store, search, offset, limit, error);
  if (visits == NULL)
    return NULL;
  rows = g_ptr_array_new_full (visits->len, g_object_unref);
  for (guint i = 0; i < visits->len; i++)
    g_ptr_array_add (rows, cg_visit_row_new_from_visit (visits->pdata[i], self->policy, now));
  return rows;
}

static gpointer
cg_visit_history_model_new_blank (CgPagedModel *model)
{
  return cg_visit_row_new_blank ();
}

void
cg_visit_history_model_refresh (CgVisitHistoryModel *self)
{
  g_return_if_fail (CG_IS_VISIT_HISTORY_MODEL (self));
  cg_paged_model_refresh (CG_PAGED_MODEL (self));
}

void
cg_visit_history_model_set_search (CgVisitHistoryModel *self,
                                   const char          *search)
{
  g_return_if_fail (CG_IS_VISIT_HISTORY_MODEL (self));
  cg_paged_model_set_search (CG_PAGED_MODEL (self), search);
}

const char *
cg_visit_history_model_get_search (CgVisitHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_VISIT_HISTORY_MODEL (self), NULL);
  return cg_paged_model_get_search (CG_PAGED_MODEL (self));
}

void
cg_visit_history_model_set_policy (CgVisitHistoryModel *self,
                                   const CgPolicy      *policy)
{
  g_return_if_fail (CG_IS_VISIT_HISTORY_MODEL (self));
  g_return_if_fail (policy != NULL);

  if (self->policy == policy)
    return;
  g_clear_pointer (&self->policy, cg_policy_free);
  self->policy = cg_policy_copy (policy);
  if (g_list_model_get_n_items (G_LIST_MODEL (self)) > 0)
    cg_paged_model_queue_refresh (CG_PAGED_MODEL (self));
}

void
cg_visit_history_model_set_paused (CgVisitHistoryModel *self,
                                   gboolean             paused)
{
  g_return_if_fail (CG_IS_VISIT_HISTORY_MODEL (self));
  cg_paged_model_set_paused (CG_PAGED_MODEL (self), paused);
}

const GError *
cg_visit_history_model_get_error (CgVisitHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_VISIT_HISTORY_MODEL (self), NULL);
  return cg_paged_model_get_error (CG_PAGED_MODEL (self));
}

guint
cg_visit_history_model_get_n_page_loads (CgVisitHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_VISIT_HISTORY_MODEL (self), 0);
  return cg_paged_model_get_n_page_loads (CG_PAGED_MODEL (self));
}

static void
cg_visit_history_model_finalize (GObject *object)
{
  CgVisitHistoryModel *self = CG_VISIT_HISTORY_MODEL (object);

  g_clear_pointer (&self->policy, cg_policy_free);

  G_OBJECT_CLASS (cg_visit_history_model_parent_class)->finalize (object);
}

static void
cg_visit_history_model_class_init (CgVisitHistoryModelClass *klass)
{
  static const char * const tables[] = { "visit", "person", NULL };
  CgPagedModelClass *paged_class = CG_PAGED_MODEL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_visit_history_model_finalize;

  paged_class->item_type = CG_TYPE_VISIT_ROW;
  paged_class->tables = tables;
  paged_class->count = cg_visit_history_model_count;
  paged_class->page = cg_visit_history_model_page;
  paged_class->new_blank = cg_visit_history_model_new_blank;
}

static void
cg_visit_history_model_init (CgVisitHistoryModel *self)
{
}

CgVisitHistoryModel *
cg_visit_history_model_new (CgStore        *store,
                            const CgPolicy *policy)
{
  CgVisitHistoryModel *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  self = g_object_new (CG_TYPE_VISIT_HISTORY_MODEL, "store", store, NULL);
  self->policy = cg_policy_copy (policy);
  return self;
}
