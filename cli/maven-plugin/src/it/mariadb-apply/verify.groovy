def mariadb = { String sql ->
    def c = new com.mysql.cj.jdbc.Driver().connect("jdbc:mysql://127.0.0.1:3306/mysql", [user: "root"] as Properties)
    try { sql.split(";").each { if (it.trim()) c.createStatement().execute(it) } } finally { c.close() }
}
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Converged: a new plan against') : 'the apply converged'
    assert log.contains('No changes. The database matches the desired state.') : 'the second plan is empty'
    assert new File(basedir, 'target/converge/plan.md').text.contains('orders')
    return true
} finally {
    mariadb('DROP DATABASE IF EXISTS converge_it_my')
}
