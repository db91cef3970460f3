/* cg-preferences-window.c — the institution profile, the rules page and the change history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-institution.h"
#include "cg-institution-dialog.h"
#include "cg-preferences-window.h"
#include "cg-rules-page.h"
#include "cg-validate.h"

#define HISTORY_LIMIT 200

struct _CgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CgStore              *store;
  CgInstitution        *loaded;      /* what the fields were filled from */
  GPtrArray            *history_rows;
  gboolean              filling;

  CgRulesPage          *rules_page;

  /* template */
  AdwPreferencesGroup  *profile_group;
  AdwEntryRow          *name_row;
  AdwActionRow         *kind_row;
  GtkLabel             *kind_label;
  AdwEntryRow          *district_row;
  GtkSpinButton        *beds_spin;
  AdwEntryRow          *director_row;
  AdwEntryRow          *phone_row;
  GtkButton            *save_button;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *history_group;
};

G_DEFINE_FINAL_TYPE (CgPreferencesWindow, cg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
add_toast (CgPreferencesWindow *self,
           const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

/* Errors stay under the form (a toast would cut a long message short). */
static void
show_error (CgPreferencesWindow *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_error (CgPreferencesWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

/* The loaded profile with the editable fields replaced by what is typed;
 * kind and risk are not edited here and stay as stored. */
static CgInstitution *
collect (CgPreferencesWindow *self)
{
  CgInstitution *inst = cg_institution_copy (self->loaded);

  g_free (inst->name);
  inst->name = stripped_text (self->name_row);
  g_free (inst->district);
  inst->district = stripped_text (self->district_row);
  gtk_spin_button_update (self->beds_spin);
  inst->beds = gtk_spin_button_get_value_as_int (self->beds_spin);
  g_free (inst->director);
  inst->director = stripped_text (self->director_row);
  g_free (inst->phone);
  inst->phone = stripped_text (self->phone_row);
  return inst;
}

static gboolean
is_dirty (CgPreferencesWindow *self)
{
  g_autoptr(CgInstitution) inst = NULL;

  if (self->loaded == NULL)
    return FALSE;
  inst = collect (self);
  return g_strcmp0 (inst->name, self->loaded->name) != 0
      || g_strcmp0 (inst->district, self->loaded->district) != 0
      || inst->beds != self->loaded->beds
      || g_strcmp0 (inst->director, self->loaded->director) != 0
      || g_strcmp0 (inst->phone, self->loaded->phone) != 0;
}

static void
update_save_sensitive (CgPreferencesWindow *self)
{
  g_autofree char *name = stripped_text (self->name_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            *name != '\0' && is_dirty (self));
}

static void
fill_profile (CgPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  CgInstitution *inst = cg_institution_load (self->store, &error);

  clear_error (self);
  if (inst == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->profile_group), FALSE);
      return;
    }

  g_clear_pointer (&self->loaded, cg_institution_free);
  self->loaded = inst;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), inst->name);
  gtk_label_set_text (self->kind_label, cg_institution_kind_label (inst->kind));
  gtk_editable_set_text (GTK_EDITABLE (self->district_row), inst->district);
  gtk_spin_button_set_value (self->beds_spin, inst->beds);
  gtk_editable_set_text (GTK_EDITABLE (self->director_row), inst->director);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), inst->phone);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "error");
  self->filling = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_group), TRUE);
  update_save_sensitive (self);
}

static GtkWidget *
history_row_new (CgPreferencesWindow *self,
                 const CgAuditEntry  *entry)
{
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (!g_str_has_prefix (entry->what, "policy.") || self->rules_page == NULL)
    return cg_institution_audit_row_new (entry);

  title = cg_rules_page_audit_title (self->rules_page, entry);
  when = cg_datetime_utc_to_local (entry->at);
  /* Translators: "<local date and time> · <who made the change>" */
  subtitle = g_strdup_printf (_("%s · %s"), when != NULL ? when : entry->at,
                              entry->who != NULL ? entry->who : "");
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

/* Newest first, as cg_audit_list () orders them. */
static int
compare_entries_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const CgAuditEntry *x = *(CgAuditEntry * const *) a;
  const CgAuditEntry *y = *(CgAuditEntry * const *) b;
  int by_time = g_strcmp0 (y->at, x->at);

  if (by_time != 0)
    return by_time;
  return (y->id > x->id) - (y->id < x->id);
}

/* The profile's and the rules' changes together. */
static GPtrArray *
list_history (CgStore  *store,
              GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) policy = NULL;

  entries = cg_audit_list (store, "institution.", HISTORY_LIMIT, error);
  if (entries == NULL)
    return NULL;
  policy = cg_audit_list (store, "policy.", HISTORY_LIMIT, error);
  if (policy == NULL)
    return NULL;
  for (guint i = 0; i < policy->len; i++)
    g_ptr_array_add (entries, g_steal_pointer (&policy->pdata[i]));
  g_ptr_array_sort (entries, compare_entries_newest_first);
  if (entries->len > HISTORY_LIMIT)
    g_ptr_array_set_size (entries, HISTORY_LIMIT);
  return g_steal_pointer (&entries);
}

static void
fill_history (CgPreferencesWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group,
                                  g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  entries = list_history (self->store, &error);
  if (entries == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      g_ptr_array_add (self->history_rows, row);
      adw_preferences_group_add (self->history_group, row);
      return;
    }
  if (entries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes recorded yet"));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->history_rows, row);
    }
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (self->history_rows,
                     history_row_new (self, g_ptr_array_index (entries, i)));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_add (self->history_group,
                               g_ptr_array_index (self->history_rows, i));
}

static void
field_changed_cb (CgPreferencesWindow *self)
{
  g_autofree char *phone = NULL;

  if (self->filling)
    return;

  clear_error (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  phone = stripped_text (self->phone_row);
  if (*phone != '\0' && !cg_validate_phone (phone, NULL, NULL))
    gtk_widget_add_css_class (GTK_WIDGET (self->phone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "error");
  update_save_sensitive (self);
}

static GtkWidget *
row_at_fault (CgPreferencesWindow *self,
              const CgInstitution *inst)
{
  g_autoptr(CgInstitution) probe = cg_institution_copy (inst);

  g_free (probe->phone);
  probe->phone = g_strdup ("");
  if (cg_institution_validate (probe, NULL))
    return GTK_WIDGET (self->phone_row);

  g_free (probe->name);
  probe->name = g_strdup ("-");
  if (cg_institution_validate (probe, NULL))
    return GTK_WIDGET (self->name_row);

  return NULL;
}

static void
save_clicked_cb (GtkButton           *button,
                 CgPreferencesWindow *self)
{
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(CgInstitution) current = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->loaded == NULL)
    return;

  clear_error (self);
  inst = collect (self);
  if (!cg_institution_validate (inst, &error))
    {
      row = row_at_fault (self, inst);
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
      show_error (self, error->message);
      return;
    }

  /* The risk level may have changed from the header since this window
   * opened; only the fields edited here are ours to write. */
  current = cg_institution_load (self->store, NULL);
  if (current != NULL)
    {
      inst->risk = current->risk;
      inst->kind = current->kind;
    }

  if (!cg_institution_save (self->store, inst, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  /* Show the values as stored (trimmed, the phone normalised). */
  fill_profile (self);
  add_toast (self, _("Profile saved"));
}

static void
policy_changed_cb (CgStore    *store,
                   const char *table,
                   gpointer    user_data)
{
  fill_history (CG_PREFERENCES_WINDOW (user_data));
}

/* Typing not yet saved is saved as the window closes. */
static gboolean
cg_preferences_window_close_request (GtkWindow *window)
{
  CgPreferencesWindow *self = CG_PREFERENCES_WINDOW (window);

  if (self->rules_page != NULL)
    cg_rules_page_save_pending (self->rules_page);
  return GTK_WINDOW_CLASS (cg_preferences_window_parent_class)->close_request (window);
}

static void
store_changed_cb (CgStore    *store,
                  const char *table,
                  gpointer    user_data)
{
  CgPreferencesWindow *self = user_data;

  /* Keep what the user is typing; otherwise show the stored profile. */
  if (!is_dirty (self))
    fill_profile (self);
  else
    {
      g_autoptr(CgInstitution) inst = cg_institution_load (store, NULL);

      if (inst != NULL)
        {
          /* Compare against what was saved, so Save lights up correctly. */
          g_clear_pointer (&self->loaded, cg_institution_free);
          self->loaded = g_steal_pointer (&inst);
          gtk_label_set_text (self->kind_label, cg_institution_kind_label (self->loaded->kind));
          update_save_sensitive (self);
        }
    }
  fill_history (self);
}

static void
cg_preferences_window_constructed (GObject *object)
{
  CgPreferencesWindow *self = CG_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (cg_preferences_window_parent_class)->constructed (object);

  fill_profile (self);
  /* Built here, not in the template: it needs the store. */
  self->rules_page = CG_RULES_PAGE (cg_rules_page_new (self->store));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->rules_page));
  fill_history (self);
  g_signal_connect_object (self->store, "changed::institution",
                           G_CALLBACK (store_changed_cb), self, 0);
  g_signal_connect_object (self->store, "changed::policy",
                           G_CALLBACK (policy_changed_cb), self, 0);
}

static void
cg_preferences_window_dispose (GObject *object)
{
  CgPreferencesWindow *self = CG_PREFERENCES_WINDOW (object);

  self->rules_page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->loaded, cg_institution_free);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_preferences_window_parent_class)->dispose (object);
}

static void
cg_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CgPreferencesWindow *self = CG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CgPreferencesWindow *self = CG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_preferences_window_class_init (CgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_preferences_window_constructed;
  object_class->dispose = cg_preferences_window_dispose;
  object_class->get_property = cg_preferences_window_get_property;
  object_class->set_property = cg_preferences_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = cg_preferences_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, district_row);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, beds_spin);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, director_row);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, history_group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
cg_preferences_window_init (CgPreferencesWindow *self)
{
  self->history_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names a button with a mnemonic twice (its label property,
   * then the mnemonic label it is labelled by): keep only the second. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
}

GtkWidget *
cg_preferences_window_new (CgStore *store)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       "modal", TRUE,
                       NULL);
}
