package org.parley.core.features;

import org.parley.core.text.IntBuffer;

import java.util.List;

import org.parley.core.text.TextNormalizer;
import org.parley.core.text.Tokenizer;

/**
 * Turns a sentence into hashed feature ids, fastText style: word unigrams, word n-grams up to
 * {@link FeatureSettings#wordNgrams()}, and character n-grams of each word wrapped in {@code < >}.
 * Ids are FNV-1a hashes modulo the bucket count, so they are stable across JVMs and platforms.
 * Thread-safe (immutable).
 */
public final class HashedFeaturizer {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final FeatureSettings settings;

    public HashedFeaturizer(FeatureSettings settings) {
        this.settings = settings;
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** Feature ids of a raw sentence; empty for text with no tokens. */
    public int[] features(String rawText) {
        return featuresOfTokens(Tokenizer.tokenize(TextNormalizer.normalize(rawText)));
    }

    /** Feature ids of already tokenised text. */
    public int[] featuresOfTokens(List<String> tokens) {
        IntBuffer out = new IntBuffer(tokens.size() * 8 + 4);
        collect(tokens, out, null);
        return out.toArray();
    }

    /**
     * The features of tokenised text, in the order of {@link #featuresOfTokens}, with the tokens each
     * one covers: feature {@code f} is made from tokens {@code [first[f], first[f] + count[f])} (a word
     * n-gram covers n tokens, a unigram or a character n-gram its one token).
     */
    public Covered featuresWithCoverage(List<String> tokens) {
        IntBuffer out = new IntBuffer(tokens.size() * 8 + 4);
        IntBuffer cover = new IntBuffer(tokens.size() * 8 + 4);
        collect(tokens, out, cover);
        int[] packed = cover.toArray();
        int[] first = new int[packed.length];
        int[] count = new int[packed.length];
        for (int f = 0; f < packed.length; f++) {
            first[f] = packed[f] >>> 2;
            count[f] = packed[f] & 3;
        }
        return new Covered(out.toArray(), first, count);
    }

    /** Feature ids and the token range each covers (see {@link #featuresWithCoverage}). */
    public record Covered(int[] ids, int[] first, int[] count) {
    }

    private void collect(List<String> tokens, IntBuffer out, IntBuffer cover) {
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            long h = mix(FNV_OFFSET, 'w');
            h = hash(h, tok);
            out.add(bucket(h));
            if (cover != null) {
                cover.add(i << 2 | 1);
            }
            long ng = h;
            for (int n = 2; n <= settings.wordNgrams() && i + n - 1 < tokens.size(); n++) {
                ng = mix(ng, ' ');
                ng = hash(ng, tokens.get(i + n - 1));
                out.add(bucket(mix(ng, (char) ('0' + n))));
                if (cover != null) {
                    cover.add(i << 2 | n);
                }
            }
            if (settings.minCharN() > 0) {
                int before = out.size();
                addCharNgrams(tok, out);
                for (int k = before; cover != null && k < out.size(); k++) {
                    cover.add(i << 2 | 1);
                }
            }
        }
    }

    private void addCharNgrams(String tok, IntBuffer out) {
        String w = "<" + tok + ">";
        int len = w.length();
        for (int start = 0; start < len; start++) {
            long h = mix(FNV_OFFSET, 'c');
            for (int end = start; end < len && end - start < settings.maxCharN(); end++) {
                h = mix(h, w.charAt(end));
                int n = end - start + 1;
                if (n >= settings.minCharN() && !(n == len)) {
                    out.add(bucket(h));
                }
            }
        }
    }

    private int bucket(long h) {
        int buckets = settings.buckets();
        // the same value as the unsigned remainder when the count is a power of two, without a division
        return (buckets & (buckets - 1)) == 0 ? (int) (h & (buckets - 1)) : (int) Long.remainderUnsigned(h, buckets);
    }

    private static long hash(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return h;
    }

    private static long mix(long h, char c) {
        h ^= c & 0xff;
        h *= FNV_PRIME;
        h ^= c >>> 8;
        h *= FNV_PRIME;
        return h;
    }
}
