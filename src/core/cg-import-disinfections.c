/* cg-import-disinfections.c — the `disinfections` register of interfaces.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY SKELETON (session 2, being written): the columns are the
 * contract; the row handler is filled in with cg-disinfection.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-import-private.h"

static const CgColumnSpec disinfection_columns[] = {
  { "place",    "场所",         N_("Place"),      TRUE },
  { "done_at",  "消杀时间",     N_("Done at"),    TRUE },
  { "method",   "方式",         N_("Method"),     FALSE },
  { "agent",    "消毒剂及浓度", N_("Agent"),      FALSE },
  { "operator", "操作人",       N_("Operator"),   TRUE },
  { "checker",  "检查人",       N_("Checker"),    FALSE },
};

static gpointer
not_yet_check_row (CgImportRow *row,
                   gboolean    *is_update,
                   GStrv       *preview)
{
  cg_import_row_problem (row, -1, "%s", "not yet");
  return NULL;
}

const CgRegisterSpec cg_import_disinfections_register = {
  .word = "disinfections",
  .table = "disinfection",
  .columns = disinfection_columns,
  .n_columns = G_N_ELEMENTS (disinfection_columns),
  .check_row = not_yet_check_row,
};
