package dev.converge.dialect.postgres.apply;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Fingerprints;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ApplyScenario is a target database in a known before-state, with rows, and a saved plan to a desired
 * state made on a second database: a shop whose plan mixes transactional steps, concurrent index
 * builds and a drop of a table.
 */
final class ApplyScenario implements AutoCloseable {
    static final String BEFORE = """
            CREATE TABLE public.customers (id integer PRIMARY KEY, name text NOT NULL, email text);
            CREATE TABLE public.orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric(10,2));
            CREATE TABLE public.legacy (id integer PRIMARY KEY, note text);
            INSERT INTO public.customers SELECT g, 'customer ' || g, 'c' || g || '@example.com' FROM generate_series(1, 200) g;
            INSERT INTO public.orders SELECT g, 1 + g % 200, g * 1.5 FROM generate_series(1, 500) g;
            INSERT INTO public.legacy SELECT g, 'old ' || g FROM generate_series(1, 50) g;
            """;

    static final String DESIRED = """
            CREATE TABLE public.customers (id integer PRIMARY KEY, name text NOT NULL, email text, tier text);
            CREATE TABLE public.orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric(10,2),
                note text, CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customers (id));
            CREATE TABLE public.invoices (id integer PRIMARY KEY, order_id integer NOT NULL, amount numeric(10,2));
            CREATE INDEX customers_email_idx ON public.customers (email);
            CREATE INDEX orders_customer_idx ON public.orders (customer_id);
            CREATE INDEX invoices_order_idx ON public.invoices (order_id);
            CREATE VIEW public.order_totals AS SELECT customer_id, sum(total) AS total FROM public.orders GROUP BY customer_id;
            """;

    /** The columns every original table keeps, whose rows must survive any apply unchanged. */
    static final Map<String, String> KEPT = new LinkedHashMap<>(Map.of(
            "customers", "id, name, email", "orders", "id, customer_id, total"));

    final Dialect dialect;
    final LocalPostgres target;
    final SavedPlan saved;

    private ApplyScenario(Dialect dialect, LocalPostgres target, SavedPlan saved) {
        this.dialect = dialect;
        this.target = target;
        this.saved = saved;
    }

    static ApplyScenario create(Dialect dialect, String name, String before, String desired) {
        LocalPostgres target = LocalPostgres.create(name);
        target.execute(before);
        try (LocalPostgres desiredDb = LocalPostgres.create(name + "_d")) {
            desiredDb.execute(desired);
            SchemaModel desiredModel = inspect(dialect, desiredDb);
            SchemaModel current = inspect(dialect, target);
            Plan plan = Planner.of(dialect).plan(current, desiredModel, "postgresql://" + target.database());
            return new ApplyScenario(dialect, target, new SavedPlan(plan, List.of(), current, desiredModel,
                    "test-desired", null));
        }
    }

    static ApplyScenario shop(Dialect dialect, String name) {
        return create(dialect, name, BEFORE, DESIRED);
    }

    static SchemaModel inspect(Dialect dialect, LocalPostgres db) {
        try (Connection c = db.connect()) {
            return dialect.inspector().inspect(c, InspectScope.ALL);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String fingerprint() {
        return Fingerprints.of(inspect(dialect, target));
    }

    /** A checksum of the kept columns' rows of each original table. */
    Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = target.connect(); Statement st = c.createStatement()) {
            for (Map.Entry<String, String> table : KEPT.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ':' || md5(string_agg(t::text, ',' ORDER BY id))"
                        + " FROM (SELECT " + table.getValue() + " FROM public." + table.getKey() + ") t")) {
                    rs.next();
                    sums.put(table.getKey(), rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }

    Connection connect() {
        return target.connect();
    }

    @Override
    public void close() {
        target.close();
    }
}
