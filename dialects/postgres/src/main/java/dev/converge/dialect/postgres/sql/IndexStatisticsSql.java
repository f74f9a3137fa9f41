package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.model.IndexStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IndexStatisticsSql writes {@code ALTER INDEX i ALTER COLUMN n SET STATISTICS t}: one statement per
 * index column whose target changes, {@code -1} (the server's default) for one that goes. The server
 * takes SHARE UPDATE EXCLUSIVE on the index alone: reads and writes of the table go on.
 */
final class IndexStatisticsSql {
    private IndexStatisticsSql() {
    }

    static List<String> alter(AlterIndexStatistics change) {
        Map<Integer, Integer> targets = new TreeMap<>();
        change.from().forEach(s -> targets.put(s.column(), -1));
        Map<Integer, Integer> before = new TreeMap<>();
        change.from().forEach(s -> before.put(s.column(), s.target()));
        for (IndexStatistics s : change.to()) {
            targets.put(s.column(), s.target());
        }
        List<String> sql = new ArrayList<>();
        targets.forEach((column, target) -> {
            if (!target.equals(before.getOrDefault(column, -1))) {
                sql.add("ALTER INDEX " + quote(change.index().name()) + " ALTER COLUMN " + column
                        + " SET STATISTICS " + target);
            }
        });
        return sql;
    }
}
