package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.core.document.AttributionScore;
import org.parley.core.document.GoldArticle;
import org.parley.core.document.SegmentationScore;
import org.parley.core.document.SentenceSplitter;
import org.parley.core.document.SpeakerAttributor;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance documents evaluate}: sentence splitting and speaker attribution against hand-labelled articles. */
@Command(name = "documents", mixinStandardHelpOptions = true, description = "Measure document analysis on hand-labelled articles.",
        subcommands = {DocumentsCommand.Evaluate.class})
final class DocumentsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"Score sentence boundaries (precision/recall of sentence starts) and speaker attribution against",
                    "articles with gold files (NAME.txt + NAME.gold.tsv: n, sentence, speaker). Also scores ICU4J's",
                    "sentence iterator alone (default English rules, newlines as breaks) as a baseline."})
    static final class Evaluate implements Callable<Integer> {

        @Parameters(paramLabel = "FOLDER", arity = "1..*", description = "Folders of gold articles, e.g. examples/articles/test.")
        List<Path> folders = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SentenceSplitter splitter = new SentenceSplitter();
            SpeakerAttributor attributor = new SpeakerAttributor();
            SegmentationScore seg = new SegmentationScore(0, 0, 0, 0, 0);
            SegmentationScore icu = new SegmentationScore(0, 0, 0, 0, 0);
            AttributionScore att = new AttributionScore(0, 0, 0, 0, 0, 0);
            int articles = 0;
            for (Path folder : folders) {
                for (GoldArticle g : GoldArticle.readFolder(folder)) {
                    articles++;
                    List<int[]> spans = splitter.split(g.text());
                    seg = seg.plus(SegmentationScore.of(g, spans));
                    icu = icu.plus(SegmentationScore.of(g, icuAlone(g.text())));
                    att = att.plus(AttributionScore.of(g, spans, SpeakerAttributor.texts(g.text(), attributor.attribute(g.text(), spans))));
                }
            }
            out.printf(Locale.ROOT, "%d articles, %d gold sentences, %d with a speaker%n%n", articles, seg.goldSentences(), att.goldWithSpeaker());
            out.println("| sentence splitting | boundary precision | boundary recall | F1 | sentences exactly right |");
            out.println("|---|---|---|---|---|");
            row(out, "Parley (ICU4J + news repairs)", seg);
            row(out, "ICU4J BreakIterator alone", icu);
            out.println();
            out.println("| speaker attribution | precision | recall |");
            out.println("|---|---|---|");
            out.printf(Locale.ROOT, "| exact span text | %.3f | %.3f |%n", att.exactPrecision(), att.exactRecall());
            out.printf(Locale.ROOT, "| partial (same name, shorter or longer span) | %.3f | %.3f |%n", att.partialPrecision(), att.partialRecall());
            out.printf(Locale.ROOT, "| sentences correctly left without a speaker | %d of %d without one in gold |%n",
                    att.bothNone(), att.sentences() - att.goldWithSpeaker());
            out.flush();
            return 0;
        }

        private static void row(PrintWriter out, String name, SegmentationScore s) {
            out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", name, s.precision(), s.recall(), s.f1(), s.exactSentenceShare());
        }

        /** The baseline: ICU4J's English sentence iterator, with line breaks as sentence ends. */
        static List<int[]> icuAlone(String text) {
            List<int[]> out = new ArrayList<>();
            BreakIterator it = BreakIterator.getSentenceInstance(ULocale.ENGLISH);
            int lineStart = 0;
            for (String line : text.split("\n", -1)) {
                it.setText(line);
                int s = it.first();
                for (int e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
                    int a = s;
                    int b = e;
                    while (a < b && Character.isWhitespace(line.charAt(a))) {
                        a++;
                    }
                    while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
                        b--;
                    }
                    if (b > a) {
                        out.add(new int[] {lineStart + a, lineStart + b});
                    }
                }
                lineStart += line.length() + 1;
            }
            return out;
        }
    }
}
