package dev.converge.engine.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * TargetConnections hands out connections to fleet targets, never more at once than the
 * parallelism. Tenant schemas share their database, so they share one bounded HikariCP pool of it:
 * 1,000 tenants are planned over {@code parallelism} connections, opened once. A database-per-tenant
 * fleet connects to each tenant database once, for as long as that tenant's work takes; a pool per
 * database would only keep idle connections open on every tenant's server.
 */
public final class TargetConnections implements AutoCloseable {
    private final Dialect dialect;
    private final int poolSize;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    public TargetConnections(Dialect dialect, int poolSize) {
        this.dialect = dialect;
        this.poolSize = poolSize;
    }

    /** A connection to the target's database, in autocommit mode; close it to give it back. */
    public Connection open(FleetTarget target) {
        if (target.schema() == null) {
            return dialect.connect(target.url());
        }
        HikariDataSource pool = pools.computeIfAbsent(target.url().jdbcUrl(), u -> pool(target.url()));
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot connect to " + target.url().display() + ": "
                    + e.getMessage(), e);
        }
    }

    private HikariDataSource pool(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(new DialectDataSource(dialect, url));
        config.setPoolName("converge-" + url.database());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        // Inspections and applies of a whole fleet can queue for a while behind each other.
        config.setConnectionTimeout(600_000);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ConvergeException) {
                throw (ConvergeException) cause;
            }
            throw new ConvergeException(ErrorKind.ERROR, "cannot connect to " + url.display() + ": "
                    + cause.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }

    /** The dialect's own connect (credentials, options, clear errors) behind the DataSource HikariCP needs. */
    private record DialectDataSource(Dialect dialect, DatabaseUrl url) implements DataSource {
        @Override
        public Connection getConnection() {
            return dialect.connect(url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("credentials come from the target URL");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // nothing is logged through this
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the dialect's connector sets its own timeouts
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
