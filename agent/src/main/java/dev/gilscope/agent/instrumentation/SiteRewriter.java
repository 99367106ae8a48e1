package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites one application class as it is defined: every {@code monitorenter}/{@code monitorexit}
 * gets probe calls around it (the monitor operations themselves stay where they are, so structured
 * locking and exception paths are unchanged); calls of {@code Object.wait/notify/notifyAll} and of
 * {@code Lock}/{@code Condition} methods are redirected to static probe methods that call through;
 * writes of tracked fields report the new value; and, for a {@code monitor=C} class, the {@code
 * synchronized} modifier of its instance methods is replaced by an equivalent instrumented {@code
 * synchronized (this)} around the body; and calls of a {@code monitor=C} JDK class's synchronized
 * methods go through helpers that take the monitor before the call ({@link JdkCallSites}). Runs on
 * the class-loading thread; one instance per class.
 */
final class SiteRewriter extends ClassVisitor {
  static final String PROBE = "dev/gilscope/agent/probe/Probe";
  static final String LOCK_PROBE = "dev/gilscope/agent/probe/LockProbe";
  private static final String OBJECT_TO_VOID = "(Ljava/lang/Object;)V";
  private static final String OBJECT_TOKEN_TO_VOID = "(Ljava/lang/Object;Ljava/lang/Object;)V";
  private static final String OBJECT_TO_OBJECT = "(Ljava/lang/Object;)Ljava/lang/Object;";
  private static final String OBJECT_TOKEN_TO_OBJECT =
      "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";

  private final Plan plan;
  private final boolean wrapSynchronized;
  private final boolean debug;
  private final JdkCallSites jdkCalls;
  private final TypePool typePool;
  // null: no token locals (no monitor=<class> target); else where each method's tokens go
  private final MonitorEnters enters;
  private SynchronizedCallHelpers callHelpers;
  private String className;
  private boolean hasFrames;
  private boolean changed;

  SiteRewriter(
      ClassVisitor next,
      Plan plan,
      boolean wrapSynchronized,
      boolean debug,
      JdkCallSites jdkCalls,
      TypePool typePool,
      MonitorEnters enters) {
    super(OpenedClassReader.ASM_API, next);
    this.plan = plan;
    this.wrapSynchronized = wrapSynchronized;
    this.debug = debug;
    this.jdkCalls = jdkCalls;
    this.typePool = typePool;
    this.enters = enters;
  }

  /**
   * Whether the class must be read with expanded frames ({@code ClassReader.EXPAND_FRAMES}): for
   * the wrapper's handler frame, for the token locals added to every frame, and so for the
   * handlers' plain releases (see {@code Sites#visitTryCatchBlock}).
   */
  boolean expandsFrames() {
    return wrapSynchronized || (enters != null && !enters.isEmpty());
  }

  /** Whether the class visited so far differs from its class file. */
  boolean changed() {
    return changed;
  }

  @Override
  public void visitEnd() {
    if (callHelpers != null && !callHelpers.isEmpty()) {
      callHelpers.define(cv);
      changed = true;
    }
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
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    if (jdkCalls != null && jdkCalls.appliesTo(name, version & 0xFFFF, isInterface)) {
      callHelpers = new SynchronizedCallHelpers(name, isInterface, version);
    }
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
    int tokenBase = enters == null || !plan.monitorSites ? -1 : enters.maxLocals(name, descriptor);
    int blocks = tokenBase < 0 ? 0 : enters.enters(name, descriptor);
    int tokens = tokenBase < 0 ? 0 : blocks + (wrap ? 1 : 0);
    int base = tokens == 0 ? -1 : Math.max(tokenBase, 1);
    return new Sites(mv, wrap, base, tokens, wrap && blocks > 0);
  }

  /**
   * Rewrites one method. The call after a {@code monitorenter} must be covered by the block's
   * catch-any handler, or HotSpot sees an exception path that leaves the monitor held and refuses
   * to JIT-compile the method. javac emits {@code dup; astore n; monitorenter} followed by the
   * start of that handler's range, so the range is made to start one call earlier and the call
   * reloads the monitor from local {@code n}. Other shapes are still counted correctly, but the
   * method then runs interpreted (reported with {@code debug=true}).
   *
   * <p>With token locals (a {@code monitor=<class>} target), each of javac's {@code monitorenter}s
   * (and a wrapped method's own) gets a local of its own above the method's original ones, where
   * the request leaves a token for the enter and the exits that reload the same monitor local
   * ({@code aload n; monitorexit}): {@link dev.gilscope.agent.probe.Probe#requestToken}. The locals
   * are set to null at the method's start and declared as {@code Object} in every frame, which
   * holds on every path.
   *
   * <p>A wrapped method with {@code synchronized} blocks of its own locks a copy of {@code this}
   * kept in one more such local, not {@code this} itself: HotSpot proves a method's monitors
   * balanced by tracking which locals hold the same reference, and gives up on a method that locks
   * a reference it already holds locked ("nested redundant lock"); C1 then refuses it. Without the
   * agent, {@code synchronized void m() { synchronized (this) {...} }} locks {@code this} once in
   * its bytecode, and the wrapper must not make that twice. The copy comes back from {@code
   * Objects.requireNonNull}, which HotSpot sees as a new reference and the JIT inlines to nothing.
   */
  private final class Sites extends MethodVisitor {
    private final boolean wrap;
    private final Label bodyStart = new Label();
    private final Map<Label, Label> catchAnyStarts = new HashMap<>();
    // catch-any range end -> the end of our own that replaces it, visited just before it
    private final Map<Label, Label> catchAnyEnds = new HashMap<>();
    // a site's monitorexit left the probe's answer on the stack for the call after the exit
    private boolean exitGapOnStack;
    // the token locals: tokenBase .. tokenBase + tokens - 1 (tokenBase -1: none)
    private final int tokenBase;
    private final int tokens;
    // the locals above tokenBase: the tokens and, where the wrapper locks a copy, the copy
    private final int addedLocals;
    // the local the wrapper locks and releases: 0 (this) or a copy of this above the tokens
    private final int wrapMonitor;
    private int nextToken;
    // monitor local -> the token local of the latest monitorenter that stored it
    private final Map<Integer, Integer> tokenOf = new HashMap<>();
    // self-covering catch-any handler -> the plain release its range goes to instead
    private final Map<Label, Label> fallbacks = new LinkedHashMap<>();
    // handler -> its frame {locals, stack} (expanded), for a fallback that loops back to it
    private final Map<Label, Object[]> handlerFrames = new HashMap<>();
    // the self-covering handler being visited, and the monitor local its release reloads
    private Label inHandler;
    private int handlerMonitor = -1;
    // the local the handler stores the exception in (its first astore)
    private int handlerTemp = -1;

    private boolean rewrote;
    private int lastAstore = -1;
    private int lastAload = -1;
    private int pendingLocal = -1;
    private int pendingToken = -1;
    private int wrapToken = -1;

    Sites(MethodVisitor next, boolean wrap, int tokenBase, int tokens, boolean lockCopy) {
      super(OpenedClassReader.ASM_API, next);
      this.wrap = wrap;
      this.tokenBase = tokenBase;
      this.tokens = tokens;
      boolean copy = lockCopy && tokenBase >= 0;
      this.addedLocals = tokens + (copy ? 1 : 0);
      this.wrapMonitor = copy ? tokenBase + tokens : 0;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      for (int i = 0; i < addedLocals; i++) {
        super.visitInsn(Opcodes.ACONST_NULL);
        super.visitVarInsn(Opcodes.ASTORE, tokenBase + i);
      }
      if (wrap) {
        wrapToken = takeToken();
        super.visitVarInsn(Opcodes.ALOAD, 0);
        if (wrapMonitor != 0) {
          super.visitMethodInsn(
              Opcodes.INVOKESTATIC,
              "java/util/Objects",
              "requireNonNull",
              "(Ljava/lang/Object;)Ljava/lang/Object;",
              false);
          super.visitInsn(Opcodes.DUP);
          super.visitVarInsn(Opcodes.ASTORE, wrapMonitor);
        }
        request(wrapToken);
        super.visitLabel(bodyStart);
        callAfterEnter(wrapMonitor, wrapToken);
      }
    }

    /** A token local for the next monitorenter, or -1 when there is none left. */
    private int takeToken() {
      return nextToken < tokens ? tokenBase + nextToken++ : -1;
    }

    /** With the monitor on the stack: the request and the monitorenter. */
    private void request(int token) {
      super.visitInsn(Opcodes.DUP);
      if (token < 0) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeEnter", OBJECT_TO_VOID, false);
      } else {
        super.visitMethodInsn(
            Opcodes.INVOKESTATIC,
            PROBE,
            "requestToken",
            "(Ljava/lang/Object;)Ljava/lang/Object;",
            false);
        super.visitVarInsn(Opcodes.ASTORE, token);
      }
      super.visitInsn(Opcodes.MONITORENTER);
    }

    private void callAfterEnter(int monitorLocal, int token) {
      super.visitVarInsn(Opcodes.ALOAD, monitorLocal);
      if (token < 0) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterEnter", OBJECT_TO_VOID, false);
      } else {
        super.visitVarInsn(Opcodes.ALOAD, token);
        super.visitMethodInsn(
            Opcodes.INVOKESTATIC, PROBE, "afterEnter", OBJECT_TOKEN_TO_VOID, false);
      }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
      if (addedLocals != 0 && type == Opcodes.F_NEW) {
        // (tokens come with EXPAND_FRAMES, see SiteTransformer)
        local = withTokens(numLocal, local);
        numLocal = local.length;
      }
      super.visitFrame(type, numLocal, local, numStack, stack);
      if (inHandler != null && type == Opcodes.F_NEW && !handlerFrames.containsKey(inHandler)) {
        handlerFrames.put(
            inHandler,
            new Object[] {Arrays.copyOf(local, numLocal), Arrays.copyOf(stack, numStack)});
      }
    }

    /** A frame's locals (expanded format) with the added locals declared as Object. */
    private Object[] withTokens(int numLocal, Object[] local) {
      List<Object> out = new ArrayList<>(numLocal + addedLocals + 4);
      int slots = 0;
      for (int i = 0; i < numLocal; i++) {
        out.add(local[i]);
        slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
      }
      for (; slots < tokenBase; slots++) {
        out.add(Opcodes.TOP);
      }
      for (int i = 0; i < addedLocals; i++) {
        out.add("java/lang/Object");
      }
      return out.toArray();
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      if (type == null && start == handler && expandsFrames()) {
        // javac's handler covers its own release; with the probe call in it C1 gives the method
        // up ("exception handler covers itself"), and it runs interpreted until C2 compiles it,
        // for seconds when the compile queue is long. Its range goes to a plain release instead.
        handler = fallbacks.computeIfAbsent(handler, h -> new Label());
      }
      if (type == null) {
        // The range gets a start of our own, visited where the original one is, except right after
        // a monitorenter: there it goes before the after-enter call, so that the call is covered
        // but jumps to the original start (a loop head) do not run it again.
        start = catchAnyStarts.computeIfAbsent(start, original -> new Label());
        // and an end of our own, so that a call right after a monitorexit that ends the range
        // can go outside it (see exitedAt)
        end = catchAnyEnds.computeIfAbsent(end, original -> new Label());
      }
      super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
      Label rangeEnd = catchAnyEnds.get(label);
      if (exitGapOnStack && rangeEnd != null) {
        exitedAt(rangeEnd);
        rangeEnd = null;
      }
      Label rangeStart = catchAnyStarts.get(label);
      if (pendingLocal >= 0 && rangeStart != null) {
        visitIfAny(rangeEnd);
        super.visitLabel(rangeStart);
        emitAfterEnter(true);
        super.visitLabel(label);
        return;
      }
      flush();
      visitIfAny(rangeEnd);
      if (rangeStart != null) {
        super.visitLabel(rangeStart);
      }
      super.visitLabel(label);
      if (fallbacks.containsKey(label)) {
        inHandler = label;
        handlerMonitor = -1;
        handlerTemp = -1;
      }
    }

    /** Emits a pending after-enter call before any other code: not covered, so not compiled. */
    private void flush() {
      if (exitGapOnStack) {
        // the exit was not the last instruction of a catch-any range (not javac's shape): a call
        // here would be covered by a handler that releases again, which the JIT refuses to
        // compile, so the gap keeps the start it got before the exit
        exitGapOnStack = false;
        super.visitInsn(Opcodes.POP);
      }
      lastAstore = -1;
      lastAload = -1;
      if (pendingLocal >= 0) {
        emitAfterEnter(false);
      }
    }

    private void emitAfterEnter(boolean covered) {
      callAfterEnter(pendingLocal, pendingToken);
      pendingLocal = -1;
      pendingToken = -1;
      if (!covered && debug) {
        System.err.println("gilscope: slow monitor site in " + className + " (not JIT-compiled)");
      }
    }

    @Override
    public void visitInsn(int opcode) {
      int astoreBefore = lastAstore;
      int aloadBefore = lastAload;
      flush();
      if (opcode == Opcodes.MONITORENTER && plan.monitorSites) {
        enter(astoreBefore);
        return;
      }
      if (opcode == Opcodes.MONITOREXIT && plan.monitorSites) {
        if (inHandler != null && handlerMonitor < 0) {
          handlerMonitor = aloadBefore;
        }
        Integer token = aloadBefore < 0 ? null : tokenOf.get(aloadBefore);
        exitRestartingGap(token == null ? -1 : token);
        return;
      }
      if (wrap && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        super.visitVarInsn(Opcodes.ALOAD, wrapMonitor);
        exit(wrapToken);
      }
      super.visitInsn(opcode);
      if (opcode == Opcodes.ATHROW && inHandler != null) {
        Object[] frame = handlerFrames.get(inHandler);
        if (handlerMonitor >= 0 && (frame != null || !hasFrames)) {
          Object[] locals =
              frame == null ? new Object[0] : withTop((Object[]) frame[0], handlerTemp);
          plainRelease(fallbacks.remove(inHandler), handlerMonitor, locals);
        }
        inHandler = null;
      }
    }

    /**
     * A handler's plain release, where its own range now goes: it releases the monitor in {@code
     * monitorLocal} without calling the probe and rethrows, as the JVM would. Placed right after
     * the handler, inside the ranges of the blocks around it, with the handler's locals (those
     * handlers need them), less the one the handler stores the exception in.
     */
    private void plainRelease(Label fallback, int monitorLocal, Object[] locals) {
      super.visitLabel(fallback);
      if (hasFrames) {
        super.visitFrame(
            Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
      }
      super.visitVarInsn(Opcodes.ALOAD, monitorLocal);
      super.visitInsn(Opcodes.MONITOREXIT);
      super.visitInsn(Opcodes.ATHROW);
    }

    /** Expanded frame locals with local {@code slot} (and its pair, for a long) made TOP. */
    private Object[] withTop(Object[] locals, int slot) {
      List<Object> out = new ArrayList<>(locals.length);
      int at = 0;
      for (Object type : locals) {
        boolean wide = type == Opcodes.LONG || type == Opcodes.DOUBLE;
        if (slot == at || (wide && slot == at + 1)) {
          out.add(Opcodes.TOP);
          if (wide) {
            out.add(Opcodes.TOP);
          }
        } else {
          out.add(type);
        }
        at += wide ? 2 : 1;
      }
      return out.toArray();
    }

    /**
     * The fallbacks of handlers whose shape was not javac's: they go back to the handler itself, as
     * the original range did (with the handler's frame).
     */
    private void loopBackFallbacks() {
      for (Map.Entry<Label, Label> f : fallbacks.entrySet()) {
        super.visitLabel(f.getValue());
        Object[] frame = handlerFrames.get(f.getKey());
        if (hasFrames && frame != null) {
          Object[] locals = (Object[]) frame[0];
          Object[] stack = (Object[]) frame[1];
          super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
        }
        super.visitJumpInsn(Opcodes.GOTO, f.getKey());
      }
      fallbacks.clear();
    }

    private void enter(int monitorLocal) {
      rewrote = true;
      if (monitorLocal >= 0) {
        int token = takeToken();
        if (token >= 0) {
          tokenOf.put(monitorLocal, token);
        } else {
          tokenOf.remove(monitorLocal);
        }
        request(token);
        pendingLocal = monitorLocal;
        pendingToken = token;
        return;
      }
      // no local holds the monitor: keep a copy on the stack (correct, but not JIT-compiled)
      super.visitInsn(Opcodes.DUP);
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeEnter", OBJECT_TO_VOID, false);
      super.visitInsn(Opcodes.MONITORENTER);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "afterEnter", OBJECT_TO_VOID, false);
      if (debug) {
        System.err.println("gilscope: slow monitor site in " + className + " (not JIT-compiled)");
      }
    }

    /**
     * With the monitor on the stack: the exit call (with its token when known) and the exit, as a
     * synchronized method's implicit exit (no code runs after it).
     */
    private void exit(int token) {
      callExitProbe("beforeExit", token, OBJECT_TO_VOID, OBJECT_TOKEN_TO_VOID);
      super.visitInsn(Opcodes.MONITOREXIT);
      rewrote = true;
    }

    /**
     * A site's exit: with the monitor on the stack, the exit call (with its token when known), the
     * exit, and the probe's answer left on the stack (as deep as before) for {@code exited}, which
     * goes right after the catch-any range that the exit ends (javac's shape, see {@link
     * #exitedAt}), or is dropped.
     */
    private void exitRestartingGap(int token) {
      callExitProbe("exiting", token, OBJECT_TO_OBJECT, OBJECT_TOKEN_TO_OBJECT);
      super.visitInsn(Opcodes.SWAP);
      super.visitInsn(Opcodes.MONITOREXIT);
      exitGapOnStack = true;
      rewrote = true;
    }

    /** With the monitor on the stack: {@code dup}, the token when known, the probe's call. */
    private void callExitProbe(
        String method, int token, String descriptor, String withTokenDescriptor) {
      super.visitInsn(Opcodes.DUP);
      if (token >= 0) {
        super.visitVarInsn(Opcodes.ALOAD, token);
      }
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, PROBE, method, token < 0 ? descriptor : withTokenDescriptor, false);
    }

    /**
     * Ends the range at {@code rangeEnd}, right after the monitorexit, and calls {@code exited}
     * outside it: the JIT compiles no method in which a call after a release is covered by a
     * handler that releases again ("monitor stack height merge conflict").
     */
    private void exitedAt(Label rangeEnd) {
      exitGapOnStack = false;
      super.visitLabel(rangeEnd);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "exited", OBJECT_TO_VOID, false);
    }

    private void visitIfAny(Label label) {
      if (label != null) {
        super.visitLabel(label);
      }
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      flush();
      super.visitVarInsn(opcode, varIndex);
      if (opcode == Opcodes.ASTORE) {
        lastAstore = varIndex;
        if (inHandler != null && handlerTemp < 0) {
          handlerTemp = varIndex;
        }
        tokenOf.remove(varIndex); // the monitor local now holds something else
      } else if (opcode == Opcodes.ALOAD) {
        lastAload = varIndex;
      }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      flush();
      super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      flush();
      super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name,
        String descriptor,
        net.bytebuddy.jar.asm.Handle bootstrapMethodHandle,
        Object... bootstrapMethodArguments) {
      flush();
      super.visitInvokeDynamicInsn(
          name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      flush();
      super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
      flush();
      super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
      flush();
      super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      flush();
      super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      flush();
      super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      flush();
      super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      flush();
      if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
        if (callHelpers != null
            && callSynchronizedJdkMethod(opcode, owner, name, descriptor, isInterface)) {
          return;
        }
        if (plan.monitorSites && redirectObjectMethod(name, descriptor)) {
          return;
        }
        if (plan.lockSites && redirectLockMethod(owner, name, descriptor)) {
          return;
        }
      }
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    private boolean callSynchronizedJdkMethod(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      int method = jdkCalls.methodIndex(owner, name, descriptor, typePool);
      if (method < 0) {
        return false;
      }
      callHelpers.emitCall(mv, opcode, owner, name, descriptor, isInterface, method);
      rewrote = true;
      return true;
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
      flush();
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
      flush();
      loopBackFallbacks();
      if (wrap) {
        // The outermost handler (last in the table): release on any exception, then rethrow,
        // exactly what the JVM does for a synchronized method.
        Label bodyEnd = new Label();
        Label handler = new Label();
        super.visitLabel(bodyEnd);
        Label handlerEnd = new Label();
        int thrown = Math.max(Math.max(maxLocals, 1), tokenBase + addedLocals);
        super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
        // javac's shape: the handler covers its own release, so no exception path leaves it held
        Label fallback = new Label();
        super.visitTryCatchBlock(handler, handlerEnd, fallback, null);
        super.visitLabel(handler);
        Object[] locals =
            addedLocals == 0 ? new Object[] {className} : withTokens(1, new Object[] {className});
        if (hasFrames) {
          super.visitFrame(
              Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        }
        super.visitVarInsn(Opcodes.ASTORE, thrown);
        super.visitVarInsn(Opcodes.ALOAD, wrapMonitor);
        exit(wrapToken);
        super.visitLabel(handlerEnd);
        super.visitVarInsn(Opcodes.ALOAD, thrown);
        super.visitInsn(Opcodes.ATHROW);
        plainRelease(fallback, wrapMonitor, locals);
        maxLocals = thrown + 1;
      }
      if (rewrote) {
        changed = true;
      }
      super.visitMaxs(maxStack + 3, Math.max(Math.max(maxLocals, 1), tokenBase + addedLocals));
    }
  }
}
