package org.anxin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when Netty's leak detector (paranoid in this build) reports a buffer that was
 * never released. Leaks are found when the garbage collector finds a lost buffer and reported on
 * the next allocation, so after each test this collects garbage and allocates a little.
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> reports = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        reports.list.clear();
        reports.start();
        ((Logger) LoggerFactory.getLogger(ResourceLeakDetector.class)).addAppender(reports);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
            }
        }
        ((Logger) LoggerFactory.getLogger(ResourceLeakDetector.class)).detachAppender(reports);
        assertThat(reports.list).as("Netty leak reports").noneMatch(event -> event.getFormattedMessage()
                .contains("LEAK"));
    }
}
