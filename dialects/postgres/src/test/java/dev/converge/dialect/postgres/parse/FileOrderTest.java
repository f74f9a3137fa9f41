package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same statements spread over files in file order, in reverse and shuffled load in dependency
 * order and give the byte-identical plan (its JSON, without the file:line of each declaration,
 * which names the files and so differs by construction).
 */
class FileOrderTest {
    private final PostgresDialect dialect = new PostgresDialect();

    @TempDir
    Path dir;

    @Test
    void reversedAndShuffledFilesPlanIdentically() throws IOException, SQLException {
        String current = resource("convergence/90-shop-v1-to-v2/current.sql");
        List<String> statements = new PostgresStatementSplitter()
                .split(new SourceFile("desired.sql", resource("convergence/90-shop-v1-to-v2/desired.sql")))
                .stream().map(SqlStatement::sql).toList();
        List<String> reversed = new ArrayList<>(statements);
        Collections.reverse(reversed);
        List<String> shuffled = new ArrayList<>(statements);
        Collections.shuffle(shuffled, new Random(7));
        try (LocalPostgres db = LocalPostgres.create("file_order")) {
            db.execute(current);
            String inOrder = plan(db, write("forward", statements));
            assertEquals(inOrder, plan(db, write("reverse", reversed)));
            assertEquals(inOrder, plan(db, write("shuffled", shuffled)));
        }
    }

    /** One file per statement, named so that the directory's order is the list's order. */
    private Path write(String name, List<String> statements) throws IOException {
        Path sub = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < statements.size(); i++) {
            Files.writeString(sub.resolve(String.format("%02d.sql", i)), statements.get(i) + ";\n");
        }
        return sub;
    }

    private String plan(LocalPostgres db, Path desiredDir) throws SQLException {
        DatabaseUrl url = dialect.parseUrl(db.jdbcUrl());
        try (Connection target = dialect.connect(url)) {
            DesiredState desired = new DesiredStateResolver(dialect).resolve(desiredDir.toString(), ShadowSpec.SERVER,
                    url, dialect.version(target), InspectScope.ALL);
            SchemaModel current = dialect.inspector().inspect(target, InspectScope.ALL);
            String json = PlanJson.write(Planner.of(dialect).plan(current, desired.model(), "target", desired.source()));
            return json.replaceAll("(?m)^\\s*\"source\" : .*\\n", "");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FileOrderTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
