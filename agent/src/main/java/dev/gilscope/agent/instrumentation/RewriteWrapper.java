package dev.gilscope.agent.instrumentation;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;

/** Plugs {@link SiteRewriter} into Byte Buddy's class transformation for one class. */
final class RewriteWrapper implements AsmVisitorWrapper {
  private final Plan plan;
  private final boolean wrapSynchronized;
  private final JdkCallSites jdkCalls;

  RewriteWrapper(Plan plan, boolean wrapSynchronized, JdkCallSites jdkCalls) {
    this.plan = plan;
    this.wrapSynchronized = wrapSynchronized;
    this.jdkCalls = jdkCalls;
  }

  @Override
  public int mergeWriter(int flags) {
    return flags;
  }

  @Override
  public int mergeReader(int flags) {
    // the synchronized-method wrapper adds a handler frame in the expanded format
    return wrapSynchronized ? flags | ClassReader.EXPAND_FRAMES : flags;
  }

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    return new SiteRewriter(classVisitor, plan, wrapSynchronized, plan.debug, jdkCalls, typePool);
  }
}
