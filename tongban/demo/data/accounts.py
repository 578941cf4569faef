"""Demo accounts: one per role of docs/domain.md §1, all with the same documented demo password.

The password is for the demo city only (a fresh SQLite database on the developer's machine);
`tongban demo` prints it with the accounts table. Never load this data into a real deployment.
"""

from tongban.core.validators import credit_code_check_char, id_number_check_char

DEMO_PASSWORD = "Demo-2026-yc"

# Staff log in with a second factor (docs/decisions/0008-identity-and-staff-login.md). Every demo staff
# account gets an authenticator with this published secret (scan the QR code `tongban demo` prints, or
# type the secret into any TOTP app) and these backup codes, each usable once per account.
DEMO_TOTP_SECRET = "YUNCHUANDEMOSTAFFTOTPKEY234567AB"
DEMO_BACKUP_CODES = [f"yc-demo{n}" for n in range(1, 11)]


def id_number(first17: str) -> str:
    """A valid 18-character 公民身份号码 (GB 11643): 17 digits + the computed check character."""
    return first17 + id_number_check_char(first17)


def company_credit_code(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


# Each account: username, the role label shown in the table, display name, phone, and roles as
# (role, division code, sector of the department or None for the whole division, include_subdivisions).
ACCOUNTS = [
    {"username": "citizen", "label": "办事群众（自然人）", "display_name": "张晓梅", "phone": "13907391234",
     # 431402 = 芙蓉区, born 1990-03-15, sequence 182: an even 17th digit means female (GB 11643).
     # Self-declared only (一级): the demo shows 实名认证 against the population registry in 我的账户.
     "id_number": id_number("43140219900315182"), "identity": "self_declared", "roles": []},
    {"username": "agent", "label": "企业经办人", "display_name": "李建国", "phone": "13807395678",
     # Checked face to face at the city hall's window (三级): he administers his company's account.
     "id_number": id_number("43142119850726301"), "identity": "window_in_person", "roles": [],
     # The company the agent acts for: a 企业 (91) registered in 芙蓉区. He is its 法定代表人 and the
     # administrator of its organisation account, so he may act for it and authorise other 经办人.
     "company": "云川市芙蓉区湘味轩餐饮有限公司", "company_credit_code": company_credit_code("91431402MA4T8K6X2")},
    {"username": "clerk", "label": "综合窗口人员（市政务服务中心）", "display_name": "王芳", "phone": "13707390001",
     "roles": [("clerk", "431400", None, False)]},
    {"username": "approver_market", "label": "审批人员（市市场监管局）", "display_name": "赵磊", "phone": "13707390002",
     "roles": [("approver", "431400", "market", False)]},
    {"username": "approver_furong_market", "label": "审批人员（芙蓉区市场监管局）", "display_name": "陈静",
     "phone": "13707390003", "roles": [("approver", "431402", "market", False)]},
    {"username": "approver_police", "label": "审批人员（市公安局）", "display_name": "刘强", "phone": "13707390004",
     "roles": [("approver", "431400", "public_security", False)]},
    # 芙蓉区's departments of the 新生儿出生 theme decide the demo joint case (joint_cases_demo.py).
    {"username": "approver_furong_health", "label": "审批人员（芙蓉区卫生健康局）", "display_name": "彭娟",
     "phone": "13707390011", "roles": [("approver", "431402", "health", False)]},
    {"username": "approver_furong_police", "label": "审批人员（公安局芙蓉分局）", "display_name": "曾志刚",
     "phone": "13707390012", "roles": [("approver", "431402", "public_security", False)]},
    {"username": "approver_furong_medical", "label": "审批人员（芙蓉区医疗保障局）", "display_name": "邓敏",
     "phone": "13707390013", "roles": [("approver", "431402", "medical_insurance", False)]},
    {"username": "supervisor", "label": "督办人员（市政务服务和大数据管理局）", "display_name": "孙丽",
     "phone": "13707390005", "roles": [("supervisor", "431400", None, True)]},
    {"username": "editor_market", "label": "事项管理员（市市场监管局）", "display_name": "周敏", "phone": "13707390006",
     "roles": [("editor", "431400", "market", False)]},
    {"username": "editor_furong_market", "label": "事项管理员（芙蓉区市场监管局）", "display_name": "吴浩",
     "phone": "13707390007", "roles": [("editor", "431402", "market", False)]},
    {"username": "admin", "label": "平台管理员", "display_name": "郑伟", "phone": "13707390008",
     "is_superuser": True, "roles": [("admin", "431400", None, True)]},
    {"username": "hotline", "label": "12345话务员", "display_name": "黄婷", "phone": "13707390009",
     "roles": [("hotline", "431400", None, True)]},
    {"username": "steward", "label": "数据专员（市政务服务和大数据管理局）", "display_name": "林涛",
     "phone": "13707390010", "roles": [("steward", "431400", "gov_service", False)]},
]
