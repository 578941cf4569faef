"""Links printed or sent away from a request carry the site's public address, however it is written."""

from tongban.core.links import absolute_url


def test_public_address_with_or_without_trailing_slash(settings):
    for site in ("https://zwfw.yunchuan.gov.cn", "https://zwfw.yunchuan.gov.cn/"):
        settings.TONGBAN = {**settings.TONGBAN, "SITE_URL": site}
        assert absolute_url("/guide/1/") == "https://zwfw.yunchuan.gov.cn/guide/1/"


def test_address_the_request_came_in_on_when_given(settings):
    settings.TONGBAN = {**settings.TONGBAN, "SITE_URL": "https://zwfw.yunchuan.gov.cn"}
    assert absolute_url("/pay/1/", base="http://10.0.0.5:8000/") == "http://10.0.0.5:8000/pay/1/"
    assert absolute_url("/pay/1/", base=None) == "https://zwfw.yunchuan.gov.cn/pay/1/"
