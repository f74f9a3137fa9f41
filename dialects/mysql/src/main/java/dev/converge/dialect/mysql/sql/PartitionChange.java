package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * PartitionChange is what it takes to bring a table's partitioning from one state to another, as the
 * clauses of ALTER TABLE statements of their own (MySQL takes a partition operation alone, and no
 * ALGORITHM clause with it), with what they do to the table, for the generator and the safety
 * classifier alike:
 * <ul>
 *   <li>RANGE and LIST partitions that are gone by name are dropped with their rows (DROP PARTITION),
 *       new ones at the end are added (ADD PARTITION): neither touches the other partitions;</li>
 *   <li>HASH and KEY partitions are counted: ADD PARTITION PARTITIONS n or COALESCE PARTITION n
 *       moves rows between partitions;</li>
 *   <li>anything else (another method or expression, a partition redefined or moved, partitioning
 *       added) partitions the table anew with PARTITION BY, and REMOVE PARTITIONING takes it away:
 *       the table is copied, its rows kept (the server refuses when a row fits no partition).</li>
 * </ul>
 *
 * @param clauses  one ALTER TABLE clause per statement, in order
 * @param copies   true when the table is copied (or rows move between partitions)
 * @param dropped  the partitions dropped with their rows
 */
public record PartitionChange(List<String> clauses, boolean copies, List<String> dropped) {
    public static final PartitionChange NONE = new PartitionChange(List.of(), false, List.of());

    public static PartitionChange of(List<String> fromOptions, List<String> toOptions) {
        Partitioning from = Partitioning.of(fromOptions);
        Partitioning to = Partitioning.of(toOptions);
        if (Objects.equals(from, to)) {
            return NONE;
        }
        if (to == null) {
            return new PartitionChange(List.of("REMOVE PARTITIONING"), true, List.of());
        }
        if (from == null || !from.head().equals(to.head())) {
            return anew(to);
        }
        if (!to.byValue()) {
            return counted(from, to);
        }
        List<String> gone = from.names().stream().filter(n -> !to.names().contains(n)).toList();
        List<String> kept = from.partitions().stream().filter(p -> !gone.contains(Partitioning.name(p))).toList();
        if (!to.partitions().subList(0, Math.min(kept.size(), to.partitions().size())).equals(kept)) {
            return anew(to);
        }
        List<String> added = to.partitions().subList(kept.size(), to.partitions().size());
        List<String> clauses = new ArrayList<>();
        if (!gone.isEmpty()) {
            clauses.add("DROP PARTITION " + String.join(", ", gone.stream().map(n -> quote(n)).toList()));
        }
        if (!added.isEmpty()) {
            clauses.add("ADD PARTITION (" + String.join(", ", added) + ")");
        }
        return new PartitionChange(clauses, false, gone);
    }

    private static PartitionChange counted(Partitioning from, Partitioning to) {
        // COALESCE down to one partition leaves the server writing PARTITIONS 1, unlike a table
        // partitioned with no count: partitioned anew, it is as a fresh one.
        if (!from.defaultNames() || !to.defaultNames() || to.partitions().size() == 1) {
            return anew(to);
        }
        int more = to.partitions().size() - from.partitions().size();
        return new PartitionChange(List.of(more > 0 ? "ADD PARTITION PARTITIONS " + more
                : "COALESCE PARTITION " + (-more)), true, List.of());
    }

    private static PartitionChange anew(Partitioning to) {
        return new PartitionChange(List.of(to.clause()), true, List.of());
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }
}
