"""Read-side query logic for the measures app, as QuerySet methods."""
from django.db import models


class DocumentQuerySet(models.QuerySet):
    def with_region(self):
        return self.select_related("region", "province", "city")


class MeasureQuerySet(models.QuerySet):
    def for_listing(self):
        """Everything a list row shows, without N+1 queries."""
        return self.select_related("document", "document__province", "document__city").prefetch_related(
            "themes", "ip_types", "unit_links__unit"
        )


class TargetQuerySet(models.QuerySet):
    def for_board(self):
        return self.select_related("document", "document__city", "document__province", "measure")


class UnitQuerySet(models.QuerySet):
    def canonical(self):
        return self.filter(canonical__isnull=True)
