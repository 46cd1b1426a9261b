from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from feedback import views as feedback_views
from het_site import views as site_views
from search import views as search_views
from seo import views as seo_views
from seo.sitemap import sitemap

handler500 = site_views.server_error

urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", search_views.search, name="search"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("feedback/", feedback_views.submit_feedback, name="feedback"),
    # Wagtail serves only addresses ending in "/", but calendar files end in ".ics" so that calendar apps
    # recognise them. They are answered by the pages' own routes (see events.models).
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", wagtail_views.serve, name="calendar_file"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
