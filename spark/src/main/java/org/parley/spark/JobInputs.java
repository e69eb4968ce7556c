package org.parley.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.json.BoundedJson;
import org.parley.core.json.Safe;

import scala.Tuple2;

/**
 * The inputs of {@code stance spark} as one {@code (id string, text string)} Dataset, read by Spark:
 * <ul>
 *   <li>document mode: a {@code .txt} file is one document (id: its file name; in a folder, its path
 *       relative to the folder; read on the executors, UTF-8 with its byte-order mark skipped, invalid
 *       bytes as U+FFFD, up to {@link DocumentAnalyzer#MAX_CHARS} characters) — as {@code classify --document};</li>
 *   <li>sentence mode: each line of a {@code .txt} file is a sentence (id: {@code FILE:LINE});</li>
 *   <li>{@code .csv} (RFC 4180, quoted fields may span lines), {@code .tsv} (no quoting), {@code .jsonl}
 *       and {@code .parquet} files: one row each, the id and text taken from the named columns; without an
 *       id column the id is {@code FILE:ROW}, the row's line for JSONL and CSV/TSV rows on one line.</li>
 * </ul>
 * A row with the wrong number of fields, a line that is not a JSON object, a missing or non-string text
 * fails the job with a {@link MalformedInputException} naming the file and row.
 */
final class JobInputs {

    static final StructType SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("text", DataTypes.StringType, false)});

    private static final String CORRUPT = "_parley_corrupt_record";

    private JobInputs() {
    }

    enum Kind { TXT, CSV, TSV, JSONL, PARQUET }

    static Kind kind(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Kind.CSV;
        }
        if (n.endsWith(".tsv")) {
            return Kind.TSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Kind.JSONL;
        }
        if (n.endsWith(".parquet")) {
            return Kind.PARQUET;
        }
        return Kind.TXT;
    }

    /**
     * All inputs as one (id, text) Dataset. An input is a local path or a URI that Hadoop reads
     * ({@code hdfs://…}, {@code s3a://…}, {@code file:/…}); the files are read by the executors.
     */
    static Dataset<Row> read(SparkSession spark, List<String> inputs, boolean documents, String idCol, String textCol) {
        Map<String, String> txtDocs = new LinkedHashMap<>();   // qualified path of a .txt document -> its id
        List<Dataset<Row>> parts = new ArrayList<>();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String input : inputs) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            try {
                FileSystem fs = p.getFileSystem(conf);
                if (!fs.exists(p)) {
                    throw new JobException(input + ": no such file or folder");
                }
                String location = fs.makeQualified(p).toString();
                String name = p.getName();
                Kind kind = kind(name);
                if (fs.getFileStatus(p).isDirectory() && kind != Kind.PARQUET) {
                    List<org.apache.hadoop.fs.Path> txt = new ArrayList<>();
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
                    while (it.hasNext()) {
                        LocatedFileStatus f = it.next();
                        if (f.isFile() && f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".txt")) {
                            txt.add(f.getPath());
                        }
                    }
                    if (txt.isEmpty()) {
                        throw new JobException(input + ": the folder holds no .txt files");
                    }
                    txt.sort(Comparator.comparing(org.apache.hadoop.fs.Path::toString));
                    String root = fs.makeQualified(p).toUri().getPath();
                    for (org.apache.hadoop.fs.Path f : txt) {
                        String q = fs.makeQualified(f).toString();
                        String id = relativeId(root, fs.makeQualified(f).toUri().getPath());
                        if (documents) {
                            txtDocs.put(q, id);
                        } else {
                            parts.add(lines(spark, q, id));
                        }
                    }
                    continue;
                }
                switch (kind) {
                    case TXT -> {
                        if (documents) {
                            txtDocs.put(location, name);
                        } else {
                            parts.add(lines(spark, location, name));
                        }
                    }
                    case CSV, TSV -> parts.add(table(spark, location, input, name, kind == Kind.CSV, idCol, textCol));
                    case JSONL -> parts.add(jsonLines(spark, location, input, name, idCol, textCol));
                    case PARQUET -> parts.add(parquet(spark, location, input, name, idCol, textCol));
                }
            } catch (IOException e) {
                throw new JobException(input + ": " + e.getMessage());
            }
        }
        Dataset<Row> all = null;
        if (!txtDocs.isEmpty()) {
            Map<String, String> ids = new HashMap<>(txtDocs);
            Dataset<Row> files = spark.read().format("binaryFile").load(txtDocs.keySet().toArray(new String[0]))
                    .select("path", "content");
            all = files.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> readTxt(rows, ids), Encoders.row(SCHEMA));
        }
        for (Dataset<Row> d : parts) {
            all = all == null ? d : all.union(d);
        }
        return all;
    }

    private static String relativeId(String root, String file) {
        String r = root.endsWith("/") ? root : root + "/";
        return file.startsWith(r) ? file.substring(r.length()) : file;
    }

    /** Decodes (path, bytes) rows of .txt files into (id, text) rows. */
    private static Iterator<Row> readTxt(Iterator<Row> rows, Map<String, String> ids) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                String path = r.getString(0);
                String id = ids.get(path);
                if (id == null) {
                    id = path.substring(path.lastIndexOf('/') + 1);
                }
                return RowFactory.create(id, decode(path, (byte[]) r.get(1)));
            }
        };
    }

    /**
     * A .txt document as {@code classify --document} reads it: UTF-8 after its byte-order mark, invalid
     * bytes as U+FFFD, up to {@link DocumentAnalyzer#MAX_CHARS} characters; a UTF-16 or UTF-32 file is
     * malformed input.
     */
    static String decode(String where, byte[] bytes) {
        int n = bytes.length;
        int b0 = n > 0 ? bytes[0] & 0xff : -1;
        int b1 = n > 1 ? bytes[1] & 0xff : -1;
        int b2 = n > 2 ? bytes[2] & 0xff : -1;
        int b3 = n > 3 ? bytes[3] & 0xff : -1;
        boolean utf32 = (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) || (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0);
        boolean utf16 = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
        if (utf32 || utf16) {
            throw new MalformedInputException(where + ": is " + (utf32 ? "UTF-32" : "UTF-16") + " (it starts with that byte-order mark), not UTF-8;"
                    + " convert it first, e.g. iconv -f " + (utf32 ? "UTF-32" : "UTF-16") + " -t UTF-8");
        }
        int skip = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF ? 3 : 0;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes, skip, n - skip), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            char[] buf = new char[(int) Math.min(DocumentAnalyzer.MAX_CHARS, n)];
            int len = 0;
            int k;
            while (len < buf.length && (k = r.read(buf, len, buf.length - len)) > 0) {
                len += k;
            }
            return new String(buf, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": " + e.getMessage(), e);
        }
    }

    /** Sentence mode: each line of a text file, id {@code NAME:LINE}. */
    private static Dataset<Row> lines(SparkSession spark, String location, String name) {
        JavaRDD<Row> rows = lineRdd(spark, location).zipWithIndex().map(t -> {
            String line = t._1();
            if (t._2() == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            return RowFactory.create(name + ":" + (t._2() + 1), line);
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** The lines of a text file, split so that every core of the cluster gets a share of even one file. */
    private static JavaRDD<String> lineRdd(SparkSession spark, String location) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(location, spark.sparkContext().defaultParallelism());
    }

    /** A CSV or TSV file with a header row. */
    private static Dataset<Row> table(SparkSession spark, String file, String where, String fileName, boolean csv,
            String idCol, String textCol) {
        var reader = spark.read().option("header", "true").option("encoding", "UTF-8")
                .option("sep", csv ? "," : "\t").option("multiLine", csv ? "true" : "false")
                .option("nullValue", "\u0000null\u0000");
        if (csv) {
            reader = reader.option("quote", "\"").option("escape", "\"");
        } else {
            reader = reader.option("quote", "");
        }
        StructType header = reader.csv(file).schema();
        List<String> names = new ArrayList<>(Arrays.asList(header.fieldNames()));
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        int textAt = names.indexOf(textCol);
        int idAt = names.indexOf(idCol);
        if (textAt < 0) {
            throw new JobException(where + ":1: no column \"" + textCol + "\" in the header " + names + " (choose it with --text-column)");
        }
        StructType schema = new StructType();
        for (int i = 0; i < names.size(); i++) {
            schema = schema.add("c" + i, DataTypes.StringType, true);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType, true);
        Dataset<Row> raw = reader.schema(schema).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).csv(file);
        int columns = names.size();
        int corruptAt = columns;
        JavaRDD<Row> rows = raw.javaRDD().zipWithIndex().flatMap(t -> {
            Row r = t._1();
            long row = t._2() + 2;   // the header is line 1
            if (!r.isNullAt(corruptAt)) {
                String bad = r.getString(corruptAt);
                if (bad.isBlank()) {
                    return java.util.Collections.emptyIterator();
                }
                throw new MalformedInputException(where + ":" + row + ": expected " + columns + " columns, found a malformed row \""
                        + Safe.cap(DocumentTagging.oneLine(bad), 60) + "\"");
            }
            if (r.isNullAt(textAt)) {
                throw new MalformedInputException(where + ":" + row + ": expected " + columns + " columns, found fewer (no \"" + textCol + "\")");
            }
            String id = idAt >= 0 && !r.isNullAt(idAt) ? r.getString(idAt) : fileName + ":" + row;
            return List.of(RowFactory.create(id, cap(r.getString(textAt)))).iterator();
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** A JSON Lines file: one object per line, blank lines skipped; the id a string or a number. */
    private static Dataset<Row> jsonLines(SparkSession spark, String location, String where, String fileName,
            String idCol, String textCol) {
        JavaRDD<Row> rows = lineRdd(spark, location).zipWithIndex().flatMap(t -> {
            String line = t._1();
            long lineNo = t._2() + 1;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                return java.util.Collections.emptyIterator();
            }
            JsonObject node;
            try {
                node = BoundedJson.parseObject(line);
            } catch (BoundedJson.InvalidJsonException e) {
                throw new MalformedInputException(where + ":" + lineNo + ": not a JSON object (" + e.getMessage() + ")");
            }
            JsonElement text = node.get(textCol);
            if (text == null || !text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
                throw new MalformedInputException(where + ":" + lineNo + ": no string field \"" + textCol + "\" (choose it with --text-column)");
            }
            JsonElement id = node.get(idCol);
            String ident;
            if (id == null || id.isJsonNull()) {
                ident = fileName + ":" + lineNo;
            } else if (id.isJsonPrimitive() && !id.getAsJsonPrimitive().isBoolean()) {
                ident = id.getAsString();
            } else {
                throw new MalformedInputException(where + ":" + lineNo + ": the \"" + idCol + "\" field is " + BoundedJson.kind(id)
                        + "; an id must be a string or a number");
            }
            return List.of(RowFactory.create(ident, cap(text.getAsString()))).iterator();
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** A Parquet file or folder: the text column must be a string; the id column, if any, is cast to a string. */
    private static Dataset<Row> parquet(SparkSession spark, String location, String p, String fileName,
            String idCol, String textCol) {
        Dataset<Row> df = spark.read().parquet(location);
        List<String> names = Arrays.asList(df.schema().fieldNames());
        if (!names.contains(textCol)) {
            throw new JobException(p + ": no column \"" + textCol + "\" in " + names + " (choose it with --text-column)");
        }
        if (!df.schema().apply(textCol).dataType().equals(DataTypes.StringType)) {
            throw new JobException(p + ": the column \"" + textCol + "\" is " + df.schema().apply(textCol).dataType().simpleString()
                    + ", expected string");
        }
        boolean hasId = names.contains(idCol);
        Dataset<Row> sel = hasId
                ? df.select(org.apache.spark.sql.functions.col(idCol).cast("string"), org.apache.spark.sql.functions.col(textCol))
                : df.select(org.apache.spark.sql.functions.col(textCol));
        String where = p;
        JavaRDD<Row> rows = sel.javaRDD().zipWithIndex().map((Tuple2<Row, Long> t) -> {
            Row r = t._1();
            long row = t._2() + 1;
            int textAt = hasId ? 1 : 0;
            if (r.isNullAt(textAt)) {
                throw new MalformedInputException(where + ": row " + row + ": the \"" + textCol + "\" column is null");
            }
            String id = hasId && !r.isNullAt(0) ? r.getString(0) : fileName + ":" + row;
            return RowFactory.create(id, cap(r.getString(textAt)));
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static String cap(String t) {
        if (t.length() > DocumentAnalyzer.MAX_CHARS) {
            int end = DocumentAnalyzer.MAX_CHARS;
            return t.substring(0, Character.isLowSurrogate(t.charAt(end)) ? end - 1 : end);
        }
        return t;
    }
}
