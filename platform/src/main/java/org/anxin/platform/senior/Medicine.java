package org.anxin.platform.senior;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/** A medicine the senior takes, with the times of day (city time) it is taken; reminders follow them. */
public record Medicine(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String dose,
        @NotNull @Size(max = 8) List<@NotNull LocalTime> times) {

    /** "氨氯地平 5mg 08:00/20:00": how the alarm desk's record and the audit read it. */
    public String summary() {
        String at = times.stream().sorted().map(LocalTime::toString).collect(Collectors.joining("/"));
        return name.strip()
                + (dose == null || dose.isBlank() ? "" : " " + dose.strip())
                + (at.isEmpty() ? "" : " " + at);
    }
}
