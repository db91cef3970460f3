/* cg-setup-page.c — first run: the institution profile, inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-institution.h"
#include "cg-setup-page.h"
#include "cg-validate.h"

struct _CgSetupPage
{
  AdwBin          parent_instance;

  CgStore        *store;

  /* template */
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *district_row;
  AdwActionRow   *beds_row;
  GtkSpinButton  *beds_spin;
  AdwComboRow    *risk_row;
  AdwEntryRow    *director_row;
  AdwEntryRow    *phone_row;
  GtkLabel       *error_label;
  GtkButton      *create_button;
};

G_DEFINE_FINAL_TYPE (CgSetupPage, cg_setup_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  COMPLETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static CgInstitution *
collect (CgSetupPage *self)
{
  CgInstitution *inst = cg_institution_new ();

  g_free (inst->name);
  inst->name = stripped_text (self->name_row);
  inst->kind = (CgInstitutionKind) adw_combo_row_get_selected (self->kind_row);
  g_free (inst->district);
  inst->district = stripped_text (self->district_row);
  gtk_spin_button_update (self->beds_spin);
  inst->beds = gtk_spin_button_get_value_as_int (self->beds_spin);
  inst->risk = (CgRiskLevel) adw_combo_row_get_selected (self->risk_row);
  g_free (inst->director);
  inst->director = stripped_text (self->director_row);
  g_free (inst->phone);
  inst->phone = stripped_text (self->phone_row);
  return inst;
}

static void
clear_errors (CgSetupPage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

static void
show_error (CgSetupPage *self,
            GtkWidget   *row,
            const char  *message)
{
  /* No focus grab: scrolling up to the row would hide the message,
   * which sits by the button just pressed. */
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Which free-text row made validation fail: the one whose replacement by
 * a harmless value makes the profile valid.  The rules stay in core. */
static GtkWidget *
row_at_fault (CgSetupPage         *self,
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
create_clicked_cb (GtkButton   *button,
                   CgSetupPage *self)
{
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);
  inst = collect (self);

  if (!cg_institution_validate (inst, &error))
    {
      show_error (self, row_at_fault (self, inst), error->message);
      return;
    }
  if (!cg_institution_create (self->store, inst, cg_audit_current_user (), &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[COMPLETED], 0);
}

static void
update_create_sensitive (CgSetupPage *self)
{
  g_autofree char *name = stripped_text (self->name_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), *name != '\0');
}

static void
name_changed_cb (CgSetupPage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  update_create_sensitive (self);
}

static void
phone_changed_cb (CgSetupPage *self)
{
  g_autofree char *phone = stripped_text (self->phone_row);

  /* Mark a wrong number as it is typed; the message comes on "Create". */
  if (*phone != '\0' && !cg_validate_phone (phone, NULL, NULL))
    gtk_widget_add_css_class (GTK_WIDGET (self->phone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "error");
}

static void
entry_activated_cb (CgSetupPage *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    create_clicked_cb (self->create_button, self);
}

static void
kind_changed_cb (CgSetupPage *self)
{
  CgInstitutionKind kind = adw_combo_row_get_selected (self->kind_row);

  adw_action_row_set_subtitle (self->beds_row,
                               kind == CG_KIND_FUNERAL_HOME
                               ? _("Enter 0 if the funeral home has no beds")
                               : "");
}

static GListModel *
kind_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < CG_N_KINDS; i++)
    gtk_string_list_append (list, cg_institution_kind_label (i));
  return G_LIST_MODEL (list);
}

static GListModel *
risk_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < CG_N_RISKS; i++)
    gtk_string_list_append (list, cg_risk_level_label (i));
  return G_LIST_MODEL (list);
}

static void
cg_setup_page_dispose (GObject *object)
{
  CgSetupPage *self = CG_SETUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SETUP_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_setup_page_parent_class)->dispose (object);
}

static void
cg_setup_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgSetupPage *self = CG_SETUP_PAGE (object);

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
cg_setup_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgSetupPage *self = CG_SETUP_PAGE (object);

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
cg_setup_page_class_init (CgSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_setup_page_dispose;
  object_class->get_property = cg_setup_page_get_property;
  object_class->set_property = cg_setup_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgSetupPage::completed:
   *
   * The institution profile has been saved.
   */
  signals[COMPLETED] =
    g_signal_new ("completed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/CareGuard/cg-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, district_row);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, beds_row);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, beds_spin);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, risk_row);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, director_row);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CgSetupPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
}

static void
cg_setup_page_init (CgSetupPage *self)
{
  g_autoptr(GListModel) kinds = kind_model_new ();
  g_autoptr(GListModel) risks = risk_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names a button with a mnemonic twice (its label property,
   * then the mnemonic label it is labelled by): keep only the second. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->create_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);

  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->risk_row, risks);
  adw_combo_row_set_selected (self->kind_row, CG_KIND_CARE_HOME);
  adw_combo_row_set_selected (self->risk_row, CG_RISK_LOW);
  update_create_sensitive (self);
}

GtkWidget *
cg_setup_page_new (CgStore *store)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_SETUP_PAGE, "store", store, NULL);
}
