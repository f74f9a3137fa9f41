package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.source.LineIndex;
import dev.converge.engine.source.SourceFile;
import dev.converge.grammar.source.Declaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DeclarationRefs maps what the grammar found declared to the {@link ObjectRef}s plans use, with
 * the place of each declaration: the first declaration of an object wins (a later ALTER only
 * changes it). Kinds the engine does not model yet are left out; kinds it gains later (functions,
 * triggers...) are picked up by name.
 */
final class DeclarationRefs {
    /** The engine's kinds by name, looked up once per declaration (every column of every table). */
    private static final Map<String, ObjectKind> KINDS = Arrays.stream(ObjectKind.values())
            .collect(Collectors.toUnmodifiableMap(ObjectKind::name, k -> k));

    private DeclarationRefs() {
    }

    static Map<ObjectRef, SourceSpan> of(List<ParsedSource> statements) {
        Map<ObjectRef, SourceSpan> spans = new HashMap<>();
        Map<SourceFile, LineIndex> lines = new IdentityHashMap<>();
        for (ParsedSource s : statements) {
            LineIndex index = lines.computeIfAbsent(s.statement().file(), LineIndex::new);
            for (Declaration d : s.parsed().declarations()) {
                SourceSpan span = index.spanAt(s.statement().startOffset() + Math.max(0, d.offset()));
                for (ObjectRef ref : refs(d, s.defaultSchema())) {
                    spans.putIfAbsent(ref, span);
                }
            }
        }
        return spans;
    }

    static List<ObjectRef> refs(Declaration d, String defaultSchema) {
        NameKey key = NameKey.of(d.space(), d.name(), defaultSchema);
        List<String> p = key.parts();
        List<ObjectRef> refs = new ArrayList<>();
        switch (d.kind()) {
            case "schema":
                refs.add(ObjectRef.schema(p.get(0)));
                break;
            case "column":
                kind("COLUMN").ifPresent(k -> refs.add(ObjectRef.member(k, QualifiedName.of(p.get(0), p.get(1)),
                        p.get(2))));
                break;
            case "constraint":
                for (String name : List.of("CONSTRAINT", "FOREIGN_KEY")) {
                    kind(name).ifPresent(k -> refs.add(ObjectRef.member(k, QualifiedName.of(p.get(0), p.get(1)),
                            p.get(2))));
                }
                break;
            case "trigger":
            case "policy":
                kind(d.kind().toUpperCase(java.util.Locale.ROOT)).ifPresent(k -> refs.add(
                        ObjectRef.member(k, QualifiedName.of(p.get(0), p.get(1)), p.get(2))));
                break;
            case "materialized view":
                kind("MATERIALIZED_VIEW", "VIEW").ifPresent(k -> refs.add(top(k, p)));
                break;
            case "type":
                kind("COMPOSITE_TYPE", "TYPE").ifPresent(k -> refs.add(top(k, p)));
                break;
            case "table":
            case "view":
            case "sequence":
            case "index":
            case "enum":
            case "domain":
                kind(d.kind().toUpperCase(java.util.Locale.ROOT)).ifPresent(k -> refs.add(top(k, p)));
                break;
            case "function":
            case "procedure":
                // By schema and name: the model's ref carries the server's signature, which the files
                // spell their own way (int vs integer); SourceModel.locate looks a routine up by its name.
                refs.add(top(ObjectKind.ROUTINE, p));
                break;
            case "enum label":
                // A label is named inside its type, as a column is inside its table (for renames).
                refs.add(ObjectRef.member(ObjectKind.ENUM, QualifiedName.of(p.get(0), p.get(1)), p.get(2)));
                break;
            default:
                break; // extensions have no step of their own
        }
        return refs;
    }

    private static ObjectRef top(ObjectKind kind, List<String> parts) {
        return ObjectRef.of(kind, QualifiedName.of(parts.get(0), parts.get(1)));
    }

    /** The first of the named kinds the engine knows. */
    private static Optional<ObjectKind> kind(String... names) {
        return Arrays.stream(names).map(KINDS::get).filter(Objects::nonNull).findFirst();
    }
}
