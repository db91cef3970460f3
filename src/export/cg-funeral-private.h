/* cg-funeral-private.h — what cg-funeral-day.c and cg-funeral-sheets.c
 * share: a funeral home's day as loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not part of the API of cg-funeral-sheets.h.
 */
#pragma once

#include "cg-disinfection.h"
#include "cg-funeral-sheets.h"
#include "cg-service.h"

G_BEGIN_DECLS

/* A service in progress that day, as the day saw it. */
typedef struct
{
  CgService       *service;
  CgMourningState  state;     /* at the day's moment */
  gint64           minutes;   /* of the mourning period up to the moment (or the end) */
  GPtrArray       *steps;     /* CgCovidStepRecord*: a COVID-19 case only */
  int              done;      /* steps done by the moment */
  int              admitted;  /* mourners of the day */
  int              refused;
} ServiceDay;

/* A place disinfected that day, or a hall in use. */
typedef struct
{
  char        *place;
  CgPlaceKind  kind;
  const char  *deceased;   /* a hall: the (first) service in it that day */
  int          count;
  GString     *times;      /* "08:00、14:00" */
} PlaceDay;

struct _CgFuneralDay
{
  char       *day;            /* YYYY-MM-DD */
  char       *moment;         /* UTC: the end of the day, or now while it lasts */
  gboolean    today;
  CgRiskLevel risk;
  int         limit_hours;    /* FH-5 for the area risk */
  int         hall_required;  /* FH-6: disinfections of a hall a day */
  GPtrArray  *services;       /* ServiceDay*, by start */
  GPtrArray  *mourners;       /* CgMourner*, arrived that day, by arrival */
  GPtrArray  *disinfections;  /* CgDisinfection*, done that day, by time */
  GPtrArray  *halls;          /* PlaceDay*: halls in use that day */
  GPtrArray  *places;         /* PlaceDay*: the other places disinfected that day */
};

/* "HH:MM" of a UTC time on the day, the local date and time otherwise;
 * "" for none. */
char       *cg_funeral_local_time    (const CgFuneralDay *day,
                                      const char         *utc);
/* The COVID-19 steps of @s not done by the day's moment, "a; b". */
char       *cg_funeral_missing_steps (const CgFuneralDay *day,
                                      const ServiceDay   *s);

G_END_DECLS
