/* cg-import-stock.c — the stock register: the supplies ledger (防疫物资台账)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is a receipt, a use or a stock count of an item named by its name;
 * an item not yet known is created (unit from the unit column, default 个).
 * Without a kind, a positive quantity is a receipt and a negative one a use.
 *
 * Each row is checked against the stored ledger and the rows above it, in
 * the order of their dates: a use that would leave less than nothing on
 * any day is a bad row, as it would be in the window.  (A receipt needed
 * by a use must therefore come before it in the file, or be stored.)
 *
 * A row that matches a stored movement (same item, day, kind, quantity,
 * source, expiry, batch and note) is that movement: importing the same
 * file twice records nothing more.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-date.h"
#include "cg-import-private.h"
#include "cg-stock.h"

enum
{
  STOCK_ITEM,
  STOCK_OCCURRED_ON,
  STOCK_QUANTITY,
  STOCK_KIND,
  STOCK_SOURCE,
  STOCK_EXPIRY,
  STOCK_BATCH,
  STOCK_NOTE,
  STOCK_UNIT,
  N_STOCK_COLUMNS
};

static const CgColumnSpec stock_columns[N_STOCK_COLUMNS] = {
  { "item",        "物资",     N_("Item"),        TRUE },
  { "occurred_on", "日期",     N_("Date"),        TRUE },
  { "quantity",    "数量",     N_("Quantity"),    TRUE },
  { "kind",        "类型",     N_("Kind"),        FALSE },
  { "source",      "来源",     N_("Source"),      FALSE },
  { "expiry",      "有效期",   N_("Expiry"),      FALSE },
  { "batch",       "生产批号", N_("Batch"),       FALSE },
  { "note",        "备注",     N_("Note"),        FALSE },
  { "unit",        "单位",     N_("Unit"),        FALSE },
};

/* Rows not stored yet come after everything stored on their day. */
#define FILE_ORDER_BASE (G_GINT64_CONSTANT (1) << 62)

/* What the file does to one item, as far as the rows checked so far go. */
typedef struct
{
  CgStockItem *item;          /* stored, or a new one this file creates (id 0) */
  guint        unit_line;     /* new item: the line that set its unit */
  GArray      *entries;       /* CgLedgerEntry: stored movements and this file's rows */
  GHashTable  *stored;        /* identity → number of stored movements not yet matched by a row */
} ItemState;

static void
item_state_free (gpointer data)
{
  ItemState *state = data;

  cg_stock_item_free (state->item);
  g_array_unref (state->entries);
  g_hash_table_unref (state->stored);
  g_free (state);
}

typedef struct
{
  GHashTable *items;   /* name → ItemState */
} StockContext;

static void
stock_context_free (gpointer data)
{
  StockContext *context = data;

  g_hash_table_unref (context->items);
  g_free (context);
}

static gpointer
stock_new_context (CgStore  *store,
                   GError  **error)
{
  StockContext *context = g_new0 (StockContext, 1);

  context->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, item_state_free);
  return context;
}

static char *
identity (const char    *day,
          CgMoveKind     kind,
          gint64         quantity,
          CgStockSource  source,
          const char    *expiry,
          const char    *batch,
          const char    *note)
{
  return g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s",
                          day, cg_move_kind_to_string (kind), quantity,
                          source != CG_SOURCE_NONE ? cg_stock_source_to_string (source) : "",
                          expiry != NULL ? expiry : "", batch, note);
}

/* The item's state, loading its ledger the first time a row names it;
 * NULL after reporting a database error on the row. */
static ItemState *
item_state (CgImportRow *row,
            const char  *name,
            const char  *unit)
{
  StockContext *context = row->context;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = cg_stock_name_key (name);
  ItemState *state;
  sqlite3_stmt *stmt;
  int rc;

  state = g_hash_table_lookup (context->items, key);
  if (state != NULL)
    return state;

  state = g_new0 (ItemState, 1);
  state->entries = g_array_new (FALSE, TRUE, sizeof (CgLedgerEntry));
  state->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->item = cg_stock_item_find_by_name (row->store, name, &error);
  if (error != NULL)
    {
      cg_import_row_problem (row, STOCK_ITEM, "%s", error->message);
      item_state_free (state);
      return NULL;
    }

  if (state->item == NULL)
    {
      state->item = cg_stock_item_new ();
      g_free (state->item->name);
      state->item->name = g_strdup (name);
      g_free (state->item->unit);
      state->item->unit = g_strdup (*unit != '\0' ? unit : "个");
      state->item->category = cg_stock_category_guess (name);
      state->unit_line = row->line;
    }
  else
    {
      stmt = cg_store_prepare (row->store,
                               "SELECT id, occurred_on, kind, quantity, delta, source, expiry, batch, note "
                               "FROM stock_movement WHERE item_id = ?", &error);
      if (stmt == NULL)
        {
          cg_import_row_problem (row, -1, "%s", error->message);
          item_state_free (state);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, state->item->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CgLedgerEntry entry = { 0 };
          g_autofree char *identity_key = NULL;
          guint n_same;
          int source = cg_stock_source_from_string ((const char *) sqlite3_column_text (stmt, 5));

          entry.order = sqlite3_column_int64 (stmt, 0);
          g_strlcpy (entry.day, (const char *) sqlite3_column_text (stmt, 1), sizeof entry.day);
          entry.kind = MAX (0, cg_move_kind_from_string ((const char *) sqlite3_column_text (stmt, 2)));
          entry.quantity = sqlite3_column_int64 (stmt, 3);
          entry.delta = sqlite3_column_int64 (stmt, 4);
          g_array_append_val (state->entries, entry);

          identity_key = identity (entry.day, entry.kind, entry.quantity, MAX (source, 0),
                                   (const char *) sqlite3_column_text (stmt, 6),
                                   (const char *) sqlite3_column_text (stmt, 7),
                                   (const char *) sqlite3_column_text (stmt, 8));
          n_same = GPOINTER_TO_UINT (g_hash_table_lookup (state->stored, identity_key));
          g_hash_table_insert (state->stored, g_steal_pointer (&identity_key), GUINT_TO_POINTER (n_same + 1));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cg_store_set_error (row->store, &error, rc);
          cg_import_row_problem (row, -1, "%s", error->message);
          item_state_free (state);
          return NULL;
        }
    }

  g_hash_table_insert (context->items, g_steal_pointer (&key), state);
  return state;
}

/* "200", "-50", "+1,200"; FALSE when not a whole number. */
static gboolean
parse_quantity (const char *text,
                gint64     *out)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  gboolean negative = FALSE;
  guint group = 0;
  gboolean grouped = FALSE;
  guint64 value;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p == ',')
        {
          /* Thousands separators only where they belong. */
          if ((grouped && group != 3) || (!grouped && (group == 0 || group > 3)))
            return FALSE;
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      g_string_append_c (digits, *p);
      group++;
    }
  if (grouped && group != 3)
    return FALSE;
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

typedef struct
{
  CgStockItem     *item;       /* a copy: name, unit, category for a new item; id when stored */
  CgStockMovement *movement;   /* without item_id */
  gboolean         unchanged;  /* already stored */
} StockRecord;

static void
stock_record_free (gpointer data)
{
  StockRecord *record = data;

  cg_stock_item_free (record->item);
  cg_stock_movement_free (record->movement);
  g_free (record);
}

/* Checks that the ledger of @state stays at or above zero with the row
 * @entry added; keeps it when it does. */
static void
check_balance (CgImportRow     *row,
               ItemState       *state,
               CgLedgerEntry   *entry)
{
  gint64 balance;
  int negative;

  g_array_append_val (state->entries, *entry);
  negative = cg_stock_replay (state->entries, &balance);
  if (negative < 0)
    return;

  {
    const CgLedgerEntry *at = &g_array_index (state->entries, CgLedgerEntry, negative);
    const CgStockItem *item = state->item;

    if (at->order == entry->order && entry->kind == CG_MOVE_USE)
      {
        g_autofree char *available = cg_stock_format_quantity (balance + entry->quantity);
        g_autofree char *wanted = cg_stock_format_quantity (entry->quantity);

        cg_import_row_problem (row, STOCK_QUANTITY,
                               _("Not enough %s: only %s %s on hand on %s (with the rows above this one), so %s %s cannot be used"),
                               item->name, available, item->unit, at->day, wanted, item->unit);
      }
    else
      {
        g_autofree char *left = cg_stock_format_quantity (balance);

        cg_import_row_problem (row, STOCK_QUANTITY,
                               _("Not enough %s: this row would leave %s %s on hand on %s, as the uses recorded up to that day need more"),
                               item->name, left, item->unit, at->day);
      }
  }

  for (guint i = 0; i < state->entries->len; i++)
    if (g_array_index (state->entries, CgLedgerEntry, i).order == entry->order)
      {
        g_array_remove_index (state->entries, i);
        break;
      }
}

static gpointer
stock_check_row (CgImportRow *row,
                 gboolean    *is_update,
                 GStrv       *preview)
{
  g_autofree char *day = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *key = NULL;
  g_autofree char *quantity_text = NULL;
  const char *name = cg_import_row_cell (row, STOCK_ITEM);
  const char *unit = cg_import_row_cell (row, STOCK_UNIT);
  const char *batch = cg_import_row_cell (row, STOCK_BATCH);
  const char *note = cg_import_row_cell (row, STOCK_NOTE);
  const char *text;
  StockRecord *record;
  ItemState *state = NULL;
  GStrvBuilder *builder;
  CgLedgerEntry entry = { 0 };
  gint64 quantity = 0;
  int kind = -1;
  int source = CG_SOURCE_NONE;
  guint matched;
  GDate date, today;

  if (*name == '\0')
    cg_import_row_problem (row, STOCK_ITEM, _("The item is required: write its name, such as 医用外科口罩"));
  else if (g_utf8_strlen (name, -1) > 60)
    cg_import_row_problem (row, STOCK_ITEM, _("The item name is too long: 60 characters at most"));

  if (g_utf8_strlen (unit, -1) > 10)
    cg_import_row_problem (row, STOCK_UNIT, _("“%s” is not a unit: write a short word, such as 个, 套, 瓶 or 双"), unit);

  text = cg_import_row_cell (row, STOCK_OCCURRED_ON);
  if (*text == '\0')
    cg_import_row_problem (row, STOCK_OCCURRED_ON, _("The date is required"));
  else if ((day = cg_date_normalize (text)) == NULL)
    cg_import_row_bad_date (row, STOCK_OCCURRED_ON, text);
  else
    {
      cg_date_parse (day, &date);
      cg_date_today (&today);
      if (g_date_compare (&date, &today) > 0)
        {
          cg_import_row_problem (row, STOCK_OCCURRED_ON, _("The date %s is in the future"), day);
          g_clear_pointer (&day, g_free);
        }
    }

  text = cg_import_row_cell (row, STOCK_KIND);
  if (*text != '\0' && (kind = cg_move_kind_from_string (text)) < 0)
    cg_import_row_problem (row, STOCK_KIND,
                           _("“%s” is not a kind: write receipt/入库, use/领用 or count/盘点"), text);

  text = cg_import_row_cell (row, STOCK_QUANTITY);
  if (*text == '\0')
    cg_import_row_problem (row, STOCK_QUANTITY, _("The quantity is required"));
  else if (!parse_quantity (text, &quantity) || quantity > 1000000000 || quantity < -1000000000)
    cg_import_row_problem (row, STOCK_QUANTITY,
                           _("“%s” is not a whole number: write a receipt as 200 and a use as -50"), text);
  else if (*cg_import_row_cell (row, STOCK_KIND) == '\0' || kind >= 0)
    {
      /* Without a kind, the sign says which it is (interfaces.md). */
      if (kind < 0 && quantity == 0)
        cg_import_row_problem (row, STOCK_QUANTITY,
                               _("A quantity of 0 says nothing: a receipt is positive, a use negative, and a count needs the kind count/盘点"));
      else if (kind < 0)
        kind = quantity > 0 ? CG_MOVE_RECEIPT : CG_MOVE_USE;
      else if (kind == CG_MOVE_RECEIPT && quantity <= 0)
        cg_import_row_problem (row, STOCK_QUANTITY, _("A receipt adds a positive quantity, not %s"), text);
      else if (kind == CG_MOVE_USE && quantity == 0)
        cg_import_row_problem (row, STOCK_QUANTITY, _("A use of 0 says nothing: leave the row out"));
      else if (kind == CG_MOVE_COUNT && quantity < 0)
        cg_import_row_problem (row, STOCK_QUANTITY, _("A count is what is on the shelf: 0 or more, not %s"), text);
      quantity = ABS (quantity);
    }

  text = cg_import_row_cell (row, STOCK_SOURCE);
  if ((source = cg_stock_source_from_string (text)) < 0)
    cg_import_row_problem (row, STOCK_SOURCE,
                           _("“%s” is not a source: write allocated/下拨, bought/自购 or donated/捐赠"), text);

  text = cg_import_row_cell (row, STOCK_EXPIRY);
  if (*text != '\0' && (expiry = cg_date_normalize (text)) == NULL)
    cg_import_row_bad_date (row, STOCK_EXPIRY, text);

  if (*name != '\0' && !row->bad)
    {
      state = item_state (row, name, unit);
      if (state != NULL && *unit != '\0' && g_strcmp0 (unit, state->item->unit) != 0)
        {
          if (state->item->id != 0)
            cg_import_row_problem (row, STOCK_UNIT,
                                   _("%s is counted in %s, not %s: write the quantity in %s"),
                                   name, state->item->unit, unit, state->item->unit);
          else
            cg_import_row_problem (row, STOCK_UNIT,
                                   _("%s is counted in %s on line %u, not %s"),
                                   name, state->item->unit, state->unit_line, unit);
        }
    }

  if (row->bad || state == NULL)
    return NULL;

  record = g_new0 (StockRecord, 1);
  record->item = cg_stock_item_copy (state->item);
  record->movement = cg_stock_movement_new ();
  record->movement->occurred_on = g_strdup (day);
  record->movement->kind = kind;
  record->movement->quantity = quantity;
  record->movement->source = source;
  record->movement->expiry = g_strdup (expiry);
  g_free (record->movement->batch);
  record->movement->batch = g_strdup (batch);
  g_free (record->movement->note);
  record->movement->note = g_strdup (note);

  /* The same movement already stored: nothing to write. */
  key = identity (day, kind, quantity, source, expiry, batch, note);
  matched = GPOINTER_TO_UINT (g_hash_table_lookup (state->stored, key));
  if (matched > 0)
    {
      g_hash_table_insert (state->stored, g_steal_pointer (&key), GUINT_TO_POINTER (matched - 1));
      record->unchanged = TRUE;
      *is_update = TRUE;
    }
  else
    {
      g_strlcpy (entry.day, day, sizeof entry.day);
      entry.order = FILE_ORDER_BASE + row->line;
      entry.kind = kind;
      entry.quantity = quantity;
      check_balance (row, state, &entry);
      if (row->bad)
        {
          stock_record_free (record);
          return NULL;
        }
    }

  quantity_text = kind == CG_MOVE_USE ? cg_stock_format_quantity (-quantity) : cg_stock_format_quantity (quantity);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, state->item->name);
  g_strv_builder_add (builder, day);
  g_strv_builder_add (builder, quantity_text);
  g_strv_builder_add (builder, cg_move_kind_label (kind));
  g_strv_builder_add (builder, cg_stock_source_label (source));
  g_strv_builder_add (builder, expiry != NULL ? expiry : "");
  g_strv_builder_add (builder, batch);
  g_strv_builder_add (builder, note);
  g_strv_builder_add (builder, state->item->unit);
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return record;
}

static gboolean
stock_write_record (CgStore     *store,
                    gpointer     context,
                    gpointer     data,
                    const char  *who,
                    GError     **error)
{
  const StockRecord *record = data;
  g_autoptr(CgStockItem) item = NULL;
  g_autoptr(CgStockMovement) movement = NULL;
  GError *local_error = NULL;

  if (record->unchanged)
    return TRUE;

  /* A new item is created by its first row; the rows after it find it. */
  item = cg_stock_item_find_by_name (store, record->item->name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (item == NULL)
    {
      item = cg_stock_item_copy (record->item);
      item->id = 0;
      if (!cg_stock_item_save_in_transaction (store, item, who, error))
        return FALSE;
    }

  /* A copy: adding sets the row id and the delta, which a rolled-back
   * commit must not leave behind. */
  movement = cg_stock_movement_new ();
  movement->item_id = item->id;
  movement->occurred_on = g_strdup (record->movement->occurred_on);
  movement->kind = record->movement->kind;
  movement->quantity = record->movement->quantity;
  movement->source = record->movement->source;
  movement->expiry = g_strdup (record->movement->expiry);
  g_free (movement->batch);
  movement->batch = g_strdup (record->movement->batch);
  g_free (movement->note);
  movement->note = g_strdup (record->movement->note);

  return cg_stock_movement_add_in_transaction (store, movement, who, error);
}

const CgRegisterSpec cg_import_stock_register = {
  .word = "stock",
  .table = "stock_movement",
  .columns = stock_columns,
  .n_columns = G_N_ELEMENTS (stock_columns),
  .new_context = stock_new_context,
  .free_context = stock_context_free,
  .check_row = stock_check_row,
  .write_record = stock_write_record,
  .free_record = stock_record_free,
};
