/* cg-checks-line.c — the Checks page: one person of the grid and what
 * is typed on the line, read as a temperature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line keeps what is typed, not the widgets, which the list recycles;
 * the reading of the text is kept too, since it is asked for many times
 * per key press.
 */
#include "config.h"

#define G_LOG_DOMAIN "CgChecksPage"

#include <math.h>
#include <string.h>

#include "cg-checks-page-private.h"
#include "cg-date.h"

G_DEFINE_FINAL_TYPE (CgCheckLine, cg_check_line, G_TYPE_OBJECT)

static void
cg_check_line_finalize (GObject *object)
{
  CgCheckLine *self = CG_CHECK_LINE (object);

  g_clear_object (&self->person);
  g_free (self->floor);
  g_free (self->sort_key);
  g_free (self->text);
  g_free (self->action);
  g_free (self->last_action);
  g_free (self->last_time);
  g_free (self->parsed_text);
  g_free (self->parsed_message);

  G_OBJECT_CLASS (cg_check_line_parent_class)->finalize (object);
}

static void
cg_check_line_class_init (CgCheckLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_check_line_finalize;
}

static void
cg_check_line_init (CgCheckLine *self)
{
  self->text = g_strdup ("");
  self->action = g_strdup ("");
}

/* The floor is what comes before the '-' of the room: "2-05" is on floor 2. */
static char *
floor_of_room (const char *room)
{
  const char *dash;

  if (room == NULL)
    return NULL;
  dash = strchr (room, '-');
  if (dash == NULL || dash == room)
    return NULL;
  return g_strstrip (g_strndup (room, dash - room));
}

CgCheckLine *
cg_check_line_new (CgPerson *person)
{
  CgCheckLine *self = g_object_new (CG_TYPE_CHECK_LINE, NULL);
  const char *room = cg_person_get_room (person);
  g_autofree char *room_key = NULL;
  g_autofree char *name_key = NULL;

  self->person = g_object_ref (person);
  self->floor = floor_of_room (room);
  /* Rooms in natural order ("2-9" before "2-10"), as the round goes. */
  room_key = g_utf8_collate_key_for_filename (room != NULL && *room != '\0' ? room : "\xef\xbf\xbf", -1);
  name_key = g_utf8_collate_key (cg_person_get_name (person), -1);
  self->sort_key = g_strdup_printf ("%d\x01%s\x01%s",
                                    cg_person_get_kind (person) == CG_PERSON_STAFF ? 1 : 0,
                                    room_key, name_key);
  return self;
}

int
cg_check_line_compare (gconstpointer a,
                       gconstpointer b)
{
  CgCheckLine *x = *(CgCheckLine **) a;
  CgCheckLine *y = *(CgCheckLine **) b;

  return strcmp (x->sort_key, y->sort_key);
}

void
cg_check_line_set_latest (CgCheckLine         *line,
                          const CgHealthCheck *check)
{
  g_clear_pointer (&line->last_action, g_free);
  g_clear_pointer (&line->last_time, g_free);
  if (check == NULL)
    {
      line->last_id = 0;
      line->last_temperature = 0.0;
      line->last_symptoms = 0;
      return;
    }
  line->last_id = check->id;
  line->last_temperature = check->temperature;
  line->last_symptoms = check->symptoms;
  line->last_action = g_strdup (check->action != NULL ? check->action : "");
  {
    g_autofree char *local = cg_datetime_utc_to_local (check->checked_at);

    line->last_time = g_strdup (local != NULL && strlen (local) == 16 ? local + 11 : "");
  }
}

/* Shows the stored check in the fields, as the line's starting point. */
void
cg_check_line_show_latest (CgCheckLine *line)
{
  g_free (line->text);
  g_free (line->action);
  line->show_error = FALSE;
  line->fever_auto = FALSE;
  if (line->last_id == 0)
    {
      line->text = g_strdup ("");
      line->action = g_strdup ("");
      line->symptoms = 0;
      return;
    }
  line->text = g_strdup_printf ("%.1f", line->last_temperature);
  line->symptoms = line->last_symptoms;
  line->action = g_strdup (line->last_action);
}

/* ---- what a line shows ---------------------------------------------- */

static EntryState
parse_text (const CgPolicy  *policy,
            const char      *text,
            gboolean         show_error,
            double          *temperature,
            char           **message)
{
  g_autoptr(GError) error = NULL;
  const char *p;

  *temperature = 0.0;
  *message = NULL;
  for (p = text; *p != '\0' && g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (*p == '\0')
    return ENTRY_EMPTY;
  if (cg_temperature_parse (policy, text, temperature, &error))
    return ENTRY_VALID;

  /* "3" may become 36.5 and "37." 37.5; "3." or "370" never will. */
  if (!show_error)
    for (char digit = '0'; digit <= '9'; digit++)
      {
        g_autofree char *longer = g_strdup_printf ("%s%c", text, digit);
        double ignored;

        if (cg_temperature_parse (policy, longer, &ignored, NULL))
          return ENTRY_TYPING;
      }
  *message = g_strdup (error->message);
  return ENTRY_INVALID;
}

/* The state of what is typed on @line; *@message (optional) is owned by
 * the line.  Read once per change of the text. */
EntryState
cg_checks_line_parse (CgChecksPage  *self,
                      CgCheckLine   *line,
                      double        *temperature,
                      const char   **message)
{
  if (line->parsed_text == NULL
      || strcmp (line->parsed_text, line->text) != 0
      || line->parsed_show_error != line->show_error
      || line->parsed_policy != self->policy_serial)
    {
      g_free (line->parsed_text);
      g_clear_pointer (&line->parsed_message, g_free);
      line->parsed_text = g_strdup (line->text);
      line->parsed_show_error = line->show_error;
      line->parsed_policy = self->policy_serial;
      line->parsed_state = parse_text (self->policy, line->text, line->show_error,
                                       &line->parsed_temperature, &line->parsed_message);
    }
  *temperature = line->parsed_temperature;
  if (message != NULL)
    *message = line->parsed_message;
  return line->parsed_state;
}

guint
cg_checks_line_symptoms_to_save (CgChecksPage *self,
                                 CgCheckLine  *line,
                                 double        temperature)
{
  guint symptoms = line->symptoms;

  if (cg_temperature_band_is_fever (cg_temperature_band (self->policy, temperature)))
    symptoms |= CG_SYMPTOM_FEVER;
  return symptoms;
}

static gboolean
same_action (CgCheckLine *line)
{
  g_autofree char *typed = g_strstrip (g_strdup (line->action));

  return g_strcmp0 (typed, line->last_action != NULL ? line->last_action : "") == 0;
}

/* Something typed that differs from the stored check of the day. */
gboolean
cg_checks_line_is_dirty (CgChecksPage *self,
                         CgCheckLine  *line)
{
  double temperature;

  switch (cg_checks_line_parse (self, line, &temperature, NULL))
    {
    case ENTRY_EMPTY:
      return FALSE;
    case ENTRY_TYPING:
    case ENTRY_INVALID:
      return TRUE;
    case ENTRY_VALID:
    default:
      break;
    }
  if (line->last_id == 0)
    return TRUE;
  return lround (temperature * 10) != lround (line->last_temperature * 10)
         || cg_checks_line_symptoms_to_save (self, line, temperature) != line->last_symptoms
         || !same_action (line);
}

/* Only the action differs from the stored check: it is recorded on it. */
gboolean
cg_checks_line_only_action_changed (CgChecksPage *self,
                                    CgCheckLine  *line)
{
  double temperature;

  return line->last_id != 0
         && cg_checks_line_parse (self, line, &temperature, NULL) == ENTRY_VALID
         && lround (temperature * 10) == lround (line->last_temperature * 10)
         && cg_checks_line_symptoms_to_save (self, line, temperature) == line->last_symptoms
         && !same_action (line);
}

gboolean
cg_checks_line_needs_action (CgChecksPage *self,
                             CgCheckLine  *line)
{
  double temperature;

  if (line->symptoms != 0)
    return TRUE;
  if (cg_checks_line_parse (self, line, &temperature, NULL) == ENTRY_VALID
      && cg_temperature_band_is_fever (cg_temperature_band (self->policy, temperature)))
    return TRUE;
  return line->action[0] != '\0';
}
