package dev.converge.engine.change;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * RebuildTable gives a table a partitioning PostgreSQL cannot change in place (plain to partitioned,
 * another partition key, or back): the table and its partitions are renamed out of the way, the
 * desired table and partitions are created under their names, the rows are copied into them, and the
 * old tables are dropped. What depends on the table (indexes, keys pointing to it, triggers, policies,
 * grants, views, comments) goes with the old tables and is created again by steps of its own. Planned
 * only where the project allows it explicitly ({@code -- converge:allow TABLE_REWRITE} on the table's
 * declaration).
 *
 * <p>To the change graph the rebuild is its parts: the drops of the old tables and the creations of the
 * new ones ({@link #parts()}), so that it runs after whatever must happen before those drops and
 * creations, and before whatever needs the new tables.
 *
 * @param table   the rebuilt table
 * @param drops   the table as it is, then its partitions (parents before their partitions)
 * @param creates the table as desired, then its partitions (parents before their partitions)
 * @param ownedSequences the sequences a column of the table owns now, as desired: they must move to the new
 *                table's column (or to none) before the old table goes, or they would go with it
 */
public record RebuildTable(QualifiedName table, List<DropTable> drops, List<CreateTable> creates,
                           List<Sequence> ownedSequences) implements TableAlteration {
    public RebuildTable {
        requireNonNull(table, "table is null");
        drops = List.copyOf(drops);
        creates = List.copyOf(creates);
        ownedSequences = List.copyOf(ownedSequences);
    }

    /** The table as it is now, without its partitions. */
    public Table from() {
        return drops.get(0).table();
    }

    /** The table as desired, without its partitions. */
    public Table to() {
        return creates.get(0).table();
    }

    /** The drops, then the creations: what the rebuild does, object by object. */
    public List<Change> parts() {
        List<Change> parts = new ArrayList<>(drops);
        parts.addAll(creates);
        return parts;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRebuildTable(this);
    }
}
