from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("知识产权保护措施库 · 编辑后台")
admin.site.site_title = _("知识产权保护措施库")
admin.site.index_title = _("内容管理")



def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page says: the portal's icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("measures.urls")),
    path("favicon.ico", favicon),
]
