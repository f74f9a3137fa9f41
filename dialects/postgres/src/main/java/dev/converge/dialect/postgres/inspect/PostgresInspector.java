package dev.converge.dialect.postgres.inspect;

import dev.converge.dialect.postgres.inspect.CatalogRows.RoutineRow;
import dev.converge.dialect.postgres.inspect.CatalogRows.ViewRow;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.Inspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgresInspector reads the schemas, enums, sequences, tables, constraints, foreign keys, indexes,
 * views, materialized views, functions and procedures, triggers, row-level security and policies, domains, composite
 * types, extensions, the privileges of the managed roles, collations, and the kinds kept as catalog
 * objects (aggregates, text search objects, rules, casts, operators, statistics objects, event
 * triggers, publications: {@link CatalogObjects}) of a live PostgreSQL database into a
 * {@link SchemaModel}: thirty catalog queries per inspection whatever the number
 * of objects (view definitions a page of 500 views at a time, see view_definitions.sql), all in one read-only snapshot with an empty search_path so that every name the server
 * prints is schema-qualified. Objects that belong to an extension, the server's own schemas and
 * Converge's bookkeeping schema are never returned. Objects of kinds not managed yet (range
 * types, foreign tables...) are listed by unmanaged.sql, never silently skipped; and the census ({@link Census}) lists whatever
 * object of the schemas no query read, so that a kind or a place the inspector misses is never
 * dropped silently.
 */
public final class PostgresInspector implements Inspector {

    public PostgresInspector() {
        // stateless; the queries are loaded once per class loader by CatalogQueries
    }

    @Override
    public SchemaModel inspect(Connection connection, InspectScope scope) throws SQLException {
        return ReadOnlySnapshot.run(connection, c -> read(c, scope));
    }

    private static SchemaModel read(Connection connection, InspectScope scope) throws SQLException {
        List<NamedSchema> schemas = new CatalogSession(connection, List.of())
                .listUnscoped("schemas", CatalogRows::schema).stream()
                .filter(s -> scope.includes(s.name()))
                .toList();
        CatalogSession session = new CatalogSession(connection, schemas.stream().map(NamedSchema::name).toList());
        List<Table> tables = TableAssembler.assemble(session.list("columns", CatalogRows::column),
                session.list("column_dependencies", CatalogRows::columnDependency),
                session.list("constraints", CatalogRows::constraint));
        List<ViewRow> viewRows = withDefinitions(session, session.list("views", CatalogRows::viewRow));
        List<View> views = viewRows.stream().filter(r -> !r.materialized()).map(ViewRow::view).toList();
        List<MaterializedView> materializedViews = viewRows.stream().filter(ViewRow::materialized)
                .map(ViewRow::asMaterialized).toList();
        List<Sequence> sequences = session.list("sequences", CatalogRows::sequence);
        List<RoutineRow> routineRows = session.list("routines", CatalogRows::routine);
        RoutineBodies bodies = new RoutineBodies(tables, views, materializedViews, sequences, routineRows);
        SchemaModel model = new SchemaModel(
                schemas,
                session.list("enums", CatalogRows::enumType),
                sequences,
                tables,
                session.list("indexes", CatalogRows::index),
                session.list("foreign_keys", CatalogRows::foreignKey),
                views,
                routineRows.stream().map(bodies::withBodyReferences).toList(),
                session.list("triggers", CatalogRows::trigger),
                session.list("policies", CatalogRows::policy),
                session.list("row_security", CatalogRows::rowSecurity),
                session.list("domains", CatalogRows::domain),
                session.list("composite_types", CatalogRows::compositeType),
                session.list("extensions", CatalogRows::extension),
                materializedViews,
                session.list("unmanaged", CatalogRows::unmanaged),
                session.listForRoles("privileges", List.copyOf(new java.util.TreeSet<>(scope.managedRoles())),
                        CatalogRows::privilege),
                session.list("collations", CatalogRows::collation),
                CatalogObjects.read(session));
        return Census.complete(model, session);
    }

    /** A view's body as the model keeps it: pg_get_viewdef's text without its surrounding blanks and final semicolon. */
    public static String viewBody(String definition) {
        String body = definition.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        return body;
    }

    /**
     * Views per page of view_definitions.sql: each page holds a lock on every relation its views read
     * until its savepoint is rolled back, and the server's lock table is shared by every session
     * (6,400 locks with default settings); 500 views seldom read more than a few hundred relations.
     */
    static final int VIEW_DEFINITIONS_PAGE = 500;

    /** The rows of views.sql with their definitions, read a page at a time (see view_definitions.sql). */
    private static List<ViewRow> withDefinitions(CatalogSession session, List<ViewRow> rows) throws SQLException {
        Map<Long, String> definitions = new HashMap<>();
        session.listByOidsReleasingLocks("view_definitions", rows.stream().map(ViewRow::oid).toList(),
                VIEW_DEFINITIONS_PAGE, CatalogRows::viewDefinition).forEach(d -> definitions.put(d.oid(), d.definition()));
        List<ViewRow> out = new ArrayList<>(rows.size());
        for (ViewRow row : rows) {
            String definition = definitions.get(row.oid());
            if (definition == null) {
                throw new IllegalStateException("view " + row.view().name() + " has no definition in the snapshot"
                        + " that listed it; the catalog queries disagree");
            }
            out.add(row.withDefinition(definition));
        }
        return out;
    }
}
