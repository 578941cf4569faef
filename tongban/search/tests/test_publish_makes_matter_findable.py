from tongban.catalog.services import add_implementation, cancel_version, publish_spec
from tongban.catalog.tests.builders import matter_spec
from tongban.search.selectors import search


def test_a_newly_published_matter_is_found_without_a_manual_rebuild(
    catalogue, django_capture_on_commit_callbacks
):
    dept = catalogue.depts["health"]
    with django_capture_on_commit_callbacks(execute=True):
        version, _ = publish_spec(
            None,
            basic_code="000220199000",
            owner_department=dept,
            spec=matter_spec(
                name="预防接种证办理",
                service_objects=["1"],
                categories=[],
                results=[{"name": "预防接种证", "kind": "licence"}],
            ),
        )
        add_implementation(
            None,
            version.matter,
            dept,
            place="云川市疾控中心",
            hours="工作日",
            consult_phone="0739-1",
            supervise_phone="0739-2",
        )
    assert search("预防接种").results[0].title == "预防接种证办理"
    assert search("yfjzz").results[0].title == "预防接种证办理"


def test_a_cancelled_matter_disappears_from_search(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cancel_version(None, catalogue.versions["id_card"], "并入新事项")
    assert "居民身份证换领" not in [r.title for r in search("身份证").results]


def test_a_renamed_matter_is_found_under_its_new_name(catalogue, django_capture_on_commit_callbacks):
    dept = catalogue.depts["police"]
    with django_capture_on_commit_callbacks(execute=True):
        publish_spec(
            None,
            basic_code="000107005000",
            owner_department=dept,
            spec=matter_spec(name="居民身份证换领补领", service_objects=["1"], categories=[]),
        )
    assert search("补领").results[0].title == "居民身份证换领补领"
