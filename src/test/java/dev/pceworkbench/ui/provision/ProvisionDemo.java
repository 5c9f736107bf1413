package dev.pceworkbench.ui.provision;

import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyProvisioning;
import dev.pceworkbench.workspace.PolicyWorkspace;

/**
 * A demo PCE of its own (the {@code small} data set, whose draft has pending changes of several
 * kinds, among them a rule set that needs a new IP list) and a Provision view model over it.
 */
final class ProvisionDemo implements AutoCloseable {
    static final String RULE_SET = "RS-CRM-Partner-VPN";
    static final String NEW_IP_LIST = "IPL-Partner-VPN";
    static final String EDITED_SERVICE = "S-Web-Alt";

    final SearchDemo demo;
    final PolicyWorkspace workspace;
    final PolicyProvisioning provisioning;
    final PendingCount count;

    ProvisionDemo(TaskExecutor executor) throws java.io.IOException {
        demo = new SearchDemo();
        workspace = demo.workspace();
        provisioning = new PolicyProvisioning(workspace);
        count = new PendingCount(provisioning, executor);
    }

    ProvisionViewModel model(TaskExecutor executor, DialogService dialogs) {
        return new ProvisionViewModel(workspace, provisioning, count, executor, dialogs);
    }

    static PendingRow row(ProvisionViewModel m, String name) {
        return m.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not pending: " + m.rows()));
    }

    @Override
    public void close() {
        demo.close();
    }
}
