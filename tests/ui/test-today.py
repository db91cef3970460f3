#!/usr/bin/python3
"""UI test: the Today dashboard shows the day's alerts, counters and groups,
and a past day as it was.

A small care home is set up and its people imported through the command
line; today's temperature checks and a staff test are written straight
into the database, as the registers would have stored them.  Then the real
window is driven through the accessibility tree, under Xvfb.
"""
import csv
import datetime
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ui_helpers  # noqa: E402
from atspi_driver import App, walk  # noqa: E402
from ui_helpers import BIN, careguard, case, prepared, summary  # noqa: E402

FEVER_NAME = "王秀英"


def id_number(region, birth, seq, sex):
    """An 18-digit resident ID number with its GB 11643 check digit; the
    17th digit is odd for a man and even for a woman."""
    seq = seq * 2 + (1 if sex == "male" else 0)
    return ui_helpers.id_number("%s%s%03d" % (region, birth, seq))


# name, kind, sex, room, birth date
PEOPLE = [
    ("林美华", "staff", "female", "", "19800312"),
    ("陈建国", "staff", "male", "", "19750808"),
    (FEVER_NAME, "resident", "female", "2-05", "19491231"),
    ("黄志强", "resident", "male", "2-06", "19440115"),
    ("吴淑贞", "resident", "female", "2-07", "19460520"),
    ("郑国华", "resident", "male", "3-01", "19420901"),
    ("蔡碧云", "resident", "female", "3-02", "19480214"),
    ("许文彬", "resident", "male", "3-03", "19431111"),
    ("洪丽娟", "resident", "female", "3-04", "19471003"),
]


def make_institution(tmp):
    """A care home of nine people: today one fever, one normal check, seven
    not checked; one staff member tested, the other never."""
    db = os.path.join(tmp, "today.db")
    # The command line in the test's own locale, not the C one.
    careguard(db, "setup", "--name", "晋江市安康养老院", "--type", "care-home",
              "--beds", "60", "--district", "青阳街道", c_locale=False)
    people_csv = os.path.join(tmp, "people.csv")
    with open(people_csv, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "id_number", "kind", "sex", "room", "arrived_on"])
        for seq, (name, kind, sex, room, birth) in enumerate(PEOPLE, start=11):
            writer.writerow([name, id_number("350582", birth, seq, sex), kind, sex, room, "2020-03-01"])
    careguard(db, "import", "people", people_csv, c_locale=False)

    today = datetime.date.today()
    now_utc = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    con = sqlite3.connect(db)
    try:
        ids = dict(con.execute("SELECT name, id FROM person").fetchall())
        assert len(ids) == len(PEOPLE), ids
        checks = [(ids[FEVER_NAME], 38.2), (ids["林美华"], 36.5)]
        for person_id, temperature in checks:
            con.execute("INSERT INTO health_check (person_id, checked_at, checked_on, temperature, "
                        "symptoms, action, created_at) VALUES (?, ?, ?, ?, 0, '', ?)",
                        (person_id, now_utc, today.isoformat(), temperature, now_utc))
        sampled = (today - datetime.timedelta(days=10)).isoformat()
        result_on = (today - datetime.timedelta(days=9)).isoformat()
        con.execute("INSERT INTO nat_test (person_id, sampled_on, result, result_on, site, created_at, "
                    "updated_at) VALUES (?, ?, 'negative', ?, '', ?, ?)",
                    (ids["林美华"], sampled, result_on, now_utc, now_utc))
        con.commit()
    finally:
        con.close()
    return db


def names(node):
    found = []
    for n in walk(node):
        try:
            found.append(n.name or "")
        except Exception:
            continue
    return found


def node_named(app, prefix):
    """The first showing node whose accessible name starts with prefix."""
    for node in app.find_all():
        try:
            if (node.name or "").startswith(prefix):
                return node
        except Exception:
            continue
    return None


def wait_named(app, prefix, timeout=20):
    return app.wait(lambda: node_named(app, prefix), timeout, "a node named %r…" % prefix)


def date_shown(app):
    """The text on the date button."""
    button = app.find(name="Choose Date")
    labels = [n for n in walk(button) if n is not button and n.getRoleName() == "label"]
    return " ".join(app.text_of(n) if n.name == "" else n.name for n in labels).strip()


def c_date(day):
    """The date as the button writes it in the C locale: "Sun, 22 Nov 2026"."""
    return "%s, %d %s %d" % (day.strftime("%a"), day.day, day.strftime("%b"), day.year)


@case
def dashboard_today_and_yesterday(db):
    app = App(BIN, db)
    try:
        # Counters: the card's accessible name is its figure.
        wait_named(app, "Fevers: 1", timeout=30)
        wait_named(app, "People present: 9")
        wait_named(app, "Checks done: 2 of 9")
        wait_named(app, "Tests overdue: 1")

        # The fever is a critical alert, in the critical group, by name.
        critical = wait_named(app, "Critical: 1 alert")
        fever_rows = [n for n in names(critical) if n.startswith(FEVER_NAME + " ")]
        assert fever_rows, "no row for %s in the critical group: %r" % (FEVER_NAME, names(critical))
        assert "38.2" in fever_rows[0], fever_rows[0]

        # Seven people without a check fold into one ALL-1 row.
        warning = wait_named(app, "Warning: ")
        all1 = [n for n in names(warning) if n.startswith("ALL-1 ")]
        assert all1 and "7 people" in all1[0], "no folded ALL-1 row: %r" % names(warning)
        # The staff member never tested is a CH-5 warning of her own.
        assert any(n.startswith("陈建国 ") for n in names(warning)), names(warning)

        # Today is as far as the dashboard goes.
        assert date_shown(app) == "Today", date_shown(app)
        assert not app.is_sensitive("Next Day"), "Next Day leads into the future"

        # The day before, as it was: nobody checked, no fever.
        app.click("Previous Day")
        yesterday = datetime.date.today() - datetime.timedelta(days=1)
        app.wait(lambda: date_shown(app) == c_date(yesterday), 10,
                 "the date button to show %s" % c_date(yesterday))
        wait_named(app, "Fevers: 0")
        app.wait(lambda: node_named(app, "Critical: ") is None, 10, "the critical group to go")
        assert not any(n.startswith(FEVER_NAME + " ") and "38.2" in n for n in names(app.root)), \
            "today's fever shown on the day before"
        warning = wait_named(app, "Warning: ")
        app.wait(lambda: any(n.startswith("ALL-1 ") and "9 people" in n
                             for n in names(node_named(app, "Warning: "))),
                 10, "all nine people without a check the day before")

        # And back to today.
        app.click("Next Day")
        app.wait(lambda: date_shown(app) == "Today", 10, "the date button to show Today again")
        wait_named(app, "Fevers: 1")
        wait_named(app, "Critical: 1 alert")
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-today-")
    db = prepared(make_institution, tmp)
    if db is None:
        return 1
    dashboard_today_and_yesterday(db)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
