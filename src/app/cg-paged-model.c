/* cg-paged-model.c — a register as a GListModel paged out of SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-paged-model.h"

#define DEFAULT_PAGE_SIZE 200
#define DEFAULT_MAX_PAGES 8

typedef struct
{
  guint      index;      /* the page's first row is index * page_size */
  GPtrArray *rows;       /* of the class's item_type */
} Page;

typedef struct
{
  CgStore   *store;
  char      *search;     /* stripped, "" for all */
  guint      page_size;
  guint      max_pages;

  guint      n_items;
  GQueue     pages;      /* Page *, most recently used first */
  GError    *error;
  guint      refresh_id;
  guint      n_page_loads;
  gboolean   constructed;
  gboolean   paused;
  gboolean   stale;      /* the store changed while paused */
} CgPagedModelPrivate;

static void cg_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (CgPagedModel, cg_paged_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (CgPagedModel)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                         cg_paged_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_PAGE_SIZE,
  PROP_MAX_PAGES,
  PROP_N_ITEMS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  BEFORE_REFRESH,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
drop_pages (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_queue_clear_full (&priv->pages, page_free);
}

static void
set_error (CgPagedModel *self,
           GError       *error)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_clear_error (&priv->error);
  priv->error = error;
}

static const char *
search_or_null (CgPagedModelPrivate *priv)
{
  return priv->search[0] != '\0' ? priv->search : NULL;
}

static guint
count_rows (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);
  GError *error = NULL;
  gint64 count;

  count = CG_PAGED_MODEL_GET_CLASS (self)->count (self, priv->store, search_or_null (priv), &error);
  if (count < 0)
    {
      set_error (self, error);
      return 0;
    }
  set_error (self, NULL);
  return (guint) MIN (count, (gint64) G_MAXUINT);
}

static Page *
load_page (CgPagedModel *self,
           guint         index)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);
  GError *error = NULL;
  Page *page;

  priv->n_page_loads++;
  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = CG_PAGED_MODEL_GET_CLASS (self)->page (self, priv->store, search_or_null (priv),
                                                      (gint64) index * priv->page_size,
                                                      priv->page_size, &error);
  if (page->rows == NULL)
    {
      set_error (self, error);
      page->rows = g_ptr_array_new ();
    }
  return page;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CgPagedModel *self = user_data;
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  priv->refresh_id = 0;
  cg_paged_model_refresh (self);
  return G_SOURCE_REMOVE;
}

void
cg_paged_model_queue_refresh (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_if_fail (CG_IS_PAGED_MODEL (self));

  if (priv->paused)
    {
      priv->stale = TRUE;
      return;
    }
  /* A morning round adds a check every few seconds and an import many at
   * once: one count for all the changes of one main-loop turn. */
  if (priv->refresh_id == 0)
    priv->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static gpointer
cg_paged_model_get_item (GListModel *model,
                         guint       position)
{
  CgPagedModel *self = CG_PAGED_MODEL (model);
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);
  GList *link;
  Page *page;
  guint index;
  guint offset;

  if (position >= priv->n_items)
    return NULL;

  index = position / priv->page_size;
  offset = position % priv->page_size;
  for (link = priv->pages.head; link != NULL; link = link->next)
    if (((Page *) link->data)->index == index)
      break;

  if (link != NULL)
    {
      page = link->data;
      if (link != priv->pages.head)
        {
          g_queue_unlink (&priv->pages, link);
          g_queue_push_head_link (&priv->pages, link);
        }
    }
  else
    {
      page = load_page (self, index);
      g_queue_push_head (&priv->pages, page);
      while (priv->pages.length > priv->max_pages)
        page_free (g_queue_pop_tail (&priv->pages));
    }

  if (offset >= page->rows->len)
    {
      /* The register changed under us (an import, another program, a
       * restore): show a blank row now and the truth after the refresh. */
      cg_paged_model_queue_refresh (self);
      return CG_PAGED_MODEL_GET_CLASS (self)->new_blank (self);
    }
  return g_object_ref (g_ptr_array_index (page->rows, offset));
}

static GType
cg_paged_model_get_item_type (GListModel *model)
{
  return CG_PAGED_MODEL_GET_CLASS (model)->item_type;
}

static guint
cg_paged_model_get_n_items (GListModel *model)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (CG_PAGED_MODEL (model));

  return priv->n_items;
}

static void
cg_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item = cg_paged_model_get_item;
  iface->get_item_type = cg_paged_model_get_item_type;
  iface->get_n_items = cg_paged_model_get_n_items;
}

void
cg_paged_model_refresh (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);
  guint old_n;
  guint new_n;

  g_return_if_fail (CG_IS_PAGED_MODEL (self));

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  priv->stale = FALSE;
  g_signal_emit (self, signals[BEFORE_REFRESH], 0);
  old_n = priv->n_items;
  drop_pages (self);
  new_n = count_rows (self);
  priv->n_items = new_n;

  /* Rows may have changed anywhere (an import of past days, an action
   * recorded, a person renamed): the views rebind what they show, which
   * costs one page. */
  if (old_n != 0 || new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed_cb (CgStore    *store,
                     const char *table,
                     gpointer    user_data)
{
  CgPagedModel *self = user_data;
  const char * const *tables = CG_PAGED_MODEL_GET_CLASS (self)->tables;

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (g_strcmp0 (table, tables[i]) == 0)
      {
        cg_paged_model_queue_refresh (self);
        return;
      }
}

void
cg_paged_model_set_search (CgPagedModel *self,
                           const char   *search)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);
  g_autofree char *clean = NULL;

  g_return_if_fail (CG_IS_PAGED_MODEL (self));

  clean = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (g_strcmp0 (clean, priv->search) == 0)
    return;
  g_free (priv->search);
  priv->search = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  if (priv->constructed)
    cg_paged_model_refresh (self);
}

const char *
cg_paged_model_get_search (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGED_MODEL (self), NULL);
  return priv->search;
}

void
cg_paged_model_set_paused (CgPagedModel *self,
                           gboolean      paused)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_if_fail (CG_IS_PAGED_MODEL (self));

  paused = !!paused;
  if (priv->paused == paused)
    return;
  priv->paused = paused;
  if (paused)
    {
      if (priv->refresh_id != 0)
        {
          g_clear_handle_id (&priv->refresh_id, g_source_remove);
          priv->stale = TRUE;
        }
    }
  else if (priv->stale)
    cg_paged_model_refresh (self);
}

gboolean
cg_paged_model_get_paused (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGED_MODEL (self), FALSE);
  return priv->paused;
}

CgStore *
cg_paged_model_get_store (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGED_MODEL (self), NULL);
  return priv->store;
}

const GError *
cg_paged_model_get_error (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGED_MODEL (self), NULL);
  return priv->error;
}

guint
cg_paged_model_get_n_page_loads (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGED_MODEL (self), 0);
  return priv->n_page_loads;
}

guint
cg_paged_model_get_n_cached_pages (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGED_MODEL (self), 0);
  return priv->pages.length;
}

static void
cg_paged_model_constructed (GObject *object)
{
  CgPagedModel *self = CG_PAGED_MODEL (object);
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  G_OBJECT_CLASS (cg_paged_model_parent_class)->constructed (object);

  priv->constructed = TRUE;
  g_return_if_fail (priv->store != NULL);
  g_signal_connect_object (priv->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  /* One count (tens of milliseconds over a million rows); no row is read
   * before a view asks for it. */
  priv->n_items = count_rows (self);
}

static void
cg_paged_model_dispose (GObject *object)
{
  CgPagedModel *self = CG_PAGED_MODEL (object);
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  drop_pages (self);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (cg_paged_model_parent_class)->dispose (object);
}

static void
cg_paged_model_finalize (GObject *object)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (CG_PAGED_MODEL (object));

  g_clear_error (&priv->error);
  g_free (priv->search);

  G_OBJECT_CLASS (cg_paged_model_parent_class)->finalize (object);
}

static void
cg_paged_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (CG_PAGED_MODEL (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, priv->search);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, priv->page_size);
      break;
    case PROP_MAX_PAGES:
      g_value_set_uint (value, priv->max_pages);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_paged_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgPagedModel *self = CG_PAGED_MODEL (object);
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      cg_paged_model_set_search (self, g_value_get_string (value));
      break;
    case PROP_PAGE_SIZE:
      priv->page_size = g_value_get_uint (value);
      break;
    case PROP_MAX_PAGES:
      priv->max_pages = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_paged_model_class_init (CgPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cg_paged_model_constructed;
  object_class->dispose = cg_paged_model_dispose;
  object_class->finalize = cg_paged_model_finalize;
  object_class->get_property = cg_paged_model_get_property;
  object_class->set_property = cg_paged_model_set_property;

  klass->item_type = G_TYPE_OBJECT;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 100000, DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_PAGES] =
    g_param_spec_uint ("max-pages", NULL, NULL, 1, 10000, DEFAULT_MAX_PAGES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BEFORE_REFRESH] =
    g_signal_new ("before-refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_paged_model_init (CgPagedModel *self)
{
  CgPagedModelPrivate *priv = cg_paged_model_get_instance_private (self);

  priv->search = g_strdup ("");
  priv->page_size = DEFAULT_PAGE_SIZE;
  priv->max_pages = DEFAULT_MAX_PAGES;
  g_queue_init (&priv->pages);
}
