/* cg-check-history-model.c — the history of daily checks as a GListModel paged out of SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-check-history-model.h"
#include "cg-date.h"
#include "cg-validate.h"

/* ---- CgCheckRow ------------------------------------------------------ */

struct _CgCheckRow
{
  GObject     parent_instance;

  gint64      id;
  gint64      person_id;
  char       *date;
  char       *time;
  char       *name;
  char       *room;
  char       *masked_id;
  double      temperature;
  char       *temperature_text;
  CgTempBand  band;
  const char *band_label;     /* static, translated */
  guint       symptoms;
  char       *symptoms_text;
  char       *action;
};

G_DEFINE_FINAL_TYPE (CgCheckRow, cg_check_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_PERSON_ID,
  ROW_PROP_DATE,
  ROW_PROP_TIME,
  ROW_PROP_NAME,
  ROW_PROP_ROOM,
  ROW_PROP_MASKED_ID,
  ROW_PROP_TEMPERATURE,
  ROW_PROP_TEMPERATURE_TEXT,
  ROW_PROP_BAND,
  ROW_PROP_BAND_LABEL,
  ROW_PROP_IS_FEVER,
  ROW_PROP_SYMPTOMS,
  ROW_PROP_SYMPTOMS_TEXT,
  ROW_PROP_ACTION,
  ROW_N_PROPS
};
static GParamSpec *row_properties[ROW_N_PROPS];

static void
cg_check_row_finalize (GObject *object)
{
  CgCheckRow *self = CG_CHECK_ROW (object);

  g_free (self->date);
  g_free (self->time);
  g_free (self->name);
  g_free (self->room);
  g_free (self->masked_id);
  g_free (self->temperature_text);
  g_free (self->symptoms_text);
  g_free (self->action);

  G_OBJECT_CLASS (cg_check_row_parent_class)->finalize (object);
}

static void
cg_check_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CgCheckRow *self = CG_CHECK_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ROW_PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case ROW_PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case ROW_PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROW_PROP_ROOM:
      g_value_set_string (value, self->room);
      break;
    case ROW_PROP_MASKED_ID:
      g_value_set_string (value, self->masked_id);
      break;
    case ROW_PROP_TEMPERATURE:
      g_value_set_double (value, self->temperature);
      break;
    case ROW_PROP_TEMPERATURE_TEXT:
      g_value_set_string (value, self->temperature_text);
      break;
    case ROW_PROP_BAND:
      g_value_set_int (value, self->band);
      break;
    case ROW_PROP_BAND_LABEL:
      g_value_set_string (value, self->band_label);
      break;
    case ROW_PROP_IS_FEVER:
      g_value_set_boolean (value, cg_check_row_get_is_fever (self));
      break;
    case ROW_PROP_SYMPTOMS:
      g_value_set_uint (value, self->symptoms);
      break;
    case ROW_PROP_SYMPTOMS_TEXT:
      g_value_set_string (value, self->symptoms_text);
      break;
    case ROW_PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_check_row_class_init (CgCheckRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cg_check_row_finalize;
  object_class->get_property = cg_check_row_get_property;

  row_properties[ROW_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  row_properties[ROW_PROP_TIME] = g_param_spec_string ("time", NULL, NULL, "", flags);
  row_properties[ROW_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  row_properties[ROW_PROP_ROOM] = g_param_spec_string ("room", NULL, NULL, "", flags);
  row_properties[ROW_PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, "", flags);
  row_properties[ROW_PROP_TEMPERATURE] =
    g_param_spec_double ("temperature", NULL, NULL, 0.0, 100.0, 0.0, flags);
  row_properties[ROW_PROP_TEMPERATURE_TEXT] =
    g_param_spec_string ("temperature-text", NULL, NULL, "", flags);
  row_properties[ROW_PROP_BAND] =
    g_param_spec_int ("band", NULL, NULL, CG_BAND_TOO_LOW, CG_BAND_TOO_HIGH, CG_BAND_NORMAL, flags);
  row_properties[ROW_PROP_BAND_LABEL] = g_param_spec_string ("band-label", NULL, NULL, "", flags);
  row_properties[ROW_PROP_IS_FEVER] = g_param_spec_boolean ("is-fever", NULL, NULL, FALSE, flags);
  row_properties[ROW_PROP_SYMPTOMS] =
    g_param_spec_uint ("symptoms", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_SYMPTOMS_TEXT] =
    g_param_spec_string ("symptoms-text", NULL, NULL, "", flags);
  row_properties[ROW_PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
cg_check_row_init (CgCheckRow *self)
{
  self->band = CG_BAND_NORMAL;
  self->band_label = "";
}

/* A row that could not be read: blank, so a view never gets NULL. */
static CgCheckRow *
cg_check_row_new_blank (void)
{
  CgCheckRow *self = g_object_new (CG_TYPE_CHECK_ROW, NULL);

  self->date = g_strdup ("");
  self->time = g_strdup ("");
  self->name = g_strdup ("");
  self->room = g_strdup ("");
  self->masked_id = g_strdup ("");
  self->temperature_text = g_strdup ("");
  self->symptoms_text = g_strdup ("");
  self->action = g_strdup ("");
  return self;
}

CgCheckRow *
cg_check_row_new_from_check (const CgHealthCheck *check,
                             const CgPolicy      *policy)
{
  CgCheckRow *self;
  g_autofree char *local = NULL;

  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  self = g_object_new (CG_TYPE_CHECK_ROW, NULL);
  self->id = check->id;
  self->person_id = check->person_id;

  /* Stored in UTC, shown in local time: "YYYY-MM-DD HH:MM". */
  local = cg_datetime_utc_to_local (check->checked_at);
  if (local != NULL && strlen (local) == 16)
    {
      self->date = g_strndup (local, 10);
      self->time = g_strdup (local + 11);
    }
  else
    {
      self->date = g_strdup (check->checked_on != NULL ? check->checked_on : "");
      self->time = g_strdup ("");
    }

  self->name = g_strdup (check->person_name != NULL ? check->person_name : "");
  self->room = g_strdup (check->room != NULL ? check->room : "");
  self->masked_id = check->id_number != NULL ? cg_mask_id_number (check->id_number) : NULL;
  if (self->masked_id == NULL)
    self->masked_id = g_strdup ("");
  self->temperature = check->temperature;
  /* Translators: a body temperature in degrees Celsius */
  self->temperature_text = g_strdup_printf (_("%.1f ℃"), check->temperature);
  self->band = cg_temperature_band (policy, check->temperature);
  self->band_label = cg_temperature_band_label (self->band);
  self->symptoms = check->symptoms;
  self->symptoms_text = cg_symptoms_describe (check->symptoms);
  self->action = g_strdup (check->action != NULL ? check->action : "");
  return self;
}

gint64
cg_check_row_get_id (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), 0);
  return self->id;
}

gint64
cg_check_row_get_person_id (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), 0);
  return self->person_id;
}

const char *
cg_check_row_get_date (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->date;
}

const char *
cg_check_row_get_time (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->time;
}

const char *
cg_check_row_get_name (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->name;
}

const char *
cg_check_row_get_room (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->room;
}

const char *
cg_check_row_get_masked_id (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->masked_id;
}

double
cg_check_row_get_temperature (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), 0.0);
  return self->temperature;
}

const char *
cg_check_row_get_temperature_text (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->temperature_text;
}

CgTempBand
cg_check_row_get_band (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), CG_BAND_NORMAL);
  return self->band;
}

const char *
cg_check_row_get_band_label (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->band_label;
}

gboolean
cg_check_row_get_is_fever (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), FALSE);
  return self->id != 0 && cg_temperature_band_is_fever (self->band);
}

guint
cg_check_row_get_symptoms (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), 0);
  return self->symptoms;
}

const char *
cg_check_row_get_symptoms_text (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->symptoms_text;
}

const char *
cg_check_row_get_action (CgCheckRow *self)
{
  g_return_val_if_fail (CG_IS_CHECK_ROW (self), NULL);
  return self->action;
}

/* ---- CgCheckHistoryModel --------------------------------------------- */

#define DEFAULT_PAGE_SIZE 200
#define DEFAULT_MAX_PAGES 8

typedef struct
{
  guint      index;      /* the page's first row is index * page_size */
  GPtrArray *rows;       /* CgCheckRow */
} Page;

struct _CgCheckHistoryModel
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
  gboolean   constructed;
  gboolean   paused;
  gboolean   stale;      /* the store changed while paused */
};

static void cg_check_history_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CgCheckHistoryModel, cg_check_history_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cg_check_history_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_POLICY,
  PROP_SEARCH,
  PROP_PAGE_SIZE,
  PROP_MAX_PAGES,
  PROP_N_ITEMS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
drop_pages (CgCheckHistoryModel *self)
{
  g_queue_clear_full (&self->pages, page_free);
}

static void
set_error (CgCheckHistoryModel *self,
           GError              *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

static guint
count_rows (CgCheckHistoryModel *self)
{
  GError *error = NULL;
  gint64 count;

  count = cg_health_check_count (self->store, self->search, &error);
  if (count < 0)
    {
      set_error (self, error);
      return 0;
    }
  set_error (self, NULL);
  return (guint) MIN (count, (gint64) G_MAXUINT);
}

static Page *
load_page (CgCheckHistoryModel *self,
           guint                index)
{
  g_autoptr(GPtrArray) checks = NULL;
  GError *error = NULL;
  Page *page;

  self->n_page_loads++;
  checks = cg_health_check_page (self->store, self->search,
                                 (gint64) index * self->page_size, self->page_size, &error);
  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = g_ptr_array_new_full (checks != NULL ? checks->len : 0, g_object_unref);
  if (checks == NULL)
    set_error (self, error);
  else
    for (guint i = 0; i < checks->len; i++)
      g_ptr_array_add (page->rows, cg_check_row_new_from_check (checks->pdata[i], self->policy));
  return page;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CgCheckHistoryModel *self = user_data;

  self->refresh_id = 0;
  cg_check_history_model_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CgCheckHistoryModel *self)
{
  if (self->paused)
    {
      self->stale = TRUE;
      return;
    }
  /* A morning round adds a check every few seconds and an import many at
   * once: one count for all the changes of one main-loop turn. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static gpointer
cg_check_history_model_get_item (GListModel *model,
                                 guint       position)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (model);
  GList *link;
  Page *page = NULL;
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
      /* The register changed under us (another program, a restore): show
       * a blank row now and the truth after the refresh. */
      queue_refresh (self);
      return cg_check_row_new_blank ();
    }
  return g_object_ref (g_ptr_array_index (page->rows, offset));
}

static GType
cg_check_history_model_get_item_type (GListModel *model)
{
  return CG_TYPE_CHECK_ROW;
}

static guint
cg_check_history_model_get_n_items (GListModel *model)
{
  return CG_CHECK_HISTORY_MODEL (model)->n_items;
}

static void
cg_check_history_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item = cg_check_history_model_get_item;
  iface->get_item_type = cg_check_history_model_get_item_type;
  iface->get_n_items = cg_check_history_model_get_n_items;
}

void
cg_check_history_model_refresh (CgCheckHistoryModel *self)
{
  guint old_n;
  guint new_n;

  g_return_if_fail (CG_IS_CHECK_HISTORY_MODEL (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  old_n = self->n_items;
  drop_pages (self);
  new_n = count_rows (self);
  self->n_items = new_n;

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
  CgCheckHistoryModel *self = user_data;

  /* Rows join the person: a new name or room shows in the history too. */
  if (g_strcmp0 (table, "health_check") == 0 || g_strcmp0 (table, "person") == 0)
    queue_refresh (self);
}

void
cg_check_history_model_set_search (CgCheckHistoryModel *self,
                                   const char          *search)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (CG_IS_CHECK_HISTORY_MODEL (self));

  clean = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (g_strcmp0 (clean, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  if (self->constructed)
    cg_check_history_model_refresh (self);
}

const char *
cg_check_history_model_get_search (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), NULL);
  return self->search;
}

void
cg_check_history_model_set_policy (CgCheckHistoryModel *self,
                                   const CgPolicy      *policy)
{
  g_return_if_fail (CG_IS_CHECK_HISTORY_MODEL (self));
  g_return_if_fail (policy != NULL);

  if (self->policy == policy)
    return;
  g_clear_pointer (&self->policy, cg_policy_free);
  self->policy = cg_policy_copy (policy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
  if (self->constructed && self->n_items > 0)
    cg_check_history_model_refresh (self);
}

void
cg_check_history_model_set_paused (CgCheckHistoryModel *self,
                                   gboolean             paused)
{
  g_return_if_fail (CG_IS_CHECK_HISTORY_MODEL (self));

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
    cg_check_history_model_refresh (self);
}

gboolean
cg_check_history_model_get_paused (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), FALSE);
  return self->paused;
}

const GError *
cg_check_history_model_get_error (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), NULL);
  return self->error;
}

guint
cg_check_history_model_get_n_page_loads (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), 0);
  return self->n_page_loads;
}

guint
cg_check_history_model_get_n_cached_pages (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), 0);
  return self->pages.length;
}

static void
cg_check_history_model_constructed (GObject *object)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (object);

  G_OBJECT_CLASS (cg_check_history_model_parent_class)->constructed (object);

  self->constructed = TRUE;
  g_return_if_fail (self->store != NULL);
  if (self->policy == NULL)
    self->policy = cg_policy_new_defaults (CG_KIND_CARE_HOME, NULL, 0, NULL);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  /* One count (tens of milliseconds over a million rows); no row is read
   * before a view asks for it. */
  self->n_items = count_rows (self);
}

static void
cg_check_history_model_dispose (GObject *object)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  drop_pages (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_check_history_model_parent_class)->dispose (object);
}

static void
cg_check_history_model_finalize (GObject *object)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (object);

  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_error (&self->error);
  g_free (self->search);

  G_OBJECT_CLASS (cg_check_history_model_parent_class)->finalize (object);
}

static void
cg_check_history_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_POLICY:
      g_value_set_pointer (value, self->policy);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    case PROP_MAX_PAGES:
      g_value_set_uint (value, self->max_pages);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_check_history_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_POLICY:
      if (g_value_get_pointer (value) != NULL)
        {
          if (!self->constructed)   /* nothing to refresh yet */
            {
              g_clear_pointer (&self->policy, cg_policy_free);
              self->policy = cg_policy_copy (g_value_get_pointer (value));
            }
          else
            cg_check_history_model_set_policy (self, g_value_get_pointer (value));
        }
      break;
    case PROP_SEARCH:
      cg_check_history_model_set_search (self, g_value_get_string (value));
      break;
    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;
    case PROP_MAX_PAGES:
      self->max_pages = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_check_history_model_class_init (CgCheckHistoryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cg_check_history_model_constructed;
  object_class->dispose = cg_check_history_model_dispose;
  object_class->finalize = cg_check_history_model_finalize;
  object_class->get_property = cg_check_history_model_get_property;
  object_class->set_property = cg_check_history_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POLICY] =
    g_param_spec_pointer ("policy", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                          | G_PARAM_STATIC_STRINGS);
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
}

static void
cg_check_history_model_init (CgCheckHistoryModel *self)
{
  self->search = g_strdup ("");
  self->page_size = DEFAULT_PAGE_SIZE;
  self->max_pages = DEFAULT_MAX_PAGES;
  g_queue_init (&self->pages);
}

CgCheckHistoryModel *
cg_check_history_model_new (CgStore        *store,
                            const CgPolicy *policy)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  return g_object_new (CG_TYPE_CHECK_HISTORY_MODEL,
                       "store", store,
                       "policy", policy,
                       NULL);
}
