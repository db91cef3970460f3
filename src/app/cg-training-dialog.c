/* cg-training-dialog.c — record a training session or an emergency drill (ALL-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-sample-dialog.h"
#include "cg-training-dialog.h"

struct _CgTrainingDialog
{
  AdwWindow        parent_instance;

  CgStore         *store;

  /* Template widgets */
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwEntryRow     *date_row;
  GtkToggleButton *training_button;
  GtkToggleButton *drill_button;
  AdwEntryRow     *topic_row;
  GtkSpinButton   *attendees_spin;
  AdwEntryRow     *names_row;
  AdwEntryRow     *trainer_row;
  AdwEntryRow     *note_row;
};

G_DEFINE_FINAL_TYPE (CgTrainingDialog, cg_training_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (CgTrainingDialog *self,
            const char       *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gboolean
validate (CgTrainingDialog *self)
{
  g_autofree char *date_text = stripped_text (self->date_row);
  g_autofree char *topic = stripped_text (self->topic_row);
  GDate date, today;
  gboolean date_ok;

  cg_date_today (&today);
  date_ok = cg_date_parse (date_text, &date) && g_date_compare (&date, &today) <= 0;
  if (date_ok || *date_text == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.save", date_ok && *topic != '\0');
  return date_ok && *topic != '\0';
}

static void
on_field_changed_cb (CgTrainingDialog *self)
{
  show_error (self, NULL);
  validate (self);
}

static void
on_entry_activated_cb (CgTrainingDialog *self,
                       AdwEntryRow      *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->topic_row), GTK_WIDGET (self->attendees_spin),
    GTK_WIDGET (self->names_row), GTK_WIDGET (self->trainer_row), GTK_WIDGET (self->note_row),
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == GTK_WIDGET (row))
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
  gtk_widget_activate_action (GTK_WIDGET (self), "training.save", NULL);
}

static void
on_spin_activated_cb (CgTrainingDialog *self)
{
  gtk_spin_button_update (self->attendees_spin);
  gtk_widget_grab_focus (GTK_WIDGET (self->names_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgTrainingDialog *self = CG_TRAINING_DIALOG (widget);
  g_autoptr(CgTraining) training = cg_training_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!validate (self))
    return;
  /* The number typed but not yet committed by Enter or Tab counts too. */
  gtk_spin_button_update (self->attendees_spin);

  training->held_on = stripped_text (self->date_row);
  training->kind = gtk_toggle_button_get_active (self->drill_button) ? CG_TRAINING_DRILL : CG_TRAINING_SESSION;
  training->topic = stripped_text (self->topic_row);
  training->attendees = gtk_spin_button_get_value_as_int (self->attendees_spin);
  g_free (training->attendee_names);
  training->attendee_names = stripped_text (self->names_row);
  g_free (training->trainer);
  training->trainer = stripped_text (self->trainer_row);
  g_free (training->note);
  training->note = stripped_text (self->note_row);

  if (!cg_training_add (self->store, training, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (training->kind == CG_TRAINING_DRILL
                             ? _("Drill of %s recorded") : _("Training of %s recorded"),
                             training->held_on);
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cg_training_dialog_dispose (GObject *object)
{
  CgTrainingDialog *self = CG_TRAINING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TRAINING_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_training_dialog_parent_class)->dispose (object);
}

static void
cg_training_dialog_class_init (CgTrainingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_training_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-training-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, training_button);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, drill_button);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, attendees_spin);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, names_row);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, trainer_row);
  gtk_widget_class_bind_template_child (widget_class, CgTrainingDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "training.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "training.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "training.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "training.save", NULL);
}

static void
setup_entry_row (AdwEntryRow *row,
                 int          max_length)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  if (delegate == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), max_length);
}

static void
cg_training_dialog_init (CgTrainingDialog *self)
{
  g_autofree char *today = NULL;
  GDate date;

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_entry_row (self->date_row, 16);
  setup_entry_row (self->topic_row, 100);
  setup_entry_row (self->names_row, 2000);
  setup_entry_row (self->trainer_row, 30);
  setup_entry_row (self->note_row, 200);
  /* GtkSpinButton has no "activate" of its own in GTK 4.8: its text has. */
  {
    GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->attendees_spin));

    if (text != NULL)
      g_signal_connect_object (text, "activate", G_CALLBACK (on_spin_activated_cb), self, G_CONNECT_SWAPPED);
  }
  adw_entry_row_add_suffix (self->date_row,
                            cg_date_menu_button_new (GTK_EDITABLE (self->date_row), _("Choose the Date")));

  cg_date_today (&date);
  today = cg_date_to_iso (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

CgTrainingDialog *
cg_training_dialog_new (GtkWindow *parent,
                        CgStore   *store)
{
  CgTrainingDialog *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_TRAINING_DIALOG,
                       "transient-for", parent,
                       "title", _("Record Training or Drill"),
                       NULL);
  self->store = g_object_ref (store);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_row));
  return self;
}
