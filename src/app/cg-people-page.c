/* cg-people-page.c — the register of staff and residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-import.h"
#include "cg-import-dialog.h"
#include "cg-people-page.h"
#include "cg-person-dialog.h"
#include "cg-widgets.h"

struct _CgPeoplePage
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;

  /* People as the store gives them; the column view sorts on top. */
  GListStore     *people;
  GtkSortListModel *sorted;
  int             kind_filter;      /* -1: every kind */
  guint           n_archived_shown;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkBox          *kind_box;
  GtkToggleButton *archived_button;
  GtkWidget       *import_menu_button;
  GtkLabel        *count_label;
  GtkStack        *stack;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *no_results_page;
  GtkWidget       *show_archived_button;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (CgPeoplePage, cg_people_page, ADW_TYPE_BIN)

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
  COLUMN_ID_NUMBER,
  COLUMN_SEX,
  COLUMN_ROOM,
  COLUMN_PHONE,
  COLUMN_ARRIVED,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  int         width;      /* 0: takes the remaining width */
  const char *property;   /* sorts by this CgPerson property */
  gboolean    numeric;
} column_info[N_COLUMNS] = {
  [COLUMN_NAME]      = { N_("Name"),         0, "name",       FALSE },
  [COLUMN_KIND]      = { N_("Kind"),       120, "kind",       TRUE  },
  [COLUMN_ID_NUMBER] = { N_("ID Number"),  200, "id-number",  FALSE },
  [COLUMN_SEX]       = { N_("Sex"),         70, "sex",        TRUE  },
  [COLUMN_ROOM]      = { N_("Room"),        90, "room",       FALSE },
  [COLUMN_PHONE]     = { N_("Phone"),      140, "phone",      FALSE },
  [COLUMN_ARRIVED]   = { N_("Arrived On"), 120, "arrived-on", FALSE },
  [COLUMN_STATUS]    = { N_("Status"),     150, "archived",   TRUE  },
};

/* What a group of people is called in the kind filter. */
static const char * const kind_plurals[CG_N_PERSON_KINDS] = {
  N_("Staff"), N_("Residents"), N_("Children"), N_("Aid Recipients"),
};

static void cg_people_page_reload (CgPeoplePage *self);
static void on_row_activated_cb   (CgPeoplePage *self,
                                   guint         position);

static GtkWindow *
get_parent_window (CgPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (CgPeoplePage *self,
            const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  /* A toast's title is markup; names may hold '&' or '<'. */
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- cells ---------------------------------------------------------- */

static char *
cell_text (CgPerson *person,
           Column    column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (cg_person_get_name (person));
    case COLUMN_KIND:
      return g_strdup (cg_person_kind_label (cg_person_get_kind (person)));
    case COLUMN_ID_NUMBER:
      return g_strdup (cg_person_get_id_number (person));
    case COLUMN_SEX:
      return cg_person_get_sex (person) == CG_SEX_UNKNOWN
             ? g_strdup ("")
             : g_strdup (cg_sex_label (cg_person_get_sex (person)));
    case COLUMN_ROOM:
      return g_strdup (cg_person_get_room (person));
    case COLUMN_PHONE:
      return g_strdup (cg_person_get_phone (person));
    case COLUMN_ARRIVED:
      return g_strdup (cg_person_get_arrived_on (person));
    case COLUMN_STATUS:
      if (cg_person_get_archived (person))
        {
          const char *left_on = cg_person_get_left_on (person);

          if (left_on != NULL && *left_on != '\0')
            /* Translators: the date a person left the institution */
            return g_strdup_printf (_("Left on %s"), left_on);
          return g_strdup (_("Left"));
        }
      return g_strdup (_("Present"));
    case N_COLUMNS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

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

  if (column == COLUMN_ID_NUMBER || column == COLUMN_PHONE
      || column == COLUMN_ARRIVED || column == COLUMN_ROOM)
    gtk_widget_add_css_class (label, "numeric");

  /* Plain labels only: a row with more widgets (an avatar, say) makes
   * every search over a thousand people visibly slower on GTK 4.8. */
  if (column == COLUMN_NAME)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  CgPerson *person = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (person, column);

  gtk_label_set_text (GTK_LABEL (child), text);

  if (cg_person_get_archived (person))
    gtk_widget_add_css_class (child, "dim-label");
  else
    gtk_widget_remove_css_class (child, "dim-label");
}

static GtkSorter *
create_sorter (Column column)
{
  GtkExpression *expression;

  expression = gtk_property_expression_new (CG_TYPE_PERSON, NULL, column_info[column].property);
  if (column == COLUMN_STATUS)
    {
      GtkMultiSorter *multi = gtk_multi_sorter_new ();

      gtk_multi_sorter_append (multi, GTK_SORTER (gtk_numeric_sorter_new (expression)));
      gtk_multi_sorter_append (multi,
                               GTK_SORTER (gtk_string_sorter_new (
                                 gtk_property_expression_new (CG_TYPE_PERSON, NULL, "left-on"))));
      return GTK_SORTER (multi);
    }
  if (column_info[column].numeric)
    return GTK_SORTER (gtk_numeric_sorter_new (expression));
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

static void
setup_columns (CgPeoplePage *self)
{
  GtkColumnViewColumn *by_column[N_COLUMNS];

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
      by_column[i] = column;
    }

  /* Staff first, then by name in the user's collation (pinyin order in
   * a Chinese locale), as a paper register is kept. */
  gtk_column_view_sort_by_column (self->column_view, by_column[COLUMN_NAME], GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (self->column_view, by_column[COLUMN_KIND], GTK_SORT_ASCENDING);
}

/* ---- loading -------------------------------------------------------- */

static gboolean
person_equal (CgPerson *a,
              CgPerson *b)
{
  return cg_person_get_id (a) == cg_person_get_id (b)
         && cg_person_get_kind (a) == cg_person_get_kind (b)
         && cg_person_get_sex (a) == cg_person_get_sex (b)
         && cg_person_get_archived (a) == cg_person_get_archived (b)
         && g_strcmp0 (cg_person_get_name (a), cg_person_get_name (b)) == 0
         && g_strcmp0 (cg_person_get_id_number (a), cg_person_get_id_number (b)) == 0
         && g_strcmp0 (cg_person_get_phone (a), cg_person_get_phone (b)) == 0
         && g_strcmp0 (cg_person_get_role (a), cg_person_get_role (b)) == 0
         && g_strcmp0 (cg_person_get_room (a), cg_person_get_room (b)) == 0
         && g_strcmp0 (cg_person_get_arrived_on (a), cg_person_get_arrived_on (b)) == 0
         && g_strcmp0 (cg_person_get_left_on (a), cg_person_get_left_on (b)) == 0;
}

static gboolean
model_item_equal (GListModel *model,
                  guint       position,
                  CgPerson   *person)
{
  g_autoptr(CgPerson) item = g_list_model_get_item (model, position);

  return person_equal (item, person);
}

/* Replaces only the rows that changed, so that editing one person keeps
 * the scroll position and the selection of a long list. */
static void
update_people (CgPeoplePage *self,
               GPtrArray    *people)
{
  GListModel *model = G_LIST_MODEL (self->people);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = people->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < n_new
         && model_item_equal (model, prefix, g_ptr_array_index (people, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && model_item_equal (model, n_old - 1 - suffix,
                              g_ptr_array_index (people, n_new - 1 - suffix)))
    suffix++;

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_store_splice (self->people, prefix, n_old - prefix - suffix,
                       people->pdata + prefix, n_new - prefix - suffix);
}

static gboolean
has_search_text (CgPeoplePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

static void
update_count (CgPeoplePage *self,
              guint         n_shown)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_shown),
                          n_shown);
  if (self->n_archived_shown > 0)
    {
      g_autofree char *archived = NULL;

      archived = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u archived", "%u archived",
                                               self->n_archived_shown),
                                  self->n_archived_shown);
      g_free (text);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person (%s)", "%u people (%s)",
                                           n_shown),
                              n_shown, archived);
    }
  gtk_label_set_text (self->count_label, text);
}

/* With nobody registered there is nothing to search or filter. */
static void
set_filters_sensitive (CgPeoplePage *self,
                       gboolean      sensitive)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_box), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->archived_button), sensitive);
  if (!sensitive)
    gtk_label_set_text (self->count_label, "");
}

/* Which empty page to show when nothing matches. */
static void
update_empty_state (CgPeoplePage *self)
{
  g_autoptr(GPtrArray) everyone = NULL;

  if (has_search_text (self))
    {
      g_autoptr(GPtrArray) archived = NULL;
      g_autofree char *description = NULL;

      /* Someone who left is still found, only hidden. */
      if (!gtk_toggle_button_get_active (self->archived_button))
        archived = cg_person_search (self->store,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                     self->kind_filter, CG_PERSON_FILTER_ARCHIVED, NULL);
      if (archived != NULL && archived->len > 0)
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u person who has left matches. Turn on “Show Archived” to see them.",
                                                    "%u people who have left match. Turn on “Show Archived” to see them.",
                                                    archived->len),
                                       archived->len);
      adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");
      adw_status_page_set_title (self->no_results_page, _("No Results Found"));
      adw_status_page_set_description (self->no_results_page,
                                       description != NULL
                                       ? description
                                       : _("Try another name, ID number or room."));
      gtk_widget_set_visible (self->show_archived_button, description != NULL);
      cg_stack_show_only (self->stack, "no-results");
      return;
    }

  everyone = cg_person_search (self->store, NULL, -1, CG_PERSON_FILTER_ALL, NULL);
  if (everyone == NULL || everyone->len == 0)
    {
      set_filters_sensitive (self, FALSE);
      cg_stack_show_only (self->stack, "empty");
      return;
    }

  adw_status_page_set_icon_name (self->no_results_page, "system-users-symbolic");
  adw_status_page_set_title (self->no_results_page, _("Nobody Here"));
  gtk_widget_set_visible (self->show_archived_button,
                          !gtk_toggle_button_get_active (self->archived_button));
  if (!gtk_toggle_button_get_active (self->archived_button))
    adw_status_page_set_description (self->no_results_page,
                                     _("Nobody in this group is present. Turn on “Show Archived” to see the people who have left."));
  else
    adw_status_page_set_description (self->no_results_page,
                                     _("Nobody in this group is registered."));
  cg_stack_show_only (self->stack, "no-results");
}

static void
cg_people_page_reload (CgPeoplePage *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  CgPersonFilter filter;

  if (self->store == NULL)
    return;

  filter = gtk_toggle_button_get_active (self->archived_button)
           ? CG_PERSON_FILTER_ALL : CG_PERSON_FILTER_ACTIVE;
  people = cg_person_search (self->store,
                             gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                             self->kind_filter, filter, &error);
  if (people == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      cg_stack_show_only (self->stack, "error");
      gtk_label_set_text (self->count_label, "");
      return;
    }

  self->n_archived_shown = 0;
  for (guint i = 0; i < people->len; i++)
    if (cg_person_get_archived (g_ptr_array_index (people, i)))
      self->n_archived_shown++;

  update_people (self, people);
  update_count (self, people->len);
  set_filters_sensitive (self, TRUE);

  if (people->len > 0)
    cg_stack_show_only (self->stack, "list");
  else
    update_empty_state (self);
}

static void
on_store_changed_cb (CgStore    *store,
                     const char *table,
                     gpointer    user_data)
{
  cg_people_page_reload (CG_PEOPLE_PAGE (user_data));
}

/* ---- filters -------------------------------------------------------- */

static void
on_search_changed_cb (CgPeoplePage *self)
{
  cg_people_page_reload (self);
}

static void
on_stop_search_cb (CgPeoplePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search field opens the one person it found. */
static void
on_search_activated_cb (CgPeoplePage *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  if (g_list_model_get_n_items (model) == 1)
    on_row_activated_cb (self, 0);
  else if (g_list_model_get_n_items (model) > 1)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

static void
on_archived_toggled_cb (CgPeoplePage *self)
{
  cg_people_page_reload (self);
}

/* The status page's button, for who does not see the toolbar's icon. */
static void
on_show_archived_clicked_cb (CgPeoplePage *self)
{
  gtk_toggle_button_set_active (self->archived_button, TRUE);
}

static void
on_kind_toggled_cb (GtkToggleButton *button,
                    CgPeoplePage    *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->kind_filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cg-kind"));
  cg_people_page_reload (self);
}

static GtkWidget *
add_kind_button (CgPeoplePage    *self,
                 const char      *label,
                 int              kind,
                 GtkToggleButton *group)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *child = gtk_label_new (label);

  /* "Aid Recipients" gives way before the page scrolls sideways. */
  gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "cg-kind", GINT_TO_POINTER (kind));
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_signal_connect (button, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
  gtk_box_append (self->kind_box, button);
  return button;
}

static void
setup_kind_filter (CgPeoplePage *self)
{
  GtkWidget *all;
  guint n_others = 0;

  if (self->module == NULL || self->module->n_person_kinds < 2)
    {
      /* One kind of person only (a funeral home's staff): a filter would
       * have nothing to choose. */
      gtk_widget_set_visible (GTK_WIDGET (self->kind_box), FALSE);
      if (self->module != NULL && self->module->n_person_kinds == 1
          && self->module->person_kinds[0] == CG_PERSON_STAFF)
        adw_status_page_set_description (self->empty_page,
                                         _("Register the staff one by one, or import them all at once from a spreadsheet saved as CSV."));
      return;
    }

  for (guint i = 0; i < self->module->n_person_kinds; i++)
    if (self->module->person_kinds[i] != CG_PERSON_STAFF)
      n_others++;

  all = add_kind_button (self, _("All"), -1, NULL);
  for (guint i = 0; i < self->module->n_person_kinds; i++)
    {
      CgPersonKind kind = self->module->person_kinds[i];
      const char *label;

      if (kind != CG_PERSON_STAFF && n_others == 1 && self->module->residents_title != NULL)
        label = _(self->module->residents_title);
      else
        label = _(kind_plurals[kind]);
      add_kind_button (self, label, kind, GTK_TOGGLE_BUTTON (all));
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (all), TRUE);
}

/* ---- dialogs -------------------------------------------------------- */

static void
on_dialog_done_cb (CgPersonDialog *dialog,
                   const char     *message,
                   CgPeoplePage   *self)
{
  show_toast (self, message);
}

static void
open_person (CgPeoplePage *self,
             CgPerson     *person)
{
  CgPersonDialog *dialog;

  dialog = cg_person_dialog_new (get_parent_window (self), self->store, self->module, person);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_dialog_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated_cb (CgPeoplePage *self,
                     guint         position)
{
  g_autoptr(CgPerson) person = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (person != NULL)
    open_person (self, person);
}

static CgPersonKind
default_new_kind (CgPeoplePage *self)
{
  if (self->kind_filter >= 0)
    return self->kind_filter;
  if (self->module == NULL || self->module->n_person_kinds == 0)
    return CG_PERSON_RESIDENT;
  /* Most new entries are the people who live here, not staff. */
  for (guint i = 0; i < self->module->n_person_kinds; i++)
    if (self->module->person_kinds[i] != CG_PERSON_STAFF)
      return self->module->person_kinds[i];
  return self->module->person_kinds[0];
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CgPeoplePage *self = CG_PEOPLE_PAGE (widget);
  g_autoptr(CgPerson) person = cg_person_new ();

  cg_person_set_kind (person, default_new_kind (self));
  open_person (self, person);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgPeoplePage *self = CG_PEOPLE_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgPeoplePage *self = CG_PEOPLE_PAGE (widget);

  cg_import_dialog_run (widget, self->store, CG_REGISTER_PEOPLE);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_PEOPLE);
}

/* ---- object --------------------------------------------------------- */

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

static void
cg_people_page_constructed (GObject *object)
{
  CgPeoplePage *self = CG_PEOPLE_PAGE (object);

  G_OBJECT_CLASS (cg_people_page_parent_class)->constructed (object);

  setup_kind_filter (self);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed::person",
                             G_CALLBACK (on_store_changed_cb), self, 0);
  cg_people_page_reload (self);
}

static void
cg_people_page_dispose (GObject *object)
{
  CgPeoplePage *self = CG_PEOPLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_people_page_parent_class)->dispose (object);
}

static void
cg_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgPeoplePage *self = CG_PEOPLE_PAGE (object);

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
cg_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgPeoplePage *self = CG_PEOPLE_PAGE (object);

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
cg_people_page_class_init (CgPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_people_page_constructed;
  object_class->dispose = cg_people_page_dispose;
  object_class->get_property = cg_people_page_get_property;
  object_class->set_property = cg_people_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, kind_box);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, archived_button);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, import_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, show_archived_button);
  gtk_widget_class_bind_template_child (widget_class, CgPeoplePage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_archived_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "people.template", NULL, template_action);
  gtk_widget_class_install_action (widget_class, "people.search", NULL, search_action);
}

static void
cg_people_page_init (CgPeoplePage *self)
{
  GtkShortcutController *shortcuts;
  GtkSingleSelection *selection;
  GtkSorter *sorter;

  self->kind_filter = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);
  self->people = g_list_store_new (CG_TYPE_PERSON);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->people)),
                                          g_object_ref (sorter));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* The toggle inside the menu button is what AT-SPI can press. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->import_menu_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (self->import_menu_button), -1);

  /* Typing anywhere on the page goes to the search field. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* Managed by the window, so the keys work wherever the focus is while
   * the page is shown (a controller on an unmapped widget is skipped). */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, "<Control>n", "people.add");
  add_shortcut (shortcuts, "<Control>i", "people.import");
  add_shortcut (shortcuts, "<Control>f", "people.search");
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

GtkWidget *
cg_people_page_new (CgStore        *store,
                    const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_PEOPLE_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
