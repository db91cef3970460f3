/* cg-visitors-page.c — the gate: visitor check-in and check-out, the register, co-presence (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three views.  The Gate: the check-in form (cg-visit-form.c), the
 * program's verdict in large letters, and who is inside now against the
 * policy's limit, with their minutes (refreshed every 30 s) and a Check
 * Out button each.  The Register: every visit out of SQLite a page at a
 * time (cg-visit-history-model.c), searched by the beginning of a name,
 * ID number or phone, with "Who Was Here at the Same Time…" for tracing.
 * Per Day: admitted and refused visitors of the last 30 days, worked out
 * in a thread.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgVisitorsPage"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-chart-view.h"
#include "cg-copresence-dialog.h"
#include "cg-date.h"
#include "cg-import-dialog.h"
#include "cg-inside-list.h"
#include "cg-visit-form.h"
#include "cg-visit-history-model.h"
#include "cg-visitors-page.h"
#include "cg-widgets.h"

#define CHART_DAYS 30
/* The narrowest useful list of who is inside, beside the form; with less
 * room the two stack up. */
#define INSIDE_MIN_WIDTH 340

static const double GREEN[3] = { 0.180, 0.761, 0.494 };
static const double RED[3]   = { 0.878, 0.106, 0.141 };
static const double ORANGE[3] = { 1.000, 0.471, 0.000 };

struct _CgVisitorsPage
{
  AdwBin               parent_instance;
  CgStore             *store;
  const CgModule      *module;
  CgPolicy            *policy;

  AdwToastOverlay     *toast_overlay;
  GtkToggleButton     *gate_button;
  GtkToggleButton     *register_button;
  GtkToggleButton     *chart_button;
  GtkStack            *tools_stack;
  GtkLabel            *inside_summary_label;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkSpinner          *chart_spinner;
  GtkStack            *view_stack;
  GtkBox              *gate_box;
  GtkWidget           *form_card;
  CgVisitForm         *form;
  GtkWidget           *verdict_box;
  GtkLabel            *verdict_label;
  GtkLabel            *verdict_detail_label;
  GtkLabel            *inside_label;
  GtkLabel            *inside_hint_label;
  GtkListBox          *inside_list;
  GtkStack            *register_stack;
  GtkColumnView       *register_view;
  AdwStatusPage       *register_error_page;
  CgChartView         *chart;
  GMenuModel          *row_menu;

  CgInsideList        *inside;

  CgVisitHistoryModel *history;
  GtkSingleSelection  *selection;
  GtkWidget           *row_popover;
  GCancellable        *chart_cancellable;
  guint                layout_idle_id;
  gboolean             loaded;
  gboolean             chart_stale;
  gboolean             narrow;
  gboolean             layout_done;
  int                  width;
  int                  form_min_width;
};

G_DEFINE_FINAL_TYPE (CgVisitorsPage, cg_visitors_page, ADW_TYPE_BIN)

static void load_policy     (CgVisitorsPage *self);
static void start_chart_job (CgVisitorsPage *self);

static void
show_toast (CgVisitorsPage *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWindow *
parent_window (CgVisitorsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- policy --------------------------------------------------------------- */

static void
load_policy (CgVisitorsPage *self)
{
  g_autoptr(GError) error = NULL;
  CgPolicy *policy;

  if (self->store == NULL || self->module == NULL)
    return;
  policy = cg_module_load_policy (self->module, self->store, &error);
  if (policy == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->policy, cg_policy_free);
  self->policy = policy;
  cg_visit_form_set_policy (self->form, policy);
  cg_inside_list_set_policy (self->inside, policy);
  if (self->history != NULL)
    cg_visit_history_model_set_policy (self->history, policy);
}

/* ---- the verdict ------------------------------------------------------------ */

static void
on_checked_in_cb (CgVisitorsPage *self,
                  const CgVisit  *visit)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *when = cg_datetime_utc_to_local (visit->arrived_at);
  GtkWidget *label = GTK_WIDGET (self->verdict_label);

  gtk_widget_remove_css_class (self->verdict_box, "admitted");
  gtk_widget_remove_css_class (self->verdict_box, "refused");
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (visit->refusal == 0)
    {
      title = g_strdup (C_("visit", "Admitted"));
      gtk_widget_add_css_class (self->verdict_box, "admitted");
      gtk_widget_add_css_class (label, "success");
    }
  else
    {
      g_autofree char *reasons = cg_refusal_describe (visit->refusal);

      /* Translators: the gate's verdict; %s lists the reasons (ALL-4) */
      title = g_strdup_printf (_("Refused: %s"), reasons);
      gtk_widget_add_css_class (self->verdict_box, "refused");
      gtk_widget_add_css_class (label, "error");
    }
  if (visit->refusal == 0)
    /* Translators: under "Admitted": the visitor's name and the time */
    detail = g_strdup_printf (_("%s, checked in at %s. Check the visitor out when they leave."),
                              visit->visitor_name, when != NULL ? when + 11 : "");
  else
    /* Translators: under "Refused: …": the visitor's name and the time */
    detail = g_strdup_printf (_("%s, at %s. The refusal is registered with its reason; the visitor may not enter."),
                              visit->visitor_name, when != NULL ? when + 11 : "");
  gtk_label_set_text (self->verdict_label, title);
  gtk_label_set_text (self->verdict_detail_label, detail);
  gtk_widget_set_visible (self->verdict_box, TRUE);
  cg_inside_list_refresh (self->inside);
}

/* ---- inside now -------------------------------------------------------------- */

/* The row and its button are gone: back to the form for the next visitor. */
static void
on_inside_checked_out_cb (CgVisitorsPage *self)
{
  cg_visit_form_focus (self->form);
}

/* ---- the register --------------------------------------------------------------- */

static const struct
{
  const char *title;
  int         width;   /* 0: takes the remaining width */
  gboolean    numeric;
} register_columns[CG_N_VISIT_COLS] = {
  [CG_VISIT_COL_DATE]          = { NC_("visit register", "Arrived"),        135, TRUE  },
  [CG_VISIT_COL_VISITOR]       = { NC_("visit register", "Visitor"),         75, FALSE },
  [CG_VISIT_COL_MASKED_ID]     = { NC_("visit register", "ID Number"),      150, TRUE  },
  [CG_VISIT_COL_PHONE]         = { NC_("visit register", "Phone"),          105, TRUE  },
  [CG_VISIT_COL_VISITING]      = { NC_("visit register", "Visiting"),       105, FALSE },
  [CG_VISIT_COL_RELATIONSHIP]  = { NC_("visit register", "Relationship"),    60, FALSE },
  [CG_VISIT_COL_TEMPERATURE]   = { NC_("visit register", "Temperature"),     70, TRUE  },
  [CG_VISIT_COL_HEALTH_CODE]   = { NC_("visit register", "Health Code"),     65, FALSE },
  [CG_VISIT_COL_RESULT]        = { NC_("visit register", "Admitted/Refused"), 0, FALSE },
  [CG_VISIT_COL_LEFT]          = { NC_("visit register", "Left"),            55, TRUE  },
  [CG_VISIT_COL_REGISTERED_BY] = { NC_("visit register", "Registered By"),   70, FALSE },
};

/* One gesture on the whole view (not one per cell: GTK 4.8 pays for each
 * controller of the ~300 cells a screen of the register holds). */
static void
on_view_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CgVisitorsPage  *self)
{
  GtkWidget *view = GTK_WIDGET (self->register_view);
  GtkWidget *cell = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = NULL;
  graphene_point_t point;
  GdkRectangle rect;
  guint position;

  for (; cell != NULL && cell != view; cell = gtk_widget_get_parent (cell))
    if ((item = g_object_get_data (G_OBJECT (cell), "cg-list-item")) != NULL)
      break;
  if (item == NULL || (position = gtk_list_item_get_position (item)) == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  if (!gtk_widget_compute_point (view, GTK_WIDGET (self), &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    return;
  rect.x = (int) point.x;
  rect.y = (int) point.y;
  rect.width = rect.height = 1;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
register_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  CgVisitColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (register_columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "cg-list-item", item);
  gtk_list_item_set_child (item, label);
}

static void
register_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  CgVisitColumn column = GPOINTER_TO_UINT (user_data);
  CgVisitRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = cg_visit_row_get_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "success");
  if (column == CG_VISIT_COL_RESULT)
    {
      gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
      if (cg_visit_row_get_visit (row)->id != 0)
        gtk_widget_add_css_class (label, cg_visit_row_is_refused (row) ? "error" : "success");
    }
  else if (column == CG_VISIT_COL_LEFT && cg_visit_row_is_overstay (row))
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_tooltip_text (label, _("Overstay: longer than the policy's maximum stay"));
    }
  else if (column == CG_VISIT_COL_LEFT)
    gtk_widget_set_tooltip_text (label, NULL);
}

static void
setup_register_columns (CgVisitorsPage *self)
{
  for (guint i = 0; i < CG_N_VISIT_COLS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (register_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (register_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "visit register",
                                                                register_columns[i].title),
                                            factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (register_columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, register_columns[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->register_view, column);
    }
}

static const CgVisit *
selected_visit (CgVisitorsPage *self)
{
  CgVisitRow *row;

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL || cg_visit_row_get_visit (row)->id == 0)
    return NULL;
  return cg_visit_row_get_visit (row);
}

static void
update_actions (CgVisitorsPage *self)
{
  const CgVisit *visit = selected_visit (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visitors.copresence", visit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visitors.check-out-selected",
                                 visit != NULL && visit->refusal == 0 && visit->left_at == NULL);
}

static void
update_register_state (CgVisitorsPage *self)
{
  const GError *error;
  guint n;
  const char *search;
  g_autofree char *count = NULL;

  if (self->history == NULL)
    return;
  error = cg_visit_history_model_get_error (self->history);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  search = cg_visit_history_model_get_search (self->history);
  update_actions (self);
  if (error != NULL)
    {
      adw_status_page_set_description (self->register_error_page, error->message);
      cg_stack_show_only (self->register_stack, "error");
      gtk_label_set_text (self->count_label, "");
      return;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits", n), n);
  gtk_label_set_text (self->count_label, count);
  if (n > 0)
    cg_stack_show_only (self->register_stack, "list");
  else if (search != NULL && *search != '\0')
    cg_stack_show_only (self->register_stack, "no-results");
  else
    cg_stack_show_only (self->register_stack, "empty");
}

/* The rows are read again: a selected row would make GTK 4.8's
 * GtkSingleSelection look for it among all the new rows. */
static void
on_before_refresh_cb (CgVisitorsPage *self)
{
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
ensure_history (CgVisitorsPage *self)
{
  gint64 start;

  if (self->history != NULL || self->store == NULL)
    return;
  if (self->policy == NULL)
    load_policy (self);
  if (self->policy == NULL)
    return;
  start = g_get_monotonic_time ();
  self->history = cg_visit_history_model_new (self->store, self->policy);
  cg_visit_history_model_set_search (self->history,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_signal_connect_object (self->history, "items-changed",
                           G_CALLBACK (update_register_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "before-refresh",
                           G_CALLBACK (on_before_refresh_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->register_view, GTK_SELECTION_MODEL (self->selection));
  update_register_state (self);
  g_debug ("register of %u visits set up in %.1f ms",
           g_list_model_get_n_items (G_LIST_MODEL (self->history)),
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
on_search_changed_cb (CgVisitorsPage *self)
{
  gint64 start = g_get_monotonic_time ();

  if (self->history == NULL)
    return;
  /* Detached while the rows change: GTK 4.8's column view pays for an
   * "items-changed" over 200,000 rows far more than for a new model. */
  gtk_column_view_set_model (self->register_view, NULL);
  cg_visit_history_model_set_search (self->history,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_column_view_set_model (self->register_view, GTK_SELECTION_MODEL (self->selection));
  update_register_state (self);
  g_debug ("search %s: %u visits in %.1f ms", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
           g_list_model_get_n_items (G_LIST_MODEL (self->history)),
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
on_stop_search_cb (CgVisitorsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- the chart, worked out in a thread -------------------------------------------- */

typedef struct
{
  char           *path;
  const CgModule *module;   /* static data: safe in any thread */
  GDate           to;
} ChartJob;

static void
chart_job_free (gpointer data)
{
  ChartJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
chart_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ChartJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GArray) days = NULL;
  CgChartData *data;
  CgChartSeries *admitted, *overstayed, *refused;
  GDate from = job->to;

  store = cg_store_open (job->path, &error);
  if (store != NULL)
    policy = cg_module_load_policy (job->module, store, &error);
  g_date_subtract_days (&from, CHART_DAYS - 1);
  if (policy != NULL)
    days = cg_visit_days (store, policy, &from, &job->to, &error);
  if (days == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Translators: chart title */
  data = cg_chart_data_new (CG_CHART_STACKED_BAR, _("Visitors per Day, Last 30 Days"),
                            /* Translators: the unit of the visitors chart */
                            C_("chart unit", "visitors"));
  data->empty_text = g_strdup (_("No visitors on these days"));
  /* The admitted are split: within the maximum stay, and overstays (ALL-4). */
  admitted = cg_chart_data_add_series (data, C_("chart", "Admitted"), GREEN[0], GREEN[1], GREEN[2]);
  overstayed = cg_chart_data_add_series (data, C_("chart", "Admitted, stayed too long"),
                                         ORANGE[0], ORANGE[1], ORANGE[2]);
  refused = cg_chart_data_add_series (data, C_("chart", "Refused"), RED[0], RED[1], RED[2]);
  for (guint i = 0; i < days->len; i++)
    {
      const CgVisitDay *day = &g_array_index (days, CgVisitDay, i);
      g_autofree char *label = g_strdup_printf ("%02d-%02d", g_date_get_month (&day->date),
                                                g_date_get_day (&day->date));

      cg_chart_data_add_x (data, label);
      cg_chart_series_append (admitted, day->admitted - day->overstays);
      cg_chart_series_append (overstayed, day->overstays);
      cg_chart_series_append (refused, day->refused);
    }
  g_task_return_pointer (task, data, (GDestroyNotify) cg_chart_data_free);
}

static void
chart_ready_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (source_object);
  g_autoptr(GError) error = NULL;
  CgChartData *data;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->chart_cancellable == NULL)
    {
      g_clear_pointer (&data, cg_chart_data_free);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->chart_cancellable)
    {
      g_clear_pointer (&data, cg_chart_data_free);
      return;
    }
  gtk_spinner_set_spinning (self->chart_spinner, FALSE);
  if (data == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  cg_chart_view_set_data (self->chart, data);
}

static void
start_chart_job (CgVisitorsPage *self)
{
  g_autoptr(GTask) task = NULL;
  ChartJob *job;

  if (self->store == NULL || self->module == NULL)
    return;
  self->chart_stale = FALSE;
  g_cancellable_cancel (self->chart_cancellable);
  g_clear_object (&self->chart_cancellable);
  self->chart_cancellable = g_cancellable_new ();

  job = g_new0 (ChartJob, 1);
  job->path = g_strdup (cg_store_get_path (self->store));
  job->module = self->module;
  cg_date_today (&job->to);
  task = g_task_new (self, self->chart_cancellable, chart_ready_cb, NULL);
  g_task_set_source_tag (task, start_chart_job);
  g_task_set_task_data (task, job, chart_job_free);
  gtk_spinner_set_spinning (self->chart_spinner, TRUE);
  g_task_run_in_thread (task, chart_thread);
}

/* ---- views --------------------------------------------------------------------------- */

static const char *
current_view (CgVisitorsPage *self)
{
  if (gtk_toggle_button_get_active (self->register_button))
    return "register";
  if (gtk_toggle_button_get_active (self->chart_button))
    return "chart";
  return "gate";
}

static void
on_view_toggled_cb (CgVisitorsPage *self)
{
  const char *name = current_view (self);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), name) == 0)
    return;
  if (g_str_equal (name, "register"))
    {
      ensure_history (self);
      if (self->history != NULL)
        cg_visit_history_model_set_paused (self->history, FALSE);
    }
  else if (self->history != NULL)
    cg_visit_history_model_set_paused (self->history, TRUE);
  if (g_str_equal (name, "chart") && (self->chart_stale || cg_chart_view_get_data (self->chart) == NULL))
    start_chart_job (self);
  cg_stack_show_only (self->view_stack, name);
  cg_stack_show_only (self->tools_stack, name);
  if (g_str_equal (name, "gate"))
    cg_visit_form_focus (self->form);
}

static void
on_store_changed_cb (CgStore        *store,
                     const char     *table,
                     CgVisitorsPage *self)
{
  if (!self->loaded)
    return;
  if (g_strcmp0 (table, "policy") == 0 || g_strcmp0 (table, "institution") == 0)
    {
      load_policy (self);
      cg_inside_list_refresh (self->inside);
    }
  else if (g_strcmp0 (table, "person") == 0)
    cg_visit_form_reload_people (self->form);
  else if (g_strcmp0 (table, "visit") == 0)
    {
      cg_inside_list_refresh (self->inside);
      self->chart_stale = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) && g_str_equal (current_view (self), "chart"))
        start_chart_job (self);
    }
}

/* ---- actions ------------------------------------------------------------------------- */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cg_import_dialog_run (widget, CG_VISITORS_PAGE (widget)->store, CG_REGISTER_VISITS);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_VISITS);
}

static void
copresence_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (widget);
  const CgVisit *visit = selected_visit (self);
  GtkWidget *dialog;

  if (visit == NULL)
    {
      gtk_toggle_button_set_active (self->register_button, TRUE);
      show_toast (self, _("Choose a visit in the register first."));
      return;
    }
  dialog = cg_copresence_dialog_new (parent_window (self), self->store, visit);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_out_selected_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (widget);
  const CgVisit *visit = selected_visit (self);
  g_autoptr(GError) error = NULL;

  if (visit == NULL)
    return;
  if (!cg_visit_check_out (self->store, visit->id, NULL, cg_audit_current_user (), &error))
    show_toast (self, error->message);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (widget);
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (selected_visit (self) == NULL || !g_str_equal (current_view (self), "register"))
    return;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->register_view), GTK_WIDGET (self), &bounds))
    return;
  rect.x = (int) (bounds.origin.x + bounds.size.width / 3);
  rect.y = (int) (bounds.origin.y + 40);
  rect.width = rect.height = 1;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (widget);

  gtk_toggle_button_set_active (self->register_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- layout ---------------------------------------------------------------------------- */

static gboolean
layout_idle_cb (gpointer user_data)
{
  CgVisitorsPage *self = user_data;
  gboolean narrow;

  self->layout_idle_id = 0;
  /* Measured here, outside an allocation; the form's width only changes
   * with the language, which needs a restart. */
  if (self->form_min_width == 0)
    gtk_widget_measure (self->form_card, GTK_ORIENTATION_HORIZONTAL, -1,
                        &self->form_min_width, NULL, NULL, NULL);
  narrow = self->width < self->form_min_width + INSIDE_MIN_WIDTH + 3 * 18;
  if (narrow == self->narrow && self->layout_done)
    return G_SOURCE_REMOVE;
  self->narrow = narrow;
  self->layout_done = TRUE;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->gate_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (self->form_card, narrow ? GTK_ALIGN_FILL : GTK_ALIGN_START);
  gtk_widget_set_hexpand (self->form_card, narrow);
  return G_SOURCE_REMOVE;
}

static void
cg_visitors_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (widget);

  GTK_WIDGET_CLASS (cg_visitors_page_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->row_popover != NULL && gtk_widget_get_visible (self->row_popover))
    gtk_popover_present (GTK_POPOVER (self->row_popover));
  /* The orientation cannot change during an allocation: on the next turn,
   * and only when the width crosses the threshold. */
  if (width != self->width)
    {
      gboolean narrow = width < self->form_min_width + INSIDE_MIN_WIDTH + 3 * 18;

      self->width = width;
      if ((self->form_min_width == 0 || narrow != self->narrow || !self->layout_done)
          && self->layout_idle_id == 0)
        self->layout_idle_id = g_idle_add (layout_idle_cb, self);
    }
}

/* ---- object ------------------------------------------------------------------------------- */

static void
cg_visitors_page_map (GtkWidget *widget)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (widget);

  GTK_WIDGET_CLASS (cg_visitors_page_parent_class)->map (widget);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      load_policy (self);
      cg_visit_form_reload_people (self->form);
    }
  cg_inside_list_refresh (self->inside);
  cg_inside_list_set_auto_refresh (self->inside, TRUE);
  if (self->history != NULL && g_str_equal (current_view (self), "register"))
    cg_visit_history_model_set_paused (self->history, FALSE);
  if (g_str_equal (current_view (self), "chart") && self->chart_stale)
    start_chart_job (self);
  if (g_str_equal (current_view (self), "gate"))
    cg_visit_form_focus (self->form);
}

static void
cg_visitors_page_unmap (GtkWidget *widget)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (widget);

  cg_inside_list_set_auto_refresh (self->inside, FALSE);
  if (self->history != NULL)
    cg_visit_history_model_set_paused (self->history, TRUE);

  GTK_WIDGET_CLASS (cg_visitors_page_parent_class)->unmap (widget);
}

static void
cg_visitors_page_dispose (GObject *object)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (object);

  if (self->inside != NULL)
    cg_inside_list_stop (self->inside);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_cancellable_cancel (self->chart_cancellable);
  g_clear_object (&self->chart_cancellable);
  if (self->register_view != NULL)
    gtk_column_view_set_model (self->register_view, NULL);
  g_clear_pointer (&self->row_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_VISITORS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->history);
  g_clear_object (&self->inside);
  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_visitors_page_parent_class)->dispose (object);
}

static void
cg_visitors_page_class_init (CgVisitorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_visitors_page_dispose;
  widget_class->map = cg_visitors_page_map;
  widget_class->unmap = cg_visitors_page_unmap;
  widget_class->size_allocate = cg_visitors_page_size_allocate;

  g_type_ensure (CG_TYPE_VISIT_FORM);
  g_type_ensure (CG_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-visitors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, gate_button);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, register_button);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, chart_button);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, tools_stack);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, inside_summary_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, chart_spinner);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, gate_box);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, form_card);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, form);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, verdict_detail_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, inside_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, inside_hint_label);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, inside_list);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, register_stack);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, register_error_page);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, CgVisitorsPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_checked_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "visitors.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "visitors.template", NULL, template_action);
  gtk_widget_class_install_action (widget_class, "visitors.copresence", NULL, copresence_action);
  gtk_widget_class_install_action (widget_class, "visitors.check-out-selected", NULL,
                                   check_out_selected_action);
  gtk_widget_class_install_action (widget_class, "visitors.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "visitors.search", NULL, search_action);
}

static void
cg_visitors_page_init (CgVisitorsPage *self)
{
  GtkShortcutController *shortcuts;
  GtkEventController *view_shortcuts;
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->inside = cg_inside_list_new (self->inside_list, self->inside_label, self->inside_hint_label,
                                     self->inside_summary_label);
  g_signal_connect_object (self->inside, "checked-out", G_CALLBACK (on_inside_checked_out_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inside, "check-out-failed", G_CALLBACK (show_toast), self,
                           G_CONNECT_SWAPPED);
  setup_register_columns (self);
  self->row_popover = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_popover), FALSE);
  gtk_widget_set_halign (self->row_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self));

  cg_stack_show_only (self->view_stack, "gate");
  cg_stack_show_only (self->tools_stack, "gate");
  cg_stack_show_only (self->register_stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visitors.copresence", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visitors.check-out-selected", FALSE);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("visitors.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  /* The keyboard's way to the row menu. */
  view_shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (view_shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                          gtk_named_action_new ("visitors.context-menu")));
  gtk_widget_add_controller (GTK_WIDGET (self->register_view), view_shortcuts);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_view_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->register_view), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
cg_visitors_page_new (CgStore        *store,
                      const CgModule *module)
{
  CgVisitorsPage *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  self = g_object_new (CG_TYPE_VISITORS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->module = module;
  cg_visit_form_set_store (self->form, store, module);
  cg_inside_list_set_store (self->inside, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  return GTK_WIDGET (self);
}
