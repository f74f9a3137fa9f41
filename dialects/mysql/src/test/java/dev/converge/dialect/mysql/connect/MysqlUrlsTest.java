package dev.converge.dialect.mysql.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import org.junit.jupiter.api.Test;

class MysqlUrlsTest {
    @Test
    void jdbcFormWithUserInTheQuery() {
        DatabaseUrl url = MysqlUrls.parse("jdbc:mysql://db.example:3307/shop?user=app&password=s3cret&useSSL=true");
        assertEquals("jdbc:mysql://db.example:3307/shop", url.jdbcUrl());
        assertEquals("app", url.user());
        assertEquals("s3cret", url.password());
        assertEquals("shop", url.database());
        assertEquals("true", url.options().get("useSSL"));
        assertFalse(url.display().contains("s3cret"));
    }

    @Test
    void nativeMysqlAndMariadbForms() {
        DatabaseUrl url = MysqlUrls.parse("mariadb://root:pw@127.0.0.1/app");
        assertEquals("jdbc:mysql://127.0.0.1:3306/app", url.jdbcUrl());
        assertEquals("root", url.user());
        assertEquals("pw", url.password());
        // Issue 14, item 14: a URL written for MariaDB is shown as one, though the MySQL driver runs it.
        assertEquals("mariadb://root@127.0.0.1:3306/app", url.display());
        assertEquals("jdbc:mysql://localhost:3306/x", MysqlUrls.parse("jdbc:mariadb://localhost/x").jdbcUrl());
        assertEquals("mariadb://u@localhost:3306/x", MysqlUrls.parse("jdbc:mariadb://localhost/x?user=u").display());
        assertEquals("mariadb://localhost:3306/y",
                MysqlUrls.parse("JDBC:MariaDB://localhost/x").withDatabase("y").display());
        assertEquals("mysql://localhost:3306/x", MysqlUrls.parse("jdbc:mysql://localhost/x").display());
        assertTrue(MysqlUrls.accepts("mysql://h/db"));
        assertFalse(MysqlUrls.accepts("postgresql://h/db"));
    }

    @Test
    void missingDatabaseAndBadPortAreUsageErrorsWithoutThePassword() {
        ConvergeException e = assertThrows(ConvergeException.class, () -> MysqlUrls.parse("mysql://u:topsecret@h:3306/"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        ConvergeException port = assertThrows(ConvergeException.class, () -> MysqlUrls.parse("mysql://h:99999/db"));
        assertTrue(port.getMessage().contains("99999"));
    }

    @Test
    void emptyUserMeansDriverDefault() {
        assertNull(MysqlUrls.parse("jdbc:mysql://h/db?user=").user());
    }

    @Test
    void versionsOfBothServersParse() {
        ServerFlavor maria = ServerFlavor.parse("10.11.19-MariaDB-0+deb12u1");
        assertTrue(maria.mariadb());
        assertEquals(10, maria.major());
        assertEquals(11, maria.minor());
        ServerFlavor mysql = ServerFlavor.parse("8.0.36");
        assertFalse(mysql.mariadb());
        assertTrue(mysql.hasFunctionalIndexes());
        assertFalse(maria.hasFunctionalIndexes());
    }
}
