package dev.converge.dialect.postgres.shadow;

/** Where an embedded shadow's data directory came from: what {@code --verbose} and the tests see. */
enum DataDirectoryOrigin {
    /** Copied from the template, which this start had to build first (none was there). */
    TEMPLATE_BUILT,
    /** Copied from the template another run had built: no initdb at all. */
    TEMPLATE_COPIED,
    /** The template was missing a piece or foreign: set aside, built again, then copied. */
    TEMPLATE_REBUILT,
    /** Plain initdb by zonky, because the template could not be used (said under --verbose). */
    INITDB
}
