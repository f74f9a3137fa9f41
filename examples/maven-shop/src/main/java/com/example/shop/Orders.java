package com.example.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A tiny repository over the schema in src/main/sql: what the example's tests exercise. */
public final class Orders {
    private final DataSource db;

    public Orders(DataSource db) {
        this.db = db;
    }

    public long addCustomer(String email) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO customers (email) VALUES (?) RETURNING id")) {
            st.setString(1, email);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public long place(long customerId, BigDecimal total) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO orders (customer_id, total) VALUES (?, ?) RETURNING id")) {
            st.setLong(1, customerId);
            st.setBigDecimal(2, total);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public BigDecimal totalFor(long customerId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT coalesce(sum(total), 0) FROM orders WHERE customer_id = ?")) {
            st.setLong(1, customerId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
