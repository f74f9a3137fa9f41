package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.testing.ConvergeRun;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.dialect.mysql.testing.MariadbClient;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.testing.CacheOffThenOn;
import dev.converge.engine.workflow.DesiredState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MySQL schemas of well-known projects in {@code ../shared/realworld} (read where they are,
 * never copied into the project), on the local MariaDB. For each: a reference database built by the
 * {@code mariadb} client; the file planned and applied to an empty database; a second plan empty; the
 * {@code mariadb-dump --no-data} of both equal (AUTO_INCREMENT counters aside, and the index lines of
 * each table compared as a set: MariaDB lists them in creation order, Converge creates them by name);
 * {@code converge inspect} of the reference planned against it empty; and an evolution of the file
 * (a column renamed by annotation, a column retyped, a column and a CHECK added, a table dropped, a new
 * table with a foreign key) that keeps the rows it should, equals the reference built from the evolved
 * file, and re-plans empty.
 */
@Tag("slow")
class MysqlRealWorldTest {
    /** A schema file and the evolution a team could make of it. */
    record Case(String name, String file, Evolution evolution) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * An evolution: rows put in the target first, text edits of the file (each must match exactly
     * once, so a changed file fails loudly), the table dropped, a new file, and the rows expected after.
     */
    record Evolution(String rows, List<String[]> edits, String droppedTable, String newFile, String check,
                     List<String> expected) {
    }

    static Stream<Case> schemas() {
        return Stream.of(
                new Case("icingadb", "icingadb/mysql/schema.sql", new Evolution(
                        "INSERT INTO customvar VALUES (UNHEX(REPEAT('01', 20)), UNHEX(REPEAT('02', 20)),"
                                + " UNHEX(REPEAT('03', 20)), 'os', 'linux'), (UNHEX(REPEAT('04', 20)),"
                                + " UNHEX(REPEAT('02', 20)), UNHEX(REPEAT('05', 20)), 'arch', 'x86_64')",
                        List.of(new String[] {"  value text NOT NULL,", "  -- converge:renamed-from value\n"
                                + "  content text NOT NULL,\n  scope varchar(20) DEFAULT NULL,\n"
                                + "  CONSTRAINT customvar_scope CHECK (scope <> ''),"},
                                new String[] {"  name varchar(255) COLLATE utf8mb4_unicode_ci NOT NULL,",
                                        "  name varchar(300) COLLATE utf8mb4_unicode_ci NOT NULL,"}),
                        "redundancy_group_state",
                        "CREATE TABLE customvar_note (\n  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
                                + "  customvar_id binary(20) NOT NULL,\n  CONSTRAINT customvar_note_customvar FOREIGN KEY"
                                + " (customvar_id) REFERENCES customvar (id) ON DELETE CASCADE\n)"
                                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;\n",
                        "SELECT CONCAT_WS(' ', name, content) FROM customvar ORDER BY name",
                        List.of("arch x86_64", "os linux"))),
                new Case("mediawiki", "mediawiki/mysql/tables-generated.sql", new Evolution(
                        "INSERT INTO category (cat_title, cat_pages, cat_subcats, cat_files) VALUES ('A', 5, 1, 7), ('B', 2, 0, 3)",
                        List.of(new String[] {"  cat_files INT DEFAULT 0 NOT NULL,",
                                "  -- converge:renamed-from cat_files\n  cat_media INT DEFAULT 0 NOT NULL,\n"
                                        + "  cat_note VARCHAR(40) DEFAULT NULL,\n  CONSTRAINT cat_counts CHECK (cat_subcats >= 0),"},
                                new String[] {"  cat_pages INT DEFAULT 0 NOT NULL,", "  cat_pages BIGINT DEFAULT 0 NOT NULL,"}),
                        "user_newtalk",
                        "CREATE TABLE category_watch (\n  cw_id INT UNSIGNED AUTO_INCREMENT NOT NULL PRIMARY KEY,\n"
                                + "  cw_cat INT UNSIGNED NOT NULL,\n  CONSTRAINT category_watch_cat FOREIGN KEY (cw_cat)"
                                + " REFERENCES category (cat_id) ON DELETE CASCADE\n);\n",
                        "SELECT CONCAT_WS(' ', cat_title, cat_pages, cat_subcats, cat_media) FROM category ORDER BY cat_title",
                        List.of("A 5 1 7", "B 2 0 3"))),
                new Case("roundcube", "roundcube/mysql.initial.sql", new Evolution(
                        "INSERT INTO users (username, mail_host, language) VALUES ('ann', 'imap', 'de_DE'), ('bob', 'imap', 'fr_FR')",
                        List.of(new String[] {" `language` varchar(16),", " -- converge:renamed-from language\n"
                                + " `locale` varchar(16),\n `note` varchar(40) DEFAULT NULL,\n"
                                + " CONSTRAINT `users_counter` CHECK (`failed_login_counter` < 1000),"},
                                new String[] {" `mail_host` varchar(128) NOT NULL,", " `mail_host` varchar(255) NOT NULL,"}),
                        "cache_shared",
                        "CREATE TABLE `user_notes` (\n `note_id` int(10) UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
                                + " `user_id` int(10) UNSIGNED NOT NULL,\n CONSTRAINT `user_id_fk_user_notes` FOREIGN KEY (`user_id`)"
                                + " REFERENCES `users` (`user_id`) ON DELETE CASCADE ON UPDATE CASCADE\n)"
                                + " ROW_FORMAT=DYNAMIC ENGINE=INNODB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n",
                        "SELECT CONCAT_WS(' ', username, mail_host, locale) FROM users ORDER BY username",
                        List.of("ann imap de_DE", "bob imap fr_FR"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void convergesAsTheClientLoadsIt(Case c, @TempDir Path dir) throws Exception {
        MariadbClient.assumeInstalled();
        Path file = realWorld().resolve(c.file());
        try (LocalMysql reference = LocalMysql.create("rw_ref"); LocalMysql target = LocalMysql.create("rw_target")) {
            MariadbClient.load(reference.database(), file);

            // The first plan with the normalization cache off, the second from a hit of it (issue 16).
            try (CacheOffThenOn normalized = ConvergeRun.normalizing(file, target)) {
                Plan plan = ConvergeRun.apply(target, normalized.fromShadow());
                assertTrue(plan.steps().size() > 10, ConvergeRun.describe(plan));
                Plan again = ConvergeRun.plan(target, normalized.fromCache());
                assertTrue(again.isEmpty(), "second plan:\n" + ConvergeRun.describe(again));
            }
            assertEquals(schemaDump(reference), schemaDump(target));

            Path inspected = Files.createDirectory(dir.resolve("inspected"));
            Files.writeString(inspected.resolve("db.sql"), ConvergeRun.inspect(reference));
            Plan fromInspect = ConvergeRun.plan(reference, ConvergeRun.desired(inspected, reference));
            assertTrue(fromInspect.isEmpty(), "inspect output against its source:\n" + ConvergeRun.describe(fromInspect));

            evolve(c, file, dir, target);
        }
    }

    private static void evolve(Case c, Path file, Path dir, LocalMysql target) throws Exception {
        Evolution e = c.evolution();
        target.execute(e.rows() + ";");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (String[] edit : e.edits()) {
            text = replaceOnce(text, edit[0], edit[1]);
        }
        Matcher dropped = Pattern.compile("(?s)CREATE TABLE (?:/\\*_\\*/)?`?" + Pattern.quote(e.droppedTable())
                + "`? \\(.*?\\)[^;]*;\\n").matcher(text);
        assertTrue(dropped.find(), "the file declares " + e.droppedTable());
        text = text.substring(0, dropped.start()) + text.substring(dropped.end());
        Path evolved = Files.createDirectory(dir.resolve("evolved"));
        Files.writeString(evolved.resolve("a_schema.sql"), text);
        Files.writeString(evolved.resolve("b_evolution.sql"), e.newFile());

        DesiredState desired = ConvergeRun.desired(evolved, target);
        Plan plan = ConvergeRun.apply(target, desired);
        assertTrue(plan.steps().stream().anyMatch(s -> s.description().contains("rename")), ConvergeRun.describe(plan));
        assertEquals(e.expected(), target.firstColumn(e.check()), "rows kept:\n" + ConvergeRun.describe(plan));
        Plan again = ConvergeRun.plan(target, desired);
        assertTrue(again.isEmpty(), "second plan after the evolution:\n" + ConvergeRun.describe(again));
        try (LocalMysql reference = LocalMysql.create("rw_evolved")) {
            MariadbClient.load(reference.database(), evolved.resolve("a_schema.sql"));
            MariadbClient.load(reference.database(), evolved.resolve("b_evolution.sql"));
            assertEquals(schemaDump(reference), schemaDump(target));
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "exactly one '" + from.strip() + "' in the file");
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /**
     * The dump without the lines that name the database or the dump itself, the index and constraint
     * lines of each CREATE TABLE sorted (their order is creation order), the trailing comma of each
     * such line dropped (it depends on the order).
     */
    static String schemaDump(LocalMysql db) {
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : MariadbClient.dump(db.database(), "--no-data").split("\n")) {
            String trimmed = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            if (trimmed.matches("\\s+(UNIQUE KEY|KEY|FULLTEXT KEY|SPATIAL KEY|CONSTRAINT) .*")) {
                block.add(trimmed);
                continue;
            }
            if (!block.isEmpty()) {
                block.sort(null);
                out.addAll(block);
                block.clear();
            }
            out.add(line.startsWith("  PRIMARY KEY") || line.matches("\\s+`.*") ? trimmed : line);
        }
        return String.join("\n", out);
    }

    /** {@code ../shared/realworld} beside the repository root, where CI and the worktrees have it. */
    static Path realWorld() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("engine")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        Path shared = dir == null ? null : dir.resolve("../shared/realworld").normalize();
        Assumptions.assumeTrue(shared != null && Files.isDirectory(shared),
                "../shared/realworld is not beside the repository root: the real-world schemas cannot be read");
        return shared;
    }
}
