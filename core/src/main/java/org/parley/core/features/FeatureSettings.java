package org.parley.core.features;

/**
 * Settings of the hashed n-gram featuriser, stored in every fast-model archive.
 *
 * @param buckets     number of hash buckets (rows of the embedding table)
 * @param wordNgrams  longest word n-gram (1 = unigrams only, 2 = plus bigrams)
 * @param minCharN    shortest character n-gram, 0 to disable character n-grams
 * @param maxCharN    longest character n-gram
 */
public record FeatureSettings(int buckets, int wordNgrams, int minCharN, int maxCharN) {

    public static final FeatureSettings DEFAULT = new FeatureSettings(1 << 15, 2, 3, 5);

    public FeatureSettings {
        if (buckets < 16 || buckets > (1 << 22)) {
            throw new IllegalArgumentException("buckets must be in [16, 4194304], got " + buckets);
        }
        if (wordNgrams < 1 || wordNgrams > 3) {
            throw new IllegalArgumentException("wordNgrams must be 1, 2 or 3, got " + wordNgrams);
        }
        if (minCharN != 0 && (minCharN < 2 || maxCharN < minCharN || maxCharN > 8)) {
            throw new IllegalArgumentException("character n-grams must satisfy 2 <= minCharN <= maxCharN <= 8 (or minCharN = 0), got "
                    + minCharN + ".." + maxCharN);
        }
    }
}
