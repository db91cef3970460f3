#!/usr/bin/python3
"""UI test: registers imported from CSV through the window's import dialog.

A care home is set up with the command line; the real careguard window is
driven through the accessibility tree.  GTK's file chooser cannot be driven
that way, so the test names the file in CAREGUARD_TEST_IMPORT_FILE, which
cg_import_dialog_run() opens in place of the chooser; the test writes each
file it imports to that path in turn.  Everything after the choice (reading
in a thread, the preview, the problems, the commit) is the real path.

1. People, from the People page: the preview says how many, Import stores them.
2. Checks with a bad row, from the Temperature Checks page: the problems are
   listed with their line and column, Import stays insensitive, nothing is
   stored.
3. The same checks corrected, in GB18030 with Chinese headers as WPS saves
   them: imported, and read back from the database with sqlite3.
"""
import datetime
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ui_helpers  # noqa: E402
from atspi_driver import App, walk  # noqa: E402
from ui_helpers import BIN, careguard, case, query, summary  # noqa: E402

PEOPLE = [
    ("王秀英", "resident", "1-01"),
    ("李桂兰", "resident", "1-02"),
    ("张护士", "staff", ""),
]


def id_number(serial):
    """A valid mainland ID number (GB 11643 check digit)."""
    return ui_helpers.id_number("35058219400101%03d" % serial)


def labels(app):
    """The texts of the labels on screen."""
    return [node.name for node in app.find_all("label")]


def label_starting(app, prefix, timeout=60):
    return app.wait(lambda: next((text for text in labels(app) if text.startswith(prefix)), None),
                    timeout, "a label starting with %r" % prefix)


def row_of(app, text):
    """The texts of the list row that shows a label @text (its cells)."""
    for node in app.find_all("label", text):
        row = node.parent
        while row is not None and row.getRoleName() not in ("table row", "list item", "row header"):
            row = row.parent
        if row is None:
            continue
        return [n.name for n in walk(row) if n.getRoleName() == "label"]
    return None


def open_import(app, page, title):
    """Presses the page's Import… button; returns when the dialog shows its preview."""
    app.open_page(page)
    app.click("Import…")
    app.find(None, title, timeout=20)
    # The preview (or the error page) replaces "Reading the file…".
    app.wait(lambda: app.exists("push button", "Cancel")
             and not any(t.startswith(("Reading the file", "Checking ")) for t in labels(app)),
             120, "the file to be read")


def write_people(path):
    with open(path, "w", encoding="utf-8-sig") as out:
        out.write("name,id_number,kind,room,arrived_on\n")
        for serial, (name, kind, room) in enumerate(PEOPLE, 1):
            out.write("%s,%s,%s,%s,2020-01-01\n" % (name, id_number(serial), kind, room))


@case
def import_people_then_checks(directory):
    db = os.path.join(directory, "import.db")
    csv_path = os.path.join(directory, "register.csv")
    careguard(db, "setup", "--name", "晋江市福寿园养老院", "--type", "care-home", "--beds", "60")

    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    write_people(csv_path)

    app = App(BIN, db, extra_env={"CAREGUARD_TEST_IMPORT_FILE": csv_path})
    try:
        # 1. People.
        open_import(app, "People", "Import People")
        label_starting(app, "Every row is correct. Ready to import 3 people: 3 new, 0 updated.")
        app.click("Import")
        app.wait(lambda: len(query(db, "SELECT id FROM person")) == 3, 30, "the people to be stored")
        app.wait(lambda: not app.exists("push button", "Cancel"), 20, "the dialog to close")

        # 2. Checks with two bad rows: an impossible temperature on line 3
        # and someone nobody registered on line 5.
        stranger = id_number(99)
        with open(csv_path, "w", encoding="utf-8") as out:
            out.write("id_number,checked_at,temperature,symptoms\n")
            out.write("%s,%s 07:30,36.5,\n" % (id_number(1), yesterday))
            out.write("%s,%s 07:35,3.7,\n" % (id_number(2), yesterday))
            out.write("%s,%s 07:40,36.8,\n" % (id_number(3), yesterday))
            out.write("%s,%s 07:45,36.6,\n" % (stranger, yesterday))
        open_import(app, "Temperature Checks", "Import Temperature Checks")
        label_starting(app, "2 problems found. Nothing will be imported")
        app.find("page tab", "Problems (2)")
        assert not app.is_sensitive("Import"), "Import is sensitive with problems in the file"

        temperature_row = app.wait(lambda: next((row_of(app, t) for t in labels(app)
                                                 if "3.7 °C is not a possible body temperature" in t), None),
                                   20, "the problem of line 3")
        assert temperature_row[:2] == ["3", "temperature"], temperature_row
        stranger_row = app.wait(lambda: next((row_of(app, t) for t in labels(app)
                                              if ("No one with the ID number %s is registered" % stranger) in t), None),
                                20, "the problem of line 5")
        assert stranger_row[:2] == ["5", "id_number"], stranger_row
        assert query(db, "SELECT count(*) FROM health_check") == [(0,)], "checks stored from a refused file"
        app.click("Cancel")
        app.wait(lambda: not app.exists("push button", "Cancel"), 20, "the dialog to close")
        assert query(db, "SELECT count(*) FROM health_check") == [(0,)], "checks stored after Cancel"

        # 3. Corrected, saved by WPS: GB18030 with the Chinese headers.
        lines = ["身份证号,检测时间,体温,症状",
                 "%s,%s 07:30,36.5," % (id_number(1), yesterday),
                 "%s,%s 07:35,37.3,发热;咳嗽" % (id_number(2), yesterday),
                 "%s,%s 07:40,36.8," % (id_number(3), yesterday)]
        with open(csv_path, "wb") as out:
            out.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))
        open_import(app, "Temperature Checks", "Import Temperature Checks")
        label_starting(app, "Every row is correct. Ready to import 3 checks: 3 new, 0 updated.")
        assert any(t.startswith("Encoding: GB18030") for t in labels(app)), labels(app)
        app.click("Import")
        # The stored rows, not the toast (it lives seconds only, and a
        # loaded machine may look after it is gone).
        app.wait(lambda: len(query(db, "SELECT id FROM health_check")) == 3, 60, "the checks to be stored")
        stored = query(db, "SELECT p.id_number, c.checked_on, c.temperature, c.symptoms "
                           "FROM health_check c JOIN person p ON p.id = c.person_id ORDER BY c.checked_at")
        assert stored == [(id_number(1), yesterday, 36.5, 0),
                          (id_number(2), yesterday, 37.3, 1 | 4),
                          (id_number(3), yesterday, 36.8, 0)], stored
        audit = query(db, "SELECT what, subject, new_value FROM audit WHERE what = 'import' ORDER BY id")
        assert [row[1] for row in audit] == ["people", "checks"], audit
    finally:
        app.quit()


def main():
    directory = tempfile.mkdtemp(prefix="careguard-ui-import-")
    import_people_then_checks(directory)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
