package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the loader does with each statement of a mysqldump file, read through its executable comments
 * by the grammar's lexer: a word in a comment or a string is never one of the statement's words.
 */
class StatementKindTest {
    static Stream<Arguments> statements() {
        return Stream.of(
                // session settings, plain or in executable comments; SET PASSWORD/ROLE act on accounts
                Arguments.of("SET sql_mode = 'ANSI_QUOTES'", StatementKind.SESSION),
                Arguments.of("/*!40101 SET NAMES utf8mb4 */", StatementKind.SESSION),
                Arguments.of("/*!50003 SET sql_mode = @saved_sql_mode */ ", StatementKind.SESSION),
                Arguments.of("SET PASSWORD FOR app = PASSWORD('x')", StatementKind.SKIPPED),
                Arguments.of("SET ROLE admin", StatementKind.SKIPPED),
                // client and transaction statements are not run; BEGIN NOT ATOMIC opens a compound statement
                Arguments.of("LOCK TABLES `t` WRITE", StatementKind.SKIPPED),
                Arguments.of("UNLOCK TABLES", StatementKind.SKIPPED),
                Arguments.of("USE shop", StatementKind.SKIPPED),
                Arguments.of("START TRANSACTION", StatementKind.SKIPPED),
                Arguments.of("/*!40101 START TRANSACTION */", StatementKind.SKIPPED),
                Arguments.of("START SLAVE", StatementKind.SCHEMA),
                Arguments.of("BEGIN", StatementKind.SKIPPED),
                Arguments.of("BEGIN NOT ATOMIC SELECT 1; END", StatementKind.SCHEMA),
                // data and schema statements
                Arguments.of("INSERT INTO `t` VALUES (1)", StatementKind.DATA),
                Arguments.of("-- rows\nREPLACE INTO t VALUES (1)", StatementKind.DATA),
                Arguments.of("--\tnote\nINSERT INTO t VALUES ('SET')", StatementKind.DATA),
                Arguments.of("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/"
                        + " /*!50003 TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 */", StatementKind.SCHEMA),
                Arguments.of("DROP TABLE IF EXISTS `t`", StatementKind.SCHEMA),
                Arguments.of("/*M!999999\\- enable the sandbox mode */", StatementKind.SCHEMA),
                Arguments.of("# INSERT the rows later\nCREATE TABLE t (a INT)", StatementKind.SCHEMA),
                Arguments.of("/* SET NAMES latin1 */ CREATE TABLE t (a INT)", StatementKind.SCHEMA));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void eachStatementHasItsKind(String sql, StatementKind kind) {
        assertEquals(kind, StatementKind.of(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TABLE c ADD CONSTRAINT f FOREIGN KEY (p) REFERENCES p (id)",
            "/*!40000 ALTER TABLE c ADD FOREIGN KEY (p) REFERENCES p (id) */"})
    void anAlterTableThatAddsAForeignKeyRunsWithChecksOn(String sql) {
        assertTrue(MysqlDesiredLoader.addsForeignKey(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE c (p INT, FOREIGN KEY (p) REFERENCES p (id))", "ALTER TABLE c ADD COLUMN q INT",
            "ALTER TABLE c COMMENT = 'no FOREIGN KEY here'"})
    void noOtherStatementRunsWithChecksOn(String sql) {
        assertFalse(MysqlDesiredLoader.addsForeignKey(sql), sql);
    }
}
