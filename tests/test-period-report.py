#!/usr/bin/python3
# test-period-report.py — the period workbook with the registers
#
# Builds a small care home with the real program (setup, import people,
# tests, checks, stock, visits, rooms and stays), writes the workbook of
# one week with `careguard report period`, and reads it back with
# openpyxl: the sheets and their Chinese headers, the row counts, the
# per-day figures of the summary worked out by hand, masked ID numbers,
# the running stock of the supplies ledger, the split of a full sheet
# into "name (2)", and the command's refusals (a reversed range exits 1
# and writes nothing, a missing -o is wrong usage: 2).  A funeral home's
# week: 治丧登记, 吊唁人员登记表 and the funeral columns of 汇总.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import datetime
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

BIN = os.environ.get("CAREGUARD_BIN", "careguard")

FIRST = "2021-11-01"
LAST = "2021-11-07"
DAYS = [(datetime.date(2021, 11, 1) + datetime.timedelta(days=i)).isoformat() for i in range(7)]
INSTITUTION = "晋江市康宁养老院"

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what)


def equal(actual, expected, what):
    check(actual == expected, "%s: %r%s" % (what, actual, "" if actual == expected else " (expected %r)" % (expected,)))


def id_number(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


def masked(number):
    return number[:6] + "*" * 8 + number[14:]


PEOPLE = [
    # name, id, kind, role, room, arrived_on, left_on
    ("王丽", id_number("35058219850315002"), "staff", "护理员", "", "2021-01-04", ""),
    ("陈强", id_number("35058219790621001"), "staff", "厨师", "", "2021-01-04", ""),
    ("张秀英", id_number("35058219400212002"), "resident", "", "101", "2021-03-01", ""),
    # Leaves on 11-05: present 11-01 … 11-04.
    ("李建国", id_number("35058219380909003"), "resident", "", "102", "2021-03-01", "2021-11-05"),
    # Arrives on 11-03, isolated as a new arrival (ALL-6).
    ("黄美玲", id_number("35058219451120004"), "resident", "", "103", "2021-11-03", ""),
]
IDS = {p[0]: p[1] for p in PEOPLE}

# name, sampled_on, result, site (an imported result is known on the day of the sample)
TESTS = [
    ("王丽", "2021-10-20", "negative", "晋江市医院"),
    ("王丽", "2021-11-01", "negative", "晋江市医院"),
    ("陈强", "2021-10-20", "negative", "青阳街道卫生服务中心"),
    ("陈强", "2021-11-04", "positive", "青阳街道卫生服务中心"),
    ("黄美玲", "2021-11-05", "negative", "晋江市医院"),
]

# name, local time, temperature, symptoms
CHECKS = [
    ("王丽", "2021-11-01 07:50", "36.5", ""),
    ("陈强", "2021-11-01 07:55", "36.6", ""),
    ("张秀英", "2021-11-01 08:10", "36.7", ""),
    ("张秀英", "2021-11-02 08:10", "38.2", "fever;cough"),   # fever
    ("张秀英", "2021-11-02 14:00", "36.9", ""),              # same person, same day: one fever
    ("李建国", "2021-11-02 08:20", "36.6", ""),
    ("李建国", "2021-11-03 08:20", "36.9", "cough"),         # symptoms, no fever
    ("黄美玲", "2021-11-03 10:00", "36.4", ""),
    ("王丽", "2021-11-06 07:50", "36.4", ""),
    ("张秀英", "2021-11-07 08:00", "39.3", "fever"),         # fever (high)
]

# Outside the period: not in the workbook.
CHECKS_OUTSIDE = [
    ("张秀英", "2021-10-31 08:10", "38.5", "fever"),
    ("张秀英", "2021-11-08 08:10", "38.5", "fever"),
]

VISITORS = [
    # name, id, phone, visiting, arrived, left, code, relationship, risk, temperature, symptoms
    ("周美华", id_number("35058219700101002"), "13905951111", "张秀英", "2021-11-02 10:00", "2021-11-02 10:20",
     "green", "女儿", "no", "36.5", ""),
    ("郑国强", id_number("35058219680505001"), "13905952222", "李建国", "2021-11-02 11:00", "",
     "yellow", "儿子", "no", "36.6", ""),
    ("蔡丽娟", id_number("35058219750808002"), "", "张秀英", "2021-11-04 15:30", "",
     "green", "侄女", "no", "37.8", ""),
]

# item, day, quantity, kind, source: the running stock worked out by hand.
STOCK = [
    ("医用外科口罩", "2021-10-25", "1000", "receipt", "allocated"),  # before the period: 1000
    ("医用外科口罩", "2021-11-02", "-100", "use", ""),               # 900
    ("医用外科口罩", "2021-11-03", "-50", "use", ""),                # 850
    ("医用外科口罩", "2021-11-05", "820", "count", ""),              # 820 (30 missing)
    ("N95口罩", "2021-11-01", "200", "receipt", "donated"),          # 200
    ("N95口罩", "2021-11-09", "-20", "use", ""),                     # after the period
]
LEDGER = [
    # 物资名称, 日期, 入库/领用/盘点, 数量, 库存
    ("医用外科口罩", "2021-11-02", "Use", 100, 900),
    ("医用外科口罩", "2021-11-03", "Use", 50, 850),
    ("医用外科口罩", "2021-11-05", "Stock count", 820, 820),
    ("N95口罩", "2021-11-01", "Receipt", 200, 200),
]

SUMMARY = {
    # day: 在院人数, 工作人员数, 发热人数, 有症状人数, 核酸检测人数, 阳性人数, 访客, 隔离观察人数
    "2021-11-01": (2, 2, 0, 0, 1, 0, "0/0", 0),
    "2021-11-02": (2, 2, 1, 0, 0, 0, "2/1", 0),
    "2021-11-03": (3, 2, 0, 1, 0, 0, "0/0", 1),
    "2021-11-04": (3, 2, 0, 0, 1, 1, "1/1", 1),
    "2021-11-05": (2, 2, 0, 0, 1, 1, "0/0", 1),
    "2021-11-06": (2, 2, 0, 0, 0, 1, "0/0", 1),
    "2021-11-07": (2, 2, 1, 0, 0, 1, "0/0", 0),
}

HEADERS = {
    "汇总": ["日期", "在院人数", "工作人员数", "发热人数", "有症状人数", "核酸检测人数", "阳性人数",
           "访客人数（登记/劝返）", "隔离观察人数", "防控物资最低可用天数"],
    "工作人员体温和核酸检测登记表": ["姓名", "身份证号（脱敏）", "岗位", "采样日期", "采样点/检测机构", "结果",
                       "结果日期", "下次应检日期", "状态（正常/即将到期/逾期）"],
    "体温检测登记": ["日期", "姓名", "身份证号（脱敏）", "类别", "房间", "体温", "体温分级", "症状", "处置"],
    "访客登记表": ["日期", "访客姓名", "身份证号（脱敏）", "电话", "被探视人", "关系", "体温", "健康码颜色",
              "行程卡（14 天内中高风险地区：是/否）", "核酸检测时间/结果", "到访时间", "离开时间",
              "准入/劝返", "劝返原因", "登记人"],
    "隔离观察登记": ["房间", "姓名", "身份证号（脱敏）", "原因", "开始时间", "计划解除时间", "实际解除时间",
               "解除依据（核酸阴性日期）", "处置"],
    "防疫物资台账": ["物资名称", "规格", "单位", "日期", "入库/领用/盘点", "来源（下拨/自购/捐赠）", "数量",
               "库存", "有效期", "生产批号", "生产企业", "经办人", "审批人"],
}

BASE_ENV = dict(os.environ)
for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
    BASE_ENV.pop(name, None)
BASE_ENV["TZ"] = "Asia/Shanghai"
ENGLISH = dict(BASE_ENV, LANGUAGE="C", LANG="C.UTF-8")


def run(db, args, env=ENGLISH):
    try:
        return subprocess.run([BIN, "--db", db] + args, env=env, capture_output=True, text=True)
    except OSError as e:
        return subprocess.CompletedProcess([BIN], 127, "", "cannot run %s: %s" % (BIN, e))


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def import_register(db, folder, register, header, rows, required=True):
    path = os.path.join(folder, register + ".csv")
    write_csv(path, header, rows)
    result = run(db, ["import", register, path])
    if required:
        check(result.returncode == 0, "careguard import %s (%s)" % (register, result.stderr.strip()))
    return result.returncode == 0


def build_scenario(folder):
    db = os.path.join(folder, "careguard.db")
    result = run(db, ["setup", "--name", INSTITUTION, "--type", "care-home", "--beds", "40",
                      "--district", "青阳街道"])
    check(result.returncode == 0, "careguard setup (%s)" % result.stderr.strip())
    import_register(db, folder, "people",
                    ["name", "id_number", "kind", "sex", "phone", "role", "room", "arrived_on", "left_on"],
                    [(p[0], p[1], p[2], "", "", p[3], p[4], p[5], p[6]) for p in PEOPLE])
    import_register(db, folder, "tests", ["id_number", "sampled_on", "result", "site"],
                    [(IDS[t[0]], t[1], t[2], t[3]) for t in TESTS])
    import_register(db, folder, "checks", ["id_number", "checked_at", "temperature", "symptoms"],
                    [(IDS[c[0]], c[1], c[2], c[3]) for c in CHECKS + CHECKS_OUTSIDE])
    import_register(db, folder, "stock", ["item", "occurred_on", "quantity", "kind", "source"], STOCK)
    import_register(db, folder, "visits",
                    ["visitor_name", "visitor_id_number", "phone", "visiting", "arrived_at", "left_at",
                     "health_code", "relationship", "risk_travel", "temperature", "symptoms"],
                    [(v[0], v[1], v[2], IDS[v[3]], v[4], v[5], v[6], v[7], v[8], v[9], v[10]) for v in VISITORS])
    import_register(db, folder, "rooms", ["name", "kind", "own_toilet", "ventilated", "low_traffic"],
                    [("隔离1号", "isolation", "yes", "yes", "yes")])
    # 黄美玲: a new arrival, released early on 11-06 with the negative test of 11-05.
    import_register(db, folder, "stays", ["room", "id_number", "reason", "started_at", "ended_at"],
                    [("隔离1号", IDS["黄美玲"], "new_arrival", "2021-11-03 10:30", "2021-11-06 09:00")])
    return db


def rows_of(ws):
    return list(ws.iter_rows(values_only=True))


def day_of(value):
    return value.strftime("%Y-%m-%d") if isinstance(value, datetime.datetime) else value


def check_sheet_common(ws, name):
    rows = rows_of(ws)
    check(str(rows[0][0]).startswith(INSTITUTION) and name in str(rows[0][0])
          and FIRST in str(rows[0][0]) and LAST in str(rows[0][0]),
          "%s: title names the institution, the form and the period (%r)" % (ws.title, rows[0][0]))
    equal(ws.freeze_panes, "A4", "%s: header rows frozen" % ws.title)
    equal(str(ws.page_setup.paperSize), "9", "%s: A4" % ws.title)
    equal(ws.page_setup.orientation, "landscape", "%s: landscape" % ws.title)
    return rows


def test_workbook(db, folder):
    path = os.path.join(folder, "period.xlsx")
    result = run(db, ["report", "period", "--from", FIRST, "--to", LAST, "-o", path])
    equal(result.returncode, 0, "report period exits 0 (%s)" % result.stderr.strip())
    if result.returncode != 0:
        return
    check(not [n for n in os.listdir(folder) if n.endswith(".part")], "no temporary file left beside it")

    wb = openpyxl.load_workbook(path)
    # A care home keeps no screening register and wrote no disinfection or training.
    equal(wb.sheetnames, ["汇总", "工作人员体温和核酸检测登记表", "体温检测登记", "访客登记表", "隔离观察登记",
                          "防疫物资台账"], "sheets")
    equal(len(rows_of(wb["汇总"])[2]), 10, "汇总: a care home's has no funeral columns")

    for name, headers in HEADERS.items():
        if name not in wb.sheetnames:
            continue
        rows = rows_of(wb[name])
        equal(list(rows[2][:len(headers)]), headers, "%s: the form's headers, in Chinese and in order" % name)

    # 汇总: one line per day, worked out by hand.
    rows = check_sheet_common(wb["汇总"], "汇总")
    data = rows[3:]
    equal(len(data), 7, "汇总: one line per day")
    for row in data:
        day = day_of(row[0])
        if day in SUMMARY:
            equal(tuple(row[1:9]), SUMMARY[day], "汇总 %s: present, staff, fevers, symptoms, sampled, positive, "
                  "visitors, isolated" % day)
    # 防控物资最低可用天数: the masks are the only item in use (N95 masks
    # are not used in the period: unlimited).  Their ledger starts on
    # 10-25, shorter than 30 days, so the peak is the use so far per day:
    # on 11-03, 150 used in 10 days → 15 a day, 850 on hand → 56.7 days,
    # written as 56; on 11-05 the count's 30 missing are use too: 180 in
    # 12 days, 820 on hand → 54.7 → 54.  Nothing used by 11-01: "—".
    fewest = {day_of(row[0]): row[9] for row in data}
    equal(fewest, {"2021-11-01": "—", "2021-11-02": 81, "2021-11-03": 56, "2021-11-04": 62,
                   "2021-11-05": 54, "2021-11-06": 59, "2021-11-07": 63},
          "汇总: fewest days of supply, day by day")
    daily = os.path.join(folder, "daily.xlsx")
    result = run(db, ["report", "daily", "--date", "2021-11-05", "-o", daily])
    if result.returncode == 0:
        drows = rows_of(openpyxl.load_workbook(daily).worksheets[0])
        daily_row = drows[3]
        summary_row = [r for r in data if day_of(r[0]) == "2021-11-05"][0]
        equal((summary_row[1], summary_row[2], summary_row[3], summary_row[5], summary_row[9]),
              (daily_row[6], daily_row[7], daily_row[12], daily_row[14], daily_row[19]),
              "汇总 2021-11-05 agrees with the daily report (residents, staff, fevers, sampled, supplies)")

    # 工作人员体温和核酸检测登记表: the staff samples of the period only.
    rows = check_sheet_common(wb["工作人员体温和核酸检测登记表"], "工作人员体温和核酸检测登记表")
    data = rows[3:]
    equal([(r[0], r[1], day_of(r[3]), r[5]) for r in data],
          [("王丽", masked(IDS["王丽"]), "2021-11-01", "Negative"),
           ("陈强", masked(IDS["陈强"]), "2021-11-04", "Positive")],
          "staff tests: name, masked ID, sampling day, result")
    wang = data[0]
    # As known on 11-07: the last negative 11-01, due every 7 days (CH-5 default) or as the policy has it.
    check(day_of(wang[7]) is not None and day_of(wang[7]) > "2021-11-01", "staff tests: next test due after 11-01 (%r)" % day_of(wang[7]))
    equal(data[1][7], None, "staff tests: no routine test due after a positive result")
    equal(data[1][8], "Positive", "staff tests: the status of a positive member of staff")

    # 体温检测登记: every check of the period, none outside it.
    rows = check_sheet_common(wb["体温检测登记"], "体温检测登记")
    data = rows[3:]
    equal(len(data), len(CHECKS), "checks: one line per check of the period")
    fever_lines = [(day_of(r[0]), r[1], r[5], r[6]) for r in data if r[6] and "fever" in r[6].lower()]
    equal(fever_lines, [("2021-11-02", "张秀英", 38.2, "Moderate fever"), ("2021-11-07", "张秀英", 39.3, "High fever")],
          "checks: the fevers with their bands")
    zhang = [r for r in data if r[1] == "张秀英"][0]
    equal((zhang[2], zhang[3], zhang[4]), (masked(IDS["张秀英"]), "Resident", "101"),
          "checks: masked ID, kind and room")
    cough = [r for r in data if r[1] == "李建国" and day_of(r[0]) == "2021-11-03"][0]
    equal(cough[7], "Cough", "checks: symptoms in words")

    # 访客登记表
    rows = check_sheet_common(wb["访客登记表"], "访客登记表")
    data = rows[3:]
    equal(len(data), 3, "visitors: one line per visit")
    equal([(day_of(r[0]), r[1], r[2], r[4], r[12]) for r in data],
          [("2021-11-02", "周美华", masked(VISITORS[0][1]), "张秀英", "Admitted"),
           ("2021-11-02", "郑国强", masked(VISITORS[1][1]), "李建国", "Turned away"),
           ("2021-11-04", "蔡丽娟", masked(VISITORS[2][1]), "张秀英", "Turned away")],
          "visitors: day, name, masked ID, person visited, decision")
    equal(data[0][10].strftime("%Y-%m-%d %H:%M") if data[0][10] else None, "2021-11-02 10:00",
          "visitors: arrival in local time")
    equal(data[0][11].strftime("%Y-%m-%d %H:%M") if data[0][11] else None, "2021-11-02 10:20",
          "visitors: departure in local time")
    check("health code" in (data[1][13] or ""), "visitors: a yellow code is the reason (%r)" % data[1][13])
    check("fever" in (data[2][13] or ""), "visitors: a fever is the reason (%r)" % data[2][13])
    equal(data[1][7], "Yellow", "visitors: the health code's colour")

    # 隔离观察登记
    rows = check_sheet_common(wb["隔离观察登记"], "隔离观察登记")
    data = rows[3:]
    equal(len(data), 1, "isolation: one stay")
    stay = data[0]
    equal((stay[0], stay[1], stay[2]), ("隔离1号", "黄美玲", masked(IDS["黄美玲"])), "isolation: room, name, masked ID")
    equal(stay[4].strftime("%Y-%m-%d %H:%M") if stay[4] else None, "2021-11-03 10:30", "isolation: start")
    equal(stay[6].strftime("%Y-%m-%d %H:%M") if stay[6] else None, "2021-11-06 09:00", "isolation: release")
    equal(day_of(stay[7]), "2021-11-05", "isolation: released on the negative test of 11-05")

    # 防疫物资台账: the running stock.
    rows = check_sheet_common(wb["防疫物资台账"], "防疫物资台账")
    data = rows[3:]
    # Items in their category's order (masks first), then by name: N95口罩 < 医用外科口罩.
    equal(sorted([(r[0], day_of(r[3]), r[4], r[6], r[7]) for r in data]), sorted(LEDGER),
          "supplies: item, day, kind, quantity, stock after the movement")
    count = [r for r in data if r[4] == "Stock count"][0]
    check("-30" in (count[13] or ""), "supplies: the count's difference in the note (%r)" % count[13])
    n95 = [r for r in data if r[0] == "N95口罩"][0]
    equal(n95[5], "Donated", "supplies: the source")

    # No full ID number anywhere in the file.
    with zipfile.ZipFile(path) as archive:
        text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    leaked = [name for name, number in IDS.items() if number in text]
    leaked += [v[0] for v in VISITORS if v[1] in text]
    check(not leaked, "no full ID number in the file %s" % leaked)


def test_split(db, folder):
    path = os.path.join(folder, "split.xlsx")
    env = dict(ENGLISH, CAREGUARD_PERIOD_ROWS_PER_SHEET="4")
    result = run(db, ["report", "period", "--from", FIRST, "--to", LAST, "-o", path], env)
    equal(result.returncode, 0, "report period with 4 rows a sheet (%s)" % result.stderr.strip())
    if result.returncode != 0:
        return
    wb = openpyxl.load_workbook(path, read_only=True)
    parts = [n for n in wb.sheetnames if n.startswith("体温检测登记")]
    equal(parts, ["体温检测登记", "体温检测登记 (2)", "体温检测登记 (3)"], "a full sheet goes on in “name (2)”")
    counts = [len(rows_of(wb[n])) - 3 for n in parts]
    equal(counts, [4, 4, 2], "the checks spread over the parts")
    equal(list(rows_of(wb["体温检测登记 (2)"])[2]), HEADERS["体温检测登记"], "each part has the header row")


def test_refusals(db, folder):
    path = os.path.join(folder, "reversed.xlsx")
    result = run(db, ["report", "period", "--from", LAST, "--to", FIRST, "-o", path])
    equal(result.returncode, 1, "a reversed range exits 1")
    check(not os.path.exists(path), "a reversed range writes no file")
    check(len(result.stderr.strip().splitlines()) == 1 and LAST in result.stderr,
          "a reversed range: one line saying why (%r)" % result.stderr.strip())

    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    result = run(db, ["report", "period", "--from", FIRST, "--to", future, "-o", path])
    equal(result.returncode, 1, "a period ending in the future exits 1")
    check(not os.path.exists(path), "a period ending in the future writes no file")

    result = run(db, ["report", "period", "--from", "2021-02-30", "--to", LAST, "-o", path])
    equal(result.returncode, 1, "a date that is not one exits 1")
    check(len(result.stderr.strip().splitlines()) == 1, "a bad date: one line (%r)" % result.stderr.strip())

    result = run(db, ["report", "period", "--from", FIRST, "--to", LAST])
    equal(result.returncode, 2, "no -o is wrong usage: 2")
    result = run(db, ["report", "period", "--to", LAST, "-o", path])
    equal(result.returncode, 2, "no --from is wrong usage: 2")
    result = run(db, ["report", "period", "--from", FIRST, "--to", LAST, "--colour", "red", "-o", path])
    equal(result.returncode, 2, "an unknown option is wrong usage: 2")
    check(not os.path.exists(path), "no file after the refusals")

    result = run(db, ["report", "daily", "--date", LAST])
    equal(result.returncode, 2, "report daily without -o is still wrong usage")


def test_arrival_screening(db, folder):
    """A care home's screenings are its new arrivals' (ALL-6), not a rescue
    station's entry register: the sheet says so and has no referring unit."""
    with sqlite3.connect(db) as connection:
        person, name = connection.execute("SELECT id, name FROM person WHERE kind = 'resident' "
                                          "ORDER BY id LIMIT 1").fetchone()
        connection.execute("INSERT INTO screening (person_id, screened_at, screened_on, temperature, health_code, "
                           "identity_verified, outcome, registered_by, created_at) VALUES "
                           "(?, '2021-11-03T02:00:00Z', '2021-11-03', 36.5, 'green', 1, 'admit', '门卫', "
                           "'2021-11-03T02:00:00Z')", (person,))
    path = os.path.join(folder, "arrivals.xlsx")
    result = run(db, ["report", "period", "--from", FIRST, "--to", LAST, "-o", path])
    equal(result.returncode, 0, "report period with a screening exits 0 (%s)" % result.stderr.strip())
    if result.returncode != 0:
        return
    wb = openpyxl.load_workbook(path)
    check("新入住人员排查评估登记表" in wb.sheetnames and "救助站进站人员健康筛查登记表" not in wb.sheetnames,
          "a care home's screenings are the new arrivals' register")
    if "新入住人员排查评估登记表" in wb.sheetnames:
        rows = rows_of(wb["新入住人员排查评估登记表"])
        equal(list(rows[2][:4]), ["筛查时间", "姓名", "身份证号（脱敏）", "来源"], "new arrivals' register: headers")
        equal(rows[3][1], name, "new arrivals' register: the resident screened")


FUNERAL = "晋江市殡仪馆"
# name, ID number, hall, start, end, covid.  林德福 from 11-02 23:59 to
# 11-06 09:00: 72 h 01 min at the end of 11-05, over the 72-hour limit from
# then on; 陈秀珍 from 11-05 08:00, 64 h at the end of the period (within);
# 王建国 a confirmed COVID-19 case from 11-05 10:00; 黄志强 in October,
# outside the period.
SERVICES = [("黄志强", id_number("35058219300404004"), "一号礼厅", "2021-10-25 08:00", "2021-10-27 08:00", "none"),
            ("林德福", id_number("35058219400101001"), "一号礼厅", "2021-11-02 23:59", "2021-11-06 09:00", "none"),
            ("陈秀珍", id_number("35058219450202002"), "二号礼厅", "2021-11-05 08:00", "", "none"),
            ("王建国", id_number("35058219500303003"), "", "2021-11-05 10:00", "", "confirmed")]
DECEASED = {s[0]: s[1] for s in SERVICES}
# deceased, mourner, arrived, left, temperature, symptoms
MOURNERS = [("黄志强", "黄一", "2021-10-26 09:00", "2021-10-26 09:30", "36.5", ""),
            ("林德福", "林一", "2021-11-03 09:00", "2021-11-03 09:30", "36.5", ""),
            ("林德福", "林二", "2021-11-03 10:00", "2021-11-03 10:20", "36.6", ""),
            ("林德福", "林三", "2021-11-05 09:00", "2021-11-05 09:30", "36.4", ""),
            ("陈秀珍", "陈一", "2021-11-05 09:02", "2021-11-05 09:20", "36.3", ""),
            ("陈秀珍", "陈二", "2021-11-05 09:05", "2021-11-05 09:50", "36.7", ""),
            ("林德福", "林四", "2021-11-05 09:10", "2021-11-05 09:40", "36.6", ""),
            ("陈秀珍", "陈三", "2021-11-05 09:12", "", "37.8", ""),
            ("陈秀珍", "陈四", "2021-11-05 09:15", "", "36.5", "cough"),
            ("林德福", "林五", "2021-11-05 14:00", "2021-11-05 14:30", "36.5", ""),
            ("陈秀珍", "陈五", "2021-11-06 10:00", "2021-11-06 10:30", "36.5", "")]
# 汇总's funeral columns, worked out by hand: 治丧数, 超过治丧期限,
# 新冠肺炎患者遗体（疑似/确诊）, 吊唁人员（准入/劝返）.
FUNERAL_SUMMARY = {"2021-11-01": (0, 0, "0/0", "0/0"), "2021-11-02": (1, 0, "0/0", "0/0"),
                   "2021-11-03": (1, 0, "0/0", "2/0"), "2021-11-04": (1, 0, "0/0", "0/0"),
                   "2021-11-05": (3, 1, "0/1", "5/2"), "2021-11-06": (3, 1, "0/1", "1/0"),
                   "2021-11-07": (2, 0, "0/1", "0/0")}
FUNERAL_HEADERS = {
    "治丧登记": ["逝者姓名", "身份证号（脱敏）", "家属联系人", "电话", "灵堂", "开始时间", "计划结束", "实际结束",
             "治丧天数", "是否超时", "新冠情况"],
    "吊唁人员登记表": ["逝者", "来宾姓名", "电话", "体温", "健康码", "到达/离开", "准入/劝返"],
}


def test_funeral_home(folder):
    """A funeral home's week: 治丧登记 and 吊唁人员登记表 over the period,
    and the funeral columns of 汇总."""
    db = os.path.join(folder, "funeral.db")
    result = run(db, ["setup", "--name", FUNERAL, "--type", "funeral-home", "--beds", "0",
                      "--district", "青阳街道", "--risk", "low"])
    check(result.returncode == 0, "funeral: careguard setup (%s)" % result.stderr.strip())
    import_register(db, folder, "services", ["deceased_name", "deceased_id_number", "family_contact", "phone",
                                             "hall", "started_at", "ended_at", "covid"],
                    [(s[0], s[1], "林小红", "13805950001", s[2], s[3], s[4], s[5]) for s in SERVICES])
    import_register(db, folder, "mourners", ["deceased_id_number", "name", "phone", "arrived_at", "left_at",
                                             "temperature", "symptoms"],
                    [(DECEASED[m[0]], m[1], "", m[2], m[3], m[4], m[5]) for m in MOURNERS])
    path = os.path.join(folder, "funeral.xlsx")
    result = run(db, ["report", "period", "--from", FIRST, "--to", LAST, "-o", path])
    equal(result.returncode, 0, "funeral: report period exits 0 (%s)" % result.stderr.strip())
    if result.returncode != 0:
        return
    wb = openpyxl.load_workbook(path)
    check("治丧登记" in wb.sheetnames and "吊唁人员登记表" in wb.sheetnames,
          "funeral: 治丧登记 and 吊唁人员登记表 among the sheets %r" % wb.sheetnames)
    if "治丧登记" not in wb.sheetnames or "吊唁人员登记表" not in wb.sheetnames:
        return
    for name, headers in FUNERAL_HEADERS.items():
        rows = rows_of(wb[name])
        equal(list(rows[2]), headers, "funeral %s: the form's headers, in Chinese and in order" % name)

    # 汇总: the funeral columns after the daily report's.
    rows = rows_of(wb["汇总"])
    equal(list(rows[2][10:]), ["治丧数", "超过治丧期限", "新冠肺炎患者遗体（疑似/确诊）", "吊唁人员（准入/劝返）"],
          "funeral 汇总: the funeral columns")
    equal({day_of(r[0]): tuple(r[10:14]) for r in rows[3:]}, FUNERAL_SUMMARY,
          "funeral 汇总: services, over the limit, COVID-19 remains, mourners, day by day")

    # 治丧登记: the three services that overlap the period, by start.
    rows = rows_of(wb["治丧登记"])
    data = rows[3:]
    equal([(r[0], r[1], r[4]) for r in data],
          [("林德福", masked(DECEASED["林德福"]), "一号礼厅"), ("陈秀珍", masked(DECEASED["陈秀珍"]), "二号礼厅"),
           ("王建国", masked(DECEASED["王建国"]), None)],
          "funeral 治丧登记: name, masked ID, hall; none from October")
    if len(data) == 3:
        lin, chen, wang = data
        equal((lin[5].strftime("%Y-%m-%d %H:%M"), lin[6].strftime("%Y-%m-%d %H:%M"),
               lin[7].strftime("%Y-%m-%d %H:%M"), lin[8], lin[9], lin[10]),
              ("2021-11-02 23:59", "2021-11-05 23:59", "2021-11-06 09:00", "3 d 9 h 01 min", "Yes", "None"),
              "funeral 治丧登记: 林德福 over the limit")
        equal((chen[7], chen[8], chen[9]), (None, "2 d 16 h 00 min", "No"),
              "funeral 治丧登记: 陈秀珍 in progress, counted to the end of the period")
        equal((wang[6].strftime("%Y-%m-%d %H:%M"), wang[8], wang[9], wang[10]),
              ("2021-11-05 10:00", "—", "—", "Confirmed"), "funeral 治丧登记: 王建国, no mourning period")

    # 吊唁人员登记表: the ten mourners of the period, by arrival.
    rows = rows_of(wb["吊唁人员登记表"])
    data = rows[3:]
    equal([(r[0], r[1]) for r in data], [(m[0], m[1]) for m in MOURNERS[1:]],
          "funeral 吊唁人员登记表: deceased and mourner, none from October")
    if len(data) == 10:
        equal((data[0][3], data[0][5], data[0][6]), (36.5, "2021-11-03 09:00 / 09:30", "Admitted"),
              "funeral 吊唁人员登记表: temperature, arrival and departure, admitted")
        equal((data[6][5], data[6][6]), ("2021-11-05 09:12", "Turned away (fever)"),
              "funeral 吊唁人员登记表: turned away with the reason")
    with zipfile.ZipFile(path) as archive:
        text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    check(not [n for n in DECEASED.values() if n in text], "funeral: no full ID number in the file")

    # The daily report of 11-05 counts as 汇总 does.
    daily = os.path.join(folder, "funeral-daily.xlsx")
    result = run(db, ["report", "daily", "--date", "2021-11-05", "-o", daily])
    if result.returncode == 0:
        home = openpyxl.load_workbook(daily)["Funeral home"]
        figures = {home.cell(row=r, column=1).value: home.cell(row=r, column=3).value
                   for r in range(1, home.max_row + 1)}
        equal((figures.get("Funeral services in progress"), figures.get("Over the mourning limit"),
               figures.get("COVID-19 remains (suspected / confirmed)"),
               figures.get("Mourners (admitted / turned away)")), FUNERAL_SUMMARY["2021-11-05"],
              "funeral: 汇总 2021-11-05 agrees with the daily report")


def main():
    with tempfile.TemporaryDirectory(prefix="careguard-period-") as folder:
        db = build_scenario(folder)
        if failed == 0:
            test_workbook(db, folder)
            test_split(db, folder)
        test_refusals(db, folder)
        test_arrival_screening(db, folder)
        test_funeral_home(folder)
    print("1..%d" % (passed + failed))
    print("# %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
