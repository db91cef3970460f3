/* cg-store.h — the one SQLite database of an installation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CG_STORE_ERROR (cg_store_error_quark ())

typedef enum
{
  CG_STORE_ERROR_FAILED,        /* SQLite said no, for a reason a user cannot fix */
  CG_STORE_ERROR_OPEN,          /* the file cannot be opened or is not a database */
  CG_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer CareGuard */
  CG_STORE_ERROR_CONSTRAINT,    /* a value breaks a rule of the schema */
  CG_STORE_ERROR_NOT_FOUND,
  CG_STORE_ERROR_INVALID,       /* a value the program refuses before SQLite sees it */
  CG_STORE_ERROR_BUSY,
} CgStoreError;

GQuark cg_store_error_quark (void);

#define CG_TYPE_STORE (cg_store_get_type ())
G_DECLARE_FINAL_TYPE (CgStore, cg_store, CG, STORE, GObject)

/* Opens (creating if needed) and migrates to the latest schema. */
CgStore      *cg_store_open                (const char    *path,
                                            GError       **error);
/* Tests only: migrates no further than @version (0 = leave as found). */
CgStore      *cg_store_open_at_version     (const char    *path,
                                            int            version,
                                            GError       **error);
int           cg_store_latest_version      (void);
int           cg_store_get_version         (CgStore       *self);
const char   *cg_store_get_path            (CgStore       *self);
sqlite3      *cg_store_get_db              (CgStore       *self);

/* The default path: $XDG_DATA_HOME/careguard/careguard.db */
char         *cg_store_default_path        (void);

/* Prepared statements are cached per SQL text; the returned statement is
 * reset and its bindings cleared.  Do not finalize it. */
sqlite3_stmt *cg_store_prepare             (CgStore       *self,
                                            const char    *sql,
                                            GError       **error);
/* One statement with no parameters (DDL, pragmas). */
gboolean      cg_store_exec                (CgStore       *self,
                                            const char    *sql,
                                            GError       **error);
/* Steps a prepared statement to SQLITE_DONE, setting @error otherwise. */
gboolean      cg_store_step_done           (CgStore       *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);

/* Transactions: every write is one.  begin() is BEGIN IMMEDIATE. */
gboolean      cg_store_begin               (CgStore       *self,
                                            GError       **error);
gboolean      cg_store_commit              (CgStore       *self,
                                            GError       **error);
void          cg_store_rollback            (CgStore       *self);

/* Turns the last SQLite error into a GError with a message a user can read. */
void          cg_store_set_error           (CgStore       *self,
                                            GError       **error,
                                            int            rc);

/* Consistent copy of the database to @dest (SQLite online backup). */
gboolean      cg_store_backup              (CgStore       *self,
                                            const char    *dest,
                                            GError       **error);

/* Bind helpers: NULL text binds SQL NULL. */
void          cg_bind_text                 (sqlite3_stmt  *stmt,
                                            int            idx,
                                            const char    *text);
char         *cg_column_dup_text           (sqlite3_stmt  *stmt,
                                            int            col);

/* Emitted after a commit that changed @table ("person", "institution", …). */
void          cg_store_emit_changed        (CgStore       *self,
                                            const char    *table);

G_END_DECLS
