package org.anxin.platform.alarm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.system.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
class ReportController {
    private final AnswerTimes answerTimes;

    ReportController(AnswerTimes answerTimes) {
        this.answerTimes = answerTimes;
    }

    /**
     * Answer times of alarms raised in [from, to): dates in the city's zone, or instants;
     * {@code type} narrows it to some kinds (e.g. {@code SOS,FALL}).
     */
    @GetMapping("/answer-times")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    AnswerTimes.AnswerTimesReport answerTimes(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String type) {
        List<String> types = type == null || type.isBlank()
                ? List.of()
                : Arrays.stream(type.split(","))
                        .map(t -> t.strip().toUpperCase(Locale.ROOT))
                        .toList();
        for (String t : types) {
            if (!t.matches("[A-Z_]{1,40}")) {
                throw ApiProblem.badRequest("type is a comma-separated list of alarm kinds, e.g. SOS,FALL");
            }
        }
        return answerTimes.report(from, to, types);
    }
}
