/* cg-today-alerts.c — the Today page's alerts: grouped by severity, a
 * rule with many alerts folded into one expander row, each row opening
 * the record it is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-rules.h"
#include "cg-today-page.h"
#include "cg-today-private.h"

/* A rule with more alerts than this in one severity becomes one expander
 * row: 300 "no check" rows would bury the one fever. */
#define COLLAPSE_ABOVE    5
/* Rows an expander shows; the rest are counted in a last row. */
#define EXPANDER_MAX_ROWS 200

static const char * const severity_icons[CG_N_SEVERITIES] = {
  "dialog-error-symbolic", "dialog-warning-symbolic", "dialog-information-symbolic",
};
static const char * const severity_classes[CG_N_SEVERITIES] = {
  "error", "warning", "accent",
};

/* The name part of an alert's subject ("王秀英 350582********1234"). */
static char *
subject_name (const char *subject)
{
  const char *space = subject != NULL ? strrchr (subject, ' ') : NULL;

  if (space == NULL || space == subject)
    return g_strdup (subject != NULL ? subject : "");
  return g_strndup (subject, space - subject);
}

/* "CH-5 · 晋政民〔2020〕87号 养老 二(三)" */
static char *
rule_caption (const CgAlert *alert)
{
  if (alert->source == NULL || alert->source[0] == '\0')
    return g_strdup (alert->rule);
  /* Translators: a rule id and the document clause it comes from */
  return g_strdup_printf (C_("rule and source", "%s · %s"), alert->rule, alert->source);
}

/* ---- alerts --------------------------------------------------------- */

typedef struct
{
  char   *kind;
  gint64  id;
} RowRecord;

static void
row_record_free (gpointer data)
{
  RowRecord *record = data;

  g_free (record->kind);
  g_free (record);
}

static void
alert_row_activated_cb (AdwActionRow *row,
                        CgTodayPage  *self)
{
  RowRecord *record = g_object_get_data (G_OBJECT (row), "cg-record");

  if (record == NULL || record->kind == NULL || record->id == 0)
    return;
  cg_today_page_emit_open_record (self, record->kind, record->id);
}

static GtkWidget *
severity_icon_new (CgSeverity severity)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icons[severity]);

  gtk_widget_add_css_class (icon, severity_classes[severity]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_severity_label (severity),
                                  -1);
  return icon;
}

/* Rows render Pango markup: everything from the data is escaped. */
static char *
subtitle_markup (const char *text,
                 const char *caption)
{
  g_autofree char *text_escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *caption_escaped = g_markup_escape_text (caption != NULL ? caption : "", -1);

  return g_strdup_printf ("%s\n<span size=\"small\">%s</span>", text_escaped, caption_escaped);
}

static GtkWidget *
alert_row_new (CgTodayPage   *self,
               const CgAlert *alert)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (alert->subject != NULL ? alert->subject : "", -1);
  g_autofree char *caption = rule_caption (alert);
  g_autofree char *subtitle = subtitle_markup (alert->message, caption);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  RowRecord *record;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), severity_icon_new (alert->severity));

  if (alert->record_kind != NULL && alert->record_id != 0)
    {
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "go-next-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      record = g_new0 (RowRecord, 1);
      record->kind = g_strdup (alert->record_kind);
      record->id = alert->record_id;
      g_object_set_data_full (G_OBJECT (row), "cg-record", record, row_record_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (alert_row_activated_cb), self, 0);
    }

  /* Read as one sentence: who, then what; the rule in the description. */
  /* Translators: accessible name of an alert row: "subject: message" */
  label = g_strdup_printf (C_("alert row", "%s: %s"), alert->subject, alert->message);
  description = g_strdup_printf ("%s %s", cg_rule_title (alert->rule), caption);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

/* The alerts a collapsed rule stands for, kept alive with the row. */
typedef struct
{
  GPtrArray *owner;    /* the whole list: keeps the alerts alive */
  guint      first;
  guint      count;
  gboolean   filled;
} Collapsed;

static void
collapsed_free (gpointer data)
{
  Collapsed *collapsed = data;

  g_ptr_array_unref (collapsed->owner);
  g_free (collapsed);
}

/* Rows are made when the expander first opens: a past day with nobody
 * checked would otherwise build a thousand rows nobody asked to see. */
static void
expander_expanded_cb (AdwExpanderRow *expander,
                      GParamSpec     *pspec,
                      CgTodayPage    *self)
{
  Collapsed *collapsed = g_object_get_data (G_OBJECT (expander), "cg-collapsed");
  guint shown;

  if (collapsed == NULL || collapsed->filled || !adw_expander_row_get_expanded (expander))
    return;
  collapsed->filled = TRUE;
  shown = MIN (collapsed->count, EXPANDER_MAX_ROWS);
  for (guint i = 0; i < shown; i++)
    adw_expander_row_add_row (expander,
                              alert_row_new (self, collapsed->owner->pdata[collapsed->first + i]));
  if (collapsed->count > shown)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = NULL;

      /* Translators: the last row of a long list of alerts */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more not listed here",
                                           "%u more not listed here",
                                           collapsed->count - shown),
                              collapsed->count - shown);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_widget_add_css_class (more, "dim-label");
      adw_expander_row_add_row (expander, more);
    }
}

static GtkWidget *
collapsed_row_new (CgTodayPage *self,
                   GPtrArray   *alerts,
                   guint        first,
                   guint        count)
{
  const CgAlert *alert = alerts->pdata[first];
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *caption = rule_caption (alert);
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;
  gboolean same_message = TRUE;
  Collapsed *collapsed;

  /* Translators: a rule with many alerts folded into one row:
   * "ALL-1 Daily health monitoring — 37 people" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s — %u person", "%s %s — %u people", count),
                           alert->rule, cg_rule_title (alert->rule), count);
  title_markup = g_markup_escape_text (title, -1);

  for (guint i = first + 1; i < first + count && same_message; i++)
    same_message = g_strcmp0 (((const CgAlert *) alerts->pdata[i])->message, alert->message) == 0;
  if (same_message)
    summary = g_strdup (alert->message);
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n = MIN (count, 3);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = subject_name (((const CgAlert *) alerts->pdata[first + i])->subject);

          if (i > 0)
            /* Translators: between names in a list: "王秀英、李明" */
            g_string_append (names, C_("list separator", ", "));
          g_string_append (names, name);
        }
      /* Translators: the first names of a folded list and how many others */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                              count - n),
                                 names->str, count - n);
    }
  subtitle = subtitle_markup (summary, caption);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title_markup);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), severity_icon_new (alert->severity));

  collapsed = g_new0 (Collapsed, 1);
  collapsed->owner = g_ptr_array_ref (alerts);
  collapsed->first = first;
  collapsed->count = count;
  g_object_set_data_full (G_OBJECT (expander), "cg-collapsed", collapsed, collapsed_free);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expander_expanded_cb), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  return expander;
}

static GtkWidget *
severity_group_new (CgTodayPage *self,
                    GPtrArray   *alerts,
                    CgSeverity   severity,
                    guint        first,
                    guint        count)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (cg_severity_label (severity));
  GtkWidget *count_label;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *count_text = NULL;
  g_autofree char *list_name = NULL;
  guint i = first;

  gtk_box_append (GTK_BOX (header), severity_icon_new (severity));
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  /* Translators: the count in a group header: "3 alerts" */
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alert", "%u alerts", count), count);
  count_label = gtk_label_new (count_text);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (header), count_label);
  gtk_box_append (GTK_BOX (group), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* Translators: accessible name of a group of alerts: "Critical: 2 alerts" */
  list_name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u alert", "%s: %u alerts", count),
                               cg_severity_label (severity), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_name,
                                  -1);

  while (i < first + count)
    {
      const CgAlert *alert = alerts->pdata[i];
      guint run = 1;

      while (i + run < first + count
             && g_strcmp0 (((const CgAlert *) alerts->pdata[i + run])->rule, alert->rule) == 0)
        run++;
      if (run > COLLAPSE_ABOVE)
        gtk_list_box_append (GTK_LIST_BOX (list), collapsed_row_new (self, alerts, i, run));
      else
        for (guint k = 0; k < run; k++)
          gtk_list_box_append (GTK_LIST_BOX (list), alert_row_new (self, alerts->pdata[i + k]));
      i += run;
    }
  gtk_box_append (GTK_BOX (group), list);
  return group;
}

void
cg_today_page_update_alerts (CgTodayPage *self,
                             GPtrArray   *alerts)
{
  guint counts[CG_N_SEVERITIES] = { 0 };
  GtkWidget *child;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint first = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->alerts_box))) != NULL)
    gtk_box_remove (self->alerts_box, child);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_ptr_array_ref (alerts);

  for (guint i = 0; i < alerts->len; i++)
    {
      const CgAlert *alert = alerts->pdata[i];

      if (alert->severity < CG_N_SEVERITIES)
        counts[alert->severity]++;
    }

  /* cg_rules_evaluate() orders by severity, then rule, then subject. */
  for (CgSeverity severity = CG_SEVERITY_CRITICAL; severity < CG_N_SEVERITIES; severity++)
    {
      g_autofree char *part = NULL;

      if (counts[severity] == 0)
        continue;
      gtk_box_append (self->alerts_box,
                      severity_group_new (self, alerts, severity, first, counts[severity]));
      first += counts[severity];

      switch (severity)
        {
        case CG_SEVERITY_CRITICAL:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u critical", "%u critical",
                                               counts[severity]), counts[severity]);
          break;
        case CG_SEVERITY_WARNING:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                               counts[severity]), counts[severity]);
          break;
        case CG_SEVERITY_INFO:
        case CG_N_SEVERITIES:
        default:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u for information", "%u for information",
                                               counts[severity]), counts[severity]);
          break;
        }
      if (summary->len > 0)
        /* Translators: between the parts of "1 critical · 37 warnings" */
        g_string_append (summary, C_("alert summary", " · "));
      g_string_append (summary, part);
    }

  gtk_label_set_text (self->alerts_summary, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->alerts_box), alerts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_page), FALSE);
  if (alerts->len == 0)
    adw_status_page_set_description (self->all_clear_page,
                                     cg_today_date_is_today (&self->date)
                                     ? _("Nothing is overdue or out of bounds today: every rule is met.")
                                     : _("Nothing was overdue or out of bounds on that day: every rule was met."));
  gtk_widget_set_visible (GTK_WIDGET (self->all_clear_page), alerts->len == 0);
}
