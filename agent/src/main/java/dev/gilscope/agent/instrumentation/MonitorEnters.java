package dev.gilscope.agent.instrumentation;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * A first pass over a class, for the token locals of its monitor sites ({@link SiteRewriter}):
 * which methods have a {@code monitorenter} (or are synchronized), how many, and their {@code
 * max_locals}, where the tokens go. The rewrite itself is one pass that writes each instruction as
 * it reads it, so it has to know before a method's first instruction where the method's free locals
 * begin.
 */
final class MonitorEnters extends ClassVisitor {
  /**
   * Per method (name + descriptor): {max_locals, monitorenters}; only methods with one, or
   * synchronized.
   */
  private final Map<String, int[]> methods = new HashMap<>();

  private MonitorEnters() {
    super(OpenedClassReader.ASM_API);
  }

  /**
   * Scans {@code reader}'s class, or, unless its synchronized methods are to be wrapped, returns an
   * empty result at once when no byte of the class file is a {@code monitorenter} opcode (most
   * classes: the byte is rare outside code).
   */
  static MonitorEnters of(ClassReader reader, byte[] classfile, boolean wrapSynchronized) {
    MonitorEnters scan = new MonitorEnters();
    if (wrapSynchronized || mayHaveMonitorEnter(classfile)) {
      reader.accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }
    return scan;
  }

  private static boolean mayHaveMonitorEnter(byte[] classfile) {
    for (byte b : classfile) {
      if (b == (byte) Opcodes.MONITORENTER) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return methods.isEmpty();
  }

  /**
   * The method's {@code max_locals}, or -1 when it has no {@code monitorenter} and is not
   * synchronized.
   */
  int maxLocals(String name, String descriptor) {
    int[] m = methods.get(name + descriptor);
    return m == null ? -1 : m[0];
  }

  /** How many {@code monitorenter} instructions the method has (0 when none). */
  int enters(String name, String descriptor) {
    int[] m = methods.get(name + descriptor);
    return m == null ? 0 : m[1];
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    return new MethodVisitor(api) {
      private int enters;

      @Override
      public void visitInsn(int opcode) {
        if (opcode == Opcodes.MONITORENTER) {
          enters++;
        }
      }

      @Override
      public void visitMaxs(int maxStack, int maxLocals) {
        if (enters > 0 || (access & Opcodes.ACC_SYNCHRONIZED) != 0) {
          methods.put(name + descriptor, new int[] {maxLocals, enters});
        }
      }
    };
  }
}
