package dev.converge.engine.plan.phase;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.spi.ExpandContractSql;

/**
 * BackfillTask is one table's bounded rewrite that expand leaves to {@link Backfill}: walked by the
 * table's single-column key, one batch statement per key range, checkpointed under {@link #task()}.
 */
public interface BackfillTask {
    QualifiedName table();

    /** The table's single-column primary key. */
    String key();

    /** The key's type as the model holds it. */
    String keyType();

    /** The checkpoint's name: stable for the same work on the same table. */
    String task();

    /** For progress lines: {@code public.people.full_name -> display_name}. */
    String display();

    /** The dialect's statement for one batch (three parameters, as {@link ExpandContractSql#copyBatch}). */
    String batchStatement(ExpandContractSql sql);
}
