#!/bin/sh
# check-po.sh SOURCE_ROOT
#
# Fails (exit 1, with the list of problems) when
#  - a file under src/ or ui/ marks strings for translation (_(" N_(" C_("
#    NC_(" ngettext g_dngettext g_dpgettext2, or translatable="yes") and is
#    not listed in po/POTFILES.in;
#  - po/POTFILES.in names a file that does not exist;
#  - a catalog of po/LINGUAS (zh_CN), merged with a template freshly
#    extracted from POTFILES.in, has an untranslated or fuzzy message;
#  - msgfmt --check rejects a catalog.
# Uses only sh, POSIX utilities and the gettext tools.

set -u

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SOURCE_ROOT" >&2
  exit 2
fi
cd "$1" || exit 2

for tool in xgettext msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-po: $tool not found (install the gettext package)" >&2
    exit 2
  fi
done

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "FAIL: $potfiles does not exist"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-po.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# At most this many messages of each kind are listed (0: all).
max=${CHECK_PO_MAX:-100}

failed=0
fail () {
  failed=1
  echo "FAIL: $*"
}

# POTFILES.in as xgettext --files-from reads it: '#' lines and blank lines
# are ignored.
sed -e 's/\r$//' -e 's/[[:space:]]*$//' "$potfiles" \
  | grep -v -e '^[[:space:]]*#' -e '^$' > "$tmp/entries"
n_entries=$(wc -l < "$tmp/entries" | tr -d ' ')
echo "check-po: $potfiles lists $n_entries file(s)"

# 1. every entry exists
: > "$tmp/existing"
: > "$tmp/missing"
while IFS= read -r f; do
  if [ -f "$f" ]; then
    echo "$f" >> "$tmp/existing"
  else
    echo "  $f" >> "$tmp/missing"
  fi
done < "$tmp/entries"
if [ -s "$tmp/missing" ]; then
  fail "$potfiles names files that do not exist:"
  cat "$tmp/missing"
fi

# 2. every file with marked strings is listed
mark='(^|[^[:alnum:]_])((N|C|NC)?_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\([[:space:]]*("|NULL|GETTEXT_PACKAGE|$)'
{
  for dir in src ui; do
    [ -d "$dir" ] || continue
    grep -rlIE -e "$mark" -e 'translatable="(yes|true|1)"' "$dir"
  done
} | LC_ALL=C sort -u > "$tmp/marked"
n_marked=$(wc -l < "$tmp/marked" | tr -d ' ')
echo "check-po: $n_marked file(s) under src/ and ui/ mark strings for translation"
: > "$tmp/unlisted"
while IFS= read -r f; do
  grep -qxF "$f" "$tmp/entries" || echo "  $f" >> "$tmp/unlisted"
done < "$tmp/marked"
if [ -s "$tmp/unlisted" ]; then
  fail "files with translatable strings missing from $potfiles:"
  cat "$tmp/unlisted"
fi

# 3. a fresh template, as the translators would get it
if ! xgettext --files-from="$tmp/existing" --directory=. \
       --output="$tmp/careguard.pot" --force-po \
       --package-name=careguard --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       2> "$tmp/xgettext.err"; then
  fail "xgettext could not extract the template:"
  sed 's/^/  /' "$tmp/xgettext.err"
  exit 1
fi
if [ -s "$tmp/xgettext.err" ]; then
  echo "check-po: xgettext warnings:"
  sed 's/^/  /' "$tmp/xgettext.err"
fi
n_msgids=$(msgattrib --no-wrap --no-obsolete "$tmp/careguard.pot" 2>/dev/null \
             | grep -c '^msgid ')
# the header entry is not a message
n_msgids=$((n_msgids > 0 ? n_msgids - 1 : 0))
echo "check-po: fresh template has $n_msgids message(s)"

# Prints the messages of a catalog, one a line ("[context] "msgid"").
list_msgids () {
  awk '
    /^msgctxt / { ctx = substr ($0, 9); next }
    /^msgid / { id = substr ($0, 7); inid = 1; next }
    /^"/ && inid { id = id $0; next }
    /^msgid_plural / { inid = 0; next }
    /^msgstr/ {
      if (inid || id != "") {
        gsub (/""/, "", id)
        if (id != "" || ctx != "")
          print "  " (ctx != "" ? "[" ctx "] " : "") id
      }
      inid = 0; id = ""; ctx = ""
      next
    }
  ' "$1"
}

# Prints a list, cut at $max lines.
show () {
  if [ "$max" -gt 0 ] && [ "$2" -gt "$max" ]; then
    head -n "$max" "$1"
    echo "  ... and $(($2 - max)) more (CHECK_PO_MAX=0 lists all)"
  else
    cat "$1"
  fi
}

# 4. each language of LINGUAS
langs=$(sed -e 's/#.*$//' po/LINGUAS 2>/dev/null | tr -s ' \t' '\n' | grep -v '^$')
if [ -z "$langs" ]; then
  fail "po/LINGUAS lists no language"
fi
for lang in $langs; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    fail "$po (listed in po/LINGUAS) does not exist"
    continue
  fi

  po_ok=1
  if ! msgfmt --check -o /dev/null "$po" 2> "$tmp/msgfmt.err"; then
    po_ok=0
    fail "msgfmt --check rejects $po:"
    sed 's/^/  /' "$tmp/msgfmt.err"
  fi

  # A fuzzy header is ignored by msgfmt, and with it the charset and plural forms.
  if awk '/^msgid /{ exit } /^#,.*fuzzy/{ f = 1 } END { exit !f }' "$po"; then
    fail "the header of $po is marked fuzzy"
  fi

  merged="$tmp/$lang.po"
  if ! msgmerge --quiet --no-wrap -o "$merged" "$po" "$tmp/careguard.pot" \
         2> "$tmp/msgmerge.err"; then
    fail "msgmerge could not merge $po with the template:"
    sed 's/^/  /' "$tmp/msgmerge.err"
    continue
  fi
  # The fresh template may carry new c-format flags the catalog lacks.
  if [ "$po_ok" -eq 1 ] && ! msgfmt --check -o /dev/null "$merged" 2> "$tmp/msgfmt.err"; then
    fail "msgfmt --check rejects $po merged with the fresh template:"
    sed "s|$tmp/||; s/^/  /" "$tmp/msgfmt.err"
  fi

  msgattrib --no-wrap --no-obsolete --untranslated "$merged" > "$tmp/untranslated.po"
  msgattrib --no-wrap --no-obsolete --only-fuzzy "$merged" > "$tmp/fuzzy.po"
  list_msgids "$tmp/untranslated.po" > "$tmp/untranslated"
  list_msgids "$tmp/fuzzy.po" > "$tmp/fuzzy"
  n_untranslated=$(wc -l < "$tmp/untranslated" | tr -d ' ')
  n_fuzzy=$(wc -l < "$tmp/fuzzy" | tr -d ' ')
  n_translated=$((n_msgids - n_untranslated - n_fuzzy))
  echo "check-po: $po: $n_translated translated, $n_fuzzy fuzzy, $n_untranslated untranslated (after merging with the fresh template)"
  if [ "$n_untranslated" -gt 0 ]; then
    fail "$po has $n_untranslated untranslated message(s):"
    show "$tmp/untranslated" "$n_untranslated"
  fi
  if [ "$n_fuzzy" -gt 0 ]; then
    fail "$po has $n_fuzzy fuzzy message(s) (new or changed source strings):"
    show "$tmp/fuzzy" "$n_fuzzy"
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "check-po: FAILED"
  exit 1
fi
echo "check-po: OK"
exit 0
