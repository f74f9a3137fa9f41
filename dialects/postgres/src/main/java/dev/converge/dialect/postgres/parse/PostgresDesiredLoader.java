package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.source.SourceModel;
import dev.converge.grammar.source.Declaration;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.DesiredLoader;
import dev.converge.engine.spi.LoadAbandonedException;
import dev.converge.grammar.support.CreatedName;
import dev.converge.dialect.postgres.PostgresIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * PostgresDesiredLoader parses the desired-state statements (syntax, annotations, references; see
 * {@link SourceParser} and {@link LoadOrder}) and runs them in an empty shadow database as psql
 * would, file after file in path order, one at a time with autocommit on. Every problem becomes
 * one {@link BadInputException}, each error at its file:line:col.
 *
 * <p>Only what fails in order is moved: a statement the server rejects (a view before its table
 * in another file) is retried after the others, under the session settings in force where it is
 * written ({@link SessionState}), for as long as that makes progress. Nothing is moved across a
 * SET it depends on, and data statements (INSERT, UPDATE) run where they are written.
 *
 * <p>Once everything is loaded, the deparsed definitions are brought to the server's fixed point
 * ({@link SecondDeparse}), so that a plan never carries a step whose only difference is a second deparse.
 */
public final class PostgresDesiredLoader implements DesiredLoader {
    @Override
    public SourceModel parse(List<SqlStatement> statements) {
        SourceParser parser = new SourceParser();
        List<ParsedSource> parsed = parser.parse(statements);
        List<Diagnostic> problems = new ArrayList<>(parser.problems());
        AnnotatedObjects annotated = new AnnotatedObjects(parsed);
        problems.addAll(annotated.problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        // The dependency order finds reference cycles before any database; loading keeps file order.
        LoadOrder order = new LoadOrder(parsed);
        order.order();
        if (!order.problems().isEmpty()) {
            throw new BadInputException(order.problems());
        }
        return new SourceModel(order.fileOrder(), DeclarationRefs.of(parsed), annotated.renames, annotated.ignored, List.of(),
                annotated.allowed, DataStatements.of(order.fileOrder()), routineSettings(parsed));
    }

    /* The settings each routine is declared under, by schema and name, where the files changed any. */
    private static Map<QualifiedName, Map<String, String>> routineSettings(List<ParsedSource> parsed) {
        Map<QualifiedName, Map<String, String>> settings = new HashMap<>();
        for (ParsedSource s : parsed) {
            if (s.settings().isEmpty()) {
                continue;
            }
            for (Declaration d : s.parsed().declarations()) {
                if (d.kind().equals("function") || d.kind().equals("procedure")) {
                    List<String> parts = NameKey.of(d.space(), d.name(), s.defaultSchema()).parts();
                    settings.putIfAbsent(QualifiedName.of(parts.get(0), parts.get(1)), s.settings());
                }
            }
        }
        return settings;
    }

    /**
     * An embedded shadow has no role but its superuser: the roles that GRANT and REVOKE statements
     * name are created there (NOLOGIN), so that those statements load. Whether they exist on the
     * target is checked against the target when the plan is made; Converge never creates a role there.
     */
    @Override
    public void prepareCluster(Connection shadow, SourceModel source) {
        Set<String> roles = new TreeSet<>();
        source.loadOrder().forEach(statement -> roles.addAll(GranteeNames.of(statement.sql())));
        try (PreparedStatement exists = shadow.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?");
             Statement create = shadow.createStatement()) {
            for (String role : roles) {
                exists.setString(1, role);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        create.execute("CREATE ROLE " + PostgresIdentifiers.quote(role) + " NOLOGIN");
                    }
                }
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot create the roles " + roles
                    + " in the embedded shadow: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Diagnostic> unavailableExtensions(Connection shadow, SourceModel source) {
        try {
            return RequiredExtensions.unavailable(shadow, source.loadOrder());
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot read the shadow's available extensions: " + e.getMessage(), e);
        }
    }

    @Override
    public void load(Connection shadow, List<SqlStatement> statements) {
        load(shadow, parse(statements));
    }

    /** The load keeps file order and needs no parse ({@link LoadOrder#fileOrderUnparsed}). */
    @Override
    public Optional<SourceModel> loadableWithoutParse(List<SqlStatement> statements) {
        return Optional.of(SourceModel.unparsed(LoadOrder.fileOrderUnparsed(statements)));
    }

    @Override
    public void load(Connection shadow, SourceModel source) {
        load(shadow, source, () -> false);
    }

    /** Stops between batches, and between retries, once {@code abandoned} says so. */
    @Override
    public void load(Connection shadow, SourceModel source, BooleanSupplier abandoned) {
        List<SqlStatement> ordered = source.loadOrder();
        List<LoadFailure> failures;
        boolean autoCommit = true;
        try {
            autoCommit = shadow.getAutoCommit();
            // Autocommit: a shadow is throwaway, each statement stands alone (so one failure does not
            // abort the others), and CREATE INDEX CONCURRENTLY refuses to run inside a transaction.
            shadow.setAutoCommit(true);
            failures = runPasses(shadow, ordered, abandoned);
            if (failures.isEmpty()) {
                // First: the second deparse's own catalog queries profit from the statistics too.
                CatalogStatistics.refresh(shadow, ordered.size());
                SecondDeparse.settle(shadow);
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot load the desired state into the shadow database: " + e.getMessage(), e);
        } finally {
            closeOpenTransaction(shadow);
            restoreAutoCommit(shadow, autoCommit);
        }
        if (!failures.isEmpty()) {
            throw new BadInputException(explainCascades(failures).stream().map(LoadFailure::diagnostic).toList());
        }
    }

    /*
     * A statement that fails because another failed statement would have created what it needs
     * (a view over a table whose column type is misspelled) is not fixed by creating the object:
     * say so, and where, instead of "no desired-state file creates it".
     */
    static List<LoadFailure> explainCascades(List<LoadFailure> failures) {
        Map<String, LoadFailure> declaredByFailed = new HashMap<>();
        for (LoadFailure failure : failures) {
            CreatedName.of(failure.statement().sql()).ifPresent(name -> declaredByFailed.putIfAbsent(name, failure));
        }
        List<LoadFailure> explained = new ArrayList<>();
        for (LoadFailure failure : failures) {
            LoadFailure declarer = failure.missingName().map(declaredByFailed::get).orElse(null);
            explained.add(declarer == null || declarer == failure ? failure
                    : failure.withHint("it is declared at " + declarer.statement().span()
                            + ", which failed too; fix that first"));
        }
        return explained;
    }

    /**
     * Runs the statements in file order, as psql would, in batches where it can ({@link LoadBatches});
     * a statement that fails is set aside with the
     * session settings in force at its place, and retried after the others, under those settings,
     * for as long as a pass makes progress (the freedom to declare a view before its table in
     * another file). Returns what never ran. The session ends as it began.
     */
    private static List<LoadFailure> runPasses(Connection shadow, List<SqlStatement> ordered, BooleanSupplier abandoned)
            throws SQLException {
        SessionState start = SessionState.capture(shadow);
        List<Deferred> deferred = new ArrayList<>();
        SessionState session = start;
        boolean sessionChanged = false;
        int next = 0;
        while (next < ordered.size()) {
            LoadAbandonedException.throwIf(abandoned);
            int end = LoadBatches.end(ordered, next);
            List<SqlStatement> run = ordered.subList(next, Math.max(end, next + 1));
            next += run.size();
            if (run.size() > 1 && LoadBatches.run(shadow, run)) {
                for (SqlStatement statement : run) {
                    sessionChanged |= SessionState.changesSession(statement.sql());
                }
                continue;
            }
            closeOpenTransaction(shadow);
            // One at a time: a statement alone, or a batch the server refused (rolled back whole).
            for (SqlStatement statement : run) {
                LoadFailure failure = execute(shadow, statement);
                if (failure == null) {
                    sessionChanged |= SessionState.changesSession(statement.sql());
                    continue;
                }
                if (sessionChanged) {
                    session = SessionState.capture(shadow);
                    sessionChanged = false;
                }
                deferred.add(new Deferred(failure, session));
            }
        }
        List<LoadFailure> finalFailures = new ArrayList<>();
        SessionState inForce = null;
        while (!deferred.isEmpty()) {
            LoadAbandonedException.throwIf(abandoned);
            List<Deferred> failedAgain = new ArrayList<>();
            int tried = 0;
            for (Deferred d : deferred) {
                if (!d.failure().mayPassLater()) {
                    finalFailures.add(d.failure());
                    continue;
                }
                tried++;
                if (!d.session().equals(inForce)) {
                    d.session().restore(shadow);
                    inForce = d.session();
                }
                LoadFailure failure = execute(shadow, d.failure().statement());
                if (failure != null) {
                    failedAgain.add(new Deferred(failure, d.session()));
                }
            }
            boolean progress = failedAgain.size() < tried;
            if (!progress) {
                failedAgain.forEach(d -> finalFailures.add(d.failure()));
                break;
            }
            deferred = failedAgain;
        }
        start.restore(shadow);
        return finalFailures;
    }


    /** A statement that failed where it was written, and the session settings in force there. */
    private record Deferred(LoadFailure failure, SessionState session) {
    }

    /** Runs one statement; a server error about the statement is returned, anything else thrown. */
    private static LoadFailure execute(Connection shadow, SqlStatement statement) throws SQLException {
        try (Statement st = shadow.createStatement()) {
            // No JDBC escape processing: {fn ...} or {d '...'} in the SQL must reach the server as written.
            st.setEscapeProcessing(false);
            st.execute(statement.sql());
            return null;
        } catch (SQLException e) {
            if (!LoadFailure.isAboutTheStatement(e)) {
                throw e;
            }
            closeOpenTransaction(shadow);
            return LoadFailure.of(statement, e);
        }
    }

    /*
     * Autocommit mode leaves no transaction open unless the SQL opened one itself (BEGIN is skipped,
     * but a procedure or an odd statement might); the server reports the state after each command.
     */
    private static void closeOpenTransaction(Connection shadow) {
        try {
            if (shadow.isClosed()) {
                return;
            }
            BaseConnection pg = shadow.unwrap(BaseConnection.class);
            if (pg.getTransactionState() != TransactionState.IDLE) {
                try (Statement st = shadow.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot end the transaction on the shadow database: " + e.getMessage(), e);
        }
    }

    private static void restoreAutoCommit(Connection shadow, boolean autoCommit) {
        try {
            if (!shadow.isClosed() && shadow.getAutoCommit() != autoCommit) {
                shadow.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot restore autocommit on the shadow database: " + e.getMessage(), e);
        }
    }
}
