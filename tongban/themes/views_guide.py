"""Public pages of the themes: the list of published 一件事 and a theme's guide (办事指南)."""

from django.http import Http404
from django.shortcuts import render

from tongban.themes import page_selectors
from tongban.themes.selectors import published_theme


def theme_list(request):
    return render(request, "themes/list.html", {"cards": page_selectors.theme_cards()})


def theme_guide(request, code):
    theme = published_theme(code)
    if theme is None:
        raise Http404("该主题未发布或不存在")
    return render(request, "themes/guide.html", {"theme": theme, **page_selectors.guide(theme)})
