package id.pantau.searchnode;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node on 127.0.0.1 for Pantau.
 *
 * <p>Usage: {@code SearchNode <home-dir> <http-port> <transport-port> <cluster-name> [<snapshot-dir>]}. Data lives
 * under {@code <home-dir>} and survives restarts (the runner's clean() is never called). {@code <snapshot-dir>}
 * becomes the node's {@code path.repo}, the only place an {@code fs} snapshot repository may live; without it the
 * node has no {@code path.repo} and refuses {@code fs} repositories. The process stays up until it receives
 * SIGTERM/SIGINT, then closes the node so the data is flushed.
 */
public final class SearchNode {
    private SearchNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println(
                    "usage: SearchNode <home-dir> <http-port> <transport-port> <cluster-name> [<snapshot-dir>]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        int transportPort = Integer.parseInt(args[2]);
        String clusterName = args[3];
        Files.createDirectories(home);
        Path snapshots = args.length == 5 ? Path.of(args[4]).toAbsolutePath() : null;
        if (snapshots != null) {
            Files.createDirectories(snapshots);
        }

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(httpPort);
        runner.onBuild((index, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("transport.port", String.valueOf(transportPort));
            settings.put("node.name", "pantau-node");
            settings.put("http.cors.enabled", false);
            // A single-machine node: keep replicas at zero so the cluster stays green.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", "-pantau-*,+*");
            if (snapshots != null) {
                settings.putList("path.repo", snapshots.toString());
            }
        }).build(newConfigs()
                .basePath(home.toString())
                .numOfNode(1)
                .baseHttpPort(httpPort - 1)
                .clusterName(clusterName)
                .printOnFailure());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                System.err.println("error while closing the node: " + e);
            } finally {
                stopped.countDown();
            }
        }, "pantau-search-node-shutdown"));
        System.out.println("pantau search node up on http://127.0.0.1:" + httpPort);
        System.out.flush();
        stopped.await();
    }
}
