package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which type changes expand splits on PostgreSQL: one that rewrites the table (integer to bigint) or
 * narrows the column is split; one that does neither (varchar(10) to varchar(20)) stays in place in
 * expand; a key's type change, and a column a foreign key or an index of several columns uses, stay in
 * place in contract.
 */
class TypeChangeSplitTest {
    @TempDir
    Path dir;

    @Test
    void aRewriteOrANarrowingIsSplitTheRestStaysInPlace() throws Exception {
        Path v1 = Files.createDirectories(dir.resolve("v1"));
        Path v2 = Files.createDirectories(dir.resolve("v2"));
        Files.writeString(v1.resolve("s.sql"), schema("integer", "varchar(10)"));
        Files.writeString(v2.resolve("s.sql"), schema("bigint", "varchar(20)"));
        try (LocalPostgres db = LocalPostgres.create("xtype_split")) {
            String url = Cli.url(db);
            Cli.withServerShadow("apply", url, v1.toString(), "--auto-approve").expectExit(0);

            Cli.Result expand = Cli.withServerShadow("plan", url, v2.toString(), "--phase", "expand").expectExit(0);
            String out = expand.out();
            assertTrue(out.contains("ADD COLUMN \"converge_new_n\" bigint;"), out);
            assertTrue(out.contains("ALTER COLUMN \"s\" TYPE character varying(20)"), "no rewrite, in place: " + out);
            assertFalse(out.contains("converge_new_id") || out.contains("converge_new_r") || out.contains("converge_new_a_r")
                    || out.contains("converge_new_m"), "a key, the columns of a foreign key and of an index of two columns"
                    + " are not split: " + out);
            assertTrue(out.contains("alter column public.a.m: type integer -> bigint"), out);
            assertTrue(out.contains("swap in the new column of public.a.n integer -> bigint"), out);
            assertTrue(out.contains("alter column public.b.id: type integer -> bigint"), out);
            assertTrue(out.contains("alter column public.a.r: type integer -> bigint"), out);

            Cli.Result whole = Cli.withServerShadow("plan", url, v2.toString());
            assertTrue(whole.out().contains("a parallel change for 1 type change (new column, sync, backfill)"), whole.all());
            assertFalse(whole.out().contains("converge_new_n"), "without --phase the change is in place: " + whole.all());
        }
    }

    /**
     * The schema of both versions: {@code a.s} has the type {@code text}, every other number column but
     * the keys of {@code a} and {@code c} has the type {@code number}; v2 widens both types.
     */
    private static String schema(String number, String text) {
        return """
                CREATE TABLE a (id bigint PRIMARY KEY, n %1$s NOT NULL DEFAULT 0, s %2$s, r %1$s, m %1$s);
                CREATE INDEX a_m_id ON a (m, id);
                CREATE TABLE b (id %1$s PRIMARY KEY, v text);
                CREATE TABLE c (id bigint PRIMARY KEY, a_r %1$s);
                ALTER TABLE a ADD CONSTRAINT a_r_key UNIQUE (r);
                ALTER TABLE c ADD CONSTRAINT c_a FOREIGN KEY (a_r) REFERENCES a (r);
                """.formatted(number, text);
    }
}
