package org.anxin.platform.senior;

import java.time.LocalDate;
import java.util.List;

/**
 * What an operator needs about a senior on an alarm: no photo, the health facts, and whom to
 * call in which order. {@code doorNotes} (how to get in) is sensitive: the alarm desk shows it
 * only on an open alarm and audits every view.
 */
public record SeniorRecord(
        Senior senior,
        LocalDate birthDate,
        String healthNotes,
        String medicines,
        String allergies,
        String doorNotes,
        List<Contact> contacts) {

    /** An emergency contact; {@code position} 1 is called first. */
    public record Contact(int position, String name, String relation, String phone) {}
}
