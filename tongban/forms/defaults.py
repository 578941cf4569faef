"""The standard applicant block, and the form a matter version actually uses.

Every Chinese portal asks the same things first: a person gives 姓名, 公民身份号码, 手机号码 and
联系地址; an organisation gives 单位名称, 统一社会信用代码, 法定代表人 and its 经办人 (the staff member
who applies, with ID and mobile). A version without a form of its own gets this block for its
服务对象; a version with its own form includes it (see `person_fields()` / `organisation_fields()`).
"""

from tongban.forms.spec import APPLICANT_TYPE_KEY, PERSON, SERVICE_OBJECTS


def person_fields(applies_to: list[str] | None = None) -> list[dict]:
    """申请人 (自然人): name, ID, mobile and address, prefilled from the account."""
    rows = [
        {"key": "applicant_name", "type": "text", "label": "申请人姓名", "required": True, "max": 50,
         "prefill": "applicant.name"},
        {"key": "applicant_id_number", "type": "id_number", "label": "公民身份号码", "required": True,
         "prefill": "applicant.id_number", "help": "18位居民身份证号码，末位 X 大小写均可"},
        {"key": "applicant_phone", "type": "phone", "label": "手机号码", "required": True, "mobile_only": True,
         "prefill": "applicant.phone", "help": "用于接收办理进度短信和领取通知"},
        {"key": "applicant_address", "type": "address", "label": "联系地址", "required": True,
         "prefill": "applicant.address", "placeholder": "省市区县、街道、门牌号"},
    ]
    return _scoped(rows, applies_to)


def organisation_fields(applies_to: list[str] | None = None) -> list[dict]:
    """申请单位 (法人及其他组织) and its 经办人."""
    rows = [
        {"key": "org_name", "type": "text", "label": "单位名称", "required": True, "max": 100,
         "prefill": "organisation.name", "help": "与营业执照或登记证书上的名称一致"},
        {"key": "org_credit_code", "type": "credit_code", "label": "统一社会信用代码", "required": True,
         "prefill": "organisation.credit_code"},
        {"key": "legal_representative", "type": "text", "label": "法定代表人", "required": True, "max": 50,
         "prefill": "organisation.legal_representative", "help": "或负责人、经营者"},
        {"key": "agent_name", "type": "text", "label": "经办人姓名", "required": True, "max": 50,
         "prefill": "applicant.name"},
        {"key": "agent_id_number", "type": "id_number", "label": "经办人身份证号", "required": True,
         "prefill": "applicant.id_number"},
        {"key": "agent_phone", "type": "phone", "label": "经办人手机号码", "required": True, "mobile_only": True,
         "prefill": "applicant.phone", "help": "用于接收办理进度短信和领取通知"},
        {"key": "org_address", "type": "address", "label": "单位地址", "required": True,
         "prefill": "organisation.address", "placeholder": "住所或主要经营场所"},
    ]
    return _scoped(rows, applies_to)


def _scoped(rows: list[dict], applies_to: list[str] | None) -> list[dict]:
    return [{**row, "applies_to": list(applies_to)} for row in rows] if applies_to else rows


def default_form_for(service_object_codes) -> list[dict]:
    """The applicant block for a matter's 服务对象 codes ("1" 自然人, "2"–"6" 法人及其他组织).

    Persons only (or no codes): the person block. Organisations only: the organisation block. Both:
    the applicant first says which they are (`applicant_type`), and each block applies to its kind.
    """
    codes = sorted({str(c) for c in service_object_codes or ()} & set(SERVICE_OBJECTS))
    org_codes = [c for c in codes if c != PERSON]
    if not org_codes:
        return [{"key": "applicant_section", "type": "section", "label": "申请人信息"}, *person_fields()]
    if PERSON not in codes:
        return [{"key": "org_section", "type": "section", "label": "申请单位信息"}, *organisation_fields()]
    chooser = {"key": APPLICANT_TYPE_KEY, "type": "radio", "label": "申请人类型", "required": True,
               "options": [{"value": c, "label": "个人" if c == PERSON else SERVICE_OBJECTS[c]} for c in codes],
               "help": "个人办理选“个人”；以企业、单位或组织名义办理选相应的单位类型"}
    return [
        chooser,
        {"key": "applicant_section", "type": "section", "label": "个人申请人信息", "applies_to": [PERSON],
         "help": "申请人类型选“个人”时填写"},
        *person_fields([PERSON]),
        {"key": "org_section", "type": "section", "label": "申请单位信息", "applies_to": org_codes,
         "help": "以单位名义申请时填写"},
        *organisation_fields(org_codes),
    ]


def effective_form(version) -> list[dict]:
    """The form a matter version is applied for with: its own `form_spec`, else the default block.

    `version` is a catalog MatterVersion (duck-typed: this app sits below the catalogue)."""
    own = getattr(version, "form_spec", None)
    if own:
        return list(own)
    return default_form_for([o.code for o in version.service_objects.all()])
