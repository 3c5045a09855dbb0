from django.urls import path

from . import (api, api_resources, feeds, views, views_about, views_diffusion, views_exports, views_files,
               views_reports)

app_name = "measures"

urlpatterns = [
    path("", views.home, name="home"),
    path("api/measures/", api.measure_search, name="api-measures"),
    path("api/", api_resources.api_index, name="api-index"),
    path("api/docs/", api_resources.api_docs, name="api-docs"),
    path("api/documents/", api_resources.document_list, name="api-documents"),
    path("api/documents/<int:pk>/", api_resources.document_detail, name="api-document"),
    path("api/targets/", api_resources.target_list, name="api-targets"),
    path("api/units/", api_resources.unit_list, name="api-units"),
    path("measures/feed/", feeds.measure_feed, name="measure_feed"),
    path("healthz", views.healthz, name="healthz"),
    path("measures/", views.measure_list, name="measure_list"),
    path("measures/export.csv", views.measure_export_csv, name="measure_export_csv"),
    path("measures/export.json", views.measure_export_json, name="measure_export_json"),
    path("measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("documents/", views.document_list, name="document_list"),
    path("documents/export.csv", views_exports.document_export_csv, name="document_export_csv"),
    path("documents/export.json", views_exports.document_export_json, name="document_export_json"),
    path("targets/export.csv", views_exports.target_export_csv, name="target_export_csv"),
    path("targets/export.json", views_exports.target_export_json, name="target_export_json"),
    path("units/export.csv", views_exports.unit_export_csv, name="unit_export_csv"),
    path("units/export.json", views_exports.unit_export_json, name="unit_export_json"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("documents/<int:pk>/files/<int:file_id>/", views_files.source_file, name="source_file"),
    path("compare/", views.compare, name="compare"),
    path("targets/", views.targets, name="targets"),
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    # how policy spreads (measures.views_diffusion)
    path("documents/<int:pk>/lineage/", views_diffusion.lineage, name="lineage"),
    path("documents/<int:pk>/draft/", views_diffusion.draft_comparison, name="draft_comparison"),
    path("measures/<int:pk>/diffusion/", views_diffusion.measure_diffusion, name="measure_diffusion"),
    path("timeline/", views_diffusion.timeline, name="timeline"),
    path("map/", views_diffusion.province_map, name="province_map"),
    path("api/documents/<int:pk>/citations/", views_diffusion.document_citations_api, name="api-document-citations"),
    path("about/", views_about.about, name="about"),
    path("report/", views_reports.report_error, name="report"),
    path("report/thanks/", views_reports.report_thanks, name="report_thanks"),
]
