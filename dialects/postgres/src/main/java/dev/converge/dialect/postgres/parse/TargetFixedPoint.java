package dev.converge.dialect.postgres.parse;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.dialect.postgres.inspect.PostgresInspector;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * TargetFixedPoint is the other half of {@link SecondDeparse}. The shadow brings the desired state to
 * the server's second deparse; a target built from the same files by psql holds the first deparse, and
 * would be rewritten once ({@code ANY ((ARRAY['a'::varchar])::text[])} against
 * {@code ANY (ARRAY[('a'::varchar)::text])}). So, for each table check, column default, index, view
 * and policy (and, through {@link FixedPointKinds}, generated column, domain check and default, trigger
 * condition and materialized view) whose text differs between the target and the desired state (and
 * only those: usually none),
 * the target's text is read once more by the target's server, on temporary copies (a table made
 * {@code LIKE} the real one with the check, default, index or policy on it; a temporary view), in one transaction that is always rolled back. Where
 * that gives the desired text, the two are the same definition, and the desired model takes the
 * target's words: no step. Where it does not, or the server refuses (a standby, a role without TEMP,
 * a lock not granted within a second), the pair stays as it was, and the plan changes the object.
 *
 * <p>Nothing of the target changes: temporary objects only, rolled back; the locks are ACCESS SHARE on
 * the tables copied, for the few milliseconds this takes.
 */
public final class TargetFixedPoint {
    private static final String TEMP_TABLE = "converge_fixed_point_t";
    private static final String TEMP_INDEX = "converge_fixed_point_i";
    private static final String TEMP_VIEW = "converge_fixed_point_v";
    private static final String TEMP_CHECK = "converge_fixed_point_k";
    private static final String TEMP_POLICY = "converge_fixed_point_p";

    private final Connection target;
    private final Map<QualifiedName, String> copies = new HashMap<>();
    private int objects;

    private TargetFixedPoint(Connection target) {
        this.target = target;
    }

    /** The desired model with the target's words wherever the target's server reads them as the desired text. */
    public static SchemaModel apply(Connection target, SchemaModel current, SchemaModel desired) {
        Differences differences = Differences.of(current, desired);
        if (differences.isEmpty() && FixedPointKinds.nothingToSettle(current, desired)) {
            return desired;
        }
        try {
            if (!target.getAutoCommit()) {
                // inside the caller's transaction: a rollback here would undo the caller's work
                return desired;
            }
            target.setAutoCommit(false);
            try (Statement st = target.createStatement()) {
                st.execute("SET LOCAL search_path = ''");
                st.execute("SET LOCAL lock_timeout = '1s'");
                st.execute("SET LOCAL statement_timeout = '10s'");
                return new TargetFixedPoint(target).settle(differences, current, desired);
            } finally {
                target.rollback();
                target.setAutoCommit(true);
            }
        } catch (SQLException refused) {
            // a read-only transaction, a standby: the plan rewrites the pairs, as without this pass
            return desired;
        }
    }

    private SchemaModel settle(Differences d, SchemaModel current, SchemaModel desired) throws SQLException {
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        desired.tables().forEach(t -> tables.put(t.name(), t));
        for (CheckPair pair : d.checks()) {
            if (sameDefinition(pair.desired().definition(), pair.current().definition(), text -> check(pair, text))) {
                Table t = tables.get(pair.table());
                tables.put(t.name(), t.withConstraints(t.constraints().stream().map(c -> c == pair.desired()
                        ? new TableConstraint(c.name(), c.kind(), pair.current().definition(), c.columns(), c.comment())
                        : c).toList()));
            }
        }
        for (DefaultPair pair : d.defaults()) {
            if (sameDefinition(pair.desired().defaultExpression(), pair.current().defaultExpression(),
                    text -> defaultOf(pair, text))) {
                Table t = tables.get(pair.table());
                tables.put(t.name(), t.withColumns(t.columns().stream().map(c -> c == pair.desired()
                        ? withDefault(c, pair.current().defaultExpression()) : c).toList()));
            }
        }
        Map<QualifiedName, Index> indexes = new LinkedHashMap<>();
        desired.indexes().forEach(i -> indexes.put(i.name(), i));
        for (IndexPair pair : d.indexes()) {
            String currentUsing = fromUsing(pair.current().definition());
            String desiredUsing = fromUsing(pair.desired().definition());
            if (currentUsing != null && desiredUsing != null
                    && beforeUsing(pair.current().definition()).equals(beforeUsing(pair.desired().definition()))
                    && sameDefinition(desiredUsing, currentUsing, using -> index(pair, using))) {
                Index c = pair.current();
                Index w = pair.desired();
                indexes.put(w.name(), new Index(w.name(), w.table(), w.unique(), w.method(), c.keys(), c.include(),
                        c.predicate(), c.definition(), w.comment(), w.parentIndex(), w.statistics()));
            }
        }
        Map<QualifiedName, View> views = new LinkedHashMap<>();
        desired.views().forEach(v -> views.put(v.name(), v));
        for (ViewPair pair : d.views()) {
            if (sameDefinition(pair.desired().definition(), pair.current().definition(), this::deparsedQuery)) {
                View w = pair.desired();
                views.put(w.name(), new View(w.name(), pair.current().definition(), w.options(), w.dependsOn(),
                        w.comment(), w.columnComments()));
            }
        }
        List<Policy> policies = new ArrayList<>(desired.policies());
        for (PolicyPair pair : d.policies()) {
            Policy w = pair.desired();
            Policy c = pair.current();
            // Both ways, as sameDefinition reads one text: the target's expressions, else the desired ones.
            List<String> targets = readAgain(() -> policy(pair, c));
            boolean same = targets != null && Objects.equals(w.using(), targets.get(0))
                    && Objects.equals(w.withCheck(), targets.get(1));
            if (!same) {
                List<String> desireds = readAgain(() -> policy(pair, w));
                same = desireds != null && Objects.equals(c.using(), desireds.get(0))
                        && Objects.equals(c.withCheck(), desireds.get(1));
            }
            if (same) {
                policies.set(policies.indexOf(w), new Policy(w.table(), w.name(), w.permissive(), w.command(), w.roles(),
                        c.using(), c.withCheck(), w.dependsOn(), w.comment()));
            }
        }
        SchemaModel settled = desired.withCore(desired.schemas(), desired.enums(), desired.sequences(),
                List.copyOf(tables.values()), List.copyOf(indexes.values()), desired.foreignKeys(),
                List.copyOf(views.values())).withPolicies(List.copyOf(policies));
        return new FixedPointKinds(this).settle(current, settled);
    }

    /**
     * A policy made on the table's copy with the expressions of {@code c} (the target's or the desired
     * one), under a name of its own; roles do not change how they read.
     */
    private List<String> policy(PolicyPair pair, Policy c) throws SQLException {
        String copy = copyOf(pair.desired().table());
        String name = temporaryName(TEMP_POLICY);
        execute("CREATE POLICY " + quote(name) + " ON " + copy + " AS "
                + (c.permissive() ? "PERMISSIVE" : "RESTRICTIVE") + " FOR " + c.command()
                + (c.using() == null ? "" : " USING (" + c.using() + ")")
                + (c.withCheck() == null ? "" : " WITH CHECK (" + c.withCheck() + ")"));
        return row("SELECT pg_catalog.pg_get_expr(p.polqual, p.polrelid),"
                + " pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) FROM pg_catalog.pg_policy p"
                + " WHERE p.polrelid = ?::pg_catalog.regclass AND p.polname = ?", copy, name);
    }

    interface Reading<T> {
        T read() throws SQLException;
    }

    /** One reading under a savepoint: a text the server refuses gives null and leaves the transaction usable. */
    <T> T readAgain(Reading<T> reading) throws SQLException {
        try (Statement st = target.createStatement()) {
            st.execute("SAVEPOINT converge_fixed_point");
            try {
                T text = reading.read();
                st.execute("RELEASE SAVEPOINT converge_fixed_point");
                return text;
            } catch (SQLException refused) {
                st.execute("ROLLBACK TO SAVEPOINT converge_fixed_point");
                copies.clear(); // the copies made under the savepoint are gone with it
                return null;
            }
        }
    }

    /** One text of a definition, as the target's server reads and prints it. */
    interface TextReading {
        String read(String text) throws SQLException;
    }

    /**
     * Whether the target's server reads the two texts as one definition: the target's text read again
     * gives the desired one (the shadow's second deparse of what psql loaded), or the desired text read
     * there gives the target's (a shadow of another minor release, which prints some expressions in
     * other words: 15.20 parenthesizes {@code AT TIME ZONE} where 15.19 does not).
     */
    boolean sameDefinition(String desired, String current, TextReading reading) throws SQLException {
        return desired.equals(readAgain(() -> reading.read(current)))
                || current.equals(readAgain(() -> reading.read(desired)));
    }

    private String check(CheckPair pair, String definition) throws SQLException {
        String copy = copyOf(pair.table());
        // A name of its own: both texts of a pair may be read on the same copy.
        String name = temporaryName(TEMP_CHECK);
        execute("ALTER TABLE " + copy + " ADD CONSTRAINT " + quote(name) + " " + definition);
        return single("SELECT pg_catalog.pg_get_constraintdef(o.oid) FROM pg_catalog.pg_constraint o"
                + " WHERE o.conrelid = ?::pg_catalog.regclass AND o.conname = ?", copy, name);
    }

    private String defaultOf(DefaultPair pair, String expression) throws SQLException {
        String copy = copyOf(pair.table());
        execute("ALTER TABLE " + copy + " ALTER COLUMN " + quote(pair.desired().name()) + " SET DEFAULT " + expression);
        return single("SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                + " WHERE d.adrelid = ?::pg_catalog.regclass AND a.attname = ?", copy, pair.desired().name());
    }

    /**
     * The index built on the table's copy from a definition's {@code USING} on, read back from its
     * {@code USING} on (what comes before names the index and its table, the same on both sides).
     */
    private String index(IndexPair pair, String using) throws SQLException {
        String copy = copyOf(pair.desired().table());
        String name = TEMP_INDEX + (++objects);
        execute("CREATE " + (pair.current().unique() ? "UNIQUE " : "") + "INDEX " + name + " ON " + copy + using);
        return fromUsing(single("SELECT pg_catalog.pg_get_indexdef(?::pg_catalog.regclass)", "pg_temp." + name));
    }

    /** An index definition from its {@code USING} on: the method, keys, options and predicate. */
    private static String fromUsing(String definition) {
        int using = definition == null ? -1 : definition.indexOf(" USING ");
        return using < 0 ? null : definition.substring(using);
    }

    /** What names the index and its table. */
    private static String beforeUsing(String definition) {
        return definition.substring(0, definition.indexOf(" USING "));
    }

    /** A query's text as the server prints a view of it (a materialized view's the same way). */
    String deparsedQuery(String query) throws SQLException {
        String name = "pg_temp." + TEMP_VIEW + (++objects);
        execute("CREATE VIEW " + name + " AS " + query);
        String text = single("SELECT pg_catalog.pg_get_viewdef(?::pg_catalog.regclass, false)", name);
        return text == null ? null : PostgresInspector.viewBody(text);
    }

    /** A temporary table made LIKE the target's table (columns, types, collations; nothing else), once per table. */
    String copyOf(QualifiedName table) throws SQLException {
        String copy = copies.get(table);
        if (copy == null) {
            copy = "pg_temp." + TEMP_TABLE + (++objects);
            execute("CREATE TEMPORARY TABLE " + copy + " (LIKE " + quote(table) + ")");
            copies.put(table, copy);
        }
        return copy;
    }

    /** A name for one more temporary object: {@code prefix} and a number. */
    String temporaryName(String prefix) {
        return prefix + (++objects);
    }

    void execute(String sql) throws SQLException {
        try (Statement st = target.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(sql);
        }
    }

    String single(String sql, String... parameters) throws SQLException {
        List<String> row = row(sql, parameters);
        return row == null ? null : row.get(0);
    }

    /** The first row's columns as text (a list that may hold nulls); null when there is no row. */
    List<String> row(String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getString(i));
                }
                return columns;
            }
        }
    }

    private static Column withDefault(Column c, String defaultExpression) {
        return new Column(c.name(), c.type(), c.notNull(), defaultExpression, c.identity(), c.identityOptions(),
                c.generatedExpression(), c.collation(), c.comment(), c.dependsOn(), c.settings());
    }

    private record CheckPair(QualifiedName table, TableConstraint current, TableConstraint desired) {
    }

    private record DefaultPair(QualifiedName table, Column current, Column desired) {
    }

    private record IndexPair(Index current, Index desired) {
    }

    private record ViewPair(View current, View desired) {
    }

    private record PolicyPair(Policy current, Policy desired) {
    }

    /** The pairs whose deparsed text differs while the rest of the object is the same. */
    private record Differences(List<CheckPair> checks, List<DefaultPair> defaults, List<IndexPair> indexes,
                               List<ViewPair> views, List<PolicyPair> policies) {
        static Differences of(SchemaModel current, SchemaModel desired) {
            Map<QualifiedName, Table> tables = byName(current.tables(), Table::name);
            List<CheckPair> checks = new ArrayList<>();
            List<DefaultPair> defaults = new ArrayList<>();
            for (Table want : desired.tables()) {
                Table have = tables.get(want.name());
                if (have == null) {
                    continue;
                }
                Map<String, TableConstraint> constraints = byName(have.constraints(), TableConstraint::name);
                for (TableConstraint c : want.constraints()) {
                    TableConstraint h = constraints.get(c.name());
                    if (c.kind() == ConstraintKind.CHECK && h != null && h.kind() == ConstraintKind.CHECK
                            && !h.definition().equals(c.definition())) {
                        checks.add(new CheckPair(want.name(), h, c));
                    }
                }
                Map<String, Column> columns = byName(have.columns(), Column::name);
                for (Column c : want.columns()) {
                    Column h = columns.get(c.name());
                    if (h != null && h.type().equals(c.type()) && c.defaultExpression() != null
                            && h.defaultExpression() != null && !h.defaultExpression().equals(c.defaultExpression())) {
                        defaults.add(new DefaultPair(want.name(), h, c));
                    }
                }
            }
            Map<QualifiedName, Index> indexes = byName(current.indexes(), Index::name);
            List<IndexPair> indexPairs = desired.indexes().stream()
                    .filter(i -> !i.isCopy() && indexes.containsKey(i.name()))
                    .filter(i -> indexes.get(i.name()).table().equals(i.table())
                            && indexes.get(i.name()).unique() == i.unique()
                            && !indexes.get(i.name()).definition().equals(i.definition()))
                    .map(i -> new IndexPair(indexes.get(i.name()), i)).toList();
            Map<QualifiedName, View> views = byName(current.views(), View::name);
            List<ViewPair> viewPairs = desired.views().stream()
                    .filter(v -> views.containsKey(v.name()) && !views.get(v.name()).definition().equals(v.definition())
                            && Objects.equals(views.get(v.name()).options(), v.options()))
                    .map(v -> new ViewPair(views.get(v.name()), v)).toList();
            List<PolicyPair> policyPairs = new ArrayList<>();
            for (Policy want : desired.policies()) {
                current.policies().stream()
                        .filter(have -> have.table().equals(want.table()) && have.name().equals(want.name())
                                && have.permissive() == want.permissive() && have.command().equals(want.command())
                                && (!Objects.equals(have.using(), want.using())
                                    || !Objects.equals(have.withCheck(), want.withCheck())))
                        .findFirst().ifPresent(have -> policyPairs.add(new PolicyPair(have, want)));
            }
            return new Differences(checks, defaults, indexPairs, viewPairs, policyPairs);
        }

        boolean isEmpty() {
            return checks.isEmpty() && defaults.isEmpty() && indexes.isEmpty() && views.isEmpty() && policies.isEmpty();
        }

        private static <K, T> Map<K, T> byName(List<T> items, Function<T, K> key) {
            return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
        }
    }
}
