def postgres = { String sql ->
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", [user: "postgres"] as Properties)
    try { sql.split(";").each { if (it.trim()) c.createStatement().execute(it) } } finally { c.close() }
}
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('converge apply failed with exit code 3 (refused)') : 'the build names the refusal'
    assert log.contains('allow with --allow-destructive') : 'and what would allow it'
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/converge_it_refused", [user: "postgres"] as Properties)
    try {
        def rs = c.metaData.getColumns(null, 'public', 'orders', 'legacy')
        assert rs.next() : 'nothing was changed'
    } finally { c.close() }
    return true
} finally {
    postgres('DROP DATABASE IF EXISTS converge_it_refused WITH (FORCE)')
}
