package dev.gilscope.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's page: self-contained, names escaped; the browser test drives the script. */
class HtmlTimelineTest {
  private static final Path OLD_GIL =
      Path.of("src/test/resources/fixtures/agent-jdk17-old-gil.jfr");

  @Test
  void thePageIsSelfContainedAndCarriesTheTimeline(@TempDir Path dir) throws IOException {
    Path html = dir.resolve("r.html");
    Cli cli =
        Cli.run("analyze", OLD_GIL.toString(), "--format", "html", "--output", html.toString());
    assertThat(cli.exitCode).as(cli.err).isZero();
    String page = Files.readString(html);

    assertThat(page).contains("<div id=\"gs-timeline\"></div>");
    assertThat(page).contains("<script type=\"application/json\" id=\"gs-data\">");
    assertThat(page).contains("\"lanes\":[{\"name\":\"interp-");
    assertThat(page).contains("<div class=\"finding CRITICAL\" data-finding=\"0\">");
    // no network: nothing loaded from elsewhere
    assertThat(page)
        .doesNotContainPattern(
            "(?i)<script[^>]+src=|<link[^>]+href=|https?://(?!www\\.w3\\.org/2000/svg)");
    // the JSON cannot close its script element: one </script> per script element
    assertThat(page.split("</script>", -1)).hasSize(3);
  }

  @Test
  void theTextAndJsonReportsCollectNoTimeline(@TempDir Path dir) {
    Cli cli = Cli.run("analyze", OLD_GIL.toString(), "--format", "json");
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out).doesNotContain("gs-timeline").doesNotContain("intervals");
  }

  @Test
  void markupInNamesIsEscapedInTheJsonItself() {
    // jackson's escapes plus <, > and &: what the page's data element may hold
    String json =
        HtmlTimeline.data(
            new dev.gilscope.analyzer.model.AnalysisResult(
                new dev.gilscope.analyzer.model.RecordingInfo(
                    "x",
                    0,
                    1,
                    0,
                    1,
                    1,
                    null,
                    null,
                    java.util.Set.of(),
                    java.util.List.of(),
                    java.util.Map.of(),
                    java.util.Map.of()),
                java.util.List.of(),
                java.util.List.of(
                    new dev.gilscope.analyzer.model.Finding(
                        dev.gilscope.analyzer.model.FindingKind.CONVOY,
                        "</script><img src=x onerror=alert(1)>&amp;",
                        dev.gilscope.analyzer.model.Severity.INFO,
                        java.util.List.of(),
                        java.util.List.of(),
                        java.util.List.of(),
                        0,
                        1,
                        java.util.Map.of(),
                        "s",
                        "a")),
                java.util.List.of()),
            java.util.List.of(),
            null);
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(json)
        .contains("\\u003C/script\\u003E\\u003Cimg src=x onerror=alert(1)\\u003E\\u0026amp;");
  }
}
