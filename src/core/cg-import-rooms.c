/* cg-import-rooms.c — the `rooms` and `stays` registers of interfaces.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY SKELETON (session 2, being written): the columns are the
 * contract; the row handlers are filled in with cg-room.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-import-private.h"

static const CgColumnSpec room_columns[] = {
  { "name",        "房间",       N_("Room"),            TRUE },
  { "kind",        "类型",       N_("Kind"),            TRUE },
  { "own_toilet",  "独立卫生间", N_("Own toilet"),      TRUE },
  { "ventilated",  "通风",       N_("Ventilated"),      TRUE },
  { "low_traffic", "人流少",     N_("Low traffic"),     TRUE },
};

static const CgColumnSpec stay_columns[] = {
  { "room",       "房间",       N_("Room"),       TRUE },
  { "id_number",  "身份证号",   N_("ID number"),  TRUE },
  { "reason",     "原因",       N_("Reason"),     TRUE },
  { "started_at", "开始时间",   N_("Started"),    TRUE },
  { "ended_at",   "结束时间",   N_("Ended"),      FALSE },
};

static gpointer
not_yet_check_row (CgImportRow *row,
                   gboolean    *is_update,
                   GStrv       *preview)
{
  cg_import_row_problem (row, -1, "%s", "not yet");
  return NULL;
}

const CgRegisterSpec cg_import_rooms_register = {
  .word = "rooms",
  .table = "room",
  .columns = room_columns,
  .n_columns = G_N_ELEMENTS (room_columns),
  .check_row = not_yet_check_row,
};

const CgRegisterSpec cg_import_stays_register = {
  .word = "stays",
  .table = "stay",
  .columns = stay_columns,
  .n_columns = G_N_ELEMENTS (stay_columns),
  .check_row = not_yet_check_row,
};
