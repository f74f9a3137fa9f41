package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the loader does with each statement of a mysqldump file, read through its executable comments. */
class StatementKindTest {
    @Test
    void sessionSettingsPlainOrInExecutableComments() {
        assertEquals(StatementKind.SESSION, StatementKind.of("SET sql_mode = 'ANSI_QUOTES'"));
        assertEquals(StatementKind.SESSION, StatementKind.of("/*!40101 SET NAMES utf8mb4 */"));
        assertEquals(StatementKind.SESSION, StatementKind.of("/*!50003 SET sql_mode = @saved_sql_mode */ "));
        assertEquals(StatementKind.SKIPPED, StatementKind.of("SET PASSWORD FOR app = PASSWORD('x')"));
        assertEquals(StatementKind.SKIPPED, StatementKind.of("SET ROLE admin"));
    }

    @Test
    void clientAndTransactionStatementsAreNotRun() {
        assertEquals(StatementKind.SKIPPED, StatementKind.of("LOCK TABLES `t` WRITE"));
        assertEquals(StatementKind.SKIPPED, StatementKind.of("UNLOCK TABLES"));
        assertEquals(StatementKind.SKIPPED, StatementKind.of("USE shop"));
        assertEquals(StatementKind.SKIPPED, StatementKind.of("START TRANSACTION"));
        assertEquals(StatementKind.SKIPPED, StatementKind.of("BEGIN"));
        assertEquals(StatementKind.SCHEMA, StatementKind.of("BEGIN NOT ATOMIC SELECT 1; END"));
    }

    @Test
    void dataAndSchemaStatements() {
        assertEquals(StatementKind.DATA, StatementKind.of("INSERT INTO `t` VALUES (1)"));
        assertEquals(StatementKind.DATA, StatementKind.of("-- rows\nREPLACE INTO t VALUES (1)"));
        assertEquals(StatementKind.SCHEMA, StatementKind.of("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/"
                + " /*!50003 TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 */"));
        assertEquals(StatementKind.SCHEMA, StatementKind.of("DROP TABLE IF EXISTS `t`"));
        assertEquals(StatementKind.SCHEMA, StatementKind.of("/*M!999999\\- enable the sandbox mode */"));
    }

    /** The grammar's lexer reads the first words: a word in a comment or a string is not one of them. */
    @Test
    void wordsInCommentsAndStringsAreNotTheStatementsWords() {
        assertEquals(StatementKind.SCHEMA, StatementKind.of("# INSERT the rows later\nCREATE TABLE t (a INT)"));
        assertEquals(StatementKind.SCHEMA, StatementKind.of("/* SET NAMES latin1 */ CREATE TABLE t (a INT)"));
        assertEquals(StatementKind.DATA, StatementKind.of("--\tnote\nINSERT INTO t VALUES ('SET')"));
        assertEquals(StatementKind.SKIPPED, StatementKind.of("/*!40101 START TRANSACTION */"));
        assertEquals(StatementKind.SCHEMA, StatementKind.of("START SLAVE"));
    }

    @Test
    void onlyAnAlterTableThatAddsAForeignKeyRunsWithChecksOn() {
        assertTrue(MysqlDesiredLoader.addsForeignKey("ALTER TABLE c ADD CONSTRAINT f FOREIGN KEY (p) REFERENCES p (id)"));
        assertTrue(MysqlDesiredLoader.addsForeignKey("/*!40000 ALTER TABLE c ADD FOREIGN KEY (p) REFERENCES p (id) */"));
        assertFalse(MysqlDesiredLoader.addsForeignKey("CREATE TABLE c (p INT, FOREIGN KEY (p) REFERENCES p (id))"));
        assertFalse(MysqlDesiredLoader.addsForeignKey("ALTER TABLE c ADD COLUMN q INT"));
        assertFalse(MysqlDesiredLoader.addsForeignKey("ALTER TABLE c COMMENT = 'no FOREIGN KEY here'"));
    }
}
