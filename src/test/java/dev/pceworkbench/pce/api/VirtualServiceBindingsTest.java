package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceAddress;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServiceBinding.PortOverride;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual services and service bindings against the demo PCE over verified HTTPS, as the PCE's
 * contract has them: non-unique names, the virtual service filters, bulk create and update
 * answered per item, bindings refused with 406 {@code invalid_uri} for a draft virtual service,
 * per-item binding results, {@code new_to_port}, container workload bindings and the read-only
 * {@code bound_service}.
 */
class VirtualServiceBindingsTest {
    private static final CancellationToken NONE = CancellationToken.none();
    private static final int TCP = 6;

    DemoPce pce;
    PceClient client;
    ServiceBindingApi bindings;

    @BeforeEach
    void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        bindings = new ServiceBindingApi(client.transport(), client.settings().orgPrefix());
    }

    @AfterEach
    void stop() {
        pce.close();
    }

    private static VirtualService vs(String name, Href service, List<ServicePort> ports, List<ServiceAddress> addresses) {
        return new VirtualService(null, name, "", ports, service, addresses, List.of(), List.of(), "host_only", null, null);
    }

    private List<String> workloads(int n) {
        return client.workloads().list(Map.of("max_results", n)).stream().map(w -> w.href()).toList();
    }

    private String provisioned(VirtualService v, Object... more) {
        VirtualService created = client.virtualServices().create(v);
        List<Object> subset = new java.util.ArrayList<>(List.of(more));
        subset.add(created.href());
        client.provisioning().provision("test", ChangeSubset.of(subset), NONE);
        return created.href().replace("/draft/", "/active/");
    }

    @Test
    void bindingADraftVirtualServiceIsRefusedWithInvalidUriNamingTheHref() {
        VirtualService draft = client.virtualServices().create(vs("VS-draft", null, List.of(ServicePort.of(5672, TCP)), List.of()));
        String wl = workloads(1).get(0);
        for (String href : List.of(draft.href(), draft.href().replace("/draft/", "/active/"))) {
            PceApiException e = assertThrows(PceApiException.class,
                    () -> bindings.bind(List.of(ServiceBinding.of(href, wl, List.of())), NONE));
            assertEquals(406, e.status());
            assertEquals("invalid_uri", e.token());
            assertTrue(e.getMessage().contains(href), e.getMessage());
        }
        assertTrue(client.serviceBindings().list(Map.of("workload", wl)).stream()
                .noneMatch(b -> b.virtualService().href().contains(draft.href().substring(draft.href().lastIndexOf('/')))));
    }

    @Test
    void bindingsAnswerPerItemHonourNewToPortAndShowTheBoundService() {
        Service amqp = client.services().create(new Service(null, "S-AMQP-test", "", null, null,
                List.of(ServicePort.of(5672, TCP), ServicePort.range(15672, 15673, TCP)), null, null));
        String active = provisioned(vs("VS-RabbitMQ", Href.of(amqp.href()), List.of(), List.of()), amqp.href());
        List<String> wls = workloads(2);
        List<BulkItemResult> results = bindings.bind(List.of(
                ServiceBinding.of(active, wls.get(0), List.of(PortOverride.range(5672, TCP, 5700, 5710))),
                ServiceBinding.of(active, "/orgs/1/workloads/does-not-exist", List.of()),
                ServiceBinding.of(active, wls.get(1), List.of(PortOverride.of(9999, TCP, 5700))),
                ServiceBinding.of(active, wls.get(1), List.of(PortOverride.of(15673, TCP, 25673)))), NONE);
        assertEquals(4, results.size());
        assertTrue(results.get(0).ok(), results.get(0).message());
        assertFalse(results.get(1).ok());
        assertTrue(results.get(1).message().contains("does-not-exist"), results.get(1).message());
        assertFalse(results.get(2).ok());
        assertTrue(results.get(2).message().contains("9999"), results.get(2).message());
        assertTrue(results.get(3).ok(), results.get(3).message());

        List<ServiceBinding> bound = client.serviceBindings().list(Map.of("virtual_service", active));
        assertEquals(2, bound.size());
        ServiceBinding first = client.serviceBindings().get(results.get(0).href());
        assertEquals(5710, first.portOverrides().get(0).newToPort());
        assertEquals(amqp.href().replace("/draft/", "/active/"), first.boundService().href());

        bindings.unbind(results.get(0).href(), NONE);
        assertEquals(1, client.serviceBindings().list(Map.of("virtual_service", active)).size());
    }

    @Test
    void aBadPortOverrideIsReportedForItsItem() {
        String active = provisioned(vs("VS-ports", null, List.of(ServicePort.of(8080, TCP)), List.of()));
        String wl = workloads(1).get(0);
        List<BulkItemResult> r = bindings.bind(List.of(
                ServiceBinding.of(active, wl, List.of(new PortOverride(8080, TCP, null, null, null))),
                ServiceBinding.of(active, wl, List.of(PortOverride.range(8080, TCP, 9000, 8999))),
                ServiceBinding.of(active, wl, List.of(PortOverride.of(8080, 17, 9000)))), NONE);
        assertTrue(r.get(0).message().contains("new_port"), r.get(0).message());
        assertTrue(r.get(1).message().contains("new_to_port"), r.get(1).message());
        assertTrue(r.get(2).message().contains("not a port of the virtual service"), r.get(2).message());
        assertTrue(r.stream().noneMatch(BulkItemResult::ok));
    }

    @Test
    void containerWorkloadsCanBeBound() {
        ObjectNode cw = PceJson.mapper().createObjectNode().put("href", "/orgs/1/container_workloads/cw-1")
                .put("name", "rabbitmq-0").put("namespace", "queues");
        pce.state().write(() -> {
            pce.state().collection("container_workloads").put(cw);
            return null;
        });
        String active = provisioned(vs("VS-k8s", null, List.of(ServicePort.of(5672, TCP)), List.of()));
        List<BulkItemResult> r = bindings.bind(List.of(
                ServiceBinding.ofContainerWorkload(active, "/orgs/1/container_workloads/cw-1", List.of())), NONE);
        assertTrue(r.get(0).ok(), r.get(0).message());
        ServiceBinding b = client.serviceBindings().get(r.get(0).href());
        assertEquals("/orgs/1/container_workloads/cw-1", b.containerWorkload().href());
        assertNull(b.workload());
        assertNull(b.boundService(), "a virtual service with its own ports binds no service");
        assertEquals(1, client.raw().get("/container_workloads", true, Map.of("name", "rabbit"), NONE).json().size());
    }

    @Test
    void namesNeedNotBeUniqueAndTheFiltersWork() {
        Service svc = client.services().create(new Service(null, "S-filter", "", null, null,
                List.of(ServicePort.of(4369, TCP)), null, null));
        VirtualService a = client.virtualServices().create(vs("VS-same", null, List.of(ServicePort.range(5671, 5672, TCP)),
                List.of(new ServiceAddress(null, null, "mq.filter.example", null, "", null))));
        VirtualService b = client.virtualServices().create(vs("VS-same", Href.of(svc.href()), List.of(),
                List.of(new ServiceAddress("10.77.0.9", 5672, null, null, null, null))));
        assertEquals(2, client.virtualServices().list(Map.of("name", "VS-same")).size());
        assertEquals(List.of(a.href()), hrefs(Map.of("service_ports.port", 5672)));
        assertEquals(List.of(b.href()), hrefs(Map.of("service_ports.port", 4369, "name", "VS-same")));
        assertTrue(hrefs(Map.of("service_ports.proto", 17, "name", "VS-same")).isEmpty());
        assertEquals(List.of(a.href()), hrefs(Map.of("service_address.fqdn", "mq.filter")));
        assertEquals(List.of(b.href()), hrefs(Map.of("service_address.ip", "10.77.0.9")));
        assertEquals(List.of(b.href()), hrefs(Map.of("service", svc.href())));
        assertEquals(2, hrefs(Map.of("name", "VS-same", "usage", true)).size());
        PceApiException bad = assertThrows(PceApiException.class, () -> hrefs(Map.of("service_ports.port", "x")));
        assertEquals(406, bad.status());
    }

    private List<String> hrefs(Map<String, ?> query) {
        return client.virtualServices().list(query).stream().map(VirtualService::href).toList();
    }

    @Test
    void bulkCreateAndUpdateAnswerPerItem() {
        VirtualServiceBulkApi bulk = new VirtualServiceBulkApi(client.transport(), client.settings().orgPrefix());
        List<BulkItemResult> created = bulk.bulkCreate(List.of(
                vs("VS-bulk-1", null, List.of(ServicePort.of(1111, TCP)), List.of()),
                vs("VS-bulk-2", null, List.of(), List.of()),
                vs("VS-bulk-3", null, List.of(ServicePort.of(3333, TCP)),
                        List.of(new ServiceAddress("not-an-ip", null, null, null, null, null)))), NONE);
        assertTrue(created.get(0).ok());
        assertTrue(created.get(1).message().contains("service_ports"), created.get(1).message());
        assertTrue(created.get(2).message().contains("not-an-ip"), created.get(2).message());
        assertEquals(1, client.virtualServices().list(Map.of("name", "VS-bulk")).size());

        List<BulkItemResult> updated = bulk.bulkUpdate(List.of(
                Map.of("href", created.get(0).href(), "description", "changed in bulk"),
                Map.of("href", created.get(0).href(), "apply_to", "everywhere")), NONE);
        assertTrue(updated.get(0).ok(), updated.get(0).message());
        assertFalse(updated.get(1).ok());
        assertEquals(created.get(0).href(), updated.get(1).href());
        assertEquals("changed in bulk", client.virtualServices().get(created.get(0).href()).description());
    }
}
