/* cg-json.h — the little JSON the command line writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text as a JSON string (quoted, escaped; UTF-8 kept). */
void cg_json_append_string (GString    *out,
                            const char *text);
/* Appends "key": "value" with a leading comma unless @first. */
void cg_json_append_member (GString    *out,
                            const char *key,
                            const char *value,
                            gboolean    first);

G_END_DECLS
