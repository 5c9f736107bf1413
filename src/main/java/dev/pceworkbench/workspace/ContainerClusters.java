package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.api.ContainerClustersApi;
import dev.pceworkbench.pce.model.ContainerCluster;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;

import java.util.List;
import java.util.Objects;

/**
 * Container clusters and their container workload profiles on the active connection, for the
 * Container clusters view. Unlike the policy collections they are not cached: the list shows each
 * cluster's live state (online, last connected), so every call asks the PCE. The labels and
 * dimensions the profile editor offers come from the {@link PolicyWorkspace}'s shared cache.
 * Blocking: call from a background task with its token.
 */
public final class ContainerClusters {
    private final PolicyWorkspace workspace;

    public ContainerClusters(PolicyWorkspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
    }

    private ContainerClustersApi api() {
        return new ContainerClustersApi(workspace.client());
    }

    public List<ContainerCluster> clusters(CancellationToken token, Progress.Listener progress) {
        return api().list(token, progress);
    }

    /** Creates a cluster; the token in the answer is the caller's to show once and wipe. */
    public ContainerClustersApi.Created create(String name, String description, CancellationToken token) {
        return api().create(name, description, token);
    }

    public void delete(String clusterHref, CancellationToken token) {
        api().delete(clusterHref, token);
    }

    public List<ContainerWorkloadProfile> profiles(String clusterHref, CancellationToken token) {
        return api().profiles(clusterHref, token, Progress.Listener.NONE);
    }

    public ContainerWorkloadProfile createProfile(String clusterHref, ContainerWorkloadProfile profile,
                                                  CancellationToken token) {
        return api().createProfile(clusterHref, profile, token);
    }

    public void updateProfile(ContainerWorkloadProfile profile, CancellationToken token) {
        api().updateProfile(profile, token);
    }

    public void deleteProfile(String profileHref, CancellationToken token) {
        api().deleteProfile(profileHref, token);
    }

    /** The org's labels (shared with the other views). */
    public List<Label> labels(CancellationToken token) {
        return workspace.labels(token, Progress.Listener.NONE);
    }

    /** The org's label dimensions (shared with the other views). */
    public List<LabelDimension> labelDimensions(CancellationToken token) {
        return workspace.labelDimensions(token, Progress.Listener.NONE);
    }

    /** The workspace, to follow connection changes. */
    public PolicyWorkspace workspace() {
        return workspace;
    }
}
