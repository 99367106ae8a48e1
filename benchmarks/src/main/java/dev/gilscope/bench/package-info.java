/** Benchmarks: per-acquisition cost (JMH) and whole-app overhead, side by side. */
package dev.gilscope.bench;
