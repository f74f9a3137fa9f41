package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.source.Declaration;
import dev.converge.grammar.source.NameSpace;
import dev.converge.grammar.source.Reference;
import dev.converge.grammar.source.SqlName;
import dev.converge.grammar.source.StatementKind;
import dev.converge.grammar.support.LeadingWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * LoadOrder sorts the desired-state statements topologically over their references (a JGraphT graph,
 * its cycle detector and topological order), so that every
 * statement comes after the statements declaring what it uses (the loader runs them in file order
 * and retries what fails; this order finds, before any database, the cycles no order can load); among statements free to run, file
 * order decides. A reference cycle whose
 * every link is certain (foreign keys between tables, for one) is an error reported at each
 * statement of the cycle; a cycle through a name found in an expression (possibly a column or a
 * common table expression, not the relation it resembles) is broken at that link instead.
 *
 * <p>A name no statement declares is not an error here: it may be built in, or made by an
 * extension or by PostgreSQL itself (a serial's sequence, a primary key's index). The shadow
 * server decides, and its "does not exist" comes back at the reference's file:line:col, with the
 * other problems of the run.
 */
final class LoadOrder {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");
    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "ABORT", "SAVEPOINT", "RELEASE");

    private final List<ParsedSource> statements;
    private final Map<NameKey, List<ParsedSource>> declaredBy = new HashMap<>();
    private final Map<NameKey, List<ParsedSource>> extendedBy = new HashMap<>();
    private final List<ParsedSource> extensions = new ArrayList<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    /** Per statement index: the statements it waits for, and the link to each. */
    private final Map<Integer, Map<Integer, Link>> waitsFor = new HashMap<>();

    /** Why one statement waits for another: the reference, and whether it is certain. */
    private record Link(Reference reference, NameKey key, boolean required) {
    }

    LoadOrder(List<ParsedSource> statements) {
        this.statements = statements.stream().filter(s -> !isTransactionControl(s.statement())).toList();
        index();
        link();
    }

    List<Diagnostic> problems() {
        return problems;
    }

    /** The statements in file order, transaction control (meaningless in a desired state) left out. */
    List<SqlStatement> fileOrder() {
        return statements.stream().map(ParsedSource::statement).toList();
    }

    /** The same as {@link #fileOrder()}, found without parsing: what the loader may run while the parse checks. */
    static List<SqlStatement> fileOrderUnparsed(List<SqlStatement> statements) {
        return statements.stream().filter(s -> !isTransactionControl(s)).toList();
    }

    /**
     * The statements in dependency order (transaction control left out). Finding it finds the
     * reference cycles, reported by {@link #problems()}; the loader itself keeps file order.
     */
    List<SqlStatement> order() {
        Graph<Integer, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        Map<Integer, ParsedSource> byIndex = new HashMap<>();
        for (ParsedSource s : statements) {
            byIndex.put(s.index(), s);
            graph.addVertex(s.index());
        }
        // An edge runs from the statement waited for to the one that waits.
        waitsFor.forEach((waiting, links) -> links.keySet().forEach(waited -> graph.addEdge(waited, waiting)));
        for (List<Integer> cycle = findCycle(graph); !cycle.isEmpty(); cycle = findCycle(graph)) {
            int[] broken = breakCycle(cycle, byIndex);
            graph.removeEdge(broken[0], broken[1]);
        }
        List<SqlStatement> ordered = new ArrayList<>(statements.size());
        // Among statements free to run, the earlier in file order goes first.
        new TopologicalOrderIterator<>(graph, Comparator.<Integer>naturalOrder())
                .forEachRemaining(i -> ordered.add(byIndex.get(i).statement()));
        return ordered;
    }

    // ------------------------------------------------------------ building the graph

    private void index() {
        for (ParsedSource s : statements) {
            for (Declaration d : s.parsed().declarations()) {
                NameKey key = NameKey.of(d.space(), d.name(), s.defaultSchema());
                declaredBy.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
            if (s.parsed().extends_() != null) {
                NameKey key = NameKey.of(NameSpace.RELATION, s.parsed().extends_(), s.defaultSchema());
                extendedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
            if (s.parsed().kind() == StatementKind.CREATE_EXTENSION) {
                extensions.add(s);
            }
        }
    }

    private void link() {
        for (ParsedSource s : statements) {
            for (Reference r : referencesOf(s)) {
                NameKey key = NameKey.of(r.space(), r.name(), s.defaultSchema());
                List<ParsedSource> declarers = declarers(key);
                if (declarers.isEmpty()) {
                    unresolved(s, r, key);
                    continue;
                }
                declarers.forEach(d -> waitFor(s, d, r, key, r.required()));
                if (r.space() == NameSpace.RELATION || r.space() == NameSpace.TYPE) {
                    // A foreign key or view needs the table's columns and keys, some added by ALTER TABLE.
                    extendedBy.getOrDefault(key.in(NameSpace.RELATION), List.of())
                            .forEach(e -> waitFor(s, e, r, key, false));
                }
            }
        }
    }

    /** The statement's references, plus the schema of every qualified name it declares or uses. */
    private static List<Reference> referencesOf(ParsedSource s) {
        List<Reference> refs = new ArrayList<>(s.parsed().references());
        for (Declaration d : s.parsed().declarations()) {
            schemaOf(d.space(), d.name(), d.offset()).ifPresent(refs::add);
        }
        for (Reference r : s.parsed().references()) {
            schemaOf(r.space(), r.name(), r.offset()).ifPresent(refs::add);
        }
        return refs;
    }

    private static Optional<Reference> schemaOf(NameSpace space, SqlName name, int offset) {
        boolean topLevel = space == NameSpace.RELATION || space == NameSpace.TYPE || space == NameSpace.FUNCTION;
        if (!topLevel || name.parts().size() < 2) {
            return Optional.empty();
        }
        String schema = name.parts().get(name.parts().size() - 2);
        return Optional.of(new Reference(NameSpace.SCHEMA, SqlName.of(schema), offset, false));
    }

    private List<ParsedSource> declarers(NameKey key) {
        List<ParsedSource> found = declaredBy.getOrDefault(key, List.of());
        if (found.isEmpty() && key.space() == NameSpace.TYPE) {
            // Every table, view and sequence has a row type of its own name.
            return declaredBy.getOrDefault(key.in(NameSpace.RELATION), List.of());
        }
        return found;
    }

    private void waitFor(ParsedSource waiting, ParsedSource declarer, Reference r, NameKey key, boolean required) {
        if (waiting.index() == declarer.index()) {
            return;
        }
        waitsFor.computeIfAbsent(waiting.index(), k -> new LinkedHashMap<>())
                .merge(declarer.index(), new Link(r, key, required),
                        (a, b) -> a.required() ? a : b);
    }

    /* A type or function no statement declares may come from an extension: wait for them all. */
    private void unresolved(ParsedSource s, Reference r, NameKey key) {
        if (key.schema() != null && SYSTEM_SCHEMAS.contains(key.schema())) {
            return;
        }
        if (r.space() == NameSpace.TYPE || r.space() == NameSpace.FUNCTION || r.space() == NameSpace.RELATION) {
            extensions.forEach(e -> waitFor(s, e, r, key, false));
        }
    }

    // ------------------------------------------------------------ cycles

    /**
     * Returns the link that breaks a cycle, as {waited-for, waiting}: an uncertain link if the cycle
     * has one; otherwise the cycle is real, reported at each of its statements, and broken anyway so
     * that the order (and the report) can go on.
     */
    private int[] breakCycle(List<Integer> cycle, Map<Integer, ParsedSource> byIndex) {
        for (int i = 0; i < cycle.size(); i++) {
            int waiting = cycle.get(i);
            int waited = cycle.get((i + 1) % cycle.size());
            if (!waitsFor.get(waiting).get(waited).required()) {
                waitsFor.get(waiting).remove(waited);
                return new int[] {waited, waiting};
            }
        }
        report(cycle, byIndex);
        int waiting = cycle.get(0);
        int waited = cycle.get(1 % cycle.size());
        waitsFor.get(waiting).remove(waited);
        return new int[] {waited, waiting};
    }

    /**
     * A cycle of statements, each waiting for the next and the last for the first, or an empty list.
     * It starts at the earliest statement on any cycle and follows the earliest statement it waits for
     * that is on a cycle too, so that the same files always report the same cycle.
     */
    private static List<Integer> findCycle(Graph<Integer, DefaultEdge> graph) {
        Set<Integer> onCycles = new CycleDetector<>(graph).findCycles();
        if (onCycles.isEmpty()) {
            return List.of();
        }
        int current = onCycles.stream().mapToInt(Integer::intValue).min().orElseThrow();
        List<Integer> path = new ArrayList<>();
        while (!path.contains(current)) {
            path.add(current);
            current = Graphs.predecessorListOf(graph, current).stream().filter(onCycles::contains)
                    .mapToInt(Integer::intValue).min().orElseThrow();
        }
        return path.subList(path.indexOf(current), path.size());
    }

    private void report(List<Integer> cycle, Map<Integer, ParsedSource> byIndex) {
        for (int i = 0; i < cycle.size(); i++) {
            ParsedSource waiting = byIndex.get(cycle.get(i));
            StringBuilder chain = new StringBuilder();
            for (int j = 0; j < cycle.size(); j++) {
                int from = cycle.get((i + j) % cycle.size());
                int to = cycle.get((i + j + 1) % cycle.size());
                Link link = waitsFor.get(from).get(to);
                chain.append(j == 0 ? "" : ", which").append(" needs ").append(link.key().display())
                        .append(" (declared at ").append(byIndex.get(to).statement().span()).append(')');
            }
            Link first = waitsFor.get(cycle.get(i)).get(cycle.get((i + 1) % cycle.size()));
            problems.add(waiting.statement().diagnosticAt(first.reference().offset(),
                    "reference cycle: this statement" + chain, "no order can create these: move one of the"
                            + " references out, e.g. a foreign key into ALTER TABLE ... ADD CONSTRAINT after both tables"));
        }
    }

    private static boolean isTransactionControl(SqlStatement statement) {
        List<String> words = LeadingWords.of(statement.sql(), 1);
        return !words.isEmpty() && TRANSACTION_CONTROL.contains(words.get(0));
    }
}
