package dev.converge.dialect.postgres.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.Redaction;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // url                                                      | jdbcUrl                                   | user  | password | db   | host        | port
        "postgresql://app:s3cret@db.example:6543/shop                | jdbc:postgresql://db.example:6543/shop    | app   | s3cret   | shop | db.example  | 6543",
        "postgres://app:s3cret@db.example/shop                       | jdbc:postgresql://db.example:5432/shop    | app   | s3cret   | shop | db.example  | 5432",
        "postgresql://app@db.example/shop                            | jdbc:postgresql://db.example:5432/shop    | app   | -        | shop | db.example  | 5432",
        "postgresql:///shop                                          | jdbc:postgresql://localhost:5432/shop     | -     | -        | shop | localhost   | 5432",
        "postgresql://:7000/shop                                     | jdbc:postgresql://localhost:7000/shop     | -     | -        | shop | localhost   | 7000",
        "jdbc:postgresql://db.example:6543/shop?user=app&password=s3cret | jdbc:postgresql://db.example:6543/shop | app   | s3cret   | shop | db.example  | 6543",
        "jdbc:postgresql://db.example/shop                           | jdbc:postgresql://db.example:5432/shop    | -     | -        | shop | db.example  | 5432",
        "jdbc:postgresql:shop                                        | jdbc:postgresql://localhost:5432/shop     | -     | -        | shop | localhost   | 5432",
        "JDBC:PostgreSQL://h/shop?user=app                           | jdbc:postgresql://h:5432/shop             | app   | -        | shop | h           | 5432",
        "postgresql://u%40corp:p%3Aw%2Fd%40x@h:5433/my%20db          | jdbc:postgresql://h:5433/my%20db          | u@corp | p:w/d@x | my db | h          | 5433",
        "postgresql://app:p@ss@h/shop                                | jdbc:postgresql://h:5432/shop             | app   | p@ss     | shop | h           | 5432",
        "postgresql://app:a+b@h/shop?password=c%26d                  | jdbc:postgresql://h:5432/shop             | app   | c&d      | shop | h           | 5432",
        "postgresql://app:@h/shop                                    | jdbc:postgresql://h:5432/shop             | app   | -        | shop | h           | 5432",
        "postgresql://app@[::1]:5433/shop                            | jdbc:postgresql://[::1]:5433/shop         | app   | -        | shop | [::1]       | 5433",
    })
    void parsesEveryForm(String url, String jdbcUrl, String user, String password, String db, String host, int port) {
        DatabaseUrl parsed = PostgresUrls.parse(url);
        assertEquals(jdbcUrl, parsed.jdbcUrl());
        assertEquals(user, parsed.user());
        assertEquals(password, parsed.password());
        assertEquals(db, parsed.database());
        assertEquals(host, parsed.host());
        assertEquals(port, parsed.port());
        assertFalse(parsed.jdbcUrl().contains("user="), "jdbc URL carries no user");
        if (password != null) {
            assertFalse(parsed.jdbcUrl().contains(password), "jdbc URL carries no password");
            assertFalse(parsed.display().contains(password), "display shows no password: " + parsed.display());
            assertFalse(parsed.toString().contains(password));
        }
    }

    @Test
    void keepsOtherQueryParametersAsOptions() {
        DatabaseUrl parsed = PostgresUrls.parse(
                "postgresql://app:pw@h/shop?sslmode=require&user=other&options=-c%20search_path%3Dx&password=pw2");
        assertEquals(Map.of("sslmode", "require", "options", "-c search_path=x"), parsed.options());
        assertEquals("other", parsed.user(), "a user= parameter wins over the userinfo, as in libpq");
        assertEquals("pw2", parsed.password());
        assertEquals("require", parsed.properties().getProperty("sslmode"));
        assertEquals("postgresql://other@h:5432/shop", parsed.display());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://h/db", "postgresql://h/db", "postgres://h/db"})
    void acceptsPostgresSchemes(String url) {
        assertTrue(PostgresUrls.accepts(url), url);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"jdbc:mysql://h/db", "mysql://h/db", "postgresqlx://h/db"})
    void refusesEveryOtherScheme(String url) {
        assertFalse(PostgresUrls.accepts(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app:hunter2@h:5432", "postgresql://app:hunter2@h:5432/",
        "jdbc:postgresql://h/?user=app&password=hunter2", "postgres://app:hunter2@h"})
    void missingDatabaseIsAUsageErrorWithoutThePassword(String url) {
        ConvergeException e = assertThrows(ConvergeException.class, () -> PostgresUrls.parse(url));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("names no database"), e.getMessage());
        assertTrue(e.getMessage().contains("postgresql://user:password@host:5432/database"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void badPortAndForeignSchemeAreUsageErrorsWithoutThePassword() {
        ConvergeException port = assertThrows(ConvergeException.class,
                () -> PostgresUrls.parse("postgresql://app:hunter2@h:99999/db"));
        assertEquals(ErrorKind.USAGE, port.kind());
        assertTrue(port.getMessage().contains("99999"), port.getMessage());
        assertFalse(port.getMessage().contains("hunter2"), port.getMessage());
        ConvergeException scheme = assertThrows(ConvergeException.class,
                () -> PostgresUrls.parse("mysql://app:hunter2@h/db"));
        assertEquals(ErrorKind.USAGE, scheme.kind());
        assertFalse(scheme.getMessage().contains("hunter2"), scheme.getMessage());
    }

    @Test
    void redactHidesPasswordsInBothPlaces() {
        assertEquals("postgresql://app:***@h/db", Redaction.passwords("postgresql://app:p@ss@h/db"));
        assertEquals("jdbc:postgresql://h/db?user=a&password=***",
                Redaction.passwords("jdbc:postgresql://h/db?user=a&password=zz&x=1"));
        assertNull(PostgresUrls.parse("postgresql://h/db").user());
    }
}
