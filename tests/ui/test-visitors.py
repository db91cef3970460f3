#!/usr/bin/python3
"""UI test: the gate's visitor check-in and check-out with the keyboard alone (ALL-4).

A care home with two residents and a nurse is set up and imported with the
command line; the real careguard window is driven through the
accessibility tree.  Chinese text goes in through AT-SPI's EditableText,
everything else as key presses (XTest, through AT-SPI's
generateKeyboardEvent): Enter moves from field to field, Space chooses
the health-code colour, Tab walks on, Enter in the temperature field checks
the visitor in.  The database is then read with sqlite3:
 - a visitor with 36.5 is admitted (refusal 0, left_at NULL), inside, and
   checked out again with Tab and Space on their Check Out button;
 - a visitor with 38.2 is refused: the verdict on screen names the fever
   and the stored refusal has the fever bit;
 - 3.7 is refused as a typing error with its message and nothing is stored;
 - "Who Was Here at the Same Time…" lists the resident visited and exports
   a CSV file (BOM, masked ID numbers);
 - a returning visitor's ID number fills in their name, phone, person
   visited and relationship.
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ui_helpers  # noqa: E402
from atspi_driver import App  # noqa: E402
from ui_helpers import BIN, careguard, case, prepared, query, state_of, summary  # noqa: E402

import pyatspi  # noqa: E402

RESIDENTS = [("王秀英", "1-01"), ("李桂兰", "1-02")]
NURSE = "张护士"


def id_number(serial, birth="19400101"):
    """A valid mainland ID number (GB 11643 check digit)."""
    return ui_helpers.id_number("350582%s%03d" % (birth, serial))


VISITOR_1 = ("赵志刚", id_number(101, "19800101"), "13800138000")
VISITOR_2 = ("钱多多", id_number(102, "19800101"))
VISITOR_3 = ("孙小红", id_number(103, "19800101"))


def make_database(directory):
    db = os.path.join(directory, "visitors.db")
    careguard(db, "setup", "--name", "晋江市福寿园养老院", "--type", "care-home", "--beds", "50")
    csv_path = os.path.join(directory, "people.csv")
    with open(csv_path, "w", encoding="utf-8") as out:
        out.write("姓名,身份证号,类别,房间,入住日期\n")
        for serial, (name, room) in enumerate(RESIDENTS, start=1):
            out.write("%s,%s,入住老人,%s,2021-03-01\n" % (name, id_number(serial), room))
        out.write("%s,%s,staff,,2021-03-01\n" % (NURSE, id_number(9)))
    careguard(db, "import", "people", csv_path)
    return db


def visits_of(db, id_no):
    return query(db, "SELECT v.visitor_name, v.refusal, v.left_at, v.health_code, v.temperature, "
                     "p.name, v.phone, v.relationship, v.masked FROM visit v "
                     "LEFT JOIN person p ON p.id = v.visiting_id "
                     "WHERE v.visitor_id_number = ? ORDER BY v.id", (id_no,))


def type_keys(text, pause=0.06, after=0.35):
    """Real key presses through the X server, as a keyboard sends them;
    the longer pause after Enter, Tab and Space."""
    ui_helpers.type_keys(text, pause, after, slow="\n\t ")


def toggled_on(node):
    # GTK 4.8 exposes a toggle button's state as "pressed", not "checked".
    return state_of(node, pyatspi.STATE_PRESSED) or state_of(node, pyatspi.STATE_CHECKED)


def focused(node):
    return state_of(node, pyatspi.STATE_FOCUSED)


def wait_focus(app, role, name, what=None):
    node = app.find(role, name)
    app.wait(lambda: focused(node), 10, what or "the focus on %r" % name)
    return node


def type_text(app, name, text):
    """Chinese text through AT-SPI into the field that has the focus."""
    node = wait_focus(app, "text", name)
    node.queryEditableText().setTextContents(text)
    time.sleep(0.2)
    return node


def open_visitors_page(app):
    app.open_page("Visitors")
    # The page puts the focus in the name field for the first visitor.
    wait_focus(app, "text", "Visitor name", "the focus in the name field")


def health_code_then_temperature(temperature):
    """From the focused health-code group: Space picks Green, four Tabs
    (risk switch, mask switch, symptoms, temperature), the reading, Enter."""
    type_keys(" ")
    type_keys("\t\t\t\t")
    type_keys(temperature + "\n", after=0.6)


def label_with(app, text):
    return [n for n in app.find_all("label") if text in (n.name or "")]


@case
def admitted_and_checked_out_with_the_keyboard(db):
    app = App(BIN, db)
    try:
        open_visitors_page(app)
        app.find("label", "0 of 4 inside")
        name, id_no, phone = VISITOR_1
        type_text(app, "Visitor name", name)
        type_keys("\n")
        wait_focus(app, "text", "Visitor ID number")
        type_keys(id_no + "\n")
        wait_focus(app, "text", "Visitor phone")
        type_keys(phone + "\n")
        # Part of the name, and Enter takes the person listed.
        visiting = type_text(app, "Visiting", RESIDENTS[0][0][:2])
        app.find("label", "%s (%s)" % RESIDENTS[0], timeout=10)
        type_keys("\n")
        assert app.text_of(visiting) == "%s (%s)" % RESIDENTS[0], app.text_of(visiting)
        type_text(app, "Relationship", "女儿")
        type_keys("\n")
        green = wait_focus(app, "push button", "Green", "the focus on the health code")
        # No colour is chosen for the gate staff: the form cannot be sent yet.
        assert not any(toggled_on(app.find("push button", colour))
                       for colour in ("Green", "Yellow", "Orange", "Red", "No code")), \
            "a health code was chosen by default"
        assert not app.is_sensitive("Check In"), "Check In without a health code"
        health_code_then_temperature("36.5")

        app.wait(lambda: visits_of(db, id_no), 10, "the visit to be stored")
        stored = visits_of(db, id_no)
        assert len(stored) == 1, stored
        assert stored[0] == (name, 0, None, "green", 36.5, RESIDENTS[0][0], phone, "女儿", 1), stored

        # The verdict, the count, the row; the form is empty for the next visitor.
        app.find("label", "Admitted")
        app.find("label", "1 of 4 inside")
        app.find("label", name)
        name_field = wait_focus(app, "text", "Visitor name", "the focus back in the name field")
        assert app.text_of(name_field) == "", app.text_of(name_field)
        assert app.text_of(app.find("text", "Visitor temperature")) == ""

        # Checked out with the keyboard: Tab to the visitor's button, Space.
        button = app.find("push button", "Check out %s" % name)
        for _ in range(40):
            if focused(button):
                break
            type_keys("\t", after=0.15)
        assert focused(button), "Tab does not reach the Check Out button"
        type_keys(" ")
        app.wait(lambda: visits_of(db, id_no)[0][2] is not None, 10, "left_at to be stored")
        app.find("label", "0 of 4 inside")
        assert visits_of(db, id_no)[0][1] == 0
    finally:
        app.quit()


@case
def a_fever_is_refused_and_registered(db):
    app = App(BIN, db)
    try:
        open_visitors_page(app)
        name, id_no = VISITOR_2
        type_text(app, "Visitor name", name)
        type_keys("\n")
        wait_focus(app, "text", "Visitor ID number")
        type_keys(id_no + "\n")      # a first visit: on to the phone
        wait_focus(app, "text", "Visitor phone")
        type_keys("\n\n\n")          # no phone, nobody chosen, no relationship
        wait_focus(app, "push button", "Green", "the focus on the health code")
        health_code_then_temperature("38.2")

        app.wait(lambda: visits_of(db, id_no), 10, "the refused visit to be stored")
        stored = visits_of(db, id_no)
        assert len(stored) == 1, stored
        assert stored[0][1] & 1, "no fever bit in %r" % (stored,)
        assert stored[0][1] == 1, stored     # green, masked, no trip: the fever alone
        assert stored[0][2] is None, stored
        # The reason is on screen, in large letters.
        verdict = app.wait(lambda: label_with(app, "Refused: fever"), 10, "the refusal verdict")
        assert verdict[0].name == "Refused: fever", verdict[0].name
        app.find("label", "0 of 4 inside")
        assert not app.exists("push button", "Check out %s" % name), "a refused visitor is inside"
    finally:
        app.quit()


@case
def an_impossible_temperature_is_not_stored(db):
    app = App(BIN, db)
    try:
        open_visitors_page(app)
        name, id_no = VISITOR_3
        type_text(app, "Visitor name", name)
        type_keys("\n")
        wait_focus(app, "text", "Visitor ID number")
        type_keys(id_no + "\n")
        wait_focus(app, "text", "Visitor phone")
        type_keys("\n")
        # The room alone finds the resident.
        type_text(app, "Visiting", RESIDENTS[1][1])
        app.find("label", "%s (%s)" % RESIDENTS[1], timeout=10)
        type_keys("\n\n")
        wait_focus(app, "push button", "Green")
        health_code_then_temperature("3.7")
        app.find("label", "3.7 °C is not a possible body temperature (35.0–43.0 °C): "
                          "check for a typing error and measure again.")
        temperature = app.find("text", "Visitor temperature")
        assert focused(temperature), "the focus left the refused temperature"
        time.sleep(0.5)
        assert visits_of(db, id_no) == [], visits_of(db, id_no)
        # Corrected in place (the text is selected): stored this time.
        type_keys("36.6\n", after=0.6)
        app.wait(lambda: visits_of(db, id_no), 10, "the corrected visit to be stored")
        assert visits_of(db, id_no)[0][1:6] == (0, None, "green", 36.6, RESIDENTS[1][0]), visits_of(db, id_no)
        assert len(query(db, "SELECT id FROM visit")) == 3
    finally:
        app.quit()


@case
def the_register_lists_and_searches(db):
    app = App(BIN, db)
    try:
        app.open_page("Visitors")
        app.click("Register", role="push button")
        app.find("label", "3 visits", timeout=20)
        app.find("label", "Refused: fever", timeout=10)
        app.set_text("Search visits", VISITOR_2[1][:10], role="entry")
        app.find("label", "3 visits", timeout=10)   # all three share the prefix 3505821980
        app.set_text("Search visits", "钱", role="entry")
        app.find("label", "1 visit", timeout=10)
        app.set_text("Search visits", "欧阳", role="entry")
        app.find(None, "No Results Found", timeout=10)
    finally:
        app.quit()


@case
def who_was_here_is_listed_and_exported(db, export_path):
    app = App(BIN, db, extra_env={"CAREGUARD_TEST_EXPORT_FILE": export_path})
    try:
        app.open_page("Visitors")
        app.click("Register", role="push button")
        app.find("label", "3 visits", timeout=20)
        # The newest visit is selected: the third visitor, still inside.
        app.click("Who Was Here at the Same Time…")
        app.find("label", "Visitor %s (%s********%s)" % (VISITOR_3[0], VISITOR_3[1][:6], VISITOR_3[1][-4:]),
                 timeout=10)
        # Only the resident this visitor came to see: the first visitor had
        # left, the second was refused, no staff was checked.
        app.find("label", "1 person was here at the same time", timeout=20)
        app.find("label", RESIDENTS[1][0])
        # (A header bar's buttons are not marked visible by GTK 4.8.)
        # named twice by GTK 4.8 for its mnemonic: accept both
        export = app.wait(lambda: [b for b in app.find_all("push button", showing=False)
                                   if b.name in ("Export…", "Export… Export…")], 10, "the Export button")[0]
        app.wait(lambda: state_of(export, pyatspi.STATE_SENSITIVE), 10, "Export to become sensitive")
        export.queryAction().doAction(0)
        app.wait(lambda: os.path.exists(export_path) and os.path.getsize(export_path) > 0, 10,
                 "the CSV file to be written")
        with open(export_path, "rb") as f:
            data = f.read()
        assert data.startswith(b"\xef\xbb\xbf"), data[:10]
        lines = data[3:].decode("utf-8").split("\r\n")
        assert lines[0] == "Kind,Name,ID Number (masked),Phone,From,To,Detail", lines[0]
        assert len([line for line in lines if line]) == 2, lines
        fields = lines[1].split(",")
        assert fields[1] == RESIDENTS[1][0], fields
        assert fields[2] == id_number(2)[:6] + "********" + id_number(2)[-4:], fields
        assert id_number(2) not in data.decode("utf-8", "replace"), "a full ID number was exported"
    finally:
        app.quit()


@case
def a_returning_visitor_is_filled_in(db):
    app = App(BIN, db)
    try:
        open_visitors_page(app)
        name, id_no, phone = VISITOR_1
        type_keys("\n")                 # the ID number first this time
        wait_focus(app, "text", "Visitor ID number")
        type_keys(id_no)
        app.wait(lambda: label_with(app, "Returning visitor"), 10, "the returning visitor to be recognised")
        assert app.text_of(app.find("text", "Visitor name")) == name
        assert app.text_of(app.find("text", "Visitor phone")) == phone
        assert app.text_of(app.find("text", "Visiting")) == "%s (%s)" % RESIDENTS[0]
        assert app.text_of(app.find("text", "Relationship")) == "女儿"
        # Enter goes straight to the health code; its key 1 is Green.
        type_keys("\n")
        green = wait_focus(app, "push button", "Green", "the focus on the health code")
        type_keys("1")
        app.wait(lambda: toggled_on(green), 10, "Green to be chosen with its key")
        type_keys("\t\t\t\t36.4\n", after=0.4)
        app.wait(lambda: len(visits_of(db, id_no)) == 2, 10, "the second visit to be stored")
        assert visits_of(db, id_no)[1][:8] == (name, 0, None, "green", 36.4, RESIDENTS[0][0], phone, "女儿"), \
            visits_of(db, id_no)
        app.find("label", "Admitted")
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-ui-visitors-")
    db = prepared(make_database, tmp)
    if db is None:
        return 1
    admitted_and_checked_out_with_the_keyboard(db)
    a_fever_is_refused_and_registered(db)
    an_impossible_temperature_is_not_stored(db)
    the_register_lists_and_searches(db)
    who_was_here_is_listed_and_exported(db, os.path.join(tmp, "copresence.csv"))
    a_returning_visitor_is_filled_in(db)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
