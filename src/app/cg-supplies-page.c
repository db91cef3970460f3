/* cg-supplies-page.c — protective supplies: days of supply at peak use,
 * run-out dates, the ledger of an item and the next order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-chart-view.h"
#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-import-dialog.h"
#include "cg-page-loader.h"
#include "cg-stock.h"
#include "cg-stock-dialog.h"
#include "cg-supplies-chart.h"
#include "cg-supplies-page.h"

#define CHART_DAYS 90

/* ---- row objects ------------------------------------------------------ */

#define CG_TYPE_SUPPLY_ROW (cg_supply_row_get_type ())
G_DECLARE_FINAL_TYPE (CgSupplyRow, cg_supply_row, CG, SUPPLY_ROW, GObject)

struct _CgSupplyRow
{
  GObject         parent_instance;
  CgItemForecast *forecast;
};

G_DEFINE_FINAL_TYPE (CgSupplyRow, cg_supply_row, G_TYPE_OBJECT)

static void
cg_supply_row_finalize (GObject *object)
{
  g_clear_pointer (&CG_SUPPLY_ROW (object)->forecast, cg_item_forecast_free);
  G_OBJECT_CLASS (cg_supply_row_parent_class)->finalize (object);
}

static void
cg_supply_row_class_init (CgSupplyRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_supply_row_finalize;
}

static void
cg_supply_row_init (CgSupplyRow *self)
{
}

#define CG_TYPE_LEDGER_ROW (cg_ledger_row_get_type ())
G_DECLARE_FINAL_TYPE (CgLedgerRow, cg_ledger_row, CG, LEDGER_ROW, GObject)

struct _CgLedgerRow
{
  GObject          parent_instance;
  CgStockMovement *movement;
};

G_DEFINE_FINAL_TYPE (CgLedgerRow, cg_ledger_row, G_TYPE_OBJECT)

static void
cg_ledger_row_finalize (GObject *object)
{
  g_clear_pointer (&CG_LEDGER_ROW (object)->movement, cg_stock_movement_free);
  G_OBJECT_CLASS (cg_ledger_row_parent_class)->finalize (object);
}

static void
cg_ledger_row_class_init (CgLedgerRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_ledger_row_finalize;
}

static void
cg_ledger_row_init (CgLedgerRow *self)
{
}

/* ---- the page --------------------------------------------------------- */

struct _CgSuppliesPage
{
  AdwBin             parent_instance;

  CgStore           *store;
  const CgModule    *module;
  CgPageLoader      *loader;
  gint64             selected_item;
  char              *next_day;

  GListStore        *rows;
  GtkSingleSelection *selection;
  GListStore        *ledger_rows;

  AdwToastOverlay   *toast_overlay;
  GtkLabel          *replenish_label;
  GtkLabel          *summary_label;
  GtkWidget         *import_button;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkColumnView     *items_view;
  GtkWidget         *detail_box;
  GtkLabel          *detail_title;
  GtkLabel          *detail_summary;
  CgChartView       *chart;
  GtkColumnView     *ledger_view;
  GtkLabel          *order_title;
  GtkWidget         *copy_button;
  GtkWidget         *export_button;
  GtkListBox        *order_list;
};

G_DEFINE_FINAL_TYPE (CgSuppliesPage, cg_supplies_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_MODULE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void detail_refresh (CgSuppliesPage *self);

static GtkWindow *
get_parent_window (CgSuppliesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (CgSuppliesPage *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Whole days, rounded down: 59.96 days must not read "60" beside "Below
 * target".  "" for an item with no use to plan on. */
static char *
format_whole_days (const CgForecast *forecast)
{
  if (forecast->unlimited)
    return g_strdup ("");
  return g_strdup_printf ("%.0f", cg_supplies_whole_days (forecast->days_of_supply));
}

/* "12", "∞ unlimited" for an item with no use to plan on. */
static char *
format_days (const CgForecast *forecast)
{
  if (forecast->unlimited)
    return g_strdup (_("∞ unlimited"));
  return format_whole_days (forecast);
}

/* ---- the items table -------------------------------------------------- */

typedef enum
{
  COL_ITEM,
  COL_UNIT,
  COL_ON_HAND,
  COL_DAYS,
  COL_STATUS,
  COL_RUNOUT,
  COL_ORDER,
  N_ITEM_COLS
} ItemColumn;

static const char * const item_col_titles[N_ITEM_COLS] = {
  N_("Item"), N_("Unit"), N_("On Hand"), N_("Days at Peak Use"), N_("Status"),
  N_("Runs Out (Recent Pace)"), N_("Suggested Order"),
};

static char *
item_cell_text (CgItemForecast *f,
                ItemColumn      column)
{
  switch (column)
    {
    case COL_ITEM:    return g_strdup (f->item->name);
    case COL_UNIT:    return g_strdup (f->item->unit);
    case COL_ON_HAND: return cg_stock_format_quantity (f->forecast.on_hand);
    case COL_DAYS:    return format_days (&f->forecast);
    case COL_STATUS:  return g_strdup (cg_stock_status_label (f->forecast.status));
    case COL_RUNOUT:  return g_strdup (f->runout_date != NULL ? f->runout_date : _("Not in sight"));
    case COL_ORDER:
      return f->forecast.suggested_order > 0 ? cg_stock_format_quantity (f->forecast.suggested_order)
                                             : g_strdup ("—");
    case N_ITEM_COLS:
    default:
      return g_strdup ("");
    }
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ItemColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label),
                        column == COL_ON_HAND || column == COL_DAYS || column == COL_ORDER ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COL_STATUS)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "cg-stock-pill");
    }
  else if (column != COL_ITEM && column != COL_UNIT)
    gtk_widget_add_css_class (label, "cg-numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ItemColumn column = GPOINTER_TO_INT (user_data);
  CgSupplyRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = item_cell_text (row->forecast, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COL_STATUS)
    {
      for (int s = 0; s < CG_N_STOCK_STATUSES; s++)
        gtk_widget_remove_css_class (label, cg_stock_status_to_string ((CgStockStatus) s));
      gtk_widget_add_css_class (label, cg_stock_status_to_string (row->forecast->forecast.status));
    }
  if (column == COL_DAYS && row->forecast->forecast.unlimited)
    gtk_widget_set_tooltip_text (label, _("No use to plan on: the stock is not being used up"));
  else
    gtk_widget_set_tooltip_text (label, NULL);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            GCallback      setup,
            GCallback      bind,
            int            column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", setup, GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", bind, GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
}

/* ---- the ledger table ------------------------------------------------- */

typedef enum
{
  LCOL_DATE,
  LCOL_KIND,
  LCOL_SOURCE,
  LCOL_QUANTITY,
  LCOL_BALANCE,
  LCOL_BATCH,
  LCOL_EXPIRY,
  LCOL_NOTE,
  N_LEDGER_COLS
} LedgerColumn;

static const char * const ledger_col_titles[N_LEDGER_COLS] = {
  N_("Date"), N_("Kind"), N_("Source"), N_("Quantity"), N_("Balance"),
  N_("Batch"), N_("Expiry"), N_("Note"),
};

static char *
ledger_cell_text (CgStockMovement *m,
                  LedgerColumn     column)
{
  switch (column)
    {
    case LCOL_DATE:   return g_strdup (m->occurred_on);
    case LCOL_KIND:   return g_strdup (cg_move_kind_label (m->kind));
    case LCOL_SOURCE: return g_strdup (cg_stock_source_label (m->source));
    case LCOL_QUANTITY:
      if (m->kind == CG_MOVE_COUNT)
        {
          g_autofree char *q = cg_stock_format_quantity (m->quantity);
          g_autofree char *d = cg_stock_format_quantity (ABS (m->delta));

          /* Translators: a stock count: what was counted and the difference it found */
          return g_strdup_printf (_("%s (%s%s)"), q, m->delta < 0 ? "−" : m->delta > 0 ? "+" : "±", d);
        }
      else
        {
          g_autofree char *q = cg_stock_format_quantity (m->quantity);

          return g_strdup_printf ("%s%s", m->kind == CG_MOVE_USE ? "−" : "+", q);
        }
    case LCOL_BALANCE: return cg_stock_format_quantity (m->balance);
    case LCOL_BATCH:   return g_strdup (m->batch != NULL ? m->batch : "");
    case LCOL_EXPIRY:  return g_strdup (m->expiry != NULL ? m->expiry : "");
    case LCOL_NOTE:    return g_strdup (m->note != NULL ? m->note : "");
    case N_LEDGER_COLS:
    default:
      return g_strdup ("");
    }
}

static void
ledger_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  LedgerColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label),
                        column == LCOL_QUANTITY || column == LCOL_BALANCE ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == LCOL_QUANTITY || column == LCOL_BALANCE)
    gtk_widget_add_css_class (label, "cg-numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
ledger_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  CgLedgerRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = ledger_cell_text (row->movement, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* ---- the order list --------------------------------------------------- */

/* "医用外科口罩 1,100 个" per line. */
static char *
order_text (CgSuppliesPage *self)
{
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgSupplyRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      CgItemForecast *f = row->forecast;
      g_autofree char *q = NULL;

      if (f->forecast.suggested_order <= 0)
        continue;
      q = cg_stock_format_quantity (f->forecast.suggested_order);
      g_string_append_printf (text, "%s %s %s\n", f->item->name, q, f->item->unit);
    }
  return g_string_free (text, FALSE);
}

static guint
order_count (CgSuppliesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgSupplyRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->forecast->forecast.suggested_order > 0)
        count++;
    }
  return count;
}

static void
order_refresh (CgSuppliesPage *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint count = order_count (self);
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->order_list))) != NULL)
    gtk_list_box_remove (self->order_list, child);

  if (self->next_day != NULL)
    /* Translators: %s is a date */
    title = g_strdup_printf (_("Order for %s"), self->next_day);
  else
    title = g_strdup (_("Order List"));
  gtk_label_set_text (self->order_title, title);
  gtk_widget_set_sensitive (self->copy_button, count > 0);
  gtk_widget_set_sensitive (self->export_button, count > 0);

  if (count == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Nothing to order: every item reaches the target"));
      gtk_list_box_append (self->order_list, row);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgSupplyRow) item_row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      CgItemForecast *f = item_row->forecast;
      GtkWidget *row;
      GtkWidget *qty;
      g_autofree char *q = NULL;
      g_autofree char *qty_text = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *days = NULL;
      g_autofree char *on_hand = NULL;

      if (f->forecast.suggested_order <= 0)
        continue;
      q = cg_stock_format_quantity (f->forecast.suggested_order);
      qty_text = g_strdup_printf ("%s %s", q, f->item->unit);
      days = format_days (&f->forecast);
      on_hand = cg_stock_format_quantity (f->forecast.on_hand);
      /* Translators: order list row: "On hand 1,200; 38 days at peak use; target 60 days" */
      subtitle = g_strdup_printf (_("On hand %s; %s days at peak use; target %d days"),
                                  on_hand,
                                  days, f->forecast.target_days);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      qty = gtk_label_new (qty_text);
      gtk_widget_add_css_class (qty, "heading");
      gtk_widget_add_css_class (qty, "cg-numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), qty);
      gtk_list_box_append (self->order_list, row);
    }
}

static void
on_copy_clicked_cb (CgSuppliesPage *self)
{
  g_autofree char *text = order_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  show_toast (self, _("Order list copied"));
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

/* UTF-8 with a byte-order mark, so that Excel reads the Chinese names. */
static char *
order_csv (CgSuppliesPage *self)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  const char *headers[] = {
    _("Order day"), _("Item"), _("Unit"), _("Suggested order"), _("On hand"),
    _("Days at peak use"), _("Status"),
  };

  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      if (h > 0)
        g_string_append_c (out, ',');
      csv_field (out, headers[h]);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgSupplyRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      CgItemForecast *f = row->forecast;
      g_autofree char *order = NULL;
      g_autofree char *on_hand = NULL;
      g_autofree char *days = NULL;

      if (f->forecast.suggested_order <= 0)
        continue;
      order = g_strdup_printf ("%" G_GINT64_FORMAT, f->forecast.suggested_order);
      on_hand = g_strdup_printf ("%" G_GINT64_FORMAT, f->forecast.on_hand);
      days = format_whole_days (&f->forecast);
      csv_field (out, f->next_replenishment != NULL ? f->next_replenishment : "");
      g_string_append_c (out, ',');
      csv_field (out, f->item->name);
      g_string_append_c (out, ',');
      csv_field (out, f->item->unit);
      g_string_append_c (out, ',');
      csv_field (out, order);
      g_string_append_c (out, ',');
      csv_field (out, on_hand);
      g_string_append_c (out, ',');
      csv_field (out, days);
      g_string_append_c (out, ',');
      csv_field (out, cg_stock_status_label (f->forecast.status));
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       CgSuppliesPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *csv = order_csv (self);
      g_autoptr(GError) error = NULL;

      if (file != NULL
          && g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                      G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        show_toast (self, _("Order list saved"));
      else
        {
          g_autofree char *message =
            /* Translators: %s is the system's reason */
            g_strdup_printf (_("The order list could not be saved: %s"),
                             error != NULL ? error->message : _("no file chosen"));

          show_toast (self, message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_clicked_cb (CgSuppliesPage *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Order List"), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* Translators: file name of the exported order list; %s is the order day */
  name = g_strdup_printf (_("order-%s.csv"), self->next_day != NULL ? self->next_day : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the selected item: chart and ledger ------------------------------ */

static CgSupplyRow *
selected_row (CgSuppliesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
detail_refresh (CgSuppliesPage *self)
{
  CgSupplyRow *row = selected_row (self);
  CgItemForecast *f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GArray) points = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *days = NULL;
  g_autofree char *on_hand = NULL;
  GDate from;
  GDate to;

  g_list_store_remove_all (self->ledger_rows);
  if (row == NULL)
    {
      gtk_widget_set_visible (self->detail_box, FALSE);
      cg_chart_view_set_data (self->chart, NULL);
      return;
    }
  f = row->forecast;
  self->selected_item = f->item->id;
  gtk_widget_set_visible (self->detail_box, TRUE);

  /* Translators: %s is an item name */
  title = g_strdup_printf (_("%s: history"), f->item->name);
  gtk_label_set_text (self->detail_title, title);

  days = format_days (&f->forecast);
  on_hand = cg_stock_format_quantity (f->forecast.on_hand);
  if (f->forecast.unlimited)
    /* Translators: %s %s: quantity and unit */
    summary = g_strdup_printf (_("%s %s on hand; no use to plan on, so the stock is not running out."),
                               on_hand, f->item->unit);
  else if (f->runout_date != NULL)
    /* Translators: "1,200 个 on hand: 38 days at peak use (floor 45, target 60); at the recent pace it runs out on 2026-12-30." */
    summary = g_strdup_printf (_("%s %s on hand: %s days at peak use (floor %d, target %d); at the recent pace it runs out on %s."),
                               on_hand, f->item->unit, days, f->forecast.floor_days,
                               f->forecast.target_days, f->runout_date);
  else
    summary = g_strdup_printf (_("%s %s on hand: %s days at peak use (floor %d, target %d); none used recently."),
                               on_hand, f->item->unit, days, f->forecast.floor_days,
                               f->forecast.target_days);
  if (f->full_load)
    {
      char *full = g_strconcat (summary, " ", _("Peak use is scaled to a full station (RS-6)."), NULL);

      g_free (summary);
      summary = full;
    }
  gtk_label_set_text (self->detail_summary, summary);

  to = f->date;
  from = to;
  g_date_subtract_days (&from, CHART_DAYS - 1);
  if (self->store != NULL && self->module != NULL)
    {
      g_autoptr(CgPolicy) policy = cg_module_load_policy (self->module, self->store, &error);

      if (policy != NULL)
        points = cg_stock_forecast_series (self->store, policy, f->item->id, &from, &to, &error);
      if (points != NULL)
        {
          /* The summary is the label above the chart; the chart describes
           * itself (the lines, the projection and the run-out mark). */
          cg_chart_view_set_data (self->chart, cg_supplies_chart_new (f, points));
        }
      else
        cg_chart_view_set_data (self->chart, NULL);
      g_clear_error (&error);
      ledger = cg_stock_ledger (self->store, f->item->id, &error);
    }
  if (ledger == NULL)
    {
      if (error != NULL)
        show_toast (self, error->message);
      return;
    }
  /* Newest first: that is what one looks for. */
  for (guint i = ledger->len; i > 0; i--)
    {
      CgLedgerRow *lrow = g_object_new (CG_TYPE_LEDGER_ROW, NULL);

      lrow->movement = g_ptr_array_steal_index_fast (ledger, i - 1);
      g_list_store_append (self->ledger_rows, lrow);
      g_object_unref (lrow);
    }
  g_ptr_array_set_free_func (ledger, (GDestroyNotify) cg_stock_movement_free);
}

static void
on_selection_changed_cb (CgSuppliesPage *self)
{
  detail_refresh (self);
}

/* ---- loading ----------------------------------------------------------- */

typedef struct
{
  GPtrArray *forecasts;   /* CgItemForecast* */
  char      *next_day;
} LoadOutput;

static void
load_output_free (LoadOutput *output)
{
  g_clear_pointer (&output->forecasts, g_ptr_array_unref);
  g_free (output->next_day);
  g_free (output);
}

static gpointer
load_thread (CgStore        *store,
             const CgModule *module,
             const CgPolicy *policy,
             const GDate    *today,
             gpointer        input,
             GError        **error)
{
  LoadOutput *output;
  GDate next;

  output = g_new0 (LoadOutput, 1);
  output->forecasts = cg_stock_forecast_all (store, policy, today, error);
  if (output->forecasts == NULL
      || !cg_stock_next_replenishment (store, policy, today, &next, error))
    {
      load_output_free (output);
      return NULL;
    }
  output->next_day = cg_date_to_iso (&next);
  return output;
}

static void
update_summary (CgSuppliesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint counts[CG_N_STOCK_STATUSES] = { 0 };
  g_autofree char *replenish = NULL;
  GString *summary = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgSupplyRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      counts[row->forecast->forecast.status]++;
    }
  if (self->next_day != NULL)
    /* Translators: %s is a date */
    replenish = g_strdup_printf (_("Next replenishment day: %s"), self->next_day);
  gtk_label_set_text (self->replenish_label, replenish != NULL ? replenish : "");

  if (counts[CG_STOCK_OUT] > 0)
    g_string_append_printf (summary, ngettext ("%u item out of stock", "%u items out of stock",
                                               counts[CG_STOCK_OUT]), counts[CG_STOCK_OUT]);
  if (counts[CG_STOCK_BELOW_FLOOR] > 0)
    {
      if (summary->len > 0)
        g_string_append (summary, _(", "));
      g_string_append_printf (summary, ngettext ("%u item below the floor", "%u items below the floor",
                                                 counts[CG_STOCK_BELOW_FLOOR]), counts[CG_STOCK_BELOW_FLOOR]);
    }
  if (counts[CG_STOCK_BELOW_TARGET] > 0)
    {
      if (summary->len > 0)
        g_string_append (summary, _(", "));
      g_string_append_printf (summary, ngettext ("%u item below the target", "%u items below the target",
                                                 counts[CG_STOCK_BELOW_TARGET]), counts[CG_STOCK_BELOW_TARGET]);
    }
  if (summary->len == 0 && n > 0)
    g_string_append (summary, _("Every item reaches the target"));
  gtk_label_set_text (self->summary_label, summary->str);
  g_string_free (summary, TRUE);
}

static void
on_loaded_cb (GtkWidget    *page,
              gpointer      data,
              const GError *error)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (page);
  LoadOutput *output = data;
  guint select = GTK_INVALID_LIST_POSITION;

  gtk_spinner_stop (self->spinner);

  if (output == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_free (self->next_day);
  self->next_day = g_steal_pointer (&output->next_day);

  g_signal_handlers_block_by_func (self->selection, on_selection_changed_cb, self);
  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < output->forecasts->len; i++)
    {
      CgSupplyRow *row = g_object_new (CG_TYPE_SUPPLY_ROW, NULL);

      row->forecast = g_ptr_array_index (output->forecasts, i);
      output->forecasts->pdata[i] = NULL;
      if (row->forecast->item->id == self->selected_item)
        select = i;
      g_list_store_append (self->rows, row);
      g_object_unref (row);
    }
  if (select == GTK_INVALID_LIST_POSITION && output->forecasts->len > 0)
    {
      /* At first, the item in the worst state. */
      CgStockStatus worst = CG_STOCK_OK;

      select = 0;
      for (guint i = 0; i < output->forecasts->len; i++)
        {
          g_autoptr(CgSupplyRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

          if (row->forecast->forecast.status > worst)
            {
              worst = row->forecast->forecast.status;
              select = i;
            }
        }
    }
  gtk_single_selection_set_selected (self->selection, select);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed_cb, self);
  load_output_free (output);

  update_summary (self);
  order_refresh (self);
  detail_refresh (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0
                                    ? "content" : "empty");
}

static void
on_loading_cb (GtkWidget *page,
               gboolean   first)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (page);

  if (first)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
}

static const CgPageLoaderFuncs loader_funcs = {
  .load = load_thread,
  .loaded = on_loaded_cb,
  .output_free = (GDestroyNotify) load_output_free,
  .begin = on_loading_cb,
};

/* ---- the buttons -------------------------------------------------------- */

static void
on_dialog_saved_cb (CgStockDialog  *dialog,
                    const char     *message,
                    CgSuppliesPage *self)
{
  show_toast (self, message);
}

static void
open_dialog (CgSuppliesPage    *self,
             CgStockDialogMode  mode)
{
  CgSupplyRow *row = selected_row (self);
  CgStockDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cg_stock_dialog_new (get_parent_window (self), self->store, mode,
                                row != NULL ? row->forecast->item->name : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_receipt_clicked_cb (CgSuppliesPage *self)
{
  open_dialog (self, CG_STOCK_DIALOG_RECEIPT);
}

static void
on_day_use_clicked_cb (CgSuppliesPage *self)
{
  open_dialog (self, CG_STOCK_DIALOG_DAY_USE);
}

static void
on_count_clicked_cb (CgSuppliesPage *self)
{
  open_dialog (self, CG_STOCK_DIALOG_COUNT);
}

static void
on_import_clicked_cb (CgSuppliesPage *self)
{
  if (self->store != NULL)
    cg_import_dialog_run (GTK_WIDGET (self), self->store, CG_REGISTER_STOCK);
}

/* ---- GObject ------------------------------------------------------------ */

static void
cg_supplies_page_map (GtkWidget *widget)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (widget);

  GTK_WIDGET_CLASS (cg_supplies_page_parent_class)->map (widget);

  /* shown again on another day: the forecasts start today */
  if (self->loader != NULL)
    cg_page_loader_mapped_daily (self->loader);
}

static void
cg_supplies_page_constructed (GObject *object)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (object);
  static const char * const tables[] = { "stock_item", "stock_movement", "policy", "institution", "person",
                                         NULL };

  G_OBJECT_CLASS (cg_supplies_page_parent_class)->constructed (object);

  if (self->module == NULL)
    self->module = &cg_module_care_home;
  if (self->store != NULL)
    self->loader = cg_page_loader_new (GTK_WIDGET (self), self->store, self->module, &loader_funcs, tables);
}

static void
cg_supplies_page_dispose (GObject *object)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (object);

  g_clear_pointer (&self->loader, cg_page_loader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SUPPLIES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->ledger_rows);
  G_OBJECT_CLASS (cg_supplies_page_parent_class)->dispose (object);
}

static void
cg_supplies_page_finalize (GObject *object)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (object);

  g_clear_object (&self->store);
  g_free (self->next_day);
  G_OBJECT_CLASS (cg_supplies_page_parent_class)->finalize (object);
}

static void
cg_supplies_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODULE:
      g_value_set_pointer (value, (gpointer) self->module);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_supplies_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgSuppliesPage *self = CG_SUPPLIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MODULE:
      self->module = g_value_get_pointer (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_supplies_page_class_init (CgSuppliesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_supplies_page_constructed;
  object_class->dispose = cg_supplies_page_dispose;
  object_class->finalize = cg_supplies_page_finalize;
  object_class->get_property = cg_supplies_page_get_property;
  object_class->set_property = cg_supplies_page_set_property;
  widget_class->map = cg_supplies_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-supplies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, replenish_label);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, items_view);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, detail_summary);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, chart);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, ledger_view);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, order_title);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CgSuppliesPage, order_list);
  gtk_widget_class_bind_template_callback (widget_class, on_receipt_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_use_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_count_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
}

static void
cg_supplies_page_init (CgSuppliesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int c = 0; c < N_ITEM_COLS; c++)
    add_column (self->items_view, _(item_col_titles[c]), G_CALLBACK (item_setup_cb),
                G_CALLBACK (item_bind_cb), c, c == COL_ITEM);
  for (int c = 0; c < N_LEDGER_COLS; c++)
    add_column (self->ledger_view, _(ledger_col_titles[c]), G_CALLBACK (ledger_setup_cb),
                G_CALLBACK (ledger_bind_cb), c, c == LCOL_NOTE);

  self->rows = g_list_store_new (CG_TYPE_SUPPLY_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (self->items_view, GTK_SELECTION_MODEL (g_object_ref (self->selection)));

  self->ledger_rows = g_list_store_new (CG_TYPE_LEDGER_ROW);
  gtk_column_view_set_model (self->ledger_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->ledger_rows)))));
  gtk_widget_set_visible (self->detail_box, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

GtkWidget *
cg_supplies_page_new (CgStore        *store,
                      const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_SUPPLIES_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
