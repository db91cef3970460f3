/* cg-checks-page.c — daily temperature and symptom checks: the line-listing grid and the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Today view is the nurse's morning round (ALL-1/2/3): one line per
 * person present, in room order; type a temperature, press Enter, and the
 * check is stored and the next person's field has the focus.  The band is
 * shown as the number is typed, an impossible value is refused with the
 * reason, symptoms are toggles, and the action taken can be written on the
 * line.  The History view lists every check out of SQLite, a page at a time.
 *
 * This file holds the page: its groups, the Missing filter, the loading
 * of a day and the object.  The line of a person is in cg-checks-line.c,
 * the grid's rows in cg-checks-entry.c, the History view in
 * cg-checks-history.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgChecksPage"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-import-dialog.h"

#include "cg-checks-page-private.h"
#include "cg-date.h"
#include "cg-widgets.h"

G_DEFINE_FINAL_TYPE (CgChecksPage, cg_checks_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* What the group of the people who live there is called. */
static const char * const all_of_kind[CG_N_PERSON_KINDS] = {
  N_("All staff"), N_("All residents"), N_("All children"), N_("All aid recipients"),
};

void
cg_checks_page_show_toast (CgChecksPage *self,
                           const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
cg_checks_page_is_today (CgChecksPage *self)
{
  GDate today;

  cg_date_today (&today);
  return g_date_compare (&self->date, &today) == 0;
}

/* ---- groups, filter, progress ----------------------------------------- */

static gboolean
line_in_group (CgCheckLine *line,
               const char  *key)
{
  gboolean staff = cg_person_get_kind (line->person) == CG_PERSON_STAFF;

  if (key == NULL || g_str_equal (key, "everyone"))
    return TRUE;
  if (g_str_equal (key, "staff"))
    return staff;
  if (staff)
    return FALSE;
  if (g_str_equal (key, "residents"))
    return TRUE;
  if (g_str_equal (key, "no-floor"))
    return line->floor == NULL;
  if (g_str_has_prefix (key, "floor:"))
    return g_strcmp0 (line->floor, key + strlen ("floor:")) == 0;
  return FALSE;
}

static gboolean
filter_line_cb (gpointer item,
                gpointer user_data)
{
  CgChecksPage *self = user_data;
  CgCheckLine *line = item;

  if (!line_in_group (line, self->group_key))
    return FALSE;
  return !gtk_toggle_button_get_active (self->missing_button) || line->missing_listed;
}

/* Who the Missing filter lists is decided when it is asked for, not at
 * each Enter: a line just checked stays where it is under the cursor. */
static void
refilter (CgChecksPage *self)
{
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      line->missing_listed = line->last_id == 0;
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  cg_checks_page_update_progress (self);
}

void
cg_checks_page_update_progress (CgChecksPage *self)
{
  GListModel *lines = G_LIST_MODEL (self->lines);
  guint n_lines = g_list_model_get_n_items (lines);
  guint total = 0;
  guint checked = 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *progress = NULL;
  g_autofree char *missing = NULL;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (lines, i);

      if (!line_in_group (line, self->group_key))
        continue;
      total++;
      if (line->last_id != 0)
        checked++;
    }

  /* Translators: "32 of 88 checked": people with a check on the day, of those present */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u checked", "%u of %u checked", total),
                              checked, total);
  gtk_label_set_text (self->progress_label, total > 0 ? progress : "");
  /* Translators: the Missing filter button, with how many have no check */
  missing = g_strdup_printf (_("Missing (%u)"), total - checked);
  gtk_button_set_label (GTK_BUTTON (self->missing_button), missing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->missing_button),
                            total > 0 || gtk_toggle_button_get_active (self->missing_button));

  if (total == 0)
    cg_stack_show_only (self->grid_stack, "empty");
  else if (shown == 0)
    cg_stack_show_only (self->grid_stack, "all-checked");
  else
    cg_stack_show_only (self->grid_stack, "list");
}

static void
add_group (CgChecksPage *self,
           const char   *key,
           const char   *label)
{
  g_ptr_array_add (self->group_keys, g_strdup (key));
  gtk_string_list_append (self->group_names, label);
}

static int
compare_floors (gconstpointer a,
                gconstpointer b)
{
  g_autofree char *x = g_utf8_collate_key_for_filename (*(const char **) a, -1);
  g_autofree char *y = g_utf8_collate_key_for_filename (*(const char **) b, -1);

  return strcmp (x, y);
}

/* The groups: everyone who lives there, each floor, the staff, everyone. */
static void
rebuild_groups (CgChecksPage *self)
{
  g_autoptr(GHashTable) floors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **sorted = NULL;
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  guint n_floors = 0;
  gboolean no_floor = FALSE;
  gboolean residents = FALSE;
  int resident_kind = -1;
  guint selected = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (cg_person_get_kind (line->person) == CG_PERSON_STAFF)
        continue;
      residents = TRUE;
      if (line->floor != NULL)
        g_hash_table_add (floors, line->floor);
      else
        no_floor = TRUE;
    }
  if (self->module != NULL)
    for (guint i = 0; i < self->module->n_person_kinds; i++)
      if (self->module->person_kinds[i] != CG_PERSON_STAFF)
        {
          resident_kind = self->module->person_kinds[i];
          residents = TRUE;
          break;
        }

  self->updating_groups = TRUE;
  g_ptr_array_set_size (self->group_keys, 0);
  gtk_string_list_splice (self->group_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->group_names)), NULL);

  if (residents)
    add_group (self, "residents", _(all_of_kind[resident_kind >= 0 ? resident_kind : CG_PERSON_RESIDENT]));
  sorted = (const char **) g_hash_table_get_keys_as_array (floors, &n_floors);
  qsort (sorted, n_floors, sizeof (char *), compare_floors);
  for (guint i = 0; i < n_floors; i++)
    {
      g_autofree char *key = g_strconcat ("floor:", sorted[i], NULL);
      g_autofree char *label = NULL;

      /* Translators: a floor of the building, from the room number: "Floor 2" */
      label = g_strdup_printf (_("Floor %s"), sorted[i]);
      add_group (self, key, label);
    }
  if (no_floor && n_floors > 0)
    add_group (self, "no-floor", _("No floor in the room number"));
  add_group (self, "staff", _("Staff"));
  if (residents)
    add_group (self, "everyone", _("Everyone"));

  for (guint i = 0; i < self->group_keys->len; i++)
    if (g_strcmp0 (self->group_keys->pdata[i], self->group_key) == 0)
      selected = i;
  g_free (self->group_key);
  self->group_key = g_strdup (self->group_keys->pdata[selected]);
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), self->group_keys->len > 1);
  self->updating_groups = FALSE;
}

/* After choosing whose round it is, the first person without a check
 * has the focus: the typing can start at once. */
static void
focus_first_missing (CgChecksPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  if (n == 0 || !cg_checks_page_is_today (self))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (model, i);

      if (line->last_id == 0)
        {
          cg_checks_page_focus_position (self, i);
          return;
        }
    }
  cg_checks_page_focus_position (self, 0);
}

static void
on_group_selected_cb (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      CgChecksPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_groups || selected >= self->group_keys->len)
    return;
  g_free (self->group_key);
  self->group_key = g_strdup (self->group_keys->pdata[selected]);
  refilter (self);
  focus_first_missing (self);
}

static void
on_missing_toggled_cb (CgChecksPage *self)
{
  refilter (self);
  if (gtk_toggle_button_get_active (self->missing_button))
    focus_first_missing (self);
}

/* ---- loading ---------------------------------------------------------- */

static void
show_grid_error (CgChecksPage *self,
                 const GError *error)
{
  adw_status_page_set_description (self->grid_error_page, error->message);
  cg_stack_show_only (self->grid_stack, "error");
  gtk_label_set_text (self->progress_label, "");
}

gboolean
cg_checks_page_load_policy (CgChecksPage *self,
                            GError      **error)
{
  CgPolicy *policy;

  policy = cg_module_load_policy (self->module, self->store, error);
  if (policy == NULL)
    return FALSE;
  g_clear_pointer (&self->policy, cg_policy_free);
  self->policy = policy;
  self->policy_serial++;
  if (self->history != NULL)
    cg_check_history_model_set_policy (self->history, self->policy);
  return TRUE;
}

static void
update_day_widgets (CgChecksPage *self)
{
  gboolean today = cg_checks_page_is_today (self);
  g_autofree char *label = cg_date_to_iso (&self->date);
  g_autoptr(GDateTime) when = NULL;

  gtk_menu_button_set_label (self->date_button, label);
  gtk_widget_set_visible (self->back_to_today_button, !today);
  gtk_widget_set_sensitive (self->next_day_button, !today);
  gtk_widget_set_visible (GTK_WIDGET (self->day_notice), !today);
  if (!today)
    {
      g_autofree char *notice = NULL;

      /* Translators: %s is a date */
      notice = g_strdup_printf (_("The checks of %s, as they were recorded. Checks are entered on the day itself: go back to today to enter them."),
                                label);
      gtk_label_set_text (self->day_notice, notice);
    }
  when = cg_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                g_date_get_day (&self->date), 12, 0, 0);
  g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->calendar, when);
  g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* Reads the people present on the day and their latest checks.  What was
 * typed and not stored is kept, for the same day. */
void
cg_checks_page_load_all (CgChecksPage *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GHashTable) typed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  gint64 start = g_get_monotonic_time ();
  GDate today;

  if (self->store == NULL || self->module == NULL)
    return;
  self->loaded = TRUE;
  self->needs_reload = FALSE;

  cg_date_today (&today);
  if (self->follow_today && g_date_compare (&self->date, &today) != 0)
    {
      self->date = today;
      n_old = 0;   /* another day: nothing typed carries over */
      g_list_store_remove_all (self->lines);
    }
  update_day_widgets (self);

  if (!cg_checks_page_load_policy (self, &error))
    {
      show_grid_error (self, error);
      return;
    }
  people = cg_people_present_on (self->store, &self->date, -1, &error);
  if (people != NULL)
    latest = cg_health_check_latest_on (self->store, &self->date, &error);
  if (people == NULL || latest == NULL)
    {
      show_grid_error (self, error);
      return;
    }

  for (guint i = 0; i < n_old; i++)
    {
      CgCheckLine *line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      gint64 *key = g_new (gint64, 1);

      *key = cg_person_get_id (line->person);
      g_hash_table_replace (typed, key, line);
    }

  for (guint i = 0; i < people->len; i++)
    {
      CgPerson *person = people->pdata[i];
      gint64 id = cg_person_get_id (person);
      CgCheckLine *old = g_hash_table_lookup (typed, &id);
      CgCheckLine *line = cg_check_line_new (person);
      CgHealthCheck *check = g_hash_table_lookup (latest, &id);

      cg_check_line_set_latest (line, check);
      if (old != NULL && cg_checks_line_is_dirty (self, old))
        {
          g_free (line->text);
          line->text = g_strdup (old->text);
          g_free (line->action);
          line->action = g_strdup (old->action);
          line->symptoms = old->symptoms;
          line->fever_auto = old->fever_auto;
        }
      else
        cg_check_line_show_latest (line);
      g_ptr_array_add (lines, line);
    }
  g_ptr_array_sort (lines, cg_check_line_compare);

  cg_checks_page_stop_focus_tracking (self);
  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       lines->pdata, lines->len);
  rebuild_groups (self);
  refilter (self);
  g_debug ("%u people present, their checks loaded in %.1f ms",
           lines->len, (g_get_monotonic_time () - start) / 1000.0);
}

/* The day's checks changed elsewhere (an import, the command line): the
 * lines take the latest checks, the list and the focus stay. */
static void
reload_checks (CgChecksPage *self)
{
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  latest = cg_health_check_latest_on (self->store, &self->date, &error);
  if (latest == NULL)
    {
      cg_checks_page_show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      gint64 id = cg_person_get_id (line->person);
      CgHealthCheck *check = g_hash_table_lookup (latest, &id);
      gboolean typed = cg_checks_line_is_dirty (self, line);

      if ((check == NULL ? 0 : check->id) == line->last_id
          && (check == NULL || g_strcmp0 (check->action, line->last_action) == 0))
        continue;
      cg_check_line_set_latest (line, check);
      if (!typed)
        cg_check_line_show_latest (line);
      if (line->row != NULL)
        cg_checks_page_update_row (self, line->row);
    }
  cg_checks_page_update_progress (self);
}

static void
on_store_changed_cb (CgStore      *store,
                     const char   *table,
                     CgChecksPage *self)
{
  if (g_strcmp0 (table, "health_check") == 0 && self->saving)
    return;
  if (g_strcmp0 (table, "health_check") != 0 && g_strcmp0 (table, "person") != 0
      && g_strcmp0 (table, "policy") != 0 && g_strcmp0 (table, "institution") != 0)
    return;
  if (!self->loaded)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_reload = TRUE;
      return;
    }
  if (g_strcmp0 (table, "health_check") == 0)
    reload_checks (self);
  else
    cg_checks_page_load_all (self);
}

static void
set_date (CgChecksPage *self,
          const GDate  *date)
{
  GDate today;

  cg_date_today (&today);
  if (g_date_compare (date, &today) > 0)
    date = &today;
  if (g_date_compare (date, &self->date) == 0)
    return;
  self->date = *date;
  self->follow_today = g_date_compare (date, &today) == 0;
  g_list_store_remove_all (self->lines);
  cg_checks_page_load_all (self);
}

static void
on_previous_day_clicked_cb (CgChecksPage *self)
{
  GDate date = self->date;

  g_date_subtract_days (&date, 1);
  set_date (self, &date);
}

static void
on_next_day_clicked_cb (CgChecksPage *self)
{
  GDate date = self->date;

  g_date_add_days (&date, 1);
  set_date (self, &date);
}

static void
on_back_to_today_clicked_cb (CgChecksPage *self)
{
  GDate today;

  cg_date_today (&today);
  set_date (self, &today);
}

static void
on_calendar_day_selected_cb (CgChecksPage *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when),
                  g_date_time_get_month (when), g_date_time_get_year (when));
  gtk_popover_popdown (gtk_menu_button_get_popover (self->date_button));
  set_date (self, &date);
}

/* ---- public ----------------------------------------------------------- */

/**
 * cg_checks_page_show_person:
 * Shows today's line of @person_id (in a group that holds it) with the
 * focus in the temperature field, as an alert about a missing check asks.
 */
void
cg_checks_page_show_person (CgChecksPage *self,
                            gint64        person_id)
{
  GDate today;
  guint n;

  g_return_if_fail (CG_IS_CHECKS_PAGE (self));

  gtk_toggle_button_set_active (self->today_button, TRUE);
  cg_date_today (&today);
  if (!self->loaded || g_date_compare (&today, &self->date) != 0)
    {
      self->follow_today = TRUE;
      g_list_store_remove_all (self->lines);
      cg_checks_page_load_all (self);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      guint position;

      if (cg_person_get_id (line->person) != person_id)
        continue;
      if (!line_in_group (line, self->group_key)
          || (gtk_toggle_button_get_active (self->missing_button) && !line->missing_listed))
        {
          for (guint g = 0; g < self->group_keys->len; g++)
            if (g_str_equal (self->group_keys->pdata[g], "everyone")
                || (g_str_equal (self->group_keys->pdata[g], "staff")
                    && cg_person_get_kind (line->person) == CG_PERSON_STAFF))
              {
                gtk_toggle_button_set_active (self->missing_button, FALSE);
                gtk_drop_down_set_selected (self->group_dropdown, g);
                break;
              }
        }
      position = cg_checks_page_line_position (self, line);
      if (position != G_MAXUINT)
        cg_checks_page_focus_position (self, position);
      return;
    }
}

/* ---- object ----------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgChecksPage *self = CG_CHECKS_PAGE (widget);

  gtk_toggle_button_set_active (self->history_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->history_search_entry));
}

static void
cg_checks_page_map (GtkWidget *widget)
{
  CgChecksPage *self = CG_CHECKS_PAGE (widget);
  GDate today;

  GTK_WIDGET_CLASS (cg_checks_page_parent_class)->map (widget);

  if (self->history != NULL && gtk_toggle_button_get_active (self->history_button))
    cg_check_history_model_set_paused (self->history, FALSE);

  cg_date_today (&today);
  if (!self->loaded || self->needs_reload
      || (self->follow_today && g_date_compare (&today, &self->date) != 0))
    cg_checks_page_load_all (self);
}

/* Hidden, the history hears of changes but does not redraw a million rows
 * for each. */
static void
cg_checks_page_unmap (GtkWidget *widget)
{
  CgChecksPage *self = CG_CHECKS_PAGE (widget);

  if (self->history != NULL)
    cg_check_history_model_set_paused (self->history, TRUE);

  GTK_WIDGET_CLASS (cg_checks_page_parent_class)->unmap (widget);
}

static void
cg_checks_page_constructed (GObject *object)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  G_OBJECT_CLASS (cg_checks_page_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
cg_checks_page_dispose (GObject *object)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  cg_checks_page_stop_focus_tracking (self);
  if (self->grid_view != NULL)
    gtk_list_view_set_model (self->grid_view, NULL);
  if (self->history_view != NULL)
    gtk_column_view_set_model (self->history_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_CHECKS_PAGE);
  g_clear_object (&self->history);
  g_clear_object (&self->filtered);
  g_clear_object (&self->lines);
  g_clear_object (&self->group_names);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_checks_page_parent_class)->dispose (object);
}

static void
cg_checks_page_finalize (GObject *object)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  g_free (self->group_key);

  G_OBJECT_CLASS (cg_checks_page_parent_class)->finalize (object);
}

static void
cg_checks_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODULE:
      g_value_set_pointer (value, (gpointer) self->module);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_checks_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MODULE:
      self->module = g_value_get_pointer (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cg_import_dialog_run (widget, CG_CHECKS_PAGE (widget)->store, CG_REGISTER_CHECKS);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_CHECKS);
}

static void
cg_checks_page_class_init (CgChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_checks_page_constructed;
  object_class->dispose = cg_checks_page_dispose;
  object_class->finalize = cg_checks_page_finalize;
  object_class->get_property = cg_checks_page_get_property;
  object_class->set_property = cg_checks_page_set_property;
  widget_class->map = cg_checks_page_map;
  widget_class->unmap = cg_checks_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, tools_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, previous_day_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, next_day_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, back_to_today_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, missing_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_count_label);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, day_notice);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, all_checked_page);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_error_page);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_missing_toggled_cb);
  cg_checks_page_history_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "checks.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "checks.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "checks.template", NULL, template_action);
}

static void
cg_checks_page_init (CgChecksPage *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkShortcutController *shortcuts;

  self->follow_today = TRUE;
  self->group_key = g_strdup ("residents");
  self->group_keys = g_ptr_array_new_with_free_func (g_free);
  cg_date_today (&self->date);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lines = g_list_store_new (CG_TYPE_CHECK_LINE);
  self->filter = gtk_custom_filter_new (filter_line_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->lines)),
                                              GTK_FILTER (self->filter));
  factory = cg_checks_grid_factory_new (self);
  gtk_list_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  self->group_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->group_names));
  g_signal_connect (self->group_dropdown, "notify::selected", G_CALLBACK (on_group_selected_cb), self);

  cg_checks_page_setup_history_columns (self);
  cg_stack_show_only (self->view_stack, "today");
  cg_stack_show_only (self->tools_stack, "today");
  cg_stack_show_only (self->history_stack, "list");

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("checks.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

GtkWidget *
cg_checks_page_new (CgStore        *store,
                    const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_CHECKS_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
