package dev.converge.dialect.mysql.sql;

import dev.converge.dialect.mysql.connect.ServerFlavor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ServerFacts says which ALTER TABLE operations a server runs INSTANT, from its flavor and version
 * (checked on MariaDB 10.11; MySQL's from its online DDL reference). The operations that differ:
 * adding and dropping a column anywhere (MariaDB 10.4+, MySQL 8.0.29+), moving a column (MariaDB
 * 10.4+; MySQL rebuilds in place), widening a VARCHAR within its length bytes, changing a column's
 * comment or attributes, a table comment or default charset, dropping a CHECK (MariaDB: INSTANT;
 * MySQL: in place without a rebuild), and renaming a column (MariaDB 10.5+, MySQL 8.0.28+).
 */
record ServerFacts(boolean mariadb, boolean instantAddDrop, boolean instantRename) {
    private static final Pattern PATCH = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Facts of a known server. */
    static ServerFacts of(ServerFlavor flavor) {
        int patch = patch(flavor.text());
        if (flavor.mariadb()) {
            return new ServerFacts(true, flavor.atLeast(10, 4), flavor.atLeast(10, 5));
        }
        boolean at8 = flavor.major() == 8 && flavor.minor() == 0;
        boolean newer = flavor.atLeast(8, 1);
        return new ServerFacts(false, newer || (at8 && patch >= 29), newer || (at8 && patch >= 28));
    }

    /** MariaDB 10.4+ as the baseline the dialect is tested on. */
    static final ServerFacts MARIADB = new ServerFacts(true, true, true);

    /** MySQL 8.0.29+ as the baseline the dialect is written for. */
    static final ServerFacts MYSQL = new ServerFacts(false, true, true);

    private static int patch(String version) {
        Matcher m = PATCH.matcher(version == null ? "" : version);
        return m.find() ? Integer.parseInt(m.group(3)) : 0;
    }
}
