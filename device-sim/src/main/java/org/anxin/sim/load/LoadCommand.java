package org.anxin.sim.load;

import java.io.IOException;
import java.util.Map;
import org.anxin.sim.OptionValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code device-sim load …}: runs one {@link LoadRun} and reports it. */
public final class LoadCommand {
    public static final String USAGE = LoadOptions.USAGE;

    private static final Logger log = LoggerFactory.getLogger("device-sim.load");

    private LoadCommand() {}

    /**
     * @return the process exit code: 0, or 1 when fewer than 95 % of the devices connected
     * @throws IllegalArgumentException for options that cannot be run, with a message for the user
     */
    public static int run(Map<String, String> arguments) throws InterruptedException, IOException {
        LoadOptions options = LoadOptions.parse(arguments);
        LoadReport report = new LoadRun(options).run();
        log.info(report.summary());
        if (options.jsonOut() != null) {
            OptionValues.writeJson(options.jsonOut(), report.toJson(), log);
        }
        if (!report.enoughConnected()) {
            log.error(
                    "only {} of {} devices connected (fewer than 95 %); exit status 1",
                    report.connected(), report.devices());
            return 1;
        }
        return 0;
    }
}
