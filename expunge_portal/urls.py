from django.contrib import admin
from django.urls import include, path

from expunge_portal.site import views as site_views
from expunge_portal.site.admin_login import admin_login

# The admin signs in through the same rate-limited login as everyone else.
admin.site.login = admin_login  # type: ignore[method-assign]
admin.site.site_header = "Expunge Portal administration"

urlpatterns = [
    path("", include("expunge_portal.site.urls")),
    path("healthz", site_views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("expunge_portal.site.account_urls")),
    path("guide/", include("expunge_portal.guide.urls")),
    path("screening/", include("eligibility.urls")),
    path("packets/", include("forms_filler.urls")),
    path("review/", include("forms_filler.review_urls")),
    path("admin/", admin.site.urls),
]

handler403 = "expunge_portal.site.views.error_403"
handler404 = "expunge_portal.site.views.error_404"
handler500 = "expunge_portal.site.views.error_500"
