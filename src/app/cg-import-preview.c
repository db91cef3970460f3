/* cg-import-preview.c — the tables of the import dialog: problems and preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-import-dialog-private.h"

/* A file of checks for people nobody registered has a problem on every
 * one of its 400,000 rows: the rows of the list are made when they are
 * shown, not all at once. */
#define CG_TYPE_PROBLEM_LIST (cg_problem_list_get_type ())
G_DECLARE_FINAL_TYPE (CgProblemList, cg_problem_list, CG, PROBLEM_LIST, GObject)

struct _CgProblemList
{
  GObject    parent_instance;
  GPtrArray *problems;   /* CgImportProblem*, shared with the CgImport */
};

static GType
cg_problem_list_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_LIST;
}

static guint
cg_problem_list_get_n_items (GListModel *model)
{
  CgProblemList *self = CG_PROBLEM_LIST (model);

  return self->problems != NULL ? self->problems->len : 0;
}

static gpointer
cg_problem_list_get_item (GListModel *model,
                          guint       position)
{
  CgProblemList *self = CG_PROBLEM_LIST (model);
  CgImportProblem *problem;
  g_autofree char *line = NULL;
  const char *cells[4] = { NULL, };

  if (self->problems == NULL || position >= self->problems->len)
    return NULL;

  problem = g_ptr_array_index (self->problems, position);
  /* Line 0 is the file as a whole. */
  line = problem->line > 0 ? g_strdup_printf ("%u", problem->line) : g_strdup ("—");
  cells[0] = line;
  cells[1] = problem->column != NULL ? problem->column : "";
  cells[2] = problem->reason != NULL ? problem->reason : "";
  return gtk_string_list_new (cells);
}

static void
cg_problem_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cg_problem_list_get_item_type;
  iface->get_n_items = cg_problem_list_get_n_items;
  iface->get_item = cg_problem_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CgProblemList, cg_problem_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cg_problem_list_model_init))

static void
cg_problem_list_finalize (GObject *object)
{
  CgProblemList *self = CG_PROBLEM_LIST (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_problem_list_parent_class)->finalize (object);
}

static void
cg_problem_list_class_init (CgProblemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_problem_list_finalize;
}

static void
cg_problem_list_init (CgProblemList *self)
{
}

GListModel *
cg_import_problem_list_new (GPtrArray *problems)
{
  CgProblemList *self = g_object_new (CG_TYPE_PROBLEM_LIST, NULL);

  self->problems = problems != NULL ? g_ptr_array_ref (problems) : NULL;
  return G_LIST_MODEL (self);
}

/* ---- tables ---------------------------------------------------------- */

static void
text_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean wrap = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cg-wrap"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
text_cell_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (user_data);
  const char *text = gtk_string_list_get_string (row, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

GtkColumnViewColumn *
cg_import_text_column_new (const char *title,
                           guint       index,
                           int         width,
                           gboolean    wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "cg-wrap", GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "setup", G_CALLBACK (text_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (text_cell_bind_cb), GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  return column;
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

void
cg_import_set_rows (GtkColumnView *view,
                    GListModel    *rows)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (rows);

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

/* Roughly how wide a text is, in half-width characters: enough to size a
 * preview column without measuring every cell with Pango. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    width += g_unichar_iswide (g_utf8_get_char (text)) ? 2 : 1;
  return width;
}

void
cg_import_fill_preview (GtkColumnView *view,
                        CgImport      *import,
                        guint          max_rows)
{
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_auto(GStrv) titles = cg_import_get_preview_titles (import);
  GPtrArray *preview = cg_import_get_preview_rows (import);
  guint n_titles = titles != NULL ? g_strv_length (titles) : 0;
  guint n_shown = preview != NULL ? MIN (preview->len, max_rows) : 0;

  remove_columns (view);
  for (guint i = 0; i < n_titles; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      guint width = text_width (titles[i]);

      for (guint j = 0; j < n_shown; j++)
        {
          const char * const *cells = g_ptr_array_index (preview, j);

          if (i < g_strv_length ((char **) cells))
            width = MAX (width, text_width (cells[i]));
        }
      /* The last column takes what is left, so that the table is not
       * narrower than its frame. */
      column = cg_import_text_column_new (titles[i], i,
                                          i + 1 == n_titles ? 0 : CLAMP ((int) width * 8 + 28, 70, 280),
                                          FALSE);
      gtk_column_view_append_column (view, column);
    }

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *) g_ptr_array_index (preview, i));

      g_list_store_append (rows, row);
    }
  cg_import_set_rows (view, G_LIST_MODEL (g_steal_pointer (&rows)));
}
