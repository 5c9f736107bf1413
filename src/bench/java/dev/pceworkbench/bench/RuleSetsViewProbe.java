package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.task.TaskState;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.ui.common.policy.ActorOptions;
import dev.pceworkbench.ui.policycheck.PolicyCheckViewModel;
import dev.pceworkbench.ui.rulesearch.RuleSearchViewModel;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel;
import dev.pceworkbench.workspace.PolicyWorkspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first open of the three views that load a whole policy, on the demo PCE's {@code large} data
 * set (700 rule sets, 200,000 rules, 50,000 workloads over HTTPS through the async job flow, the
 * demo PCE in the same process): Rulesets (active and draft), Rule search (draft and active) and
 * Policy check, each with a fresh workspace (nothing downloaded yet), the tasks on a real
 * {@link FxTaskExecutor} (4 workers, as the app) whose "FX thread" is one probe thread.
 *
 * <p>Per view: <b>usable</b> is when the view answers its first question asked at the click: the
 * rule-set table's rows are there (Rulesets), the results of a search for 161/udp typed at once
 * (Rule search), the answer of a check 10.0.0.5 → 10.0.0.6 on 443/tcp (Policy check); <b>picker</b>
 * is when the actor picker's entries (or the Rulesets view's workload names) are ready; then each
 * named phase the view's status showed, with the time it first appeared, and the work done on the
 * "FX thread" (total and longest single run). Two rounds: round 1 in a cold JVM, round 2 warm.
 * The client is connected first, as the app's connect does (it reads the PCE's version), so the
 * views' clicks come after the JVM's first request, as in the app.
 * Then a breakdown of one draft load on a fresh workspace: each collection's download, the model,
 * the index and the picker's entries. With {@code -Dprobe.heap=true} also the earlier heap and
 * rule filter figures of the Rulesets view.
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.RuleSetsViewProbe -Dbench.args=}
 * (or compile this class alone with {@code javac} against the test class path and run it with -Xmx6g).
 */
public final class RuleSetsViewProbe {
    private RuleSetsViewProbe() {
    }

    /** A view model whose load is timed: when the table rows and when the workload names were ready. */
    private static final class Timed {
        final RuleSetsViewModel vm;
        final long start = System.nanoTime();
        long table;
        long names;

        Timed(PolicyWorkspace ws, DialogService dialogs) {
            vm = new RuleSetsViewModel(ws, new SynchronousTaskExecutor(), dialogs, new Navigator());
            vm.setRuleFilterDelay(Duration.ZERO);
            vm.loadedProperty().addListener((o, a, b) -> table = System.nanoTime());
            vm.workloadNamesReadyProperty().addListener((o, a, b) -> names = System.nanoTime());
        }

        Timed load() {
            vm.versionProperty().set("active"); // loads the version, synchronously here: both steps
            if (!vm.loadedProperty().get() || !vm.workloadNamesReadyProperty().get()) {
                throw new IllegalStateException("the load failed");
            }
            return this;
        }

        long tableMs() {
            return (table - start) / 1_000_000;
        }

        long namesMs() {
            return (names - start) / 1_000_000;
        }
    }

    /**
     * One first open on a real task executor: a single "FX thread" runs every UI callback (timed),
     * workers run the bodies; every task's messages are recorded as named phases (a message whose
     * words, numbers left out, differ from the previous one starts a phase).
     */
    private static final class Open implements AutoCloseable {
        final long start = System.nanoTime();
        final ExecutorService fx = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "probe-fx");
            t.setDaemon(true);
            return t;
        });
        final AtomicLong fxBusy = new AtomicLong();
        final AtomicLong fxLongest = new AtomicLong();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final FxTaskExecutor executor;
        final TaskExecutor recording;
        final Map<String, Long> phases = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, Long> tasksDone = Collections.synchronizedMap(new LinkedHashMap<>());
        final CountDownLatch usable = new CountDownLatch(1);
        final CountDownLatch picker = new CountDownLatch(1);
        volatile long usableAt;
        volatile long pickerAt;
        String lastKey = "";

        Open() {
            executor = new FxTaskExecutor(r -> fx.execute(() -> {
                long s = System.nanoTime();
                try {
                    r.run();
                } finally {
                    long d = System.nanoTime() - s;
                    fxBusy.addAndGet(d);
                    fxLongest.accumulateAndGet(d, Math::max);
                }
            }), t -> failures.add(String.valueOf(t)), 4);
            recording = new TaskExecutor() {
                @Override
                public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
                    task.messageProperty().addListener((o, a, m) -> phase(m));
                    task.stateProperty().addListener((o, a, st) -> {
                        if (st != null && st.isDone()) {
                            tasksDone.putIfAbsent(task.title() + " (" + st + ")", ms());
                            if (st == TaskState.SUCCEEDED && PICKER_TASKS.stream().anyMatch(task.title()::startsWith)) {
                                picker();
                            }
                        }
                    });
                    return executor.execute(task);
                }

                @Override
                public dev.pceworkbench.task.TaskRegistry registry() {
                    return executor.registry();
                }
            };
        }

        long ms() {
            return (System.nanoTime() - start) / 1_000_000;
        }

        void phase(String m) {
            if (m == null || m.isBlank()) {
                return;
            }
            String key = m.replaceAll("[0-9.,]+", "#");
            if (!key.equals(lastKey)) {
                lastKey = key;
                phases.putIfAbsent(m, ms());
            }
        }

        void usable() {
            if (usableAt == 0) {
                usableAt = ms();
            }
            usable.countDown();
        }

        void picker() {
            if (pickerAt == 0) {
                pickerAt = ms();
            }
            picker.countDown();
        }

        /** Runs {@code r} on the probe's FX thread and waits for it. */
        void onFx(Runnable r) throws Exception {
            fx.submit(r).get();
        }

        void await() throws InterruptedException {
            if (!usable.await(5, TimeUnit.MINUTES) || !picker.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not done in 5 minutes: " + failures);
            }
        }

        String report(String what) {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%-24s usable %6d ms, picker %6d ms; FX thread %d ms in all, longest %d ms%n", what,
                    usableAt, pickerAt, fxBusy.get() / 1_000_000, fxLongest.get() / 1_000_000));
            synchronized (phases) {
                phases.forEach((m, t) -> b.append(String.format("      %6d ms  %s%n", t, m)));
            }
            synchronized (tasksDone) {
                tasksDone.forEach((m, t) -> b.append(String.format("      %6d ms  task done: %s%n", t, m)));
            }
            if (!failures.isEmpty()) {
                b.append("      FAILURES: ").append(failures).append('\n');
            }
            return b.toString();
        }

        @Override
        public void close() {
            executor.close();
            fx.shutdownNow();
        }
    }

    private static String rulesets(PceClient client, DialogService dialogs, String version) throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        try (Open o = new Open()) {
            o.onFx(() -> {
                RuleSetsViewModel vm = new RuleSetsViewModel(ws, o.recording, dialogs, new Navigator());
                vm.versionProperty().set(version);
                vm.loadedProperty().addListener((x, a, b) -> o.usable());
                vm.workloadNamesReadyProperty().addListener((x, a, b) -> {
                    if (b) {
                        o.picker();
                    }
                });
                vm.statusProperty().addListener((x, a, b) -> o.phase(b));
                vm.onShown();
                KEEP.add(vm);
            });
            o.await();
            return o.report("Rulesets " + version);
        } finally {
            KEEP.clear();
        }
    }

    private static String ruleSearch(PceClient client, DialogService dialogs, String version) throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        try (Open o = new Open()) {
            o.onFx(() -> {
                RuleSearchViewModel vm = new RuleSearchViewModel(ws, o.recording, dialogs, new Navigator());
                vm.form().versionProperty().set(version);
                vm.form().basicModeProperty().set(false);
                vm.form().portsProperty().set("161/udp");
                vm.lastRequestProperty().addListener((x, a, b) -> {
                    if (b != null) {
                        o.usable();
                    }
                });
                vm.choicesStatusProperty().addListener((x, a, b) -> o.phase(b));
                vm.statusProperty().addListener((x, a, b) -> o.phase(b));
                vm.onShown();
                vm.search();
                KEEP.add(vm);
            });
            o.await();
            return o.report("Rule search " + version);
        } finally {
            KEEP.clear();
        }
    }

    private static String policyCheck(PceClient client, DialogService dialogs) throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        try (Open o = new Open()) {
            o.onFx(() -> {
                PolicyCheckViewModel vm = new PolicyCheckViewModel(ws, o.recording, dialogs, new Navigator());
                vm.answerProperty().addListener((x, a, b) -> {
                    if (b != null) {
                        o.usable();
                    }
                });
                vm.statusProperty().addListener((x, a, b) -> o.phase(b));
                vm.onShown();
                vm.consumerProperty().set("10.0.0.5");
                vm.providerProperty().set("10.0.0.6");
                vm.serviceProperty().set("443/tcp");
                vm.check();
                KEEP.add(vm);
            });
            o.await();
            return o.report("Policy check");
        } finally {
            KEEP.clear();
        }
    }

    /** The tasks that build an actor picker's entries (their success is "picker ready"). */
    private static final List<String> PICKER_TASKS = List.of("Loading policy objects",
            "Loading the policy for the policy check", "Preparing the workload picker",
            "Preparing the actor picker");

    /** Keeps the open view models reachable while they load. */
    private static final List<Object> KEEP = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0))) {
            System.out.printf("demo PCE (large) up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            PceClient client = DemoPces.client(pce, Duration.ofMinutes(5));
            // Connected as the app connects (ConnectionManager.open reads the PCE's version before any
            // view can open): the views' clicks come after it, so the JVM's first TLS handshake and
            // first request are not a view's.
            long c0 = System.nanoTime();
            String version = client.productVersion(dev.pceworkbench.pce.CancellationToken.none()).version();
            System.out.printf("connected as the app connects (PCE version %s) in %d ms%n", version,
                    (System.nanoTime() - c0) / 1_000_000);
            DialogService dialogs = new PrintingDialogs();
            String only = System.getProperty("probe.only", "");
            for (int round = 1; round <= Integer.getInteger("probe.rounds", 2); round++) {
                System.out.printf("--- round %d (%s JVM): first open of each view on a fresh workspace%n", round,
                        round == 1 ? "cold" : "warm");
                if (only.isEmpty() || only.contains("rulesets")) {
                    System.out.print(rulesets(client, dialogs, "active"));
                    System.out.print(rulesets(client, dialogs, "draft"));
                }
                if (only.isEmpty() || only.contains("search")) {
                    System.out.print(ruleSearch(client, dialogs, "draft"));
                    System.out.print(ruleSearch(client, dialogs, "active"));
                }
                if (only.isEmpty() || only.contains("check")) {
                    System.out.print(policyCheck(client, dialogs));
                }
            }
            breakdown(client);
            if (Boolean.getBoolean("probe.heap")) {
                heap(client, dialogs);
            }
        }
    }

    /** One draft load on a fresh workspace, step by step, each step timed alone. */
    private static void breakdown(PceClient client) {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        var token = dev.pceworkbench.pce.CancellationToken.none();
        var none = dev.pceworkbench.pce.Progress.Listener.NONE;
        String v = "draft";
        long s = System.nanoTime();
        int rs = ws.ruleSets(v, token, none).size();
        long a = System.nanoTime();
        int wl = ws.workloads(token, none).size();
        long b = System.nanoTime();
        ws.labels(token, none);
        ws.labelGroups(v, token, none);
        ws.ipLists(v, token, none);
        ws.services(v, token, none);
        ws.virtualServices(v, token, none);
        ws.enforcementBoundaries(v, token, none);
        ws.serviceBindings(token, none);
        ws.labelDimensions(token, none);
        long c = System.nanoTime();
        PolicyData data = ws.policyData(v, token, none);
        PolicyModel model = PolicyModel.build(data);
        long d = System.nanoTime();
        RuleSearchIndex ix = RuleSearchIndex.build(model);
        long e = System.nanoTime();
        ActorOptions actors = ActorOptions.actors(data, ws.labelDimensions(token, none));
        long f = System.nanoTime();
        ActorOptions workloads = ActorOptions.workloads(data);
        long g = System.nanoTime();
        System.out.printf("--- breakdown, draft on a fresh workspace: rule sets (%d) %d ms; workloads (%d) %d ms; "
                        + "the other collections %d ms; model %d ms; index %d ms (%d rules); rule search picker "
                        + "(%d entries) %d ms; policy check picker (%d entries) %d ms%n",
                rs, (a - s) / 1_000_000, wl, (b - a) / 1_000_000, (c - b) / 1_000_000, (d - c) / 1_000_000,
                (e - d) / 1_000_000, ix.model().ruleCount(), actors.all().size(), (f - e) / 1_000_000,
                workloads.all().size(), (g - f) / 1_000_000);
        // The same collections on another fresh workspace as the views load them
        // (PolicyWorkspace.policyData: asked at once, the small ones beside the big ones).
        PolicyWorkspace side = new PolicyWorkspace(() -> Optional.of(client));
        long h = System.nanoTime();
        side.policyData(v, token, none);
        long i = System.nanoTime();
        System.out.printf("--- the same draft collections: each alone, one after the other %d ms; as the views load them (policyData) %d ms%n",
                (c - s) / 1_000_000, (i - h) / 1_000_000);
    }

    private static void heap(PceClient client, DialogService dialogs) throws Exception {
        {
            long before = Heap.usedAfterGc();
            System.out.printf("heap before: %.0f MB%n", mb(before));
            Timed run = null;
            for (int i = 1; i <= 3; i++) {
                run = null;
                run = new Timed(new PolicyWorkspace(() -> Optional.of(client)), dialogs).load();
                System.out.printf("run %d (%s): rule set table ready in %d ms, workload names ready in %d ms; %s%n",
                        i, i == 1 ? "first" : "warm", run.tableMs(), run.namesMs(), run.vm.statusProperty().get());
            }
            long withView = Heap.usedAfterGc();
            System.out.printf("heap after: %.0f MB; retained by the view and its workspace's collections: %.0f MB%n",
                    mb(withView), mb(withView - before));
            run = null;
            Heap.usedAfterGc();

            // The same collections through a fresh workspace alone, then the view on top of it.
            PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
            var token = dev.pceworkbench.pce.CancellationToken.none();
            var none = dev.pceworkbench.pce.Progress.Listener.NONE;
            long s0 = System.nanoTime();
            int rs = ws.ruleSets("active", token, none).size();
            long s1 = System.nanoTime();
            long ruleSetsHeap = Heap.usedAfterGc() - before;
            int wl = ws.workloads(token, none).size();
            long s2 = System.nanoTime();
            ws.labels(token, none);
            ws.labelGroups("active", token, none);
            ws.ipLists("active", token, none);
            ws.services("active", token, none);
            ws.virtualServices("active", token, none);
            long s3 = System.nanoTime();
            System.out.printf("breakdown: %d rule sets %d ms, %d workloads %d ms, labels/groups/IP lists/services/virtual services %d ms%n",
                    rs, (s1 - s0) / 1_000_000, wl, (s2 - s1) / 1_000_000, (s3 - s2) / 1_000_000);
            long wsOnly = Heap.usedAfterGc();
            System.out.printf("the workspace's collections alone retain %.0f MB (rule sets %.0f MB, workloads and the rest %.0f MB)%n",
                    mb(wsOnly - before), mb(ruleSetsHeap), mb(wsOnly - before - ruleSetsHeap));
            Timed onCache = new Timed(ws, dialogs).load();
            long both = Heap.usedAfterGc();
            System.out.printf("the view on that (loaded) workspace: table in %d ms, names in %d ms; the view itself retains %.1f MB%n",
                    onCache.tableMs(), onCache.namesMs(), mb(both - wsOnly));
            RuleSetsViewModel vm = onCache.vm;
            for (String q : new String[]{"web", "ipl-partner", "role: db", "8443", "xyzzy"}) {
                for (int i = 0; i < 3; i++) {
                    long s = System.nanoTime();
                    vm.ruleFilter().queryProperty().set(i % 2 == 0 ? q : q + " ");
                    long ms = (System.nanoTime() - s) / 1_000_000;
                    System.out.printf("rule filter '%s' run %d: %d ms, %s%n", q, i + 1, ms, vm.ruleFilter().statusProperty().get());
                }
            }
            vm.ruleFilter().queryProperty().set("");
            long withTerms = Heap.usedAfterGc();
            System.out.printf("the view with the rule filter's terms retains %.1f MB (terms %.1f MB)%n",
                    mb(withTerms - wsOnly), mb(withTerms - both));
            System.out.println(vm.allRuleSets().size() + " rule sets still shown");
            // -Dprobe.pauseSeconds=N keeps the loaded view alive for a look with jcmd GC.class_histogram.
            long pause = Long.getLong("probe.pauseSeconds", 0);
            if (pause > 0) {
                System.out.printf("pid %d: pausing %d s%n", ProcessHandle.current().pid(), pause);
                Thread.sleep(pause * 1000);
                System.out.println(vm.allRuleSets().size() + " rule sets after the pause");
            }
        }
    }


    private static double mb(long bytes) {
        return bytes / 1_048_576.0;
    }

    /** Errors would make the figures meaningless: print them. */
    private static final class PrintingDialogs implements DialogService {
        @Override
        public void showError(String title, String message, String details) {
            System.err.println(title + ": " + message);
        }

        @Override
        public void showError(String title, Throwable failure) {
            System.err.println(title + ": " + failure);
        }

        @Override
        public boolean confirm(String title, String message, String action) {
            return true;
        }

        @Override
        public void notify(String message) {
            System.out.println(message);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, String... extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, String... extensions) {
            return Optional.empty();
        }
    }
}
