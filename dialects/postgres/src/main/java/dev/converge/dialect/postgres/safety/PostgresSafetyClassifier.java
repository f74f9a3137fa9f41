package dev.converge.dialect.postgres.safety;

import static dev.converge.dialect.postgres.safety.LockHazards.accessExclusiveWhile;
import static dev.converge.dialect.postgres.safety.LockHazards.briefAccessExclusive;
import static dev.converge.dialect.postgres.safety.LockHazards.dataLoss;
import static dev.converge.dialect.postgres.safety.LockHazards.fullScan;
import static dev.converge.dialect.postgres.safety.LockHazards.indexBuild;
import static dev.converge.dialect.postgres.safety.LockHazards.rewrite;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.SetPartitionOf;
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
import dev.converge.engine.change.AlterSequence;
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
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.spi.SafetyClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgresSafetyClassifier is the first, rule-based classification of each change on PostgreSQL 15:
 * what data it can lose and which table locks it takes for how long. A change on a table that is not
 * in the current schema (created earlier in the same plan, so empty and unused) carries no lock
 * hazards; data-loss hazards are kept regardless.
 */
public final class PostgresSafetyClassifier implements SafetyClassifier {
    /** Functions whose value differs per row, so ADD COLUMN ... DEFAULT f() must rewrite the table. */
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "\\b(nextval|random|gen_random_uuid|clock_timestamp|uuid_generate_\\w*|timeofday|statement_timestamp"
                    + "|txid_current|setval)\\s*\\(");

    /**
     * The table names of the last model seen: a plan classifies all its changes against the same
     * current model, and looking tables up by scanning a 10,000-table model for each change would
     * make planning quadratic. Swapped whole, so concurrent callers never see a half-built pair.
     */
    private volatile TableNames lastTables;

    public PostgresSafetyClassifier() {
        // each call builds a visitor over its own current schema
    }

    @Override
    public Classification classify(Change change, SchemaModel current) {
        return change.accept(new Rules(tableNames(current)));
    }

    private Set<QualifiedName> tableNames(SchemaModel current) {
        TableNames cached = lastTables;
        if (cached == null || cached.model() != current) {
            cached = new TableNames(current, current.tables().stream().map(t -> t.name())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
            lastTables = cached;
        }
        return cached.names();
    }

    /** A model and the names of its tables. */
    private record TableNames(SchemaModel model, Set<QualifiedName> names) {
    }

    /** The rules, one method per change kind; {@code current} tells existing tables from new ones. */
    private static final class Rules implements ChangeVisitor<Classification> {
        private final Set<QualifiedName> currentTables;

        Rules(Set<QualifiedName> currentTables) {
            this.currentTables = currentTables;
        }

        private boolean exists(QualifiedName table) {
            return currentTables.contains(table);
        }

        private static Classification additive(Hazard... hazards) {
            return Classification.of(true, List.of(hazards));
        }

        private static Classification neutral(Hazard... hazards) {
            return Classification.of(false, List.of(hazards));
        }

        // ---- creates: nothing existing is touched

        @Override
        public Classification visitCreateSchema(CreateSchema change) {
            return additive();
        }

        @Override
        public Classification visitCreateEnum(CreateEnum change) {
            return additive();
        }

        @Override
        public Classification visitCreateSequence(CreateSequence change) {
            return additive();
        }

        @Override
        public Classification visitCreateTable(CreateTable change) {
            return additive();
        }

        @Override
        public Classification visitCreateView(CreateView change) {
            return additive();
        }

        @Override
        public Classification visitAddEnumValue(AddEnumValue change) {
            // The type is not a table; rows are untouched. (The new label cannot be used in the same
            // transaction that adds it, which is the planner's concern, not a hazard.)
            return additive();
        }

        @Override
        public Classification visitCreateIndex(CreateIndex change) {
            QualifiedName table = change.index().table();
            if (!exists(table)) {
                return additive();
            }
            String what = change.index().unique() ? "unique index " + change.index().name()
                    + " (fails if existing rows have duplicates)" : "index " + change.index().name();
            return additive(indexBuild(table, what),
                    new Hazard(HazardCode.BLOCKS_WRITES, "holds a SHARE lock on " + table
                            + " for the whole build: reads continue, writes wait until it finishes"));
        }

        @Override
        public Classification visitAddColumn(AddColumn change) {
            QualifiedName table = change.table();
            if (!exists(table)) {
                return additive();
            }
            Column column = change.column();
            String rewriteReason = rewriteReason(column);
            if (rewriteReason != null) {
                return additive(rewrite(table), accessExclusiveWhile(table, "fills " + rewriteReason
                        + " for every row"));
            }
            String extra = column.notNull() && column.defaultExpression() == null
                    ? "; NOT NULL without a default fails if " + table + " has any rows" : "";
            return additive(briefAccessExclusive(table, extra));
        }

        /** Why a new column needs a value computed per row, or null when PostgreSQL stores one default. */
        private static String rewriteReason(Column column) {
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
            return null;
        }

        @Override
        public Classification visitAddConstraint(AddConstraint change) {
            QualifiedName table = change.table();
            if (!exists(table)) {
                return additive();
            }
            String name = change.constraint().name();
            ConstraintKind kind = change.constraint().kind();
            if (kind == ConstraintKind.CHECK && notValid(change.constraint().definition())) {
                return additive(briefAccessExclusive(table, "; NOT VALID skips checking existing rows"));
            }
            if (kind == ConstraintKind.CHECK) {
                return additive(fullScan(table, "validate check constraint " + name),
                        accessExclusiveWhile(table, "validates check constraint " + name));
            }
            String index = kind == ConstraintKind.PRIMARY_KEY ? "the primary key index " + name
                    : kind == ConstraintKind.UNIQUE ? "the unique index " + name
                    : "the exclusion constraint index " + name;
            return additive(indexBuild(table, index + " (fails if existing rows violate it)"),
                    accessExclusiveWhile(table, "builds " + index));
        }

        @Override
        public Classification visitAddForeignKey(AddForeignKey change) {
            ForeignKey key = change.foreignKey();
            if (!exists(key.table())) {
                return additive();
            }
            if (notValid(key.definition())) {
                return additive(new Hazard(HazardCode.BLOCKS_WRITES, "holds SHARE ROW EXCLUSIVE on " + key.table()
                        + " and " + key.referencedTable() + " briefly; NOT VALID skips checking existing rows"));
            }
            return additive(fullScan(key.table(), "check every row of foreign key " + key.name()
                            + " against " + key.referencedTable()),
                    new Hazard(HazardCode.BLOCKS_WRITES, "holds SHARE ROW EXCLUSIVE on " + key.table() + " and "
                            + key.referencedTable() + " during the check: reads continue, writes wait"));
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
            if (kinds.contains(ColumnChangeKind.TYPE) || kinds.contains(ColumnChangeKind.COLLATION)) {
                TypeChange cost = TypeChange.of(change.from().type(), change.to().type());
                if (cost == TypeChange.NARROWING) {
                    hazards.add(dataLoss("changing " + column + " from " + change.from().type() + " to "
                            + change.to().type() + " narrows it: values that do not fit are rounded or make the"
                            + " statement fail"));
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
                }
            }
            if (exists(table)) {
                if (kinds.contains(ColumnChangeKind.NOT_NULL) && change.to().notNull()) {
                    hazards.add(fullScan(table, "check that " + column + " has no NULLs"));
                    hazards.add(accessExclusiveWhile(table, "checks " + column + " for NULLs"));
                }
                // Every ALTER COLUMN takes ACCESS EXCLUSIVE; kept only if nothing above said it already.
                hazards.add(briefAccessExclusive(table, ""));
            }
            return neutral(firstPerCode(hazards));
        }

        /** One hazard per code: the first, most specific sentence wins. */
        private static Hazard[] firstPerCode(List<Hazard> hazards) {
            EnumSet<HazardCode> seen = EnumSet.noneOf(HazardCode.class);
            return hazards.stream().filter(h -> seen.add(h.code())).toArray(Hazard[]::new);
        }

        @Override
        public Classification visitAlterSequence(AlterSequence change) {
            return neutral();
        }

        @Override
        public Classification visitSetSequenceOwner(SetSequenceOwner change) {
            return additive();
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
            QualifiedName table = from.member().isEmpty() && from.kind() != ObjectKind.TABLE ? null : from.name();
            return table == null ? neutral(incompatible) : neutral(briefAccessExclusive(table, ""), incompatible);
        }

        @Override
        public Classification visitSetComment(SetComment change) {
            return additive();
        }

        // ---- drops

        @Override
        public Classification visitDropTable(DropTable change) {
            QualifiedName table = change.table().name();
            List<Hazard> hazards = new ArrayList<>();
            hazards.add(dataLoss("drops table " + table + " and all its rows"));
            if (exists(table)) {
                hazards.add(briefAccessExclusive(table, ""));
            }
            return neutral(hazards.toArray(Hazard[]::new));
        }

        @Override
        public Classification visitDropColumn(DropColumn change) {
            QualifiedName table = change.table();
            List<Hazard> hazards = new ArrayList<>();
            hazards.add(dataLoss("drops column " + table + "." + change.column().name() + " and its values"));
            if (exists(table)) {
                hazards.add(briefAccessExclusive(table, "; the space is reclaimed only when rows are rewritten"));
            }
            return neutral(hazards.toArray(Hazard[]::new));
        }

        @Override
        public Classification visitDropSequence(DropSequence change) {
            return neutral(dataLoss("drops sequence " + change.sequence().name()
                    + " and its current value: re-creating it starts numbering again"));
        }

        @Override
        public Classification visitDropSchema(DropSchema change) {
            return neutral();
        }

        @Override
        public Classification visitDropEnum(DropEnum change) {
            return neutral();
        }

        @Override
        public Classification visitDropView(DropView change) {
            return neutral();
        }

        @Override
        public Classification visitDropIndex(DropIndex change) {
            QualifiedName table = change.index().table();
            return exists(table) ? neutral(briefAccessExclusive(table, "; queries that used index "
                    + change.index().name() + " may become slower")) : neutral();
        }

        @Override
        public Classification visitDropConstraint(DropConstraint change) {
            QualifiedName table = change.table();
            return exists(table) ? neutral(briefAccessExclusive(table, "")) : neutral();
        }

        @Override
        public Classification visitDropForeignKey(DropForeignKey change) {
            ForeignKey key = change.foreignKey();
            // Dropping the key also drops its triggers on the referenced table, locking it as well.
            return exists(key.table())
                    ? neutral(new Hazard(HazardCode.ACCESS_EXCLUSIVE_LOCK, "takes a brief ACCESS EXCLUSIVE lock on "
                            + key.table() + " and on " + key.referencedTable() + " (catalog only), but waits behind"
                            + " running queries on either and blocks all queries queued after it"))
                    : neutral();
        }
        // ---- routines, triggers, row-level security

        @Override
        public Classification visitCreateRoutine(CreateRoutine change) {
            return additive();
        }

        @Override
        public Classification visitReplaceRoutine(ReplaceRoutine change) {
            // CREATE OR REPLACE locks no table; callers see the new body from their next call on.
            return neutral();
        }

        @Override
        public Classification visitDropRoutine(DropRoutine change) {
            return neutral();
        }

        @Override
        public Classification visitCreateTrigger(CreateTrigger change) {
            QualifiedName table = change.trigger().table();
            return exists(table) ? additive(blocksWritesBriefly(table, "CREATE TRIGGER")) : additive();
        }

        @Override
        public Classification visitDropTrigger(DropTrigger change) {
            QualifiedName table = change.trigger().table();
            return exists(table) ? neutral(briefAccessExclusive(table, "")) : neutral();
        }

        @Override
        public Classification visitSetTriggerState(SetTriggerState change) {
            return neutral(blocksWritesBriefly(change.to().table(), "ENABLE/DISABLE TRIGGER"));
        }

        @Override
        public Classification visitCreatePolicy(CreatePolicy change) {
            QualifiedName table = change.policy().table();
            return exists(table) ? additive(briefAccessExclusive(table, "")) : additive();
        }

        @Override
        public Classification visitDropPolicy(DropPolicy change) {
            QualifiedName table = change.policy().table();
            return exists(table) ? neutral(briefAccessExclusive(table, "")) : neutral();
        }

        @Override
        public Classification visitSetRowSecurity(SetRowSecurity change) {
            QualifiedName table = change.to().table();
            return exists(table) ? neutral(briefAccessExclusive(table, "")) : neutral();
        }

        // ---- domains, composite types, extensions

        @Override
        public Classification visitCreateDomain(CreateDomain change) {
            return additive();
        }

        @Override
        public Classification visitAlterDomain(AlterDomain change) {
            boolean checksRows = (change.to().notNull() && !change.from().notNull())
                    || change.to().constraints().stream().anyMatch(k -> !change.from().constraints().contains(k));
            return checksRows ? neutral(new Hazard(HazardCode.FULL_TABLE_SCAN, "checks every value of domain "
                    + change.to().name() + " in every table column that uses it, scanning those tables")) : neutral();
        }

        @Override
        public Classification visitDropDomain(DropDomain change) {
            return neutral();
        }

        @Override
        public Classification visitCreateCompositeType(CreateCompositeType change) {
            return additive();
        }

        @Override
        public Classification visitAlterCompositeType(AlterCompositeType change) {
            List<String> kept = change.to().attributes().stream().map(a -> a.name()).toList();
            boolean drops = change.from().attributes().stream().anyMatch(a -> !kept.contains(a.name()));
            return drops ? neutral(dataLoss("drops attributes of composite type " + change.to().name()
                    + ", and their values wherever the type is stored")) : neutral();
        }

        @Override
        public Classification visitDropCompositeType(DropCompositeType change) {
            return neutral();
        }

        @Override
        public Classification visitCreateExtension(CreateExtension change) {
            return additive();
        }

        @Override
        public Classification visitAlterExtension(AlterExtension change) {
            return neutral();
        }

        @Override
        public Classification visitDropExtension(DropExtension change) {
            return neutral(dataLoss("drops extension " + change.extension().name()
                    + " and every object it installed, with any data they hold"));
        }

        @Override
        public Classification visitCreateMaterializedView(CreateMaterializedView change) {
            return additive(new Hazard(HazardCode.FULL_TABLE_SCAN, "populates " + change.view().name()
                    + " by running its query, which reads every table it names"));
        }

        @Override
        public Classification visitDropMaterializedView(DropMaterializedView change) {
            return neutral();
        }

        /**
         * DETACH takes ACCESS EXCLUSIVE on the parent; ATTACH takes SHARE UPDATE EXCLUSIVE on the parent
         * and ACCESS EXCLUSIVE on the table, and scans it to check its rows fit the bounds.
         */
        @Override
        public Classification visitSetPartitionOf(SetPartitionOf change) {
            List<Hazard> hazards = new ArrayList<>();
            if (change.from() != null && exists(change.from().parent())) {
                hazards.add(briefAccessExclusive(change.from().parent(), ": DETACH PARTITION"));
            }
            if (change.to() != null && exists(change.table())) {
                hazards.add(accessExclusiveWhile(change.table(), "checks that every row fits " + change.to().bound()));
                hazards.add(fullScan(change.table(), "check the partition bounds"));
            }
            return neutral(hazards.toArray(Hazard[]::new));
        }

        /** CREATE TRIGGER and ENABLE/DISABLE TRIGGER take SHARE ROW EXCLUSIVE: reads go on, writes wait. */
        private static Hazard blocksWritesBriefly(QualifiedName table, String what) {
            return new Hazard(HazardCode.BLOCKS_WRITES, what + " takes a brief SHARE ROW EXCLUSIVE lock on " + table
                    + " (catalog only): writes wait behind it, reads go on");
        }
    }
}
