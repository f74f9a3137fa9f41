package dev.converge.engine.fleet;

import dev.converge.engine.change.Change;
import dev.converge.engine.plan.ChangeDescriber;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.DesiredLoader;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.Inspector;
import dev.converge.engine.spi.SafetyClassifier;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowFactory;
import dev.converge.engine.spi.SqlGenerator;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.StatementSplitter;
import dev.converge.engine.text.AnsiLexer;
import java.sql.Connection;
import java.util.List;

/**
 * OfflineDialect is the part of a dialect that planning needs when no server is asked: the ANSI test
 * lexer, a generator that writes each change as its description (the engine's own words, so a test
 * reads what was planned without any dialect's SQL) and a classifier that finds every change
 * additive. Whatever needs a server says so and fails, so a test that reaches it is wrong, not green.
 */
final class OfflineDialect implements Dialect {
    @Override
    public String id() {
        return "offline";
    }

    @Override
    public boolean acceptsUrl(String url) {
        return false;
    }

    @Override
    public DatabaseUrl parseUrl(String url) {
        throw needsServer("parseUrl");
    }

    @Override
    public Connection connect(DatabaseUrl url) {
        throw needsServer("connect");
    }

    @Override
    public ServerVersion version(Connection connection) {
        throw needsServer("version");
    }

    @Override
    public StatementSplitter splitter() {
        throw needsServer("splitter");
    }

    @Override
    public SqlLexer lexer() {
        return new AnsiLexer();
    }

    @Override
    public DesiredLoader loader() {
        throw needsServer("loader");
    }

    @Override
    public Inspector inspector() {
        throw needsServer("inspector");
    }

    @Override
    public SqlGenerator sqlGenerator() {
        return (Change change) -> List.of(DdlStatement.inTransaction(ChangeDescriber.describe(change)));
    }

    @Override
    public SafetyClassifier safetyClassifier() {
        return (change, current) -> Classification.of(true, List.of());
    }

    @Override
    public ShadowFactory shadows() {
        throw needsServer("shadows");
    }

    @Override
    public HistoryStore history() {
        throw needsServer("history");
    }

    private static UnsupportedOperationException needsServer(String what) {
        return new UnsupportedOperationException(what + " needs a server; the offline test dialect has none");
    }
}
