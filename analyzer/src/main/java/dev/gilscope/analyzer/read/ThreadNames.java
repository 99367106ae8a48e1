package dev.gilscope.analyzer.read;

/**
 * The name a thread is reported by, the same from the chunk decoder and from the JDK's parser: its
 * Java name, else its OS name, else (virtual threads are unnamed unless the application names them)
 * its id in the form {@code Thread.toString()} uses, {@code VirtualThread[#42]} or {@code
 * Thread[#42]}. Without the id, 100,000 unnamed virtual threads would be reported as one thread.
 */
final class ThreadNames {
  private ThreadNames() {}

  static String of(String javaName, String osName, Long javaThreadId, boolean virtual) {
    if (javaName != null && !javaName.isEmpty()) {
      return javaName;
    }
    if (osName != null && !osName.isEmpty()) {
      return osName;
    }
    if (javaThreadId != null && javaThreadId > 0) {
      // + compiles to StringBuilder code here (-XDstringConcat=inline, analyzer/pom.xml): no method
      // handles for C1 to run slowly, and a pool of 100,000 virtual threads names every one
      return (virtual ? "VirtualThread[#" : "Thread[#") + javaThreadId.longValue() + ']';
    }
    return javaName != null ? javaName : osName;
  }
}
