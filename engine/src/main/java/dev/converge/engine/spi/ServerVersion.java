package dev.converge.engine.spi;

/** ServerVersion is the version of a database server, as its major and minor numbers and its own words. */
public record ServerVersion(int major, int minor, String text) {
}
