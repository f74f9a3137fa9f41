package dev.converge.engine.spi;

import dev.converge.api.Dialects;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Redaction;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * DialectRegistry is the set of dialects on the class path. It is an instance built once by the
 * caller (no static registry), so tests can build one with exactly the dialects they want. The API
 * sees it as {@link Dialects}.
 */
public final class DialectRegistry implements Dialects {
    private final List<Dialect> dialects;

    public DialectRegistry(List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public static DialectRegistry fromServiceLoader() {
        return new DialectRegistry(ServiceLoader.load(Dialect.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    @Override
    public List<String> ids() {
        return dialects.stream().map(Dialect::id).toList();
    }

    /** The dialect that accepts this URL; a USAGE error naming the known schemes otherwise. */
    public Dialect forUrl(String url) {
        return dialects.stream().filter(d -> d.acceptsUrl(url)).findFirst().orElseThrow(() ->
                new ConvergeException(ErrorKind.USAGE, "no dialect accepts the URL '" + Redaction.passwords(url)
                        + "'; known dialects: " + dialects.stream().map(Dialect::id).collect(Collectors.joining(", "))
                        + " (for PostgreSQL use postgresql://user@host:port/db or jdbc:postgresql://host:port/db;"
                        + " for MySQL/MariaDB mysql://user@host:port/db or jdbc:mysql://host:port/db)"));
    }

    /** The dialect with this id ("postgres"). */
    public Dialect byId(String id) {
        return dialects.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() ->
                new ConvergeException(ErrorKind.USAGE, "no dialect '" + id + "' on the class path"));
    }
}
