package org.parley.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The document benchmark's input: a 30-sentence news-agency article about a fictional ceasefire
 * negotiation, written for Parley (classpath resource {@value #RESOURCE}).
 */
public final class Article {

    public static final String RESOURCE = "org/parley/benchmarks/ceasefire-article.txt";

    private Article() {
    }

    /** The article text. */
    public static String text() {
        try (InputStream in = Article.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
