package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad desired input stops with file:line:col before the target is touched. */
class MysqlDesiredLoaderTest {
    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void aRejectedStatementIsReportedAtItsLineAndTheOthersStillLoad() throws Exception {
        try (LocalMysql db = LocalMysql.create("loader"); Connection c = db.connect()) {
            SourceFile file = new SourceFile("schema/app.sql", "CREATE TABLE ok (id INT PRIMARY KEY);\n\n"
                    + "CREATE TABLE bad (\n  id INT PRIMARY KEY,\n  name VARCHAR(10) NOT NULL DEFAULTT 'x'\n);\n");
            BadInputException e = assertThrows(BadInputException.class,
                    () -> dialect.loader().load(c, dialect.splitter().split(file)));
            Diagnostic d = e.diagnostics().get(0);
            assertEquals("schema/app.sql", d.span().file());
            assertEquals(5, d.span().line(), e.render());
            assertTrue(d.message().contains("syntax"), d.message());
            SchemaModel loaded = dialect.inspector().inspect(c, InspectScope.ALL);
            assertEquals(1, loaded.tables().size());
        }
    }

    @Test
    void badInputLeavesTheTargetUntouched(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE t (id INT PRIMARY KEY, x NOPE);\n");
        try (LocalMysql target = LocalMysql.create("badinput")) {
            target.execute("CREATE TABLE keep (id INT PRIMARY KEY);");
            try (Connection c = target.connect()) {
                SchemaModel before = dialect.inspector().inspect(c, InspectScope.ALL);
                BadInputException e = assertThrows(BadInputException.class, () -> new DesiredStateResolver(dialect)
                        .resolve(dir.toString(), ShadowSpec.SERVER, target.url(), dialect.version(c), InspectScope.ALL));
                assertTrue(e.diagnostics().get(0).span().file().endsWith("a.sql"), e.render());
                assertEquals(1, e.diagnostics().get(0).span().line());
                assertEquals(before, dialect.inspector().inspect(c, InspectScope.ALL));
            }
        }
    }
}
