package dev.converge.grammar.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the MySQL grammar reads from one statement: kind, declarations, references, and where they are. */
class MysqlSourceParserTest {
    private final MysqlSourceParser parser = new MysqlSourceParser();

    private static List<String> declared(ParsedStatement p) {
        return p.declarations().stream().map(d -> d.kind() + " " + d.name() + " @" + d.offset()).toList();
    }

    private static List<String> referenced(ParsedStatement p) {
        return p.references().stream().map(r -> r.name() + (r.required() ? "" : "?") + " @" + r.offset()).toList();
    }

    @Test
    void aTableDeclaresItsColumnsAndRequiresTheTablesOfItsForeignKeys() {
        ParsedStatement p = parser.parse("CREATE TABLE `order lines` (\n"
                + "  -- converge:renamed-from qty_old\n"
                + "  qty INT NOT NULL DEFAULT 1,\n"
                + "  # converge:allow DATA_LOSS\n"
                + "  `order` INT REFERENCES shop.orders (id) ON DELETE CASCADE,\n"
                + "  CONSTRAINT fk FOREIGN KEY (qty) REFERENCES `items` (id)\n"
                + ") ENGINE=InnoDB");
        assertEquals(StatementKind.CREATE_TABLE, p.kind());
        assertEquals(List.of("table order lines @13", "column order lines.qty @66", "column order lines.order @125"),
                declared(p));
        assertEquals(List.of("shop.orders @148", "items @229"), referenced(p));
        assertEquals("renamed-from", p.declarations().get(1).annotations().get(0).name());
        assertEquals("allow", p.declarations().get(2).annotations().get(0).name());
    }

    /** MariaDB's system versioning: the row period is two columns of the table, the PERIOD clause declares none. */
    @Test
    void aSystemVersionedTableDeclaresItsColumnsButNotItsPeriod() {
        ParsedStatement p = parser.parse("CREATE TABLE prices (\n"
                + "  amount INT,\n"
                + "  valid_from TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE,\n"
                + "  valid_to TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE,\n"
                + "  PERIOD FOR SYSTEM_TIME(valid_from, valid_to)\n"
                + ") WITH SYSTEM VERSIONING");
        assertEquals(StatementKind.CREATE_TABLE, p.kind());
        assertEquals(List.of("table prices @13", "column prices.amount @24", "column prices.valid_from @38",
                "column prices.valid_to @105"), declared(p));
    }

    /** The words the period clause made key words are still names where a name may stand. */
    @Test
    void periodStartAndEndStayNamesOfColumns() {
        ParsedStatement p = parser.parse("CREATE TABLE bookings (period INT, start DATE, `end` DATE,"
                + " PERIOD FOR stay(start, `end`))");
        assertEquals(List.of("table bookings @13", "column bookings.period @23", "column bookings.start @35",
                "column bookings.end @47"), declared(p));
    }

    @Test
    void indexesTriggersRoutinesAndEventsAreDeclaredUnderTheirTable() {
        assertEquals(List.of("index t.i_a @20"), declared(parser.parse("CREATE UNIQUE INDEX i_a ON t (a)")));
        ParsedStatement trigger = parser.parse("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER"
                + " tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END */");
        assertEquals(StatementKind.CREATE_TRIGGER, trigger.kind());
        assertEquals(List.of("trigger t.tr @65"), declared(trigger));
        assertEquals(List.of("procedure p @17"), declared(parser.parse("CREATE PROCEDURE p() BEGIN SELECT 1; END")));
        assertEquals(List.of("event e @13"), declared(parser.parse("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t")));
    }

    @Test
    void aViewReferencesWhatItReadsAsNamesThatMayBeCommonTableExpressions() {
        ParsedStatement p = parser.parse("CREATE OR REPLACE ALGORITHM=MERGE VIEW v AS SELECT * FROM a JOIN db.b USING (id)");
        assertEquals(List.of("view v @39"), declared(p));
        assertEquals(List.of("a? @58", "db.b? @65"), referenced(p));
    }

    @Test
    void statementsOfOtherKindsParseWithTheirKind() {
        assertEquals(StatementKind.SET, parser.parse("SET NAMES utf8mb4").kind());
        assertEquals(StatementKind.DROP, parser.parse("DROP TABLE IF EXISTS t").kind());
        assertEquals(StatementKind.OTHER_CREATE, parser.parse("CREATE DATABASE d").kind());
        assertEquals(StatementKind.OTHER_ALTER, parser.parse("ALTER DATABASE d CHARACTER SET utf8mb4").kind());
        assertEquals(StatementKind.OTHER, parser.parse("INSERT INTO t VALUES (1, ';')").kind());
        assertEquals(List.of("t @12", "p @59"), referenced(parser.parse(
                "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)")));
    }

    /** Random token soup never makes the parser throw; a problem is always inside the statement. */
    @Test
    void anyTextIsReadOrRefusedWithAPlace() {
        String[] words = {"CREATE", "TABLE", "VIEW", "t", "`x`", "(", ")", ",", "INT", "NOT", "NULL", "DEFAULT",
            "'s'", "1", "REFERENCES", "KEY", "PRIMARY", "AS", "SELECT", "FROM", ";", "ON", "INDEX", "TRIGGER",
            "BEGIN", "END", "=", "@", "/*!50003", "*/", "#c\n", "--", "\"q\"", "ALTER", "DROP"};
        Random random = new Random(17);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sql = new StringBuilder(random.nextBoolean() ? "CREATE TABLE t (" : "");
            int n = 1 + random.nextInt(20);
            for (int j = 0; j < n; j++) {
                sql.append(words[random.nextInt(words.length)]).append(' ');
            }
            ParsedStatement p = parser.parse(sql.toString());
            if (!p.isValid()) {
                int offset = p.problems().get(0).offset();
                assertTrue(offset >= 0 && offset <= sql.length(), sql + " -> " + offset);
                assertTrue(p.problems().get(0).message().startsWith("expected "), p.problems().get(0).message());
            }
        }
    }
}
