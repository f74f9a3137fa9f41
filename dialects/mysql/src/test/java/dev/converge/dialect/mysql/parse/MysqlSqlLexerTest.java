package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.testing.SqlLexerContract;
import org.junit.jupiter.api.Test;

/** Renames in text MySQL and MariaDB print, through the dialect's lexer (no server). */
class MysqlSqlLexerTest extends SqlLexerContract {
    MysqlSqlLexerTest() {
        super(new MysqlSqlLexer(), "(`status` <> _utf8mb4'it\\'s status') # status\n/* status */ -- status",
                new ColumnRename("(`status` <> _utf8mb4'bad status value') and `orders`.`status` > `other`.`status`",
                        "(`state` <> _utf8mb4'bad status value') and `orders`.`state` > `other`.`status`"));
    }

    @Test
    void aTableIsRenamedBareOrQualifiedByItsDatabase() {
        assertEquals("REFERENCES `purchases` (`id`), `shop`.`purchases`, `other`.`orders`, 'orders'",
                names.renameRelation("REFERENCES `orders` (`id`), `shop`.`orders`, `other`.`orders`, 'orders'",
                        orders, QualifiedName.of("shop", "purchases")));
    }
}
