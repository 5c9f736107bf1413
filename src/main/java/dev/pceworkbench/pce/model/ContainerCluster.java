package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A container cluster (Kubernetes/OpenShift with Kubelink), {@code /orgs/1/container_clusters/<uuid>}:
 * connection state, versions, {@code nodes} and {@code errors}. {@code container_cluster_token}
 * is only present in the create (POST) response and cannot be retrieved later.
 */
@PceRecord
public record ContainerCluster(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("pce_fqdn") String pceFqdn,
        @JsonProperty("manager_type") String managerType,
        @JsonProperty("last_connected") String lastConnected,
        @JsonProperty("kubelink_version") String kubelinkVersion,
        @JsonProperty("online") Boolean online,
        @JsonProperty("nodes") List<Node> nodes,
        @JsonProperty("container_runtime") String containerRuntime,
        @JsonProperty("errors") List<JsonNode> errors,
        @JsonProperty("container_cluster_token") String containerClusterToken,
        @Extra Map<String, JsonNode> extra) implements PceResource<ContainerCluster> {

    public ContainerCluster {
        nodes = Extras.list(nodes);
        errors = Extras.list(errors);
        extra = Extras.copy(extra);
    }

    /** A new cluster, as the body of a create. */
    public static ContainerCluster of(String name, String description) {
        return new ContainerCluster(null, name, description, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** A node of the cluster and its pod subnet. */
    @PceRecord
    public record Node(
            @JsonProperty("name") String name,
            @JsonProperty("pod_subnet") String podSubnet,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Node> {

        public Node {
            extra = Extras.copy(extra);
        }

        @Override
        public Node withExtra(Map<String, JsonNode> extra) {
            return new Node(name, podSubnet, extra);
        }
    }

    public ContainerCluster withName(String name) {
        return new ContainerCluster(href, name, description, pceFqdn, managerType, lastConnected, kubelinkVersion,
                online, nodes, containerRuntime, errors, containerClusterToken, extra);
    }

    public ContainerCluster withDescription(String description) {
        return new ContainerCluster(href, name, description, pceFqdn, managerType, lastConnected, kubelinkVersion,
                online, nodes, containerRuntime, errors, containerClusterToken, extra);
    }

    /** The same cluster without its {@code container_cluster_token}. */
    public ContainerCluster withoutToken() {
        return new ContainerCluster(href, name, description, pceFqdn, managerType, lastConnected, kubelinkVersion,
                online, nodes, containerRuntime, errors, null, extra);
    }

    /** Like the record's own, but never with the token in it (records end up in logs and messages). */
    @Override
    public String toString() {
        return "ContainerCluster[href=" + href + ", name=" + name + ", online=" + online
                + (containerClusterToken == null ? "" : ", container_cluster_token=(hidden)") + "]";
    }

    @Override
    public ContainerCluster withExtra(Map<String, JsonNode> extra) {
        return new ContainerCluster(href, name, description, pceFqdn, managerType, lastConnected, kubelinkVersion,
                online, nodes, containerRuntime, errors, containerClusterToken, extra);
    }
}
