package dev.converge.dialect.mysql.safety;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.Probe;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DataDependence marks a MySQL step DATA_DEPENDENT exactly when plan probes the target's data for it
 * ({@link MysqlProbes}): the hazard names what the data must satisfy, the probe says whether it does.
 */
final class DataDependence {
    private DataDependence() {
    }

    static void add(Change change, SchemaModel current, List<Hazard> hazards) {
        List<Probe> probes = new MysqlProbes(CurrentTables.of(current)).of(change);
        if (!probes.isEmpty()) {
            hazards.add(new Hazard(HazardCode.DATA_DEPENDENT, "fails unless "
                    + probes.stream().map(Probe::what).collect(Collectors.joining("; and "))
                    + " (plan checks the live data)"));
        }
    }
}
