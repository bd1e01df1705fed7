package io.jixiao.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports. */
public final class Ports {

    private Ports() {
    }

    /** A port free on loopback right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something accepts connections on this loopback port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses to start on a port somebody else already holds, naming it. */
    public static void requireFree(int port, String what) {
        if (listening(port)) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already in use: stop whatever holds it"
                    + " (an earlier run still running?) or choose another port");
        }
    }
}
