/* cg-test-util.h — what the C tests share: a store in a temporary
 * directory with an institution and its module's policy, one integer from
 * SQL, valid ID numbers, and local days and times relative to today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cg-import.h"
#include "cg-institution.h"
#include "cg-policy.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;      /* the temporary directory */
  char     *path;     /* the database in it */
  CgStore  *store;
  CgPolicy *policy;   /* NULL until a policy is loaded */
} CgTestStore;

/* Opens a store on @db_name in a new temporary directory
 * "careguard-@prefix-XXXXXX": no institution, no policy. */
void      cg_test_store_open              (CgTestStore       *t,
                                           const char        *prefix,
                                           const char        *db_name);
/* Saves an institution @name of @kind with @beds beds (as "test"). */
void      cg_test_store_add_institution   (CgTestStore       *t,
                                           const char        *name,
                                           CgInstitutionKind  kind,
                                           int                beds);
/* Loads the policy of @kind's module from the store, in place of the one
 * loaded before, if any. */
void      cg_test_store_load_policy       (CgTestStore       *t,
                                           CgInstitutionKind  kind);
/* All three above: the usual set-up of a test's store. */
void      cg_test_store_set_up            (CgTestStore       *t,
                                           const char        *prefix,
                                           const char        *db_name,
                                           const char        *name,
                                           CgInstitutionKind  kind,
                                           int                beds);
/* Closes the store, frees the policy, removes every file of the directory
 * (the database, its -wal and -shm, whatever the test wrote there) and
 * the directory. */
void      cg_test_store_tear_down         (CgTestStore       *t);
/* The same as the tear-down of g_test_add() for a fixture of type
 * CgTestStore. */
void      cg_test_store_fixture_tear_down (CgTestStore       *t,
                                           gconstpointer      data);

/* The integer in the first column of the one row @sql returns. */
gint64    cg_test_query_int               (CgStore           *store,
                                           const char        *sql);

/* cg_import_prepare() of @text, which must succeed. */
CgImport *cg_test_import_prepare          (CgStore           *store,
                                           CgRegister         reg,
                                           const char        *text);
/* Tells the problems of @import, if any, as a test message. */
void      cg_test_import_dump_problems    (CgImport          *import);
/* Prepares and commits @text, which must have no problem and no bad row,
 * @n_new new and @n_updated updated records. */
void      cg_test_import_ok               (CgStore           *store,
                                           CgRegister         reg,
                                           const char        *text,
                                           guint              n_new,
                                           guint              n_updated);

/* A valid GB 11643 ID number: @first17 and its check digit. */
char     *cg_test_id_number               (const char        *first17);
/* A valid ID number of region 350582, born on @birth ("YYYYMMDD"), with
 * sequence number @seq % 1000: one for each @seq below 1000. */
char     *cg_test_id_number_born          (const char        *birth,
                                           guint              seq);

/* The local day @offset days from today (negative: before). */
GDate     cg_test_date                    (int                offset);
/* The same as "YYYY-MM-DD". */
char     *cg_test_day                     (int                offset);
/* Local "YYYY-MM-DD HH:MM" @local in UTC ISO-8601; it must be valid. */
char     *cg_test_utc                     (const char        *local);
/* Local @hh_mm ("HH:MM") of the day @offset days from today, in UTC. */
char     *cg_test_utc_at                  (int                offset,
                                           const char        *hh_mm);

G_END_DECLS
