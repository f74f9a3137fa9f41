package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings a routine is declared under, followed in file order without a database. */
class DeclaredSettingsTest {
    @Test
    void setSetConfigAndResetAreFollowedAndOtherSettingsIgnored() {
        DeclaredSettings settings = new DeclaredSettings();
        settings.after("SET statement_timeout = 0");
        settings.after("SELECT pg_catalog.set_config('search_path', '', false)");
        settings.after("SET check_function_bodies = false");
        assertEquals(Map.of("search_path", "''", "check_function_bodies", "off"), settings.current());
        settings.after("SET search_path TO app, \"Public\"");
        settings.after("SET check_function_bodies = on");
        assertEquals(Map.of("search_path", "app, \"Public\""), settings.current());
        settings.after("SELECT set_config('search_path', 'x', true)");
        assertEquals(Map.of("search_path", "app, \"Public\""), settings.current(), "a transaction-local one is not");
        settings.after("RESET search_path");
        assertEquals(Map.of(), settings.current());
        settings.after("SET search_path = a");
        settings.after("SET search_path TO DEFAULT");
        assertEquals(Map.of(), settings.current());
    }
}
