package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.Errors;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites one application class as it is defined: every {@code monitorenter}/{@code monitorexit}
 * gets probe calls around it (the monitor operations themselves stay where they are, so structured
 * locking and exception paths are unchanged); calls of {@code Object.wait/notify/notifyAll} and of
 * {@code Lock}/{@code Condition} methods are redirected to static probe methods that call through;
 * writes of tracked fields report the new value; and, for a {@code monitor=C} class, the {@code
 * synchronized} modifier of its instance methods is replaced by an equivalent instrumented {@code
 * synchronized (this)} around the body. Runs on the class-loading thread; one instance per class.
 */
final class SiteRewriter extends ClassVisitor {
  static final String PROBE = "dev/gilscope/agent/probe/Probe";
  static final String LOCK_PROBE = "dev/gilscope/agent/probe/LockProbe";
  private static final String OBJECT_TO_OBJECT = "(Ljava/lang/Object;)Ljava/lang/Object;";
  private static final String OBJECT_TO_VOID = "(Ljava/lang/Object;)V";

  private final Plan plan;
  private final boolean wrapSynchronized;
  private String className;
  private boolean hasFrames;
  private boolean changed;

  SiteRewriter(ClassVisitor next, Plan plan, boolean wrapSynchronized) {
    super(OpenedClassReader.ASM_API, next);
    this.plan = plan;
    this.wrapSynchronized = wrapSynchronized;
  }

  @Override
  public void visitEnd() {
    super.visitEnd();
    if (changed) {
      Errors.classInstrumented();
    }
  }

  @Override
  public void visit(
      int version, int access, String name, String signature, String superName, String[] ifaces) {
    className = name;
    hasFrames = (version & 0xFFFF) >= Opcodes.V1_6;
    super.visit(version, access, name, signature, superName, ifaces);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    boolean wrap =
        wrapSynchronized
            && (access & Opcodes.ACC_SYNCHRONIZED) != 0
            && (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    int newAccess = wrap ? access & ~Opcodes.ACC_SYNCHRONIZED : access;
    MethodVisitor mv = super.visitMethod(newAccess, name, descriptor, signature, exceptions);
    if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
      return mv;
    }
    if (wrap) {
      changed = true;
    }
    return new Sites(mv, wrap);
  }

  private final class Sites extends MethodVisitor {
    private final boolean wrap;
    private final Label bodyStart = new Label();
    private boolean rewrote;

    Sites(MethodVisitor next, boolean wrap) {
      super(OpenedClassReader.ASM_API, next);
      this.wrap = wrap;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      if (wrap) {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        enter();
        super.visitLabel(bodyStart);
      }
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.MONITORENTER && plan.monitorSites) {
        enter();
        return;
      }
      if (opcode == Opcodes.MONITOREXIT && plan.monitorSites) {
        exit();
        return;
      }
      if (wrap && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        exit();
      }
      super.visitInsn(opcode);
    }

    /** Stack: monitor → (empty); the same monitorenter, with the probe on both sides. */
    private void enter() {
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeEnter", OBJECT_TO_OBJECT, false);
      super.visitInsn(Opcodes.SWAP);
      super.visitInsn(Opcodes.MONITORENTER);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterEnter", OBJECT_TO_VOID, false);
      rewrote = true;
    }

    private void exit() {
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeExit", OBJECT_TO_VOID, false);
      super.visitInsn(Opcodes.MONITOREXIT);
      rewrote = true;
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
        if (plan.monitorSites && redirectObjectMethod(name, descriptor)) {
          return;
        }
        if (plan.lockSites && redirectLockMethod(owner, name, descriptor)) {
          return;
        }
      }
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    private boolean redirectObjectMethod(String name, String descriptor) {
      String target;
      String probeDescriptor;
      if (name.equals("wait")) {
        target = "waitOn";
        if (descriptor.equals("()V")) {
          probeDescriptor = OBJECT_TO_VOID;
        } else if (descriptor.equals("(J)V")) {
          probeDescriptor = "(Ljava/lang/Object;J)V";
        } else if (descriptor.equals("(JI)V")) {
          probeDescriptor = "(Ljava/lang/Object;JI)V";
        } else {
          return false;
        }
      } else if (name.equals("notify") && descriptor.equals("()V")) {
        target = "notifyOn";
        probeDescriptor = OBJECT_TO_VOID;
      } else if (name.equals("notifyAll") && descriptor.equals("()V")) {
        target = "notifyAllOn";
        probeDescriptor = OBJECT_TO_VOID;
      } else {
        return false;
      }
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, target, probeDescriptor, false);
      rewrote = true;
      return true;
    }

    private boolean redirectLockMethod(String owner, String name, String descriptor) {
      String receiver;
      if (LockSites.isLockOwner(owner) && LockSites.isLockMethod(name, descriptor)) {
        receiver = "Ljava/util/concurrent/locks/Lock;";
      } else if (LockSites.isConditionOwner(owner)
          && LockSites.isConditionMethod(name, descriptor)) {
        receiver = "Ljava/util/concurrent/locks/Condition;";
      } else {
        return false;
      }
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, LOCK_PROBE, name, "(" + receiver + descriptor.substring(1), false);
      rewrote = true;
      return true;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      if ((opcode == Opcodes.PUTSTATIC || opcode == Opcodes.PUTFIELD)
          && (descriptor.charAt(0) == 'L' || descriptor.charAt(0) == '[')) {
        int index = plan.fieldIndex(owner, name);
        if (index >= 0) {
          super.visitInsn(Opcodes.DUP);
          super.visitLdcInsn(index);
          super.visitMethodInsn(
              Opcodes.INVOKESTATIC, PROBE, "fieldWritten", "(Ljava/lang/Object;I)V", false);
          rewrote = true;
        }
      }
      super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      if (wrap) {
        // The outermost handler (last in the table): release on any exception, then rethrow,
        // exactly what the JVM does for a synchronized method.
        Label bodyEnd = new Label();
        Label handler = new Label();
        super.visitLabel(bodyEnd);
        super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
        super.visitLabel(handler);
        if (hasFrames) {
          super.visitFrame(
              Opcodes.F_NEW, 1, new Object[] {className}, 1, new Object[] {"java/lang/Throwable"});
        }
        super.visitVarInsn(Opcodes.ALOAD, 0);
        exit();
        super.visitInsn(Opcodes.ATHROW);
      }
      if (rewrote) {
        changed = true;
      }
      super.visitMaxs(maxStack + 3, Math.max(maxLocals, 1));
    }
  }
}
