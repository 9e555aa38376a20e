package org.anxin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeviceSimMainTest {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger log = (Logger) LoggerFactory.getLogger("device-sim");

    @BeforeEach
    void listen() {
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(lines);
    }

    @Test
    void loadHelpPrintsTheLoadUsageAndSucceeds() throws Exception {
        assertThat(DeviceSimMain.run(new String[] {"load", "--help"})).isZero();

        assertThat(lines.list).noneMatch(line -> line.getLevel() == Level.ERROR);
        assertThat(lines.list).anyMatch(line -> line.getFormattedMessage().contains("usage: device-sim load"));
    }

    @Test
    void cityHelpPrintsTheCityUsageAndSucceeds() throws Exception {
        assertThat(DeviceSimMain.run(new String[] {"city", "-h"})).isZero();

        assertThat(lines.list).noneMatch(line -> line.getLevel() == Level.ERROR);
        assertThat(lines.list).anyMatch(line -> line.getFormattedMessage().contains("usage: device-sim city"));
    }

    @Test
    void helpAfterOtherOptionsStillPrintsUsage() throws Exception {
        assertThat(DeviceSimMain.run(new String[] {"load", "--devices", "5", "--help"}))
                .isZero();

        assertThat(lines.list).noneMatch(line -> line.getLevel() == Level.ERROR);
    }

    @Test
    void drillHelpPrintsTheDrillUsageAndSucceeds() throws Exception {
        assertThat(DeviceSimMain.run(new String[] {"drill", "--help"})).isZero();

        assertThat(lines.list).noneMatch(line -> line.getLevel() == Level.ERROR);
        assertThat(lines.list).anyMatch(line -> line.getFormattedMessage().contains("usage: device-sim drill"));
    }

    @Test
    void drillRefusesUnknownOptionsAndEventsFasterThanOnePerSecond() throws Exception {
        assertThat(DeviceSimMain.run(new String[] {"drill", "--bogus", "1"})).isEqualTo(2);
        assertThat(DeviceSimMain.run(new String[] {"drill", "--out", "x", "--interval-ms", "500"}))
                .isEqualTo(2);

        assertThat(lines.list)
                .filteredOn(line -> line.getLevel() == Level.ERROR)
                .extracting(line -> line.getFormattedMessage())
                .anyMatch(message -> message.startsWith("unknown option --bogus"))
                .anyMatch(message -> message.contains("--interval-ms must be at least 1000"));
    }

    @Test
    void topLevelHelpSucceeds() throws Exception {
        assertThat(DeviceSimMain.run(new String[] {"--help"})).isZero();
        assertThat(DeviceSimMain.run(new String[] {"help"})).isZero();
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        assertThat(DeviceSimMain.run(new String[] {"load", "--bogus", "1"})).isEqualTo(2);

        assertThat(lines.list).anyMatch(line -> line.getLevel() == Level.ERROR);
    }
}
