package dev.converge.dialect.mysql.parse;

import dev.converge.dialect.mysql.parse.MysqlDeclaration.ColumnDeclaration;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.source.RenameAnnotation;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.source.Annotation;
import dev.converge.grammar.source.Annotations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * MysqlSourceReader reads what the MySQL desired files say beyond their SQL, without a database:
 * where each object is declared (so a plan step names its file and line), and the {@code converge:}
 * annotations, read with the grammar's annotation reader: {@code renamed-from} on a table, view or
 * column, {@code ignore} on a table, view, index, trigger or routine, {@code allow CODE[,CODE]} on any
 * declared object. An annotation Converge cannot act on is an error at its file:line:col, never
 * dropped silently, and so is a syntax error the grammar finds, before any database is touched.
 * Statements keep their file order (the loader retries what needs a later one).
 */
final class MysqlSourceReader {
    private static final Set<ObjectKind> RENAMEABLE = Set.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.COLUMN);
    private static final Set<ObjectKind> IGNORABLE = Set.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.INDEX,
            ObjectKind.TRIGGER, ObjectKind.ROUTINE);

    private final Map<ObjectRef, SourceSpan> declarations = new HashMap<>();
    private final List<RenameAnnotation> renames = new ArrayList<>();
    private final Set<ObjectRef> ignored = new HashSet<>();
    private final Map<ObjectRef, Set<HazardCode>> allowed = new HashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();

    SourceModel read(List<SqlStatement> statements) {
        for (SqlStatement statement : statements) {
            MysqlDeclaration declared = MysqlDeclaration.of(statement.sql());
            if (declared.problem() != null) {
                problems.add(statement.diagnosticAt(declared.problem().offset(), declared.problem().message(),
                        declared.problem().hint()));
            }
            if (declared.object() != null) {
                declarations.putIfAbsent(declared.object(), statement.span());
            }
            for (int[] offsetAndIndex : leadingOffsets(statement)) {
                String text = statement.leadingComments().get(offsetAndIndex[1]);
                annotation(text, offsetAndIndex[0]).ifPresent(a -> annotate(statement, declared.object(), a));
            }
            for (ColumnDeclaration column : declared.columns()) {
                ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, declared.object().name(), column.name());
                column.annotations().forEach(a -> annotate(statement, ref, a));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new SourceModel(statements, declarations, renames, ignored, List.of(), allowed);
    }

    private void annotate(SqlStatement statement, ObjectRef object, Annotation a) {
        String at = Annotations.PREFIX + a.name();
        if (!Annotations.KNOWN.contains(a.name())) {
            problem(statement, a, "unknown annotation " + at, "known annotations: " + String.join(", ",
                    Annotations.KNOWN.stream().map(n -> Annotations.PREFIX + n).toList()));
        } else if (object == null) {
            problem(statement, a, at + " is not attached to an object", "put it on the line right before the CREATE"
                    + " statement or column definition it is about");
        } else if (a.name().equals(Annotation.RENAMED_FROM)) {
            if (a.argument().isBlank()) {
                problem(statement, a, at + " needs the old name", "write -- " + at + " old_name");
            } else if (a.hasSeveralUnquotedWords()) {
                problem(statement, a, at + " takes one name, got '" + a.argument() + "'",
                        "write the old name alone; quote a name with spaces: -- " + at + " `old name`");
            } else if (!RENAMEABLE.contains(object.kind())) {
                problem(statement, a, at + " on a " + object.kind().word() + " is not supported",
                        "tables, views and columns can be renamed; rename it by hand, then drop the annotation");
            } else {
                SourceSpan span = statement.spanAt(a.offset());
                String oldName = a.oldName('`', UnaryOperator.identity());
                renames.add(new RenameAnnotation(object, oldName, span.file() + ":" + span.line()));
            }
        } else if (a.name().equals(Annotation.IGNORE)) {
            if (!a.argument().isBlank() || !IGNORABLE.contains(object.kind())) {
                problem(statement, a, at + (a.argument().isBlank() ? " on a " + object.kind().word()
                        + " is not supported" : " takes no argument"), "write -- " + at + " alone on the line"
                        + " before a table, view, index, trigger, function, procedure or event");
            } else {
                ignored.add(object);
            }
        } else {
            Set<HazardCode> codes = HazardCode.listed(a.argument());
            if (codes == null) {
                problem(statement, a, at + " needs hazard codes, got '" + a.argument() + "'", "write -- " + at
                        + " CODE[,CODE], codes: " + java.util.Arrays.toString(HazardCode.values()));
            } else {
                allowed.computeIfAbsent(object, r -> EnumSet.noneOf(HazardCode.class)).addAll(codes);
            }
        }
    }

    /** MySQL's {@code # converge:...} comments carry annotations too; the grammar reads {@code --} and block comments. */
    private static java.util.Optional<Annotation> annotation(String comment, int offset) {
        return Annotations.of(comment.startsWith("#") ? "--" + comment.substring(1) : comment, offset);
    }

    private void problem(SqlStatement statement, Annotation a, String message, String hint) {
        problems.add(statement.diagnosticAt(a.offset(), message, hint));
    }

    /**
     * Where each leading comment is, relative to the statement (negative: before it), found by searching
     * the file backwards from the statement, so that an annotation's error points at its line.
     */
    private static List<int[]> leadingOffsets(SqlStatement statement) {
        List<String> texts = statement.leadingComments();
        List<int[]> offsets = new ArrayList<>();
        String file = statement.file().text();
        int before = statement.startOffset();
        for (int i = texts.size() - 1; i >= 0; i--) {
            int at = file.lastIndexOf(texts.get(i), before);
            offsets.add(0, new int[] {at < 0 ? 0 : at - statement.startOffset(), i});
            if (at >= 0) {
                before = at;
            }
        }
        return offsets;
    }
}
