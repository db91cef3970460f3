/* cg-import-visits.c — the `visits` register of interfaces.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY SKELETON (session 2, being written): the columns are the
 * contract; the row handler is filled in with cg-visit.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-import-private.h"

static const CgColumnSpec visit_columns[] = {
  { "visitor_name",      "访客姓名",     N_("Visitor"),       TRUE },
  { "visitor_id_number", "访客身份证号", N_("ID number"),     TRUE },
  { "phone",             "电话",         N_("Phone"),         FALSE },
  { "visiting",          "探访对象",     N_("Visiting"),      FALSE },
  { "arrived_at",        "到访时间",     N_("Arrived"),       TRUE },
  { "left_at",           "离开时间",     N_("Left"),          FALSE },
  { "health_code",       "健康码",       N_("Health code"),   TRUE },
  { "relationship",      "关系",         N_("Relationship"),  FALSE },
  { "risk_travel",       "行程卡",       N_("Risk-area travel"), FALSE },
  { "temperature",       "体温",         N_("Temperature"),   TRUE },
  { "symptoms",          "症状",         N_("Symptoms"),      FALSE },
};

static gpointer
visit_check_row (CgImportRow *row,
                 gboolean    *is_update,
                 GStrv       *preview)
{
  cg_import_row_problem (row, -1, "%s", "not yet");
  return NULL;
}

const CgRegisterSpec cg_import_visits_register = {
  .word = "visits",
  .table = "visit",
  .columns = visit_columns,
  .n_columns = G_N_ELEMENTS (visit_columns),
  .check_row = visit_check_row,
};
