package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.Rename;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.spi.ServerVersion;
import java.util.Optional;

/**
 * AlterModes chooses the ALTER TABLE algorithm and lock of each change on an existing table: the
 * one source of truth for what the generator pins in the statement and what the safety classifier
 * says of it. INSTANT where the server can, then INPLACE with LOCK=NONE, else COPY with LOCK=SHARED.
 * The choice depends on the server (see {@link ServerFacts}; for an unknown server, the mode both
 * MariaDB and MySQL accept) and on the table as it is before the plan: a table of another engine
 * than InnoDB is always copied, and so is one with MariaDB's UNIQUE ... USING HASH index; a FULLTEXT
 * index or ROW_FORMAT=COMPRESSED rules out INSTANT column changes. Checked on MariaDB 10.11, which refuses a pinned algorithm it cannot use.
 */
public final class AlterModes {
    private final ServerFacts server;

    private AlterModes(ServerFacts server) {
        this.server = server;
    }

    /** The modes of a known server version, or, when {@code version} is null, those both flavors accept. */
    public static AlterModes of(ServerVersion version) {
        return new AlterModes(version == null ? null : ServerFacts.of(ServerFlavor.parse(version.text())));
    }

    /**
     * The mode of a change, or empty when it is no ALTER TABLE clause (CREATE/DROP/RENAME TABLE, views)
     * or its table does not exist before the plan (a new table is empty: the server's choice costs nothing).
     */
    public Optional<AlterMode> of(Change change, SchemaModel current) {
        QualifiedName tableName = tableOf(change);
        Table table = tableName == null ? null : current.tables().stream()
                .filter(t -> t.name().equals(tableName)).findFirst().orElse(null);
        if (table == null) {
            return Optional.empty();
        }
        TableFacts facts = TableFacts.of(table, current);
        if (server != null) {
            return mode(change, facts, server);
        }
        Optional<AlterMode> mariadb = mode(change, facts, ServerFacts.MARIADB);
        Optional<AlterMode> mysql = mode(change, facts, ServerFacts.MYSQL);
        return mariadb.map(m -> mysql.map(m::with).orElse(m));
    }

    /** True when the server is known to be MariaDB (its own syntax may be used). */
    public boolean mariadb() {
        return server != null && server.mariadb();
    }

    /** The table a change alters with ALTER TABLE, or null. */
    static QualifiedName tableOf(Change change) {
        if (change instanceof AddColumn c) {
            return c.table();
        } else if (change instanceof DropColumn c) {
            return c.table();
        } else if (change instanceof AlterColumn c) {
            return c.table();
        } else if (change instanceof AddConstraint c) {
            return c.table();
        } else if (change instanceof DropConstraint c) {
            return c.table();
        } else if (change instanceof CreateIndex c) {
            return c.index().table();
        } else if (change instanceof ReplaceIndex c) {
            return c.to().table();
        } else if (change instanceof DropIndex c) {
            return c.index().table();
        } else if (change instanceof AddForeignKey c) {
            return c.foreignKey().table();
        } else if (change instanceof DropForeignKey c) {
            return c.foreignKey().table();
        } else if (change instanceof AlterTableOptions c) {
            return c.table();
        } else if (change instanceof SetComment c && c.object().kind() == ObjectKind.TABLE) {
            return c.object().name();
        } else if (change instanceof Rename c && c.from().kind() == ObjectKind.COLUMN) {
            return c.from().name();
        }
        return null;
    }

    private static Optional<AlterMode> mode(Change change, TableFacts table, ServerFacts server) {
        if (!table.innodb()) {
            return Optional.of(AlterMode.copy("the " + table.engine() + " table is copied for any change (COPY)"));
        }
        boolean dropsIndex = change instanceof DropIndex;
        if (table.hashIndex() && !dropsIndex) {
            // MariaDB keeps a UNIQUE ... USING HASH index in a hidden VIRTUAL column, which only COPY rebuilds.
            return Optional.of(AlterMode.copy("a table with a UNIQUE ... USING HASH index is copied for any change (COPY)"));
        }
        return Optional.ofNullable(innodb(change, table, server));
    }

    private static AlterMode innodb(Change change, TableFacts table, ServerFacts server) {
        if (change instanceof AddColumn add) {
            if (table.virtualColumns() && !table.last(add.after())) {
                // MariaDB 10.11: "INPLACE ADD or DROP of virtual columns cannot be combined with other actions".
                return AlterMode.copy("adding a column before a VIRTUAL column copies the table (COPY)");
            }
            return addColumn(add.column(), table, server);
        } else if (change instanceof DropColumn drop) {
            if (table.indexes(drop.column().name())) {
                return table.fulltext() ? AlterMode.rebuild("dropping an indexed column").writesWait()
                        : AlterMode.rebuild("dropping an indexed column rebuilds the table (INPLACE)");
            }
            return columnLayout("dropping a column", table, server);
        } else if (change instanceof AlterColumn alter) {
            AlterMode move = alter.kinds().contains(ColumnChangeKind.POSITION)
                    ? (server.mariadb() ? columnLayout("moving a column", table, server)
                    : AlterMode.rebuild("moving a column rebuilds the table (INPLACE)")) : null;
            if (alter.kinds().equals(java.util.Set.of(ColumnChangeKind.POSITION))) {
                return move;
            }
            AlterMode other = alterColumn(alter, server);
            return move == null ? other : other.with(move);
        } else if (change instanceof AddConstraint add) {
            return add.constraint().kind() == ConstraintKind.PRIMARY_KEY
                    ? AlterMode.rebuild("adding a primary key rebuilds the table (INPLACE)")
                    : AlterMode.copy("adding a CHECK constraint copies the table (COPY) to check every row");
        } else if (change instanceof DropConstraint drop) {
            if (drop.constraint().kind() == ConstraintKind.PRIMARY_KEY) {
                return AlterMode.copy("dropping a primary key copies the table (COPY)");
            }
            return server.mariadb() ? AlterMode.instant("dropping a CHECK") : AlterMode.inplace("dropping a CHECK");
        } else if (change instanceof CreateIndex || change instanceof ReplaceIndex) {
            String method = change instanceof CreateIndex create ? create.index().method()
                    : ((ReplaceIndex) change).to().method();
            if (method.equals("HASH")) {
                return AlterMode.copy("a UNIQUE ... USING HASH index (a hidden hash column) copies the table (COPY)");
            }
            if (method.equals("FULLTEXT") || method.equals("SPATIAL")) {
                return AlterMode.inplace("a " + method + " index build (LOCK=SHARED)").writesWait();
            }
            return AlterMode.inplace("builds the index in place (INPLACE, LOCK=NONE)");
        } else if (change instanceof DropIndex) {
            return AlterMode.inplace("dropping an index");
        } else if (change instanceof AddForeignKey) {
            // With foreign_key_checks on, the server checks the rows by copying the table.
            return AlterMode.copy("adding a foreign key copies the table (COPY) to check every row");
        } else if (change instanceof DropForeignKey) {
            return AlterMode.inplace("dropping a foreign key");
        } else if (change instanceof AlterTableOptions options) {
            return tableOptions(options, server);
        } else if (change instanceof SetComment) {
            return server.mariadb() ? AlterMode.instant("a table comment") : AlterMode.inplace("a table comment");
        } else if (change instanceof Rename) {
            return server.instantRename() ? AlterMode.instant("renaming a column")
                    : AlterMode.inplace("renaming a column");
        }
        return null;
    }

    private static AlterMode addColumn(Column column, TableFacts table, ServerFacts server) {
        if (column.identity() != Identity.NONE) {
            return AlterMode.copy("adding an AUTO_INCREMENT column copies the table (COPY) to number the rows");
        }
        if (column.generatedExpression() != null && column.generatedExpression().endsWith(" STORED")) {
            return AlterMode.copy("adding a STORED generated column copies the table (COPY) to compute it");
        }
        return columnLayout("adding a column", table, server);
    }

    /**
     * Adding, dropping and moving a column are INSTANT on the servers that can, unless the table has a
     * FULLTEXT index (then in place while writes wait) or a compressed row format (in place).
     */
    private static AlterMode columnLayout(String what, TableFacts table, ServerFacts server) {
        if (table.fulltext()) {
            return AlterMode.rebuild(what + " to a table with a FULLTEXT index rebuilds it (INPLACE)").writesWait();
        }
        if (table.compressed() || !server.instantAddDrop()) {
            return AlterMode.rebuild(what + " rebuilds the table (INPLACE)");
        }
        return AlterMode.instant(what);
    }

    private static AlterMode alterColumn(AlterColumn alter, ServerFacts server) {
        ColumnTypeChange type = new ColumnTypeChange(alter.from(), alter.to());
        if (alter.kinds().contains(ColumnChangeKind.TYPE) && type.headChanged()) {
            if (!type.instant() || alter.kinds().contains(ColumnChangeKind.COLLATION)) {
                return AlterMode.copy("changing the type copies the table (COPY)");
            }
            if (!server.mariadb() && type.widensVarchar()) {
                return AlterMode.inplace("a longer VARCHAR");
            }
        }
        if (alter.kinds().contains(ColumnChangeKind.COLLATION) || alter.kinds().contains(ColumnChangeKind.IDENTITY)) {
            return AlterMode.copy("changing the " + (alter.kinds().contains(ColumnChangeKind.IDENTITY)
                    ? "AUTO_INCREMENT property" : "collation") + " copies the table (COPY)");
        }
        if (type.checkChanged()) {
            return AlterMode.copy("a new column CHECK copies the table (COPY) to check every row");
        }
        if (type.keepsACheck()) {
            return AlterMode.copy("MODIFY COLUMN states the column's CHECK again, which copies the table (COPY)");
        }
        if (alter.kinds().contains(ColumnChangeKind.NOT_NULL)) {
            return AlterMode.rebuild((alter.to().notNull() ? "setting" : "dropping") + " NOT NULL rebuilds the table (INPLACE)");
        }
        boolean defaultOnly = alter.kinds().stream().allMatch(k -> k == ColumnChangeKind.DEFAULT
                || k == ColumnChangeKind.POSITION);
        // A new default, comment, ON UPDATE or visibility is metadata only; MySQL pins INSTANT for defaults alone.
        return server.mariadb() || defaultOnly ? AlterMode.instant("a column attribute")
                : AlterMode.inplace("a column attribute");
    }

    /**
     * A new engine copies the table; a new row format or block size rebuilds it; new defaults are
     * metadata. Partition operations take no ALGORITHM clause: nothing is pinned when they are part of
     * the change (see {@link PartitionChange} for what they cost).
     */
    private static AlterMode tableOptions(AlterTableOptions change, ServerFacts server) {
        if (!PartitionChange.of(change.from(), change.to()).isEmpty()) {
            return null;
        }
        var changed = change.to().stream().filter(o -> !change.from().contains(o)).toList();
        if (changed.stream().anyMatch(o -> o.startsWith("ENGINE="))) {
            return AlterMode.copy("a new storage engine copies the table (COPY)");
        }
        if (changed.stream().anyMatch(o -> !o.startsWith("DEFAULT CHARSET=") && !o.startsWith("COLLATE="))
                || change.from().size() > change.to().size()) {
            return AlterMode.rebuild("a new row format or block size rebuilds the table (INPLACE)");
        }
        return server.mariadb() ? AlterMode.instant("new table defaults") : AlterMode.rebuild("new table defaults");
    }

    /** True when the table has a VIRTUAL generated column. */
    static boolean hasVirtualColumn(Table table) {
        return table.columns().stream().anyMatch(c -> c.generatedExpression() != null
                && c.generatedExpression().endsWith(" VIRTUAL"));
    }

    /** What the mode depends on in the table as it is before the plan. */
    record TableFacts(String engine, boolean compressed, boolean fulltext, boolean hashIndex, String keyText,
                      boolean virtualColumns, String lastColumn) {
        static TableFacts of(Table table, SchemaModel current) {
            String engine = option(table, "ENGINE=", "InnoDB");
            boolean compressed = option(table, "ROW_FORMAT=", "").equalsIgnoreCase("COMPRESSED");
            StringBuilder keys = new StringBuilder();
            boolean fulltext = false;
            boolean hash = false;
            for (var index : current.indexes()) {
                if (index.table().equals(table.name())) {
                    fulltext |= index.method().equals("FULLTEXT");
                    hash |= index.method().equals("HASH");
                    keys.append(String.join(",", index.keys())).append(';');
                }
            }
            table.constraints().stream().filter(k -> k.kind() == ConstraintKind.PRIMARY_KEY)
                    .forEach(k -> keys.append(k.definition()).append(';'));
            return new TableFacts(engine, compressed, fulltext, hash, keys.toString(), hasVirtualColumn(table),
                    table.columns().isEmpty() ? "" : table.columns().get(table.columns().size() - 1).name());
        }

        /** True when a column placed after {@code after} comes last. */
        boolean last(String after) {
            return after == null || after.equals(lastColumn);
        }

        boolean innodb() {
            return engine.equalsIgnoreCase("InnoDB");
        }

        /** True when an index or the primary key names the column. */
        boolean indexes(String column) {
            return keyText.contains(quote(column));
        }

        private static String option(Table table, String key, String otherwise) {
            return table.options().stream().filter(o -> o.startsWith(key)).map(o -> o.substring(key.length()))
                    .findFirst().orElse(otherwise);
        }
    }
}
