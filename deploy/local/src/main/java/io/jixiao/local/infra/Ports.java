package io.jixiao.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports. */
public final class Ports {

    private Ports() {
    }

    /**
     * Below the range the system takes the local ports of outgoing connections from (Linux: 32768–60999). A port
     * handed out there can be taken by a connection to Kafka or PostgreSQL before its server binds it ("port in
     * use"); here only servers that choose their port bind.
     */
    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_000;
    /** Each port is handed out once per JVM: two servers started side by side never get the same one. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A port free right now, that no other caller in this JVM was given, outside the ephemeral range. */
    public static int free() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                if (HANDED_OUT.add(port)) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                // taken: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
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
