package org.parley.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Sentences written for the benchmarks (not from the corpus, not from any news source). */
final class BenchmarkSentences {

    private BenchmarkSentences() {
    }

    static final List<String> ALL = List.of(
            "Ankara will keep its channels to both capitals open and stands ready to host the leaders.",
            "The ministry condemned the overnight drone strike on a power station as a grave violation of international law.",
            "Delegations are expected to meet again in Geneva next month.",
            "We call on all parties to observe an immediate and unconditional cessation of hostilities.",
            "The bloc agreed a fourteenth package of restrictive measures targeting shipping and banks.",
            "Aid agencies said more than forty thousand people had fled the fighting since Friday, many of them children.",
            "Officials from both sides described the latest round as constructive and said the gaps had narrowed.",
            "The package includes artillery ammunition, armoured vehicles and two additional air-defence systems.",
            "Norway reaffirmed its unwavering support for the country's sovereignty within its internationally recognised borders.",
            "The convoy was delayed by a landslide on the mountain road.",
            "Analysts doubt that either government is ready for serious compromise before the elections.",
            "Qatar, which has mediated between the two sides for months, said a framework was within reach.",
            "\"There can be no military solution,\" the envoy told reporters, urging a return to negotiations.",
            "Sanctions on the central bank were lifted in 2016 under the earlier agreement.",
            "The spokesperson refused to condemn either side and said Beijing understood the legitimate security concerns of all parties.",
            "Heavy rain flooded the refugee camp, and the agency appealed for tents and clean water.");

    /**
     * {@link #ALL}.size() batches of {@code size} sentences, batch {@code i} starting at sentence
     * {@code i} and cycling through the list; benchmarks rotate through them.
     */
    static List<List<String>> batches(int size) {
        List<List<String>> out = new ArrayList<>();
        for (int start = 0; start < ALL.size(); start++) {
            List<String> b = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                b.add(ALL.get((start + j) % ALL.size()));
            }
            out.add(List.copyOf(b));
        }
        return out;
    }
}
