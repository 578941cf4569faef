"""Drawing a blank form (空白表格) or its filled-in sample (示例样表) as a PDF, fast.

The demo draws some 470 of these while it loads, so this avoids the slow parts of fpdf2:
- The embedded font. fpdf2 subsets the font it is given once per file; NotoSansSC has CFF
  outlines and 30 000 glyphs, which costs ~0.5 s a file. `prepare_font()` cuts it once to the
  characters all the forms use and converts it to TrueType outlines (fontTools' otf2ttf recipe),
  which fpdf2 subsets again in some 20 ms — as long as it does not re-measure every glyph (see
  `_FormPDF.__init__`). The cut is cached on disk, keyed by its characters.
- Text layout. fpdf2's tables and multi_cell() measure every character in Python, twice. The
  forms are simple grids, so lines are broken here from the font's advance widths and drawn with
  FPDF.text(), and the grid with FPDF.rect().
- Cores. `render_all()` draws in worker processes when the machine has several cores.
Nothing here touches the database, so the workers need no Django.
"""

import hashlib
import logging
import multiprocessing
import os
import string
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF

from tongban.core.pdf import cjk_font_path

FONT = "NotoSansSC"
RENDER_VERSION = 1  # part of every file's content hash: bump it when the drawing changes
WATERMARK = "样表"
BLANK_LABEL, SAMPLE_LABEL = "空白表格", "示例样表（仅供参考）"
TICKED, EMPTY_BOX, NOT_APPLICABLE = "■", "□", "／"
DATE_BLANK = "　　　　年　　月　　日"
PAGE_TEXT = "第 {n} 页 / 共 {nb} 页"
FIXED_TEXT = (WATERMARK + BLANK_LABEL + SAMPLE_LABEL + PAGE_TEXT + DATE_BLANK + TICKED + EMPTY_BOX
              + NOT_APPLICABLE + "办理事项：填表说明：日期：年月日，。、；：（）“”—" + string.printable)
GREY, INK, HEAD_FILL = (110, 110, 110), (16, 56, 150), (236, 242, 250)
MARGIN, TOP, BOTTOM = 18.0, 14.0, 16.0
LABEL_W, PAD_X, PAD_Y = 46.0, 2.0, 1.6
PT = 25.4 / 72  # millimetres per point
NO_LINE_START = set("，。、；：？！）》」』”’…—·％")  # 禁则: these never begin a line


@dataclass
class Row:
    label: str
    blank: str = ""
    sample: str = ""
    kind: str = "field"  # field | heading | wide (one cell across) | box (tall free text)
    min_height: float = 8.5  # millimetres: room to write in


@dataclass
class Sheet:
    """Everything one form shows, blank and filled in."""

    title: str
    matter: str
    kind: str
    rows: list[Row]
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    signatures: list[tuple[str, str]] = field(default_factory=list)  # (who signs, the sample's signer)
    notes: list[str] = field(default_factory=list)
    sample_date: str = ""

    def texts(self) -> list[str]:
        out = [self.title, self.matter, self.sample_date, *self.notes]
        for r in self.rows:
            out += [r.label, r.blank, r.sample]
        for pair in (*self.paragraphs, *self.signatures):
            out += list(pair)
        return out

    def digest(self) -> str:
        return hashlib.sha256(repr((RENDER_VERSION, self)).encode()).hexdigest()[:12]


# -- the font ----------------------------------------------------------------------------------------

@contextmanager
def _quiet_fonttools():
    # fontTools logs every glyph list it subsets at INFO; formatting them costs time per file.
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def prepare_font(chars: set[str], cache_dir: Path) -> str:
    """A TrueType cut of NotoSansSC holding `chars` and the fixed labels; its path."""
    chars = {c for c in set(chars) | set(FIXED_TEXT) if c.isprintable() or c == "\u3000"}
    key = hashlib.sha256(f"{RENDER_VERSION}:{''.join(sorted(chars))}".encode()).hexdigest()[:16]
    path = Path(cache_dir) / f"blank-forms-{key}.ttf"
    if path.exists():
        return str(path)
    from fontTools import subset
    from fontTools.ttLib import TTFont

    with _quiet_fonttools():
        font = TTFont(cjk_font_path(), lazy=True)
        options = subset.Options()
        options.layout_features = []  # no shaping: one glyph per character
        options.notdef_outline = True
        options.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "GDEF", "GSUB", "GPOS", "DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(c) for c in chars])
        subsetter.subset(font)
        _to_truetype(font)
        # One cmap subtable (Windows Unicode BMP) is all a PDF reader needs; fpdf2 reads each one.
        font["cmap"].tables = [t for t in font["cmap"].tables if (t.platformID, t.platEncID) == (3, 1)]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        font.save(str(tmp))
    os.replace(tmp, path)  # atomic: another loader never reads half a font
    return str(path)


def _to_truetype(font) -> None:
    """CFF (cubic) outlines → glyf (quadratic), as fontTools' otf2ttf snippet does."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["head"].glyphDataFormat = font["head"].indexToLocFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0  # no glyph names: a PDF does not need them
    del font["CFF "]
    font.sfntVersion = "\000\001\000\000"


@lru_cache(maxsize=4)
def _advances(font_path: str) -> dict[str, float]:
    """Advance width of each character, in em."""
    from fontTools.ttLib import TTFont

    font = TTFont(font_path, lazy=True)
    upem = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    return {chr(code): metrics[name][0] / upem for code, name in font.getBestCmap().items()}


# -- drawing -----------------------------------------------------------------------------------------

class _FormPDF(FPDF):
    def __init__(self, font_path: str, sample: bool):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.sample = sample
        self.add_font(FONT, fname=font_path)
        # The prepared font's glyph boxes are right already. Without this, fontTools unpacks and
        # re-measures every glyph each time fpdf2 saves its subset: most of the time of a file.
        ttfont = getattr(self.fonts.get(FONT.lower()), "ttfont", None)
        if ttfont is not None:
            ttfont.recalcBBoxes = False
        self.advances = _advances(font_path)
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_creator("云川市一体化政务服务平台（演示）")
        self.set_lang("zh-CN")
        self.alias_nb_pages("{nb}")

    def header(self):
        self.set_font(FONT, size=8)
        self.set_text_color(*GREY)
        label = SAMPLE_LABEL if self.sample else BLANK_LABEL
        self.text(self.w - MARGIN - self.width(label, 8), TOP, label)
        self.set_text_color(0, 0, 0)
        self.set_y(TOP + 4)

    def footer(self):
        # Runs when a page is complete, so the watermark lies over the table, see-through.
        if self.sample:
            with self.local_context(fill_opacity=0.14, text_color=(200, 30, 30)):
                self.set_font(FONT, size=110)
                with self.rotation(35, x=self.w / 2, y=self.h / 2):
                    self.text(self.w / 2 - 55, self.h / 2 + 18, WATERMARK)
        self.set_font(FONT, size=8)
        self.set_text_color(*GREY)
        self.set_xy(MARGIN, self.h - 11)
        # cell(), not text(): fpdf2 fills in the page total ({nb}) only in what cell() draws.
        self.cell(self.epw, 5, PAGE_TEXT.format(n=self.page_no(), nb="{nb}"), align="C")
        self.set_text_color(0, 0, 0)

    # Our own line breaking (see the module docstring).
    def width(self, text: str, size: float) -> float:
        return sum(self.advances.get(c, 1.0) for c in text) * size * PT

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        limit = width / (size * PT)
        lines = []
        for paragraph in (text or "").split("\n"):
            line, used, i = "", 0.0, 0
            while i < len(paragraph):
                c = paragraph[i]
                # Keep a run of Latin letters and digits (an ID number, a code) on one line.
                j = i + 1
                if c.isascii() and c.isalnum():
                    while j < len(paragraph) and paragraph[j].isascii() and paragraph[j].isalnum():
                        j += 1
                elif c in (TICKED, EMPTY_BOX):  # a tick box with its option: “□ 个人”
                    end = paragraph.find("\u3000", i)
                    end = len(paragraph) if end < 0 else end
                    if sum(self.advances.get(ch, 1.0) for ch in paragraph[i:end]) < limit:
                        j = end
                piece = paragraph[i:j]
                w = sum(self.advances.get(ch, 1.0) for ch in piece)
                if line and used + w > limit and piece[0] not in NO_LINE_START:
                    lines.append(line.rstrip())
                    line, used = "", 0.0
                    if piece == " ":
                        i = j
                        continue
                line, used, i = line + piece, used + w, j
            lines.append(line)
        return lines

    def room(self) -> float:
        return self.h - BOTTOM - self.get_y()

    def lines_at(self, x: float, y: float, lines: list[str], size: float, leading: float) -> None:
        self.set_font(FONT, size=size)
        for k, line in enumerate(lines):
            if line:
                self.text(x, y + leading * k + size * PT * 0.88, line)

    def paragraph(self, text: str, size: float, leading: float, *, centred: bool = False) -> None:
        for line in self.wrap(text, self.epw, size):
            if self.room() < leading:
                self.add_page()
            x = (self.w - self.width(line, size)) / 2 if centred else MARGIN
            self.lines_at(x, self.get_y(), [line], size, leading)
            self.set_y(self.get_y() + leading)


def _table(pdf: _FormPDF, rows: list[Row], sample: bool) -> None:
    size, leading = 10.0, 5.2
    value_w = pdf.epw - LABEL_W
    for index, r in enumerate(rows):
        value = r.sample if sample else r.blank
        if r.kind in ("heading", "wide"):
            cells = [(MARGIN, pdf.epw, pdf.wrap(r.label if r.kind == "heading" else value, pdf.epw - 2 * PAD_X, size))]
        else:
            cells = [(MARGIN, LABEL_W, pdf.wrap(r.label, LABEL_W - 2 * PAD_X, size)),
                     (MARGIN + LABEL_W, value_w, pdf.wrap(value, value_w - 2 * PAD_X, size))]
        tallest = max(len(c[2]) for c in cells)
        height = max(tallest * leading + 2 * PAD_Y, r.min_height)
        # A heading stays with its first row; a row never splits across pages.
        keep = height + (9 if r.kind == "heading" and index + 1 < len(rows) else 0)
        if pdf.room() < keep:
            pdf.add_page()
        y = pdf.get_y()
        for n, (x, w, lines) in enumerate(cells):
            filled = r.kind == "heading" or (n == 0 and len(cells) == 2)
            pdf.set_fill_color(*HEAD_FILL)
            pdf.rect(x, y, w, height, style="DF" if filled else "D")
            in_value = n == 1 or r.kind == "wide"
            top = y + PAD_Y if r.kind == "box" else y + (height - len(lines) * leading) / 2
            if sample and in_value and value and value != r.blank:
                pdf.set_text_color(*INK)  # what the applicant wrote, in “pen” blue
            pdf.lines_at(x + PAD_X, top, lines, size, leading)
            pdf.set_text_color(0, 0, 0)
        pdf.set_y(y + height)


def _signatures(pdf: _FormPDF, sheet: Sheet, sample: bool) -> None:
    if pdf.room() < 10 * len(sheet.signatures) + 8:
        pdf.add_page()
    pdf.set_y(pdf.get_y() + 6)
    for label, signer in sheet.signatures:
        y = pdf.get_y()
        pdf.lines_at(MARGIN + 8, y, [f"{label}："], 11, 6)
        pdf.lines_at(MARGIN + 8 + pdf.width(f"{label}：", 11) + 2, y, [signer if sample else ""], 11, 6)
        pdf.lines_at(MARGIN + pdf.epw * 0.62, y, [f"日期：{sheet.sample_date if sample else DATE_BLANK}"], 11, 6)
        pdf.set_y(y + 10)


def render(sheet: Sheet, font_path: str, *, sample: bool) -> tuple[bytes, set[str]]:
    """The PDF of a sheet, blank or filled in; and any characters the font could not draw."""
    pdf = _FormPDF(font_path, sample)
    pdf.set_title(f"{sheet.title}（{SAMPLE_LABEL if sample else BLANK_LABEL}）")
    pdf.add_page()
    pdf.paragraph(sheet.title, 16, 8.5, centred=True)
    pdf.set_text_color(*GREY)
    pdf.paragraph(f"办理事项：{sheet.matter}", 9, 5, centred=True)
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(pdf.get_y() + 3)
    _table(pdf, sheet.rows, sample)
    for heading, text in sheet.paragraphs:
        pdf.set_y(pdf.get_y() + 3)
        if heading:
            pdf.paragraph(heading, 11, 7)
        pdf.paragraph(text, 10, 6)
    _signatures(pdf, sheet, sample)
    if sheet.notes:
        pdf.set_y(pdf.get_y() + 3)
        pdf.set_text_color(*GREY)
        pdf.paragraph("填表说明：\n" + "\n".join(f"{i}. {n}" for i, n in enumerate(sheet.notes, 1)), 8, 4.4)
        pdf.set_text_color(0, 0, 0)
    body = bytes(pdf.output())
    lost = {chr(code) for font in pdf.fonts.values() for code in getattr(font, "missing_glyphs", ())}
    return body, lost


def render_pair(sheet: Sheet, font_path: str) -> tuple[bytes, bytes, set[str]]:
    """(blank form, sample, characters missing from the font)."""
    with _quiet_fonttools():
        blank, lost = render(sheet, font_path, sample=False)
        filled, lost_too = render(sheet, font_path, sample=True)
    return blank, filled, lost | lost_too


def render_all(sheets: list[Sheet], font_path: str, workers: int | None = None):
    """render_pair() for each sheet, in order; in forked worker processes when there are cores.

    Fork (Linux) only: the children inherit the loaded modules and never touch the database. On
    other systems, or with one core, it draws in this process.
    """
    can_fork = sys.platform.startswith("linux")  # fork is unsafe on macOS, absent on Windows
    if workers is None:  # the cores this process may use (a container may have fewer than the host)
        workers = min(len(os.sched_getaffinity(0)) if can_fork else 1, 8)
    if workers <= 1 or len(sheets) < 8 or not can_fork:
        yield from (render_pair(s, font_path) for s in sheets)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(render_pair, sheets, [font_path] * len(sheets), chunksize=4)
