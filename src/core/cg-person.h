/* cg-person.h — staff, residents, children and aid recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

typedef enum
{
  CG_PERSON_STAFF,
  CG_PERSON_RESIDENT,
  CG_PERSON_CHILD,
  CG_PERSON_AID,
  CG_N_PERSON_KINDS
} CgPersonKind;

typedef enum
{
  CG_SEX_UNKNOWN,
  CG_SEX_MALE,
  CG_SEX_FEMALE,
} CgSex;

#define CG_TYPE_PERSON (cg_person_get_type ())
G_DECLARE_FINAL_TYPE (CgPerson, cg_person, CG, PERSON, GObject)

/* A plain record: a GObject so that list models and rows can bind to it.
 * Properties: "id" (int64, 0 = not stored), "name", "id-number",
 * "kind" (int), "sex" (int), "phone", "role", "room", "arrived-on",
 * "left-on" (YYYY-MM-DD or NULL), "archived" (boolean),
 * "kind-label", "masked-id" (read-only, derived). */
CgPerson     *cg_person_new              (void);
CgPerson     *cg_person_copy             (CgPerson *self);

gint64        cg_person_get_id           (CgPerson *self);
const char   *cg_person_get_name         (CgPerson *self);
const char   *cg_person_get_id_number    (CgPerson *self);
CgPersonKind  cg_person_get_kind         (CgPerson *self);
CgSex         cg_person_get_sex          (CgPerson *self);
const char   *cg_person_get_phone        (CgPerson *self);
const char   *cg_person_get_role         (CgPerson *self);
const char   *cg_person_get_room         (CgPerson *self);
const char   *cg_person_get_arrived_on   (CgPerson *self);
const char   *cg_person_get_left_on      (CgPerson *self);
gboolean      cg_person_get_archived     (CgPerson *self);

void          cg_person_set_name         (CgPerson *self, const char *value);
void          cg_person_set_id_number    (CgPerson *self, const char *value);
void          cg_person_set_kind         (CgPerson *self, CgPersonKind value);
void          cg_person_set_sex          (CgPerson *self, CgSex value);
void          cg_person_set_phone        (CgPerson *self, const char *value);
void          cg_person_set_role         (CgPerson *self, const char *value);
void          cg_person_set_room         (CgPerson *self, const char *value);
void          cg_person_set_arrived_on   (CgPerson *self, const char *value);
void          cg_person_set_left_on      (CgPerson *self, const char *value);

const char   *cg_person_kind_to_string   (CgPersonKind kind);   /* "staff" … */
int           cg_person_kind_from_string (const char *text);    /* English or Chinese; -1 */
const char   *cg_person_kind_label       (CgPersonKind kind);   /* translated */
const char   *cg_sex_to_string           (CgSex sex);           /* "", "male", "female" */
int           cg_sex_from_string         (const char *text);    /* 男/女/male/female/M/F/""; -1 */
const char   *cg_sex_label               (CgSex sex);           /* translated */

/* Normalises (trims, upper-cases the ID, normalises dates and phone) and
 * checks every field; the message names the field in the user's language. */
gboolean      cg_person_validate         (CgPerson *self,
                                          GError  **error);

/* Insert (id 0) or update, in its own transaction, audited.  A duplicate
 * ID number is refused with CG_STORE_ERROR_CONSTRAINT and a clear message.
 * On insert the new row id is set on @self. */
gboolean      cg_person_save             (CgStore  *store,
                                          CgPerson *self,
                                          const char *who,
                                          GError  **error);
/* The same, inside a transaction the caller holds (imports). */
gboolean      cg_person_save_in_transaction (CgStore  *store,
                                          CgPerson *self,
                                          const char *who,
                                          GError  **error);
/* Archive: never a hard delete.  Sets archived and left_on (today when
 * @left_on is NULL).  Restore clears both. */
gboolean      cg_person_archive          (CgStore  *store,
                                          CgPerson *self,
                                          const char *left_on,
                                          const char *who,
                                          GError  **error);
gboolean      cg_person_restore          (CgStore  *store,
                                          CgPerson *self,
                                          const char *who,
                                          GError  **error);

CgPerson     *cg_person_find_by_id_number (CgStore   *store,
                                          const char *id_number,
                                          GError   **error);
CgPerson     *cg_person_load             (CgStore   *store,
                                          gint64     id,
                                          GError   **error);

typedef enum
{
  CG_PERSON_FILTER_ACTIVE   = 1 << 0,
  CG_PERSON_FILTER_ARCHIVED = 1 << 1,
  CG_PERSON_FILTER_ALL      = CG_PERSON_FILTER_ACTIVE | CG_PERSON_FILTER_ARCHIVED,
} CgPersonFilter;

/* People matching @search (name, ID number or room; NULL or "" for all),
 * of @kind (-1 for every kind), ordered by kind then name. */
GPtrArray    *cg_person_search           (CgStore   *store,
                                          const char *search,
                                          int        kind,
                                          CgPersonFilter filter,
                                          GError   **error);
/* How many present (not archived) people of @kind; -1 for all. */
int           cg_person_count            (CgStore   *store,
                                          int        kind,
                                          GError   **error);

G_END_DECLS
