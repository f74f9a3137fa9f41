package dev.converge.junit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.api.ApplyOutcome;
import dev.converge.api.Converge;
import dev.converge.api.Desired;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * FreshDatabase is one uniquely named, empty database created on a server, then built from the
 * desired state by Converge's plan and apply (the shadow is a throwaway database on the same server,
 * so no second server starts). Closing closes its pool and drops it.
 *
 * @param database what the test sees: the database's name, URL and pool
 */
record FreshDatabase(DatabaseServer server, String name, HikariDataSource pool, TestDatabase database)
        implements AutoCloseable {

    static FreshDatabase create(DatabaseServer server, String desired) {
        String name = "converge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        run(server, "CREATE DATABASE " + quote(server, name));
        DatabaseUrl url = server.adminUrl().withDatabase(name);
        HikariDataSource pool = null;
        try {
            ApplyOutcome built = Converge.target(withCredentials(url)).serverShadow().apply(Desired.directory(Path.of(desired)));
            if (!built.converged()) {
                throw new ConvergeException(ErrorKind.ERROR, "the database built from " + desired
                        + " does not converge: a new plan still has " + built.remaining());
            }
            pool = pool(url);
            return new FreshDatabase(server, name, pool, new TestDatabase(name, url.jdbcUrl(), url.user(), pool));
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            drop(server, name);
            throw e;
        }
    }

    @Override
    public void close() {
        pool.close();
        drop(server, name);
    }

    private static HikariDataSource pool(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(url.properties());
        config.setMaximumPoolSize(4);
        config.setPoolName("converge-test-" + url.database());
        return new HikariDataSource(config);
    }

    /** The URL as Converge's API takes it, credentials in its query string (never printed: display() hides them). */
    private static String withCredentials(DatabaseUrl url) {
        StringBuilder raw = new StringBuilder(url.jdbcUrl()).append(url.jdbcUrl().contains("?") ? '&' : '?');
        raw.append("user=").append(encode(url.user() == null ? "" : url.user()));
        if (url.password() != null) {
            raw.append("&password=").append(encode(url.password()));
        }
        return raw.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void drop(DatabaseServer server, String name) {
        String force = server.dialect().id().equals("postgres") ? " WITH (FORCE)" : "";
        run(server, "DROP DATABASE IF EXISTS " + quote(server, name) + force);
    }

    private static String quote(DatabaseServer server, String name) {
        return server.dialect().id().equals("postgres") ? "\"" + name + "\"" : "`" + name + "`";
    }

    private static void run(DatabaseServer server, String sql) {
        try (Connection admin = server.dialect().connect(server.adminUrl()); Statement st = admin.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot run '" + sql + "' on " + server.adminUrl().display()
                    + ": " + e.getMessage(), e);
        }
    }
}
