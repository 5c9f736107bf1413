package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.ui.common.DialogService;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What "verify on PCE" shows in the rule search and the policy check: a status line (asking, the
 * PCE's verdict, or why it could not answer) and the rules only one side found. The view model runs
 * the query itself and reports each stage here, on the FX thread.
 */
public final class PceVerification {
    private final ReadOnlyStringWrapper status;
    private final ObservableList<String> differences = FXCollections.observableArrayList();

    /** @param bean the view model, as the bean of the {@code verifyStatus} property */
    public PceVerification(Object bean) {
        status = new ReadOnlyStringWrapper(bean, "verifyStatus", "");
    }

    /** The query starts: the last differences go. */
    public void asking() {
        status.set("Asking the PCE…");
        differences.clear();
    }

    /** The PCE answered: {@code verdict} in the status line. */
    public void answered(String verdict) {
        status.set(verdict);
    }

    /**
     * Lists the rules only one side found, the workbench's first; {@code when} (for example "now")
     * follows the side in brackets, or nothing when null.
     */
    public void addDifferences(PceQueries.Agreement agreement, String when) {
        String suffix = when == null ? "" : " (" + when + ")";
        for (String h : agreement.onlyInWorkbench()) {
            differences.add("Only in the workbench" + suffix + ": " + h);
        }
        for (String h : agreement.onlyOnPce()) {
            differences.add("Only on the PCE" + suffix + ": " + h);
        }
    }

    /** The query was cancelled: no verdict. */
    public void cancelled() {
        status.set("");
    }

    /** The query failed: says so, and shows the PCE's message under {@code title}. */
    public void failed(DialogService dialogs, String title, Throwable e) {
        status.set("The PCE could not answer.");
        dialogs.showError(title, e);
    }

    /** Forgets the last verification (the answer it checked is gone). */
    public void clear() {
        status.set("");
        differences.clear();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> differences() {
        return differences;
    }
}
