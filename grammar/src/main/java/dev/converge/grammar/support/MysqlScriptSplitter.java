package dev.converge.grammar.support;

import dev.converge.grammar.mysql.MysqlLexer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * MysqlScriptSplitter cuts the text of a MySQL/MariaDB file into statements as the mysql client
 * does, on the tokens of {@link MysqlLexer}: a ';' inside a comment, string or backquoted name never
 * splits. Two more rules come from the client:
 * <ul>
 *   <li>{@code DELIMITER xx} lines (the lexer reads them) change what ends a statement: after
 *       {@code DELIMITER //} a statement ends at {@code //} and semicolons are ordinary text, until
 *       {@code DELIMITER ;}. The lines themselves are not statements.</li>
 *   <li>Without a DELIMITER line, the semicolons inside the BEGIN ... END body of a trigger, routine
 *       or event (and the CASE blocks that END closes) do not split, since such files are common
 *       and the server needs the body whole.</li>
 * </ul>
 * Comments between statements are kept with the statement that follows them (they carry
 * {@code converge:} annotations); executable comments ({@code /*!50003 ...}) are SQL and stay in
 * the statement. Unterminated constructs are {@link LexicalIssue}s; splitting goes on past them.
 */
public final class MysqlScriptSplitter {
    private static final Set<Integer> COMMENTS = Set.of(MysqlLexer.LINE_COMMENT, MysqlLexer.BLOCK_COMMENT,
            MysqlLexer.EMPTY_BLOCK_COMMENT, MysqlLexer.NEVER_EXECUTED_COMMENT);
    private static final Set<String> COMPOUND_KINDS = Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT");
    private static final Set<String> LOOPS_END = Set.of("IF", "LOOP", "WHILE", "REPEAT");
    /* How far into a statement the kind of object it creates is looked for (CREATE DEFINER=... TRIGGER). */
    private static final int HEAD_WORDS = 12;

    public SplitResult split(String text) {
        return new Run(text).run();
    }

    /** The state of one split: the statement being collected and the issues so far. */
    private static final class Run extends SplitRun {
        private boolean customDelimiter;
        private int headWords;
        private boolean createStatement;
        private boolean compound;
        private int depth;

        Run(String text) {
            super(text);
        }

        SplitResult run() {
            List<? extends Token> tokens = tokensOf(new MysqlLexer(CharStreams.fromString(text)));
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                int type = token.getType();
                int from = positions.charOffset(token.getStartIndex());
                int to = positions.charOffset(token.getStopIndex() + 1);
                if (type == MysqlLexer.WHITESPACE) {
                    continue;
                }
                unterminated(type, from);
                if (COMMENTS.contains(type) || type == MysqlLexer.UNTERMINATED_BLOCK_COMMENT) {
                    if (start < 0) {
                        pendingComments.add(token.getText());
                    }
                } else if (type == MysqlLexer.DELIMITER_COMMAND) {
                    finish();
                    delimiterCommand(token.getText(), from);
                } else if (type == MysqlLexer.CLIENT_DELIMITER) {
                    finish();
                } else if (type == MysqlLexer.SEMI && !customDelimiter && !(compound && depth > 0)) {
                    finish();
                } else {
                    significant(from, to);
                    if (type == MysqlLexer.IDENTIFIER) {
                        i = word(tokens, i);
                    }
                }
            }
            finish();
            return result();
        }

        /** Follows BEGIN ... END blocks of a body; returns the index of the last token it used. */
        private int word(List<? extends Token> tokens, int i) {
            String w = tokens.get(i).getText().toUpperCase(Locale.ROOT);
            if (headWords < HEAD_WORDS) {
                headWords++;
                createStatement |= headWords == 1 && w.equals("CREATE");
                compound |= createStatement && COMPOUND_KINDS.contains(w);
            }
            if (!compound) {
                return i;
            }
            if (w.equals("BEGIN") || w.equals("CASE")) {
                depth++;
            } else if (w.equals("END")) {
                int next = nextWord(tokens, i);
                String following = next < 0 ? "" : tokens.get(next).getText().toUpperCase(Locale.ROOT);
                if (LOOPS_END.contains(following)) {
                    return i;
                }
                depth = Math.max(0, depth - 1);
                if (following.equals("CASE")) {
                    // END CASE closes a CASE statement: its CASE opens nothing.
                    significant(positions.charOffset(tokens.get(next).getStartIndex()),
                            positions.charOffset(tokens.get(next).getStopIndex() + 1));
                    return next;
                }
            }
            return i;
        }

        /** The index of the next word after {@code i}, across blanks only, or -1. */
        private static int nextWord(List<? extends Token> tokens, int i) {
            for (int j = i + 1; j < tokens.size(); j++) {
                int type = tokens.get(j).getType();
                if (type == MysqlLexer.IDENTIFIER) {
                    return j;
                }
                if (type != MysqlLexer.WHITESPACE) {
                    return -1;
                }
            }
            return -1;
        }

        private void delimiterCommand(String line, int from) {
            String argument = line.substring("DELIMITER".length()).strip();
            int blank = argument.indexOf(' ');
            argument = blank < 0 ? argument : argument.substring(0, blank);
            if (argument.isEmpty() || argument.contains("\\")) {
                issue(from, "DELIMITER needs a delimiter: DELIMITER // (any characters but a backslash)",
                        "write DELIMITER // before the bodies and DELIMITER ; after them");
            } else {
                customDelimiter = !argument.equals(";");
            }
        }

        private void unterminated(int type, int from) {
            if (type == MysqlLexer.UNTERMINATED_STRING) {
                char quote = text.charAt(from) == '"' ? '"' : '\'';
                issue(from, "unterminated string: " + quote + " has no matching " + quote,
                        "close it with " + quote + " (a " + quote + " inside is written twice)");
            } else if (type == MysqlLexer.UNTERMINATED_BACKQUOTED_NAME) {
                issue(from, "unterminated quoted name: ` has no matching `",
                        "close it with ` (a ` inside is written twice)");
            } else if (type == MysqlLexer.UNTERMINATED_BLOCK_COMMENT) {
                issue(from, "unterminated comment: '/*' has no matching '*/'", "close the comment with */");
            }
        }

        @Override
        void statementEnded() {
            headWords = 0;
            createStatement = false;
            compound = false;
            depth = 0;
        }
    }
}
