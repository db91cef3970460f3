/* cg-disinfection-dialog.c — record one disinfection (消毒工作日志)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-disinfection-dialog.h"

/* More earlier places than this and the list waits for more letters. */
#define MAX_SUGGESTIONS 6

struct _CgDisinfectionDialog
{
  AdwWindow       parent_instance;

  CgStore        *store;
  GStrv           known_places;
  gboolean        filling;
  /* The kind follows the place's name until the user picks one. */
  gboolean        kind_chosen;

  /* Template widgets */
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *place_row;
  GtkListBox     *suggestion_list;
  AdwComboRow    *kind_row;
  AdwEntryRow    *time_row;
  GtkLabel       *time_message;
  AdwEntryRow    *method_row;
  AdwEntryRow    *agent_row;
  AdwEntryRow    *operator_row;
  AdwEntryRow    *checker_row;
  AdwEntryRow    *note_row;
};

G_DEFINE_FINAL_TYPE (CgDisinfectionDialog, cg_disinfection_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* The usual methods and disinfectants of the plans (喷洒, 擦拭 …), offered
 * in menus next to the fields; anything else may be typed. */
static const char * const methods[] = {
  N_("Spraying"), N_("Wiping"), N_("Ultraviolet lamp"), N_("Soaking"), N_("Fumigation"),
};
static const char * const agents[] = {
  N_("Chlorine disinfectant 500 mg/L"),
  N_("Chlorine disinfectant 1000 mg/L"),
  /* xgettext:no-c-format */
  N_("75% alcohol"),
  /* xgettext:no-c-format */
  N_("Peracetic acid 0.2%"),
  N_("Chlorine dioxide 500 mg/L"),
};

/* ---- small helpers -------------------------------------------------- */

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
set_message (GtkLabel   *label,
             const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
show_error (CgDisinfectionDialog *self,
            const char           *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static char *
now_local (void)
{
  g_autoptr(GDateTime) now = cg_date_time_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M");
}

/* ---- checking ------------------------------------------------------- */

/* The time typed, in UTC; NULL with a message under the field. */
static char *
check_time (CgDisinfectionDialog *self)
{
  g_autofree char *text = stripped_text (self->time_row);
  g_autofree char *utc = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *message = NULL;

  if (*text == '\0')
    message = _("Enter the time of the disinfection.");
  else if ((utc = cg_datetime_local_to_utc (text)) == NULL
           || (at = g_date_time_new_from_iso8601 (utc, NULL)) == NULL)
    message = _("Time: not a date and time. Use YYYY-MM-DD HH:MM, for example 2020-10-08 08:30.");
  else if (g_date_time_difference (at, now) > 10 * G_TIME_SPAN_MINUTE)
    message = _("Time: the time is in the future.");

  set_row_error (self->time_row, message != NULL);
  set_message (self->time_message, message);
  return message == NULL ? g_steal_pointer (&utc) : NULL;
}

static gboolean
validate (CgDisinfectionDialog *self)
{
  g_autofree char *place = stripped_text (self->place_row);
  g_autofree char *operator = stripped_text (self->operator_row);
  g_autofree char *utc = check_time (self);
  gboolean valid = utc != NULL && *place != '\0' && *operator != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "disinfection.save", valid);
  return valid;
}

/* ---- the place ------------------------------------------------------ */

static void
clear_suggestions (CgDisinfectionDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), FALSE);
}

static void
set_kind (CgDisinfectionDialog *self,
          CgPlaceKind           kind)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  self->filling = FALSE;
}

/* The kind the place has in the log, or else a guess from its name. */
static void
update_kind (CgDisinfectionDialog *self,
             const char           *place)
{
  int kind;

  if (self->kind_chosen)
    return;
  kind = cg_disinfection_place_kind (self->store, place, NULL);
  set_kind (self, kind >= 0 ? (CgPlaceKind) kind : cg_place_kind_guess (place));
}

static void
on_place_changed_cb (CgDisinfectionDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  guint n = 0;

  if (self->filling)
    return;
  show_error (self, NULL);
  clear_suggestions (self);
  text = stripped_text (self->place_row);
  set_row_error (self->place_row, FALSE);
  update_kind (self, text);
  validate (self);
  if (*text == '\0' || self->known_places == NULL)
    return;

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; self->known_places[i] != NULL && n < MAX_SUGGESTIONS; i++)
    {
      g_autofree char *known = g_utf8_casefold (self->known_places[i], -1);
      GtkWidget *row;

      if (strstr (known, folded) == NULL || g_strcmp0 (self->known_places[i], text) == 0)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->known_places[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "cg-place", g_strdup (self->known_places[i]), g_free);
      gtk_list_box_append (self->suggestion_list, row);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), n > 0);
}

static void
on_suggestion_activated_cb (CgDisinfectionDialog *self,
                            GtkListBoxRow        *row)
{
  const char *place = g_object_get_data (G_OBJECT (row), "cg-place");

  if (place == NULL)
    return;
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), place);
  gtk_editable_set_position (GTK_EDITABLE (self->place_row), -1);
  self->filling = FALSE;
  clear_suggestions (self);
  update_kind (self, place);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
}

static void
on_kind_selected_cb (CgDisinfectionDialog *self)
{
  if (!self->filling)
    self->kind_chosen = TRUE;
}

static void
on_field_changed_cb (CgDisinfectionDialog *self)
{
  if (self->filling)
    return;
  show_error (self, NULL);
  validate (self);
}

/* Enter goes to the next field; on the last one it saves. */
static void
on_entry_activated_cb (CgDisinfectionDialog *self,
                       AdwEntryRow          *row)
{
  AdwEntryRow *order[] = {
    self->place_row, self->time_row, self->method_row, self->agent_row,
    self->operator_row, self->checker_row, self->note_row,
  };

  if (row == self->place_row)
    clear_suggestions (self);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row)
      {
        gtk_widget_grab_focus (GTK_WIDGET (order[i + 1]));
        return;
      }
  gtk_widget_activate_action (GTK_WIDGET (self), "disinfection.save", NULL);
}

/* ---- actions -------------------------------------------------------- */

static void
fill_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgDisinfectionDialog *self = CG_DISINFECTION_DIALOG (widget);
  AdwEntryRow *row = g_str_equal (action_name, "disinfection.method") ? self->method_row : self->agent_row;

  gtk_editable_set_text (GTK_EDITABLE (row), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgDisinfectionDialog *self = CG_DISINFECTION_DIALOG (widget);
  g_autoptr(CgDisinfection) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!validate (self))
    {
      g_autofree char *place = stripped_text (self->place_row);
      g_autofree char *operator = stripped_text (self->operator_row);

      set_row_error (self->place_row, *place == '\0');
      set_row_error (self->operator_row, *operator == '\0');
      return;
    }

  d = cg_disinfection_new ();
  d->place = stripped_text (self->place_row);
  d->place_kind = adw_combo_row_get_selected (self->kind_row);
  if ((guint) d->place_kind >= CG_N_PLACE_KINDS)
    d->place_kind = CG_PLACE_OTHER;
  d->done_at = check_time (self);
  g_free (d->method);
  d->method = stripped_text (self->method_row);
  g_free (d->agent);
  d->agent = stripped_text (self->agent_row);
  d->operator = stripped_text (self->operator_row);
  g_free (d->checker);
  d->checker = stripped_text (self->checker_row);
  g_free (d->note);
  d->note = stripped_text (self->note_row);

  if (!cg_disinfection_add (self->store, d, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: the place disinfected */
  message = g_strdup_printf (_("Disinfection of %s recorded"), d->place);
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- life cycle ----------------------------------------------------- */

static void
cg_disinfection_dialog_dispose (GObject *object)
{
  CgDisinfectionDialog *self = CG_DISINFECTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_DISINFECTION_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->known_places, g_strfreev);
  G_OBJECT_CLASS (cg_disinfection_dialog_parent_class)->dispose (object);
}

static void
cg_disinfection_dialog_class_init (CgDisinfectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_disinfection_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-disinfection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, time_message);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, agent_row);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, operator_row);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, checker_row);
  gtk_widget_class_bind_template_child (widget_class, CgDisinfectionDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "disinfection.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "disinfection.method", "s", fill_action);
  gtk_widget_class_install_action (widget_class, "disinfection.agent", "s", fill_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "disinfection.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "disinfection.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "disinfection.save", NULL);
}

/* AT-SPI finds the text field by the row's title: give the editable part
 * the same name as its visible label. */
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

/* A menu button at the end of @row that fills it with one of @words. */
static void
add_choices (AdwEntryRow        *row,
             const char         *action,
             const char * const *words,
             guint               n_words,
             const char         *tooltip)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button;

  for (guint i = 0; i < n_words; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(words[i]), NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (_(words[i])));
      g_menu_append_item (menu, item);
    }
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  adw_entry_row_add_suffix (row, button);
}

static void
cg_disinfection_dialog_init (CgDisinfectionDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *now = now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < CG_N_PLACE_KINDS; k++)
    gtk_string_list_append (kinds, cg_place_kind_label (k));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, CG_PLACE_OTHER);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), now);
  self->filling = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of Place"), -1);

  setup_entry_row (self->place_row, 60);
  setup_entry_row (self->time_row, 20);
  setup_entry_row (self->method_row, 40);
  setup_entry_row (self->agent_row, 60);
  setup_entry_row (self->operator_row, 30);
  setup_entry_row (self->checker_row, 30);
  setup_entry_row (self->note_row, 200);
  add_choices (self->method_row, "disinfection.method", methods, G_N_ELEMENTS (methods),
               _("Usual Methods"));
  add_choices (self->agent_row, "disinfection.agent", agents, G_N_ELEMENTS (agents),
               _("Usual Disinfectants"));
}

CgDisinfectionDialog *
cg_disinfection_dialog_new (GtkWindow  *parent,
                            CgStore    *store,
                            const char *place)
{
  CgDisinfectionDialog *self;
  g_autofree char *operator = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_DISINFECTION_DIALOG,
                       "transient-for", parent,
                       "title", _("Record Disinfection"),
                       NULL);
  self->store = g_object_ref (store);
  self->known_places = cg_disinfection_known_places (store, NULL);

  /* The same person usually records a round of places. */
  operator = cg_disinfection_last_operator (store, NULL);
  self->filling = TRUE;
  if (operator != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->operator_row), operator);
  if (place != NULL && *place != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), place);
  self->filling = FALSE;

  if (place != NULL && *place != '\0')
    {
      update_kind (self, place);
      gtk_widget_grab_focus (GTK_WIDGET (self->method_row));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->place_row));
  validate (self);
  return self;
}
