/* cg-application.c — the CareGuard application: one instance per database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-application.h"
#include "cg-preferences-window.h"
#include "cg-window.h"

struct _CgApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  CgStore        *store;
  GtkWindow      *window;
  GtkWindow      *error_dialog;
  gboolean        store_failed;
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DB_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BASE_APP_ID "org.example.CareGuard"

char *
cg_application_id_for_path (const char *db_path)
{
  g_autofree char *default_path = cg_store_default_path ();
  g_autofree char *canonical = NULL;
  g_autofree char *canonical_default = NULL;
  g_autofree char *checksum = NULL;

  if (db_path == NULL)
    return g_strdup (BASE_APP_ID);

  canonical = g_canonicalize_filename (db_path, NULL);
  canonical_default = g_canonicalize_filename (default_path, NULL);
  if (g_strcmp0 (canonical, canonical_default) == 0)
    return g_strdup (BASE_APP_ID);

  /* An element of a D-Bus name may not start with a digit: hence "Db". */
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  return g_strdup_printf (BASE_APP_ID ".Db%.16s", checksum);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CgApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window save its size first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("CareGuard"),
                        "application-icon", BASE_APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The CareGuard developers"),
                        "comments", _("Epidemic-prevention registers for care homes, "
                                      "child welfare institutions, rescue stations "
                                      "and funeral homes."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CgApplication *self = user_data;
  GtkWidget *prefs;

  if (self->store == NULL || self->window == NULL)
    return;

  prefs = cg_preferences_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), self->window);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
update_preferences_enabled (CgApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  gboolean enabled = self->window != NULL
                     && cg_window_get_configured (CG_WINDOW (self->window));

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
window_configured_changed_cb (CgApplication *self)
{
  update_preferences_enabled (self);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb, NULL, NULL, NULL, { 0 } },
  { "about", about_activated_cb, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated_cb, NULL, NULL, NULL, { 0 } },
};

static void
store_error_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CgApplication    *self)
{
  g_application_quit (G_APPLICATION (self));
}

static void
show_store_error (CgApplication *self,
                  const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL,
                                   _("Cannot Open the Database"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (store_error_response_cb), self);
  /* Belonging to the application keeps it running while the dialog shows. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  self->error_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->error_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cg_application_activate (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (self->window != NULL)
    {
      gtk_window_present (self->window);
      return;
    }
  if (self->store_failed)
    return;

  if (self->store == NULL)
    {
      self->store = cg_store_open (self->db_path, &error);
      if (self->store == NULL)
        {
          self->store_failed = TRUE;
          show_store_error (self, error);
          return;
        }
    }

  self->window = GTK_WINDOW (cg_window_new (self, self->store));
  g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  g_signal_connect_object (self->window, "notify::configured",
                           G_CALLBACK (window_configured_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_preferences_enabled (self);
  gtk_window_present (self->window);
}

static void
cg_application_startup (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  update_preferences_enabled (self);
}

/* The primary instance activates from here, before g_application_run ()
 * enters its main loop.  When the database cannot be opened, the error
 * dialog is run to its end here: g_application_run () reports 0 for
 * whatever ends inside its own loop, and a failure must exit with 1. */
static gboolean
cg_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  CgApplication *self = CG_APPLICATION (app);
  gboolean handled;

  handled = G_APPLICATION_CLASS (cg_application_parent_class)->local_command_line (app, arguments, exit_status);
  if (handled && self->store_failed)
    {
      while (self->error_dialog != NULL)
        g_main_context_iteration (NULL, TRUE);
      *exit_status = 1;
    }
  return handled;
}

static void
cg_application_shutdown (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);

  G_APPLICATION_CLASS (cg_application_parent_class)->shutdown (app);
  g_clear_object (&self->store);
}

static void
cg_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgApplication *self = CG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgApplication *self = CG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      {
        const char *path = g_value_get_string (value);
        g_autofree char *default_path = NULL;

        if (path == NULL)
          path = default_path = cg_store_default_path ();
        g_free (self->db_path);
        self->db_path = g_canonicalize_filename (path, NULL);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_application_finalize (GObject *object)
{
  CgApplication *self = CG_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (cg_application_parent_class)->finalize (object);
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cg_application_finalize;
  object_class->get_property = cg_application_get_property;
  object_class->set_property = cg_application_set_property;

  app_class->activate = cg_application_activate;
  app_class->startup = cg_application_startup;
  app_class->shutdown = cg_application_shutdown;
  app_class->local_command_line = cg_application_local_command_line;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_application_init (CgApplication *self)
{
}

CgApplication *
cg_application_new (const char *db_path)
{
  g_autofree char *app_id = cg_application_id_for_path (db_path);

  /* The resource base path is fixed: derived from a per-database id it
   * would miss style.css, the help overlay and the icons. */
  return g_object_new (CG_TYPE_APPLICATION,
                       "application-id", app_id,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/example/CareGuard",
                       "db-path", db_path,
                       NULL);
}

const char *
cg_application_get_db_path (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);
  return self->db_path;
}

CgStore *
cg_application_get_store (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);
  return self->store;
}
