/* cg-tests-page-private.h — what the parts of the Tests page share: the
 * register's rows and columns (cg-tests-row.c), the filters above it
 * (cg-tests-filters.c), the side panel (cg-tests-panel.c) and the page
 * itself (cg-tests-page.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-nat-test.h"
#include "cg-page-loader.h"
#include "cg-tests-page.h"

G_BEGIN_DECLS

/* ---- one row of the register ---------------------------------------- */

/* What the register shows, in order of urgency: a positive first, then
 * the overdue, those with no negative test, the due soon, the up to date,
 * and people the rules do not ask to test. */
typedef enum
{
  ROW_POSITIVE,
  ROW_OVERDUE,
  ROW_NEVER,
  ROW_DUE_SOON,
  ROW_OK,
  ROW_NOT_REQUIRED,
  N_ROW_STATES
} RowState;

/* The style class of each state: "positive", "overdue" … */
extern const char * const cg_tests_row_state_classes[N_ROW_STATES];

#define CG_TYPE_TEST_ROW (cg_test_row_get_type ())
G_DECLARE_FINAL_TYPE (CgTestRow, cg_test_row, CG, TEST_ROW, GObject)

struct _CgTestRow
{
  GObject    parent_instance;

  CgPerson  *person;
  RowState   state;
  gboolean   required;         /* staff, or arrived within the isolation period */
  gboolean   new_arrival;
  gboolean   pending;
  int        days_left;
  char      *last_negative;
  char      *next_due;
  char      *latest_sampled_on;
  char      *isolation_until;
  /* Precomputed for sorting and searching. */
  char      *name_key;
  char      *place_key;
  char      *search_text;
};

/* ---- the page ------------------------------------------------------- */

/* Besides the person kinds, the kind filter offers these. */
#define KIND_TO_TEST (-2)
#define KIND_EVERYONE (-1)
#define STATE_ANY (-1)

struct _CgTestsPage
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;

  GListStore     *rows;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  int             kind_filter;
  int             state_filter;
  char           *search_text;     /* casefolded, NULL when empty */

  /* Loading */
  CgPageLoader   *loader;
  gboolean        loaded;          /* a read has succeeded */
  GDate           loaded_date;
  char           *load_error;
  int             interval_days;
  int             isolation_days;
  gboolean        ch5_applies;

  /* The person whose history the side panel shows, 0 when closed. */
  gint64          panel_person_id;

  GtkToggleButton *state_chips[N_ROW_STATES + 1];   /* [0]: every state */
  GtkLabel       *chip_counts[N_ROW_STATES + 1];
  GtkColumnViewColumn *kind_column;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkBox          *kind_box;
  GtkLabel        *rule_label;
  GtkBox          *state_box;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *no_results_page;
  AdwStatusPage   *error_page;
  GtkRevealer     *panel_revealer;
  GtkLabel        *panel_name;
  GtkLabel        *panel_summary;
  GtkLabel        *panel_state;
  GtkLabel        *panel_detail;
  GtkListBox      *history_list;
};

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_PLACE,
  COLUMN_LAST_NEGATIVE,
  COLUMN_NEXT_DUE,
  COLUMN_STATE,
  N_COLUMNS
} Column;

/* cg-tests-row.c: the rows, their cells, their order */
CgTestRow  *cg_test_row_new                    (const CgNatStatus *status,
                                                const char        *window,
                                                int                isolation_days);
gboolean    cg_test_row_equal                  (CgTestRow         *a,
                                                CgTestRow         *b);
const char *cg_test_row_place                  (CgTestRow         *row);
char       *cg_test_row_days_text              (CgTestRow         *row);
const char *cg_tests_row_state_label           (RowState           state);
void        cg_tests_set_state_class           (GtkWidget         *widget,
                                                const char        *state_class);
GtkSorter  *cg_tests_create_sorter             (Column             column);
void        cg_tests_page_setup_columns        (CgTestsPage       *self);

/* cg-tests-filters.c: the kind buttons, the state chips and the search */
gboolean    cg_tests_page_row_in_group         (CgTestsPage       *self,
                                                CgTestRow         *row);
gboolean    cg_tests_page_filter_func          (gpointer           item,
                                                gpointer           user_data);
void        cg_tests_page_update_chips         (CgTestsPage       *self);
void        cg_tests_page_setup_kind_filter    (CgTestsPage       *self);
void        cg_tests_page_setup_state_chips    (CgTestsPage       *self);
void        cg_tests_page_filters_class_init   (GtkWidgetClass    *widget_class);

/* cg-tests-panel.c: the side panel of one person's samples, the dialogs */
void        cg_tests_page_panel_refresh        (CgTestsPage       *self);
void        cg_tests_page_row_activated_cb     (CgTestsPage       *self,
                                                guint              position);
void        cg_tests_page_selection_changed_cb (CgTestsPage       *self);
void        cg_tests_page_record_action        (GtkWidget         *widget,
                                                const char        *action_name,
                                                GVariant          *parameter);
void        cg_tests_page_show_history_action  (GtkWidget         *widget,
                                                const char        *action_name,
                                                GVariant          *parameter);
void        cg_tests_page_close_history_action (GtkWidget         *widget,
                                                const char        *action_name,
                                                GVariant          *parameter);
void        cg_tests_page_panel_class_init     (GtkWidgetClass    *widget_class);

/* cg-tests-page.c */
void        cg_tests_page_update_view          (CgTestsPage       *self);

G_END_DECLS
