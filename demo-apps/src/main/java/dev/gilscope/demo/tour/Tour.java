package dev.gilscope.demo.tour;

import java.io.PrintStream;
import java.util.List;

/** Placeholder. */
public final class Tour {
  private Tour() {}

  public static int main(List<String> args, PrintStream out, PrintStream err) {
    return 2;
  }
}
