"""Migration operations for tables that are large in production.

Building an index on a table of millions of cases takes minutes; a plain CREATE INDEX blocks every
write to the table meanwhile (a city's windows would stop accepting). On PostgreSQL these build it
CONCURRENTLY (writes go on; the migration must be non-atomic); SQLite, the demo's, has no such thing
and needs none.
"""

from django.db.migrations.operations import AddIndex, RemoveIndex


class AddIndexOnline(AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(model, self.index, concurrently=True)
        else:
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(model, self.index, concurrently=True)
        else:
            schema_editor.remove_index(model, self.index)


__all__ = ["AddIndexOnline", "RemoveIndex"]
