package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import org.junit.jupiter.api.Test;

/** Declarations written the way mysqldump writes them, inside executable comments. */
class MysqlDeclarationTest {
    @Test
    void aDumpedTriggerIsDeclaredThroughItsExecutableComments() {
        MysqlDeclaration d = MysqlDeclaration.of("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/"
                + " /*!50003 TRIGGER child_bi BEFORE INSERT ON child FOR EACH ROW BEGIN SET NEW.qty = 1; END */");
        assertEquals(ObjectRef.member(ObjectKind.TRIGGER, QualifiedName.of("db", "child"), "child_bi"), d.object());
    }

    @Test
    void aDumpedEventAndViewAreDeclared() {
        assertEquals(Routine.refOf(QualifiedName.of("db", "purge_old"), ""), MysqlDeclaration.of(
                "/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`%`*/ /*!50106 EVENT `purge_old` ON SCHEDULE EVERY 1 DAY"
                        + " DO DELETE FROM t */").object());
        assertEquals(ObjectRef.of(ObjectKind.VIEW, QualifiedName.of("db", "v")), MysqlDeclaration.of(
                "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`%` SQL SECURITY DEFINER */\n"
                        + "/*!50001 VIEW `v` AS select 1 AS `a` */").object());
    }
}
