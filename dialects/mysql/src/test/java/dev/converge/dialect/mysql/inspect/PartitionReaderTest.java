package dev.converge.dialect.mysql.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.model.Table;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitioning is read into the table options, one for the method and one per partition, as CREATE TABLE takes them. */
class PartitionReaderTest {
    private static List<String> partitioning(LocalMysql db, String table) throws Exception {
        try (Connection c = db.connect()) {
            Table t = new MysqlDialect().inspector().inspect(c, InspectScope.ALL).tables().stream()
                    .filter(x -> x.name().name().equals(table)).findFirst().orElseThrow();
            return t.options().stream().filter(o -> o.startsWith("PARTITION")).toList();
        }
    }

    @Test
    void everyMethodIsReadAsCreateTableTakesIt() throws Exception {
        try (LocalMysql db = LocalMysql.create("partitions")) {
            db.execute("CREATE TABLE r (id int NOT NULL, d date NOT NULL) PARTITION BY RANGE (YEAR(d))"
                    + " (PARTITION p1 VALUES LESS THAN (2020) COMMENT 'it''s old', PARTITION p2 VALUES LESS THAN MAXVALUE);"
                    + "CREATE TABLE rc (a int NOT NULL, b varchar(5) NOT NULL) PARTITION BY RANGE COLUMNS (a, b)"
                    + " (PARTITION `p 1` VALUES LESS THAN (10, 'm'), PARTITION p2 VALUES LESS THAN (MAXVALUE, MAXVALUE));"
                    + "CREATE TABLE l (r int) PARTITION BY LIST (r) (PARTITION pn VALUES IN (1, 2), PARTITION ps VALUES IN (NULL));"
                    + "CREATE TABLE h (id int) PARTITION BY LINEAR HASH (id + 1) PARTITIONS 2;"
                    + "CREATE TABLE k (id int PRIMARY KEY) PARTITION BY KEY () PARTITIONS 2;"
                    + "CREATE TABLE s (id int, d date) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (TO_DAYS(d))"
                    + " SUBPARTITIONS 2 (PARTITION p0 VALUES LESS THAN (1990), PARTITION p1 VALUES LESS THAN MAXVALUE);"
                    + "CREATE TABLE plain (id int);");
            assertEquals(List.of("PARTITION BY RANGE (year(`d`))", "PARTITION `p1` VALUES LESS THAN (2020) COMMENT = 'it''s old'",
                    "PARTITION `p2` VALUES LESS THAN MAXVALUE"), partitioning(db, "r"));
            assertEquals(List.of("PARTITION BY RANGE COLUMNS(`a`,`b`)", "PARTITION `p 1` VALUES LESS THAN (10,'m')",
                    "PARTITION `p2` VALUES LESS THAN (MAXVALUE,MAXVALUE)"), partitioning(db, "rc"));
            assertEquals(List.of("PARTITION BY LIST (`r`)", "PARTITION `pn` VALUES IN (1,2)", "PARTITION `ps` VALUES IN (NULL)"),
                    partitioning(db, "l"));
            assertEquals(List.of("PARTITION BY LINEAR HASH (`id` + 1)", "PARTITION `p0`", "PARTITION `p1`"), partitioning(db, "h"));
            assertEquals(List.of("PARTITION BY KEY ()", "PARTITION `p0`", "PARTITION `p1`"), partitioning(db, "k"));
            assertEquals(List.of("PARTITION BY RANGE (year(`d`)) SUBPARTITION BY HASH (to_days(`d`)) SUBPARTITIONS 2",
                    "PARTITION `p0` VALUES LESS THAN (1990)", "PARTITION `p1` VALUES LESS THAN MAXVALUE"), partitioning(db, "s"));
            assertEquals(List.of(), partitioning(db, "plain"));
        }
    }
}
