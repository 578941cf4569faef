"""The e-licence API (/api/v1/licences): published seal keys and verification (public), the holder's
wallet and share links, and — for approvers of the issuing department — 变更 and 注销.

A licence that is not the caller's (or outside an approver's scope) answers 404 like a missing one.
"""

from datetime import date, datetime
from typing import Literal

from django.urls import reverse
from django.utils import timezone
from ninja import Field, Path, Router, Schema

from tongban.cases.api import CaseSessionAuth
from tongban.core.api_errors import CodeLabel, IsoDate, errors, invalid, not_found, register_field_labels
from tongban.core.masking import mask_id_number
from tongban.core.sm import DEFAULT_USER_ID
from tongban.licences import selectors, verification
from tongban.licences.identifiers import is_valid_identifier
from tongban.licences.models import Licence
from tongban.licences.services.issuance import change_licence, revoke_licence
from tongban.licences.services.sharing import make_share_token

router = Router(tags=["电子证照"])

register_field_labels({"payload": "二维码内容", "identifier": "证照标识", "days": "链接有效期（天）",
                       "reason": "原因", "data": "证照信息", "holder_name": "持证主体名称",
                       "valid_until": "有效期至", "number": "证照编号"}, path_prefix="/api/v1/licences")

# Session callers (the holder, the issuing department's approvers); a JSON body ninja cannot parse is 400.
ERRORS = errors(401, 403, 404, 422)
BODY_ERRORS = errors(400, 401, 403, 404, 422)


class SealOut(Schema):
    key_id: str = Field(description="密钥标识（二维码中的 k）")
    department: str = Field(description="发证部门")
    department_credit_code: str = Field(description="发证部门统一社会信用代码")
    algorithm: str = Field(description="签名算法：SM2（GB/T 32918），杂凑 SM3（GB/T 32905）")
    signer_id: str = Field(description="SM2 签名者标识（计算 Z 值所用的默认 ID）")
    public_key: str = Field(description="SM2 公钥，未压缩格式 04‖X‖Y 的十六进制")
    status: CodeLabel = Field(description="状态：active 在用、retired 已停用（仅用于验证）")
    valid_from: datetime = Field(description="启用时间")
    valid_until: datetime | None = Field(None, description="停用时间；此后不再签章")


@router.get("/seals", response={200: list[SealOut], **errors()}, operation_id="listSeals", summary="公布的电子印章公钥",
            description="全部在用和已停用的发证部门 SM2 公钥。离线核验二维码时按二维码中的密钥标识 k 取用公钥，"
                        "并核对签章日期 t 在 valid_from 与 valid_until 之间。")
def seals(request):
    return [SealOut(key_id=s.key_id, department=s.department.name, department_credit_code=s.department.credit_code,
                    algorithm="SM2-with-SM3", signer_id=DEFAULT_USER_ID.decode(), public_key=s.public_key,
                    status=CodeLabel(code=s.status, label=s.get_status_display()),
                    # Beijing time: the seal date t in a QR code is a local date, and verifiers compare dates.
                    valid_from=timezone.localtime(s.valid_from),
                    valid_until=timezone.localtime(s.valid_until) if s.valid_until else None)
            for s in selectors.public_seals()]


class VerifyIn(Schema):
    payload: str = Field("", description="扫描证照二维码得到的内容（以 TBL1. 开头），或二维码网址中参数 p 的值",
                         max_length=4000)
    identifier: str = Field("", description="证照标识（payload 为空时按标识核验）", max_length=120)


class VerifyOut(Schema):
    verdict: CodeLabel = Field(description="核验结论：valid 有效、revoked 已注销、expired 已过期、"
                                           "superseded 已变更、tampered 被篡改")
    message: str = Field(description="中文说明")
    identifier: str = Field("", description="证照标识")
    licence_type: str = Field("", description="证照名称")
    number: str = Field("", description="证照编号")
    holder: str = Field("", description="持证主体")
    holder_id: str = Field("", description="持证主体证件号码（已脱敏）")
    issuer: str = Field("", description="发证机关")
    issued_on: date | None = Field(None, description="发证日期")
    valid_until: date | None = Field(None, description="有效期至；空为长期")


def _verify_out(result: verification.Result) -> VerifyOut:
    out = VerifyOut(verdict=CodeLabel(code=result.verdict, label=result.label), message=result.message)
    lic = result.licence
    if lic is not None:
        out.identifier, out.licence_type, out.number = lic.identifier, lic.licence_type.name, lic.number
        out.holder, out.holder_id = lic.holder_name, mask_id_number(lic.holder_id_number)
        out.issuer, out.issued_on, out.valid_until = lic.issuer.name, lic.issued_on, lic.valid_until
    elif result.statement:
        out.identifier = str(result.statement.get("id", ""))
    return out


@router.post("/verify", response={200: VerifyOut, **errors(400, 404, 422)}, operation_id="verifyLicence",
             summary="核验电子证照",
             description="按二维码内容（先用公布的公钥验签，再查证照库状态）或证照标识核验。内容被改动一个字符即判定为被篡改。")
def verify(request, body: VerifyIn):
    if body.payload.strip():
        return _verify_out(verification.verify_payload(body.payload))
    if not body.identifier.strip():
        raise invalid({"payload": "请提供“二维码内容”或“证照标识”"})
    if not is_valid_identifier(body.identifier.strip()):
        raise invalid({"identifier": "“证照标识”格式或校验位不正确"})
    result = verification.verify_identifier(body.identifier.strip())
    if result is None:
        raise not_found("没有找到该标识的证照")
    return _verify_out(result)


class LicenceOut(Schema):
    identifier: str = Field(description="证照标识（GB/T 36904）")
    licence_type: CodeLabel = Field(description="证照类型代码与名称")
    number: str = Field(description="证照编号")
    version: int = Field(description="版本号（变更后递增）")
    holder: str = Field(description="持证主体")
    holder_id: str = Field(description="持证主体证件号码")
    issuer: str = Field(description="发证机关")
    issued_on: date = Field(description="发证日期")
    valid_until: date | None = Field(None, description="有效期至；空为长期")
    status: CodeLabel = Field(description="登记状态：valid 有效、superseded 已变更、revoked 已注销")
    data: dict[str, str] = Field(description="证照信息（模板字段）")
    url: str = Field(description="证照详情页")


def _licence_out(lic: Licence) -> LicenceOut:
    return LicenceOut(identifier=lic.identifier, licence_type=CodeLabel(code=lic.licence_type.code,
                                                                        label=lic.licence_type.name),
                      number=lic.number, version=lic.version, holder=lic.holder_name,
                      holder_id=lic.holder_id_number, issuer=lic.issuer.name, issued_on=lic.issued_on,
                      valid_until=lic.valid_until, status=CodeLabel(code=lic.status, label=lic.get_status_display()),
                      data={k: str(v) for k, v in (lic.data or {}).items()},
                      url=reverse("licence-detail", args=[lic.identifier]))


@router.get("/mine", response={200: list[LicenceOut], **ERRORS}, auth=CaseSessionAuth(), operation_id="listMyLicences",
            summary="我的证照",
            description="本人（按公民身份号码）及本人经授权代办的单位（按统一社会信用代码）持有的现行证照。")
def mine(request):
    return [_licence_out(lic) for lic in selectors.wallet(request.auth)]


class ShareIn(Schema):
    days: Literal[1, 7] = Field(description="链接有效期：1 或 7 天")


class ShareOut(Schema):
    url: str = Field(description="分享给他人的核验链接")
    expires_at: datetime = Field(description="链接失效时间")


@router.post("/mine/{identifier}/share", response={200: ShareOut, **BODY_ERRORS}, auth=CaseSessionAuth(),
             operation_id="shareLicence", summary="生成证照分享链接",
             description="持证人生成一个会过期的核验链接（1 天或 7 天），他人打开即可核验该证照。")
def share(request, body: ShareIn, identifier: str = Path(..., description="证照标识")):
    licence = selectors.licence_for_holder(request.auth, identifier)
    if licence is None:
        raise not_found("证照不存在")
    token, expires = make_share_token(request.auth, licence, days=body.days)
    return ShareOut(url=request.build_absolute_uri(reverse("licence-shared", args=[token])), expires_at=expires)


def _staff_licence(user, identifier: str) -> Licence:
    licence = selectors.licence_for_staff(user, identifier)
    if licence is None:
        raise not_found("证照不存在")
    return licence


class RevokeIn(Schema):
    reason: str = Field(description="注销原因", max_length=300)


@router.post("/{identifier}/revoke", response={200: LicenceOut, **BODY_ERRORS}, auth=CaseSessionAuth(),
             operation_id="revokeLicence", summary="注销证照",
             description="发证部门审批人员注销证照，须写明原因；证照记录和签章保留，核验结果为“已注销”。")
def revoke(request, body: RevokeIn, identifier: str = Path(..., description="证照标识")):
    return _licence_out(revoke_licence(request.auth, _staff_licence(request.auth, identifier), reason=body.reason))


class ChangeIn(Schema):
    reason: str = Field(description="变更事项及原因", max_length=300)
    data: dict[str, str] = Field(default_factory=dict, description="要变更的证照信息字段及新值")
    holder_name: str | None = Field(None, description="新的持证主体名称（不变则不填）", max_length=200)
    number: str | None = Field(None, description="新的证照编号（不变则不填）", max_length=80)
    valid_until: IsoDate | None = Field(None, description="新的有效期至（不变则不填）")


@router.post("/{identifier}/change", response={200: LicenceOut, **BODY_ERRORS}, auth=CaseSessionAuth(),
             operation_id="changeLicence", summary="变更证照",
             description="签发新版本（新的证照标识和签章），原版本保留并标记为“已变更”。")
def change(request, body: ChangeIn, identifier: str = Path(..., description="证照标识")):
    licence = _staff_licence(request.auth, identifier)
    return _licence_out(change_licence(request.auth, licence, reason=body.reason, data=body.data,
                                       holder_name=body.holder_name, number=body.number, valid_until=body.valid_until))
