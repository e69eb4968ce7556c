package org.parley.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.parley.encoder.SentenceEncoder;
import org.parley.encoder.TokenStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes sentences once per encoder and keeps the token states on disk (plain floats, keyed by a
 * hash of the encoder and the texts), so that training several heads does not re-run the encoder.
 * The encoder is frozen, so cached states equal fresh ones. Not thread-safe.
 */
public final class EncodingCache {

    private static final Logger LOG = LoggerFactory.getLogger(EncodingCache.class);
    private final Path dir;

    public EncodingCache(Path dir) {
        this.dir = dir;
    }

    public List<TokenStates> encode(SentenceEncoder encoder, List<String> texts) {
        Path file = dir.resolve(encoder.id().id() + "-" + key(encoder, texts) + ".states");
        if (Files.isRegularFile(file)) {
            try {
                return read(file, texts.size());
            } catch (IOException | RuntimeException e) {
                LOG.warn("ignoring unreadable encoding cache {}: {}", file, e.getMessage());
            }
        }
        long t0 = System.nanoTime();
        List<TokenStates> states = encoder.encode(texts);
        LOG.info("encoded {} sentences with {} in {} s", texts.size(), encoder.id().id(), (System.nanoTime() - t0) / 1e9);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "states", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
                out.writeInt(states.size());
                for (TokenStates s : states) {
                    out.writeInt(s.tokens().length);
                    out.writeInt(s.pooled().length);
                    for (float[] t : s.tokens()) {
                        for (float v : t) {
                            out.writeFloat(v);
                        }
                    }
                    for (float v : s.pooled()) {
                        out.writeFloat(v);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not write encoding cache {}: {}", file, e.getMessage());
        }
        return states;
    }

    private static List<TokenStates> read(Path file, int expected) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            int n = in.readInt();
            if (n != expected) {
                throw new IOException("cache holds " + n + " sentences, expected " + expected);
            }
            List<TokenStates> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int tokens = in.readInt();
                int dim = in.readInt();
                if (tokens < 0 || tokens > 4096 || dim < 1 || dim > 4096) {
                    throw new IOException("corrupt cache entry " + i);
                }
                float[][] t = new float[tokens][dim];
                for (float[] row : t) {
                    for (int d = 0; d < dim; d++) {
                        row[d] = in.readFloat();
                    }
                }
                float[] pooled = new float[dim];
                for (int d = 0; d < dim; d++) {
                    pooled[d] = in.readFloat();
                }
                out.add(new TokenStates(t, pooled));
            }
            return out;
        }
    }

    private static String key(SentenceEncoder encoder, List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(encoder.id().id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String t : texts) {
                md.update((byte) 0);
                md.update(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
