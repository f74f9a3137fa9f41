package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactTest {
    @Test
    void removesPasswordsFromUrlsAndJdbcQueryStrings() {
        assertEquals("bad 'postgresql://app@db:5432/shop' here",
                Redact.passwords("bad 'postgresql://app:p%40ss:w0rd@db:5432/shop' here"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Redact.passwords("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://h/db?PASSWORD=***", Redact.passwords("jdbc:postgresql://h/db?PASSWORD=x"));
        assertEquals("postgresql://app@db/shop and https://example.com/a:b",
                Redact.passwords("postgresql://app@db/shop and https://example.com/a:b"), "nothing to redact");
    }
}
