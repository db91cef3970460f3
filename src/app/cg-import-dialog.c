/* cg-import-dialog.c — preview and confirm a CSV import of a register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read and checked in a thread, on a connection of its own:
 * a year of temperature checks of a large home is hundreds of thousands
 * of rows, and the window must stay alive while they are checked.  The
 * commit runs in a thread too, on that same connection.  The choosers
 * that lead here are in cg-import-chooser.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgImportDialog"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-import.h"
#include "cg-import-dialog.h"
#include "cg-import-dialog-private.h"
#include "cg-widgets.h"

/* How many good rows the preview lists; the import takes them all. */
#define PREVIEW_ROWS 200

#define MiB (1024 * 1024)

/* What differs between the registers.  The size limits keep what is read
 * into memory sane (a checked row costs about 1 KiB: 400,000 checks, an
 * 18 MB file, take some 350 MB) while leaving room for real files: a
 * register of people is a few hundred kilobytes, a year of checks of a
 * 1,000-bed home is 20–30 MB. */
static const struct
{
  const char *title;       /* the window's title */
  const char *new_title;   /* the card counting new records */
  const char *table;       /* CgStore::changed detail after the commit */
  goffset     max_size;
} register_info[] = {
  [CG_REGISTER_PEOPLE] = { N_("Import People"), N_("New People"), "person", 16 * MiB },
  [CG_REGISTER_TESTS] = { N_("Import Nucleic-Acid Tests"), N_("New Samples"), "nat_test", 32 * MiB },
  [CG_REGISTER_CHECKS] = { N_("Import Temperature Checks"), N_("New Checks"), "health_check", 64 * MiB },
  [CG_REGISTER_STOCK] = { N_("Import Supplies Ledger"), N_("New Entries"), "stock_movement", 16 * MiB },
  [CG_REGISTER_VISITS] = { N_("Import Visitor Register"), N_("New Visits"), "visit", 64 * MiB },
  [CG_REGISTER_ROOMS] = { N_("Import Rooms"), N_("New Rooms"), "room", 4 * MiB },
  [CG_REGISTER_STAYS] = { N_("Import Isolation Stays"), N_("New Stays"), "stay", 16 * MiB },
  [CG_REGISTER_DISINFECTIONS] = { N_("Import Disinfection Log"), N_("New Entries"), "disinfection", 16 * MiB },
  [CG_REGISTER_SERVICES] = { N_("Import Funeral Services"), N_("New Services"), "service", 16 * MiB },
  [CG_REGISTER_MOURNERS] = { N_("Import Mourner Register"), N_("New Mourners"), "mourner", 16 * MiB },
};
/* A register added to cg-import.h needs its line here (and its texts in
 * the switches below, which -Wswitch points out). */
G_STATIC_ASSERT (G_N_ELEMENTS (register_info) == CG_N_REGISTERS);

struct _CgImportDialog
{
  AdwWindow     parent_instance;

  CgStore      *store;
  CgRegister    reg;
  GFile        *file;
  GCancellable *cancellable;
  /* The prepared import and the second connection it was read with; the
   * commit runs on that connection in a thread too. */
  CgImport     *import;
  CgStore      *work_store;
  gboolean      committing;

  /* The loading page counts the seconds of a long file. */
  GTimer       *timer;
  guint         tick_id;
  char         *file_text;    /* "checks.csv (18.4 MB)" */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkLabel       *loading_label;
  GtkLabel       *loading_detail;
  AdwStatusPage  *error_page;
  GtkLabel       *rows_value;
  GtkLabel       *new_value;
  GtkLabel       *new_label;
  GtkLabel       *updated_value;
  GtkLabel       *problems_value;
  GtkWidget      *status_box;
  GtkImage       *status_icon;
  GtkLabel       *status_label;
  GtkLabel       *details_label;
  GtkStack       *view_stack;
  GtkWidget      *view_switcher;
  GtkWidget      *preview_heading;
  GtkStackPage   *problems_stack_page;
  GtkStackPage   *preview_stack_page;
  GtkColumnView  *problems_view;
  GtkColumnView  *preview_view;
};

G_DEFINE_FINAL_TYPE (CgImportDialog, cg_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

const char *
cg_import_dialog_title (CgRegister reg)
{
  g_return_val_if_fail (reg < CG_N_REGISTERS, NULL);

  return _(register_info[reg].title);
}

CgRegister
cg_import_dialog_get_register (CgImportDialog *self)
{
  g_return_val_if_fail (CG_IS_IMPORT_DIALOG (self), CG_REGISTER_PEOPLE);

  return self->reg;
}

/* ---- texts that differ per register --------------------------------- */

static char *
too_large_message (CgRegister  reg,
                   goffset     size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *max_text = g_format_size (register_info[reg].max_size);

  switch (reg)
    {
    case CG_REGISTER_PEOPLE:
      return g_strdup_printf (_("The file is too large (%s) to be a register of people: the largest accepted is %s. Choose the CSV file saved from the template."),
                              size_text, max_text);
    case CG_REGISTER_TESTS:
      return g_strdup_printf (_("The file is too large (%s) for one import of tests: the largest accepted is %s. Split it into files of a few years each."),
                              size_text, max_text);
    case CG_REGISTER_CHECKS:
      return g_strdup_printf (_("The file is too large (%s) for one import of checks: the largest accepted is %s. Split it into files of a year or less."),
                              size_text, max_text);
    case CG_REGISTER_STOCK:
      return g_strdup_printf (_("The file is too large (%s) for one import of the supplies ledger: the largest accepted is %s. Split it into files of a year or less."),
                              size_text, max_text);
    case CG_REGISTER_VISITS:
      return g_strdup_printf (_("The file is too large (%s) for one import of visits: the largest accepted is %s. Split it into files of a year or less."),
                              size_text, max_text);
    case CG_REGISTER_ROOMS:
      return g_strdup_printf (_("The file is too large (%s) to be a list of rooms: the largest accepted is %s. Choose the CSV file saved from the template."),
                              size_text, max_text);
    case CG_REGISTER_STAYS:
      return g_strdup_printf (_("The file is too large (%s) for one import of isolation stays: the largest accepted is %s. Split it into files of a year or less."),
                              size_text, max_text);
    case CG_REGISTER_DISINFECTIONS:
      return g_strdup_printf (_("The file is too large (%s) for one import of the disinfection log: the largest accepted is %s. Split it into files of a year or less."),
                              size_text, max_text);
    case CG_REGISTER_SERVICES:
      return g_strdup_printf (_("The file is too large (%s) for one import of funeral services: the largest accepted is %s. Split it into files of a year or less."),
                              size_text, max_text);
    case CG_REGISTER_MOURNERS:
      return g_strdup_printf (_("The file is too large (%s) for one import of the mourner register: the largest accepted is %s. Split it into files of a year or less."),
                              size_text, max_text);
    case CG_N_REGISTERS:
      break;
    }
  g_return_val_if_reached (NULL);
}

static char *
ready_message (CgRegister reg,
               guint      n_rows,
               guint      n_new,
               guint      n_updated)
{
  g_autofree char *counts = NULL;

  /* People are counted in persons (人) in Chinese, the other registers in
   * records (条): the context says tests or checks, and holds for the
   * supplies ledger too. */
  if (reg == CG_REGISTER_PEOPLE)
    counts = g_strdup_printf (_("%u new, %u updated."), n_new, n_updated);
  else
    counts = g_strdup_printf (C_("tests or checks", "%u new, %u updated."), n_new, n_updated);

  switch (reg)
    {
    case CG_REGISTER_PEOPLE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u person: %s",
                                           "Every row is correct. Ready to import %u people: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_TESTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u test: %s",
                                           "Every row is correct. Ready to import %u tests: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_CHECKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u check: %s",
                                           "Every row is correct. Ready to import %u checks: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_STOCK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u ledger entry: %s",
                                           "Every row is correct. Ready to import %u ledger entries: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_VISITS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u visit: %s",
                                           "Every row is correct. Ready to import %u visits: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_ROOMS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u room: %s",
                                           "Every row is correct. Ready to import %u rooms: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_STAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u stay: %s",
                                           "Every row is correct. Ready to import %u stays: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_DISINFECTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u disinfection: %s",
                                           "Every row is correct. Ready to import %u disinfections: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_SERVICES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u funeral service: %s",
                                           "Every row is correct. Ready to import %u funeral services: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_REGISTER_MOURNERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every row is correct. Ready to import %u mourner: %s",
                                           "Every row is correct. Ready to import %u mourners: %s",
                                           n_rows),
                              n_rows, counts);
    case CG_N_REGISTERS:
      break;
    }
  g_return_val_if_reached (NULL);
}

static const char *
empty_message (CgRegister reg)
{
  switch (reg)
    {
    case CG_REGISTER_PEOPLE:
      return _("The file has a header row but no people in it.");
    case CG_REGISTER_TESTS:
      return _("The file has a header row but no tests in it.");
    case CG_REGISTER_CHECKS:
      return _("The file has a header row but no checks in it.");
    case CG_REGISTER_STOCK:
      return _("The file has a header row but no ledger entries in it.");
    case CG_REGISTER_VISITS:
      return _("The file has a header row but no visits in it.");
    case CG_REGISTER_ROOMS:
      return _("The file has a header row but no rooms in it.");
    case CG_REGISTER_STAYS:
      return _("The file has a header row but no stays in it.");
    case CG_REGISTER_DISINFECTIONS:
      return _("The file has a header row but no disinfections in it.");
    case CG_REGISTER_SERVICES:
      return _("The file has a header row but no funeral services in it.");
    case CG_REGISTER_MOURNERS:
      return _("The file has a header row but no mourners in it.");
    case CG_N_REGISTERS:
      break;
    }
  g_return_val_if_reached (NULL);
}

static char *
checking_message (guint n_rows)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Checking %u row…", "Checking %u rows…", n_rows),
                          n_rows);
}

static char *
importing_message (CgRegister reg,
                   guint      n_rows)
{
  switch (reg)
    {
    case CG_REGISTER_PEOPLE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u person…", "Importing %u people…", n_rows),
                              n_rows);
    case CG_REGISTER_TESTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u test…", "Importing %u tests…", n_rows),
                              n_rows);
    case CG_REGISTER_CHECKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u check…", "Importing %u checks…", n_rows),
                              n_rows);
    case CG_REGISTER_STOCK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u ledger entry…", "Importing %u ledger entries…", n_rows),
                              n_rows);
    case CG_REGISTER_VISITS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u visit…", "Importing %u visits…", n_rows),
                              n_rows);
    case CG_REGISTER_ROOMS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u room…", "Importing %u rooms…", n_rows),
                              n_rows);
    case CG_REGISTER_STAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u stay…", "Importing %u stays…", n_rows),
                              n_rows);
    case CG_REGISTER_DISINFECTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u disinfection…", "Importing %u disinfections…", n_rows),
                              n_rows);
    case CG_REGISTER_SERVICES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u funeral service…", "Importing %u funeral services…", n_rows),
                              n_rows);
    case CG_REGISTER_MOURNERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u mourner…", "Importing %u mourners…", n_rows),
                              n_rows);
    case CG_N_REGISTERS:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* ---- the loading page ----------------------------------------------- */

static void
update_loading_detail (CgImportDialog *self)
{
  guint seconds = self->timer != NULL ? (guint) g_timer_elapsed (self->timer, NULL) : 0;
  g_autofree char *text = NULL;

  /* A short file is done before anyone reads a clock. */
  if (seconds < 2)
    text = g_strdup (self->file_text);
  else
    /* Translators: "checks.csv (18.4 MB) · 1:05", minutes and seconds spent so far */
    text = g_strdup_printf (_("%s · %u:%02u"), self->file_text, seconds / 60, seconds % 60);
  gtk_label_set_text (self->loading_detail, text);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  update_loading_detail (CG_IMPORT_DIALOG (user_data));
  return G_SOURCE_CONTINUE;
}

static void
stop_loading (CgImportDialog *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
}

static void
start_loading (CgImportDialog *self,
               const char     *text)
{
  gtk_label_set_text (self->loading_label, text);
  if (self->timer == NULL)
    self->timer = g_timer_new ();
  g_timer_start (self->timer);
  update_loading_detail (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, on_tick_cb, self);
  gtk_spinner_start (self->spinner);
  cg_stack_show_only (self->stack, "loading");
}

/* ---- reading the file in a thread ----------------------------------- */

typedef struct
{
  GFile      *file;
  char       *db_path;
  CgRegister  reg;
} PrepareData;

typedef struct
{
  CgImport *import;
  CgStore  *store;
} PrepareResult;

typedef struct
{
  CgImportDialog *dialog;
  GCancellable   *cancellable;
  char           *text;
} StageData;

static void
prepare_data_free (PrepareData *data)
{
  g_clear_object (&data->file);
  g_free (data->db_path);
  g_free (data);
}

static void
prepare_result_free (PrepareResult *result)
{
  g_clear_pointer (&result->import, cg_import_free);
  g_clear_object (&result->store);
  g_free (result);
}

static void
stage_data_free (StageData *stage)
{
  g_clear_object (&stage->dialog);
  g_clear_object (&stage->cancellable);
  g_free (stage->text);
  g_free (stage);
}

static gboolean
set_stage_cb (gpointer user_data)
{
  StageData *stage = user_data;

  if (!g_cancellable_is_cancelled (stage->cancellable)
      && stage->cancellable == stage->dialog->cancellable)
    gtk_label_set_text (stage->dialog->loading_label, stage->text);
  return G_SOURCE_REMOVE;
}

/* Tells the loading page, from the thread, what is being done. */
static void
set_stage (GTask *task,
           char  *text)
{
  StageData *stage = g_new0 (StageData, 1);

  stage->dialog = g_object_ref (g_task_get_source_object (task));
  stage->cancellable = g_object_ref (g_task_get_cancellable (task));
  stage->text = text;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              set_stage_cb, stage, (GDestroyNotify) stage_data_free);
}

/* The data rows of a CSV file: its line ends outside quotes, less the
 * header.  Said while the rows are checked, so that a large file does not
 * leave the user wondering; a doubled quote inside a quoted cell toggles
 * twice and changes nothing, and no GB18030 byte is a quote or a newline. */
static guint
count_rows (const char *data,
            gsize       len)
{
  gboolean quoted = FALSE;
  gboolean blank = TRUE;
  guint lines = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      if (c == '\n' && !quoted)
        {
          if (!blank)
            lines++;
          blank = TRUE;
        }
      else if (c != '\r')
        blank = FALSE;
    }
  if (!blank)
    lines++;
  return lines > 0 ? lines - 1 : 0;
}

static gboolean
read_file (GFile         *file,
           CgRegister     reg,
           GCancellable  *cancellable,
           char         **contents,
           gsize         *len,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > register_info[reg].max_size)
    {
      g_autofree char *message = too_large_message (reg, g_file_info_get_size (info));

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, message);
      return FALSE;
    }
  return g_file_load_contents (file, cancellable, contents, len, NULL, error);
}

/* The window's connection stays on the main thread; this thread reads
 * through a connection of its own to the same database. */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PrepareData *data = task_data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PrepareResult *result;
  gsize len = 0;

  if (!read_file (data->file, data->reg, cancellable, &contents, &len, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  set_stage (task, checking_message (count_rows (contents, len)));

  result = g_new0 (PrepareResult, 1);
  result->store = cg_store_open (data->db_path, &error);
  if (result->store != NULL)
    result->import = cg_import_prepare (result->store, data->reg, contents, len, &error);
  if (result->import == NULL)
    {
      prepare_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) prepare_result_free);
}

static void
set_status (CgImportDialog *self,
            const char     *icon_name,
            const char     *style,
            const char     *text)
{
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), style);
  gtk_label_set_text (self->status_label, text);
}

static void
set_number (GtkLabel *label,
            guint     value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  gtk_label_set_text (label, text);
}

static void
show_preview (CgImportDialog *self)
{
  GPtrArray *problems = cg_import_get_problems (self->import);
  GPtrArray *unknown = cg_import_get_unknown_columns (self->import);
  guint n_rows = cg_import_get_n_rows (self->import);
  guint n_new = cg_import_get_n_new (self->import);
  guint n_updated = cg_import_get_n_updated (self->import);
  guint n_problems = problems != NULL ? problems->len : 0;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *status = NULL;
  g_autofree char *problems_title = NULL;
  gboolean can_import;

  g_debug ("%s: %u rows read and checked in %.1f s", cg_register_to_string (self->reg),
           n_rows, g_timer_elapsed (self->timer, NULL));
  stop_loading (self);

  set_number (self->rows_value, n_rows);
  set_number (self->new_value, n_new);
  set_number (self->updated_value, n_updated);
  set_number (self->problems_value, n_problems);
  if (n_problems > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->problems_value), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->problems_value), "error");

  g_string_append_printf (details, _("Encoding: %s"), cg_import_get_encoding (self->import));
  if (unknown != NULL && unknown->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < unknown->len; i++)
        {
          if (i > 0)
            g_string_append (names, _(", "));
          g_string_append_printf (names, "“%s”", (const char *) g_ptr_array_index (unknown, i));
        }
      g_string_append (details, "  ·  ");
      g_string_append_printf (details,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Ignored column: %s",
                                           "Ignored columns: %s", unknown->len),
                              names->str);
    }
  if (n_rows > PREVIEW_ROWS && n_problems == 0)
    {
      g_string_append (details, "  ·  ");
      g_string_append_printf (details, _("The preview shows the first %u rows."), PREVIEW_ROWS);
    }
  gtk_label_set_text (self->details_label, details->str);

  cg_import_set_rows (self->problems_view, cg_import_problem_list_new (problems));
  cg_import_fill_preview (self->preview_view, self->import, PREVIEW_ROWS);

  problems_title = g_strdup_printf (_("Problems (%u)"), n_problems);
  gtk_stack_page_set_title (self->problems_stack_page, problems_title);
  gtk_stack_page_set_visible (self->problems_stack_page, n_problems > 0);
  /* Two tabs when there are problems to read; otherwise the preview only. */
  gtk_widget_set_visible (self->view_switcher, n_problems > 0);
  gtk_widget_set_visible (self->preview_heading, n_problems == 0);

  if (n_problems > 0)
    {
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u problem found. Nothing will be imported until the file is fixed: correct it in the spreadsheet, save it as CSV again and import it once more.",
                                             "%u problems found. Nothing will be imported until the file is fixed: correct them in the spreadsheet, save it as CSV again and import it once more.",
                                             n_problems),
                                n_problems);
      set_status (self, "dialog-warning-symbolic", "error", status);
      gtk_stack_set_visible_child_name (self->view_stack, "problems");
      can_import = FALSE;
    }
  else if (n_rows == 0)
    {
      set_status (self, "dialog-information-symbolic", "warning", empty_message (self->reg));
      gtk_stack_set_visible_child_name (self->view_stack, "preview");
      can_import = FALSE;
    }
  else
    {
      status = ready_message (self->reg, n_rows, n_new, n_updated);
      set_status (self, "emblem-ok-symbolic", "success", status);
      gtk_stack_set_visible_child_name (self->view_stack, "preview");
      can_import = TRUE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", can_import);
  cg_stack_show_only (self->stack, "preview");
}

static void
show_failure (CgImportDialog *self,
              const char     *message)
{
  stop_loading (self);
  adw_status_page_set_description (self->error_page, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", FALSE);
  cg_stack_show_only (self->stack, "error");
}

static void
prepare_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  PrepareResult *prepared;

  prepared = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&prepared, prepare_result_free);
      return;
    }
  if (prepared == NULL)
    {
      show_failure (self, error->message);
      return;
    }

  g_clear_pointer (&self->import, cg_import_free);
  g_clear_object (&self->work_store);
  self->import = g_steal_pointer (&prepared->import);
  self->work_store = g_steal_pointer (&prepared->store);
  prepare_result_free (prepared);
  show_preview (self);
}

/* A database that only lives in memory cannot be opened twice: read it on
 * the main thread with the window's own connection. */
static gboolean
store_is_shareable (CgStore *store)
{
  const char *path = cg_store_get_path (store);

  return path != NULL && *path != '\0' && g_strcmp0 (path, ":memory:") != 0
         && !g_str_has_prefix (path, "file::memory:");
}

static void
load_file (CgImportDialog *self,
           GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = NULL;
  PrepareData *data;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->import, cg_import_free);
  g_clear_object (&self->work_store);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);
  g_free (self->file_text);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      /* Translators: a file's name and size, "checks.csv (18.4 MB)" */
      self->file_text = g_strdup_printf (_("%s (%s)"), basename, size);
    }
  else
    self->file_text = g_strdup (basename);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", FALSE);
  start_loading (self, _("Reading the file…"));

  if (!store_is_shareable (self->store))
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize len = 0;

      if (read_file (file, self->reg, self->cancellable, &contents, &len, &error))
        self->import = cg_import_prepare (self->store, self->reg, contents, len, &error);
      if (self->import == NULL)
        show_failure (self, error->message);
      else
        show_preview (self);
      return;
    }

  data = g_new0 (PrepareData, 1);
  data->file = g_object_ref (file);
  data->db_path = g_strdup (cg_store_get_path (self->store));
  data->reg = self->reg;
  task = g_task_new (self, self->cancellable, prepare_done_cb, NULL);
  g_task_set_source_tag (task, load_file);
  g_task_set_task_data (task, data, (GDestroyNotify) prepare_data_free);
  g_task_run_in_thread (task, prepare_thread);
}

/* ---- commit --------------------------------------------------------- */

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (source_object);
  const char *who = task_data;
  g_autoptr(GError) error = NULL;

  /* The import and its connection belong to this thread until it returns:
   * the dialog does not touch them while committing. */
  if (!cg_import_commit (self->import, self->work_store, who, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
committed (CgImportDialog *self)
{
  guint n_new = cg_import_get_n_new (self->import);
  guint n_updated = cg_import_get_n_updated (self->import);

  g_debug ("%s: %u rows imported in %.1f s", cg_register_to_string (self->reg),
           cg_import_get_n_rows (self->import), g_timer_elapsed (self->timer, NULL));
  /* The rows were written through the other connection: tell the
   * window's store so that every page showing the register reloads. */
  if (self->reg == CG_REGISTER_STOCK)
    /* Items named for the first time were created too. */
    cg_store_emit_changed (self->store, "stock_item");
  cg_store_emit_changed (self->store, register_info[self->reg].table);
  g_signal_emit (self, signals[IMPORTED], 0, n_new, n_updated);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
commit_failed (CgImportDialog *self,
               const char     *message)
{
  /* The message already says that nothing was stored. */
  stop_loading (self);
  set_status (self, "dialog-error-symbolic", "error", message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", TRUE);
  cg_stack_show_only (self->stack, "preview");
}

static void
commit_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;

  self->committing = FALSE;
  /* The window went away while the rows were being written. */
  if (self->store == NULL)
    return;
  stop_loading (self);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      commit_failed (self, error->message);
      return;
    }
  committed (self);
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *text = NULL;

  if (self->import == NULL || self->committing)
    return;

  if (self->work_store == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!cg_import_commit (self->import, self->store, cg_audit_current_user (), &error))
        commit_failed (self, error->message);
      else
        committed (self);
      return;
    }

  self->committing = TRUE;
  gtk_widget_action_set_enabled (widget, "import.commit", FALSE);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  text = importing_message (self->reg, cg_import_get_n_rows (self->import));
  start_loading (self, text);

  task = g_task_new (self, NULL, commit_done_cb, NULL);
  g_task_set_source_tag (task, commit_action);
  g_task_set_task_data (task, g_strdup (cg_audit_current_user ()), g_free);
  g_task_run_in_thread (task, commit_thread);
}

static void
on_choose_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       CgImportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  cg_import_dialog_remember_folder (file);
  load_file (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = cg_import_dialog_create_chooser (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                             cg_import_dialog_title (self->reg), _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_choose_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* An import half-way through its transaction finishes first; a file
 * still being checked is left to its thread, whose result is dropped. */
static gboolean
on_close_request_cb (CgImportDialog *self)
{
  if (self->committing)
    return TRUE;
  g_cancellable_cancel (self->cancellable);
  stop_loading (self);
  return FALSE;
}

/* ---- object --------------------------------------------------------- */

static void
cg_import_dialog_dispose (GObject *object)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_import_dialog_parent_class)->dispose (object);
}

static void
cg_import_dialog_finalize (GObject *object)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, cg_import_free);
  g_clear_object (&self->work_store);
  g_clear_pointer (&self->timer, g_timer_destroy);
  g_free (self->file_text);

  G_OBJECT_CLASS (cg_import_dialog_parent_class)->finalize (object);
}

static void
cg_import_dialog_class_init (CgImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_import_dialog_dispose;
  object_class->finalize = cg_import_dialog_finalize;

  /**
   * CgImportDialog::imported:
   * @n_new: records added
   * @n_updated: records that were already there and were updated
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, loading_detail);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, rows_value);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, new_value);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, new_label);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, updated_value);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, problems_value);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, preview_heading);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, problems_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, preview_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, preview_view);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_import_dialog_init (CgImportDialog *self)
{
  g_autoptr(GtkColumnViewColumn) line = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkColumnViewColumn) reason = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  line = cg_import_text_column_new (_("Line"), 0, 70, FALSE);
  column = cg_import_text_column_new (_("Column"), 1, 150, FALSE);
  reason = cg_import_text_column_new (_("Problem"), 2, 0, TRUE);
  gtk_column_view_append_column (self->problems_view, line);
  gtk_column_view_append_column (self->problems_view, column);
  gtk_column_view_append_column (self->problems_view, reason);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", FALSE);
}

CgImportDialog *
cg_import_dialog_new (GtkWindow  *parent,
                      CgStore    *store,
                      CgRegister  reg,
                      GFile      *file)
{
  CgImportDialog *self;
  const char *title;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (reg < CG_N_REGISTERS, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CG_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->reg = reg;

  title = cg_import_dialog_title (reg);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_label_set_text (self->new_label, _(register_info[reg].new_title));

  load_file (self, file);
  return self;
}
