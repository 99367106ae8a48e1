package dev.gilscope.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The report's JSON tree, written with jackson-core's streaming generator and databind's {@code
 * INDENT_OUTPUT} pretty printer, so the output is what {@code ObjectMapper} writes for the same
 * tree ({@code JsonTest} checks it) without loading databind's ~570 classes (~0.2 s of a fresh
 * JVM). Values: {@code null}, String, Boolean, Integer, Long, Double, {@link Obj}, {@link Arr}.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** A JSON object; fields keep their insertion order, a second put replaces in place. */
  static final class Obj {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Obj put(String name, String value) {
      fields.put(name, value);
      return this;
    }

    Obj put(String name, Long value) {
      fields.put(name, value);
      return this;
    }

    Obj put(String name, long value) {
      fields.put(name, value);
      return this;
    }

    Obj put(String name, Integer value) {
      fields.put(name, value);
      return this;
    }

    Obj put(String name, Double value) {
      fields.put(name, value);
      return this;
    }

    Obj put(String name, double value) {
      fields.put(name, value);
      return this;
    }

    Obj put(String name, boolean value) {
      fields.put(name, value);
      return this;
    }

    Obj putNull(String name) {
      fields.put(name, null);
      return this;
    }

    Obj set(String name, Obj value) {
      fields.put(name, value);
      return this;
    }

    Obj putObject(String name) {
      Obj o = new Obj();
      fields.put(name, o);
      return o;
    }

    Arr putArray(String name) {
      Arr a = new Arr();
      fields.put(name, a);
      return a;
    }
  }

  /** A JSON array. */
  static final class Arr {
    private final List<Object> values = new ArrayList<>();

    Arr add(String value) {
      values.add(value);
      return this;
    }

    Arr add(Obj value) {
      values.add(value);
      return this;
    }

    Obj addObject() {
      Obj o = new Obj();
      values.add(o);
      return o;
    }

    /**
     * Adds an object made only when it is written, and dropped right after: a report of 10,000
     * monitors then holds one monitor's tree at a time, not all of them.
     */
    Arr addLater(Supplier<Obj> value) {
      values.add(new Later(value));
      return this;
    }
  }

  /** A value made when written ({@link Arr#addLater}). */
  private record Later(Supplier<Obj> value) {}

  static String write(Object value) {
    StringWriter out = new StringWriter(4096);
    try {
      write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string", e);
    }
    return out.toString();
  }

  /** Writes {@code value} to {@code out} as it goes; {@code out} is flushed, not closed. */
  static void write(Object value, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      // databind's INDENT_OUTPUT printer, with the platform's line separator as databind uses
      g.setPrettyPrinter(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", System.lineSeparator())));
      write(value, g);
    }
  }

  private static void write(Object value, JsonGenerator g) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Double d) {
      g.writeNumber(d); // NaN and infinities quoted, as databind writes them
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Obj o) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : o.fields.entrySet()) {
        g.writeFieldName(e.getKey());
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (value instanceof Later later) {
      write(later.value().get(), g);
    } else if (value instanceof Arr a) {
      g.writeStartArray();
      for (Object v : a.values) {
        write(v, g);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }
}
