package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * ForeignKeyIndexNames keeps the name of the index a foreign key uses when the key is added again
 * (its target or rules changed). MariaDB replaces an index it created by itself for an earlier key,
 * named after the column, with one named after the new constraint; a fresh database built from the
 * same files has the column's name. So the step that adds the key renames the index back
 * ({@code RENAME INDEX IF EXISTS}, MariaDB's: a no-op where the server kept the index, as it does an
 * index declared by hand). Only where the plan leaves that index alone.
 */
final class ForeignKeyIndexNames {
    private ForeignKeyIndexNames() {
    }

    static List<PlanStep> keep(List<PlanStep> steps, SchemaModel current) {
        List<PlanStep> result = new ArrayList<>(steps.size());
        for (PlanStep step : steps) {
            Index index = step.change() instanceof AddForeignKey add ? usedIndex(add.foreignKey(), current) : null;
            if (index == null || touched(index, steps)) {
                result.add(step);
                continue;
            }
            List<DdlStatement> statements = new ArrayList<>(step.statements());
            statements.add(DdlStatement.outsideTransaction(MysqlSqlGenerator.alterTable(index.table(),
                    "RENAME INDEX IF EXISTS " + quote(step.change() instanceof AddForeignKey add ? add.foreignKey().name() : "")
                            + " TO " + quote(IndexNames.serverName(index)))));
            result.add(step.withStatements(statements, step.inverse()));
        }
        return result;
    }

    /** The index of the key's table, before the plan, on exactly the key's columns, named otherwise. */
    private static Index usedIndex(ForeignKey key, SchemaModel current) {
        List<String> columns = key.columns().stream().map(c -> quote(c)).toList();
        return current.indexes().stream().filter(i -> i.table().equals(key.table()) && i.keys().equals(columns)
                && !IndexNames.serverName(i).equals(key.name())).findFirst().orElse(null);
    }

    private static boolean touched(Index index, List<PlanStep> steps) {
        return steps.stream().anyMatch(s -> (s.change() instanceof DropIndex drop && drop.index().name().equals(index.name()))
                || (s.change() instanceof ReplaceIndex replace && replace.to().name().equals(index.name())));
    }
}
