/* cg-stock.c — protective supplies: items and their ledger (防疫物资台账)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-stock.h"

/* A quantity larger than this is a typing mistake (and keeps sums far
 * from overflowing). */
#define MAX_QUANTITY G_GINT64_CONSTANT (1000000000)

/* ---------------------------------------------------------------------- */
/* Words                                                                   */

static const char * const category_ids[CG_N_STOCK_CATEGORIES] = {
  "masks", "suits", "disinfectant", "goggles", "caps", "shoe_covers", "gloves", "other",
};

const char *
cg_stock_category_to_string (CgStockCategory category)
{
  g_return_val_if_fail (category < CG_N_STOCK_CATEGORIES, NULL);
  return category_ids[category];
}

int
cg_stock_category_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < CG_N_STOCK_CATEGORIES; i++)
    if (g_ascii_strcasecmp (text, category_ids[i]) == 0)
      return (int) i;
  return -1;
}

const char *
cg_stock_category_label (CgStockCategory category)
{
  switch (category)
    {
    case CG_STOCK_MASKS: return _("Masks");
    case CG_STOCK_SUITS: return _("Protective suits");
    case CG_STOCK_DISINFECTANT: return _("Disinfectant");
    case CG_STOCK_GOGGLES: return _("Goggles");
    case CG_STOCK_CAPS: return _("Caps");
    case CG_STOCK_SHOE_COVERS: return _("Shoe covers");
    case CG_STOCK_GLOVES: return _("Gloves");
    case CG_STOCK_OTHER: return _("Other");
    case CG_N_STOCK_CATEGORIES:
    default: g_return_val_if_reached ("");
    }
}

CgStockCategory
cg_stock_category_guess (const char *name)
{
  /* The words of forms.md's item list, Chinese first. */
  static const struct { const char *word; CgStockCategory category; } words[] = {
    { "口罩", CG_STOCK_MASKS }, { "mask", CG_STOCK_MASKS },
    { "防护服", CG_STOCK_SUITS }, { "隔离衣", CG_STOCK_SUITS }, { "suit", CG_STOCK_SUITS },
    { "gown", CG_STOCK_SUITS },
    { "消毒", CG_STOCK_DISINFECTANT }, { "酒精", CG_STOCK_DISINFECTANT },
    { "洗手液", CG_STOCK_DISINFECTANT }, { "disinfect", CG_STOCK_DISINFECTANT },
    { "护目镜", CG_STOCK_GOGGLES }, { "面屏", CG_STOCK_GOGGLES }, { "goggle", CG_STOCK_GOGGLES },
    { "鞋套", CG_STOCK_SHOE_COVERS }, { "shoe", CG_STOCK_SHOE_COVERS },
    { "手套", CG_STOCK_GLOVES }, { "glove", CG_STOCK_GLOVES },
    { "帽", CG_STOCK_CAPS }, { "cap", CG_STOCK_CAPS },
  };
  g_autofree char *folded = NULL;

  if (name == NULL)
    return CG_STOCK_OTHER;
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i].word) != NULL)
      return words[i].category;
  return CG_STOCK_OTHER;
}

static const char * const move_kind_ids[CG_N_MOVE_KINDS] = { "receipt", "use", "count" };

const char *
cg_move_kind_to_string (CgMoveKind kind)
{
  g_return_val_if_fail (kind < CG_N_MOVE_KINDS, NULL);
  return move_kind_ids[kind];
}

int
cg_move_kind_from_string (const char *text)
{
  /* interfaces.md's words, and the ones ledgers also use for a use (出库). */
  static const struct { const char *word; CgMoveKind kind; } words[] = {
    { "receipt", CG_MOVE_RECEIPT }, { "入库", CG_MOVE_RECEIPT },
    { "use", CG_MOVE_USE }, { "领用", CG_MOVE_USE }, { "出库", CG_MOVE_USE },
    { "count", CG_MOVE_COUNT }, { "盘点", CG_MOVE_COUNT },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      return (int) words[i].kind;
  return -1;
}

const char *
cg_move_kind_label (CgMoveKind kind)
{
  switch (kind)
    {
    case CG_MOVE_RECEIPT: return _("Receipt");
    case CG_MOVE_USE: return _("Use");
    case CG_MOVE_COUNT: return _("Stock count");
    case CG_N_MOVE_KINDS:
    default: g_return_val_if_reached ("");
    }
}

static const char * const source_ids[CG_N_SOURCES] = { NULL, "allocated", "bought", "donated" };

const char *
cg_stock_source_to_string (CgStockSource source)
{
  g_return_val_if_fail (source < CG_N_SOURCES, NULL);
  return source_ids[source];
}

int
cg_stock_source_from_string (const char *text)
{
  static const struct { const char *word; CgStockSource source; } words[] = {
    { "allocated", CG_SOURCE_ALLOCATED }, { "下拨", CG_SOURCE_ALLOCATED },
    { "bought", CG_SOURCE_BOUGHT }, { "自购", CG_SOURCE_BOUGHT },
    { "donated", CG_SOURCE_DONATED }, { "捐赠", CG_SOURCE_DONATED },
  };

  if (text == NULL || *text == '\0')
    return CG_SOURCE_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      return (int) words[i].source;
  return -1;
}

const char *
cg_stock_source_label (CgStockSource source)
{
  switch (source)
    {
    case CG_SOURCE_NONE: return "";
    case CG_SOURCE_ALLOCATED: return _("Allocated");
    case CG_SOURCE_BOUGHT: return _("Bought");
    case CG_SOURCE_DONATED: return _("Donated");
    case CG_N_SOURCES:
    default: g_return_val_if_reached ("");
    }
}

char *
cg_stock_format_quantity (gint64 quantity)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, quantity < 0 ? -quantity : quantity);
  GString *out = g_string_new (quantity < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Items                                                                   */

CgStockItem *
cg_stock_item_new (void)
{
  CgStockItem *item = g_new0 (CgStockItem, 1);

  item->name = g_strdup ("");
  item->unit = g_strdup ("个");
  item->pack_size = 1;
  item->category = CG_STOCK_OTHER;
  return item;
}

CgStockItem *
cg_stock_item_copy (const CgStockItem *item)
{
  CgStockItem *copy = g_new0 (CgStockItem, 1);

  *copy = *item;
  copy->name = g_strdup (item->name);
  copy->unit = g_strdup (item->unit);
  return copy;
}

void
cg_stock_item_free (CgStockItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->unit);
  g_free (item);
}

static void
strip_field (char **field)
{
  if (*field == NULL)
    *field = g_strdup ("");
  g_strstrip (*field);
}

gboolean
cg_stock_item_validate (CgStockItem  *item,
                        GError      **error)
{
  g_return_val_if_fail (item != NULL, FALSE);

  strip_field (&item->name);
  strip_field (&item->unit);

  if (*item->name == '\0')
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("The item needs a name."));
      return FALSE;
    }
  if (g_utf8_strlen (item->name, -1) > 60)
    {
      g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                           _("The item name is too long: 60 characters at most."));
      return FALSE;
    }
  if (*item->unit == '\0' || g_utf8_strlen (item->unit, -1) > 10)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The unit of %s must be a short word, such as 个, 套, 瓶 or 双."), item->name);
      return FALSE;
    }
  if (item->pack_size < 1 || item->pack_size > 100000)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The pack size of %s must be a whole number from 1 to 100,000."), item->name);
      return FALSE;
    }
  if (item->category >= CG_N_STOCK_CATEGORIES)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The category of %s is not known."), item->name);
      return FALSE;
    }
  if (item->peak30_override < 0 || item->peak30_override > MAX_QUANTITY)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The peak 30-day use of %s must be a positive whole number, or empty."), item->name);
      return FALSE;
    }
  return TRUE;
}

#define ITEM_COLUMNS "id, name, unit, pack_size, category, peak30_override, archived"

static CgStockItem *
item_from_row (sqlite3_stmt *stmt)
{
  CgStockItem *item = g_new0 (CgStockItem, 1);
  int category;

  item->id = sqlite3_column_int64 (stmt, 0);
  item->name = cg_column_dup_text (stmt, 1);
  item->unit = cg_column_dup_text (stmt, 2);
  item->pack_size = sqlite3_column_int64 (stmt, 3);
  category = cg_stock_category_from_string ((const char *) sqlite3_column_text (stmt, 4));
  item->category = category >= 0 ? (CgStockCategory) category : CG_STOCK_OTHER;
  item->peak30_override = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 5);
  item->archived = sqlite3_column_int (stmt, 6) != 0;
  return item;
}

static char *
item_describe (const CgStockItem *item)
{
  return g_strdup_printf ("unit=%s pack=%" G_GINT64_FORMAT " category=%s peak30=%" G_GINT64_FORMAT,
                          item->unit, item->pack_size, cg_stock_category_to_string (item->category),
                          item->peak30_override);
}

CgStockItem *
cg_stock_item_load (CgStore  *store,
                    gint64    item_id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  CgStockItem *item = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store, "SELECT " ITEM_COLUMNS " FROM stock_item WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                         _("This supply item does not exist (any more)."));
  else
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return item;
}

char *
cg_stock_name_key (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name != NULL ? name : "", -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  GString *key = g_string_new (NULL);

  /* NFKC makes full-width letters and digits plain; spaces go. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

CgStockItem *
cg_stock_item_find_by_name (CgStore     *store,
                            const char  *name,
                            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  CgStockItem *item = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store, "SELECT " ITEM_COLUMNS " FROM stock_item WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, trimmed);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return item;
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }

  /* "N95 口罩" is N95口罩: the names are few, compare their keys. */
  key = cg_stock_name_key (trimmed);
  stmt = cg_store_prepare (store, "SELECT " ITEM_COLUMNS " FROM stock_item ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while (item == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = cg_stock_name_key ((const char *) sqlite3_column_text (stmt, 1));

      if (strcmp (key, other) == 0)
        item = item_from_row (stmt);
    }
  sqlite3_reset (stmt);
  if (item == NULL && rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  return item;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const CgStockItem *x = *(const CgStockItem * const *) a;
  const CgStockItem *y = *(const CgStockItem * const *) b;

  if (x->category != y->category)
    return (int) x->category - (int) y->category;
  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
cg_stock_items_list (CgStore   *store,
                     gboolean   include_archived,
                     GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stock_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store, "SELECT " ITEM_COLUMNS " FROM stock_item WHERE archived = 0 OR ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  /* The main items of the documents first (masks, suits, disinfectant),
   * each category in the order its items were added. */
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

gboolean
cg_stock_item_save_in_transaction (CgStore      *store,
                                   CgStockItem  *item,
                                   const char   *who,
                                   GError      **error)
{
  g_autoptr(CgStockItem) old = NULL;
  g_autoptr(CgStockItem) same_name = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  if (!cg_stock_item_validate (item, error))
    return FALSE;

  same_name = cg_stock_item_find_by_name (store, item->name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (same_name != NULL && same_name->id != item->id)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT,
                   _("There is already an item named %s."), item->name);
      return FALSE;
    }

  if (item->id == 0)
    stmt = cg_store_prepare (store,
                             "INSERT INTO stock_item (name, unit, pack_size, category, peak30_override, archived, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  else
    {
      old = cg_stock_item_load (store, item->id, error);
      if (old == NULL)
        return FALSE;
      stmt = cg_store_prepare (store,
                               "UPDATE stock_item SET name = ?1, unit = ?2, pack_size = ?3, category = ?4, "
                               "peak30_override = ?5, archived = ?6 WHERE id = ?8", error);
    }
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, item->name);
  cg_bind_text (stmt, 2, item->unit);
  sqlite3_bind_int64 (stmt, 3, item->pack_size);
  cg_bind_text (stmt, 4, cg_stock_category_to_string (item->category));
  if (item->peak30_override > 0)
    sqlite3_bind_int64 (stmt, 5, item->peak30_override);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, item->archived ? 1 : 0);
  if (item->id == 0)
    cg_bind_text (stmt, 7, now);
  else
    sqlite3_bind_int64 (stmt, 8, item->id);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;

  new_value = item_describe (item);
  if (old == NULL)
    {
      item->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
      return cg_audit_record (store, who, "stock_item.add", item->name, NULL, new_value, error);
    }

  old_value = item_describe (old);
  if (g_strcmp0 (old->name, item->name) != 0)
    {
      g_autofree char *renamed_old = g_strdup_printf ("name=%s %s", old->name, old_value);
      g_autofree char *renamed_new = g_strdup_printf ("name=%s %s", item->name, new_value);

      return cg_audit_record (store, who, "stock_item.update", item->name, renamed_old, renamed_new, error);
    }
  if (g_strcmp0 (old_value, new_value) == 0 && old->archived == item->archived)
    return TRUE;
  return cg_audit_record (store, who, "stock_item.update", item->name, old_value, new_value, error);
}

/* Ends the transaction the caller began: commits when @ok and says that
 * @table changed, rolls back otherwise. */
static gboolean
commit_or_rollback (CgStore     *store,
                    gboolean     ok,
                    const char  *table,
                    GError     **error)
{
  if (!ok || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, table);
  return TRUE;
}

gboolean
cg_stock_item_save (CgStore      *store,
                    CgStockItem  *item,
                    const char   *who,
                    GError      **error)
{
  gint64 old_id;
  gboolean ok;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  old_id = item->id;
  if (!cg_store_begin (store, error))
    return FALSE;
  ok = cg_stock_item_save_in_transaction (store, item, who, error);
  if (!commit_or_rollback (store, ok, "stock_item", error))
    {
      item->id = old_id;
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_stock_item_set_archived (CgStore     *store,
                            gint64       item_id,
                            gboolean     archived,
                            const char  *who,
                            GError     **error)
{
  g_autoptr(CgStockItem) item = NULL;
  gboolean ok;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  item = cg_stock_item_load (store, item_id, error);
  ok = item != NULL;
  if (ok && item->archived != archived)
    {
      sqlite3_stmt *stmt = cg_store_prepare (store, "UPDATE stock_item SET archived = ? WHERE id = ?", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int (stmt, 1, archived ? 1 : 0);
          sqlite3_bind_int64 (stmt, 2, item_id);
          ok = cg_store_step_done (store, stmt, error)
               && cg_audit_record (store, who, archived ? "stock_item.archive" : "stock_item.restore",
                                   item->name, NULL, NULL, error);
        }
    }
  return commit_or_rollback (store, ok, "stock_item", error);
}

/* rules.md CH-6 names masks, protective suits and disinfectant, then
 * goggles, caps, shoe covers and gloves; the names and units are the ones
 * of forms.md's ledger.  The pack sizes are the usual cartons, to be
 * corrected to the supplier's. */
static const struct
{
  const char      *name;
  const char      *unit;
  gint64           pack_size;
  CgStockCategory  category;
} default_items[] = {
  { "医用外科口罩", "个", 50, CG_STOCK_MASKS },
  { "N95口罩", "个", 20, CG_STOCK_MASKS },
  { "防护服", "套", 10, CG_STOCK_SUITS },
  { "84消毒液", "瓶", 12, CG_STOCK_DISINFECTANT },
  { "护目镜", "个", 10, CG_STOCK_GOGGLES },
  { "一次性帽子", "个", 100, CG_STOCK_CAPS },
  { "鞋套", "双", 50, CG_STOCK_SHOE_COVERS },
  { "医用手套", "双", 50, CG_STOCK_GLOVES },
};

int
cg_stock_ensure_defaults_in_transaction (CgStore     *store,
                                         const char  *who,
                                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 n_items;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  stmt = cg_store_prepare (store, "SELECT count(*) FROM stock_item", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  n_items = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return -1;
    }
  if (n_items > 0)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (default_items); i++)
    {
      g_autoptr(CgStockItem) item = cg_stock_item_new ();

      g_free (item->name);
      item->name = g_strdup (default_items[i].name);
      g_free (item->unit);
      item->unit = g_strdup (default_items[i].unit);
      item->pack_size = default_items[i].pack_size;
      item->category = default_items[i].category;
      if (!cg_stock_item_save_in_transaction (store, item, who, error))
        return -1;
    }
  return (int) G_N_ELEMENTS (default_items);
}

int
cg_stock_ensure_defaults (CgStore     *store,
                          const char  *who,
                          GError     **error)
{
  int added;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  if (!cg_store_begin (store, error))
    return -1;
  added = cg_stock_ensure_defaults_in_transaction (store, who, error);
  if (!commit_or_rollback (store, added >= 0, "stock_item", error))
    return -1;
  return added;
}

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
  strip_field (&movement->batch);
  strip_field (&movement->note);
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
  if (!commit_or_rollback (store, ok, "stock_movement", error))
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
  return commit_or_rollback (store, ok, "stock_movement", error);
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
  return commit_or_rollback (store, ok, "stock_movement", error);
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
