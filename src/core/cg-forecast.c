/* cg-forecast.c — how long the protective supplies last (CH-6, CW-4, FH-1, RS-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The choices rules.md leaves open, made once here:
 *
 * - An item's history starts on the day of its first movement (of any
 *   kind): days without use since then are days of no use.  The day
 *   forecast is the last day of the history; its uses count.
 * - peak30 is the largest use of 30 consecutive days; of equal windows the
 *   latest is the peak window.  While the history is shorter than 30 days
 *   it is the entered figure — or the use so far, when that is already
 *   larger, since 30 days hold at least as much — and without a figure the
 *   use per day so far × 30 (as the CDC calculator does with a few days).
 * - Rescue stations (RS-6) plan at full load: the peak rate is scaled by
 *   beds / the average number of people present (everyone but staff, as
 *   cg_people_present_on counts presence: from the arrival day, not on the
 *   leaving day) over the days the peak was taken from.  Never scaled
 *   down (a station over its beds plans on what it used), not scaled when
 *   nobody was registered present then, and an entered figure is taken as
 *   the full-load figure already.  The recent rate is not scaled: the
 *   run-out date is at today's pace.
 * - recent_rate is the use of the last 14 days (policy) / 14, or of the
 *   whole history / its days when it is shorter.
 * - The run-out date is the day the last unit goes at the recent rate:
 *   day + ⌈on_hand / recent_rate⌉ (the day itself when nothing is left).
 * - Replenishment days are every 15 days (policy) from the ledger's first
 *   receipt; the order suggested is for the next one, from today's stock.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-date.h"
#include "cg-forecast.h"
#include "cg-json.h"
#include "cg-rules.h"

/* Ratios of whole numbers that are whole (45.0 days) must compare as
 * whole: 44.999999 is not below a floor of 45. */
#define EPSILON 1e-9

/* A run-out date further than this is not a date anyone plans on. */
#define MAX_RUNOUT_DAYS 36525

const char *
cg_stock_status_to_string (CgStockStatus status)
{
  static const char * const ids[CG_N_STOCK_STATUSES] = { "ok", "below-target", "below-floor", "stock-out" };

  g_return_val_if_fail (status < CG_N_STOCK_STATUSES, NULL);
  return ids[status];
}

const char *
cg_stock_status_label (CgStockStatus status)
{
  switch (status)
    {
    case CG_STOCK_OK: return _("Enough");
    case CG_STOCK_BELOW_TARGET: return _("Below target");
    case CG_STOCK_BELOW_FLOOR: return _("Below floor");
    case CG_STOCK_OUT: return _("Out of stock");
    case CG_N_STOCK_STATUSES:
    default: g_return_val_if_reached ("");
    }
}

static double
snap (double value)
{
  double whole = round (value);

  return fabs (value - whole) < EPSILON ? whole : value;
}

void
cg_forecast_compute (const CgForecastInput *in,
                     CgForecast            *out)
{
  guint n;
  gint64 total = 0;
  double peak_denominator;
  guint window;

  g_return_if_fail (in != NULL && out != NULL);
  g_return_if_fail (in->n_days == 0 || in->use != NULL);

  n = in->n_days;
  memset (out, 0, sizeof *out);
  out->on_hand = in->on_hand;
  out->floor_days = in->floor_days;
  out->target_days = in->target_days;
  out->load_factor = 1.0;
  out->runout_days = -1;
  out->peak_source = CG_PEAK_NONE;

  for (guint i = 0; i < n; i++)
    total += in->use[i];

  if (n >= CG_FORECAST_PEAK_DAYS)
    {
      gint64 sum = 0, best;
      guint best_first = 0;

      for (guint i = 0; i < CG_FORECAST_PEAK_DAYS; i++)
        sum += in->use[i];
      best = sum;
      for (guint i = CG_FORECAST_PEAK_DAYS; i < n; i++)
        {
          sum += in->use[i] - in->use[i - CG_FORECAST_PEAK_DAYS];
          if (sum >= best)
            {
              best = sum;
              best_first = i - CG_FORECAST_PEAK_DAYS + 1;
            }
        }
      if (best > 0)
        {
          out->peak30 = (double) best;
          out->peak_source = CG_PEAK_HISTORY;
          out->peak_first = best_first;
          out->peak_days = CG_FORECAST_PEAK_DAYS;
        }
    }
  else if (in->peak30_override > 0)
    {
      out->peak30 = (double) MAX (in->peak30_override, total);
      out->peak_source = CG_PEAK_ENTERED;
      out->peak_days = n;
    }
  else if (total > 0)
    {
      out->peak30 = (double) total * CG_FORECAST_PEAK_DAYS / n;
      out->peak_source = CG_PEAK_EXTRAPOLATED;
      out->peak_days = n;
    }

  /* RS-6: at full load. */
  if (in->occupancy != NULL && in->beds > 0 && out->peak_days > 0
      && (out->peak_source == CG_PEAK_HISTORY || out->peak_source == CG_PEAK_EXTRAPOLATED))
    {
      double present = 0.0;

      for (guint i = out->peak_first; i < out->peak_first + out->peak_days; i++)
        present += in->occupancy[i];
      present /= out->peak_days;
      if (present > EPSILON && in->beds > present)
        out->load_factor = in->beds / present;
    }

  peak_denominator = out->peak30 * out->load_factor;
  out->peak_rate = peak_denominator / CG_FORECAST_PEAK_DAYS;
  out->unlimited = !(out->peak_rate > 0.0);

  window = (guint) MAX (1, in->recent_window_days);
  window = MIN (window, n);
  if (window > 0)
    {
      gint64 recent = 0;

      for (guint i = n - window; i < n; i++)
        recent += in->use[i];
      out->recent_rate = (double) recent / window;
      if (recent > 0)
        {
          double days = snap ((double) MAX (in->on_hand, 0) * window / recent);

          out->runout_days = days >= MAX_RUNOUT_DAYS ? MAX_RUNOUT_DAYS : (int) ceil (days);
        }
    }

  if (out->unlimited)
    {
      out->status = CG_STOCK_OK;
      return;
    }

  out->days_of_supply = snap ((double) in->on_hand * CG_FORECAST_PEAK_DAYS / peak_denominator);
  if (in->on_hand <= 0)
    out->status = CG_STOCK_OUT;
  else if (out->days_of_supply < in->floor_days)
    out->status = CG_STOCK_BELOW_FLOOR;
  else if (out->days_of_supply < in->target_days)
    out->status = CG_STOCK_BELOW_TARGET;
  else
    out->status = CG_STOCK_OK;

  {
    double need = snap ((double) in->target_days * peak_denominator / CG_FORECAST_PEAK_DAYS - in->on_hand);
    gint64 pack = MAX (in->pack_size, 1);

    if (need > 0.0)
      {
        gint64 units = (gint64) ceil (need);

        out->suggested_order = (units + pack - 1) / pack * pack;
      }
  }
}

void
cg_forecast_next_replenishment (const GDate *anchor,
                                const GDate *date,
                                int          every_days,
                                GDate       *out)
{
  guint32 from, to, steps;

  g_return_if_fail (date != NULL && g_date_valid (date) && out != NULL);

  *out = *date;
  if (anchor == NULL || !g_date_valid (anchor))
    return;
  if (g_date_compare (date, anchor) <= 0)
    {
      *out = *anchor;
      return;
    }
  every_days = MAX (every_days, 1);
  from = g_date_get_julian (anchor);
  to = g_date_get_julian (date);
  steps = (to - from + (guint32) every_days - 1) / (guint32) every_days;
  g_date_set_julian (out, from + steps * (guint32) every_days);
}

/* ---------------------------------------------------------------------- */
/* From the store                                                          */

void
cg_item_forecast_free (CgItemForecast *forecast)
{
  if (forecast == NULL)
    return;
  cg_stock_item_free (forecast->item);
  g_free (forecast->runout_date);
  g_free (forecast->next_replenishment);
  g_free (forecast);
}

/* An item's ledger as days: use and on hand at the end of each day from
 * the first movement to @last. */
typedef struct
{
  GDate   first;      /* invalid when the item has no movement up to @last */
  guint   n_days;
  gint64 *use;
  gint64 *on_hand;
} History;

static void
history_clear (History *history)
{
  g_clear_pointer (&history->use, g_free);
  g_clear_pointer (&history->on_hand, g_free);
}

static gboolean
load_history (CgStore      *store,
              gint64        item_id,
              const GDate  *last,
              History      *history,
              GError      **error)
{
  g_autofree char *last_day = cg_date_to_iso (last);
  sqlite3_stmt *stmt;
  guint32 first_julian = 0;
  gint64 balance = 0;
  guint filled = 0;
  int rc;

  memset (history, 0, sizeof *history);
  g_date_clear (&history->first, 1);

  stmt = cg_store_prepare (store,
                           "SELECT occurred_on, kind, delta FROM stock_movement "
                           "WHERE item_id = ? AND occurred_on <= ? ORDER BY occurred_on, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  cg_bind_text (stmt, 2, last_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      gint64 delta = sqlite3_column_int64 (stmt, 2);
      GDate day;
      guint index;

      if (!cg_date_parse ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;
      if (!g_date_valid (&history->first))
        {
          history->first = day;
          first_julian = g_date_get_julian (&day);
          history->n_days = g_date_get_julian (last) - first_julian + 1;
          history->use = g_new0 (gint64, history->n_days);
          history->on_hand = g_new0 (gint64, history->n_days);
        }
      index = g_date_get_julian (&day) - first_julian;
      /* Days with no movement keep the balance of the day before. */
      for (; filled < index; filled++)
        history->on_hand[filled] = balance;
      balance += delta;
      history->on_hand[index] = balance;
      if (g_strcmp0 (kind, "use") == 0)
        history->use[index] += -delta;
      else if (g_strcmp0 (kind, "count") == 0 && delta < 0)
        /* What a count finds missing was used without being written down. */
        history->use[index] += -delta;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      history_clear (history);
      return FALSE;
    }
  for (; filled < history->n_days; filled++)
    history->on_hand[filled] = balance;
  return TRUE;
}

/* What every item's forecast of one day shares. */
typedef struct
{
  CgStore        *store;
  const CgPolicy *policy;
  GDate           date;
  GDate           anchor;       /* the ledger's first receipt, or invalid */
  GDate           replenish;    /* the next replenishment day */
  int             beds;         /* rescue stations only, else 0 */
  GDate           occupancy_first;
  double         *occupancy;    /* people present per day from occupancy_first to date */
  guint           n_occupancy;
} Context;

static void
context_clear (Context *context)
{
  g_clear_pointer (&context->occupancy, g_free);
}

/* People present each day (everyone but staff), from @first to the day. */
static gboolean
load_occupancy (Context      *context,
                const GDate  *first,
                GError      **error)
{
  sqlite3_stmt *stmt;
  guint32 from, to;
  int *change;
  int present = 0;
  int rc;

  from = g_date_get_julian (first);
  to = g_date_get_julian (&context->date);
  context->occupancy_first = *first;
  context->n_occupancy = to - from + 1;
  context->occupancy = g_new0 (double, context->n_occupancy);
  change = g_new0 (int, context->n_occupancy + 1);

  stmt = cg_store_prepare (context->store,
                           "SELECT arrived_on, left_on FROM person WHERE kind <> 'staff'", error);
  if (stmt == NULL)
    {
      g_free (change);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate arrived, left;
      guint32 start, end;

      if (!cg_date_parse ((const char *) sqlite3_column_text (stmt, 0), &arrived))
        continue;
      start = MAX (g_date_get_julian (&arrived), from);
      /* Present from the arrival day; the leaving day no longer counts. */
      end = to + 1;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL
          && cg_date_parse ((const char *) sqlite3_column_text (stmt, 1), &left))
        end = MIN (g_date_get_julian (&left), end);
      if (start >= end)
        continue;
      change[start - from]++;
      change[end - from]--;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (context->store, error, rc);
      g_free (change);
      return FALSE;
    }
  for (guint i = 0; i < context->n_occupancy; i++)
    {
      present += change[i];
      context->occupancy[i] = present;
    }
  g_free (change);
  return TRUE;
}

static gboolean
context_init (Context         *context,
              CgStore         *store,
              const CgPolicy  *policy,
              const GDate     *date,
              GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (context, 0, sizeof *context);
  context->store = store;
  context->policy = policy;
  context->date = *date;
  g_date_clear (&context->anchor, 1);

  stmt = cg_store_prepare (store, "SELECT min(occurred_on) FROM stock_movement WHERE kind = 'receipt'", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    cg_date_parse ((const char *) sqlite3_column_text (stmt, 0), &context->anchor);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }
  cg_forecast_next_replenishment (&context->anchor, date,
                                  cg_policy_get_int (policy, CG_POLICY_REPLENISH_EVERY_DAYS),
                                  &context->replenish);

  if (cg_policy_get_kind (policy) == CG_KIND_RESCUE_STATION)
    {
      g_autoptr(CgInstitution) inst = NULL;
      GError *local_error = NULL;
      GDate first;

      inst = cg_institution_load (store, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      context->beds = inst != NULL ? inst->beds : 0;

      /* Presence from the first movement of any item. */
      g_date_clear (&first, 1);
      stmt = cg_store_prepare (store, "SELECT min(occurred_on) FROM stock_movement", error);
      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        cg_date_parse ((const char *) sqlite3_column_text (stmt, 0), &first);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          cg_store_set_error (store, error, rc);
          return FALSE;
        }
      if (!g_date_valid (&first) || g_date_compare (&first, date) > 0)
        first = *date;
      if (!load_occupancy (context, &first, error))
        return FALSE;
    }
  return TRUE;
}

/* The input of the formula for the first @n_days of @history. */
static void
make_input (Context            *context,
            const CgStockItem  *item,
            const History      *history,
            guint               n_days,
            CgForecastInput    *in)
{
  const CgPolicy *policy = context->policy;

  memset (in, 0, sizeof *in);
  in->use = history->use;
  in->n_days = n_days;
  in->on_hand = n_days > 0 ? history->on_hand[n_days - 1] : 0;
  in->peak30_override = item->peak30_override;
  in->pack_size = item->pack_size;
  in->floor_days = cg_policy_get_int (policy, CG_POLICY_SUPPLY_FLOOR_DAYS);
  in->target_days = cg_policy_get_int (policy, CG_POLICY_SUPPLY_TARGET_DAYS);
  in->recent_window_days = cg_policy_get_int (policy, CG_POLICY_RECENT_WINDOW_DAYS);

  if (context->occupancy != NULL && n_days > 0)
    {
      guint offset = g_date_get_julian (&history->first) - g_date_get_julian (&context->occupancy_first);

      in->occupancy = context->occupancy + offset;
      in->beds = context->beds;
    }
}

static CgItemForecast *
forecast_item (Context            *context,
               const CgStockItem  *item,
               GError            **error)
{
  CgItemForecast *result;
  CgForecastInput in;
  History history;

  if (!load_history (context->store, item->id, &context->date, &history, error))
    return NULL;
  make_input (context, item, &history, history.n_days, &in);

  result = g_new0 (CgItemForecast, 1);
  result->item = cg_stock_item_copy (item);
  result->date = context->date;
  cg_forecast_compute (&in, &result->forecast);
  history_clear (&history);

  if (result->forecast.runout_days >= 0)
    {
      GDate runout = context->date;

      g_date_add_days (&runout, (guint) result->forecast.runout_days);
      result->runout_date = cg_date_to_iso (&runout);
    }
  result->next_replenishment = cg_date_to_iso (&context->replenish);
  result->full_load = cg_policy_get_kind (context->policy) == CG_KIND_RESCUE_STATION;
  return result;
}

GPtrArray *
cg_stock_forecast_all (CgStore         *store,
                       const CgPolicy  *policy,
                       const GDate     *date,
                       GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) forecasts = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_item_forecast_free);
  Context context;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && date != NULL && g_date_valid (date), NULL);

  items = cg_stock_items_list (store, FALSE, error);
  if (items == NULL)
    return NULL;
  if (!context_init (&context, store, policy, date, error))
    {
      context_clear (&context);
      return NULL;
    }
  for (guint i = 0; i < items->len; i++)
    {
      CgItemForecast *forecast = forecast_item (&context, items->pdata[i], error);

      if (forecast == NULL)
        {
          context_clear (&context);
          return NULL;
        }
      g_ptr_array_add (forecasts, forecast);
    }
  context_clear (&context);
  return g_steal_pointer (&forecasts);
}

CgItemForecast *
cg_stock_forecast_item (CgStore         *store,
                        const CgPolicy  *policy,
                        gint64           item_id,
                        const GDate     *date,
                        GError         **error)
{
  g_autoptr(CgStockItem) item = NULL;
  CgItemForecast *forecast = NULL;
  Context context;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && date != NULL && g_date_valid (date), NULL);

  item = cg_stock_item_load (store, item_id, error);
  if (item == NULL)
    return NULL;
  if (context_init (&context, store, policy, date, error))
    forecast = forecast_item (&context, item, error);
  context_clear (&context);
  return forecast;
}

gboolean
cg_stock_next_replenishment (CgStore         *store,
                             const CgPolicy  *policy,
                             const GDate     *date,
                             GDate           *out,
                             GError         **error)
{
  Context context;
  gboolean ok;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && out != NULL, FALSE);

  ok = context_init (&context, store, policy, date, error);
  if (ok)
    *out = context.replenish;
  context_clear (&context);
  return ok;
}

GPtrArray *
cg_stock_order_list (CgStore         *store,
                     const CgPolicy  *policy,
                     const GDate     *date,
                     GDate           *day_out,
                     GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *orders;

  all = cg_stock_forecast_all (store, policy, date, error);
  if (all == NULL)
    return NULL;
  if (day_out != NULL && !cg_stock_next_replenishment (store, policy, date, day_out, error))
    return NULL;

  orders = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_item_forecast_free);
  for (guint i = 0; i < all->len; i++)
    {
      CgItemForecast *forecast = all->pdata[i];

      if (forecast->forecast.suggested_order > 0)
        g_ptr_array_add (orders, g_steal_pointer (&all->pdata[i]));
    }
  return orders;
}

GArray *
cg_stock_forecast_series (CgStore         *store,
                          const CgPolicy  *policy,
                          gint64           item_id,
                          const GDate     *from,
                          const GDate     *to,
                          GError         **error)
{
  g_autoptr(CgStockItem) item = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (CgSupplyPoint));
  Context context;
  History history;
  guint32 first_julian, day;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL && from != NULL && to != NULL, NULL);

  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&points);
  item = cg_stock_item_load (store, item_id, error);
  if (item == NULL)
    return NULL;
  if (!context_init (&context, store, policy, to, error))
    {
      context_clear (&context);
      return NULL;
    }
  if (!load_history (store, item_id, to, &history, error))
    {
      context_clear (&context);
      return NULL;
    }

  first_julian = g_date_valid (&history.first) ? g_date_get_julian (&history.first) : G_MAXUINT32;
  for (day = g_date_get_julian (from); day <= g_date_get_julian (to); day++)
    {
      CgSupplyPoint point = { 0 };
      CgForecastInput in;
      CgForecast forecast;
      guint n_days = day >= first_julian ? day - first_julian + 1 : 0;

      g_date_set_julian (&point.date, day);
      make_input (&context, item, &history, n_days, &in);
      cg_forecast_compute (&in, &forecast);
      point.on_hand = forecast.on_hand;
      point.days_of_supply = forecast.days_of_supply;
      point.unlimited = forecast.unlimited;
      point.peak_rate = forecast.peak_rate;
      point.status = forecast.status;
      g_array_append_val (points, point);
    }
  history_clear (&history);
  context_clear (&context);
  return g_steal_pointer (&points);
}

/* ---------------------------------------------------------------------- */
/* JSON                                                                    */

static void
append_number (GString    *out,
               const char *key,
               double      value,
               int         decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *end;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  /* 33.3333, 45, 1.5: no trailing zeros */
  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  g_string_append (out, ", ");
  cg_json_append_string (out, key);
  g_string_append_printf (out, ": %s", buffer);
}

static void
append_null (GString    *out,
             const char *key)
{
  g_string_append (out, ", ");
  cg_json_append_string (out, key);
  g_string_append (out, ": null");
}

char *
cg_item_forecasts_to_json (GPtrArray *forecasts)
{
  GString *out = g_string_new ("[");

  g_return_val_if_fail (forecasts != NULL, NULL);

  for (guint i = 0; i < forecasts->len; i++)
    {
      CgItemForecast *item_forecast = forecasts->pdata[i];
      const CgForecast *f = &item_forecast->forecast;

      g_string_append (out, i == 0 ? "\n  {" : ",\n  {");
      cg_json_append_member (out, "item", item_forecast->item->name, TRUE);
      cg_json_append_member (out, "unit", item_forecast->item->unit, FALSE);
      append_number (out, "on_hand", (double) f->on_hand, 0);
      append_number (out, "peak30", f->peak30, 2);
      append_number (out, "peak_rate", f->peak_rate, 4);
      append_number (out, "recent_rate", f->recent_rate, 4);
      if (f->unlimited)
        append_null (out, "days_of_supply");
      else
        /* Cut, not rounded: 44.996 days is below a floor of 45 and must
         * not read 45. */
        append_number (out, "days_of_supply", floor (f->days_of_supply * 100.0) / 100.0, 2);
      append_number (out, "floor_days", f->floor_days, 0);
      append_number (out, "target_days", f->target_days, 0);
      if (item_forecast->runout_date != NULL && !f->unlimited)
        cg_json_append_member (out, "runout_date", item_forecast->runout_date, FALSE);
      else
        append_null (out, "runout_date");
      append_number (out, "suggested_order", (double) f->suggested_order, 0);
      cg_json_append_member (out, "status", cg_stock_status_to_string (f->status), FALSE);
      g_string_append_c (out, '}');
    }
  g_string_append (out, forecasts->len > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Rules                                                                   */

static const char * const supply_rules[] = { "CH-6", "CW-4", "FH-1", "RS-6" };

/* "40" or "40.5" (a day's use). */
static char *
format_rate (double rate)
{
  if (fabs (rate - round (rate)) < 0.05)
    return cg_stock_format_quantity ((gint64) round (rate));
  return g_strdup_printf ("%.1f", rate);
}

static char *
supply_message (const CgItemForecast *item_forecast)
{
  const CgForecast *f = &item_forecast->forecast;
  const CgStockItem *item = item_forecast->item;
  g_autofree char *on_hand = cg_stock_format_quantity (f->on_hand);
  g_autofree char *order = cg_stock_format_quantity (f->suggested_order);
  g_autofree char *rate = format_rate (f->peak_rate);
  g_autofree char *message = NULL;
  int days = (int) floor (f->days_of_supply);

  switch (f->status)
    {
    case CG_STOCK_OUT:
      message = g_strdup_printf (item_forecast->full_load
                                 ? _("None on hand, with a full-load peak use of %s %s a day: order %s %s at once (target %d days).")
                                 : _("None on hand, with a peak use of %s %s a day: order %s %s at once (target %d days)."),
                                 rate, item->unit, order, item->unit, f->target_days);
      break;
    case CG_STOCK_BELOW_FLOOR:
      message = g_strdup_printf (item_forecast->full_load
                                 ? g_dngettext (GETTEXT_PACKAGE,
                                                "%s %s on hand = %d day at full-load peak use (floor %d, target %d): order %s %s now; the next replenishment day is %s.",
                                                "%s %s on hand = %d days at full-load peak use (floor %d, target %d): order %s %s now; the next replenishment day is %s.",
                                                (gulong) days)
                                 : g_dngettext (GETTEXT_PACKAGE,
                                                "%s %s on hand = %d day at peak use (floor %d, target %d): order %s %s now; the next replenishment day is %s.",
                                                "%s %s on hand = %d days at peak use (floor %d, target %d): order %s %s now; the next replenishment day is %s.",
                                                (gulong) days),
                                 on_hand, item->unit, days, f->floor_days, f->target_days,
                                 order, item->unit, item_forecast->next_replenishment);
      break;
    case CG_STOCK_BELOW_TARGET:
      message = g_strdup_printf (item_forecast->full_load
                                 ? g_dngettext (GETTEXT_PACKAGE,
                                                "%s %s on hand = %d day at full-load peak use (target %d): order %s %s by the replenishment day, %s.",
                                                "%s %s on hand = %d days at full-load peak use (target %d): order %s %s by the replenishment day, %s.",
                                                (gulong) days)
                                 : g_dngettext (GETTEXT_PACKAGE,
                                                "%s %s on hand = %d day at peak use (target %d): order %s %s by the replenishment day, %s.",
                                                "%s %s on hand = %d days at peak use (target %d): order %s %s by the replenishment day, %s.",
                                                (gulong) days),
                                 on_hand, item->unit, days, f->target_days,
                                 order, item->unit, item_forecast->next_replenishment);
      break;
    case CG_STOCK_OK:
    case CG_N_STOCK_STATUSES:
    default:
      return NULL;
    }

  if (f->status != CG_STOCK_OUT && item_forecast->runout_date != NULL)
    {
      g_autofree char *runout = g_strdup_printf (_("At the recent pace it runs out on %s."),
                                                 item_forecast->runout_date);

      return g_strconcat (message, " ", runout, NULL);
    }
  return g_steal_pointer (&message);
}

gboolean
cg_stock_evaluate_rules (CgStore         *store,
                         const CgPolicy  *policy,
                         const GDate     *date,
                         GPtrArray       *alerts,
                         GError         **error)
{
  g_autoptr(GPtrArray) forecasts = NULL;
  g_autofree char *day = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && date != NULL && alerts != NULL, FALSE);

  for (guint r = 0; r < G_N_ELEMENTS (supply_rules); r++)
    any |= cg_policy_applies (policy, supply_rules[r]);
  if (!any)
    return TRUE;

  forecasts = cg_stock_forecast_all (store, policy, date, error);
  if (forecasts == NULL)
    return FALSE;
  day = cg_date_to_iso (date);

  for (guint r = 0; r < G_N_ELEMENTS (supply_rules); r++)
    {
      if (!cg_policy_applies (policy, supply_rules[r]))
        continue;
      for (guint i = 0; i < forecasts->len; i++)
        {
          CgItemForecast *item_forecast = forecasts->pdata[i];
          char *message = supply_message (item_forecast);
          CgAlert *alert;

          if (message == NULL)
            continue;
          alert = g_new0 (CgAlert, 1);
          alert->rule = g_strdup (supply_rules[r]);
          switch (item_forecast->forecast.status)
            {
            case CG_STOCK_OUT: alert->severity = CG_SEVERITY_CRITICAL; break;
            case CG_STOCK_BELOW_FLOOR: alert->severity = CG_SEVERITY_WARNING; break;
            case CG_STOCK_BELOW_TARGET:
            case CG_STOCK_OK:
            case CG_N_STOCK_STATUSES:
            default: alert->severity = CG_SEVERITY_INFO; break;
            }
          alert->subject = g_strdup (item_forecast->item->name);
          alert->record_kind = g_strdup ("stock_item");
          alert->record_id = item_forecast->item->id;
          alert->message = message;
          alert->source = cg_rule_source_for (supply_rules[r], cg_policy_get_kind (policy));
          alert->date = g_strdup (day);
          g_ptr_array_add (alerts, alert);
        }
    }
  return TRUE;
}
