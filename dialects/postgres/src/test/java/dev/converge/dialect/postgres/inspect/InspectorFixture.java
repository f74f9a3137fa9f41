package dev.converge.dialect.postgres.inspect;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.SQLException;

/** InspectorFixture builds a fresh database from a script and inspects it. */
final class InspectorFixture {
    private InspectorFixture() {
    }

    static SchemaModel inspect(String ddl) {
        return inspect(ddl, InspectScope.ALL);
    }

    static SchemaModel inspect(String ddl, InspectScope scope) {
        try (LocalPostgres db = LocalPostgres.create("insp")) {
            db.execute(ddl);
            return inspect(db, scope);
        }
    }

    static SchemaModel inspect(LocalPostgres db, InspectScope scope) {
        try (Connection c = db.connect()) {
            return new PostgresInspector().inspect(c, scope);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
