from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "tongban.org"
    verbose_name = "行政区划与部门"
