/* cg-person-dialog.c — add or edit one person of the register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-person-dialog.h"
#include "cg-sample-dialog.h"
#include "cg-validate.h"

struct _CgPersonDialog
{
  AdwWindow       parent_instance;

  CgStore        *store;
  const CgModule *module;
  /* The person as stored (or a new one): the form writes into a copy. */
  CgPerson       *person;
  CgPersonKind    kinds[CG_N_PERSON_KINDS];
  guint           n_kinds;
  gboolean        filling;
  gboolean        name_touched;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwPreferencesPage   *page;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwEntryRow          *id_row;
  GtkLabel             *id_message;
  AdwComboRow          *kind_row;
  AdwComboRow          *sex_row;
  AdwEntryRow          *role_row;
  AdwEntryRow          *room_row;
  AdwEntryRow          *phone_row;
  GtkLabel             *phone_message;
  AdwEntryRow          *arrived_row;
  AdwEntryRow          *left_row;
  GtkLabel             *dates_message;
  AdwPreferencesGroup  *actions_group;
  GtkWidget            *archive_button;
  GtkWidget            *restore_button;
  GtkLabel             *archive_hint;
};

G_DEFINE_FINAL_TYPE (CgPersonDialog, cg_person_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

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
show_error (CgPersonDialog *self,
            const char     *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gboolean
date_is_after_today (const GDate *date)
{
  GDate today;

  cg_date_today (&today);
  return g_date_compare (date, &today) > 0;
}

static CgPersonKind
selected_kind (CgPersonDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected >= self->n_kinds)
    return self->kinds[0];
  return self->kinds[selected];
}

static int
years_between (const GDate *from,
               const GDate *to)
{
  int years = g_date_get_year (to) - g_date_get_year (from);

  if (g_date_get_month (to) < g_date_get_month (from)
      || (g_date_get_month (to) == g_date_get_month (from)
          && g_date_get_day (to) < g_date_get_day (from)))
    years--;
  return years;
}

/* ---- validation ----------------------------------------------------- */

static gboolean
validate_name (CgPersonDialog *self)
{
  g_autofree char *name = stripped_text (self->name_row);
  gboolean valid = *name != '\0';

  set_row_error (self->name_row, !valid && self->name_touched);
  return valid;
}

/* While the number is being typed, say how far along it is rather than
 * shouting that it is too short. */
static gboolean
is_partial_id_number (const char *text)
{
  gsize len = strlen (text);

  if (len >= 18)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
validate_id_number (CgPersonDialog *self,
                    GDate          *birth)
{
  g_autofree char *text = stripped_text (self->id_row);
  g_autofree char *normalized = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *birth_iso = NULL;
  GDate today;
  char sex;
  CgSex id_sex;
  guint selected_sex;

  g_date_clear (birth, 1);

  if (*text == '\0')
    {
      set_row_error (self->id_row, FALSE);
      set_message (self->id_message, MESSAGE_NONE, NULL);
      return FALSE;
    }

  if (!cg_validate_id_number (text, &normalized, birth, &error))
    {
      g_date_clear (birth, 1);
      if (is_partial_id_number (text))
        {
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u of 18 characters",
                                                  "%u of 18 characters",
                                                  (guint) strlen (text)),
                                     (guint) strlen (text));
          set_row_error (self->id_row, FALSE);
          set_message (self->id_message, MESSAGE_INFO, message);
        }
      else
        {
          set_row_error (self->id_row, TRUE);
          set_message (self->id_message, MESSAGE_ERROR, error->message);
        }
      return FALSE;
    }

  sex = cg_id_number_sex (normalized);
  id_sex = sex == 'F' ? CG_SEX_FEMALE : sex == 'M' ? CG_SEX_MALE : CG_SEX_UNKNOWN;
  selected_sex = adw_combo_row_get_selected (self->sex_row);

  /* The number tells the sex: fill it in unless the user chose one. */
  if (selected_sex == CG_SEX_UNKNOWN && id_sex != CG_SEX_UNKNOWN && !self->filling)
    {
      adw_combo_row_set_selected (self->sex_row, id_sex);
      selected_sex = id_sex;
    }

  cg_date_today (&today);
  birth_iso = cg_date_to_iso (birth);
  set_row_error (self->id_row, FALSE);
  if (selected_sex != CG_SEX_UNKNOWN && id_sex != CG_SEX_UNKNOWN && selected_sex != id_sex)
    {
      message = g_strdup_printf (id_sex == CG_SEX_FEMALE
                                 ? _("Born on %s. This number belongs to a woman: check the number or the sex.")
                                 : _("Born on %s. This number belongs to a man: check the number or the sex."),
                                 birth_iso);
      set_message (self->id_message, MESSAGE_WARNING, message);
    }
  else
    {
      int age = years_between (birth, &today);

      /* Translators: "Born on 1950-03-02, 73 years old" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Born on %s, %d year old",
                                              "Born on %s, %d years old", age),
                                 birth_iso, age);
      set_message (self->id_message, MESSAGE_INFO, message);
    }
  return TRUE;
}

static gboolean
validate_phone (CgPersonDialog *self)
{
  g_autofree char *text = stripped_text (self->phone_row);
  g_autoptr(GError) error = NULL;

  if (*text == '\0' || cg_validate_phone (text, NULL, &error))
    {
      set_row_error (self->phone_row, FALSE);
      set_message (self->phone_message, MESSAGE_NONE, NULL);
      return TRUE;
    }
  set_row_error (self->phone_row, TRUE);
  set_message (self->phone_message, MESSAGE_ERROR, error->message);
  return FALSE;
}

static gboolean
validate_dates (CgPersonDialog *self,
                const GDate    *birth)
{
  g_autofree char *arrived_text = stripped_text (self->arrived_row);
  g_autofree char *left_text = stripped_text (self->left_row);
  const char *bad_format = _("Write the date as 2023-05-01, 2023/5/1 or 2023年5月1日.");
  const char *problem = NULL;
  MessageKind kind = MESSAGE_ERROR;
  gboolean arrived_ok = FALSE;
  gboolean left_ok = TRUE;
  GDate arrived, left;

  if (*arrived_text == '\0')
    {
      /* Not wrong yet, only missing. */
      kind = MESSAGE_INFO;
      problem = selected_kind (self) == CG_PERSON_STAFF
                ? _("Enter the date this person was hired.")
                : _("Enter the date this person arrived.");
    }
  else if (!cg_date_parse (arrived_text, &arrived))
    problem = bad_format;
  else if (g_date_valid (birth) && g_date_compare (&arrived, birth) < 0)
    problem = _("The arrival date is before the birth date in the ID number.");
  else if (date_is_after_today (&arrived))
    problem = _("The arrival date is in the future.");
  else
    arrived_ok = TRUE;
  set_row_error (self->arrived_row, !arrived_ok && *arrived_text != '\0');

  if (gtk_widget_get_visible (GTK_WIDGET (self->left_row)))
    {
      const char *left_problem = NULL;

      if (*left_text == '\0')
        left_problem = _("Enter the date this person left, or restore them.");
      else if (!cg_date_parse (left_text, &left))
        left_problem = bad_format;
      else if (arrived_ok && g_date_compare (&left, &arrived) < 0)
        left_problem = _("The leaving date is before the arrival date.");
      else if (date_is_after_today (&left))
        left_problem = _("The leaving date is in the future.");
      left_ok = left_problem == NULL;
      set_row_error (self->left_row, !left_ok);
      if (problem == NULL && left_problem != NULL)
        {
          problem = left_problem;
          kind = MESSAGE_ERROR;
        }
    }

  if (problem != NULL)
    set_message (self->dates_message, kind, problem);
  else if (selected_kind (self) == CG_PERSON_STAFF)
    set_message (self->dates_message, MESSAGE_INFO, _("For staff, the date they were hired."));
  else
    set_message (self->dates_message, MESSAGE_NONE, NULL);

  return arrived_ok && left_ok;
}

static gboolean
validate (CgPersonDialog *self)
{
  gboolean valid = TRUE;
  GDate birth;

  gtk_widget_set_visible (GTK_WIDGET (self->role_row),
                          selected_kind (self) == CG_PERSON_STAFF);

  valid &= validate_name (self);
  valid &= validate_id_number (self, &birth);
  valid &= validate_phone (self);
  valid &= validate_dates (self, &birth);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", valid);
  return valid;
}

static void
on_field_changed_cb (CgPersonDialog *self,
                     GObject        *sender)
{
  if (self->filling)
    return;
  if (sender == G_OBJECT (self->name_row))
    self->name_touched = TRUE;
  validate (self);
}

/* ---- filling and collecting ----------------------------------------- */

static void
fill_form (CgPersonDialog *self)
{
  CgPerson *person = self->person;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  gboolean is_new = cg_person_get_id (person) == 0;
  gboolean archived = cg_person_get_archived (person);
  CgPersonKind kind = cg_person_get_kind (person);
  guint kind_index = 0;
  const char *arrived_on = cg_person_get_arrived_on (person);

  self->filling = TRUE;

  self->n_kinds = 0;
  if (self->module != NULL)
    for (guint i = 0; i < self->module->n_person_kinds && i < CG_N_PERSON_KINDS; i++)
      self->kinds[self->n_kinds++] = self->module->person_kinds[i];
  if (self->n_kinds == 0)
    for (guint i = 0; i < CG_N_PERSON_KINDS; i++)
      self->kinds[self->n_kinds++] = i;
  for (guint i = 0; i < self->n_kinds; i++)
    if (self->kinds[i] == kind)
      kind_index = i;
  /* Someone registered under another kind keeps it. */
  if (self->kinds[kind_index] != kind && self->n_kinds < CG_N_PERSON_KINDS)
    {
      kind_index = self->n_kinds;
      self->kinds[self->n_kinds++] = kind;
    }
  for (guint i = 0; i < self->n_kinds; i++)
    gtk_string_list_append (kinds, cg_person_kind_label (self->kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, kind_index);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), self->n_kinds > 1);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cg_person_get_name (person));
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), cg_person_get_id_number (person));
  adw_combo_row_set_selected (self->sex_row, cg_person_get_sex (person));
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), cg_person_get_role (person));
  gtk_editable_set_text (GTK_EDITABLE (self->room_row), cg_person_get_room (person));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), cg_person_get_phone (person));

  if (is_new && (arrived_on == NULL || *arrived_on == '\0'))
    {
      GDate today;
      g_autofree char *iso = NULL;

      cg_date_today (&today);
      iso = cg_date_to_iso (&today);
      gtk_editable_set_text (GTK_EDITABLE (self->arrived_row), iso);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->arrived_row), arrived_on ? arrived_on : "");

  gtk_widget_set_visible (GTK_WIDGET (self->left_row), archived);
  gtk_editable_set_text (GTK_EDITABLE (self->left_row),
                         cg_person_get_left_on (person) ? cg_person_get_left_on (person) : "");

  if (is_new)
    {
      adw_window_title_set_title (self->window_title, _("New Person"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Person"));
      adw_window_title_set_subtitle (self->window_title, cg_person_get_name (person));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), !is_new);
  gtk_widget_set_visible (self->archive_button, !archived);
  gtk_widget_set_visible (self->restore_button, archived);
  gtk_label_set_text (self->archive_hint,
                      archived
                      ? _("Restoring brings this person back into the daily checks and counts.")
                      : _("When someone leaves, archive them: they no longer count as present, but every record about them is kept."));

  self->filling = FALSE;
  validate (self);
}

static CgPerson *
collect (CgPersonDialog *self)
{
  CgPerson *copy = cg_person_copy (self->person);
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *id_number = stripped_text (self->id_row);
  g_autofree char *phone = stripped_text (self->phone_row);
  g_autofree char *room = stripped_text (self->room_row);
  g_autofree char *role = stripped_text (self->role_row);
  g_autofree char *arrived = stripped_text (self->arrived_row);
  g_autofree char *left = stripped_text (self->left_row);
  g_autofree char *arrived_iso = cg_date_normalize (arrived);
  CgPersonKind kind = selected_kind (self);

  cg_person_set_name (copy, name);
  cg_person_set_id_number (copy, id_number);
  cg_person_set_kind (copy, kind);
  cg_person_set_sex (copy, adw_combo_row_get_selected (self->sex_row));
  cg_person_set_phone (copy, phone);
  cg_person_set_room (copy, room);
  /* A post belongs to staff; a resident keeps none. */
  cg_person_set_role (copy, kind == CG_PERSON_STAFF ? role : "");
  cg_person_set_arrived_on (copy, arrived_iso != NULL ? arrived_iso : arrived);
  if (gtk_widget_get_visible (GTK_WIDGET (self->left_row)))
    {
      g_autofree char *left_iso = cg_date_normalize (left);

      cg_person_set_left_on (copy, left_iso != NULL ? left_iso : left);
    }
  return copy;
}

/* ---- actions -------------------------------------------------------- */

/* GTK 4.8 names a button with a mnemonic twice over (its label property
 * and the label that points at it): "Archive Archive".  AdwMessageDialog
 * makes its buttons that way, so keep only the label's name. */
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
finish (CgPersonDialog *self,
        const char     *message)
{
  g_signal_emit (self, signals[DONE], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgPersonDialog *self = CG_PERSON_DIALOG (widget);
  g_autoptr(CgPerson) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean is_new = cg_person_get_id (self->person) == 0;

  if (!validate (self))
    return;

  copy = collect (self);
  if (!cg_person_validate (copy, &error)
      || !cg_person_save (self->store, copy, cg_audit_current_user (), &error))
    {
      if (g_error_matches (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT))
        {
          /* Most likely the ID number is already registered: say it there. */
          set_row_error (self->id_row, TRUE);
          set_message (self->id_message, MESSAGE_ERROR, error->message);
          show_error (self, NULL);
          gtk_widget_grab_focus (GTK_WIDGET (self->id_row));
        }
      else
        show_error (self, error->message);
      return;
    }

  message = g_strdup_printf (is_new ? _("%s added") : _("%s saved"), cg_person_get_name (copy));
  finish (self, message);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CgPersonDialog *self = CG_PERSON_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!cg_person_restore (self->store, self->person, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (_("%s restored"), cg_person_get_name (self->person));
  finish (self, message);
}

static gboolean
leaving_date_ok (CgPersonDialog *self,
                 const char     *text,
                 char          **iso_out)
{
  GDate left, arrived;

  if (!cg_date_parse (text, &left) || date_is_after_today (&left))
    return FALSE;
  if (cg_date_parse (cg_person_get_arrived_on (self->person), &arrived)
      && g_date_compare (&left, &arrived) < 0)
    return FALSE;
  if (iso_out != NULL)
    *iso_out = cg_date_to_iso (&left);
  return TRUE;
}

static void
on_leaving_date_changed_cb (GtkEditable      *editable,
                            AdwMessageDialog *dialog)
{
  CgPersonDialog *self = g_object_get_data (G_OBJECT (dialog), "cg-person-dialog");
  gboolean ok = leaving_date_ok (self, gtk_editable_get_text (editable), NULL);

  adw_message_dialog_set_response_enabled (dialog, "archive", ok);
  set_row_error (ADW_ENTRY_ROW (editable), !ok);
}

static void
on_archive_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CgPersonDialog   *self)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (dialog), "cg-date-row");
  g_autoptr(GError) error = NULL;
  g_autofree char *left_on = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "archive") != 0)
    return;
  if (!leaving_date_ok (self, gtk_editable_get_text (GTK_EDITABLE (row)), &left_on))
    return;

  if (!cg_person_archive (self->store, self->person, left_on, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (_("%s archived"), cg_person_get_name (self->person));
  finish (self, message);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CgPersonDialog *self = CG_PERSON_DIALOG (widget);
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *row;
  GDate today;
  g_autofree char *today_iso = NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Archive %s?"), cg_person_get_name (self->person));
  adw_message_dialog_set_body (dialog,
                               _("Archived people no longer count as present, but every record about them is kept and they can be restored at any time."));

  cg_date_today (&today);
  today_iso = cg_date_to_iso (&today);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Leaving Date"));
  gtk_editable_set_text (GTK_EDITABLE (row), today_iso);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                            cg_date_menu_button_new (GTK_EDITABLE (row), _("Choose the Leaving Date")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Leaving Date"), -1);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data (G_OBJECT (dialog), "cg-person-dialog", self);
  g_object_set_data (G_OBJECT (dialog), "cg-date-row", row);
  g_signal_connect (row, "changed", G_CALLBACK (on_leaving_date_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response_cb), self, 0);
  fix_button_names (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Enter goes to the next field; on the last one it saves. */
static void
on_entry_activated_cb (CgPersonDialog *self,
                       AdwEntryRow    *row)
{
  AdwEntryRow *order[] = {
    self->name_row, self->id_row, self->role_row, self->room_row,
    self->phone_row, self->arrived_row, self->left_row,
  };
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i] == row)
        {
          found = TRUE;
          continue;
        }
      if (found && gtk_widget_get_visible (GTK_WIDGET (order[i])))
        {
          gtk_widget_grab_focus (GTK_WIDGET (order[i]));
          return;
        }
    }

  if (validate (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "person.save", NULL);
      return;
    }
  /* Not valid yet: go to the first field that needs attention. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (order[i]))
        && (gtk_widget_has_css_class (GTK_WIDGET (order[i]), "error")
            || (order[i] != self->phone_row && order[i] != self->room_row
                && order[i] != self->role_row
                && *gtk_editable_get_text (GTK_EDITABLE (order[i])) == '\0')))
      {
        gtk_widget_grab_focus (GTK_WIDGET (order[i]));
        return;
      }
}

/* ---- object --------------------------------------------------------- */

static void
cg_person_dialog_dispose (GObject *object)
{
  CgPersonDialog *self = CG_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PERSON_DIALOG);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_person_dialog_parent_class)->dispose (object);
}

static void
cg_person_dialog_class_init (CgPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_person_dialog_dispose;

  /**
   * CgPersonDialog::done:
   * @message: a short sentence for a toast ("Wang Fang saved")
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, page);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, id_message);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, room_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, phone_message);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, arrived_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, left_row);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, dates_message);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, actions_group);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, archive_button);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CgPersonDialog, archive_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "person.restore", NULL, restore_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "person.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "person.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "person.save", NULL);
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
  /* AdwEntryRow has no max-length before libadwaita 1.5; its text has. */
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), max_length);
}

static void
cg_person_dialog_init (CgPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_entry_row (self->name_row, 50);
  setup_entry_row (self->id_row, 24);
  setup_entry_row (self->role_row, 50);
  setup_entry_row (self->room_row, 30);
  setup_entry_row (self->phone_row, 30);
  setup_entry_row (self->arrived_row, 16);
  setup_entry_row (self->left_row, 16);

  adw_entry_row_add_suffix (self->arrived_row,
                            cg_date_menu_button_new (GTK_EDITABLE (self->arrived_row),
                                             _("Choose the Arrival Date")));
  adw_entry_row_add_suffix (self->left_row,
                            cg_date_menu_button_new (GTK_EDITABLE (self->left_row),
                                             _("Choose the Leaving Date")));
}

CgPersonDialog *
cg_person_dialog_new (GtkWindow      *parent,
                      CgStore        *store,
                      const CgModule *module,
                      CgPerson       *person)
{
  CgPersonDialog *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || CG_IS_PERSON (person), NULL);

  self = g_object_new (CG_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->module = module;
  self->person = person != NULL ? cg_person_copy (person) : cg_person_new ();
  if (person == NULL && module != NULL && module->n_person_kinds > 0)
    cg_person_set_kind (self->person, module->person_kinds[0]);
  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
