package dev.converge.dialect.mysql.safety;

import dev.converge.dialect.mysql.sql.AlterMode;
import dev.converge.dialect.mysql.sql.AlterModes;
import dev.converge.dialect.mysql.sql.ColumnTypeChange;
import dev.converge.dialect.mysql.sql.PartitionChange;
import dev.converge.engine.change.Action;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.Index;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.model.ConstraintKind;
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
        List<Hazard> hazards = new ArrayList<>();
        if (change instanceof DropTable drop) {
            hazards.add(new Hazard(HazardCode.DATA_LOSS, "drops table " + drop.table().name() + " and all its rows"));
        } else if (change instanceof DropColumn drop) {
            hazards.add(new Hazard(HazardCode.DATA_LOSS, "drops column " + drop.column().name() + " and its values"));
        } else if (change instanceof AlterColumn alter) {
            ColumnTypeChange type = new ColumnTypeChange(alter.from(), alter.to());
            if (alter.kinds().contains(ColumnChangeKind.TYPE) && type.headChanged() && type.narrows()) {
                hazards.add(new Hazard(HazardCode.DATA_LOSS, "narrows " + alter.from().type() + " to "
                        + ColumnTypes.head(alter.to()) + ": longer values would be truncated or refused"));
            }
        }
        if (change instanceof AlterTableOptions options) {
            partitions(PartitionChange.of(options.from(), options.to()), hazards);
        }
        modes.of(change, current).ifPresent(mode -> hazards.addAll(mode.hazards()));
        if (change instanceof AlterColumn alter) {
            if (alter.kinds().contains(ColumnChangeKind.NOT_NULL) && alter.to().notNull()) {
                hazards.add(scan("fails if the column holds NULLs (strict sql_mode)"));
            } else if (new ColumnTypeChange(alter.from(), alter.to()).checkChanged()) {
                hazards.add(scan("checks every row against the column's new CHECK"));
            }
        } else if (change instanceof AddConstraint add) {
            hazards.add(scan(add.constraint().kind() == ConstraintKind.PRIMARY_KEY
                    ? "fails if the key columns hold duplicates or NULLs" : "fails if a row violates the check"));
        } else if (change instanceof CreateIndex || change instanceof ReplaceIndex) {
            Index index = change instanceof CreateIndex create ? create.index() : ((ReplaceIndex) change).to();
            String method = index.method();
            String how = method.equals("FULLTEXT") || method.equals("SPATIAL") ? "builds a " + method + " index"
                    : "builds the index";
            hazards.add(new Hazard(HazardCode.INDEX_BUILD, how + modes.of(change, current)
                    .map(m -> " (" + m.clause() + ")").orElse("")
                    + (index.unique() ? "; fails if the keys hold duplicates" : "")));
        } else if (change instanceof AddForeignKey) {
            hazards.add(scan("checks every row against the referenced table; fails on orphans"));
        }
        ProgramHazards.add(change, hazards);
        DataDependence.add(change, current, hazards);
        List<TableLock> locks = MetadataLocks.of(change, current, hazards);
        return Classification.of(change.action() == Action.CREATE, hazards, locks);
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
