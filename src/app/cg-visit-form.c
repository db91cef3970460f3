/* cg-visit-form.c — the gate's check-in form, keyboard first (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gate staff register a visitor in seconds: Enter moves from field to
 * field, the two groups of buttons (health code, symptoms) are one Tab
 * stop each with the arrow keys inside, and Enter in the temperature
 * field (the last thing measured) checks the visitor in.  The program
 * decides admit or refuse (cg_visit_check_in); the form only refuses
 * what cannot be stored: an impossible temperature, a bad ID number, no
 * health-code colour chosen.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgVisitForm"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-health-check.h"
#include "cg-validate.h"
#include "cg-visit-form.h"

#define MAX_MATCHES 6

/* The visitor symptoms of ALL-2: fever, cough, sore throat (and dry cough). */
static const CgSymptoms form_symptoms[] = {
  CG_SYMPTOM_FEVER, CG_SYMPTOM_COUGH, CG_SYMPTOM_DRY_COUGH, CG_SYMPTOM_SORE_THROAT,
};
#define N_FORM_SYMPTOMS G_N_ELEMENTS (form_symptoms)

static const char * const code_classes[CG_N_HEALTH_CODES] = {
  "cg-code-green", "cg-code-yellow", "cg-code-orange", "cg-code-red", "cg-code-none",
};

struct _CgVisitForm
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;
  CgPolicy       *policy;
  GPtrArray      *people;          /* CgPerson present today, not staff */

  GtkEntry       *name_entry;
  GtkEntry       *id_entry;
  GtkLabel       *id_status_label;
  GtkEntry       *phone_entry;
  GtkEntry       *visiting_entry;
  GtkListBox     *match_list;
  GtkEntry       *relationship_entry;
  GtkBox         *code_box;
  GtkSwitch      *risk_switch;
  GtkSwitch      *mask_switch;
  GtkBox         *symptom_box;
  GtkEntry       *temperature_entry;
  GtkLabel       *band_label;
  GtkLabel       *message_label;
  GtkButton      *check_in_button;

  GtkToggleButton *code_buttons[CG_N_HEALTH_CODES];
  GtkToggleButton *symptom_buttons[N_FORM_SYMPTOMS];

  gint64          visiting_id;     /* chosen person, 0 for none */
  GPtrArray      *matches;         /* CgPerson listed under the field */
  gboolean        filling;         /* text set by the program */
  gboolean        fever_auto;      /* Fever turned on by a fever reading */
  char           *returning_for;   /* ID number the details were filled for */
};

G_DEFINE_FINAL_TYPE (CgVisitForm, cg_visit_form, ADW_TYPE_BIN)

enum {
  CHECKED_IN,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* ---- messages ----------------------------------------------------------- */

static void
show_message (CgVisitForm *self,
              const char  *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message != '\0');
}

static void
focus_entry (GtkEntry *entry,
             gboolean  select)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  if (select)
    gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  else
    gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
set_entry_text (CgVisitForm *self,
                GtkEntry    *entry,
                const char  *text)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  self->filling = FALSE;
}

/* ---- temperature -------------------------------------------------------- */

typedef enum
{
  TEMP_EMPTY,
  TEMP_VALID,
  TEMP_TYPING,   /* a digit more may make it a temperature */
  TEMP_INVALID,
} TempState;

static TempState
parse_temperature (CgVisitForm *self,
                   gboolean     final,
                   double      *value,
                   char       **message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = entry_text (self->temperature_entry);

  *value = 0.0;
  *message = NULL;
  if (*text == '\0')
    return TEMP_EMPTY;
  if (self->policy == NULL)
    return TEMP_TYPING;
  if (cg_temperature_parse (self->policy, text, value, &error))
    return TEMP_VALID;
  /* "3" may become 36.5 and "37." 37.5; "3.7" or "370" never will. */
  if (!final)
    for (char digit = '0'; digit <= '9'; digit++)
      {
        g_autofree char *longer = g_strdup_printf ("%s%c", text, digit);
        double ignored;

        if (cg_temperature_parse (self->policy, longer, &ignored, NULL))
          return TEMP_TYPING;
      }
  *message = g_strdup (error->message);
  return TEMP_INVALID;
}

static void
set_band_style (GtkWidget  *label,
                const char *style)
{
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

static void
set_fever_auto (CgVisitForm *self,
                gboolean     fever)
{
  GtkToggleButton *button = self->symptom_buttons[0];

  if (fever && !gtk_toggle_button_get_active (button))
    {
      self->fever_auto = TRUE;
      gtk_toggle_button_set_active (button, TRUE);
    }
  else if (!fever && self->fever_auto)
    {
      self->fever_auto = FALSE;
      gtk_toggle_button_set_active (button, FALSE);
    }
}

static void
update_temperature (CgVisitForm *self,
                    gboolean     final)
{
  g_autofree char *message = NULL;
  double value;
  TempState state = parse_temperature (self, final, &value, &message);
  GtkWidget *entry = GTK_WIDGET (self->temperature_entry);

  gtk_widget_remove_css_class (entry, "error");
  switch (state)
    {
    case TEMP_VALID:
      {
        CgTempBand band = cg_temperature_band (self->policy, value);

        gtk_label_set_text (self->band_label, cg_temperature_band_label (band));
        set_band_style (GTK_WIDGET (self->band_label),
                        band == CG_BAND_NORMAL ? "success"
                        : band == CG_BAND_RECHECK ? "warning" : "error");
        set_fever_auto (self, cg_temperature_band_is_fever (band));
        show_message (self, NULL);
      }
      break;
    case TEMP_INVALID:
      gtk_label_set_text (self->band_label, "");
      gtk_widget_add_css_class (entry, "error");
      set_fever_auto (self, FALSE);
      show_message (self, message);
      break;
    case TEMP_EMPTY:
    case TEMP_TYPING:
    default:
      gtk_label_set_text (self->band_label, "");
      set_fever_auto (self, FALSE);
      show_message (self, NULL);
      break;
    }
}

static void
on_temperature_changed_cb (CgVisitForm *self)
{
  if (!self->filling)
    update_temperature (self, FALSE);
}

/* ---- the button groups: one Tab stop each, arrows inside ----------------- */

static void
group_set_current (GtkToggleButton **buttons,
                   guint             n,
                   guint             current)
{
  for (guint i = 0; i < n; i++)
    gtk_widget_set_focusable (GTK_WIDGET (buttons[i]), i == current);
}

static int
group_focused (GtkToggleButton **buttons,
               guint             n)
{
  for (guint i = 0; i < n; i++)
    if (gtk_widget_has_focus (GTK_WIDGET (buttons[i])))
      return (int) i;
  return -1;
}

static gboolean
group_key (GtkToggleButton **buttons,
           guint             n,
           guint             keyval)
{
  int focused = group_focused (buttons, n);
  int target;

  if (focused < 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = MAX (focused - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = MIN (focused + 1, (int) n - 1);
      break;
    case GDK_KEY_Home:
      target = 0;
      break;
    case GDK_KEY_End:
      target = (int) n - 1;
      break;
    default:
      return FALSE;
    }
  group_set_current (buttons, n, target);
  gtk_widget_grab_focus (GTK_WIDGET (buttons[target]));
  return TRUE;
}

static int
chosen_code (CgVisitForm *self)
{
  for (guint i = 0; i < CG_N_HEALTH_CODES; i++)
    if (gtk_toggle_button_get_active (self->code_buttons[i]))
      return (int) i;
  return -1;
}

static gboolean
on_code_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        CgVisitForm           *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval < GDK_KEY_1 + CG_N_HEALTH_CODES)
    {
      guint index = keyval - GDK_KEY_1;

      gtk_toggle_button_set_active (self->code_buttons[index], TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_buttons[index]));
      return TRUE;
    }
  return group_key (self->code_buttons, CG_N_HEALTH_CODES, keyval);
}

static gboolean
on_symptom_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           CgVisitForm           *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  return group_key (self->symptom_buttons, N_FORM_SYMPTOMS, keyval);
}

static void
update_check_in_sensitive (CgVisitForm *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_in_button),
                            self->store != NULL && chosen_code (self) >= 0);
}

static void
on_code_toggled_cb (GtkToggleButton *button,
                    CgVisitForm     *self)
{
  for (guint i = 0; i < CG_N_HEALTH_CODES; i++)
    if (self->code_buttons[i] == button && gtk_toggle_button_get_active (button))
      {
        group_set_current (self->code_buttons, CG_N_HEALTH_CODES, i);
        show_message (self, NULL);
      }
  update_check_in_sensitive (self);
}

static void
on_symptom_toggled_cb (GtkToggleButton *button,
                       CgVisitForm     *self)
{
  /* Fever turned off or on by hand is the gate staff's call. */
  if (button == self->symptom_buttons[0])
    self->fever_auto = FALSE;
}

/* ---- whom they visit ------------------------------------------------------ */

static char *
person_label (CgPerson *person)
{
  const char *room = cg_person_get_room (person);

  if (room != NULL && *room != '\0')
    return g_strdup_printf (_("%s (%s)"), cg_person_get_name (person), room);
  return g_strdup (cg_person_get_name (person));
}

static CgPerson *
find_person (CgVisitForm *self,
             gint64       id)
{
  if (self->people == NULL)
    return NULL;
  for (guint i = 0; i < self->people->len; i++)
    if (cg_person_get_id (self->people->pdata[i]) == id)
      return self->people->pdata[i];
  return NULL;
}

static void
hide_matches (CgVisitForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->match_list), FALSE);
  g_ptr_array_set_size (self->matches, 0);
}

static void
choose_person (CgVisitForm *self,
               CgPerson    *person)
{
  g_autofree char *label = person_label (person);

  self->visiting_id = cg_person_get_id (person);
  set_entry_text (self, self->visiting_entry, label);
  gtk_editable_set_position (GTK_EDITABLE (self->visiting_entry), -1);
  hide_matches (self);
}

static gboolean
person_matches (CgPerson   *person,
                const char *folded)
{
  g_autofree char *name = g_utf8_casefold (cg_person_get_name (person), -1);
  g_autofree char *room = g_utf8_casefold (cg_person_get_room (person), -1);
  g_autofree char *plain = person_label (person);
  g_autofree char *label = g_utf8_casefold (plain, -1);

  return strstr (name, folded) != NULL || g_str_has_prefix (room, folded)
         || g_str_has_prefix (label, folded);
}

static void
update_matches (CgVisitForm *self)
{
  g_autofree char *text = entry_text (self->visiting_entry);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->match_list))) != NULL)
    gtk_list_box_remove (self->match_list, child);
  g_ptr_array_set_size (self->matches, 0);
  if (*folded == '\0' || self->people == NULL)
    {
      hide_matches (self);
      return;
    }
  for (guint i = 0; i < self->people->len && self->matches->len < MAX_MATCHES; i++)
    if (person_matches (self->people->pdata[i], folded))
      g_ptr_array_add (self->matches, self->people->pdata[i]);

  for (guint i = 0; i < self->matches->len; i++)
    {
      g_autofree char *label = person_label (self->matches->pdata[i]);
      GtkWidget *row_label = gtk_label_new (label);
      GtkWidget *row;

      gtk_label_set_xalign (GTK_LABEL (row_label), 0.0f);
      gtk_widget_set_margin_start (row_label, 8);
      gtk_widget_set_margin_end (row_label, 8);
      gtk_widget_set_margin_top (row_label, 4);
      gtk_widget_set_margin_bottom (row_label, 4);
      gtk_list_box_append (self->match_list, row_label);
      row = gtk_widget_get_parent (row_label);
      gtk_widget_set_focusable (row, FALSE);
    }
  if (self->matches->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Nobody present by that name or room"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 4);
      gtk_widget_set_margin_bottom (none, 4);
      gtk_list_box_append (self->match_list, none);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (none)), FALSE);
      gtk_widget_set_focusable (gtk_widget_get_parent (none), FALSE);
    }
  else
    gtk_list_box_select_row (self->match_list, gtk_list_box_get_row_at_index (self->match_list, 0));
  gtk_widget_set_visible (GTK_WIDGET (self->match_list), TRUE);
}

static void
on_visiting_changed_cb (CgVisitForm *self)
{
  if (self->filling)
    return;
  self->visiting_id = 0;
  update_matches (self);
}

static gboolean
accept_match (CgVisitForm *self)
{
  GtkListBoxRow *row;
  int index;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->match_list)) || self->matches->len == 0)
    return FALSE;
  row = gtk_list_box_get_selected_row (self->match_list);
  index = row != NULL ? gtk_list_box_row_get_index (row) : 0;
  if (index < 0 || (guint) index >= self->matches->len)
    index = 0;
  choose_person (self, self->matches->pdata[index]);
  return TRUE;
}

static gboolean
on_visiting_key_pressed_cb (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            CgVisitForm           *self)
{
  GtkListBoxRow *row;
  int index;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!gtk_widget_get_visible (GTK_WIDGET (self->match_list)) || self->matches->len == 0)
        return FALSE;
      row = gtk_list_box_get_selected_row (self->match_list);
      index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
      index += (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) ? 1 : -1;
      index = CLAMP (index, 0, (int) self->matches->len - 1);
      gtk_list_box_select_row (self->match_list, gtk_list_box_get_row_at_index (self->match_list, index));
      return TRUE;
    case GDK_KEY_Tab:
      accept_match (self);
      return FALSE;   /* and on to the next field */
    case GDK_KEY_Escape:
      if (!gtk_widget_get_visible (GTK_WIDGET (self->match_list)))
        return FALSE;
      hide_matches (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_match_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       CgVisitForm   *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->matches->len)
    {
      choose_person (self, self->matches->pdata[index]);
      gtk_widget_grab_focus (GTK_WIDGET (self->relationship_entry));
    }
}

/* What was typed without choosing: one person of that name or label. */
static gboolean
resolve_visiting (CgVisitForm *self)
{
  g_autofree char *text = entry_text (self->visiting_entry);
  CgPerson *found = NULL;

  if (*text == '\0')
    {
      self->visiting_id = 0;
      return TRUE;
    }
  if (self->visiting_id != 0 && find_person (self, self->visiting_id) != NULL)
    return TRUE;
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      CgPerson *person = self->people->pdata[i];
      g_autofree char *label = person_label (person);

      if (g_strcmp0 (cg_person_get_name (person), text) == 0 || g_strcmp0 (label, text) == 0)
        {
          if (found != NULL)
            return FALSE;   /* two of that name: the room decides */
          found = person;
        }
    }
  if (found == NULL)
    return FALSE;
  choose_person (self, found);
  return TRUE;
}

/* ---- a returning visitor ---------------------------------------------------- */

static void
set_id_status (CgVisitForm *self,
               const char  *text,
               const char  *style)
{
  GtkWidget *label = GTK_WIDGET (self->id_status_label);

  gtk_label_set_text (self->id_status_label, text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

static void
fill_if_empty (CgVisitForm *self,
               GtkEntry    *entry,
               const char  *value)
{
  g_autofree char *text = entry_text (entry);

  if (*text == '\0' && value != NULL && *value != '\0')
    set_entry_text (self, entry, value);
}

static void
on_id_changed_cb (CgVisitForm *self)
{
  g_autofree char *text = entry_text (self->id_entry);
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgVisit) last = NULL;

  if (self->filling)
    return;
  if (strlen (text) < 18)
    {
      set_id_status (self, NULL, NULL);
      g_clear_pointer (&self->returning_for, g_free);
      return;
    }
  if (!cg_validate_id_number (text, &normalized, NULL, &error))
    {
      set_id_status (self, error->message, "error");
      return;
    }
  if (self->store == NULL || g_strcmp0 (normalized, self->returning_for) == 0)
    return;
  last = cg_visit_find_visitor (self->store, normalized, &error);
  if (last == NULL)
    {
      set_id_status (self, error != NULL ? error->message : _("First visit"),
                     error != NULL ? "error" : "dim-label");
      return;
    }

  g_free (self->returning_for);
  self->returning_for = g_strdup (normalized);
  fill_if_empty (self, self->name_entry, last->visitor_name);
  fill_if_empty (self, self->phone_entry, last->phone);
  fill_if_empty (self, self->relationship_entry, last->relationship);
  if (self->visiting_id == 0 && last->visiting_id != 0)
    {
      CgPerson *person = find_person (self, last->visiting_id);
      g_autofree char *visiting = entry_text (self->visiting_entry);

      if (person != NULL && *visiting == '\0')
        choose_person (self, person);
    }
  {
    g_autofree char *when = cg_datetime_utc_to_local (last->arrived_at);
    g_autofree char *status = NULL;

    /* Translators: shown under the ID number; %s is the date and time of the last visit */
    status = g_strdup_printf (_("Returning visitor — last visit %s; details filled in"),
                              when != NULL ? when : "");
    set_id_status (self, status, "success");
  }
}

/* ---- checking in ------------------------------------------------------------- */

static guint
chosen_symptoms (CgVisitForm *self)
{
  guint bits = 0;

  for (guint i = 0; i < N_FORM_SYMPTOMS; i++)
    if (gtk_toggle_button_get_active (self->symptom_buttons[i]))
      bits |= form_symptoms[i];
  return bits;
}

static void
focus_code_group (CgVisitForm *self)
{
  for (guint i = 0; i < CG_N_HEALTH_CODES; i++)
    if (gtk_widget_get_focusable (GTK_WIDGET (self->code_buttons[i])))
      {
        gtk_widget_grab_focus (GTK_WIDGET (self->code_buttons[i]));
        return;
      }
}

static void
check_in (CgVisitForm *self)
{
  g_autofree char *name = entry_text (self->name_entry);
  g_autofree char *id_text = entry_text (self->id_entry);
  g_autofree char *phone_text = entry_text (self->phone_entry);
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgVisit) visit = NULL;
  double temperature;
  TempState state;
  int code;

  if (self->store == NULL || self->policy == NULL)
    return;

  /* The temperature first: it is the field the Enter came from. */
  state = parse_temperature (self, TRUE, &temperature, &message);
  if (state == TEMP_EMPTY)
    {
      show_message (self, _("Take the visitor's temperature and type it in."));
      focus_entry (self->temperature_entry, FALSE);
      return;
    }
  if (state != TEMP_VALID)
    {
      update_temperature (self, TRUE);
      focus_entry (self->temperature_entry, TRUE);
      return;
    }
  if (*name == '\0')
    {
      show_message (self, _("Type the visitor's name."));
      focus_entry (self->name_entry, FALSE);
      return;
    }
  if (!cg_validate_id_number (id_text, &id_number, NULL, &error))
    {
      set_id_status (self, error->message, "error");
      show_message (self, error->message);
      focus_entry (self->id_entry, TRUE);
      return;
    }
  if (*phone_text != '\0' && !cg_validate_phone (phone_text, &phone, &error))
    {
      show_message (self, error->message);
      focus_entry (self->phone_entry, TRUE);
      return;
    }
  if (!resolve_visiting (self))
    {
      show_message (self, _("Choose the person visited from the list (Down, then Enter), or leave the field empty."));
      focus_entry (self->visiting_entry, FALSE);
      update_matches (self);
      return;
    }
  code = chosen_code (self);
  if (code < 0)
    {
      show_message (self, _("Choose the colour of the visitor's health code."));
      focus_code_group (self);
      return;
    }

  visit = cg_visit_new ();
  visit->visitor_name = g_steal_pointer (&name);
  visit->visitor_id_number = g_steal_pointer (&id_number);
  visit->phone = phone != NULL ? g_steal_pointer (&phone) : g_strdup ("");
  visit->visiting_id = self->visiting_id;
  visit->relationship = entry_text (self->relationship_entry);
  visit->health_code = code;
  visit->risk_travel = gtk_switch_get_active (self->risk_switch);
  visit->temperature = temperature;
  visit->symptoms = chosen_symptoms (self);
  if (cg_temperature_band_is_fever (cg_temperature_band (self->policy, temperature)))
    visit->symptoms |= CG_SYMPTOM_FEVER;
  visit->masked = gtk_switch_get_active (self->mask_switch);
  visit->nat_result = -1;

  if (!cg_visit_check_in (self->store, self->policy, visit, cg_audit_current_user (), &error))
    {
      show_message (self, error->message);
      if (error->domain == CG_VALIDATE_ERROR && error->code == CG_VALIDATE_ERROR_PHONE)
        focus_entry (self->phone_entry, TRUE);
      else if (error->domain == CG_VALIDATE_ERROR && error->code != CG_VALIDATE_ERROR_RANGE)
        focus_entry (self->id_entry, TRUE);
      else
        focus_entry (self->temperature_entry, TRUE);
      return;
    }

  g_signal_emit (self, signals[CHECKED_IN], 0, visit);
  cg_visit_form_clear (self);
  cg_visit_form_focus (self);
}

static void
on_check_in_clicked_cb (CgVisitForm *self)
{
  check_in (self);
}

static void
on_clear_clicked_cb (CgVisitForm *self)
{
  cg_visit_form_clear (self);
  cg_visit_form_focus (self);
}

static gboolean
check_in_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  check_in (CG_VISIT_FORM (widget));
  return TRUE;
}

/* Enter goes on to the next field, as a paper form is filled. */
static void
on_entry_activated_cb (GtkEntry    *entry,
                       CgVisitForm *self)
{
  if (entry == self->name_entry)
    focus_entry (self->id_entry, FALSE);
  else if (entry == self->id_entry)
    {
      if (self->returning_for != NULL)
        focus_code_group (self);
      else
        focus_entry (self->phone_entry, FALSE);
    }
  else if (entry == self->phone_entry)
    focus_entry (self->visiting_entry, FALSE);
  else if (entry == self->visiting_entry)
    {
      accept_match (self);
      focus_entry (self->relationship_entry, FALSE);
    }
  else if (entry == self->relationship_entry)
    focus_code_group (self);
  else if (entry == self->temperature_entry)
    check_in (self);
}

/* ---- public ------------------------------------------------------------------- */

void
cg_visit_form_clear (CgVisitForm *self)
{
  g_return_if_fail (CG_IS_VISIT_FORM (self));

  set_entry_text (self, self->name_entry, "");
  set_entry_text (self, self->id_entry, "");
  set_entry_text (self, self->phone_entry, "");
  set_entry_text (self, self->visiting_entry, "");
  set_entry_text (self, self->relationship_entry, "");
  set_entry_text (self, self->temperature_entry, "");
  self->visiting_id = 0;
  hide_matches (self);
  g_clear_pointer (&self->returning_for, g_free);
  set_id_status (self, NULL, NULL);
  for (guint i = 0; i < CG_N_HEALTH_CODES; i++)
    gtk_toggle_button_set_active (self->code_buttons[i], FALSE);
  group_set_current (self->code_buttons, CG_N_HEALTH_CODES, 0);
  for (guint i = 0; i < N_FORM_SYMPTOMS; i++)
    gtk_toggle_button_set_active (self->symptom_buttons[i], FALSE);
  group_set_current (self->symptom_buttons, N_FORM_SYMPTOMS, 0);
  self->fever_auto = FALSE;
  gtk_switch_set_active (self->risk_switch, FALSE);
  gtk_switch_set_active (self->mask_switch, TRUE);
  gtk_label_set_text (self->band_label, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->temperature_entry), "error");
  show_message (self, NULL);
  update_check_in_sensitive (self);
}

void
cg_visit_form_focus (CgVisitForm *self)
{
  g_return_if_fail (CG_IS_VISIT_FORM (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

void
cg_visit_form_reload_people (CgVisitForm *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *kept;
  GDate today;

  g_return_if_fail (CG_IS_VISIT_FORM (self));
  if (self->store == NULL)
    return;

  cg_date_today (&today);
  people = cg_people_present_on (self->store, &today, -1, &error);
  if (people == NULL)
    {
      g_warning ("The people present cannot be read: %s", error->message);
      return;
    }
  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < people->len; i++)
    if (cg_person_get_kind (people->pdata[i]) != CG_PERSON_STAFF)
      g_ptr_array_add (kept, g_object_ref (people->pdata[i]));
  hide_matches (self);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = kept;
  if (self->visiting_id != 0 && find_person (self, self->visiting_id) == NULL)
    self->visiting_id = 0;
}

void
cg_visit_form_set_policy (CgVisitForm    *self,
                          const CgPolicy *policy)
{
  g_return_if_fail (CG_IS_VISIT_FORM (self));
  g_return_if_fail (policy != NULL);

  g_clear_pointer (&self->policy, cg_policy_free);
  self->policy = cg_policy_copy (policy);
  update_temperature (self, FALSE);
}

void
cg_visit_form_set_store (CgVisitForm    *self,
                         CgStore        *store,
                         const CgModule *module)
{
  g_return_if_fail (CG_IS_VISIT_FORM (self));
  g_return_if_fail (CG_IS_STORE (store));

  g_set_object (&self->store, store);
  self->module = module;
  update_check_in_sensitive (self);
}

/* ---- object --------------------------------------------------------------------- */

static void
cg_visit_form_dispose (GObject *object)
{
  CgVisitForm *self = CG_VISIT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_VISIT_FORM);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_pointer (&self->returning_for, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_visit_form_parent_class)->dispose (object);
}

static void
cg_visit_form_class_init (CgVisitFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_visit_form_dispose;

  signals[CHECKED_IN] =
    g_signal_new ("checked-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-visit-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, id_entry);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, id_status_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, visiting_entry);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, match_list);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, relationship_entry);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, code_box);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, risk_switch);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, symptom_box);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, temperature_entry);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, band_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitForm, check_in_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, check_in_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, check_in_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, check_in_shortcut_cb, NULL);
}

static void
cg_visit_form_init (CgVisitForm *self)
{
  GtkEntry *entries[6];
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->matches = g_ptr_array_new ();

  for (guint i = 0; i < CG_N_HEALTH_CODES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (cg_health_code_label (i));
      g_autofree char *tooltip = NULL;

      gtk_widget_add_css_class (button, code_classes[i]);
      gtk_widget_add_css_class (button, "cg-code");
      /* Translators: tooltip of a health-code button; %s is the colour, %u its key */
      tooltip = g_strdup_printf (_("%s (key %u)"), cg_health_code_label (i), i + 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->code_buttons[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_code_toggled_cb), self);
      gtk_box_append (self->code_box, button);
      self->code_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  group_set_current (self->code_buttons, CG_N_HEALTH_CODES, 0);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_code_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->code_box), controller);

  for (guint i = 0; i < N_FORM_SYMPTOMS; i++)
    {
      guint bit = g_bit_nth_lsf (form_symptoms[i], -1);
      GtkWidget *button = gtk_toggle_button_new_with_label (cg_symptom_label (bit));

      gtk_widget_add_css_class (button, "cg-symptom");
      g_signal_connect (button, "toggled", G_CALLBACK (on_symptom_toggled_cb), self);
      gtk_box_append (self->symptom_box, button);
      self->symptom_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  group_set_current (self->symptom_buttons, N_FORM_SYMPTOMS, 0);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_symptom_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->symptom_box), controller);

  entries[0] = self->name_entry;
  entries[1] = self->id_entry;
  entries[2] = self->phone_entry;
  entries[3] = self->visiting_entry;
  entries[4] = self->relationship_entry;
  entries[5] = self->temperature_entry;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect (entries[i], "activate", G_CALLBACK (on_entry_activated_cb), self);
  g_signal_connect_swapped (self->id_entry, "changed", G_CALLBACK (on_id_changed_cb), self);
  g_signal_connect_swapped (self->visiting_entry, "changed", G_CALLBACK (on_visiting_changed_cb), self);
  g_signal_connect_swapped (self->temperature_entry, "changed", G_CALLBACK (on_temperature_changed_cb), self);
  g_signal_connect (self->match_list, "row-activated", G_CALLBACK (on_match_activated_cb), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_visiting_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->visiting_entry), controller);

  update_check_in_sensitive (self);
}
