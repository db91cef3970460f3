/* cg-service.h — funeral services (治丧登记: FH-5, FH-7), their mourners
 * (吊唁人员登记: FH-6) and staff protection records (FH-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (cg-service.c: services; cg-service-covid.c: the COVID-19 checklist and
 * protection records;
 * cg-mourner.c: mourners; cg-service-rules.c: the alerts.)
 *
 * A service has a deceased, a family contact, a hall (灵堂/礼厅), a start
 * and a planned end.  Its mourning period may not exceed the policy's
 * limit for the institution's area risk level (FH-5: 72 hours in a
 * low-risk area); "3 days exactly" is within the limit, one minute more is
 * over.  A service ends (ended_at) only once its hall has had its final
 * disinfection (终末消毒, FH-6): a disinfection of the hall at or after
 * the end.
 *
 * A service whose deceased was a suspected or confirmed COVID-19 case
 * ("疑似从有": suspected counts as confirmed, FH-7) has no mourning period
 * (planned end = start: immediate cremation), no hall, no mourners and no
 * farewell ceremony; the program refuses each with the reason.  Instead it
 * keeps the checklist of FH-7 (CgCovidStep), each step with who and when.
 */
#pragma once

#include "cg-health-check.h"
#include "cg-institution.h"
#include "cg-policy.h"
#include "cg-rules.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_COVID_NONE,
  CG_COVID_SUSPECTED,   /* 疑似: treated as confirmed */
  CG_COVID_CONFIRMED,   /* 确诊 */
  CG_N_COVID
} CgCovidStatus;

const char *cg_covid_status_to_string   (CgCovidStatus status);  /* "none" … */
/* English or Chinese (无/疑似/确诊); -1 when unknown. */
int         cg_covid_status_from_string (const char *text);
const char *cg_covid_status_label       (CgCovidStatus status);  /* translated */

typedef struct
{
  gint64         id;                   /* 0: not stored; shown as 治丧编号 */
  char          *deceased_name;
  char          *deceased_id_number;   /* GB 11643, checked */
  char          *family_contact;
  char          *phone;                /* "" or a checked phone number */
  char          *hall;                 /* "" for none (always "" for COVID-19) */
  char          *started_at;           /* UTC ISO-8601; NULL = now on add */
  char          *started_on;           /* local day, set on add */
  char          *planned_end_at;       /* UTC; NULL on add = start + the limit (COVID-19: the start) */
  char          *ended_at;             /* UTC or NULL while in progress */
  CgCovidStatus  covid;
  gboolean       ceremony;             /* a farewell ceremony is planned */
  char          *note;
  char          *created_at;
} CgService;

CgService  *cg_service_new          (void);
CgService  *cg_service_copy         (const CgService *service);
void        cg_service_free         (CgService *service);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgService, cg_service_free)

/* The institution's area risk level (low when no profile is stored). */
CgRiskLevel cg_service_area_risk    (CgStore        *store,
                                     GError        **error);

/* Checks and normalises the fields (trimmed text, upper-case ID number,
 * phone, UTC times with seconds, started_on, the planned end).  Refuses,
 * naming the field: a missing name/ID number/family contact; a planned
 * end before the start or past the mourning limit of @risk; for a
 * suspected or confirmed COVID-19 case a mourning
 * period, a hall or a ceremony.  Never touches the store. */
gboolean    cg_service_validate     (const CgPolicy *policy,
                                     CgRiskLevel     risk,
                                     CgService      *service,
                                     GError        **error);
/* Validates (with the stored area risk) and stores, audited
 * ("service.add"); emits "changed" with "service".  Sets the id. */
gboolean    cg_service_add          (CgStore        *store,
                                     const CgPolicy *policy,
                                     CgService      *service,
                                     const char     *who,
                                     GError        **error);
gboolean    cg_service_add_in_transaction (CgStore  *store,
                                     const CgPolicy *policy,
                                     CgService      *service,
                                     const char     *who,
                                     GError        **error);
/* Plans or cancels a farewell ceremony: refused for a COVID-19 case. */
gboolean    cg_service_set_ceremony (CgStore        *store,
                                     gint64          service_id,
                                     gboolean        ceremony,
                                     const char     *who,
                                     GError        **error);
/* Marks a service as a suspected or confirmed COVID-19 case found out
 * after it was registered (FH-7): from then on it has no mourning period
 * (the planned end becomes the start), no ceremony and no hall (the hall
 * it had is named in the audit log; its disinfection is on the log as
 * for any hall).  Only none → suspected/confirmed and suspected →
 * confirmed: a case is never marked back ("疑似从有").  Refused for an
 * ended service.  Audited ("service.covid"). */
gboolean    cg_service_set_covid    (CgStore        *store,
                                     gint64          service_id,
                                     CgCovidStatus   covid,
                                     const char     *who,
                                     GError        **error);
/* Ends a service at @ended_at (UTC; NULL = now).  Refused while the hall
 * has no disinfection at or after @ended_at (the final disinfection, not
 * in the future), for a service already ended, an end before the start,
 * and for a COVID-19 case whose checklist is not complete.  A service
 * without a hall needs no hall disinfection.  Audited ("service.close"). */
gboolean    cg_service_close        (CgStore        *store,
                                     gint64          service_id,
                                     const char     *ended_at,
                                     const char     *who,
                                     GError        **error);
/* The same checks and change inside the caller's transaction (no
 * "changed" signal); for the demonstration's history and imports. */
gboolean    cg_service_close_in_transaction (CgStore *store,
                                     gint64          service_id,
                                     const char     *ended_at,
                                     const char     *who,
                                     GError        **error);

CgService  *cg_service_get          (CgStore        *store,
                                     gint64          service_id,
                                     GError        **error);
/* The latest service of this deceased started at or before @at (UTC;
 * NULL for any), or NULL without error when there is none. */
CgService  *cg_service_find_deceased (CgStore       *store,
                                     const char     *id_number,
                                     const char     *at,
                                     GError        **error);
/* Services not ended, earliest start first (the board of halls). */
GPtrArray  *cg_service_list_open    (CgStore        *store,
                                     GError        **error);
/* Services in progress at some moment of local day @date, by start. */
GPtrArray  *cg_service_list_day     (CgStore        *store,
                                     const GDate    *date,
                                     GError        **error);

/* The halls the institution knows: those of its services and the places
 * of its disinfection log that are halls, by name (char*).  In
 * *@busy (may be NULL) those with a service in progress. */
GPtrArray  *cg_service_known_halls  (CgStore        *store,
                                     GHashTable    **busy,
                                     GError        **error);

/* The register: services newest first, at most @limit.  @text (may be
 * NULL or empty: every service) matches a part of the deceased's name,
 * the family contact or the hall, the start of the ID number, or the
 * service number (治丧编号) exactly. */
GPtrArray  *cg_service_search       (CgStore        *store,
                                     const char     *text,
                                     guint           limit,
                                     GError        **error);

/* "2 d 3 h 5 min", "3 h 5 min" or "5 min" (translated). */
char       *cg_service_format_duration (gint64       minutes);

/* FH-5: where a service stands against the mourning limit. */
typedef enum
{
  CG_MOURNING_WITHIN,
  CG_MOURNING_APPROACHING,  /* within the warn hours of the limit */
  CG_MOURNING_OVER,         /* longer than the limit, by a minute or more */
  CG_MOURNING_NONE,         /* a COVID-19 case: no mourning period */
} CgMourningState;

/* The state at @at (UTC; NULL = now; the end when the service has
 * ended before), and in *minutes_left the whole minutes left to the limit
 * (negative: over by that many).  Exact to the second: a service of
 * exactly the limit is within it. */
CgMourningState cg_service_mourning_state (const CgPolicy *policy,
                                     CgRiskLevel     risk,
                                     const CgService *service,
                                     const char     *at,
                                     gint64         *minutes_left);

/* FH-7: the checklist of a suspected or confirmed case. */
typedef enum
{
  CG_COVID_STEP_HANDOVER,      /* handed over after the hospital's sanitary treatment, with the death certificate */
  CG_COVID_STEP_TRANSPORT,     /* dedicated vehicle and staff */
  CG_COVID_STEP_CREMATION,     /* cremated immediately and locally */
  CG_COVID_STEP_SEALED,        /* no storage, no viewing, the bag never opened */
  CG_COVID_STEP_DISINFECTION,  /* vehicle and tools disinfected */
  CG_COVID_STEP_ARCHIVE,       /* registered and archived */
  CG_COVID_STEP_REPORT,        /* reported to the civil-affairs department */
  CG_N_COVID_STEPS
} CgCovidStep;

const char *cg_covid_step_to_string   (CgCovidStep step);   /* "handover" … */
int         cg_covid_step_from_string (const char *text);   /* -1 */
const char *cg_covid_step_label       (CgCovidStep step);   /* translated */
/* The step that must be done before @step (-1 for none): handover →
 * transport → cremation → sealed; disinfection after transport; archive
 * after cremation; report after handover. */
int         cg_covid_step_requires    (CgCovidStep step);

typedef struct
{
  CgCovidStep  step;
  gboolean     done;
  char        *done_at;   /* UTC; NULL when not done */
  char        *who;
  char        *note;
} CgCovidStepRecord;

void        cg_covid_step_record_free (CgCovidStepRecord *record);

/* Records a step (@done_at UTC, NULL = now; @done_by the staff member,
 * required).  Refused for a service that is not a COVID-19 case, a step
 * already done, a step whose prerequisite is not done or was done later,
 * a time before the service's start or in the future.  Audited. */
gboolean    cg_service_record_step  (CgStore        *store,
                                     gint64          service_id,
                                     CgCovidStep     step,
                                     const char     *done_at,
                                     const char     *done_by,
                                     const char     *note,
                                     const char     *who,
                                     GError        **error);
/* The same inside the caller's transaction (no "changed" signal). */
gboolean    cg_service_record_step_in_transaction (CgStore *store,
                                     gint64          service_id,
                                     CgCovidStep     step,
                                     const char     *done_at,
                                     const char     *done_by,
                                     const char     *note,
                                     const char     *who,
                                     GError        **error);
/* Every step in order (CG_N_COVID_STEPS CgCovidStepRecord*), done or not. */
GPtrArray  *cg_service_checklist    (CgStore        *store,
                                     gint64          service_id,
                                     GError        **error);

/* FH-2: protection worn by the staff who collect remains or operate the
 * cremator. */
typedef enum
{
  CG_PROTECTION_TRANSPORT,   /* 接运 */
  CG_PROTECTION_CREMATION,   /* 火化 */
  CG_N_PROTECTION_KINDS
} CgProtectionKind;

const char *cg_protection_kind_to_string (CgProtectionKind kind);
const char *cg_protection_kind_label     (CgProtectionKind kind);

typedef struct
{
  gint64            id;
  gint64            service_id;  /* 0 for none */
  CgProtectionKind  kind;
  char             *done_at;     /* UTC; NULL = now on add */
  char             *done_on;     /* local day, set on add */
  char             *staff;
  gboolean          suit;        /* protective suit worn */
  gboolean          goggles;     /* goggles worn */
  char             *note;
} CgProtection;

CgProtection *cg_protection_new     (void);
void        cg_protection_free      (CgProtection *protection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgProtection, cg_protection_free)
/* Stores a record (audited "protection.add"): a staff name, a time not in
 * the future, a known service when one is given. */
gboolean    cg_protection_add       (CgStore        *store,
                                     CgProtection   *protection,
                                     const char     *who,
                                     GError        **error);
/* The same inside the caller's transaction (no "changed" signal). */
gboolean    cg_protection_add_in_transaction (CgStore *store,
                                     CgProtection   *protection,
                                     const char     *who,
                                     GError        **error);
/* The records of local day @date, earliest first. */
GPtrArray  *cg_protection_list_day  (CgStore        *store,
                                     const GDate    *date,
                                     GError        **error);
/* The records of one service, earliest first. */
GPtrArray  *cg_protection_list_service (CgStore     *store,
                                     gint64          service_id,
                                     GError        **error);

/* ---- mourners (cg-mourner.c) --------------------------------------- */

/* A gathering of more than this many people needs a prevention plan
 * (002 一(四)); FH-6 flags a service with more mourners in one day. */
#define CG_GATHERING_PLAN_THRESHOLD 50

typedef struct
{
  gint64        id;
  gint64        service_id;
  char         *name;
  char         *phone;          /* "" or checked */
  char         *arrived_at;     /* UTC; NULL = now on check-in */
  char         *arrived_on;     /* local day, set on check-in */
  char         *left_at;        /* UTC or NULL (inside / refused) */
  double        temperature;
  guint         symptoms;       /* CgSymptoms */
  CgHealthCode  health_code;
  guint         refusal;        /* CgRefusal bits of cg-visit.h; 0 = admitted */
  char         *registered_by;
} CgMourner;

CgMourner  *cg_mourner_new          (void);
CgMourner  *cg_mourner_copy         (const CgMourner *mourner);
void        cg_mourner_free         (CgMourner *mourner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgMourner, cg_mourner_free)

/* CgRefusal bits for this mourner with @inside_now admitted mourners of
 * the service inside: a fever band or the fever symptom (FEVER), cough,
 * dry cough or sore throat — a cold (SYMPTOMS), a health code other than
 * green (HEALTH_CODE), the policy's maximum of mourners at once reached
 * (FULL).  0 to admit. */
guint       cg_mourner_decide       (const CgPolicy *policy,
                                     const CgMourner *mourner,
                                     int             inside_now);
/* Checks the fields, decides and stores the mourner — admitted or refused
 * (with the reasons) — setting id, arrived_on and refusal.  Audited
 * ("mourner.check_in"), emits "changed" with "mourner".  FALSE, nothing
 * stored: an unknown or ended service, a COVID-19 case (no mourners,
 * FH-7), an arrival before the service's start or in the future, a
 * missing name, a bad phone, an implausible temperature. */
gboolean    cg_mourner_check_in     (CgStore        *store,
                                     const CgPolicy *policy,
                                     CgMourner      *mourner,
                                     const char     *who,
                                     GError        **error);
/* The same inside the caller's transaction with the mourners inside
 * given (negative: count the stored ones). */
gboolean    cg_mourner_check_in_counted_in_transaction (CgStore *store,
                                     const CgPolicy *policy,
                                     CgMourner      *mourner,
                                     int             inside_now,
                                     const char     *who,
                                     GError        **error);
gboolean    cg_mourner_validate     (CgStore        *store,
                                     const CgPolicy *policy,
                                     CgMourner      *mourner,
                                     GError        **error);
/* @left_at NULL = now; refused for a refused mourner, one already out,
 * a time before the arrival. */
gboolean    cg_mourner_check_out    (CgStore        *store,
                                     gint64          mourner_id,
                                     const char     *left_at,
                                     const char     *who,
                                     GError        **error);
/* Admitted mourners of @service_id inside at @at (UTC; NULL = now). */
int         cg_mourner_count_inside (CgStore        *store,
                                     gint64          service_id,
                                     const char     *at,
                                     GError        **error);
/* The mourners of a service (admitted and refused), by arrival. */
GPtrArray  *cg_mourner_list         (CgStore        *store,
                                     gint64          service_id,
                                     GError        **error);
/* Admitted and refused mourners of @service_id (0: every service) who
 * arrived on local day @date; FALSE with @error. */
gboolean    cg_mourner_count_day    (CgStore        *store,
                                     gint64          service_id,
                                     const GDate    *date,
                                     int            *admitted,
                                     int            *refused,
                                     GError        **error);
/* Minutes of the stay (to @now while inside) and whether it is longer
 * than the policy's maximum (FH-6). */
int         cg_mourner_minutes      (const CgMourner *mourner,
                                     const char     *now);
gboolean    cg_mourner_is_overstay  (const CgPolicy *policy,
                                     const CgMourner *mourner,
                                     const char     *now);

/* ---- rules (cg-service-rules.c) ------------------------------------ */

/* The alerts of @date for FH-2, FH-4, FH-5, FH-6 and FH-7 (each when
 * cg_policy_applies), added to @alerts (CgAlert*):
 *  - FH-5 CRITICAL: a service over the mourning limit during the day;
 *    WARNING: approaching it (within the warn hours);
 *  - FH-6 WARNING: a hall in use that day with fewer disinfections than
 *    the policy asks (judged once the day is over: not for today);
 *    more than CG_GATHERING_PLAN_THRESHOLD mourners of a service that
 *    day (a prevention plan is needed); mourners who stayed too long;
 *  - FH-7 CRITICAL: a COVID-19 case whose checklist is not complete by
 *    the end of the day, with the steps missing;
 *  - FH-2 WARNING (medium or high area risk only): a transport or
 *    cremation record of the day without protective suit or goggles;
 *  - FH-4 WARNING: a transport of the day not followed by a vehicle
 *    disinfection before the next transport (or within 12 hours of the
 *    last), judged once that window has closed. */
gboolean    cg_service_evaluate_rules (CgStore        *store,
                                     const CgPolicy *policy,
                                     const GDate    *date,
                                     GPtrArray      *alerts,
                                     GError        **error);

G_END_DECLS
