package org.parley.models.encoder;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.core.Corpus;
import org.parley.core.LabeledSentence;

class EncoderSpeedProbe {
    @Test
    void probe() {
        List<String> texts = Corpus.read(Path.of("corpus")).sentences().stream().map(LabeledSentence::text).limit(400).toList();
        for (EncoderId id : new EncoderId[] {EncoderId.ALL_MINILM_L6_V2_Q, EncoderId.BGE_SMALL_EN_V15_Q, EncoderId.E5_SMALL_V2_Q}) {
            try (OnnxSentenceEncoder enc = new OnnxSentenceEncoder(id, 2)) {
                enc.encode(texts.subList(0, 50));
                long t0 = System.nanoTime();
                enc.encode(texts);
                double batched = texts.size() / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                for (String t : texts) {
                    enc.encode(List.of(t));
                }
                double single = texts.size() / ((System.nanoTime() - t0) / 1e9);
                System.out.printf("%s batched %.1f/s single %.1f/s%n", id.id(), batched, single);
            }
        }
    }
}
