package dev.gilscope.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * When the agent is loaded into a running JVM: which already-loaded application classes to
 * retransform. Only those whose bytecode has a site the {@link SiteRewriter} changes (a monitor
 * enter or exit, a wait/notify call, a Lock or Condition call, a write of a tracked field) or that
 * are a loaded {@code monitor=C} class: retransforming every loaded class would deoptimize the
 * whole application. A class whose class file cannot be read (generated at run time) is left alone.
 * Classes defined after the attach are always rewritten. Runs on the attaching thread.
 */
final class LoadedClassFilter {
  private final Plan plan;
  private final Set<String> loadedClassMonitors;

  LoadedClassFilter(Plan plan, Set<String> loadedClassMonitors) {
    this.plan = plan;
    this.loadedClassMonitors = loadedClassMonitors;
  }

  /** Whether the loaded class {@code c} has a site to rewrite or is a {@code monitor=C} class. */
  boolean hasSites(Class<?> c) {
    if (loadedClassMonitors.contains(c.getName())) {
      return true;
    }
    String resource = c.getName().replace('.', '/') + ".class";
    try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
      return in != null && hasSites(in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  boolean hasSites(byte[] classFile) {
    Scan scan = new Scan();
    new ClassReader(classFile).accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return scan.found;
  }

  private final class Scan extends ClassVisitor {
    boolean found;

    Scan() {
      super(OpenedClassReader.ASM_API);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      if (found) {
        return null;
      }
      return new MethodVisitor(OpenedClassReader.ASM_API) {
        @Override
        public void visitInsn(int opcode) {
          if (plan.monitorSites
              && (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT)) {
            found = true;
          }
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String desc, boolean isInterface) {
          if (plan.monitorSites
              && (method.equals("wait") || method.equals("notify") || method.equals("notifyAll"))) {
            found = true;
          }
          if (plan.lockSites
              && ((LockSites.isLockOwner(owner) && LockSites.isLockMethod(method, desc))
                  || (LockSites.isConditionOwner(owner)
                      && LockSites.isConditionMethod(method, desc)))) {
            found = true;
          }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
          if ((opcode == Opcodes.PUTSTATIC || opcode == Opcodes.PUTFIELD)
              && plan.fieldIndex(owner, field) >= 0) {
            found = true;
          }
        }
      };
    }
  }
}
