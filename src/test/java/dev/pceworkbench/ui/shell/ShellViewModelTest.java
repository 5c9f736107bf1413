package dev.pceworkbench.ui.shell;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.connection.ActiveConnection;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.connection.SecretStore;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.common.Themes;
import dev.pceworkbench.ui.common.UiSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's state without the FX thread: title, status bar, tasks, theme and remembered view. */
class ShellViewModelTest {
    Path settingsFile;
    UiSettings settings;
    ConnectionManager connections;
    final SynchronousTaskExecutor executor = TaskFailures.synchronousExecutor();
    final List<Feature> features = List.of(
            new Feature("connections", "Connections", Material2AL.CLOUD_QUEUE),
            new Feature("labels", "Labels", Material2AL.LABEL));


    static SecretStore memory() {
        Map<String, String> m = new HashMap<>();
        return new SecretStore() {
            public Optional<String> get(String key) {
                return Optional.ofNullable(m.get(key));
            }

            public void put(String key, String secret) {
                m.put(key, secret);
            }

            public void delete(String key) {
                m.remove(key);
            }

            public boolean persistent() {
                return false;
            }

            public String description() {
                return "test memory";
            }
        };
    }

    @BeforeEach
    void setUp() throws Exception {
        settingsFile = Files.createTempDirectory("ui-settings").resolve(UiSettings.FILE_NAME);
        settings = new UiSettings(settingsFile);
        connections = new ConnectionManager(memory(), new EmbeddedDemo(DemoPceOptions.defaults()));
    }

    @AfterEach
    void tearDown() throws Exception {
        connections.close();
        settings.close();
        Files.deleteIfExists(settingsFile);
        Files.deleteIfExists(settingsFile.getParent());
    }

    private static ConnectionProfile demoProfile() {
        return new ConnectionProfile(UUID.randomUUID().toString(), "Demo PCE (embedded)", "embedded", 0, 1,
                ConnectionProfile.CredentialType.API_KEY, null, ConnectionProfile.ProxyMode.NONE, null, 0, null,
                true, null, ConnectionProfile.ClientCertType.NONE, null, null, true);
    }

    @Test
    void titleAndStatusFollowTheActiveConnection() {
        ShellViewModel vm = new ShellViewModel(features, connections, executor.registry(), settings, Themes.LIGHT);
        assertEquals("PCE Workbench", vm.titleBinding().get());
        assertEquals("Not connected", vm.connectionTextBinding().get());

        ActiveConnection c = connections.open(demoProfile(), CancellationToken.none());
        connections.activate(c);
        assertEquals("PCE Workbench — Demo PCE (embedded)", vm.titleBinding().get());
        assertEquals("Demo PCE (embedded) — PCE 23.2.10, org 1", vm.connectionTextBinding().get());
        assertFalse(vm.insecureBinding().get());
    }

    @Test
    void anInsecureConnectionRaisesTheWarning() {
        ShellViewModel vm = new ShellViewModel(features, connections, executor.registry(), settings, Themes.LIGHT);
        ConnectionProfile p = demoProfile();
        ActiveConnection secure = connections.open(p, CancellationToken.none());
        var insecureClient = dev.pceworkbench.pce.PceClient.connect(secure.client().settings()
                .withTls(dev.pceworkbench.pce.TlsSettings.insecure()));
        connections.activate(new ActiveConnection(p, insecureClient, "23.2.10", insecureClient.insecure()));
        assertTrue(vm.insecureBinding().get());
    }

    @Test
    void runningTasksAreCountedWhileTheyRun() {
        ShellViewModel vm = new ShellViewModel(features, connections, executor.registry(), settings, Themes.LIGHT);
        String[] during = new String[1];
        executor.execute(BackgroundTask.of("probe", ctx -> {
            during[0] = vm.tasksTextBinding().get();
            return null;
        }));
        assertEquals("1 task running", during[0]);
        assertEquals("No tasks running", vm.tasksTextBinding().get());
    }

    @Test
    void themeToggleAndLastViewAreRemembered() {
        ShellViewModel vm = new ShellViewModel(features, connections, executor.registry(), settings, Themes.LIGHT);
        vm.toggleTheme();
        assertEquals(Themes.DARK, vm.themeProperty().get());
        assertEquals(Optional.of(Themes.DARK), settings.theme());
        vm.select(1);
        assertEquals("labels", vm.selectedProperty().get().id());
        vm.select(7);
        assertEquals("labels", vm.selectedProperty().get().id(), "out-of-range shortcuts are ignored");

        // The next start reads the settings again from the file in the configuration folder.
        settings.awaitWritten();
        UiSettings reread = new UiSettings(settingsFile);
        assertEquals(Optional.of(Themes.DARK), reread.theme());
        ShellViewModel again = new ShellViewModel(features, connections, executor.registry(), reread, Themes.LIGHT);
        assertEquals("labels", again.selectedProperty().get().id(), "the last view is reopened");
    }
}
