/* cg-room-dialog.c — add or edit an observation or isolation room (ALL-5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-room-dialog.h"

struct _CgRoomDialog
{
  AdwWindow     parent_instance;

  CgStore      *store;
  CgRoom       *room;

  GtkWidget    *name_row;
  GtkWidget    *observation_button;
  GtkWidget    *isolation_button;
  GtkWidget    *toilet_switch;
  GtkWidget    *ventilated_switch;
  GtkWidget    *traffic_switch;
  GtkWidget    *note_row;
  GtkWidget    *gaps_label;
  GtkWidget    *error_label;
};

G_DEFINE_FINAL_TYPE (CgRoomDialog, cg_room_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (CgRoomDialog *self,
            const char   *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL && *message != '\0');
}

/* The form as a room: what is stored on save. */
static CgRoom *
read_form (CgRoomDialog *self)
{
  CgRoom *room = cg_room_copy (self->room);

  g_free (room->name);
  room->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  room->kind = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->observation_button))
               ? CG_ROOM_OBSERVATION : CG_ROOM_ISOLATION;
  room->own_toilet = gtk_switch_get_active (GTK_SWITCH (self->toilet_switch));
  room->ventilated = gtk_switch_get_active (GTK_SWITCH (self->ventilated_switch));
  room->low_traffic = gtk_switch_get_active (GTK_SWITCH (self->traffic_switch));
  g_free (room->note);
  room->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  return room;
}

static void
update_gaps (CgRoomDialog *self)
{
  g_autoptr(CgRoom) room = read_form (self);
  g_autofree char *gaps = cg_room_describe_gaps (room);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (self->gaps_label, "warning");
  gtk_widget_remove_css_class (self->gaps_label, "success");
  if (gaps == NULL || *gaps == '\0')
    {
      text = g_strdup (_("Compliant: own toilet, ventilated, low-traffic area (ALL-5)."));
      gtk_widget_add_css_class (self->gaps_label, "success");
    }
  else
    {
      /* Translators: %s says what the room lacks */
      text = g_strdup_printf (_("Not compliant (ALL-5): %s"), gaps);
      gtk_widget_add_css_class (self->gaps_label, "warning");
    }
  gtk_label_set_text (GTK_LABEL (self->gaps_label), text);
}

static void
on_save_clicked_cb (CgRoomDialog *self)
{
  g_autoptr(CgRoom) room = read_form (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean adding = room->id == 0;

  if (*room->name == '\0')
    {
      show_error (self, _("Enter the room's name."));
      gtk_widget_grab_focus (self->name_row);
      return;
    }
  if (!cg_room_save (self->store, room, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  message = adding
    /* Translators: %s is a room name */
    ? g_strdup_printf (_("Room %s added"), room->name)
    /* Translators: %s is a room name */
    : g_strdup_printf (_("Room %s saved"), room->name);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_archive_clicked_cb (CgRoomDialog *self)
{
  g_autoptr(CgRoom) room = cg_room_copy (self->room);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  room->archived = !room->archived;
  if (!cg_room_save (self->store, room, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  message = room->archived
    /* Translators: %s is a room name */
    ? g_strdup_printf (_("Room %s archived"), room->name)
    /* Translators: %s is a room name */
    : g_strdup_printf (_("Room %s restored"), room->name);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (CgRoomDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* AT-SPI finds the text by the row's title. */
static GtkWidget *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *delegate;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static GtkWidget *
switch_row_new (CgRoomDialog *self,
                GtkWidget    *list,
                const char   *title,
                const char   *subtitle,
                gboolean      active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (update_gaps), self);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return sw;
}

static void
build (CgRoomDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *save = gtk_button_new_with_label (self->room->id == 0 ? _("Add") : _("Save"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *conditions = gtk_list_box_new ();
  GtkWidget *kind_row = adw_action_row_new ();
  GtkWidget *kind_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *conditions_title = gtk_label_new (_("Conditions (ALL-5)"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), self->room->id == 0 ? _("Add Room") : _("Edit Room"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->room->id == 0 ? _("Add") : _("Save"), -1);
  gtk_widget_set_tooltip_text (save, _("Store the room"));
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->name_row = entry_row_new (_("Room name"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->room->name != NULL ? self->room->name : "");
  gtk_list_box_append (GTK_LIST_BOX (list), self->name_row);

  /* Two linked toggles rather than a combo: one key press, and a screen
   * reader names both choices. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Room kind"));
  gtk_widget_add_css_class (kind_box, "linked");
  gtk_widget_set_valign (kind_box, GTK_ALIGN_CENTER);
  self->observation_button = gtk_toggle_button_new_with_label (cg_room_kind_label (CG_ROOM_OBSERVATION));
  self->isolation_button = gtk_toggle_button_new_with_label (cg_room_kind_label (CG_ROOM_ISOLATION));
  gtk_widget_set_tooltip_text (self->observation_button,
                               _("For a fever or a symptom: observation until the hospital takes over (RS-3)"));
  gtk_widget_set_tooltip_text (self->isolation_button,
                               _("For the isolation days of a new arrival, an entrant without a health code or from a risk area (ALL-6, RS-2)"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->isolation_button),
                               GTK_TOGGLE_BUTTON (self->observation_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->room->kind == CG_ROOM_OBSERVATION
                                                   ? self->observation_button : self->isolation_button),
                                TRUE);
  gtk_box_append (GTK_BOX (kind_box), self->observation_button);
  gtk_box_append (GTK_BOX (kind_box), self->isolation_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (kind_row), kind_box);
  gtk_list_box_append (GTK_LIST_BOX (list), kind_row);

  self->note_row = entry_row_new (_("Note"));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->room->note != NULL ? self->room->note : "");
  gtk_list_box_append (GTK_LIST_BOX (list), self->note_row);
  gtk_box_append (GTK_BOX (content), list);

  gtk_label_set_xalign (GTK_LABEL (conditions_title), 0.0);
  gtk_widget_add_css_class (conditions_title, "heading");
  gtk_box_append (GTK_BOX (content), conditions_title);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (conditions), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (conditions, "boxed-list");
  self->toilet_switch = switch_row_new (self, conditions, _("Own toilet"),
                                        _("The room has a toilet of its own"), self->room->own_toilet);
  self->ventilated_switch = switch_row_new (self, conditions, _("Ventilated"),
                                            _("Windows or ventilation to the outside"), self->room->ventilated);
  self->traffic_switch = switch_row_new (self, conditions, _("Low-traffic area"),
                                         _("Away from the places people pass"), self->room->low_traffic);
  gtk_box_append (GTK_BOX (content), conditions);

  self->gaps_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->gaps_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->gaps_label), 0.0);
  gtk_box_append (GTK_BOX (content), self->gaps_label);
  update_gaps (self);

  if (self->room->id != 0)
    {
      GtkWidget *archive = gtk_button_new_with_label (self->room->archived ? _("Restore Room")
                                                                          : _("Archive Room"));

      gtk_widget_set_halign (archive, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (archive, self->room->archived
                                   ? _("Use the room again")
                                   : _("Take the room out of use; its stays stay in the register"));
      if (!self->room->archived)
        gtk_widget_add_css_class (archive, "destructive-action");
      g_signal_connect_swapped (archive, "clicked", G_CALLBACK (on_archive_clicked_cb), self);
      gtk_box_append (GTK_BOX (content), archive);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  gtk_widget_grab_focus (self->name_row);
}

static void
cg_room_dialog_finalize (GObject *object)
{
  CgRoomDialog *self = CG_ROOM_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->room, cg_room_free);
  G_OBJECT_CLASS (cg_room_dialog_parent_class)->finalize (object);
}

static void
cg_room_dialog_class_init (CgRoomDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_room_dialog_finalize;
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_room_dialog_init (CgRoomDialog *self)
{
}

CgRoomDialog *
cg_room_dialog_new (GtkWindow    *parent,
                    CgStore      *store,
                    const CgRoom *room)
{
  CgRoomDialog *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_ROOM_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 480,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  if (room != NULL)
    self->room = cg_room_copy (room);
  else
    {
      self->room = cg_room_new ();
      self->room->kind = CG_ROOM_ISOLATION;
      self->room->own_toilet = TRUE;
      self->room->ventilated = TRUE;
      self->room->low_traffic = TRUE;
    }
  build (self);
  return self;
}
