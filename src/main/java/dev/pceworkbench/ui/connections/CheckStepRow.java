package dev.pceworkbench.ui.connections;

import dev.pceworkbench.pce.ConnectionDiagnosis;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;

import java.time.Duration;
import java.util.List;

/**
 * One row of the connection check as the form shows it: the step, how it stands (including
 * pending, running and cancelled, which a finished diagnosis does not know), the sentence for the
 * user, the supporting details and the step's duration.
 */
public record CheckStepRow(StepName step, Status status, String message, List<String> details, Duration duration) {
    /** How a step stands while and after the check runs. */
    public enum Status {
        PENDING, RUNNING, OK, WARNING, FAILED, SKIPPED, CANCELLED;

        static Status of(ConnectionDiagnosis.Status s) {
            return switch (s) {
                case OK -> OK;
                case WARNING -> WARNING;
                case FAILED -> FAILED;
                case SKIPPED -> SKIPPED;
            };
        }
    }

    public CheckStepRow {
        details = details == null ? List.of() : List.copyOf(details);
        duration = duration == null ? Duration.ZERO : duration;
        message = message == null ? "" : message;
    }

    static CheckStepRow pending(StepName step) {
        return new CheckStepRow(step, Status.PENDING, "", List.of(), Duration.ZERO);
    }

    static CheckStepRow of(ConnectionDiagnosis.Step s) {
        return new CheckStepRow(s.name(), Status.of(s.status()), s.message(), s.details(), s.duration());
    }

    CheckStepRow withStatus(Status status, String newMessage) {
        return new CheckStepRow(step, status, newMessage, details, duration);
    }

    /** The step's label, e.g. "TCP connect". */
    public String name() {
        return step.label();
    }

    /** The details as one text, a line each. */
    public String detailsText() {
        return String.join("\n", details);
    }
}
