#!/usr/bin/python3
# test-stock-cli.py — a care home's supplies ledger imported from CSV, and
# `careguard stock --json` compared with the forecast worked out by hand
# from rules.md "Stock forecast"; the CH-6 alerts of `check --json`; a bad
# file that changes nothing.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The day is 2026-10-31; the ledger starts 2026-09-01 (the first receipt,
# so the replenishment days are 09-01, 09-16, 10-01, 10-16, 10-31).
# Floor 45 days, target 60, recent window 14 (the documents' values).
#
#   医用外科口罩 (个)  received 6,000 on 09-01 and 2,000 on 10-01; 60 used a day
#       in September (1,800), 90 a day in October (2,790); the count of 10-15
#       finds 4,830 where the ledger says 6,000 − 1,800 + 2,000 − 15 × 90 = 4,850:
#       20 used unrecorded that day.  On hand 8,000 − 4,590 − 20 = 3,390.
#       peak30 = 10-02 … 10-31 = 30 × 90 + 20 = 2,720; peak_rate = 90.667;
#       days = 3,390 × 30 / 2,720 = 37.39 < 45: below the floor (CH-6 warning);
#       recent = 14 × 90 / 14 = 90; run-out ⌈3,390 / 90⌉ = ⌈37.7⌉ = 38 days → 12-08;
#       order 60 × 90.667 − 3,390 = 5,440 − 3,390 = 2,050.
#   防护服 (套)  232 received on 09-01, 2 used every day (61 days, 122): on hand 110;
#       peak30 = 60, rate 2; days 55: below target (CH-6 information);
#       run-out 110 / 2 = 55 days → 12-25; order 120 − 110 = 10.
#   84消毒液 (瓶)  100 received, none used: unlimited (null days, null run-out).
#   隔离衣 (件)  a new item; 30 received on 10-20, 1 used a day 10-21 … 10-31 (11):
#       history 10-20 … 10-31 = 12 days, shorter than 30 and no figure entered:
#       peak30 = 11 × 30 / 12 = 27.5, rate 0.9167; on hand 19;
#       days = 19 / 0.9167 = 20.72: below the floor; recent 11 / 12 = 0.9167;
#       run-out ⌈20.73⌉ = 21 days → 11-21; order 60 × 0.9167 − 19 = 36.
#   N95口罩 (个)  40 received on 09-01, 1 used a day 09-01 … 10-10: none left;
#       peak30 = 30, rate 1: stock-out (CH-6 critical), order 60; no use in the
#       last 14 days: recent 0, no run-out date; days of supply 0.
#
# The orders are multiples of the default pack sizes (50, 10, 20), so the
# numbers hold whether or not setup pre-fills the usual items.
#
# Run by meson with CAREGUARD_BIN set to the program; prints "N passed, N failed".

import datetime
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

DAY = "2026-10-31"

passed = 0
failed = 0


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print("ok - %s" % what)
    else:
        failed += 1
        print("FAIL - %s" % what)
        if detail:
            for line in str(detail).splitlines():
                print("    %s" % line)


def days(first, last):
    day = datetime.date.fromisoformat(first)
    end = datetime.date.fromisoformat(last)
    while day <= end:
        yield day.isoformat()
        day += datetime.timedelta(days=1)


def ledger_rows():
    rows = [("医用外科口罩", "2026-09-01", "6000", "入库", "下拨", "个", "")]
    for day in days("2026-09-01", "2026-10-31"):
        if day == "2026-10-01":
            rows.append(("医用外科口罩", day, "2000", "入库", "自购", "", ""))
        # A use written as a negative quantity, or as 领用 with a positive one.
        use = 60 if day < "2026-10-01" else 90
        if day.endswith("5"):
            rows.append(("医用外科口罩", day, str(use), "领用", "", "", ""))
        else:
            rows.append(("医用外科口罩", day, str(-use), "", "", "", ""))
        if day == "2026-10-15":
            rows.append(("医用外科口罩", day, "4830", "盘点", "", "", "月中盘点"))
    rows.append(("防护服", "2026-09-01", "232", "入库", "下拨", "套", ""))
    for day in days("2026-09-01", "2026-10-31"):
        rows.append(("防护服", day, "-2", "", "", "", ""))
    rows.append(("84消毒液", "2026-09-01", "100", "入库", "捐赠", "瓶", ""))
    rows.append(("隔离衣", "2026-10-20", "30", "", "自购", "件", ""))
    for day in days("2026-10-21", "2026-10-31"):
        rows.append(("隔离衣", day, "-1", "", "", "", ""))
    rows.append(("N95口罩", "2026-09-01", "40", "入库", "下拨", "个", ""))
    for day in days("2026-09-01", "2026-10-10"):
        rows.append(("N95口罩", day, "-1", "", "", "", ""))
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        out.write("物资,日期,数量,类型,来源,单位,备注\r\n")
        for row in rows:
            out.write(",".join(row) + "\r\n")


# item → the JSON worked out by hand (numbers compared to 0.01)
EXPECTED = {
    "医用外科口罩": {"unit": "个", "on_hand": 3390, "peak30": 2720, "peak_rate": 2720 / 30,
                "recent_rate": 90, "days_of_supply": 37.38, "floor_days": 45, "target_days": 60,
                "runout_date": "2026-12-08", "suggested_order": 2050, "status": "below-floor"},
    "防护服": {"unit": "套", "on_hand": 110, "peak30": 60, "peak_rate": 2, "recent_rate": 2,
            "days_of_supply": 55, "floor_days": 45, "target_days": 60,
            "runout_date": "2026-12-25", "suggested_order": 10, "status": "below-target"},
    "84消毒液": {"unit": "瓶", "on_hand": 100, "peak30": 0, "peak_rate": 0, "recent_rate": 0,
              "days_of_supply": None, "floor_days": 45, "target_days": 60,
              "runout_date": None, "suggested_order": 0, "status": "ok"},
    "隔离衣": {"unit": "件", "on_hand": 19, "peak30": 27.5, "peak_rate": 11 / 12,
            "recent_rate": 11 / 12, "days_of_supply": 20.72, "floor_days": 45, "target_days": 60,
            "runout_date": "2026-11-21", "suggested_order": 36, "status": "below-floor"},
    "N95口罩": {"unit": "个", "on_hand": 0, "peak30": 30, "peak_rate": 1, "recent_rate": 0,
              "days_of_supply": 0, "floor_days": 45, "target_days": 60,
              "runout_date": None, "suggested_order": 60, "status": "stock-out"},
}
FIELDS = ["item", "unit", "on_hand", "peak30", "peak_rate", "recent_rate", "days_of_supply",
          "floor_days", "target_days", "runout_date", "suggested_order", "status"]

# (item) → severity and what the CH-6 message must say
ALERTS = {
    "医用外科口罩": ("warning", ["3,390 个 on hand = 37 days at peak use (floor 45, target 60)",
                            "order 2,050 个 now", "2026-10-31", "runs out on 2026-12-08"]),
    "防护服": ("info", ["110 套 on hand = 55 days at peak use (target 60)", "order 10 套",
                     "runs out on 2026-12-25"]),
    "隔离衣": ("warning", ["19 件 on hand = 20 days", "order 36 件 now", "runs out on 2026-11-21"]),
    "N95口罩": ("critical", ["None on hand", "peak use of 1 个 a day", "order 60 个 at once"]),
}


def same(value, expected):
    if expected is None or isinstance(expected, str):
        return value == expected
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and abs(value - expected) < 0.01


def main():
    program = os.environ.get("CAREGUARD_BIN")
    if not program or not os.access(program, os.X_OK):
        print("CAREGUARD_BIN is not set to the careguard program")
        print("0 passed, 1 failed")
        return 1

    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    env["TZ"] = "Asia/Shanghai"

    with tempfile.TemporaryDirectory(prefix="careguard-stock-") as tmp:
        db = os.path.join(tmp, "stock.db")
        ledger = os.path.join(tmp, "stock.csv")
        bad = os.path.join(tmp, "stock-bad.csv")
        write_csv(ledger, ledger_rows())

        def run(*args):
            return subprocess.run([program, "--db", db] + list(args), env=env, capture_output=True,
                                  text=True, timeout=60)

        def stock_json():
            result = run("stock", "--date", DAY, "--json")
            if result.returncode != 0:
                return None, result.stderr
            try:
                return json.loads(result.stdout), result.stdout
            except ValueError as error:
                return None, "%s\n%s" % (error, result.stdout)

        def count(table):
            with sqlite3.connect(db) as connection:
                return connection.execute("SELECT count(*) FROM %s" % table).fetchone()[0]

        result = run("setup", "--name", "晋江市示范养老院", "--type", "care-home", "--beds", "40")
        check(result.returncode == 0, "setup creates the care home", result.stderr)

        n_rows = len(ledger_rows())
        result = run("import", "stock", ledger)
        check(result.returncode == 0, "import stock: the ledger of %d rows" % n_rows, result.stderr)
        check("%d new" % n_rows in result.stdout, "every row is new", result.stdout)
        movements = count("stock_movement")
        check(movements == n_rows, "one movement per row", movements)

        forecasts, raw = stock_json()
        check(forecasts is not None, "stock --json is a JSON array", raw)
        forecasts = forecasts or []
        by_item = {entry.get("item"): entry for entry in forecasts}
        for entry in forecasts:
            check(list(entry.keys()) == FIELDS, "%s: exactly the fields of interfaces.md" % entry.get("item"),
                  list(entry.keys()))
        for item, expected in EXPECTED.items():
            entry = by_item.get(item)
            check(entry is not None, "%s is in the forecast" % item, raw)
            if entry is None:
                continue
            for field, value in expected.items():
                check(same(entry.get(field), value), "%s: %s = %r" % (item, field, value),
                      "got %r" % entry.get(field))
        for item, entry in by_item.items():
            if item not in EXPECTED:
                # The usual items setup may add: nothing recorded, nothing needed.
                check(entry["on_hand"] == 0 and entry["status"] == "ok",
                      "%s (no ledger): nothing on hand, nothing needed" % item, entry)

        # The day as it was: on 09-30 the masks had 6,000 − 1,800 = 4,200.
        result = run("stock", "--date", "2026-09-30", "--json")
        earlier = {e["item"]: e for e in json.loads(result.stdout)} if result.returncode == 0 else {}
        check(earlier.get("医用外科口罩", {}).get("on_hand") == 4200,
              "stock --date 2026-09-30 ignores what came after", result.stdout)

        # The text table.
        result = run("stock", "--date", DAY)
        check(result.returncode == 0 and "医用外科口罩" in result.stdout and "3,390" in result.stdout
              and "2026-10-31" in result.stdout, "stock prints a table", result.stdout + result.stderr)

        # CH-6 in check --json.
        result = run("check", "--date", DAY, "--json")
        check(result.returncode == 0, "check --json runs", result.stderr)
        alerts = json.loads(result.stdout) if result.returncode == 0 else []
        supply = {a["subject"]: a for a in alerts if a["rule"] == "CH-6"}
        check(set(supply) == set(ALERTS), "CH-6 alerts for the items short of 60 days",
              sorted(supply))
        for item, (severity, words) in ALERTS.items():
            alert = supply.get(item)
            if alert is None:
                continue
            check(alert["severity"] == severity, "CH-6 %s: %s" % (item, severity), alert)
            for word in words:
                check(word in alert["message"], "CH-6 %s says “%s”" % (item, word), alert["message"])
            check("养老 二(四)" in alert["source"], "CH-6 %s cites 养老 二(四)" % item, alert["source"])
            check(alert["date"] == DAY, "CH-6 %s is dated %s" % (item, DAY), alert)

        # The same file again records nothing more.
        result = run("import", "stock", ledger)
        check(result.returncode == 0 and "0 new" in result.stdout,
              "a second import of the same file adds nothing", result.stdout + result.stderr)
        check(count("stock_movement") == movements, "still %d movements" % movements,
              count("stock_movement"))

        # A bad file: exit 1, the lines named, nothing changed.
        write_csv(bad, [
            ("防护服", "2026-11-01", "-100", "", "", "", ""),      # line 2: only 110 − … left
            ("防护服", "2026-11-01", "-200", "", "", "", ""),      # line 3: more than there is
            ("医用外科口罩", "2026-13-01", "50", "", "", "", ""),  # line 4: not a date
            ("医用外科口罩", "2026-11-02", "50", "", "", "盒", ""),  # line 5: another unit
        ])
        audits = count("audit")
        result = run("import", "stock", bad)
        check(result.returncode == 1, "a bad stock file exits 1", result.returncode)
        check("line 3" in result.stderr and "Not enough 防护服" in result.stderr,
              "the report names line 3 and the item short", result.stderr)
        check("line 4" in result.stderr and "line 5" in result.stderr and "line 2," not in result.stderr,
              "lines 4 and 5 are bad, line 2 is not", result.stderr)
        check(count("stock_movement") == movements and count("audit") == audits,
              "the bad file changed nothing")
        after, raw_after = stock_json()
        check(after == forecasts, "the forecast is as before", raw_after)

    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
