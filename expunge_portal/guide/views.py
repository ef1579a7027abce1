from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from .markdown import render_markdown
from .models import GuidePage
from .selectors import guide_page, localized_text, published_guide_pages


def _can_preview(request: HttpRequest) -> bool:
    return request.GET.get("preview") == "1" and request.user.has_perm("guide.change_guidepage")


def _page_texts(page: GuidePage) -> dict[str, object]:
    return {
        "page": page,
        "title": localized_text(instance=page, field="title"),
        "summary": localized_text(instance=page, field="summary"),
    }


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    entries = [_page_texts(page) for page in published_guide_pages()]
    return render(request, "guide/index.html", {"entries": entries})


@require_safe
def page(request: HttpRequest, slug: str) -> HttpResponse:
    preview = _can_preview(request)
    found = guide_page(slug=slug, include_unpublished=preview)
    if found is None:
        raise Http404
    body = localized_text(instance=found, field="body")
    pages = list(published_guide_pages().only("slug", "order", "title_en", "title_es"))
    position = next((i for i, p in enumerate(pages) if p.pk == found.pk), None)
    following = pages[position + 1] if position is not None and position + 1 < len(pages) else None
    context = {
        **_page_texts(found),
        "body": body,
        "body_html": render_markdown(body.text),
        "preview": preview and not found.published,
        "next_entry": _page_texts(following) if following else None,
    }
    response = render(request, "guide/page.html", context)
    if preview:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response
