package dev.converge.dialect.postgres.convergence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * ConvergenceCase is one directory under {@code src/test/resources/convergence}: {@code current.sql}
 * (loaded into the target) and {@code desired.sql} (the desired state), or a {@code reverse-of} file
 * naming the case whose two states it swaps (with a desired.sql of its own, only the current state is
 * taken from that case); an optional {@code common.sql} that both states begin with
 * (the objects the case leaves alone, written once); an optional
 * {@code README} line, and an optional {@code column-order} flag file for cases where PostgreSQL cannot
 * put an added column where the desired files declare it.
 */
record ConvergenceCase(String name, Path dir) {
    static final String ROOT = "convergence";

    /** Every case directory, sorted by name so the suite runs in a stable order. */
    static List<ConvergenceCase> all() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(d -> new ConvergenceCase(d.getFileName().toString(), d)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConvergenceCase named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no convergence case " + name));
    }

    private static Path root() {
        URL url = ConvergenceCase.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException("no " + ROOT + " directory on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String currentSql() {
        return reverseOf().map(ConvergenceCase::desiredSql).orElseGet(() -> withCommon("current.sql"));
    }

    /** The case's own desired.sql, or, for a case that runs another backwards, that case's current state. */
    String desiredSql() {
        return reverseOf().filter(r -> !Files.exists(dir.resolve("desired.sql")))
                .map(ConvergenceCase::currentSql).orElseGet(() -> withCommon("desired.sql"));
    }

    /**
     * The text of one state: the case's {@code common.sql}, when it has one, then the state's own file,
     * as one text, so that both states are run and resolved exactly as if each file held it all (the
     * source lines of desired objects count from the first line of common.sql).
     */
    private String withCommon(String state) {
        Path common = dir.resolve("common.sql");
        return (Files.exists(common) ? read(common) : "") + read(dir.resolve(state));
    }

    /**
     * The case this one runs backwards, named by its optional {@code reverse-of} file (a case that
     * removes what another adds): its current state is that case's desired state and its desired
     * state that case's current state, so that the two states are written once. A case that goes back
     * to a state of its own (PostgreSQL cannot remove an enum label) keeps its own desired.sql.
     */
    private Optional<ConvergenceCase> reverseOf() {
        Path file = dir.resolve("reverse-of");
        return Files.exists(file) ? Optional.of(named(read(file).strip())) : Optional.empty();
    }

    /**
     * The placeholders of the roles the case grants to (its optional {@code roles} file, one a line):
     * the SQL says {@code {{reader}}}, the run creates a role with a unique name for it and manages it.
     */
    List<String> rolePlaceholders() {
        Path file = dir.resolve("roles");
        if (!Files.exists(file)) {
            return List.of();
        }
        return read(file).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * A fresh directory holding only a copy of {@code desired.sql}: the resolver reads every .sql file
     * of the directory it is given, and must not see current.sql.
     */
    Path desiredDir() {
        return desiredDir(sql -> sql);
    }

    /** The same, with {@code rewrite} applied to desired.sql (role placeholders replaced). */
    Path desiredDir(java.util.function.UnaryOperator<String> rewrite) {
        try {
            Path tmp = Files.createTempDirectory("converge-desired-" + name + "-");
            Files.writeString(tmp.resolve("desired.sql"), rewrite.apply(desiredSql()));
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when desired.sql holds definitions the server deparses differently on a second load (a
     * {@code second-deparse} flag file): the oracle is then desired.sql loaded, dumped and loaded again.
     */
    boolean secondDeparse() {
        return Files.exists(dir.resolve("second-deparse"));
    }

    boolean columnOrderMayDiffer() {
        return Files.exists(dir.resolve("column-order"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
