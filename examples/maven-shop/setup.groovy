// Invoker hook (the build of cli/maven-plugin runs this example in CI): the database converge.url names.
def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", [user: "postgres"] as Properties)
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS converge_example_shop WITH (FORCE)')
    c.createStatement().execute('CREATE DATABASE converge_example_shop')
} finally { c.close() }
return true
