/* cg-csv.c — reading the CSV files that Excel and WPS save (libcsv)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <csv.h>
#include <string.h>

#include "cg-csv.h"

G_DEFINE_QUARK (cg-csv-error-quark, cg_csv_error)

#define UTF8_BOM "\xEF\xBB\xBF"

/* 1-based line of the byte at @offset. */
static guint
line_at_offset (const char *data,
                gsize       offset)
{
  guint line = 1;
  gsize i;

  for (i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

char *
cg_csv_decode (const char  *data,
               gsize        len,
               const char **encoding_out,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *nul;
  char *text;
  gsize bytes_read = 0;
  gsize bytes_written = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      len -= 3;
      if (!g_utf8_validate_len (data, len, NULL))
        {
          const char *end = NULL;

          g_utf8_validate_len (data, len, &end);
          g_set_error (error, CG_CSV_ERROR, CG_CSV_ERROR_ENCODING,
                       _("Line %u is not valid UTF-8 text, although the file says it is UTF-8"),
                       line_at_offset (data, end - data));
          return NULL;
        }
      if (encoding_out != NULL)
        *encoding_out = "UTF-8";
      return g_strndup (data, len);
    }

  /* A NUL byte: UTF-16 ("Unicode text" in Excel) or not text at all.
   * Neither UTF-8 nor GB18030 has NUL inside a line of text. */
  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      g_set_error (error, CG_CSV_ERROR, CG_CSV_ERROR_ENCODING,
                   _("Line %u holds bytes that are not text in UTF-8 or GB18030: save the file as “CSV (comma delimited)” or “CSV UTF-8”"),
                   line_at_offset (data, nul - data));
      return NULL;
    }

  if (g_utf8_validate_len (data, len, NULL))
    {
      if (encoding_out != NULL)
        *encoding_out = "UTF-8";
      return g_strndup (data, len);
    }

  text = g_convert (data, len, "UTF-8", "GB18030",
                    &bytes_read, &bytes_written, &local_error);
  if (text == NULL)
    {
      /* On an illegal sequence bytes_read is where it starts; on input
       * that ends half-way through a character, it is that character. */
      if (bytes_read > len)
        bytes_read = len;
      g_set_error (error, CG_CSV_ERROR, CG_CSV_ERROR_ENCODING,
                   _("Line %u holds bytes that are not text in UTF-8 or GB18030: save the file as “CSV (comma delimited)” or “CSV UTF-8”"),
                   line_at_offset (data, bytes_read));
      return NULL;
    }

  /* GB18030 has its own byte-order mark, which decodes to U+FEFF. */
  if (g_str_has_prefix (text, UTF8_BOM))
    memmove (text, text + 3, bytes_written - 3 + 1);

  if (encoding_out != NULL)
    *encoding_out = "GB18030";
  return text;
}

static void
cg_csv_record_free (CgCsvRecord *record)
{
  g_ptr_array_unref (record->fields);
  g_free (record);
}

typedef struct
{
  GPtrArray *records;
  GPtrArray *fields;       /* of the record being read */
  guint      start_line;   /* where it starts; 0 before its first byte */
} ParseState;

static void
field_read_cb (void   *s,
               size_t  len,
               void   *data)
{
  ParseState *state = data;

  if (state->fields == NULL)
    state->fields = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (state->fields, g_strndup (s != NULL ? s : "", len));
}

static void
record_read_cb (int   c,
                void *data)
{
  ParseState *state = data;
  GPtrArray *fields = g_steal_pointer (&state->fields);
  gboolean blank = TRUE;
  guint i;

  if (fields == NULL)
    {
      state->start_line = 0;
      return;
    }

  /* Excel leaves rows of bare commas below the data: treat them as blank. */
  for (i = 0; i < fields->len && blank; i++)
    if (*(const char *) g_ptr_array_index (fields, i) != '\0')
      blank = FALSE;

  if (blank)
    g_ptr_array_unref (fields);
  else
    {
      CgCsvRecord *record = g_new0 (CgCsvRecord, 1);

      record->line = state->start_line;
      record->fields = fields;
      g_ptr_array_add (state->records, record);
    }

  state->start_line = 0;
}

static gboolean
line_is_blank (const char *line,
               gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
      return FALSE;
  return TRUE;
}

GPtrArray *
cg_csv_parse (const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *lf_text = NULL;
  struct csv_parser parser;
  ParseState state = { 0 };
  const char *p;
  guint line = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  /* Files from old Macs end lines with a bare CR. */
  if (strchr (text, '\n') == NULL && strchr (text, '\r') != NULL)
    {
      char *q;

      lf_text = g_strdup (text);
      for (q = lf_text; *q != '\0'; q++)
        if (*q == '\r')
          *q = '\n';
      text = lf_text;
    }

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_csv_record_free);
  state.records = records;

  /* Strict: a quote in the middle of an unquoted field, or text after a
   * closing quote, is a mistake to report rather than guess at.
   * Strict fini: a quote never closed is one too. */
  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not start a parser");

  /* Fed one physical line at a time, so that we know which line a record
   * starts on even when a quoted field holds line breaks. */
  p = text;
  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      gsize len = (nl != NULL) ? (gsize) (nl - p + 1) : strlen (p);

      line++;
      if (state.start_line == 0 && !line_is_blank (p, len))
        state.start_line = line;

      if (csv_parse (&parser, p, len, field_read_cb, record_read_cb, &state) != len)
        {
          g_set_error (error, CG_CSV_ERROR, CG_CSV_ERROR_SYNTAX,
                       _("Line %u is not valid CSV: a quote must open and close a whole field, and a quote inside a field is written twice (\"\")"),
                       line);
          ok = FALSE;
          break;
        }
      p += len;
    }

  if (ok && csv_fini (&parser, field_read_cb, record_read_cb, &state) != 0)
    {
      g_set_error (error, CG_CSV_ERROR, CG_CSV_ERROR_SYNTAX,
                   _("Line %u opens a quote that is never closed"),
                   state.start_line != 0 ? state.start_line : line);
      ok = FALSE;
    }

  csv_free (&parser);
  g_clear_pointer (&state.fields, g_ptr_array_unref);

  if (!ok)
    return NULL;

  return g_steal_pointer (&records);
}

static gboolean
needs_quotes (const char *field)
{
  const char *p;

  if (field[0] == ' ' || field[0] == '\t')
    return TRUE;
  for (p = field; *p != '\0'; p++)
    if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
      return TRUE;
  if (p > field && (p[-1] == ' ' || p[-1] == '\t'))
    return TRUE;
  return FALSE;
}

void
cg_csv_append_row (GString            *out,
                   const char * const *fields,
                   guint               n_fields)
{
  guint i;

  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');

      if (needs_quotes (field))
        {
          const char *p;

          g_string_append_c (out, '"');
          for (p = field; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, field);
    }

  g_string_append (out, "\r\n");
}
