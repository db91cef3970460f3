/* cg-stay-dialog.c — open an isolation stay in a free room, or end one
 * (ALL-5, ALL-6, RS-2), and the person picker the intake dialogs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-stay-dialog.h"
#include "cg-validate.h"

#define MAX_MATCHES 6

/* ---- times ------------------------------------------------------------ */

char *
cg_stay_format_local (const char *utc)
{
  char *local = cg_datetime_utc_to_local (utc);

  return local != NULL ? local : g_strdup ("");
}

char *
cg_stay_add_days (const char *utc,
                  int         days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (utc == NULL)
    return NULL;
  dt = g_date_time_new_from_iso8601 (utc, tz);
  if (dt == NULL)
    return NULL;
  later = g_date_time_add_days (dt, days);
  return g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
now_local_text (void)
{
  g_autoptr(GDateTime) now = cg_date_time_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M");
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

static char *
person_summary (CgPerson *person)
{
  g_autofree char *masked = cg_mask_id_number (cg_person_get_id_number (person));

  /* Translators: the person chosen: name — kind · masked ID number */
  return g_strdup_printf (_("%s — %s · %s"), cg_person_get_name (person),
                          cg_person_kind_label (cg_person_get_kind (person)), masked);
}

/* ---- the person picker ------------------------------------------------- */

struct _CgPersonPicker
{
  GtkBox      parent_instance;

  CgStore    *store;
  CgPerson   *person;
  gboolean    choosing;

  GtkWidget  *entry_row;
  GtkWidget  *message;
  GtkWidget  *matches;
};

G_DEFINE_FINAL_TYPE (CgPersonPicker, cg_person_picker, GTK_TYPE_BOX)

enum { PICKER_PROP_0, PICKER_PROP_PERSON, PICKER_N_PROPS };
static GParamSpec *picker_properties[PICKER_N_PROPS];

static void
picker_set_message (CgPersonPicker *self,
                    const char     *text,
                    gboolean        error)
{
  gtk_label_set_text (GTK_LABEL (self->message), text);
  if (error)
    gtk_widget_add_css_class (self->message, "error");
  else
    gtk_widget_remove_css_class (self->message, "error");
}

static void
picker_clear_matches (CgPersonPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->matches)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->matches), child);
  gtk_widget_set_visible (self->matches, FALSE);
}

static void
picker_choose (CgPersonPicker *self,
               CgPerson       *person,
               gboolean        set_text)
{
  g_autofree char *summary = NULL;

  if (!g_set_object (&self->person, person))
    return;
  if (person != NULL)
    {
      summary = person_summary (person);
      picker_set_message (self, summary, FALSE);
      if (set_text)
        {
          self->choosing = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->entry_row), cg_person_get_name (person));
          gtk_editable_set_position (GTK_EDITABLE (self->entry_row), -1);
          self->choosing = FALSE;
        }
      picker_clear_matches (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), picker_properties[PICKER_PROP_PERSON]);
}

static void
on_match_activated_cb (GtkListBox     *list,
                       GtkListBoxRow  *row,
                       CgPersonPicker *self)
{
  CgPerson *person = g_object_get_data (G_OBJECT (row), "cg-person");

  if (person != NULL)
    picker_choose (self, person, TRUE);
}

static void
picker_search (CgPersonPicker *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row))));
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  CgPerson *exact = NULL;
  guint n_names = 0;

  picker_clear_matches (self);
  if (*text == '\0')
    {
      picker_choose (self, NULL, FALSE);
      picker_set_message (self, _("Type a name or an ID number."), FALSE);
      return;
    }
  matches = cg_person_search (self->store, text, -1, CG_PERSON_FILTER_ACTIVE, &error);
  if (matches == NULL)
    {
      picker_choose (self, NULL, FALSE);
      picker_set_message (self, error->message, TRUE);
      return;
    }
  /* An ID number is one person; a name is one person when nobody else
   * bears it; one match is that person. */
  for (guint i = 0; i < matches->len; i++)
    {
      CgPerson *person = g_ptr_array_index (matches, i);

      if (g_ascii_strcasecmp (cg_person_get_id_number (person), text) == 0)
        {
          exact = person;
          n_names = 1;
          break;
        }
      if (g_strcmp0 (cg_person_get_name (person), text) == 0)
        {
          exact = person;
          n_names++;
        }
    }
  if (exact == NULL && matches->len == 1)
    {
      exact = g_ptr_array_index (matches, 0);
      n_names = 1;
    }
  if (exact != NULL && n_names == 1)
    {
      picker_choose (self, exact, FALSE);
      return;
    }
  picker_choose (self, NULL, FALSE);
  if (matches->len == 0)
    {
      /* Translators: %s is what was typed */
      g_autofree char *message = g_strdup_printf (_("Nobody present matches “%s”."), text);

      picker_set_message (self, message, TRUE);
      return;
    }
  picker_set_message (self, _("Choose the person below."), FALSE);
  for (guint i = 0; i < matches->len && i < MAX_MATCHES; i++)
    {
      CgPerson *person = g_ptr_array_index (matches, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *masked = cg_mask_id_number (cg_person_get_id_number (person));
      /* Translators: a match: kind · masked ID number */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                                   cg_person_kind_label (cg_person_get_kind (person)),
                                                   masked);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cg_person_get_name (person));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "cg-person", g_object_ref (person), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (self->matches), row);
    }
  gtk_widget_set_visible (self->matches, TRUE);
}

static void
on_picker_changed_cb (CgPersonPicker *self)
{
  if (!self->choosing)
    picker_search (self);
}

static void
cg_person_picker_dispose (GObject *object)
{
  CgPersonPicker *self = CG_PERSON_PICKER (object);

  g_clear_object (&self->person);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_person_picker_parent_class)->dispose (object);
}

static void
cg_person_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgPersonPicker *self = CG_PERSON_PICKER (object);

  switch (prop_id)
    {
    case PICKER_PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
cg_person_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (CG_PERSON_PICKER (widget)->entry_row);
}

static void
cg_person_picker_class_init (CgPersonPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  GTK_WIDGET_CLASS (klass)->grab_focus = cg_person_picker_grab_focus;
  object_class->dispose = cg_person_picker_dispose;
  object_class->get_property = cg_person_picker_get_property;
  picker_properties[PICKER_PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, CG_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PICKER_N_PROPS, picker_properties);
}

static void
cg_person_picker_init (CgPersonPicker *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->entry_row = adw_entry_row_new ();
  gtk_list_box_append (GTK_LIST_BOX (list), self->entry_row);
  gtk_box_append (GTK_BOX (self), list);

  self->message = gtk_label_new (_("Type a name or an ID number."));
  gtk_label_set_xalign (GTK_LABEL (self->message), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "dim-label");
  gtk_box_append (GTK_BOX (self), self->message);

  self->matches = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->matches), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->matches, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matches), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matching people"), -1);
  gtk_widget_set_visible (self->matches, FALSE);
  g_signal_connect (self->matches, "row-activated", G_CALLBACK (on_match_activated_cb), self);
  gtk_box_append (GTK_BOX (self), self->matches);
  g_signal_connect_swapped (self->entry_row, "changed", G_CALLBACK (on_picker_changed_cb), self);
}

GtkWidget *
cg_person_picker_new (CgStore    *store,
                      const char *title)
{
  CgPersonPicker *self;
  GtkEditable *delegate;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_PERSON_PICKER, NULL);
  self->store = g_object_ref (store);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), title);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->entry_row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_tooltip_text (self->entry_row, _("Name or ID number of a person present"));
  return GTK_WIDGET (self);
}

CgPerson *
cg_person_picker_get_person (CgPersonPicker *self)
{
  g_return_val_if_fail (CG_IS_PERSON_PICKER (self), NULL);
  return self->person;
}

void
cg_person_picker_set_person (CgPersonPicker *self,
                             CgPerson       *person)
{
  g_return_if_fail (CG_IS_PERSON_PICKER (self));
  picker_choose (self, person, TRUE);
}

void
cg_person_picker_refresh (CgPersonPicker *self)
{
  g_return_if_fail (CG_IS_PERSON_PICKER (self));
  picker_search (self);
}

/* ---- the stay dialog --------------------------------------------------- */

struct _CgStayDialog
{
  AdwWindow       parent_instance;

  CgStore        *store;
  const CgModule *module;
  CgPolicy       *policy;
  CgRoom         *room;     /* opening */
  CgStay         *stay;     /* ending */

  GtkWidget      *picker;
  GtkWidget      *reason_row;
  GtkWidget      *time_row;
  GtkWidget      *planned_label;
  GtkWidget      *text_row;      /* the note, or the disposition */
  GtkWidget      *hint_label;
  GtkWidget      *error_label;
  GtkWidget      *save_button;
};

G_DEFINE_FINAL_TYPE (CgStayDialog, cg_stay_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (CgStayDialog *self,
            const char   *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL && *message != '\0');
}

static int
isolation_days (CgStayDialog *self)
{
  return self->policy != NULL ? cg_policy_get_int (self->policy, CG_POLICY_ISOLATION_DAYS) : 14;
}

/* The planned end of the start typed, shown before saving. */
static void
update_planned (CgStayDialog *self)
{
  g_autofree char *start = cg_datetime_local_to_utc (gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  g_autofree char *end = NULL;
  g_autofree char *local = NULL;
  g_autofree char *text = NULL;
  int days = isolation_days (self);

  if (start == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->planned_label),
                          _("The start is not a time (YYYY-MM-DD HH:MM)."));
      return;
    }
  end = cg_stay_add_days (start, days);
  local = cg_stay_format_local (end);
  /* Translators: "Planned end: 2026-12-08 09:30 (14 days)" */
  text = g_strdup_printf (ngettext ("Planned end: %s (%d day)", "Planned end: %s (%d days)", days),
                          local, days);
  gtk_label_set_text (GTK_LABEL (self->planned_label), text);
}

static void
save_open (CgStayDialog *self)
{
  g_autoptr(CgStay) stay = cg_stay_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CgPerson *person = cg_person_picker_get_person (CG_PERSON_PICKER (self->picker));
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));

  if (person == NULL)
    {
      show_error (self, _("Choose the person who goes into the room."));
      gtk_widget_grab_focus (self->picker);
      return;
    }
  stay->room_id = self->room->id;
  stay->person_id = cg_person_get_id (person);
  stay->reason = (CgStayReason) adw_combo_row_get_selected (ADW_COMBO_ROW (self->reason_row));
  stay->started_at = cg_datetime_local_to_utc (start_text);
  if (stay->started_at == NULL)
    {
      show_error (self, _("Start: not a time. Use YYYY-MM-DD HH:MM, for example 2020-10-08 09:30."));
      gtk_widget_grab_focus (self->time_row);
      return;
    }
  g_free (stay->note);
  stay->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  if (!cg_stay_open (self->store, self->policy, stay, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: "王芳 is in 隔离1号" */
  message = g_strdup_printf (_("%s is in %s"), cg_person_get_name (person), self->room->name);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_end (CgStayDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *ended_at = cg_datetime_local_to_utc (gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  g_autofree char *disposition = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));

  if (ended_at == NULL)
    {
      show_error (self, _("End: not a time. Use YYYY-MM-DD HH:MM, for example 2020-10-22 09:30."));
      gtk_widget_grab_focus (self->time_row);
      return;
    }
  if (!cg_stay_end (self->store, self->policy, self->stay->id, ended_at, disposition,
                    cg_audit_current_user (), &error))
    {
      /* Shown in the dialog, not as a toast: the user must read why. */
      show_error (self, error->message);
      return;
    }
  /* Translators: "王芳 left 隔离1号" */
  message = g_strdup_printf (_("%s left %s"), self->stay->person_name != NULL ? self->stay->person_name : "",
                             self->stay->room_name != NULL ? self->stay->room_name : "");
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (CgStayDialog *self)
{
  if (self->stay != NULL)
    save_end (self);
  else
    save_open (self);
}

static void
on_cancel_clicked_cb (CgStayDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
wrap_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
reason_row_new (CgStayReason selected)
{
  GtkStringList *reasons = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (int r = 0; r < CG_N_STAY_REASONS; r++)
    gtk_string_list_append (reasons, cg_stay_reason_label ((CgStayReason) r));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (reasons));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  g_object_unref (reasons);
  return row;
}

static void
build (CgStayDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  const char *save_label = self->stay != NULL ? _("End Stay") : _("Open Stay");
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autofree char *now = now_local_text ();

  self->save_button = gtk_button_new_with_label (save_label);
  gtk_window_set_title (GTK_WINDOW (self), self->stay != NULL ? _("End Stay") : _("Open Stay"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  save_label, -1);
  gtk_widget_add_css_class (self->save_button, self->stay != NULL ? "destructive-action" : "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);

  self->error_label = wrap_label_new (NULL, "error");
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_visible (self->error_label, FALSE);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (self->stay == NULL)
    {
      /* Translators: "Room: 隔离1号 (隔离室)" */
      g_autofree char *room_text = g_strdup_printf (_("Room: %s (%s)"), self->room->name,
                                                    cg_room_kind_label (self->room->kind));
      GtkWidget *room_label = wrap_label_new (room_text, "heading");

      gtk_box_append (GTK_BOX (content), room_label);
      gtk_box_append (GTK_BOX (content), self->error_label);
      self->picker = cg_person_picker_new (self->store, _("Person"));
      gtk_box_append (GTK_BOX (content), self->picker);
      self->reason_row = reason_row_new (self->room->kind == CG_ROOM_OBSERVATION ? CG_STAY_FEVER
                                         : self->module->kind == CG_KIND_RESCUE_STATION ? CG_STAY_NO_HEALTH_CODE
                                         : CG_STAY_NEW_ARRIVAL);
      gtk_list_box_append (GTK_LIST_BOX (list), self->reason_row);
      self->time_row = entry_row_new (_("Start"));
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), now);
      gtk_widget_set_tooltip_text (self->time_row, _("Local time, YYYY-MM-DD HH:MM"));
      gtk_list_box_append (GTK_LIST_BOX (list), self->time_row);
      self->text_row = entry_row_new (_("Note"));
      gtk_list_box_append (GTK_LIST_BOX (list), self->text_row);
      gtk_box_append (GTK_BOX (content), list);
      self->planned_label = wrap_label_new (NULL, "heading");
      gtk_box_append (GTK_BOX (content), self->planned_label);
      g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (update_planned), self);
      update_planned (self);
    }
  else
    {
      g_autofree char *masked = cg_mask_id_number (self->stay->id_number);
      g_autofree char *started = cg_stay_format_local (self->stay->started_at);
      g_autofree char *planned = cg_stay_format_local (self->stay->planned_end_at);
      g_autofree char *now_utc = cg_datetime_now_utc ();
      int day = cg_stay_day_number (self->stay, now_utc);
      /* Translators: who is in the room: "王芳 · 3505**********1234 in 隔离1号" */
      g_autofree char *who = g_strdup_printf (_("%s · %s in %s"),
                                              self->stay->person_name != NULL ? self->stay->person_name : "",
                                              masked, self->stay->room_name != NULL ? self->stay->room_name : "");
      /* Translators: reason, start, day of the stay, planned end */
      g_autofree char *facts = g_strdup_printf (_("%s · since %s (day %d) · planned end %s"),
                                                cg_stay_reason_label (self->stay->reason),
                                                started, day, planned);

      gtk_box_append (GTK_BOX (content), wrap_label_new (who, "heading"));
      gtk_box_append (GTK_BOX (content), wrap_label_new (facts, NULL));
      gtk_box_append (GTK_BOX (content), self->error_label);
      self->time_row = entry_row_new (_("End"));
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), now);
      gtk_widget_set_tooltip_text (self->time_row, _("Local time, YYYY-MM-DD HH:MM"));
      gtk_list_box_append (GTK_LIST_BOX (list), self->time_row);
      self->text_row = entry_row_new (_("Disposition"));
      gtk_widget_set_tooltip_text (self->text_row,
                                   _("What happens next: joins the residents, sent to hospital, left the station …"));
      gtk_list_box_append (GTK_LIST_BOX (list), self->text_row);
      gtk_box_append (GTK_BOX (content), list);
      if (cg_stay_reason_needs_test (self->stay->reason))
        gtk_box_append (GTK_BOX (content),
                        wrap_label_new (_("Ending before the planned end needs a negative nucleic-acid test sampled during the stay (RS-2, ALL-6)."),
                                        "dim-label"));
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_widget_grab_focus (self->picker != NULL ? self->picker : self->text_row);
}

static void
cg_stay_dialog_finalize (GObject *object)
{
  CgStayDialog *self = CG_STAY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_pointer (&self->room, cg_room_free);
  g_clear_pointer (&self->stay, cg_stay_free);
  G_OBJECT_CLASS (cg_stay_dialog_parent_class)->finalize (object);
}

static void
cg_stay_dialog_class_init (CgStayDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_stay_dialog_finalize;
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_stay_dialog_init (CgStayDialog *self)
{
}

static CgStayDialog *
stay_dialog_new (GtkWindow      *parent,
                 CgStore        *store,
                 const CgModule *module)
{
  CgStayDialog *self;
  g_autoptr(GError) error = NULL;

  self = g_object_new (CG_TYPE_STAY_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 500,
                       "default-height", 520,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->module = module != NULL ? module : &cg_module_care_home;
  self->policy = cg_module_load_policy (self->module, store, &error);
  if (self->policy == NULL)
    self->policy = cg_module_default_policy (self->module);
  return self;
}

CgStayDialog *
cg_stay_dialog_new_open (GtkWindow      *parent,
                         CgStore        *store,
                         const CgModule *module,
                         const CgRoom   *room)
{
  CgStayDialog *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (room != NULL, NULL);

  self = stay_dialog_new (parent, store, module);
  self->room = cg_room_copy (room);
  build (self);
  return self;
}

CgStayDialog *
cg_stay_dialog_new_end (GtkWindow      *parent,
                        CgStore        *store,
                        const CgModule *module,
                        const CgStay   *stay)
{
  CgStayDialog *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (stay != NULL, NULL);

  self = stay_dialog_new (parent, store, module);
  self->stay = cg_stay_copy (stay);
  build (self);
  return self;
}

void
cg_stay_dialog_set_person (CgStayDialog *self,
                           CgPerson     *person)
{
  g_return_if_fail (CG_IS_STAY_DIALOG (self));

  if (self->picker != NULL)
    cg_person_picker_set_person (CG_PERSON_PICKER (self->picker), person);
}
