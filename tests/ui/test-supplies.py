#!/usr/bin/python3
"""UI test: the Protective Supplies page.

`careguard setup` creates the usual items; a small stock file gives
医用外科口罩 a receipt and 40 days of use, which leaves it below its
floor (10 days at peak use).  The test opens "Protective Supplies", finds
the item below its floor, records a receipt through the Record Receipt
dialog, checks the stored movement with SQLite and the new status; a day's
use larger than what is on hand is refused with the core's message and
nothing stored; a possible day's use is stored.

Runs the real careguard window under Xvfb (the suite runs inside xvfb-run
and dbus-run-session) and drives it through the accessibility tree.
"""
import csv
import datetime
import functools
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ui_helpers  # noqa: E402
from ui_helpers import (careguard, case, labels_in, prepared, query, start, summary,  # noqa: E402
                        type_in, wait_row, window_of)

TODAY = datetime.date.today()
MASK = "医用外科口罩"
MASK_ROW = "医用外科口罩 (个)"
# The items table, by its role and name.
ITEMS = (None, "Protective supplies")

# This test's buttons are pressed by "click", "press" or "activate".
press = functools.partial(ui_helpers.press, actions=ui_helpers.CLICK_ACTIONS)


# ---- the database ----------------------------------------------------------

def make_database(folder):
    """1,000 masks received 40 days ago, 20 used on each of the 40 days
    since: 200 on hand, a peak of 600 in 30 days (20 a day), 10 days of
    supply — below the floor of 45."""
    db = os.path.join(folder, "supplies.db")
    careguard(db, "setup", "--name", "晋江市安康养老院", "--type", "care-home", "--beds", "40")
    path = os.path.join(folder, "stock.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["item", "occurred_on", "quantity", "kind", "source"])
        start = TODAY - datetime.timedelta(days=40)
        writer.writerow([MASK, start.isoformat(), "1000", "receipt", "allocated"])
        for d in range(40):
            day = start + datetime.timedelta(days=d)
            writer.writerow([MASK, day.isoformat(), "-20", "use", ""])
    careguard(db, "import", "stock", path)
    return db


def movements(db):
    return query(db, "SELECT m.occurred_on, m.kind, m.quantity, m.delta, coalesce(m.source, ''), m.batch "
                     "FROM stock_movement m JOIN stock_item i ON i.id = m.item_id "
                     "WHERE i.name = ? ORDER BY m.id", (MASK,))


# ---- the window ------------------------------------------------------------

def open_supplies_page(app):
    app.open_page("Protective Supplies")
    return app.find(*ITEMS, timeout=20)


# ---- the cases -------------------------------------------------------------

@case
def chart_projects_runout(db):
    """The item's chart goes on past today as a projection at the recent
    pace, down to zero, with the run-out day marked: the chart's own
    description names the mark, and the last day (run-out + 3) reads 0."""
    app = start(db)
    try:
        open_supplies_page(app)
        texts = wait_row(app, ITEMS, MASK, lambda t: "Below floor" in t, "%s below its floor" % MASK)
        runout = [t for t in texts if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t)]
        assert len(runout) == 1, texts
        runout = datetime.date.fromisoformat(runout[0])
        # 200 on hand at about 20 a day
        assert 9 <= (runout - TODAY).days <= 12, runout
        mmdd = runout.strftime("%m-%d")
        last = (runout + datetime.timedelta(days=3)).strftime("%m-%d")

        chart = app.find("image", "%s: days of supply at peak use" % MASK, timeout=10)
        description = chart.description
        assert "\u201cRuns out %s\u201d marked at %s" % (mmdd, mmdd) in description, description
        # history and projection: the chart runs to 3 days past the run-out,
        # and the projection ends at 0
        assert " to %s; " % last in description, description
        assert "Projected at the recent pace: lowest 0 days" in description, description
        assert description.count("last 0 days") == 1, description
    finally:
        app.quit()


@case
def below_floor_then_receipt(db):
    app = start(db)
    try:
        open_supplies_page(app)
        texts = wait_row(app, ITEMS, MASK, lambda t: "Below floor" in t, "%s below its floor" % MASK)
        # Whole days, rounded down, everywhere on the page.
        assert "200" in texts and "10" in texts, texts
        # The suggested order: 60 days × 20 a day − 200 on hand.
        assert "1,000" in texts, texts
        app.find("label", "1 item below the floor", timeout=10)
        before = len(movements(db))

        app.click("Record Receipt…")
        dialog = window_of(app.find("text", "Quantity"))
        type_in(app, dialog, "Item", MASK)
        type_in(app, dialog, "Quantity", "1000")
        type_in(app, dialog, "Batch", "B-2611")
        press(app, dialog, "Save")
        app.wait(lambda: not app.exists("text", "Quantity"), 10, "the dialog to close")

        rows = movements(db)
        assert len(rows) == before + 1, rows
        assert rows[-1] == (TODAY.isoformat(), "receipt", 1000, 1000, "", "B-2611"), rows[-1]
        # 1,200 on hand: 60 days at 20 a day, the target.
        texts = wait_row(app, ITEMS, MASK, lambda t: "Enough" in t, "%s to reach the target" % MASK)
        assert "1,200" in texts and "60" in texts, texts
    finally:
        app.quit()


@case
def day_use_refused_then_stored(db):
    app = start(db)
    try:
        open_supplies_page(app)
        wait_row(app, ITEMS, MASK, lambda t: True, "the items")
        before = movements(db)

        app.click("Record Day's Use…")
        dialog = window_of(app.find("text", MASK_ROW))
        type_in(app, dialog, MASK_ROW, "99999")
        press(app, dialog, "Save")
        # The core's message names the item; the row labels are "name (unit)".
        refusal = app.wait(lambda: [t for t in labels_in(dialog) if MASK in t and t != MASK_ROW] or None,
                           10, "the refusal naming the item")
        assert "99,999" in refusal[0] or "99999" in refusal[0] or "200" in refusal[0], refusal
        assert movements(db) == before, "a refused use stored something"

        type_in(app, dialog, MASK_ROW, "25")
        press(app, dialog, "Save")
        app.wait(lambda: not app.exists("text", MASK_ROW), 10, "the dialog to close")
        rows = movements(db)
        assert len(rows) == len(before) + 1, rows
        assert rows[-1][:4] == (TODAY.isoformat(), "use", 25, -25), rows[-1]
        wait_row(app, ITEMS, MASK, lambda t: "1,175" in t, "the new on-hand quantity")
    finally:
        app.quit()


def main():
    tmp = tempfile.mkdtemp(prefix="careguard-supplies-")
    db = prepared(make_database, tmp)
    if db is None:
        return 1
    chart_projects_runout(db)
    below_floor_then_receipt(db)
    day_use_refused_then_stored(db)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
