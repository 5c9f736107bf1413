package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A custom iptables rule of a rule set, {@code .../rule_sets/<id>/ip_tables_rules/<id>}: raw
 * {@code statements} (table, chain, parameters) applied to the workloads of its {@code actors},
 * for {@code ip_version} {@code "4"} or {@code "6"} (a string in the PCE's JSON).
 */
@PceRecord
public record IpTablesRule(
        @JsonProperty("href") String href,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("description") String description,
        @JsonProperty("statements") List<Statement> statements,
        @JsonProperty("actors") List<Actor> actors,
        @JsonProperty("ip_version") String ipVersion,
        @Extra Map<String, JsonNode> extra) implements PceResource<IpTablesRule> {

    public IpTablesRule {
        statements = Extras.list(statements);
        actors = Extras.list(actors);
        extra = Extras.copy(extra);
    }

    /** One iptables statement, e.g. table {@code filter}, chain {@code INPUT}, {@code -p tcp --dport 22 -j ACCEPT}. */
    @PceRecord
    public record Statement(
            @JsonProperty("table_name") String tableName,
            @JsonProperty("chain_name") String chainName,
            @JsonProperty("parameters") String parameters,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Statement> {

        public Statement {
            extra = Extras.copy(extra);
        }

        @Override
        public Statement withExtra(Map<String, JsonNode> extra) {
            return new Statement(tableName, chainName, parameters, extra);
        }
    }

    public IpTablesRule withEnabled(Boolean enabled) {
        return new IpTablesRule(href, enabled, description, statements, actors, ipVersion, extra);
    }

    public IpTablesRule withDescription(String description) {
        return new IpTablesRule(href, enabled, description, statements, actors, ipVersion, extra);
    }

    public IpTablesRule withStatements(List<Statement> statements) {
        return new IpTablesRule(href, enabled, description, statements, actors, ipVersion, extra);
    }

    public IpTablesRule withActors(List<Actor> actors) {
        return new IpTablesRule(href, enabled, description, statements, actors, ipVersion, extra);
    }

    @Override
    public IpTablesRule withExtra(Map<String, JsonNode> extra) {
        return new IpTablesRule(href, enabled, description, statements, actors, ipVersion, extra);
    }
}
