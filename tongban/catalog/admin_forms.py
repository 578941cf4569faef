"""Add forms of the catalogue admin: a new standard matter (its first draft), a new 实施清单 entry.

The forms only validate; the admin saves through services.create_matter / add_implementation.
"""

from django import forms
from django.core.exceptions import ValidationError

from tongban.catalog.codes import CaseKind, basic_code_format_problem, basic_code_problem
from tongban.catalog.models import Implementation, Matter, MatterVersion

# The draft's first elements; the rest (materials, steps, results…) are filled in on the draft.
FIRST_DRAFT_FIELDS = ("legal_basis", "conditions", "levels", "case_kind", "legal_limit_days", "promised_limit_days")


class NewMatterForm(forms.ModelForm):
    legal_basis = forms.CharField(label="设定依据", widget=forms.Textarea(attrs={"rows": 3}))
    conditions = forms.CharField(label="受理条件", widget=forms.Textarea(attrs={"rows": 3}))
    levels = forms.CharField(label="行使层级", max_length=20, help_text="逗号分隔的层级代码：3 市级、4 县级、5 镇（街道）级、6 村（社区）级，如 3,4")
    case_kind = forms.TypedChoiceField(label="办件类型", choices=CaseKind.choices, coerce=int, initial=CaseKind.PROMISED)
    legal_limit_days = forms.IntegerField(label="法定办结时限（工作日）", min_value=0, required=False,
                                          help_text="法律法规未规定时限的留空")
    promised_limit_days = forms.IntegerField(label="承诺办结时限（工作日）", min_value=0)

    class Meta:
        model = Matter
        fields = ("basic_code", "name", "matter_type", "owner_department")

    def clean(self):
        data = super().clean()
        code, matter_type = data.get("basic_code"), data.get("matter_type")
        # The model reports a code that is not 12 digits; the form adds what only it knows: the type.
        if code and matter_type and basic_code_format_problem(code) is None:
            problem = basic_code_problem(code, matter_type)
            if problem:
                self.add_error("basic_code", problem)
        draft = MatterVersion(name=data.get("name", ""), matter_type=data.get("matter_type", ""),
                              **{f: data.get(f) for f in FIRST_DRAFT_FIELDS})
        try:
            draft.clean()  # 承诺时限不超过法定时限, 即办件为0日, 层级代码 (the model's own rules)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                if field in self.fields and field not in self.errors:
                    self.add_error(field, errors)
        return data

    def spec(self) -> dict:
        data = self.cleaned_data
        return {"name": data["name"], "matter_type": data["matter_type"],
                **{f: data[f] for f in FIRST_DRAFT_FIELDS}}


class NewImplementationForm(forms.ModelForm):
    class Meta:
        model = Implementation
        fields = ("matter", "department", "site", "place", "hours", "consult_phone", "supervise_phone")

    def clean(self):
        data = super().clean()
        matter, department = data.get("matter"), data.get("department")
        if matter and department:
            # Derived, not typed: 实施编码 = 信用代码 + 层级 + 基本编码, level = the department's division level.
            level = department.division.level
            self.instance.level = level
            self.instance.code = Implementation.derive_code(department, level, matter.basic_code)
            version = matter.current_version
            if version is not None and level not in version.level_list:
                self.add_error("department", f"该事项的行使层级为{version.get_levels_display()}，"
                                             f"{department.name}所在层级不在其中")
        return data
