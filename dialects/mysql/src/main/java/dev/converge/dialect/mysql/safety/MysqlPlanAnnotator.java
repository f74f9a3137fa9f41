package dev.converge.dialect.mysql.safety;

import dev.converge.dialect.mysql.MysqlSchema;
import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.LiveFacts;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.TableSize;
import dev.converge.engine.spi.PlanAnnotator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MysqlPlanAnnotator adds the target's facts to a MySQL plan, as PostgreSQL's does: the row estimate and
 * size of every table a locking step locks (information_schema.TABLES, one query: TABLE_ROWS is InnoDB's
 * estimate, DATA_LENGTH + INDEX_LENGTH the size), and, for every step that may fail on existing data,
 * a bounded, read-only probe ({@link MysqlProbes}, run by {@link MysqlProbeRunner}).
 */
public final class MysqlPlanAnnotator implements PlanAnnotator {
    private static final String SIZES = "SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'";

    private final Clock clock;

    public MysqlPlanAnnotator() {
        this(Clock.systemUTC());
    }

    MysqlPlanAnnotator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Plan annotate(Plan plan, Connection target, SchemaModel current, Options options) {
        if (plan.isEmpty()) {
            return plan;
        }
        LiveFacts facts = new LiveFacts(new MysqlProbes(CurrentTables.of(current))::of);
        try {
            Map<QualifiedName, TableSize> sizes = sizes(target, facts.tablesToMeasure(plan));
            MysqlProbeRunner runner = new MysqlProbeRunner(target, ServerFlavor.of(target), clock,
                    clock.instant().plus(options.budget()), options.sampleAbove(), options.rowValues());
            return facts.annotate(plan, sizes, options.checkData(), runner::run);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read table statistics of " + plan.target() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The sizes of the wanted tables of the target's database, in one query. */
    private static Map<QualifiedName, TableSize> sizes(Connection target, List<QualifiedName> wanted)
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
