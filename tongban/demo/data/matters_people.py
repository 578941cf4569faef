"""Real service matters for natural persons (自然人) of the demo city 云川市 (湖南省).

Each entry of MATTERS is one version spec (exactly the keys of tongban/catalog/spec.py) plus the
three loader keys "basic_code", "sector" and "implemented_at" (see tongban/demo/data/structure.py).
Names, legal bases, materials and time limits follow the national 办事指南 as published on
湖南政务服务网 and the ministries' own service lists; a law's 日 (calendar days) is noted in
limit_note because the catalogue counts 工作日.

基本编码 here (docs/domain.md §2.1): "0001" (自然人) + 2-digit matter type + 3-digit serial within
that type + "000" (no sub-item). 出生登记 is 000107001000: 0001, 07 行政确认, serial 001, 000. The
department that carries a matter out is named by "sector", not by the code.
"""

from tongban.demo.data.application_forms import with_forms

LEVEL_CODES = {"city": 3, "district": 4, "town": 5, "village": 6}

# -- builders --------------------------------------------------------------------------------


def _mat(name, form="original", copies=1, *, required=True, source="applicant", source_note="",
         necessity="", rongque=False, notes="", paper="A4"):
    return {"name": name, "form": form, "copies": copies, "required": required, "necessity_note": necessity,
            "source": source, "source_note": source_note, "rongque_allowed": rongque, "paper_spec": paper,
            "notes": notes}


def _id(who="申请人", note=""):
    return _mat(f"{who}居民身份证", source="government",
                source_note="公安机关核发；可出示居民身份证电子证照", paper="", notes=note)


def _hukou(who="申请人"):
    return _mat(f"{who}居民户口簿", source="exempt",
                source_note="通过人口基础信息库共享核验，免提交", paper="")


def _gov(name, issuer, form="original", **kw):
    kw.setdefault("source_note", f"由{issuer}核发")
    return _mat(name, form, source="government", **kw)


def _shared(name, via, **kw):
    return _mat(name, "electronic", source="exempt", source_note=f"通过{via}共享获取，申请人免提交", **kw)


def _table(name, **kw):
    kw.setdefault("notes", "窗口领取或在湖南政务服务网下载空白表格，如实填写并由申请人签名")
    return _mat(name, **kw)


def _photo(spec="2寸", copies=1, note=""):
    return _mat(f"近期{spec}免冠彩色证件照片", copies=copies, paper="", notes=note)


def _proxy():
    return _mat("授权委托书及受托人居民身份证", required=False, necessity="委托他人代办的提供")


def _step(name, actor, description, days=None):
    return {"name": name, "actor": actor, "description": description, "limit_days": days}


def _instant(actor, check, result):
    """即办件: accepted, checked and finished at the window on the same visit."""
    return [
        _step("申请", "申请人", "通过窗口、湖南政务服务网或“湘易办”移动端提交申请及材料"),
        _step("受理", actor, "查验申请材料，齐全且符合法定形式的当场受理", 0),
        _step("审核", actor, check, 0),
        _step("办结", actor, result, 0),
    ]


def _promised(promised, accept, review, decide, review_desc, result, *,
              decide_desc="作出准予或者不予的决定；不予的书面告知理由及救济途径",
              names=("受理", "审查", "决定", "办结")):
    """承诺件: the step limits add up to the promised limit."""
    a = 1 if promised >= 3 else 0
    d = 1 if promised >= 2 else 0
    f = 1 if promised >= 5 else 0
    r = promised - a - d - f
    return [
        _step(names[0], accept, "材料齐全、符合法定形式的予以受理；不齐全的一次性告知需要补正的全部内容", a),
        _step(names[1], review, review_desc, r),
        _step(names[2], decide, decide_desc, d),
        _step(names[3], accept, result, f),
    ]


def _benefit(promised, accept, review, decide, review_desc, result, **kw):
    return _promised(promised, accept, review, decide, review_desc, result,
                     names=("受理", "审核", "审批", "办结"), **kw)


def _res(name, kind="other", validity=""):
    return {"name": name, "kind": kind, "validity": validity}


def _fee(name, standard, basis, cents=None, reducible=""):
    return {"name": name, "standard": standard, "basis": basis, "amount_cents": cents, "reducible": reducible}


def _faqs(*pairs):
    return [{"question": q, "answer": a} for q, a in pairs]


def _matter(code, sector, at, name, mtype, basis, conditions, *, levels=None, kind=2, legal=None,
            promised=0, note="", fees=(), visits=1, depth=4, appt=True, pay=False, express=False,
            scope="", intermediary="无", qty="无数量限制", delivery=None, objects=("1",), cats=(),
            materials=(), steps=(), results=(), faqs=()):
    if levels is None:
        levels = ",".join(str(LEVEL_CODES[x]) for x in at)
    if legal is None and not note:
        # The catalogue requires a reason when the law sets no time limit.
        note = "法律法规未规定办结时限；即办件，当场办结" if kind == 1 else "法律法规未规定办结时限"
    if delivery is None:
        delivery = "当场办结，窗口领取" if kind == 1 else ("窗口领取；邮政快递送达" if express else "窗口领取")
    return {
        "basic_code": code, "sector": sector, "implemented_at": list(at),
        "name": name, "matter_type": mtype, "legal_basis": basis, "conditions": conditions,
        "levels": levels, "case_kind": kind, "legal_limit_days": legal,
        "promised_limit_days": 0 if kind == 1 else promised, "limit_note": note, "has_fee": bool(fees),
        "visits_required": visits, "online_depth": depth, "supports_appointment": appt,
        "supports_online_payment": pay, "supports_express": express, "tongban_scope": scope,
        "intermediary": intermediary, "quantity_limit": qty, "result_delivery": delivery,
        "service_objects": list(objects), "categories": list(cats),
        "materials": list(materials), "steps": list(steps), "fees": list(fees), "results": list(results),
        "faqs": list(faqs),
    }


# Shared texts
HUKOU_ACTOR = "公安派出所户籍窗口民警"
ID_FEE_BASIS = ("《中华人民共和国居民身份证法》第二十条；《国家发展改革委 财政部关于居民身份证收费标准及"
                "有关问题的通知》（发改价格〔2003〕2322号）")
EXIT_FEE_BASIS = "《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格规〔2019〕914号）"
REALTY_FEE_BASIS = "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）"
HOUSING_FUND_REG = "《住房公积金管理条例》（2019年修订）"
ONE_THING = "《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）"
SOCIAL_AID = "《社会救助暂行办法》（国务院令第649号）"

MATTERS = [
    # == 公安：户籍、身份证、居住证、出入境 ==================================================
    _matter(
        "000107001000", "public_security", ["district"], "出生登记（出生户口登记）", "07",
        "《中华人民共和国户口登记条例》第七条；《国务院办公厅关于解决无户口人员登记户口问题的意见》"
        "（国办发〔2015〕96号）",
        "在本市出生或父母一方户籍在本市的新生儿；婴儿出生后一个月以内由户主、亲属、抚养人申报，"
        "超过一个月的亦可申报。随父或随母落户均可。",
        levels="4,5", kind=1, visits=0, depth=5, scope="cross_city",
        note="《户口登记条例》未规定办结时限；材料齐全的当场办结",
        cats=["P-T02", "P-L01"],
        materials=[
            _gov("出生医学证明", "助产医疗机构", source_note="由助产医疗机构签发；已有电子出生医学证明的免提交"),
            _hukou("父母双方"),
            _id("父母双方"),
            _mat("父母结婚证", required=False, necessity="已婚父母提供；非婚生育的不需要", paper=""),
            _table("出生登记申报表"),
        ],
        steps=_instant(HUKOU_ACTOR, "核对出生医学证明与父母身份、户籍信息，录入人口信息系统",
                       "当场在户口簿上登记新生儿户口，打印户口簿常住人口登记卡"),
        results=[_res("居民户口簿（新生儿常住人口登记卡）", "licence")],
        faqs=_faqs(("孩子出生后多久要报户口？", "《户口登记条例》规定婴儿出生后一个月以内申报出生登记；超过时限的仍可办理。"),
                   ("父母不在户籍地，能否异地办理？", "省内可通过“新生儿出生一件事”在出生医院或任一政务大厅网上申请，由落户地派出所审核后办理。")),
    ),
    _matter(
        "000107002000", "public_security", ["district"], "户口迁移（迁入）", "07",
        "《中华人民共和国户口登记条例》第十条、第十三条；《国务院关于进一步推进户籍制度改革的意见》"
        "（国发〔2014〕25号）",
        "符合本市落户政策：在城区有合法稳定住所（含租赁）、合法稳定就业，或投靠直系亲属、大中专院校"
        "毕业生、退役军人等。跨省迁移实行“一站式”办理，由迁入地直接办理，无需回迁出地开具准迁证。",
        levels="4,5", legal=None, promised=5, visits=1, depth=3, scope="cross_province",
        note="法律未规定办结时限；按公安部“跨省通办”要求承诺5个工作日",
        cats=["P-T02", "P-L03"],
        materials=[
            _id(), _hukou("迁出地"),
            _mat("合法稳定住所证明（不动产权证书或房屋租赁合同）", "copy",
                 necessity="以住所落户的提供；不动产权证书可通过不动产登记信息共享核验"),
            _mat("劳动合同或营业执照", "copy", required=False, necessity="以就业落户的提供"),
            _mat("投靠关系证明（结婚证、出生医学证明等）", "copy", required=False, necessity="投靠亲属落户的提供"),
            _table("户口迁移申请表"),
        ],
        steps=_promised(5, HUKOU_ACTOR, "县级公安机关户政部门", "县级公安机关户政部门",
                        "核查落户条件，与迁出地公安机关网上核验迁出信息",
                        "迁入地登记户口，迁出地同步注销，发放户口簿",
                        decide_desc="作出准予迁入或不予迁入的决定；不予的说明理由"),
        results=[_res("居民户口簿（迁入后）", "licence"), _res("准予迁入证明", "approval")],
        faqs=_faqs(("跨省迁户还需要回老家开准迁证吗？", "不需要。实行“一站式”迁移后，由迁入地派出所受理并与迁出地网上办理迁出。"),),
    ),
    _matter(
        "000107003000", "public_security", ["district"], "死亡注销户口", "07",
        "《中华人民共和国户口登记条例》第八条；《国家卫生计生委 公安部 民政部关于进一步规范人口死亡医学证明"
        "和信息登记管理工作的通知》（国卫规划发〔2013〕57号）",
        "本市户籍公民死亡的，城市在葬前、农村在一个月以内，由户主、亲属、抚养人或者邻居申报死亡登记，注销户口。",
        levels="4,5", kind=1, visits=1, depth=4, scope="city",
        cats=["P-T02", "P-T13", "P-L10"],
        materials=[
            _gov("居民死亡医学证明（推断）书", "医疗卫生机构",
                 source_note="医疗卫生机构出具；非正常死亡的由公安机关出具死亡证明；可共享的免提交"),
            _mat("死者居民户口簿及居民身份证", paper="", notes="居民身份证应当交回注销"),
            _id("申报人"),
        ],
        steps=_instant(HUKOU_ACTOR, "核对死亡证明与户籍信息", "注销户口，出具户口注销证明（注明死亡）"),
        results=[_res("户口注销证明", "other")],
        faqs=_faqs(("注销户口后还需要到哪些部门办理？", "可通过“身后一件事”一次申请，同步推送医保、社保停发养老金、丧葬补助金申领等事项。"),),
    ),
    _matter(
        "000107004000", "public_security", ["district"], "户口登记项目变更更正（姓名变更）", "07",
        "《中华人民共和国户口登记条例》第十七条、第十八条；《中华人民共和国民法典》第一千零一十二条、"
        "第一千零一十五条",
        "本市户籍公民需要变更姓名，或户口登记项目（出生日期、民族等）登记错误需要更正的。"
        "未满十八周岁的由本人或父母、收养人申请；十八周岁以上的由本人申请。",
        levels="4", promised=10, visits=1, depth=3,
        note="法律未规定办结时限；需调查核实的承诺10个工作日",
        cats=["P-T02", "P-T14"],
        materials=[
            _id(), _hukou(),
            _table("户口登记项目变更更正申请表"),
            _mat("变更更正的原始依据（出生医学证明、学籍档案、人事档案等）", "both",
                 necessity="更正出生日期、民族等项目时提供"),
        ],
        steps=_promised(10, HUKOU_ACTOR, "县级公安机关户政部门", "县级公安机关户政部门",
                        "调查核实变更更正理由和原始依据", "变更户口登记项目，换发户口簿",
                        decide_desc="作出准予变更更正或不予变更更正的决定"),
        results=[_res("变更后的居民户口簿", "licence")],
        faqs=_faqs(("成年人改名有次数限制吗？", "原则上成年人变更姓名须有正当理由；变更后应同时换领居民身份证。"),),
    ),
    _matter(
        "000107006000", "public_security", ["district"], "居民身份证首次申领", "07",
        "《中华人民共和国居民身份证法》第七条、第八条、第十条、第十二条、第二十条",
        "本市户籍公民自年满十六周岁之日起三个月内应当申领；未满十六周岁的可由监护人代为申领。",
        levels="4,5", legal=60, promised=20, visits=1, depth=3, express=True,
        note="法律规定自提交申领登记表之日起60日（自然日）内发放，交通不便地区可延长30日",
        fees=[_fee("居民身份证工本费", "每证20元", ID_FEE_BASIS, 2000,
                   "城市低保对象、农村有特殊生活困难的居民首次申领免收")],
        cats=["P-T14", "P-T02"],
        materials=[
            _hukou(), _table("居民身份证申领登记表", notes="现场采集人像、指纹信息后打印确认"),
            _mat("监护人居民身份证", required=False, necessity="未满十六周岁由监护人代为申领的提供", paper=""),
        ],
        steps=_promised(20, HUKOU_ACTOR, "县级公安机关户政部门", "县级公安机关户政部门",
                        "审核申领信息并报送制证", "证件制作完成后通知领取或邮寄送达",
                        decide_desc="签发居民身份证"),
        results=[_res("中华人民共和国居民身份证", "licence", "未满16周岁5年；16-25周岁10年；26-45周岁20年；46周岁以上长期")],
        faqs=_faqs(("办证期间急需用证怎么办？", "可同时申领临时居民身份证，3日内发放。"),),
    ),
    _matter(
        "000107007000", "public_security", ["district"], "居民身份证换领", "07",
        "《中华人民共和国居民身份证法》第十一条、第十二条、第二十条",
        "居民身份证有效期满、姓名变更、证件严重损坏不能辨认或登记项目错误需要更正的。"
        "有效期满前三个月内可申请换领。",
        levels="4,5", legal=60, promised=20, visits=1, depth=3, express=True, scope="cross_province",
        note="法律规定60日（自然日）内发放；全国范围内可异地受理换领",
        fees=[_fee("居民身份证工本费（有效期满换领）", "每证20元", ID_FEE_BASIS, 2000),
              _fee("居民身份证工本费（损坏换领）", "每证40元", ID_FEE_BASIS, 4000)],
        cats=["P-T14"],
        materials=[_mat("原居民身份证", paper="", notes="领取新证时交回原证"), _hukou(), _photo("", note="现场免费采集人像")],
        steps=_promised(20, "户籍窗口民警", "县级公安机关户政部门", "县级公安机关户政部门",
                        "核对身份信息并报送制证", "通知领证或邮寄送达，收回原证", decide_desc="签发新证"),
        results=[_res("中华人民共和国居民身份证", "licence", "按申领时年龄确定")],
    ),
    _matter(
        "000107008000", "public_security", ["district"], "居民身份证补领", "07",
        "《中华人民共和国居民身份证法》第十一条、第十二条、第二十条",
        "居民身份证丢失的公民。",
        levels="4,5", legal=60, promised=20, visits=1, depth=3, express=True, scope="cross_province",
        note="法律规定60日（自然日）内发放；全国范围内可异地受理补领",
        fees=[_fee("居民身份证工本费（丢失补领）", "每证40元", ID_FEE_BASIS, 4000)],
        cats=["P-T14"],
        materials=[_hukou(), _mat("申请人书面声明（丢失情况）", paper="A4")],
        steps=_promised(20, "户籍窗口民警", "县级公安机关户政部门", "县级公安机关户政部门",
                        "核对身份信息，原证作挂失处理后报送制证", "通知领证或邮寄送达", decide_desc="签发新证"),
        results=[_res("中华人民共和国居民身份证", "licence", "原证有效期")],
        faqs=_faqs(("身份证丢了要先登报挂失吗？", "不需要登报，申请补领时原证信息即在系统中作废。"),),
    ),
    _matter(
        "000107009000", "public_security", ["district"], "临时居民身份证申领", "07",
        "《中华人民共和国居民身份证法》第十二条；《中华人民共和国临时居民身份证管理办法》第二条、"
        "第九条、第十二条",
        "在申请领取、换领、补领居民身份证期间，急需使用居民身份证的公民。",
        levels="4,5", legal=3, promised=1, visits=1, depth=2,
        note="《临时居民身份证管理办法》规定收到申请后三日（自然日）内发给",
        fees=[_fee("临时居民身份证工本费", "每证10元",
                   "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）", 1000)],
        cats=["P-T14"],
        materials=[_mat("居民身份证领取凭证", paper=""), _hukou(), _photo("1寸")],
        steps=_promised(1, HUKOU_ACTOR, "县级公安机关户政部门", "县级公安机关户政部门",
                        "核对申领记录并制证", "发放临时居民身份证", decide_desc="签发临时居民身份证"),
        results=[_res("中华人民共和国临时居民身份证", "licence", "3个月")],
    ),
    _matter(
        "000107010000", "public_security", ["district"], "居住证申领", "07",
        "《居住证暂行条例》（国务院令第663号）第二条、第九条、第十条",
        "离开常住户口所在地，到本市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的公民。",
        levels="4,5", legal=15, promised=7, visits=1, depth=4, express=True,
        note="条例规定自受理之日起15日（自然日）内制作发放；首次申领免收工本费",
        cats=["P-T02", "P-T14", "P-L02"],
        materials=[
            _id(), _photo("", note="可使用居民身份证照片"),
            _mat("居住证明（房屋租赁合同、不动产权证书或单位、学校出具的住宿证明）", "copy"),
            _mat("就业或就读证明（劳动合同、营业执照或学校就读证明）", "copy", required=False,
                 necessity="以就业或就读为条件申领的提供"),
        ],
        steps=_promised(7, "公安派出所或受委托的社区服务机构", "县级公安机关", "县级公安机关",
                        "核查居住登记信息和就业、住所、就读证明", "发放居住证；每年签注一次",
                        decide_desc="签发居住证"),
        results=[_res("湖南省居住证", "licence", "每年签注一次")],
        faqs=_faqs(("居住证有什么用？", "持证人可在居住地享受义务教育、基本公共就业服务、基本公共卫生服务等，并可在居住地换领、补领居民身份证。"),
                   ("子女入学需要居住证吗？", "随迁子女在居住地接受义务教育，通常需提供父母一方的居住证，具体以当年招生政策为准。")),
    ),
    _matter(
        "000101005000", "public_security", ["city"], "往来港澳通行证及签注签发", "01",
        "《中华人民共和国出境入境管理法》第九条；《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》",
        "内地居民因旅游、探亲、商务、学习等事由前往香港、澳门特别行政区的；无法律规定不准出境情形。",
        levels="3,4", legal=None, promised=7, visits=1, depth=3, express=True, pay=True, scope="national",
        note="按国家移民管理局规定，自受理之日起7个工作日内审批签发；全国范围内可异地申办",
        fees=[_fee("往来港澳通行证（电子）", "每证60元", EXIT_FEE_BASIS, 6000),
              _fee("往来港澳签注（一次有效）", "每件15元", EXIT_FEE_BASIS, 1500)],
        cats=["P-T14", "P-L07"],
        materials=[_id(), _photo("", note="出入境窗口现场免费采集"),
                   _mat("未成年人监护关系证明", required=False, necessity="未满16周岁申请人提供出生医学证明或户口簿")],
        steps=_promised(7, "出入境管理窗口民警", "市公安局出入境管理支队", "市公安局出入境管理支队",
                        "审核申请人身份及出境条件", "制证后窗口领取或邮寄送达", decide_desc="签发通行证及签注"),
        results=[_res("往来港澳通行证", "licence", "成年人10年；未满16周岁5年")],
        faqs=_faqs(("签注用完了要回户籍地办吗？", "不需要，可在全国任一出入境窗口或自助签注机办理再次签注。"),),
    ),
    _matter(
        "000101006000", "public_security", ["city"], "普通护照签发", "01",
        "《中华人民共和国护照法》第五条、第六条；《中华人民共和国出境入境管理法》第九条",
        "中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国，且无不予签发情形的。",
        levels="3,4", legal=15, promised=7, visits=1, depth=3, express=True, pay=True, scope="national",
        note="《护照法》规定自收到申请材料之日起15日（自然日）内签发，偏远地区可延长至30日",
        fees=[_fee("普通护照", "每本120元", EXIT_FEE_BASIS, 12000)],
        cats=["P-T14", "P-L07"],
        materials=[_id(), _photo("", note="现场免费采集"),
                   _mat("国家工作人员出国（境）审批意见", required=False, necessity="登记备案的国家工作人员提供")],
        steps=_promised(7, "出入境管理窗口民警", "市公安局出入境管理支队", "市公安局出入境管理支队",
                        "审核申请人身份及出境条件", "制证后窗口领取或邮寄送达", decide_desc="签发普通护照"),
        results=[_res("中华人民共和国普通护照", "licence", "未满16周岁5年；16周岁以上10年")],
    ),
    # == 民政：婚姻、收养、社会救助、老年人和残疾人福利、殡葬 ==========================================
    _matter(
        "000107011000", "civil_affairs", ["district"], "内地居民结婚登记", "07",
        "《中华人民共和国民法典》第一千零四十六条、第一千零四十七条、第一千零四十九条；"
        "《婚姻登记条例》（2025年国务院令第804号修订）",
        "男女双方完全自愿；男不早于二十二周岁、女不早于二十周岁；双方均无配偶；"
        "不属于直系血亲或三代以内旁系血亲。双方须亲自到婚姻登记机关共同申请。",
        kind=1, visits=1, depth=3, scope="national",
        note="符合条件的当场登记；婚姻登记不收取费用，实行“全国通办”",
        cats=["P-T05", "P-L04"],
        materials=[
            _id("男女双方"),
            _mat("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明",
                 notes="在婚姻登记员面前现场签署"),
            _mat("近期2寸半身免冠红底双人合影照片", copies=3, paper="", notes="可在登记处现场拍摄"),
        ],
        steps=_instant("婚姻登记员", "询问当事人结婚意愿，查验证件和声明，核对全国婚姻登记信息",
                       "当事人在登记审查处理表上签名，颁发结婚证，可选择颁证仪式"),
        results=[_res("结婚证", "licence", "长期")],
        faqs=_faqs(("结婚登记还要带户口簿吗？", "自2025年5月10日起不再需要户口簿，凭双方居民身份证即可在全国任一婚姻登记机关办理。"),
                   ("可以网上预约吗？", "可以通过湖南政务服务网或“湘易办”预约登记日期和颁证服务。")),
    ),
    _matter(
        "000107012000", "civil_affairs", ["district"], "内地居民离婚登记", "07",
        "《中华人民共和国民法典》第一千零七十六条、第一千零七十七条、第一千零七十八条；"
        "《婚姻登记条例》（2025年国务院令第804号修订）",
        "双方自愿离婚，对子女抚养、财产以及债务处理等事项协商一致并签订书面离婚协议；"
        "双方均具有完全民事行为能力，且在内地登记结婚。双方须亲自到场。",
        kind=1, visits=2, depth=3, scope="national",
        note="提交申请后30日为离婚冷静期（民法典第一千零七十七条），不计入办理时限；"
             "届满后30日内双方亲自到场申请发给离婚证，符合条件的当场办结",
        cats=["P-T05"],
        materials=[_id("男女双方"), _gov("结婚证", "婚姻登记机关"),
                   _mat("离婚协议书", copies=3, notes="载明双方自愿离婚的意思表示及子女抚养、财产、债务处理等协商一致的意见")],
        steps=[
            _step("申请", "男女双方", "共同到婚姻登记机关提交离婚登记申请，领取《离婚登记申请受理回执单》"),
            _step("冷静期", "男女双方", "自受理之日起30日内任何一方不愿离婚的，可撤回申请"),
            _step("审查", "婚姻登记员", "冷静期届满后30日内双方亲自到场，查验证件和离婚协议，询问离婚意愿", 0),
            _step("登记", "婚姻登记员", "符合条件的予以登记，发给离婚证", 0),
        ],
        results=[_res("离婚证", "licence", "长期")],
        faqs=_faqs(("冷静期内可以撤回吗？", "可以。冷静期内任何一方不愿意离婚的，可持本人身份证和回执单向婚姻登记机关撤回申请。"),
                   ("冷静期满后没去领证会怎样？", "届满后30日内双方未共同到场申请发给离婚证的，视为撤回离婚登记申请。")),
    ),
    _matter(
        "000107013000", "civil_affairs", ["district"], "补领婚姻登记证", "07",
        "《婚姻登记条例》（2025年国务院令第804号修订）；《婚姻登记工作规范》",
        "结婚证、离婚证遗失或者损毁的当事人，婚姻登记档案或信息系统中有登记记录的。",
        kind=1, visits=1, depth=3, scope="national",
        note="查档核实后当场补发；不收取费用",
        cats=["P-T05"],
        materials=[_id(), _photo("2寸", copies=2, note="补领结婚证的提供双人合影，补领离婚证的提供本人照片"),
                   _mat("婚姻登记档案证明", required=False, source="exempt",
                        source_note="由婚姻登记机关通过全国婚姻登记信息系统核查", necessity="系统无记录时由原登记机关出具")],
        steps=_instant("婚姻登记员", "查询婚姻登记档案，核实原登记事实", "补发婚姻登记证"),
        results=[_res("结婚证（补发）或离婚证（补发）", "licence", "长期")],
    ),
    _matter(
        "000107014000", "civil_affairs", ["city", "district"], "收养登记", "07",
        "《中华人民共和国民法典》第一千零九十三条至第一千零一百零五条；《中国公民收养子女登记办法》",
        "收养人无子女或只有一名子女，有抚养、教育和保护被收养人的能力，未患有医学上认为不应当收养子女的疾病，"
        "无不利于被收养人健康成长的违法犯罪记录，年满三十周岁；被收养人为丧失父母的孤儿、查找不到生父母的未成年人"
        "或生父母有特殊困难无力抚养的子女。",
        legal=30, promised=20, visits=2, depth=3,
        note="登记机关自次日起30日（自然日）内审查；公告查找生父母的期间不计入",
        cats=["P-T01", "P-L05"],
        materials=[_id("收养人"), _table("收养登记申请书"),
                   _mat("收养人婚姻状况证明及年龄、子女情况的书面承诺"),
                   _gov("收养人身体健康检查证明", "县级以上医疗机构", source_note="由县级以上医疗机构出具"),
                   _mat("被收养人出生医学证明或查找不到生父母的证明", "both"),
                   _mat("送养人同意送养的书面意见或社会福利机构送养证明", "original")],
        steps=_promised(20, "收养登记员", "民政部门收养登记机关", "民政部门收养登记机关",
                        "收养评估，审查收养人、送养人和被收养人条件", "颁发收养登记证",
                        decide_desc="对符合条件的予以登记，不符合的书面说明理由"),
        results=[_res("收养登记证", "licence", "长期")],
        faqs=_faqs(("收养社会福利机构抚养的儿童在哪里登记？", "在社会福利机构所在地的设区的市级民政部门登记；其他情形在被收养人生父母或监护人常住户口所在地县级民政部门登记。"),),
    ),
    _matter(
        "000105001000", "civil_affairs", ["district"], "最低生活保障审核确认", "05",
        f"{SOCIAL_AID}第九条、第十一条；《民政部关于印发〈最低生活保障审核确认办法〉的通知》（民发〔2021〕57号）",
        "共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合当地规定的本市户籍家庭；"
        "申请人可向户籍所在地或经常居住地乡镇人民政府（街道办事处）提出书面申请。",
        levels="4,5", legal=30, promised=20, visits=1, depth=4,
        note="自受理申请之日起30个工作日内完成审核确认，特殊情况可延长至45个工作日；公示期不计入",
        cats=["P-T06"],
        materials=[_id("申请人及共同生活家庭成员"), _hukou(),
                   _table("最低生活保障申请书"),
                   _mat("家庭经济状况核对授权书", notes="全体共同生活家庭成员签字，授权核对收入、存款、车辆、房产等信息"),
                   _mat("家庭收入和财产状况的书面声明"),
                   _mat("残疾人证、病历等特殊情况证明", "copy", required=False, necessity="有残疾、重病成员的提供")],
        steps=_benefit(20, "乡镇人民政府（街道办事处）社会救助窗口", "乡镇人民政府（街道办事处）",
                       "县级民政部门", "开展家庭经济状况调查和信息核对，入户调查，张榜公示",
                       "批准的发放低保金，按月打入“一卡通”账户",
                       decide_desc="县级民政部门审核确认，不予批准的书面说明理由"),
        results=[_res("最低生活保障审批决定", "approval"), _res("最低生活保障金（按月发放）", "other")],
        faqs=_faqs(("能在居住地而不是户籍地申请低保吗？", "可以。申请人可向经常居住地乡镇（街道）提出申请，具体按本省低保审核确认实施细则执行。"),),
    ),
    _matter(
        "000105002000", "civil_affairs", ["district"], "特困人员救助供养审核确认", "05",
        f"{SOCIAL_AID}第十四条至第十九条；《民政部关于印发〈特困人员认定办法〉的通知》（民发〔2021〕43号）",
        "无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或者其法定义务人无履行义务能力的"
        "老年人、残疾人以及未满十八周岁的未成年人。",
        levels="4,5", legal=None, promised=20, visits=1, depth=4,
        note="《特困人员认定办法》分别规定乡镇初审和县级审核确认时限，本市承诺20个工作日；公示期不计入",
        cats=["P-T06"],
        materials=[_id(), _hukou(), _table("特困人员救助供养申请书"),
                   _mat("家庭经济状况核对授权书"),
                   _mat("残疾人证或失能评估结论", "copy", required=False, necessity="以残疾或失能为条件申请的提供")],
        steps=_benefit(20, "乡镇人民政府（街道办事处）社会救助窗口", "乡镇人民政府（街道办事处）",
                       "县级民政部门", "调查核实收入、财产及法定义务人情况，评估生活自理能力，公示",
                       "发放《特困人员救助供养证》，按月发放基本生活费，按需安排集中或分散供养"),
        results=[_res("特困人员救助供养证", "licence")],
    ),
    _matter(
        "000105003000", "civil_affairs", ["district"], "临时救助", "05",
        f"{SOCIAL_AID}第四十七条至第五十条；《民政部 财政部关于进一步加强和改进临时救助工作的意见》（民发〔2018〕23号）",
        "因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人；"
        "因生活必需支出突然增加超出家庭承受能力，导致基本生活暂时出现严重困难的低收入家庭。",
        levels="4,5", legal=None, promised=10, visits=1, depth=4,
        note="法规未规定办结时限；急难型救助实行“先行救助”，事后补齐手续",
        cats=["P-T06"],
        materials=[_id(), _table("临时救助申请书"),
                   _mat("遭遇困难的相关证明（医疗费用票据、事故证明等）", "copy", rongque=True),
                   _mat("家庭经济状况核对授权书")],
        steps=_benefit(10, "乡镇人民政府（街道办事处）社会救助窗口", "乡镇人民政府（街道办事处）",
                       "县级民政部门（或经授权的乡镇人民政府）", "核实困难情形和家庭经济状况",
                       "发放临时救助金或实物"),
        results=[_res("临时救助决定", "approval")],
        faqs=_faqs(("非本地户籍的人能申请临时救助吗？", "可以。对遭遇急难的非本地户籍人员，由急难发生地乡镇（街道）或县级民政部门直接受理。"),),
    ),
    _matter(
        "000105004000", "civil_affairs", ["district"], "高龄津贴发放", "05",
        "《中华人民共和国老年人权益保障法》第三十三条",
        "具有本市户籍、年满八十周岁的老年人（具体年龄段和发放标准按本市规定执行）。",
        levels="4,5", legal=None, promised=15, visits=0, depth=5, scope="city",
        note="法规未规定办结时限；符合条件的自审核通过的次月起发放",
        cats=["P-T06", "P-L09"],
        materials=[_id("老年人"), _mat("本人社会保障卡或银行账户信息", "copy", notes="用于按月发放津贴"),
                   _table("高龄津贴申请表")],
        steps=_benefit(15, "乡镇人民政府（街道办事处）", "乡镇人民政府（街道办事处）", "县级民政部门",
                       "核对户籍、年龄信息，确认是否重复享受", "纳入发放名册，按月发放至社会保障卡"),
        results=[_res("高龄津贴（按月发放）", "other")],
        faqs=_faqs(("高龄津贴要每年认证吗？", "按规定定期核对生存状态，多数可通过人脸识别或数据比对完成，无需到现场。"),),
    ),
    _matter(
        "000105005000", "civil_affairs", ["district"], "困难残疾人生活补贴和重度残疾人护理补贴", "05",
        "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）；"
        "《中华人民共和国残疾人保障法》第四十八条",
        "持有第三代《中华人民共和国残疾人证》的本市户籍残疾人：低保家庭中的残疾人可申请生活补贴；"
        "残疾等级为一级、二级且需要长期照护的重度残疾人可申请护理补贴。",
        levels="4,5", legal=None, promised=20, visits=0, depth=5, scope="cross_province",
        note="法规未规定办结时限；审核通过的自受理申请次月起发放",
        cats=["P-T18", "P-T06"],
        materials=[_id(), _shared("中华人民共和国残疾人证", "全国残疾人人口基础数据库"),
                   _table("残疾人两项补贴申请审批表"), _mat("社会保障卡或银行账户信息", "copy")],
        steps=_benefit(20, "乡镇人民政府（街道办事处）", "县级残疾人联合会", "县级民政部门",
                       "乡镇初审，县残联审核残疾人证等级信息", "纳入发放名册，按月发放"),
        results=[_res("两项补贴审批结果", "approval")],
        faqs=_faqs(("两项补贴可以跨省申请吗？", "残疾人两项补贴申领已纳入“跨省通办”，可在全国残疾人两项补贴信息系统或当地政务平台网上申请。"),),
    ),
    _matter(
        "000120003000", "civil_affairs", ["city", "district"], "遗体火化", "20",
        "《殡葬管理条例》第四条；《民政部等16部门关于进一步推动殡葬改革促进殡葬事业发展的指导意见》（民发〔2018〕5号）",
        "在本市火葬区内死亡的公民；持死亡证明，由家属或其委托人办理。",
        kind=1, visits=1, depth=3, appt=True,
        note="殡仪馆按预约时间当日火化",
        fees=[_fee("遗体火化费", "按本市价格主管部门核定的基本殡葬服务收费标准",
                   "《殡葬管理条例》；本市价格主管部门核定的基本殡葬服务收费标准", None,
                   "本市户籍居民享受基本殡葬服务费用减免")],
        cats=["P-T13", "P-L10"],
        materials=[_gov("居民死亡医学证明（推断）书", "医疗卫生机构",
                        source_note="医疗卫生机构出具；非正常死亡的由公安机关出具死亡证明"),
                   _mat("死者居民身份证或居民户口簿", paper=""), _id("经办人")],
        steps=_instant("殡仪馆业务窗口", "查验死亡证明和身份信息，登记遗体接运、火化信息",
                       "火化后出具火化证明，交付骨灰"),
        results=[_res("火化证明", "other")],
        faqs=_faqs(("火化证明有什么用？", "办理户口注销、丧葬补助金和抚恤金申领、不动产继承等需要使用，已共享的部门不再要求提供。"),),
    ),
    _matter(
        "000105006000", "civil_affairs", ["district"], "基本殡葬服务费用减免", "05",
        "《民政部 发展改革委 财政部等关于全面推行惠民殡葬政策的指导意见》（民发〔2012〕211号）；《殡葬管理条例》第四条",
        "本市户籍居民（及在本市死亡的城乡低保对象、特困人员等困难群众）去世后在本市殡仪馆实行火葬的。",
        kind=1, visits=0, depth=4,
        note="在殡仪馆结算时直接减免，无需另行申请",
        cats=["P-T13", "P-L10"],
        materials=[_shared("火化证明", "殡葬管理信息系统"), _id("经办人")],
        steps=_instant("殡仪馆业务窗口", "核对逝者户籍和困难群众身份", "结算时直接减免遗体接运、暂存、火化、骨灰寄存等基本殡葬服务费用"),
        results=[_res("基本殡葬服务费用减免结算单", "other")],
    ),
    # == 司法 ================================================================================
    _matter(
        "000105007000", "justice", ["city", "district"], "法律援助申请", "05",
        "《中华人民共和国法律援助法》第二十四条、第三十一条、第三十八条、第四十一条、第四十二条、第四十三条",
        "因经济困难没有委托代理人，且申请事项属于法律援助法第三十一条规定范围（如请求给予社会保险待遇、"
        "请求支付劳动报酬、请求给付赡养费抚养费扶养费、请求工伤事故人身损害赔偿等）的公民；"
        "刑事案件犯罪嫌疑人、被告人因经济困难或其他原因没有委托辩护人的。",
        legal=7, promised=5, visits=1, depth=4, scope="city",
        note="法律援助机构应当自收到申请之日起7日（自然日）内作出决定；"
             "低保、特困等人员免予核查经济困难状况",
        cats=["P-T06", "P-T15"],
        materials=[_id(), _table("法律援助申请表"),
                   _mat("经济困难状况说明表", notes="个人诚信承诺，法律援助机构通过信息共享核查"),
                   _mat("与所申请法律援助事项有关的证明材料", "copy")],
        steps=_promised(5, "法律援助中心窗口", "法律援助中心", "法律援助中心",
                        "审查申请事项是否属于法律援助范围，核查经济困难状况",
                        "指派律师、基层法律服务工作者或法律援助志愿者提供法律援助",
                        decide_desc="作出给予或不给予法律援助的决定，不给予的书面告知理由"),
        results=[_res("给予法律援助决定书", "approval"), _res("不予法律援助决定书", "approval")],
        faqs=_faqs(("农民工讨薪可以申请法律援助吗？", "可以。农民工请求支付劳动报酬或工伤赔偿的，免予核查经济困难状况。"),),
    ),
    # == 人力资源和社会保障：社保卡、养老、就业、失业、工伤、仲裁 ====================================
    _matter(
        "000120004000", "hrss", ["city", "district"], "社会保障卡申领", "20",
        "《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》（人社部发〔2011〕47号）",
        "参加社会保险或需要享受人力资源社会保障公共服务的人员（含新生儿、在校学生、外籍参保人员），"
        "未持有本市有效社会保障卡的。",
        kind=1, visits=0, depth=5, express=True, scope="cross_province",
        note="在社保卡服务网点即时制卡，当场领取；线上申领的邮寄送达",
        cats=["P-T06", "P-T14", "P-L01"],
        materials=[_id(note="未成年人可使用户口簿或出生医学证明"),
                   _photo("", note="可使用公安人像库照片或现场拍摄"),
                   _proxy()],
        steps=_instant("社会保障卡服务网点（合作银行）", "核验身份信息和参保信息，采集照片",
                       "即时制卡并启用社会保障卡金融功能，当场发卡"),
        results=[_res("中华人民共和国社会保障卡（第三代）", "licence", "10年")],
        faqs=_faqs(("新生儿怎么办社保卡？", "可通过“新生儿出生一件事”与出生登记、医保参保一并申请，制卡后邮寄到家。"),
                   ("电子社保卡和实体卡有什么区别？", "电子社保卡与实体卡一一对应，可在线查询、缴费和医保结算，二者具有同等效力。")),
    ),
    _matter(
        "000120005000", "hrss", ["city", "district"], "社会保障卡补领、换领", "20",
        "《社会保障卡管理办法》（人社部发〔2011〕47号）",
        "社会保障卡遗失、损坏或有效期满、个人信息变更需要补换的持卡人。",
        kind=1, visits=1, depth=5, express=True, scope="cross_province",
        note="网点即时制卡的当场办结",
        cats=["P-T06", "P-T14"],
        materials=[_id(), _mat("原社会保障卡", required=False, necessity="损坏或到期换领的交回原卡", paper="")],
        steps=_instant("社会保障卡服务网点（合作银行）", "办理原卡挂失或注销，核验身份", "即时制发新卡"),
        results=[_res("中华人民共和国社会保障卡（补换）", "licence", "10年")],
    ),
    _matter(
        "000107015000", "hrss", ["city", "district"], "职工正常退休（职）申请", "07",
        "《中华人民共和国社会保险法》第十六条；《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》；"
        "《国务院关于工人退休、退职的暂行办法》（国发〔1978〕104号）",
        "参加职工基本养老保险，达到法定退休年龄（按渐进式延迟法定退休年龄规定确定），"
        "且累计缴费年限达到规定最低缴费年限的职工。",
        legal=None, promised=15, visits=0, depth=4, objects=("1", "2"),
        note="法规未规定办结时限；可提前一个月申请，本市承诺15个工作日",
        cats=["P-T06", "P-L09"],
        materials=[_id(), _mat("职工档案（企业职工由用人单位或档案保管机构提供）", "original"),
                   _table("职工退休审批表")],
        steps=_promised(15, "社会保险经办机构窗口", "人力资源社会保障部门", "人力资源社会保障部门",
                        "审核出生时间、参加工作时间、缴费年限和视同缴费年限", "出具退休审批结果并推送养老待遇核定",
                        decide_desc="作出退休审批意见"),
        results=[_res("职工退休审批表（审批意见）", "approval")],
        faqs=_faqs(("出生日期以什么为准？", "以本人档案最先记载的出生时间为准；身份证与档案不一致的，以档案为准。"),),
    ),
    _matter(
        "000105008000", "hrss", ["city", "district"], "职工基本养老保险待遇申领", "05",
        "《中华人民共和国社会保险法》第十六条；《国务院关于完善企业职工基本养老保险制度的决定》（国发〔2005〕38号）",
        "已办理退休审批、达到按月领取基本养老金条件的职工基本养老保险参保人员。",
        legal=None, promised=10, visits=0, depth=5, scope="city",
        note="法规未规定办结时限；待遇自退休审批次月起计发",
        cats=["P-T06", "P-L09"],
        materials=[_id(), _shared("职工退休审批结果", "人社业务系统"),
                   _mat("社会保障卡或银行账户信息", "copy", notes="用于按月发放养老金")],
        steps=_benefit(10, "社会保险经办机构", "社会保险经办机构", "社会保险经办机构",
                       "核定基础养老金、个人账户养老金和过渡性养老金", "按月发放基本养老金"),
        results=[_res("基本养老金待遇核定表", "other")],
    ),
    _matter(
        "000120006000", "hrss", ["city", "district"], "城乡居民基本养老保险参保登记", "20",
        "《中华人民共和国社会保险法》第二十条、第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》"
        "（国发〔2014〕8号）",
        "年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的城乡居民，"
        "可在户籍地参保。",
        kind=1, visits=0, depth=5, levels="3,4,5",
        cats=["P-T06"],
        materials=[_id(), _table("城乡居民基本养老保险参保登记表")],
        steps=_instant("社会保险经办机构（乡镇社保服务站代办）", "核验身份并查重，确认未参加职工基本养老保险",
                       "完成参保登记，选择缴费档次"),
        results=[_res("城乡居民基本养老保险参保登记信息", "other")],
    ),
    _matter(
        "000105009000", "hrss", ["city", "district"], "城乡居民基本养老保险待遇申领", "05",
        "《中华人民共和国社会保险法》第二十一条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
        "参加城乡居民基本养老保险、年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇的参保人。",
        legal=None, promised=10, visits=0, depth=5, levels="3,4,5",
        note="法规未规定办结时限；待遇自符合条件的次月起发放",
        cats=["P-T06", "P-L09"],
        materials=[_id(), _table("城乡居民基本养老保险待遇领取申请表"), _mat("社会保障卡", paper="")],
        steps=_benefit(10, "乡镇社保服务站", "社会保险经办机构", "社会保险经办机构",
                       "核对参保缴费年限，核定基础养老金和个人账户养老金", "按月发放养老金"),
        results=[_res("城乡居民基本养老保险待遇核定表", "other")],
    ),
    _matter(
        "000120007000", "hrss", ["city", "district"], "个人权益记录查询打印", "20",
        "《中华人民共和国社会保险法》第四条、第七十四条；《社会保险个人权益记录管理办法》（人力资源社会保障部令第14号）",
        "参保人员本人或委托代理人查询、打印本人社会保险参保缴费和待遇享受记录。",
        kind=1, visits=0, depth=5, scope="national",
        cats=["P-T06"],
        materials=[_id(), _proxy()],
        steps=_instant("社会保险经办机构或自助终端", "核验查询人身份", "出具带电子印章和验证码的参保证明或权益单"),
        results=[_res("社会保险个人权益记录（参保缴费证明）", "other")],
        faqs=_faqs(("网上打印的参保证明有效吗？", "有效。网上打印的证明加盖电子印章并附验证码，可扫码或在线验真。"),),
    ),
    _matter(
        "000120008000", "hrss", ["city", "district"], "城镇职工基本养老保险关系转移接续", "20",
        "《中华人民共和国社会保险法》第十九条；《国务院办公厅关于转发人力资源社会保障部 财政部城镇企业职工"
        "基本养老保险关系转移接续暂行办法的通知》（国办发〔2009〕66号）",
        "跨省、市流动就业并在新就业地参保的职工基本养老保险参保人员。",
        legal=45, promised=30, visits=0, depth=5, scope="cross_province",
        note="转入地、转出地经办机构各在15个工作日内完成相应手续，合计不超过45个工作日",
        cats=["P-T06", "P-L03"],
        materials=[_id(), _table("基本养老保险关系转移接续申请表", required=False,
                                 necessity="通过国家社会保险公共服务平台线上申请的免填")],
        steps=_promised(30, "转入地社会保险经办机构", "转入地社会保险经办机构", "转出地社会保险经办机构",
                        "审核转移接续申请，向转出地发出联系函", "转移基金并合并计算缴费年限",
                        decide_desc="转出地出具参保缴费凭证并转移基金"),
        results=[_res("基本养老保险关系转移接续完成通知", "other")],
    ),
    _matter(
        "000105010000", "hrss", ["city", "district"], "丧葬补助金、抚恤金申领", "05",
        "《中华人民共和国社会保险法》第十七条；《人力资源社会保障部 财政部关于企业职工基本养老保险遗属待遇"
        "有关问题的通知》（人社部发〔2021〕18号）",
        "参加基本养老保险的个人因病或者非因工死亡的，其遗属可以申领丧葬补助金和抚恤金，"
        "并可继承个人账户余额。",
        legal=None, promised=10, visits=0, depth=4, scope="city",
        note="法规未规定办结时限；可通过“身后一件事”一并申请",
        cats=["P-T06", "P-T13", "P-L10"],
        materials=[_id("申领人"), _shared("死亡证明或户口注销证明", "公安、卫生健康部门"),
                   _mat("申领人与死者的亲属关系证明", "copy", notes="户口簿、结婚证、出生医学证明等，可共享核验的免提交"),
                   _mat("申领人银行账户信息", "copy")],
        steps=_benefit(10, "社会保险经办机构", "社会保险经办机构", "社会保险经办机构",
                       "核实死亡信息、停发养老金并清算，核定丧葬补助金、抚恤金和个人账户余额", "发放至申领人账户"),
        results=[_res("丧葬补助金、抚恤金核定通知", "other")],
        faqs=_faqs(("死亡后多领的养老金怎么处理？", "经办机构核实死亡日期后停发，多发的养老金从遗属待遇中抵扣。"),),
    ),
    _matter(
        "000120009000", "hrss", ["district"], "失业登记", "20",
        "《中华人民共和国就业促进法》第五十二条；《就业服务与就业管理规定》（劳动和社会保障部令第28号）",
        "法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者，可在常住地进行失业登记。",
        kind=1, visits=0, depth=5, levels="4,5", scope="city",
        cats=["P-T04", "P-L03"],
        materials=[_id(), _mat("终止或解除劳动关系证明", "copy", required=False, necessity="有就业经历的提供；可通过就业登记信息共享核验")],
        steps=_instant("公共就业服务机构（乡镇街道劳动保障站）", "核实就业状态", "完成失业登记，提供职业指导和职业介绍服务"),
        results=[_res("失业登记信息（就业创业证记载）", "other")],
    ),
    _matter(
        "000105011000", "hrss", ["city", "district"], "失业保险金申领", "05",
        "《中华人民共和国社会保险法》第四十五条、第五十条；《失业保险条例》第十四条、第十六条",
        "失业前用人单位和本人已经缴纳失业保险费满一年，非因本人意愿中断就业，已经进行失业登记并有求职要求的失业人员。",
        legal=None, promised=5, visits=0, depth=5, scope="cross_province",
        note="法规未规定办结时限；自办理失业登记之日起计算领取期限",
        cats=["P-T04", "P-T06"],
        materials=[_id(), _shared("终止或解除劳动关系证明", "劳动用工备案信息"),
                   _mat("社会保障卡或银行账户信息", "copy")],
        steps=_benefit(5, "社会保险经办机构", "社会保险经办机构", "社会保险经办机构",
                       "核定缴费年限、领取期限和发放标准", "按月发放失业保险金，同时代缴基本医疗保险费"),
        results=[_res("失业保险待遇核定通知", "other")],
        faqs=_faqs(("主动辞职能领失业金吗？", "不能。须是非因本人意愿中断就业，如劳动合同期满终止、被用人单位解除等。"),),
    ),
    _matter(
        "000107016000", "hrss", ["district"], "就业困难人员认定", "07",
        "《中华人民共和国就业促进法》第五十二条、第五十三条",
        "在法定劳动年龄内、有劳动能力和就业愿望、已进行失业登记，且属于大龄失业人员、残疾人、"
        "低保家庭成员、连续失业一年以上等本省规定范围的人员。",
        legal=None, promised=7, visits=0, depth=5, levels="4,5",
        note="法规未规定办结时限；本市承诺7个工作日，需公示的公示期不计入",
        cats=["P-T04"],
        materials=[_id(), _table("就业困难人员认定申请表"),
                   _mat("属于就业困难人员类别的证明材料", "copy", notes="低保、残疾等可共享核验的免提交")],
        steps=_promised(7, "乡镇街道劳动保障站", "县级公共就业服务机构", "县级人力资源社会保障部门",
                        "核实失业登记信息和困难类别", "记入就业创业证，落实就业援助和社保补贴等政策",
                        decide_desc="作出认定或不予认定的决定"),
        results=[_res("就业困难人员认定结果", "other")],
    ),
    _matter(
        "000120010000", "hrss", ["city", "district"], "创业担保贷款申请", "20",
        "《中华人民共和国就业促进法》第七条；《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款"
        "贴息力度全力支持重点群体创业就业的通知》（财金〔2020〕21号）",
        "符合条件的城镇登记失业人员、就业困难人员、返乡创业农民工、高校毕业生、退役军人等重点群体，"
        "在本市创业并取得营业执照，除助学贷款等外无其他商业贷款记录的个人。",
        legal=None, promised=15, visits=1, depth=4, objects=("1",),
        note="法规未规定办结时限；人社部门资格审核5个工作日，担保和银行审批按合同约定",
        cats=["P-T04"],
        materials=[_id(), _table("创业担保贷款申请表"),
                   _shared("营业执照", "市场主体登记信息"),
                   _mat("重点群体身份证明", "copy", notes="失业登记、退役证、毕业证等，可共享核验的免提交"),
                   _mat("创业项目计划书")],
        steps=_benefit(15, "县级创业担保贷款经办窗口", "人力资源社会保障部门、担保机构", "经办银行",
                       "审核申请人资格，担保机构和经办银行调查评估", "签订贷款合同并发放贷款，按规定贴息",
                       decide_desc="经办银行作出放贷决定"),
        results=[_res("创业担保贷款合同", "other")],
    ),
    _matter(
        "000107017000", "hrss", ["city", "district"], "工伤认定申请", "07",
        "《工伤保险条例》第十四条、第十五条、第十七条、第十八条、第二十条",
        "职工发生事故伤害或者被诊断、鉴定为职业病，用人单位自事故伤害发生之日起30日内、"
        "职工或其近亲属、工会组织自事故伤害发生之日起1年内提出工伤认定申请。",
        legal=60, promised=30, visits=1, depth=4, objects=("1", "2"),
        note="《工伤保险条例》规定自受理之日起60日（自然日）内作出决定；事实清楚、权利义务明确的15日内作出",
        cats=["P-T06", "P-L03"],
        materials=[_table("工伤认定申请表"), _mat("与用人单位存在劳动关系（包括事实劳动关系）的证明材料", "copy"),
                   _mat("医疗诊断证明或者职业病诊断证明书（职业病诊断鉴定书）", "copy"),
                   _mat("事故证明、证人证言等", "copy", required=False, necessity="上下班途中交通事故等情形提供交通事故认定书")],
        steps=_promised(30, "人力资源社会保障部门工伤认定窗口", "工伤保险科", "人力资源社会保障部门",
                        "核实事故经过，必要时调查取证", "送达认定决定书",
                        decide_desc="作出认定工伤或视同工伤、不予认定工伤的决定"),
        results=[_res("认定工伤决定书", "approval"), _res("不予认定工伤决定书", "approval")],
        faqs=_faqs(("单位不申请工伤认定怎么办？", "职工本人或其近亲属、工会组织可在事故伤害发生之日起1年内直接申请。"),),
    ),
    _matter(
        "000120011000", "hrss", ["city", "district"], "劳动人事争议仲裁申请", "20",
        "《中华人民共和国劳动争议调解仲裁法》第二条、第二十七条、第二十八条、第二十九条、第四十三条",
        "与用人单位发生劳动人事争议，自知道或者应当知道其权利被侵害之日起一年内申请仲裁；"
        "属于本仲裁委员会管辖范围的劳动者或用人单位。",
        legal=45, promised=45, visits=2, depth=4, objects=("1", "2"),
        note="仲裁委员会收到申请后5日内决定是否受理；自受理之日起45日（自然日）内结案，经批准可延长不超过15日",
        cats=["P-T04", "P-L03"],
        materials=[_id(), _mat("仲裁申请书", copies=2, notes="按被申请人人数提交副本"),
                   _mat("被申请人（用人单位）主体信息", "copy", source="exempt", source_note="可通过企业信用信息共享获取"),
                   _mat("证据材料及证据清单", "copy")],
        steps=_promised(45, "劳动人事争议仲裁院立案窗口", "仲裁庭", "仲裁庭",
                        "送达、答辩、调解、开庭审理", "送达调解书或裁决书",
                        decide_desc="作出仲裁裁决或制作调解书", names=("立案", "审理", "裁决", "送达")),
        results=[_res("仲裁调解书", "other"), _res("仲裁裁决书", "other")],
        faqs=_faqs(("申请劳动仲裁收费吗？", "不收费，仲裁经费由财政予以保障。"),),
    ),
    _matter(
        "000120012000", "hrss", ["city", "district"], "领取养老金人员待遇资格认证", "20",
        "《中华人民共和国社会保险法》第十六条、第二十一条；《社会保险经办条例》（国务院令第765号）",
        "按月领取基本养老保险待遇的人员，每年通过数据比对或本人认证确认待遇领取资格。",
        kind=1, visits=0, depth=5, scope="national",
        note="大数据比对无法确认的，可通过“湘易办”或电子社保卡人脸识别自助认证",
        cats=["P-T06", "P-L09"],
        materials=[_id(note="使用人脸识别认证的无需提交")],
        steps=_instant("社会保险经办机构", "通过大数据比对或人脸识别核验生存状态", "确认本年度待遇领取资格"),
        results=[_res("待遇领取资格认证结果", "other")],
        faqs=_faqs(("长期居住在外地的老人怎么认证？", "可在手机上通过电子社保卡或国家社会保险公共服务平台刷脸认证，无需回参保地。"),),
    ),
    # == 自然资源和规划（不动产登记中心）=========================================================
    _matter(
        "000107018000", "natural_resources", ["city", "district"], "国有建设用地使用权及房屋所有权转移登记（买卖）", "07",
        "《中华人民共和国民法典》第二百零九条、第二百一十四条；《不动产登记暂行条例》第三条、第十四条、第十六条、"
        "第二十条；《不动产登记暂行条例实施细则》",
        "已办理国有建设用地使用权及房屋所有权首次登记的存量房，因买卖导致权利发生转移，"
        "买卖双方共同申请，已签订存量房买卖合同并完成网签备案、依法缴纳相关税费。",
        legal=30, promised=3, visits=1, depth=4, pay=True, express=True, scope="city",
        objects=("1", "2"),
        note="《不动产登记暂行条例》规定30个工作日内办结；二手房转移登记与水电气网联动过户“一窗受理”",
        fees=[_fee("不动产登记费（住宅）", "每件80元", REALTY_FEE_BASIS, 8000,
                   "证书工本费首本免收；小微企业（含个体工商户）免征"),
              _fee("不动产权证书工本费", "首本免费，每增加一本10元", REALTY_FEE_BASIS, None)],
        cats=["P-T19", "P-L06"],
        materials=[_table("不动产登记申请书"), _id("买卖双方"),
                   _gov("不动产权证书", "不动产登记机构", notes="登记后收回原证"),
                   _shared("存量房买卖合同（网签备案）", "住房城乡建设部门网签备案系统"),
                   _shared("契税等税费完税信息", "税务部门"),
                   _mat("婚姻状况证明或声明", required=False, necessity="出售共有房屋或需确认共有人的提供"),
                   _proxy()],
        steps=_promised(3, "不动产登记综合受理窗口", "不动产登记中心审核人员", "不动产登记中心",
                        "查验权属状况、查封抵押情况和申请材料", "颁发不动产权证书（可同时领取电子证照）",
                        decide_desc="记载于不动产登记簿"),
        results=[_res("不动产权证书", "licence", "长期"), _res("不动产登记证明（电子）", "licence")],
        faqs=_faqs(("二手房过户可以同时办水电气网过户吗？", "可以。选择“二手房转移登记及水电气网联动过户”，一次申请，供水、供电、燃气、宽带过户同步推送办理。"),
                   ("有抵押的房子能过户吗？", "可以办理“带押过户”，在买卖双方及贷款银行同意的前提下，无需先还清贷款。")),
    ),
    _matter(
        "000107019000", "natural_resources", ["city", "district"], "国有建设用地使用权及房屋所有权转移登记（继承、受遗赠）", "07",
        "《中华人民共和国民法典》第二百三十条、第一千一百二十一条至第一千一百二十四条；《不动产登记暂行条例》第十四条；"
        "《不动产登记暂行条例实施细则》第十四条",
        "被继承人死亡，继承人或受遗赠人依法取得不动产权利，已就继承份额达成一致或有生效法律文书。",
        legal=30, promised=10, visits=1, depth=3, pay=True, express=True,
        note="需公告的（如无法确认全部继承人），公告期不计入办理时限",
        fees=[_fee("不动产登记费（住宅）", "每件80元", REALTY_FEE_BASIS, 8000)],
        cats=["P-T19", "P-T13", "P-L10"],
        materials=[_table("不动产登记申请书"), _id("全体继承人"),
                   _gov("不动产权证书", "不动产登记机构"),
                   _shared("被继承人死亡证明", "公安、卫生健康、民政部门"),
                   _mat("亲属关系证明", "copy", notes="户口簿、结婚证、出生医学证明等；可共享核验的免提交"),
                   _mat("继承权公证书、生效法律文书或全体法定继承人签署的继承协议", notes="不经公证的，须全体继承人到场签署并接受询问")],
        steps=_promised(10, "不动产登记综合受理窗口", "不动产登记中心审核人员", "不动产登记中心",
                        "核查继承关系和继承人范围，询问继承人，必要时公告", "颁发不动产权证书",
                        decide_desc="记载于不动产登记簿"),
        results=[_res("不动产权证书", "licence", "长期")],
        faqs=_faqs(("继承房产必须先办公证吗？", "不是必须。全体法定继承人可到不动产登记机构现场签署继承协议并接受询问后直接办理。"),),
    ),
    _matter(
        "000107020000", "natural_resources", ["city", "district"], "不动产抵押权首次登记", "07",
        "《中华人民共和国民法典》第三百九十四条、第三百九十五条、第四百零二条；《不动产登记暂行条例》第三条、第十四条",
        "以不动产设定抵押担保债权的，抵押人与抵押权人已签订抵押合同和主债权合同，共同申请抵押权登记。",
        legal=30, promised=3, visits=0, depth=5, pay=True, objects=("1", "2"),
        note="银行业金融机构可通过“不动产登记+金融服务”延伸网点在线申请",
        fees=[_fee("不动产登记费（住宅抵押）", "每件80元", REALTY_FEE_BASIS, 8000,
                   "申请人以个人住房贷款抵押的按规定执行；小微企业免征")],
        cats=["P-T19", "P-L06"],
        materials=[_table("不动产登记申请书"), _id("抵押人"),
                   _gov("不动产权证书", "不动产登记机构"),
                   _mat("主债权合同和抵押合同", copies=1),
                   _mat("抵押权人营业执照及授权委托书", "copy", source="exempt", source_note="金融机构信息共享")],
        steps=_promised(3, "不动产登记综合受理窗口（银行延伸点）", "不动产登记中心审核人员", "不动产登记中心",
                        "查验抵押物权属、查封情况和抵押合同", "向抵押权人发放不动产登记证明（电子证明）",
                        decide_desc="将抵押权记载于不动产登记簿"),
        results=[_res("不动产登记证明（抵押权）", "licence")],
    ),
    _matter(
        "000120013000", "natural_resources", ["city", "district"], "不动产登记资料查询", "20",
        "《不动产登记暂行条例》第二十七条；《不动产登记资料查询暂行办法》（国土资源部令第80号）",
        "权利人、利害关系人查询不动产登记簿等登记资料；权利人可查询本人名下全部不动产登记信息。",
        kind=1, visits=0, depth=5, scope="cross_city",
        cats=["P-T19"],
        materials=[_id("查询人"), _table("不动产登记资料查询申请书"),
                   _mat("利害关系证明材料", "copy", required=False, necessity="利害关系人查询的提供")],
        steps=_instant("不动产登记综合受理窗口或自助查询机", "审核查询人身份和查询目的",
                       "出具带电子签章的不动产登记资料查询结果证明"),
        results=[_res("不动产登记资料查询结果证明", "other")],
        faqs=_faqs(("可以查别人名下的房产吗？", "不能。非权利人只能以利害关系人身份按不动产具体坐落查询，不能按姓名查询他人名下全部房产。"),),
    ),
    _matter(
        "000107021000", "natural_resources", ["district"], "宅基地使用权及房屋所有权首次登记", "07",
        "《中华人民共和国民法典》第三百六十二条、第三百六十三条；《不动产登记暂行条例》第三条、第五条；"
        "《不动产登记暂行条例实施细则》第四章第三节",
        "依法取得宅基地使用权并经批准建设的农村村民住宅，房屋已竣工，符合一户一宅规定。",
        legal=30, promised=10, visits=1, depth=3, express=True,
        note="需公告的，公告期不计入办理时限",
        fees=[_fee("不动产登记费", "农村村民宅基地使用权及房屋所有权登记免收登记费，只收取证书工本费", REALTY_FEE_BASIS, None)],
        cats=["P-T19"],
        materials=[_table("不动产登记申请书"), _id(), _hukou(),
                   _gov("农村宅基地批准书或乡村建设规划许可证", "乡镇人民政府"),
                   _mat("不动产权籍调查表、宗地图、房屋平面图", notes="可由不动产登记机构组织权籍调查"),
                   _mat("农村集体经济组织成员证明", required=False, necessity="无法通过户籍信息确认成员资格的提供")],
        steps=_promised(10, "不动产登记窗口（乡镇便民服务中心代收）", "不动产登记中心审核人员", "不动产登记中心",
                        "审核审批和权籍调查成果，实地查看，公告", "颁发不动产权证书",
                        decide_desc="记载于不动产登记簿"),
        results=[_res("不动产权证书（宅基地使用权/房屋所有权）", "licence", "长期")],
    ),
    # == 住房和城乡建设 ======================================================================
    _matter(
        "000120014000", "housing", ["city", "district"], "存量房买卖合同网签备案", "20",
        "《中华人民共和国城市房地产管理法》第四十一条；《住房城乡建设部关于进一步规范和加强房屋网签备案工作的指导意见》"
        "（建房〔2018〕128号）",
        "已取得不动产权证书、无查封等限制交易情形的存量房屋，买卖双方已协商一致（可经房地产经纪机构）。",
        kind=1, visits=0, depth=5, scope="city", objects=("1", "2"),
        note="网签即时备案，与不动产转移登记信息实时共享",
        cats=["P-T19", "P-L06"],
        materials=[_id("买卖双方"), _shared("不动产权证书信息", "不动产登记信息"),
                   _mat("存量房买卖合同", "electronic", notes="使用住房城乡建设部门示范文本在线签订"),
                   _mat("资金监管协议", required=False, necessity="选择交易资金监管的提供")],
        steps=_instant("房产交易窗口或房地产经纪机构", "核验房屋权属、交易限制和双方身份", "完成合同网签并即时备案"),
        results=[_res("存量房买卖合同网签备案证明", "other")],
    ),
    _matter(
        "000105012000", "housing", ["city", "district"], "公共租赁住房保障资格申请", "05",
        "《公共租赁住房管理办法》（住房和城乡建设部令第11号）第二章；《国务院关于解决城市低收入家庭住房困难的若干意见》"
        "（国发〔2007〕24号）",
        "在本市无房或住房面积低于规定标准，收入、财产低于规定标准的城镇住房困难家庭；"
        "以及在本市稳定就业的新就业无房职工、外来务工人员（具体条件按本市公布的标准执行）。",
        legal=None, promised=20, visits=1, depth=4, express=False,
        note="规章未规定办结时限；本市承诺20个工作日，公示期不计入",
        cats=["P-T08"],
        materials=[_id("申请人及共同申请家庭成员"), _table("公共租赁住房申请表"),
                   _mat("家庭收入、财产和住房状况声明及核对授权书"),
                   _mat("在本市稳定就业证明（劳动合同、社保缴费证明）", "copy", required=False,
                        necessity="新就业无房职工和外来务工人员提供")],
        steps=_benefit(20, "街道（乡镇）住房保障窗口", "区县住房保障部门", "市住房保障部门",
                       "核查住房、收入、财产状况，公示", "登记轮候，按轮候顺序配租",
                       decide_desc="作出予以登记或不予登记的决定，不予的书面说明理由"),
        results=[_res("公共租赁住房保障资格确认通知", "approval")],
    ),
    # == 交通运输 ============================================================================
    _matter(
        "000110001000", "transport", ["city"], "出租汽车驾驶员从业资格证核发", "10",
        "《中华人民共和国道路运输条例》；《出租汽车驾驶员从业资格管理规定》（交通运输部令）；"
        "《巡游出租汽车经营服务管理规定》",
        "取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；无交通肇事犯罪、危险驾驶犯罪记录，"
        "无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录；无暴力犯罪记录；"
        "已通过出租汽车驾驶员从业资格全国公共科目和区域科目考试。",
        legal=10, promised=5, visits=1, depth=4, levels="3", express=True,
        note="考试合格后，自公布考试成绩之日起10日（自然日）内核发",
        cats=["P-T10", "P-T09"],
        materials=[_id(), _gov("机动车驾驶证", "公安机关交通管理部门", "copy",
                               source_note="由公安机关交通管理部门核发；可通过电子驾驶证共享核验"),
                   _table("出租汽车驾驶员从业资格证申请表"),
                   _mat("无犯罪记录和无吸毒记录证明", source="exempt", source_note="由公安机关信息共享核查"),
                   _photo("1寸")],
        steps=_promised(5, "市交通运输政务窗口", "市道路运输服务中心", "市交通运输局",
                        "核实考试成绩、驾驶经历和违法犯罪记录", "核发从业资格证（可同时生成电子证照）",
                        decide_desc="作出核发或不予核发的决定"),
        results=[_res("出租汽车驾驶员从业资格证", "licence", "6年")],
        faqs=_faqs(("从业资格证拿到后就能开出租车吗？", "还须由出租汽车经营者聘用后，到发证机关所在地出租汽车行政主管部门申请从业资格注册。"),),
    ),
    # == 卫生健康 ============================================================================
    _matter(
        "000120015000", "health", ["city", "district"], "出生医学证明办理", "20",
        "《中华人民共和国母婴保健法》第二十三条；《中华人民共和国母婴保健法实施办法》",
        "在本市助产医疗机构内出生的新生儿，由助产医疗机构首次签发；医疗机构外出生的，经亲子鉴定等核实后由"
        "县级卫生健康行政部门指定机构签发。",
        kind=1, visits=0, depth=5, levels="3,4",
        note="由助产医疗机构在新生儿出院前签发；同时生成电子出生医学证明",
        cats=["P-T01", "P-T07", "P-L01"],
        materials=[_id("新生儿父母"),
                   _table("出生医学证明首次签发登记表", notes="父母双方核对新生儿姓名、性别、出生时间等信息后签字"),
                   _mat("父母结婚证", required=False, necessity="需同时登记父亲信息的提供", paper="")],
        steps=_instant("助产医疗机构出生医学证明签发窗口", "核对分娩记录及父母身份信息",
                       "签发出生医学证明并推送出生登记、医保参保等“新生儿出生一件事”后续事项"),
        results=[_res("出生医学证明", "licence", "长期")],
        faqs=_faqs(("新生儿姓名可以后填吗？", "建议出院前确定姓名。首次签发时须填写姓名，签发后姓名变更须按规定办理换发。"),
                   ("出生医学证明丢了怎么办？", "可向原签发机构申请补发，补发前需进行登报声明或按当地规定办理。")),
    ),
    _matter(
        "000120016000", "health", ["district"], "预防接种证办理", "20",
        "《中华人民共和国疫苗管理法》第四十七条；《预防接种工作规范》",
        "在本市居住的儿童，出生后一个月内由监护人到居住地承担预防接种工作的接种单位或者出生医院办理。",
        kind=1, visits=1, depth=3, levels="4,5",
        note="接种单位当场建卡、发证",
        cats=["P-T01", "P-T07", "P-L01"],
        materials=[_gov("出生医学证明", "助产医疗机构", "copy", source_note="电子出生医学证明可共享核验"),
                   _id("监护人")],
        steps=_instant("预防接种门诊（社区卫生服务中心、乡镇卫生院）", "核对儿童身份和既往接种记录",
                       "建立预防接种档案，发放预防接种证，预约下次接种"),
        results=[_res("预防接种证", "licence", "儿童入托、入学查验使用")],
        faqs=_faqs(("入托入学为什么要查预防接种证？", "《疫苗管理法》规定儿童入托、入学时，托幼机构、学校应当查验预防接种证，发现未按规定接种的督促补种。"),),
    ),
    _matter(
        "000120017000", "health", ["district"], "生育登记", "20",
        "《中华人民共和国人口与计划生育法》第十八条；《湖南省人口与计划生育条例》；"
        "《国家卫生计生委关于做好生育登记服务工作的指导意见》",
        "夫妻生育子女的，可在怀孕后至子女出生后进行生育登记；一方户籍在本市或在本市居住的夫妻均可办理。",
        kind=1, visits=0, depth=5, levels="4,5", scope="cross_province",
        note="网上登记即时办结；登记信息用于孕产期保健和生育保险待遇",
        cats=["P-T01", "P-L05"],
        materials=[_id("夫妻双方"), _mat("生育登记信息表", "electronic", notes="在湖南政务服务网或“湘易办”在线填写，承诺信息真实")],
        steps=_instant("乡镇（街道）卫生健康服务窗口或网上平台", "核对夫妻身份和婚育信息", "完成生育登记，生成电子登记凭证"),
        results=[_res("生育登记服务凭证（电子）", "other")],
        faqs=_faqs(("生三孩还需要审批吗？", "不需要审批。依法生育三个子女的实行生育登记服务，无需提交审批材料。"),),
    ),
    _matter(
        "000120018000", "health", ["city", "district"], "居民死亡医学证明（推断）书签发", "20",
        "《国家卫生计生委 公安部 民政部关于进一步规范人口死亡医学证明和信息登记管理工作的通知》"
        "（国卫规划发〔2013〕57号）",
        "在医疗卫生机构内死亡的，由该机构出具；在家中或其他场所正常死亡的，由所在地社区卫生服务机构或乡镇卫生院"
        "调查后出具推断书；非正常死亡的由公安机关出具死亡证明。",
        kind=1, visits=1, depth=2, levels="3,4,5",
        note="医疗卫生机构核实后当场出具；信息同步推送公安、民政部门",
        cats=["P-T07", "P-T13", "P-L10"],
        materials=[_id("死者"), _id("申报人（家属）")],
        steps=_instant("医疗卫生机构（社区卫生服务中心、乡镇卫生院）", "核实死亡事实和死亡原因",
                       "出具居民死亡医学证明（推断）书，第四联交家属办理户口注销和殡葬"),
        results=[_res("居民死亡医学证明（推断）书", "other")],
        faqs=_faqs(("老人在家中去世应该怎么办？", "联系所在地社区卫生服务中心或乡镇卫生院（必要时报警），由其调查核实后出具推断书。"),),
    ),
    _matter(
        "000101001000", "health", ["city", "district"], "医师执业注册", "01",
        "《中华人民共和国医师法》第十三条、第十四条、第十六条；《医师执业注册管理办法》（国家卫生和计划生育委员会令第13号）",
        "取得医师资格，拟在医疗卫生机构中执业，且无不予注册情形（如受刑事处罚未满二年、身体健康状况不能胜任等）。",
        legal=20, promised=5, visits=0, depth=5, express=True, objects=("1",),
        note="《医师法》规定自受理申请之日起20个工作日内准予注册",
        cats=["P-T10", "P-T07"],
        materials=[_table("医师执业注册申请审核表"), _id(),
                   _shared("医师资格证书", "国家医师资格信息库"),
                   _mat("近6个月内县级以上医疗机构出具的健康体检证明"),
                   _mat("拟执业医疗卫生机构的聘用证明", "copy")],
        steps=_promised(5, "卫生健康政务服务窗口", "卫生健康行政部门医政科", "卫生健康行政部门",
                        "核查资格证书、执业机构及不予注册情形", "发放电子医师执业证书",
                        decide_desc="作出准予注册或不予注册的决定"),
        results=[_res("医师执业证书（电子证照）", "licence", "长期，定期考核")],
    ),
    _matter(
        "000101002000", "health", ["city", "district"], "护士执业注册", "01",
        "《护士条例》第七条、第八条、第十条；《护士执业注册管理办法》",
        "具有完全民事行为能力，完成规定学历教育和临床实习，通过国家护士执业资格考试，符合健康标准，"
        "自通过考试之日起3年内提出申请。",
        legal=20, promised=5, visits=0, depth=5, express=True,
        note="《护士条例》规定自收到申请之日起20个工作日内作出决定",
        cats=["P-T10", "P-T07"],
        materials=[_table("护士执业注册申请审核表"), _id(), _mat("学历证书及专业学习中的临床实习证明", "copy"),
                   _shared("护士执业资格考试成绩合格证明", "国家卫生健康委护士执业资格考试信息"),
                   _mat("近6个月内医疗机构出具的健康体检证明"), _mat("医疗卫生机构拟聘用的相关材料", "copy")],
        steps=_promised(5, "卫生健康政务服务窗口", "卫生健康行政部门医政科", "卫生健康行政部门",
                        "审核申请人条件和拟执业机构", "发放电子护士执业证书",
                        decide_desc="作出准予注册或不予注册的决定"),
        results=[_res("护士执业证书（电子证照）", "licence", "5年")],
    ),
    _matter(
        "000105013000", "health", ["district"], "农村部分计划生育家庭奖励扶助金给付", "05",
        "《中华人民共和国人口与计划生育法》；《国务院办公厅转发人口计生委 财政部关于开展对农村部分计划生育家庭"
        "实行奖励扶助制度试点工作意见的通知》（国办发〔2004〕21号）",
        "本省农业户籍（或按规定认定），1973年至2001年间没有违反法律法规生育，现存一个子女或两个女孩"
        "或子女死亡现无子女，年满60周岁的夫妻。",
        legal=None, promised=20, visits=1, depth=3, levels="4,5",
        note="按年度集中申报，村级评议公示、乡镇初审、县级审批，公示期不计入",
        cats=["P-T01", "P-T06", "P-L09"],
        materials=[_id(), _hukou(), _table("农村部分计划生育家庭奖励扶助对象申报表"),
                   _mat("生育情况证明（独生子女证、结婚证等）", "copy")],
        steps=_benefit(20, "村（居）委会、乡镇卫生健康办", "乡镇人民政府", "县级卫生健康部门",
                       "资格评议、公示和初审", "确认资格后按年发放奖励扶助金至社会保障卡"),
        results=[_res("奖励扶助对象资格确认", "approval")],
    ),
    # == 退役军人事务 ========================================================================
    _matter(
        "000120019000", "veterans", ["district"], "退役军人、其他优抚对象优待证申领", "20",
        "《中华人民共和国退役军人保障法》；《退役军人、其他优抚对象优待证管理办法（试行）》",
        "已完成信息采集（建档立卡）的退役军人，以及烈士遗属、因公牺牲军人遗属、病故军人遗属；"
        "原则上向户籍地乡镇（街道）退役军人服务站申请，不在户籍地常住的可向常住地服务站申请。",
        levels="4,5", legal=None, promised=20, visits=1, depth=4, express=True, scope="cross_province",
        note="办法未规定办结时限；制卡由合作银行完成，本市承诺20个工作日",
        cats=["P-T12", "P-T14"],
        materials=[_id(), _shared("退役军人身份信息", "退役军人信息管理系统"),
                   _photo("", note="可现场拍摄"), _table("优待证申请表")],
        steps=_benefit(20, "乡镇（街道）退役军人服务站", "县级退役军人事务局", "县级退役军人事务局",
                       "核实优待对象身份信息", "交合作银行制卡，通过服务站发放或邮寄"),
        results=[_res("中华人民共和国退役军人优待证", "licence")],
        faqs=_faqs(("优待证能享受哪些优待？", "持证人可按规定享受公共交通、文化、旅游等方面的优待服务，具体以本省公布的优待目录为准。"),),
    ),
    _matter(
        "000105014000", "veterans", ["district"], "义务兵家庭优待金给付", "05",
        "《中华人民共和国兵役法》；《军人抚恤优待条例》（2024年修订）",
        "从本县（区）应征入伍的义务兵，其家庭在服役期间按规定享受优待金（标准由当地人民政府规定）。",
        legal=None, promised=20, visits=0, depth=4, levels="4,5",
        note="按年度发放；由武装部门提供入伍名册，无需家庭单独申请的主动发放",
        cats=["P-T12"],
        materials=[_id("义务兵家属"), _shared("入伍通知书及服役信息", "人民武装部门"),
                   _mat("银行账户信息", "copy")],
        steps=_benefit(20, "乡镇（街道）退役军人服务站", "县级退役军人事务局", "县级退役军人事务局",
                       "核对入伍名册和服役情况", "按标准发放优待金"),
        results=[_res("义务兵家庭优待金发放", "other")],
    ),
    # == 医疗保障 ============================================================================
    _matter(
        "000120020000", "medical_insurance", ["city", "district"], "城乡居民基本医疗保险参保登记", "20",
        "《中华人民共和国社会保险法》第二十五条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）；"
        "《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号）",
        "除职工基本医疗保险应参保人员以外的本市城乡居民，包括新生儿、在校学生、灵活就业未参加职工医保的人员，"
        "以及持本市居住证的非本市户籍居民。",
        kind=1, visits=0, depth=5, levels="3,4,5", scope="city",
        note="即时办结；新生儿在出生后90日内参保缴费的，自出生之日起享受待遇",
        cats=["P-T06", "P-T07", "P-L01"],
        materials=[_id(note="新生儿凭出生医学证明或户口簿"), _mat("居住证", required=False, necessity="非本市户籍居民在居住地参保的提供", paper="")],
        steps=_instant("医疗保障经办窗口（乡镇街道便民服务中心代办）", "核验身份并查询是否重复参保", "完成参保登记，可通过税务渠道缴纳居民医保费"),
        results=[_res("城乡居民基本医疗保险参保登记信息", "other")],
        faqs=_faqs(("新生儿什么时候参保？", "可在“新生儿出生一件事”中与出生登记一并办理，出生后90日内参保缴费的自出生之日起享受医保待遇。"),
                   ("居民医保在哪里缴费？", "参保登记后通过“湘税社保”、“湘易办”、银行网点等税务缴费渠道缴纳。")),
    ),
    _matter(
        "000105015000", "medical_insurance", ["city", "district"], "生育医疗费用报销", "05",
        "《中华人民共和国社会保险法》第五十四条、第五十五条；《国务院办公厅关于全面推进生育保险和职工基本医疗保险"
        "合并实施的意见》（国办发〔2019〕10号）",
        "参加职工基本医疗保险（含生育保险）的女职工及男职工未就业配偶，发生的生育医疗费用未在定点医疗机构"
        "直接结算的；参加城乡居民医保的孕产妇住院分娩费用按居民医保规定报销。",
        legal=None, promised=20, visits=0, depth=4,
        note="法规未规定办结时限；在定点医疗机构直接结算的无需申请",
        cats=["P-T01", "P-T06", "P-L05"],
        materials=[_id(), _mat("医疗费用票据", notes="电子票据可通过财政电子票据平台查验"),
                   _mat("费用明细清单及出院小结", "copy"), _mat("银行账户信息", "copy")],
        steps=_benefit(20, "医疗保障经办窗口", "医疗保障经办机构", "医疗保障经办机构",
                       "审核费用合规性和待遇资格", "按规定支付至申请人账户"),
        results=[_res("生育医疗费用结算单", "other")],
    ),
    _matter(
        "000105016000", "medical_insurance", ["city", "district"], "生育津贴申领", "05",
        "《中华人民共和国社会保险法》第五十四条、第五十六条；《女职工劳动保护特别规定》第七条、第八条",
        "参加生育保险（职工基本医疗保险）且用人单位按规定缴费的职工，生育或实施计划生育手术依法享受假期的。",
        legal=None, promised=10, visits=0, depth=5, objects=("1", "2"),
        note="法规未规定办结时限；按职工所在用人单位上年度职工月平均工资计发",
        cats=["P-T01", "P-T06", "P-L05"],
        materials=[_id(), _shared("出生医学证明", "卫生健康部门电子证照"),
                   _mat("用人单位或个人银行账户信息", "copy", notes="生育津贴可直接发放至参保职工个人账户")],
        steps=_benefit(10, "医疗保障经办窗口（可由用人单位网上申报）", "医疗保障经办机构", "医疗保障经办机构",
                       "核定产假天数和计发基数", "支付生育津贴"),
        results=[_res("生育津贴核定结果", "other")],
        faqs=_faqs(("产假是多少天？", "《女职工劳动保护特别规定》规定产假98天，各省另有延长产假规定的按本省规定享受。"),),
    ),
    _matter(
        "000120021000", "medical_insurance", ["city", "district"], "异地就医备案", "20",
        "《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）",
        "参加本市基本医疗保险，需要在参保地以外就医并直接结算的异地长期居住人员、常驻异地工作人员、"
        "异地转诊就医人员和临时外出就医人员。",
        kind=1, visits=0, depth=5, scope="national",
        note="即时办结；可通过国家医保服务平台APP自助备案",
        cats=["P-T06", "P-T07", "P-L08"],
        materials=[_id(), _mat("异地就医备案承诺书", "electronic", notes="长期居住或常驻工作人员以个人承诺方式备案，免提交居住证明")],
        steps=_instant("医疗保障经办机构或国家医保服务平台", "核验参保状态和备案类别", "完成备案，就医地可直接结算"),
        results=[_res("异地就医备案信息", "other")],
        faqs=_faqs(("临时出差生病没备案怎么办？", "可在出院结算前补办备案，或回参保地按规定手工报销。"),),
    ),
    _matter(
        "000120022000", "medical_insurance", ["city", "district"], "门诊慢特病病种待遇认定", "20",
        "《中华人民共和国社会保险法》第二十八条；《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》"
        "（国办发〔2021〕14号）",
        "参加本市基本医疗保险，患有本市门诊慢特病病种目录内疾病，且符合该病种认定标准的参保人员。",
        legal=None, promised=15, visits=1, depth=4,
        note="法规未规定办结时限；可在具备认定资格的定点医疗机构直接申请",
        cats=["P-T06", "P-T07", "P-L08"],
        materials=[_id(), _table("门诊慢特病待遇认定申请表"),
                   _mat("近期相关病历资料、检查检验报告", "copy", notes="定点医疗机构可调阅电子病历的免提交")],
        steps=_promised(15, "定点医疗机构或医疗保障经办窗口", "认定医师（专家）", "医疗保障经办机构",
                        "对照病种认定标准进行评审", "待遇生效后在定点机构直接结算",
                        decide_desc="作出认定或不予认定的结论"),
        results=[_res("门诊慢特病待遇认定结果", "other", "按病种规定的有效期")],
    ),
    _matter(
        "000120023000", "medical_insurance", ["city", "district"], "退休人员基本医疗保险待遇核定", "20",
        "《中华人民共和国社会保险法》第二十七条；《国务院关于建立城镇职工基本医疗保险制度的决定》（国发〔1998〕44号）",
        "参加职工基本医疗保险的个人，达到法定退休年龄且职工医保累计缴费年限达到本市规定年限的，"
        "退休后不再缴纳基本医疗保险费，享受退休人员医保待遇；不足年限的可按规定一次性补缴或继续缴费。",
        legal=None, promised=10, visits=0, depth=5,
        note="法规未规定办结时限；与退休审批信息共享后自动核定",
        cats=["P-T06", "P-L09"],
        materials=[_id(), _shared("职工退休审批结果", "人力资源社会保障部门")],
        steps=_benefit(10, "医疗保障经办机构", "医疗保障经办机构", "医疗保障经办机构",
                       "核算职工医保实际缴费年限和视同缴费年限", "按退休人员标准享受医保待遇，划入个人账户"),
        results=[_res("退休人员医保待遇核定结果", "other")],
    ),
    _matter(
        "000120024000", "medical_insurance", ["city", "district"], "基本医疗保险关系转移接续", "20",
        "《中华人民共和国社会保险法》第三十二条；《国家医保局 财政部关于印发〈基本医疗保险关系转移接续暂行办法〉的通知》"
        "（医保发〔2021〕43号）",
        "参加基本医疗保险的人员因跨统筹地区就业、户籍或长期居住地变动，在新参保地参保的。",
        legal=None, promised=15, visits=0, depth=5, scope="cross_province",
        note="办法分别规定转出地、转入地办理时限，全程网上办理",
        cats=["P-T06", "P-L03"],
        materials=[_id(), _mat("基本医疗保险关系转移接续申请", "electronic", notes="通过国家医保服务平台在线申请，免提交参保凭证")],
        steps=_promised(15, "转入地医疗保障经办机构", "转出地医疗保障经办机构", "转入地医疗保障经办机构",
                        "转出地核对参保缴费信息并转移个人账户余额", "合并计算缴费年限，接续待遇",
                        decide_desc="转入地确认接续"),
        results=[_res("基本医疗保险关系转移接续完成通知", "other")],
    ),
    _matter(
        "000105018000", "medical_insurance", ["city", "district"], "医疗费用手工（零星）报销", "05",
        "《中华人民共和国社会保险法》第二十八条、第二十九条",
        "参保人员因急诊抢救、未办理异地就医备案等原因未能在定点医疗机构直接结算的合规医疗费用。",
        legal=None, promised=20, visits=0, depth=4, scope="cross_province",
        note="法规未规定办结时限",
        cats=["P-T06", "P-T07", "P-L08"],
        materials=[_id(), _mat("医疗费用票据"), _mat("费用明细清单、出院记录或门诊病历", "copy"),
                   _mat("银行账户信息", "copy")],
        steps=_benefit(20, "医疗保障经办窗口", "医疗保障经办机构", "医疗保障经办机构",
                       "按医保目录和支付政策审核费用", "支付至参保人账户"),
        results=[_res("医疗费用报销结算单", "other")],
    ),
    # == 教育 ================================================================================
    _matter(
        "000120025000", "education", ["district"], "义务教育阶段新生入学登记", "20",
        "《中华人民共和国义务教育法》第十一条、第十二条；《中华人民共和国未成年人保护法》第十六条",
        "年满六周岁（以当年8月31日为准）的适龄儿童入小学，小学毕业生升初中；户籍儿童在户籍所在地学区就近入学，"
        "随迁子女凭父母一方在本市的居住证、就业或住所证明申请入学。",
        legal=None, promised=20, visits=0, depth=4, scope="city",
        note="按当年招生工作时间表统一登记、审核和派位，时限以区县教育局公告为准",
        cats=["P-T03", "P-L02"],
        materials=[_hukou("儿童及其父母"), _mat("居住证明（不动产权证书或租赁合同）", "copy", notes="不动产信息可共享核验"),
                   _mat("父母一方居住证", required=False, necessity="随迁子女提供", paper=""),
                   _shared("预防接种证查验证明", "卫生健康部门免疫规划信息系统")],
        steps=_benefit(20, "区县教育局招生平台/学校", "学校及区县教育局", "区县教育局",
                       "审核学区、户籍、住所和随迁子女资格", "发放入学通知书",
                       decide_desc="确定就读学校（超额的按规定派位）"),
        results=[_res("入学通知书", "other")],
        faqs=_faqs(("租房能在租住地入学吗？", "可以。随迁子女凭父母一方的居住证和租赁证明，按区县当年招生政策统筹安排入学。"),),
    ),
    _matter(
        "000120026000", "education", ["district"], "中小学生转学（学籍转接）", "20",
        "《中华人民共和国义务教育法》第十二条；《中小学生学籍管理办法》（教基一〔2013〕7号）",
        "因户籍迁移、父母工作调动、家庭住址变动等原因需要转学的在籍中小学生。",
        legal=None, promised=10, visits=1, depth=4, scope="cross_province",
        note="通过全国中小学生学籍信息管理系统办理转学，不再开具纸质转学证明",
        cats=["P-T03", "P-L02"],
        materials=[_id("监护人"), _hukou("学生"), _mat("转学申请", notes="说明转学理由"),
                   _mat("转入学校接收意见", required=False, necessity="转入学校已同意接收的提供")],
        steps=_promised(10, "转入学校", "转入地教育行政部门", "转出学校及转出地教育行政部门",
                        "审核转学条件并在学籍系统发起转学申请", "完成学籍转接，学生到转入学校就读",
                        decide_desc="转出学校和转出地教育行政部门核办"),
        results=[_res("学籍转接完成", "other")],
    ),
    _matter(
        "000101003000", "education", ["city", "district"], "教师资格认定", "01",
        "《中华人民共和国教师法》第十条、第十一条、第十三条；《教师资格条例》；《〈教师资格条例〉实施办法》（教育部令第10号）",
        "遵守宪法和法律，热爱教育事业，具有良好的思想品德；具备教师法规定的学历；中小学教师资格考试合格；"
        "普通话水平达到二级乙等以上（语文教师二级甲等以上）；身体条件符合要求。",
        legal=30, promised=20, visits=0, depth=5, express=True,
        note="在规定的认定时间内集中受理；受理期限终止之日起30个工作日内作出结论",
        cats=["P-T10", "P-T03"],
        materials=[_id(), _shared("学历证书", "学信网学历信息"),
                   _shared("中小学教师资格考试合格证明", "教育部教师资格考试系统"),
                   _shared("普通话水平测试等级证书", "国家普通话水平测试信息"),
                   _mat("教师资格认定体检表", notes="在认定机构指定的县级以上医院体检"),
                   _mat("个人承诺书（思想品德鉴定）", "electronic")],
        steps=_promised(20, "教育行政部门教师资格认定窗口", "教师资格专家审查委员会", "教育行政部门",
                        "审查材料，必要时进行面试和试讲", "颁发教师资格证书",
                        decide_desc="作出认定或不予认定的结论"),
        results=[_res("教师资格证书", "licence", "长期")],
        qty="每年春、秋两季集中认定",
    ),
    # == 住房公积金（市住房公积金管理中心，仅市级）=================================================
    _matter(
        "000120027000", "housing_fund", ["city"], "住房公积金个人账户设立（缴存登记）", "20",
        f"{HOUSING_FUND_REG}第十四条、第十五条、第十六条",
        "单位录用职工的，应当自录用之日起30日内为职工办理缴存登记并设立个人账户；"
        "在本市就业的灵活就业人员可按本市规定自愿缴存。",
        kind=1, visits=0, depth=5, objects=("1", "2"),
        cats=["P-T08", "P-L03"],
        materials=[_id("职工"), _mat("住房公积金缴存登记表（职工信息）", "electronic", notes="单位通过网上业务系统批量录入"),
                   _mat("灵活就业人员缴存协议", required=False, necessity="灵活就业人员自愿缴存的提供")],
        steps=_instant("住房公积金管理中心（网上业务大厅）", "核验职工身份及在其他城市的账户状态", "设立个人账户，开始按月汇缴"),
        results=[_res("住房公积金个人账户", "other")],
    ),
    _matter(
        "000120028000", "housing_fund", ["city"], "住房公积金提取（离休、退休）", "20",
        f"{HOUSING_FUND_REG}第二十四条第一款第（二）项、第二十五条",
        "职工离休、退休的，可提取住房公积金账户内的全部存储余额并销户。",
        kind=1, legal=3, visits=0, depth=5, scope="national",
        note="条例规定自受理申请之日起3日（自然日）内作出决定；与退休信息共享的即时办结",
        cats=["P-T08", "P-L09"],
        materials=[_id(), _shared("退休审批信息", "人力资源社会保障部门"), _mat("本人银行账户信息", "copy")],
        steps=_instant("住房公积金管理中心或“湘易办”", "核验退休信息和账户余额", "销户并将余额转入本人银行账户"),
        results=[_res("住房公积金提取凭证", "other")],
    ),
    _matter(
        "000120029000", "housing_fund", ["city"], "住房公积金提取（租赁住房）", "20",
        f"{HOUSING_FUND_REG}第二十四条第一款第（六）项、第二十五条",
        "职工及配偶在本市无自有住房且租赁住房的；按月或按年在本市规定额度内提取。",
        kind=1, legal=3, visits=0, depth=5,
        note="条例规定3日（自然日）内作出决定；无房信息共享核验，即时办结",
        cats=["P-T08"],
        materials=[_id(), _shared("本市无房证明", "不动产登记信息"),
                   _mat("房屋租赁合同", "copy", required=False, necessity="超出本市无合同提取额度的提供已备案租赁合同")],
        steps=_instant("住房公积金管理中心或“湘易办”", "核验无房、连续缴存和提取额度", "提取至本人银行账户"),
        results=[_res("住房公积金提取凭证", "other")],
    ),
    _matter(
        "000120030000", "housing_fund", ["city"], "住房公积金提取（偿还购房贷款本息）", "20",
        f"{HOUSING_FUND_REG}第二十四条第一款第（五）项、第二十五条",
        "职工及配偶偿还本市自住住房商业性住房贷款或住房公积金贷款本息的。",
        kind=1, legal=3, visits=0, depth=5, scope="cross_province",
        note="条例规定3日（自然日）内作出决定；贷款信息共享的即时办结",
        cats=["P-T08", "P-L06"],
        materials=[_id(), _mat("借款合同及还款明细", "copy", notes="住房公积金贷款或已签约银行的商业贷款可共享核验"),
                   _mat("结婚证", required=False, necessity="提取配偶公积金的提供", paper="")],
        steps=_instant("住房公积金管理中心或“湘易办”", "核验贷款和还款信息", "提取至本人银行账户或约定按月对冲还贷"),
        results=[_res("住房公积金提取凭证", "other")],
    ),
    _matter(
        "000120031000", "housing_fund", ["city"], "住房公积金个人住房贷款", "20",
        f"{HOUSING_FUND_REG}第二十六条；《住房公积金个人住房贷款业务规范》（GB/T 51267-2017）",
        "在本市正常连续缴存住房公积金达到规定期限，购买、建造、翻建、大修自住住房，具有稳定收入和偿还贷款能力，"
        "无未还清的住房公积金贷款的职工。",
        legal=15, promised=7, visits=1, depth=4, objects=("1",),
        note="条例规定自受理申请之日起15日（自然日）内作出准予或不准贷款决定",
        cats=["P-T08", "P-L06"],
        materials=[_id("借款人及配偶"), _mat("婚姻状况证明或声明", paper=""),
                   _shared("购房合同网签备案信息", "住房城乡建设部门"),
                   _mat("首付款证明", "copy"), _mat("收入证明", required=False, necessity="还款能力需核实的提供")],
        steps=_promised(7, "住房公积金管理中心贷款窗口（受委托银行）", "住房公积金管理中心信贷部门", "住房公积金管理中心",
                        "审核借款资格、贷款额度和还款能力", "签订借款合同，办理抵押登记后放款",
                        decide_desc="作出准予或不准贷款的决定"),
        results=[_res("住房公积金贷款审批通知及借款合同", "approval")],
        faqs=_faqs(("公积金贷款最多能贷多少？", "按本市公积金管理委员会公布的最高额度、账户余额倍数和还款能力综合核定，取其中最低值。"),),
    ),
    _matter(
        "000120032000", "housing_fund", ["city"], "住房公积金异地转移接续", "20",
        f"{HOUSING_FUND_REG}第十五条；《住房城乡建设部关于住房公积金异地个人住房贷款有关操作问题的通知》",
        "职工跨城市就业，在转入地已设立住房公积金个人账户，且原账户已封存的。",
        legal=None, promised=3, visits=0, depth=5, scope="national",
        note="通过全国住房公积金异地转移接续平台办理，职工在转入地申请即可",
        cats=["P-T08", "P-L03"],
        materials=[_id(), _mat("转移接续申请", "electronic", notes="在转入地网上办事大厅、全国住房公积金小程序提交")],
        steps=_promised(3, "转入地住房公积金管理中心", "转出地住房公积金管理中心", "转入地住房公积金管理中心",
                        "转出地核对账户并划转资金和缴存信息", "转入地合并账户，连续缴存时间合并计算",
                        decide_desc="转入地确认接收"),
        results=[_res("住房公积金转移接续完成", "other")],
    ),
    # == 税务 ================================================================================
    _matter(
        "000120033000", "tax", ["city", "district"], "存量房交易契税申报", "20",
        "《中华人民共和国契税法》第一条、第三条、第四条、第九条、第十条、第十一条；《财政部 税务总局 住房城乡建设部"
        "关于促进房地产市场平稳健康发展有关税收政策的公告》（2024年第16号）",
        "在本市承受存量房屋权属（买卖）的个人，应当在办理不动产转移登记前申报缴纳契税。",
        kind=1, visits=0, depth=5, pay=True, scope="city", objects=("1", "2"),
        note="“一窗受理”时与转移登记同步申报，税款在线缴纳后即时出具完税凭证",
        cats=["P-T17", "P-T19", "P-L06"],
        materials=[_id("承受方"), _shared("存量房买卖合同网签备案信息", "住房城乡建设部门"),
                   _shared("家庭住房套数信息", "不动产登记信息"),
                   _mat("婚姻状况证明或声明", required=False, necessity="享受家庭首套、二套住房优惠税率的提供")],
        steps=_instant("不动产登记“一窗受理”税务窗口", "核定计税价格，确认是否享受家庭首套、二套住房优惠税率",
                       "纳税人在线缴款，出具契税完税凭证并推送不动产登记机构"),
        results=[_res("契税完税凭证（电子）", "other")],
        faqs=_faqs(("买二手房契税税率是多少？", "个人购买家庭唯一住房，面积140平方米及以下按1%，以上按1.5%；第二套住房140平方米及以下按1%，以上按2%（2024年第16号公告）。"),),
    ),
    _matter(
        "000120034000", "tax", ["city", "district"], "开具税收完税证明", "20",
        "《中华人民共和国税收征收管理法》第三十四条；《税收票证管理办法》（国家税务总局令第28号）",
        "已缴纳税款的纳税人，需要证明其纳税情况的（如个人所得税纳税记录）。",
        kind=1, visits=0, depth=5, scope="national", objects=("1", "2"),
        cats=["P-T17"],
        materials=[_id()],
        steps=_instant("办税服务厅、自助办税终端或个人所得税APP", "核验身份，查询已缴税款", "出具税收完税证明或纳税记录"),
        results=[_res("税收完税证明（个人所得税纳税记录）", "other")],
    ),
    # == 残疾人联合会 ========================================================================
    _matter(
        "000120035000", "disabled", ["district"], "残疾人证申领", "20",
        "《中华人民共和国残疾人保障法》第二条；《中华人民共和国残疾人证管理办法》；"
        "《残疾人残疾分类和分级》（GB/T 26341-2010）",
        "本市户籍（或持本市居住证按规定办理）的视力、听力、言语、肢体、智力、精神及多重残疾人，"
        "经指定医疗机构评定符合残疾标准的。申领坚持自愿原则。",
        legal=None, promised=15, visits=1, depth=4, levels="4,5", express=True, scope="cross_province",
        note="评残时间不计入办理时限；可在线申请、到指定医疗机构评残，证件邮寄送达",
        cats=["P-T18", "P-T14"],
        materials=[_id(note="未满16周岁的提供户口簿"), _photo("2寸", copies=2), _table("残疾人证申请表"),
                   _mat("残疾评定表", notes="由县级残联指定的医疗机构评残医生填写")],
        steps=_promised(15, "乡镇（街道）残联专职委员或县级残联窗口", "残疾评定医疗机构", "县级残疾人联合会",
                        "组织残疾评定，审核评定结果", "核发第三代残疾人证（智能化），信息纳入全国残疾人人口基础数据库",
                        decide_desc="审核通过的核发，不符合的书面说明"),
        results=[_res("中华人民共和国残疾人证", "licence", "10年")],
        faqs=_faqs(("办了残疾人证能享受哪些政策？", "可按规定申请残疾人两项补贴、康复救助、辅助器具适配、就业扶持等，并享受公共交通等优待。"),),
    ),
    # == 乡镇人民政府/街道办事处（五级） =======================================================
    _matter(
        "000101004000", "town_gov", ["town"], "农村村民宅基地审批", "01",
        "《中华人民共和国土地管理法》第六十二条；《中华人民共和国土地管理法实施条例》第三十四条；"
        "《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）",
        "本集体经济组织成员以户为单位申请，符合一户一宅、国土空间规划和村庄规划，宅基地面积不超过本省规定标准；"
        "已经村民小组会议讨论通过并公示、村级组织审查同意。",
        levels="5", legal=None, promised=20, visits=1, depth=3,
        note="农经发〔2019〕6号要求乡镇建立“一个窗口对外受理、多部门内部联动运行”机制，本地承诺20个工作日",
        cats=["P-T19"],
        materials=[_table("农村宅基地和建房（规划许可）申请表"), _id("户主"), _hukou(),
                   _mat("村民小组会议记录及公示材料", notes="由村级组织审查后一并报送"),
                   _mat("农村宅基地使用承诺书"), _mat("住房建设设计图或选用的通用图", "copy")],
        steps=_promised(20, "乡镇便民服务中心", "乡镇农业农村、自然资源等部门联审", "乡镇人民政府",
                        "实地审查选址、面积、一户一宅情况", "发放农村宅基地批准书和乡村建设规划许可证，开工前实地丈量批放到户",
                        decide_desc="作出批准或不予批准的决定"),
        results=[_res("农村宅基地批准书", "licence"), _res("乡村建设规划许可证", "licence")],
        faqs=_faqs(("城镇户口能申请宅基地吗？", "不能。宅基地只能由本集体经济组织成员以户为单位申请，且一户只能拥有一处宅基地。"),),
    ),
    _matter(
        "000120036000", "town_gov", ["town"], "最低生活保障、特困人员救助供养、临时救助申请受理", "20",
        f"{SOCIAL_AID}第十一条、第十六条、第四十八条；《最低生活保障审核确认办法》；《特困人员认定办法》",
        "本乡镇（街道）户籍或经常居住的困难群众，申请最低生活保障、特困人员救助供养或临时救助的。",
        levels="5", kind=1, visits=1, depth=4,
        note="当场受理；调查审核时限按各救助事项规定执行",
        cats=["P-T06"],
        materials=[_id(), _table("社会救助申请书"), _mat("家庭经济状况核对授权书")],
        steps=_instant("乡镇（街道）便民服务中心社会救助窗口", "一次性告知救助政策和所需材料，核对授权书签字",
                       "出具受理回执，转入入户调查和审核环节"),
        results=[_res("社会救助申请受理回执", "other")],
    ),
    _matter(
        "000120037000", "town_gov", ["town"], "高龄津贴申请受理", "20",
        "《中华人民共和国老年人权益保障法》第三十三条",
        "本乡镇（街道）户籍，年满八十周岁的老年人本人或其家属。",
        levels="5", kind=1, visits=0, depth=4,
        note="当场受理并初审，报县级民政部门审核",
        cats=["P-T06", "P-L09"],
        materials=[_id("老年人"), _mat("社会保障卡", paper="")],
        steps=_instant("乡镇（街道）便民服务中心民政窗口", "核对年龄和户籍信息", "录入系统并报县级民政部门审批"),
        results=[_res("高龄津贴申请受理回执", "other")],
    ),
    _matter(
        "000120038000", "town_gov", ["town"], "城乡居民基本养老保险参保登记受理", "20",
        "《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
        "本乡镇（街道）户籍，年满16周岁（不含在校学生）且未参加职工基本养老保险的城乡居民。",
        levels="5", kind=1, visits=0, depth=5,
        cats=["P-T06"],
        materials=[_id(), _table("城乡居民基本养老保险参保登记表")],
        steps=_instant("乡镇（街道）社保服务站", "核验身份和参保状态", "完成参保登记并告知缴费档次和缴费渠道"),
        results=[_res("参保登记信息", "other")],
    ),
    _matter(
        "000120039000", "town_gov", ["town"], "残疾人两项补贴申请受理", "20",
        "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）",
        "本乡镇（街道）户籍、持第三代残疾人证，属于低保家庭或一、二级重度残疾的残疾人。",
        levels="5", kind=1, visits=0, depth=5,
        note="当场受理并初审，10个工作日内报县级残联审核",
        cats=["P-T18", "P-T06"],
        materials=[_id(), _shared("残疾人证", "全国残疾人人口基础数据库"), _table("残疾人两项补贴申请审批表")],
        steps=_instant("乡镇（街道）便民服务中心", "核对残疾人证等级和低保信息", "录入全国残疾人两项补贴信息系统并报县级审核"),
        results=[_res("两项补贴申请受理回执", "other")],
    ),
    # == 村（居）民委员会（六级） ===============================================================
    _matter(
        "000120040000", "village_committee", ["village"], "农村村民宅基地申请村级审查", "20",
        "《中华人民共和国土地管理法实施条例》第三十四条；《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》"
        "（农经发〔2019〕6号）",
        "本集体经济组织成员以户为单位，向村民小组提出宅基地和建房（规划许可）书面申请的。",
        levels="6", legal=None, promised=15, visits=1, depth=2,
        note="村民小组会议讨论和公示期（不少于5个工作日）不计入",
        cats=["P-T19"],
        materials=[_table("农村宅基地和建房（规划许可）申请表"), _id("户主"), _hukou()],
        steps=_promised(15, "村民小组", "村级组织（村民委员会）", "村级组织（村民委员会）",
                        "村民小组会议讨论，公示申请理由、拟用地位置和面积；村级组织审查成员资格、一户一宅和规划符合性",
                        "签署审查意见后报送乡镇人民政府审批", decide_desc="出具村级审查意见",
                        names=("申请", "讨论公示", "审查", "报送")),
        results=[_res("村级审查意见", "other")],
    ),
    _matter(
        "000120041000", "village_committee", ["village"], "城乡居民基本医疗保险参保缴费代办", "20",
        "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）",
        "本村（社区）居民，未参加职工基本医疗保险，需要村（社区）便民服务站代为办理参保登记和缴费的。",
        levels="6", kind=1, visits=0, depth=4,
        cats=["P-T06", "P-T07"],
        materials=[_id(), _proxy()],
        steps=_instant("村（社区）便民服务站代办员", "核对身份，查询参保状态", "代为完成参保登记，指导通过税务缴费渠道缴费"),
        results=[_res("参保缴费凭证", "other")],
    ),
    _matter(
        "000120042000", "village_committee", ["village"], "人民调解申请", "20",
        "《中华人民共和国人民调解法》第四条、第八条、第十七条、第二十八条、第三十三条",
        "本村（社区）居民之间发生婚姻家庭、邻里、宅基地、损害赔偿等民间纠纷，当事人申请调解的；"
        "当事人一方明确拒绝调解的，不得调解。",
        levels="6", legal=None, promised=30, visits=1, depth=2,
        note="法律未规定调解期限；人民调解委员会调解民间纠纷不收取任何费用；"
             "达成协议的可自生效之日起30日内共同申请司法确认",
        cats=["P-T15"],
        materials=[_id("申请人"), _mat("调解申请（可口头申请，由调解员记录）", required=False),
                   _mat("与纠纷有关的证据材料", "copy", required=False)],
        steps=_promised(30, "村（居）人民调解委员会", "人民调解员", "人民调解委员会",
                        "了解纠纷事实，讲解法律政策，组织双方协商", "制作人民调解协议书或口头协议记录，回访履行情况",
                        decide_desc="达成调解协议或告知依法通过仲裁、行政、司法等途径解决",
                        names=("申请", "调解", "结案", "回访")),
        results=[_res("人民调解协议书", "other")],
    ),
    # == 公共服务企业：水电气网联动过户（公共服务，类型20） ===========================================
    _matter(
        "000120043000", "water_supply", ["city"], "供水过户", "20",
        f"《中华人民共和国民法典》第六百四十八条、第六百五十六条；《城市供水条例》；{ONE_THING}",
        "房屋产权已转移（或已申请二手房转移登记），新产权人申请将供用水合同户名变更为本人，原户已结清水费。",
        levels="3", kind=1, visits=0, depth=5, scope="city", objects=("1", "2"),
        note="与不动产转移登记联动，登记完成后自动推送，即时办结",
        cats=["P-T20", "P-L06"],
        materials=[_id("新户主"), _shared("不动产权证书或转移登记信息", "不动产登记信息"),
                   _mat("水费结清确认", "electronic", source="exempt", source_note="供水企业营业系统核验")],
        steps=_instant("云川水务集团营业厅（或政务大厅联办窗口）", "核验产权信息并抄录过户水表读数，核对欠费", "变更用水户名，签订新供用水合同"),
        results=[_res("供用水合同（新户主）", "other")],
    ),
    _matter(
        "000120044000", "power", ["city"], "供电过户（居民用户更名过户）", "20",
        f"《中华人民共和国民法典》第六百四十八条；《电力供应与使用条例》；《供电营业规则》（2024年）；{ONE_THING}",
        "低压居民用户因房屋产权转移申请更名过户，原户已结清电费。",
        levels="3", kind=1, visits=0, depth=5, scope="city", objects=("1", "2"),
        note="与不动产转移登记联动，即时办结；也可通过“网上国网”APP办理",
        cats=["P-T20", "P-L06"],
        materials=[_id("新户主"), _shared("不动产权证书或转移登记信息", "不动产登记信息")],
        steps=_instant("国网云川供电公司营业厅（或政务大厅联办窗口）", "核验产权信息，结清电费，抄录电表示数", "变更用电户名，签订新供用电合同"),
        results=[_res("供用电合同（新户主）", "other")],
    ),
    _matter(
        "000120045000", "gas", ["city"], "燃气过户", "20",
        f"《中华人民共和国民法典》第六百五十六条；《城镇燃气管理条例》；{ONE_THING}",
        "管道燃气居民用户因房屋产权转移申请过户，原户已结清燃气费。",
        levels="3", kind=1, visits=0, depth=5, scope="city", objects=("1", "2"),
        note="与不动产转移登记联动，即时办结；过户后预约上门安全检查",
        cats=["P-T20", "P-L06"],
        materials=[_id("新户主"), _shared("不动产权证书或转移登记信息", "不动产登记信息"),
                   _mat("燃气卡（IC卡表用户）", required=False, necessity="使用IC卡燃气表的提供", paper="")],
        steps=_instant("云川燃气公司营业厅（或政务大厅联办窗口）", "核验产权信息，结清燃气费，抄录表数", "变更用气户名，签订新供用气合同，预约安全检查"),
        results=[_res("供用气合同（新户主）", "other")],
        faqs=_faqs(("过户后需要做安检吗？", "燃气企业在过户后按《城镇燃气管理条例》定期入户安全检查，新户主可预约上门时间。"),),
    ),
    _matter(
        "000120046000", "telecom", ["city"], "固定电话和宽带过户", "20",
        f"《中华人民共和国民法典》第五百五十五条；《中华人民共和国电信条例》；{ONE_THING}",
        "因房屋产权转移，新产权人申请承接原户固定电话、宽带业务或办理移机销户；原户已结清费用。",
        levels="3", kind=1, visits=0, depth=5, scope="city", objects=("1", "2"),
        note="与不动产转移登记联动办理；需上门调测的按预约时间上门",
        cats=["P-T20", "P-L06"],
        materials=[_id("新户主"), _shared("不动产权证书或转移登记信息", "不动产登记信息"),
                   _mat("原机主同意过户确认", "electronic", required=False, necessity="承接原户号码的由原机主线上确认")],
        steps=_instant("中国电信云川分公司营业厅（或政务大厅联办窗口）", "核验双方身份和产权信息，结清费用", "变更业务户名或为新户主开通宽带"),
        results=[_res("电信业务协议（新户主）", "other")],
    ),
]

# Application forms of the matters the "一件事" themes need (新生儿出生, 教育入学, 退休, 二手房转移登记…).
MATTERS = with_forms(MATTERS)
