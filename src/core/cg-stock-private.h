/* cg-stock-private.h — what cg-stock.c and cg-stock-ledger.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-stock.h"

G_BEGIN_DECLS

/* A quantity larger than this is a typing mistake (and keeps sums far
 * from overflowing). */
#define MAX_QUANTITY G_GINT64_CONSTANT (1000000000)

/* Trims a text field in place; NULL becomes "". */
void     cg_stock_strip_field        (char       **field);
/* Ends the transaction the caller began: commits when @ok and says that
 * @table changed, rolls back otherwise. */
gboolean cg_stock_commit_or_rollback (CgStore     *store,
                                      gboolean     ok,
                                      const char  *table,
                                      GError     **error);

G_END_DECLS
