package io.reach.podcasts.transcripts;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings computed in this process with all-MiniLM-L6-v2 (384 dimensions; the ONNX
 * model ships inside langchain4j's jar: no network, no GPU). The model is loaded on first use, not
 * at start. A long text is embedded as at most {@value #MAX_PASSAGES} passages of about
 * {@value #PASSAGE_WORDS} words spread evenly over it, averaged and scaled to unit length, so a
 * transcript of any length costs a bounded, predictable time; the same text always gives the same
 * vector.
 */
@Component
public class Embeddings {

    public static final int DIMENSIONS = 384;
    static final int PASSAGE_WORDS = 150;
    static final int MAX_PASSAGES = 24;

    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
    }

    /** The unit-length embedding of a text (its passages' mean for a long one). */
    public float[] of(String text) {
        List<TextSegment> passages =
                passages(text).stream().map(TextSegment::from).toList();
        if (passages.isEmpty()) {
            return new float[DIMENSIONS];
        }
        List<Embedding> embedded = Model.INSTANCE.embedAll(passages).content();
        float[] mean = new float[DIMENSIONS];
        for (Embedding embedding : embedded) {
            float[] vector = embedding.vector();
            for (int i = 0; i < DIMENSIONS; i++) {
                mean[i] += vector[i];
            }
        }
        return unit(mean);
    }

    /** Cosine similarity of two vectors (0 when either is all zeros). */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
    }

    /** The vector scaled to unit length (all zeros stays all zeros). */
    public static float[] unit(float[] vector) {
        double length = 0;
        for (float value : vector) {
            length += (double) value * value;
        }
        float[] unit = vector.clone();
        if (length > 0) {
            double scale = 1 / Math.sqrt(length);
            for (int i = 0; i < unit.length; i++) {
                unit[i] = (float) (unit[i] * scale);
            }
        }
        return unit;
    }

    static List<String> passages(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        int count = (words.length + PASSAGE_WORDS - 1) / PASSAGE_WORDS;
        int taken = Math.min(count, MAX_PASSAGES);
        List<String> passages = new ArrayList<>(taken);
        for (int i = 0; i < taken; i++) {
            int passage = (int) ((long) i * count / taken);
            int from = passage * PASSAGE_WORDS;
            passages.add(String.join(" ", List.of(words).subList(from, Math.min(words.length, from + PASSAGE_WORDS))));
        }
        return passages;
    }
}
