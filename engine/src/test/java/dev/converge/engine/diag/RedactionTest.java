package dev.converge.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void removesPasswordsFromUrlsAndJdbcQueryStrings() {
        assertEquals("bad 'postgresql://app:***@db:5432/shop' here",
                Redaction.passwords("bad 'postgresql://app:p%40ss:w0rd@db:5432/shop' here"));
        assertEquals("postgresql://app:***@h/db", Redaction.passwords("postgresql://app:p@ss@h/db"),
                "an unencoded '@' in the password is masked up to the last '@'");
        assertEquals("jdbc:postgresql://h/db?user=u&password=***",
                Redaction.passwords("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true"),
                "the value runs to the next blank: a raw '&' may belong to the password");
        assertEquals("jdbc:postgresql://h/db?PASSWORD=***", Redaction.passwords("jdbc:postgresql://h/db?PASSWORD=x"));
    }

    /** The shapes no URL parser accepts, from issue 14: the redactor reads shapes, not URLs. */
    @Test
    void hidesThePasswordOfUrlsNoParserAccepts() {
        assertEquals("error: no dialect accepts the URL 'postgresql:***@db:5432/x'",
                Redaction.passwords("error: no dialect accepts the URL 'postgresql:/app:S3cret@db:5432/x'"));
        assertEquals("postgresql:***@db/x", Redaction.passwords("postgresql:app:PW@db/x"));
        assertEquals("mysql:***@h/d", Redaction.passwords("mysql:/root:PW@h/d"));
        assertEquals("mariadb//root:***@h/d", Redaction.passwords("mariadb//root:PW@h/d"));
        assertEquals("--from=postgresql:***@h/d", Redaction.passwords("--from=postgresql://u:PW@h/d"),
                "an option glued to the URL is not a scheme: the user is hidden too, never the password shown");
        assertEquals("jdbc:mysql://root:***@h/d", Redaction.passwords("jdbc:mysql://root:PW@h/d"));
        assertEquals("'postgresql://app:***@h/d'", Redaction.passwords("'postgresql://app:it's@h/d'"),
                "a quote inside a password is part of it");
    }

    @Test
    void hidesPasswordParametersAndJdbcProperties() {
        for (String text : List.of("host=h password=PW dbname=d", "host=h pass=PW", "x;pwd=PW;user=u",
                "{user=u, password=PW}", "jdbc:mysql://h/d?trustStorePassword=PW", "sslpassword = PW",
                "mysql://h/d?user=root&PASSWORD=PW&x=1")) {
            String redacted = Redaction.passwords(text);
            assertFalse(redacted.contains("PW"), text + " -> " + redacted);
        }
        assertEquals("host=h password=*** dbname=d", Redaction.passwords("host=h password=PW dbname=d"));
    }

    @Test
    void leavesTextWithoutPasswordsAlone() {
        String text = "postgresql://app@db/shop and https://example.com/a:b and postgresql://db:5432/x";
        assertEquals(text, Redaction.passwords(text));
        assertNull(Redaction.passwords(null));
    }
}
