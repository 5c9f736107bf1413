package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.ui.common.export.CsvReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the tuples of a bulk policy check from CSV rows, leniently: a header row is recognised by
 * its names (consumer / source / src / from, provider / destination / dst / to, service / port/proto,
 * or separate port and protocol columns; any case and punctuation), otherwise the columns are taken
 * as consumer, provider, port/protocol with no header.
 */
final class BulkInput {
    /** One tuple as typed, with the line it came from. */
    record Tuple(int line, String consumer, String provider, String service) {
    }

    private static final Set<String> CONSUMER = Set.of("consumer", "consumers", "source", "src", "from", "client",
            "srcip", "sourceip", "srcworkload", "consumerworkload", "consumerip", "sourceworkload");
    private static final Set<String> PROVIDER = Set.of("provider", "providers", "destination", "dest", "dst", "to",
            "server", "target", "dstip", "destinationip", "dstworkload", "providerworkload", "providerip",
            "destinationworkload");
    private static final Set<String> SERVICE = Set.of("service", "portproto", "portprotocol", "protoport",
            "protocolport", "serviceport", "portandprotocol", "services");
    private static final Set<String> PORT = Set.of("port", "dstport", "destinationport", "serviceport");
    private static final Set<String> PROTOCOL = Set.of("protocol", "proto", "ipprotocol");

    private BulkInput() {
    }

    static List<Tuple> tuples(List<CsvReader.Row> rows) {
        List<Tuple> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        CsvReader.Row first = rows.get(0);
        int consumer = find(first, CONSUMER);
        int provider = find(first, PROVIDER);
        int service = find(first, SERVICE);
        int port = find(first, PORT);
        int protocol = find(first, PROTOCOL);
        boolean header = consumer >= 0 && provider >= 0;
        if (!header) {
            consumer = 0;
            provider = 1;
            service = 2;
            port = -1;
            protocol = -1;
        }
        for (CsvReader.Row r : header ? rows.subList(1, rows.size()) : rows) {
            String svc;
            if (service >= 0) {
                svc = r.cell(service);
            } else if (port >= 0 && protocol >= 0) {
                svc = r.cell(port).isEmpty() ? r.cell(protocol) : r.cell(port) + "/" + r.cell(protocol);
            } else {
                svc = port >= 0 ? r.cell(port) : protocol >= 0 ? r.cell(protocol) : "";
            }
            out.add(new Tuple(r.line(), r.cell(consumer), r.cell(provider), svc));
        }
        return out;
    }

    private static int find(CsvReader.Row header, Set<String> names) {
        for (int i = 0; i < header.cells().size(); i++) {
            if (names.contains(normal(header.cell(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String normal(String h) {
        return h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
