package dev.converge.dialect.mysql.history;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.fleet.FleetTarget;
import dev.converge.engine.fleet.TargetConnections;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.testing.HistoryReadCountContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The history reads of a MySQL fleet, through the fleet's own pool with one connection (whose proxy is
 * new at every borrow), counted as the SELECTs the server counts for the session. Here the check of the
 * table was once three statements per read (the table, then its target columns twice in
 * information_schema).
 */
class MysqlHistoryQueryCountTest extends HistoryReadCountContract {
    @Override
    protected Database database(String prefix) {
        LocalMysql db = LocalMysql.create(prefix);
        TargetConnections pool = new TargetConnections(new MysqlDialect(), 1);
        FleetTarget tenant = new FleetTarget("prod", "t0", db.url(), db.database(), InspectScope.ALL);
        return new Database() {
            @Override
            public HistoryStore newStore() {
                return new MysqlHistoryStore();
            }

            @Override
            public Connection borrow() throws SQLException {
                return pool.open(tenant);
            }

            /** The session's count of SELECT statements (SHOW STATUS is not one of them). */
            @Override
            public long statements() throws SQLException {
                try (Connection c = pool.open(tenant); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SHOW SESSION STATUS LIKE 'Com_select'")) {
                    rs.next();
                    return rs.getLong(2);
                }
            }

            @Override
            public void close() {
                try (db) {
                    pool.close();
                }
            }
        };
    }
}
