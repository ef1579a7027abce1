from django import template
from django.utils.safestring import SafeString

from expunge_portal.guide.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    """``{% load guide_markdown %}{{ note.local_rules|markdown }}``: sanitized Markdown."""
    return render_markdown(text or "")
