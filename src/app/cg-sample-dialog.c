/* cg-sample-dialog.c — record a nucleic-acid sample, or the result of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-sample-dialog.h"

/* More matches than this and the list asks for a longer name instead. */
#define MAX_SUGGESTIONS 6

struct _CgSampleDialog
{
  AdwWindow       parent_instance;

  CgStore        *store;
  /* The person chosen (NULL while none is) and, when a stored sample is
   * given its result, that sample. */
  CgPerson       *person;
  CgNatTest      *existing;
  gboolean        filling;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwEntryRow      *person_row;
  AdwActionRow     *person_fixed_row;
  GtkLabel         *person_message;
  GtkListBox       *suggestion_list;
  AdwEntryRow      *sampled_row;
  AdwEntryRow      *site_row;
  GtkLabel         *sample_message;
  GtkToggleButton  *pending_button;
  GtkToggleButton  *negative_button;
  GtkToggleButton  *positive_button;
  AdwEntryRow      *result_row;
  GtkLabel         *result_message;
  GtkWidget        *sampled_button;
};

G_DEFINE_FINAL_TYPE (CgSampleDialog, cg_sample_dialog, ADW_TYPE_WINDOW)

/* Samples are usually typed in by the batch, all from one site: the next
 * new sample is offered the site of the last one saved. */
static char *last_site;

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* ---- small helpers -------------------------------------------------- */

typedef enum
{
  MESSAGE_NONE,
  MESSAGE_INFO,
  MESSAGE_WARNING,
  MESSAGE_ERROR,
} MessageKind;

static void
set_message (GtkLabel    *label,
             MessageKind  kind,
             const char  *text)
{
  GtkWidget *widget = GTK_WIDGET (label);

  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "dim-label");
  if (kind == MESSAGE_NONE || text == NULL || *text == '\0')
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_label_set_text (label, "");
      return;
    }
  gtk_widget_add_css_class (widget, kind == MESSAGE_ERROR ? "error"
                                    : kind == MESSAGE_WARNING ? "warning" : "dim-label");
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (widget, TRUE);
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

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (CgSampleDialog *self,
            const char     *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static CgNatResult
chosen_result (CgSampleDialog *self)
{
  if (gtk_toggle_button_get_active (self->negative_button))
    return CG_NAT_NEGATIVE;
  if (gtk_toggle_button_get_active (self->positive_button))
    return CG_NAT_POSITIVE;
  return CG_NAT_PENDING;
}

static char *
today_iso (void)
{
  GDate today;

  cg_date_today (&today);
  return cg_date_to_iso (&today);
}

/* "Staff · Nurse · 350582********1234": enough to tell two people of the
 * same name apart, without the full ID number on screen. */
static char *
person_summary (CgPerson *person)
{
  g_autofree char *masked = NULL;
  GString *text = g_string_new (cg_person_kind_label (cg_person_get_kind (person)));
  const char *place;

  if (cg_person_get_kind (person) == CG_PERSON_STAFF)
    place = cg_person_get_role (person);
  else
    place = cg_person_get_room (person);
  if (place != NULL && *place != '\0')
    g_string_append_printf (text, " · %s", place);
  g_object_get (person, "masked-id", &masked, NULL);
  if (masked != NULL && *masked != '\0')
    g_string_append_printf (text, " · %s", masked);
  return g_string_free (text, FALSE);
}

/* ---- date fields with a calendar ------------------------------------ */

static void
close_calendar (GtkCalendar *calendar)
{
  GtkEditable *editable = g_object_get_data (G_OBJECT (calendar), "cg-editable");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (GTK_WIDGET (editable));
}

/* The field follows the calendar's selection; the popover closes on a
 * click on a day, on Space (which picks the day the arrows moved to) and
 * on Enter, not when the month buttons change the day. */
static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             GtkEditable *editable)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (calendar), "cg-syncing") != NULL)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (editable, text);

  if (g_object_get_data (G_OBJECT (calendar), "cg-picked-by-key") != NULL)
    {
      g_object_set_data (G_OBJECT (calendar), "cg-picked-by-key", NULL);
      close_calendar (calendar);
    }
}

static void
on_calendar_released_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkCalendar     *calendar)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (calendar), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    close_calendar (calendar);
}

static gboolean
on_calendar_key_pressed_cb (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            GtkCalendar           *calendar)
{
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    g_object_set_data (G_OBJECT (calendar), "cg-picked-by-key", GINT_TO_POINTER (1));
  else if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      close_calendar (calendar);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_calendar_popover_show_cb (GtkPopover  *popover,
                             GtkCalendar *calendar)
{
  GtkEditable *editable = g_object_get_data (G_OBJECT (calendar), "cg-editable");
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (cg_date_parse (gtk_editable_get_text (editable), &date))
    when = cg_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = cg_date_time_now_local ();

  g_object_set_data (G_OBJECT (calendar), "cg-syncing", GINT_TO_POINTER (1));
  gtk_calendar_select_day (calendar, when);
  g_object_set_data (G_OBJECT (calendar), "cg-syncing", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (calendar));
}

GtkWidget *
cg_date_menu_button_new (GtkEditable *editable,
                         const char  *label)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  /* The toggle inside the menu button is what AT-SPI can press. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  g_object_set_data (G_OBJECT (calendar), "cg-editable", editable);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), editable);
  /* Capture: the calendar's own gesture claims the click on a day. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_calendar_released_cb), calendar);
  gtk_widget_add_controller (calendar, GTK_EVENT_CONTROLLER (click));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_calendar_key_pressed_cb), calendar);
  gtk_widget_add_controller (calendar, keys);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), calendar);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

/* ---- validation ----------------------------------------------------- */

static gboolean
validate_sampled (CgSampleDialog *self,
                  GDate          *sampled)
{
  g_autofree char *text = stripped_text (self->sampled_row);
  g_autofree char *message = NULL;
  MessageKind kind = MESSAGE_NONE;
  gboolean valid = FALSE;

  if (*text == '\0')
    {
      kind = MESSAGE_ERROR;
      message = g_strdup (_("Enter the day the sample was taken."));
    }
  else if (!cg_date_parse (text, sampled))
    {
      kind = MESSAGE_ERROR;
      message = g_strdup (_("Sampling date: not a date. Use YYYY-MM-DD, for example 2020-10-08."));
    }
  else
    {
      GDate today;

      cg_date_today (&today);
      if (g_date_compare (sampled, &today) > 0)
        {
          kind = MESSAGE_ERROR;
          message = g_strdup (_("Sampling date: the date is in the future."));
        }
      else
        valid = TRUE;
    }

  /* The same person and day is the same sample: say so before a save
   * replaces what is stored. */
  if (valid && self->existing == NULL && self->person != NULL)
    {
      g_autoptr(GPtrArray) tests = NULL;
      g_autofree char *iso = cg_date_to_iso (sampled);

      tests = cg_nat_test_list_for_person (self->store, cg_person_get_id (self->person), NULL);
      for (guint i = 0; tests != NULL && i < tests->len; i++)
        {
          CgNatTest *test = g_ptr_array_index (tests, i);

          if (g_strcmp0 (test->sampled_on, iso) == 0)
            {
              kind = MESSAGE_WARNING;
              /* Translators: the result of the sample already stored */
              message = g_strdup_printf (_("A sample of that day is already recorded (%s): saving replaces its result."),
                                         cg_nat_result_label (test->result));
              break;
            }
        }
    }

  set_row_error (self->sampled_row, !valid);
  set_message (self->sample_message, kind, message);
  return valid;
}

static gboolean
validate_result (CgSampleDialog *self,
                 const GDate    *sampled,
                 gboolean        sampled_valid)
{
  g_autofree char *text = stripped_text (self->result_row);
  CgNatResult result = chosen_result (self);
  g_autofree char *message = NULL;
  MessageKind kind = MESSAGE_NONE;
  gboolean valid = TRUE;
  GDate date, today;

  gtk_widget_set_sensitive (GTK_WIDGET (self->result_row), result != CG_NAT_PENDING);
  if (result == CG_NAT_PENDING)
    {
      set_row_error (self->result_row, FALSE);
      set_message (self->result_message, MESSAGE_INFO,
                   _("A pending sample does not count until its result is in."));
      return TRUE;
    }

  cg_date_today (&today);
  if (*text == '\0')
    {
      valid = FALSE;
      kind = MESSAGE_ERROR;
      message = g_strdup (_("Enter the day the result came back."));
    }
  else if (!cg_date_parse (text, &date))
    {
      valid = FALSE;
      kind = MESSAGE_ERROR;
      message = g_strdup (_("Result date: not a date. Use YYYY-MM-DD, for example 2020-10-08."));
    }
  else if (g_date_compare (&date, &today) > 0)
    {
      valid = FALSE;
      kind = MESSAGE_ERROR;
      message = g_strdup (_("Result date: the date is in the future."));
    }
  else if (sampled_valid && g_date_compare (&date, sampled) < 0)
    {
      valid = FALSE;
      kind = MESSAGE_ERROR;
      message = g_strdup (_("Result date: the result cannot come before the sample."));
    }
  else if (result == CG_NAT_POSITIVE)
    {
      kind = MESSAGE_WARNING;
      message = g_strdup (_("A positive result is reported at once to the town social-affairs office, the health department and the civil-affairs bureau (ALL-9)."));
    }

  set_row_error (self->result_row, !valid);
  set_message (self->result_message, kind, message);
  return valid;
}

static gboolean
validate (CgSampleDialog *self)
{
  GDate sampled;
  gboolean sampled_valid;
  gboolean valid;

  sampled_valid = validate_sampled (self, &sampled);
  valid = validate_result (self, &sampled, sampled_valid) && sampled_valid;
  valid = valid && self->person != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sample.save", valid);
  return valid;
}

/* ---- choosing the person -------------------------------------------- */

static void
clear_suggestions (CgSampleDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), FALSE);
}

static void
choose_person (CgSampleDialog *self,
               CgPerson       *person,
               gboolean        set_text)
{
  g_autofree char *summary = person_summary (person);
  g_autofree char *message = NULL;

  g_set_object (&self->person, person);
  clear_suggestions (self);
  if (set_text)
    {
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->person_row), cg_person_get_name (person));
      gtk_editable_set_position (GTK_EDITABLE (self->person_row), -1);
      self->filling = FALSE;
    }
  /* Translators: the person chosen, then kind, post or room, masked ID */
  message = g_strdup_printf (_("%s — %s"), cg_person_get_name (person), summary);
  set_message (self->person_message, MESSAGE_INFO, message);
  set_row_error (self->person_row, FALSE);
  validate (self);
}

static GtkWidget *
suggestion_row_new (CgPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *summary = person_summary (person);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cg_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "cg-person", g_object_ref (person), g_object_unref);
  return row;
}

static void
on_person_changed_cb (CgSampleDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  CgPerson *exact = NULL;
  guint n_same_name = 0;

  if (self->filling)
    return;

  show_error (self, NULL);
  g_clear_object (&self->person);
  clear_suggestions (self);
  text = stripped_text (self->person_row);
  if (*text == '\0')
    {
      set_message (self->person_message, MESSAGE_INFO, _("Type a name or an ID number."));
      set_row_error (self->person_row, FALSE);
      validate (self);
      return;
    }

  matches = cg_person_search (self->store, text, -1, CG_PERSON_FILTER_ACTIVE, &error);
  if (matches == NULL)
    {
      set_message (self->person_message, MESSAGE_ERROR, error->message);
      validate (self);
      return;
    }

  /* An ID number is one person; a name is one person when nobody else
   * present bears it. */
  for (guint i = 0; i < matches->len; i++)
    {
      CgPerson *person = g_ptr_array_index (matches, i);

      if (g_ascii_strcasecmp (cg_person_get_id_number (person), text) == 0)
        {
          exact = person;
          n_same_name = 1;
          break;
        }
      if (g_strcmp0 (cg_person_get_name (person), text) == 0)
        {
          exact = person;
          n_same_name++;
        }
    }
  if (exact != NULL && n_same_name == 1)
    {
      choose_person (self, exact, FALSE);
      return;
    }

  if (matches->len == 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Nobody present matches “%s”."), text);
      set_message (self->person_message, MESSAGE_ERROR, message);
      set_row_error (self->person_row, TRUE);
      validate (self);
      return;
    }

  set_row_error (self->person_row, FALSE);
  for (guint i = 0; i < matches->len && i < MAX_SUGGESTIONS; i++)
    gtk_list_box_append (self->suggestion_list, suggestion_row_new (g_ptr_array_index (matches, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), TRUE);
  if (matches->len > MAX_SUGGESTIONS)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u person matches: keep typing, or choose below.",
                                              "%u people match: keep typing, or choose below.",
                                              matches->len),
                                 matches->len);
      set_message (self->person_message, MESSAGE_INFO, message);
    }
  else
    set_message (self->person_message, MESSAGE_INFO, _("Choose the person below."));
  validate (self);
}

static void
on_suggestion_activated_cb (CgSampleDialog *self,
                            GtkListBoxRow  *row)
{
  CgPerson *person = g_object_get_data (G_OBJECT (row), "cg-person");

  if (person == NULL)
    return;
  choose_person (self, person, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->sampled_row));
}

/* ---- fields --------------------------------------------------------- */

static void
on_field_changed_cb (CgSampleDialog *self)
{
  if (self->filling)
    return;
  show_error (self, NULL);
  validate (self);
}

static void
on_result_toggled_cb (CgSampleDialog  *self,
                      GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button) || self->filling)
    return;
  /* A result usually comes back the day it is typed in. */
  if (button != self->pending_button
      && *gtk_editable_get_text (GTK_EDITABLE (self->result_row)) == '\0')
    {
      g_autofree char *today = today_iso ();

      gtk_editable_set_text (GTK_EDITABLE (self->result_row), today);
    }
  show_error (self, NULL);
  validate (self);
}

/* Enter goes to the next field; on the last one it saves. */
static void
on_entry_activated_cb (CgSampleDialog *self,
                       AdwEntryRow    *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->person_row), GTK_WIDGET (self->sampled_row),
    GTK_WIDGET (self->site_row), GTK_WIDGET (self->result_row),
  };
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i] == GTK_WIDGET (row))
        {
          found = TRUE;
          continue;
        }
      if (found && gtk_widget_get_visible (order[i]) && gtk_widget_is_sensitive (order[i]))
        {
          gtk_widget_grab_focus (order[i]);
          return;
        }
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "sample.save", NULL);
}

/* Enter in the person field picks the one match, or goes down to the
 * list to choose among several. */
static void
on_person_activated_cb (CgSampleDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->suggestion_list, 0);

  if (self->person != NULL)
    {
      on_entry_activated_cb (self, self->person_row);
      return;
    }
  if (first == NULL)
    return;
  if (gtk_list_box_get_row_at_index (self->suggestion_list, 1) == NULL)
    on_suggestion_activated_cb (self, first);
  else
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

/* ---- saving --------------------------------------------------------- */

/* GTK 4.8 names a button with a mnemonic twice over (its label property
 * and the label that points at it).  AdwMessageDialog makes its buttons
 * that way, so keep only the label's name. */
static void
fix_button_names (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
      fix_button_names (child);
    }
}

static void
save_now (CgSampleDialog *self)
{
  g_autoptr(CgNatTest) test = cg_nat_test_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *name;

  if (!validate (self))
    return;

  test->person_id = cg_person_get_id (self->person);
  test->sampled_on = stripped_text (self->sampled_row);
  test->result = chosen_result (self);
  if (test->result != CG_NAT_PENDING)
    test->result_on = stripped_text (self->result_row);
  g_free (test->site);
  test->site = stripped_text (self->site_row);

  /* One transaction: the sample is stored whole or not at all. */
  if (!cg_nat_test_save (self->store, test, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }

  if (test->site != NULL && *test->site != '\0')
    {
      g_free (last_site);
      last_site = g_strdup (test->site);
    }

  name = cg_person_get_name (self->person);
  switch (test->result)
    {
    case CG_NAT_NEGATIVE:
      message = g_strdup_printf (_("Negative result recorded for %s"), name);
      break;
    case CG_NAT_POSITIVE:
      message = g_strdup_printf (_("Positive result recorded for %s: report it at once"), name);
      break;
    case CG_NAT_PENDING:
    case CG_N_NAT_RESULTS:
    default:
      message = g_strdup_printf (_("Sample of %s recorded, result pending"), name);
      break;
    }
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
save_confirmed_cb (gpointer user_data)
{
  CgSampleDialog *self = user_data;

  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && self->store != NULL)
    save_now (self);
  return G_SOURCE_REMOVE;
}

/* The message dialog belongs to this window: saving closes the window, so
 * it waits until the message dialog has finished with its response. */
static void
on_positive_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CgSampleDialog   *self)
{
  if (g_strcmp0 (response, "record") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_confirmed_cb,
                     g_object_ref (self), g_object_unref);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgSampleDialog *self = CG_SAMPLE_DIALOG (widget);
  AdwMessageDialog *dialog;

  if (!validate (self))
    return;
  if (chosen_result (self) != CG_NAT_POSITIVE)
    {
      save_now (self);
      return;
    }

  /* A positive result starts the "four earlies": make sure it is meant. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Record a Positive Result for %s?"),
                                     cg_person_get_name (self->person));
  adw_message_dialog_format_body (dialog,
                                  _("Positive: report at once to the town social-affairs office, the health department and the civil-affairs bureau, and isolate %s in an observation room (ALL-9)."),
                                  cg_person_get_name (self->person));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Positive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_positive_response_cb), self, 0);
  fix_button_names (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- object --------------------------------------------------------- */

static void
cg_sample_dialog_dispose (GObject *object)
{
  CgSampleDialog *self = CG_SAMPLE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SAMPLE_DIALOG);
  g_clear_object (&self->person);
  g_clear_pointer (&self->existing, cg_nat_test_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_sample_dialog_parent_class)->dispose (object);
}

static void
cg_sample_dialog_class_init (CgSampleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_sample_dialog_dispose;

  /**
   * CgSampleDialog::saved:
   * @message: a short sentence for a toast
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-sample-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, person_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, person_message);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, sampled_row);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, sample_message);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, pending_button);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, negative_button);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, positive_button);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, CgSampleDialog, result_message);
  gtk_widget_class_bind_template_callback (widget_class, on_person_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_toggled_cb);

  gtk_widget_class_install_action (widget_class, "sample.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "sample.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "sample.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "sample.save", NULL);
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

static void
cg_sample_dialog_init (CgSampleDialog *self)
{
  g_autofree char *today = today_iso ();

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_entry_row (self->person_row, 50);
  setup_entry_row (self->sampled_row, 16);
  setup_entry_row (self->site_row, 60);
  setup_entry_row (self->result_row, 16);

  self->sampled_button = cg_date_menu_button_new (GTK_EDITABLE (self->sampled_row),
                                                  _("Choose the Sampling Date"));
  adw_entry_row_add_suffix (self->sampled_row, self->sampled_button);
  adw_entry_row_add_suffix (self->result_row,
                            cg_date_menu_button_new (GTK_EDITABLE (self->result_row),
                                                     _("Choose the Result Date")));

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->sampled_row), today);
  self->filling = FALSE;
}

CgSampleDialog *
cg_sample_dialog_new (GtkWindow *parent,
                      CgStore   *store,
                      CgPerson  *person)
{
  CgSampleDialog *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || CG_IS_PERSON (person), NULL);

  self = g_object_new (CG_TYPE_SAMPLE_DIALOG,
                       "transient-for", parent,
                       "title", _("Record Sample"),
                       NULL);
  self->store = g_object_ref (store);
  adw_window_title_set_title (self->window_title, _("Record Sample"));
  if (last_site != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->site_row), last_site);
  if (person != NULL)
    {
      choose_person (self, person, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->sampled_row));
    }
  else
    {
      set_message (self->person_message, MESSAGE_INFO, _("Type a name or an ID number."));
      gtk_widget_grab_focus (GTK_WIDGET (self->person_row));
    }
  validate (self);
  return self;
}

CgSampleDialog *
cg_sample_dialog_new_for_result (GtkWindow       *parent,
                                 CgStore         *store,
                                 CgPerson        *person,
                                 const CgNatTest *test)
{
  CgSampleDialog *self;
  g_autofree char *summary = NULL;
  g_autofree char *today = today_iso ();

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (CG_IS_PERSON (person), NULL);
  g_return_val_if_fail (test != NULL, NULL);

  self = g_object_new (CG_TYPE_SAMPLE_DIALOG,
                       "transient-for", parent,
                       "title", _("Enter Result"),
                       NULL);
  self->store = g_object_ref (store);
  self->existing = cg_nat_test_new ();
  self->existing->id = test->id;
  self->existing->person_id = test->person_id;
  self->existing->sampled_on = g_strdup (test->sampled_on);
  self->existing->result = test->result;
  self->existing->result_on = g_strdup (test->result_on);
  g_free (self->existing->site);
  self->existing->site = g_strdup (test->site != NULL ? test->site : "");
  g_set_object (&self->person, person);

  adw_window_title_set_title (self->window_title, _("Enter Result"));
  adw_window_title_set_subtitle (self->window_title, cg_person_get_name (person));

  /* The person and the day make the sample: neither can change here. */
  summary = person_summary (person);
  gtk_widget_set_visible (GTK_WIDGET (self->person_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->person_fixed_row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->person_fixed_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_fixed_row),
                                 cg_person_get_name (person));
  adw_action_row_set_subtitle (self->person_fixed_row, summary);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->sampled_row), test->sampled_on);
  gtk_editable_set_editable (GTK_EDITABLE (self->sampled_row), FALSE);
  gtk_widget_set_visible (self->sampled_button, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->site_row), self->existing->site);
  gtk_editable_set_text (GTK_EDITABLE (self->result_row),
                         test->result_on != NULL ? test->result_on : today);
  if (test->result == CG_NAT_POSITIVE)
    gtk_toggle_button_set_active (self->positive_button, TRUE);
  else
    gtk_toggle_button_set_active (self->negative_button, TRUE);
  self->filling = FALSE;

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_toggle_button_get_active (self->positive_button)
                                     ? self->positive_button : self->negative_button));
  return self;
}
