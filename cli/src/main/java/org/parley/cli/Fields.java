package org.parley.cli;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Renders fields of CSV and TSV records. Text fields stay on one line (line breaks and other control
 * characters become spaces). A document id must survive as it is, so that {@code --resume} recognises
 * it and two ids never merge: in CSV it is quoted with its line breaks kept (RFC 4180); in TSV,
 * backslash, tab, carriage return and newline are written as {@code \\}, {@code \t}, {@code \r} and
 * {@code \n}.
 */
final class Fields {

    private Fields() {
    }

    /** Tabs, line breaks and other control characters become spaces, so one record stays one line. */
    static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }

    /** A CSV text field: one line, quoted when it holds a comma, a quote or leading/trailing spaces. */
    static String csv(String s) {
        String one = oneLine(s);
        if (!one.isEmpty() && !one.equals(one.strip()) && one.indexOf('"') < 0 && one.indexOf(',') < 0) {
            return '"' + one + '"';
        }
        return StringEscapeUtils.escapeCsv(one);
    }

    /** A TSV text field: one line. */
    static String tsv(String s) {
        return oneLine(s);
    }

    /** A document id as a CSV field, line breaks kept inside quotes. */
    static String csvId(String id) {
        if (!id.isEmpty() && !id.equals(id.strip()) && id.indexOf('"') < 0 && id.indexOf(',') < 0
                && id.indexOf('\n') < 0 && id.indexOf('\r') < 0) {
            return '"' + id + '"';
        }
        return StringEscapeUtils.escapeCsv(id);
    }

    /** A document id as a TSV field, with backslash escapes for backslash, tab, CR and LF. */
    static String tsvId(String id) {
        StringBuilder sb = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The id written by {@link #tsvId}. */
    static String tsvIdValue(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                sb.append(switch (n) {
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
