package dev.converge.dialect.postgres.history;

import dev.converge.dialect.postgres.PostgresIdentifiers;
import dev.converge.engine.apply.JdbcHistoryStore;
import dev.converge.engine.spi.HistoryTables;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * PostgresHistoryStore keeps one row per apply in {@code converge.history} on the target itself, and
 * one row per step event (done, failed, rolled back, undone) in {@code converge.checkpoints}, through
 * the engine's {@link JdbcHistoryStore}; this class says only how PostgreSQL creates those tables
 * (under an advisory lock), types their JSON columns ({@code jsonb}) and their instants
 * ({@code timestamptz}).
 */
public final class PostgresHistoryStore extends JdbcHistoryStore {
    static final String SCHEMA = InspectScope.BOOKKEEPING_SCHEMA;
    static final String TABLE = "\"" + SCHEMA + "\".\"history\"";
    static final String CHECKPOINTS = "\"" + SCHEMA + "\".\"checkpoints\"";

    /**
     * Arbitrary but fixed advisory lock key ("cvg" + 1) that serialises concurrent ensure() calls:
     * CREATE ... IF NOT EXISTS alone can still fail with a unique violation on the catalogs when two
     * sessions create the same schema at the same moment.
     */
    static final long ENSURE_LOCK = 0x63766701L;

    private static final String ENSURE = "SELECT pg_advisory_xact_lock(" + ENSURE_LOCK + ");\n"
            + "CREATE SCHEMA IF NOT EXISTS \"" + SCHEMA + "\";\n"
            + "CREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
            + "    id bigserial PRIMARY KEY,\n"
            + "    applied_at timestamptz NOT NULL,\n"
            + "    database_user text NOT NULL,\n"
            + "    desired_hash text NOT NULL,\n"
            + "    plan jsonb NOT NULL,\n"
            + "    outcome text NOT NULL,\n"
            + "    duration_ms bigint NOT NULL\n"
            + ");\n"
            // Added with checkpoints: upgrades a history made by an older version in place. Checked first,
            // because ALTER TABLE locks the table even when there is nothing to add.
            + "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = '" + SCHEMA + ".history'::regclass"
            + " AND attname = 'status') THEN ALTER TABLE " + TABLE + " ADD COLUMN status text NOT NULL DEFAULT"
            + " 'converged', ADD COLUMN git_commit text; END IF; END $$;\n"
            + "CREATE TABLE IF NOT EXISTS " + CHECKPOINTS + " (\n"
            + "    id bigserial PRIMARY KEY,\n"
            + "    apply_id bigint NOT NULL REFERENCES " + TABLE + " (id),\n"
            + "    step integer NOT NULL,\n"
            + "    step_id text NOT NULL,\n"
            + "    group_number integer NOT NULL,\n"
            + "    status text NOT NULL,\n"
            + "    started_at timestamptz NOT NULL,\n"
            + "    finished_at timestamptz NOT NULL,\n"
            + "    statement text NOT NULL,\n"
            + "    error text,\n"
            + "    fingerprint text\n"
            + ");\n"
            + "CREATE INDEX IF NOT EXISTS checkpoints_apply_id ON " + CHECKPOINTS + " (apply_id);\n"
            // Added for environments and tenants (converge.yaml): tenant schemas share their database's
            // history, so each row names its environment and target, with the desired snapshot drift needs.
            + "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = '" + SCHEMA + ".history'::regclass"
            + " AND attname = 'target') THEN ALTER TABLE " + TABLE + " ADD COLUMN environment text,"
            + " ADD COLUMN target text, ADD COLUMN desired_snapshot jsonb, ADD COLUMN remark text; END IF; END $$;\n"
            + "CREATE INDEX IF NOT EXISTS history_target ON " + TABLE + " (environment, target, id)";

    public PostgresHistoryStore() {
        super(new Tables());
    }

    private static final class Tables implements HistoryTables {
        @Override
        public String quote(String identifier) {
            return PostgresIdentifiers.quote(identifier);
        }

        @Override
        public void ensure(Connection connection) throws SQLException {
            // One statement string: in autocommit mode pgjdbc runs it as one implicit transaction, so the
            // advisory lock is held until the table exists; in the caller's transaction it is held to its end.
            try (Statement st = connection.createStatement()) {
                st.execute(ENSURE);
            }
        }

        @Override
        public boolean exists(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT to_regclass('" + SCHEMA + ".history') IS NOT NULL")) {
                rs.next();
                return rs.getBoolean(1);
            }
        }

        @Override
        public String jsonParameter() {
            return "?::jsonb";
        }

        @Override
        public String jsonText(String column) {
            return column + "::text";
        }

        @Override
        public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }

        @Override
        public Instant instant(ResultSet row, int index) throws SQLException {
            return row.getObject(index, OffsetDateTime.class).toInstant();
        }
    }
}
