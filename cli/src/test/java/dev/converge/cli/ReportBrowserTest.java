package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The fleet report, end to end and in a real browser: a fleet of three environments on the local
 * PostgreSQL (dev, 10 tenant databases in staging, 50 tenant schemas in prod) is rolled out to v2;
 * one prod tenant's apply fails on its data, three prod tenants and one staging tenant are changed by
 * hand (drift), and one staging database is gone (unreachable). {@code converge report} is opened in
 * headless Chromium: every cell of the matrix must say what {@code converge status --format json}
 * says, the filter must show the right rows, a click must open a target's plan, drift and history,
 * and the page must make no request at all. The screenshot goes to target/report-browser.
 */
class ReportBrowserTest {
    /** A code no report may show: it is a row value of the failing tenant. */
    private static final String ROW_VALUE = "row-value-7Q3Z";

    static final Path OUT = Path.of("target", "report-browser");

    @TempDir
    Path dir;

    @Test
    void everyCellMatchesStatusAndThePageWorksOffline() throws Exception {
        try (FleetProject p = FleetProject.create(dir, 50, 10)) {
            for (String env : List.of("dev", "staging", "prod")) {
                p.run("apply", "--env", env, "--auto-approve").expectExit(0);
            }
            p.desired(FleetProject.V2);
            p.run("apply", "--env", "dev", "--auto-approve").expectExit(0);
            p.run("apply", "--env", "staging", "--auto-approve").expectExit(0);
            // c020 holds duplicate codes: v2's unique index fails there, the other 49 converge.
            p.prodSql("INSERT INTO t_c020.customers (name) VALUES ('dup');"
                    + "INSERT INTO t_c020.orders (customer_id, code) SELECT id, '" + ROW_VALUE + "' FROM t_c020.customers;"
                    + "INSERT INTO t_c020.orders (customer_id, code) SELECT id, '" + ROW_VALUE + "' FROM t_c020.customers;");
            p.config("parallelism: 4\n      on_error: continue\n      failure_budget: 5");
            p.run("apply", "--env", "prod", "--auto-approve", "--no-data-checks").expectExit(1);
            for (String t : List.of("c005", "c006", "c007")) {
                p.prodSql("ALTER TABLE t_" + t + ".orders ALTER COLUMN total SET DEFAULT 1");
            }
            p.stagingSql("r04", "ALTER TABLE app.orders ALTER COLUMN total SET DEFAULT 1");
            try (var c = dev.converge.dialect.postgres.testing.LocalPostgres.admin();
                 var st = c.createStatement()) {
                st.execute("DROP DATABASE \"" + p.stagingPrefix + "r10\" WITH (FORCE)");
            }

            Cli.Result status = p.run("status", "--format", "json");
            assertEquals(1, status.exitCode(), "r10 cannot be read:\n" + status.all());
            JsonNode json = ReportJson.parse(status.out());
            Path html = OUT.resolve("fleet-report.html");
            Cli.Result report = p.run("report", "--out", html.toString());
            assertEquals(1, report.exitCode(), "written, but r10 cannot be read:\n" + report.all());
            assertTrue(report.out().contains("prod: 1 tenant pending plan B (2 steps, 2 locking), 46 tenants in sync,"
                    + " 3 drifted, 1 failed\n"), report.all());
            assertTrue(report.out().contains("staging: 8 tenants in sync, 1 drifted, 1 unreachable\n"), report.all());
            String page = Files.readString(html, StandardCharsets.UTF_8);
            assertFalse(page.contains(ROW_VALUE), "a row value reached the report");
            String addresses = page.replace("http://www.w3.org/2000/svg", "");
            assertFalse(addresses.contains("http://") || addresses.contains("https://"),
                    "the page names no web address but SVG's namespace");

            try (HeadlessChromium chromium = HeadlessChromium.start()) {
                String pageUrl = html.toAbsolutePath().toUri().toString();
                chromium.driver.get(pageUrl);
                cellsMatchStatus(chromium, json);
                filters(chromium);
                clickOpensThePlanDriftAndHistory(chromium);
                // The picture for docs/report.md: the top of the page, the failed tenant's detail open.
                chromium.script("window.scrollTo(0, 0)");
                chromium.driver.findElement(By.cssSelector("td.cell[data-env='prod'][data-target='c020']")).click();
                chromium.screenshot(OUT.resolve("fleet-report.png"));
                if (Boolean.getBoolean("converge.report.docsScreenshot")) {
                    chromium.screenshot(Path.of("..", "docs", "images", "report-fleet.png"));
                }
                assertEquals(List.of(pageUrl), chromium.requestsOf(pageUrl), "the page requested nothing but itself");
                assertEquals(0L, chromium.script("return performance.getEntriesByType('resource').length"));
            }
        }
    }

    /** Every target of status --format json is one cell with its state, last outcome and label. */
    private static void cellsMatchStatus(HeadlessChromium chromium, JsonNode status) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = (List<Map<String, Object>>) chromium.script(
                "return Array.from(document.querySelectorAll('td.cell')).map(c => ({env: c.dataset.env,"
                        + " target: c.dataset.target, state: c.dataset.state, outcome: c.dataset.outcome,"
                        + " text: c.innerText}))");
        int targets = 0;
        List<String> mismatches = new ArrayList<>();
        for (JsonNode env : status.get("environments")) {
            for (JsonNode t : env.get("targets")) {
                targets++;
                String name = env.get("name").asText() + "/" + t.get("name").asText();
                Map<String, Object> cell = cells.stream().filter(c -> name.equals(c.get("env") + "/" + c.get("target")))
                        .findFirst().orElse(null);
                String state = t.get("state").asText();
                String label = state.equals("error") ? "unreachable" : state.replace("_and_", " + ").replace('_', ' ');
                if (cell == null) {
                    mismatches.add(name + ": no cell");
                } else if (!state.equals(cell.get("state")) || !t.get("lastOutcome").asText().equals(cell.get("outcome"))
                        || !((String) cell.get("text")).startsWith(label)
                        || t.get("lastOutcome").asText().equals("failed") != ((String) cell.get("text")).contains("last apply failed")) {
                    mismatches.add(name + ": status says " + state + "/" + t.get("lastOutcome").asText() + ", the page "
                            + cell);
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(61, targets, "dev, 10 staging databases, 50 prod schemas");
        assertEquals(targets, cells.size(), "one cell per target, no more");
    }

    private static void filters(HeadlessChromium chromium) {
        WebElement search = chromium.driver.findElement(By.id("search"));
        Select state = new Select(chromium.driver.findElement(By.id("state")));
        search.sendKeys("c00");
        assertEquals(List.of("c001", "c002", "c003", "c004", "c005", "c006", "c007", "c008", "c009"), visibleRows(chromium));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        state.selectByValue("drifted");
        assertEquals(List.of("c005", "c006", "c007", "r04"), visibleRows(chromium));
        state.selectByValue("failed");
        assertEquals(List.of("c020"), visibleRows(chromium));
        state.selectByValue("error");
        assertEquals(List.of("r10"), visibleRows(chromium));
        state.selectByValue("pending");
        assertEquals(List.of("c020"), visibleRows(chromium), "drifted is not pending (as in status)");
        state.selectByValue("");
        assertEquals(61, visibleRows(chromium).size(), "dev, r01..r10, c001..c050: all rows again");
        assertTrue(chromium.driver.findElement(By.id("shown")).getText().matches("\\d+ of \\d+ rows shown \\(filtered in [0-9.]+ ms\\)"));
    }

    private static void clickOpensThePlanDriftAndHistory(HeadlessChromium chromium) {
        chromium.driver.findElement(By.cssSelector("td.cell[data-env='prod'][data-target='c020']")).click();
        WebElement detail = chromium.driver.findElement(By.id("detail"));
        assertTrue(detail.isDisplayed());
        String text = detail.getText();
        assertTrue(text.contains("c020 in prod"), text);
        assertTrue(text.contains("CREATE UNIQUE INDEX"), "the plan's SQL:\n" + text);
        assertTrue(text.matches("(?s).*#\\d+ rolled back .*\nfailed at step 2 of 2 .*"),
                "the failed apply (undone) in the timeline:\n" + text);
        assertTrue(text.matches("(?s).*#\\d+ converged .*"), "and the v1 apply before it:\n" + text);
        assertEquals(1L, chromium.script("return document.querySelectorAll('#detail svg.plan-graph').length"),
                "the plan's dependency graph is drawn");

        chromium.driver.findElement(By.id("close")).click();
        assertFalse(detail.isDisplayed());
        chromium.driver.findElement(By.cssSelector("td.cell[data-env='prod'][data-target='c006']")).click();
        text = detail.getText();
        assertTrue(text.contains("Drift: changed outside Converge"), text);
        assertTrue(text.contains("t_c006.orders.total"), text);
        chromium.driver.findElement(By.id("close")).click();
        chromium.driver.findElement(By.cssSelector("td.cell[data-env='staging'][data-target='r10']")).click();
        assertTrue(detail.getText().contains("Could not be planned"), detail.getText());
        chromium.driver.findElement(By.id("close")).click();
    }

    @SuppressWarnings("unchecked")
    private static List<String> visibleRows(HeadlessChromium chromium) {
        return (List<String>) chromium.script("return Array.from(document.querySelectorAll('#matrix tbody tr'))"
                + ".filter(r => r.offsetParent !== null).map(r => r.dataset.name)");
    }
}
