package dev.converge.dialect.mysql.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The MySQL part of docs/safety.md is generated from the MySQL classifier; this test fails when the
 * committed part differs, and rewrites only that part when run with {@code -Dconverge.docs.write=true}
 * (placing it before "## Live statistics" when the page has none yet).
 */
class MysqlSafetyReferenceDocTest {
    /** Surefire runs in the module directory; docs/ is at the repository root. */
    private static final Path PAGE = Path.of("../../docs/safety.md");
    private static final String AFTER_PART = "## Live statistics";

    @Test
    void committedMysqlPartIsWhatTheCodeGenerates() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String generated = MysqlSafetyReference.markdown();
        String committed = MysqlSafetyReference.partOf(page);
        if (Boolean.getBoolean("converge.docs.write")) {
            page = committed != null ? page.replace(committed, generated)
                    : page.replace(AFTER_PART, generated + "\n" + AFTER_PART);
            Files.writeString(PAGE, page, StandardCharsets.UTF_8);
            committed = MysqlSafetyReference.partOf(page);
        }
        assertEquals(generated, committed, "the MySQL part of docs/safety.md differs from what the code generates."
                + " Regenerate it with:\n  mvn -q -o test -pl dialects/mysql -am -Dtest=MysqlSafetyReferenceDocTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dconverge.docs.write=true\nand commit docs/safety.md.");
    }
}
