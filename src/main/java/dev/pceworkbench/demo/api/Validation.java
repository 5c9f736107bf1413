package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.PceApiException;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Input checks shared by the handlers; each failure is the PCE's 406 with a precise message. */
final class Validation {
    /** Fields the PCE manages itself; a client may echo them back on PUT and they are ignored. */
    static final Set<String> SERVER_MANAGED = Set.of("href", "created_at", "updated_at", "deleted_at",
            "created_by", "updated_by", "deleted_by", "update_type", "caps", "deleted");

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private Validation() {
    }

    /**
     * The request body, which must be a JSON object valid for the schema of {@code kind}
     * ({@link Schemas}), without server-managed fields.
     */
    /** A copy of {@code o} without the fields the PCE manages itself. */
    static ObjectNode withoutServerManaged(ObjectNode o) {
        ObjectNode copy = o.deepCopy();
        copy.remove(SERVER_MANAGED);
        return copy;
    }

    static ObjectNode objectBody(ApiRequest req, String kind) {
        return (ObjectNode) Schemas.check(kind, req.body());
    }

    /** The request body checked against the schema of {@code kind}, or an empty object when there is none. */
    static ObjectNode optionalBody(ApiRequest req, String kind) {
        return req.hasBody() ? objectBody(req, kind) : dev.pceworkbench.pce.json.PceJson.mapper().createObjectNode();
    }

    static void require(ObjectNode o, String... fields) {
        for (String f : fields) {
            JsonNode v = o.get(f);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                throw PceApiException.invalid("Required property '" + f + "' is missing");
            }
        }
    }

    static void requireType(ObjectNode o, String field, JsonNodeType type) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        boolean ok = switch (type) {
            case STRING -> v.isTextual();
            case ARRAY -> v.isArray();
            case OBJECT -> v.isObject();
            case BOOLEAN -> v.isBoolean();
            case INTEGER -> v.isIntegralNumber();
        };
        if (!ok) {
            throw PceApiException.invalid("Property '" + field + "' must be " + type.description);
        }
    }

    /** JSON types a property may be required to have. */
    enum JsonNodeType {
        STRING("a string"), ARRAY("an array"), OBJECT("an object"), BOOLEAN("a boolean"), INTEGER("an integer");
        final String description;

        JsonNodeType(String d) {
            this.description = d;
        }
    }

    static void requireTypes(ObjectNode o, Object... fieldTypePairs) {
        for (int i = 0; i < fieldTypePairs.length; i += 2) {
            requireType(o, (String) fieldTypePairs[i], (JsonNodeType) fieldTypePairs[i + 1]);
        }
    }

    /** Accepts an IPv4 or IPv6 address, optionally with a /prefix; no DNS lookups. */
    static boolean isIpOrCidr(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        String addr = s;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            try {
                int prefix = Integer.parseInt(s.substring(slash + 1));
                int max = addr.contains(":") ? 128 : 32;
                if (prefix < 0 || prefix > max) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return isIp(addr);
    }

    static boolean isIp(String addr) {
        if (addr.contains(":")) {
            if (!addr.matches("^[0-9A-Fa-f:.]+$")) {
                return false;
            }
        } else {
            if (!IPV4.matcher(addr).matches()) {
                return false;
            }
            for (String part : addr.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
        }
        try {
            InetAddress.getByName(addr);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static void checkPort(JsonNode port, String what) {
        if (port == null || port.isNull()) {
            return;
        }
        if (!port.isIntegralNumber() || !port.canConvertToInt() || port.asInt() < 0 || port.asInt() > 65535) {
            throw PceApiException.invalid(what + " must be an integer port from 0 to 65535, got " + port);
        }
    }

    /** Properties other than {@code allowed} in {@code o}, for objects the PCE validates strictly. */
    static List<String> unknown(ObjectNode o, Set<String> allowed) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
