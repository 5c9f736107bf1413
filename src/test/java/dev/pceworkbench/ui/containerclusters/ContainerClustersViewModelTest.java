package dev.pceworkbench.ui.containerclusters;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.ContainerCluster;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.workspace.ContainerClusters;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Container clusters view model without an FX thread, against its own demo PCE over HTTPS:
 * the list with Kubelink status, creating a cluster whose token is offered once and then held
 * nowhere in the model, profile create / edit (assignment and restriction, enforcement mode) /
 * delete with confirmations, the PCE's refusal keeping the form, and caps turning actions off.
 */
class ContainerClustersViewModelTest {
    static DemoPce pce;
    static PceClient client;

    SynchronousTaskExecutor executor;
    RecordingDialogService dialogs;
    ContainerClustersViewModel model;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @BeforeEach
    void setUp() {
        executor = TaskFailures.synchronousExecutor();
        dialogs = new RecordingDialogService();
        model = new ContainerClustersViewModel(new ContainerClusters(new PolicyWorkspace(() -> Optional.of(client))),
                executor, dialogs);
        model.onShown();
        dialogs.assertNoErrors();
    }

    private ClusterRow row(String name) {
        return model.clusters().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    private static List<Label> labels(String key) {
        return client.labels().list(Map.of("key", key));
    }

    private static DimensionRule dimension(ProfileEditorViewModel editor, String key) {
        return editor.dimensions().stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    private static LabelChoice choice(DimensionRule d, Label l) {
        return d.choices().stream().filter(c -> c.href().equals(l.href())).findFirst().orElseThrow();
    }

    @Test
    void theListShowsEachClustersKubelinkStatus() {
        ClusterRow eks = row("CC-EKS-Prod");
        assertEquals(ClusterRow.Status.ONLINE, eks.status());
        assertEquals(3, eks.nodes());
        assertEquals("3.3.1-6f2c1b0", eks.kubelinkVersion());
        assertNotEquals("Never", eks.lastConnected());
        assertTrue(eks.writable());
        assertTrue(model.status().get().endsWith("online"), model.status().get());
        model.selectedProperty().set(eks);
        assertEquals(3, model.profiles().size(), "the generated profiles: default, kube-system, payments");
        ProfileRow payments = model.profiles().stream().filter(p -> p.namespace().equals("payments")).findFirst().orElseThrow();
        assertEquals("Full", payments.enforcement());
        assertTrue(payments.labels().contains("role: API"), payments.labels());
        assertFalse(payments.labels().contains("/orgs/"), "labels are named, never hrefs: " + payments.labels());
    }

    @Test
    void aNewClustersTokenIsOfferedOnceAndThenHeldNowhere() {
        model.startCreate();
        assertEquals("Name: required", model.createProblem().get());
        model.newNameProperty().set("CC-EKS-Prod");
        assertTrue(model.createProblem().get().startsWith("Name: a cluster named 'CC-EKS-Prod' exists"));
        model.newNameProperty().set("CC-VM-Token");
        model.newDescriptionProperty().set("for the token test");
        assertNull(model.createProblem().get());
        model.create();
        dialogs.assertNoErrors();

        TokenReveal reveal = model.tokenProperty().get();
        assertNotNull(reveal, "the dialog is asked for");
        String token = reveal.text();
        assertTrue(token.startsWith("1_"), "the PCE's token");
        assertFalse(reveal.toString().contains(token));
        ClusterRow created = row("CC-VM-Token");
        assertEquals(ClusterRow.Status.NEVER_CONNECTED, created.status());
        assertEquals("Never", created.lastConnected());
        assertEquals(created, model.selectedProperty().get());
        assertFalse(model.createOpenProperty().get());

        assertThrows(AssertionError.class, () -> SecretScan.assertNotHeld(model, token),
                "while the dialog is open the model holds it (and the scan sees it)");
        model.dismissToken();
        assertNull(model.tokenProperty().get());
        assertThrows(IllegalStateException.class, reveal::text, "wiped when the dialog closed");
        model.load();
        assertEquals(ClusterRow.Status.NEVER_CONNECTED, row("CC-VM-Token").status());
        SecretScan.assertNotHeld(model, token);
    }

    @Test
    void profilesAreCreatedEditedAndDeleted() {
        model.startCreate();
        model.newNameProperty().set("CC-VM-Profiles");
        model.create();
        model.dismissToken();
        ProfileEditorViewModel editor = model.editor();
        model.newProfile();
        assertTrue(editor.openProperty().get());
        assertTrue(editor.creatingProperty().get());
        assertEquals("Namespace: required (the Kubernetes namespace this profile is for)", editor.problem().get());
        editor.namespaceProperty().set("Payments_NS");
        assertTrue(editor.problem().get().startsWith("Namespace: lower-case"), editor.problem().get());
        editor.namespaceProperty().set("payments");
        DimensionRule app = dimension(editor, "app");
        app.modeProperty().set(DimensionRule.Mode.ASSIGN);
        assertTrue(editor.problem().get().endsWith(": choose the label to assign"), editor.problem().get());
        Label appLabel = labels("app").get(0);
        app.assignmentProperty().set(choice(app, appLabel));
        assertNull(editor.problem().get());
        editor.enforcementProperty().set("visibility_only");
        model.saveProfile();
        dialogs.assertNoErrors();
        assertFalse(editor.openProperty().get());
        assertEquals(1, model.profiles().size());
        ProfileRow made = model.profiles().get(0);
        assertEquals("payments", made.namespace());
        assertEquals("Visibility only", made.enforcement());
        assertEquals("app: " + appLabel.value(), made.labels());

        // Edit: env restricted to two labels, enforcement full; the namespace is fixed.
        model.selectedProfileProperty().set(made);
        model.editProfile();
        assertFalse(editor.creatingProperty().get());
        assertEquals(DimensionRule.Mode.ASSIGN, dimension(editor, "app").modeProperty().get());
        DimensionRule env = dimension(editor, "env");
        env.modeProperty().set(DimensionRule.Mode.RESTRICT);
        assertTrue(editor.problem().get().endsWith(": choose at least one label to allow"));
        List<Label> envs = labels("env");
        env.restriction().setAll(choice(env, envs.get(0)), choice(env, envs.get(1)));
        editor.enforcementProperty().set("full");
        model.saveProfile();
        dialogs.assertNoErrors();
        ProfileRow edited = model.profiles().get(0);
        assertEquals("Full", edited.enforcement());
        assertTrue(edited.labels().contains("env: one of " + envs.get(0).value() + ", " + envs.get(1).value()),
                edited.labels());
        ContainerWorkloadProfile onPce = client.containerWorkloadProfiles(model.selectedProperty().get().href())
                .get(edited.href());
        assertEquals("full", onPce.enforcementMode());
        assertEquals(2, onPce.labels().stream().filter(r -> r.key().equals("env")).findFirst().orElseThrow()
                .restriction().size());

        // A second profile for the namespace: the PCE's refusal in its words, and the form kept.
        model.newProfile();
        editor.namespaceProperty().set("payments");
        editor.nameProperty().set("twice");
        model.saveProfile();
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).message().contains("namespace 'payments' already exists"),
                dialogs.errors().get(0).message());
        assertTrue(editor.openProperty().get());
        assertEquals("twice", editor.nameProperty().get());
        model.cancelProfile();
        dialogs.clear();

        // Delete asks first; declining leaves it.
        model.selectedProfileProperty().set(model.profiles().get(0));
        dialogs.answerConfirm(false);
        model.deleteProfile();
        assertEquals(1, model.profiles().size());
        assertEquals("Delete profile", dialogs.confirmations().get(0).action());
        dialogs.answerConfirm(true);
        model.deleteProfile();
        dialogs.assertNoErrors();
        assertTrue(model.profiles().isEmpty());
        assertTrue(client.containerWorkloadProfiles(model.selectedProperty().get().href()).list().isEmpty());

        model.deleteCluster();
        dialogs.assertNoErrors();
        assertTrue(model.clusters().stream().noneMatch(r -> r.name().equals("CC-VM-Profiles")));
        assertNull(model.selectedProperty().get());
        assertEquals("Select a cluster first", model.clusterBlocked().get());
    }

    @Test
    void whatThePceDoesNotAllowIsOffAndSaysWhy() {
        var caps = JsonNodeFactory.instance.objectNode();
        caps.putArray("caps");
        ContainerCluster readOnly = new ContainerCluster("/orgs/1/container_clusters/x", "CC-RO", "", null, null, null,
                null, true, null, null, null, null, Map.of("caps", caps.get("caps")));
        ClusterRow r = ClusterRow.of(readOnly);
        assertFalse(r.writable());
        model.clusters().add(r);
        model.selectedProperty().set(r);
        assertEquals(ContainerClustersViewModel.NO_WRITE_CLUSTER, model.clusterBlocked().get());
        assertEquals(ContainerClustersViewModel.NO_WRITE_CLUSTER, model.newProfileBlocked().get());
        model.deleteCluster();
        assertTrue(dialogs.confirmations().isEmpty(), "no question for an action that is off");
        model.newProfile();
        assertFalse(model.editor().openProperty().get());
        dialogs.errors().forEach(e -> assertTrue(e.title().startsWith("Could not load the profiles"), e.toString()));
    }
}
