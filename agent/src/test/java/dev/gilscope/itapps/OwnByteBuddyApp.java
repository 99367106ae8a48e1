package dev.gilscope.itapps;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/** An application that brings its own (unrelocated) Byte Buddy, next to the agent's shaded one. */
public final class OwnByteBuddyApp {
  private OwnByteBuddyApp() {}

  public static void main(String[] args) throws Exception {
    Class<?> generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("bytebuddy ok"))
            .make()
            .load(OwnByteBuddyApp.class.getClassLoader())
            .getLoaded();
    System.out.println(generated.getDeclaredConstructor().newInstance());
    GilLoop.run(2, 1000, 10);
  }
}
