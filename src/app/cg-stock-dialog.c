/* cg-stock-dialog.c — entering protective supplies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-stock.h"
#include "cg-stock-dialog.h"

struct _CgStockDialog
{
  AdwWindow          parent_instance;

  CgStore           *store;
  CgStockDialogMode  mode;
  GPtrArray         *items;        /* CgStockItem*: the day-use rows */
  GPtrArray         *use_entries;  /* GtkEntry*, aligned with items */

  GtkWidget         *item_entry;
  GtkWidget         *date_entry;
  GtkWidget         *quantity_entry;
  GtkWidget         *source_drop;
  GtkWidget         *batch_entry;
  GtkWidget         *expiry_entry;
  GtkWidget         *note_entry;
  GtkWidget         *error_label;
};

G_DEFINE_FINAL_TYPE (CgStockDialog, cg_stock_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (CgStockDialog *self,
            const char    *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL && *message != '\0');
}

static const char *
entry_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* A whole quantity ≥ 0; "" is 0 when @empty_ok. */
static gboolean
parse_quantity (const char *text,
                gboolean    empty_ok,
                gint64     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr(GString) digits = g_string_new (NULL);
  char *end = NULL;
  gint64 value;

  if (*copy == '\0')
    {
      *out = 0;
      return empty_ok;
    }
  for (const char *p = copy; *p != '\0'; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (digits, *p);
  errno = 0;
  value = g_ascii_strtoll (digits->str, &end, 10);
  if (errno != 0 || end == digits->str || *end != '\0' || value < 0)
    return FALSE;
  *out = value;
  return TRUE;
}

static GtkWidget *
add_field (GtkGrid    *grid,
           int         row,
           const char *label_text,
           const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  /* The mnemonic label names the entry for assistive technologies. */
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return entry;
}

static gboolean
read_date (CgStockDialog *self,
           GDate         *date)
{
  g_autofree char *norm = cg_date_normalize (entry_text (self->date_entry));

  if (norm == NULL || !cg_date_parse (norm, date))
    {
      show_error (self, _("The date is not a date (YYYY-MM-DD)."));
      gtk_widget_grab_focus (self->date_entry);
      return FALSE;
    }
  return TRUE;
}

static void
save_movement (CgStockDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStockItem) item = NULL;
  g_autoptr(CgStockMovement) movement = NULL;
  g_autofree char *message = NULL;
  g_autofree char *quantity_text = NULL;
  GDate date;
  gint64 quantity;

  item = cg_stock_item_find_by_name (self->store, entry_text (self->item_entry), &error);
  if (item == NULL)
    {
      g_autofree char *text = NULL;

      if (error != NULL)
        text = g_strdup (error->message);
      else
        /* Translators: %s is what the user typed as the item name */
        text = g_strdup_printf (_("There is no item called “%s”."), entry_text (self->item_entry));
      show_error (self, text);
      gtk_widget_grab_focus (self->item_entry);
      return;
    }
  if (!read_date (self, &date))
    return;
  if (!parse_quantity (entry_text (self->quantity_entry), FALSE, &quantity)
      || (self->mode == CG_STOCK_DIALOG_RECEIPT && quantity == 0))
    {
      show_error (self, self->mode == CG_STOCK_DIALOG_RECEIPT
                  ? _("The quantity must be a whole number above 0.")
                  : _("The quantity counted must be a whole number (0 or more)."));
      gtk_widget_grab_focus (self->quantity_entry);
      return;
    }

  movement = cg_stock_movement_new ();
  movement->item_id = item->id;
  movement->occurred_on = cg_date_to_iso (&date);
  movement->kind = self->mode == CG_STOCK_DIALOG_RECEIPT ? CG_MOVE_RECEIPT : CG_MOVE_COUNT;
  movement->quantity = quantity;
  /* The entry's text is its own: strip a copy. */
  g_free (movement->note);
  movement->note = g_strstrip (g_strdup (entry_text (self->note_entry)));
  if (self->mode == CG_STOCK_DIALOG_RECEIPT)
    {
      const char *expiry = entry_text (self->expiry_entry);

      movement->source = (CgStockSource) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->source_drop));
      g_free (movement->batch);
      movement->batch = g_strstrip (g_strdup (entry_text (self->batch_entry)));
      if (*expiry != '\0')
        {
          movement->expiry = cg_date_normalize (expiry);
          if (movement->expiry == NULL)
            {
              show_error (self, _("The expiry date is not a date (YYYY-MM-DD)."));
              gtk_widget_grab_focus (self->expiry_entry);
              return;
            }
        }
    }

  if (!cg_stock_movement_add (self->store, movement, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }

  quantity_text = cg_stock_format_quantity (quantity);
  if (self->mode == CG_STOCK_DIALOG_RECEIPT)
    /* Translators: "Received 1,000 个 医用外科口罩" */
    message = g_strdup_printf (_("Received %s %s %s"), quantity_text, item->unit, item->name);
  else
    /* Translators: "Counted 980 个 医用外科口罩" */
    message = g_strdup_printf (_("Counted %s %s %s"), quantity_text, item->unit, item->name);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_day_use (CgStockDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) quantities = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *message = NULL;
  g_autofree char *day = NULL;
  GDate date;

  if (!read_date (self, &date))
    return;
  for (guint i = 0; i < self->items->len; i++)
    {
      CgStockItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *entry = g_ptr_array_index (self->use_entries, i);
      gint64 quantity;

      if (!parse_quantity (entry_text (entry), TRUE, &quantity))
        {
          g_autofree char *text =
            /* Translators: %s is an item name */
            g_strdup_printf (_("The use of %s must be a whole number (0 or more)."), item->name);

          show_error (self, text);
          gtk_widget_grab_focus (entry);
          return;
        }
      if (quantity == 0)
        continue;
      g_array_append_val (ids, item->id);
      g_array_append_val (quantities, quantity);
    }
  if (ids->len == 0)
    {
      show_error (self, _("Enter the quantity used of at least one item."));
      return;
    }
  if (!cg_stock_record_day_use (self->store, &date,
                                (const gint64 *) (gpointer) ids->data,
                                (const gint64 *) (gpointer) quantities->data,
                                ids->len, cg_audit_current_user (), &error))
    {
      show_error (self, error->message);
      return;
    }
  day = cg_date_to_iso (&date);
  message = g_strdup_printf (ngettext ("Recorded the use of %u item on %s",
                                       "Recorded the use of %u items on %s", ids->len),
                             ids->len, day);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (CgStockDialog *self)
{
  if (self->mode == CG_STOCK_DIALOG_DAY_USE)
    save_day_use (self);
  else
    save_movement (self);
}

static void
on_cancel_clicked_cb (CgStockDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Enter in a day-use row moves to the next row; in the last one it saves. */
static void
on_use_activate_cb (GtkEntry      *entry,
                    CgStockDialog *self)
{
  guint index;

  if (g_ptr_array_find (self->use_entries, entry, &index)
      && index + 1 < self->use_entries->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->use_entries, index + 1));
  else
    on_save_clicked_cb (self);
}

static void
cg_stock_dialog_finalize (GObject *object)
{
  CgStockDialog *self = CG_STOCK_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->use_entries, g_ptr_array_unref);
  G_OBJECT_CLASS (cg_stock_dialog_parent_class)->finalize (object);
}

static void
cg_stock_dialog_class_init (CgStockDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_stock_dialog_finalize;
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cg_stock_dialog_init (CgStockDialog *self)
{
  self->use_entries = g_ptr_array_new ();
}

static void
build (CgStockDialog *self,
       const char    *item_name)
{
  static const char * const titles[] = {
    N_("Record Receipt"), N_("Stock Count"), N_("Record Day's Use"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroller;
  g_autofree char *today = NULL;
  GDate date;
  int row = 0;

  cg_date_today (&date);
  today = cg_date_to_iso (&date);

  gtk_window_set_title (GTK_WINDOW (self), _(titles[self->mode]));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  self->date_entry = add_field (GTK_GRID (grid), row++, _("_Date"), today);
  if (self->mode == CG_STOCK_DIALOG_DAY_USE)
    {
      g_autoptr(GError) error = NULL;

      self->items = cg_stock_items_list (self->store, FALSE, &error);
      if (self->items == NULL)
        self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stock_item_free);
      for (guint i = 0; i < self->items->len; i++)
        {
          CgStockItem *item = g_ptr_array_index (self->items, i);
          /* Translators: a row of the day's use: "医用外科口罩 (个)" */
          g_autofree char *label = g_strdup_printf (_("%s (%s)"), item->name, item->unit);
          GtkWidget *entry;
          g_autofree char *escaped = NULL;
          GString *mnemonic_safe = g_string_new (NULL);

          /* Underscores in names are not mnemonics. */
          for (const char *p = label; *p != '\0'; p++)
            {
              if (*p == '_')
                g_string_append_c (mnemonic_safe, '_');
              g_string_append_c (mnemonic_safe, *p);
            }
          escaped = g_string_free (mnemonic_safe, FALSE);
          entry = add_field (GTK_GRID (grid), row++, escaped, NULL);
          gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "0");
          g_signal_connect (entry, "activate", G_CALLBACK (on_use_activate_cb), self);
          g_ptr_array_add (self->use_entries, entry);
        }
      if (error != NULL)
        show_error (self, error->message);
    }
  else
    {
      self->item_entry = add_field (GTK_GRID (grid), row++, _("_Item"), item_name);
      self->quantity_entry = add_field (GTK_GRID (grid), row++,
                                        self->mode == CG_STOCK_DIALOG_RECEIPT
                                        ? _("_Quantity") : _("Quantity _counted"), NULL);
      gtk_entry_set_input_purpose (GTK_ENTRY (self->quantity_entry), GTK_INPUT_PURPOSE_DIGITS);
      if (self->mode == CG_STOCK_DIALOG_RECEIPT)
        {
          const char *sources[CG_N_SOURCES + 1];
          GtkWidget *label = gtk_label_new_with_mnemonic (_("_Source"));

          for (int i = 0; i < CG_N_SOURCES; i++)
            sources[i] = i == CG_SOURCE_NONE ? _("Not given") : cg_stock_source_label ((CgStockSource) i);
          sources[CG_N_SOURCES] = NULL;
          self->source_drop = gtk_drop_down_new_from_strings (sources);
          gtk_label_set_xalign (GTK_LABEL (label), 1.0);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->source_drop);
          gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), self->source_drop, 1, row++, 1, 1);
          self->batch_entry = add_field (GTK_GRID (grid), row++, _("_Batch"), NULL);
          self->expiry_entry = add_field (GTK_GRID (grid), row++, _("_Expiry date"), NULL);
          gtk_entry_set_placeholder_text (GTK_ENTRY (self->expiry_entry), _("YYYY-MM-DD"));
        }
      self->note_entry = add_field (GTK_GRID (grid), row++, _("_Note"), NULL);
    }

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);

  if (self->mode == CG_STOCK_DIALOG_DAY_USE)
    {
      GtkWidget *hint = gtk_label_new (_("Enter what each item used that day; Enter moves to the next row. Nothing is stored if one item has too little."));

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (content), hint);
    }
  gtk_box_append (GTK_BOX (content), grid);
  gtk_box_append (GTK_BOX (content), self->error_label);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  if (self->mode == CG_STOCK_DIALOG_DAY_USE && self->use_entries->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->use_entries, 0));
  else if (self->quantity_entry != NULL)
    gtk_widget_grab_focus (self->item_entry != NULL && (item_name == NULL || *item_name == '\0')
                           ? self->item_entry : self->quantity_entry);
}

CgStockDialog *
cg_stock_dialog_new (GtkWindow         *parent,
                     CgStore           *store,
                     CgStockDialogMode  mode,
                     const char        *item_name)
{
  CgStockDialog *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_STOCK_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 460,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->mode = mode;
  build (self, item_name);
  return self;
}
