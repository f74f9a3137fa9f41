package dev.converge.engine.plan.phase;

import dev.converge.engine.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;

/**
 * ParallelChange is one open parallel change of a target: expand made it, contract has not closed it.
 * Each kind is read back from the target alone, by the marker on Converge's own objects (a column
 * sync's triggers, the view under a renamed table's old name), so status, drift and contract agree on
 * the state between the phases without any file.
 */
public interface ParallelChange {
    /** What the change is, for people: {@code public.people.full_name -> display_name}. */
    String display();

    /** Every open parallel change of a target: its column syncs, then the old names of its renamed tables. */
    static List<ParallelChange> open(SchemaModel model) {
        List<ParallelChange> all = new ArrayList<>(ColumnSync.of(model));
        all.addAll(OldNameView.of(model));
        return all;
    }
}
