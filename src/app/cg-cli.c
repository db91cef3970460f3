/* cg-cli.c — the command line: subcommands that never open a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "cg-audit.h"
#include "cg-cli.h"
#include "cg-daily-report.h"
#include "cg-period-report.h"
#include "cg-date.h"
#include "cg-demo.h"
#include "cg-forecast.h"
#include "cg-import.h"
#include "cg-institution.h"
#include "cg-module.h"
#include "cg-rules.h"
#include "cg-store.h"

typedef int (*CgCommandFunc) (CgStore *store, int argc, char **argv);

typedef struct
{
  const char    *name;
  const char    *synopsis;      /* untranslated: option names do not change */
  const char    *summary;       /* N_() */
  gboolean       needs_store;
  CgCommandFunc  func;
} CgCommand;

static int cmd_setup   (CgStore *store, int argc, char **argv);
static int cmd_import  (CgStore *store, int argc, char **argv);
static int cmd_demo    (CgStore *store, int argc, char **argv);
static int cmd_check   (CgStore *store, int argc, char **argv);
static int cmd_stock   (CgStore *store, int argc, char **argv);
static int cmd_report  (CgStore *store, int argc, char **argv);
static int cmd_backup  (CgStore *store, int argc, char **argv);
static int cmd_restore (CgStore *store, int argc, char **argv);

static const CgCommand commands[] = {
  { "setup", "setup --name N --type care-home|child-welfare|rescue-station|funeral-home --beds N [--district D] [--risk low|medium|high] [--director N] [--phone P]",
    N_("Create the institution profile"), TRUE, cmd_setup },
  { "import", "import REGISTER FILE.csv",
    N_("Import a register from a CSV file, whole or not at all"), TRUE, cmd_import },
  { "demo", "demo --size small|large [--type TYPE] [--seed N]",
    N_("Fill an empty database with a demonstration institution"), TRUE, cmd_demo },
  { "check", "check [--date D] [--json]",
    N_("Print the alerts of a day, with their rules and sources"), TRUE, cmd_check },
  { "stock", "stock [--date D] [--json]",
    N_("Print the supply forecast per item: days of supply, run-out date, order"), TRUE, cmd_stock },
  { "report", "report daily --date D -o FILE.xlsx",
    N_("Write the daily report (日报告 / 零报告) for the bureau"), TRUE, cmd_report },
  /* The usage lists both forms of `report`; the first entry runs them. */
  { "report", "report period --from D --to D -o FILE.xlsx",
    N_("Write the workbook of a period: a summary per day and every register"), TRUE, cmd_report },
  { "backup", "backup FILE",
    N_("Write a consistent copy of the database"), TRUE, cmd_backup },
  { "restore", "restore FILE",
    N_("Replace the database with a backup"), FALSE, cmd_restore },
};

static const CgCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

char *
cg_cli_take_db_option (int       *argc,
                       char     **argv,
                       gboolean  *usage_error)
{
  char *path = NULL;
  int out = 1;

  *usage_error = FALSE;
  for (int i = 1; i < *argc; i++)
    {
      if (g_strcmp0 (argv[i], "--db") == 0)
        {
          if (i + 1 >= *argc || *argv[i + 1] == '\0')
            {
              *usage_error = TRUE;
              continue;
            }
          g_free (path);
          path = g_strdup (argv[++i]);
          continue;
        }
      if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (path);
          path = g_strdup (argv[i] + strlen ("--db="));
          if (*path == '\0')
            *usage_error = TRUE;
          continue;
        }
      argv[out++] = argv[i];
    }
  argv[out] = NULL;
  *argc = out;
  return path;
}

gboolean
cg_cli_is_command (int    argc,
                   char **argv)
{
  return argc >= 2 && argv[1][0] != '-';
}

static void
print_usage (void)
{
  g_printerr ("%s\n", _("Usage: careguard [--db PATH] [COMMAND …]"));
  g_printerr ("%s\n", _("Without a command, CareGuard opens its window."));
  g_printerr ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  careguard %s\n      %s\n", commands[i].synopsis, _(commands[i].summary));
}

/* --name VALUE and --name=VALUE, from a fixed list of option names. */
typedef struct
{
  const char *name;
  char       *value;
} CgOption;

static gboolean
parse_options (int         argc,
               char      **argv,
               int         first,
               CgOption   *options,
               guint       n_options,
               GPtrArray  *positional)
{
  for (int i = first; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean matched = FALSE;

      if (!g_str_has_prefix (arg, "--"))
        {
          if (positional == NULL)
            {
              g_printerr (_("Unexpected argument: %s\n"), arg);
              return FALSE;
            }
          g_ptr_array_add (positional, (gpointer) arg);
          continue;
        }
      for (guint j = 0; j < n_options && !matched; j++)
        {
          gsize len = strlen (options[j].name);

          if (strncmp (arg + 2, options[j].name, len) != 0)
            continue;
          if (arg[2 + len] == '=')
            {
              g_free (options[j].value);
              options[j].value = g_strdup (arg + 3 + len);
              matched = TRUE;
            }
          else if (arg[2 + len] == '\0')
            {
              if (i + 1 >= argc)
                {
                  g_printerr (_("The option %s needs a value.\n"), arg);
                  return FALSE;
                }
              g_free (options[j].value);
              options[j].value = g_strdup (argv[++i]);
              matched = TRUE;
            }
        }
      if (!matched)
        {
          g_printerr (_("Unknown option: %s\n"), arg);
          return FALSE;
        }
    }
  return TRUE;
}

static void
clear_options (CgOption *options,
               guint     n_options)
{
  for (guint i = 0; i < n_options; i++)
    g_clear_pointer (&options[i].value, g_free);
}

static gboolean
parse_int (const char *text,
           int        *out)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static int
cmd_setup (CgStore  *store,
           int       argc,
           char    **argv)
{
  enum { O_NAME, O_TYPE, O_BEDS, O_DISTRICT, O_RISK, O_DIRECTOR, O_PHONE, N_O };
  CgOption options[N_O] = {
    { "name" }, { "type" }, { "beds" }, { "district" }, { "risk" }, { "director" }, { "phone" },
  };
  g_autoptr(CgInstitution) existing = NULL;
  g_autoptr(CgInstitution) inst = cg_institution_new ();
  g_autoptr(GError) error = NULL;
  int status = CG_EXIT_USAGE;
  int kind, risk = CG_RISK_LOW;

  if (!parse_options (argc, argv, 2, options, N_O, NULL))
    goto out;
  if (options[O_NAME].value == NULL || options[O_TYPE].value == NULL || options[O_BEDS].value == NULL)
    {
      g_printerr ("%s\n", _("setup needs --name, --type and --beds."));
      goto out;
    }
  kind = cg_institution_kind_from_string (options[O_TYPE].value);
  if (kind < 0)
    {
      g_printerr (_("Unknown institution type “%s”: use care-home, child-welfare, rescue-station or funeral-home.\n"),
                  options[O_TYPE].value);
      goto out;
    }
  if (options[O_RISK].value != NULL)
    {
      risk = cg_risk_level_from_string (options[O_RISK].value);
      if (risk < 0)
        {
          g_printerr (_("Unknown risk level “%s”: use low, medium or high.\n"), options[O_RISK].value);
          goto out;
        }
    }
  if (!parse_int (options[O_BEDS].value, &inst->beds))
    {
      g_printerr (_("--beds must be a whole number, not “%s”.\n"), options[O_BEDS].value);
      goto out;
    }

  status = CG_EXIT_REFUSED;
  existing = cg_institution_load (store, &error);
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      goto out;
    }
  if (existing != NULL)
    {
      g_printerr (_("This database already holds the institution “%s”; change it in the window’s preferences.\n"),
                  existing->name);
      goto out;
    }

  g_free (inst->name);
  inst->name = g_strdup (options[O_NAME].value);
  inst->kind = kind;
  inst->risk = risk;
  if (options[O_DISTRICT].value != NULL)
    {
      g_free (inst->district);
      inst->district = g_strdup (options[O_DISTRICT].value);
    }
  if (options[O_DIRECTOR].value != NULL)
    {
      g_free (inst->director);
      inst->director = g_strdup (options[O_DIRECTOR].value);
    }
  if (options[O_PHONE].value != NULL)
    {
      g_free (inst->phone);
      inst->phone = g_strdup (options[O_PHONE].value);
    }
  if (!cg_institution_create (store, inst, cg_audit_current_user (), &error))
    {
      g_printerr ("%s\n", error->message);
      goto out;
    }
  g_print (_("Created %s (%s, %d beds).\n"), inst->name,
           cg_institution_kind_label (inst->kind), inst->beds);
  status = CG_EXIT_OK;

out:
  clear_options (options, N_O);
  return status;
}

static int
cmd_import (CgStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(CgImport) import = NULL;
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;
  int reg;

  if (!parse_options (argc, argv, 2, NULL, 0, positional))
    return CG_EXIT_USAGE;
  if (positional->len != 2)
    {
      g_printerr ("%s\n", _("Usage: careguard import REGISTER FILE.csv"));
      return CG_EXIT_USAGE;
    }
  reg = cg_register_from_string (positional->pdata[0]);
  if (reg < 0)
    {
      g_printerr (_("Unknown register “%s”.\n"), (const char *) positional->pdata[0]);
      return CG_EXIT_USAGE;
    }
  inst = cg_institution_load (store, &error);
  if (inst == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : _("Set up the institution first (careguard setup …)."));
      return CG_EXIT_REFUSED;
    }
  if (!g_file_get_contents (positional->pdata[1], &data, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      return CG_EXIT_REFUSED;
    }
  import = cg_import_prepare (store, reg, data, len, &error);
  if (import == NULL)
    {
      g_printerr ("%s: %s\n", (const char *) positional->pdata[1], error->message);
      return CG_EXIT_REFUSED;
    }
  if (cg_import_get_problems (import)->len > 0)
    {
      g_autofree char *report = cg_import_format_problems (import);

      g_printerr ("%s", report);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u row has a problem: nothing was imported.\n",
                               "%u rows have problems: nothing was imported.\n",
                               cg_import_get_n_bad_rows (import)),
                  cg_import_get_n_bad_rows (import));
      return CG_EXIT_REFUSED;
    }
  for (guint i = 0; i < cg_import_get_unknown_columns (import)->len; i++)
    g_printerr (_("Column “%s” is not part of the template and was ignored.\n"),
                (const char *) cg_import_get_unknown_columns (import)->pdata[i]);
  if (!cg_import_commit (import, store, cg_audit_current_user (), &error))
    {
      g_printerr ("%s\n", error->message);
      return CG_EXIT_REFUSED;
    }
  g_print (_("Imported %u rows (%u new, %u updated).\n"),
           cg_import_get_n_rows (import), cg_import_get_n_new (import),
           cg_import_get_n_updated (import));
  return CG_EXIT_OK;
}

static int
cmd_demo (CgStore  *store,
          int       argc,
          char    **argv)
{
  enum { O_SIZE, O_TYPE, O_SEED, N_O };
  CgOption options[N_O] = { { "size" }, { "type" }, { "seed" } };
  g_autoptr(GError) error = NULL;
  int status = CG_EXIT_USAGE;
  int kind = CG_KIND_CARE_HOME;
  int seed = 20201104;   /* the date of 晋政民〔2020〕87号 */
  CgDemoSize size;
  GDate today;

  if (!parse_options (argc, argv, 2, options, N_O, NULL))
    goto out;
  if (g_strcmp0 (options[O_SIZE].value, "small") == 0)
    size = CG_DEMO_SMALL;
  else if (g_strcmp0 (options[O_SIZE].value, "large") == 0)
    size = CG_DEMO_LARGE;
  else
    {
      g_printerr ("%s\n", _("demo needs --size small or --size large."));
      goto out;
    }
  if (options[O_TYPE].value != NULL
      && (kind = cg_institution_kind_from_string (options[O_TYPE].value)) < 0)
    {
      g_printerr (_("Unknown institution type “%s”: use care-home, child-welfare, rescue-station or funeral-home.\n"),
                  options[O_TYPE].value);
      goto out;
    }
  if (options[O_SEED].value != NULL && !parse_int (options[O_SEED].value, &seed))
    {
      g_printerr (_("--seed must be a whole number, not “%s”.\n"), options[O_SEED].value);
      goto out;
    }

  status = CG_EXIT_REFUSED;
  cg_date_today (&today);
  if (!cg_demo_fill (store, size, kind, (guint32) seed, &today, &error))
    {
      g_printerr ("%s\n", error->message);
      goto out;
    }
  g_print (_("Demonstration data written to %s.\n"), cg_store_get_path (store));
  status = CG_EXIT_OK;

out:
  clear_options (options, N_O);
  return status;
}

/* --date D (default today); FALSE after printing why. */
static gboolean
parse_date_option (const char *text,
                   GDate      *out)
{
  if (text == NULL)
    {
      cg_date_today (out);
      return TRUE;
    }
  if (!cg_date_parse (text, out))
    {
      g_printerr (_("“%s” is not a date: use YYYY-MM-DD.\n"), text);
      return FALSE;
    }
  return TRUE;
}

/* The institution and its policy, or NULL after printing why. */
static CgPolicy *
load_policy (CgStore *store)
{
  g_autoptr(CgInstitution) inst = NULL;
  g_autoptr(GError) error = NULL;
  CgPolicy *policy;

  inst = cg_institution_load (store, &error);
  if (inst == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : _("Set up the institution first (careguard setup …)."));
      return NULL;
    }
  policy = cg_module_load_policy (cg_module_for_kind (inst->kind), store, &error);
  if (policy == NULL)
    g_printerr ("%s\n", error->message);
  return policy;
}

static int
cmd_check (CgStore  *store,
           int       argc,
           char    **argv)
{
  enum { O_DATE, N_O };
  CgOption options[N_O] = { { "date" } };
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status = CG_EXIT_USAGE;
  int out = 2;
  GDate date;

  /* --json is a flag: take it out before the options with values. */
  for (int i = 2; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--json") == 0)
        json = TRUE;
      else
        argv[out++] = argv[i];
    }
  argc = out;
  if (!parse_options (argc, argv, 2, options, N_O, NULL)
      || !parse_date_option (options[O_DATE].value, &date))
    goto done;

  status = CG_EXIT_REFUSED;
  policy = load_policy (store);
  if (policy == NULL)
    goto done;
  alerts = cg_rules_evaluate (store, policy, &date, &error);
  if (alerts == NULL)
    {
      g_printerr ("%s\n", error->message);
      goto done;
    }

  if (json)
    {
      g_autofree char *text = cg_alerts_to_json (alerts);

      g_print ("%s", text);
    }
  else
    {
      g_autofree char *day = cg_date_to_iso (&date);

      if (alerts->len == 0)
        g_print (_("%s: no alerts.\n"), day);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u alert\n", "%s: %u alerts\n", alerts->len),
                 day, alerts->len);
      for (guint i = 0; i < alerts->len; i++)
        {
          CgAlert *alert = alerts->pdata[i];

          g_print ("%-8s %-6s %s — %s\n         %s\n",
                   cg_severity_label (alert->severity), alert->rule, alert->subject,
                   alert->message, alert->source);
        }
    }
  status = CG_EXIT_OK;

done:
  clear_options (options, N_O);
  return status;
}

/* Terminal columns @text takes: two for each wide (CJK) character. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    right)
{
  guint used = display_width (text);
  guint pad = used < width ? width - used : 0;

  if (right)
    {
      for (guint i = 0; i < pad; i++)
        g_string_append_c (line, ' ');
      g_string_append (line, text);
    }
  else
    {
      g_string_append (line, text);
      for (guint i = 0; i < pad; i++)
        g_string_append_c (line, ' ');
    }
  g_string_append (line, "  ");
}

static char *
format_decimal (double value)
{
  return g_strdup_printf ("%.1f", value);
}

/* "2,720" for a whole quantity, "27.5" otherwise. */
static char *
format_amount (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return cg_stock_format_quantity ((gint64) round (value));
  return format_decimal (value);
}

static void
print_stock_table (GPtrArray   *forecasts,
                   const GDate *date)
{
  enum { C_ITEM, C_ON_HAND, C_PEAK30, C_PEAK_RATE, C_RECENT_RATE, C_DAYS, C_RUNOUT, C_ORDER, C_STATUS, N_C };
  const char *titles[N_C] = {
    _("Item"), _("On hand"), _("Peak 30 d"), _("Peak/day"), _("Recent/day"),
    _("Days"), _("Runs out"), _("Order"), _("Status"),
  };
  static const gboolean right[N_C] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, TRUE, FALSE };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *day = cg_date_to_iso (date);
  guint widths[N_C];
  const char *replenish = NULL;
  gboolean full_load = FALSE;

  for (guint c = 0; c < N_C; c++)
    widths[c] = display_width (titles[c]);

  for (guint i = 0; i < forecasts->len; i++)
    {
      CgItemForecast *item_forecast = forecasts->pdata[i];
      const CgForecast *f = &item_forecast->forecast;
      g_autofree char *on_hand = cg_stock_format_quantity (f->on_hand);
      char **cells = g_new0 (char *, N_C + 1);

      cells[C_ITEM] = g_strdup_printf ("%s (%s)", item_forecast->item->name, item_forecast->item->unit);
      cells[C_ON_HAND] = g_steal_pointer (&on_hand);
      cells[C_PEAK30] = f->peak_source == CG_PEAK_NONE ? g_strdup ("—") : format_amount (f->peak30);
      cells[C_PEAK_RATE] = format_decimal (f->peak_rate);
      cells[C_RECENT_RATE] = format_decimal (f->recent_rate);
      cells[C_DAYS] = f->unlimited ? g_strdup (_("unlimited")) : format_decimal (floor (f->days_of_supply * 10.0) / 10.0);
      cells[C_RUNOUT] = g_strdup (item_forecast->runout_date != NULL ? item_forecast->runout_date : "—");
      cells[C_ORDER] = cg_stock_format_quantity (f->suggested_order);
      cells[C_STATUS] = g_strdup (cg_stock_status_label (f->status));
      for (guint c = 0; c < N_C; c++)
        widths[c] = MAX (widths[c], display_width (cells[c]));
      g_ptr_array_add (rows, cells);
      replenish = item_forecast->next_replenishment;
      full_load = item_forecast->full_load;
    }

  if (forecasts->len == 0)
    {
      g_print (_("%s: no supply items registered.\n"), day);
      return;
    }
  g_print (full_load ? _("%s: protective supplies, days of supply at full-load peak use (floor %d, target %d days)\n")
                     : _("%s: protective supplies, days of supply at peak use (floor %d, target %d days)\n"),
           day, ((CgItemForecast *) forecasts->pdata[0])->forecast.floor_days,
           ((CgItemForecast *) forecasts->pdata[0])->forecast.target_days);
  for (guint r = 0; r <= rows->len; r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      const char * const *cells = r == 0 ? titles : (const char * const *) rows->pdata[r - 1];

      for (guint c = 0; c < N_C; c++)
        append_cell (line, cells[c], c == N_C - 1 ? 0 : widths[c], right[c]);
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
  g_print (_("Orders are for the next replenishment day, %s.\n"), replenish);
}

static int
cmd_stock (CgStore  *store,
           int       argc,
           char    **argv)
{
  enum { O_DATE, N_O };
  CgOption options[N_O] = { { "date" } };
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GPtrArray) forecasts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status = CG_EXIT_USAGE;
  int out = 2;
  GDate date;

  /* --json is a flag: take it out before the options with values. */
  for (int i = 2; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--json") == 0)
        json = TRUE;
      else
        argv[out++] = argv[i];
    }
  argc = out;
  if (!parse_options (argc, argv, 2, options, N_O, NULL)
      || !parse_date_option (options[O_DATE].value, &date))
    goto done;

  status = CG_EXIT_REFUSED;
  policy = load_policy (store);
  if (policy == NULL)
    goto done;
  forecasts = cg_stock_forecast_all (store, policy, &date, &error);
  if (forecasts == NULL)
    {
      g_printerr ("%s\n", error->message);
      goto done;
    }

  if (json)
    {
      g_autofree char *text = cg_item_forecasts_to_json (forecasts);

      g_print ("%s", text);
    }
  else
    print_stock_table (forecasts, &date);
  status = CG_EXIT_OK;

done:
  clear_options (options, N_O);
  return status;
}

static const char report_usage[] =
  N_("Usage: careguard report daily --date D -o FILE.xlsx\n"
     "       careguard report period --from D --to D -o FILE.xlsx");

/* report period --from D --to D -o FILE: a reversed range, a range
 * ending in the future or a date that is not one exit 1, not 2. */
static int
cmd_report_period (CgStore  *store,
                   int       argc,
                   char    **argv)
{
  enum { O_FROM, O_TO, O_OUTPUT, N_O };
  CgOption options[N_O] = { { "from" }, { "to" }, { "output" } };
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  int status = CG_EXIT_USAGE;
  int out = 3;
  GDate from, to;

  /* -o is the short form of --output. */
  for (int i = 3; i < argc; i++)
    argv[out++] = g_strcmp0 (argv[i], "-o") == 0 ? (char *) "--output" : argv[i];
  if (!parse_options (out, argv, 3, options, N_O, NULL))
    goto done;
  if (options[O_FROM].value == NULL || options[O_TO].value == NULL || options[O_OUTPUT].value == NULL)
    {
      g_printerr ("%s\n", _(report_usage));
      goto done;
    }

  status = CG_EXIT_REFUSED;
  if (!cg_date_parse (options[O_FROM].value, &from))
    {
      g_printerr (_("--from: “%s” is not a date: use YYYY-MM-DD.\n"), options[O_FROM].value);
      goto done;
    }
  if (!cg_date_parse (options[O_TO].value, &to))
    {
      g_printerr (_("--to: “%s” is not a date: use YYYY-MM-DD.\n"), options[O_TO].value);
      goto done;
    }
  if (!cg_period_report_check_range (&from, &to, &error))
    {
      g_printerr ("%s\n", error->message);
      goto done;
    }
  policy = load_policy (store);
  if (policy == NULL)
    goto done;
  if (!cg_period_report_write (store, policy, &from, &to, options[O_OUTPUT].value, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      goto done;
    }
  g_print (_("Period workbook written to %s.\n"), options[O_OUTPUT].value);
  status = CG_EXIT_OK;

done:
  clear_options (options, N_O);
  return status;
}

static int
cmd_report (CgStore  *store,
            int       argc,
            char    **argv)
{
  enum { O_DATE, O_OUTPUT, N_O };
  CgOption options[N_O] = { { "date" }, { "output" } };
  g_autoptr(CgPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  int status = CG_EXIT_USAGE;
  int out = 3;
  GDate date;

  if (argc >= 3 && g_strcmp0 (argv[2], "period") == 0)
    return cmd_report_period (store, argc, argv);
  if (argc < 3 || g_strcmp0 (argv[2], "daily") != 0)
    {
      g_printerr ("%s\n", _(report_usage));
      return CG_EXIT_USAGE;
    }
  /* -o is the short form of --output. */
  for (int i = 3; i < argc; i++)
    argv[out++] = g_strcmp0 (argv[i], "-o") == 0 ? (char *) "--output" : argv[i];
  if (!parse_options (out, argv, 3, options, N_O, NULL))
    goto done;
  if (options[O_DATE].value == NULL || options[O_OUTPUT].value == NULL)
    {
      g_printerr ("%s\n", _("Usage: careguard report daily --date D -o FILE.xlsx"));
      goto done;
    }
  if (!parse_date_option (options[O_DATE].value, &date))
    goto done;

  status = CG_EXIT_REFUSED;
  policy = load_policy (store);
  if (policy == NULL)
    goto done;
  if (!cg_daily_report_write (store, policy, &date, options[O_OUTPUT].value, &error))
    {
      g_printerr ("%s\n", error->message);
      goto done;
    }
  g_print (_("Daily report written to %s.\n"), options[O_OUTPUT].value);
  status = CG_EXIT_OK;

done:
  clear_options (options, N_O);
  return status;
}

static int
cmd_backup (CgStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("%s\n", _("Usage: careguard backup FILE"));
      return CG_EXIT_USAGE;
    }
  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s already exists: choose a new file name for the backup.\n"), argv[2]);
      return CG_EXIT_REFUSED;
    }
  if (!cg_store_backup (store, argv[2], &error))
    {
      g_printerr ("%s\n", error->message);
      return CG_EXIT_REFUSED;
    }
  g_print (_("Backup written to %s.\n"), argv[2]);
  return CG_EXIT_OK;
}

static int
cmd_restore (CgStore  *unused,
             int       argc,
             char    **argv)
{
  /* Handled in cg_cli_run: it needs the path, not an open store. */
  g_assert_not_reached ();
  return CG_EXIT_USAGE;
}

static int
run_restore (const char  *db_path,
             int          argc,
             char       **argv)
{
  g_autoptr(CgStore) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;

  if (argc != 3)
    {
      g_printerr ("%s\n", _("Usage: careguard restore FILE"));
      return CG_EXIT_USAGE;
    }
  if (!g_file_test (argv[2], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("%s does not exist.\n"), argv[2]);
      return CG_EXIT_REFUSED;
    }
  /* Opening the backup checks that it is a CareGuard database this version
   * can read, and brings it up to date before it replaces anything. */
  backup = cg_store_open (argv[2], &error);
  if (backup == NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return CG_EXIT_REFUSED;
    }
  tmp = g_strconcat (db_path, ".restoring", NULL);
  g_unlink (tmp);
  if (!cg_store_backup (backup, tmp, &error))
    {
      g_printerr ("%s\n", error->message);
      return CG_EXIT_REFUSED;
    }
  /* The old database's WAL must not be replayed over the restored file. */
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  if (g_rename (tmp, db_path) != 0)
    {
      int saved = errno;
      g_printerr (_("Cannot replace %s: %s\n"), db_path, g_strerror (saved));
      g_unlink (tmp);
      return CG_EXIT_REFUSED;
    }
  g_print (_("Database restored from %s.\n"), argv[2]);
  return CG_EXIT_OK;
}

int
cg_cli_run (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const CgCommand *command;

  command = find_command (argv[1]);
  if (command == NULL)
    {
      if (g_strcmp0 (argv[1], "help") != 0)
        g_printerr (_("Unknown command: %s\n"), argv[1]);
      print_usage ();
      return g_strcmp0 (argv[1], "help") == 0 ? CG_EXIT_OK : CG_EXIT_USAGE;
    }

  if (db_path == NULL)
    db_path = default_path = cg_store_default_path ();

  if (command->func == cmd_restore)
    return run_restore (db_path, argc, argv);

  store = cg_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return CG_EXIT_REFUSED;
    }
  return command->func (store, argc, argv);
}
