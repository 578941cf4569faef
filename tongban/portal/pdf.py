"""The 办事指南 as a PDF (fpdf2), with the CJK font embedded so it prints the same everywhere.

The font is core's NotoSansSC (tongban.core.pdf); fpdf2 embeds only the glyphs used (subsetting),
which keeps a guide near 100 KB instead of the font's 8 MB.
"""

from fpdf import FPDF
from fpdf.fonts import FontFace

from tongban.core import qr
from tongban.core.pdf import cjk_font_path
from tongban.portal.guide_rows import basic_rows, material_rows, yes_no
from tongban.portal.selectors import guide_url

FONT = "NotoSansSC"
RED = (181, 18, 27)
BLUE = (11, 79, 156)
HEAD_FILL = (236, 242, 250)


class GuidePDF(FPDF):
    def __init__(self, platform_name: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.platform_name = platform_name
        self.add_font(FONT, fname=cjk_font_path())
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(16, 16, 16)
        self.alias_nb_pages("{nb}")

    def header(self):
        self.set_font(FONT, size=8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, self.platform_name, align="L")
        self.ln(7)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"第 {self.page_no()} 页 / 共 {{nb}} 页", align="C")
        self.set_text_color(0, 0, 0)

    def section(self, title: str):
        # Keep a heading with the first lines of its section.
        if self.will_page_break(40):
            self.add_page()
        self.ln(3)
        self.set_font(FONT, size=13)
        self.set_text_color(*BLUE)
        self.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*BLUE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, size=10)

    def paragraph(self, text: str):
        self.set_font(FONT, size=10)
        self.multi_cell(0, 6, text or "无", new_x="LMARGIN", new_y="NEXT")

    def key_value_table(self, rows):
        with self.table(col_widths=(30, 70), first_row_as_headings=False, line_height=6,
                        text_align=("LEFT", "LEFT"), borders_layout="ALL") as table:
            for label, value in rows:
                row = table.row()
                row.cell(label, style=FontFace(fill_color=HEAD_FILL))
                row.cell(str(value) if value not in (None, "") else "无")

    def grid(self, headings, rows, widths):
        self.set_font(FONT, size=9)
        style = FontFace(fill_color=HEAD_FILL, emphasis=None)
        with self.table(col_widths=widths, headings_style=style, line_height=5.5,
                        borders_layout="ALL", repeat_headings=1) as table:
            head = table.row()
            for h in headings:
                head.cell(h)
            for values in rows:
                row = table.row()
                for v in values:
                    row.cell(str(v) if v not in (None, "") else "—")
        self.set_font(FONT, size=10)


def render_guide(guide: dict, *, platform_name: str, siblings=()) -> bytes:
    pdf = GuidePDF(platform_name)
    pdf.set_title(f"办事指南：{guide['name']}")
    pdf.set_subject("办事指南")
    pdf.set_author(guide["implementing_body"]["name"])
    pdf.set_creator(platform_name)
    pdf.set_lang("zh-CN")
    pdf.add_page()

    url = guide_url(guide["implementation_code"])
    # QR code top right, title beside it.
    qr_size = 30
    pdf.image(qr.png(url, scale=8), x=pdf.w - pdf.r_margin - qr_size, y=pdf.get_y(), w=qr_size)
    pdf.set_font(FONT, size=11)
    pdf.set_text_color(*RED)
    pdf.cell(0, 7, "办事指南", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, size=17)
    pdf.multi_cell(pdf.epw - qr_size - 4, 9, guide["name"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    published = guide["published_at"].strftime("%Y-%m-%d") if guide["published_at"] else "—"
    pdf.multi_cell(pdf.epw - qr_size - 4, 5,
                   f"实施主体：{guide['implementing_body']['name']}　"
                   f"版本：第{guide['version']}版　发布日期：{published}",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=8)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(pdf.epw - qr_size - 4, 4.5, f"扫码查看最新指南：{url}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(max(pdf.get_y(), 16 + 7 + qr_size + 2))

    pdf.section("一、基本信息")
    pdf.key_value_table(basic_rows(guide))

    pdf.section("二、设定依据")
    pdf.paragraph(guide["legal_basis"])

    pdf.section("三、受理条件")
    pdf.paragraph(guide["conditions"])

    pdf.section("四、申请材料")
    if guide["materials"]:
        pdf.grid(["序号", "材料名称", "材料形式", "份数", "必要性", "来源渠道", "容缺", "表格/样表",
                  "填报须知"],
                 material_rows(guide), (6, 24, 11, 6, 14, 18, 9, 14, 20))
        if any(m["blank_form_url"] or m["sample_url"] for m in guide["materials"]):
            pdf.set_font(FONT, size=8)
            pdf.multi_cell(0, 5, "空白表格和示例样表请扫描右上角二维码，在网上办事指南中下载。",
                           new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.paragraph("无需提交申请材料")

    pdf.section("五、办理流程")
    if guide["steps"]:
        pdf.grid(["序号", "环节", "办理人员", "办理内容与标准", "时限（工作日）"],
                 [(i, s["name"], s["actor"], s["description"], s["limit_days"])
                  for i, s in enumerate(guide["steps"], start=1)], (8, 18, 20, 42, 14))

    pdf.section("六、收费")
    if guide["has_fee"] and guide["fees"]:
        pdf.grid(["收费项目", "收费标准", "收费依据", "减免政策"],
                 [(f["name"], f["standard"], f["basis"], f["reducible"]) for f in guide["fees"]],
                 (22, 25, 33, 20))
    else:
        pdf.paragraph("不收费")

    pdf.section("七、办理结果")
    pdf.grid(["结果名称", "结果类型", "有效期"],
             [(r["name"], r["kind_label"], r["validity"]) for r in guide["results"]], (50, 20, 30))
    pdf.ln(2)
    pdf.paragraph(f"结果送达方式：{guide['result_delivery'] or '窗口领取'}")

    pdf.section("八、办理时间、地点和电话")
    where = [("办理地点", guide["place"]), ("办理时间", guide["hours"]),
             ("咨询电话", guide["consult_phone"]), ("监督电话", guide["supervise_phone"])]
    if guide["site"]:
        where.append(("办理场所", f"{guide['site']['name']}（{guide['site']['address']}）"))
    pdf.key_value_table(where)

    pdf.section("九、常见问题")
    if guide["faqs"]:
        for i, faq in enumerate(guide["faqs"], start=1):
            pdf.set_font(FONT, size=10)
            pdf.set_text_color(*BLUE)
            pdf.multi_cell(0, 6, f"问{i}：{faq['question']}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.multi_cell(0, 6, f"答：{faq['answer']}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    else:
        pdf.paragraph("暂无")

    if siblings:
        pdf.section("十、其他层级实施")
        pdf.grid(["实施主体", "行使层级", "实施编码"],
                 [(s.department.name, s.get_level_display(), s.code) for s in siblings], (40, 20, 40))

    pdf.ln(3)
    pdf.set_font(FONT, size=8)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(0, 4.5, f"是否支持预约办理：{yes_no(guide['supports_appointment'])}；"
                           f"是否支持网上支付：{yes_no(guide['supports_online_payment'])}；"
                           f"是否支持物流快递：{yes_no(guide['supports_express'])}。本指南以网上公布的最新版本为准。")
    return bytes(pdf.output())
