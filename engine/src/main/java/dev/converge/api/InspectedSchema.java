package dev.converge.api;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.UnmanagedObject;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.spi.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A live schema written as desired-state SQL ({@link Converge#inspect()}, {@code converge inspect}),
 * so a team can adopt Converge on an existing database. The SQL is the plan from an empty database to
 * the live one, so it is ordered and quoted exactly as an apply would be, and fed back as the desired
 * state it plans nothing.
 */
public final class InspectedSchema {
    /** The group (and file {@code _database_.sql}) of the objects of no schema: casts, event triggers, publications. */
    public static final String DATABASE_OBJECTS = "(database)";

    private final Map<String, String> sqlBySchema;
    private final List<String> unmanaged;

    private InspectedSchema(Map<String, String> sqlBySchema, List<String> unmanaged) {
        this.sqlBySchema = Collections.unmodifiableMap(new TreeMap<>(sqlBySchema));
        this.unmanaged = List.copyOf(unmanaged);
    }

    /** The statements of {@code plan} (from a fresh database to {@code live}) grouped by schema. */
    static InspectedSchema of(Plan plan, SchemaModel live, Dialect dialect) {
        Map<String, StringBuilder> bySchema = new TreeMap<>();
        Optional<String> routinePreamble = dialect.routineFilePreamble();
        for (PlanStep step : plan.steps()) {
            String schema = step.target().name().schema().isEmpty() ? DATABASE_OBJECTS : step.target().name().schema();
            StringBuilder sql = bySchema.computeIfAbsent(schema, s -> new StringBuilder());
            if (routinePreamble.isPresent() && step.target().kind() == ObjectKind.ROUTINE
                    && sql.indexOf(routinePreamble.get()) < 0) {
                sql.insert(0, routinePreamble.get() + ";\n\n");
            }
            step.sql().forEach(statement -> sql.append(statement).append(";\n\n"));
        }
        Map<String, String> texts = new TreeMap<>();
        bySchema.forEach((schema, sql) -> texts.put(schema, sql.toString()));
        return new InspectedSchema(texts, live.unmanaged().stream().map(UnmanagedObject::toString).toList());
    }

    /** The SQL of each schema (and of {@link #DATABASE_OBJECTS}), by name in order. */
    public Map<String, String> sqlBySchema() {
        return sqlBySchema;
    }

    /** The objects Converge cannot write out yet, so not in the SQL: callers name them, never leave them out silently. */
    public List<String> unmanaged() {
        return unmanaged;
    }

    /** Every schema's SQL under a {@code -- schema NAME} heading, as {@code converge inspect} prints it. */
    public String text() {
        StringBuilder text = new StringBuilder();
        sqlBySchema.forEach((schema, sql) -> text.append("-- schema ").append(schema).append("\n\n").append(sql));
        return text.toString();
    }

    /**
     * Writes one file per schema ({@code NAME.sql}, characters other than letters, digits, {@code _.-}
     * as {@code _}) into {@code dir}, created if need be, telling {@code written} each file once it is
     * written: {@code converge inspect --out DIR}. A failure is a {@link ConvergeException}.
     */
    public void writeTo(Path dir, Consumer<Path> written) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> entry : sqlBySchema.entrySet()) {
                Path file = dir.resolve(entry.getKey().replaceAll("[^A-Za-z0-9_.-]", "_") + ".sql");
                Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
                written.accept(file);
            }
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }
}
