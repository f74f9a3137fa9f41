package dev.converge.engine.plan.phase;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ColumnSync is one open parallel change of a column: the expand phase added {@code newColumn} beside
 * {@code oldColumn} and keeps the two in step, and contract has not yet dropped the old one. It is read
 * back from the target itself (the marker Converge writes on its own sync objects), so the state
 * between the phases needs no file and survives any process.
 *
 * @param key     the table's single-column primary key, which the backfill walks
 * @param keyType its type, as the model holds it
 * @param castTo  for a type change, the new column's type (contract swaps the new column in under the old
 *                name, see {@link TypeChange}); null for a rename
 */
public record ColumnSync(QualifiedName table, String oldColumn, String newColumn, String key, String keyType,
                         String castTo) implements BackfillTask, ParallelChange {
    /** What every Converge-owned object of expand and contract carries, first in its comment or body. */
    public static final String MARKER = "converge:expand";

    private static final Pattern SYNC = Pattern.compile(Pattern.quote(MARKER) + " column-sync old=(\\S+) new=(\\S+)( "
            + TypeChange.SWAP + ")?");

    public ColumnSync {
        requireNonNull(table, "table is null");
        requireNonNull(oldColumn, "oldColumn is null");
        requireNonNull(newColumn, "newColumn is null");
        requireNonNull(key, "key is null");
        requireNonNull(keyType, "keyType is null");
    }

    /** The sync of a rename: the new column keeps the old one's type. */
    public ColumnSync(QualifiedName table, String oldColumn, String newColumn, String key, String keyType) {
        this(table, oldColumn, newColumn, key, keyType, null);
    }

    /** True for a type change: contract swaps the new column in under the old name. */
    public boolean swaps() {
        return castTo != null;
    }

    /** The marker of a sync: names are kept plain, which is why a parallel change needs names without blanks. */
    public static String marker(String oldColumn, String newColumn) {
        return MARKER + " column-sync old=" + oldColumn + " new=" + newColumn;
    }

    /** The marker of a type change's sync: contract swaps the new column in under the old name. */
    static String swapMarker(String oldColumn, String newColumn) {
        return marker(oldColumn, newColumn) + " " + TypeChange.SWAP;
    }

    /** The marker this sync's objects carry. */
    String ownMarker() {
        return swaps() ? swapMarker(oldColumn, newColumn) : marker(oldColumn, newColumn);
    }

    /** True when a parallel change can name this column in its marker. */
    static boolean nameable(String column) {
        return !column.isEmpty() && column.chars().noneMatch(c -> Character.isWhitespace(c) || c == '=');
    }

    /**
     * The name of a pair's sync objects, {@code converge_sync_<table>_<old>_<new>}; past {@code max}
     * characters it is cut and ends with a hash of the whole, so that it stays unique and stable.
     */
    public static String objectName(QualifiedName table, String oldColumn, String newColumn, int max) {
        return fit("converge_sync_" + table.name() + "_" + oldColumn + "_" + newColumn, max);
    }

    /** A name of Converge's own, cut past {@code max} characters and ended with a hash of the whole. */
    static String fit(String full, int max) {
        if (full.length() <= max) {
            return full;
        }
        String hash = String.format("%08x", full.hashCode());
        return full.substring(0, max - hash.length() - 1) + "_" + hash;
    }

    /** The backfill task of this sync: {@code schema.table.new} from {@code old}. */
    @Override
    public String task() {
        return table.schema() + "." + table.name() + "." + newColumn + "<-" + oldColumn;
    }

    @Override
    public String batchStatement(dev.converge.engine.spi.ExpandContractSql sql) {
        return swaps() ? sql.castBatch(table, key, keyType, newColumn, castTo, oldColumn)
                : sql.copyBatch(table, key, keyType, newColumn, oldColumn);
    }

    @Override
    public String display() {
        return table.schema() + "." + table.name() + "." + oldColumn + " -> " + (swaps() ? castTo : newColumn);
    }

    /** True when the object is one Converge made for expand and contract. */
    public static boolean isOwned(String commentOrBody) {
        return commentOrBody != null && commentOrBody.contains(MARKER);
    }

    /** The open syncs of a target, from its owned triggers (a table with two triggers for one pair counts once). */
    public static List<ColumnSync> of(SchemaModel model) {
        return of(model.triggers(), model);
    }

    /**
     * The syncs an expand plan creates (each with its table's key as the model holds it, and the type of
     * a new column the plan adds).
     */
    public static List<ColumnSync> planned(dev.converge.engine.plan.Plan plan, SchemaModel current) {
        List<dev.converge.engine.change.Change> changes = plan.steps().stream()
                .map(dev.converge.engine.plan.PlanStep::change).toList();
        java.util.Map<String, String> added = new java.util.HashMap<>();
        changes.stream().filter(c -> c instanceof dev.converge.engine.change.AddColumn)
                .map(c -> (dev.converge.engine.change.AddColumn) c)
                .forEach(a -> added.put(a.table() + "|" + a.column().name(), a.column().type()));
        return of(changes.stream().filter(c -> c instanceof dev.converge.engine.change.CreateTrigger)
                .map(c -> ((dev.converge.engine.change.CreateTrigger) c).trigger()).toList(), current, added);
    }

    private static List<ColumnSync> of(List<Trigger> triggers, SchemaModel model) {
        return of(triggers, model, java.util.Map.of());
    }

    /* {@code added}: the types of columns a plan adds, by {@code table|column}, for syncs not yet applied. */
    private static List<ColumnSync> of(List<Trigger> triggers, SchemaModel model, java.util.Map<String, String> added) {
        Set<String> seen = new TreeSet<>();
        List<ColumnSync> found = new ArrayList<>();
        for (Trigger trigger : triggers) {
            Optional<Matcher> match = markerOf(trigger);
            if (match.isEmpty()) {
                continue;
            }
            String oldColumn = match.get().group(1);
            String newColumn = match.get().group(2);
            Optional<Table> table = model.tables().stream().filter(t -> t.name().equals(trigger.table())).findFirst();
            Optional<Column> key = table.flatMap(t -> PhasedPlans.singleKey(t).flatMap(t::column));
            String castTo = null;
            if (match.get().group(3) != null) {
                castTo = table.flatMap(t -> t.column(newColumn)).map(Column::type)
                        .orElse(added.get(trigger.table() + "|" + newColumn));
                if (castTo == null) {
                    continue; // the new column is gone: nothing left to copy into
                }
            }
            if (key.isPresent() && seen.add(trigger.table() + "|" + oldColumn + "|" + newColumn)) {
                found.add(new ColumnSync(trigger.table(), oldColumn, newColumn, key.get().name(), key.get().type(), castTo));
            }
        }
        return found;
    }

    private static Optional<Matcher> markerOf(Trigger trigger) {
        for (String text : new String[] {trigger.comment(), trigger.definition(), trigger.writtenAs()}) {
            if (text != null) {
                Matcher m = SYNC.matcher(text);
                if (m.find()) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }
}
