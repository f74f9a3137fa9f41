package dev.converge.dialect.mysql.inspect;

import dev.converge.dialect.mysql.MysqlSchema;
import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.View;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.Inspector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MysqlInspector reads the connection's default database from information_schema in seven bulk
 * queries, whatever the number of tables: tables, columns, indexes, foreign keys, checks, views (and
 * the flavor). Every object is named under the logical schema {@link MysqlSchema#LOGICAL}, so a
 * target and its shadow (another database) compare equal when their contents do. The
 * AUTO_INCREMENT counter is data and never read.
 */
public final class MysqlInspector implements Inspector {
    @Override
    public SchemaModel inspect(Connection connection, InspectScope scope) throws SQLException {
        ServerFlavor flavor = ServerFlavor.of(connection);
        String database = currentDatabase(connection);
        Map<String, String> tableComments = new LinkedHashMap<>();
        Set<String> viewNames = new java.util.TreeSet<>();
        readTables(connection, tableComments, viewNames);
        Map<String, List<String>> columnChecks = new LinkedHashMap<>();
        List<CheckReader.Check> tableChecks = new ArrayList<>();
        new CheckReader(flavor).read(connection, columnChecks, tableChecks);
        Map<String, List<Column>> columns = new ColumnReader(flavor).read(connection, tableComments.keySet(), columnChecks);
        IndexReader.Result indexes = new IndexReader(flavor).read(connection, tableComments.keySet());
        List<ForeignKey> foreignKeys = new ForeignKeyReader().read(connection, tableComments.keySet());
        List<View> views = new ViewReader(flavor).read(connection, database, tableComments.keySet(), viewNames);

        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, String> entry : tableComments.entrySet()) {
            String name = entry.getKey();
            List<TableConstraint> constraints = new ArrayList<>(indexes.primaryKeys().getOrDefault(name, List.of()));
            tableChecks.stream().filter(c -> c.table().equals(name)).forEach(c -> constraints.add(c.constraint()));
            tables.add(new Table(name(name), columns.getOrDefault(name, List.of()), constraints, entry.getValue()));
        }
        return new SchemaModel(List.of(), List.of(), List.of(), tables, indexes.indexes(), foreignKeys, views);
    }

    static QualifiedName name(String name) {
        return QualifiedName.of(MysqlSchema.LOGICAL, name);
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            String db = rs.getString(1);
            if (db == null) {
                throw new SQLException("the connection has no default database: name one in the URL");
            }
            return db;
        }
    }

    private static void readTables(Connection connection, Map<String, String> tableComments, Set<String> views)
            throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                String type = rs.getString(2);
                if ("VIEW".equals(type)) {
                    views.add(rs.getString(1));
                } else if (type != null && type.contains("TABLE") && !type.contains("TEMPORARY")) {
                    String comment = rs.getString(3);
                    tableComments.put(rs.getString(1), comment == null || comment.isEmpty() ? null : comment);
                }
            }
        }
    }
}
