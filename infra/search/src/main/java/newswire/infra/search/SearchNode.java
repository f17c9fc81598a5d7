package newswire.infra.search;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Elasticsearch core node from Maven Central jars (no distribution, no bundled modules).
 * Usage: SearchNode <path.home>; settings come from <path.home>/config/elasticsearch.yml, logging
 * from <path.home>/config/log4j2.properties (both written by infra/src/search-engine.ts).
 */
public final class SearchNode {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SearchNode <path.home>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path config = home.resolve("config");
        Settings settings = Settings.builder()
            .loadFromPath(config.resolve("elasticsearch.yml"))
            .put(Environment.PATH_HOME_SETTING.getKey(), home.toString())
            .build();
        Environment environment = new Environment(settings, config);
        Files.createDirectories(environment.logsDir());

        // Logging must be configured before any Elasticsearch class asks for a logger, or log4j falls
        // back to its default configuration and the node's messages are lost.
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(settings));
        LogConfigurator.configure(environment, true);

        Node node = new ClasspathNode(environment, List.of(Netty4Plugin.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "search-node-shutdown"));
        node.start();

        // Node threads are daemons: keep a non-daemon thread alive until shutdown, as the
        // distribution's bootstrap does.
        Thread keepAlive = new Thread(() -> {
            try {
                stopped.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "search-node-keepalive");
        keepAlive.setDaemon(false);
        keepAlive.start();
    }

    private SearchNode() {}
}
