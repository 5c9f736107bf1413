package dev.pceworkbench.pce.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pceworkbench.pce.model.RoundTrip.M;
import static dev.pceworkbench.pce.model.RoundTrip.assertListRoundTrip;
import static dev.pceworkbench.pce.model.RoundTrip.assertRoundTrip;
import static dev.pceworkbench.pce.model.RoundTrip.q;
import static dev.pceworkbench.pce.model.RoundTrip.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shapes of API responses that have no sample file (jobs, traffic queries, provisioning, keys,
 * versions...), as documented for the PCE and served by the demo PCE: they round-trip and read.
 */
class ApiShapesTest {

    @Test
    void asyncJobsRunningDoneAndFailed() {
        AsyncJob running = assertRoundTrip(q("""
                {'href': '/orgs/1/jobs/43f6e9e3-6a68-4481-87c6-18fd096dafbe', 'job_type': ':illumio/async_requests',
                 'description': '/orgs/1/labels', 'result': {}, 'status': 'running',
                 'requested_at': '2016-01-14 23:16:52.303166', 'requested_by': {'href': '/users/1'}}"""),
                AsyncJob.class, "running job");
        assertFalse(running.done());
        assertNull(running.resultHref());
        AsyncJob done = assertRoundTrip(q("""
                {'href': '/orgs/1/jobs/43f6', 'job_type': ':illumio/async_requests', 'description': '/orgs/1/labels',
                 'result': {'href': '/orgs/1/datafiles/2b7f0e5e'}, 'status': 'done',
                 'requested_at': '2016-01-14 23:16:52.303166', 'terminated_at': '2016-01-14 23:16:53.441263',
                 'requested_by': {'href': '/users/1'}}"""), AsyncJob.class, "done job");
        assertTrue(done.done());
        assertEquals("/orgs/1/datafiles/2b7f0e5e", done.resultHref());
        assertEquals("2016-01-14 23:16:53.441263", done.terminatedAt());
        AsyncJob failed = assertRoundTrip(q("""
                {'href': '/orgs/1/jobs/1', 'status': 'failed', 'result': {'message': 'boom'}}"""),
                AsyncJob.class, "failed job");
        assertTrue(failed.failed());
        assertEquals("boom", failed.result().message());
    }

    @Test
    void trafficQueriesCompletedAndFailed() {
        TrafficQuery done = assertRoundTrip(q("""
                {'href': '/orgs/1/traffic_flows/async_queries/6b4b', 'status': 'completed',
                 'result': '/orgs/1/traffic_flows/async_queries/6b4b/download',
                 'query_parameters': {'query_name': 'rdp', 'start_date': '2022-02-01T00:00:00Z',
                   'end_date': '2022-03-01T00:00:00Z',
                   'sources': {'include': [[{'label': {'href': '/orgs/1/labels/1'}}, {'label': {'href': '/orgs/1/labels/7'}}],
                                           [{'workload': {'href': '/orgs/1/workloads/ab'}}]],
                               'exclude': [{'ip_list': {'href': '/orgs/1/sec_policy/active/ip_lists/5'}},
                                           {'ip_address': '10.0.0.1'}, {'ip_address': {'value': '10.0.0.2'}}]},
                   'destinations': {'include': [[]], 'exclude': [{'transmission': 'broadcast'}, {'actors': 'ams'}]},
                   'services': {'include': [{'port': 3389, 'proto': 6}, {'port': 1000, 'to_port': 2000, 'proto': 6}],
                                'exclude': [{'process_name': 'x.exe'}, {'windows_service_name': 'svc'}]},
                   'policy_decisions': ['potentially_blocked', 'unknown'], 'sources_destinations_query_op': 'and',
                   'exclude_workloads_from_ip_list_query': true, 'max_results': 100000},
                 'created_at': '2022-03-01T10:00:00.000Z', 'updated_at': '2022-03-01T10:00:05.000Z',
                 'created_by': {'href': '/users/1'}, 'flows_count': 44, 'matches_count': 44,
                 'regions': [{'pce_fqdn': 'pce.example.com', 'responded': true, 'flows_count': 44, 'matches_count': 44}]}"""),
                TrafficQuery.class, "completed traffic query");
        assertTrue(done.completed());
        assertEquals("/orgs/1/traffic_flows/async_queries/6b4b/download", done.resultPath());
        assertEquals(44L, done.flowsCount());
        assertEquals("/orgs/1/labels/7", done.queryParameters().sources().include().get(0).get(1).label().href());
        assertEquals("10.0.0.1", done.queryParameters().sources().exclude().get(1).ipAddress().asText());
        assertEquals("2022-03-01T10:00:00.000Z", done.createdAt());

        TrafficQuery failed = assertRoundTrip(q("""
                {'href': '/orgs/1/traffic_flows/async_queries/1', 'status': 'failed', 'result': {'message': 'too big'},
                 'query_parameters': {'start_date': '2022-02-01'}}"""), TrafficQuery.class, "failed traffic query");
        assertNull(failed.resultPath());
        assertEquals("too big", failed.errorMessage());
    }

    @Test
    void newTrafficQueryRequestHasTheClientsDefaults() {
        TrafficQueryRequest r = TrafficQueryRequest.of("q1", "2022-02-01T00:00:00Z", "2022-03-01T00:00:00Z")
                .withSources(new TrafficQueryRequest.Endpoints(
                        List.of(List.of(TrafficEndpointFilter.label("/orgs/1/labels/1"))),
                        List.of(TrafficEndpointFilter.ipAddress("10.0.0.1")), null))
                .withPolicyDecisions(List.of("blocked"));
        assertEquals(tree(q("""
                {'query_name': 'q1', 'start_date': '2022-02-01T00:00:00Z', 'end_date': '2022-03-01T00:00:00Z',
                 'sources_destinations_query_op': 'and',
                 'sources': {'include': [[{'label': {'href': '/orgs/1/labels/1'}}]], 'exclude': [{'ip_address': '10.0.0.1'}]},
                 'destinations': {'include': [[]], 'exclude': []}, 'services': {'include': [], 'exclude': []},
                 'policy_decisions': ['blocked'], 'max_results': 100000, 'exclude_workloads_from_ip_list_query': true}""")),
                r.toJson());
    }

    @Test
    void pendingChangesArraysSingleObjectsAndEmpty() throws Exception {
        String json = q("""
                {'rule_sets': [{'href': '/orgs/1/sec_policy/draft/rule_sets/3', 'name': 'RS-APP', 'update_type': 'create',
                                'updated_at': '2024-01-01T00:00:00.000Z', 'updated_by': {'href': '/users/1'},
                                'caps': ['write', 'provision']}],
                 'ip_lists': [{'href': '/orgs/1/sec_policy/draft/ip_lists/7', 'name': 'IPL-X', 'update_type': 'delete',
                               'updated_at': '2024-01-01T00:00:00.000Z', 'description': null}],
                 'firewall_settings': {'href': '/orgs/1/sec_policy/draft/firewall_settings', 'update_type': 'update'},
                 'odd': null}""");
        PendingChanges p = assertRoundTrip(json, PendingChanges.class, "pending");
        assertEquals(3, p.count());
        assertEquals("RS-APP", p.of("rule_sets").get(0).name());
        assertEquals("delete", p.of("ip_lists").get(0).updateType());
        assertEquals("/users/1", p.of("rule_sets").get(0).updatedBy().href());
        assertEquals(List.of(), p.of("services"));
        assertEquals(Map.of("rule_sets", List.of(Href.of("/orgs/1/sec_policy/draft/rule_sets/3")),
                        "ip_lists", List.of(Href.of("/orgs/1/sec_policy/draft/ip_lists/7")),
                        "firewall_settings", List.of(Href.of("/orgs/1/sec_policy/draft/firewall_settings"))),
                p.changeSubset());
        assertEquals(tree(q("{'ip_lists': [{'href': '/orgs/1/sec_policy/draft/ip_lists/7'}]}")),
                M.valueToTree(Map.of("ip_lists", p.changeSubset().get("ip_lists"))));
        PendingChanges none = assertRoundTrip("{}", PendingChanges.class, "nothing pending");
        assertTrue(none.isEmpty());
    }

    @Test
    void dependenciesVersionsKeysAndProductVersion() {
        List<PolicyDependency> deps = assertListRoundTrip(q("""
                [{'dependency': {'ip_lists': {'href': '/orgs/1/sec_policy/draft/ip_lists/7'}},
                  'required_by': {'rule_sets': [{'href': '/orgs/1/sec_policy/draft/rule_sets/3'}]}}]"""),
                PolicyDependency.class, "dependencies");
        assertEquals("ip_lists", deps.get(0).dependencyType());
        assertEquals("/orgs/1/sec_policy/draft/ip_lists/7", deps.get(0).dependencyHref());
        assertEquals("/orgs/1/sec_policy/draft/rule_sets/3", deps.get(0).requiredBy().get("rule_sets").get(0).href());

        PolicyVersion v = assertRoundTrip(q("""
                {'href': '/orgs/1/sec_policy/110', 'commit_message': 'Provision ring-fence', 'version': 110,
                 'workloads_affected': 0, 'object_counts': {'label_groups': 17, 'services': 8, 'rule_sets': 12,
                 'ip_lists': 5, 'virtual_services': 0, 'firewall_settings': 1, 'enforcement_boundaries': 0,
                 'secure_connect_gateways': 0, 'virtual_servers': 0},
                 'created_at': '2026-01-22T13:22:17.180Z', 'created_by': {'href': '/users/1'}}"""),
                PolicyVersion.class, "policy version");
        assertEquals(110, v.version());
        assertEquals(12, v.objectCounts().of("rule_sets").orElseThrow());
        assertEquals(43, v.objectCounts().total(), "the sum over every type");
        assertEquals("2026-01-22T13:22:17.180Z", v.createdAt());
        assertEquals("/users/1", v.createdBy().href());

        PolicyVersion integer = assertRoundTrip(q("""
                {'href': '/orgs/1/sec_policy/7', 'commit_message': 'older PCE', 'version': 7,
                 'workloads_affected': 3, 'object_counts': 58,
                 'created_at': '2021-03-02T10:00:00.000Z', 'created_by': {'href': '/users/2'}}"""),
                PolicyVersion.class, "policy version with integer object_counts");
        assertEquals(58, integer.objectCounts().total());
        assertTrue(integer.objectCounts().byType().isEmpty(), "no per-type counts were given");
        assertTrue(integer.objectCounts().of("rule_sets").isEmpty());

        ApiKey key = assertRoundTrip(q("""
                {'href': '/users/11/api_keys/1a2b', 'key_id': '1a2b', 'auth_username': 'api_1a2b3c4d5e6f7g8h',
                 'secret': 's3cr3t', 'name': 'workbench', 'description': null, 'created_at': '2024-01-01T00:00:00.000Z'}"""),
                ApiKey.class, "api key (create response)");
        assertEquals("s3cr3t", key.secret());
        assertFalse(key.toString().contains("s3cr3t"), "secret not in toString");
        assertEquals(tree(q("{'name': 'workbench', 'description': 'd'}")), ApiKey.of("workbench", "d").toJson());

        ProductVersion pv = assertRoundTrip(q("""
                {'version': '23.2.10', 'build': 123, 'long_display': '23.2.10-123', 'short_display': '23.2.10',
                 'release_info': '', 'engineering_info': '', 'product_name': 'asp'}"""),
                ProductVersion.class, "product version");
        assertEquals(23, pv.major());
        assertEquals(2, pv.minor());
        assertEquals(10, pv.patch());
        assertTrue(pv.atLeast(21, 2));
        assertFalse(pv.atLeast(23, 3));
    }

    @Test
    void rulesFromTheApiSchemaAndOtherObjects() {
        SecRule rule = assertRoundTrip(q("""
                {'href': '/orgs/1/sec_policy/draft/rule_sets/19/sec_rules/34', 'enabled': true, 'description': null,
                 'providers': [{'label': {'href': '/orgs/1/labels/21'}}, {'virtual_server': {'href': '/orgs/1/vs/1'}},
                               {'kubernetes_workload': {'href': '/orgs/1/kubernetes_workloads/1'}}],
                 'consumers': [{'ip_list': {'href': '/orgs/1/sec_policy/draft/ip_lists/1'}},
                               {'container_workload': {'href': '/orgs/1/container_workloads/1'}}],
                 'ingress_services': [{'port': 80, 'proto': 6}, {'port': 443, 'to_port': 444, 'proto': 6},
                                      {'href': '/orgs/1/sec_policy/draft/services/7'}],
                 'egress_services': [], 'resolve_labels_as': {'providers': ['workloads', 'virtual_services'],
                 'consumers': ['workloads']}, 'sec_connect': false, 'stateless': false, 'machine_auth': false,
                 'consuming_security_principals': [], 'unscoped_consumers': false, 'use_workload_subnets': [],
                 'network_type': 'brn', 'update_type': 'create', 'created_at': '2022-06-23T20:53:57.885Z',
                 'updated_at': '2022-06-23T20:53:57.885Z', 'created_by': {'username': 'a@b.c'},
                 'updated_by': {'username': 'a@b.c'}}"""), SecRule.class, "schema rule");
        assertEquals("virtual_server", rule.providers().get(1).kind());
        assertEquals("kubernetes_workload", rule.providers().get(2).kind());
        assertEquals("container_workload", rule.consumers().get(1).kind());
        assertTrue(rule.ingressServices().get(2).serviceRef());
        assertEquals(444, rule.ingressServices().get(1).toPort());
        assertEquals("a@b.c", rule.createdBy().extra().get("username").asText());
        assertEquals("2022-06-23T20:53:57.885Z", rule.createdAt(), "PCE timestamp unchanged");

        EnforcementBoundary eb = assertRoundTrip(q("""
                {'name': 'EB-BLOCK-RDP', 'providers': [{'actors': 'ams'}],
                 'consumers': [{'ip_list': {'href': '/orgs/1/sec_policy/active/ip_lists/1'}}],
                 'ingress_services': [{'port': 3389, 'proto': 6}, {'port': 3389, 'proto': 17}]}"""),
                EnforcementBoundary.class, "enforcement boundary");
        assertEquals(eb.toJson(), EnforcementBoundary.of("EB-BLOCK-RDP", List.of(Actor.allWorkloads()),
                List.of(Actor.ipList("/orgs/1/sec_policy/active/ip_lists/1")),
                List.of(IngressService.port(3389, 6), IngressService.port(3389, 17))).toJson());

        ContainerCluster cc = assertRoundTrip(q("""
                {'href': '/orgs/1/container_clusters/1', 'name': 'CC', 'description': null, 'pce_fqdn': null,
                 'container_cluster_token': '1_016dace1ab', 'nodes': [{'name': 'n1', 'pod_subnet': null}],
                 'errors': [{'audit_event': {'href': '/orgs/1/events/1'}, 'duplicate_ids': [], 'error_type': 'x'}]}"""),
                ContainerCluster.class, "cluster create response");
        assertEquals("1_016dace1ab", cc.containerClusterToken());

        ContainerWorkloadProfile cwp = assertRoundTrip(q("""
                {'href': '/orgs/1/container_clusters/1/container_workload_profiles/2', 'namespace': 'payments',
                 'labels': [{'key': 'env', 'assignment': {'href': '/orgs/1/labels/3', 'value': 'Prod'}},
                            {'key': 'role', 'restriction': [{'href': '/orgs/1/labels/4', 'value': 'Web'}]}]}"""),
                ContainerWorkloadProfile.class, "profile label rules");
        assertEquals("Prod", cwp.labels().get(0).assignment().value());
        assertEquals("/orgs/1/labels/4", cwp.labels().get(1).restriction().get(0).href());

        TrafficFlow flow = assertRoundTrip(q("""
                {'src': {'ip': '10.0.9.14', 'ip_lists': [{'href': '/orgs/1/sec_policy/active/ip_lists/5', 'name': 'IPL'}]},
                 'dst': {'ip': '10.0.6.63', 'fqdn': 'x.example.com', 'workload': {'href': '/orgs/1/workloads/65',
                  'name': 'WIN', 'hostname': 'win', 'labels': [{'href': '/orgs/1/labels/1', 'key': 'role', 'value': 'R'}]}},
                 'service': {'port': 3389, 'proto': 6, 'process_name': 'svchost.exe', 'windows_service_name': 'TermService',
                  'user_name': 'SYSTEM'}, 'num_connections': 44, 'state': 'closed',
                 'timestamp_range': {'first_detected': '2022-02-19T09:50:17Z', 'last_detected': '2022-02-19T10:12:36Z'},
                 'policy_decision': 'potentially_blocked', 'flow_direction': 'inbound', 'transmission': 'unicast',
                 'dst_bi': 0, 'dst_bo': 0, 'icmp_type': null, 'icmp_code': null,
                 'network': {'href': '/orgs/1/networks/1', 'name': 'Corporate'}}"""), TrafficFlow.class, "flow");
        assertEquals("IPL", flow.src().ipLists().get(0).name());
        assertEquals("x.example.com", flow.dst().fqdn());
        assertEquals("TermService", flow.service().windowsServiceName());
        assertEquals("Corporate", flow.network().name());
    }

    @Test
    void factoriesBuildCreateBodies() {
        assertEquals(tree(q("{'key': 'env', 'value': 'Prod'}")), Label.of("env", "Prod").toJson());
        RuleSet rs = RuleSet.of("RS-X", List.of(List.of(ScopeEntry.label("/orgs/1/labels/1"),
                ScopeEntry.labelGroup("/orgs/1/sec_policy/draft/label_groups/2"))));
        assertEquals(tree(q("""
                {'name': 'RS-X', 'enabled': true, 'scopes': [[{'label': {'href': '/orgs/1/labels/1'}},
                 {'label_group': {'href': '/orgs/1/sec_policy/draft/label_groups/2'}}]]}""")), rs.toJson());
        SecRule rule = SecRule.of(List.of(Actor.label("/orgs/1/labels/1")), List.of(Actor.allWorkloads()),
                List.of(IngressService.port(443, 6)));
        assertEquals(tree(q("""
                {'enabled': true, 'providers': [{'label': {'href': '/orgs/1/labels/1'}}],
                 'consumers': [{'actors': 'ams'}], 'ingress_services': [{'port': 443, 'proto': 6}],
                 'resolve_labels_as': {'providers': ['workloads'], 'consumers': ['workloads']}}""")), rule.toJson());
        assertEquals(tree(q("""
                [{'virtual_service': {'href': '/orgs/1/sec_policy/active/virtual_services/u'},
                  'workload': {'href': '/orgs/1/workloads/w'}, 'port_overrides': [{'port': 80, 'proto': 6, 'new_port': 8080}]}]""")),
                M.valueToTree(List.of(ServiceBinding.of("/orgs/1/sec_policy/active/virtual_services/u",
                        "/orgs/1/workloads/w", List.of(ServiceBinding.PortOverride.of(80, 6, 8080))))));
        Workload w = Workload.unmanaged("db1", List.of(Href.of("/orgs/1/labels/1")),
                List.of(WorkloadInterface.of("eth0", "10.0.0.5")));
        assertEquals(tree(q("""
                {'hostname': 'db1', 'labels': [{'href': '/orgs/1/labels/1'}],
                 'interfaces': [{'name': 'eth0', 'address': '10.0.0.5'}]}""")), w.toJson());
        assertFalse(w.managed());
        assertEquals(tree(q("{'from_ip': '10.0.0.0/8', 'exclusion': false}")), IpRange.of("10.0.0.0/8").toJson());
    }
}
