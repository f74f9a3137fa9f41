package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.CompositeType;
import dev.converge.engine.model.CompositeType.Attribute;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.Extension;
import dev.converge.engine.model.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** DomainSql writes domains, composite types and extensions: the types a schema defines or installs. */
final class DomainSql {
    private DomainSql() {
    }

    static String createDomain(Domain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(quote(domain.name())).append(" AS ")
                .append(domain.baseType());
        if (domain.collation() != null) {
            sql.append(" COLLATE ").append(domain.collation());
        }
        if (domain.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(domain.defaultExpression());
        }
        if (domain.notNull()) {
            sql.append(" NOT NULL");
        }
        for (TableConstraint check : domain.constraints()) {
            sql.append(" CONSTRAINT ").append(quote(check.name())).append(' ').append(check.definition());
        }
        return sql.toString();
    }

    /** Default, NOT NULL, then the checks: those that go or change are dropped before the new ones are added. */
    static List<String> alterDomain(Domain from, Domain to) {
        String alter = "ALTER DOMAIN " + quote(to.name());
        List<String> sql = new ArrayList<>();
        if (!Objects.equals(from.defaultExpression(), to.defaultExpression())) {
            sql.add(alter + (to.defaultExpression() == null ? " DROP DEFAULT" : " SET DEFAULT " + to.defaultExpression()));
        }
        if (from.notNull() != to.notNull()) {
            sql.add(alter + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        for (TableConstraint check : from.constraints()) {
            if (!to.constraints().contains(check)) {
                sql.add(alter + " DROP CONSTRAINT " + quote(check.name()));
            }
        }
        for (TableConstraint check : to.constraints()) {
            if (!from.constraints().contains(check)) {
                sql.add(alter + " ADD CONSTRAINT " + quote(check.name()) + " " + check.definition());
            }
        }
        return sql;
    }

    static String dropDomain(Domain domain) {
        return "DROP DOMAIN " + quote(domain.name());
    }

    static String createCompositeType(CompositeType type) {
        return "CREATE TYPE " + quote(type.name()) + " AS ("
                + type.attributes().stream().map(DomainSql::attribute).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * One ALTER TYPE with the attribute actions: drops, type changes, then additions (which append, in
     * desired order). The differ only asks for this when that order gives the desired one.
     */
    static String alterCompositeType(CompositeType from, CompositeType to) {
        Map<String, Attribute> before = from.attributes().stream()
                .collect(Collectors.toMap(Attribute::name, Function.identity()));
        Map<String, Attribute> after = to.attributes().stream()
                .collect(Collectors.toMap(Attribute::name, Function.identity()));
        List<String> actions = new ArrayList<>();
        from.attributes().stream().filter(a -> !after.containsKey(a.name()))
                .forEach(a -> actions.add("DROP ATTRIBUTE " + quote(a.name())));
        for (Attribute a : to.attributes()) {
            Attribute old = before.get(a.name());
            if (old != null && !old.equals(a)) {
                actions.add("ALTER ATTRIBUTE " + quote(a.name()) + " TYPE " + a.type()
                        + (a.collation() == null ? "" : " COLLATE " + a.collation()));
            }
        }
        to.attributes().stream().filter(a -> !before.containsKey(a.name()))
                .forEach(a -> actions.add("ADD ATTRIBUTE " + attribute(a)));
        return "ALTER TYPE " + quote(to.name()) + " " + String.join(", ", actions);
    }

    private static String attribute(Attribute a) {
        return quote(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + a.collation());
    }

    static String dropCompositeType(CompositeType type) {
        return "DROP TYPE " + quote(type.name());
    }

    static String createExtension(Extension extension) {
        return "CREATE EXTENSION " + quote(extension.name()) + " WITH SCHEMA " + quote(extension.schema())
                + " VERSION " + literal(extension.version());
    }

    static List<String> alterExtension(Extension from, Extension to) {
        List<String> sql = new ArrayList<>();
        if (!from.version().equals(to.version())) {
            sql.add("ALTER EXTENSION " + quote(to.name()) + " UPDATE TO " + literal(to.version()));
        }
        if (!from.schema().equals(to.schema())) {
            sql.add("ALTER EXTENSION " + quote(to.name()) + " SET SCHEMA " + quote(to.schema()));
        }
        return sql;
    }

    static String dropExtension(Extension extension) {
        return "DROP EXTENSION " + quote(extension.name());
    }
}
