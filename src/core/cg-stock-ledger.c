/* cg-stock-ledger.c — protective supplies: the movements of the ledger
 * (receipts, uses, counts) and its rule: replayed in order, the stock
 * never goes below zero, and a count sets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-stock.h"
#include "cg-stock-private.h"

/* ---------------------------------------------------------------------- */
/* The ledger rule                                                         */

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const CgLedgerEntry *x = a;
  const CgLedgerEntry *y = b;
  int cmp = strcmp (x->day, y->day);

  if (cmp != 0)
    return cmp;
  return x->order < y->order ? -1 : x->order > y->order;
}

int
cg_stock_replay (GArray *entries,
                 gint64 *balance_out)
{
  gint64 balance = 0;
  gint64 negative = 0;
  int first_negative = -1;

  g_return_val_if_fail (entries != NULL, -1);

  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      CgLedgerEntry *entry = &g_array_index (entries, CgLedgerEntry, i);

      switch (entry->kind)
        {
        case CG_MOVE_RECEIPT: entry->delta = entry->quantity; break;
        case CG_MOVE_USE: entry->delta = -entry->quantity; break;
        case CG_MOVE_COUNT:
        case CG_N_MOVE_KINDS:
        default: entry->delta = entry->quantity - balance; break;
        }
      balance += entry->delta;
      if (balance < 0 && first_negative < 0)
        {
          first_negative = (int) i;
          negative = balance;
        }
    }
  if (balance_out != NULL)
    *balance_out = first_negative >= 0 ? negative : balance;
  return first_negative;
}

/* The stored movements of an item as ledger entries (order = row id). */
static GArray *
load_entries (CgStore  *store,
              gint64    item_id,
              GError  **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (CgLedgerEntry));
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT id, occurred_on, kind, quantity, delta FROM stock_movement "
                           "WHERE item_id = ? ORDER BY occurred_on, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgLedgerEntry entry = { 0 };

      entry.order = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (entry.day, (const char *) sqlite3_column_text (stmt, 1), sizeof entry.day);
      entry.kind = MAX (0, cg_move_kind_from_string ((const char *) sqlite3_column_text (stmt, 2)));
      entry.quantity = sqlite3_column_int64 (stmt, 3);
      entry.delta = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Writes the deltas the replay gave the stored counts. */
static gboolean
update_count_deltas (CgStore  *store,
                     GArray   *entries,
                     gint64    skip_order,
                     GError  **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      CgLedgerEntry *entry = &g_array_index (entries, CgLedgerEntry, i);
      sqlite3_stmt *stmt;

      if (entry->kind != CG_MOVE_COUNT || entry->order == skip_order)
        continue;
      stmt = cg_store_prepare (store, "UPDATE stock_movement SET delta = ?1 WHERE id = ?2 AND delta <> ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry->delta);
      sqlite3_bind_int64 (stmt, 2, entry->order);
      if (!cg_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Movements                                                               */

CgStockMovement *
cg_stock_movement_new (void)
{
  CgStockMovement *movement = g_new0 (CgStockMovement, 1);

  movement->batch = g_strdup ("");
  movement->note = g_strdup ("");
  return movement;
}

void
cg_stock_movement_free (CgStockMovement *movement)
{
  if (movement == NULL)
    return;
  g_free (movement->occurred_on);
  g_free (movement->expiry);
  g_free (movement->batch);
  g_free (movement->note);
  g_free (movement->who);
  g_free (movement->created_at);
  g_free (movement);
}

/* Normalises the dates and text of @movement and checks them. */
static gboolean
validate_movement (CgStockMovement    *movement,
                   const CgStockItem  *item,
                   GError            **error)
{
  g_autofree char *day = NULL;
  GDate date, today;

  day = cg_date_normalize (movement->occurred_on);
  if (day == NULL)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD."),
                   movement->occurred_on != NULL ? movement->occurred_on : "");
      return FALSE;
    }
  g_free (movement->occurred_on);
  movement->occurred_on = g_steal_pointer (&day);
  cg_date_parse (movement->occurred_on, &date);
  cg_date_today (&today);
  if (g_date_compare (&date, &today) > 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s is in the future: supplies are recorded once received, used or counted."),
                   movement->occurred_on);
      return FALSE;
    }

  if (movement->kind >= CG_N_MOVE_KINDS || movement->source >= CG_N_SOURCES)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("The kind of movement is not known."));
      return FALSE;
    }
  if (movement->quantity > MAX_QUANTITY
      || movement->quantity < 0
      || (movement->quantity == 0 && movement->kind != CG_MOVE_COUNT))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   movement->kind == CG_MOVE_COUNT
                   ? _("The counted quantity of %s must be a whole number from 0 to 1,000,000,000.")
                   : _("The quantity of %s must be a whole number from 1 to 1,000,000,000."),
                   item->name);
      return FALSE;
    }

  if (movement->expiry != NULL && *g_strstrip (movement->expiry) == '\0')
    g_clear_pointer (&movement->expiry, g_free);
  if (movement->expiry != NULL)
    {
      g_autofree char *expiry = cg_date_normalize (movement->expiry);

      if (expiry == NULL)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("The expiry date “%s” is not a date: write it as YYYY-MM-DD."), movement->expiry);
          return FALSE;
        }
      g_free (movement->expiry);
      movement->expiry = g_steal_pointer (&expiry);
    }
  cg_stock_strip_field (&movement->batch);
  cg_stock_strip_field (&movement->note);
  return TRUE;
}

/* The message for a ledger that would go below zero at @entries[@index]. */
static void
set_negative_error (GError            **error,
                    const CgStockItem  *item,
                    GArray             *entries,
                    int                 index,
                    gint64              balance,
                    gint64              new_order,
                    const CgStockMovement *movement)
{
  const CgLedgerEntry *entry = &g_array_index (entries, CgLedgerEntry, index);
  g_autofree char *left = cg_stock_format_quantity (balance);

  if (entry->order == new_order && movement->kind == CG_MOVE_USE)
    {
      g_autofree char *available = cg_stock_format_quantity (balance + movement->quantity);
      g_autofree char *wanted = cg_stock_format_quantity (movement->quantity);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("Not enough %s: only %s %s on hand on %s, so %s %s cannot be used. Nothing was saved."),
                   item->name, available, item->unit, entry->day, wanted, item->unit);
    }
  else
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                 _("Not enough %s: this would leave %s %s on hand on %s, as the uses recorded up to that day need more. Nothing was saved."),
                 item->name, left, item->unit, entry->day);
}

gboolean
cg_stock_movement_add_in_transaction (CgStore          *store,
                                      CgStockMovement  *movement,
                                      const char       *who,
                                      GError          **error)
{
  g_autoptr(CgStockItem) item = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *value = NULL;
  g_autofree char *what = NULL;
  CgLedgerEntry entry = { 0 };
  sqlite3_stmt *stmt;
  gint64 balance;
  gint64 delta = 0;
  int negative;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (movement != NULL, FALSE);

  if (who == NULL)
    who = cg_audit_current_user ();

  item = cg_stock_item_load (store, movement->item_id, error);
  if (item == NULL || !validate_movement (movement, item, error))
    return FALSE;

  entries = load_entries (store, movement->item_id, error);
  if (entries == NULL)
    return FALSE;
  /* After everything already recorded on its day. */
  g_strlcpy (entry.day, movement->occurred_on, sizeof entry.day);
  entry.order = G_MAXINT64;
  entry.kind = movement->kind;
  entry.quantity = movement->quantity;
  g_array_append_val (entries, entry);

  negative = cg_stock_replay (entries, &balance);
  if (negative >= 0)
    {
      set_negative_error (error, item, entries, negative, balance, G_MAXINT64, movement);
      return FALSE;
    }
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, CgLedgerEntry, i).order == G_MAXINT64)
      delta = g_array_index (entries, CgLedgerEntry, i).delta;

  stmt = cg_store_prepare (store,
                           "INSERT INTO stock_movement (item_id, occurred_on, kind, quantity, delta, source, "
                           "expiry, batch, note, who, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, movement->item_id);
  cg_bind_text (stmt, 2, movement->occurred_on);
  cg_bind_text (stmt, 3, cg_move_kind_to_string (movement->kind));
  sqlite3_bind_int64 (stmt, 4, movement->quantity);
  sqlite3_bind_int64 (stmt, 5, delta);
  cg_bind_text (stmt, 6, cg_stock_source_to_string (movement->source));
  cg_bind_text (stmt, 7, movement->expiry);
  cg_bind_text (stmt, 8, movement->batch);
  cg_bind_text (stmt, 9, movement->note);
  cg_bind_text (stmt, 10, who);
  cg_bind_text (stmt, 11, now);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  /* The row's id, before the other statements insert theirs. */
  movement->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  if (!update_count_deltas (store, entries, G_MAXINT64, error))
    return FALSE;

  what = g_strconcat ("stock.", cg_move_kind_to_string (movement->kind), NULL);
  value = g_strdup_printf ("%s %" G_GINT64_FORMAT " (%+" G_GINT64_FORMAT ")",
                           movement->occurred_on, movement->quantity, delta);
  if (!cg_audit_record (store, who, what, item->name, NULL, value, error))
    return FALSE;

  movement->delta = delta;
  g_free (movement->who);
  movement->who = g_strdup (who);
  g_free (movement->created_at);
  movement->created_at = g_steal_pointer (&now);
  return TRUE;
}

gboolean
cg_stock_movement_add (CgStore          *store,
                       CgStockMovement  *movement,
                       const char       *who,
                       GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (movement != NULL, FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  ok = cg_stock_movement_add_in_transaction (store, movement, who, error);
  if (!cg_stock_commit_or_rollback (store, ok, "stock_movement", error))
    {
      movement->id = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_stock_movement_delete (CgStore     *store,
                          gint64       movement_id,
                          const char  *who,
                          GError     **error)
{
  g_autoptr(CgStockItem) item = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree char *value = NULL;
  g_autofree char *day = NULL;
  g_autofree char *kind = NULL;
  sqlite3_stmt *stmt;
  gint64 item_id = 0, quantity = 0, balance;
  gboolean ok = FALSE;
  int negative;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;

  stmt = cg_store_prepare (store, "SELECT item_id, occurred_on, kind, quantity FROM stock_movement WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, movement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      item_id = sqlite3_column_int64 (stmt, 0);
      day = cg_column_dup_text (stmt, 1);
      kind = cg_column_dup_text (stmt, 2);
      quantity = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                           _("This movement does not exist (any more)."));
      goto out;
    }
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      goto out;
    }

  item = cg_stock_item_load (store, item_id, error);
  entries = item != NULL ? load_entries (store, item_id, error) : NULL;
  if (entries == NULL)
    goto out;
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, CgLedgerEntry, i).order == movement_id)
      {
        g_array_remove_index (entries, i);
        break;
      }
  negative = cg_stock_replay (entries, &balance);
  if (negative >= 0)
    {
      g_autofree char *left = cg_stock_format_quantity (balance);

      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("This movement of %s cannot be removed: without it, %s %s would be on hand on %s. Nothing was changed."),
                   item->name, left, item->unit, g_array_index (entries, CgLedgerEntry, negative).day);
      goto out;
    }

  stmt = cg_store_prepare (store, "DELETE FROM stock_movement WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, movement_id);
  value = g_strdup_printf ("%s %s %" G_GINT64_FORMAT, day, kind, quantity);
  ok = cg_store_step_done (store, stmt, error)
       && update_count_deltas (store, entries, 0, error)
       && cg_audit_record (store, who, "stock.delete", item->name, value, NULL, error);

out:
  return cg_stock_commit_or_rollback (store, ok, "stock_movement", error);
}

gboolean
cg_stock_record_day_use (CgStore       *store,
                         const GDate   *date,
                         const gint64  *item_ids,
                         const gint64  *quantities,
                         guint          n_items,
                         const char    *who,
                         GError       **error)
{
  g_autofree char *day = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (n_items == 0 || (item_ids != NULL && quantities != NULL), FALSE);

  day = cg_date_to_iso (date);
  if (!cg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < n_items; i++)
    {
      g_autoptr(CgStockMovement) movement = NULL;

      if (quantities[i] == 0)
        continue;
      movement = cg_stock_movement_new ();
      movement->item_id = item_ids[i];
      movement->occurred_on = g_strdup (day);
      movement->kind = CG_MOVE_USE;
      movement->quantity = quantities[i];
      ok = cg_stock_movement_add_in_transaction (store, movement, who, error);
    }
  return cg_stock_commit_or_rollback (store, ok, "stock_movement", error);
}

GPtrArray *
cg_stock_ledger (CgStore  *store,
                 gint64    item_id,
                 GError  **error)
{
  g_autoptr(GPtrArray) ledger = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stock_movement_free);
  sqlite3_stmt *stmt;
  gint64 balance = 0;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT id, occurred_on, kind, quantity, delta, source, expiry, batch, note, who, created_at "
                           "FROM stock_movement WHERE item_id = ? ORDER BY occurred_on, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgStockMovement *movement = g_new0 (CgStockMovement, 1);
      int source = cg_stock_source_from_string ((const char *) sqlite3_column_text (stmt, 5));

      movement->id = sqlite3_column_int64 (stmt, 0);
      movement->item_id = item_id;
      movement->occurred_on = cg_column_dup_text (stmt, 1);
      movement->kind = MAX (0, cg_move_kind_from_string ((const char *) sqlite3_column_text (stmt, 2)));
      movement->quantity = sqlite3_column_int64 (stmt, 3);
      movement->delta = sqlite3_column_int64 (stmt, 4);
      movement->source = source >= 0 ? (CgStockSource) source : CG_SOURCE_NONE;
      movement->expiry = cg_column_dup_text (stmt, 6);
      movement->batch = cg_column_dup_text (stmt, 7);
      movement->note = cg_column_dup_text (stmt, 8);
      movement->who = cg_column_dup_text (stmt, 9);
      movement->created_at = cg_column_dup_text (stmt, 10);
      balance += movement->delta;
      movement->balance = balance;
      g_ptr_array_add (ledger, movement);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&ledger);
}

gboolean
cg_stock_on_hand (CgStore      *store,
                  gint64        item_id,
                  const GDate  *date,
                  gint64       *out,
                  GError      **error)
{
  g_autofree char *day = date != NULL ? cg_date_to_iso (date) : g_strdup ("9999-12-31");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stmt = cg_store_prepare (store,
                           "SELECT coalesce(sum(delta), 0) FROM stock_movement WHERE item_id = ? AND occurred_on <= ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  cg_bind_text (stmt, 2, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}
