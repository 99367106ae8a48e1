package dev.gilscope.analyzer.read;

import java.nio.charset.StandardCharsets;

/**
 * The name a thread is reported by, the same from the chunk decoder and from the JDK's parser: its
 * Java name, else its OS name, else (virtual threads are unnamed unless the application names them)
 * its id in the form {@code Thread.toString()} uses, {@code VirtualThread[#42]} or {@code
 * Thread[#42]}. Without the id, 100,000 unnamed virtual threads would be reported as one thread.
 */
final class ThreadNames {
  private static final byte[] VIRTUAL_PREFIX =
      "VirtualThread[#".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLATFORM_PREFIX = "Thread[#".getBytes(StandardCharsets.US_ASCII);

  private ThreadNames() {}

  /**
   * @param javaThreadId the thread's id, 0 (or less) when it has none
   */
  static String of(String javaName, String osName, long javaThreadId, boolean virtual) {
    if (javaName != null && !javaName.isEmpty()) {
      return javaName;
    }
    if (osName != null && !osName.isEmpty()) {
      return osName;
    }
    if (javaThreadId > 0) {
      return idName(virtual ? VIRTUAL_PREFIX : PLATFORM_PREFIX, javaThreadId);
    }
    return javaName != null ? javaName : osName;
  }

  /**
   * {@code prefix}, the id's digits and {@code ]}, written into one array of the exact length: a
   * pool of 100,000 virtual threads names every one, and a concatenation made a builder and grew
   * its array for each (four objects of garbage per thread, a tenth of what the reader allocated).
   */
  private static String idName(byte[] prefix, long id) {
    int digits = 1;
    for (long rest = id; rest >= 10; rest /= 10) {
      digits++;
    }
    byte[] name = new byte[prefix.length + digits + 1];
    System.arraycopy(prefix, 0, name, 0, prefix.length);
    int at = prefix.length + digits;
    name[at] = ']';
    for (long rest = id; at > prefix.length; rest /= 10) {
      name[--at] = (byte) ('0' + rest % 10);
    }
    return new String(name, StandardCharsets.ISO_8859_1);
  }
}
