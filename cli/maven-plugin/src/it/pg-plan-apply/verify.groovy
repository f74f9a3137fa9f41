def postgres = { String sql ->
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", [user: "postgres"] as Properties)
    try { sql.split(";").each { if (it.trim()) c.createStatement().execute(it) } } finally { c.close() }
}
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Plan: 2 to add') || log.contains('to add') : 'the first plan adds the tables'
    assert log.contains('Converged: a new plan against') : 'the apply converged'
    assert log.contains('No changes. The database matches the desired state.') : 'the second plan is empty'
    assert log.contains('converge:apply skipped') : 'skip is honoured'
    def out = new File(basedir, 'target/converge')
    assert new File(out, 'plan.json').text.contains('"steps"')
    assert new File(out, 'plan.md').text.contains('orders')
    assert new File(out, 'lint.sarif').text.contains('"version"')
    assert new File(out, 'drift.json').exists()
    assert new File(out, 'inspect').listFiles().any { it.text.contains('CREATE TABLE') }
    return true
} finally {
    postgres('DROP DATABASE IF EXISTS converge_it_pg WITH (FORCE)')
}
