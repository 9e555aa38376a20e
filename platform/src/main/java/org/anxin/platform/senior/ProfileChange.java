package org.anxin.platform.senior;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A change to a senior's record ({@code PUT /api/seniors/{id}}): a field left out (null) stays as
 * it is, an empty text clears it, and {@code medicines} (when given) replaces the whole list.
 * The JSON names of these fields are the names the family allow-list uses.
 */
public record ProfileChange(
        @Size(max = 100) String name,
        @Pattern(regexp = "|\\+?[0-9 -]{5,20}", message = "must be a phone number") String phone,
        @Pattern(regexp = "|[0-9]{3}[0-9Xx]", message = "must be the last four characters of the ID card")
                String idCardLast4,
        @Size(max = 300) String address,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Size(max = 100) String community,
        @Past LocalDate birthDate,
        @Pattern(
                        regexp = "|LIVES_ALONE|EMPTY_NEST|WITH_FAMILY|IN_CARE_HOME",
                        message = "must be LIVES_ALONE, EMPTY_NEST, WITH_FAMILY or IN_CARE_HOME")
                String livingSituation,
        @Size(max = 2000) String healthNotes,
        @Size(max = 1000) String chronicConditions,
        @Size(max = 1000) String allergies,
        @Size(max = 20) List<@Valid Medicine> medicines,
        @Size(max = 100) String familyDoctor,
        @Size(max = 200) String clinic,
        @Pattern(regexp = "|A\\+|A-|B\\+|B-|AB\\+|AB-|O\\+|O-", message = "must be A+, A-, B+, B-, AB+, AB-, O+ or O-")
                String bloodType,
        @Size(max = 1000) String doorNotes) {}
