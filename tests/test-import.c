/* test-import.c — CSV decoding and parsing, and the people register import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cg-csv.h"
#include "cg-import.h"
#include "cg-person.h"
#include "cg-store.h"
#include "cg-test-util.h"

/* Valid numbers (GB 11643 check digits); the 17th digit gives the sex. */
#define ID_ZHANG  "110101198003070017"   /* man */
#define ID_LI     "310115195208140025"   /* woman */
#define ID_WANG   "440306194510100031"   /* man */
#define ID_ZHAO   "350582197001010045"   /* woman */
#define ID_SUN    "11010119800307005X"   /* man */
#define ID_ZHOU   "210202199005050060"   /* woman */

#define HEADER_ZH "姓名,身份证号,类别,性别,电话,岗位,房间,入住日期,离开日期\r\n"

typedef CgTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cg_test_store_open (fixture, "import", "careguard.db");
}

/* Every row, archived or not. */
static int
count_people (CgStore *store)
{
  return (int) cg_test_query_int (store, "SELECT count(*) FROM person");
}

static CgImport *
prepare (CgStore     *store,
         const char  *text,
         GError     **error)
{
  return cg_import_prepare (store, CG_REGISTER_PEOPLE, text, strlen (text), error);
}

static char *
read_fixture (const char *name,
              gsize      *len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static CgImportProblem *
problem_at (CgImport *import,
            guint     index)
{
  GPtrArray *problems = cg_import_get_problems (import);

  g_assert_cmpuint (index, <, problems->len);
  return g_ptr_array_index (problems, index);
}

static void
assert_three_people_stored (CgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgPerson) zhang = NULL;
  g_autoptr(CgPerson) li = NULL;
  g_autoptr(CgPerson) wang = NULL;

  g_assert_cmpint (count_people (store), ==, 3);

  zhang = cg_person_find_by_id_number (store, ID_ZHANG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (zhang);
  g_assert_cmpstr (cg_person_get_name (zhang), ==, "张三");
  g_assert_cmpint (cg_person_get_kind (zhang), ==, CG_PERSON_STAFF);
  g_assert_cmpint (cg_person_get_sex (zhang), ==, CG_SEX_MALE);
  g_assert_cmpstr (cg_person_get_phone (zhang), ==, "13812345678");
  g_assert_cmpstr (cg_person_get_role (zhang), ==, "护理员");
  g_assert_cmpstr (cg_person_get_arrived_on (zhang), ==, "2020-03-05");
  g_assert_null (cg_person_get_left_on (zhang));
  g_assert_false (cg_person_get_archived (zhang));

  li = cg_person_find_by_id_number (store, ID_LI, &error);
  g_assert_no_error (error);
  g_assert_nonnull (li);
  g_assert_cmpstr (cg_person_get_name (li), ==, "李四");
  g_assert_cmpint (cg_person_get_kind (li), ==, CG_PERSON_RESIDENT);
  g_assert_cmpint (cg_person_get_sex (li), ==, CG_SEX_FEMALE);
  g_assert_cmpstr (cg_person_get_room (li), ==, "A栋,301");
  g_assert_cmpstr (cg_person_get_arrived_on (li), ==, "2021-06-01");

  wang = cg_person_find_by_id_number (store, ID_WANG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wang);
  g_assert_cmpstr (cg_person_get_name (wang), ==, "王强");
  g_assert_cmpint (cg_person_get_kind (wang), ==, CG_PERSON_RESIDENT);
  g_assert_cmpstr (cg_person_get_phone (wang), ==, "010-65123456");
  g_assert_cmpstr (cg_person_get_room (wang), ==, "B102");
  g_assert_cmpstr (cg_person_get_left_on (wang), ==, "2023-01-15");
  g_assert_true (cg_person_get_archived (wang));
}

/* ---------------------------------------------------------------------- */
/* cg-csv                                                                  */

static void
test_csv_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CgCsvRecord *record;

  records = cg_csv_parse ("a,b,c\r\n"
                          "\r\n"
                          "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                          "2,\"first\nsecond\n\nfourth\",z\r\n"
                          ",,\r\n"
                          "   \n"
                          "3, spaced ,\"\"\n"
                          "4,last,no-newline",
                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 5);

  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (record->line, ==, 1);
  g_assert_cmpuint (record->fields->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (record->fields, 2), ==, "c");

  record = g_ptr_array_index (records, 1);
  g_assert_cmpuint (record->line, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (record->fields, 1), ==, "x, y");
  g_assert_cmpstr (g_ptr_array_index (record->fields, 2), ==, "say \"hi\"");

  record = g_ptr_array_index (records, 2);
  g_assert_cmpuint (record->line, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (record->fields, 1), ==, "first\nsecond\n\nfourth");
  g_assert_cmpstr (g_ptr_array_index (record->fields, 2), ==, "z");

  /* Lines 8 (",,") and 9 (spaces) are blank. */
  record = g_ptr_array_index (records, 3);
  g_assert_cmpuint (record->line, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (record->fields, 1), ==, "spaced");
  g_assert_cmpstr (g_ptr_array_index (record->fields, 2), ==, "");

  record = g_ptr_array_index (records, 4);
  g_assert_cmpuint (record->line, ==, 11);
  g_assert_cmpstr (g_ptr_array_index (record->fields, 2), ==, "no-newline");
}

static void
test_csv_parse_bare_cr (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = cg_csv_parse ("a,b\r1,2\r3,4\r", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpuint (((CgCsvRecord *) g_ptr_array_index (records, 2))->line, ==, 3);
}

static void
test_csv_parse_errors (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  /* A quote opened on line 3 and never closed. */
  records = cg_csv_parse ("a,b\n1,2\n3,\"open\n4,5\n", &error);
  g_assert_null (records);
  g_assert_error (error, CG_CSV_ERROR, CG_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_clear_error (&error);

  /* Text after a closing quote, on line 2. */
  records = cg_csv_parse ("a,b\n\"x\"y,2\n", &error);
  g_assert_null (records);
  g_assert_error (error, CG_CSV_ERROR, CG_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 2 "));
  g_clear_error (&error);

  records = cg_csv_parse ("", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);
  g_ptr_array_unref (records);
}

static void
test_csv_decode (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  const char *utf8 = "姓名,房间\n张三,A栋\n";
  const char bad_gb[] = "a,b\n1,2\nx,\x81\x20y\n";
  gsize gb_len = 0;

  text = cg_csv_decode ("\xEF\xBB\xBF" "a,b\n", 7, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "a,b\n");
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_clear_pointer (&text, g_free);

  text = cg_csv_decode (utf8, strlen (utf8), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, utf8);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_clear_pointer (&text, g_free);

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gb, gb_len, NULL));
  text = cg_csv_decode (gb, gb_len, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, utf8);
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_clear_pointer (&text, g_free);

  /* \x81 starts a two-byte GB18030 character; a space cannot end one. */
  text = cg_csv_decode (bad_gb, sizeof bad_gb - 1, &encoding, &error);
  g_assert_null (text);
  g_assert_error (error, CG_CSV_ERROR, CG_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_clear_error (&error);

  /* UTF-16, as Excel's "Unicode text" writes it. */
  text = cg_csv_decode ("\xFF\xFE" "a\0,\0b\0", 8, &encoding, &error);
  g_assert_null (text);
  g_assert_error (error, CG_CSV_ERROR, CG_CSV_ERROR_ENCODING);
}

static void
test_csv_append_row (void)
{
  const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  CgCsvRecord *record;
  guint i;

  cg_csv_append_row (out, fields, 5);
  g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");

  /* And back. */
  records = cg_csv_parse (out->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (record->fields->len, ==, 5);
  for (i = 0; i < 5; i++)
    g_assert_cmpstr (g_ptr_array_index (record->fields, i), ==, fields[i]);
}

/* ---------------------------------------------------------------------- */
/* people                                                                  */

static void
test_import_utf8_bom (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  g_auto(GStrv) titles = NULL;
  g_autofree char *contents = NULL;
  GPtrArray *rows;
  const char * const *row;
  gsize len = 0;

  contents = read_fixture ("people-zh.csv", &len);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));

  import = cg_import_prepare (fixture->store, CG_REGISTER_PEOPLE, contents, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  cg_test_import_dump_problems (import);

  g_assert_cmpstr (cg_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (cg_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 3);
  g_assert_cmpuint (cg_import_get_n_updated (import), ==, 0);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_unknown_columns (import)->len, ==, 0);

  titles = cg_import_get_preview_titles (import);
  g_assert_cmpuint (g_strv_length (titles), ==, 9);
  rows = cg_import_get_preview_rows (import);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) row), ==, 9);
  g_assert_cmpstr (row[0], ==, "李四");
  g_assert_cmpstr (row[1], ==, ID_LI);
  g_assert_cmpstr (row[6], ==, "A栋,301");
  g_assert_cmpstr (row[7], ==, "2021-06-01");

  /* Preparing reads only. */
  g_assert_cmpint (count_people (fixture->store), ==, 0);

  g_assert_true (cg_import_commit (import, fixture->store, "test", &error));
  g_assert_no_error (error);
  assert_three_people_stored (fixture->store);

  /* A second commit of the same import is refused. */
  g_assert_false (cg_import_commit (import, fixture->store, "test", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_cmpint (count_people (fixture->store), ==, 3);
}

static void
test_import_gb18030 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *gb = NULL;
  gsize utf8_len = 0;
  gsize gb_len = 0;

  /* The same rows as people-zh.csv, converted here and without a BOM. */
  utf8 = read_fixture ("people-zh.csv", &utf8_len);
  gb = g_convert (utf8 + 3, utf8_len - 3, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gb, gb_len, NULL));

  import = cg_import_prepare (fixture->store, CG_REGISTER_PEOPLE, gb, gb_len, &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);
  g_assert_cmpstr (cg_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 3);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);

  g_assert_true (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  assert_three_people_stored (fixture->store);
}

static void
test_import_gb18030_fixture (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  /* Made by iconv, not by g_convert: the bytes WPS writes. */
  contents = read_fixture ("people-gb18030.csv", &len);
  import = cg_import_prepare (fixture->store, CG_REGISTER_PEOPLE, contents, len, &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);
  g_assert_cmpstr (cg_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_true (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  assert_three_people_stored (fixture->store);
}

static void
test_import_quoted (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autoptr(CgPerson) zhang = NULL;
  g_autoptr(CgPerson) li = NULL;
  CgImportProblem *problem;
  const char *text =
    "name,id_number,kind,role,room,arrived_on\n"                              /* 1 */
    "张三," ID_ZHANG ",staff,\"护理员 \"\"夜班\"\"\",\"A栋,3楼\",2020-03-05\n"  /* 2 */
    "李四," ID_LI ",resident,\"第一行\n"                                       /* 3 */
    "第二行, 仍在引号里\",\"B栋\",2021-06-01\n"                                 /* 4 */
    "王强," ID_WANG ",resident,,C101,2021-13-01\n";                            /* 5 */

  import = prepare (fixture->store, text, &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);

  g_assert_cmpuint (cg_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 1);

  /* The bad date is on line 5, not 4: the quoted line break counts. */
  problem = problem_at (import, 0);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpstr (problem->column, ==, "arrived_on");
  g_assert_nonnull (strstr (problem->reason, "2021-13-01"));

  /* Without the bad row, the quoted values go in as written. */
  g_clear_pointer (&import, cg_import_free);
  import = cg_import_prepare (fixture->store, CG_REGISTER_PEOPLE, text,
                              strstr (text, "王强") - text, &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);
  g_assert_true (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_no_error (error);

  zhang = cg_person_find_by_id_number (fixture->store, ID_ZHANG, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cg_person_get_role (zhang), ==, "护理员 \"夜班\"");
  g_assert_cmpstr (cg_person_get_room (zhang), ==, "A栋,3楼");

  li = cg_person_find_by_id_number (fixture->store, ID_LI, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cg_person_get_role (li), ==, "第一行\n第二行, 仍在引号里");
  g_assert_cmpstr (cg_person_get_room (li), ==, "B栋");
}

static void
test_import_bad_row_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autoptr(CgImport) first = NULL;
  g_autofree char *report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wrong = g_strdup (ID_LI);
  CgImportProblem *problem;

  /* One person already there, to see that the count does not move. */
  first = prepare (fixture->store, HEADER_ZH "赵敏," ID_ZHAO ",儿童,女,,,,2022-01-01,\r\n", &error);
  g_assert_no_error (error);
  g_assert_true (cg_import_commit (first, fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_people (fixture->store), ==, 1);

  wrong[17] = '9';   /* the right check digit is 5 */
  text = g_strconcat (HEADER_ZH,
                      "张三," ID_ZHANG ",工作人员,男,,,,2020-03-05,\r\n",
                      "李四,", wrong, ",入住老人,女,,,,2021-06-01,\r\n",
                      "王强," ID_WANG ",入住老人,男,,,,2019-12-31,\r\n",
                      NULL);
  import = prepare (fixture->store, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cg_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 2);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 1);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 1);

  problem = problem_at (import, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->column, ==, "身份证号");
  g_assert_true (g_str_has_suffix (problem->reason, "5"));

  report = cg_import_format_problems (import);
  g_assert_nonnull (strstr (report, "line 3, 身份证号: "));
  g_assert_nonnull (strstr (report, "身份证号"));
  g_assert_true (g_str_has_suffix (report, "\n"));

  g_assert_false (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);

  /* Nothing stored: not even the two good rows. */
  g_assert_cmpint (count_people (fixture->store), ==, 1);
  g_assert_null (cg_person_find_by_id_number (fixture->store, ID_ZHANG, NULL));
}

static void
test_import_row_problems (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  GPtrArray *problems;
  const char *text =
    "姓名,身份证号,类别,性别,电话,入住日期,离开日期\n"       /* 1 */
    "," ID_ZHANG ",工作人员,男,,2020-03-05,\n"                /* 2 no name */
    "李四," ID_LI ",护士,女,,2021-06-01,\n"                   /* 3 bad kind */
    "王强," ID_WANG ",入住老人,未知,,2019-12-31,\n"           /* 4 bad sex */
    "赵敏," ID_ZHAO ",儿童,男,,2022-01-01,\n"                 /* 5 sex vs ID */
    "孙悟," ID_SUN ",受助人员,,12345,2022-01-01,\n"           /* 6 bad phone */
    "周舟," ID_ZHOU ",aid,,,2022-02-30,\n"                    /* 7 bad date */
    "吴用,350582197001010061,staff,,,2022-03-01,2022-02-01\n" /* 8 left < arrived */
    "郑和,350582197001010088,staff,,,,\n"                     /* 9 no date */
    "冯唐,350582197001010096,staff,,,1960-01-01,\n"           /* 10 before birth */
    "陈平,350582197001010109,,,,2022-03-01,\n"                /* 11 no kind */
    "褚遂,350582197001010117,staff,,,2022-03-01,,extra\n"     /* 12 too many cells */
    ",350582197001010125,学生,,,2022-03-01,\n";               /* 13 two problems */
  struct { guint line; const char *column; } expected[] = {
    { 2, "姓名" }, { 3, "类别" }, { 4, "性别" }, { 5, "性别" }, { 6, "电话" },
    { 7, "入住日期" }, { 8, "离开日期" }, { 9, "入住日期" }, { 10, "入住日期" },
    { 11, "类别" }, { 12, NULL }, { 13, "姓名" }, { 13, "类别" },
  };
  guint i;

  import = prepare (fixture->store, text, &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);

  problems = cg_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CgImportProblem *problem = problem_at (import, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->column, ==, expected[i].column);
      g_assert_nonnull (problem->reason);
      g_assert_cmpstr (problem->reason, !=, "");
    }
  g_assert_cmpuint (cg_import_get_n_rows (import), ==, 12);
  g_assert_cmpuint (cg_import_get_n_bad_rows (import), ==, 12);
  g_assert_cmpuint (cg_import_get_n_new (import), ==, 0);
  g_assert_cmpuint (cg_import_get_preview_rows (import)->len, ==, 0);

  g_assert_false (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_cmpint (count_people (fixture->store), ==, 0);
}

static void
test_import_missing_column (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgImport *import;

  import = prepare (fixture->store,
                    "姓名,类别,入住日期\n张三,工作人员,2020-03-05\n", &error);
  g_assert_null (import);
  g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "id_number"));
  g_assert_nonnull (strstr (error->message, "身份证号"));
  g_assert_null (strstr (error->message, "姓名"));
  g_clear_error (&error);

  /* Two columns the same. */
  import = prepare (fixture->store,
                    "name,姓名,id_number,kind,arrived_on\n", &error);
  g_assert_null (import);
  g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_DUPLICATE_COLUMN);
  g_clear_error (&error);

  /* Nothing at all. */
  import = prepare (fixture->store, "\xEF\xBB\xBF\r\n", &error);
  g_assert_null (import);
  g_assert_error (error, CG_CSV_ERROR, CG_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_cmpint (count_people (fixture->store), ==, 0);
}

static void
test_import_unknown_column (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  g_autoptr(CgPerson) zhang = NULL;
  GPtrArray *unknown;

  /* Headers in English, any case, spaces and a required-marking asterisk;
   * an empty header column to the right, as Excel leaves. */
  import = prepare (fixture->store,
                    " Name ,ID_NUMBER,Kind*,备注,arrived_on,Shoe size,\n"
                    "张三," ID_ZHANG ",Staff,新来的,2020/3/5,42,\n",
                    &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 0);

  unknown = cg_import_get_unknown_columns (import);
  g_assert_cmpuint (unknown->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "备注");
  g_assert_cmpstr (g_ptr_array_index (unknown, 1), ==, "Shoe size");

  g_assert_true (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  zhang = cg_person_find_by_id_number (fixture->store, ID_ZHANG, &error);
  g_assert_nonnull (zhang);
  g_assert_cmpstr (cg_person_get_arrived_on (zhang), ==, "2020-03-05");
  g_assert_cmpint (cg_person_get_kind (zhang), ==, CG_PERSON_STAFF);
}

static void
test_import_duplicate_id (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) import = NULL;
  CgImportProblem *problem;

  import = prepare (fixture->store,
                    "姓名,身份证号,类别,入住日期\n"
                    "张三," ID_ZHANG ",工作人员,2020-03-05\n"
                    "李四," ID_LI ",入住老人,2021-06-01\n"
                    /* the same number with a lower-case x is the same number */
                    "孙悟," ID_SUN ",受助人员,2022-01-01\n"
                    "张三丰," ID_ZHANG ",工作人员,2020-04-01\n"
                    "孙悟空,11010119800307005x,受助人员,2022-01-01\n",
                    &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (import);
  g_assert_cmpuint (cg_import_get_problems (import)->len, ==, 2);

  problem = problem_at (import, 0);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpstr (problem->column, ==, "身份证号");
  g_assert_nonnull (strstr (problem->reason, "line 2 "));   /* the first line */

  problem = problem_at (import, 1);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_nonnull (strstr (problem->reason, "line 4 "));

  g_assert_false (cg_import_commit (import, fixture->store, NULL, &error));
  g_assert_cmpint (count_people (fixture->store), ==, 0);
}

static void
test_import_update (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImport) first = NULL;
  g_autoptr(CgImport) second = NULL;
  g_autoptr(CgPerson) zhang = NULL;
  g_autoptr(CgPerson) li = NULL;
  gint64 zhang_id;

  first = prepare (fixture->store,
                   "姓名,身份证号,类别,电话,岗位,房间,入住日期\n"
                   "张三," ID_ZHANG ",工作人员,13812345678,护理员,,2020-03-05\n",
                   &error);
  g_assert_no_error (error);
  g_assert_true (cg_import_commit (first, fixture->store, NULL, &error));
  g_assert_no_error (error);
  zhang = cg_person_find_by_id_number (fixture->store, ID_ZHANG, NULL);
  zhang_id = cg_person_get_id (zhang);
  g_assert_cmpint (zhang_id, >, 0);
  g_clear_object (&zhang);

  /* The same person with a new role, the phone column absent (kept), and
   * a newcomer. */
  second = prepare (fixture->store,
                    "姓名,身份证号,类别,岗位,入住日期\n"
                    "张三," ID_ZHANG ",工作人员,护士长,2020-03-05\n"
                    "李四," ID_LI ",入住老人,,2021-06-01\n",
                    &error);
  g_assert_no_error (error);
  cg_test_import_dump_problems (second);
  g_assert_cmpuint (cg_import_get_problems (second)->len, ==, 0);
  g_assert_cmpuint (cg_import_get_n_rows (second), ==, 2);
  g_assert_cmpuint (cg_import_get_n_updated (second), ==, 1);
  g_assert_cmpuint (cg_import_get_n_new (second), ==, 1);

  g_assert_true (cg_import_commit (second, fixture->store, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_people (fixture->store), ==, 2);

  zhang = cg_person_find_by_id_number (fixture->store, ID_ZHANG, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cg_person_get_id (zhang), ==, zhang_id);
  g_assert_cmpstr (cg_person_get_role (zhang), ==, "护士长");
  g_assert_cmpstr (cg_person_get_phone (zhang), ==, "13812345678");

  li = cg_person_find_by_id_number (fixture->store, ID_LI, &error);
  g_assert_nonnull (li);
}

static void
test_import_encoding_error (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgImport *import;
  const char text[] =
    "name,id_number,kind,arrived_on\n"
    "张三," ID_ZHANG ",staff,2020-03-05\n"
    "\x81\x20," ID_LI ",resident,2021-06-01\n";

  import = cg_import_prepare (fixture->store, CG_REGISTER_PEOPLE,
                              text, sizeof text - 1, &error);
  g_assert_null (import);
  g_assert_error (error, CG_CSV_ERROR, CG_CSV_ERROR_ENCODING);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_assert_cmpint (count_people (fixture->store), ==, 0);
}

static void
test_import_syntax_error (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgImport *import;

  import = prepare (fixture->store,
                    "name,id_number,kind,arrived_on\n"
                    "张三," ID_ZHANG ",staff,2020-03-05\n"
                    "李四," ID_LI ",\"resident,2021-06-01\n",
                    &error);
  g_assert_null (import);
  g_assert_error (error, CG_CSV_ERROR, CG_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
}

static void
test_import_template (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  gsize zh_len = 0;
  gsize en_len = 0;
  CgImport *import;

  zh = cg_import_template (CG_REGISTER_PEOPLE, TRUE, &zh_len);
  g_assert_cmpuint (zh_len, ==, strlen (zh));
  g_assert_cmpstr (zh, ==, "\xEF\xBB\xBF" HEADER_ZH);

  en = cg_import_template (CG_REGISTER_PEOPLE, FALSE, &en_len);
  g_assert_cmpstr (en, ==, "\xEF\xBB\xBF"
                   "name,id_number,kind,sex,phone,role,room,arrived_on,left_on\r\n");

  /* A template imports as an empty file with every column known. */
  import = cg_import_prepare (fixture->store, CG_REGISTER_PEOPLE, zh, zh_len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cg_import_get_n_rows (import), ==, 0);
  g_assert_cmpuint (cg_import_get_unknown_columns (import)->len, ==, 0);
  cg_import_free (import);

  g_assert_cmpint (cg_register_from_string ("people"), ==, CG_REGISTER_PEOPLE);
  g_assert_cmpint (cg_register_from_string ("PEOPLE"), ==, CG_REGISTER_PEOPLE);
  g_assert_cmpint (cg_register_from_string ("nobody"), ==, -1);
  g_assert_cmpstr (cg_register_to_string (CG_REGISTER_PEOPLE), ==, "people");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/parse", test_csv_parse);
  g_test_add_func ("/csv/parse-bare-cr", test_csv_parse_bare_cr);
  g_test_add_func ("/csv/parse-errors", test_csv_parse_errors);
  g_test_add_func ("/csv/decode", test_csv_decode);
  g_test_add_func ("/csv/append-row", test_csv_append_row);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, cg_test_store_fixture_tear_down)

  ADD ("/import/people/utf8-bom", test_import_utf8_bom);
  ADD ("/import/people/gb18030", test_import_gb18030);
  ADD ("/import/people/gb18030-fixture", test_import_gb18030_fixture);
  ADD ("/import/people/quoted", test_import_quoted);
  ADD ("/import/people/bad-row-refused", test_import_bad_row_refused);
  ADD ("/import/people/row-problems", test_import_row_problems);
  ADD ("/import/people/missing-column", test_import_missing_column);
  ADD ("/import/people/unknown-column", test_import_unknown_column);
  ADD ("/import/people/duplicate-id", test_import_duplicate_id);
  ADD ("/import/people/update", test_import_update);
  ADD ("/import/people/encoding-error", test_import_encoding_error);
  ADD ("/import/people/syntax-error", test_import_syntax_error);
  ADD ("/import/template", test_import_template);

#undef ADD

  return g_test_run ();
}
