package dev.converge.dialect.postgres.safety;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.change.DropSequence;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.DropView;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.lint.LintRule;
import dev.converge.engine.lint.Linter;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.View;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.SafetyPolicy;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SafetyReference writes docs/safety.md from the code: the classes, the hazard codes with their
 * sentences and default policy, the lock levels, and a table of what the PostgreSQL classifier says of
 * representative changes on an existing table, with and without the online strategies. A test fails
 * when the committed page differs, so the reference cannot drift from the rules.
 */
public final class SafetyReference {
    private static final QualifiedName T = QualifiedName.of("public", "orders");
    private static final QualifiedName P = QualifiedName.of("public", "customers");

    /** The markers of the MySQL part (MysqlSafetyReference writes between them). */
    private static final String MYSQL_BEGIN = "<!-- mysql:begin";
    private static final String MYSQL_END = "<!-- mysql:end -->";

    private SafetyReference() {
    }

    /** The page without a MySQL part. */
    public static String markdown() {
        return markdown("");
    }

    /**
     * The page, with the MySQL part of {@code existingPage} (between its markers; the MySQL module
     * generates it, and this module cannot see that code) kept after the PostgreSQL rules.
     */
    public static String markdown(String existingPage) {
        StringBuilder out = new StringBuilder();
        out.append("# Safety classes, hazards and locks\n\n")
                .append("<!-- Generated from the code by dev.converge.dialect.postgres.safety.SafetyReference;"
                        + " do not edit. SafetyReferenceDocTest says how to regenerate. -->\n\n")
                .append("Every plan step says what it will do to production: its classes, its hazards (a stable code"
                        + " and a sentence), the table locks it takes (PostgreSQL's lock modes, as pg_locks shows them"
                        + " while the statement runs), and, when planned against a live target, the affected tables'"
                        + " size and the results of data pre-checks.\n\n");
        classes(out);
        hazards(out);
        locks(out);
        rules(out);
        out.append(mysqlPart(existingPage));
        prose(out);
        lint(out);
        return out.toString();
    }

    private static void classes(StringBuilder out) {
        out.append("## Classes\n\nA step can be several at once (dropping a column is destructive and locking);"
                + " its classes are the union of its hazards' classes, plus additive when it adds something.\n\n");
        out.append("| class | meaning |\n| --- | --- |\n");
        for (SafetyClass c : SafetyClass.values()) {
            out.append("| ").append(word(c.name())).append(" | ").append(c.meaning()).append(" |\n");
        }
        out.append('\n');
    }

    private static void hazards(StringBuilder out) {
        out.append("## Hazards\n\n| code | class | meaning | by default |\n| --- | --- | --- | --- |\n");
        for (HazardCode code : HazardCode.values()) {
            String byDefault = SafetyPolicy.DEFAULT.needAllowance().contains(code)
                    ? "refused unless allowed (`--allow-hazards " + code + "`" + (code.safetyClass()
                    == SafetyClass.DESTRUCTIVE ? " or `--allow-destructive`" : "") + ")"
                    : code.safetyClass() == SafetyClass.LOCKING ? "allowed, with a warning" : "allowed, reported";
            out.append("| `").append(code).append("` | ")
                    .append(code.safetyClass() == null ? "(none)" : word(code.safetyClass().name())).append(" | ")
                    .append(code.summary()).append(" | ").append(byDefault).append(" |\n");
        }
        out.append('\n');
    }

    private static String mysqlPart(String page) {
        int begin = page.indexOf(MYSQL_BEGIN);
        int end = page.indexOf(MYSQL_END);
        return begin < 0 || end < begin ? "" : page.substring(begin, end + MYSQL_END.length() + 1) + "\n";
    }

    private static void locks(StringBuilder out) {
        out.append("## Lock levels\n\nWeakest first; `--max-lock LEVEL` refuses any step that takes a stronger"
                + " lock than LEVEL (https://www.postgresql.org/docs/current/explicit-locking.html).\n\n");
        out.append("| level | pg_locks mode | makes wait |\n| --- | --- | --- |\n");
        for (LockLevel level : LockLevel.values()) {
            if (level == LockLevel.NONE) {
                continue;
            }
            out.append("| `").append(level).append("` | ").append(level.pgLocksMode()).append(" | ")
                    .append(level.blocks()).append(" |\n");
        }
        out.append('\n');
    }

    private static void rules(StringBuilder out) {
        out.append("## PostgreSQL rules\n\nWhat the classifier says of each change on an existing table"
                + " (`public.orders`, referencing `public.customers`) on PostgreSQL 15; \"online\" is with the"
                + " online strategies (the default of `plan` and `apply`), \"plain\" without them"
                + " (`--no-concurrent-indexes --no-not-valid --no-not-null-check --no-index-replacement`). The claimed"
                + " locks are checked"
                + " against pg_locks on a real server by LockLevelsOnServerTest. Changes on a table the same plan"
                + " creates carry no lock and no lock hazard: nobody uses it yet.\n\n");
        out.append("| change | lock (plain) | lock (online) | classes (online) | hazards (online) |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        SchemaModel current = current();
        PostgresSafetyClassifier plain = new PostgresSafetyClassifier(15, OnlineStrategies.NONE);
        PostgresSafetyClassifier online = new PostgresSafetyClassifier(15, OnlineStrategies.ALL);
        for (Map.Entry<String, Change> example : examples().entrySet()) {
            Classification p = plain.classify(example.getValue(), current);
            Classification o = online.classify(example.getValue(), current);
            out.append("| ").append(example.getKey()).append(" | ").append(lock(p.strongestLock())).append(" | ")
                    .append(lock(o.strongestLock())).append(" | ")
                    .append(o.classes().isEmpty() ? "(none)" : EnumSet.copyOf(o.classes()).stream()
                            .map(c -> word(c.name())).collect(Collectors.joining(", "))).append(" | ")
                    .append(o.hazards().stream().map(Hazard::code).map(c -> "`" + c + "`")
                            .collect(Collectors.joining(", "))).append(" |\n");
        }
        out.append("\nOn PostgreSQL 10, ADD COLUMN with any default rewrites the table; before 12, SET NOT NULL"
                + " scans under ACCESS EXCLUSIVE even with a validated check, so that strategy is not used there.\n\n");
    }

    private static String lock(LockLevel level) {
        return level == LockLevel.NONE ? "none" : level.sql();
    }

    private static void prose(StringBuilder out) {
        out.append("""
                ## Live statistics and data pre-checks

                `plan` reads, in one catalog query, the row estimate (`pg_class.reltuples`) and total size
                (`pg_total_relation_size`) of every table a locking step touches:
                `impact: rewrites public.orders: ~12.4M rows, 3.1 GB`.

                Steps that may fail on existing rows are probed, read only, within a time budget shared by all
                probes (`--data-check-budget SECONDS`, default 10): SET NOT NULL over NULLs, a new unique index,
                unique constraint or primary key over duplicates, a new CHECK that rows violate, a new foreign key
                with orphans, a narrowing type change that values do not fit (strings, integers, numeric precision),
                an enum label still in use. A failing probe shows the count and an example and marks the step
                `X will fail`; apply refuses the plan, and no flag overrides that: fix the data. A probe that runs
                out of budget says `not checked` (never `checked`); tables above `--sample-above ROWS` (default
                1,000,000) are probed through TABLESAMPLE and the check says so. `--no-data-checks` turns probes off.

                Probes quote every identifier they write (a table named `child fk` is probed like any other), and a
                probe reads its table as its own step will see it, in terms of the rows there now: a column renamed
                earlier in the plan is read under its old name, one retyped earlier through a cast to its new type,
                one added earlier as its default (or NULL), a table renamed earlier under its old name
                (`(SELECT "amount" AS "total", ... FROM "public"."purchase") AS probe_row`); a table the plan creates
                has no rows, so a foreign key into it counts every non-NULL key as an orphan
                (`PlannedRelations`, `ProbesSeeThePlanTest`).

                ## Online strategies

                On by default on tables that exist; each can be turned off:

                | strategy | instead of | flag to turn it off |
                | --- | --- | --- |
                | `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY` (SHARE UPDATE EXCLUSIVE, outside the transaction; a failed build's INVALID index is dropped). On a partitioned table, which refuses both: `CREATE INDEX ... ON ONLY parent` (SHARE on the parent, catalog only), `CREATE INDEX CONCURRENTLY` per partition (SHARE UPDATE EXCLUSIVE on it), `ALTER INDEX ... ATTACH PARTITION` per partition (ACCESS SHARE on the tables, ACCESS EXCLUSIVE on the new copy only); its drop stays `DROP INDEX` (ACCESS EXCLUSIVE on the parent and every partition, briefly) | SHARE (index build) / ACCESS EXCLUSIVE (drop) | `--no-concurrent-indexes` |
                | `ADD CONSTRAINT ... NOT VALID`, then `VALIDATE CONSTRAINT` committed on its own (SHARE UPDATE EXCLUSIVE during the scan) | the scan under ACCESS EXCLUSIVE (check) or SHARE ROW EXCLUSIVE (foreign key) | `--no-not-valid` |
                | `SET NOT NULL` after a validated `CHECK (c IS NOT NULL)` (PostgreSQL 12+; the helper check is dropped) | the scan under ACCESS EXCLUSIVE | `--no-not-null-check` |
                | index replacement: an index with a new definition is built with `CREATE INDEX CONCURRENTLY` under a temporary name (`<name>_converge_new`), the old one dropped with `DROP INDEX CONCURRENTLY`, the new one renamed (`ALTER INDEX ... RENAME`, which locks only the index: SHARE UPDATE EXCLUSIVE from PostgreSQL 12, ACCESS EXCLUSIVE before); the table has a valid index at every moment; a failed build drops its INVALID temporary index and leaves the old one | dropping the old index, then building the new one: queries run without it in between | `--no-index-replacement` |

                An index is replaced as one step (`replace-index:...`), not a drop and a create. Its plain form
                (`--no-concurrent-indexes`) drops and creates inside the transaction, under ACCESS EXCLUSIVE for
                the whole build; its inverse is that plain form, which restores the old index from any point the
                online form can stop at. Columns of the table that are dropped or change type in the same plan
                keep the replacement online (issue 14.8): it runs after the table's type changes (the server
                rebuilds the old index with a retyped key column inside the `ALTER`, so it never goes away) and
                before the column drops (the new index cannot read a dropped column). One case is still a drop and
                a create as two steps around the type change, with a moment without the index: an old index whose
                expression, operator class or predicate reads a column whose type changes, because that expression
                may not exist for the new type and would make the `ALTER` fail. IndexReplacementTest checks from a
                second session, after every statement, that the table has a valid index in the other cases. A changed
                primary key or unique constraint is dropped and added in one transaction (its index built under
                ACCESS EXCLUSIVE, which the step's hazard says), and the plan keeps every statement that runs on
                its own (a NOT NULL through a check, a check validated apart) out from between the two, so the
                table is never committed without its key; building its index concurrently and attaching it
                with `ADD CONSTRAINT ... USING INDEX` is not done yet.

                A statement that runs on its own commits what ran before it: a plan with online steps is no longer
                one transaction. If apply fails after such a statement, the steps before it stay applied and a new
                plan shows what is left.

                ## Changing a table's partitioning

                PostgreSQL cannot repartition a table in place (plain to partitioned, another partition key, or
                back). Such a change is refused (exit code 3, nothing changed) with its explanation unless the
                table's declaration allows the rewrite, as for an enum that loses labels:
                `-- converge:allow TABLE_REWRITE` on the line before its `CREATE TABLE`. Then one step
                (`rebuild-table:...`, in the plan's transaction) renames the table and its partitions away
                (`<name>_converge_old`, and the sequences of its identity columns), creates the desired table and
                partitions under their names without their primary keys, unique and exclusion constraints, copies
                the rows of each old table in batches of 16,384 pages (a `ctid` range per `INSERT`, read by a TID
                range scan from PostgreSQL 14), keeps identity values and moves the identity and owned sequences on,
                drops the old tables (without CASCADE) and adds the keys. What depends on the table comes again as
                steps of their own after it, from the desired files: indexes, foreign keys (its own, and those of
                other tables pointing to it, dropped before the rebuild), triggers, row security and policies,
                grants, comments, rules and statistics objects; views and routines that read it are replaced
                around it. The step takes ACCESS EXCLUSIVE on the table and each partition from its first
                statement until the transaction commits: reads and writes wait for the whole copy. Its hazards
                are `TABLE_REWRITE`, `ACCESS_EXCLUSIVE_LOCK` and `DATA_DEPENDENT` (a row that fits no new partition,
                or breaks a check or key of the new table, fails the apply, which rolls back), and `DATA_LOSS` for
                a column the new table lacks. Planned against a live target, its impact gives the size and a time
                estimate at a cautious 50 MB/s: `rebuilds public.events: ~12.4M rows, 3.1 GB, about 2 minutes to
                copy at 50.0 MB/s`. A partition whose own partitioning changes, and a table that joins or leaves
                the partitions of a rebuilt table in the same plan, are refused with what to do instead
                (PartitioningRebuildTest).

                ## Policy

                | flag | effect |
                | --- | --- |
                | `--allow-destructive` | allows every destructive step |
                | `--allow-hazards CODE,...` | allows steps with these hazard codes |
                | `--max-lock LEVEL` | refuses steps that take a stronger lock than LEVEL |
                | `-- converge:allow CODE[,CODE]` | on the line before an object's declaration in the desired files: allows those hazards on the object's steps and on steps of its members (a dropped column of an annotated table); `TABLE_REWRITE` there also lets the plan recreate an enum that loses or reorders labels and rebuild a table whose partitioning changes, which are refused otherwise |

                A refusal (exit code 3, nothing changed) lists each blocked step, why, and the exact flag or
                annotation that would allow it. Annotations are read from the desired files of a fresh plan; a
                saved plan is judged by the flags given to `apply`.

                The policy is enforced by the engine's `Applier`, where the statements run, not by the CLI: every
                caller (the CLI's `apply`, fleet applies, `apply --resume` for the steps still to run, the library
                API, the Maven plugin, the JUnit extension) gets the same refusal, the same message, and nothing
                touched. The default policy refuses destructive steps and failing data checks; callers only gather
                the allowances (docs/library.md).

                ## Timeouts and retries

                `apply` runs every statement with its own `lock_timeout` (`--lock-timeout MILLIS`, default 5000)
                and `statement_timeout` (`--statement-timeout MILLIS`, default none). A statement that times out
                waiting for its lock (SQLSTATE 55P03) is retried, inside the transaction under a savepoint, after
                a pause that doubles each time (200 ms up to 10 s, with jitter), until `--lock-retry-budget
                SECONDS` (default 60) is spent; then apply fails, saying what waited for how long, and rolls back.

                The timeouts are part of each statement of the plan: `plan` writes its `--lock-timeout` and
                `--statement-timeout` on every statement and inverse (`lockTimeoutMillis`,
                `statementTimeoutMillis` in the plan file, covered by its integrity hash), and `apply PLAN` runs
                each statement with its own, as reviewed. `apply` without a plan file writes its flags on the
                plan it makes; its flags also serve statements of older plan files that carry none. MySQL has
                no lock_timeout: the lock timeout is its `lock_wait_timeout`, in whole seconds.

                A killed Converge (a cancelled CI job, an operator's Ctrl-C twice, SIGKILL) must not leave its
                statement running on the server, holding its locks: PostgreSQL notices a client that went away
                only when it next writes to it. From PostgreSQL 14 on, every Converge session sets
                `client_connection_check_interval` to 5 s, so the server cancels the statement of a client that is
                gone within seconds (its transaction rolls back, and the next `apply` resumes from the checkpoints).
                """);
    }

    private static void lint(StringBuilder out) {
        out.append("\n## Lint rules\n\n`converge lint` checks the desired state and the plan; `--rule ID=SEVERITY`"
                + " sets a rule's severity (error, warning, note, off), `--format text|json|sarif` the report (SARIF"
                + " 2.1.0 for code scanning); it exits 1 when a finding is an error.\n\n");
        out.append("| rule | default | checks |\n| --- | --- | --- |\n");
        for (LintRule rule : Linter.rules()) {
            out.append("| `").append(rule.id()).append("` | ").append(rule.defaultSeverity().sarifLevel()).append(" | ")
                    .append(rule.description()).append(" |\n");
        }
    }

    /** Representative changes, in the order the reference lists them. */
    private static Map<String, Change> examples() {
        Column plain = Column.of("note", "text", false);
        Column notNull = Column.of("qty", "integer", true);
        Column qty = Column.of("qty", "integer", false);
        Map<String, Change> examples = new LinkedHashMap<>();
        examples.put("create table", new CreateTable(new Table(QualifiedName.of("public", "fresh"),
                List.of(plain), List.of(), null)));
        examples.put("add nullable column", new AddColumn(T, plain));
        examples.put("add column with a constant default", new AddColumn(T, col("qty", "integer", true, "0")));
        examples.put("add column with a volatile default", new AddColumn(T, col("token", "uuid", true,
                "gen_random_uuid()")));
        examples.put("add NOT NULL column without default", new AddColumn(T, notNull));
        examples.put("add identity column", new AddColumn(T, new Column("n", "bigint", true, null, Identity.ALWAYS,
                null, null, null, null, List.of())));
        examples.put("drop column", new DropColumn(T, plain));
        examples.put("type: varchar(10) to varchar(20)", type("character varying(10)", "character varying(20)"));
        examples.put("type: integer to bigint", type("integer", "bigint"));
        examples.put("type: text to integer", type("text", "integer"));
        examples.put("type: bigint to integer (narrowing)", type("bigint", "integer"));
        examples.put("set not null", new AlterColumn(T, qty, Column.of("qty", "integer", true),
                EnumSet.of(ColumnChangeKind.NOT_NULL)));
        examples.put("drop not null", new AlterColumn(T, notNull, qty, EnumSet.of(ColumnChangeKind.NOT_NULL)));
        examples.put("set default", new AlterColumn(T, qty, col("qty", "integer", false, "1"),
                EnumSet.of(ColumnChangeKind.DEFAULT)));
        examples.put("create index", new CreateIndex(index(false)));
        examples.put("create unique index", new CreateIndex(index(true)));
        examples.put("drop index", new DropIndex(index(false)));
        examples.put("replace index (new definition)", new ReplaceIndex(index(false), new Index(
                QualifiedName.of("public", "orders_qty"), T, false, "btree", List.of("qty", "id"), List.of(), null,
                "CREATE INDEX orders_qty ON public.orders USING btree (qty, id)", null)));
        examples.put("add primary key", new AddConstraint(T, new TableConstraint("orders_pkey",
                ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", List.of("id"), null)));
        examples.put("add unique constraint", new AddConstraint(T, new TableConstraint("orders_no_key",
                ConstraintKind.UNIQUE, "UNIQUE (no)", List.of("no"), null)));
        examples.put("add check", new AddConstraint(T, check("CHECK ((qty > 0))")));
        examples.put("add check NOT VALID", new AddConstraint(T, check("CHECK ((qty > 0)) NOT VALID")));
        examples.put("drop constraint", new DropConstraint(T, check("CHECK ((qty > 0))")));
        examples.put("add foreign key", new AddForeignKey(fk()));
        examples.put("drop foreign key", new DropForeignKey(fk()));
        examples.put("comment on table", new SetComment(new Table(T, List.of(), List.of(), null).ref(), "x"));
        examples.put("drop table", new DropTable(new Table(T, List.of(plain), List.of(), null)));
        examples.put("drop view", new DropView(new View(QualifiedName.of("public", "v"), "SELECT 1", List.of(),
                List.of(), null)));
        examples.put("drop sequence", new DropSequence(new Sequence(QualifiedName.of("public", "s"), "bigint", 1, 1,
                1, Long.MAX_VALUE, 1, false, null, null)));
        return examples;
    }

    private static SchemaModel current() {
        Table orders = new Table(T, List.of(Column.of("id", "bigint", true)), List.of(), null);
        Table customers = new Table(P, List.of(Column.of("id", "bigint", true)), List.of(), null);
        View view = new View(QualifiedName.of("public", "v"), "SELECT 1", List.of(), List.of(), null);
        return new SchemaModel(List.of(new NamedSchema("public", null)), List.of(), List.of(),
                List.of(orders, customers), List.of(), List.of(), List.of(view));
    }

    private static Column col(String name, String type, boolean notNull, String def) {
        return new Column(name, type, notNull, def, Identity.NONE, null, null, null, null, List.of());
    }

    private static AlterColumn type(String from, String to) {
        return new AlterColumn(T, Column.of("c", from, false), Column.of("c", to, false),
                EnumSet.of(ColumnChangeKind.TYPE));
    }

    private static Index index(boolean unique) {
        return new Index(QualifiedName.of("public", "orders_qty"), T, unique, "btree", List.of("qty"), List.of(),
                null, "CREATE " + (unique ? "UNIQUE " : "") + "INDEX orders_qty ON public.orders USING btree (qty)",
                null);
    }

    private static TableConstraint check(String definition) {
        return new TableConstraint("orders_qty_check", ConstraintKind.CHECK, definition, List.of("qty"), null);
    }

    private static ForeignKey fk() {
        return new ForeignKey(T, "orders_customer_fk", List.of("customer_id"), P, List.of("id"),
                "FOREIGN KEY (customer_id) REFERENCES public.customers(id)", null);
    }

    private static String word(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
