package dev.pceworkbench.demo.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;

/**
 * One asynchronous traffic query and its life: {@code queued} for the first third of the
 * configured duration, then {@code working} until the duration has passed and the result is
 * computed, then {@code completed} (or {@code failed} when a fault was injected or the run broke),
 * or {@code cancel_requested} once cancelled and shortly after {@code killed}. Status is derived from the clock on every read, so polling
 * clients see it progress without a scheduler. The result is filled in by a background run.
 */
public final class AsyncQuery {
    private final String uuid;
    private final ObjectNode parameters;
    private final Instant createdAt;
    private final String createdBy;
    private final boolean injectedFailure;
    private final FlowQuery query;
    private volatile FlowQueryRunner.Result result;
    private volatile Instant computedAt;
    private volatile String error;
    private volatile Instant killedAt;
    private volatile Instant rulesRequestedAt;
    private volatile FlowQueryRunner.Draft draft;
    private volatile Instant draftAt;
    private volatile String rulesError;
    private Object rulesToken;

    public AsyncQuery(String uuid, ObjectNode parameters, Instant createdAt, String createdBy, boolean injectedFailure,
                      FlowQuery query) {
        this.uuid = uuid;
        this.parameters = parameters;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.injectedFailure = injectedFailure;
        this.query = query;
    }

    public String uuid() {
        return uuid;
    }

    public ObjectNode parameters() {
        return parameters;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public FlowQuery query() {
        return query;
    }

    public boolean injectedFailure() {
        return injectedFailure;
    }

    public FlowQueryRunner.Result result() {
        return result;
    }

    public void completed(FlowQueryRunner.Result r, Instant at) {
        this.computedAt = at;
        this.result = r;
    }

    public void broke(String message) {
        this.error = message;
    }

    /** The failure message of a failed query. */
    public String error() {
        return injectedFailure ? "The traffic query failed: the PCE could not complete the Explorer search (injected fault)"
                : error;
    }

    public boolean killed() {
        return killedAt != null;
    }

    public void kill(Instant at) {
        killedAt = at;
    }

    /**
     * The status at {@code now}: after a cancel, {@code cancel_requested} for a sixth of the duration
     * (the PCE stops the query's workers), then {@code killed}.
     */
    public String status(Instant now, Duration duration) {
        if (killedAt != null) {
            return Duration.between(killedAt, now).compareTo(duration.dividedBy(6)) < 0 ? "cancel_requested" : "killed";
        }
        Duration age = Duration.between(createdAt, now);
        if (age.compareTo(duration.dividedBy(3)) < 0) {
            return "queued";
        }
        boolean due = age.compareTo(duration) >= 0;
        if (injectedFailure || error != null) {
            return due ? "failed" : "working";
        }
        return due && result != null ? "completed" : "working";
    }

    public Instant updatedAt(Instant now, Duration duration) {
        return switch (status(now, duration)) {
            case "cancel_requested" -> killedAt;
            case "killed" -> killedAt.plus(duration.dividedBy(6));
            case "queued" -> createdAt;
            case "working" -> createdAt.plus(duration.dividedBy(3));
            case "completed" -> computedAt.isAfter(createdAt.plus(duration)) ? computedAt : createdAt.plus(duration);
            default -> createdAt.plus(duration);
        };
    }

    /**
     * {@code update_rules} was called at {@code at}: the draft decisions are (re)computed. Returns the
     * request's token; a computation reports back with it, so a superseded one is ignored.
     */
    public synchronized Object rulesRequested(Instant at) {
        draft = null;
        draftAt = null;
        rulesError = null;
        rulesRequestedAt = at;
        rulesToken = new Object();
        return rulesToken;
    }

    public boolean rulesRequested() {
        return rulesRequestedAt != null;
    }

    public synchronized void draftComputed(Object token, FlowQueryRunner.Draft d, Instant at) {
        if (token == rulesToken) {
            draftAt = at;
            draft = d;
        }
    }

    public synchronized void rulesBroke(Object token, String message) {
        if (token == rulesToken) {
            rulesError = message;
        }
    }

    public String rulesError() {
        return rulesError;
    }

    /**
     * The status of the draft-rules computation, following the same timing as the query itself
     * ({@code queued}, {@code working}, then {@code completed} once computed and due, or
     * {@code failed}); null when {@code update_rules} was never called.
     */
    public synchronized String rulesStatus(Instant now, Duration duration) {
        Instant at = rulesRequestedAt;
        if (at == null) {
            return null;
        }
        Duration age = Duration.between(at, now);
        if (age.compareTo(duration.dividedBy(3)) < 0) {
            return "queued";
        }
        boolean due = age.compareTo(duration) >= 0;
        if (rulesError != null) {
            return due ? "failed" : "working";
        }
        return due && draft != null ? "completed" : "working";
    }

    /** The draft decisions once {@link #rulesStatus} is completed. */
    public synchronized FlowQueryRunner.Draft draft() {
        return draft;
    }

    public Instant rulesUpdatedAt(Instant now, Duration duration) {
        return switch (String.valueOf(rulesStatus(now, duration))) {
            case "queued" -> rulesRequestedAt;
            case "working" -> rulesRequestedAt.plus(duration.dividedBy(3));
            case "completed" -> draftAt.isAfter(rulesRequestedAt.plus(duration)) ? draftAt : rulesRequestedAt.plus(duration);
            default -> rulesRequestedAt == null ? null : rulesRequestedAt.plus(duration);
        };
    }
}
