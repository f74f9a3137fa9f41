package dev.converge.dialect.mysql.inspect;

import dev.converge.dialect.mysql.sql.Partitioning;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PartitionReader reads the partitioning of every table of the database in one query over
 * information_schema.PARTITIONS (a row per partition, or per subpartition), as the table options of
 * {@link Partitioning}. Subpartitions named as the server names them by default ({@code p0sp0}) are
 * counted in the method option; others are listed in their partition.
 */
final class PartitionReader {
    Map<String, List<String>> read(Connection connection) throws SQLException {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME, PARTITION_NAME, SUBPARTITION_NAME, PARTITION_METHOD, SUBPARTITION_METHOD,"
                        + " PARTITION_EXPRESSION, SUBPARTITION_EXPRESSION, PARTITION_DESCRIPTION, PARTITION_COMMENT"
                        + " FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL"
                        + " ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION")) {
            while (rs.next()) {
                rows.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Row(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        rows.forEach((table, list) -> options.put(table, options(list)));
        return options;
    }

    private static List<String> options(List<Row> rows) {
        Row first = rows.get(0);
        Map<String, List<Row>> byPartition = new LinkedHashMap<>();
        rows.forEach(r -> byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r));
        boolean defaultSubnames = first.subMethod() != null && byPartition.values().stream().allMatch(PartitionReader::defaultSubnames);
        int subCount = defaultSubnames ? byPartition.values().iterator().next().size() : 0;
        List<String> options = new ArrayList<>();
        options.add(Partitioning.head(first.method(), first.expression(), first.subMethod(), first.subExpression(), subCount));
        byPartition.forEach((name, parts) -> options.add(Partitioning.partition(name, first.method(),
                parts.get(0).description(), parts.get(0).comment(),
                first.subMethod() == null || defaultSubnames ? List.of() : parts.stream().map(Row::subpartition).toList())));
        return options;
    }

    private static boolean defaultSubnames(List<Row> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i).partition() + "sp" + i).equals(parts.get(i).subpartition())) {
                return false;
            }
        }
        return true;
    }

    private record Row(String partition, String subpartition, String method, String subMethod, String expression,
                       String subExpression, String description, String comment) {
    }
}
