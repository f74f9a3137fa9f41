package dev.converge.dialect.postgres.parse;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.Trigger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FixedPointKinds settles, for {@link TargetFixedPoint}, the deparsed definitions that are not a table's
 * check, default, index, view or policy: generated column expressions, domain checks and defaults,
 * trigger conditions ({@code WHEN}) and materialized view bodies. Each pair whose text differs between
 * the target and the desired state is read once more by the target's server from the target's text, on
 * temporary objects (a column added to the table's temporary copy, a temporary domain, a trigger on the
 * copy, a temporary view with the materialized view's query: the two kinds share the server's deparser);
 * where that gives the desired text, the desired model takes the target's words.
 */
final class FixedPointKinds {
    private static final String TEMP_COLUMN = "converge_fixed_point_c";
    private static final String TEMP_DOMAIN = "converge_fixed_point_d";
    private static final String TEMP_TRIGGER = "converge_fixed_point_g";

    private final TargetFixedPoint reader;

    FixedPointKinds(TargetFixedPoint reader) {
        this.reader = reader;
    }

    /** True when the two models differ in none of these kinds' deparsed texts. */
    static boolean nothingToSettle(SchemaModel current, SchemaModel desired) {
        return generatedPairs(current, desired).isEmpty() && domainPairs(current, desired).isEmpty()
                && triggerPairs(current, desired).isEmpty() && materializedPairs(current, desired).isEmpty();
    }

    SchemaModel settle(SchemaModel current, SchemaModel desired) throws SQLException {
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        desired.tables().forEach(t -> tables.put(t.name(), t));
        for (ColumnPair pair : generatedPairs(current, desired)) {
            if (reader.sameDefinition(pair.desired().generatedExpression(), pair.current().generatedExpression(),
                    expression -> generated(pair, expression))) {
                Table t = tables.get(pair.table());
                tables.put(t.name(), t.withColumns(t.columns().stream().map(c -> c == pair.desired()
                        ? withGenerated(c, pair.current().generatedExpression()) : c).toList()));
            }
        }
        List<Domain> domains = new ArrayList<>(desired.domains());
        for (DomainPair pair : domainPairs(current, desired)) {
            Domain settled = settleDomain(pair);
            domains.set(domains.indexOf(pair.desired()), settled);
        }
        List<Trigger> triggers = new ArrayList<>(desired.triggers());
        for (TriggerPair pair : triggerPairs(current, desired)) {
            if (reader.sameDefinition(pair.desired().definition(), pair.current().definition(),
                    definition -> trigger(pair, definition))) {
                Trigger w = pair.desired();
                triggers.set(triggers.indexOf(w), new Trigger(w.table(), w.name(), pair.current().definition(),
                        w.enabled(), w.function(), w.comment(), w.dependsOn(), w.writtenAs()));
            }
        }
        List<MaterializedView> views = new ArrayList<>(desired.materializedViews());
        for (MaterializedPair pair : materializedPairs(current, desired)) {
            if (reader.sameDefinition(pair.desired().definition(), pair.current().definition(), reader::deparsedQuery)) {
                MaterializedView w = pair.desired();
                views.set(views.indexOf(w), new MaterializedView(w.name(), pair.current().definition(), w.options(),
                        w.dependsOn(), w.comment()));
            }
        }
        return new SchemaModel(desired.schemas(), desired.enums(), desired.sequences(), List.copyOf(tables.values()),
                desired.indexes(), desired.foreignKeys(), desired.views(), desired.routines(), triggers,
                desired.policies(), desired.rowSecurity(), domains, desired.compositeTypes(), desired.extensions(),
                views, desired.unmanaged(), desired.privileges(), desired.collations(), desired.catalogObjects());
    }

    /** A column added to the table's copy with {@code expression}, read back. */
    private String generated(ColumnPair pair, String expression) throws SQLException {
        String copy = reader.copyOf(pair.table());
        String column = reader.temporaryName(TEMP_COLUMN);
        reader.execute("ALTER TABLE " + copy + " ADD COLUMN " + column + " " + pair.current().type()
                + " GENERATED ALWAYS AS (" + expression + ") STORED");
        return reader.single("SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                + " WHERE d.adrelid = ?::pg_catalog.regclass AND a.attname = ?", copy, column);
    }

    /** Each check, then the default, read again on its own: one that does not settle keeps the desired text. */
    private Domain settleDomain(DomainPair pair) throws SQLException {
        Domain c = pair.current();
        Domain w = pair.desired();
        List<TableConstraint> checks = new ArrayList<>();
        for (TableConstraint check : w.constraints()) {
            TableConstraint have = c.constraints().stream().filter(h -> h.name().equals(check.name())
                    && h.kind() == ConstraintKind.CHECK && check.kind() == ConstraintKind.CHECK
                    && !h.definition().equals(check.definition())).findFirst().orElse(null);
            boolean settles = have != null && reader.sameDefinition(check.definition(), have.definition(),
                    text -> domainCheck(w, check.name(), text));
            checks.add(settles ? new TableConstraint(check.name(), check.kind(), have.definition(), check.columns(),
                    check.comment()) : check);
        }
        String defaultExpression = w.defaultExpression();
        if (differs(c.defaultExpression(), defaultExpression)
                && reader.sameDefinition(defaultExpression, c.defaultExpression(), text -> domainDefault(w, text))) {
            defaultExpression = c.defaultExpression();
        }
        return new Domain(w.name(), w.baseType(), w.collation(), w.notNull(), defaultExpression, checks, w.dependsOn(),
                w.comment());
    }

    private String domainCheck(Domain domain, String checkName, String definition) throws SQLException {
        String name = "pg_temp." + reader.temporaryName(TEMP_DOMAIN);
        reader.execute("CREATE DOMAIN " + name + " AS " + domain.baseType() + " CONSTRAINT " + quote(checkName)
                + " " + definition);
        return reader.single("SELECT pg_catalog.pg_get_constraintdef(o.oid) FROM pg_catalog.pg_constraint o"
                + " WHERE o.contypid = ?::pg_catalog.regtype AND o.conname = ?", name, checkName);
    }

    private String domainDefault(Domain domain, String expression) throws SQLException {
        String name = "pg_temp." + reader.temporaryName(TEMP_DOMAIN);
        reader.execute("CREATE DOMAIN " + name + " AS " + domain.baseType() + " DEFAULT " + expression);
        return reader.single("SELECT t.typdefault FROM pg_catalog.pg_type t WHERE t.oid = ?::pg_catalog.regtype", name);
    }

    /**
     * A trigger made on the table's copy from {@code definition} (the target's or the desired one) under a
     * name of its own, read back with the table's and the trigger's names put back: the server prints the
     * table as a regclass under the empty search path does, and the copy as it was named
     * ({@code pg_temp.<name>}).
     */
    private String trigger(TriggerPair pair, String definition) throws SQLException {
        // The table and the trigger as pg_get_triggerdef prints them, in one round trip.
        List<String> printed = reader.row("SELECT ?::pg_catalog.regclass::text, pg_catalog.quote_ident(?)",
                quote(pair.current().table()), pair.current().name());
        if (printed == null || printed.get(0) == null) {
            return null;
        }
        String on = " ON " + printed.get(0) + " ";
        String head = "CREATE TRIGGER " + printed.get(1) + " ";
        if (!definition.startsWith(head) || !definition.contains(on)) {
            return null;
        }
        String copy = reader.copyOf(pair.current().table());
        String name = reader.temporaryName(TEMP_TRIGGER);
        reader.execute("CREATE TRIGGER " + name + " " + definition.substring(head.length()).replaceFirst(
                java.util.regex.Pattern.quote(on), java.util.regex.Matcher.quoteReplacement(" ON " + copy + " ")));
        String settled = reader.single("SELECT pg_catalog.pg_get_triggerdef(t.oid, false) FROM pg_catalog.pg_trigger t"
                + " WHERE t.tgrelid = ?::pg_catalog.regclass AND t.tgname = ?", copy, name);
        String ownHead = "CREATE TRIGGER " + name + " ";
        return settled == null || !settled.startsWith(ownHead) ? null
                : head + settled.substring(ownHead.length()).replace(" ON " + copy + " ", on);
    }

    private static List<ColumnPair> generatedPairs(SchemaModel current, SchemaModel desired) {
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        current.tables().forEach(t -> tables.put(t.name(), t));
        List<ColumnPair> pairs = new ArrayList<>();
        for (Table want : desired.tables()) {
            Table have = tables.get(want.name());
            if (have == null) {
                continue;
            }
            for (Column c : want.columns()) {
                have.column(c.name()).filter(h -> h.type().equals(c.type()) && h.generatedExpression() != null
                                && c.generatedExpression() != null && differs(h.generatedExpression(), c.generatedExpression()))
                        .ifPresent(h -> pairs.add(new ColumnPair(want.name(), h, c)));
            }
        }
        return pairs;
    }

    private static List<DomainPair> domainPairs(SchemaModel current, SchemaModel desired) {
        List<DomainPair> pairs = new ArrayList<>();
        for (Domain want : desired.domains()) {
            current.domains().stream().filter(have -> have.name().equals(want.name())
                            && have.baseType().equals(want.baseType()) && (differsInChecks(have, want)
                            || have.defaultExpression() != null && differs(have.defaultExpression(), want.defaultExpression())))
                    .findFirst().ifPresent(have -> pairs.add(new DomainPair(have, want)));
        }
        return pairs;
    }

    private static boolean differsInChecks(Domain have, Domain want) {
        return want.constraints().stream().anyMatch(w -> have.constraints().stream()
                .anyMatch(h -> h.name().equals(w.name()) && !h.definition().equals(w.definition())));
    }

    private static List<TriggerPair> triggerPairs(SchemaModel current, SchemaModel desired) {
        List<TriggerPair> pairs = new ArrayList<>();
        for (Trigger want : desired.triggers()) {
            current.triggers().stream().filter(have -> have.ref().equals(want.ref()) && have.writtenAs() == null
                            && Objects.equals(have.function(), want.function()) && have.definition().contains(" WHEN (")
                            && differs(have.definition(), want.definition()))
                    .findFirst().ifPresent(have -> pairs.add(new TriggerPair(have, want)));
        }
        return pairs;
    }

    private static List<MaterializedPair> materializedPairs(SchemaModel current, SchemaModel desired) {
        List<MaterializedPair> pairs = new ArrayList<>();
        for (MaterializedView want : desired.materializedViews()) {
            current.materializedViews().stream().filter(have -> have.name().equals(want.name())
                            && have.options().equals(want.options()) && differs(have.definition(), want.definition()))
                    .findFirst().ifPresent(have -> pairs.add(new MaterializedPair(have, want)));
        }
        return pairs;
    }

    private static boolean differs(String have, String want) {
        return want != null && !want.equals(have);
    }

    private static Column withGenerated(Column c, String expression) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpression(), c.identity(), c.identityOptions(),
                expression, c.collation(), c.comment(), c.dependsOn(), c.settings());
    }

    private record ColumnPair(QualifiedName table, Column current, Column desired) {
    }

    private record DomainPair(Domain current, Domain desired) {
    }

    private record TriggerPair(Trigger current, Trigger desired) {
    }

    private record MaterializedPair(MaterializedView current, MaterializedView desired) {
    }
}
