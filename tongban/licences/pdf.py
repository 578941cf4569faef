"""The licence as a PDF (电子证照版式文件): its fields, the seal, and the QR code for verification.

The QR code holds the public verification URL whose `p` parameter is the sealed payload
(sealing.py): a phone opens the online check, an offline verifier checks `p` with the published key.
"""

from django.utils import timezone
from fpdf import FPDF

from tongban.core import qr
from tongban.core.masking import mask_id_number
from tongban.core.pdf import cjk_font_path
from tongban.licences.models import Licence
from tongban.licences.selectors import verify_url

FONT = "NotoSansSC"
RED = (176, 24, 24)


def _rows(licence: Licence, labels: dict) -> list[tuple[str, str]]:
    holder_label = "持证人" if licence.holder_kind == "person" else "持证单位"
    id_label = "公民身份号码" if licence.holder_kind == "person" else "统一社会信用代码"
    rows = [("证照编号", licence.number), (holder_label, licence.holder_name),
            (id_label, licence.holder_id_number)]
    rows += [(labels.get(k, k), str(v)) for k, v in (licence.data or {}).items() if v not in ("", None)]
    rows += [("发证机关", licence.issuer.name), ("发证日期", f"{licence.issued_on:%Y年%m月%d日}"),
             ("有效期至", f"{licence.valid_until:%Y年%m月%d日}" if licence.valid_until else "长期")]
    if licence.version > 1:
        rows.append(("版本", f"第{licence.version}版（变更）"))
    return rows


def render(licence: Licence) -> bytes:
    labels = {f["key"]: f["label"] for f in licence.licence_type.fields or []}
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font(FONT, fname=cjk_font_path())
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_draw_color(*RED)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, 186, 273)
    pdf.set_font(FONT, size=24)
    pdf.cell(0, 16, licence.licence_type.name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    pdf.cell(0, 6, f"证照标识：{licence.identifier}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for label, value in _rows(licence, labels):
        pdf.set_font(FONT, size=11)
        pdf.cell(42, 9, label, border="B")
        pdf.set_font(FONT, size=12)
        pdf.multi_cell(0, 9, value or "—", border="B", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    y = pdf.get_y()
    pdf.image(qr.png(verify_url(licence), scale=3), x=22, y=y, w=48, h=48)
    pdf.set_xy(74, y + 2)
    pdf.set_font(FONT, size=9)
    pdf.multi_cell(56, 5, "扫码核验真伪与状态。\n离线核验：用发证机关公布的SM2公钥验证二维码中的签名"
                          f"（密钥标识 {licence.seal.key_id}）。\n"
                          f"持证人证件：{mask_id_number(licence.holder_id_number)}")
    pdf.set_xy(132, y + 6)
    pdf.set_text_color(*RED)
    pdf.set_font(FONT, size=11)
    pdf.multi_cell(56, 7, f"{licence.issuer.name}\n（电子印章 SM2）\n"
                          f"{timezone.localtime(licence.sealed_at):%Y年%m月%d日}", align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(22, y + 52)
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(0, 4, f"SM3摘要 {licence.digest}\nSM2签名 {licence.signature}", new_x="LMARGIN",
                   new_y="NEXT")
    return bytes(pdf.output())
