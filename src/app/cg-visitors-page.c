/* cg-visitors-page.c — the gate: visitor check-in and check-out, the register, co-presence (ALL-4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-visitors-page.h"

struct _CgVisitorsPage
{
  AdwBin          parent_instance;
  CgStore        *store;
  const CgModule *module;
};

G_DEFINE_FINAL_TYPE (CgVisitorsPage, cg_visitors_page, ADW_TYPE_BIN)

static void
cg_visitors_page_dispose (GObject *object)
{
  CgVisitorsPage *self = CG_VISITORS_PAGE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_visitors_page_parent_class)->dispose (object);
}

static void
cg_visitors_page_class_init (CgVisitorsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_visitors_page_dispose;
}

static void
cg_visitors_page_init (CgVisitorsPage *self)
{
}

GtkWidget *
cg_visitors_page_new (CgStore        *store,
                   const CgModule *module)
{
  CgVisitorsPage *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  self = g_object_new (CG_TYPE_VISITORS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->module = module;
  return GTK_WIDGET (self);
}
