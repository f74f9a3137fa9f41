package dev.converge.engine.apply;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * ApplyReport tells a person what a stopped apply did: what ran, what was rolled back or undone, and
 * exactly where the target is now, with what to do next.
 */
final class ApplyReport {
    private final long applyId;
    private final Plan plan;
    private final List<StepGroup> committed;
    private final StepGroup failedGroup;
    private final PlanStep failedStep;
    private final DdlStatement failedStatement;
    private final String error;
    private final List<Integer> undoneSteps = new ArrayList<>();
    private String undoEnd;
    private boolean undoComplete;
    private String recordingError;

    ApplyReport(long applyId, Plan plan, List<StepGroup> committed, StepGroup failedGroup, PlanStep failedStep,
                DdlStatement failedStatement, String error) {
        this.applyId = applyId;
        this.plan = plan;
        this.committed = List.copyOf(committed);
        this.failedGroup = failedGroup;
        this.failedStep = failedStep;
        this.failedStatement = failedStatement;
        this.error = error;
        this.undoComplete = committed.isEmpty();
    }

    void undone(StepGroup group) {
        List<PlanStep> steps = new ArrayList<>(group.steps());
        java.util.Collections.reverse(steps);
        steps.forEach(s -> undoneSteps.add(s.number()));
        undoComplete = committed.indexOf(group) == 0;
    }

    void stoppedAtIrreversible(StepGroup group, PlanStep step) {
        undoEnd = "at the checkpoint after step " + group.lastStep() + ": step " + step.number() + " (" + step.id()
                + ") cannot be undone (" + (step.isDestructive() ? "its data is gone" : "no inverse exists") + ").";
    }

    void undoFailed(StepGroup group, String message) {
        undoEnd = "at the checkpoint after step " + group.lastStep() + ": undoing group " + group.number()
                + " failed: " + message;
    }

    void recordingFailed(String message) {
        recordingError = message;
    }

    boolean undoneToStart() {
        return undoComplete && undoEnd == null;
    }

    /** One line for the history's outcome column. */
    String stoppedLine(String word) {
        return word + " at step " + where() + ": " + firstLine(error) + (undoneSteps.isEmpty() ? ""
                : "; undone: steps " + join(undoneSteps)) + "; target " + targetState();
    }

    ConvergeException failed(Exception cause) {
        String next = undoneToStart() ? "Fix the cause and apply again."
                : "Fix the cause, then run 'converge apply --resume' to continue from the checkpoint.";
        return new ConvergeException(ErrorKind.ERROR, head("failed") + ranLine()
                + (undoneSteps.isEmpty() ? "" : "Undone by their inverse statements: steps " + join(undoneSteps) + ".\n")
                + "The target is " + targetState() + "\n" + recordingLine() + next, cause);
    }

    ConvergeException interrupted() {
        return new ConvergeException(ErrorKind.ERROR, "apply #" + applyId + " was interrupted before step " + where()
                + ".\n" + ranLine() + "The target is " + atCheckpoint() + "\n" + recordingLine()
                + "Run 'converge apply --resume' to continue.");
    }

    ConvergeException connectionLost(Exception cause) {
        return new ConvergeException(ErrorKind.ERROR, head("lost its connection") + ranLine()
                + "The server rolled back the open transaction by itself. The target is " + atCheckpoint() + "\n"
                + "Run 'converge apply --resume' to continue (the interrupted apply stays 'running' in the history"
                + " until then).", cause);
    }

    private String head(String what) {
        String statement = failedStatement == null ? ""
                : "  statement: " + failedStatement.sql().replace("\n", "\n             ") + "\n";
        return "apply #" + applyId + " " + what + " at step " + where() + ": " + error + "\n" + statement;
    }

    private String where() {
        return failedStep == null ? "?" : failedStep.number() + " of " + plan.steps().size() + " (" + failedStep.id() + ")";
    }

    private String ranLine() {
        String ran = committed.isEmpty() ? "No step was committed before"
                : "Steps " + committed.get(0).firstStep() + "-" + committed.get(committed.size() - 1).lastStep()
                + " were committed (checkpoints in converge.checkpoints)";
        int stoppedAt = failedStep == null ? failedGroup.firstStep() : failedStep.number();
        String rolledBack = failedGroup.transactional()
                ? "; " + range(failedGroup.firstStep(), stoppedAt) + " (group " + failedGroup.number() + ") "
                + (failedGroup.firstStep() == stoppedAt ? "was" : "were") + " rolled back"
                : "; step " + stoppedAt + " runs outside a transaction: anything it left half made was removed";
        int total = plan.steps().size();
        String notRun = stoppedAt < total ? "; " + range(stoppedAt + 1, total) + " did not run." : ".";
        return ran + rolledBack + notRun + "\n";
    }

    private static String range(int first, int last) {
        return first == last ? "step " + first : "steps " + first + "-" + last;
    }

    private String targetState() {
        if (undoneToStart()) {
            return "as it was before the apply.";
        }
        if (undoEnd != null) {
            return undoEnd;
        }
        return atCheckpoint();
    }

    private String atCheckpoint() {
        return committed.isEmpty() ? "as it was before the apply (no step committed)."
                : "at the checkpoint after step " + committed.get(committed.size() - 1).lastStep() + ".";
    }

    private String recordingLine() {
        return recordingError == null ? "" : "(Recording this in the target's history failed too: " + recordingError + ")\n";
    }

    private static String join(List<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
