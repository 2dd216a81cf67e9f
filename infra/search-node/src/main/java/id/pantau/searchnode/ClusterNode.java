package id.pantau.searchnode;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.node.Node;

/**
 * Runs a cluster of several OpenSearch nodes in one JVM on 127.0.0.1, for the cluster tests.
 *
 * <p>Usage: {@code ClusterNode <home-dir> <nodes> <http-base> <transport-base> <cluster-name>}. Node {@code k}
 * (1..nodes) is named {@code pantau-node-k} and listens on HTTP {@code http-base + k - 1} and transport
 * {@code transport-base + k - 1}; every node is cluster-manager eligible and holds data. Commands on stdin, one a
 * line: {@code stop k} closes node k (the others stay up) and answers {@code stopped node k in <ms> ms};
 * {@code quit} or the end of stdin closes every node and exits, so the cluster never outlives the process that
 * drives it. Answers, and {@code pantau cluster up ...} once every node has started, go to
 * {@code <home-dir>/cluster.status}.
 */
public final class ClusterNode {
    // Once the nodes run, stdout is no longer the process's own (OpenSearch takes System.out into its logger and
    // file descriptor 1 ends up on /dev/null): answers are appended, one a line, to <home-dir>/cluster.status.
    private static Path status;

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ClusterNode <home-dir> <nodes> <http-base> <transport-base> <cluster-name>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int nodes = Integer.parseInt(args[1]);
        int httpBase = Integer.parseInt(args[2]);
        int transportBase = Integer.parseInt(args[3]);
        String clusterName = args[4];
        Files.createDirectories(home);
        status = home.resolve("cluster.status");
        Files.deleteIfExists(status);

        List<String> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= nodes; k++) {
            seeds.add("127.0.0.1:" + (transportBase + k - 1));
            names.add("pantau-node-" + k);
        }

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(httpBase + nodes - 1);
        // The runner numbers its nodes from 1, as this launcher does.
        runner.onBuild((k, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpBase + k - 1));
            settings.put("transport.port", String.valueOf(transportBase + k - 1));
            settings.put("node.name", names.get(k - 1));
            settings.putList("discovery.seed_hosts", seeds);
            settings.putList("cluster.initial_cluster_manager_nodes", names);
            // The runner starts nodes one after another: do not wait 30 s for a cluster the next node completes.
            settings.put("discovery.initial_state_timeout", "1s");
            settings.put("http.cors.enabled", false);
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", "-pantau-*,+*");
        }).build(newConfigs()
                .basePath(home.toString())
                .numOfNode(nodes)
                .baseHttpPort(httpBase - 1)
                .clusterName(clusterName)
                .printOnFailure());

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                System.err.println("error while closing the cluster: " + e);
            }
        }, "pantau-cluster-shutdown"));
        answer("pantau cluster up: " + nodes + " nodes on http://127.0.0.1:" + httpBase + "-"
                + (httpBase + nodes - 1));

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 2 && words[0].equals("stop")) {
                stop(runner, Integer.parseInt(words[1]), nodes);
            } else if (words.length == 1 && words[0].equals("quit")) {
                break;
            } else if (!line.isBlank()) {
                answer("unknown command: " + line.trim());
                    }
        }
        System.exit(0);
    }

    private static void answer(String line) throws IOException {
        Files.writeString(status, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void stop(OpenSearchRunner runner, int k, int nodes) throws Exception {
        if (k < 1 || k > nodes) {
            answer("no node " + k);
                return;
        }
        Node node = runner.getNode(k - 1);
        long started = System.nanoTime();
        node.close();
        boolean closed = node.awaitClose(60, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        answer((closed ? "stopped node " : "stop timed out for node ") + k + " in " + millis + " ms");
    }
}
