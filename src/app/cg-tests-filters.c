/* cg-tests-filters.c — the Tests page: who the register lists, by kind,
 * by state and by a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-tests-page-private.h"

/* The filter buttons above the list. */
static const char * const row_state_chips[N_ROW_STATES] = {
  N_("Positive"), N_("Overdue"), N_("No Negative Test"), N_("Due Soon"),
  N_("Up to Date"), N_("Not Required"),
};

static const char * const kind_plurals[CG_N_PERSON_KINDS] = {
  N_("Staff"), N_("Residents"), N_("Children"), N_("Aid Recipients"),
};

/* ---- filters -------------------------------------------------------- */

gboolean
cg_tests_page_row_in_group (CgTestsPage *self,
                            CgTestRow   *row)
{
  if (self->kind_filter == KIND_TO_TEST)
    return row->required || row->state == ROW_POSITIVE;
  if (self->kind_filter == KIND_EVERYONE)
    return TRUE;
  return (int) cg_person_get_kind (row->person) == self->kind_filter;
}

static gboolean
row_matches_search (CgTestsPage *self,
                    CgTestRow   *row)
{
  return self->search_text == NULL || strstr (row->search_text, self->search_text) != NULL;
}

gboolean
cg_tests_page_filter_func (gpointer item,
                           gpointer user_data)
{
  CgTestsPage *self = user_data;
  CgTestRow *row = item;

  return cg_tests_page_row_in_group (self, row)
         && row_matches_search (self, row)
         && (self->state_filter == STATE_ANY || (int) row->state == self->state_filter);
}

void
cg_tests_page_update_chips (CgTestsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (model);
  guint counts[N_ROW_STATES + 1] = { 0, };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (!cg_tests_page_row_in_group (self, row) || !row_matches_search (self, row))
        continue;
      counts[0]++;
      counts[row->state + 1]++;
    }

  for (guint i = 0; i <= N_ROW_STATES; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);
      g_autofree char *description = NULL;

      gtk_label_set_text (self->chip_counts[i], count);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", counts[i]),
                                     counts[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_chips[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      /* A state nobody is in is no use as a filter, unless it is on. */
      if (i > 0)
        gtk_widget_set_visible (GTK_WIDGET (self->state_chips[i]),
                                counts[i] > 0 || gtk_toggle_button_get_active (self->state_chips[i])
                                || i - 1 != ROW_NOT_REQUIRED);
      if (i > 0)
        gtk_widget_set_sensitive (GTK_WIDGET (self->state_chips[i]),
                                  counts[i] > 0 || gtk_toggle_button_get_active (self->state_chips[i]));
    }
}

static void
filters_changed (CgTestsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  cg_tests_page_update_chips (self);
  cg_tests_page_update_view (self);
}

static void
on_search_changed_cb (CgTestsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->search_text, g_free);
  if (*text != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  filters_changed (self);
}

static void
on_stop_search_cb (CgTestsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search field opens the one person it found. */
static void
on_search_activated_cb (CgTestsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  if (g_list_model_get_n_items (model) == 1)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      cg_tests_page_row_activated_cb (self, 0);
    }
  else if (g_list_model_get_n_items (model) > 1)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

static void
on_kind_toggled_cb (GtkToggleButton *button,
                    CgTestsPage     *self)
{
  int kind;

  if (!gtk_toggle_button_get_active (button))
    return;
  kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cg-kind"));
  self->kind_filter = kind;
  filters_changed (self);
}

static GtkWidget *
add_kind_button (CgTestsPage     *self,
                 const char      *label,
                 const char      *tooltip,
                 int              kind,
                 GtkToggleButton *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "cg-kind", GINT_TO_POINTER (kind));
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
  gtk_box_append (self->kind_box, button);
  return button;
}

void
cg_tests_page_setup_kind_filter (CgTestsPage *self)
{
  GtkWidget *to_test;
  guint n_others = 0;

  if (self->module->n_person_kinds < 2)
    {
      /* Staff only (a funeral home): everyone is to be tested, and a
       * column of kinds would say "Staff" on every row.  Removed, not
       * hidden: GTK 4.8 still counts a hidden column's width. */
      gtk_widget_set_visible (GTK_WIDGET (self->kind_box), FALSE);
      gtk_column_view_remove_column (self->column_view, self->kind_column);
      self->kind_column = NULL;
      return;
    }

  for (guint i = 0; i < self->module->n_person_kinds; i++)
    if (self->module->person_kinds[i] != CG_PERSON_STAFF)
      n_others++;

  to_test = add_kind_button (self, _("To Be Tested"),
                             _("Staff, and people who arrived within the isolation period"),
                             KIND_TO_TEST, NULL);
  for (guint i = 0; i < self->module->n_person_kinds; i++)
    {
      CgPersonKind kind = self->module->person_kinds[i];
      const char *label;

      if (kind != CG_PERSON_STAFF && n_others == 1 && self->module->residents_title != NULL)
        label = _(self->module->residents_title);
      else
        label = _(kind_plurals[kind]);
      add_kind_button (self, label, NULL, kind, GTK_TOGGLE_BUTTON (to_test));
    }
  add_kind_button (self, _("Everyone"), _("Everyone present"), KIND_EVERYONE,
                   GTK_TOGGLE_BUTTON (to_test));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (to_test), TRUE);
}

static void
on_state_chip_toggled_cb (GtkToggleButton *button,
                          CgTestsPage     *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->state_filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cg-state"));
  filters_changed (self);
}

void
cg_tests_page_setup_state_chips (CgTestsPage *self)
{
  for (int i = 0; i <= N_ROW_STATES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *title = i == 0 ? _("All") : _(row_state_chips[i - 1]);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *count = gtk_label_new ("0");

      gtk_widget_add_css_class (count, "cg-state-chip-count");
      gtk_widget_add_css_class (count, "numeric");
      if (i - 1 == ROW_POSITIVE || i - 1 == ROW_OVERDUE)
        gtk_widget_add_css_class (count, "error");
      else if (i - 1 == ROW_DUE_SOON)
        gtk_widget_add_css_class (count, "warning");
      else if (i - 1 == ROW_OK)
        gtk_widget_add_css_class (count, "success");
      else
        gtk_widget_add_css_class (count, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (button), "cg-state", GINT_TO_POINTER (i == 0 ? STATE_ANY : i - 1));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->state_chips[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_state_chip_toggled_cb), self);
      gtk_box_append (self->state_box, button);
      self->state_chips[i] = GTK_TOGGLE_BUTTON (button);
      self->chip_counts[i] = GTK_LABEL (count);
    }
  gtk_toggle_button_set_active (self->state_chips[0], TRUE);
}

/* The search field's template callbacks. */
void
cg_tests_page_filters_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
}
