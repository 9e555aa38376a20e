package org.anxin.platform.senior;

import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code anxin.senior}: which fields of a senior's record a FAMILY user may change themselves
 * ({@code ANXIN_FAMILY_EDITABLE}, the JSON names of {@link ProfileChange}); the desk changes all.
 * Contacts are not in the list: the family always keeps their own contacts and call order.
 */
@Validated
@ConfigurationProperties("anxin.senior")
public record FamilyEditable(@NotNull Set<String> familyEditable) {

    /** The fields of {@link ProfileChange}, the only names the list may hold. */
    static final Set<String> FIELDS = Set.of(
            "name",
            "phone",
            "idCardLast4",
            "address",
            "lat",
            "lon",
            "community",
            "birthDate",
            "livingSituation",
            "healthNotes",
            "chronicConditions",
            "allergies",
            "medicines",
            "familyDoctor",
            "clinic",
            "bloodType",
            "doorNotes");

    public FamilyEditable {
        familyEditable = familyEditable.stream()
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (String field : familyEditable) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        "ANXIN_FAMILY_EDITABLE: '" + field + "' is not a field of a senior's record " + FIELDS);
            }
        }
    }
}
