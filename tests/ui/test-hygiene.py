#!/usr/bin/python3
"""UI test: the Disinfection & Drills page.

`careguard setup` creates a funeral home and `careguard import
disinfections` gives it a log of yesterday (一号礼厅 and a hearse).  The
test opens the page, sees the hall "not yet today", records a disinfection
of the hall through the Record Disinfection dialog with the keyboard
(typing, Enter from field to field, Ctrl+Enter to save) and checks the
stored row with SQLite; then it records a drill through the Record Training
or Drill dialog and checks that row and the ALL-8 status the page shows.

Runs the real careguard window under Xvfb (the suite runs inside xvfb-run
and dbus-run-session) and drives it through the accessibility tree.
Set CAREGUARD_SHOT=path.png to keep a screenshot of the page at the end.
"""
import csv
import datetime
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ui_helpers import (careguard, case, find_in, prepared, press, query, start,  # noqa: E402
                        summary, type_keys, window_of, with_modifier)

import pyatspi  # noqa: E402

TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)
HALL = "一号礼厅"
HEARSE = "殡仪车 闽C·12345"


# ---- the database ----------------------------------------------------------

def make_database(folder):
    db = os.path.join(folder, "hygiene.db")
    careguard(db, "setup", "--name", "晋江市殡仪馆", "--type", "funeral-home", "--beds", "0")
    path = os.path.join(folder, "disinfections.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["场所", "消杀时间", "方式", "消毒剂及浓度", "操作人", "检查人"])
        day = YESTERDAY.isoformat()
        writer.writerow([HALL, day + " 08:00", "喷洒", "含氯消毒剂 500 mg/L", "李明", "王主任"])
        writer.writerow([HALL, day + " 17:30", "擦拭", "含氯消毒剂 500 mg/L", "李明", ""])
        writer.writerow([HEARSE, day + " 10:40", "喷洒", "过氧乙酸 0.2%", "李明", ""])
    careguard(db, "import", "disinfections", path)
    return db


# ---- the window ------------------------------------------------------------

def with_control(key):
    control = 1 << 2
    with_modifier(control, key, 0.3)


def focused_text(app, window):
    return app.wait(lambda: next((n for n in find_in(window, "text")
                                  if n.getState().contains(pyatspi.STATE_FOCUSED)), None),
                    10, "a focused text field")


def open_page(app):
    row = app.wait(lambda: next((r for r in app.find_all("list item")
                                 if (r.name or "").startswith("Disinfection &")), None),
                   30, "the Disinfection page in the sidebar")
    row.parent.querySelection().selectChild(row.getIndexInParent())
    return app.find(None, "Places disinfected today", timeout=20)


def screenshot():
    path = os.environ.get("CAREGUARD_SHOT")
    if path:
        subprocess.run(["import", "-window", "root", path], check=False)


# ---- the cases -------------------------------------------------------------

@case
def disinfection_by_keyboard_then_drill(db):
    app = start(db)
    try:
        places = open_page(app)
        app.wait(lambda: find_in(places, "label", prefix="Not yet today"), 15, "a place not yet done today")

        app.click("Record Disinfection…")
        place = app.find("text", "Place")
        dialog = window_of(place)
        time.sleep(1.0)  # the new window takes the keyboard focus
        # The operator is the last one of the log.
        operator = find_in(dialog, "text", "Operator")[0]
        assert app.text_of(operator) == "李明", app.text_of(operator)

        type_keys(HALL)
        app.wait(lambda: app.text_of(place) == HALL, 10, "the place typed in")
        type_keys("\n")                 # place → time (now)
        type_keys("\n")                 # time → method
        type_keys("喷洒\n")             # method → disinfectant
        type_keys("含氯消毒剂 500 mg/L\n")
        with_control(ord("a"))
        type_keys("张建国\n")           # operator → checker
        type_keys("王主任")
        with_control(0xff0d)            # Ctrl+Enter saves
        app.wait(lambda: not app.exists("text", "Disinfectant and Concentration"), 10, "the dialog to close")

        rows = query(db, "SELECT place, place_kind, method, agent, operator, checker, done_on "
                         "FROM disinfection ORDER BY id DESC LIMIT 1")
        assert rows == [(HALL, "hall", "喷洒", "含氯消毒剂 500 mg/L", "张建国", "王主任", TODAY.isoformat())], rows
        assert query(db, "SELECT count(*) FROM disinfection")[0][0] == 4
        assert query(db, "SELECT count(*) FROM audit WHERE what = 'disinfection.add' AND subject = ?",
                     (HALL,))[0][0] == 3
        app.wait(lambda: find_in(places, "label", prefix="1 time today"), 15, "the hall done once today")

        # A drill: the kind by its button, the rest by the keyboard.
        app.click("Record Training or Drill…")
        topic = app.find("text", "Topic")
        dialog = window_of(topic)
        press(app, dialog, ["Drill"])  # GTK 4.8 calls a toggle button a push button
        time.sleep(1.0)  # the topic field has the focus when the window opens
        type_keys("遗体接运应急演练")
        app.wait(lambda: app.text_of(topic) == "遗体接运应急演练", 10, "the topic typed in")
        type_keys("\n")                 # topic → number of attendees
        with_control(ord("a"))
        type_keys("12\n")               # → names
        type_keys("张建国、李明\n")      # → trainer
        type_keys("陈队长\n")            # → note
        type_keys("\n")                 # Enter on the last field saves
        app.wait(lambda: not app.exists("text", "Topic"), 10, "the dialog to close")

        rows = query(db, "SELECT held_on, kind, topic, attendees, attendee_names, trainer FROM training")
        assert rows == [(TODAY.isoformat(), "drill", "遗体接运应急演练", 12, "张建国、李明", "陈队长")], rows
        app.find("label", "Last drill today; next due within 30 days.", timeout=15)
        screenshot()
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-hygiene-")
    db = prepared(make_database, tmp)
    if db is None:
        return 1
    disinfection_by_keyboard_then_drill(db)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
