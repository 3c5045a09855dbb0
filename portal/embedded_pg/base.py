"""Django database backend: the stock PostgreSQL backend plus an embedded server."""
from django.db.backends.postgresql import base

from . import connection_params


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        # Test databases are created by Django itself through the "postgres" database.
        dbname = params.get("dbname") or "postgres"
        target = dbname if not dbname.startswith("test_") else "postgres"
        params.update(connection_params(self.settings_dict["OPTIONS_EMBEDDED_DATADIR"], target))
        return params
