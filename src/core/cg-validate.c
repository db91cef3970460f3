/* cg-validate.c — the checks an entry must pass before it is stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-validate.h"
#include "cg-date.h"
#include "cg-store.h"

G_DEFINE_QUARK (cg-validate-error-quark, cg_validate_error)

/* GB 11643-1999: weights 2^(17-i) mod 11 for the first 17 digits. */
static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check_chars[] = "10X98765432";

#define ID_OLDEST_BIRTH_YEAR 1890

/* People type ID and phone numbers with a Chinese input method switched on:
 * full-width digits, letters and spaces are the same characters to them.
 * Returns ASCII for the full-width forms, drops whitespace when asked. */
static char *
fold_to_ascii (const char *text,
               gboolean    drop_spaces)
{
  GString *out;
  const char *p;

  out = g_string_new (NULL);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000)
        c = ' ';

      if (drop_spaces && g_unichar_isspace (c))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

char
cg_id_number_check_digit (const char *first17)
{
  int sum = 0;
  int i;

  g_return_val_if_fail (first17 != NULL, 0);

  for (i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return 0;
      sum += (first17[i] - '0') * id_weights[i];
    }

  return id_check_chars[sum % 11];
}

char
cg_id_number_sex (const char *id_number)
{
  g_return_val_if_fail (id_number != NULL, 0);

  if (strlen (id_number) < 17 || !g_ascii_isdigit (id_number[16]))
    return 0;

  return ((id_number[16] - '0') % 2 == 1) ? 'M' : 'F';
}

gboolean
cg_validate_id_number (const char  *text,
                       char       **normalized_out,
                       GDate       *birth_out,
                       GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *birth_text = NULL;
  GDate birth;
  GDate today;
  GDate oldest;
  gsize len;
  gsize i;
  int year, month, day;
  char expected;

  if (text == NULL)
    text = "";

  id = fold_to_ascii (text, TRUE);
  len = strlen (id);

  if (len == 0)
    {
      g_set_error_literal (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_EMPTY,
                           _("The ID number is empty"));
      return FALSE;
    }

  if (!g_utf8_validate (id, -1, NULL) || g_utf8_strlen (id, -1) != 18)
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_LENGTH,
                   _("An ID number has 18 characters; this one has %ld"),
                   (long) g_utf8_strlen (id, -1));
      return FALSE;
    }

  if (id[17] == 'x')
    id[17] = 'X';

  for (i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      break;
  if (i < 17 || len != 18 || !(g_ascii_isdigit (id[17]) || id[17] == 'X'))
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_CHARACTERS,
                   _("An ID number is 17 digits followed by a digit or X; “%s” holds other characters"),
                   id);
      return FALSE;
    }

  /* The first digit is the region: 1 to 8 (8 for Hong Kong, Macao and
   * Taiwan residence permits).  0 and 9 are never issued. */
  if (id[0] < '1' || id[0] > '8')
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_REGION,
                   _("This ID number starts with %c, which is not a region code: numbers start with 1 to 8"),
                   id[0]);
      return FALSE;
    }

  year = (id[6] - '0') * 1000 + (id[7] - '0') * 100 + (id[8] - '0') * 10 + (id[9] - '0');
  month = (id[10] - '0') * 10 + (id[11] - '0');
  day = (id[12] - '0') * 10 + (id[13] - '0');
  birth_text = g_strdup_printf ("%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);

  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_BIRTH_DATE,
                   _("This ID number holds an impossible birth date (%s)"),
                   birth_text);
      return FALSE;
    }

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  cg_date_today (&today);
  if (g_date_compare (&birth, &today) > 0)
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_BIRTH_DATE,
                   _("This ID number holds a birth date in the future (%s)"),
                   birth_text);
      return FALSE;
    }

  g_date_clear (&oldest, 1);
  g_date_set_dmy (&oldest, 1, G_DATE_JANUARY, ID_OLDEST_BIRTH_YEAR);
  if (g_date_compare (&birth, &oldest) < 0)
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_BIRTH_DATE,
                   _("This ID number holds a birth date before %d (%s)"),
                   ID_OLDEST_BIRTH_YEAR, birth_text);
      return FALSE;
    }

  expected = cg_id_number_check_digit (id);
  if (expected != id[17])
    {
      g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_CHECK_DIGIT,
                   _("The check digit of this ID number is wrong: it should end in %c"),
                   expected);
      return FALSE;
    }

  if (birth_out != NULL)
    *birth_out = birth;
  if (normalized_out != NULL)
    *normalized_out = g_steal_pointer (&id);

  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* 1[3-9] and nine more digits. */
static gboolean
is_mobile (const char *s)
{
  return strlen (s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9'
         && all_digits (s, 11);
}

/* Area codes: 010 and 02x have three digits with the leading 0, every
 * other one has four.  That is what tells 010 12345678 from 0101 2345678
 * when the number is written without a dash. */
static guint
area_code_length (const char *digits)
{
  return (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
}

/* "0AA[-]NNNNNNNN[-EXT]", the number itself possibly split by a dash
 * ("010-6512-3456").  Returns "0AA-NNNNNNNN[-EXT]" or NULL. */
static char *
normalize_fixed_line (const char *s)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *area = NULL;
  GString *number;
  g_autofree char *number_str = NULL;
  const char *extension = NULL;
  guint n_parts;
  guint i;
  gsize len;

  if (s[0] != '0')
    return NULL;

  parts = g_strsplit (s, "-", -1);
  n_parts = g_strv_length (parts);
  for (i = 0; i < n_parts; i++)
    if (parts[i][0] == '\0' || !all_digits (parts[i], strlen (parts[i])))
      return NULL;

  number = g_string_new (NULL);
  len = strlen (parts[0]);
  if (n_parts >= 2 && len >= 3 && len <= 4)
    area = g_strdup (parts[0]);
  else
    {
      guint alen;

      if (len < 3 + 7)
        {
          g_string_free (number, TRUE);
          return NULL;
        }
      alen = area_code_length (parts[0]);
      area = g_strndup (parts[0], alen);
      g_string_append (number, parts[0] + alen);
    }

  for (i = 1; i < n_parts && number->len < 7; i++)
    g_string_append (number, parts[i]);
  if (i < n_parts)
    extension = parts[i++];
  number_str = g_string_free (number, FALSE);

  len = strlen (number_str);
  if (i < n_parts || len < 7 || len > 8 || number_str[0] == '0')
    return NULL;
  if (extension != NULL)
    {
      if (strlen (extension) > 6)
        return NULL;
      return g_strdup_printf ("%s-%s-%s", area, number_str, extension);
    }

  return g_strdup_printf ("%s-%s", area, number_str);
}

gboolean
cg_validate_phone (const char  *text,
                   char       **normalized_out,
                   GError     **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *mobile = NULL;
  g_autofree char *fixed = NULL;
  GString *buf;
  const char *p;
  const char *digits;

  if (text == NULL)
    text = "";

  folded = fold_to_ascii (text, TRUE);
  if (*folded == '\0')
    {
      g_set_error_literal (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_EMPTY,
                           _("The phone number is empty"));
      return FALSE;
    }

  /* A mobile number: every separator goes, then the country code. */
  buf = g_string_new (NULL);
  for (p = folded; *p != '\0'; p++)
    if (*p != '-' && *p != '(' && *p != ')')
      g_string_append_c (buf, *p);
  mobile = g_string_free (buf, FALSE);

  digits = mobile;
  if (g_str_has_prefix (digits, "+86"))
    digits += 3;
  else if (g_str_has_prefix (digits, "0086"))
    digits += 4;
  else if (g_str_has_prefix (digits, "86") && strlen (digits) == 13)
    digits += 2;

  if (is_mobile (digits))
    {
      if (normalized_out != NULL)
        *normalized_out = g_strdup (digits);
      return TRUE;
    }

  /* A fixed line: "(010)12345678" is the same as "010-12345678". */
  if (folded[0] == '(')
    {
      char *close = strchr (folded, ')');

      if (close != NULL)
        {
          g_autofree char *area = g_strndup (folded + 1, close - folded - 1);
          g_autofree char *rest = g_strdup (close + 1);

          g_free (folded);
          folded = g_strconcat (area, "-", rest[0] == '-' ? rest + 1 : rest, NULL);
        }
    }

  fixed = normalize_fixed_line (folded);
  if (fixed != NULL)
    {
      if (normalized_out != NULL)
        *normalized_out = g_steal_pointer (&fixed);
      return TRUE;
    }

  g_set_error (error, CG_VALIDATE_ERROR, CG_VALIDATE_ERROR_PHONE,
               _("“%s” is not a phone number: a mobile number has 11 digits starting with 13 to 19, a fixed line starts with its area code, as in 010-12345678"),
               text);
  return FALSE;
}

char *
cg_mask_id_number (const char *id_number)
{
  glong len;
  const char *tail;
  g_autofree char *head = NULL;

  if (id_number == NULL)
    return g_strdup ("");

  len = g_utf8_strlen (id_number, -1);

  /* Too short to keep both ends without giving away most of it. */
  if (len <= 10)
    return g_strnfill (len, '*');

  head = g_utf8_substring (id_number, 0, 6);
  tail = g_utf8_offset_to_pointer (id_number, len - 4);

  return g_strconcat (head, "********", tail, NULL);
}

gboolean
cg_text_tidy (char  **field,
              glong   max)
{
  char *text = g_strstrip (g_strdup (*field != NULL ? *field : ""));

  g_free (*field);
  *field = text;
  return g_utf8_strlen (text, -1) <= max;
}

gboolean
cg_text_too_long (GError     **error,
                  const char  *field,
                  int          max)
{
  /* Translators: the first %s is the field ("Place"), then its limit */
  g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
               _("%s: too long, %d characters at most."), field, max);
  return FALSE;
}
