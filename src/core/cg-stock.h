/* cg-stock.h — protective supplies: items and their ledger (防疫物资台账)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item's on-hand quantity on a day is the sum of the changes (deltas)
 * of its movements up to that day, in the order of the day and then of
 * entry.  A receipt adds its quantity, a use takes it away, and a stock
 * count sets the on-hand quantity to what was counted: its delta is the
 * difference it found.  A count stays the truth of its day: a movement
 * entered later with an earlier date changes the difference the count
 * found, not the quantity after it.  No movement may leave the on-hand
 * quantity below zero on any day: such a movement is refused with a
 * message and nothing is stored.
 *
 * What a count finds missing was used without being written down: the
 * forecast (cg-forecast.h) counts it as use on the count's day.
 */
#pragma once

#include "cg-institution.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_STOCK_MASKS,
  CG_STOCK_SUITS,
  CG_STOCK_DISINFECTANT,
  CG_STOCK_GOGGLES,
  CG_STOCK_CAPS,
  CG_STOCK_SHOE_COVERS,
  CG_STOCK_GLOVES,
  CG_STOCK_OTHER,
  CG_N_STOCK_CATEGORIES
} CgStockCategory;

const char *cg_stock_category_to_string   (CgStockCategory category);  /* "masks", "shoe_covers" … */
int         cg_stock_category_from_string (const char *text);          /* -1 */
const char *cg_stock_category_label       (CgStockCategory category);  /* translated */
/* A good guess from a (Chinese or English) item name; CG_STOCK_OTHER. */
CgStockCategory cg_stock_category_guess   (const char *name);

typedef struct
{
  gint64           id;              /* 0: not stored */
  char            *name;            /* data: "医用外科口罩" */
  char            *unit;            /* data: "个", "套", "瓶", "双" */
  gint64           pack_size;       /* orders are whole packs; ≥ 1 */
  CgStockCategory  category;
  gint64           peak30_override;  /* peak 30-day use entered while the ledger is younger than 30 days; 0 = none */
  gboolean         archived;
} CgStockItem;

CgStockItem *cg_stock_item_new        (void);
CgStockItem *cg_stock_item_copy       (const CgStockItem *item);
void         cg_stock_item_free       (CgStockItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgStockItem, cg_stock_item_free)

/* Trims and checks every field; the message names the field. */
gboolean     cg_stock_item_validate   (CgStockItem *item,
                                       GError     **error);
/* Insert (id 0; sets the id) or update, audited ("stock_item.add",
 * "stock_item.update").  A second item of the same name is refused. */
gboolean     cg_stock_item_save       (CgStore     *store,
                                       CgStockItem *item,
                                       const char  *who,
                                       GError     **error);
gboolean     cg_stock_item_save_in_transaction (CgStore     *store,
                                       CgStockItem *item,
                                       const char  *who,
                                       GError     **error);
/* Archived items keep their ledger but leave the lists and the rules. */
gboolean     cg_stock_item_set_archived (CgStore    *store,
                                       gint64      item_id,
                                       gboolean    archived,
                                       const char *who,
                                       GError    **error);
CgStockItem *cg_stock_item_load       (CgStore     *store,
                                       gint64       item_id,
                                       GError     **error);
/* The name an item is known by whatever its spacing, case or width:
 * "N95 口罩" and "Ｎ95口罩" are N95口罩. */
char        *cg_stock_name_key        (const char  *name);
/* The item of that name (or that name key); NULL and no error when there
 * is none. */
CgStockItem *cg_stock_item_find_by_name (CgStore   *store,
                                       const char  *name,
                                       GError     **error);
/* By category, then name.  Array of CgStockItem. */
GPtrArray   *cg_stock_items_list      (CgStore     *store,
                                       gboolean     include_archived,
                                       GError     **error);

/* The usual items of rules.md and forms.md (医用外科口罩, N95口罩, 防护服,
 * 84消毒液, 护目镜, 一次性帽子, 鞋套, 医用手套), added when the database has
 * no item at all — so that a new institution starts with them and one that
 * removed or renamed them is left alone.  Returns how many were added
 * (0 when items exist), -1 with @error. */
int          cg_stock_ensure_defaults (CgStore     *store,
                                       const char  *who,
                                       GError     **error);
int          cg_stock_ensure_defaults_in_transaction (CgStore    *store,
                                       const char  *who,
                                       GError     **error);

typedef enum
{
  CG_MOVE_RECEIPT,   /* 入库 */
  CG_MOVE_USE,       /* 领用 */
  CG_MOVE_COUNT,     /* 盘点 */
  CG_N_MOVE_KINDS
} CgMoveKind;

const char *cg_move_kind_to_string   (CgMoveKind kind);   /* "receipt", "use", "count" */
int         cg_move_kind_from_string (const char *text);  /* English or Chinese; -1 */
const char *cg_move_kind_label       (CgMoveKind kind);   /* translated */

typedef enum
{
  CG_SOURCE_NONE,
  CG_SOURCE_ALLOCATED,   /* 下拨 */
  CG_SOURCE_BOUGHT,      /* 自购 */
  CG_SOURCE_DONATED,     /* 捐赠 */
  CG_N_SOURCES
} CgStockSource;

const char *cg_stock_source_to_string   (CgStockSource source);  /* NULL for none */
int         cg_stock_source_from_string (const char *text);       /* English or Chinese; "" → none; -1 */
const char *cg_stock_source_label       (CgStockSource source);   /* translated; "" for none */

typedef struct
{
  gint64         id;            /* 0: not stored */
  gint64         item_id;
  char          *occurred_on;   /* YYYY-MM-DD */
  CgMoveKind     kind;
  gint64         quantity;      /* > 0; for a count, the quantity counted (≥ 0) */
  gint64         delta;         /* the change it made: +q, −q, counted − on hand before */
  CgStockSource  source;
  char          *expiry;        /* YYYY-MM-DD or NULL */
  char          *batch;         /* "" when none */
  char          *note;
  char          *who;
  char          *created_at;    /* UTC ISO-8601 */
  gint64         balance;       /* cg_stock_ledger(): on hand after this movement */
} CgStockMovement;

CgStockMovement *cg_stock_movement_new  (void);
void         cg_stock_movement_free     (CgStockMovement *movement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgStockMovement, cg_stock_movement_free)

/* Records a movement in its own transaction, audited ("stock.receipt",
 * "stock.use", "stock.count").  Sets id and delta on @movement.  Refused
 * (CG_STORE_ERROR_INVALID, nothing stored) when a field is wrong, the
 * date is in the future, or the on-hand quantity would be negative on its
 * day or any later one. */
gboolean     cg_stock_movement_add      (CgStore          *store,
                                         CgStockMovement  *movement,
                                         const char       *who,
                                         GError          **error);
gboolean     cg_stock_movement_add_in_transaction (CgStore *store,
                                         CgStockMovement  *movement,
                                         const char       *who,
                                         GError          **error);
/* Removes a movement entered by mistake, audited; refused when a later
 * balance would be negative without it (a receipt that uses depend on). */
gboolean     cg_stock_movement_delete   (CgStore          *store,
                                         gint64            movement_id,
                                         const char       *who,
                                         GError          **error);

/* Fast entry: the uses of one day for several items, in one transaction;
 * a quantity of 0 is skipped.  When one item has too little, nothing is
 * stored and the message names it. */
gboolean     cg_stock_record_day_use    (CgStore          *store,
                                         const GDate      *date,
                                         const gint64     *item_ids,
                                         const gint64     *quantities,
                                         guint             n_items,
                                         const char       *who,
                                         GError          **error);

/* The ledger of an item, oldest first, each movement with its balance.
 * Array of CgStockMovement. */
GPtrArray   *cg_stock_ledger            (CgStore          *store,
                                         gint64            item_id,
                                         GError          **error);
/* On hand at the end of @date (NULL: everything recorded). */
gboolean     cg_stock_on_hand           (CgStore          *store,
                                         gint64            item_id,
                                         const GDate      *date,
                                         gint64           *out,
                                         GError          **error);

/* "1,200": quantities as messages write them. */
char        *cg_stock_format_quantity   (gint64            quantity);

/* ---------------------------------------------------------------------- */
/* The ledger rule, without a store (the import checks a file with it)     */

typedef struct
{
  char        day[11];   /* YYYY-MM-DD */
  gint64      order;     /* within the day: the row id, or later for rows not stored yet */
  CgMoveKind  kind;
  gint64      quantity;
  gint64      delta;     /* recomputed for counts by cg_stock_replay() */
} CgLedgerEntry;

/* Sorts @entries (CgLedgerEntry) by day and order, recomputes the deltas
 * of the counts and returns the index of the first entry after which the
 * on-hand quantity is negative, or -1 when there is none.  *@balance_out
 * (optional) gets the quantity at that point (or at the end). */
int          cg_stock_replay            (GArray           *entries,
                                         gint64           *balance_out);

/* Demonstration data (cg-demo.c calls it inside its transaction): the
 * default items and a year of use up to @today, with a winter peak, a
 * delivery every 15 days (when something is needed) and a count every
 * quarter; one item (防护服) has been rationed by its supplier for three
 * months and is below its floor today. */
gboolean     cg_stock_demo_fill         (CgStore           *store,
                                         CgInstitutionKind  kind,
                                         int                beds,
                                         const GDate       *today,
                                         GRand             *rand,
                                         GError           **error);

G_END_DECLS
