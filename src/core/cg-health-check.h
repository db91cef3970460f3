/* cg-health-check.h — daily temperature and symptom checks (ALL-1/2/3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-person.h"
#include "cg-policy.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_SYMPTOM_FEVER       = 1 << 0,
  CG_SYMPTOM_DRY_COUGH   = 1 << 1,
  CG_SYMPTOM_COUGH       = 1 << 2,
  CG_SYMPTOM_SORE_THROAT = 1 << 3,
  CG_SYMPTOM_DIARRHEA    = 1 << 4,
  CG_SYMPTOM_FATIGUE     = 1 << 5,
} CgSymptoms;
#define CG_N_SYMPTOMS 6

/* "fever", "dry_cough" … by bit index */
const char *cg_symptom_to_string   (guint index);
const char *cg_symptom_label       (guint index);           /* translated */
/* ";"-separated English or Chinese words → bits; FALSE and the unknown
 * word in @error when one is not known. */
gboolean    cg_symptoms_parse      (const char *text,
                                    guint      *out,
                                    GError    **error);
/* Translated, "、"-separated in Chinese; "" for none. */
char       *cg_symptoms_describe   (guint       symptoms);

/* Health-code colours (健康码): only green enters by default (ALL-4);
 * "none" is a person without a code (RS-2). */
typedef enum
{
  CG_HEALTH_CODE_GREEN,
  CG_HEALTH_CODE_YELLOW,
  CG_HEALTH_CODE_ORANGE,
  CG_HEALTH_CODE_RED,
  CG_HEALTH_CODE_NONE,
  CG_N_HEALTH_CODES
} CgHealthCode;

const char *cg_health_code_to_string   (CgHealthCode code);   /* "green" … "none" */
/* English or Chinese (绿码/绿/黄码/橙码/红码/无); -1 when unknown. */
int         cg_health_code_from_string (const char  *text);
const char *cg_health_code_label       (CgHealthCode code);   /* translated */

typedef enum
{
  CG_BAND_TOO_LOW,         /* not plausible: refused */
  CG_BAND_RECHECK,         /* 35.0–35.9: stored, flagged */
  CG_BAND_NORMAL,
  CG_BAND_LOW_FEVER,       /* 低度发热 */
  CG_BAND_MODERATE_FEVER,  /* 中度发热 */
  CG_BAND_HIGH_FEVER,      /* 高热 */
  CG_BAND_HYPERPYREXIA,    /* 超高热 */
  CG_BAND_TOO_HIGH,        /* not plausible: refused */
} CgTempBand;

/* Compared in tenths of a degree, as the readings are written. */
CgTempBand  cg_temperature_band       (const CgPolicy *policy,
                                       double          celsius);
const char *cg_temperature_band_label (CgTempBand band);
gboolean    cg_temperature_band_is_fever (CgTempBand band);
/* Parses "36.5" (also "36,5" and full-width digits) and checks that it is
 * plausible; the message says what is wrong in the user's language. */
gboolean    cg_temperature_parse      (const CgPolicy *policy,
                                       const char     *text,
                                       double         *out,
                                       GError        **error);

typedef struct
{
  gint64   id;
  gint64   person_id;
  char    *checked_at;    /* UTC ISO-8601 */
  char    *checked_on;    /* local date YYYY-MM-DD */
  double   temperature;
  guint    symptoms;
  char    *action;        /* action taken (ALL-2), free text */
  /* filled by queries that join the person */
  char    *person_name;
  char    *id_number;
  int      person_kind;
  char    *room;
} CgHealthCheck;

CgHealthCheck *cg_health_check_new  (void);
void        cg_health_check_free    (CgHealthCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgHealthCheck, cg_health_check_free)

/* Records one check.  @checked_at may be NULL (now).  An implausible
 * temperature, a time in the future, or a person who was not there that
 * day is refused and nothing is stored. */
gboolean    cg_health_check_add     (CgStore        *store,
                                     const CgPolicy *policy,
                                     CgHealthCheck  *check,
                                     const char     *who,
                                     GError        **error);
gboolean    cg_health_check_add_in_transaction (CgStore *store,
                                     const CgPolicy *policy,
                                     CgHealthCheck  *check,
                                     const char     *who,
                                     GError        **error);

/* Records the action taken (ALL-2) on a stored check — what was done
 * after the reading, often decided a little later.  Audited as
 * "health_check.action" with the old and new text. */
gboolean    cg_health_check_set_action (CgStore     *store,
                                     gint64       check_id,
                                     const char  *action,
                                     const char  *who,
                                     GError     **error);

/* The latest check of each person on @date (local), keyed by person id
 * (gint64* → CgHealthCheck*). */
GHashTable *cg_health_check_latest_on (CgStore   *store,
                                     const GDate *date,
                                     GError   **error);

/* Paging for the history list (newest first), with the person joined.
 * @search matches name, ID number or room; NULL for all. */
gint64      cg_health_check_count   (CgStore    *store,
                                     const char *search,
                                     GError    **error);
GPtrArray  *cg_health_check_page    (CgStore    *store,
                                     const char *search,
                                     gint64      offset,
                                     guint       limit,
                                     GError    **error);

typedef struct
{
  GDate  date;
  int    present;
  int    checked;       /* people with at least one check that day */
  int    fevers;        /* people whose highest reading was a fever */
  int    symptomatic;   /* people with a symptom other than fever, no fever */
} CgHealthDay;

/* One entry per day from @from to @to inclusive. */
GArray     *cg_health_days          (CgStore        *store,
                                     const CgPolicy *policy,
                                     const GDate    *from,
                                     const GDate    *to,
                                     GError        **error);

/* People present on @date (not archived then): arrived on or before it and
 * not left before it.  Array of CgPerson. */
GPtrArray  *cg_people_present_on    (CgStore     *store,
                                     const GDate *date,
                                     int          kind,
                                     GError     **error);

G_END_DECLS
