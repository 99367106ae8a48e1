package dev.gilscope.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static final ObjectMapper JACKSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static String jackson(String json) throws Exception {
    return JACKSON.writeValueAsString(JACKSON.readTree(json));
  }

  @Test
  void writesWhatJacksonsPrettyPrinterWrites() throws Exception {
    Json.Obj root = new Json.Obj();
    root.put(
        "text",
        "quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul \u0000"
            + " unit \u001f del \u007f é ü 漢 \uD83D\uDE00");
    root.put("empty", "");
    root.putNull("nothing");
    root.put("long", Long.MIN_VALUE);
    root.put("boxedLong", (Long) null);
    root.put("int", Integer.valueOf(7));
    root.put("yes", true);
    root.put("no", false);
    root.put("half", 0.5);
    root.put("tiny", 1e-7);
    root.put("huge", 1.2345e22);
    root.put("whole", 3.0);
    root.put("negativeZero", -0.0);
    root.put("nan", Double.NaN);
    root.put("infinity", Double.POSITIVE_INFINITY);
    root.put("minusInfinity", Double.NEGATIVE_INFINITY);
    root.putObject("emptyObject");
    root.putArray("emptyArray");
    root.putArray("strings").add("a").add((String) null).add("b");
    Json.Arr objects = root.putArray("objects");
    objects.addObject().put("a", 1L).putObject("inner").put("b", 2L).putArray("c").add("d");
    objects.addObject();
    objects.add(new Json.Obj().put("x", "y"));
    root.putObject("nested").putObject("deeper").put("z", 1.5);
    root.put("replaced", "first");
    root.put("last", "value");
    root.put("replaced", "second");
    String json = Json.write(root);
    assertThat(json).isEqualTo(jackson(json));
    assertThat(json).contains("\"replaced\" : \"second\",");
    assertThat(json).contains("\"nan\" : \"NaN\"");
  }

  @Test
  void emptyObjectAndArray() {
    assertThat(Json.write(new Json.Obj())).isEqualTo("{ }");
    assertThat(Json.write(new Json.Arr())).isEqualTo("[ ]");
  }
}
