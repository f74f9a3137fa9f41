package com.example.shop;

import static dev.converge.junit.ConvergeAssertions.assertConverged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.junit.ConvergeDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each test class gets a fresh embedded PostgreSQL database built from src/main/sql by Converge. */
@ConvergeDatabase(desired = "src/main/sql")
class OrdersTest {
    @Test
    void sumsTheOrdersOfACustomer(DataSource db) throws SQLException {
        Orders orders = new Orders(db);
        long ada = orders.addCustomer("ada@example.com");
        orders.place(ada, new BigDecimal("12.50"));
        orders.place(ada, new BigDecimal("7.50"));
        assertEquals(new BigDecimal("20.00"), orders.totalFor(ada));
    }

    @Test
    void theSchemaRefusesANegativeTotal(DataSource db) throws SQLException {
        Orders orders = new Orders(db);
        long bob = orders.addCustomer("bob@example.com");
        assertThrows(SQLException.class, () -> orders.place(bob, new BigDecimal("-1")));
    }

    @Test
    void theDatabaseIsTheSchemaWeWrote(DataSource db) {
        assertConverged(db, "src/main/sql");
    }
}
