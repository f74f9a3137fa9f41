package dev.converge.engine.graph;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.GrantPrivileges;
import dev.converge.engine.change.RevokePrivileges;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.change.CreateCatalogObject;
import dev.converge.engine.change.DropCatalogObject;

/**
 * StepIds names each change with a stable id, {@code <verb>:<object>} ({@code create-table:public.orders},
 * {@code add-column:public.orders.total}), the same across runs, so that golden files, saved plans and
 * checkpoints can refer to steps.
 */
public final class StepIds {
    private StepIds() {
    }

    public static String of(Change change) {
        String verb = change.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        String object = change.target().display();
        if (change instanceof SetComment || change instanceof CreateCatalogObject || change instanceof DropCatalogObject) {
            // an operator class and the family made for it share a name
            object = change.target().kind().word() + ":" + object;
        } else if (change instanceof GrantPrivileges grant) {
            // one object may get several grants: per role, and with and without the grant option
            object = change.target().kind().word() + ":" + object + ":" + grant.grantee()
                    + (grant.withGrantOption() ? ":with-grant-option" : "");
        } else if (change instanceof RevokePrivileges revoke) {
            object = change.target().kind().word() + ":" + object + ":" + revoke.grantee()
                    + (revoke.grantOptionOnly() ? ":grant-option" : "");
        } else if (change instanceof AddEnumValue) {
            object = object + ":" + ((AddEnumValue) change).value();
        }
        return verb + ":" + object;
    }
}
