package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.source.RenameAnnotation;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SourceModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Annotations as the grammar reads them, without a database. */
class AnnotationParseTest {
    private SourceModel parse(String sql) {
        return new PostgresDesiredLoader().parse(new PostgresStatementSplitter().split(new SourceFile("a.sql", sql)));
    }

    private List<String> errors(String sql) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(sql));
        return e.diagnostics().stream().map(d -> d.span() + ": " + d.message() + " | " + d.hint()).toList();
    }

    @Test
    void renamesAttachToTheirTableColumnIndexAndConstraint() {
        SourceModel model = parse("""
                -- converge:renamed-from "Old Orders"
                create table sales.orders (
                  id int,
                  /* converge:renamed-from Amount */
                  total numeric,
                  -- converge:renamed-from positive
                  constraint total_positive check (total > 0)
                );
                -- converge:renamed-from sales.orders_old_idx
                create index orders_total on sales.orders (total);
                """);
        QualifiedName orders = QualifiedName.of("sales", "orders");
        assertEquals(List.of(
                new RenameAnnotation(ObjectRef.of(ObjectKind.TABLE, orders), "Old Orders", "a.sql:1"),
                new RenameAnnotation(ObjectRef.member(ObjectKind.COLUMN, orders, "total"), "amount", "a.sql:4"),
                new RenameAnnotation(ObjectRef.member(ObjectKind.CONSTRAINT, orders, "total_positive"), "positive",
                        "a.sql:6"),
                new RenameAnnotation(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("sales", "orders_total")),
                        "orders_old_idx", "a.sql:9")),
                model.renames());
    }

    @Test
    void ignoreMarksTheObject() {
        SourceModel model = parse("-- converge:ignore\ncreate view v as select 1 as x;\ncreate table t (a int);\n");
        assertEquals(Set.of(ObjectRef.of(ObjectKind.VIEW, QualifiedName.of("public", "v"))), model.ignored());
    }

    @Test
    void badAnnotationsAreErrorsWithTheirPlace() {
        assertEquals(List.of(
                "a.sql:1:1: unknown annotation converge:renamed | known annotations: converge:ignore,"
                        + " converge:renamed-from, converge:allow",
                "a.sql:3:1: converge:renamed-from needs the old name | write -- converge:renamed-from old_name",
                "a.sql:5:1: converge:ignore takes no argument | write -- converge:ignore alone on the line before the object",
                "a.sql:7:1: converge:ignore is not attached to an object | put it on the line right before the"
                        + " statement, column definition or enum label it is about",
                "a.sql:10:3: converge:renamed-from on a domain is not supported yet | rename it by hand"
                        + " (ALTER ... RENAME), then drop the annotation",
                "a.sql:12:1: converge:renamed-from takes one name, got 'child fk' | write the old name alone;"
                        + " quote a name with spaces: -- converge:renamed-from \"old name\""),
                errors("""
                        -- converge:renamed x
                        create table a (x int);
                        -- converge:renamed-from
                        create table b (x int);
                        -- converge:ignore please
                        create table c (x int);
                        -- converge:ignore
                        grant select on a to public;
                        create domain d as int;
                          -- converge:renamed-from old_d
                        create domain e as int;
                        -- converge:renamed-from child fk
                        create table f (x int);
                        -- converge:renamed-from public."child fk"
                        create table g (x int);
                        """));
    }
}
