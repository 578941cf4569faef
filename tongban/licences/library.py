"""The e-licence library (电子证照库) as a shared data resource of the registries.

电子证照 is one of the 五大基础库 (docs/domain.md §6). Its records are the `Licence` rows of this app, but
it is read like every other resource — through registries.services.read(), which checks the purpose
(a case), the reader and the department's grant, and writes the access log the holder sees on
谁用了我的数据. The registries cannot import this app (it sits above them), so this module installs
its `fetch` as the resource's store (registries.records.use_store) from LicencesConfig.ready().

A record is one current licence of the subject (older versions are history, not held licences),
newest first; code fields come out as their Chinese labels, dates as ISO strings, like the other
resources' records.
"""

from tongban.licences.models import Licence, LicenceStatus
from tongban.registries.codes import FieldType
from tongban.registries.models import DataResource

RESOURCE_CODE = "e_licence"
RESOURCE_NAME = "电子证照库"

# (key, 名称, type, sensitive): what a grant may name.
FIELDS = [
    ("type_code", "证照类型代码", FieldType.CODE, False),
    ("type_name", "证照名称", FieldType.TEXT, False),
    ("identifier", "证照标识", FieldType.TEXT, False),
    ("number", "证照编号", FieldType.TEXT, False),
    ("holder_name", "持证主体", FieldType.TEXT, False),
    ("issuer", "发证部门", FieldType.TEXT, False),
    ("issued_on", "发证日期", FieldType.DATE, False),
    ("valid_until", "有效期至", FieldType.DATE, False),
    ("status", "证照状态", FieldType.CODE, False),
    ("revoke_reason", "注销原因", FieldType.TEXT, False),
]

_VALUES = {
    "type_code": lambda lic: lic.licence_type.code,
    "type_name": lambda lic: lic.licence_type.name,
    "identifier": lambda lic: lic.identifier,
    "number": lambda lic: lic.number,
    "holder_name": lambda lic: lic.holder_name,
    "issuer": lambda lic: lic.issuer.name,
    "issued_on": lambda lic: lic.issued_on.isoformat(),
    "valid_until": lambda lic: lic.valid_until.isoformat() if lic.valid_until else None,
    "status": lambda lic: lic.get_status_display(),
    "revoke_reason": lambda lic: lic.revoke_reason,
}


def fetch(subject_key: str, keys: list[str]) -> list[dict]:
    """The store of the 电子证照库 resource: the subject's current licences (only through read())."""
    rows = (Licence.objects.filter(holder_id_number=subject_key).exclude(status=LicenceStatus.SUPERSEDED)
            .select_related("licence_type", "issuer").order_by("-issued_on", "-id"))
    return [{key: _VALUES[key](lic) if key in _VALUES else None for key in keys} for lic in rows]


def resource() -> DataResource | None:
    return DataResource.objects.select_related("owner").filter(code=RESOURCE_CODE).first()


def field_specs() -> list[dict]:
    return [{"key": k, "name": n, "type": t, "sensitive": s} for k, n, t, s in FIELDS]
