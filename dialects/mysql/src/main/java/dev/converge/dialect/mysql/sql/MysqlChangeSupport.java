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
        @Override public Optional<String> visitAddColumn(AddColumn c) { return Optional.empty(); }
        @Override public Optional<String> visitAddConstraint(AddConstraint c) { return Optional.empty(); }
        @Override public Optional<String> visitAddEnumValue(AddEnumValue c) { return no("enum types"); }
        @Override public Optional<String> visitAddForeignKey(AddForeignKey c) { return Optional.empty(); }
        @Override public Optional<String> visitAlterColumn(AlterColumn c) { return Optional.empty(); }
        @Override public Optional<String> visitReleaseColumn(ReleaseColumn c) { return Optional.empty(); }
        @Override public Optional<String> visitAlterSequence(AlterSequence c) { return no("sequences"); }
        @Override public Optional<String> visitAlterTableOptions(AlterTableOptions c) { return Optional.empty(); }
        @Override public Optional<String> visitCreateEnum(CreateEnum c) { return no("enum types"); }
        @Override public Optional<String> visitCreateIndex(CreateIndex c) { return Optional.empty(); }
        @Override public Optional<String> visitAlterIndexStatistics(AlterIndexStatistics c) {
            return no("statistics targets of index columns");
        }
        @Override public Optional<String> visitCreateSchema(CreateSchema c) { return no("schemas inside a database"); }
        @Override public Optional<String> visitCreateSequence(CreateSequence c) { return no("sequences"); }
        @Override public Optional<String> visitCreateTable(CreateTable c) { return Optional.empty(); }
        @Override public Optional<String> visitCreateView(CreateView c) { return Optional.empty(); }
        @Override public Optional<String> visitDropColumn(DropColumn c) { return Optional.empty(); }
        @Override public Optional<String> visitDropConstraint(DropConstraint c) { return Optional.empty(); }
        @Override public Optional<String> visitDropEnum(DropEnum c) { return no("enum types"); }
        @Override public Optional<String> visitDropForeignKey(DropForeignKey c) { return Optional.empty(); }
        @Override public Optional<String> visitDropIndex(DropIndex c) { return Optional.empty(); }
        @Override public Optional<String> visitDropSchema(DropSchema c) { return no("schemas inside a database"); }
        @Override public Optional<String> visitDropSequence(DropSequence c) { return no("sequences"); }
        @Override public Optional<String> visitDropTable(DropTable c) { return Optional.empty(); }
        @Override public Optional<String> visitDropView(DropView c) { return Optional.empty(); }

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

        @Override public Optional<String> visitSetSequenceOwner(SetSequenceOwner c) { return no("sequences"); }
        @Override public Optional<String> visitCreateRoutine(CreateRoutine c) { return Optional.empty(); }
        @Override public Optional<String> visitReplaceRoutine(ReplaceRoutine c) { return Optional.empty(); }
        @Override public Optional<String> visitDropRoutine(DropRoutine c) { return Optional.empty(); }
        @Override public Optional<String> visitCreateTrigger(CreateTrigger c) { return Optional.empty(); }
        @Override public Optional<String> visitDropTrigger(DropTrigger c) { return Optional.empty(); }

        @Override
        public Optional<String> visitSetTriggerState(SetTriggerState c) {
            return no("trigger enable states");
        }

        @Override
        public Optional<String> visitCreatePolicy(CreatePolicy c) {
            return no("row-level security policies");
        }

        @Override public Optional<String> visitDropPolicy(DropPolicy c) { return no("row-level security policies"); }
        @Override public Optional<String> visitSetRowSecurity(SetRowSecurity c) { return no("row-level security"); }
        @Override public Optional<String> visitCreateDomain(CreateDomain c) { return no("domains"); }
        @Override public Optional<String> visitAlterDomain(AlterDomain c) { return no("domains"); }
        @Override public Optional<String> visitDropDomain(DropDomain c) { return no("domains"); }

        @Override
        public Optional<String> visitCreateCompositeType(CreateCompositeType c) {
            return no("composite types");
        }

        @Override
        public Optional<String> visitAlterCompositeType(AlterCompositeType c) {
            return no("composite types");
        }

        @Override public Optional<String> visitDropCompositeType(DropCompositeType c) { return no("composite types"); }
        @Override public Optional<String> visitCreateExtension(CreateExtension c) { return no("extensions"); }
        @Override public Optional<String> visitAlterExtension(AlterExtension c) { return no("extensions"); }
        @Override public Optional<String> visitDropExtension(DropExtension c) { return no("extensions"); }

        @Override
        public Optional<String> visitCreateMaterializedView(CreateMaterializedView c) {
            return no("materialized views");
        }

        @Override
        public Optional<String> visitDropMaterializedView(DropMaterializedView c) {
            return no("materialized views");
        }

        @Override
        public Optional<String> visitSetPartitionOf(SetPartitionOf c) {
            return no("declarative partitions in the PostgreSQL sense");
        }

        @Override public Optional<String> visitReplaceIndex(ReplaceIndex c) { return Optional.empty(); }

        @Override
        public Optional<String> visitGrantPrivileges(GrantPrivileges c) {
            return no("managed privileges yet");
        }

        @Override
        public Optional<String> visitRevokePrivileges(RevokePrivileges c) {
            return no("managed privileges yet");
        }

        @Override
        public Optional<String> visitRecreateEnum(RecreateEnum c) {
            return no("enum types of their own (an ENUM is a column type there)");
        }

        @Override
        public Optional<String> visitCreateCollation(CreateCollation c) {
            return no("collation objects of its own");
        }

        @Override
        public Optional<String> visitDropCollation(DropCollation c) {
            return no("collation objects of its own");
        }

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
