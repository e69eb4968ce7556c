package org.parley.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered set of labels a model predicts. The order is the order of the model's outputs and of
 * every per-label table Parley prints.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelSet implements Iterable<Label> {

    private static final LabelSet STANDARD = new LabelSet(Label.STANDARD);

    private final List<Label> labels;
    private final Map<String, Integer> index;

    private LabelSet(Collection<Label> labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("A label set needs at least one label");
        }
        this.labels = List.copyOf(labels);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.labels.size(); i++) {
            if (idx.put(this.labels.get(i).name(), i) != null) {
                throw new IllegalArgumentException("Label '" + this.labels.get(i).name() + "' appears twice in the label set");
            }
        }
        this.index = Map.copyOf(idx);
    }

    /** The ten labels of the Parley taxonomy. */
    public static LabelSet standard() {
        return STANDARD;
    }

    /**
     * A label set of these labels, in this order.
     *
     * @throws IllegalArgumentException if empty or a name repeats
     */
    public static LabelSet of(Collection<Label> labels) {
        return new LabelSet(labels);
    }

    /**
     * A label set for these names: standard labels keep their taxonomy descriptions, other names get
     * an empty description.
     */
    public static LabelSet ofNames(Collection<String> names) {
        List<Label> list = new ArrayList<>();
        for (String n : names) {
            list.add(Label.standard(n).orElseGet(() -> Label.of(n)));
        }
        return new LabelSet(list);
    }

    public int size() {
        return labels.size();
    }

    /** The label at output position {@code i}. */
    public Label get(int i) {
        return labels.get(i);
    }

    /** The label with this name, if the set has it. */
    public Optional<Label> find(String name) {
        Integer i = index.get(name);
        return i == null ? Optional.empty() : Optional.of(labels.get(i));
    }

    /** The output position of the label with this name, or -1. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /** The labels in output order (an unmodifiable list). */
    public List<Label> asList() {
        return labels;
    }

    /** The label names in output order. */
    public List<String> names() {
        return labels.stream().map(Label::name).toList();
    }

    @Override
    public Iterator<Label> iterator() {
        return labels.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet other && other.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
