package dev.converge.cli.option;

import dev.converge.api.Converge;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** TargetOptions name the database to work on and the schemas of it Converge manages. */
public final class TargetOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "Target database: postgresql://user[:password]@host[:port]/db or a JDBC URL.")
    public String url;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Manage only this schema (repeatable). Default: every non-system schema.")
    public List<String> schemas = new ArrayList<>();

    @Option(names = "--managed-role", paramLabel = "NAME",
            description = "Manage the privileges granted to this role (repeatable): GRANT/REVOKE in the desired"
                    + " files are compared for it. Privileges of other roles are ignored. Default: none.")
    public List<String> managedRoles = new ArrayList<>();

    /** The target with its schemas and managed roles; --url is required. */
    public Converge converge() {
        if (url == null) {
            // --url is optional on the command line since --env can stand for it (plan, apply).
            throw new ConvergeException(ErrorKind.USAGE, "Missing required option: '--url=URL'");
        }
        return Converge.target(url).schemas(schemas.toArray(String[]::new))
                .managedRoles(managedRoles.toArray(String[]::new));
    }
}
