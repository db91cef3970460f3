#!/usr/bin/python3
"""UI test: first-run setup, add a person, restart, find the person again.

Runs the real careguard window under Xvfb (the test suite runs inside
xvfb-run and dbus-run-session) and drives it through the accessibility
tree, the way a screen reader would.
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import App  # noqa: E402
from ui_helpers import BIN, case, query, summary  # noqa: E402


def person_rows(db):
    return query(db, "SELECT name, id_number, kind, room, arrived_on, archived FROM person")


def institution(db):
    return query(db, "SELECT name, kind, district, beds, risk, director FROM institution")


@case
def setup_add_person_restart(db):
    app = App(BIN, db)
    try:
        app.set_text("Institution name", "晋江市福寿园养老院")
        app.set_text("District or town", "青阳街道")
        app.set_text("Director", "林美华")
        spin = app.find("spin button")
        spin.queryEditableText().setTextContents("120")
        # A bad phone number keeps the profile from being created.
        app.set_text("Contact phone", "12345")
        # Either the button refuses, or a click shows the error: never stored.
        if app.is_sensitive("Create Institution"):
            app.click("Create Institution")
            time.sleep(1)
        assert app.exists("push button", "Create Institution"), "setup left with a bad phone"
        assert institution(db) == [], "a profile with a bad phone number was stored"
        app.set_text("Contact phone", "0595-85681234")
        app.click("Create Institution")

        # The main view opens on Today; the people register is a page away.
        app.find("list item", "Today", timeout=20)
        app.open_page("People")
        app.find("push button", "Add Person", timeout=20)
        rows = institution(db)
        assert len(rows) == 1, rows
        name, kind, district, beds, risk, director = rows[0]
        assert (name, kind, district, beds, director) == (
            "晋江市福寿园养老院", "care-home", "青阳街道", 120, "林美华"), rows[0]

        app.click("Add Person")
        app.set_text("Name", "王秀英")
        # A wrong check digit: the dialog refuses to save.
        app.set_text("ID Number", "110105194912310021")
        app.set_text("Room", "2-05")
        app.set_text("Arrived On", "2020-03-01")
        app.wait(lambda: not app.is_sensitive("Save"), 5, "Save to refuse a wrong check digit")
        assert person_rows(db) == [], "a person with a wrong check digit was stored"

        app.set_text("ID Number", "11010519491231002x")
        app.click("Save")
        app.wait(lambda: len(person_rows(db)) == 1, 10, "the person to be stored")
        stored = person_rows(db)[0]
        assert stored[0] == "王秀英" and stored[1] == "11010519491231002X", stored
        assert stored[3] == "2-05" and stored[4] == "2020-03-01" and stored[5] == 0, stored
        app.find("label", "王秀英", timeout=10)
    finally:
        app.quit()

    # A new process on the same database: no setup page, the person is there.
    app = App(BIN, db)
    try:
        app.open_page("People")
        app.find("push button", "Add Person", timeout=20)
        assert not app.exists("push button", "Create Institution"), "setup shown again"
        app.find("label", "王秀英", timeout=10)
        # The search finds her by room, and hides her for another name.
        app.set_text("Search people", "2-05", role="entry")
        app.find("label", "王秀英", timeout=10)
        app.set_text("Search people", "陈建国", role="entry")
        app.wait(lambda: not app.find_all("label", "王秀英"), 10, "the search to hide her")
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-ui-")
    setup_add_person_restart(os.path.join(tmp, "ui.db"))
    return summary()


if __name__ == "__main__":
    sys.exit(main())
