package dev.pceworkbench.ui.connections;

import dev.pceworkbench.testing.TaskFailures;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.ClientCertType;
import dev.pceworkbench.connection.ConnectionProfile.CredentialType;
import dev.pceworkbench.connection.ConnectionProfile.ProxyMode;
import dev.pceworkbench.connection.ConnectionProfile.SecretKind;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.connection.SavedTrafficQuery;
import dev.pceworkbench.connection.SessionSecretStore;
import dev.pceworkbench.connection.TrafficQueryStore;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionCheck;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.task.TaskState;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.connections.CheckStepRow.Status;
import dev.pceworkbench.ui.connections.ConnectionCheckViewModel.State;
import dev.pceworkbench.ui.connections.ProfileEditorViewModel.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connections view model without an FX thread: validation, saving (profiles to the file,
 * secrets only to the secret store), the connection check against a real demo PCE (success, an
 * untrusted certificate, a cancel), connecting, creating an API key, export/import and first start.
 */
class ConnectionsViewModelTest {
    @TempDir
    static Path demoDir;
    static DemoPce pce;
    static JsonNode demoCredentials;

    @TempDir
    Path dir;
    ConnectionProfileStore store;
    SessionSecretStore secrets;
    ConnectionManager manager;
    SynchronousTaskExecutor executor;
    RecordingDialogService dialogs;
    ConnectionsViewModel vm;

    @BeforeAll
    static void startDemo() throws IOException {
        pce = DemoPce.start(DemoPceOptions.defaults().withStateDir(demoDir).withRateLimit(0));
        demoCredentials = PceJson.mapper().readTree(demoDir.resolve("credentials.json").toFile());
    }

    @AfterAll
    static void stopDemo() {
        pce.close();
    }

    @BeforeEach
    void setUp() {
        store = new ConnectionProfileStore(dir.resolve("config"));
        secrets = new SessionSecretStore();
        manager = new ConnectionManager(secrets, new EmbeddedDemo(DemoPceOptions.defaults()));
        executor = TaskFailures.synchronousExecutor();
        dialogs = new RecordingDialogService();
        vm = newViewModel();
    }

    private ConnectionsViewModel newViewModel() {
        // An empty environment: proxy variables of the machine running the tests must not matter.
        return new ConnectionsViewModel(store, manager, executor, dialogs, () -> new ConnectionCheck(Map.of()));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** Fills the form for the standalone demo PCE: its URL, API key and (optionally) its CA bundle. */
    private ProfileEditorViewModel fillDemo(String name, boolean withCa) {
        vm.newProfile();
        ProfileEditorViewModel e = vm.editor();
        e.nameProperty().set(name);
        e.targetProperty().set(demoCredentials.get("url").asText());
        e.orgIdProperty().set(demoCredentials.get("org_id").asText());
        e.credentialTypeProperty().set(CredentialType.API_KEY);
        e.usernameProperty().set(demoCredentials.get("auth_username").asText());
        e.secretProperty().set(demoCredentials.get("secret").asText());
        e.caBundlePathProperty().set(withCa ? demoDir.resolve("ca.pem").toString() : "");
        return e;
    }

    @Test
    void firstStartCreatesTheEmbeddedDemoProfile() {
        assertEquals(1, vm.profiles().size());
        ConnectionProfile demo = vm.profiles().get(0);
        assertEquals("Demo PCE (embedded)", demo.name());
        assertTrue(demo.embeddedDemo());
        assertEquals("embedded", demo.target());
        assertEquals(1, demo.orgId());
        assertTrue(Files.exists(store.file()), "the first start writes the profiles file");
        assertEquals(demo, vm.selectedProperty().get());
        assertTrue(vm.editor().isValid(), "the demo profile needs no secrets");
        assertEquals(List.of(demo), new ConnectionProfileStore(store.folder()).load(), "the next start reads the same profile");
    }

    /** A command's task ran to success (synchronously, under the synchronous executor). */
    private static void assertSucceeded(BackgroundTask<?> task) {
        assertNotNull(task, "the command started a task");
        assertEquals(TaskState.SUCCEEDED, task.state(), () -> String.valueOf(task.exceptionProperty().get()));
    }

    @Test
    void validationGivesAMessagePerField() throws IOException {
        vm.newProfile();
        ProfileEditorViewModel e = vm.editor();
        assertFalse(e.isValid());
        assertTrue(e.errors().containsKey(Field.TARGET));
        assertTrue(e.errors().containsKey(Field.USERNAME));
        assertTrue(e.errors().containsKey(Field.SECRET));
        assertFalse(e.errors().containsKey(Field.PORT), "8443 is the default port");
        for (Field f : Field.values()) {
            assertEquals("", e.message(f), "a blank new profile shows no error before anything is typed: " + f);
        }
        assertEquals("", e.problemSummaryBinding().get(), "nor a summary of them");
        e.targetProperty().set("pce");
        e.targetProperty().set("");
        assertFalse(e.message(Field.TARGET).isEmpty(), "an edited field shows its message");
        assertEquals("", e.message(Field.SECRET), "fields not yet edited stay quiet");
        assertNull(vm.save(), "an invalid profile is not saved");
        assertFalse(e.message(Field.SECRET).isEmpty(), "asking to save shows what stands in the way");
        assertEquals(e.errors().values().iterator().next() + " (and " + (e.errors().size() - 1) + " more)",
                e.problemSummaryBinding().get(), "the form's summary names the first problem and counts the rest");

        e.nameProperty().set(" ");
        assertEquals("Enter a name for the profile", e.message(Field.NAME));
        e.targetProperty().set("ftp://pce.example.com");
        assertTrue(e.message(Field.TARGET).contains("https://"), e.message(Field.TARGET));
        e.targetProperty().set("pce example.com");
        assertTrue(e.message(Field.TARGET).contains("contains a space"), e.message(Field.TARGET));
        e.targetProperty().set("https://pce.example.com/api v2");
        assertTrue(e.message(Field.TARGET).contains("contains a space"), e.message(Field.TARGET));
        e.targetProperty().set("pce.example.com:99999");
        assertTrue(e.message(Field.TARGET).contains("from 1 to 65535"), e.message(Field.TARGET));
        e.targetProperty().set("https://api_123:SECRET@pce.example.com");
        assertTrue(e.message(Field.TARGET).contains("must not contain a user name or secret"), e.message(Field.TARGET));
        assertFalse(e.message(Field.TARGET).contains("SECRET"), "the message does not repeat the secret");
        e.targetProperty().set("pce.exa^mple.com");
        assertFalse(e.message(Field.TARGET).contains("Exception"), e.message(Field.TARGET));
        assertFalse(e.message(Field.TARGET).isEmpty());
        e.targetProperty().set("pce.example.com");
        assertEquals("", e.message(Field.TARGET));
        for (String bad : List.of("0", "65536", "abc", "-1")) {
            e.portProperty().set(bad);
            assertEquals("The port must be a number from 1 to 65535", e.message(Field.PORT), bad);
        }
        e.portProperty().set("");
        assertTrue(e.message(Field.PORT).startsWith("Enter the port"));
        e.targetProperty().set("https://pce.example.com:9443");
        assertEquals("", e.message(Field.PORT), "a URL with a port needs no port field");
        e.orgIdProperty().set("0");
        assertEquals("The org id must be a positive whole number", e.message(Field.ORG_ID));
        e.credentialTypeProperty().set(CredentialType.USER_PASSWORD);
        assertEquals("Enter the user's password", e.message(Field.SECRET));

        e.proxyModeProperty().set(ProxyMode.MANUAL);
        assertFalse(e.message(Field.PROXY_HOST).isEmpty());
        assertFalse(e.message(Field.PROXY_PORT).isEmpty());
        e.proxyHostProperty().set("http://proxy:3128");
        assertTrue(e.message(Field.PROXY_HOST).contains("no scheme"));
        e.proxyPortProperty().set("99999");
        assertTrue(e.message(Field.PROXY_PORT).contains("1 to 65535"));
        e.proxyPasswordProperty().set("pw");
        assertFalse(e.message(Field.PROXY_USERNAME).isEmpty(), "a proxy password needs a user name");

        e.caBundlePathProperty().set(dir.resolve("missing.pem").toString());
        assertTrue(e.message(Field.CA_BUNDLE).contains("does not exist"), e.message(Field.CA_BUNDLE));
        e.caBundlePathProperty().set(dir.toString());
        assertTrue(e.message(Field.CA_BUNDLE).contains("is a folder"));
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        e.caBundlePathProperty().set(notPem.toString());
        assertTrue(e.message(Field.CA_BUNDLE).contains("BEGIN CERTIFICATE"));

        e.clientCertTypeProperty().set(ClientCertType.PKCS12);
        assertTrue(e.message(Field.CLIENT_CERT).startsWith("Choose"));
        e.clientCertPathProperty().set(notPem.toString());
        assertEquals("Enter the PKCS#12 file's password", e.message(Field.CLIENT_KEY_PASSPHRASE));
        Path encrypted = Files.writeString(dir.resolve("key.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        e.clientCertTypeProperty().set(ClientCertType.CERT_AND_KEY);
        assertTrue(e.message(Field.CLIENT_KEY).startsWith("Choose"));
        assertEquals("", e.message(Field.CLIENT_KEY_PASSPHRASE), "an unknown key needs no passphrase yet");
        e.clientKeyPathProperty().set(encrypted.toString());
        assertEquals("The private key is encrypted: enter its passphrase", e.message(Field.CLIENT_KEY_PASSPHRASE));
        e.clientKeyPassphraseProperty().set("phrase");
        assertEquals("", e.message(Field.CLIENT_KEY_PASSPHRASE));
        assertFalse(e.isValid());
        assertEquals(e.errors().keySet().stream().map(e::message).toList(), List.copyOf(e.errors().values()),
                "the map and the per-field properties agree");
    }

    @Test
    void anInvalidProfileCannotBeSaved() throws IOException {
        byte[] before = Files.readAllBytes(store.file());
        ProfileEditorViewModel e = fillDemo("Broken", true);
        e.portProperty().set("0");
        e.targetProperty().set("pce.example.com");
        assertNull(vm.save(), "refused: nothing is written");
        assertEquals(1, vm.profiles().size());
        assertEquals("Broken", e.nameProperty().get(), "the form keeps what was typed");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(store.file())), "nothing was written");
        assertNull(vm.checkConnection(), "an invalid form is not checked either");
        assertTrue(vm.check().summaryProperty().get().contains("port"), vm.check().summaryProperty().get());
    }

    @Test
    void saveWritesTheProfileButNeverItsSecrets() throws IOException {
        String secret = "api-SECRET-4f1c2e";
        String proxyPassword = "proxy-PASSWORD-77a";
        String passphrase = "key-PASSPHRASE-9b3";
        Path keyAndCert = Files.writeString(dir.resolve("client.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
                        + "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        ProfileEditorViewModel e = fillDemo("Production", true);
        e.secretProperty().set(secret);
        e.proxyModeProperty().set(ProxyMode.MANUAL);
        e.proxyHostProperty().set("proxy.example.com");
        e.proxyPortProperty().set("3128");
        e.proxyUsernameProperty().set("proxyuser");
        e.proxyPasswordProperty().set(proxyPassword);
        e.clientCertTypeProperty().set(ClientCertType.PEM_PAIR);
        e.clientCertPathProperty().set(keyAndCert.toString());
        e.clientKeyPassphraseProperty().set(passphrase);
        assertTrue(e.isValid(), e.errors().toString());
        assertSucceeded(vm.save());
        dialogs.assertNoErrors();

        String file = Files.readString(store.file(), StandardCharsets.UTF_8);
        for (String s : List.of(secret, proxyPassword, passphrase)) {
            assertFalse(file.contains(s), "the profiles file must not contain a secret");
        }
        ConnectionProfile saved = vm.profiles().get(1);
        assertEquals("Production", saved.name());
        assertEquals(saved, vm.selectedProperty().get());
        assertEquals(secret, secrets.get(saved.secretKey(SecretKind.API_SECRET)).orElseThrow());
        assertEquals(proxyPassword, secrets.get(saved.secretKey(SecretKind.PROXY_PASSWORD)).orElseThrow());
        assertEquals(passphrase, secrets.get(saved.secretKey(SecretKind.CLIENT_KEY_PASSPHRASE)).orElseThrow());
        assertFalse(e.dirtyProperty().get());
        assertEquals(vm.profiles(), new ConnectionProfileStore(store.folder()).load());

        // Switching to a plain profile removes the secrets it no longer uses.
        e.proxyModeProperty().set(ProxyMode.NONE);
        e.clientCertTypeProperty().set(ClientCertType.NONE);
        assertSucceeded(vm.save());
        assertTrue(secrets.get(saved.secretKey(SecretKind.PROXY_PASSWORD)).isEmpty());
        assertTrue(secrets.get(saved.secretKey(SecretKind.CLIENT_KEY_PASSPHRASE)).isEmpty());
    }

    @Test
    void checkAgainstTheDemoPceSucceedsStepByStep() {
        fillDemo("Demo over HTTPS", true);
        List<String> seen = new ArrayList<>();
        vm.check().steps().addListener((javafx.collections.ListChangeListener<CheckStepRow>) c -> {
            while (c.next()) {
                if (c.wasReplaced() || c.wasAdded()) {
                    c.getAddedSubList().stream().filter(r -> r.status() != Status.PENDING && r.status() != Status.RUNNING)
                            .forEach(r -> seen.add(r.name()));
                }
            }
        });
        var task = vm.checkConnection();
        assertEquals(TaskState.SUCCEEDED, task.state());
        assertEquals(State.SUCCEEDED, vm.check().state(), vm.check().summaryProperty().get());
        assertEquals(StepName.values().length, vm.check().steps().size());
        for (CheckStepRow r : vm.check().steps()) {
            assertEquals(r.step() == StepName.PROXY ? Status.SKIPPED : Status.OK, r.status(), r.toString());
            assertFalse(r.message().isBlank());
        }
        assertEquals(List.of(StepName.values()).stream().map(StepName::label).toList(), seen, "rows fill in step by step");
        assertTrue(vm.check().summaryProperty().get().startsWith("Connected to PCE"), vm.check().summaryProperty().get());
        assertFalse(vm.check().runningProperty().get());
        dialogs.assertNoErrors();
    }

    @Test
    void checkWithoutTheCaBundleFailsAtTls() {
        fillDemo("Demo without CA", false);
        vm.checkConnection();
        assertEquals(State.FAILED, vm.check().state());
        CheckStepRow tls = vm.check().steps().get(StepName.TLS.ordinal());
        assertEquals(Status.FAILED, tls.status());
        assertTrue(tls.message().contains("not trusted") || tls.message().contains("does not trust"), tls.message());
        assertTrue(tls.message().contains("CA bundle"), "the message says what to do: " + tls.message());
        assertEquals(Status.SKIPPED, vm.check().steps().get(StepName.AUTHENTICATION.ordinal()).status());
        assertTrue(vm.check().summaryProperty().get().startsWith("TLS failed"), vm.check().summaryProperty().get());
    }

    @Test
    void aCheckOfANeverAnsweringServerCanBeCancelled() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ProfileEditorViewModel e = fillDemo("Silent server", false);
            e.targetProperty().set("https://127.0.0.1:" + silent.getLocalPort());
            timer.schedule(vm::cancelCheck, 500, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            var task = vm.checkConnection();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis < 10_000, "the cancel closed the hanging handshake, after " + millis + " ms");
            assertEquals(TaskState.CANCELLED, task.state());
            assertEquals(State.CANCELLED, vm.check().state());
            assertEquals("The connection check was cancelled", vm.check().summaryProperty().get());
            assertEquals(Status.OK, vm.check().steps().get(StepName.TCP.ordinal()).status());
            assertEquals(Status.CANCELLED, vm.check().steps().get(StepName.TLS.ordinal()).status());
            assertEquals(Status.CANCELLED, vm.check().steps().get(StepName.PCE_VERSION.ordinal()).status());
            assertFalse(vm.check().runningProperty().get());
            dialogs.assertNoErrors();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void connectSwitchesTheActiveConnectionAndIsRemembered() {
        fillDemo("Standalone demo", true);
        var task = vm.connect();
        assertEquals(TaskState.SUCCEEDED, task.state());
        dialogs.assertNoErrors();
        ConnectionProfile p = vm.selectedProperty().get();
        assertNotNull(manager.activeProperty().get());
        assertEquals(p.id(), manager.activeProperty().get().profile().id(), "connect saved the profile, then activated it");
        assertTrue(vm.isActive(p));
        assertEquals("23.2.10", manager.activeProperty().get().pceVersion());
        assertEquals(p.id(), store.lastActiveId().orElseThrow());
        assertEquals(p, newViewModel().selectedProperty().get(), "the next start selects the last active profile");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aFailedConnectShowsThePcesMessageAndKeepsTheForm() {
        ProfileEditorViewModel e = fillDemo("Wrong secret", true);
        e.secretProperty().set("not-the-secret");
        var task = vm.connect();
        assertEquals(TaskState.FAILED, task.state());
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).message().contains("HTTP 401"), dialogs.errors().get(0).message());
        assertFalse(dialogs.errors().get(0).message().contains("not-the-secret"));
        assertNull(manager.activeProperty().get());
        assertEquals("not-the-secret", e.secretProperty().get(), "everything typed stays");
        assertEquals("Wrong secret", e.nameProperty().get());
    }

    @Test
    void createApiKeySwitchesAUserPasswordProfileToTheNewKey() throws IOException {
        ProfileEditorViewModel e = fillDemo("Demo user", true);
        e.credentialTypeProperty().set(CredentialType.USER_PASSWORD);
        e.usernameProperty().set(demoCredentials.get("user_email").asText());
        e.secretProperty().set(demoCredentials.get("user_password").asText());
        assertSucceeded(vm.save());
        assertTrue(vm.canCreateApiKeyProperty().get());
        ConnectionProfile before = vm.selectedProperty().get();

        var task = vm.createApiKey();
        assertEquals(TaskState.SUCCEEDED, task.state());
        dialogs.assertNoErrors();
        String keySecret = e.secretProperty().get();
        assertFalse(keySecret.isBlank());
        assertNotEquals(demoCredentials.get("user_password").asText(), keySecret);
        assertEquals(CredentialType.API_KEY, e.credentialTypeProperty().get());
        assertTrue(e.usernameProperty().get().startsWith("api_"), e.usernameProperty().get());
        ConnectionProfile after = vm.selectedProperty().get();
        assertEquals(before.id(), after.id());
        assertEquals(CredentialType.API_KEY, after.credentialType());
        assertEquals(e.usernameProperty().get(), after.username());
        assertEquals(keySecret, secrets.get(after.secretKey(SecretKind.API_SECRET)).orElseThrow());
        assertTrue(secrets.get(after.secretKey(SecretKind.PASSWORD)).isEmpty(), "the password is no longer kept");
        assertFalse(Files.readString(store.file()).contains(keySecret));
        assertFalse(dialogs.notifications().stream().anyMatch(n -> n.contains(keySecret)));

        assertEquals(TaskState.SUCCEEDED, vm.connect().state());
        assertEquals(after.username(), manager.activeProperty().get().client().settings().credentials().username());
    }

    @Test
    void aRefusedApiKeyCreationShowsThePcesMessageAndKeepsTheForm() {
        ProfileEditorViewModel e = fillDemo("Demo user", true);
        e.credentialTypeProperty().set(CredentialType.USER_PASSWORD);
        e.usernameProperty().set(demoCredentials.get("user_email").asText());
        e.secretProperty().set("wrong-password");
        var task = vm.createApiKey();
        assertEquals(TaskState.FAILED, task.state());
        assertEquals(1, dialogs.errors().size());
        String m = dialogs.errors().get(0).message();
        assertTrue(m.contains("HTTP 401"), m);
        assertFalse(m.contains("wrong-password"));
        assertEquals(CredentialType.USER_PASSWORD, e.credentialTypeProperty().get());
        assertEquals("wrong-password", e.secretProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void theEmbeddedDemoProfileChecksAndConnectsWithoutAnySetup() {
        ConnectionProfile demo = vm.profiles().get(0);
        assertTrue(demo.embeddedDemo());
        vm.checkConnection();
        assertEquals(State.SUCCEEDED, vm.check().state(), vm.check().summaryProperty().get());
        assertEquals(TaskState.SUCCEEDED, vm.connect().state());
        assertTrue(vm.isActive(demo));
        dialogs.assertNoErrors();
    }

    @Test
    void exportAndImportRoundTripWithoutSecrets() throws IOException {
        fillDemo("First", true);
        assertSucceeded(vm.save());
        fillDemo("Second", true).secretProperty().set("second-SECRET");
        assertSucceeded(vm.save());
        List<ConnectionProfile> chosen = List.copyOf(vm.profiles().subList(1, 3));
        Path export = dir.resolve("export.json");
        dialogs.willSaveTo(export);
        assertSucceeded(vm.exportProfiles(chosen));
        String text = Files.readString(export);
        assertFalse(text.contains("second-SECRET") || text.contains(demoCredentials.get("secret").asText()));

        // Into the same store: the ids clash, so the imports get new ones.
        dialogs.willOpen(export);
        assertSucceeded(vm.importProfiles());
        assertTrue(dialogs.notifications().stream().anyMatch(n -> n.startsWith("Imported 2 profiles from ")),
                dialogs.notifications().toString());
        assertEquals(5, vm.profiles().size());
        ConnectionProfile copy = vm.profiles().get(3);
        assertEquals("First", copy.name());
        assertNotEquals(chosen.get(0).id(), copy.id());
        assertEquals(ConnectionProfileStore.withId(chosen.get(0), copy.id()), copy);
        assertEquals(copy, vm.selectedProperty().get());
        assertEquals("", vm.editor().secretProperty().get(), "imported profiles come without secrets");
        assertFalse(vm.editor().message(Field.SECRET).isEmpty());

        // Into another installation: the ids are kept.
        ConnectionProfileStore other = new ConnectionProfileStore(dir.resolve("other"));
        List<ConnectionProfile> imported = ConnectionProfileStore.importFrom(export, other.load());
        assertEquals(chosen, imported);
        dialogs.assertNoErrors();
    }

    @Test
    void deleteAsksFirstAndRemovesTheSecrets() {
        fillDemo("Doomed", true);
        assertSucceeded(vm.save());
        ConnectionProfile p = vm.selectedProperty().get();
        dialogs.answerConfirm(false);
        assertNull(vm.delete(), "kept: nothing is deleted");
        assertEquals(2, vm.profiles().size());
        dialogs.answerConfirm(true);
        assertSucceeded(vm.delete());
        assertEquals(2, dialogs.confirmations().size());
        assertFalse(vm.profiles().contains(p));
        assertFalse(store.load().contains(p));
        assertTrue(secrets.get(p.secretKey(SecretKind.API_SECRET)).isEmpty());
    }

    @Test
    void deletingAProfileForgetsItsSavedTrafficQueriesAndKeepsTheOthers() {
        TrafficQueryStore queries = new TrafficQueryStore(dir.resolve("config"));
        vm.alsoForgetOnDelete(queries::forget);
        fillDemo("Doomed", true);
        assertSucceeded(vm.save());
        ConnectionProfile doomed = vm.selectedProperty().get();
        TrafficQueryRequest q = TrafficQueryRequest.of("db", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
        queries.save(doomed.id(), SavedTrafficQuery.of("DB", q, null, java.time.Instant.parse("2026-02-01T10:00:00Z")));
        queries.save("another-profile", SavedTrafficQuery.of("Kept", q, null, java.time.Instant.parse("2026-02-01T10:00:00Z")));

        dialogs.answerConfirm(false);
        assertNull(vm.delete());
        assertEquals(List.of("DB"), new TrafficQueryStore(dir.resolve("config")).saved(doomed.id()).stream()
                .map(SavedTrafficQuery::name).toList(), "kept profile: its queries stay");
        dialogs.answerConfirm(true);
        assertSucceeded(vm.delete());

        TrafficQueryStore reread = new TrafficQueryStore(dir.resolve("config"));
        assertTrue(reread.saved(doomed.id()).isEmpty(), "the deleted profile's saved queries are gone from the disk");
        assertEquals(List.of("Kept"), reread.saved("another-profile").stream().map(SavedTrafficQuery::name).toList());
    }

    @Test
    void duplicateIsAnUnsavedCopyWithTheSecrets() {
        fillDemo("Original", true);
        assertSucceeded(vm.save());
        ConnectionProfile original = vm.selectedProperty().get();
        vm.duplicate();
        ProfileEditorViewModel e = vm.editor();
        assertEquals("Original (copy)", e.nameProperty().get());
        assertNotEquals(original.id(), e.idProperty().get());
        assertEquals(demoCredentials.get("secret").asText(), e.secretProperty().get());
        assertFalse(e.savedProperty().get());
        assertNull(vm.selectedProperty().get());
        assertEquals(2, vm.profiles().size());
        assertSucceeded(vm.save());
        assertEquals(3, vm.profiles().size());
    }

    @Test
    void theFormSaysWhetherSecretsPersist() {
        assertFalse(vm.storageStatus().secretsPersistentProperty().get());
        assertEquals("this session only", vm.storageStatus().secretStoreDescription());
    }

    @Test
    void unsavedChangesAreNotLostWithoutAsking() {
        ProfileEditorViewModel e = fillDemo("Lab PCE", true);
        assertSucceeded(vm.save());
        ConnectionProfile lab = vm.selectedProperty().get();
        ConnectionProfile demo = vm.profiles().get(0);
        assertTrue(demo.embeddedDemo());
        e.nameProperty().set("Lab PCE (renamed)");
        assertTrue(e.dirtyProperty().get());
        int before = dialogs.confirmations().size();

        dialogs.answerConfirm(false);
        assertFalse(vm.open(demo));
        vm.newProfile();
        assertFalse(vm.mayClose());
        assertEquals(lab, vm.selectedProperty().get(), "kept: the list stays on the profile being edited");
        assertEquals("Lab PCE (renamed)", e.nameProperty().get(), "kept: what was typed");
        List<RecordingDialogService.Confirmation> asked = dialogs.confirmations().subList(before, dialogs.confirmations().size());
        assertEquals(List.of(
                "'Lab PCE (renamed)' has changes that are not saved. Discard them and open 'Demo PCE (embedded)'?",
                "'Lab PCE (renamed)' has changes that are not saved. Discard them and start a new profile?",
                "'Lab PCE (renamed)' has changes that are not saved. Discard them and close the workbench?"),
                asked.stream().map(RecordingDialogService.Confirmation::message).toList());

        dialogs.answerConfirm(true);
        assertTrue(vm.open(demo));
        assertEquals(demo, vm.selectedProperty().get());
        assertEquals("Demo PCE (embedded)", e.nameProperty().get());
        // Nothing unsaved now: no more questions, and the rename was discarded.
        int now = dialogs.confirmations().size();
        assertTrue(vm.open(lab));
        assertEquals("Lab PCE", e.nameProperty().get());
        assertTrue(vm.mayClose());
        assertEquals(now, dialogs.confirmations().size());

        // A new profile with something typed counts as unsaved too.
        vm.newProfile();
        vm.editor().targetProperty().set("pce.example.com");
        dialogs.answerConfirm(false);
        assertFalse(vm.open(lab));
        assertEquals("'New profile' has changes that are not saved. Discard them and open 'Lab PCE'?",
                dialogs.confirmations().get(dialogs.confirmations().size() - 1).message());
        assertEquals("pce.example.com", vm.editor().targetProperty().get());
    }
}
