package org.anxin.platform.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import org.anxin.platform.assessment.Assessments;
import org.anxin.platform.assessment.CurrentLevel;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The facts two categories rest on, checked whenever they matter rather than once: 失能/半失能
 * (DISABLED) needs a current capability assessment at {@link EligibilityProperties#disabledMinLevel}
 * or worse, 高龄 (AGED_80) an age of 80 from the birth date, in full years in the city's calendar
 * (the 80th birthday counts from that day, not the day before). An application is refused without
 * them, the approvals check them again, and a held category lapses by itself when they stop holding
 * (a newer assessment at a better level, an expired one, a corrected birth date).
 */
@Component
@EnableConfigurationProperties(EligibilityProperties.class)
class EligibilityEvidence {
    static final String DISABLED = "DISABLED";
    static final String AGED_80 = "AGED_80";
    static final int AGED_YEARS = 80;

    private final SeniorService seniors;
    private final Assessments assessments;
    private final EligibilityProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    EligibilityEvidence(
            SeniorService seniors,
            Assessments assessments,
            EligibilityProperties properties,
            Clock clock,
            ZoneId zone) {
        this.seniors = seniors;
        this.assessments = assessments;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the approval screens show beside an application: the assessment and the age. */
    record Evidence(
            Long assessmentId,
            String level,
            String levelName,
            LocalDate assessedOn,
            LocalDate assessmentDueOn,
            LocalDate birthDate,
            Integer age,
            Boolean meets,
            String detail) {}

    Evidence of(long seniorId, String category) {
        Optional<CurrentLevel> current = assessments.current(seniorId);
        LocalDate birth = seniors.record(seniorId).map(SeniorRecord::birthDate).orElse(null);
        Integer age = birth == null ? null : Period.between(birth, today()).getYears();
        String unmet = unmet(category, current, age);
        return new Evidence(
                current.map(CurrentLevel::assessmentId).orElse(null),
                current.map(c -> c.level().name()).orElse(null),
                current.map(CurrentLevel::levelName).orElse(null),
                current.map(CurrentLevel::assessedOn).orElse(null),
                current.map(CurrentLevel::dueOn).orElse(null),
                birth,
                age,
                needsEvidence(category) ? unmet == null : null,
                unmet);
    }

    /** 409 naming what is missing when the senior does not (or no longer) meet the category. */
    void check(long seniorId, String category) {
        if (!needsEvidence(category)) {
            return;
        }
        String unmet = of(seniorId, category).detail();
        if (unmet != null) {
            throw ApiProblem.conflict("senior " + seniorId + " does not meet " + category + ": " + unmet);
        }
    }

    boolean meets(long seniorId, String category) {
        return !needsEvidence(category) || of(seniorId, category).detail() == null;
    }

    static boolean needsEvidence(String category) {
        return DISABLED.equals(category) || AGED_80.equals(category);
    }

    private String unmet(String category, Optional<CurrentLevel> current, Integer age) {
        if (DISABLED.equals(category)) {
            if (current.isEmpty()) {
                return "no current capability assessment (GB/T 42195-2022); an assessor must assess the senior first";
            }
            if (!current.get().level().atLeast(properties.disabledMinLevel())) {
                return "the current assessment (" + current.get().assessedOn() + ") found "
                        + current.get().level() + " (" + current.get().levelName() + "); the category needs "
                        + properties.disabledMinLevel() + " or worse";
            }
            return null;
        }
        if (AGED_80.equals(category)) {
            if (age == null) {
                return "no birth date on the senior's record";
            }
            if (age < AGED_YEARS) {
                return "aged " + age + " today; the category needs " + AGED_YEARS;
            }
        }
        return null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
