package dev.converge.engine.spi;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.phase.ColumnSync;

/**
 * BoundedNameExpandContractSql is an {@link ExpandContractSql} whose sync objects are named the engine's
 * way ({@link ColumnSync#objectName}), cut to what the server's identifiers allow less what the dialect
 * appends to the name (a suffix per trigger, say): every dialect names them alike, so that the name of
 * a pair is the same wherever it is read back.
 */
public abstract class BoundedNameExpandContractSql implements ExpandContractSql {
    private final int maxName;

    /** @param maxName the longest name the dialect's sync objects may have */
    protected BoundedNameExpandContractSql(int maxName) {
        this.maxName = maxName;
    }

    @Override
    public final String syncName(QualifiedName table, String oldColumn, String newColumn) {
        return ColumnSync.objectName(table, oldColumn, newColumn, maxName);
    }
}
