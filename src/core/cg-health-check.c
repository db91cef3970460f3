/* cg-health-check.c — daily temperature and symptom checks (ALL-1/2/3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-health-check.h"

static const char * const symptom_ids[CG_N_SYMPTOMS] = {
  "fever", "dry_cough", "cough", "sore_throat", "diarrhea", "fatigue",
};
/* The template's words (interfaces.md), not translations. */
static const char * const symptom_zh[CG_N_SYMPTOMS] = {
  "发热", "干咳", "咳嗽", "咽痛", "腹泻", "乏力",
};
static const char * const symptom_labels[CG_N_SYMPTOMS] = {
  N_("Fever"), N_("Dry cough"), N_("Cough"), N_("Sore throat"), N_("Diarrhoea"), N_("Fatigue"),
};

const char *
cg_symptom_to_string (guint index)
{
  g_return_val_if_fail (index < CG_N_SYMPTOMS, NULL);
  return symptom_ids[index];
}

static const char * const health_code_ids[CG_N_HEALTH_CODES] = {
  "green", "yellow", "orange", "red", "none",
};
static const char * const health_code_words[CG_N_HEALTH_CODES][3] = {
  { "绿码", "绿", "綠碼" },
  { "黄码", "黄", "黃碼" },
  { "橙码", "橙", "橙碼" },
  { "红码", "红", "紅碼" },
  { "无", "无码", "無" },
};
static const char * const health_code_labels[CG_N_HEALTH_CODES] = {
  N_("Green"), N_("Yellow"), N_("Orange"), N_("Red"), N_("No code"),
};

const char *
cg_health_code_to_string (CgHealthCode code)
{
  g_return_val_if_fail (code < CG_N_HEALTH_CODES, NULL);
  return health_code_ids[code];
}

int
cg_health_code_from_string (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return -1;
  folded = g_utf8_strdown (text, -1);
  g_strstrip (folded);
  for (int c = 0; c < CG_N_HEALTH_CODES; c++)
    {
      if (g_str_equal (folded, health_code_ids[c]))
        return c;
      for (guint w = 0; w < G_N_ELEMENTS (health_code_words[c]); w++)
        if (g_str_equal (folded, health_code_words[c][w]))
          return c;
    }
  return -1;
}

const char *
cg_health_code_label (CgHealthCode code)
{
  g_return_val_if_fail (code < CG_N_HEALTH_CODES, NULL);
  return _(health_code_labels[code]);
}

const char *
cg_symptom_label (guint index)
{
  g_return_val_if_fail (index < CG_N_SYMPTOMS, NULL);
  return _(symptom_labels[index]);
}

gboolean
cg_symptoms_parse (const char  *text,
                   guint       *out,
                   GError     **error)
{
  g_auto(GStrv) words = NULL;
  guint bits = 0;

  *out = 0;
  if (text == NULL)
    return TRUE;
  /* Registers separate with ; or the Chinese 、；，as well. */
  words = g_regex_split_simple ("[;；、,，]", text, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = g_strstrip (words[i]);
      gboolean known = FALSE;

      if (*word == '\0' || g_strcmp0 (word, "无") == 0 || g_ascii_strcasecmp (word, "none") == 0)
        continue;
      for (guint s = 0; s < CG_N_SYMPTOMS && !known; s++)
        if (g_ascii_strcasecmp (word, symptom_ids[s]) == 0 || g_strcmp0 (word, symptom_zh[s]) == 0)
          {
            bits |= 1u << s;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("Unknown symptom “%s” (use fever, dry_cough, cough, sore_throat, diarrhea, fatigue)."),
                       word);
          return FALSE;
        }
    }
  *out = bits;
  return TRUE;
}

char *
cg_symptoms_describe (guint symptoms)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < CG_N_SYMPTOMS; s++)
    if (symptoms & (1u << s))
      {
        if (out->len > 0)
          /* Translators: separates symptoms in a list */
          g_string_append (out, _(", "));
        g_string_append (out, _(symptom_labels[s]));
      }
  return g_string_free (out, FALSE);
}

static long
tenths (double celsius)
{
  return lround (celsius * 10.0);
}

CgTempBand
cg_temperature_band (const CgPolicy *policy,
                     double          celsius)
{
  long t = tenths (celsius);

  if (t < tenths (cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MIN)))
    return CG_BAND_TOO_LOW;
  if (t > tenths (cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MAX)))
    return CG_BAND_TOO_HIGH;
  if (t < tenths (cg_policy_get (policy, CG_POLICY_TEMP_RECHECK_BELOW)))
    return CG_BAND_RECHECK;
  if (t <= tenths (cg_policy_get (policy, CG_POLICY_TEMP_NORMAL_MAX)))
    return CG_BAND_NORMAL;
  if (t <= tenths (cg_policy_get (policy, CG_POLICY_TEMP_LOW_FEVER_MAX)))
    return CG_BAND_LOW_FEVER;
  if (t <= tenths (cg_policy_get (policy, CG_POLICY_TEMP_MODERATE_FEVER_MAX)))
    return CG_BAND_MODERATE_FEVER;
  if (t <= tenths (cg_policy_get (policy, CG_POLICY_TEMP_HIGH_FEVER_MAX)))
    return CG_BAND_HIGH_FEVER;
  return CG_BAND_HYPERPYREXIA;
}

const char *
cg_temperature_band_label (CgTempBand band)
{
  switch (band)
    {
    case CG_BAND_TOO_LOW: return _("Too low to be real");
    case CG_BAND_RECHECK: return _("Low: measure again");
    case CG_BAND_NORMAL: return _("Normal");
    case CG_BAND_LOW_FEVER: return _("Low fever");
    case CG_BAND_MODERATE_FEVER: return _("Moderate fever");
    case CG_BAND_HIGH_FEVER: return _("High fever");
    case CG_BAND_HYPERPYREXIA: return _("Hyperpyrexia");
    case CG_BAND_TOO_HIGH: return _("Too high to be real");
    default: g_return_val_if_reached ("");
    }
}

gboolean
cg_temperature_band_is_fever (CgTempBand band)
{
  return band >= CG_BAND_LOW_FEVER && band <= CG_BAND_HYPERPYREXIA;
}

gboolean
cg_temperature_parse (const CgPolicy  *policy,
                      const char      *text,
                      double          *out,
                      GError         **error)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autoptr(GRegex) form = NULL;
  double value;
  CgTempBand band;

  if (text == NULL)
    text = "";
  /* Full-width digits and the full-width point come from Chinese input methods. */
  ascii = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  for (const char *p = ascii; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3002 || c == 0xFF0E || c == ',')   /* 。 ． , */
        g_string_append_c (clean, '.');
      else if (c == 0x2103 || c == 0xB0 || c == 'C' || c == 'c' || g_unichar_isspace (c))
        continue;   /* ℃, °, C and spaces */
      else
        g_string_append_unichar (clean, c);
    }
  if (clean->len == 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Type a temperature, such as 36.5."));
      return FALSE;
    }
  form = g_regex_new ("^[0-9]{1,2}(\\.[0-9])?$", 0, 0, NULL);
  if (!g_regex_match (form, clean->str, 0, NULL))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("“%s” is not a temperature: type degrees with at most one decimal, such as 36.5."),
                   text);
      return FALSE;
    }
  value = g_ascii_strtod (clean->str, NULL);
  band = cg_temperature_band (policy, value);
  if (band == CG_BAND_TOO_LOW || band == CG_BAND_TOO_HIGH)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%.1f °C is not a possible body temperature (%.1f–%.1f °C): check for a typing error and measure again."),
                   value, cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MIN),
                   cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MAX));
      return FALSE;
    }
  *out = round (value * 10.0) / 10.0;
  return TRUE;
}

CgHealthCheck *
cg_health_check_new (void)
{
  CgHealthCheck *check = g_new0 (CgHealthCheck, 1);

  check->action = g_strdup ("");
  return check;
}

void
cg_health_check_free (CgHealthCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->checked_at);
  g_free (check->checked_on);
  g_free (check->action);
  g_free (check->person_name);
  g_free (check->id_number);
  g_free (check->room);
  g_free (check);
}

gboolean
cg_health_check_add_in_transaction (CgStore         *store,
                                    const CgPolicy  *policy,
                                    CgHealthCheck   *check,
                                    const char      *who,
                                    GError         **error)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *created = cg_datetime_now_utc ();
  g_autofree char *day = NULL;
  g_autofree char *audit_value = NULL;
  CgTempBand band;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  band = cg_temperature_band (policy, check->temperature);
  if (!isfinite (check->temperature) || band == CG_BAND_TOO_LOW || band == CG_BAND_TOO_HIGH)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%.1f °C is not a possible body temperature (%.1f–%.1f °C): check for a typing error and measure again."),
                   check->temperature, cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MIN),
                   cg_policy_get (policy, CG_POLICY_TEMP_PLAUSIBLE_MAX));
      return FALSE;
    }
  if (check->symptoms >= (1u << CG_N_SYMPTOMS))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID, _("Unknown symptom."));
      return FALSE;
    }
  if (check->checked_at != NULL)
    {
      at = g_date_time_new_from_iso8601 (check->checked_at, NULL);
      if (at == NULL)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("Check time: not a date and time."));
          return FALSE;
        }
      /* A few minutes of clock difference between PCs is not an error. */
      if (g_date_time_difference (at, now) > 10 * G_TIME_SPAN_MINUTE)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("Check time: the time is in the future."));
          return FALSE;
        }
    }
  else
    at = g_date_time_ref (now);
  local = cg_date_time_to_local (at);
  day = g_date_time_format (local, "%Y-%m-%d");

  person = cg_person_load (store, check->person_id, error);
  if (person == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This person is not in the register."));
      return FALSE;
    }
  if (g_strcmp0 (cg_person_get_arrived_on (person), day) > 0
      || (cg_person_get_left_on (person) != NULL && g_strcmp0 (cg_person_get_left_on (person), day) < 0))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s was not in the institution on %s."), cg_person_get_name (person), day);
      return FALSE;
    }

  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (at);

    g_free (check->checked_at);
    check->checked_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
  g_free (check->checked_on);
  check->checked_on = g_steal_pointer (&day);
  check->temperature = round (check->temperature * 10.0) / 10.0;

  stmt = cg_store_prepare (store,
                           "INSERT INTO health_check (person_id, checked_at, checked_on, temperature, symptoms, action, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check->person_id);
  cg_bind_text (stmt, 2, check->checked_at);
  cg_bind_text (stmt, 3, check->checked_on);
  sqlite3_bind_double (stmt, 4, check->temperature);
  sqlite3_bind_int (stmt, 5, (int) check->symptoms);
  cg_bind_text (stmt, 6, check->action != NULL ? check->action : "");
  cg_bind_text (stmt, 7, created);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  check->id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  /* Normal readings are the bulk of the register: only what matters for
   * an inspection goes to the audit log. */
  if (cg_temperature_band_is_fever (band) || check->symptoms != 0)
    {
      audit_value = g_strdup_printf ("%s %.1f %u", check->checked_at, check->temperature, check->symptoms);
      return cg_audit_record (store, who, "health_check.abnormal", cg_person_get_id_number (person),
                              NULL, audit_value, error);
    }
  return TRUE;
}

gboolean
cg_health_check_add (CgStore         *store,
                     const CgPolicy  *policy,
                     CgHealthCheck   *check,
                     const char      *who,
                     GError         **error)
{
  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_health_check_add_in_transaction (store, policy, check, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, "health_check");
  return TRUE;
}

gboolean
cg_health_check_set_action (CgStore     *store,
                            gint64       check_id,
                            const char  *action,
                            const char  *who,
                            GError     **error)
{
  g_autofree char *old_action = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);

  clean = g_strstrip (g_strdup (action != NULL ? action : ""));
  if (!cg_store_begin (store, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "SELECT c.action, p.id_number FROM health_check c "
                           "JOIN person p ON p.id = c.person_id WHERE c.id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, check_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      old_action = cg_column_dup_text (stmt, 0);
      id_number = cg_column_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("This check is not in the register any more."));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      cg_store_set_error (store, error, rc);
      goto fail;
    }
  if (g_strcmp0 (old_action, clean) == 0)
    {
      cg_store_rollback (store);
      return TRUE;
    }

  stmt = cg_store_prepare (store, "UPDATE health_check SET action = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  cg_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, check_id);
  if (!cg_store_step_done (store, stmt, error)
      || !cg_audit_record (store, who, "health_check.action", id_number, old_action, clean, error)
      || !cg_store_commit (store, error))
    goto fail;
  cg_store_emit_changed (store, "health_check");
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}

#define CHECK_COLUMNS \
  "c.id, c.person_id, c.checked_at, c.checked_on, c.temperature, c.symptoms, c.action, " \
  "p.name, p.id_number, p.kind, p.room"

static CgHealthCheck *
check_from_row (sqlite3_stmt *stmt)
{
  CgHealthCheck *check = g_new0 (CgHealthCheck, 1);

  check->id = sqlite3_column_int64 (stmt, 0);
  check->person_id = sqlite3_column_int64 (stmt, 1);
  check->checked_at = cg_column_dup_text (stmt, 2);
  check->checked_on = cg_column_dup_text (stmt, 3);
  check->temperature = sqlite3_column_double (stmt, 4);
  check->symptoms = (guint) sqlite3_column_int (stmt, 5);
  check->action = cg_column_dup_text (stmt, 6);
  check->person_name = cg_column_dup_text (stmt, 7);
  check->id_number = cg_column_dup_text (stmt, 8);
  check->person_kind = cg_person_kind_from_string ((const char *) sqlite3_column_text (stmt, 9));
  check->room = cg_column_dup_text (stmt, 10);
  return check;
}

GHashTable *
cg_health_check_latest_on (CgStore      *store,
                           const GDate  *date,
                           GError      **error)
{
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) cg_health_check_free);
  g_autofree char *day = cg_date_to_iso (date);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT " CHECK_COLUMNS " FROM health_check c JOIN person p ON p.id = c.person_id "
                           "WHERE c.checked_on = ? ORDER BY c.checked_at, c.id", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgHealthCheck *check = check_from_row (stmt);

      /* The key lives in the value, so it dies with it. */
      g_hash_table_replace (latest, &check->person_id, check);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&latest);
}

static char *
search_pattern (const char *search)
{
  char *pattern;

  if (search == NULL)
    return NULL;
  pattern = g_strstrip (g_strdup (search));
  if (*pattern == '\0')
    g_clear_pointer (&pattern, g_free);
  return pattern;
}

gint64
cg_health_check_count (CgStore     *store,
                       const char  *search,
                       GError     **error)
{
  g_autofree char *pattern = search_pattern (search);
  sqlite3_stmt *stmt;
  gint64 count = -1;

  if (pattern == NULL)
    stmt = cg_store_prepare (store, "SELECT count(*) FROM health_check", error);
  else
    stmt = cg_store_prepare (store,
                             "SELECT count(*) FROM health_check WHERE person_id IN ("
                             "  SELECT id FROM person WHERE instr(name, ?1) > 0 "
                             "  OR instr(id_number, upper(?1)) > 0 OR instr(room, ?1) > 0)",
                             error);
  if (stmt == NULL)
    return -1;
  if (pattern != NULL)
    cg_bind_text (stmt, 1, pattern);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    cg_store_set_error (store, error, sqlite3_extended_errcode (cg_store_get_db (store)));
  sqlite3_reset (stmt);
  return count;
}

GPtrArray *
cg_health_check_page (CgStore     *store,
                      const char  *search,
                      gint64       offset,
                      guint        limit,
                      GError     **error)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_health_check_free);
  g_autofree char *pattern = search_pattern (search);
  sqlite3_stmt *stmt;
  int rc;

  /* The page's ids come from the (checked_on, id) index alone, so a page
   * deep in a million rows skips index entries, not joined rows; only the
   * rows of the page are then joined with their person. */
  if (pattern == NULL)
    stmt = cg_store_prepare (store,
                             "SELECT " CHECK_COLUMNS " FROM ("
                             "  SELECT id FROM health_check ORDER BY checked_on DESC, id DESC LIMIT ?2 OFFSET ?3) AS page "
                             "JOIN health_check c ON c.id = page.id JOIN person p ON p.id = c.person_id "
                             "ORDER BY c.checked_on DESC, c.id DESC", error);
  else
    stmt = cg_store_prepare (store,
                             "SELECT " CHECK_COLUMNS " FROM health_check c JOIN person p ON p.id = c.person_id "
                             "WHERE c.person_id IN (SELECT id FROM person WHERE instr(name, ?1) > 0 "
                             "  OR instr(id_number, upper(?1)) > 0 OR instr(room, ?1) > 0) "
                             "ORDER BY c.checked_on DESC, c.id DESC LIMIT ?2 OFFSET ?3", error);
  if (stmt == NULL)
    return NULL;
  if (pattern != NULL)
    cg_bind_text (stmt, 1, pattern);
  sqlite3_bind_int (stmt, 2, (int) limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (page, check_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&page);
}

GArray *
cg_health_days (CgStore         *store,
                const CgPolicy  *policy,
                const GDate     *from,
                const GDate     *to,
                GError         **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (CgHealthDay));
  g_autofree char *first = cg_date_to_iso (from);
  g_autofree char *last = cg_date_to_iso (to);
  double fever_above = cg_policy_get (policy, CG_POLICY_TEMP_NORMAL_MAX);
  sqlite3_stmt *stmt;
  int rc;

  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&days);

  /* One pass: the day series, the people present each day, and each
   * person's worst reading of the day. */
  stmt = cg_store_prepare (store,
                           "WITH RECURSIVE day (d) AS ("
                           "  SELECT ?1 UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < ?2),"
                           " worst AS ("
                           "  SELECT checked_on, person_id, max(temperature) AS t, "
                           "         max(symptoms & ~1) AS other "
                           "  FROM health_check WHERE checked_on BETWEEN ?1 AND ?2 "
                           "  GROUP BY checked_on, person_id)"
                           "SELECT day.d,"
                           " (SELECT count(*) FROM person p WHERE p.arrived_on <= day.d "
                           "   AND (p.left_on IS NULL OR p.left_on > day.d)),"
                           " (SELECT count(*) FROM worst w WHERE w.checked_on = day.d),"
                           " (SELECT count(*) FROM worst w WHERE w.checked_on = day.d AND round(w.t * 10) > round(?3 * 10)),"
                           " (SELECT count(*) FROM worst w WHERE w.checked_on = day.d AND round(w.t * 10) <= round(?3 * 10) AND w.other <> 0) "
                           "FROM day ORDER BY day.d", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, first);
  cg_bind_text (stmt, 2, last);
  sqlite3_bind_double (stmt, 3, fever_above);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgHealthDay day = { 0 };

      cg_date_parse ((const char *) sqlite3_column_text (stmt, 0), &day.date);
      day.present = sqlite3_column_int (stmt, 1);
      day.checked = sqlite3_column_int (stmt, 2);
      day.fevers = sqlite3_column_int (stmt, 3);
      day.symptomatic = sqlite3_column_int (stmt, 4);
      g_array_append_val (days, day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&days);
}

GPtrArray *
cg_people_present_on (CgStore      *store,
                      const GDate  *date,
                      int           kind,
                      GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) present = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *day = cg_date_to_iso (date);

  all = cg_person_search (store, NULL, kind, CG_PERSON_FILTER_ALL, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      CgPerson *p = all->pdata[i];
      const char *left = cg_person_get_left_on (p);

      /* Present from the arrival day; the leaving day no longer counts. */
      if (g_strcmp0 (cg_person_get_arrived_on (p), day) <= 0
          && (left == NULL || g_strcmp0 (left, day) > 0))
        g_ptr_array_add (present, g_object_ref (p));
    }
  return g_steal_pointer (&present);
}
