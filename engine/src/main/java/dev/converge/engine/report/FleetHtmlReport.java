package dev.converge.engine.report;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.fleet.PlanGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * FleetHtmlReport writes the fleet report as one self-contained HTML page: the promotion pipeline,
 * a release-note summary, the environments x targets matrix, the plans (each shared plan once, with
 * its graph), and per target its drift and history, which a click opens. CSS and script are inlined
 * from resources beside this class and nothing is fetched: the file opens from disk, offline.
 * Passwords never reach it (URLs are displayed without them, errors go through {@link dev.converge.engine.diag.Redaction}),
 * and neither do row values (only what status, drift and history already show).
 */
public final class FleetHtmlReport {
    /** Applies per target kept in the report: enough for a timeline, bounded for a big fleet. */
    public static final int HISTORY_PER_TARGET = 10;

    private FleetHtmlReport() {
    }

    public static String render(FleetReport report) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                        + " script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>Converge fleet report</title>\n<style>\n").append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>Converge fleet report</h1><p class=\"muted\">generated ")
                .append(report.generatedAt().toString().replaceFirst("\\.\\d+Z$", "Z")).append("</p></header>\n");
        summary(report, out);
        PipelineHtml.render(report, out);
        MatrixHtml.render(report, out);
        plans(report, out);
        out.append("<aside id=\"detail\" hidden><button id=\"close\" type=\"button\">close</button>"
                + "<div id=\"detail-body\"></div></aside>\n");
        out.append("<script type=\"application/json\" id=\"targets\">").append(scriptSafe(TargetDetails.json(report)))
                .append("</script>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void summary(FleetReport report, StringBuilder out) {
        out.append("<section id=\"summary\"><h2>Summary</h2><ul>\n");
        report.environments().forEach(env -> out.append("<li>").append(Html.escape(ReleaseNote.of(env)))
                .append("</li>\n"));
        out.append("</ul></section>\n");
    }

    /** Each distinct plan once per environment, under its group label; a cell's click shows it. */
    private static void plans(FleetReport report, StringBuilder out) {
        out.append("<section id=\"plans\"><h2>Plans</h2>\n");
        for (FleetReport.Environment env : report.environments()) {
            if (env.plan() == null) {
                continue;
            }
            for (PlanGroup group : env.plan().groups()) {
                if (group.label().equals(PlanGroup.IN_SYNC)) {
                    continue;
                }
                List<String> names = group.names();
                out.append("<details class=\"plan-group\" id=\"plan-").append(Html.escape(env.name())).append('-')
                        .append(Html.escape(group.label())).append("\"><summary><b>").append(Html.escape(env.name()))
                        .append(" · plan ").append(Html.escape(group.label())).append("</b>: ")
                        .append(Plural.count(names.size(), "target")).append(" (")
                        .append(Html.escape(names.stream().limit(5).collect(Collectors.joining(", "))))
                        .append(names.size() > 5 ? ", …" : "").append(") · ")
                        .append(Html.escape(ReleaseNote.steps(group.representative()))).append("</summary>\n")
                        .append("<p class=\"muted\">Shown as planned for ").append(Html.escape(names.get(0)))
                        .append("; the others get the same steps on their own schema or database.</p>\n")
                        .append(PlanHtml.render(group.representative())).append("</details>\n");
            }
        }
        out.append("</section>\n");
    }

    /** JSON inside a script element: "</" would end the element early. */
    private static String scriptSafe(String json) {
        return json.replace("</", "<\\/");
    }

    private static String resource(String name) {
        try (InputStream in = FleetHtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
