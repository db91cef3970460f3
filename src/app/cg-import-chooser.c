/* cg-import-chooser.c — the file choosers that lead to an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a register page calls for its "Import…" and "Download Template…"
 * actions, and the memory of the folder used last, which every chooser of
 * CSV files shares.  The dialog itself is in cg-import-dialog.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-import.h"
#include "cg-import-dialog.h"

/* ---- the folder used last ------------------------------------------- */

/* Used when the GSettings schema is not installed (a build tree). */
static char *last_folder_fallback;

static GSettings *
get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "last-import-dir"))
    return NULL;
  key = g_settings_schema_get_key (schema, "last-import-dir");
  if (!g_variant_type_equal (g_settings_schema_key_get_value_type (key), G_VARIANT_TYPE_STRING))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
get_last_folder (void)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *folder = NULL;

  if (settings != NULL)
    folder = g_settings_get_string (settings, "last-import-dir");
  if (folder == NULL || *folder == '\0')
    {
      g_free (folder);
      folder = g_strdup (last_folder_fallback);
    }
  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&folder);
}

void
cg_import_dialog_remember_folder (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (G_IS_FILE (file));

  parent = g_file_get_parent (file);
  if (parent == NULL || (path = g_file_get_path (parent)) == NULL)
    return;

  g_free (last_folder_fallback);
  last_folder_fallback = g_strdup (path);
  settings = get_settings ();
  if (settings != NULL)
    g_settings_set_string (settings, "last-import-dir", path);
}

GtkFileChooserNative *
cg_import_dialog_create_chooser (GtkWindow            *parent,
                                 GtkFileChooserAction  action,
                                 const char           *title,
                                 const char           *accept_label)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *folder = get_last_folder ();

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);

  if (folder != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  return chooser;
}

/* ---- telling the page how it went ----------------------------------- */

static GtkWindow *
page_window (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The page's own toast overlay (its first child, as the register pages
 * have it), or the window's. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *page)
{
  GtkWidget *child = gtk_widget_get_first_child (page);
  GtkWidget *ancestor;

  if (ADW_IS_TOAST_OVERLAY (page))
    return ADW_TOAST_OVERLAY (page);
  if (child != NULL && ADW_IS_TOAST_OVERLAY (child))
    return ADW_TOAST_OVERLAY (child);
  ancestor = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  return ancestor != NULL ? ADW_TOAST_OVERLAY (ancestor) : NULL;
}

static void
tell (GtkWidget  *page,
      const char *message,
      gboolean    is_error)
{
  AdwToastOverlay *overlay = find_toast_overlay (page);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      GtkWidget *dialog;

      /* Nowhere to show a toast: only a failure is worth a dialog. */
      if (!is_error)
        return;
      dialog = adw_message_dialog_new (page_window (page), message, NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* A toast's title is markup; a file name may hold '&' or '<'. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, is_error ? 0 : 4);
  adw_toast_overlay_add_toast (overlay, toast);
}

static char *
imported_message (CgRegister reg,
                  guint      n)
{
  switch (reg)
    {
    case CG_REGISTER_PEOPLE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person imported",
                                           "%u people imported", n), n);
    case CG_REGISTER_TESTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u test imported",
                                           "%u tests imported", n), n);
    case CG_REGISTER_CHECKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check imported",
                                           "%u checks imported", n), n);
    case CG_REGISTER_STOCK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ledger entry imported",
                                           "%u ledger entries imported", n), n);
    case CG_REGISTER_VISITS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit imported",
                                           "%u visits imported", n), n);
    case CG_REGISTER_ROOMS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u room imported",
                                           "%u rooms imported", n), n);
    case CG_REGISTER_STAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stay imported",
                                           "%u stays imported", n), n);
    case CG_REGISTER_DISINFECTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disinfection imported",
                                           "%u disinfections imported", n), n);
    case CG_REGISTER_SERVICES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u funeral service imported",
                                           "%u funeral services imported", n), n);
    case CG_REGISTER_MOURNERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mourner imported",
                                           "%u mourners imported", n), n);
    case CG_N_REGISTERS:
      break;
    }
  g_return_val_if_reached (NULL);
}

static const char *
template_name (CgRegister reg)
{
  switch (reg)
    {
    case CG_REGISTER_PEOPLE:
      /* Translators: the file name offered for the empty import template */
      return _("people-template.csv");
    case CG_REGISTER_TESTS:
      /* Translators: the file name offered for the empty import template */
      return _("tests-template.csv");
    case CG_REGISTER_CHECKS:
      /* Translators: the file name offered for the empty import template */
      return _("checks-template.csv");
    case CG_REGISTER_STOCK:
      /* Translators: the file name offered for the empty import template */
      return _("supplies-template.csv");
    case CG_REGISTER_VISITS:
      /* Translators: the file name offered for the empty import template */
      return _("visits-template.csv");
    case CG_REGISTER_ROOMS:
      /* Translators: the file name offered for the empty import template */
      return _("rooms-template.csv");
    case CG_REGISTER_STAYS:
      /* Translators: the file name offered for the empty import template */
      return _("stays-template.csv");
    case CG_REGISTER_DISINFECTIONS:
      /* Translators: the file name offered for the empty import template */
      return _("disinfections-template.csv");
    case CG_REGISTER_SERVICES:
      /* Translators: the file name offered for the empty import template */
      return _("services-template.csv");
    case CG_REGISTER_MOURNERS:
      /* Translators: the file name offered for the empty import template */
      return _("mourners-template.csv");
    case CG_N_REGISTERS:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* ---- import --------------------------------------------------------- */

typedef struct
{
  GWeakRef    page;
  CgStore    *store;
  CgRegister  reg;
} RunData;

static void
run_data_free (gpointer data,
               GClosure *closure)
{
  RunData *run = data;

  g_weak_ref_clear (&run->page);
  g_clear_object (&run->store);
  g_free (run);
}

static void
on_imported_cb (CgImportDialog *dialog,
                guint           n_new,
                guint           n_updated,
                GtkWidget      *page)
{
  g_autofree char *message = NULL;

  message = imported_message (cg_import_dialog_get_register (dialog), n_new + n_updated);
  tell (page, message, FALSE);
}

static void
open_dialog (GtkWidget  *page,
             CgStore    *store,
             CgRegister  reg,
             GFile      *file)
{
  CgImportDialog *dialog;

  dialog = cg_import_dialog_new (page_window (page), store, reg, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_run_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    RunData         *run)
{
  g_autoptr(GtkWidget) page = g_weak_ref_get (&run->page);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    cg_import_dialog_remember_folder (file);
  if (file != NULL && page != NULL && gtk_widget_get_root (page) != NULL)
    open_dialog (page, run->store, run->reg, file);
  /* Frees @run too. */
  g_object_unref (chooser);
}

void
cg_import_dialog_run (GtkWidget  *page,
                      CgStore    *store,
                      CgRegister  reg)
{
  GtkFileChooserNative *chooser;
  const char *test_file;
  RunData *run;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (CG_IS_STORE (store));
  g_return_if_fail (reg < CG_N_REGISTERS);

  /* GTK 4.8's chooser cannot be driven through AT-SPI (its file list has
   * no accessible rows, its location entry no name): the UI tests name
   * the file here instead.  Everything after the choice is the real path. */
  test_file = g_getenv ("CAREGUARD_TEST_IMPORT_FILE");
  if (test_file != NULL && *test_file != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_file);

      open_dialog (page, store, reg, file);
      return;
    }

  run = g_new0 (RunData, 1);
  g_weak_ref_init (&run->page, page);
  run->store = g_object_ref (store);
  run->reg = reg;

  chooser = cg_import_dialog_create_chooser (page_window (page), GTK_FILE_CHOOSER_ACTION_OPEN,
                                             cg_import_dialog_title (reg), _("_Open"));
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_run_response_cb),
                         run, run_data_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- template ------------------------------------------------------- */

typedef struct
{
  GWeakRef    page;
  CgRegister  reg;
} TemplateData;

static void
template_data_free (gpointer data,
                    GClosure *closure)
{
  TemplateData *template = data;

  g_weak_ref_clear (&template->page);
  g_free (template);
}

/* The headers follow the interface: the Chinese ones for a Chinese user,
 * who fills the file in with a Chinese spreadsheet. */
static gboolean
ui_is_chinese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "zh");
}

static void
on_template_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         TemplateData    *template)
{
  g_autoptr(GtkWidget) page = g_weak_ref_get (&template->page);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    {
      g_object_unref (chooser);
      return;
    }

  cg_import_dialog_remember_folder (file);
  data = cg_import_template (template->reg, ui_is_chinese (), &len);
  if (!g_file_replace_contents (file, data, len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      if (page != NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("The template could not be saved: %s"), error->message);
          tell (page, message, TRUE);
        }
    }
  else if (page != NULL)
    tell (page, _("Template saved. Fill it in with a spreadsheet program, save it as CSV, then import it."),
          FALSE);
  /* Frees @template too. */
  g_object_unref (chooser);
}

void
cg_import_template_save (GtkWidget  *page,
                         CgRegister  reg)
{
  GtkFileChooserNative *chooser;
  TemplateData *template;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (reg < CG_N_REGISTERS);

  template = g_new0 (TemplateData, 1);
  g_weak_ref_init (&template->page, page);
  template->reg = reg;

  chooser = cg_import_dialog_create_chooser (page_window (page), GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("Save Import Template"), _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), template_name (reg));
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_template_response_cb),
                         template, template_data_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
