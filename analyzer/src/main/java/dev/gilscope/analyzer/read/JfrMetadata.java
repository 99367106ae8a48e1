package dev.gilscope.analyzer.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The type descriptions of one chunk, from its metadata event: every class with its fields in the
 * order the writer serializes them, whether a field is a constant-pool reference or an array, and
 * the unit annotations the readers need ({@code @Timespan}, {@code @Timestamp}, {@code @Unsigned}).
 *
 * <p>The metadata event is {@code [size][typeId 0][start][duration][metadata id]}, a string table
 * ({@code [count][string]...}) and a tree of elements, each {@code [name index][attribute count]
 * [(key index, value index)...][child count][children...]}: {@code root > metadata > class > field
 * > annotation}. Parsed once per chunk on the reading thread; a few hundred small objects.
 */
final class JfrMetadata {
  static final int BOOLEAN = 0;
  static final int BYTE = 1;
  static final int CHAR = 2;
  static final int SHORT = 3;
  static final int INT = 4;
  static final int LONG = 5;
  static final int FLOAT = 6;
  static final int DOUBLE = 7;
  static final int STRING = 8;
  static final int CONSTANT = 9;
  static final int STRUCT = 10;

  /** A class of the metadata: an event type, a constant-pool type or a primitive. */
  static final class Type {
    final long id;
    final String name;
    int kind = STRUCT;
    Field[] fields = new Field[0];
    Values.Skipper skipper; // how to skip a value of the type, made on first use

    Type(long id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  /** A field of a class. */
  static final class Field {
    final String name;
    final long typeId;
    final boolean constantPool;
    final boolean array;
    Type type;
    int kind;
    String timespanUnit;
    String timestampUnit;
    boolean unsigned;
    Values.Skipper skipper; // how to skip the field's value, made on first use

    Field(String name, long typeId, boolean constantPool, boolean array) {
      this.name = name;
      this.typeId = typeId;
      this.constantPool = constantPool;
      this.array = array;
    }
  }

  private final Map<Long, Type> types;

  private JfrMetadata(Map<Long, Type> types) {
    this.types = types;
  }

  Type type(long id) {
    return types.get(id);
  }

  /** Every type; several may share a name (one event class loaded by two class loaders). */
  Iterable<Type> types() {
    return types.values();
  }

  private static final class Element {
    final String name;
    final Map<String, String> attributes = new HashMap<>();
    final List<Element> children = new ArrayList<>();

    Element(String name) {
      this.name = name;
    }

    String attribute(String key) {
      return attributes.get(key);
    }
  }

  /** Parses the metadata event at {@code position} of the chunk. */
  static JfrMetadata read(ChunkInput in, int position) {
    in.position(position);
    in.readLong(); // size
    if (in.readLong() != 0) {
      throw new UnsupportedRecordingException("no metadata event at " + position);
    }
    in.readLong(); // start
    in.readLong(); // duration
    in.readLong(); // metadata id
    int count = in.readInt();
    if (count < 0 || count > in.size()) {
      throw new UnsupportedRecordingException("bad metadata string count " + count);
    }
    String[] strings = new String[count];
    for (int i = 0; i < count; i++) {
      strings[i] = Strings.read(in);
    }
    Element root = element(in, strings, 0);
    Map<Long, Type> types = new HashMap<>();
    List<Element> classes = new ArrayList<>();
    for (Element section : root.children) {
      if (section.name.equals("metadata")) {
        for (Element c : section.children) {
          if (c.name.equals("class")) {
            long id = Long.parseLong(c.attribute("id"));
            types.put(id, new Type(id, c.attribute("name")));
            classes.add(c);
          }
        }
      }
    }
    for (Element c : classes) {
      Type type = types.get(Long.parseLong(c.attribute("id")));
      List<Field> fields = new ArrayList<>();
      for (Element f : c.children) {
        if (f.name.equals("field")) {
          fields.add(field(f, types));
        }
      }
      type.fields = fields.toArray(new Field[0]);
      type.kind = primitiveKind(type.name);
    }
    for (Type t : types.values()) {
      for (Field f : t.fields) {
        f.type = types.get(f.typeId);
        if (f.type == null) {
          throw new UnsupportedRecordingException("field " + f.name + " of undefined type");
        }
        f.kind = f.constantPool ? CONSTANT : f.type.kind;
        if (f.kind == STRUCT && f.type.fields.length == 0) {
          throw new UnsupportedRecordingException("unknown primitive " + f.type.name);
        }
      }
    }
    return new JfrMetadata(types);
  }

  private static Field field(Element f, Map<Long, Type> types) {
    String dimension = f.attribute("dimension");
    if (dimension != null && !dimension.equals("0") && !dimension.equals("1")) {
      throw new UnsupportedRecordingException("array dimension " + dimension);
    }
    Field field =
        new Field(
            f.attribute("name"),
            Long.parseLong(f.attribute("class")),
            "true".equals(f.attribute("constantPool")),
            "1".equals(dimension));
    for (Element a : f.children) {
      if (!a.name.equals("annotation")) {
        continue;
      }
      Type annotation = types.get(Long.parseLong(a.attribute("class")));
      if (annotation == null) {
        continue;
      }
      switch (annotation.name) {
        case "jdk.jfr.Timespan" -> field.timespanUnit = a.attribute("value");
        case "jdk.jfr.Timestamp" -> field.timestampUnit = a.attribute("value");
        case "jdk.jfr.Unsigned" -> field.unsigned = true;
        default -> {}
      }
    }
    return field;
  }

  private static int primitiveKind(String name) {
    return switch (name) {
      case "boolean" -> BOOLEAN;
      case "byte" -> BYTE;
      case "char" -> CHAR;
      case "short" -> SHORT;
      case "int" -> INT;
      case "long" -> LONG;
      case "float" -> FLOAT;
      case "double" -> DOUBLE;
      case "java.lang.String" -> STRING;
      default -> STRUCT;
    };
  }

  private static Element element(ChunkInput in, String[] strings, int depth) {
    if (depth > 64) {
      throw new UnsupportedRecordingException("metadata nested too deep");
    }
    Element e = new Element(string(strings, in.readInt()));
    int attributes = in.readInt();
    for (int i = 0; i < attributes; i++) {
      String key = string(strings, in.readInt());
      e.attributes.put(key, string(strings, in.readInt()));
    }
    int children = in.readInt();
    if (children < 0 || children > in.size()) {
      throw new UnsupportedRecordingException("bad metadata child count " + children);
    }
    for (int i = 0; i < children; i++) {
      e.children.add(element(in, strings, depth + 1));
    }
    return e;
  }

  private static String string(String[] strings, int index) {
    if (index < 0 || index >= strings.length || strings[index] == null) {
      throw new UnsupportedRecordingException("bad metadata string index " + index);
    }
    return strings[index];
  }
}
