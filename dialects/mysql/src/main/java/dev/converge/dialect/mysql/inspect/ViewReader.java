package dev.converge.dialect.mysql.inspect;

import dev.converge.dialect.mysql.MysqlIdentifiers;
import dev.converge.dialect.mysql.ProgramContext;
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
 * applies). The query keeps its character set introducers (SHOW CREATE VIEW) and the definition records
 * the character sets the view was created under ({@link ProgramContext}). A view depends on the tables, views, table columns and stored functions its query names.
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
                + ", CHARACTER_SET_CLIENT, COLLATION_CONNECTION"
                + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";
        List<String[]> rows = new ArrayList<>();
        List<View> views = new ArrayList<>();
        String qualifier = "`" + database.replace("`", "``") + "`.";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!viewNames.contains(name)) {
                    continue;
                }
                rows.add(new String[] {name, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)});
            }
        }
        for (String[] row : rows) {
            String name = row[0];
            {
                String query = queryAsWritten(connection, database, name, row[2]);
                String definition = new ProgramContext(null, row[5], row[6]).comment()
                        + (query != null ? query : row[1]).replace(qualifier, "");
                List<String> options = new ArrayList<>();
                String algo = row[4];
                if (algo != null && !algo.equals("UNDEFINED")) {
                    options.add("ALGORITHM=" + algo);
                }
                options.add("SQL SECURITY " + row[3]);
                String check = row[2];
                if (check != null && !check.equals("NONE")) {
                    options.add("WITH " + check + " CHECK OPTION");
                }
                views.add(new View(MysqlInspector.name(name), definition, options,
                        dependencies(definition, tables, viewNames, functions, name), null));
            }
        }
        return views;
    }

    /**
     * The query as SHOW CREATE VIEW prints it, one query per view: information_schema drops the
     * character set introducers of its literals ({@code _latin1'x'} becomes {@code 'x'}, which another
     * connection character set reads differently); SHOW CREATE VIEW keeps them. Null when the text
     * does not have the expected shape (then information_schema's text is used).
     */
    private static String queryAsWritten(Connection connection, String database, String view, String checkOption)
            throws SQLException {
        String create;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE VIEW " + MysqlIdentifiers.quote(view))) {
            if (!rs.next()) {
                return null;
            }
            create = rs.getString(2);
        }
        // With the view's database as the default one, the server leaves the database out of the name.
        String head = "VIEW " + MysqlIdentifiers.quote(database) + "." + MysqlIdentifiers.quote(view) + " AS ";
        int at = create.indexOf(head);
        if (at < 0) {
            head = "VIEW " + MysqlIdentifiers.quote(view) + " AS ";
            at = create.indexOf(head);
        }
        if (at < 0) {
            return null;
        }
        String query = create.substring(at + head.length());
        String check = " WITH " + checkOption + " CHECK OPTION";
        return query.endsWith(check) ? query.substring(0, query.length() - check.length()) : query;
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
