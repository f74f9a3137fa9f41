package dev.converge.engine.diff;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.GrantPrivileges;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.change.RevokePrivileges;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Privilege;
import dev.converge.engine.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PrivilegeDiffer grants and revokes privileges of the managed roles, per object and role. It runs
 * after every other differ: an object the plan drops (also to create it again, as a replaced view or
 * routine) loses its privileges with it, so its desired privileges are granted anew and none is
 * revoked from it.
 */
final class PrivilegeDiffer {
    /** One object and one role: the unit of a GRANT or REVOKE statement. */
    private record Holder(ObjectRef object, String grantee) implements Comparable<Holder> {
        @Override
        public int compareTo(Holder other) {
            int byObject = object.compareTo(other.object);
            return byObject != 0 ? byObject : grantee.compareTo(other.grantee);
        }
    }

    /** The kinds of object the model keeps by qualified name, each with its map; other kinds are taken to exist. */
    private static final Map<ObjectKind, Function<ModelIndex, Map<QualifiedName, ?>>> BY_NAME = Map.of(
            ObjectKind.TABLE, ModelIndex::tables,
            ObjectKind.VIEW, ModelIndex::views,
            ObjectKind.MATERIALIZED_VIEW, ModelIndex::materializedViews,
            ObjectKind.SEQUENCE, ModelIndex::sequences,
            ObjectKind.ENUM, ModelIndex::enums,
            ObjectKind.DOMAIN, ModelIndex::domains,
            ObjectKind.COMPOSITE_TYPE, ModelIndex::compositeTypes);

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        // A recreated enum is a new type too: the old one goes with its privileges.
        Set<ObjectRef> dropped = out.stream().filter(c -> c.action() == Action.DROP || c instanceof RecreateEnum)
                .map(Change::target).collect(Collectors.toSet());
        Map<Holder, Map<String, Boolean>> current = byHolder(from.model().privileges());
        Map<Holder, Map<String, Boolean>> desired = byHolder(to.model().privileges());
        Set<Holder> holders = new TreeSet<>(current.keySet());
        holders.addAll(desired.keySet());
        List<Change> changes = new ArrayList<>();
        for (Holder holder : holders) {
            // Dropped (with its privileges), or known under another name only (a rename keeps them):
            // nothing to revoke; what is desired is granted (again, harmlessly, after a rename).
            boolean gone = isDropped(holder.object(), dropped) || !exists(holder.object(), to);
            Map<String, Boolean> now = gone ? Map.of() : current.getOrDefault(holder, Map.of());
            Map<String, Boolean> wanted = desired.getOrDefault(holder, Map.of());
            diffHolder(holder, now, wanted, gone, changes);
        }
        out.addAll(changes);
    }

    private static void diffHolder(Holder h, Map<String, Boolean> now, Map<String, Boolean> wanted, boolean gone,
                                   List<Change> out) {
        List<String> revoke = new ArrayList<>();
        List<String> revokeOption = new ArrayList<>();
        List<String> grant = new ArrayList<>();
        List<String> grantWithOption = new ArrayList<>();
        now.forEach((privilege, grantable) -> {
            Boolean desired = wanted.get(privilege);
            if (desired == null) {
                revoke.add(privilege);
            } else if (grantable && !desired) {
                revokeOption.add(privilege);
            }
        });
        wanted.forEach((privilege, grantable) -> {
            Boolean held = now.get(privilege);
            if (grantable && (held == null || !held)) {
                grantWithOption.add(privilege);
            } else if (!grantable && held == null) {
                grant.add(privilege);
            }
        });
        if (!gone && !revoke.isEmpty()) {
            out.add(new RevokePrivileges(h.object(), h.grantee(), revoke, false));
        }
        if (!gone && !revokeOption.isEmpty()) {
            out.add(new RevokePrivileges(h.object(), h.grantee(), revokeOption, true));
        }
        if (!grant.isEmpty()) {
            out.add(new GrantPrivileges(h.object(), h.grantee(), grant, false));
        }
        if (!grantWithOption.isEmpty()) {
            out.add(new GrantPrivileges(h.object(), h.grantee(), grantWithOption, true));
        }
    }

    /** Dropped by the plan itself, or a column of a table, view or materialized view that the plan drops. */
    private static boolean isDropped(ObjectRef object, Set<ObjectRef> dropped) {
        if (dropped.contains(object)) {
            return true;
        }
        if (object.kind() != ObjectKind.COLUMN) {
            return false;
        }
        QualifiedName relation = object.name();
        return dropped.contains(ObjectRef.of(ObjectKind.TABLE, relation))
                || dropped.contains(ObjectRef.of(ObjectKind.VIEW, relation))
                || dropped.contains(ObjectRef.of(ObjectKind.MATERIALIZED_VIEW, relation));
    }

    /** Whether the desired model has the object the privilege is on. */
    private static boolean exists(ObjectRef object, ModelIndex model) {
        QualifiedName name = object.name();
        switch (object.kind()) {
            case COLUMN:
                return model.tables().containsKey(name)
                        ? model.tables().get(name).columns().stream().anyMatch(c -> c.name().equals(object.member()))
                        : model.views().containsKey(name) || model.materializedViews().containsKey(name);
            case ROUTINE:
                return model.routines().containsKey(object);
            case SCHEMA:
                return model.schemas().containsKey(name.schema());
            default:
                Function<ModelIndex, Map<QualifiedName, ?>> byName = BY_NAME.get(object.kind());
                return byName == null || byName.apply(model).containsKey(name);
        }
    }

    private static Map<Holder, Map<String, Boolean>> byHolder(List<Privilege> privileges) {
        Map<Holder, Map<String, Boolean>> map = new TreeMap<>();
        for (Privilege p : privileges) {
            map.computeIfAbsent(new Holder(p.object(), p.grantee()), h -> new TreeMap<>())
                    .put(p.privilege(), p.grantable());
        }
        return map;
    }
}
