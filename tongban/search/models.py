"""A generic document index. The search app knows documents, places and synonyms, not matters:
the catalogue (catalog/indexing.py) and later the themes app feed it (decision 0002).

A document is one thing a citizen looks for (a standard matter, a theme). Its analysed tokens are
stored with it so that loading the in-process index never runs jieba over the whole catalogue.
A place is where the document can be handled (for a matter: one 实施清单 entry); documents are
few (thousands of standard matters) while places are many (hundreds of thousands of entries), so
ranking works on documents and places are looked up afterwards through an index.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from tongban.org.models import Division, Level


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        MATTER = "matter", "事项"
        THEME = "theme", "主题（一件事）"

    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    key = models.CharField("标识", max_length=64, help_text="事项为基本编码，主题为主题编码")
    title = models.CharField("标题", max_length=200)
    subtitle = models.CharField("副标题", max_length=300, blank=True)
    url = models.CharField("链接", max_length=300)
    code = models.CharField(
        "默认办理编码", max_length=64, blank=True, help_text="事项为首选实施清单的实施编码"
    )
    department = models.CharField("默认办理部门", max_length=100, blank=True)
    keywords = models.TextField("关键词", blank=True, help_text="办理结果名称等，每行一个，权重低于标题")
    body = models.TextField("正文", blank=True, help_text="申请材料名称等，每行一个，权重最低")
    terms = models.TextField("索引词", blank=True, editable=False)
    pinyin = models.TextField("拼音", blank=True, editable=False, help_text="标题与关键词的拼音，以 | 分隔")
    initials = models.TextField("拼音首字母", blank=True, editable=False)
    service_objects = models.CharField("服务对象", max_length=40, blank=True, help_text="代码，逗号分隔")
    category = models.CharField("分类", max_length=20, blank=True, help_text="事项为事项类型代码")
    placed = models.BooleanField(
        "按地点办理", default=False, help_text="有办理地点的文档，按区划搜索时只在其地点出现"
    )
    weight = models.FloatField("权重", default=1.0, help_text="同分时排序靠前的程度（如实施范围广的事项）")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "搜索文档"
        ordering = ["kind", "key"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="uniq_search_document_kind_key")]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.title}"


class SearchPlace(models.Model):
    """Where a document can be handled; a search narrowed to a division picks among these."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="places")
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField("层级", choices=Level.choices)
    # Preference within a document: the city-level entry first, then higher levels, then by code.
    rank = models.PositiveIntegerField("顺序", default=0)
    code = models.CharField("编码", max_length=64)
    department = models.CharField("部门", max_length=100)
    url = models.CharField("链接", max_length=300)

    class Meta:
        verbose_name = verbose_name_plural = "办理地点索引"
        indexes = [models.Index(fields=["document", "rank"], name="search_place_doc_rank")]

    def __str__(self):
        return f"{self.department} {self.code}"


class Synonym(models.Model):
    """Plain words → catalogue words ("生孩子" → 出生、生育、新生儿). Edited by staff in the admin."""

    term = models.CharField("口语词", max_length=40, unique=True, help_text="群众常用的说法，如“生孩子”")
    expansions = models.CharField(
        "对应词",
        max_length=300,
        help_text="事项中的规范说法，用顿号或逗号分隔，越靠前越优先，如“出生、生育、新生儿”",
    )
    enabled = models.BooleanField("启用", default=True)
    note = models.CharField("说明", max_length=200, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "搜索同义词"
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.expansions}"

    @staticmethod
    def split(expansions: str) -> list[str]:
        parts = (
            expansions.replace("，", ",").replace("、", ",").replace("；", ",").replace(";", ",").split(",")
        )
        return list(dict.fromkeys(p.strip() for p in parts if p.strip()))

    @property
    def expansion_list(self) -> list[str]:
        return self.split(self.expansions)

    def clean(self):
        self.term = (self.term or "").strip()
        if not self.term:
            raise ValidationError({"term": "口语词不能为空"})
        parts = self.split(self.expansions or "")
        if not parts:
            raise ValidationError({"expansions": "对应词不能为空，多个词用顿号分隔"})
        if self.term in parts:
            raise ValidationError({"expansions": "对应词不能与口语词相同"})
        self.expansions = "、".join(parts)


class IndexState(models.Model):
    """One row. `token` changes whenever documents or synonyms change; every process compares it
    with the token of the index it holds in memory and reloads when they differ."""

    token = models.CharField(max_length=32, default="")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "索引状态"

    def __str__(self):
        return f"索引 {self.token or '（未建立）'}"

    @classmethod
    def new_token(cls) -> str:
        return uuid.uuid4().hex
