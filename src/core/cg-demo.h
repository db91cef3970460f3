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

G_END_DECLS
