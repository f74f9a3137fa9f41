package dev.converge.dialect.postgres.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PasswordPostgres is an embedded PostgreSQL that checks passwords (scram-sha-256 for TCP
 * connections), with one login role {@code alice} whose password is {@link #PASSWORD}. The local test
 * server trusts everyone, so tests of wrong-password handling need a server of their own.
 */
public final class PasswordPostgres implements AutoCloseable {
    public static final String USER = "alice";
    public static final String PASSWORD = "right-pw";

    private final EmbeddedPostgres server;

    private PasswordPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts the server with its data directory under {@code dir}. */
    public static PasswordPostgres start(Path dir) throws IOException, SQLException {
        Path data = dir.resolve("data");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            Files.writeString(data.resolve("pg_hba.conf"),
                    "local all all trust\nhost all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n");
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new PasswordPostgres(server);
    }

    public int port() {
        return server.getPort();
    }

    /** {@code postgresql://alice:<password>@localhost:<port>/postgres}. */
    public String url(String password) {
        return "postgresql://" + USER + ":" + password + "@localhost:" + port() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
