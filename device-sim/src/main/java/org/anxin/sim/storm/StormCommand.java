package org.anxin.sim.storm;

import java.io.IOException;
import java.util.Map;
import org.anxin.sim.OptionValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code device-sim storm …}: runs one {@link StormRun} and reports it. */
public final class StormCommand {
    public static final String USAGE = StormOptions.USAGE;

    private static final Logger log = LoggerFactory.getLogger("device-sim.storm");

    private StormCommand() {}

    /**
     * @return 0 when an outage was seen and every device came back; 1 otherwise
     * @throws IllegalArgumentException for options that cannot be run, with a message for the user
     */
    public static int run(Map<String, String> arguments) throws InterruptedException, IOException {
        StormOptions options = StormOptions.parse(arguments);
        StormReport report = new StormRun(options).run();
        log.info(report.summary());
        if (options.jsonOut() != null) {
            OptionValues.writeJson(options.jsonOut(), report.toJson(), log);
        }
        if (!report.outageSeen() || report.leftOut() > 0) {
            log.error("{} of {} devices not back", report.leftOut(), options.devices());
            return 1;
        }
        return 0;
    }
}
