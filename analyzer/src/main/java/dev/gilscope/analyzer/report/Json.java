package dev.gilscope.analyzer.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON tree for the report, written exactly as Jackson's {@code ObjectMapper} with {@code
 * INDENT_OUTPUT} writes the same tree (its {@code DefaultPrettyPrinter}: objects one field a line
 * indented by two spaces, {@code "key" : value}, arrays on one line, {@code { }} and {@code [ ]}
 * when empty; doubles as {@link Double#toString}, non-finite ones quoted; control characters
 * escaped, everything else as is). It replaces jackson-databind, whose classes cost a fresh JVM
 * about 0.2 s to load; {@code JsonTest} checks the output against Jackson's. Values: {@code null},
 * String, Boolean, Integer, Long, Double, {@link Obj}, {@link Arr}.
 */
final class Json {
  private static final String NL = System.lineSeparator();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
  }

  static String write(Object value) {
    StringBuilder out = new StringBuilder(4096);
    try {
      write(value, out, 0);
    } catch (IOException e) {
      throw new AssertionError("a StringBuilder does not throw", e);
    }
    return out.toString();
  }

  private static void write(Object value, Appendable out, int depth) throws IOException {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        string(d.toString(), out);
      } else {
        out.append(d.toString());
      }
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      out.append(value.toString());
    } else if (value instanceof Obj o) {
      object(o, out, depth);
    } else if (value instanceof Arr a) {
      array(a, out, depth);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void object(Obj o, Appendable out, int depth) throws IOException {
    if (o.fields.isEmpty()) {
      out.append("{ }");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : o.fields.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(out, depth + 1);
      string(e.getKey(), out);
      out.append(" : ");
      write(e.getValue(), out, depth + 1);
    }
    newline(out, depth);
    out.append('}');
  }

  private static void array(Arr a, Appendable out, int depth) throws IOException {
    if (a.values.isEmpty()) {
      out.append("[ ]");
      return;
    }
    out.append("[ ");
    boolean first = true;
    for (Object v : a.values) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      write(v, out, depth);
    }
    out.append(" ]");
  }

  private static void newline(Appendable out, int depth) throws IOException {
    out.append(NL);
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private static void string(String s, Appendable out) throws IOException {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
