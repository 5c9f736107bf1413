package dev.pceworkbench.app;

import dev.pceworkbench.connection.ActiveConnection;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.connection.TrafficQueryStore;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.connection.SecretStore;
import dev.pceworkbench.connection.SecretStores;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.ui.common.FxDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.ObjectDetailsView;
import dev.pceworkbench.ui.common.ObjectDetailsViewModel;
import dev.pceworkbench.ui.labels.LabelsView;
import dev.pceworkbench.ui.labels.LabelsViewModel;
import dev.pceworkbench.ui.common.OsTheme;
import dev.pceworkbench.ui.common.Themes;
import dev.pceworkbench.ui.common.UiSettings;
import dev.pceworkbench.ui.connections.ConnectionsView;
import dev.pceworkbench.ui.containerclusters.ContainerClustersView;
import dev.pceworkbench.ui.containerclusters.ContainerClustersViewModel;
import dev.pceworkbench.ui.connections.ConnectionsViewModel;
import dev.pceworkbench.ui.policycheck.PolicyCheckView;
import dev.pceworkbench.ui.policycheck.PolicyCheckViewModel;
import dev.pceworkbench.ui.provision.PendingCount;
import dev.pceworkbench.ui.provision.ProvisionView;
import dev.pceworkbench.ui.provision.ProvisionViewModel;
import dev.pceworkbench.ui.rulesearch.RuleSearchView;
import dev.pceworkbench.ui.rulesearch.RuleSearchViewModel;
import dev.pceworkbench.ui.rulesets.RuleSetsView;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel;
import dev.pceworkbench.ui.shell.Feature;
import dev.pceworkbench.ui.traffic.QueryLibrary;
import dev.pceworkbench.ui.traffic.TrafficView;
import dev.pceworkbench.ui.traffic.TrafficViewModel;
import dev.pceworkbench.ui.shell.FeatureView;
import dev.pceworkbench.ui.shell.ShellView;
import dev.pceworkbench.ui.shell.ShellViewModel;
import dev.pceworkbench.workspace.ContainerClusters;
import dev.pceworkbench.workspace.PolicyProvisioning;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import dev.pceworkbench.ui.virtualservices.VirtualServicesView;
import dev.pceworkbench.ui.virtualservices.VirtualServicesViewModel;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The composition root: builds settings, secret store, profile store, connection manager (with
 * the embedded demo PCE), task executor, dialog service, view models and views, by constructor
 * injection, and opens the main window connected to the last used profile (the embedded demo PCE
 * on first start). Closing the window cancels running tasks and stops the demo PCE.
 */
public final class WorkbenchApp extends Application {
    private static final Logger LOG = Logger.getLogger(WorkbenchApp.class.getName());
    private FxTaskExecutor executor;
    private ConnectionManager connections;
    private UiSettings settings;

    @Override
    public void start(Stage stage) {
        // Next to the profiles: removing the configuration folder is a fresh start.
        settings = UiSettings.in(ConnectionProfileStore.standardFolder());
        // --theme=light|dark on the command line wins for this run (screenshots, demos).
        String theme = java.util.Optional.ofNullable(getParameters().getNamed().get("theme"))
                .filter(t -> t.equals(Themes.LIGHT) || t.equals(Themes.DARK))
                .or(settings::theme)
                .orElse(OsTheme.prefersDark() ? Themes.DARK : Themes.LIGHT);
        Themes.apply(theme);

        // The window does not wait for the OS keychain: it is probed on a thread of its own, and the
        // first use of a secret (after the window is up) waits for the probe's answer.
        SecretStore secrets = SecretStores.bestInBackground();
        connections = new ConnectionManager(secrets, EmbeddedDemo.defaults());

        ShellViewModel[] shell = new ShellViewModel[1];
        FxDialogService dialogs = new FxDialogService(() -> stage, message -> {
            if (shell[0] != null) {
                shell[0].notify(message);
            }
        }, settings);
        executor = new FxTaskExecutor(Platform::runLater, t -> dialogs.showError("Something went wrong", t), 4);
        Thread.setDefaultUncaughtExceptionHandler((thread, t) ->
                Platform.runLater(() -> dialogs.showError("Unexpected error in " + thread.getName(), t)));

        // The profiles (a file, and their secrets in the keychain) are read after the window's first
        // frame, by whichever needs them first (the Connections view or the automatic connect), and
        // then in background tasks: the FX thread never waits on the disk or the keychain.
        // Saved and recent traffic queries: per connection profile, in a file next to the profiles;
        // one store shared by the Traffic view and the profile delete (which forgets a profile's queries).
        TrafficQueryStore trafficQueries = TrafficQueryStore.atStandardLocation();
        Once<ConnectionsViewModel> connectionsModel = new Once<>(() -> {
            ConnectionsViewModel m = new ConnectionsViewModel(
                    ConnectionProfileStore.atStandardLocation(), connections, executor, dialogs);
            m.alsoForgetOnDelete(trafficQueries::forget);
            return m;
        });
        PolicyWorkspace workspace = new PolicyWorkspace(() -> connections.active().map(ActiveConnection::client));
        Navigator navigator = new Navigator();
        // Another PCE: every view reloads (the workspace itself forgets the old PCE's objects).
        connections.activeProperty().addListener((o, a, b) -> workspace.refreshAll());
        // Each view's model is made when its view first opens or something navigates to it.
        Once<LabelsViewModel> labelsModel = new Once<>(() -> new LabelsViewModel(workspace, executor, dialogs, navigator));
        navigator.register(ObjectKind.LABEL, LabelsViewModel.FEATURE_ID, t -> labelsModel.get().open(t));
        navigator.register(ObjectKind.LABEL_GROUP, LabelsViewModel.FEATURE_ID, t -> labelsModel.get().open(t));
        navigator.fallback(t -> ObjectDetailsView.showWindow(stage,
                new ObjectDetailsViewModel(t, workspace, executor, dialogs)));
        Once<RuleSetsViewModel> ruleSetsModel = new Once<>(() -> new RuleSetsViewModel(workspace, executor, dialogs, navigator));
        navigator.register(ObjectKind.RULE_SET, RuleSetsViewModel.FEATURE_ID, t -> ruleSetsModel.get().open(t));
        Once<RuleSearchViewModel> ruleSearchModel = new Once<>(() -> {
            RuleSearchViewModel m = new RuleSearchViewModel(workspace, executor, dialogs, navigator);
            m.rememberColumnsIn(settings);
            return m;
        });
        Once<PolicyCheckViewModel> policyCheckModel = new Once<>(() ->
                new PolicyCheckViewModel(workspace, executor, dialogs, navigator));
        // The sidebar's count of pending changes is asked at every connect and policy change (any
        // edit of the draft changes it), before the Provision view is ever opened.
        PolicyProvisioning provisioning = new PolicyProvisioning(workspace);
        PendingCount pendingCount = new PendingCount(provisioning, executor);
        workspace.addListener(change -> pendingCount.refresh());
        Once<ProvisionViewModel> provisionModel = new Once<>(() ->
                new ProvisionViewModel(workspace, provisioning, pendingCount, executor, dialogs));
        Once<ContainerClustersViewModel> clustersModel = new Once<>(() ->
                new ContainerClustersViewModel(new ContainerClusters(workspace), executor, dialogs));
        Once<VirtualServicesViewModel> virtualServicesModel = new Once<>(() ->
                new VirtualServicesViewModel(new VirtualServiceFlows(workspace), executor, dialogs));
        navigator.register(ObjectKind.VIRTUAL_SERVICE, VirtualServicesViewModel.FEATURE_ID, t -> virtualServicesModel.get().open(t));
        // "Propose rule" opens the Rulesets view's rule editor on the proposed rule, in draft.
        Once<TrafficViewModel> trafficModel = new Once<>(() -> {
            TrafficViewModel m = new TrafficViewModel(workspace, executor, dialogs, navigator,
                    trafficQueries, () -> connections.active().map(a ->
                            new QueryLibrary.Profile(a.profile().id(), a.profile().name())));
            connections.activeProperty().addListener((o, a, b) -> m.connectionChanged());
            m.openRuleEditorWith((ruleSet, rule) -> {
                shell[0].select(RuleSetsViewModel.FEATURE_ID);
                ruleSetsModel.get().proposeRule(ruleSet, rule);
            });
            return m;
        });
        List<Feature> features = List.of(
                new Feature("connections", "Connections", Material2AL.CLOUD_QUEUE),
                new Feature(LabelsViewModel.FEATURE_ID, "Labels", Material2AL.LABEL),
                new Feature(RuleSetsViewModel.FEATURE_ID, "Rulesets", Material2MZ.RULE),
                new Feature(RuleSearchViewModel.FEATURE_ID, "Rule search", Material2MZ.SEARCH),
                new Feature(PolicyCheckViewModel.FEATURE_ID, "Policy check", Material2AL.FACT_CHECK),
                new Feature(ProvisionViewModel.FEATURE_ID, "Provision", Material2MZ.PUBLISH, pendingCount.countProperty()),
                new Feature(VirtualServicesViewModel.FEATURE_ID, "Virtual services", Material2MZ.SETTINGS_ETHERNET),
                new Feature(ContainerClustersViewModel.FEATURE_ID, "Container clusters", Material2AL.DEVICE_HUB),
                new Feature(TrafficViewModel.FEATURE_ID, "Traffic", Material2MZ.TIMELINE));
        // Each view and its model are made on the feature's first visit.
        Map<String, Supplier<FeatureView>> views = Map.of(
                "connections", () -> new FeatureView(new ConnectionsView(connectionsModel.get()).root(), connectionsModel.get()),
                LabelsViewModel.FEATURE_ID, () -> new FeatureView(new LabelsView(labelsModel.get()).root(), labelsModel.get()),
                RuleSetsViewModel.FEATURE_ID, () -> new FeatureView(new RuleSetsView(ruleSetsModel.get()).root(), ruleSetsModel.get()),
                VirtualServicesViewModel.FEATURE_ID, () -> new FeatureView(new VirtualServicesView(virtualServicesModel.get()).root(),
                        virtualServicesModel.get()),
                RuleSearchViewModel.FEATURE_ID, () -> new FeatureView(new RuleSearchView(ruleSearchModel.get()).root(), ruleSearchModel.get()),
                PolicyCheckViewModel.FEATURE_ID, () -> new FeatureView(new PolicyCheckView(policyCheckModel.get()).root(), policyCheckModel.get()),
                ProvisionViewModel.FEATURE_ID, () -> new FeatureView(new ProvisionView(provisionModel.get()).root(), provisionModel.get()),
                ContainerClustersViewModel.FEATURE_ID, () -> new FeatureView(new ContainerClustersView(clustersModel.get()).root(),
                        clustersModel.get()),
                TrafficViewModel.FEATURE_ID, () -> new FeatureView(new TrafficView(trafficModel.get()).root(), trafficModel.get()));
        shell[0] = new ShellViewModel(features, connections, executor.registry(), settings, theme);
        shell[0].themeProperty().addListener((o, a, b) -> Themes.apply(b));
        navigator.showFeatureWith(shell[0]::select);

        // The window shows the shell first and the selected view right after that first frame.
        ShellView view = new ShellView(shell[0], f -> views.get(f.id()).get(), true);
        Scene scene = new Scene(view, 1280, 800);
        Themes.style(scene);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(shell[0].titleBinding());
        // JavaFX gives the window one icon: the image nearest 32 px on Windows, 128 px on Linux and
        // macOS (com.sun.javafx.tk.quantum.WindowStage#setIcons); decoding more is wasted start-up.
        for (int size : new int[]{32, 128}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    WorkbenchApp.class.getResourceAsStream("/dev/pceworkbench/icons/pce-workbench-" + size + ".png"))));
        }
        WindowBounds.restore(stage, settings);
        stage.setOnCloseRequest(e -> {
            // A profile being edited and not saved is not lost without asking.
            if (connectionsModel.made() && !connectionsModel.get().mayClose()) {
                e.consume();
                return;
            }
            WindowBounds.save(stage, settings);
        });
        stage.show();
        long shown = StartupClock.sinceProcessStart();
        view.whenFirstViewShown(() -> {
            LOG.info(String.format(
                    "Start-up: window shown after %d ms, the %s view ready after %d ms (since the process started)",
                    shown, java.util.Optional.ofNullable(shell[0].selectedProperty().get()).map(Feature::title).orElse("first"),
                    StartupClock.sinceProcessStart()));
            // Connect to the profile used last time, or on first start to the embedded demo PCE: once
            // the first view is up, so that the demo PCE's start does not compete with building it.
            // The profiles are read in a task; the connect follows when they are in.
            connectionsModel.get().connectLastUsed();
        });
    }

    /** A value made at its first use, on the FX thread (the composition root's lazy parts). */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }

        boolean made() {
            return value != null;
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (connections != null) {
            connections.close();
        }
        if (settings != null) {
            settings.close();
        }
    }
}
