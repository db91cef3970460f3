/* cg-period-report.h — the period workbook with the registers
 *
 * One workbook for a period (a month, a quarter, a year …) that an
 * inspector of the civil-affairs bureau can read without the program: a
 * summary line per day with the daily report's figures, then the
 * registers the institution keeps, each on its own sheet in the columns
 * and with the Chinese headers of the bureau's forms (forms.md) — in every
 * UI language, since they are the bureau's forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-policy.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* How far the writing is, for a progress bar: @fraction from 0 to 1.
 * Called on the writing thread. */
typedef void (*CgPeriodProgressFunc) (double    fraction,
                                      gpointer  user_data);

/* Writes the workbook for @from … @to (local days, inclusive) to @path:
 * written beside it first and renamed over it only once complete, so a
 * failure or a cancellation never leaves half a file.  Refuses a period
 * that starts after it ends or ends in the future.  Honours @cancellable
 * between rows and sheets.  Errors: G_FILE_ERROR for the file,
 * CG_STORE_ERROR for the data and the period, G_IO_ERROR_CANCELLED. */
gboolean cg_period_report_write               (CgStore              *store,
                                               const CgPolicy       *policy,
                                               const GDate          *from,
                                               const GDate          *to,
                                               const char           *path,
                                               GCancellable         *cancellable,
                                               GError              **error);
/* The same, reporting its progress to @progress (may be NULL). */
gboolean cg_period_report_write_with_progress (CgStore              *store,
                                               const CgPolicy       *policy,
                                               const GDate          *from,
                                               const GDate          *to,
                                               const char           *path,
                                               GCancellable         *cancellable,
                                               CgPeriodProgressFunc  progress,
                                               gpointer              progress_data,
                                               GError              **error);

/* The period a workbook may cover: @from not after @to, @to not after
 * today.  FALSE with a one-line, translated reason in @error
 * (CG_STORE_ERROR_INVALID). */
gboolean cg_period_report_check_range         (const GDate          *from,
                                               const GDate          *to,
                                               GError              **error);

G_END_DECLS
