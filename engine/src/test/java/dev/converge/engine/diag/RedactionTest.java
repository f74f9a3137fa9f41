package dev.converge.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void removesPasswordsFromUrlsAndJdbcQueryStrings() {
        assertEquals("bad 'postgresql://app:***@db:5432/shop' here",
                Redaction.passwords("bad 'postgresql://app:p%40ss:w0rd@db:5432/shop' here"));
        assertEquals("postgresql://app:***@h/db", Redaction.passwords("postgresql://app:p@ss@h/db"),
                "an unencoded '@' in the password is masked up to the last '@'");
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Redaction.passwords("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://h/db?PASSWORD=***", Redaction.passwords("jdbc:postgresql://h/db?PASSWORD=x"));
    }

    @Test
    void leavesTextWithoutPasswordsAlone() {
        String text = "postgresql://app@db/shop and https://example.com/a:b and postgresql://db:5432/x";
        assertEquals(text, Redaction.passwords(text));
        assertNull(Redaction.passwords(null));
    }
}
