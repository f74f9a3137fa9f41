package dev.converge.grammar.support;

import java.util.List;

/** SplitResult is what the splitter found in one text: its statements in order, and its issues in order. */
public record SplitResult(List<RawStatement> statements, List<LexicalIssue> issues) {
    public SplitResult {
        statements = List.copyOf(statements);
        issues = List.copyOf(issues);
    }

    public boolean hasIssues() {
        return !issues.isEmpty();
    }
}
