/* cg-tests-page.h — staff nucleic-acid tests: status, samples and results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "cg-store.h"
#include "cg-module.h"

G_BEGIN_DECLS

#define CG_TYPE_TESTS_PAGE (cg_tests_page_get_type ())
G_DECLARE_FINAL_TYPE (CgTestsPage, cg_tests_page, CG, TESTS_PAGE, AdwBin)

/* The page follows the store's "changed" signal and the policy; it loads
 * what it shows when it is mapped, never before (start-up stays fast). */
GtkWidget *cg_tests_page_new (CgStore        *store,
                               const CgModule *module);

G_END_DECLS
