/* cg-rooms-page.c — observation and isolation rooms, stays and entry screening (ALL-5, ALL-6, RS-1/2/3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-rooms-page.h"

struct _CgRoomsPage
{
  AdwBin          parent_instance;
  CgStore        *store;
  const CgModule *module;
};

G_DEFINE_FINAL_TYPE (CgRoomsPage, cg_rooms_page, ADW_TYPE_BIN)

static void
cg_rooms_page_dispose (GObject *object)
{
  CgRoomsPage *self = CG_ROOMS_PAGE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (cg_rooms_page_parent_class)->dispose (object);
}

static void
cg_rooms_page_class_init (CgRoomsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_rooms_page_dispose;
}

static void
cg_rooms_page_init (CgRoomsPage *self)
{
}

GtkWidget *
cg_rooms_page_new (CgStore        *store,
                   const CgModule *module)
{
  CgRoomsPage *self;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  self = g_object_new (CG_TYPE_ROOMS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->module = module;
  return GTK_WIDGET (self);
}
