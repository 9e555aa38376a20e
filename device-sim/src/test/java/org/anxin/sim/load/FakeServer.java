package org.anxin.sim.load;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server on plain blocking sockets for the load client's tests: a thread per
 * connection answering one message at a time, problems recorded, everything closed at the end.
 */
abstract class FakeServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    final List<String> problems = new CopyOnWriteArrayList<>();

    FakeServer(String name) throws IOException {
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(name), name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Reads and answers one message; false ends the connection. */
    abstract boolean exchange(DataInputStream in, OutputStream out) throws IOException;

    private void accept(String name) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket), name + "-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (exchange(in, out)) {
                // next message
            }
        } catch (EOFException e) {
            // the client closed
        } catch (IOException e) {
            if (!server.isClosed()) {
                problems.add(e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
