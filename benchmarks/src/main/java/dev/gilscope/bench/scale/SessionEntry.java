package dev.gilscope.bench.scale;

/** One of many live instances used as a monitor (a session or cache entry). */
public final class SessionEntry {
  private final int id;
  private long hits;

  SessionEntry(int id) {
    this.id = id;
  }

  synchronized void touch() {
    hits += ScaleWorkload.work(50) + 1;
  }

  @Override
  public String toString() {
    return "session-" + id + " (" + hits + " hits)";
  }
}
