package dev.converge.engine.plan.phase;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.spi.ExpandContractSql;

/**
 * NullFill is the backfill of a column that contract will make NOT NULL: expand gives it its default
 * (so that the running release's inserts without it are filled), then its NULL rows take that
 * default in batches, so that contract's validation finds none.
 */
public record NullFill(QualifiedName table, String column, String key, String keyType) implements BackfillTask {
    public NullFill {
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        requireNonNull(key, "key is null");
        requireNonNull(keyType, "keyType is null");
    }

    @Override
    public String task() {
        return table.schema() + "." + table.name() + "." + column + "<-default";
    }

    @Override
    public String display() {
        return table.schema() + "." + table.name() + "." + column + ": NULL -> default";
    }

    @Override
    public String batchStatement(ExpandContractSql sql) {
        return sql.fillNullsBatch(table, key, keyType, column);
    }
}
