/* cg-tests-panel.c — the Tests page: the side panel of one person's
 * samples, and the sample dialog opened from the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-sample-dialog.h"
#include "cg-tests-page-private.h"

static GtkWindow *
get_parent_window (CgTestsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (CgTestsPage *self,
            const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static CgTestRow *
find_row (CgTestsPage *self,
          gint64       person_id)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (cg_person_get_id (row->person) == person_id)
        return row;   /* the store keeps its own reference */
    }
  return NULL;
}

/* ---- the side panel: one person's samples --------------------------- */

static CgNatTest *
nat_test_copy (const CgNatTest *test)
{
  CgNatTest *copy = cg_nat_test_new ();

  copy->id = test->id;
  copy->person_id = test->person_id;
  copy->sampled_on = g_strdup (test->sampled_on);
  copy->result = test->result;
  copy->result_on = g_strdup (test->result_on);
  g_free (copy->site);
  copy->site = g_strdup (test->site != NULL ? test->site : "");
  return copy;
}

static void
on_dialog_saved_cb (CgSampleDialog *dialog,
                    const char     *message,
                    CgTestsPage    *self)
{
  show_toast (self, message);
}

static void
on_enter_result_clicked_cb (GtkButton   *button,
                            CgTestsPage *self)
{
  CgNatTest *test = g_object_get_data (G_OBJECT (button), "cg-test");
  CgTestRow *row = find_row (self, self->panel_person_id);
  CgSampleDialog *dialog;

  if (test == NULL || row == NULL)
    return;
  dialog = cg_sample_dialog_new_for_result (get_parent_window (self), self->store, row->person, test);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
history_row_new (CgTestsPage     *self,
                 const CgNatTest *test)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (cg_nat_result_label (test->result));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  GString *text = g_string_new (NULL);

  /* Translators: a row of a person's test history */
  title = g_strdup_printf (_("Sampled %s"), test->sampled_on);
  if (test->result != CG_NAT_PENDING && test->result_on != NULL)
    g_string_append_printf (text, _("Result on %s"), test->result_on);
  else if (test->result == CG_NAT_PENDING)
    g_string_append (text, _("Waiting for the result"));
  if (test->site != NULL && *test->site != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, test->site);
    }
  subtitle = g_string_free (text, FALSE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "cg-state-pill");
  gtk_widget_add_css_class (pill, test->result == CG_NAT_NEGATIVE ? "ok"
                                  : test->result == CG_NAT_POSITIVE ? "positive" : "never");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  if (test->result == CG_NAT_PENDING)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Enter Result…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "cg-test", nat_test_copy (test),
                              (GDestroyNotify) cg_nat_test_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_enter_result_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static char *
panel_detail_text (CgTestsPage *self,
                   CgTestRow   *row)
{
  g_autofree char *days = cg_test_row_days_text (row);
  GString *text = g_string_new (NULL);

  switch (row->state)
    {
    case ROW_POSITIVE:
      g_string_append_printf (text, _("Latest result positive (sampled %s): isolate and report at once (ALL-9)."),
                              row->latest_sampled_on != NULL ? row->latest_sampled_on : "");
      break;
    case ROW_OVERDUE:
    case ROW_DUE_SOON:
    case ROW_OK:
      /* Translators: "Next test due 2026-11-30 (in 7 days)." */
      g_string_append_printf (text, _("Next test due %s (%s)."), row->next_due, days);
      break;
    case ROW_NEVER:
      if (row->new_arrival && row->isolation_until != NULL)
        g_string_append_printf (text, _("Arrived %s: a negative test is needed during the isolation observation, until %s (ALL-6)."),
                                cg_person_get_arrived_on (row->person), row->isolation_until);
      else
        g_string_append (text, _("No negative test on record."));
      break;
    case ROW_NOT_REQUIRED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Not required: tests are for staff, and for new arrivals during their first %d day (ALL-6).",
                                                 "Not required: tests are for staff, and for new arrivals during their first %d days (ALL-6).",
                                                 self->isolation_days),
                              self->isolation_days);
      break;
    case N_ROW_STATES:
    default:
      break;
    }
  if (row->pending)
    g_string_append_printf (text, " %s", _("A sample is waiting for its result."));
  return g_string_free (text, FALSE);
}

static void
panel_fill (CgTestsPage *self,
            CgTestRow   *row)
{
  g_autoptr(GPtrArray) tests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *detail = NULL;
  GString *summary = g_string_new (cg_person_kind_label (cg_person_get_kind (row->person)));
  GtkWidget *child;

  gtk_label_set_text (self->panel_name, cg_person_get_name (row->person));
  if (cg_test_row_place (row) != NULL && *cg_test_row_place (row) != '\0')
    g_string_append_printf (summary, " · %s", cg_test_row_place (row));
  g_object_get (row->person, "masked-id", &masked, NULL);
  if (masked != NULL && *masked != '\0')
    g_string_append_printf (summary, " · %s", masked);
  gtk_label_set_text (self->panel_summary, summary->str);
  g_string_free (summary, TRUE);

  gtk_label_set_text (self->panel_state, cg_tests_row_state_label (row->state));
  cg_tests_set_state_class (GTK_WIDGET (self->panel_state), cg_tests_row_state_classes[row->state]);
  detail = panel_detail_text (self, row);
  gtk_label_set_text (self->panel_detail, detail);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  tests = cg_nat_test_list_for_person (self->store, cg_person_get_id (row->person), &error);
  if (tests == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_list_box_set_placeholder (self->history_list, label);
      return;
    }
  if (tests->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No samples recorded"));

      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_set_placeholder (self->history_list, label);
    }
  for (guint i = 0; i < tests->len; i++)
    gtk_list_box_append (self->history_list, history_row_new (self, g_ptr_array_index (tests, i)));
}

static void
panel_close (CgTestsPage *self)
{
  self->panel_person_id = 0;
  gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
}

static void
panel_show (CgTestsPage *self,
            CgTestRow   *row)
{
  self->panel_person_id = cg_person_get_id (row->person);
  panel_fill (self, row);
  gtk_widget_set_visible (GTK_WIDGET (self->panel_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
}

void
cg_tests_page_panel_refresh (CgTestsPage *self)
{
  CgTestRow *row;

  if (self->panel_person_id == 0)
    return;
  row = find_row (self, self->panel_person_id);
  if (row == NULL)
    panel_close (self);
  else
    panel_fill (self, row);
}

/* Hidden once closed, so that the accessibility tree holds only what is
 * on screen. */
static void
on_panel_revealed_cb (CgTestsPage *self)
{
  if (!gtk_revealer_get_child_revealed (self->panel_revealer)
      && !gtk_revealer_get_reveal_child (self->panel_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->panel_revealer), FALSE);
}

void
cg_tests_page_row_activated_cb (CgTestsPage *self,
                                guint        position)
{
  g_autoptr(CgTestRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    panel_show (self, row);
}

/* While the panel is open it follows the selection. */
void
cg_tests_page_selection_changed_cb (CgTestsPage *self)
{
  CgTestRow *row = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tests.show-history", row != NULL);
  if (row != NULL && self->panel_person_id != 0
      && cg_person_get_id (row->person) != self->panel_person_id)
    panel_show (self, row);
}

/* ---- actions -------------------------------------------------------- */

void
cg_tests_page_record_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);
  CgTestRow *row = NULL;
  CgSampleDialog *dialog;

  if (self->panel_person_id != 0)
    row = find_row (self, self->panel_person_id);
  if (row == NULL)
    row = gtk_single_selection_get_selected_item (self->selection);

  dialog = cg_sample_dialog_new (get_parent_window (self), self->store,
                                 row != NULL ? row->person : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cg_tests_page_show_history_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);
  CgTestRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL)
    panel_show (self, row);
}

void
cg_tests_page_close_history_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  panel_close (CG_TESTS_PAGE (widget));
}

/* The panel's template callbacks; the row activation keeps the name the
 * template knows it by. */
void
cg_tests_page_panel_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated_cb",
                                                G_CALLBACK (cg_tests_page_row_activated_cb));
  gtk_widget_class_bind_template_callback (widget_class, on_panel_revealed_cb);
}
