package dev.converge.dialect.mysql.sql;

import dev.converge.engine.change.*;
import dev.converge.engine.model.ObjectKind;
import java.util.Optional;

/**
 * MysqlChangeSupport states which changes the MySQL dialect can express: a visitor with one method
 * per change kind and no defaults, so a new kind does not compile until it is answered here. The
 * planner asks it before any SQL is written (through {@link MysqlSqlGenerator#refusal}), and refuses
 * a plan that holds a change MySQL has no statement for, with the reason, instead of failing at
 * generation. Most refusals are PostgreSQL object kinds the MySQL inspector never reads; the ones a
 * project can reach are renames of indexes and constraints and comments on objects other than tables.
 */
final class MysqlChangeSupport {
    private static final Optional<String> EXPRESSIBLE = Optional.empty();
    private static final Optional<String> NO_COLLATION_OBJECTS = no("collation objects of its own");
    private static final Optional<String> NO_COMPOSITE_TYPES = no("composite types");
    private static final Optional<String> NO_DECLARATIVE_PARTITIONS =
            no("declarative partitions in the PostgreSQL sense");
    private static final Optional<String> NO_DOMAINS = no("domains");
    private static final Optional<String> NO_ENUM_TYPES = no("enum types");
    private static final Optional<String> NO_ENUM_TYPE_OBJECTS =
            no("enum types of their own (an ENUM is a column type there)");
    private static final Optional<String> NO_EXTENSIONS = no("extensions");
    private static final Optional<String> NO_MANAGED_PRIVILEGES = no("managed privileges yet");
    private static final Optional<String> NO_MATERIALIZED_VIEWS = no("materialized views");
    private static final Optional<String> NO_ROW_LEVEL_SECURITY = no("row-level security");
    private static final Optional<String> NO_ROW_LEVEL_SECURITY_POLICIES = no("row-level security policies");
    private static final Optional<String> NO_SCHEMAS = no("schemas inside a database");
    private static final Optional<String> NO_SEQUENCES = no("sequences");
    private static final Optional<String> NO_TRIGGER_ENABLE_STATES = no("trigger enable states");
    private static final Visitor VISITOR = new Visitor();

    private MysqlChangeSupport() {
    }

    /** Why MySQL cannot make the change, or empty when it can. */
    static Optional<String> refusal(Change change) {
        return change.accept(VISITOR);
    }

    private static Optional<String> no(String what) {
        return Optional.of("MySQL has no " + what);
    }

    private static final class Visitor implements ChangeVisitor<Optional<String>> {
        @Override public Optional<String> visitAddColumn(AddColumn c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitAddConstraint(AddConstraint c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitAddEnumValue(AddEnumValue c) { return NO_ENUM_TYPES; }
        @Override public Optional<String> visitAddForeignKey(AddForeignKey c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitAlterColumn(AlterColumn c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitReleaseColumn(ReleaseColumn c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitAlterSequence(AlterSequence c) { return NO_SEQUENCES; }
        @Override public Optional<String> visitAlterTableOptions(AlterTableOptions c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitCreateEnum(CreateEnum c) { return NO_ENUM_TYPES; }
        @Override public Optional<String> visitCreateIndex(CreateIndex c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitAlterIndexStatistics(AlterIndexStatistics c) {
            return no("statistics targets of index columns");
        }
        @Override public Optional<String> visitCreateSchema(CreateSchema c) { return NO_SCHEMAS; }
        @Override public Optional<String> visitCreateSequence(CreateSequence c) { return NO_SEQUENCES; }
        @Override public Optional<String> visitCreateTable(CreateTable c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitCreateView(CreateView c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropColumn(DropColumn c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropConstraint(DropConstraint c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropEnum(DropEnum c) { return NO_ENUM_TYPES; }
        @Override public Optional<String> visitDropForeignKey(DropForeignKey c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropIndex(DropIndex c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropSchema(DropSchema c) { return NO_SCHEMAS; }
        @Override public Optional<String> visitDropSequence(DropSequence c) { return NO_SEQUENCES; }
        @Override public Optional<String> visitDropTable(DropTable c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropView(DropView c) { return EXPRESSIBLE; }

        @Override
        public Optional<String> visitRename(Rename c) {
            switch (c.from().kind()) {
                case TABLE:
                case VIEW:
                case COLUMN:
                    return Optional.empty();
                default:
                    return no("renaming a " + c.from().kind().word() + " (only tables, views and columns)");
            }
        }

        @Override
        public Optional<String> visitSetComment(SetComment c) {
            return c.object().kind() == ObjectKind.TABLE ? Optional.empty()
                    : no("a comment on a " + c.object().kind().word() + " outside its definition");
        }

        @Override public Optional<String> visitSetSequenceOwner(SetSequenceOwner c) { return NO_SEQUENCES; }
        @Override public Optional<String> visitCreateRoutine(CreateRoutine c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitReplaceRoutine(ReplaceRoutine c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropRoutine(DropRoutine c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitCreateTrigger(CreateTrigger c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitDropTrigger(DropTrigger c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitSetTriggerState(SetTriggerState c) { return NO_TRIGGER_ENABLE_STATES; }
        @Override public Optional<String> visitCreatePolicy(CreatePolicy c) { return NO_ROW_LEVEL_SECURITY_POLICIES; }
        @Override public Optional<String> visitDropPolicy(DropPolicy c) { return NO_ROW_LEVEL_SECURITY_POLICIES; }
        @Override public Optional<String> visitSetRowSecurity(SetRowSecurity c) { return NO_ROW_LEVEL_SECURITY; }
        @Override public Optional<String> visitCreateDomain(CreateDomain c) { return NO_DOMAINS; }
        @Override public Optional<String> visitAlterDomain(AlterDomain c) { return NO_DOMAINS; }
        @Override public Optional<String> visitDropDomain(DropDomain c) { return NO_DOMAINS; }
        @Override public Optional<String> visitCreateCompositeType(CreateCompositeType c) { return NO_COMPOSITE_TYPES; }
        @Override public Optional<String> visitAlterCompositeType(AlterCompositeType c) { return NO_COMPOSITE_TYPES; }
        @Override public Optional<String> visitDropCompositeType(DropCompositeType c) { return NO_COMPOSITE_TYPES; }
        @Override public Optional<String> visitCreateExtension(CreateExtension c) { return NO_EXTENSIONS; }
        @Override public Optional<String> visitAlterExtension(AlterExtension c) { return NO_EXTENSIONS; }
        @Override public Optional<String> visitDropExtension(DropExtension c) { return NO_EXTENSIONS; }
        @Override public Optional<String> visitCreateMaterializedView(CreateMaterializedView c) { return NO_MATERIALIZED_VIEWS; }
        @Override public Optional<String> visitDropMaterializedView(DropMaterializedView c) { return NO_MATERIALIZED_VIEWS; }
        @Override public Optional<String> visitSetPartitionOf(SetPartitionOf c) { return NO_DECLARATIVE_PARTITIONS; }
        @Override public Optional<String> visitReplaceIndex(ReplaceIndex c) { return EXPRESSIBLE; }
        @Override public Optional<String> visitGrantPrivileges(GrantPrivileges c) { return NO_MANAGED_PRIVILEGES; }
        @Override public Optional<String> visitRevokePrivileges(RevokePrivileges c) { return NO_MANAGED_PRIVILEGES; }
        @Override public Optional<String> visitRecreateEnum(RecreateEnum c) { return NO_ENUM_TYPE_OBJECTS; }

        /** MySQL repartitions a table in place (PartitionChange): its models carry no partition key to rebuild for. */
        @Override
        public Optional<String> visitRebuildTable(RebuildTable c) {
            return no("rebuilding a table for a new partition key (MySQL repartitions in place)");
        }

        @Override public Optional<String> visitCreateCollation(CreateCollation c) { return NO_COLLATION_OBJECTS; }
        @Override public Optional<String> visitDropCollation(DropCollation c) { return NO_COLLATION_OBJECTS; }

        @Override
        public Optional<String> visitCreateCatalogObject(CreateCatalogObject c) {
            return no(c.object().kind().word() + " objects");
        }

        @Override
        public Optional<String> visitDropCatalogObject(DropCatalogObject c) {
            return no(c.object().kind().word() + " objects");
        }
    }
}
