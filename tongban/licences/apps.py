from django.apps import AppConfig


class LicencesConfig(AppConfig):
    name = "tongban.licences"
    verbose_name = "电子证照"

    def ready(self):
        from tongban.cases import materials
        from tongban.licences import library, receivers  # noqa: F401
        from tongban.licences.services import exemptions
        from tongban.registries import records

        # 免证办 (issue 5): the 电子证照库 is read through the registries' gate, and stands for materials.
        records.use_store(library.RESOURCE_CODE, library.fetch)
        materials.register("licences", exemptions.provide, probe=exemptions.probe, adopt=exemptions.adopt)
