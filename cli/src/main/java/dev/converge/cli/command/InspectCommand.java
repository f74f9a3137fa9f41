package dev.converge.cli.command;

import dev.converge.engine.workflow.Target;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.DialectRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * InspectCommand writes the live schema as desired-state SQL, so a team can adopt Converge on an
 * existing database. The SQL is the plan from an empty database to this one, so it is ordered and
 * quoted exactly as an apply would be, and fed back as the desired state it plans nothing.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Write the target's schema as desired-state SQL.")
public final class InspectCommand implements Callable<Integer> {
    /** Every new PostgreSQL database has it, so a desired state must not create it again. */
    private static final String DEFAULT_SCHEMA = "public";
    /** The comment PostgreSQL (13 and later) gives it; a desired state only says so when it differs. */
    private static final String DEFAULT_SCHEMA_COMMENT = "standard public schema";

    /*
     * The catalog does not keep the search path a routine body was written for, so the files cannot
     * say it; like pg_dump, they let the server skip the body check (it checked when the routine was
     * made), and the routines load back whatever order and search path the files end up in.
     * (PostgreSQL only: MySQL has no such setting, and a routine body there is not checked anyway.)
     */
    private static final String UNCHECKED_BODIES = "SET check_function_bodies = false";

    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write one file per schema (<schema>.sql) into DIR instead of printing.")
    private Path out;

    public InspectCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        try (Target db = Target.open(dialects, target.url)) {
            SchemaModel live = db.inspect(target.scope());
            Planner planner = Planner.of(db.dialect());
            Plan plan = planner.plan(emptyDatabaseLike(live), live, db.url().display());
            warnUnmanaged(live);
            Map<String, StringBuilder> bySchema = new TreeMap<>();
            boolean postgres = db.dialect().id().equals("postgres");
            for (PlanStep step : plan.steps()) {
                String schema = step.target().name().schema();
                StringBuilder sql = bySchema.computeIfAbsent(schema, s -> new StringBuilder());
                if (postgres && step.target().kind() == ObjectKind.ROUTINE && sql.indexOf(UNCHECKED_BODIES) < 0) {
                    sql.insert(0, UNCHECKED_BODIES + ";\n\n");
                }
                step.sql().forEach(statement -> sql.append(statement).append(";\n\n"));
            }
            if (out == null) {
                PrintWriter writer = spec.commandLine().getOut();
                bySchema.forEach((schema, sql) -> writer.print("-- schema " + schema + "\n\n" + sql));
                writer.flush();
            } else {
                write(bySchema);
            }
            return ExitCodes.OK;
        }
    }

    /** Objects Converge cannot write out yet are named on stderr, never left out silently. */
    private void warnUnmanaged(SchemaModel live) {
        if (live.unmanaged().isEmpty()) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("warning: " + live.unmanaged().size() + " objects are not managed by Converge yet and are"
                + " not in the output:");
        live.unmanaged().forEach(o -> err.println("  ? " + o));
        err.flush();
    }

    /**
     * What a freshly created database (and so the shadow) already holds: the public schema with its
     * stock comment. The live comment must not be copied here, or a changed one is never written out.
     */
    private static SchemaModel emptyDatabaseLike(SchemaModel live) {
        List<NamedSchema> schemas = live.schemas().stream().filter(s -> s.name().equals(DEFAULT_SCHEMA))
                .map(s -> new NamedSchema(DEFAULT_SCHEMA, DEFAULT_SCHEMA_COMMENT)).toList();
        return new SchemaModel(schemas, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private void write(Map<String, StringBuilder> bySchema) {
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, StringBuilder> entry : bySchema.entrySet()) {
                Path file = out.resolve(entry.getKey().replaceAll("[^A-Za-z0-9_.-]", "_") + ".sql");
                Files.writeString(file, entry.getValue().toString(), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println("wrote " + file);
            }
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot write to " + out + ": " + e.getMessage(), e);
        }
    }
}
