package dev.gilscope.agent.instrumentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The helper methods that one class's rewritten call sites of synchronized JDK methods call instead
 * (see {@link JdkCallSites}): one private static synthetic method per distinct call, taking the
 * receiver and the arguments and returning the result, so that the call site keeps its stack shape
 * and its exception handlers. For a tracked receiver each helper is javac's {@code synchronized
 * (receiver) { return call; }} with probe calls, so HotSpot can prove its monitors balanced,
 * compile it and inline it; for any other receiver it makes the plain call.
 */
final class SynchronizedCallHelpers {
  private static final String MONITOR = "dev/gilscope/agent/probe/CallSiteMonitor";
  // (state, receiver): a monitor=<class> instance's state is its class's, so the probe needs both
  private static final String STATE_AND_RECEIVER = "(Ljava/lang/Object;Ljava/lang/Object;)V";

  private final String className;
  private final boolean classIsInterface;
  private final boolean withFrames;
  private final Map<String, Helper> helpers = new LinkedHashMap<>();

  SynchronizedCallHelpers(String className, boolean classIsInterface, int classVersion) {
    this.className = className;
    this.classIsInterface = classIsInterface;
    this.withFrames = (classVersion & 0xFFFF) >= Opcodes.V1_6;
  }

  /** Calls the helper for this call instead of making it (the operands are already stacked). */
  void emitCall(
      MethodVisitor mv,
      int opcode,
      String owner,
      String name,
      String descriptor,
      boolean isInterface,
      int method) {
    String key = opcode + " " + owner + "." + name + descriptor;
    Helper helper = helpers.get(key);
    if (helper == null) {
      String helperDescriptor = "(L" + owner + ";" + descriptor.substring(1);
      helper =
          new Helper(
              "gilscope$sync$" + helpers.size(),
              helperDescriptor,
              opcode,
              owner,
              name,
              descriptor,
              isInterface,
              method);
      helpers.put(key, helper);
    }
    mv.visitMethodInsn(
        Opcodes.INVOKESTATIC, className, helper.name, helper.descriptor, classIsInterface);
  }

  boolean isEmpty() {
    return helpers.isEmpty();
  }

  /** Adds the helpers to the class (before its {@code visitEnd}). */
  void define(ClassVisitor cv) {
    for (Helper h : helpers.values()) {
      MethodVisitor mv =
          cv.visitMethod(
              Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
              h.name,
              h.descriptor,
              null,
              null);
      if (mv != null) {
        writeBody(mv, h);
      }
    }
  }

  private void writeBody(MethodVisitor mv, Helper h) {
    Type[] params = Type.getArgumentTypes(h.descriptor);
    Type result = Type.getReturnType(h.descriptor);
    int paramSlots = 0;
    for (Type p : params) {
      paramSlots += p.getSize();
    }
    int state = paramSlots;
    int lock = state + 1;
    int thrown = lock + 1;
    Label locked = new Label();
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    Label handlerEnd = new Label();
    mv.visitCode();
    mv.visitTryCatchBlock(start, end, handler, null);
    mv.visitTryCatchBlock(handler, handlerEnd, handler, null);
    // state = CallSiteMonitor.stateFor(receiver, method); untracked: the plain call
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitLdcInsn(h.method);
    mv.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        MONITOR,
        "stateFor",
        "(Ljava/lang/Object;I)Ljava/lang/Object;",
        false);
    mv.visitVarInsn(Opcodes.ASTORE, state);
    mv.visitVarInsn(Opcodes.ALOAD, state);
    mv.visitJumpInsn(Opcodes.IFNONNULL, locked);
    call(mv, h, params);
    mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
    // tracked: javac's synchronized (receiver) { entered; call; exiting }
    mv.visitLabel(locked);
    frame(mv, params, 1, new Object[0]);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitInsn(Opcodes.DUP);
    mv.visitVarInsn(Opcodes.ASTORE, lock);
    mv.visitInsn(Opcodes.MONITORENTER);
    mv.visitLabel(start);
    mv.visitVarInsn(Opcodes.ALOAD, state);
    mv.visitVarInsn(Opcodes.ALOAD, lock);
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, MONITOR, "entered", STATE_AND_RECEIVER, false);
    call(mv, h, params);
    release(mv, state, lock);
    mv.visitLabel(end);
    mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
    // any exception: release, then rethrow (the handler covers its own release, as javac's does)
    mv.visitLabel(handler);
    frame(mv, params, 2, new Object[] {"java/lang/Throwable"});
    mv.visitVarInsn(Opcodes.ASTORE, thrown);
    release(mv, state, lock);
    mv.visitLabel(handlerEnd);
    mv.visitVarInsn(Opcodes.ALOAD, thrown);
    mv.visitInsn(Opcodes.ATHROW);
    mv.visitMaxs(Math.max(paramSlots, 3), thrown + 1);
    mv.visitEnd();
  }

  private static void call(MethodVisitor mv, Helper h, Type[] params) {
    int slot = 0;
    for (Type p : params) {
      mv.visitVarInsn(p.getOpcode(Opcodes.ILOAD), slot);
      slot += p.getSize();
    }
    mv.visitMethodInsn(h.opcode, h.owner, h.methodName, h.methodDescriptor, h.ownerIsInterface);
  }

  /** A full frame: the parameters, then {@code objects} locals of type Object, then the stack. */
  private void frame(MethodVisitor mv, Type[] params, int objects, Object[] stack) {
    if (!withFrames) {
      return;
    }
    List<Object> locals = new ArrayList<>();
    for (Type p : params) {
      locals.add(frameType(p));
    }
    for (int i = 0; i < objects; i++) {
      locals.add("java/lang/Object");
    }
    mv.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.length, stack);
  }

  private static void release(MethodVisitor mv, int state, int lock) {
    mv.visitVarInsn(Opcodes.ALOAD, state);
    mv.visitVarInsn(Opcodes.ALOAD, lock);
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, MONITOR, "exiting", STATE_AND_RECEIVER, false);
    mv.visitVarInsn(Opcodes.ALOAD, lock);
    mv.visitInsn(Opcodes.MONITOREXIT);
  }

  private static Object frameType(Type t) {
    switch (t.getSort()) {
      case Type.BOOLEAN:
      case Type.BYTE:
      case Type.CHAR:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      default:
        return t.getInternalName();
    }
  }

  private static final class Helper {
    final String name;
    final String descriptor;
    final int opcode;
    final String owner;
    final String methodName;
    final String methodDescriptor;
    final boolean ownerIsInterface;
    final int method;

    Helper(
        String name,
        String descriptor,
        int opcode,
        String owner,
        String methodName,
        String methodDescriptor,
        boolean ownerIsInterface,
        int method) {
      this.name = name;
      this.descriptor = descriptor;
      this.opcode = opcode;
      this.owner = owner;
      this.methodName = methodName;
      this.methodDescriptor = methodDescriptor;
      this.ownerIsInterface = ownerIsInterface;
      this.method = method;
    }
  }
}
