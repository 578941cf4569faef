"""Text analysis shared by indexing and querying: normalisation, jieba words, character bigrams,
pinyin. Both sides must analyse text the same way, so everything lives here.

jieba's dictionary takes 1–2 s to load; it is loaded once per process (lazily, under a lock, or
ahead of time by `warm_up()`), never per request.
"""

import logging
import re
import threading
import unicodedata

import jieba
from pypinyin import Style, lazy_pinyin

_jieba_lock = threading.Lock()
_jieba_ready = False
_added_words: set[str] = set()

CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
ASCII_RUN = re.compile(r"[a-z0-9]+")
# Words a citizen adds around what they want; they carry no meaning for the catalogue.
STOPWORDS = frozenset(
    "我 我要 我想 想 要 想要 怎么 怎样 如何 办 办理 去 哪里 在哪 哪儿 需要 什么 啥 的 了 吗 呢 请问 一下 "
    "材料 流程".split()
)


def warm_up() -> None:
    """Load jieba's dictionary now rather than on the first search."""
    global _jieba_ready
    if _jieba_ready:
        return
    with _jieba_lock:
        if not _jieba_ready:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _jieba_ready = True


def add_words(words) -> None:
    """Teach jieba the catalogue's own words (synonym terms, result names) so that queries split
    the way the index was built. Cheap and idempotent."""
    warm_up()
    for w in words:
        if w and len(w) > 1 and w not in _added_words:
            jieba.add_word(w, freq=20000)
            _added_words.add(w)


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, collapse spaces (NFKC does the width folding)."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(text.split())


def cjk_runs(text: str) -> list[str]:
    return CJK_RUN.findall(text)


def words(text: str) -> list[str]:
    """jieba search-mode words of the CJK runs (search mode also yields the sub-words of long
    words, e.g. 居民身份证 → 居民, 身份, 身份证, 居民身份证)."""
    warm_up()
    out = []
    for run in cjk_runs(text):
        out += [w for w in jieba.cut_for_search(run) if w.strip()]
    return out


def query_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def bigrams(text: str) -> list[str]:
    out = []
    for run in cjk_runs(text):
        out += [run[i : i + 2] for i in range(len(run) - 1)]
    return out


def chars(text: str) -> list[str]:
    return [c for run in cjk_runs(text) for c in run]


def syllables(text: str) -> list[str]:
    """Toneless pinyin, one syllable per CJK character (other characters dropped)."""
    return [s for run in cjk_runs(text) for s in lazy_pinyin(run)]


def pinyin_bigrams(text: str) -> list[str]:
    """Adjacent syllable pairs per CJK run. Matching these makes homophone typos (the most common
    kind with a pinyin input method: 出生医学正明, 身分证) still find the matter."""
    out = []
    for run in cjk_runs(text):
        sy = lazy_pinyin(run)
        out += [f"{a}-{b}" for a, b in zip(sy, sy[1:], strict=False)]
    return out


def initials(text: str) -> str:
    return "".join(s[0] for s in lazy_pinyin("".join(cjk_runs(text)), style=Style.FIRST_LETTER) if s)


def is_ascii_query(text: str) -> bool:
    return bool(text) and not cjk_runs(text) and bool(ASCII_RUN.search(text))


# Token kinds and the fields they are taken from. A token is "<kind>:<value>".
# t = title, k = keywords (result names, aliases), b = body (materials).
FIELD_KINDS = {
    "t": ("w", "b", "c", "y"),
    "k": ("w", "b", "y"),
    "b": ("w", "b"),
}


def analyse(text: str, kinds=("w", "b", "c", "y")) -> list[str]:
    """Distinct tokens of `text`, in a stable order."""
    tokens = []
    if "w" in kinds:
        tokens += [f"w:{w}" for w in words(text)]
    if "b" in kinds:
        tokens += [f"b:{b}" for b in bigrams(text)]
    if "c" in kinds:
        tokens += [f"c:{c}" for c in chars(text)]
    if "y" in kinds:
        tokens += [f"y:{p}" for p in pinyin_bigrams(text)]
    return list(dict.fromkeys(tokens))
