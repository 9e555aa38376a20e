package org.anxin.platform.system;

import org.springframework.context.SmartLifecycle;

/**
 * A component that runs one loop on its own daemon thread while the application runs: started
 * with the context, asked to stop (and waited for, briefly) when it closes.
 */
public abstract class BackgroundLoop implements SmartLifecycle {
    private final String threadName;
    private final long joinMillis;
    private volatile boolean running;
    private Thread thread;

    protected BackgroundLoop(String threadName, long joinMillis) {
        this.threadName = threadName;
        this.joinMillis = joinMillis;
    }

    /** Runs until {@link #running()} turns false. */
    protected abstract void loop();

    protected boolean running() {
        return running;
    }

    /** Ends the loop from inside (e.g. interrupted). */
    protected void halt() {
        running = false;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
