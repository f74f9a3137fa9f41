package dev.converge.dialect.mysql.safety;

import dev.converge.dialect.mysql.MysqlIdentifiers;
import dev.converge.dialect.mysql.sql.ColumnType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TypeFit says which existing values a MySQL column's new type cannot hold, as a condition over the
 * (quoted) column: strings longer than the new length, integers out of the new type's range (signed or
 * UNSIGNED), numbers with more integer digits than the new DECIMAL allows, ENUM and SET values that are
 * no longer in the list. In strict mode (the default) such a value makes the ALTER fail; without it, the
 * value is silently truncated or cut to the range, which is worse. Null when the new type holds every
 * value of the old one, or when the answer would need more than a comparison (text to number).
 */
final class TypeFit {
    private static final Pattern LENGTH = Pattern.compile("^(var)?(char|binary)\\((\\d+)\\)");
    private static final Pattern DECIMAL = Pattern.compile("^decimal\\((\\d+)(?:,(\\d+))?\\)");
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final List<String> NUMERIC = List.of("tinyint", "smallint", "mediumint", "int", "bigint",
            "decimal", "float", "double", "bit", "year");
    private static final List<String> STRINGS = List.of("char", "varchar", "binary", "varbinary", "tinytext", "text",
            "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob", "enum", "set", "json");

    /** A violation condition and what it means for the plan. */
    record Misfit(String condition, String needs) {
    }

    private TypeFit() {
    }

    static Misfit of(String column, ColumnType from, ColumnType to) {
        String toBase = to.baseName();
        String fromBase = from.baseName();
        Matcher length = LENGTH.matcher(to.head());
        if (length.find() && (STRINGS.contains(fromBase) || NUMERIC.contains(fromBase))) {
            int max = Integer.parseInt(length.group(3));
            Matcher old = LENGTH.matcher(from.head());
            if (old.find() && Integer.parseInt(old.group(3)) <= max) {
                return null;
            }
            String measure = length.group(2).equals("binary") ? "LENGTH" : "CHAR_LENGTH";
            return new Misfit(measure + "(" + column + ") > " + max, "fits " + to.head());
        }
        if (INTEGERS.contains(toBase) && NUMERIC.contains(fromBase)) {
            BigInteger[] range = integerRange(toBase, unsigned(to));
            if (INTEGERS.contains(fromBase)) {
                BigInteger[] old = integerRange(fromBase, unsigned(from));
                if (old[0].compareTo(range[0]) >= 0 && old[1].compareTo(range[1]) <= 0) {
                    return null;
                }
            }
            return new Misfit(column + " NOT BETWEEN " + range[0] + " AND " + range[1], "fits " + to.head());
        }
        Matcher decimal = DECIMAL.matcher(to.head());
        if (decimal.find() && NUMERIC.contains(fromBase)) {
            int digits = Integer.parseInt(decimal.group(1)) - (decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2)));
            Matcher old = DECIMAL.matcher(from.head());
            if (old.find() && Integer.parseInt(old.group(1))
                    - (old.group(2) == null ? 0 : Integer.parseInt(old.group(2))) <= digits) {
                return null;
            }
            return new Misfit("ABS(" + column + ") >= 1e" + digits, "fits " + to.head());
        }
        if (toBase.equals("enum") && STRINGS.contains(fromBase)) {
            List<String> labels = labels(to.head());
            if (fromBase.equals("enum") && labels.containsAll(labels(from.head()))) {
                return null;
            }
            return new Misfit(column + " NOT IN (" + literals(labels) + ")", "is a value of " + to.head());
        }
        if (toBase.equals("set") && fromBase.equals("set")) {
            List<String> removed = new ArrayList<>(labels(from.head()));
            removed.removeAll(labels(to.head()));
            if (removed.isEmpty()) {
                return null;
            }
            return new Misfit(removed.stream().map(v -> "FIND_IN_SET(" + MysqlIdentifiers.literal(v) + ", " + column + ") > 0")
                    .collect(Collectors.joining(" OR ")), "holds only values of " + to.head());
        }
        return null;
    }

    private static boolean unsigned(ColumnType type) {
        return type.head().contains("unsigned");
    }

    private static BigInteger[] integerRange(String base, boolean unsigned) {
        int bits = switch (base) {
            case "tinyint" -> 8;
            case "smallint" -> 16;
            case "mediumint" -> 24;
            case "int" -> 32;
            default -> 64;
        };
        if (unsigned) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.TWO.pow(bits).subtract(BigInteger.ONE)};
        }
        BigInteger max = BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE);
        return new BigInteger[] {max.negate().subtract(BigInteger.ONE), max};
    }

    /** The values of {@code enum('a','b')} or {@code set('a','b')}, unquoted. */
    static List<String> labels(String head) {
        List<String> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(head);
        while (m.find()) {
            labels.add(m.group(1).replace("''", "'"));
        }
        return labels;
    }

    private static String literals(List<String> values) {
        return values.stream().map(MysqlIdentifiers::literal).collect(Collectors.joining(", "));
    }
}
