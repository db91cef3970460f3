/* cg-rooms-page.c — observation and isolation rooms, stays and entry screening (ALL-5, ALL-6, RS-1/2/3)
 *
 * The room board says at a glance which rooms are free, who is in the
 * others, since when and until when; below it the new arrivals' steps
 * (ALL-6), the occupancy timeline and the isolation register.  Everything
 * is read in a thread with a store of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-chart-view.h"
#include "cg-date.h"
#include "cg-import-dialog.h"
#include "cg-nat-test.h"
#include "cg-room.h"
#include "cg-room-dialog.h"
#include "cg-page-loader.h"
#include "cg-rooms-page.h"
#include "cg-rooms-timeline.h"
#include "cg-screening-dialog.h"
#include "cg-stay-dialog.h"
#include "cg-stay-register.h"
#include "cg-validate.h"

/* ---- the page ---------------------------------------------------------- */

struct _CgRoomsPage
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;
  CgPageLoader   *loader;

  GPtrArray      *board;      /* CgRoomState*, as shown */
  GPtrArray      *archived;   /* CgRoom*: rooms taken out of use */
  GHashTable     *pending;    /* stay id → CgScreening*: RS-3 marks not done */
  char           *now;        /* UTC of the load */
  GListStore     *register_rows;

  AdwToastOverlay *toast_overlay;
  GtkLabel       *summary_label;
  GtkLabel       *detail_label;
  GtkWidget      *menu_button;
  GtkWidget      *screen_button;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkFlowBox     *board_box;
  GtkWidget      *arrivals_box;
  GtkListBox     *arrivals_list;
  CgChartView    *timeline;
  GtkColumnView  *register_view;
  GtkWidget      *archived_expander;
  GtkListBox     *archived_list;
};

G_DEFINE_FINAL_TYPE (CgRoomsPage, cg_rooms_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_MODULE, N_PROPS };
static GParamSpec *properties[N_PROPS];


static GtkWindow *
get_parent_window (CgRoomsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (CgRoomsPage *self,
            const char  *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_rescue_station (CgRoomsPage *self)
{
  return self->module->kind == CG_KIND_RESCUE_STATION;
}

/* ---- times ------------------------------------------------------------- */

typedef enum
{
  END_LATER,
  END_TODAY,
  END_PAST,
} EndState;

static EndState
end_state (const CgStay *stay,
           const char   *now)
{
  g_autofree char *end_day = cg_rooms_local_day (stay->planned_end_at);
  g_autofree char *today = cg_rooms_local_day (now);

  if (g_strcmp0 (stay->planned_end_at, now) < 0)
    return END_PAST;
  if (g_strcmp0 (end_day, today) == 0)
    return END_TODAY;
  return END_LATER;
}

/* ---- loading ----------------------------------------------------------- */

typedef struct
{
  GPtrArray   *board;
  GPtrArray   *archived;
  GHashTable  *pending;
  GPtrArray   *arrivals;
  GPtrArray   *stays;
  GHashTable  *release_on;   /* test id → sampling day */
  CgChartData *timeline;
  char        *now;
} LoadOutput;

static void
load_output_free (LoadOutput *output)
{
  g_clear_pointer (&output->board, g_ptr_array_unref);
  g_clear_pointer (&output->archived, g_ptr_array_unref);
  g_clear_pointer (&output->pending, g_hash_table_unref);
  g_clear_pointer (&output->arrivals, g_ptr_array_unref);
  g_clear_pointer (&output->stays, g_ptr_array_unref);
  g_clear_pointer (&output->release_on, g_hash_table_unref);
  g_clear_pointer (&output->timeline, cg_chart_data_free);
  g_free (output->now);
  g_free (output);
}

/* RS-3: the fever screenings whose 120 call or report is not recorded,
 * by the stay they opened. */
static gboolean
load_pending (CgStore     *store,
              LoadOutput  *output,
              GError     **error)
{
  output->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) cg_screening_free);
  for (guint i = 0; i < output->board->len; i++)
    {
      CgRoomState *state = g_ptr_array_index (output->board, i);
      g_autoptr(GPtrArray) screenings = NULL;

      if (state->stay == NULL)
        continue;
      screenings = cg_screening_list_for_person (store, state->stay->person_id, error);
      if (screenings == NULL)
        return FALSE;
      for (guint j = 0; j < screenings->len; j++)
        {
          CgScreening *s = g_ptr_array_index (screenings, j);

          if (s->stay_id != state->stay->id || s->outcome != CG_SCREENING_OBSERVE
              || (s->called_120_at != NULL && s->reported_at != NULL))
            continue;
          g_hash_table_insert (output->pending, g_memdup2 (&state->stay->id, sizeof (gint64)),
                               g_ptr_array_steal_index (screenings, j));
          break;
        }
    }
  return TRUE;
}

static int
compare_stays_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const CgStay *x = *(CgStay * const *) a;
  const CgStay *y = *(CgStay * const *) b;

  return -g_strcmp0 (x->started_at, y->started_at);
}

/* The negative test each early release rests on (解除依据). */
static gboolean
load_release_dates (CgStore     *store,
                    LoadOutput  *output,
                    GError     **error)
{
  output->release_on = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < output->stays->len; i++)
    {
      CgStay *stay = g_ptr_array_index (output->stays, i);
      g_autoptr(GPtrArray) tests = NULL;

      if (stay->release_test_id == 0
          || g_hash_table_contains (output->release_on, &stay->release_test_id))
        continue;
      tests = cg_nat_test_list_for_person (store, stay->person_id, error);
      if (tests == NULL)
        return FALSE;
      for (guint j = 0; j < tests->len; j++)
        {
          CgNatTest *test = g_ptr_array_index (tests, j);

          if (test->id == stay->release_test_id)
            g_hash_table_insert (output->release_on, g_memdup2 (&test->id, sizeof (gint64)),
                                 g_strdup (test->sampled_on));
        }
    }
  return TRUE;
}

static gpointer
load_thread (CgStore        *store,
             const CgModule *module,
             const CgPolicy *policy,
             const GDate    *today,
             gpointer        input,
             GError        **error_out)
{
  g_autoptr(GError) error = NULL;
  LoadOutput *output = g_new0 (LoadOutput, 1);
  GDate from = *today;
  GDate to = *today;
  g_autoptr(GPtrArray) span = NULL;


  output->now = cg_datetime_now_utc ();
  output->board = cg_room_board (store, output->now, &error);
  if (output->board == NULL || !load_pending (store, output, &error))
    goto failed;
  output->archived = cg_room_list (store, TRUE, &error);
  if (output->archived == NULL)
    goto failed;
  for (guint i = output->archived->len; i > 0; i--)
    if (!((CgRoom *) g_ptr_array_index (output->archived, i - 1))->archived)
      g_ptr_array_remove_index (output->archived, i - 1);
  if (module->kind != CG_KIND_RESCUE_STATION)
    {
      output->arrivals = cg_arrival_list (store, policy, today, &error);
      if (output->arrivals == NULL)
        goto failed;
    }

  g_date_subtract_days (&from, CG_ROOMS_PAST_DAYS);
  g_date_add_days (&to, CG_ROOMS_FUTURE_DAYS);
  span = cg_stay_list_between (store, &from, &to, &error);
  if (span == NULL)
    goto failed;
  output->timeline = cg_rooms_timeline_new (output->board, span, today, output->now);

  /* The register: what happened in the last 30 days, newest first. */
  output->stays = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stay_free);
  {
    g_autofree char *tomorrow = NULL;
    GDate next = *today;

    g_date_add_days (&next, 1);
    tomorrow = cg_date_to_iso (&next);
    for (guint i = 0; i < span->len; i++)
      {
        CgStay *stay = g_ptr_array_index (span, i);
        g_autofree char *start_day = cg_rooms_local_day (stay->started_at);

        if (g_strcmp0 (start_day, tomorrow) < 0)
          g_ptr_array_add (output->stays, cg_stay_copy (stay));
      }
  }
  g_ptr_array_sort (output->stays, compare_stays_newest_first);
  if (!load_release_dates (store, output, &error))
    goto failed;

  return output;

failed:
  load_output_free (output);
  g_propagate_error (error_out, g_steal_pointer (&error));
  return NULL;
}

/* ---- the board --------------------------------------------------------- */

static void on_open_stay_clicked_cb (GtkButton *button, CgRoomsPage *self);
static void on_end_stay_clicked_cb  (GtkButton *button, CgRoomsPage *self);
static void on_edit_room_clicked_cb (GtkButton *button, CgRoomsPage *self);
static void on_mark_clicked_cb      (GtkButton *button, CgRoomsPage *self);

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
pill_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "cg-room-pill");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
card_button_new (CgRoomsPage *self,
                 const char  *label,
                 const char  *accessible,
                 const char  *tooltip,
                 guint        index,
                 GCallback    callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "cg-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
add_occupant (CgRoomsPage *self,
              GtkWidget   *card,
              GtkWidget   *buttons,
              CgRoomState *state,
              guint        index)
{
  CgStay *stay = state->stay;
  g_autofree char *masked = cg_mask_id_number (stay->id_number);
  /* Translators: the person in a room: name · masked ID number */
  g_autofree char *who = g_strdup_printf (_("%s · %s"), stay->person_name != NULL ? stay->person_name : "", masked);
  int day = cg_stay_day_number (stay, self->now);
  int days = cg_rooms_planned_days (stay);
  g_autofree char *day_text = NULL;
  g_autofree char *planned = cg_stay_format_local (stay->planned_end_at);
  g_autofree char *planned_text = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *progress = gtk_progress_bar_new ();
  GtkWidget *state_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  CgScreening *pending = g_hash_table_lookup (self->pending, &stay->id);
  EndState ends = end_state (stay, self->now);

  gtk_box_append (GTK_BOX (card), label_new (who, "heading"));
  gtk_box_append (GTK_BOX (card), label_new (cg_stay_reason_label (stay->reason), NULL));

  day_text = cg_rooms_format_day (stay, self->now);
  gtk_box_append (GTK_BOX (state_row), label_new (day_text, NULL));
  if (ends == END_TODAY)
    {
      gtk_box_append (GTK_BOX (state_row), pill_new (_("Ends today"), "ends-today"));
      gtk_widget_add_css_class (card, "ends-today");
    }
  else if (ends == END_PAST)
    {
      gtk_box_append (GTK_BOX (state_row), pill_new (_("Past planned end"), "overdue"));
      gtk_widget_add_css_class (card, "overdue");
    }
  gtk_box_append (GTK_BOX (card), state_row);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (progress),
                                 days > 0 ? CLAMP ((double) day / days, 0.0, 1.0) : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress), GTK_ACCESSIBLE_PROPERTY_LABEL, day_text, -1);
  gtk_box_append (GTK_BOX (card), progress);
  /* Translators: %s is a local date and time */
  planned_text = g_strdup_printf (_("Planned end %s"), planned);
  gtk_box_append (GTK_BOX (card), label_new (planned_text, "dim-label"));

  if (pending != NULL)
    {
      if (pending->called_120_at == NULL)
        {
          /* Translators: the button's accessible name; %s is a room */
          g_autofree char *name = g_strdup_printf (_("Record 120 called for %s"), state->room->name);
          GtkWidget *b = card_button_new (self, _("Confirm 120 Called"), name,
                                          _("Mark that 120 was called (RS-3)"), index,
                                          G_CALLBACK (on_mark_clicked_cb));

          g_object_set_data (G_OBJECT (b), "cg-called-120", GINT_TO_POINTER (1));
          gtk_widget_add_css_class (b, "destructive-action");
          gtk_flow_box_append (GTK_FLOW_BOX (buttons), b);
        }
      if (pending->reported_at == NULL)
        {
          /* Translators: the button's accessible name; %s is a room */
          g_autofree char *name = g_strdup_printf (_("Record reported for %s"), state->room->name);
          GtkWidget *b = card_button_new (self, _("Confirm Reported"), name,
                                          _("Mark that the station head was told and the case reported upward (RS-3)"),
                                          index, G_CALLBACK (on_mark_clicked_cb));

          gtk_widget_add_css_class (b, "destructive-action");
          gtk_flow_box_append (GTK_FLOW_BOX (buttons), b);
        }
    }
  /* Translators: the button's accessible name; %s is a room */
  accessible = g_strdup_printf (_("End the stay in %s"), state->room->name);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                  card_button_new (self, _("End Stay…"), accessible,
                                   _("Record the end of the stay and what happens next"),
                                   index, G_CALLBACK (on_end_stay_clicked_cb)));
}

static GtkWidget *
room_card_new (CgRoomsPage *self,
               CgRoomState *state,
               guint        index)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = label_new (state->room->name, "title-4");
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *buttons = gtk_flow_box_new ();
  g_autofree char *gaps = cg_room_describe_gaps (state->room);
  /* Translators: the edit button's accessible name; %s is a room */
  g_autofree char *edit_name = g_strdup_printf (_("Edit room %s"), state->room->name);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "cg-room-card");
  gtk_widget_set_size_request (card, 240, -1);
  /* The buttons expand to sit at the bottom of cards of one height; that
   * must not make the board take the page's spare height. */
  gtk_widget_set_vexpand (card, FALSE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (title_row), name);
  gtk_box_append (GTK_BOX (title_row), pill_new (cg_room_kind_label (state->room->kind), "kind"));
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit, _("Edit or archive the room"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  g_object_set_data (G_OBJECT (edit), "cg-index", GUINT_TO_POINTER (index));
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_room_clicked_cb), self);
  gtk_box_append (GTK_BOX (title_row), edit);
  gtk_box_append (GTK_BOX (card), title_row);

  if (gaps != NULL && *gaps != '\0')
    {
      /* Translators: %s says what the room lacks */
      g_autofree char *text = g_strdup_printf (_("⚠ Not compliant: %s"), gaps);

      gtk_box_append (GTK_BOX (card), label_new (text, "cg-room-gaps"));
    }

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);

  if (state->stay == NULL)
    {
      /* Translators: the button's accessible name; %s is a room */
      g_autofree char *accessible = g_strdup_printf (_("Open a stay in %s"), state->room->name);
      GtkWidget *free_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (free_row), pill_new (_("Free"), "free"));
      gtk_box_append (GTK_BOX (card), free_row);
      gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                      card_button_new (self, _("Open Stay…"), accessible,
                                       _("Put a person in this room"),
                                       index, G_CALLBACK (on_open_stay_clicked_cb)));
    }
  else
    {
      gtk_widget_add_css_class (card, "occupied");
      add_occupant (self, card, buttons, state, index);
    }
  gtk_widget_set_vexpand (buttons, TRUE);
  gtk_widget_set_valign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (card), buttons);
  return card;
}

static void
board_refresh (CgRoomsPage *self)
{
  GtkWidget *child;
  guint rooms = 0, free_rooms = 0, gaps = 0, today = 0, past = 0;
  g_autofree char *summary = NULL;
  GString *detail = g_string_new (NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->board_box))) != NULL)
    gtk_flow_box_remove (self->board_box, child);

  for (guint i = 0; i < self->board->len; i++)
    {
      CgRoomState *state = g_ptr_array_index (self->board, i);

      if (state->room->archived)
        continue;
      rooms++;
      if (state->stay == NULL)
        free_rooms++;
      else if (end_state (state->stay, self->now) == END_TODAY)
        today++;
      else if (end_state (state->stay, self->now) == END_PAST)
        past++;
      if (!cg_room_is_compliant (state->room))
        gaps++;
      gtk_flow_box_append (self->board_box, room_card_new (self, state, i));
    }

  /* Translators: "3 of 5 rooms free" */
  summary = g_strdup_printf (ngettext ("%u of %u room free", "%u of %u rooms free", rooms), free_rooms, rooms);
  if (gaps > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u not compliant", "%u not compliant", gaps), gaps);
      g_autofree char *joined = g_strdup_printf ("%s · %s", summary, more);

      g_free (summary);
      summary = g_steal_pointer (&joined);
    }
  gtk_label_set_text (self->summary_label, summary);
  if (today > 0)
    g_string_append_printf (detail, ngettext ("%u stay ends today", "%u stays end today", today), today);
  if (past > 0)
    {
      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append_printf (detail, ngettext ("%u stay past its planned end", "%u stays past their planned end", past),
                              past);
    }
  if (g_hash_table_size (self->pending) > 0)
    {
      guint n = g_hash_table_size (self->pending);

      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append_printf (detail, ngettext ("%u fever at screening: 120 call or report not recorded",
                                                "%u fevers at screening: 120 call or report not recorded", n), n);
    }
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
  g_string_free (detail, TRUE);
}

/* ---- new arrivals (ALL-6) ---------------------------------------------- */

static void on_arrival_screen_clicked_cb (GtkButton *button, CgRoomsPage *self);
static void on_arrival_stay_clicked_cb   (GtkButton *button, CgRoomsPage *self);

static GtkWidget *
step_new (const char *text,
          gboolean    done)
{
  /* Translators: a new arrival's step: "✓ Screening" done, "○ Test" to do */
  g_autofree char *label = g_strdup_printf (done ? _("✓ %s") : _("○ %s"), text);
  GtkWidget *step = gtk_label_new (label);

  gtk_widget_add_css_class (step, "cg-step");
  gtk_widget_add_css_class (step, done ? "done" : "pending");
  return step;
}

static void
arrivals_refresh (CgRoomsPage *self,
                  GPtrArray   *arrivals)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->arrivals_list))) != NULL)
    gtk_list_box_remove (self->arrivals_list, child);
  gtk_widget_set_visible (self->arrivals_box, arrivals != NULL);
  if (arrivals == NULL)
    return;
  if (arrivals->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No one arrived within the isolation days"));
      gtk_list_box_append (self->arrivals_list, row);
      return;
    }
  for (guint i = 0; i < arrivals->len; i++)
    {
      CgArrival *arrival = g_ptr_array_index (arrivals, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *masked = cg_mask_id_number (cg_person_get_id_number (arrival->person));
      /* Translators: kind · masked ID · arrival day · until */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · arrived %s, isolation until %s"),
                                                   cg_person_kind_label (cg_person_get_kind (arrival->person)),
                                                   masked, arrival->arrived_on, arrival->until);
      gboolean done = arrival->screened && arrival->tested_negative && arrival->isolated;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cg_person_get_name (arrival->person));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (steps, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (steps), step_new (_("Screening"), arrival->screened));
      gtk_box_append (GTK_BOX (steps), step_new (arrival->test_pending ? _("Test (pending)") : _("Negative test"),
                                                 arrival->tested_negative));
      gtk_box_append (GTK_BOX (steps), step_new (_("Isolation"), arrival->isolated));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), steps);
      if (done)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill_new (_("Done"), "free"));
      if (!arrival->screened)
        {
          /* Translators: the button's accessible name; %s is a name */
          g_autofree char *name = g_strdup_printf (_("Screen %s"), cg_person_get_name (arrival->person));
          GtkWidget *b = card_button_new (self, _("Screen…"), name, _("Record the screening of this arrival"),
                                          0, G_CALLBACK (on_arrival_screen_clicked_cb));

          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (b), "cg-person", g_object_ref (arrival->person), g_object_unref);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      else if (!arrival->isolated)
        {
          /* Translators: the button's accessible name; %s is a name */
          g_autofree char *name = g_strdup_printf (_("Open a stay for %s"), cg_person_get_name (arrival->person));
          GtkWidget *b = card_button_new (self, _("Open Stay…"), name, _("Put this arrival in a free isolation room"),
                                          0, G_CALLBACK (on_arrival_stay_clicked_cb));

          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (b), "cg-person", g_object_ref (arrival->person), g_object_unref);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      gtk_list_box_append (self->arrivals_list, row);
    }
}

/* ---- archived rooms ----------------------------------------------------- */

static void
on_restore_clicked_cb (GtkButton   *button,
                       CgRoomsPage *self);

static void
archived_refresh (CgRoomsPage *self)
{
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->archived_list))) != NULL)
    gtk_list_box_remove (self->archived_list, child);
  gtk_widget_set_visible (self->archived_expander, self->archived->len > 0);
  /* Translators: the expander of the archived rooms, with their number */
  title = g_strdup_printf (_("Archived Rooms (%u)"), self->archived->len);
  gtk_expander_set_label (GTK_EXPANDER (self->archived_expander), title);
  for (guint i = 0; i < self->archived->len; i++)
    {
      CgRoom *room = g_ptr_array_index (self->archived, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: the button's accessible name; %s is a room */
      g_autofree char *name = g_strdup_printf (_("Restore room %s"), room->name);
      GtkWidget *button = card_button_new (self, _("Restore…"), name, _("Use the room again"), i,
                                           G_CALLBACK (on_restore_clicked_cb));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), room->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cg_room_kind_label (room->kind));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->archived_list, row);
    }
}

/* ---- after loading ------------------------------------------------------ */

static void
on_loaded_cb (GtkWidget    *page,
              gpointer      data,
              const GError *error)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (page);
  LoadOutput *output = data;
  guint rooms = 0;

  gtk_spinner_stop (self->spinner);

  if (output == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->board, g_ptr_array_unref);
  self->board = g_steal_pointer (&output->board);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  self->pending = g_steal_pointer (&output->pending);
  g_free (self->now);
  self->now = g_steal_pointer (&output->now);
  g_clear_pointer (&self->archived, g_ptr_array_unref);
  self->archived = g_steal_pointer (&output->archived);

  board_refresh (self);
  archived_refresh (self);
  arrivals_refresh (self, output->arrivals);
  cg_stay_register_fill (self->register_rows, output->stays, output->release_on);
  cg_chart_view_set_data (self->timeline, g_steal_pointer (&output->timeline));
  load_output_free (output);

  for (guint i = 0; i < self->board->len; i++)
    if (!((CgRoomState *) g_ptr_array_index (self->board, i))->room->archived)
      rooms++;
  gtk_stack_set_visible_child_name (self->stack, rooms > 0 || self->archived->len > 0 ? "content" : "empty");

}

static void
on_loading_cb (GtkWidget *page,
               gboolean   first)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (page);

  if (first)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
}

static const CgPageLoaderFuncs loader_funcs = {
  .load = load_thread,
  .loaded = on_loaded_cb,
  .output_free = (GDestroyNotify) load_output_free,
  .begin = on_loading_cb,
};

/* ---- the buttons --------------------------------------------------------- */

static void
on_dialog_saved_cb (GtkWidget   *dialog,
                    const char  *message,
                    CgRoomsPage *self)
{
  show_toast (self, message);
}

static void
present (CgRoomsPage *self,
         gpointer     dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static CgRoomState *
state_of (CgRoomsPage *self,
          GtkButton   *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cg-index"));

  if (self->board == NULL || index >= self->board->len)
    return NULL;
  return g_ptr_array_index (self->board, index);
}

static void
on_open_stay_clicked_cb (GtkButton   *button,
                         CgRoomsPage *self)
{
  CgRoomState *state = state_of (self, button);

  if (state != NULL)
    present (self, cg_stay_dialog_new_open (get_parent_window (self), self->store, self->module, state->room));
}

static void
on_end_stay_clicked_cb (GtkButton   *button,
                        CgRoomsPage *self)
{
  CgRoomState *state = state_of (self, button);

  if (state != NULL && state->stay != NULL)
    present (self, cg_stay_dialog_new_end (get_parent_window (self), self->store, self->module, state->stay));
}

static void
on_edit_room_clicked_cb (GtkButton   *button,
                         CgRoomsPage *self)
{
  CgRoomState *state = state_of (self, button);

  if (state != NULL)
    present (self, cg_room_dialog_new (get_parent_window (self), self->store, state->room));
}

static void
on_restore_clicked_cb (GtkButton   *button,
                       CgRoomsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cg-index"));

  if (self->archived != NULL && index < self->archived->len)
    present (self, cg_room_dialog_new (get_parent_window (self), self->store,
                                       g_ptr_array_index (self->archived, index)));
}

static void
on_mark_clicked_cb (GtkButton   *button,
                    CgRoomsPage *self)
{
  CgRoomState *state = state_of (self, button);
  gboolean called = g_object_get_data (G_OBJECT (button), "cg-called-120") != NULL;
  g_autoptr(GError) error = NULL;
  CgScreening *pending;

  if (state == NULL || state->stay == NULL)
    return;
  pending = g_hash_table_lookup (self->pending, &state->stay->id);
  if (pending == NULL)
    return;
  if (!cg_screening_mark (self->store, pending->id, called, !called, NULL,
                          cg_audit_current_user (), &error))
    {
      show_toast (self, error->message);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  show_toast (self, called ? _("120 call recorded") : _("Report recorded"));
}

static void
on_arrival_screen_clicked_cb (GtkButton   *button,
                              CgRoomsPage *self)
{
  CgPerson *person = g_object_get_data (G_OBJECT (button), "cg-person");

  present (self, cg_screening_dialog_new (get_parent_window (self), self->store, self->module, person));
}

static void
on_arrival_stay_clicked_cb (GtkButton   *button,
                            CgRoomsPage *self)
{
  CgPerson *person = g_object_get_data (G_OBJECT (button), "cg-person");
  const CgRoom *room = cg_screening_pick_room (self->board, CG_SCREENING_ISOLATE);
  CgStayDialog *dialog;

  if (room == NULL)
    {
      show_toast (self, _("No room is free: end a stay or add a room first"));
      return;
    }
  dialog = cg_stay_dialog_new_open (get_parent_window (self), self->store, self->module, room);
  cg_stay_dialog_set_person (dialog, person);
  present (self, dialog);
}

static void
add_room_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (widget);

  present (self, cg_room_dialog_new (get_parent_window (self), self->store, NULL));
}

static void
screen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (widget);

  present (self, cg_screening_dialog_new (get_parent_window (self), self->store, self->module, NULL));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (widget);

  cg_import_dialog_run (widget, self->store,
                        g_str_equal (action_name, "rooms.import-rooms") ? CG_REGISTER_ROOMS : CG_REGISTER_STAYS);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, g_str_equal (action_name, "rooms.template-rooms")
                           ? CG_REGISTER_ROOMS : CG_REGISTER_STAYS);
}

/* ---- GObject ------------------------------------------------------------- */

static void
cg_rooms_page_map (GtkWidget *widget)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (widget);

  GTK_WIDGET_CLASS (cg_rooms_page_parent_class)->map (widget);
  /* "Day N", "ends today": always read afresh when shown. */
  if (self->loader != NULL)
    cg_page_loader_load (self->loader);
}

static void
cg_rooms_page_constructed (GObject *object)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (object);
  static const char * const tables[] = { "room", "stay", "screening", "person", "nat_test",
                                         "policy", "institution", NULL };
  const char *screen;

  G_OBJECT_CLASS (cg_rooms_page_parent_class)->constructed (object);

  if (self->module == NULL)
    self->module = &cg_module_care_home;
  screen = is_rescue_station (self) ? _("Screen Entrant…") : _("Screen New Arrival…");
  gtk_button_set_label (GTK_BUTTON (self->screen_button), screen);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->screen_button), GTK_ACCESSIBLE_PROPERTY_LABEL, screen, -1);
  gtk_widget_set_tooltip_text (self->screen_button, is_rescue_station (self)
                               ? _("Temperature, health code, travel and identity of an entrant (RS-1)")
                               : _("Screening of a new resident, child or staff member (ALL-6)"));
  if (self->store != NULL)
    self->loader = cg_page_loader_new (GTK_WIDGET (self), self->store, self->module, &loader_funcs, tables);
}

static void
cg_rooms_page_dispose (GObject *object)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (object);

  g_clear_pointer (&self->loader, cg_page_loader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_ROOMS_PAGE);
  g_clear_object (&self->register_rows);
  G_OBJECT_CLASS (cg_rooms_page_parent_class)->dispose (object);
}

static void
cg_rooms_page_finalize (GObject *object)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->board, g_ptr_array_unref);
  g_clear_pointer (&self->archived, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_free (self->now);
  G_OBJECT_CLASS (cg_rooms_page_parent_class)->finalize (object);
}

static void
cg_rooms_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (object);

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
cg_rooms_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (object);

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
cg_rooms_page_class_init (CgRoomsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_rooms_page_constructed;
  object_class->dispose = cg_rooms_page_dispose;
  object_class->finalize = cg_rooms_page_finalize;
  object_class->get_property = cg_rooms_page_get_property;
  object_class->set_property = cg_rooms_page_set_property;
  widget_class->map = cg_rooms_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "rooms.add-room", NULL, add_room_action);
  gtk_widget_class_install_action (widget_class, "rooms.screen", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "rooms.import-rooms", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "rooms.import-stays", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "rooms.template-rooms", NULL, template_action);
  gtk_widget_class_install_action (widget_class, "rooms.template-stays", NULL, template_action);

  g_type_ensure (CG_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/CareGuard/cg-rooms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, screen_button);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, error_page);
  gtk_widget_class_bind_template_child_full (widget_class, "board", FALSE,
                                             G_STRUCT_OFFSET (CgRoomsPage, board_box));
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, arrivals_box);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, arrivals_list);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, archived_expander);
  gtk_widget_class_bind_template_child (widget_class, CgRoomsPage, archived_list);
}

static void
cg_rooms_page_init (CgRoomsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The toggle inside the menu button is what a screen reader reaches. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->menu_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Room Actions"), -1);
  self->register_rows = cg_stay_register_init (self->register_view);
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) cg_screening_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

GtkWidget *
cg_rooms_page_new (CgStore        *store,
                   const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_ROOMS_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
