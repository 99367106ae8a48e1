package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.Errors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final String OBJECT_TO_VOID = "(Ljava/lang/Object;)V";
  private static final String OBJECT_TO_OBJECT = "(Ljava/lang/Object;)Ljava/lang/Object;";

  private final Plan plan;
  private final boolean wrapSynchronized;
  private final boolean debug;
  private String className;
  private boolean hasFrames;
  // Java 7+: every branch target has a stack map frame, so a label without one is not a target
  private boolean framesRequired;
  private boolean changed;

  SiteRewriter(ClassVisitor next, Plan plan, boolean wrapSynchronized, boolean debug) {
    super(OpenedClassReader.ASM_API, next);
    this.plan = plan;
    this.wrapSynchronized = wrapSynchronized;
    this.debug = debug;
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
    framesRequired = (version & 0xFFFF) >= Opcodes.V1_7;
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

  /**
   * Rewrites one method. The call after a {@code monitorenter} must be covered by the block's
   * catch-any handler, or HotSpot sees an exception path that leaves the monitor held and refuses
   * to JIT-compile the method. javac emits {@code dup; astore n; monitorenter} followed by the
   * start of that handler's range, so the range is made to start one call earlier and the call
   * reloads the monitor from local {@code n}. Other shapes are still counted correctly, but the
   * method then runs interpreted (reported with {@code debug=true}).
   *
   * <p>The hold's events are committed after the {@code monitorexit}, where the monitor is free:
   * javac ends the handler's range right after the exit, so {@code probe.afterExit} goes just past
   * that end (a call inside it would be an exception path that releases twice). Only where the
   * shape is known to be safe: the end label is not a branch target (no frame, nothing else starts
   * there) and no range that began inside the block is still open; elsewhere the exit commits the
   * events before the release, as it always did.
   */
  private final class Sites extends MethodVisitor {
    private final boolean wrap;
    private final Label bodyStart = new Label();
    private final Map<Label, Label> catchAnyStarts = new HashMap<>();
    private final Set<Label> catchAnyEnds = new HashSet<>();
    private final List<Range> ranges = new ArrayList<>();
    private boolean rewrote;
    private int lastAstore = -1;
    private int pendingLocal = -1;

    // where we are: labels and instructions visited so far, and where the last monitorenter was
    private int position;
    private int lastEnterPosition = -1;

    // a monitorexit held back until we see what follows it, with the range end and line numbers
    // that follow it when it may send its events after the exit
    private boolean exitPending;
    private Label exitRangeEnd;
    private final List<Object[]> heldLines = new ArrayList<>();

    // a wrapped synchronized method: its catch-any range, split after each return's release
    private final List<Label[]> segments = new ArrayList<>();
    private Label segmentStart = bodyStart;
    private boolean segmentHasCode;

    Sites(MethodVisitor next, boolean wrap) {
      super(OpenedClassReader.ASM_API, next);
      this.wrap = wrap;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      if (wrap) {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitInsn(Opcodes.DUP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeEnter", OBJECT_TO_VOID, false);
        super.visitInsn(Opcodes.MONITORENTER);
        super.visitLabel(bodyStart);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterEnter", OBJECT_TO_VOID, false);
      }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      ranges.add(new Range(start, end));
      if (type == null) {
        catchAnyEnds.add(end);
        // The range gets a start of our own, visited where the original one is, except right after
        // a monitorenter: there it goes before the after-enter call, so that the call is covered
        // but jumps to the original start (a loop head) do not run it again.
        start = catchAnyStarts.computeIfAbsent(start, original -> new Label());
      }
      super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
      position++;
      boolean startsRange = false;
      for (Range range : ranges) {
        if (range.start == label) {
          range.startedAt = position;
          startsRange = true;
        }
        if (range.end == label) {
          range.endedAt = position;
        }
      }
      if (exitPending) {
        if (exitRangeEnd == null
            && framesRequired
            && catchAnyEnds.contains(label)
            && !startsRange) {
          exitRangeEnd = label;
          return;
        }
        emitPendingExit(false);
      }
      emitLabel(label);
    }

    private void emitLabel(Label label) {
      Label rangeStart = catchAnyStarts.get(label);
      if (pendingLocal >= 0 && rangeStart != null) {
        super.visitLabel(rangeStart);
        emitAfterEnter(true);
        super.visitLabel(label);
        return;
      }
      flush();
      if (rangeStart != null) {
        super.visitLabel(rangeStart);
      }
      super.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
      if (exitRangeEnd != null) {
        heldLines.add(new Object[] {line, start});
        return;
      }
      super.visitLineNumber(line, start);
    }

    @Override
    public void visitFrame(int type, int locals, Object[] local, int stack, Object[] stackTypes) {
      if (exitPending) {
        emitPendingExit(false); // a branch target: the other paths' stack has no token
      }
      super.visitFrame(type, locals, local, stack, stackTypes);
    }

    @Override
    public net.bytebuddy.jar.asm.AnnotationVisitor visitInsnAnnotation(
        int typeRef, net.bytebuddy.jar.asm.TypePath typePath, String descriptor, boolean visible) {
      if (exitPending) {
        emitPendingExit(false); // the annotation belongs to the monitorexit: emit it first
      }
      return super.visitInsnAnnotation(typeRef, typePath, descriptor, visible);
    }

    /** Before an instruction of the method's own. */
    private void instruction() {
      position++;
      segmentHasCode = true;
      flush();
    }

    /**
     * Emits a pending after-enter call before any other code (not covered, so not compiled) and a
     * held-back exit: sending after the exit when an instruction follows the range end directly.
     */
    private void flush() {
      lastAstore = -1;
      if (pendingLocal >= 0) {
        emitAfterEnter(false);
      }
      if (exitPending) {
        emitPendingExit(true);
      }
    }

    private void emitPendingExit(boolean instructionFollows) {
      exitPending = false;
      Label end = exitRangeEnd;
      exitRangeEnd = null;
      boolean sendLater = instructionFollows && end != null && !rangeOpenedSince(lastEnterPosition);
      if (sendLater) {
        exitSendingLater();
      } else {
        exit();
      }
      if (end != null) {
        emitLabel(end);
        for (Object[] line : heldLines) {
          super.visitLineNumber((Integer) line[0], (Label) line[1]);
        }
        heldLines.clear();
      }
      if (sendLater) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterExit", OBJECT_TO_VOID, false);
      }
    }

    /** Whether a range that began after {@code position} is still open. */
    private boolean rangeOpenedSince(int since) {
      for (Range range : ranges) {
        if (range.startedAt > since && range.endedAt < 0) {
          return true;
        }
      }
      return false;
    }

    private void emitAfterEnter(boolean covered) {
      super.visitVarInsn(Opcodes.ALOAD, pendingLocal);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterEnter", OBJECT_TO_VOID, false);
      pendingLocal = -1;
      if (!covered && debug) {
        System.err.println("gilscope: slow monitor site in " + className + " (not JIT-compiled)");
      }
    }

    @Override
    public void visitInsn(int opcode) {
      int astoreBefore = lastAstore;
      instruction();
      if (opcode == Opcodes.MONITORENTER && plan.monitorSites) {
        lastEnterPosition = position;
        enter(astoreBefore);
        return;
      }
      if (opcode == Opcodes.MONITOREXIT && plan.monitorSites) {
        exitPending = true; // emitted by the next visit, once we know what follows
        rewrote = true;
        return;
      }
      if (wrap && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        if (rangeOpenedSince(-1)) {
          exit(); // a handler inside the body covers the return: it expects the monitor held
        } else {
          returnSendingLater(opcode);
          return;
        }
      }
      super.visitInsn(opcode);
    }

    /**
     * A wrapped method's return with {@code this} on the stack: the release ends the current
     * segment of the method's catch-any range, the events are sent outside it, and a new segment
     * begins after the return.
     */
    private void returnSendingLater(int returnOpcode) {
      exitSendingLater();
      Label end = new Label();
      super.visitLabel(end);
      segments.add(new Label[] {segmentStart, end});
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterExit", OBJECT_TO_VOID, false);
      super.visitInsn(returnOpcode);
      segmentStart = new Label();
      super.visitLabel(segmentStart);
      segmentHasCode = false;
    }

    private void enter(int monitorLocal) {
      rewrote = true;
      super.visitInsn(Opcodes.DUP);
      if (monitorLocal >= 0) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeEnter", OBJECT_TO_VOID, false);
        super.visitInsn(Opcodes.MONITORENTER);
        pendingLocal = monitorLocal;
        return;
      }
      // no local holds the monitor: keep a copy on the stack (correct, but not JIT-compiled)
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeEnter", OBJECT_TO_VOID, false);
      super.visitInsn(Opcodes.MONITORENTER);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterEnter", OBJECT_TO_VOID, false);
      if (debug) {
        System.err.println("gilscope: slow monitor site in " + className + " (not JIT-compiled)");
      }
    }

    private void exit() {
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeExit", OBJECT_TO_VOID, false);
      super.visitInsn(Opcodes.MONITOREXIT);
      rewrote = true;
    }

    /** The monitor on the stack is released, leaving the token for {@code afterExit}. */
    private void exitSendingLater() {
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, PROBE, "beforeExitSendLater", OBJECT_TO_OBJECT, false);
      super.visitInsn(Opcodes.SWAP);
      super.visitInsn(Opcodes.MONITOREXIT);
      rewrote = true;
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      instruction();
      super.visitVarInsn(opcode, varIndex);
      if (opcode == Opcodes.ASTORE) {
        lastAstore = varIndex;
      }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      instruction();
      super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      instruction();
      super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name,
        String descriptor,
        net.bytebuddy.jar.asm.Handle bootstrapMethodHandle,
        Object... bootstrapMethodArguments) {
      instruction();
      super.visitInvokeDynamicInsn(
          name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      instruction();
      super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
      instruction();
      super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
      instruction();
      super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      instruction();
      super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      instruction();
      super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      instruction();
      super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      instruction();
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
      instruction();
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
      if (exitPending) {
        emitPendingExit(false); // no instruction follows: nowhere to send from
      }
      flush();
      if (wrap) {
        // The outermost handler (last in the table): release on any exception, then rethrow,
        // exactly what the JVM does for a synchronized method.
        Label bodyEnd = new Label();
        Label handler = new Label();
        super.visitLabel(bodyEnd);
        Label handlerEnd = new Label();
        int thrown = Math.max(maxLocals, 1);
        for (Label[] segment : segments) {
          super.visitTryCatchBlock(segment[0], segment[1], handler, null);
        }
        if (segmentHasCode) {
          super.visitTryCatchBlock(segmentStart, bodyEnd, handler, null);
        }
        // javac's shape: the handler covers its own release, so no exception path leaves it held
        super.visitTryCatchBlock(handler, handlerEnd, handler, null);
        super.visitLabel(handler);
        if (hasFrames) {
          super.visitFrame(
              Opcodes.F_NEW, 1, new Object[] {className}, 1, new Object[] {"java/lang/Throwable"});
        }
        super.visitVarInsn(Opcodes.ASTORE, thrown);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        exitSendingLater();
        super.visitLabel(handlerEnd);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterExit", OBJECT_TO_VOID, false);
        super.visitVarInsn(Opcodes.ALOAD, thrown);
        super.visitInsn(Opcodes.ATHROW);
        maxLocals = thrown + 1;
      }
      if (rewrote) {
        changed = true;
      }
      super.visitMaxs(maxStack + 3, Math.max(maxLocals, 1));
    }
  }

  /** A try-catch range of the method, and where its labels were visited (-1: not yet). */
  private static final class Range {
    final Label start;
    final Label end;
    int startedAt = -1;
    int endedAt = -1;

    Range(Label start, Label end) {
      this.start = start;
      this.end = end;
    }
  }
}
