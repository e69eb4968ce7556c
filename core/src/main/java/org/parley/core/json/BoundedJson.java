package org.parley.core.json;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

/**
 * Parses untrusted JSON text within explicit bounds: strict syntax, at most {@value #MAX_DEPTH}
 * levels of nesting and numbers of at most {@value #MAX_NUMBER_CHARS} characters, so that neither
 * a deeply nested value nor a huge number can exhaust the stack or the CPU. Thread-safe (stateless).
 */
public final class BoundedJson {

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;
    /** Longest number literal accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 64;

    private BoundedJson() {
    }

    /**
     * One JSON value.
     *
     * @throws InvalidJsonException if the text is not one valid JSON value within the bounds
     */
    public static JsonElement parse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_DEPTH);
            JsonElement e = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new InvalidJsonException("text after the JSON value");
            }
            checkNumbers(e);
            return e;
        } catch (InvalidJsonException e) {
            throw e;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new InvalidJsonException(describe(e));
        }
    }

    /**
     * One JSON object.
     *
     * @throws InvalidJsonException if the text is not one JSON object within the bounds
     */
    public static JsonObject parseObject(String text) {
        JsonElement e = parse(text);
        if (!e.isJsonObject()) {
            throw new InvalidJsonException("expected a JSON object, found " + kind(e));
        }
        return e.getAsJsonObject();
    }

    /** A short name of a value's type for messages: object, array, string, number, boolean or null. */
    public static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "a string" : p.isNumber() ? "a number" : "a boolean";
    }

    private static void checkNumbers(JsonElement e) {
        if (e.isJsonObject()) {
            for (var entry : e.getAsJsonObject().entrySet()) {
                checkNumbers(entry.getValue());
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (JsonElement x : a) {
                checkNumbers(x);
            }
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                && e.getAsJsonPrimitive().getAsString().length() > MAX_NUMBER_CHARS) {
            throw new InvalidJsonException("a number longer than " + MAX_NUMBER_CHARS + " characters");
        }
    }

    private static String describe(Exception e) {
        Throwable t = e.getCause() != null && e instanceof JsonParseException ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (m.contains("Nesting limit")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        int see = m.indexOf("\nSee ");
        m = see > 0 ? m.substring(0, see) : m;
        // Gson's advice to parse leniently means nothing to a user: keep what and where
        String advice = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept ";
        if (m.startsWith(advice)) {
            m = "malformed JSON " + m.substring(advice.length());
        }
        return Safe.cap(m, 160);
    }

    /** Raised when JSON text is invalid or exceeds a bound; the message never quotes the input at length. */
    public static final class InvalidJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidJsonException(String message) {
            super(message);
        }
    }
}
