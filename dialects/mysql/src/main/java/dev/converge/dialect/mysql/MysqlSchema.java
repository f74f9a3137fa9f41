package dev.converge.dialect.mysql;

/**
 * MysqlSchema holds the one schema name the MySQL dialect uses in the engine's model. A MySQL
 * "schema" is a database, and Converge manages exactly the database the URL names; the shadow
 * database it is compared with has another, throwaway name. So both are inspected under the same
 * logical name, and the generated SQL never qualifies a name with a database: it runs on a
 * connection whose default database is the target.
 */
public final class MysqlSchema {
    /** The logical schema of every object of a MySQL model; shown in plans as {@code db.orders}. */
    public static final String LOGICAL = "db";

    private MysqlSchema() {
    }
}
