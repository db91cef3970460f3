/* cg-validate.h — the checks an entry must pass before it is stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Trims the text of *@field in place (NULL becomes ""); FALSE when it is
 * longer than @max characters. */
gboolean cg_text_tidy     (char       **field,
                           glong        max);
/* Sets "@field: too long, @max characters at most." and returns FALSE. */
gboolean cg_text_too_long (GError     **error,
                           const char  *field,
                           int          max);

#define CG_VALIDATE_ERROR (cg_validate_error_quark ())

typedef enum
{
  CG_VALIDATE_ERROR_EMPTY,
  CG_VALIDATE_ERROR_LENGTH,
  CG_VALIDATE_ERROR_CHARACTERS,
  CG_VALIDATE_ERROR_CHECK_DIGIT,
  CG_VALIDATE_ERROR_BIRTH_DATE,
  CG_VALIDATE_ERROR_REGION,
  CG_VALIDATE_ERROR_PHONE,
  CG_VALIDATE_ERROR_DATE,
  CG_VALIDATE_ERROR_RANGE,
} CgValidateError;

GQuark    cg_validate_error_quark        (void);

/* Mainland resident ID number (GB 11643-1999): 18 characters, the last a
 * check digit 0-9 or X (x accepted, stored upper-case), a real birth date
 * not in the future and not before 1890.  @normalized_out (optional) gets
 * the trimmed, upper-cased number; @birth_out (optional) the birth date. */
gboolean  cg_validate_id_number          (const char  *text,
                                          char       **normalized_out,
                                          GDate       *birth_out,
                                          GError     **error);
/* The check digit for the first 17 digits ('0'-'9' or 'X'), or 0 if bad. */
char      cg_id_number_check_digit       (const char  *first17);
/* 'M' or 'F' from the 17th digit of a valid number. */
char      cg_id_number_sex               (const char  *id_number);

/* Mobile (1[3-9]x, 11 digits, optional +86/86 prefix) or fixed line
 * (0 + area code 2-3 digits + 7-8 digit number, optional '-' and extension).
 * @normalized_out gets digits with the area-code dash kept. */
gboolean  cg_validate_phone              (const char  *text,
                                          char       **normalized_out,
                                          GError     **error);

/* 350582********1234 */
char     *cg_mask_id_number              (const char  *id_number);

G_END_DECLS
