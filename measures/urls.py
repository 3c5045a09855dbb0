from django.urls import path

from . import api, views

app_name = "measures"

urlpatterns = [
    path("", views.home, name="home"),
    path("api/measures/", api.measure_search, name="api-measures"),
]
