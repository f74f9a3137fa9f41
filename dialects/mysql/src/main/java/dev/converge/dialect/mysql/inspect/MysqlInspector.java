package dev.converge.dialect.mysql.inspect;

import dev.converge.dialect.mysql.MysqlSchema;
import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.UnmanagedObject;
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
 * MysqlInspector reads the connection's default database from information_schema in bulk queries,
 * whatever the number of tables: tables, columns, indexes, foreign keys, checks, views, routines and
 * their parameters, events, triggers (and the flavor, the current user and what is not managed).
 * Every object is named under the logical schema {@link MysqlSchema#LOGICAL}, so a
 * target and its shadow (another database) compare equal when their contents do. The
 * AUTO_INCREMENT counter is data and never read.
 */
public final class MysqlInspector implements Inspector {
    @Override
    public SchemaModel inspect(Connection connection, InspectScope scope) throws SQLException {
        ServerFlavor flavor = ServerFlavor.of(connection);
        String database = currentDatabase(connection);
        Map<String, String> tableComments = new LinkedHashMap<>();
        Map<String, List<String>> tableOptions = new LinkedHashMap<>();
        Set<String> viewNames = new java.util.TreeSet<>();
        readTables(connection, tableComments, tableOptions, viewNames);
        Map<String, List<String>> columnChecks = new LinkedHashMap<>();
        List<CheckReader.Check> tableChecks = new ArrayList<>();
        new CheckReader(flavor).read(connection, columnChecks, tableChecks);
        Map<String, List<Column>> columns = new ColumnReader(flavor).read(connection, tableComments.keySet(), columnChecks);
        IndexReader.Result indexes = new IndexReader(flavor).read(connection, tableComments.keySet());
        List<ForeignKey> foreignKeys = new ForeignKeyReader().read(connection, tableComments.keySet());
        Definers definers = Definers.of(connection);
        List<Routine> routines = new ArrayList<>(new RoutineReader(definers).read(connection));
        routines.addAll(new EventReader(definers).read(connection));
        List<Trigger> triggers = new TriggerReader(definers).read(connection, tableComments.keySet());
        Set<String> functions = new java.util.TreeSet<>();
        routines.stream().filter(r -> r.kind() == RoutineKind.FUNCTION).forEach(r -> functions.add(r.name().name()));
        List<View> views = new ViewReader(flavor).read(connection, database, tableComments.keySet(), viewNames, functions);
        Map<String, List<String>> partitioning = new PartitionReader().read(connection);

        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, String> entry : tableComments.entrySet()) {
            String name = entry.getKey();
            List<TableConstraint> constraints = new ArrayList<>(indexes.primaryKeys().getOrDefault(name, List.of()));
            tableChecks.stream().filter(c -> c.table().equals(name)).forEach(c -> constraints.add(c.constraint()));
            List<String> options = new ArrayList<>(tableOptions.get(name));
            options.addAll(partitioning.getOrDefault(name, List.of()));
            tables.add(new Table(name(name), columns.getOrDefault(name, List.of()), constraints, entry.getValue(),
                    options));
        }
        return new SchemaModel(List.of(), List.of(), List.of(), tables, indexes.indexes(), foreignKeys, views,
                routines, triggers, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                unmanaged(connection));
    }

    /**
     * What information_schema shows in the database that the model does not hold: MariaDB's packages
     * (sql_mode=ORACLE), sequences (CREATE SEQUENCE) and system-versioned tables (WITH SYSTEM
     * VERSIONING). They are reported, never ignored silently: plans list them and refuse to run unless
     * unmanaged objects are allowed.
     */
    private static List<UnmanagedObject> unmanaged(Connection connection) throws SQLException {
        List<UnmanagedObject> found = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT LOWER(TABLE_TYPE), CONCAT('" + MysqlSchema.LOGICAL + ".', TABLE_NAME)"
                        + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_TYPE NOT IN ('BASE TABLE', 'VIEW', 'SYSTEM VIEW', 'TEMPORARY', 'LOCAL TEMPORARY')"
                        + " UNION ALL SELECT LOWER(ROUTINE_TYPE), CONCAT('" + MysqlSchema.LOGICAL + ".', ROUTINE_NAME)"
                        + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
                        + " AND ROUTINE_TYPE NOT IN ('FUNCTION', 'PROCEDURE') ORDER BY 1, 2")) {
            while (rs.next()) {
                found.add(new UnmanagedObject(rs.getString(1), rs.getString(2)));
            }
        }
        return found;
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

    /**
     * Tables with their comments and options: the engine, the default character set and collation,
     * and what CREATE_OPTIONS lists (options given explicitly, such as ROW_FORMAT or KEY_BLOCK_SIZE;
     * ROW_FORMAT in its own column is the effective format, which is no option when it is the default).
     */
    private static void readTables(Connection connection, Map<String, String> tableComments,
                                   Map<String, List<String>> tableOptions, Set<String> views) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT t.TABLE_NAME, t.TABLE_TYPE, t.TABLE_COMMENT, t.ENGINE, c.CHARACTER_SET_NAME, t.TABLE_COLLATION,"
                        + " t.CREATE_OPTIONS FROM information_schema.TABLES t LEFT JOIN information_schema.COLLATIONS c"
                        + " ON c.COLLATION_NAME = t.TABLE_COLLATION WHERE t.TABLE_SCHEMA = DATABASE() ORDER BY t.TABLE_NAME")) {
            while (rs.next()) {
                String type = rs.getString(2);
                String name = rs.getString(1);
                if ("VIEW".equals(type)) {
                    views.add(name);
                } else if (type != null && type.contains("TABLE") && !type.contains("TEMPORARY")) {
                    String comment = rs.getString(3);
                    tableComments.put(name, comment == null || comment.isEmpty() ? null : comment);
                    tableOptions.put(name, TableOptions.of(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
    }
}
