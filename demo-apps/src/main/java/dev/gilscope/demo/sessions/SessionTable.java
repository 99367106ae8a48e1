package dev.gilscope.demo.sessions;

import java.util.ArrayDeque;
import java.util.Hashtable;
import java.util.zip.CRC32;

/**
 * A web application's session store the way much legacy Java keeps it: one {@code
 * java.util.Hashtable} from session id to session, updated with {@code sessions.compute(id,
 * update)}. Correct, and every request of every worker goes through the table's monitor, because
 * {@code Hashtable.compute} is {@code synchronized} and runs the update (re-rendering the session
 * cookie) while it holds the table. A JDK class is the hidden GIL: {@code
 * monitor=java.util.Hashtable}.
 *
 * <p>Thread-safe. Also measures how long the table's monitor is held by the updates.
 */
final class SessionTable {
  private static final int HISTORY = 200;

  private final Hashtable<String, Session> sessions = new Hashtable<>();
  // written only inside sessions.compute, that is holding the table's monitor
  private long updateNanos;

  /** One request: the rendering of its page outside the table, the session update inside it. */
  String handle(String sessionId, String path) {
    String page = "<h1>" + path + "</h1>";
    Session session = sessions.compute(sessionId, (id, old) -> visit(id, old, path));
    return page + session.cookie;
  }

  /** Runs inside {@code Hashtable.compute}, holding the table's monitor. */
  private Session visit(String id, Session old, String path) {
    long start = System.nanoTime();
    Session session = old == null ? new Session(id) : old;
    session.visited(path);
    updateNanos += System.nanoTime() - start;
    return session;
  }

  /** Total time the updates have held the table so far. */
  long updateNanos() {
    synchronized (sessions) {
      return updateNanos;
    }
  }

  int size() {
    return sessions.size();
  }

  /** A session: its recent pages, and a cookie re-rendered from them on every visit. */
  private static final class Session {
    private final String id;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private String cookie = "";

    Session(String id) {
      this.id = id;
    }

    void visited(String path) {
      if (recent.size() == HISTORY) {
        recent.removeFirst();
      }
      recent.addLast(path);
      StringBuilder rendered = new StringBuilder(id);
      for (String page : recent) {
        rendered.append('|').append(page);
      }
      CRC32 crc = new CRC32();
      for (int i = 0; i < rendered.length(); i++) {
        crc.update(rendered.charAt(i));
      }
      cookie = id + "." + Long.toHexString(crc.getValue());
    }
  }
}
