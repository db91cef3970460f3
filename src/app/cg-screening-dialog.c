/* cg-screening-dialog.c — entry screening (RS-1) and new-arrival
 * screening (ALL-6), with the verdict shown before saving (RS-2, RS-3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-person-dialog.h"
#include "cg-screening-dialog.h"
#include "cg-stay-dialog.h"

struct _CgScreeningDialog
{
  AdwWindow       parent_instance;

  CgStore        *store;
  const CgModule *module;
  CgPolicy       *policy;
  GPtrArray      *board;          /* CgRoomState*, when the dialog opened */
  gint64          last_person_id; /* before "Add a Person…" */

  GtkWidget      *picker;
  GtkWidget      *referrer_buttons[CG_N_REFERRERS];
  GtkWidget      *temperature_row;
  GtkWidget      *symptom_checks[CG_N_SYMPTOMS];
  GtkWidget      *code_buttons[CG_N_HEALTH_CODES];
  GtkWidget      *travel_switch;
  GtkWidget      *contact_switch;
  GtkWidget      *identity_switch;
  GtkWidget      *arrival_switch;
  GtkWidget      *note_row;
  GtkWidget      *verdict_label;
  GtkWidget      *identity_label;
  GtkWidget      *error_label;
};

G_DEFINE_FINAL_TYPE (CgScreeningDialog, cg_screening_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_rescue_station (CgScreeningDialog *self)
{
  return self->module->kind == CG_KIND_RESCUE_STATION;
}

static void
show_error (CgScreeningDialog *self,
            const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL && *message != '\0');
}

/* The same order as the core's choice (cg-screening.c): compliant before
 * not compliant, then the right kind, then by name. */
const CgRoom *
cg_screening_pick_room (GPtrArray          *board,
                        CgScreeningOutcome  outcome)
{
  CgRoomKind kind = outcome == CG_SCREENING_OBSERVE ? CG_ROOM_OBSERVATION : CG_ROOM_ISOLATION;
  const CgRoom *best = NULL;
  guint best_rank = G_MAXUINT;

  if (board == NULL || outcome == CG_SCREENING_ADMIT)
    return NULL;
  for (guint i = 0; i < board->len; i++)
    {
      CgRoomState *state = g_ptr_array_index (board, i);
      guint rank;

      if (state->stay != NULL || state->room->archived)
        continue;
      rank = (cg_room_is_compliant (state->room) ? 0 : 2) + (state->room->kind == kind ? 0 : 1);
      if (rank < best_rank || (rank == best_rank && strcmp (state->room->name, best->name) < 0))
        {
          best = state->room;
          best_rank = rank;
        }
    }
  return best;
}

static int
chosen_index (GtkWidget **buttons,
              int         n)
{
  for (int i = 0; i < n; i++)
    if (buttons[i] != NULL && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[i])))
      return i;
  return -1;
}

/* The form as a screening; FALSE (with a message for the field) while
 * something the verdict needs is missing or wrong. */
static gboolean
read_form (CgScreeningDialog *self,
           CgScreening       *screening,
           GtkWidget        **field,
           char             **message)
{
  CgPerson *person = cg_person_picker_get_person (CG_PERSON_PICKER (self->picker));
  const char *temperature = gtk_editable_get_text (GTK_EDITABLE (self->temperature_row));
  g_autoptr(GError) error = NULL;
  int code = chosen_index (self->code_buttons, CG_N_HEALTH_CODES);
  int referrer = chosen_index (self->referrer_buttons, CG_N_REFERRERS);

  *field = NULL;
  *message = NULL;
  screening->person_id = person != NULL ? cg_person_get_id (person) : 0;
  screening->referred_by = referrer >= 0 ? (CgReferrer) referrer : CG_REFERRED_NONE;
  screening->symptoms = 0;
  for (guint i = 0; i < CG_N_SYMPTOMS; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->symptom_checks[i])))
      screening->symptoms |= 1u << i;
  screening->risk_travel = gtk_switch_get_active (GTK_SWITCH (self->travel_switch));
  screening->contact = gtk_switch_get_active (GTK_SWITCH (self->contact_switch));
  screening->identity_verified = gtk_switch_get_active (GTK_SWITCH (self->identity_switch));
  g_free (screening->note);
  screening->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  if (*temperature == '\0')
    {
      *field = self->temperature_row;
      *message = g_strdup (_("Enter the temperature."));
      return FALSE;
    }
  if (!cg_temperature_parse (self->policy, temperature, &screening->temperature, &error))
    {
      *field = self->temperature_row;
      *message = g_strdup (error->message);
      return FALSE;
    }
  if (code < 0)
    {
      *field = self->code_buttons[0];
      *message = g_strdup (_("Choose the health code colour (or “No code”)."));
      return FALSE;
    }
  screening->health_code = (CgHealthCode) code;
  if (person == NULL)
    {
      *field = self->picker;
      *message = g_strdup (_("Choose the person screened, or add them."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
new_arrival (CgScreeningDialog *self)
{
  return self->arrival_switch != NULL && gtk_switch_get_active (GTK_SWITCH (self->arrival_switch));
}

static char *
verdict_text (CgScreeningDialog  *self,
              CgScreeningOutcome  outcome)
{
  const CgRoom *room = cg_screening_pick_room (self->board, outcome);
  int days = cg_policy_get_int (self->policy, CG_POLICY_ISOLATION_DAYS);

  switch (outcome)
    {
    case CG_SCREENING_ADMIT:
      return g_strdup (_("Admit"));
    case CG_SCREENING_ISOLATE:
      if (room == NULL)
        return g_strdup_printf (ngettext ("Isolate %d day in a single room — no room is free: the alert is raised",
                                          "Isolate %d days in a single room — no room is free: the alert is raised",
                                          days), days);
      /* Translators: "Isolate 14 days in a single room — 隔离1号" */
      return g_strdup_printf (ngettext ("Isolate %d day in a single room — %s",
                                        "Isolate %d days in a single room — %s", days),
                              days, room->name);
    case CG_SCREENING_OBSERVE:
    default:
      if (is_rescue_station (self))
        {
          if (room == NULL)
            return g_strdup (_("Fever: move to the observation room (none is free), call 120, report to the station head and upward"));
          /* Translators: %s is the observation room */
          return g_strdup_printf (_("Fever: move to the observation room %s, call 120, report to the station head and upward"),
                                  room->name);
        }
      if (room == NULL)
        return g_strdup (_("Fever or symptoms: move to the observation room (none is free) and send to the fever clinic"));
      /* Translators: %s is the observation room */
      return g_strdup_printf (_("Fever or symptoms: move to the observation room %s and send to the fever clinic"),
                              room->name);
    }
}

static void
update_verdict (CgScreeningDialog *self)
{
  g_autoptr(CgScreening) screening = cg_screening_new ();
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  GtkWidget *field;
  CgScreeningOutcome outcome;

  /* RS-1: the identity is verified at entry; say so until it is. */
  gtk_widget_set_visible (self->identity_label, is_rescue_station (self)
                          && !gtk_switch_get_active (GTK_SWITCH (self->identity_switch)));
  gtk_widget_remove_css_class (self->verdict_label, "success");
  gtk_widget_remove_css_class (self->verdict_label, "warning");
  gtk_widget_remove_css_class (self->verdict_label, "error");
  if (!read_form (self, screening, &field, &message) && field != self->picker)
    {
      gtk_label_set_text (GTK_LABEL (self->verdict_label), message);
      gtk_widget_add_css_class (self->verdict_label, "dim-label");
      return;
    }
  gtk_widget_remove_css_class (self->verdict_label, "dim-label");
  outcome = cg_screening_decide (self->policy, screening, new_arrival (self));
  text = verdict_text (self, outcome);
  gtk_label_set_text (GTK_LABEL (self->verdict_label), text);
  gtk_widget_add_css_class (self->verdict_label,
                            outcome == CG_SCREENING_ADMIT ? "success"
                            : outcome == CG_SCREENING_ISOLATE ? "warning" : "error");
}

static void
on_save_clicked_cb (CgScreeningDialog *self)
{
  g_autoptr(CgScreening) screening = cg_screening_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *done = NULL;
  GtkWidget *field;
  CgPerson *person;

  if (!read_form (self, screening, &field, &message))
    {
      show_error (self, message);
      if (field != NULL)
        gtk_widget_grab_focus (field);
      return;
    }
  person = cg_person_picker_get_person (CG_PERSON_PICKER (self->picker));
  g_free (screening->registered_by);
  screening->registered_by = g_strdup (cg_audit_current_user ());
  if (!cg_screening_record (self->store, self->policy, screening, new_arrival (self),
                            cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  switch (screening->outcome)
    {
    case CG_SCREENING_ADMIT:
      /* Translators: %s is a name */
      done = g_strdup_printf (_("%s screened: admitted"), cg_person_get_name (person));
      break;
    case CG_SCREENING_ISOLATE:
      done = screening->stay_id != 0
        /* Translators: %s is a name */
        ? g_strdup_printf (_("%s screened: isolation stay opened"), cg_person_get_name (person))
        /* Translators: %s is a name */
        : g_strdup_printf (_("%s screened: to be isolated, but no room is free"), cg_person_get_name (person));
      break;
    case CG_SCREENING_OBSERVE:
    default:
      /* Translators: %s is a name */
      done = g_strdup_printf (_("%s screened: observation room — call 120 and report"), cg_person_get_name (person));
      break;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, done);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (CgScreeningDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gint64
newest_person_id (CgStore *store)
{
  g_autoptr(GPtrArray) people = cg_person_search (store, NULL, -1, CG_PERSON_FILTER_ACTIVE, NULL);
  gint64 newest = 0;

  for (guint i = 0; people != NULL && i < people->len; i++)
    newest = MAX (newest, cg_person_get_id (g_ptr_array_index (people, i)));
  return newest;
}

/* The person dialog says only that it saved: the newest person is the
 * one it added. */
static void
on_person_added_cb (CgPersonDialog    *dialog,
                    const char        *message,
                    CgScreeningDialog *self)
{
  gint64 newest = newest_person_id (self->store);
  g_autoptr(CgPerson) person = NULL;

  if (newest <= self->last_person_id)
    return;
  person = cg_person_load (self->store, newest, NULL);
  if (person != NULL)
    cg_person_picker_set_person (CG_PERSON_PICKER (self->picker), person);
}

static void
on_add_person_clicked_cb (CgScreeningDialog *self)
{
  g_autoptr(CgPerson) person = cg_person_new ();
  CgPersonDialog *dialog;
  GDate today;
  g_autofree char *iso = NULL;

  cg_date_today (&today);
  iso = cg_date_to_iso (&today);
  cg_person_set_kind (person, is_rescue_station (self) ? CG_PERSON_AID
                      : cg_module_has_person_kind (self->module, CG_PERSON_CHILD) ? CG_PERSON_CHILD
                      : CG_PERSON_RESIDENT);
  cg_person_set_arrived_on (person, iso);
  self->last_person_id = newest_person_id (self->store);
  dialog = cg_person_dialog_new (GTK_WINDOW (self), self->store, self->module, person);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_person_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
switch_row_new (CgScreeningDialog *self,
                GtkWidget         *list,
                const char        *title,
                const char        *subtitle,
                gboolean           active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (update_verdict), self);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return sw;
}

static GtkWidget *
section_title_new (const char *text)
{
  GtkWidget *label = wrap_label_new (text, "heading");

  gtk_widget_set_margin_top (label, 6);
  return label;
}

/* A row of linked toggles: one choice, each named for screen readers. */
static GtkWidget *
choice_box_new (CgScreeningDialog *self,
                GtkWidget        **buttons,
                const char       **labels,
                int                n)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  for (int i = 0; i < n; i++)
    {
      if (labels[i] == NULL)
        continue;
      buttons[i] = gtk_toggle_button_new_with_label (labels[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i], -1);
      for (int j = 0; j < i; j++)
        if (buttons[j] != NULL)
          {
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (buttons[i]), GTK_TOGGLE_BUTTON (buttons[j]));
            break;
          }
      g_signal_connect_swapped (buttons[i], "toggled", G_CALLBACK (update_verdict), self);
      gtk_flow_box_append (GTK_FLOW_BOX (box), buttons[i]);
    }
  return box;
}

static void
build (CgScreeningDialog *self,
       CgPerson          *person)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *save = gtk_button_new_with_label (_("Save Screening"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *person_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_person = gtk_button_new_with_label (_("Add a Person…"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *symptoms = gtk_flow_box_new ();
  GtkWidget *history = gtk_list_box_new ();
  GtkWidget *verdict_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  const char *code_labels[CG_N_HEALTH_CODES];

  gtk_window_set_title (GTK_WINDOW (self), is_rescue_station (self) ? _("Entry Screening")
                                                                    : _("New Arrival Screening"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save Screening"), -1);
  gtk_widget_set_tooltip_text (save, _("Record the screening and open the stay it calls for"));
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

  self->error_label = wrap_label_new (NULL, "error");
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);

  /* Who */
  self->picker = cg_person_picker_new (self->store, is_rescue_station (self) ? _("Entrant") : _("Person"));
  gtk_widget_set_hexpand (self->picker, TRUE);
  g_signal_connect_swapped (self->picker, "notify::person", G_CALLBACK (update_verdict), self);
  gtk_widget_set_valign (add_person, GTK_ALIGN_START);
  gtk_widget_set_margin_top (add_person, 10);
  gtk_widget_set_tooltip_text (add_person, _("Register someone who is not in the register yet"));
  g_signal_connect_swapped (add_person, "clicked", G_CALLBACK (on_add_person_clicked_cb), self);
  gtk_box_append (GTK_BOX (person_box), self->picker);
  gtk_box_append (GTK_BOX (person_box), add_person);
  gtk_box_append (GTK_BOX (content), person_box);

  if (is_rescue_station (self))
    {
      const char *labels[CG_N_REFERRERS];

      for (int i = 0; i < CG_N_REFERRERS; i++)
        labels[i] = i == CG_REFERRED_NONE ? NULL : cg_referrer_label ((CgReferrer) i);
      gtk_box_append (GTK_BOX (content), section_title_new (_("Referred by")));
      gtk_box_append (GTK_BOX (content), choice_box_new (self, self->referrer_buttons, labels, CG_N_REFERRERS));
    }

  /* Temperature and symptoms */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 6);
  self->temperature_row = entry_row_new (_("Temperature (℃)"));
  gtk_widget_set_tooltip_text (self->temperature_row, _("As read, for example 36.5"));
  g_signal_connect_swapped (self->temperature_row, "changed", G_CALLBACK (update_verdict), self);
  gtk_list_box_append (GTK_LIST_BOX (list), self->temperature_row);
  gtk_box_append (GTK_BOX (content), list);

  gtk_box_append (GTK_BOX (content), section_title_new (_("Symptoms")));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (symptoms), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (symptoms), 6);
  for (guint i = 0; i < CG_N_SYMPTOMS; i++)
    {
      self->symptom_checks[i] = gtk_check_button_new_with_label (cg_symptom_label (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->symptom_checks[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cg_symptom_label (i), -1);
      g_signal_connect_swapped (self->symptom_checks[i], "toggled", G_CALLBACK (update_verdict), self);
      gtk_flow_box_append (GTK_FLOW_BOX (symptoms), self->symptom_checks[i]);
    }
  gtk_box_append (GTK_BOX (content), symptoms);

  /* Health code: no default, it must be seen and chosen. */
  gtk_box_append (GTK_BOX (content), section_title_new (_("Health code")));
  for (int i = 0; i < CG_N_HEALTH_CODES; i++)
    code_labels[i] = cg_health_code_label ((CgHealthCode) i);
  gtk_box_append (GTK_BOX (content), choice_box_new (self, self->code_buttons, code_labels, CG_N_HEALTH_CODES));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (history), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (history, "boxed-list");
  gtk_widget_set_margin_top (history, 6);
  self->travel_switch = switch_row_new (self, history, _("Medium/high-risk area in 14 days"),
                                        _("Travel record (行程卡) shows a medium- or high-risk area"), FALSE);
  self->contact_switch = switch_row_new (self, history, _("Contact history"),
                                         _("Contact with a confirmed or suspected case"), FALSE);
  self->identity_switch = switch_row_new (self, history, _("Identity verified"),
                                          _("ID card or other proof checked"), FALSE);
  if (!is_rescue_station (self))
    self->arrival_switch = switch_row_new (self, history, _("New arrival"),
                                           _("Screening, a test and isolation before joining (ALL-6)"), TRUE);
  self->note_row = entry_row_new (_("Note"));
  gtk_list_box_append (GTK_LIST_BOX (history), self->note_row);
  gtk_box_append (GTK_BOX (content), history);

  /* The verdict, before saving */
  gtk_widget_add_css_class (verdict_box, "card");
  gtk_widget_set_margin_top (verdict_box, 6);
  gtk_box_append (GTK_BOX (verdict_box), wrap_label_new (_("Verdict"), "caption-heading"));
  self->verdict_label = wrap_label_new (NULL, "title-4");
  gtk_label_set_selectable (GTK_LABEL (self->verdict_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Verdict"), -1);
  gtk_box_append (GTK_BOX (verdict_box), self->verdict_label);
  self->identity_label = wrap_label_new (_("Identity not verified yet: check the ID card or other proof (RS-1)."),
                                         "warning");
  gtk_box_append (GTK_BOX (verdict_box), self->identity_label);
  for (GtkWidget *c = gtk_widget_get_first_child (verdict_box); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      gtk_widget_set_margin_start (c, 12);
      gtk_widget_set_margin_end (c, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (verdict_box), 12);
  gtk_widget_set_margin_bottom (self->verdict_label, 12);
  gtk_widget_set_margin_bottom (self->identity_label, 12);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  /* Below the scrolled form: the verdict is always in sight. */
  gtk_widget_set_margin_start (verdict_box, 18);
  gtk_widget_set_margin_end (verdict_box, 18);
  gtk_widget_set_margin_bottom (verdict_box, 12);
  gtk_box_append (GTK_BOX (box), verdict_box);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  if (person != NULL)
    cg_person_picker_set_person (CG_PERSON_PICKER (self->picker), person);
  update_verdict (self);
  gtk_widget_grab_focus (person != NULL ? self->temperature_row : self->picker);
}

static void
cg_screening_dialog_finalize (GObject *object)
{
  CgScreeningDialog *self = CG_SCREENING_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_pointer (&self->board, g_ptr_array_unref);
  G_OBJECT_CLASS (cg_screening_dialog_parent_class)->finalize (object);
}

static void
cg_screening_dialog_class_init (CgScreeningDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_screening_dialog_finalize;
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_screening_dialog_init (CgScreeningDialog *self)
{
}

CgScreeningDialog *
cg_screening_dialog_new (GtkWindow      *parent,
                         CgStore        *store,
                         const CgModule *module,
                         CgPerson       *person)
{
  CgScreeningDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_SCREENING_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 560,
                       "default-height", 760,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->module = module != NULL ? module : &cg_module_rescue_station;
  self->policy = cg_module_load_policy (self->module, store, &error);
  if (self->policy == NULL)
    self->policy = cg_module_default_policy (self->module);
  /* One small query: the rooms free now, to name the room of the verdict. */
  self->board = cg_room_board (store, NULL, NULL);
  build (self, person);
  return self;
}
