"""Build the demo city 云川市 in a database: structure, accounts, matters and their 实施清单.

`load_demo()` is what `tongban demo` runs on a fresh SQLite file; it is also safe to run again
on a loaded database (everything is looked up first; a second run writes nothing new).
Every write goes through the services of its app, so the demo leaves the same audit trail a
real registration would.
"""

import base64
import importlib
import pkgutil
import time
from collections import defaultdict

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction

from tongban.accounts.identity import record_verification
from tongban.accounts.models import AssuranceLevel, Organisation, StaffRole, User, VerificationMethod
from tongban.accounts.organisations import kind_from_credit_code, register_organisation
from tongban.accounts.second_factor import give_device, has_confirmed_device
from tongban.accounts.services import create_user, grant_role
from tongban.catalog.models import Implementation, Matter
from tongban.catalog.services import add_implementation, batched_reindex, publish_spec
from tongban.catalog.spec import FORM_KEY, SCALAR_FIELDS
from tongban.demo.blank_forms import attach_blank_forms
from tongban.demo.data import accounts as account_data
from tongban.demo.data import structure
from tongban.org.models import Department, Division, ServiceSite, Window
from tongban.org.services import (
    create_department,
    create_division,
    create_site,
    save_window,
    update_department,
    update_division,
    update_site,
)

ACTOR = "演示数据加载程序"  # audit label of the loader's own writes
LOADER_KEYS = ("basic_code", "sector", "implemented_at")
SPEC_KEYS = set(SCALAR_FIELDS) | {"service_objects", "categories", "materials", "steps", "fees", "results",
                                  "faqs", FORM_KEY}
SAMPLE_MODULE = "matters_sample"
# At a town or village, a matter of a county bureau is handled by the town government or the
# village committee (乡镇（街道）便民服务中心、村（社区）便民服务站 受理).
LOCAL_FALLBACK = {5: structure.TOWN_SECTOR, 6: structure.VILLAGE_SECTOR}


class _Out:
    def __init__(self, stdout):
        self.stdout = stdout

    def __call__(self, text: str) -> None:
        if self.stdout is not None:
            self.stdout.write(text + ("" if text.endswith("\n") else "\n"))
            flush = getattr(self.stdout, "flush", None)
            if flush:
                flush()


def load_demo(stdout=None, modules: list[str] | None = None, *, blank_forms: bool = True) -> dict:
    """Load the demo city. `modules` names data modules under tongban.demo.data (default: every
    matters_*.py; the sample file only when it is the only one). Returns a summary dict."""
    say = _Out(stdout)
    started = time.monotonic()
    modules = modules if modules is not None else discover_matter_modules()
    with transaction.atomic(), batched_reindex():
        divisions = _load_divisions()
        departments = _load_departments(divisions)
        sites = _load_sites(divisions, departments)
        say(f"区划 {len(divisions)} 个，部门 {len(departments)} 个，服务场所 {len(sites)} 个")
        accounts = _load_accounts(divisions, departments)
        say(f"演示账号 {len(accounts)} 个（工作人员登录须输入动态验证码，见账号表下方）")
        result = _load_matters(modules, divisions, departments, sites, say)
        # 空白表格 / 示例样表 of the application forms, drawn once the versions they belong to exist.
        # Tests that need the whole city but not the PDFs skip the drawing (blank_forms=False).
        result["blank_forms"] = attach_blank_forms(ACTOR, say) if blank_forms else None
        # 一件事一次办 themes bundle the matters just loaded (tongban/demo/data/themes_demo.py).
        from tongban.demo.data.themes_demo import load_demo_themes

        result["themes"] = load_demo_themes(ACTOR, say)["themes"]
    matter_ids = list(Matter.objects.values_list("pk", flat=True))
    summary = {
        "divisions": len(divisions),
        "departments": len(departments),
        "sites": len(sites),
        "windows": Window.objects.count(),
        "matters": len(matter_ids),
        "implementations": Implementation.objects.count(),
        "modules": modules,
        "accounts": accounts,
        "password": account_data.DEMO_PASSWORD,
        "second_factor": demo_second_factor(),
        "seconds": round(time.monotonic() - started, 1),
        **result,
    }
    say(f"事项 {summary['matters']} 项（本次发布 {result['published']} 项），实施清单 {summary['implementations']} 条，"
        f"用时 {summary['seconds']} 秒")
    for problem in result["errors"]:
        say(f"警告：{problem}")
    from tongban.demo.data.licences_demo import load_demo_licences  # before the cases: they issue licences

    summary["licences"] = load_demo_licences(stdout)
    # Cases in every state (待受理 … 已送达) so each desk has work to show; they go through the services.
    from tongban.demo.data.registries_demo import load_registries_demo

    summary["registries"] = load_registries_demo(stdout)  # 基础库与共享授权 (issue 5): before the cases use them
    from tongban.demo.data.cases_demo import load_demo_cases

    summary["cases"] = load_demo_cases(stdout)
    # 联办件 on the themes: one completed (left unrated) and one in progress.
    from tongban.demo.data.joint_cases_demo import load_demo_joint_cases

    summary["joint_cases"] = load_demo_joint_cases(stdout)
    from tongban.demo.data.ratings_demo import load_demo_ratings

    summary["ratings"] = load_demo_ratings(stdout)
    return summary


def database_has_accounts() -> bool:
    """Whether the database already holds user accounts (a fresh, even unmigrated, one holds none)."""
    from django.db import connection

    if User._meta.db_table not in connection.introspection.table_names():
        return False
    return User.objects.exists()


def discover_matter_modules() -> list[str]:
    from tongban.demo import data

    names = sorted(m.name for m in pkgutil.iter_modules(data.__path__) if m.name.startswith("matters_"))
    real = [n for n in names if n != SAMPLE_MODULE]
    return real or [n for n in names if n == SAMPLE_MODULE]


# -- structure ---------------------------------------------------------------------------------

def _load_divisions() -> dict[str, Division]:
    existing = {d.code: d for d in Division.objects.all()}
    for code, name, level, kind, parent_code in structure.DIVISIONS:
        parent = existing[parent_code] if parent_code else None
        if code in existing:
            update_division(ACTOR, existing[code], name=name, level=level, parent=parent, kind=kind)
        else:
            existing[code] = create_division(ACTOR, code=code, name=name, level=level, parent=parent, kind=kind)
    return {code: existing[code] for code, *_ in structure.DIVISIONS}


def _load_departments(divisions: dict[str, Division]) -> list[Department]:
    existing = {(d.division_id, d.name): d for d in Department.objects.select_related("division")}
    out = []
    for row in structure.departments():
        fields = {**row, "division": divisions[row["division"]]}
        dept = existing.get((fields["division"].pk, row["name"]))
        if dept is None:
            division, name, credit_code, sector = (fields.pop(k) for k in ("division", "name", "credit_code",
                                                                             "sector"))
            dept = create_department(ACTOR, division=division, name=name, credit_code=credit_code, sector=sector,
                                     **fields)
        else:
            update_department(ACTOR, dept, **fields)
        out.append(dept)
    return out


def _load_sites(divisions, departments) -> list[ServiceSite]:
    by_sector = {(d.division_id, d.sector): d for d in departments}
    existing = {(s.division_id, s.name): s for s in ServiceSite.objects.all()}
    out = []
    for row in structure.sites():
        row = dict(row)
        windows = row.pop("windows")
        division = divisions[row.pop("division")]
        site = existing.get((division.pk, row["name"]))
        if site is None:
            site = create_site(ACTOR, division=division, **row)
        else:
            update_site(ACTOR, site, **row)
        for w in windows:
            stationed = [by_sector[(division.pk, s)] for s in w["sectors"] if (division.pk, s) in by_sector]
            save_window(ACTOR, site, number=w["number"], name=w["name"], kind=w["kind"], departments=stationed)
        out.append(site)
    return out


# -- accounts ----------------------------------------------------------------------------------

def _load_accounts(divisions, departments) -> list[dict]:
    by_sector = {(d.division_id, d.sector): d for d in departments}
    existing = {u.username: u for u in User.objects.filter(username__in=[a["username"]
                                                                         for a in account_data.ACCOUNTS])}
    # One hash for all demo accounts: hashing the same password a dozen times costs seconds.
    password_hash = None
    rows = []
    for spec in account_data.ACCOUNTS:
        user = existing.get(spec["username"])
        if user is None:
            password_hash = password_hash or make_password(account_data.DEMO_PASSWORD)
            user = create_user(ACTOR, username=spec["username"], password_hash=password_hash,
                               display_name=spec["display_name"], phone=spec["phone"],
                               id_number=spec.get("id_number", ""), is_superuser=spec.get("is_superuser", False))
        scopes = ["超级用户，拥有全部权限"] if user.is_superuser else []
        for role, division_code, sector, below in spec["roles"]:
            division = divisions[division_code]
            department = by_sector[(division.pk, sector)] if sector else None
            staff_role, _ = grant_role(ACTOR, user, role, division=division, department=department,
                                       include_subdivisions=below)
            scopes.append(_scope_text(staff_role))
        if spec["roles"] or user.is_superuser:
            _give_demo_authenticator(user)
        rows.append({"role": spec["label"], "username": user.username, "password": account_data.DEMO_PASSWORD,
                     "name": user.display_name, "scopes": scopes, "spec": spec, "user": user})
    users = {row["username"]: row["user"] for row in rows}
    for row in rows:
        spec, user, scopes = row.pop("spec"), row.pop("user"), row.pop("scopes")
        if spec.get("identity"):
            user = _verify_demo_identity(user, spec, clerk=users.get("clerk"))
            scopes.append(user.get_identity_level_display().replace("（", "实名（", 1))
        if spec.get("id_number"):
            scopes.append(f"身份证号 {spec['id_number']}")
        if spec.get("company"):
            _register_demo_company(user, spec)
            scopes.append(f"代表 {spec['company']}（{spec['company_credit_code']}），单位管理员")
        row["scope"] = "；".join(scopes)
    return rows


def _verify_demo_identity(user: User, spec: dict, *, clerk: User | None) -> User:
    """实名认证 of a demo applicant, as it would have happened (online self-declared, or at a window)."""
    method = VerificationMethod(spec["identity"])
    if user.verifications.filter(passed=True, method=method).exists():
        return user
    record_verification(ACTOR, user, id_number=spec["id_number"], name=spec["display_name"], method=method,
                        verified_by=clerk if method == VerificationMethod.WINDOW_IN_PERSON else None,
                        note="演示数据")
    user.refresh_from_db()
    return user


def _register_demo_company(user: User, spec: dict) -> None:
    if Organisation.objects.filter(credit_code=spec["company_credit_code"]).exists():
        return
    if user.identity_level < AssuranceLevel.REGISTRY_MATCHED:
        raise ValidationError({"identity": f"演示账号 {user.username} 未实名认证，不能作为单位管理员"})
    register_organisation(ACTOR, credit_code=spec["company_credit_code"], name=spec["company"],
                          kind=kind_from_credit_code(spec["company_credit_code"]),
                          legal_representative=spec["display_name"], administrator=user,
                          source=Organisation.Source.WINDOW)


def _give_demo_authenticator(user: User) -> None:
    if not has_confirmed_device(user):
        key_hex = base64.b32decode(account_data.DEMO_TOTP_SECRET).hex()
        give_device(ACTOR, user, key_hex=key_hex, backup_codes=account_data.DEMO_BACKUP_CODES)


def demo_second_factor() -> dict:
    """How demo staff pass the second factor: the published secret, its otpauth URL, the backup codes."""
    # ASCII label and issuer: the QR code printed in a terminal stays small enough to scan.
    url = f"otpauth://totp/Yunchuan:demo-staff?secret={account_data.DEMO_TOTP_SECRET}&issuer=Yunchuan"
    return {"secret": account_data.DEMO_TOTP_SECRET, "otpauth_url": url,
            "backup_codes": list(account_data.DEMO_BACKUP_CODES)}


def _scope_text(staff_role: StaffRole) -> str:
    if staff_role.department_id:
        return staff_role.department.name
    return f"{staff_role.division.name}全部部门{'（含下级区划）' if staff_role.include_subdivisions else ''}"


# -- matters -----------------------------------------------------------------------------------

def _load_matters(modules, divisions, departments, sites, say) -> dict:
    division_by_pk = {d.pk: d for d in divisions.values()}
    by_sector_level = defaultdict(list)
    for dept in departments:
        by_sector_level[(dept.sector, division_by_pk[dept.division_id].level)].append(dept)
    places = _Places(sites)
    have = set(Implementation.objects.values_list("matter_id", "department_id"))
    seen, errors = {}, []
    published = implemented = 0
    for module_name in modules:
        try:
            entries = list(importlib.import_module(f"tongban.demo.data.{module_name}").MATTERS)
        except Exception as exc:  # a data file being edited must not take the whole demo down
            errors.append(f"{module_name}：数据文件无法读取：{type(exc).__name__}: {exc}")
            continue
        say(f"加载 {module_name}：{len(entries)} 项事项")
        for entry in entries:
            code = entry.get("basic_code", "")
            if code in seen:
                errors.append(f"{module_name}：基本编码 {code} 与 {seen[code]} 重复，已跳过")
                continue
            seen[code] = module_name
            try:
                with transaction.atomic():
                    changed, added = _load_matter(entry, by_sector_level, places, have)
            except (ValidationError, KeyError, ValueError, TypeError) as exc:
                errors.append(f"{module_name}：事项 {code}（{entry.get('name', '')}）未加载：{_message(exc)}")
                continue
            published += changed
            implemented += added
    return {"published": published, "implemented": implemented, "errors": errors}


def _message(exc) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "message_dict"):
        return "；".join(f"{field}：{'、'.join(msgs)}" for field, msgs in exc.message_dict.items())
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return f"{type(exc).__name__}: {exc}"


def _departments_at(sector: str, level: int, by_sector_level) -> list[Department]:
    found = by_sector_level.get((sector, level))
    if not found and level in LOCAL_FALLBACK:
        found = by_sector_level.get((LOCAL_FALLBACK[level], level))
    return found or []


def _load_matter(entry: dict, by_sector_level, places, have) -> tuple[bool, int]:
    unknown = sorted(set(entry) - SPEC_KEYS - set(LOADER_KEYS))
    if unknown:
        raise ValidationError({"spec": f"未知字段：{', '.join(unknown)}"})
    sector = entry["sector"]
    levels = sorted({structure.LEVEL_NAMES[name] for name in entry["implemented_at"]})
    if not levels:
        raise ValidationError({"implemented_at": "请至少填写一个实施层级"})
    targets = [(level, _departments_at(sector, level, by_sector_level)) for level in levels]
    missing = [level for level, depts in targets if not depts]
    if missing:
        raise ValidationError({"sector": f"条线 {sector} 在层级 {missing} 没有部门"})
    # The standard is maintained at the highest level that implements the matter.
    owner = targets[0][1][0]
    spec = {k: v for k, v in entry.items() if k not in LOADER_KEYS}
    version, changed = publish_spec(None, basic_code=entry["basic_code"], owner_department=owner, spec=spec,
                                    change_note="演示数据")
    added = 0
    for _level, depts in targets:
        for dept in depts:
            if (version.matter_id, dept.pk) in have:
                continue
            add_implementation(None, version.matter, dept, **places.local_fields(dept))
            have.add((version.matter_id, dept.pk))
            added += 1
    return changed, added


class _Places:
    """Where a department's matters are handled: its division's hall and the right window."""

    def __init__(self, sites: list[ServiceSite]):
        self.site_by_division = {s.division_id: s for s in sites}
        self.windows = defaultdict(list)
        for w in Window.objects.filter(site__in=sites).prefetch_related("departments").order_by("number"):
            self.windows[w.site_id].append(w)
        self.cache = {}

    def local_fields(self, dept: Department) -> dict:
        if dept.pk not in self.cache:
            self.cache[dept.pk] = self._compute(dept)
        return self.cache[dept.pk]

    def _compute(self, dept: Department) -> dict:
        site = self.site_by_division.get(dept.division_id)
        if site is None:  # a village without a station of its own: the committee's office
            return {"site": None, "place": dept.address, "hours": structure.VILLAGE_HOURS,
                    "consult_phone": dept.phone, "supervise_phone": dept.supervise_phone}
        windows = self.windows[site.pk]
        special = [w for w in windows if w.kind == Window.Kind.SPECIAL
                   and any(d.pk == dept.pk for d in w.departments.all())]
        if special:
            window = f"{special[0].number}号窗口（{special[0].name}）"
        else:
            numbers = [w.number for w in windows if w.kind == Window.Kind.COMPREHENSIVE]
            if len(numbers) > 1:
                window = f"综合受理窗口（{numbers[0]}-{numbers[-1]}号）"
            elif windows:
                window = f"{windows[0].number}号窗口（{windows[0].name}）"
            else:
                window = ""
        return {"site": site, "place": f"{site.address} {site.name}{window}"[:300], "hours": site.hours,
                "consult_phone": dept.phone, "supervise_phone": dept.supervise_phone}
