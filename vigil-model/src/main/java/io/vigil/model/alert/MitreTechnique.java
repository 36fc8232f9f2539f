package io.vigil.model.alert;

import java.util.Objects;
import java.util.regex.Pattern;

/** A MITRE ATT&CK technique or sub-technique id such as {@code T1558} or {@code T1558.003}. */
public record MitreTechnique(String id, String name) {

    private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    public MitreTechnique {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a MITRE technique id: " + id);
        }
    }

    public static MitreTechnique of(String id, String name) {
        return new MitreTechnique(id, name);
    }

    public boolean isSubTechnique() {
        return id.indexOf('.') > 0;
    }

    /** {@code T1558} for {@code T1558.003}; itself for a technique. */
    public String parentId() {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }
}
