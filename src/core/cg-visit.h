/* cg-visit.h — the visitor register (访客登记, ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every visitor is registered, admitted or refused.  The decision is the
 * program's, from the policy: a fever or a cough or sore throat, a health
 * code other than green, a medium/high-risk area in the last 14 days, no
 * mask, or a full reception room (the policy's maximum of visitors at
 * once) refuse; a refused visit is stored with its reasons (CgRefusal
 * bits) and never counts as inside.  An admitted visitor is inside until
 * checked out; a stay longer than the policy's maximum is an overstay.
 */
#pragma once

#include "cg-health-check.h"
#include "cg-policy.h"
#include "cg-rules.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_REFUSE_FEVER        = 1 << 0,   /* a temperature in a fever band */
  CG_REFUSE_SYMPTOMS     = 1 << 1,   /* cough, dry cough or sore throat */
  CG_REFUSE_HEALTH_CODE  = 1 << 2,   /* not green */
  CG_REFUSE_RISK_TRAVEL  = 1 << 3,   /* medium/high-risk area in the last 14 days */
  CG_REFUSE_NO_MASK      = 1 << 4,
  CG_REFUSE_FULL         = 1 << 5,   /* the reception room holds the maximum already */
} CgRefusal;
#define CG_N_REFUSALS 6

/* Translated, one clause per bit, "; "-joined ("、" in Chinese is the
 * translator's choice); "" for 0. */
char       *cg_refusal_describe     (guint refusal);
/* A short translated word for one bit, by index (0 … CG_N_REFUSALS-1):
 * "fever", "symptoms", "health code" … for summaries and tables. */
const char *cg_refusal_label        (guint index);

typedef struct
{
  gint64        id;                  /* 0: not stored */
  char         *visitor_name;
  char         *visitor_id_number;   /* GB 11643, checked */
  char         *phone;               /* "" or a checked phone number */
  gint64        visiting_id;         /* person visited, 0 for none */
  char         *relationship;
  char         *arrived_at;          /* UTC ISO-8601; NULL = now on check-in */
  char         *arrived_on;          /* local day, set on store */
  char         *left_at;             /* UTC ISO-8601 or NULL (inside / refused) */
  CgHealthCode  health_code;
  gboolean      risk_travel;
  double        temperature;
  guint         symptoms;            /* CgSymptoms */
  gboolean      masked;
  char         *nat_sampled_on;      /* optional YYYY-MM-DD */
  int           nat_result;          /* CgNatResult, -1 for none */
  guint         refusal;             /* CgRefusal bits; 0 = admitted */
  char         *registered_by;
  /* filled by queries that join the person visited */
  char         *visiting_name;
  char         *visiting_room;
} CgVisit;

CgVisit    *cg_visit_new            (void);
CgVisit    *cg_visit_copy           (const CgVisit *visit);
void        cg_visit_free           (CgVisit *visit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgVisit, cg_visit_free)

/* What the policy decides for this visitor with @inside_now admitted
 * visitors in the reception room: CgRefusal bits, 0 to admit. */
guint       cg_visit_decide         (const CgPolicy *policy,
                                     const CgVisit  *visit,
                                     int             inside_now);

/* Checks the fields (name, ID number, phone, plausible temperature, a
 * time not in the future), decides, and stores the visit — admitted or
 * refused — with visit->id, arrived_on and refusal set.  Audited.
 * FALSE with a message naming the field when a value is impossible:
 * nothing is stored then.  The error of an ID number or a phone number
 * keeps the CG_VALIDATE_ERROR domain and code of cg-validate.h, an
 * implausible temperature is CG_VALIDATE_ERROR_RANGE (so that a form
 * knows which entry to focus); the other fields are CG_STORE_ERROR_INVALID
 * (CG_STORE_ERROR_NOT_FOUND: the person visited is not in the register). */
gboolean    cg_visit_check_in       (CgStore        *store,
                                     const CgPolicy *policy,
                                     CgVisit        *visit,
                                     const char     *who,
                                     GError        **error);
gboolean    cg_visit_check_in_in_transaction (CgStore *store,
                                     const CgPolicy *policy,
                                     CgVisit        *visit,
                                     const char     *who,
                                     GError        **error);
/* The same with the count of admitted visitors inside at the arrival
 * given (an import counts the stored visits and the file's earlier rows);
 * a negative @inside_now counts the stored visits. */
gboolean    cg_visit_check_in_counted_in_transaction (CgStore *store,
                                     const CgPolicy *policy,
                                     CgVisit        *visit,
                                     int             inside_now,
                                     const char     *who,
                                     GError        **error);
/* The checks of cg_visit_check_in() without storing: normalises the
 * fields in place (trimmed name, upper-case ID number, phone, times in
 * UTC with seconds, the temperature to a tenth), sets arrived_on, and
 * fills visiting_name/visiting_room.  FALSE with the field named. */
gboolean    cg_visit_validate       (CgStore        *store,
                                     const CgPolicy *policy,
                                     CgVisit        *visit,
                                     GError        **error);
/* @left_at NULL = now.  Refuses a refused visit, one already out, or a
 * time before the arrival. */
gboolean    cg_visit_check_out      (CgStore        *store,
                                     gint64          visit_id,
                                     const char     *left_at,
                                     const char     *who,
                                     GError        **error);

CgVisit    *cg_visit_get            (CgStore        *store,
                                     gint64          visit_id,
                                     GError        **error);
/* The latest visit of this ID number (to fill a repeat visitor's
 * details), or NULL without error when there is none. */
CgVisit    *cg_visit_find_visitor   (CgStore        *store,
                                     const char     *id_number,
                                     GError        **error);

/* Admitted visitors inside at @at (UTC ISO-8601; NULL = now). */
int         cg_visit_count_inside   (CgStore        *store,
                                     const char     *at,
                                     GError        **error);
/* The same as a list (CgVisit*), longest inside first. */
GPtrArray  *cg_visit_list_inside    (CgStore        *store,
                                     const char     *at,
                                     GError        **error);
/* A bound, in seconds, on how long an admitted visit that has ended
 * lasted: a day, or more when a visit spanned midnight (UTC) for longer;
 * kept per store.  A visit that ended after a moment arrived no earlier
 * than that before it: for interval queries (co-presence).  -1 on error. */
gint64      cg_visit_longest_stay   (CgStore        *store,
                                     GError        **error);
/* Minutes a visit lasted (to @now when still inside), and whether that
 * is over the policy's maximum stay. */
int         cg_visit_minutes        (const CgVisit  *visit,
                                     const char     *now);
gboolean    cg_visit_is_overstay    (const CgPolicy *policy,
                                     const CgVisit  *visit,
                                     const char     *now);

/* Paging for the register, newest first (arrived_at, then id, both
 * descending), with the person visited joined.  @search (trimmed; NULL or
 * "" for all) is a prefix, matched through the indexes: a name when it
 * has letters; digits (a final x or X allowed) the start of an ID number
 * when they begin with 1–8, of a phone number when they begin with 0 or
 * 1 (dashes allowed), both for 1….  A full ID number is its own prefix. */
gint64      cg_visit_count          (CgStore        *store,
                                     const char     *search,
                                     GError        **error);
GPtrArray  *cg_visit_page           (CgStore        *store,
                                     const char     *search,
                                     gint64          offset,
                                     guint           limit,
                                     GError        **error);

typedef struct
{
  GDate  date;
  int    admitted;
  int    refused;
  int    overstays;
} CgVisitDay;

/* One entry per day from @from to @to inclusive: visits that arrived
 * that day, admitted and refused, and the overstays among the admitted
 * (a visit still open counts to the end of its day, or to now). */
GArray     *cg_visit_days           (CgStore        *store,
                                     const CgPolicy *policy,
                                     const GDate    *from,
                                     const GDate    *to,
                                     GError        **error);

/* ALL-4 alerts of @date added to @alerts (CgAlert*), when ALL-4 applies:
 *  - a WARNING per visit that arrived that day and lasted more than the
 *    maximum stay (still inside: counted to the end of the day, or to
 *    now on the day itself), with the minutes;
 *  - a WARNING when more admitted visitors than the maximum were inside
 *    at once at some moment of the day (possible through imports or a
 *    lowered limit), with the moment and the number;
 *  - one INFO summing up the refused visitors of the day by reason
 *    ("3 visitors refused (fever 1, health code 2)"), when there are any. */
gboolean    cg_visit_evaluate_rules (CgStore        *store,
                                     const CgPolicy *policy,
                                     const GDate    *date,
                                     GPtrArray      *alerts,
                                     GError        **error);

G_END_DECLS
