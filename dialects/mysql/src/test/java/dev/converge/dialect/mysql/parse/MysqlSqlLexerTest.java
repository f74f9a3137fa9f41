package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.text.NameRewriter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Renames in text MySQL and MariaDB print, through the dialect's lexer (no server). */
class MysqlSqlLexerTest {
    private final MysqlSqlLexer lexer = new MysqlSqlLexer();
    private final NameRewriter names = new NameRewriter(lexer);
    private final QualifiedName orders = QualifiedName.of("shop", "orders");

    @Test
    void tokensGiveBackTheTextExactly() {
        String sql = "(`status` <> _utf8mb4'it\\'s status') # status\n/* status */ -- status";
        assertEquals(sql, lexer.tokens(sql).stream().map(SqlToken::text).collect(Collectors.joining()));
    }

    @Test
    void aColumnRenameTouchesNoStringAndKeepsTheBackquotes() {
        assertEquals("(`state` <> _utf8mb4'bad status value') and `orders`.`state` > `other`.`status`",
                names.renameColumn("(`status` <> _utf8mb4'bad status value') and `orders`.`status` > `other`.`status`",
                        orders, "status", "state"));
    }

    @Test
    void aTableIsRenamedBareOrQualifiedByItsDatabase() {
        assertEquals("REFERENCES `purchases` (`id`), `shop`.`purchases`, `other`.`orders`, 'orders'",
                names.renameRelation("REFERENCES `orders` (`id`), `shop`.`orders`, `other`.`orders`, 'orders'",
                        orders, QualifiedName.of("shop", "purchases")));
    }
}
