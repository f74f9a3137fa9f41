package dev.converge.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Server texts and their redactions, by shape; RowValueRedactionTest in cli takes them from real servers. */
    static Stream<Arguments> serverTextsQuotingRowValues() {
        return Stream.of(
                arguments("ERROR: could not create unique index \"u\"\n  Detail: Key (email)=(a@b) is duplicated.",
                        "ERROR: could not create unique index \"u\"\n  Detail: Key (email)=(***) is duplicated."),
                // an expression key and a value with parentheses
                arguments("Key (lower(email), id)=(a (x) b, 3) already exists.",
                        "Key (lower(email), id)=(***) already exists."),
                arguments("Key (a)=(1) conflicts with existing key (a)=(3).",
                        "Key (a)=(***) conflicts with existing key (a)=(***)"),
                arguments("  Detail: Failing row contains (1, u1@x, null).\nnext line",
                        "  Detail: Failing row contains (***)\nnext line"),
                arguments("ERROR: invalid input syntax for type integer: \"12a\"",
                        "ERROR: invalid input syntax for type integer: \"***\""),
                arguments("ERROR: value \"99999999999\" is out of range for type integer",
                        "ERROR: value \"***\" is out of range for type integer"),
                arguments("Duplicate entry 'it's@x' for key 'email'", "Duplicate entry '***' for key 'email'"),
                arguments("Incorrect integer value: 'abc' for column `d`.`t`.`n` at row 1",
                        "Incorrect integer value: '***' for column `d`.`t`.`n` at row 1"));
    }

    @ParameterizedTest
    @MethodSource("serverTextsQuotingRowValues")
    void hidesRowValuesThatServerErrorsQuote(String serverText, String redacted) {
        assertEquals(redacted, Redaction.rowValues(serverText));
    }

    @Test
    void keepsTheNamesOfWhatFailedAndRedactsOnce() {
        String names = "ERROR: new row for relation \"t\" violates check constraint \"t_n_check\"";
        assertEquals(names, Redaction.rowValues(names), "names say what failed and stay");
        assertEquals("Key (a)=(***) is duplicated.", Redaction.rowValues(Redaction.rowValues("Key (a)=(1) is duplicated.")),
                "redacting twice changes nothing");
        assertNull(Redaction.text(null));
    }
}
