from django.urls import path

from . import views

app_name = "measures"

urlpatterns = [
    path("", views.home, name="home"),
]
