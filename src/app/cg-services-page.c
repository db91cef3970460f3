/* cg-services-page.c — the board of halls of a funeral home (治丧服务:
 * FH-5, FH-6, FH-7)
 *
 * One card per service in progress: the deceased, the hall, the start and
 * the time left to the mourning limit (approaching: warning, over: error);
 * a COVID-19 case shows its checklist instead.  Everything is read in a
 * thread with a store of its own.  Beside the board: the register of
 * services (cg-services-register.c); a card or a row opens the service
 * whole (cg-service-detail.c).  The page menu imports services and
 * mourners and records staff protection (FH-2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-import-dialog.h"
#include "cg-page-loader.h"
#include "cg-service.h"
#include "cg-service-detail.h"
#include "cg-service-dialogs.h"
#include "cg-services-charts.h"
#include "cg-services-page.h"
#include "cg-services-register.h"
#include "cg-validate.h"
#include "cg-widgets.h"

struct _CgServicesPage
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;
  CgPageLoader   *loader;

  GPtrArray      *cards;      /* CardInfo*, as shown */

  AdwToastOverlay *toast_overlay;
  GtkWidget      *view_buttons[3];   /* halls, register, charts */
  GtkStack       *view_stack;
  GtkStack       *tools_stack;
  CgServicesRegister *register_view;
  CgServicesCharts *charts_view;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkFlowBox     *board;
};

G_DEFINE_FINAL_TYPE (CgServicesPage, cg_services_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_MODULE, N_PROPS };
static GParamSpec *properties[N_PROPS];


typedef struct
{
  CgService       *service;
  CgMourningState  state;
  gint64           minutes_left;
  guint            steps_done;
  int              mourners;
  int              refused;
} CardInfo;

static void
card_info_free (CardInfo *info)
{
  cg_service_free (info->service);
  g_free (info);
}

static GtkWindow *
get_parent_window (CgServicesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_dialog_done_cb (const char *message,
                   gpointer    user_data)
{
  CgServicesPage *self = user_data;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (message == NULL)
    return;
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- loading (in a thread: cg-page-loader.c) ---------------------------- */

static gpointer
load_cards (CgStore        *store,
            const CgModule *module,
            const CgPolicy *policy,
            const GDate    *today,
            gpointer        input,
            GError        **error)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_info_free);
  g_autofree char *now = cg_datetime_now_utc ();
  GError *local_error = NULL;
  CgRiskLevel risk;

  risk = cg_service_area_risk (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  services = cg_service_list_open (store, error);
  if (services == NULL)
    return NULL;
  for (guint i = 0; i < services->len; i++)
    {
      CgService *service = g_ptr_array_index (services, i);
      CardInfo *info = g_new0 (CardInfo, 1);

      info->service = cg_service_copy (service);
      info->state = cg_service_mourning_state (policy, risk, service, now, &info->minutes_left);
      g_ptr_array_add (cards, info);
      if (service->covid != CG_COVID_NONE)
        {
          g_autoptr(GPtrArray) steps = cg_service_checklist (store, service->id, error);

          if (steps == NULL)
            return NULL;
          for (guint j = 0; j < steps->len; j++)
            if (((CgCovidStepRecord *) g_ptr_array_index (steps, j))->done)
              info->steps_done++;
        }
      else if (!cg_mourner_count_day (store, service->id, today, &info->mourners, &info->refused, error))
        return NULL;
    }
  return g_steal_pointer (&cards);
}

/* ---- the board ---------------------------------------------------------- */

static GtkWidget *
card_label (GtkWidget  *box,
            const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
card_button (GtkWidget      *box,
             CgServicesPage *self,
             const char     *label,
             const char     *name,
             const CgService *service,
             GCallback       callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, name);
  g_object_set_data_full (G_OBJECT (button), "cg-service", cg_service_copy (service),
                          (GDestroyNotify) cg_service_free);
  g_signal_connect (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
on_mourner_clicked_cb (GtkButton      *button,
                       CgServicesPage *self)
{
  cg_service_mourner_dialog (get_parent_window (self), self->store, self->module,
                             g_object_get_data (G_OBJECT (button), "cg-service"), on_dialog_done_cb, self);
}

static void
on_close_clicked_cb (GtkButton      *button,
                     CgServicesPage *self)
{
  cg_service_close_dialog (get_parent_window (self), self->store,
                           g_object_get_data (G_OBJECT (button), "cg-service"), on_dialog_done_cb, self);
}

static void
on_checklist_clicked_cb (GtkButton      *button,
                         CgServicesPage *self)
{
  cg_service_checklist_dialog (get_parent_window (self), self->store,
                               g_object_get_data (G_OBJECT (button), "cg-service"), on_dialog_done_cb, self);
}

static void
on_details_clicked_cb (GtkButton      *button,
                       CgServicesPage *self)
{
  const CgService *service = g_object_get_data (G_OBJECT (button), "cg-service");

  cg_service_detail_new (get_parent_window (self), self->store, self->module, service->id,
                         on_dialog_done_cb, self);
}

static GtkWidget *
card_new (CgServicesPage *self,
          const CardInfo *info)
{
  const CgService *service = info->service;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title;
  GtkWidget *pill;
  g_autofree char *masked = cg_mask_id_number (service->deceased_id_number);
  g_autofree char *start = cg_datetime_utc_to_local (service->started_at);
  g_autofree char *end = cg_datetime_utc_to_local (service->planned_end_at);
  g_autofree char *who = g_strdup_printf ("%s · %s", service->deceased_name, masked);
  g_autofree char *when = NULL;
  g_autofree char *left = NULL;
  g_autofree char *pill_text = NULL;
  g_autofree char *name = NULL;
  const char *state_class;

  gtk_widget_set_size_request (card, 300, -1);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "cg-service-card");

  title = card_label (top, *service->hall != '\0' ? service->hall : _("No hall"), "title-3");
  gtk_widget_set_hexpand (title, TRUE);
  switch (info->state)
    {
    case CG_MOURNING_NONE:
      state_class = "covid";
      /* Translators: %s is 疑似 or 确诊 */
      pill_text = g_strdup_printf (_("COVID-19: %s"), cg_covid_status_label (service->covid));
      break;
    case CG_MOURNING_OVER:
      state_class = "over";
      pill_text = g_strdup (_("Over the limit"));
      break;
    case CG_MOURNING_APPROACHING:
      state_class = "approaching";
      pill_text = g_strdup (_("Approaching the limit"));
      break;
    case CG_MOURNING_WITHIN:
    default:
      state_class = "within";
      pill_text = g_strdup (_("Within the limit"));
      break;
    }
  gtk_widget_add_css_class (card, state_class);
  pill = card_label (top, pill_text, "cg-service-pill");
  gtk_widget_add_css_class (pill, state_class);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), top);

  card_label (card, who, "heading");
  /* Translators: %s is a local time */
  when = g_strdup_printf (_("Started %s"), start);
  card_label (card, when, "dim-label");

  if (info->state == CG_MOURNING_NONE)
    {
      /* Translators: %u of %u steps of the FH-7 checklist */
      g_autofree char *steps = g_strdup_printf (_("Checklist: %u of %u steps done"),
                                                info->steps_done, (guint) CG_N_COVID_STEPS);

      card_label (card, steps, info->steps_done < CG_N_COVID_STEPS ? "error" : "success");
      card_label (card, _("No mourning period, mourners or ceremony (FH-7)"), "dim-label");
    }
  else
    {
      g_autofree char *span = cg_service_format_duration (ABS (info->minutes_left));
      g_autofree char *limit = NULL;
      g_autofree char *mourners = NULL;

      if (info->minutes_left >= 0)
        /* Translators: %s is a duration */
        left = g_strdup_printf (_("%s left of the mourning limit"), span);
      else
        /* Translators: %s is a duration */
        left = g_strdup_printf (_("Over the mourning limit by %s"), span);
      card_label (card, left, info->state == CG_MOURNING_OVER ? "error"
                              : info->state == CG_MOURNING_APPROACHING ? "warning" : NULL);
      /* Translators: %s is a local time */
      limit = g_strdup_printf (C_("service", "Planned end %s"), end);
      card_label (card, limit, "dim-label");
      /* Translators: mourners admitted and refused today */
      mourners = g_strdup_printf (_("Mourners today: %d admitted, %d refused"), info->mourners, info->refused);
      card_label (card, mourners, "dim-label");
      if (info->mourners > CG_GATHERING_PLAN_THRESHOLD)
        {
          /* Translators: %d is the threshold of a gathering, 50 */
          g_autofree char *plan = g_strdup_printf (_("More than %d mourners today: a prevention plan is needed (FH-6)"),
                                                   CG_GATHERING_PLAN_THRESHOLD);

          card_label (card, plan, "warning");
        }
      if (service->ceremony)
        card_label (card, _("Farewell ceremony planned"), "dim-label");
    }

  gtk_widget_set_margin_top (buttons, 6);
  if (service->covid != CG_COVID_NONE)
    {
      /* Translators: %s is the deceased's name */
      name = g_strdup_printf (_("COVID-19 checklist of %s"), service->deceased_name);
      gtk_widget_add_css_class (card_button (buttons, self, _("Checklist…"), name, service,
                                             G_CALLBACK (on_checklist_clicked_cb)), "suggested-action");
      g_clear_pointer (&name, g_free);
    }
  else
    {
      /* Translators: %s is the deceased's name */
      name = g_strdup_printf (_("Register a mourner for %s"), service->deceased_name);
      card_button (buttons, self, _("Register Mourner…"), name, service, G_CALLBACK (on_mourner_clicked_cb));
      g_clear_pointer (&name, g_free);
    }
  /* Translators: %s is the deceased's name */
  name = g_strdup_printf (_("Close the service of %s"), service->deceased_name);
  card_button (buttons, self, _("Close Service…"), name, service, G_CALLBACK (on_close_clicked_cb));
  g_clear_pointer (&name, g_free);
  /* Translators: %s is the deceased's name */
  name = g_strdup_printf (_("Details of the service of %s"), service->deceased_name);
  card_button (buttons, self, _("Details…"), name, service, G_CALLBACK (on_details_clicked_cb));
  gtk_box_append (GTK_BOX (card), buttons);
  return card;
}

static void
board_refresh (CgServicesPage *self)
{
  GtkWidget *child;
  guint approaching = 0, over = 0, covid = 0;
  g_autofree char *summary = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->board))) != NULL)
    gtk_flow_box_remove (self->board, child);
  for (guint i = 0; i < self->cards->len; i++)
    {
      CardInfo *info = g_ptr_array_index (self->cards, i);

      gtk_flow_box_append (self->board, card_new (self, info));
      approaching += info->state == CG_MOURNING_APPROACHING;
      over += info->state == CG_MOURNING_OVER;
      covid += info->state == CG_MOURNING_NONE;
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service in progress", "%u services in progress",
                                          self->cards->len), self->cards->len);
  g_string_append (detail, summary);
  if (approaching > 0)
    /* Translators: appended to the count of services */
    g_string_append_printf (detail, _(" · %u approaching the limit"), approaching);
  if (over > 0)
    /* Translators: appended to the count of services */
    g_string_append_printf (detail, _(" · %u over the limit"), over);
  if (covid > 0)
    /* Translators: appended to the count of services */
    g_string_append_printf (detail, _(" · %u COVID-19"), covid);
  gtk_label_set_text (self->summary_label, detail->str);
}

static void
on_loading_cb (GtkWidget *page,
               gboolean   first)
{
  CgServicesPage *self = CG_SERVICES_PAGE (page);

  if (first)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
}

static void
on_loaded_cb (GtkWidget    *page,
              gpointer      output,
              const GError *error)
{
  CgServicesPage *self = CG_SERVICES_PAGE (page);
  GPtrArray *cards = output;

  gtk_spinner_stop (self->spinner);
  if (cards == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  self->cards = cards;
  board_refresh (self);
  gtk_stack_set_visible_child_name (self->stack, cards->len > 0 ? "content" : "empty");
}

/* The register and the charts read again, now when shown or once they are. */
static void
on_settled_cb (GtkWidget *page)
{
  CgServicesPage *self = CG_SERVICES_PAGE (page);

  cg_services_register_reload (self->register_view);
  cg_services_charts_reload (self->charts_view);
}

static const CgPageLoaderFuncs loader_funcs = {
  .load = load_cards,
  .loaded = on_loaded_cb,
  .output_free = (GDestroyNotify) g_ptr_array_unref,
  .begin = on_loading_cb,
  .settled = on_settled_cb,
};

static void
cg_services_page_map (GtkWidget *widget)
{
  CgServicesPage *self = CG_SERVICES_PAGE (widget);

  GTK_WIDGET_CLASS (cg_services_page_parent_class)->map (widget);
  if (self->loader != NULL)
    cg_page_loader_mapped (self->loader);
}

static void
on_new_service_clicked_cb (CgServicesPage *self)
{
  cg_service_new_dialog (get_parent_window (self), self->store, self->module, on_dialog_done_cb, self);
}

/* ---- the widget --------------------------------------------------------- */

static const char * const view_names[] = { "halls", "register", "charts" };

static void
on_view_toggled_cb (CgServicesPage *self)
{
  guint view = 0;

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->view_buttons[i])))
      view = i;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), view_names[view]) == 0)
    return;
  cg_stack_show_only (self->view_stack, view_names[view]);
  cg_stack_show_only (self->tools_stack, view_names[view]);
}

static void
import_services_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cg_import_dialog_run (widget, CG_SERVICES_PAGE (widget)->store, CG_REGISTER_SERVICES);
}

static void
import_mourners_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cg_import_dialog_run (widget, CG_SERVICES_PAGE (widget)->store, CG_REGISTER_MOURNERS);
}

static void
template_services_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_SERVICES);
}

static void
template_mourners_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_MOURNERS);
}

static void
protection_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgServicesPage *self = CG_SERVICES_PAGE (widget);

  cg_service_protection_dialog (get_parent_window (self), self->store, NULL, on_dialog_done_cb, self);
}

static GMenuModel *
more_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) records = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();

  g_menu_append (records, _("Record Staff Protection…"), "services.protection");
  g_menu_append (files, _("Import Services…"), "services.import-services");
  g_menu_append (files, _("Import Mourners…"), "services.import-mourners");
  g_menu_append (files, _("Download Services Template…"), "services.template-services");
  g_menu_append (files, _("Download Mourners Template…"), "services.template-mourners");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (records));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));
  return G_MENU_MODEL (menu);
}

static void
build (CgServicesPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *views = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *new_button = gtk_button_new_with_label (_("New Service…"));
  GtkWidget *more = gtk_menu_button_new ();
  GtkWidget *halls = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *spinner_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *error_page = cg_status_page_new ("dialog-error-symbolic", _("Could Not Load the Services"), NULL);
  g_autoptr(GMenuModel) menu = more_menu_new ();
  const char *view_labels[] = { N_("Halls"), N_("Register"), N_("Charts") };
  const char *view_tips[] = { N_("The services in progress, hall by hall, against the mourning limit"),
                              N_("Every service registered, newest first"),
                              N_("Services per day and their mourning periods against the limit; hall "
                                 "disinfections against the minimum of two a day") };

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));
  adw_toast_overlay_set_child (self->toast_overlay, box);

  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_widget_add_css_class (views, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      self->view_buttons[i] = gtk_toggle_button_new_with_label (_(view_labels[i]));
      gtk_widget_set_tooltip_text (self->view_buttons[i], _(view_tips[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->view_buttons[i]),
                                     GTK_TOGGLE_BUTTON (self->view_buttons[0]));
      gtk_box_append (GTK_BOX (views), self->view_buttons[i]);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->view_buttons[0]), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    g_signal_connect_swapped (self->view_buttons[i], "toggled", G_CALLBACK (on_view_toggled_cb), self);
  gtk_box_append (GTK_BOX (toolbar), views);

  self->tools_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->tools_stack), TRUE);
  gtk_stack_set_hhomogeneous (self->tools_stack, FALSE);
  {
    GtkWidget *hall_tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    self->summary_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->summary_label, 0.0);
    gtk_label_set_wrap (self->summary_label, TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
    gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
    gtk_box_append (GTK_BOX (hall_tools), GTK_WIDGET (self->summary_label));
    gtk_accessible_update_property (GTK_ACCESSIBLE (new_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("New Service…"), -1);
    gtk_widget_set_tooltip_text (new_button, _("Register a service: the deceased, the family, the hall (FH-5)"));
    gtk_widget_add_css_class (new_button, "suggested-action");
    g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (on_new_service_clicked_cb), self);
    gtk_box_append (GTK_BOX (hall_tools), new_button);
    gtk_stack_add_named (self->tools_stack, hall_tools, "halls");
  }
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->tools_stack));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
  gtk_widget_set_tooltip_text (more, _("Staff Protection, Import and Templates"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More Service Actions"), -1);
  gtk_box_append (GTK_BOX (toolbar), more);
  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->view_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view_stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view_stack));

  /* The board of halls. */
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->spinner), 32, 32);
  gtk_widget_set_valign (spinner_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (spinner_box), GTK_WIDGET (self->spinner));
  gtk_stack_add_named (self->stack, spinner_box, "loading");
  self->error_page = ADW_STATUS_PAGE (error_page);
  gtk_stack_add_named (self->stack, error_page, "error");
  gtk_stack_add_named (self->stack,
                       cg_status_page_new ("view-grid-symbolic", _("No Services in Progress"),
                                        _("Every hall is free. Use “New Service…” to register a deceased and open "
                                          "a service in a hall.")),
                       "empty");

  self->board = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->board, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->board, TRUE);
  gtk_flow_box_set_max_children_per_line (self->board, 4);
  gtk_flow_box_set_column_spacing (self->board, 12);
  gtk_flow_box_set_row_spacing (self->board, 12);
  gtk_widget_set_valign (GTK_WIDGET (self->board), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->board), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->board), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->board), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->board), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->board), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Halls in use"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->board));
  gtk_stack_add_named (self->stack, scroller, "content");
  gtk_box_append (GTK_BOX (halls), GTK_WIDGET (self->stack));
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_stack_add_named (self->view_stack, halls, "halls");
}

/* The views that need the store, once it is set. */
static void
build_views (CgServicesPage *self)
{
  GtkWidget *search;

  self->register_view = CG_SERVICES_REGISTER (cg_services_register_new (self->store, self->module));
  gtk_stack_add_named (self->view_stack, GTK_WIDGET (self->register_view), "register");
  search = cg_services_register_get_search (self->register_view);
  gtk_widget_set_hexpand (search, TRUE);
  gtk_stack_add_named (self->tools_stack, search, "register");
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    /* The charts load once shown: the widget reads on map. */
    self->charts_view = CG_SERVICES_CHARTS (cg_services_charts_new (self->store, self->module));
    gtk_widget_set_margin_start (GTK_WIDGET (self->charts_view), 18);
    gtk_widget_set_margin_end (GTK_WIDGET (self->charts_view), 18);
    gtk_widget_set_margin_top (GTK_WIDGET (self->charts_view), 12);
    gtk_widget_set_margin_bottom (GTK_WIDGET (self->charts_view), 18);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->charts_view));
    gtk_stack_add_named (self->view_stack, scroller, "charts");
    gtk_stack_add_named (self->tools_stack, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0), "charts");
  }
  cg_stack_show_only (self->view_stack, "halls");
  cg_stack_show_only (self->tools_stack, "halls");
}

static void
cg_services_page_constructed (GObject *object)
{
  CgServicesPage *self = CG_SERVICES_PAGE (object);
  static const char * const tables[] = { "service", "mourner", "covid_step", "disinfection", "policy",
                                         "institution", "protection", NULL };

  G_OBJECT_CLASS (cg_services_page_parent_class)->constructed (object);
  if (self->module == NULL)
    self->module = &cg_module_funeral_home;
  if (self->store != NULL)
    {
      build_views (self);
      self->loader = cg_page_loader_new (GTK_WIDGET (self), self->store, self->module, &loader_funcs, tables);
    }
}

static void
cg_services_page_dispose (GObject *object)
{
  CgServicesPage *self = CG_SERVICES_PAGE (object);

  g_clear_pointer (&self->loader, cg_page_loader_free);
  G_OBJECT_CLASS (cg_services_page_parent_class)->dispose (object);
}

static void
cg_services_page_finalize (GObject *object)
{
  CgServicesPage *self = CG_SERVICES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  G_OBJECT_CLASS (cg_services_page_parent_class)->finalize (object);
}

static void
cg_services_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgServicesPage *self = CG_SERVICES_PAGE (object);

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
cg_services_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgServicesPage *self = CG_SERVICES_PAGE (object);

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
cg_services_page_class_init (CgServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_services_page_constructed;
  object_class->dispose = cg_services_page_dispose;
  object_class->finalize = cg_services_page_finalize;
  object_class->get_property = cg_services_page_get_property;
  object_class->set_property = cg_services_page_set_property;
  widget_class->map = cg_services_page_map;

  gtk_widget_class_install_action (widget_class, "services.import-services", NULL, import_services_action);
  gtk_widget_class_install_action (widget_class, "services.import-mourners", NULL, import_mourners_action);
  gtk_widget_class_install_action (widget_class, "services.template-services", NULL, template_services_action);
  gtk_widget_class_install_action (widget_class, "services.template-mourners", NULL, template_mourners_action);
  gtk_widget_class_install_action (widget_class, "services.protection", NULL, protection_action);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_services_page_init (CgServicesPage *self)
{
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_info_free);
  build (self);
}

GtkWidget *
cg_services_page_new (CgStore        *store,
                      const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_SERVICES_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}

void
cg_services_page_show_service (CgServicesPage *self,
                               gint64          service_id)
{
  g_return_if_fail (CG_IS_SERVICES_PAGE (self));

  cg_service_detail_new (get_parent_window (self), self->store, self->module, service_id,
                         on_dialog_done_cb, self);
}
