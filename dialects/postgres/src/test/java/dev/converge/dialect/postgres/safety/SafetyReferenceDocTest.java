package dev.converge.dialect.postgres.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/safety.md is generated from the code; this test fails when the committed page differs, and
 * rewrites it when run with {@code -Dconverge.docs.write=true}.
 */
class SafetyReferenceDocTest {
    /** Surefire runs in the module directory; docs/ is at the repository root. */
    private static final Path PAGE = Path.of("../../docs/safety.md");

    @Test
    void committedPageIsWhatTheCodeGenerates() throws IOException {
        // The MySQL part is the MySQL module's (MysqlSafetyReferenceDocTest); it is kept as it is.
        String generated = SafetyReference.markdown(Files.readString(PAGE, StandardCharsets.UTF_8));
        if (Boolean.getBoolean("converge.docs.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(PAGE, StandardCharsets.UTF_8),
                "docs/safety.md differs from what the code generates. Regenerate it with:\n"
                        + "  mvn -q -o test -pl dialects/postgres -am -Dtest=SafetyReferenceDocTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dconverge.docs.write=true\n"
                        + "and commit docs/safety.md.");
    }
}
