package dev.gilscope.analyzer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with the JDK's own HTTP and
 * WebSocket clients: no driver binary, no test dependency. Collects every console error, uncaught
 * exception, error log entry and JavaScript dialog of the page as {@link #errors()}. One page; not
 * thread-safe.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final ObjectMapper json = new ObjectMapper();
  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  /**
   * The Chromium binary: {@code -Dgilscope.chromium}, else the first of the usual names on PATH.
   */
  public static Optional<Path> binary() {
    String configured = System.getProperty("gilscope.chromium");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  public HeadlessChromium(Path binary, int width, int height) throws IOException {
    profile = Files.createTempDirectory("gilscope-chromium-");
    process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox", // CI containers run as root
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--no-first-run",
                "--no-default-browser-check",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String browserUrl = devtoolsUrl();
      URI browser = URI.create(browserUrl);
      HttpClient http = HttpClient.newHttpClient();
      String pageUrl = pageWebSocket(http, browser);
      socket =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(pageUrl), new Listener())
              .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      send("Runtime.enable", null);
      send("Log.enable", null);
      send("Page.enable", null);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      close();
      throw new IOException("cannot connect to Chromium's DevTools: " + e, e);
    }
  }

  /** Reads Chromium's stderr until it prints the DevTools address, then drains it. */
  private String devtoolsUrl() throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = err.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = DEVTOOLS_URL.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (err.readLine() != null) {
                      // Chromium's own log lines (dbus, fonts): not the page's errors
                    }
                  } catch (IOException ignored) {
                    // the browser exited
                  }
                },
                "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new IOException("Chromium exited without a DevTools address:\n" + seen);
  }

  private String pageWebSocket(HttpClient http, URI browser) throws IOException {
    URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
    try {
      for (int attempt = 0; attempt < 50; attempt++) {
        String body =
            http.send(
                    HttpRequest.newBuilder(list).GET().build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        for (JsonNode target : json.readTree(body)) {
          if ("page".equals(target.path("type").asText())) {
            return target.path("webSocketDebuggerUrl").asText();
          }
        }
        Thread.sleep(100); // the first tab is still being created
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    throw new IOException("Chromium has no page target at " + list);
  }

  /** Opens {@code file} and returns once its load event fired. */
  public void open(Path file) throws IOException {
    loaded = new CompletableFuture<>();
    ObjectNode params = json.createObjectNode().put("url", file.toUri().toString());
    send("Page.navigate", params);
    await(loaded, "load of " + file);
  }

  /** Evaluates an expression in the page; its value as JSON (null for undefined). */
  public JsonNode eval(String expression) throws IOException {
    ObjectNode params =
        json.createObjectNode()
            .put("expression", expression)
            .put("returnByValue", true)
            .put("awaitPromise", true);
    JsonNode result = send("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IOException("page threw: " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** A real mouse-wheel event at the page's {@code (x, y)} (CSS pixels). */
  public void wheel(double x, double y, double deltaY) throws IOException {
    send(
        "Input.dispatchMouseEvent",
        json.createObjectNode()
            .put("type", "mouseWheel")
            .put("x", x)
            .put("y", y)
            .put("deltaX", 0)
            .put("deltaY", deltaY));
  }

  /** A left-button drag from {@code (x0, y)} to {@code (x1, y)} in a few moves. */
  public void drag(double x0, double x1, double y) throws IOException {
    mouse("mousePressed", x0, y, "left", 1);
    for (int i = 1; i <= 5; i++) {
      mouse("mouseMoved", x0 + (x1 - x0) * i / 5, y, "left", 1);
    }
    mouse("mouseReleased", x1, y, "left", 1);
  }

  private void mouse(String type, double x, double y, String button, int buttons)
      throws IOException {
    send(
        "Input.dispatchMouseEvent",
        json.createObjectNode()
            .put("type", type)
            .put("x", x)
            .put("y", y)
            .put("button", button)
            .put("buttons", buttons)
            .put("clickCount", 1));
  }

  /** Saves a PNG of the page region {@code (x, y, w, h)} in page coordinates. */
  public void screenshot(Path png, double x, double y, double w, double h) throws IOException {
    ObjectNode clip =
        json.createObjectNode()
            .put("x", x)
            .put("y", y)
            .put("width", w)
            .put("height", h)
            .put("scale", 1);
    ObjectNode params = json.createObjectNode().put("format", "png");
    params.set("clip", clip);
    params.put("captureBeyondViewport", true);
    JsonNode result = send("Page.captureScreenshot", params);
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(result.path("data").asText()));
  }

  /** Console errors, uncaught exceptions, error log entries and dialogs seen so far. */
  public List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private JsonNode send(String method, ObjectNode params) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(json.writeValueAsString(message), true);
    JsonNode answer = await(reply, method);
    if (answer.has("error")) {
      throw new IOException(method + " failed: " + answer.path("error"));
    }
    return answer.path("result");
  }

  private static <T> T await(CompletableFuture<T> f, String what) throws IOException {
    try {
      return f.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + what, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("no answer from Chromium for " + what + ": " + e, e);
    }
  }

  private void onMessage(String text) throws IOException {
    JsonNode m = json.readTree(text);
    if (m.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
      if (f != null) {
        f.complete(m);
      }
      return;
    }
    String method = m.path("method").asText();
    JsonNode p = m.path("params");
    switch (method) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
          errors.add("console." + type + ": " + p.path("args"));
        }
      }
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        if (p.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + p.path("entry").path("text").asText());
        }
      }
      case "Page.javascriptDialogOpening" -> {
        errors.add("dialog: " + p.path("message").asText());
        ObjectNode accept = json.createObjectNode().put("accept", true);
        ObjectNode msg =
            json.createObjectNode()
                .put("id", ids.incrementAndGet())
                .put("method", "Page.handleJavaScriptDialog");
        msg.set("params", accept);
        socket.sendText(json.writeValueAsString(msg), true);
      }
      default -> {
        // other events are of no interest
      }
    }
  }

  /** Joins a message's fragments (screenshots arrive in many). */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          onMessage(text);
        } catch (IOException | RuntimeException e) {
          errors.add("unreadable DevTools message: " + e);
        }
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    // Chromium's helper processes (network, GPU) write into the profile after the browser process
    // has exited: wait for them too, or the profile's files vanish under the walk that deletes it
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle helper : helpers) {
        helper.destroy();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // a helper that lingers: the walk below tolerates its files
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary profile left behind, or a file that vanished during the walk, is harmless
    }
  }
}
