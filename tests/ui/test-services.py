#!/usr/bin/python3
"""UI test: the Funeral Services page of a funeral home (FH-5, FH-6, FH-7).

A fresh funeral home (`careguard setup`).  The test opens "Funeral
Services", tries to open a service of a suspected COVID-19 case in a hall
(refused in the dialog by the core, nothing stored), then opens an
ordinary service that started two hours ago; registers a mourner (stored
admitted; the form stays open and cleared for the next one, as at the
gate) and a feverish one (38.2: the verdict names the fever, the
refusal is stored); tries to close the service (refused: the hall has had
no final disinfection, and the dialog points to the Disinfection &
Training page); records the hall's disinfection ten minutes ago with
`careguard import disinfections` and closes the service with an end
twenty minutes ago: ended_at is stored.

Before closing, the service's details window checks the admitted mourner
out (left_at stored; the refused one has no check-out) and records a
transport without goggles (FH-2: suit 1, goggles 0, stored with the
service).  After closing, a second service (imported) is marked as a
suspected COVID-19 case from its details (the hall is released, the
planned end becomes the start), and its FH-7 checklist refuses a step out
of order (nothing stored) and records the first two steps in order, with
who and when; the Charts view sums up the two services, and the Today
page counts them and the day's mourners, as do the Reports page's tiles.

Runs the real careguard window under Xvfb (the suite runs inside xvfb-run
and dbus-run-session) and drives it through the accessibility tree.
"""
import datetime
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ui_helpers import (careguard, case, find_in, id_number, labels_in, prepared, press,  # noqa: E402
                        query, start, summary, type_in, window_of)

import pyatspi  # noqa: E402

HALL = "一号礼厅"
NOW = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
START = NOW - datetime.timedelta(hours=2)
DISINFECTED = NOW - datetime.timedelta(minutes=10)
END = NOW - datetime.timedelta(minutes=20)
DECEASED = ("陈德福", id_number("35058219400303001"))
SECOND = ("黄秀兰", id_number("35058219380512002"))
SECOND_HALL = "二号礼厅"
HANDOVER = "Handed over after the hospital’s sanitary treatment, with the death certificate"
TRANSPORT = "Transported by the dedicated vehicle and staff"
MOURNER = "陈小红"
FEVERISH = "林志强"


def local(moment):
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def utc_text(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---- the database ----------------------------------------------------------

def make_database(folder):
    db = os.path.join(folder, "funeral.db")
    careguard(db, "setup", "--name", "晋江市殡仪馆", "--type", "funeral-home", "--beds", "0")
    return db


# ---- the window ------------------------------------------------------------

def open_services_page(app):
    app.open_page("Funeral Services")
    return app.find("push button", "New Service…", timeout=20)


def services(db):
    return query(db, "SELECT deceased_name, deceased_id_number, family_contact, phone, hall, started_at, "
                     "covid, ceremony, ended_at FROM service ORDER BY id")


def mourners(db):
    return query(db, "SELECT name, temperature, health_code, refusal FROM mourner ORDER BY id")


# ---- the cases -------------------------------------------------------------

@case
def open_service_through_dialog(db):
    app = start(db)
    try:
        open_services_page(app)
        app.find("label", "No Services in Progress", timeout=20)
        app.click("New Service…")
        dialog = window_of(app.find("text", "Deceased's name"))
        type_in(app, dialog, "Deceased's name", DECEASED[0])
        # A wrong check digit is refused before the core is asked.
        type_in(app, dialog, "ID number", DECEASED[1][:17] + ("1" if DECEASED[1][17] != "1" else "2"))
        type_in(app, dialog, "Family contact", "陈建国")
        type_in(app, dialog, "Phone", "13905951234")
        type_in(app, dialog, "Hall", HALL)
        type_in(app, dialog, "Start (YYYY-MM-DD HH:MM)", local(START))
        press(app, dialog, "Open Service")
        app.wait(lambda: [t for t in labels_in(dialog) if t.startswith("ID number:")] or None, 10,
                 "the refusal of the ID number")
        assert services(db) == []

        # FH-7: a suspected case has no hall: the core refuses, the dialog says why.
        type_in(app, dialog, "ID number", DECEASED[1])
        press(app, dialog, "Suspected")
        press(app, dialog, "Open Service")
        refusal = app.wait(lambda: [t for t in labels_in(dialog) if "hall" in t.lower()] or None, 10,
                           "the refusal of a hall for a suspected case")
        assert refusal, refusal
        time.sleep(0.5)
        assert app.exists("text", "Deceased's name"), "the dialog closed after a refusal"
        assert services(db) == []

        press(app, dialog, "None")
        press(app, dialog, "Open Service")
        app.wait(lambda: not app.exists("text", "Deceased's name"), 10, "the dialog to close")
        rows = services(db)
        assert rows == [(DECEASED[0], DECEASED[1], "陈建国", "13905951234", HALL, utc_text(START),
                         "none", 0, None)], rows
        # The card: the hall, the masked number, the time left (72 h − 2 h).
        app.find("push button", "Register a mourner for %s" % DECEASED[0], timeout=20)
        app.find("label", HALL, timeout=10)
        masked = "%s · %s" % (DECEASED[0], DECEASED[1][:6] + "********" + DECEASED[1][14:])
        app.find("label", masked, timeout=10)
        app.wait(lambda: [t for t in labels_in(app.root) if t.startswith("2 d 2") and "left" in t] or None,
                 10, "the time left")
    finally:
        app.quit()


@case
def register_mourner(db):
    app = start(db)
    try:
        open_services_page(app)
        app.click("Register a mourner for %s" % DECEASED[0])
        dialog = window_of(app.find("text", "Mourner's name"))
        type_in(app, dialog, "Mourner's name", MOURNER)
        type_in(app, dialog, "Phone", "13805951111")
        type_in(app, dialog, "Temperature (℃)", "36.5")
        app.wait(lambda: "Admitted" in labels_in(dialog), 10, "the verdict Admitted")
        press(app, dialog, "Register")
        # Like the gate: the form stays for the next mourner, cleared.
        app.wait(lambda: "%s admitted" % MOURNER in labels_in(dialog), 10, "the result of the registration")
        assert mourners(db) == [(MOURNER, 36.5, "green", 0)], mourners(db)
        name = app.find("text", "Mourner's name")
        assert app.text_of(name) == "", app.text_of(name)
        press(app, dialog, "Close")
        app.wait(lambda: not app.exists("text", "Mourner's name"), 10, "the dialog to close")
    finally:
        app.quit()


@case
def feverish_mourner_refused(db):
    app = start(db)
    try:
        open_services_page(app)
        app.click("Register a mourner for %s" % DECEASED[0])
        dialog = window_of(app.find("text", "Mourner's name"))
        type_in(app, dialog, "Mourner's name", FEVERISH)
        type_in(app, dialog, "Temperature (℃)", "38.2")
        verdict = app.wait(lambda: [t for t in labels_in(dialog) if t.startswith("Refused:") and "fever" in t]
                           or None, 10, "the verdict naming the fever")
        assert verdict, verdict
        press(app, dialog, "Register")
        app.wait(lambda: [t for t in labels_in(dialog) if t.startswith("%s refused and recorded" % FEVERISH)]
                 or None, 10, "the refusal recorded")
        press(app, dialog, "Close")
        app.wait(lambda: not app.exists("text", "Mourner's name"), 10, "the dialog to close")
        rows = mourners(db)
        assert len(rows) == 2 and rows[1][:3] == (FEVERISH, 38.2, "green") and rows[1][3] & 1, rows
        left = query(db, "SELECT left_at FROM mourner WHERE name = ?", (FEVERISH,))
        assert left == [(None,)], left
    finally:
        app.quit()


@case
def close_refused_before_final_disinfection(db):
    app = start(db)
    try:
        open_services_page(app)
        app.click("Close the service of %s" % DECEASED[0])
        dialog = window_of(app.find("text", "Ended at (YYYY-MM-DD HH:MM)"))
        press(app, dialog, "Close Service")
        refusal = app.wait(lambda: [t for t in labels_in(dialog) if "Disinfection & Training" in t] or None,
                           10, "the refusal pointing to the disinfection page")
        assert refusal, refusal
        time.sleep(0.5)
        assert app.exists("text", "Ended at (YYYY-MM-DD HH:MM)"), "the dialog closed after a refusal"
        assert services(db)[0][8] is None, services(db)
        press(app, dialog, "Cancel")
    finally:
        app.quit()


@case
def close_after_final_disinfection(db, folder):
    path = os.path.join(folder, "disinfections.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("place,done_at,operator\n%s,%s,王师傅\n" % (HALL, local(DISINFECTED)))
    careguard(db, "import", "disinfections", path)
    assert query(db, "SELECT place, done_at FROM disinfection") == [(HALL, utc_text(DISINFECTED))]
    app = start(db)
    try:
        open_services_page(app)
        app.click("Close the service of %s" % DECEASED[0])
        dialog = window_of(app.find("text", "Ended at (YYYY-MM-DD HH:MM)"))
        type_in(app, dialog, "Ended at (YYYY-MM-DD HH:MM)", local(END))
        press(app, dialog, "Close Service")
        app.wait(lambda: not app.exists("text", "Ended at (YYYY-MM-DD HH:MM)"), 10, "the dialog to close")
        assert services(db)[0][8] == utc_text(END), services(db)
        app.find("label", "No Services in Progress", timeout=20)
    finally:
        app.quit()


def details_window(app, deceased):
    app.click("Details of the service of %s" % deceased)
    title = "Service of %s" % deceased
    node = app.find("label", "Farewell ceremony", timeout=20)
    window = window_of(node)
    assert window is not None and window.name == title, (window.name if window else None, title)
    return window


@case
def details_check_out_and_protection(db):
    app = start(db)
    try:
        open_services_page(app)
        window = details_window(app, DECEASED[0])
        app.wait(lambda: "1 admitted, 1 refused (FH-6)" in labels_in(window), 10, "the mourner counts")
        # FH-6: the hall not disinfected yet today, and the way to record it.
        assert "0 of at least 2 a day (FH-6)" in labels_in(window), labels_in(window)
        assert find_in(window, "push button", "Record a disinfection of the hall…")
        # The refused mourner was never inside: no check-out for them.
        assert not find_in(window, "push button", "Check out %s" % FEVERISH)
        press(app, window, "Check out %s" % MOURNER)
        app.wait(lambda: query(db, "SELECT left_at IS NOT NULL FROM mourner WHERE name = ?", (MOURNER,))
                 == [(1,)], 10, "left_at to be stored")
        app.wait(lambda: not find_in(window, "push button", "Check out %s" % MOURNER), 10,
                 "the check-out button to go")

        # FH-2: a transport with the suit but without goggles.
        press(app, window, "Record staff protection…")
        dialog = window_of(app.find("text", "Staff member", timeout=10))
        type_in(app, dialog, "Staff member", "王师傅")
        goggles = app.wait(lambda: [n for n in find_in(dialog, "check box") if "Goggles" in n.name] or None,
                           10, "the goggles switch")[0]
        action = goggles.queryAction()
        action.doAction(0)
        app.wait(lambda: not goggles.getState().contains(pyatspi.STATE_CHECKED), 10, "the goggles switch off")
        press(app, dialog, "Record")
        app.wait(lambda: not app.exists("text", "Staff member"), 10, "the dialog to close")
        rows = query(db, "SELECT service_id, kind, staff, suit, goggles FROM protection")
        assert rows == [(1, "transport", "王师傅", 1, 0)], rows
        app.wait(lambda: "No goggles" in labels_in(window), 10, "the record in the details")
    finally:
        app.quit()


@case
def covid_case_and_checklist(db, folder):
    started = NOW - datetime.timedelta(hours=1)
    path = os.path.join(folder, "services.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("deceased_name,deceased_id_number,family_contact,hall,started_at,covid\n"
                "%s,%s,黄建民,%s,%s,none\n" % (SECOND[0], SECOND[1], SECOND_HALL, local(started)))
    careguard(db, "import", "services", path)
    app = start(db)
    try:
        open_services_page(app)
        window = details_window(app, SECOND[0])
        press(app, window, "Mark as a COVID-19 Case…")
        # The question names what follows; Suspected counts as confirmed.
        app.find("label", "Mark as a COVID-19 Case?", timeout=10)
        question = window_of(app.find("label", "Mark as a COVID-19 Case?"))
        suspected = app.wait(lambda: [n for n in find_in(question, "push button")
                                      if n.name.split()[-1] == "Suspected"] or None, 10,
                             "the Suspected response")[0]
        suspected.queryAction().doAction(0)
        app.wait(lambda: query(db, "SELECT covid FROM service WHERE deceased_name = ?", (SECOND[0],))
                 == [("suspected",)], 10, "the status to be stored")
        row = query(db, "SELECT hall, ceremony, planned_end_at = started_at FROM service WHERE deceased_name = ?",
                    (SECOND[0],))
        assert row == [("", 0, 1)], row

        press(app, window, "Open the COVID-19 checklist")
        checklist = window_of(app.find("text", "Done by", timeout=10))
        type_in(app, checklist, "Done by", "李师傅")
        type_in(app, checklist, "Done at (YYYY-MM-DD HH:MM)", local(NOW - datetime.timedelta(minutes=30)))
        # Out of order: the transport before the handover is refused, nothing stored.
        press(app, checklist, "Record step: %s" % TRANSPORT)
        app.wait(lambda: [t for t in labels_in(checklist) if "Handed over" in t and t.endswith("first.")]
                 or None, 10, "the refusal naming the step before")
        assert query(db, "SELECT COUNT(*) FROM covid_step") == [(0,)]
        press(app, checklist, "Record step: %s" % HANDOVER)
        app.wait(lambda: query(db, "SELECT step, who FROM covid_step") == [("handover", "李师傅")], 10,
                 "the handover to be stored")
        type_in(app, checklist, "Done at (YYYY-MM-DD HH:MM)", local(NOW - datetime.timedelta(minutes=10)))
        press(app, checklist, "Record step: %s" % TRANSPORT)
        app.wait(lambda: len(query(db, "SELECT step FROM covid_step")) == 2, 10, "the transport to be stored")
        done = [t for t in labels_in(checklist) if t.startswith("Done ") and "李师傅" in t]
        assert len(done) == 2, done
        press(app, checklist, "Close")
        app.wait(lambda: not app.exists("text", "Done by"), 10, "the checklist to close")
        press(app, window, "Close")
        app.wait(lambda: not find_in(app.root, "label", "Farewell ceremony"), 10, "the details to close")

        # The charts, read in a thread when shown: two services started (one
        # a COVID-19 case), the first closed within the limit.
        press(app, app.root, "Charts")
        summary = app.wait(lambda: [t for t in labels_in(app.root) if "started" in t] or None, 20,
                           "the charts' summary")
        assert summary[0].startswith("2 services started"), summary

        # Today's counters: both services were in progress today, one a
        # COVID-19 case; the two mourners registered today, one refused.
        app.open_page("Today")
        app.wait(lambda: [n for n in app.find_all() if n.name == "Funeral services: 2"] or None, 20,
                 "the services counter")
        app.wait(lambda: [n for n in app.find_all() if n.name == "Mourners: 2"] or None, 10,
                 "the mourners counter")
        assert "0 over the limit · 1 COVID-19" in labels_in(app.root), labels_in(app.root)

        # The Reports page's preview of the daily report: the same day in tiles.
        app.open_page("Reports")
        app.wait(lambda: [n for n in app.find_all() if n.name == "Funeral Services: 2"] or None, 20,
                 "the services tile")
        app.wait(lambda: [n for n in app.find_all() if n.name == "COVID-19 Remains: 1 / 0"] or None, 10,
                 "the COVID-19 tile (suspected / confirmed)")
        assert "suspected / confirmed; 1 checklist not complete" in labels_in(app.root), labels_in(app.root)
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-services-")
    db = prepared(make_database, tmp)
    if db is None:
        return 1
    open_service_through_dialog(db)
    register_mourner(db)
    feverish_mourner_refused(db)
    details_check_out_and_protection(db)
    close_refused_before_final_disinfection(db)
    close_after_final_disinfection(db, tmp)
    covid_case_and_checklist(db, tmp)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
