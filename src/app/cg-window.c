/* cg-window.c — the main window: first-run setup, then the pages of the module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-checks-page.h"
#include "cg-institution.h"
#include "cg-institution-dialog.h"
#include "cg-module.h"
#include "cg-people-page.h"
#include "cg-person.h"
#include "cg-person-dialog.h"
#include "cg-reports-page.h"
#include "cg-setup-page.h"
#include "cg-visitors-page.h"
#include "cg-rooms-page.h"
#include "cg-services-page.h"
#include "cg-hygiene-page.h"
#include "cg-supplies-page.h"
#include "cg-tests-page.h"
#include "cg-today-page.h"
#include "cg-window.h"
#include "cg-widgets.h"

#define SETTINGS_SCHEMA "org.example.CareGuard"

struct _CgWindow
{
  AdwApplicationWindow  parent_instance;

  CgStore              *store;
  GSettings            *settings;
  CgInstitution        *institution;
  const CgModule       *module;
  gboolean              configured;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *mode_stack;
  AdwBin               *setup_bin;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  AdwWindowTitle       *window_title;
  GtkButton            *risk_button;
  GtkLabel             *risk_label;
  GtkStack             *content_stack;
};

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONFIGURED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages the program has, in sidebar order; a module picks among them. */
typedef struct
{
  CgPageFlags  flag;
  const char  *id;
  const char  *title;
  const char  *icon_name;
  GtkWidget *(*create) (CgStore *store, const CgModule *module);
} PageInfo;

static const PageInfo page_infos[] = {
  { CG_PAGE_TODAY, "today", N_("Today"), "go-home-symbolic", cg_today_page_new },
  { CG_PAGE_SERVICES, "services", N_("Funeral Services"), "view-grid-symbolic", cg_services_page_new },
  { CG_PAGE_CHECKS, "checks", N_("Temperature Checks"), "checkbox-checked-symbolic", cg_checks_page_new },
  { CG_PAGE_TESTS, "tests", N_("Nucleic-Acid Tests"), "applications-science-symbolic", cg_tests_page_new },
  { CG_PAGE_VISITORS, "visitors", N_("Visitors"), "avatar-default-symbolic", cg_visitors_page_new },
  { CG_PAGE_ROOMS, "rooms", N_("Isolation Rooms"), "view-grid-symbolic", cg_rooms_page_new },
  { CG_PAGE_HYGIENE, "hygiene", N_("Disinfection & Training"), "edit-clear-all-symbolic", cg_hygiene_page_new },
  { CG_PAGE_SUPPLIES, "supplies", N_("Protective Supplies"), "package-x-generic-symbolic", cg_supplies_page_new },
  { CG_PAGE_PEOPLE, "people", N_("People"), "system-users-symbolic", cg_people_page_new },
  { CG_PAGE_REPORTS, "reports", N_("Reports"), "x-office-spreadsheet-symbolic", cg_reports_page_new },
};

static const char * const risk_classes[CG_N_RISKS] = {
  "risk-low", "risk-medium", "risk-high",
};

static void
remove_all_pages (CgWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack))) != NULL)
    gtk_stack_remove (self->content_stack, child);
}

static GtkWidget *
sidebar_row_new (const PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (info->icon_name);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}

static void
person_dialog_done_cb (CgPersonDialog *dialog,
                       const char     *message,
                       CgWindow       *self)
{
  if (message != NULL && *message != '\0')
    cg_window_add_toast (self, message);
}

/* Records that belong to one person, and how to find that person.  There
 * is no core call that loads one check or test by id, and the person is
 * all the window needs to open. */
static const struct
{
  const char *kind;
  const char *sql;
} record_owners[] = {
  { "health_check", "SELECT person_id FROM health_check WHERE id = ?" },
  { "nat_test", "SELECT person_id FROM nat_test WHERE id = ?" },
};

/* Finds the person record @kind @id concerns: FALSE when the window does
 * not open records of that kind; otherwise TRUE with *person_id set (0
 * when the record is gone), or TRUE with @error set when the database fails. */
static gboolean
person_of_record (CgWindow    *self,
                  const char  *kind,
                  gint64       id,
                  gint64      *person_id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *person_id = 0;
  if (g_strcmp0 (kind, "person") == 0)
    {
      *person_id = id;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (record_owners); i++)
    {
      if (g_strcmp0 (kind, record_owners[i].kind) != 0)
        continue;
      stmt = cg_store_prepare (self->store, record_owners[i].sql, error);
      if (stmt == NULL)
        return TRUE;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *person_id = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        cg_store_set_error (self->store, error, rc);
      sqlite3_reset (stmt);
      return TRUE;
    }

  return FALSE;
}

/* A funeral service's alert (FH-5, FH-7 …) opens the service itself. */
static void
open_service (GtkWidget *page,
              gint64     id)
{
  cg_services_page_show_service (CG_SERVICES_PAGE (page), id);
}

/* Records that live on a page of their own rather than with a person:
 * the alert shows that page, and the record there when the page can
 * open it (@open). */
static const struct
{
  const char *kind;
  const char *page;
  void      (*open) (GtkWidget *page,
                     gint64     id);
} record_pages[] = {
  { "visit", "visitors" },
  { "room", "rooms" },
  { "stay", "rooms" },
  { "screening", "rooms" },
  { "service", "services", open_service },
  { "mourner", "services" },
  { "covid_step", "services" },
  { "protection", "services" },
  { "disinfection", "hygiene" },
  { "training", "hygiene" },
  { "stock_item", "supplies" },
};

/* Selects the sidebar row of page @id; FALSE when the module has no such page. */
static gboolean
select_page (CgWindow   *self,
             const char *id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), id) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, row);
          adw_leaflet_set_visible_child (self->leaflet, self->content_box);
          return TRUE;
        }
    }
}

/* "open-record" from the Today page: an alert opens the person it is
 * about, or the page that keeps its record. */
static void
open_record_cb (GtkWidget  *page,
                const char *kind,
                gint64      id,
                CgWindow   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgPerson) person = NULL;
  CgPersonDialog *dialog;
  gint64 person_id;

  if (self->module == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (record_pages); i++)
    if (g_strcmp0 (kind, record_pages[i].kind) == 0 && select_page (self, record_pages[i].page))
      {
        if (record_pages[i].open != NULL)
          record_pages[i].open (gtk_stack_get_child_by_name (self->content_stack, record_pages[i].page), id);
        return;
      }

  if (!person_of_record (self, kind, id, &person_id, &error))
    {
      g_debug ("The window opens no record of kind “%s”", kind);
      return;
    }
  if (error == NULL && person_id > 0)
    person = cg_person_load (self->store, person_id, &error);
  if (person == NULL)
    {
      cg_window_add_toast (self, error != NULL ? error->message
                                               : _("The record no longer exists"));
      return;
    }

  dialog = cg_person_dialog_new (GTK_WINDOW (self), self->store, self->module, person);
  g_signal_connect_object (dialog, "done", G_CALLBACK (person_dialog_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_pages (CgWindow *self)
{
  GtkListBoxRow *first;

  remove_all_pages (self);
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      const PageInfo *info = &page_infos[i];
      GtkWidget *page;

      if ((self->module->pages & info->flag) == 0)
        continue;
      page = info->create (self->store, self->module);
      /* Only the Today page opens records, and only once it emits them. */
      if (g_signal_lookup ("open-record", G_OBJECT_TYPE (page)) != 0)
        g_signal_connect_object (page, "open-record",
                                 G_CALLBACK (open_record_cb), self, 0);
      gtk_stack_add_titled (self->content_stack, page, info->id, _(info->title));
      gtk_list_box_append (self->sidebar_list, sidebar_row_new (info));
    }

  first = gtk_list_box_get_row_at_index (self->sidebar_list, 0);
  if (first != NULL)
    {
      gtk_list_box_select_row (self->sidebar_list, first);
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
update_header (CgWindow *self)
{
  CgRiskLevel risk = self->institution->risk;
  g_autofree char *tooltip = NULL;

  adw_window_title_set_title (self->window_title, self->institution->name);
  adw_window_title_set_subtitle (self->window_title,
                                 cg_institution_kind_label (self->institution->kind));

  gtk_label_set_text (self->risk_label, cg_risk_level_label (risk));
  for (guint i = 0; i < CG_N_RISKS; i++)
    {
      if (i == (guint) risk)
        gtk_widget_add_css_class (GTK_WIDGET (self->risk_button), risk_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->risk_button), risk_classes[i]);
    }
  tooltip = g_strdup_printf (_("Area risk level: %s. Click to change it."),
                             cg_risk_level_label (risk));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->risk_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->risk_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, cg_risk_level_label (risk),
                                  -1);
}

static void
set_configured (CgWindow *self,
                gboolean  configured)
{
  if (self->configured == configured)
    return;
  self->configured = configured;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", configured);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIGURED]);
}

static void
show_load_error (CgWindow     *self,
                 const GError *error)
{
  /* The description is markup; the message is plain text. */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  cg_stack_show_only (self->mode_stack, "error");
  set_configured (self, FALSE);
}

static void setup_completed_cb (CgWindow *self);

static void
show_setup (CgWindow *self)
{
  GtkWidget *setup = cg_setup_page_new (self->store);

  g_signal_connect_object (setup, "completed",
                           G_CALLBACK (setup_completed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->setup_bin, setup);
  cg_stack_show_only (self->mode_stack, "setup");
  set_configured (self, FALSE);
}

/* Reads the profile and shows what fits: setup, the pages, or an error.
 * Pages are rebuilt only when the module changes, so they keep their state. */
static void
reload (CgWindow *self)
{
  g_autoptr(GError) error = NULL;
  CgInstitution *inst;
  const CgModule *module;

  inst = cg_institution_load (self->store, &error);
  if (inst == NULL)
    {
      g_clear_pointer (&self->institution, cg_institution_free);
      self->module = NULL;
      if (error != NULL)
        show_load_error (self, error);
      else if (adw_bin_get_child (self->setup_bin) == NULL)
        show_setup (self);
      return;
    }

  g_clear_pointer (&self->institution, cg_institution_free);
  self->institution = inst;
  module = cg_module_for_kind (inst->kind);
  if (module != self->module)
    {
      self->module = module;
      build_pages (self);
    }
  update_header (self);

  if (!self->configured)
    {
      /* The setup form stays in its hidden page: this may run inside its
       * own "Create" handler, which must not see it finalized. */
      cg_stack_show_only (self->mode_stack, "main");
      set_configured (self, TRUE);
    }
}

static void
setup_completed_cb (CgWindow *self)
{
  g_autofree char *message = NULL;

  reload (self);
  if (self->institution != NULL)
    {
      message = g_strdup_printf (_("“%s” is set up"), self->institution->name);
      cg_window_add_toast (self, message);
    }
}

static void
store_changed_cb (CgStore    *store,
                  const char *table,
                  gpointer    user_data)
{
  reload (CG_WINDOW (user_data));
}

/* Selection (pointer, keyboard or AT-SPI's SelectChild) picks the page;
 * activation also moves a folded leaflet on to it. */
static void
sidebar_row_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         CgWindow      *self)
{
  if (row == NULL)
    return;
  cg_stack_show_only (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
sidebar_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          CgWindow      *self)
{
  sidebar_row_selected_cb (list, row, self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Alt+1 … Alt+9: the page at that place in the sidebar, shown with the
 * keyboard focus in it. */
static void
show_page_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  int position = g_variant_get_int32 (parameter);
  GtkListBoxRow *row;
  GtkWidget *page;

  if (!self->configured || position < 1)
    return;
  row = gtk_list_box_get_row_at_index (self->sidebar_list, position - 1);
  if (row == NULL)
    return;

  gtk_list_box_select_row (self->sidebar_list, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  page = gtk_stack_get_visible_child (self->content_stack);
  if (page != NULL && !gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
back_clicked_cb (GtkButton *button,
                 CgWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
risk_clicked_cb (GtkButton *button,
                 CgWindow  *self)
{
  GtkWidget *dialog;

  if (self->institution == NULL)
    return;
  dialog = cg_institution_dialog_new (self->store, GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
cg_window_close_request (GtkWindow *window)
{
  CgWindow *self = CG_WINDOW (window);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width, height;

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          if (width > 0 && height > 0)
            {
              g_settings_set_int (self->settings, "window-width", width);
              g_settings_set_int (self->settings, "window-height", height);
            }
        }
    }

  return GTK_WINDOW_CLASS (cg_window_parent_class)->close_request (window);
}

static void
restore_size (CgWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
  if (schema == NULL)
    {
      /* Without the schema (an uninstalled build) the window just forgets its size. */
      g_message ("GSettings schema %s not found; the window size is not kept", SETTINGS_SCHEMA);
      return;
    }

  self->settings = g_settings_new (SETTINGS_SCHEMA);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
cg_window_constructed (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  G_OBJECT_CLASS (cg_window_parent_class)->constructed (object);

  restore_size (self);
  g_signal_connect_object (self->store, "changed::institution",
                           G_CALLBACK (store_changed_cb), self, 0);
  reload (self);
}

static void
cg_window_dispose (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->institution, cg_institution_free);

  G_OBJECT_CLASS (cg_window_parent_class)->dispose (object);
}

static void
cg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CONFIGURED:
      g_value_set_boolean (value, self->configured);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cg_window_constructed;
  object_class->dispose = cg_window_dispose;
  object_class->get_property = cg_window_get_property;
  object_class->set_property = cg_window_set_property;
  window_class->close_request = cg_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIGURED] =
    g_param_spec_boolean ("configured", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/CareGuard/cg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, setup_bin);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, risk_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, risk_label);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, risk_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "i", show_page_activated_cb);
  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "i", i + 1);
}

static void
cg_window_init (CgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", FALSE);
}

GtkWidget *
cg_window_new (CgApplication *application,
               CgStore       *store)
{
  g_return_val_if_fail (CG_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

gboolean
cg_window_get_configured (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);
  return self->configured;
}

void
cg_window_add_toast (CgWindow   *self,
                     const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is markup; names may hold '&' or '<'. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}
