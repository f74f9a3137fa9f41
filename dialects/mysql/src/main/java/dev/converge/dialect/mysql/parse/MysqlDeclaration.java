package dev.converge.dialect.mysql.parse;

import dev.converge.dialect.mysql.MysqlSchema;
import dev.converge.dialect.mysql.sql.IndexNames;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.grammar.source.Annotation;
import dev.converge.grammar.source.Declaration;
import dev.converge.grammar.source.MysqlSourceParser;
import dev.converge.grammar.source.ParsedStatement;
import dev.converge.grammar.source.SyntaxProblem;
import java.util.List;

/**
 * MysqlDeclaration is what one statement declares, as the grammar's {@link MysqlSourceParser} read it,
 * under the refs plans use: the object (table, view, index, trigger, function, procedure or event)
 * and, for a table, its columns with the annotations written right before each. Statements that
 * declare nothing (ALTER, INSERT...) have no object; a statement the grammar cannot read has its
 * syntax problem instead.
 *
 * @param object  the declared object, or null
 * @param columns the columns of a CREATE TABLE, in order
 * @param problem the statement's syntax error, or null
 */
record MysqlDeclaration(ObjectRef object, List<ColumnDeclaration> columns, SyntaxProblem problem) {
    private static final MysqlSourceParser PARSER = new MysqlSourceParser();

    /** A column of a CREATE TABLE and the annotations before its definition (offsets in the statement). */
    record ColumnDeclaration(String name, List<Annotation> annotations) {
    }

    MysqlDeclaration {
        columns = List.copyOf(columns);
    }

    static MysqlDeclaration of(String sql) {
        ParsedStatement parsed = PARSER.parse(sql);
        if (!parsed.isValid()) {
            return new MysqlDeclaration(null, List.of(), parsed.problems().get(0));
        }
        if (parsed.declarations().isEmpty()) {
            return new MysqlDeclaration(null, List.of(), null);
        }
        Declaration first = parsed.declarations().get(0);
        List<ColumnDeclaration> columns = parsed.declarations().stream().filter(d -> d.kind().equals("column"))
                .map(d -> new ColumnDeclaration(d.name().last(), d.annotations())).toList();
        return new MysqlDeclaration(ref(first), columns, null);
    }

    /** The ref of a declared object; a trigger's and an index's name hold their table's first. */
    private static ObjectRef ref(Declaration d) {
        QualifiedName name = named(d.name().last());
        switch (d.kind()) {
            case "table":
                return ObjectRef.of(ObjectKind.TABLE, name);
            case "view":
                return ObjectRef.of(ObjectKind.VIEW, name);
            case "trigger":
                return ObjectRef.member(ObjectKind.TRIGGER, named(d.name().parts().get(0)), d.name().last());
            case "index":
                return ObjectRef.of(ObjectKind.INDEX, IndexNames.modelName(named(d.name().parts().get(0)),
                        d.name().last()));
            default: // function, procedure, event
                return Routine.refOf(name, "");
        }
    }

    private static QualifiedName named(String name) {
        return QualifiedName.of(MysqlSchema.LOGICAL, name);
    }
}
