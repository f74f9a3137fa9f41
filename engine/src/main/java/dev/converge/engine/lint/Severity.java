package dev.converge.engine.lint;

import java.util.Locale;

/** Severity is how much a lint finding matters; the names are SARIF's levels. */
public enum Severity {
    ERROR, WARNING, NOTE, OFF;

    /** The SARIF 2.1.0 level: error, warning, note (OFF never reaches a report). */
    public String sarifLevel() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses error, warning, note or off, case-insensitive. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "'; expected error, warning, note or off", e);
        }
    }
}
