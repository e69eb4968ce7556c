package org.parley.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One stance or speech-act label: an UPPER_SNAKE_CASE name and a human-readable description.
 *
 * <p>Two labels are equal when their names are equal; the description is documentation only.
 * The ten labels of the Parley taxonomy are available as constants; models trained on other label
 * sets carry their own labels in their {@link LabelSet}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name        the label's name, e.g. {@code CONDEMNATION}; letters, digits and underscores
 * @param description what the label means; may be empty, never null
 */
public record Label(String name, String description) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public static final Label CONDEMNATION = new Label("CONDEMNATION",
            "Denounces, condemns, deplores, blames, accuses or rejects an action, actor or policy as wrong, illegal, unjustified or unacceptable.");
    public static final Label TERRITORIAL_INTEGRITY = new Label("TERRITORIAL_INTEGRITY",
            "Affirms a state's sovereignty, territorial integrity, independence, political unity or inviolable borders; rejects annexation or border change by force.");
    public static final Label CALL_FOR_DIALOGUE = new Label("CALL_FOR_DIALOGUE",
            "Urges, proposes, welcomes or commits to talks, negotiations, a meeting of leaders or delegations, diplomacy, a political or negotiated solution.");
    public static final Label CEASEFIRE_CALL = new Label("CEASEFIRE_CALL",
            "Calls for, welcomes or commits to a ceasefire, truce, cessation of hostilities, de-escalation, restraint, withdrawal of forces, or an end to the war or lasting peace.");
    public static final Label MEDIATION_OFFER = new Label("MEDIATION_OFFER",
            "A third party offers, performs or describes its own role as mediator, facilitator, host, guarantor or trusted channel between the parties; or a report of such mediation.");
    public static final Label ACKNOWLEDGES_CONCERNS = new Label("ACKNOWLEDGES_CONCERNS",
            "Recognises or urges understanding of a party's security concerns, interests or grievances; keeps lines of communication open with a party; positions the speaker as balanced between the sides.");
    public static final Label SANCTIONS_PRESSURE = new Label("SANCTIONS_PRESSURE",
            "Imposes, threatens, supports or describes economic or political pressure: sanctions, embargoes, asset freezes, export bans, expulsions, isolation, financial restrictions, companies leaving, or their effects.");
    public static final Label HUMANITARIAN_CONCERN = new Label("HUMANITARIAN_CONCERN",
            "Civilian casualties, refugees, displacement, humanitarian access or corridors, aid, protection of civilians, prisoners, human rights.");
    public static final Label PROGRESS_OPTIMISM = new Label("PROGRESS_OPTIMISM",
            "Asserts or hopes for progress, convergence, rapprochement or a likely agreement; a positive assessment of where talks are heading.");
    public static final Label MILITARY_SUPPORT = new Label("MILITARY_SUPPORT",
            "Pledges, delivers, calls for or defends military aid, weapons, training or defence assistance to a party.");

    /** The ten labels of the Parley taxonomy (v1), in the taxonomy's order. */
    public static final List<Label> STANDARD = List.of(CONDEMNATION, TERRITORIAL_INTEGRITY, CALL_FOR_DIALOGUE,
            CEASEFIRE_CALL, MEDIATION_OFFER, ACKNOWLEDGES_CONCERNS, SANCTIONS_PRESSURE, HUMANITARIAN_CONCERN,
            PROGRESS_OPTIMISM, MILITARY_SUPPORT);

    /**
     * @throws NullPointerException     if name or description is null
     * @throws IllegalArgumentException if the name is not 1-64 letters, digits or underscores starting with a letter
     */
    public Label {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Label name '" + name
                    + "' is invalid: use 1-64 letters, digits or underscores, starting with a letter");
        }
    }

    /** A label with no description. */
    public static Label of(String name) {
        return new Label(name, "");
    }

    /** The standard label with this name, if it is one of the ten. */
    public static java.util.Optional<Label> standard(String name) {
        return STANDARD.stream().filter(l -> l.name.equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
