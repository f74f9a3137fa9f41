package dev.converge.engine.plan;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.change.*;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ColumnSettings;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.IdentityOptions;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.TriggerState;
import java.util.ArrayList;
import java.util.List;

/**
 * ChangeDescriber writes the one-line description of a change that reviewers read next to its
 * symbol: {@code create table public.orders (5 columns)}, {@code alter column public.orders.total:
 * type numeric(10,2) -> numeric(12,2), set NOT NULL}.
 */
public final class ChangeDescriber implements ChangeVisitor<String> {
    public static String describe(Change change) {
        return change.accept(new ChangeDescriber());
    }

    @Override
    public String visitCreateSchema(CreateSchema c) {
        return "create schema " + c.schema().name();
    }

    @Override
    public String visitDropSchema(DropSchema c) {
        return "drop schema " + c.schema().name();
    }

    @Override
    public String visitCreateEnum(CreateEnum c) {
        return "create enum " + c.type().name() + " (" + String.join(", ", c.type().labels()) + ")";
    }

    @Override
    public String visitDropEnum(DropEnum c) {
        return "drop enum " + c.type().name();
    }

    @Override
    public String visitAddEnumValue(AddEnumValue c) {
        return "add value '" + c.value() + "' to enum " + c.type().name()
                + (c.before() == null ? "" : " before '" + c.before() + "'");
    }

    @Override
    public String visitCreateSequence(CreateSequence c) {
        return "create sequence " + c.sequence().name();
    }

    @Override
    public String visitAlterSequence(AlterSequence c) {
        return "alter sequence " + c.to().name() + ": " + String.join(", ", sequenceDifferences(c.from(), c.to()));
    }

    @Override
    public String visitDropSequence(DropSequence c) {
        return "drop sequence " + c.sequence().name();
    }

    @Override
    public String visitSetSequenceOwner(SetSequenceOwner c) {
        Sequence s = c.sequence();
        return "set owner of sequence " + s.name() + " to " + (s.ownedBy() == null ? "none" : s.ownedBy().display());
    }

    @Override
    public String visitCreateTable(CreateTable c) {
        int n = c.table().columns().size();
        if (c.table().isPartition() && n == 0) {
            // a partition's columns are its parent's: "0 columns" would be false
            return "create table " + c.table().name() + " (partition of " + c.table().partitionOf().parent() + ")";
        }
        return "create table " + c.table().name() + " (" + Plural.count(n, "column") + ")";
    }

    @Override
    public String visitDropTable(DropTable c) {
        return "drop table " + c.table().name();
    }

    @Override
    public String visitAddColumn(AddColumn c) {
        Column column = c.column();
        StringBuilder text = new StringBuilder("add column ").append(c.target().display()).append(' ').append(column.type());
        if (column.notNull()) {
            text.append(" NOT NULL");
        }
        if (column.defaultExpression() != null) {
            text.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.identity() != Identity.NONE) {
            text.append(" GENERATED ").append(column.identity().sql()).append(" AS IDENTITY");
        }
        if (column.generatedExpression() != null) {
            text.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(") STORED");
        }
        return text.toString();
    }

    @Override
    public String visitDropColumn(DropColumn c) {
        return "drop column " + c.target().display();
    }

    @Override
    public String visitAlterColumn(AlterColumn c) {
        Column from = c.from();
        Column to = c.to();
        List<String> parts = new ArrayList<>();
        if (c.kinds().contains(ColumnChangeKind.TYPE)) {
            parts.add("type " + from.type() + " -> " + to.type());
        }
        if (c.kinds().contains(ColumnChangeKind.COLLATION)) {
            parts.add("collation " + orDefault(from.collation()) + " -> " + orDefault(to.collation()));
        }
        if (c.kinds().contains(ColumnChangeKind.IDENTITY)) {
            parts.add(to.identity() == Identity.NONE ? "drop identity" : "identity " + to.identity().sql());
        }
        if (c.kinds().contains(ColumnChangeKind.IDENTITY_OPTIONS)) {
            parts.add("identity options " + identityOptionChanges(from.identityOptions(), to.identityOptions()));
        }
        if (c.kinds().contains(ColumnChangeKind.DEFAULT)) {
            parts.add(to.defaultExpression() == null ? "drop default" : "default " + to.defaultExpression());
        }
        if (c.kinds().contains(ColumnChangeKind.NOT_NULL)) {
            parts.add(to.notNull() ? "set NOT NULL" : "drop NOT NULL");
        }
        if (c.kinds().contains(ColumnChangeKind.POSITION)) {
            parts.add(c.after() == null || c.after().isEmpty() ? "move first" : "move after " + c.after());
        }
        if (c.kinds().contains(ColumnChangeKind.SETTINGS)) {
            parts.add("settings " + settings(from.settings()) + " -> " + settings(to.settings()));
        }
        return "alter column " + c.target().display() + ": " + String.join(", ", parts);
    }

    /** {@code storage PLAIN statistics 1000 compression lz4}, or {@code default}. */
    private static String settings(ColumnSettings settings) {
        List<String> parts = new ArrayList<>();
        if (settings != null && settings.storage() != null) {
            parts.add("storage " + settings.storage());
        }
        if (settings != null && settings.statistics() != null) {
            parts.add("statistics " + settings.statistics());
        }
        if (settings != null && settings.compression() != null) {
            parts.add("compression " + settings.compression());
        }
        return parts.isEmpty() ? "default" : String.join(" ", parts);
    }

    /** {@code release column public.t.c from domain public.d: type public.d -> text, drop default}. */
    @Override
    public String visitReleaseColumn(ReleaseColumn c) {
        String alter = visitAlterColumn(c.asAlterColumn());
        return "release column " + c.target().display() + " from " + c.released().kind().word() + " "
                + c.released().display() + alter.substring(alter.indexOf(':'));
    }

    /** {@code start 1 -> 7, increment 1 -> 2}: only the options that differ, in a fixed order. */
    private static String identityOptionChanges(IdentityOptions from, IdentityOptions to) {
        List<String> parts = new ArrayList<>();
        optionChange(parts, "start", from.start(), to.start());
        optionChange(parts, "increment", from.increment(), to.increment());
        optionChange(parts, "minvalue", from.minValue(), to.minValue());
        optionChange(parts, "maxvalue", from.maxValue(), to.maxValue());
        optionChange(parts, "cache", from.cache(), to.cache());
        if (from.cycle() != to.cycle()) {
            parts.add(to.cycle() ? "cycle" : "no cycle");
        }
        return String.join(", ", parts);
    }

    private static void optionChange(List<String> parts, String name, long from, long to) {
        if (from != to) {
            parts.add(name + " " + from + " -> " + to);
        }
    }

    @Override
    public String visitAddConstraint(AddConstraint c) {
        return "add constraint " + c.constraint().name() + " on " + c.table() + ": " + c.constraint().definition();
    }

    @Override
    public String visitDropConstraint(DropConstraint c) {
        return "drop constraint " + c.constraint().name() + " on " + c.table();
    }

    @Override
    public String visitAddForeignKey(AddForeignKey c) {
        return "add foreign key " + c.foreignKey().name() + " on " + c.foreignKey().table() + " -> "
                + c.foreignKey().referencedTable();
    }

    @Override
    public String visitDropForeignKey(DropForeignKey c) {
        return "drop foreign key " + c.foreignKey().name() + " on " + c.foreignKey().table();
    }

    @Override
    public String visitCreateIndex(CreateIndex c) {
        return "create " + (c.index().unique() ? "unique " : "") + "index " + c.index().name() + " on " + c.index().table();
    }

    @Override
    public String visitReplaceIndex(ReplaceIndex c) {
        return "replace " + (c.to().unique() ? "unique " : "") + "index " + c.to().name() + " on " + c.to().table()
                + " (new definition)";
    }

    /** {@code set statistics of index public.i: column 1 3000 (was default)}. */
    @Override
    public String visitAlterIndexStatistics(AlterIndexStatistics c) {
        java.util.Map<Integer, Integer> before = new java.util.HashMap<>();
        c.from().forEach(s -> before.put(s.column(), s.target()));
        java.util.SortedSet<Integer> columns = new java.util.TreeSet<>(before.keySet());
        c.to().forEach(s -> columns.add(s.column()));
        List<String> parts = new ArrayList<>();
        for (int column : columns) {
            Integer was = before.get(column);
            Integer now = c.to().stream().filter(s -> s.column() == column).map(s -> s.target()).findFirst().orElse(null);
            if (!java.util.Objects.equals(was, now)) {
                parts.add("column " + column + " " + (now == null ? "default" : now)
                        + " (was " + (was == null ? "default" : was) + ")");
            }
        }
        return "set statistics of index " + c.index().name() + ": " + String.join(", ", parts);
    }

    @Override
    public String visitDropIndex(DropIndex c) {
        return "drop index " + c.index().name();
    }

    @Override
    public String visitCreateView(CreateView c) {
        return "create view " + c.view().name();
    }

    @Override
    public String visitDropView(DropView c) {
        return "drop view " + c.view().name();
    }

    @Override
    public String visitAlterTableOptions(AlterTableOptions c) {
        List<String> added = c.to().stream().filter(o -> !c.from().contains(o)).toList();
        List<String> removed = c.from().stream().filter(o -> !c.to().contains(o)).toList();
        return "alter table " + c.table() + " options: " + (added.isEmpty() ? "server defaults" : String.join(" ", added))
                + (removed.isEmpty() ? "" : " (was " + String.join(" ", removed) + ")");
    }

    @Override
    public String visitRename(Rename c) {
        if (c.from().kind() == ObjectKind.ENUM && !c.from().member().isEmpty()) {
            return "rename value '" + c.from().member() + "' of enum " + c.from().name() + " to '" + c.to() + "'";
        }
        return "rename " + c.from().kind().word().replace('_', ' ') + " " + c.from().display() + " to " + c.to();
    }

    @Override
    public String visitSetComment(SetComment c) {
        String what = c.object().kind().word().replace('_', ' ') + " " + c.object().display();
        return c.comment() == null ? "remove comment on " + what : "set comment on " + what;
    }

    private static String orDefault(String collation) {
        return collation == null ? "default" : collation;
    }

    private static List<String> sequenceDifferences(Sequence a, Sequence b) {
        List<String> parts = new ArrayList<>();
        if (!a.dataType().equals(b.dataType())) {
            parts.add("type " + a.dataType() + " -> " + b.dataType());
        }
        if (a.increment() != b.increment()) {
            parts.add("increment " + a.increment() + " -> " + b.increment());
        }
        if (a.minValue() != b.minValue()) {
            parts.add("min " + a.minValue() + " -> " + b.minValue());
        }
        if (a.maxValue() != b.maxValue()) {
            parts.add("max " + a.maxValue() + " -> " + b.maxValue());
        }
        if (a.start() != b.start()) {
            parts.add("start " + a.start() + " -> " + b.start());
        }
        if (a.cache() != b.cache()) {
            parts.add("cache " + a.cache() + " -> " + b.cache());
        }
        if (a.cycle() != b.cycle()) {
            parts.add(b.cycle() ? "cycle" : "no cycle");
        }
        return parts;
    }

    @Override
    public String visitCreateRoutine(CreateRoutine c) {
        return "create " + routine(c.routine());
    }

    @Override
    public String visitReplaceRoutine(ReplaceRoutine c) {
        return "replace " + routine(c.to());
    }

    @Override
    public String visitDropRoutine(DropRoutine c) {
        return "drop " + routine(c.routine());
    }

    private static String routine(Routine r) {
        String kind = r.kind().keyword().toLowerCase(java.util.Locale.ROOT);
        return kind + " " + r.ref().display() + (r.result() == null ? "" : " returns " + r.result());
    }

    @Override
    public String visitCreateTrigger(CreateTrigger c) {
        return "create trigger " + c.trigger().name() + " on " + c.trigger().table()
                + (c.trigger().enabled() == TriggerState.ENABLED ? "" : " (" + c.trigger().enabled().words() + ")");
    }

    @Override
    public String visitDropTrigger(DropTrigger c) {
        return "drop trigger " + c.trigger().name() + " on " + c.trigger().table();
    }

    @Override
    public String visitSetTriggerState(SetTriggerState c) {
        return "trigger " + c.to().name() + " on " + c.to().table() + ": " + c.from().enabled().words()
                + " -> " + c.to().enabled().words();
    }


    @Override
    public String visitCreatePolicy(CreatePolicy c) {
        Policy p = c.policy();
        return "create policy " + p.name() + " on " + p.table() + " for " + p.command()
                + (p.permissive() ? "" : " (restrictive)") + " to " + String.join(", ", p.roles());
    }

    @Override
    public String visitDropPolicy(DropPolicy c) {
        return "drop policy " + c.policy().name() + " on " + c.policy().table();
    }

    @Override
    public String visitSetRowSecurity(SetRowSecurity c) {
        List<String> parts = new ArrayList<>();
        if (c.from().enabled() != c.to().enabled()) {
            parts.add(c.to().enabled() ? "enable row level security" : "disable row level security");
        }
        if (c.from().forced() != c.to().forced()) {
            parts.add(c.to().forced() ? "force it on the owner" : "no longer force it on the owner");
        }
        return "table " + c.to().table() + ": " + String.join(", ", parts);
    }

    @Override
    public String visitCreateDomain(CreateDomain c) {
        Domain d = c.domain();
        return "create domain " + d.name() + " as " + d.baseType() + (d.notNull() ? " not null" : "")
                + (d.constraints().isEmpty() ? "" : " (" + Plural.count(d.constraints().size(), "check") + ")");
    }

    @Override
    public String visitAlterDomain(AlterDomain c) {
        List<String> parts = new ArrayList<>();
        Domain from = c.from();
        Domain to = c.to();
        if (!java.util.Objects.equals(from.defaultExpression(), to.defaultExpression())) {
            parts.add(to.defaultExpression() == null ? "drop default" : "default " + to.defaultExpression());
        }
        if (from.notNull() != to.notNull()) {
            parts.add(to.notNull() ? "set NOT NULL" : "drop NOT NULL");
        }
        from.constraints().stream().filter(k -> !to.constraints().contains(k))
                .forEach(k -> parts.add("drop check " + k.name()));
        to.constraints().stream().filter(k -> !from.constraints().contains(k))
                .forEach(k -> parts.add("add check " + k.name()));
        return "alter domain " + to.name() + ": " + String.join(", ", parts);
    }

    @Override
    public String visitDropDomain(DropDomain c) {
        return "drop domain " + c.domain().name();
    }

    @Override
    public String visitCreateCompositeType(CreateCompositeType c) {
        int n = c.type().attributes().size();
        return "create composite type " + c.type().name() + " (" + Plural.count(n, "attribute") + ")";
    }

    @Override
    public String visitAlterCompositeType(AlterCompositeType c) {
        return "alter composite type " + c.to().name() + ": attributes "
                + c.from().attributes().stream().map(a -> a.name() + " " + a.type()).toList() + " -> "
                + c.to().attributes().stream().map(a -> a.name() + " " + a.type()).toList();
    }

    @Override
    public String visitDropCompositeType(DropCompositeType c) {
        return "drop composite type " + c.type().name();
    }

    @Override
    public String visitCreateExtension(CreateExtension c) {
        return "create extension " + c.extension().name() + " " + c.extension().version() + " in schema "
                + c.extension().schema();
    }

    @Override
    public String visitAlterExtension(AlterExtension c) {
        List<String> parts = new ArrayList<>();
        if (!c.from().version().equals(c.to().version())) {
            parts.add("version " + c.from().version() + " -> " + c.to().version());
        }
        if (!c.from().schema().equals(c.to().schema())) {
            parts.add("schema " + c.from().schema() + " -> " + c.to().schema());
        }
        return "alter extension " + c.to().name() + ": " + String.join(", ", parts);
    }

    @Override
    public String visitDropExtension(DropExtension c) {
        return "drop extension " + c.extension().name() + " and every object it installed";
    }

    @Override
    public String visitCreateMaterializedView(CreateMaterializedView c) {
        return "create materialized view " + c.view().name() + " (populated by running its query)";
    }

    @Override
    public String visitDropMaterializedView(DropMaterializedView c) {
        return "drop materialized view " + c.view().name();
    }

    @Override
    public String visitSetPartitionOf(SetPartitionOf c) {
        List<String> parts = new ArrayList<>();
        if (c.from() != null) {
            parts.add("detach from " + c.from().parent());
        }
        if (c.to() != null) {
            parts.add("attach to " + c.to().parent() + " " + c.to().bound());
        }
        return "partition " + c.table() + ": " + String.join(", then ", parts);
    }

    @Override
    public String visitGrantPrivileges(GrantPrivileges c) {
        return "grant " + String.join(", ", c.privileges()) + " on " + c.object().kind().word().replace('_', ' ')
                + " " + c.object().display() + " to " + c.grantee() + (c.withGrantOption() ? " with grant option" : "");
    }

    @Override
    public String visitRevokePrivileges(RevokePrivileges c) {
        return "revoke " + (c.grantOptionOnly() ? "grant option for " : "") + String.join(", ", c.privileges())
                + " on " + c.object().kind().word().replace('_', ' ') + " " + c.object().display() + " from "
                + c.grantee();
    }

    @Override
    public String visitRebuildTable(RebuildTable c) {
        return "rebuild table " + c.table() + " " + partitioning(c.to()) + " (was " + partitioning(c.from())
                + ") with " + Plural.count(c.creates().size() - 1, "partition") + ", copying its rows";
    }

    private static String partitioning(dev.converge.engine.model.Table table) {
        return table.partitionKey() == null ? "not partitioned" : "PARTITION BY " + table.partitionKey();
    }

    @Override
    public String visitRecreateEnum(RecreateEnum c) {
        String columns = c.columns().isEmpty() ? "no column uses it"
                : "converting " + c.columns().stream().map(u -> u.ref().display()).collect(
                        java.util.stream.Collectors.joining(", "));
        return "recreate enum " + c.to().name() + " with labels " + c.to().labels() + " (was " + c.from().labels()
                + "): " + columns;
    }

    @Override
    public String visitCreateCollation(CreateCollation c) {
        var k = c.collation();
        String locale = k.locale() != null ? k.locale() : k.lcCollate() + "/" + k.lcCtype();
        return "create collation " + k.name() + " (" + k.provider() + " " + locale
                + (k.deterministic() ? "" : ", nondeterministic") + ")";
    }

    @Override
    public String visitDropCollation(DropCollation c) {
        return "drop collation " + c.collation().name();
    }

    @Override
    public String visitCreateCatalogObject(CreateCatalogObject c) {
        return "create " + kindWords(c.object().kind()) + " " + c.object().ref().display();
    }

    @Override
    public String visitDropCatalogObject(DropCatalogObject c) {
        return "drop " + kindWords(c.object().kind()) + " " + c.object().ref().display();
    }

    /** {@code TEXT_SEARCH_CONFIGURATION} as "text search configuration". */
    private static String kindWords(dev.converge.engine.model.ObjectKind kind) {
        return kind.word().replace('_', ' ');
    }
}
