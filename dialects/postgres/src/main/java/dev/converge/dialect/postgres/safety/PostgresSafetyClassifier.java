package dev.converge.dialect.postgres.safety;

import static dev.converge.dialect.postgres.safety.LockHazards.accessExclusiveWhile;
import static dev.converge.dialect.postgres.safety.LockHazards.briefAccessExclusive;
import static dev.converge.dialect.postgres.safety.LockHazards.dataDependent;
import static dev.converge.dialect.postgres.safety.LockHazards.dataLoss;
import static dev.converge.dialect.postgres.safety.LockHazards.fullScan;
import static dev.converge.dialect.postgres.safety.LockHazards.incompatible;
import static dev.converge.dialect.postgres.safety.LockHazards.indexBuild;
import static dev.converge.dialect.postgres.safety.LockHazards.rewrite;
import static dev.converge.dialect.postgres.safety.LockHazards.untracked;

import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.change.GrantPrivileges;
import dev.converge.engine.change.CreateCatalogObject;
import dev.converge.engine.change.DropCatalogObject;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.change.CreateCollation;
import dev.converge.engine.change.DropCollation;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.change.RevokePrivileges;
import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.change.RebuildTable;
import dev.converge.engine.change.CreateMaterializedView;
import dev.converge.engine.change.DropMaterializedView;
import dev.converge.engine.change.AlterCompositeType;
import dev.converge.engine.change.AlterDomain;
import dev.converge.engine.change.AlterExtension;
import dev.converge.engine.change.CreateCompositeType;
import dev.converge.engine.change.CreateDomain;
import dev.converge.engine.change.CreateExtension;
import dev.converge.engine.change.DropCompositeType;
import dev.converge.engine.change.DropDomain;
import dev.converge.engine.change.DropExtension;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ReleaseColumn;
import dev.converge.engine.change.AlterSequence;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ChangeVisitor;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateEnum;
import dev.converge.engine.change.CreatePolicy;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.CreateTrigger;
import dev.converge.engine.change.DropPolicy;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.change.SetRowSecurity;
import dev.converge.engine.change.SetTriggerState;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateSchema;
import dev.converge.engine.change.CreateSequence;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.CreateView;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropEnum;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.DropSchema;
import dev.converge.engine.change.DropSequence;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.DropView;
import dev.converge.engine.change.Rename;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.change.SetSequenceOwner;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.dialect.postgres.sql.ConcurrentDetach;
import dev.converge.dialect.postgres.sql.PartitionedIndexSql;
import dev.converge.engine.safety.TableLock;
import dev.converge.dialect.postgres.sql.PostgresType;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.spi.SafetyClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgresSafetyClassifier classifies each change on PostgreSQL: what data it can lose, what it can
 * break, which table locks it takes (the strongest per table, as pg_locks shows them while the
 * statement runs, verified by LockLevelsOnServerTest) and for how long. A change on a table that is
 * not in the current schema (created earlier in the same plan, so empty and unused) carries no lock
 * hazards; data-loss hazards are kept regardless.
 *
 * <p>Lock levels follow https://www.postgresql.org/docs/current/sql-altertable.html and
 * https://www.postgresql.org/docs/current/explicit-locking.html. Where they differ by major version
 * the rule says so: before PostgreSQL 11, ADD COLUMN with any default rewrites the table; before 12,
 * SET NOT NULL always scans (a validated CHECK does not spare the scan).
 */
public final class PostgresSafetyClassifier implements SafetyClassifier {
    /** Functions whose value differs per row, so ADD COLUMN ... DEFAULT f() must rewrite the table. */
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "\\b(nextval|random|gen_random_uuid|clock_timestamp|uuid_generate_\\w*|timeofday|statement_timestamp"
                    + "|txid_current|setval)\\s*\\(");

    private final int major;
    private final OnlineStrategies strategies;
    private final CurrentRelations relations = new CurrentRelations();

    /** The plain classifier: PostgreSQL 15, no online strategies. */
    public PostgresSafetyClassifier() {
        this(15, OnlineStrategies.NONE);
    }

    /** A classifier for a server major version whose claims match the generator with the same strategies. */
    public PostgresSafetyClassifier(int major, OnlineStrategies strategies) {
        this.major = major;
        this.strategies = strategies;
    }

    @Override
    public Classification classify(Change change, SchemaModel current) {
        return change.accept(new Rules(relations.tables(current), relations.relations(current), major, strategies,
                relations.keyConstraints(current), current));
    }

    /** The rules, one method per change kind; {@code currentTables} tells existing tables from new ones. */
    private static final class Rules implements ChangeVisitor<Classification> {
        private final Set<QualifiedName> currentTables;
        private final Set<QualifiedName> currentRelations;
        private final int major;
        private final OnlineStrategies strategies;
        private final Set<String> currentKeyConstraints;
        private final SchemaModel current;

        Rules(Set<QualifiedName> currentTables, Set<QualifiedName> currentRelations, int major,
              OnlineStrategies strategies, Set<String> currentKeyConstraints, SchemaModel current) {
            this.currentTables = currentTables;
            this.currentRelations = currentRelations;
            this.major = major;
            this.strategies = strategies;
            this.currentKeyConstraints = currentKeyConstraints;
            this.current = current;
        }

        private boolean exists(QualifiedName table) {
            return currentTables.contains(table);
        }

        private static Classification additive(List<TableLock> locks, Hazard... hazards) {
            return Classification.of(true, List.of(hazards), locks);
        }

        private static Classification neutral(List<TableLock> locks, Hazard... hazards) {
            return Classification.of(false, List.of(hazards), locks);
        }

        private static List<TableLock> none() {
            return List.of();
        }

        /** {@code level} on each of the tables that exist. */
        private List<TableLock> locks(LockLevel level, QualifiedName... tables) {
            List<TableLock> result = new ArrayList<>();
            for (QualifiedName table : tables) {
                if (currentRelations.contains(table)) {
                    result.add(new TableLock(table, level));
                }
            }
            return result;
        }

        // ---- creates: nothing existing is touched

        @Override
        public Classification visitCreateSchema(CreateSchema change) {
            return additive(none());
        }

        @Override
        public Classification visitCreateEnum(CreateEnum change) {
            return additive(none());
        }

        @Override
        public Classification visitCreateSequence(CreateSequence change) {
            return additive(none());
        }

        @Override
        public Classification visitCreateTable(CreateTable change) {
            return additive(none());
        }

        @Override
        public Classification visitCreateView(CreateView change) {
            // Only ACCESS SHARE on the tables it reads while it is created: blocks nothing but ACCESS EXCLUSIVE.
            return additive(none());
        }

        @Override
        public Classification visitAddEnumValue(AddEnumValue change) {
            // The type is not a table; rows are untouched. (The new label cannot be used in the same
            // transaction that adds it, which the applier handles, not a hazard.)
            return additive(none());
        }

        @Override
        public Classification visitCreateIndex(CreateIndex change) {
            QualifiedName table = change.index().table();
            if (!exists(table)) {
                return additive(none());
            }
            String what = change.index().unique() ? "unique index " + change.index().name()
                    + " (fails if existing rows have duplicates)" : "index " + change.index().name();
            List<Hazard> hazards = new ArrayList<>();
            hazards.add(indexBuild(table, what));
            if (change.index().unique()) {
                hazards.add(dataDependent("unique index " + change.index().name() + " fails if " + table
                        + " has duplicate keys"));
            }
            if (PartitionedIndexSql.isPartitioned(table, current)) {
                return partitionedIndex(table, hazards);
            }
            if (strategies.concurrentIndexes()) {
                return additive(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, table), hazards.toArray(Hazard[]::new));
            }
            hazards.add(new Hazard(HazardCode.BLOCKS_WRITES, "holds a SHARE lock on " + table
                    + " for the whole build: reads continue, writes wait until it finishes"));
            return additive(locks(LockLevel.SHARE, table), hazards.toArray(Hazard[]::new));
        }

        /**
         * A new index of a partitioned table. Online: ON ONLY the parent (SHARE on it, catalog only), then
         * CONCURRENTLY per partition (SHARE UPDATE EXCLUSIVE on each while it builds), then ATTACH PARTITION
         * (ACCESS EXCLUSIVE on the new copy only). Plain: one CREATE INDEX holds SHARE on the parent and
         * every partition for the whole build.
         */
        private Classification partitionedIndex(QualifiedName table, List<Hazard> hazards) {
            List<Table> partitions = PartitionedIndexSql.partitionsOf(table, current);
            List<TableLock> locks = new ArrayList<>(locks(LockLevel.SHARE, table));
            if (strategies.concurrentIndexes()) {
                hazards.add(new Hazard(HazardCode.BLOCKS_WRITES, "CREATE INDEX ON ONLY " + table + " takes a brief"
                        + " SHARE lock on it (catalog only): writes wait behind it, reads go on; each partition's copy"
                        + " is then built CONCURRENTLY (SHARE UPDATE EXCLUSIVE) and attached"));
                partitions.stream().filter(p -> p.partitionKey() == null)
                        .forEach(p -> locks.addAll(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, p.name())));
                partitions.stream().filter(p -> p.partitionKey() != null)
                        .forEach(p -> locks.addAll(locks(LockLevel.SHARE, p.name())));
                return additive(locks, hazards.toArray(Hazard[]::new));
            }
            hazards.add(new Hazard(HazardCode.BLOCKS_WRITES, "holds a SHARE lock on " + table + " and each of its "
                    + partitions.size() + " partitions for the whole build: reads continue, writes wait until it"
                    + " finishes"));
            partitions.forEach(p -> locks.addAll(locks(LockLevel.SHARE, p.name())));
            return additive(locks, hazards.toArray(Hazard[]::new));
        }

        @Override
        public Classification visitAddColumn(AddColumn change) {
            QualifiedName table = change.table();
            if (!exists(table)) {
                return additive(none());
            }
            List<TableLock> lock = locks(LockLevel.ACCESS_EXCLUSIVE, table);
            Column column = change.column();
            List<Hazard> hazards = new ArrayList<>();
            String rewriteReason = rewriteReason(column);
            if (rewriteReason != null) {
                hazards.add(rewrite(table));
                hazards.add(accessExclusiveWhile(table, "fills " + rewriteReason + " for every row"));
            }
            boolean notNullWithoutDefault = column.notNull() && column.defaultExpression() == null
                    && column.identity() == Identity.NONE && column.generatedExpression() == null;
            if (rewriteReason == null) {
                String extra = notNullWithoutDefault ? "; NOT NULL without a default fails if " + table + " has any rows"
                        : "";
                hazards.add(briefAccessExclusive(table, extra));
            }
            if (notNullWithoutDefault) {
                hazards.add(dataDependent("NOT NULL column " + column.name() + " without a default fails if " + table
                        + " has any rows"));
                hazards.add(incompatible("inserts that do not name " + table + "." + column.name()
                        + " (NOT NULL, no default) fail"));
            }
            return additive(lock, hazards.toArray(Hazard[]::new));
        }

        /** Why a new column needs a value computed per row, or null when PostgreSQL stores one default. */
        private String rewriteReason(Column column) {
            if (column.identity() != Identity.NONE) {
                return "identity column " + column.name();
            }
            if (column.generatedExpression() != null) {
                return "stored generated column " + column.name();
            }
            String def = column.defaultExpression();
            if (def != null && VOLATILE_DEFAULT.matcher(def.toLowerCase(Locale.ROOT)).find()) {
                return "column " + column.name() + " with volatile default " + def;
            }
            if (def != null && major < 11) {
                return "column " + column.name() + " with default " + def + " (PostgreSQL " + major
                        + " stores every default in every row)";
            }
            return null;
        }

        @Override
        public Classification visitAddConstraint(AddConstraint change) {
            QualifiedName table = change.table();
            if (!exists(table)) {
                return additive(none());
            }
            List<TableLock> lock = locks(LockLevel.ACCESS_EXCLUSIVE, table);
            String name = change.constraint().name();
            ConstraintKind kind = change.constraint().kind();
            if (kind == ConstraintKind.CHECK && notValid(change.constraint().definition())) {
                return additive(lock, briefAccessExclusive(table, "; NOT VALID skips checking existing rows"));
            }
            Hazard violations = dataDependent(constraintWord(kind) + " " + name + " fails if rows of " + table
                    + " violate it");
            if (kind == ConstraintKind.CHECK && strategies.notValidConstraints()) {
                return additive(lock, briefAccessExclusive(table, " to add check constraint " + name + " NOT VALID"),
                        fullScan(table, "validate check constraint " + name
                                + " under SHARE UPDATE EXCLUSIVE (reads and writes continue)"), violations);
            }
            if (kind == ConstraintKind.CHECK) {
                return additive(lock, fullScan(table, "validate check constraint " + name),
                        accessExclusiveWhile(table, "validates check constraint " + name), violations);
            }
            String index = kind == ConstraintKind.PRIMARY_KEY ? "the primary key index " + name
                    : kind == ConstraintKind.UNIQUE ? "the unique index " + name
                    : "the exclusion constraint index " + name;
            // A changed key is dropped and added in one transaction: no moment without it, but its
            // index is built under ACCESS EXCLUSIVE. Building it concurrently first and attaching it
            // with ADD CONSTRAINT ... USING INDEX is not done yet; the plan says so.
            String replaced = currentKeyConstraints.contains(table + "." + name) ? " (the changed " + constraintWord(kind)
                    + " is dropped and added again in this transaction; Converge does not yet build its index"
                    + " concurrently and attach it with ADD CONSTRAINT ... USING INDEX)" : "";
            return additive(lock, indexBuild(table, index + " (fails if existing rows violate it)"),
                    accessExclusiveWhile(table, "builds " + index + replaced), violations);
        }

        private static String constraintWord(ConstraintKind kind) {
            switch (kind) {
                case PRIMARY_KEY:
                    return "primary key";
                case UNIQUE:
                    return "unique constraint";
                case CHECK:
                    return "check constraint";
                default:
                    return "exclusion constraint";
            }
        }

        @Override
        public Classification visitAddForeignKey(AddForeignKey change) {
            ForeignKey key = change.foreignKey();
            // Both tables get SHARE ROW EXCLUSIVE (the key adds triggers to the referenced table too),
            // even when the referencing table is new.
            List<TableLock> locks = locks(LockLevel.SHARE_ROW_EXCLUSIVE, key.table(), key.referencedTable());
            if (!exists(key.table())) {
                return additive(locks);
            }
            if (notValid(key.definition())) {
                return additive(locks, new Hazard(HazardCode.BLOCKS_WRITES, "holds SHARE ROW EXCLUSIVE on "
                        + key.table() + " and " + key.referencedTable()
                        + " briefly; NOT VALID skips checking existing rows"));
            }
            Hazard orphans = dataDependent("foreign key " + key.name() + " fails if rows of " + key.table()
                    + " reference missing rows of " + key.referencedTable());
            if (strategies.notValidConstraints()) {
                return additive(locks, new Hazard(HazardCode.BLOCKS_WRITES, "holds SHARE ROW EXCLUSIVE on "
                                + key.table() + " and " + key.referencedTable() + " briefly to add the key NOT VALID"),
                        fullScan(key.table(), "validate foreign key " + key.name()
                                + " under SHARE UPDATE EXCLUSIVE (reads and writes continue)"), orphans);
            }
            return additive(locks, fullScan(key.table(), "check every row of foreign key " + key.name()
                            + " against " + key.referencedTable()),
                    new Hazard(HazardCode.BLOCKS_WRITES, "holds SHARE ROW EXCLUSIVE on " + key.table() + " and "
                            + key.referencedTable() + " during the check: reads continue, writes wait"), orphans);
        }

        /** NOT VALID constraints are added without checking existing rows (PostgreSQL keeps the words in the definition). */
        private boolean notValid(String definition) {
            return definition.endsWith(" NOT VALID");
        }

        // ---- alters

        @Override
        public Classification visitAlterColumn(AlterColumn change) {
            QualifiedName table = change.table();
            Set<ColumnChangeKind> kinds = change.kinds();
            String column = table + "." + change.to().name();
            List<Hazard> hazards = new ArrayList<>();
            if (kinds.equals(Set.of(ColumnChangeKind.SETTINGS)) && Objects.equals(storage(change.from()),
                    storage(change.to())) && Objects.equals(compression(change.from()), compression(change.to()))) {
                // SET STATISTICS alone changes what ANALYZE samples: SHARE UPDATE EXCLUSIVE, reads and writes go on
                // (SET STORAGE and SET COMPRESSION take ACCESS EXCLUSIVE, briefly: they rewrite nothing).
                return neutral(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, table));
            }
            if (kinds.contains(ColumnChangeKind.TYPE) || kinds.contains(ColumnChangeKind.COLLATION)) {
                TypeChange cost = TypeChange.of(change.from().type(), change.to().type());
                if (cost == TypeChange.NARROWING) {
                    hazards.add(dataLoss("changing " + column + " from " + change.from().type() + " to "
                            + change.to().type() + " narrows it: values that do not fit are rounded or make the"
                            + " statement fail"));
                    hazards.add(incompatible("the application may write values to " + column
                            + " that no longer fit " + change.to().type()));
                }
                if (exists(table)) {
                    if (cost == TypeChange.METADATA_ONLY) {
                        String indexes = kinds.contains(ColumnChangeKind.COLLATION)
                                ? "; indexes on the column are rebuilt" : "";
                        hazards.add(briefAccessExclusive(table, ": the type change needs no rewrite" + indexes));
                    } else {
                        hazards.add(rewrite(table));
                        hazards.add(accessExclusiveWhile(table, "converts " + column + " to " + change.to().type()));
                    }
                    if (cost == TypeChange.NARROWING || castMayFail(change.from().type(), change.to().type())) {
                        hazards.add(dataDependent("converting " + column + " to " + change.to().type()
                                + " fails if a value does not convert or fit"));
                    }
                }
            }
            if (exists(table)) {
                if (kinds.contains(ColumnChangeKind.NOT_NULL) && change.to().notNull()) {
                    if (strategies.notNullThroughCheck() && major >= 12) {
                        hazards.add(fullScan(table, "validate a CHECK (" + change.to().name()
                                + " IS NOT NULL) under SHARE UPDATE EXCLUSIVE (reads and writes continue); SET NOT"
                                + " NULL then needs no scan"));
                    } else {
                        hazards.add(fullScan(table, "check that " + column + " has no NULLs"));
                        hazards.add(accessExclusiveWhile(table, "checks " + column + " for NULLs"));
                    }
                    hazards.add(dataDependent("SET NOT NULL fails if " + column + " has NULLs"));
                }
                // Every ALTER COLUMN takes ACCESS EXCLUSIVE; kept only if nothing above said it already.
                hazards.add(briefAccessExclusive(table, ""));
            }
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), firstPerCode(hazards));
        }

        private static String storage(Column column) {
            return column.settings() == null ? null : column.settings().storage();
        }

        private static String compression(Column column) {
            return column.settings() == null ? null : column.settings().compression();
        }

        /** Classified as the alteration it is: dropping a default, or a type change to the domain's base. */
        @Override
        public Classification visitReleaseColumn(ReleaseColumn change) {
            return visitAlterColumn(change.asAlterColumn());
        }

        /**
         * A conversion between type families through a cast that can reject values (text to integer,
         * text to a date); to a string, or within a family, every value converts.
         */
        private static boolean castMayFail(String fromText, String toText) {
            PostgresType from = PostgresType.parse(fromText);
            PostgresType to = PostgresType.parse(toText);
            if (to.family() == PostgresType.Family.STRING && to.length() < 0) {
                return false;
            }
            return from.family() != to.family() || from.family() == PostgresType.Family.OTHER
                    && !from.base().equals(to.base());
        }

        /** One hazard per code: the first, most specific sentence wins. */
        private static Hazard[] firstPerCode(List<Hazard> hazards) {
            EnumSet<HazardCode> seen = EnumSet.noneOf(HazardCode.class);
            return hazards.stream().filter(h -> seen.add(h.code())).toArray(Hazard[]::new);
        }

        @Override
        public Classification visitAlterSequence(AlterSequence change) {
            return neutral(none());
        }

        @Override
        public Classification visitSetSequenceOwner(SetSequenceOwner change) {
            return additive(none());
        }

        /*
         * A rename keeps every row; it is quick (catalog only) but takes ACCESS EXCLUSIVE, and code
         * still using the old name fails from then on: backward incompatible, not data loss.
         */
        @Override
        public Classification visitRename(Rename change) {
            ObjectRef from = change.from();
            String object = from.kind().word().replace('_', ' ') + " " + from.display();
            Hazard incompatible = new Hazard(HazardCode.BACKWARD_INCOMPATIBLE, "renames " + object + " to "
                    + change.to() + ": queries and application code that still use the old name fail after it");
            boolean onATable = from.kind() == ObjectKind.TABLE || !from.member().isEmpty() && from.kind() != ObjectKind.ENUM;
            QualifiedName table = onATable ? from.name() : null;
            if (table == null) {
                // An index, view, sequence or type: the lock is on that object, not on a table's rows.
                return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, from.name()), incompatible);
            }
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, ""), incompatible);
        }

        /**
         * SET LOGGED / UNLOGGED rewrites the table under ACCESS EXCLUSIVE (and an unlogged table is
         * emptied after a crash and not replicated); REPLICA IDENTITY changes the catalog only, under a
         * brief ACCESS EXCLUSIVE, and changes what logical replication sends.
         */
        @Override
        public Classification visitAlterTableOptions(AlterTableOptions change) {
            QualifiedName table = change.table();
            List<Hazard> hazards = new ArrayList<>();
            if (onlyLightParameters(change.from(), change.to())) {
                return neutral(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, table));
            }
            boolean unlogged = change.to().contains("UNLOGGED");
            if (change.from().contains("UNLOGGED") != unlogged) {
                hazards.add(rewrite(table));
                if (unlogged) {
                    hazards.add(incompatible(table + " becomes UNLOGGED: its rows are lost after a crash and are not"
                            + " replicated"));
                }
            } else {
                hazards.add(briefAccessExclusive(table, ""));
            }
            if (!replicaIdentity(change.from()).equals(replicaIdentity(change.to()))) {
                hazards.add(incompatible("logical replication of " + table + " sends other columns of old rows ("
                        + replicaIdentity(change.to()).orElse("REPLICA IDENTITY DEFAULT") + ")"));
            }
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), hazards.toArray(Hazard[]::new));
        }

        /**
         * True when only storage parameters change, and every parameter the step resets or sets is one that
         * ALTER TABLE SET / RESET changes under SHARE UPDATE EXCLUSIVE (fillfactor, TOAST and autovacuum
         * parameters, parallel_workers): reads and writes go on. Any other is taken to need ACCESS EXCLUSIVE.
         */
        private static boolean onlyLightParameters(List<String> from, List<String> to) {
            List<String> others = new ArrayList<>();
            from.stream().filter(o -> !o.startsWith("WITH (")).forEach(others::add);
            to.stream().filter(o -> !o.startsWith("WITH (")).forEach(others::add);
            // every parameter on either side is reset or set again (so that they keep the desired order)
            return others.stream().filter(o -> !to.contains(o) || !from.contains(o)).findAny().isEmpty()
                    && java.util.stream.Stream.concat(from.stream(), to.stream()).filter(o -> o.startsWith("WITH ("))
                    .allMatch(o -> LIGHT_PARAMETER.matcher(o).lookingAt());
        }

        private static final Pattern LIGHT_PARAMETER = Pattern.compile(
                "WITH \\((fillfactor|parallel_workers|toast_tuple_target|autovacuum_\\w+|toast\\.\\w+)=");

        private static java.util.Optional<String> replicaIdentity(List<String> options) {
            return options.stream().filter(o -> o.startsWith("REPLICA IDENTITY ")).findFirst();
        }

        @Override
        public Classification visitSetComment(SetComment change) {
            // COMMENT ON takes SHARE UPDATE EXCLUSIVE on the relation: it waits for other schema
            // changes, never for reads or writes.
            ObjectRef ref = change.object();
            QualifiedName relation = ref.kind() == ObjectKind.SCHEMA ? null : ref.name();
            if (relation == null || ref.kind() == ObjectKind.ENUM || ref.kind() == ObjectKind.SEQUENCE) {
                return additive(none());
            }
            return additive(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, relation));
        }

        // ---- drops

        @Override
        public Classification visitDropTable(DropTable change) {
            QualifiedName table = change.table().name();
            List<Hazard> hazards = new ArrayList<>();
            hazards.add(dataLoss("drops table " + table + " and all its rows"));
            if (exists(table)) {
                hazards.add(briefAccessExclusive(table, ""));
                hazards.add(incompatible("queries of the running application that use " + table + " fail"));
            }
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), hazards.toArray(Hazard[]::new));
        }

        @Override
        public Classification visitDropColumn(DropColumn change) {
            QualifiedName table = change.table();
            List<Hazard> hazards = new ArrayList<>();
            hazards.add(dataLoss("drops column " + table + "." + change.column().name() + " and its values"));
            if (exists(table)) {
                hazards.add(briefAccessExclusive(table, "; the space is reclaimed only when rows are rewritten"));
                hazards.add(incompatible("queries of the running application that name " + table + "."
                        + change.column().name() + " fail"));
            }
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), hazards.toArray(Hazard[]::new));
        }

        @Override
        public Classification visitDropSequence(DropSequence change) {
            return neutral(none(), dataLoss("drops sequence " + change.sequence().name()
                    + " and its current value: re-creating it starts numbering again"),
                    untracked("function bodies and other databases calling nextval('" + change.sequence().name()
                            + "') are not tracked"));
        }

        @Override
        public Classification visitDropSchema(DropSchema change) {
            return neutral(none());
        }

        @Override
        public Classification visitDropEnum(DropEnum change) {
            return neutral(none(), untracked("function bodies that use type " + change.type().name()
                    + " are not tracked"));
        }

        @Override
        public Classification visitDropView(DropView change) {
            QualifiedName view = change.view().name();
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, view), untracked("function bodies and the application"
                    + " may query view " + view + "; they are not tracked"));
        }

        @Override
        public Classification visitDropIndex(DropIndex change) {
            QualifiedName table = change.index().table();
            if (!exists(table)) {
                return neutral(none());
            }
            if (PartitionedIndexSql.isPartitioned(table, current)) {
                // No concurrent form: DROP INDEX on the parent drops every partition's copy with it.
                List<TableLock> locks = new ArrayList<>(locks(LockLevel.ACCESS_EXCLUSIVE, table));
                PartitionedIndexSql.partitionsOf(table, current)
                        .forEach(p -> locks.addAll(locks(LockLevel.ACCESS_EXCLUSIVE, p.name())));
                return neutral(locks, briefAccessExclusive(table, " and on each of its partitions (DROP INDEX of a"
                        + " partitioned table has no CONCURRENTLY form); queries that used index "
                        + change.index().name() + " may become slower"));
            }
            if (strategies.concurrentIndexes()) {
                return neutral(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, table));
            }
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table,
                    "; queries that used index " + change.index().name() + " may become slower"));
        }

        /**
         * Online, the table keeps SHARE UPDATE EXCLUSIVE (reads and writes go on) through both concurrent
         * statements; the final rename locks only the index: SHARE UPDATE EXCLUSIVE from PostgreSQL 12,
         * ACCESS EXCLUSIVE before, which every query planned on the table waits for. Plain, the drop
         * takes ACCESS EXCLUSIVE on the table and the transaction keeps it while the new index builds.
         */
        /**
         * A statistics target changes what ANALYZE samples, no row: SHARE UPDATE EXCLUSIVE on the index
         * alone (reads and writes of its table go on). On an index the plan builds, it runs just after.
         */
        @Override
        public Classification visitAlterIndexStatistics(AlterIndexStatistics change) {
            return exists(change.index().table())
                    ? neutral(List.of(new TableLock(change.index().name(), LockLevel.SHARE_UPDATE_EXCLUSIVE)))
                    : neutral(none());
        }

        @Override
        public Classification visitReplaceIndex(ReplaceIndex change) {
            QualifiedName table = change.to().table();
            if (!exists(table)) {
                return neutral(none());
            }
            String name = change.to().name().toString();
            List<Hazard> hazards = new ArrayList<>();
            hazards.add(indexBuild(table, (change.to().unique() ? "unique index " : "index ") + name
                    + " with its new definition"));
            if (change.to().unique()) {
                hazards.add(dataDependent("unique index " + name + " fails if " + table + " has duplicate keys"));
            }
            if (PartitionedIndexSql.isPartitioned(table, current)) {
                // Replaced by the plain form: dropped and built again inside the transaction.
                List<TableLock> locks = new ArrayList<>(locks(LockLevel.ACCESS_EXCLUSIVE, table));
                PartitionedIndexSql.partitionsOf(table, current)
                        .forEach(p -> locks.addAll(locks(LockLevel.ACCESS_EXCLUSIVE, p.name())));
                hazards.add(accessExclusiveWhile(table, "drops index " + name + " and builds it again, as does each"
                        + " partition under the same lock (a partitioned table's index has no concurrent replacement)"));
                return neutral(locks, hazards.toArray(Hazard[]::new));
            }
            if (!strategies.concurrentIndexes()) {
                hazards.add(accessExclusiveWhile(table, "drops index " + name + " and builds it again"));
                return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), hazards.toArray(Hazard[]::new));
            }
            List<TableLock> locks = new ArrayList<>(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, table));
            if (strategies.indexReplacement() && major < 12) {
                locks.add(new TableLock(change.to().name(), LockLevel.ACCESS_EXCLUSIVE));
                hazards.add(new Hazard(HazardCode.ACCESS_EXCLUSIVE_LOCK, "renaming the new index to " + name
                        + " takes a brief ACCESS EXCLUSIVE lock on the index (before PostgreSQL 12), which queries"
                        + " on " + table + " wait for"));
            }
            return neutral(locks, hazards.toArray(Hazard[]::new));
        }

        @Override
        public Classification visitDropConstraint(DropConstraint change) {
            QualifiedName table = change.table();
            return exists(table) ? neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, ""))
                    : neutral(none());
        }

        @Override
        public Classification visitDropForeignKey(DropForeignKey change) {
            ForeignKey key = change.foreignKey();
            // Dropping the key also drops its triggers on the referenced table, locking it as well.
            List<TableLock> locks = locks(LockLevel.ACCESS_EXCLUSIVE, key.table(), key.referencedTable());
            return exists(key.table())
                    ? neutral(locks, new Hazard(HazardCode.ACCESS_EXCLUSIVE_LOCK, "takes a brief ACCESS EXCLUSIVE lock on "
                            + key.table() + " and on " + key.referencedTable() + " (catalog only), but waits behind"
                            + " running queries on either and blocks all queries queued after it"))
                    : neutral(locks);
        }
        // ---- routines, triggers, row-level security

        @Override
        public Classification visitCreateRoutine(CreateRoutine change) {
            return additive(none());
        }

        @Override
        public Classification visitReplaceRoutine(ReplaceRoutine change) {
            // CREATE OR REPLACE locks no table; callers see the new body from their next call on.
            return neutral(none());
        }

        @Override
        public Classification visitDropRoutine(DropRoutine change) {
            return neutral(none());
        }

        @Override
        public Classification visitCreateTrigger(CreateTrigger change) {
            QualifiedName table = change.trigger().table();
            return exists(table) ? additive(locks(LockLevel.SHARE_ROW_EXCLUSIVE, table), blocksWritesBriefly(table, "CREATE TRIGGER"))
                    : additive(none());
        }

        @Override
        public Classification visitDropTrigger(DropTrigger change) {
            QualifiedName table = change.trigger().table();
            return exists(table) ? neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, "")) : neutral(none());
        }

        @Override
        public Classification visitSetTriggerState(SetTriggerState change) {
            QualifiedName table = change.to().table();
            return neutral(locks(LockLevel.SHARE_ROW_EXCLUSIVE, table), blocksWritesBriefly(table, "ENABLE/DISABLE TRIGGER"));
        }

        @Override
        public Classification visitCreatePolicy(CreatePolicy change) {
            QualifiedName table = change.policy().table();
            return exists(table) ? additive(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, "")) : additive(none());
        }

        @Override
        public Classification visitDropPolicy(DropPolicy change) {
            QualifiedName table = change.policy().table();
            return exists(table) ? neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, "")) : neutral(none());
        }

        @Override
        public Classification visitSetRowSecurity(SetRowSecurity change) {
            QualifiedName table = change.to().table();
            return exists(table) ? neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, "")) : neutral(none());
        }

        // ---- domains, composite types, extensions

        @Override
        public Classification visitCreateDomain(CreateDomain change) {
            return additive(none());
        }

        @Override
        public Classification visitAlterDomain(AlterDomain change) {
            boolean checksRows = (change.to().notNull() && !change.from().notNull())
                    || change.to().constraints().stream().anyMatch(k -> !change.from().constraints().contains(k));
            return checksRows ? neutral(none(), new Hazard(HazardCode.FULL_TABLE_SCAN, "checks every value of domain "
                    + change.to().name() + " in every table column that uses it, scanning those tables")) : neutral(none());
        }

        @Override
        public Classification visitDropDomain(DropDomain change) {
            return neutral(none());
        }

        @Override
        public Classification visitCreateCompositeType(CreateCompositeType change) {
            return additive(none());
        }

        @Override
        public Classification visitAlterCompositeType(AlterCompositeType change) {
            List<String> kept = change.to().attributes().stream().map(a -> a.name()).toList();
            boolean drops = change.from().attributes().stream().anyMatch(a -> !kept.contains(a.name()));
            return drops ? neutral(none(), dataLoss("drops attributes of composite type " + change.to().name()
                    + ", and their values wherever the type is stored")) : neutral(none());
        }

        @Override
        public Classification visitDropCompositeType(DropCompositeType change) {
            return neutral(none());
        }

        @Override
        public Classification visitCreateExtension(CreateExtension change) {
            return additive(none());
        }

        @Override
        public Classification visitAlterExtension(AlterExtension change) {
            return neutral(none());
        }

        @Override
        public Classification visitDropExtension(DropExtension change) {
            return neutral(none(), dataLoss("drops extension " + change.extension().name()
                    + " and every object it installed, with any data they hold"));
        }

        @Override
        public Classification visitCreateMaterializedView(CreateMaterializedView change) {
            return additive(none(), new Hazard(HazardCode.FULL_TABLE_SCAN, "populates " + change.view().name()
                    + " by running its query, which reads every table it names"));
        }

        @Override
        public Classification visitDropMaterializedView(DropMaterializedView change) {
            return neutral(locks(LockLevel.ACCESS_EXCLUSIVE, change.view().name()));
        }

        /**
         * DETACH takes ACCESS EXCLUSIVE on the parent; ATTACH takes SHARE UPDATE EXCLUSIVE on the parent
         * and ACCESS EXCLUSIVE on the table, and scans it to check its rows fit the bounds.
         */
        @Override
        public Classification visitSetPartitionOf(SetPartitionOf change) {
            List<Hazard> hazards = new ArrayList<>();
            List<TableLock> held = new ArrayList<>();
            if (ConcurrentDetach.applies(change, current, major, strategies)) {
                // two transactions of its own: SHARE UPDATE EXCLUSIVE on the parent in both, then, once
                // every transaction using the parent has ended, ACCESS EXCLUSIVE on the partition
                held.addAll(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, change.from().parent()));
                held.addAll(locks(LockLevel.ACCESS_EXCLUSIVE, change.table()));
                hazards.add(briefAccessExclusive(change.table(), ": DETACH PARTITION CONCURRENTLY (the parent "
                        + change.from().parent() + " stays readable and writable)"));
            } else if (change.from() != null && exists(change.from().parent())) {
                held.addAll(locks(LockLevel.ACCESS_EXCLUSIVE, change.from().parent()));
                hazards.add(briefAccessExclusive(change.from().parent(), ": DETACH PARTITION"));
            }
            if (change.to() != null && exists(change.table())) {
                held.addAll(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, change.to().parent()));
                held.addAll(locks(LockLevel.ACCESS_EXCLUSIVE, change.table()));
                hazards.add(accessExclusiveWhile(change.table(), "checks that every row fits " + change.to().bound()));
                hazards.add(fullScan(change.table(), "check the partition bounds"));
            }
            return neutral(held, hazards.toArray(Hazard[]::new));
        }

        /**
         * Converting a column to the recreated type rewrites its table under ACCESS EXCLUSIVE (no
         * binary coercion exists between two enum types); it fails if a row holds a label the new
         * type lacks (the plan probes for such rows), and code still writing a removed label breaks.
         */
        @Override
        public Classification visitRecreateEnum(RecreateEnum change) {
            List<Hazard> hazards = new ArrayList<>();
            List<TableLock> held = new ArrayList<>();
            for (RecreateEnum.ColumnUse use : change.columns()) {
                held.addAll(locks(LockLevel.ACCESS_EXCLUSIVE, use.table()));
                hazards.add(rewrite(use.table()));
                hazards.add(accessExclusiveWhile(use.table(), "converts " + use.ref().display() + " to the new type"));
                hazards.add(dataDependent("fails if a row of " + use.table() + " holds in " + use.column()
                        + " a label that " + change.to().name() + " no longer has"));
            }
            if (!change.removedLabels().isEmpty()) {
                hazards.add(incompatible("removes labels " + change.removedLabels() + " from " + change.to().name()
                        + ": code that still writes them fails"));
            }
            hazards.add(untracked("function bodies that use type " + change.to().name() + " are not tracked"));
            return neutral(held, hazards.toArray(Hazard[]::new));
        }

        /**
         * The rebuild renames the table and its partitions away first: ACCESS EXCLUSIVE on each, held while
         * the rows are copied and the keys built, until the transaction commits. Rows that fit no new
         * partition, or break a check or key of the new table, make it fail; columns the new table lacks
         * lose their values. The locks are claimed outright: the rebuilt tables are not in the model the
         * plan's other steps see (to them the table is new).
         */
        @Override
        public Classification visitRebuildTable(RebuildTable change) {
            List<TableLock> held = change.drops().stream()
                    .map(drop -> new TableLock(drop.table().name(), LockLevel.ACCESS_EXCLUSIVE)).toList();
            List<Hazard> hazards = new ArrayList<>();
            hazards.add(rewrite(change.table()));
            hazards.add(accessExclusiveWhile(change.table(), "copies its rows into the new "
                    + (change.to().partitionKey() == null ? "table" : "partitions") + " and builds its keys"));
            hazards.add(dataDependent("fails if a row of " + change.table() + " fits no partition of the new"
                    + " partitioning or breaks a check or key of the new table"));
            change.from().columns().stream().filter(c -> change.to().column(c.name()).isEmpty())
                    .forEach(c -> hazards.add(dataLoss("the new " + change.table() + " has no column " + c.name()
                            + ": its values are not copied")));
            return neutral(held, hazards.toArray(Hazard[]::new));
        }

        /** A new collation touches no table. */
        @Override
        public Classification visitCreateCollation(CreateCollation change) {
            return additive(none());
        }

        /** PostgreSQL refuses the drop while a column uses it; indexes and expressions elsewhere are not tracked. */
        @Override
        public Classification visitDropCollation(DropCollation change) {
            return neutral(none(), untracked("function bodies and queries that name collation "
                    + change.collation().name() + " are not tracked"));
        }

        /** GRANT changes the catalog only and takes no lock on the object's rows; the role gains access. */
        @Override
        public Classification visitGrantPrivileges(GrantPrivileges change) {
            return additive(none());
        }

        /**
         * REVOKE is as quick as GRANT, but an application connecting as that role loses access from
         * then on: backward incompatible (the grant option alone only limits what the role may grant).
         */
        @Override
        public Classification visitRevokePrivileges(RevokePrivileges change) {
            String what = (change.grantOptionOnly() ? "the grant option for " : "") + String.join(", ",
                    change.privileges()) + " on " + change.object().kind().word().replace('_', ' ') + " "
                    + change.object().display();
            return neutral(none(), new Hazard(HazardCode.BACKWARD_INCOMPATIBLE, "revokes " + what + " from "
                    + change.grantee() + ": code running as that role that still relies on it fails from then on"));
        }

        /** CREATE TRIGGER and ENABLE/DISABLE TRIGGER take SHARE ROW EXCLUSIVE: reads go on, writes wait. */
        /**
         * CREATE RULE takes ACCESS EXCLUSIVE on its table (briefly, catalog only) and changes what
         * writes to it do; CREATE STATISTICS takes SHARE UPDATE EXCLUSIVE (reads and writes go on);
         * the other kinds touch no table.
         */
        @Override
        public Classification visitCreateCatalogObject(CreateCatalogObject change) {
            QualifiedName table = change.target().name();
            if (change.object().kind() == ObjectKind.RULE && exists(table)) {
                return additive(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, " to add rule "
                        + change.target().member()), incompatible("rule " + change.target().member() + " changes what "
                        + "statements on " + table + " do"));
            }
            if (change.object().kind() == ObjectKind.STATISTICS) {
                List<QualifiedName> tables = change.object().dependsOn().stream()
                        .filter(d -> d.kind() == ObjectKind.COLUMN || d.kind() == ObjectKind.TABLE)
                        .map(d -> d.name()).filter(this::exists).distinct().toList();
                if (!tables.isEmpty()) {
                    return additive(locks(LockLevel.SHARE_UPDATE_EXCLUSIVE, tables.get(0)));
                }
            }
            return additive(none());
        }

        /**
         * Dropping holds no data, but what used the object changes: a rule's table takes writes as
         * plain again, a publication's subscribers stop receiving changes, an event trigger stops
         * firing, queries naming an aggregate, operator, cast or text search object fail.
         */
        @Override
        public Classification visitDropCatalogObject(DropCatalogObject change) {
            QualifiedName table = change.target().name();
            String what = change.object().kind().word().replace('_', ' ') + " " + change.target().display();
            switch (change.object().kind()) {
                case RULE:
                    return exists(table)
                            ? neutral(locks(LockLevel.ACCESS_EXCLUSIVE, table), briefAccessExclusive(table, ""),
                                    incompatible("statements on " + table + " no longer go through " + what))
                            : neutral(none());
                case PUBLICATION:
                    return neutral(none(), incompatible("subscribers of " + what + " stop receiving changes"));
                case EVENT_TRIGGER:
                    return neutral(none(), incompatible(what + " no longer fires"));
                default:
                    return neutral(none(), untracked("queries and function bodies that use " + what
                            + " are not tracked"));
            }
        }

        private static Hazard blocksWritesBriefly(QualifiedName table, String what) {
            return new Hazard(HazardCode.BLOCKS_WRITES, what + " takes a brief SHARE ROW EXCLUSIVE lock on " + table
                    + " (catalog only): writes wait behind it, reads go on");
        }
    }
}
