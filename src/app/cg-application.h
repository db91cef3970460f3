/* cg-application.h — the CareGuard application: one instance per database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_APPLICATION (cg_application_get_type ())
G_DECLARE_FINAL_TYPE (CgApplication, cg_application, CG, APPLICATION, AdwApplication)

/* @db_path: the database to open, or NULL for cg_store_default_path ().
 * The application id carries a hash of the absolute path for any other
 * database, so two windows on two databases are two instances.
 * The store is opened on the first activation. */
CgApplication *cg_application_new        (const char    *db_path);
/* The database path this instance serves (absolute). */
const char    *cg_application_get_db_path (CgApplication *self);
/* NULL until the first activation has opened the store (or if it failed). */
CgStore       *cg_application_get_store  (CgApplication *self);
/* "org.example.CareGuard" or "org.example.CareGuard.Db<16 hex>". */
char          *cg_application_id_for_path (const char   *db_path);

G_END_DECLS
