/* cg-tests-page.c — staff nucleic-acid tests: who is overdue, who is due soon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the page: what it shows, the loading in a thread and
 * the object.  A row of the register and its columns are in
 * cg-tests-row.c, the filters in cg-tests-filters.c, the side panel in
 * cg-tests-panel.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-import-dialog.h"

#include "cg-date.h"
#include "cg-tests-page-private.h"
#include "cg-widgets.h"

G_DEFINE_FINAL_TYPE (CgTestsPage, cg_tests_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* ---- what the page shows -------------------------------------------- */

void
cg_tests_page_update_view (CgTestsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n_rows = g_list_model_get_n_items (model);
  guint n_group = 0;

  if (self->load_error != NULL)
    {
      adw_status_page_set_description (self->error_page, self->load_error);
      cg_stack_show_only (self->stack, "error");
      return;
    }
  if (!self->loaded)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      cg_stack_show_only (self->stack, "loading");
      return;
    }
  gtk_spinner_set_spinning (self->spinner, FALSE);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (cg_tests_page_row_in_group (self, row))
        n_group++;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_rows > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->state_box), n_group > 0);

  if (n_group == 0 && self->search_text == NULL)
    {
      cg_stack_show_only (self->stack, "empty");
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    {
      if (self->search_text != NULL)
        {
          adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");
          adw_status_page_set_title (self->no_results_page, _("No Results Found"));
          adw_status_page_set_description (self->no_results_page,
                                           self->state_filter != STATE_ANY
                                           ? _("Nobody of that name or ID number is in this state. Choose “All” to see everyone found.")
                                           : _("Try another name or ID number."));
        }
      else
        {
          adw_status_page_set_icon_name (self->no_results_page, "object-select-symbolic");
          adw_status_page_set_title (self->no_results_page, _("Nobody in This State"));
          adw_status_page_set_description (self->no_results_page,
                                           _("Choose “All” to see everyone."));
        }
      cg_stack_show_only (self->stack, "no-results");
      return;
    }
  cg_stack_show_only (self->stack, "list");
}

static void
update_rule_label (CgTestsPage *self)
{
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!self->loaded)
    {
      gtk_label_set_text (self->rule_label, "");
      return;
    }
  day = cg_date_to_iso (&self->loaded_date);
  if (self->ch5_applies)
    /* Translators: the test interval of the policy, e.g. "Every 28 days (CH-5)" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d day (CH-5)", "Every %d days (CH-5)",
                                         self->interval_days),
                            self->interval_days);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d day", "Every %d days",
                                         self->interval_days),
                            self->interval_days);
  tooltip = g_strdup_printf (_("The state of each test as of %s. The interval is a policy value, changed in Preferences."),
                             day);
  gtk_label_set_text (self->rule_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rule_label), tooltip);
}

/* Replaces only the rows that changed, so that a new result keeps the
 * scroll position and the selection of a long list. */
static void
update_rows (CgTestsPage *self,
             GPtrArray   *rows)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = rows->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(CgTestRow) old = g_list_model_get_item (model, prefix);

      if (!cg_test_row_equal (old, g_ptr_array_index (rows, prefix)))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(CgTestRow) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!cg_test_row_equal (old, g_ptr_array_index (rows, n_new - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix == n_old && prefix == n_new)
    return;
  g_list_store_splice (self->rows, prefix, n_old - prefix - suffix,
                       rows->pdata + prefix, n_new - prefix - suffix);
}

static void
select_person (CgTestsPage *self,
               gint64       person_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (cg_person_get_id (row->person) == person_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* ---- loading in a thread -------------------------------------------- */

typedef struct
{
  GPtrArray *rows;            /* CgTestRow, built in the thread */
  int        interval_days;
  int        isolation_days;
  gboolean   ch5_applies;
  GDate      today;           /* the day the states are as of */
} LoadOutput;

static void
load_output_free (LoadOutput *output)
{
  g_clear_pointer (&output->rows, g_ptr_array_unref);
  g_free (output);
}

/* In the loader's thread, with a store of its own: the window's stays
 * free for the user. */
static gpointer
load_thread (CgStore        *store,
             const CgModule *module,
             const CgPolicy *policy,
             const GDate    *today,
             gpointer        input,
             GError        **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *window_iso = NULL;
  LoadOutput *output;
  GDate window;

  statuses = cg_nat_status_list (store, policy, today, -1, error);
  if (statuses == NULL)
    return NULL;
  output = g_new0 (LoadOutput, 1);
  output->today = *today;
  output->interval_days = cg_policy_get_int (policy, CG_POLICY_TEST_INTERVAL_DAYS);
  output->isolation_days = cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS);
  output->ch5_applies = cg_policy_applies (policy, "CH-5");

  /* The rows too: sorting keys for a thousand names take a while. */
  window = *today;
  g_date_subtract_days (&window, (guint) output->isolation_days);
  window_iso = cg_date_to_iso (&window);
  output->rows = g_ptr_array_new_full (statuses->len, g_object_unref);
  for (guint i = 0; i < statuses->len; i++)
    g_ptr_array_add (output->rows, cg_test_row_new (g_ptr_array_index (statuses, i),
                                                 window_iso, output->isolation_days));
  return output;
}

static void
on_loaded_cb (GtkWidget    *page,
              gpointer      data,
              const GError *error)
{
  CgTestsPage *self = CG_TESTS_PAGE (page);
  LoadOutput *output = data;
  CgTestRow *selected;
  gint64 selected_id;

  g_clear_pointer (&self->load_error, g_free);
  if (output == NULL)
    {
      self->load_error = g_strdup (error->message);
      cg_tests_page_update_view (self);
    }
  else
    {
      self->loaded = TRUE;
      self->loaded_date = output->today;
      self->interval_days = output->interval_days;
      self->isolation_days = output->isolation_days;
      self->ch5_applies = output->ch5_applies;

      selected = gtk_single_selection_get_selected_item (self->selection);
      selected_id = selected != NULL ? cg_person_get_id (selected->person) : 0;
      update_rows (self, output->rows);
      /* A changed row is a new object: keep the same person selected. */
      if (selected_id != 0)
        select_person (self, selected_id);
      load_output_free (output);
      update_rule_label (self);
      cg_tests_page_update_chips (self);
      cg_tests_page_update_view (self);
      cg_tests_page_panel_refresh (self);
    }
}

/* A read starts: the spinner until the first one is over. */
static void
on_loading_cb (GtkWidget *page,
               gboolean   first)
{
  cg_tests_page_update_view (CG_TESTS_PAGE (page));
}

static const CgPageLoaderFuncs loader_funcs = {
  .load = load_thread,
  .loaded = on_loaded_cb,
  .output_free = (GDestroyNotify) load_output_free,
  .begin = on_loading_cb,
};

/* ---- actions -------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- object --------------------------------------------------------- */

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

/* Loads when first shown, and again when the day has turned or the
 * registers changed while the page was hidden. */
static void
cg_tests_page_map (GtkWidget *widget)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);

  GTK_WIDGET_CLASS (cg_tests_page_parent_class)->map (widget);

  if (self->loader != NULL)
    cg_page_loader_mapped_daily (self->loader);
}

static void
cg_tests_page_constructed (GObject *object)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);
  static const char * const tables[] = { "nat_test", "person", "policy", "institution", NULL };

  G_OBJECT_CLASS (cg_tests_page_parent_class)->constructed (object);

  if (self->module == NULL)
    self->module = &cg_module_care_home;
  cg_tests_page_setup_kind_filter (self);
  if (self->store != NULL)
    self->loader = cg_page_loader_new (GTK_WIDGET (self), self->store, self->module, &loader_funcs, tables);
  cg_tests_page_update_view (self);
}

static void
cg_tests_page_dispose (GObject *object)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

  g_clear_pointer (&self->loader, cg_page_loader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TESTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_tests_page_parent_class)->dispose (object);
}

static void
cg_tests_page_finalize (GObject *object)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

  g_free (self->search_text);
  g_free (self->load_error);

  G_OBJECT_CLASS (cg_tests_page_parent_class)->finalize (object);
}

static void
cg_tests_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

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
cg_tests_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

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
  cg_import_dialog_run (widget, CG_TESTS_PAGE (widget)->store, CG_REGISTER_TESTS);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_TESTS);
}

static void
cg_tests_page_class_init (CgTestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_tests_page_constructed;
  object_class->dispose = cg_tests_page_dispose;
  object_class->finalize = cg_tests_page_finalize;
  object_class->get_property = cg_tests_page_get_property;
  object_class->set_property = cg_tests_page_set_property;
  widget_class->map = cg_tests_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-tests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, kind_box);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, rule_label);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, state_box);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_name);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_summary);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_state);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_detail);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, history_list);
  cg_tests_page_filters_class_init (widget_class);
  cg_tests_page_panel_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "tests.record", NULL, cg_tests_page_record_action);
  gtk_widget_class_install_action (widget_class, "tests.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "tests.template", NULL, template_action);
  gtk_widget_class_install_action (widget_class, "tests.show-history", NULL, cg_tests_page_show_history_action);
  gtk_widget_class_install_action (widget_class, "tests.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "tests.close-history", NULL, cg_tests_page_close_history_action);
}

static void
cg_tests_page_init (CgTestsPage *self)
{
  GtkShortcutController *shortcuts;
  g_autoptr(GtkMultiSorter) sorter = gtk_multi_sorter_new ();

  self->kind_filter = KIND_TO_TEST;
  self->state_filter = STATE_ANY;
  gtk_widget_init_template (GTK_WIDGET (self));

  cg_tests_page_setup_columns (self);

  self->rows = g_list_store_new (CG_TYPE_TEST_ROW);
  self->filter = gtk_custom_filter_new (cg_tests_page_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* A click on a header sorts by that column; urgency settles the ties. */
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter, cg_tests_create_sorter (COLUMN_STATE));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (cg_tests_page_selection_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tests.show-history", FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  cg_tests_page_setup_state_chips (self);

  /* Typing anywhere on the page goes to the search field. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* Managed by the window, so the keys work wherever the focus is while
   * the page is shown. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, "<Control>n", "tests.record");
  add_shortcut (shortcuts, "<Control>f", "tests.search");
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

GtkWidget *
cg_tests_page_new (CgStore        *store,
                   const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_TESTS_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
