def postgres = { String sql ->
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", [user: "postgres"] as Properties)
    try { sql.split(";").each { if (it.trim()) c.createStatement().execute(it) } } finally { c.close() }
}
postgres('DROP DATABASE IF EXISTS converge_it_refused WITH (FORCE); CREATE DATABASE converge_it_refused')
def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/converge_it_refused", [user: "postgres"] as Properties)
try { c.createStatement().execute('CREATE TABLE orders (id bigint PRIMARY KEY, legacy text)') } finally { c.close() }
return true
