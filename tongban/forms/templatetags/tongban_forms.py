"""Template helpers of application forms: {% load tongban_forms %}.

    {% form_groups spec answers errors as groups %}      sections with prepared rows (forms/_field.html)
    {% form_error_summary spec errors as summary %}      [{"id", "message"}] in form order
    {% answers_for_display spec answers as pairs %}      [(label, value)] for case pages
    {{ answers|form_answer:field }}                      one answer, as a person reads it
"""

from django import template

from tongban.forms import rendering

register = template.Library()


@register.simple_tag
def form_groups(spec, answers=None, errors=None, prefix="f-"):
    return rendering.form_groups(spec, answers, errors, prefix or "f-")


@register.simple_tag
def form_error_summary(spec, errors=None, prefix="f-"):
    return rendering.error_summary(spec, errors, prefix or "f-")


@register.simple_tag
def answers_for_display(spec, answers=None, mask=False):
    return rendering.answers_for_display(spec, answers, mask=bool(mask))


@register.filter
def form_answer(answers, field):
    return rendering.display_value(field, (answers or {}).get(field.get("key")))
