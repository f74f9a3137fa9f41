package dev.converge.engine.model;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * SchemaModel is everything Converge manages in one database (or in the schemas of it that a
 * project owns): the result of inspecting a live database or a shadow loaded from the desired
 * files. Every list is sorted by name on construction, so two models of the same schema are equal
 * and print the same, whatever order the catalog returned rows in.
 */
public record SchemaModel(List<NamedSchema> schemas, List<EnumType> enums, List<Sequence> sequences,
                          List<Table> tables, List<Index> indexes, List<ForeignKey> foreignKeys,
                          List<View> views) {
    public static final SchemaModel EMPTY =
            new SchemaModel(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public SchemaModel {
        schemas = sorted(schemas, NamedSchema::name);
        enums = sorted(enums, EnumType::name);
        sequences = sorted(sequences, Sequence::name);
        tables = sorted(tables, Table::name);
        indexes = sorted(indexes, Index::name);
        foreignKeys = foreignKeys.stream()
                .sorted(Comparator.comparing(ForeignKey::table).thenComparing(ForeignKey::name))
                .toList();
        views = sorted(views, View::name);
    }

    private static <T, K extends Comparable<? super K>> List<T> sorted(List<T> items, Function<T, K> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
