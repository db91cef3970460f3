#!/usr/bin/python3
# test-report-xlsx.py — the daily report as the bureau opens it
#
# Builds a small care home with the real program (setup, import people),
# adds checks and tests (with `careguard import` when it knows them, else
# straight into the database), writes the report of a fever day and of a
# quiet day, and reads both back with openpyxl: the figures cell by cell,
# the zero-report line, masked ID numbers, frozen panes and the A4 page.
# Rooms, stays and visitors (`careguard import rooms/stays/visits`) fill
# the isolation and visitor figures and their two register sheets.  A
# funeral home's day (`careguard import services/mourners/disinfections`)
# fills its sheets: 殡仪馆防控情况, 治丧登记, 吊唁人员登记表, 消毒工作日志.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import datetime
import gettext
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

BIN = os.environ.get("CAREGUARD_BIN", "careguard")
BUILD_ROOT = os.environ.get("CAREGUARD_BUILD_ROOT", "")

FEVER_DAY = "2021-11-05"
QUIET_DAY = "2021-11-06"
INSTITUTION = "晋江市安康养老院"
DIRECTOR = "蔡志明"
PHONE = "13905951234"

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
    # expected first: its elements may be ANY.
    check(expected == actual, "%s: %r%s" % (what, actual, "" if actual == expected else " (expected %r)" % (expected,)))


def id_number(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


PEOPLE = [
    # name, id, kind, role, room, arrived_on, left_on
    ("王丽", id_number("35058219850315002"), "staff", "护理员", "", "2021-01-04", ""),
    ("陈强", id_number("35058219790621001"), "staff", "厨师", "", "2021-01-04", ""),
    ("林芳", id_number("35058219920107004"), "staff", "护士", "", "2021-01-04", ""),
    ("张秀英", id_number("35058219400212002"), "resident", "", "101", "2021-03-01", ""),
    ("李建国", id_number("35058219380909003"), "resident", "", "102", "2021-03-01", ""),
    ("黄美玲", id_number("35058219451120004"), "resident", "", "103", FEVER_DAY, ""),
    ("吴德", id_number("35058219361001001"), "resident", "", "104", "2021-03-01", "2021-11-01"),
]
IDS = {p[0]: p[1] for p in PEOPLE}

# id, sampled_on, result, result_on, site
TESTS = [
    ("王丽", "2021-10-20", "negative", "2021-10-21", "晋江市医院"),
    ("陈强", "2021-09-30", "negative", "2021-10-01", "晋江市医院"),
    ("林芳", "2021-10-12", "negative", "2021-10-13", "青阳街道卫生服务中心"),
    ("林芳", FEVER_DAY, "pending", None, "青阳街道卫生服务中心"),
]

# name, local time, temperature, symptoms (bits: fever 1, dry_cough 2,
# cough 4, sore_throat 8, diarrhea 16, fatigue 32), action
CHECKS = [
    ("张秀英", FEVER_DAY + " 08:10", 37.8, 1 | 4, "隔离观察，送发热门诊"),
    ("张秀英", FEVER_DAY + " 14:00", 37.2, 0, ""),
    ("李建国", FEVER_DAY + " 08:15", 36.5, 2, "观察室观察"),
    ("黄美玲", FEVER_DAY + " 09:30", 36.6, 0, ""),
    ("王丽", FEVER_DAY + " 07:50", 36.4, 0, ""),
    ("陈强", FEVER_DAY + " 07:55", 36.8, 0, ""),
    ("王丽", QUIET_DAY + " 07:50", 36.5, 0, ""),
    ("陈强", QUIET_DAY + " 07:52", 36.6, 0, ""),
    ("林芳", QUIET_DAY + " 07:54", 36.7, 0, ""),
    ("张秀英", QUIET_DAY + " 08:10", 36.8, 0, ""),
    ("李建国", QUIET_DAY + " 08:15", 36.4, 0, ""),
    ("黄美玲", QUIET_DAY + " 08:20", 36.5, 0, ""),
]
SYMPTOM_WORDS = ["fever", "dry_cough", "cough", "sore_throat", "diarrhea", "fatigue"]

# name, kind, own_toilet, ventilated, low_traffic: 隔离2号 lacks its toilet.
ROOMS = [("观察1号", "observation", "yes", "yes", "yes"),
         ("隔离1号", "isolation", "yes", "yes", "yes"),
         ("隔离2号", "isolation", "no", "yes", "yes")]
# room, person, reason, started_at, ended_at: 张秀英 observed from her fever
# until 16:00 the next day; 黄美玲, admitted on the fever day, isolated.
STAYS = [("观察1号", "张秀英", "fever", FEVER_DAY + " 08:30", QUIET_DAY + " 16:00"),
         ("隔离1号", "黄美玲", "new_arrival", FEVER_DAY + " 10:00", "")]
# The quiet day's visitors: a son for 25 minutes, a daughter with 37.6 °C
# turned away, a grandson staying 50 minutes (the policy allows 30).
VISITS = [("王建华", id_number("35058219700101001"), "13805951234", "李建国", QUIET_DAY + " 09:00",
           QUIET_DAY + " 09:25", "green", "儿子", "no", "36.5"),
          ("陈丽", id_number("35058219720202002"), "13805955678", "张秀英", QUIET_DAY + " 09:10",
           "", "green", "女儿", "no", "37.6"),
          ("刘洋", id_number("35058219950303003"), "13905950001", "黄美玲", QUIET_DAY + " 10:00",
           QUIET_DAY + " 10:50", "green", "孙子", "no", "36.6")]
VISITOR_IDS = {v[0]: v[1] for v in VISITS}

BASE_ENV = dict(os.environ)
for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
    BASE_ENV.pop(name, None)
# Local time of the checks: China Standard Time.
BASE_ENV["TZ"] = "Asia/Shanghai"
ENGLISH = dict(BASE_ENV, LANGUAGE="C", LANG="C.UTF-8")
CHINESE = dict(BASE_ENV, LANGUAGE="zh_CN", LANG="zh_CN.UTF-8")


def run(db, args, env=ENGLISH):
    try:
        return subprocess.run([BIN, "--db", db] + args, env=env, capture_output=True, text=True)
    except OSError as e:
        return subprocess.CompletedProcess([BIN], 127, "", "cannot run %s: %s" % (BIN, e))


def command_knows_register(db, register, folder):
    """`careguard import REGISTER missing.csv`: 2 for an unknown register,
    1 for a known one whose file is missing."""
    result = run(db, ["import", register, os.path.join(folder, "missing.csv")])
    return result.returncode == 1


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def utc_of_local(text):
    local = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")
    return (local - datetime.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_scenario(folder):
    """Returns the database path and whether actions were stored."""
    db = os.path.join(folder, "careguard.db")
    result = run(db, ["setup", "--name", INSTITUTION, "--type", "care-home", "--beds", "60",
                      "--district", "青阳街道", "--risk", "low",
                      "--director", DIRECTOR, "--phone", PHONE])
    check(result.returncode == 0, "careguard setup (%s)" % result.stderr.strip())

    people_csv = os.path.join(folder, "people.csv")
    write_csv(people_csv, ["name", "id_number", "kind", "sex", "phone", "role", "room", "arrived_on", "left_on"],
              [(p[0], p[1], p[2], "", "", p[3], p[4], p[5], p[6]) for p in PEOPLE])
    result = run(db, ["import", "people", people_csv])
    check(result.returncode == 0, "careguard import people (%s)" % result.stderr.strip())

    # Protective supplies: 1,000 masks and 100 suits received on 10-01,
    # 10 masks and 2 suits used every day from then on; N95 masks received
    # and never used (no use: left out of the fewest days).
    stock_csv = os.path.join(folder, "stock.csv")
    stock_rows = [("医用外科口罩", "2021-10-01", 1000, "receipt"), ("防护服", "2021-10-01", 100, "receipt"),
                  ("N95口罩", "2021-10-01", 200, "receipt")]
    day = datetime.date(2021, 10, 1)
    while day <= datetime.date(2021, 11, 6):
        stock_rows.append(("医用外科口罩", day.isoformat(), -10, "use"))
        stock_rows.append(("防护服", day.isoformat(), -2, "use"))
        day += datetime.timedelta(days=1)
    write_csv(stock_csv, ["item", "occurred_on", "quantity", "kind"], stock_rows)
    result = run(db, ["import", "stock", stock_csv])
    check(result.returncode == 0, "careguard import stock (%s)" % result.stderr.strip())
    if failed:
        return None, False

    now = datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = sqlite3.connect(db)
    person_id = {name: pid for pid, name in conn.execute("SELECT id, name FROM person")}

    if command_knows_register(db, "tests", folder):
        tests_csv = os.path.join(folder, "tests.csv")
        write_csv(tests_csv, ["id_number", "sampled_on", "result", "site"],
                  [(IDS[t[0]], t[1], t[2], t[4]) for t in TESTS])
        result = run(db, ["import", "tests", tests_csv])
        check(result.returncode == 0, "careguard import tests (%s)" % result.stderr.strip())
    else:
        with conn:
            for name, sampled, result_word, result_on, site in TESTS:
                conn.execute("INSERT INTO nat_test (person_id, sampled_on, result, result_on, site, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (person_id[name], sampled, result_word, result_on, site, now, now))

    actions_stored = True
    if command_knows_register(db, "checks", folder):
        checks_csv = os.path.join(folder, "checks.csv")
        write_csv(checks_csv, ["id_number", "checked_at", "temperature", "symptoms"],
                  [(IDS[c[0]], c[1], "%.1f" % c[2],
                    ";".join(w for i, w in enumerate(SYMPTOM_WORDS) if c[3] & (1 << i))) for c in CHECKS])
        result = run(db, ["import", "checks", checks_csv])
        check(result.returncode == 0, "careguard import checks (%s)" % result.stderr.strip())
        # The checks template has no column for the action taken.
        actions_stored = False
    else:
        with conn:
            for name, local, temperature, symptoms, action in CHECKS:
                conn.execute("INSERT INTO health_check (person_id, checked_at, checked_on, temperature, symptoms, action, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (person_id[name], utc_of_local(local), local[:10], temperature, symptoms, action, now))
    conn.close()

    rooms_csv = os.path.join(folder, "rooms.csv")
    write_csv(rooms_csv, ["name", "kind", "own_toilet", "ventilated", "low_traffic"], ROOMS)
    result = run(db, ["import", "rooms", rooms_csv])
    check(result.returncode == 0, "careguard import rooms (%s)" % result.stderr.strip())
    stays_csv = os.path.join(folder, "stays.csv")
    write_csv(stays_csv, ["room", "id_number", "reason", "started_at", "ended_at"],
              [(s[0], IDS[s[1]], s[2], s[3], s[4]) for s in STAYS])
    result = run(db, ["import", "stays", stays_csv])
    check(result.returncode == 0, "careguard import stays (%s)" % result.stderr.strip())
    visits_csv = os.path.join(folder, "visits.csv")
    write_csv(visits_csv, ["visitor_name", "visitor_id_number", "phone", "visiting", "arrived_at", "left_at",
                           "health_code", "relationship", "risk_travel", "temperature"],
              [(v[0], v[1], v[2], IDS[v[3]], v[4], v[5], v[6], v[7], v[8], v[9]) for v in VISITS])
    result = run(db, ["import", "visits", visits_csv])
    check(result.returncode == 0, "careguard import visits (%s)" % result.stderr.strip())
    return db, actions_stored


def write_report(db, day, path, env):
    result = run(db, ["report", "daily", "--date", day, "-o", path], env)
    written = result.returncode == 0 and os.path.exists(path)
    check(written, "careguard report daily --date %s (%s)" % (day, (result.stderr or result.stdout).strip()))
    return openpyxl.load_workbook(path) if written else None


def all_values(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if value is not None:
                    yield value


def find_row(ws, first_cell):
    for row in ws.iter_rows():
        if row[0].value == first_cell:
            return row[0].row
    return None


def row_values(ws, row, last_col=25):
    return [ws.cell(row=row, column=c).value for c in range(1, last_col + 1)]


def check_no_full_id(path, wb, label):
    found = [v for v in all_values(wb) if re.search(r"\d{17}[\dX]", str(v))]
    check(not found, "%s: no 18-digit ID number in any cell %s" % (label, found[:3]))
    with zipfile.ZipFile(path) as archive:
        text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    leaked = [name for name, number in IDS.items() if number in text]
    check(not leaked, "%s: no full ID number anywhere in the file %s" % (label, leaked))
    masked = [v for v in all_values(wb) if re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", str(v))]
    check(len(masked) > 0, "%s: masked ID numbers present (%d)" % (label, len(masked)))


def check_page(ws, label, title_rows, institution=INSTITUTION):
    equal(ws.freeze_panes, "A4", "%s %s: frozen header rows" % (label, ws.title))
    equal(str(ws.page_setup.paperSize), "9", "%s %s: A4 paper" % (label, ws.title))
    equal(ws.page_setup.orientation, "landscape", "%s %s: landscape" % (label, ws.title))
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
          "%s %s: fit to page" % (label, ws.title))
    # An absent fitToWidth is the format's default, 1.
    equal((ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight), (1, 0),
          "%s %s: one page wide" % (label, ws.title))
    equal(ws.print_title_rows, title_rows, "%s %s: print title rows" % (label, ws.title))
    footer = ws.oddFooter.center.text or ""
    check("&P" in footer and "&N" in footer, "%s %s: page numbers in the footer %r" % (label, ws.title, footer))
    check(institution in (ws.oddHeader.left.text or ""), "%s %s: institution in the page header" % (label, ws.title))


FIXED_HEADERS = {
    "en": ["Reporting unit", "Reporting date", "Institution type", "Town (subdistrict)", "Risk level",
           "Number of beds", "In residence (elderly / children / aid recipients)", "Number of staff",
           "Staff on duty", "New admissions (entrants)", "Returned from hospital visits",
           "In isolation observation", "People with fever", "People with symptoms",
           "People sampled for nucleic-acid tests", "Positive cases", "Suspected cases", "Confirmed cases",
           "Visitors (registered / turned away)", "Protective supplies: fewest days left", "Zero report?",
           "Abnormal situation", "Reported by", "Person in charge", "Contact phone"],
    # forms.md, 日报告, in its order.
    "zh": ["填报单位", "填报日期", "机构类型", "所在镇（街道）", "风险等级", "床位数",
           "在院人数（老人/儿童/受助人员）", "工作人员数", "在岗人数", "新入住（入站）人数",
           "外出就医返院人数", "隔离观察人数", "发热人数", "有症状人数", "核酸检测人数", "阳性人数",
           "疑似病例", "确诊病例", "访客人数（登记/劝返）", "防控物资最低可用天数", "是否零报告",
           "异常情况说明", "填报人", "负责人", "联系电话"],
}
STAFF_HEADERS = {
    "en": ["Name", "ID number (masked)", "Role", "Sampling date", "Sampling site / laboratory", "Result",
           "Result date", "Next test due", "Status (up to date / due soon / overdue)"],
    "zh": ["姓名", "身份证号（脱敏）", "岗位", "采样日期", "采样点/检测机构", "结果", "结果日期",
           "下次应检日期", "状态（正常/即将到期/逾期）"],
}
WORDS = {
    "en": {"sheets": ["Daily report", "Staff tests", "Supplies", "Visitor register", "Isolation register"],
           "yes": "Yes", "no": "No",
           "zero": "Zero report:", "abnormal": "Abnormal persons", "gaps": "Compliance gaps", "none": "None"},
    "zh": {"sheets": ["日报告", None, None, "访客登记表", "隔离观察登记"], "yes": "是", "no": "否",
           "zero": "零报告", "abnormal": None, "gaps": None, "none": "无"},
}


class Any:
    """Equal to any non-empty text: a word another part of the program translates."""

    def __eq__(self, other):
        return isinstance(other, str) and other != ""

    def __repr__(self):
        return "<any text>"


ANY = Any()

# forms.md, 访客登记表 and 隔离观察登记, in their order.
VISIT_HEADERS = {
    "en": ["Date", "Visitor", "ID number (masked)", "Phone", "Visiting", "Relationship", "Temperature",
           "Health code colour", "Itinerary card (medium/high-risk area in 14 days: yes/no)",
           "Nucleic-acid test date / result", "Arrived", "Left", "Admitted / turned away",
           "Reason turned away", "Registered by"],
    "zh": ["日期", "访客姓名", "身份证号（脱敏）", "电话", "被探视人", "关系", "体温", "健康码颜色",
           "行程卡（14 天内中高风险地区：是/否）", "核酸检测时间/结果", "到访时间", "离开时间", "准入/劝返",
           "劝返原因", "登记人"],
}
STAY_HEADERS = {
    "en": ["Room", "Name", "ID number (masked)", "Reason", "Started", "Planned end", "Actual end",
           "Basis for release (negative test date)", "Disposition"],
    "zh": ["房间", "姓名", "身份证号（脱敏）", "原因", "开始时间", "计划解除时间", "实际解除时间",
           "解除依据（核酸阴性日期）", "处置"],
}
REGISTER_WORDS = {
    "en": {"green": "Green", "admitted": "Admitted", "refused": "Turned away",
           "overstay": "10:50 (overstay: 50 minutes)", "fever": "Fever", "new_arrival": "New arrival",
           "no_test": "No test needed"},
    # The labels of the health code and the stay reason are the core's
    # (cg_health_code_label, cg_stay_reason_label): any non-empty word.
    "zh": {"green": ANY, "admitted": "准入", "refused": "劝返", "overstay": "10:50（超时，50 分钟）",
           "fever": ANY, "new_arrival": ANY, "no_test": "无需核酸检测"},
}


def check_report(path, wb, day, lang, actions_stored):
    label = "%s %s" % (lang, day)
    words = WORDS[lang]
    fever = day == FEVER_DAY

    equal(wb.sheetnames[0], words["sheets"][0], label + ": first sheet")
    equal(len(wb.sheetnames), 5, label + ": five sheets")
    for i in (1, 2, 3, 4):
        if words["sheets"][i] and len(wb.sheetnames) > i:
            equal(wb.sheetnames[i], words["sheets"][i], label + ": sheet %d" % (i + 1))
    equal(wb.properties.creator, "CareGuard", label + ": author")
    check(INSTITUTION in (wb.properties.title or "") and day in (wb.properties.title or ""),
          label + ": document title %r" % wb.properties.title)

    ws = wb.worksheets[0]
    title = ws["A1"].value or ""
    check(INSTITUTION in title and day in title, label + ": title %r" % title)
    check(any(str(r) == "A1:Y1" for r in ws.merged_cells.ranges), label + ": title merged over the table")
    equal(row_values(ws, 3), FIXED_HEADERS[lang], label + ": the form's columns in order")
    check(ws["A3"].font.b and ws["A3"].fill.fgColor.rgb not in (None, "00000000"), label + ": bold filled header")
    check(ws["A3"].border.left.style == "thin" and ws["A3"].alignment.wrap_text, label + ": bordered, wrapped header")

    values = row_values(ws, 4)
    dash = "—"
    expected = {
        1: INSTITUTION, 2: day, 4: "青阳街道", 6: 60,
        7: 3,                       # 张秀英, 李建国, 黄美玲 (吴德 left on 11-01)
        8: 3,                       # 王丽, 陈强, 林芳
        9: 2 if fever else 3,       # staff with a check that day
        10: 1 if fever else 0,      # 黄美玲 admitted on the fever day
        11: dash,
        12: 2,                      # 张秀英 observed (until 16:00 on the quiet day), 黄美玲 isolated
        13: 1 if fever else 0,      # 张秀英 37.8
        14: 1 if fever else 0,      # 李建国 dry cough, no fever
        15: 1 if fever else 0,      # 林芳 sampled on the fever day
        16: 0,
        17: dash, 18: dash,
        19: "0/0" if fever else "3/1",   # three visitors on the quiet day, 陈丽 turned away
        # 防控物资最低可用天数: 防护服, 2 a day at peak, 28 left on 11-05
        # (100 − 36 × 2), 26 on 11-06; the masks last 64 and 63 days.
        20: 14 if fever else 13,
        21: words["no"] if fever else words["yes"],
        23: DIRECTOR, 24: DIRECTOR, 25: PHONE,
    }
    for col, value in expected.items():
        equal(values[col - 1], value, "%s: %s" % (label, FIXED_HEADERS[lang][col - 1]))
    check(values[2] not in (None, ""), label + ": institution type written")
    check(values[4] not in (None, ""), label + ": risk level written")
    situation = values[21] or ""
    if fever:
        check("张秀英" in situation and "李建国" in situation, label + ": abnormal situation names them %r" % situation)
    else:
        equal(situation, words["none"], label + ": abnormal situation")

    zero_cells = [v for v in all_values(wb) if isinstance(v, str) and v.startswith(words["zero"])]
    if fever:
        check(not zero_cells, label + ": no zero-report line")
    else:
        check(len(zero_cells) == 1 and day in zero_cells[0], label + ": zero-report line %r" % zero_cells)

    if lang == "en":
        abnormal = find_row(ws, words["abnormal"])
        gaps = find_row(ws, words["gaps"])
        check(abnormal is not None and gaps is not None and gaps > abnormal, label + ": abnormal and gaps sections")
        if abnormal is not None and gaps is not None:
            rows = [row_values(ws, r) for r in range(abnormal + 2, gaps)]
            rows = [r for r in rows if r[0]]
            if fever:
                equal([(r[0], r[1], r[4]) for r in rows],
                      [("张秀英", "350582********" + IDS["张秀英"][-4:], "ALL-3"),
                       ("李建国", "350582********" + IDS["李建国"][-4:], "ALL-2")],
                      label + ": abnormal persons")
                if rows:
                    check("37.8" in (rows[0][5] or ""), label + ": what happened %r" % rows[0][5])
                    equal(rows[0][15], "隔离观察，送发热门诊" if actions_stored else "Not recorded",
                          label + ": action taken")
            else:
                equal([r[0] for r in rows], [words["none"]], label + ": no abnormal persons")
            gap_rows = [row_values(ws, r) for r in range(gaps + 2, ws.max_row + 1)]
            gap_rows = [(r[0], r[4]) for r in gap_rows if r[4]]
            check(("陈强", "CH-5") in gap_rows, label + ": overdue staff test listed as a gap %r" % gap_rows)
            check(("黄美玲", "ALL-6") in gap_rows, label + ": new arrival listed as a gap")
            sources = [ws.cell(row=r, column=22).value for r in range(gaps + 2, ws.max_row + 1)]
            check(any(s and "晋政民" in s for s in sources), label + ": gaps carry their source clause")

    staff = wb.worksheets[1]
    equal(row_values(staff, 3, 9), STAFF_HEADERS[lang], label + ": staff register columns")
    lines = [row_values(staff, r, 10) for r in range(4, staff.max_row + 1)]
    lines = [l for l in lines if l[0]]
    names = [l[0] for l in lines]
    equal(sorted(set(names)), sorted(["王丽", "陈强", "林芳"]), label + ": every member of staff listed")
    chen = [l for l in lines if l[0] == "陈强"]
    check(len(chen) == 1 and chen[0][3] == "2021-09-30" and chen[0][7] == "2021-10-28",
          label + ": 陈强's last sample and due date %r" % chen)
    if lang == "en" and chen:
        equal(chen[0][8], "Overdue", label + ": 陈强 overdue")
    lin = [l for l in lines if l[0] == "林芳"]
    if fever:
        equal([l[3] for l in lin], [FEVER_DAY, "2021-10-12"], label + ": 林芳's two samples of the cycle")
        if lang == "en" and lin:
            equal(lin[0][5], "Pending", label + ": 林芳's sample pending")
    check(all(re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", l[1] or "") for l in lines), label + ": staff IDs masked")

    if len(wb.worksheets) > 2:
        check_supplies(wb.worksheets[2], day, lang, label)
    if len(wb.worksheets) > 4:
        check_registers(wb.worksheets[3], wb.worksheets[4], day, lang, label)

    check_no_full_id(path, wb, label)
    check_page(ws, label, "$1:$4")
    check_page(staff, label, "$1:$3")
    for ws in wb.worksheets[2:]:
        check_page(ws, label, "$1:$3")


def check_supplies(ws, day, lang, label):
    """The supplies sheet: item, unit, on hand, days at peak use, status,
    run-out date, suggested order (whole packs), order day."""
    fever = day == FEVER_DAY
    check(INSTITUTION in (ws["A1"].value or "") and day in (ws["A1"].value or ""),
          label + ": supplies title %r" % ws["A1"].value)
    rows = {r[0]: r for r in (row_values(ws, i, 8) for i in range(4, ws.max_row + 1)) if r[0]}
    check("医用外科口罩" in rows and "防护服" in rows and "N95口罩" in rows,
          label + ": supplies rows %r" % sorted(rows))
    if "医用外科口罩" not in rows or "防护服" not in rows or "N95口罩" not in rows:
        return
    masks, suits, n95 = rows["医用外科口罩"], rows["防护服"], rows["N95口罩"]
    # 36 (37) days of 10 masks: 640 (630) left, 10 a day at peak → 64 (63) days.
    equal(masks[1:4], ["个", 640 if fever else 630, 64.0 if fever else 63.0], label + ": masks")
    equal(masks[6], 0, label + ": no mask to order")
    # Suits: 28 (26) left, 14 (13) days; to the target of 60 days: 120 − 28
    # = 92 (94), rounded up to whole packs of 10 → 100.
    equal(suits[1:4], ["套", 28 if fever else 26, 14.0 if fever else 13.0], label + ": suits")
    equal(suits[6], 100, label + ": suits to order")
    check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", suits[7] or "") is not None, label + ": suits' order day %r" % suits[7])
    equal(n95[2], 200, label + ": N95 on hand")
    check(isinstance(n95[3], str) and n95[3], label + ": N95 days not a number (no use) %r" % n95[3])
    if lang == "en":
        equal(suits[4], "Below floor", label + ": suits below the floor")
        equal(masks[4], "Enough", label + ": masks enough")
        equal(n95[3], "Unlimited (no use)", label + ": N95 unlimited")


def check_registers(visits, stays, day, lang, label):
    """访客登记表 and 隔离观察登记 of the day, row by row."""
    fever = day == FEVER_DAY
    words = REGISTER_WORDS[lang]
    check(INSTITUTION in (visits["A1"].value or "") and day in (visits["A1"].value or ""),
          label + ": visitor register title %r" % visits["A1"].value)
    equal(row_values(visits, 3, 15), VISIT_HEADERS[lang], label + ": visitor register columns")
    rows = [row_values(visits, r, 15) for r in range(4, visits.max_row + 1)]
    if fever:
        equal([r[0] for r in rows], [WORDS[lang]["none"]], label + ": no visitor on the fever day")
    else:
        masked = {name: number[:6] + "********" + number[-4:] for name, number in VISITOR_IDS.items()}
        equal([tuple(r[:12]) for r in rows],
              [(day, "王建华", masked["王建华"], "13805951234", "李建国", "儿子", 36.5, words["green"],
                WORDS[lang]["no"], None, "09:00", "09:25"),
               (day, "陈丽", masked["陈丽"], "13805955678", "张秀英", "女儿", 37.6, words["green"],
                WORDS[lang]["no"], None, "09:10", None),
               (day, "刘洋", masked["刘洋"], "13905950001", "黄美玲", "孙子", 36.6, words["green"],
                WORDS[lang]["no"], None, "10:00", words["overstay"])],
              label + ": the three visitors")
        equal([r[12] for r in rows], [words["admitted"], words["refused"], words["admitted"]],
              label + ": admitted / turned away")
        check(rows[1][13] not in (None, "") and rows[0][13] is None and rows[2][13] is None,
              label + ": the reason only for 陈丽 %r" % [r[13] for r in rows])
        if lang == "en" and len(rows) > 1:
            check("fever" in (rows[1][13] or "").lower(), label + ": turned away for the fever %r" % rows[1][13])
        check(all(r[14] for r in rows), label + ": registered by someone %r" % [r[14] for r in rows])
    check(visits["G4"].number_format == "0.0" or fever, label + ": temperatures with one decimal")

    check(INSTITUTION in (stays["A1"].value or "") and day in (stays["A1"].value or ""),
          label + ": isolation register title %r" % stays["A1"].value)
    equal(row_values(stays, 3, 9), STAY_HEADERS[lang], label + ": isolation register columns")
    lines = [tuple(row_values(stays, r, 9)) for r in range(4, stays.max_row + 1)]
    zhang = IDS["张秀英"][:6] + "********" + IDS["张秀英"][-4:]
    huang = IDS["黄美玲"][:6] + "********" + IDS["黄美玲"][-4:]
    # The fever day does not know yet that 张秀英 leaves the next day.
    equal(lines,
          [("观察1号", "张秀英", zhang, words["fever"], FEVER_DAY + " 08:30", "2021-11-19 08:30",
            None if fever else QUIET_DAY + " 16:00", None if fever else words["no_test"], None),
           ("隔离1号", "黄美玲", huang, words["new_arrival"], FEVER_DAY + " 10:00", "2021-11-19 10:00",
            None, None, None)],
          label + ": the two stays")


STATION = "晋江市救助站"
ENTRANTS = [
    # name, id, local time, temperature, symptoms, code, referred by, outcome, room, identity verified
    ("赵国强", id_number("35058219700505001"), "08:00", 36.5, 0, "green", "police", "admit", None, 1),
    ("孙秀兰", id_number("35058219660606002"), "09:00", 36.6, 0, "none", "city_management", "isolate", "隔离1号", 1),
    ("周水生", id_number("35058219580707003"), "10:00", 38.3, 1 | 4, "green", "self", "observe", "观察1号", 0),
]
SCREENING_HEADERS = {
    "en": ["Entered", "Name", "ID number (masked)", "Brought by (police / city management / came alone)",
           "Temperature", "Symptoms", "Travel in the last 14 days", "Contact history", "Health code",
           "Itinerary card", "Nucleic-acid sample date / result", "Isolation room", "Disposition", "Registered by"],
    "zh": ["进站时间", "姓名", "证件号（脱敏）", "送站单位（公安/城管/自行求助）", "体温", "症状", "14 天旅居史",
           "接触史", "健康码", "行程卡", "核酸采样时间/结果", "隔离房间", "处置", "登记人"],
}


def build_station(folder):
    """A rescue station's fever day: three entrants screened (RS-1), one
    isolated for having no code (RS-2), one with 38.3 °C in the observation
    room, 120 called and reported (RS-3).  The program has no command for
    screenings: they go straight into the database, with the stays that
    `careguard import stays` opened."""
    db = os.path.join(folder, "station.db")
    result = run(db, ["setup", "--name", STATION, "--type", "rescue-station", "--beds", "40",
                      "--district", "青阳街道", "--risk", "low", "--director", DIRECTOR, "--phone", PHONE])
    check(result.returncode == 0, "station: careguard setup (%s)" % result.stderr.strip())
    people_csv = os.path.join(folder, "station-people.csv")
    write_csv(people_csv, ["name", "id_number", "kind", "sex", "phone", "role", "room", "arrived_on", "left_on"],
              [("林芳", IDS["林芳"], "staff", "", "", "门卫", "", "2021-01-04", "")]
              + [(e[0], e[1], "aid", "", "", "", "", FEVER_DAY, "") for e in ENTRANTS])
    result = run(db, ["import", "people", people_csv])
    check(result.returncode == 0, "station: careguard import people (%s)" % result.stderr.strip())
    rooms_csv = os.path.join(folder, "station-rooms.csv")
    write_csv(rooms_csv, ["name", "kind", "own_toilet", "ventilated", "low_traffic"],
              [("观察1号", "observation", "yes", "yes", "yes"), ("隔离1号", "isolation", "yes", "yes", "yes")])
    result = run(db, ["import", "rooms", rooms_csv])
    check(result.returncode == 0, "station: careguard import rooms (%s)" % result.stderr.strip())
    stays_csv = os.path.join(folder, "station-stays.csv")
    write_csv(stays_csv, ["room", "id_number", "reason", "started_at", "ended_at"],
              [(e[8], e[1], "no_health_code" if e[7] == "isolate" else "fever", FEVER_DAY + " " + e[2], "")
               for e in ENTRANTS if e[8]])
    result = run(db, ["import", "stays", stays_csv])
    check(result.returncode == 0, "station: careguard import stays (%s)" % result.stderr.strip())
    if failed:
        return None
    now = datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = sqlite3.connect(db)
    with conn:
        for name, number, time, temperature, symptoms, code, referrer, outcome, room, verified in ENTRANTS:
            person = conn.execute("SELECT id FROM person WHERE id_number = ?", (number,)).fetchone()[0]
            stay = conn.execute("SELECT id FROM stay WHERE person_id = ?", (person,)).fetchone()
            at = utc_of_local(FEVER_DAY + " " + time)
            called = utc_of_local(FEVER_DAY + " 10:05") if outcome == "observe" else None
            reported = utc_of_local(FEVER_DAY + " 10:08") if outcome == "observe" else None
            conn.execute("INSERT INTO screening (person_id, screened_at, screened_on, referred_by, temperature, "
                         "symptoms, health_code, risk_travel, contact, identity_verified, outcome, stay_id, "
                         "called_120_at, reported_at, note, registered_by, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, '', '林芳', ?)",
                         (person, at, FEVER_DAY, referrer, temperature, symptoms, code, verified, outcome,
                          stay[0] if stay else None, called, reported, now))
    conn.close()
    return db


def check_station(path, wb, lang):
    label = "%s station" % lang
    dash = "—"
    names = {"en": ["Daily report", "Staff tests", "Supplies", "Isolation register", "Entry screening"],
             "zh": ["日报告", ANY, ANY, "隔离观察登记", "救助站进站人员健康筛查登记表"]}
    equal(names[lang], wb.sheetnames, label + ": sheets (no visitor register: no ALL-4)")
    values = row_values(wb.worksheets[0], 4)
    # Three entrants; 孙秀兰 and 周水生 in rooms; 周水生's fever found at
    # the screening; no visitor register.
    equal([values[9], values[11], values[12], values[18], values[20]],
          [3, 2, 1, dash, WORDS[lang]["no"]], label + ": entrants, isolated, fevers, visitors, zero report")
    check("周水生" in (values[21] or ""), label + ": the fever in the abnormal situation %r" % values[21])
    if lang == "en":
        ws = wb.worksheets[0]
        abnormal = find_row(ws, WORDS[lang]["abnormal"])
        rows = [row_values(ws, r) for r in range(abnormal + 2, abnormal + 4)] if abnormal else []
        equal([(r[0], r[4]) for r in rows if r[0] and r[4]], [("周水生", "RS-3")], label + ": abnormal persons")
        if rows:
            check("38.3" in (rows[0][5] or "") and "120" in (rows[0][15] or ""),
                  label + ": what happened and the action %r / %r" % (rows[0][5], rows[0][15]))
    if len(wb.worksheets) < 5:
        return
    ws = wb.worksheets[4]
    check(STATION in (ws["A1"].value or "") and FEVER_DAY in (ws["A1"].value or ""),
          label + ": screening register title %r" % ws["A1"].value)
    equal(row_values(ws, 3, 14), SCREENING_HEADERS[lang], label + ": screening register columns")
    lines = [tuple(row_values(ws, r, 14)) for r in range(4, ws.max_row + 1)]
    masked = {e[0]: e[1][:6] + "********" + e[1][-4:] for e in ENTRANTS}
    en = lang == "en"
    no_area = "No medium/high-risk area" if en else "无中高风险地区旅居史"
    none = "None" if en else "无"
    no = WORDS[lang]["no"]
    equal([l[:12] for l in lines],
          [("08:00", "赵国强", masked["赵国强"], "Police" if en else ANY, 36.5, none, no_area, none,
            "Green" if en else ANY, no, None, None),
           ("09:00", "孙秀兰", masked["孙秀兰"], "City management" if en else ANY, 36.6, none, no_area, none,
            "No code" if en else ANY, no, None, "隔离1号"),
           ("10:00", "周水生", masked["周水生"] + (" (identity not verified)" if en else "（身份未核实）"),
            "Came for help" if en else ANY, 38.3, "Cough" if en else ANY, no_area, none,
            "Green" if en else ANY, no, None, "观察1号")],
          label + ": the three screenings")
    if len(lines) == 3:
        check("120" in (lines[2][12] or "") and "10:05" in (lines[2][12] or "") and "10:08" in (lines[2][12] or ""),
              label + ": 120 and the report in the disposition %r" % lines[2][12])
        equal([l[13] for l in lines], ["林芳"] * 3, label + ": registered by")
    check_page(ws, label, "$1:$3", STATION)
    check_page(wb.worksheets[3], label, "$1:$3", STATION)


# ---- a funeral home (FH-5, FH-6, FH-7) ------------------------------------

FUNERAL = "晋江市殡仪馆"
# name, ID number, hall, local start, covid: 林德福 since 11-02 23:59 is
# 72 h 01 min at midnight — over the 72-hour limit by one minute; 陈秀珍
# since 08:00 (16 h); 王建国 a confirmed COVID-19 case, no hall.
SERVICES = [("林德福", id_number("35058219400101001"), "一号礼厅", "2021-11-02 23:59", "none"),
            ("陈秀珍", id_number("35058219450202002"), "二号礼厅", FEVER_DAY + " 08:00", "none"),
            ("王建国", id_number("35058219500303003"), "", FEVER_DAY + " 10:00", "confirmed")]
DECEASED_IDS = {s[0]: s[1] for s in SERVICES}
# deceased, mourner, arrived, left, temperature, symptoms: five admitted
# and two turned away (37.8 °C; a cough) on the fever day, one the day
# before that does not count.
MOURNERS = [("林德福", "林一", "2021-11-04 10:00", "2021-11-04 10:20", "36.5", ""),
            ("林德福", "林二", FEVER_DAY + " 09:00", FEVER_DAY + " 09:30", "36.4", ""),
            ("陈秀珍", "陈一", FEVER_DAY + " 09:02", FEVER_DAY + " 09:20", "36.3", ""),
            ("陈秀珍", "陈二", FEVER_DAY + " 09:05", FEVER_DAY + " 09:50", "36.7", ""),
            ("林德福", "林三", FEVER_DAY + " 09:10", FEVER_DAY + " 09:40", "36.6", ""),
            ("陈秀珍", "陈三", FEVER_DAY + " 09:12", "", "37.8", ""),
            ("陈秀珍", "陈四", FEVER_DAY + " 09:15", "", "36.5", "cough"),
            ("林德福", "林四", FEVER_DAY + " 14:00", FEVER_DAY + " 14:30", "36.5", "")]
# 一号礼厅 once (the policy asks two a day), 二号礼厅 twice, the hearse
# and the cremation room once each.
DISINFECTIONS = [("二号礼厅", FEVER_DAY + " 07:30"), ("一号礼厅", FEVER_DAY + " 08:00"),
                 ("接运车 闽C12345", FEVER_DAY + " 11:30"), ("火化间", FEVER_DAY + " 12:30"),
                 ("二号礼厅", FEVER_DAY + " 17:00")]
# 王建国: three of the seven steps of FH-7 done.
COVID_STEPS = [("handover", "10:30"), ("transport", "11:00"), ("cremation", "12:00")]

SERVICE_HEADERS = {
    "en": ["Deceased", "ID number (masked)", "Family contact", "Phone", "Hall", "Started", "Planned end",
           "Actual end", "Mourning period", "Over the limit", "COVID-19"],
    # forms.md, 治丧登记, in its order.
    "zh": ["逝者姓名", "身份证号（脱敏）", "家属联系人", "电话", "灵堂", "开始时间", "计划结束", "实际结束",
           "治丧天数", "是否超时", "新冠情况"],
}
MOURNER_HEADERS = {
    "en": ["Deceased", "Mourner", "Phone", "Temperature", "Health code", "Arrived / left", "Admitted / turned away"],
    # forms.md, 吊唁人员登记表, in its order.
    "zh": ["逝者", "来宾姓名", "电话", "体温", "健康码", "到达/离开", "准入/劝返"],
}
DISINFECTION_HEADERS = {
    "en": ["Date and time", "Place", "Kind of place", "Disinfectant and concentration", "Method", "Done by",
           "Checked by", "Note"],
    # forms.md, 消毒工作日志, in its order (区域 and its kind, then a note).
    "zh": ["日期时间", "区域", "区域类型（礼厅/业务厅/火化间/车辆）", "消毒剂及浓度", "方式", "消毒人", "检查人", "备注"],
}
FUNERAL_WORDS = {
    "en": {"sheets": ["Funeral home", "Funeral services", "Mourner register", "Disinfection log"],
           "services": "Funeral services in progress", "over": "Over the mourning limit",
           "approaching": "Approaching the mourning limit", "covid": "COVID-19 remains (suspected / confirmed)",
           "incomplete": "COVID-19 procedure not complete", "mourners": "Mourners (admitted / turned away)",
           "halls": "Halls disinfected too few times", "disinfections": "Disinfections recorded",
           "in_progress": "In progress", "none": "None", "confirmed": "Confirmed",
           "over_length": "3 d 0 h 01 min", "chen_length": "0 d 16 h 00 min",
           "admitted": "Admitted", "refused": "Turned away (", "hall": "Funeral hall"},
    "zh": {"sheets": ["殡仪馆防控情况", "治丧登记", "吊唁人员登记表", "消毒工作日志"],
           "services": "在办治丧（当日）", "over": "超过治丧期限", "approaching": "临近治丧期限",
           "covid": "新冠肺炎患者遗体（疑似/确诊）", "incomplete": "遗体处置流程未完成",
           "mourners": "吊唁人员（准入/劝返）", "halls": "礼厅消毒次数不足", "disinfections": "当日消毒记录",
           "in_progress": "治丧中", "none": "无", "confirmed": "确诊",
           "over_length": "3天0小时01分", "chen_length": "0天16小时00分",
           "admitted": "准入", "refused": "劝返（", "hall": ANY},
}


def masked_id(number):
    return number[:6] + "********" + number[-4:]


def build_funeral(folder):
    """The funeral home of test-report.c's /report/funeral-home, through
    `careguard import services/mourners/disinfections`; the COVID-19 steps
    (no import) straight into the database."""
    db = os.path.join(folder, "funeral.db")
    result = run(db, ["setup", "--name", FUNERAL, "--type", "funeral-home", "--beds", "0",
                      "--district", "青阳街道", "--risk", "low", "--director", DIRECTOR, "--phone", PHONE])
    check(result.returncode == 0, "funeral: careguard setup (%s)" % result.stderr.strip())
    services_csv = os.path.join(folder, "services.csv")
    write_csv(services_csv, ["deceased_name", "deceased_id_number", "family_contact", "phone", "hall",
                             "started_at", "ended_at", "covid"],
              [(s[0], s[1], "林小红", "13805950001", s[2], s[3], "", s[4]) for s in SERVICES])
    result = run(db, ["import", "services", services_csv])
    check(result.returncode == 0, "funeral: careguard import services (%s)" % result.stderr.strip())
    mourners_csv = os.path.join(folder, "mourners.csv")
    write_csv(mourners_csv, ["deceased_id_number", "name", "phone", "arrived_at", "left_at", "temperature",
                             "symptoms"],
              [(DECEASED_IDS[m[0]], m[1], "", m[2], m[3], m[4], m[5]) for m in MOURNERS])
    result = run(db, ["import", "mourners", mourners_csv])
    check(result.returncode == 0, "funeral: careguard import mourners (%s)" % result.stderr.strip())
    disinfections_csv = os.path.join(folder, "disinfections.csv")
    write_csv(disinfections_csv, ["place", "done_at", "method", "agent", "operator", "checker"],
              [(d[0], d[1], "喷洒", "含氯消毒液 500mg/L", "郑师傅", "蔡志明") for d in DISINFECTIONS])
    result = run(db, ["import", "disinfections", disinfections_csv])
    check(result.returncode == 0, "funeral: careguard import disinfections (%s)" % result.stderr.strip())
    if failed:
        return None
    now = datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = sqlite3.connect(db)
    with conn:
        wang = conn.execute("SELECT id FROM service WHERE deceased_name = '王建国'").fetchone()[0]
        for step, time in COVID_STEPS:
            conn.execute("INSERT INTO covid_step (service_id, step, done_at, who, note, created_at) "
                         "VALUES (?, ?, ?, '郑师傅', '', ?)", (wang, step, utc_of_local(FEVER_DAY + " " + time), now))
    conn.close()
    return db


def figure_rows(ws):
    """Label (column A) → the value in column C, for the figures block."""
    return {ws.cell(row=r, column=1).value: ws.cell(row=r, column=3).value for r in range(1, ws.max_row + 1)
            if ws.cell(row=r, column=1).value}


def check_funeral(path, wb, lang):
    label = "%s funeral" % lang
    words = FUNERAL_WORDS[lang]
    equal(wb.sheetnames[-4:], words["sheets"], label + ": the funeral sheets, last")
    equal(wb.sheetnames[0], WORDS[lang]["sheets"][0], label + ": the daily report first")
    daily = row_values(wb.worksheets[0], 4)
    # The COVID-19 remains are a health event: not a zero report.
    equal(daily[20], WORDS[lang]["no"], label + ": 是否零报告")
    check("王建国" in (daily[21] or ""), label + ": the COVID-19 remains in 异常情况说明 %r" % daily[21])
    check("林德福" not in (daily[21] or ""), label + ": the mourning limit is a gap, not a health event")
    all_text = " ".join(str(v) for v in all_values(wb))
    check("FH-5" in all_text and "FH-6" in all_text, label + ": FH-5 and FH-6 among the compliance gaps")
    if lang == "en":
        ws = wb.worksheets[0]
        abnormal = find_row(ws, WORDS[lang]["abnormal"])
        row = row_values(ws, abnormal + 2) if abnormal else [None] * 25
        # The deceased's name, masked ID and the checklist as the action taken.
        equal((row[0], row[1], row[3], row[4]), ("王建国", masked_id(DECEASED_IDS["王建国"]), "Deceased", "FH-7"),
              label + ": the abnormal person")
        check((row[15] or "").startswith("3 of 7 steps done; not done: "), label + ": the steps done %r" % row[15])
        gaps = find_row(ws, WORDS[lang]["gaps"])
        rows = [row_values(ws, r) for r in range(gaps + 2, ws.max_row + 1)] if gaps else []
        equal(sorted((r[0], r[4]) for r in rows if r[4] in ("FH-5", "FH-6")),
              [("一号礼厅", "FH-6"), ("林德福", "FH-5")], label + ": the gaps of FH-5 and FH-6")
    found = [v for v in all_values(wb) if re.search(r"\d{17}[\dX]", str(v))]
    check(not found, label + ": no 18-digit ID number in any cell %s" % found[:3])
    with zipfile.ZipFile(path) as archive:
        text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    check(not [n for n in DECEASED_IDS.values() if n in text], label + ": no full ID number in the file")
    if wb.sheetnames[-4:] != words["sheets"]:
        return
    home, services, mourners, log = (wb[name] for name in words["sheets"])

    check(FUNERAL in (home["A1"].value or "") and FEVER_DAY in (home["A1"].value or ""),
          label + ": title %r" % home["A1"].value)
    figures = figure_rows(home)
    equal([figures.get(words[k]) for k in ("services", "over", "approaching", "covid", "incomplete",
                                           "mourners", "halls", "disinfections")],
          [3, 1, 0, "0/1", 1, "5/2", 1, 5], label + ": the day's figures")
    places = {r: [home.cell(row=r, column=c).value for c in range(1, 7)] for r in range(1, home.max_row + 1)}
    by_place = {v[0]: v[1:5] for v in places.values() if v[0] in ("一号礼厅", "二号礼厅", "接运车 闽C12345", "火化间")}
    equal(by_place.get("一号礼厅"), ["林德福", 1, 2, WORDS[lang]["no"]], label + ": 一号礼厅 1 of 2")
    equal(by_place.get("二号礼厅"), ["陈秀珍", 2, 2, WORDS[lang]["yes"]], label + ": 二号礼厅 2 of 2")
    equal([by_place.get("接运车 闽C12345", [None] * 3)[1], by_place.get("火化间", [None] * 3)[1]], [1, 1],
          label + ": the hearse and the cremation room")
    wang = [v for v in places.values() if v[0] == "王建国"]
    equal([w[1:5] for w in wang], [[masked_id(DECEASED_IDS["王建国"]), words["confirmed"], "3/7", WORDS[lang]["no"]]],
          label + ": 王建国's checklist")
    if wang:
        equal(len((wang[0][5] or "").split("; " if lang == "en" else "；")), 4, label + ": four steps missing")

    equal(row_values(services, 3, 11), SERVICE_HEADERS[lang], label + ": 治丧登记 columns")
    lines = [row_values(services, r, 11) for r in range(4, services.max_row + 1)]
    none = words["none"]
    equal(lines,
          [["林德福", masked_id(DECEASED_IDS["林德福"]), "林小红", "13805950001", "一号礼厅", "2021-11-02 23:59",
            "2021-11-05 23:59", words["in_progress"], words["over_length"], WORDS[lang]["yes"], none],
           ["陈秀珍", masked_id(DECEASED_IDS["陈秀珍"]), "林小红", "13805950001", "二号礼厅", FEVER_DAY + " 08:00",
            "2021-11-08 08:00", words["in_progress"], words["chen_length"], WORDS[lang]["no"], none],
           ["王建国", masked_id(DECEASED_IDS["王建国"]), "林小红", "13805950001", "—", FEVER_DAY + " 10:00",
            FEVER_DAY + " 10:00", words["in_progress"], "—", "—", words["confirmed"]]],
          label + ": the three services")

    equal(row_values(mourners, 3, 7), MOURNER_HEADERS[lang], label + ": 吊唁人员登记表 columns")
    lines = [row_values(mourners, r, 7) for r in range(4, mourners.max_row + 1)]
    equal([(l[0], l[1], l[3], l[5]) for l in lines],
          [("林德福", "林二", 36.4, "09:00 / 09:30"), ("陈秀珍", "陈一", 36.3, "09:02 / 09:20"),
           ("陈秀珍", "陈二", 36.7, "09:05 / 09:50"), ("林德福", "林三", 36.6, "09:10 / 09:40"),
           ("陈秀珍", "陈三", 37.8, "09:12"), ("陈秀珍", "陈四", 36.5, "09:15"),
           ("林德福", "林四", 36.5, "14:00 / 14:30")], label + ": the mourners of the day, by arrival")
    decisions = [l[6] or "" for l in lines]
    equal([d == words["admitted"] for d in decisions], [True, True, True, True, False, False, True],
          label + ": admitted")
    check(all(d.startswith(words["refused"]) for d in decisions[4:6]),
          label + ": turned away with the reason %r" % decisions[4:6])

    equal(row_values(log, 3, 8), DISINFECTION_HEADERS[lang], label + ": 消毒工作日志 columns")
    lines = [row_values(log, r, 8) for r in range(4, log.max_row + 1)]
    equal([(l[0], l[1], l[5], l[6]) for l in lines],
          [(d[1], d[0], "郑师傅", "蔡志明") for d in sorted(DISINFECTIONS, key=lambda d: d[1])],
          label + ": the disinfections of the day, by time")
    if lines:
        equal(lines[0][2], words["hall"], label + ": 二号礼厅 is a hall")
    for ws in (services, mourners, log):
        check_page(ws, label, "$1:$3", FUNERAL)


def funeral_catalogue_translates():
    localedir = os.environ.get("CAREGUARD_LOCALEDIR") or os.path.join(BUILD_ROOT, "po")
    try:
        zh = gettext.translation("careguard", localedir=localedir, languages=["zh_CN"])
    except OSError:
        return False
    return zh.pgettext("sheet", "Funeral home") != "Funeral home"


def catalogue_translates():
    """The Chinese checks need the built catalogue with the report's strings."""
    # The program reads its catalogue from here when it is set (main.c).
    localedir = os.environ.get("CAREGUARD_LOCALEDIR") or os.path.join(BUILD_ROOT, "po")
    try:
        zh = gettext.translation("careguard", localedir=localedir, languages=["zh_CN"])
    except OSError:
        return False
    return (zh.gettext("Daily report") != "Daily report"
            and zh.pgettext("sheet", "Visitor register") != "Visitor register")


def main():
    folder = tempfile.mkdtemp(prefix="careguard-report-xlsx-")
    try:
        db, actions_stored = build_scenario(folder)
        if db is None:
            print("%d passed, %d failed" % (passed, failed))
            return 1
        for day in (FEVER_DAY, QUIET_DAY):
            path = os.path.join(folder, "report-%s.xlsx" % day)
            wb = write_report(db, day, path, ENGLISH)
            if wb is not None:
                check_report(path, wb, day, "en", actions_stored)

        # A folder that is not there: a clear message, exit 1, no file.
        missing = os.path.join(folder, "nowhere", "report.xlsx")
        result = run(db, ["report", "daily", "--date", QUIET_DAY, "-o", missing])
        check(result.returncode == 1 and "does not exist" in result.stderr and not os.path.exists(missing),
              "report into a missing folder refused (%s)" % result.stderr.strip())
        leftovers = [n for n in os.listdir(folder) if n.endswith(".part")]
        check(not leftovers, "no unfinished files left behind %r" % leftovers)

        station = build_station(folder)
        if station is not None:
            path = os.path.join(folder, "station-%s.xlsx" % FEVER_DAY)
            wb = write_report(station, FEVER_DAY, path, ENGLISH)
            if wb is not None:
                check_station(path, wb, "en")

        funeral = build_funeral(folder)
        if funeral is not None:
            path = os.path.join(folder, "funeral-%s.xlsx" % FEVER_DAY)
            wb = write_report(funeral, FEVER_DAY, path, ENGLISH)
            if wb is not None:
                check_funeral(path, wb, "en")
            if funeral_catalogue_translates():
                path = os.path.join(folder, "殡仪馆日报告-%s.xlsx" % FEVER_DAY)
                wb = write_report(funeral, FEVER_DAY, path, CHINESE)
                if wb is not None:
                    check_funeral(path, wb, "zh")
            else:
                print("# skipped the zh_CN funeral checks: the built catalogue does not translate them yet")

        if catalogue_translates():
            for day in (FEVER_DAY, QUIET_DAY):
                path = os.path.join(folder, "日报告-%s.xlsx" % day)
                wb = write_report(db, day, path, CHINESE)
                if wb is not None:
                    check_report(path, wb, day, "zh", actions_stored)
            if station is not None:
                path = os.path.join(folder, "救助站日报告-%s.xlsx" % FEVER_DAY)
                wb = write_report(station, FEVER_DAY, path, CHINESE)
                if wb is not None:
                    check_station(path, wb, "zh")
        else:
            print("# skipped the zh_CN checks: the built catalogue does not translate the report yet")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
