#!/usr/bin/python3
# test-scenario-gate.py — visitors, rooms and an isolation stay imported from
# CSV, and the alerts of one day compared with the ones worked out by hand
# from rules.md (ALL-4, ALL-5, ALL-6).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The scenario (tests/data/gate/; the day is 2026-03-20, a care home, China's
# clock; the policy's defaults: 4 visitors at once, 30 minutes, 14 days):
#
#   residents 王秀英, 李桂兰 (since 2025), 刘淑珍 arrived 2026-03-15;
#   staff     陈建国, negative test 03-10 (due 04-07: no CH-5 alert).
#   Everyone has a temperature check on 03-20 (no ALL-1 alert).
#   rooms     隔离1号 and 观察室 have all three conditions; 隔离2号 has no own
#             toilet → ALL-5 warning naming the toilet — from today, when the
#             rooms are registered (on 03-20 they were not: "as known that day").
#   stay      刘淑珍 in 隔离1号 from 03-15 10:00, reason 新入住: isolated, but
#             neither screened nor tested → ALL-6 warning listing exactly
#             those two steps, isolation until 03-29 (03-15 + 14).
#   visits    张伟  09:00–09:25 (25 min: within 30)            admitted
#             赵敏  10:00–10:40 (40 min: over 30)              admitted → ALL-4 warning "40 minutes"
#             孙丽  10:05, 38.2 ℃ (low fever)                 refused, fever
#             周强  10:20–10:30 (10 min)                      admitted
#             At most two inside at once (赵敏 and 周强, 10:20–10:30): under 4, no alert.
#             One refusal → one ALL-4 information alert counting it.
#
# Then: the decision stored for each visit; a visits file with a bad row
# (an ID number with a wrong check digit) exits 1 and stores nothing.
#
# Run by meson with CAREGUARD_BIN set to the program; prints "N passed, N failed".

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "gate")
DAY = "2026-03-20"

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

    with tempfile.TemporaryDirectory(prefix="careguard-gate-") as tmp:
        db = os.path.join(tmp, "gate.db")

        def run(*args):
            return subprocess.run([program, "--db", db] + list(args), env=env, capture_output=True,
                                  text=True, timeout=60)

        def query(sql, *params):
            with sqlite3.connect(db) as connection:
                return connection.execute(sql, params).fetchall()

        result = run("setup", "--name", "晋江市示范养老院", "--type", "care-home", "--beds", "40")
        check(result.returncode == 0, "setup creates the care home", result.stderr)

        for register, rows in (("people", 4), ("tests", 1), ("checks", 4), ("rooms", 3),
                               ("stays", 1), ("visits", 4)):
            result = run("import", register, os.path.join(DATA, register + ".csv"))
            check(result.returncode == 0, "import %s exits 0" % register, result.stderr)
            check("Imported %d rows (%d new, 0 updated)" % (rows, rows) in result.stdout,
                  "import %s: %d new rows" % (register, rows), result.stdout + result.stderr)

        decisions = dict(query("SELECT visitor_name, refusal FROM visit"))
        check(decisions.get("张伟") == 0 and decisions.get("赵敏") == 0 and decisions.get("周强") == 0,
              "张伟, 赵敏 and 周强 were admitted", decisions)
        check(decisions.get("孙丽") == 1, "孙丽 was refused for fever alone (refusal bit 1)", decisions)
        planned = query("SELECT planned_end_at FROM stay")
        check(planned == [("2026-03-29T02:00:00Z",)],
              "the stay's planned end is 03-29 10:00 in China (02:00 UTC)", planned)

        result = run("check", "--date", DAY, "--json")
        check(result.returncode == 0, "check --json exits 0", result.stderr)
        alerts = json.loads(result.stdout) if result.returncode == 0 else []
        ours = [a for a in alerts if a["rule"] in ("ALL-4", "ALL-5", "ALL-6")]
        others = [a for a in alerts if a not in ours]
        check(not others, "no alert of another rule (everyone checked, the test is not due)",
              "\n".join(json.dumps(a, ensure_ascii=False) for a in others))

        def find(rule, severity, subject_start):
            return [a for a in ours if a["rule"] == rule and a["severity"] == severity
                    and a["subject"].startswith(subject_start)]

        overstay = find("ALL-4", "warning", "赵敏")
        check(len(overstay) == 1 and "40 minutes" in overstay[0]["message"]
              and "30" in overstay[0]["message"],
              "ALL-4: 赵敏 stayed 40 minutes against 30", overstay)
        check(overstay and overstay[0]["subject"] == "赵敏 350582********0021",
              "ALL-4: the visitor's ID number is masked", overstay)
        refused = [a for a in ours if a["rule"] == "ALL-4" and a["severity"] == "info"]
        check(len(refused) == 1 and "1" in refused[0]["message"],
              "ALL-4: one information alert counts the one refusal", refused)
        check(not [a for a in ours if a["rule"] == "ALL-5"],
              "ALL-5: nothing on 03-20, when the rooms were not registered yet (they are imported today)",
              ours)
        arrival = find("ALL-6", "warning", "刘淑珍")
        check(len(arrival) == 1, "ALL-6: 刘淑珍 is a new arrival with steps to do", arrival)
        if arrival:
            message = arrival[0]["message"]
            check("screening assessment" in message and "negative nucleic-acid test" in message,
                  "ALL-6: screening and the test are still to do", message)
            check("single room" not in message, "ALL-6: the isolation step is done", message)
            check("2026-03-29" in message, "ALL-6: isolation until 2026-03-29", message)
        check(len(ours) == 3, "3 alerts of ALL-4/5/6 in all",
              "\n".join(json.dumps(a, ensure_ascii=False) for a in ours))

        # Today the rooms are registered: 隔离2号 lacks its toilet, and
        # 刘淑珍's stay is long past its planned end (03-29) and still open.
        result = run("check", "--json")
        today = json.loads(result.stdout) if result.returncode == 0 else []
        rooms = [a for a in today if a["rule"] == "ALL-5"]
        toilet = [a for a in rooms if a["subject"].startswith("隔离2号")]
        check(len(toilet) == 1 and toilet[0]["severity"] == "warning" and "toilet" in toilet[0]["message"],
              "ALL-5 today: 隔离2号 is flagged for its missing toilet", rooms)
        late = [a for a in rooms if a["subject"].startswith("刘淑珍")]
        check(len(late) == 1 and late[0]["severity"] == "warning" and "2026-03-29" in late[0]["message"],
              "ALL-5 today: 刘淑珍's stay is past its planned end of 2026-03-29", rooms)
        check(len(rooms) == 2, "ALL-5 today: those two alerts only", rooms)

        # A bad row refuses the whole visits file.
        before = query("SELECT count(*) FROM visit")[0][0]
        bad = os.path.join(tmp, "visits-bad.csv")
        with open(os.path.join(DATA, "visits.csv"), encoding="utf-8") as source:
            lines = source.read().splitlines()
        lines[1] = lines[1].replace("2026-03-20 09:00", "2026-03-21 09:00")
        lines[2] = lines[2].replace("350582198506230021", "350582198506230022")
        with open(bad, "w", encoding="utf-8") as out:
            out.write("\n".join(lines[:3]) + "\n")
        result = run("import", "visits", bad)
        check(result.returncode == 1, "a visits file with a wrong check digit exits 1",
              "exit %d\n%s" % (result.returncode, result.stderr))
        check("line 3" in result.stderr, "stderr names line 3", result.stderr)
        check(query("SELECT count(*) FROM visit")[0][0] == before, "no visit was stored")

    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
