package dev.converge.dialect.postgres.sql;

import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.change.AddColumn;
import dev.converge.engine.spi.OrderRule;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.change.GrantPrivileges;
import dev.converge.engine.change.CreateCollation;
import dev.converge.engine.change.CreateCatalogObject;
import dev.converge.engine.change.DropCatalogObject;
import dev.converge.engine.change.DropCollation;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.change.RebuildTable;
import dev.converge.engine.change.RevokePrivileges;
import dev.converge.engine.change.CreateMaterializedView;
import dev.converge.engine.change.DropMaterializedView;
import dev.converge.engine.change.AlterCompositeType;
import dev.converge.engine.change.AlterDomain;
import dev.converge.engine.change.AlterExtension;
import dev.converge.engine.change.CreateCompositeType;
import dev.converge.engine.change.CreateDomain;
import dev.converge.engine.change.CreateExtension;
import dev.converge.engine.change.DropCompositeType;
import dev.converge.engine.change.DropDomain;
import dev.converge.engine.change.DropExtension;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ReleaseColumn;
import dev.converge.engine.change.AlterSequence;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ChangeVisitor;
import dev.converge.engine.change.CreateEnum;
import dev.converge.engine.change.CreatePolicy;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.CreateTrigger;
import dev.converge.engine.change.DropPolicy;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.change.SetRowSecurity;
import dev.converge.engine.change.SetTriggerState;
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
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.spi.SqlGenerator;
import dev.converge.dialect.postgres.safety.CurrentRelations;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.OnlineStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgresSqlGenerator turns each change into PostgreSQL statements (one statement per string, no
 * trailing semicolon). Identifiers are always quoted; types, expressions and definitions are the
 * server's canonical, schema-qualified text and are used verbatim.
 */
public final class PostgresSqlGenerator implements SqlGenerator {
    private static final Visitor VISITOR = new Visitor();
    /** PostgreSQL refuses to use an enum label in the transaction that added it (the apply commits them on their own). */
    private static final List<OrderRule> ORDER_RULES = List.of(new OrderRule("new enum labels",
            "PostgreSQL refuses to use a label in the transaction that added it, so they commit before anything"
                    + " that may use them", change -> change instanceof AddEnumValue));

    private final OnlineSql online;
    private final OnlineStrategies strategies;
    private final CurrentRelations relations = new CurrentRelations();

    /** The plain generator: every statement inside the apply's transaction, no online strategy. */
    public PostgresSqlGenerator() {
        this(15, OnlineStrategies.NONE);
    }

    /** A generator that uses {@code strategies} on tables that exist, as far as server {@code major} allows. */
    public PostgresSqlGenerator(int major, OnlineStrategies strategies) {
        this.online = new OnlineSql(major, strategies);
        this.strategies = strategies;
    }

    @Override
    public List<OrderRule> orderRules() {
        return ORDER_RULES;
    }

    @Override
    public List<DdlStatement> underSettings(List<DdlStatement> statements, java.util.Map<String, String> settings) {
        return SessionSettingsSql.around(statements, settings);
    }

    @Override
    public List<DdlStatement> statements(Change change) {
        return DdlStatement.inTransaction(change.accept(VISITOR));
    }

    /**
     * On a table that exists, the online form of the change when a strategy applies; on a table the
     * plan creates, the plain form (it is empty, and a concurrent build could not see it before the
     * transaction that creates it commits).
     */
    @Override
    public List<DdlStatement> statements(Change change, SchemaModel current) {
        List<DdlStatement> onlineForm = change.accept(new OnlineVisitor(relations.tables(current), current));
        return onlineForm != null ? onlineForm : statements(change);
    }

    /** The online form of the changes that have one, null for the others. */
    private final class OnlineVisitor extends NoOnlineForm {
        private final Set<QualifiedName> existing;
        private final SchemaModel current;

        OnlineVisitor(Set<QualifiedName> existing, SchemaModel current) {
            this.existing = existing;
            this.current = current;
        }

        @Override
        public List<DdlStatement> visitSetPartitionOf(SetPartitionOf change) {
            return online.concurrentDetach(change, current) ? ConcurrentDetach.statements(change, current) : null;
        }

        @Override
        public List<DdlStatement> visitCreateIndex(CreateIndex change) {
            QualifiedName table = change.index().table();
            if (!existing.contains(table)) {
                return null;
            }
            return PartitionedIndexSql.isPartitioned(table, current) ? online.createPartitionedIndex(change, current)
                    : online.createIndex(change);
        }

        /** A partitioned table's index has no concurrent drop: the plain DROP INDEX. */
        @Override
        public List<DdlStatement> visitDropIndex(DropIndex change) {
            QualifiedName table = change.index().table();
            return existing.contains(table) && !PartitionedIndexSql.isPartitioned(table, current)
                    ? online.dropIndex(change) : null;
        }

        /** A partitioned table's index is replaced by the plain form: drop and create in the transaction. */
        @Override
        public List<DdlStatement> visitReplaceIndex(ReplaceIndex change) {
            QualifiedName table = change.to().table();
            return existing.contains(table) && !PartitionedIndexSql.isPartitioned(table, current)
                    ? ReplaceIndexSql.online(change, strategies) : null;
        }

        @Override
        public List<DdlStatement> visitAddConstraint(AddConstraint change) {
            return existing.contains(change.table()) ? online.addCheck(change) : null;
        }

        @Override
        public List<DdlStatement> visitAddForeignKey(AddForeignKey change) {
            return existing.contains(change.foreignKey().table()) ? online.addForeignKey(change) : null;
        }

        @Override
        public List<DdlStatement> visitAlterColumn(AlterColumn change) {
            return existing.contains(change.table()) ? online.alterColumn(change, ColumnSql.alter(change)) : null;
        }
    }

    /** Dispatches each change kind to the small class that knows its SQL. */
    private static final class Visitor implements ChangeVisitor<List<String>> {
        @Override
        public List<String> visitAddColumn(AddColumn change) {
            return ColumnSql.add(change);
        }

        @Override
        public List<String> visitAddConstraint(AddConstraint change) {
            return List.of(ConstraintSql.add(change.table(), change.constraint()));
        }

        @Override
        public List<String> visitAddEnumValue(AddEnumValue change) {
            return List.of(TypeSql.addEnumValue(change));
        }

        @Override
        public List<String> visitAddForeignKey(AddForeignKey change) {
            return List.of(ConstraintSql.addForeignKey(change.foreignKey()));
        }

        @Override
        public List<String> visitAlterColumn(AlterColumn change) {
            return ColumnSql.alter(change);
        }

        @Override
        public List<String> visitReleaseColumn(ReleaseColumn change) {
            return ColumnSql.alter(change.asAlterColumn());
        }

        @Override
        public List<String> visitAlterSequence(AlterSequence change) {
            return List.of(SequenceSql.alter(change));
        }

        @Override
        public List<String> visitCreateEnum(CreateEnum change) {
            return List.of(TypeSql.createEnum(change.type()));
        }

        @Override
        public List<String> visitCreateIndex(CreateIndex change) {
            return List.of(ViewSql.createIndex(change.index()));
        }

        @Override
        public List<String> visitAlterIndexStatistics(AlterIndexStatistics change) {
            return IndexStatisticsSql.alter(change);
        }

        @Override
        public List<String> visitCreateSchema(CreateSchema change) {
            return List.of(TypeSql.createSchema(change.schema()));
        }

        @Override
        public List<String> visitCreateSequence(CreateSequence change) {
            return List.of(SequenceSql.create(change.sequence()));
        }

        @Override
        public List<String> visitCreateTable(CreateTable change) {
            List<String> sql = new ArrayList<>(List.of(TableSql.create(change.table())));
            change.table().columns().forEach(c -> sql.addAll(ColumnSql.settings(change.table().name(), c)));
            sql.addAll(TableOptionsSql.afterCreate(change.table().name(), change.table().options()));
            return sql;
        }

        @Override
        public List<String> visitCreateView(CreateView change) {
            return List.of(ViewSql.createView(change.view()));
        }

        @Override
        public List<String> visitDropColumn(DropColumn change) {
            return List.of(ColumnSql.drop(change));
        }

        @Override
        public List<String> visitDropConstraint(DropConstraint change) {
            return List.of(ConstraintSql.drop(change.table(), change.constraint()));
        }

        @Override
        public List<String> visitDropEnum(DropEnum change) {
            return List.of(TypeSql.dropEnum(change.type()));
        }

        @Override
        public List<String> visitDropForeignKey(DropForeignKey change) {
            return List.of(ConstraintSql.dropForeignKey(change.foreignKey()));
        }

        @Override
        public List<String> visitDropIndex(DropIndex change) {
            return List.of(ViewSql.dropIndex(change.index()));
        }

        @Override
        public List<String> visitDropSchema(DropSchema change) {
            return List.of(TypeSql.dropSchema(change.schema()));
        }

        @Override
        public List<String> visitDropSequence(DropSequence change) {
            return List.of(SequenceSql.drop(change.sequence()));
        }

        @Override
        public List<String> visitDropTable(DropTable change) {
            return List.of(TableSql.drop(change.table()));
        }

        @Override
        public List<String> visitDropView(DropView change) {
            return List.of(ViewSql.dropView(change.view()));
        }

        @Override
        public List<String> visitAlterTableOptions(AlterTableOptions change) {
            return TableOptionsSql.alter(change.table(), change.from(), change.to());
        }

        @Override
        public List<String> visitRename(Rename change) {
            return List.of(RenameSql.rename(change));
        }

        @Override
        public List<String> visitSetComment(SetComment change) {
            return List.of(CommentSql.set(change));
        }

        @Override
        public List<String> visitRebuildTable(RebuildTable change) {
            return RebuildTableSql.statements(change, this::visitCreateTable);
        }

        @Override
        public List<String> visitSetSequenceOwner(SetSequenceOwner change) {
            return List.of(SequenceSql.owner(change.sequence()));
        }
        @Override
        public List<String> visitCreateRoutine(CreateRoutine change) {
            return List.of(RoutineSql.create(change.routine()));
        }

        @Override
        public List<String> visitReplaceRoutine(ReplaceRoutine change) {
            return List.of(RoutineSql.create(change.to()));
        }

        @Override
        public List<String> visitDropRoutine(DropRoutine change) {
            return List.of(RoutineSql.drop(change.routine()));
        }

        @Override
        public List<String> visitCreateTrigger(CreateTrigger change) {
            return TriggerSql.create(change.trigger());
        }

        @Override
        public List<String> visitDropTrigger(DropTrigger change) {
            return List.of(TriggerSql.drop(change.trigger()));
        }

        @Override
        public List<String> visitSetTriggerState(SetTriggerState change) {
            return List.of(TriggerSql.state(change.to()));
        }

        @Override
        public List<String> visitCreatePolicy(CreatePolicy change) {
            return List.of(PolicySql.create(change.policy()));
        }

        @Override
        public List<String> visitDropPolicy(DropPolicy change) {
            return List.of(PolicySql.drop(change.policy()));
        }

        @Override
        public List<String> visitSetRowSecurity(SetRowSecurity change) {
            return PolicySql.rowSecurity(change.from(), change.to());
        }
        @Override
        public List<String> visitCreateDomain(CreateDomain change) {
            return List.of(DomainSql.createDomain(change.domain()));
        }

        @Override
        public List<String> visitAlterDomain(AlterDomain change) {
            return DomainSql.alterDomain(change.from(), change.to());
        }

        @Override
        public List<String> visitDropDomain(DropDomain change) {
            return List.of(DomainSql.dropDomain(change.domain()));
        }

        @Override
        public List<String> visitCreateCompositeType(CreateCompositeType change) {
            return List.of(DomainSql.createCompositeType(change.type()));
        }

        @Override
        public List<String> visitAlterCompositeType(AlterCompositeType change) {
            return List.of(DomainSql.alterCompositeType(change.from(), change.to()));
        }

        @Override
        public List<String> visitDropCompositeType(DropCompositeType change) {
            return List.of(DomainSql.dropCompositeType(change.type()));
        }

        @Override
        public List<String> visitCreateExtension(CreateExtension change) {
            return List.of(DomainSql.createExtension(change.extension()));
        }

        @Override
        public List<String> visitAlterExtension(AlterExtension change) {
            return DomainSql.alterExtension(change.from(), change.to());
        }

        @Override
        public List<String> visitDropExtension(DropExtension change) {
            return List.of(DomainSql.dropExtension(change.extension()));
        }
        @Override
        public List<String> visitCreateMaterializedView(CreateMaterializedView change) {
            return List.of(ViewSql.createMaterializedView(change.view()));
        }

        @Override
        public List<String> visitDropMaterializedView(DropMaterializedView change) {
            return List.of(ViewSql.dropMaterializedView(change.view()));
        }
        @Override
        public List<String> visitSetPartitionOf(SetPartitionOf change) {
            return TableSql.setPartitionOf(change.table(), change.from(), change.to());
        }

        @Override
        public List<String> visitReplaceIndex(ReplaceIndex change) {
            return ReplaceIndexSql.plain(change);
        }

        @Override
        public List<String> visitGrantPrivileges(GrantPrivileges change) {
            return List.of(PrivilegeSql.grant(change));
        }

        @Override
        public List<String> visitRevokePrivileges(RevokePrivileges change) {
            return List.of(PrivilegeSql.revoke(change));
        }

        @Override
        public List<String> visitRecreateEnum(RecreateEnum change) {
            return TypeSql.recreateEnum(change);
        }

        @Override
        public List<String> visitCreateCollation(CreateCollation change) {
            return List.of(CollationSql.create(change.collation()));
        }

        @Override
        public List<String> visitDropCollation(DropCollation change) {
            return List.of(CollationSql.drop(change.collation()));
        }
    

        @Override
        public List<String> visitCreateCatalogObject(CreateCatalogObject change) {
            return change.object().definition();
        }

        @Override
        public List<String> visitDropCatalogObject(DropCatalogObject change) {
            return List.of(CatalogObjectSql.drop(change.object()));
        }
    }
}
