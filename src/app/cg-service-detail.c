/* cg-service-detail.c — one funeral service, whole (治丧登记: FH-2, FH-5,
 * FH-6, FH-7)
 *
 * The service's record and where it stands against the mourning limit,
 * its farewell ceremony, its COVID-19 status (marked here, never back:
 * "疑似从有"), its mourners with check-out, the staff protection records
 * of its transport and cremation, and the way to close it.  The window
 * follows the store: whatever another dialog stores shows here at once.
 * One service's records are a handful of indexed rows, read on the main
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-disinfection.h"
#include "cg-disinfection-dialog.h"
#include "cg-service-detail.h"
#include "cg-service-dialogs.h"
#include "cg-validate.h"
#include "cg-visit.h"

typedef struct
{
  CgStore            *store;
  const CgModule     *module;
  gint64              service_id;
  CgService          *service;      /* as last read */
  CgServiceDialogDone done;
  gpointer            user_data;
  GtkWidget          *window;
  GtkWidget          *toast_overlay;
  GtkWidget          *content;      /* rebuilt on every change */
  GtkWidget          *clamp;
  guint               refresh_id;
  gulong              changed_id;
} Detail;

static void detail_fill (Detail *detail);

static void
detail_free (Detail *detail)
{
  g_clear_handle_id (&detail->refresh_id, g_source_remove);
  g_clear_signal_handler (&detail->changed_id, detail->store);
  g_clear_object (&detail->store);
  g_clear_pointer (&detail->service, cg_service_free);
  g_free (detail);
}

static void
toast (Detail     *detail,
       const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *t;

  if (message == NULL)
    return;
  escaped = g_markup_escape_text (message, -1);
  t = adw_toast_new (escaped);
  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (detail->toast_overlay), t);
}

/* A dialog opened from here tells both this window and the page. */
static void
on_dialog_done_cb (const char *message,
                   gpointer    user_data)
{
  Detail *detail = user_data;

  toast (detail, message);
  if (detail->done != NULL)
    detail->done (NULL, detail->user_data);
}

static gboolean
refresh_cb (gpointer user_data)
{
  Detail *detail = user_data;

  detail->refresh_id = 0;
  detail_fill (detail);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (CgStore    *store,
                     const char *table,
                     Detail     *detail)
{
  static const char * const tables[] = { "service", "mourner", "covid_step", "protection", "disinfection" };

  if (!g_strv_contains (tables, table))
    return;
  if (detail->refresh_id == 0)
    detail->refresh_id = g_timeout_add (100, refresh_cb, detail);
}

/* ---- building blocks ----------------------------------------------------- */

static char *
local_time (const char *utc)
{
  return utc != NULL ? cg_datetime_utc_to_local (utc) : g_strdup ("—");
}

static GtkWidget *
group_new (Detail     *detail,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (detail->content), group);
  return group;
}

static GtkWidget *
info_row (GtkWidget  *group,
          const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
action_button (const char *label,
               const char *name)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (g_strcmp0 (label, name) != 0)
    gtk_widget_set_tooltip_text (button, name);
  return button;
}

/* ---- actions ---------------------------------------------------------------- */

static void
on_ceremony_set_cb (GtkSwitch  *button,
                    GParamSpec *pspec,
                    Detail     *detail)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (button);

  if (active == detail->service->ceremony)
    return;
  if (!cg_service_set_ceremony (detail->store, detail->service_id, active, cg_audit_current_user (), &error))
    {
      toast (detail, error->message);
      gtk_switch_set_active (button, detail->service->ceremony);
      return;
    }
  toast (detail, active ? _("Farewell ceremony planned") : _("Farewell ceremony cancelled"));
}

static void
on_covid_response_cb (AdwMessageDialog *message,
                      const char       *response,
                      Detail           *detail)
{
  g_autoptr(GError) error = NULL;
  CgCovidStatus status;
  g_autofree char *text = NULL;

  if (g_str_equal (response, "suspected"))
    status = CG_COVID_SUSPECTED;
  else if (g_str_equal (response, "confirmed"))
    status = CG_COVID_CONFIRMED;
  else
    return;
  if (!cg_service_set_covid (detail->store, detail->service_id, status, cg_audit_current_user (), &error))
    {
      toast (detail, error->message);
      return;
    }
  /* Translators: %s is 疑似 or 确诊 */
  text = g_strdup_printf (_("Marked as a COVID-19 case (%s): the checklist of FH-7 applies"),
                          cg_covid_status_label (status));
  toast (detail, text);
  if (detail->done != NULL)
    detail->done (NULL, detail->user_data);
}

static void
on_mark_covid_clicked_cb (Detail *detail)
{
  GtkWidget *message;
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("A suspected case counts as confirmed (FH-7). The service of %s will have no mourning "
                            "period, no mourners and no farewell ceremony, and its hall is released: disinfect "
                            "it. The remains are handled by the checklist. This cannot be undone."),
                          detail->service->deceased_name);
  message = adw_message_dialog_new (GTK_WINDOW (detail->window), _("Mark as a COVID-19 Case?"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "cancel", _("_Cancel"));
  if (detail->service->covid == CG_COVID_NONE)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "suspected", _("_Suspected"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "suspected",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "confirmed", _("C_onfirmed"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "confirmed", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect (message, "response", G_CALLBACK (on_covid_response_cb), detail);
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_check_out_clicked_cb (GtkButton *button,
                         Detail    *detail)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cg-mourner"));
  const char *name = g_object_get_data (G_OBJECT (button), "cg-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!cg_mourner_check_out (detail->store, id, NULL, cg_audit_current_user (), &error))
    {
      toast (detail, error->message);
      return;
    }
  /* Translators: %s is a mourner's name */
  text = g_strdup_printf (_("%s checked out"), name);
  toast (detail, text);
  if (detail->done != NULL)
    detail->done (NULL, detail->user_data);
}

static void
on_mourner_clicked_cb (Detail *detail)
{
  cg_service_mourner_dialog (GTK_WINDOW (detail->window), detail->store, detail->module, detail->service,
                             on_dialog_done_cb, detail);
}

static void
on_checklist_clicked_cb (Detail *detail)
{
  cg_service_checklist_dialog (GTK_WINDOW (detail->window), detail->store, detail->service,
                               on_dialog_done_cb, detail);
}

static void
on_protection_clicked_cb (Detail *detail)
{
  cg_service_protection_dialog (GTK_WINDOW (detail->window), detail->store, detail->service,
                                on_dialog_done_cb, detail);
}

static void
on_close_clicked_cb (Detail *detail)
{
  cg_service_close_dialog (GTK_WINDOW (detail->window), detail->store, detail->service,
                           on_dialog_done_cb, detail);
}

/* ---- the sections ------------------------------------------------------------ */

static void
on_disinfection_saved_cb (GtkWidget  *dialog,
                          const char *message,
                          Detail     *detail)
{
  toast (detail, message);
  if (detail->done != NULL)
    detail->done (NULL, detail->user_data);
}

static void
on_disinfect_clicked_cb (Detail *detail)
{
  CgDisinfectionDialog *dialog = cg_disinfection_dialog_new (GTK_WINDOW (detail->window), detail->store,
                                                             detail->service->hall);

  g_signal_connect (dialog, "saved", G_CALLBACK (on_disinfection_saved_cb), detail);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* FH-6: the hall's disinfections today against the policy's minimum, and
 * the way to record one (the final one too, before closing). */
static void
add_hall_disinfections (Detail          *detail,
                        GtkWidget       *group,
                        const CgPolicy  *policy)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = action_button (_("Record…"), _("Record a disinfection of the hall…"));
  int required = cg_policy_get_int (policy, CG_POLICY_HALL_DISINFECTIONS_PER_DAY);
  g_autofree char *subtitle = NULL;
  GDate today;
  int count;

  cg_date_today (&today);
  count = cg_disinfection_count_place_day (detail->store, detail->service->hall, &today, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Hall disinfected today"));
  /* Translators: disinfections of the hall today, and the minimum a day */
  subtitle = g_strdup_printf (_("%d of at least %d a day (FH-6)"), MAX (count, 0), required);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (count >= 0 && count < required)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Fewer than the minimum so far"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_disinfect_clicked_cb), detail);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_record (Detail          *detail,
            const CgPolicy  *policy,
            CgRiskLevel      risk)
{
  const CgService *service = detail->service;
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *state;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, service->id);
  g_autofree char *masked = cg_mask_id_number (service->deceased_id_number);
  g_autofree char *deceased = NULL;
  g_autofree char *family = NULL;
  g_autofree char *started = local_time (service->started_at);
  g_autofree char *planned = local_time (service->planned_end_at);
  g_autofree char *ended = local_time (service->ended_at);
  g_autofree char *state_text = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  const char *state_class = NULL;
  gint64 left = 0;

  if (service->phone != NULL && *service->phone != '\0')
    family = g_strdup_printf ("%s · %s", service->family_contact, service->phone);
  else
    family = g_strdup (service->family_contact);

  switch (cg_service_mourning_state (policy, risk, service, now, &left))
    {
    case CG_MOURNING_NONE:
      /* Translators: %s is 疑似 or 确诊 */
      state_text = g_strdup_printf (_("COVID-19 case (%s): no mourning period (FH-7)"),
                                    cg_covid_status_label (service->covid));
      state_class = "error";
      break;
    case CG_MOURNING_OVER:
      {
        g_autofree char *span = cg_service_format_duration (-left);

        /* Translators: %s is a duration */
        state_text = g_strdup_printf (_("Over the mourning limit by %s"), span);
        state_class = "error";
      }
      break;
    case CG_MOURNING_APPROACHING:
    case CG_MOURNING_WITHIN:
    default:
      {
        g_autofree char *span = cg_service_format_duration (left);

        if (service->ended_at != NULL)
          state_text = g_strdup (_("Ended within the mourning limit"));
        else
          /* Translators: %s is a duration */
          state_text = g_strdup_printf (_("%s left of the mourning limit"), span);
        if (service->ended_at == NULL && left < 24 * 60)
          state_class = "warning";
      }
      break;
    }

  state = gtk_label_new (state_text);
  gtk_label_set_wrap (GTK_LABEL (state), TRUE);
  gtk_label_set_xalign (GTK_LABEL (state), 0.0);
  gtk_widget_add_css_class (state, "title-4");
  if (state_class != NULL)
    gtk_widget_add_css_class (state, state_class);
  gtk_box_append (GTK_BOX (detail->content), state);

  group = group_new (detail, _("The Service"), NULL);

  deceased = g_strdup_printf ("%s · %s", service->deceased_name, masked);
  info_row (group, _("Service number"), number);
  info_row (group, _("Deceased"), deceased);
  info_row (group, _("Family contact"), family);
  info_row (group, _("Hall"), service->hall);
  if (*service->hall != '\0' && service->ended_at == NULL)
    add_hall_disinfections (detail, group, policy);
  info_row (group, _("Started"), started);
  info_row (group, C_("service", "Planned end"), planned);
  info_row (group, _("Ended"), service->ended_at != NULL ? ended : _("In progress"));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Farewell ceremony"));
  if (service->covid != CG_COVID_NONE)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not for a suspected or confirmed COVID-19 case (FH-7)"));
  {
    GtkWidget *sw = gtk_switch_new ();

    gtk_switch_set_active (GTK_SWITCH (sw), service->ceremony);
    gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
    gtk_widget_set_sensitive (sw, service->covid == CG_COVID_NONE && service->ended_at == NULL);
    gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Farewell ceremony"), -1);
    g_signal_connect (sw, "notify::active", G_CALLBACK (on_ceremony_set_cb), detail);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static gboolean
add_covid (Detail  *detail,
           GError **error)
{
  const CgService *service = detail->service;
  GtkWidget *group = group_new (detail, _("COVID-19"), _("A suspected case counts as confirmed (FH-7)."));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cg_covid_status_label (service->covid));
  if (service->ended_at == NULL && service->covid != CG_COVID_CONFIRMED)
    {
      GtkWidget *button = service->covid == CG_COVID_SUSPECTED
                          ? action_button (_("Mark as Confirmed…"), _("Mark as a Confirmed COVID-19 Case…"))
                          : action_button (_("Mark as a Case…"), _("Mark as a COVID-19 Case…"));

      gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_mark_covid_clicked_cb), detail);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (service->covid != CG_COVID_NONE)
    {
      g_autoptr(GPtrArray) steps = cg_service_checklist (detail->store, detail->service_id, error);
      g_autoptr(GString) missing = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *button = action_button (_("Checklist…"), _("Open the COVID-19 checklist"));
      guint done = 0;

      if (steps == NULL)
        return FALSE;
      for (guint i = 0; i < steps->len; i++)
        {
          CgCovidStepRecord *record = g_ptr_array_index (steps, i);

          if (record->done)
            done++;
          else
            {
              if (missing->len > 0)
                /* Translators: separates the steps in a list */
                g_string_append (missing, _(", "));
              g_string_append (missing, cg_covid_step_label (record->step));
            }
        }
      row = adw_action_row_new ();
      /* Translators: %u of %u steps of the FH-7 checklist */
      title = g_strdup_printf (_("Checklist: %u of %u steps done"), done, (guint) steps->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (missing->len > 0)
        {
          /* Translators: %s lists the checklist steps not done */
          g_autofree char *subtitle = g_strdup_printf (_("Still to do: %s"), missing->str);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_add_css_class (button, "suggested-action");
        }
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_checklist_clicked_cb), detail);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return TRUE;
}

static gboolean
add_mourners (Detail          *detail,
              const CgPolicy  *policy,
              GError         **error)
{
  const CgService *service = detail->service;
  g_autoptr(GPtrArray) mourners = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *description = NULL;
  GtkWidget *group;
  guint admitted = 0, refused = 0;

  if (service->covid != CG_COVID_NONE)
    return TRUE;
  mourners = cg_mourner_list (detail->store, detail->service_id, error);
  if (mourners == NULL)
    return FALSE;
  for (guint i = 0; i < mourners->len; i++)
    {
      CgMourner *m = g_ptr_array_index (mourners, i);

      admitted += m->refusal == 0;
      refused += m->refusal != 0;
    }
  /* Translators: mourners of one service */
  description = g_strdup_printf (_("%u admitted, %u refused (FH-6)"), admitted, refused);
  group = group_new (detail, _("Mourners"), description);
  if (service->ended_at == NULL)
    {
      GtkWidget *button = action_button (_("Register Mourner…"), _("Register Mourner…"));

      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_mourner_clicked_cb), detail);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  if (mourners->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No mourner registered yet"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; i < mourners->len; i++)
    {
      CgMourner *m = g_ptr_array_index (mourners, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *arrived = local_time (m->arrived_at);
      g_autofree char *subtitle = NULL;
      g_autofree char *temperature = g_strdup_printf ("%.1f ℃", m->temperature);
      GtkWidget *verdict;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name);
      if (m->refusal != 0)
        {
          g_autofree char *reasons = cg_refusal_describe (m->refusal);
          /* Translators: %s lists the reasons */
          g_autofree char *text = g_strdup_printf (_("Refused: %s"), reasons);

          /* Translators: arrival time · temperature · health code */
          subtitle = g_strdup_printf (_("Came %s · %s · %s"), arrived, temperature,
                                      cg_health_code_label (m->health_code));
          verdict = gtk_label_new (text);
          gtk_widget_add_css_class (verdict, "error");
        }
      else
        {
          int minutes = cg_mourner_minutes (m, now);
          g_autofree char *span = cg_service_format_duration (minutes);
          gboolean overstay = cg_mourner_is_overstay (policy, m, now);

          if (m->left_at != NULL)
            {
              g_autofree char *left = local_time (m->left_at);

              /* Translators: arrival time · temperature · health code · departure time (duration) */
              subtitle = g_strdup_printf (_("Came %s · %s · %s · left %s (%s)"), arrived, temperature,
                                          cg_health_code_label (m->health_code), left, span);
              verdict = gtk_label_new (overstay ? _("Stayed too long") : C_("mourner", "Admitted"));
              gtk_widget_add_css_class (verdict, overstay ? "warning" : "dim-label");
            }
          else
            {
              /* Translators: arrival time · temperature · health code · time inside so far */
              subtitle = g_strdup_printf (_("Came %s · %s · %s · inside for %s"), arrived, temperature,
                                          cg_health_code_label (m->health_code), span);
              verdict = NULL;
              {
                /* Translators: %s is a mourner's name */
                g_autofree char *name = g_strdup_printf (_("Check out %s"), m->name);
                GtkWidget *button = action_button (_("Check Out"), name);

                g_object_set_data (G_OBJECT (button), "cg-mourner", GSIZE_TO_POINTER ((gsize) m->id));
                g_object_set_data_full (G_OBJECT (button), "cg-name", g_strdup (m->name), g_free);
                g_signal_connect (button, "clicked", G_CALLBACK (on_check_out_clicked_cb), detail);
                if (overstay)
                  {
                    GtkWidget *warn = gtk_label_new (_("Stayed too long"));

                    gtk_widget_add_css_class (warn, "warning");
                    adw_action_row_add_suffix (ADW_ACTION_ROW (row), warn);
                  }
                adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
              }
            }
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (verdict != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), verdict);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return TRUE;
}

static gboolean
add_protection (Detail  *detail,
                GError **error)
{
  g_autoptr(GPtrArray) records = cg_protection_list_service (detail->store, detail->service_id, error);
  GtkWidget *group;
  GtkWidget *button;

  if (records == NULL)
    return FALSE;
  group = group_new (detail, _("Staff Protection"),
                     _("In a medium- or high-risk area, the staff of each transport and cremation wear a "
                       "protective suit and goggles (FH-2)."));
  button = action_button (_("Record…"), _("Record staff protection…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_protection_clicked_cb), detail);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  if (records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No protection record yet"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; i < records->len; i++)
    {
      CgProtection *p = g_ptr_array_index (records, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = local_time (p->done_at);
      /* Translators: e.g. "Transport · 王强" */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), cg_protection_kind_label (p->kind), p->staff);
      GtkWidget *worn;
      const char *worn_text;

      if (p->suit && p->goggles)
        worn_text = _("Suit and goggles worn");
      else if (p->suit)
        worn_text = _("No goggles");
      else if (p->goggles)
        worn_text = _("No protective suit");
      else
        worn_text = _("No suit, no goggles");
      worn = gtk_label_new (worn_text);
      gtk_widget_add_css_class (worn, p->suit && p->goggles ? "success" : "warning");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), worn);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return TRUE;
}

static void
detail_fill (Detail *detail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(CgService) service = NULL;
  g_autofree char *title = NULL;
  CgRiskLevel risk = CG_RISK_LOW;
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  detail->content = content;
  adw_clamp_set_child (ADW_CLAMP (detail->clamp), content);

  service = cg_service_get (detail->store, detail->service_id, &error);
  if (service != NULL)
    policy = cg_module_load_policy (detail->module, detail->store, &error);
  if (policy != NULL)
    risk = cg_service_area_risk (detail->store, &error);
  if (service == NULL || policy == NULL || error != NULL)
    goto failed;
  g_clear_pointer (&detail->service, cg_service_free);
  detail->service = g_steal_pointer (&service);

  /* Translators: %s is the deceased's name */
  title = g_strdup_printf (_("Service of %s"), detail->service->deceased_name);
  gtk_window_set_title (GTK_WINDOW (detail->window), title);
  add_record (detail, policy, risk);
  /* A COVID-19 case's checklist is its business; a service's, its mourners. */
  if (detail->service->covid != CG_COVID_NONE)
    {
      if (!add_covid (detail, &error) || !add_protection (detail, &error))
        goto failed;
    }
  else if (!add_mourners (detail, policy, &error)
           || !add_protection (detail, &error)
           || !add_covid (detail, &error))
    goto failed;
  if (detail->service->ended_at == NULL)
    {
      GtkWidget *button = action_button (_("Close Service…"), _("Close Service…"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_close_clicked_cb), detail);
      gtk_box_append (GTK_BOX (content), button);
    }
  return;

failed:
  {
    GtkWidget *page = adw_status_page_new ();

    adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
    adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Could Not Load the Service"));
    adw_status_page_set_description (ADW_STATUS_PAGE (page), error != NULL ? error->message : NULL);
    adw_clamp_set_child (ADW_CLAMP (detail->clamp), page);
  }
}

GtkWidget *
cg_service_detail_new (GtkWindow          *parent,
                       CgStore            *store,
                       const CgModule     *module,
                       gint64              service_id,
                       CgServiceDialogDone done,
                       gpointer            user_data)
{
  Detail *detail = g_new0 (Detail, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  detail->store = g_object_ref (store);
  detail->module = module != NULL ? module : &cg_module_funeral_home;
  detail->service_id = service_id;
  detail->done = done;
  detail->user_data = user_data;
  detail->window = window;
  g_object_set_data_full (G_OBJECT (window), "cg-detail", detail, (GDestroyNotify) detail_free);

  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_box_append (GTK_BOX (box), header);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);

  detail->toast_overlay = adw_toast_overlay_new ();
  detail->clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (detail->clamp), 720);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), detail->clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (detail->toast_overlay), scroller);
  gtk_box_append (GTK_BOX (box), detail->toast_overlay);
  adw_window_set_content (ADW_WINDOW (window), box);

  detail->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), detail);
  detail_fill (detail);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
