package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.OptionException;
import dev.gilscope.agent.config.Target;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Checks that every {@code monitor=}/{@code lock=} class and field exists, by reading class files
 * from the system class loader's path without loading (and so without initializing) anything. Runs
 * once in premain. Reads the class files with ASM only: Byte Buddy's type pool would load some 360
 * classes of its own first (~0.1 s of the JVM's start).
 */
final class TargetCheck {
  private TargetCheck() {}

  /** Returns whether a target class belongs to the JDK (platform or bootstrap loader). */
  static boolean verify(AgentOptions options) throws OptionException {
    boolean jdkTargets = false;
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    for (Target t : options.targets()) {
      FieldScan scan = FieldScan.of(t.internalName(), t.fieldName());
      if (scan == null) {
        throw new OptionException(t + ": class " + t.className() + " not found on the class path");
      }
      if (t.isField()) {
        verifyField(t, scan);
      }
      if (platform.getResource(t.internalName() + ".class") != null) {
        jdkTargets = true;
      }
    }
    return jdkTargets;
  }

  private static void verifyField(Target t, FieldScan type) throws OptionException {
    StringBuilder names = new StringBuilder();
    for (FieldScan c = type; c != null; c = c.superClass()) {
      if (c.foundDescriptor != null) {
        if (isPrimitive(c.foundDescriptor)) {
          throw new OptionException(t + ": field " + t.fieldName() + " is a primitive");
        }
        return;
      }
      for (String name : c.objectFields) {
        if (names.length() < 200) {
          names.append(names.length() == 0 ? "" : ", ").append(name);
        }
      }
    }
    throw new OptionException(
        t
            + ": class "
            + t.className()
            + " has no field "
            + t.fieldName()
            + (names.length() > 0 ? " (its object fields: " + names + ")" : ""));
  }

  private static boolean isPrimitive(String descriptor) {
    return descriptor.charAt(0) != 'L' && descriptor.charAt(0) != '[';
  }

  /** One class file's super class and fields, up to the wanted field, in declaration order. */
  private static final class FieldScan extends ClassVisitor {
    private final String wanted;
    private final List<String> objectFields = new ArrayList<>();
    private String superName;
    private String foundDescriptor;

    private FieldScan(String wanted) {
      super(Opcodes.ASM9);
      this.wanted = wanted;
    }

    /** The scan of a class file on the system class path, or null if there is none. */
    static FieldScan of(String internalName, String wantedField) throws OptionException {
      try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
        if (in == null) {
          return null;
        }
        FieldScan scan = new FieldScan(wantedField);
        new ClassReader(in)
            .accept(scan, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan;
      } catch (IOException | RuntimeException e) {
        throw new OptionException("cannot read class file " + internalName + ": " + e);
      }
    }

    FieldScan superClass() throws OptionException {
      return superName == null ? null : of(superName, wanted);
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
}
