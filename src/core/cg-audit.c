/* cg-audit.c — who changed what, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-audit.h"
#include "cg-date.h"

void
cg_audit_entry_free (CgAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->who);
  g_free (entry->what);
  g_free (entry->subject);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

const char *
cg_audit_current_user (void)
{
  const char *real = g_get_real_name ();

  /* GLib answers "Unknown" when the account has no full name. */
  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return real;
  return g_get_user_name ();
}

gboolean
cg_audit_record (CgStore     *store,
                 const char  *who,
                 const char  *what,
                 const char  *subject,
                 const char  *old_value,
                 const char  *new_value,
                 GError     **error)
{
  g_autofree char *now = cg_datetime_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  stmt = cg_store_prepare (store,
                           "INSERT INTO audit (at, who, what, subject, old_value, new_value) "
                           "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, now);
  cg_bind_text (stmt, 2, who != NULL ? who : cg_audit_current_user ());
  cg_bind_text (stmt, 3, what);
  cg_bind_text (stmt, 4, subject);
  cg_bind_text (stmt, 5, old_value);
  cg_bind_text (stmt, 6, new_value);
  return cg_store_step_done (store, stmt, error);
}

GPtrArray *
cg_audit_list (CgStore     *store,
               const char  *what_prefix,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_audit_entry_free);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  stmt = cg_store_prepare (store,
                           "SELECT id, at, who, what, subject, old_value, new_value FROM audit "
                           "WHERE ?1 IS NULL OR substr(what, 1, length(?1)) = ?1 "
                           "ORDER BY at DESC, id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, what_prefix);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : G_MAXINT64);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgAuditEntry *entry = g_new0 (CgAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = cg_column_dup_text (stmt, 1);
      entry->who = cg_column_dup_text (stmt, 2);
      entry->what = cg_column_dup_text (stmt, 3);
      entry->subject = cg_column_dup_text (stmt, 4);
      entry->old_value = cg_column_dup_text (stmt, 5);
      entry->new_value = cg_column_dup_text (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}
