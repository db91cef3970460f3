/* cg-supplies-chart.c — the days-of-supply chart of one item
 *
 * Kept apart from the page so that the tests can build the chart of a
 * forecast worked out by hand and check where the projection ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-supplies-chart.h"

/* Days shown past the run-out day, so that the line is seen reaching zero. */
#define DAYS_PAST_RUNOUT 3

static const double blue[3]   = { 0.21, 0.52, 0.89 };
static const double purple[3] = { 0.57, 0.25, 0.67 };

double
cg_supplies_whole_days (double days_of_supply)
{
  if (!isfinite (days_of_supply))
    return days_of_supply;

  /* 1e-9: 45 worked out as 44.999999999 is still 45 */
  return MAX (floor (days_of_supply + 1e-9), 0.0);
}

static void
add_day_label (CgChartData *data,
               const GDate *date)
{
  char label[8];

  g_snprintf (label, sizeof label, "%02d-%02d", g_date_get_month (date), g_date_get_day (date));
  cg_chart_data_add_x (data, label);
}

CgChartData *
cg_supplies_chart_new (const CgItemForecast *f,
                       const GArray         *points)
{
  const CgForecast *fc;
  CgChartData *data;
  CgChartSeries *series;
  CgChartSeries *projected = NULL;
  g_autofree char *floor_label = NULL;
  g_autofree char *target_label = NULL;
  double y_max;
  guint n, future = 0;
  GDate day;

  g_return_val_if_fail (f != NULL && f->item != NULL, NULL);
  g_return_val_if_fail (points != NULL, NULL);

  fc = &f->forecast;
  n = points->len;
  y_max = fc->target_days;

  data = cg_chart_data_new (CG_CHART_LINE, NULL, _("days"));
  /* Translators: chart title; %s is an item name */
  data->title = g_strdup_printf (_("%s: days of supply at peak use"), f->item->name);
  data->empty_text = g_strdup (_("No use to plan on in these days"));
  data->y_decimals = 0;

  series = cg_chart_data_add_series (data, _("Days of supply"), blue[0], blue[1], blue[2]);
  for (guint i = 0; i < n; i++)
    {
      const CgSupplyPoint *p = &g_array_index (points, CgSupplyPoint, i);

      add_day_label (data, &p->date);
      if (p->unlimited || !isfinite (p->days_of_supply))
        cg_chart_series_append (series, NAN);
      else
        {
          double days = cg_supplies_whole_days (p->days_of_supply);

          cg_chart_series_append (series, days);
          y_max = MAX (y_max, days);
        }
    }

  /* The projection: from today at the recent pace, until nothing is left. */
  if (n > 0 && !fc->unlimited && fc->peak_rate > 0 && fc->recent_rate > 0 && fc->runout_days >= 0)
    future = MIN ((guint) CG_SUPPLIES_CHART_FUTURE_DAYS, (guint) fc->runout_days + DAYS_PAST_RUNOUT);

  if (future > 0)
    {
      double on_hand = (double) MAX (fc->on_hand, 0);

      projected = cg_chart_data_add_series (data, _("Projected at the recent pace"),
                                            purple[0], purple[1], purple[2]);
      projected->dashed = TRUE;
      for (guint i = 0; i + 1 < n; i++)
        cg_chart_series_append (projected, NAN);
      /* it starts where the line ends: today */
      cg_chart_series_append (projected, cg_supplies_whole_days (on_hand / fc->peak_rate));

      day = f->date;
      for (guint t = 1; t <= future; t++)
        {
          double left = MAX (on_hand - fc->recent_rate * t, 0.0);

          g_date_add_days (&day, 1);
          add_day_label (data, &day);
          cg_chart_series_append (projected, cg_supplies_whole_days (left / fc->peak_rate));
        }

      if ((guint) fc->runout_days <= future)
        {
          g_autofree char *label = NULL;
          char when[8];

          day = f->date;
          g_date_add_days (&day, (guint) fc->runout_days);
          g_snprintf (when, sizeof when, "%02d-%02d", g_date_get_month (&day), g_date_get_day (&day));
          if (fc->runout_days == 0)
            /* nothing left today: the status says it, the mark too */
            label = g_strdup (cg_stock_status_label (CG_STOCK_OUT));
          else
            /* Translators: the mark on the supplies chart at the day the item
             * runs out at the recent pace; %s is a date such as "12-03" */
            label = g_strdup_printf (_("Runs out %s"), when);
          /* the middle of the day: where the line's points are */
          cg_chart_data_set_marker (data, (n - 1) + fc->runout_days + 0.5, label);
          cg_chart_data_set_marker_colour (data, 0.75, 0.11, 0.16);
        }
    }

  /* Translators: reference line of the supplies chart */
  floor_label = g_strdup_printf (_("Floor %d days"), fc->floor_days);
  /* Translators: reference line of the supplies chart */
  target_label = g_strdup_printf (_("Target %d days"), fc->target_days);
  cg_chart_data_add_line (data, floor_label, fc->floor_days, 0.75, 0.11, 0.16, TRUE);
  cg_chart_data_add_line (data, target_label, fc->target_days, 0.90, 0.53, 0.0, TRUE);
  data->y_min = 0;
  data->y_max = ceil (y_max * 1.1 / 10.0) * 10.0;

  return data;
}
