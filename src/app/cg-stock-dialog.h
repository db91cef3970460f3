/* cg-stock-dialog.h — entering protective supplies: a receipt, a stock
 * count, or one day's use of every item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_STOCK_DIALOG_RECEIPT,
  CG_STOCK_DIALOG_COUNT,
  CG_STOCK_DIALOG_DAY_USE,
} CgStockDialogMode;

#define CG_TYPE_STOCK_DIALOG (cg_stock_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgStockDialog, cg_stock_dialog, CG, STOCK_DIALOG, AdwWindow)

/* @item_name: the item a receipt or a count is for at first (NULL: the
 * first item).  Emits "saved" (const char *message) after storing, then
 * closes; a refused entry (a use or count that would leave the on-hand
 * quantity negative …) stays open with the core's message and nothing
 * stored. */
CgStockDialog *cg_stock_dialog_new (GtkWindow         *parent,
                                    CgStore           *store,
                                    CgStockDialogMode  mode,
                                    const char        *item_name);

G_END_DECLS
