#!/usr/bin/python3
"""UI test: the Isolation Rooms page of a rescue station.

A fresh rescue station (`careguard setup`) with one aid recipient who
arrived today and no rooms.  The test opens "Isolation Rooms", adds an
isolation room through the Add Room dialog and checks it in SQLite; then
screens the entrant: a temperature of 3.7 is refused in the dialog with
nothing stored, and with no health code the verdict names the room and
saving opens a stay there (reason no_health_code, planned end = start +
14 days); ending that stay now, on day 1, without a negative test, is
refused with the core's message in the dialog and the stay stays open.
Last, an entrant with a fever goes to an observation room added through
the dialog, and the card's "Call 120" and "Reported" buttons store the
marks of RS-3.

Runs the real careguard window under Xvfb (the suite runs inside xvfb-run
and dbus-run-session) and drives it through the accessibility tree.
"""
import csv
import datetime
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import App  # noqa: E402
from ui_helpers import (BIN, careguard, case, id_number, labels_in, prepared, press,  # noqa: E402
                        query, start, summary, type_in, window_of)

TODAY = datetime.date.today()
ROOM = "隔离1号"
ENTRANT = ("张大海", id_number("35058219700101005"))
FEVERISH = ("刘小燕", id_number("35058219820506006"))
OBSERVATION = "观察1号"
ARRIVAL = ("郑桂兰", id_number("35058219450909007"))


# ---- the database ----------------------------------------------------------

def make_database(folder):
    db = os.path.join(folder, "rooms.db")
    careguard(db, "setup", "--name", "晋江市救助管理站", "--type", "rescue-station", "--beds", "40")
    path = os.path.join(folder, "people.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "id_number", "kind", "arrived_on"])
        writer.writerow([ENTRANT[0], ENTRANT[1], "aid", TODAY.isoformat()])
        writer.writerow([FEVERISH[0], FEVERISH[1], "aid", TODAY.isoformat()])
    careguard(db, "import", "people", path)
    return db


def stays(db, who=ENTRANT):
    return query(db, "SELECT s.id, r.name, s.reason, s.started_at, s.planned_end_at, s.ended_at "
                     "FROM stay s JOIN room r ON r.id = s.room_id JOIN person p ON p.id = s.person_id "
                     "WHERE p.id_number = ? ORDER BY s.id", (who[1],))


def utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")


# ---- the window ------------------------------------------------------------

def open_rooms_page(app):
    app.open_page("Isolation Rooms")
    # Either the empty state's button or the board: the toolbar is there.
    return app.find("push button", "Add Room…", timeout=20)


# ---- the cases -------------------------------------------------------------

@case
def add_room_through_dialog(db):
    app = start(db)
    try:
        open_rooms_page(app)
        app.find("label", "No Rooms Yet", timeout=20)
        app.click("Add Room…")
        dialog = window_of(app.find("text", "Room name"))
        type_in(app, dialog, "Room name", ROOM)
        press(app, dialog, "Add")
        app.wait(lambda: not app.exists("text", "Room name"), 10, "the dialog to close")
        rows = query(db, "SELECT name, kind, own_toilet, ventilated, low_traffic, archived FROM room")
        assert rows == [(ROOM, "isolation", 1, 1, 1, 0)], rows
        # The board shows the free room and the count.
        app.find("push button", "Open a stay in %s" % ROOM, timeout=20)
        app.find("label", "1 of 1 room free", timeout=10)
    finally:
        app.quit()


@case
def no_health_code_opens_a_stay(db):
    app = start(db)
    try:
        open_rooms_page(app)
        app.click("Screen Entrant…")
        dialog = window_of(app.find("text", "Entrant"))
        type_in(app, dialog, "Entrant", ENTRANT[1])
        app.wait(lambda: [t for t in labels_in(dialog) if ENTRANT[0] in t] or None, 10, "the entrant chosen")
        press(app, dialog, "No code")

        # 3.7 is a typing error: refused in the dialog, nothing stored.
        type_in(app, dialog, "Temperature (℃)", "3.7")
        press(app, dialog, "Save Screening")
        refusal = app.wait(lambda: [t for t in labels_in(dialog) if "3.7" in t and "not a possible" in t] or None,
                           10, "the refusal of 3.7")
        assert refusal, refusal
        assert query(db, "SELECT count(*) FROM screening") == [(0,)]
        assert stays(db) == []

        type_in(app, dialog, "Temperature (℃)", "36.5")
        verdict = "Isolate 14 days in a single room — %s" % ROOM
        app.wait(lambda: verdict in labels_in(dialog), 10, "the verdict %r" % verdict)
        press(app, dialog, "Save Screening")
        app.wait(lambda: not app.exists("text", "Entrant"), 10, "the dialog to close")

        rows = stays(db)
        assert len(rows) == 1, rows
        stay_id, room, reason, started, planned, ended = rows[0]
        assert (room, reason, ended) == (ROOM, "no_health_code", None), rows[0]
        assert utc(planned) - utc(started) == datetime.timedelta(days=14), (started, planned)
        screening = query(db, "SELECT health_code, outcome, stay_id, temperature FROM screening")
        assert screening == [("none", "isolate", stay_id, 36.5)], screening
        # The card shows who is in the room, on day 1.
        app.find("push button", "End the stay in %s" % ROOM, timeout=20)
        app.find("label", "Day 1 of 14", timeout=10)
    finally:
        app.quit()


@case
def early_release_refused(db):
    app = start(db)
    try:
        open_rooms_page(app)
        before = stays(db)
        assert len(before) == 1 and before[0][5] is None, before
        app.click("End the stay in %s" % ROOM)
        dialog = window_of(app.find("text", "Disposition"))
        type_in(app, dialog, "Disposition", "离站")
        press(app, dialog, "End Stay")
        # The core's reason stays in the dialog (not a toast that vanishes).
        refusal = app.wait(lambda: [t for t in labels_in(dialog) if "negative" in t.lower()] or None,
                           10, "the refusal of an early release")
        assert refusal, refusal
        time.sleep(0.5)
        assert app.exists("text", "Disposition"), "the dialog closed after a refusal"
        assert stays(db) == before, stays(db)
        press(app, dialog, "Cancel")
    finally:
        app.quit()


@case
def fever_goes_to_observation_then_120_and_report(db):
    """RS-3: a fever on entry → the observation room; the card asks for the
    120 call and the report until both are recorded."""
    app = start(db)
    try:
        open_rooms_page(app)
        app.click("Add Room…")
        dialog = window_of(app.find("text", "Room name"))
        type_in(app, dialog, "Room name", OBSERVATION)
        press(app, dialog, "Observation room")
        press(app, dialog, "Add")
        app.wait(lambda: not app.exists("text", "Room name"), 10, "the room dialog to close")
        assert query(db, "SELECT kind FROM room WHERE name = ?", (OBSERVATION,)) == [("observation",)]

        app.click("Screen Entrant…")
        dialog = window_of(app.find("text", "Entrant"))
        type_in(app, dialog, "Entrant", FEVERISH[0])
        app.wait(lambda: [t for t in labels_in(dialog) if FEVERISH[1][-4:] in t] or None, 10, "the entrant chosen")
        type_in(app, dialog, "Temperature (℃)", "38.6")
        press(app, dialog, "Green")
        verdict = ("Fever: move to the observation room %s, call 120, report to the station head and upward"
                   % OBSERVATION)
        app.wait(lambda: verdict in labels_in(dialog), 10, "the verdict %r" % verdict)
        press(app, dialog, "Save Screening")
        app.wait(lambda: not app.exists("text", "Entrant"), 10, "the dialog to close")

        rows = stays(db, FEVERISH)
        assert len(rows) == 1 and rows[0][1:3] == (OBSERVATION, "fever") and rows[0][5] is None, rows
        marks = "SELECT outcome, called_120_at IS NOT NULL, reported_at IS NOT NULL FROM screening " \
                "WHERE person_id = (SELECT id FROM person WHERE id_number = ?)"
        assert query(db, marks, (FEVERISH[1],)) == [("observe", 0, 0)], query(db, marks, (FEVERISH[1],))

        app.click("Record 120 called for %s" % OBSERVATION)
        app.wait(lambda: query(db, marks, (FEVERISH[1],)) == [("observe", 1, 0)], 10, "the 120 call stored")
        app.click("Record reported for %s" % OBSERVATION)
        app.wait(lambda: query(db, marks, (FEVERISH[1],)) == [("observe", 1, 1)], 10, "the report stored")
        # Both done: the card no longer asks.
        app.wait(lambda: not app.exists("push button", "Record 120 called for %s" % OBSERVATION)
                 and not app.exists("push button", "Record reported for %s" % OBSERVATION), 10, "the buttons to go")
    finally:
        app.quit()


@case
def care_home_arrival_screened_from_the_list(folder):
    """ALL-6 at a care home: rooms come in through "Import Rooms…"; a
    resident who arrived today is listed with the three steps to do,
    screened from the list, and isolated at once in the compliant room."""
    db = os.path.join(folder, "care-home.db")
    careguard(db, "setup", "--name", "晋江市安康养老院", "--type", "care-home", "--beds", "40")
    people = os.path.join(folder, "residents.csv")
    with open(people, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "身份证号", "类别", "入住日期"])
        writer.writerow([ARRIVAL[0], ARRIVAL[1], "入住老人", TODAY.isoformat()])
    careguard(db, "import", "people", people)
    rooms = os.path.join(folder, "rooms.csv")
    with open(rooms, "w", newline="", encoding="utf-8") as f:
        f.write("房间,类型,独立卫生间,通风,人流少\n隔离A,隔离室,是,是,否\n隔离B,隔离室,是,是,是\n")
    app = App(BIN, db, extra_env={"CAREGUARD_TEST_IMPORT_FILE": rooms})
    try:
        open_rooms_page(app)
        app.click("More Room Actions")
        item = app.find("menu item", "Import Rooms…")
        item.queryAction().doAction(0)
        dialog = window_of(app.find("push button", "Import", timeout=20))
        press(app, dialog, "Import")
        app.wait(lambda: query(db, "SELECT count(*) FROM room") == [(2,)], 20, "the rooms imported")
        assert query(db, "SELECT name, low_traffic FROM room ORDER BY name") == [("隔离A", 0), ("隔离B", 1)]

        app.find("label", "2 of 2 rooms free · 1 not compliant", timeout=20)
        app.click("Screen %s" % ARRIVAL[0])
        dialog = window_of(app.find("text", "Temperature (℃)"))
        type_in(app, dialog, "Temperature (℃)", "36.6")
        press(app, dialog, "Green")
        # Nothing else to isolate for: ALL-6 does, in the compliant room.
        verdict = "Isolate 14 days in a single room — 隔离B"
        app.wait(lambda: verdict in labels_in(dialog), 10, "the verdict %r" % verdict)
        press(app, dialog, "Save Screening")
        app.wait(lambda: not app.exists("text", "Temperature (℃)"), 10, "the dialog to close")
        rows = stays(db, ARRIVAL)
        assert len(rows) == 1 and rows[0][1:3] == ("隔离B", "new_arrival"), rows
        assert query(db, "SELECT outcome FROM screening") == [("isolate",)]
        # Screened and isolated: the list no longer offers to screen.
        app.wait(lambda: not app.exists("push button", "Screen %s" % ARRIVAL[0]), 10, "the Screen button to go")
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-rooms-")
    db = prepared(make_database, tmp)
    if db is None:
        return 1
    add_room_through_dialog(db)
    no_health_code_opens_a_stay(db)
    early_release_refused(db)
    fever_goes_to_observation_then_120_and_report(db)
    care_home_arrival_screened_from_the_list(tmp)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
