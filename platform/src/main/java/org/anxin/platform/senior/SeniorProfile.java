package org.anxin.platform.senior;

import java.time.LocalDate;
import java.util.List;

/**
 * The whole record of a senior as the desk's senior page edits it. The door-access notes are not
 * in it ({@code doorNotesSet} says whether there are any): reading them is audited, see
 * {@link SeniorProfiles#doorNotes}. {@code medicinesSummary} is the one-line text the alarm desk
 * shows, written from {@code medicines} (or typed at enrolment).
 */
public record SeniorProfile(
        long id,
        String name,
        String phone,
        String idCardLast4,
        String address,
        Double lat,
        Double lon,
        String community,
        LocalDate birthDate,
        LivingSituation livingSituation,
        String healthNotes,
        String chronicConditions,
        String allergies,
        String medicinesSummary,
        List<Medicine> medicines,
        String familyDoctor,
        String clinic,
        String bloodType,
        boolean doorNotesSet,
        List<SeniorRecord.Contact> contacts) {}
