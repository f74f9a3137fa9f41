package dev.converge.dialect.mysql.safety;

import dev.converge.dialect.mysql.MysqlSchema;
import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.change.Change;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.LiveFacts;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.Probe;
import dev.converge.engine.safety.ProbeBudget;
import dev.converge.engine.safety.TableSize;
import dev.converge.engine.spi.LiveFactsAnnotator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * MysqlPlanAnnotator adds the target's facts to a MySQL plan, as PostgreSQL's does: the row estimate and
 * size of every table a locking step locks (information_schema.TABLES, one query: TABLE_ROWS is InnoDB's
 * estimate, DATA_LENGTH + INDEX_LENGTH the size), and, for every step that may fail on existing data,
 * a bounded, read-only probe ({@link MysqlProbes}, run by {@link MysqlProbeRunner}).
 */
public final class MysqlPlanAnnotator extends LiveFactsAnnotator {
    private static final String SIZES = "SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'";

    @Override
    protected Function<Change, List<Probe>> probes(Plan plan, SchemaModel current) {
        return new MysqlProbes(CurrentTables.of(current))::of;
    }

    @Override
    protected LiveFacts.ProbeRunner runner(Connection target, ProbeBudget budget) throws SQLException {
        return new MysqlProbeRunner(target, ServerFlavor.of(target), budget)::run;
    }

    /** The sizes of the wanted tables of the target's database, in one query. */
    @Override
    protected Map<QualifiedName, TableSize> sizes(Plan plan, Connection target, List<QualifiedName> wanted)
            throws SQLException {
        Map<QualifiedName, TableSize> sizes = new HashMap<>();
        if (wanted.isEmpty()) {
            return sizes;
        }
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery(SIZES)) {
            while (rs.next()) {
                QualifiedName name = QualifiedName.of(MysqlSchema.LOGICAL, rs.getString(1));
                if (wanted.contains(name)) {
                    long rows = rs.getLong(2);
                    sizes.put(name, new TableSize(rs.wasNull() ? -1 : rows, rs.getLong(3)));
                }
            }
        }
        return sizes;
    }
}
