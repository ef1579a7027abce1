"""Every URL pattern of the project, filled with real object ids from the security world."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.http import int_to_base36

from expunge_portal.guide.models import GuidePage

from .conftest import World, content_type_id


@dataclass(frozen=True)
class Route:
    key: str  # the pattern's name (namespace included), or its route when it has no name
    route: str  # the full route, prefixes included
    pattern: URLPattern

    @property
    def named(self) -> bool:
        return self.pattern.name is not None

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")


def all_routes() -> list[Route]:
    """Every URL pattern, recursing into includes (the admin too)."""
    return list(_walk(get_resolver().url_patterns, "", ""))


def _walk(patterns: list, prefix: str, namespace: str) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        else:
            route = prefix + str(entry.pattern)
            key = f"{namespace}{entry.name}" if entry.name else route
            yield Route(key=key, route=route, pattern=entry)


def admin_models() -> dict[str, type]:
    """Registered admin models by the prefix of their URL names, e.g. "forms_filler_packet"."""
    return {f"{m._meta.app_label}_{m._meta.model_name}": m for m in admin.site._registry}


def _object_pk(model: type) -> str:
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"the security world has no {model.__name__} for the admin's pages"
    return str(obj.pk)


def url_for(route: Route, world: World) -> str:
    """A concrete URL for the pattern, its parameters filled with the owner's objects."""
    if route.is_admin:
        return _admin_url(route, world)
    params = {
        "case_id": world.case.pk,
        "number": world.version.number,
        "packet_id": world.packet.pk,
        "slug": world.guide_page.slug,
        "step": "county",
        "key": "not-a-real-key",
        "uidb36": int_to_base36(world.owner.pk),
        "token": "not-a-signed-token",
    }
    names = _parameter_names(route.pattern)
    return reverse(route.key, kwargs={name: params[name] for name in names})


def _parameter_names(pattern: URLPattern) -> list[str]:
    return list(pattern.pattern.regex.groupindex)


def _admin_url(route: Route, world: World) -> str:
    name = route.key.removeprefix("admin:")
    models = admin_models()
    if route.key == "admin:view_on_site":
        page = world.guide_page
        return reverse(route.key, args=[content_type_id(GuidePage), page.pk])
    if route.key == "admin:app_list":
        return reverse(route.key, kwargs={"app_label": "forms_filler"})
    if route.key == "admin:auth_user_password_change":
        return reverse(route.key, args=[world.owner.pk])
    if route.key == "admin/(?P<url>.*)$":
        return "/admin/no-such-admin-page/"
    if not route.named:  # unnamed: admin/<app>/<model>/<path:object_id>/ (redirects)
        match = re.fullmatch(r"admin/(\w+)/(\w+)/<path:object_id>/", route.route)
        assert match, f"unexpected unnamed admin route {route.route}"
        model = models[f"{match[1]}_{match[2]}"]
        return f"/admin/{match[1]}/{match[2]}/{_object_pk(model)}/"
    for prefix, model in models.items():
        if not name.startswith(prefix + "_"):
            continue
        view = name.removeprefix(prefix + "_")
        if view in {"changelist", "add"}:
            return reverse(route.key)
        if view == "simple_history":
            history = model.history.filter(id=_object_pk(model)).order_by("history_id").first()
            assert history is not None, f"{model.__name__} needs a history row"
            return reverse(route.key, args=[history.id, history.history_id])
        return reverse(route.key, kwargs={"object_id": _object_pk(model)})
    return reverse(route.key)


def admin_view_kind(route: Route) -> str:
    """changelist/add/change/delete/history/simple_history for a model's admin URL, else ''."""
    name = route.key.removeprefix("admin:")
    for prefix in admin_models():
        if name.startswith(prefix + "_"):
            return name.removeprefix(prefix + "_")
    if not route.named and "<path:object_id>" in route.route:
        return "object"
    return ""


def admin_model_key(route: Route) -> str:
    name = route.key.removeprefix("admin:")
    for prefix in admin_models():
        if name.startswith(prefix + "_"):
            return prefix
    match = re.fullmatch(r"admin/(\w+)/(\w+)/<path:object_id>/", route.route)
    return f"{match[1]}_{match[2]}" if match else ""
