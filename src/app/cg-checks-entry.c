/* cg-checks-entry.c — the Checks page: the fast-entry grid of the
 * morning round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of widgets per line on screen: type a temperature, press Enter,
 * and the check is stored and the next person's field has the focus.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgChecksPage"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-checks-page-private.h"

void
cg_checks_set_band_style (GtkWidget  *label,
                          CgTempBand  band,
                          gboolean    valid)
{
  /* Style classes cost a restyle: only when the band changes. */
  int style = valid ? (int) band + 1 : 0;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "cg-band-style")) == style + 1)
    return;
  g_object_set_data (G_OBJECT (label), "cg-band-style", GINT_TO_POINTER (style + 1));
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "heading");
  if (!valid)
    return;
  if (band == CG_BAND_NORMAL)
    {
      gtk_widget_add_css_class (label, "success");
      gtk_widget_add_css_class (label, "dim-label");
    }
  else if (band == CG_BAND_RECHECK)
    gtk_widget_add_css_class (label, "warning");
  else
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
    }
}

static GtkWidget *ensure_error_label  (RowWidgets   *row);
static GtkWidget *ensure_action_entry (RowWidgets   *row);
static GtkWidget *ensure_save_button  (RowWidgets   *row);

/* The parts of a line that follow the typing: band, error, action, save.
 * The error, the action field and the save button are made the first time
 * a line needs them: GTK 4.8 keeps 200 lines of widgets, most never do. */
static void
update_row_state (CgChecksPage *self,
                  RowWidgets   *row)
{
  CgCheckLine *line = row->line;
  const char *message = NULL;
  double temperature;
  EntryState state;
  gboolean today = cg_checks_page_is_today (self);
  gboolean needs_action;
  gboolean dirty;

  state = cg_checks_line_parse (self, line, &temperature, &message);
  if (state == ENTRY_VALID)
    {
      CgTempBand band = cg_temperature_band (self->policy, temperature);

      gtk_label_set_text (GTK_LABEL (row->band_label), cg_temperature_band_label (band));
      cg_checks_set_band_style (row->band_label, band, TRUE);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (row->band_label), "");
      cg_checks_set_band_style (row->band_label, CG_BAND_NORMAL, FALSE);
    }

  if (state == ENTRY_INVALID)
    {
      GtkWidget *error_label = ensure_error_label (row);

      gtk_label_set_text (GTK_LABEL (error_label), message);
      gtk_widget_set_visible (error_label, TRUE);
      gtk_widget_add_css_class (row->entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      if (row->error_label != NULL)
        gtk_widget_set_visible (row->error_label, FALSE);
      gtk_widget_remove_css_class (row->entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gtk_label_get_text (GTK_LABEL (row->band_label)), -1);
    }

  needs_action = cg_checks_line_needs_action (self, line);
  if (needs_action)
    {
      GtkWidget *action_entry = ensure_action_entry (row);
      const char *name = cg_person_get_name (line->person);
      g_autofree char *action_name = NULL;
      gboolean binding = row->binding;

      /* Translators: the accessible name of the action field; %s is a person */
      action_name = g_strdup_printf (_("Action taken for %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (action_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, action_name, -1);
      row->binding = TRUE;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (action_entry)), line->action) != 0)
        gtk_editable_set_text (GTK_EDITABLE (action_entry), line->action);
      row->binding = binding;
      gtk_editable_set_editable (GTK_EDITABLE (action_entry), today);
      gtk_widget_set_visible (action_entry, TRUE);
      /* A fever or a symptom without an action taken is what ALL-2 asks about. */
      if (line->last_id != 0 && (line->last_action == NULL || line->last_action[0] == '\0')
          && line->action[0] == '\0')
        gtk_widget_add_css_class (action_entry, "warning");
      else
        gtk_widget_remove_css_class (action_entry, "warning");
    }
  else if (row->action_entry != NULL)
    gtk_widget_set_visible (row->action_entry, FALSE);

  dirty = today && cg_checks_line_is_dirty (self, line);
  if (dirty)
    {
      GtkWidget *save_button = ensure_save_button (row);
      g_autofree char *save_name = NULL;

      /* Translators: the accessible name of a line's save button; %s is a person */
      save_name = g_strdup_printf (_("Save the check of %s"), cg_person_get_name (line->person));
      gtk_accessible_update_property (GTK_ACCESSIBLE (save_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, save_name, -1);
      gtk_widget_set_tooltip_text (save_button, save_name);
      gtk_widget_set_visible (save_button, TRUE);
    }
  else if (row->save_button != NULL)
    gtk_widget_set_visible (row->save_button, FALSE);
}

/* A fever reading sets the Fever toggle; going back to normal clears it
 * again unless the user set it. */
static void
follow_fever (CgChecksPage *self,
              CgCheckLine  *line)
{
  double temperature;
  gboolean fever;

  fever = cg_checks_line_parse (self, line, &temperature, NULL) == ENTRY_VALID
          && cg_temperature_band_is_fever (cg_temperature_band (self->policy, temperature));
  if (fever && !(line->symptoms & CG_SYMPTOM_FEVER))
    {
      line->symptoms |= CG_SYMPTOM_FEVER;
      line->fever_auto = TRUE;
    }
  else if (!fever && line->fever_auto)
    {
      line->symptoms &= ~(guint) CG_SYMPTOM_FEVER;
      line->fever_auto = FALSE;
    }
}

void
cg_checks_page_update_row (CgChecksPage *self,
                           RowWidgets   *row)
{
  CgCheckLine *line = row->line;
  const char *name = cg_person_get_name (line->person);
  gboolean today = cg_checks_page_is_today (self);
  gboolean renamed = g_strcmp0 (gtk_label_get_text (GTK_LABEL (row->name_label)), name) != 0;

  row->binding = TRUE;

  gtk_label_set_text (GTK_LABEL (row->name_label), name);
  gtk_label_set_text (GTK_LABEL (row->room_label), cg_person_get_room (line->person));

  /* Accessible names carry the person's name: set when the line shows
   * another person, not at each rebind. */
  if (renamed || row->labelled_id != cg_person_get_id (line->person))
    {
      g_autofree char *entry_name = NULL;

      /* Translators: the accessible name of a temperature field; %s is a person */
      entry_name = g_strdup_printf (_("Temperature of %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name, -1);
      /* "Fever", "Dry cough" …, described by the person's name. */
      for (guint s = 0; s < CG_N_SYMPTOMS; s++)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row->symptoms[s]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
      row->labelled_id = cg_person_get_id (line->person);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->entry)), line->text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->entry), line->text);
  gtk_editable_set_editable (GTK_EDITABLE (row->entry), today);

  for (guint s = 0; s < CG_N_SYMPTOMS; s++)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->symptoms[s]),
                                    (line->symptoms & (1u << s)) != 0);
      gtk_widget_set_sensitive (row->symptoms[s], today);
    }

  if (line->last_id != 0)
    {
      g_autofree char *done = NULL;

      /* Translators: the time of the latest check of a line, e.g. "✓ 07:42" */
      done = g_strdup_printf (_("Checked at %s"), line->last_time);
      gtk_image_set_from_icon_name (GTK_IMAGE (row->done_icon), "object-select-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->done_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, done, -1);
      gtk_label_set_text (GTK_LABEL (row->time_label), line->last_time);
      gtk_widget_set_tooltip_text (row->time_label, done);
    }
  else
    {
      gtk_image_clear (GTK_IMAGE (row->done_icon));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->done_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_label_set_text (GTK_LABEL (row->time_label), today ? "" : _("No check"));
      gtk_widget_set_tooltip_text (row->time_label, NULL);
    }

  update_row_state (self, row);
  row->binding = FALSE;
}

/* ---- saving and moving on ------------------------------------------- */

guint
cg_checks_page_line_position (CgChecksPage *self,
                              CgCheckLine  *line)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) item = g_list_model_get_item (model, i);

      if (item == line)
        return i;
    }
  return G_MAXUINT;
}

void
cg_checks_page_stop_focus_tracking (CgChecksPage *self)
{
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->grid_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  g_clear_object (&self->focus_target);
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CgChecksPage *self = user_data;

  if (self->focus_target != NULL && self->focus_target->row != NULL)
    {
      gtk_widget_grab_focus (self->focus_target->row->entry);
      self->focus_tick_id = 0;
      g_clear_object (&self->focus_target);
      return G_SOURCE_REMOVE;
    }
  if (++self->focus_tries > 30)
    {
      self->focus_tick_id = 0;
      g_clear_object (&self->focus_target);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Scrolls to the line at @position and puts the focus in its temperature
 * field, now if its widgets exist, else once the list has made them. */
void
cg_checks_page_focus_position (CgChecksPage *self,
                               guint         position)
{
  g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (line == NULL)
    return;
  cg_checks_page_stop_focus_tracking (self);
  gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", position);
  if (line->row != NULL)
    {
      gtk_widget_grab_focus (line->row->entry);
      return;
    }
  self->focus_target = g_object_ref (line);
  self->focus_tries = 0;
  self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->grid_view),
                                                      focus_tick_cb, self, NULL);
}

static void
focus_next (CgChecksPage *self,
            CgCheckLine  *line)
{
  guint position = cg_checks_page_line_position (self, line);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (position == G_MAXUINT)
    return;
  if (position + 1 < n)
    cg_checks_page_focus_position (self, position + 1);
  else
    {
      guint missing = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CgCheckLine) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          if (item->last_id == 0)
            missing++;
        }
      if (missing == 0)
        cg_checks_page_show_toast (self, _("Everyone in this group is checked"));
      else
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "End of the list: %u person still without a check",
                                                  "End of the list: %u people still without a check",
                                                  missing),
                                     missing);
          cg_checks_page_show_toast (self, message);
        }
    }
}

static void
refuse (CgChecksPage *self,
        CgCheckLine  *line)
{
  if (line->row == NULL)
    return;
  cg_checks_page_update_row (self, line->row);
  gtk_widget_error_bell (line->row->entry);
  gtk_widget_grab_focus (line->row->entry);
  /* Typing the right value replaces the wrong one. */
  gtk_editable_select_region (GTK_EDITABLE (line->row->entry), 0, -1);
}

/* Enter on a line: stores the check (or just the action taken), shows the
 * line as done, and moves on.  A bad value keeps the focus on the line. */
static gboolean
save_line (CgChecksPage *self,
           CgCheckLine  *line,
           gboolean      move_on)
{
  g_autoptr(CgHealthCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  double temperature;
  EntryState state;
  gint64 start;
  gboolean ok;

  if (!cg_checks_page_is_today (self))
    {
      /* Open since yesterday: the list moves on to the new day first. */
      if (self->follow_today)
        {
          cg_checks_page_load_all (self);
          cg_checks_page_show_toast (self, _("A new day has begun: the list now shows today. Type the temperature again."));
        }
      return FALSE;
    }

  line->show_error = TRUE;
  state = cg_checks_line_parse (self, line, &temperature, NULL);
  if (state == ENTRY_EMPTY)
    {
      /* Nothing typed: somebody away from the floor, come back later. */
      line->show_error = FALSE;
      if (move_on)
        focus_next (self, line);
      return TRUE;
    }
  if (state != ENTRY_VALID)
    {
      refuse (self, line);
      return FALSE;
    }
  line->show_error = FALSE;

  if (!cg_checks_line_is_dirty (self, line))
    {
      if (move_on)
        focus_next (self, line);
      return TRUE;
    }

  g_strstrip (line->action);
  start = g_get_monotonic_time ();
  self->saving = TRUE;
  if (cg_checks_line_only_action_changed (self, line))
    {
      ok = cg_health_check_set_action (self->store, line->last_id, line->action,
                                       cg_audit_current_user (), &error);
      if (ok)
        {
          g_free (line->last_action);
          line->last_action = g_strdup (line->action);
        }
    }
  else
    {
      check = cg_health_check_new ();
      check->person_id = cg_person_get_id (line->person);
      check->temperature = temperature;
      check->symptoms = cg_checks_line_symptoms_to_save (self, line, temperature);
      g_free (check->action);
      check->action = g_strdup (line->action);
      ok = cg_health_check_add (self->store, self->policy, check, cg_audit_current_user (), &error);
      if (ok)
        {
          cg_check_line_set_latest (line, check);
          cg_check_line_show_latest (line);
        }
    }
  self->saving = FALSE;

  if (!ok)
    {
      if (line->row != NULL)
        {
          line->show_error = FALSE;
          cg_checks_page_update_row (self, line->row);
          gtk_label_set_text (GTK_LABEL (ensure_error_label (line->row)), error->message);
          gtk_widget_set_visible (line->row->error_label, TRUE);
          gtk_widget_grab_focus (line->row->entry);
        }
      cg_checks_page_show_toast (self, error->message);
      return FALSE;
    }

  if (line->row != NULL)
    cg_checks_page_update_row (self, line->row);
  cg_checks_page_update_progress (self);
  if (move_on)
    focus_next (self, line);
  g_debug ("check of line %u saved and shown in %.1f ms", cg_checks_page_line_position (self, line),
           (g_get_monotonic_time () - start) / 1000.0);
  return TRUE;
}

/* ---- the row widgets -------------------------------------------------- */

static RowWidgets *
row_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "cg-row");
}

static void
on_entry_changed_cb (GtkEditable *editable,
                     RowWidgets  *row)
{
  CgCheckLine *line = row->line;

  if (row->binding || line == NULL)
    return;
  g_free (line->text);
  line->text = g_strdup (gtk_editable_get_text (editable));
  line->show_error = FALSE;
  follow_fever (row->page, line);
  row->binding = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->symptoms[0]),
                                (line->symptoms & CG_SYMPTOM_FEVER) != 0);
  row->binding = FALSE;
  update_row_state (row->page, row);
}

static void
on_entry_activated_cb (GtkEntry   *entry,
                       RowWidgets *row)
{
  if (row->line != NULL)
    save_line (row->page, row->line, TRUE);
}

static void
on_symptom_toggled_cb (GtkToggleButton *button,
                       RowWidgets      *row)
{
  CgCheckLine *line = row->line;
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cg-symptom"));

  if (row->binding || line == NULL)
    return;
  if (gtk_toggle_button_get_active (button))
    line->symptoms |= bit;
  else
    line->symptoms &= ~bit;
  if (bit == CG_SYMPTOM_FEVER)
    line->fever_auto = FALSE;
  update_row_state (row->page, row);
}

static void
on_action_changed_cb (GtkEditable *editable,
                      RowWidgets  *row)
{
  CgCheckLine *line = row->line;

  if (row->binding || line == NULL)
    return;
  g_free (line->action);
  line->action = g_strdup (gtk_editable_get_text (editable));
  update_row_state (row->page, row);
}

static void
on_action_activated_cb (GtkEntry   *entry,
                        RowWidgets *row)
{
  if (row->line != NULL)
    save_line (row->page, row->line, TRUE);
}

static void
on_save_clicked_cb (GtkButton  *button,
                    RowWidgets *row)
{
  if (row->line != NULL)
    save_line (row->page, row->line, FALSE);
}

/* Enter on a symptom toggle saves the line too, as it does in the fields:
 * Space toggles. */
static gboolean
on_row_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       RowWidgets            *row)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (row->line == NULL)
    return FALSE;
  focus = gtk_root_get_focus (gtk_widget_get_root (row->box));
  if (!GTK_IS_TOGGLE_BUTTON (focus))
    return FALSE;
  save_line (row->page, row->line, TRUE);
  return TRUE;
}

/* A line is a grid: the name, room, temperature, band, symptoms and time
 * on top; under the temperature, when needed, why a value is refused and
 * the action taken (ALL-2).  Fixed widths keep the columns aligned from
 * one line to the next. */
enum {
  COL_DONE,
  COL_NAME,
  COL_ROOM,
  COL_ENTRY,
  COL_BAND,
  COL_SYMPTOMS,
  COL_SPACER,
  COL_TIME,
  COL_SAVE,
  N_COLS
};

static GtkWidget *
ensure_error_label (RowWidgets *row)
{
  if (row->error_label == NULL)
    {
      row->error_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->error_label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (row->error_label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (row->error_label), 1);
      gtk_widget_add_css_class (row->error_label, "error");
      gtk_grid_attach (GTK_GRID (row->box), row->error_label, COL_ENTRY, 1, COL_SPACER - COL_ENTRY + 1, 1);
    }
  return row->error_label;
}

static GtkWidget *
ensure_action_entry (RowWidgets *row)
{
  if (row->action_entry == NULL)
    {
      row->action_entry = gtk_entry_new ();
      gtk_widget_set_hexpand (row->action_entry, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (row->action_entry),
                                      _("Action taken: observation room, fever clinic, hospital…"));
      g_signal_connect (row->action_entry, "changed", G_CALLBACK (on_action_changed_cb), row);
      g_signal_connect (row->action_entry, "activate", G_CALLBACK (on_action_activated_cb), row);
      gtk_grid_attach (GTK_GRID (row->box), row->action_entry, COL_ENTRY, 2, COL_SPACER - COL_ENTRY + 1, 1);
    }
  return row->action_entry;
}

static GtkWidget *
ensure_save_button (RowWidgets *row)
{
  if (row->save_button == NULL)
    {
      row->save_button = gtk_button_new_from_icon_name ("document-save-symbolic");
      gtk_widget_add_css_class (row->save_button, "flat");
      gtk_widget_set_valign (row->save_button, GTK_ALIGN_CENTER);
      g_signal_connect (row->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), row);
      gtk_grid_attach (GTK_GRID (row->box), row->save_button, COL_SAVE, 0, 1, 1);
    }
  return row->save_button;
}

static void
grid_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CgChecksPage             *self)
{
  RowWidgets *row = g_new0 (RowWidgets, 1);
  GtkGrid *grid;
  GtkWidget *symptoms_box;
  GtkWidget *spacer;
  GtkEventController *keys;

  row->page = self;
  row->box = gtk_grid_new ();
  grid = GTK_GRID (row->box);
  gtk_grid_set_column_spacing (grid, 8);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_widget_set_margin_start (row->box, 12);
  gtk_widget_set_margin_end (row->box, 12);
  gtk_widget_set_margin_top (row->box, 3);
  gtk_widget_set_margin_bottom (row->box, 3);
  g_object_set_data_full (G_OBJECT (row->box), "cg-row", row, g_free);

  row->done_icon = gtk_image_new ();
  gtk_widget_set_size_request (row->done_icon, 16, 16);
  gtk_widget_add_css_class (row->done_icon, "success");
  gtk_grid_attach (grid, row->done_icon, COL_DONE, 0, 1, 1);

  row->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->name_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (row->name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (row->name_label), 1);
  gtk_widget_set_size_request (row->name_label, 100, -1);
  gtk_grid_attach (grid, row->name_label, COL_NAME, 0, 1, 1);

  row->room_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->room_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (row->room_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (row->room_label), 1);
  gtk_widget_set_size_request (row->room_label, 48, -1);
  gtk_widget_add_css_class (row->room_label, "dim-label");
  gtk_widget_add_css_class (row->room_label, "numeric");
  gtk_grid_attach (grid, row->room_label, COL_ROOM, 0, 1, 1);

  row->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (row->entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row->entry), 4);
  gtk_entry_set_input_purpose (GTK_ENTRY (row->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_max_length (GTK_ENTRY (row->entry), 8);
  /* Translators: the placeholder of an empty temperature field */
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->entry), _("℃"));
  gtk_widget_add_css_class (row->entry, "numeric");
  gtk_widget_set_valign (row->entry, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, row->entry, COL_ENTRY, 0, 1, 1);
  g_signal_connect (row->entry, "changed", G_CALLBACK (on_entry_changed_cb), row);
  g_signal_connect (row->entry, "activate", G_CALLBACK (on_entry_activated_cb), row);

  row->band_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->band_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (row->band_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (row->band_label), 1);
  gtk_widget_set_size_request (row->band_label, 128, -1);
  gtk_grid_attach (grid, row->band_label, COL_BAND, 0, 1, 1);

  symptoms_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (symptoms_box, GTK_ALIGN_CENTER);
  for (guint s = 0; s < CG_N_SYMPTOMS; s++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (cg_symptom_label (s));

      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_add_css_class (toggle, "cg-symptom");
      gtk_widget_set_focus_on_click (toggle, FALSE);
      g_object_set_data (G_OBJECT (toggle), "cg-symptom", GUINT_TO_POINTER (1u << s));
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_symptom_toggled_cb), row);
      gtk_box_append (GTK_BOX (symptoms_box), toggle);
      row->symptoms[s] = toggle;
    }
  gtk_grid_attach (grid, symptoms_box, COL_SYMPTOMS, 0, 1, 1);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_grid_attach (grid, spacer, COL_SPACER, 0, 1, 1);

  row->time_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->time_label), 1.0f);
  gtk_widget_add_css_class (row->time_label, "numeric");
  gtk_widget_add_css_class (row->time_label, "dim-label");
  gtk_grid_attach (grid, row->time_label, COL_TIME, 0, 1, 1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_row_key_pressed_cb), row);
  gtk_widget_add_controller (row->box, keys);

  gtk_list_item_set_child (item, row->box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
grid_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CgChecksPage             *self)
{
  RowWidgets *row = row_of (gtk_list_item_get_child (item));
  CgCheckLine *line = gtk_list_item_get_item (item);

  if (line->row != NULL && line->row != row)
    line->row->line = NULL;
  row->line = line;
  line->row = row;
  cg_checks_page_update_row (self, row);
}

static void
grid_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CgChecksPage             *self)
{
  RowWidgets *row = row_of (gtk_list_item_get_child (item));

  if (row->line != NULL && row->line->row == row)
    row->line->row = NULL;
  row->line = NULL;
}

/* The factory of the grid's rows: made once, bound to many lines. */
GtkListItemFactory *
cg_checks_grid_factory_new (CgChecksPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (grid_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (grid_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (grid_unbind_cb), self);
  return factory;
}
