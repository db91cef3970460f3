/* test-module.c — the four institution types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-module.h"

static gboolean
has_rule (const CgModule *module,
          const char     *rule)
{
  for (guint i = 0; module->rules[i] != NULL; i++)
    if (g_strcmp0 (module->rules[i], rule) == 0)
      return TRUE;
  return FALSE;
}

static void
test_lookup (void)
{
  for (int kind = 0; kind < CG_N_KINDS; kind++)
    {
      const CgModule *module = cg_module_for_kind (kind);

      g_assert_nonnull (module);
      g_assert_cmpint (module->kind, ==, kind);
      g_assert_cmpstr (module->id, ==, cg_institution_kind_to_string (kind));
      g_assert_cmpint (cg_institution_kind_from_string (module->id), ==, kind);
      /* Every institution registers its staff, listed first. */
      g_assert_cmpuint (module->n_person_kinds, >=, 1);
      g_assert_cmpint (module->person_kinds[0], ==, CG_PERSON_STAFF);
      g_assert_true (module->pages & CG_PAGE_PEOPLE);
      g_assert_true (has_rule (module, "ALL-9"));
      {
        g_autoptr(CgPolicy) policy = cg_module_default_policy (module);

        g_assert_cmpint (cg_policy_get_int (policy, CG_POLICY_SUPPLY_TARGET_DAYS), ==, 60);
        g_assert_cmpint (cg_policy_get_kind (policy), ==, kind);
        g_assert_true (cg_policy_applies (policy, "ALL-9"));
        g_assert_false (cg_policy_applies (policy, "XX-1"));
      }
    }
}

static void
test_differences (void)
{
  const CgModule *care = cg_module_for_kind (CG_KIND_CARE_HOME);
  const CgModule *child = cg_module_for_kind (CG_KIND_CHILD_WELFARE);
  const CgModule *rescue = cg_module_for_kind (CG_KIND_RESCUE_STATION);
  const CgModule *funeral = cg_module_for_kind (CG_KIND_FUNERAL_HOME);

  /* Who lives there. */
  g_assert_true (cg_module_has_person_kind (care, CG_PERSON_RESIDENT));
  g_assert_false (cg_module_has_person_kind (care, CG_PERSON_CHILD));
  g_assert_true (cg_module_has_person_kind (child, CG_PERSON_CHILD));
  g_assert_true (cg_module_has_person_kind (rescue, CG_PERSON_AID));
  g_assert_cmpuint (funeral->n_person_kinds, ==, 1);
  g_assert_null (funeral->residents_title);

  /* Policy defaults from rules.md: RS-6 floor is 30 days at full load. */
  {
    g_autoptr(CgPolicy) care_policy = cg_module_default_policy (care);
    g_autoptr(CgPolicy) rescue_policy = cg_module_default_policy (rescue);
    g_autoptr(CgPolicy) funeral_policy = cg_module_default_policy (funeral);

    g_assert_cmpint (cg_policy_get_int (care_policy, CG_POLICY_SUPPLY_FLOOR_DAYS), ==, 45);
    g_assert_cmpint (cg_policy_get_int (rescue_policy, CG_POLICY_SUPPLY_FLOOR_DAYS), ==, 30);
    g_assert_cmpint (cg_policy_get_int (care_policy, CG_POLICY_TEST_INTERVAL_DAYS), ==, 28);
    g_assert_cmpint (cg_policy_mourning_limit_hours (funeral_policy, CG_RISK_LOW), ==, 72);
    g_assert_true (cg_policy_applies (care_policy, "CH-5"));
    g_assert_false (cg_policy_applies (funeral_policy, "CH-5"));
  }

  g_assert_true (has_rule (care, "CH-5"));
  g_assert_false (has_rule (funeral, "CH-5"));
  g_assert_true (has_rule (funeral, "FH-7"));
  g_assert_true (has_rule (rescue, "RS-2"));
  g_assert_true (has_rule (child, "CW-4"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/module/lookup", test_lookup);
  g_test_add_func ("/module/differences", test_differences);

  return g_test_run ();
}
