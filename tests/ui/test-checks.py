#!/usr/bin/python3
"""UI test: the morning round of temperature checks, typed with the keyboard alone.

A care home with five residents on floor 1 (and others elsewhere) is set up
and imported from CSV with the command line; the real careguard window is
driven through the accessibility tree, and the temperatures are typed as
key presses (XTest, through AT-SPI's generateKeyboardEvent): "36.5 Enter
36.8 Enter 37.6 Enter 3.7 Enter".  The database is then read with sqlite3:
the first three are stored for the right people, 3.7 is refused with its
message and the focus stays on that person's field.
"""
import datetime
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ui_helpers  # noqa: E402
from atspi_driver import App  # noqa: E402
from ui_helpers import (BIN, careguard, case, prepared, query, state_of, summary,  # noqa: E402
                        type_keys, with_modifier)

import pyatspi  # noqa: E402

# Floor 1 in room order, then floor 2 and the staff, who are not in the round.
FLOOR_1 = [
    ("王秀英", "1-01"),
    ("李桂兰", "1-02"),
    ("陈建国", "1-03"),
    ("林玉珍", "1-04"),
    ("黄志明", "1-05"),
]
OTHERS = [
    ("郑美华", "resident", "2-01"),
    ("吴国平", "resident", "2-02"),
    ("张护士", "staff", ""),
]
# A long floor: more lines than the window shows, so the list must follow
# the focus down as Enter moves it.
FLOOR_3 = [("%s%s" % (surname, given), "3-%02d" % (i // 2 + 1))
           for i, (surname, given) in enumerate(
               zip("赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜谢",
                   "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉金建国文辉"))]


def id_number(serial):
    """A valid mainland ID number (GB 11643 check digit)."""
    return ui_helpers.id_number("35058219400101%03d" % serial)


def make_database(directory):
    db = os.path.join(directory, "checks.db")
    careguard(db, "setup", "--name", "晋江市福寿园养老院", "--type", "care-home", "--beds", "60")
    csv_path = os.path.join(directory, "people.csv")
    with open(csv_path, "w", encoding="utf-8") as out:
        out.write("姓名,身份证号,类别,房间,入住日期\n")
        serial = 1
        # Written out of room order: the grid sorts them.
        for name, room in reversed(FLOOR_1):
            out.write("%s,%s,入住老人,%s,2021-03-01\n" % (name, id_number(serial), room))
            serial += 1
        for name, kind, room in OTHERS:
            out.write("%s,%s,%s,%s,2021-03-01\n" % (name, id_number(serial), kind, room))
            serial += 1
        for name, room in FLOOR_3:
            out.write("%s,%s,入住老人,%s,2021-03-01\n" % (name, id_number(serial), room))
            serial += 1
    careguard(db, "import", "people", csv_path)
    return db


def checks_today(db):
    """(name, temperature, symptoms) of today's checks, in entry order."""
    today = datetime.date.today().isoformat()
    return query(db, "SELECT p.name, c.temperature, c.symptoms FROM health_check c "
                     "JOIN person p ON p.id = c.person_id WHERE c.checked_on = ? ORDER BY c.id",
                 (today,))


def action_of(db, name):
    """The action taken recorded on @name's checks today."""
    today = datetime.date.today().isoformat()
    return [row[0] for row in query(
        db, "SELECT c.action FROM health_check c JOIN person p ON p.id = c.person_id "
            "WHERE c.checked_on = ? AND p.name = ? ORDER BY c.id", (today, name))]


def shift_tab():
    """Shift+Tab: Shift held (as a locked modifier) around a Tab."""
    shift_mask = 1
    with_modifier(shift_mask, 0xff09, 0.15)


def open_checks_page(app):
    app.open_page("Temperature Checks")
    app.find("text", "Temperature of %s" % FLOOR_1[0][0], timeout=20)


GROUPS = ["All residents", "Floor 1", "Floor 2", "Floor 3", "Staff", "Everyone"]


def choose_group(app, label):
    """Opens the group drop-down and picks @label with the arrow keys."""
    combo = app.find("combo box", "Group")
    button = combo.getChildAtIndex(0)
    action = button.queryAction()
    action.doAction(0)
    app.wait(lambda: app.exists("label", GROUPS[-1]), 10, "the list of groups")
    time.sleep(0.5)
    for _ in range(GROUPS.index(label)):
        type_keys("\uff54", pause=0.2)   # Down
    type_keys("\n", after=0.8)


@case
def morning_round_with_the_keyboard(db):
    app = App(BIN, db)
    try:
        open_checks_page(app)
        choose_group(app, "Floor 1")
        # Floor 1 only, in room order; floor 2 and the staff are not listed.
        app.wait(lambda: not app.exists("text", "Temperature of %s" % OTHERS[0][0]), 10,
                 "floor 2 to leave the list")
        assert not app.exists("text", "Temperature of %s" % OTHERS[2][0]), "staff listed on floor 1"
        fields = [n for n in app.find_all("text") if n.name.startswith("Temperature of ")]
        assert [f.name for f in fields] == ["Temperature of %s" % n for n, _ in FLOOR_1], \
            [f.name for f in fields]
        app.find("label", "0 of 5 checked")

        # Choosing the floor put the focus in the first person's field.
        first = fields[0]
        app.wait(lambda: state_of(first, pyatspi.STATE_FOCUSED), 10, "the first field to take the focus")

        type_keys("36.5\n36.8\n37.6\n3.7\n")

        # The three plausible readings are stored, each for the right person.
        app.wait(lambda: len(checks_today(db)) >= 3, 10, "three checks to be stored")
        time.sleep(0.5)
        stored = checks_today(db)
        assert [(n, t) for n, t, _ in stored] == [
            (FLOOR_1[0][0], 36.5), (FLOOR_1[1][0], 36.8), (FLOOR_1[2][0], 37.6)], stored
        # 37.6 is a low fever: stored with the fever symptom (ALL-2/3).
        assert stored[2][2] & 1, stored[2]
        assert not stored[0][2] and not stored[1][2], stored

        # 3.7 is not stored, its message is shown, the focus stays there.
        fourth = app.find("text", "Temperature of %s" % FLOOR_1[3][0])
        assert app.text_of(fourth) == "3.7", app.text_of(fourth)
        app.find("label", "3.7 °C is not a possible body temperature (35.0–43.0 °C): "
                          "check for a typing error and measure again.")
        assert state_of(fourth, pyatspi.STATE_FOCUSED), "the focus left the refused field"
        assert not any(n == FLOOR_1[3][0] for n, _, _ in checks_today(db)), "3.7 was stored"

        # The lines show what happened: done marks, bands, the progress.
        assert len(app.find_all("image")) >= 3
        assert len([n for n in app.find_all("image") if n.name.startswith("Checked at ")]) == 3
        app.find("label", "Low fever")
        app.find("label", "3 of 5 checked")
        assert app.exists("text", "Action taken for %s" % FLOOR_1[2][0]), \
            "no action field on the fever line"

        # Corrected with the keyboard alone: the refused text is selected,
        # so typing replaces it.
        type_keys("36.9\n")
        app.wait(lambda: len(checks_today(db)) == 4, 10, "the corrected reading to be stored")
        assert checks_today(db)[3][:2] == (FLOOR_1[3][0], 36.9), checks_today(db)
        fifth = app.find("text", "Temperature of %s" % FLOOR_1[4][0])
        app.wait(lambda: state_of(fifth, pyatspi.STATE_FOCUSED), 10, "the focus to move to the fifth person")
        app.wait(lambda: app.exists("label", "4 of 5 checked"), 10, "the progress to count four")

        # The action taken is written on the fever line later and recorded on
        # that same check, not as a new reading (ALL-2).
        # Shift+Tab walks back to it from where the focus is.
        action = app.find("text", "Action taken for %s" % FLOOR_1[2][0])
        for _ in range(40):
            if state_of(action, pyatspi.STATE_FOCUSED):
                break
            shift_tab()
        assert state_of(action, pyatspi.STATE_FOCUSED), "Shift+Tab does not reach the action field"
        action.queryEditableText().setTextContents("隔离观察，送发热门诊")
        type_keys("\n")
        app.wait(lambda: action_of(db, FLOOR_1[2][0]) == ["隔离观察，送发热门诊"], 10,
                 "the action to be recorded on the fever check")
        assert len(checks_today(db)) == 4, checks_today(db)

        # The Missing filter lists who is left (ALL-1).
        app.click("Missing (1)", role="push button")
        app.wait(lambda: [n.name for n in app.find_all("text") if n.name.startswith("Temperature of ")]
                 == ["Temperature of %s" % FLOOR_1[4][0]], 10, "the Missing filter to list one person")
    finally:
        app.quit()


@case
def a_long_floor_without_the_mouse(db):
    app = App(BIN, db)
    try:
        open_checks_page(app)
        choose_group(app, "Floor 3")
        first = app.find("text", "Temperature of %s" % min(FLOOR_3, key=lambda p: (p[1], p[0]))[0],
                         timeout=10)
        app.wait(lambda: state_of(first, pyatspi.STATE_FOCUSED), 10, "the first field of floor 3 to take the focus")
        before = len(checks_today(db))
        # The round goes room by room, two beds a room (names in order within one).
        in_order = sorted(FLOOR_3, key=lambda person: (person[1], person[0]))
        readings = ["36.%d" % (i % 10) for i in range(len(FLOOR_3))]
        type_keys("".join(r + "\n" for r in readings), pause=0.04, after=0.3)
        app.wait(lambda: len(checks_today(db)) == before + len(FLOOR_3), 20, "the whole floor to be stored")
        stored = checks_today(db)[before:]
        assert [(n, t) for n, t, _ in stored] == [
            (name, float(r)) for (name, _), r in zip(in_order, readings)], stored
        # Walking the accessibility tree of a 30-row floor is slow on a
        # loaded machine: allow it time, the state itself is already stored.
        app.find("label", "%d of %d checked" % (len(FLOOR_3), len(FLOOR_3)), timeout=30)
        # (The "everyone is checked" toast lives a few seconds only: a loaded
        # machine may walk the tree after it is gone, so the lasting state
        # is what is checked.)
        app.find("push button", "Missing (0)", timeout=30)

        # A past day is shown as it was, and cannot be typed into.
        app.click("Previous Day")
        app.wait(lambda: any(n.name.startswith("The checks of ") for n in app.find_all("label")), 10,
                 "the past-day notice")
        field = app.find("text", "Temperature of %s" % FLOOR_3[0][0])
        assert not state_of(field, pyatspi.STATE_EDITABLE), "a past day can be typed into"
        app.find("label", "0 of %d checked" % len(FLOOR_3))
        app.click("Back to Today")
        app.find("label", "%d of %d checked" % (len(FLOOR_3), len(FLOOR_3)), timeout=10)
        field = app.find("text", "Temperature of %s" % FLOOR_3[0][0])
        assert state_of(field, pyatspi.STATE_EDITABLE), "today cannot be typed into"
    finally:
        app.quit()


@case
def history_lists_the_round(db):
    app = App(BIN, db)
    try:
        open_checks_page(app)
        app.click("History", role="push button")
        app.find("label", "%d checks" % (4 + len(FLOOR_3)), timeout=20)
        app.set_text("Search checks", "1-03", role="entry")
        app.find("label", "1 check", timeout=20)
        app.find("label", FLOOR_1[2][0], timeout=10)
        app.find("label", "Low fever", timeout=10)
        app.set_text("Search checks", "欧阳", role="entry")
        app.find(None, "No Results Found", timeout=10)
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-ui-checks-")
    db = prepared(make_database, tmp)
    if db is None:
        return 1
    morning_round_with_the_keyboard(db)
    a_long_floor_without_the_mouse(db)
    history_lists_the_round(db)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
