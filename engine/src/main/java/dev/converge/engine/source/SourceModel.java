package dev.converge.engine.source;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.HazardCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SourceModel is what the desired-state files say beyond their SQL: the order in which their
 * statements load (dependencies first), and where each object is declared, so that a plan step
 * can name the file and line of its object.
 *
 * @param loadOrder      the statements in the order they are to be run in the shadow
 * @param declarations   the place each declared object is declared, by the ref plans use for it
 * @param renames        the {@code converge:renamed-from} annotations
 * @param ignored        objects annotated {@code converge:ignore}: neither created nor dropped
 * @param ignorePatterns project-level ignore patterns ({@code audit_*}, {@code sales.tmp_*}), matched
 *                       against an object's name and its schema-qualified name
 * @param allowances     hazard codes allowed per object by {@code converge:allow} (the safety policy
 *                       applies them to the object's steps and to steps on its members)
 * @param dataStatements the statements that write rows (INSERT, UPDATE...), each as its verb and place
 *                       ({@code INSERT at db/structure.sql:7158:1}): they run in the shadow only, and
 *                       the plan says so in a note
 * @param routineSettings the session settings the files changed where each routine is declared
 *                       (by schema and name, overloads alike: {@code search_path}, {@code
 *                       check_function_bodies}), under which the plan creates it
 */
public record SourceModel(List<SqlStatement> loadOrder, Map<ObjectRef, SourceSpan> declarations,
                          List<RenameAnnotation> renames, Set<ObjectRef> ignored, List<String> ignorePatterns,
                          Map<ObjectRef, Set<HazardCode>> allowances, List<String> dataStatements,
                          Map<QualifiedName, Map<String, String>> routineSettings) {
    public SourceModel {
        loadOrder = List.copyOf(loadOrder);
        declarations = Map.copyOf(requireNonNull(declarations, "declarations is null"));
        renames = List.copyOf(renames);
        ignored = Set.copyOf(ignored);
        ignorePatterns = List.copyOf(ignorePatterns);
        allowances = allowances == null ? Map.of() : Map.copyOf(allowances);
        dataStatements = dataStatements == null ? List.of() : List.copyOf(dataStatements);
        routineSettings = routineSettings == null ? Map.of() : Map.copyOf(routineSettings);
    }

    /** Without routine settings: the shape before they were read. */
    public SourceModel(List<SqlStatement> loadOrder, Map<ObjectRef, SourceSpan> declarations,
                       List<RenameAnnotation> renames, Set<ObjectRef> ignored, List<String> ignorePatterns,
                       Map<ObjectRef, Set<HazardCode>> allowances, List<String> dataStatements) {
        this(loadOrder, declarations, renames, ignored, ignorePatterns, allowances, dataStatements, Map.of());
    }

    /**
     * The session settings the files changed where the object is declared, when it is a routine
     * ({@code public.total(integer)} is looked up as {@code public.total}); else empty.
     */
    public Map<String, String> settingsOf(ObjectRef ref) {
        if (ref.kind() != dev.converge.engine.model.ObjectKind.ROUTINE || !ref.member().isEmpty()) {
            return Map.of();
        }
        String name = ref.name().name();
        int open = name.indexOf('(');
        QualifiedName routine = QualifiedName.of(ref.name().schema(), open < 0 ? name : name.substring(0, open));
        return routineSettings.getOrDefault(routine, Map.of());
    }

    /** Without data statements: the shape before they were noted. */
    public SourceModel(List<SqlStatement> loadOrder, Map<ObjectRef, SourceSpan> declarations,
                       List<RenameAnnotation> renames, Set<ObjectRef> ignored, List<String> ignorePatterns,
                       Map<ObjectRef, Set<HazardCode>> allowances) {
        this(loadOrder, declarations, renames, ignored, ignorePatterns, allowances, List.of(), Map.of());
    }

    /** Without allowances: the shape before converge:allow. */
    public SourceModel(List<SqlStatement> loadOrder, Map<ObjectRef, SourceSpan> declarations,
                       List<RenameAnnotation> renames, Set<ObjectRef> ignored, List<String> ignorePatterns) {
        this(loadOrder, declarations, renames, ignored, ignorePatterns, Map.of());
    }

    /** The allowances by object display name ({@code public.orders}), as the safety policy takes them. */
    public Map<String, Set<HazardCode>> allowancesByName() {
        Map<String, Set<HazardCode>> byName = new java.util.HashMap<>();
        allowances.forEach((ref, codes) -> byName.merge(ref.display(), codes, (a, b) -> {
            Set<HazardCode> all = java.util.EnumSet.copyOf(a);
            all.addAll(b);
            return all;
        }));
        return byName;
    }

    public SourceModel(List<SqlStatement> loadOrder, Map<ObjectRef, SourceSpan> declarations) {
        this(loadOrder, declarations, List.of(), Set.of(), List.of());
    }

    /** The same model with more project-level ignore patterns (from the command line or a file). */
    public SourceModel withIgnorePatterns(List<String> patterns) {
        List<String> all = new java.util.ArrayList<>(ignorePatterns);
        patterns.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new SourceModel(loadOrder, declarations, renames, ignored, all, allowances, dataStatements,
                routineSettings);
    }

    /** True when plans leave the object alone: annotated converge:ignore, or matching an ignore pattern. */
    public boolean isIgnored(ObjectRef ref) {
        if (ignored.contains(ref) || !ref.member().isEmpty() && ignored.contains(ref.owner())) {
            return true;
        }
        return IgnorePatterns.matches(ignorePatterns, ref);
    }

    /** The model of a dialect that does not parse: statements in file order, no locations. */
    public static SourceModel unparsed(List<SqlStatement> statements) {
        return new SourceModel(statements, Map.of());
    }

    /** True when the desired state came from files (a database as desired state has no source). */
    public boolean isFromFiles() {
        return !loadOrder.isEmpty();
    }

    /** Where an object is declared: itself, else the table (or type) it belongs to. */
    public Optional<SourceSpan> locate(ObjectRef ref) {
        SourceSpan span = declarations.get(ref);
        if (span == null && ref.kind() == dev.converge.engine.model.ObjectKind.ROUTINE && ref.member().isEmpty()) {
            // Files declare a routine by its name (overloads alike): public.total(integer) is found as public.total.
            String name = ref.name().name();
            int open = name.indexOf('(');
            if (open > 0) {
                span = declarations.get(ObjectRef.of(ref.kind(), QualifiedName.of(ref.name().schema(), name.substring(0, open))));
            }
        }
        if (span == null && !ref.member().isEmpty()) {
            span = declarations.get(ref.owner());
        }
        return Optional.ofNullable(span);
    }

    /** {@code schema/orders.sql:14}, the form a plan shows, or null. */
    public String describe(ObjectRef ref) {
        return locate(ref).map(span -> span.file() + ":" + span.line()).orElse(null);
    }
}
