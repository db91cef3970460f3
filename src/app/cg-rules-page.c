/* cg-rules-page.c — the rule values of the institution (policy settings, issue 3)
 *
 * One group per rule area that applies to the institution's type, a row
 * per value with the rule it serves and the documents' value, and
 * "Restore the Documents' Values".  Every change goes through
 * cg_policy_set (), which checks it and records it in the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-policy.h"
#include "cg-rules-page.h"

/* A value changed without the keyboard focus in its field (the arrows, an
 * assistive tool) is saved after this pause, so a run of clicks is one change. */
#define SAVE_DELAY_MS 700

/* One rule value on the Rules page. */
typedef struct
{
  CgRulesPage         *self;
  CgPolicyKey          key;
  AdwActionRow        *row;
  GtkSpinButton       *spin;
  GtkWidget           *undo_button;
  GtkEventController  *focus;
  guint                save_id;
  gboolean             dirty;
} PolicyRow;

/* The Rules page: one group per rule area, shown when one of its rules
 * applies to the institution's type. */
typedef struct
{
  const char  *title;            /* N_() */
  const char  *description;      /* N_() */
  const char  *rules[5];         /* NULL-terminated */
  /* TRUE: rows name the group's rule that applies (CH-6 or RS-6 …);
   * FALSE: each row names the rule of its value. */
  gboolean     rule_from_group;
  CgPolicyKey  keys[8];
  guint        n_keys;
} RuleGroup;

/* Where a group names the rule of the institution's type (RS-6 rather than
 * CH-6), the numbers that rule's own document sets; the others are
 * defaults for that type (rules.md). */
static const struct
{
  const char  *rule;
  CgPolicyKey  key;
} documented_by_rule[] = {
  { "CH-6", CG_POLICY_SUPPLY_FLOOR_DAYS },
  { "CH-6", CG_POLICY_SUPPLY_TARGET_DAYS },
  { "CH-6", CG_POLICY_REPLENISH_EVERY_DAYS },
  { "CW-4", CG_POLICY_SUPPLY_FLOOR_DAYS },
  { "CW-4", CG_POLICY_SUPPLY_TARGET_DAYS },
  { "CW-4", CG_POLICY_REPLENISH_EVERY_DAYS },
  { "RS-6", CG_POLICY_SUPPLY_FLOOR_DAYS },
  { "FH-1", CG_POLICY_SUPPLY_FLOOR_DAYS },
  { "RS-2", CG_POLICY_ISOLATION_DAYS },
};

static const RuleGroup rule_groups[] = {
  { N_("Nucleic-Acid Tests"),
    N_("When a staff member’s next test falls due."),
    { "CH-5", NULL }, FALSE,
    { CG_POLICY_TEST_INTERVAL_DAYS, CG_POLICY_TEST_DUE_SOON_DAYS }, 2 },
  { N_("New Arrivals"),
    N_("Isolation observation before a new resident or staff member joins."),
    { "ALL-6", "RS-2", NULL }, TRUE,
    { CG_POLICY_ISOLATION_DAYS }, 1 },
  { N_("Temperature"),
    N_("The bands a reading falls in, and the readings refused as typing errors."),
    { "ALL-3", "ALL-1", NULL }, FALSE,
    { CG_POLICY_TEMP_PLAUSIBLE_MIN, CG_POLICY_TEMP_RECHECK_BELOW, CG_POLICY_TEMP_NORMAL_MAX,
      CG_POLICY_TEMP_LOW_FEVER_MAX, CG_POLICY_TEMP_MODERATE_FEVER_MAX,
      CG_POLICY_TEMP_HIGH_FEVER_MAX, CG_POLICY_TEMP_PLAUSIBLE_MAX }, 7 },
  { N_("Visitors"),
    N_("Visits in the reception room."),
    { "ALL-4", NULL }, FALSE,
    { CG_POLICY_MAX_VISITORS, CG_POLICY_MAX_VISIT_MINUTES }, 2 },
  { N_("Protective Supplies"),
    N_("Days of supply kept in store, counted at peak demand."),
    { "CH-6", "CW-4", "RS-6", "FH-1", NULL }, TRUE,
    { CG_POLICY_SUPPLY_FLOOR_DAYS, CG_POLICY_SUPPLY_TARGET_DAYS,
      CG_POLICY_REPLENISH_EVERY_DAYS, CG_POLICY_RECENT_WINDOW_DAYS }, 4 },
  { N_("Funeral Services"),
    N_("The mourning period by the area’s risk level, and the mourners."),
    { "FH-5", "FH-6", NULL }, FALSE,
    { CG_POLICY_MOURNING_LIMIT_LOW_HOURS, CG_POLICY_MOURNING_LIMIT_MEDIUM_HOURS,
      CG_POLICY_MOURNING_LIMIT_HIGH_HOURS, CG_POLICY_MOURNING_WARN_HOURS,
      CG_POLICY_MAX_MOURNERS, CG_POLICY_MAX_MOURNER_MINUTES,
      CG_POLICY_HALL_DISINFECTIONS_PER_DAY }, 7 },
  { N_("Training and Drills"),
    NULL,
    { "ALL-8", NULL }, FALSE,
    { CG_POLICY_TRAINING_PERIOD_DAYS }, 1 },
};

struct _CgRulesPage
{
  AdwPreferencesPage  parent_instance;

  CgStore            *store;
  const CgModule     *module;
  CgPolicy           *policy;      /* as stored; NULL if it cannot be read */
  PolicyRow          *policy_rows[CG_N_POLICY];   /* NULL: not shown */
  GtkWidget          *restore_button;
  gboolean            filling_rules;
};

G_DEFINE_FINAL_TYPE (CgRulesPage, cg_rules_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (CgRulesPage *self,
           const char  *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (escaped));
  else
    g_warning ("%s", message);
}

static char *
policy_value_text (CgPolicyKey  key,
                   double       value)
{
  const CgPolicyInfo *info = cg_policy_info (key);
  g_autofree char *number = g_strdup_printf ("%.*f", (int) info->decimals, value);

  /* Translators: a value and its unit, "28 days", "37.0 °C" */
  return g_strdup_printf (_("%s %s"), number, _(info->unit));
}

static char *
policy_stored_text (CgPolicyKey  key,
                    const char  *stored)
{
  if (stored == NULL)
    return g_strdup ("—");
  return policy_value_text (key, g_ascii_strtod (stored, NULL));
}

char *
cg_rules_page_audit_title (CgRulesPage        *self,
                           const CgAuditEntry *entry)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *change = NULL;
  const char *id;
  int key;

  g_return_val_if_fail (CG_IS_RULES_PAGE (self), NULL);
  g_return_val_if_fail (entry != NULL && g_str_has_prefix (entry->what, "policy."), NULL);

  id = entry->what + strlen ("policy.");
  key = cg_policy_key_from_id (id);
  if (key < 0)
    /* Written by a newer version that knows more values. */
    return g_strdup_printf (_("%s: %s"), id, entry->new_value != NULL ? entry->new_value : "");

  old_text = policy_stored_text (key, entry->old_value);
  if (entry->new_value == NULL || g_strcmp0 (entry->subject, "restored") == 0)
    {
      if (self->policy != NULL)
        new_text = policy_value_text (key, cg_policy_get_default (self->policy, key));
      /* Translators: a rule value put back to the documents' value */
      change = new_text != NULL ? g_strdup_printf (_("%s → %s (restored)"), old_text, new_text)
                                : g_strdup_printf (_("%s → restored"), old_text);
    }
  else
    {
      new_text = policy_stored_text (key, entry->new_value);
      change = g_strdup_printf ("%s → %s", old_text, new_text);
    }
  /* Translators: "<field>: <old> → <new>" in the change history */
  return g_strdup_printf (_("%s: %s"), _(cg_policy_info (key)->label), change);
}

static gboolean
group_applies (CgRulesPage     *self,
               const RuleGroup *group)
{
  for (guint i = 0; group->rules[i] != NULL; i++)
    if (cg_policy_applies (self->policy, group->rules[i]))
      return TRUE;
  return FALSE;
}

static const char *
row_rule (CgRulesPage     *self,
          const RuleGroup *group,
          CgPolicyKey      key)
{
  if (group->rule_from_group)
    for (guint i = 0; group->rules[i] != NULL; i++)
      if (cg_policy_applies (self->policy, group->rules[i]))
        return group->rules[i];
  return cg_policy_info (key)->rule;
}

static gboolean
row_from_document (const RuleGroup *group,
                   const char      *rule,
                   CgPolicyKey      key)
{
  if (!group->rule_from_group)
    return cg_policy_info (key)->from_document;
  for (guint i = 0; i < G_N_ELEMENTS (documented_by_rule); i++)
    if (documented_by_rule[i].key == key && g_str_equal (documented_by_rule[i].rule, rule))
      return TRUE;
  return FALSE;
}

static gboolean
policy_is_changed (CgRulesPage *self)
{
  for (guint key = 0; key < CG_N_POLICY; key++)
    if (!cg_policy_is_default (self->policy, key))
      return TRUE;
  return FALSE;
}

static void
policy_row_show_value (PolicyRow *prow)
{
  CgRulesPage *self = prow->self;

  g_clear_handle_id (&prow->save_id, g_source_remove);
  self->filling_rules = TRUE;
  gtk_spin_button_set_value (prow->spin, cg_policy_get (self->policy, prow->key));
  self->filling_rules = FALSE;
  prow->dirty = FALSE;
  gtk_widget_set_visible (prow->undo_button, !cg_policy_is_default (self->policy, prow->key));
}

static void
policy_row_save (PolicyRow *prow)
{
  CgRulesPage *self = prow->self;
  g_autoptr(GError) error = NULL;
  double value;

  g_clear_handle_id (&prow->save_id, g_source_remove);
  if (self->policy == NULL)
    return;

  /* Reads what is typed; a value out of range is refused in
   * policy_spin_input_cb () with a toast, and the field shows the old one. */
  self->filling_rules = TRUE;
  gtk_spin_button_update (prow->spin);
  self->filling_rules = FALSE;
  prow->dirty = FALSE;

  value = gtk_spin_button_get_value (prow->spin);
  if (fabs (value - cg_policy_get (self->policy, prow->key)) < 1e-9)
    return;
  if (!cg_policy_set (self->store, prow->key, value, cg_audit_current_user (), &error))
    {
      add_toast (self, error->message);
      policy_row_show_value (prow);
    }
  /* On success "changed::policy" reloads the values and the history. */
}

static gboolean
policy_row_save_timeout_cb (gpointer user_data)
{
  PolicyRow *prow = user_data;

  prow->save_id = 0;
  policy_row_save (prow);
  return G_SOURCE_REMOVE;
}

static void
policy_row_free (gpointer data)
{
  PolicyRow *prow = data;

  g_clear_handle_id (&prow->save_id, g_source_remove);
  g_free (prow);
}

static int
policy_spin_input_cb (GtkSpinButton *spin,
                      double        *new_value,
                      PolicyRow     *prow)
{
  const CgPolicyInfo *info = cg_policy_info (prow->key);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *message = NULL;
  char *end = NULL;
  double value;

  value = g_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    {
      message = g_strdup_printf (_("“%s” is not a number."), text);
      add_toast (prow->self, message);
      return GTK_INPUT_ERROR;
    }
  if (value < info->min || value > info->max)
    {
      g_autofree char *min = g_strdup_printf ("%.*f", (int) info->decimals, info->min);
      g_autofree char *max = g_strdup_printf ("%.*f", (int) info->decimals, info->max);

      message = g_strdup_printf (_("%s must be between %s and %s %s."),
                                 _(info->label), min, max, _(info->unit));
      add_toast (prow->self, message);
      return GTK_INPUT_ERROR;
    }
  *new_value = value;
  return TRUE;
}

/* Typing is saved when it is done (Enter, or the focus moving on); a value
 * set without the focus in the field — the arrows, an assistive tool — is
 * saved after a short pause. */
static void
policy_spin_changed_cb (PolicyRow *prow)
{
  if (prow->self->filling_rules)
    return;
  prow->dirty = TRUE;
  g_clear_handle_id (&prow->save_id, g_source_remove);
  if (!gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (prow->focus)))
    prow->save_id = g_timeout_add (SAVE_DELAY_MS, policy_row_save_timeout_cb, prow);
}

static void
policy_spin_activate_cb (PolicyRow *prow)
{
  policy_row_save (prow);
}

static void
policy_spin_leave_cb (PolicyRow *prow)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (prow->self)))
    return;
  if (prow->dirty || prow->save_id != 0)
    policy_row_save (prow);
}

static void
policy_undo_clicked_cb (PolicyRow *prow)
{
  CgRulesPage *self = prow->self;
  g_autoptr(GError) error = NULL;

  if (self->policy == NULL)
    return;
  if (!cg_policy_set (self->store, prow->key, cg_policy_get_default (self->policy, prow->key),
                      cg_audit_current_user (), &error))
    add_toast (self, error->message);
}

static GtkWidget *
policy_row_new (CgRulesPage     *self,
                const RuleGroup *group,
                CgPolicyKey      key)
{
  const CgPolicyInfo *info = cg_policy_info (key);
  PolicyRow *prow = g_new0 (PolicyRow, 1);
  g_autofree char *value = policy_value_text (key, cg_policy_get_default (self->policy, key));
  g_autofree char *subtitle = NULL;
  g_autofree char *undo_tooltip = NULL;
  const char *rule = row_rule (self, group, key);
  gboolean from_document = row_from_document (group, rule, key);
  GtkAdjustment *adjustment;
  GtkWidget *row, *spin, *unit, *undo;
  double step = info->decimals == 0 ? 1.0 : 0.1;

  if (from_document)
    /* Translators: "Rule CH-5 · document value 28 days": what the documents set */
    subtitle = g_strdup_printf (_("Rule %s · document value %s"), rule, value);
  else
    /* Translators: "Rule ALL-4 · default 4 people": the documents set no number */
    subtitle = g_strdup_printf (_("Rule %s · default %s"), rule, value);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  if (from_document)
    {
      /* Translators: tooltip; %s is "28 days" */
      undo_tooltip = g_strdup_printf (_("Changed: back to the document value, %s"), value);
      undo = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (undo),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Restore the document value"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(info->label),
                                      -1);
    }
  else
    {
      /* Translators: tooltip; %s is "4 people" */
      undo_tooltip = g_strdup_printf (_("Changed: back to the default, %s"), value);
      undo = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (undo),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Restore the default"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(info->label),
                                      -1);
    }
  gtk_widget_set_tooltip_text (undo, undo_tooltip);
  gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (undo, "flat");
  gtk_widget_add_css_class (undo, "policy-changed");
  gtk_widget_set_visible (undo, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), undo);

  adjustment = gtk_adjustment_new (cg_policy_get (self->policy, key), info->min, info->max,
                                   step, step * 10, 0);
  spin = gtk_spin_button_new (adjustment, step, info->decimals);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  /* This also names the field after the row's title for assistive tools. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  unit = gtk_label_new (_(info->unit));
  gtk_label_set_xalign (GTK_LABEL (unit), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (unit), 4);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);

  prow->self = self;
  prow->key = key;
  prow->row = ADW_ACTION_ROW (row);
  prow->spin = GTK_SPIN_BUTTON (spin);
  prow->undo_button = undo;
  prow->focus = gtk_event_controller_focus_new ();
  gtk_widget_add_controller (spin, prow->focus);
  /* The row owns the state of its field. */
  g_object_set_data_full (G_OBJECT (row), "cg-policy-row", prow, policy_row_free);
  self->policy_rows[key] = prow;

  g_signal_connect (spin, "input", G_CALLBACK (policy_spin_input_cb), prow);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (policy_spin_changed_cb), prow);
  g_signal_connect_swapped (spin, "changed", G_CALLBACK (policy_spin_changed_cb), prow);
  /* GTK 4.8's spin button has no "activate" of its own; its text does. */
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                            G_CALLBACK (policy_spin_activate_cb), prow);
  g_signal_connect_swapped (prow->focus, "leave", G_CALLBACK (policy_spin_leave_cb), prow);
  g_signal_connect_swapped (undo, "clicked", G_CALLBACK (policy_undo_clicked_cb), prow);

  policy_row_show_value (prow);
  return row;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CgRulesPage      *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!cg_policy_reset_all (self->store, cg_audit_current_user (), &error))
    {
      add_toast (self, error->message);
      return;
    }
  add_toast (self, _("The documents’ values are restored"));
}

static void
restore_clicked_cb (CgRulesPage *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Restore the Documents’ Values?"),
                                   _("Every rule value goes back to the value the documents set, "
                                     "or to the default where they set none. "
                                     "The change history keeps the values you had."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_restore_sensitive (CgRulesPage *self)
{
  if (self->restore_button != NULL)
    gtk_widget_set_sensitive (self->restore_button,
                              self->policy != NULL && policy_is_changed (self));
}

static void
build (CgRulesPage *self)
{
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *button;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The numbers the rules work with. Each starts at the value "
                                           "the documents set, or at a default where they set none; "
                                           "the local epidemic-prevention command may order others. "
                                           "A value is saved when you press Enter or move on, and every "
                                           "change is recorded in the change history with your name."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  inst = cg_institution_load (self->store, &error);
  if (inst != NULL)
    {
      self->module = cg_module_for_kind (inst->kind);
      self->policy = cg_module_load_policy (self->module, self->store, &error);
    }
  if (self->policy == NULL)
    {
      g_autofree char *escaped = NULL;

      /* Without a profile there is nothing to show: the window is offered
       * only once the setup is done. */
      if (error != NULL)
        {
          escaped = g_markup_escape_text (error->message, -1);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
        }
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rule_groups); i++)
    {
      const RuleGroup *info = &rule_groups[i];

      if (!group_applies (self, info))
        continue;
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(info->title));
      if (info->description != NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(info->description));
      for (guint k = 0; k < info->n_keys; k++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   policy_row_new (self, info, info->keys[k]));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
    }

  group = adw_preferences_group_new ();
  button = gtk_button_new_with_mnemonic (_("Restore the _Documents’ Values"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  /* GTK 4.8 names a button with a mnemonic twice (its label property,
   * then the mnemonic label it is labelled by): keep only the second. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  self->restore_button = button;
  update_restore_sensitive (self);
}

static void
policy_changed_cb (CgStore    *store,
                   const char *table,
                   gpointer    user_data)
{
  CgRulesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  CgPolicy *policy;

  if (self->module == NULL)
    return;
  policy = cg_module_load_policy (self->module, self->store, &error);
  if (policy == NULL)
    {
      add_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->policy, cg_policy_free);
  self->policy = policy;
  for (guint key = 0; key < CG_N_POLICY; key++)
    {
      PolicyRow *prow = self->policy_rows[key];

      /* What is being typed stays until it is saved. */
      if (prow != NULL && !prow->dirty)
        policy_row_show_value (prow);
      else if (prow != NULL)
        gtk_widget_set_visible (prow->undo_button, !cg_policy_is_default (policy, key));
    }
  update_restore_sensitive (self);
}

void
cg_rules_page_save_pending (CgRulesPage *self)
{
  g_return_if_fail (CG_IS_RULES_PAGE (self));

  for (guint key = 0; key < CG_N_POLICY; key++)
    {
      PolicyRow *prow = self->policy_rows[key];

      if (prow != NULL && (prow->dirty || prow->save_id != 0))
        policy_row_save (prow);
    }
}

static void
cg_rules_page_constructed (GObject *object)
{
  CgRulesPage *self = CG_RULES_PAGE (object);

  G_OBJECT_CLASS (cg_rules_page_parent_class)->constructed (object);

  build (self);
  g_signal_connect_object (self->store, "changed::policy",
                           G_CALLBACK (policy_changed_cb), self, 0);
}

static void
cg_rules_page_dispose (GObject *object)
{
  CgRulesPage *self = CG_RULES_PAGE (object);

  /* The rows free their own state; no save may run once the page goes. */
  for (guint key = 0; key < CG_N_POLICY; key++)
    {
      if (self->policy_rows[key] != NULL)
        g_clear_handle_id (&self->policy_rows[key]->save_id, g_source_remove);
      self->policy_rows[key] = NULL;
    }
  self->restore_button = NULL;

  G_OBJECT_CLASS (cg_rules_page_parent_class)->dispose (object);
}

static void
cg_rules_page_finalize (GObject *object)
{
  CgRulesPage *self = CG_RULES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->policy, cg_policy_free);

  G_OBJECT_CLASS (cg_rules_page_parent_class)->finalize (object);
}

static void
cg_rules_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgRulesPage *self = CG_RULES_PAGE (object);

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
cg_rules_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgRulesPage *self = CG_RULES_PAGE (object);

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
cg_rules_page_class_init (CgRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cg_rules_page_constructed;
  object_class->dispose = cg_rules_page_dispose;
  object_class->finalize = cg_rules_page_finalize;
  object_class->get_property = cg_rules_page_get_property;
  object_class->set_property = cg_rules_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_rules_page_init (CgRulesPage *self)
{
}

GtkWidget *
cg_rules_page_new (CgStore *store)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_RULES_PAGE,
                       "store", store,
                       "name", "rules",
                       "title", _("Rules"),
                       "icon-name", "emblem-documents-symbolic",
                       NULL);
}
