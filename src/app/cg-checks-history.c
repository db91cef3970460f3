/* cg-checks-history.c — the Checks page: the History view, every check
 * out of SQLite a page at a time, and the switch between the two views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "CgChecksPage"

#include <glib/gi18n-lib.h>

#include "cg-checks-page-private.h"

/* ---- history ---------------------------------------------------------- */

typedef enum
{
  HISTORY_DATE,
  HISTORY_TIME,
  HISTORY_NAME,
  HISTORY_ROOM,
  HISTORY_TEMPERATURE,
  HISTORY_BAND,
  HISTORY_SYMPTOMS,
  HISTORY_ACTION,
  N_HISTORY_COLUMNS
} HistoryColumn;

static const struct
{
  const char *title;
  int         width;   /* 0: takes the remaining width */
  gboolean    numeric;
} history_columns[N_HISTORY_COLUMNS] = {
  [HISTORY_DATE]        = { N_("Date"),        110, TRUE  },
  [HISTORY_TIME]        = { N_("Time"),         70, TRUE  },
  [HISTORY_NAME]        = { N_("Name"),        130, FALSE },
  [HISTORY_ROOM]        = { N_("Room"),         80, TRUE  },
  [HISTORY_TEMPERATURE] = { N_("Temperature"),  110, TRUE  },
  [HISTORY_BAND]        = { N_("Band"),        130, FALSE },
  [HISTORY_SYMPTOMS]    = { N_("Symptoms"),    160, FALSE },
  [HISTORY_ACTION]      = { N_("Action Taken"),  0, FALSE },
};

static void
history_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  HistoryColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (history_columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
history_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  HistoryColumn column = GPOINTER_TO_UINT (user_data);
  CgCheckRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = "";

  switch (column)
    {
    case HISTORY_DATE: text = cg_check_row_get_date (row); break;
    case HISTORY_TIME: text = cg_check_row_get_time (row); break;
    case HISTORY_NAME: text = cg_check_row_get_name (row); break;
    case HISTORY_ROOM: text = cg_check_row_get_room (row); break;
    case HISTORY_TEMPERATURE: text = cg_check_row_get_temperature_text (row); break;
    case HISTORY_BAND: text = cg_check_row_get_band_label (row); break;
    case HISTORY_SYMPTOMS: text = cg_check_row_get_symptoms_text (row); break;
    case HISTORY_ACTION: text = cg_check_row_get_action (row); break;
    case N_HISTORY_COLUMNS:
    default:
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == HISTORY_ACTION || column == HISTORY_SYMPTOMS)
    gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
  if (column == HISTORY_BAND)
    cg_checks_set_band_style (label, cg_check_row_get_band (row), cg_check_row_get_id (row) != 0);
  else if (column == HISTORY_TEMPERATURE)
    cg_checks_set_band_style (label, cg_check_row_get_band (row),
                    cg_check_row_get_id (row) != 0 && cg_check_row_get_band (row) != CG_BAND_NORMAL);
}

void
cg_checks_page_setup_history_columns (CgChecksPage *self)
{
  for (guint i = 0; i < N_HISTORY_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (history_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (history_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(history_columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (history_columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, history_columns[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->history_view, column);
    }
}

static void
update_history_state (CgChecksPage *self)
{
  const GError *error = cg_check_history_model_get_error (self->history);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  const char *search = cg_check_history_model_get_search (self->history);
  g_autofree char *count = NULL;

  if (error != NULL)
    {
      adw_status_page_set_description (self->history_error_page, error->message);
      cg_stack_show_only (self->history_stack, "error");
      gtk_label_set_text (self->history_count_label, "");
      return;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check", "%u checks", n), n);
  gtk_label_set_text (self->history_count_label, count);
  if (n > 0)
    cg_stack_show_only (self->history_stack, "list");
  else if (search != NULL && *search != '\0')
    cg_stack_show_only (self->history_stack, "no-results");
  else
    cg_stack_show_only (self->history_stack, "empty");
}

static void
ensure_history (CgChecksPage *self)
{
  GtkNoSelection *selection;
  gint64 start;

  if (self->history != NULL || self->store == NULL)
    return;
  if (self->policy == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!cg_checks_page_load_policy (self, &error))
        {
          adw_status_page_set_description (self->history_error_page, error->message);
          cg_stack_show_only (self->history_stack, "error");
          return;
        }
    }
  start = g_get_monotonic_time ();
  self->history = cg_check_history_model_new (self->store, self->policy);
  cg_check_history_model_set_search (self->history,
                                     gtk_editable_get_text (GTK_EDITABLE (self->history_search_entry)));
  g_signal_connect_object (self->history, "notify::n-items",
                           G_CALLBACK (update_history_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "items-changed",
                           G_CALLBACK (update_history_state), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_column_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_history_state (self);
  g_debug ("history model of %u checks set up in %.1f ms",
           g_list_model_get_n_items (G_LIST_MODEL (self->history)),
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
on_history_search_changed_cb (CgChecksPage *self)
{
  if (self->history == NULL)
    return;
  cg_check_history_model_set_search (self->history,
                                     gtk_editable_get_text (GTK_EDITABLE (self->history_search_entry)));
  update_history_state (self);
}

static void
on_history_stop_search_cb (CgChecksPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->history_search_entry), "");
}

/* How long a view takes to appear, for G_MESSAGES_DEBUG=CgChecksPage. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 *start = user_data;

  g_debug ("view painted %.1f ms after the switch", (g_get_monotonic_time () - *start) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  g_free (start);
}

static void
on_view_toggled_cb (CgChecksPage *self)
{
  const char *name = gtk_toggle_button_get_active (self->history_button) ? "history" : "today";
  gint64 *start;
  GdkFrameClock *clock;

  /* Both buttons of the pair report a toggle: act once. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), name) == 0)
    return;
  start = g_new (gint64, 1);
  *start = g_get_monotonic_time ();
  if (g_str_equal (name, "history"))
    {
      ensure_history (self);
      if (self->history != NULL)
        cg_check_history_model_set_paused (self->history, FALSE);
    }
  else if (self->history != NULL)
    cg_check_history_model_set_paused (self->history, TRUE);
  cg_stack_show_only (self->view_stack, name);
  cg_stack_show_only (self->tools_stack, name);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), start);
  else
    g_free (start);
}

/**
 * cg_checks_page_show_history:
 * Shows the History view searched for @search (a name, ID number or room).
 */
void
cg_checks_page_show_history (CgChecksPage *self,
                             const char   *search)
{
  g_return_if_fail (CG_IS_CHECKS_PAGE (self));

  gtk_toggle_button_set_active (self->history_button, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->history_search_entry), search != NULL ? search : "");
  on_history_search_changed_cb (self);
}

/* The History view's template callbacks: the view switch and the search. */
void
cg_checks_page_history_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_stop_search_cb);
}
