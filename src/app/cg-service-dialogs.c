/* cg-service-dialogs.c — the dialogs of the Funeral Services page:
 * a new service (FH-5, FH-7), a mourner's check-in (FH-6), closing a
 * service after the hall's final disinfection, the COVID-19 checklist
 * (FH-7) and a staff protection record (FH-2).  Every refusal of the core is shown in the dialog, which stays
 * open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-service-dialogs.h"
#include "cg-validate.h"
#include "cg-visit.h"



typedef struct
{
  CgStore            *store;
  const CgModule     *module;
  CgService          *service;
  CgServiceDialogDone done;
  gpointer            user_data;
  GtkWidget          *window;
  GtkWidget          *cancel_button;
  GtkWidget          *error_label;
  GtkWidget          *list;
  /* new service */
  GtkWidget          *name_row;
  GtkWidget          *id_row;
  GtkWidget          *contact_row;
  GtkWidget          *phone_row;
  GtkWidget          *hall_row;
  GtkWidget          *start_row;
  GtkWidget          *covid_buttons[CG_N_COVID];
  GtkWidget          *ceremony_switch;
  /* mourner */
  GtkWidget          *temperature_row;
  GtkWidget          *symptom_checks[CG_N_SYMPTOMS];
  GtkWidget          *code_buttons[CG_N_HEALTH_CODES];
  GtkWidget          *verdict_label;
  GtkWidget          *last_label;   /* the mourner registered last */
  CgPolicy           *policy;       /* loaded once for the verdicts */
  /* close, checklist */
  GtkWidget          *time_row;
  GtkWidget          *who_row;
  /* protection */
  GtkWidget          *kind_buttons[CG_N_PROTECTION_KINDS];
  GtkWidget          *service_row;
  GPtrArray          *services;     /* CgService*: the choices of service_row after "none" */
  GtkWidget          *suit_switch;
  GtkWidget          *goggles_switch;
  GtkWidget          *note_row;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  g_clear_object (&dialog->store);
  g_clear_pointer (&dialog->service, cg_service_free);
  g_clear_pointer (&dialog->policy, cg_policy_free);
  g_clear_pointer (&dialog->services, g_ptr_array_unref);
  g_free (dialog);
}

static void
show_error (Dialog     *dialog,
            const char *message)
{
  gtk_label_set_text (GTK_LABEL (dialog->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (dialog->error_label, message != NULL && *message != '\0');
}

static char *
row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
finish (Dialog     *dialog,
        const char *message)
{
  if (dialog->done != NULL)
    dialog->done (message, dialog->user_data);
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

/* AT-SPI finds the text by the row's title. */
static GtkWidget *
entry_row_new (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *delegate;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWidget *
boxed_list_new (GtkWidget *content)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (content), list);
  return list;
}

static GtkWidget *
heading_new (GtkWidget  *content,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (content), label);
  return label;
}

/* A row of linked toggles, one per choice; a screen reader names each. */
static void
toggles_row_new (GtkWidget   *list,
                 const char  *title,
                 GtkWidget  **buttons,
                 const char **labels,
                 guint        n,
                 guint        active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < n; i++)
    {
      buttons[i] = gtk_toggle_button_new_with_label (labels[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i], -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (buttons[i]), GTK_TOGGLE_BUTTON (buttons[0]));
      gtk_box_append (GTK_BOX (box), buttons[i]);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[active]), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static guint
active_toggle (GtkWidget **buttons,
               guint       n)
{
  for (guint i = 0; i < n; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[i])))
      return i;
  return 0;
}

/* The window: a header bar with Cancel and @action_label, a scrolled
 * content box with the error label on top.  Returns the content box. */
static GtkWidget *
dialog_window_new (Dialog     *dialog,
                   GtkWindow  *parent,
                   const char *title,
                   const char *action_label,
                   GCallback   action_cb)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *save = NULL;
  GtkEventController *keys;
  GtkShortcut *escape;

  dialog->window = window;
  dialog->cancel_button = cancel;
  g_object_set_data_full (G_OBJECT (window), "cg-dialog", dialog, (GDestroyNotify) dialog_free);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  action_label != NULL ? _("Cancel") : _("Close"), -1);
  if (action_label == NULL)
    gtk_button_set_label (GTK_BUTTON (cancel), _("Close"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  if (action_label != NULL)
    {
      save = gtk_button_new_with_label (action_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, action_label, -1);
      gtk_widget_add_css_class (save, "suggested-action");
      g_signal_connect_swapped (save, "clicked", action_cb, dialog);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
      gtk_window_set_default_widget (GTK_WINDOW (window), save);
    }
  gtk_box_append (GTK_BOX (box), header);

  keys = gtk_shortcut_controller_new ();
  escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                             gtk_named_action_new ("window.close"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), escape);
  gtk_widget_add_controller (window, keys);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  dialog->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (dialog->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (dialog->error_label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (dialog->error_label), TRUE);
  gtk_widget_add_css_class (dialog->error_label, "error");
  gtk_widget_set_visible (dialog->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), dialog->error_label);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  return content;
}

static Dialog *
dialog_new (CgStore            *store,
            const CgModule     *module,
            const CgService    *service,
            CgServiceDialogDone done,
            gpointer            user_data)
{
  Dialog *dialog = g_new0 (Dialog, 1);

  dialog->store = g_object_ref (store);
  dialog->module = module != NULL ? module : &cg_module_funeral_home;
  dialog->service = service != NULL ? cg_service_copy (service) : NULL;
  dialog->done = done;
  dialog->user_data = user_data;
  return dialog;
}

/* A local time typed as YYYY-MM-DD HH:MM, as UTC; NULL and an error shown when bad. */
static char *
read_time (Dialog     *dialog,
           GtkWidget  *row,
           const char *field)
{
  g_autofree char *text = row_text (row);
  char *utc = cg_datetime_local_to_utc (text);

  if (utc == NULL)
    {
      /* Translators: %s names the field, e.g. "Start" */
      g_autofree char *message = g_strdup_printf (_("%s: enter a time as YYYY-MM-DD HH:MM."), field);

      show_error (dialog, message);
      gtk_widget_grab_focus (row);
    }
  return utc;
}

static char *
now_local (void)
{
  g_autofree char *now = cg_datetime_now_utc ();

  return cg_datetime_utc_to_local (now);
}

/* ---- a new service ------------------------------------------------------ */

static void
on_open_service_cb (Dialog *dialog)
{
  g_autoptr(CgService) service = cg_service_new ();
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = row_text (dialog->id_row);
  g_autofree char *message = NULL;

  service->deceased_name = row_text (dialog->name_row);
  service->family_contact = row_text (dialog->contact_row);
  service->phone = row_text (dialog->phone_row);
  service->hall = row_text (dialog->hall_row);
  service->covid = active_toggle (dialog->covid_buttons, CG_N_COVID);
  service->ceremony = gtk_switch_get_active (GTK_SWITCH (dialog->ceremony_switch));
  if (*service->deceased_name == '\0')
    {
      show_error (dialog, _("Enter the deceased's name."));
      gtk_widget_grab_focus (dialog->name_row);
      return;
    }
  if (!cg_validate_id_number (id_number, &service->deceased_id_number, NULL, &error))
    {
      /* Translators: %s says what is wrong with the number */
      message = g_strdup_printf (_("ID number: %s"), error->message);
      show_error (dialog, message);
      gtk_widget_grab_focus (dialog->id_row);
      return;
    }
  service->started_at = read_time (dialog, dialog->start_row, _("Start"));
  if (service->started_at == NULL)
    return;
  policy = cg_module_load_policy (dialog->module, dialog->store, &error);
  if (policy == NULL
      || !cg_service_add (dialog->store, policy, service, cg_audit_current_user (), &error))
    {
      show_error (dialog, error->message);
      return;
    }
  /* Translators: %s is the deceased's name */
  message = g_strdup_printf (_("Service of %s opened"), service->deceased_name);
  finish (dialog, message);
}

static void
on_hall_chosen_cb (GtkButton *button,
                   Dialog    *dialog)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog->hall_row), gtk_button_get_label (button));
  gtk_widget_grab_focus (dialog->start_row);
}

/* The halls the institution knows, one button each to fill the hall in;
 * a hall with a service in progress cannot be chosen (the core would
 * refuse it anyway). */
static void
halls_row_new (Dialog    *dialog,
               GtkWidget *list)
{
  g_autoptr(GHashTable) busy = NULL;
  g_autoptr(GPtrArray) halls = cg_service_known_halls (dialog->store, &busy, NULL);
  GtkWidget *row;
  GtkWidget *box;

  if (halls == NULL || halls->len == 0)
    return;
  row = adw_action_row_new ();
  box = gtk_flow_box_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Known halls"));
  if (g_hash_table_size (busy) > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Greyed out: a service is in progress there"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), MIN (halls->len, 3));
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 3);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < halls->len; i++)
    {
      const char *hall = g_ptr_array_index (halls, i);
      GtkWidget *button = gtk_button_new_with_label (hall);
      gboolean in_use = g_hash_table_contains (busy, hall);
      /* Translators: %s is a hall's name */
      g_autofree char *tip = g_strdup_printf (in_use ? _("%s is in use: a service is in progress there")
                                                     : _("Hold the service in %s"), hall);

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "cg-hall-choice");
      gtk_widget_set_sensitive (button, !in_use);
      gtk_widget_set_tooltip_text (button, tip);
      g_signal_connect (button, "clicked", G_CALLBACK (on_hall_chosen_cb), dialog);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void
on_covid_toggled_cb (Dialog *dialog)
{
  gboolean covid = active_toggle (dialog->covid_buttons, CG_N_COVID) != CG_COVID_NONE;

  /* FH-7: no hall and no ceremony; the core says so if asked anyway. */
  if (covid)
    gtk_switch_set_active (GTK_SWITCH (dialog->ceremony_switch), FALSE);
}

GtkWidget *
cg_service_new_dialog (GtkWindow          *parent,
                       CgStore            *store,
                       const CgModule     *module,
                       CgServiceDialogDone done,
                       gpointer            user_data)
{
  Dialog *dialog = dialog_new (store, module, NULL, done, user_data);
  GtkWidget *content = dialog_window_new (dialog, parent, _("New Service"), _("Open Service"),
                                          G_CALLBACK (on_open_service_cb));
  GtkWidget *list = boxed_list_new (content);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *now = now_local ();
  const char *covid_labels[CG_N_COVID];
  GtkWidget *hint;

  heading_new (content, _("The deceased"));
  gtk_box_reorder_child_after (GTK_BOX (content), gtk_widget_get_last_child (content), dialog->error_label);
  dialog->name_row = entry_row_new (list, _("Deceased's name"), NULL);
  dialog->id_row = entry_row_new (list, _("ID number"), NULL);
  for (guint i = 0; i < CG_N_COVID; i++)
    covid_labels[i] = cg_covid_status_label (i);
  toggles_row_new (list, _("COVID-19"), dialog->covid_buttons, covid_labels, CG_N_COVID, CG_COVID_NONE);
  for (guint i = 0; i < CG_N_COVID; i++)
    g_signal_connect_swapped (dialog->covid_buttons[i], "toggled", G_CALLBACK (on_covid_toggled_cb), dialog);

  heading_new (content, _("Family and service"));
  list = boxed_list_new (content);
  dialog->contact_row = entry_row_new (list, _("Family contact"), NULL);
  dialog->phone_row = entry_row_new (list, _("Phone"), NULL);
  dialog->hall_row = entry_row_new (list, _("Hall"), NULL);
  halls_row_new (dialog, list);
  dialog->start_row = entry_row_new (list, _("Start (YYYY-MM-DD HH:MM)"), now);

  dialog->ceremony_switch = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Farewell ceremony"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not for a suspected or confirmed COVID-19 case (FH-7)"));
  gtk_widget_set_valign (dialog->ceremony_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->ceremony_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Farewell ceremony"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dialog->ceremony_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dialog->ceremony_switch);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  hint = gtk_label_new (_("The planned end follows the mourning limit of the area's risk level (FH-5). "
                          "A suspected case counts as confirmed: no hall, no mourners, no ceremony (FH-7)."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (content), hint);

  gtk_widget_grab_focus (dialog->name_row);
  gtk_window_present (GTK_WINDOW (dialog->window));
  return dialog->window;
}

/* ---- a mourner ---------------------------------------------------------- */

/* The form as a mourner; FALSE (with the reason in @error_out) when the
 * temperature is not a number. */
static gboolean
read_mourner (Dialog     *dialog,
              CgMourner  *mourner,
              char      **error_out)
{
  g_autofree char *temperature = row_text (dialog->temperature_row);
  char *end = NULL;

  mourner->service_id = dialog->service->id;
  g_free (mourner->name);
  mourner->name = row_text (dialog->name_row);
  g_free (mourner->phone);
  mourner->phone = row_text (dialog->phone_row);
  mourner->symptoms = 0;
  for (guint i = 0; i < CG_N_SYMPTOMS; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (dialog->symptom_checks[i])))
      mourner->symptoms |= 1u << i;
  mourner->health_code = active_toggle (dialog->code_buttons, CG_N_HEALTH_CODES);
  g_strdelimit (temperature, ",", '.');
  mourner->temperature = g_ascii_strtod (temperature, &end);
  if (*temperature == '\0' || end == NULL || *end != '\0')
    {
      *error_out = g_strdup (_("Temperature: enter the measured temperature, e.g. 36.5."));
      return FALSE;
    }
  return TRUE;
}

static void
update_verdict (Dialog *dialog)
{
  g_autoptr(CgMourner) mourner = cg_mourner_new ();
  g_autofree char *problem = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *text = NULL;
  guint refusal;
  int inside;

  gtk_widget_remove_css_class (dialog->verdict_label, "success");
  gtk_widget_remove_css_class (dialog->verdict_label, "error");
  if (!read_mourner (dialog, mourner, &problem))
    {
      gtk_label_set_text (GTK_LABEL (dialog->verdict_label), _("Enter the temperature for a verdict."));
      return;
    }
  if (dialog->policy == NULL)
    dialog->policy = cg_module_load_policy (dialog->module, dialog->store, NULL);
  if (dialog->policy == NULL)
    return;
  inside = cg_mourner_count_inside (dialog->store, dialog->service->id, NULL, NULL);
  refusal = cg_mourner_decide (dialog->policy, mourner, MAX (inside, 0));
  if (refusal == 0)
    {
      gtk_label_set_text (GTK_LABEL (dialog->verdict_label), C_("mourner", "Admitted"));
      gtk_widget_add_css_class (dialog->verdict_label, "success");
      return;
    }
  reasons = cg_refusal_describe (refusal);
  /* Translators: %s lists the reasons */
  text = g_strdup_printf (_("Refused: %s"), reasons);
  gtk_label_set_text (GTK_LABEL (dialog->verdict_label), text);
  gtk_widget_add_css_class (dialog->verdict_label, "error");
}

static void
on_register_mourner_cb (Dialog *dialog)
{
  g_autoptr(CgMourner) mourner = cg_mourner_new ();
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *message = NULL;

  if (!read_mourner (dialog, mourner, &problem))
    {
      show_error (dialog, problem);
      gtk_widget_grab_focus (dialog->temperature_row);
      return;
    }
  if (*mourner->name == '\0')
    {
      show_error (dialog, _("Enter the mourner's name."));
      gtk_widget_grab_focus (dialog->name_row);
      return;
    }
  policy = cg_module_load_policy (dialog->module, dialog->store, &error);
  if (policy == NULL
      || !cg_mourner_check_in (dialog->store, policy, mourner, cg_audit_current_user (), &error))
    {
      show_error (dialog, error->message);
      return;
    }
  if (mourner->refusal == 0)
    /* Translators: %s is a mourner's name */
    message = g_strdup_printf (_("%s admitted"), mourner->name);
  else
    {
      g_autofree char *reasons = cg_refusal_describe (mourner->refusal);

      /* Translators: the first %s is a mourner's name, the second the reasons */
      message = g_strdup_printf (_("%s refused and recorded: %s"), mourner->name, reasons);
    }
  /* Like the gate: the form stays for the next mourner in the queue. */
  show_error (dialog, NULL);
  gtk_label_set_text (GTK_LABEL (dialog->last_label), message);
  gtk_widget_remove_css_class (dialog->last_label, mourner->refusal == 0 ? "error" : "success");
  gtk_widget_add_css_class (dialog->last_label, mourner->refusal == 0 ? "success" : "error");
  gtk_widget_set_visible (dialog->last_label, TRUE);
  gtk_button_set_label (GTK_BUTTON (dialog->cancel_button), _("Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Close"), -1);
  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (dialog->phone_row), "");
  gtk_editable_set_text (GTK_EDITABLE (dialog->temperature_row), "");
  for (guint i = 0; i < CG_N_SYMPTOMS; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (dialog->symptom_checks[i]), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dialog->code_buttons[CG_HEALTH_CODE_GREEN]), TRUE);
  gtk_widget_grab_focus (dialog->name_row);
  if (dialog->done != NULL)
    dialog->done (message, dialog->user_data);
}

GtkWidget *
cg_service_mourner_dialog (GtkWindow          *parent,
                           CgStore            *store,
                           const CgModule     *module,
                           const CgService    *service,
                           CgServiceDialogDone done,
                           gpointer            user_data)
{
  Dialog *dialog = dialog_new (store, module, service, done, user_data);
  g_autofree char *title = NULL;
  GtkWidget *content;
  GtkWidget *list;
  GtkWidget *symptoms = gtk_flow_box_new ();
  const char *code_labels[CG_N_HEALTH_CODES];

  /* Translators: %s is the deceased's name */
  title = g_strdup_printf (_("Mourner for %s"), service->deceased_name);
  content = dialog_window_new (dialog, parent, title, C_("verb", "Register"), G_CALLBACK (on_register_mourner_cb));
  list = boxed_list_new (content);
  dialog->name_row = entry_row_new (list, _("Mourner's name"), NULL);
  dialog->phone_row = entry_row_new (list, _("Phone"), NULL);
  dialog->temperature_row = entry_row_new (list, _("Temperature (℃)"), NULL);
  g_signal_connect_swapped (dialog->temperature_row, "changed", G_CALLBACK (update_verdict), dialog);
  for (guint i = 0; i < CG_N_HEALTH_CODES; i++)
    code_labels[i] = cg_health_code_label (i);
  toggles_row_new (list, _("Health code"), dialog->code_buttons, code_labels, CG_N_HEALTH_CODES,
                   CG_HEALTH_CODE_GREEN);
  for (guint i = 0; i < CG_N_HEALTH_CODES; i++)
    g_signal_connect_swapped (dialog->code_buttons[i], "toggled", G_CALLBACK (update_verdict), dialog);

  heading_new (content, _("Symptoms"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (symptoms), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (symptoms), 3);
  for (guint i = 0; i < CG_N_SYMPTOMS; i++)
    {
      dialog->symptom_checks[i] = gtk_check_button_new_with_label (cg_symptom_label (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->symptom_checks[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cg_symptom_label (i), -1);
      g_signal_connect_swapped (dialog->symptom_checks[i], "toggled", G_CALLBACK (update_verdict), dialog);
      gtk_flow_box_append (GTK_FLOW_BOX (symptoms), dialog->symptom_checks[i]);
    }
  gtk_box_append (GTK_BOX (content), symptoms);

  dialog->verdict_label = heading_new (content, NULL);
  gtk_widget_add_css_class (dialog->verdict_label, "title-4");
  update_verdict (dialog);
  dialog->last_label = heading_new (content, NULL);
  gtk_widget_set_visible (dialog->last_label, FALSE);

  gtk_widget_grab_focus (dialog->name_row);
  gtk_window_present (GTK_WINDOW (dialog->window));
  return dialog->window;
}

/* ---- closing ------------------------------------------------------------ */

static void
on_close_service_cb (Dialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ended_at = read_time (dialog, dialog->time_row, _("Ended at"));
  g_autofree char *message = NULL;

  if (ended_at == NULL)
    return;
  if (!cg_service_close (dialog->store, dialog->service->id, ended_at, cg_audit_current_user (), &error))
    {
      if (dialog->service->hall != NULL && *dialog->service->hall != '\0')
        {
          /* Translators: %s is the core's reason; the page named is the sidebar's */
          message = g_strdup_printf (_("%s\nRecord the hall's final disinfection (at or after the end) on the "
                                       "Disinfection & Training page, then close the service."),
                                     error->message);
          show_error (dialog, message);
        }
      else
        show_error (dialog, error->message);
      return;
    }
  /* Translators: %s is the deceased's name */
  message = g_strdup_printf (_("Service of %s closed"), dialog->service->deceased_name);
  finish (dialog, message);
}

GtkWidget *
cg_service_close_dialog (GtkWindow          *parent,
                         CgStore            *store,
                         const CgService    *service,
                         CgServiceDialogDone done,
                         gpointer            user_data)
{
  Dialog *dialog = dialog_new (store, NULL, service, done, user_data);
  g_autofree char *title = NULL;
  g_autofree char *now = now_local ();
  g_autofree char *text = NULL;
  GtkWidget *content;
  GtkWidget *list;
  GtkWidget *hint;

  /* Translators: %s is the deceased's name */
  title = g_strdup_printf (_("Close the Service of %s"), service->deceased_name);
  content = dialog_window_new (dialog, parent, title, _("Close Service"), G_CALLBACK (on_close_service_cb));
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 480, 320);
  list = boxed_list_new (content);
  dialog->time_row = entry_row_new (list, _("Ended at (YYYY-MM-DD HH:MM)"), now);
  if (service->hall != NULL && *service->hall != '\0')
    /* Translators: %s is a hall's name */
    text = g_strdup_printf (_("The service closes once %s has had its final disinfection, at or after the end (FH-6)."),
                            service->hall);
  else
    text = g_strdup (_("A COVID-19 case closes once its checklist is complete (FH-7)."));
  hint = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (content), hint);
  gtk_widget_grab_focus (dialog->time_row);
  gtk_window_present (GTK_WINDOW (dialog->window));
  return dialog->window;
}

/* ---- the COVID-19 checklist ---------------------------------------------- */

static void checklist_fill (Dialog *dialog);

static void
on_record_step_cb (GtkButton *button,
                   Dialog    *dialog)
{
  CgCovidStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cg-step"));
  g_autoptr(GError) error = NULL;
  g_autofree char *who = row_text (dialog->who_row);
  g_autofree char *done_at = read_time (dialog, dialog->time_row, _("Done at"));

  if (done_at == NULL)
    return;
  if (*who == '\0')
    {
      show_error (dialog, _("Enter who did the step."));
      gtk_widget_grab_focus (dialog->who_row);
      return;
    }
  if (!cg_service_record_step (dialog->store, dialog->service->id, step, done_at, who, "",
                               cg_audit_current_user (), &error))
    {
      show_error (dialog, error->message);
      return;
    }
  show_error (dialog, NULL);
  checklist_fill (dialog);
  if (dialog->done != NULL)
    dialog->done (NULL, dialog->user_data);
}

static void
checklist_fill (Dialog *dialog)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (dialog->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (dialog->list), child);
  steps = cg_service_checklist (dialog->store, dialog->service->id, &error);
  if (steps == NULL)
    {
      show_error (dialog, error->message);
      return;
    }
  for (guint i = 0; i < steps->len; i++)
    {
      CgCovidStepRecord *record = g_ptr_array_index (steps, i);
      GtkWidget *row = adw_action_row_new ();
      const char *label = cg_covid_step_label (record->step);
      g_autofree char *number = g_strdup_printf ("%u. %s", i + 1, label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number);
      if (record->done)
        {
          g_autofree char *when = cg_datetime_utc_to_local (record->done_at);
          /* Translators: the first %s is a local time, the second a person */
          g_autofree char *subtitle = g_strdup_printf (_("Done %s by %s"), when, record->who);
          GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_add_css_class (icon, "success");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      else
        {
          GtkWidget *button = gtk_button_new_with_label (_("Record"));
          /* Translators: %s is a checklist step */
          g_autofree char *name = g_strdup_printf (_("Record step: %s"), label);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not done"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_widget_set_tooltip_text (button, name);
          g_object_set_data (G_OBJECT (button), "cg-step", GUINT_TO_POINTER (record->step));
          g_signal_connect (button, "clicked", G_CALLBACK (on_record_step_cb), dialog);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (GTK_LIST_BOX (dialog->list), row);
    }
}

GtkWidget *
cg_service_checklist_dialog (GtkWindow          *parent,
                             CgStore            *store,
                             const CgService    *service,
                             CgServiceDialogDone done,
                             gpointer            user_data)
{
  Dialog *dialog = dialog_new (store, NULL, service, done, user_data);
  g_autofree char *title = NULL;
  g_autofree char *now = now_local ();
  GtkWidget *content;
  GtkWidget *list;

  /* Translators: %s is the deceased's name */
  title = g_strdup_printf (_("COVID-19 Checklist of %s"), service->deceased_name);
  content = dialog_window_new (dialog, parent, title, NULL, NULL);
  list = boxed_list_new (content);
  dialog->who_row = entry_row_new (list, _("Done by"), cg_audit_current_user ());
  dialog->time_row = entry_row_new (list, _("Done at (YYYY-MM-DD HH:MM)"), now);
  heading_new (content, _("Steps of FH-7, in order"));
  dialog->list = boxed_list_new (content);
  checklist_fill (dialog);
  gtk_window_present (GTK_WINDOW (dialog->window));
  return dialog->window;
}

/* ---- staff protection (FH-2) ---------------------------------------------- */

static GtkWidget *
switch_row_new (GtkWidget  *list,
                const char *title,
                gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return sw;
}

static void
on_record_protection_cb (Dialog *dialog)
{
  g_autoptr(CgProtection) protection = cg_protection_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  protection->staff = row_text (dialog->who_row);
  if (*protection->staff == '\0')
    {
      show_error (dialog, _("Enter the staff member who did the work."));
      gtk_widget_grab_focus (dialog->who_row);
      return;
    }
  protection->done_at = read_time (dialog, dialog->time_row, _("Time"));
  if (protection->done_at == NULL)
    return;
  protection->kind = active_toggle (dialog->kind_buttons, CG_N_PROTECTION_KINDS);
  protection->suit = gtk_switch_get_active (GTK_SWITCH (dialog->suit_switch));
  protection->goggles = gtk_switch_get_active (GTK_SWITCH (dialog->goggles_switch));
  protection->note = row_text (dialog->note_row);
  if (dialog->service != NULL)
    protection->service_id = dialog->service->id;
  else if (dialog->services != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (dialog->service_row));

      /* The first choice is "no service". */
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= dialog->services->len)
        protection->service_id = ((CgService *) g_ptr_array_index (dialog->services, selected - 1))->id;
    }
  if (!cg_protection_add (dialog->store, protection, cg_audit_current_user (), &error))
    {
      show_error (dialog, error->message);
      return;
    }
  if (protection->suit && protection->goggles)
    /* Translators: the first %s is transport or cremation, the second a staff member */
    message = g_strdup_printf (_("%s by %s recorded: suit and goggles worn"),
                               cg_protection_kind_label (protection->kind), protection->staff);
  else
    /* Translators: the first %s is transport or cremation, the second a staff member */
    message = g_strdup_printf (_("%s by %s recorded without full protection (FH-2)"),
                               cg_protection_kind_label (protection->kind), protection->staff);
  finish (dialog, message);
}

GtkWidget *
cg_service_protection_dialog (GtkWindow          *parent,
                              CgStore            *store,
                              const CgService    *service,
                              CgServiceDialogDone done,
                              gpointer            user_data)
{
  Dialog *dialog = dialog_new (store, NULL, service, done, user_data);
  g_autofree char *now = now_local ();
  g_autofree char *hint_text = NULL;
  const char *kind_labels[CG_N_PROTECTION_KINDS];
  GtkWidget *content;
  GtkWidget *list;
  GtkWidget *hint;
  CgRiskLevel risk;

  content = dialog_window_new (dialog, parent, _("Staff Protection"), _("Record"),
                               G_CALLBACK (on_record_protection_cb));
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 520, 560);
  list = boxed_list_new (content);
  for (guint i = 0; i < CG_N_PROTECTION_KINDS; i++)
    kind_labels[i] = cg_protection_kind_label (i);
  toggles_row_new (list, _("Work"), dialog->kind_buttons, kind_labels, CG_N_PROTECTION_KINDS,
                   CG_PROTECTION_TRANSPORT);
  if (service == NULL)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      dialog->services = cg_service_list_open (store, NULL);
      /* Translators: a protection record that belongs to no service */
      gtk_string_list_append (names, _("No particular service"));
      for (guint i = 0; dialog->services != NULL && i < dialog->services->len; i++)
        {
          CgService *open = g_ptr_array_index (dialog->services, i);
          g_autofree char *name = g_strdup_printf ("%s · %s", open->deceased_name,
                                                   *open->hall != '\0' ? open->hall : _("No hall"));

          gtk_string_list_append (names, name);
        }
      dialog->service_row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->service_row), _("Service"));
      adw_combo_row_set_model (ADW_COMBO_ROW (dialog->service_row), G_LIST_MODEL (names));
      gtk_list_box_append (GTK_LIST_BOX (list), dialog->service_row);
    }
  dialog->who_row = entry_row_new (list, _("Staff member"), NULL);
  dialog->time_row = entry_row_new (list, _("Time (YYYY-MM-DD HH:MM)"), now);

  heading_new (content, _("Worn"));
  list = boxed_list_new (content);
  dialog->suit_switch = switch_row_new (list, _("Protective suit"), TRUE);
  dialog->goggles_switch = switch_row_new (list, _("Goggles"), TRUE);
  list = boxed_list_new (content);
  dialog->note_row = entry_row_new (list, _("Note"), NULL);

  risk = cg_service_area_risk (store, NULL);
  if (risk == CG_RISK_LOW)
    hint_text = g_strdup (_("The area is low-risk: FH-2 asks for these records in a medium- or high-risk area, "
                            "but they may be kept at any time."));
  else
    hint_text = g_strdup (_("The area is medium- or high-risk: every transport and cremation needs a protective "
                            "suit and goggles (FH-2); a record without them is an alert."));
  hint = gtk_label_new (hint_text);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (content), hint);

  gtk_widget_grab_focus (dialog->who_row);
  gtk_window_present (GTK_WINDOW (dialog->window));
  return dialog->window;
}
