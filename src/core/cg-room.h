/* cg-room.h — observation and isolation rooms, stays, entry screening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ALL-5: a room kept for observation or isolation must have its own
 * toilet, be ventilated and lie in a low-traffic area; a room lacking one
 * of the three is not compliant.  One person per room (单间): a room with
 * an open stay is not free.
 *
 * A stay (隔离观察) has a reason, a start, a planned end (start + the
 * policy's isolation days unless given) and an end.  A stay whose reason
 * demands it (ALL-6 new arrival, RS-2 no code or risk area, contact)
 * ends before its planned end only with a negative nucleic-acid test
 * sampled during the stay and known by the end: otherwise the release is
 * refused with the reason and nothing changes.
 *
 * A screening (RS-1 at a rescue station, ALL-6 for a new arrival
 * elsewhere) records temperature, symptoms, health code, travel, contact
 * and the identity check, and decides: a fever band → observation room
 * (RS-3: report to the station head, call 120, report upward); no code or
 * a risk area (or, for ALL-6, every new arrival) → an isolation stay of
 * the policy's days, opened at once in a free compliant room of the right
 * kind (any free room when no compliant one is free); otherwise admit.
 */
#pragma once

#include "cg-health-check.h"
#include "cg-person.h"
#include "cg-policy.h"
#include "cg-rules.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_ROOM_OBSERVATION,   /* 观察室 */
  CG_ROOM_ISOLATION,     /* 隔离室 */
  CG_N_ROOM_KINDS
} CgRoomKind;

const char *cg_room_kind_to_string   (CgRoomKind kind);   /* "observation" … */
int         cg_room_kind_from_string (const char *text);  /* English or Chinese; -1 */
const char *cg_room_kind_label       (CgRoomKind kind);   /* translated */

typedef struct
{
  gint64      id;           /* 0: not stored */
  char       *name;         /* data: "隔离1号" */
  CgRoomKind  kind;
  gboolean    own_toilet;
  gboolean    ventilated;
  gboolean    low_traffic;
  char       *note;
  gboolean    archived;
} CgRoom;

CgRoom     *cg_room_new            (void);
CgRoom     *cg_room_copy           (const CgRoom *room);
void        cg_room_free           (CgRoom *room);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgRoom, cg_room_free)

gboolean    cg_room_is_compliant   (const CgRoom *room);
/* Translated: what the room lacks, "" when compliant. */
char       *cg_room_describe_gaps  (const CgRoom *room);

/* Insert (id 0) or update, by id; a duplicate name is refused.  Audited. */
gboolean    cg_room_save           (CgStore  *store,
                                    CgRoom   *room,
                                    const char *who,
                                    GError  **error);
gboolean    cg_room_save_in_transaction (CgStore *store,
                                    CgRoom   *room,
                                    const char *who,
                                    GError  **error);
/* By name; archived rooms only when asked.  Array of CgRoom*. */
GPtrArray  *cg_room_list           (CgStore  *store,
                                    gboolean  include_archived,
                                    GError  **error);
CgRoom     *cg_room_find_by_name   (CgStore  *store,
                                    const char *name,
                                    GError  **error);   /* NULL, no error: none */

typedef enum
{
  CG_STAY_NEW_ARRIVAL,      /* ALL-6 */
  CG_STAY_NO_HEALTH_CODE,   /* RS-2 */
  CG_STAY_RISK_AREA,        /* RS-2 */
  CG_STAY_FEVER,            /* ALL-2, RS-3 */
  CG_STAY_SYMPTOMS,         /* ALL-2 */
  CG_STAY_CONTACT,          /* close contact */
  CG_STAY_OTHER,
  CG_N_STAY_REASONS
} CgStayReason;

const char *cg_stay_reason_to_string   (CgStayReason reason);  /* "new_arrival" … */
/* English code or Chinese word (新入住, 无健康码, 中高风险地区, 发热, 症状,
 * 密接, 其他 …); -1 when unknown. */
int         cg_stay_reason_from_string (const char *text);
const char *cg_stay_reason_label       (CgStayReason reason);  /* translated */
/* The isolation register's word for the reason (新入住, 中高风险地区旅居史,
 * 可疑症状 …), translated: what the workbooks write. */
const char *cg_stay_reason_register_label (CgStayReason reason);
/* Whether an early release needs a negative test taken during the stay. */
gboolean    cg_stay_reason_needs_test  (CgStayReason reason);

typedef struct
{
  gint64        id;
  gint64        room_id;
  gint64        person_id;
  CgStayReason  reason;
  char         *note;
  char         *started_at;       /* UTC ISO-8601; NULL = now when opened */
  char         *planned_end_at;   /* UTC; NULL = start + isolation days */
  char         *ended_at;         /* UTC or NULL while open */
  gint64        release_test_id;  /* the negative test of an early release, 0 */
  char         *disposition;      /* 处置, free text */
  /* filled by queries that join room and person */
  char         *room_name;
  char         *person_name;
  char         *id_number;
  int           person_kind;
} CgStay;

CgStay     *cg_stay_new            (void);
CgStay     *cg_stay_copy           (const CgStay *stay);
void        cg_stay_free           (CgStay *stay);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgStay, cg_stay_free)

/* Opens a stay: the room must exist, not be archived and be free at the
 * start; the person must be there and not already in an open stay.
 * Sets stay->id and the planned end.  Audited. */
gboolean    cg_stay_open           (CgStore        *store,
                                    const CgPolicy *policy,
                                    CgStay         *stay,
                                    const char     *who,
                                    GError        **error);
gboolean    cg_stay_open_in_transaction (CgStore  *store,
                                    const CgPolicy *policy,
                                    CgStay         *stay,
                                    const char     *who,
                                    GError        **error);
/* Ends a stay at @ended_at (NULL = now) — see the rule above.  Audited. */
gboolean    cg_stay_end            (CgStore        *store,
                                    const CgPolicy *policy,
                                    gint64          stay_id,
                                    const char     *ended_at,
                                    const char     *disposition,
                                    const char     *who,
                                    GError        **error);
/* Stores an already ended stay as a register line (the import): the same
 * checks as opening and ending.  */
gboolean    cg_stay_add_in_transaction (CgStore    *store,
                                    const CgPolicy *policy,
                                    CgStay         *stay,
                                    const char     *who,
                                    GError        **error);

/* The same as cg_stay_end, inside a transaction the caller holds. */
gboolean    cg_stay_end_in_transaction (CgStore    *store,
                                    const CgPolicy *policy,
                                    gint64          stay_id,
                                    const char     *ended_at,
                                    const char     *disposition,
                                    const char     *who,
                                    GError        **error);
/* The checks opening and adding make, for a caller (the import) that
 * reports them before writing anything.  All read-only.
 *
 * The planned end when none is given: @started_at + the policy's
 * isolation days (local calendar days, same clock time), UTC. */
char       *cg_stay_default_planned_end (const CgPolicy *policy,
                                    const char     *started_at);
/* No other stay of the room nor of the person overlaps [started_at,
 * ended_at) of @stay (ended_at NULL: open; stay->id is skipped); the
 * message names the room and who is in it.  Times normalised (UTC). */
gboolean    cg_stay_check_free     (CgStore        *store,
                                    const CgStay   *stay,
                                    GError        **error);
/* The release rule for ending @stay at @ended_at (UTC): sets
 * *release_test_id to the negative test that allows an early release
 * (0 when none is needed); FALSE with the reason when it is refused. */
gboolean    cg_stay_check_release  (CgStore        *store,
                                    const CgPolicy *policy,
                                    const CgStay   *stay,
                                    const char     *ended_at,
                                    gint64         *release_test_id,
                                    GError        **error);

CgStay     *cg_stay_get            (CgStore  *store,
                                    gint64    stay_id,
                                    GError  **error);
/* Stays open at @at (UTC; NULL = now), by room name. */
GPtrArray  *cg_stay_list_open      (CgStore  *store,
                                    const char *at,
                                    GError  **error);
/* Stays that overlap [@from, @to] (local days, inclusive), by room, then
 * start — for the occupancy timeline and the isolation register. */
GPtrArray  *cg_stay_list_between   (CgStore     *store,
                                    const GDate *from,
                                    const GDate *to,
                                    GError     **error);
/* Day of the stay at @at: the start day is day 1. */
int         cg_stay_day_number     (const CgStay *stay,
                                    const char   *at);

/* The room board: every room in use (not archived), by name, with its
 * open stay (or NULL) at @at (UTC; NULL = now). */
typedef struct
{
  CgRoom  *room;
  CgStay  *stay;       /* NULL: free */
} CgRoomState;

void        cg_room_state_free     (CgRoomState *state);
GPtrArray  *cg_room_board          (CgStore  *store,
                                    const char *at,
                                    GError  **error);

typedef enum
{
  CG_REFERRED_NONE,
  CG_REFERRED_POLICE,            /* 公安 */
  CG_REFERRED_CITY_MANAGEMENT,   /* 城管 */
  CG_REFERRED_SELF,              /* 自行求助 */
  CG_REFERRED_OTHER,
  CG_N_REFERRERS
} CgReferrer;

const char *cg_referrer_to_string  (CgReferrer referrer);   /* "", "police" … */
const char *cg_referrer_label      (CgReferrer referrer);   /* translated */
/* The screening register's word (公安/城管/自行求助/其他; "" when not
 * recorded), translated: what the workbooks write. */
const char *cg_referrer_register_label (CgReferrer referrer);
int         cg_referrer_from_string (const char *text);     /* English or Chinese (公安 …); -1 */

typedef enum
{
  CG_SCREENING_ADMIT,
  CG_SCREENING_ISOLATE,   /* RS-2 / ALL-6: an isolation stay */
  CG_SCREENING_OBSERVE,   /* RS-3 / ALL-2: fever or symptoms, observation room */
} CgScreeningOutcome;

const char *cg_screening_outcome_to_string (CgScreeningOutcome outcome);  /* "admit" … */
const char *cg_screening_outcome_label (CgScreeningOutcome outcome);  /* translated */

typedef struct
{
  gint64              id;
  gint64              person_id;
  char               *screened_at;       /* UTC; NULL = now */
  char               *screened_on;       /* local day, set on store */
  CgReferrer          referred_by;
  double              temperature;
  guint               symptoms;
  CgHealthCode        health_code;
  gboolean            risk_travel;
  gboolean            contact;
  gboolean            identity_verified;
  CgScreeningOutcome  outcome;           /* set by cg_screening_record */
  gint64              stay_id;           /* the stay it opened, 0 */
  char               *called_120_at;
  char               *reported_at;
  char               *note;
  char               *registered_by;
} CgScreening;

CgScreening *cg_screening_new      (void);
void        cg_screening_free      (CgScreening *screening);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgScreening, cg_screening_free)

/* What the policy decides; @new_arrival isolates (ALL-6) even when
 * nothing else does. */
CgScreeningOutcome cg_screening_decide (const CgPolicy    *policy,
                                    const CgScreening *screening,
                                    gboolean           new_arrival);
/* Stores a screening and, for an outcome other than admit, opens the stay
 * in a free room in the same transaction.  When no room is free the
 * screening is stored with stay_id 0 and the rules raise the alert.
 * A person already in an open stay stays there: the screening records
 * that stay.  Implausible temperatures are refused.  Audited. */
gboolean    cg_screening_record    (CgStore        *store,
                                    const CgPolicy *policy,
                                    CgScreening    *screening,
                                    gboolean        new_arrival,
                                    const char     *who,
                                    GError        **error);
/* Writes @screening as given — its outcome, stay_id and times decided by
 * the caller, nothing checked or audited — inside the caller's
 * transaction, and sets its id.  For the demonstration's history, which
 * places people in rooms itself; everyone else calls
 * cg_screening_record(). */
gboolean    cg_screening_insert_in_transaction (CgStore     *store,
                                    CgScreening    *screening,
                                    const char     *created_at,
                                    GError        **error);
/* Marks "called 120" or "reported upward" (RS-3) at @at (NULL = now). */
gboolean    cg_screening_mark      (CgStore   *store,
                                    gint64     screening_id,
                                    gboolean   called_120,
                                    gboolean   reported,
                                    const char *at,
                                    const char *who,
                                    GError   **error);
CgScreening *cg_screening_get      (CgStore  *store,
                                    gint64    screening_id,
                                    GError  **error);   /* NULL, no error: none */
/* Newest first. */
GPtrArray  *cg_screening_list_for_person (CgStore *store,
                                    gint64    person_id,
                                    GError  **error);

/* ALL-6: a new arrival's steps (screening, a negative test since arrival,
 * an isolation stay) as known on @date, for everyone who arrived within
 * the policy's isolation days. */
typedef struct
{
  CgPerson *person;
  char     *arrived_on;
  char     *until;           /* arrived_on + isolation days */
  gboolean  screened;
  gboolean  tested_negative;
  gboolean  test_pending;
  gboolean  isolated;        /* a stay opened since arrival */
} CgArrival;

void        cg_arrival_free        (CgArrival *arrival);
GPtrArray  *cg_arrival_list        (CgStore        *store,
                                    const CgPolicy *policy,
                                    const GDate    *date,
                                    GError        **error);

typedef struct
{
  GDate  date;
  int    occupied;       /* rooms with a stay that day */
  int    rooms;          /* rooms not archived */
  int    started;
  int    ended;
} CgRoomDay;

GArray     *cg_room_days           (CgStore     *store,
                                    const GDate *from,
                                    const GDate *to,
                                    GError     **error);

/* ALL-5, RS-1, RS-2, RS-3 alerts of @date added to @alerts: rooms not
 * compliant, stays ending that day or past their planned end, entrants
 * without screening, isolation needed with no free room, fevers on entry
 * whose 120 call or report is not recorded.  ALL-6 stays with cg-rules.c,
 * which reads cg_arrival_list().  Only the rules that apply. */
gboolean    cg_room_evaluate_rules (CgStore        *store,
                                    const CgPolicy *policy,
                                    const GDate    *date,
                                    GPtrArray      *alerts,
                                    GError        **error);

G_END_DECLS
