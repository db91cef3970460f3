/* test-stock.c — the supplies ledger: items, the never-negative rule,
 * counts, fast entry, the stock import, the supply alerts and the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-import.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-rules.h"
#include "cg-stock.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CgInstitutionKind kind = GPOINTER_TO_INT (data);

  cg_test_store_set_up (f, "stock", "stock.db", "测试机构", kind,
                        kind == CG_KIND_FUNERAL_HOME ? 0 : 100);
}

static gint64
add_item (Fixture    *f,
          const char *name,
          const char *unit)
{
  g_autoptr(CgStockItem) item = cg_stock_item_new ();
  g_autoptr(GError) error = NULL;

  g_free (item->name);
  item->name = g_strdup (name);
  g_free (item->unit);
  item->unit = g_strdup (unit);
  g_assert_true (cg_stock_item_save (f->store, item, "test", &error));
  g_assert_no_error (error);
  return item->id;
}

static gboolean
try_movement (Fixture     *f,
              gint64       item_id,
              const char  *day,
              CgMoveKind   kind,
              gint64       quantity,
              GError     **error)
{
  g_autoptr(CgStockMovement) movement = cg_stock_movement_new ();

  movement->item_id = item_id;
  movement->occurred_on = g_strdup (day);
  movement->kind = kind;
  movement->quantity = quantity;
  if (!cg_stock_movement_add (f->store, movement, "test", error))
    return FALSE;
  /* The id is the row's, not the audit entry's written after it. */
  g_assert_cmpint (movement->id, ==, cg_test_query_int (f->store, "SELECT max(id) FROM stock_movement"));
  return TRUE;
}

static void
movement_ok (Fixture    *f,
             gint64      item_id,
             const char *day,
             CgMoveKind  kind,
             gint64      quantity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (try_movement (f, item_id, day, kind, quantity, &error));
  g_assert_no_error (error);
}

static gint64
on_hand (Fixture    *f,
         gint64      item_id,
         const char *day)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;
  GDate date;

  if (day != NULL)
    g_assert_true (cg_date_parse (day, &date));
  g_assert_true (cg_stock_on_hand (f->store, item_id, day != NULL ? &date : NULL, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* ---------------------------------------------------------------------- */

static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(CgStockItem) item = cg_stock_item_new ();
  g_autoptr(CgStockItem) found = NULL;
  CgStockItem *first;

  /* A new institution gets the items of rules.md once. */
  g_assert_cmpint (cg_stock_ensure_defaults (f->store, "test", &error), ==, 8);
  g_assert_no_error (error);
  g_assert_cmpint (cg_stock_ensure_defaults (f->store, "test", &error), ==, 0);
  items = cg_stock_items_list (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 8);
  first = items->pdata[0];
  g_assert_cmpstr (first->name, ==, "医用外科口罩");
  g_assert_cmpstr (first->unit, ==, "个");
  g_assert_cmpint (first->category, ==, CG_STOCK_MASKS);
  g_assert_cmpstr (((CgStockItem *) items->pdata[2])->name, ==, "防护服");
  g_assert_cmpstr (((CgStockItem *) items->pdata[2])->unit, ==, "套");
  g_assert_cmpstr (((CgStockItem *) items->pdata[7])->name, ==, "医用手套");
  g_assert_cmpstr (((CgStockItem *) items->pdata[7])->unit, ==, "双");

  /* A name is needed, once; packs of at least one. */
  g_free (item->name);
  item->name = g_strdup ("  ");
  g_assert_false (cg_stock_item_save (f->store, item, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (item->name);
  item->name = g_strdup (" n95 口罩 ");
  g_assert_false (cg_stock_item_save (f->store, item, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "n95 口罩"));
  g_assert_cmpint (item->id, ==, 0);
  g_clear_error (&error);
  g_free (item->name);
  item->name = g_strdup ("隔离衣");
  item->pack_size = 0;
  g_assert_false (cg_stock_item_save (f->store, item, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  item->pack_size = 10;
  item->category = cg_stock_category_guess (item->name);
  g_assert_cmpint (item->category, ==, CG_STOCK_SUITS);
  item->peak30_override = 120;
  g_assert_true (cg_stock_item_save (f->store, item, "test", &error));
  g_assert_no_error (error);
  found = cg_stock_item_find_by_name (f->store, "隔离衣", &error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->peak30_override, ==, 120);
  g_assert_cmpint (found->pack_size, ==, 10);

  /* Archived items leave the list, not the database. */
  g_assert_true (cg_stock_item_set_archived (f->store, found->id, TRUE, "test", &error));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cg_stock_items_list (f->store, FALSE, &error);
  g_assert_cmpuint (items->len, ==, 8);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cg_stock_items_list (f->store, TRUE, &error);
  g_assert_cmpuint (items->len, ==, 9);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM audit WHERE what = 'stock_item.archive'"), ==, 1);
}

static void
test_never_negative (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 masks = add_item (f, "医用外科口罩", "个");
  gint64 audits;

  movement_ok (f, masks, "2026-09-01", CG_MOVE_RECEIPT, 100);
  audits = cg_test_query_int (f->store, "SELECT count(*) FROM audit");

  /* More than there is on its own day. */
  g_assert_false (try_movement (f, masks, "2026-09-02", CG_MOVE_USE, 150, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "only 100 个"));
  g_assert_nonnull (strstr (error->message, "2026-09-02"));
  g_clear_error (&error);
  /* Before the receipt there was nothing. */
  g_assert_false (try_movement (f, masks, "2026-08-31", CG_MOVE_USE, 1, &error));
  g_assert_nonnull (strstr (error->message, "only 0 个"));
  g_clear_error (&error);
  /* Everything there is: fine. */
  movement_ok (f, masks, "2026-09-05", CG_MOVE_USE, 80);
  g_assert_cmpint (on_hand (f, masks, NULL), ==, 20);

  /* A use dated before it that the later one needs: 100 − 30 = 70 on
   * 09-03 is fine, but 09-05 would then be 70 − 80 = −10. */
  g_assert_false (try_movement (f, masks, "2026-09-03", CG_MOVE_USE, 30, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "-10 个"));
  g_assert_nonnull (strstr (error->message, "2026-09-05"));
  g_clear_error (&error);
  /* 20 of it is fine. */
  movement_ok (f, masks, "2026-09-03", CG_MOVE_USE, 20);
  g_assert_cmpint (on_hand (f, masks, "2026-09-03"), ==, 80);
  g_assert_cmpint (on_hand (f, masks, NULL), ==, 0);

  /* Refusals stored nothing, not even an audit line. */
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement"), ==, 3);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM audit"), ==, audits + 2);

  /* No quantity, a future date, a date that is not one. */
  g_assert_false (try_movement (f, masks, "2026-09-06", CG_MOVE_RECEIPT, 0, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (try_movement (f, masks, "2999-01-01", CG_MOVE_RECEIPT, 10, &error));
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_false (try_movement (f, masks, "2026-02-30", CG_MOVE_RECEIPT, 10, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The database itself refuses a delta that does not match its kind. */
  g_assert_false (cg_store_exec (f->store,
                                 "INSERT INTO stock_movement (item_id, occurred_on, kind, quantity, delta, created_at) "
                                 "VALUES (1, '2026-09-06', 'use', 5, 5, '2026-09-06T00:00:00Z')", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT);
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ledger = NULL;
  gint64 suits = add_item (f, "防护服", "套");
  CgStockMovement *count;

  movement_ok (f, suits, "2026-09-01", CG_MOVE_RECEIPT, 100);
  movement_ok (f, suits, "2026-09-02", CG_MOVE_USE, 20);
  /* The ledger says 80; the shelf has 70: the count records −10. */
  movement_ok (f, suits, "2026-09-03", CG_MOVE_COUNT, 70);
  ledger = cg_stock_ledger (f->store, suits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->len, ==, 3);
  count = ledger->pdata[2];
  g_assert_cmpint (count->kind, ==, CG_MOVE_COUNT);
  g_assert_cmpint (count->quantity, ==, 70);
  g_assert_cmpint (count->delta, ==, -10);
  g_assert_cmpint (count->balance, ==, 70);
  g_assert_cmpint (((CgStockMovement *) ledger->pdata[1])->balance, ==, 80);

  /* A use found later, dated before the count: the count is still the
   * truth of its day (70); the difference it found shrinks to −5. */
  movement_ok (f, suits, "2026-09-02", CG_MOVE_USE, 5);
  g_assert_cmpint (on_hand (f, suits, "2026-09-02"), ==, 75);
  g_assert_cmpint (on_hand (f, suits, "2026-09-03"), ==, 70);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT delta FROM stock_movement WHERE kind = 'count'"), ==, -5);
  /* A forgotten receipt before it: the count found 70 − 125 = −55. */
  movement_ok (f, suits, "2026-09-01", CG_MOVE_RECEIPT, 50);
  g_assert_cmpint (on_hand (f, suits, "2026-09-03"), ==, 70);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT delta FROM stock_movement WHERE kind = 'count'"), ==, -55);

  /* After the count, 70 are there: 80 cannot be used. */
  g_assert_false (try_movement (f, suits, "2026-09-04", CG_MOVE_USE, 80, &error));
  g_assert_nonnull (strstr (error->message, "only 70 套"));
  g_clear_error (&error);

  /* A count of nothing is a count, and later uses then need a receipt. */
  movement_ok (f, suits, "2026-09-04", CG_MOVE_COUNT, 0);
  g_assert_cmpint (on_hand (f, suits, NULL), ==, 0);
  g_assert_false (try_movement (f, suits, "2026-09-05", CG_MOVE_USE, 1, &error));
  g_clear_error (&error);

  /* A count dated before uses it cannot cover: 10 on 09-02 evening, but
   * the uses recorded on 09-02 … 09-03 already say more was there. */
  {
    gint64 caps = add_item (f, "一次性帽子", "个");

    movement_ok (f, caps, "2026-09-01", CG_MOVE_RECEIPT, 100);
    movement_ok (f, caps, "2026-09-05", CG_MOVE_USE, 80);
    g_assert_false (try_movement (f, caps, "2026-09-03", CG_MOVE_COUNT, 10, &error));
    g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "-70 个"));
    g_assert_nonnull (strstr (error->message, "2026-09-05"));
  }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 gloves = add_item (f, "医用手套", "双");
  gint64 receipt_id, use_id;

  movement_ok (f, gloves, "2026-09-01", CG_MOVE_RECEIPT, 100);
  receipt_id = cg_test_query_int (f->store, "SELECT max(id) FROM stock_movement");
  movement_ok (f, gloves, "2026-09-02", CG_MOVE_USE, 40);
  use_id = cg_test_query_int (f->store, "SELECT max(id) FROM stock_movement");
  movement_ok (f, gloves, "2026-09-03", CG_MOVE_COUNT, 50);

  /* The uses depend on the receipt. */
  g_assert_false (cg_stock_movement_delete (f->store, receipt_id, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "-40 双"));
  g_clear_error (&error);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement"), ==, 3);

  /* A use entered by mistake goes; the count stays 50 (−50 found now). */
  g_assert_true (cg_stock_movement_delete (f->store, use_id, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f, gloves, NULL), ==, 50);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT delta FROM stock_movement WHERE kind = 'count'"), ==, -50);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM audit WHERE what = 'stock.delete'"), ==, 1);

  g_assert_false (cg_stock_movement_delete (f->store, use_id, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND);
}

static void
test_day_use (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  gint64 quantities[3] = { 30, 0, 5 };
  GDate date;

  ids[0] = add_item (f, "医用外科口罩", "个");
  ids[1] = add_item (f, "N95口罩", "个");
  ids[2] = add_item (f, "84消毒液", "瓶");
  movement_ok (f, ids[0], "2026-09-01", CG_MOVE_RECEIPT, 100);
  movement_ok (f, ids[2], "2026-09-01", CG_MOVE_RECEIPT, 4);
  g_date_set_dmy (&date, 2, G_DATE_SEPTEMBER, 2026);

  /* 5 bottles but 4 on hand: nothing of the day is stored. */
  g_assert_false (cg_stock_record_day_use (f->store, &date, ids, quantities, 3, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "84消毒液"));
  g_clear_error (&error);
  g_assert_cmpint (on_hand (f, ids[0], NULL), ==, 100);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement WHERE kind = 'use'"), ==, 0);

  /* The day corrected: both stored, the 0 skipped. */
  quantities[2] = 4;
  g_assert_true (cg_stock_record_day_use (f->store, &date, ids, quantities, 3, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f, ids[0], NULL), ==, 70);
  g_assert_cmpint (on_hand (f, ids[2], NULL), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement WHERE kind = 'use'"), ==, 2);
}

/* ---------------------------------------------------------------------- */
/* Import                                                                  */

#define STOCK_FILE \
  "物资,日期,数量,类型,来源,有效期,生产批号,备注,单位\n" \
  "医用外科口罩,2026-09-01,\"1,000\",入库,下拨,2028-08-31,B2026081,,个\n" \
  "医用外科口罩,2026/09/02,-120,,,,,,\n" \
  "医用外科口罩,2026年9月3日,80,领用,,,,门岗,\n" \
  "医用外科口罩,2026-09-04,790,盘点,,,,月中盘点,\n" \
  "隔离衣,2026-09-01,30,,自购,,,,件\n" \
  "隔离衣,2026-09-02,-4,use,,,,,\n"

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgStockItem) gowns = NULL;
  g_autoptr(CgStockItem) masks = NULL;
  g_autoptr(GError) error = NULL;

  add_item (f, "医用外科口罩", "个");
  cg_test_import_ok (f->store, CG_REGISTER_STOCK, STOCK_FILE, 6, 0);

  /* 1,000 − 120 − 80 = 800, counted 790: −10. */
  masks = cg_stock_item_find_by_name (f->store, "医用外科口罩", &error);
  g_assert_cmpint (on_hand (f, masks->id, "2026-09-03"), ==, 800);
  g_assert_cmpint (on_hand (f, masks->id, NULL), ==, 790);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT delta FROM stock_movement WHERE kind = 'count'"), ==, -10);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement WHERE source = 'allocated' "
                                                "AND expiry = '2028-08-31' AND batch = 'B2026081'"), ==, 1);
  /* An unknown item is created with its unit; its category guessed. */
  gowns = cg_stock_item_find_by_name (f->store, "隔离衣", &error);
  g_assert_nonnull (gowns);
  g_assert_cmpstr (gowns->unit, ==, "件");
  g_assert_cmpint (gowns->category, ==, CG_STOCK_SUITS);
  g_assert_cmpint (on_hand (f, gowns->id, NULL), ==, 26);

  /* The same file again records nothing more. */
  cg_test_import_ok (f->store, CG_REGISTER_STOCK, STOCK_FILE, 0, 6);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement"), ==, 6);
  g_assert_cmpint (on_hand (f, masks->id, NULL), ==, 790);

  /* With one more day at the end: only that row is new. */
  cg_test_import_ok (f->store, CG_REGISTER_STOCK, STOCK_FILE "隔离衣,2026-09-05,-6,,,,,,\n", 1, 6);
  g_assert_cmpint (on_hand (f, gowns->id, NULL), ==, 20);

  /* Spacing, width and case do not make another item. */
  cg_test_import_ok (f->store, CG_REGISTER_STOCK, "物资,日期,数量\n 医用外科 口罩 ,2026-09-05,-10\n隔离衣 ,2026-09-05,-1\n", 2, 0);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_item"), ==, 2);
  g_assert_cmpint (on_hand (f, masks->id, NULL), ==, 780);
  g_assert_cmpint (on_hand (f, gowns->id, NULL), ==, 19);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CgImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  GPtrArray *problems;

  add_item (f, "医用外科口罩", "个");
  import = cg_test_import_prepare (f->store, CG_REGISTER_STOCK,
                                   "item,occurred_on,quantity,kind,source,unit\n"
                                   "医用外科口罩,2026-09-01,500,receipt,allocated,\n"        /* 2: fine */
                                   "医用外科口罩,2026-09-02,-600,,,\n"                       /* 3: only 500 */
                                   "医用外科口罩,2026-09-02,0,,,\n"                          /* 4: 0 says nothing */
                                   "医用外科口罩,2026-09-02,-50,receipt,,\n"                 /* 5: negative receipt */
                                   "医用外科口罩,2026-09-02,12.5,,,\n"                       /* 6: not whole */
                                   "医用外科口罩,2026-09-02,-5,,gift,\n"                      /* 7: unknown source */
                                   "医用外科口罩,2026-09-02,-5,transfer,,\n"                 /* 8: unknown kind */
                                   "医用外科口罩,2999-01-01,5,,,\n"                          /* 9: future */
                                   "医用外科口罩,2026-09-02,5,,,盒\n"                        /* 10: unit */
                                   ",2026-09-02,5,,,\n"                                      /* 11: no item */
                                   "医用外科口罩,2026-09-02,-1,count,,\n"                    /* 12: negative count */
                                   "医用外科口罩,2026-09-03,-500,,,\n");                     /* 13: fine: 500 there */
  report = cg_import_format_problems (import);
  g_test_message ("%s", report);
  problems = cg_import_get_problems (import);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 10);
  g_assert_cmpuint (problems->len, ==, 10);
  g_assert_nonnull (strstr (report, "line 3, quantity: Not enough 医用外科口罩: only 500 个"));
  g_assert_nonnull (strstr (report, "line 4, quantity:"));
  g_assert_nonnull (strstr (report, "line 5, quantity: A receipt adds a positive quantity"));
  g_assert_nonnull (strstr (report, "line 6, quantity:"));
  g_assert_nonnull (strstr (report, "line 7, source:"));
  g_assert_nonnull (strstr (report, "line 8, kind:"));
  g_assert_nonnull (strstr (report, "line 9, occurred_on:"));
  g_assert_nonnull (strstr (report, "line 10, unit: 医用外科口罩 is counted in 个, not 盒"));
  g_assert_nonnull (strstr (report, "line 11, item:"));
  g_assert_nonnull (strstr (report, "line 12, quantity:"));

  /* A file with problems stores nothing. */
  g_assert_false (cg_import_commit (import, f->store, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement"), ==, 0);

  /* A use whose receipt comes on a later line (the rows are taken in
   * the file's order) is a bad row too, named with its line. */
  {
    g_autoptr(CgImport) reversed = cg_test_import_prepare (f->store, CG_REGISTER_STOCK,
                                                           "物资,日期,数量\n"
                                                           "医用外科口罩,2026-09-02,-50\n"
                                                           "医用外科口罩,2026-09-01,100\n");
    g_autofree char *text = cg_import_format_problems (reversed);

    g_assert_cmpuint (cg_import_get_n_bad_rows (reversed), ==, 1);
    g_assert_nonnull (strstr (text, "line 2, 数量:"));
  }
}

/* ---------------------------------------------------------------------- */
/* Rules                                                                   */

static GPtrArray *
alerts_on (Fixture    *f,
           const char *day)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts;
  GDate date;

  g_assert_true (cg_date_parse (day, &date));
  alerts = cg_rules_evaluate (f->store, f->policy, &date, &error);
  g_assert_no_error (error);
  return alerts;
}

static CgAlert *
find_alert (GPtrArray  *alerts,
            const char *subject)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      CgAlert *alert = alerts->pdata[i];

      if (g_strcmp0 (alert->subject, subject) == 0)
        return alert;
    }
  return NULL;
}

/* Three items used 10 a day for 30 days (peak rate 10): 300 on hand =
 * 30 days, 500 = 50 days, 0 = stock-out; a fourth with 700 = 70 days. */
static void
fill_three_states (Fixture *f)
{
  const char *names[] = { "医用外科口罩", "防护服", "84消毒液", "护目镜" };
  const gint64 left[] = { 300, 500, 0, 700 };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 item = add_item (f, names[i], "个");

      movement_ok (f, item, "2026-08-01", CG_MOVE_RECEIPT, 300 + left[i]);
      g_date_set_dmy (&date, 1, G_DATE_AUGUST, 2026);
      for (int d = 0; d < 30; d++)
        {
          g_autofree char *day = cg_date_to_iso (&date);

          movement_ok (f, item, day, CG_MOVE_USE, 10);
          g_date_add_days (&date, 1);
        }
    }
}

static void
test_rules_care_home (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = NULL;
  CgAlert *alert;

  fill_three_states (f);
  alerts = alerts_on (f, "2026-08-30");

  /* 医用外科口罩: 300 / 10 = 30 days < 45: warning; order 60 × 10 − 300
   * = 300; replenishment every 15 days from 08-01: 08-31. */
  alert = find_alert (alerts, "医用外科口罩");
  g_assert_nonnull (alert);
  g_assert_cmpstr (alert->rule, ==, "CH-6");
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
  g_assert_cmpstr (alert->record_kind, ==, "stock_item");
  g_assert_cmpstr (alert->source, ==, "晋政民〔2020〕87号 养老 二(四)");
  g_assert_cmpstr (alert->date, ==, "2026-08-30");
  g_assert_nonnull (strstr (alert->message, "300 个 on hand = 30 days at peak use (floor 45, target 60)"));
  g_assert_nonnull (strstr (alert->message, "order 300 个 now"));
  g_assert_nonnull (strstr (alert->message, "2026-08-31"));
  /* run-out at 10 a day: 30 days → 09-29 */
  g_assert_nonnull (strstr (alert->message, "runs out on 2026-09-29"));

  /* 防护服: 50 days: information, order 100. */
  alert = find_alert (alerts, "防护服");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_INFO);
  g_assert_nonnull (strstr (alert->message, "500 个 on hand = 50 days at peak use (target 60)"));
  g_assert_nonnull (strstr (alert->message, "order 100 个"));

  /* 84消毒液: none left: critical, the whole target of 600. */
  alert = find_alert (alerts, "84消毒液");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, CG_SEVERITY_CRITICAL);
  g_assert_nonnull (strstr (alert->message, "None on hand"));
  g_assert_nonnull (strstr (alert->message, "order 600 个 at once"));

  /* 护目镜: 70 days: no alert.  Critical first. */
  g_assert_null (find_alert (alerts, "护目镜"));
  g_assert_cmpint (((CgAlert *) alerts->pdata[0])->severity, ==, CG_SEVERITY_CRITICAL);

  /* The same ledger seen on an earlier day knows nothing of what came
   * after: on 08-10 the masks had 600 − 100 = 500 over a rate of 10. */
  {
    g_autoptr(GPtrArray) earlier = alerts_on (f, "2026-08-10");

    alert = find_alert (earlier, "医用外科口罩");
    g_assert_nonnull (alert);
    g_assert_nonnull (strstr (alert->message, "500 个 on hand = 50 days"));
  }
}

static void
test_rules_by_kind (Fixture       *f,
                    gconstpointer  data)
{
  CgInstitutionKind kind = GPOINTER_TO_INT (data);
  static const char * const rule[CG_N_KINDS] = { "CH-6", "CW-4", "RS-6", "FH-1" };
  g_autoptr(GPtrArray) alerts = NULL;
  CgAlert *alert;

  fill_three_states (f);
  alerts = alerts_on (f, "2026-08-30");
  alert = find_alert (alerts, "84消毒液");
  g_assert_nonnull (alert);
  g_assert_cmpstr (alert->rule, ==, rule[kind]);
  g_assert_cmpstr (alert->source, ==, cg_rule_source_for (rule[kind], kind));
  for (guint i = 0; i < alerts->len; i++)
    g_assert_cmpstr (((CgAlert *) alerts->pdata[i])->rule, ==, rule[kind]);

  alert = find_alert (alerts, "医用外科口罩");
  if (kind == CG_KIND_RESCUE_STATION)
    {
      /* 30 days is the rescue-station floor itself: below the target
       * only (nobody registered present, so no full-load scaling). */
      g_assert_cmpint (alert->severity, ==, CG_SEVERITY_INFO);
      g_assert_nonnull (strstr (alert->message, "at full-load peak use"));
    }
  else
    g_assert_cmpint (alert->severity, ==, CG_SEVERITY_WARNING);
}

/* ---------------------------------------------------------------------- */
/* Demo                                                                    */

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  CgInstitutionKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) forecasts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20201104);
  GDate today;
  guint below_floor = 0;

  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);
  g_assert_true (cg_store_begin (f->store, &error));
  g_assert_true (cg_stock_demo_fill (f->store, kind, kind == CG_KIND_FUNERAL_HOME ? 0 : 100,
                                     &today, rand, &error));
  g_assert_no_error (error);
  g_assert_true (cg_store_commit (f->store, &error));

  /* A year: deliveries on the replenishment days, every 15 days (25 of
   * them in 365 days) when something is needed, a count each quarter,
   * uses on most days. */
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_item"), ==, 8);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT min(occurred_on) = '2025-03-16' FROM stock_movement"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT max(occurred_on) = '2026-03-15' FROM stock_movement"), ==, 1);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement WHERE kind = 'receipt' AND item_id = 1"), >=, 20);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement WHERE kind = 'receipt'"), <=, 8 * 25);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement WHERE kind = 'receipt' "
                                                "AND (julianday(occurred_on) - julianday('2025-03-16')) % 15 <> 0"), ==, 0);
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT count(*) FROM stock_movement WHERE kind = 'count'"), ==, 8 * 4);
  /* The winter peak: January uses more masks than July. */
  g_assert_cmpint (cg_test_query_int (f->store, "SELECT (SELECT sum(quantity) FROM stock_movement WHERE kind = 'use' "
                                                "AND item_id = 1 AND occurred_on LIKE '2026-01-%') > 1.3 * "
                                                "(SELECT sum(quantity) FROM stock_movement WHERE kind = 'use' "
                                                "AND item_id = 1 AND occurred_on LIKE '2025-07-%')"), ==, 1);

  /* Every write keeps the ledger rule. */
  for (gint64 item = 1; item <= 8; item++)
    {
      g_autoptr(GPtrArray) ledger = cg_stock_ledger (f->store, item, &error);

      for (guint i = 0; i < ledger->len; i++)
        g_assert_cmpint (((CgStockMovement *) ledger->pdata[i])->balance, >=, 0);
    }

  /* One item below its floor today, the others not. */
  forecasts = cg_stock_forecast_all (f->store, f->policy, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < forecasts->len; i++)
    {
      CgItemForecast *forecast = forecasts->pdata[i];

      g_test_message ("item %" G_GINT64_FORMAT ": %.1f days, %s", forecast->item->id, forecast->forecast.days_of_supply,
                      cg_stock_status_to_string (forecast->forecast.status));
      g_assert_false (forecast->forecast.unlimited);
      g_assert_cmpint (forecast->forecast.status, !=, CG_STOCK_OUT);
      if (forecast->forecast.status == CG_STOCK_BELOW_FLOOR)
        {
          below_floor++;
          g_assert_cmpstr (forecast->item->name, ==, "防护服");
        }
    }
  g_assert_cmpuint (below_floor, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

#define ADD(path, func, kind) \
  g_test_add (path, Fixture, GINT_TO_POINTER (kind), fixture_set_up, func, cg_test_store_fixture_tear_down)

  ADD ("/stock/items", test_items, CG_KIND_CARE_HOME);
  ADD ("/stock/never-negative", test_never_negative, CG_KIND_CARE_HOME);
  ADD ("/stock/counts", test_counts, CG_KIND_CARE_HOME);
  ADD ("/stock/delete", test_delete, CG_KIND_CARE_HOME);
  ADD ("/stock/day-use", test_day_use, CG_KIND_CARE_HOME);
  ADD ("/stock/import", test_import, CG_KIND_CARE_HOME);
  ADD ("/stock/import-bad", test_import_bad, CG_KIND_CARE_HOME);
  ADD ("/stock/rules/care-home", test_rules_care_home, CG_KIND_CARE_HOME);
  ADD ("/stock/rules/child-welfare", test_rules_by_kind, CG_KIND_CHILD_WELFARE);
  ADD ("/stock/rules/rescue-station", test_rules_by_kind, CG_KIND_RESCUE_STATION);
  ADD ("/stock/rules/funeral-home", test_rules_by_kind, CG_KIND_FUNERAL_HOME);
  ADD ("/stock/demo/care-home", test_demo, CG_KIND_CARE_HOME);
  ADD ("/stock/demo/rescue-station", test_demo, CG_KIND_RESCUE_STATION);
  ADD ("/stock/demo/funeral-home", test_demo, CG_KIND_FUNERAL_HOME);

  return g_test_run ();
}
