package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.data.GenContext.Label;

import java.util.ArrayList;
import java.util.List;

/**
 * Label dimensions, labels, and the app deployments (which app runs in which environment and
 * location, with which tiers) that the workload and rule-set parts build on. Deciding the
 * deployments here, once, keeps workloads and rules consistent: a rule set scoped on ERP | Prod
 * always has ERP | Prod workloads behind it.
 */
final class LabelGenerator {
    /** One app in one environment at one location, with its tiers (role labels). */
    record Deployment(Label app, Label env, Label loc, Label bu, List<Label> roles) {
    }

    private final GenContext ctx;

    LabelGenerator(GenContext ctx) {
        this.ctx = ctx;
    }

    void generate() {
        dimensions();
        boolean large = ctx.large();
        long t = 60;
        t = labels("role", concat(Catalog.ROLES, large ? Catalog.MORE_ROLES : List.of()), t);
        t = labels("app", Catalog.apps(large ? 200 : Catalog.APPS.size()), t);
        t = labels("env", Catalog.ENVS, t);
        t = labels("loc", concat(Catalog.LOCS, large ? Catalog.MORE_LOCS : List.of()), t);
        labels("bu", concat(Catalog.BUS, large ? Catalog.MORE_BUS : List.of()), t);
        deployments();
    }

    private void dimensions() {
        ObjectNode usage = ctx.compact(ctx.f.objectNode().put("labels", true).put("label_groups", true));
        int ordinal = 0;
        for (String[] d : Catalog.DIMENSIONS) {
            ObjectNode n = ctx.f.objectNode();
            n.put("href", ctx.org + "/label_dimensions/" + ctx.state.uuid());
            n.put("key", d[0]);
            n.put("display_name", d[1]);
            n.set("usage", usage);
            n.put("deleted", false);
            n.set("external_data_set", NullNode.instance);
            n.set("external_data_reference", NullNode.instance);
            ObjectNode info = n.putObject("display_info");
            info.put("initial", d[3]);
            info.put("display_name_plural", d[2]);
            info.put("background_color", d[4]);
            info.put("foreground_color", "#ffffff");
            info.put("sort_ordinal", 1_000_000 * ++ordinal);
            n.set("created_at", ctx.tsNode(ordinal));
            n.set("created_by", ctx.user1);
            n.set("updated_at", ctx.tsNode(ordinal));
            n.set("updated_by", ctx.user1);
            n.set("caps", ctx.strings("write"));
            ctx.store("label_dimensions", n);
        }
    }

    private long labels(String key, List<String> values, long t) {
        for (String v : values) {
            long id = ctx.state.nextId("labels");
            String href = ctx.org + "/labels/" + id;
            ObjectNode n = ctx.f.objectNode();
            n.put("href", href);
            n.put("key", key);
            n.put("value", v);
            n.set("created_at", ctx.tsNode(t));
            n.set("updated_at", ctx.tsNode(t));
            n.set("created_by", ctx.user1);
            n.set("updated_by", ctx.user1);
            n.put("deleted", false);
            n.set("external_data_set", NullNode.instance);
            n.set("external_data_reference", NullNode.instance);
            ctx.store("labels", n);
            ctx.addLabel(new Label(href, key, v));
            t += 7;
        }
        return t;
    }

    /**
     * Decides which apps run where. The small org deploys about 30 of its apps (the others are
     * labelled but not yet onboarded, as in a real rollout); the large org deploys all of them.
     * HRM always has a Dev deployment in the US, for the rules-guide example rule set.
     */
    private void deployments() {
        List<Label> apps = ctx.labels("app");
        List<Label> regions = ctx.labels("loc").subList(0, 3);
        List<Label> locs = ctx.labels("loc");
        List<Label> bus = ctx.labels("bu");
        int deployed = ctx.large() ? apps.size() : 30;
        List<Label> order = new ArrayList<>(apps);
        // Keep the named apps that the special rule sets need at the front, then shuffle the rest.
        List<Label> fixed = new ArrayList<>();
        for (String name : List.of("Infrastructure", "HRM", "Payments", "ERP", "CRM", "Billing")) {
            fixed.add(ctx.label("app", name));
        }
        order.removeAll(fixed);
        java.util.Collections.shuffle(order, ctx.rnd);
        fixed.addAll(order);
        for (Label app : fixed.subList(0, Math.min(deployed, fixed.size()))) {
            String name = app.value();
            Label bu = ctx.pick(bus);
            Label loc = name.equals("HRM") ? ctx.label("loc", "US")
                    : ctx.rnd.nextInt(4) == 0 ? ctx.pick(locs) : ctx.pick(regions);
            if (name.equals("Infrastructure")) {
                List<Label> roles = new ArrayList<>();
                for (String r : Catalog.INFRA_ROLES) {
                    roles.add(ctx.label("role", r));
                }
                for (Label region : regions) {
                    ctx.deployments.add(new Deployment(app, ctx.label("env", "Prod"), region, ctx.label("bu", "IT"), roles));
                }
                continue;
            }
            List<Label> roles = tiers(name);
            for (String env : envs(name)) {
                Label envLabel = ctx.label("env", env);
                Label where = env.equals("DR") ? other(regions, loc) : loc;
                List<Label> envRoles = env.equals("Prod") || env.equals("DR") ? roles : roles.subList(0, Math.min(3, roles.size()));
                ctx.deployments.add(new Deployment(app, envLabel, where, bu, envRoles));
            }
        }
    }

    private List<String> envs(String app) {
        List<String> out = new ArrayList<>();
        if (app.equals("HRM") || ctx.rnd.nextInt(10) < 7) {
            out.add("Dev");
        }
        if (ctx.rnd.nextInt(10) < (ctx.large() ? 6 : 3)) {
            out.add("Test");
        }
        if (ctx.large() && ctx.rnd.nextInt(10) < 2) {
            out.add("QA");
        }
        if (ctx.rnd.nextInt(10) < 2) {
            out.add("Staging");
        }
        out.add("Prod");
        if (app.equals("Payments") || ctx.rnd.nextInt(10) < 2) {
            out.add("DR");
        }
        return out;
    }

    /** Web/App/DB (sometimes without Web; HRM, the rules-guide app, always has it) plus up to two optional tiers. */
    private List<Label> tiers(String app) {
        List<Label> roles = new ArrayList<>();
        if (ctx.rnd.nextInt(5) > 0 || app.equals("HRM")) {
            roles.add(ctx.label("role", "Web"));
        }
        roles.add(ctx.label("role", "App"));
        roles.add(ctx.label("role", "DB"));
        int extra = ctx.rnd.nextInt(3);
        for (int i = 0; i < extra; i++) {
            Label r = ctx.label("role", ctx.pick(Catalog.EXTRA_TIERS));
            if (!roles.contains(r)) {
                roles.add(r);
            }
        }
        return roles;
    }

    private Label other(List<Label> regions, Label loc) {
        int i = regions.indexOf(loc);
        return regions.get(i < 0 ? 1 : (i + 1) % regions.size());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
