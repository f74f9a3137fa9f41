package dev.converge.dialect.mysql.parse;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MysqlStatementSplitter splits a MySQL/MariaDB file at semicolons with a small lexer of MySQL's
 * own rules: {@code #} and {@code -- } line comments, block comments, strings in single or double
 * quotes (with backslash escapes and doubled quotes), names in backquotes. Trigger, routine and event
 * bodies are not cut at their inner semicolons: in a statement that creates one, semicolons count
 * only outside BEGIN ... END blocks (and the CASE/IF/LOOP blocks that END closes).
 *
 * <p>The mysql client's {@code DELIMITER xx} lines are understood as the client understands them, since
 * dump files and real teams write bodies that way: after {@code DELIMITER //} a statement ends at
 * {@code //} and semicolons are ordinary text, until {@code DELIMITER ;}. The DELIMITER lines are not
 * statements. Comments between statements are kept with the statement that follows them (they carry
 * {@code converge:} annotations).
 */
public final class MysqlStatementSplitter implements StatementSplitter {
    @Override
    public List<SqlStatement> split(SourceFile file) {
        return new Run(file).split();
    }

    private static final class Run {
        private final SourceFile file;
        private final String text;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<Diagnostic> problems = new ArrayList<>();
        private int pos;
        private int start = -1;
        private boolean compound;
        private int depth;
        private final List<String> words = new ArrayList<>();
        /** The client delimiter: ";" unless a DELIMITER line changed it. */
        private String delimiter = ";";
        private final List<String> comments = new ArrayList<>();

        Run(SourceFile file) {
            this.file = file;
            this.text = file.text();
        }

        List<SqlStatement> split() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (atClientDelimiter()) {
                    finish(pos);
                    pos += delimiter.length();
                } else if (c == '#' || (c == '-' && startsLineComment())) {
                    skipLineComment();
                } else if (c == '/' && peek(1) == '*') {
                    skipBlockComment();
                } else if (c == '\'' || c == '"' || c == '`') {
                    mark();
                    skipQuoted(c);
                } else if (c == ';') {
                    if (!delimiter.equals(";")) {
                        mark();
                        pos++;
                    } else if (compound && depth > 0) {
                        pos++;
                    } else {
                        finish(pos);
                        pos++;
                    }
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (isWordStart(c)) {
                    if (start < 0 && atLineStart() && matchesWord("DELIMITER")) {
                        delimiter();
                        continue;
                    }
                    mark();
                    word();
                } else {
                    mark();
                    pos++;
                }
            }
            finish(text.length());
            if (!problems.isEmpty()) {
                throw new BadInputException(problems);
            }
            return statements;
        }

        private void mark() {
            if (start < 0) {
                start = pos;
                compound = false;
                depth = 0;
                words.clear();
            }
        }

        private void finish(int end) {
            if (start >= 0) {
                String sql = text.substring(start, end).strip();
                if (!sql.isEmpty()) {
                    statements.add(new SqlStatement(file, sql, start, comments));
                    comments.clear();
                }
            }
            start = -1;
        }

        /** True at a delimiter set by a DELIMITER line ({@code //}, {@code $$}), which may follow a word directly. */
        private boolean atClientDelimiter() {
            return !delimiter.equals(";") && text.startsWith(delimiter, pos);
        }

        /** A comment between statements belongs to the next one (annotations are read from it). */
        private void keepComment(int begin) {
            if (start < 0) {
                comments.add(text.substring(begin, pos));
            }
        }

        private void word() {
            int begin = pos;
            pos++;
            while (pos < text.length() && isWordPart(text.charAt(pos)) && !atClientDelimiter()) {
                pos++;
            }
            String w = text.substring(begin, pos).toUpperCase(Locale.ROOT);
            if (words.size() < 12) {
                words.add(w);
                if (words.get(0).equals("CREATE") && (w.equals("TRIGGER") || w.equals("PROCEDURE")
                        || w.equals("FUNCTION") || w.equals("EVENT"))) {
                    compound = true;
                }
            }
            if (!compound) {
                return;
            }
            switch (w) {
                case "BEGIN", "CASE" -> depth++;
                case "END" -> {
                    String next = nextWord();
                    if (next.equals("IF") || next.equals("LOOP") || next.equals("WHILE") || next.equals("REPEAT")) {
                        return;
                    }
                    depth = Math.max(0, depth - 1);
                    if (next.equals("CASE")) {
                        // END CASE closes a CASE statement: its CASE opens nothing.
                        skipSpaces();
                        pos += 4;
                    }
                }
                default -> { }
            }
        }

        /** The next word after the current position (upper case), without moving. */
        private String nextWord() {
            int p = pos;
            while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            int b = p;
            while (p < text.length() && isWordPart(text.charAt(p))) {
                p++;
            }
            return text.substring(b, p).toUpperCase(Locale.ROOT);
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean startsLineComment() {
            // MySQL needs whitespace (or the end) after "--" for a comment; "a--b" is arithmetic.
            return peek(1) == '-' && (pos + 2 >= text.length() || Character.isWhitespace(text.charAt(pos + 2)));
        }

        private void skipLineComment() {
            int begin = pos;
            skipToEndOfLine();
            keepComment(begin);
        }

        private void skipToEndOfLine() {
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
        }

        private void skipBlockComment() {
            int begin = pos;
            boolean executable = peek(2) == '!' || peek(2) == 'M' && peek(3) == '!';
            if (executable) {
                // /*! ... */ is SQL the server runs: it belongs to the statement.
                mark();
            }
            int end = text.indexOf("*/", pos + 2);
            if (end < 0) {
                problem(begin, "unterminated comment: '/*' has no matching '*/'", "close the comment with */");
                pos = text.length();
                return;
            }
            pos = end + 2;
            if (!executable) {
                keepComment(begin);
            }
        }

        private void skipQuoted(char quote) {
            int begin = pos;
            int end = MysqlTokens.endOfQuoted(text, pos, quote);
            if (end >= 0) {
                pos = end;
                return;
            }
            String what = quote == '`' ? "quoted name" : "string";
            problem(begin, "unterminated " + what + ": " + quote + " has no matching " + quote,
                    "close it with " + quote + " (a " + quote + " inside is written twice)");
            pos = text.length();
        }

        /** {@code DELIMITER xx}: the rest of the line, up to whitespace, is the new delimiter. */
        private void delimiter() {
            int begin = pos;
            pos += "DELIMITER".length();
            skipBlanks();
            int from = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String next = text.substring(from, pos);
            if (next.isEmpty() || next.contains("\\")) {
                problem(begin, "DELIMITER needs a delimiter: DELIMITER // (any characters but a backslash)",
                        "write DELIMITER // before the bodies and DELIMITER ; after them");
            } else {
                delimiter = next;
            }
            skipToEndOfLine();
        }

        private void skipBlanks() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private boolean atLineStart() {
            int p = pos - 1;
            while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p--;
            }
            return p < 0 || text.charAt(p) == '\n' || text.charAt(p) == '\r';
        }

        private boolean matchesWord(String w) {
            int end = pos + w.length();
            return end <= text.length() && text.regionMatches(true, pos, w, 0, w.length())
                    && (end == text.length() || !isWordPart(text.charAt(end)));
        }

        private char peek(int ahead) {
            int p = pos + ahead;
            return p < text.length() ? text.charAt(p) : '\0';
        }

        private void problem(int offset, String message, String hint) {
            SourceSpan span = file.spanAt(offset);
            problems.add(new Diagnostic(span, message, file.line(span.line()), hint));
        }

        private static boolean isWordStart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
        }

        private static boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
