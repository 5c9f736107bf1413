package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.ui.virtualservices.CreateAndProvision.StepState;
import dev.pceworkbench.workspace.BindTarget;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Quickstart's RabbitMQ example through the wizards' view models, end to end against the demo
 * PCE over HTTPS without the FX thread: a new service and virtual service created and provisioned
 * in one run, then two workloads bound with port overrides; a deliberately draft virtual service
 * that the PCE refuses with {@code invalid_uri} and the binding wizard recovers by provisioning it;
 * a bulk binding with one bad item (the others bound, the bad one kept with its error); and a
 * failed create step that keeps every field and, retried, creates nothing twice.
 */
class VirtualServiceWizardsTest {
    private static final CancellationToken NONE = CancellationToken.none();

    SearchDemo demo;
    SynchronousTaskExecutor executor;
    RecordingDialogService dialogs;
    VirtualServiceFlows flows;

    @BeforeEach
    void setUp() throws Exception {
        demo = new SearchDemo();
        executor = TaskFailures.synchronousExecutor();
        dialogs = new RecordingDialogService();
        flows = new VirtualServiceFlows(demo.workspace());
    }

    @AfterEach
    void tearDown() {
        demo.close();
    }

    private NewVirtualServiceWizard newWizard() {
        NewVirtualServiceWizard w = new NewVirtualServiceWizard(flows, executor, dialogs);
        w.open();
        dialogs.assertNoErrors();
        return w;
    }

    private BindWorkloadsWizard bindWizard(String vsHref) {
        BindWorkloadsWizard w = new BindWorkloadsWizard(flows, executor, dialogs);
        w.open(vsHref);
        dialogs.assertNoErrors();
        return w;
    }

    private static void fillRabbitMq(NewVirtualServiceWizard w) {
        assertEquals(NewVirtualServiceWizard.Page.DETAILS, w.pageProperty().get());
        assertTrue(w.detailsProblem().get().startsWith("Name:"), w.detailsProblem().get());
        assertFalse(w.canNext().get());
        w.nameProperty().set("VS-RabbitMQ");
        w.descriptionProperty().set("AMQP for the order queue");
        w.setLabel("app", w.labelsOf("app").get(0));
        w.setLabel("env", w.labelsOf("env").get(0));
        assertEquals("", w.detailsProblem().get());
        w.next();
        assertEquals(NewVirtualServiceWizard.Page.SERVICE, w.pageProperty().get());
        assertTrue(w.serviceProblem().get().startsWith("Service name:"), w.serviceProblem().get());
        w.serviceNameProperty().set("S-RabbitMQ");
        w.portsTextProperty().set("5672/tcp");
        assertTrue(w.serviceProblem().get().contains("exists already"), w.serviceProblem().get());
        w.serviceNameProperty().set("S-RabbitMQ-Orders");
        w.portsTextProperty().set("5672/tcp, 15672-15673/tcp, 5672/xyz");
        assertTrue(w.serviceProblem().get().startsWith("Ports: '5672/xyz'"), w.serviceProblem().get());
        w.portsTextProperty().set("5672/tcp, 15672-15673/tcp");
        w.addressesTextProperty().set("rabbitmq.corp.example:5672, 10.20.30.40:999999");
        assertTrue(w.serviceProblem().get().contains("10.20.30.40:999999"), w.serviceProblem().get());
        w.addressesTextProperty().set("rabbitmq.corp.example:5672");
        w.ipOverridesTextProperty().set("10.20.30.41");
        assertEquals("", w.serviceProblem().get());
    }

    @Test
    void theRabbitMqQuickstartThroughBothWizards() {
        NewVirtualServiceWizard w = newWizard();
        fillRabbitMq(w);
        w.next();
        assertEquals(NewVirtualServiceWizard.Page.REVIEW, w.pageProperty().get());
        assertTrue(w.review().get(0).startsWith("Create service S-RabbitMQ-Orders in the draft: 5672 TCP, 15672-15673 TCP"),
                w.review().toString());
        assertTrue(w.review().stream().anyMatch(l -> l.startsWith("Create virtual service VS-RabbitMQ in the draft")));
        assertTrue(w.review().stream().noneMatch(l -> l.contains("/orgs/")), "names, never hrefs: " + w.review());
        assertTrue(w.review().stream().anyMatch(l -> l.matches("Labels: app: .+, env: .+")), w.review().toString());
        w.back();
        w.back();
        assertEquals("VS-RabbitMQ", w.nameProperty().get(), "Back keeps everything");
        w.next();
        w.next();
        w.next();
        assertEquals(NewVirtualServiceWizard.Page.CREATE, w.pageProperty().get());
        w.run().start();
        dialogs.assertNoErrors();
        assertTrue(w.run().finishedProperty().get(), String.valueOf(w.run().failureProperty().get()));
        assertEquals(4, w.run().steps().size());
        assertTrue(w.run().steps().stream().allMatch(s -> s.stateProperty().get() == StepState.DONE), w.run().steps().toString());
        assertEquals(Map.of("service.create", 1, "virtual_service.create", 1, "provision", 1), w.run().writes());
        String active = w.activeVirtualServiceHref();
        assertTrue(active.contains("/sec_policy/active/virtual_services/"), active);
        VirtualService vs = demo.client.virtualServices().get(active);
        assertEquals(w.run().serviceHref().replace("/draft/", "/active/"), vs.service().href(),
                "the service was provisioned with it");
        assertEquals(List.of("10.20.30.41"), vs.ipOverrides());
        w.next();
        assertEquals(NewVirtualServiceWizard.Page.DONE, w.pageProperty().get());

        // Hand over to the binding wizard for the now active virtual service.
        BindWorkloadsWizard b = bindWizard(w.activeVirtualServiceHref());
        assertTrue(b.choice().orElseThrow().active());
        assertEquals(2, b.ports().size(), b.ports().toString());
        b.next();
        assertEquals(BindWorkloadsWizard.Page.TARGETS, b.pageProperty().get());
        assertFalse(b.canNext().get());
        int everything = b.found().size();
        List<BindTarget> two = b.found().stream().filter(t -> !t.container()).limit(2).toList();
        b.searchProperty().set(two.get(0).hostname());
        assertTrue(b.found().contains(two.get(0)), "found by hostname");
        Label first = demo.client.labels().get(two.get(0).labels().get(0).href());
        b.searchProperty().set(first.key() + ": " + first.value());
        assertTrue(b.found().contains(two.get(0)) && b.found().size() < everything, "found by label");
        b.searchProperty().set("");
        b.select(two);
        b.next();
        assertEquals(BindWorkloadsWizard.Page.OVERRIDES, b.pageProperty().get());
        b.selected().get(0).overridesProperty().set("5672 -> 5673");
        b.selected().get(1).overridesProperty().set("9999/tcp -> 5700");
        assertTrue(b.problem().get().contains("port 9999 is not served"), b.problem().get());
        b.selected().get(1).overridesProperty().set("5672/udp -> 5700");
        assertTrue(b.problem().get().contains("not UDP"), b.problem().get());
        b.selected().get(1).overridesProperty().set("15672/tcp -> 25700-25690");
        assertTrue(b.problem().get().contains("ends below its start"), b.problem().get());
        b.selected().get(1).overridesProperty().set("15672/tcp -> 25700-25701");
        assertEquals("", b.problem().get());
        b.next();
        assertEquals(List.of("Bind workload " + two.get(0).name() + ", 5672 TCP → 5673",
                "Bind workload " + two.get(1).name() + ", 15672 TCP → 25700-25701"), b.reviewLines());
        b.bind();
        dialogs.assertNoErrors();
        assertEquals(BindWorkloadsWizard.Page.RESULTS, b.pageProperty().get());
        assertEquals("2 bound.", b.outcomeProperty().get());
        assertTrue(b.selected().isEmpty());

        List<ServiceBinding> bound = flows.bindingsOf(active, NONE);
        assertEquals(2, bound.size());
        ServiceBinding second = bound.stream().filter(x -> x.workload().href().equals(two.get(1).href())).findFirst().orElseThrow();
        assertEquals(25701, second.portOverrides().get(0).newToPort());
        assertEquals(vs.service().href(), second.boundService().href());
    }

    @Test
    void aDraftVirtualServiceIsRefusedThenProvisionedFromTheBindingWizard() {
        VirtualService draft = demo.client.virtualServices().create(new VirtualService(null, "VS-RabbitMQ-draft", "",
                List.of(ServicePort.of(5672, 6)), null, List.of(), List.of(), List.of(), "host_only", null, null));
        String wl = demo.client.workloads().list(Map.of("max_results", 1)).get(0).href();
        String activeForm = draft.href().replace("/draft/", "/active/");
        PceApiException refused = assertThrows(PceApiException.class,
                () -> flows.bind(List.of(ServiceBinding.of(activeForm, wl, List.of())), NONE));
        assertEquals(406, refused.status());
        assertEquals("invalid_uri", refused.token());
        assertTrue(refused.getMessage().contains(activeForm), refused.getMessage());

        BindWorkloadsWizard b = bindWizard(draft.href());
        assertFalse(b.choice().orElseThrow().active());
        assertTrue(b.problem().get().contains("must be provisioned before workloads can be bound"), b.problem().get());
        assertFalse(b.canNext().get());
        assertTrue(b.canProvision().get());
        b.provisionChosen();
        dialogs.assertNoErrors();
        assertTrue(b.choice().orElseThrow().active(), "provisioned and still picked");
        assertEquals("", b.problem().get());
        b.next();
        b.select(b.found().stream().filter(t -> t.href().equals(wl)).toList());
        b.next();
        b.selected().get(0).overridesProperty().set("5672 -> 5680-5681");
        b.next();
        b.bind();
        assertEquals("1 bound.", b.outcomeProperty().get());
        assertEquals(5681, flows.bindingsOf(draft.href(), NONE).get(0).portOverrides().get(0).newToPort());
    }

    @Test
    void aBulkBindingWithOneBadItemBindsTheOthersAndKeepsTheBadOneWithItsError() {
        VirtualService vs = demo.client.virtualServices().create(new VirtualService(null, "VS-bulk", "",
                List.of(ServicePort.of(5672, 6)), null, List.of(), List.of(), List.of(), "host_only", null, null));
        demo.client.provisioning().provision("VS-bulk", dev.pceworkbench.pce.api.ChangeSubset.of(vs.href()), NONE);
        Workload doomed = demo.client.workloads().create(Workload.unmanaged("doomed.corp.example", List.of(), List.of()));
        var cw = dev.pceworkbench.pce.json.PceJson.mapper().createObjectNode().put("href", "/orgs/1/container_workloads/cw-rabbit")
                .put("name", "rabbitmq-0");
        demo.pce.state().write(() -> {
            demo.pce.state().collection("container_workloads").put(cw);
            return null;
        });
        BindWorkloadsWizard b = bindWizard(vs.href());
        b.next();
        List<BindTarget> picked = new java.util.ArrayList<>(b.found().stream().filter(t -> !t.container()
                && !t.href().equals(doomed.href())).limit(1).toList());
        picked.add(b.found().stream().filter(t -> t.href().equals(doomed.href())).findFirst().orElseThrow());
        b.searchProperty().set("rabbitmq");
        assertEquals(1, b.found().size(), "found by name: " + b.found());
        assertTrue(b.found().get(0).container());
        picked.add(b.found().get(0));
        b.select(picked);
        b.next();
        b.next();
        demo.client.workloads().delete(doomed.href()); // gone before the bulk call
        b.bind();
        dialogs.assertNoErrors();
        assertTrue(b.outcomeProperty().get().startsWith("2 bound, 1 failed"), b.outcomeProperty().get());
        assertEquals(1, b.selected().size(), "the failed item stays selected");
        assertEquals(doomed.href(), b.selected().get(0).target().href());
        assertTrue(b.selected().get(0).errorProperty().get().contains("does not exist"), b.selected().get(0).errorProperty().get());
        assertEquals(2, b.bound().size());
        assertEquals(2, flows.bindingsOf(vs.href(), NONE).size());
        assertTrue(flows.bindingsOf(vs.href(), NONE).stream().anyMatch(x -> x.containerWorkload() != null
                && x.containerWorkload().href().equals("/orgs/1/container_workloads/cw-rabbit")), "the container workload is bound");
        b.retry();
        assertEquals(BindWorkloadsWizard.Page.OVERRIDES, b.pageProperty().get());
    }

    @Test
    void aFailedStepKeepsEveryFieldAndTheRetryCreatesNothingTwice() {
        Label doomed = demo.client.labels().create(Label.of("app", "RabbitMQ-doomed"));
        NewVirtualServiceWizard w = newWizard();
        fillRabbitMq(w);
        w.setLabel("app", w.labelsOf("app").stream().filter(l -> l.href().equals(doomed.href())).findFirst().orElseThrow());
        w.next();
        w.next();
        demo.client.labels().delete(doomed.href()); // someone deletes the label meanwhile
        w.run().start();
        assertFalse(w.run().finishedProperty().get());
        assertEquals(StepState.DONE, w.run().steps().get(0).stateProperty().get(), "the service was created");
        assertEquals(StepState.FAILED, w.run().steps().get(1).stateProperty().get());
        String failure = w.run().failureProperty().get();
        assertTrue(failure.contains(doomed.href()) && failure.contains("does not exist"), "the PCE's message: " + failure);
        assertTrue(w.pageProblem().get().contains("failed"), w.pageProblem().get());
        assertEquals("VS-RabbitMQ", w.nameProperty().get());
        assertEquals("5672/tcp, 15672-15673/tcp", w.portsTextProperty().get());

        w.back();
        w.back();
        w.back();
        assertEquals(NewVirtualServiceWizard.Page.DETAILS, w.pageProperty().get());
        w.setLabel("app", null);
        w.next();
        w.next();
        w.next();
        w.run().start();
        assertTrue(w.run().finishedProperty().get(), String.valueOf(w.run().failureProperty().get()));
        assertNull(w.run().failureProperty().get());
        assertEquals(Map.of("service.create", 1, "virtual_service.create", 1, "provision", 1), w.run().writes(),
                "the retry ran only the failed step and those after it");
        assertEquals(1, demo.client.services().list(Map.of("name", "S-RabbitMQ-Orders")).size());
        assertEquals(1, demo.client.virtualServices().list(Map.of("name", "VS-RabbitMQ")).stream().filter(v -> v.name().equals("VS-RabbitMQ")).toList().size());
        assertNotNull(w.activeVirtualServiceHref());
        assertTrue(demo.client.virtualServices().get(w.activeVirtualServiceHref()).labels().stream()
                .map(Href::href).noneMatch(doomed.href()::equals));
    }

    @Test
    void cancelStopsTheRunningStepAndTheRetryFinishesWithoutDuplicates() {
        NewVirtualServiceWizard w = newWizard();
        fillRabbitMq(w);
        w.next();
        w.next();
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        w.run().steps().addListener((javafx.collections.ListChangeListener<CreateAndProvision.Step>) c -> {
            while (c.next()) {
                for (CreateAndProvision.Step s : c.getAddedSubList()) {
                    s.stateProperty().addListener((o, a, st) -> {
                        if (st == StepState.RUNNING && s == w.run().steps().get(1) && once.compareAndSet(false, true)) {
                            assertFalse(w.cancel(), "a running step is cancelled, the wizard stays open");
                        }
                    });
                }
            }
        });
        w.run().start();
        assertFalse(w.run().finishedProperty().get());
        assertFalse(w.run().runningProperty().get());
        assertTrue(w.run().failureProperty().get().startsWith("Cancelled during 'Create the virtual service"),
                w.run().failureProperty().get());
        assertEquals(Map.of("service.create", 1), w.run().writes(), "the virtual service was never sent");
        w.run().start();
        assertTrue(w.run().finishedProperty().get(), String.valueOf(w.run().failureProperty().get()));
        assertEquals(Map.of("service.create", 1, "virtual_service.create", 1, "provision", 1), w.run().writes());
        assertTrue(w.cancel(), "nothing runs: Cancel closes");
    }

    @Test
    void aPickedServiceStillInTheDraftIsProvisionedWithTheVirtualService() {
        var draftService = demo.client.services().create(new dev.pceworkbench.pce.model.Service(null, "S-AMQP-draft", "",
                null, null, List.of(ServicePort.of(5672, 6)), null, null));
        NewVirtualServiceWizard w = newWizard();
        w.nameProperty().set("VS-on-a-draft-service");
        w.next();
        w.newServiceProperty().set(false);
        assertTrue(w.serviceProblem().get().startsWith("Service: pick"), w.serviceProblem().get());
        w.existingServiceProperty().set(w.services().stream().filter(s -> s.href().equals(draftService.href())).findFirst().orElseThrow());
        w.next();
        dialogs.assertNoErrors();
        assertEquals(List.of("Service S-AMQP-draft (create pending in the draft)"), w.provisionedWith());
        w.next();
        w.run().start();
        assertTrue(w.run().finishedProperty().get(), String.valueOf(w.run().failureProperty().get()));
        assertEquals(3, w.run().steps().size(), "no service step: the service exists");
        assertTrue(w.run().steps().get(1).detailProperty().get().startsWith("Also provisions 1 service"),
                w.run().steps().get(1).detailProperty().get());
        assertEquals("S-AMQP-draft", demo.client.services().get(draftService.href().replace("/draft/", "/active/")).name(),
                "the dependency check provisioned the service with the virtual service");
    }
}
