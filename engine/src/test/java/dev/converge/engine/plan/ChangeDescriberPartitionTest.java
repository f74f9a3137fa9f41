package dev.converge.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.CreateTable;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A partition takes its columns from its parent: its step's title says so instead of "0 columns". */
class ChangeDescriberPartitionTest {
    @Test
    void aPartitionIsTitledAsThePartitionOfItsParent() {
        Table partition = new Table(QualifiedName.of("public", "events_2025"), List.of(), List.of(), null, List.of(),
                null, new Table.PartitionOf(QualifiedName.of("public", "events"), "FOR VALUES IN (1)"));
        assertEquals("create table public.events_2025 (partition of public.events)",
                ChangeDescriber.describe(new CreateTable(partition)));
    }

    @Test
    void aPlainTableIsTitledWithItsColumnCount() {
        Table table = new Table(QualifiedName.of("public", "events"), List.of(), List.of(), null);
        assertEquals("create table public.events (0 columns)", ChangeDescriber.describe(new CreateTable(table)));
    }
}
