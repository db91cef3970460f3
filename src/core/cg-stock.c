/* cg-stock.c — protective supplies: the words, and the items of the ledger
 * (防疫物资台账); the movements and the ledger rule are in cg-stock-ledger.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-stock.h"
#include "cg-validate.h"
#include "cg-stock-private.h"

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

void
cg_stock_strip_field (char **field)
{
  cg_text_tidy (field, G_MAXLONG);
}

gboolean
cg_stock_item_validate (CgStockItem  *item,
                        GError      **error)
{
  g_return_val_if_fail (item != NULL, FALSE);

  cg_stock_strip_field (&item->name);
  cg_stock_strip_field (&item->unit);

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

gboolean
cg_stock_commit_or_rollback (CgStore     *store,
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
  if (!cg_stock_commit_or_rollback (store, ok, "stock_item", error))
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
  return cg_stock_commit_or_rollback (store, ok, "stock_item", error);
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
  if (!cg_stock_commit_or_rollback (store, added >= 0, "stock_item", error))
    return -1;
  return added;
}
