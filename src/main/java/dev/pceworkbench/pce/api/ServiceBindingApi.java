package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.ServiceBinding;

import java.util.List;

/**
 * Binding workloads and container workloads to a virtual service in one {@code POST
 * service_bindings}: the PCE answers per item, so some bindings can be created while others fail.
 * The virtual service must be referred to by its <em>active</em> href; a draft or never
 * provisioned one makes the PCE refuse the whole request with 406 {@code invalid_uri}, thrown as a
 * {@link dev.pceworkbench.pce.PceApiException}. Bindings take effect at once (no provisioning).
 */
public final class ServiceBindingApi {
    private final PceTransport transport;
    private final String orgPrefix;

    public ServiceBindingApi(PceTransport transport, String orgPrefix) {
        this.transport = transport;
        this.orgPrefix = orgPrefix;
    }

    /** Creates {@code bindings} in one request; one result per binding, in order. */
    public List<BulkItemResult> bind(List<ServiceBinding> bindings, CancellationToken token) {
        ArrayNode array = PceJson.mapper().createArrayNode();
        for (ServiceBinding b : bindings) {
            array.add(ObjectApi.bodyTree(b));
        }
        var answer = transport.send(PceRequest.of("POST", orgPrefix + "/service_bindings")
                .withBody(ObjectApi.jsonBytes(array)), token).json();
        return BulkItemResult.fromJson(answer, bindings.size());
    }

    /** Unbinds: deletes the binding {@code href}. */
    public void unbind(String href, CancellationToken token) {
        transport.send(PceRequest.of("DELETE", Refs.href(href)), token);
    }
}
