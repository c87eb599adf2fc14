#!/usr/bin/env python3
"""Builds labelled-set.json, the labelled set of the duplicate suggester (docs/duplicates.md).

Run from the repository root: python3 src/test/resources/duplicates/build-labelled-set.py
The output is committed; the script is kept so the set can be rebuilt and extended. Seeded, so
the same script gives the same file.

Material:
  * the demo generator (org.huian.risk.RiskDemoData): its grid-report texts per kind
    (describe()), placed in random grids as cases, so the same text recurs in other places
    (hard negatives for text alone); and its companies with wage complaints in bursts, the name
    written in its four forms, the company's phone with and without its dash, the credit code on every
    third report (repeatSubjects()); the reports of one burst are duplicates of each other;
  * hand-made near-duplicates: one matter reported twice in other words, by another person, with
    the address written differently, anonymously;
  * hand-made hard negatives: the same street and category but another matter, the same reporter
    with another matter, the same company with another matter, a duplicate closed too long ago.
"""
import csv, json, random, os

random.seed(20261203)
HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = os.path.join(HERE, '..', '..', '..', 'main', 'resources', 'data', 'dongcheng', 'units.csv')
units = list(csv.DictReader(open(UNITS, encoding='utf-8')))
grids = [u for u in units if u['level'] == 'GRID']
street_of_community = {u['code']: u['parent_code'] for u in units if u['level'] == 'COMMUNITY'}
def street(grid):
    return street_of_community[grid['parent_code']]
grids_by_street = {}
for g in grids:
    grids_by_street.setdefault(street(g), []).append(g)
STREETS = sorted(grids_by_street)

cases, queries = [], []
def party(role, kind, name, phone=None):
    p = {"role": role, "kind": kind, "name": name}
    if phone:
        p["phone"] = phone
    return p

def request(category, title, description, grid, address=None, reporter=None, parties=()):
    r = {"channel": "WINDOW", "category": category, "title": title, "description": description,
         "location": {"gridId": grid['code']}, "peopleInvolved": 1, "amountInvolved": 0,
         "crossRegion": False, "crossDepartment": False, "parties": list(parties)}
    if address:
        r["location"]["address"] = address
    r["reporter"] = reporter or {"anonymous": True}
    return r

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建国"]
def person():
    return random.choice(SURNAMES) + random.choice(GIVEN)
def mobile():
    return "1" + random.choice("3578") + "".join(random.choice("0123456789") for _ in range(9))
def reporter():
    return {"name": person(), "phone": mobile(), "anonymous": False}
LANES = ["府学胡同", "交道口南大街", "北锣鼓巷", "东四十条", "南锣鼓巷", "鼓楼东大街", "朝阳门北小街", "和平里东街",
         "安定门外大街", "东直门内大街", "崇文门外大街", "前门东大街", "广渠门内大街", "天坛东路", "龙潭路", "永定门外大街"]
def address():
    return random.choice(LANES) + str(random.randint(1, 199)) + "号院" + str(random.randint(1, 12)) + "号楼"

def add_case(cid, req, days_ago, closed_days_ago=None, note=""):
    c = {"id": cid, "daysAgo": days_ago, "request": req}
    if closed_days_ago is not None:
        c["closedDaysAgo"] = closed_days_ago
    if note:
        c["note"] = note
    cases.append(c)

def add_query(qid, req, duplicates, note):
    queries.append({"id": qid, "request": req, "duplicates": duplicates, "note": note})

# --- A. the demo generator's grid-report texts, as cases in random grids ------------------------
DEMO_TEXTS = [  # RiskDemoData.describe(), per kind, with the category a window clerk would choose
    ("OTHER", ["独居老人近期情绪低落，需持续关注", "社区矫正对象按时报到", "刑满释放人员就业困难"]),
    ("SAFETY_HAZARD", ["老旧小区楼道堆物，存在消防隐患", "施工工地夜间噪音扰民", "地下空间违规住人"]),
    ("NEIGHBOUR", ["两户居民因漏水发生争执", "物业与业主因停车费产生矛盾", "商户占道经营引发纠纷"]),
    ("SAFETY_HAZARD", ["电动自行车楼道充电", "燃气管道老化", "临街广告牌松动"]),
    ("HOUSING", ["居民对拆迁补偿方案议论较多", "网上出现涉及小区的负面言论", "部分居民对供暖不满"])]
DETAILS = ["网格员巡查时发现。", "居民多次反映。", "请相关部门尽快处理。", "已初步劝导，仍未改正。", "涉及多户居民。"]
n = 0
for category, texts in DEMO_TEXTS:
    for text in texts:
        for _ in range(4):
            n += 1
            g = random.choice(grids)
            add_case("demo-%03d" % n, request(category, text, text + "，" + random.choice(DETAILS), g, address(),
                                               reporter() if random.random() < 0.5 else None),
                     random.randint(0, 40), random.choice([None, None, None, random.randint(2, 25)]),
                     "demo generator text in a random grid")

# --- B. the demo generator's companies with wage complaints in bursts ---------------------------
TRADES = ["消防工程", "装饰工程", "物业管理", "餐饮管理", "建筑劳务", "保洁服务", "家政服务", "教育咨询"]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def credit_code():
    s = "91110101" + "".join(random.choice(ALPHABET) for _ in range(9))
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(s, WEIGHTS))
    return s + ALPHABET[(31 - total % 31) % 31]
def name_form(core, k):
    return ["北京" + core + "有限公司", core + "公司", "北京市" + core + "有限责任公司", core.replace("京东", "京东 ") + "（有限公司）"][k % 4]
def landline():
    return "010-" + str(random.randint(6, 8)) + "".join(random.choice("0123456789") for _ in range(7))
def phone_form(phone, k):  # intake takes 010-xxxxxxxx and 010xxxxxxxx (not +86 as grid reports do)
    return phone if k % 2 == 0 else phone.replace("-", "")
WAGE_TITLES = ["反映{n}拖欠工资", "{n}拖欠农民工工资", "讨要{n}欠薪", "{n}欠薪问题"]
WAGE_TEXTS = ["在{n}务工，{m}个月工资未发，老板不接电话。", "{n}拖欠我们{m}个月工资，共十余人。",
              "给{n}干活，工钱{m}个月没结，要求协调支付。"]
for c in range(12):
    core = "京东" + "甲乙丙丁戊己庚辛壬癸"[c % 10] + TRADES[c % len(TRADES)] + ("" if c < 10 else "二部")
    code, company_phone = credit_code(), landline()
    st = STREETS[c % len(STREETS)]
    burst = []
    count = (2 if c % 3 == 0 else 3) + random.randint(0, 1)
    start = random.randint(3, 30)
    for k in range(count):
        name = name_form(core, k)
        months = random.randint(2, 8)
        desc = random.choice(WAGE_TEXTS).format(n=name, m=months)
        if k % 3 == 0:
            desc += "该公司统一社会信用代码 " + code + "。"
        g = random.choice(grids_by_street[st])
        req = request("WAGE_ARREARS", random.choice(WAGE_TITLES).format(n=name), desc, g, None, reporter(),
                      [party("RESPONDENT", "ORGANISATION", name, phone_form(company_phone, k))])
        req["channel"] = "HOTLINE"
        days = max(0, start - k * random.randint(1, 4))
        stored = 1 if c % 3 == 0 else 2  # every third burst: only its first report is stored
        if k < stored:
            add_case("wage-%02d-%d" % (c, k), req, days, note="demo company burst, report %d" % k)
            burst.append("wage-%02d-%d" % (c, k))
        else:
            add_query("q-wage-%02d-%d" % (c, k), req, list(burst), "demo company burst: the same company's unpaid wages again")

# --- C. hand-made near-duplicates ---------------------------------------------------------------
PAIRS = [  # category, original (title, description), repeat (title, description)
    ("NEIGHBOUR", ("楼上漏水泡坏我家天花板", "楼上卫生间漏水，我家客厅天花板被泡坏，楼上住户不愿维修。"),
                  ("楼上住户卫生间漏水", "家里天花板又被楼上漏水泡了，找楼上邻居他不管。")),
    ("NEIGHBOUR", ("邻居在楼道养狗扰民", "隔壁邻居把大狗拴在楼道里，夜里狂叫，孩子害怕。"),
                  ("楼道里拴狗夜间吠叫", "邻居家的狗拴在楼道，晚上一直叫，影响休息。")),
    ("PROPERTY_MANAGEMENT", ("小区电梯长期故障无人修", "3号楼电梯坏了两个月，物业一直说等配件，老人上下楼困难。"),
                            ("3号楼电梯坏了物业不修", "电梯停运快两个月，物业拖着不修，楼里老人出不了门。")),
    ("PROPERTY_MANAGEMENT", ("物业乱收停车费", "物业今年把地面停车费从每月150涨到300，没有公示。"),
                            ("停车费涨价未公示", "小区物业擅自把停车费涨了一倍，业主不认可。")),
    ("CONSUMER", ("健身房倒闭会员卡无法退费", "办了两年会员卡，健身房突然关门，老板联系不上，要求退费。"),
                 ("健身房关门跑路要求退卡费", "健身房突然停业，会员卡余额没退，老板失联。")),
    ("CONSUMER", ("培训机构拒不退还学费", "给孩子报了英语培训，机构停课后拒绝退还剩余学费一万二。"),
                 ("英语培训班停课不退学费", "孩子的英语课停了，机构说不退剩下的一万二学费。")),
    ("LABOUR", ("餐馆辞退员工不给补偿", "在餐馆干了三年，老板突然辞退，不给经济补偿。"),
               ("被餐馆老板辞退无补偿", "干了三年突然被辞退，老板一分补偿都不给。")),
    ("HOUSING", ("平房翻建遮挡邻居采光", "邻居平房加盖二层，挡住我家窗户采光，协商不成。"),
                ("邻居加盖二层挡光", "隔壁私自加盖一层，我家屋里白天也要开灯。")),
    ("SAFETY_HAZARD", ("胡同里电线私拉乱接", "胡同东口有住户从电线杆私拉电线，线路垂到头顶，很危险。"),
                      ("胡同东口私拉电线很危险", "有人从电线杆私接电线，电线低垂，怕出事。")),
    ("SAFETY_HAZARD", ("小区井盖缺失", "小区南门内井盖丢失，晚上看不清，容易掉下去。"),
                      ("南门井盖丢了", "小区南门里面的井盖没了，夜里有人差点踩空。")),
    ("TRAFFIC", ("电动车撞人后逃逸", "下午在路口被一辆外卖电动车撞倒，对方逃走，要求查找。"),
                ("被外卖电动车撞倒对方跑了", "路口被送外卖的电动车撞了，骑车人跑了，腿受伤。")),
    ("FAMILY", ("子女不履行赡养义务", "老人有三个子女，都不给生活费，老人生活困难。"),
               ("三个子女都不赡养老人", "老人的三个孩子互相推脱，谁也不给钱，老人没人管。")),
    ("CONSTRUCTION", ("装修公司拖延工期", "装修合同约定两个月完工，已经拖了四个月，装修公司不接电话。"),
                     ("装修拖了四个月还没完", "合同写两个月装完，现在四个月了还没完工，公司推诿。")),
    ("MEDICAL", ("诊所输液后过敏纠纷", "在社区诊所输液后严重过敏住院，诊所不承认责任。"),
                ("输液过敏住院诊所不认账", "在诊所打点滴后过敏住院，诊所说与他们无关。")),
    ("NEIGHBOUR", ("烧烤店油烟熏到居民", "楼下烧烤店油烟直排，楼上住户窗户都不敢开。"),
                  ("楼下烧烤油烟扰民", "烧烤店的油烟直接往楼上飘，家里全是烟味。")),
    ("PROPERTY_MANAGEMENT", ("冬季暖气不热", "今年供暖以来家里只有14度，找物业多次没解决。"),
                            ("暖气温度不达标", "家里暖气才十四度，物业来看过也没修好。")),
    ("OTHER", ("共享单车堵塞小区出入口", "小区门口堆满共享单车，消防车都进不来。"),
              ("门口共享单车乱停", "共享单车把小区大门堵了，车进不去。")),
    ("NEIGHBOUR", ("邻居占用公共走廊堆放杂物", "对门邻居把纸箱和旧家具堆在走廊，劝说不听。"),
                  ("对门在走廊堆杂物", "邻居在公共走廊堆满旧家具纸箱，通行不便。")),
    ("CONSUMER", ("超市出售过期食品", "在超市买的牛奶已过期三天，超市只同意退货不赔偿。"),
                 ("买到过期牛奶超市不赔", "超市卖的牛奶过期了，要求十倍赔偿被拒。")),
    ("LABOUR", ("快递站拖欠分拣员工资", "快递站两个月没发分拣员工资，站长说总部没打款。"),
               ("快递站两个月没发工资", "我们几个分拣员两个月工资没拿到，站长推给总部。")),
]
WRITINGS = [lambda a: a, lambda a: "北京市东城区" + a, lambda a: a.replace("号院", "号 院 "), lambda a: "东城区" + a]
for i, (category, (t1, d1), (t2, d2)) in enumerate(PAIRS):
    g = random.choice(grids)
    addr = address()
    rep = reporter()
    style = i % 5
    days = random.randint(0, 12)
    closed = random.randint(1, 20) if i % 6 == 5 else None
    original = request(category, t1, d1, g, addr, rep, [party("APPLICANT", "PERSON", rep["name"], rep["phone"])])
    add_case("pair-%02d" % i, original, days, closed, "hand-made: the original")
    if style == 0:    # another person, same address written differently
        other = reporter()
        again = request(category, t2, d2, g, WRITINGS[i % 4](addr), other, [party("APPLICANT", "PERSON", other["name"], other["phone"])])
        how = "another reporter, the address written differently"
    elif style == 1:  # the same reporter again, phone written with +86 and dashes, no address
        again = request(category, t2, d2, g, None, {"name": rep["name"], "phone": rep["phone"], "anonymous": False}, [])
        how = "the same reporter again, no address"
    elif style == 2:  # anonymous, same address
        again = request(category, t2, d2, g, addr, None, [])
        how = "anonymous, the same address"
    elif style == 3:  # anonymous, same grid, address not given, same words partly
        again = request(category, t2, d1[:12] + "。" + d2, g, None, None, [])
        how = "anonymous, same grid, no address"
    else:             # another person, neighbouring grid of the same community, same address
        sibling = [x for x in grids if x['parent_code'] == g['parent_code'] and x['code'] != g['code']] or [g]
        other = reporter()
        again = request(category, t2, d2, random.choice(sibling), addr, other, [])
        how = "another reporter, another grid of the community, the same address"
    add_query("q-pair-%02d" % i, again, ["pair-%02d" % i], "hand-made near-duplicate: " + how)

# a duplicate whose original was closed 60 days ago: not suggested (recently closed = 30 days)
g = random.choice(grids)
rep = reporter()
add_case("old-closed", request("NEIGHBOUR", "楼上半夜跳绳扰民", "楼上住户每晚十一点后跳绳，震得灯晃。", g, address(), rep), 75, 60,
         "closed 60 days ago")
add_query("q-old-closed", request("NEIGHBOUR", "楼上深夜跳绳噪音", "楼上每天半夜跳绳，吵得睡不着。", g, None, rep), [],
          "the same matter as a case closed 60 days ago: out of the recently-closed window, nothing to suggest")

# --- D. hand-made hard negatives ---------------------------------------------------------------
NEGATIVES = [
    ("NEIGHBOUR", "楼下麻将馆深夜喧哗", "楼下新开的麻将馆每天营业到凌晨两点，吵闹声很大。"),
    ("NEIGHBOUR", "邻居装空调外机对着我家窗户", "邻居新装的空调外机正对我家卧室窗户，热风直吹。"),
    ("PROPERTY_MANAGEMENT", "物业不清运垃圾", "小区垃圾桶满了三天没人清运，夏天臭味很大。"),
    ("CONSUMER", "网购家具质量问题商家不退", "网上买的衣柜门板开裂，商家拒绝退货。"),
    ("LABOUR", "试用期被辞退不结工资", "试用期第二个月被辞退，公司说试用期不发工资。"),
    ("SAFETY_HAZARD", "小区消防通道被占", "小区消防通道停满私家车，物业不管。"),
    ("HOUSING", "租房押金不退", "租期到了房东找理由扣押金三千元。"),
    ("TRAFFIC", "小区门口路口没有红绿灯", "小区出口直接上主路，没有信号灯，经常险些出事故。"),
    ("FAMILY", "离婚后探视子女受阻", "离婚后前妻不让我见孩子，协商无果。"),
    ("OTHER", "广场舞音响声音过大", "每天晚上小广场跳舞音响开得很大，影响学生学习。"),
    ("CONSTRUCTION", "施工围挡占用人行道", "地铁施工围挡把人行道全部占了，行人只能走机动车道。"),
    ("MEDICAL", "医院检查结果出错", "体检报告把我的结果和别人弄混了，耽误治疗。"),
]
for i, (category, title, desc) in enumerate(NEGATIVES):
    # placed where a case of the same category already is, so street and category agree
    same = [c for c in cases if c["request"]["category"] == category] or cases
    base = random.choice(same)
    g = [x for x in grids if x['code'] == base["request"]["location"]["gridId"]][0]
    add_query("q-neg-%02d" % i, request(category, title, desc, g, address(), reporter()), [],
              "hand-made negative: same grid and category as %s, another matter" % base["id"])
# the same reporter with another matter, some weeks later
for i in range(4):
    base = [c for c in cases if c["id"] == "pair-%02d" % (i * 2)][0]
    rep = base["request"]["reporter"]
    g = random.choice(grids)
    category, title, desc = NEGATIVES[(i * 3) % len(NEGATIVES)]
    add_query("q-same-reporter-%d" % i, request(category, title, desc, g, address(), rep,
              [party("APPLICANT", "PERSON", rep["name"], rep["phone"])]), [],
              "hand-made negative: the reporter of %s with another matter elsewhere" % base["id"])
# the same company with another matter (a customer, not its workers)
for c in (1, 4, 7):
    base = [x for x in cases if x["id"] == "wage-%02d-0" % c][0]
    company = base["request"]["parties"][0]
    g = random.choice(grids)
    add_query("q-same-company-%d" % c, request("CONSUMER", "预付服务费后对方不履约",
              "与" + company["name"] + "签了服务合同，预付了费用，对方一直不上门服务。", g, address(), reporter(),
              [party("RESPONDENT", "ORGANISATION", company["name"])]), [],
              "hand-made negative: a customer's complaint about the company of %s" % base["id"])
# the demo texts again in other streets (same words, another place)
for i in range(8):
    base = random.choice([c for c in cases if c["id"].startswith("demo-")])
    st = street([x for x in grids if x['code'] == base["request"]["location"]["gridId"]][0])
    others = [x for x in grids if street(x) != st and not any(
        street([y for y in grids if y['code'] == c["request"]["location"]["gridId"]][0]) == street(x)
        and c["request"]["title"] == base["request"]["title"] for c in cases)]
    g = random.choice(others)
    add_query("q-elsewhere-%d" % i, request(base["request"]["category"], base["request"]["title"],
              base["request"]["title"] + "，" + random.choice(DETAILS), g, address(), None), [],
              "the demo text of %s in a street where no case has it" % base["id"])

out = {"about": __doc__.strip().splitlines()[0], "built": "python3 src/test/resources/duplicates/build-labelled-set.py",
       "cases": cases, "queries": queries}
json.dump(out, open(os.path.join(HERE, "labelled-set.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(len(cases), "cases,", len(queries), "queries,", sum(len(q["duplicates"]) for q in queries), "labelled pairs")
