from django.contrib.auth.models import AbstractUser
from django.db import models

from tongban.core.validators import validate_id_number
from tongban.org.models import Department, Division


class User(AbstractUser):
    """A person using the platform: applicant or staff. Roles come from StaffRole rows."""

    display_name = models.CharField("姓名", max_length=60, blank=True)
    phone = models.CharField("手机号", max_length=20, blank=True)
    # Bound to a verified identity by 实名认证 (issue: trust layer); shown masked outside the owner's pages.
    id_number = models.CharField("公民身份号码", max_length=18, blank=True, validators=[validate_id_number])

    class Meta:
        verbose_name = verbose_name_plural = "用户"

    def __str__(self):
        return self.display_name or self.username


class Role(models.TextChoices):
    CLERK = "clerk", "综合窗口人员"
    APPROVER = "approver", "审批人员"
    SUPERVISOR = "supervisor", "督办人员"
    EDITOR = "editor", "事项管理员"
    HOTLINE = "hotline", "12345话务员"
    STEWARD = "steward", "数据专员"
    ADMIN = "admin", "平台管理员"


class StaffRole(models.Model):
    """A role held in a scope: a division, and optionally one department of it.

    department empty = every department of the division (e.g. a supervisor of the 政务服务管理局);
    include_subdivisions extends the scope to the divisions below (a city supervisor sees districts).
    """

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.PROTECT)
    department = models.ForeignKey(Department, verbose_name="部门", null=True, blank=True, on_delete=models.PROTECT)
    include_subdivisions = models.BooleanField("含下级区划", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "岗位角色"
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "division", "department"], name="uniq_staff_role")
        ]

    def __str__(self):
        where = self.department.name if self.department_id else self.division.name
        return f"{self.user} · {self.get_role_display()} · {where}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.department_id and self.department.division_id != self.division_id:
            raise ValidationError({"department": "部门不属于所选区划"})
