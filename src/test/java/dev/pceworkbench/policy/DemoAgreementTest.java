package dev.pceworkbench.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against the demo PCE's own, independent evaluator, over HTTPS on the {@code small}
 * data set: records loaded through the client, then 10,000 generated policy checks (the demo's
 * {@code allow}) and 1,000 rule searches ({@code rule_search}), half on the active policy and
 * half on the draft, must give the same rule hrefs. The linear scan must agree with the index on
 * every one of them too.
 */
class DemoAgreementTest {
    static final int CHECKS = 10_000;
    static final int SEARCHES = 1_000;
    static DemoPce pce;
    static PceClient client;
    static final Map<String, RuleSearchIndex> INDEXES = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        // The demo's rate limit is off; so is the client's request budget (10,000+ requests in a minute).
        client = DemoPces.client(pce, Duration.ofMinutes(5));
        for (String version : List.of("active", "draft")) {
            INDEXES.put(version, RuleSearchIndex.build(PolicyModel.build(PolicyDataLoader.load(client, version))));
        }
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @Test
    void policyChecksAgreeWithTheDemoPce() {
        List<String> mismatches = new ArrayList<>();
        int allowed = 0;
        int addressEnds = 0;
        Set<String> rulesSeen = new TreeSet<>();
        for (String version : List.of("active", "draft")) {
            RuleSearchIndex index = INDEXES.get(version);
            PolicyCheck check = new PolicyCheck(index);
            LinearScan scan = new LinearScan(index.model());
            AgreementCases cases = new AgreementCases(index.model().data(), version.hashCode());
            List<AgreementCases.Tuple> tuples = new ArrayList<>();
            for (int i = 0; i < CHECKS / 2; i++) {
                tuples.add(cases.tuple());
            }
            List<Set<String>> demoAnswers = parallel(tuples, t -> demoAllow(version, t));
            for (int i = 0; i < tuples.size(); i++) {
                AgreementCases.Tuple t = tuples.get(i);
                Set<String> engine = check.check(t.consumer(), t.provider(), t.service()).ruleHrefs();
                Set<String> linear = scan.check(t.consumer(), t.provider(), t.service()).ruleHrefs();
                Set<String> demo = demoAnswers.get(i);
                if (!engine.equals(demo) || !engine.equals(linear)) {
                    mismatches.add(version + " " + t + "\n  engine " + engine + "\n  linear " + linear + "\n  demo   " + demo);
                }
                allowed += demo.isEmpty() ? 0 : 1;
                addressEnds += t.consumer().isWorkload() && t.provider().isWorkload() ? 0 : 1;
                rulesSeen.addAll(demo);
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())), mismatches.size() + " mismatches");
        // The comparison means something only if many checks are allowed, by many different rules.
        assertTrue(allowed > CHECKS / 4, "allowed " + allowed);
        assertTrue(rulesSeen.size() > 200, "distinct allowing rules " + rulesSeen.size());
        assertTrue(addressEnds > CHECKS / 5, "checks with an address " + addressEnds);
        System.out.printf("policy checks: %d, allowed %d, with an address end %d, distinct allowing rules %d%n",
                CHECKS, allowed, addressEnds, rulesSeen.size());
    }

    @Test
    void ruleSearchesAgreeWithTheDemoPce() {
        List<String> mismatches = new ArrayList<>();
        int nonEmpty = 0;
        for (String version : List.of("active", "draft")) {
            RuleSearchIndex index = INDEXES.get(version);
            LinearScan scan = new LinearScan(index.model());
            AgreementCases cases = new AgreementCases(index.model().data(), 31L * version.hashCode());
            List<AgreementCases.Search> searches = new ArrayList<>();
            for (int i = 0; i < SEARCHES / 2; i++) {
                searches.add(cases.search());
            }
            List<Set<String>> demoAnswers = parallel(searches, s -> demoSearch(version, s.body()));
            for (int i = 0; i < searches.size(); i++) {
                AgreementCases.Search s = searches.get(i);
                Set<String> engine = hrefs(s.query().run(index));
                Set<String> linear = hrefs(scan.search(s.query()));
                Set<String> demo = demoAnswers.get(i);
                if (!engine.equals(demo) || !engine.equals(linear)) {
                    mismatches.add(version + " " + s.body() + "\n  engine " + engine.size() + " " + diff(engine, demo)
                            + "\n  linear " + linear.size() + "\n  demo   " + demo.size() + " " + diff(demo, engine));
                }
                nonEmpty += demo.isEmpty() ? 0 : 1;
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())), mismatches.size() + " mismatches");
        assertTrue(nonEmpty > SEARCHES / 3, "searches with results " + nonEmpty);
        System.out.printf("rule searches: %d, with results %d%n", SEARCHES, nonEmpty);
    }

    /** The demo's answers, asked on a few threads at once (the client and the demo PCE are thread-safe). */
    private static <T> List<Set<String>> parallel(List<T> items, Function<T, Set<String>> ask) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<String>>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> ask.apply(item)));
            }
            List<Set<String>> out = new ArrayList<>();
            for (Future<Set<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d.size() > 5 ? Set.of(d.size() + " only here, e.g. " + d.iterator().next()) : d;
    }

    private static Set<String> hrefs(List<RuleHit> hits) {
        Set<String> out = new LinkedHashSet<>();
        hits.forEach(h -> out.add(h.href()));
        return out;
    }

    private static Set<String> demoAllow(String version, AgreementCases.Tuple t) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put(t.consumer().isWorkload() ? "src_workload" : "src_external_ip", t.consumer().toString());
        q.put(t.provider().isWorkload() ? "dst_workload" : "dst_external_ip", t.provider().toString());
        q.put("protocol", t.service().proto());
        if (t.service().from() >= 0) {
            q.put("port", t.service().from());
        }
        return hrefs(client.raw().get("/sec_policy/" + version + "/allow", true, q, CancellationToken.none()));
    }

    private static Set<String> demoSearch(String version, Map<String, Object> body) {
        return hrefs(client.raw().post("/sec_policy/" + version + "/rule_search", true, body, CancellationToken.none()));
    }

    private static Set<String> hrefs(PceResponse r) {
        assertEquals(200, r.status(), r.text());
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode rule : r.json()) {
            out.add(rule.get("href").asText());
        }
        return out;
    }
}
