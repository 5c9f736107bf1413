package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel;
import dev.pceworkbench.workspace.PolicyWorkspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Prints the time to open the rulesets view on the demo PCE's {@code large} data set (700 rule
 * sets, 200,000 rules, 50,000 workloads): the view model's load of the active version, over HTTPS
 * through the async job flow, until the rule set table is ready and until the workload names (the
 * second background step) are ready; three runs, each with a fresh workspace (first run cold, then
 * warm). Then the heap: what the loaded view and its workspace retain together, what the
 * workspace's collections alone retain, and what the view adds on top of them (used heap after full
 * GCs, as deltas versus before); and the time of the rule filter over all 200,000 rules.
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.RuleSetsViewProbe -Dbench.args=}
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

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0))) {
            System.out.printf("demo PCE (large) up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            PceClient client = PceClient.connect(ConnectionSettings.of(pce.baseUrl(), 0, 1,
                            new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                    .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem())), RetryPolicy.defaults(),
                    new RequestLimiter(0), Duration.ofMinutes(5));
            DialogService dialogs = new PrintingDialogs();
            long before = usedAfterGc();
            System.out.printf("heap before: %.0f MB%n", mb(before));
            Timed run = null;
            for (int i = 1; i <= 3; i++) {
                run = null;
                run = new Timed(new PolicyWorkspace(() -> Optional.of(client)), dialogs).load();
                System.out.printf("run %d (%s): rule set table ready in %d ms, workload names ready in %d ms; %s%n",
                        i, i == 1 ? "first" : "warm", run.tableMs(), run.namesMs(), run.vm.statusProperty().get());
            }
            long withView = usedAfterGc();
            System.out.printf("heap after: %.0f MB; retained by the view and its workspace's collections: %.0f MB%n",
                    mb(withView), mb(withView - before));
            run = null;
            usedAfterGc();

            // The same collections through a fresh workspace alone, then the view on top of it.
            PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
            var token = dev.pceworkbench.pce.CancellationToken.none();
            var none = dev.pceworkbench.pce.Progress.Listener.NONE;
            long s0 = System.nanoTime();
            int rs = ws.ruleSets("active", token, none).size();
            long s1 = System.nanoTime();
            long ruleSetsHeap = usedAfterGc() - before;
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
            long wsOnly = usedAfterGc();
            System.out.printf("the workspace's collections alone retain %.0f MB (rule sets %.0f MB, workloads and the rest %.0f MB)%n",
                    mb(wsOnly - before), mb(ruleSetsHeap), mb(wsOnly - before - ruleSetsHeap));
            Timed onCache = new Timed(ws, dialogs).load();
            long both = usedAfterGc();
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
            long withTerms = usedAfterGc();
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

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
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
