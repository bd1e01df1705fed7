package io.jixiao.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ports handed out for servers: free, each once, and never where outgoing connections take theirs. */
class PortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeHandedOutOnceAndFree() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port >= Ports.LOWEST && port < Ports.HIGHEST, port + " is outside the ephemeral range");
            ports.add(port);
        }
        assertEquals(50, ports.size(), "no port handed out twice");
        int port = Ports.free();
        try (ServerSocket server = new ServerSocket(port)) {
            assertEquals(port, server.getLocalPort(), "a server can bind it");
        }
    }
}
