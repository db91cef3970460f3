/* cg-page-loader.c — how a page reads the store without freezing the
 * window (see cg-page-loader.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-date.h"
#include "cg-page-loader.h"

/* How long the store must be quiet before the page reads again. */
#define SETTLE_MS 200

struct _CgPageLoader
{
  GtkWidget               *page;     /* not owned: it owns us */
  CgStore                 *store;
  const CgModule          *module;
  const CgPageLoaderFuncs *funcs;
  GCancellable            *cancellable;
  gboolean                 loading;
  gboolean                 loaded;
  gboolean                 dirty;
  guint                    settle_id;
  GDate                    day;      /* of the last read that succeeded */
};

typedef struct
{
  char                    *path;
  const CgModule          *module;
  const CgPageLoaderFuncs *funcs;
  GDate                    today;
  gpointer                 input;
} Job;

static void
job_free (Job *job)
{
  if (job->input != NULL && job->funcs->input_free != NULL)
    job->funcs->input_free (job->input);
  g_free (job->path);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  gpointer output = NULL;

  store = cg_store_open (job->path, &error);
  if (store != NULL)
    policy = cg_module_load_policy (job->module, store, &error);
  if (policy != NULL)
    output = job->funcs->load (store, job->module, policy, &job->today, job->input, &error);
  if (output == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, CG_STORE_ERROR, CG_STORE_ERROR_FAILED, _("The data could not be read."));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, output, job->funcs->output_free);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CgPageLoader *loader = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer output;

  output = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: the page is going away and the loader with it. */
  if (output == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  loader->loading = FALSE;
  g_clear_object (&loader->cancellable);
  if (output != NULL)
    {
      loader->loaded = TRUE;
      loader->day = job->today;
    }
  loader->funcs->loaded (loader->page, output, error);
  if (loader->dirty && gtk_widget_get_mapped (loader->page))
    cg_page_loader_load (loader);
}

void
cg_page_loader_load (CgPageLoader *loader)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (loader != NULL);

  if (loader->loading)
    {
      loader->dirty = TRUE;
      return;
    }
  loader->dirty = FALSE;
  loader->loading = TRUE;
  loader->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->path = g_strdup (cg_store_get_path (loader->store));
  job->module = loader->module;
  job->funcs = loader->funcs;
  cg_date_today (&job->today);
  if (loader->funcs->input_new != NULL)
    job->input = loader->funcs->input_new (loader->page);
  if (loader->funcs->begin != NULL)
    loader->funcs->begin (loader->page, !loader->loaded);
  task = g_task_new (loader->page, loader->cancellable, on_loaded_cb, loader);
  g_task_set_source_tag (task, cg_page_loader_load);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
settle_cb (gpointer user_data)
{
  CgPageLoader *loader = user_data;

  loader->settle_id = 0;
  if (loader->funcs->settled != NULL)
    loader->funcs->settled (loader->page);
  if (gtk_widget_get_mapped (loader->page))
    cg_page_loader_load (loader);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (CgStore      *store,
                     const char   *table,
                     CgPageLoader *loader)
{
  loader->dirty = TRUE;
  if (loader->settle_id == 0)
    loader->settle_id = g_timeout_add (SETTLE_MS, settle_cb, loader);
}

CgPageLoader *
cg_page_loader_new (GtkWidget               *page,
                    CgStore                 *store,
                    const CgModule          *module,
                    const CgPageLoaderFuncs *funcs,
                    const char * const      *tables)
{
  CgPageLoader *loader;

  g_return_val_if_fail (GTK_IS_WIDGET (page) && CG_IS_STORE (store), NULL);
  g_return_val_if_fail (funcs != NULL && funcs->load != NULL && funcs->loaded != NULL, NULL);

  loader = g_new0 (CgPageLoader, 1);
  loader->page = page;
  loader->store = g_object_ref (store);
  loader->module = module;
  loader->funcs = funcs;
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    {
      g_autofree char *signal = g_strdup_printf ("changed::%s", tables[i]);

      g_signal_connect (store, signal, G_CALLBACK (on_store_changed_cb), loader);
    }
  return loader;
}

void
cg_page_loader_reload (CgPageLoader *loader)
{
  g_return_if_fail (loader != NULL);

  if (gtk_widget_get_mapped (loader->page))
    cg_page_loader_load (loader);
  else
    loader->dirty = TRUE;
}

void
cg_page_loader_mapped (CgPageLoader *loader)
{
  g_return_if_fail (loader != NULL);

  if (!loader->loaded || loader->dirty)
    cg_page_loader_load (loader);
}

void
cg_page_loader_mapped_daily (CgPageLoader *loader)
{
  GDate today;

  g_return_if_fail (loader != NULL);

  cg_date_today (&today);
  if (loader->loaded && g_date_compare (&today, &loader->day) != 0)
    cg_page_loader_load (loader);
  else
    cg_page_loader_mapped (loader);
}

gboolean
cg_page_loader_get_loaded (CgPageLoader *loader)
{
  g_return_val_if_fail (loader != NULL, FALSE);

  return loader->loaded;
}

void
cg_page_loader_free (CgPageLoader *loader)
{
  if (loader == NULL)
    return;
  if (loader->cancellable != NULL)
    g_cancellable_cancel (loader->cancellable);
  g_clear_object (&loader->cancellable);
  g_clear_handle_id (&loader->settle_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (loader->store, loader);
  g_clear_object (&loader->store);
  g_free (loader);
}
