/* cg-services-register.c — the register of funeral services (治丧登记),
 * newest first, searchable; a row opens the service
 *
 * The newest services (at most REGISTER_LIMIT) are read through the page
 * loader (a thread with a store of its own), each judged against the
 * mourning limit of the area's risk level (FH-5): at its end when it has
 * ended, now when not.  It reads when shown, and again when the search
 * changes or the page says the store did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-page-loader.h"
#include "cg-service-detail.h"
#include "cg-services-register.h"
#include "cg-widgets.h"

#define REGISTER_LIMIT 200

struct _CgServicesRegister
{
  GtkBox          parent_instance;

  CgStore        *store;
  const CgModule *module;
  CgPageLoader   *loader;

  GtkWidget      *search;
  GtkWidget      *stack;
  GtkWidget      *list;
  GtkWidget      *count_label;
  GtkWidget      *error_page;
};

G_DEFINE_FINAL_TYPE (CgServicesRegister, cg_services_register, GTK_TYPE_BOX)

typedef struct
{
  CgService       *service;
  CgMourningState  state;
  gint64           minutes_left;
} Entry;

static void
entry_free (Entry *entry)
{
  cg_service_free (entry->service);
  g_free (entry);
}

/* The search text, as the thread's input. */
static gpointer
load_input_new (GtkWidget *widget)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (CG_SERVICES_REGISTER (widget)->search)));
}

static gpointer
load_thread (CgStore        *store,
             const CgModule *module,
             const CgPolicy *policy,
             const GDate    *today,
             gpointer        input,
             GError        **error)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  GError *local_error = NULL;
  CgRiskLevel risk;

  risk = cg_service_area_risk (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  services = cg_service_search (store, input, REGISTER_LIMIT, error);
  if (services == NULL)
    return NULL;
  for (guint i = 0; i < services->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->service = cg_service_copy (g_ptr_array_index (services, i));
      entry->state = cg_service_mourning_state (policy, risk, entry->service, NULL, &entry->minutes_left);
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

static void
on_detail_done_cb (const char *message,
                   gpointer    user_data)
{
}

static void
on_row_activated_cb (GtkListBox         *list,
                     GtkListBoxRow      *row,
                     CgServicesRegister *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cg-service-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  cg_service_detail_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->module, id,
                         on_detail_done_cb, self);
}

static GtkWidget *
row_new (const Entry *entry)
{
  const CgService *service = entry->service;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  g_autofree char *title = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, service->id);
  g_autofree char *started = cg_datetime_utc_to_local (service->started_at);
  g_autofree char *subtitle = NULL;
  const char *badge_text;
  const char *badge_class;

  /* Translators: service number, the deceased's name and the hall */
  title = g_strdup_printf (_("No. %s · %s · %s"), number, service->deceased_name,
                           *service->hall != '\0' ? service->hall : _("No hall"));
  if (service->ended_at != NULL)
    {
      g_autofree char *ended = cg_datetime_utc_to_local (service->ended_at);

      /* Translators: start and end of a service, local times */
      subtitle = g_strdup_printf (_("%s to %s"), started, ended);
    }
  else
    /* Translators: %s is a local time */
    subtitle = g_strdup_printf (_("Since %s, in progress"), started);

  switch (entry->state)
    {
    case CG_MOURNING_NONE:
      badge_text = service->covid == CG_COVID_CONFIRMED ? _("COVID-19: confirmed") : _("COVID-19: suspected");
      badge_class = "error";
      break;
    case CG_MOURNING_OVER:
      badge_text = _("Over the limit");
      badge_class = "error";
      break;
    case CG_MOURNING_APPROACHING:
      badge_text = service->ended_at != NULL ? _("Within the limit") : _("Approaching the limit");
      badge_class = service->ended_at != NULL ? "dim-label" : "warning";
      break;
    case CG_MOURNING_WITHIN:
    default:
      badge_text = _("Within the limit");
      badge_class = "dim-label";
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  badge = gtk_label_new (badge_text);
  gtk_widget_add_css_class (badge, badge_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "cg-service-id", GSIZE_TO_POINTER ((gsize) service->id));
  return row;
}

static void
on_loaded_cb (GtkWidget    *widget,
              gpointer      output,
              const GError *error)
{
  CgServicesRegister *self = CG_SERVICES_REGISTER (widget);
  g_autoptr(GPtrArray) entries = output;
  g_autofree char *count = NULL;
  GtkWidget *child;

  if (entries == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      return;
    }
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), row_new (g_ptr_array_index (entries, i)));
  if (entries->len >= REGISTER_LIMIT)
    /* Translators: %u is the number shown */
    count = g_strdup_printf (_("The newest %u services; search by name, ID number or service number to find "
                               "older ones."), entries->len);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", entries->len),
                             entries->len);
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), entries->len > 0 ? "list" : "empty");
}

static const CgPageLoaderFuncs loader_funcs = {
  .load = load_thread,
  .loaded = on_loaded_cb,
  .input_new = load_input_new,
  .input_free = g_free,
  .output_free = (GDestroyNotify) g_ptr_array_unref,
};

void
cg_services_register_reload (CgServicesRegister *self)
{
  g_return_if_fail (CG_IS_SERVICES_REGISTER (self));

  cg_page_loader_reload (self->loader);
}

static void
on_search_changed_cb (CgServicesRegister *self)
{
  cg_page_loader_load (self->loader);
}

static void
cg_services_register_map (GtkWidget *widget)
{
  CgServicesRegister *self = CG_SERVICES_REGISTER (widget);

  GTK_WIDGET_CLASS (cg_services_register_parent_class)->map (widget);
  cg_page_loader_mapped (self->loader);
}

GtkWidget *
cg_services_register_get_search (CgServicesRegister *self)
{
  g_return_val_if_fail (CG_IS_SERVICES_REGISTER (self), NULL);

  return self->search;
}

static void
cg_services_register_dispose (GObject *object)
{
  CgServicesRegister *self = CG_SERVICES_REGISTER (object);

  g_clear_pointer (&self->loader, cg_page_loader_free);
  G_OBJECT_CLASS (cg_services_register_parent_class)->dispose (object);
}

static void
cg_services_register_finalize (GObject *object)
{
  CgServicesRegister *self = CG_SERVICES_REGISTER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->search);
  G_OBJECT_CLASS (cg_services_register_parent_class)->finalize (object);
}

static void
cg_services_register_class_init (CgServicesRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_services_register_dispose;
  object_class->finalize = cg_services_register_finalize;
  GTK_WIDGET_CLASS (klass)->map = cg_services_register_map;
}

static void
cg_services_register_init (CgServicesRegister *self)
{
}

GtkWidget *
cg_services_register_new (CgStore        *store,
                          const CgModule *module)
{
  CgServicesRegister *self;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  self = g_object_new (CG_TYPE_SERVICES_REGISTER, "orientation", GTK_ORIENTATION_VERTICAL, NULL);
  self->store = g_object_ref (store);
  self->module = module != NULL ? module : &cg_module_funeral_home;

  /* The page puts the search entry in its toolbar. */
  self->search = g_object_ref_sink (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Name, ID number, hall or service number"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search services"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb), self);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  self->error_page = cg_status_page_new ("dialog-error-symbolic", _("Could Not Load the Services"), NULL);
  gtk_stack_add_named (GTK_STACK (self->stack), self->error_page, "error");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       cg_status_page_new ("system-search-symbolic", _("No Services Found"),
                                        _("No service matches. Services are registered with “New Service…” "
                                          "or imported from the page menu.")),
                       "empty");

  self->count_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->count_label), TRUE);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_box_append (GTK_BOX (inner), self->count_label);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Register of services"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_box_append (GTK_BOX (inner), self->list);
  gtk_widget_set_margin_start (inner, 18);
  gtk_widget_set_margin_end (inner, 18);
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
  gtk_box_append (GTK_BOX (self), self->stack);
  /* The page says when the store changed (cg_services_register_reload). */
  self->loader = cg_page_loader_new (GTK_WIDGET (self), store, self->module, &loader_funcs, NULL);
  return GTK_WIDGET (self);
}
