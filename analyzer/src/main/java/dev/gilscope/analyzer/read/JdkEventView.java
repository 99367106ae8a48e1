package dev.gilscope.analyzer.read;

import jdk.jfr.consumer.RecordedEvent;

/**
 * {@link EventView} over the JDK's {@link RecordedEvent}: the fallback path, used when gilscope's
 * own decoder does not understand a file. One mutable instance per reading thread, pointed at each
 * event in turn; every getter goes through {@link Fields} (cached field sets and names).
 */
final class JdkEventView implements EventView {
  private RecordedEvent event;

  JdkEventView of(RecordedEvent e) {
    this.event = e;
    return this;
  }

  @Override
  public String typeName() {
    return event.getEventType().getName();
  }

  @Override
  public long startEpochNanos() {
    return Fields.toEpochNanos(event.getStartTime());
  }

  @Override
  public long endEpochNanos() {
    return Fields.toEpochNanos(event.getEndTime());
  }

  @Override
  public long durationNanos() {
    return Fields.saturatedNanos(event.getDuration());
  }

  @Override
  public String eventThreadName() {
    return Fields.threadName(event.getThread());
  }

  @Override
  public boolean has(String field) {
    return Fields.has(event, field);
  }

  @Override
  public long longValue(String field) {
    return Fields.longValue(event, field);
  }

  @Override
  public boolean booleanValue(String field) {
    return Fields.booleanValue(event, field);
  }

  @Override
  public float floatValue(String field) {
    return Fields.has(event, field) ? event.getFloat(field) : 0f;
  }

  @Override
  public String string(String field) {
    return Fields.string(event, field);
  }

  @Override
  public long nanos(String field) {
    return Fields.nanos(event, field);
  }

  @Override
  public long epochNanos(String field) {
    return Fields.epochNanos(event, field);
  }

  @Override
  public String className(String field) {
    return Fields.className(event, field);
  }

  @Override
  public String threadName(String field) {
    return Fields.threadName(event, field);
  }
}
