/* cg-store.c — the one SQLite database of an installation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cg-store.h"

struct _CgStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt* */
  int         version;
  gboolean    in_transaction;
};

G_DEFINE_TYPE (CgStore, cg_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cg-store-error-quark, cg_store_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The schema, one step per version.  Never edit a step that has shipped:
 * add a new one.  Step N takes a database at user_version N-1 to N. */
static const char * const migrations[] = {
  /* 1: the institution profile and the people it registers */
  "CREATE TABLE institution ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('care-home','child-welfare','rescue-station','funeral-home')),"
  "  district TEXT NOT NULL DEFAULT '',"
  "  beds INTEGER NOT NULL CHECK (beds >= 0),"
  "  risk TEXT NOT NULL DEFAULT 'low' CHECK (risk IN ('low','medium','high')),"
  "  director TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  id_number TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),"
  "  kind TEXT NOT NULL CHECK (kind IN ('staff','resident','child','aid')),"
  "  sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('','male','female')),"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT '',"
  "  room TEXT NOT NULL DEFAULT '',"
  "  arrived_on TEXT NOT NULL,"
  "  left_on TEXT,"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX person_kind_name ON person (kind, name);",

  /* 2: the audit log, and archiving instead of deleting */
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT NOT NULL,"
  "  what TEXT NOT NULL,"
  "  subject TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT);"
  "CREATE INDEX audit_what ON audit (what, at);"
  "ALTER TABLE person ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));"
  "ALTER TABLE person ADD COLUMN updated_at TEXT;"
  "UPDATE person SET archived = 1 WHERE left_on IS NOT NULL;"
  "UPDATE person SET updated_at = created_at;"
  "ALTER TABLE institution ADD COLUMN updated_at TEXT;"
  "UPDATE institution SET updated_at = created_at;",

  /* 3: policy changes, staff nucleic-acid tests, daily health checks */
  "CREATE TABLE policy ("
  "  key TEXT PRIMARY KEY,"
  "  value REAL NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL);"
  "CREATE TABLE nat_test ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  sampled_on TEXT NOT NULL,"
  "  result TEXT NOT NULL CHECK (result IN ('pending','negative','positive')),"
  "  result_on TEXT,"
  "  site TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (person_id, sampled_on));"
  "CREATE INDEX nat_test_sampled ON nat_test (sampled_on);"
  "CREATE TABLE health_check ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  checked_at TEXT NOT NULL,"
  "  checked_on TEXT NOT NULL,"
  "  temperature REAL NOT NULL CHECK (temperature BETWEEN 30.0 AND 45.0),"
  "  symptoms INTEGER NOT NULL DEFAULT 0,"
  "  action TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX health_check_day ON health_check (checked_on, person_id);"
  "CREATE INDEX health_check_person ON health_check (person_id, checked_on);",

  /* 4: the history list pages by (day, id) without touching the rows */
  "CREATE INDEX health_check_order ON health_check (checked_on, id);",

  /* 5: protective supplies (CH-6, CW-4, FH-1, RS-6): items and their ledger;
   * a movement's delta is the change it made to the on-hand quantity */
  "CREATE TABLE stock_item ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  unit TEXT NOT NULL CHECK (length(trim(unit)) > 0),"
  "  pack_size INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),"
  "  category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ('masks','suits','disinfectant','goggles',"
  "    'caps','shoe_covers','gloves','other')),"
  "  peak30_override INTEGER CHECK (peak30_override IS NULL OR peak30_override > 0),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE stock_movement ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES stock_item (id),"
  "  occurred_on TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('receipt','use','count')),"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0 OR (kind = 'count' AND quantity = 0)),"
  "  delta INTEGER NOT NULL CHECK ((kind = 'receipt' AND delta = quantity)"
  "    OR (kind = 'use' AND delta = -quantity) OR kind = 'count'),"
  "  source TEXT CHECK (source IS NULL OR source IN ('allocated','bought','donated')),"
  "  expiry TEXT,"
  "  batch TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  who TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX stock_movement_item ON stock_movement (item_id, occurred_on, id);"
  "CREATE INDEX stock_movement_day ON stock_movement (occurred_on, kind);",

  /* 6: visitors (ALL-4), observation and isolation rooms and stays
   * (ALL-5, ALL-6, RS-2), and entry screenings (RS-1, RS-3, ALL-6).
   * Times are UTC ISO-8601; the *_on columns are the local day.  A
   * refused visit keeps its reasons as CgRefusal bits (refusal <> 0). */
  "CREATE TABLE visit ("
  "  id INTEGER PRIMARY KEY,"
  "  visitor_name TEXT NOT NULL CHECK (length(trim(visitor_name)) > 0),"
  "  visitor_id_number TEXT NOT NULL CHECK (length(visitor_id_number) = 18),"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  visiting_id INTEGER REFERENCES person (id),"
  "  relationship TEXT NOT NULL DEFAULT '',"
  "  arrived_at TEXT NOT NULL,"
  "  arrived_on TEXT NOT NULL,"
  "  left_at TEXT,"
  "  health_code TEXT NOT NULL CHECK (health_code IN ('green','yellow','orange','red','none')),"
  "  risk_travel INTEGER NOT NULL DEFAULT 0 CHECK (risk_travel IN (0, 1)),"
  "  temperature REAL NOT NULL,"
  "  symptoms INTEGER NOT NULL DEFAULT 0,"
  "  masked INTEGER NOT NULL DEFAULT 1 CHECK (masked IN (0, 1)),"
  "  nat_sampled_on TEXT,"
  "  nat_result TEXT CHECK (nat_result IS NULL OR nat_result IN ('negative','positive','pending')),"
  "  refusal INTEGER NOT NULL DEFAULT 0 CHECK (refusal >= 0),"
  "  registered_by TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  CHECK (left_at IS NULL OR left_at >= arrived_at));"
  "CREATE INDEX visit_order ON visit (arrived_at, id);"
  "CREATE INDEX visit_day ON visit (arrived_on, refusal);"
  "CREATE INDEX visit_visitor ON visit (visitor_id_number, arrived_at);"
  "CREATE INDEX visit_name ON visit (visitor_name);"
  "CREATE INDEX visit_phone ON visit (phone);"
  "CREATE INDEX visit_visiting ON visit (visiting_id, arrived_at);"
  "CREATE INDEX visit_inside ON visit (arrived_at) WHERE left_at IS NULL AND refusal = 0;"
  "CREATE TABLE room ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('observation','isolation')),"
  "  own_toilet INTEGER NOT NULL CHECK (own_toilet IN (0, 1)),"
  "  ventilated INTEGER NOT NULL CHECK (ventilated IN (0, 1)),"
  "  low_traffic INTEGER NOT NULL CHECK (low_traffic IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE stay ("
  "  id INTEGER PRIMARY KEY,"
  "  room_id INTEGER NOT NULL REFERENCES room (id),"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  reason TEXT NOT NULL CHECK (reason IN ('new_arrival','no_health_code','risk_area','fever',"
  "    'symptoms','contact','other')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  started_at TEXT NOT NULL,"
  "  planned_end_at TEXT NOT NULL,"
  "  ended_at TEXT,"
  "  release_test_id INTEGER REFERENCES nat_test (id),"
  "  disposition TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  CHECK (planned_end_at > started_at),"
  "  CHECK (ended_at IS NULL OR ended_at >= started_at));"
  "CREATE INDEX stay_room ON stay (room_id, started_at);"
  "CREATE INDEX stay_person ON stay (person_id, started_at);"
  "CREATE INDEX stay_span ON stay (started_at, ended_at);"
  "CREATE TABLE screening ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  screened_at TEXT NOT NULL,"
  "  screened_on TEXT NOT NULL,"
  "  referred_by TEXT NOT NULL DEFAULT '' CHECK (referred_by IN ('','police','city_management','self','other')),"
  "  temperature REAL NOT NULL,"
  "  symptoms INTEGER NOT NULL DEFAULT 0,"
  "  health_code TEXT NOT NULL CHECK (health_code IN ('green','yellow','orange','red','none')),"
  "  risk_travel INTEGER NOT NULL DEFAULT 0 CHECK (risk_travel IN (0, 1)),"
  "  contact INTEGER NOT NULL DEFAULT 0 CHECK (contact IN (0, 1)),"
  "  identity_verified INTEGER NOT NULL DEFAULT 0 CHECK (identity_verified IN (0, 1)),"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('admit','isolate','observe')),"
  "  stay_id INTEGER REFERENCES stay (id),"
  "  called_120_at TEXT,"
  "  reported_at TEXT,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  registered_by TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX screening_person ON screening (person_id, screened_at);"
  "CREATE INDEX screening_day ON screening (screened_on);",

  /* 7: the disinfection log (ALL-7, FH-4, FH-6) and training sessions
   * and drills (ALL-8) of every institution.  place_kind groups the
   * places of forms.md's 消毒工作日志 (a funeral hall, a vehicle …). */
  "CREATE TABLE disinfection ("
  "  id INTEGER PRIMARY KEY,"
  "  place TEXT NOT NULL CHECK (length(trim(place)) > 0),"
  "  place_kind TEXT NOT NULL DEFAULT 'other' CHECK (place_kind IN ('living','reception','isolation',"
  "    'office','canteen','hall','business_hall','cremation','vehicle','other')),"
  "  done_at TEXT NOT NULL,"
  "  done_on TEXT NOT NULL,"
  "  method TEXT NOT NULL DEFAULT '',"
  "  agent TEXT NOT NULL DEFAULT '',"
  "  operator TEXT NOT NULL CHECK (length(trim(operator)) > 0),"
  "  checker TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX disinfection_order ON disinfection (done_at, id);"
  "CREATE INDEX disinfection_place ON disinfection (place, done_on);"
  "CREATE TABLE training ("
  "  id INTEGER PRIMARY KEY,"
  "  held_on TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('training','drill')),"
  "  topic TEXT NOT NULL CHECK (length(trim(topic)) > 0),"
  "  attendees INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0),"
  "  attendee_names TEXT NOT NULL DEFAULT '',"
  "  trainer TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX training_day ON training (held_on);",

  /* 8: funeral services (FH-5, FH-7), their mourners (FH-6), the COVID-19
   * remains checklist (FH-7) and staff protection records (FH-2).  A
   * service with covid 'suspected' or 'confirmed' has no mourning period
   * (planned_end_at = started_at), no hall and no ceremony.  ended_at is
   * set only once the hall's final disinfection is on the log. */
  "CREATE TABLE service ("
  "  id INTEGER PRIMARY KEY,"
  "  deceased_name TEXT NOT NULL CHECK (length(trim(deceased_name)) > 0),"
  "  deceased_id_number TEXT NOT NULL CHECK (length(deceased_id_number) = 18),"
  "  family_contact TEXT NOT NULL CHECK (length(trim(family_contact)) > 0),"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  hall TEXT NOT NULL DEFAULT '',"
  "  started_at TEXT NOT NULL,"
  "  started_on TEXT NOT NULL,"
  "  planned_end_at TEXT NOT NULL,"
  "  ended_at TEXT,"
  "  covid TEXT NOT NULL DEFAULT 'none' CHECK (covid IN ('none','suspected','confirmed')),"
  "  ceremony INTEGER NOT NULL DEFAULT 0 CHECK (ceremony IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  CHECK (planned_end_at >= started_at),"
  "  CHECK (ended_at IS NULL OR ended_at >= started_at),"
  "  CHECK (covid = 'none' OR (ceremony = 0 AND hall = '' AND planned_end_at = started_at)));"
  "CREATE INDEX service_order ON service (started_at, id);"
  "CREATE INDEX service_open ON service (started_at) WHERE ended_at IS NULL;"
  "CREATE INDEX service_deceased ON service (deceased_id_number, started_at);"
  "CREATE INDEX service_hall ON service (hall, started_at);"
  "CREATE TABLE mourner ("
  "  id INTEGER PRIMARY KEY,"
  "  service_id INTEGER NOT NULL REFERENCES service (id),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  arrived_at TEXT NOT NULL,"
  "  arrived_on TEXT NOT NULL,"
  "  left_at TEXT,"
  "  temperature REAL NOT NULL,"
  "  symptoms INTEGER NOT NULL DEFAULT 0,"
  "  health_code TEXT NOT NULL DEFAULT 'green' CHECK (health_code IN ('green','yellow','orange','red','none')),"
  "  refusal INTEGER NOT NULL DEFAULT 0 CHECK (refusal >= 0),"
  "  registered_by TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  CHECK (left_at IS NULL OR left_at >= arrived_at));"
  "CREATE INDEX mourner_service ON mourner (service_id, arrived_at);"
  "CREATE INDEX mourner_day ON mourner (arrived_on, service_id);"
  "CREATE TABLE covid_step ("
  "  id INTEGER PRIMARY KEY,"
  "  service_id INTEGER NOT NULL REFERENCES service (id),"
  "  step TEXT NOT NULL CHECK (step IN ('handover','transport','cremation','sealed',"
  "    'disinfection','archive','report')),"
  "  done_at TEXT NOT NULL,"
  "  who TEXT NOT NULL CHECK (length(trim(who)) > 0),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  UNIQUE (service_id, step));"
  "CREATE TABLE protection ("
  "  id INTEGER PRIMARY KEY,"
  "  service_id INTEGER REFERENCES service (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('transport','cremation')),"
  "  done_at TEXT NOT NULL,"
  "  done_on TEXT NOT NULL,"
  "  staff TEXT NOT NULL CHECK (length(trim(staff)) > 0),"
  "  suit INTEGER NOT NULL CHECK (suit IN (0, 1)),"
  "  goggles INTEGER NOT NULL CHECK (goggles IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX protection_day ON protection (done_on, id);"
  "CREATE INDEX protection_service ON protection (service_id);",
};

int
cg_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static void
cg_store_finalize (GObject *object)
{
  CgStore *self = CG_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (cg_store_parent_class)->finalize (object);
}

static void
cg_store_class_init (CgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_store_finalize;

  /**
   * CgStore::changed:
   * @table: the table a committed write touched ("person", "institution" …)
   *
   * Emitted on the thread that committed; detailed by the table name.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cg_store_init (CgStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

void
cg_store_set_error (CgStore  *self,
                    GError  **error,
                    int       rc)
{
  int primary = rc & 0xff;
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  /* Keep SQLite's text for the log only; the user gets words. */
  g_debug ("SQLite error %d: %s", rc, detail);

  switch (primary)
    {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT,
                     _("This record already exists."));
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT,
                     _("This record refers to something that does not exist, or is still referred to."));
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT,
                     _("A value is outside what the register allows."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY,
                   _("The database is busy in another window or program. Try again in a moment."));
      break;
    case SQLITE_FULL:
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_FAILED,
                   _("The disk is full: nothing was saved."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_OPEN,
                   _("The database file cannot be opened for writing."));
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_OPEN,
                   _("The file is not a CareGuard database, or it is damaged."));
      break;
    default:
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_FAILED,
                   _("The database reported an error (%s)."), sqlite3_errstr (rc));
      break;
    }
}

gboolean
cg_store_exec (CgStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      cg_store_set_error (self, error, sqlite3_extended_errcode (self->db));
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
cg_store_prepare (CgStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      cg_store_set_error (self, error, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
cg_store_step_done (CgStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cg_store_set_error (self, error, sqlite3_extended_errcode (self->db));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cg_store_begin (CgStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!cg_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
cg_store_commit (CgStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!cg_store_exec (self, "COMMIT", error))
    {
      cg_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
cg_store_rollback (CgStore *self)
{
  g_return_if_fail (CG_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

void
cg_store_emit_changed (CgStore    *self,
                       const char *table)
{
  g_return_if_fail (CG_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

static int
read_user_version (CgStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate (CgStore  *self,
         int       target,
         GError  **error)
{
  int version = read_user_version (self);

  if (version < 0)
    {
      cg_store_set_error (self, error, sqlite3_extended_errcode (self->db));
      return FALSE;
    }
  if (version > cg_store_latest_version ())
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NEWER_SCHEMA,
                   _("This database was written by a newer version of CareGuard "
                     "(schema %d; this version knows up to %d). Install the newer "
                     "version to open it; the file was left untouched."),
                   version, cg_store_latest_version ());
      return FALSE;
    }

  while (version < target)
    {
      g_autofree char *bump = NULL;

      if (!cg_store_begin (self, error))
        return FALSE;
      /* Another process may have migrated while we waited for the lock. */
      version = read_user_version (self);
      if (version >= target)
        {
          cg_store_rollback (self);
          break;
        }
      bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!cg_store_exec (self, migrations[version], error)
          || !cg_store_exec (self, bump, error)
          || !cg_store_commit (self, error))
        {
          cg_store_rollback (self);
          g_prefix_error (error, _("The database could not be upgraded (step %d): "), version + 1);
          return FALSE;
        }
      version++;
    }

  self->version = read_user_version (self);
  return TRUE;
}

CgStore *
cg_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_autoptr(CgStore) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= cg_store_latest_version (), NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (CG_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), path, sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* The first statement that reads the file tells us whether it is a database. */
  if (!cg_store_exec (self, "PRAGMA journal_mode = WAL", error)
      || !cg_store_exec (self, "PRAGMA synchronous = FULL", error)
      || !cg_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (version > 0 && !migrate (self, version, error))
    return NULL;
  if (version == 0)
    self->version = read_user_version (self);

  return g_steal_pointer (&self);
}

CgStore *
cg_store_open (const char  *path,
               GError     **error)
{
  return cg_store_open_at_version (path, cg_store_latest_version (), error);
}

int
cg_store_get_version (CgStore *self)
{
  g_return_val_if_fail (CG_IS_STORE (self), -1);
  return self->version;
}

const char *
cg_store_get_path (CgStore *self)
{
  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
cg_store_get_db (CgStore *self)
{
  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  return self->db;
}

char *
cg_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "careguard", "careguard.db", NULL);
}

gboolean
cg_store_backup (CgStore     *self,
                 const char  *dest,
                 GError     **error)
{
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);

  rc = sqlite3_open_v2 (dest, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_OPEN,
                   _("Cannot write the backup %s: %s"), dest, sqlite3_errstr (rc));
      sqlite3_close (out);
      return FALSE;
    }
  backup = sqlite3_backup_init (out, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"), dest, sqlite3_errmsg (out));
      sqlite3_close (out);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"), dest, sqlite3_errstr (rc));
      sqlite3_close (out);
      return FALSE;
    }
  sqlite3_close (out);
  return TRUE;
}

void
cg_bind_text (sqlite3_stmt *stmt,
              int           idx,
              const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

char *
cg_column_dup_text (sqlite3_stmt *stmt,
                    int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}
