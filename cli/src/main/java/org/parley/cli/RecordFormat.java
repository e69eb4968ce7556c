package org.parley.cli;

import java.io.PrintWriter;

import org.parley.core.LabelSet;

/** The output formats of {@code stance classify}. */
enum RecordFormat {
    text, jsonl, tsv, csv;

    RecordWriter writer(PrintWriter out, LabelSet labels) {
        return switch (this) {
            case text -> new RecordWriter.Text(out);
            case jsonl -> new RecordWriter.JsonLines(out);
            case tsv -> new RecordWriter.Tsv(out, labels, '\t');
            case csv -> new RecordWriter.Tsv(out, labels, ',');
        };
    }
}
