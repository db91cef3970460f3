/* cg-tests-page.c — staff nucleic-acid tests: who is overdue, who is due soon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-import-dialog.h"

#include "cg-date.h"
#include "cg-nat-test.h"
#include "cg-sample-dialog.h"
#include "cg-tests-page.h"

/* ---- one row of the register ---------------------------------------- */

/* What the register shows, in order of urgency: a positive first, then
 * the overdue, those with no negative test, the due soon, the up to date,
 * and people the rules do not ask to test. */
typedef enum
{
  ROW_POSITIVE,
  ROW_OVERDUE,
  ROW_NEVER,
  ROW_DUE_SOON,
  ROW_OK,
  ROW_NOT_REQUIRED,
  N_ROW_STATES
} RowState;

static const char * const row_state_classes[N_ROW_STATES] = {
  "positive", "overdue", "never", "due-soon", "ok", "not-required",
};

/* The filter buttons above the list. */
static const char * const row_state_chips[N_ROW_STATES] = {
  N_("Positive"), N_("Overdue"), N_("No Negative Test"), N_("Due Soon"),
  N_("Up to Date"), N_("Not Required"),
};

#define CG_TYPE_TEST_ROW (cg_test_row_get_type ())
G_DECLARE_FINAL_TYPE (CgTestRow, cg_test_row, CG, TEST_ROW, GObject)

struct _CgTestRow
{
  GObject    parent_instance;

  CgPerson  *person;
  RowState   state;
  gboolean   required;         /* staff, or arrived within the isolation period */
  gboolean   new_arrival;
  gboolean   pending;
  int        days_left;
  char      *last_negative;
  char      *next_due;
  char      *latest_sampled_on;
  char      *isolation_until;
  /* Precomputed for sorting and searching. */
  char      *name_key;
  char      *place_key;
  char      *search_text;
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

static const char *
row_place (CgTestRow *row)
{
  if (cg_person_get_kind (row->person) == CG_PERSON_STAFF)
    return cg_person_get_role (row->person);
  return cg_person_get_room (row->person);
}

/* @window: the first day a new arrival may have arrived on and still be
 * in isolation (the day evaluated minus the isolation period). */
static CgTestRow *
test_row_new (const CgNatStatus *status,
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
  row->place_key = g_utf8_collate_key_for_filename (row_place (row) != NULL ? row_place (row) : "", -1);
  search = g_strjoin ("\n",
                      cg_person_get_name (row->person),
                      cg_person_get_id_number (row->person),
                      cg_person_get_role (row->person) != NULL ? cg_person_get_role (row->person) : "",
                      cg_person_get_room (row->person) != NULL ? cg_person_get_room (row->person) : "",
                      NULL);
  row->search_text = g_utf8_casefold (search, -1);
  return row;
}

static gboolean
test_row_equal (CgTestRow *a,
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

static const char *
row_state_label (RowState state)
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

static void
set_state_class (GtkWidget  *widget,
                 const char *state_class)
{
  for (guint i = 0; i < N_ROW_STATES; i++)
    if (g_strcmp0 (row_state_classes[i], state_class) != 0)
      gtk_widget_remove_css_class (widget, row_state_classes[i]);
  if (state_class != NULL)
    gtk_widget_add_css_class (widget, state_class);
}

/* "in 5 days", "due today", "3 days overdue": only for a known due date. */
static char *
row_days_text (CgTestRow *row)
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

/* ---- the page ------------------------------------------------------- */

/* Besides the person kinds, the kind filter offers these. */
#define KIND_TO_TEST (-2)
#define KIND_EVERYONE (-1)
#define STATE_ANY (-1)

struct _CgTestsPage
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;

  GListStore     *rows;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  int             kind_filter;
  int             state_filter;
  char           *search_text;     /* casefolded, NULL when empty */

  /* Loading */
  GCancellable   *cancellable;
  gboolean        loading;
  gboolean        loaded;
  gboolean        dirty;
  GDate           loaded_date;
  char           *load_error;
  int             interval_days;
  int             isolation_days;
  gboolean        ch5_applies;

  /* The person whose history the side panel shows, 0 when closed. */
  gint64          panel_person_id;

  GtkToggleButton *state_chips[N_ROW_STATES + 1];   /* [0]: every state */
  GtkLabel       *chip_counts[N_ROW_STATES + 1];
  GtkColumnViewColumn *kind_column;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkBox          *kind_box;
  GtkLabel        *rule_label;
  GtkBox          *state_box;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *no_results_page;
  AdwStatusPage   *error_page;
  GtkRevealer     *panel_revealer;
  GtkLabel        *panel_name;
  GtkLabel        *panel_summary;
  GtkLabel        *panel_state;
  GtkLabel        *panel_detail;
  GtkListBox      *history_list;
};

G_DEFINE_FINAL_TYPE (CgTestsPage, cg_tests_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_PLACE,
  COLUMN_LAST_NEGATIVE,
  COLUMN_NEXT_DUE,
  COLUMN_STATE,
  N_COLUMNS
} Column;

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

static const char * const kind_plurals[CG_N_PERSON_KINDS] = {
  N_("Staff"), N_("Residents"), N_("Children"), N_("Aid Recipients"),
};

/* The pills' colours: one small sheet for the page, loaded once. */
static const char page_css[] =
  ".cg-state-pill {"
  "  border-radius: 9999px;"
  "  padding: 1px 10px;"
  "  font-weight: bold;"
  "  font-size: smaller;"
  "}"
  ".cg-state-pill.ok { color: @success_color; background-color: alpha(@success_color, 0.15); }"
  ".cg-state-pill.due-soon { color: @warning_color; background-color: alpha(@warning_color, 0.2); }"
  ".cg-state-pill.overdue { color: @error_color; background-color: alpha(@error_color, 0.15); }"
  ".cg-state-pill.positive { color: @error_fg_color; background-color: @error_bg_color; font-weight: 800; }"
  ".cg-state-pill.never { color: alpha(currentColor, 0.8); background-color: alpha(currentColor, 0.1); }"
  ".cg-state-pill.not-required { color: alpha(currentColor, 0.6); background-color: alpha(currentColor, 0.05);"
  "  font-weight: normal; }"
  ".cg-state-chip-count { font-weight: bold; margin-left: 6px; }";

static void cg_tests_page_load (CgTestsPage *self);
static void update_view        (CgTestsPage *self);
static void panel_refresh      (CgTestsPage *self);

static GtkWindow *
get_parent_window (CgTestsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Shows one child of @stack and hides the others: GTK 4.8 puts every
 * visible widget in the accessibility tree, mapped or not. */
static void
show_only (GtkStack   *stack,
           const char *name)
{
  GtkWidget *target = gtk_stack_get_child_by_name (stack, name);

  g_return_if_fail (target != NULL);
  gtk_widget_set_visible (target, TRUE);
  gtk_stack_set_visible_child (stack, target);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != target)
      gtk_widget_set_visible (child, FALSE);
}

static void
show_toast (CgTestsPage *self,
            const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static CgTestRow *
find_row (CgTestsPage *self,
          gint64       person_id)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (cg_person_get_id (row->person) == person_id)
        return row;   /* the store keeps its own reference */
    }
  return NULL;
}

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
      text = g_strdup (row_place (row) != NULL ? row_place (row) : "");
      break;
    case COLUMN_LAST_NEGATIVE:
      text = g_strdup (row->last_negative != NULL ? row->last_negative : "—");
      break;
    case COLUMN_NEXT_DUE:
      if (row->state == ROW_OVERDUE || row->state == ROW_DUE_SOON || row->state == ROW_OK)
        {
          text = g_strdup (row->next_due);
          note = row_days_text (row);
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
      text = g_strdup (row_state_label (row->state));
      note = row_note (row);
      set_state_class (first, row_state_classes[row->state]);
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

static GtkSorter *
create_sorter (Column column)
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

static void
setup_columns (CgTestsPage *self)
{
  GtkColumnViewColumn *state_column = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = create_sorter (i);

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

/* ---- filters -------------------------------------------------------- */

static gboolean
row_in_group (CgTestsPage *self,
              CgTestRow   *row)
{
  if (self->kind_filter == KIND_TO_TEST)
    return row->required || row->state == ROW_POSITIVE;
  if (self->kind_filter == KIND_EVERYONE)
    return TRUE;
  return (int) cg_person_get_kind (row->person) == self->kind_filter;
}

static gboolean
row_matches_search (CgTestsPage *self,
                    CgTestRow   *row)
{
  return self->search_text == NULL || strstr (row->search_text, self->search_text) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CgTestsPage *self = user_data;
  CgTestRow *row = item;

  return row_in_group (self, row)
         && row_matches_search (self, row)
         && (self->state_filter == STATE_ANY || (int) row->state == self->state_filter);
}

static void
update_chips (CgTestsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (model);
  guint counts[N_ROW_STATES + 1] = { 0, };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (!row_in_group (self, row) || !row_matches_search (self, row))
        continue;
      counts[0]++;
      counts[row->state + 1]++;
    }

  for (guint i = 0; i <= N_ROW_STATES; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);
      g_autofree char *description = NULL;

      gtk_label_set_text (self->chip_counts[i], count);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", counts[i]),
                                     counts[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_chips[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      /* A state nobody is in is no use as a filter, unless it is on. */
      if (i > 0)
        gtk_widget_set_visible (GTK_WIDGET (self->state_chips[i]),
                                counts[i] > 0 || gtk_toggle_button_get_active (self->state_chips[i])
                                || i - 1 != ROW_NOT_REQUIRED);
      if (i > 0)
        gtk_widget_set_sensitive (GTK_WIDGET (self->state_chips[i]),
                                  counts[i] > 0 || gtk_toggle_button_get_active (self->state_chips[i]));
    }
}

static void
filters_changed (CgTestsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_chips (self);
  update_view (self);
}

static void
on_search_changed_cb (CgTestsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->search_text, g_free);
  if (*text != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  filters_changed (self);
}

static void
on_stop_search_cb (CgTestsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void on_row_activated_cb (CgTestsPage *self,
                                 guint        position);

/* Enter in the search field opens the one person it found. */
static void
on_search_activated_cb (CgTestsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  if (g_list_model_get_n_items (model) == 1)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      on_row_activated_cb (self, 0);
    }
  else if (g_list_model_get_n_items (model) > 1)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

static void
on_kind_toggled_cb (GtkToggleButton *button,
                    CgTestsPage     *self)
{
  int kind;

  if (!gtk_toggle_button_get_active (button))
    return;
  kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cg-kind"));
  self->kind_filter = kind;
  filters_changed (self);
}

static GtkWidget *
add_kind_button (CgTestsPage     *self,
                 const char      *label,
                 const char      *tooltip,
                 int              kind,
                 GtkToggleButton *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "cg-kind", GINT_TO_POINTER (kind));
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
  gtk_box_append (self->kind_box, button);
  return button;
}

static void
setup_kind_filter (CgTestsPage *self)
{
  GtkWidget *to_test;
  guint n_others = 0;

  if (self->module->n_person_kinds < 2)
    {
      /* Staff only (a funeral home): everyone is to be tested, and a
       * column of kinds would say "Staff" on every row.  Removed, not
       * hidden: GTK 4.8 still counts a hidden column's width. */
      gtk_widget_set_visible (GTK_WIDGET (self->kind_box), FALSE);
      gtk_column_view_remove_column (self->column_view, self->kind_column);
      self->kind_column = NULL;
      return;
    }

  for (guint i = 0; i < self->module->n_person_kinds; i++)
    if (self->module->person_kinds[i] != CG_PERSON_STAFF)
      n_others++;

  to_test = add_kind_button (self, _("To Be Tested"),
                             _("Staff, and people who arrived within the isolation period"),
                             KIND_TO_TEST, NULL);
  for (guint i = 0; i < self->module->n_person_kinds; i++)
    {
      CgPersonKind kind = self->module->person_kinds[i];
      const char *label;

      if (kind != CG_PERSON_STAFF && n_others == 1 && self->module->residents_title != NULL)
        label = _(self->module->residents_title);
      else
        label = _(kind_plurals[kind]);
      add_kind_button (self, label, NULL, kind, GTK_TOGGLE_BUTTON (to_test));
    }
  add_kind_button (self, _("Everyone"), _("Everyone present"), KIND_EVERYONE,
                   GTK_TOGGLE_BUTTON (to_test));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (to_test), TRUE);
}

static void
on_state_chip_toggled_cb (GtkToggleButton *button,
                          CgTestsPage     *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->state_filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cg-state"));
  filters_changed (self);
}

static void
setup_state_chips (CgTestsPage *self)
{
  for (int i = 0; i <= N_ROW_STATES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *title = i == 0 ? _("All") : _(row_state_chips[i - 1]);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *count = gtk_label_new ("0");

      gtk_widget_add_css_class (count, "cg-state-chip-count");
      gtk_widget_add_css_class (count, "numeric");
      if (i - 1 == ROW_POSITIVE || i - 1 == ROW_OVERDUE)
        gtk_widget_add_css_class (count, "error");
      else if (i - 1 == ROW_DUE_SOON)
        gtk_widget_add_css_class (count, "warning");
      else if (i - 1 == ROW_OK)
        gtk_widget_add_css_class (count, "success");
      else
        gtk_widget_add_css_class (count, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (button), "cg-state", GINT_TO_POINTER (i == 0 ? STATE_ANY : i - 1));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->state_chips[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_state_chip_toggled_cb), self);
      gtk_box_append (self->state_box, button);
      self->state_chips[i] = GTK_TOGGLE_BUTTON (button);
      self->chip_counts[i] = GTK_LABEL (count);
    }
  gtk_toggle_button_set_active (self->state_chips[0], TRUE);
}

/* ---- what the page shows -------------------------------------------- */

static void
update_view (CgTestsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n_rows = g_list_model_get_n_items (model);
  guint n_group = 0;

  if (self->load_error != NULL)
    {
      adw_status_page_set_description (self->error_page, self->load_error);
      show_only (self->stack, "error");
      return;
    }
  if (!self->loaded)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      show_only (self->stack, "loading");
      return;
    }
  gtk_spinner_set_spinning (self->spinner, FALSE);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (row_in_group (self, row))
        n_group++;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_rows > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->state_box), n_group > 0);

  if (n_group == 0 && self->search_text == NULL)
    {
      show_only (self->stack, "empty");
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    {
      if (self->search_text != NULL)
        {
          adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");
          adw_status_page_set_title (self->no_results_page, _("No Results Found"));
          adw_status_page_set_description (self->no_results_page,
                                           self->state_filter != STATE_ANY
                                           ? _("Nobody of that name or ID number is in this state. Choose “All” to see everyone found.")
                                           : _("Try another name or ID number."));
        }
      else
        {
          adw_status_page_set_icon_name (self->no_results_page, "object-select-symbolic");
          adw_status_page_set_title (self->no_results_page, _("Nobody in This State"));
          adw_status_page_set_description (self->no_results_page,
                                           _("Choose “All” to see everyone."));
        }
      show_only (self->stack, "no-results");
      return;
    }
  show_only (self->stack, "list");
}

static void
update_rule_label (CgTestsPage *self)
{
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!self->loaded)
    {
      gtk_label_set_text (self->rule_label, "");
      return;
    }
  day = cg_date_to_iso (&self->loaded_date);
  if (self->ch5_applies)
    /* Translators: the test interval of the policy, e.g. "Every 28 days (CH-5)" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d day (CH-5)", "Every %d days (CH-5)",
                                         self->interval_days),
                            self->interval_days);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d day", "Every %d days",
                                         self->interval_days),
                            self->interval_days);
  tooltip = g_strdup_printf (_("The state of each test as of %s. The interval is a policy value, changed in Preferences."),
                             day);
  gtk_label_set_text (self->rule_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rule_label), tooltip);
}

/* Replaces only the rows that changed, so that a new result keeps the
 * scroll position and the selection of a long list. */
static void
update_rows (CgTestsPage *self,
             GPtrArray   *rows)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = rows->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(CgTestRow) old = g_list_model_get_item (model, prefix);

      if (!test_row_equal (old, g_ptr_array_index (rows, prefix)))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(CgTestRow) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!test_row_equal (old, g_ptr_array_index (rows, n_new - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix == n_old && prefix == n_new)
    return;
  g_list_store_splice (self->rows, prefix, n_old - prefix - suffix,
                       rows->pdata + prefix, n_new - prefix - suffix);
}

static void
select_person (CgTestsPage *self,
               gint64       person_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgTestRow) row = g_list_model_get_item (model, i);

      if (cg_person_get_id (row->person) == person_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* ---- loading in a thread -------------------------------------------- */

typedef struct
{
  char           *path;
  const CgModule *module;
  GDate           date;
} LoadInput;

typedef struct
{
  GPtrArray *rows;            /* CgTestRow, built in the thread */
  int        interval_days;
  int        isolation_days;
  gboolean   ch5_applies;
} LoadOutput;

static void
load_input_free (LoadInput *input)
{
  g_free (input->path);
  g_free (input);
}

static void
load_output_free (LoadOutput *output)
{
  g_clear_pointer (&output->rows, g_ptr_array_unref);
  g_free (output);
}

/* A store of its own: the window's stays free for the user. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadInput *input = task_data;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *window_iso = NULL;
  LoadOutput *output;
  GDate window;

  store = cg_store_open (input->path, &error);
  if (store != NULL)
    policy = cg_module_load_policy (input->module, store, &error);
  if (policy == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  statuses = cg_nat_status_list (store, policy, &input->date, -1, &error);
  if (statuses == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  output = g_new0 (LoadOutput, 1);
  output->interval_days = cg_policy_get_int (policy, CG_POLICY_TEST_INTERVAL_DAYS);
  output->isolation_days = cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS);
  output->ch5_applies = cg_policy_applies (policy, "CH-5");

  /* The rows too: sorting keys for a thousand names take a while. */
  window = input->date;
  g_date_subtract_days (&window, (guint) output->isolation_days);
  window_iso = cg_date_to_iso (&window);
  output->rows = g_ptr_array_new_full (statuses->len, g_object_unref);
  for (guint i = 0; i < statuses->len; i++)
    g_ptr_array_add (output->rows, test_row_new (g_ptr_array_index (statuses, i),
                                                 window_iso, output->isolation_days));
  g_task_return_pointer (task, output, (GDestroyNotify) load_output_free);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CgTestsPage *self = CG_TESTS_PAGE (source);
  LoadInput *input = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  LoadOutput *output;
  CgTestRow *selected;
  gint64 selected_id;

  output = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&output, load_output_free);
      return;
    }
  self->loading = FALSE;
  g_clear_object (&self->cancellable);

  g_clear_pointer (&self->load_error, g_free);
  if (output == NULL)
    {
      self->load_error = g_strdup (error->message);
      update_view (self);
    }
  else
    {
      self->loaded = TRUE;
      self->loaded_date = input->date;
      self->interval_days = output->interval_days;
      self->isolation_days = output->isolation_days;
      self->ch5_applies = output->ch5_applies;

      selected = gtk_single_selection_get_selected_item (self->selection);
      selected_id = selected != NULL ? cg_person_get_id (selected->person) : 0;
      update_rows (self, output->rows);
      /* A changed row is a new object: keep the same person selected. */
      if (selected_id != 0)
        select_person (self, selected_id);
      load_output_free (output);
      update_rule_label (self);
      update_chips (self);
      update_view (self);
      panel_refresh (self);
    }

  /* Something changed while the thread was reading. */
  if (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    cg_tests_page_load (self);
}

static void
cg_tests_page_load (CgTestsPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadInput *input;

  if (self->loading || self->store == NULL)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();

  input = g_new0 (LoadInput, 1);
  input->path = g_strdup (cg_store_get_path (self->store));
  input->module = self->module;
  cg_date_today (&input->date);

  task = g_task_new (self, self->cancellable, on_loaded_cb, NULL);
  g_task_set_source_tag (task, cg_tests_page_load);
  g_task_set_task_data (task, input, (GDestroyNotify) load_input_free);
  g_task_run_in_thread (task, load_thread);
  update_view (self);
}

static void
on_store_changed_cb (CgStore     *store,
                     const char  *table,
                     CgTestsPage *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cg_tests_page_load (self);
}

/* ---- the side panel: one person's samples --------------------------- */

static CgNatTest *
nat_test_copy (const CgNatTest *test)
{
  CgNatTest *copy = cg_nat_test_new ();

  copy->id = test->id;
  copy->person_id = test->person_id;
  copy->sampled_on = g_strdup (test->sampled_on);
  copy->result = test->result;
  copy->result_on = g_strdup (test->result_on);
  g_free (copy->site);
  copy->site = g_strdup (test->site != NULL ? test->site : "");
  return copy;
}

static void
on_dialog_saved_cb (CgSampleDialog *dialog,
                    const char     *message,
                    CgTestsPage    *self)
{
  show_toast (self, message);
}

static void
on_enter_result_clicked_cb (GtkButton   *button,
                            CgTestsPage *self)
{
  CgNatTest *test = g_object_get_data (G_OBJECT (button), "cg-test");
  CgTestRow *row = find_row (self, self->panel_person_id);
  CgSampleDialog *dialog;

  if (test == NULL || row == NULL)
    return;
  dialog = cg_sample_dialog_new_for_result (get_parent_window (self), self->store, row->person, test);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
history_row_new (CgTestsPage     *self,
                 const CgNatTest *test)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (cg_nat_result_label (test->result));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  GString *text = g_string_new (NULL);

  /* Translators: a row of a person's test history */
  title = g_strdup_printf (_("Sampled %s"), test->sampled_on);
  if (test->result != CG_NAT_PENDING && test->result_on != NULL)
    g_string_append_printf (text, _("Result on %s"), test->result_on);
  else if (test->result == CG_NAT_PENDING)
    g_string_append (text, _("Waiting for the result"));
  if (test->site != NULL && *test->site != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, test->site);
    }
  subtitle = g_string_free (text, FALSE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "cg-state-pill");
  gtk_widget_add_css_class (pill, test->result == CG_NAT_NEGATIVE ? "ok"
                                  : test->result == CG_NAT_POSITIVE ? "positive" : "never");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  if (test->result == CG_NAT_PENDING)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Enter Result…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "cg-test", nat_test_copy (test),
                              (GDestroyNotify) cg_nat_test_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_enter_result_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static char *
panel_detail_text (CgTestsPage *self,
                   CgTestRow   *row)
{
  g_autofree char *days = row_days_text (row);
  GString *text = g_string_new (NULL);

  switch (row->state)
    {
    case ROW_POSITIVE:
      g_string_append_printf (text, _("Latest result positive (sampled %s): isolate and report at once (ALL-9)."),
                              row->latest_sampled_on != NULL ? row->latest_sampled_on : "");
      break;
    case ROW_OVERDUE:
    case ROW_DUE_SOON:
    case ROW_OK:
      /* Translators: "Next test due 2026-11-30 (in 7 days)." */
      g_string_append_printf (text, _("Next test due %s (%s)."), row->next_due, days);
      break;
    case ROW_NEVER:
      if (row->new_arrival && row->isolation_until != NULL)
        g_string_append_printf (text, _("Arrived %s: a negative test is needed during the isolation observation, until %s (ALL-6)."),
                                cg_person_get_arrived_on (row->person), row->isolation_until);
      else
        g_string_append (text, _("No negative test on record."));
      break;
    case ROW_NOT_REQUIRED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Not required: tests are for staff, and for new arrivals during their first %d day (ALL-6).",
                                                 "Not required: tests are for staff, and for new arrivals during their first %d days (ALL-6).",
                                                 self->isolation_days),
                              self->isolation_days);
      break;
    case N_ROW_STATES:
    default:
      break;
    }
  if (row->pending)
    g_string_append_printf (text, " %s", _("A sample is waiting for its result."));
  return g_string_free (text, FALSE);
}

static void
panel_fill (CgTestsPage *self,
            CgTestRow   *row)
{
  g_autoptr(GPtrArray) tests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *detail = NULL;
  GString *summary = g_string_new (cg_person_kind_label (cg_person_get_kind (row->person)));
  GtkWidget *child;

  gtk_label_set_text (self->panel_name, cg_person_get_name (row->person));
  if (row_place (row) != NULL && *row_place (row) != '\0')
    g_string_append_printf (summary, " · %s", row_place (row));
  g_object_get (row->person, "masked-id", &masked, NULL);
  if (masked != NULL && *masked != '\0')
    g_string_append_printf (summary, " · %s", masked);
  gtk_label_set_text (self->panel_summary, summary->str);
  g_string_free (summary, TRUE);

  gtk_label_set_text (self->panel_state, row_state_label (row->state));
  set_state_class (GTK_WIDGET (self->panel_state), row_state_classes[row->state]);
  detail = panel_detail_text (self, row);
  gtk_label_set_text (self->panel_detail, detail);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  tests = cg_nat_test_list_for_person (self->store, cg_person_get_id (row->person), &error);
  if (tests == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_list_box_set_placeholder (self->history_list, label);
      return;
    }
  if (tests->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No samples recorded"));

      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_set_placeholder (self->history_list, label);
    }
  for (guint i = 0; i < tests->len; i++)
    gtk_list_box_append (self->history_list, history_row_new (self, g_ptr_array_index (tests, i)));
}

static void
panel_close (CgTestsPage *self)
{
  self->panel_person_id = 0;
  gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
}

static void
panel_show (CgTestsPage *self,
            CgTestRow   *row)
{
  self->panel_person_id = cg_person_get_id (row->person);
  panel_fill (self, row);
  gtk_widget_set_visible (GTK_WIDGET (self->panel_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
}

static void
panel_refresh (CgTestsPage *self)
{
  CgTestRow *row;

  if (self->panel_person_id == 0)
    return;
  row = find_row (self, self->panel_person_id);
  if (row == NULL)
    panel_close (self);
  else
    panel_fill (self, row);
}

/* Hidden once closed, so that the accessibility tree holds only what is
 * on screen. */
static void
on_panel_revealed_cb (CgTestsPage *self)
{
  if (!gtk_revealer_get_child_revealed (self->panel_revealer)
      && !gtk_revealer_get_reveal_child (self->panel_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->panel_revealer), FALSE);
}

static void
on_row_activated_cb (CgTestsPage *self,
                     guint        position)
{
  g_autoptr(CgTestRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    panel_show (self, row);
}

/* While the panel is open it follows the selection. */
static void
on_selection_changed_cb (CgTestsPage *self)
{
  CgTestRow *row = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tests.show-history", row != NULL);
  if (row != NULL && self->panel_person_id != 0
      && cg_person_get_id (row->person) != self->panel_person_id)
    panel_show (self, row);
}

/* ---- actions -------------------------------------------------------- */

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);
  CgTestRow *row = NULL;
  CgSampleDialog *dialog;

  if (self->panel_person_id != 0)
    row = find_row (self, self->panel_person_id);
  if (row == NULL)
    row = gtk_single_selection_get_selected_item (self->selection);

  dialog = cg_sample_dialog_new (get_parent_window (self), self->store,
                                 row != NULL ? row->person : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);
  CgTestRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL)
    panel_show (self, row);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_history_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  panel_close (CG_TESTS_PAGE (widget));
}

/* ---- object --------------------------------------------------------- */

static void
ensure_css (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, page_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

/* Loads when first shown, and again when the day has turned or the
 * registers changed while the page was hidden. */
static void
cg_tests_page_map (GtkWidget *widget)
{
  CgTestsPage *self = CG_TESTS_PAGE (widget);
  GDate today;

  GTK_WIDGET_CLASS (cg_tests_page_parent_class)->map (widget);

  cg_date_today (&today);
  if (!self->loaded || self->dirty || g_date_compare (&today, &self->loaded_date) != 0)
    cg_tests_page_load (self);
}

static void
cg_tests_page_constructed (GObject *object)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);
  static const char * const tables[] = { "nat_test", "person", "policy", "institution" };

  G_OBJECT_CLASS (cg_tests_page_parent_class)->constructed (object);

  if (self->module == NULL)
    self->module = &cg_module_care_home;
  setup_kind_filter (self);
  if (self->store != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *signal = g_strdup_printf ("changed::%s", tables[i]);

        g_signal_connect_object (self->store, signal, G_CALLBACK (on_store_changed_cb), self, 0);
      }
  update_view (self);
}

static void
cg_tests_page_dispose (GObject *object)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TESTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_tests_page_parent_class)->dispose (object);
}

static void
cg_tests_page_finalize (GObject *object)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

  g_free (self->search_text);
  g_free (self->load_error);

  G_OBJECT_CLASS (cg_tests_page_parent_class)->finalize (object);
}

static void
cg_tests_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

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
cg_tests_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgTestsPage *self = CG_TESTS_PAGE (object);

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
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cg_import_dialog_run (widget, CG_TESTS_PAGE (widget)->store, CG_REGISTER_TESTS);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_TESTS);
}

static void
cg_tests_page_class_init (CgTestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_tests_page_constructed;
  object_class->dispose = cg_tests_page_dispose;
  object_class->finalize = cg_tests_page_finalize;
  object_class->get_property = cg_tests_page_get_property;
  object_class->set_property = cg_tests_page_set_property;
  widget_class->map = cg_tests_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-tests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, kind_box);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, rule_label);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, state_box);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_name);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_summary);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_state);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, panel_detail);
  gtk_widget_class_bind_template_child (widget_class, CgTestsPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_revealed_cb);

  gtk_widget_class_install_action (widget_class, "tests.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "tests.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "tests.template", NULL, template_action);
  gtk_widget_class_install_action (widget_class, "tests.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "tests.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "tests.close-history", NULL, close_history_action);
}

static void
cg_tests_page_init (CgTestsPage *self)
{
  GtkShortcutController *shortcuts;
  g_autoptr(GtkMultiSorter) sorter = gtk_multi_sorter_new ();

  self->kind_filter = KIND_TO_TEST;
  self->state_filter = STATE_ANY;
  ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);

  self->rows = g_list_store_new (CG_TYPE_TEST_ROW);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* A click on a header sorts by that column; urgency settles the ties. */
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter, create_sorter (COLUMN_STATE));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tests.show-history", FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  setup_state_chips (self);

  /* Typing anywhere on the page goes to the search field. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* Managed by the window, so the keys work wherever the focus is while
   * the page is shown. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, "<Control>n", "tests.record");
  add_shortcut (shortcuts, "<Control>f", "tests.search");
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

GtkWidget *
cg_tests_page_new (CgStore        *store,
                   const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_TESTS_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
