package dev.gilscope.agent.config;

/**
 * One {@code monitor=} or {@code lock=} option: a class, and optionally one of its fields.
 * Immutable.
 */
public final class Target {
  private final String className;
  private final String fieldName;
  private final boolean lock;

  Target(String className, String fieldName, boolean lock) {
    this.className = className;
    this.fieldName = fieldName;
    this.lock = lock;
  }

  static Target parse(String key, String value) throws OptionException {
    boolean lock = key.equals("lock");
    int hash = value.indexOf('#');
    String cls = hash < 0 ? value : value.substring(0, hash);
    String field = hash < 0 ? null : value.substring(hash + 1);
    if (!isQualifiedName(cls)) {
      throw new OptionException(
          key + "=" + value + ": '" + cls + "' is not a fully qualified class name");
    }
    if (field != null && !isIdentifier(field)) {
      throw new OptionException(key + "=" + value + ": '" + field + "' is not a field name");
    }
    if (lock && field == null) {
      throw new OptionException(
          "lock=" + value + ": name the field that holds the lock, e.g. lock=" + cls + "#lock");
    }
    if (!lock && field == null && cls.equals("java.lang.Object")) {
      throw new OptionException(
          "monitor=java.lang.Object would track every object; name a class or a field");
    }
    return new Target(cls, field, lock);
  }

  private static boolean isQualifiedName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (String part : s.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  public String className() {
    return className;
  }

  /** The internal (slash-separated) class name used in bytecode. */
  public String internalName() {
    return className.replace('.', '/');
  }

  /** The field, or null for a class monitor ({@code monitor=C}). */
  public String fieldName() {
    return fieldName;
  }

  public boolean isLock() {
    return lock;
  }

  public boolean isField() {
    return fieldName != null;
  }

  /** The display name used in events, e.g. {@code com.acme.Interp#GIL}. */
  public String displayName() {
    return fieldName == null ? className : className + "#" + fieldName;
  }

  @Override
  public String toString() {
    return (lock ? "lock=" : "monitor=") + displayName();
  }
}
