package dev.converge.junit;

import javax.sql.DataSource;

/**
 * The fresh database a {@link ConvergeDatabase} test receives.
 *
 * @param name       the database's name (unique per run)
 * @param jdbcUrl    its JDBC URL, without credentials
 * @param user       the user the data source connects as
 * @param dataSource a pooled data source (with the credentials inside)
 */
public record TestDatabase(String name, String jdbcUrl, String user, DataSource dataSource) {
    @Override
    public String toString() {
        return name + " at " + jdbcUrl;
    }
}
