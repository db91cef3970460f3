/* cg-period-export.c — the reports page's period workbook: the period's
 * first and last day, and the workbook with the registers written in a
 * thread, with its progress and a way to stop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-period-report.h"
#include "cg-reports-page-private.h"
#include "cg-sample-dialog.h"

/* ---- the period workbook ------------------------------------------ */

void
cg_reports_page_update_period_sensitivity (CgReportsPage *self)
{
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-period", self->period_ok && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-period", exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.period-last-month", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.period-this-quarter", !exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_from_row), !exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_to_row), !exporting);
}

/* A day typed into @row; FALSE with why not in @message. */
static gboolean
period_row_date (AdwEntryRow  *row,
                 GDate        *out,
                 const char  **message,
                 const char   *missing)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gboolean ok = TRUE;

  if (*text == '\0')
    {
      *message = missing;
      ok = FALSE;
    }
  else if (!cg_date_parse (text, out))
    {
      *message = _("Not a date. Use YYYY-MM-DD, for example 2020-10-08.");
      ok = FALSE;
    }
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return ok;
}

static void
on_period_changed_cb (CgReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *message = NULL;
  gboolean from_ok, to_ok;
  GDate from, to;

  self->period_ok = FALSE;
  /* Both rows are marked; the first day's message comes first. */
  to_ok = period_row_date (self->period_to_row, &to, &message, _("Enter the last day of the period."));
  from_ok = period_row_date (self->period_from_row, &from, &message, _("Enter the first day of the period."));
  if (!from_ok || !to_ok)
    self->period_ok = FALSE;
  else if (!cg_period_report_check_range (&from, &to, &error))
    {
      message = error->message;
      gtk_widget_add_css_class (GTK_WIDGET (self->period_to_row), "error");
    }
  else
    {
      int days = g_date_days_between (&from, &to) + 1;

      self->period_ok = TRUE;
      self->period_from = from;
      self->period_to = to;
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
    }
  gtk_label_set_text (self->period_message, message != NULL ? message : summary);
  if (message != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->period_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->period_message), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->period_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->period_message), "dim-label");
    }
  cg_reports_page_update_period_sensitivity (self);
}

static void
set_period (CgReportsPage *self,
            const GDate   *from,
            const GDate   *to)
{
  g_autofree char *first = cg_date_to_iso (from);
  g_autofree char *last = cg_date_to_iso (to);

  gtk_editable_set_text (GTK_EDITABLE (self->period_from_row), first);
  gtk_editable_set_text (GTK_EDITABLE (self->period_to_row), last);
}

static void
last_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgReportsPage *self = CG_REPORTS_PAGE (widget);
  GDate from, to;

  /* The day before the first of this month, and the first of its month. */
  cg_date_today (&to);
  g_date_set_day (&to, 1);
  g_date_subtract_days (&to, 1);
  from = to;
  g_date_set_day (&from, 1);
  set_period (self, &from, &to);
}

static void
this_quarter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CgReportsPage *self = CG_REPORTS_PAGE (widget);
  GDate from, to;
  int month;

  /* The quarter so far: a workbook cannot reach into the future. */
  cg_date_today (&to);
  month = g_date_get_month (&to);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, (GDateMonth) ((month - 1) / 3 * 3 + 1), g_date_get_year (&to));
  set_period (self, &from, &to);
}

typedef struct
{
  char           *db_path;
  char           *path;
  const CgModule *module;
  GDate           from;
  GDate           to;
  gint            permille;   /* atomic: how far the writing is */
} ExportInput;

static void
export_input_free (ExportInput *input)
{
  g_free (input->db_path);
  g_free (input->path);
  g_free (input);
}

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  ExportInput *input = user_data;

  g_atomic_int_set (&input->permille, (gint) (fraction * 1000.0));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportInput *input = task_data;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = cg_reports_open_store_and_policy (input->db_path, input->module, &store, &error);
  if (policy == NULL
      || !cg_period_report_write_with_progress (store, policy, &input->from, &input->to, input->path,
                                                cancellable, export_progress_cb, input, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* The thread reports how far it is; the bar follows ten times a second. */
static gboolean
export_poll_cb (gpointer user_data)
{
  CgReportsPage *self = user_data;
  ExportInput *input;
  g_autofree char *text = NULL;
  int permille;

  if (self->export_task == NULL)
    {
      self->export_poll = 0;
      return G_SOURCE_REMOVE;
    }
  input = g_task_get_task_data (self->export_task);
  permille = g_atomic_int_get (&input->permille);
  /* Until the first rows are written the registers are being read. */
  if (permille == 0)
    return G_SOURCE_CONTINUE;
  gtk_progress_bar_set_fraction (self->period_progress, permille / 1000.0);
  /* Translators: progress of the period workbook, e.g. "Writing… 42 %" */
  text = g_strdup_printf (_("Writing… %d %%"), permille / 10);
  gtk_progress_bar_set_text (self->period_progress, text);
  return G_SOURCE_CONTINUE;
}

static void
set_exporting (CgReportsPage *self,
               GTask         *task)
{
  g_clear_handle_id (&self->export_poll, g_source_remove);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);
  if (task != NULL)
    {
      self->export_task = g_object_ref (task);
      self->export_cancellable = g_object_ref (g_task_get_cancellable (task));
      gtk_progress_bar_set_fraction (self->period_progress, 0.0);
      gtk_progress_bar_set_text (self->period_progress, _("Reading the registers…"));
      self->export_poll = g_timeout_add (100, export_poll_cb, self);
    }
  gtk_widget_set_visible (self->period_progress_box, task != NULL);
  gtk_spinner_set_spinning (self->period_spinner, task != NULL);
  cg_reports_page_update_period_sensitivity (self);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CgReportsPage *self = CG_REPORTS_PAGE (source);
  ExportInput *input = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The application waited for the thread to remove its file. */
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
  /* The page was closed while the thread wrote: nothing left to tell. */
  if (self->toast_overlay == NULL)
    {
      g_task_propagate_boolean (G_TASK (result), NULL);
      return;
    }
  set_exporting (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Export cancelled: no file was written")));
      return;
    }
  cg_reports_page_tell_saved (self, error, _("The Workbook Could Not Be Saved"),
                              input->path, _("Period workbook saved"));
}

static void
start_export (CgReportsPage *self,
              const char    *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ExportInput *input = g_new0 (ExportInput, 1);

  input->db_path = g_strdup (cg_store_get_path (self->store));
  input->path = g_strdup (path);
  input->module = self->module;
  input->from = self->period_from;
  input->to = self->period_to;

  task = g_task_new (self, cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, input, (GDestroyNotify) export_input_free);
  /* A cancelled export still runs to its end (the file removed), and
   * only then is the result given. */
  g_task_set_return_on_cancel (task, FALSE);
  set_exporting (self, task);
  /* Closing the window cancels the export; the application stays until
   * the thread has removed its unfinished file. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               CgReportsPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  g_clear_object (&cg_reports_last_folder);
  cg_reports_last_folder = g_file_get_parent (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a folder on this computer for the report.")));
      return;
    }
  if (!g_str_has_suffix (path, ".xlsx") && !g_str_has_suffix (path, ".XLSX"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }
  start_export (self, path);
}

static void
export_period_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CgReportsPage *self = CG_REPORTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;

  if (!self->period_ok || self->export_cancellable != NULL)
    return;

  first = cg_date_to_iso (&self->period_from);
  last = cg_date_to_iso (&self->period_to);
  /* Translators: the file name offered for the period workbook; %1$s and
   * %2$s are the first and last day.  In Chinese: 登记汇总-%1$s至%2$s.xlsx */
  name = g_strdup_printf (_("registers-%1$s-to-%2$s.xlsx"), first, last);
  chooser = cg_reports_page_save_chooser_new (self, _("Export Period Workbook"), name,
                                              G_CALLBACK (on_export_chooser_response_cb));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_period_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CgReportsPage *self = CG_REPORTS_PAGE (widget);

  if (self->export_cancellable != NULL)
    {
      g_cancellable_cancel (self->export_cancellable);
      gtk_progress_bar_set_text (self->period_progress, _("Stopping…"));
    }
}

/* ---- the page's class and instance ------------------------------------ */

void
cg_reports_page_period_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-period", NULL, export_period_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel-period", NULL, cancel_period_action);
  gtk_widget_class_install_action (widget_class, "reports.period-last-month", NULL, last_month_action);
  gtk_widget_class_install_action (widget_class, "reports.period-this-quarter", NULL, this_quarter_action);
}

void
cg_reports_page_period_init (CgReportsPage *self)
{
  GtkEditable *delegate;

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->period_from_row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("First Day"), -1);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->period_to_row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Last Day"), -1);
  adw_entry_row_add_suffix (self->period_from_row,
                            cg_date_menu_button_new (GTK_EDITABLE (self->period_from_row),
                                                     _("Choose the First Day")));
  adw_entry_row_add_suffix (self->period_to_row,
                            cg_date_menu_button_new (GTK_EDITABLE (self->period_to_row),
                                                     _("Choose the Last Day")));
  last_month_action (GTK_WIDGET (self), NULL, NULL);
  cg_reports_page_update_period_sensitivity (self);
}
