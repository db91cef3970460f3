/* cg-audit.h — who changed what, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;        /* UTC ISO-8601 */
  char   *who;
  char   *what;      /* "institution.risk", "person.add", … */
  char   *subject;   /* id number, item name … or NULL */
  char   *old_value;
  char   *new_value;
} CgAuditEntry;

void       cg_audit_entry_free (CgAuditEntry *entry);

/* Call inside the caller's transaction. */
gboolean   cg_audit_record     (CgStore    *store,
                                const char *who,
                                const char *what,
                                const char *subject,
                                const char *old_value,
                                const char *new_value,
                                GError    **error);
/* Newest first; @what_prefix NULL for all. Array of CgAuditEntry. */
GPtrArray *cg_audit_list       (CgStore    *store,
                                const char *what_prefix,
                                guint       limit,
                                GError    **error);
/* The name the audit log records for the person at the keyboard. */
const char *cg_audit_current_user (void);

G_END_DECLS
