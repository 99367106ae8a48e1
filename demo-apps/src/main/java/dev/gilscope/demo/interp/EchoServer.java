package dev.gilscope.demo.interp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP echo server: the other end of the I/O-bound threads' real blocking I/O. Runs on
 * its own threads ({@code echo-server} accepts, {@code echo-server-conn-N} echoes), outside any
 * GIL; each request is a fixed-size message sent back after the server's service latency.
 *
 * <p>The latency (default 500 us) stands for the remote end's service time and the network: a real
 * I/O wait, during which the client thread is blocked in {@code read} and uses no CPU. Bare
 * loopback (about 30 us) can be shorter than a thread's wake-up on a busy machine, which would let
 * the I/O thread re-take a dropped GIL before the CPU-bound thread even ran.
 */
public final class EchoServer implements AutoCloseable {
  public static final int MESSAGE_BYTES = 64;

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final long latencyNanos;

  public EchoServer(long latencyNanos) throws IOException {
    this.latencyNanos = latencyNanos;
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "echo-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Opens a client connection with Nagle off, so that each request goes out at once. */
  public Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort());
    socket.setTcpNoDelay(true);
    return socket;
  }

  /** One blocking round trip of a {@link #MESSAGE_BYTES}-byte message on {@code socket}. */
  public static void roundTrip(Socket socket, byte[] message) throws IOException {
    socket.getOutputStream().write(message);
    int read = socket.getInputStream().readNBytes(message, 0, message.length);
    if (read != message.length) {
      throw new IOException("echo server closed the connection");
    }
  }

  private void acceptLoop() {
    int connections = 0;
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        connections++;
        Thread echo = new Thread(() -> echo(socket), "echo-server-conn-" + connections);
        echo.setDaemon(true);
        echo.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void echo(Socket socket) {
    byte[] buffer = new byte[MESSAGE_BYTES];
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      while (in.readNBytes(buffer, 0, buffer.length) == buffer.length) {
        if (latencyNanos > 0) {
          LockSupport.parkNanos(latencyNanos); // the remote service's time, not local CPU work
        }
        out.write(buffer);
      }
    } catch (IOException e) {
      // the client went away: nothing to echo any more
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
