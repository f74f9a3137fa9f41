package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GranteeNamesTest {
    @Test
    void grantsNameTheirRolesAfterTo() {
        assertEquals(List.of("app", "Report Reader"), GranteeNames.of(
                "GRANT SELECT (id, \"to\"), UPDATE ON TABLE s.t TO App, \"Report Reader\" WITH GRANT OPTION"));
        assertEquals(List.of("ops"), GranteeNames.of("-- who runs it\nGRANT EXECUTE ON FUNCTION f(int) TO GROUP ops"));
    }

    @Test
    void revokesNameTheirRolesAfterFromAndPublicIsNoRole() {
        assertEquals(List.of("app"), GranteeNames.of("REVOKE GRANT OPTION FOR SELECT ON t FROM PUBLIC, app CASCADE"));
    }

    @Test
    void otherStatementsNameNone() {
        assertEquals(List.of(), GranteeNames.of("CREATE TABLE grant_log (id int)"));
        assertEquals(List.of(), GranteeNames.of("COMMENT ON TABLE t IS 'GRANT SELECT ON t TO x'"));
    }
}
