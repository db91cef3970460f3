/* cg-nat-test.h — nucleic-acid tests (核酸检测) of staff and new arrivals
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
  CG_NAT_PENDING,
  CG_NAT_NEGATIVE,
  CG_NAT_POSITIVE,
  CG_N_NAT_RESULTS
} CgNatResult;

const char *cg_nat_result_to_string   (CgNatResult result);  /* "negative" … */
int         cg_nat_result_from_string (const char *text);    /* English or 阴性/阳性/待出; -1 */
const char *cg_nat_result_label       (CgNatResult result);  /* translated */

typedef struct
{
  gint64       id;
  gint64       person_id;
  char        *sampled_on;   /* YYYY-MM-DD */
  CgNatResult  result;
  char        *result_on;    /* YYYY-MM-DD or NULL (pending) */
  char        *site;
} CgNatTest;

CgNatTest  *cg_nat_test_new           (void);
void        cg_nat_test_free          (CgNatTest *test);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgNatTest, cg_nat_test_free)

/* Stores a sample; the same person and sampling day is the same sample, so
 * a second record for it updates the result.  A result date before the
 * sampling date, a sample in the future, or a sample of someone who was
 * not there is refused.  Audited. */
gboolean    cg_nat_test_save          (CgStore    *store,
                                       CgNatTest  *test,
                                       const char *who,
                                       GError    **error);
gboolean    cg_nat_test_save_in_transaction (CgStore    *store,
                                       CgNatTest  *test,
                                       const char *who,
                                       GError    **error);
/* Newest first. */
GPtrArray  *cg_nat_test_list_for_person (CgStore  *store,
                                       gint64     person_id,
                                       GError   **error);

typedef enum
{
  CG_NAT_STATE_OK,
  CG_NAT_STATE_DUE_SOON,
  CG_NAT_STATE_OVERDUE,
  CG_NAT_STATE_NEVER,        /* no negative test on record */
  CG_NAT_STATE_POSITIVE,     /* the latest known result is positive */
} CgNatState;

const char *cg_nat_state_label        (CgNatState state);

typedef struct
{
  CgPerson   *person;
  char       *last_negative;  /* sampling date of the last negative known on the day, or NULL */
  char       *next_due;       /* last_negative + interval, or NULL */
  int         days_left;      /* next_due - date (negative when overdue) */
  CgNatState  state;
  gint64      latest_id;      /* the latest test known on the day, or 0 */
  char       *latest_sampled_on;
  CgNatResult latest_result;
  gboolean    pending;        /* a sample taken, result not yet known */
} CgNatStatus;

void        cg_nat_status_free        (CgNatStatus *status);

/* The test status of everyone of @kind (-1: all) present on @date, as it
 * was known that day: samples taken after @date and results that came
 * after it do not count. */
GPtrArray  *cg_nat_status_list        (CgStore       *store,
                                       const CgPolicy *policy,
                                       const GDate   *date,
                                       int            kind,
                                       GError       **error);

G_END_DECLS
