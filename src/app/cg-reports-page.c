/* cg-reports-page.c — the daily report (日报告 / 零报告) for the bureau,
 * and the period workbook with the registers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-daily-report.h"
#include "cg-date.h"
#include "cg-reports-page-private.h"
#include "cg-sample-dialog.h"

/* More compliance gaps than this are counted, not listed: the workbook
 * holds them all. */
#define MAX_GAPS_SHOWN 8

static const char * const figure_titles[N_FIGURES] = {
  [FIGURE_RESIDENTS]   = N_("Residents Present"),
  [FIGURE_STAFF]       = N_("Staff on Duty"),
  [FIGURE_ARRIVALS]    = N_("New Arrivals"),
  [FIGURE_CHECKS]      = N_("Temperature Checks"),
  [FIGURE_FEVERS]      = N_("Fevers"),
  [FIGURE_SYMPTOMATIC] = N_("Suspicious Symptoms"),
  [FIGURE_TESTED]      = N_("Samples Taken"),
  [FIGURE_POSITIVES]   = N_("Positive Results"),
  [FIGURE_OVERDUE]     = N_("Tests Overdue"),
  [FIGURE_SERVICES]    = N_("Funeral Services"),
  [FIGURE_COVID]       = N_("COVID-19 Remains"),
  [FIGURE_MOURNERS]    = N_("Mourners"),
  [FIGURE_HALLS]       = N_("Halls Disinfected Too Little"),
};

/* What the people who live there are called in the first figure. */
static const char * const residents_present[CG_N_PERSON_KINDS] = {
  N_("Staff Present"), N_("Residents Present"), N_("Children Present"), N_("Aid Recipients Present"),
};

G_DEFINE_FINAL_TYPE (CgReportsPage, cg_reports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Where the last report went: the next one is offered there too. */
GFile *cg_reports_last_folder;

static void schedule_preview (CgReportsPage *self,
                              guint          delay_ms);

GtkWindow *
cg_reports_page_get_parent_window (CgReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_level_class (GtkWidget  *widget,
                 const char *level)
{
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "success");
  if (level != NULL)
    gtk_widget_add_css_class (widget, level);
}

/* ---- figures -------------------------------------------------------- */

static void
setup_tiles (CgReportsPage *self)
{
  CgPersonKind residents = CG_PERSON_RESIDENT;
  gboolean has_residents = FALSE;
  guint position = 0;

  for (guint i = 0; i < self->module->n_person_kinds; i++)
    if (self->module->person_kinds[i] != CG_PERSON_STAFF)
      {
        residents = self->module->person_kinds[i];
        has_residents = TRUE;
        break;
      }

  for (guint i = 0; i < N_FIGURES; i++)
    {
      Tile *tile = &self->tiles[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("–");
      GtkWidget *title = gtk_label_new (i == FIGURE_RESIDENTS ? _(residents_present[residents])
                                                              : _(figure_titles[i]));
      GtkWidget *note = gtk_label_new (NULL);

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "cg-figure-tile");
      gtk_label_set_xalign (GTK_LABEL (value), 0.0f);
      gtk_widget_add_css_class (value, "cg-figure-value");
      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (note), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), note);

      tile->tile = box;
      tile->value = GTK_LABEL (value);
      tile->title = GTK_LABEL (title);
      tile->note = GTK_LABEL (note);

      /* A funeral home has no residents to count; only it has services. */
      if (i == FIGURE_RESIDENTS && !has_residents)
        continue;
      if (i >= FIGURE_SERVICES && (self->module->pages & CG_PAGE_SERVICES) == 0)
        continue;
      gtk_grid_attach (self->figures_grid, box, position % 3, position / 3, 1, 1);
      position++;
    }
}

static void
set_tile (Tile       *tile,
          const char *value,
          const char *note,
          const char *level)
{
  g_autofree char *name = NULL;

  gtk_label_set_text (tile->value, value);
  gtk_label_set_text (tile->note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (tile->note), note != NULL && *note != '\0');
  set_level_class (GTK_WIDGET (tile->value), level);
  /* Read as one: "Fevers: 2". */
  name = g_strdup_printf (_("%s: %s"), gtk_label_get_text (tile->title), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile->tile),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_tile_number (Tile       *tile,
                 int         value,
                 const char *note,
                 const char *level_when_not_zero)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  set_tile (tile, text, note, value > 0 ? level_when_not_zero : NULL);
}

static GtkWidget *
alert_row_new (const CgAlert *alert)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *rule = gtk_label_new (alert->rule);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alert->subject != NULL ? alert->subject : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), alert->message != NULL ? alert->message : "");

  switch (alert->severity)
    {
    case CG_SEVERITY_CRITICAL:
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      break;
    case CG_SEVERITY_WARNING:
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      break;
    case CG_SEVERITY_INFO:
    case CG_N_SEVERITIES:
    default:
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cg_severity_label (alert->severity), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (alert->source != NULL)
    gtk_widget_set_tooltip_text (rule, alert->source);
  gtk_widget_add_css_class (rule, "dim-label");
  gtk_widget_add_css_class (rule, "caption");
  gtk_widget_set_valign (rule, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rule);
  return row;
}

static void
show_figures (CgReportsPage        *self,
              const CgDailyFigures *figures)
{
  g_autofree char *checks = NULL;
  g_autofree char *checks_note = NULL;
  g_autofree char *staff_note = NULL;
  g_autofree char *overdue_note = NULL;
  g_autofree char *description = NULL;
  guint n_abnormal = figures->abnormal != NULL ? figures->abnormal->len : 0;
  guint n_gaps = figures->gaps != NULL ? figures->gaps->len : 0;

  /* The verdict first: what the bureau reads first too. */
  gtk_widget_remove_css_class (self->status_card, "zero");
  gtk_widget_remove_css_class (self->status_card, "abnormal");
  if (figures->zero_report)
    {
      gtk_widget_add_css_class (self->status_card, "zero");
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_label_set_text (self->status_title, _("Zero Report"));
      description = g_strdup_printf (_("No fever, suspicious symptom or positive result on %s: the report says so explicitly."),
                                     figures->date);
    }
  else
    {
      g_autofree char *title = NULL;

      gtk_widget_add_css_class (self->status_card, "abnormal");
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      /* Translators: the daily report is not a zero report */
      title = g_strdup_printf (_("Abnormal: %u"), n_abnormal);
      gtk_label_set_text (self->status_title, title);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u health event on %s, listed below and in the report. A suspected case is reported at once.",
                                                  "%u health events on %s, listed below and in the report. A suspected case is reported at once.",
                                                  n_abnormal),
                                     n_abnormal, figures->date);
    }
  gtk_label_set_text (self->status_description, description);

  set_tile_number (&self->tiles[FIGURE_RESIDENTS], figures->residents_present, NULL, NULL);
  staff_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %d on the staff", "of %d on the staff",
                                             figures->staff_total),
                                figures->staff_total);
  set_tile_number (&self->tiles[FIGURE_STAFF], figures->staff_on_duty, staff_note, NULL);
  set_tile_number (&self->tiles[FIGURE_ARRIVALS], figures->new_arrivals, NULL, NULL);

  /* Translators: temperature checks done / people present */
  checks = g_strdup_printf (_("%d / %d"), figures->checks_done, figures->checks_due);
  if (figures->checks_due > figures->checks_done)
    checks_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person not checked",
                                                "%d people not checked",
                                                figures->checks_due - figures->checks_done),
                                   figures->checks_due - figures->checks_done);
  else if (figures->checks_due > 0)
    checks_note = g_strdup (_("Everyone checked"));
  set_tile (&self->tiles[FIGURE_CHECKS], checks, checks_note,
            figures->checks_due > figures->checks_done ? "warning" : NULL);

  set_tile_number (&self->tiles[FIGURE_FEVERS], figures->fevers, NULL, "error");
  set_tile_number (&self->tiles[FIGURE_SYMPTOMATIC], figures->symptomatic,
                   _("without fever"), "warning");
  set_tile_number (&self->tiles[FIGURE_TESTED], figures->tested, NULL, NULL);
  set_tile_number (&self->tiles[FIGURE_POSITIVES], figures->positives, NULL, "error");
  if (figures->tests_due_soon > 0)
    overdue_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d more due soon", "%d more due soon",
                                                 figures->tests_due_soon),
                                    figures->tests_due_soon);
  set_tile_number (&self->tiles[FIGURE_OVERDUE], figures->tests_overdue, overdue_note, "warning");

  if (figures->services >= 0)
    {
      g_autofree char *over = NULL;
      g_autofree char *covid = NULL;
      g_autofree char *covid_note = NULL;
      g_autofree char *mourners = NULL;
      g_autofree char *refused = NULL;
      g_autofree char *halls_note = NULL;

      if (figures->services_over > 0)
        /* Translators: under the number of services of the day */
        over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d over the mourning limit",
                                             "%d over the mourning limit", figures->services_over),
                                figures->services_over);
      else if (figures->services_approaching > 0)
        /* Translators: under the number of services of the day */
        over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d approaching the limit",
                                             "%d approaching the limit", figures->services_approaching),
                                figures->services_approaching);
      {
        g_autofree char *text = g_strdup_printf ("%d", figures->services);

        set_tile (&self->tiles[FIGURE_SERVICES], text, over,
                  figures->services_over > 0 ? "error" : figures->services_approaching > 0 ? "warning" : NULL);
      }

      /* Translators: suspected / confirmed COVID-19 remains */
      covid = g_strdup_printf (_("%d / %d"), figures->covid_suspected, figures->covid_confirmed);
      if (figures->covid_incomplete > 0)
        /* Translators: under the COVID-19 remains of the day */
        covid_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "suspected / confirmed; %d checklist not complete",
                                                   "suspected / confirmed; %d checklists not complete",
                                                   figures->covid_incomplete),
                                      figures->covid_incomplete);
      else
        covid_note = g_strdup (_("suspected / confirmed"));
      set_tile (&self->tiles[FIGURE_COVID], covid, covid_note,
                figures->covid_suspected + figures->covid_confirmed > 0 ? "error" : NULL);

      mourners = g_strdup_printf ("%d", figures->mourners_admitted + figures->mourners_refused);
      /* Translators: under the number of mourners of the day */
      refused = g_strdup_printf (_("%d admitted, %d refused"), figures->mourners_admitted, figures->mourners_refused);
      set_tile (&self->tiles[FIGURE_MOURNERS], mourners, refused, NULL);

      /* Translators: under the halls disinfected too little: the halls in use and the disinfections */
      halls_note = g_strdup_printf (_("of %d in use; %d disinfections in all"), figures->halls, figures->disinfections);
      set_tile_number (&self->tiles[FIGURE_HALLS], figures->halls_short, halls_note, "warning");
    }

  clear_list (self->abnormal_list);
  for (guint i = 0; i < n_abnormal; i++)
    gtk_list_box_append (self->abnormal_list, alert_row_new (g_ptr_array_index (figures->abnormal, i)));
  gtk_widget_set_visible (self->abnormal_box, n_abnormal > 0);

  clear_list (self->gaps_list);
  for (guint i = 0; i < n_gaps && i < MAX_GAPS_SHOWN; i++)
    gtk_list_box_append (self->gaps_list, alert_row_new (g_ptr_array_index (figures->gaps, i)));
  if (n_gaps > MAX_GAPS_SHOWN)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = NULL;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more in the report", "%u more in the report",
                                           n_gaps - MAX_GAPS_SHOWN),
                              n_gaps - MAX_GAPS_SHOWN);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->gaps_list, row);
    }
  gtk_widget_set_visible (self->gaps_box, n_gaps > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->figures_grid), TRUE);
}

static void
show_preview_message (CgReportsPage *self,
                      const char    *icon_name,
                      const char    *title,
                      const char    *description)
{
  gtk_widget_remove_css_class (self->status_card, "zero");
  gtk_widget_remove_css_class (self->status_card, "abnormal");
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_description, description);
  gtk_widget_set_visible (self->abnormal_box, FALSE);
  gtk_widget_set_visible (self->gaps_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->figures_grid), FALSE);
}

/* A store of its own, so that the window's stays free for the user. */
CgPolicy *
cg_reports_open_store_and_policy (const char      *path,
                                  const CgModule  *module,
                                  CgStore        **store_out,
                                  GError         **error)
{
  g_autoptr(CgStore) store = cg_store_open (path, error);
  CgPolicy *policy;

  if (store == NULL)
    return NULL;
  policy = cg_module_load_policy (module, store, error);
  if (policy != NULL)
    *store_out = g_steal_pointer (&store);
  return policy;
}

/* ---- preview through the page loader -------------------------------- */

/* The day asked about, for the thread. */
static gpointer
preview_input_new (GtkWidget *page)
{
  return g_memdup2 (&CG_REPORTS_PAGE (page)->date, sizeof (GDate));
}

static gpointer
preview_thread (CgStore        *store,
                const CgModule *module,
                const CgPolicy *policy,
                const GDate    *today,
                gpointer        input,
                GError        **error)
{
  return cg_daily_figures_compute (store, policy, input, error);
}

/* A read starts.  The loader also reads after the registers changed
 * while the field holds no usable day: that answer is dropped below, and
 * the field's message stays without a spinner. */
static void
on_preview_begin_cb (GtkWidget *page,
                     gboolean   first)
{
  CgReportsPage *self = CG_REPORTS_PAGE (page);

  if (!self->date_ok)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), TRUE);
  gtk_spinner_set_spinning (self->preview_spinner, TRUE);
}

static void
on_preview_done_cb (GtkWidget    *page,
                    gpointer      data,
                    const GError *error)
{
  CgReportsPage *self = CG_REPORTS_PAGE (page);
  g_autoptr(CgDailyFigures) figures = data;
  g_autofree char *asked = NULL;

  /* No day is asked about any more, or another one: the answer for the
   * day now in the field is what counts, and a read for it follows. */
  if (!self->date_ok)
    return;
  asked = cg_date_to_iso (&self->date);
  if (figures != NULL && g_strcmp0 (figures->date, asked) != 0)
    return;

  gtk_spinner_set_spinning (self->preview_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), FALSE);
  if (figures == NULL)
    {
      show_preview_message (self, "dialog-error-symbolic", _("The Registers Cannot Be Read"),
                            error->message);
      return;
    }
  show_figures (self, figures);
}

static const CgPageLoaderFuncs preview_funcs = {
  .load = preview_thread,
  .loaded = on_preview_done_cb,
  .input_new = preview_input_new,
  .input_free = g_free,
  .output_free = (GDestroyNotify) cg_daily_figures_free,
  .begin = on_preview_begin_cb,
};

static void
start_preview (CgReportsPage *self)
{
  if (!self->date_ok || self->loader == NULL)
    return;
  cg_page_loader_load (self->loader);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  CgReportsPage *self = user_data;

  self->preview_timeout = 0;
  start_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (CgReportsPage *self,
                  guint          delay_ms)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (delay_ms == 0)
    start_preview (self);
  else
    self->preview_timeout = g_timeout_add (delay_ms, preview_timeout_cb, self);
}

/* ---- the date ------------------------------------------------------- */

static void
update_save_sensitivity (CgReportsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save", self->date_ok && !self->saving);
}

static void
on_date_changed_cb (CgReportsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  const char *message = NULL;
  GDate date, today;

  cg_date_today (&today);
  if (*text == '\0')
    message = _("Enter the day of the report.");
  else if (!cg_date_parse (text, &date))
    message = _("Not a date. Use YYYY-MM-DD, for example 2020-10-08.");
  else if (g_date_compare (&date, &today) > 0)
    message = _("The date is in the future: a daily report is for today or a past day.");

  self->date_ok = message == NULL;
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_label_set_text (self->date_message, message);
      gtk_widget_set_visible (GTK_WIDGET (self->date_message), TRUE);
      show_preview_message (self, "x-office-calendar-symbolic", _("Choose a Day"), message);
      g_clear_handle_id (&self->preview_timeout, g_source_remove);
      /* An answer still on its way is for a day no longer asked about
       * (on_preview_done_cb drops it). */
      gtk_spinner_set_spinning (self->preview_spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), FALSE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
      self->date = date;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        schedule_preview (self, 250);
      else if (self->loader != NULL)
        cg_page_loader_reload (self->loader);
    }
  update_save_sensitivity (self);
}

static void
on_date_activated_cb (CgReportsPage *self)
{
  if (self->date_ok)
    schedule_preview (self, 0);
}

static void
set_today (CgReportsPage *self)
{
  GDate today;

  cg_date_today (&today);
  g_free (self->default_day);
  self->default_day = cg_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->default_day);
}

/* ---- saving in a thread --------------------------------------------- */

typedef struct
{
  char           *db_path;
  char           *path;
  const CgModule *module;
  GDate           date;
} SaveInput;

static void
save_input_free (SaveInput *input)
{
  g_free (input->db_path);
  g_free (input->path);
  g_free (input);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveInput *input = task_data;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = cg_reports_open_store_and_policy (input->db_path, input->module, &store, &error);
  if (policy == NULL
      || !cg_daily_report_write (store, policy, &input->date, input->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_saving (CgReportsPage *self,
            gboolean       saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), saving);
  gtk_spinner_set_spinning (self->save_spinner, saving);
  gtk_widget_set_visible (GTK_WIDGET (self->save_label), saving);
  gtk_label_set_text (self->save_label, saving ? _("Writing the report…") : "");
  update_save_sensitivity (self);
}

static void
on_save_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CgReportsPage *self = CG_REPORTS_PAGE (source);
  SaveInput *input = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The page was closed while the thread wrote: nothing left to tell. */
  if (self->toast_overlay == NULL)
    {
      g_task_propagate_boolean (G_TASK (result), NULL);
      return;
    }
  set_saving (self, FALSE);
  g_task_propagate_boolean (G_TASK (result), &error);
  cg_reports_page_tell_saved (self, error, _("The Report Could Not Be Saved"),
                              input->path, _("Report saved"));
}

/* After a workbook was written: a dialog with @error under @error_heading,
 * or a toast saying @saved_text with "Open" for the file at @path. */
void
cg_reports_page_tell_saved (CgReportsPage *self,
                            const GError  *error,
                            const char    *error_heading,
                            const char    *path,
                            const char    *saved_text)
{
  AdwToast *toast;

  if (error != NULL)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (cg_reports_page_get_parent_window (self),
                                                           error_heading, error->message));
      adw_message_dialog_add_response (dialog, "close", _("Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_free (self->saved_uri);
  self->saved_uri = g_filename_to_uri (path, NULL, NULL);
  toast = adw_toast_new (saved_text);
  adw_toast_set_timeout (toast, 8);
  if (self->saved_uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open"));
      adw_toast_set_action_name (toast, "reports.open");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
start_save (CgReportsPage *self,
            const char    *path)
{
  g_autoptr(GTask) task = NULL;
  SaveInput *input = g_new0 (SaveInput, 1);

  input->db_path = g_strdup (cg_store_get_path (self->store));
  input->path = g_strdup (path);
  input->module = self->module;
  input->date = self->date;

  set_saving (self, TRUE);
  task = g_task_new (self, NULL, on_save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, input, (GDestroyNotify) save_input_free);
  g_task_run_in_thread (task, save_thread);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
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
      AdwToast *toast = adw_toast_new (_("Choose a folder on this computer for the report."));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  /* The bureau opens it with Excel or WPS: keep the extension. */
  if (!g_str_has_suffix (path, ".xlsx") && !g_str_has_suffix (path, ".XLSX"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }
  start_save (self, path);
}

GtkFileChooserNative *
cg_reports_page_save_chooser_new (CgReportsPage *self,
                                  const char    *title,
                                  const char    *name,
                                  GCallback      response_cb)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, cg_reports_page_get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (cg_reports_last_folder == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
        cg_reports_last_folder = g_file_new_for_path (documents);
    }
  if (cg_reports_last_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), cg_reports_last_folder, NULL);
  g_signal_connect_object (chooser, "response", response_cb, self, 0);
  return chooser;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgReportsPage *self = CG_REPORTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;

  if (!self->date_ok || self->saving)
    return;

  day = cg_date_to_iso (&self->date);
  /* Translators: the file name offered for the daily report; %s is the
   * date (2026-11-23).  In Chinese: 日报告-%s.xlsx */
  name = g_strdup_printf (_("daily-report-%s.xlsx"), day);
  chooser = cg_reports_page_save_chooser_new (self, _("Save Daily Report"), name,
                                              G_CALLBACK (on_chooser_response_cb));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgReportsPage *self = CG_REPORTS_PAGE (widget);

  if (self->saved_uri != NULL)
    gtk_show_uri (cg_reports_page_get_parent_window (self), self->saved_uri, GDK_CURRENT_TIME);
}

/* ---- object --------------------------------------------------------- */

/* Counts when first shown, and again when the registers changed while
 * the page was hidden; a field still on yesterday's "today" moves on. */
static void
cg_reports_page_map (GtkWidget *widget)
{
  CgReportsPage *self = CG_REPORTS_PAGE (widget);
  GDate today;
  g_autofree char *today_iso = NULL;

  GTK_WIDGET_CLASS (cg_reports_page_parent_class)->map (widget);

  cg_date_today (&today);
  today_iso = cg_date_to_iso (&today);
  if (g_strcmp0 (today_iso, self->default_day) != 0
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), self->default_day) == 0)
    {
      set_today (self);
      return;
    }
  if (self->date_ok && self->loader != NULL)
    cg_page_loader_mapped (self->loader);
}

static void
cg_reports_page_constructed (GObject *object)
{
  CgReportsPage *self = CG_REPORTS_PAGE (object);
  static const char * const tables[] = {
    "health_check", "nat_test", "person", "policy", "institution", NULL
  };

  G_OBJECT_CLASS (cg_reports_page_parent_class)->constructed (object);

  if (self->module == NULL)
    self->module = &cg_module_care_home;
  setup_tiles (self);
  if (self->store != NULL)
    self->loader = cg_page_loader_new (GTK_WIDGET (self), self->store, self->module, &preview_funcs, tables);
  show_preview_message (self, "content-loading-symbolic", _("Counting…"), "");
  set_today (self);
}

static void
cg_reports_page_dispose (GObject *object)
{
  CgReportsPage *self = CG_REPORTS_PAGE (object);

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  g_clear_pointer (&self->loader, cg_page_loader_free);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->export_poll, g_source_remove);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_REPORTS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_reports_page_parent_class)->dispose (object);
}

static void
cg_reports_page_finalize (GObject *object)
{
  CgReportsPage *self = CG_REPORTS_PAGE (object);

  g_free (self->default_day);
  g_free (self->saved_uri);

  G_OBJECT_CLASS (cg_reports_page_parent_class)->finalize (object);
}

static void
cg_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgReportsPage *self = CG_REPORTS_PAGE (object);

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
cg_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgReportsPage *self = CG_REPORTS_PAGE (object);

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
cg_reports_page_class_init (CgReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_reports_page_constructed;
  object_class->dispose = cg_reports_page_dispose;
  object_class->finalize = cg_reports_page_finalize;
  object_class->get_property = cg_reports_page_get_property;
  object_class->set_property = cg_reports_page_set_property;
  widget_class->map = cg_reports_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, date_message);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, status_card);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, status_description);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, abnormal_box);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, abnormal_list);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, gaps_box);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, gaps_list);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, save_label);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, period_from_row);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, period_to_row);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, period_message);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, period_progress_box);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, period_spinner);
  gtk_widget_class_bind_template_child (widget_class, CgReportsPage, period_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activated_cb);

  gtk_widget_class_install_action (widget_class, "reports.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reports.open", NULL, open_action);
  cg_reports_page_period_class_init (widget_class);
}

static void
cg_reports_page_init (CgReportsPage *self)
{
  GtkShortcutController *shortcuts;
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* AT-SPI finds the field by its row's title. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->date_row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Report Date"), -1);
  adw_entry_row_add_suffix (self->date_row,
                            cg_date_menu_button_new (GTK_EDITABLE (self->date_row),
                                                     _("Choose the Report Date")));

  /* The period: last month unless changed. */
  cg_reports_page_period_init (self);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                          gtk_named_action_new ("reports.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

GtkWidget *
cg_reports_page_new (CgStore        *store,
                     const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_REPORTS_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
