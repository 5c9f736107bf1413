package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.ServiceAddress;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Virtual services list's view model against the demo PCE over HTTPS, without the FX thread:
 * the rows (state, pending badge, label names, service or ports, bindings count), each filter sent
 * as the PCE's query parameter, the details' bindings, where a virtual service is used (by name,
 * and by labels where the rule resolves labels as virtual services), and unbinding.
 */
class VirtualServicesViewModelTest {
    private static final CancellationToken NONE = CancellationToken.none();

    SearchDemo demo;
    SynchronousTaskExecutor executor;
    RecordingDialogService dialogs;
    VirtualServiceFlows flows;
    VirtualServicesViewModel model;
    Label app;
    VirtualService vs;

    @BeforeEach
    void setUp() throws Exception {
        demo = new SearchDemo();
        executor = TaskFailures.synchronousExecutor();
        dialogs = new RecordingDialogService();
        flows = new VirtualServiceFlows(demo.workspace());
        app = demo.client.labels().create(Label.of("app", "Queues-test"));
        vs = demo.client.virtualServices().create(new VirtualService(null, "VS-Queues", "", List.of(ServicePort.of(5672, 6)),
                null, List.of(new ServiceAddress(null, null, "queues.filter.example", null, "", null)),
                List.of(Href.of(app.href())), List.of(), "host_only", null, null));
        model = new VirtualServicesViewModel(flows, executor, dialogs);
        model.onShown();
        dialogs.assertNoErrors();
    }

    @AfterEach
    void tearDown() {
        demo.close();
    }

    private VirtualServicesViewModel.Row row(String name) {
        return model.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed: " + model.rows()));
    }

    @Test
    void rowsShowStateLabelsServiceAndBindings() {
        VirtualServicesViewModel.Row r = row("VS-Queues");
        assertEquals("Draft", r.state());
        assertTrue(r.pending(), "a new draft object is a pending change");
        assertEquals("Queues-test", r.labels().get(0).text());
        assertEquals("5672 TCP", r.service());
        assertEquals(0, r.bindings());
        assertTrue(model.rows().stream().anyMatch(x -> x.active() && x.bindings() > 0), "the demo's bound virtual services");
        assertTrue(model.rows().stream().noneMatch(x -> x.service().contains("/orgs/")));
    }

    @Test
    void everyFilterIsThePcesQueryParameter() {
        int all = model.rows().size();
        model.fqdnFilterProperty().set("queues.filter");
        model.search();
        assertEquals(List.of("VS-Queues"), model.rows().stream().map(VirtualServicesViewModel.Row::name).toList());
        model.fqdnFilterProperty().set("");
        model.labelFilterProperty().set(app);
        model.portFilterProperty().set("5672");
        model.protoFilterProperty().set("udp");
        assertEquals(Map.of("labels", "[[\"" + app.href() + "\"]]", "service_ports.port", "5672", "service_ports.proto", "17"),
                model.query());
        model.search();
        assertTrue(model.rows().isEmpty(), "no UDP 5672 with that label");
        model.protoFilterProperty().set("tcp");
        model.search();
        assertEquals(1, model.rows().size());
        model.labelFilterProperty().set(null);
        model.portFilterProperty().set("");
        model.protoFilterProperty().set("");
        model.versionProperty().set("active");
        model.search();
        assertTrue(model.rows().size() < all + 1 && model.rows().stream().allMatch(VirtualServicesViewModel.Row::active));
        assertTrue(model.rows().stream().noneMatch(r -> r.name().equals("VS-Queues")), "never provisioned");
        dialogs.assertNoErrors();
    }

    @Test
    void detailsShowBindingsAndWhereUsedAndUnbindAsks() {
        SecRule direct = SecRule.of(List.of(Actor.virtualService(vs.href())), List.of(Actor.allWorkloads()), List.of());
        SecRule byLabel = SecRule.of(List.of(Actor.label(app.href())), List.of(Actor.allWorkloads()), List.of())
                .withResolveLabelsAs(new ResolveLabelsAs(List.of(ResolveLabelsAs.VIRTUAL_SERVICES), List.of(ResolveLabelsAs.WORKLOADS), null));
        SecRule workloadsOnly = SecRule.of(List.of(Actor.label(app.href())), List.of(Actor.allWorkloads()),
                List.of(IngressService.port(5672, 6)));
        demo.client.ruleSets().create(RuleSet.of("RS-Queues", List.of(List.of())).withRules(List.of(direct, byLabel, workloadsOnly)));
        demo.client.provisioning().provision("VS-Queues", ChangeSubset.of(vs.href()), NONE);
        String wl = demo.client.workloads().list(Map.of("max_results", 1)).get(0).href();
        flows.bind(List.of(ServiceBinding.of(vs.href().replace("/draft/", "/active/"), wl,
                List.of(ServiceBinding.PortOverride.of(5672, 6, 5673)))), NONE);
        model.reload();
        VirtualServicesViewModel.Row r = row("VS-Queues");
        assertEquals(1, r.bindings());
        model.selectedProperty().set(r);
        assertEquals(1, model.bindings().size());
        assertTrue(model.bindings().get(0).endsWith("(5672 TCP → 5673)"), model.bindings().get(0));
        assertFalse(model.bindings().get(0).contains("/orgs/"), model.bindings().get(0));
        assertEquals(List.of("RS-Queues, rule 1: provider", "RS-Queues, rule 2: provider (by labels)"), model.whereUsed());

        dialogs.answerConfirm(false);
        model.unbind(0);
        assertEquals(1, flows.bindingsOf(vs.href(), NONE).size(), "declined: nothing unbound");
        dialogs.answerConfirm(true);
        model.unbind(0);
        assertTrue(flows.bindingsOf(vs.href(), NONE).isEmpty());
        assertEquals(0, row("VS-Queues").bindings());
        dialogs.assertNoErrors();
    }

    @Test
    void beforeTheConnectionItWaitsWithoutAnErrorAndLoadsWhenConnected() {
        java.util.concurrent.atomic.AtomicReference<dev.pceworkbench.pce.PceClient> active = new java.util.concurrent.atomic.AtomicReference<>();
        var workspace = new dev.pceworkbench.workspace.PolicyWorkspace(() -> java.util.Optional.ofNullable(active.get()));
        RecordingDialogService quiet = new RecordingDialogService();
        VirtualServicesViewModel opened = new VirtualServicesViewModel(new VirtualServiceFlows(workspace), executor, quiet);
        VirtualServicesViewModel neverOpened = new VirtualServicesViewModel(new VirtualServiceFlows(workspace), executor, quiet);
        opened.onShown();
        assertEquals(List.of(), quiet.errors());
        assertTrue(opened.statusProperty().get().startsWith("Not connected to a PCE"), opened.statusProperty().get());

        active.set(demo.client);
        workspace.refreshAll();

        assertEquals(List.of(), quiet.errors());
        assertTrue(opened.rows().stream().anyMatch(r -> r.name().equals("VS-Queues")));
        assertTrue(neverOpened.rows().isEmpty(), "a view never shown does not download anything");
    }

    @Test
    void anotherViewOpensAVirtualServiceHere() {
        model.fqdnFilterProperty().set("nothing.matches.this");
        model.search();
        assertTrue(model.rows().isEmpty());
        model.open(dev.pceworkbench.ui.common.Navigator.Target.fromHref(vs.href()));
        assertEquals("", model.fqdnFilterProperty().get(), "the filters are cleared");
        assertEquals("VS-Queues", model.selectedProperty().get().name());
        model.open(dev.pceworkbench.ui.common.Navigator.Target.fromHref("/orgs/1/sec_policy/draft/virtual_services/gone"));
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).message().contains("not in the draft policy"), dialogs.errors().get(0).message());
    }
}
