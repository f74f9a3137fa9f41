package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadPhaseTest {
    @Test
    void phasesFromLeadingKeyWords() {
        assertEquals(LoadPhase.SCHEMA, LoadPhase.of("CREATE SCHEMA app"));
        assertEquals(LoadPhase.EXTENSION, LoadPhase.of("create extension if not exists citext"));
        assertEquals(LoadPhase.TYPE, LoadPhase.of("create type mood as enum ('a')"));
        assertEquals(LoadPhase.TYPE, LoadPhase.of("create domain posint as int"));
        assertEquals(LoadPhase.SEQUENCE, LoadPhase.of("create sequence s"));
        assertEquals(LoadPhase.FUNCTION, LoadPhase.of("create or replace function f() returns int as $$select 1$$ language sql"));
        assertEquals(LoadPhase.FUNCTION, LoadPhase.of("create procedure p() language sql as ''"));
        assertEquals(LoadPhase.TABLE, LoadPhase.of("create unlogged table t ()"));
        assertEquals(LoadPhase.TABLE_CHANGE, LoadPhase.of("alter table t add primary key (a)"));
        assertEquals(LoadPhase.TABLE_CHANGE, LoadPhase.of("alter sequence s owned by t.a"));
        assertEquals(LoadPhase.TABLE_CHANGE, LoadPhase.of("create unique index concurrently i on t (a)"));
        assertEquals(LoadPhase.VIEW, LoadPhase.of("create /* c */ or replace view v as select 1"));
        assertEquals(LoadPhase.VIEW, LoadPhase.of("create materialized view m as select 1"));
        assertEquals(LoadPhase.TRIGGER, LoadPhase.of("create constraint trigger tr after insert on t for each row execute function f()"));
        assertEquals(LoadPhase.OTHER, LoadPhase.of("comment on table t is 'x'"));
        assertEquals(LoadPhase.OTHER, LoadPhase.of("grant select on t to public"));
        assertEquals(LoadPhase.SESSION, LoadPhase.of("set check_function_bodies = false"));
        assertEquals(LoadPhase.SKIPPED, LoadPhase.of("BEGIN"));
        assertEquals(LoadPhase.SKIPPED, LoadPhase.of("commit"));
    }

    @Test
    void orderKeepsFileOrderWithinAPhaseAndDropsTransactionControl() {
        SourceFile f = new SourceFile("f.sql", "");
        List<SqlStatement> in = List.of(
                new SqlStatement(f, "create view v as select 1", 0),
                new SqlStatement(f, "begin", 1),
                new SqlStatement(f, "create table b ()", 2),
                new SqlStatement(f, "create schema s", 3),
                new SqlStatement(f, "create table a ()", 4),
                new SqlStatement(f, "commit", 5));
        assertEquals(List.of("create schema s", "create table b ()", "create table a ()", "create view v as select 1"),
                PostgresDesiredLoader.order(in).stream().map(SqlStatement::sql).toList());
    }
}
