/* cg-module.c — looking up what an institution type is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-module.h"

const CgModule *
cg_module_for_kind (CgInstitutionKind kind)
{
  switch (kind)
    {
    case CG_KIND_CARE_HOME: return &cg_module_care_home;
    case CG_KIND_CHILD_WELFARE: return &cg_module_child_welfare;
    case CG_KIND_RESCUE_STATION: return &cg_module_rescue_station;
    case CG_KIND_FUNERAL_HOME: return &cg_module_funeral_home;
    case CG_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cg_module_has_person_kind (const CgModule *module,
                           CgPersonKind    kind)
{
  g_return_val_if_fail (module != NULL, FALSE);

  for (guint i = 0; i < module->n_person_kinds; i++)
    if (module->person_kinds[i] == kind)
      return TRUE;
  return FALSE;
}

CgPolicy *
cg_module_default_policy (const CgModule *module)
{
  g_return_val_if_fail (module != NULL, NULL);

  return cg_policy_new_defaults (module->kind, module->policy_overrides,
                                 module->n_policy_overrides, module->rules);
}

CgPolicy *
cg_module_load_policy (const CgModule  *module,
                       CgStore         *store,
                       GError         **error)
{
  g_autoptr(CgPolicy) policy = cg_module_default_policy (module);

  if (!cg_policy_load_changes (policy, store, error))
    return NULL;
  return g_steal_pointer (&policy);
}
