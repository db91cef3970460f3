/* cg-institution-dialog.c — change the area risk level, with its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-institution.h"
#include "cg-institution-dialog.h"

#define HISTORY_LIMIT 5

struct _CgInstitutionDialog
{
  AdwWindow            parent_instance;

  CgStore             *store;
  CgRiskLevel          current;
  GtkToggleButton     *choices[CG_N_RISKS];

  /* template */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *risk_group;
  AdwPreferencesGroup *history_group;
  GtkButton           *save_button;
  GtkButton           *cancel_button;
};

G_DEFINE_FINAL_TYPE (CgInstitutionDialog, cg_institution_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *what;
  const char *label;
} what_labels[] = {
  { "institution.create", N_("Institution created") },
  { "institution.name", N_("Institution name") },
  { "institution.kind", N_("Type") },
  { "institution.district", N_("District or town") },
  { "institution.beds", N_("Bed capacity") },
  { "institution.risk", N_("Area risk level") },
  { "institution.director", N_("Director") },
  { "institution.phone", N_("Contact phone") },
};

const char *
cg_institution_audit_what_label (const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (what_labels); i++)
    if (g_strcmp0 (what, what_labels[i].what) == 0)
      return _(what_labels[i].label);
  return what;
}

/* Stored values are ids ("medium", "care-home"); people read labels. */
static const char *
value_label (const char *what,
             const char *value)
{
  int n;

  if (value == NULL || *value == '\0')
    /* Translators: an audit value that was empty */
    return C_("audit", "(empty)");
  if (g_strcmp0 (what, "institution.risk") == 0
      && (n = cg_risk_level_from_string (value)) >= 0)
    return cg_risk_level_label (n);
  if ((g_strcmp0 (what, "institution.kind") == 0 || g_strcmp0 (what, "institution.create") == 0)
      && (n = cg_institution_kind_from_string (value)) >= 0)
    return cg_institution_kind_label (n);
  return value;
}

char *
cg_institution_audit_change_text (const CgAuditEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (g_strcmp0 (entry->what, "institution.create") == 0)
    /* Translators: "<name> (<type of institution>)" */
    return g_strdup_printf (_("%s (%s)"),
                            entry->subject != NULL ? entry->subject : "",
                            value_label (entry->what, entry->new_value));

  /* Translators: an audited change, "old value → new value" */
  return g_strdup_printf (_("%s → %s"),
                          value_label (entry->what, entry->old_value),
                          value_label (entry->what, entry->new_value));
}

GtkWidget *
cg_institution_audit_row_new (const CgAuditEntry *entry)
{
  g_autofree char *change = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  g_return_val_if_fail (entry != NULL, NULL);

  change = cg_institution_audit_change_text (entry);
  /* Translators: "<field>: <old> → <new>" in the change history */
  title = g_strdup_printf (_("%s: %s"), cg_institution_audit_what_label (entry->what), change);
  when = cg_datetime_utc_to_local (entry->at);
  /* Translators: "<local date and time> · <who made the change>" */
  subtitle = g_strdup_printf (_("%s · %s"), when != NULL ? when : entry->at,
                              entry->who != NULL ? entry->who : "");

  row = adw_action_row_new ();
  /* Names and values are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static GtkWidget *
empty_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
fill_history (CgInstitutionDialog *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = cg_audit_list (self->store, "institution.", HISTORY_LIMIT, &error);
  if (entries == NULL)
    {
      adw_preferences_group_add (self->history_group, empty_row_new (error->message));
      return;
    }
  if (entries->len == 0)
    adw_preferences_group_add (self->history_group,
                               empty_row_new (_("No changes recorded yet")));
  for (guint i = 0; i < entries->len; i++)
    adw_preferences_group_add (self->history_group,
                               cg_institution_audit_row_new (g_ptr_array_index (entries, i)));
}

static CgRiskLevel
chosen_risk (CgInstitutionDialog *self)
{
  for (guint i = 0; i < CG_N_RISKS; i++)
    if (gtk_toggle_button_get_active (self->choices[i]))
      return i;
  return self->current;
}

static void
risk_toggled_cb (CgInstitutionDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            chosen_risk (self) != self->current);
}

static const char * const risk_classes[CG_N_RISKS] = {
  "risk-low", "risk-medium", "risk-high",
};

/* A segmented choice of toggle buttons: unlike check buttons, GTK 4.8
 * gives toggle buttons a "click" action that assistive tools can use. */
static void
build_choices (CgInstitutionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "risk-choices");
  for (guint i = 0; i < CG_N_RISKS; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (cg_risk_level_label (i));

      gtk_widget_add_css_class (toggle, risk_classes[i]);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->choices[0]);
      gtk_box_append (GTK_BOX (box), toggle);
      self->choices[i] = GTK_TOGGLE_BUTTON (toggle);
    }
  adw_preferences_group_add (self->risk_group, box);
}

static void
save_clicked_cb (GtkButton           *button,
                 CgInstitutionDialog *self)
{
  g_autoptr(GError) error = NULL;
  CgRiskLevel risk = chosen_risk (self);
  g_autofree char *escaped = NULL;

  if (risk != self->current
      && !cg_institution_set_risk (self->store, risk, cg_audit_current_user (), &error))
    {
      escaped = g_markup_escape_text (error->message, -1);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (GtkButton           *button,
                   CgInstitutionDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
cg_institution_dialog_constructed (GObject *object)
{
  CgInstitutionDialog *self = CG_INSTITUTION_DIALOG (object);
  g_autoptr(CgInstitution) inst = NULL;
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (cg_institution_dialog_parent_class)->constructed (object);

  inst = cg_institution_load (self->store, NULL);
  self->current = inst != NULL ? inst->risk : CG_RISK_LOW;

  build_choices (self);
  gtk_toggle_button_set_active (self->choices[self->current], TRUE);
  for (guint i = 0; i < CG_N_RISKS; i++)
    g_signal_connect_object (self->choices[i], "toggled",
                             G_CALLBACK (risk_toggled_cb), self, G_CONNECT_SWAPPED);
  risk_toggled_cb (self);

  description = g_strdup_printf (_("Some rules depend on the risk level announced for "
                                   "your area. The change is recorded in the change "
                                   "history under the name “%s”."),
                                 cg_audit_current_user ());
  adw_preferences_group_set_description (self->risk_group, description);

  fill_history (self);
}

static void
cg_institution_dialog_dispose (GObject *object)
{
  CgInstitutionDialog *self = CG_INSTITUTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_INSTITUTION_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_institution_dialog_parent_class)->dispose (object);
}

static void
cg_institution_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CgInstitutionDialog *self = CG_INSTITUTION_DIALOG (object);

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
cg_institution_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CgInstitutionDialog *self = CG_INSTITUTION_DIALOG (object);

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
cg_institution_dialog_class_init (CgInstitutionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_institution_dialog_constructed;
  object_class->dispose = cg_institution_dialog_dispose;
  object_class->get_property = cg_institution_dialog_get_property;
  object_class->set_property = cg_institution_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-institution-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgInstitutionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgInstitutionDialog, risk_group);
  gtk_widget_class_bind_template_child (widget_class, CgInstitutionDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, CgInstitutionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CgInstitutionDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_institution_dialog_init (CgInstitutionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names a button with a mnemonic twice (its label property,
   * then the mnemonic label it is labelled by): keep only the second. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
}

GtkWidget *
cg_institution_dialog_new (CgStore   *store,
                           GtkWindow *parent)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CG_TYPE_INSTITUTION_DIALOG,
                       "store", store,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
