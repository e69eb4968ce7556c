package org.parley.training.baselines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.parley.core.LabelSet;
import org.parley.core.text.TextNormalizer;

/**
 * The keyword baseline: a label applies when the sentence contains one of the cue words the
 * taxonomy lists for it ("typical cues" column of shared/taxonomy.md, with inflections). No
 * training. Immutable and thread-safe.
 */
public final class KeywordLexicon {

    /** Cue patterns per label, from the taxonomy's cue column. */
    static final Map<String, List<String>> CUES = new LinkedHashMap<>();

    static {
        CUES.put("CONDEMNATION", List.of("condemn\\w*", "deplor\\w*", "denounc\\w*", "no way to justify", "unprovoked",
                "violations?", "war crimes?", "accus\\w*"));
        CUES.put("TERRITORIAL_INTEGRITY", List.of("territorial integrity", "sovereign\\w*", "internationally recogni[sz]ed borders",
                "non-recognition"));
        CUES.put("CALL_FOR_DIALOGUE", List.of("talks", "negotiat\\w*", "meetings?", "summits?", "diplomatic solution",
                "return to the table"));
        CUES.put("CEASEFIRE_CALL", List.of("cease-?fires?", "truces?", "halt\\w*", "end (this|the) war", "de-?escalat\\w*",
                "restraint"));
        CUES.put("MEDIATION_OFFER", List.of("mediat\\w*", "facilitat\\w*", "host\\w* (the )?talks", "good offices",
                "trust(ed)? channel", "bring the (two )?sides together", "brokered"));
        CUES.put("ACKNOWLEDGES_CONCERNS", List.of("legitimate concerns?", "understand (their|its|his|her) position",
                "keep\\w* (the )?channels? open", "both sides", "balanced"));
        CUES.put("SANCTIONS_PRESSURE", List.of("sanction\\w*", "embargo\\w*", "freez\\w* (the )?assets", "asset freezes?",
                "restrictions?", "isolat\\w*", "exodus of (foreign )?(firms|companies)"));
        CUES.put("HUMANITARIAN_CONCERN", List.of("civilians?", "refugees?", "fled", "humanitarian corridors?", "aid convoys?",
                "humanitarian"));
        CUES.put("PROGRESS_OPTIMISM", List.of("getting closer", "convergence", "hopeful", "breakthrough",
                "deal is possible"));
        CUES.put("MILITARY_SUPPORT", List.of("weapons? deliver\\w*", "military aid", "air[- ]defen[cs]e systems?",
                "arms packages?"));
    }

    private final LabelSet labels;
    private final Pattern[] patterns;

    public KeywordLexicon(LabelSet labels) {
        this.labels = labels;
        this.patterns = new Pattern[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            List<String> cues = CUES.getOrDefault(labels.get(i).name(), List.of());
            patterns[i] = cues.isEmpty() ? null
                    : Pattern.compile("\\b(" + String.join("|", cues) + ")\\b", Pattern.CASE_INSENSITIVE);
        }
    }

    public LabelSet labels() {
        return labels;
    }

    /** The labels whose cues occur in the sentence. */
    public Set<String> labelsOf(String sentence) {
        String text = TextNormalizer.normalize(sentence).toLowerCase(Locale.ROOT);
        Set<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < patterns.length; i++) {
            if (patterns[i] != null && patterns[i].matcher(text).find()) {
                out.add(labels.get(i).name());
            }
        }
        return out;
    }

    public List<Set<String>> labelsOf(List<String> sentences) {
        List<Set<String>> out = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            out.add(labelsOf(s));
        }
        return out;
    }
}
