package dev.gilscope.analyzer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gilscope.analyzer.testing.Cli;
import dev.gilscope.analyzer.testing.HeadlessChromium;
import dev.gilscope.analyzer.testing.Recordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven over the DevTools
 * protocol. Each demo recording's report must load without a console error, show its threads' lanes
 * and its findings, zoom (wheel, buttons, a finding's link) from the whole recording down to a
 * microsecond and pan by dragging; a thread named like markup must render as text. Screenshots go
 * to {@code target/browser/}. Skipped (with the reason) where no Chromium is installed.
 */
class HtmlTimelineBrowserIT {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path OUT = Path.of("target/browser");
  private static final String XSS = "<img src=x onerror=alert(1)>";

  private static HeadlessChromium browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    var binary = HeadlessChromium.binary();
    assumeTrue(
        binary.isPresent(),
        "no Chromium on PATH (apt-get install chromium, or -Dgilscope.chromium=/path): skipped");
    Files.createDirectories(OUT);
    browser = new HeadlessChromium(binary.get(), 1280, 900);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent-jdk17-old-gil", "agent-jdk17-holds", "agent-jdk17-starvation"})
  void demoReportsDrawTheirTimelineAndZoom(String name) throws IOException {
    Path html = report(FIXTURES.resolve(name + ".jfr"), name);
    int errorsBefore = browser.errors().size();
    browser.open(html.toAbsolutePath());

    JsonNode data = browser.eval("JSON.parse(document.getElementById('gs-data').textContent)");
    List<String> laneNames = new ArrayList<>();
    data.path("timeline").path("lanes").forEach(l -> laneNames.add(l.path("name").asText()));
    assertThat(laneNames).as("lanes in the page's data").hasSizeGreaterThanOrEqualTo(2);
    assertThat(texts(".gs-lane-label[data-lane]")).as("lane labels").hasSize(laneNames.size());
    assertThat(
            browser
                .eval("document.querySelectorAll('.gs-lane-label[data-lane]')[0].title")
                .asText())
        .isEqualTo(laneNames.get(0));
    int findings = data.path("findings").size();
    assertThat(findings).as("findings of the demo").isPositive();
    assertThat(count(".finding[data-finding]")).isEqualTo(findings);
    assertThat(count(".finding button.gs-show")).isEqualTo(findings);
    assertThat(count(".gs-monitor svg polyline")).as("distribution curves").isPositive();
    assertThat(count(".gs-share-bar > div")).as("per-thread share segments").isPositive();
    assertThat(canvas("data-mode")).isEqualTo("aggregate");
    long whole = span();
    scrollTo(".gs-monitor");
    shoot(name + "-monitor.png", ".gs-monitor");
    scrollTo("#gs-timeline");
    shoot(name + "-whole.png", "#gs-timeline");

    // the first finding's link zooms onto its window
    browser.eval("document.querySelector('.finding[data-finding=\"0\"] button.gs-show').click()");
    JsonNode f = data.path("findings").get(0);
    long start = Long.parseLong(canvas("data-view-start"));
    long end = Long.parseLong(canvas("data-view-end"));
    assertThat(start).isLessThanOrEqualTo(f.path("start").asLong());
    assertThat(end).isGreaterThanOrEqualTo(Math.min(whole, f.path("end").asLong()));
    assertThat(end - start).isLessThanOrEqualTo(whole);
    assertThat(count(".finding.gs-selected")).isEqualTo(1);
    shoot(name + "-finding.png", "#gs-timeline");

    // mouse wheel over the plot zooms in until the intervals themselves are drawn
    long before = span();
    JsonNode box = browser.eval(rect(".gs-canvas"));
    double x = box.get(0).asDouble() + box.get(2).asDouble() * 0.5;
    double y = box.get(1).asDouble() + 30;
    for (int i = 0; i < 60 && canvas("data-mode").equals("aggregate"); i++) {
      browser.wheel(x, y, -120);
    }
    assertThat(span()).as("wheel zoomed in").isLessThan(before);
    assertThat(canvas("data-mode")).isEqualTo("detail");
    assertThat(Long.parseLong(canvas("data-drawn-intervals")))
        .as("intervals drawn in the finding's window")
        .isPositive();
    shoot(name + "-detail.png", "#gs-timeline");

    // dragging pans: the same span, later or earlier
    long s0 = Long.parseLong(canvas("data-view-start"));
    long spanBefore = span();
    browser.drag(x, x - 200, y);
    assertThat(Long.parseLong(canvas("data-view-start"))).isNotEqualTo(s0);
    assertThat(span()).isBetween(spanBefore - 2, spanBefore + 2);

    // the zoom button goes down to one microsecond across the plot, then stops
    for (int i = 0; i < 60 && span() > 1_000; i++) {
      click("button[aria-label=\"zoom in\"]");
    }
    assertThat(span()).isBetween(999L, 1_001L);
    click("button[aria-label=\"reset zoom\"]");
    assertThat(span()).isEqualTo(whole);

    assertThat(browser.errors().subList(errorsBefore, browser.errors().size()))
        .as("console errors and exceptions")
        .isEmpty();
  }

  @Test
  void aThreadNamedLikeMarkupRendersAsText() throws Exception {
    Path jfr =
        Recordings.record(
            OUT.resolve("xss.jfr"),
            HtmlTimelineBrowserIT::contendUnderMarkupName,
            "jdk.JavaMonitorEnter");
    Path html = report(jfr, "xss");
    assertThat(Files.readString(html)).doesNotContain(XSS);
    int errorsBefore = browser.errors().size();
    browser.open(html.toAbsolutePath());

    assertThat(texts(".gs-lane-label[data-lane]")).contains(XSS);
    assertThat(count("img")).as("no element made of the thread's name").isZero();
    assertThat(browser.eval("document.body.textContent.includes('" + XSS + "')").asBoolean())
        .isTrue();
    scrollTo("#gs-timeline");
    shoot("xss.png", "#gs-timeline");
    assertThat(browser.errors().subList(errorsBefore, browser.errors().size()))
        .as("console errors, exceptions and dialogs (alert)")
        .isEmpty();
  }

  /** A thread named {@link #XSS} blocks a few times on a monitor another thread holds. */
  private static void contendUnderMarkupName() {
    Object lock = new Object();
    java.util.concurrent.atomic.AtomicInteger entered =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int round = 0; round < 3; round++) {
      CountDownLatch held = new CountDownLatch(1);
      Thread holder =
          new Thread(
              () -> {
                synchronized (lock) {
                  held.countDown();
                  sleep(30);
                }
              },
              "holder");
      Thread blocked =
          new Thread(
              () -> {
                synchronized (lock) {
                  entered.incrementAndGet();
                }
              },
              XSS);
      holder.start();
      try {
        held.await();
        blocked.start();
        holder.join();
        blocked.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path report(Path jfr, String name) throws IOException {
    Path html = OUT.resolve(name + ".html");
    Cli cli = Cli.run("analyze", jfr.toString(), "--format", "html", "--output", html.toString());
    assertThat(cli.exitCode).as(cli.err).isZero();
    System.out.printf("%s: %,d bytes%n", html, Files.size(html));
    return html;
  }

  private static List<String> texts(String selector) throws IOException {
    List<String> out = new ArrayList<>();
    browser
        .eval(
            "Array.from(document.querySelectorAll('"
                + selector
                + "')).map(function (e) { return e.textContent; })")
        .forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int count(String selector) throws IOException {
    return browser.eval("document.querySelectorAll('" + selector + "').length").asInt();
  }

  private static String canvas(String attribute) throws IOException {
    return browser
        .eval("document.querySelector('.gs-canvas').getAttribute('" + attribute + "')")
        .asText();
  }

  private static long span() throws IOException {
    return Long.parseLong(canvas("data-view-end")) - Long.parseLong(canvas("data-view-start"));
  }

  private static void click(String selector) throws IOException {
    browser.eval("document.querySelector('" + selector.replace("'", "\\'") + "').click()");
  }

  private static void scrollTo(String selector) throws IOException {
    browser.eval("document.querySelector('" + selector + "').scrollIntoView()");
  }

  private static String rect(String selector) {
    return "(function () { var r = document.querySelector('"
        + selector
        + "').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()";
  }

  private static void shoot(String file, String selector) throws IOException {
    JsonNode r =
        browser.eval(
            "(function () { var r = document.querySelector('"
                + selector
                + "').getBoundingClientRect(); return [r.left + window.scrollX, r.top +"
                + " window.scrollY, r.width, r.height]; })()");
    browser.screenshot(
        OUT.resolve(file),
        Math.max(0, r.get(0).asDouble() - 8),
        Math.max(0, r.get(1).asDouble() - 8),
        r.get(2).asDouble() + 16,
        r.get(3).asDouble() + 16);
  }
}
