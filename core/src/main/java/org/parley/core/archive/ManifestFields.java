package org.parley.core.archive;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.parley.core.ModelFormatException;

/** Typed, range-checked reads of manifest fields with errors that name the field. Thread-safe. */
public final class ManifestFields {

    private final JsonNode node;
    private final String where;

    public ManifestFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** The object under {@code field}; fails if missing. */
    public ManifestFields object(String field) {
        JsonNode n = node.get(field);
        if (n == null || !n.isObject()) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' is missing or not an object");
        }
        return new ManifestFields(n, where + " (" + field + ")");
    }

    public JsonNode raw(String field) {
        JsonNode n = node.get(field);
        if (n == null) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' is missing");
        }
        return n;
    }

    public int integer(String field, int min, int max) {
        JsonNode n = raw(field);
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be an integer in [" + min + ", " + max
                    + "], found " + n);
        }
        return n.asInt();
    }

    public long longValue(String field) {
        JsonNode n = raw(field);
        if (!n.isIntegralNumber()) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be an integer, found " + n);
        }
        return n.asLong();
    }

    public double number(String field, double min, double max) {
        JsonNode n = raw(field);
        if (!n.isNumber() || !(n.asDouble() >= min && n.asDouble() <= max)) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be a number in [" + min + ", " + max
                    + "], found " + n);
        }
        return n.asDouble();
    }

    public String text(String field) {
        JsonNode n = raw(field);
        if (!n.isTextual()) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be a string, found " + n);
        }
        return n.asText();
    }

    public String textOr(String field, String dflt) {
        JsonNode n = node.get(field);
        return n == null ? dflt : text(field);
    }
}
