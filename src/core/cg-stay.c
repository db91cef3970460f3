/* cg-stay.c — isolation observation stays (隔离观察) and the early release
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stay occupies [started_at, ended_at), an open stay [started_at, ∞):
 * two stays of one room or of one person may not overlap.  A stay whose
 * reason needs it ends before its planned end only with a negative
 * nucleic-acid test taken during the stay (cg_stay_check_release).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-audit.h"
#include "cg-date.h"
#include "cg-room-private.h"

/* ---------------------------------------------------------------------- */
/* stays                                                                   */

static const char * const reason_ids[CG_N_STAY_REASONS] = {
  "new_arrival", "no_health_code", "risk_area", "fever", "symptoms", "contact", "other",
};
static const char * const reason_labels[CG_N_STAY_REASONS] = {
  N_("New arrival"), N_("No health code"), N_("Medium/high-risk area"), N_("Fever"),
  N_("Symptoms"), N_("Close contact"), N_("Other"),
};
/* The registers' words (forms.md, rules.md): not translations. */
static const char * const reason_words[CG_N_STAY_REASONS][5] = {
  { "新入住", "新入院", "新入职", "新进人员", "新入站" },
  { "无健康码", "无码", "无健康码人员", NULL, NULL },
  { "中高风险地区", "中风险地区", "高风险地区", "风险地区", "中高风险" },
  { "发热", "发烧", NULL, NULL, NULL },
  { "症状", "可疑症状", NULL, NULL, NULL },
  { "密接", "密切接触", "密切接触者", NULL, NULL },
  { "其他", "其它", NULL, NULL, NULL },
};

const char *
cg_stay_reason_to_string (CgStayReason reason)
{
  g_return_val_if_fail (reason < CG_N_STAY_REASONS, NULL);
  return reason_ids[reason];
}

int
cg_stay_reason_from_string (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return -1;
  folded = g_strstrip (g_utf8_strdown (text, -1));
  for (int r = 0; r < CG_N_STAY_REASONS; r++)
    {
      if (g_str_equal (folded, reason_ids[r]))
        return r;
      for (guint w = 0; w < G_N_ELEMENTS (reason_words[r]) && reason_words[r][w] != NULL; w++)
        if (g_str_equal (folded, reason_words[r][w]))
          return r;
    }
  return -1;
}

const char *
cg_stay_reason_label (CgStayReason reason)
{
  g_return_val_if_fail (reason < CG_N_STAY_REASONS, NULL);
  return _(reason_labels[reason]);
}

/* The isolation register's words (forms.md 隔离观察登记 原因), as both
 * workbooks write them. */
static const char * const reason_register_labels[CG_N_STAY_REASONS] = {
  /* Translators: reason of an isolation stay in the register: 新入住 */
  NC_("isolation reason", "New arrival"),
  /* Translators: reason of an isolation stay in the register: 无健康码 */
  NC_("isolation reason", "No health code"),
  /* Translators: reason of an isolation stay in the register: 中高风险地区旅居史 */
  NC_("isolation reason", "Medium/high-risk area"),
  /* Translators: reason of an isolation stay in the register: 发热 */
  NC_("isolation reason", "Fever"),
  /* Translators: reason of an isolation stay in the register: 可疑症状 */
  NC_("isolation reason", "Suspicious symptoms"),
  /* Translators: reason of an isolation stay in the register: 密切接触 */
  NC_("isolation reason", "Close contact"),
  /* Translators: reason of an isolation stay in the register: 其他 */
  NC_("isolation reason", "Other"),
};

const char *
cg_stay_reason_register_label (CgStayReason reason)
{
  g_return_val_if_fail (reason < CG_N_STAY_REASONS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "isolation reason", reason_register_labels[reason]);
}

gboolean
cg_stay_reason_needs_test (CgStayReason reason)
{
  /* ALL-6 and RS-2 ("离站须核酸检测阴性"); a close contact likewise. */
  return reason == CG_STAY_NEW_ARRIVAL || reason == CG_STAY_NO_HEALTH_CODE
         || reason == CG_STAY_RISK_AREA || reason == CG_STAY_CONTACT;
}

CgStay *
cg_stay_new (void)
{
  CgStay *stay = g_new0 (CgStay, 1);

  stay->reason = CG_STAY_OTHER;
  stay->note = g_strdup ("");
  stay->disposition = g_strdup ("");
  return stay;
}

CgStay *
cg_stay_copy (const CgStay *stay)
{
  CgStay *copy;

  g_return_val_if_fail (stay != NULL, NULL);
  copy = g_memdup2 (stay, sizeof *stay);
  copy->note = g_strdup (stay->note);
  copy->started_at = g_strdup (stay->started_at);
  copy->planned_end_at = g_strdup (stay->planned_end_at);
  copy->ended_at = g_strdup (stay->ended_at);
  copy->disposition = g_strdup (stay->disposition);
  copy->room_name = g_strdup (stay->room_name);
  copy->person_name = g_strdup (stay->person_name);
  copy->id_number = g_strdup (stay->id_number);
  return copy;
}

void
cg_stay_free (CgStay *stay)
{
  if (stay == NULL)
    return;
  g_free (stay->note);
  g_free (stay->started_at);
  g_free (stay->planned_end_at);
  g_free (stay->ended_at);
  g_free (stay->disposition);
  g_free (stay->room_name);
  g_free (stay->person_name);
  g_free (stay->id_number);
  g_free (stay);
}

CgStay *
cg_stay_from_row (sqlite3_stmt *stmt,
                  int           first)
{
  CgStay *stay = g_new0 (CgStay, 1);
  int reason = cg_stay_reason_from_string ((const char *) sqlite3_column_text (stmt, first + 3));

  stay->id = sqlite3_column_int64 (stmt, first);
  stay->room_id = sqlite3_column_int64 (stmt, first + 1);
  stay->person_id = sqlite3_column_int64 (stmt, first + 2);
  stay->reason = reason >= 0 ? reason : CG_STAY_OTHER;
  stay->note = cg_column_dup_text (stmt, first + 4);
  stay->started_at = cg_column_dup_text (stmt, first + 5);
  stay->planned_end_at = cg_column_dup_text (stmt, first + 6);
  stay->ended_at = cg_column_dup_text (stmt, first + 7);
  stay->release_test_id = sqlite3_column_int64 (stmt, first + 8);
  stay->disposition = cg_column_dup_text (stmt, first + 9);
  stay->room_name = cg_column_dup_text (stmt, first + 10);
  stay->person_name = cg_column_dup_text (stmt, first + 11);
  stay->id_number = cg_column_dup_text (stmt, first + 12);
  stay->person_kind = cg_person_kind_from_string ((const char *) sqlite3_column_text (stmt, first + 13));
  return stay;
}

GPtrArray *
cg_stay_step_all (CgStore       *store,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) stays = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stay_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (stays, cg_stay_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&stays);
}

static CgStay *
stays_step_first (CgStore       *store,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  CgStay *stay = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    stay = cg_stay_from_row (stmt, 0);
  else if (rc != SQLITE_DONE)
    cg_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return stay;
}

CgStay *
cg_stay_get (CgStore  *store,
             gint64    stay_id,
             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  stmt = cg_store_prepare (store, "SELECT " STAY_COLUMNS STAY_FROM "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  return stays_step_first (store, stmt, error);
}

CgStay *
cg_stay_open_in_room (CgStore     *store,
                      gint64       room_id,
                      const char  *at,
                      GError     **error)
{
  g_autofree char *now = at == NULL ? cg_datetime_now_utc () : NULL;
  sqlite3_stmt *stmt;

  stmt = cg_store_prepare (store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.room_id = ?1 AND s.started_at <= ?2 AND (s.ended_at IS NULL OR s.ended_at > ?2) "
                           "ORDER BY s.started_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);
  cg_bind_text (stmt, 2, at != NULL ? at : now);
  return stays_step_first (store, stmt, error);
}

char *
cg_stay_default_planned_end (const CgPolicy *policy,
                             const char     *started_at)
{
  g_autofree char *start = cg_room_utc_normalize (started_at);

  if (start == NULL)
    return NULL;
  return cg_room_add_local_days (start, cg_policy_get_int (policy, CG_POLICY_ISOLATION_DAYS));
}

gboolean
cg_stay_check_free (CgStore       *store,
                    const CgStay  *stay,
                    GError       **error)
{
  g_autoptr(CgStay) other = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (stay != NULL && stay->started_at != NULL, FALSE);

  /* [started_at, ended_at) against every other stay of the room, then of
   * the person; an open stay reaches to the end of time. */
  for (int pass = 0; pass < 2; pass++)
    {
      stmt = cg_store_prepare (store,
                               pass == 0
                               ? "SELECT " STAY_COLUMNS STAY_FROM
                                 "WHERE s.room_id = ?1 AND s.id <> ?2 AND (s.ended_at IS NULL OR s.ended_at > ?3) "
                                 "AND (?4 IS NULL OR s.started_at < ?4) ORDER BY s.started_at LIMIT 1"
                               : "SELECT " STAY_COLUMNS STAY_FROM
                                 "WHERE s.person_id = ?1 AND s.id <> ?2 AND (s.ended_at IS NULL OR s.ended_at > ?3) "
                                 "AND (?4 IS NULL OR s.started_at < ?4) ORDER BY s.started_at LIMIT 1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pass == 0 ? stay->room_id : stay->person_id);
      sqlite3_bind_int64 (stmt, 2, stay->id);
      cg_bind_text (stmt, 3, stay->started_at);
      cg_bind_text (stmt, 4, stay->ended_at);
      other = stays_step_first (store, stmt, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (other != NULL)
        break;
    }
  if (other == NULL)
    return TRUE;

  from = cg_room_shown (other->started_at);
  to = other->ended_at != NULL ? cg_room_shown (other->ended_at) : NULL;
  if (other->room_id == stay->room_id)
    {
      /* One person per room (单间, ALL-5). */
      if (to == NULL)
        return cg_room_refuse (error, _("%s is not free: %s is staying there since %s."),
                               other->room_name, other->person_name, from);
      return cg_room_refuse (error, _("%s is not free at that time: %s stayed there from %s to %s."),
                             other->room_name, other->person_name, from, to);
    }
  if (to == NULL)
    return cg_room_refuse (error, _("%s is already in an isolation observation stay in %s since %s: end it first."),
                           other->person_name, other->room_name, from);
  return cg_room_refuse (error, _("%s was in an isolation observation stay in %s from %s to %s at that time."),
                         other->person_name, other->room_name, from, to);
}

gboolean
cg_stay_check_release (CgStore         *store,
                       const CgPolicy  *policy,
                       const CgStay    *stay,
                       const char      *ended_at,
                       gint64          *release_test_id,
                       GError         **error)
{
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *pending_on = NULL;
  GDate start_date, planned_date;
  sqlite3_stmt *stmt;
  int days;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (stay != NULL && ended_at != NULL, FALSE);

  *release_test_id = 0;
  if (g_strcmp0 (ended_at, stay->planned_end_at) >= 0 || !cg_stay_reason_needs_test (stay->reason))
    return TRUE;

  start_day = cg_room_local_day (stay->started_at);
  end_day = cg_room_local_day (ended_at);
  /* A negative sample taken during the stay, its result known by the end. */
  stmt = cg_store_prepare (store,
                           "SELECT id FROM nat_test WHERE person_id = ?1 AND result = 'negative' "
                           "AND sampled_on >= ?2 AND sampled_on <= ?3 AND result_on IS NOT NULL AND result_on <= ?3 "
                           "ORDER BY sampled_on DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay->person_id);
  cg_bind_text (stmt, 2, start_day);
  cg_bind_text (stmt, 3, end_day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *release_test_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      cg_store_set_error (store, error, rc);
      return FALSE;
    }

  stmt = cg_store_prepare (store,
                           "SELECT sampled_on FROM nat_test WHERE person_id = ?1 "
                           "AND sampled_on >= ?2 AND sampled_on <= ?3 "
                           "AND (result = 'pending' OR (result = 'negative' AND result_on > ?3)) "
                           "ORDER BY sampled_on DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay->person_id);
  cg_bind_text (stmt, 2, start_day);
  cg_bind_text (stmt, 3, end_day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pending_on = cg_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  cg_room_local_date (stay->started_at, &start_date);
  cg_room_local_date (stay->planned_end_at, &planned_date);
  days = (int) g_date_get_julian (&planned_date) - (int) g_date_get_julian (&start_date);
  planned = cg_room_shown (stay->planned_end_at);
  if (pending_on != NULL)
    return cg_room_refuse (error,
                           _("Release before day %d needs a negative nucleic-acid test taken during the stay "
                     "(planned end %s): the result of the sample of %s is not known yet."),
                           days, planned, pending_on);
  return cg_room_refuse (error,
                         _("Release before day %d needs a negative nucleic-acid test taken during the stay (planned end %s)."),
                         days, planned);
}

/* Checks and normalises a stay to be stored; fills the room and person. */
static gboolean
stay_prepare (CgStore         *store,
              const CgPolicy  *policy,
              CgStay          *stay,
              gboolean         may_be_ended,
              GError         **error)
{
  g_autoptr(CgRoom) room = NULL;
  g_autoptr(CgPerson) person = NULL;
  g_autofree char *start_day = NULL;
  GError *local_error = NULL;
  char *value;

  if (stay->reason >= CG_N_STAY_REASONS)
    return cg_room_refuse (error, _("Reason: choose why the person is isolated."));

  room = cg_room_load (store, stay->room_id, &local_error);
  if (room == NULL || room->archived)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("Room: choose a room in use."));
      return FALSE;
    }
  person = cg_person_load (store, stay->person_id, &local_error);
  if (person == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This person is not in the register."));
      return FALSE;
    }

  value = stay->started_at != NULL ? cg_room_utc_normalize (stay->started_at) : cg_datetime_now_utc ();
  if (value == NULL)
    return cg_room_refuse (error, _("Start: not a date and time."));
  g_free (stay->started_at);
  stay->started_at = value;
  if (cg_room_is_future (stay->started_at))
    return cg_room_refuse (error, _("Start: the time is in the future."));
  start_day = cg_room_local_day (stay->started_at);
  if (g_strcmp0 (cg_person_get_arrived_on (person), start_day) > 0
      || (cg_person_get_left_on (person) != NULL && g_strcmp0 (cg_person_get_left_on (person), start_day) < 0))
    return cg_room_refuse (error, _("%s was not in the institution on %s."), cg_person_get_name (person), start_day);

  if (stay->planned_end_at == NULL || *stay->planned_end_at == '\0')
    value = cg_stay_default_planned_end (policy, stay->started_at);
  else if ((value = cg_room_utc_normalize (stay->planned_end_at)) == NULL)
    return cg_room_refuse (error, _("Planned end: not a date and time."));
  g_free (stay->planned_end_at);
  stay->planned_end_at = value;
  if (g_strcmp0 (stay->planned_end_at, stay->started_at) <= 0)
    return cg_room_refuse (error, _("Planned end: it must come after the start."));

  if (!may_be_ended || stay->ended_at == NULL || *stay->ended_at == '\0')
    g_clear_pointer (&stay->ended_at, g_free);
  else
    {
      if ((value = cg_room_utc_normalize (stay->ended_at)) == NULL)
        return cg_room_refuse (error, _("End: not a date and time."));
      g_free (stay->ended_at);
      stay->ended_at = value;
      if (cg_room_is_future (stay->ended_at))
        return cg_room_refuse (error, _("End: the time is in the future."));
      if (g_strcmp0 (stay->ended_at, stay->started_at) < 0)
        return cg_room_refuse (error, _("End: the stay cannot end before it started."));
    }

  g_free (stay->room_name);
  stay->room_name = g_strdup (room->name);
  g_free (stay->person_name);
  stay->person_name = g_strdup (cg_person_get_name (person));
  g_free (stay->id_number);
  stay->id_number = g_strdup (cg_person_get_id_number (person));
  stay->person_kind = cg_person_get_kind (person);
  if (stay->note == NULL)
    stay->note = g_strdup ("");
  if (stay->disposition == NULL)
    stay->disposition = g_strdup ("");
  return TRUE;
}

static gboolean
stay_insert (CgStore         *store,
             const CgPolicy  *policy,
             CgStay          *stay,
             gboolean         may_be_ended,
             const char      *who,
             GError         **error)
{
  g_autofree char *now = cg_datetime_now_utc ();
  g_autofree char *audit_value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL && stay != NULL, FALSE);

  stay->id = 0;
  stay->release_test_id = 0;
  if (!stay_prepare (store, policy, stay, may_be_ended, error)
      || !cg_stay_check_free (store, stay, error))
    return FALSE;
  if (stay->ended_at != NULL
      && !cg_stay_check_release (store, policy, stay, stay->ended_at, &stay->release_test_id, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "INSERT INTO stay (room_id, person_id, reason, note, started_at, planned_end_at, ended_at, "
                           "release_test_id, disposition, created_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay->room_id);
  sqlite3_bind_int64 (stmt, 2, stay->person_id);
  cg_bind_text (stmt, 3, reason_ids[stay->reason]);
  cg_bind_text (stmt, 4, stay->note);
  cg_bind_text (stmt, 5, stay->started_at);
  cg_bind_text (stmt, 6, stay->planned_end_at);
  cg_bind_text (stmt, 7, stay->ended_at);
  if (stay->release_test_id != 0)
    sqlite3_bind_int64 (stmt, 8, stay->release_test_id);
  else
    sqlite3_bind_null (stmt, 8);
  cg_bind_text (stmt, 9, stay->disposition);
  cg_bind_text (stmt, 10, now);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  stay->id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  audit_value = g_strdup_printf ("%s|%s|%s|%s|%s", stay->room_name, reason_ids[stay->reason],
                                 stay->started_at, stay->planned_end_at,
                                 stay->ended_at != NULL ? stay->ended_at : "");
  return cg_audit_record (store, who, stay->ended_at != NULL ? "stay.add" : "stay.open",
                          stay->id_number, NULL, audit_value, error);
}

gboolean
cg_stay_open_in_transaction (CgStore         *store,
                             const CgPolicy  *policy,
                             CgStay          *stay,
                             const char      *who,
                             GError         **error)
{
  return stay_insert (store, policy, stay, FALSE, who, error);
}

gboolean
cg_stay_add_in_transaction (CgStore         *store,
                            const CgPolicy  *policy,
                            CgStay          *stay,
                            const char      *who,
                            GError         **error)
{
  return stay_insert (store, policy, stay, TRUE, who, error);
}

gboolean
cg_stay_open (CgStore         *store,
              const CgPolicy  *policy,
              CgStay          *stay,
              const char      *who,
              GError         **error)
{
  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_stay_open_in_transaction (store, policy, stay, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      stay->id = 0;
      return FALSE;
    }
  cg_store_emit_changed (store, "stay");
  return TRUE;
}

gboolean
cg_stay_end_in_transaction (CgStore         *store,
                            const CgPolicy  *policy,
                            gint64           stay_id,
                            const char      *ended_at,
                            const char      *disposition,
                            const char      *who,
                            GError         **error)
{
  g_autoptr(CgStay) stay = NULL;
  g_autofree char *end = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (disposition != NULL ? disposition : ""));
  g_autofree char *audit_value = NULL;
  GError *local_error = NULL;
  gint64 test_id = 0;
  sqlite3_stmt *stmt;

  stay = cg_stay_get (store, stay_id, &local_error);
  if (stay == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                     _("This stay is not in the register any more."));
      return FALSE;
    }
  if (stay->ended_at != NULL)
    {
      g_autofree char *when = cg_room_shown (stay->ended_at);

      return cg_room_refuse (error, _("The stay of %s in %s has already ended (%s)."),
                             stay->person_name, stay->room_name, when);
    }
  end = ended_at != NULL ? cg_room_utc_normalize (ended_at) : cg_datetime_now_utc ();
  if (end == NULL)
    return cg_room_refuse (error, _("End: not a date and time."));
  if (cg_room_is_future (end))
    return cg_room_refuse (error, _("End: the time is in the future."));
  if (g_strcmp0 (end, stay->started_at) < 0)
    return cg_room_refuse (error, _("End: the stay cannot end before it started."));
  if (!cg_stay_check_release (store, policy, stay, end, &test_id, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "UPDATE stay SET ended_at = ?1, release_test_id = ?2, disposition = ?3 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  cg_bind_text (stmt, 1, end);
  if (test_id != 0)
    sqlite3_bind_int64 (stmt, 2, test_id);
  else
    sqlite3_bind_null (stmt, 2);
  cg_bind_text (stmt, 3, *clean != '\0' ? clean : stay->disposition);
  sqlite3_bind_int64 (stmt, 4, stay_id);
  if (!cg_store_step_done (store, stmt, error))
    return FALSE;
  audit_value = g_strdup_printf ("%s|%s|test=%" G_GINT64_FORMAT "|%s", stay->room_name, end, test_id, clean);
  return cg_audit_record (store, who, "stay.end", stay->id_number, NULL, audit_value, error);
}

gboolean
cg_stay_end (CgStore         *store,
             const CgPolicy  *policy,
             gint64           stay_id,
             const char      *ended_at,
             const char      *disposition,
             const char      *who,
             GError         **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  if (!cg_store_begin (store, error))
    return FALSE;
  if (!cg_stay_end_in_transaction (store, policy, stay_id, ended_at, disposition, who, error)
      || !cg_store_commit (store, error))
    {
      cg_store_rollback (store);
      return FALSE;
    }
  cg_store_emit_changed (store, "stay");
  return TRUE;
}

GPtrArray *
cg_stay_list_open (CgStore     *store,
                   const char  *at,
                   GError     **error)
{
  g_autofree char *when = at != NULL ? cg_room_utc_normalize (at) : cg_datetime_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  if (when == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) cg_stay_free);
  stmt = cg_store_prepare (store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.started_at <= ?1 AND (s.ended_at IS NULL OR s.ended_at > ?1) "
                           "ORDER BY r.name, s.started_at", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, when);
  return cg_stay_step_all (store, stmt, error);
}

GPtrArray *
cg_stay_list_between (CgStore      *store,
                      const GDate  *from,
                      const GDate  *to,
                      GError      **error)
{
  g_autofree char *first = cg_room_day_start_utc (from, 0);
  g_autofree char *after = cg_room_day_start_utc (to, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  stmt = cg_store_prepare (store,
                           "SELECT " STAY_COLUMNS STAY_FROM
                           "WHERE s.started_at < ?2 AND (s.ended_at IS NULL OR s.ended_at >= ?1) "
                           "ORDER BY r.name, s.started_at", error);
  if (stmt == NULL)
    return NULL;
  cg_bind_text (stmt, 1, first);
  cg_bind_text (stmt, 2, after);
  return cg_stay_step_all (store, stmt, error);
}

int
cg_stay_day_number (const CgStay *stay,
                    const char   *at)
{
  g_autofree char *now = at == NULL ? cg_datetime_now_utc () : cg_room_utc_normalize (at);
  GDate start, day;

  g_return_val_if_fail (stay != NULL, 0);
  if (now == NULL || !cg_room_local_date (stay->started_at, &start) || !cg_room_local_date (now, &day))
    return 0;
  return (int) g_date_get_julian (&day) - (int) g_date_get_julian (&start) + 1;
}
