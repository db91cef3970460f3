/* cg-import-people.c — the people register (staff, residents, children, aid)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-import-private.h"
#include "cg-person.h"
#include "cg-validate.h"

enum
{
  PEOPLE_NAME,
  PEOPLE_ID_NUMBER,
  PEOPLE_KIND,
  PEOPLE_SEX,
  PEOPLE_PHONE,
  PEOPLE_ROLE,
  PEOPLE_ROOM,
  PEOPLE_ARRIVED_ON,
  PEOPLE_LEFT_ON,
  N_PEOPLE_COLUMNS
};

static const CgColumnSpec people_columns[N_PEOPLE_COLUMNS] = {
  { "name",       "姓名",     N_("Name"),       TRUE },
  { "id_number",  "身份证号", N_("ID number"),  TRUE },
  { "kind",       "类别",     N_("Kind"),       TRUE },
  { "sex",        "性别",     N_("Sex"),        FALSE },
  { "phone",      "电话",     N_("Phone"),      FALSE },
  { "role",       "岗位",     N_("Role"),       FALSE },
  { "room",       "房间",     N_("Room"),       FALSE },
  { "arrived_on", "入住日期", N_("Arrived on"), TRUE },
  { "left_on",    "离开日期", N_("Left on"),    FALSE },
};

static gpointer
people_check_row (CgImportRow *row,
                  gboolean    *is_update,
                  GStrv       *preview)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *arrived_on = NULL;
  g_autofree char *left_on = NULL;
  GStrvBuilder *builder;
  const char *text;
  GDate birth;
  GDate arrived;
  GDate left;
  gboolean have_birth = FALSE;
  int kind = -1;
  int sex = CG_SEX_UNKNOWN;

  g_date_clear (&birth, 1);
  g_date_clear (&arrived, 1);
  g_date_clear (&left, 1);

  if (*cg_import_row_cell (row, PEOPLE_NAME) == '\0')
    cg_import_row_problem (row, PEOPLE_NAME, _("A name is required"));

  text = cg_import_row_cell (row, PEOPLE_ID_NUMBER);
  if (!cg_validate_id_number (text, &id_number, &birth, &error))
    {
      cg_import_row_problem (row, PEOPLE_ID_NUMBER, "%s", error->message);
      g_clear_error (&error);
    }
  else
    {
      guint first_line = 0;

      have_birth = TRUE;
      if (!cg_import_row_claim_key (row, id_number, &first_line))
        cg_import_row_problem (row, PEOPLE_ID_NUMBER,
                               _("The ID number %s is already on line %u of this file"),
                               id_number, first_line);
    }

  text = cg_import_row_cell (row, PEOPLE_KIND);
  if (*text == '\0')
    cg_import_row_problem (row, PEOPLE_KIND,
                           _("A kind is required: staff/工作人员, resident/入住老人, child/儿童 or aid/受助人员"));
  else if ((kind = cg_person_kind_from_string (text)) < 0)
    cg_import_row_problem (row, PEOPLE_KIND,
                           _("“%s” is not a kind of person: write staff/工作人员, resident/入住老人, child/儿童 or aid/受助人员"),
                           text);

  text = cg_import_row_cell (row, PEOPLE_SEX);
  if ((sex = cg_sex_from_string (text)) < 0)
    cg_import_row_problem (row, PEOPLE_SEX,
                           _("“%s” is not a sex: write 男/male or 女/female, or leave it blank"),
                           text);
  else if (have_birth && sex != CG_SEX_UNKNOWN
           && sex != (cg_id_number_sex (id_number) == 'M' ? CG_SEX_MALE : CG_SEX_FEMALE))
    /* The 17th digit is odd for men and even for women: a mismatch is a
     * typing mistake in one of the two cells. */
    cg_import_row_problem (row, PEOPLE_SEX,
                           cg_id_number_sex (id_number) == 'M'
                           ? _("“%s” does not match the ID number, which is a man’s")
                           : _("“%s” does not match the ID number, which is a woman’s"),
                           text);

  text = cg_import_row_cell (row, PEOPLE_PHONE);
  if (*text != '\0' && !cg_validate_phone (text, &phone, &error))
    {
      cg_import_row_problem (row, PEOPLE_PHONE, "%s", error->message);
      g_clear_error (&error);
    }

  text = cg_import_row_cell (row, PEOPLE_ARRIVED_ON);
  if (*text == '\0')
    cg_import_row_problem (row, PEOPLE_ARRIVED_ON, _("A date is required (the hire date for staff)"));
  else if ((arrived_on = cg_date_normalize (text)) == NULL)
    cg_import_row_bad_date (row, PEOPLE_ARRIVED_ON, text);
  else
    {
      cg_date_parse (arrived_on, &arrived);
      if (have_birth && g_date_compare (&arrived, &birth) < 0)
        cg_import_row_problem (row, PEOPLE_ARRIVED_ON,
                               _("The date %s is before the birth date in the ID number"),
                               arrived_on);
    }

  text = cg_import_row_cell (row, PEOPLE_LEFT_ON);
  if (*text != '\0')
    {
      if ((left_on = cg_date_normalize (text)) == NULL)
        cg_import_row_bad_date (row, PEOPLE_LEFT_ON, text);
      else
        {
          cg_date_parse (left_on, &left);
          if (g_date_valid (&arrived) && g_date_compare (&left, &arrived) < 0)
            cg_import_row_problem (row, PEOPLE_LEFT_ON,
                                   _("The leaving date %s is before the arrival date %s"),
                                   left_on, arrived_on);
        }
    }

  if (row->bad)
    return NULL;

  /* The same ID number already in the register: this row updates it. */
  person = cg_person_find_by_id_number (row->store, id_number, &error);
  if (error != NULL)
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }
  *is_update = person != NULL;
  if (person == NULL)
    person = cg_person_new ();

  cg_person_set_name (person, cg_import_row_cell (row, PEOPLE_NAME));
  cg_person_set_id_number (person, id_number);
  cg_person_set_kind (person, kind);
  cg_person_set_arrived_on (person, arrived_on);
  /* A column the file has is the truth, blank included; a column it lacks
   * leaves what the register holds. */
  if (cg_import_row_has_column (row, PEOPLE_SEX))
    cg_person_set_sex (person, sex);
  if (cg_import_row_has_column (row, PEOPLE_PHONE))
    cg_person_set_phone (person, phone != NULL ? phone : "");
  if (cg_import_row_has_column (row, PEOPLE_ROLE))
    cg_person_set_role (person, cg_import_row_cell (row, PEOPLE_ROLE));
  if (cg_import_row_has_column (row, PEOPLE_ROOM))
    cg_person_set_room (person, cg_import_row_cell (row, PEOPLE_ROOM));
  /* Except the leaving date: a blank one does not bring back someone who
   * left (restoring is a deliberate act in the window). */
  if (left_on != NULL)
    cg_person_set_left_on (person, left_on);

  if (!cg_person_validate (person, &error))
    {
      cg_import_row_problem (row, -1, "%s", error->message);
      return NULL;
    }

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, cg_person_get_name (person));
  g_strv_builder_add (builder, cg_person_get_id_number (person));
  g_strv_builder_add (builder, cg_person_kind_label (cg_person_get_kind (person)));
  g_strv_builder_add (builder, cg_sex_label (cg_person_get_sex (person)));
  g_strv_builder_add (builder, cg_person_get_phone (person));
  g_strv_builder_add (builder, cg_person_get_role (person));
  g_strv_builder_add (builder, cg_person_get_room (person));
  g_strv_builder_add (builder, cg_person_get_arrived_on (person));
  text = cg_person_get_left_on (person);
  g_strv_builder_add (builder, text != NULL ? text : "");
  *preview = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return g_steal_pointer (&person);
}

static gboolean
people_write_record (CgStore     *store,
                     gpointer     context,
                     gpointer     record,
                     const char  *who,
                     GError     **error)
{
  /* A copy, so that a commit that fails and rolls back leaves the
   * prepared person without a row id that no longer exists. */
  g_autoptr(CgPerson) person = cg_person_copy (CG_PERSON (record));

  return cg_person_save_in_transaction (store, person, who, error);
}

const CgRegisterSpec cg_import_people_register = {
  .word = "people",
  .table = "person",
  .columns = people_columns,
  .n_columns = G_N_ELEMENTS (people_columns),
  .check_row = people_check_row,
  .write_record = people_write_record,
  .free_record = g_object_unref,
};
