package kg.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;

/**
 * A Neo4j 5 Community server for the test suite: the embedded database with
 * its Bolt connector on a free loopback port.
 *
 * <pre>java [-Dkg.neo4j.pagecache=256m] -cp target/classes:$(cat target/classpath.txt) kg.neo4j.TestServer HOME</pre>
 *
 * Why embedded and not a distribution: it comes from Maven Central like any
 * library (no Docker, no download outside a registry), and one JVM with one
 * database starts in a few seconds. Port 0 lets the OS pick a free port, so
 * two runs never collide; the port actually bound is read back from the
 * connector register and printed as one line, {@code KG-NEO4J-READY
 * bolt://127.0.0.1:PORT VERSION}, once the default database answers.
 *
 * The server stops when its standard input closes: the test session holds
 * the pipe, so a crashed or killed pytest never leaves a server behind.
 * HOME holds the store; a database imported there by {@code neo4j-admin
 * database import} is served as the default database. The page cache is
 * 256 MiB unless the system property {@code kg.neo4j.pagecache} says
 * otherwise (the benchmark gives it more). {@code -Dkg.neo4j.replan=false} keeps
 * every query plan once made, whatever the data loaded since and whatever the
 * size of its parameters (the tests' setting).
 *
 * Logins are checked as on a real deployment: the user {@code neo4j} gets
 * the password in the environment variable {@code KG_NEO4J_PASSWORD} (kept
 * off the command line); without it, authentication is off.
 */
public final class TestServer {

    private TestServer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TestServer HOME");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String password = System.getenv("KG_NEO4J_PASSWORD");
        boolean auth = password != null && !password.isEmpty();
        Files.createDirectories(home);
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        ByteUnit.parse(System.getProperty("kg.neo4j.pagecache", "256m")))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                // Bolt waits 5 s for clients and again for its threads when it stops;
                // the tests' driver is closed by then, so a test session need not wait.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100));
        if (!Boolean.parseBoolean(System.getProperty("kg.neo4j.replan", "true"))) {
            // The test suite loads a dozen small graphs in turn into one database: a plan made on
            // one graph answers just as right on the next, and replanning every canned query after
            // each load cost most of the Neo4j tests' time. Benchmarks keep Neo4j's defaults.
            // Nor is a query planned again for each size of its list and string parameters.
            builder.setConfig(GraphDatabaseSettings.query_statistics_divergence_threshold, 1.0)
                    .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofHours(24))
                    .setConfig(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false);
        }
        DatabaseManagementService dbms = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));

        if (auth) {  // the embedded API itself is never asked for a login
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        try (var tx = db.beginTx()) {
            tx.execute("RETURN 1").close();  // the default database answers before we say ready
            tx.commit();
        }
        HostnamePort bolt = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("KG-NEO4J-READY bolt://" + bolt.getHost() + ":" + bolt.getPort() + " "
                + Version.getNeo4jVersion());
        System.out.flush();

        while (System.in.read() != -1) {
            // wait for the parent to close our standard input
        }
        System.exit(0);  // the shutdown hook stops the databases cleanly
    }
}
