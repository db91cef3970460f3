/* cg-person.c — staff, residents, children and aid recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-person.h"
#include "cg-validate.h"

struct _CgPerson
{
  GObject       parent_instance;
  gint64        id;
  char         *name;
  char         *id_number;
  CgPersonKind  kind;
  CgSex         sex;
  char         *phone;
  char         *role;
  char         *room;
  char         *arrived_on;
  char         *left_on;
  gboolean      archived;
};

G_DEFINE_TYPE (CgPerson, cg_person, G_TYPE_OBJECT)

/* g_set_str() arrives with GLib 2.76; this is the same for 2.74. */
static gboolean
replace_str (char       **field,
             const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_KIND,
  PROP_SEX,
  PROP_PHONE,
  PROP_ROLE,
  PROP_ROOM,
  PROP_ARRIVED_ON,
  PROP_LEFT_ON,
  PROP_ARCHIVED,
  PROP_KIND_LABEL,
  PROP_SEX_LABEL,
  PROP_MASKED_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char * const kind_ids[CG_N_PERSON_KINDS] = { "staff", "resident", "child", "aid" };
/* The words the CSV templates use (interfaces.md), not translations. */
static const char * const kind_zh[CG_N_PERSON_KINDS] = { "工作人员", "入住老人", "儿童", "受助人员" };
static const char * const kind_labels[CG_N_PERSON_KINDS] = {
  N_("Staff"), N_("Resident"), N_("Child"), N_("Aid recipient"),
};

#define PERSON_COLUMNS \
  "id, name, id_number, kind, sex, phone, role, room, arrived_on, left_on, archived"

static void
cg_person_finalize (GObject *object)
{
  CgPerson *self = CG_PERSON (object);

  g_free (self->name);
  g_free (self->id_number);
  g_free (self->phone);
  g_free (self->role);
  g_free (self->room);
  g_free (self->arrived_on);
  g_free (self->left_on);

  G_OBJECT_CLASS (cg_person_parent_class)->finalize (object);
}

static void
cg_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CgPerson *self = CG_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ID_NUMBER: g_value_set_string (value, self->id_number); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_SEX: g_value_set_int (value, self->sex); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_ROOM: g_value_set_string (value, self->room); break;
    case PROP_ARRIVED_ON: g_value_set_string (value, self->arrived_on); break;
    case PROP_LEFT_ON: g_value_set_string (value, self->left_on); break;
    case PROP_ARCHIVED: g_value_set_boolean (value, self->archived); break;
    case PROP_KIND_LABEL: g_value_set_string (value, cg_person_kind_label (self->kind)); break;
    case PROP_SEX_LABEL: g_value_set_string (value, cg_sex_label (self->sex)); break;
    case PROP_MASKED_ID: g_value_take_string (value, cg_mask_id_number (self->id_number)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CgPerson *self = CG_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME: cg_person_set_name (self, g_value_get_string (value)); break;
    case PROP_ID_NUMBER: cg_person_set_id_number (self, g_value_get_string (value)); break;
    case PROP_KIND: cg_person_set_kind (self, g_value_get_int (value)); break;
    case PROP_SEX: cg_person_set_sex (self, g_value_get_int (value)); break;
    case PROP_PHONE: cg_person_set_phone (self, g_value_get_string (value)); break;
    case PROP_ROLE: cg_person_set_role (self, g_value_get_string (value)); break;
    case PROP_ROOM: cg_person_set_room (self, g_value_get_string (value)); break;
    case PROP_ARRIVED_ON: cg_person_set_arrived_on (self, g_value_get_string (value)); break;
    case PROP_LEFT_ON: cg_person_set_left_on (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_person_class_init (CgPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cg_person_finalize;
  object_class->get_property = cg_person_get_property;
  object_class->set_property = cg_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_ID_NUMBER] = g_param_spec_string ("id-number", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, CG_N_PERSON_KINDS - 1, 0, rw);
  properties[PROP_SEX] = g_param_spec_int ("sex", NULL, NULL, CG_SEX_UNKNOWN, CG_SEX_FEMALE, 0, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, rw);
  properties[PROP_ROOM] = g_param_spec_string ("room", NULL, NULL, NULL, rw);
  properties[PROP_ARRIVED_ON] = g_param_spec_string ("arrived-on", NULL, NULL, NULL, rw);
  properties[PROP_LEFT_ON] = g_param_spec_string ("left-on", NULL, NULL, NULL, rw);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, ro);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, ro);
  properties[PROP_SEX_LABEL] = g_param_spec_string ("sex-label", NULL, NULL, NULL, ro);
  properties[PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_person_init (CgPerson *self)
{
  self->name = g_strdup ("");
  self->id_number = g_strdup ("");
  self->phone = g_strdup ("");
  self->role = g_strdup ("");
  self->room = g_strdup ("");
  self->arrived_on = g_strdup ("");
}

CgPerson *
cg_person_new (void)
{
  return g_object_new (CG_TYPE_PERSON, NULL);
}

CgPerson *
cg_person_copy (CgPerson *self)
{
  CgPerson *copy = cg_person_new ();

  g_return_val_if_fail (CG_IS_PERSON (self), NULL);

  copy->id = self->id;
  replace_str (&copy->name, self->name);
  replace_str (&copy->id_number, self->id_number);
  copy->kind = self->kind;
  copy->sex = self->sex;
  replace_str (&copy->phone, self->phone);
  replace_str (&copy->role, self->role);
  replace_str (&copy->room, self->room);
  replace_str (&copy->arrived_on, self->arrived_on);
  replace_str (&copy->left_on, self->left_on);
  copy->archived = self->archived;
  return copy;
}

gint64 cg_person_get_id (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), 0); return self->id; }
const char *cg_person_get_name (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), NULL); return self->name; }
const char *cg_person_get_id_number (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), NULL); return self->id_number; }
CgPersonKind cg_person_get_kind (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), 0); return self->kind; }
CgSex cg_person_get_sex (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), 0); return self->sex; }
const char *cg_person_get_phone (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), NULL); return self->phone; }
const char *cg_person_get_role (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), NULL); return self->role; }
const char *cg_person_get_room (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), NULL); return self->room; }
const char *cg_person_get_arrived_on (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), NULL); return self->arrived_on; }
const char *cg_person_get_left_on (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), NULL); return self->left_on; }
gboolean cg_person_get_archived (CgPerson *self) { g_return_val_if_fail (CG_IS_PERSON (self), FALSE); return self->archived; }

static void
set_string (CgPerson   *self,
            char      **field,
            const char *value,
            guint       prop)
{
  if (replace_str (field, value != NULL ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void cg_person_set_name (CgPerson *self, const char *value) { set_string (self, &self->name, value, PROP_NAME); }
void cg_person_set_phone (CgPerson *self, const char *value) { set_string (self, &self->phone, value, PROP_PHONE); }
void cg_person_set_role (CgPerson *self, const char *value) { set_string (self, &self->role, value, PROP_ROLE); }
void cg_person_set_room (CgPerson *self, const char *value) { set_string (self, &self->room, value, PROP_ROOM); }
void cg_person_set_arrived_on (CgPerson *self, const char *value) { set_string (self, &self->arrived_on, value, PROP_ARRIVED_ON); }

void
cg_person_set_id_number (CgPerson   *self,
                         const char *value)
{
  set_string (self, &self->id_number, value, PROP_ID_NUMBER);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASKED_ID]);
}

void
cg_person_set_left_on (CgPerson   *self,
                       const char *value)
{
  /* NULL or "" both mean "still here". */
  if (replace_str (&self->left_on, value != NULL && *value != '\0' ? value : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_ON]);
}

void
cg_person_set_kind (CgPerson     *self,
                    CgPersonKind  value)
{
  g_return_if_fail (value < CG_N_PERSON_KINDS);
  if (self->kind == value)
    return;
  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);
}

void
cg_person_set_sex (CgPerson *self,
                   CgSex     value)
{
  g_return_if_fail (value <= CG_SEX_FEMALE);
  if (self->sex == value)
    return;
  self->sex = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEX_LABEL]);
}

const char *
cg_person_kind_to_string (CgPersonKind kind)
{
  g_return_val_if_fail (kind < CG_N_PERSON_KINDS, NULL);
  return kind_ids[kind];
}

int
cg_person_kind_from_string (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return -1;
  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < CG_N_PERSON_KINDS; i++)
    if (g_ascii_strcasecmp (stripped, kind_ids[i]) == 0 || g_strcmp0 (stripped, kind_zh[i]) == 0)
      return (int) i;
  /* Common variants seen on registers. */
  if (g_strcmp0 (stripped, "员工") == 0 || g_strcmp0 (stripped, "职工") == 0)
    return CG_PERSON_STAFF;
  if (g_strcmp0 (stripped, "老人") == 0 || g_strcmp0 (stripped, "入住人员") == 0)
    return CG_PERSON_RESIDENT;
  return -1;
}

const char *
cg_person_kind_label (CgPersonKind kind)
{
  g_return_val_if_fail (kind < CG_N_PERSON_KINDS, NULL);
  return _(kind_labels[kind]);
}

const char *
cg_sex_to_string (CgSex sex)
{
  switch (sex)
    {
    case CG_SEX_MALE: return "male";
    case CG_SEX_FEMALE: return "female";
    case CG_SEX_UNKNOWN:
    default: return "";
    }
}

int
cg_sex_from_string (const char *text)
{
  g_autofree char *s = NULL;

  if (text == NULL)
    return CG_SEX_UNKNOWN;
  s = g_strstrip (g_strdup (text));
  if (*s == '\0')
    return CG_SEX_UNKNOWN;
  if (g_strcmp0 (s, "男") == 0 || g_ascii_strcasecmp (s, "male") == 0 || g_ascii_strcasecmp (s, "m") == 0)
    return CG_SEX_MALE;
  if (g_strcmp0 (s, "女") == 0 || g_ascii_strcasecmp (s, "female") == 0 || g_ascii_strcasecmp (s, "f") == 0)
    return CG_SEX_FEMALE;
  return -1;
}

const char *
cg_sex_label (CgSex sex)
{
  switch (sex)
    {
    case CG_SEX_MALE: return _("Male");
    case CG_SEX_FEMALE: return _("Female");
    case CG_SEX_UNKNOWN:
    default: return "";
    }
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *reason)
{
  /* Translators: "field: reason", e.g. "ID number: the check digit is wrong" */
  g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("%s: %s"), field, reason);
  return FALSE;
}

gboolean
cg_person_validate (CgPerson  *self,
                    GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *arrived = NULL;
  g_autofree char *left = NULL;
  g_autofree char *name = NULL;
  GDate birth, arrived_date;

  g_return_val_if_fail (CG_IS_PERSON (self), FALSE);

  name = g_strstrip (g_strdup (self->name));
  if (*name == '\0')
    return invalid (error, _("Name"), _("a name is required"));
  if (g_utf8_strlen (name, -1) > 50)
    return invalid (error, _("Name"), _("at most 50 characters"));
  cg_person_set_name (self, name);

  if (!cg_validate_id_number (self->id_number, &id_number, &birth, &local_error))
    return invalid (error, _("ID number"), local_error->message);
  cg_person_set_id_number (self, id_number);

  if (*self->phone != '\0')
    {
      if (!cg_validate_phone (self->phone, &phone, &local_error))
        return invalid (error, _("Phone"), local_error->message);
      cg_person_set_phone (self, phone);
    }

  g_strstrip (self->role);
  g_strstrip (self->room);

  arrived = cg_date_normalize (self->arrived_on);
  if (arrived == NULL)
    return invalid (error, self->kind == CG_PERSON_STAFF ? _("Hired on") : _("Arrived on"),
                    *self->arrived_on == '\0' ? _("a date is required")
                                              : _("not a date (use YYYY-MM-DD)"));
  cg_date_parse (arrived, &arrived_date);
  if (g_date_compare (&arrived_date, &birth) < 0)
    return invalid (error, self->kind == CG_PERSON_STAFF ? _("Hired on") : _("Arrived on"),
                    _("the date is before the birth date in the ID number"));
  cg_person_set_arrived_on (self, arrived);

  if (self->left_on != NULL)
    {
      GDate left_date;

      left = cg_date_normalize (self->left_on);
      if (left == NULL)
        return invalid (error, _("Left on"), _("not a date (use YYYY-MM-DD)"));
      cg_date_parse (left, &left_date);
      if (g_date_compare (&left_date, &arrived_date) < 0)
        return invalid (error, _("Left on"), _("the leaving date is before the arrival date"));
      cg_person_set_left_on (self, left);
    }
  return TRUE;
}

static CgPerson *
person_from_row (sqlite3_stmt *stmt)
{
  CgPerson *self = cg_person_new ();
  int kind = cg_person_kind_from_string ((const char *) sqlite3_column_text (stmt, 3));
  int sex = cg_sex_from_string ((const char *) sqlite3_column_text (stmt, 4));

  self->id = sqlite3_column_int64 (stmt, 0);
  replace_str (&self->name, (const char *) sqlite3_column_text (stmt, 1));
  replace_str (&self->id_number, (const char *) sqlite3_column_text (stmt, 2));
  self->kind = MAX (kind, 0);
  self->sex = MAX (sex, 0);
  replace_str (&self->phone, (const char *) sqlite3_column_text (stmt, 5));
  replace_str (&self->role, (const char *) sqlite3_column_text (stmt, 6));
  replace_str (&self->room, (const char *) sqlite3_column_text (stmt, 7));
  replace_str (&self->arrived_on, (const char *) sqlite3_column_text (stmt, 8));
  replace_str (&self->left_on, (const char *) sqlite3_column_text (stmt, 9));
  self->archived = sqlite3_column_int (stmt, 10) != 0;
  return self;
}

static CgPerson *
load_one (CgStore     *store,
          const char  *sql,
          gint64       id,
          const char  *text,
          GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, sql, error);
  CgPerson *person = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    cg_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_row (stmt);
  else if (rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return person;
}

CgPerson *
cg_person_find_by_id_number (CgStore     *store,
                             const char  *id_number,
                             GError     **error)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  upper = g_ascii_strup (id_number, -1);
  g_strstrip (upper);
  return load_one (store, "SELECT " PERSON_COLUMNS " FROM person WHERE id_number = ?",
                   0, upper, error);
}

CgPerson *
cg_person_load (CgStore  *store,
                gint64    id,
                GError  **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  return load_one (store, "SELECT " PERSON_COLUMNS " FROM person WHERE id = ?", id, NULL, error);
}

static char *
describe (CgPerson *self)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s|%s",
                          self->name, cg_person_kind_to_string (self->kind),
                          cg_sex_to_string (self->sex), self->phone, self->role,
                          self->room, self->arrived_on,
                          self->left_on != NULL ? self->left_on : "",
                          self->archived ? "archived" : "");
}

gboolean
cg_person_save_in_transaction (CgStore     *store,
                               CgPerson    *self,
                               const char  *who,
                               GError     **error)
{
  g_autoptr(CgPerson) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (CG_IS_PERSON (self), FALSE);

  if (!cg_person_validate (self, error))
    return FALSE;

  /* The same ID number is the same person: refuse a second record. */
  old = cg_person_find_by_id_number (store, self->id_number, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (old != NULL && old->id != self->id)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CONSTRAINT,
                   _("ID number: %s is already registered for %s."),
                   self->id_number, old->name);
      return FALSE;
    }
  if (old == NULL && self->id != 0)
    old = cg_person_load (store, self->id, NULL);

  if (self->id == 0)
    stmt = cg_store_prepare (store,
                             "INSERT INTO person (name, id_number, kind, sex, phone, role, room, "
                             "arrived_on, left_on, archived, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  else
    stmt = cg_store_prepare (store,
                             "UPDATE person SET name = ?1, id_number = ?2, kind = ?3, sex = ?4, "
                             "phone = ?5, role = ?6, room = ?7, arrived_on = ?8, left_on = ?9, "
                             "archived = ?10, updated_at = ?11 WHERE id = ?12", error);
  if (stmt == NULL)
    return FALSE;

  /* A leaving date is what archiving means; keep the two in step. */
  self->archived = self->left_on != NULL;

  cg_bind_text (stmt, 1, self->name);
  cg_bind_text (stmt, 2, self->id_number);
  cg_bind_text (stmt, 3, cg_person_kind_to_string (self->kind));
  cg_bind_text (stmt, 4, cg_sex_to_string (self->sex));
  cg_bind_text (stmt, 5, self->phone);
  cg_bind_text (stmt, 6, self->role);
  cg_bind_text (stmt, 7, self->room);
  cg_bind_text (stmt, 8, self->arrived_on);
  cg_bind_text (stmt, 9, self->left_on);
  sqlite3_bind_int (stmt, 10, self->archived);
  cg_bind_text (stmt, 11, now);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 12, self->id);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;

  if (self->id == 0)
    {
      self->id = sqlite3_last_insert_rowid (cg_store_get_db (store));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  else if (sqlite3_changes (cg_store_get_db (store)) == 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("This person is no longer in the register."));
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);

  after = describe (self);
  before = old != NULL ? describe (old) : NULL;
  if (g_strcmp0 (before, after) == 0)
    return TRUE;
  return cg_audit_record (store, who, old != NULL ? "person.edit" : "person.add",
                          self->id_number, before, after, error);
}

gboolean
cg_person_save (CgStore     *store,
                CgPerson    *self,
                const char  *who,
                GError     **error)
{
  gint64 id_before;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (CG_IS_PERSON (self), FALSE);

  id_before = self->id;
  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_person_save_in_transaction (store, self, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      /* Nothing was stored: an insert must not keep a row id. */
      self->id = id_before;
      return FALSE;
    }
  cg_store_emit_changed (store, "person");
  return TRUE;
}

gboolean
cg_person_archive (CgStore     *store,
                   CgPerson    *self,
                   const char  *left_on,
                   const char  *who,
                   GError     **error)
{
  g_autofree char *today_iso = NULL;
  g_autoptr(CgPerson) copy = NULL;

  g_return_val_if_fail (CG_IS_PERSON (self), FALSE);
  g_return_val_if_fail (self->id != 0, FALSE);

  if (left_on == NULL)
    {
      GDate today;

      cg_date_today (&today);
      today_iso = cg_date_to_iso (&today);
      left_on = today_iso;
    }
  copy = cg_person_copy (self);
  cg_person_set_left_on (copy, left_on);
  if (!cg_person_save (store, copy, who, error))
    return FALSE;
  cg_person_set_left_on (self, copy->left_on);
  self->archived = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
  return TRUE;
}

gboolean
cg_person_restore (CgStore     *store,
                   CgPerson    *self,
                   const char  *who,
                   GError     **error)
{
  g_autoptr(CgPerson) copy = NULL;

  g_return_val_if_fail (CG_IS_PERSON (self), FALSE);
  g_return_val_if_fail (self->id != 0, FALSE);

  copy = cg_person_copy (self);
  cg_person_set_left_on (copy, NULL);
  if (!cg_person_save (store, copy, who, error))
    return FALSE;
  cg_person_set_left_on (self, NULL);
  self->archived = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
  return TRUE;
}

GPtrArray *
cg_person_search (CgStore         *store,
                  const char      *search,
                  int              kind,
                  CgPersonFilter   filter,
                  GError         **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  /* instr() rather than LIKE: no wildcard escaping, and Chinese names
   * match by substring just as well. */
  stmt = cg_store_prepare (store,
                           "SELECT " PERSON_COLUMNS " FROM person "
                           "WHERE (?1 IS NULL OR instr(name, ?1) > 0 OR instr(id_number, upper(?1)) > 0 "
                           "       OR instr(room, ?1) > 0) "
                           "AND (?2 < 0 OR kind = ?3) "
                           "AND ((?4 AND archived = 0) OR (?5 AND archived = 1)) "
                           "ORDER BY CASE kind WHEN 'staff' THEN 0 ELSE 1 END, name, id_number",
                           error);
  if (stmt == NULL)
    return NULL;
  if (search != NULL)
    {
      pattern = g_strstrip (g_strdup (search));
      if (*pattern == '\0')
        g_clear_pointer (&pattern, g_free);
    }
  cg_bind_text (stmt, 1, pattern);
  sqlite3_bind_int (stmt, 2, kind);
  cg_bind_text (stmt, 3, kind >= 0 && kind < CG_N_PERSON_KINDS ? kind_ids[kind] : NULL);
  sqlite3_bind_int (stmt, 4, (filter & CG_PERSON_FILTER_ACTIVE) != 0);
  sqlite3_bind_int (stmt, 5, (filter & CG_PERSON_FILTER_ARCHIVED) != 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&people);
}

int
cg_person_count (CgStore  *store,
                 int       kind,
                 GError  **error)
{
  sqlite3_stmt *stmt;
  int count = -1;

  g_return_val_if_fail (CG_IS_STORE (store), -1);

  stmt = cg_store_prepare (store,
                           "SELECT count(*) FROM person WHERE archived = 0 AND (?1 IS NULL OR kind = ?1)",
                           error);
  if (stmt == NULL)
    return -1;
  cg_bind_text (stmt, 1, kind >= 0 && kind < CG_N_PERSON_KINDS ? kind_ids[kind] : NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    cg_store_set_error (store, error, sqlite3_extended_errcode (cg_store_get_db (store)));
  sqlite3_reset (stmt);
  return count;
}
