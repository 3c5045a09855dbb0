from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "知识产权保护措施库 · 编辑后台"
admin.site.site_title = "知识产权保护措施库"
admin.site.index_title = "内容管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("measures.urls")),
]
