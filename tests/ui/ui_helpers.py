"""What the UI tests share besides the driver itself.

The bookkeeping of a test's cases (the `case` decorator, RESULTS and the
summary at the end), the careguard command line and SQLite for preparing
and checking the database, ID numbers with their check digit, and the
helpers that look for widgets inside one window (a dialog's "Save" is not
the main window's) and press, type or read them there.

Found like atspi_driver.py, by the test's own folder on sys.path.
"""
import os
import sqlite3
import subprocess
import time
import traceback

import pyatspi

from atspi_driver import App, UiError, is_showing, walk

BIN = os.environ["CAREGUARD_BIN"]

# (name of the case, the exception or None), in the order they ran.
RESULTS = []


# ---- the cases and the summary ---------------------------------------------

def case(func):
    """Runs @func as one case: prints "ok - NAME" or "not ok - NAME" with
    the traceback, records it in RESULTS and goes on with the next case."""
    def run(*args):
        try:
            func(*args)
            RESULTS.append((func.__name__, None))
            print("ok - %s" % func.__name__, flush=True)
        except Exception as exc:  # report and go on with the next case
            RESULTS.append((func.__name__, exc))
            print("not ok - %s\n%s" % (func.__name__, traceback.format_exc()), flush=True)
    return run


def prepared(make_database, folder):
    """The database made by @make_database(@folder), or None when that
    failed (then the traceback and a summary of one failure are printed)."""
    try:
        return make_database(folder)
    except Exception:
        traceback.print_exc()
        print("0 passed, 1 failed")
        return None


def summary():
    """Prints how many cases passed and failed; the exit status."""
    failed = [name for name, exc in RESULTS if exc is not None]
    print("%d passed, %d failed" % (len(RESULTS) - len(failed), len(failed)))
    return 1 if failed else 0


# ---- the database ----------------------------------------------------------

def careguard(db, *args, c_locale=True):
    """Runs the careguard command line on @db; its output.  In the C
    locale unless @c_locale is false (then in the test's own)."""
    env = dict(os.environ)
    if c_locale:
        env.update(LANGUAGE="C", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run([BIN, "--db", db] + list(args), env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise UiError("careguard %s failed (%d): %s"
                      % (" ".join(args), result.returncode, result.stderr.strip()))
    return result.stdout


def query(db, sql, params=()):
    """The rows of @sql with @params (a tuple) in @db."""
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def id_number(first17):
    """A mainland ID number: @first17 and its GB 11643 check digit."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


# ---- the window ------------------------------------------------------------

def start(db, **kwargs):
    """The window on @db.  A retry only for the display itself: under a
    loaded machine the first connection to a fresh Xvfb now and then fails."""
    for attempt in range(3):
        try:
            return App(BIN, db, **kwargs)
        except UiError:
            if attempt == 2:
                raise
            time.sleep(2)


def state_of(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def find_in(node, role=None, name=None, prefix=None):
    """The showing widgets under @node (itself included) of @role, named
    @name, or with a name starting with @prefix."""
    found = []
    for child in walk(node):
        try:
            if role is not None and child.getRoleName() != role:
                continue
            if name is not None and child.name != name:
                continue
            if prefix is not None and not (child.name or "").startswith(prefix):
                continue
            if not is_showing(child):
                continue
            found.append(child)
        except Exception:
            continue
    return found


def window_of(node):
    """The toplevel (frame, dialog …) holding @node."""
    while node is not None:
        parent = node.parent
        if parent is None or parent.getRoleName() == "application":
            return node
        node = parent
    return None


# The action names press() looks for; failing them, it does the widget's
# first action.  Some tests look for "toggle" as well.
CLICK_ACTIONS = ("click", "press", "activate")
PRESS_ACTIONS = CLICK_ACTIONS + ("toggle",)


def press(app, window, name, role="push button", actions=PRESS_ACTIONS):
    """Activates the widget of @role named @name inside @window (names
    repeat across windows) once it is sensitive.  @name may be a list of
    names, the first found is pressed (GTK 4.8 may name a button twice
    over, "Save Save")."""
    names = [name] if isinstance(name, str) else list(name)

    def lookup():
        for each in names:
            found = find_in(window, role, each)
            if found:
                return found[0]
        return None
    what = name if isinstance(name, str) else names
    node = app.wait(lookup, 10, "%s %r" % (role, what))
    app.wait(lambda: node.getState().contains(pyatspi.STATE_SENSITIVE), 10, "%r to become sensitive" % what)
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in actions:
            action.doAction(i)
            return node
    action.doAction(0)
    return node


def type_in(app, window, name, text):
    """Replaces the text of the field @name inside @window."""
    node = app.wait(lambda: (find_in(window, "text", name) or [None])[0], 10, "text %r" % name)
    node.queryEditableText().setTextContents(text)
    return node


def labels_in(window):
    """The texts of the showing labels inside @window."""
    return [label.name for label in find_in(window, "label")]


def row_texts(app, table, name):
    """The texts of the row that shows a label @name (each cell's labels)
    in the table found by @table, a (role, name) pair; or None."""
    node = app.find(*table)
    for row in find_in(node, "table row"):
        labels = [label.name for label in find_in(row, "label")]
        if name in labels:
            return labels
    return None


def wait_row(app, table, name, predicate, what):
    """The texts of @name's row in @table once @predicate holds for them."""
    return app.wait(lambda: (lambda texts: texts if texts is not None and predicate(texts) else None)(
        row_texts(app, table, name)), 20, what)


# ---- the keyboard ----------------------------------------------------------

# Keys typed as characters: Enter, Tab, and U+FF54 standing for Down.
KEYSYMS = {"\n": 0xff0d, "\t": 0xff09, "\uff54": 0xff54}


def keysym(char):
    if char in KEYSYMS:
        return KEYSYMS[char]
    code = ord(char)
    # Latin-1 keysyms are the code point; the rest are 0x01000000 + it.
    return code if code < 0x100 else 0x01000000 | code


def type_keys(text, pause=0.06, after=0.4, slow="\n"):
    """Real key presses through the X server, as a keyboard sends them;
    @after seconds after each of the characters in @slow, @pause after
    the others."""
    for char in text:
        pyatspi.Registry.generateKeyboardEvent(keysym(char), None, pyatspi.KEY_SYM)
        time.sleep(after if char in slow else pause)


def with_modifier(mask, key, pause):
    """@key (a keysym) with the modifiers of @mask held (as locked
    modifiers) around it."""
    pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(key, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(pause)
