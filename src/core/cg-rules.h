/* cg-rules.h — the day's alerts, each with its rule and source clause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-policy.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_SEVERITY_CRITICAL,
  CG_SEVERITY_WARNING,
  CG_SEVERITY_INFO,
  CG_N_SEVERITIES
} CgSeverity;

const char *cg_severity_to_string (CgSeverity severity);   /* "critical" … */
const char *cg_severity_label     (CgSeverity severity);   /* translated */

typedef struct
{
  char       *rule;          /* "CH-5" */
  CgSeverity  severity;
  char       *subject;       /* who or what, for people "王秀英 350582********1234" */
  char       *record_kind;   /* "person", "nat_test", "health_check" … */
  gint64      record_id;     /* row id in that table, 0 when none */
  char       *message;       /* translated, with the numbers that matter */
  const char *source;        /* the document clause (Chinese, as issued) */
  char       *date;          /* the day evaluated, YYYY-MM-DD */
} CgAlert;

void        cg_alert_free         (CgAlert *alert);

/* The clause a rule comes from, e.g. "晋政民〔2020〕87号 养老 二(三)". */
const char *cg_rule_source        (const char *rule_id);
/* The same, citing the sector's own plan where it has the clause. */
const char *cg_rule_source_for    (const char *rule_id,
                                   CgInstitutionKind kind);
/* A short translated title: "Staff nucleic-acid test every 4 weeks". */
const char *cg_rule_title         (const char *rule_id);

/* The alerts of @date for the rules that apply (cg_policy_applies),
 * critical first, then by rule and subject.  Array of CgAlert. */
GPtrArray  *cg_rules_evaluate     (CgStore        *store,
                                   const CgPolicy *policy,
                                   const GDate    *date,
                                   GError        **error);

/* JSON array of {"rule","severity","subject","message","source","date"}. */
char       *cg_alerts_to_json     (GPtrArray *alerts);

G_END_DECLS
