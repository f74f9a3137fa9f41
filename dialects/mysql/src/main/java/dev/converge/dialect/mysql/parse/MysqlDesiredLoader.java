package dev.converge.dialect.mysql.parse;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.DesiredLoader;
import dev.converge.grammar.source.MysqlSourceParser;
import dev.converge.grammar.source.ParsedStatement;
import dev.converge.grammar.support.LeadingWords;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MysqlDesiredLoader runs the desired statements in the shadow database in file order, each on its
 * own (DDL commits implicitly anyway), as the mysql client runs a file: the {@code SET} statements of
 * a file are in force for the statements after them in that file ({@link LoadSession}), so routines,
 * triggers, events and views are created under the sql_mode and character sets the file gives them.
 * Foreign-key checks are off, so a table may reference one a later file creates; a statement that
 * fails for another reason (a view over a view declared later) is retried in further passes, under
 * its own position's settings, while passes make progress. What still fails is reported as bad
 * input at file:line:col, and so is a foreign key whose table no file creates (MySQL accepts it with
 * checks off; the apply would fail). Nothing is applied to the target.
 */
public final class MysqlDesiredLoader implements DesiredLoader {
    /** "... near 'xyz' at line 3" in MySQL's syntax errors. */
    private static final Pattern AT_LINE = Pattern.compile("at line (\\d+)\\s*$");
    /** "Query was empty": a statement that is only an executable comment for a later server version. */
    private static final int EMPTY_QUERY = 1065;
    private static final MysqlSourceParser PARSER = new MysqlSourceParser();

    /** Declarations and {@code converge:} annotations, read without a database (see {@link MysqlSourceReader}). */
    @Override
    public SourceModel parse(List<SqlStatement> statements) {
        return new MysqlSourceReader().read(statements);
    }

    @Override
    public void load(Connection shadow, List<SqlStatement> statements) {
        Map<SqlStatement, List<SqlStatement>> settingsBefore = settingsBefore(statements);
        List<SqlStatement> pending = statements.stream().filter(s -> {
            StatementKind kind = StatementKind.of(s.sql());
            return kind == StatementKind.SCHEMA || kind == StatementKind.DATA;
        }).toList();
        List<Failure> failures;
        try {
            shadow.setAutoCommit(true);
            try (LoadSession session = new LoadSession(shadow)) {
                while (true) {
                    failures = new ArrayList<>();
                    for (SqlStatement statement : pending) {
                        Failure failure = execute(shadow, session, settingsBefore.get(statement), statement);
                        if (failure != null) {
                            failures.add(failure);
                        }
                    }
                    if (failures.isEmpty() || failures.size() == pending.size()) {
                        break;
                    }
                    pending = failures.stream().map(Failure::statement).toList();
                }
            }
            if (failures.isEmpty()) {
                failures = MissingReferencedTables.find(shadow, statements).stream()
                        .map(m -> new Failure(m.statement(), null, m.diagnostic())).toList();
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot load the desired state into the shadow database: " + e.getMessage(), e);
        }
        if (!failures.isEmpty()) {
            // distinct: a rejected SET is the failure of every statement after it
            throw new BadInputException(failures.stream().map(Failure::diagnostic).distinct().toList());
        }
    }

    /** For each statement, the {@code SET} statements before it in its own file, in order. */
    private static Map<SqlStatement, List<SqlStatement>> settingsBefore(List<SqlStatement> statements) {
        Map<SqlStatement, List<SqlStatement>> before = new IdentityHashMap<>();
        Map<String, List<SqlStatement>> byFile = new HashMap<>();
        for (SqlStatement statement : statements) {
            List<SqlStatement> settings = byFile.computeIfAbsent(statement.file().displayPath(), f -> List.of());
            before.put(statement, settings);
            if (StatementKind.of(statement.sql()) == StatementKind.SESSION) {
                List<SqlStatement> more = new ArrayList<>(settings);
                more.add(statement);
                byFile.put(statement.file().displayPath(), List.copyOf(more));
            }
        }
        return before;
    }

    /** True for an ALTER TABLE that adds a foreign key: it runs with checks on (see {@link LoadSession#enter}). */
    static boolean addsForeignKey(String sql) {
        // The first word first: only an ALTER is worth a parse.
        if (!LeadingWords.ofMysql(sql, 1).equals(List.of("ALTER"))) {
            return false;
        }
        // The grammar's references of an ALTER TABLE: the table it alters, then the table of each REFERENCES clause.
        ParsedStatement parsed = PARSER.parse(sql);
        return parsed.kind() == dev.converge.grammar.source.StatementKind.ALTER_TABLE && parsed.references().size() > 1;
    }

    private static Failure execute(Connection shadow, LoadSession session, List<SqlStatement> settings,
                                   SqlStatement statement) throws SQLException {
        SqlStatement badSetting = session.enter(settings, addsForeignKey(statement.sql()));
        if (badSetting != null) {
            return new Failure(statement, null, badSetting.diagnosticAt(0,
                    "the server rejected this session setting", "fix or remove the SET statement"));
        }
        try (Statement st = shadow.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(statement.sql());
            return null;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            if (e.getErrorCode() == EMPTY_QUERY) {
                return null;
            }
            return new Failure(statement, e, null);
        }
    }

    /** A statement that failed: with the server's error, or with a diagnostic made already. */
    private record Failure(SqlStatement statement, SQLException error, Diagnostic made) {
        Diagnostic diagnostic() {
            if (made != null) {
                return made;
            }
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            int offset = 0;
            Matcher m = AT_LINE.matcher(message);
            if (m.find()) {
                offset = offsetOfLine(statement.sql(), Integer.parseInt(m.group(1)));
            }
            return statement.diagnosticAt(offset, "the server rejected this statement: " + message,
                    "fix the statement; nothing was applied to the target");
        }

        private static int offsetOfLine(String sql, int line) {
            int offset = 0;
            for (int i = 1; i < line; i++) {
                int next = sql.indexOf('\n', offset);
                if (next < 0) {
                    return offset;
                }
                offset = next + 1;
            }
            return offset;
        }
    }
}
