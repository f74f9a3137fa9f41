package dev.converge.dialect.mysql.safety;

import dev.converge.dialect.mysql.sql.AlterMode;
import dev.converge.dialect.mysql.sql.AlterModes;
import dev.converge.dialect.mysql.sql.ColumnTypeChange;
import dev.converge.dialect.mysql.sql.PartitionChange;
import dev.converge.engine.change.*;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.TableLock;
import dev.converge.engine.spi.SafetyClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * MysqlSafetyClassifier classifies a change with the engine's classes and hazard codes, from MySQL's
 * facts. What the change does to the rows (data lost, rows read to check them, an index built) is
 * said here; how the server runs it, the ALTER TABLE algorithm and lock, comes from
 * {@link AlterModes}, the same choice the SQL generator pins in the statement (INSTANT: metadata only;
 * INPLACE: built in place, with LOCK=NONE while reads and writes go on; COPY: the table is copied row
 * by row while writes wait, LOCK=SHARED). Every ALTER of an existing table also takes an exclusive
 * metadata lock for a moment at its start and end, which waits behind open transactions on the table:
 * {@link MetadataLocks} claims it on the step; {@link DataDependence} marks what the data may refuse.
 */
public final class MysqlSafetyClassifier implements SafetyClassifier {
    private final AlterModes modes;

    /** For a server whose version is not known: the modes both MariaDB and MySQL accept. */
    public MysqlSafetyClassifier() {
        this(AlterModes.of(null));
    }

    public MysqlSafetyClassifier(AlterModes modes) {
        this.modes = modes;
    }

    @Override
    public Classification classify(Change change, SchemaModel current) {
        KindHazards kind = change.accept(new Rules(change, current));
        List<Hazard> hazards = new ArrayList<>(kind.first());
        modes.of(change, current).ifPresent(mode -> hazards.addAll(mode.hazards()));
        hazards.addAll(kind.last());
        ProgramHazards.add(change, hazards);
        DataDependence.add(change, current, hazards);
        List<TableLock> locks = MetadataLocks.of(change, current, hazards);
        return Classification.of(change.action() == Action.CREATE, hazards, locks);
    }

    /**
     * What a kind of change does to the rows, said before the ALTER's own mode hazards (data lost) and
     * after them (rows read to check them, an index built), in the order plans have always listed them.
     */
    private record KindHazards(List<Hazard> first, List<Hazard> last) {
        static final KindHazards NONE = new KindHazards(List.of(), List.of());
    }

    private static KindHazards first(Hazard hazard) {
        return new KindHazards(List.of(hazard), List.of());
    }

    private static KindHazards last(Hazard hazard) {
        return new KindHazards(List.of(), List.of(hazard));
    }

    /*
     * One method per change kind and no defaults (ChangeVisitor), so that a new kind does not compile
     * until MySQL's hazards for it are stated here; most kinds touch no rows beyond what the ALTER's
     * mode, the metadata lock and the data checks below already say.
     */
    private final class Rules implements ChangeVisitor<KindHazards> {
        private final Change change;
        private final SchemaModel current;

        Rules(Change change, SchemaModel current) {
            this.change = change;
            this.current = current;
        }

        private Hazard indexBuild(Change c, Index index) {
            String method = index.method();
            String how = method.equals("FULLTEXT") || method.equals("SPATIAL") ? "builds a " + method + " index"
                    : "builds the index";
            return new Hazard(HazardCode.INDEX_BUILD, how + modes.of(change, current)
                    .map(m -> " (" + m.clause() + ")").orElse("")
                    + (index.unique() ? "; fails if the keys hold duplicates" : ""));
        }

        @Override public KindHazards visitAddColumn(AddColumn c) { return KindHazards.NONE; }

        @Override
        public KindHazards visitAddConstraint(AddConstraint c) {
            return last(scan(c.constraint().kind() == ConstraintKind.PRIMARY_KEY
                    ? "fails if the key columns hold duplicates or NULLs" : "fails if a row violates the check"));
        }

        @Override public KindHazards visitAddEnumValue(AddEnumValue c) { return KindHazards.NONE; }

        @Override
        public KindHazards visitAddForeignKey(AddForeignKey c) {
            return last(scan("checks every row against the referenced table; fails on orphans"));
        }

        @Override
        public KindHazards visitAlterColumn(AlterColumn c) {
            List<Hazard> loss = new ArrayList<>();
            ColumnTypeChange type = new ColumnTypeChange(c.from(), c.to());
            if (c.kinds().contains(ColumnChangeKind.TYPE) && type.headChanged() && type.narrows()) {
                loss.add(new Hazard(HazardCode.DATA_LOSS, "narrows " + c.from().type() + " to "
                        + ColumnTypes.head(c.to()) + ": longer values would be truncated or refused"));
            }
            List<Hazard> rows = new ArrayList<>();
            if (c.kinds().contains(ColumnChangeKind.NOT_NULL) && c.to().notNull()) {
                rows.add(scan("fails if the column holds NULLs (strict sql_mode)"));
            } else if (type.checkChanged()) {
                rows.add(scan("checks every row against the column's new CHECK"));
            }
            return new KindHazards(loss, rows);
        }

        @Override public KindHazards visitReleaseColumn(ReleaseColumn c) { return KindHazards.NONE; }
        @Override public KindHazards visitAlterSequence(AlterSequence c) { return KindHazards.NONE; }

        @Override
        public KindHazards visitAlterTableOptions(AlterTableOptions c) {
            List<Hazard> hazards = new ArrayList<>();
            partitions(PartitionChange.of(c.from(), c.to()), hazards);
            return new KindHazards(hazards, List.of());
        }

        @Override public KindHazards visitCreateEnum(CreateEnum c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateIndex(CreateIndex c) { return last(indexBuild(c, c.index())); }
        @Override public KindHazards visitAlterIndexStatistics(AlterIndexStatistics c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateSchema(CreateSchema c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateSequence(CreateSequence c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateTable(CreateTable c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateView(CreateView c) { return KindHazards.NONE; }

        @Override
        public KindHazards visitDropColumn(DropColumn c) {
            return first(new Hazard(HazardCode.DATA_LOSS, "drops column " + c.column().name() + " and its values"));
        }

        @Override public KindHazards visitDropConstraint(DropConstraint c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropEnum(DropEnum c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropForeignKey(DropForeignKey c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropIndex(DropIndex c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropSchema(DropSchema c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropSequence(DropSequence c) { return KindHazards.NONE; }

        @Override
        public KindHazards visitDropTable(DropTable c) {
            return first(new Hazard(HazardCode.DATA_LOSS, "drops table " + c.table().name() + " and all its rows"));
        }

        @Override public KindHazards visitDropView(DropView c) { return KindHazards.NONE; }
        @Override public KindHazards visitRename(Rename c) { return KindHazards.NONE; }
        @Override public KindHazards visitSetComment(SetComment c) { return KindHazards.NONE; }
        @Override public KindHazards visitSetSequenceOwner(SetSequenceOwner c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateRoutine(CreateRoutine c) { return KindHazards.NONE; }
        @Override public KindHazards visitReplaceRoutine(ReplaceRoutine c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropRoutine(DropRoutine c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateTrigger(CreateTrigger c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropTrigger(DropTrigger c) { return KindHazards.NONE; }
        @Override public KindHazards visitSetTriggerState(SetTriggerState c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreatePolicy(CreatePolicy c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropPolicy(DropPolicy c) { return KindHazards.NONE; }
        @Override public KindHazards visitSetRowSecurity(SetRowSecurity c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateDomain(CreateDomain c) { return KindHazards.NONE; }
        @Override public KindHazards visitAlterDomain(AlterDomain c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropDomain(DropDomain c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateCompositeType(CreateCompositeType c) { return KindHazards.NONE; }
        @Override public KindHazards visitAlterCompositeType(AlterCompositeType c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropCompositeType(DropCompositeType c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateExtension(CreateExtension c) { return KindHazards.NONE; }
        @Override public KindHazards visitAlterExtension(AlterExtension c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropExtension(DropExtension c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateMaterializedView(CreateMaterializedView c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropMaterializedView(DropMaterializedView c) { return KindHazards.NONE; }
        @Override public KindHazards visitSetPartitionOf(SetPartitionOf c) { return KindHazards.NONE; }
        @Override public KindHazards visitReplaceIndex(ReplaceIndex c) { return last(indexBuild(c, c.to())); }
        @Override public KindHazards visitGrantPrivileges(GrantPrivileges c) { return KindHazards.NONE; }
        @Override public KindHazards visitRevokePrivileges(RevokePrivileges c) { return KindHazards.NONE; }
        @Override public KindHazards visitRecreateEnum(RecreateEnum c) { return KindHazards.NONE; }
        @Override public KindHazards visitRebuildTable(RebuildTable c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateCollation(CreateCollation c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropCollation(DropCollation c) { return KindHazards.NONE; }
        @Override public KindHazards visitCreateCatalogObject(CreateCatalogObject c) { return KindHazards.NONE; }
        @Override public KindHazards visitDropCatalogObject(DropCatalogObject c) { return KindHazards.NONE; }
    }

    /** Dropped partitions lose their rows; repartitioning copies the table (partition operations pin no algorithm). */
    private static void partitions(PartitionChange change, List<Hazard> hazards) {
        if (!change.dropped().isEmpty()) {
            hazards.add(new Hazard(HazardCode.DATA_LOSS, "drops partition " + String.join(", ", change.dropped())
                    + " and its rows"));
        }
        if (change.copies()) {
            hazards.add(new Hazard(HazardCode.TABLE_REWRITE, "partitioning the table anew copies it (or moves rows"
                    + " between its partitions)"));
            hazards.add(new Hazard(HazardCode.BLOCKS_WRITES, "writes to the table wait while its partitions are rebuilt"));
        }
    }

    private static Hazard scan(String why) {
        return new Hazard(HazardCode.FULL_TABLE_SCAN, "reads every row: " + why);
    }
}
