package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.source.RenameAnnotation;
import dev.converge.grammar.source.Annotation;
import dev.converge.grammar.source.Declaration;
import dev.converge.engine.safety.HazardCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AnnotatedObjects reads the annotations attached to declarations into what the planner acts on:
 * renames (old name as PostgreSQL stores it) and ignored objects. An annotation on an object the
 * planner cannot act on for it (a rename of an enum label, an ignored column) is an error, not
 * silently dropped.
 */
final class AnnotatedObjects {
    private static final Set<ObjectKind> RENAMEABLE = Set.of(ObjectKind.TABLE, ObjectKind.COLUMN, ObjectKind.VIEW,
            ObjectKind.SEQUENCE, ObjectKind.INDEX, ObjectKind.CONSTRAINT, ObjectKind.FOREIGN_KEY);
    private static final Set<ObjectKind> IGNORABLE = Set.of(ObjectKind.SCHEMA, ObjectKind.TABLE, ObjectKind.VIEW,
            ObjectKind.SEQUENCE, ObjectKind.ENUM, ObjectKind.INDEX);

    final List<RenameAnnotation> renames = new ArrayList<>();
    final Set<ObjectRef> ignored = new HashSet<>();
    /** Hazard codes allowed per object by {@code -- converge:allow CODE[,CODE]}. */
    final Map<ObjectRef, Set<HazardCode>> allowed = new HashMap<>();
    final List<Diagnostic> problems = new ArrayList<>();

    AnnotatedObjects(List<ParsedSource> statements) {
        for (ParsedSource s : statements) {
            for (Declaration d : s.parsed().declarations()) {
                for (Annotation a : d.annotations()) {
                    read(s, d, a);
                }
            }
        }
    }

    private void read(ParsedSource s, Declaration d, Annotation a) {
        List<ObjectRef> refs = DeclarationRefs.refs(d, s.defaultSchema());
        if (a.name().equals(Annotation.RENAMED_FROM) && !a.argument().isBlank()) {
            if (refs.isEmpty() || !RENAMEABLE.contains(refs.get(0).kind()) && !isEnumLabel(refs.get(0))) {
                problems.add(s.statement().diagnosticAt(a.offset(), "converge:renamed-from on " + article(d.kind())
                        + " is not supported yet", "rename it by hand (ALTER ... RENAME), then drop the annotation"));
                return;
            }
            SourceSpan at = s.statement().spanAt(a.offset());
            String oldName = a.oldName('"', name -> name.toLowerCase(Locale.ROOT));
            renames.add(new RenameAnnotation(refs.get(0), oldName, at.file() + ":" + at.line()));
        } else if (a.name().equals(Annotation.ALLOW)) {
            Set<HazardCode> codes = hazardCodes(a.argument());
            if (codes != null && !refs.isEmpty()) {
                allowed.computeIfAbsent(refs.get(0), r -> EnumSet.noneOf(HazardCode.class)).addAll(codes);
            }
        } else if (a.name().equals(Annotation.IGNORE)) {
            if (refs.isEmpty() || !IGNORABLE.contains(refs.get(0).kind()) || isEnumLabel(refs.get(0))) {
                problems.add(s.statement().diagnosticAt(a.offset(), "converge:ignore on " + article(d.kind())
                        + " is not supported", "ignore whole objects: schemas, tables, views, sequences, types,"
                        + " indexes"));
                return;
            }
            ignored.addAll(refs);
        }
    }

    private static boolean isEnumLabel(ObjectRef ref) {
        return ref.kind() == ObjectKind.ENUM && !ref.member().isEmpty();
    }

    /** {@code DATA_LOSS, TABLE_REWRITE} (commas or spaces, any case), or null when empty or not all codes. */
    static Set<HazardCode> hazardCodes(String argument) {
        return HazardCode.listed(argument);
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
