/* cg-disinfection.h — the disinfection log (消杀记录: ALL-7, FH-4, FH-6) and
 * training sessions and drills (ALL-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (cg-disinfection.c: the log; cg-training.c: training and the rules.)
 *
 * A disinfection is a place, a time, a method, the disinfectant and its
 * concentration, who did it and who checked it (forms.md 消毒工作日志).
 * Places are free text ("一号礼厅", "3 楼居室"); their kind groups them for
 * the rules (a funeral hall, a vehicle …).  A training session or drill is
 * a day, a topic and its attendees.
 */
#pragma once

#include "cg-policy.h"
#include "cg-rules.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_PLACE_LIVING,         /* 居室, 宿舍 */
  CG_PLACE_RECEPTION,      /* 来访接待室 */
  CG_PLACE_ISOLATION,      /* 隔离观察室 */
  CG_PLACE_OFFICE,
  CG_PLACE_CANTEEN,
  CG_PLACE_HALL,           /* 礼厅, 灵堂 (funeral) */
  CG_PLACE_BUSINESS_HALL,  /* 业务厅 (funeral) */
  CG_PLACE_CREMATION,      /* 火化间 (funeral) */
  CG_PLACE_VEHICLE,        /* 车辆 */
  CG_PLACE_OTHER,
  CG_N_PLACE_KINDS
} CgPlaceKind;

const char *cg_place_kind_to_string   (CgPlaceKind kind);   /* "living", "business_hall" … */
int         cg_place_kind_from_string (const char *text);   /* the English word; -1 */
const char *cg_place_kind_label       (CgPlaceKind kind);   /* translated */
/* A guess from a (Chinese or English) place name: 礼厅/灵堂 → hall,
 * 业务厅 → business hall, 火化间 → cremation, 车 → vehicle, 隔离 →
 * isolation, 接待/会客 → reception, 食堂 → canteen, 办公 → office,
 * 宿舍/居室/房间 → living; CG_PLACE_OTHER. */
CgPlaceKind cg_place_kind_guess       (const char *place);

typedef struct
{
  gint64       id;          /* 0: not stored */
  char        *place;
  CgPlaceKind  place_kind;
  char        *done_at;     /* UTC ISO-8601; NULL = now on add */
  char        *done_on;     /* local day, set on add */
  char        *method;      /* "" when none: 喷洒, 擦拭 … */
  char        *agent;       /* "" when none: 消毒剂及浓度 */
  char        *operator;    /* who disinfected (a name; required) */
  char        *checker;     /* "" when none */
  char        *note;
  char        *created_at;
} CgDisinfection;

CgDisinfection *cg_disinfection_new  (void);
CgDisinfection *cg_disinfection_copy (const CgDisinfection *disinfection);
void            cg_disinfection_free (CgDisinfection *disinfection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDisinfection, cg_disinfection_free)

/* Trims the fields and checks them: a place and an operator, a time that
 * is a time and not in the future (a few minutes of clock difference
 * allowed), lengths.  Sets done_at (UTC with seconds; now when NULL) and
 * done_on.  FALSE with a message naming the field. */
gboolean    cg_disinfection_validate (CgDisinfection *disinfection,
                                      GError        **error);
/* Validates and stores, audited ("disinfection.add"); emits "changed"
 * with "disinfection".  Sets the id.  Nothing is stored on FALSE. */
gboolean    cg_disinfection_add      (CgStore        *store,
                                      CgDisinfection *disinfection,
                                      const char     *who,
                                      GError        **error);
gboolean    cg_disinfection_add_in_transaction (CgStore *store,
                                      CgDisinfection *disinfection,
                                      const char     *who,
                                      GError        **error);

/* The log, newest first (by time, then entry). */
gint64      cg_disinfection_count    (CgStore        *store,
                                      GError        **error);
GPtrArray  *cg_disinfection_page     (CgStore        *store,
                                      gint64          offset,
                                      guint           limit,
                                      GError        **error);
/* The disinfections of one local day, earliest first. */
GPtrArray  *cg_disinfection_list_day (CgStore        *store,
                                      const GDate    *date,
                                      GError        **error);
/* How many times @place was disinfected on @date; -1 with @error. */
int         cg_disinfection_count_place_day (CgStore  *store,
                                      const char     *place,
                                      const GDate    *date,
                                      GError        **error);

typedef struct
{
  char        *place;
  CgPlaceKind  place_kind;    /* of its latest record */
  int          count;         /* disinfections on the day asked */
  char        *last_at;       /* UTC ISO-8601 of the latest up to the end of that day; NULL when none */
} CgPlaceDay;

void        cg_place_day_free        (CgPlaceDay *place_day);

/* Every place of the log with at least one record on or before @date:
 * its count on @date and its latest time up to the end of that day, by
 * name.  Array of CgPlaceDay. */
GPtrArray  *cg_disinfection_places   (CgStore        *store,
                                      const GDate    *date,
                                      GError        **error);
/* The place names of the log, most recently used first (for completion). */
GStrv       cg_disinfection_known_places (CgStore    *store,
                                      GError        **error);
/* The stored kind of @place (its latest record), -1 when the place is new. */
int         cg_disinfection_place_kind (CgStore      *store,
                                      const char     *place,
                                      GError        **error);
/* The operator of the latest record, or NULL without error. */
char       *cg_disinfection_last_operator (CgStore   *store,
                                      GError        **error);
/* The latest record before local day @date (when a place or the
 * institution was last disinfected), or NULL without error. */
CgDisinfection *cg_disinfection_latest_before (CgStore *store,
                                      const GDate    *date,
                                      GError        **error);
/* The local day of the first record (to @out); FALSE and no error when
 * the log is empty. */
gboolean    cg_disinfection_first_day (CgStore       *store,
                                      GDate          *out,
                                      GError        **error);

typedef enum
{
  CG_TRAINING_SESSION,   /* 培训 */
  CG_TRAINING_DRILL,     /* 演练 */
  CG_N_TRAINING_KINDS
} CgTrainingKind;

const char *cg_training_kind_to_string   (CgTrainingKind kind);  /* "training", "drill" */
int         cg_training_kind_from_string (const char *text);     /* English or Chinese; -1 */
const char *cg_training_kind_label       (CgTrainingKind kind);  /* translated */

typedef struct
{
  gint64          id;              /* 0: not stored */
  char           *held_on;         /* YYYY-MM-DD */
  CgTrainingKind  kind;
  char           *topic;
  int             attendees;       /* 0 with names: counted from the names */
  char           *attendee_names;  /* "" when none; 、，, or spaces between names */
  char           *trainer;
  char           *note;
  char           *created_at;
} CgTraining;

CgTraining *cg_training_new          (void);
void        cg_training_free         (CgTraining *training);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgTraining, cg_training_free)

/* Checks (a date not in the future, a topic, attendees 0–10000 and not
 * fewer than the names given), stores, audits ("training.add"), emits
 * "changed" with "training".  Sets the id. */
gboolean    cg_training_add          (CgStore        *store,
                                      CgTraining     *training,
                                      const char     *who,
                                      GError        **error);
/* Newest first; @limit 0 for all.  Array of CgTraining. */
GPtrArray  *cg_training_list         (CgStore        *store,
                                      guint           limit,
                                      GError        **error);

typedef struct
{
  gboolean        any;          /* a session or drill on record on or before the day */
  GDate           last;         /* its day */
  CgTrainingKind  last_kind;
  int             days_since;   /* from @last to the day */
  int             period_days;  /* the policy's */
  int             days_left;    /* period − days_since; negative when overdue */
  gboolean        overdue;      /* none, or days_since > period */
} CgTrainingStatus;

/* Where ALL-8 stands on @date. */
gboolean    cg_training_status       (CgStore          *store,
                                      const CgPolicy   *policy,
                                      const GDate      *date,
                                      CgTrainingStatus *out,
                                      GError          **error);

/* Appends the alerts of @date to @alerts (CgAlert*), for the rules that
 * apply: ALL-8 warning when no training or drill was held in the policy
 * period ending on @date; ALL-7 information when no disinfection at all is
 * recorded on @date (only from the day of the log's first record). */
gboolean    cg_hygiene_evaluate_rules (CgStore        *store,
                                      const CgPolicy *policy,
                                      const GDate    *date,
                                      GPtrArray      *alerts,
                                      GError        **error);

G_END_DECLS
