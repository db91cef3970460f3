/* cg-hygiene-page.c — the disinfection log and training sessions and drills (ALL-7, ALL-8, FH-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three parts: today's disinfections place by place (a place of the log
 * not yet done today says so), the log itself a page of entries at a time,
 * and the training sessions and drills with where ALL-8 stands.  All of it
 * is read in a thread with a store of its own.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-disinfection-dialog.h"
#include "cg-hygiene-page.h"
#include "cg-page-loader.h"
#include "cg-import-dialog.h"
#include "cg-training-dialog.h"

/* Entries of the log per page. */
#define PAGE_SIZE 50
/* Training sessions and drills listed (about four years of monthly ones). */
#define MAX_TRAININGS 50

/* ---- a row of the log ------------------------------------------------- */

#define CG_TYPE_LOG_ROW (cg_log_row_get_type ())
G_DECLARE_FINAL_TYPE (CgLogRow, cg_log_row, CG, LOG_ROW, GObject)

struct _CgLogRow
{
  GObject         parent_instance;
  CgDisinfection *disinfection;
  char           *local_time;
};

G_DEFINE_FINAL_TYPE (CgLogRow, cg_log_row, G_TYPE_OBJECT)

static void
cg_log_row_finalize (GObject *object)
{
  CgLogRow *self = CG_LOG_ROW (object);

  cg_disinfection_free (self->disinfection);
  g_free (self->local_time);
  G_OBJECT_CLASS (cg_log_row_parent_class)->finalize (object);
}

static void
cg_log_row_class_init (CgLogRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_log_row_finalize;
}

static void
cg_log_row_init (CgLogRow *self)
{
}

/* ---- the page --------------------------------------------------------- */

struct _CgHygienePage
{
  AdwBin          parent_instance;
  CgStore        *store;
  const CgModule *module;

  GListStore     *log_rows;
  CgPageLoader   *loader;
  gint64          log_offset;
  gint64          log_count;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *today_label;
  GtkLabel        *training_summary;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkLabel        *places_title;
  GtkListBox      *places_list;
  AdwStatusPage   *log_empty;
  GtkWidget       *log_box;
  GtkLabel        *pager_label;
  GtkWidget       *pager_box;
  GtkScrolledWindow *log_scroller;
  GtkColumnView   *log_view;
  GtkLabel        *training_status;
  GtkListBox      *training_list;
  AdwStatusPage   *training_empty;
};

G_DEFINE_FINAL_TYPE (CgHygienePage, cg_hygiene_page, ADW_TYPE_BIN)


static void
show_toast (CgHygienePage *self,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  static const char * const styles[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

/* ---- loading ------------------------------------------------------------ */

typedef struct
{
  GPtrArray        *places;     /* CgPlaceDay* */
  GPtrArray        *log;        /* CgDisinfection*, one page */
  gint64            log_count;
  gint64            offset;
  GPtrArray        *trainings;  /* CgTraining* */
  CgTrainingStatus  status;
  GDate             date;       /* the day read */
} LoadOutput;

static void
load_output_free (LoadOutput *output)
{
  g_clear_pointer (&output->places, g_ptr_array_unref);
  g_clear_pointer (&output->log, g_ptr_array_unref);
  g_clear_pointer (&output->trainings, g_ptr_array_unref);
  g_free (output);
}

/* The log's page, as the thread's input. */
static gpointer
load_input_new (GtkWidget *page)
{
  return g_memdup2 (&CG_HYGIENE_PAGE (page)->log_offset, sizeof (gint64));
}

static gpointer
load_thread (CgStore        *store,
             const CgModule *module,
             const CgPolicy *policy,
             const GDate    *today,
             gpointer        input,
             GError        **error)
{
  LoadOutput *output = g_new0 (LoadOutput, 1);
  GError *local_error = NULL;

  output->date = *today;
  output->log_count = cg_disinfection_count (store, &local_error);
  /* A page past the end (entries removed since) shows the last one. */
  output->offset = *(gint64 *) input;
  if (output->log_count >= 0 && output->offset >= output->log_count)
    output->offset = MAX (0, ((output->log_count - 1) / PAGE_SIZE) * PAGE_SIZE);
  if (output->log_count < 0
      || (output->places = cg_disinfection_places (store, today, &local_error)) == NULL
      || (output->log = cg_disinfection_page (store, output->offset, PAGE_SIZE, &local_error)) == NULL
      || (output->trainings = cg_training_list (store, MAX_TRAININGS, &local_error)) == NULL
      || !cg_training_status (store, policy, today, &output->status, &local_error))
    {
      load_output_free (output);
      g_propagate_error (error, local_error);
      return NULL;
    }
  return output;
}

/* "16:30" for a time of @day, "2020-10-06 16:30" for another day. */
static char *
short_time (const char *utc,
            const char *day)
{
  g_autofree char *local = cg_datetime_utc_to_local (utc);

  if (local == NULL)
    return g_strdup ("");
  if (g_str_has_prefix (local, day) && strlen (local) > 11)
    return g_strdup (local + 11);
  return g_steal_pointer (&local);
}

static GtkWidget *
place_row_new (const CgPlaceDay *place_day,
               const char       *day)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *button;
  g_autofree char *last = place_day->last_at != NULL ? short_time (place_day->last_at, day) : g_strdup ("");
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place_day->place);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cg_place_kind_label (place_day->place_kind));

  if (place_day->count > 0)
    {
      /* Translators: how often a place was disinfected today, then the time of the last one */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d time today, last at %s",
                                           "%d times today, last at %s",
                                           (gulong) place_day->count),
                              place_day->count, last);
      set_style (state, "success");
    }
  else
    {
      /* Translators: %s is when the place was last disinfected */
      text = g_strdup_printf (_("Not yet today (last %s)"), last);
      set_style (state, "warning");
    }
  gtk_label_set_text (GTK_LABEL (state), text);
  gtk_label_set_xalign (GTK_LABEL (state), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: a button on the row of a place */
  tooltip = g_strdup_printf (_("Record a disinfection of %s"), place_day->place);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "hygiene.record-place");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (place_day->place));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_places (CgHygienePage *self,
             GPtrArray     *places,
             const char    *day)
{
  guint done = 0, times = 0;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  remove_all (self->places_list);
  for (guint i = 0; i < places->len; i++)
    {
      CgPlaceDay *place_day = places->pdata[i];

      gtk_list_box_append (self->places_list, place_row_new (place_day, day));
      if (place_day->count > 0)
        done++;
      times += place_day->count;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->places_list), places->len > 0);

  /* Translators: %s is today's date */
  title = g_strdup_printf (_("Today, %s"), day);
  gtk_label_set_text (self->places_title, title);

  if (places->len == 0)
    summary = g_strdup (_("No disinfection recorded yet"));
  else if (times == 0)
    summary = g_strdup (_("No disinfection recorded today yet"));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Today: %u disinfection",
                                                             "Today: %u disinfections", times), times);
      g_autofree char *where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u of %u place",
                                                             "in %u of %u places", places->len),
                                                done, places->len);

      /* Translators: "Today: 5 disinfections" and "in 3 of 4 places" */
      summary = g_strdup_printf (C_("disinfection summary", "%s %s"), count, where);
    }
  gtk_label_set_text (self->today_label, summary);
}

static void
show_log (CgHygienePage *self,
          LoadOutput    *output)
{
  g_autofree char *pager = NULL;

  g_list_store_remove_all (self->log_rows);
  for (guint i = 0; i < output->log->len; i++)
    {
      CgLogRow *row = g_object_new (CG_TYPE_LOG_ROW, NULL);

      row->disinfection = g_steal_pointer (&output->log->pdata[i]);
      row->local_time = cg_datetime_utc_to_local (row->disinfection->done_at);
      g_list_store_append (self->log_rows, row);
      g_object_unref (row);
    }
  self->log_offset = output->offset;
  self->log_count = output->log_count;

  {
    g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, self->log_count > 0 ? self->log_offset + 1 : 0);
    g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, self->log_offset + (gint64) output->log->len);
    g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, self->log_count);

    /* Translators: the entries shown, e.g. "1–50 of 230" */
    pager = g_strdup_printf (_("%s–%s of %s"), first, last, total);
  }
  gtk_label_set_text (self->pager_label, pager);
  gtk_widget_set_visible (GTK_WIDGET (self->pager_label), self->log_count > PAGE_SIZE);
  gtk_widget_set_visible (self->pager_box, self->log_count > PAGE_SIZE);
  /* A column view asks for little height of its own: room for the rows
   * of the page, up to a dozen, and a scroll bar beyond. */
  gtk_scrolled_window_set_min_content_height (self->log_scroller,
                                              40 + 36 * (int) MIN (output->log->len, 12));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hygiene.newer", self->log_offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hygiene.older",
                                 self->log_offset + PAGE_SIZE < self->log_count);
  gtk_widget_set_visible (self->log_box, self->log_count > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->log_empty), self->log_count == 0);
}

static char *
training_status_text (const CgTrainingStatus *status,
                      const char           **style)
{
  g_autofree char *last = NULL;

  if (!status->any && !status->overdue)
    {
      *style = "warning";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No training or drill yet: hold the first within %d day (ALL-8).",
                                           "No training or drill yet: hold the first within %d days (ALL-8).",
                                           (gulong) status->days_left),
                              status->days_left);
    }
  if (!status->any)
    {
      *style = "error";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No training or drill on record: hold one at least every %d day (ALL-8).",
                                           "No training or drill on record: hold one at least every %d days (ALL-8).",
                                           (gulong) status->period_days),
                              status->period_days);
    }
  last = cg_date_to_iso (&status->last);
  if (status->overdue)
    {
      *style = "error";
      /* Translators: days since the last one, its date, the policy period */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Overdue: the last training or drill was %d day ago (%s); hold one at least every %d days (ALL-8).",
                                           "Overdue: the last training or drill was %d days ago (%s); hold one at least every %d days (ALL-8).",
                                           (gulong) status->days_since),
                              status->days_since, last, status->period_days);
    }
  *style = status->days_left <= 3 ? "warning" : NULL;
  if (status->days_left == 0)
    return g_strdup_printf (status->last_kind == CG_TRAINING_DRILL
                            ? _("Last drill %d days ago: the next training or drill is due today.")
                            : _("Last training %d days ago: the next training or drill is due today."),
                            status->days_since);
  {
    g_autofree char *ago = NULL;
    g_autofree char *due = NULL;

    if (status->days_since == 0)
      ago = g_strdup (status->last_kind == CG_TRAINING_DRILL ? _("Last drill today;") : _("Last training today;"));
    else if (status->last_kind == CG_TRAINING_DRILL)
      ago = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last drill %d day ago;", "Last drill %d days ago;",
                                          (gulong) status->days_since),
                             status->days_since);
    else
      ago = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last training %d day ago;", "Last training %d days ago;",
                                          (gulong) status->days_since),
                             status->days_since);
    due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "next due within %d day.", "next due within %d days.",
                                        (gulong) status->days_left),
                           status->days_left);

    /* Translators: "Last drill 12 days ago;" and "next due within 18 days." */
    return g_strdup_printf (C_("training status", "%s %s"), ago, due);
  }
}

static GtkWidget *
training_row_new (const CgTraining *training)
{
  GtkWidget *row = adw_action_row_new ();
  GString *subtitle = g_string_new (training->held_on);

  g_string_append_printf (subtitle, " · %s · ", cg_training_kind_label (training->kind));
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d attendee", "%d attendees",
                                                 (gulong) training->attendees),
                          training->attendees);
  if (*training->trainer != '\0')
    /* Translators: who gave the training */
    g_string_append_printf (subtitle, _(" · trainer %s"), training->trainer);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), training->topic);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (*training->attendee_names != '\0')
    gtk_widget_set_tooltip_text (row, training->attendee_names);
  g_string_free (subtitle, TRUE);
  return row;
}

static void
show_trainings (CgHygienePage *self,
                LoadOutput    *output)
{
  g_autofree char *status = NULL;
  const char *style = NULL;

  remove_all (self->training_list);
  for (guint i = 0; i < output->trainings->len; i++)
    gtk_list_box_append (self->training_list, training_row_new (output->trainings->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->training_list), output->trainings->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->training_empty), output->trainings->len == 0);

  status = training_status_text (&output->status, &style);
  gtk_label_set_text (self->training_status, status);
  set_style (GTK_WIDGET (self->training_status), style);
  gtk_label_set_text (self->training_summary, status);
  set_style (GTK_WIDGET (self->training_summary), style != NULL ? style : "dim-label");
}

static void
on_loaded_cb (GtkWidget    *page,
              gpointer      data,
              const GError *error)
{
  CgHygienePage *self = CG_HYGIENE_PAGE (page);
  LoadOutput *output = data;
  g_autofree char *day = NULL;

  gtk_spinner_stop (self->spinner);
  if (output == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  day = cg_date_to_iso (&output->date);

  show_places (self, output->places, day);
  show_log (self, output);
  show_trainings (self, output);
  gtk_stack_set_visible_child_name (self->stack,
                                    output->log_count == 0 && output->trainings->len == 0
                                    ? "empty" : "content");
  load_output_free (output);
}

static void
on_loading_cb (GtkWidget *page,
               gboolean   first)
{
  CgHygienePage *self = CG_HYGIENE_PAGE (page);

  if (first)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
}

static const CgPageLoaderFuncs loader_funcs = {
  .load = load_thread,
  .loaded = on_loaded_cb,
  .input_new = load_input_new,
  .input_free = g_free,
  .output_free = (GDestroyNotify) load_output_free,
  .begin = on_loading_cb,
};

/* ---- the log's columns -------------------------------------------------- */

enum
{
  COLUMN_TIME,
  COLUMN_PLACE,
  COLUMN_AGENT,
  COLUMN_METHOD,
  COLUMN_OPERATOR,
  COLUMN_CHECKER,
  N_COLUMNS
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  CgLogRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const CgDisinfection *d = row->disinfection;
  const char *text = "";

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TIME: text = row->local_time != NULL ? row->local_time : d->done_at; break;
    case COLUMN_PLACE: text = d->place; break;
    case COLUMN_AGENT: text = d->agent; break;
    case COLUMN_METHOD: text = d->method; break;
    case COLUMN_OPERATOR: text = d->operator; break;
    case COLUMN_CHECKER: text = d->checker; break;
    default: break;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), GPOINTER_TO_INT (user_data) == COLUMN_PLACE
                               ? cg_place_kind_label (d->place_kind) : NULL);
}

static void
setup_columns (CgHygienePage *self)
{
  /* forms.md's 消毒工作日志, in its order. */
  const char *titles[N_COLUMNS] = {
    _("Time"), _("Place"), _("Disinfectant and Concentration"), _("Method"), _("Operator"), _("Checker"),
  };

  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COLUMN_PLACE || i == COLUMN_AGENT);
      gtk_column_view_append_column (self->log_view, column);
      g_object_unref (column);
    }
  self->log_rows = g_list_store_new (CG_TYPE_LOG_ROW);
  gtk_column_view_set_model (self->log_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->log_rows)))));
}

/* ---- actions ------------------------------------------------------------ */

static void
on_dialog_saved_cb (GtkWidget     *dialog,
                    const char    *message,
                    CgHygienePage *self)
{
  /* The new entry is the newest: show the first page. */
  self->log_offset = 0;
  show_toast (self, message);
}

static void
open_disinfection_dialog (CgHygienePage *self,
                          const char    *place)
{
  CgDisinfectionDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cg_disinfection_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       self->store, place);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_disinfection_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  open_disinfection_dialog (CG_HYGIENE_PAGE (widget), NULL);
}

static void
record_place_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_disinfection_dialog (CG_HYGIENE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
record_training_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CgHygienePage *self = CG_HYGIENE_PAGE (widget);
  CgTrainingDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cg_training_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cg_import_dialog_run (widget, CG_HYGIENE_PAGE (widget)->store, CG_REGISTER_DISINFECTIONS);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_DISINFECTIONS);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgHygienePage *self = CG_HYGIENE_PAGE (widget);

  if (g_str_equal (action_name, "hygiene.older"))
    self->log_offset += PAGE_SIZE;
  else
    self->log_offset = MAX (0, self->log_offset - PAGE_SIZE);
  cg_page_loader_load (self->loader);
}

/* ---- life cycle --------------------------------------------------------- */

static void
cg_hygiene_page_map (GtkWidget *widget)
{
  CgHygienePage *self = CG_HYGIENE_PAGE (widget);

  GTK_WIDGET_CLASS (cg_hygiene_page_parent_class)->map (widget);
  /* A new day: today's places are another list. */
  cg_page_loader_mapped_daily (self->loader);
}

static void
cg_hygiene_page_dispose (GObject *object)
{
  CgHygienePage *self = CG_HYGIENE_PAGE (object);

  g_clear_pointer (&self->loader, cg_page_loader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_HYGIENE_PAGE);
  g_clear_object (&self->log_rows);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_hygiene_page_parent_class)->dispose (object);
}

static void
cg_hygiene_page_class_init (CgHygienePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_hygiene_page_dispose;
  widget_class->map = cg_hygiene_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-hygiene-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, today_label);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, training_summary);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, places_title);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, places_list);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, log_empty);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, log_box);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, pager_label);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, pager_box);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, log_scroller);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, log_view);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, training_status);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, training_list);
  gtk_widget_class_bind_template_child (widget_class, CgHygienePage, training_empty);

  gtk_widget_class_install_action (widget_class, "hygiene.record-disinfection", NULL, record_disinfection_action);
  gtk_widget_class_install_action (widget_class, "hygiene.record-place", "s", record_place_action);
  gtk_widget_class_install_action (widget_class, "hygiene.record-training", NULL, record_training_action);
  gtk_widget_class_install_action (widget_class, "hygiene.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "hygiene.template", NULL, template_action);
  gtk_widget_class_install_action (widget_class, "hygiene.newer", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "hygiene.older", NULL, page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "hygiene.record-disinfection", NULL);
}

static void
cg_hygiene_page_init (CgHygienePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_columns (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hygiene.newer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hygiene.older", FALSE);
}

GtkWidget *
cg_hygiene_page_new (CgStore        *store,
                     const CgModule *module)
{
  static const char * const tables[] = { "disinfection", "training", "institution", "policy", NULL };
  CgHygienePage *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  self = g_object_new (CG_TYPE_HYGIENE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->module = module;
  self->loader = cg_page_loader_new (GTK_WIDGET (self), store, module != NULL ? module : &cg_module_care_home,
                                     &loader_funcs, tables);
  return GTK_WIDGET (self);
}
