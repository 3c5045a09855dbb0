from django.shortcuts import render

from .models import Document, Measure, Target


def home(request):
    stats = {
        "documents": Document.objects.count(),
        "measures": Measure.objects.count(),
        "targets": Target.objects.count(),
    }
    return render(request, "measures/home.html", {"stats": stats})
