package dev.pceworkbench.ui.connections;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.CredentialType;
import dev.pceworkbench.connection.ConnectionProfile.SecretKind;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.connection.SecretStore;
import dev.pceworkbench.connection.SecretStoreException;
import dev.pceworkbench.connection.SessionSecretStore;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionCheck;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.task.TaskState;
import dev.pceworkbench.ui.RecordingDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connections view model's disk and keychain I/O: it runs in tasks (under the app's
 * {@link FxTaskExecutor} no call of the profile store or the secret store is made on the UI thread,
 * here a stand-in "fake-fx" thread), the form waits while it runs, and a failing store shows its
 * message and keeps everything typed.
 */
class ConnectionsStorageTest {
    static final String UI_THREAD = "fake-fx";

    @TempDir
    Path dir;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        // Last made, first closed: the executor before the UI thread it delivers to.
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    /** Records the thread of every call, and fails on demand. */
    static final class RecordingProfileStore extends ConnectionProfileStore {
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile CountDownLatch loadGate;
        volatile String saveFailure;
        volatile String loadFailure;

        RecordingProfileStore(Path folder) {
            super(folder);
        }

        private void record(String call) {
            threads.add(call + "@" + Thread.currentThread().getName());
        }

        @Override
        public synchronized List<ConnectionProfile> load() {
            record("load");
            if (loadGate != null) {
                try {
                    assertTrue(loadGate.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (loadFailure != null) {
                throw new UncheckedIOException(new IOException(loadFailure));
            }
            return super.load();
        }

        @Override
        public synchronized void save(List<ConnectionProfile> newProfiles) {
            record("save");
            if (saveFailure != null) {
                throw new UncheckedIOException(new IOException(saveFailure));
            }
            super.save(newProfiles);
        }

        @Override
        public synchronized Optional<String> lastActiveId() {
            record("lastActiveId");
            return super.lastActiveId();
        }

        @Override
        public synchronized void rememberActive(String profileId) {
            record("rememberActive");
            super.rememberActive(profileId);
        }

        @Override
        public void exportTo(Path target, Collection<ConnectionProfile> selection) {
            record("exportTo");
            super.exportTo(target, selection);
        }
    }

    /** A session store that records the thread of every call, and fails on demand. */
    static final class RecordingSecretStore implements SecretStore {
        final SessionSecretStore inner = new SessionSecretStore("test keychain");
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile String failure;
        volatile CountDownLatch getGate;

        private void record(String call) {
            threads.add(call + "@" + Thread.currentThread().getName());
            if (failure != null) {
                throw new SecretStoreException(failure, null);
            }
        }

        @Override
        public Optional<String> get(String key) {
            record("get");
            CountDownLatch gate = getGate;
            if (gate != null) {
                try {
                    assertTrue(gate.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return inner.get(key);
        }

        @Override
        public void put(String key, String secret) {
            record("put");
            inner.put(key, secret);
        }

        @Override
        public void delete(String key) {
            record("delete");
            inner.delete(key);
        }

        @Override
        public boolean persistent() {
            threads.add("persistent@" + Thread.currentThread().getName());
            return true;
        }

        @Override
        public String description() {
            threads.add("description@" + Thread.currentThread().getName());
            return inner.description();
        }
    }

    private ConnectionsViewModel model(RecordingProfileStore store, SecretStore secrets, TaskExecutor executor) {
        ConnectionManager manager = new ConnectionManager(secrets, new EmbeddedDemo(DemoPceOptions.defaults()));
        closing.add(manager::close);
        return new ConnectionsViewModel(store, manager, executor, dialogs, () -> new ConnectionCheck(Map.of()));
    }

    private static void fill(ProfileEditorViewModel e, String name, String secret) {
        e.nameProperty().set(name);
        e.targetProperty().set("pce.example.com");
        e.credentialTypeProperty().set(CredentialType.API_KEY);
        e.usernameProperty().set("api_1a2b3c");
        e.secretProperty().set(secret);
    }

    // --- under the app's executor, with a stand-in UI thread -----------------------------------

    /** The UI thread stand-in and the app's executor delivering to it. */
    private ExecutorService ui;
    private FxTaskExecutor fx;

    private void startUi() {
        ui = Executors.newSingleThreadExecutor(r -> new Thread(r, UI_THREAD));
        fx = new FxTaskExecutor(ui::execute, TaskFailures::record, 2);
        closing.add(ui::shutdownNow);
        closing.add(fx);
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return ui.submit(c).get(10, TimeUnit.SECONDS);
    }

    private void untilOnUi(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onUi(condition)) {
            assertTrue(System.nanoTime() < end, "timed out waiting on the UI thread");
            Thread.sleep(10);
        }
    }

    private void idle(ConnectionsViewModel vm) throws Exception {
        untilOnUi(() -> !vm.storageStatus().loadingProperty().get() && !vm.storageStatus().savingProperty().get() && fx.registry().running().isEmpty());
    }

    @Test
    void theProfilesAreReadInATaskWhileTheUiThreadGoesOn() throws Exception {
        startUi();
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        store.loadGate = new CountDownLatch(1);
        ConnectionsViewModel vm = onUi(() -> model(store, new RecordingSecretStore(), fx));
        // The file is being read (the store waits on the gate), yet the UI thread answers.
        assertTrue(onUi(() -> vm.storageStatus().loadingProperty().get()));
        assertTrue(onUi(() -> vm.storageStatus().formLockedProperty().get()), "the form waits for the profiles");
        assertEquals("Reading the connection profiles…", onUi(() -> vm.storageStatus().statusProperty().get()));
        assertTrue(onUi(() -> vm.profiles().isEmpty()));
        store.loadGate.countDown();
        idle(vm);
        assertEquals(List.of(ConnectionProfileStore.DEMO_PROFILE_NAME), onUi(() -> vm.profiles().stream().map(ConnectionProfile::name).toList()));
        assertEquals(vm.profiles().get(0), onUi(() -> vm.selectedProperty().get()));
        assertEquals("", onUi(() -> vm.storageStatus().statusProperty().get()));
        assertFalse(onUi(() -> vm.storageStatus().formLockedProperty().get()));
        dialogs.assertNoErrors();
    }

    @Test
    void noUiThreadPathTouchesTheProfileFileOrTheKeychain() throws Exception {
        startUi();
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        RecordingSecretStore secrets = new RecordingSecretStore();
        ConnectionsViewModel vm = onUi(() -> model(store, secrets, fx));
        idle(vm);
        assertEquals("test keychain", onUi(() -> vm.storageStatus().secretStoreDescription()), "described after asking in a task");
        assertTrue(onUi(() -> vm.storageStatus().secretsPersistentProperty().get()));

        // Save a new profile, open the demo profile and the new one again (its secrets are read), duplicate and save
        // that, delete it, export, read the file again, connect.
        onUi(() -> {
            vm.newProfile();
            fill(vm.editor(), "Lab PCE", "lab-SECRET");
            return vm.save();
        });
        idle(vm);
        ConnectionProfile lab = onUi(() -> vm.selectedProperty().get());
        assertEquals("Lab PCE", lab.name());
        assertEquals(Optional.of("lab-SECRET"), secrets.inner.get(lab.secretKey(SecretKind.API_SECRET)));
        assertTrue(onUi(() -> vm.open(vm.profiles().get(0))));
        idle(vm);
        assertTrue(onUi(() -> vm.open(lab)));
        idle(vm);
        assertEquals("lab-SECRET", onUi(() -> vm.editor().secretProperty().get()), "the secret was read back");
        assertFalse(onUi(() -> vm.editor().dirtyProperty().get()));
        onUi(() -> {
            vm.duplicate();
            return vm.save();
        });
        idle(vm);
        assertEquals(3, (int) onUi(() -> vm.profiles().size()));
        dialogs.answerConfirm(true);
        assertNotNull(onUi(vm::delete));
        idle(vm);
        assertEquals(2, (int) onUi(() -> vm.profiles().size()));
        dialogs.willSaveTo(dir.resolve("export.json"));
        assertNotNull(onUi(() -> vm.exportProfiles(List.of(lab))));
        idle(vm);
        assertTrue(Files.readString(dir.resolve("export.json")).contains("Lab PCE"));
        onUi(() -> {
            vm.reload();
            return null;
        });
        idle(vm);
        assertEquals(lab, onUi(() -> vm.selectedProperty().get()), "the selection is kept over a reload");
        dialogs.assertNoErrors();
        // Connecting (the embedded demo) remembers the profile as the last active, off the UI thread too.
        BackgroundTask<?> connect = onUi(() -> vm.connect(vm.profiles().get(0)));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (onUi(() -> connect.state() == TaskState.RUNNING || connect.state() == TaskState.READY)) {
            assertTrue(System.nanoTime() < end, "the embedded demo did not start in time");
            Thread.sleep(50);
        }
        assertEquals(TaskState.SUCCEEDED, onUi(connect::state), () -> String.valueOf(connect.exceptionProperty().get()));
        assertEquals(Optional.of(vm.profiles().get(0).id()), store.lastActiveId());
        dialogs.assertNoErrors();

        List<String> calls = new ArrayList<>(store.threads);
        calls.addAll(secrets.threads);
        for (String call : List.of("load", "lastActiveId", "save", "exportTo", "rememberActive", "get", "put", "delete", "persistent", "description")) {
            assertTrue(calls.stream().anyMatch(c -> c.startsWith(call + "@")), call + " was exercised: " + calls);
        }
        assertEquals(List.of(), calls.stream().filter(c -> c.endsWith("@" + UI_THREAD)).toList(),
                "no store call on the UI thread");
    }

    @Test
    void theStartUpConnectWaitsForTheProfiles() throws Exception {
        startUi();
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        store.loadGate = new CountDownLatch(1);
        ConnectionManager manager = new ConnectionManager(new RecordingSecretStore(), new EmbeddedDemo(DemoPceOptions.defaults()));
        closing.add(manager::close);
        ConnectionsViewModel vm = onUi(() -> new ConnectionsViewModel(store, manager, fx, dialogs, () -> new ConnectionCheck(Map.of())));
        // As the app's start-up does once the window is up: the profiles are not read yet.
        onUi(() -> {
            vm.connectLastUsed();
            return null;
        });
        assertTrue(onUi(() -> vm.profiles().isEmpty()));
        assertTrue(onUi(() -> manager.activeProperty().get() == null));
        store.loadGate.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (onUi(() -> manager.activeProperty().get() == null)) {
            assertTrue(System.nanoTime() < end, "no connection after the profiles were read: " + dialogs.errors());
            Thread.sleep(50);
        }
        ConnectionProfile demo = onUi(() -> vm.profiles().get(0));
        assertTrue(demo.embeddedDemo(), "first start: the embedded demo");
        assertEquals(demo.id(), onUi(() -> manager.activeProperty().get().profile().id()));
        idle(vm);
        assertEquals(Optional.of(demo.id()), store.lastActiveId(), "remembered for the next start");
        assertEquals(List.of(), store.threads.stream().filter(c -> c.endsWith("@" + UI_THREAD)).toList());
        dialogs.assertNoErrors();
    }

    @Test
    void aSlowSecretReadDoesNotOverwriteANewProfile() throws Exception {
        startUi();
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        RecordingSecretStore secrets = new RecordingSecretStore();
        ConnectionsViewModel vm = onUi(() -> model(store, secrets, fx));
        idle(vm);
        onUi(() -> {
            vm.newProfile();
            fill(vm.editor(), "Lab PCE", "lab-SECRET");
            return vm.save();
        });
        idle(vm);
        ConnectionProfile lab = onUi(() -> vm.selectedProperty().get());
        assertTrue(onUi(() -> vm.open(vm.profiles().get(0))));
        idle(vm);

        secrets.getGate = new CountDownLatch(1);
        assertTrue(onUi(() -> vm.open(lab)));
        assertTrue(onUi(() -> vm.storageStatus().loadingProperty().get()), "the keychain is slow");
        assertEquals("Reading the secrets of 'Lab PCE'…", onUi(() -> vm.storageStatus().statusProperty().get()));
        onUi(() -> {
            vm.newProfile();
            return null;
        });
        assertFalse(onUi(() -> vm.storageStatus().formLockedProperty().get()), "the new profile is not kept waiting");
        secrets.getGate.countDown();
        idle(vm);
        assertEquals("New profile", onUi(() -> vm.editor().nameProperty().get()), "the late answer was dropped");
        assertEquals("", onUi(() -> vm.editor().secretProperty().get()));
        dialogs.assertNoErrors();
    }

    // --- failures, under the synchronous executor -----------------------------------------------

    @Test
    void aFailingKeychainShowsItsMessageAndKeepsTheForm() throws IOException {
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        RecordingSecretStore secrets = new RecordingSecretStore();
        SynchronousTaskExecutor executor = TaskFailures.synchronousExecutor();
        ConnectionsViewModel vm = model(store, secrets, executor);
        byte[] before = Files.readAllBytes(store.file());
        vm.newProfile();
        fill(vm.editor(), "Locked", "typed-SECRET");
        secrets.failure = "The keychain is locked";

        BackgroundTask<ConnectionProfile> save = vm.save();
        assertNotNull(save);
        assertEquals(TaskState.FAILED, save.state());
        RecordingDialogService.Error error = dialogs.errors().get(0);
        assertEquals("Could not store the secrets of 'Locked' in the test keychain", error.title());
        assertEquals("The keychain is locked", error.message());
        assertEquals("Locked", vm.editor().nameProperty().get(), "the form keeps what was typed");
        assertEquals("typed-SECRET", vm.editor().secretProperty().get());
        assertFalse(vm.editor().savedProperty().get());
        assertEquals(1, vm.profiles().size(), "nothing was added");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(store.file())), "the file was not written");
        assertFalse(vm.storageStatus().savingProperty().get());
        assertFalse(vm.storageStatus().formLockedProperty().get(), "the form is editable again");
        assertEquals(List.of(), executor.unhandledFailures());

        // The keychain unlocked: the same form saves.
        secrets.failure = null;
        assertEquals(TaskState.SUCCEEDED, vm.save().state());
        assertEquals("Locked", vm.profiles().get(1).name());
    }

    @Test
    void aFailingProfileFileShowsItsMessageAndKeepsTheForm() throws IOException {
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        ConnectionsViewModel vm = model(store, new RecordingSecretStore(), TaskFailures.synchronousExecutor());
        vm.newProfile();
        fill(vm.editor(), "Disk full", "typed-SECRET");
        store.saveFailure = "No space left on device";

        assertEquals(TaskState.FAILED, vm.save().state());
        assertEquals("Could not save the profile 'Disk full'", dialogs.errors().get(0).title());
        assertTrue(dialogs.errors().get(0).message().contains("No space left on device"), dialogs.errors().get(0).message());
        assertEquals("Disk full", vm.editor().nameProperty().get());
        assertEquals("typed-SECRET", vm.editor().secretProperty().get());
        assertTrue(vm.editor().dirtyProperty().get() || !vm.editor().savedProperty().get(), "still unsaved");
        assertEquals(1, vm.profiles().size());
        // And the unsaved-changes protection still holds.
        dialogs.answerConfirm(false);
        assertFalse(vm.mayClose());
    }

    @Test
    void anUnreadableProfileFileShowsItsMessageAndOffersTheDemo() {
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        store.loadFailure = "Permission denied";
        ConnectionsViewModel vm = model(store, new RecordingSecretStore(), TaskFailures.synchronousExecutor());
        assertEquals("Could not read the connection profiles", dialogs.errors().get(0).title());
        assertTrue(dialogs.errors().get(0).message().contains("Permission denied"));
        assertEquals(List.of(ConnectionProfileStore.embeddedDemoProfile().name()),
                vm.profiles().stream().map(ConnectionProfile::name).toList());
        assertFalse(vm.storageStatus().loadingProperty().get());
    }

    @Test
    void anUnreadableSecretShowsTheProfileWithoutIt() {
        RecordingProfileStore store = new RecordingProfileStore(dir.resolve("config"));
        RecordingSecretStore secrets = new RecordingSecretStore();
        ConnectionsViewModel vm = model(store, secrets, TaskFailures.synchronousExecutor());
        vm.newProfile();
        fill(vm.editor(), "Lab PCE", "lab-SECRET");
        assertEquals(TaskState.SUCCEEDED, vm.save().state());
        ConnectionProfile lab = vm.selectedProperty().get();
        assertTrue(vm.open(vm.profiles().get(0)));
        secrets.failure = "The keychain is locked";
        assertTrue(vm.open(lab));
        assertEquals("Could not read the secrets of 'Lab PCE' from the test keychain", dialogs.errors().get(0).title());
        assertEquals("Lab PCE", vm.editor().nameProperty().get());
        assertEquals("", vm.editor().secretProperty().get());
        assertFalse(vm.storageStatus().loadingProperty().get());
    }
}
