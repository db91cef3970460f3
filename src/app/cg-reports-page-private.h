/* cg-reports-page-private.h — what the reports page shares with the
 * period workbook's half of it (cg-period-export.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-page-loader.h"
#include "cg-reports-page.h"

G_BEGIN_DECLS

typedef enum
{
  FIGURE_RESIDENTS,
  FIGURE_STAFF,
  FIGURE_ARRIVALS,
  FIGURE_CHECKS,
  FIGURE_FEVERS,
  FIGURE_SYMPTOMATIC,
  FIGURE_TESTED,
  FIGURE_POSITIVES,
  FIGURE_OVERDUE,
  /* a funeral home's (FH-5, FH-6, FH-7) */
  FIGURE_SERVICES,
  FIGURE_COVID,
  FIGURE_MOURNERS,
  FIGURE_HALLS,
  N_FIGURES
} Figure;

typedef struct
{
  GtkWidget *tile;
  GtkLabel  *value;
  GtkLabel  *title;
  GtkLabel  *note;
} Tile;

struct _CgReportsPage
{
  AdwBin          parent_instance;

  CgStore        *store;
  const CgModule *module;

  Tile            tiles[N_FIGURES];

  /* The day shown, valid only when the field holds a usable date. */
  GDate           date;
  gboolean        date_ok;
  char           *default_day;      /* the "today" the field was filled with */
  guint           preview_timeout;
  CgPageLoader   *loader;           /* the preview of the day's figures */
  gboolean        saving;
  char           *saved_uri;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *date_row;
  GtkLabel        *date_message;
  GtkWidget       *status_card;
  GtkImage        *status_icon;
  GtkLabel        *status_title;
  GtkLabel        *status_description;
  GtkSpinner      *preview_spinner;
  GtkGrid         *figures_grid;
  GtkWidget       *abnormal_box;
  GtkListBox      *abnormal_list;
  GtkWidget       *gaps_box;
  GtkListBox      *gaps_list;
  GtkButton       *save_button;
  GtkSpinner      *save_spinner;
  GtkLabel        *save_label;

  /* The period workbook */
  AdwEntryRow     *period_from_row;
  AdwEntryRow     *period_to_row;
  GtkLabel        *period_message;
  GtkWidget       *period_progress_box;
  GtkSpinner      *period_spinner;
  GtkProgressBar  *period_progress;
  GDate            period_from;
  GDate            period_to;
  gboolean         period_ok;
  GCancellable    *export_cancellable;   /* set while a workbook is written */
  GTask           *export_task;
  guint            export_poll;
};

/* Where the last report went: the next one is offered there too. */
extern GFile *cg_reports_last_folder;

GtkWindow *cg_reports_page_get_parent_window (CgReportsPage   *self);
void       cg_reports_page_tell_saved        (CgReportsPage   *self,
                                              const GError    *error,
                                              const char      *error_heading,
                                              const char      *path,
                                              const char      *saved_text);
/* A store of its own, so that the window's stays free for the user. */
CgPolicy  *cg_reports_open_store_and_policy  (const char      *path,
                                              const CgModule  *module,
                                              CgStore        **store_out,
                                              GError         **error);

/* cg-period-export.c: the period workbook's template callback and
 * actions, its rows' setup (last month), and its buttons' state. */
void       cg_reports_page_period_class_init (GtkWidgetClass  *widget_class);
void       cg_reports_page_period_init       (CgReportsPage   *self);
void       cg_reports_page_update_period_sensitivity (CgReportsPage *self);

/* A save chooser for an .xlsx workbook, offering @name in the folder used
 * last (the Documents folder at first); @response_cb gets @self. */
GtkFileChooserNative *cg_reports_page_save_chooser_new (CgReportsPage *self,
                                                        const char    *title,
                                                        const char    *name,
                                                        GCallback      response_cb);

G_END_DECLS
