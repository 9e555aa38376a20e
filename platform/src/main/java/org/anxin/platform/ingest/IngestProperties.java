package org.anxin.platform.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How many partitions each device event lane has ({@code anxin.event-partitions}), checked at start. */
@Validated
@ConfigurationProperties("anxin")
record IngestProperties(
        @Min(value = 1, message = "ANXIN_EVENT_PARTITIONS must be 1 to 1024")
                @Max(value = 1024, message = "ANXIN_EVENT_PARTITIONS must be 1 to 1024")
                int eventPartitions) {}
