#!/usr/bin/python3
# test-scenario.py — a small care home imported from CSV, and the alerts of
# one day compared with the ones worked out by hand from rules.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The scenario (tests/data/scenario/, all dates in the past; the day is
# 2026-03-15, a care home, so CH-5 applies):
#
#   staff     陈建国  last negative 2026-02-10 → due 03-10: overdue by 5 days (CH-5 warning);
#                     dry cough without fever at 36.5 (ALL-2 warning)
#             林美华  last negative 2026-02-20 → due 03-20: due in 5 days, within 7 (CH-5 info)
#             黄志强  last negative 2026-03-08 → due 04-05: up to date, no alert
#   residents 王秀英  positive, sampled 2026-03-12 (ALL-9 critical); 36.6, no alert for the check
#             李桂兰  36.9 in the morning, 37.8 with a cough in the afternoon: the highest
#                     reading counts, low fever with cough (ALL-3 critical)
#             张福生  checked on 03-14 but not on 03-15 (ALL-1 warning)
#             刘淑珍  arrived 2026-03-10, sample of that day still pending: isolation
#                     observation until 03-24 (ALL-6 warning); 37.0 is still normal
#
# Then: the same checks file imported again changes nothing; a checks file
# with one bad row (370 for 37.0) exits 1, names line 3 and changes nothing.
#
# Run by meson with CAREGUARD_BIN set to the program; prints "N passed, N failed".

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "scenario")
DAY = "2026-03-15"

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


def masked(id_number):
    return id_number[:6] + "*" * 8 + id_number[-4:]


PEOPLE = {
    "陈建国": "350582198003120218",
    "林美华": "350582198507060423",
    "黄志强": "350582197809230139",
    "王秀英": "350582194102050624",
    "李桂兰": "350582193808170842",
    "张福生": "350582194304300353",
    "刘淑珍": "350582194501110268",
}

# (rule, severity, name) → what the message must say, and what the source
# clause must cite.
EXPECTED = {
    ("ALL-3", "critical", "李桂兰"): (["Low fever", "37.8 °C", "Cough", "fever clinic"], "救助站 二(二)"),
    ("ALL-9", "critical", "王秀英"): (["Positive", "sampled 2026-03-12", "report"], "民发〔2021〕11号"),
    ("ALL-1", "warning", "张福生"): (["No temperature check", "2026-03-15"], "养老 二(一)"),
    ("ALL-2", "warning", "陈建国"): (["Symptoms without fever", "Dry cough"], "养老 二(一)"),
    ("ALL-6", "warning", "刘淑珍"): (["Arrived 2026-03-10", "pending", "until 2026-03-24"], "养老 二(三)"),
    ("CH-5", "warning", "陈建国"): (["overdue by 5 days", "due 2026-03-10", "last negative 2026-02-10",
                                    "every 28 days"], "养老 二(三)"),
    ("CH-5", "info", "林美华"): (["due in 5 days", "on 2026-03-20", "last negative 2026-02-20"], "养老 二(三)"),
}
SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


def main():
    program = os.environ.get("CAREGUARD_BIN")
    if not program or not os.access(program, os.X_OK):
        print("CAREGUARD_BIN is not set to the careguard program")
        print("0 passed, 1 failed")
        return 1

    env = dict(os.environ)
    # English messages and China's clock, whatever the machine.
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    env["TZ"] = "Asia/Shanghai"

    with tempfile.TemporaryDirectory(prefix="careguard-scenario-") as tmp:
        db = os.path.join(tmp, "scenario.db")

        def run(*args):
            return subprocess.run([program, "--db", db] + list(args), env=env, capture_output=True,
                                  text=True, timeout=60)

        def alerts_json():
            result = run("check", "--date", DAY, "--json")
            if result.returncode != 0:
                return None, result.stderr
            try:
                return json.loads(result.stdout), result.stdout
            except ValueError as error:
                return None, "%s\n%s" % (error, result.stdout)

        def count(table):
            with sqlite3.connect(db) as connection:
                return connection.execute("SELECT count(*) FROM %s" % table).fetchone()[0]

        result = run("setup", "--name", "晋江市示范养老院", "--type", "care-home", "--beds", "40",
                     "--district", "青阳街道")
        check(result.returncode == 0, "setup creates the care home", result.stderr)

        for register, rows in (("people", 7), ("tests", 7), ("checks", 8)):
            result = run("import", register, os.path.join(DATA, register + ".csv"))
            check(result.returncode == 0, "import %s exits 0" % register, result.stderr)
            check("Imported %d rows (%d new, 0 updated)" % (rows, rows) in result.stdout,
                  "import %s: %d new rows" % (register, rows), result.stdout + result.stderr)
        check(count("person") == 7 and count("nat_test") == 7 and count("health_check") == 8,
              "the database holds 7 people, 7 samples, 8 checks",
              "%d, %d, %d" % (count("person"), count("nat_test"), count("health_check")))

        alerts, text = alerts_json()
        check(alerts is not None, "check --json prints a JSON array", text)
        if alerts is None:
            print("%d passed, %d failed" % (passed, failed + 1))
            return 1

        seen = {}
        for alert in alerts:
            fields = {"rule", "severity", "subject", "message", "source", "date"}
            check(set(alert.keys()) == fields, "alert has exactly the fields of interfaces.md",
                  json.dumps(alert, ensure_ascii=False))
            name = alert.get("subject", "").split(" ")[0]
            key = (alert.get("rule"), alert.get("severity"), name)
            seen.setdefault(key, []).append(alert)

        missing = [key for key in EXPECTED if key not in seen]
        extra = [key for key in seen if key not in EXPECTED]
        check(not missing, "every expected alert is there", "missing: %s" % missing)
        check(not extra, "no alert beyond the expected ones",
              "\n".join(json.dumps(a, ensure_ascii=False) for key in extra for a in seen[key]))
        check(len(alerts) == len(EXPECTED), "%d alerts in all" % len(EXPECTED), "got %d" % len(alerts))

        for key, (fragments, source) in sorted(EXPECTED.items()):
            for alert in seen.get(key, []):
                rule, severity, name = key
                what = "%s %s %s" % (rule, severity, name)
                check(len(seen[key]) == 1, "%s: once" % what)
                check(alert["subject"] == "%s %s" % (name, masked(PEOPLE[name])),
                      "%s: subject is the name and the masked ID number" % what, alert["subject"])
                lacking = [f for f in fragments if f not in alert["message"]]
                check(not lacking, "%s: the message says %s" % (what, ", ".join(fragments)),
                      "lacking %s in: %s" % (lacking, alert["message"]))
                check(source in alert["source"], "%s: the source cites %s" % (what, source), alert["source"])
                check(alert["date"] == DAY, "%s: dated %s" % (what, DAY), alert["date"])

        order = [SEVERITY_ORDER.get(a.get("severity"), 9) for a in alerts]
        check(order == sorted(order), "critical alerts first, then warnings, then information",
              [a.get("severity") for a in alerts])

        # The same checks again: recognised, not doubled, the same alerts.
        result = run("import", "checks", os.path.join(DATA, "checks.csv"))
        check(result.returncode == 0 and "(0 new, 8 updated)" in result.stdout,
              "importing the checks again updates 8 and adds none", result.stdout + result.stderr)
        check(count("health_check") == 8, "still 8 checks", count("health_check"))
        again, text = alerts_json()
        check(again == alerts, "the alerts are the same after the second import", text)

        # One bad row refuses the whole file: 张福生's check on line 2 would
        # clear his ALL-1 alert if it went in.
        checks_before = count("health_check")
        audit_before = count("audit")
        result = run("import", "checks", os.path.join(DATA, "checks-bad.csv"))
        check(result.returncode == 1, "a checks file with a bad row exits 1",
              "exit %d\n%s" % (result.returncode, result.stderr))
        check("line 3, 体温" in result.stderr and "370" in result.stderr,
              "stderr names line 3, the column and the value", result.stderr)
        check("nothing was imported" in result.stderr, "stderr says nothing was imported", result.stderr)
        check(result.stdout == "", "nothing on stdout", result.stdout)
        check(count("health_check") == checks_before and count("audit") == audit_before,
              "no check and no audit entry was added",
              "%d → %d checks, %d → %d audit" % (checks_before, count("health_check"),
                                                 audit_before, count("audit")))
        after, text = alerts_json()
        check(after == alerts, "the alerts are unchanged after the refused file", text)

    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
