/* cg-cli.h — the command line: subcommands that never open a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CG_EXIT_OK = 0,
  CG_EXIT_REFUSED = 1,   /* bad input or a refused operation; nothing changed */
  CG_EXIT_USAGE = 2,
} CgExitStatus;

/* Removes "--db PATH" / "--db=PATH" from argv and returns PATH (or NULL).
 * Sets *@usage_error when --db has no value. */
char     *cg_cli_take_db_option (int        *argc,
                                 char      **argv,
                                 gboolean   *usage_error);
/* TRUE when argv (after --db was taken) names a subcommand. */
gboolean  cg_cli_is_command     (int         argc,
                                 char      **argv);
/* Runs the subcommand; the return value is the exit status. */
int       cg_cli_run            (const char *db_path,
                                 int         argc,
                                 char      **argv);

G_END_DECLS
