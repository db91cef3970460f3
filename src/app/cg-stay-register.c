/* cg-stay-register.c — the isolation register (隔离观察登记) of the rooms page
 *
 * The stays of the last 30 days, newest first, in the columns of
 * forms.md, with ID numbers masked and the negative test an early release
 * rests on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-room.h"
#include "cg-stay-dialog.h"
#include "cg-stay-register.h"
#include "cg-validate.h"

/* ---- register rows ----------------------------------------------------- */

#define CG_TYPE_STAY_ROW (cg_stay_row_get_type ())
G_DECLARE_FINAL_TYPE (CgStayRow, cg_stay_row, CG, STAY_ROW, GObject)

struct _CgStayRow
{
  GObject  parent_instance;
  CgStay  *stay;
  char    *release_on;   /* the negative test's sampling day, or NULL */
};

G_DEFINE_FINAL_TYPE (CgStayRow, cg_stay_row, G_TYPE_OBJECT)

static void
cg_stay_row_finalize (GObject *object)
{
  CgStayRow *self = CG_STAY_ROW (object);

  g_clear_pointer (&self->stay, cg_stay_free);
  g_free (self->release_on);
  G_OBJECT_CLASS (cg_stay_row_parent_class)->finalize (object);
}

static void
cg_stay_row_class_init (CgStayRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_stay_row_finalize;
}

static void
cg_stay_row_init (CgStayRow *self)
{
}

/* ---- the register ------------------------------------------------------ */

typedef enum
{
  COL_ROOM,
  COL_NAME,
  COL_ID,
  COL_REASON,
  COL_START,
  COL_PLANNED,
  COL_END,
  COL_BASIS,
  COL_DISPOSITION,
  N_COLS
} RegisterColumn;

/* forms.md 隔离观察登记, in its order. */
static const char * const col_titles[N_COLS] = {
  N_("Room"), N_("Name"), N_("ID Number"), N_("Reason"), N_("Start"), N_("Planned End"),
  N_("Actual End"), N_("Release Basis (Negative Test)"), N_("Disposition"),
};

static char *
cell_text (CgStayRow      *row,
           RegisterColumn  column)
{
  CgStay *stay = row->stay;

  switch (column)
    {
    case COL_ROOM:        return g_strdup (stay->room_name != NULL ? stay->room_name : "");
    case COL_NAME:        return g_strdup (stay->person_name != NULL ? stay->person_name : "");
    case COL_ID:          return cg_mask_id_number (stay->id_number);
    case COL_REASON:      return g_strdup (cg_stay_reason_label (stay->reason));
    case COL_START:       return cg_stay_format_local (stay->started_at);
    case COL_PLANNED:     return cg_stay_format_local (stay->planned_end_at);
    case COL_END:
      return stay->ended_at != NULL ? cg_stay_format_local (stay->ended_at) : g_strdup (_("In isolation"));
    case COL_BASIS:       return g_strdup (row->release_on != NULL ? row->release_on : "");
    case COL_DISPOSITION: return g_strdup (stay->disposition != NULL ? stay->disposition : "");
    case N_COLS:
    default:
      return g_strdup ("");
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CgStayRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = cell_text (row, GPOINTER_TO_INT (user_data));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
}

void
cg_stay_register_fill (GListStore *rows,
                       GPtrArray  *stays,
                       GHashTable *release_on)
{
  g_return_if_fail (G_IS_LIST_STORE (rows));

  g_list_store_remove_all (rows);
  for (guint i = 0; i < stays->len; i++)
    {
      CgStayRow *row = g_object_new (CG_TYPE_STAY_ROW, NULL);
      const char *release;

      row->stay = g_ptr_array_index (stays, i);
      stays->pdata[i] = NULL;
      release = g_hash_table_lookup (release_on, &row->stay->release_test_id);
      row->release_on = g_strdup (release);
      g_list_store_append (rows, row);
      g_object_unref (row);
    }
}

GListStore *
cg_stay_register_init (GtkColumnView *view)
{
  GListStore *rows;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  for (int c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *col;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (c));
      col = gtk_column_view_column_new (_(col_titles[c]), factory);
      gtk_column_view_column_set_resizable (col, TRUE);
      gtk_column_view_column_set_expand (col, c == COL_DISPOSITION);
      gtk_column_view_append_column (view, col);
      g_object_unref (col);
    }
  rows = g_list_store_new (CG_TYPE_STAY_ROW);
  gtk_column_view_set_model (view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (rows)))));
  return rows;
}
