"""The in-process search index and its ranking.

Why in memory: ranking runs over standard documents, of which even a province has only thousands
(the 500k 实施清单 entries are places, looked up afterwards through a database index). Holding the
documents' postings in a dict makes a query cost a few milliseconds on both SQLite and
PostgreSQL (docs/benchmarks.md), and lets typo tolerance (pinyin, rapidfuzz) work without database
extensions. Each process loads the index from `SearchDocument` rows and reloads it when
`IndexState.token` changes (read at most once a second; at once after a change in this process).
The places of the documents (division ids only) load on the first search narrowed to a division.

Ranking, per query phrase (the query itself and each synonym expansion, the expansions first):
coverage of the phrase's tokens (jieba words, character bigrams, single characters, pinyin
syllable pairs; idf-weighted) in the best field (title 1.0 > result names 0.6 > materials 0.25),
plus bonuses when the title contains, starts with or equals the phrase. Documents scoring below a
fraction of the best are dropped so that a one-character query does not list the whole catalogue.
A query that matches nothing well as written is tried again by its whole pinyin (a homophone typo
such as "营业质照") and then character by character (rapidfuzz).
"""

import heapq
import math
import threading
import time
from array import array
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from rapidfuzz import fuzz, process

from tongban.org.models import Division
from tongban.search import text
from tongban.search.models import IndexState, SearchDocument, SearchPlace, Synonym

FIELD_INDEX = {"t": 0, "k": 1, "b": 2}
FIELD_WEIGHTS = (1.0, 0.6, 0.25)
KIND_WEIGHT = {"w": 1.0, "b": 1.0, "c": 0.35, "y": 0.6}
# Among otherwise equal matters, people mostly want to obtain something, not change or cancel it:
# a tie-breaker only, and not applied when the query itself names the step.
FIRST_STEP_WORDS = ("新办", "首次", "设立", "办理", "申请")
LATER_STEP_WORDS = ("变更", "延续", "注销", "补领", "补办", "换领", "年度报告", "信息变更", "撤销")
RELATIVE_CUTOFF = 0.25
PRUNE_SHARE = 0.3  # below RELATIVE_CUTOFF of a title match: such documents would be cut anyway
MIN_SCORE = 0.15  # one shared character out of several is not a match
MAX_CANDIDATES = 100
WEAK_MATCH = 0.6  # best score below this: the query likely has a typo
# A homophone match of the whole query counts like a title that contains it, below a literal match.
HOMOPHONE_WEIGHT = 1.0


@dataclass
class Doc:
    id: int
    kind: str
    key: str
    title: str
    subtitle: str
    url: str
    code: str
    department: str
    service_objects: frozenset
    category: str
    weight: float
    placed: bool
    title_norm: str
    keywords_norm: str
    # pinyin segments (title first, then keywords): joined syllables, and syllable start offsets
    pinyin: list[str] = field(default_factory=list)
    boundaries: list[frozenset] = field(default_factory=list)
    initials: list[str] = field(default_factory=list)


@dataclass
class Hit:
    doc: Doc
    score: float


class Index:
    def __init__(self, token: str, docs: list[Doc], postings: dict, synonyms: list[tuple[str, list[str]]]):
        self.token = token
        self.docs = docs
        self.by_id = {d.id: d for d in docs}
        self.postings = postings  # token -> [document position * 3 + field index]
        n = max(len(docs), 1)
        self.idf = {t: math.log(1 + n / len({k // 3 for k in plist})) for t, plist in postings.items()}
        self.max_idf = math.log(1 + n)
        # Longest term first so that "开饭店" wins over a shorter term inside it.
        self.synonyms = sorted(synonyms, key=lambda s: -len(s[0]))
        self.titles_pinyin = [d.pinyin[0] if d.pinyin else "" for d in docs]
        self._places: Places | None = None
        self._sets: dict[str, frozenset] = {}
        self._places_lock = threading.Lock()
        self.titles = [d.title_norm for d in docs]
        self.keywords = [d.keywords_norm for d in docs]
        self.prior = [self._prior(d) for d in docs]
        self.by_code = {}
        for pos, d in enumerate(docs):
            for code in (d.key.lower(), d.code.lower()):
                if code:
                    self.by_code.setdefault(code, pos)
        self._ini = self._concat(docs, "initials", with_boundaries=False)
        self._py = self._concat(docs, "pinyin", with_boundaries=True)

    @staticmethod
    def _concat(docs: list["Doc"], attr: str, with_boundaries: bool):
        """All title/keyword segments of one kind in one string, "\\x00"-separated, with each
        segment's start offset and (document position, weight, length)."""
        parts, starts, meta, bounds = ["\x00"], [], [], set() if with_boundaries else None
        offset = 1
        for pos, d in enumerate(docs):
            segs = getattr(d, attr)
            for i, seg in enumerate(segs):
                if not seg:
                    continue
                starts.append(offset)
                meta.append((pos, 1.0 if i == 0 else 0.6, len(seg)))
                if with_boundaries:
                    bounds.update(offset + b for b in d.boundaries[i])
                parts.append(seg + "\x00")
                offset += len(seg) + 1
        return "".join(parts), starts, meta, bounds

    def _posting_set(self, token: str) -> frozenset:
        found = self._sets.get(token)
        if found is None:
            found = self._sets[token] = frozenset(self.postings.get(token, ()))
        return found

    def places(self) -> "Places":
        """Where each document can be handled, loaded on the first search narrowed to a division."""
        if self._places is None:
            with self._places_lock:
                if self._places is None:
                    self._places = Places.load()
        return self._places

    # -- query analysis -------------------------------------------------------------------------

    def phrases(self, query: str) -> list[tuple[str, float]]:
        """(phrase, factor) pairs: synonym expansions found in the query, then what is left."""
        q = text.normalise(query)
        found: list[tuple[str, float]] = []
        rest = q
        for term, expansions in self.synonyms:
            if term and term in rest:
                rest = rest.replace(term, " ")
                for i, exp in enumerate(expansions):
                    found.append((text.normalise(exp), max(1.0 - 0.04 * i, 0.7)))
        if found:
            # The synonym explained the plain words; what is left ("要办什么") still counts a little,
            # except single characters ("我想开个便利店" leaves 个): any title holding one would match it.
            return found + [(w, 0.8) for w in text.query_words(rest) if len(w) > 1]
        return [(q, 1.0)]

    # -- scoring ---------------------------------------------------------------------------------

    def _score_cjk(self, phrase: str, factor: float, scores: dict[int, float]) -> None:
        core = "".join(text.cjk_runs(phrase))
        # Single characters only help short phrases ("证", "户口"); for longer ones bigrams and
        # pinyin pairs already carry the meaning and characters would only add noise and time.
        kinds = ("w", "b", "c", "y") if len(core) <= 2 else ("w", "b", "y")
        tokens = [t for t in text.analyse(phrase, kinds) if not (t[0] == "w" and t[2:] in text.STOPWORDS)]
        if not tokens:
            return
        idf, max_idf = self.idf, self.max_idf
        weights = {t: KIND_WEIGHT[t[0]] * idf.get(t, max_idf) for t in tokens}
        # Coverage is measured against the token kinds each field indexes (result names have no
        # single characters), so an exact result name counts as fully covered.
        totals = [sum(w for t, w in weights.items() if t[0] in text.FIELD_KINDS[f]) or 1.0 for f in "tkb"]
        scale = [FIELD_WEIGHTS[f] / totals[f] for f in range(3)]
        acc: dict[int, float] = {}
        get = acc.get
        postings = self.postings
        # Rarest tokens first. Once the tokens left carry too little weight for a document that has
        # only them to pass the cut-off, they are merely checked on the candidates found so far
        # instead of walking their long posting lists ("许可" is in half of all titles).
        ordered = sorted(tokens, key=lambda t: len(postings.get(t, ())))
        total, remaining = sum(weights.values()), sum(weights.values())
        walked = 0
        for t in ordered:
            if acc and remaining < PRUNE_SHARE * total:
                break
            w = weights[t]
            for key in postings.get(t, ()):
                acc[key] = get(key, 0.0) + w
            remaining -= w
            walked += 1
        for t in ordered[walked:]:
            w, members = weights[t], self._posting_set(t)
            for key in acc:
                if key in members:
                    acc[key] += w
        best: dict[int, float] = {}
        for key, s in acc.items():
            pos, f = divmod(key, 3)
            value = min(s * scale[f], FIELD_WEIGHTS[f])
            if value > best.get(pos, 0.0):
                best[pos] = value
        titles, keywords = self.titles, self.keywords
        for pos, value in best.items():
            title = titles[pos]
            if core and core in title:
                value += 0.5 + (0.2 if title.startswith(core) else 0.0) + (0.3 if title == core else 0.0)
            elif len(core) > 1 and core in keywords[pos]:
                value += 0.2
            scores[pos] = scores.get(pos, 0.0) + factor * value

    def _score_ascii(self, phrase: str, factor: float, scores: dict[int, float]) -> None:
        """Pinyin ("chusheng"), initials ("csyxzm") or codes, matched against titles and keywords.

        All segments are concatenated into one string per kind, so finding the query is one C-level
        scan; a pinyin match must start at a syllable boundary ("sheng" matches 生, "heng" does not)."""
        q = "".join(text.ASCII_RUN.findall(phrase))
        if not q:
            return
        found: dict[int, float] = {}
        for big, seg_starts, seg_meta, boundaries in (self._ini, self._py):
            needle = q if len(q) >= 2 else "\x00" + q  # one letter: only the first initial of a segment
            shift = 0 if len(q) >= 2 else 1
            i = big.find(needle)
            while i >= 0:
                start = i + shift
                if boundaries is None or start in boundaries:
                    n = bisect_right(seg_starts, start) - 1
                    pos, seg_weight, seg_len = seg_meta[n]
                    at_start = start == seg_starts[n]
                    value = seg_weight * (len(q) / seg_len + 0.5 + (0.2 if at_start else 0.0))
                    if value > found.get(pos, 0.0):
                        found[pos] = value
                i = big.find(needle, i + 1)
        exact = self.by_code.get(q)
        if exact is not None:
            found[exact] = max(found.get(exact, 0.0), 2.0)
        for pos, value in found.items():
            scores[pos] = scores.get(pos, 0.0) + factor * value
        if not found and len(q) >= 4:
            # Typo tolerance for pinyin: "chushneg" still reaches 出生医学证明.
            for _title, score, pos in process.extract(
                q, self.titles_pinyin, scorer=fuzz.partial_ratio, score_cutoff=80, limit=10
            ):
                scores[pos] = scores.get(pos, 0.0) + factor * (score / 100.0) * 0.8

    def _score_homophones(self, phrase: str, scores: dict[int, float]) -> None:
        """A query whose words are not found as written but whose whole pinyin is: the usual typo
        with a pinyin input method picks the wrong character of the right sound ("营业质照" for
        营业执照, a result name). Every such match scores the same, so the tie-breakers (first step
        of a licence, wider implementation) order them rather than the title's length."""
        core = "".join(text.cjk_runs(phrase))
        if len(core) < 2:
            return
        needle = "".join(text.syllables(core))
        big, seg_starts, seg_meta, boundaries = self._py
        found: dict[int, float] = {}
        i = big.find(needle)
        while i >= 0:
            if i in boundaries:
                pos, seg_weight, _seg_len = seg_meta[bisect_right(seg_starts, i) - 1]
                found[pos] = max(found.get(pos, 0.0), seg_weight * HOMOPHONE_WEIGHT)
            i = big.find(needle, i + 1)
        for pos, value in found.items():
            scores[pos] = scores.get(pos, 0.0) + value

    def _fuzzy_cjk(self, phrase: str, scores: dict[int, float]) -> None:
        """Short queries with no good match: compare with titles character by character."""
        core = "".join(text.cjk_runs(phrase))
        if not core or len(core) > 8:
            return
        for _title, score, pos in process.extract(
            core, self.titles, scorer=fuzz.partial_ratio, score_cutoff=66, limit=10
        ):
            scores[pos] = max(scores.get(pos, 0.0), (score / 100.0) * 0.6)

    @staticmethod
    def _prior(doc: "Doc") -> float:
        """Query-independent tie-breakers: the document implemented more widely first, then the
        first step of a licence's life, then the shorter title."""
        step = 0.0
        if any(w in doc.title_norm for w in LATER_STEP_WORDS):
            step = -0.01
        elif any(w in doc.title_norm for w in FIRST_STEP_WORDS):
            step = 0.005
        return 0.02 * doc.weight + step - 0.001 * len(doc.title)

    def rank(
        self,
        query: str,
        *,
        service_object: str | None = None,
        category: str | None = None,
        kinds: tuple[str, ...] | None = None,
        limit: int = MAX_CANDIDATES,
    ) -> list[Hit]:
        scores: dict[int, float] = {}
        phrases = self.phrases(query)
        for phrase, factor in phrases:
            if text.cjk_runs(phrase):
                self._score_cjk(phrase, factor, scores)
            if text.ASCII_RUN.search(phrase):
                self._score_ascii(phrase, factor, scores)
        if len(phrases) == 1 and (not scores or max(scores.values()) < WEAK_MATCH):
            # Nothing matched well as written: try the sound, then the characters loosely.
            if text.cjk_runs(phrases[0][0]):
                self._score_homophones(phrases[0][0], scores)
            self._fuzzy_cjk(phrases[0][0], scores)
        if not scores:
            return []
        floor = max(max(scores.values()) * RELATIVE_CUTOFF, MIN_SCORE)
        docs, prior = self.docs, self.prior
        # A query naming a later step ("营业执照变更") must not be pushed below the first step.
        named = [w for w in LATER_STEP_WORDS if w in query]
        kept = []
        for pos, score in scores.items():
            if score < floor:
                continue
            doc = docs[pos]
            if service_object and doc.service_objects and service_object not in doc.service_objects:
                continue
            if category and doc.category != category:
                continue
            if kinds and doc.kind not in kinds:
                continue
            final = score + prior[pos]
            if named and any(w in doc.title_norm for w in named):
                final += 0.01
            kept.append((final, pos))
        top = heapq.nsmallest(limit, kept, key=lambda x: (-x[0], docs[x[1]].title, docs[x[1]].id))
        return [Hit(docs[pos], score) for score, pos in top]


class Places:
    """Division ids of each document's places in preference order (one compact array per document:
    half a million entries take a few megabytes), and the division tree to test "in or below"."""

    def __init__(self, by_doc: dict[int, array], divisions: dict[int, tuple[str, str, int | None]]):
        self.by_doc = by_doc
        self.divisions = divisions  # id -> (code, name, parent id)
        self.by_code = {code: pk for pk, (code, _name, _parent) in divisions.items()}
        self.children: dict[int, list[int]] = defaultdict(list)
        for pk, (_code, _name, parent) in divisions.items():
            if parent:
                self.children[parent].append(pk)
        self._subtrees: dict[int, frozenset] = {}

    @classmethod
    def load(cls) -> "Places":
        by_doc: dict[int, array] = {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT document_id, division_id FROM {SearchPlace._meta.db_table} "
                "ORDER BY document_id, rank"
            )
            current, arr = None, None
            while rows := cursor.fetchmany(20000):
                for doc_id, division_id in rows:
                    if doc_id != current:
                        current, arr = doc_id, array("q")
                        by_doc[doc_id] = arr
                    arr.append(division_id)
        divisions = {
            pk: (code, name, parent)
            for pk, code, name, parent in Division.objects.values_list("pk", "code", "name", "parent_id")
        }
        return cls(by_doc, divisions)

    def subtree(self, division_id: int) -> frozenset:
        if division_id not in self._subtrees:
            ids, frontier = [division_id], [division_id]
            while frontier:
                frontier = [c for pk in frontier for c in self.children.get(pk, ())]
                ids += frontier
            self._subtrees[division_id] = frozenset(ids)
        return self._subtrees[division_id]

    def first_rank_in(self, doc_id: int, subtree: frozenset) -> int | None:
        """Rank of the document's most preferred place inside `subtree`, if any."""
        for rank, division_id in enumerate(self.by_doc.get(doc_id, ())):
            if division_id in subtree:
                return rank
        return None


# -- loading ---------------------------------------------------------------------------------------

_lock = threading.Lock()
_current: Index | None = None


def _pinyin_segments(value: str) -> tuple[list[str], list[frozenset]]:
    joined, bounds = [], []
    for seg in value.split("|") if value else []:
        syl = seg.split()
        offsets, pos = set(), 0
        for s in syl:
            offsets.add(pos)
            pos += len(s)
        joined.append("".join(syl))
        bounds.append(frozenset(offsets))
    return joined, bounds


def load_index(token: str) -> Index:
    docs: list[Doc] = []
    postings: dict[str, list[int]] = defaultdict(list)  # token -> [document position * 3 + field]
    rows = SearchDocument.objects.values_list(
        "id",
        "kind",
        "key",
        "title",
        "subtitle",
        "url",
        "code",
        "department",
        "service_objects",
        "category",
        "weight",
        "placed",
        "keywords",
        "terms",
        "pinyin",
        "initials",
    ).order_by("id")
    for (
        pk,
        kind,
        key,
        title,
        subtitle,
        url,
        code,
        department,
        objects,
        category,
        weight,
        placed,
        keywords,
        terms,
        pinyin,
        initials,
    ) in rows.iterator(chunk_size=2000):
        pos = len(docs)
        joined, bounds = _pinyin_segments(pinyin)
        docs.append(
            Doc(
                pk,
                kind,
                key,
                title,
                subtitle,
                url,
                code,
                department,
                frozenset(o for o in objects.split(",") if o),
                category,
                weight,
                placed,
                text.normalise(title),
                text.normalise(keywords.replace("\n", "|")),
                joined,
                bounds,
                initials.split("|") if initials else [],
            )
        )
        for line in terms.splitlines():
            f, _, tokens = line.partition(" ")
            fi = FIELD_INDEX.get(f)
            if fi is None:
                continue
            for t in tokens.split():
                postings[t].append(pos * 3 + fi)
    synonyms = [(text.normalise(s.term), s.expansion_list) for s in Synonym.objects.filter(enabled=True)]
    # Synonym terms become jieba words so "生孩子要办什么" segments around them.
    text.add_words([t for t, _ in synonyms])
    return Index(token, docs, dict(postings), synonyms)


# How long a process trusts its index before reading the token again. Changes made by this process
# apply at once (`touch_index` calls `reset()`); other processes see them within this many seconds.
TOKEN_CHECK_SECONDS = 1.0
_checked_at = 0.0


def current_token() -> str:
    token = IndexState.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or ""


def get_index() -> Index:
    """The index for the current token, reloaded when another process (or this one) changed it."""
    global _current, _checked_at
    index = _current
    now = time.monotonic()
    if index is not None and now - _checked_at < TOKEN_CHECK_SECONDS:
        return index
    token = current_token()
    _checked_at = now
    if index is not None and index.token == token and token:
        return index
    with _lock:
        if _current is not None and _current.token == token and token:
            return _current
        if not token:
            # No token yet (fresh database): create one so every process agrees from now on.
            from tongban.search.services import touch_index

            token = touch_index()
        _current = load_index(token)
        return _current


def reset(hard: bool = False) -> None:
    """Make the next search read the token (and reload if it changed); `hard` drops the index."""
    global _checked_at, _current
    _checked_at = 0.0
    if hard:
        _current = None
