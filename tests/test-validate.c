/* test-validate.c — ID numbers, phone numbers, masking and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cg-validate.h"
#include "cg-date.h"

/* The GB 11643 algorithm written out again, independently of the code
 * under test, to build valid numbers from 17-digit stems. */
static char *
make_id (const char *stem17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;
  int i;

  g_assert_cmpuint (strlen (stem17), ==, 17);
  for (i = 0; i < 17; i++)
    sum += (stem17[i] - '0') * weights[i];

  return g_strdup_printf ("%s%c", stem17, "10X98765432"[sum % 11]);
}

/* The same number with its check digit replaced by a wrong one. */
static char *
make_wrong_id (const char *stem17)
{
  g_autofree char *good = make_id (stem17);
  char *bad = g_strdup (good);

  bad[17] = (good[17] == '1') ? '2' : '1';
  return bad;
}

static void
assert_id_error (const char *text,
                 int         code)
{
  g_autoptr(GError) error = NULL;
  char *normalized = NULL;

  g_assert_false (cg_validate_id_number (text, &normalized, NULL, &error));
  g_assert_error (error, CG_VALIDATE_ERROR, code);
  g_assert_null (normalized);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_id_known_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  GDate birth;

  g_assert_true (cg_validate_id_number ("11010519491231002X", &normalized, &birth, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "11010519491231002X");
  g_assert_cmpint (g_date_get_year (&birth), ==, 1949);
  g_assert_cmpint (g_date_get_month (&birth), ==, 12);
  g_assert_cmpint (g_date_get_day (&birth), ==, 31);
  g_assert_cmpint (cg_id_number_sex ("11010519491231002X"), ==, 'F');

  g_assert_cmpint (cg_id_number_check_digit ("11010519491231002"), ==, 'X');
  /* The example of the standard itself: the check digit is right, but a
   * birth in 1880 is before the oldest date the registers accept. */
  g_assert_cmpint (cg_id_number_check_digit ("44052418800101001"), ==, '4');
  g_assert_cmpint (cg_id_number_sex ("440524188001010014"), ==, 'M');
  assert_id_error ("440524188001010014", CG_VALIDATE_ERROR_BIRTH_DATE);
}

static void
test_id_computed_valid (void)
{
  const char *stems[] = {
    "11010119900307001",   /* Beijing */
    "31011520000101123",   /* Shanghai */
    "44030619851010456",   /* Shenzhen */
    "65010218900101000",   /* 1890-01-01: the oldest accepted */
    "81000019751231999",   /* Hong Kong residence permit */
    "23010020000229888",   /* a real 29 February */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autofree char *id = make_id (stems[i]);
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("valid: %s", id);
      g_assert_true (cg_validate_id_number (id, &normalized, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, id);
      g_assert_cmpint (cg_id_number_check_digit (stems[i]), ==, id[17]);
    }
}

static void
test_id_normalized (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *fullwidth = NULL;

  /* Lower-case x and surrounding spaces. */
  g_assert_true (cg_validate_id_number ("  11010519491231002x ", &normalized, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "11010519491231002X");
  g_clear_pointer (&normalized, g_free);

  /* Full-width digits, as a Chinese input method types them. */
  fullwidth = g_strdup ("１１０１０５１９４９１２３１００２Ｘ");
  g_assert_true (cg_validate_id_number (fullwidth, &normalized, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "11010519491231002X");

  /* Optional outputs may be NULL. */
  g_assert_true (cg_validate_id_number ("11010519491231002X", NULL, NULL, NULL));
}

static void
test_id_invalid (void)
{
  g_autofree char *wrong = make_wrong_id ("11010119900307001");
  g_autofree char *impossible = make_id ("32010619990230001");
  g_autofree char *not_leap = make_id ("32010619000229001");
  g_autofree char *month13 = make_id ("32010619991301001");
  g_autofree char *day0 = make_id ("32010619990100001");
  g_autofree char *too_old = make_id ("32010618891231001");
  g_autofree char *region0 = make_id ("01010119900307001");
  g_autofree char *region9 = make_id ("91010119900307001");
  g_autofree char *future = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);

  assert_id_error (wrong, CG_VALIDATE_ERROR_CHECK_DIGIT);
  g_assert_false (cg_validate_id_number (wrong, NULL, NULL, &error));
  g_assert_true (g_str_has_suffix (error->message, "1"));
  g_clear_error (&error);

  /* The message says which digit it should end in. */
  g_assert_false (cg_validate_id_number ("110105194912310021", NULL, NULL, &error));
  g_assert_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_CHECK_DIGIT);
  g_assert_true (g_str_has_suffix (error->message, "X"));
  g_clear_error (&error);

  assert_id_error (impossible, CG_VALIDATE_ERROR_BIRTH_DATE);
  g_assert_false (cg_validate_id_number (impossible, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "1999-02-30"));
  g_clear_error (&error);
  assert_id_error (not_leap, CG_VALIDATE_ERROR_BIRTH_DATE);
  assert_id_error (month13, CG_VALIDATE_ERROR_BIRTH_DATE);
  assert_id_error (day0, CG_VALIDATE_ERROR_BIRTH_DATE);
  assert_id_error (too_old, CG_VALIDATE_ERROR_BIRTH_DATE);

  stem = g_strdup_printf ("110101%04d0101001", g_date_time_get_year (next_year));
  future = make_id (stem);
  assert_id_error (future, CG_VALIDATE_ERROR_BIRTH_DATE);

  assert_id_error (region0, CG_VALIDATE_ERROR_REGION);
  assert_id_error (region9, CG_VALIDATE_ERROR_REGION);

  assert_id_error ("", CG_VALIDATE_ERROR_EMPTY);
  assert_id_error ("   ", CG_VALIDATE_ERROR_EMPTY);
  assert_id_error (NULL, CG_VALIDATE_ERROR_EMPTY);
  assert_id_error ("1101051949123100", CG_VALIDATE_ERROR_LENGTH);
  assert_id_error ("11010519491231002X1", CG_VALIDATE_ERROR_LENGTH);
  assert_id_error ("110105491231002", CG_VALIDATE_ERROR_LENGTH);   /* old 15-digit */
  assert_id_error ("11010519491231002Y", CG_VALIDATE_ERROR_CHARACTERS);
  assert_id_error ("1101051949123100AX", CG_VALIDATE_ERROR_CHARACTERS);
  assert_id_error ("X10105194912310021", CG_VALIDATE_ERROR_CHARACTERS);
  assert_id_error ("11010519491231002-", CG_VALIDATE_ERROR_CHARACTERS);
  assert_id_error ("一一〇一〇五一九四九一二三一〇〇二X", CG_VALIDATE_ERROR_CHARACTERS);

  g_assert_cmpint (cg_id_number_check_digit ("1101051949123100"), ==, 0);
  g_assert_cmpint (cg_id_number_check_digit ("1101051949123100A"), ==, 0);
}

static void
assert_phone (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_test_message ("phone: %s", text);
  if (expected != NULL)
    {
      g_assert_true (cg_validate_phone (text, &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, expected);
    }
  else
    {
      g_assert_false (cg_validate_phone (text, &normalized, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == CG_VALIDATE_ERROR);
      g_assert_null (normalized);
    }
}

static void
test_phone (void)
{
  g_autoptr(GError) error = NULL;

  /* Mobile */
  assert_phone ("13812345678", "13812345678");
  assert_phone ("19912345678", "19912345678");
  assert_phone ("+8613812345678", "13812345678");
  assert_phone ("+86 138 1234 5678", "13812345678");
  assert_phone ("86-138-1234-5678", "13812345678");
  assert_phone ("008613812345678", "13812345678");
  assert_phone (" 138-1234-5678 ", "13812345678");
  assert_phone ("１３８１２３４５６７８", "13812345678");

  /* Fixed line */
  assert_phone ("010-12345678", "010-12345678");
  assert_phone ("01012345678", "010-12345678");
  assert_phone ("0755-1234567", "0755-1234567");
  assert_phone ("07551234567", "0755-1234567");
  assert_phone ("0755-12345678", "0755-12345678");
  assert_phone ("021-87654321-123", "021-87654321-123");
  assert_phone ("02187654321-8001", "021-87654321-8001");
  assert_phone ("010-6512-3456", "010-65123456");
  assert_phone ("(010)65123456", "010-65123456");
  assert_phone ("0591 8765 4321", "0591-87654321");

  /* Invalid */
  assert_phone ("12812345678", NULL);        /* 12x is not a mobile prefix */
  assert_phone ("1381234567", NULL);         /* 10 digits */
  assert_phone ("138123456789", NULL);       /* 12 digits */
  assert_phone ("+8612812345678", NULL);
  assert_phone ("12345678", NULL);           /* no area code */
  assert_phone ("010-123456", NULL);         /* 6-digit number */
  assert_phone ("010-123456789", NULL);      /* 9-digit number */
  assert_phone ("010-12345678-1234567", NULL); /* 7-digit extension */
  assert_phone ("0-12345678", NULL);
  assert_phone ("abc", NULL);
  assert_phone ("1381234567a", NULL);
  assert_phone ("138 1234 567x", NULL);

  g_assert_false (cg_validate_phone ("", NULL, &error));
  g_assert_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (cg_validate_phone ("1234", NULL, &error));
  g_assert_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_PHONE);
  g_assert_nonnull (strstr (error->message, "1234"));
}

static void
test_mask (void)
{
  g_autofree char *masked = cg_mask_id_number ("11010519491231002X");
  g_autofree char *short_one = cg_mask_id_number ("12345");
  g_autofree char *empty = cg_mask_id_number (NULL);

  g_assert_cmpstr (masked, ==, "110105********002X");
  g_assert_cmpuint (strlen (masked), ==, 18);
  g_assert_cmpstr (short_one, ==, "*****");
  g_assert_cmpstr (empty, ==, "");
}

static void
assert_date (const char *text,
             const char *expected)
{
  g_autofree char *normalized = cg_date_normalize (text);
  GDate date;

  g_test_message ("date: %s", text);
  g_assert_cmpstr (normalized, ==, expected);
  if (expected != NULL)
    g_assert_true (cg_date_parse (text, &date));
  else
    g_assert_false (cg_date_parse (text, &date));
}

static void
test_date_parse (void)
{
  g_autofree char *iso = NULL;
  GDate date;

  assert_date ("2023-03-05", "2023-03-05");
  assert_date ("2023/03/05", "2023-03-05");
  assert_date ("2023年03月05日", "2023-03-05");
  assert_date ("2023-3-5", "2023-03-05");
  assert_date ("2023/3/5", "2023-03-05");
  assert_date ("2023年3月5日", "2023-03-05");
  assert_date (" 2024-02-29 ", "2024-02-29");
  assert_date ("2023-12-31", "2023-12-31");

  assert_date ("2023-02-29", NULL);
  assert_date ("2023-13-01", NULL);
  assert_date ("2023-00-10", NULL);
  assert_date ("2023-04-31", NULL);
  assert_date ("2023-01-00", NULL);
  assert_date ("2023-01", NULL);
  assert_date ("23-01-01", NULL);
  assert_date ("2023-01/05", NULL);
  assert_date ("2023-01-05x", NULL);
  assert_date ("2023-001-05", NULL);
  assert_date ("20230105", NULL);
  assert_date ("", NULL);
  assert_date (NULL, NULL);
  assert_date ("yesterday", NULL);

  g_assert_true (cg_date_parse ("2023年1月2日", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2023);
  g_assert_cmpint (g_date_get_month (&date), ==, 1);
  g_assert_cmpint (g_date_get_day (&date), ==, 2);
  iso = cg_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2023-01-02");
}

static void
test_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  cg_date_today (&today);
  g_assert_true (g_date_valid (&today));
  /* Allow for the test running across midnight. */
  g_assert_cmpint (g_date_get_year (&today), >=, g_date_time_get_year (now) - 1);
  g_assert_cmpint (g_date_get_year (&today), <=, g_date_time_get_year (now));
}

static void
test_datetime (void)
{
  g_autofree char *utc = NULL;
  g_autofree char *local = NULL;
  g_autofree char *now = NULL;
  g_autofree char *back = NULL;

  utc = cg_datetime_local_to_utc ("2023-03-05 08:30");
  g_assert_cmpstr (utc, ==, "2023-03-05T00:30:00Z");
  g_clear_pointer (&utc, g_free);

  utc = cg_datetime_local_to_utc ("2023/3/5 7:05");
  g_assert_cmpstr (utc, ==, "2023-03-04T23:05:00Z");
  g_clear_pointer (&utc, g_free);

  utc = cg_datetime_local_to_utc ("2023-03-05 08:30:15");
  g_assert_cmpstr (utc, ==, "2023-03-05T00:30:15Z");
  g_clear_pointer (&utc, g_free);

  g_assert_null (cg_datetime_local_to_utc ("2023-03-05"));
  g_assert_null (cg_datetime_local_to_utc ("2023-03-05 24:00"));
  g_assert_null (cg_datetime_local_to_utc ("2023-03-05 08:60"));
  g_assert_null (cg_datetime_local_to_utc ("2023-02-30 08:00"));
  g_assert_null (cg_datetime_local_to_utc ("2023-03-05 8"));
  g_assert_null (cg_datetime_local_to_utc (NULL));

  local = cg_datetime_utc_to_local ("2023-03-04T23:05:00Z");
  g_assert_cmpstr (local, ==, "2023-03-05 07:05");
  g_assert_null (cg_datetime_utc_to_local ("not a time"));
  g_assert_null (cg_datetime_utc_to_local (NULL));

  now = cg_datetime_now_utc ();
  g_assert_cmpuint (strlen (now), ==, 20);
  g_assert_true (g_str_has_suffix (now, "Z"));
  g_assert_cmpint (now[10], ==, 'T');

  /* Round trip. */
  back = cg_datetime_utc_to_local (now);
  g_assert_nonnull (back);
  g_assert_cmpuint (strlen (back), ==, 16);
}

int
main (int   argc,
      char *argv[])
{
  /* China Standard Time, +08:00 the whole year (a POSIX rule: no tzdata needed). */
  g_setenv ("TZ", "CST-8", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validate/id/known-valid", test_id_known_valid);
  g_test_add_func ("/validate/id/computed-valid", test_id_computed_valid);
  g_test_add_func ("/validate/id/normalized", test_id_normalized);
  g_test_add_func ("/validate/id/invalid", test_id_invalid);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/mask", test_mask);
  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/today", test_date_today);
  g_test_add_func ("/date/datetime", test_datetime);

  return g_test_run ();
}
