package dev.converge.grammar.support;

import dev.converge.grammar.postgres.PostgresLexer;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * StatementSplitter cuts the text of a PostgreSQL file into statements at the semicolons that are
 * real terminators, using {@link PostgresLexer}: a ';' inside a comment, string, quoted identifier
 * or dollar quote never splits, nor does one inside a SQL-standard function body
 * ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+). Empty and comment-only pieces are dropped.
 * Unterminated constructs and psql meta-commands are reported as {@link LexicalIssue}s; splitting
 * goes on past them so that one run reports every issue of a file.
 */
public final class StatementSplitter {
    static final String META_COMMAND_HINT = "psql meta-commands are not SQL; remove the line";

    public SplitResult split(String text) {
        return new Run(text).run();
    }

    /** The state of one split: the statement being collected and the issues so far. */
    private static final class Run extends SplitRun {
        private int lastTerminatorEnd = -1;
        private String previousWord;
        private int atomicDepth;
        private int atomicStart;
        private int lastBeginOffset;

        Run(String text) {
            super(text);
        }

        SplitResult run() {
            List<? extends Token> tokens = tokensOf(new PostgresLexer(CharStreams.fromString(text)));
            int skipUntil = -1;
            for (Token token : tokens) {
                int from = positions.charOffset(token.getStartIndex());
                int to = positions.charOffset(token.getStopIndex() + 1);
                if (from < skipUntil) {
                    continue;
                }
                int type = token.getType();
                if (type == PostgresLexer.WHITESPACE) {
                    continue;
                }
                unterminated(type, from);
                if (type == PostgresLexer.LINE_COMMENT || type == PostgresLexer.BLOCK_COMMENT
                        || type == PostgresLexer.UNTERMINATED_BLOCK_COMMENT) {
                    comment(token.getText(), from);
                } else if (type == PostgresLexer.OTHER && token.getText().equals("\\") && positions.startsLine(from)) {
                    // A psql meta-command runs to the end of its line; nothing on it is SQL.
                    issue(from, "psql meta-command " + metaCommandName(from) + " in a SQL file", META_COMMAND_HINT);
                    skipUntil = positions.endOfLine(from);
                } else if (type == PostgresLexer.SEMI && atomicDepth == 0) {
                    finish();
                    lastTerminatorEnd = to;
                } else {
                    significant(token, from, to);
                }
            }
            if (atomicDepth > 0) {
                issue(atomicStart, "BEGIN ATOMIC has no matching END",
                        "end the function body with END before the ';' that ends the statement");
            }
            finish();
            return result();
        }

        private void comment(String comment, int from) {
            if (start >= 0) {
                return; // a comment inside a statement stays in its text
            }
            // A comment on the line of the previous ';' is about that statement, not the next one.
            int lineBreak = lastTerminatorEnd < 0 ? -1 : text.indexOf('\n', lastTerminatorEnd);
            boolean trailsPrevious = lastTerminatorEnd >= 0 && (lineBreak < 0 || lineBreak >= from);
            if (!trailsPrevious) {
                pendingComments.add(comment);
            }
        }

        private void significant(Token token, int from, int to) {
            significant(from, to);
            String word = token.getType() == PostgresLexer.IDENTIFIER
                    ? token.getText().toUpperCase(Locale.ROOT) : null;
            if (word != null) {
                trackAtomicBody(word, from);
            }
            previousWord = word;
        }

        /*
         * Like psql (psqlscan.l), count BEGIN ATOMIC ... END blocks so that the semicolons of a
         * SQL-standard function body do not split; CASE ... END nests inside such a body.
         */
        private void trackAtomicBody(String word, int from) {
            if (atomicDepth == 0) {
                if (word.equals("ATOMIC") && "BEGIN".equals(previousWord)) {
                    atomicDepth = 1;
                    atomicStart = lastBeginOffset;
                }
                if (word.equals("BEGIN")) {
                    lastBeginOffset = from;
                }
            } else if (word.equals("CASE")) {
                atomicDepth++;
            } else if (word.equals("END")) {
                atomicDepth--;
            }
        }

        private void unterminated(int type, int from) {
            if (type == PostgresLexer.UNTERMINATED_STRING) {
                issue(from, "unterminated string literal",
                        "close the string with ' (write '' for a quote inside it)");
            } else if (type == PostgresLexer.UNTERMINATED_QUOTED_IDENTIFIER) {
                issue(from, "unterminated quoted identifier",
                        "close the identifier with \" (write \"\" for a double quote inside it)");
            } else if (type == PostgresLexer.UNTERMINATED_DOLLAR_STRING) {
                String tag = text.substring(from, Math.min(text.length(), text.indexOf('$', from + 1) + 1));
                issue(from, "unterminated dollar-quoted string " + tag,
                        "close it with the same tag " + tag + "; a different tag inside is content");
            } else if (type == PostgresLexer.UNTERMINATED_BLOCK_COMMENT) {
                issue(from, "unterminated /* comment",
                        "close it with */ (block comments nest: each /* inside needs its own */)");
            }
        }

        @Override
        void statementEnded() {
            previousWord = null;
            atomicDepth = 0;
        }

        private String metaCommandName(int from) {
            int i = from + 1;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return text.substring(from, i);
        }
    }
}
