package org.parley.core.archive;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.parley.core.ModelFormatException;
import org.parley.core.json.BoundedJson;
import org.parley.core.json.Safe;

/**
 * Typed, range-checked reads of manifest fields with errors that name the field (and quote a
 * found value only briefly). Immutable and thread-safe.
 */
public final class ManifestFields {

    private static final int SHOWN = 40;

    private final JsonObject node;
    private final String where;

    public ManifestFields(JsonObject node, String where) {
        this.node = node;
        this.where = where;
    }

    /** The fields of {@code element}, which must be a JSON object. */
    public static ManifestFields of(JsonElement element, String where) {
        if (element == null || !element.isJsonObject()) {
            throw new ModelFormatException(where + ": expected a JSON object, found " + BoundedJson.kind(element));
        }
        return new ManifestFields(element.getAsJsonObject(), where);
    }

    /** The object under {@code field}; fails if missing. */
    public ManifestFields object(String field) {
        JsonElement n = node.get(field);
        if (n == null || !n.isJsonObject()) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' is missing or not an object");
        }
        return new ManifestFields(n.getAsJsonObject(), where + " (" + field + ")");
    }

    /** Whether {@code field} is present. */
    public boolean has(String field) {
        return node.has(field);
    }

    /** The array under {@code field} with between {@code min} and {@code max} elements. */
    public JsonArray array(String field, int min, int max) {
        JsonElement n = raw(field);
        if (!n.isJsonArray() || n.getAsJsonArray().size() < min || n.getAsJsonArray().size() > max) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be an array of " + min + " to " + max
                    + " elements, found " + shown(n));
        }
        return n.getAsJsonArray();
    }

    /** The value under {@code field}; fails if missing. */
    public JsonElement raw(String field) {
        JsonElement n = node.get(field);
        if (n == null) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' is missing");
        }
        return n;
    }

    public int integer(String field, int min, int max) {
        JsonElement n = raw(field);
        Long v = longOrNull(n);
        if (v == null || v < min || v > max) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be an integer in [" + min + ", " + max
                    + "], found " + shown(n));
        }
        return v.intValue();
    }

    public long longValue(String field) {
        JsonElement n = raw(field);
        Long v = longOrNull(n);
        if (v == null) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be an integer, found " + shown(n));
        }
        return v;
    }

    public double number(String field, double min, double max) {
        JsonElement n = raw(field);
        Double v = doubleOrNull(n);
        if (v == null || !(v >= min && v <= max)) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be a number in [" + min + ", " + max
                    + "], found " + shown(n));
        }
        return v;
    }

    public String text(String field) {
        JsonElement n = raw(field);
        String s = stringOrNull(n);
        if (s == null) {
            throw new ModelFormatException(where + ": manifest field '" + field + "' must be a string, found " + shown(n));
        }
        return s;
    }

    public String textOr(String field, String dflt) {
        return node.has(field) ? text(field) : dflt;
    }

    /** The string value of a JSON string, else null. */
    public static String stringOrNull(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    /** The value of a JSON number that is an integer within the range of {@code int}, else null. */
    public static Integer intOrNull(JsonElement e) {
        Long v = longOrNull(e);
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /** The value of a JSON number that is an integer within the range of {@code long}, else null. */
    public static Long longOrNull(JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        String s = e.getAsString();
        if (s.length() > 20 || !s.matches("-?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException x) {
            return null;
        }
    }

    /** The value of a finite JSON number, else null. */
    public static Double doubleOrNull(JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        String s = e.getAsString();
        if (s.length() > BoundedJson.MAX_NUMBER_CHARS) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException x) {
            return null;
        }
    }

    private static String shown(JsonElement n) {
        if (n.isJsonPrimitive()) {
            JsonPrimitive p = n.getAsJsonPrimitive();
            return p.isString() ? "\"" + Safe.cap(p.getAsString(), SHOWN) + "\"" : Safe.cap(p.getAsString(), SHOWN);
        }
        return BoundedJson.kind(n);
    }
}
