/* cg-inside-list.c — who is inside now, at the gate (ALL-4)
 *
 * A row per visitor inside, with their minutes (red past the policy's
 * maximum stay) and a Check Out button each, against the policy's limit;
 * read in a thread and refreshed every 30 s while the page is shown.  The
 * widgets are the visitors page's (cg-visitors-page.ui); this object fills
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "CgVisitorsPage"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-inside-list.h"
#include "cg-visit.h"

#define INSIDE_REFRESH_SECONDS 30

struct _CgInsideList
{
  GObject       parent_instance;
  CgStore      *store;
  CgPolicy     *policy;

  GtkListBox   *inside_list;
  GtkLabel     *inside_label;
  GtkLabel     *inside_hint_label;
  GtkLabel     *inside_summary_label;

  GCancellable *inside_cancellable;
  guint         inside_timer_id;
};

G_DEFINE_FINAL_TYPE (CgInsideList, cg_inside_list, G_TYPE_OBJECT)

enum { CHECKED_OUT, CHECK_OUT_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void refresh_inside (CgInsideList *self);

/* ---- inside now ---------------------------------------------------------- */

static void
on_check_out_clicked_cb (GtkButton    *button,
                         CgInsideList *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cg-visit-id"));
  g_autoptr(GError) error = NULL;

  if (!cg_visit_check_out (self->store, id, NULL, cg_audit_current_user (), &error))
    {
      g_signal_emit (self, signals[CHECK_OUT_FAILED], 0, error->message);
      return;
    }
  refresh_inside (self);
  /* The row and its button are gone: back to the form for the next visitor. */
  g_signal_emit (self, signals[CHECKED_OUT], 0);
}

static GtkWidget *
inside_row_new (CgInsideList  *self,
                const CgVisit *visit,
                const char    *now)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (visit->visitor_name);
  GtkWidget *sub;
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *minutes_label;
  GtkWidget *button;
  g_autofree char *since = cg_datetime_utc_to_local (visit->arrived_at);
  g_autofree char *sub_text = NULL;
  g_autofree char *minutes_text = NULL;
  g_autofree char *button_name = NULL;
  int minutes = cg_visit_minutes (visit, now);
  gboolean overstay = self->policy != NULL && cg_visit_is_overstay (self->policy, visit, now);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (texts), name);
  if (visit->visiting_name != NULL && *visit->visiting_name != '\0')
    /* Translators: a visitor inside: since when (local HH:MM) and whom they visit */
    sub_text = g_strdup_printf (_("Since %s · visiting %s"), since != NULL ? since + 11 : "",
                                visit->visiting_name);
  else
    /* Translators: a visitor inside since this time (local HH:MM) */
    sub_text = g_strdup_printf (_("Since %s"), since != NULL ? since + 11 : "");
  sub = gtk_label_new (sub_text);
  gtk_label_set_xalign (GTK_LABEL (sub), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (texts), sub);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  minutes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", minutes), minutes);
  minutes_label = gtk_label_new (minutes_text);
  gtk_label_set_xalign (GTK_LABEL (minutes_label), 1.0f);
  gtk_widget_add_css_class (minutes_label, "numeric");
  gtk_box_append (GTK_BOX (figures), minutes_label);
  if (overstay)
    {
      /* Translators: a visitor inside longer than the policy allows (ALL-4) */
      GtkWidget *badge = gtk_label_new (_("Overstay"));

      gtk_label_set_xalign (GTK_LABEL (badge), 1.0f);
      gtk_widget_add_css_class (badge, "error");
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (minutes_label, "error");
      gtk_widget_add_css_class (minutes_label, "heading");
      gtk_widget_add_css_class (row, "cg-overstay");
      gtk_box_append (GTK_BOX (figures), badge);
    }
  gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), figures);

  button = gtk_button_new_with_label (_("Check Out"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: accessible name and tooltip of a visitor's Check Out button */
  button_name = g_strdup_printf (_("Check out %s"), visit->visitor_name);
  gtk_widget_set_tooltip_text (button, button_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);
  g_object_set_data (G_OBJECT (button), "cg-visit-id", GSIZE_TO_POINTER ((gsize) visit->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_check_out_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_inside (CgInsideList *self,
             GPtrArray    *inside,
             const char   *now)
{
  g_autofree char *summary = NULL;
  GtkWidget *focused_row = NULL;
  GtkWidget *child;
  int limit;
  int overstays = 0;

  if (self->policy == NULL)
    return;

  /* A Check Out button with the focus keeps it across the refresh. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->inside_list));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->inside_list)))
      focused_row = focus;
  }
  {
    gint64 keep_id = focused_row != NULL
                     ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (focused_row), "cg-visit-id"))
                     : 0;
    GtkWidget *to_focus = NULL;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->inside_list))) != NULL)
      gtk_list_box_remove (self->inside_list, child);
    for (guint i = 0; i < inside->len; i++)
      {
        const CgVisit *visit = inside->pdata[i];
        GtkWidget *row = inside_row_new (self, visit, now);

        if (cg_visit_is_overstay (self->policy, visit, now))
          overstays++;
        gtk_list_box_append (self->inside_list, row);
        if (keep_id != 0 && visit->id == keep_id)
          {
            GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

            to_focus = gtk_widget_get_last_child (box);
          }
      }
    if (to_focus != NULL)
      gtk_widget_grab_focus (to_focus);
  }

  limit = cg_policy_get_int (self->policy, CG_POLICY_MAX_VISITORS);
  /* Translators: visitors inside the reception room now, against the limit (ALL-4) */
  summary = g_strdup_printf (_("%u of %d inside"), inside->len, limit);
  gtk_label_set_text (self->inside_label, summary);
  gtk_label_set_text (self->inside_summary_label, summary);
  gtk_widget_remove_css_class (GTK_WIDGET (self->inside_label), "error");
  if ((int) inside->len >= limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->inside_label), "error");

  if (inside->len == 0)
    gtk_label_set_text (self->inside_hint_label, _("Nobody is inside. Admitted visitors are listed here until they are checked out."));
  else
    {
      g_autofree char *hint = NULL;

      if (overstays > 0)
        /* Translators: %d is the policy's maximum stay in minutes */
        hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "A visit may last %d minute: overstays are in red.",
                                             "A visit may last %d minutes: overstays are in red.",
                                             cg_policy_get_int (self->policy, CG_POLICY_MAX_VISIT_MINUTES)),
                                cg_policy_get_int (self->policy, CG_POLICY_MAX_VISIT_MINUTES));
      else
        hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "A visit may last %d minute.",
                                             "A visit may last %d minutes.",
                                             cg_policy_get_int (self->policy, CG_POLICY_MAX_VISIT_MINUTES)),
                                cg_policy_get_int (self->policy, CG_POLICY_MAX_VISIT_MINUTES));
      gtk_label_set_text (self->inside_hint_label, hint);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->inside_list), inside->len > 0);
}

/* The list is read in a thread on a connection of its own: over years of
 * visits it is not free, and the 30-second refresh must never stall the
 * gate's typing. */
typedef struct
{
  GPtrArray *inside;
  char      *now;
} InsideResult;

static void
inside_result_free (InsideResult *result)
{
  g_clear_pointer (&result->inside, g_ptr_array_unref);
  g_free (result->now);
  g_free (result);
}

static void
inside_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (task_data, &error);
  InsideResult *result = g_new0 (InsideResult, 1);

  result->now = cg_datetime_now_utc ();
  if (store != NULL)
    result->inside = cg_visit_list_inside (store, NULL, &error);
  if (result->inside == NULL)
    {
      inside_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) inside_result_free);
}

static void
inside_ready_cb (GObject      *source_object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  CgInsideList *self = CG_INSIDE_LIST (source_object);
  g_autoptr(GError) error = NULL;
  InsideResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (self->inside_cancellable == NULL
      || g_task_get_cancellable (G_TASK (res)) != self->inside_cancellable)
    {
      g_clear_pointer (&result, inside_result_free);
      return;
    }
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->inside_label, error->message);
      return;
    }
  show_inside (self, result->inside, result->now);
  inside_result_free (result);
}

static void
refresh_inside (CgInsideList *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->inside_cancellable);
  g_clear_object (&self->inside_cancellable);
  self->inside_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->inside_cancellable, inside_ready_cb, NULL);
  g_task_set_source_tag (task, refresh_inside);
  g_task_set_task_data (task, g_strdup (cg_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, inside_thread);
}

static gboolean
inside_timer_cb (gpointer user_data)
{
  refresh_inside (CG_INSIDE_LIST (user_data));
  return G_SOURCE_CONTINUE;
}

/* ---- object ------------------------------------------------------------- */

static void
cg_inside_list_dispose (GObject *object)
{
  CgInsideList *self = CG_INSIDE_LIST (object);

  cg_inside_list_stop (self);
  g_clear_object (&self->inside_list);
  g_clear_object (&self->inside_label);
  g_clear_object (&self->inside_hint_label);
  g_clear_object (&self->inside_summary_label);
  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_inside_list_parent_class)->dispose (object);
}

static void
cg_inside_list_class_init (CgInsideListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_inside_list_dispose;

  signals[CHECKED_OUT] =
    g_signal_new ("checked-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHECK_OUT_FAILED] =
    g_signal_new ("check-out-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cg_inside_list_init (CgInsideList *self)
{
}

CgInsideList *
cg_inside_list_new (GtkListBox *list,
                    GtkLabel   *label,
                    GtkLabel   *hint_label,
                    GtkLabel   *summary_label)
{
  CgInsideList *self;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (hint_label), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (summary_label), NULL);

  self = g_object_new (CG_TYPE_INSIDE_LIST, NULL);
  self->inside_list = g_object_ref (list);
  self->inside_label = g_object_ref (label);
  self->inside_hint_label = g_object_ref (hint_label);
  self->inside_summary_label = g_object_ref (summary_label);
  return self;
}

void
cg_inside_list_set_store (CgInsideList *self,
                          CgStore      *store)
{
  g_return_if_fail (CG_IS_INSIDE_LIST (self));

  g_set_object (&self->store, store);
}

void
cg_inside_list_set_policy (CgInsideList   *self,
                           const CgPolicy *policy)
{
  g_return_if_fail (CG_IS_INSIDE_LIST (self));

  g_clear_pointer (&self->policy, cg_policy_free);
  if (policy != NULL)
    self->policy = cg_policy_copy (policy);
}

void
cg_inside_list_refresh (CgInsideList *self)
{
  g_return_if_fail (CG_IS_INSIDE_LIST (self));

  refresh_inside (self);
}

void
cg_inside_list_set_auto_refresh (CgInsideList *self,
                                 gboolean      enabled)
{
  g_return_if_fail (CG_IS_INSIDE_LIST (self));

  if (!enabled)
    g_clear_handle_id (&self->inside_timer_id, g_source_remove);
  else if (self->inside_timer_id == 0)
    self->inside_timer_id = g_timeout_add_seconds (INSIDE_REFRESH_SECONDS, inside_timer_cb, self);
}

void
cg_inside_list_stop (CgInsideList *self)
{
  g_return_if_fail (CG_IS_INSIDE_LIST (self));

  g_clear_handle_id (&self->inside_timer_id, g_source_remove);
  g_cancellable_cancel (self->inside_cancellable);
  g_clear_object (&self->inside_cancellable);
}
