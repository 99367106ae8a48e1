package dev.gilscope.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.RunnableFuture;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The packaged jar as the JMC desktop application loads it: an OSGi bundle in Eclipse Equinox
 * (JMC's framework) beside JMC 9.1.1's own bundles from Maven Central. It must resolve against
 * them, and JMC's way of finding a bundle's rules (ExtensionRuleProvider: the ServiceLoader with
 * the class loader of each bundle that extends the ruleProvider extension point) must find and run
 * the four rules inside the framework. The extension itself is checked against JMC's own rules
 * bundle's plugin.xml (the extension registry is part of the Eclipse platform, not of these jars).
 */
class JmcDesktopBundleIT {
  private static final Path JAR = Path.of(System.getProperty("gilscope.jmc.jar"));
  private static final Path JMC_LIB = Path.of(System.getProperty("gilscope.jmc.lib"));

  @Test
  void theBundleResolvesAndItsRulesRunInsideOsgi(@TempDir Path storage) throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    Framework framework =
        ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
    framework.start();
    try {
      List<Bundle> bundles = new ArrayList<>();
      try (Stream<Path> jars = Files.list(JMC_LIB)) {
        for (Path jar : jars.sorted().toList()) {
          bundles.add(install(framework, jar));
        }
      }
      Bundle gilscope = install(framework, JAR);
      bundles.add(gilscope);
      framework.adapt(FrameworkWiring.class).resolveBundles(bundles);

      assertThat(gilscope.getSymbolicName()).isEqualTo("dev.gilscope.jmc");
      assertThat(gilscope.getState()).as("gilscope-jmc resolved").isEqualTo(Bundle.RESOLVED);

      ClassLoader loader = gilscope.adapt(BundleWiring.class).getClassLoader();
      Class<?> ruleType = loader.loadClass("org.openjdk.jmc.flightrecorder.rules.IRule");
      Map<String, Object> rules = new HashMap<>();
      for (Object rule : ServiceLoader.load(ruleType, loader)) {
        rules.put((String) ruleType.getMethod("getId").invoke(rule), rule);
      }
      assertThat(rules)
          .containsOnlyKeys(
              "GilscopeSerialization", "GilscopeThrashing", "GilscopeConvoy", "GilscopeStarvation");

      Object result =
          evaluate(loader, rules.get("GilscopeSerialization"), "agent-jdk17-old-gil.jfr");
      Class<?> resultType = loader.loadClass("org.openjdk.jmc.flightrecorder.rules.IResult");
      assertThat(resultType.getMethod("getSeverity").invoke(result).toString())
          .isEqualTo("WARNING");
      assertThat((String) resultType.getMethod("getSummary").invoke(result))
          .startsWith("CRITICAL SERIALIZATION on dev.gilscope.demo.oldgil.OldGilInterpreter#GIL");
    } finally {
      framework.stop();
      framework.waitForStop(60_000);
    }
  }

  @Test
  void pluginXmlDeclaresTheRuleProviderExtensionAsJmcsOwnRulesBundle() throws Exception {
    Element ours = extension(JAR);
    Element jmcs = extension(JMC_LIB.resolve("flightrecorder.rules.jdk-9.1.1.jar"));

    assertThat(ours.getAttribute("point"))
        .isEqualTo("org.openjdk.jmc.flightrecorder.rules.ruleProvider")
        .isEqualTo(jmcs.getAttribute("point"));
    assertThat(ours.getElementsByTagName("ruleProvider").getLength())
        .isEqualTo(jmcs.getElementsByTagName("ruleProvider").getLength())
        .isEqualTo(1);
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
          .as("plugin.xml needs a singleton bundle")
          .contains("singleton:=true");
      assertThat(jar.getEntry("META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule"))
          .isNotNull();
    }
  }

  private static Bundle install(Framework framework, Path jar) throws Exception {
    try (InputStream in = Files.newInputStream(jar)) {
      return framework.getBundleContext().installBundle(jar.toUri().toString(), in);
    }
  }

  /** rule.createEvaluation(JfrLoaderToolkit.loadEvents(file), defaults, null), run, result. */
  private static Object evaluate(ClassLoader loader, Object rule, String fixture) throws Exception {
    Class<?> toolkit = loader.loadClass("org.openjdk.jmc.flightrecorder.JfrLoaderToolkit");
    Object items =
        toolkit.getMethod("loadEvents", File.class).invoke(null, Fixtures.file(fixture).toFile());
    Class<?> itemsType = loader.loadClass("org.openjdk.jmc.common.item.IItemCollection");
    Class<?> preferencesType =
        loader.loadClass("org.openjdk.jmc.common.util.IPreferenceValueProvider");
    Class<?> resultsType =
        loader.loadClass("org.openjdk.jmc.flightrecorder.rules.IResultValueProvider");
    Object defaults = preferencesType.getField("DEFAULT_VALUES").get(null);
    RunnableFuture<?> evaluation =
        (RunnableFuture<?>)
            loader
                .loadClass("org.openjdk.jmc.flightrecorder.rules.IRule")
                .getMethod("createEvaluation", itemsType, preferencesType, resultsType)
                .invoke(rule, items, defaults, null);
    evaluation.run();
    return evaluation.get();
  }

  private static Element extension(Path jar) throws Exception {
    try (JarFile file = new JarFile(jar.toFile());
        InputStream in = file.getInputStream(file.getEntry("plugin.xml"))) {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      return (Element) doc.getElementsByTagName("extension").item(0);
    }
  }
}
