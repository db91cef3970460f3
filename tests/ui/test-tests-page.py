#!/usr/bin/python3
"""UI test: the nucleic-acid test register.

Two staff members, one with a negative test 40 days ago (overdue under
CH-5's 28 days), one with none.  The test opens the "Nucleic-Acid Tests"
page, finds both states, records a negative sample for today through the
Record Sample dialog and checks the stored row and the new state; dates
the dialog must refuse; a pending sample given its result from the
person's history; a positive result that needs a confirmation.

Runs the real careguard window under Xvfb (the suite runs inside xvfb-run
and dbus-run-session) and drives it through the accessibility tree.
"""
import csv
import datetime
import functools
import os
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ui_helpers  # noqa: E402
from ui_helpers import (careguard, case, find_in, id_number, labels_in, prepared, query,  # noqa: E402
                        start, summary, type_in, wait_row, window_of)

import pyatspi  # noqa: E402

TODAY = datetime.date.today()
OVERDUE_SAMPLE = (TODAY - datetime.timedelta(days=40)).isoformat()
CHEN = ("陈建国", id_number("35058219750312003"), "Nurse")
LIN = ("林小红", id_number("35058219880621004"), "Cook")
# The register, by its role and name.
REGISTER = ("tree table", "Nucleic-acid test register")

# Clicks @name inside @window (names repeat across windows); this test's
# buttons are pressed by "click", "press" or "activate".
press = functools.partial(ui_helpers.press, actions=ui_helpers.CLICK_ACTIONS)


# ---- the database, as the command line and SQLite leave it ----------------

def make_database(folder):
    db = os.path.join(folder, "tests.db")
    careguard(db, "setup", "--name", "晋江市安康养老院", "--type", "care-home", "--beds", "40")
    people = os.path.join(folder, "people.csv")
    with open(people, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "id_number", "kind", "sex", "phone", "role", "room", "arrived_on"])
        for name, number, role in (CHEN, LIN):
            writer.writerow([name, number, "staff", "", "", role, "", "2020-03-01"])
    careguard(db, "import", "people", people)

    # A negative test 40 days ago for Chen: overdue since day 29.
    con = sqlite3.connect(db)
    try:
        (chen_id,) = con.execute("SELECT id FROM person WHERE id_number = ?", (CHEN[1],)).fetchone()
        now = datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
        con.execute("INSERT INTO nat_test (person_id, sampled_on, result, result_on, site, created_at, updated_at) "
                    "VALUES (?, ?, 'negative', ?, '青阳卫生院', ?, ?)",
                    (chen_id, OVERDUE_SAMPLE, OVERDUE_SAMPLE, now, now))
        con.commit()
    finally:
        con.close()
    return db


def tests_of(db, id_number_):
    return query(db, "SELECT t.sampled_on, t.result, t.result_on, t.site FROM nat_test t "
                     "JOIN person p ON p.id = t.person_id WHERE p.id_number = ? "
                     "ORDER BY t.sampled_on", (id_number_,))


# ---- the window -----------------------------------------------------------

def open_tests_page(app):
    """Selects "Nucleic-Acid Tests" in the sidebar; returns the register."""
    app.open_page("Nucleic-Acid Tests")
    return app.find(*REGISTER, timeout=20)


def dialog_with(app, role, name):
    """The window that holds a widget of @role and @name."""
    return window_of(app.find(role, name))


def sensitive_in(window, name, role="push button"):
    nodes = find_in(window, role, name)
    return bool(nodes) and nodes[0].getState().contains(pyatspi.STATE_SENSITIVE)


def open_record_dialog(app):
    app.click("Record Sample…")
    return dialog_with(app, "text", "Person")


# ---- cases ----------------------------------------------------------------

@case
def overdue_then_negative_today(db):
    app = start(db)
    try:
        open_tests_page(app)
        chen = wait_row(app, REGISTER, CHEN[0], lambda t: "Overdue" in t, "Chen to be shown overdue")
        assert OVERDUE_SAMPLE in chen, chen
        assert "12 days overdue" in chen, chen
        wait_row(app, REGISTER, LIN[0], lambda t: "No negative test" in t, "Lin to have no negative test")
        # Overdue sorts before "no negative test": who is late comes first.
        table = app.find("tree table", "Nucleic-acid test register")
        names = [l.name for l in find_in(table, "label") if l.name in (CHEN[0], LIN[0])]
        assert names == [CHEN[0], LIN[0]], names

        dialog = open_record_dialog(app)
        type_in(app, dialog, "Person", CHEN[1])
        app.wait(lambda: any(l.startswith(CHEN[0] + " — ") for l in labels_in(dialog)), 10,
                 "the dialog to find Chen by ID number")
        sampled = find_in(dialog, "text", "Sampling Date")[0]
        assert app.text_of(sampled) == TODAY.isoformat(), app.text_of(sampled)
        type_in(app, dialog, "Sampling Site", "青阳街道社区卫生服务中心")
        press(app, dialog, "Negative")
        result_day = find_in(dialog, "text", "Result Date")[0]
        app.wait(lambda: app.text_of(result_day) == TODAY.isoformat(), 5, "the result date to default to today")
        press(app, dialog, "Save")

        app.wait(lambda: len(tests_of(db, CHEN[1])) == 2, 10, "the sample to be stored")
        assert tests_of(db, CHEN[1])[-1] == (TODAY.isoformat(), "negative", TODAY.isoformat(),
                                             "青阳街道社区卫生服务中心"), tests_of(db, CHEN[1])
        chen = wait_row(app, REGISTER, CHEN[0], lambda t: "Up to date" in t, "Chen to be up to date")
        due = (TODAY + datetime.timedelta(days=28)).isoformat()
        assert TODAY.isoformat() in chen and due in chen and "in 28 days" in chen, chen
        assert "Overdue" not in chen, chen
    finally:
        app.quit()


@case
def impossible_dates_refused(db):
    before = tests_of(db, LIN[1])
    app = start(db)
    try:
        open_tests_page(app)
        wait_row(app, REGISTER, LIN[0], lambda t: "No negative test" in t, "Lin's row")
        dialog = open_record_dialog(app)
        type_in(app, dialog, "Person", LIN[0])
        app.wait(lambda: any(l.startswith(LIN[0] + " — ") for l in labels_in(dialog)), 10,
                 "the dialog to find Lin by name")
        assert sensitive_in(dialog, "Save"), "a pending sample of today should be savable"

        tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
        type_in(app, dialog, "Sampling Date", tomorrow)
        app.wait(lambda: "Sampling date: the date is in the future." in labels_in(dialog), 5,
                 "the future sampling date to be refused")
        assert not sensitive_in(dialog, "Save"), "Save accepted a sample in the future"

        yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
        type_in(app, dialog, "Sampling Date", yesterday)
        press(app, dialog, "Negative")
        type_in(app, dialog, "Result Date", (TODAY - datetime.timedelta(days=2)).isoformat())
        app.wait(lambda: "Result date: the result cannot come before the sample." in labels_in(dialog), 5,
                 "a result before the sample to be refused")
        assert not sensitive_in(dialog, "Save"), "Save accepted a result before the sample"

        type_in(app, dialog, "Sampling Date", "2023-02-30")
        app.wait(lambda: any(l.startswith("Sampling date: not a date") for l in labels_in(dialog)), 5,
                 "an impossible date to be refused")
        assert not sensitive_in(dialog, "Save"), "Save accepted 2023-02-30"
        press(app, dialog, "Cancel")
        app.wait(lambda: not find_in(app.root, "text", "Person"), 5, "the dialog to close")
        assert tests_of(db, LIN[1]) == before, tests_of(db, LIN[1])
    finally:
        app.quit()


@case
def pending_sample_given_its_result(db):
    app = start(db)
    try:
        table = open_tests_page(app)
        wait_row(app, REGISTER, LIN[0], lambda t: "No negative test" in t, "Lin's row")
        # Select Lin: the dialog opens with her chosen.
        listing = find_in(table, "list")[0]
        lin_index = [i for i in range(listing.childCount)
                     if LIN[0] in [l.name for l in find_in(listing.getChildAtIndex(i), "label")]][0]
        listing.querySelection().selectChild(lin_index)
        app.wait(lambda: app.is_sensitive("History"), 5, "History to be offered for the selection")

        dialog = open_record_dialog(app)
        person = find_in(dialog, "text", "Person")[0]
        assert app.text_of(person) == LIN[0], app.text_of(person)
        press(app, dialog, "Save")   # pending, sampled today
        app.wait(lambda: tests_of(db, LIN[1]) == [(TODAY.isoformat(), "pending", None, "")],
                 10, "the pending sample to be stored")
        wait_row(app, REGISTER, LIN[0], lambda t: "Result pending" in t and "No negative test" in t,
                 "Lin to be shown waiting for a result")

        app.click("History")
        panel = app.find("panel", "Test history")
        app.wait(lambda: "Sampled %s" % TODAY.isoformat() in labels_in(panel), 10, "the sample in the history")
        press(app, panel, "Enter Result…")
        dialog = dialog_with(app, "label", "Enter Result")
        assert not find_in(dialog, "text", "Person"), "the person can be changed when entering a result"
        press(app, dialog, "Save")   # negative, today: the defaults
        app.wait(lambda: tests_of(db, LIN[1]) == [(TODAY.isoformat(), "negative", TODAY.isoformat(), "")],
                 10, "the result to be stored")
        wait_row(app, REGISTER, LIN[0], lambda t: "Up to date" in t and "Result pending" not in t,
                 "Lin to be up to date")
    finally:
        app.quit()


@case
def positive_needs_confirmation(db):
    before = tests_of(db, CHEN[1])
    app = start(db)
    try:
        open_tests_page(app)
        dialog = open_record_dialog(app)
        type_in(app, dialog, "Person", CHEN[1])
        app.wait(lambda: any(l.startswith(CHEN[0] + " — ") for l in labels_in(dialog)), 10, "Chen chosen")
        # Today's sample is stored as negative: the dialog says a save replaces it.
        app.wait(lambda: "A sample of that day is already recorded (Negative): saving replaces its result."
                 in labels_in(dialog), 10, "the warning about the stored sample")
        press(app, dialog, "Positive")
        press(app, dialog, "Save")
        confirm = dialog_with(app, "push button", "Record Positive")
        assert any("report at once" in l for l in labels_in(confirm)), labels_in(confirm)
        press(app, confirm, "Cancel")
        time.sleep(1)
        assert tests_of(db, CHEN[1]) == before, "a positive was stored without confirmation"

        press(app, dialog, "Save")
        confirm = dialog_with(app, "push button", "Record Positive")
        press(app, confirm, "Record Positive")
        app.wait(lambda: tests_of(db, CHEN[1])[-1] == (TODAY.isoformat(), "positive", TODAY.isoformat(),
                                                       "青阳街道社区卫生服务中心"),
                 10, "the positive result to replace the negative")
        assert len(tests_of(db, CHEN[1])) == len(before), tests_of(db, CHEN[1])
        chen = wait_row(app, REGISTER, CHEN[0], lambda t: "Positive" in t, "Chen to be shown positive")
        # A positive comes first, before anyone overdue or untested.
        table = app.find("tree table", "Nucleic-acid test register")
        names = [l.name for l in find_in(table, "label") if l.name in (CHEN[0], LIN[0])]
        assert names == [CHEN[0], LIN[0]], names
    finally:
        app.quit()


def open_reports_page(app):
    app.open_page("Reports")


def figure(app, title):
    """The value a figure tile of the Reports page shows, once counted."""
    def value():
        for tile in app.find_all("panel"):
            if tile.name.startswith(title + ": "):
                return tile.name[len(title) + 2:]
        return None
    return app.wait(value, 20, "the figure %r" % title)


@case
def daily_report_previewed_and_saved(db):
    folder = os.path.dirname(db)
    path = os.path.join(folder, "report")   # the page adds .xlsx
    app = start(db)
    try:
        open_reports_page(app)
        # Today: Chen and Lin sampled, nobody with fever, no check yet.
        app.find("label", "Zero Report", timeout=20)
        # On duty: staff with a check that day (ALL-1), none yet.
        assert figure(app, "Staff on Duty") == "0", figure(app, "Staff on Duty")
        assert figure(app, "Samples Taken") == "2", figure(app, "Samples Taken")
        assert figure(app, "Temperature Checks") == "0 / 2", figure(app, "Temperature Checks")
        assert figure(app, "Tests Overdue") == "0", figure(app, "Tests Overdue")

        # Ten days ago Chen was already overdue, Lin had no negative test
        # at all (the report counts both), and nobody was sampled.
        ten_days_ago = (TODAY - datetime.timedelta(days=10)).isoformat()
        app.set_text("Report Date", ten_days_ago)
        app.wait(lambda: figure(app, "Samples Taken") == "0", 20, "the figures of ten days ago")
        assert figure(app, "Tests Overdue") == "2", figure(app, "Tests Overdue")
        # A day to come is refused, and so is saving it.
        app.set_text("Report Date", (TODAY + datetime.timedelta(days=1)).isoformat())
        app.find("label", "Choose a Day", timeout=10)
        app.wait(lambda: not app.is_sensitive("Save Report…"), 5, "Save Report to refuse a future day")
        app.set_text("Report Date", TODAY.isoformat())
        app.find("label", "Zero Report", timeout=20)

        app.click("Save Report…")
        app.set_text("Name:", path)
        chooser = dialog_with(app, "text", "Name:")
        save = [b for b in find_in(chooser, "push button") if b.name in ("Save", "_Save Save", "Save Save")]
        assert save, [b.name for b in find_in(chooser, "push button")]
        save[0].queryAction().doAction(0)
        app.wait(lambda: os.path.exists(path + ".xlsx"), 30, "the report to be written")
        with open(path + ".xlsx", "rb") as f:
            assert f.read(2) == b"PK", "the report is not a workbook"
    finally:
        app.quit()


@case
def positive_makes_the_report_abnormal(db):
    app = start(db)
    try:
        open_reports_page(app)
        app.find("label", "Abnormal: 1", timeout=20)
        assert figure(app, "Positive Results") == "1", figure(app, "Positive Results")
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-tests-page-")
    db = prepared(make_database, tmp)
    if db is None:
        return 1
    overdue_then_negative_today(db)
    impossible_dates_refused(db)
    pending_sample_given_its_result(db)
    daily_report_previewed_and_saved(db)
    positive_needs_confirmation(db)
    positive_makes_the_report_abnormal(db)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
