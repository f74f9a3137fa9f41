package dev.converge.api;

import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetStatus;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.report.FleetHtmlReport;
import dev.converge.engine.report.FleetReport;
import dev.converge.engine.report.ReleaseNote;
import dev.converge.engine.spi.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code converge status}, {@code drift} and {@code report} read of one environment of a
 * converge.yaml: every target planned without data pre-checks (catalogs only, no rows), and so each
 * target's state: in sync, pending, drifted, failed or unreachable; for the report, each target's
 * recent applies too. An environment that could not be read at all (its server down, a variable of
 * its URL unset) is a survey as well, holding only why ({@link #error()}), so that one bad environment
 * does not hide the others. Obtained from {@link ConvergeProject#survey} and
 * {@link ConvergeProject#surveyEach}; immutable.
 *
 * <pre>{@code
 * ConvergeProject project = Converge.project(Path.of("converge.yaml"));
 * List<EnvironmentSurvey> all = project.surveyEach(project.environments(List.of()), false, line -> { });
 * System.out.print(EnvironmentSurvey.statusText(all));
 * }</pre>
 */
public final class EnvironmentSurvey {
    private final String name;
    private final String after;
    private final FleetPlan plan;
    private final String error;
    private final Map<String, List<HistoryEntry>> history;

    private EnvironmentSurvey(String name, String after, FleetPlan plan, String error,
                              Map<String, List<HistoryEntry>> history) {
        this.name = name;
        this.after = after;
        this.plan = plan;
        this.error = error;
        this.history = history;
    }

    static EnvironmentSurvey read(String name, String after, FleetPlan plan, Map<String, List<HistoryEntry>> history) {
        return new EnvironmentSurvey(name, after, Objects.requireNonNull(plan, "plan is null"), null, history);
    }

    static EnvironmentSurvey unreadable(String name, String after, String error) {
        return new EnvironmentSurvey(name, after, null, Objects.requireNonNull(error, "error is null"), Map.of());
    }

    /** The environment's name in converge.yaml. */
    public String name() {
        return name;
    }

    /** Why the environment could not be read (passwords taken out), or empty when it was. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** True when the environment and every target of it were read. */
    public boolean complete() {
        return plan != null && plan.failures().isEmpty();
    }

    /** True when a target changed outside Converge since its last apply. */
    public boolean drifted() {
        return plan != null && plan.targets().stream().anyMatch(t -> t.state().drifted());
    }

    /** True when a target has changes to apply. */
    public boolean pending() {
        return plan != null && plan.targets().stream().anyMatch(TargetPlan::pending);
    }

    /** Drift and pending changes per target, as {@code converge drift} prints them (empty when unreadable). */
    public String driftText() {
        return plan == null ? "" : FleetStatus.driftText(plan);
    }

    /** The same as JSON, as {@code converge drift --format json} prints it (empty when unreadable). */
    public String driftJson() {
        return plan == null ? "" : FleetStatus.driftJson(plan);
    }

    /** One line like a release note: "prod: 412 tenants pending plan A (3 steps, 1 locking), 3 drifted". */
    public String releaseNote() {
        return ReleaseNote.of(reportSection());
    }

    /**
     * The matrix of environments x targets that {@code converge status} prints: the applied desired
     * state, when, by whom, the last outcome, pending or drifted; alike targets grouped. Unreadable
     * environments are left out (their {@link #error()} says why).
     */
    public static String statusText(List<EnvironmentSurvey> surveys) {
        return FleetStatus.matrix(plans(surveys));
    }

    /** The same as JSON, as {@code converge status --format json} prints it. */
    public static String statusJson(List<EnvironmentSurvey> surveys) {
        return FleetStatus.statusJson(plans(surveys));
    }

    /**
     * The self-contained HTML report ({@code converge report}) of these environments, in this order:
     * promotion, the matrix, every plan with its graph, drift and, for surveys read with their history,
     * the timelines. Inline CSS and script; it loads nothing.
     */
    public static String html(List<EnvironmentSurvey> surveys, Instant generatedAt) {
        return FleetHtmlReport.render(new FleetReport(generatedAt,
                surveys.stream().map(EnvironmentSurvey::reportSection).toList()));
    }

    /** How many applies per target a survey read for the report keeps (the report's timelines). */
    static int historyPerTarget() {
        return FleetHtmlReport.HISTORY_PER_TARGET;
    }

    private FleetReport.Environment reportSection() {
        return plan == null ? FleetReport.Environment.unreadable(name, after, error)
                : new FleetReport.Environment(name, after, plan, null, history);
    }

    private static List<FleetPlan> plans(List<EnvironmentSurvey> surveys) {
        return surveys.stream().filter(s -> s.plan != null).map(s -> s.plan).toList();
    }
}
