package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.spi.ManagedShadow;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.dialect.postgres.connect.PostgresConnector;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DevShadow uses a database the user provides (--dev-url) as the shadow. It must hold no user
 * objects when the run starts, because close() empties it: every non-system schema is dropped and
 * {@code public}, if it was there, is recreated with its owner and grants.
 */
final class DevShadow extends ManagedShadow {
    /** Schemas the server owns; pg_toast, pg_temp_N and friends all start with "pg_". */
    static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    private static final String USER_OBJECTS = String.join("\nUNION ALL\n",
            "SELECT 'schema ' || quote_ident(n.nspname) FROM pg_namespace n WHERE " + USER_SCHEMA
                    + " AND n.nspname <> 'public'",
            "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'"
                    + " WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'type'"
                    + " ELSE 'table' END || ' public.' || quote_ident(c.relname)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
            // Row types of relations and array types come with other objects; report only the types users create.
            "SELECT 'type public.' || quote_ident(t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE n.nspname = 'public' AND t.typrelid = 0 AND t.typcategory <> 'A'",
            "SELECT 'function public.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid)"
                    + " || ')' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'",
            "SELECT 'extension ' || quote_ident(extname) FROM pg_extension WHERE extname <> 'plpgsql'")
            + "\nORDER BY 1";

    private final PostgresConnector connector;
    private final DatabaseUrl dev;
    private final PublicSchema publicSchema;

    private DevShadow(PostgresConnector connector, DatabaseUrl dev, PublicSchema publicSchema) {
        super("dev database " + dev.display());
        this.connector = connector;
        this.dev = dev;
        this.publicSchema = publicSchema;
    }

    static DevShadow open(PostgresConnector connector, DatabaseUrl dev) {
        Connection c = connector.connect(dev);
        try {
            c.setAutoCommit(true);
            List<String> found = userObjects(c);
            if (!found.isEmpty()) {
                throw new ConvergeException(ErrorKind.USAGE, "the dev database " + dev.display() + " is not empty: it"
                        + " holds " + summary(found) + ". Converge empties the dev database after every run, so"
                        + " point --dev-url at an empty database used for nothing else");
            }
            PublicSchema publicSchema = PublicSchema.capture(c);
            DevShadow shadow = new DevShadow(connector, dev, publicSchema);
            shadow.attach(c, shadow.description(), dev);
            return shadow;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already failing; the original error is the one to report.
            }
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new ConvergeException(ErrorKind.ERROR, "cannot inspect the dev database " + dev.display() + ": "
                    + e.getMessage(), e);
        }
    }

    /** "table public.t, schema app" and so on, sorted; what makes a dev database non-empty. */
    static List<String> userObjects(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(USER_OBJECTS)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static String summary(List<String> found) {
        int shown = Math.min(found.size(), 10);
        String text = String.join(", ", found.subList(0, shown));
        return found.size() > shown ? text + " and " + (found.size() - shown) + " more" : text;
    }

    @Override
    protected void release() throws SQLException {
        // A fresh connection: the one handed out may be mid-transaction or broken.
        try (Connection c = connector.connect(dev)) {
            c.setAutoCommit(true);
            List<String> schemas = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA
                         + " ORDER BY 1")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            try (Statement st = c.createStatement()) {
                for (String schema : schemas) {
                    st.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
                }
                // Extensions installed into a system schema survive the drops above.
                st.execute("DO $$DECLARE e record; BEGIN FOR e IN SELECT extname FROM pg_extension"
                        + " WHERE extname <> 'plpgsql' LOOP EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE',"
                        + " e.extname); END LOOP; END$$");
            }
            publicSchema.restore(c);
        }
    }

    @Override
    protected String cleanupAdvice() {
        return "; empty it by hand before the next run (drop its non-system schemas)";
    }
}
