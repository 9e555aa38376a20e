package org.anxin.sim.city;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.function.Consumer;

/**
 * What the TCP devices (watches, GT06 trackers) share: one socket, a reader thread that hears the
 * platform's replies and commands, and reconnecting after a lost connection, as the devices'
 * firmware does (here every 15 s).
 */
abstract class TcpDevice implements CityDevice {
    private static final long RECONNECT_MILLIS = 15_000;

    private final String id;
    private final String host;
    private final int port;
    protected final Wearer wearer;
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile long lastAttempt;
    protected volatile Counters counters = new Counters();
    protected long secondsAlive;

    TcpDevice(String id, String address, Wearer wearer) {
        URI uri = URI.create(address);
        this.id = id;
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.wearer = wearer;
        if (host == null || port < 0) {
            throw new IllegalArgumentException("expected tcp://host:port, not " + address);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    /** What the device sends first on a new connection (a login, a heartbeat). */
    protected abstract void hello() throws IOException;

    /** Bytes from the platform. */
    protected abstract void received(byte[] bytes, int length) throws IOException;

    @Override
    public void connect(Runnable onConnected, Consumer<Throwable> onFailure) {
        lastAttempt = System.currentTimeMillis();
        Thread thread = new Thread(
                () -> {
                    boolean established = false;
                    try {
                        Socket s = new Socket();
                        s.connect(new InetSocketAddress(host, port), 5_000);
                        s.setTcpNoDelay(true);
                        socket = s;
                        out = s.getOutputStream();
                        connected = true;
                        established = true;
                        hello();
                        onConnected.run();
                        read(s.getInputStream());
                    } catch (IOException | RuntimeException e) {
                        if (!established && !closed) {
                            onFailure.accept(e);
                        }
                    } finally {
                        drop();
                    }
                },
                "device-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void read(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        int n;
        while (!closed && (n = in.read(buffer)) >= 0) {
            received(buffer, n);
        }
    }

    /** Sends one frame; a failed write drops the connection (the device reconnects later). */
    protected synchronized boolean write(byte[] frame) {
        OutputStream o = out;
        if (!connected || o == null) {
            return false;
        }
        try {
            o.write(frame);
            o.flush();
            counters.sent.incrementAndGet();
            return true;
        } catch (IOException e) {
            counters.errors.incrementAndGet();
            drop();
            return false;
        }
    }

    /** Reconnects a lost connection now and then, as device firmware does. */
    protected void keepConnected(Counters counters) {
        this.counters = counters;
        if (!connected && !closed && System.currentTimeMillis() - lastAttempt > RECONNECT_MILLIS) {
            connect(() -> {}, cause -> counters.errors.incrementAndGet());
        }
    }

    private void drop() {
        connected = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        drop();
    }
}
