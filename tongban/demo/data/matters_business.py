"""Demo matters for companies and other organisations (法人办事) of 云川市.

Each entry is a version spec (tongban/catalog/spec.py) plus the loader keys `basic_code`,
`sector` and `implemented_at`. Names, legal bases, materials and time limits follow the
national 行政许可事项清单 and the guides published on 湖南政务服务网; where a figure is set
locally (promised days, 水电气网 service times) a typical provincial value is used and the
limit note says so. Basic codes (docs/domain.md §2.1): "0002" + 2-digit matter type + 3-digit
serial within that type + "000" (no sub-item), e.g. 企业设立登记 000201001000 (01 行政许可).
"""

from tongban.demo.data.application_forms import with_forms

LEVEL_CODES = {"city": 3, "district": 4, "town": 5, "village": 6}

SHARED_NOTE = "通过电子证照库或部门数据共享获取，申请人免提交"


def mat(name, form="original", *, copies=1, required=True, necessity="", source="applicant",
        source_note="", rongque=False, notes="", paper="A4"):
    """One 申请材料 row with every field of spec.MATERIAL_FIELDS."""
    return {"name": name, "form": form, "copies": copies, "required": required, "necessity_note": necessity,
            "source": source, "source_note": source_note, "rongque_allowed": rongque, "paper_spec": paper,
            "notes": notes}


def shared(name, note=SHARED_NOTE):
    """A material the government already holds (免提交: e-licence or data sharing)."""
    return mat(name, "electronic", source="exempt", source_note=note, paper="")


def optional(name, necessity, form="original", **kw):
    return mat(name, form, required=False, necessity=necessity, **kw)


def res(name, kind="licence", validity=""):
    return {"name": name, "kind": kind, "validity": validity}


def faq(question, answer):
    return {"question": question, "answer": answer}


def fee(name, standard, basis, amount_cents=None, reducible=""):
    return {"name": name, "standard": standard, "basis": basis, "amount_cents": amount_cents,
            "reducible": reducible}


def step(name, actor, description, limit_days):
    return {"name": name, "actor": actor, "description": description, "limit_days": limit_days}


def flow(promised, *, inspect=False, actor="承办科室"):
    """受理/审查/(现场核查)/决定/办结 with the promised working days spread over the steps."""
    if promised == 0:
        return [step("受理", "综合受理窗口", "核验申请材料齐全、符合法定形式的，当场受理", 0),
                step("审核", actor, "对申请材料进行审核，符合条件的当场作出决定", 0),
                step("办结", "综合出件窗口", "当场出具办理结果，或按申请人选择邮寄送达", 0)]
    accept = 1 if promised >= 4 else 0
    decide = 1 if promised >= 2 else 0
    issue = 1 if promised >= 5 else 0
    review = promised - accept - decide - issue
    steps = [step("受理", "综合受理窗口", "审查申请材料是否齐全、符合法定形式，当场作出受理决定；"
                  "材料不齐的一次性告知需要补正的全部内容", accept)]
    if inspect and review >= 2:
        steps += [step("审查", actor, "对申请材料的实质内容进行审查", review - review // 2),
                  step("现场核查", actor, "指派两名以上工作人员对经营场所、设施设备进行现场核查",
                       review // 2)]
    else:
        steps.append(step("审查", actor, "对申请材料的实质内容进行审查，提出审查意见", review))
    steps += [step("决定", "分管负责人", "作出准予或者不予许可（登记、备案）的决定；不予许可的书面说明理由",
                   decide),
              step("办结", "综合出件窗口", "制作并送达结果文书，窗口领取或邮政快递送达", issue)]
    return steps


def service_flow(promised, *, survey="现场勘查", actor="客户服务中心"):
    """申请/受理/(勘查)/审核/办结 of a public-utility service (公共服务, type 20)."""
    first = 1 if promised >= 3 else 0
    last = promised - 2 * first
    steps = [step("申请", "申请人", "通过政务服务网“水电气网联合报装”专区、营业厅或网上营业厅提交申请", None),
             step("受理", actor, "核验申请信息和材料，当场受理并告知后续环节", 0)]
    if survey:
        steps.append(step(survey, actor, "预约上门勘查，确定供给方案并一次性答复", first))
    steps += [step("审核", actor, "审核供给方案、签订供用合同", first),
              step("办结", actor, "完成装表（接入）并开通服务", last)]
    return steps


def matter(code, sector, at, name, mtype, *, basis, conditions, legal, promised, materials, results,
           levels=None, faqs=(), note="", fees=(), visits=0, depth=4, appointment=True, payment=False,
           express=True, scope="", intermediary="无", quantity="无数量限制",
           delivery="窗口领取；邮政快递送达", objects=("2",), categories=(), steps=None, inspect=False):
    """A complete spec: every key of spec.py is set, so the loader never relies on defaults."""
    return {
        "basic_code": code, "sector": sector, "implemented_at": list(at),
        "name": name, "matter_type": mtype, "legal_basis": basis, "conditions": conditions,
        "levels": levels or ",".join(str(LEVEL_CODES[x]) for x in at),
        "case_kind": 1 if promised == 0 else 2,
        "legal_limit_days": legal, "promised_limit_days": promised, "limit_note": note,
        "has_fee": bool(fees), "visits_required": visits, "online_depth": depth,
        "supports_appointment": appointment, "supports_online_payment": payment and bool(fees),
        "supports_express": express, "tongban_scope": scope, "intermediary": intermediary,
        "quantity_limit": quantity, "result_delivery": delivery,
        "service_objects": list(objects), "categories": list(categories),
        "materials": list(materials), "steps": steps if steps is not None else flow(promised, inspect=inspect),
        "fees": list(fees), "results": list(results), "faqs": list(faqs),
    }


# Materials that most enterprise matters ask for.
LICENCE = shared("营业执照", "市场主体登记信息通过电子证照库共享获取，免提交")
LEGAL_REP_ID = shared("法定代表人（负责人）身份证件", "通过实名认证和人口基础信息库核验，免提交")
AGENT = optional("授权委托书及经办人身份证件", "委托他人代为办理的提供")
PREMISES = mat("经营场所使用证明（不动产权证书或租赁合同）", "copy", rongque=True,
               necessity="可容缺，承诺后补", notes="已登记的不动产信息可通过共享核验")
NO_FEE = ()

# --- 市场监督管理 (market) -------------------------------------------------------------------

_MARKET = [
    matter(
        "000201001000", "market", ["city", "district"], "企业设立登记", "01",
        basis="《中华人民共和国公司法》第二十九条、第四十七条；《中华人民共和国市场主体登记管理条例》"
              "第三条、第十九条；《中华人民共和国市场主体登记管理条例实施细则》",
        conditions="1. 企业名称经自主申报，符合《企业名称登记管理规定》；2. 有符合公司章程规定的全体股东"
                   "认缴的出资额（有限责任公司股东自公司成立之日起五年内缴足）；3. 有公司住所（经营场所）；"
                   "4. 有符合法律规定的组织机构和法定代表人；5. 经营范围中有法律、行政法规规定须经批准的项目的，"
                   "已依法取得批准；6. 申请材料齐全、符合法定形式。",
        legal=3, promised=1, depth=5, scope="city",
        note="《市场主体登记管理条例》第十九条：不能当场登记的，应当在3个工作日内予以登记；"
             "情形复杂的经登记机关负责人批准可再延长3个工作日",
        materials=[mat("公司登记（备案）申请书", "electronic", notes="通过“企业开办一网通办”平台在线填报、电子签名"),
                   mat("公司章程", "electronic", notes="有限责任公司由全体股东签署"),
                   shared("自然人股东身份证件"),
                   mat("非自然人股东的主体资格证明", "copy", required=False, necessity="股东为企业或其他组织的提供"),
                   mat("法定代表人、董事、监事和经理的任职文件", "electronic"),
                   mat("住所（经营场所）使用证明或住所申报承诺书", "electronic",
                       notes="实行住所申报承诺制的区域可提交承诺书"),
                   optional("前置审批文件", "经营范围涉及法律、行政法规规定须报经批准的项目的提供", "copy"),
                   AGENT],
        results=[res("营业执照（含电子营业执照）", validity="营业期限按公司章程载明")],
        objects=("2",), categories=("O-T01", "O-L01"),
        faqs=[faq("注册资本必须在多长时间内实缴？",
                  "依据2023年修订的《公司法》第四十七条，有限责任公司全体股东认缴的出资额应当按照公司章程的规定"
                  "自公司成立之日起五年内缴足。"),
              faq("开办企业能否一次办完刻章、发票和社保登记？",
                  "可以。通过“企业开办一网通办”一次填报，同步办理设立登记、公章刻制备案、新办纳税人涉税事项、"
                  "社保和公积金单位登记，营业执照与印章、发票可一次领取或免费邮寄。")],
    ),
    matter(
        "000201002000", "market", ["city", "district"], "个体工商户设立登记", "01",
        basis="《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》第二条、第三条、第十九条；"
              "《中华人民共和国市场主体登记管理条例实施细则》",
        conditions="1. 申请人为有经营能力的自然人，或以家庭成员共同经营；2. 有固定的经营场所；"
                   "3. 经营范围不属于法律、行政法规禁止个体工商户经营的项目；4. 申请材料齐全、符合法定形式。",
        legal=3, promised=0, depth=5, scope="city",
        note="材料齐全、符合法定形式的当场登记",
        materials=[mat("个体工商户登记（备案）申请书", "electronic"),
                   shared("经营者身份证件"),
                   mat("经营场所使用证明或住所申报承诺书", "electronic"),
                   optional("家庭成员关系证明", "以家庭经营的提供"), AGENT],
        results=[res("营业执照（个体工商户）", validity="长期")],
        objects=("1",), categories=("O-T01", "O-L01"),
        faqs=[faq("个体工商户必须起名称吗？", "不必须。个体工商户可以使用名称，也可以不使用名称。"),
              faq("个体工商户能否转为企业？",
                  "可以。依据《促进个体工商户发展条例》，个体工商户可以直接申请变更为企业（“个转企”），"
                  "原有许可证件可按规定办理变更。")],
    ),
    matter(
        "000201003000", "market", ["city", "district"], "企业变更登记", "01",
        basis="《中华人民共和国公司法》第三十四条、第三十五条；《中华人民共和国市场主体登记管理条例》"
              "第二十四条、第二十五条；《中华人民共和国市场主体登记管理条例实施细则》",
        conditions="1. 企业登记事项（名称、住所、法定代表人、注册资本、经营范围、股东等）依法发生变更；"
                   "2. 已依法作出变更决议或者决定；3. 自作出变更决议、决定或者法定变更事项发生之日起30日内申请；"
                   "4. 申请材料齐全、符合法定形式。",
        legal=3, promised=1, depth=5, scope="city",
        materials=[mat("公司变更登记（备案）申请书", "electronic", notes="变更法定代表人的由变更后的法定代表人签署"),
                   mat("依照《公司法》作出的变更决议或者决定", "electronic"),
                   optional("修改后的公司章程或者章程修正案", "变更事项涉及章程修改的提供", "electronic"),
                   optional("新住所使用证明或住所申报承诺书", "变更住所的提供", "electronic"),
                   optional("新任法定代表人、董事、监事、经理的任职文件", "变更人员的提供", "electronic"),
                   LICENCE, AGENT],
        results=[res("营业执照（变更后换发）", validity="营业期限按公司章程载明")],
        categories=("O-T01", "O-L05"),
        faqs=[faq("原法定代表人无法签字，能否变更法定代表人？",
                  "可以。依据《公司法》第三十五条，公司变更法定代表人的，变更登记申请书由变更后的法定代表人签署。"),
              faq("企业变更名称后其他证照要不要改？",
                  "食品经营许可、道路运输经营许可等证照载明的名称应当同步变更，可通过“企业信息变更”一件事"
                  "一次申请，相关部门并联办理。")],
    ),
    matter(
        "000201004000", "market", ["city", "district"], "企业注销登记", "01",
        basis="《中华人民共和国公司法》第二百三十二条、第二百三十五条、第二百三十九条；"
              "《中华人民共和国市场主体登记管理条例》第三十一条、第三十二条",
        conditions="1. 企业已依法解散并成立清算组；2. 清算组自成立之日起十日内通知债权人，并于六十日内在报纸上"
                   "或者国家企业信用信息公示系统公告；3. 清算结束，清算报告已报股东会或者人民法院确认；"
                   "4. 已结清应缴税款等费用（取得清税信息）；5. 分支机构已注销。",
        legal=3, promised=1, depth=5, scope="city",
        materials=[mat("公司注销登记申请书", "electronic"),
                   mat("清算报告（经股东会决议确认或人民法院确认）", "electronic"),
                   shared("清税信息", "由税务部门通过信息共享推送，免提交清税证明"),
                   mat("营业执照正、副本", "original", notes="无法交回的在公示系统公告作废"),
                   optional("人民法院破产裁定、解散裁判文书", "因破产或被人民法院判决解散的提供", "copy"),
                   AGENT],
        results=[res("准予注销登记通知书", "other")],
        categories=("O-T01", "O-L07"),
        faqs=[faq("一般注销和简易注销怎么选？",
                  "未发生债权债务或已将债权债务清偿完结、全体股东书面承诺的，可以申请简易注销，公示期20日；"
                  "有未清偿债务或者不能作出承诺的，应当清算后申请一般注销。")],
    ),
    matter(
        "000201005000", "market", ["city", "district"], "企业简易注销登记", "01",
        basis="《中华人民共和国公司法》第二百四十条；《中华人民共和国市场主体登记管理条例》第三十三条、"
              "第三十四条；《中华人民共和国市场主体登记管理条例实施细则》",
        conditions="1. 企业未发生债权债务或者已将债权债务清偿完结；2. 未发生或者已结清清偿费用、职工工资、"
                   "社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款）；3. 全体投资人书面承诺对上述情况的真实性"
                   "承担法律责任；4. 在国家企业信用信息公示系统公示20日无异议；5. 不存在被列入经营异常名录或严重"
                   "违法失信名单、股权被冻结或出质、正被立案调查或采取行政强制措施等不适用简易注销的情形。",
        legal=3, promised=1, depth=5, scope="city",
        note="20日公示期不计入办理时限",
        materials=[mat("简易注销登记申请书", "electronic"),
                   mat("全体投资人承诺书", "electronic", notes="在国家企业信用信息公示系统公示20日"),
                   mat("营业执照正、副本", "original"), AGENT],
        results=[res("准予简易注销登记通知书", "other")],
        categories=("O-T01", "O-L07"),
        faqs=[faq("公示期内有人提出异议怎么办？",
                  "公示期内利害关系人提出异议的，不予办理简易注销，企业可在解决异议后重新申请或改为一般注销。"),
              faq("还需要单独去税务部门注销吗？",
                  "未办理过涉税事宜或无欠税（滞纳金）及罚款、已缴销发票的，税务部门通过信息共享出具清税信息，"
                  "无需另行申请。")],
    ),
    matter(
        "000201006000", "market", ["city", "district"], "食品经营许可（新办）", "01",
        basis="《中华人民共和国食品安全法》第三十三条、第三十五条；《食品经营许可和备案管理办法》"
              "（国家市场监督管理总局令第78号）",
        conditions="1. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，"
                   "保持场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离；2. 具有与经营的食品品种、"
                   "数量相适应的经营设备或者设施；3. 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；"
                   "4. 具有合理的设备布局和工艺流程。",
        legal=10, promised=5, inspect=True, depth=5, scope="city",
        note="《食品经营许可和备案管理办法》规定10个工作日内作出决定，特殊原因经负责人批准可延长5个工作日",
        materials=[mat("食品经营许可申请书", "electronic"), LICENCE,
                   mat("与食品经营相适应的主要设备设施、经营布局、操作流程等文件", "electronic"),
                   mat("食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录",
                       "electronic"),
                   mat("食品安全管理人员基本情况", "electronic"),
                   optional("从事网络经营的网站或平台说明", "利用自建网站从事网络食品经营的提供", "electronic"),
                   AGENT],
        results=[res("食品经营许可证", validity="5年")],
        objects=("1", "2"), categories=("O-T02", "O-L04"),
        faqs=[faq("只卖预包装食品（如饮料、零食）的便利店要办食品经营许可证吗？",
                  "不需要许可。依据《食品安全法》第三十五条，仅销售预包装食品的只需向所在地市场监管部门备案。"
                  "同时销售散装食品、现制饮品或热食的，应当申请食品经营许可。"),
              faq("开小饭馆、小吃店是办食品经营许可还是小餐饮许可？",
                  "符合《湖南省小餐饮小食品店许可和备案管理办法》规定的小餐饮，向所在地县级市场监管部门申请"
                  "食品小经营许可；规模以上的餐饮服务申请食品经营许可。")],
    ),
    matter(
        "000210002000", "market", ["district"], "仅销售预包装食品备案", "10",
        basis="《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》"
              "（国家市场监督管理总局令第78号）",
        conditions="1. 已依法取得营业执照等合法主体资格；2. 仅销售预包装食品（含冷藏冷冻预包装食品）。",
        legal=None, promised=0, depth=5, scope="city",
        note="备案事项，法律未设定审查时限；备案信息齐全的当场备案",
        materials=[mat("仅销售预包装食品经营者备案信息采集表", "electronic"), LICENCE, AGENT],
        results=[res("仅销售预包装食品备案编号", "other")],
        objects=("1", "2"), categories=("O-T02", "O-L01"),
        faqs=[faq("备案后能不能卖散装食品、现磨咖啡？",
                  "不能。销售散装食品、制售饮品或热食等超出预包装食品范围的，应当申请食品经营许可或食品小经营许可。"),
              faq("备案信息变了怎么办？", "名称、经营场所等备案信息发生变化的，应当自变化之日起15个工作日内办理备案变更。")],
    ),
    matter(
        "000201008000", "market", ["district"], "食品小经营许可（小餐饮、小食品店）", "01",
        basis="《湖南省食品生产加工小作坊小餐饮和食品摊贩管理条例》第十八条；"
              "《湖南省小餐饮小食品店许可和备案管理办法》（2025年7月10日起施行）",
        conditions="1. 有固定门店，从业人员较少、经营条件简单，经营面积符合《湖南省小餐饮小食品店许可和备案"
                   "管理办法》规定的小餐饮、小食品店标准；2. 有与经营品种相适应的场所、设施设备，远离污染源；"
                   "3. 从业人员持有有效健康证明；4. 有进货查验记录、从业人员健康管理、食品安全事故处置等"
                   "保证食品安全的规章制度。",
        legal=10, promised=7, inspect=True, depth=4,
        note="按湖南省小餐饮许可办法压缩时限；条件未变化的变更、延续实行告知承诺，当场办结",
        materials=[mat("食品小经营许可申请书", "electronic"), LICENCE, shared("经营者身份证件"),
                   mat("经营场所平面布局图及设施设备说明", "electronic", notes="可用现场照片代替图纸"),
                   mat("从业人员健康证明", "copy"),
                   mat("保证食品安全的规章制度", "electronic"), AGENT],
        results=[res("食品小经营许可证", validity="5年")],
        objects=("1", "2"), categories=("O-T02", "O-L01"),
        faqs=[faq("小餐饮可以卖酒水饮料吗？", "可以销售预包装的酒水饮料，但不得经营自酿酒。"),
              faq("超过小餐饮标准的怎么办？", "经营面积或从业人员超过小餐饮标准的，应当申请食品经营许可（新办）。")],
    ),
    matter(
        "000201009000", "market", ["city", "district"], "药品经营许可（零售）", "01",
        basis="《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》"
              "（国家市场监督管理总局令第84号）",
        conditions="1. 有依法经过资格认定的药师或者其他药学技术人员；2. 有与所经营药品相适应的营业场所、设备、"
                   "仓储设施和卫生环境；3. 有与所经营药品相适应的质量管理机构或者人员；4. 有保证药品质量的规章制度，"
                   "符合药品经营质量管理规范要求；5. 符合当地药品零售企业设置规定。",
        legal=20, promised=10, inspect=True,
        materials=[mat("药品经营许可证申请表"), LICENCE,
                   mat("企业负责人、质量负责人身份证明及学历或职称证明", "copy"),
                   optional("执业药师注册证", "经营处方药、甲类非处方药的提供", "copy"),
                   mat("营业场所、仓库平面布局图及使用证明", "copy"),
                   mat("药品质量管理文件目录及主要设施设备目录"), AGENT],
        results=[res("药品经营许可证", validity="5年")],
        objects=("1", "2"), categories=("O-T02", "O-T18"),
        faqs=[faq("便利店、超市能卖感冒药吗？",
                  "取得药品经营许可证后可以经营乙类非处方药，并按规定配备经考核合格的业务人员；处方药和甲类"
                  "非处方药必须由配备执业药师的药品零售企业经营。"),
              faq("药店想刷医保卡怎么办？", "取得药品经营许可证后，可向医疗保障部门申请医药机构定点协议管理。")],
    ),
    matter(
        "000201010000", "market", ["city"], "第三类医疗器械经营许可", "01",
        basis="《医疗器械监督管理条例》第四十条、第四十二条；《医疗器械经营监督管理办法》"
              "（国家市场监督管理总局令第54号）",
        conditions="1. 有与经营规模和经营范围相适应的经营场所和贮存条件；2. 有与经营的医疗器械相适应的质量管理"
                   "制度和质量管理机构或者人员；3. 有符合要求的计算机信息管理系统，保证经营的产品可追溯。",
        legal=20, promised=10, inspect=True,
        note="《医疗器械监督管理条例》第四十二条：自受理之日起20个工作日内作出决定",
        materials=[mat("医疗器械经营许可申请表"), LICENCE,
                   mat("法定代表人、企业负责人、质量负责人身份证明、学历或者职称证明", "copy"),
                   mat("组织机构与部门设置说明"),
                   mat("经营场所、库房地址的地理位置图、平面图、房屋产权或使用证明", "copy"),
                   mat("主要经营设施、设备目录"), mat("经营质量管理制度、工作程序等文件目录"),
                   mat("信息管理系统基本情况说明"), AGENT],
        results=[res("医疗器械经营许可证", validity="5年")],
        categories=("O-T02", "O-T18"),
        faqs=[faq("只卖第二类医疗器械要办许可吗？", "不需要许可，向设区的市级药品监管部门办理第二类医疗器械经营备案。")],
    ),
    matter(
        "000210003000", "market", ["city"], "第二类医疗器械经营备案", "10",
        basis="《医疗器械监督管理条例》第四十一条；《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）",
        conditions="具有与经营范围和经营规模相适应的经营场所和贮存条件，以及与经营的医疗器械相适应的质量管理制度"
                   "和质量管理机构或者人员。",
        legal=None, promised=0, depth=5,
        note="备案事项，提交符合规定的备案资料即完成备案",
        materials=[mat("第二类医疗器械经营备案表", "electronic"), LICENCE,
                   mat("经营场所、库房地址的地理位置图、平面图、房屋产权或使用证明", "electronic"),
                   mat("经营质量管理制度、工作程序等文件目录", "electronic"), AGENT],
        results=[res("第二类医疗器械经营备案凭证", "other")],
        objects=("1", "2"), categories=("O-T02", "O-T18"),
        faqs=[faq("便利店卖体温计、血压计、避孕套要备案吗？",
                  "国家药监局公布的《免于经营备案的第二类医疗器械产品目录》中的产品（如体温计、血压计、"
                  "家用血糖仪及试纸条、避孕套等）免于经营备案。")],
    ),
    matter(
        "000201012000", "market", ["city", "district"], "特种设备使用登记", "01",
        basis="《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》（TSG 08-2017）",
        conditions="1. 特种设备由取得许可的单位设计、制造、安装（改造、修理），并经监督检验合格；"
                   "2. 使用单位应当在特种设备投入使用前或者投入使用后三十日内申请办理使用登记；"
                   "3. 申请材料齐全、符合规定。",
        legal=15, promised=5, depth=4,
        note="依据《特种设备使用管理规则》，登记机关自受理之日起15个工作日内完成审查和发证",
        materials=[mat("特种设备使用登记表", copies=2), LICENCE,
                   mat("特种设备产品合格证（含产品数据表）", "copy"),
                   mat("特种设备监督检验证明（安全技术规范要求首次检验的提供首次检验报告）", "copy"),
                   optional("锅炉能效证明文件", "办理锅炉使用登记的提供", "copy"),
                   optional("机动车行驶证", "移动式压力容器、车用气瓶的提供", "copy"), AGENT],
        results=[res("特种设备使用登记证", validity="长期（停用、移装、过户、报废时办理变更或注销）")],
        objects=("1", "2", "3"), categories=("O-T19", "O-L04"),
        faqs=[faq("小区电梯由谁办理使用登记？", "由电梯的使用单位办理，通常是受委托管理电梯的物业服务企业或产权单位。"),
              faq("办完登记后还要做什么？", "应当将使用登记标志置于设备显著位置，并在检验有效期届满前一个月申请定期检验。")],
    ),
    matter(
        "000201013000", "market", ["city", "district"], "计量标准器具核准", "01",
        basis="《中华人民共和国计量法》第六条、第八条；《中华人民共和国计量法实施细则》；"
              "《计量标准考核办法》",
        conditions="1. 计量标准器及配套设备经计量检定合格或校准；2. 具有正常工作所需要的环境条件；"
                   "3. 具有称职的保存、维护、使用人员；4. 具有完善的管理制度；5. 计量标准经考评合格。",
        legal=20, promised=15, note="计量标准现场考评时间不计入办理时限",
        materials=[mat("计量标准考核（复查）申请书", copies=2), mat("计量标准技术报告"),
                   mat("计量标准器及主要配套设备有效检定或校准证书", "copy"),
                   mat("检定或校准人员能力证明", "copy"), LICENCE, AGENT],
        results=[res("计量标准考核证书", validity="以证书载明有效期为准，期满前6个月申请复查")],
        objects=("2", "3"), categories=("O-T03",),
    ),
    matter(
        "000207006000", "market", ["city", "district"], "股权出质登记", "07",
        basis="《中华人民共和国民法典》第四百四十三条；《股权出质登记办法》",
        conditions="1. 出质股权为依法可以转让的有限责任公司股权或者未在证券登记结算机构登记的股份有限公司股份；"
                   "2. 出质股权未被人民法院依法冻结；3. 出质人与质权人已订立书面质押合同。",
        legal=None, promised=0, depth=4,
        note="《股权出质登记办法》规定申请材料齐全、符合法定形式的当场办理登记",
        materials=[mat("股权出质登记申请书", notes="由出质人和质权人共同签署"), mat("质权合同", "copy"),
                   mat("出质人、质权人的主体资格证明或自然人身份证件", "copy"), AGENT],
        results=[res("股权出质设立登记通知书", "other")],
        objects=("1", "2"), categories=("O-T10", "O-T09"),
        faqs=[faq("股权质押什么时候生效？", "依据《民法典》第四百四十三条，以股权出质的，质权自办理出质登记时设立。")],
    ),
    matter(
        "000210004000", "market", ["city", "district"], "市场监督管理行政处罚信息信用修复", "10",
        basis="《企业信息公示暂行条例》；《市场监督管理信用修复管理办法》；"
              "国务院办公厅《关于进一步完善信用修复制度的实施方案》（国办发〔2025〕22号）",
        conditions="1. 已完全履行行政处罚决定规定的义务（缴清罚没款等）；2. 行政处罚信息最短公示期已届满；"
                   "3. 已主动消除危害后果和不良社会影响；4. 未因同一类违法行为再次受到市场监管部门行政处罚。",
        legal=15, promised=5, depth=5, scope="city",
        note="修复结果同步推送“信用中国”网站和国家企业信用信息公示系统",
        materials=[mat("信用修复申请书", "electronic"), mat("守信承诺书", "electronic"),
                   mat("履行行政处罚决定的证明材料（罚没款缴纳凭证等）", "electronic"), AGENT],
        results=[res("信用修复决定书（停止公示行政处罚信息）", "other")],
        objects=("1", "2"), categories=("O-T04", "O-L05"),
        faqs=[faq("处罚信息公示多久后可以申请修复？",
                  "按国办发〔2025〕22号，一般失信信息公示期最短3个月、最长1年，严重失信信息最短1年、最长3年；"
                  "最短公示期届满后可申请修复。"),
              faq("信用修复收费吗？", "不收费。信用修复是免费的公益性服务，请勿轻信有偿“代办修复”。")],
    ),
    matter(
        "000210005000", "market", ["city", "district"], "申请移出经营异常名录", "10",
        basis="《企业信息公示暂行条例》；《市场监督管理信用修复管理办法》",
        conditions="企业因未按期公示年度报告、未按规定公示即时信息、公示信息隐瞒真实情况或弄虚作假、"
                   "通过登记的住所无法联系被列入经营异常名录，且已补报、更正相关信息或已依法办理住所变更登记、"
                   "能够通过登记的住所取得联系。",
        legal=5, promised=2, depth=5, scope="city",
        materials=[mat("移出经营异常名录申请书", "electronic"),
                   optional("补报的年度报告或更正后的公示信息", "因未报年报、公示信息有误被列入的提供", "electronic"),
                   optional("住所可以联系的证明或住所变更登记材料", "因通过登记住所无法联系被列入的提供", "electronic"),
                   AGENT],
        results=[res("移出经营异常名录决定书", "other")],
        objects=("2",), categories=("O-T04", "O-L05"),
    ),
]

# --- 消防、城管、生态环境 (fire, urban_management, ecology) ------------------------------------

_SITE_AND_CITY = [
    matter(
        "000201017000", "fire", ["city", "district"], "公众聚集场所投入使用、营业前消防安全检查", "01",
        basis="《中华人民共和国消防法》第十五条、第七十三条；《公众聚集场所投入使用、营业前消防安全检查规则》",
        conditions="1. 场所依法通过建设工程消防验收或备案抽查合格；2. 消防设施、器材配置齐全完好有效；"
                   "3. 疏散通道、安全出口、消防车通道畅通，疏散指示标志和应急照明符合要求；4. 建立消防安全制度、"
                   "操作规程和灭火、应急疏散预案；5. 员工经过岗前消防安全培训，自动消防系统操作人员持证上岗。",
        legal=10, promised=5, inspect=True, depth=5, scope="city",
        note="选择告知承诺方式并提交承诺文件的，材料齐全即当场许可、事后核查；不采用告知承诺的，"
             "自受理之日起10个工作日内现场检查并作出决定",
        materials=[mat("公众聚集场所投入使用、营业消防安全告知承诺书", "electronic", necessity="选择告知承诺方式的提供"),
                   mat("公众聚集场所投入使用、营业前消防安全检查申请表", "electronic"), LICENCE,
                   mat("消防安全制度、灭火和应急疏散预案、场所平面布置图、消防设施平面图", "electronic"),
                   mat("员工岗前消防安全教育培训记录和自动消防系统操作人员消防职业资格证书", "electronic"),
                   shared("建设工程消防验收意见书或备案凭证", "由住房和城乡建设部门出具，通过数据共享核验"),
                   AGENT],
        results=[res("公众聚集场所投入使用、营业前消防安全检查合格证", validity="长期（场所改变用途或改建扩建的重新申请）")],
        objects=("1", "2"), categories=("O-T02", "O-T19"),
        faqs=[faq("哪些场所属于公众聚集场所？",
                  "依据《消防法》第七十三条，公众聚集场所是指宾馆、饭店、商场、集贸市场、客运车站候车室、客运码头"
                  "候船厅、民用机场航站楼、体育场馆、会堂以及公共娱乐场所等。"),
              faq("开饭店能当场拿到消防许可吗？",
                  "可以。选择告知承诺方式并如实承诺场所符合消防技术标准的，材料齐全当场许可；消防救援机构随后"
                  "进行核查，发现与承诺不符的依法撤销许可。")],
    ),
    matter(
        "000201018000", "urban_management", ["city", "district"],
        "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批", "01",
        basis="《城市市容和环境卫生管理条例》第十一条、第十七条；《国务院对确需保留的行政审批项目设定行政许可的"
              "决定》（国务院令第412号）",
        conditions="1. 设置位置符合城市户外广告设置规划和市容标准；2. 申请人对设置场地或载体享有产权或者已取得"
                   "使用权；3. 大型户外广告设施结构安全、外型美观，内容健康；4. 不影响交通安全、消防安全和"
                   "周边居民正常生活。",
        legal=20, promised=5,
        materials=[mat("户外广告设施设置申请表"), LICENCE,
                   mat("设置场地或载体的产权证明或使用协议", "copy"),
                   mat("设计效果图（标明位置、尺寸、材质、照明方式）"),
                   optional("大型户外广告设施结构安全设计文件", "设置大型户外广告设施的提供"), AGENT],
        results=[res("户外广告设施设置许可决定书", "approval", "按批准的设置期限")],
        objects=("1", "2"), categories=("O-T02", "O-L01"),
        faqs=[faq("门头店招牌要不要审批？",
                  "门头店招牌一般不属于大型户外广告，按本市店招标牌设置规范设置，实行告知承诺或备案管理；"
                  "设置在建筑物外墙的大型招牌、楼顶招牌仍需审批。")],
    ),
    matter(
        "000201019000", "urban_management", ["city", "district"], "城市建筑垃圾处置核准", "01",
        basis="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；《中华人民共和国固体"
              "废物污染环境防治法》第六十三条；《城市建筑垃圾管理规定》（建设部令第139号）第七条",
        conditions="1. 已编制建筑垃圾处理方案，明确建筑垃圾的种类、数量和处置去向；2. 已与符合条件的运输单位"
                   "签订运输合同，运输车辆密闭并安装定位装置；3. 有符合规定的消纳场所或综合利用渠道；"
                   "4. 施工现场设置冲洗设施。",
        legal=20, promised=5,
        materials=[mat("城市建筑垃圾处置核准申请表"), mat("建筑垃圾处理方案"),
                   mat("与运输单位签订的运输合同", "copy"), mat("消纳场所或综合利用单位同意接收的证明", "copy"),
                   shared("建筑工程施工许可证", "由住房和城乡建设部门核发，通过共享获取"), AGENT],
        results=[res("城市建筑垃圾处置核准文件", "approval", "按工程施工期限")],
        categories=("O-T13", "O-L03"),
    ),
    matter(
        "000201020000", "urban_management", ["city", "district"], "临时占用、挖掘城市道路审批", "01",
        basis="《城市道路管理条例》第三十一条、第三十三条",
        conditions="1. 因特殊情况确需临时占用城市道路或因工程建设确需挖掘城市道路；2. 占用、挖掘的位置、"
                   "面积、期限合理，有交通疏导和安全防护方案；3. 影响交通安全的已征得公安交通管理部门同意；"
                   "4. 挖掘城市道路的，已取得规划、施工等相关批准文件。",
        legal=20, promised=5,
        materials=[mat("临时占用（挖掘）城市道路申请表"), mat("占用（挖掘）位置平面图及施工组织方案"),
                   optional("公安交通管理部门意见", "影响交通安全的提供", "copy"),
                   optional("建设工程规划许可等批准文件", "挖掘城市道路的提供", "copy"), AGENT],
        results=[res("临时占用（挖掘）城市道路许可决定书", "approval", "按批准的占用、挖掘期限")],
        objects=("1", "2", "3"), categories=("O-T13", "O-L03"),
        faqs=[faq("占道期满还没完工怎么办？", "应当在期满前向原审批机关申请延期；逾期占用的依法处理。")],
    ),
    matter(
        "000201021000", "urban_management", ["city"], "从事城市生活垃圾经营性清扫、收集、运输、处理服务审批", "01",
        basis="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；"
              "《城市生活垃圾管理办法》（建设部令第157号）",
        conditions="1. 具有企业法人资格；2. 有与服务规模相适应的密闭、防遗撒的垃圾收集运输车辆和设备；"
                   "3. 有健全的技术、质量、安全和监测管理制度并得到有效执行；4. 有固定的办公及机械、设备、"
                   "车辆停放场所。",
        legal=20, promised=10,
        materials=[mat("城市生活垃圾经营性服务申请书"), LICENCE,
                   mat("车辆、设备清单及行驶证", "copy"), mat("技术、质量、安全和监测管理制度"),
                   mat("办公及车辆停放场所使用证明", "copy"), AGENT],
        results=[res("城市生活垃圾经营性服务许可证", validity="以许可证载明期限为准")],
        categories=("O-T02", "O-T14"),
    ),
    matter(
        "000201022000", "urban_management", ["city", "district"], "临时占用城市绿化用地审批", "01",
        basis="《城市绿化条例》第二十条",
        conditions="1. 因建设或者其他特殊需要确需临时占用城市绿化用地；2. 占用面积、期限合理；"
                   "3. 有期满恢复绿地原状的方案和承诺。",
        legal=20, promised=5,
        materials=[mat("临时占用城市绿化用地申请表"), mat("占用位置图及恢复方案"),
                   optional("项目批准文件", "因工程建设占用的提供", "copy"), AGENT],
        results=[res("临时占用城市绿化用地许可决定书", "approval", "按批准的占用期限")],
        objects=("1", "2", "3"), categories=("O-T14", "O-L03"),
    ),
    matter(
        "000201023000", "ecology", ["city"], "建设项目环境影响报告表审批", "01",
        basis="《中华人民共和国环境影响评价法》第十六条、第二十二条；《建设项目环境保护管理条例》第九条；"
              "《建设项目环境影响评价分类管理名录》",
        conditions="1. 建设项目类型及其选址、布局、规模等符合环境保护法律法规和相关法定规划；"
                   "2. 所在区域环境质量满足功能区要求或有改善措施；3. 采取的污染防治措施能确保污染物排放达到"
                   "国家和地方排放标准；4. 报告表的基础资料数据真实，内容不存在重大缺陷。",
        legal=30, promised=15,
        note="《环境影响评价法》第二十二条：自收到环境影响报告表之日起30日内作出审批决定；技术评估时间不计入",
        intermediary="环境影响报告表编制（建设单位可自行编制或委托技术单位编制）",
        materials=[mat("建设项目环境影响报告表审批申请"), mat("建设项目环境影响报告表（全本）"),
                   mat("删除涉及国家秘密、商业秘密内容的报告表公开版本说明"), LICENCE, AGENT],
        results=[res("建设项目环境影响报告表批复", "approval", "5年（项目超过5年方开工建设的应当报原审批部门重新审核）")],
        objects=("2", "3"), categories=("O-T08", "O-T14", "O-L02"),
    ),
    matter(
        "000201024000", "ecology", ["city"], "建设项目环境影响报告书审批", "01",
        basis="《中华人民共和国环境影响评价法》第十六条、第二十一条、第二十二条；《建设项目环境保护管理条例》第九条",
        conditions="1. 建设项目符合环境保护法律法规和相关法定规划；2. 已依法开展公众参与；3. 污染防治和生态保护"
                   "措施可行，能确保污染物达标排放、满足总量控制要求；4. 报告书基础资料数据真实，结论明确。",
        legal=60, promised=30,
        note="《环境影响评价法》第二十二条：自收到环境影响报告书之日起60日内作出审批决定；技术评估时间不计入",
        intermediary="环境影响报告书编制；技术评估",
        materials=[mat("建设项目环境影响报告书审批申请"), mat("建设项目环境影响报告书（全本）"),
                   mat("公众参与说明"), LICENCE, AGENT],
        results=[res("建设项目环境影响报告书批复", "approval", "5年")],
        objects=("2", "3"), categories=("O-T08", "O-T14", "O-L02"),
    ),
    matter(
        "000201025000", "ecology", ["city"], "排污许可证核发", "01",
        basis="《中华人民共和国环境保护法》第四十五条；《排污许可管理条例》第二条、第六条、第十二条、第十四条；"
              "《固定污染源排污许可分类管理名录（2019年版）》",
        conditions="1. 依法取得建设项目环境影响报告书（表）批准文件或者办理了环境影响登记备案手续；"
                   "2. 污染物排放符合污染物排放标准要求，重点污染物排放符合总量控制指标；3. 采用的污染防治设施"
                   "或者措施有能力达到许可排放浓度要求；4. 自行监测方案的监测点位、指标、频次等符合规定。",
        legal=30, promised=15,
        note="《排污许可管理条例》第十二条：简化管理的20日内、重点管理的30日内作出决定，需现场核查的45日内；"
             "本事项按重点管理时限公示",
        materials=[mat("排污许可证申请表", "electronic", notes="通过全国排污许可证管理信息平台填报"),
                   mat("自行监测方案", "electronic"), mat("守法承诺书", "electronic"),
                   shared("建设项目环境影响报告书（表）批准文件或环境影响登记表备案材料", "由生态环境部门出具，系统内调取"),
                   AGENT],
        results=[res("排污许可证", validity="5年")],
        objects=("2", "3"), categories=("O-T14", "O-L04"),
        faqs=[faq("开餐饮店要办排污许可证吗？",
                  "以《固定污染源排污许可分类管理名录（2019年版）》为准，未列入名录的一般餐饮店无需申领排污"
                  "许可证或填报排污登记表，但应安装油烟净化设施，并依法办理城镇污水排入排水管网许可。"),
              faq("排污登记和排污许可有什么区别？",
                  "名录规定实行登记管理的排污单位只需在全国排污许可证管理信息平台填报排污登记表，不需要申领许可证。")],
    ),
]

# --- 住房城乡建设、自然资源、水利 (housing, natural_resources, water) --------------------------

_CONSTRUCTION = [
    matter(
        "000201026000", "housing", ["city", "district"], "城镇污水排入排水管网许可", "01",
        basis="《城镇排水与污水处理条例》第二十一条；《城镇污水排入排水管网许可管理办法》"
              "（住房和城乡建设部令第21号）",
        conditions="1. 排放口的设置符合城镇排水与污水处理规划的要求；2. 按照国家有关规定建设相应的预处理设施"
                   "和水质、水量检测设施（餐饮业应设置隔油设施）；3. 排放的污水符合国家或者地方规定的排放标准；"
                   "4. 已按规定实行雨水、污水分流。",
        legal=20, promised=5, depth=5, scope="city",
        note="实行告知承诺制的，申请人承诺符合条件并提交材料后当场作出许可决定",
        materials=[mat("城镇污水排入排水管网许可申请表", "electronic"), LICENCE,
                   mat("排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明", "electronic"),
                   mat("按规定建设污水预处理设施的有关材料（隔油池、化粪池等）", "electronic"),
                   optional("排水水质、水量检测报告", "列入重点排污单位名录的排水户提供", "electronic"),
                   AGENT],
        results=[res("城镇污水排入排水管网许可证", validity="5年")],
        objects=("1", "2"), categories=("O-T02", "O-T14"),
        faqs=[faq("开餐馆需要办排水许可吗？",
                  "需要。从事餐饮活动向城镇排水设施排放污水的个体工商户和企业属于排水户，应当申请排水许可，"
                  "并设置隔油设施、定期清掏。")],
    ),
    matter(
        "000201027000", "housing", ["city", "district"], "建筑工程施工许可证核发", "01",
        basis="《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）",
        conditions="1. 依法应当办理用地批准手续的已经办理；2. 依法应当办理建设工程规划许可证的已经取得；"
                   "3. 施工场地已经基本具备施工条件；4. 已经确定施工企业；5. 有满足施工需要的技术资料，施工图设计"
                   "文件已按规定审查合格；6. 有保证工程质量和安全的具体措施；7. 建设资金已经落实。",
        legal=7, promised=3, depth=5, scope="city",
        note="《建筑工程施工许可管理办法》：自收到申请之日起七日内颁发；工程投资额30万元以下或建筑面积300平方米"
             "以下的建筑工程可以不申请",
        materials=[mat("建筑工程施工许可证申请表", "electronic"),
                   shared("建设工程规划许可证", "由自然资源和规划部门核发，通过共享获取"),
                   mat("中标通知书或施工合同", "electronic"),
                   mat("施工图设计文件审查合格书或审查承诺", "electronic"),
                   mat("建设资金已经落实承诺书", "electronic"),
                   mat("工程质量安全措施（质量安全监督手续合并办理）", "electronic"), AGENT],
        results=[res("建筑工程施工许可证", validity="自领证之日起三个月内开工，可申请延期两次、每次不超过三个月")],
        objects=("2", "3"), categories=("O-T13", "O-L03"),
    ),
    matter(
        "000201028000", "housing", ["city", "district"], "特殊建设工程消防设计审查", "01",
        basis="《中华人民共和国消防法》第十一条；《建设工程消防设计审查验收管理暂行规定》",
        conditions="1. 属于《建设工程消防设计审查验收管理暂行规定》所列特殊建设工程；2. 消防设计文件符合国家工程"
                   "建设消防技术标准；3. 设计单位具有相应资质。",
        legal=15, promised=10,
        note="自受理之日起15个工作日内出具审查意见；依法需要组织专家评审的，专家评审时间不计入（不超过20个工作日）",
        materials=[mat("特殊建设工程消防设计审查申请表", "electronic"), mat("消防设计文件", "electronic"),
                   optional("特殊消防设计技术资料", "依法需要专家评审的提供", "electronic"), AGENT],
        results=[res("特殊建设工程消防设计审查意见书", "approval")],
        objects=("2", "3"), categories=("O-T13", "O-L03"),
    ),
    matter(
        "000201029000", "housing", ["city", "district"], "特殊建设工程消防验收", "01",
        basis="《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》",
        conditions="1. 特殊建设工程已完成消防设计审查并按审查合格的消防设计文件施工；2. 建设单位已组织竣工验收"
                   "消防查验合格；3. 消防设施检测合格。",
        legal=15, promised=10,
        materials=[mat("特殊建设工程消防验收申请表", "electronic"), mat("工程竣工验收报告", "electronic"),
                   mat("涉及消防的建设工程竣工图纸", "electronic"), AGENT],
        results=[res("特殊建设工程消防验收意见书", "approval")],
        objects=("2", "3"), categories=("O-T13", "O-L03"),
    ),
    matter(
        "000210006000", "housing", ["city", "district"], "其他建设工程消防验收备案", "10",
        basis="《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》",
        conditions="其他建设工程竣工验收合格后，建设单位已组织消防查验合格。",
        legal=None, promised=0, depth=5,
        note="备案材料齐全的当场出具备案凭证；被确定为检查对象的，按规定抽查",
        materials=[mat("消防验收备案表", "electronic"), mat("工程竣工验收报告", "electronic"),
                   mat("涉及消防的建设工程竣工图纸", "electronic"), AGENT],
        results=[res("建设工程消防验收备案凭证", "other")],
        objects=("2", "3"), categories=("O-T13", "O-L03"),
    ),
    matter(
        "000201030000", "housing", ["city", "district"], "商品房预售许可", "01",
        basis="《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》",
        conditions="1. 已交付全部土地使用权出让金，取得土地使用权证书；2. 持有建设工程规划许可证和施工许可证；"
                   "3. 按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的百分之二十五以上，并已经确定"
                   "施工进度和竣工交付日期；4. 已按规定设立商品房预售资金监管账户。",
        legal=10, promised=5,
        materials=[mat("商品房预售许可申请表"), shared("不动产权证书（国有建设用地使用权）"),
                   shared("建设工程规划许可证和建筑工程施工许可证"),
                   mat("投入开发建设资金达到工程建设总投资25%以上的证明"),
                   mat("商品房预售方案"), mat("预售资金监管协议", "copy"), AGENT],
        results=[res("商品房预售许可证")],
        categories=("O-T13", "O-T11"),
    ),
    matter(
        "000210007000", "housing", ["city", "district"], "房屋建筑和市政基础设施工程竣工验收备案", "10",
        basis="《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》",
        conditions="建设工程已经竣工验收合格，建设单位自竣工验收合格之日起15日内申请备案。",
        legal=None, promised=0, depth=5,
        note="备案机关验证文件齐全后即在备案表上签署文件收讫",
        materials=[mat("工程竣工验收备案表", "electronic", copies=2), mat("工程竣工验收报告", "electronic"),
                   shared("规划、消防、环保等部门出具的认可文件或准许使用文件"),
                   mat("施工单位签署的工程质量保修书", "electronic"), AGENT],
        results=[res("工程竣工验收备案表（已备案）", "other")],
        objects=("2", "3"), categories=("O-T13", "O-L03"),
    ),
    matter(
        "000201031000", "housing", ["city", "district"], "燃气经营许可证核发", "01",
        basis="《城镇燃气管理条例》第十五条；《燃气经营许可管理办法》",
        conditions="1. 符合燃气发展规划要求；2. 有符合国家标准的燃气气源和燃气设施；3. 有固定的经营场所、"
                   "完善的安全管理制度和健全的经营方案；4. 企业的主要负责人、安全生产管理人员以及运行、维护和"
                   "抢修人员经专业培训并考核合格。",
        legal=20, promised=10, inspect=True,
        materials=[mat("燃气经营许可申请书"), LICENCE, mat("燃气气源证明及燃气设施竣工验收材料", "copy"),
                   mat("安全管理制度和经营方案"), mat("主要负责人、安全管理人员及运行维护抢修人员考核合格证明", "copy"),
                   AGENT],
        results=[res("燃气经营许可证", validity="以许可证载明期限为准")],
        categories=("O-T02", "O-T19"),
    ),
    matter(
        "000201032000", "natural_resources", ["city", "district"], "建设工程规划许可证核发", "01",
        basis="《中华人民共和国城乡规划法》第四十条；《湖南省实施〈中华人民共和国城乡规划法〉办法》",
        conditions="1. 已取得国有土地使用权；2. 建设工程设计方案符合控制性详细规划和规划条件；"
                   "3. 需要编制修建性详细规划的，修建性详细规划已经审定。",
        legal=20, promised=10,
        materials=[mat("建设工程规划许可证申请表", "electronic"),
                   shared("不动产权证书（国有建设用地使用权）"),
                   mat("建设工程设计方案（总平面图及各层平面图、立面图、剖面图）", "electronic"),
                   optional("经审定的修建性详细规划", "需要编制修建性详细规划的提供", "electronic"), AGENT],
        results=[res("建设工程规划许可证")],
        objects=("2", "3"), categories=("O-T13", "O-L03"),
    ),
    matter(
        "000201033000", "natural_resources", ["city", "district"], "建设用地规划许可证核发", "01",
        basis="《中华人民共和国城乡规划法》第三十七条、第三十八条；《自然资源部关于以“多规合一”为基础推进"
              "规划用地“多审合一、多证合一”改革的通知》（自然资规〔2019〕2号）",
        conditions="1. 以划拨方式取得国有土地使用权的，已经有关部门批准、核准或备案，并取得用地预审与选址意见书；"
                   "2. 以出让方式取得国有土地使用权的，已签订国有建设用地使用权出让合同；3. 用地符合国土空间规划"
                   "和规划条件。",
        legal=20, promised=5,
        materials=[mat("建设用地规划许可证申请表", "electronic"),
                   optional("国有建设用地使用权出让合同", "出让方式取得的提供", "copy"),
                   optional("建设项目批准、核准或备案文件", "划拨方式取得的提供", "copy"),
                   mat("标示拟用地范围的地形图", "electronic"), AGENT],
        results=[res("建设用地规划许可证")],
        objects=("2", "3"), categories=("O-T08", "O-L02"),
    ),
    matter(
        "000201034000", "natural_resources", ["city"], "建设项目用地预审与选址意见书核发", "01",
        basis="《中华人民共和国城乡规划法》第三十六条；《中华人民共和国土地管理法》第五十二条；"
              "《自然资源部关于以“多规合一”为基础推进规划用地“多审合一、多证合一”改革的通知》（自然资规〔2019〕2号）",
        conditions="1. 建设项目选址符合国土空间规划和用途管制要求；2. 符合土地使用标准，节约集约用地；"
                   "3. 占用耕地的落实补充耕地责任，涉及永久基本农田的符合法定情形。",
        legal=20, promised=10,
        materials=[mat("建设项目用地预审与选址申请表", "electronic"),
                   mat("建设项目用地预审与选址申请报告", "electronic"),
                   mat("拟选址位置图及勘测定界图", "electronic"), AGENT],
        results=[res("建设项目用地预审与选址意见书", validity="3年")],
        objects=("2", "3"), categories=("O-T08", "O-L02"),
    ),
    matter(
        "000207004000", "natural_resources", ["city", "district"], "国有建设用地使用权及房屋所有权首次登记（单位）", "07",
        basis="《中华人民共和国民法典》第二百零九条、第二百一十条；《不动产登记暂行条例》第十四条、第二十条；"
              "《不动产登记暂行条例实施细则》",
        conditions="1. 已依法取得国有建设用地使用权；2. 房屋已竣工验收合格；3. 权属清楚、界址清楚、面积准确；"
                   "4. 申请材料齐全、符合法定形式。",
        legal=30, promised=5, payment=True,
        note="《不动产登记暂行条例》第二十条：自受理之日起30个工作日内办结",
        materials=[mat("不动产登记申请书"), shared("不动产权证书（国有建设用地使用权）"),
                   shared("建设工程规划许可证及竣工验收备案材料"),
                   mat("房屋测绘成果（房产测绘报告）"), LICENCE, AGENT],
        fees=[fee("不动产登记费（非住宅）", "550元/件，每增加一本证书加收工本费10元",
                  "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）",
                  55000, "小微企业（含个体工商户）申请不动产登记免收登记费")],
        results=[res("不动产权证书（含电子证照）", validity="与土地使用权期限一致")],
        objects=("2", "3"), categories=("O-T13", "O-L03"),
    ),
    matter(
        "000207005000", "natural_resources", ["city", "district"], "不动产抵押权首次登记（企业融资）", "07",
        basis="《中华人民共和国民法典》第三百九十五条、第四百零二条；《不动产登记暂行条例》第十四条",
        conditions="1. 抵押物为依法可以抵押的不动产，且已办理所有权（使用权）首次登记；2. 抵押人与抵押权人已订立"
                   "书面抵押合同；3. 由抵押人和抵押权人共同申请。",
        legal=30, promised=1, payment=True, depth=5,
        materials=[mat("不动产登记申请书", "electronic"), shared("不动产权证书"),
                   mat("主债权合同及抵押合同", "electronic"), LICENCE, AGENT],
        fees=[fee("不动产登记费（非住宅）", "550元/件",
                  "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）",
                  55000, "小微企业（含个体工商户）申请不动产登记免收登记费")],
        results=[res("不动产登记证明（抵押权）", "other")],
        objects=("2",), categories=("O-T10", "O-T09"),
        faqs=[faq("银行可以直接在网点申请抵押登记吗？",
                  "可以。已开通“不动产登记+金融服务”的银行网点可代为受理抵押登记，全程网办，电子证明当日推送。")],
    ),
    matter(
        "000201038000", "water", ["city", "district"], "取水许可", "01",
        basis="《中华人民共和国水法》第七条、第四十八条；《取水许可和水资源费征收管理条例》；《取水许可管理办法》",
        conditions="1. 取水符合流域综合规划、区域水资源规划和用水总量控制指标；2. 取水用途和取水量合理，符合"
                   "行业用水定额；3. 取水、退水不损害第三者合法权益和生态环境；4. 按规定开展了建设项目水资源论证。",
        legal=45, promised=20,
        note="《取水许可和水资源费征收管理条例》规定审批机关自受理之日起45个工作日内作出决定",
        intermediary="建设项目水资源论证报告书（表）编制",
        materials=[mat("取水许可申请书"), mat("建设项目水资源论证报告书（表）"),
                   optional("与第三者利害关系的相关说明", "取水涉及第三者利害关系的提供"),
                   LICENCE, AGENT],
        results=[res("取水许可证", validity="一般5年，最长不超过10年")],
        objects=("2", "3"), categories=("O-T08", "O-T16"),
    ),
    matter(
        "000201039000", "water", ["city", "district"], "生产建设项目水土保持方案审批", "01",
        basis="《中华人民共和国水土保持法》第二十五条、第二十六条",
        conditions="1. 生产建设项目位于山区、丘陵区、风沙区或者水土保持规划确定的容易发生水土流失的其他区域；"
                   "2. 水土保持方案符合水土保持技术标准；3. 水土流失防治措施可行。",
        legal=20, promised=10,
        note="征占地面积和挖填土石方量较小的项目实行承诺制或备案管理",
        intermediary="水土保持方案编制",
        materials=[mat("生产建设项目水土保持方案审批申请"), mat("水土保持方案报告书（表）"), AGENT],
        results=[res("生产建设项目水土保持方案准予许可决定书", "approval")],
        objects=("2", "3"), categories=("O-T08", "O-T14"),
    ),
]

# --- 卫生健康、农业农村、林业 (health, agriculture, forestry) -----------------------------------

_HEALTH_AND_LAND = [
    matter(
        "000201040000", "health", ["city", "district"], "公共场所卫生许可（不含饭馆、咖啡馆、酒吧、茶座）", "01",
        basis="《公共场所卫生管理条例》第四条；《公共场所卫生管理条例实施细则》第二十二条；"
              "《国务院关于整合调整餐饮服务场所的公共场所卫生许可证和食品经营许可证的决定》（国发〔2016〕12号）",
        conditions="1. 场所选址、布局、建筑装修材料、给排水、通风、采光照明等符合卫生标准和要求；"
                   "2. 配备与经营项目相适应的清洗、消毒、保洁、通风等卫生设施设备；3. 建立卫生管理制度，"
                   "设专（兼）职卫生管理人员；4. 从业人员取得有效健康合格证明；5. 室内空气质量、水质等经检测合格。",
        legal=20, promised=10, inspect=True, depth=5, scope="city",
        note="实行告知承诺的，申请人承诺符合条件后当场发证、事后核查",
        materials=[mat("公共场所卫生许可申请表", "electronic"), LICENCE,
                   mat("公共场所地址方位示意图、平面图和卫生设施平面布局图", "electronic"),
                   mat("公共场所卫生检测或者评价报告", "electronic", rongque=True, necessity="可容缺，承诺后补"),
                   mat("公共场所卫生管理制度", "electronic"),
                   optional("集中空调通风系统卫生检测或评价报告", "使用集中空调通风系统的提供", "electronic"),
                   AGENT],
        results=[res("公共场所卫生许可证", validity="4年")],
        objects=("1", "2"), categories=("O-T02", "O-T18"),
        faqs=[faq("开饭馆、咖啡店、奶茶店还要办公共场所卫生许可证吗？",
                  "不需要。依据国发〔2016〕12号，已取消对饭馆、咖啡馆、酒吧、茶座4类场所的公共场所卫生许可，"
                  "其食品安全由市场监管部门的食品经营许可统一管理。"),
              faq("哪些场所需要办理？",
                  "宾馆、旅店、招待所，公共浴室、理发店、美容店，影剧院、歌舞厅、游艺厅，游泳场（馆），商场（店）、"
                  "书店，候车（机、船）室等场所，公园、体育场（馆）、公共交通工具除外。")],
    ),
    matter(
        "000201041000", "health", ["city", "district"], "医疗机构执业登记", "01",
        basis="《医疗机构管理条例》第十四条、第十五条；《医疗机构管理条例实施细则》",
        conditions="1. 按照规定应当办理设置医疗机构批准书的，已取得批准书；2. 符合医疗机构的基本标准；"
                   "3. 有适合的名称、组织机构和场所；4. 有与其开展的业务相适应的经费、设施、设备和专业卫生技术人员；"
                   "5. 有相应的规章制度；6. 能够独立承担民事责任。",
        legal=45, promised=20, inspect=True,
        note="《医疗机构管理条例》规定执业登记机关自受理之日起45日内审核；二级及以下医疗机构设置审批与执业登记"
             "“两证合一”",
        materials=[mat("医疗机构申请执业登记注册书"), LICENCE,
                   mat("医疗机构用房产权证明或者使用证明", "copy"), mat("医疗机构建筑设计平面图"),
                   mat("验资证明、资产评估报告", "copy"), mat("医疗机构规章制度"),
                   mat("医疗机构法定代表人或者主要负责人以及各科室负责人名录和有关资格证书、执业证书", "copy"),
                   AGENT],
        results=[res("医疗机构执业许可证", validity="以许可证载明有效期为准，按规定校验")],
        objects=("2", "3", "4"), categories=("O-T02", "O-T18"),
        faqs=[faq("开诊所也要执业登记吗？", "不需要。诊所实行备案管理，向所在地县级卫生健康部门备案后即可执业。")],
    ),
    matter(
        "000210008000", "health", ["district"], "诊所备案", "10",
        basis="《医疗机构管理条例》第十四条；《诊所备案管理暂行办法》（国卫医政发〔2022〕33号）",
        conditions="1. 符合诊所基本标准；2. 有与开展的诊疗科目相适应的执业医师（具有5年以上临床工作经历）和护士；"
                   "3. 有与开展业务相适应的场所、设施、设备和规章制度。",
        legal=None, promised=0, depth=4,
        note="备案事项，备案材料齐全、符合要求的当场备案",
        materials=[mat("诊所备案信息表"), LICENCE, mat("诊所房屋平面布局图", "copy"),
                   mat("诊所用房产权证明或者使用证明", "copy"),
                   mat("诊所主要负责人及医护人员执业证书", "copy"), mat("诊所规章制度"), AGENT],
        results=[res("诊所备案凭证", "other")],
        objects=("1", "2"), categories=("O-T02", "O-T18"),
    ),
    matter(
        "000201042000", "health", ["city", "district"], "放射诊疗许可", "01",
        basis="《中华人民共和国职业病防治法》；《放射性同位素与射线装置安全和防护条例》；"
              "《放射诊疗管理规定》（卫生部令第46号）",
        conditions="1. 具有经核准登记的医学影像科诊疗科目；2. 有符合国家相关标准和规定的放射诊疗场所和配套设施；"
                   "3. 有质量控制与安全防护专（兼）职管理人员和管理制度，配备个人剂量计等防护用品；"
                   "4. 放射诊疗建设项目已通过职业病危害放射防护预评价和控制效果评价。",
        legal=20, promised=10, inspect=True,
        intermediary="放射诊疗建设项目职业病危害放射防护评价",
        materials=[mat("放射诊疗许可申请表"), shared("医疗机构执业许可证"),
                   mat("放射诊疗专业技术人员资质证明及个人剂量监测、健康检查资料", "copy"),
                   mat("放射诊疗设备清单及检测报告", "copy"), mat("放射防护评价报告及审核意见", "copy"),
                   mat("放射事件应急处理预案和安全管理制度"), AGENT],
        results=[res("放射诊疗许可证", validity="与医疗机构执业许可证同时校验")],
        objects=("2", "3"), categories=("O-T18", "O-T03"),
    ),
    matter(
        "000201043000", "health", ["city", "district"], "生活饮用水供水单位卫生许可", "01",
        basis="《中华人民共和国传染病防治法》第二十九条；《生活饮用水卫生监督管理办法》第七条",
        conditions="1. 水源选择和水源卫生防护符合要求；2. 制水工艺、消毒设施符合卫生要求；3. 水质经检验符合"
                   "《生活饮用水卫生标准》；4. 直接从事供、管水人员取得健康合格证明并经卫生知识培训。",
        legal=20, promised=10, inspect=True,
        materials=[mat("生活饮用水供水单位卫生许可申请书"), LICENCE,
                   mat("水源、制水工艺、消毒设施说明及平面布局图"), mat("水质检验报告", "copy"),
                   mat("供、管水人员健康合格证明", "copy"), mat("卫生管理制度"), AGENT],
        results=[res("卫生许可证（生活饮用水）", validity="4年")],
        objects=("2", "3"), categories=("O-T02", "O-T18"),
    ),
    matter(
        "000201044000", "agriculture", ["city", "district"], "农药经营许可", "01",
        basis="《农药管理条例》第二十四条、第二十五条；《农药经营许可管理办法》",
        conditions="1. 有具备农药和病虫害防治专业知识，熟悉农药管理规定，能够指导安全合理使用农药的经营人员；"
                   "2. 有与其他商品以及饮用水水源、生活区域等有效隔离的营业场所和仓储场所，并配备与所申请经营农药"
                   "相适应的防护设施；3. 有与所申请经营农药相适应的质量管理、台账记录、安全防护、应急处置、仓储管理"
                   "等制度和岗位操作规程。",
        legal=20, promised=10, inspect=True,
        materials=[mat("农药经营许可证申请表"), LICENCE,
                   mat("经营人员的学历或培训证明", "copy"),
                   mat("营业场所和仓储场所地址、面积、平面图及防护设施清单"),
                   mat("质量管理、台账记录、安全防护、应急处置、仓储管理等制度和岗位操作规程"),
                   mat("农药经营电子信息追溯系统说明"), AGENT],
        results=[res("农药经营许可证", validity="5年")],
        objects=("1", "2"), categories=("O-T16", "O-T02"),
        faqs=[faq("只卖杀虫气雾剂、蚊香要办农药经营许可证吗？",
                  "不需要。专门经营卫生用农药的，不适用农药经营许可的规定。")],
    ),
    matter(
        "000201045000", "agriculture", ["city", "district"], "兽药经营许可", "01",
        basis="《兽药管理条例》第二十二条；《兽药经营质量管理规范》",
        conditions="1. 有与所经营的兽药相适应的兽药技术人员；2. 有与所经营的兽药相适应的营业场所、设备、仓库设施；"
                   "3. 有与所经营的兽药相适应的质量管理机构或者人员；4. 兽药经营质量管理规范规定的其他经营条件。",
        legal=30, promised=15, inspect=True,
        note="《兽药管理条例》第二十二条：自收到申请之日起30个工作日内完成审查；经营兽用生物制品的向省级申请",
        materials=[mat("兽药经营许可证申请表"), LICENCE, mat("兽药技术人员资格证明", "copy"),
                   mat("营业场所、仓库平面图及设施设备清单"), mat("质量管理文件"), AGENT],
        results=[res("兽药经营许可证", validity="5年")],
        objects=("1", "2"), categories=("O-T16", "O-T02"),
    ),
    matter(
        "000201046000", "agriculture", ["city", "district"], "动物防疫条件合格证核发", "01",
        basis="《中华人民共和国动物防疫法》第二十四条、第二十五条；《动物防疫条件审查办法》",
        conditions="1. 场所的位置与居民生活区、生活饮用水水源地、学校、医院等公共场所的距离符合规定；"
                   "2. 生产经营区域封闭隔离，工程设计和有关流程符合动物防疫要求；3. 有与其规模相适应的污水、污物"
                   "处理设施，病死动物、病害动物产品无害化处理设施设备或者冷藏冷冻设施设备；4. 有与其规模相适应的"
                   "执业兽医或者动物防疫技术人员；5. 有完善的隔离消毒、购销台账、日常巡查等动物防疫制度。",
        legal=15, promised=10, inspect=True,
        note="《动物防疫条件审查办法》：自收到申请之日起15个工作日内完成材料审核和现场核查",
        materials=[mat("动物防疫条件审查申请表"), mat("场所地理位置图、各功能区布局平面图"),
                   mat("设施设备清单"), mat("管理制度文本"), mat("人员情况说明"), AGENT],
        results=[res("动物防疫条件合格证")],
        objects=("1", "2"), categories=("O-T16",),
    ),
    matter(
        "000201047000", "forestry", ["district"], "林木采伐许可证核发", "01",
        basis="《中华人民共和国森林法》第五十六条、第五十七条；《中华人民共和国森林法实施条例》",
        conditions="1. 采伐林木符合森林经营方案和年森林采伐限额；2. 采伐地点、面积、蓄积（株数）、树种、方式和期限"
                   "明确；3. 有更新造林措施；4. 林木权属清楚。",
        legal=20, promised=5, depth=5,
        note="法律未另行规定审查期限的，适用《中华人民共和国行政许可法》第四十二条20个工作日",
        materials=[mat("林木采伐申请表", "electronic"), shared("林权类不动产权证书"),
                   mat("采伐作业设计或者采伐林木的地点、面积、树种、株数、蓄积、更新时间等说明", "electronic"),
                   AGENT],
        results=[res("林木采伐许可证", validity="以许可证载明的采伐期限为准")],
        objects=("1", "2"), categories=("O-T16",),
    ),
]

# --- 文化旅游、商务 (culture_tourism, commerce) -----------------------------------------------

_TRADE_AND_CULTURE = [
    matter(
        "000201048000", "culture_tourism", ["city", "district"], "娱乐场所经营许可", "01",
        basis="《娱乐场所管理条例》第七条、第九条；《娱乐场所管理办法》",
        conditions="1. 场所不设在居民楼、博物馆、图书馆和被核定为文物保护单位的建筑物内，不设在居民住宅区和学校、"
                   "医院、机关周围等禁止区域；2. 营业场所使用面积符合国务院文化主管部门规定的标准；"
                   "3. 投资人员、拟任法定代表人和其他负责人没有《娱乐场所管理条例》第五条规定的情形。",
        legal=20, promised=10, inspect=True,
        materials=[mat("娱乐场所经营许可申请表"), LICENCE, LEGAL_REP_ID,
                   mat("投资人员、法定代表人、其他负责人没有不得开办娱乐场所情形的书面声明"),
                   mat("营业场所平面图及使用证明", "copy"), AGENT],
        results=[res("娱乐经营许可证")],
        objects=("1", "2"), categories=("O-T17", "O-T02"),
        faqs=[faq("开KTV还需要办哪些手续？",
                  "歌舞娱乐场所还应办理公众聚集场所投入使用、营业前消防安全检查和公共场所卫生许可。")],
    ),
    matter(
        "000201049000", "culture_tourism", ["city", "district"], "互联网上网服务营业场所经营单位设立审批", "01",
        basis="《互联网上网服务营业场所管理条例》第八条、第九条、第十条、第十一条",
        conditions="1. 有与其经营活动相适应的固定营业场所和计算机等设备；2. 营业场所不在中学、小学校园周围200米"
                   "范围内和居民住宅楼（院）内；3. 有健全、完善的信息网络安全管理制度和安全技术措施；"
                   "4. 有固定的网络地址和与其经营活动相适应的计算机等装置及附属设备。",
        legal=20, promised=10, inspect=True,
        materials=[mat("互联网上网服务营业场所经营单位设立申请表"), LICENCE, LEGAL_REP_ID,
                   mat("营业场所产权证明或租赁合同", "copy"), mat("信息网络安全管理制度"), AGENT],
        results=[res("网络文化经营许可证", validity="3年")],
        objects=("1", "2"), categories=("O-T17", "O-T02"),
        faqs=[faq("网吧离学校要多远？", "中学、小学校园周围200米范围内和居民住宅楼（院）内不得设立。")],
    ),
    matter(
        "000201050000", "culture_tourism", ["city", "district"], "营业性演出审批", "01",
        basis="《营业性演出管理条例》第十三条；《营业性演出管理条例实施细则》",
        conditions="1. 举办单位具备《营业性演出管理条例》规定的举办资格（演出经纪机构，或自行举办演出的文艺表演团体、个体演员）；2. 演出内容不含《营业性演出"
                   "管理条例》禁止的内容；3. 有与演出相适应的安全保卫工作方案和灭火、应急疏散预案；4. 演员、节目"
                   "已确定并取得合同或意向书。",
        legal=3, promised=2,
        note="《营业性演出管理条例》第十三条：自受理申请之日起3日内作出决定",
        materials=[mat("营业性演出申请登记表"), mat("演出节目内容、演出时间、地点说明"),
                   mat("演员名单及身份证明", "copy"), mat("与演员或文艺表演团体签订的演出协议", "copy"),
                   mat("演出场所经营单位同意使用场地的证明", "copy"), AGENT],
        results=[res("营业性演出准予许可决定书", "approval", "在批准的演出时间、地点内有效")],
        objects=("2",), categories=("O-T17",),
    ),
    matter(
        "000201051000", "culture_tourism", ["city", "district"], "文艺表演团体从事营业性演出活动审批", "01",
        basis="《营业性演出管理条例》第六条；《营业性演出管理条例实施细则》",
        conditions="有与其业务相适应的专职演员和器材设备。",
        legal=20, promised=10,
        materials=[mat("文艺表演团体设立申请表"), LICENCE, LEGAL_REP_ID,
                   mat("专职演员名单及身份证明", "copy"), mat("演出器材设备清单"), AGENT],
        results=[res("营业性演出许可证")],
        objects=("2",), categories=("O-T17", "O-T02"),
    ),
    matter(
        "000201052000", "culture_tourism", ["city"], "旅行社业务经营许可（国内和入境旅游业务）", "01",
        levels="2,3",
        basis="《旅行社条例》第六条、第十三条；《旅行社条例实施细则》",
        conditions="1. 取得企业法人资格；2. 有固定的经营场所和必要的营业设施；3. 按规定存入质量保证金20万元"
                   "或者提交银行担保（开展试点的地区可以保证保险替代）。",
        legal=20, promised=10, note="省级文化和旅游主管部门委托设区的市级部门实施",
        materials=[mat("旅行社业务经营许可申请书"), LICENCE, mat("经营场所证明", "copy"),
                   mat("营业设施、设备说明"), mat("质量保证金存款证明或银行担保函", "copy"), AGENT],
        results=[res("旅行社业务经营许可证")],
        categories=("O-T17", "O-T02"),
    ),
    matter(
        "000201053000", "culture_tourism", ["city", "district"], "高危险性体育项目经营许可", "01",
        basis="《全民健身条例》第三十二条；《经营高危险性体育项目许可管理办法》",
        conditions="1. 相关体育设施符合国家标准；2. 具有达到规定数量的取得国家职业资格证书的社会体育指导人员和"
                   "救助人员；3. 具有相应的安全保障制度和措施。",
        legal=30, promised=10, inspect=True,
        note="《全民健身条例》第三十二条：自收到申请之日起30日内进行实地核查并作出决定",
        materials=[mat("高危险性体育项目经营申请书"), LICENCE,
                   mat("体育设施符合国家标准的说明及检测报告", "copy"),
                   mat("社会体育指导人员、救助人员的职业资格证明", "copy"), mat("安全保障制度和措施"), AGENT],
        results=[res("高危险性体育项目经营许可证")],
        objects=("1", "2"), categories=("O-T17", "O-T02"),
        faqs=[faq("哪些属于高危险性体育项目？", "目前公布的项目包括游泳、高山滑雪、自由式滑雪、单板滑雪、潜水、攀岩等。")],
    ),
    matter(
        "000210009000", "commerce", ["city", "district"], "单用途商业预付卡发卡企业备案", "10",
        basis="《单用途商业预付卡管理办法（试行）》（商务部令2012年第9号）第七条、第八条",
        conditions="从事零售业、住宿和餐饮业、居民服务业并发行单用途商业预付卡的企业，在开展单用途卡业务之日起"
                   "30日内办理备案。",
        legal=None, promised=5, depth=5,
        note="备案事项，法律未设定办理时限；集团、品牌发卡企业向省级，规模发卡企业向设区的市级，其他发卡企业向县级商务主管部门备案",
        materials=[mat("单用途卡发卡企业备案表", "electronic"), LICENCE,
                   mat("单用途卡章程、购卡协议样本", "electronic"), mat("预收资金风险管理制度", "electronic"),
                   AGENT],
        results=[res("单用途商业预付卡发卡企业备案回执", "other")],
        categories=("O-T11",),
    ),
    matter(
        "000210010000", "commerce", ["city", "district"], "再生资源回收经营者备案", "10",
        basis="《再生资源回收管理办法》第七条",
        conditions="从事再生资源回收经营活动的经营者已依法取得营业执照，自领取营业执照之日起30日内办理备案。",
        legal=None, promised=0, depth=5, note="备案事项，材料齐全的当场备案",
        materials=[mat("再生资源回收经营者备案登记表", "electronic"), LICENCE, AGENT],
        results=[res("再生资源回收经营者备案回执", "other")],
        objects=("1", "2"), categories=("O-T11", "O-T14"),
    ),
    matter(
        "000201054000", "commerce", ["city", "district"], "烟草专卖零售许可证核发", "01",
        basis="《中华人民共和国烟草专卖法》第十六条；《中华人民共和国烟草专卖法实施条例》；"
              "《烟草专卖许可证管理办法》（工业和信息化部令第37号）第二十四条、第二十六条",
        conditions="1. 有与经营烟草制品零售业务相适应的资金；2. 有与住所相独立的固定经营场所；3. 符合当地烟草制品"
                   "零售点合理布局的要求；4. 不在中、小学校周围等不予发证的区域。",
        legal=20, promised=10, inspect=True,
        note="由烟草专卖局实施（连锁企业由市局、其他由县级局核发；演示数据暂挂商务条线）；20日内不能作出决定的经负责人批准可延长10日",
        materials=[mat("烟草专卖零售许可证申请表"), LICENCE, shared("经营者身份证件"),
                   mat("经营场所产权证明或租赁协议", "copy"), AGENT],
        results=[res("烟草专卖零售许可证", validity="最长5年")],
        objects=("1", "2"), categories=("O-T02", "O-T11"),
        faqs=[faq("学校旁边的便利店能卖烟吗？", "不能。中、小学校周围不予发放烟草专卖零售许可证。")],
    ),
]

# --- 交通运输、应急管理 (transport, emergency) -------------------------------------------------

_TRANSPORT_AND_SAFETY = [
    matter(
        "000201055000", "transport", ["city", "district"], "道路货物运输经营许可（普通货运）", "01",
        basis="《中华人民共和国道路运输条例》第二十一条、第二十四条；《道路货物运输及站场管理规定》",
        conditions="1. 有与其经营业务相适应并经检测合格的车辆；2. 有符合规定条件的驾驶人员（取得道路货物运输驾驶员"
                   "从业资格）；3. 有健全的安全生产管理制度。",
        legal=20, promised=5, depth=5, scope="city",
        note="《道路运输条例》第二十四条：自受理申请之日起20日内审查完毕；使用总质量4500千克及以下普通货运车辆"
             "从事普通货运的无需申请",
        materials=[mat("道路货物运输经营申请表", "electronic"), LICENCE, LEGAL_REP_ID,
                   mat("拟投入车辆承诺书（含车辆数量、类型、技术性能）", "electronic"),
                   shared("驾驶人员机动车驾驶证和从业资格证", "由公安和交通运输部门核发，通过共享核验"),
                   mat("安全生产管理制度文本", "electronic"), AGENT],
        results=[res("道路运输经营许可证", validity="以许可证载明期限为准"),
                 res("道路运输证（车辆）", validity="随车辆年审")],
        objects=("1", "2"), categories=("O-T15", "O-T02", "O-L01"),
        faqs=[faq("用4.5吨以下小货车拉货需要办许可吗？",
                  "不需要。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请道路运输经营许可证"
                  "和车辆道路运输证。")],
    ),
    matter(
        "000201056000", "transport", ["city", "district"], "道路旅客运输经营许可", "01",
        basis="《中华人民共和国道路运输条例》第八条、第十条；《道路旅客运输及客运站管理规定》",
        conditions="1. 有与其经营业务相适应并经检测合格的车辆；2. 有符合规定条件的驾驶人员；3. 有健全的安全生产"
                   "管理制度；4. 申请从事班线客运经营的，还应当有明确的线路和站点方案。",
        legal=20, promised=10,
        materials=[mat("道路旅客运输经营申请表"), LICENCE, LEGAL_REP_ID,
                   mat("拟投入车辆承诺书"), mat("驾驶人员从业资格证明", "copy"),
                   mat("安全生产管理制度文本"), optional("线路和站点方案", "申请班线客运的提供"), AGENT],
        results=[res("道路运输经营许可证")],
        categories=("O-T15", "O-T02"),
    ),
    matter(
        "000201057000", "transport", ["city", "district"], "巡游出租汽车经营许可", "01",
        basis="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；"
              "《巡游出租汽车经营服务管理规定》",
        conditions="1. 有符合要求的车辆或者提供保证满足车辆条件的承诺书；2. 有取得巡游出租汽车驾驶员从业资格证的"
                   "驾驶员；3. 有健全的经营管理制度、安全生产管理制度和服务质量保障制度；4. 有固定的经营场所和"
                   "停车场地。",
        legal=20, promised=10,
        materials=[mat("巡游出租汽车经营申请表"), LICENCE, mat("车辆情况或车辆承诺书"),
                   mat("驾驶员从业资格证明", "copy"), mat("经营管理、安全生产、服务质量保障制度文本"),
                   mat("经营场所和停车场地使用证明", "copy"), AGENT],
        results=[res("道路运输经营许可证（巡游出租汽车）")],
        quantity="按本市出租汽车运力规模配置", categories=("O-T15", "O-T02"),
    ),
    matter(
        "000201058000", "transport", ["city"], "网络预约出租汽车经营许可", "01",
        basis="《网络预约出租汽车经营服务管理暂行办法》第五条、第六条、第七条",
        conditions="1. 具有企业法人资格；2. 具备开展网约车经营的互联网平台和与拟开展业务相适应的信息数据交互及处理"
                   "能力，数据库接入出租汽车行政主管部门监管平台；3. 使用电子支付的，与银行、非银行支付机构签订"
                   "提供支付结算服务的协议；4. 有健全的经营管理制度、安全生产管理制度和服务质量保障制度；"
                   "5. 在服务所在地有相应服务机构及服务能力。",
        legal=20, promised=10,
        materials=[mat("网络预约出租汽车经营申请表"), LICENCE,
                   mat("线上服务能力认定结果", "copy", source="government", source_note="由企业注册地省级交通运输部门出具"),
                   mat("服务所在地办公场所使用证明及负责人身份证明", "copy"),
                   mat("经营管理、安全生产、服务质量保障制度文本"), AGENT],
        results=[res("网络预约出租汽车经营许可证", validity="以许可证载明期限为准")],
        categories=("O-T15", "O-T02"),
    ),
    matter(
        "000210011000", "transport", ["city", "district"], "机动车维修经营备案", "10",
        basis="《中华人民共和国道路运输条例》；《机动车维修管理规定》",
        conditions="1. 已依法取得营业执照；2. 有与其经营业务相适应的维修车辆停车场和生产厂房；3. 有与其经营业务相适应"
                   "的维修设备设施；4. 有必要的技术人员；5. 有健全的维修管理制度和环境保护措施。",
        legal=None, promised=0, depth=5,
        note="备案事项，材料齐全的当场备案",
        materials=[mat("机动车维修经营备案表", "electronic"), LICENCE,
                   mat("维修场地、停车场使用证明", "electronic"), mat("技术人员名单及资格证明", "electronic"),
                   mat("维修设备设施清单", "electronic"), mat("维修管理制度和环境保护措施", "electronic"), AGENT],
        results=[res("机动车维修经营备案回执", "other")],
        objects=("1", "2"), categories=("O-T15", "O-T02"),
    ),
    matter(
        "000201059000", "emergency", ["city", "district"], "危险化学品经营许可证核发（不带储存设施）", "01",
        basis="《危险化学品安全管理条例》第三十三条、第三十四条、第三十五条；《危险化学品经营许可证管理办法》",
        conditions="1. 有符合国家标准、行业标准的经营场所；2. 从业人员经过专业技术培训并经考核合格；"
                   "3. 有健全的安全管理规章制度；4. 有专职安全管理人员；5. 有符合国家规定的危险化学品事故应急预案"
                   "和必要的应急救援器材、设备。",
        legal=30, promised=15, inspect=True,
        note="《危险化学品安全管理条例》第三十五条：自收到证明材料之日起30日内作出决定；经营剧毒化学品、易制爆"
             "危险化学品的由设区的市级部门实施",
        materials=[mat("危险化学品经营许可证申请表"), LICENCE,
                   mat("经营场所产权证明或租赁证明", "copy"),
                   mat("主要负责人、安全管理人员安全生产知识和管理能力考核合格证", "copy"),
                   mat("安全生产规章制度和岗位操作规程目录"), mat("危险化学品事故应急预案"), AGENT],
        results=[res("危险化学品经营许可证", validity="3年")],
        categories=("O-T19", "O-T02"),
    ),
    matter(
        "000201060000", "emergency", ["district"], "烟花爆竹经营（零售）许可证核发", "01",
        basis="《烟花爆竹安全管理条例》第十八条、第十九条；《烟花爆竹经营许可实施办法》",
        conditions="1. 主要负责人经过安全培训合格，销售人员经过安全知识教育；2. 实行专店或者专柜销售，设专人负责安全"
                   "管理；3. 经营场所配备必要的消防器材，张贴明显的安全警示标志；4. 符合本地烟花爆竹零售网点布局规划。",
        legal=20, promised=10, inspect=True,
        materials=[mat("烟花爆竹经营（零售）许可证申请书"), LICENCE,
                   mat("零售经营场所平面图及使用证明", "copy"), mat("主要负责人安全培训合格证明", "copy"),
                   AGENT],
        results=[res("烟花爆竹经营（零售）许可证", validity="由发证机关确定，最长不超过2年")],
        objects=("1", "2"), categories=("O-T19", "O-T02"),
    ),
    matter(
        "000210012000", "emergency", ["city", "district"], "生产经营单位生产安全事故应急预案备案", "10",
        basis="《生产安全事故应急条例》第七条；《生产安全事故应急预案管理办法》第二十六条",
        conditions="矿山、金属冶炼、建筑施工、危险物品生产经营储存运输等生产经营单位已按规定编制生产安全事故应急预案"
                   "并经评审或论证，自公布之日起20个工作日内申请备案。",
        legal=5, promised=2, depth=5,
        materials=[mat("生产经营单位生产安全事故应急预案备案申请表", "electronic"),
                   mat("应急预案评审意见", "electronic"), mat("应急预案电子文档", "electronic"),
                   mat("风险评估结果和应急资源调查清单", "electronic"), AGENT],
        results=[res("生产经营单位生产安全事故应急预案备案登记表", "other")],
        categories=("O-T19",),
    ),
]

# --- 人社、公积金、医保、残联、税务 (hrss, housing_fund, medical_insurance, disabled, tax) --------

_EMPLOYER = [
    matter(
        "000201061000", "hrss", ["city", "district"], "劳务派遣经营许可", "01",
        basis="《中华人民共和国劳动合同法》第五十七条；《劳务派遣行政许可实施办法》（人力资源和社会保障部令第19号）",
        conditions="1. 注册资本不得少于人民币二百万元；2. 有与开展业务相适应的固定的经营场所和设施；"
                   "3. 有符合法律、行政法规规定的劳务派遣管理制度；4. 法律、行政法规规定的其他条件。",
        legal=20, promised=10,
        materials=[mat("劳务派遣经营许可申请书"), LICENCE, mat("公司章程及验资机构出具的验资报告或财务审计报告", "copy"),
                   mat("经营场所使用证明及与开展业务相适应的办公设施设备、信息管理系统清单", "copy"),
                   mat("劳务派遣管理制度（劳动合同、劳动报酬、社会保险、工作时间、休息休假、劳动纪律等）"),
                   LEGAL_REP_ID, AGENT],
        results=[res("劳务派遣经营许可证", validity="3年")],
        categories=("O-T06", "O-T02"),
    ),
    matter(
        "000201062000", "hrss", ["city", "district"], "经营性人力资源服务机构从事职业中介活动许可", "01",
        basis="《人力资源市场暂行条例》第十八条；《人力资源服务机构管理规定》",
        conditions="1. 有明确的章程和管理制度；2. 有开展业务必备的固定场所、办公设施；3. 有与开展业务相适应的专职"
                   "工作人员；4. 法律、法规规定的其他条件。",
        legal=20, promised=5, depth=5,
        materials=[mat("人力资源服务许可申请表", "electronic"), LICENCE,
                   mat("经营场所使用证明", "electronic"), mat("专职工作人员基本情况", "electronic"),
                   mat("机构章程和管理制度", "electronic"), AGENT],
        results=[res("人力资源服务许可证")],
        categories=("O-T06", "O-T02"),
        faqs=[faq("只做招聘信息发布、人力资源管理咨询要许可吗？",
                  "不需要许可。开展人力资源供求信息的收集和发布、就业和创业指导、人力资源管理咨询、人力资源测评、"
                  "人力资源培训、承接人力资源服务外包等业务的，自开展业务之日起15日内备案。")],
    ),
    matter(
        "000220004000", "hrss", ["city", "district"], "单位参保登记", "20",
        basis="《中华人民共和国社会保险法》第五十七条；《社会保险费征缴暂行条例》",
        conditions="用人单位自成立之日起三十日内凭营业执照、登记证书或者单位印章申请办理社会保险登记。",
        legal=15, promised=0, depth=5, scope="city",
        note="《社会保险法》第五十七条：社会保险经办机构应当自收到申请之日起十五日内予以审核；企业开办时同步办理",
        materials=[mat("社会保险登记表（单位）", "electronic"), LICENCE, AGENT],
        results=[res("社会保险登记信息（单位社会保险号）", "other")],
        objects=("2", "3", "4", "6"), categories=("O-T07", "O-L01"),
        faqs=[faq("企业开办时还要单独跑社保登记吗？", "不需要。通过“企业开办一网通办”填报后，社保登记信息随营业执照同步推送办理。")],
    ),
    matter(
        "000201063000", "hrss", ["city", "district"], "企业实行不定时工作制和综合计算工时工作制审批", "01",
        basis="《中华人民共和国劳动法》第三十九条；《国务院关于职工工作时间的规定》；《关于企业实行不定时工作制和"
              "综合计算工时工作制的审批办法》（劳部发〔1994〕503号）",
        conditions="1. 企业因生产特点不能实行标准工时制度；2. 实行特殊工时制度的岗位、人数和期限合理；"
                   "3. 已听取工会和职工意见，并采取保障职工休息休假权利的措施。",
        legal=20, promised=10, depth=5,
        materials=[mat("实行特殊工时工作制申请表", "electronic"), LICENCE,
                   mat("实行特殊工时工作制的岗位、人数及工作时间安排说明", "electronic"),
                   mat("工会或职工代表大会意见", "electronic"), AGENT],
        results=[res("准予实行特殊工时工作制的决定", "approval", "以决定书载明期限为准")],
        categories=("O-T06",),
    ),
    matter(
        "000220005000", "hrss", ["city", "district"], "单位就业登记（用工备案）", "20",
        basis="《中华人民共和国就业促进法》；《就业服务与就业管理规定》第六十二条",
        conditions="用人单位招用人员，应当自录用之日起30日内为其办理就业登记。",
        legal=None, promised=0, depth=5, scope="city",
        note="法律未设定办理时限，线上提交即时办结",
        materials=[mat("单位招用人员就业登记表", "electronic"), mat("劳动合同信息", "electronic")],
        results=[res("就业登记信息", "other")],
        objects=("2", "3", "4", "6"), categories=("O-T06",),
    ),
    matter(
        "000220006000", "housing_fund", ["city"], "单位住房公积金缴存登记", "20",
        basis="《住房公积金管理条例》第十四条、第十五条",
        conditions="新设立的单位自设立之日起30日内向住房公积金管理中心办理缴存登记，并自登记之日起20日内为本单位"
                   "职工办理住房公积金账户设立手续。",
        legal=None, promised=0, depth=5, scope="city",
        note="条例未设定办理时限；企业开办时可同步办理，即时办结",
        materials=[mat("单位住房公积金缴存登记表", "electronic"), LICENCE,
                   mat("单位经办人授权书", "electronic")],
        results=[res("单位住房公积金缴存登记信息（单位账号）", "other")],
        objects=("2", "3", "4", "6"), categories=("O-T07", "O-L01"),
        faqs=[faq("缴存比例怎么定？",
                  "职工和单位住房公积金的缴存比例均不得低于职工上一年度月平均工资的5%，最高不超过12%，"
                  "具体比例由单位在规定范围内确定。")],
    ),
    matter(
        "000220007000", "housing_fund", ["city"], "单位降低住房公积金缴存比例或者缓缴", "20",
        basis="《住房公积金管理条例》第二十条",
        conditions="1. 单位缴存住房公积金确有困难；2. 经本单位职工代表大会或者工会讨论通过；3. 经住房公积金管理中心"
                   "审核，报住房公积金管理委员会批准。",
        legal=None, promised=10, depth=4,
        note="条例未设定办理时限，按本市住房公积金管理委员会承诺时限办理",
        materials=[mat("降低缴存比例或缓缴申请书"), mat("职工代表大会或工会讨论通过的决议", "original"),
                   mat("单位近期财务报表及经营困难情况说明"), AGENT],
        results=[res("降低缴存比例或缓缴核准通知", "approval", "以核准期限为准")],
        objects=("2", "3", "4", "6"), categories=("O-T07",),
    ),
    matter(
        "000220008000", "medical_insurance", ["city", "district"], "职工基本医疗保险参保登记（单位）", "20",
        basis="《中华人民共和国社会保险法》第二十三条、第五十七条；《医疗保障经办政务服务事项清单》",
        conditions="用人单位自成立之日起三十日内为职工办理基本医疗保险参保登记。",
        legal=15, promised=0, depth=5, scope="city",
        materials=[mat("医疗保险单位参保登记表", "electronic"), LICENCE],
        results=[res("单位医疗保险参保登记信息", "other")],
        objects=("2", "3", "4", "6"), categories=("O-T07", "O-L01"),
    ),
    matter(
        "000220009000", "medical_insurance", ["city"], "医药机构申请医疗保障定点协议管理", "20",
        basis="《医疗保障基金使用监督管理条例》；《医疗机构医疗保障定点管理暂行办法》（国家医疗保障局令第2号）；"
              "《零售药店医疗保障定点管理暂行办法》（国家医疗保障局令第3号）",
        conditions="1. 医疗机构取得执业许可或备案，零售药店取得药品经营许可证且正式运营满规定时间；2. 配备医保管理人员"
                   "和管理制度；3. 信息系统符合医保信息平台接口标准；4. 无严重违法违规和失信记录。",
        legal=None, promised=60,
        note="暂行办法规定评估时间不超过3个月（不含核查整改时间），本事项按60个工作日承诺",
        materials=[mat("定点医药机构申请表"), shared("医疗机构执业许可证或药品经营许可证"),
                   mat("医保管理制度及医保管理人员名单"), mat("信息系统与医保信息平台对接说明"), AGENT],
        results=[res("医疗保障定点服务协议", "other", "以协议期限为准")],
        objects=("2", "3"), categories=("O-T18", "O-T07"),
    ),
    matter(
        "000220010000", "disabled", ["city", "district"], "用人单位安排残疾人就业情况审核", "20",
        basis="《中华人民共和国残疾人保障法》第三十三条；《残疾人就业条例》第八条、第九条；"
              "《残疾人就业保障金征收使用管理办法》",
        conditions="用人单位已安排残疾人就业，与残疾职工签订一年以上劳动合同并足额缴纳社会保险。",
        legal=None, promised=5, depth=5, scope="city",
        note="法律未设定办理时限；审核结果用于核定残疾人就业保障金",
        materials=[mat("用人单位安排残疾人就业情况申报表", "electronic"),
                   shared("残疾职工的残疾人证", "由残联核发，通过共享核验"),
                   mat("与残疾职工签订的劳动合同", "electronic"),
                   shared("残疾职工社会保险缴纳记录", "由社会保险经办机构共享")],
        results=[res("安排残疾人就业情况审核结果", "other", "当年度有效")],
        objects=("2", "3", "4", "6"), categories=("O-T06", "O-T05"),
        faqs=[faq("安排残疾人就业的比例是多少？",
                  "依据《残疾人就业条例》第八条，用人单位安排残疾人就业的比例不得低于本单位在职职工总数的1.5%，"
                  "具体比例由省级人民政府规定；未达到比例的缴纳残疾人就业保障金。")],
    ),
    matter(
        "000210013000", "tax", ["city", "district"], "新办纳税人“套餐式”服务（一照一码户登记信息确认）", "10",
        basis="《中华人民共和国税收征收管理法》第十五条；《税务登记管理办法》；《全国税务机关纳税服务规范》",
        conditions="已领取营业执照的新办纳税人，自领取营业执照之日起30日内办理登记信息确认等涉税事项。",
        legal=30, promised=0, depth=5, scope="city",
        note="一次提交即可同时办理登记信息确认、财务会计制度备案、税（费）种认定、发票票种核定和领用等事项",
        materials=[mat("新办纳税人涉税事项综合申请表", "electronic"), LICENCE,
                   mat("财务会计制度及核算软件备案报告书", "electronic"), AGENT],
        results=[res("登记信息确认结果及税（费）种认定信息", "other")],
        objects=("1", "2"), categories=("O-T05", "O-L01", "O-L06"),
    ),
    matter(
        "000210014000", "tax", ["city", "district"], "发票领用", "10",
        basis="《中华人民共和国发票管理办法》第十五条；《中华人民共和国发票管理办法实施细则》",
        conditions="已办理设立登记或税务登记的单位和个人，持设立登记证件以及经办人身份证明向主管税务机关申请。",
        legal=5, promised=0, depth=5, scope="city",
        note="《发票管理办法》第十五条：主管税务机关在5个工作日内确认领用发票的种类、数量、开票限额等事项",
        materials=[mat("发票领用申请", "electronic"), shared("经办人身份证件")],
        results=[res("发票（含数电发票开票额度）", "other")],
        objects=("1", "2"), categories=("O-T05", "O-L01", "O-L06"),
    ),
    matter(
        "000201064000", "tax", ["city", "district"], "增值税专用发票（增值税税控系统）最高开票限额审批", "01",
        basis="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；"
              "《中华人民共和国发票管理办法》",
        conditions="纳税人为增值税一般纳税人或按规定可以自行开具增值税专用发票的小规模纳税人，经营需要开具增值税"
                   "专用发票。",
        legal=20, promised=10, depth=5, scope="city",
        note="申请最高开票限额不超过10万元的，主管税务机关不需事前实地查验",
        materials=[mat("增值税专用发票最高开票限额申请单", "electronic"), AGENT],
        results=[res("准予税务行政许可决定书", "approval")],
        objects=("1", "2"), categories=("O-T05", "O-L06"),
    ),
    matter(
        "000210015000", "tax", ["city", "district"], "税务注销（清税证明开具）", "10",
        basis="《中华人民共和国税收征收管理法》第十六条；《税务登记管理办法》；《国家税务总局关于进一步优化办理"
              "企业税务注销程序的通知》（税总发〔2018〕149号）",
        conditions="纳税人已结清应纳税款、滞纳金、罚款，缴销发票和其他税务证件；未办理过涉税事宜或符合即办条件的"
                   "可即时办结。",
        legal=None, promised=0, depth=5, scope="city",
        note="符合即办条件的当场出具清税文书；存在未办结涉税事项的，办结后出具",
        materials=[mat("注销税务登记申请", "electronic"), AGENT],
        results=[res("清税证明", "other")],
        objects=("1", "2"), categories=("O-T05", "O-L07"),
    ),
]

# --- 民政、司法、公安、信用、教育 (civil_affairs, justice, public_security, gov_service, education)

_SOCIETY_AND_ORDER = [
    matter(
        "000201065000", "civil_affairs", ["city", "district"], "社会团体成立登记", "01",
        basis="《社会团体登记管理条例》第三条、第十条",
        conditions="1. 经业务主管单位审查同意并完成筹备；2. 有50个以上的个人会员或者30个以上的单位会员，个人会员、"
                   "单位会员混合组成的会员总数不得少于50个；3. 有规范的名称和相应的组织机构；4. 有固定的住所；"
                   "5. 有与其业务活动相适应的专职工作人员；6. 有合法的资产和经费来源，地方性社会团体有3万元以上活动"
                   "资金；7. 有独立承担民事责任的能力。",
        legal=30, promised=15,
        note="登记管理机关自收到完成筹备工作的登记申请书及有关文件之日起30日内完成审查",
        materials=[mat("社会团体法人登记申请表"), mat("业务主管单位批准筹备文件", "copy"),
                   mat("会员大会或会员代表大会通过的章程"), mat("验资报告", "copy"),
                   mat("住所使用证明", "copy"), mat("负责人备案表及身份证明", "copy"), AGENT],
        results=[res("社会团体法人登记证书", validity="以证书载明为准")],
        objects=("4",), categories=("O-T01",),
    ),
    matter(
        "000201066000", "civil_affairs", ["city", "district"], "民办非企业单位成立登记", "01",
        basis="《民办非企业单位登记管理暂行条例》第三条、第八条、第十一条",
        conditions="1. 经业务主管单位审查同意；2. 有规范的名称、必要的组织机构；3. 有与其业务活动相适应的从业人员；"
                   "4. 有与其业务活动相适应的合法财产；5. 有必要的场所。",
        legal=60, promised=20,
        note="《民办非企业单位登记管理暂行条例》：自收到成立登记申请的全部有效文件之日起60日内作出决定",
        materials=[mat("民办非企业单位（法人）登记申请表"), mat("业务主管单位的批准文件", "copy"),
                   mat("单位章程草案"), mat("场所使用权证明", "copy"), mat("验资报告", "copy"),
                   mat("拟任负责人基本情况及身份证明", "copy"), AGENT],
        results=[res("民办非企业单位（法人）登记证书", validity="以证书载明为准")],
        objects=("4",), categories=("O-T01",),
    ),
    matter(
        "000210016000", "civil_affairs", ["city", "district"], "养老机构备案", "10",
        basis="《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》（民政部令第66号）",
        conditions="养老机构已依法办理登记（营利性的在市场监管部门登记，非营利性的在民政部门或编制部门登记），"
                   "并具备与服务规模相适应的场所、设施和人员。",
        legal=None, promised=0, depth=5,
        note="备案事项，养老机构登记后即可开展服务活动，备案材料齐全的当场出具回执",
        materials=[mat("养老机构备案书", "electronic"), mat("养老机构备案承诺书", "electronic"),
                   LICENCE, AGENT],
        results=[res("养老机构备案回执", "other")],
        objects=("2", "3", "4"), categories=("O-T01", "O-T02"),
    ),
    matter(
        "000201067000", "justice", ["city"], "律师事务所设立许可", "01",
        levels="2,3",
        basis="《中华人民共和国律师法》第十四条、第十八条；《律师事务所管理办法》",
        conditions="1. 有自己的名称、住所和章程；2. 有符合《律师法》规定的律师；3. 设立人应当是具有一定的执业经历，"
                   "且三年内未受过停止执业处罚的律师；4. 有符合国务院司法行政部门规定数额的资产。",
        legal=30, promised=20,
        note="《律师法》第十八条：设区的市级司法行政部门自受理之日起20日内审查并报送，省级部门自收到之日起10日内审核决定",
        materials=[mat("设立律师事务所申请书"), mat("律师事务所名称核准文件", "copy"),
                   mat("律师事务所章程"), mat("设立人律师执业证书", "copy"),
                   mat("住所证明", "copy"), mat("资产证明", "copy"), mat("合伙协议", required=False,
                                                                        necessity="设立合伙律师事务所的提供")],
        results=[res("律师事务所执业许可证")],
        objects=("1", "6"), categories=("O-T01", "O-T03"),
    ),
    matter(
        "000201068000", "public_security", ["district"], "旅馆业特种行业许可证核发", "01",
        basis="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；《旅馆业治安管理办法》第四条",
        conditions="1. 房屋建筑、消防设备、出入口和通道等符合消防安全要求；2. 安装符合公安机关要求的旅馆业治安管理"
                   "信息系统；3. 有必要的防盗安全设施；4. 建立治安保卫组织或指定治安保卫人员，建立住宿登记等安全管理"
                   "制度。",
        legal=20, promised=10, inspect=True,
        materials=[mat("旅馆业特种行业许可申请登记表"), LICENCE, LEGAL_REP_ID,
                   mat("经营场所产权证明或租赁合同", "copy"), mat("旅馆平面图及客房布局图"),
                   mat("治安保卫制度和人员情况"), AGENT],
        results=[res("特种行业许可证（旅馆业）")],
        objects=("1", "2"), categories=("O-T02",),
        faqs=[faq("开宾馆还要办哪些证？",
                  "还应办理公共场所卫生许可和公众聚集场所投入使用、营业前消防安全检查，可通过“我要开宾馆”一件事一次申请。")],
    ),
    matter(
        "000210017000", "public_security", ["district"], "公章刻制备案", "10",
        basis="《印铸刻字业暂行管理规则》；《国务院关于第三批取消中央指定地方实施行政许可事项的决定》"
              "（国发〔2017〕7号）；《湖南省公章刻制业治安管理规定》",
        conditions="用章单位已依法登记设立，委托已备案的公章刻制企业刻制公章。",
        legal=None, promised=0, depth=5, scope="city",
        note="公章刻制审批已取消，实行备案管理，由刻制企业通过印章治安管理信息系统即时备案",
        materials=[LICENCE, LEGAL_REP_ID, shared("经办人身份证件"),
                   mat("公章刻制申请（选择刻制企业及印章种类）", "electronic")],
        results=[res("公章刻制备案信息（印章备案回执）", "other")],
        objects=("2", "3", "4", "6"), categories=("O-T01", "O-L01"),
        faqs=[faq("新开办企业刻章要花钱吗？",
                  "可在企业开办一网通办平台同步选择刻章企业；部分地区对新开办企业首套印章实行政府购买服务免费刻制，"
                  "以本地公布的政策为准。")],
    ),
    matter(
        "000201069000", "public_security", ["city", "district"], "大型群众性活动安全许可", "01",
        basis="《大型群众性活动安全管理条例》第十一条、第十二条、第十三条",
        conditions="1. 承办者是依照法定程序成立的法人或者其他组织；2. 活动内容不违反宪法、法律、法规的规定，不违反"
                   "社会公德；3. 具有符合规定的安全工作方案，安全责任明确、措施有效；4. 活动场所、设施符合安全要求；"
                   "5. 在活动举办日的20日前提出申请。",
        legal=7, promised=5,
        note="预计参加人数1000人以上5000人以下的由活动所在地县级公安机关许可，5000人以上的由设区的市级公安机关许可",
        materials=[mat("大型群众性活动安全许可申请表"), mat("承办者合法成立的证明", "copy"),
                   mat("安全责任人身份证明", "copy"), mat("大型群众性活动方案及其说明"),
                   mat("大型群众性活动安全工作方案"), mat("活动场所管理者同意提供活动场所的证明", "copy"),
                   optional("依法应当取得的政府有关部门批准文件", "活动依法须经批准的提供", "copy")],
        results=[res("大型群众性活动安全许可决定书", "approval", "在许可的活动时间、地点内有效")],
        objects=("2", "3", "4", "6"), categories=("O-T17", "O-T19"),
    ),
    matter(
        "000220011000", "gov_service", ["city"], "行政处罚信息信用修复（“信用中国”网站）", "20",
        basis="《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展和改革委员会令第58号）；"
              "国务院办公厅《关于进一步完善信用修复制度的实施方案》（国办发〔2025〕22号）",
        conditions="1. 已完全履行行政处罚决定规定的义务，纠正失信行为；2. 相关失信信息最短公示期已届满；"
                   "3. 作出信用承诺。",
        legal=None, promised=5, depth=5, scope="national",
        note="由“信用中国”网站受理后推送认定单位办理；办理时限按国办发〔2025〕22号执行",
        materials=[mat("信用修复申请书", "electronic"), mat("信用承诺书", "electronic"),
                   mat("法定责任义务履行完毕的证明材料", "electronic", notes="可由认定单位通过系统直接获取的免于提交")],
        results=[res("信用修复结果（停止公示失信信息）", "other")],
        objects=("1", "2", "3", "4", "6"), categories=("O-T04", "O-L05"),
        faqs=[faq("修复后征信机构的信息会同步更新吗？",
                  "会。“信用中国”网站与征信机构建立信用修复结果共享机制，修复结果同步推送更新。"),
              faq("信用修复收费吗？", "不收费，请勿相信任何有偿“删除失信信息”的承诺。")],
    ),
    matter(
        "000201070000", "education", ["district"], "民办幼儿园设立审批", "01",
        basis="《中华人民共和国民办教育促进法》第十二条；《中华人民共和国学前教育法》；"
              "《中华人民共和国民办教育促进法实施条例》",
        conditions="1. 符合当地学前教育发展规划和幼儿园布局；2. 有合格的园长、教师和保育、卫生保健人员；"
                   "3. 有符合规定标准的园舍、户外活动场地、设施设备和卫生条件；4. 有必备的办园资金和稳定的经费来源；"
                   "5. 举办者符合法定条件。",
        legal=None, promised=30,
        note="《民办教育促进法》规定审批机关自受理之日起三个月内以书面形式作出是否批准的决定（非工作日计算）",
        materials=[mat("民办幼儿园设立申办报告"), mat("举办者资格证明", "copy"), mat("幼儿园章程"),
                   mat("资产来源、资金数额及有效证明文件", "copy"), mat("园舍、场地产权或租赁证明", "copy"),
                   mat("园长、教师、保育员、卫生保健人员资格证明", "copy"), AGENT],
        results=[res("民办学校办学许可证")],
        objects=("1", "2", "4"), categories=("O-T02",),
    ),
]

# --- 水电气网联合报装 (water_supply, power, gas, telecom; 公共服务 type 20) ---------------------

UTILITY_BASIS = ("《优化营商环境条例》第二十五条；《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”"
                 "的指导意见》（国发〔2024〕3号）")

_UTILITIES = [
    matter(
        "000220012000", "water_supply", ["city"], "用水报装（新装）", "20",
        basis=f"《城市供水条例》；{UTILITY_BASIS}",
        conditions="1. 用水地址位于城市公共供水管网覆盖范围内；2. 申请人为用水地址的产权人或经产权人同意的使用人；"
                   "3. 用户内部给水设施符合国家标准。",
        legal=None, promised=5, depth=5, scope="city", express=False, delivery="上门服务",
        note="法律未设定时限；无外线工程的5个工作日内通水，有外线工程的按方案答复的时限另行承诺",
        materials=[mat("用水报装申请表", "electronic"), LICENCE,
                   mat("用水地址产权证明或租赁合同", "electronic"),
                   optional("建设工程规划许可证", "新建项目报装的提供", "electronic")],
        steps=service_flow(5), results=[res("供用水合同及装表通水", "other")],
        objects=("1", "2", "3"), categories=("O-L01", "O-L03", "O-L04"),
        faqs=[faq("可以和用电、燃气、宽带一起报装吗？",
                  "可以。通过“水电气网联合报装”一件事一次提交申请和材料，各单位联合踏勘、并联办理。")],
    ),
    matter(
        "000220013000", "power", ["city"], "低压用电报装（小微企业）", "20",
        basis=f"《中华人民共和国电力法》第二十六条；《供电营业规则》；{UTILITY_BASIS}",
        conditions="用电地址位于供电营业区内，申请人为用电地址的产权人或经产权人同意的使用人，用电容量在低压供电"
                   "范围内（按本地低压接入容量标准，城镇地区一般160千瓦及以下）。",
        legal=None, promised=5, depth=5, scope="city", express=False, delivery="上门服务",
        note="小微企业低压接入实行“零上门、零审批、零投资”；不含外线工程施工时间",
        materials=[mat("用电报装申请", "electronic"), LICENCE,
                   mat("用电地址产权证明或租赁合同", "electronic")],
        steps=service_flow(5), results=[res("供用电合同及装表接电", "other")],
        objects=("1", "2", "3"), categories=("O-L01", "O-L04"),
        faqs=[faq("小微企业接电要自己出钱建线路吗？", "低压小微企业用电报装实行“零投资”，供电企业投资建设至用户规划红线。")],
    ),
    matter(
        "000220014000", "power", ["city"], "高压用电报装", "20",
        basis=f"《中华人民共和国电力法》第二十六条；《供电营业规则》；{UTILITY_BASIS}",
        conditions="用电地址位于供电营业区内，用电容量需高压供电；用户受电工程由具备相应资质的单位设计和施工。",
        legal=None, promised=15, depth=4, scope="city", express=False, delivery="上门服务",
        note="不含用户受电工程设计、施工时间；供电方案答复按《供电营业规则》时限执行",
        materials=[mat("用电报装申请", "electronic"), LICENCE,
                   mat("用电地址产权证明或租赁合同", "electronic"),
                   mat("用电设备清单及负荷情况", "electronic"),
                   optional("项目批准（核准、备案）文件", "新建项目的提供", "electronic")],
        steps=service_flow(15), results=[res("供用电合同及送电", "other")],
        objects=("2", "3"), categories=("O-L03", "O-L04"),
    ),
    matter(
        "000220015000", "gas", ["city"], "燃气报装（工商业用户）", "20",
        basis=f"《城镇燃气管理条例》；{UTILITY_BASIS}",
        conditions="1. 用气地址位于燃气管网覆盖范围内；2. 用气场所符合燃气安全使用条件（通风良好、不在地下室等禁止"
                   "区域）；3. 餐饮等用户按规定安装燃气泄漏报警装置和紧急切断装置。",
        legal=None, promised=5, depth=5, scope="city", express=False, delivery="上门服务",
        note="法律未设定时限；不含外线工程施工时间",
        materials=[mat("燃气报装申请表", "electronic"), LICENCE,
                   mat("用气地址产权证明或租赁合同", "electronic"),
                   mat("用气设备清单", "electronic")],
        steps=service_flow(5), results=[res("供用气合同及通气点火", "other")],
        objects=("1", "2", "3"), categories=("O-L01", "O-L04"),
        faqs=[faq("餐馆用气有什么安全要求？", "应当安装可燃气体泄漏报警装置和紧急切断装置，使用符合国家标准的燃具和连接管。")],
    ),
    matter(
        "000220016000", "telecom", ["city"], "宽带及固定电话报装（企业）", "20",
        basis=f"《中华人民共和国电信条例》；{UTILITY_BASIS}",
        conditions="装机地址位于网络覆盖范围内，申请单位已依法登记并实名登记经办人信息。",
        legal=None, promised=3, depth=5, scope="city", express=False, delivery="上门服务",
        note="法律未设定时限；按电信服务标准承诺开通时限",
        materials=[mat("业务受理单（入网协议）", "electronic"), LICENCE, shared("经办人身份证件")],
        steps=service_flow(3), results=[res("入网协议及业务开通", "other")],
        objects=("1", "2", "3", "4"), categories=("O-L01", "O-L04"),
    ),
]

MATTERS = [*_MARKET, *_SITE_AND_CITY, *_CONSTRUCTION, *_HEALTH_AND_LAND, *_TRADE_AND_CULTURE,
           *_TRANSPORT_AND_SAFETY, *_EMPLOYER, *_SOCIETY_AND_ORDER, *_UTILITIES]
# Application forms of the matters the "一件事" themes need (开办餐饮店, 我要开店, 企业开办).
MATTERS = with_forms(MATTERS)
