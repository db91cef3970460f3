/* cg-hygiene-page.c — the disinfection log and training sessions and drills (ALL-7, ALL-8, FH-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-hygiene-page.h"

struct _CgHygienePage
{
  AdwBin          parent_instance;
  CgStore        *store;
  const CgModule *module;
};

G_DEFINE_FINAL_TYPE (CgHygienePage, cg_hygiene_page, ADW_TYPE_BIN)

static void
cg_hygiene_page_dispose (GObject *object)
{
  CgHygienePage *self = CG_HYGIENE_PAGE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_hygiene_page_parent_class)->dispose (object);
}

static void
cg_hygiene_page_class_init (CgHygienePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_hygiene_page_dispose;
}

static void
cg_hygiene_page_init (CgHygienePage *self)
{
}

GtkWidget *
cg_hygiene_page_new (CgStore        *store,
                   const CgModule *module)
{
  CgHygienePage *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  self = g_object_new (CG_TYPE_HYGIENE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->module = module;
  return GTK_WIDGET (self);
}
