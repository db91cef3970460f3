/* cg-tests-row.c — the Tests page: one row of the register, its cells and
 * the orders it sorts in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-tests-page-private.h"

const char * const cg_tests_row_state_classes[N_ROW_STATES] = {
  "positive", "overdue", "never", "due-soon", "ok", "not-required",
};

G_DEFINE_FINAL_TYPE (CgTestRow, cg_test_row, G_TYPE_OBJECT)

static void
cg_test_row_finalize (GObject *object)
{
  CgTestRow *self = CG_TEST_ROW (object);

  g_clear_object (&self->person);
  g_free (self->last_negative);
  g_free (self->next_due);
  g_free (self->latest_sampled_on);
  g_free (self->isolation_until);
  g_free (self->name_key);
  g_free (self->place_key);
  g_free (self->search_text);
  G_OBJECT_CLASS (cg_test_row_parent_class)->finalize (object);
}

static void
cg_test_row_class_init (CgTestRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_test_row_finalize;
}

static void
cg_test_row_init (CgTestRow *self)
{
}

const char *
cg_test_row_place (CgTestRow *row)
{
  if (cg_person_get_kind (row->person) == CG_PERSON_STAFF)
    return cg_person_get_role (row->person);
  return cg_person_get_room (row->person);
}

/* @window: the first day a new arrival may have arrived on and still be
 * in isolation (the day evaluated minus the isolation period). */
CgTestRow *
cg_test_row_new (const CgNatStatus *status,
                 const char        *window,
                 int                isolation_days)
{
  CgTestRow *row = g_object_new (CG_TYPE_TEST_ROW, NULL);
  const char *arrived = cg_person_get_arrived_on (status->person);
  g_autofree char *search = NULL;

  row->person = g_object_ref (status->person);
  row->pending = status->pending;
  row->days_left = status->days_left;
  row->last_negative = g_strdup (status->last_negative);
  row->next_due = g_strdup (status->next_due);
  row->latest_sampled_on = g_strdup (status->latest_sampled_on);
  row->new_arrival = g_strcmp0 (arrived, window) > 0;
  row->required = cg_person_get_kind (status->person) == CG_PERSON_STAFF || row->new_arrival;

  switch (status->state)
    {
    case CG_NAT_STATE_POSITIVE: row->state = ROW_POSITIVE; break;
    case CG_NAT_STATE_OVERDUE:  row->state = ROW_OVERDUE; break;
    case CG_NAT_STATE_DUE_SOON: row->state = ROW_DUE_SOON; break;
    case CG_NAT_STATE_OK:       row->state = ROW_OK; break;
    case CG_NAT_STATE_NEVER:
    default:                    row->state = ROW_NEVER; break;
    }

  if (row->new_arrival)
    {
      GDate until;

      if (cg_date_parse (arrived, &until))
        {
          g_date_add_days (&until, (guint) isolation_days);
          row->isolation_until = cg_date_to_iso (&until);
        }
      /* ALL-6: only a negative sample taken since arrival lets a new
       * arrival finish screening. */
      if (row->state != ROW_POSITIVE
          && (row->last_negative == NULL || g_strcmp0 (row->last_negative, arrived) < 0))
        row->state = ROW_NEVER;
    }
  if (!row->required && row->state != ROW_POSITIVE)
    row->state = ROW_NOT_REQUIRED;

  row->name_key = g_utf8_collate_key (cg_person_get_name (row->person), -1);
  row->place_key = g_utf8_collate_key_for_filename (cg_test_row_place (row) != NULL ? cg_test_row_place (row) : "", -1);
  search = g_strjoin ("\n",
                      cg_person_get_name (row->person),
                      cg_person_get_id_number (row->person),
                      cg_person_get_role (row->person) != NULL ? cg_person_get_role (row->person) : "",
                      cg_person_get_room (row->person) != NULL ? cg_person_get_room (row->person) : "",
                      NULL);
  row->search_text = g_utf8_casefold (search, -1);
  return row;
}

gboolean
cg_test_row_equal (CgTestRow *a,
                   CgTestRow *b)
{
  return cg_person_get_id (a->person) == cg_person_get_id (b->person)
         && a->state == b->state
         && a->required == b->required
         && a->new_arrival == b->new_arrival
         && a->pending == b->pending
         && a->days_left == b->days_left
         && g_strcmp0 (a->last_negative, b->last_negative) == 0
         && g_strcmp0 (a->next_due, b->next_due) == 0
         && g_strcmp0 (a->latest_sampled_on, b->latest_sampled_on) == 0
         && g_strcmp0 (a->search_text, b->search_text) == 0
         && cg_person_get_kind (a->person) == cg_person_get_kind (b->person);
}

const char *
cg_tests_row_state_label (RowState state)
{
  switch (state)
    {
    case ROW_POSITIVE: return cg_nat_state_label (CG_NAT_STATE_POSITIVE);
    case ROW_OVERDUE:  return cg_nat_state_label (CG_NAT_STATE_OVERDUE);
    case ROW_NEVER:    return cg_nat_state_label (CG_NAT_STATE_NEVER);
    case ROW_DUE_SOON: return cg_nat_state_label (CG_NAT_STATE_DUE_SOON);
    case ROW_OK:       return cg_nat_state_label (CG_NAT_STATE_OK);
    case ROW_NOT_REQUIRED: return _("Not required");
    case N_ROW_STATES:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

void
cg_tests_set_state_class (GtkWidget  *widget,
                          const char *state_class)
{
  for (guint i = 0; i < N_ROW_STATES; i++)
    if (g_strcmp0 (cg_tests_row_state_classes[i], state_class) != 0)
      gtk_widget_remove_css_class (widget, cg_tests_row_state_classes[i]);
  if (state_class != NULL)
    gtk_widget_add_css_class (widget, state_class);
}

/* "in 5 days", "due today", "3 days overdue": only for a known due date. */
char *
cg_test_row_days_text (CgTestRow *row)
{
  if (row->next_due == NULL
      || (row->state != ROW_OVERDUE && row->state != ROW_DUE_SOON && row->state != ROW_OK))
    return g_strdup ("");
  if (row->days_left < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         -row->days_left),
                            -row->days_left);
  if (row->days_left == 0)
    return g_strdup (_("due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", row->days_left),
                          row->days_left);
}

static char *
row_note (CgTestRow *row)
{
  if (row->pending && row->new_arrival)
    return g_strdup (_("New arrival, result pending"));
  if (row->pending)
    return g_strdup (_("Result pending"));
  if (row->new_arrival)
    return g_strdup (_("New arrival"));
  return g_strdup ("");
}

static const struct
{
  const char *title;
  int         width;      /* 0: takes the remaining width */
} column_info[N_COLUMNS] = {
  [COLUMN_NAME]          = { N_("Name"),            0 },
  [COLUMN_KIND]          = { N_("Kind"),           100 },
  [COLUMN_PLACE]         = { N_("Post / Room"),    130 },
  [COLUMN_LAST_NEGATIVE] = { N_("Last Negative"),  120 },
  [COLUMN_NEXT_DUE]      = { N_("Next Due"),       230 },
  [COLUMN_STATE]         = { N_("State"),          250 },
};

/* ---- cells ---------------------------------------------------------- */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  switch (column)
    {
    case COLUMN_NAME:
      gtk_widget_add_css_class (label, "heading");
      gtk_list_item_set_child (item, label);
      break;
    case COLUMN_LAST_NEGATIVE:
      gtk_widget_add_css_class (label, "numeric");
      gtk_list_item_set_child (item, label);
      break;
    case COLUMN_NEXT_DUE:
    case COLUMN_STATE:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        GtkWidget *note = gtk_label_new (NULL);

        gtk_widget_set_halign (label, GTK_ALIGN_START);
        gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
        if (column == COLUMN_STATE)
          gtk_widget_add_css_class (label, "cg-state-pill");
        else
          gtk_widget_add_css_class (label, "numeric");
        gtk_label_set_xalign (GTK_LABEL (note), 0.0f);
        gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
        gtk_label_set_single_line_mode (GTK_LABEL (note), TRUE);
        gtk_widget_set_hexpand (note, TRUE);
        gtk_widget_add_css_class (note, "dim-label");
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), note);
        gtk_list_item_set_child (item, box);
      }
      break;
    case COLUMN_KIND:
    case COLUMN_PLACE:
    case N_COLUMNS:
    default:
      gtk_list_item_set_child (item, label);
      break;
    }
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  CgTestRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *first = GTK_IS_BOX (child) ? gtk_widget_get_first_child (child) : child;
  GtkWidget *second = GTK_IS_BOX (child) ? gtk_widget_get_next_sibling (first) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (cg_person_get_name (row->person));
      break;
    case COLUMN_KIND:
      text = g_strdup (cg_person_kind_label (cg_person_get_kind (row->person)));
      break;
    case COLUMN_PLACE:
      text = g_strdup (cg_test_row_place (row) != NULL ? cg_test_row_place (row) : "");
      break;
    case COLUMN_LAST_NEGATIVE:
      text = g_strdup (row->last_negative != NULL ? row->last_negative : "—");
      break;
    case COLUMN_NEXT_DUE:
      if (row->state == ROW_OVERDUE || row->state == ROW_DUE_SOON || row->state == ROW_OK)
        {
          text = g_strdup (row->next_due);
          note = cg_test_row_days_text (row);
        }
      else
        text = g_strdup ("—");
      if (row->state == ROW_OVERDUE)
        gtk_widget_add_css_class (second, "error");
      else
        gtk_widget_remove_css_class (second, "error");
      if (row->state == ROW_OVERDUE)
        gtk_widget_remove_css_class (second, "dim-label");
      else
        gtk_widget_add_css_class (second, "dim-label");
      break;
    case COLUMN_STATE:
      text = g_strdup (cg_tests_row_state_label (row->state));
      note = row_note (row);
      cg_tests_set_state_class (first, cg_tests_row_state_classes[row->state]);
      break;
    case N_COLUMNS:
    default:
      g_return_if_reached ();
    }

  gtk_label_set_text (GTK_LABEL (first), text);
  if (second != NULL)
    {
      gtk_label_set_text (GTK_LABEL (second), note != NULL ? note : "");
      gtk_widget_set_visible (second, note != NULL && *note != '\0');
    }
  if (column == COLUMN_STATE)
    {
      g_autofree char *tooltip = NULL;

      if (row->new_arrival && row->isolation_until != NULL)
        tooltip = g_strdup_printf (_("Arrived %s: isolation observation until %s (ALL-6)"),
                                   cg_person_get_arrived_on (row->person), row->isolation_until);
      gtk_widget_set_tooltip_text (child, tooltip);
    }
}

static int
compare_urgency (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const CgTestRow *ra = a, *rb = b;

  if (ra->state != rb->state)
    return ra->state < rb->state ? -1 : 1;
  /* The longest overdue first, the soonest due first. */
  if ((ra->state == ROW_OVERDUE || ra->state == ROW_DUE_SOON || ra->state == ROW_OK)
      && ra->days_left != rb->days_left)
    return ra->days_left < rb->days_left ? -1 : 1;
  return g_strcmp0 (ra->name_key, rb->name_key);
}

static int
compare_name (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return g_strcmp0 (((const CgTestRow *) a)->name_key, ((const CgTestRow *) b)->name_key);
}

static int
compare_kind (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  CgPersonKind ka = cg_person_get_kind (((const CgTestRow *) a)->person);
  CgPersonKind kb = cg_person_get_kind (((const CgTestRow *) b)->person);

  if (ka != kb)
    return ka < kb ? -1 : 1;
  return compare_name (a, b, NULL);
}

static int
compare_place (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int cmp = g_strcmp0 (((const CgTestRow *) a)->place_key, ((const CgTestRow *) b)->place_key);

  return cmp != 0 ? cmp : compare_name (a, b, NULL);
}

/* No date sorts first: nobody is more urgent than who never tested. */
static int
compare_last_negative (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  int cmp = g_strcmp0 (((const CgTestRow *) a)->last_negative, ((const CgTestRow *) b)->last_negative);

  return cmp != 0 ? cmp : compare_name (a, b, NULL);
}

static int
compare_next_due (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int cmp = g_strcmp0 (((const CgTestRow *) a)->next_due, ((const CgTestRow *) b)->next_due);

  return cmp != 0 ? cmp : compare_name (a, b, NULL);
}

GtkSorter *
cg_tests_create_sorter (Column column)
{
  static const GCompareDataFunc funcs[N_COLUMNS] = {
    [COLUMN_NAME] = compare_name,
    [COLUMN_KIND] = compare_kind,
    [COLUMN_PLACE] = compare_place,
    [COLUMN_LAST_NEGATIVE] = compare_last_negative,
    [COLUMN_NEXT_DUE] = compare_next_due,
    [COLUMN_STATE] = compare_urgency,
  };

  return GTK_SORTER (gtk_custom_sorter_new (funcs[column], NULL, NULL));
}

void
cg_tests_page_setup_columns (CgTestsPage *self)
{
  GtkColumnViewColumn *state_column = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = cg_tests_create_sorter (i);

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(column_info[i].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (column_info[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, column_info[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      if (i == COLUMN_STATE)
        state_column = column;
      if (i == COLUMN_KIND)
        self->kind_column = column;
    }

  /* Who needs attention first. */
  gtk_column_view_sort_by_column (self->column_view, state_column, GTK_SORT_ASCENDING);
}
