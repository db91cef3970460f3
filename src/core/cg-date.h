/* cg-date.h — dates and times as the registers write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Accepts YYYY-MM-DD, YYYY/MM/DD and YYYY年MM月DD日 (one-digit month and day
 * too).  Returns FALSE for anything else or an impossible date. */
gboolean  cg_date_parse            (const char *text,
                                    GDate      *out);
/* YYYY-MM-DD, newly allocated. */
char     *cg_date_to_iso           (const GDate *date);
/* Normalises any accepted form to YYYY-MM-DD; NULL when not a date. */
char     *cg_date_normalize        (const char *text);
/* Today in local time. */
void      cg_date_today            (GDate      *out);
/* Local "YYYY-MM-DD HH:MM" → UTC ISO-8601 "YYYY-MM-DDTHH:MM:SSZ"; NULL when bad. */
char     *cg_datetime_local_to_utc (const char *text);
/* UTC ISO-8601 now. */
char     *cg_datetime_now_utc      (void);
/* UTC ISO-8601 → local "YYYY-MM-DD HH:MM". */
char     *cg_datetime_utc_to_local (const char *iso);

/* The local time zone, read once per process (and again only when the TZ
 * variable changes): GLib looks /etc/localtime up on every local
 * conversion, which was a fifth of the demonstration's time.  Safe in any
 * thread; the caller owns the reference. */
GTimeZone *cg_time_zone_local      (void);
/* g_date_time_new_now_local(), g_date_time_to_local() and
 * g_date_time_new_local() on that zone. */
GDateTime *cg_date_time_now_local  (void);
GDateTime *cg_date_time_to_local   (GDateTime  *datetime);
GDateTime *cg_date_time_new_local  (gint        year,
                                    gint        month,
                                    gint        day,
                                    gint        hour,
                                    gint        minute,
                                    gdouble     seconds);

G_END_DECLS
