package dev.converge.dialect.postgres.inspect;

import static dev.converge.dialect.postgres.inspect.InspectorFixture.inspect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import dev.converge.engine.spi.InspectScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which objects an inspection covers: the --schema filter, Converge's own schema, extensions. */
class PostgresInspectorScopeTest {
    private static final String TWO_SCHEMAS = """
            CREATE SCHEMA sales;
            CREATE SCHEMA hr;
            CREATE TYPE sales.state AS ENUM ('open');
            CREATE TYPE hr.level AS ENUM ('junior');
            CREATE TABLE sales.orders (id int PRIMARY KEY, note text);
            CREATE INDEX orders_note ON sales.orders (note);
            CREATE TABLE hr.people (id int PRIMARY KEY, order_id int REFERENCES sales.orders);
            CREATE INDEX people_order ON hr.people (order_id);
            CREATE SEQUENCE sales.numbers;
            CREATE SEQUENCE hr.badges;
            CREATE VIEW sales.open_orders AS SELECT id FROM sales.orders;
            CREATE VIEW hr.staff AS SELECT id FROM hr.people;
            """;

    @Test
    void schemaFilterKeepsOnlyTheListedSchemas() {
        SchemaModel model = inspect(TWO_SCHEMAS, new InspectScope(Set.of("sales")));
        assertEquals(List.of(new NamedSchema("sales", null)), model.schemas());
        assertEquals(List.of(QualifiedName.of("sales", "state")), model.enums().stream().map(EnumType::name).toList());
        assertEquals(List.of(QualifiedName.of("sales", "orders")), model.tables().stream().map(Table::name).toList());
        assertEquals(List.of(QualifiedName.of("sales", "orders_note")),
                model.indexes().stream().map(Index::name).toList());
        assertEquals(List.of(QualifiedName.of("sales", "numbers")),
                model.sequences().stream().map(Sequence::name).toList());
        assertEquals(List.of(QualifiedName.of("sales", "open_orders")),
                model.views().stream().map(View::name).toList());
        assertEquals(List.of(), model.foreignKeys(), "the key lives in hr, which is out of scope");
    }

    @Test
    void withoutFilterEverySchemaIsInspected() {
        SchemaModel model = inspect(TWO_SCHEMAS, InspectScope.ALL);
        assertEquals(List.of("hr", "public", "sales"), model.schemas().stream().map(NamedSchema::name).toList());
        assertEquals(List.of(QualifiedName.of("hr", "people"), QualifiedName.of("sales", "orders")),
                model.tables().stream().map(Table::name).toList());
        assertEquals(List.of("people_order_id_fkey"), model.foreignKeys().stream().map(ForeignKey::name).toList());
    }

    @Test
    void convergeSchemaIsNeverReturnedEvenWhenAskedFor() {
        SchemaModel model = inspect("""
                CREATE SCHEMA converge;
                CREATE TABLE converge.history (id int);
                CREATE SEQUENCE converge.ids;
                """, new InspectScope(Set.of("converge", "public")));
        assertEquals(List.of("public"), model.schemas().stream().map(NamedSchema::name).toList());
        assertEquals(List.of(), model.tables());
        assertEquals(List.of(), model.sequences());
    }

    @Test
    void extensionObjectsAreSkipped() {
        // citext is a contrib extension shipped with PostgreSQL; ALTER EXTENSION ... ADD turns our own
        // objects into extension members of every kind, including a whole schema.
        SchemaModel model = inspect("""
                CREATE EXTENSION citext;
                CREATE TABLE mine (email citext);
                CREATE TABLE ext_table (id int);
                CREATE SEQUENCE ext_seq;
                CREATE TYPE ext_enum AS ENUM ('x');
                CREATE VIEW ext_view AS SELECT 1 AS one;
                CREATE SCHEMA ext_schema;
                CREATE TABLE ext_schema.inside (id int);
                ALTER EXTENSION citext ADD TABLE ext_table;
                ALTER EXTENSION citext ADD SEQUENCE ext_seq;
                ALTER EXTENSION citext ADD TYPE ext_enum;
                ALTER EXTENSION citext ADD VIEW ext_view;
                ALTER EXTENSION citext ADD SCHEMA ext_schema;
                """);
        assertEquals(List.of("public"), model.schemas().stream().map(NamedSchema::name).toList());
        assertEquals(List.of(new Table(QualifiedName.of("public", "mine"),
                List.of(Column.of("email", "public.citext", false)), List.of(), null)), model.tables());
        assertEquals(List.of(), model.sequences());
        assertEquals(List.of(), model.enums());
        assertEquals(List.of(), model.views());
    }
}
