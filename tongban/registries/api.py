"""The registries API (/api/v1/registries): the resource catalogue, reads for a case, and the logs.

- GET  /resources            published resources with their fields and owners (logged-in users)
- POST /read                 read a subject's record for a case: checked against the grant, logged
- GET  /my-data-use          谁用了我的数据: reads of the caller's own data
- GET  /access-log           the reads of the caller's departments (staff)

Authentication is the website session; POST also carries the csrftoken cookie's value in X-CSRFToken.
"""

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.security import SessionAuth
from ninja.utils import check_csrf

from tongban.core.api_errors import ApiError, errors, register_field_labels
from tongban.core.masking import mask_id_number
from tongban.registries import selectors, services


class RegistrySessionAuth(SessionAuth):
    openapi_description = "网站登录会话（Cookie sessionid）；POST 请求还须在请求头 X-CSRFToken 中携带 Cookie csrftoken 的值。"

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in ("GET", "HEAD", "OPTIONS") and check_csrf(request) is not None:
            raise ApiError(403, "csrf_failed", "CSRF 校验失败：请在请求头 X-CSRFToken 中携带 Cookie csrftoken 的值后重试")
        return user


router = Router(tags=["基础库与数据共享"], auth=RegistrySessionAuth())
register_field_labels({"resource": "数据资源", "subject_key": "查询对象", "case_number": "办件编号",
                       "fields": "查询字段", "limit": "条数"})
R = errors(401, 403, 422)


class FieldOut(Schema):
    key: str = Field(description="字段标识")
    name: str = Field(description="字段名称")
    type: str = Field(description="字段类型")
    sensitive: bool = Field(description="是否敏感字段")


class ResourceOut(Schema):
    code: str = Field(description="资源代码")
    name: str = Field(description="资源名称")
    kind: str = Field(description="类别：基础库或主题库")
    owner: str = Field(description="提供部门")
    source_department: str = Field(description="数源部门")
    update_cycle: str = Field(description="更新周期")
    fields: list[FieldOut] = Field(description="字段")


class ReadIn(Schema):
    resource: str = Field(description="数据资源代码，如 population", max_length=40)
    subject_key: str = Field(description="查询对象：公民身份号码或统一社会信用代码", max_length=18)
    case_number: str = Field(description="办件编号：为哪个办件查询（查询用途）", max_length=64)
    fields: list[str] | None = Field(None, description="要读取的字段标识；不填则读取授权范围内的全部字段")


class ReadOut(Schema):
    records: list[dict] = Field(description="记录（只含所请求的字段）；未查到为空列表")
    access_id: int = Field(description="本次访问在数据访问日志中的编号")


class AccessOut(Schema):
    id: int = Field(description="日志编号")
    at: dt.datetime = Field(description="时间")
    consumer: str = Field(description="使用部门（实名认证为平台）")
    actor: str = Field(description="操作人")
    resource: str = Field(description="数据资源")
    subject: str = Field(description="查询对象（已脱敏）")
    fields: list[str] = Field(description="读取的字段")
    purpose: str = Field(description="用途")
    case_number: str = Field(description="办件编号")
    matter: str = Field(description="事项")
    allowed: bool = Field(description="是否准许")
    refusal: str = Field(description="拒绝原因")


class LogQuery(Schema):
    limit: int = Field(100, ge=1, le=500, description="最多返回条数")


def _access(row, case_number=None) -> dict:
    return {"id": row.pk, "at": row.at, "consumer": row.consumer_label, "actor": row.actor_label,
            "resource": row.resource.name, "subject": mask_id_number(row.subject_key), "fields": row.fields,
            "purpose": row.get_purpose_display(), "case_number": case_number or row.case_number,
            "matter": row.matter_name, "allowed": row.allowed, "refusal": row.refusal}


@router.get("/resources", response={200: list[ResourceOut], **R}, operation_id="listDataResources",
            summary="数据资源目录", description="已发布的数据资源（基础库和部门发布的主题库），含字段和提供部门。")
def list_resources(request):
    return [{"code": r.code, "name": r.name, "kind": r.get_kind_display(), "owner": r.owner.name,
             "source_department": r.source_department, "update_cycle": r.update_cycle,
             "fields": [{"key": f.key, "name": f.name, "type": f.type, "sensitive": f.sensitive}
                        for f in r.fields.all()]}
            for r in selectors.published_resources()]


@router.post("/read", response={200: ReadOut, **errors(400, 401, 403, 422)}, operation_id="readRegistryRecord", summary="为办件读取基础库记录",
             description="受理或审批人员为本部门的办件读取记录：须有该部门对该资源、该事项、所请求字段的有效共享授权；"
                         "每次请求（包括被拒绝的）都写入数据访问日志，数据主体可在“谁用了我的数据”中看到。"
                         "没有授权时返回 403。")
def read_record(request, body: ReadIn):
    reading = services.read_for_case(request.auth, body.resource.strip(), body.subject_key,
                                     purpose_case_number=body.case_number, fields=body.fields)
    return {"records": reading.records, "access_id": reading.log.pk}


@router.get("/my-data-use", response={200: list[AccessOut], **R}, operation_id="listMyDataUse",
            summary="谁用了我的数据", description="本人（及本人担任法定代表人的单位）的数据被哪个部门、为哪个办件读取过，新的在前。")
def my_data_use(request, q: Query[LogQuery]):
    return [_access(r, r.shown_case_number) for r in selectors.my_data_use(request.auth, limit=q.limit)]


@router.get("/access-log", response={200: list[AccessOut], **R}, operation_id="listDepartmentAccessLog",
            summary="本部门数据访问日志", description="工作人员所在部门（数据专员还包括本部门提供的资源）的数据读取记录。")
def access_log(request, q: Query[LogQuery]):
    return [_access(r) for r in selectors.department_access_log(request.auth)[:q.limit]]
