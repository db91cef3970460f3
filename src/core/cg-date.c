/* cg-date.c — dates and times as the registers write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-date.h"

/* Reads 1 to @max_digits ASCII digits at *p, advancing it. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             int         *out)
{
  guint n = 0;
  int value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
skip_literal (const char **p,
              const char  *literal)
{
  gsize len = strlen (literal);

  if (strncmp (*p, literal, len) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

/* Parses the date at the start of @p, leaving @p after it. */
static gboolean
parse_date_prefix (const char **p,
                   GDate       *out)
{
  const char *s = *p;
  int year, month, day;
  gboolean chinese = FALSE;
  char sep = 0;

  if (!read_number (&s, 4, 4, &year))
    return FALSE;

  if (*s == '-' || *s == '/')
    sep = *s++;
  else if (skip_literal (&s, "年"))
    chinese = TRUE;
  else
    return FALSE;

  if (!read_number (&s, 1, 2, &month))
    return FALSE;

  if (chinese)
    {
      if (!skip_literal (&s, "月"))
        return FALSE;
    }
  else if (*s == sep)
    s++;
  else
    return FALSE;

  if (!read_number (&s, 1, 2, &day))
    return FALSE;

  if (chinese && !skip_literal (&s, "日"))
    skip_literal (&s, "号");

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  *p = s;
  return TRUE;
}

gboolean
cg_date_parse (const char *text,
               GDate      *out)
{
  g_autofree char *copy = NULL;
  const char *p;
  GDate date;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (!parse_date_prefix (&p, &date) || *p != '\0')
    return FALSE;

  *out = date;
  return TRUE;
}

char *
cg_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
cg_date_normalize (const char *text)
{
  GDate date;

  if (!cg_date_parse (text, &date))
    return NULL;

  return cg_date_to_iso (&date);
}

void
cg_date_today (GDate *out)
{
  g_autoptr(GDateTime) now = cg_date_time_now_local ();

  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static char *
format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  if (utc == NULL)
    return NULL;
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
cg_datetime_local_to_utc (const char *text)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *p;
  GDate date;
  int hour, minute, second = 0;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (!parse_date_prefix (&p, &date))
    return NULL;

  if (*p != ' ' && *p != 'T')
    return NULL;
  while (*p == ' ' || *p == 'T')
    p++;

  if (!read_number (&p, 1, 2, &hour) || *p++ != ':'
      || !read_number (&p, 2, 2, &minute))
    return NULL;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, 2, &second))
        return NULL;
    }
  if (*p != '\0' || hour > 23 || minute > 59 || second > 59)
    return NULL;

  local = cg_date_time_new_local (g_date_get_year (&date),
                                 g_date_get_month (&date),
                                 g_date_get_day (&date),
                                 hour, minute, second);
  if (local == NULL)
    return NULL;

  return format_utc (local);
}

char *
cg_datetime_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
cg_datetime_utc_to_local (const char *iso)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (iso, utc);
  if (dt == NULL)
    return NULL;

  local = cg_date_time_to_local (dt);
  if (local == NULL)
    return NULL;

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

GTimeZone *
cg_time_zone_local (void)
{
  static GMutex lock;
  static GTimeZone *zone;
  static char *zone_tz;
  const char *tz = g_getenv ("TZ");
  GTimeZone *result;

  g_mutex_lock (&lock);
  if (zone == NULL || g_strcmp0 (tz, zone_tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone_tz = g_strdup (tz);
      zone = g_time_zone_new_local ();
    }
  result = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);
  return result;
}

GDateTime *
cg_date_time_now_local (void)
{
  g_autoptr(GTimeZone) zone = cg_time_zone_local ();

  return g_date_time_new_now (zone);
}

GDateTime *
cg_date_time_to_local (GDateTime *datetime)
{
  g_autoptr(GTimeZone) zone = cg_time_zone_local ();

  return g_date_time_to_timezone (datetime, zone);
}

GDateTime *
cg_date_time_new_local (gint    year,
                        gint    month,
                        gint    day,
                        gint    hour,
                        gint    minute,
                        gdouble seconds)
{
  g_autoptr(GTimeZone) zone = cg_time_zone_local ();

  return g_date_time_new (zone, year, month, day, hour, minute, seconds);
}
