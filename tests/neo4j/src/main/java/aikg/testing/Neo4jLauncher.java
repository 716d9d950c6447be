package aikg.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community embedded, for aikg's test suite only: Bolt on 127.0.0.1 (port 0: a free one),
 * a fresh home directory, authentication on. The password of user neo4j comes from the environment
 * (AIKG_NEO4J_LAUNCHER_PASSWORD), never the command line. Prints one line
 * "aikg-neo4j ready port=N database=D" once the database answers; SIGTERM (or EOF on stdin with
 * --stop-on-stdin-eof, so that a killed parent does not leave it running) shuts it down cleanly.
 *
 * Usage: Neo4jLauncher HOME_DIR [PORT] [--stop-on-stdin-eof]
 */
public final class Neo4jLauncher {
    public static void main(String[] args) throws Exception {
        String password = System.getenv("AIKG_NEO4J_LAUNCHER_PASSWORD");
        if (args.length < 1 || password == null || password.length() < 8) {
            System.err.println("usage: Neo4jLauncher HOME_DIR [PORT] [--stop-on-stdin-eof], "
                    + "with AIKG_NEO4J_LAUNCHER_PASSWORD (8+ characters) in the environment");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 0;
        boolean watchStdin = java.util.Arrays.asList(args).contains("--stop-on-stdin-eof");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                // a test server: stop in about a second, not after Bolt's default 2 x 5 s grace periods
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("aikg-neo4j stopped");
            stopped.countDown();
        }, "aikg-neo4j-shutdown"));

        // the initial password, set through the system database (the embedded API bypasses auth)
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database("system");
        system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));
        // Community Edition has one user database: the default one, "neo4j"
        String database = system.getDependencyResolver().resolveDependency(org.neo4j.configuration.Config.class)
                .get(GraphDatabaseSettings.initial_default_database);
        dbms.database(database).executeTransactionally("RETURN 1");
        int boltPort = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        System.out.println("aikg-neo4j ready port=" + boltPort + " database=" + database);
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) { /* ignore input */ }
                } catch (java.io.IOException ignored) { /* treated as EOF */ }
                System.exit(0);  // runs the shutdown hook
            }, "aikg-neo4j-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }
}
