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

struct _CgCheckHistoryModel
{
  CgPagedModel  parent_instance;

  CgPolicy     *policy;
};

G_DEFINE_FINAL_TYPE (CgCheckHistoryModel, cg_check_history_model, CG_TYPE_PAGED_MODEL)

enum {
  PROP_0,
  PROP_POLICY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static gint64
cg_check_history_model_count (CgPagedModel  *model,
                              CgStore       *store,
                              const char    *search,
                              GError       **error)
{
  return cg_health_check_count (store, search, error);
}

static GPtrArray *
cg_check_history_model_page (CgPagedModel  *model,
                             CgStore       *store,
                             const char    *search,
                             gint64         offset,
                             guint          limit,
                             GError       **error)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (model);
  g_autoptr(GPtrArray) checks = NULL;
  GPtrArray *rows;

  checks = cg_health_check_page (store, search, offset, limit, error);
  if (checks == NULL)
    return NULL;
  rows = g_ptr_array_new_full (checks->len, g_object_unref);
  for (guint i = 0; i < checks->len; i++)
    g_ptr_array_add (rows, cg_check_row_new_from_check (checks->pdata[i], self->policy));
  return rows;
}

static gpointer
cg_check_history_model_new_blank (CgPagedModel *model)
{
  return cg_check_row_new_blank ();
}

void
cg_check_history_model_refresh (CgCheckHistoryModel *self)
{
  g_return_if_fail (CG_IS_CHECK_HISTORY_MODEL (self));
  cg_paged_model_refresh (CG_PAGED_MODEL (self));
}

void
cg_check_history_model_set_search (CgCheckHistoryModel *self,
                                   const char          *search)
{
  g_return_if_fail (CG_IS_CHECK_HISTORY_MODEL (self));
  cg_paged_model_set_search (CG_PAGED_MODEL (self), search);
}

const char *
cg_check_history_model_get_search (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), NULL);
  return cg_paged_model_get_search (CG_PAGED_MODEL (self));
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
  /* No rows before construction, so nothing to refresh yet. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self)) > 0)
    cg_paged_model_refresh (CG_PAGED_MODEL (self));
}

void
cg_check_history_model_set_paused (CgCheckHistoryModel *self,
                                   gboolean             paused)
{
  g_return_if_fail (CG_IS_CHECK_HISTORY_MODEL (self));
  cg_paged_model_set_paused (CG_PAGED_MODEL (self), paused);
}

gboolean
cg_check_history_model_get_paused (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), FALSE);
  return cg_paged_model_get_paused (CG_PAGED_MODEL (self));
}

const GError *
cg_check_history_model_get_error (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), NULL);
  return cg_paged_model_get_error (CG_PAGED_MODEL (self));
}

guint
cg_check_history_model_get_n_page_loads (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), 0);
  return cg_paged_model_get_n_page_loads (CG_PAGED_MODEL (self));
}

guint
cg_check_history_model_get_n_cached_pages (CgCheckHistoryModel *self)
{
  g_return_val_if_fail (CG_IS_CHECK_HISTORY_MODEL (self), 0);
  return cg_paged_model_get_n_cached_pages (CG_PAGED_MODEL (self));
}

static void
cg_check_history_model_constructed (GObject *object)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (object);

  G_OBJECT_CLASS (cg_check_history_model_parent_class)->constructed (object);

  if (self->policy == NULL)
    self->policy = cg_policy_new_defaults (CG_KIND_CARE_HOME, NULL, 0, NULL);
}

static void
cg_check_history_model_finalize (GObject *object)
{
  CgCheckHistoryModel *self = CG_CHECK_HISTORY_MODEL (object);

  g_clear_pointer (&self->policy, cg_policy_free);

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
    case PROP_POLICY:
      g_value_set_pointer (value, self->policy);
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
    case PROP_POLICY:
      if (g_value_get_pointer (value) != NULL)
        cg_check_history_model_set_policy (self, g_value_get_pointer (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_check_history_model_class_init (CgCheckHistoryModelClass *klass)
{
  static const char * const tables[] = { "health_check", "person", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CgPagedModelClass *paged_class = CG_PAGED_MODEL_CLASS (klass);

  object_class->constructed = cg_check_history_model_constructed;
  object_class->finalize = cg_check_history_model_finalize;
  object_class->get_property = cg_check_history_model_get_property;
  object_class->set_property = cg_check_history_model_set_property;

  paged_class->item_type = CG_TYPE_CHECK_ROW;
  /* Rows join the person: a new name or room shows in the history too. */
  paged_class->tables = tables;
  paged_class->count = cg_check_history_model_count;
  paged_class->page = cg_check_history_model_page;
  paged_class->new_blank = cg_check_history_model_new_blank;

  properties[PROP_POLICY] =
    g_param_spec_pointer ("policy", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                          | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_check_history_model_init (CgCheckHistoryModel *self)
{
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
