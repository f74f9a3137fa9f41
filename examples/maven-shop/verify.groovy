// Invoker hook: the example's build planned, applied and converged; then its database is dropped.
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : 'the JUnit extension tests ran'
    assert log.contains('Converged: a new plan against') : 'the plugin applied the schema'
    assert new File(basedir, 'target/converge/plan.md').text.contains('orders')
    return true
} finally {
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", [user: "postgres"] as Properties)
    try { c.createStatement().execute('DROP DATABASE IF EXISTS converge_example_shop WITH (FORCE)') } finally { c.close() }
}
