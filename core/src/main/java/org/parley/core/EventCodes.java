package org.parley.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The nearest CAMEO event codes (and PLOVER notes) for a Parley label, for comparing Parley output
 * with CAMEO/PLOVER-coded event data (GDELT, ICEWS, POLECAT). The mapping is approximate: Parley labels
 * sentences by stance, event coders code actor–action–target events, and one label often spans
 * several codes; {@code docs/cameo-crosswalk.md} explains each row and its caveats.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the label name
 * @param cameo CAMEO codes, most typical first; empty when no CAMEO code fits
 * @param plover the nearest PLOVER event type or context
 * @param note  what the mapping does not capture
 */
public record EventCodes(String label, List<String> cameo, String plover, String note) {

    public EventCodes {
        Objects.requireNonNull(label, "label");
        cameo = List.copyOf(cameo);
        Objects.requireNonNull(plover, "plover");
        Objects.requireNonNull(note, "note");
    }

    private static final Map<String, EventCodes> STANDARD = Map.of(
            "CONDEMNATION", new EventCodes("CONDEMNATION", List.of("111", "112"), "DISAPPROVE",
                    "111 criticize or denounce, 112 accuse; Parley also counts rejecting a policy as wrong, which CAMEO codes under 12x (reject)."),
            "TERRITORIAL_INTEGRITY", new EventCodes("TERRITORIAL_INTEGRITY", List.of(), "context: territory",
                    "No CAMEO code affirms sovereignty; PLOVER marks it only as the context 'territory' on other events."),
            "CALL_FOR_DIALOGUE", new EventCodes("CALL_FOR_DIALOGUE", List.of("026", "036", "106"), "CONSULT",
                    "026 appeal to others to meet or negotiate, 036 express intent to meet or negotiate, 106 demand meeting or negotiation."),
            "CEASEFIRE_CALL", new EventCodes("CEASEFIRE_CALL", List.of("0256", "1056"), "AGREE (ceasefire)",
                    "0256 appeal for de-escalation of military engagement, 1056 demand de-escalation; an agreed ceasefire is 0871 in CAMEO."),
            "MEDIATION_OFFER", new EventCodes("MEDIATION_OFFER", List.of("039", "045", "028"), "CONSULT (mediate)",
                    "039 express intent to mediate, 045 mediate, 028 appeal to others to accept mediation; hosting talks is often coded 040-046."),
            "ACKNOWLEDGES_CONCERNS", new EventCodes("ACKNOWLEDGES_CONCERNS", List.of("018"), "COOPERATE (verbal)",
                    "018 make empathetic comment; keeping channels open has no exact code."),
            "SANCTIONS_PRESSURE", new EventCodes("SANCTIONS_PRESSURE", List.of("163", "1312"), "SANCTION",
                    "163 impose embargo, boycott or sanctions, 1312 threaten sanctions; expulsions (164) and aid cuts (16x) also fall here."),
            "HUMANITARIAN_CONCERN", new EventCodes("HUMANITARIAN_CONCERN", List.of("0233", "073"), "AID (humanitarian)",
                    "0233 appeal for humanitarian aid, 073 provide humanitarian aid; concern for civilians without an appeal has no code."),
            "PROGRESS_OPTIMISM", new EventCodes("PROGRESS_OPTIMISM", List.of("013"), "COOPERATE (verbal)",
                    "013 make optimistic comment; a reported agreement is 057 (sign formal agreement) or 08x in CAMEO."),
            "MILITARY_SUPPORT", new EventCodes("MILITARY_SUPPORT", List.of("072", "0332", "062"), "AID (military)",
                    "072 provide military aid, 0332 express intent to provide military aid, 062 cooperate militarily."));

    /** The crosswalk entry for a standard Parley label; empty for labels of other label sets. */
    public static Optional<EventCodes> of(Label label) {
        return Optional.ofNullable(STANDARD.get(Objects.requireNonNull(label, "label").name()));
    }

    /** The CAMEO codes of a label joined by {@code sep}; empty for labels without codes. */
    public static String cameoCodes(Label label, String sep) {
        return of(label).map(c -> String.join(sep, c.cameo())).orElse("");
    }
}
