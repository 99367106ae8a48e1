package dev.gilscope.jmc;

import dev.gilscope.analyzer.read.EventView;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * The analyzer's {@link EventView} over one of JMC's parsed events ({@link IItem}): JMC names an
 * event's fields by the JFR field names, so the analyzer's field names look them up unchanged; the
 * values come as JMC's objects (timespans and timestamps as {@link IQuantity}, threads as {@link
 * IMCThread}, classes as {@link IMCType}) and are converted as the analyzer's other views convert
 * the JDK's. One instance per event type, pointed at each event of that type in turn.
 * Thread-confined.
 */
final class ItemEventView implements EventView {
  private final String typeName;
  private final IMemberAccessor<IQuantity, IItem> start;
  private final IMemberAccessor<IQuantity, IItem> end;
  private final IMemberAccessor<IQuantity, IItem> duration;
  private final IMemberAccessor<IMCThread, IItem> thread;
  private final Map<String, IMemberAccessor<?, IItem>> fields = new HashMap<>();
  private IItem item;

  ItemEventView(IType<IItem> type) {
    this.typeName = type.getIdentifier();
    this.start = JfrAttributes.START_TIME.getAccessor(type);
    this.end = JfrAttributes.END_TIME.getAccessor(type);
    this.duration = JfrAttributes.DURATION.getAccessor(type);
    this.thread = JfrAttributes.EVENT_THREAD.getAccessor(type);
    for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
      IMemberAccessor<?, IItem> accessor = type.getAccessor(key);
      if (accessor != null) {
        fields.put(key.getIdentifier(), accessor);
      }
    }
  }

  ItemEventView of(IItem item) {
    this.item = item;
    return this;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public long startEpochNanos() {
    return epochNanos(start);
  }

  @Override
  public long endEpochNanos() {
    return end != null ? epochNanos(end) : startEpochNanos();
  }

  @Override
  public long durationNanos() {
    IQuantity d = duration != null ? duration.getMember(item) : null;
    return d == null ? 0 : d.clampedLongValueIn(UnitLookup.NANOSECOND);
  }

  @Override
  public String eventThreadName() {
    return thread != null ? name(thread.getMember(item)) : null;
  }

  @Override
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  @Override
  public long longValue(String field) {
    Object v = value(field);
    if (v instanceof IQuantity q) {
      return q.longValue();
    }
    return v instanceof Number n ? n.longValue() : 0;
  }

  @Override
  public boolean booleanValue(String field) {
    return Boolean.TRUE.equals(value(field));
  }

  @Override
  public float floatValue(String field) {
    Object v = value(field);
    if (v instanceof IQuantity q) {
      // JFR's @Percentage fractions (jdk.ThreadCPULoad) become JMC percentages: back to 0..1
      return (float)
          (q.getType() == UnitLookup.PERCENTAGE
              ? q.doubleValueIn(UnitLookup.PERCENT_UNITY)
              : q.doubleValue());
    }
    return v instanceof Number n ? n.floatValue() : 0f;
  }

  @Override
  public String string(String field) {
    Object v = value(field);
    return v instanceof String s ? s : null;
  }

  @Override
  public long nanos(String field) {
    Object v = value(field);
    if (v instanceof IQuantity q) {
      return q.getType() == UnitLookup.TIMESPAN
          ? q.clampedLongValueIn(UnitLookup.NANOSECOND)
          : q.longValue();
    }
    return v instanceof Number n ? n.longValue() : 0;
  }

  @Override
  public long epochNanos(String field) {
    Object v = value(field);
    if (v instanceof IQuantity q && q.getType() == UnitLookup.TIMESTAMP) {
      return q.clampedLongValueIn(UnitLookup.EPOCH_NS);
    }
    return -1;
  }

  @Override
  public String className(String field) {
    Object v = value(field);
    return v instanceof IMCType t ? t.getFullName() : null;
  }

  @Override
  public String threadName(String field) {
    Object v = value(field);
    return v instanceof IMCThread t ? name(t) : null;
  }

  private Object value(String field) {
    IMemberAccessor<?, IItem> accessor = fields.get(field);
    return accessor == null ? null : accessor.getMember(item);
  }

  private long epochNanos(IMemberAccessor<IQuantity, IItem> accessor) {
    IQuantity q = accessor != null ? accessor.getMember(item) : null;
    return q == null ? -1 : q.clampedLongValueIn(UnitLookup.EPOCH_NS);
  }

  /** Java name, else OS name ({@link IMCThread#getThreadName} answers that way already). */
  private static String name(IMCThread t) {
    return t == null ? null : t.getThreadName();
  }
}
