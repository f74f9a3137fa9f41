package dev.converge.engine.diff;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.Table;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ColumnMoves finds the fewest existing columns to move so that a table's columns come in the desired
 * order, for dialects that can move a column (MySQL's {@code MODIFY ... AFTER}): the columns both sides
 * keep stay put when they belong to the longest run they share in the same relative order; every other
 * one moves after the column before it in the desired table. Placed in the desired order (new columns
 * included, each after the one before it), they end up exactly in that order.
 */
final class ColumnMoves {
    private ColumnMoves() {
    }

    /** The columns to move, in the desired order, with the column each moves after ("" for first). */
    static Map<String, String> of(Table current, Table desired, Set<String> kept) {
        List<String> from = current.columns().stream().map(Column::name).filter(kept::contains).toList();
        List<String> to = desired.columns().stream().map(Column::name).filter(kept::contains).toList();
        Set<String> staying = longestCommonSubsequence(from, to);
        Map<String, String> moves = new LinkedHashMap<>();
        List<String> order = desired.columns().stream().map(Column::name).toList();
        for (String name : to) {
            if (!staying.contains(name)) {
                int at = order.indexOf(name);
                moves.put(name, at == 0 ? "" : order.get(at - 1));
            }
        }
        return moves;
    }

    private static Set<String> longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] length = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                length[i][j] = a.get(i).equals(b.get(j)) ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        Set<String> common = new HashSet<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                common.add(a.get(i));
                i++;
                j++;
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }
}
