package dev.converge.dialect.mysql.inspect;

import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.View;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ViewReader reads every view of the database in one query. The server stores a view's query with
 * every name qualified by the database ({@code `shop`.`orders`.`id`}); that qualifier is removed, so
 * a view reads the same in the target and in a shadow database of another name. The options record
 * ALGORITHM (MariaDB), SQL SECURITY and the CHECK OPTION; the definer is left out (it is whoever
 * applies). A view depends on the tables, views, table columns and stored functions its query names.
 */
final class ViewReader {
    private static final Pattern QUALIFIED = Pattern.compile("`((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`");
    private static final Pattern NAME = Pattern.compile("`((?:[^`]|``)+)`");

    private final ServerFlavor flavor;

    ViewReader(ServerFlavor flavor) {
        this.flavor = flavor;
    }

    List<View> read(Connection connection, String database, Set<String> tables, Set<String> viewNames,
                    Set<String> functions) throws SQLException {
        String algorithm = flavor.mariadb() ? "ALGORITHM" : "NULL";
        String sql = "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, " + algorithm
                + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";
        List<View> views = new ArrayList<>();
        String qualifier = "`" + database.replace("`", "``") + "`.";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!viewNames.contains(name)) {
                    continue;
                }
                String definition = rs.getString(2).replace(qualifier, "");
                List<String> options = new ArrayList<>();
                String algo = rs.getString(5);
                if (algo != null && !algo.equals("UNDEFINED")) {
                    options.add("ALGORITHM=" + algo);
                }
                options.add("SQL SECURITY " + rs.getString(4));
                String check = rs.getString(3);
                if (check != null && !check.equals("NONE")) {
                    options.add("WITH " + check + " CHECK OPTION");
                }
                views.add(new View(MysqlInspector.name(name), definition, options,
                        dependencies(definition, tables, viewNames, functions, name), null));
            }
        }
        return views;
    }

    private static List<ObjectRef> dependencies(String definition, Set<String> tables, Set<String> views,
                                                Set<String> functions, String self) {
        List<ObjectRef> deps = new ArrayList<>();
        Matcher names = NAME.matcher(definition);
        while (names.find()) {
            String n = names.group(1).replace("``", "`");
            if (tables.contains(n)) {
                deps.add(ObjectRef.of(ObjectKind.TABLE, MysqlInspector.name(n)));
            } else if (views.contains(n) && !n.equals(self)) {
                deps.add(ObjectRef.of(ObjectKind.VIEW, MysqlInspector.name(n)));
            } else if (functions.contains(n)) {
                // A stored function the view calls: it must exist before CREATE VIEW.
                deps.add(Routine.refOf(MysqlInspector.name(n), ""));
            }
        }
        Matcher qualified = QUALIFIED.matcher(definition);
        while (qualified.find()) {
            String t = qualified.group(1).replace("``", "`");
            if (tables.contains(t)) {
                deps.add(ObjectRef.member(ObjectKind.COLUMN, MysqlInspector.name(t), qualified.group(2).replace("``", "`")));
            }
        }
        return deps;
    }
}
