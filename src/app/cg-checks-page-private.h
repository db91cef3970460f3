/* cg-checks-page-private.h — what the parts of the Checks page share:
 * the line of a person (cg-checks-line.c), the fast-entry grid
 * (cg-checks-entry.c), the History view (cg-checks-history.c) and the
 * page itself (cg-checks-page.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-widgets.h"

#include "cg-check-history-model.h"
#include "cg-checks-page.h"
#include "cg-health-check.h"

G_BEGIN_DECLS

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

typedef enum
{
  ENTRY_EMPTY,
  ENTRY_VALID,
  ENTRY_TYPING,     /* not a temperature yet, but a digit more may make one */
  ENTRY_INVALID,
} EntryState;

/* cg-checks-page.c */
void        cg_checks_page_show_toast            (CgChecksPage  *self,
                                                  const char    *message);
gboolean    cg_checks_page_is_today              (CgChecksPage  *self);
void        cg_checks_page_load_all              (CgChecksPage  *self);
void        cg_checks_page_update_progress       (CgChecksPage  *self);
gboolean    cg_checks_page_load_policy           (CgChecksPage  *self,
                                                  GError       **error);

/* cg-checks-line.c: the line of a person, and what is typed on it */
CgCheckLine *cg_check_line_new                   (CgPerson            *person);
int         cg_check_line_compare                (gconstpointer        a,
                                                  gconstpointer        b);
void        cg_check_line_set_latest             (CgCheckLine         *line,
                                                  const CgHealthCheck *check);
void        cg_check_line_show_latest            (CgCheckLine         *line);
EntryState  cg_checks_line_parse                 (CgChecksPage        *self,
                                                  CgCheckLine         *line,
                                                  double              *temperature,
                                                  const char         **message);
guint       cg_checks_line_symptoms_to_save      (CgChecksPage        *self,
                                                  CgCheckLine         *line,
                                                  double               temperature);
gboolean    cg_checks_line_is_dirty              (CgChecksPage        *self,
                                                  CgCheckLine         *line);
gboolean    cg_checks_line_only_action_changed   (CgChecksPage        *self,
                                                  CgCheckLine         *line);
gboolean    cg_checks_line_needs_action          (CgChecksPage        *self,
                                                  CgCheckLine         *line);

/* cg-checks-entry.c: the fast-entry grid, its rows, saving and the focus */
void        cg_checks_set_band_style             (GtkWidget     *label,
                                                  CgTempBand     band,
                                                  gboolean       valid);
void        cg_checks_page_update_row            (CgChecksPage  *self,
                                                  RowWidgets    *row);
guint       cg_checks_page_line_position         (CgChecksPage  *self,
                                                  CgCheckLine   *line);
void        cg_checks_page_stop_focus_tracking   (CgChecksPage  *self);
void        cg_checks_page_focus_position        (CgChecksPage  *self,
                                                  guint          position);
GtkListItemFactory *cg_checks_grid_factory_new   (CgChecksPage  *self);

/* cg-checks-history.c: the History view, its template callbacks */
void        cg_checks_page_history_class_init    (GtkWidgetClass *widget_class);
void        cg_checks_page_setup_history_columns (CgChecksPage   *self);

G_END_DECLS
