package dev.gilscope.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * One class file's super class and fields, up to a wanted field, in declaration order: read with
 * ASM alone, without loading (and so initializing) the class, and without Byte Buddy's type pool,
 * which would load some 360 classes of its own first (~0.1 s of a JVM's start).
 */
final class FieldScan extends ClassVisitor {
  private final String wanted;
  private final ClassLoader loader;
  private final List<String> objectFields = new ArrayList<>();
  private String superName;
  private String foundDescriptor;

  private FieldScan(String wanted, ClassLoader loader) {
    super(Opcodes.ASM9);
    this.wanted = wanted;
    this.loader = loader;
  }

  /** The scan of a class file that {@code loader} finds, or null if it finds none. */
  static FieldScan of(ClassLoader loader, String internalName, String wantedField)
      throws IOException {
    String resource = internalName + ".class";
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(resource)
            : loader.getResourceAsStream(resource)) {
      return in == null ? null : of(loader, in.readAllBytes(), wantedField);
    }
  }

  /** The scan of {@code classfile}; its super classes are looked up through {@code loader}. */
  static FieldScan of(ClassLoader loader, byte[] classfile, String wantedField) {
    FieldScan scan = new FieldScan(wantedField, loader);
    new ClassReader(classfile)
        .accept(scan, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return scan;
  }

  /**
   * Why the class cannot hold the wanted field (missing, or a primitive), or null if it can. A
   * super class whose file cannot be found ends the search (not an error: it may be generated).
   */
  String problem(String className) throws IOException {
    StringBuilder names = new StringBuilder();
    for (FieldScan c = this; c != null; c = c.superClass()) {
      if (c.foundDescriptor != null) {
        return isPrimitive(c.foundDescriptor) ? "field " + wanted + " is a primitive" : null;
      }
      for (String name : c.objectFields) {
        if (names.length() < 200) {
          names.append(names.length() == 0 ? "" : ", ").append(name);
        }
      }
    }
    return "class "
        + className
        + " has no field "
        + wanted
        + (names.length() > 0 ? " (its object fields: " + names + ")" : "");
  }

  private FieldScan superClass() throws IOException {
    return superName == null ? null : of(loader, superName, wanted);
  }

  private static boolean isPrimitive(String descriptor) {
    return descriptor.charAt(0) != 'L' && descriptor.charAt(0) != '[';
  }

  @Override
  public void visit(
      int version, int access, String name, String signature, String superName, String[] ifs) {
    this.superName = superName;
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    if (foundDescriptor == null) {
      if (name.equals(wanted)) {
        foundDescriptor = descriptor;
      } else if (!isPrimitive(descriptor)) {
        objectFields.add(name);
      }
    }
    return null;
  }
}
