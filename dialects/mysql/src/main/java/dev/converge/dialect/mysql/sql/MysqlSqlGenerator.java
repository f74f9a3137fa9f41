package dev.converge.dialect.mysql.sql;

import dev.converge.dialect.mysql.ProgramContext;
import static dev.converge.dialect.mysql.MysqlIdentifiers.literal;
import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.change.RebuildTable;
import dev.converge.engine.change.GrantPrivileges;
import dev.converge.engine.change.CreateCollation;
import dev.converge.engine.change.CreateCatalogObject;
import dev.converge.engine.change.DropCatalogObject;
import dev.converge.engine.change.DropCollation;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.change.RevokePrivileges;
import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ReleaseColumn;
import dev.converge.engine.change.AlterSequence;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ChangeVisitor;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.CreateTrigger;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.SetTriggerState;
import dev.converge.engine.change.CreatePolicy;
import dev.converge.engine.change.DropPolicy;
import dev.converge.engine.change.SetRowSecurity;
import dev.converge.engine.change.CreateDomain;
import dev.converge.engine.change.AlterDomain;
import dev.converge.engine.change.DropDomain;
import dev.converge.engine.change.CreateCompositeType;
import dev.converge.engine.change.AlterCompositeType;
import dev.converge.engine.change.DropCompositeType;
import dev.converge.engine.change.CreateExtension;
import dev.converge.engine.change.AlterExtension;
import dev.converge.engine.change.DropExtension;
import dev.converge.engine.change.CreateMaterializedView;
import dev.converge.engine.change.DropMaterializedView;
import dev.converge.engine.change.CreateEnum;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateSchema;
import dev.converge.engine.change.CreateSequence;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.CreateView;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropEnum;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.DropSchema;
import dev.converge.engine.change.DropSequence;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.DropView;
import dev.converge.engine.change.Rename;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.change.SetSequenceOwner;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.View;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.spi.SqlGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MysqlSqlGenerator writes MySQL/MariaDB DDL for each change. Names are never qualified with a
 * database (see {@link dev.converge.dialect.mysql.MysqlSchema}); every name is in backquotes. A column
 * is changed with MODIFY COLUMN and its full definition, which keeps its position unless it moves
 * (FIRST/AFTER); a new column is placed with FIRST/AFTER where the desired table has it. Kinds of change MySQL has no object for
 * (schemas inside a database, enum types, sequences) never arise from a MySQL model and are refused.
 *
 * <p>On a table that exists before the plan, each ALTER TABLE pins the algorithm and lock that
 * {@link AlterModes} chooses ({@code , ALGORITHM=INSTANT}), the same choice the safety classifier
 * explains, so the server refuses rather than silently copying. Consecutive steps of one table are
 * made by one ALTER TABLE where that is safe ({@link AlterCombiner}). Inverse statements pin nothing:
 * an undo must run, whatever it costs.
 */
public final class MysqlSqlGenerator implements SqlGenerator, ChangeVisitor<List<String>> {
    private final AlterModes modes;

    /** For a server whose version is not known: the modes both MariaDB and MySQL accept. */
    public MysqlSqlGenerator() {
        this(AlterModes.of(null));
    }

    public MysqlSqlGenerator(AlterModes modes) {
        this.modes = modes;
    }

    @Override
    public Optional<String> refusal(Change change) {
        return MysqlChangeSupport.refusal(change);
    }

    /** Every MySQL DDL statement commits implicitly: none can run inside the apply's transaction. */
    @Override
    public List<DdlStatement> statements(Change change) {
        return sql(change).stream().map(DdlStatement::outsideTransaction).toList();
    }

    /** The statements with the algorithm and lock pinned, when the change alters an existing table. */
    @Override
    public List<DdlStatement> statements(Change change, SchemaModel current) {
        var mode = modes.of(change, current);
        var clause = clause(change);
        if (mode.isEmpty() || clause.isEmpty()) {
            return statements(change);
        }
        return List.of(DdlStatement.outsideTransaction(alterTable(AlterModes.tableOf(change), clause.get())
                + ", " + mode.get().clause()));
    }

    /**
     * Clauses of one table combined; a step that drops partitions (and their rows) cannot be undone;
     * on MariaDB, a foreign key added again keeps the name of the index it uses.
     */
    @Override
    public List<PlanStep> finishSteps(List<PlanStep> steps, SchemaModel current) {
        List<PlanStep> finished = steps.stream().map(MysqlSqlGenerator::irreversibleWhenPartitionsDrop).toList();
        if (modes.mariadb()) {
            finished = ForeignKeyIndexNames.keep(finished, current);
        }
        return new AlterCombiner(this, modes).combine(finished, current);
    }

    private static PlanStep irreversibleWhenPartitionsDrop(PlanStep step) {
        if (step.change() instanceof AlterTableOptions c && !PartitionChange.of(c.from(), c.to()).dropped().isEmpty()) {
            return step.withStatements(step.statements(), List.of());
        }
        return step;
    }

    /**
     * The clause after {@code ALTER TABLE `t`} when the change is made by exactly one ALTER TABLE of
     * its table, else empty (CREATE/DROP/RENAME TABLE, views).
     */
    java.util.Optional<String> clause(Change change) {
        QualifiedName table = AlterModes.tableOf(change);
        if (table == null) {
            return java.util.Optional.empty();
        }
        List<String> sql = sql(change);
        String prefix = alterTable(table, "");
        return sql.size() == 1 && sql.get(0).startsWith(prefix)
                ? java.util.Optional.of(sql.get(0).substring(prefix.length())) : java.util.Optional.empty();
    }

    static String alterTable(QualifiedName name, String clause) {
        return "ALTER TABLE " + table(name) + " " + clause;
    }

    /** The SQL text of the statements that make the change. */
    public List<String> sql(Change change) {
        return change.accept(this);
    }

    private static String table(QualifiedName name) {
        return quote(name.name());
    }

    private static List<String> alter(QualifiedName name, String clause) {
        return List.of(alterTable(name, clause));
    }

    @Override
    public List<String> visitCreateTable(CreateTable c) {
        Table t = c.table();
        List<String> lines = new ArrayList<>();
        t.columns().forEach(column -> lines.add(ColumnSql.definition(column)));
        t.constraints().stream().filter(k -> k.kind() == ConstraintKind.PRIMARY_KEY)
                .forEach(k -> lines.add(k.definition()));
        t.constraints().stream().filter(k -> k.kind() != ConstraintKind.PRIMARY_KEY)
                .forEach(k -> lines.add("CONSTRAINT " + quote(k.name()) + " " + k.definition()));
        String sql = "CREATE TABLE " + table(t.name()) + " (\n  " + String.join(",\n  ", lines) + "\n)";
        List<String> options = Partitioning.withoutPartitioning(t.options());
        if (!options.isEmpty()) {
            sql += " " + String.join(" ", options);
        }
        if (t.comment() != null) {
            sql += " COMMENT = " + literal(t.comment());
        }
        Partitioning partitioning = Partitioning.of(t.options());
        if (partitioning != null) {
            sql += "\n" + partitioning.clause();
        }
        return List.of(sql);
    }

    /**
     * Only the options that change: naming the engine again, even the same one, rebuilds the table. An
     * option the desired table no longer has goes back to the server's default.
     */
    @Override
    public List<String> visitAlterTableOptions(AlterTableOptions c) {
        List<String> from = Partitioning.withoutPartitioning(c.from());
        List<String> to = Partitioning.withoutPartitioning(c.to());
        List<String> clauses = new ArrayList<>();
        for (String option : to) {
            if (!from.contains(option)) {
                clauses.add(option);
            }
        }
        for (String option : from) {
            String key = option.substring(0, option.indexOf('=') + 1);
            if (to.stream().noneMatch(o -> o.startsWith(key))) {
                clauses.add(key + (key.equals("KEY_BLOCK_SIZE=") ? "0" : "DEFAULT"));
            }
        }
        List<String> statements = new ArrayList<>();
        if (!clauses.isEmpty()) {
            statements.add(alterTable(c.table(), String.join(" ", clauses)));
        }
        // Partition operations come last, each in a statement of its own.
        PartitionChange.of(c.from(), c.to()).clauses().forEach(clause -> statements.add(alterTable(c.table(), clause)));
        return statements;
    }

    @Override
    public List<String> visitDropTable(DropTable c) {
        return List.of("DROP TABLE " + table(c.table().name()));
    }

    @Override
    public List<String> visitAddColumn(AddColumn c) {
        return alter(c.table(), "ADD COLUMN " + ColumnSql.definition(c.column()) + position(c.after()));
    }

    private static String position(String after) {
        return after == null ? "" : after.isEmpty() ? " FIRST" : " AFTER " + quote(after);
    }

    /** MySQL places new columns and moves existing ones. */
    @Override
    public boolean placesColumns() {
        return true;
    }

    @Override
    public List<String> visitDropColumn(DropColumn c) {
        return alter(c.table(), "DROP COLUMN " + quote(c.column().name()));
    }

    @Override
    public List<String> visitAlterColumn(AlterColumn c) {
        Column to = c.to();
        String moved = c.kinds().contains(ColumnChangeKind.POSITION) ? position(c.after()) : "";
        return alter(c.table(), "MODIFY COLUMN " + ColumnSql.definition(to) + moved);
    }

    @Override
    public List<String> visitReleaseColumn(ReleaseColumn c) {
        return visitAlterColumn(c.asAlterColumn());
    }

    @Override
    public List<String> visitAddConstraint(AddConstraint c) {
        TableConstraint k = c.constraint();
        if (k.kind() == ConstraintKind.PRIMARY_KEY) {
            return alter(c.table(), "ADD " + k.definition());
        }
        return alter(c.table(), "ADD CONSTRAINT " + quote(k.name()) + " " + k.definition());
    }

    @Override
    public List<String> visitDropConstraint(DropConstraint c) {
        TableConstraint k = c.constraint();
        if (k.kind() == ConstraintKind.PRIMARY_KEY) {
            return alter(c.table(), "DROP PRIMARY KEY");
        }
        return alter(c.table(), "DROP CONSTRAINT " + quote(k.name()));
    }

    @Override
    public List<String> visitCreateIndex(CreateIndex c) {
        return alter(c.index().table(), "ADD " + c.index().definition());
    }

    /** One ALTER TABLE drops and adds: the statement is atomic, so no query sees the table without the index. */
    @Override
    public List<String> visitReplaceIndex(ReplaceIndex c) {
        return alter(c.to().table(), "DROP INDEX " + quote(IndexNames.serverName(c.from())) + ", ADD "
                + c.to().definition());
    }

    @Override
    public List<String> visitDropIndex(DropIndex c) {
        return alter(c.index().table(), "DROP INDEX " + quote(IndexNames.serverName(c.index())));
    }

    @Override
    public List<String> visitAddForeignKey(AddForeignKey c) {
        return alter(c.foreignKey().table(), "ADD CONSTRAINT " + quote(c.foreignKey().name()) + " "
                + c.foreignKey().definition());
    }

    @Override
    public List<String> visitDropForeignKey(DropForeignKey c) {
        return alter(c.foreignKey().table(), "DROP FOREIGN KEY " + quote(c.foreignKey().name()));
    }

    @Override
    public List<String> visitCreateView(CreateView c) {
        List<String> create = List.of(createView(c.view()));
        return ProgramContext.of(c.view().definition()).map(context -> context.around(create)).orElse(create);
    }

    /**
     * CREATE OR REPLACE: a view that changes is replaced in one statement, which keeps its grants. It runs
     * under the character sets its definition records (see {@link #visitCreateView}).
     */
    static String createView(View v) {
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE ");
        String check = null;
        for (String option : v.options()) {
            if (option.startsWith("WITH ")) {
                check = option;
            } else {
                sql.append(option).append(' ');
            }
        }
        sql.append("VIEW ").append(quote(v.name().name())).append(" AS ").append(ProgramContext.statement(v.definition()));
        if (check != null) {
            sql.append(' ').append(check);
        }
        return sql.toString();
    }

    @Override
    public List<String> visitDropView(DropView c) {
        return List.of("DROP VIEW " + quote(c.view().name().name()));
    }

    @Override
    public List<String> visitRename(Rename c) {
        switch (c.from().kind()) {
            case TABLE:
            case VIEW:
                return List.of("RENAME TABLE " + table(c.from().name()) + " TO " + quote(c.to()));
            case COLUMN:
                return alter(c.from().name(), "RENAME COLUMN " + quote(c.from().member()) + " TO " + quote(c.to()));
            default:
                throw unsupported("renaming a " + c.from().kind().word());
        }
    }

    @Override
    public List<String> visitSetComment(SetComment c) {
        if (c.object().kind() == ObjectKind.TABLE) {
            return alter(c.object().name(), "COMMENT = " + literal(c.comment() == null ? "" : c.comment()));
        }
        throw unsupported("a comment on a " + c.object().kind().word() + " outside its definition");
    }

    @Override
    public List<String> visitAddEnumValue(AddEnumValue c) {
        throw unsupported("enum types");
    }

    @Override
    public List<String> visitAlterIndexStatistics(AlterIndexStatistics c) {
        throw unsupported("statistics targets of index columns");
    }

    @Override
    public List<String> visitCreateEnum(CreateEnum c) {
        throw unsupported("enum types");
    }

    @Override
    public List<String> visitDropEnum(DropEnum c) {
        throw unsupported("enum types");
    }

    @Override
    public List<String> visitAlterSequence(AlterSequence c) {
        throw unsupported("sequences");
    }

    @Override
    public List<String> visitCreateSequence(CreateSequence c) {
        throw unsupported("sequences");
    }

    @Override
    public List<String> visitDropSequence(DropSequence c) {
        throw unsupported("sequences");
    }

    @Override
    public List<String> visitSetSequenceOwner(SetSequenceOwner c) {
        throw unsupported("sequences");
    }

    @Override
    public List<String> visitCreateSchema(CreateSchema c) {
        throw unsupported("schemas inside a database");
    }

    @Override
    public List<String> visitDropSchema(DropSchema c) {
        throw unsupported("schemas inside a database");
    }

    @Override
    public List<String> visitCreateRoutine(CreateRoutine c) {
        return ProgramSql.create(c.routine());
    }

    @Override
    public List<String> visitReplaceRoutine(ReplaceRoutine c) {
        return ProgramSql.replace(c.from(), c.to());
    }

    @Override
    public List<String> visitDropRoutine(DropRoutine c) {
        return ProgramSql.drop(c.routine());
    }

    @Override
    public List<String> visitCreateTrigger(CreateTrigger c) {
        return ProgramSql.create(c.trigger());
    }

    @Override
    public List<String> visitDropTrigger(DropTrigger c) {
        return ProgramSql.drop(c.trigger());
    }

    /** MySQL triggers have no enable state: every MySQL trigger is inspected as enabled. */
    @Override
    public List<String> visitSetTriggerState(SetTriggerState c) {
        throw unsupported("trigger enable states");
    }

    // PostgreSQL kinds (issue 8): the MySQL inspector does not read these, so a MySQL model never
    // contains them.

    @Override
    public List<String> visitCreatePolicy(CreatePolicy c) {
        throw unsupported("row-level security policies");
    }

    @Override
    public List<String> visitDropPolicy(DropPolicy c) {
        throw unsupported("row-level security policies");
    }

    @Override
    public List<String> visitSetRowSecurity(SetRowSecurity c) {
        throw unsupported("row-level security");
    }

    @Override
    public List<String> visitCreateDomain(CreateDomain c) {
        throw unsupported("domains");
    }

    @Override
    public List<String> visitAlterDomain(AlterDomain c) {
        throw unsupported("domains");
    }

    @Override
    public List<String> visitDropDomain(DropDomain c) {
        throw unsupported("domains");
    }

    @Override
    public List<String> visitCreateCompositeType(CreateCompositeType c) {
        throw unsupported("composite types");
    }

    @Override
    public List<String> visitAlterCompositeType(AlterCompositeType c) {
        throw unsupported("composite types");
    }

    @Override
    public List<String> visitDropCompositeType(DropCompositeType c) {
        throw unsupported("composite types");
    }

    @Override
    public List<String> visitCreateExtension(CreateExtension c) {
        throw unsupported("extensions");
    }

    @Override
    public List<String> visitAlterExtension(AlterExtension c) {
        throw unsupported("extensions");
    }

    @Override
    public List<String> visitDropExtension(DropExtension c) {
        throw unsupported("extensions");
    }

    @Override
    public List<String> visitCreateMaterializedView(CreateMaterializedView c) {
        throw unsupported("materialized views");
    }

    @Override
    public List<String> visitDropMaterializedView(DropMaterializedView c) {
        throw unsupported("materialized views");
    }

    @Override
    public List<String> visitSetPartitionOf(SetPartitionOf c) {
        throw unsupported("declarative partitions in the PostgreSQL sense");
    }

    @Override
    public List<String> visitGrantPrivileges(GrantPrivileges c) {
        throw unsupported("managed privileges yet");
    }

    @Override
    public List<String> visitRevokePrivileges(RevokePrivileges c) {
        throw unsupported("managed privileges yet");
    }

    @Override
    public List<String> visitRecreateEnum(RecreateEnum c) {
        throw unsupported("enum types of their own (an ENUM is a column type there)");
    }

    @Override
    public List<String> visitRebuildTable(RebuildTable c) {
        throw unsupported("rebuilding a table for a new partition key (MySQL repartitions in place)");
    }

    @Override
    public List<String> visitCreateCollation(CreateCollation c) {
        throw unsupported("collation objects of its own");
    }

    @Override
    public List<String> visitDropCollation(DropCollation c) {
        throw unsupported("collation objects of its own");
    }

    @Override
    public List<String> visitCreateCatalogObject(CreateCatalogObject c) {
        throw unsupported(c.object().kind().word() + " objects");
    }

    @Override
    public List<String> visitDropCatalogObject(DropCatalogObject c) {
        throw unsupported(c.object().kind().word() + " objects");
    }

    /* Not reached: the planner refuses these changes first ({@link MysqlChangeSupport}). */
    private static IllegalStateException unsupported(String what) {
        return new IllegalStateException("the MySQL dialect has no " + what + "; the planner refuses such a change");
    }
}
