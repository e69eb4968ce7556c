package org.parley.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EncoderSmokeTest {

    @Test
    void encodesWithTheShippedEncoder() {
        try (OnnxSentenceEncoder enc = new OnnxSentenceEncoder(EncoderId.E5_SMALL_V2_Q, 2)) {
            assertEquals(384, enc.dimension());
            List<TokenStates> out = enc.encode(List.of("The envoy urged an immediate truce.", "", "Talks resume Monday."));
            assertEquals(3, out.size());
            assertEquals(4, out.get(1).tokens().length, "empty text is [CLS] query : [SEP] (E5 reads a \"query: \" prefix)");
            double norm = 0;
            for (float x : out.get(0).pooled()) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-4);
            // batching and ordering do not change the result
            List<TokenStates> alone = enc.encode(List.of("Talks resume Monday."));
            for (int d = 0; d < 384; d++) {
                assertEquals(alone.get(0).pooled()[d], out.get(2).pooled()[d], 1e-4);
            }
            assertTrue(out.get(0).tokens().length > 5);
        }
    }
}
