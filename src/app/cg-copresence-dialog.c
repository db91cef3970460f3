/* cg-copresence-dialog.c — who was here at the same time as a visitor (tracing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a visitor later turns out to be infected, the health department
 * asks who was there at the same time.  The list is worked out in a
 * thread on a connection of its own and can be saved as a CSV file.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgCopresenceDialog"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-copresence.h"
#include "cg-copresence-dialog.h"
#include "cg-date.h"
#include "cg-validate.h"

/* ---- one contact as a list item ------------------------------------------ */

#define CG_TYPE_CONTACT_ITEM (cg_contact_item_get_type ())
G_DECLARE_FINAL_TYPE (CgContactItem, cg_contact_item, CG, CONTACT_ITEM, GObject)

struct _CgContactItem
{
  GObject    parent_instance;
  CgContact *contact;   /* borrowed from the dialog's array */
};

G_DEFINE_FINAL_TYPE (CgContactItem, cg_contact_item, G_TYPE_OBJECT)

static void
cg_contact_item_class_init (CgContactItemClass *klass)
{
}

static void
cg_contact_item_init (CgContactItem *self)
{
}

typedef enum
{
  COL_KIND,
  COL_NAME,
  COL_ID,
  COL_PHONE,
  COL_OVERLAP,
  COL_DETAIL,
  N_COLS
} Column;

static const struct
{
  const char *title;
  int         width;
} columns[N_COLS] = {
  [COL_KIND]    = { N_("Kind"),      150 },
  [COL_NAME]    = { N_("Name"),      100 },
  [COL_ID]      = { N_("ID Number"), 170 },
  [COL_PHONE]   = { N_("Phone"),     115 },
  [COL_OVERLAP] = { N_("Overlap"),   220 },
  [COL_DETAIL]  = { N_("Detail"),      0 },
};

struct _CgCopresenceDialog
{
  AdwWindow      parent_instance;

  CgStore       *store;
  char          *id_number;
  char          *subject_name;
  char          *from_utc;      /* the default span, to the second */
  char          *to_utc;
  char          *from_local;    /* as first shown: unchanged text means the exact default */
  char          *to_local;

  AdwToastOverlay *toast_overlay;
  GtkEntry      *from_entry;
  GtkEntry      *to_entry;
  GtkButton     *search_button;
  GtkButton     *export_button;
  GtkSpinner    *spinner;
  GtkLabel      *count_label;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GListStore    *items;
  GPtrArray     *contacts;      /* CgContact*, the last list */
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (CgCopresenceDialog, cg_copresence_dialog, ADW_TYPE_WINDOW)

static void
show_toast (CgCopresenceDialog *self,
            const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
overlap_text (const CgContact *contact)
{
  g_autofree char *from = cg_datetime_utc_to_local (contact->from);
  g_autofree char *to = cg_datetime_utc_to_local (contact->to);

  if (from == NULL || to == NULL)
    return g_strdup ("");
  /* The same day: the end time alone. */
  if (strlen (from) == 16 && strlen (to) == 16 && strncmp (from, to, 10) == 0)
    return g_strdup_printf ("%s–%s", from, to + 11);
  return g_strdup_printf ("%s – %s", from, to);
}

static char *
column_text (const CgContact *contact,
             Column           column)
{
  switch (column)
    {
    case COL_KIND:
      return g_strdup (cg_contact_kind_label (contact->kind));
    case COL_NAME:
      return g_strdup (contact->name != NULL ? contact->name : "");
    case COL_ID:
      return cg_mask_id_number (contact->id_number);
    case COL_PHONE:
      return g_strdup (contact->phone != NULL ? contact->phone : "");
    case COL_OVERLAP:
      return overlap_text (contact);
    case COL_DETAIL:
      return g_strdup (contact->detail != NULL ? contact->detail : "");
    case N_COLS:
    default:
      return g_strdup ("");
    }
}

/* ---- CSV ------------------------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

char *
cg_copresence_to_csv (GPtrArray *contacts)
{
  /* UTF-8 with a byte-order mark, so that Excel reads the Chinese. */
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *headers[] = {
    /* Translators: the headers of the exported co-presence list (同时在场人员) */
    _("Kind"), _("Name"), _("ID Number (masked)"), _("Phone"), _("From"), _("To"), _("Detail"),
  };

  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      if (h > 0)
        g_string_append_c (out, ',');
      csv_field (out, headers[h]);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      const CgContact *contact = contacts->pdata[i];
      g_autofree char *masked = cg_mask_id_number (contact->id_number);
      g_autofree char *from = cg_datetime_utc_to_local (contact->from);
      g_autofree char *to = cg_datetime_utc_to_local (contact->to);
      const char *fields[] = {
        cg_contact_kind_label (contact->kind),
        contact->name != NULL ? contact->name : "",
        masked,
        contact->phone != NULL ? contact->phone : "",
        from != NULL ? from : "",
        to != NULL ? to : "",
        contact->detail != NULL ? contact->detail : "",
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          csv_field (out, fields[f]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static void
write_csv (CgCopresenceDialog *self,
           GFile              *file)
{
  g_autofree char *csv = cg_copresence_to_csv (self->contacts);
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                               G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    show_toast (self, _("List saved"));
  else
    {
      /* Translators: %s is the system's reason */
      g_autofree char *message = g_strdup_printf (_("The list could not be saved: %s"), error->message);

      show_toast (self, message);
    }
}

static void
on_export_response_cb (GtkNativeDialog    *chooser,
                       int                 response,
                       CgCopresenceDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        write_csv (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_clicked_cb (CgCopresenceDialog *self)
{
  const char *test_file = g_getenv ("CAREGUARD_TEST_EXPORT_FILE");
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  g_autofree char *name = NULL;
  GDate today;
  g_autofree char *day = NULL;

  if (test_file != NULL && *test_file != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_file);

      write_csv (self, file);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export Who Was Here"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  cg_date_today (&today);
  day = cg_date_to_iso (&today);
  /* Translators: file name of the exported co-presence list; %s are the subject's name and today */
  name = g_strdup_printf (_("copresence-%s-%s.csv"), self->subject_name, day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the list, worked out in a thread ----------------------------------------- */

typedef struct
{
  char *path;
  char *id_number;
  char *from;
  char *to;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->id_number);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (job->path, &error);
  GPtrArray *contacts = NULL;

  if (store != NULL)
    contacts = cg_copresence_list (store, 0, job->id_number, job->from, job->to, &error);
  if (contacts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, contacts, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_ready_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CgCopresenceDialog *self = CG_COPRESENCE_DIALOG (source_object);
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *count = NULL;

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable || self->cancellable == NULL)
    {
      g_clear_pointer (&contacts, g_ptr_array_unref);
      return;
    }
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), TRUE);
  if (contacts == NULL)
    {
      gtk_label_set_text (self->count_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = contacts;
  for (guint i = 0; i < contacts->len; i++)
    {
      CgContactItem *item = g_object_new (CG_TYPE_CONTACT_ITEM, NULL);

      item->contact = contacts->pdata[i];
      g_list_store_append (self->items, item);
      g_object_unref (item);
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person was here at the same time",
                                        "%u people were here at the same time", contacts->len),
                           contacts->len);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, contacts->len > 0 ? "list" : "empty");
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "list"), contacts->len > 0);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "empty"), contacts->len == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
}

/* The span typed, in UTC; the exact default when the text is unchanged. */
static char *
span_end (GtkEntry   *entry,
          const char *shown,
          const char *exact)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (text, shown) == 0 && exact != NULL)
    return g_strdup (exact);
  return cg_datetime_local_to_utc (text);
}

static void
start_search (CgCopresenceDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *from = span_end (self->from_entry, self->from_local, self->from_utc);
  g_autofree char *to = span_end (self->to_entry, self->to_local, self->to_utc);
  Job *job;

  if (from == NULL || to == NULL || strcmp (from, to) > 0)
    {
      gtk_label_set_text (self->count_label,
                          from == NULL || to == NULL
                          ? _("Write the span as YYYY-MM-DD HH:MM, e.g. 2021-11-20 14:30.")
                          : _("The span ends before it starts."));
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      gtk_widget_grab_focus (GTK_WIDGET (from == NULL ? self->from_entry : self->to_entry));
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->path = g_strdup (cg_store_get_path (self->store));
  job->id_number = g_strdup (self->id_number);
  job->from = g_steal_pointer (&from);
  job->to = g_steal_pointer (&to);
  task = g_task_new (self, self->cancellable, list_ready_cb, NULL);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, job, job_free);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
  gtk_label_set_text (self->count_label, _("Looking through the registers…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  g_task_run_in_thread (task, list_thread);
}

/* ---- widgets ----------------------------------------------------------------------- */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  CgContactItem *contact = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = column_text (contact->contact, GPOINTER_TO_UINT (user_data));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
}

static GtkWidget *
labelled (const char *label_text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
cg_copresence_dialog_dispose (GObject *object)
{
  CgCopresenceDialog *self = CG_COPRESENCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_copresence_dialog_parent_class)->dispose (object);
}

static void
cg_copresence_dialog_finalize (GObject *object)
{
  CgCopresenceDialog *self = CG_COPRESENCE_DIALOG (object);

  g_free (self->id_number);
  g_free (self->subject_name);
  g_free (self->from_utc);
  g_free (self->to_utc);
  g_free (self->from_local);
  g_free (self->to_local);

  G_OBJECT_CLASS (cg_copresence_dialog_parent_class)->finalize (object);
}

static void
cg_copresence_dialog_class_init (CgCopresenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_copresence_dialog_dispose;
  object_class->finalize = cg_copresence_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_copresence_dialog_init (CgCopresenceDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Who Was Here at the Same Time"), NULL);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *span = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;
  GtkNoSelection *selection;

  gtk_window_set_default_size (GTK_WINDOW (self), 980, 600);
  gtk_window_set_title (GTK_WINDOW (self), _("Who Was Here at the Same Time"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  self->export_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Export…")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button),
                               _("Save the list as a CSV file for the health department (ID numbers masked)"));
  /* GTK 4.8 names a mnemonic button by its raw label ("_Export… Export…"). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export…"), -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->export_button));
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_vexpand (body, TRUE);

  self->from_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->from_entry), 17);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Span from"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->from_entry), _("Local time, YYYY-MM-DD HH:MM"));
  self->to_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->to_entry), 17);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Span to"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry), _("Local time, YYYY-MM-DD HH:MM"));
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (start_search), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (start_search), self);
  self->search_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Search")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->search_button), _("List everyone present during this span"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search"), -1);
  g_signal_connect_swapped (self->search_button, "clicked", G_CALLBACK (start_search), self);
  gtk_box_append (GTK_BOX (span), labelled (_("_From"), GTK_WIDGET (self->from_entry)));
  gtk_box_append (GTK_BOX (span), labelled (_("_To"), GTK_WIDGET (self->to_entry)));
  gtk_box_append (GTK_BOX (span), GTK_WIDGET (self->search_button));

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0.0f);
  gtk_label_set_wrap (self->count_label, TRUE);
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->count_label));

  self->items = g_list_store_new (CG_TYPE_CONTACT_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People present at the same time"), -1);
  for (guint i = 0; i < N_COLS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "list");
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "avatar-default-symbolic");
  adw_status_page_set_title (self->empty_page, _("Nobody Else Was Here"));
  adw_status_page_set_description (self->empty_page,
                                   _("No admitted visitor, resident visited or staff member on duty overlaps this span."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);

  gtk_box_append (GTK_BOX (body), span);
  gtk_box_append (GTK_BOX (body), status);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (content), body);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

GtkWidget *
cg_copresence_dialog_new (GtkWindow     *parent,
                          CgStore       *store,
                          const CgVisit *visit)
{
  CgCopresenceDialog *self;
  g_autofree char *masked = NULL;
  g_autofree char *subject = NULL;
  GtkWidget *subject_label;
  GtkWidget *body;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (visit != NULL, NULL);

  self = g_object_new (CG_TYPE_COPRESENCE_DIALOG,
                       "modal", parent != NULL,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->id_number = g_strdup (visit->visitor_id_number);
  self->subject_name = g_strdup (visit->visitor_name);
  self->from_utc = g_strdup (visit->arrived_at);
  /* Still inside: to now.  A refused visitor never entered: the whole
   * day of the refusal, for the visitor's other visits that day. */
  if (visit->left_at != NULL)
    self->to_utc = g_strdup (visit->left_at);
  else if (visit->refusal == 0)
    self->to_utc = cg_datetime_now_utc ();
  else
    {
      g_autofree char *local = cg_datetime_utc_to_local (visit->arrived_at);
      g_autofree char *day = local != NULL ? g_strndup (local, 10) : NULL;
      g_autofree char *start = day != NULL ? g_strconcat (day, " 00:00", NULL) : NULL;
      g_autofree char *end = day != NULL ? g_strconcat (day, " 23:59:59", NULL) : NULL;
      char *from = cg_datetime_local_to_utc (start);

      if (from != NULL)
        {
          g_free (self->from_utc);
          self->from_utc = from;
        }
      self->to_utc = cg_datetime_local_to_utc (end);
      if (self->to_utc == NULL)
        self->to_utc = g_strdup (visit->arrived_at);
    }
  self->from_local = cg_datetime_utc_to_local (self->from_utc);
  self->to_local = cg_datetime_utc_to_local (self->to_utc);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), self->from_local != NULL ? self->from_local : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), self->to_local != NULL ? self->to_local : "");

  masked = cg_mask_id_number (visit->visitor_id_number);
  /* Translators: the subject of the tracing: a visitor's name and masked ID number */
  subject = g_strdup_printf (_("Visitor %s (%s)"), visit->visitor_name, masked);
  subject_label = gtk_label_new (subject);
  gtk_label_set_xalign (GTK_LABEL (subject_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (subject_label), TRUE);
  gtk_widget_add_css_class (subject_label, "title-3");
  body = gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->from_entry))));
  gtk_box_prepend (GTK_BOX (body), subject_label);
  if (visit->refusal != 0)
    {
      GtkWidget *note = gtk_label_new (_("This visit was refused: the visitor did not enter. The span is the whole day, for the visitor's other visits that day."));

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0.0f);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_insert_child_after (GTK_BOX (body), note, subject_label);
    }

  start_search (self);
  return GTK_WIDGET (self);
}
