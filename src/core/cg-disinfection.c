/* cg-disinfection.c — the disinfection log (ALL-7, FH-4) and training and drills (ALL-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
