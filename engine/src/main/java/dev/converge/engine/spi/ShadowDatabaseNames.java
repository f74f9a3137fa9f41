package dev.converge.engine.spi;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * ShadowDatabaseNames names the throwaway databases a server shadow creates on the target's server,
 * the same way in every dialect: {@value #PREFIX}, the UTC time and 32 random bits, so that parallel
 * runs never collide (a collision anyway is retried by the dialect with a new name) and whatever a
 * killed run left behind is found by its prefix.
 */
public final class ShadowDatabaseNames {
    public static final String PREFIX = "converge_shadow_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private ShadowDatabaseNames() {
    }

    /** A new name: {@code converge_shadow_20260101_120000_0123abcd}. */
    public static String next() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return PREFIX + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "_" + HexFormat.of().formatHex(bytes);
    }
}
