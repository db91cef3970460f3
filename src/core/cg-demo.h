/* cg-demo.h — a realistic, seeded demonstration institution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"
#include "cg-institution.h"

G_BEGIN_DECLS

typedef enum
{
  CG_DEMO_SMALL,   /* ~100 beds, a few months */
  CG_DEMO_LARGE,   /* 1000 beds, three years */
} CgDemoSize;

/* Fills an empty database (refused with CG_STORE_ERROR_INVALID when an
 * institution exists).  Deterministic for a given @seed and @today. */
gboolean cg_demo_fill (CgStore          *store,
                       CgDemoSize        size,
                       CgInstitutionKind kind,
                       guint32           seed,
                       const GDate      *today,
                       GError          **error);

/* Internal: the generator's state, shared by the parts of the demo
 * (cg-demo.c: the institution, people, checks and tests; cg-demo-rooms.c:
 * rooms, stays, screenings and visitors). */
/* The arrivals the rooms' story needs, in days before today: a stay
 * ending today, one in progress, an early release, a past one, a new
 * arrival today, and at a rescue station a second entrant today. */
enum
{
  CG_DEMO_ARRIVAL_ENDING_TODAY,
  CG_DEMO_ARRIVAL_IN_PROGRESS,
  CG_DEMO_ARRIVAL_EARLY_RELEASE,
  CG_DEMO_ARRIVAL_PAST,
  CG_DEMO_ARRIVAL_TODAY,
  CG_DEMO_ARRIVAL_TODAY_SECOND,
  CG_DEMO_N_ARRIVALS
};

typedef struct
{
  CgStore    *store;
  GRand      *rand;
  GHashTable *used_ids;
  GDate       today;
  char       *now;        /* UTC: the moment the demo is made */
  gint64      arrivals[CG_DEMO_N_ARRIVALS];   /* person ids, 0 when none */
} CgDemoState;

typedef enum
{
  CG_DEMO_MALE,
  CG_DEMO_FEMALE,
} CgDemoSex;

/* A generated, unused ID number of someone @age years old on today, a
 * phone number and a name, from @rand. */
char     *cg_demo_make_id_number (CgDemoState *demo,
                                  GRand       *rand,
                                  int          age,
                                  CgDemoSex    sex);
char     *cg_demo_make_phone     (GRand       *rand);
char     *cg_demo_make_name      (GRand       *rand,
                                  CgDemoSex    sex);

/* Before the history: a few residents who arrive for the rooms' story
 * (a stay ending today, one in progress, an early release). */
gboolean  cg_demo_add_arrivals   (CgDemoState       *demo,
                                  CgInstitutionKind  kind,
                                  GError           **error);
/* After the history: observation and isolation rooms, stays, entry
 * screenings and visitors (ALL-4, ALL-5, ALL-6, RS-1…3). */
/* The disinfection log and the training sessions and drills of the
 * history (cg-demo-hygiene.c). */
gboolean  cg_demo_add_hygiene    (CgDemoState       *demo,
                                  CgInstitutionKind  kind,
                                  int                history_days,
                                  GError           **error);
gboolean  cg_demo_add_rooms      (CgDemoState       *demo,
                                  CgDemoSize         size,
                                  CgInstitutionKind  kind,
                                  int                history_days,
                                  GError           **error);
/* At a funeral home, after the hygiene: the services of the two halls,
 * their mourners, the halls' disinfections (cg-demo-hygiene.c leaves the
 * halls out), staff protection and the COVID-19 checklists
 * (cg-demo-funeral.c). */
gboolean  cg_demo_add_funeral    (CgDemoState       *demo,
                                  CgDemoSize         size,
                                  int                history_days,
                                  GError           **error);

G_END_DECLS
