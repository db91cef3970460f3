/* main.c — hands over to the command line or to the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-cli.h"

/* Run from the build tree, the program finds its catalogues there. */
static const char *
locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *env = g_getenv ("CAREGUARD_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return env;
  if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/"))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  g_autofree char *db_path = NULL;
  gboolean usage_error = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  db_path = cg_cli_take_db_option (&argc, argv, &usage_error);
  if (usage_error)
    {
      g_printerr ("%s\n", _("--db needs the path of a database file"));
      return 2;
    }

  /* Subcommands run before GTK is touched, so they need no display. */
  if (cg_cli_is_command (argc, argv))
    return cg_cli_run (db_path, argc, argv);

  app = G_APPLICATION (cg_application_new (db_path));
  return g_application_run (app, argc, argv);
}
