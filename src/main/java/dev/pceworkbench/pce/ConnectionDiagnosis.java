package dev.pceworkbench.pce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The result of a {@link ConnectionCheck}: the ordered steps (settings, DNS, TCP, proxy, TLS,
 * authentication, org access, PCE version), each with a status, a sentence for the user, details
 * (addresses, the presented certificate chain, the PCE's own error message) and its duration.
 * After the first failure the remaining steps are {@link Status#SKIPPED}. {@link #ok()} is true when
 * nothing failed; warnings (such as verification being off) do not make a connection fail.
 *
 * @param steps          the steps in order
 * @param pceVersion     the PCE's {@code version} (e.g. {@code 23.2.10}), null when not reached
 * @param pceLongVersion the PCE's {@code long_display} (e.g. {@code 23.2.10-123}), null when not reached
 * @param insecure       whether certificate verification was off
 * @param proxyDescription the effective proxy, e.g. {@code direct (no proxy)}; null when the settings were unusable
 * @param cancelled      whether the check was cancelled before it finished
 */
public record ConnectionDiagnosis(List<Step> steps, String pceVersion, String pceLongVersion, boolean insecure,
                                  String proxyDescription, boolean cancelled) {
    /** The steps, in the order they run. */
    public enum StepName {
        SETTINGS("Settings"), DNS("DNS"), TCP("TCP connect"), PROXY("Proxy"), TLS("TLS"),
        AUTHENTICATION("Authentication"), ORG_ACCESS("Org access"), PCE_VERSION("PCE version");

        private final String label;

        StepName(String label) {
            this.label = label;
        }

        /** A label for people, e.g. {@code "TCP connect"}. */
        public String label() {
            return label;
        }
    }

    /** How a step went. */
    public enum Status { OK, WARNING, FAILED, SKIPPED }

    /**
     * One step.
     *
     * @param name     which step
     * @param status   how it went
     * @param message  one or two sentences: what happened and, on failure, what to do
     * @param details  supporting lines (addresses, certificates, the server's answer)
     * @param duration how long it took (zero when skipped)
     */
    public record Step(StepName name, Status status, String message, List<String> details, Duration duration) {
        public Step {
            details = details == null ? List.of() : List.copyOf(details);
            duration = duration == null ? Duration.ZERO : duration;
        }

        @Override
        public String toString() {
            return name.label() + ": " + status + " - " + message + " (" + duration.toMillis() + " ms)";
        }
    }

    public ConnectionDiagnosis {
        steps = List.copyOf(steps);
    }

    /** True when no step failed and the check was not cancelled. */
    public boolean ok() {
        return !cancelled && steps.stream().noneMatch(s -> s.status() == Status.FAILED);
    }

    /** The first failed step, if any. */
    public Optional<Step> failure() {
        return steps.stream().filter(s -> s.status() == Status.FAILED).findFirst();
    }

    /** The step with this name (every check lists all steps). */
    public Step step(StepName name) {
        return steps.stream().filter(s -> s.name() == name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + name));
    }

    /** The connection-failure kind matching the failed step, if a network step failed. */
    public Optional<PceConnectionException.Kind> failureKind() {
        return failure().map(Step::name).flatMap(n -> switch (n) {
            case DNS -> Optional.of(PceConnectionException.Kind.DNS);
            case TCP -> Optional.of(PceConnectionException.Kind.CONNECT);
            case PROXY -> Optional.of(PceConnectionException.Kind.PROXY);
            case TLS -> Optional.of(PceConnectionException.Kind.TLS);
            default -> Optional.empty();
        });
    }

    /** One line: the first failure's message, or a success line with the PCE version. */
    public String summary() {
        if (cancelled) {
            return "The connection check was cancelled";
        }
        return failure().map(s -> s.name().label() + " failed: " + s.message())
                .orElseGet(() -> "Connected" + (pceVersion == null ? "" : " to PCE " + pceVersion)
                        + (insecure ? " (certificate verification is OFF)" : ""));
    }

    /** All steps and details as text, for a report or the clipboard. */
    public String report() {
        StringBuilder sb = new StringBuilder(summary()).append('\n');
        for (Step s : steps) {
            sb.append(String.format("%-15s %-8s %5d ms  %s%n", s.name().label(), s.status(), s.duration().toMillis(), s.message()));
            for (String d : s.details()) {
                sb.append("                                   ").append(d).append('\n');
            }
        }
        return sb.toString();
    }

    /** Collects the steps of one check in order: timing, skipping after a failure or a cancel. */
    abstract static class Recorder {
        private final CancellationToken cancel;
        private final Consumer<Step> onStep;
        private final List<Step> steps = new ArrayList<>();
        private String blockedBy;
        private StepName current = StepName.SETTINGS;
        private long started;

        Recorder(CancellationToken cancel, Consumer<Step> onStep) {
            this.cancel = cancel;
            this.onStep = onStep == null ? step -> { } : onStep;
        }

        CancellationToken cancel() {
            return cancel;
        }

        boolean cancelled() {
            return cancel.isCancelled();
        }

        List<Step> steps() {
            return steps;
        }

        /** Whether the step may run; records it as skipped (after a failure or a cancel) otherwise. */
        boolean begin(StepName name) {
            if (cancel.isCancelled() || blockedBy != null) {
                record(name, Status.SKIPPED, cancel.isCancelled() ? "Skipped: the check was cancelled"
                        : "Skipped: " + blockedBy + " failed", List.of());
                return false;
            }
            started = System.nanoTime();
            current = name;
            return true;
        }

        /** Records a step; a failure caused by cancelling is recorded as skipped. */
        void record(StepName name, Status status, String message, List<String> details) {
            Duration d = status == Status.SKIPPED ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
            if (status == Status.FAILED && cancel.isCancelled()) {
                status = Status.SKIPPED;
                message = "Cancelled";
            }
            Step step = new Step(name, status, message, details, d);
            steps.add(step);
            if (status == Status.FAILED && blockedBy == null) {
                blockedBy = name.label();
            }
            onStep.accept(step);
        }

        /** Fails the running step unless it was already recorded. */
        void failCurrent(String message) {
            if (steps.stream().noneMatch(s -> s.name() == current)) {
                record(current, Status.FAILED, message, List.of());
            }
        }

        /** Records the steps an early return left out, as skipped. */
        void skipMissing() {
            for (StepName n : StepName.values()) {
                if (steps.stream().noneMatch(s -> s.name() == n)) {
                    begin(n);
                }
            }
        }
    }
}
