package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.connection.ActiveConnection;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.connection.SessionSecretStore;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.UiSettings;
import dev.pceworkbench.workspace.ContainerClusters;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container-cluster flow as the app wires it (profile store and UI settings in a configuration
 * folder, the embedded demo PCE over HTTPS through the connection manager, the view model), with
 * every logger at ALL (the root, OkHttp's, the client's and the demo server's) and standard error
 * captured; afterwards neither a log record, nor standard error, nor any file under the
 * configuration folder contains the token, nor does the PCE's audit trail.
 */
class ContainerClusterTokenLeakTest {
    /** Strong references: JUL keeps loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> LOGGERS = new ArrayList<>();

    @Test
    void theTokenIsInNoLogAndNoFile(@TempDir Path config) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        for (String name : new String[]{"", "okhttp3", "dev.pceworkbench", "dev.pceworkbench.demo",
                "dev.pceworkbench.pce.http", "com.sun.net.httpserver", "sun.net.httpserver", "javax.net.ssl"}) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.ALL);
            LOGGERS.add(l);
        }
        root.addHandler(capture);
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String token;
        try (ConnectionManager connections = new ConnectionManager(new SessionSecretStore(),
                new EmbeddedDemo(DemoPceOptions.defaults().withRateLimit(0)));
             UiSettings settings = UiSettings.in(config)) {
            ConnectionProfileStore store = new ConnectionProfileStore(config);
            ConnectionProfile demo = store.load().get(0);
            store.rememberActive(demo.id());
            settings.theme("dark");
            ActiveConnection active = connections.open(demo, CancellationToken.none());
            connections.activate(active);
            PolicyWorkspace workspace = new PolicyWorkspace(() -> connections.active().map(ActiveConnection::client));
            SynchronousTaskExecutor executor = TaskFailures.synchronousExecutor();
            RecordingDialogService dialogs = new RecordingDialogService();
            ContainerClustersViewModel model = new ContainerClustersViewModel(new ContainerClusters(workspace), executor, dialogs);

            model.onShown();
            model.startCreate();
            model.newNameProperty().set("CC-Leak-Check");
            model.create();
            TokenReveal reveal = model.tokenProperty().get();
            assertNotNull(reveal);
            token = reveal.text();
            model.dismissToken();
            model.load();
            model.selectedProperty().set(model.clusters().stream()
                    .filter(c -> c.name().equals("CC-Leak-Check")).findFirst().orElseThrow());
            model.newProfile();
            model.editor().namespaceProperty().set("leak-check");
            model.saveProfile();
            model.deleteCluster();
            dialogs.assertNoErrors();
            // The PCE's audit trail names the create, never with the token.
            String events = active.client().raw().get("/events", true, Map.of("event_type", "container_cluster.create"),
                    CancellationToken.none()).json().toString();
            assertTrue(events.contains("container_cluster"), events);
            assertFalse(events.contains(token), "the PCE's events do not carry the token");
        } finally {
            System.setErr(err);
            root.removeHandler(capture);
            root.setLevel(rootLevel);
            LOGGERS.forEach(l -> l.setLevel(null));
            Logger.getLogger("").setLevel(rootLevel);
        }

        // The capture saw the flow (so an empty scan proves nothing is missing from it).
        SimpleFormatter format = new SimpleFormatter();
        List<String> lines = records.stream().map(format::format).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("container_clusters")),
                "the client logs its requests at FINE: " + lines.size() + " records");
        assertTrue(records.stream().anyMatch(r -> r.getLoggerName() != null && r.getLoggerName().startsWith("okhttp3")
                        || r.getLoggerName() != null && r.getLoggerName().startsWith("dev.pceworkbench.pce")),
                "records from the HTTP client");
        for (String l : lines) {
            assertFalse(l.contains(token), "a log record holds the token: " + l.replace(token, "<TOKEN>"));
        }
        assertFalse(stderr.toString(StandardCharsets.UTF_8).contains(token), "standard error holds the token");

        List<Path> files;
        try (Stream<Path> s = Files.walk(config)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.contains(config.resolve(ConnectionProfileStore.FILE_NAME)), files.toString());
        assertTrue(files.contains(config.resolve(UiSettings.FILE_NAME)), files.toString());
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(token), f + " holds the token");
        }
        assertEquals(files.size(), files.stream().distinct().count());
    }
}
