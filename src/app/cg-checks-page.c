/* cg-checks-page.c — daily temperature and symptom checks: the line-listing grid and the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Today view is the nurse's morning round (ALL-1/2/3): one line per
 * person present, in room order; type a temperature, press Enter, and the
 * check is stored and the next person's field has the focus.  The band is
 * shown as the number is typed, an impossible value is refused with the
 * reason, symptoms are toggles, and the action taken can be written on the
 * line.  The History view lists every check out of SQLite, a page at a time.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgChecksPage"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-import-dialog.h"

#include "cg-audit.h"
#include "cg-check-history-model.h"
#include "cg-checks-page.h"
#include "cg-date.h"
#include "cg-health-check.h"

/* ---- CgCheckLine: one person of the grid and what is typed on it ------ */

typedef struct _RowWidgets RowWidgets;

#define CG_TYPE_CHECK_LINE (cg_check_line_get_type ())
G_DECLARE_FINAL_TYPE (CgCheckLine, cg_check_line, CG, CHECK_LINE, GObject)

struct _CgCheckLine
{
  GObject     parent_instance;

  CgPerson   *person;
  char       *floor;          /* "2" for room "2-05"; NULL without one */
  char       *sort_key;       /* staff last, then room, then name */

  /* What is typed: kept here, not in the widgets, which are recycled. */
  char       *text;
  guint       symptoms;
  gboolean    fever_auto;     /* the Fever toggle was set by a fever reading */
  char       *action;
  gboolean    show_error;     /* Enter was pressed on a bad value */

  /* The latest check of the day, if any. */
  gint64      last_id;
  double      last_temperature;
  guint       last_symptoms;
  char       *last_action;
  char       *last_time;      /* local HH:MM */

  gboolean    missing_listed; /* listed by the Missing filter */
  RowWidgets *row;            /* the widgets showing it now, or NULL */

  /* The last reading of the text, asked for many times per change. */
  char       *parsed_text;
  gboolean    parsed_show_error;
  guint       parsed_policy;
  int         parsed_state;
  double      parsed_temperature;
  char       *parsed_message;
};

G_DEFINE_FINAL_TYPE (CgCheckLine, cg_check_line, G_TYPE_OBJECT)

static void
cg_check_line_finalize (GObject *object)
{
  CgCheckLine *self = CG_CHECK_LINE (object);

  g_clear_object (&self->person);
  g_free (self->floor);
  g_free (self->sort_key);
  g_free (self->text);
  g_free (self->action);
  g_free (self->last_action);
  g_free (self->last_time);
  g_free (self->parsed_text);
  g_free (self->parsed_message);

  G_OBJECT_CLASS (cg_check_line_parent_class)->finalize (object);
}

static void
cg_check_line_class_init (CgCheckLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_check_line_finalize;
}

static void
cg_check_line_init (CgCheckLine *self)
{
  self->text = g_strdup ("");
  self->action = g_strdup ("");
}

/* The floor is what comes before the '-' of the room: "2-05" is on floor 2. */
static char *
floor_of_room (const char *room)
{
  const char *dash;

  if (room == NULL)
    return NULL;
  dash = strchr (room, '-');
  if (dash == NULL || dash == room)
    return NULL;
  return g_strstrip (g_strndup (room, dash - room));
}

static CgCheckLine *
cg_check_line_new (CgPerson *person)
{
  CgCheckLine *self = g_object_new (CG_TYPE_CHECK_LINE, NULL);
  const char *room = cg_person_get_room (person);
  g_autofree char *room_key = NULL;
  g_autofree char *name_key = NULL;

  self->person = g_object_ref (person);
  self->floor = floor_of_room (room);
  /* Rooms in natural order ("2-9" before "2-10"), as the round goes. */
  room_key = g_utf8_collate_key_for_filename (room != NULL && *room != '\0' ? room : "\xef\xbf\xbf", -1);
  name_key = g_utf8_collate_key (cg_person_get_name (person), -1);
  self->sort_key = g_strdup_printf ("%d\x01%s\x01%s",
                                    cg_person_get_kind (person) == CG_PERSON_STAFF ? 1 : 0,
                                    room_key, name_key);
  return self;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  CgCheckLine *x = *(CgCheckLine **) a;
  CgCheckLine *y = *(CgCheckLine **) b;

  return strcmp (x->sort_key, y->sort_key);
}

static void
line_set_latest (CgCheckLine         *line,
                 const CgHealthCheck *check)
{
  g_clear_pointer (&line->last_action, g_free);
  g_clear_pointer (&line->last_time, g_free);
  if (check == NULL)
    {
      line->last_id = 0;
      line->last_temperature = 0.0;
      line->last_symptoms = 0;
      return;
    }
  line->last_id = check->id;
  line->last_temperature = check->temperature;
  line->last_symptoms = check->symptoms;
  line->last_action = g_strdup (check->action != NULL ? check->action : "");
  {
    g_autofree char *local = cg_datetime_utc_to_local (check->checked_at);

    line->last_time = g_strdup (local != NULL && strlen (local) == 16 ? local + 11 : "");
  }
}

/* Shows the stored check in the fields, as the line's starting point. */
static void
line_show_latest (CgCheckLine *line)
{
  g_free (line->text);
  g_free (line->action);
  line->show_error = FALSE;
  line->fever_auto = FALSE;
  if (line->last_id == 0)
    {
      line->text = g_strdup ("");
      line->action = g_strdup ("");
      line->symptoms = 0;
      return;
    }
  line->text = g_strdup_printf ("%.1f", line->last_temperature);
  line->symptoms = line->last_symptoms;
  line->action = g_strdup (line->last_action);
}

/* ---- the page ------------------------------------------------------- */

struct _RowWidgets
{
  CgChecksPage *page;
  CgCheckLine  *line;
  gboolean      binding;      /* the widgets are being filled: not the user */
  gint64        labelled_id;  /* whose name the accessible labels carry */

  GtkWidget    *box;
  GtkWidget    *done_icon;
  GtkWidget    *name_label;
  GtkWidget    *room_label;
  GtkWidget    *entry;
  GtkWidget    *band_label;
  GtkWidget    *symptoms[CG_N_SYMPTOMS];
  GtkWidget    *action_entry;
  GtkWidget    *time_label;
  GtkWidget    *save_button;
  GtkWidget    *error_label;
};

struct _CgChecksPage
{
  AdwBin               parent_instance;

  CgStore             *store;
  const CgModule      *module;
  CgPolicy            *policy;
  guint                policy_serial;  /* changes with each policy read */

  GDate                date;
  gboolean             follow_today;   /* the date moves on at midnight */
  gboolean             loaded;
  gboolean             needs_reload;
  gboolean             saving;         /* our own check: the store's signal is not news */

  GListStore          *lines;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  GtkStringList       *group_names;
  GPtrArray           *group_keys;
  char                *group_key;      /* "residents", "floor:2", "staff", "everyone", "no-floor" */
  gboolean             updating_groups;

  CgCheckLine         *focus_target;
  guint                focus_tick_id;
  guint                focus_tries;

  CgCheckHistoryModel *history;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkToggleButton     *today_button;
  GtkToggleButton     *history_button;
  GtkStack            *tools_stack;
  GtkDropDown         *group_dropdown;
  GtkWidget           *previous_day_button;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  GtkWidget           *next_day_button;
  GtkWidget           *back_to_today_button;
  GtkLabel            *progress_label;
  GtkToggleButton     *missing_button;
  GtkSearchEntry      *history_search_entry;
  GtkLabel            *history_count_label;
  GtkStack            *view_stack;
  GtkLabel            *day_notice;
  GtkStack            *grid_stack;
  GtkListView         *grid_view;
  AdwStatusPage       *grid_empty_page;
  AdwStatusPage       *all_checked_page;
  AdwStatusPage       *grid_error_page;
  GtkStack            *history_stack;
  GtkColumnView       *history_view;
  AdwStatusPage       *history_error_page;
};

G_DEFINE_FINAL_TYPE (CgChecksPage, cg_checks_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* What the group of the people who live there is called. */
static const char * const all_of_kind[CG_N_PERSON_KINDS] = {
  N_("All staff"), N_("All residents"), N_("All children"), N_("All aid recipients"),
};

/* Six toggles on every line: small, outlined, red when on. */
static const char page_css[] =
  ".cg-check-grid button.cg-symptom { padding: 2px 7px; min-height: 24px; min-width: 0;"
  "  font-weight: normal; box-shadow: inset 0 0 0 1px alpha(currentColor, 0.15); }"
  ".cg-check-grid button.cg-symptom:checked { color: @error_color;"
  "  background-color: alpha(@error_color, 0.15); box-shadow: inset 0 0 0 1px alpha(@error_color, 0.5); }"
  ".cg-check-grid button.cg-symptom:disabled { box-shadow: none; }"
  ".cg-check-grid entry.warning { box-shadow: inset 0 0 0 1px alpha(@warning_color, 0.8); }";

static void load_all           (CgChecksPage *self);
static void update_row         (CgChecksPage *self,
                                RowWidgets   *row);
static void update_progress    (CgChecksPage *self);

/* Shows one child of @stack and hides the others: GTK 4.8 puts every
 * visible widget in the accessibility tree, mapped or not, so what is
 * not on screen is made invisible. */
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
show_toast (CgChecksPage *self,
            const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_today (CgChecksPage *self)
{
  GDate today;

  cg_date_today (&today);
  return g_date_compare (&self->date, &today) == 0;
}

/* ---- what a line shows ---------------------------------------------- */

typedef enum
{
  ENTRY_EMPTY,
  ENTRY_VALID,
  ENTRY_TYPING,     /* not a temperature yet, but a digit more may make one */
  ENTRY_INVALID,
} EntryState;

static EntryState
parse_text (const CgPolicy  *policy,
            const char      *text,
            gboolean         show_error,
            double          *temperature,
            char           **message)
{
  g_autoptr(GError) error = NULL;
  const char *p;

  *temperature = 0.0;
  *message = NULL;
  for (p = text; *p != '\0' && g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (*p == '\0')
    return ENTRY_EMPTY;
  if (cg_temperature_parse (policy, text, temperature, &error))
    return ENTRY_VALID;

  /* "3" may become 36.5 and "37." 37.5; "3." or "370" never will. */
  if (!show_error)
    for (char digit = '0'; digit <= '9'; digit++)
      {
        g_autofree char *longer = g_strdup_printf ("%s%c", text, digit);
        double ignored;

        if (cg_temperature_parse (policy, longer, &ignored, NULL))
          return ENTRY_TYPING;
      }
  *message = g_strdup (error->message);
  return ENTRY_INVALID;
}

/* The state of what is typed on @line; *@message (optional) is owned by
 * the line.  Read once per change of the text. */
static EntryState
line_parse (CgChecksPage  *self,
            CgCheckLine   *line,
            double        *temperature,
            const char   **message)
{
  if (line->parsed_text == NULL
      || strcmp (line->parsed_text, line->text) != 0
      || line->parsed_show_error != line->show_error
      || line->parsed_policy != self->policy_serial)
    {
      g_free (line->parsed_text);
      g_clear_pointer (&line->parsed_message, g_free);
      line->parsed_text = g_strdup (line->text);
      line->parsed_show_error = line->show_error;
      line->parsed_policy = self->policy_serial;
      line->parsed_state = parse_text (self->policy, line->text, line->show_error,
                                       &line->parsed_temperature, &line->parsed_message);
    }
  *temperature = line->parsed_temperature;
  if (message != NULL)
    *message = line->parsed_message;
  return line->parsed_state;
}

static guint
line_symptoms_to_save (CgChecksPage *self,
                       CgCheckLine  *line,
                       double        temperature)
{
  guint symptoms = line->symptoms;

  if (cg_temperature_band_is_fever (cg_temperature_band (self->policy, temperature)))
    symptoms |= CG_SYMPTOM_FEVER;
  return symptoms;
}

static gboolean
same_action (CgCheckLine *line)
{
  g_autofree char *typed = g_strstrip (g_strdup (line->action));

  return g_strcmp0 (typed, line->last_action != NULL ? line->last_action : "") == 0;
}

/* Something typed that differs from the stored check of the day. */
static gboolean
line_is_dirty (CgChecksPage *self,
               CgCheckLine  *line)
{
  double temperature;

  switch (line_parse (self, line, &temperature, NULL))
    {
    case ENTRY_EMPTY:
      return FALSE;
    case ENTRY_TYPING:
    case ENTRY_INVALID:
      return TRUE;
    case ENTRY_VALID:
    default:
      break;
    }
  if (line->last_id == 0)
    return TRUE;
  return lround (temperature * 10) != lround (line->last_temperature * 10)
         || line_symptoms_to_save (self, line, temperature) != line->last_symptoms
         || !same_action (line);
}

/* Only the action differs from the stored check: it is recorded on it. */
static gboolean
line_only_action_changed (CgChecksPage *self,
                          CgCheckLine  *line)
{
  double temperature;

  return line->last_id != 0
         && line_parse (self, line, &temperature, NULL) == ENTRY_VALID
         && lround (temperature * 10) == lround (line->last_temperature * 10)
         && line_symptoms_to_save (self, line, temperature) == line->last_symptoms
         && !same_action (line);
}

static gboolean
line_needs_action (CgChecksPage *self,
                   CgCheckLine  *line)
{
  double temperature;

  if (line->symptoms != 0)
    return TRUE;
  if (line_parse (self, line, &temperature, NULL) == ENTRY_VALID
      && cg_temperature_band_is_fever (cg_temperature_band (self->policy, temperature)))
    return TRUE;
  return line->action[0] != '\0';
}

static void
set_band_style (GtkWidget  *label,
                CgTempBand  band,
                gboolean    valid)
{
  /* Style classes cost a restyle: only when the band changes. */
  int style = valid ? (int) band + 1 : 0;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "cg-band-style")) == style + 1)
    return;
  g_object_set_data (G_OBJECT (label), "cg-band-style", GINT_TO_POINTER (style + 1));
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "heading");
  if (!valid)
    return;
  if (band == CG_BAND_NORMAL)
    {
      gtk_widget_add_css_class (label, "success");
      gtk_widget_add_css_class (label, "dim-label");
    }
  else if (band == CG_BAND_RECHECK)
    gtk_widget_add_css_class (label, "warning");
  else
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
    }
}

static GtkWidget *ensure_error_label  (RowWidgets   *row);
static GtkWidget *ensure_action_entry (RowWidgets   *row);
static GtkWidget *ensure_save_button  (RowWidgets   *row);

/* The parts of a line that follow the typing: band, error, action, save.
 * The error, the action field and the save button are made the first time
 * a line needs them: GTK 4.8 keeps 200 lines of widgets, most never do. */
static void
update_row_state (CgChecksPage *self,
                  RowWidgets   *row)
{
  CgCheckLine *line = row->line;
  const char *message = NULL;
  double temperature;
  EntryState state;
  gboolean today = is_today (self);
  gboolean needs_action;
  gboolean dirty;

  state = line_parse (self, line, &temperature, &message);
  if (state == ENTRY_VALID)
    {
      CgTempBand band = cg_temperature_band (self->policy, temperature);

      gtk_label_set_text (GTK_LABEL (row->band_label), cg_temperature_band_label (band));
      set_band_style (row->band_label, band, TRUE);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (row->band_label), "");
      set_band_style (row->band_label, CG_BAND_NORMAL, FALSE);
    }

  if (state == ENTRY_INVALID)
    {
      GtkWidget *error_label = ensure_error_label (row);

      gtk_label_set_text (GTK_LABEL (error_label), message);
      gtk_widget_set_visible (error_label, TRUE);
      gtk_widget_add_css_class (row->entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      if (row->error_label != NULL)
        gtk_widget_set_visible (row->error_label, FALSE);
      gtk_widget_remove_css_class (row->entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gtk_label_get_text (GTK_LABEL (row->band_label)), -1);
    }

  needs_action = line_needs_action (self, line);
  if (needs_action)
    {
      GtkWidget *action_entry = ensure_action_entry (row);
      const char *name = cg_person_get_name (line->person);
      g_autofree char *action_name = NULL;
      gboolean binding = row->binding;

      /* Translators: the accessible name of the action field; %s is a person */
      action_name = g_strdup_printf (_("Action taken for %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (action_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, action_name, -1);
      row->binding = TRUE;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (action_entry)), line->action) != 0)
        gtk_editable_set_text (GTK_EDITABLE (action_entry), line->action);
      row->binding = binding;
      gtk_editable_set_editable (GTK_EDITABLE (action_entry), today);
      gtk_widget_set_visible (action_entry, TRUE);
      /* A fever or a symptom without an action taken is what ALL-2 asks about. */
      if (line->last_id != 0 && (line->last_action == NULL || line->last_action[0] == '\0')
          && line->action[0] == '\0')
        gtk_widget_add_css_class (action_entry, "warning");
      else
        gtk_widget_remove_css_class (action_entry, "warning");
    }
  else if (row->action_entry != NULL)
    gtk_widget_set_visible (row->action_entry, FALSE);

  dirty = today && line_is_dirty (self, line);
  if (dirty)
    {
      GtkWidget *save_button = ensure_save_button (row);
      g_autofree char *save_name = NULL;

      /* Translators: the accessible name of a line's save button; %s is a person */
      save_name = g_strdup_printf (_("Save the check of %s"), cg_person_get_name (line->person));
      gtk_accessible_update_property (GTK_ACCESSIBLE (save_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, save_name, -1);
      gtk_widget_set_tooltip_text (save_button, save_name);
      gtk_widget_set_visible (save_button, TRUE);
    }
  else if (row->save_button != NULL)
    gtk_widget_set_visible (row->save_button, FALSE);
}

/* A fever reading sets the Fever toggle; going back to normal clears it
 * again unless the user set it. */
static void
follow_fever (CgChecksPage *self,
              CgCheckLine  *line)
{
  double temperature;
  gboolean fever;

  fever = line_parse (self, line, &temperature, NULL) == ENTRY_VALID
          && cg_temperature_band_is_fever (cg_temperature_band (self->policy, temperature));
  if (fever && !(line->symptoms & CG_SYMPTOM_FEVER))
    {
      line->symptoms |= CG_SYMPTOM_FEVER;
      line->fever_auto = TRUE;
    }
  else if (!fever && line->fever_auto)
    {
      line->symptoms &= ~(guint) CG_SYMPTOM_FEVER;
      line->fever_auto = FALSE;
    }
}

static void
update_row (CgChecksPage *self,
            RowWidgets   *row)
{
  CgCheckLine *line = row->line;
  const char *name = cg_person_get_name (line->person);
  gboolean today = is_today (self);
  gboolean renamed = g_strcmp0 (gtk_label_get_text (GTK_LABEL (row->name_label)), name) != 0;

  row->binding = TRUE;

  gtk_label_set_text (GTK_LABEL (row->name_label), name);
  gtk_label_set_text (GTK_LABEL (row->room_label), cg_person_get_room (line->person));

  /* Accessible names carry the person's name: set when the line shows
   * another person, not at each rebind. */
  if (renamed || row->labelled_id != cg_person_get_id (line->person))
    {
      g_autofree char *entry_name = NULL;

      /* Translators: the accessible name of a temperature field; %s is a person */
      entry_name = g_strdup_printf (_("Temperature of %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name, -1);
      /* "Fever", "Dry cough" …, described by the person's name. */
      for (guint s = 0; s < CG_N_SYMPTOMS; s++)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row->symptoms[s]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
      row->labelled_id = cg_person_get_id (line->person);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->entry)), line->text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->entry), line->text);
  gtk_editable_set_editable (GTK_EDITABLE (row->entry), today);

  for (guint s = 0; s < CG_N_SYMPTOMS; s++)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->symptoms[s]),
                                    (line->symptoms & (1u << s)) != 0);
      gtk_widget_set_sensitive (row->symptoms[s], today);
    }

  if (line->last_id != 0)
    {
      g_autofree char *done = NULL;

      /* Translators: the time of the latest check of a line, e.g. "✓ 07:42" */
      done = g_strdup_printf (_("Checked at %s"), line->last_time);
      gtk_image_set_from_icon_name (GTK_IMAGE (row->done_icon), "object-select-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->done_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, done, -1);
      gtk_label_set_text (GTK_LABEL (row->time_label), line->last_time);
      gtk_widget_set_tooltip_text (row->time_label, done);
    }
  else
    {
      gtk_image_clear (GTK_IMAGE (row->done_icon));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->done_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_label_set_text (GTK_LABEL (row->time_label), today ? "" : _("No check"));
      gtk_widget_set_tooltip_text (row->time_label, NULL);
    }

  update_row_state (self, row);
  row->binding = FALSE;
}

/* ---- saving and moving on ------------------------------------------- */

static guint
line_position (CgChecksPage *self,
               CgCheckLine  *line)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) item = g_list_model_get_item (model, i);

      if (item == line)
        return i;
    }
  return G_MAXUINT;
}

static void
stop_focus_tracking (CgChecksPage *self)
{
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->grid_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  g_clear_object (&self->focus_target);
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CgChecksPage *self = user_data;

  if (self->focus_target != NULL && self->focus_target->row != NULL)
    {
      gtk_widget_grab_focus (self->focus_target->row->entry);
      self->focus_tick_id = 0;
      g_clear_object (&self->focus_target);
      return G_SOURCE_REMOVE;
    }
  if (++self->focus_tries > 30)
    {
      self->focus_tick_id = 0;
      g_clear_object (&self->focus_target);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Scrolls to the line at @position and puts the focus in its temperature
 * field, now if its widgets exist, else once the list has made them. */
static void
focus_position (CgChecksPage *self,
                guint         position)
{
  g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (line == NULL)
    return;
  stop_focus_tracking (self);
  gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", position);
  if (line->row != NULL)
    {
      gtk_widget_grab_focus (line->row->entry);
      return;
    }
  self->focus_target = g_object_ref (line);
  self->focus_tries = 0;
  self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->grid_view),
                                                      focus_tick_cb, self, NULL);
}

static void
focus_next (CgChecksPage *self,
            CgCheckLine  *line)
{
  guint position = line_position (self, line);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (position == G_MAXUINT)
    return;
  if (position + 1 < n)
    focus_position (self, position + 1);
  else
    {
      guint missing = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CgCheckLine) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          if (item->last_id == 0)
            missing++;
        }
      if (missing == 0)
        show_toast (self, _("Everyone in this group is checked"));
      else
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "End of the list: %u person still without a check",
                                                  "End of the list: %u people still without a check",
                                                  missing),
                                     missing);
          show_toast (self, message);
        }
    }
}

static void
refuse (CgChecksPage *self,
        CgCheckLine  *line)
{
  if (line->row == NULL)
    return;
  update_row (self, line->row);
  gtk_widget_error_bell (line->row->entry);
  gtk_widget_grab_focus (line->row->entry);
  /* Typing the right value replaces the wrong one. */
  gtk_editable_select_region (GTK_EDITABLE (line->row->entry), 0, -1);
}

/* Enter on a line: stores the check (or just the action taken), shows the
 * line as done, and moves on.  A bad value keeps the focus on the line. */
static gboolean
save_line (CgChecksPage *self,
           CgCheckLine  *line,
           gboolean      move_on)
{
  g_autoptr(CgHealthCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  double temperature;
  EntryState state;
  gint64 start;
  gboolean ok;

  if (!is_today (self))
    {
      /* Open since yesterday: the list moves on to the new day first. */
      if (self->follow_today)
        {
          load_all (self);
          show_toast (self, _("A new day has begun: the list now shows today. Type the temperature again."));
        }
      return FALSE;
    }

  line->show_error = TRUE;
  state = line_parse (self, line, &temperature, NULL);
  if (state == ENTRY_EMPTY)
    {
      /* Nothing typed: somebody away from the floor, come back later. */
      line->show_error = FALSE;
      if (move_on)
        focus_next (self, line);
      return TRUE;
    }
  if (state != ENTRY_VALID)
    {
      refuse (self, line);
      return FALSE;
    }
  line->show_error = FALSE;

  if (!line_is_dirty (self, line))
    {
      if (move_on)
        focus_next (self, line);
      return TRUE;
    }

  g_strstrip (line->action);
  start = g_get_monotonic_time ();
  self->saving = TRUE;
  if (line_only_action_changed (self, line))
    {
      ok = cg_health_check_set_action (self->store, line->last_id, line->action,
                                       cg_audit_current_user (), &error);
      if (ok)
        {
          g_free (line->last_action);
          line->last_action = g_strdup (line->action);
        }
    }
  else
    {
      check = cg_health_check_new ();
      check->person_id = cg_person_get_id (line->person);
      check->temperature = temperature;
      check->symptoms = line_symptoms_to_save (self, line, temperature);
      g_free (check->action);
      check->action = g_strdup (line->action);
      ok = cg_health_check_add (self->store, self->policy, check, cg_audit_current_user (), &error);
      if (ok)
        {
          line_set_latest (line, check);
          line_show_latest (line);
        }
    }
  self->saving = FALSE;

  if (!ok)
    {
      if (line->row != NULL)
        {
          line->show_error = FALSE;
          update_row (self, line->row);
          gtk_label_set_text (GTK_LABEL (ensure_error_label (line->row)), error->message);
          gtk_widget_set_visible (line->row->error_label, TRUE);
          gtk_widget_grab_focus (line->row->entry);
        }
      show_toast (self, error->message);
      return FALSE;
    }

  if (line->row != NULL)
    update_row (self, line->row);
  update_progress (self);
  if (move_on)
    focus_next (self, line);
  g_debug ("check of line %u saved and shown in %.1f ms", line_position (self, line),
           (g_get_monotonic_time () - start) / 1000.0);
  return TRUE;
}

/* ---- the row widgets -------------------------------------------------- */

static RowWidgets *
row_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "cg-row");
}

static void
on_entry_changed_cb (GtkEditable *editable,
                     RowWidgets  *row)
{
  CgCheckLine *line = row->line;

  if (row->binding || line == NULL)
    return;
  g_free (line->text);
  line->text = g_strdup (gtk_editable_get_text (editable));
  line->show_error = FALSE;
  follow_fever (row->page, line);
  row->binding = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->symptoms[0]),
                                (line->symptoms & CG_SYMPTOM_FEVER) != 0);
  row->binding = FALSE;
  update_row_state (row->page, row);
}

static void
on_entry_activated_cb (GtkEntry   *entry,
                       RowWidgets *row)
{
  if (row->line != NULL)
    save_line (row->page, row->line, TRUE);
}

static void
on_symptom_toggled_cb (GtkToggleButton *button,
                       RowWidgets      *row)
{
  CgCheckLine *line = row->line;
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cg-symptom"));

  if (row->binding || line == NULL)
    return;
  if (gtk_toggle_button_get_active (button))
    line->symptoms |= bit;
  else
    line->symptoms &= ~bit;
  if (bit == CG_SYMPTOM_FEVER)
    line->fever_auto = FALSE;
  update_row_state (row->page, row);
}

static void
on_action_changed_cb (GtkEditable *editable,
                      RowWidgets  *row)
{
  CgCheckLine *line = row->line;

  if (row->binding || line == NULL)
    return;
  g_free (line->action);
  line->action = g_strdup (gtk_editable_get_text (editable));
  update_row_state (row->page, row);
}

static void
on_action_activated_cb (GtkEntry   *entry,
                        RowWidgets *row)
{
  if (row->line != NULL)
    save_line (row->page, row->line, TRUE);
}

static void
on_save_clicked_cb (GtkButton  *button,
                    RowWidgets *row)
{
  if (row->line != NULL)
    save_line (row->page, row->line, FALSE);
}

/* Enter on a symptom toggle saves the line too, as it does in the fields:
 * Space toggles. */
static gboolean
on_row_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       RowWidgets            *row)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (row->line == NULL)
    return FALSE;
  focus = gtk_root_get_focus (gtk_widget_get_root (row->box));
  if (!GTK_IS_TOGGLE_BUTTON (focus))
    return FALSE;
  save_line (row->page, row->line, TRUE);
  return TRUE;
}

/* A line is a grid: the name, room, temperature, band, symptoms and time
 * on top; under the temperature, when needed, why a value is refused and
 * the action taken (ALL-2).  Fixed widths keep the columns aligned from
 * one line to the next. */
enum {
  COL_DONE,
  COL_NAME,
  COL_ROOM,
  COL_ENTRY,
  COL_BAND,
  COL_SYMPTOMS,
  COL_SPACER,
  COL_TIME,
  COL_SAVE,
  N_COLS
};

static GtkWidget *
ensure_error_label (RowWidgets *row)
{
  if (row->error_label == NULL)
    {
      row->error_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->error_label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (row->error_label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (row->error_label), 1);
      gtk_widget_add_css_class (row->error_label, "error");
      gtk_grid_attach (GTK_GRID (row->box), row->error_label, COL_ENTRY, 1, COL_SPACER - COL_ENTRY + 1, 1);
    }
  return row->error_label;
}

static GtkWidget *
ensure_action_entry (RowWidgets *row)
{
  if (row->action_entry == NULL)
    {
      row->action_entry = gtk_entry_new ();
      gtk_widget_set_hexpand (row->action_entry, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (row->action_entry),
                                      _("Action taken: observation room, fever clinic, hospital…"));
      g_signal_connect (row->action_entry, "changed", G_CALLBACK (on_action_changed_cb), row);
      g_signal_connect (row->action_entry, "activate", G_CALLBACK (on_action_activated_cb), row);
      gtk_grid_attach (GTK_GRID (row->box), row->action_entry, COL_ENTRY, 2, COL_SPACER - COL_ENTRY + 1, 1);
    }
  return row->action_entry;
}

static GtkWidget *
ensure_save_button (RowWidgets *row)
{
  if (row->save_button == NULL)
    {
      row->save_button = gtk_button_new_from_icon_name ("document-save-symbolic");
      gtk_widget_add_css_class (row->save_button, "flat");
      gtk_widget_set_valign (row->save_button, GTK_ALIGN_CENTER);
      g_signal_connect (row->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), row);
      gtk_grid_attach (GTK_GRID (row->box), row->save_button, COL_SAVE, 0, 1, 1);
    }
  return row->save_button;
}

static void
grid_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CgChecksPage             *self)
{
  RowWidgets *row = g_new0 (RowWidgets, 1);
  GtkGrid *grid;
  GtkWidget *symptoms_box;
  GtkWidget *spacer;
  GtkEventController *keys;

  row->page = self;
  row->box = gtk_grid_new ();
  grid = GTK_GRID (row->box);
  gtk_grid_set_column_spacing (grid, 8);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_widget_set_margin_start (row->box, 12);
  gtk_widget_set_margin_end (row->box, 12);
  gtk_widget_set_margin_top (row->box, 3);
  gtk_widget_set_margin_bottom (row->box, 3);
  g_object_set_data_full (G_OBJECT (row->box), "cg-row", row, g_free);

  row->done_icon = gtk_image_new ();
  gtk_widget_set_size_request (row->done_icon, 16, 16);
  gtk_widget_add_css_class (row->done_icon, "success");
  gtk_grid_attach (grid, row->done_icon, COL_DONE, 0, 1, 1);

  row->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->name_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (row->name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (row->name_label), 1);
  gtk_widget_set_size_request (row->name_label, 100, -1);
  gtk_grid_attach (grid, row->name_label, COL_NAME, 0, 1, 1);

  row->room_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->room_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (row->room_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (row->room_label), 1);
  gtk_widget_set_size_request (row->room_label, 48, -1);
  gtk_widget_add_css_class (row->room_label, "dim-label");
  gtk_widget_add_css_class (row->room_label, "numeric");
  gtk_grid_attach (grid, row->room_label, COL_ROOM, 0, 1, 1);

  row->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (row->entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row->entry), 4);
  gtk_entry_set_input_purpose (GTK_ENTRY (row->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_max_length (GTK_ENTRY (row->entry), 8);
  /* Translators: the placeholder of an empty temperature field */
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->entry), _("℃"));
  gtk_widget_add_css_class (row->entry, "numeric");
  gtk_widget_set_valign (row->entry, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, row->entry, COL_ENTRY, 0, 1, 1);
  g_signal_connect (row->entry, "changed", G_CALLBACK (on_entry_changed_cb), row);
  g_signal_connect (row->entry, "activate", G_CALLBACK (on_entry_activated_cb), row);

  row->band_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->band_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (row->band_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (row->band_label), 1);
  gtk_widget_set_size_request (row->band_label, 128, -1);
  gtk_grid_attach (grid, row->band_label, COL_BAND, 0, 1, 1);

  symptoms_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (symptoms_box, GTK_ALIGN_CENTER);
  for (guint s = 0; s < CG_N_SYMPTOMS; s++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (cg_symptom_label (s));

      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_add_css_class (toggle, "cg-symptom");
      gtk_widget_set_focus_on_click (toggle, FALSE);
      g_object_set_data (G_OBJECT (toggle), "cg-symptom", GUINT_TO_POINTER (1u << s));
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_symptom_toggled_cb), row);
      gtk_box_append (GTK_BOX (symptoms_box), toggle);
      row->symptoms[s] = toggle;
    }
  gtk_grid_attach (grid, symptoms_box, COL_SYMPTOMS, 0, 1, 1);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_grid_attach (grid, spacer, COL_SPACER, 0, 1, 1);

  row->time_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->time_label), 1.0f);
  gtk_widget_add_css_class (row->time_label, "numeric");
  gtk_widget_add_css_class (row->time_label, "dim-label");
  gtk_grid_attach (grid, row->time_label, COL_TIME, 0, 1, 1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_row_key_pressed_cb), row);
  gtk_widget_add_controller (row->box, keys);

  gtk_list_item_set_child (item, row->box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
grid_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CgChecksPage             *self)
{
  RowWidgets *row = row_of (gtk_list_item_get_child (item));
  CgCheckLine *line = gtk_list_item_get_item (item);

  if (line->row != NULL && line->row != row)
    line->row->line = NULL;
  row->line = line;
  line->row = row;
  update_row (self, row);
}

static void
grid_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CgChecksPage             *self)
{
  RowWidgets *row = row_of (gtk_list_item_get_child (item));

  if (row->line != NULL && row->line->row == row)
    row->line->row = NULL;
  row->line = NULL;
}

/* ---- groups, filter, progress ----------------------------------------- */

static gboolean
line_in_group (CgCheckLine *line,
               const char  *key)
{
  gboolean staff = cg_person_get_kind (line->person) == CG_PERSON_STAFF;

  if (key == NULL || g_str_equal (key, "everyone"))
    return TRUE;
  if (g_str_equal (key, "staff"))
    return staff;
  if (staff)
    return FALSE;
  if (g_str_equal (key, "residents"))
    return TRUE;
  if (g_str_equal (key, "no-floor"))
    return line->floor == NULL;
  if (g_str_has_prefix (key, "floor:"))
    return g_strcmp0 (line->floor, key + strlen ("floor:")) == 0;
  return FALSE;
}

static gboolean
filter_line_cb (gpointer item,
                gpointer user_data)
{
  CgChecksPage *self = user_data;
  CgCheckLine *line = item;

  if (!line_in_group (line, self->group_key))
    return FALSE;
  return !gtk_toggle_button_get_active (self->missing_button) || line->missing_listed;
}

/* Who the Missing filter lists is decided when it is asked for, not at
 * each Enter: a line just checked stays where it is under the cursor. */
static void
refilter (CgChecksPage *self)
{
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      line->missing_listed = line->last_id == 0;
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_progress (self);
}

static void
update_progress (CgChecksPage *self)
{
  GListModel *lines = G_LIST_MODEL (self->lines);
  guint n_lines = g_list_model_get_n_items (lines);
  guint total = 0;
  guint checked = 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *progress = NULL;
  g_autofree char *missing = NULL;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (lines, i);

      if (!line_in_group (line, self->group_key))
        continue;
      total++;
      if (line->last_id != 0)
        checked++;
    }

  /* Translators: "32 of 88 checked": people with a check on the day, of those present */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u checked", "%u of %u checked", total),
                              checked, total);
  gtk_label_set_text (self->progress_label, total > 0 ? progress : "");
  /* Translators: the Missing filter button, with how many have no check */
  missing = g_strdup_printf (_("Missing (%u)"), total - checked);
  gtk_button_set_label (GTK_BUTTON (self->missing_button), missing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->missing_button),
                            total > 0 || gtk_toggle_button_get_active (self->missing_button));

  if (total == 0)
    show_only (self->grid_stack, "empty");
  else if (shown == 0)
    show_only (self->grid_stack, "all-checked");
  else
    show_only (self->grid_stack, "list");
}

static void
add_group (CgChecksPage *self,
           const char   *key,
           const char   *label)
{
  g_ptr_array_add (self->group_keys, g_strdup (key));
  gtk_string_list_append (self->group_names, label);
}

static int
compare_floors (gconstpointer a,
                gconstpointer b)
{
  g_autofree char *x = g_utf8_collate_key_for_filename (*(const char **) a, -1);
  g_autofree char *y = g_utf8_collate_key_for_filename (*(const char **) b, -1);

  return strcmp (x, y);
}

/* The groups: everyone who lives there, each floor, the staff, everyone. */
static void
rebuild_groups (CgChecksPage *self)
{
  g_autoptr(GHashTable) floors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **sorted = NULL;
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  guint n_floors = 0;
  gboolean no_floor = FALSE;
  gboolean residents = FALSE;
  int resident_kind = -1;
  guint selected = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (cg_person_get_kind (line->person) == CG_PERSON_STAFF)
        continue;
      residents = TRUE;
      if (line->floor != NULL)
        g_hash_table_add (floors, line->floor);
      else
        no_floor = TRUE;
    }
  if (self->module != NULL)
    for (guint i = 0; i < self->module->n_person_kinds; i++)
      if (self->module->person_kinds[i] != CG_PERSON_STAFF)
        {
          resident_kind = self->module->person_kinds[i];
          residents = TRUE;
          break;
        }

  self->updating_groups = TRUE;
  g_ptr_array_set_size (self->group_keys, 0);
  gtk_string_list_splice (self->group_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->group_names)), NULL);

  if (residents)
    add_group (self, "residents", _(all_of_kind[resident_kind >= 0 ? resident_kind : CG_PERSON_RESIDENT]));
  sorted = (const char **) g_hash_table_get_keys_as_array (floors, &n_floors);
  qsort (sorted, n_floors, sizeof (char *), compare_floors);
  for (guint i = 0; i < n_floors; i++)
    {
      g_autofree char *key = g_strconcat ("floor:", sorted[i], NULL);
      g_autofree char *label = NULL;

      /* Translators: a floor of the building, from the room number: "Floor 2" */
      label = g_strdup_printf (_("Floor %s"), sorted[i]);
      add_group (self, key, label);
    }
  if (no_floor && n_floors > 0)
    add_group (self, "no-floor", _("No floor in the room number"));
  add_group (self, "staff", _("Staff"));
  if (residents)
    add_group (self, "everyone", _("Everyone"));

  for (guint i = 0; i < self->group_keys->len; i++)
    if (g_strcmp0 (self->group_keys->pdata[i], self->group_key) == 0)
      selected = i;
  g_free (self->group_key);
  self->group_key = g_strdup (self->group_keys->pdata[selected]);
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), self->group_keys->len > 1);
  self->updating_groups = FALSE;
}

/* After choosing whose round it is, the first person without a check
 * has the focus: the typing can start at once. */
static void
focus_first_missing (CgChecksPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  if (n == 0 || !is_today (self))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (model, i);

      if (line->last_id == 0)
        {
          focus_position (self, i);
          return;
        }
    }
  focus_position (self, 0);
}

static void
on_group_selected_cb (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      CgChecksPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_groups || selected >= self->group_keys->len)
    return;
  g_free (self->group_key);
  self->group_key = g_strdup (self->group_keys->pdata[selected]);
  refilter (self);
  focus_first_missing (self);
}

static void
on_missing_toggled_cb (CgChecksPage *self)
{
  refilter (self);
  if (gtk_toggle_button_get_active (self->missing_button))
    focus_first_missing (self);
}

/* ---- loading ---------------------------------------------------------- */

static void
show_grid_error (CgChecksPage *self,
                 const GError *error)
{
  adw_status_page_set_description (self->grid_error_page, error->message);
  show_only (self->grid_stack, "error");
  gtk_label_set_text (self->progress_label, "");
}

static gboolean
load_policy (CgChecksPage *self,
             GError      **error)
{
  CgPolicy *policy;

  policy = cg_module_load_policy (self->module, self->store, error);
  if (policy == NULL)
    return FALSE;
  g_clear_pointer (&self->policy, cg_policy_free);
  self->policy = policy;
  self->policy_serial++;
  if (self->history != NULL)
    cg_check_history_model_set_policy (self->history, self->policy);
  return TRUE;
}

static void
update_day_widgets (CgChecksPage *self)
{
  gboolean today = is_today (self);
  g_autofree char *label = cg_date_to_iso (&self->date);
  g_autoptr(GDateTime) when = NULL;

  gtk_menu_button_set_label (self->date_button, label);
  gtk_widget_set_visible (self->back_to_today_button, !today);
  gtk_widget_set_sensitive (self->next_day_button, !today);
  gtk_widget_set_visible (GTK_WIDGET (self->day_notice), !today);
  if (!today)
    {
      g_autofree char *notice = NULL;

      /* Translators: %s is a date */
      notice = g_strdup_printf (_("The checks of %s, as they were recorded. Checks are entered on the day itself: go back to today to enter them."),
                                label);
      gtk_label_set_text (self->day_notice, notice);
    }
  when = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                g_date_get_day (&self->date), 12, 0, 0);
  g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->calendar, when);
  g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* Reads the people present on the day and their latest checks.  What was
 * typed and not stored is kept, for the same day. */
static void
load_all (CgChecksPage *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GHashTable) typed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  gint64 start = g_get_monotonic_time ();
  GDate today;

  if (self->store == NULL || self->module == NULL)
    return;
  self->loaded = TRUE;
  self->needs_reload = FALSE;

  cg_date_today (&today);
  if (self->follow_today && g_date_compare (&self->date, &today) != 0)
    {
      self->date = today;
      n_old = 0;   /* another day: nothing typed carries over */
      g_list_store_remove_all (self->lines);
    }
  update_day_widgets (self);

  if (!load_policy (self, &error))
    {
      show_grid_error (self, error);
      return;
    }
  people = cg_people_present_on (self->store, &self->date, -1, &error);
  if (people != NULL)
    latest = cg_health_check_latest_on (self->store, &self->date, &error);
  if (people == NULL || latest == NULL)
    {
      show_grid_error (self, error);
      return;
    }

  for (guint i = 0; i < n_old; i++)
    {
      CgCheckLine *line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      gint64 *key = g_new (gint64, 1);

      *key = cg_person_get_id (line->person);
      g_hash_table_replace (typed, key, line);
    }

  for (guint i = 0; i < people->len; i++)
    {
      CgPerson *person = people->pdata[i];
      gint64 id = cg_person_get_id (person);
      CgCheckLine *old = g_hash_table_lookup (typed, &id);
      CgCheckLine *line = cg_check_line_new (person);
      CgHealthCheck *check = g_hash_table_lookup (latest, &id);

      line_set_latest (line, check);
      if (old != NULL && line_is_dirty (self, old))
        {
          g_free (line->text);
          line->text = g_strdup (old->text);
          g_free (line->action);
          line->action = g_strdup (old->action);
          line->symptoms = old->symptoms;
          line->fever_auto = old->fever_auto;
        }
      else
        line_show_latest (line);
      g_ptr_array_add (lines, line);
    }
  g_ptr_array_sort (lines, compare_lines);

  stop_focus_tracking (self);
  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       lines->pdata, lines->len);
  rebuild_groups (self);
  refilter (self);
  g_debug ("%u people present, their checks loaded in %.1f ms",
           lines->len, (g_get_monotonic_time () - start) / 1000.0);
}

/* The day's checks changed elsewhere (an import, the command line): the
 * lines take the latest checks, the list and the focus stay. */
static void
reload_checks (CgChecksPage *self)
{
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  latest = cg_health_check_latest_on (self->store, &self->date, &error);
  if (latest == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      gint64 id = cg_person_get_id (line->person);
      CgHealthCheck *check = g_hash_table_lookup (latest, &id);
      gboolean typed = line_is_dirty (self, line);

      if ((check == NULL ? 0 : check->id) == line->last_id
          && (check == NULL || g_strcmp0 (check->action, line->last_action) == 0))
        continue;
      line_set_latest (line, check);
      if (!typed)
        line_show_latest (line);
      if (line->row != NULL)
        update_row (self, line->row);
    }
  update_progress (self);
}

static void
on_store_changed_cb (CgStore      *store,
                     const char   *table,
                     CgChecksPage *self)
{
  if (g_strcmp0 (table, "health_check") == 0 && self->saving)
    return;
  if (g_strcmp0 (table, "health_check") != 0 && g_strcmp0 (table, "person") != 0
      && g_strcmp0 (table, "policy") != 0 && g_strcmp0 (table, "institution") != 0)
    return;
  if (!self->loaded)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_reload = TRUE;
      return;
    }
  if (g_strcmp0 (table, "health_check") == 0)
    reload_checks (self);
  else
    load_all (self);
}

static void
set_date (CgChecksPage *self,
          const GDate  *date)
{
  GDate today;

  cg_date_today (&today);
  if (g_date_compare (date, &today) > 0)
    date = &today;
  if (g_date_compare (date, &self->date) == 0)
    return;
  self->date = *date;
  self->follow_today = g_date_compare (date, &today) == 0;
  g_list_store_remove_all (self->lines);
  load_all (self);
}

static void
on_previous_day_clicked_cb (CgChecksPage *self)
{
  GDate date = self->date;

  g_date_subtract_days (&date, 1);
  set_date (self, &date);
}

static void
on_next_day_clicked_cb (CgChecksPage *self)
{
  GDate date = self->date;

  g_date_add_days (&date, 1);
  set_date (self, &date);
}

static void
on_back_to_today_clicked_cb (CgChecksPage *self)
{
  GDate today;

  cg_date_today (&today);
  set_date (self, &today);
}

static void
on_calendar_day_selected_cb (CgChecksPage *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when),
                  g_date_time_get_month (when), g_date_time_get_year (when));
  gtk_popover_popdown (gtk_menu_button_get_popover (self->date_button));
  set_date (self, &date);
}

/* ---- history ---------------------------------------------------------- */

typedef enum
{
  HISTORY_DATE,
  HISTORY_TIME,
  HISTORY_NAME,
  HISTORY_ROOM,
  HISTORY_TEMPERATURE,
  HISTORY_BAND,
  HISTORY_SYMPTOMS,
  HISTORY_ACTION,
  N_HISTORY_COLUMNS
} HistoryColumn;

static const struct
{
  const char *title;
  int         width;   /* 0: takes the remaining width */
  gboolean    numeric;
} history_columns[N_HISTORY_COLUMNS] = {
  [HISTORY_DATE]        = { N_("Date"),        110, TRUE  },
  [HISTORY_TIME]        = { N_("Time"),         70, TRUE  },
  [HISTORY_NAME]        = { N_("Name"),        130, FALSE },
  [HISTORY_ROOM]        = { N_("Room"),         80, TRUE  },
  [HISTORY_TEMPERATURE] = { N_("Temperature"),  110, TRUE  },
  [HISTORY_BAND]        = { N_("Band"),        130, FALSE },
  [HISTORY_SYMPTOMS]    = { N_("Symptoms"),    160, FALSE },
  [HISTORY_ACTION]      = { N_("Action Taken"),  0, FALSE },
};

static void
history_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  HistoryColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (history_columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
history_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  HistoryColumn column = GPOINTER_TO_UINT (user_data);
  CgCheckRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = "";

  switch (column)
    {
    case HISTORY_DATE: text = cg_check_row_get_date (row); break;
    case HISTORY_TIME: text = cg_check_row_get_time (row); break;
    case HISTORY_NAME: text = cg_check_row_get_name (row); break;
    case HISTORY_ROOM: text = cg_check_row_get_room (row); break;
    case HISTORY_TEMPERATURE: text = cg_check_row_get_temperature_text (row); break;
    case HISTORY_BAND: text = cg_check_row_get_band_label (row); break;
    case HISTORY_SYMPTOMS: text = cg_check_row_get_symptoms_text (row); break;
    case HISTORY_ACTION: text = cg_check_row_get_action (row); break;
    case N_HISTORY_COLUMNS:
    default:
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == HISTORY_ACTION || column == HISTORY_SYMPTOMS)
    gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
  if (column == HISTORY_BAND)
    set_band_style (label, cg_check_row_get_band (row), cg_check_row_get_id (row) != 0);
  else if (column == HISTORY_TEMPERATURE)
    set_band_style (label, cg_check_row_get_band (row),
                    cg_check_row_get_id (row) != 0 && cg_check_row_get_band (row) != CG_BAND_NORMAL);
}

static void
setup_history_columns (CgChecksPage *self)
{
  for (guint i = 0; i < N_HISTORY_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (history_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (history_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(history_columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (history_columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, history_columns[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->history_view, column);
    }
}

static void
update_history_state (CgChecksPage *self)
{
  const GError *error = cg_check_history_model_get_error (self->history);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  const char *search = cg_check_history_model_get_search (self->history);
  g_autofree char *count = NULL;

  if (error != NULL)
    {
      adw_status_page_set_description (self->history_error_page, error->message);
      show_only (self->history_stack, "error");
      gtk_label_set_text (self->history_count_label, "");
      return;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check", "%u checks", n), n);
  gtk_label_set_text (self->history_count_label, count);
  if (n > 0)
    show_only (self->history_stack, "list");
  else if (search != NULL && *search != '\0')
    show_only (self->history_stack, "no-results");
  else
    show_only (self->history_stack, "empty");
}

static void
ensure_history (CgChecksPage *self)
{
  GtkNoSelection *selection;
  gint64 start;

  if (self->history != NULL || self->store == NULL)
    return;
  if (self->policy == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!load_policy (self, &error))
        {
          adw_status_page_set_description (self->history_error_page, error->message);
          show_only (self->history_stack, "error");
          return;
        }
    }
  start = g_get_monotonic_time ();
  self->history = cg_check_history_model_new (self->store, self->policy);
  cg_check_history_model_set_search (self->history,
                                     gtk_editable_get_text (GTK_EDITABLE (self->history_search_entry)));
  g_signal_connect_object (self->history, "notify::n-items",
                           G_CALLBACK (update_history_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "items-changed",
                           G_CALLBACK (update_history_state), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_column_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_history_state (self);
  g_debug ("history model of %u checks set up in %.1f ms",
           g_list_model_get_n_items (G_LIST_MODEL (self->history)),
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
on_history_search_changed_cb (CgChecksPage *self)
{
  if (self->history == NULL)
    return;
  cg_check_history_model_set_search (self->history,
                                     gtk_editable_get_text (GTK_EDITABLE (self->history_search_entry)));
  update_history_state (self);
}

static void
on_history_stop_search_cb (CgChecksPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->history_search_entry), "");
}

/* How long a view takes to appear, for G_MESSAGES_DEBUG=CgChecksPage. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 *start = user_data;

  g_debug ("view painted %.1f ms after the switch", (g_get_monotonic_time () - *start) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  g_free (start);
}

static void
on_view_toggled_cb (CgChecksPage *self)
{
  const char *name = gtk_toggle_button_get_active (self->history_button) ? "history" : "today";
  gint64 *start;
  GdkFrameClock *clock;

  /* Both buttons of the pair report a toggle: act once. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), name) == 0)
    return;
  start = g_new (gint64, 1);
  *start = g_get_monotonic_time ();
  if (g_str_equal (name, "history"))
    {
      ensure_history (self);
      if (self->history != NULL)
        cg_check_history_model_set_paused (self->history, FALSE);
    }
  else if (self->history != NULL)
    cg_check_history_model_set_paused (self->history, TRUE);
  show_only (self->view_stack, name);
  show_only (self->tools_stack, name);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), start);
  else
    g_free (start);
}

/* ---- public ----------------------------------------------------------- */

/**
 * cg_checks_page_show_person:
 * Shows today's line of @person_id (in a group that holds it) with the
 * focus in the temperature field, as an alert about a missing check asks.
 */
void
cg_checks_page_show_person (CgChecksPage *self,
                            gint64        person_id)
{
  GDate today;
  guint n;

  g_return_if_fail (CG_IS_CHECKS_PAGE (self));

  gtk_toggle_button_set_active (self->today_button, TRUE);
  cg_date_today (&today);
  if (!self->loaded || g_date_compare (&today, &self->date) != 0)
    {
      self->follow_today = TRUE;
      g_list_store_remove_all (self->lines);
      load_all (self);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgCheckLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      guint position;

      if (cg_person_get_id (line->person) != person_id)
        continue;
      if (!line_in_group (line, self->group_key)
          || (gtk_toggle_button_get_active (self->missing_button) && !line->missing_listed))
        {
          for (guint g = 0; g < self->group_keys->len; g++)
            if (g_str_equal (self->group_keys->pdata[g], "everyone")
                || (g_str_equal (self->group_keys->pdata[g], "staff")
                    && cg_person_get_kind (line->person) == CG_PERSON_STAFF))
              {
                gtk_toggle_button_set_active (self->missing_button, FALSE);
                gtk_drop_down_set_selected (self->group_dropdown, g);
                break;
              }
        }
      position = line_position (self, line);
      if (position != G_MAXUINT)
        focus_position (self, position);
      return;
    }
}

/**
 * cg_checks_page_show_history:
 * Shows the History view searched for @search (a name, ID number or room).
 */
void
cg_checks_page_show_history (CgChecksPage *self,
                             const char   *search)
{
  g_return_if_fail (CG_IS_CHECKS_PAGE (self));

  gtk_toggle_button_set_active (self->history_button, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->history_search_entry), search != NULL ? search : "");
  on_history_search_changed_cb (self);
}

/* ---- object ----------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgChecksPage *self = CG_CHECKS_PAGE (widget);

  gtk_toggle_button_set_active (self->history_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->history_search_entry));
}

static void
cg_checks_page_map (GtkWidget *widget)
{
  CgChecksPage *self = CG_CHECKS_PAGE (widget);
  GDate today;

  GTK_WIDGET_CLASS (cg_checks_page_parent_class)->map (widget);

  if (self->history != NULL && gtk_toggle_button_get_active (self->history_button))
    cg_check_history_model_set_paused (self->history, FALSE);

  cg_date_today (&today);
  if (!self->loaded || self->needs_reload
      || (self->follow_today && g_date_compare (&today, &self->date) != 0))
    load_all (self);
}

/* Hidden, the history hears of changes but does not redraw a million rows
 * for each. */
static void
cg_checks_page_unmap (GtkWidget *widget)
{
  CgChecksPage *self = CG_CHECKS_PAGE (widget);

  if (self->history != NULL)
    cg_check_history_model_set_paused (self->history, TRUE);

  GTK_WIDGET_CLASS (cg_checks_page_parent_class)->unmap (widget);
}

static void
cg_checks_page_constructed (GObject *object)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  G_OBJECT_CLASS (cg_checks_page_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
cg_checks_page_dispose (GObject *object)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  stop_focus_tracking (self);
  if (self->grid_view != NULL)
    gtk_list_view_set_model (self->grid_view, NULL);
  if (self->history_view != NULL)
    gtk_column_view_set_model (self->history_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_CHECKS_PAGE);
  g_clear_object (&self->history);
  g_clear_object (&self->filtered);
  g_clear_object (&self->lines);
  g_clear_object (&self->group_names);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_clear_pointer (&self->policy, cg_policy_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cg_checks_page_parent_class)->dispose (object);
}

static void
cg_checks_page_finalize (GObject *object)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

  g_free (self->group_key);

  G_OBJECT_CLASS (cg_checks_page_parent_class)->finalize (object);
}

static void
cg_checks_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

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
cg_checks_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgChecksPage *self = CG_CHECKS_PAGE (object);

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
  cg_import_dialog_run (widget, CG_CHECKS_PAGE (widget)->store, CG_REGISTER_CHECKS);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_import_template_save (widget, CG_REGISTER_CHECKS);
}

static void
cg_checks_page_class_init (CgChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_checks_page_constructed;
  object_class->dispose = cg_checks_page_dispose;
  object_class->finalize = cg_checks_page_finalize;
  object_class->get_property = cg_checks_page_get_property;
  object_class->set_property = cg_checks_page_set_property;
  widget_class->map = cg_checks_page_map;
  widget_class->unmap = cg_checks_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE] =
    g_param_spec_pointer ("module", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/CareGuard/cg-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, tools_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, previous_day_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, next_day_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, back_to_today_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, missing_button);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_count_label);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, day_notice);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, all_checked_page);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, grid_error_page);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, CgChecksPage, history_error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_missing_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "checks.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "checks.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "checks.template", NULL, template_action);
}

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
cg_checks_page_init (CgChecksPage *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkShortcutController *shortcuts;

  self->follow_today = TRUE;
  self->group_key = g_strdup ("residents");
  self->group_keys = g_ptr_array_new_with_free_func (g_free);
  cg_date_today (&self->date);

  ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lines = g_list_store_new (CG_TYPE_CHECK_LINE);
  self->filter = gtk_custom_filter_new (filter_line_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->lines)),
                                              GTK_FILTER (self->filter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (grid_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (grid_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (grid_unbind_cb), self);
  gtk_list_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  self->group_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->group_names));
  g_signal_connect (self->group_dropdown, "notify::selected", G_CALLBACK (on_group_selected_cb), self);

  setup_history_columns (self);
  show_only (self->view_stack, "today");
  show_only (self->tools_stack, "today");
  show_only (self->history_stack, "list");

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("checks.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

GtkWidget *
cg_checks_page_new (CgStore        *store,
                    const CgModule *module)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  return g_object_new (CG_TYPE_CHECKS_PAGE,
                       "store", store,
                       "module", module,
                       NULL);
}
