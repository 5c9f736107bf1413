package dev.pceworkbench.ui.labels;

import dev.pceworkbench.testing.TaskFailures;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.ObjectDetailsViewModel;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The navigator's fallback (the object details window's view model) against a demo PCE: a
 * workload and a virtual service load by href with their name and pretty-printed JSON; an href
 * the PCE does not know shows the PCE's refusal.
 */
class ObjectDetailsViewModelTest {
    static DemoPce pce;
    static PceClient client;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private ObjectDetailsViewModel model(Navigator.Target target, RecordingDialogService dialogs) {
        return new ObjectDetailsViewModel(target, new PolicyWorkspace(() -> Optional.of(client)),
                TaskFailures.synchronousExecutor(), dialogs);
    }

    @Test
    void showsAWorkloadAndAVirtualServiceWithTheirJson() throws Exception {
        RecordingDialogService dialogs = new RecordingDialogService();
        Workload w = client.workloads().list(Map.of("max_results", 1)).get(0);
        ObjectDetailsViewModel m = model(Navigator.Target.fromHref(w.href()), dialogs);
        m.load();
        dialogs.assertNoErrors();
        assertEquals(w.name() != null ? w.name() : w.hostname(), m.nameProperty().get());
        assertEquals("Workload", m.kindText());
        assertEquals("not versioned (org object)", m.versionText());
        JsonNode json = PceJson.mapper().readTree(m.jsonProperty().get());
        assertEquals(w.href(), json.path("href").asText());
        assertTrue(m.jsonProperty().get().contains("\n  \""), "pretty-printed");
        assertFalse(m.loadingProperty().get());

        VirtualService vs = client.virtualServices().list("active", Map.of()).get(0);
        m = model(Navigator.Target.fromHref(vs.href()), dialogs);
        m.load();
        dialogs.assertNoErrors();
        assertEquals(vs.name(), m.nameProperty().get());
        assertEquals("active", m.versionText());
        assertEquals("Virtual service", m.kindText());
    }

    @Test
    void anUnknownObjectShowsThePcesRefusal() {
        RecordingDialogService dialogs = new RecordingDialogService();
        ObjectDetailsViewModel m = model(Navigator.Target.fromHref("/orgs/1/workloads/no-such-workload"), dialogs);
        m.load();
        assertEquals(1, dialogs.errors().size());
        String message = dialogs.errors().get(0).message();
        assertTrue(message.contains("HTTP 404"), message);
        assertEquals(message, m.errorProperty().get());
        assertEquals("", m.jsonProperty().get());
    }
}
