def mariadb = { String sql ->
    def c = new com.mysql.cj.jdbc.Driver().connect("jdbc:mysql://127.0.0.1:3306/mysql", [user: "root"] as Properties)
    try { sql.split(";").each { if (it.trim()) c.createStatement().execute(it) } } finally { c.close() }
}
mariadb('DROP DATABASE IF EXISTS converge_it_my; CREATE DATABASE converge_it_my')
return true
