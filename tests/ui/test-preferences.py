#!/usr/bin/python3
"""UI test: the rule values in Preferences (issue 3, item 2).

Opens Preferences from the main menu, changes the staff test interval
(CH-5) on the Rules page, checks that the value and its audit entry are
stored, that values out of range and temperature bands out of order are
refused, that typing is saved when the focus moves on, and that "Restore
the Documents' Values" removes every change.  Drives the real window
through the accessibility tree, like test-ui.py.
"""
import os
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyatspi  # noqa: E402
from atspi_driver import App, UiError  # noqa: E402
from ui_helpers import BIN, RESULTS, careguard, case, query, summary  # noqa: E402

# X keycodes of the keys the test presses (evdev layout, as under Xvfb).
KEY_CONTROL = 37
KEY_A = 38


def policy(db):
    return dict(query(db, "SELECT key, value FROM policy"))


def audit(db, what):
    return query(db, "SELECT old_value, new_value, subject FROM audit WHERE what = ? ORDER BY id", (what,))


def press(app, role, name, timeout=15):
    """Clicks the first showing widget of @role named @name (or any of the
    names in a tuple) that can be clicked: GTK 4.8 exposes some buttons
    twice (a menu button and the button inside it), and only one of them
    has the action; it also names a button with a mnemonic twice
    ("_Restore Restore")."""
    names = name if isinstance(name, tuple) else (name,)

    def clickable():
        for node in app.find_all(role):
            if node.name not in names:
                continue
            try:
                action = node.queryAction()
            except NotImplementedError:
                continue
            if action.nActions > 0 and node.getState().contains(pyatspi.STATE_SENSITIVE):
                return action
        return None
    action = app.wait(clickable, timeout, "a clickable %s %r" % (role, name))
    action.doAction(0)


def key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def open_rules(app):
    press(app, "push button", "Main Menu", timeout=30)
    press(app, "menu item", "Preferences")
    press(app, "page tab", "Rules")
    return app.find("spin button", "Staff test interval")


def focus_by_tab(app, node, limit=80):
    """Moves the keyboard focus to @node with Tab, as a user would."""
    for _ in range(limit):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return
        key(0xff09)  # Tab
        time.sleep(0.15)
    raise UiError("Tab never reached %r" % node.name)


@case
def rules_page_fits_the_institution(app, db):
    spin = app.find("spin button", "Staff test interval")
    # The row says where the number comes from.
    assert spin.description == "Rule CH-5 · document value 28 days", spin.description
    assert app.text_of(spin) == "28", app.text_of(spin)
    visitors = app.find("spin button", "Visitors at once")
    assert visitors.description == "Rule ALL-4 · default 4 people", visitors.description
    # A care home sees no funeral-home values.
    assert not app.exists("spin button", "Mourners at once"), "funeral values shown to a care home"


@case
def change_is_stored_and_audited(app, db):
    spin = app.find("spin button", "Staff test interval")
    # Set as an assistive tool would, without the keyboard focus: saved after a pause.
    spin.queryEditableText().setTextContents("21")
    app.wait(lambda: policy(db).get("test_interval_days") == 21, 10, "the interval to be stored")
    entries = audit(db, "policy.test_interval_days")
    assert entries == [("28", "21", None)], entries
    # The row is marked as changed.
    app.find("push button", "Restore the document value")


@case
def value_out_of_range_is_refused(app, db):
    spin = app.find("spin button", "Staff test interval")
    before = policy(db)
    spin.queryEditableText().setTextContents("500")
    app.wait(lambda: app.text_of(spin) != "500", 10, "500 to be refused")
    time.sleep(1.5)
    assert policy(db) == before, policy(db)
    assert app.text_of(spin) == "%d" % before.get("test_interval_days", 28), app.text_of(spin)


@case
def bands_out_of_order_are_refused(app, db):
    # ALL-3: a reading cannot be normal and a fever at once.
    normal = app.find("spin button", "Highest normal temperature")
    normal.queryEditableText().setTextContents("38.5")
    app.wait(lambda: app.text_of(normal) == "37.0", 10, "38.5 °C to be refused")
    assert "temp_normal_max" not in policy(db), policy(db)
    assert audit(db, "policy.temp_normal_max") == [], audit(db, "policy.temp_normal_max")


@case
def typing_is_saved_when_the_focus_moves_on(app, db):
    due = app.find("spin button", "Test due soon warning")
    focus_by_tab(app, due)
    pyatspi.Registry.generateKeyboardEvent(KEY_CONTROL, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(KEY_A, None, pyatspi.KEY_PRESSRELEASE)
    pyatspi.Registry.generateKeyboardEvent(KEY_CONTROL, None, pyatspi.KEY_RELEASE)
    pyatspi.Registry.generateKeyboardEvent(0, "10", pyatspi.KEY_STRING)
    app.wait(lambda: app.text_of(due) == "10", 10, "10 to be typed")
    time.sleep(2)
    assert "test_due_soon_days" not in policy(db), "saved while still typing"
    key(0xff09)  # Tab
    app.wait(lambda: policy(db).get("test_due_soon_days") == 10, 10, "Tab to save the value")


@case
def history_lists_rule_changes(app, db):
    press(app, "page tab", "Institution")
    try:
        app.find("label", "Staff test interval: 28 days → 21 days", showing=False)
        app.find("label", "Test due soon warning: 7 days → 10 days", showing=False)
    finally:
        press(app, "page tab", "Rules")


@case
def restore_the_documents_values(app, db):
    spin = app.find("spin button", "Staff test interval")
    press(app, "push button", "Restore the Documents’ Values")
    app.find("dialog", "Restore the Documents’ Values?")
    press(app, "push button", ("Restore", "_Restore Restore"))
    app.wait(lambda: policy(db) == {}, 10, "the stored values to be removed")
    last = audit(db, "policy.test_interval_days")[-1]
    assert last == ("21", None, "restored"), last
    app.wait(lambda: app.text_of(spin) == "28", 10, "the field to show 28 again")
    app.wait(lambda: not app.exists("push button", "Restore the document value"), 10,
             "the changed marks to go")
    press(app, "page tab", "Institution")
    app.find("label", "Staff test interval: 21 days → 28 days (restored)", showing=False)


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-prefs-")
    db = os.path.join(tmp, "prefs.db")
    careguard(db, "setup", "--name", "晋江市福寿园养老院",
              "--type", "care-home", "--beds", "120", "--district", "青阳街道", c_locale=False)
    app = App(BIN, db)
    try:
        open_rules(app)
        for test in (rules_page_fits_the_institution, change_is_stored_and_audited,
                     value_out_of_range_is_refused, bands_out_of_order_are_refused,
                     typing_is_saved_when_the_focus_moves_on, history_lists_rule_changes,
                     restore_the_documents_values):
            test(app, db)
    except Exception:
        RESULTS.append(("open_preferences", sys.exc_info()[1]))
        print("not ok - open_preferences\n%s" % traceback.format_exc(), flush=True)
    finally:
        app.quit()
    return summary()


if __name__ == "__main__":
    sys.exit(main())
