def postgres = { String sql ->
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", [user: "postgres"] as Properties)
    try { sql.split(";").each { if (it.trim()) c.createStatement().execute(it) } } finally { c.close() }
}
postgres('DROP DATABASE IF EXISTS converge_it_pg WITH (FORCE); CREATE DATABASE converge_it_pg')
return true
