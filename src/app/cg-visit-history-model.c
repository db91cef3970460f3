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

#define DEFAULT_PAGE_SIZE 200
#define DEFAULT_MAX_PAGES 8

typedef struct
{
  guint      index;      /* the page's first row is index * page_size */
  GPtrArray *rows;       /* CgVisitRow */
} Page;

struct _CgVisitHistoryModel
{
  GObject    parent_instance;

  CgStore   *store;
  CgPolicy  *policy;
  char      *search;
  guint      page_size;
  guint      max_pages;

  guint      n_items;
  GQueue     pages;      /* Page *, most recently used first */
  GError    *error;
  guint      refresh_id;
  guint      n_page_loads;
  gboolean   paused;
  gboolean   stale;
};

static void cg_visit_history_model_list_model_init (GListModelInterface *iface);

enum {
  BEFORE_REFRESH,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CgVisitHistoryModel, cg_visit_history_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cg_visit_history_model_list_model_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
set_error (CgVisitHistoryModel *self,
           GError              *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

static const char *
search_or_null (CgVisitHistoryModel *self)
{
  return self->search[0] != '\0' ? self->search : NULL;
}

static guint
count_rows (CgVisitHistoryModel *self)
{
  GError *error = NULL;
  gint64 count;

  count = cg_visit_count (self->store, search_or_null (self), &error);
  if (count < 0)
    {
      set_error (self, error);
      return 0;
    }
  set_error (self, NULL);
  return (guint) MIN (count, (gint64) G_MAXUINT);
}

static Page *
load_page (CgVisitHistoryModel *self,
           guint                index)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  GError *error = NULL;
  Page *page;

  self->n_page_loads++;
  visits = cg_visit_page (self->store, search_or_null (self),
                          (gint64) index * self->page_size, self->page_size, &error);
  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = g_ptr_array_new_full (visits != NULL ? visits->len : 0, g_object_unref);
  if (visits == NULL)
    set_error (self, error);
  else
    for (guint i = 0; i < visits->len; i++)
      g_ptr_array_add (page->rows, cg_visit_row_new_from_visit (visits->pdata[i], self->policy, now));
  return page;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CgVisitHistoryModel *self = user_data;

  self->refresh_id = 0;
  cg_visit_history_model_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CgVisitHistoryModel *self)
{
  if (self->paused)
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static gpointer
cg_visit_history_model_get_item (GListModel *model,
                                 guint       position)
{
  CgVisitHistoryModel *self = CG_VISIT_HISTORY_MODEL (model);
  GList *link;
  Page *page;
  guint index;
  guint offset;

  if (position >= self->n_items)
    return NULL;

  index = position / self->page_size;
  offset = position % self->page_size;
  for (link = self->pages.head; link != NULL; link = link->next)
    if (((Page *) link->data)->index == index)
      break;

  if (link != NULL)
    {
      page = link->data;
      if (link != self->pages.head)
        {
          g_queue_unlink (&self->pages, link);
          g_queue_push_head_link (&self->pages, link);
        }
    }
  else
    {
      page = load_page (self, index);
      g_queue_push_head (&self->pages, page);
      while (self->pages.length > self->max_pages)
        page_free (g_queue_pop_tail (&self->pages));
    }

  if (offset >= page->rows->len)
    {
      /* The register changed under us (an import, another program). */
      queue_refresh (self);
      return cg_visit_row_new_blank ();
    }
  return g_object_ref (g_ptr_array_index (page->rows, offset));
}

static GType
cg_visit_history_model_get_item_type (GListModel *model)
{
  return CG_TYPE_VISIT_ROW;
}

static guint
cg_visit_history_model_get_n_items (GListModel *model)
{
  return CG_VISIT_HISTORY_MODEL (model)->n_items;
}

static void
cg_visit_history_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item = cg_visit_history_model_get_item;
  iface->get_item_type = cg_visit_history_model_get_item_type;
  iface->get_n_items = cg_visit_history_model_get_n_items;
}

void
cg_visit_history_model_refresh (CgVisitHistoryModel *self)
{
  guint old_n;

  g_return_if_fail (CG_IS_VISIT_HISTORY_MODEL (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  g_signal_emit (self, signals[BEFORE_REFRESH], 0);
  old_n = self->n_items;
  g_queue_clear_full (&self->pages, page_free);
  self->n_items = count_rows (self);
  if (old_n != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

static void
on_store_changed_cb (CgStore    *store,
                     const char *table,
                     gpointer    user_data)
{
  CgVisitHistoryModel *self = user_data;

  if (g_strcmp0 (table, "visit") == 0 || g_strcmp0 (table, "person") == 0)
    queue_refresh (self);
}

void
cg_visit_history_model_set_search (CgVisitHistoryModel *self,
                                   const char          *search)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (CG_IS_VISIT_HISTORY_MODEL (self));

  clean = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (g_strcmp0 (clean, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&clean);
  cg_visit_history_model_refresh (self);
}

const char *
cg_visit_history_model_get_search (CgVisitHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_VISIT_HISTORY_MODEL (self), NULL);
  return self->search;
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
  if (self->n_items > 0)
    queue_refresh (self);
}

void
cg_visit_history_model_set_paused (CgVisitHistoryModel *self,
                                   gboolean             paused)
{
  g_return_if_fail (CG_IS_VISIT_HISTORY_MODEL (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  self->paused = paused;
  if (paused)
    {
      if (self->refresh_id != 0)
        {
          g_clear_handle_id (&self->refresh_id, g_source_remove);
          self->stale = TRUE;
        }
    }
  else if (self->stale)
    cg_visit_history_model_refresh (self);
}

const GError *
cg_visit_history_model_get_error (CgVisitHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_VISIT_HISTORY_MODEL (self), NULL);
  return self->error;
}

guint
cg_visit_history_model_get_n_page_loads (CgVisitHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_VISIT_HISTORY_MODEL (self), 0);
  return self->n_page_loads;
}

static void
cg_visit_history_model_dispose (GObject *object)
{
  CgVisitHistoryModel *self = CG_VISIT_HISTORY_MODEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_queue_clear_full (&self->pages, page_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_visit_history_model_parent_class)->dispose (object);
}

static void
cg_visit_history_model_finalize (GObject *object)
{
  CgVisitHistoryModel *self = CG_VISIT_HISTORY_MODEL (object);

  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_error (&self->error);
  g_free (self->search);

  G_OBJECT_CLASS (cg_visit_history_model_parent_class)->finalize (object);
}

static void
cg_visit_history_model_class_init (CgVisitHistoryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_visit_history_model_dispose;
  object_class->finalize = cg_visit_history_model_finalize;

  signals[BEFORE_REFRESH] =
    g_signal_new ("before-refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_visit_history_model_init (CgVisitHistoryModel *self)
{
  self->search = g_strdup ("");
  self->page_size = DEFAULT_PAGE_SIZE;
  self->max_pages = DEFAULT_MAX_PAGES;
  g_queue_init (&self->pages);
}

CgVisitHistoryModel *
cg_visit_history_model_new (CgStore        *store,
                            const CgPolicy *policy)
{
  CgVisitHistoryModel *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  self = g_object_new (CG_TYPE_VISIT_HISTORY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->policy = cg_policy_copy (policy);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  /* One count; no row is read before a view asks for it. */
  self->n_items = count_rows (self);
  return self;
}
