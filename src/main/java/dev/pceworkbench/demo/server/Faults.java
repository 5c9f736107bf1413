package dev.pceworkbench.demo.server;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fault injection for tests and demos, off by default. Each fault is either a count ("the next N
 * requests") or a rate (a probability per request), set from a spec such as
 * {@code latency=200,http429=3,http5xx=0.05,drop=1,jobfail=1,malformed=0.01,truncate=2} or at run
 * time through {@link #inject}. Counts make tests deterministic; rates make demos lively.
 */
public final class Faults {
    /** The kinds of fault the server can inject. */
    public enum Kind {
        /** Answer 429 Too Many Requests with Retry-After. */
        HTTP429,
        /** Answer 503 Service Unavailable (a gateway or PCE service hiccup). */
        HTTP5XX,
        /** Close the connection without an answer. */
        DROP,
        /** Let the next async job (collection job or traffic query) fail. */
        JOBFAIL,
        /** Send a syntactically broken JSON body with status 200. */
        MALFORMED,
        /** Send a JSON body cut off half-way (the declared length is not reached). */
        TRUNCATE
    }

    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, Double> rates = new EnumMap<>(Kind.class);
    private final Random random;
    private volatile long latencyMillis;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** Parses a spec; an empty or null spec injects nothing. */
    public static Faults parse(String spec, long seed) {
        Faults f = new Faults(seed);
        if (spec == null || spec.isBlank() || spec.equals("none")) {
            return f;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Fault spec item '" + part + "' must be NAME=VALUE");
            }
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim();
            if (name.equals("latency")) {
                f.latencyMillis = Long.parseLong(value.replace("ms", ""));
                continue;
            }
            Kind kind = switch (name) {
                case "http429", "429" -> Kind.HTTP429;
                case "http5xx", "5xx", "http503", "503" -> Kind.HTTP5XX;
                case "drop" -> Kind.DROP;
                case "jobfail" -> Kind.JOBFAIL;
                case "malformed" -> Kind.MALFORMED;
                case "truncate" -> Kind.TRUNCATE;
                default -> throw new IllegalArgumentException("Unknown fault '" + name
                        + "': use latency, http429, http5xx, drop, jobfail, malformed or truncate");
            };
            if (value.contains(".")) {
                double rate = Double.parseDouble(value);
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("Fault rate for " + name + " must be between 0 and 1");
                }
                f.rates.put(kind, rate);
            } else {
                f.inject(kind, Integer.parseInt(value));
            }
        }
        return f;
    }

    /** Makes the next {@code n} occasions of {@code kind} fail (adds to any pending count). */
    public synchronized void inject(Kind kind, int n) {
        counts.merge(kind, n, Integer::sum);
    }

    public synchronized void rate(Kind kind, double probability) {
        rates.put(kind, probability);
    }

    public void latencyMillis(long millis) {
        this.latencyMillis = millis;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    /** Removes every fault. */
    public synchronized void clear() {
        counts.clear();
        rates.clear();
        latencyMillis = 0;
    }

    /** Consumes one occurrence of {@code kind} if one is due. */
    public synchronized boolean take(Kind kind) {
        int c = counts.getOrDefault(kind, 0);
        if (c > 0) {
            counts.put(kind, c - 1);
            return true;
        }
        Double r = rates.get(kind);
        return r != null && random.nextDouble() < r;
    }
}
